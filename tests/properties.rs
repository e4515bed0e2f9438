//! Property tests over every pure path: importing arbitrary bytes, aligning arbitrary pairs,
//! extracting names and dates, wrapping at any width, and sequences of add/rm (also from two
//! processes at once).
//!
//! Each property runs a few hundred generated inputs with `cargo test`; the `long_run_*` tests
//! (ignored) run at least 100,000 per path:
//! `cargo test --release --test properties -- --ignored long_run_`.

use juxta::analysis::Span;
use juxta::analysis::overlap::{OverlapConfig, PassageKind, align};
use juxta::article::Article;
use juxta::import::{Format, ImportOptions, parse_bytes};
use juxta::text::printable::is_unprintable;
use juxta::tui::wrap::{Wrapped, width};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Words and pieces that exercise the hard cases: accents, apostrophes, quotes, dashes, CJK,
/// emoji with modifiers, flags, combining marks, numbers, dates, names with cues.
const PIECES: &[&str] = &[
    "the",
    "harbour",
    "board",
    "voted",
    "on",
    "Monday",
    "to",
    "close",
    "quay",
    "said",
    "Mayor",
    "Ilse",
    "Brandt",
    "Inês",
    "Valadares-Pinto",
    "O’Neill",
    "“quoted",
    "words”",
    "—",
    "-",
    ",",
    ".",
    "!",
    "?",
    "2019",
    "1,000",
    "3.5",
    "March",
    "14,",
    "last",
    "week",
    "森下陽斗",
    "👍🏽",
    "🇯🇵",
    "e\u{301}",
    "Straße",
    "\n",
    "\n\n",
    "  ",
    "\t",
    "(",
    ")",
    "'s",
    "Dr.",
    "U.S.",
    "Tuesday",
    "in",
    "2025-03-14",
    "«",
    "»",
    "\"",
    "'",
    "‘",
    "’",
    "”",
    "„",
];

/// A text made of the pieces, joined by spaces.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|w| w.join(" "))
}

/// A pair of texts that share some of their words: the right is the left with sentences
/// dropped, swapped and edited, so alignments have passages to find.
fn pair() -> impl Strategy<Value = (String, String)> {
    (
        prop::collection::vec(prop::sample::select(PIECES), 0..200),
        prop::collection::vec((0usize..200, prop::sample::select(PIECES)), 0..20),
        0usize..200,
    )
        .prop_map(|(words, edits, cut)| {
            let left = words.join(" ");
            let mut right: Vec<&str> = words.clone();
            for (at, w) in edits {
                if !right.is_empty() {
                    let i = at % right.len();
                    right[i] = w;
                }
            }
            let cut = cut.min(right.len());
            right.rotate_left(cut);
            (left, right.join(" "))
        })
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

fn on_char_boundary(text: &str, start: usize, end: usize) -> bool {
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

// ---------------------------------------------------------------------------------------------
// The properties

fn import_bytes(cases: u32) {
    let bytes = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400),
        text().prop_map(String::into_bytes),
        // Text with control bytes and escape sequences mixed in.
        (text(), prop::collection::vec(0u8..0x20, 0..20)).prop_map(|(t, c)| {
            let mut b = t.into_bytes();
            for (i, x) in c.into_iter().enumerate() {
                let at = (i * 7) % (b.len() + 1);
                b.insert(at, x);
            }
            b
        }),
    ];
    runner(cases)
        .run(
            &(
                bytes,
                prop::sample::select(&[Format::Text, Format::Markdown, Format::Json][..]),
            ),
            |(bytes, format)| {
                match parse_bytes(&bytes, "in.txt", format, &ImportOptions::default()) {
                    Ok(drafts) => {
                        for d in drafts {
                            for s in [&d.text, &d.title, &d.source] {
                                prop_assert!(
                                    !s.chars().any(|c| c != '\n' && is_unprintable(c)),
                                    "unprintable character kept: {s:?}"
                                );
                            }
                            prop_assert!(!d.title.is_empty());
                        }
                    }
                    Err(e) => {
                        // A clear error: one sentence, no control characters.
                        let message = juxta::import::ImportError {
                            path: "in.txt".into(),
                            kind: e,
                        }
                        .to_string();
                        prop_assert!(!message.is_empty());
                        prop_assert!(!message.contains('\n'), "{message}");
                        prop_assert!(!message.chars().any(is_unprintable), "{message:?}");
                    }
                }
                Ok(())
            },
        )
        .unwrap();
}

fn alignment(cases: u32, check_swap: bool) {
    runner(cases)
        .run(&pair(), |(left, right)| {
            check_alignment(&left, &right, check_swap)
        })
        .unwrap();
}

/// Everything [`alignment`] asserts of one pair.
fn check_alignment(left: &str, right: &str, check_swap: bool) -> Result<(), TestCaseError> {
    let cfg = OverlapConfig::default();
    let a = align(left, right, &cfg);
    for p in &a.passages {
        prop_assert!(on_char_boundary(left, p.left.start, p.left.end), "{p:?}");
        prop_assert!(on_char_boundary(right, p.right.start, p.right.end), "{p:?}");
        prop_assert!(p.left.start < p.left.end && p.right.start < p.right.end);
        for s in p.left_changed.iter() {
            prop_assert!(on_char_boundary(left, s.start, s.end));
            prop_assert!(p.left.start <= s.start && s.end <= p.left.end);
        }
        for s in p.right_changed.iter() {
            prop_assert!(on_char_boundary(right, s.start, s.end));
            prop_assert!(p.right.start <= s.start && s.end <= p.right.end);
        }
    }
    // One to one: no reused text of either side is in two passages. A paraphrase (a
    // fact told in other words) or a quotation link may link one sentence to several
    // (issue 15), but never the same two spans twice.
    let mut pairs: Vec<_> = a.passages.iter().map(|p| (p.left, p.right)).collect();
    pairs.sort_by_key(|(l, r)| (l.start, l.end, r.start, r.end));
    pairs.dedup();
    prop_assert_eq!(pairs.len(), a.passages.len(), "a passage listed twice");
    for side in [0, 1] {
        let mut spans: Vec<_> = a
            .passages
            .iter()
            .filter(|p| !matches!(p.kind, PassageKind::Paraphrase | PassageKind::Quote))
            .map(|p| if side == 0 { p.left } else { p.right })
            .collect();
        spans.sort_by_key(|s| s.start);
        for w in spans.windows(2) {
            prop_assert!(w[0].end <= w[1].start, "overlapping passages {w:?}");
        }
    }
    if !check_swap {
        return Ok(());
    }
    // The same passages with the sides swapped.
    let swapped = align(right, left, &cfg);
    let mut ours: Vec<_> = a
        .passages
        .iter()
        .map(|p| (p.left, p.right, p.kind))
        .collect();
    let mut theirs: Vec<_> = swapped
        .passages
        .iter()
        .map(|p| (p.right, p.left, p.kind))
        .collect();
    // The whole spans order them: two quotations can open at the same place on both
    // sides (a generated case did), and a stable sort on the starts alone kept each
    // call's own order of those two.
    let key = |x: &(Span, Span, PassageKind)| (x.0.start, x.1.start, x.0.end, x.1.end);
    ours.sort_by_key(key);
    theirs.sort_by_key(key);
    prop_assert_eq!(ours, theirs);
    Ok(())
}

fn article(i: usize, text: String) -> Article {
    Article {
        id: format!("a{i}"),
        title: "t".into(),
        authors: Vec::new(),
        source: "s".into(),
        date: chrono::NaiveDate::from_ymd_opt(2025, 3, 14),
        url: None,
        hash: juxta::article::content_hash(&text),
        text,
        imported_at: chrono::DateTime::UNIX_EPOCH,
        file_name: format!("a{i}.txt"),
    }
}

fn extraction(cases: u32) {
    runner(cases)
        .run(&prop::collection::vec(text(), 1..3), |texts| {
            let articles: Vec<Article> = texts
                .into_iter()
                .enumerate()
                .map(|(i, t)| article(i, t))
                .collect();
            let found = juxta::service::actors_and_events(&articles, &Default::default(), None);
            for actor in &found.actors {
                for m in &actor.mentions {
                    let text = &articles[m.article].text;
                    prop_assert!(on_char_boundary(text, m.span.start, m.span.end), "{m:?}");
                }
            }
            for e in &found.events {
                let text = &articles[e.article].text;
                prop_assert!(on_char_boundary(text, e.span.start, e.span.end), "{e:?}");
                prop_assert!(on_char_boundary(text, e.sentence.start, e.sentence.end));
                prop_assert!(e.sentence.start <= e.span.start && e.span.end <= e.sentence.end);
            }
            // Quotations: every piece on character boundaries inside its quotation's span, and
            // every quotation in exactly one group.
            let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
            let quotes = juxta::analysis::quotes::analyse(&texts, &found.actors);
            for q in &quotes.quotations {
                let text = texts[q.article];
                prop_assert!(on_char_boundary(text, q.span.start, q.span.end), "{q:?}");
                for p in &q.pieces {
                    prop_assert!(on_char_boundary(text, p.start, p.end), "{q:?}");
                    prop_assert!(q.span.start <= p.start && p.end <= q.span.end, "{q:?}");
                }
            }
            let mut grouped: Vec<usize> = quotes
                .groups
                .iter()
                .flat_map(|g| g.mentions.clone())
                .collect();
            grouped.sort_unstable();
            prop_assert_eq!(grouped, (0..quotes.quotations.len()).collect::<Vec<_>>());
            Ok(())
        })
        .unwrap();
}

fn wrapping(cases: u32) {
    runner(cases)
        .run(&(text(), 1usize..60), |(text, w)| {
            let wrapped = Wrapped::new(&text, w);
            let mut shown = vec![0u8; text.len()];
            let mut last_end = 0;
            for r in &wrapped.rows {
                prop_assert!(r.start >= last_end && r.start <= r.end && r.end <= text.len());
                prop_assert!(on_char_boundary(&text, r.start, r.end));
                let row = &text[r.start..r.end];
                // A row is no wider than the width, unless it is one grapheme wider than that.
                prop_assert!(
                    width(row) <= w
                        || unicode_segmentation::UnicodeSegmentation::graphemes(row, true).count()
                            == 1,
                    "{row:?} is wider than {w}"
                );
                for (i, _) in row.char_indices() {
                    shown[r.start + i] += 1;
                }
                last_end = r.end;
            }
            // Every character but the spaces and line breaks a wrap replaces is shown once.
            for (i, c) in text.char_indices() {
                if c == ' ' || c == '\n' {
                    continue;
                }
                prop_assert_eq!(shown[i], 1, "{:?} at {} in {:?}", c, i, text);
            }
            Ok(())
        })
        .unwrap();
}

// ---------------------------------------------------------------------------------------------
// The store, through the binary as users drive it: sequences of add and rm, two processes at once

#[derive(Debug, Clone)]
enum Op {
    Add(usize),
    Rm(usize),
}

fn juxta(store: &std::path::Path, dir: &std::path::Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_juxta"));
    cmd.current_dir(dir)
        .env("JUXTA_STORE", store)
        .env("JUXTA_CONFIG", dir.join("config.toml"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    cmd
}

fn op_args(op: &Op) -> Vec<String> {
    match op {
        Op::Add(i) => vec!["add".into(), format!("f{i}.txt")],
        Op::Rm(i) => vec!["rm".into(), format!("f{i}")],
    }
}

fn store_sequences(cases: u32) {
    let ops = prop::collection::vec(
        (
            prop_oneof![(0usize..4).prop_map(Op::Add), (0usize..4).prop_map(Op::Rm)],
            any::<bool>(),
        ),
        1..8,
    );
    runner(cases)
        .run(&ops, |ops| {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join("config.toml"), "").unwrap();
            for i in 0..4 {
                std::fs::write(
                    dir.path().join(format!("f{i}.txt")),
                    format!("Report {i}\n\nThe council met {i} times this week."),
                )
                .unwrap();
            }
            let store = dir.path().join("store");
            // Each op runs alone, or together with the next one in another process.
            let mut model = std::collections::BTreeSet::new();
            let mut k = 0;
            while k < ops.len() {
                let (op, together) = &ops[k];
                let mut group = vec![op.clone()];
                if *together && k + 1 < ops.len() {
                    group.push(ops[k + 1].0.clone());
                    k += 1;
                }
                k += 1;
                let children: Vec<_> = group
                    .iter()
                    .map(|op| juxta(&store, dir.path()).args(op_args(op)).spawn().unwrap())
                    .collect();
                for mut c in children {
                    c.wait().unwrap();
                }
                // Two processes at once end as one after the other would, whichever went first.
                let ids = listed_ids(&store, dir.path());
                let mut candidates = Vec::new();
                for order in [group.clone(), group.iter().rev().cloned().collect()] {
                    let mut m = model.clone();
                    for op in &order {
                        match op {
                            Op::Add(i) => {
                                m.insert(format!("f{i}"));
                            }
                            Op::Rm(i) => {
                                m.remove(&format!("f{i}"));
                            }
                        }
                    }
                    candidates.push(m);
                }
                let got: std::collections::BTreeSet<String> = ids.iter().cloned().collect();
                prop_assert_eq!(got.len(), ids.len(), "ids are unique: {:?}", ids);
                prop_assert!(candidates.contains(&got), "{:?} after {:?}", got, group);
                model = got;
                // Every listed article can be read back.
                for id in &ids {
                    let ok = juxta(&store, dir.path())
                        .args(["show", id.as_str(), "--json"])
                        .status()
                        .unwrap()
                        .success();
                    prop_assert!(ok, "{} cannot be shown", id);
                }
            }
            Ok(())
        })
        .unwrap();
}

fn listed_ids(store: &std::path::Path, dir: &std::path::Path) -> Vec<String> {
    let out = juxta(store, dir)
        .args(["list", "--json"])
        .stdout(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    rows.iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The quick runs (every `cargo test`) and the long runs (`--ignored`)

/// Inputs per path in the long runs.
const LONG: u32 = 100_000;

#[test]
fn importing_arbitrary_bytes_never_panics_and_gives_printable_text_or_a_clear_error() {
    import_bytes(500);
}

#[test]
fn alignments_are_in_bounds_on_character_boundaries_and_one_to_one() {
    alignment(200, false);
}

/// Without the canonical order in `align_prepared`, a few thousand generated pairs were enough
/// to find one (long runs of one repeated word) whose passages moved when the sides swapped.
#[test]
fn alignments_are_the_same_with_the_sides_swapped() {
    alignment(3000, true);
}

/// A generated pair (CI, seed unknown) where two quotations open at the same place on both
/// sides: the passages were equal but came out in a different order with the sides swapped.
#[test]
fn two_quotations_opening_at_the_same_place_keep_their_order_when_the_sides_swap() {
    let left = "the the the the the the the the the the the the the the the the the the the the the the the the the the 2019 the the « the the the the 2019 the 2019 the harbour the the the the the the the « the the the . Mayor \n the the the — on — on 👍🏽 the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the";
    let right = "the the the the 2019 the 2019 the harbour the the the the the the the « the the the . Mayor harbour the the the — on — on 👍🏽 the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the 2019 the the «";
    check_alignment(left, right, true).unwrap();
}

#[test]
fn extraction_offsets_lie_on_character_boundaries_inside_the_text() {
    extraction(200);
}

#[test]
fn wrapping_at_any_width_shows_every_character_once() {
    wrapping(500);
}

#[test]
fn any_sequence_of_add_and_rm_also_from_two_processes_ends_consistent() {
    store_sequences(12);
}

#[test]
#[ignore = "long run: cargo test --release --test properties -- --ignored long_run_"]
fn long_run_import() {
    import_bytes(LONG);
}

#[test]
#[ignore = "long run: cargo test --release --test properties -- --ignored long_run_"]
fn long_run_alignment() {
    alignment(LONG, true);
}

#[test]
#[ignore = "long run: cargo test --release --test properties -- --ignored long_run_"]
fn long_run_extraction() {
    extraction(LONG);
}

#[test]
#[ignore = "long run: cargo test --release --test properties -- --ignored long_run_"]
fn long_run_wrapping() {
    wrapping(LONG);
}

/// The store path starts processes: 100,000 inputs here are operations (add or rm), run in
/// sequences of up to 7, two processes at once where the generator says so.
#[test]
#[ignore = "long run: cargo test --release --test properties -- --ignored long_run_"]
fn long_run_store() {
    store_sequences(LONG / 4);
}
