//! The archive database with real SQLite files: converting a store of the folder format,
//! two writers at once, a killed import, damaged records, full-text search, check and repair.

#[path = "data/harness.rs"]
mod harness;

use harness::Sandbox;
use juxta::article::Article;
use juxta::import::{Format, ImportOptions, parse_bytes};
use juxta::store::{Added, Analysis, Notice, Store};
use std::collections::HashSet;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

fn drafts(name: &str, text: &str) -> Vec<juxta::import::Draft> {
    parse_bytes(
        text.as_bytes(),
        name,
        Format::Text,
        &ImportOptions::default(),
    )
    .unwrap()
}

fn add(store: &Store, name: &str, text: &str) -> Article {
    match store.add(drafts(name, text)).unwrap().remove(0) {
        Added::New { article, .. } => article,
        other => panic!("expected a new article, got {other:?}"),
    }
}

/// A raw connection to a store's database, as a researcher with `sqlite3` would open it
/// (foreign keys off).
fn raw(store: &Path) -> rusqlite::Connection {
    let db = rusqlite::Connection::open(store.join("juxta.db")).unwrap();
    db.pragma_update(None, "foreign_keys", "OFF").unwrap();
    db
}

// ---------------------------------------------------------------------------------------------
// Converting a store of the folder format

/// An article as the folder format stored it.
fn old_article(id: &str, text: &str, second: u32) -> Article {
    Article {
        id: id.into(),
        title: format!("Title of {id}"),
        authors: Vec::new(),
        source: "The Lantern".into(),
        date: "2024-11-05".parse().ok(),
        url: Some(format!("https://news.example/{id}")),
        text: text.into(),
        hash: juxta::article::content_hash(text),
        imported_at: format!("2025-01-02T03:04:{second:02}.000000005Z")
            .parse()
            .unwrap(),
        file_name: format!("{id}.txt"),
    }
}

fn write_folder_store(s: &Sandbox) -> Vec<Article> {
    let articles = vec![
        old_article("zeta", "The ferry timetable changed in spring.", 1),
        old_article("alpha", "Inês Moreira-Quist opened the archive.", 2),
    ];
    s.write("store/store.json", r#"{"format":1}"#);
    for a in &articles {
        s.write(
            &format!("store/articles/{}.json", a.id),
            serde_json::to_vec_pretty(a).unwrap(),
        );
    }
    s.write("store/articles/broken.json", "{\"id\": \"broken\", \"ti");
    s.write("store/articles/.tmp-x1y2", "{\"id\": \"half");
    s.write(
        &format!("store/cache/{}-probe-v1.json", articles[0].hash),
        "[1,2,3]",
    );
    articles
}

#[test]
fn a_folder_store_is_converted_on_first_open_and_its_files_kept_aside() {
    let s = Sandbox::new();
    let articles = write_folder_store(&s);
    let store = Store::open(s.store()).unwrap();
    let old_files = s.store().join("old-folder-store");
    assert_eq!(
        store.notices(),
        [Notice::Migrated {
            articles: 2,
            skipped: vec!["broken.json".into()],
            old_files: old_files.clone(),
        }]
    );
    assert_eq!(
        Notice::Migrated {
            articles: 2,
            skipped: vec!["broken.json".into()],
            old_files: old_files.clone(),
        }
        .to_string(),
        format!(
            "converted the store to a database (2 articles; 1 damaged file not converted: broken.json); the old files are in {}, delete that folder once you no longer need it",
            old_files.display()
        )
    );
    // Everything as it was, in import order, cached analysis included.
    assert_eq!(store.list().unwrap(), articles);
    assert_eq!(
        store.cache_get::<Vec<u32>>(&articles[0].hash, "probe-v1"),
        Some(vec![1, 2, 3])
    );
    // The old files moved aside, whole.
    assert!(!s.store().join("store.json").exists());
    assert!(!s.store().join("articles").exists());
    assert!(old_files.join("store.json").is_file());
    assert!(old_files.join("articles/alpha.json").is_file());
    assert!(old_files.join("articles/broken.json").is_file());
    assert!(old_files.join("cache").is_dir());
    // Converted once: the next open says nothing and the command line sees the same store.
    assert_eq!(Store::open(s.store()).unwrap().notices(), []);
    assert_eq!(s.ids(), ["zeta", "alpha"]);
    assert_eq!(s.text("alpha"), "Inês Moreira-Quist opened the archive.");
}

#[test]
fn a_conversion_interrupted_before_the_files_were_moved_finishes_without_importing_twice() {
    let s = Sandbox::new();
    write_folder_store(&s);
    assert_eq!(Store::open(s.store()).unwrap().notices().len(), 1);
    // As if killed after the commit, before moving store.json aside.
    std::fs::rename(
        s.store().join("old-folder-store/store.json"),
        s.store().join("store.json"),
    )
    .unwrap();
    let store = Store::open(s.store()).unwrap();
    assert_eq!(store.notices(), []);
    assert_eq!(store.ids().unwrap(), ["alpha", "zeta"]);
    assert!(!s.store().join("store.json").exists());
    assert!(s.store().join("old-folder-store/store.json").is_file());
}

// ---------------------------------------------------------------------------------------------
// Two writers, a killed import

#[test]
fn two_writers_at_once_store_every_text_once_under_unique_ids() {
    let s = Sandbox::new();
    let texts: Vec<String> = (0..60)
        .map(|i| format!("Dispatch {i} about the river crossing."))
        .collect();
    std::thread::scope(|scope| {
        for w in 0..2 {
            let texts = &texts;
            let root = s.store();
            scope.spawn(move || {
                // Each writer has its own connection, as two processes would.
                let store = Store::open(root).unwrap();
                for (i, t) in texts.iter().enumerate() {
                    // Both writers add the even texts, each adds its own half of the odd.
                    if i % 2 == 0 || i % 4 == 1 + 2 * w {
                        store.add(drafts("dispatch.txt", t)).unwrap();
                    }
                }
            });
        }
    });
    let store = Store::open(s.store()).unwrap();
    let listed = store.list().unwrap();
    assert_eq!(listed.len(), texts.len());
    let stored: HashSet<&str> = listed.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(stored, texts.iter().map(String::as_str).collect());
    let ids: HashSet<&str> = listed.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), listed.len());
    assert!(store.check(&[]).unwrap().is_clean());
}

/// A folder of `n` articles of a few kilobytes each, different texts.
fn write_folder(s: &Sandbox, dir: &str, n: usize) -> Vec<String> {
    let words = [
        "ferry", "council", "inquiry", "harbour", "tender", "levee", "pump", "ward", "said", "the",
        "of", "and", "on",
    ];
    (0..n)
        .map(|i| {
            let mut state = i as u64 * 7_919 + 17;
            let mut text = format!("Bulletin {i}\n\n");
            while text.len() < 3_000 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(words[(state >> 59) as usize % words.len()]);
                text.push(if state.is_multiple_of(11) { '.' } else { ' ' });
            }
            let text = format!("{}.", text.trim_end());
            let path = s.write(&format!("{dir}/bulletin-{i:03}.txt"), &text);
            // The text as stored: what importing the file gives.
            juxta::import::read_file(&path, &ImportOptions::default())
                .unwrap()
                .remove(0)
                .text
        })
        .collect()
}

#[test]
fn a_killed_import_leaves_a_consistent_store_missing_at_most_what_it_had_not_written() {
    let s = Sandbox::new();
    let texts = write_folder(&s, "batch", 300);
    let expected: HashSet<&str> = texts.iter().map(String::as_str).collect();
    for delay in [5, 40, 120, 250] {
        let mut child = s
            .command()
            .args(["add", "batch"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start juxta add");
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill(); // SIGKILL: no destructor, no rollback by the process itself
        child.wait().unwrap();
        if !s.store().join("juxta.db").exists() {
            continue;
        }
        let store = Store::open(s.store()).unwrap();
        let report = store.check(&[]).unwrap();
        assert!(report.is_clean(), "after a kill at {delay} ms: {report:?}");
        // Whatever was stored is whole: each text is one of the files, complete.
        for a in store.list().unwrap() {
            assert!(expected.contains(a.text.as_str()), "{} is complete", a.id);
        }
        eprintln!("killed at {delay} ms: {} stored", store.count().unwrap());
    }
    // The next import stores the rest, nothing twice.
    s.run(&["add", "batch"]).success();
    let store = Store::open(s.store()).unwrap();
    let listed = store.list().unwrap();
    assert_eq!(listed.len(), texts.len());
    let stored: HashSet<&str> = listed.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(stored, expected);
    assert!(store.check(&[]).unwrap().is_clean());
}

#[test]
fn every_article_of_a_finished_import_is_in_the_search_index_read_with_sqlite() {
    // An import commits in groups and indexes every so many articles: when it ends, the index
    // that `sqlite3 juxta.db` reads must hold them all, not wait for juxta's next search.
    let s = Sandbox::new();
    write_folder(&s, "batch", 300);
    s.run(&["add", "batch"]).success();
    let db = raw(&s.store());
    let count = |sql: &str| -> i64 { db.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(
        count("SELECT count(*) FROM article_fts WHERE article_fts MATCH 'bulletin'"),
        300
    );
    assert_eq!(count("SELECT count(*) FROM fingerprint"), 300);
}

// ---------------------------------------------------------------------------------------------
// Damage

#[test]
fn a_damaged_record_is_reported_once_left_out_and_removable() {
    let s = Sandbox::new();
    let store = Store::open(s.store()).unwrap();
    add(&store, "a.txt", "First dispatch.");
    add(&store, "b.txt", "Second dispatch.");
    add(&store, "c.txt", "Third dispatch.");
    let db = raw(&s.store());
    db.execute("UPDATE article SET authors = '[\"Ana' WHERE id = 'a'", [])
        .unwrap();
    db.execute(
        "DELETE FROM article_text WHERE article = (SELECT key FROM article WHERE id = 'c')",
        [],
    )
    .unwrap();
    drop(db);

    let store = Store::open(s.store()).unwrap();
    let ids = |v: Vec<Article>| v.into_iter().map(|a| a.id).collect::<Vec<_>>();
    assert_eq!(ids(store.list().unwrap()), ["b"]);
    assert_eq!(ids(store.list().unwrap()), ["b"]);
    let notices: Vec<String> = store.notices().iter().map(ToString::to_string).collect();
    assert_eq!(
        notices,
        [
            "article \"a\" is damaged (its authors are not a JSON list of names: EOF while parsing a string at line 1 column 5) and was left out; remove it with `juxta rm a` and import it again",
            "article \"c\" is damaged (its text is missing) and was left out; remove it with `juxta rm c` and import it again",
        ]
    );
    // Reported once: listing again adds nothing.
    store.list().unwrap();
    assert_eq!(store.notices(), []);
    // Metadata-only listing still shows c (its metadata is fine).
    let meta: Vec<String> = store
        .list_meta()
        .unwrap()
        .into_iter()
        .map(|m| m.id)
        .collect();
    assert_eq!(meta, ["b", "c"]);
    assert_eq!(
        store.get("c").unwrap_err().to_string(),
        format!(
            "article \"c\" in the store at {} is damaged (its text is missing); remove it with `juxta rm c` and import it again",
            s.store().display()
        )
    );
    let report = store.check(&[]).unwrap();
    assert_eq!(report.damaged.len(), 2);

    // The command line lists the rest and removes the damaged ones.
    let run = s.run(&["list", "--json"]);
    run.success();
    assert!(run.stdout.contains("\"id\": \"b\""), "{}", run.stdout);
    s.run(&["show", "b"]).success();
    let rm = s.run(&["rm", "a", "c"]);
    rm.success();
    assert_eq!(s.ids(), ["b"]);
    let store = Store::open(s.store()).unwrap();
    assert!(store.check(&[]).unwrap().is_clean());
    // The texts can be imported again.
    add(&store, "c.txt", "Third dispatch.");
    assert_eq!(store.search("third", 10).unwrap().len(), 1);
}

#[test]
fn check_finds_orphans_and_stale_analysis_and_repair_rebuilds_them() {
    let s = Sandbox::new();
    let store = Store::open(s.store()).unwrap();
    let probe = |version: &'static str| {
        move |a: &Article| {
            vec![Analysis {
                kind: "probe".into(),
                version: version.into(),
                json: a.text.len().to_string(),
            }]
        }
    };
    store
        .add_with(drafts("a.txt", "Lock gates closed early."), &probe("1"))
        .unwrap();
    store
        .add_with(drafts("b.txt", "Lock gates opened late."), &probe("1"))
        .unwrap();
    assert!(store.check(&[("probe", "1")]).unwrap().is_clean());
    assert_eq!(
        store.analysis("a", "probe", "1").unwrap().as_deref(),
        Some("24")
    );
    let stale = store.check(&[("probe", "2")]).unwrap();
    assert_eq!(
        stale.stale,
        [("a".into(), "probe".into()), ("b".into(), "probe".into())]
    );
    // Edited by hand with foreign keys off: an analysis row of no article.
    raw(&s.store())
        .execute(
            "INSERT INTO analysis (article, kind, version, json) VALUES (999, 'probe', '1', '0')",
            [],
        )
        .unwrap();
    let report = store.check(&[("probe", "2")]).unwrap();
    assert_eq!(report.orphans, 1);
    assert_eq!(report.articles, 2);
    let repaired = store.repair(&[("probe", "2")], &probe("2")).unwrap();
    assert_eq!(repaired.orphans_removed, 1);
    assert_eq!(repaired.reanalysed, 2);
    assert!(store.check(&[("probe", "2")]).unwrap().is_clean());
}

// ---------------------------------------------------------------------------------------------
// Search

fn search_store(s: &Sandbox) -> Store {
    let store = Store::open(s.store()).unwrap();
    add(
        &store,
        "quist.txt",
        "Inês Moreira-Quist spoke at the harbour inquiry.\n\nShe said the pumps failed.",
    );
    add(
        &store,
        "quay.txt",
        "The old quay collapsed after the warning.\n\nHarbourmasters met later that night.",
    );
    add(
        &store,
        "averted.txt",
        "Engineers said the collapse of the quay was averted by the new pumps.",
    );
    store
}

fn found(store: &Store, query: &str) -> Vec<(String, Option<usize>, Option<usize>)> {
    store
        .search(query, 10)
        .unwrap()
        .into_iter()
        .map(|h| (h.article, h.start, h.end))
        .collect()
}

#[test]
fn search_folds_accents_and_case_and_gives_byte_offsets() {
    let s = Sandbox::new();
    let store = search_store(&s);
    // "Inês" is five bytes.
    assert_eq!(found(&store, "ines"), [("quist".into(), Some(0), Some(5))]);
    assert_eq!(found(&store, "INÊS"), [("quist".into(), Some(0), Some(5))]);
    let hit = store.search("moreira", 10).unwrap().remove(0);
    assert_eq!(
        hit.title,
        "Inês Moreira-Quist spoke at the harbour inquiry."
    );
    assert_eq!(
        hit.snippet,
        "Inês Moreira-Quist spoke at the harbour inquiry.  She said the pumps failed."
    );
}

#[test]
fn search_phrases_prefixes_and_all_words() {
    let s = Sandbox::new();
    let store = search_store(&s);
    // A phrase: the words in this order, next to each other.
    assert_eq!(
        found(&store, "\"quay collapsed\""),
        [("quay".into(), Some(8), Some(22))]
    );
    // Without quotes every word must occur, anywhere.
    let mut both: Vec<String> = found(&store, "quay collapse*")
        .into_iter()
        .map(|h| h.0)
        .collect();
    both.sort();
    assert_eq!(both, ["averted", "quay"]);
    // Whole words unless a prefix is asked for.
    assert_eq!(
        found(&store, "collapse")
            .into_iter()
            .map(|h| h.0)
            .collect::<Vec<_>>(),
        ["averted"]
    );
    let mut harbour: Vec<String> = found(&store, "harbour*").into_iter().map(|h| h.0).collect();
    harbour.sort();
    assert_eq!(harbour, ["quay", "quist"]);
    assert_eq!(found(&store, "pumps failed harbour").len(), 1);
    assert_eq!(found(&store, "nothing-like-this"), []);
    // FTS5 syntax in a query is just words.
    assert_eq!(found(&store, "NEAR(quay) OR -x").len(), 0);
    assert_eq!(found(&store, "\"\" *"), []);
}

#[test]
fn search_of_a_missing_store_finds_nothing_and_creates_nothing() {
    let s = Sandbox::new();
    let store = Store::open(s.store()).unwrap();
    assert_eq!(store.search("anything", 10).unwrap(), []);
    assert!(!s.store().exists());
}

#[test]
fn articles_stored_by_an_import_killed_before_indexing_them_are_found_by_the_next_search() {
    let s = Sandbox::new();
    let store = search_store(&s);
    // As an import killed between writing articles and indexing them leaves the database.
    let db = raw(&s.store());
    db.execute(
        "INSERT INTO article_fts (article_fts) VALUES ('delete-all')",
        [],
    )
    .unwrap();
    db.execute("UPDATE meta SET value = '0' WHERE key = 'fts_upto'", [])
        .unwrap();
    drop(db);
    assert_eq!(found(&store, "ines"), [("quist".into(), Some(0), Some(5))]);
    assert!(store.check(&[]).unwrap().is_clean());
}

// ---------------------------------------------------------------------------------------------
// The command line: search, check, notices

#[test]
fn juxta_search_prints_hits_with_snippets_and_json_with_byte_offsets() {
    let s = Sandbox::new();
    drop(search_store(&s));
    let run = s.run(&["search", "\"quay", "collapsed\""]);
    run.success();
    assert_eq!(
        run.stdout,
        "quay  The old quay collapsed after the warning.\n      The old quay collapsed after the warning.  Harbourmasters met later that night.\n"
    );
    let run = s.run(&["search", "ines", "--json"]);
    run.success();
    let hits: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        hits,
        serde_json::json!([{
            "article": "quist",
            "title": "Inês Moreira-Quist spoke at the harbour inquiry.",
            "snippet": "Inês Moreira-Quist spoke at the harbour inquiry.  She said the pumps failed.",
            "start": 0,
            "end": 5
        }])
    );
    let run = s.run(&["search", "nowhere"]);
    run.success();
    assert_eq!(run.stdout, "No article matches nowhere.\n");
    assert_eq!(s.run(&["search", "nowhere", "--json"]).stdout, "[]\n");
}

#[test]
fn juxta_check_reports_problems_and_repair_fixes_what_is_derived() {
    let s = Sandbox::new();
    s.write("a.txt", "Lock gates closed early on the canal.");
    s.write("b.txt", "Lock gates opened late on the river.");
    s.run(&["add", "a.txt", "b.txt"]).success();
    let db = s.store().join("juxta.db");
    let run = s.run(&["check"]);
    run.success();
    assert_eq!(
        run.stdout,
        format!(
            "{}: 2 articles\nok: integrity, search index, no orphaned rows, analysis up to date\n",
            db.display()
        )
    );
    // Analysis of an older version, and a row of no article.
    let raw = raw(&s.store());
    raw.execute(
        "UPDATE analysis SET version = 'extract-v0' WHERE kind = 'extract' AND article = (SELECT key FROM article WHERE id = 'a')",
        [],
    )
    .unwrap();
    raw.execute(
        "INSERT INTO analysis (article, kind, version, json) VALUES (77, 'extract', 'x', '{}')",
        [],
    )
    .unwrap();
    drop(raw);
    let run = s.run(&["check"]);
    run.failure();
    assert_eq!(
        run.stderr,
        "juxta: 1 orphaned row (texts or analysis of no article); run `juxta check --repair`\n\
         juxta: 1 article lack up-to-date analysis; run `juxta check --repair`\n"
    );
    let run = s.run(&["check", "--repair"]);
    run.success();
    assert_eq!(
        run.stdout,
        format!(
            "repaired: 1 orphaned row removed, search index kept, 1 article analysed again\n\
             {}: 2 articles\nok: integrity, search index, no orphaned rows, analysis up to date\n",
            db.display()
        )
    );
}

#[test]
fn the_command_line_says_once_that_a_folder_store_was_converted_and_names_damaged_articles() {
    let s = Sandbox::new();
    write_folder_store(&s);
    let run = s.run(&["list"]);
    run.success();
    assert_eq!(
        run.stderr,
        format!(
            "juxta: converted the store to a database (2 articles; 1 damaged file not converted: broken.json); the old files are in {}, delete that folder once you no longer need it\n",
            s.store().join("old-folder-store").display()
        )
    );
    assert!(run.stdout.contains("zeta"), "{}", run.stdout);
    assert_eq!(s.run(&["list"]).stderr, "");
    raw(&s.store())
        .execute("UPDATE article SET date = 'soon' WHERE id = 'zeta'", [])
        .unwrap();
    let run = s.run(&["list", "--json"]);
    run.success();
    assert_eq!(
        run.stderr,
        "juxta: article \"zeta\" is damaged (its date \"soon\" is not YYYY-MM-DD) and was left out; remove it with `juxta rm zeta` and import it again\n"
    );
    assert!(!run.stdout.contains("zeta"));
}

#[test]
fn compare_all_counts_the_articles_of_a_passage_printed_everywhere_instead_of_listing_them() {
    let s = Sandbox::new();
    let shared = "The levee commission voted to raise the northern embankment by two metres before the spring floods arrive.";
    let mut names = Vec::new();
    for i in 1..=12 {
        let name = format!("outlet{i:02}.txt");
        s.write(
            &name,
            format!(
                "Report number {i} opens with its own remarks about tide gauge {i}.\n\n{shared}"
            ),
        );
        names.push(name);
    }
    let mut args = vec!["add"];
    args.extend(names.iter().map(String::as_str));
    s.run(&args).success();
    let run = s.run(&["compare", "outlet01", "--all"]);
    run.success();
    assert!(
        run.stdout
            .contains("also in 11 articles: outlet02, outlet03, outlet04 and 8 more\n"),
        "{}",
        run.stdout
    );
    // JSON keeps every id.
    let run = s.run(&["compare", "outlet01", "--all", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["spans"][0]["others"].as_array().unwrap().len(), 11);
}

#[test]
fn the_first_pair_shares_a_story_not_the_boilerplate_every_outlet_prints() {
    use juxta::service::{Corpus, Options, choose_pair};
    let disclaimer = "This bulletin is distributed under the cooperative licence of the regional newsroom network and may be reprinted by member titles provided that the credit line, the correction policy and the contact address of the originating desk remain attached to every copy that is published.";
    let story = "The ferry operator cancelled the evening crossings after the pier cracked.";
    let mut texts: Vec<String> = (0..120)
        .map(|i| format!("Item {i} covers parish notice number {i} in brief.\n\n{disclaimer}"))
        .collect();
    texts.insert(
        40,
        format!("A commuter account from the harbour.\n\n{story}"),
    );
    texts.insert(
        90,
        format!("Officials explained the harbour decision.\n\n{story}"),
    );
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            drafts(&format!("n{i:03}.txt"), t)
                .remove(0)
                .into_article(format!("n{i:03}"), chrono::Utc::now())
        })
        .collect();
    let corpus = Corpus::build(articles, &Options::default(), None);
    assert_eq!(choose_pair(&corpus, &[]), (Some(40), Some(90)));
}

// ---------------------------------------------------------------------------------------------
// Views: the archive's actors and events as tables

/// The schema of version 1 (the first database format), as a store written by that juxta has
/// it: no views, no sketches, a full-text index without prefixes.
const SCHEMA_V1: &str = r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE article (
    key INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, title TEXT NOT NULL,
    authors TEXT NOT NULL DEFAULT '[]', date TEXT, source TEXT NOT NULL, url TEXT,
    file_name TEXT NOT NULL, imported TEXT NOT NULL, hash TEXT NOT NULL UNIQUE,
    words INTEGER NOT NULL, canonical TEXT
);
CREATE INDEX article_url ON article(url) WHERE url IS NOT NULL;
CREATE INDEX article_canonical ON article(canonical) WHERE canonical IS NOT NULL;
CREATE INDEX article_imported ON article(imported, id);
CREATE INDEX article_date ON article(date);
CREATE TABLE article_text (
    article INTEGER PRIMARY KEY REFERENCES article(key) ON DELETE CASCADE, text TEXT NOT NULL
);
CREATE TABLE analysis (
    article INTEGER NOT NULL REFERENCES article(key) ON DELETE CASCADE, kind TEXT NOT NULL,
    version TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (article, kind)
) WITHOUT ROWID;
CREATE VIEW article_doc AS
    SELECT a.key AS key, a.title AS title, t.text AS text
    FROM article a JOIN article_text t ON t.article = a.key;
CREATE VIRTUAL TABLE article_fts USING fts5(
    title, text, content = 'article_doc', content_rowid = 'key',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO article_fts(article_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
PRAGMA user_version = 1;
"#;

const HARBOUR_TEXTS: [(&str, &str, &str); 3] = [
    (
        "quay-wire",
        "2024-03-08",
        "Harbour master Ingrid Solvang closed the north quay on Tuesday after a crane toppled.\n\nThe crane operator was taken to the infirmary with minor injuries and released later that evening, according to the dock workers union.\n\nSolvang said the quay would reopen on March 20. The Veyra Port Authority confirmed the closure.",
    ),
    (
        "quay-herald",
        "2024-03-09",
        "The north quay closed on Tuesday, harbour master Ingrid Solvang said, after a crane toppled.\n\nThe crane operator was taken to the infirmary with minor injuries and released later that evening, according to the dock workers union.\n\nMs. Solvang expects it to reopen on March 22, and Councillor Tomas Brekke called for an inquiry.",
    ),
    (
        "quay-gazette",
        "2024-03-10",
        "Councillor Tomas Brekke asked on Friday why the crane at Port Veyra had not been inspected since 2019.\n\nBrekke said the inquiry would report in April.",
    ),
];

/// A store written by the juxta of schema version 1: three articles with their texts, no
/// analysis rows.
fn write_v1_store(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    let db = rusqlite::Connection::open(dir.join("juxta.db")).unwrap();
    db.execute_batch(SCHEMA_V1).unwrap();
    for (i, (id, date, text)) in HARBOUR_TEXTS.iter().enumerate() {
        db.execute(
            "INSERT INTO article (id, title, date, source, file_name, imported, hash, words)
             VALUES (?1, ?2, ?3, 'Coast Desk', ?4, ?5, ?6, ?7)",
            rusqlite::params![
                id,
                format!("Quay report {i}"),
                date,
                format!("{id}.txt"),
                format!("2025-01-02T03:04:0{i}.000000000Z"),
                juxta::article::content_hash(text),
                text.split_whitespace().count() as i64,
            ],
        )
        .unwrap();
        db.execute(
            "INSERT INTO article_text (article, text) VALUES (last_insert_rowid(), ?1)",
            [text],
        )
        .unwrap();
    }
    db.execute(
        "INSERT INTO article_fts (article_fts) VALUES ('rebuild')",
        [],
    )
    .unwrap();
    db.execute("INSERT INTO meta (key, value) VALUES ('fts_upto', '3')", [])
        .unwrap();
}

#[test]
fn a_store_of_schema_version_1_is_migrated_with_prefix_search_views_and_sketches() {
    let s = Sandbox::new();
    write_v1_store(&s.store());
    let store = Store::open(s.store()).unwrap();
    assert_eq!(store.count().unwrap(), 3);
    let version: i64 = raw(&s.store())
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 7);
    // Migration 7: the table the events table is stored in, empty until views are built.
    let pieces: i64 = raw(&s.store())
        .query_row("SELECT count(*) FROM view_event_table", [], |r| r.get(0))
        .unwrap();
    assert_eq!(pieces, 0);
    // Migration 6: the full-text index writes an import's entries in large segments.
    let hashsize: i64 = raw(&s.store())
        .query_row(
            "SELECT v FROM article_fts_config WHERE k = 'hashsize'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(hashsize, 64 << 20);
    // The fingerprints `compare --all` looks articles up by are computed by the migration.
    for (id, _, text) in HARBOUR_TEXTS {
        let prints = juxta::analysis::index::fingerprints(text);
        let found = store.sharing(&prints, 10, 1).unwrap();
        let ids: Vec<String> = found.articles.into_iter().map(|a| a.id).collect();
        assert_eq!(ids, [id]);
    }
    // The rebuilt index finds words by their first letters.
    let hits: Vec<String> = store
        .search("solv*", 10)
        .unwrap()
        .into_iter()
        .map(|h| h.article)
        .collect();
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert!(hits.contains(&"quay-wire".to_string()) && hits.contains(&"quay-herald".to_string()));
    // Sketches are analysis: the migrated articles lack them until `check --repair`, which
    // also fills the partner index.
    let check = store.check(juxta::service::EXPECTED_ANALYSIS).unwrap();
    assert_eq!(check.stale.iter().filter(|(_, k)| k == "sketch").count(), 3);
    assert_eq!(
        check
            .stale
            .iter()
            .filter(|(_, k)| k == "fingerprints")
            .count(),
        0
    );
    assert_eq!(store.closest_pair().unwrap(), None);
    juxta::service::check(&store, true).unwrap();
    let pair = store.closest_pair().unwrap();
    assert_eq!(
        pair,
        Some(("quay-wire".to_string(), "quay-herald".to_string()))
    );
    let sketched: i64 = raw(&s.store())
        .query_row("SELECT count(DISTINCT article) FROM sketch", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(sketched, 3);
}

#[test]
fn actors_and_events_read_from_the_views_print_what_the_analysis_computes() {
    let s = Sandbox::new();
    write_v1_store(&s.store());
    let ids: Vec<&str> = HARBOUR_TEXTS.iter().map(|(id, _, _)| *id).collect();
    for command in [
        &["actors"][..],
        &["actors", "--json"],
        &["actors", "--json", "--kind", "person"],
        &["actors", "--kind", "place"],
        &["events"],
        &["events", "--json"],
        &["mentions", "Solvang"],
        &["mentions", "--json", "Tomas Brekke"],
    ] {
        // Named ids are analysed afresh; no argument reads the views (built by the first run,
        // read by the second).
        let mut named: Vec<&str> = command.to_vec();
        named.extend(&ids);
        let fresh = s.run(&named).success().stdout.clone();
        let built = s.run(command).success().stdout.clone();
        let read = s.run(command).success().stdout.clone();
        assert_eq!(built, fresh, "{command:?}");
        assert_eq!(read, fresh, "{command:?}");
    }
    let stamp: String = raw(&s.store())
        .query_row("SELECT value FROM meta WHERE key = 'views'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(stamp.starts_with("3:3:"), "{stamp}");
    let people = s
        .run(&["actors", "--kind", "person"])
        .success()
        .stdout
        .clone();
    assert!(people.contains("Ingrid Solvang"), "{people}");
    assert!(!people.contains("Nadia Holm"), "{people}");
    // An added article makes the views stale: they are built again, with it.
    s.write(
        "more/quay-bulletin.txt",
        "date 2024-03-11\n\nCouncillor Nadia Holm said on Monday that the crane base was cracked.",
    );
    s.run(&["add", s.path("more/quay-bulletin.txt").to_str().unwrap()])
        .success();
    let people = s
        .run(&["actors", "--kind", "person"])
        .success()
        .stdout
        .clone();
    assert!(people.contains("Nadia Holm"), "{people}");
    // And a removed one too.
    s.run(&["rm", "quay-bulletin"]).success();
    let people = s
        .run(&["actors", "--kind", "person"])
        .success()
        .stdout
        .clone();
    assert!(!people.contains("Nadia Holm"), "{people}");
}

/// Views that cannot be written (here a trigger refuses them, as a full disk would) are made
/// in memory: every command prints what the analysis computes, and nothing is stamped current.
#[test]
fn views_that_cannot_be_written_are_printed_from_memory() {
    let s = Sandbox::new();
    write_v1_store(&s.store());
    s.run(&["list"]).success();
    raw(&s.store())
        .execute_batch(
            "CREATE TRIGGER refuse_views BEFORE INSERT ON view_actor
             BEGIN SELECT RAISE(ABORT, 'refused'); END;",
        )
        .unwrap();
    let ids: Vec<&str> = HARBOUR_TEXTS.iter().map(|(id, _, _)| *id).collect();
    for command in [
        &["actors"][..],
        &["actors", "--json"],
        &["events"],
        &["events", "--json"],
        &["mentions", "Solvang"],
    ] {
        let mut named: Vec<&str> = command.to_vec();
        named.extend(&ids);
        let fresh = s.run(&named).success().stdout.clone();
        assert!(!fresh.is_empty(), "{command:?}");
        let whole = s.run(command).success().stdout.clone();
        assert_eq!(whole, fresh, "{command:?}");
    }
    let stamp: Option<String> = raw(&s.store())
        .query_row("SELECT value FROM meta WHERE key = 'views'", [], |r| {
            r.get(0)
        })
        .ok();
    assert_eq!(stamp, None);
}

/// An archive larger than the few articles read one by one, whose stored analysis is missing
/// for some articles amid the others and unreadable for one: the whole archive is read row by
/// row in listing order, those articles are analysed again in their turn, and `actors` and
/// `events` print what they printed with every analysis in place.
#[test]
fn stale_and_damaged_analysis_amid_a_large_archive_is_redone_in_its_turn() {
    let s = Sandbox::new();
    let surnames = ["Okafor", "Lindqvist", "Moreau", "Brandt", "Sato"];
    let mut lines = String::new();
    for i in 0..80 {
        let who = surnames[i % surnames.len()];
        lines.push_str(&format!(
            "{{\"title\": \"Pier report {i}\", \"date\": \"2024-03-{:02}\", \"text\": \"Harbour engineer Mira {who} said on Monday that pier {i} would close on March {} for repairs. {who} added that the ferries would moor at the north quay.\"}}\n",
            1 + i % 28,
            1 + (i * 7) % 28,
        ));
    }
    s.write("piers.jsonl", lines);
    s.run(&["add", "piers.jsonl"]).success();
    let actors = s.run(&["actors", "--json"]).success().stdout.clone();
    let events = s.run(&["events", "--json"]).success().stdout.clone();
    assert!(actors.contains("Mira Okafor"), "{actors}");
    let db = raw(&s.store());
    let keys: Vec<i64> = db
        .prepare("SELECT key FROM article ORDER BY imported, id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for &k in [&keys[3], &keys[40], &keys[41], &keys[79]] {
        db.execute(
            "UPDATE analysis SET version = 'extract-v0' WHERE article = ?1 AND kind = 'extract'",
            [k],
        )
        .unwrap();
    }
    db.execute(
        "UPDATE analysis SET json = '{\"names\": 3' WHERE article = ?1 AND kind = 'extract'",
        [keys[20]],
    )
    .unwrap();
    db.execute("DELETE FROM meta WHERE key = 'views'", [])
        .unwrap();
    assert_eq!(s.run(&["actors", "--json"]).success().stdout, actors);
    db.execute("DELETE FROM meta WHERE key = 'views'", [])
        .unwrap();
    assert_eq!(s.run(&["events", "--json"]).success().stdout, events);
    // And written back: every article has its analysis of this version again.
    let redone: i64 = db
        .query_row(
            "SELECT count(*) FROM analysis WHERE kind = 'extract' AND version <> 'extract-v0'
             AND json NOT LIKE '{\"names\": 3'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(redone, 80);
}

// ---------------------------------------------------------------------------------------------
// compare --all through the fingerprint index

/// Three stories: a levee vote carried by two outlets, a ferry strike that one of them also
/// reports in a closing paragraph, and an unrelated chess final.
fn write_levee_archive(s: &Sandbox) {
    let vote = "The levee commission voted on Thursday to raise the northern embankment by two metres before the spring floods arrive in the valley.";
    let strike = "Ferry crews on the western crossing walked out at dawn over the new rota, stranding hundreds of commuters at the island terminal.";
    s.write(
        "levee-wire.txt",
        format!("Levee vote\n\nOur correspondent writes from the town hall.\n\n{vote}\n\n{strike}"),
    );
    s.write(
        "levee-daily.txt",
        format!(
            "Embankment to rise\n\nA busy week for the council.\n\n{vote}\n\nResidents welcomed it."
        ),
    );
    s.write(
        "ferry-post.txt",
        format!(
            "Crossing halted\n\nTravel chaos on the coast.\n\n{strike}\n\nTalks resume Monday."
        ),
    );
    s.write(
        "chess-note.txt",
        "Chess final\n\nThe regional chess final went to a fifth hour before the champion resigned in a drawn rook ending.",
    );
    s.run(&[
        "add",
        "levee-wire.txt",
        "levee-daily.txt",
        "ferry-post.txt",
        "chess-note.txt",
    ])
    .success();
}

#[test]
fn compare_all_finds_each_passage_in_the_articles_that_carry_it_through_the_index() {
    let s = Sandbox::new();
    write_levee_archive(&s);
    let run = s.run(&["compare", "levee-wire", "--all", "--width", "100"]);
    run.success();
    assert_eq!(
        run.stdout,
        "\
“Levee vote” — levee-wire.txt, date unknown (id levee-wire)
Checked against 3 other articles: 14% of its words appear in no other article.

Passages found elsewhere (2):

1. also in levee-daily
   The levee commission voted on Thursday to raise the northern embankment by two metres before the
   spring floods arrive in the valley

2. also in ferry-post
   Ferry crews on the western crossing walked out at dawn over the new rota, stranding hundreds of
   commuters at the island terminal
"
    );
    // The unrelated article has nothing elsewhere.
    let run = s.run(&["compare", "chess-note", "--all"]);
    assert!(
        run.stdout.contains("No passage of it appears elsewhere."),
        "{}",
        run.stdout
    );
}

#[test]
fn fingerprints_follow_their_article_out_of_the_index() {
    let s = Sandbox::new();
    write_levee_archive(&s);
    let holders = |hashes: &[i64]| -> Vec<String> {
        let store = Store::open(s.store()).unwrap();
        let found = store.sharing(hashes, 10, 10).unwrap();
        found.articles.into_iter().map(|a| a.id).collect()
    };
    let store = Store::open(s.store()).unwrap();
    let daily = juxta::analysis::index::fingerprints(&store.get("levee-daily").unwrap().text);
    let ferry = juxta::analysis::index::fingerprints(&store.get("ferry-post").unwrap().text);
    assert_eq!(holders(&daily), ["levee-wire", "levee-daily"]);
    s.run(&["rm", "levee-daily"]).success();
    assert_eq!(holders(&daily), ["levee-wire"]);
    let run = s.run(&["compare", "levee-wire", "--all"]);
    assert!(
        run.stdout.contains("Passages found elsewhere (1):"),
        "{}",
        run.stdout
    );
    // Written again (as `check --repair` does), an article's fingerprints replace the old
    // ones in the index.
    raw(&s.store())
        .execute(
            "INSERT OR REPLACE INTO analysis (article, kind, version, json)
             SELECT key, 'fingerprints', 'old', '[1, 2]' FROM article WHERE id = 'ferry-post'",
            [],
        )
        .unwrap();
    assert_eq!(holders(&[1]), ["ferry-post"]);
    assert_eq!(holders(&ferry), ["levee-wire"]);
    s.run(&["check", "--repair"]).success();
    assert!(holders(&[1, 2]).is_empty());
    assert_eq!(holders(&ferry), ["levee-wire", "ferry-post"]);
}

#[test]
fn a_fingerprint_held_by_more_articles_than_the_cap_links_nothing() {
    let s = Sandbox::new();
    write_levee_archive(&s);
    let store = Store::open(s.store()).unwrap();
    let wire = store.get("levee-wire").unwrap();
    let prints = juxta::analysis::index::fingerprints(&wire.text);
    let ids = |found: juxta::store::Sharing| -> Vec<String> {
        found.articles.into_iter().map(|a| a.id).collect()
    };
    // Listing order; the wire itself holds every one of its fingerprints.
    let all = store.sharing(&prints, 10, 10).unwrap();
    assert_eq!(all.boilerplate, 0);
    assert_eq!(ids(all), ["levee-wire", "levee-daily", "ferry-post"]);
    // The most sharing first when fewer are asked for.
    assert_eq!(ids(store.sharing(&prints, 10, 1).unwrap()), ["levee-wire"]);
    // With a cap of one article, only fingerprints the wire alone holds count.
    let capped = store.sharing(&prints, 1, 10).unwrap();
    assert!(capped.boilerplate > 0);
    assert_eq!(ids(capped), ["levee-wire"]);
}

#[test]
fn events_streamed_from_the_stored_views_print_the_table_computed_from_the_texts() {
    let s = Sandbox::new();
    let mut names = Vec::new();
    for (id, date, text) in HARBOUR_TEXTS {
        let name = format!("{id}.txt");
        s.write(&name, text);
        s.run(&["add", &name, "--date", date]).success();
        names.push(id.to_string());
    }
    // Built by this run (the views were stale), then read back by the next one.
    let first = s.run(&["events"]);
    first.success();
    let second = s.run(&["events"]);
    assert_eq!(second.stdout, first.stdout);
    let mut args = vec!["events"];
    args.extend(names.iter().map(String::as_str));
    let named = s.run(&args);
    assert_eq!(named.stdout, first.stdout);
    assert_eq!(
        first.stdout,
        "\
DATE        ARTICLE       WHEN         SENTENCE
2019        quay-gazette  since 2019   Councillor Tomas Brekke asked on Friday why the crane at Port Veyra had not been…
2024-03-05  quay-wire     on Tuesday   Harbour master Ingrid Solvang closed the north quay on Tuesday after a crane top…
            quay-herald   on Tuesday   The north quay closed on Tuesday, harbour master Ingrid Solvang said, after a cr…
2024-03-08  quay-gazette  on Friday    Councillor Tomas Brekke asked on Friday why the crane at Port Veyra had not been…
2024-03-20  quay-wire     on March 20  Solvang said the quay would reopen on March 20.
2024-03-22  quay-herald   on March 22  Ms. Solvang expects it to reopen on March 22, and Councillor Tomas Brekke called…
2024-04     quay-gazette  in April     Brekke said the inquiry would report in April.

7 events in 3 articles on a timeline of 6 entries.
"
    );
}

/// The events table stored with the views, its pieces joined in order.
fn stored_events_table(store: &Path) -> String {
    let raw = raw(store);
    let mut stmt = raw
        .prepare("SELECT chunk FROM view_event_table ORDER BY seq")
        .unwrap();
    let pieces = stmt
        .query_map([], |r| r.get::<_, Vec<u8>>(0))
        .unwrap()
        .map(|p| String::from_utf8(p.unwrap()).unwrap());
    pieces.collect()
}

#[test]
fn the_events_table_is_stored_with_the_views_and_a_damaged_one_is_rebuilt_by_repair() {
    let s = Sandbox::new();
    for (id, date, text) in HARBOUR_TEXTS {
        let name = format!("{id}.txt");
        s.write(&name, text);
        s.run(&["add", &name, "--date", date]).success();
    }
    // Building the views (here for `actors`) stores what `events` prints, byte for byte.
    s.run(&["actors"]).success();
    let printed = s.run(&["events"]);
    printed.success();
    assert!(printed.stdout.contains("7 events in 3 articles"));
    assert_eq!(stored_events_table(&s.store()), printed.stdout);
    // A piece lost (a row deleted by hand): `events` prints the whole table all the same,
    // from the events, and `check` says the stored table is not whole.
    raw(&s.store())
        .execute("DELETE FROM view_event_table WHERE seq = 0", [])
        .unwrap();
    assert_eq!(stored_events_table(&s.store()), "");
    assert_eq!(s.run(&["events"]).stdout, printed.stdout);
    let run = s.run(&["check"]);
    run.failure();
    assert_eq!(
        run.stderr,
        "juxta: the events table stored with the archive's views is not whole; run `juxta check --repair`\n"
    );
    let db = s.store().join("juxta.db");
    let run = s.run(&["check", "--repair"]);
    run.success();
    assert_eq!(
        run.stdout,
        format!(
            "repaired: 0 orphaned rows removed, search index kept, 0 articles analysed again, the archive's views built again\n\
             {}: 3 articles\nok: integrity, search index, no orphaned rows, analysis up to date\n",
            db.display()
        )
    );
    assert_eq!(stored_events_table(&s.store()), printed.stdout);
    assert_eq!(s.run(&["events"]).stdout, printed.stdout);
}

#[test]
fn compare_all_says_when_boilerplate_printed_everywhere_links_nothing() {
    let s = Sandbox::new();
    let notice = "Readers may republish this dispatch under the cooperative licence provided the credit line and the correction notice stay attached.";
    let n = juxta::service::MAX_SHARERS + 2;
    let mut lines = String::new();
    for i in 0..n {
        lines.push_str(&format!(
            "{{\"title\": \"Notice {i}\", \"text\": \"Parish bulletin {i} lists bin collection round {i}.\\n\\n{notice}\"}}\n"
        ));
    }
    s.write("bulletins.jsonl", lines);
    s.write(
        "story.txt",
        format!("The ferry pier cracked after the storm surge on Sunday night, the harbour office said.\n\n{notice}"),
    );
    s.write(
        "story-copy.txt",
        "Commuters waited for hours. The ferry pier cracked after the storm surge on Sunday night, the harbour office said.",
    );
    s.run(&["add", "bulletins.jsonl", "story.txt", "story-copy.txt"])
        .success();
    let run = s.run(&["compare", "story", "--all", "--width", "100"]);
    run.success();
    assert!(
        run.stdout.ends_with(
            "\nSome of its text is printed in more than 500 other articles (boilerplate); it links it to none of them, so its passages list only the articles sharing more with it.\n"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("also in story-copy\n"),
        "{}",
        run.stdout
    );
    // An article sharing no boilerplate says nothing of it.
    let run = s.run(&["compare", "story-copy", "--all"]);
    assert!(!run.stdout.contains("boilerplate"), "{}", run.stdout);
}
