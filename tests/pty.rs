//! End to end: the real binary in a pseudo-terminal, driven by keystrokes, its screen read back
//! through a terminal emulator (vt100).

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ROWS: u16 = 30;
const COLS: u16 = 100;

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    // Held open for the session: closing the master would hang up on the child.
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    fn start(args: &[&str]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_juxta"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pty.slave.spawn_command(cmd).expect("juxta starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(ROWS).unwrap(),
            std::num::NonZeroU16::new(COLS).unwrap(),
            0,
        )));
        let feed = Arc::clone(&parser);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buf[..n]);
            }
        });
        Session {
            parser,
            writer,
            child,
            _master: pty.master,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(what) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "waited for {what:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }
}

#[test]
fn keys_drive_the_real_binary_and_q_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let wire = samples.join("01-wire.txt");
    let paper = samples.join("02-newspaper.md");
    let mut s = Session::start(&[
        "--store",
        store.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
        wire.to_str().unwrap(),
        paper.to_str().unwrap(),
    ]);
    let first = s.wait_for("similarity");
    assert!(first.contains("Actors"), "{first}");
    assert!(
        s.parser.lock().unwrap().screen().alternate_screen(),
        "the UI runs on the alternate screen"
    );

    s.send("]");
    s.wait_for("passage 1 of");
    s.send("]");
    s.wait_for("passage 2 of");

    s.send("?");
    s.wait_for("next shared passage");
    s.send("?");

    s.send("a");
    s.send("\r");
    s.wait_for("mentions in");
    s.send("n");
    s.wait_for("mention 1 of");

    s.send("/");
    s.send("quay\r");
    s.wait_for("for “quay”");

    s.send("q");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = s.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "juxta did not exit on q"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status:?}");
    std::thread::sleep(Duration::from_millis(100));
    let parser = s.parser.lock().unwrap();
    assert!(
        !parser.screen().alternate_screen(),
        "the alternate screen was left"
    );
    assert!(
        !parser.screen().hide_cursor(),
        "the cursor is visible again"
    );
}

#[test]
fn without_a_terminal_the_ui_explains_itself() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_juxta"))
        .args(["--store", dir.path().join("s").to_str().unwrap()])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "juxta: the terminal UI needs an interactive terminal; for scripts use the subcommands (see juxta --help)\n"
    );
}

#[test]
fn files_that_could_not_be_imported_are_named_in_the_ui() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "Good one\n\nThe council met on Monday to vote.").unwrap();
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "Other one\n\nThe council voted on Monday.").unwrap();
    let bad = dir.path().join("broken.txt");
    std::fs::write(&bad, b"\xff\xfe\x00bad bytes\x00\x00").unwrap();
    let mut s = Session::start(&[
        "--store",
        store.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
        other.to_str().unwrap(),
    ]);
    let screen = s.wait_for("not imported:");
    assert!(screen.contains("broken.txt"), "{screen}");
    s.send("q");
}
