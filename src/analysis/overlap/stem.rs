//! Content words and their crude stems: what two sentences must share to say the same thing.
//!
//! Function words ("the", "that", "would") are shared by any two English sentences, so they
//! neither make a passage nor count towards similarity. The stem is deliberately crude
//! (suffix stripping, then a cut to six letters): "resigned" and "resignation", "warned" and
//! "warnings", "Portugal" and "Portuguese" meet, which is what a paraphrase needs.

use rustc_hash::FxHasher;
use std::hash::Hasher;
use std::sync::OnceLock;

/// English function words, lowercase, sorted (binary search).
const STOPWORDS: &[&str] = &[
    "'s",
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "also",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "became",
    "because",
    "become",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "get",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "he's",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "i'm",
    "if",
    "in",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "last",
    "least",
    "less",
    "let",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "never",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "put",
    "rather",
    "said",
    "same",
    "say",
    "says",
    "see",
    "seen",
    "shall",
    "she",
    "she's",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "there's",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "told",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
];

/// Hashes ([`hash_str`]) of the function words, sorted: one integer search per word instead
/// of string comparisons.
/// Also a 4096-bit filter of their low bits: most content words are told apart with one bit
/// test, without the (branchy, slow) search.
struct StopKeys {
    sorted: Vec<u64>,
    filter: [u64; 64],
}

fn stopword_keys() -> &'static StopKeys {
    static KEYS: OnceLock<StopKeys> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut sorted: Vec<u64> = STOPWORDS.iter().map(|w| hash_str(w)).collect();
        sorted.sort_unstable();
        let mut filter = [0u64; 64];
        for k in &sorted {
            let bit = (k & 4095) as usize;
            filter[bit / 64] |= 1 << (bit % 64);
        }
        StopKeys { sorted, filter }
    })
}

fn is_stop_key(key: u64) -> bool {
    let keys = stopword_keys();
    let bit = (key & 4095) as usize;
    keys.filter[bit / 64] & (1 << (bit % 64)) != 0 && keys.sorted.binary_search(&key).is_ok()
}

/// Whether a folded word carries content: not a function word, and not a lone letter (an
/// initial) unless it is a digit. `key` is `hash_str(folded)`.
pub fn is_content(folded: &str, key: u64) -> bool {
    let mut chars = folded.chars();
    match (chars.next(), chars.next()) {
        (None, _) => false,
        (Some(c), None) => c.is_ascii_digit() || !c.is_alphabetic(),
        _ => !is_stop_key(key),
    }
}

/// The crude stem of a folded content word (see the module documentation).
pub fn stem(folded: &str) -> &str {
    let ascii = folded.is_ascii();
    let len = |s: &str| if ascii { s.len() } else { s.chars().count() };
    let mut s = folded;
    for suffix in ["'s", "'"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest;
            break;
        }
    }
    // Plural.
    if let Some(rest) = s.strip_suffix("ies").filter(|r| len(r) >= 2) {
        s = rest;
    } else if let Some(rest) = s
        .strip_suffix("es")
        .filter(|r| len(r) >= 3 && r.ends_with(['s', 'x', 'z', 'h']))
    {
        s = rest;
    } else if let Some(rest) = s
        .strip_suffix('s')
        .filter(|r| len(r) >= 3 && !r.ends_with(['s', 'u', 'i']))
    {
        s = rest;
    }
    // Verb and adverb endings.
    for suffix in ["ing", "ed", "ly"] {
        if let Some(rest) = s.strip_suffix(suffix).filter(|r| len(r) >= 4) {
            s = rest;
            break;
        }
    }
    if len(s) >= 5 {
        s = s.strip_suffix(['e', 'y']).unwrap_or(s);
    }
    if ascii {
        return &s[..s.len().min(6)];
    }
    match s.char_indices().nth(6) {
        Some((cut, _)) => &s[..cut],
        None => s,
    }
}

/// A stable 64-bit hash of a string: deterministic across runs and platforms, so results
/// never depend on a random seed.
pub fn hash_str(s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    h.write_u8(0xff);
    // Fx mixes weakly in the low bits; fold the high half in so map buckets spread well.
    let v = h.finish();
    v ^ (v >> 29).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted() {
        assert!(
            STOPWORDS.windows(2).all(|w| w[0] < w[1]),
            "keep STOPWORDS sorted"
        );
    }

    #[test]
    fn stems_meet_across_inflections() {
        assert_eq!(stem("resigned"), stem("resignation"));
        assert_eq!(stem("warned"), stem("warnings"));
        assert_eq!(stem("portugal"), stem("portuguese"));
        assert_eq!(stem("survey"), stem("surveys"));
        assert_eq!(stem("council's"), stem("council"));
        assert_ne!(stem("press"), "pres");
    }

    #[test]
    fn content_words() {
        let c = |w: &str| is_content(w, hash_str(w));
        assert!(c("quay"));
        assert!(c("7"));
        assert!(!c("the"));
        assert!(!c("would"));
        assert!(!c("v"));
    }
}
