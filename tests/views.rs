//! The archive's stored views as `juxta events` streams them: the table and the JSON written
//! one event at a time print what the analysis of the named articles prints, whatever the
//! sentences hold (accents, wide characters, runs of white space), and the rows a front end
//! reads without texts (`for_each_view_event`) are the same events.

#[path = "data/harness.rs"]
mod harness;

use harness::Sandbox;
use juxta::store::Store;

/// Invented reports of one story, with sentences of every kind the table cuts: plain ASCII,
/// accented Latin, wide characters, and runs of tabs and spaces.
const TEXTS: [(&str, &str, &str); 3] = [
    (
        "ferry-wire",
        "2024-05-06",
        "The  ferry   to Halvik stopped running on Monday\tafter the ramp at the southern pier cracked during the morning crossing.\n\nOperator Lene Dahlberg said the ramp would be repaired by May 20.",
    ),
    (
        "ferry-nord",
        "2024-05-07",
        "The café owner at Skærbæk pier, Søren Åkesson, said on Tuesday that the ferry’s ramp «cracked like thin ice» during the crossing.\n\nThe operator expects crossings to resume on May 22, two days later than first announced.",
    ),
    (
        "ferry-east",
        "2024-05-08",
        "On Wednesday the harbour office posted a notice: 港の岸壁は月曜日に閉鎖された and crossings resume on May 21 at the earliest.\n\nPassengers were told in April that the ramp was due for an inspection.",
    ),
];

fn sandbox_with_texts() -> (Sandbox, Vec<String>) {
    let s = Sandbox::new();
    let mut ids = Vec::new();
    for (id, date, text) in TEXTS {
        let name = format!("{id}.txt");
        s.write(&name, text);
        s.run(&["add", &name, "--date", date]).success();
        ids.push(id.to_string());
    }
    (s, ids)
}

#[test]
fn the_streamed_table_cuts_every_sentence_as_the_computed_one_does() {
    let (s, ids) = sandbox_with_texts();
    let built = s.run(&["events"]).success().stdout.clone();
    let read = s.run(&["events"]).success().stdout.clone();
    let mut named = vec!["events"];
    named.extend(ids.iter().map(String::as_str));
    let computed = s.run(&named).success().stdout.clone();
    assert_eq!(read, built);
    assert_eq!(read, computed);
    // Every line is at most the table's width, and a cut sentence ends in "…".
    let lines: Vec<&str> = read.lines().collect();
    assert!(lines.len() > 4, "{read}");
    for line in &lines[1..lines.len() - 2] {
        let width: usize = line
            .chars()
            .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
            .sum();
        assert!(width <= 120, "{line:?} is {width} columns");
        assert!(
            !line.contains("  ferry   ") && !line.contains('\t'),
            "{line:?}"
        );
    }
    let accented = lines
        .iter()
        .find(|l| l.contains("The café owner at Skærbæk pier"))
        .unwrap_or_else(|| panic!("{read}"));
    assert!(accented.ends_with('…'), "{accented:?}");
    assert!(
        read.contains("The ferry to Halvik stopped running on Monday after the ramp"),
        "{read}"
    );
}

#[test]
fn streamed_json_is_the_computed_json_with_every_field() {
    let (s, ids) = sandbox_with_texts();
    let built = s.run(&["events", "--json"]).success().stdout.clone();
    let read = s.run(&["events", "--json"]).success().stdout.clone();
    let mut named = vec!["events", "--json"];
    named.extend(ids.iter().map(String::as_str));
    let computed = s.run(&named).success().stdout.clone();
    assert_eq!(read, built);
    assert_eq!(read, computed);
    let events: Vec<serde_json::Value> = serde_json::from_str(&read).unwrap();
    assert!(events.len() >= 5, "{read}");
    let repaired = events
        .iter()
        .find(|e| e["expression"] == "by May 20")
        .unwrap_or_else(|| panic!("{read}"));
    assert_eq!(repaired["article"], "ferry-wire");
    assert_eq!(repaired["date"], "2024-05-20");
    assert_eq!(repaired["start_date"], "2024-05-20");
    assert_eq!(repaired["end_date"], "2024-05-20");
    assert_eq!(repaired["precision"], "day");
    assert_eq!(repaired["actors"], serde_json::json!(["Lene Dahlberg"]));
    let store = Store::open(s.store()).unwrap();
    let text = store.get("ferry-wire").unwrap().text;
    let (start, end) = (
        repaired["start"].as_u64().unwrap() as usize,
        repaired["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "by May 20");
}

#[test]
fn an_empty_archive_prints_an_empty_json_list_and_says_so_in_the_table() {
    let s = Sandbox::new();
    s.write(
        "empty.txt",
        "Nothing dated happens in this short note about a quiet pier.",
    );
    s.run(&["add", "empty.txt"]).success();
    for _ in 0..2 {
        assert_eq!(s.run(&["events", "--json"]).success().stdout, "[]\n");
        assert_eq!(
            s.run(&["events"]).success().stdout,
            "No dated events found in 1 article.\n"
        );
    }
}

#[test]
fn rows_read_without_texts_are_the_events_the_json_prints() {
    let (s, _) = sandbox_with_texts();
    let json = s.run(&["events", "--json"]).success().stdout.clone();
    let events: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let store = Store::open(s.store()).unwrap();
    let mut rows = Vec::new();
    store
        .for_each_view_event(&mut |row| rows.push(row))
        .unwrap();
    assert_eq!(rows.len(), events.len());
    for (row, e) in rows.iter().zip(&events) {
        let e_str = |k: &str| e[k].as_str().map(str::to_string);
        assert_eq!(Some(row.article.clone()), e_str("article"));
        assert_eq!(row.date, e_str("date"));
        assert_eq!(row.start_date, e_str("start_date"));
        assert_eq!(row.end_date, e_str("end_date"));
        assert_eq!(row.precision, e_str("precision"));
        assert_eq!(Some(row.kind.clone()), e_str("kind"));
        assert_eq!(Some(row.expression.clone()), e_str("expression"));
        assert_eq!(row.start as u64, e["start"].as_u64().unwrap());
        assert_eq!(row.end as u64, e["end"].as_u64().unwrap());
        assert_eq!(row.group as u64, e["group"].as_u64().unwrap());
        assert_eq!(row.entry.0, row.group);
        assert_eq!(row.conflict, e["conflict"].as_bool().unwrap());
        // Where the sentence lies, without its text.
        let text = store.get(&row.article).unwrap().text;
        assert_eq!(
            Some(text[row.sentence.0..row.sentence.1].to_string()),
            e_str("sentence")
        );
    }
    let seqs: Vec<usize> = rows.iter().map(|r| r.seq).collect();
    assert_eq!(seqs, (0..rows.len()).collect::<Vec<_>>());
}

#[test]
fn a_rebuild_of_the_views_leaves_their_indexes_in_place_and_used() {
    let (s, _) = sandbox_with_texts();
    // Built, then built again after another import: each rebuild drops and remakes them.
    s.run(&["actors"]).success();
    s.write(
        "ferry-late.txt",
        "The ferry ramp at Halvik reopened on May 23, the operator said.",
    );
    s.run(&["add", "ferry-late.txt", "--date", "2024-05-23"])
        .success();
    s.run(&["events"]).success();
    let conn = rusqlite::Connection::open(s.store().join("juxta.db")).unwrap();
    let mut names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'view%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "view_actor_kind",
            "view_event_article",
            "view_event_entry",
            "view_mention_article"
        ]
    );
    let plan: String = conn
        .query_row(
            "EXPLAIN QUERY PLAN SELECT seq FROM view_event ORDER BY entry, entry_pos",
            [],
            |r| r.get(3),
        )
        .unwrap();
    assert!(plan.contains("view_event_entry"), "{plan}");
}
