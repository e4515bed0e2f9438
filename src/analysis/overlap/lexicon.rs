//! The synonym lexicon (assets/lexicon/synonyms.txt, from WordNet): which content stems name
//! the same thing ("arrested" ~ "detained") or a more general one ("murdered" → "killed").
//!
//! Words are keyed by their crude stem hash, as [`super::prepare::Word::stem`], so a
//! sentence's words are looked up without folding them again.

use super::stem;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The synonym groups (WordNet senses) of a stem, and the groups one level more general.
#[derive(Debug, Default)]
struct Relations {
    groups: Vec<u32>,
    hypernyms: Vec<u32>,
}

fn table() -> &'static FxHashMap<u64, Relations> {
    static TABLE: OnceLock<FxHashMap<u64, Relations>> = OnceLock::new();
    TABLE.get_or_init(|| parse(include_str!("../../../assets/lexicon/synonyms.txt")))
}

fn parse(src: &str) -> FxHashMap<u64, Relations> {
    let mut map: FxHashMap<u64, Relations> = FxHashMap::default();
    let numbers = |s: &str| -> Vec<u32> { s.split(',').filter_map(|n| n.parse().ok()).collect() };
    for line in src.lines() {
        let mut f = line.split('\t');
        let (Some(word), Some(groups), Some(hypernyms)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let key = stem::hash_str(word);
        if !stem::is_content(word, key) {
            continue;
        }
        let e = map
            .entry(stem::hash_str(stem::stem(word)).max(1))
            .or_default();
        e.groups.extend(numbers(groups));
        e.hypernyms.extend(numbers(hypernyms));
    }
    for r in map.values_mut() {
        r.groups.sort_unstable();
        r.groups.dedup();
        r.hypernyms.sort_unstable();
        r.hypernyms.dedup();
    }
    map
}

fn meet(a: &[u32], b: &[u32]) -> bool {
    a.iter().any(|x| b.binary_search(x).is_ok())
}

/// Whether two different content stems say the same thing: they share a sense, or one names
/// the sense one level above the other's. Two kinds of one thing ("man", "woman") are not
/// related.
pub(crate) fn related(a: u64, b: u64) -> bool {
    let t = table();
    let (Some(x), Some(y)) = (t.get(&a), t.get(&b)) else {
        return false;
    };
    meet(&x.groups, &y.groups) || meet(&x.hypernyms, &y.groups) || meet(&x.groups, &y.hypernyms)
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

/// Whether the lexicon knows the stem at all (an unknown stem has no synonyms to look for).
pub(crate) fn knows(s: u64) -> bool {
    table().contains_key(&s)
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
        assert!(!knows(st("zzqx")));
    }
}
