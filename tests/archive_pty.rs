//! The terminal UI on a large archive, in a pseudo-terminal: the open pair's text comes first,
//! and quitting acts at once while the rest of the archive is still loading behind it.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A store of `n` distinct articles, added without their analysis, so that opening it has
/// every article to analyse.
fn big_store(dir: &std::path::Path, n: usize) {
    let store = juxta::store::Store::open(dir).unwrap();
    let opts = juxta::import::ImportOptions::default();
    let drafts = (0..n)
        .flat_map(|i| {
            let text = format!(
                "Councillor Brevik Almquist spoke about sluice {i} on Tuesday.\n\nThe sluice keeper said repairs to gate {i} would take {} weeks, and the tender closes in March.",
                i % 9 + 2
            );
            juxta::import::parse_bytes(
                text.as_bytes(),
                &format!("sluice-{i}.txt"),
                juxta::import::Format::Text,
                &opts,
            )
            .unwrap()
        })
        .collect();
    store.add(drafts).unwrap();
}

/// Opens the TUI on `store`, waits for the first frame (article text, with the archive still
/// loading), sends `key`, and returns whether the process ended, and whether the loaded
/// archive was ever on screen before it did.
fn quit_while_loading(store: &std::path::Path, key: &[u8]) -> (bool, bool) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_juxta"));
    cmd.args(["--store", store.to_str().unwrap()]);
    cmd.env("TERM", "xterm-256color");
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let mut writer = pty.master.take_writer().unwrap();
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        std::num::NonZeroU16::new(30).unwrap(),
        std::num::NonZeroU16::new(100).unwrap(),
        0,
    )));
    let saw_text = Arc::new(Mutex::new(false));
    {
        let (parser, saw_text) = (Arc::clone(&parser), Arc::clone(&saw_text));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut p = parser.lock().unwrap();
                p.process(&buf[..n]);
                // The status says so once the archive has loaded behind the first frame.
                if p.screen().contents().contains("archive loaded") {
                    *saw_text.lock().unwrap() = true;
                }
            }
        });
    }
    let start = Instant::now();
    let first_frame = |c: &str| c.contains("sluice keeper") && c.contains("loading the archive");
    while !first_frame(&parser.lock().unwrap().screen().contents()) {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no first frame with the archive loading: {}",
            parser.lock().unwrap().screen().contents()
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    writer.write_all(key).unwrap();
    writer.flush().unwrap();
    let start = Instant::now();
    let ended = loop {
        if child.try_wait().unwrap().is_some() {
            break true;
        }
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            break false;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let saw = *saw_text.lock().unwrap();
    (ended, saw)
}

#[test]
fn q_and_ctrl_c_quit_while_the_archive_loads_behind_the_first_frame() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    big_store(&store, 4_000);
    for key in [&b"q"[..], &b"\x03"[..]] {
        let (ended, saw_text) = quit_while_loading(&store, key);
        assert!(ended, "{key:?} ended juxta");
        assert!(
            !saw_text,
            "{key:?} acted while the archive loaded, not after it was loaded"
        );
    }
}

/// The screen's rows, then the left half's rows on one line with the panes' borders and
/// bars left out (a wrapped sentence of the left pane reads whole there).
fn readable(screen: &vt100::Screen, cols: u16) -> String {
    let left: Vec<String> = screen.rows(0, cols / 2).collect();
    let left = left
        .join(" ")
        .replace(['│', '┃', '▌', '╭', '╮', '╰', '╯', '─'], " ");
    format!(
        "{}\n{}",
        screen.contents(),
        left.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

/// A key to send once the screen satisfies a condition.
type Step<'a> = (&'a dyn Fn(&str) -> bool, &'a [u8]);

/// The TUI on `store` in a pseudo-terminal: sends each key once the screen (see [`readable`])
/// satisfies its condition, and returns the screen after the last condition held (or panics
/// with it).
fn drive(store: &std::path::Path, steps: &[Step<'_>]) -> String {
    let (rows, cols) = (30, 100);
    let pty = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_juxta"));
    cmd.args(["--store", store.to_str().unwrap()]);
    cmd.env("TERM", "xterm-256color");
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let writer = Arc::new(Mutex::new(pty.master.take_writer().unwrap()));
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        std::num::NonZeroU16::new(rows).unwrap(),
        std::num::NonZeroU16::new(cols).unwrap(),
        0,
    )));
    {
        let parser = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                // Asked where its cursor is, this terminal never answers (as some don't): the
                // UI must not wait for it.
                assert!(
                    !buf[..n].windows(4).any(|w| w == b"\x1b[6n"),
                    "the UI asked for the cursor position"
                );
                parser.lock().unwrap().process(&buf[..n]);
            }
        });
    }
    let mut last = String::new();
    for (ready, key) in steps {
        let start = Instant::now();
        loop {
            last = readable(parser.lock().unwrap().screen(), cols);
            if ready(&last) {
                break;
            }
            if start.elapsed() > Duration::from_secs(60) {
                let _ = child.kill();
                panic!("the screen never got ready:\n{last}");
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let mut w = writer.lock().unwrap();
        w.write_all(key).unwrap();
        w.flush().unwrap();
    }
    let _ = child.wait();
    last
}

#[test]
fn a_large_archive_opens_any_article_with_its_text_once_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    big_store(&store, 300);
    let loaded = |c: &str| c.contains("archive loaded: 300 articles");
    let bare = |c: &str| !c.contains("Actors");
    let picker = |c: &str| c.contains("filter:");
    let filtered = |c: &str| c.contains("filter: sluice-257");
    // The article chosen in the picker shows its own text, read from the store.
    let opened = |c: &str| c.contains("repairs to gate 257");
    let screen = drive(
        &store,
        &[
            // Without the sidebar, the left pane is the screen's left half.
            (&loaded, b"\\"),
            (&bare, b"o"),
            (&picker, b"sluice-257"),
            (&filtered, b"\r"),
            (&opened, b"q"),
        ],
    );
    assert!(screen.contains("gate 257"), "{screen}");
}

/// Words no two unrelated articles share much of: syllables drawn by a small generator.
fn filler(seed: usize, words: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mer", "tis", "van", "dor", "pel", "quin", "sa", "ru", "ben", "tho", "gal",
        "fi", "nex", "zu",
    ];
    let mut x = seed as u64 * 2_654_435_761 + 12_345;
    let mut next = |m: usize| {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (x >> 33) as usize % m
    };
    let mut out = String::new();
    for w in 0..words {
        let n = 2 + next(2);
        let word: String = (0..n).map(|_| SYLLABLES[next(16)]).collect();
        if w % 12 == 0 {
            if w > 0 {
                out.push_str(". ");
            }
            let mut c = word.chars();
            out.extend(c.next().map(|c| c.to_ascii_uppercase()));
            out.push_str(c.as_str());
        } else {
            out.push(' ');
            out.push_str(&word);
        }
    }
    out.push('.');
    out
}

/// 320 articles (more than `list` groups by itself) of unrelated filler, but for a story told by four outlets (one paragraph in
/// common, "Ferry …" titles) and two outlets printing the same bakery text but a line: the pair
/// that shares the most is the bakery's, the story with the most articles the ferry's.
fn storied_store(dir: &std::path::Path) {
    let ferry = filler(9_001, 70);
    let bakery = filler(9_002, 150);
    let mut docs: Vec<(String, String, String)> = (0..314)
        .map(|i| {
            let day = format!("2021-{:02}-{:02}", i % 12 + 1, i % 28 + 1);
            (format!("Notes {i}"), day, filler(i, 120))
        })
        .collect();
    for (k, side) in ["north", "south", "east", "west"].iter().enumerate() {
        let own = filler(8_000 + k, 50);
        docs.push((
            format!("Ferry {side} desk"),
            "2020-06-03".into(),
            format!("{ferry}\n\n{own}"),
        ));
    }
    for (k, side) in ["one", "two"].iter().enumerate() {
        docs.push((
            format!("Bakery {side} desk"),
            "2019-02-11".into(),
            format!("{bakery}\n\n{}", filler(7_000 + k, 8)),
        ));
    }
    let folder = dir.with_extension("articles");
    std::fs::create_dir_all(&folder).unwrap();
    for (i, (title, date, text)) in docs.iter().enumerate() {
        let file = format!("---\ntitle: {title}\ndate: {date}\nsource: Outlet {i}\n---\n{text}\n");
        std::fs::write(folder.join(format!("doc-{i:03}.txt")), file).unwrap();
    }
    // Added as a user adds them: with their analysis, which the store's index of the closest
    // articles comes from.
    let added = std::process::Command::new(env!("CARGO_BIN_EXE_juxta"))
        .args([
            "--store",
            dir.to_str().unwrap(),
            "add",
            folder.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(added.status.success(), "{added:?}");
}

/// The first row of the screen: the panes' titles.
fn titles(screen: &str) -> &str {
    screen.lines().next().unwrap_or_default()
}

#[test]
fn a_large_archive_opens_its_largest_story_once_stories_are_stored_and_says_what_it_lacks_before() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    storied_store(&store);
    let loaded = |c: &str| c.contains("archive loaded: 320 articles");
    let picker = |c: &str| c.contains("filter:");
    let ungrouped = |c: &str| picker(c) && c.contains("not grouped by story");
    let closed = |c: &str| !c.contains("filter:");
    // The sidebar is narrow: the shortest wording of the tab's legend.
    let quotes = |c: &str| c.contains("open pair only") && c.contains("No quotations in");
    let first = std::cell::RefCell::new(String::new());
    let keep = |c: &str| {
        *first.borrow_mut() = c.to_string();
        true
    };
    // Before `juxta stories`: the two articles that share the most, a picker that says it is
    // not grouped and how to group it, a Quotes tab that says whose quotations it lists.
    drive(
        &store,
        &[
            (&loaded, b""),
            (&keep, b"o"),
            (&ungrouped, b"\x1b"),
            (&closed, b"u"),
            (&quotes, b"q"),
        ],
    );
    let before = first.borrow().clone();
    assert_eq!(titles(&before).matches("Bakery").count(), 2, "{before}");
    let ran = std::process::Command::new(env!("CARGO_BIN_EXE_juxta"))
        .args(["--store", store.to_str().unwrap(), "stories"])
        .output()
        .unwrap();
    assert!(ran.status.success(), "{ran:?}");
    // Grouped, the picker's title no longer says it is not.
    let grouped = |c: &str| c.contains("▸ Ferry") && !c.contains("not grouped by story");
    drive(
        &store,
        &[
            (&loaded, b""),
            (&keep, b"o"),
            (&grouped, b"\x1b"),
            (&closed, b"q"),
        ],
    );
    let after = first.borrow().clone();
    assert_eq!(titles(&after).matches("Ferry").count(), 2, "{after}");
}
