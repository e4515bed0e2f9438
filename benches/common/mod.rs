//! What the benchmarks share: a word list and a small deterministic generator, so the generated
//! articles are the same on every run and machine (and never copied from real articles).

/// Vocabulary of the generated articles: news words and the function words between them.
pub const WORDS: &[&str] = &[
    "harbour",
    "council",
    "inquiry",
    "minister",
    "report",
    "warning",
    "contract",
    "engineer",
    "quay",
    "union",
    "court",
    "hearing",
    "statement",
    "company",
    "records",
    "survey",
    "crane",
    "memo",
    "budget",
    "vote",
    "morning",
    "official",
    "evidence",
    "safety",
    "workers",
    "terminal",
    "judge",
    "the",
    "a",
    "of",
    "to",
    "and",
    "in",
    "that",
    "was",
    "said",
    "on",
    "for",
    "with",
    "had",
    "by",
];

/// xorshift64: deterministic and dependency-free.
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed` (any value).
    pub fn new(seed: u64) -> Rng {
        Rng(seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407)
            | 1)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}
