//! One redraw of the terminal UI (TestBackend, 160×48) with two 100,000-word articles open and
//! their overlaps highlighted; and a keypress (scroll one row) followed by the redraw.
//! Budget (DESIGN.md): < 2 ms per keypress redraw.

use juxta::service::{Corpus, Options};
use juxta::tui::action::Action;
use juxta::tui::app::App;
use juxta::tui::config::TuiOptions;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;

use common::{Rng, WORDS};

fn main() {
    divan::main();
}

/// A deterministic pseudo-random article: `words` words in paragraphs of about 60 words.
fn article(seed: u64, words: usize) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut paragraphs = Vec::new();
    let mut para = Vec::new();
    for i in 0..words {
        para.push(WORDS[rng.below(WORDS.len())]);
        if i % 60 == 59 {
            paragraphs.push(format!("{}.", para.join(" ")));
            para.clear();
        }
    }
    if !para.is_empty() {
        paragraphs.push(format!("{}.", para.join(" ")));
    }
    paragraphs
}

/// Two articles sharing every third paragraph, reordered and lightly edited in the second.
fn pair(words: usize) -> (String, String) {
    let a = article(1, words);
    let mut b = article(2, words);
    for (k, p) in a.iter().enumerate().step_by(3) {
        let at = (k * 7919) % b.len();
        b[at] = p.replacen(" the ", " this ", 1);
    }
    (a.join("\n\n"), b.join("\n\n"))
}

fn app(words: usize) -> App {
    let (left, right) = pair(words);
    let opts = juxta::import::ImportOptions::default();
    let mut articles = Vec::new();
    for (i, text) in [left, right].into_iter().enumerate() {
        let drafts = juxta::import::parse_bytes(
            text.as_bytes(),
            &format!("bench-{i}.txt"),
            juxta::import::Format::Text,
            &opts,
        )
        .unwrap();
        articles.push(
            drafts
                .into_iter()
                .next()
                .unwrap()
                .into_article(format!("bench-{i}"), chrono::Utc::now()),
        );
    }
    let corpus = Corpus::build(articles, &Options::default(), None);
    let mut app = App::new(
        corpus,
        &TuiOptions::default(),
        (160, 48),
        (Some(0), Some(1)),
    );
    // Somewhere in the middle, with a current passage.
    for _ in 0..50 {
        app.update(Action::NextPassage);
    }
    app
}

#[divan::bench(args = [1_000, 100_000], sample_count = 200)]
fn redraw(bencher: divan::Bencher, words: usize) {
    let app = app(words);
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    bencher.bench_local(|| {
        terminal.draw(|f| juxta::tui::ui::draw(&app, f)).unwrap();
    });
}

#[divan::bench(args = [100_000], sample_count = 200)]
fn keypress_and_redraw(bencher: divan::Bencher, words: usize) {
    let mut app = app(words);
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    let mut down = true;
    bencher.bench_local(|| {
        down = !down;
        app.update(if down { Action::Down } else { Action::Up });
        terminal.draw(|f| juxta::tui::ui::draw(&app, f)).unwrap();
    });
}
