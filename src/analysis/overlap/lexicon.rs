//! The synonym lexicon (assets/lexicon/synonyms.txt, from WordNet): which content stems name
//! the same thing ("arrested" ~ "detained") or a more general one ("murdered" → "killed").
//!
//! Words are keyed by their crude stem hash, as [`super::prepare::Word::stem`], so a
//! sentence's words are looked up without folding them again.

use super::stem;
use super::synonym_table;
use std::sync::OnceLock;

/// The table `build.rs` makes from the list (see [`synonym_table`]): embedded, so no run
/// parses the 1 MB list.
const SLOTS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/synonyms.slots"));
const NUMBERS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/synonyms.numbers"));

/// The `i`th number of the numbers file.
fn number(i: usize) -> u32 {
    u32::from_le_bytes([
        NUMBERS[i * 4],
        NUMBERS[i * 4 + 1],
        NUMBERS[i * 4 + 2],
        NUMBERS[i * 4 + 3],
    ])
}

/// A run of sorted numbers of the numbers file.
#[derive(Debug, Clone, Copy)]
struct Run {
    at: usize,
    len: usize,
}

impl Run {
    fn iter(self) -> impl Iterator<Item = u32> {
        (self.at..self.at + self.len).map(number)
    }

    fn contains(self, x: u32) -> bool {
        let (mut lo, mut hi) = (self.at, self.at + self.len);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match number(mid).cmp(&x) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }
}

/// The synonym groups of a stem and the groups one level more general.
fn get(stem: u64) -> Option<(Run, Run)> {
    let (at, g, h) = synonym_table::lookup(SLOTS, stem)?;
    let (at, g, h) = (at as usize, usize::from(g), usize::from(h));
    Some((Run { at, len: g }, Run { at: at + g, len: h }))
}

fn meet(a: Run, b: Run) -> bool {
    a.iter().any(|x| b.contains(x))
}

/// Whether two different content stems say the same thing: they share a sense, or one names
/// the sense one level above the other's. Two kinds of one thing ("man", "woman") are not
/// related.
pub(crate) fn related(a: u64, b: u64) -> bool {
    let (Some((xg, xh)), Some((yg, yh))) = (get(a), get(b)) else {
        return false;
    };
    meet(xg, yg) || meet(xh, yg) || meet(xg, yh)
}

/// Keys (folded spellings, singular and plural) of the words that name who someone is rather
/// than what happened: roles and titles ("operator", "minister", "drivers"). Whole words, not
/// stems: the crude stem of "reporter" is the stem of "reported".
fn role_keys() -> &'static Vec<u64> {
    static ROLES: OnceLock<Vec<u64>> = OnceLock::new();
    ROLES.get_or_init(|| {
        let lists = [
            include_str!("../../../assets/lexicon/roles.txt"),
            include_str!("../../../assets/lexicon/titles.txt"),
        ];
        let mut out: Vec<u64> = Vec::new();
        for w in lists
            .iter()
            .flat_map(|src| src.lines())
            .filter_map(|l| l.split_whitespace().next())
            .filter(|w| !w.starts_with('#'))
        {
            let f = crate::text::fold(w);
            out.push(stem::hash_str(&f));
            let plural = if f.ends_with('s') || f.ends_with("sh") || f.ends_with("ch") {
                format!("{f}es")
            } else if let Some(stem) = f.strip_suffix("man") {
                format!("{stem}men")
            } else {
                format!("{f}s")
            };
            out.push(stem::hash_str(&plural));
        }
        out.sort_unstable();
        out.dedup();
        out
    })
}

/// Whether a word (by its key, the hash of its folded spelling) names a role or a title:
/// evidence of who, which two sentences about one person share whatever they say.
pub(crate) fn is_role(key: u64) -> bool {
    role_keys().binary_search(&key).is_ok()
}

/// Stems of the most frequent English words ("expect", "time", "show"): every report uses
/// them, so sharing one says little.
fn common_stems() -> &'static Vec<u64> {
    static COMMON: OnceLock<Vec<u64>> = OnceLock::new();
    COMMON.get_or_init(|| {
        let mut out: Vec<u64> = include_str!("../../../assets/lexicon/common-words.txt")
            .lines()
            .map(|w| stem::hash_str(stem::stem(w.trim())).max(1))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    })
}

/// Whether a content stem is one of the most frequent English words.
pub(crate) fn is_common(s: u64) -> bool {
    common_stems().binary_search(&s).is_ok()
}

/// Words that open a clause after a comma: conjunctions, relative words, and the participles
/// that carry a second statement ("…, adding that …").
const CLAUSE_OPENERS: &[&str] = &[
    "and",
    "but",
    "while",
    "whereas",
    "who",
    "whom",
    "whose",
    "which",
    "where",
    "when",
    "after",
    "before",
    "although",
    "though",
    "because",
    "since",
    "as",
    "adding",
    "saying",
    "according",
    "including",
    "leaving",
    "making",
    "prompting",
    "meaning",
];

/// Whether a word (by its key) opens a clause when a comma precedes it.
pub(crate) fn opens_clause(key: u64) -> bool {
    static KEYS: OnceLock<Vec<u64>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut keys: Vec<u64> = CLAUSE_OPENERS.iter().map(|w| stem::hash_str(w)).collect();
        keys.sort_unstable();
        keys
    })
    .binary_search(&key)
    .is_ok()
}

/// Whether the lexicon knows the stem at all (an unknown stem has no synonyms to look for).
pub(crate) fn knows(s: u64) -> bool {
    synonym_table::lookup(SLOTS, s).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(w: &str) -> u64 {
        stem::hash_str(stem::stem(w)).max(1)
    }

    #[test]
    fn synonyms_and_more_general_words_meet() {
        assert!(related(st("murdered"), st("killed")));
        assert!(related(st("surgeon"), st("doctor")));
        assert!(related(st("shot"), st("shoot")) || st("shot") == st("shoot"));
        assert!(related(st("arrested"), st("seized")));
        assert!(related(st("wounded"), st("hurt")));
    }

    #[test]
    fn roles_are_known() {
        let key = |w: &str| stem::hash_str(w);
        assert!(is_role(key("operator")));
        assert!(is_role(key("ministers")));
        assert!(is_role(key("spokesmen")));
        assert!(!is_role(key("collapse")));
        assert!(!is_role(key("reported")));
        assert!(is_common(st("expected")));
        assert!(!is_common(st("quay")));
    }

    #[test]
    fn embedded_table_is_the_list_parsed_now() {
        let (entries, numbers) =
            synonym_table::parse(include_str!("../../../assets/lexicon/synonyms.txt"));
        assert!(entries.len() > 10_000);
        let occupied = SLOTS
            .chunks(synonym_table::SLOT)
            .filter(|s| s[..8] != [0; 8])
            .count();
        assert_eq!(occupied, entries.len());
        assert_eq!(NUMBERS.len(), numbers.len() * 4);
        for &(stem, entry) in &entries {
            assert_eq!(synonym_table::lookup(SLOTS, stem), Some(entry));
        }
        assert!((0..numbers.len()).all(|i| number(i) == numbers[i]));
    }

    #[test]
    fn siblings_and_strangers_do_not() {
        assert!(!related(st("man"), st("woman")));
        assert!(!related(st("tuesday"), st("friday")));
        assert!(!related(st("harbour"), st("election")));
        // One rare sense of a short word is no synonym.
        assert!(!related(st("lay"), st("postponed")));
        assert!(!knows(st("zzqx")));
    }
}
