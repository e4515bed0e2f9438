//! `juxta actors`, `juxta events`, `juxta mentions` end to end: the JSON shapes of DESIGN.md,
//! the tables a reader sees, the store cache, and the errors.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/samples")
}

/// A scratch store and an empty config, so the user's own files never leak in.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.toml"), "").unwrap();
        Env { dir }
    }

    fn store(&self) -> PathBuf {
        self.dir.path().join("store")
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_juxta"))
            .args(args)
            .env("JUXTA_STORE", self.store())
            .env("JUXTA_CONFIG", self.dir.path().join("config.toml"))
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The stored text of each sample, by id, as the commands read it.
fn texts() -> std::collections::BTreeMap<String, String> {
    let (articles, _) = juxta::import::articles_from_paths(&[samples()], &Default::default());
    articles.into_iter().map(|a| (a.id, a.text)).collect()
}

#[test]
fn actors_json_has_the_design_shape() {
    let env = Env::new();
    let doc = env.json(&["actors", "--json", path(&samples())]);
    let texts = texts();
    let actors = doc.as_array().unwrap();
    assert!(!actors.is_empty());
    for a in actors {
        assert!(a["name"].is_string());
        let kind = a["kind"].as_str().unwrap();
        assert!(
            ["person", "organization", "place"].contains(&kind),
            "{kind}"
        );
        assert!(
            a["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .all(Value::is_string)
        );
        let mentions = a["mentions"].as_array().unwrap();
        assert_eq!(
            a["mention_count"].as_u64().unwrap() as usize,
            mentions.len()
        );
        let mut ids: Vec<&str> = Vec::new();
        for m in mentions {
            let id = m["article"].as_str().unwrap();
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&texts[id][s..e], m["text"].as_str().unwrap());
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        let articles: Vec<&str> = a["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(articles, ids);
    }
    let first = &actors[0];
    assert_eq!(first["name"], "Inês Valadares-Pinto");
    assert_eq!(first["aliases"], serde_json::json!(["Valadares-Pinto"]));
}

#[test]
fn actors_come_in_three_kinds_and_kind_filters_them() {
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("harbour.txt");
    std::fs::write(
        &file,
        "Harbour Commissioner Maren Lindqvist met officials of Nilsson Holdings in Norway on \
         Tuesday. Lindqvist said the talks in Oslo went well.\n",
    )
    .unwrap();
    let names = |kind: &str| -> Vec<(String, String)> {
        let doc = env.json(&["actors", "--json", "--kind", kind, path(&file)]);
        doc.as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["name"].as_str().unwrap().to_string(),
                    a["kind"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let own = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(names("person"), own(&[("Maren Lindqvist", "person")]));
    assert_eq!(
        names("organization"),
        own(&[("Nilsson Holdings", "organization")])
    );
    assert_eq!(
        names("place"),
        own(&[("Norway", "place"), ("Oslo", "place")])
    );
    // Every kind in the table, grouped, and `mentions` finds any of them.
    let table = env.ok(&["actors", path(&file)]);
    let heads: Vec<&str> = table
        .lines()
        .filter(|l| l.ends_with("ALSO NAMED"))
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(heads, ["PERSON", "ORGANIZATION", "PLACE"]);
    assert!(
        table.contains("1 person, 1 organization and 2 places in 1 article"),
        "{table}"
    );
    let oslo = env.json(&["mentions", "--json", "oslo", path(&file)]);
    assert_eq!(oslo["kind"], "place");
    assert_eq!(oslo["mentions"][0]["text"], "Oslo");
}

#[test]
fn events_json_has_the_design_shape_sorted_by_date() {
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    let undated = dir.path().join("undated.txt");
    std::fs::write(
        &undated,
        "The board met on Tuesday and again in March 2022.\n",
    )
    .unwrap();
    let doc = env.json(&["events", "--json", path(&samples()), path(&undated)]);
    let texts = texts();
    let events = doc.as_array().unwrap();
    let date_re = regex::Regex::new(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$").unwrap();
    let mut last_date: Option<String> = None;
    let mut seen_null = false;
    for e in events {
        let id = e["article"].as_str().unwrap();
        let (s, t) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        if let Some(text) = texts.get(id) {
            assert_eq!(&text[s..t], e["expression"].as_str().unwrap());
            assert!(text.contains(e["sentence"].as_str().unwrap()));
        }
        assert!(e["actors"].as_array().unwrap().iter().all(Value::is_string));
        match (&e["date"], &e["precision"]) {
            (Value::String(d), Value::String(p)) => {
                assert!(!seen_null, "dated events come before undated ones");
                assert!(date_re.is_match(d), "{d}");
                let expected = match d.len() {
                    4 => "year",
                    7 => "month",
                    8 => "week",
                    _ => "day",
                };
                assert_eq!(p, expected);
                // Sorted by first day: compare the labels' own order within one precision.
                if let Some(prev) = &last_date
                    && prev.len() == d.len()
                {
                    assert!(prev <= d, "{prev} before {d}");
                }

                last_date = Some(d.clone());
            }
            (Value::Null, Value::Null) => seen_null = true,
            other => panic!("date and precision disagree: {other:?}"),
        }
    }
    // The undated article: a relative date stays null, an absolute one resolves.
    let undated_events: Vec<&Value> = events
        .iter()
        .filter(|e| e["article"] == "undated")
        .collect();
    assert_eq!(undated_events.len(), 2);
    assert!(
        undated_events
            .iter()
            .any(|e| e["expression"] == "on Tuesday" && e["date"].is_null())
    );
    assert!(
        undated_events
            .iter()
            .any(|e| e["date"] == "2022-03" && e["precision"] == "month")
    );
}

#[test]
fn mentions_accepts_any_alias_and_gives_lines() {
    let env = Env::new();
    let wire = samples().join("01-wire.txt");
    let out = env.ok(&["mentions", "hallstrom", path(&wire)]);
    assert!(
        out.starts_with("Peter J. Hallström: 2 mentions in 1 article"),
        "{out}"
    );
    assert!(out.contains("01-wire:"), "{out}");
    assert!(out.contains("[Hallström]'s inquiry"), "{out}");
    let doc = env.json(&["mentions", "--json", "Mr. Hallström", path(&wire)]);
    assert_eq!(doc["name"], "Peter J. Hallström");
    let m = &doc["mentions"][0];
    assert!(m["line"].as_u64().unwrap() >= 1);
    assert!(
        m["context"]
            .as_str()
            .unwrap()
            .contains("[Peter J. Hallström]")
    );

    let out = env.run(&["mentions", "Nobody Atall", path(&wire)]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no person, organization or place named \"Nobody Atall\""),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

/// Extraction rows stored in the database of the store at `store`.
fn analysis_rows(store: &std::path::Path) -> usize {
    let db = rusqlite::Connection::open(store.join("juxta.db")).unwrap();
    db.query_row(
        "SELECT count(*) FROM analysis WHERE kind = 'extract'",
        [],
        |r| r.get::<_, i64>(0),
    )
    .unwrap() as usize
}

#[test]
fn stored_articles_use_the_extraction_cache() {
    let env = Env::new();
    env.ok(&["add", path(&samples())]);
    let first = env.ok(&["actors", "--json"]);
    assert_eq!(
        analysis_rows(&env.store()),
        7,
        "one analysis row per stored article"
    );
    assert_eq!(env.ok(&["actors", "--json"]), first);
    let out = env.ok(&["actors", "01-wire", "03-summary"]);
    assert!(out.contains("Inês Valadares-Pinto"));
}

#[test]
fn files_are_analysed_without_writing_to_the_store() {
    let env = Env::new();
    env.ok(&["actors", path(&samples())]);
    assert!(!env.store().exists());
    // Nor into an existing store: only its own articles are cached.
    env.ok(&["add", path(&samples().join("01-wire.txt"))]);
    env.ok(&["actors", "01-wire"]);
    let cached = || analysis_rows(&env.store());
    assert_eq!(cached(), 1);
    env.ok(&["events", "01-wire", path(&samples().join("03-summary.txt"))]);
    assert_eq!(
        cached(),
        1,
        "the file named beside the stored article was not cached"
    );
}

#[test]
fn tables_read_well_on_the_samples() {
    let env = Env::new();
    insta::assert_snapshot!("actors_table", env.ok(&["actors", path(&samples())]));
    insta::assert_snapshot!("events_table", env.ok(&["events", path(&samples())]));
    insta::assert_snapshot!(
        "mentions_table",
        env.ok(&["mentions", "O'Connell", path(&samples())])
    );
}

#[test]
fn events_json_gives_ranges_kinds_groups_and_conflicts() {
    let env = Env::new();
    let a = env.dir.path().join("ledger.txt");
    let b = env.dir.path().join("courier.txt");
    std::fs::write(
        &a,
        "date 2018-06-01\nInspectors found deep cracks in the Korvel dam spillway in 2015, the \
         water board said. The survey ran from May 3 to 7, 2018.\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "date 2018-06-01\nInspectors found deep cracks in the Korvel dam spillway two years \
         ago, the water board said.\n",
    )
    .unwrap();
    let v = env.json(&["events", "--json", path(&a), path(&b)]);
    let rows = v.as_array().unwrap();
    let pick = |expr: &str| {
        rows.iter()
            .find(|r| r["expression"] == expr)
            .unwrap_or_else(|| panic!("{expr} in {v:#}"))
    };
    let range = pick("from May 3 to 7, 2018");
    assert_eq!(range["kind"], "range");
    assert_eq!(range["date"], "2018-05-03");
    assert_eq!(range["start_date"], "2018-05-03");
    assert_eq!(range["end_date"], "2018-05-07");
    assert_eq!(range["conflict"], false);
    let (first, second) = (pick("in 2015"), pick("two years ago"));
    assert_eq!(first["kind"], "date");
    assert_eq!(second["kind"], "relative");
    assert_eq!(
        (&first["date"], &second["date"]),
        (&"2015".into(), &"2016".into())
    );
    assert_eq!(first["group"], second["group"]);
    assert_eq!(
        (&first["conflict"], &second["conflict"]),
        (&true.into(), &true.into())
    );
}

#[test]
fn the_config_sets_how_slashed_dates_are_read() {
    let env = Env::new();
    let a = env.dir.path().join("note.txt");
    std::fs::write(
        &a,
        "date 2025-06-01\nThe contract was signed on 03/04/2025.\n",
    )
    .unwrap();
    let date = |env: &Env| env.json(&["events", "--json", path(&a)])[0]["date"].clone();
    assert_eq!(date(&env), "2025-03-04");
    std::fs::write(
        env.dir.path().join("config.toml"),
        "[dates]\nslash_order = \"eu\"\n",
    )
    .unwrap();
    assert_eq!(date(&env), "2025-04-03");
}

#[test]
fn files_analysed_in_place_keep_their_names_and_count_once() {
    let env = Env::new();
    let dir = env.dir.path();
    let a = dir.join("harbour.txt");
    let b = dir.join("council.txt");
    std::fs::write(
        &a,
        "Crane falls\n\ndate 2025-03-14\n\nHarbour chief Tomas Reyes said the crane fell on Monday.",
    )
    .unwrap();
    std::fs::write(
        &b,
        "Council meets\n\ndate 2025-03-15\n\nTomas Reyes told the council on Tuesday that work stops.",
    )
    .unwrap();
    env.ok(&["add", path(&a), path(&b)]);
    // Stored under the same names: the files keep those names, no `-2` is made up.
    let events = env.json(&["events", "--json", path(&a), path(&b)]);
    let ids: std::collections::BTreeSet<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["article"].as_str().unwrap())
        .collect();
    assert_eq!(ids.into_iter().collect::<Vec<_>>(), ["council", "harbour"]);
    let cmp = env.json(&["compare", "--format", "json", path(&a), path(&b)]);
    assert_eq!(
        (&cmp["left"]["id"], &cmp["right"]["id"]),
        (&"harbour".into(), &"council".into())
    );
    // The same file twice, or a file and its stored copy, is one article.
    for args in [
        vec!["actors", "--json", path(&a), path(&a)],
        vec!["actors", "--json", path(&a), "harbour"],
    ] {
        let actors = env.json(&args);
        let reyes = actors
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["name"] == "Tomas Reyes")
            .unwrap();
        assert_eq!(
            reyes["articles"],
            serde_json::json!(["harbour"]),
            "{args:?}"
        );
        assert_eq!(reyes["mention_count"], 1, "{args:?}");
    }
    let m = env.json(&["mentions", "--json", "Reyes", path(&a), path(&b)]);
    assert_eq!(m["articles"], serde_json::json!(["harbour", "council"]));
}
