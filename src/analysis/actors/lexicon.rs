//! The word lists of `assets/lexicon/`, merged at compile time (`build.rs`) into one table from a
//! word's match key to the set of things it can be (title, role, place, given name…), so that
//! classifying a capitalised word costs one hash lookup and a run loads nothing at start-up.
//!
//! The lists are general (titles, role words, countries, a public-domain list of given names);
//! nothing in them names a particular person.

use crate::text::fold;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

include!("lexicon_shared.rs");

/// A word table made by `build.rs`: open addressing over [`key_hash`], 12 bytes a slot
/// (key offset, key length, value; length 0 for an empty slot), linear probing. Embedded in the
/// binary, so a run starts without building a map of the ~40,000 listed words.
struct Table {
    keys: &'static [u8],
    slots: &'static [u8],
}

impl Table {
    fn get(&self, key: &[u8]) -> Option<u32> {
        let mask = self.slots.len() / 12 - 1;
        let mut i = key_hash(key) as usize & mask;
        loop {
            let s = &self.slots[i * 12..i * 12 + 12];
            let word = |at: usize| u32::from_le_bytes([s[at], s[at + 1], s[at + 2], s[at + 3]]);
            let len = word(4) as usize;
            if len == 0 {
                return None;
            }
            if len == key.len() {
                let off = word(0) as usize;
                if &self.keys[off..off + len] == key {
                    return Some(word(8));
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// Every key with its value, in slot order.
    #[cfg(test)]
    fn entries(&self) -> impl Iterator<Item = (&'static [u8], u32)> + '_ {
        self.slots.chunks_exact(12).filter_map(|s| {
            let word = |at: usize| u32::from_le_bytes([s[at], s[at + 1], s[at + 2], s[at + 3]]);
            let (off, len) = (word(0) as usize, word(4) as usize);
            (len > 0).then(|| (&self.keys[off..off + len], word(8)))
        })
    }
}

/// Every listed word's match key with the flags of the lists it is in (see
/// [`lexicon_words`]): classifying a capitalised word costs one lookup.
static LEXICON: Table = Table {
    keys: include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.keys")),
    slots: include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.slots")),
};

/// What a whole capitalised phrase names, when a gazetteer knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// A country, capital, region or large city (GeoNames).
    Place,
    /// An organisation of `organizations.txt`.
    Organization,
}

/// Folded multi-word and one-word names of the gazetteers ("new york" → place; see
/// [`phrase_words`]), keyed by bytes as [`LEXICON`] is.
static PHRASES: Table = Table {
    keys: include_bytes!(concat!(env!("OUT_DIR"), "/phrases.keys")),
    slots: include_bytes!(concat!(env!("OUT_DIR"), "/phrases.slots")),
};

/// What a value of the [`PHRASES`] table names.
fn known(value: Option<u32>) -> Option<Known> {
    match value? {
        PHRASE_PLACE => Some(Known::Place),
        PHRASE_ORG => Some(Known::Organization),
        _ => None,
    }
}

/// The gazetteer key of a phrase: folded, words joined by single spaces, hyphens kept.
pub fn phrase_key(phrase: &str) -> String {
    let mut key = String::with_capacity(phrase.len());
    phrase_key_into(phrase, &mut key);
    key
}

/// [`phrase_key`] appended to `key`, for a caller that keeps a buffer.
pub fn phrase_key_into(phrase: &str, key: &mut String) {
    let start = key.len();
    for w in phrase.split_whitespace() {
        if key.len() > start {
            key.push(' ');
        }
        crate::text::fold_into(w, key);
    }
}

/// Whether ASCII byte `b` is white space as `str::split_whitespace` sees it: unlike
/// `u8::is_ascii_whitespace`, that includes the vertical tab.
pub(super) fn is_split_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// What the gazetteers say a phrase (as written) names. Runs for every capitalised run of every
/// article, so a short ASCII phrase is keyed in a stack buffer, without allocating.
pub fn known_phrase(phrase: &str) -> Option<Known> {
    const MAX: usize = 64;
    if phrase.len() <= MAX && phrase.is_ascii() {
        // One pass over the bytes: white space collapsed to one space as `split_whitespace`
        // would, letters lowercased.
        let mut buf = [0u8; MAX];
        let (mut n, mut gap) = (0, false);
        for &b in phrase.as_bytes() {
            if is_split_space(b) {
                gap = n > 0;
                continue;
            }
            if gap {
                buf[n] = b' ';
                n += 1;
                gap = false;
            }
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        }
        return known(PHRASES.get(&buf[..n]));
    }
    known(PHRASES.get(phrase_key(phrase).as_bytes()))
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
    if word.len() <= MAX {
        // Checked, copied and lowercased in one pass: this runs for every capitalised word.
        let mut buf = [0u8; MAX];
        let mut ascii = true;
        for (k, &b) in buf.iter_mut().zip(word.as_bytes()) {
            ascii &= b.is_ascii();
            *k = b.to_ascii_lowercase();
        }
        if ascii {
            return f(&buf[..word.len()]);
        }
    }
    f(fold(word).as_bytes())
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

/// A lower-case word of up to seven bytes as one integer: its bytes, and its length in the top
/// byte, so that no two words share a value.
const fn pack_lower(word: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    let mut i = 0;
    while i < word.len() {
        w[i] = word[i].to_ascii_lowercase();
        i += 1;
    }
    w[7] = word.len() as u8;
    u64::from_le_bytes(w)
}

/// [`PARTICLES`] packed by [`pack_lower`]: a word is compared with each as one integer.
static PACKED_PARTICLES: [u64; PARTICLES.len()] = {
    let mut packed = [0u64; PARTICLES.len()];
    let mut i = 0;
    while i < PARTICLES.len() {
        assert!(PARTICLES[i].len() <= 5);
        packed[i] = pack_lower(PARTICLES[i].as_bytes());
        i += 1;
    }
    packed
};

/// The first letters of [`PARTICLES`], bit `n` for the letter `n` places after "a".
const PARTICLE_FIRSTS: u32 = {
    let mut bits = 0;
    let mut i = 0;
    while i < PARTICLES.len() {
        let first = PARTICLES[i].as_bytes()[0];
        assert!(first.is_ascii_lowercase());
        bits |= 1 << (first - b'a');
        i += 1;
    }
    bits
};

/// Whether `word` (as written, any case) is a name particle: "da", "van", "bin".
pub fn is_particle(word: &str) -> bool {
    // Asked of every lower-case word of a text: the length and the first letter rule out most,
    // then the word is packed in lower case and compared as an integer (a non-ASCII byte never
    // equals a particle's).
    let w = word.as_bytes();
    if w.is_empty() || w.len() > 5 {
        return false;
    }
    let first = w[0].to_ascii_lowercase();
    if !first.is_ascii_lowercase() || PARTICLE_FIRSTS & (1 << (first - b'a')) == 0 {
        return false;
    }
    PACKED_PARTICLES.contains(&pack_lower(w))
}

/// What a word (as written) can be: a set of the flags above, 0 when unknown.
pub fn classify(word: &str) -> u32 {
    with_key_bytes(word, |k| LEXICON.get(k).unwrap_or(0))
}

/// What a match key can be (see [`classify`]).
pub fn classify_key(key: &str) -> u32 {
    LEXICON.get(key.as_bytes()).unwrap_or(0)
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
        for p in PARTICLES {
            assert!(
                is_particle(p) && is_particle(&p.to_ascii_uppercase()),
                "{p}"
            );
        }
        assert!(!is_particle("'da") && !is_particle("dam") && !is_particle("the"));
    }

    /// The tables `build.rs` embedded hold exactly what the lists say, keyed by the crate's own
    /// folding and the date reader's month and weekday names, and every key is found.
    #[test]
    fn built_tables_match_the_lists() {
        use crate::analysis::dates::scan::{MONTHS, WEEKDAYS};
        let words = lexicon_words(crate::text::fold_into, &MONTHS, &WEEKDAYS);
        let table: std::collections::HashMap<Vec<u8>, u32> =
            LEXICON.entries().map(|(k, v)| (k.to_vec(), v)).collect();
        assert_eq!(table, words);
        for (k, v) in &words {
            assert_eq!(LEXICON.get(k), Some(*v));
        }
        let phrases = phrase_words(crate::text::fold_into);
        let table: std::collections::HashMap<Vec<u8>, u32> =
            PHRASES.entries().map(|(k, v)| (k.to_vec(), v)).collect();
        assert_eq!(table, phrases);
        assert_eq!(known_phrase("New  York"), Some(Known::Place));
        assert_eq!(LEXICON.get(b"zyxwv"), None);
    }

    /// A short ASCII phrase, keyed byte by byte, is keyed as the folding of its words is, white
    /// space of any kind collapsed.
    #[test]
    fn phrases_are_keyed_alike_on_both_paths() {
        for p in [
            "New York",
            "new  york",
            " New\tYork ",
            "New\u{b}York",
            "NEW\r\nYORK",
            "New\u{c}York",
            "Lisbon",
            "",
            "Nova Iorque",
        ] {
            let slow = known(PHRASES.get(phrase_key(p).as_bytes()));
            assert_eq!(known_phrase(p), slow, "{p:?}");
        }
        assert_eq!(known_phrase(" New\u{b}York\n"), Some(Known::Place));
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
