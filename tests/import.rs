//! Import as a user sees it: `juxta add` on .txt, .md, .json files and folders, the metadata
//! each style carries, the sanitized text that ends up in the store, and one clear error per
//! bad file while the good files of the same command are still imported.

#[path = "data/harness.rs"]
mod harness;

use harness::Sandbox;

const ESC: u8 = 0x1b;

// ---------------------------------------------------------------------------------------------
// Plain text

#[test]
fn hard_wrapped_text_is_joined_into_paragraphs_under_its_headline() {
    let s = Sandbox::new();
    s.write(
        "wrapped.txt",
        "Harbour chief quits after quay collapse\n\
         \n\
         The head of the harbour authority resigned on Thursday, two weeks\n\
         after a section of quay wall gave way and killed two dock workers.\n\
         She said she would remain available to the inquiry.\n\
         \n\
         \"We did not act quickly enough,\" she said in a statement released\n\
         by her office.\n",
    );
    s.run(&["add", "wrapped.txt"]).success();
    let a = s.article("wrapped");
    assert_eq!(a["title"], "Harbour chief quits after quay collapse");
    assert_eq!(
        a["text"],
        "The head of the harbour authority resigned on Thursday, two weeks after a section of \
         quay wall gave way and killed two dock workers. She said she would remain available to \
         the inquiry.\n\n\"We did not act quickly enough,\" she said in a statement released by \
         her office."
    );
}

#[test]
fn one_paragraph_per_line_keeps_each_line_a_paragraph() {
    let s = Sandbox::new();
    let p1 = "United States officials announced on Wednesday a long and very fruitful \
              conversation between the two presidents, during which both agreed to begin talks.";
    let p2 = "Taking to his platform, the president said the two teams had been told to begin \
              discussions immediately and that visits to each other's capitals were planned.";
    let p3 = "Later in the day, officials in Kyiv confirmed a separate call.";
    s.write("lines.txt", format!("{p1}\n{p2}\n{p3}\n"));
    s.run(&["add", "lines.txt"]).success();
    assert_eq!(s.text("lines"), format!("{p1}\n\n{p2}\n\n{p3}"));
}

// ---------------------------------------------------------------------------------------------
// Markdown

#[test]
fn markdown_markup_is_stripped_and_the_heading_becomes_the_title() {
    let s = Sandbox::new();
    s.write(
        "story.md",
        "# Port *inquiry* opens\n\
         \n\
         The **harbour** chief _resigned_ after an [audit](https://example.org/audit) found\n\
         ignored warnings. ![a photo](quay.png)\n\
         \n\
         > \"We were not told,\" a docker said.\n\
         \n\
         ## What happens next\n\
         \n\
         - the inquiry sits on *Monday*\n\
         - the port stays open\n\
         \n\
         1. first\n\
         2. second\n",
    );
    s.run(&["add", "story.md"]).success();
    let a = s.article("story");
    assert_eq!(a["title"], "Port inquiry opens");
    assert_eq!(
        a["text"],
        "The harbour chief resigned after an audit found ignored warnings.\n\n\
         \"We were not told,\" a docker said.\n\n\
         What happens next\n\n\
         - the inquiry sits on Monday\n\
         - the port stays open\n\n\
         1. first\n\
         2. second"
    );
    assert_eq!(a["source"], "story.md");
}

#[test]
fn markdown_front_matter_gives_the_metadata() {
    let s = Sandbox::new();
    s.write(
        "courier.md",
        "---\n\
         title: \"Warnings went unheeded, inquiry hears\"\n\
         date: 2025-03-14\n\
         source: The Veyra Courier\n\
         url: https://example.org/courier/quay\n\
         author: ignored\n\
         ---\n\
         \n\
         # A different print headline\n\
         \n\
         The memo *nobody* acted on.\n",
    );
    s.run(&["add", "courier.md"]).success();
    let a = s.article("courier");
    assert_eq!(a["title"], "Warnings went unheeded, inquiry hears");
    assert_eq!(a["date"], "2025-03-14");
    assert_eq!(a["source"], "The Veyra Courier");
    assert_eq!(a["url"], "https://example.org/courier/quay");
    assert_eq!(a["text"], "The memo nobody acted on.");
}

// ---------------------------------------------------------------------------------------------
// JSON

#[test]
fn json_object_with_every_field() {
    let s = Sandbox::new();
    s.write(
        "wire.json",
        r#"{"title": "Quay inquiry opens", "date": "2025-03-14T08:00:00Z", "source": "Meridian Press",
            "url": "https://example.org/mp/1", "text": "The inquiry opened.\n\nIt sits again on Monday."}"#,
    );
    let run = s.run(&["add", "wire.json"]);
    run.success();
    assert_eq!(
        run.stdout,
        "added wire  “Quay inquiry opens”  (8 words, from wire.json)\n"
    );
    let a = s.article("wire");
    assert_eq!(a["title"], "Quay inquiry opens");
    assert_eq!(a["date"], "2025-03-14");
    assert_eq!(a["source"], "Meridian Press");
    assert_eq!(a["url"], "https://example.org/mp/1");
    assert_eq!(a["text"], "The inquiry opened.\n\nIt sits again on Monday.");
    assert_eq!(a["file_name"], "wire.json");
}

#[test]
fn json_array_gives_one_article_per_item_with_numbered_ids() {
    let s = Sandbox::new();
    s.write(
        "feed.json",
        r#"[{"text": "First story text."}, {"text": "Second story text.", "title": "Second", "source": "Gazette"}]"#,
    );
    s.run(&["add", "feed.json"]).success();
    assert_eq!(s.ids(), ["feed-1", "feed-2"]);
    let first = s.article("feed-1");
    assert_eq!(first["title"], "First story text.");
    assert_eq!(first["source"], "feed.json#1");
    assert_eq!(first["file_name"], "feed.json#1");
    let second = s.article("feed-2");
    assert_eq!(second["title"], "Second");
    assert_eq!(second["source"], "Gazette");
}

#[test]
fn json_shape_errors_name_the_file_and_what_is_wrong() {
    let s = Sandbox::new();
    let shape = "; a JSON article is an object with a \"text\" string (and optional title, date, \
                 source, url), or an array of them";
    let cases = [
        (
            "notext.json",
            r#"{"title": "x"}"#,
            "is an object that has no \"text\"",
        ),
        (
            "numtext.json",
            r#"{"text": 5}"#,
            "is an object that has a \"text\" that is not a string",
        ),
        (
            "numdate.json",
            r#"{"text": "a", "date": 20250314}"#,
            "is an object that has a \"date\" that is not a string",
        ),
        (
            "listtitle.json",
            r#"[{"text": "a"}, {"text": "b", "title": ["x"]}]"#,
            "has an item (number 2) that has a \"title\" that is not a string",
        ),
        ("emptyarray.json", "[]", "is an empty array"),
        (
            "string.json",
            r#""just text""#,
            "is neither an object nor an array",
        ),
        (
            "mixed.json",
            r#"[{"text": "ok"}, 3]"#,
            "has an item (number 2) that is not an object",
        ),
        (
            "blank.json",
            r#"{"text": "  \n "}"#,
            "is an object that has an empty \"text\"",
        ),
    ];
    for (name, body, what) in cases {
        s.write(name, body);
        let run = s.run(&["add", name]);
        run.failure();
        assert_eq!(
            run.stderr,
            format!("juxta: {name} {what}{shape}\n"),
            "{name}"
        );
    }
    assert!(s.ids().is_empty(), "a bad JSON file adds nothing");
}

#[test]
fn invalid_json_says_where() {
    let s = Sandbox::new();
    s.write("broken.json", "{\n  \"text\": \"a\",\n  \"title\": \n}\n");
    let run = s.run(&["add", "broken.json"]);
    run.failure();
    assert_eq!(
        run.stderr,
        "juxta: broken.json is not valid JSON (expected value at line 4, column 1); fix it, or \
         rename it to .txt to import it as text\n"
    );
}

// ---------------------------------------------------------------------------------------------
// Folders

#[test]
fn folders_are_read_recursively_in_sorted_order_skipping_hidden_and_other_files() {
    let s = Sandbox::new();
    s.write("news/b.txt", "Story b body text.");
    s.write("news/a.md", "Story a body text.");
    s.write("news/c/d.json", r#"{"text": "Story d body text."}"#);
    s.write("news/c/e.TXT", "Story e body text.");
    s.write("news/.hidden.txt", "Hidden story text.");
    s.write("news/.git/f.txt", "Inside a hidden folder.");
    s.write("news/photo.jpg", "not an article");
    s.write("news/notes.pdf", "%PDF-1.4 not an article");
    let run = s.run(&["add", "news"]);
    run.success();
    let added: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("added "))
        .map(|l| l.split("  ").next().unwrap())
        .collect();
    assert_eq!(added, ["a", "b", "d", "e"]);
    assert_eq!(
        run.stdout.lines().last(),
        Some("4 added, 0 already in the store, 0 failed")
    );
    assert!(
        run.stdout.contains(&format!(
            "from {}",
            std::path::Path::new("news/c/d.json").display()
        )),
        "{}",
        run.stdout
    );
}

#[test]
fn links_in_folders_are_followed() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        let s = Sandbox::new();
        s.write("elsewhere/story.txt", "A story kept elsewhere.");
        s.write("elsewhere/more/other.md", "Another story kept elsewhere.");
        s.write("news/own.txt", "The folder's own story.");
        symlink(s.path("elsewhere/story.txt"), s.path("news/linked.txt")).unwrap();
        symlink(s.path("elsewhere/more"), s.path("news/linked-folder")).unwrap();
        symlink(s.path("news"), s.path("news/loop")).unwrap();
        symlink(s.path("gone.jpg"), s.path("news/dangling.jpg")).unwrap();
        symlink(s.path("gone.txt"), s.path("news/dangling.txt")).unwrap();
        let run = s.run(&["add", "news"]);
        run.failure();
        let news = |rel: &str| std::path::Path::new("news").join(rel).display().to_string();
        assert_eq!(
            run.stderr_lines(),
            [
                format!(
                    "juxta: {} is a link to a file that does not exist; fix or remove the link",
                    news("dangling.txt")
                ),
                format!(
                    "juxta: {} links back to a folder that contains it, so it was skipped; import the folder it points to instead",
                    news("loop")
                ),
            ]
        );
        // In name order: "linked-folder" sorts before "linked.txt".
        assert_eq!(s.ids(), ["other", "linked", "own"]);
        // Named on the command line, a dangling link is reported the same way.
        let run = s.run(&["add", "news/dangling.txt"]);
        run.failure();
        assert_eq!(
            run.stderr,
            format!(
                "juxta: {} is a link to a file that does not exist; fix or remove the link\n",
                news("dangling.txt")
            )
        );
    }
}

#[test]
fn a_folder_without_article_files_is_an_error() {
    let s = Sandbox::new();
    s.write("pics/x.jpg", "x");
    s.write("good.txt", "A good article.");
    let run = s.run(&["add", "pics", "good.txt"]);
    run.failure();
    assert_eq!(
        run.stderr,
        "juxta: pics holds no articles juxta reads (.txt, .md, .json, .jsonl, .csv, .html, .rss, .atom); nothing to import from it\n"
    );
    assert_eq!(s.ids(), ["good"]);
}

// ---------------------------------------------------------------------------------------------
// Metadata and its precedence: flags > front matter > date token

#[test]
fn inline_date_token_gives_the_date_and_the_text_starts_after_it() {
    let s = Sandbox::new();
    s.write(
        "talks.txt",
        " date 2025-02-12 Russian President Anton Sorel said on Tuesday that talks would \
         start soon. More text follows.\n",
    );
    s.run(&["add", "talks.txt"]).success();
    let a = s.article("talks");
    assert_eq!(a["date"], "2025-02-12");
    assert_eq!(
        a["text"],
        "Russian President Anton Sorel said on Tuesday that talks would start soon. More \
         text follows."
    );
}

#[test]
fn date_token_on_its_own_line_before_a_headline() {
    let s = Sandbox::new();
    s.write(
        "summary.txt",
        "date 2025-03-15\nPort chief quits over quay collapse\n\n- two workers died\n- an inquiry opens\n",
    );
    s.run(&["add", "summary.txt"]).success();
    let a = s.article("summary");
    assert_eq!(a["date"], "2025-03-15");
    assert_eq!(a["title"], "Port chief quits over quay collapse");
    assert_eq!(a["text"], "- two workers died\n- an inquiry opens");
}

#[test]
fn date_token_variants_and_words_that_only_look_like_one() {
    let s = Sandbox::new();
    s.write("colon.txt", "Date: 2025-01-31\nThe minister spoke.");
    s.write(
        "dated.txt",
        "Dated 2025-01-31 letters were found in the archive.",
    );
    s.run(&["add", "colon.txt", "dated.txt"]).success();
    assert_eq!(s.article("colon")["date"], "2025-01-31");
    let dated = s.article("dated");
    assert_eq!(dated.get("date"), None);
    assert_eq!(
        dated["text"],
        "Dated 2025-01-31 letters were found in the archive."
    );
}

#[test]
fn front_matter_is_found_after_a_bom_and_with_windows_line_ends() {
    let s = Sandbox::new();
    s.write(
        "win.txt",
        "\u{feff}---\r\ntitle: 'Quoted title'\r\ndate: 2025-03-15T09:30:00Z\r\nlink: https://example.org/w\r\n---\r\n\r\nBody line.\r\n",
    );
    s.run(&["add", "win.txt"]).success();
    let a = s.article("win");
    assert_eq!(a["title"], "Quoted title");
    assert_eq!(a["date"], "2025-03-15");
    assert_eq!(a["url"], "https://example.org/w");
    assert_eq!(a["text"], "Body line.");
}

#[test]
fn front_matter_wins_over_the_date_token() {
    let s = Sandbox::new();
    s.write(
        "both.txt",
        "---\ntitle: Front title\ndate: 2025-03-01\nsource: The Courier\n---\ndate 2025-02-12\nThe body text.\n",
    );
    s.run(&["add", "both.txt"]).success();
    let a = s.article("both");
    assert_eq!(a["title"], "Front title");
    assert_eq!(a["date"], "2025-03-01");
    assert_eq!(a["source"], "The Courier");
    assert_eq!(a["text"], "The body text.");
}

#[test]
fn command_line_flags_win_over_front_matter_and_json_fields() {
    let s = Sandbox::new();
    s.write(
        "front.txt",
        "---\ntitle: Front title\ndate: 2025-03-01\nsource: The Courier\n---\ndate 2025-02-12\nThe body text.\n",
    );
    s.write(
        "item.json",
        r#"{"title": "T", "date": "2020-01-01", "source": "S", "text": "Another body."}"#,
    );
    s.run(&[
        "add",
        "--title",
        "Flag title",
        "--date",
        "2024-12-24",
        "--source",
        "Flag Source",
        "front.txt",
        "item.json",
    ])
    .success();
    for id in ["front", "item"] {
        let a = s.article(id);
        assert_eq!(a["title"], "Flag title", "{id}");
        assert_eq!(a["date"], "2024-12-24", "{id}");
        assert_eq!(a["source"], "Flag Source", "{id}");
    }
    // A flag given alone leaves the other fields to the file.
    s.write("partial.txt", "---\ntitle: Own title\n---\nPartial body.\n");
    s.run(&["add", "--source", "Only Source", "partial.txt"])
        .success();
    let a = s.article("partial");
    assert_eq!(a["title"], "Own title");
    assert_eq!(a["source"], "Only Source");
}

#[test]
fn title_falls_back_to_a_headline_line_or_the_first_sentence() {
    let s = Sandbox::new();
    s.write(
        "headline.txt",
        "Dockers threaten new stoppage\n\nUnions said on Friday that work would stop again.\n",
    );
    s.write(
        "short.txt",
        "The port reopened on Monday. Ships queued overnight.\n",
    );
    s.write(
        "long.txt",
        "The harbour commissioner resigned on Friday after an audit found that the port \
         authority had ignored at least three written warnings about the quay. Ships queued.\n",
    );
    s.run(&["add", "headline.txt", "short.txt", "long.txt"])
        .success();
    assert_eq!(
        s.article("headline")["title"],
        "Dockers threaten new stoppage"
    );
    assert_eq!(
        s.text("headline"),
        "Unions said on Friday that work would stop again."
    );
    assert_eq!(s.article("short")["title"], "The port reopened on Monday.");
    let long = s.article("long")["title"].as_str().unwrap().to_string();
    assert_eq!(
        long,
        "The harbour commissioner resigned on Friday after an audit found that the port…"
    );
}

#[test]
fn source_falls_back_to_the_file_name() {
    let s = Sandbox::new();
    s.write("in/Le Monde 2025.txt", "Un article sans métadonnées.");
    s.run(&["add", "in/Le Monde 2025.txt"]).success();
    let a = s.article("le-monde-2025");
    assert_eq!(a["source"], "Le Monde 2025.txt");
    assert_eq!(a["file_name"], "Le Monde 2025.txt");
}

// ---------------------------------------------------------------------------------------------
// Sanitizing

#[test]
fn text_is_sanitized() {
    let s = Sandbox::new();
    let raw = "\u{FEFF}Sanitized story\r\n\r\nLine one\r\nstill one.\r\n\r\n\
               col\tumn and \x1b[1;31mred\x1b[0m words \x1b]0;pwned\x07here \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\.\r\n\r\n\
               bell\x07 back\x08space \u{202E}reversed\u{202C} and Ine\u{0302}s\u{9b}2J.\n";
    s.write("dirty.txt", raw);
    s.run(&["add", "dirty.txt"]).success();
    assert_eq!(s.article("dirty")["title"], "Sanitized story");
    assert_eq!(
        s.text("dirty"),
        "Line one still one.\n\ncol umn and red words here link.\n\nbell backspace reversed and Inês."
    );
    let stored = s.text("dirty");
    assert!(stored.contains("Inês"), "NFC: composed ê");
    assert!(!stored.contains("e\u{0302}"));
}

#[test]
fn tabs_expand_to_the_configured_width() {
    let s = Sandbox::new();
    s.write("tabs.txt", "Tabbed\n\na\tb\tc end.\n");
    s.write("wide.toml", "[import]\ntab_width = 8\n");
    s.run(&["add", "tabs.txt"]).success();
    assert_eq!(s.text("tabs"), "a   b   c end.");
    s.run(&["rm", "tabs"]).success();
    s.run(&["--config", "wide.toml", "add", "tabs.txt"])
        .success();
    assert_eq!(s.text("tabs"), "a       b       c end.");
}

#[test]
fn escape_sequences_never_reach_the_terminal_through_show_or_list() {
    let s = Sandbox::new();
    s.write(
        "esc.txt",
        "---\ntitle: \x1b[31mRed\x1b[0m title\nsource: Evil\x1b]0;owned\x07 Outlet\n---\n\
         Text with \x1b[2J\x1b[H clear-screen, \x1b]52;c;aGVsbG8=\x07 clipboard and \u{9b}31m C1.\n",
    );
    s.write("plain.txt", "Second article text.");
    s.run(&[
        "add",
        "esc.txt",
        "--title",
        "flag \x1b[5mblink",
        "plain.txt",
    ])
    .success();
    s.run(&["add", "esc.txt"]).success();
    for args in [
        vec!["list"],
        vec!["list", "--json"],
        vec!["show", "esc"],
        vec!["show", "esc", "--json"],
        vec!["show", "plain"],
    ] {
        let run = s.run(&args);
        run.success();
        assert!(
            !run.raw_stdout.contains(&ESC),
            "ESC in the output of {args:?}: {:?}",
            run.stdout
        );
        assert!(!run.stdout.contains("[31m") && !run.stdout.contains("]0;"));
        assert!(!run.stdout.contains('\u{9b}'));
    }
    let a = s.article("esc");
    assert_eq!(a["title"], "flag blink");
    assert_eq!(a["source"], "Evil Outlet");
    // The sequences go whole; the spaces around them stay.
    assert_eq!(a["text"], "Text with  clear-screen,  clipboard and  C1.");
}

// ---------------------------------------------------------------------------------------------
// Bad input: one sentence naming the file, exit code 1, the good files still imported

#[test]
fn every_bad_file_is_reported_and_the_good_ones_are_imported() {
    let s = Sandbox::new();
    s.write("good-1.txt", "The first good article.");
    s.write("latin1.txt", b"Caf\xe9 society\n\nThe caf\xe9 opened.\n");
    s.write("binary.txt", b"PK\x03\x04\x00\x00\x00\x08binary");
    s.write("utf16.txt", b"\xff\xfeH\x00i\x00\n\x00");
    s.write("empty.txt", "");
    s.write(
        "metaonly.txt",
        "---\ntitle: Only metadata\ndate: 2025-01-01\n---\n\n",
    );
    s.write("dateonly.txt", "date 2025-01-01\n");
    s.write("baddate.txt", "---\ndate: March 3\n---\nBody.\n");
    s.write("good-2.md", "# Second good article\n\nWith a body.");
    let run = s.run(&[
        "add",
        "good-1.txt",
        "latin1.txt",
        "binary.txt",
        "utf16.txt",
        "empty.txt",
        "metaonly.txt",
        "dateonly.txt",
        "baddate.txt",
        "missing.txt",
        "good-2.md",
    ]);
    run.failure();
    assert_eq!(
        run.stderr_lines(),
        [
            "juxta: latin1.txt is not valid UTF-8 (byte 0xE9 at offset 3); convert it to UTF-8 (for example iconv -f WINDOWS-1252 -t UTF-8) and import it again",
            "juxta: binary.txt is a binary file, not text; juxta imports UTF-8 .txt, .md and .json files",
            "juxta: utf16.txt is UTF-16 text; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8) and import it again",
            "juxta: empty.txt is empty; there is no article to import",
            "juxta: metaonly.txt has metadata but no article text; put the text after the metadata",
            "juxta: dateonly.txt has metadata but no article text; put the text after the metadata",
            "juxta: baddate.txt gives the date \"March 3\", which is not a valid date in the form YYYY-MM-DD; fix it in the file or pass --date",
            "juxta: missing.txt does not exist; check the path",
        ]
    );
    assert_eq!(
        run.stdout.lines().last(),
        Some("2 added, 0 already in the store, 8 failed")
    );
    assert_eq!(s.ids(), ["good-1", "good-2"]);
}

#[test]
fn invalid_utf8_reports_the_byte_offset() {
    let s = Sandbox::new();
    let mut bytes = "A long enough prefix in plain ASCII, "
        .repeat(3)
        .into_bytes();
    let offset = bytes.len();
    bytes.extend_from_slice(b"\xc3\x28 and more");
    s.write("bad.txt", &bytes);
    let run = s.run(&["add", "bad.txt"]);
    run.failure();
    assert!(
        run.stderr.starts_with(&format!(
            "juxta: bad.txt is not valid UTF-8 (byte 0xC3 at offset {offset}); "
        )),
        "{}",
        run.stderr
    );
    // A truncated sequence at the very end is reported too.
    s.write("cut.txt", b"Ends in the middle \xe2\x80");
    let run = s.run(&["add", "cut.txt"]);
    run.failure();
    assert!(
        run.stderr
            .starts_with("juxta: cut.txt is not valid UTF-8 (byte 0xE2 at offset 19); "),
        "{}",
        run.stderr
    );
}

#[test]
fn a_file_with_no_visible_text_is_reported_as_such() {
    let s = Sandbox::new();
    s.write("spaces.txt", "  \n\t\n\r\n");
    s.write("bom.txt", b"\xef\xbb\xbf");
    s.write("escapes.txt", "\x1b[31m\x1b[0m\n\x07\n");
    s.write("nbsp.txt", "\u{a0}\n\u{2003}\n");
    let run = s.run(&["add", "spaces.txt", "bom.txt", "escapes.txt", "nbsp.txt"]);
    run.failure();
    let tail = "has no visible text (only white space or control characters); there is no article to import";
    assert_eq!(
        run.stderr_lines(),
        [
            format!("juxta: spaces.txt {tail}"),
            format!("juxta: bom.txt {tail}"),
            format!("juxta: escapes.txt {tail}"),
            format!("juxta: nbsp.txt {tail}"),
        ]
    );
}

#[test]
fn utf16_without_a_byte_order_mark_is_recognised() {
    let s = Sandbox::new();
    let le: Vec<u8> = "Port news\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let be: Vec<u8> = "Port news\n"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    s.write("le.txt", le);
    s.write("be.txt", be);
    let run = s.run(&["add", "le.txt", "be.txt"]);
    run.failure();
    let tail = "is UTF-16 text; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8) and import it again";
    assert_eq!(
        run.stderr_lines(),
        [
            format!("juxta: le.txt {tail}"),
            format!("juxta: be.txt {tail}")
        ]
    );
}

#[test]
fn bad_dates_in_the_file_are_errors() {
    let s = Sandbox::new();
    s.write("token.txt", "date 2025-02-30 Something happened.");
    s.write("json.json", r#"{"text": "x", "date": "12/03/2025"}"#);
    s.write(
        "array.json",
        r#"[{"text": "a", "date": "2025-03-01"}, {"text": "b", "date": "Monday"}]"#,
    );
    let run = s.run(&["add", "token.txt", "json.json", "array.json"]);
    run.failure();
    assert_eq!(
        run.stderr_lines(),
        [
            "juxta: token.txt gives the date \"2025-02-30\", which is not a valid date in the form YYYY-MM-DD; fix it in the file or pass --date",
            "juxta: json.json gives the date \"12/03/2025\", which is not a valid date in the form YYYY-MM-DD; fix it in the file or pass --date",
            "juxta: array.json gives its article number 2 the date \"Monday\", which is not a valid date in the form YYYY-MM-DD; fix it in the file or pass --date",
        ]
    );
}

#[test]
fn a_bad_front_matter_date_is_not_overridden_silently_but_the_flag_fixes_it() {
    let s = Sandbox::new();
    s.write(
        "fm.txt",
        "---\ndate: yesterday\nsource: Kept\n---\nBody text.\n",
    );
    s.write("token.txt", "date 2025-02-30 Token body text.\n");
    s.write(
        "item.json",
        r#"{"text": "Item body text.", "date": "soon", "title": "Kept"}"#,
    );
    let files = ["fm.txt", "token.txt", "item.json"];
    let mut args = vec!["add"];
    args.extend(files);
    let run = s.run(&args);
    run.failure();
    assert_eq!(run.stderr_lines().len(), 3);
    // The message says to pass --date; doing so imports the files, and the rest of their
    // metadata is still read.
    let mut args = vec!["add", "--date", "2025-03-03"];
    args.extend(files);
    s.run(&args).success();
    for id in ["fm", "token", "item"] {
        assert_eq!(s.article(id)["date"], "2025-03-03", "{id}");
    }
    assert_eq!(s.article("fm")["source"], "Kept");
    assert_eq!(s.text("token"), "Token body text.");
    assert_eq!(s.article("item")["title"], "Kept");
}

#[test]
fn a_bad_date_flag_is_refused_before_anything_is_imported() {
    let s = Sandbox::new();
    s.write("a.txt", "An article.");
    for bad in ["2025-13-01", "14 March", "2025-02-30"] {
        let run = s.run(&["add", "--date", bad, "a.txt"]);
        run.failure();
        assert_eq!(
            run.stderr,
            format!(
                "juxta: --date \"{bad}\" is not a valid date in the form YYYY-MM-DD (for example 2025-03-14); nothing was imported\n"
            )
        );
        assert_eq!(run.stdout, "");
    }
    assert!(s.ids().is_empty());
}

#[test]
fn files_over_the_size_limit_are_refused() {
    let s = Sandbox::new();
    s.write("small-limit.toml", "[import]\nmax_file_size_mb = 1\n");
    let big = "A sentence that repeats to make a big file. ".repeat(36_000); // ~1.5 MB
    s.write("big.txt", &big);
    s.write("ok.txt", "A small article.");
    let run = s.run(&["--config", "small-limit.toml", "add", "big.txt", "ok.txt"]);
    run.failure();
    assert_eq!(
        run.stderr,
        "juxta: big.txt is 1.5 MB, over the import limit of 1 MB; split it, or raise \
         import.max_file_size_mb in the config\n"
    );
    assert_eq!(s.ids(), ["ok"]);
    // With the default limit (20 MB) the same file is fine.
    s.run(&["add", "big.txt"]).success();
}

#[test]
fn a_path_that_is_not_a_file_or_folder_is_refused() {
    #[cfg(unix)]
    {
        let s = Sandbox::new();
        let run = s.run(&["add", "/dev/null"]);
        run.failure();
        assert_eq!(
            run.stderr,
            "juxta: /dev/null is not a regular file or folder; juxta imports text files and folders of them\n"
        );
    }
}

#[test]
fn unreadable_files_are_reported() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let s = Sandbox::new();
        if !harness::permissions_are_enforced(&s) {
            eprintln!("skipped: running as a user who can read any file (root)");
            return;
        }
        let locked = s.write("locked.txt", "Secret article.");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        s.write("open.txt", "Open article.");
        let run = s.run(&["add", "locked.txt", "open.txt"]);
        run.failure();
        assert_eq!(
            run.stderr,
            "juxta: cannot read locked.txt (permission denied); check that it exists and that you may read it\n"
        );
        assert_eq!(s.ids(), ["open"]);
    }
}

#[test]
fn file_names_with_control_characters_are_shown_safely() {
    #[cfg(unix)]
    {
        let s = Sandbox::new();
        s.write("red\x1b[31mname.txt", "An article with an odd file name.");
        let run = s.run(&["add", "red\x1b[31mname.txt"]);
        run.success();
        assert!(!run.raw_stdout.contains(&ESC), "{:?}", run.stdout);
        let id = s.ids().remove(0);
        assert_eq!(id, "redname");
        for args in [vec!["list"], vec!["show", &id]] {
            let run = s.run(&args);
            assert!(!run.raw_stdout.contains(&ESC), "{args:?}: {:?}", run.stdout);
        }
        assert_eq!(s.article(&id)["source"], "redname.txt");
        // Errors about such a file do not pass the escape sequence on either.
        s.write("bad\x1b]0;x\x07.txt", "");
        let run = s.run(&["add", "bad\x1b]0;x\x07.txt"]);
        run.failure();
        assert!(!run.stderr.contains('\x1b'), "{:?}", run.stderr);
        assert!(
            run.stderr.contains("bad\\u{1b}]0;x\\u{7}.txt is empty"),
            "{}",
            run.stderr
        );
    }
}
