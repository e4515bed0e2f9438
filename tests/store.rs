//! The document store as a user meets it: ids, re-importing the same text, removing, the
//! on-disk format and its version, where the store lives, and that killed or concurrent
//! writers never leave it damaged.

#[path = "data/harness.rs"]
mod harness;

use harness::Sandbox;
use juxta::import::ImportOptions;
use std::collections::HashSet;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

/// Every article of a store's database as (id, hash, text), after checking that the database
/// and its full-text index are intact: the store must never hold half an article.
fn stored_rows(store: &Path) -> Vec<(String, String, String)> {
    let report = juxta::store::Store::open(store)
        .unwrap()
        .check(&[])
        .unwrap();
    assert!(report.is_clean(), "{report:?}");
    let db = rusqlite::Connection::open(store.join("juxta.db")).expect("a database");
    let mut stmt = db
        .prepare(
            "SELECT a.id, a.hash, t.text FROM article a JOIN article_text t ON t.article = a.key ORDER BY a.key",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

// ---------------------------------------------------------------------------------------------
// Ids

#[test]
fn ids_come_from_file_names_with_diacritics_folded() {
    let s = Sandbox::new();
    s.write("Inês Café — Relatório.txt", "Primeiro artigo.");
    s.write("01 Wire STORY.TXT", "Second article.");
    s.write("¿¡!.md", "Third article.");
    s.write(
        "a very long file name that keeps going and going forever and ever.txt",
        "Fourth article.",
    );
    s.run(&[
        "add",
        "Inês Café — Relatório.txt",
        "01 Wire STORY.TXT",
        "¿¡!.md",
        "a very long file name that keeps going and going forever and ever.txt",
    ])
    .success();
    let ids: HashSet<String> = s.ids().into_iter().collect();
    let expected: HashSet<String> = [
        "ines-cafe-relatorio",
        "01-wire-story",
        "article",
        "a-very-long-file-name-that-keeps-going",
    ]
    .map(String::from)
    .into();
    assert_eq!(ids, expected);
}

#[test]
fn the_same_file_name_gets_numbered_ids() {
    let s = Sandbox::new();
    s.write("a/report.txt", "Report from outlet A.");
    s.write("b/report.txt", "Report from outlet B.");
    s.write("c/Report.md", "Report from outlet C.");
    let run = s.run(&["add", "a", "b", "c"]);
    run.success();
    assert_eq!(s.ids(), ["report", "report-2", "report-3"]);
    assert_eq!(s.text("report-2"), "Report from outlet B.");
    // Later imports continue the numbering.
    s.write("d/report.txt", "Report from outlet D.");
    s.run(&["add", "d/report.txt"]).success();
    assert_eq!(s.text("report-4"), "Report from outlet D.");
}

#[test]
fn json_arrays_give_stem_1_stem_2_and_stay_unique_across_imports() {
    let s = Sandbox::new();
    s.write("feed.json", r#"[{"text": "One."}, {"text": "Two."}]"#);
    s.write("again/feed.json", r#"[{"text": "Three."}]"#);
    s.run(&["add", "feed.json"]).success();
    s.run(&["add", "again/feed.json"]).success();
    assert_eq!(s.ids(), ["feed-1", "feed-2", "feed-1-2"]);
    assert_eq!(s.text("feed-1-2"), "Three.");
}

#[test]
fn listing_keeps_the_import_order_within_one_command() {
    let s = Sandbox::new();
    let items: Vec<String> = (1..=11)
        .map(|i| format!(r#"{{"text": "Item number {i}."}}"#))
        .collect();
    s.write("many.json", format!("[{}]", items.join(",")));
    s.write("zulu.txt", "Zulu article.");
    s.write("alpha.txt", "Alpha article.");
    s.run(&["add", "many.json", "zulu.txt", "alpha.txt"])
        .success();
    let mut expected: Vec<String> = (1..=11).map(|i| format!("many-{i}")).collect();
    expected.push("zulu".into());
    expected.push("alpha".into());
    assert_eq!(s.ids(), expected);
}

// ---------------------------------------------------------------------------------------------
// Re-importing

#[test]
fn reimporting_the_same_text_adds_nothing_and_names_the_existing_id() {
    let s = Sandbox::new();
    s.write("story.txt", "The same story text.");
    s.run(&["add", "story.txt"]).success();
    let first = s.article("story");
    let run = s.run(&["add", "story.txt"]);
    run.success();
    assert_eq!(
        run.stdout,
        "skipped story.txt: its text is already in the store as story\n"
    );
    assert_eq!(run.stderr, "");
    // Under another name, with other line ends and a BOM: the sanitized text is the same.
    s.write("copy/renamed.txt", "\u{feff}The same story text.\r\n");
    let run = s.run(&["add", "copy/renamed.txt", "story.txt"]);
    run.success();
    let renamed = Path::new("copy/renamed.txt").display().to_string();
    assert_eq!(
        run.stdout,
        format!(
            "skipped {renamed}: its text is already in the store as story\n\
             skipped story.txt: its text is already in the store as story\n\
             0 added, 2 already in the store, 0 failed\n"
        )
    );
    assert_eq!(s.ids(), ["story"]);
    assert_eq!(s.article("story"), first, "the stored article is untouched");
}

#[test]
fn the_same_text_twice_in_one_command_is_stored_once() {
    let s = Sandbox::new();
    s.write("one.txt", "Wire copy that two outlets ran unchanged.");
    s.write("two.txt", "Wire copy that two outlets ran unchanged.");
    s.write(
        "feed.json",
        r#"[{"text": "Wire copy that two outlets ran unchanged."}]"#,
    );
    let run = s.run(&["add", "one.txt", "two.txt", "feed.json"]);
    run.success();
    assert_eq!(
        run.stdout,
        "added one  “Wire copy that two outlets ran unchanged.”  (7 words, from one.txt)\n\
         skipped two.txt: its text is already in the store as one\n\
         skipped feed.json#1: its text is already in the store as one\n\
         1 added, 2 already in the store, 0 failed\n"
    );
    assert_eq!(s.ids(), ["one"]);
}

// ---------------------------------------------------------------------------------------------
// rm and show

#[test]
fn rm_removes_and_reports_unknown_ids_while_removing_the_known_ones() {
    let s = Sandbox::new();
    s.write("a.txt", "Article A.");
    s.write("b.txt", "Article B.");
    s.write("c.txt", "Article C.");
    s.run(&["add", "a.txt", "b.txt", "c.txt"]).success();
    let run = s.run(&["rm", "a", "nope", "c"]);
    run.failure();
    assert_eq!(
        run.stdout,
        "removed a  “Article A.”\nremoved c  “Article C.”\n"
    );
    assert_eq!(
        run.stderr,
        format!(
            "juxta: no article with id \"nope\" in the store at {}; `juxta list` shows the ids\n",
            s.store().display()
        )
    );
    assert_eq!(s.ids(), ["b"]);
    // Removed text can be imported again, under its old id.
    s.run(&["add", "a.txt"]).success();
    assert_eq!(s.ids(), ["b", "a"]);
    // `remove` is an alias.
    s.run(&["remove", "a"]).success();
    assert_eq!(s.ids(), ["b"]);
}

#[test]
fn rm_on_a_store_that_does_not_exist_yet_creates_nothing() {
    let s = Sandbox::new();
    let run = s.run(&["rm", "nope"]);
    run.failure();
    assert_eq!(
        run.stderr,
        format!(
            "juxta: no article with id \"nope\" in the store at {}; `juxta list` shows the ids\n",
            s.store().display()
        )
    );
    assert!(!s.store().exists());
}

#[test]
fn show_of_an_unknown_id_is_an_error() {
    let s = Sandbox::new();
    s.write("a.txt", "Article A.");
    s.run(&["add", "a.txt"]).success();
    for id in ["nope", "../store", "A", ""] {
        let run = s.run(&["show", id]);
        run.failure();
        assert_eq!(
            run.stderr,
            format!(
                "juxta: no article with id \"{id}\" in the store at {}; `juxta list` shows the ids\n",
                s.store().display()
            )
        );
        assert_eq!(run.stdout, "");
    }
}

// ---------------------------------------------------------------------------------------------
// list

#[test]
fn list_json_has_the_documented_keys() {
    let s = Sandbox::new();
    s.write(
        "a.txt",
        "---\ntitle: A title\ndate: 2025-03-14\nsource: The Courier\nurl: https://example.org/a\n---\nFour words of text.",
    );
    s.write("b.txt", "No metadata here.");
    s.run(&["add", "a.txt", "b.txt"]).success();
    let rows = s.list();
    assert_eq!(rows.len(), 2);
    let keys: Vec<&str> = rows[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = vec![
        "id",
        "title",
        "source",
        "authors",
        "date",
        "url",
        "words",
        "hash",
        "imported_at",
        "file_name",
        "story",
        "originality",
    ];
    expected.sort();
    let mut keys = keys;
    keys.sort();
    assert_eq!(keys, expected);
    let a = &rows[0];
    assert_eq!(a["id"], "a");
    assert_eq!(a["title"], "A title");
    assert_eq!(a["source"], "The Courier");
    assert_eq!(a["date"], "2025-03-14");
    assert_eq!(a["url"], "https://example.org/a");
    assert_eq!(a["words"], 4);
    assert_eq!(a["file_name"], "a.txt");
    assert_eq!(a["hash"].as_str().unwrap().len(), 64);
    assert!(a.get("text").is_none(), "list does not carry the texts");
    let b = &rows[1];
    assert_eq!(b["date"], serde_json::Value::Null);
    assert_eq!(b["url"], serde_json::Value::Null);
    assert_eq!(b["authors"], serde_json::json!([]));
}

#[test]
fn listing_an_empty_or_missing_store_creates_nothing() {
    let s = Sandbox::new();
    let run = s.run(&["list"]);
    run.success();
    assert_eq!(
        run.stdout,
        format!(
            "The store at {} is empty; add articles with `juxta add PATH...`.\n",
            s.store().display()
        )
    );
    assert_eq!(s.run(&["list", "--json"]).stdout, "[]\n");
    assert!(!s.store().exists(), "reading never creates the store");
}

// ---------------------------------------------------------------------------------------------
// Format and location

#[test]
fn a_store_with_a_newer_format_is_refused() {
    let s = Sandbox::new();
    s.write("store/store.json", r#"{"format": 99}"#);
    s.write("a.txt", "Article.");
    for args in [vec!["list"], vec!["add", "a.txt"], vec!["show", "a"]] {
        let run = s.run(&args);
        run.failure();
        assert_eq!(
            run.stderr,
            format!(
                "juxta: the store at {} has format 99, newer than this juxta understands (1); upgrade juxta\n",
                s.store().display()
            )
        );
    }
    assert!(!s.store().join("articles").exists());
}

#[test]
fn a_folder_that_is_not_a_store_is_refused() {
    let s = Sandbox::new();
    s.write("store/holiday.jpg", "not a store");
    s.write("a.txt", "Article.");
    let run = s.run(&["add", "a.txt"]);
    run.failure();
    assert_eq!(
        run.stderr,
        format!(
            "juxta: {} is not a juxta store (it holds other files and no juxta.db); choose an empty or new folder with --store\n",
            s.store().display()
        )
    );
    assert!(!s.store().join("articles").exists());
    // An empty folder is fine and becomes a store.
    std::fs::create_dir(s.path("empty")).unwrap();
    s.run(&["--store", "empty", "add", "a.txt"]).success();
    assert!(s.path("empty/juxta.db").is_file());
}

#[test]
fn a_damaged_manifest_is_reported() {
    let s = Sandbox::new();
    s.write("store/store.json", "{not json");
    let run = s.run(&["list"]);
    run.failure();
    let manifest = s.store().join("store.json");
    assert!(
        run.stderr.starts_with(&format!(
            "juxta: {} is damaged (key must be a string at line 1 column 2); restore it from a backup, or replace its contents with {{\"format\": 1}}",
            manifest.display()
        )),
        "{}",
        run.stderr
    );
    // The advice works: the folder is a store again.
    s.write("store/store.json", "{\"format\": 1}");
    s.run(&["list"]).success();
}

#[test]
fn a_store_interrupted_before_its_manifest_was_written_still_opens() {
    // A writer killed after taking the lock but before renaming store.json into place leaves
    // the lock file and a temporary file behind, and nothing else.
    let s = Sandbox::new();
    s.write("store/lock", "");
    s.write("store/.tmp-Ab12Cd", "{\"for");
    s.run(&["list"]).success();
    s.write("a.txt", "Article.");
    s.run(&["add", "a.txt"]).success();
    assert_eq!(s.ids(), ["a"]);
}

#[test]
fn a_store_path_that_is_a_file_is_refused() {
    let s = Sandbox::new();
    s.write("notes.txt", "Not a folder.");
    s.write("a.txt", "Article.");
    for args in [
        vec!["--store", "notes.txt", "list"],
        vec!["--store", "notes.txt", "add", "a.txt"],
    ] {
        let run = s.run(&args);
        run.failure();
        assert_eq!(
            run.stderr,
            "juxta: notes.txt is a file, not a store folder; choose a folder with --store or JUXTA_STORE\n"
        );
    }
}

#[test]
fn a_store_that_cannot_be_written_says_so_once() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let s = Sandbox::new();
        if !harness::permissions_are_enforced(&s) {
            eprintln!("skipped: running as a user who can write anywhere (root)");
            return;
        }
        s.write("a.txt", "Article.");
        std::fs::create_dir(s.store()).unwrap();
        std::fs::set_permissions(s.store(), std::fs::Permissions::from_mode(0o555)).unwrap();
        let run = s.run(&["add", "a.txt"]);
        std::fs::set_permissions(s.store(), std::fs::Permissions::from_mode(0o755)).unwrap();
        run.failure();
        assert_eq!(
            run.stderr,
            format!(
                "juxta: cannot lock {} (permission denied); check the permissions and the free space\n",
                s.store().join("lock").display()
            )
        );
    }
}

#[test]
fn store_files_get_the_usual_permissions() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let s = Sandbox::new();
        let article = s.write("a.txt", "Article.");
        s.run(&["add", "a.txt"]).success();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        // Both are subject to the same umask; tempfile's default would be 0600.
        let usual = mode(&article);
        assert_eq!(mode(&s.store().join("juxta.db")), usual);
    }
}

#[test]
fn store_location_from_flag_or_environment() {
    let s = Sandbox::new();
    s.write("a.txt", "Article A.");
    s.write("b.txt", "Article B.");
    // JUXTA_STORE (set by the sandbox) is the default store.
    s.run(&["add", "a.txt"]).success();
    assert!(s.store().join("juxta.db").is_file());
    // --store wins over JUXTA_STORE, before or after the subcommand.
    s.run(&["--store", "other", "add", "b.txt"]).success();
    assert!(s.path("other/juxta.db").is_file());
    assert_eq!(s.ids(), ["a"]);
    let run = s.run(&["list", "--json", "--store", "other"]);
    run.success();
    assert!(run.stdout.contains("\"id\": \"b\""), "{}", run.stdout);
    let run = s.run(&["--store=other", "show", "b"]);
    run.success();
    // Without either, the platform data folder is used: on Linux under XDG_DATA_HOME, which
    // the sandbox points into itself (elsewhere the test would touch the real data folder).
    if cfg!(target_os = "linux") {
        let mut cmd = s.command();
        cmd.env_remove("JUXTA_STORE").args(["add", "a.txt"]);
        s.run_cmd(&mut cmd).success();
        assert!(
            s.path("home/.local/share/juxta/juxta.db").is_file(),
            "the XDG data folder holds the default store"
        );
        // An empty JUXTA_STORE (`export JUXTA_STORE=`) counts as unset.
        let mut cmd = s.command();
        cmd.env("JUXTA_STORE", "").args(["list", "--json"]);
        let run = s.run_cmd(&mut cmd);
        run.success();
        assert!(run.stdout.contains("\"id\": \"a\""), "{}", run.stdout);
    }
}

#[test]
fn files_in_the_store_that_are_not_articles_are_ignored() {
    let s = Sandbox::new();
    s.write("a.txt", "Article A.");
    s.run(&["add", "a.txt"]).success();
    // Without a store.json these are not a store of the folder format to convert.
    s.write("store/articles/b.json", "{\"id\": \"half");
    s.write("store/Notes.json", "{}");
    s.write("store/readme.txt", "notes");
    assert_eq!(s.ids(), ["a"]);
    s.run(&["list"]).success();
}

// ---------------------------------------------------------------------------------------------
// Crash safety and concurrency

/// A text of about `bytes` bytes, different for each `seed`.
fn big_text(seed: usize, bytes: usize) -> String {
    let words = [
        "harbour", "inquiry", "minister", "quay", "warning", "dockers", "report", "council",
        "contract", "collapse", "said", "Tuesday", "the", "of", "and", "port",
    ];
    let mut out = format!("Big article number {seed}\n\n");
    let mut state = seed as u64 * 2_654_435_761 + 12_345;
    while out.len() < bytes {
        for i in 0..12 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            if i > 0 {
                out.push(' ');
            }
            out.push_str(words[(state >> 60) as usize]);
        }
        out.push_str(".\n");
        if state.is_multiple_of(5) {
            out.push('\n');
        }
    }
    out
}

#[test]
fn killing_a_writer_at_any_moment_leaves_the_store_intact() {
    let s = Sandbox::new();
    s.write(
        "earlier.txt",
        "An earlier article that must survive every crash.",
    );
    s.run(&["add", "earlier.txt"]).success();
    let earlier = s.article("earlier");

    let delays_ms = [0, 2, 10, 30, 60, 100, 160, 250, 400];
    for (i, delay) in delays_ms.iter().enumerate() {
        s.write(&format!("big-{i}.txt"), big_text(i, 2_500_000));
        let mut child = s
            .command()
            .args(["add", &format!("big-{i}.txt")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start juxta add");
        std::thread::sleep(Duration::from_millis(*delay));
        let _ = child.kill(); // SIGKILL: no destructor, no cleanup
        child.wait().unwrap();
    }

    // The store still lists, every article is complete, the earlier article is untouched.
    let files = stored_rows(&s.store());
    let listed = s.list();
    assert_eq!(files.len(), listed.len());
    assert_eq!(s.article("earlier"), earlier);
    for a in &listed {
        let id = a["id"].as_str().unwrap();
        let Some(n) = id.strip_prefix("big-") else {
            continue;
        };
        // A big article that made it into the store is complete: its text is exactly what
        // importing the file gives.
        let file = s.path(&format!("big-{n}.txt"));
        let expected = juxta::import::read_file(&file, &ImportOptions::default()).unwrap();
        assert_eq!(s.text(id), expected[0].text, "{id} is complete");
    }
    // The next writer works and sees every article that was stored.
    s.write("later.txt", "A later article.");
    s.run(&["add", "later.txt"]).success();
    let after = s.list();
    assert_eq!(after.len(), listed.len() + 1);
    let hashes: HashSet<&str> = after.iter().map(|a| a["hash"].as_str().unwrap()).collect();
    assert_eq!(hashes.len(), after.len());
    assert_eq!(stored_rows(&s.store()).len(), after.len());
    eprintln!(
        "{} of {} killed writers had stored their article",
        listed.len() - 1,
        delays_ms.len()
    );
}

#[test]
fn concurrent_writers_never_duplicate_or_lose_articles() {
    let s = Sandbox::new();
    // Every process adds the shared files and a "report.txt" of its own (the same id hint),
    // plus one text that another process also adds under a different name.
    const WRITERS: usize = 6;
    for w in 0..WRITERS {
        s.write(
            &format!("w{w}/report.txt"),
            format!("Report written by writer {w}."),
        );
        s.write(
            &format!("w{w}/overlap-{w}.txt"),
            format!(
                "Text shared by writers {} and {}.",
                w / 2 * 2,
                w / 2 * 2 + 1
            ),
        );
    }
    for name in ["shared-a.txt", "shared-b.md", "shared-c.json"] {
        let body = format!("Shared text of {name}.");
        if name.ends_with(".json") {
            s.write(name, format!(r#"{{"text": "{body}"}}"#));
        } else {
            s.write(name, body);
        }
    }
    let children: Vec<_> = (0..WRITERS)
        .map(|w| {
            s.command()
                .args([
                    "add",
                    "shared-a.txt",
                    &format!("w{w}"),
                    "shared-b.md",
                    "shared-c.json",
                ])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("start juxta add")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let listed = s.list();
    let distinct_texts = WRITERS /* reports */ + WRITERS / 2 /* overlaps */ + 3 /* shared */;
    assert_eq!(listed.len(), distinct_texts);
    let ids: HashSet<&str> = listed.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), listed.len(), "ids are unique");
    let hashes: HashSet<&str> = listed.iter().map(|a| a["hash"].as_str().unwrap()).collect();
    assert_eq!(hashes.len(), listed.len(), "no text is stored twice");
    let reports: HashSet<String> = std::iter::once("report".to_string())
        .chain((2..=WRITERS).map(|n| format!("report-{n}")))
        .collect();
    let report_ids: HashSet<String> = ids
        .iter()
        .filter(|id| id.starts_with("report"))
        .map(|id| id.to_string())
        .collect();
    assert_eq!(report_ids, reports);
    let mut report_texts: Vec<String> = report_ids.iter().map(|id| s.text(id)).collect();
    report_texts.sort();
    let expected: Vec<String> = (0..WRITERS)
        .map(|w| format!("Report written by writer {w}."))
        .collect();
    assert_eq!(report_texts, expected);
    assert_eq!(stored_rows(&s.store()).len(), listed.len());
}

// ---------------------------------------------------------------------------------------------
// The library API that later work builds on

#[test]
fn cached_analysis_is_keyed_by_hash_and_kind_and_goes_with_the_text() {
    use juxta::import::{Format, ImportOptions, parse_bytes};
    use juxta::store::{Added, Store};
    let s = Sandbox::new();
    let store = Store::open(s.store()).unwrap();
    let drafts = parse_bytes(
        b"A text with analysis.",
        "a.txt",
        Format::Text,
        &ImportOptions::default(),
    )
    .unwrap();
    let Added::New { article: a, .. } = store.add(drafts).unwrap().remove(0) else {
        panic!("a new article")
    };
    assert_eq!(store.cache_get::<Vec<u32>>(&a.hash, "test-v1"), None);
    store
        .cache_put(&a.hash, "test-v1", &vec![1u32, 2, 3])
        .unwrap();
    assert_eq!(
        store.cache_get::<Vec<u32>>(&a.hash, "test-v1"),
        Some(vec![1, 2, 3])
    );
    assert_eq!(store.cache_get::<Vec<u32>>(&a.hash, "test-v2"), None);
    // A cache entry of the wrong shape is a miss, not an error.
    assert_eq!(store.cache_get::<String>(&a.hash, "test-v1"), None);
    let removed = store.remove(std::slice::from_ref(&a.id)).unwrap();
    assert!(removed[0].is_ok());
    assert_eq!(store.cache_get::<Vec<u32>>(&a.hash, "test-v1"), None);
}

#[test]
fn readers_never_fail_while_another_writer_adds_and_removes() {
    use juxta::import::{Format, parse_bytes};
    use juxta::store::Store;
    use std::sync::atomic::{AtomicBool, Ordering};
    let s = Sandbox::new();
    let store = Store::open(s.store()).unwrap();
    let draft = |name: &str, text: &str| {
        parse_bytes(
            text.as_bytes(),
            name,
            Format::Text,
            &ImportOptions::default(),
        )
        .unwrap()
    };
    store
        .add(draft("stays.txt", "This article stays."))
        .unwrap();
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            let store = Store::open(s.store()).unwrap();
            for i in 0..120 {
                let name = format!("churn-{i}.txt");
                store
                    .add(draft(&name, &format!("Churn article {i}.")))
                    .unwrap();
                store.remove(&[format!("churn-{i}")]).unwrap();
            }
            done.store(true, Ordering::Relaxed);
        });
        let mut reads = 0;
        while !done.load(Ordering::Relaxed) {
            let listed = store.list().expect("listing never fails under a writer");
            assert!(listed.iter().any(|a| a.id == "stays"));
            reads += 1;
        }
        writer.join().unwrap();
        assert!(reads > 0);
    });
}

#[test]
fn a_text_repeated_in_a_later_batch_of_one_command_is_stored_once() {
    // An import analyses a batch while the one before it is written: the later batch is
    // checked against the store before its twin is written, and must still be skipped.
    let s = Sandbox::new();
    let mut args = vec!["add".to_string()];
    for i in 0..60 {
        let name = format!("f{i:02}.txt");
        let text = if i == 3 || i == 40 {
            "Copy seen twice: the second batch repeats the first.".to_string()
        } else {
            format!("Story number {i} about a council meeting on the budget.")
        };
        s.write(&name, &text);
        args.push(name);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = s.run(&args);
    run.success();
    assert!(
        run.stdout
            .contains("skipped f40.txt: its text is already in the store as f03\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .ends_with("59 added, 1 already in the store, 0 failed\n")
    );
    assert_eq!(s.ids().len(), 59);
    let rows = stored_rows(&s.store());
    assert_eq!(rows.len(), 59);
}
