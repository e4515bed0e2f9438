//! Benchmarks of the alignment engine on generated article pairs of 1,000, 10,000 and 100,000
//! words: the right article is the left one with its paragraphs reordered, a few dropped or
//! replaced, and light word edits (substitutions, insertions, deletions) inside.
//!
//! The text is generated from a made-up vocabulary (function words plus syllable words with a
//! Zipf-like frequency), never copied from real articles.
//!
//! `cargo bench --bench overlap` runs the benchmarks. To compare with other tools on the same
//! pairs, `JUXTA_BENCH_WRITE=DIR cargo bench --bench overlap` writes them to
//! `DIR/left-N.txt` and `DIR/right-N.txt` instead.

use juxta::analysis::index::CorpusIndex;
use juxta::analysis::overlap::{self, OverlapConfig, Prepared};

fn main() {
    if let Some(dir) = std::env::var_os("JUXTA_BENCH_WRITE") {
        let dir = std::path::PathBuf::from(dir);
        for n in SIZES {
            let (l, r) = pair(n);
            std::fs::write(dir.join(format!("left-{n}.txt")), l).expect("write left");
            std::fs::write(dir.join(format!("right-{n}.txt")), r).expect("write right");
        }
        return;
    }
    divan::main();
}

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// A small deterministic generator (SplitMix64): the same pairs on every run and machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "that", "is", "was", "for", "on", "with", "as", "by",
    "at", "from", "his", "her", "it", "said", "had", "has", "be", "an", "which", "were", "not",
    "but", "this", "they",
];

const SYLLABLES: &[&str] = &[
    "ka", "ro", "mi", "tel", "san", "vor", "du", "lin", "pe", "stra", "gon", "ai", "ber", "qua",
    "ni", "mo", "zel", "tha", "ur", "fen", "dri", "ol", "cas", "vek",
];

struct Vocabulary(Vec<String>);

/// Distinct content words; news articles of 100,000 words use some 10,000–20,000.
const VOCABULARY: usize = 20_000;

impl Vocabulary {
    fn new(rng: &mut Rng) -> Vocabulary {
        let words = (0..VOCABULARY)
            .map(|_| {
                let n = 2 + rng.below(3);
                (0..n)
                    .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                    .collect()
            })
            .collect();
        Vocabulary(words)
    }

    /// Like news prose: about 45% function words; content words by a Zipf–Mandelbrot law
    /// (P(rank r) ∝ 1/(r + 50)), so a few are common and most are rare.
    fn word(&self, rng: &mut Rng) -> String {
        if rng.chance(0.45) {
            return FUNCTION_WORDS[rng.below(FUNCTION_WORDS.len())].to_string();
        }
        const Q: f64 = 50.0;
        let u = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
        let n = self.0.len() as f64;
        let rank = Q * ((n + Q) / Q).powf(u) - Q;
        self.0[(rank as usize).min(self.0.len() - 1)].clone()
    }
}

fn sentence(v: &Vocabulary, rng: &mut Rng) -> Vec<String> {
    let len = 8 + rng.below(22);
    let mut words: Vec<String> = (0..len).map(|_| v.word(rng)).collect();
    if let Some(first) = words.first_mut() {
        let mut c = first.chars();
        if let Some(f) = c.next() {
            *first = f.to_uppercase().chain(c).collect();
        }
    }
    if len > 12 {
        let comma = 4 + rng.below(len - 8);
        words[comma].push(',');
    }
    if let Some(last) = words.last_mut() {
        last.push('.');
    }
    words
}

fn paragraph(v: &Vocabulary, rng: &mut Rng) -> Vec<String> {
    (0..2 + rng.below(4))
        .flat_map(|_| sentence(v, rng))
        .collect()
}

/// A pair of articles of about `words` words each (see the module documentation).
fn pair(words: usize) -> (String, String) {
    let mut rng = Rng(words as u64);
    let v = Vocabulary::new(&mut rng);
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    let mut total = 0;
    while total < words {
        let p = paragraph(&v, &mut rng);
        total += p.len();
        paragraphs.push(p);
    }
    let mut order: Vec<usize> = (0..paragraphs.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let mut right: Vec<Vec<String>> = Vec::new();
    for &i in &order {
        if rng.chance(0.08) {
            continue;
        }
        if rng.chance(0.08) {
            right.push(paragraph(&v, &mut rng));
            continue;
        }
        let mut edited = Vec::new();
        for w in &paragraphs[i] {
            if rng.chance(0.01) {
                continue;
            }
            if rng.chance(0.02) {
                edited.push(v.word(&mut rng));
            } else {
                edited.push(w.clone());
            }
            if rng.chance(0.01) {
                edited.push(v.word(&mut rng));
            }
        }
        right.push(edited);
    }
    let join = |ps: &[Vec<String>]| {
        ps.iter()
            .map(|p| p.join(" "))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    (join(&paragraphs), join(&right))
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn align(bencher: divan::Bencher, words: usize) {
    let (left, right) = pair(words);
    let cfg = OverlapConfig::default();
    bencher
        .counter(divan::counter::BytesCount::new(left.len() + right.len()))
        .bench(|| overlap::align(divan::black_box(&left), divan::black_box(&right), &cfg));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn align_prepared(bencher: divan::Bencher, words: usize) {
    let (left, right) = pair(words);
    let cfg = OverlapConfig::default();
    let (l, r) = (Prepared::new(&left), Prepared::new(&right));
    bencher.bench(|| overlap::align_prepared(divan::black_box(&l), divan::black_box(&r), &cfg));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn prepare(bencher: divan::Bencher, words: usize) {
    let (left, _) = pair(words);
    bencher
        .counter(divan::counter::BytesCount::new(left.len()))
        .bench(|| Prepared::new(divan::black_box(&left)));
}

/// The corpus index over 100 articles of 1,000 words (50 pairs).
#[divan::bench(sample_count = 10)]
fn corpus_index_100_articles(bencher: divan::Bencher) {
    let texts: Vec<String> = (0..50)
        .flat_map(|i| {
            let (l, r) = pair(1_000 + i);
            [l, r]
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let cfg = OverlapConfig::default();
    bencher.bench(|| CorpusIndex::build(divan::black_box(&refs), &cfg));
}
