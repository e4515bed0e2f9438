//! The command line as printed: help and version, the exact output of add, list and show, and
//! output that stays safe and quiet when piped.

#[path = "data/harness.rs"]
mod harness;

use harness::Sandbox;
use std::io::Read;
use std::process::Stdio;

#[test]
fn help_works_for_every_subcommand() {
    let s = Sandbox::new();
    let top = s.run(&["--help"]);
    top.success();
    assert!(
        top.stdout
            .contains("Usage: juxta [OPTIONS] [PATH]...\n       juxta [OPTIONS] <COMMAND>"),
        "{}",
        top.stdout
    );
    for sub in [
        "add",
        "list",
        "show",
        "rm",
        "compare",
        "actors",
        "events",
        "mentions",
        "completions",
        "man",
    ] {
        assert!(top.stdout.contains(&format!("  {sub} ")), "{sub} is listed");
        for args in [vec![sub, "--help"], vec!["help", sub]] {
            let run = s.run(&args);
            run.success();
            assert!(
                run.stdout.contains(&format!("Usage: juxta {sub}")),
                "{args:?}: {}",
                run.stdout
            );
            assert!(
                run.stdout.contains("--store <DIR>"),
                "{args:?}: global flags shown"
            );
        }
    }
    let add = s.run(&["add", "-h"]);
    for flag in [
        "--date <YYYY-MM-DD>",
        "--source <S>",
        "--title <T>",
        "<PATH>...",
    ] {
        assert!(add.stdout.contains(flag), "add --help mentions {flag}");
    }
    let add = s.run(&["add", "--help"]);
    assert!(
        add.stdout
            .contains("Metadata, first match wins: --title, --date, --source;"),
        "add --help explains where metadata comes from: {}",
        add.stdout
    );
}

#[test]
fn global_flags_work_before_or_after_the_subcommand() {
    use clap::Parser;
    use juxta::cli::{Cli, Command};
    use std::path::PathBuf;
    let parse = |args: &[&str]| Cli::try_parse_from(args).expect("parses");
    for args in [
        &["juxta", "--store", "s", "--config", "c.toml", "list"][..],
        &["juxta", "list", "--store", "s", "--config", "c.toml"],
        &["juxta", "--store=s", "list", "--config=c.toml"],
    ] {
        let cli = parse(args);
        assert!(
            matches!(cli.command, Some(Command::List { json: false })),
            "{args:?}"
        );
        assert_eq!(cli.store, Some(PathBuf::from("s")), "{args:?}");
        assert_eq!(cli.config, Some(PathBuf::from("c.toml")), "{args:?}");
        assert!(cli.paths.is_empty());
    }
    // Paths open the terminal UI; a path ends the search for a subcommand.
    let cli = parse(&["juxta", "--store", "s", "a.txt", "list"]);
    assert!(cli.command.is_none());
    assert_eq!(cli.paths, [PathBuf::from("a.txt"), PathBuf::from("list")]);
}

#[test]
fn version_is_printed() {
    let s = Sandbox::new();
    let run = s.run(&["--version"]);
    run.success();
    assert_eq!(run.stdout, format!("juxta {}\n", env!("CARGO_PKG_VERSION")));
    assert_eq!(s.run(&["-V"]).stdout, run.stdout);
}

#[test]
fn usage_errors_are_reported_by_clap() {
    let s = Sandbox::new();
    let run = s.run(&["rm"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("<ID>..."), "{}", run.stderr);
    let run = s.run(&["add"]);
    assert_eq!(run.code, 2);
    let run = s.run(&["list", "--bogus"]);
    assert_eq!(run.code, 2);
}

#[test]
fn add_prints_one_line_per_article() {
    let s = Sandbox::new();
    s.write(
        "a.txt",
        "Harbour chief quits\n\nThe head of the port resigned on Thursday.",
    );
    let run = s.run(&["add", "a.txt"]);
    run.success();
    assert_eq!(
        run.stdout,
        "added a  “Harbour chief quits”  (8 words, from a.txt)\n"
    );
    assert_eq!(run.stderr, "");
}

#[test]
fn list_prints_an_aligned_table() {
    let s = Sandbox::new();
    s.write(
        "wire.txt",
        "---\ntitle: Quay inquiry opens\ndate: 2025-03-14\nsource: Meridian Press\n---\nThe inquiry opened on Friday with two days of evidence.",
    );
    s.write(
        "Kraków notes.md",
        "# Notes from Kraków\n\nA very short note.",
    );
    s.run(&["add", "wire.txt", "Kraków notes.md"]).success();
    let run = s.run(&["list"]);
    run.success();
    assert_eq!(
        run.stdout,
        "ID            DATE        SOURCE            WORDS  ORIG  STORY         TITLE\n\
         wire          2025-03-14  Meridian Press       10  100%  wire          Quay inquiry opens\n\
         krakow-notes              Kraków notes.md       4  100%  krakow-notes  Notes from Kraków\n"
    );
}

#[test]
fn list_columns_stay_aligned_for_huge_articles_and_long_sources() {
    let s = Sandbox::new();
    let huge = "word ".repeat(1_000_001);
    s.write("huge.txt", format!("Huge one\n\n{huge}"));
    s.write(
        "small.txt",
        "---\nsource: The Extraordinarily Long-Named Evening Chronicle\n---\nSmall text here.",
    );
    s.run(&["add", "huge.txt", "small.txt"]).success();
    let run = s.run(&["list"]);
    run.success();
    assert_eq!(
        run.stdout,
        "ID     DATE        SOURCE                      WORDS  ORIG  STORY  TITLE\n\
         huge               huge.txt                  1000001  100%  huge   Huge one\n\
         small              The Extraordinarily Lon…        3  100%  small  Small text here.\n"
    );
}

#[test]
fn show_prints_metadata_then_the_text() {
    let s = Sandbox::new();
    s.write(
        "wire.txt",
        "---\ntitle: Quay inquiry opens\ndate: 2025-03-14\nsource: Meridian Press\nurl: https://example.org/mp\n---\nFirst paragraph.\n\nSecond paragraph.",
    );
    s.write("bare.txt", "Bare text.");
    s.run(&["add", "wire.txt", "bare.txt"]).success();
    let run = s.run(&["show", "wire"]);
    run.success();
    let imported = s.article("wire")["imported_at"]
        .as_str()
        .unwrap()
        .to_string();
    let stamp = format!("{} {} UTC", &imported[..10], &imported[11..16]);
    assert_eq!(
        run.stdout,
        format!(
            "Title:    Quay inquiry opens\n\
             Source:   Meridian Press\n\
             Date:     2025-03-14\n\
             URL:      https://example.org/mp\n\
             ID:       wire\n\
             File:     wire.txt\n\
             Imported: {stamp}\n\
             Words:    4\n\
             \n\
             First paragraph.\n\nSecond paragraph.\n"
        )
    );
    let bare = s.run(&["show", "bare"]);
    assert!(bare.stdout.contains("Date:     unknown\n"));
    assert!(!bare.stdout.contains("URL:"));
}

#[test]
fn show_json_is_the_stored_article() {
    let s = Sandbox::new();
    s.write("a.txt", "Some text.");
    s.run(&["add", "a.txt"]).success();
    let a = s.article("a");
    let mut keys: Vec<&str> = a.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "file_name",
            "hash",
            "id",
            "imported_at",
            "source",
            "text",
            "title"
        ]
    );
    let db = rusqlite::Connection::open(s.store().join("juxta.db")).unwrap();
    let (title, text): (String, String) = db
        .query_row(
            "SELECT a.title, t.text FROM article a JOIN article_text t ON t.article = a.key WHERE a.id = 'a'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(a["title"], title);
    assert_eq!(a["text"], text);
}

#[test]
fn a_hand_edited_store_cannot_drive_the_terminal_either() {
    let s = Sandbox::new();
    s.write("a.txt", "Clean text.");
    s.run(&["add", "a.txt"]).success();
    let db = rusqlite::Connection::open(s.store().join("juxta.db")).unwrap();
    db.execute(
        "UPDATE article SET title = ?1, source = ?2 WHERE id = 'a'",
        ["\u{1b}[31mRed title", "Src\u{1b}]0;x\u{7}"],
    )
    .unwrap();
    db.execute(
        "UPDATE article_text SET text = ?1",
        ["Text \u{1b}[2J cleared\u{9b}1m.\nNext line."],
    )
    .unwrap();
    drop(db);
    for args in [vec!["list"], vec!["show", "a"]] {
        let run = s.run(&args);
        run.success();
        assert!(
            !run.raw_stdout.iter().any(|&b| b == 0x1b || b == 0x07),
            "{args:?}: {:?}",
            run.stdout
        );
        assert!(!run.stdout.contains('\u{9b}'));
    }
    let show = s.run(&["show", "a"]);
    assert!(
        show.stdout.contains("Title:    Red title\n"),
        "{}",
        show.stdout
    );
    assert!(
        show.stdout.ends_with("Text  cleared.\nNext line.\n"),
        "{}",
        show.stdout
    );
    // JSON output escapes control characters, so it is safe as it is.
    let json = s.run(&["show", "a", "--json"]);
    assert!(!json.raw_stdout.contains(&0x1b));
    assert!(json.stdout.contains("\\u001b[31mRed title"));
}

/// Runs juxta with its standard output closed at once, as `juxta … | head -0` would.
fn run_into_closed_pipe(s: &Sandbox, args: &[&str]) -> (i32, String) {
    let mut child = s
        .command()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    (status.code().unwrap_or(-1), stderr)
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let s = Sandbox::new();
    // More output than a pipe holds, so that writing must fail.
    s.write(
        "big.txt",
        format!("Big\n\n{}", "A sentence of text. ".repeat(8_000)),
    );
    let items: Vec<String> = (0..40)
        .map(|i| {
            format!(
                r#"{{"text": "Item {i}.", "title": "Title {i} {}"}}"#,
                "x".repeat(2_000)
            )
        })
        .collect();
    s.write("many.json", format!("[{}]", items.join(",")));
    s.run(&["add", "big.txt", "many.json"]).success();
    for args in [
        vec!["list"],
        vec!["list", "--json"],
        vec!["show", "big"],
        vec!["show", "big", "--json"],
    ] {
        let (code, stderr) = run_into_closed_pipe(&s, &args);
        assert_eq!((code, stderr.as_str()), (0, ""), "{args:?}");
    }
}

/// Runs juxta writing into a pipe whose reading end is closed before juxta starts, as
/// `juxta … | head -1` is once head has read its line: every write fails, whatever its size.
fn run_into_pipe_closed_before(s: &Sandbox, args: &[&str]) -> (i32, String) {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = s
        .command()
        .args(args)
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_command_that_prints_ends_quietly_on_a_closed_pipe() {
    let s = Sandbox::new();
    s.write(
        "a.txt",
        "Harbour report\n\ndate 2025-03-14\n\nMaria Lindqvist, the port director, said on Monday that the crane fell in 2019.",
    );
    s.write(
        "b.txt",
        "Second report\n\nMaria Lindqvist said on Tuesday that the crane fell in 2019 after a storm.",
    );
    s.run(&["add", "a.txt"]).success();
    for args in [
        vec!["add", "b.txt"],
        vec!["list"],
        vec!["show", "a"],
        vec!["actors", "a.txt", "b.txt"],
        vec!["actors", "--json", "a.txt", "b.txt"],
        vec!["events", "a.txt", "b.txt"],
        vec!["events", "--json", "a.txt", "b.txt"],
        vec!["mentions", "Lindqvist", "a.txt"],
        vec!["mentions", "--json", "Lindqvist", "a.txt"],
        vec!["compare", "a.txt", "b.txt"],
        vec!["compare", "--format", "json", "a.txt", "b.txt"],
        vec!["compare", "a", "--all"],
        vec!["rm", "b"],
    ] {
        let (code, stderr) = run_into_pipe_closed_before(&s, &args);
        assert_eq!((code, stderr.as_str()), (0, ""), "{args:?}");
    }
}

#[test]
fn every_command_counts_words_the_same_way() {
    let s = Sandbox::new();
    // Dashes are not words; a hyphenated compound counts its parts, as passages are counted.
    s.write(
        "a.txt",
        "Port chief\n\nThe state-run port's chief — re-elected in 2019, said: yes.",
    );
    s.write("b.txt", "Other\n\nThe chief said: no.");
    s.run(&["add", "a.txt", "b.txt"]).success();
    let words = 11;
    assert_eq!(s.list()[0]["words"], words);
    assert!(
        s.run(&["show", "a"])
            .stdout
            .contains(&format!("Words:    {words}\n"))
    );
    let list = s.run(&["list"]).stdout;
    assert!(
        list.contains(&format!("  {words:>5}  100%  a      Port chief")),
        "{list}"
    );
    let cmp = s.run(&["compare", "a", "b"]).stdout;
    assert!(cmp.contains(&format!("({words} words; id a)")), "{cmp}");
}

#[test]
fn an_unwritable_output_file_is_named_as_the_user_gave_it() {
    let s = Sandbox::new();
    s.write("a.txt", "The bridge opened on Monday after long delays.");
    let target = s.path("no/such/folder/out.txt");
    let run = s.run(&["compare", "a.txt", "a.txt", "-o", target.to_str().unwrap()]);
    run.failure();
    assert_eq!(
        run.stderr,
        format!(
            "juxta: cannot write {} (no such file or directory); check that its folder exists and is writable, or choose another file\n",
            target.display()
        )
    );
}

#[test]
fn an_empty_store_flag_is_an_argument_error_and_the_readme_gives_its_code() {
    let s = Sandbox::new();
    for args in [vec!["--store", "", "list"], vec!["list", "--store="]] {
        let run = s.run(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr
                .starts_with("error: --store was given an empty value; name a folder"),
            "{}",
            run.stderr
        );
    }
    // An empty JUXTA_STORE still means "not set".
    let run = s.run_cmd(s.command().env("JUXTA_STORE", "").arg("list"));
    run.success();
    // Argument errors exit 2, as clap prints them, and the README says so.
    let run = s.run(&["compare"]);
    assert_eq!(run.code, 2);
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        readme.contains(
            "mistake in the arguments (an unknown flag, a missing value) exits with code 2"
        ),
        "the README names exit code 2 for argument errors"
    );
}

#[test]
fn completions_and_the_manual_come_from_the_command_definitions() {
    let s = Sandbox::new();
    // Even with a config that cannot be read: installing completions needs none.
    s.write("bad.toml", "[compare\n");
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef juxta"),
        ("fish", "complete -c juxta"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let run = s.run(&["--config", "bad.toml", "completions", shell]);
        run.success();
        assert!(run.stdout.contains(marker), "{shell}: {}", run.stdout);
        for sub in ["add", "compare", "mentions", "completions"] {
            assert!(run.stdout.contains(sub), "{shell} completes {sub}");
        }
        assert!(run.stdout.contains("store"), "{shell} completes --store");
    }
    let man = s.run(&["--config", "bad.toml", "man"]);
    man.success();
    assert!(man.stdout.starts_with(".ie"), "{}", &man.stdout[..80]);
    assert!(man.stdout.contains(".TH juxta 1"));
    for sub in [
        "add", "list", "show", "rm", "compare", "actors", "events", "mentions",
    ] {
        assert!(
            man.stdout.contains(&format!(".SS \"juxta {sub}\"")),
            "the manual has a section for {sub}"
        );
    }
    assert!(
        man.stdout
            .contains("\\fB\\-\\-date\\fR <YYYY-MM-DD>\nPublication date")
    );
    let bad = s.run(&["completions", "tcsh"]);
    assert_eq!(bad.code, 2, "an unknown shell is an argument error");
    for args in [vec!["completions", "bash"], vec!["man"]] {
        let (code, stderr) = run_into_pipe_closed_before(&s, &args);
        assert_eq!((code, stderr.as_str()), (0, ""), "{args:?}");
    }
}
