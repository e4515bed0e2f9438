//! Generates an archive of clustered news stories for the archive bench (benches/archive.sh):
//!
//! ```text
//! cargo run --release --example archive_gen -- N OUT_DIR
//! ```
//!
//! writes N articles as text files with front matter (`OUT_DIR/articles/0000/a000000.txt`, a thousand
//! per folder), plus `vocab.txt` (the invented content words, one a line: the bench's TUI probe
//! looks for them on screen) and `queries.txt` (search queries: a word, a phrase, a prefix).
//!
//! Each story is told by 2–8 outlets. They reuse the story's wire sentences (some lightly
//! edited, some reordered), add sentences of their own, quote the story's people, and carry
//! their outlet's boilerplate plus one sentence that every outlet prints. Every word is
//! invented from syllables, so no real article is copied, and the output is the same on every
//! run and machine (about 6 KB of text per article, like real news).

#[path = "common/mod.rs"]
#[allow(dead_code)]
mod common;

use common::Rng;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mer", "vin", "tes", "ra", "dun", "sel", "por", "ith", "an", "bre", "cor", "dal",
    "fen", "gar", "hol", "ist", "jen", "kel", "lum", "mar", "nor", "ost", "pel", "quin", "rus",
    "sto", "tal", "ur", "vel", "wen", "yar", "zen", "bal", "cas", "dor", "el", "fro", "gul",
];

const FUNCTION: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "that", "was", "for", "on", "with", "as", "by", "at",
    "from", "it", "had", "said", "were", "after", "before", "its", "their", "which", "but", "not",
    "have", "been", "would", "this", "over", "about", "into", "more", "than", "also",
];

const ROLES: &[&str] = &["Minister", "Mayor", "Judge", "Dr.", "Senator", "Chief"];
const ORG_KINDS: &[&str] = &[
    "Authority",
    "Council",
    "Institute",
    "Union",
    "Agency",
    "Board",
];
const PLACE_ENDS: &[&str] = &["ford", "vik", "ora", "ham", "stad", "burg"];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Invented vocabulary and the random source.
struct Gen {
    rng: Rng,
    words: Vec<String>,
}

impl Gen {
    fn below(&mut self, n: usize) -> usize {
        self.rng.below(n.max(1))
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// A word of 2–3 syllables.
    fn coin(&mut self) -> String {
        let n = 2 + self.below(2);
        (0..n)
            .map(|_| SYLLABLES[self.below(SYLLABLES.len())])
            .collect()
    }

    fn capital(word: &str) -> String {
        let mut c = word.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }

    /// A content word, frequent ones more often (roughly Zipf).
    fn word(&mut self) -> &str {
        let u = self.below(1 << 16) as f64 / f64::from(1 << 16);
        let i = ((u * u * u) * self.words.len() as f64) as usize;
        &self.words[i.min(self.words.len() - 1)]
    }

    /// Words of a sentence, `n` long, function and content words mixed.
    fn phrase(&mut self, n: usize) -> Vec<String> {
        (0..n)
            .map(|_| {
                if self.chance(45) {
                    FUNCTION[self.below(FUNCTION.len())].to_string()
                } else {
                    self.word().to_string()
                }
            })
            .collect()
    }
}

/// What one story is about.
struct Story {
    date: chrono::NaiveDate,
    people: Vec<(String, String)>,
    places: Vec<String>,
    orgs: Vec<String>,
    headline: String,
    wire: Vec<String>,
    quotes: Vec<(usize, String)>,
}

fn sentence(words: Vec<String>) -> String {
    let mut s = words.join(" ");
    if let Some(first) = s.get(..1) {
        let upper = first.to_uppercase();
        s.replace_range(..1, &upper);
    }
    s.push('.');
    s
}

impl Gen {
    fn person(&mut self) -> (String, String) {
        let given = Gen::capital(&self.coin());
        let surname = Gen::capital(&self.coin());
        (format!("{given} {surname}"), surname)
    }

    fn date_phrase(&mut self, d: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        match self.below(5) {
            0 => format!("on {}", WEEKDAYS[self.below(7)]),
            1 => format!("on {} {}", d.day(), MONTHS[d.month0() as usize]),
            2 => "last week".to_string(),
            3 => format!("in {} {}", MONTHS[self.below(12)], d.year() - 1),
            _ => format!("on {} {}", MONTHS[d.month0() as usize], d.day()),
        }
    }

    /// A sentence of the story: facts with its people, places, organizations and dates.
    fn story_sentence(&mut self, s: &Story) -> String {
        let len = 14 + self.below(16);
        let mut words = self.phrase(len);
        let mut put = |g: &mut Gen, w: String| {
            let at = g.below(words.len());
            words.insert(at, w);
        };
        if self.chance(55) {
            let (full, surname) = &s.people[self.below(s.people.len())];
            let name = if self.chance(40) {
                format!("{} {}", ROLES[self.below(ROLES.len())], full)
            } else if self.chance(40) {
                surname.clone()
            } else {
                full.clone()
            };
            put(self, name);
        }
        if self.chance(35) {
            let i = self.below(s.places.len());
            put(self, format!("in {}", s.places[i]));
        }
        if self.chance(30) {
            let i = self.below(s.orgs.len());
            put(self, s.orgs[i].clone());
        }
        if self.chance(30) {
            let d = self.date_phrase(s.date);
            put(self, d);
        }
        sentence(words)
    }

    fn story(&mut self, index: usize) -> Story {
        let date = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).expect("a valid date")
            + chrono::Duration::days((index / 3) as i64);
        let people = (0..2 + self.below(4)).map(|_| self.person()).collect();
        let places = (0..1 + self.below(3))
            .map(|_| {
                format!(
                    "{}{}",
                    Gen::capital(&self.coin()),
                    PLACE_ENDS[self.below(PLACE_ENDS.len())]
                )
            })
            .collect();
        let orgs = (0..1 + self.below(2))
            .map(|_| {
                format!(
                    "the {} {}",
                    Gen::capital(&self.coin()),
                    ORG_KINDS[self.below(ORG_KINDS.len())]
                )
            })
            .collect();
        let mut story = Story {
            date,
            people,
            places,
            orgs,
            headline: String::new(),
            wire: Vec::new(),
            quotes: Vec::new(),
        };
        let n = 22 + self.below(14);
        story.wire = (0..n).map(|_| self.story_sentence(&story)).collect();
        story.quotes = (0..1 + self.below(3))
            .map(|_| {
                let who = self.below(story.people.len());
                let len = 8 + self.below(12);
                (who, sentence(self.phrase(len)))
            })
            .collect();
        let len = 6 + self.below(5);
        let mut head = self.phrase(len);
        head.insert(0, story.people[0].1.clone());
        story.headline = head
            .iter()
            .map(|w| Gen::capital(w))
            .collect::<Vec<_>>()
            .join(" ");
        story
    }

    /// A wire sentence as an outlet runs it: mostly verbatim, sometimes a word changed or cut.
    fn edit(&mut self, s: &str) -> String {
        if self.chance(75) {
            return s.to_string();
        }
        let mut words: Vec<String> = s.split(' ').map(str::to_string).collect();
        if words.len() > 6 {
            let at = 1 + self.below(words.len() - 2);
            if self.chance(50) {
                words[at] = self.word().to_string();
            } else {
                words.remove(at);
            }
        }
        words.join(" ")
    }
}

/// An outlet: its name, its web address, and its boilerplate.
struct Outlet {
    name: String,
    host: String,
    header: String,
    footer: String,
}

fn outlets(g: &mut Gen) -> Vec<Outlet> {
    (0..40)
        .map(|_| {
            let word = Gen::capital(&g.coin());
            let name = match g.below(3) {
                0 => format!("The {word} Courier"),
                1 => format!("{word} Daily"),
                _ => format!("The {word} Ledger"),
            };
            let host = format!("{}.example", word.to_lowercase());
            let header = format!("{name} | Local news, weather and sport from around the region.");
            let footer = format!(
                "Sign up for the {name} morning briefing to get our best stories in your inbox. Follow {name} for updates."
            );
            Outlet {
                name,
                host,
                header,
                footer,
            }
        })
        .collect()
}

/// The sentence every outlet prints (boilerplate that must not link every article to all).
const EVERYWHERE: &str = "This report was produced with support from the regional journalism fund; editorial decisions remain with the newsroom.";

fn article(g: &mut Gen, story: &Story, outlet: &Outlet) -> (String, String) {
    let mut sentences: Vec<String> = Vec::new();
    for s in &story.wire {
        if g.chance(70) {
            let edited = g.edit(s);
            sentences.push(edited);
        }
    }
    // A few swaps: outlets reorder wire copy.
    for _ in 0..g.below(4) {
        let (a, b) = (g.below(sentences.len()), g.below(sentences.len()));
        sentences.swap(a, b);
    }
    // Sentences of the outlet's own.
    for _ in 0..8 + g.below(9) {
        let at = g.below(sentences.len() + 1);
        let s = g.story_sentence(story);
        sentences.insert(at, s);
    }
    for (who, quote) in &story.quotes {
        if g.chance(80) {
            let (full, surname) = &story.people[*who];
            let speaker = if g.chance(50) { full } else { surname };
            let at = g.below(sentences.len() + 1);
            let q = quote.trim_end_matches('.');
            sentences.insert(at, format!("\u{201c}{q},\u{201d} said {speaker}."));
        }
    }
    let mut text = String::new();
    text.push_str(&outlet.header);
    text.push_str("\n\n");
    let mut para = 0;
    for s in sentences {
        text.push_str(&s);
        para += 1;
        if para >= 2 + g.below(3) {
            text.push_str("\n\n");
            para = 0;
        } else {
            text.push(' ');
        }
    }
    let _ = write!(text, "\n\n{EVERYWHERE}\n\n{}", outlet.footer);
    let title = if g.chance(60) {
        story.headline.clone()
    } else {
        g.edit(&story.headline)
    };
    (title, text)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(out)) = (
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: archive_gen N OUT_DIR");
        std::process::exit(2);
    };
    if let Err(e) = generate(n, Path::new(out)) {
        eprintln!("archive_gen: {e}");
        std::process::exit(1);
    }
}

fn generate(n: usize, out: &Path) -> std::io::Result<()> {
    let mut g = Gen {
        rng: Rng::new(20_260_101),
        words: Vec::new(),
    };
    let mut seen = std::collections::HashSet::new();
    while g.words.len() < 5_000 {
        let w = g.coin();
        if seen.insert(w.clone()) {
            g.words.push(w);
        }
    }
    let outlets = outlets(&mut g);
    std::fs::create_dir_all(out)?;
    std::fs::write(out.join("vocab.txt"), g.words.join("\n") + "\n")?;
    let mut written = 0;
    let mut story_index = 0;
    let mut queries = Vec::new();
    while written < n {
        let story = g.story(story_index);
        if story_index == 7 {
            // A word of middling frequency, a phrase of wire copy, a prefix.
            let phrase: Vec<&str> = story.wire[0].split(' ').take(3).collect();
            queries.push(g.words[400].clone());
            queries.push(format!("\"{}\"", phrase.join(" ").trim_end_matches('.')));
            queries.push(format!("{}*", &g.words[60][..3]));
        }
        let k = (2 + g.below(7)).min(n - written);
        let mut used = std::collections::HashSet::new();
        for _ in 0..k {
            let mut o = g.below(outlets.len());
            while !used.insert(o) {
                o = (o + 1) % outlets.len();
            }
            let outlet = &outlets[o];
            let (title, text) = article(&mut g, &story, outlet);
            let dir: PathBuf = out.join("articles").join(format!("{:04}", written / 1000));
            if written % 1000 == 0 {
                std::fs::create_dir_all(&dir)?;
            }
            let mut f = std::io::BufWriter::new(std::fs::File::create(
                dir.join(format!("a{written:06}.txt")),
            )?);
            writeln!(
                f,
                "---\ntitle: {title}\ndate: {}\nsource: {}\nurl: https://{}/{}/a{written:06}\n---\n{text}",
                story.date, outlet.name, outlet.host, story.date
            )?;
            written += 1;
        }
        story_index += 1;
    }
    if queries.is_empty() {
        queries.push(g.words[400].clone());
    }
    std::fs::write(out.join("queries.txt"), queries.join("\n") + "\n")?;
    Ok(())
}
