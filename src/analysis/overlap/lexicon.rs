//! The synonym lexicon (assets/lexicon/synonyms.txt, from WordNet): which content stems name
//! the same thing ("arrested" ~ "detained") or a more general one ("murdered" → "killed").
//!
//! Words are keyed by their crude stem hash, as [`super::prepare::Word::stem`], so a
//! sentence's words are looked up without folding them again.

use super::stem;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The synonym groups (WordNet senses) of each stem, and the groups one level more general,
/// in one flat list: a stem's entry is where its numbers start and how many of each there
/// are (one allocation for the whole lexicon, not two per word).
#[derive(Debug, Default)]
struct Table {
    entries: FxHashMap<u64, (u32, u16, u16)>,
    numbers: Vec<u32>,
}

impl Table {
    fn get(&self, stem: u64) -> Option<(&[u32], &[u32])> {
        let &(at, g, h) = self.entries.get(&stem)?;
        let at = at as usize;
        let (g, h) = (usize::from(g), usize::from(h));
        Some((&self.numbers[at..at + g], &self.numbers[at + g..at + g + h]))
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| parse(include_str!("../../../assets/lexicon/synonyms.txt")))
}

/// Words shorter than this relate to nothing: the shortest words have the most senses ("lay"
/// shares one with "postponed", "set" with dozens of verbs), so a synonym found through one
/// is more often a pun than the same meaning.
const MIN_WORD_BYTES: usize = 4;

fn parse(src: &str) -> Table {
    // (stem, hypernym?, group) for every number of every line, sorted once: words sharing a
    // crude stem ("police", "policy") are merged under it.
    let mut all: Vec<(u64, bool, u32)> = Vec::with_capacity(src.len() / 6);
    for line in src.lines() {
        let mut f = line.split('\t');
        let (Some(word), Some(groups), Some(hypernyms)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        if word.len() < MIN_WORD_BYTES || !stem::is_content(word, stem::hash_str(word)) {
            continue;
        }
        let s = stem::hash_str(stem::stem(word)).max(1);
        for (list, hyper) in [(groups, false), (hypernyms, true)] {
            all.extend(
                list.split(',')
                    .filter_map(|n| n.parse::<u32>().ok())
                    .map(|n| (s, hyper, n)),
            );
        }
    }
    all.sort_unstable();
    all.dedup();
    let mut table = Table {
        entries: FxHashMap::default(),
        numbers: Vec::with_capacity(all.len()),
    };
    for run in all.chunk_by(|a, b| a.0 == b.0) {
        // A word has a handful of senses; the file holds far fewer than 4 G numbers.
        let at = table.numbers.len() as u32;
        let ng = run
            .iter()
            .filter(|x| !x.1)
            .count()
            .min(usize::from(u16::MAX));
        let nh = (run.len() - ng).min(usize::from(u16::MAX));
        table.numbers.extend(run.iter().map(|x| x.2));
        table.entries.insert(run[0].0, (at, ng as u16, nh as u16));
    }
    table
}

fn meet(a: &[u32], b: &[u32]) -> bool {
    a.iter().any(|x| b.binary_search(x).is_ok())
}

/// Whether two different content stems say the same thing: they share a sense, or one names
/// the sense one level above the other's. Two kinds of one thing ("man", "woman") are not
/// related.
pub(crate) fn related(a: u64, b: u64) -> bool {
    let t = table();
    let (Some((xg, xh)), Some((yg, yh))) = (t.get(a), t.get(b)) else {
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
    table().entries.contains_key(&s)
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
    fn siblings_and_strangers_do_not() {
        assert!(!related(st("man"), st("woman")));
        assert!(!related(st("tuesday"), st("friday")));
        assert!(!related(st("harbour"), st("election")));
        // One rare sense of a short word is no synonym.
        assert!(!related(st("lay"), st("postponed")));
        assert!(!knows(st("zzqx")));
    }
}
