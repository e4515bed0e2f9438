//! Opening a store of 1,000 articles with cached analysis, up to the first frame: read the store,
//! build the corpus (extraction from the cache, actors, timeline, shingle index), choose and
//! align the first pair, draw. Budget (DESIGN.md): < 0.5 s.

use juxta::config::Config;
use juxta::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;

use common::{Rng, WORDS};

fn main() {
    divan::main();
}

const PEOPLE: &[&str] = &[
    "Mayor Ana Ribeiro",
    "Judge Tomas Berg",
    "Minister Lena Fischer",
    "Dr. Amir Haddad",
    "Ms. Ribeiro",
    "Berg",
];
const DATES: &[&str] = &[
    "on Tuesday",
    "in March",
    "last week",
    "on June 3",
    "in 2019",
    "two years ago",
];

/// Article `n`: about 800 words with names and dates; every tenth shares a paragraph with the
/// one before, as coverage of one story would.
fn text(n: u64) -> String {
    let mut rng = Rng::new(n);
    let mut next = |m: usize| rng.below(m);
    let mut paragraphs = Vec::new();
    for _ in 0..12 {
        let mut words: Vec<&str> = (0..60).map(|_| WORDS[next(WORDS.len())]).collect();
        words.insert(next(40), PEOPLE[next(PEOPLE.len())]);
        words.insert(next(40), DATES[next(DATES.len())]);
        paragraphs.push(format!("The {}.", words.join(" ")));
    }
    if n % 10 == 1 {
        paragraphs.push(
            text(n - 1)
                .split("\n\n")
                .next()
                .unwrap_or_default()
                .to_string(),
        );
    }
    paragraphs.join("\n\n")
}

fn store_of(n: usize) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("store")).unwrap();
    let opts = juxta::import::ImportOptions::default();
    let drafts = (0..n as u64)
        .flat_map(|i| {
            let body = format!("date 2025-03-{:02}\n{}", 1 + i % 28, text(i));
            juxta::import::parse_bytes(
                body.as_bytes(),
                &format!("article-{i}.txt"),
                juxta::import::Format::Text,
                &opts,
            )
            .unwrap()
        })
        .collect();
    store.add(drafts).unwrap();
    // Warm the analysis cache the way a first run does.
    let _ = juxta::service::Corpus::build(
        store.list().unwrap(),
        &juxta::service::Options::default(),
        Some(&store),
    );
    (dir, store)
}

#[divan::bench(args = [1_000], sample_count = 10)]
fn first_frame(bencher: divan::Bencher, n: usize) {
    let (_dir, store) = store_of(n);
    let config = Config::default();
    bencher.bench_local(|| {
        let store = Store::open(store.root()).unwrap();
        let articles = store.list().unwrap();
        let app = juxta::tui::load_app(
            &store,
            articles,
            &config.service_options(),
            &config.tui_options(),
            (160, 48),
            &[],
            &mut |_, _| {},
        );
        let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
        terminal.draw(|f| juxta::tui::ui::draw(&app, f)).unwrap();
    });
}
