//! The word lists of `assets/lexicon/`, embedded at compile time and merged into one map from a
//! word's match key to the set of things it can be (title, role, place, given name…), so that
//! classifying a capitalised word costs one hash lookup.
//!
//! The lists are general (titles, role words, countries, a public-domain list of given names);
//! nothing in them names a particular person.

use crate::analysis::dates::scan::{MONTHS, WEEKDAYS};
use crate::text::fold;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// A title that stands before a name ("President", "Judge", "Secretary").
pub const TITLE: u32 = 1;
/// A lower-case role or occupation word ("spokesman", "engineer").
pub const ROLE: u32 = 1 << 1;
/// A kinship or representation word after a possessive ("widow", "lawyer").
pub const KIN: u32 = 1 << 2;
/// A word that makes a run an organisation or a place when it ends it ("Holdings", "Hall").
pub const ORG: u32 = 1 << 3;
/// An [`ORG`] word that is also a common surname ("Park", "Hall").
pub const ORG_SURNAME: u32 = 1 << 4;
/// A word that opens place names ("Port", "Santa", "Rua").
pub const PLACE_PREFIX: u32 = 1 << 5;
/// A country, region or city.
pub const PLACE: u32 = 1 << 6;
/// A nationality or similar adjective ("Russian", "Catholic").
pub const NATIONALITY: u32 = 1 << 7;
/// A function word or a capitalised word that is never a name.
pub const STOP: u32 = 1 << 8;
/// A given name mostly given to men.
pub const GIVEN_M: u32 = 1 << 9;
/// A given name mostly given to women.
pub const GIVEN_F: u32 = 1 << 10;
/// An honorific ("Mr", "Dr").
pub const HONORIFIC: u32 = 1 << 11;
/// An honorific for men ("Mr", "Sir").
pub const HON_M: u32 = 1 << 12;
/// An honorific for women ("Mrs", "Ms").
pub const HON_F: u32 = 1 << 13;
/// A name particle ("da", "van", "bin").
pub const PARTICLE: u32 = 1 << 14;
/// A month name (abbreviations are left out: "Jan" is also a given name).
pub const MONTH: u32 = 1 << 15;
/// A weekday name.
pub const WEEKDAY: u32 = 1 << 16;
/// A name suffix ("Jr", "III").
pub const SUFFIX: u32 = 1 << 17;
/// A frequent surname.
pub const SURNAME: u32 = 1 << 18;
/// A lower-case noun that makes the capitalised run after it an organisation ("company X").
pub const ORG_NOUN: u32 = 1 << 19;
/// A lower-case noun that makes the capitalised run after it a place ("village of X").
pub const PLACE_NOUN: u32 = 1 << 20;
/// A one-word organisation name of `organizations.txt` ("Reuters", "Twitter").
pub const ORG_NAME: u32 = 1 << 21;
/// A lower-case noun for a thing ("ship", "film"): the capitalised run after it names that thing.
pub const THING_NOUN: u32 = 1 << 23;
/// A nationality noun ("Frenchman"): before a name it says who the name is.
pub const DEMONYM: u32 = 1 << 22;

/// Either given-name flag.
pub const GIVEN: u32 = GIVEN_M | GIVEN_F;

/// Words that may never be part of a person's name.
pub const NOT_NAME: u32 = TITLE | HONORIFIC | NATIONALITY | STOP | WEEKDAY | PLACE_PREFIX | SUFFIX;

const PARTICLES: &[&str] = &[
    "da", "de", "di", "do", "dos", "das", "del", "della", "der", "den", "van", "von", "zu", "bin",
    "ibn", "al", "el", "le", "la", "du", "ter", "ten", "af", "ben", "bint", "y",
];

const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Keyed by the match key's bytes, so that a key made in a stack buffer is looked up without
/// checking it is UTF-8 again.
static LEXICON: LazyLock<FxHashMap<Box<[u8]>, u32>> = LazyLock::new(build);

/// What a whole capitalised phrase names, when a gazetteer knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// A country, capital, region or large city (GeoNames).
    Place,
    /// An organisation of `organizations.txt`.
    Organization,
}

/// Folded multi-word and one-word names of the gazetteers ("new york" → place), keyed by bytes
/// as [`LEXICON`] is.
static PHRASES: LazyLock<FxHashMap<Box<[u8]>, Known>> = LazyLock::new(|| {
    let mut map = FxHashMap::with_capacity_and_hasher(8192, Default::default());
    let places = include_str!("../../../assets/lexicon/places-geonames.txt");
    for line in places.lines() {
        if line.starts_with('#') {
            continue;
        }
        if let Some((name, _kind)) = line.split_once('\t') {
            map.insert(phrase_key(name).into_bytes().into(), Known::Place);
        }
    }
    for line in include_str!("../../../assets/lexicon/organizations.txt").lines() {
        let line = line.trim();
        if !line.is_empty() && !line.starts_with('#') {
            map.insert(phrase_key(line).into_bytes().into(), Known::Organization);
        }
    }
    map
});

/// The gazetteer key of a phrase: folded, words joined by single spaces, hyphens kept.
pub fn phrase_key(phrase: &str) -> String {
    let mut key = String::with_capacity(phrase.len());
    for w in phrase.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        crate::text::fold_into(w, &mut key);
    }
    key
}

/// What the gazetteers say a phrase (as written) names. Runs for every capitalised run of every
/// article, so a short ASCII phrase is keyed in a stack buffer, without allocating.
pub fn known_phrase(phrase: &str) -> Option<Known> {
    const MAX: usize = 64;
    if phrase.len() <= MAX && phrase.is_ascii() {
        let mut buf = [0u8; MAX];
        let mut n = 0;
        for w in phrase.split_whitespace() {
            if n > 0 {
                buf[n] = b' ';
                n += 1;
            }
            buf[n..n + w.len()].copy_from_slice(w.as_bytes());
            n += w.len();
        }
        let key = &mut buf[..n];
        key.make_ascii_lowercase();
        return PHRASES.get(&key[..]).copied();
    }
    PHRASES.get(phrase_key(phrase).as_bytes()).copied()
}

/// Short form or full given name → the full names it stands for ("bill" → ["william"]).
static NICKNAMES: LazyLock<FxHashMap<String, Vec<String>>> = LazyLock::new(|| {
    let mut map: FxHashMap<String, Vec<String>> = FxHashMap::default();
    let src = include_str!("../../../assets/lexicon/nicknames.txt");
    for line in src.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut forms = line.split_whitespace().map(fold);
        let Some(full) = forms.next() else { continue };
        map.entry(full.clone()).or_default().push(full.clone());
        for short in forms {
            map.entry(short).or_default().push(full.clone());
        }
    }
    map
});

/// Whether a folded given name has known short or full forms (see [`same_given_name`]).
pub fn has_nicknames(a: &str) -> bool {
    NICKNAMES.contains_key(a)
}

/// Whether two folded given names are short and full forms of one name ("bill", "william").
pub fn same_given_name(a: &str, b: &str) -> bool {
    match (NICKNAMES.get(a), NICKNAMES.get(b)) {
        (Some(x), Some(y)) => x.iter().any(|f| y.contains(f)),
        _ => false,
    }
}

/// Lines of a list file: comments (`#`) and blank lines skipped, first column only unless
/// `columns` is asked for.
fn entries(src: &'static str) -> impl Iterator<Item = (&'static str, Option<&'static str>)> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut parts = l.split_whitespace();
            let word = parts.next().unwrap_or_default();
            (word, parts.next())
        })
}

fn build() -> FxHashMap<Box<[u8]>, u32> {
    // About 40,000 words: sized once, each word folded into one reused buffer, and only a new
    // word allocates its key.
    let mut map: FxHashMap<Box<[u8]>, u32> =
        FxHashMap::with_capacity_and_hasher(48 * 1024, Default::default());
    let mut key = String::new();
    let mut add = |word: &str, flags: u32| {
        key.clear();
        crate::text::fold_into(word, &mut key);
        match map.get_mut(key.as_bytes()) {
            Some(c) => *c |= flags,
            None => {
                map.insert(key.as_bytes().into(), flags);
            }
        }
    };
    let lists: [(&'static str, u32); 10] = [
        (
            include_str!("../../../assets/lexicon/demonyms.txt"),
            DEMONYM | NATIONALITY,
        ),
        (include_str!("../../../assets/lexicon/titles.txt"), TITLE),
        (include_str!("../../../assets/lexicon/roles.txt"), ROLE),
        (include_str!("../../../assets/lexicon/kinship.txt"), KIN),
        (
            include_str!("../../../assets/lexicon/place-prefixes.txt"),
            PLACE_PREFIX,
        ),
        (include_str!("../../../assets/lexicon/places.txt"), PLACE),
        (
            include_str!("../../../assets/lexicon/nationalities.txt"),
            NATIONALITY,
        ),
        (include_str!("../../../assets/lexicon/stopwords.txt"), STOP),
        (include_str!("../../../assets/lexicon/org-words.txt"), ORG),
        (
            include_str!("../../../assets/lexicon/honorifics.txt"),
            HONORIFIC,
        ),
    ];
    for (src, flag) in lists {
        for (word, extra) in entries(src) {
            let extra_flags = match (flag, extra) {
                (ORG, Some("?")) => ORG_SURNAME,
                (HONORIFIC, Some("m")) => HON_M,
                (HONORIFIC, Some("f")) => HON_F,
                _ => 0,
            };
            add(word, flag | extra_flags);
        }
    }
    let given = include_str!("../../../assets/lexicon/given-names.txt");
    let world = include_str!("../../../assets/lexicon/given-names-world.txt");
    for (word, gender) in entries(given).chain(entries(world)) {
        let flags = match gender {
            Some("m") => GIVEN_M,
            Some("f") => GIVEN_F,
            _ => GIVEN,
        };
        add(word, flags);
    }
    for (word, _) in entries(include_str!("../../../assets/lexicon/surnames.txt")) {
        add(word, SURNAME);
    }
    for (word, kind) in entries(include_str!("../../../assets/lexicon/entity-nouns.txt")) {
        let flag = match kind {
            Some("place") => PLACE_NOUN,
            Some("thing") => THING_NOUN,
            _ => ORG_NOUN,
        };
        add(word, flag);
    }
    // One-word names of the gazetteers: a city or an agency is never a person's first word.
    let places = include_str!("../../../assets/lexicon/places-geonames.txt");
    for line in places.lines().filter(|l| !l.starts_with('#')) {
        if let Some((name, _)) = line.split_once('\t')
            && !name.contains(' ')
        {
            add(name, PLACE);
        }
    }
    for (word, more) in entries(include_str!("../../../assets/lexicon/organizations.txt")) {
        if more.is_none() {
            add(word, ORG_NAME);
        }
    }
    for (words, flag) in [
        (PARTICLES, PARTICLE),
        (&MONTHS, MONTH),
        (&WEEKDAYS, WEEKDAY),
        (SUFFIXES, SUFFIX),
    ] {
        for w in words {
            add(w, flag);
        }
    }
    map
}

/// Calls `f` with the match key of `word` (see [`crate::text::fold`]), without allocating for
/// short ASCII words: this runs for every capitalised word of every article.
pub fn with_key<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    with_key_bytes(word, |k| {
        // The key is `word` lowercased (ASCII) or folded: UTF-8 either way.
        f(std::str::from_utf8(k).unwrap_or_default())
    })
}

/// [`with_key`] as bytes, for the tables keyed by bytes: no UTF-8 check on the hot path.
pub(crate) fn with_key_bytes<R>(word: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    const MAX: usize = 40;
    if word.len() <= MAX && word.is_ascii() {
        let mut buf = [0u8; MAX];
        let key = &mut buf[..word.len()];
        key.copy_from_slice(word.as_bytes());
        key.make_ascii_lowercase();
        f(key)
    } else {
        f(fold(word).as_bytes())
    }
}

/// Whether `word` lowercased is one of `list` (lower-case words), without allocating for an
/// ASCII word: `list.contains(&word.to_lowercase())`.
pub fn lower_in(word: &str, list: &[&str]) -> bool {
    if word.is_ascii() {
        list.iter().any(|x| x.eq_ignore_ascii_case(word))
    } else {
        list.contains(&word.to_lowercase().as_str())
    }
}

/// Whether `word` (as written, any case) is a name particle: "da", "van", "bin".
pub fn is_particle(word: &str) -> bool {
    // Asked of most lower-case words of a text: a length check first, then the list compared in
    // lower case (a non-ASCII byte never equals a particle's).
    let w = word.as_bytes();
    if w.len() > 5 {
        return false;
    }
    let mut buf = [0u8; 5];
    let key = &mut buf[..w.len()];
    key.copy_from_slice(w);
    key.make_ascii_lowercase();
    PARTICLES.iter().any(|p| p.as_bytes() == &key[..])
}

/// What a word (as written) can be: a set of the flags above, 0 when unknown.
pub fn classify(word: &str) -> u32 {
    with_key_bytes(word, |k| LEXICON.get(k).copied().unwrap_or(0))
}

/// What a match key can be (see [`classify`]).
pub fn classify_key(key: &str) -> u32 {
    LEXICON.get(key.as_bytes()).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_loaded_and_folded() {
        assert_ne!(classify("President") & TITLE, 0);
        assert_ne!(classify("spokesman") & ROLE, 0);
        assert_ne!(classify("Mrs") & HON_F, 0);
        assert_ne!(classify("Holdings") & ORG, 0);
        assert_ne!(classify("Park") & ORG_SURNAME, 0);
        assert_ne!(classify("São") & PLACE_PREFIX, 0);
        assert_ne!(classify("Lena") & GIVEN_F, 0);
        assert_ne!(classify("Peter") & GIVEN_M, 0);
        assert_ne!(classify("van") & PARTICLE, 0);
        assert_ne!(classify("February") & MONTH, 0);
        assert_ne!(classify("Harris") & SURNAME, 0);
        assert_eq!(classify("White") & SURNAME, 0);
        assert_eq!(classify("Zyxwv"), 0);
    }

    #[test]
    fn list_checks_ignore_case_as_lowercasing_does() {
        assert!(lower_in("Festival", &["cup", "festival"]));
        assert!(!lower_in("Festivals", &["festival"]));
        assert!(lower_in("ÉTÉ", &["été"]));
        assert!(is_particle("Van") && is_particle("VON") && is_particle("bin"));
        assert!(!is_particle("vans") && !is_particle("vân") && !is_particle(""));
    }

    #[test]
    fn nicknames_pair_up() {
        assert!(same_given_name("bill", "william"));
        assert!(same_given_name("kate", "katie"));
        assert!(!same_given_name("bill", "robert"));
        assert!(!same_given_name("zyx", "zyx"));
    }

    #[test]
    fn given_names_exclude_places_and_months() {
        for w in ["Paris", "April", "Jordan", "Georgia", "Christian"] {
            assert_eq!(classify(w) & GIVEN, 0, "{w}");
        }
    }
}
