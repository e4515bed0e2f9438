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
