// Shared by `lexicon.rs` and `build.rs` (which makes the word tables at compile time), so that
// both agree on what each flag is and how a key is hashed.

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

/// The hash of a match key in the tables `build.rs` writes: eight bytes at a time, so that a
/// lookup costs a few multiplications.
pub fn key_hash(key: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = key.len() as u64;
    let mut chunks = key.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    h ^ (h >> 29)
}

/// A word list of `assets/lexicon/`, by file name.
macro_rules! list {
    ($name:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/lexicon/", $name))
    };
}

/// Lines of a list file: comments (`#`) and blank lines skipped, the first column and the
/// second if there is one.
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

/// Every listed word's match key (made by `fold_into`) with the flags of all the lists it is
/// in. `months` and `weekdays` are the date reader's names.
#[allow(dead_code)] // the crate calls it only in tests, to check the table `build.rs` made
pub fn lexicon_words(
    fold_into: fn(&str, &mut String),
    months: &[&str],
    weekdays: &[&str],
) -> std::collections::HashMap<Vec<u8>, u32> {
    let mut map: std::collections::HashMap<Vec<u8>, u32> = std::collections::HashMap::new();
    let mut add = |word: &str, flags: u32| {
        let mut key = String::new();
        fold_into(word, &mut key);
        *map.entry(key.into_bytes()).or_insert(0) |= flags;
    };
    let lists: [(&'static str, u32); 10] = [
        (list!("demonyms.txt"), DEMONYM | NATIONALITY),
        (list!("titles.txt"), TITLE),
        (list!("roles.txt"), ROLE),
        (list!("kinship.txt"), KIN),
        (list!("place-prefixes.txt"), PLACE_PREFIX),
        (list!("places.txt"), PLACE),
        (list!("nationalities.txt"), NATIONALITY),
        (list!("stopwords.txt"), STOP),
        (list!("org-words.txt"), ORG),
        (list!("honorifics.txt"), HONORIFIC),
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
    for (word, gender) in entries(list!("given-names.txt")).chain(entries(list!("given-names-world.txt"))) {
        let flags = match gender {
            Some("m") => GIVEN_M,
            Some("f") => GIVEN_F,
            _ => GIVEN,
        };
        add(word, flags);
    }
    for (word, _) in entries(list!("surnames.txt")) {
        add(word, SURNAME);
    }
    for (word, kind) in entries(list!("entity-nouns.txt")) {
        let flag = match kind {
            Some("place") => PLACE_NOUN,
            Some("thing") => THING_NOUN,
            _ => ORG_NOUN,
        };
        add(word, flag);
    }
    // One-word names of the gazetteers: a city or an agency is never a person's first word.
    for line in list!("places-geonames.txt").lines().filter(|l| !l.starts_with('#')) {
        if let Some((name, _)) = line.split_once('\t')
            && !name.contains(' ')
        {
            add(name, PLACE);
        }
    }
    for (word, more) in entries(list!("organizations.txt")) {
        if more.is_none() {
            add(word, ORG_NAME);
        }
    }
    for (words, flag) in [
        (PARTICLES, PARTICLE),
        (months, MONTH),
        (weekdays, WEEKDAY),
        (SUFFIXES, SUFFIX),
    ] {
        for w in words {
            add(w, flag);
        }
    }
    map
}

/// A phrase's value in the gazetteer table: a place.
pub const PHRASE_PLACE: u32 = 1;
/// A phrase's value in the gazetteer table: an organisation.
pub const PHRASE_ORG: u32 = 2;

/// The gazetteers' names (GeoNames places, `organizations.txt`), keyed as `phrase_key` keys
/// them with `fold_into`: an organisation's name wins over a place's.
#[allow(dead_code)] // the crate calls it only in tests, to check the table `build.rs` made
pub fn phrase_words(fold_into: fn(&str, &mut String)) -> std::collections::HashMap<Vec<u8>, u32> {
    let key = |phrase: &str| {
        let mut key = String::with_capacity(phrase.len());
        for w in phrase.split_whitespace() {
            if !key.is_empty() {
                key.push(' ');
            }
            fold_into(w, &mut key);
        }
        key.into_bytes()
    };
    let mut map = std::collections::HashMap::new();
    for line in list!("places-geonames.txt").lines() {
        if line.starts_with('#') {
            continue;
        }
        if let Some((name, _kind)) = line.split_once('\t') {
            map.insert(key(name), PHRASE_PLACE);
        }
    }
    for line in list!("organizations.txt").lines() {
        let line = line.trim();
        if !line.is_empty() && !line.starts_with('#') {
            map.insert(key(line), PHRASE_ORG);
        }
    }
    map
}
