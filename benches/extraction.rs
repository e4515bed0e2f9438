//! Extraction throughput (names + dates) on generated news-like text, one core.
//!
//! The budget (DESIGN.md) is 20 MB/s. Run with `cargo bench --bench extraction`; divan reports
//! the throughput in bytes per second. `JUXTA_BENCH_WRITE=DIR cargo bench --bench extraction`
//! writes the run-on line and the name-dense texts to `DIR` instead, for whole-process runs.

use chrono::NaiveDate;
use juxta::analysis::extract::{assemble, extract};

/// Words a news story is made of: function words, verbs, nouns, and the capitalised material
/// extraction has to judge (titles, given names, surnames, places, organisations), plus date
/// expressions of every kind.
const LOWER: &[&str] = &[
    "the",
    "a",
    "of",
    "to",
    "and",
    "in",
    "that",
    "said",
    "was",
    "for",
    "on",
    "with",
    "he",
    "she",
    "it",
    "as",
    "at",
    "by",
    "from",
    "his",
    "her",
    "had",
    "has",
    "have",
    "were",
    "would",
    "will",
    "not",
    "but",
    "their",
    "which",
    "after",
    "talks",
    "government",
    "minister",
    "officials",
    "agreement",
    "security",
    "election",
    "court",
    "ruling",
    "inquiry",
    "port",
    "workers",
    "statement",
    "meeting",
    "forces",
    "border",
    "peace",
    "war",
    "report",
    "spokesman",
    "engineer",
    "announced",
    "confirmed",
    "described",
    "expected",
    "planned",
    "questioned",
    "negotiations",
    "president",
    "people",
    "country",
    "city",
    "company",
    "union",
    "strike",
];
const TITLES: &[&str] = &[
    "President",
    "Minister",
    "Judge",
    "Mr.",
    "Ms.",
    "Dr.",
    "Chancellor",
    "Secretary of State",
    "spokeswoman",
    "Commissioner",
];
const GIVEN: &[&str] = &[
    "Anna", "Peter", "Maria", "John", "Olena", "Tomasz", "Ines", "Kwame", "Sofia", "Haruto",
];
const SURNAMES: &[&str] = &[
    "Brenner",
    "Okafor",
    "Lindqvist",
    "Valadares-Pinto",
    "Nowak",
    "Sato",
    "van der Linde",
    "Mensah",
    "Ferreira",
    "Kowalczyk",
];
const OTHER_CAPS: &[&str] = &[
    "Ukraine",
    "Berlin",
    "Nilsson Holdings",
    "Port Ellery",
    "The",
    "However",
    "NATO",
    "Santa Rosa",
    "Harbour Commission",
    "European",
];
const DATES: &[&str] = &[
    "on Tuesday",
    "in March 2022",
    "last week",
    "on Feb. 27",
    "two years ago",
    "in 2019",
    "next month",
    "12 February 2025",
    "yesterday",
    "since 1998",
];

/// A deterministic pseudo-random generator (no dependency, same text on every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// About `bytes` of text in paragraphs of sentences of 12–30 words.
fn generate(bytes: usize) -> String {
    let mut rng = Lcg(42);
    let mut out = String::with_capacity(bytes + 200);
    while out.len() < bytes {
        let words = 12 + rng.next(19);
        let mut sentence: Vec<String> = Vec::with_capacity(words);
        for i in 0..words {
            let w = match rng.next(100) {
                0..=5 => format!(
                    "{} {} {}",
                    TITLES[rng.next(TITLES.len())],
                    GIVEN[rng.next(GIVEN.len())],
                    SURNAMES[rng.next(SURNAMES.len())]
                ),
                6..=8 => SURNAMES[rng.next(SURNAMES.len())].to_string(),
                9..=12 => OTHER_CAPS[rng.next(OTHER_CAPS.len())].to_string(),
                13..=15 => DATES[rng.next(DATES.len())].to_string(),
                16..=17 => format!("{}", rng.next(5000)),
                _ => LOWER[rng.next(LOWER.len())].to_string(),
            };
            let w = if i == 0 {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            } else {
                w
            };
            sentence.push(w);
        }
        out.push_str(&sentence.join(" "));
        out.push_str(if rng.next(6) == 0 { ".\n\n" } else { ". " });
    }
    out
}

fn main() {
    // Whole-process runs (start-up, reading the file, JSON) need the inputs as files:
    // `JUXTA_BENCH_WRITE=DIR cargo bench --bench extraction` writes them there instead.
    if let Some(dir) = std::env::var_os("JUXTA_BENCH_WRITE") {
        let dir = std::path::PathBuf::from(dir);
        for words in [100_000, 200_000] {
            let path = dir.join(format!("run-on-{words}.txt"));
            std::fs::write(path, run_on_line(words)).expect("write run-on line");
        }
        std::fs::write(dir.join("ordinary-1mb.txt"), generate(1 << 20)).expect("write text");
        for megabytes in [1, 2, 4, 16] {
            let path = dir.join(format!("name-dense-{megabytes}mb.txt"));
            std::fs::write(path, name_dense(megabytes << 20)).expect("write name-dense text");
        }
        return;
    }
    divan::main();
}

#[divan::bench(sample_count = 20)]
fn extract_1mb(bencher: divan::Bencher) {
    let text = generate(1 << 20);
    let published = NaiveDate::from_ymd_opt(2025, 3, 14);
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| extract(divan::black_box(&text), published));
}

/// The tokenizer alone, for scale: extraction's own work is the difference.
#[divan::bench(sample_count = 20)]
fn tokenize_1mb(bencher: divan::Bencher) {
    let text = generate(1 << 20);
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| juxta::text::tokenize(divan::black_box(&text)));
}

/// Sentence splitting alone (extraction needs it for the sentences of dated events).
#[divan::bench(sample_count = 20)]
fn sentences_1mb(bencher: divan::Bencher) {
    let text = generate(1 << 20);
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| juxta::text::sentences(divan::black_box(&text)));
}

/// One line of `words` words without a full stop (a scraped page gone wrong): extraction and
/// the events built from it must stay linear when the whole text is one sentence. The two
/// sizes show it: the larger takes twice as long, not four times.
fn run_on_line(words: usize) -> String {
    let text = generate(words * 7);
    let mut line: String = text
        .split_whitespace()
        .take(words)
        .collect::<Vec<_>>()
        .join(" ");
    line.retain(|c| !matches!(c, '.' | '!' | '?' | '\n'));
    line
}

#[divan::bench(args = [100_000, 200_000], sample_count = 10)]
fn events_run_on_line(bencher: divan::Bencher, words: usize) {
    let text = run_on_line(words);
    let published = NaiveDate::from_ymd_opt(2025, 3, 14);
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| {
            let x = extract(divan::black_box(&text), published);
            juxta::analysis::extract::assemble(&[(text.as_str(), &x)], &Default::default())
        });
}

/// Name-dense text: a full name, a bare surname or an honorific with a surname in almost every
/// clause, from a pool of thousands of surnames, so that merging meets many namesakes.
fn name_dense(bytes: usize) -> String {
    let mut rng = Lcg(7);
    let syllables = [
        "ba", "ko", "ri", "ne", "tu", "sa", "mo", "li", "ve", "da", "ga", "pe", "zu", "ho",
    ];
    let surnames: Vec<String> = (0..3000)
        .map(|_| {
            let mut s: String = (0..3)
                .map(|_| syllables[rng.next(syllables.len())])
                .collect();
            s[..1].make_ascii_uppercase();
            s
        })
        .collect();
    let mut out = String::with_capacity(bytes + 200);
    while out.len() < bytes {
        let words = 12 + rng.next(12);
        for i in 0..words {
            let w = match rng.next(100) {
                0..=14 => format!(
                    "{} {}",
                    GIVEN[rng.next(GIVEN.len())],
                    surnames[rng.next(surnames.len())]
                ),
                15..=24 => surnames[rng.next(surnames.len())].clone(),
                25..=29 => format!("Mr. {}", surnames[rng.next(surnames.len())]),
                _ => LOWER[rng.next(LOWER.len())].to_string(),
            };
            if i == 0 {
                out.push_str("Then ");
            }
            out.push_str(&w);
            out.push(' ');
        }
        out.push_str(if rng.next(5) == 0 {
            "said.\n\n"
        } else {
            "said. "
        });
    }
    out
}

/// Extraction and assembly of one name-dense article: the time per byte must stay the same as
/// the text grows (1, 4 and 16 MB).
#[divan::bench(args = [1, 4, 16], sample_count = 3)]
fn actors_name_dense(bencher: divan::Bencher, megabytes: usize) {
    let text = name_dense(megabytes << 20);
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| {
            let x = extract(divan::black_box(&text), None);
            assemble(&[(text.as_str(), &x)], &Default::default())
        });
}
