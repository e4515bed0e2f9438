//! Stories and provenance as a user sees them: `juxta stories`, the `story` and `originality`
//! of `juxta list --json`, and `first_in` in `juxta compare`. Articles are invented.

#[path = "data/harness.rs"]
mod harness;

use harness::Sandbox;

fn article(title: &str, date: &str, source: &str, text: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\nsource: {source}\n---\n{text}")
}

const WIRE: &str = "Heavy rain flooded the old quarter of Varnholm on Tuesday. The river Ostra broke its banks near the Kessel bridge and rescuers moved two hundred residents to the sports hall.\n\nMayor Ilse Brandvik said the pumps had failed during the night and that repairs would take a week.";

/// Three outlets on one flood (one reprinting the wire a day later, one reporting in its own
/// words) and an unrelated chess report.
fn sandbox() -> Sandbox {
    let s = Sandbox::new();
    s.write(
        "wire.md",
        article("River floods Varnholm", "2025-03-04", "North Wire", WIRE),
    );
    s.write(
        "reprint.md",
        article(
            "Varnholm under water",
            "2025-03-05",
            "Valley Herald",
            &format!("{WIRE}\n\nThe Herald will follow the story."),
        ),
    );
    s.write(
        "own.md",
        article(
            "Residents evacuated as Ostra overflows in Varnholm",
            "2025-03-04",
            "Coast Daily",
            "Residents of Varnholm spent the night in a sports hall after the Ostra overflowed. Firefighters carried elderly people out of homes beside the Kessel bridge, and Ilse Brandvik, the mayor, blamed broken pumps for the flooding.",
        ),
    );
    s.write(
        "chess.md",
        article(
            "Chess olympiad ends in upset",
            "2025-03-04",
            "Board Weekly",
            "The chess olympiad in Maridal ended with a surprise: the youngest team won gold after a tense final round against the favourites from Sollund. Coach Peder Aasgard praised his players.",
        ),
    );
    s.run(&["add", "wire.md", "reprint.md", "own.md", "chess.md"])
        .success();
    s
}

#[test]
fn stories_group_the_reports_of_one_event_and_leave_the_rest_alone() {
    let s = sandbox();
    let run = s.run(&["stories", "--json"]);
    run.success();
    let stories: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let stories = stories.as_array().unwrap();
    assert_eq!(stories.len(), 2, "{}", run.stdout);
    assert_eq!(stories[0]["id"], "wire");
    assert_eq!(
        stories[0]["articles"],
        serde_json::json!(["wire", "own", "reprint"])
    );
    assert_eq!(stories[0]["first"], "2025-03-04");
    assert_eq!(stories[0]["last"], "2025-03-05");
    assert_eq!(
        stories[0]["outlets"],
        serde_json::json!(["North Wire", "Coast Daily", "Valley Herald"])
    );
    assert_eq!(stories[1]["articles"], serde_json::json!(["chess"]));
    assert_eq!(stories[1]["title"], "Chess olympiad ends in upset");

    let text = s.run(&["stories"]).stdout.clone();
    assert!(
        text.starts_with("1 story of two or more articles, 1 single article\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "  3 articles · 2025-03-04 to 2025-03-05 · 3 outlets: North Wire, Coast Daily, Valley Herald · story wire\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("Single articles\n  chess    2025-03-04  Board Weekly"),
        "{text}"
    );
    // The reprint copied the wire whole, but the third outlet told it in its own words.
    assert!(
        text.contains("  reprint  2025-03-05  Valley Herald             Varnholm under water\n  No passage all 3 share\n"),
        "{text}"
    );
    assert_eq!(stories[0]["passages"], serde_json::json!([]));
}

/// Three outlets on one pier closure: all three print the wire's opening, two of them more of
/// it, each a different part.
#[test]
fn a_story_lists_the_passages_all_its_articles_share() {
    let s = Sandbox::new();
    s.write(
        "pier.md",
        article(
            "Kelmsby closes cracked pier",
            "2025-04-10",
            "North Wire",
            "The harbour authority of Kelmsby closed the northern pier on Friday after engineers found cracks in its concrete pillars. Ferries will dock at the southern quay until repairs end in June.\n\nHarbour master Tove Rasmark said no one had been hurt.",
        ),
    );
    s.write(
        "queues.md",
        article(
            "Queues at Kelmsby harbour",
            "2025-04-10",
            "Kelmsby Post",
            "Travellers faced long queues on Friday. The harbour authority of Kelmsby closed the northern pier on Friday after engineers found cracks in its concrete pillars. Harbour master Tove Rasmark said no one had been hurt, and traders worried about the summer season.",
        ),
    );
    s.write(
        "quay.md",
        article(
            "Ferries move to southern quay",
            "2025-04-11",
            "Coast Daily",
            "The harbour authority of Kelmsby closed the northern pier on Friday after engineers found cracks. Ferries will dock at the southern quay until repairs end in June, the authority said.",
        ),
    );
    s.write(
        "chess.md",
        article(
            "Chess olympiad ends in upset",
            "2025-04-10",
            "Board Weekly",
            "The chess olympiad in Maridal ended with a surprise: the youngest team won gold after a tense final round against the favourites from Sollund. Coach Peder Aasgard praised his players.",
        ),
    );
    s.run(&["add", "pier.md", "queues.md", "quay.md", "chess.md"])
        .success();
    let run = s.run(&["stories"]);
    run.success();
    assert_eq!(
        run.stdout,
        "1 story of two or more articles, 1 single article

Kelmsby closes cracked pier
  3 articles · 2025-04-10 to 2025-04-11 · 3 outlets: North Wire, Kelmsby Post, Coast Daily · story pier
  pier    2025-04-10  North Wire                Kelmsby closes cracked pier
  queues  2025-04-10  Kelmsby Post              Queues at Kelmsby harbour
  quay    2025-04-11  Coast Daily               Ferries move to southern quay
  All 3 share 1 passage (15 words):
    “The harbour authority of Kelmsby closed the northern pier on Friday after engineers found cracks”

Single articles
  chess   2025-04-10  Board Weekly              Chess olympiad ends in upset
"
    );
    let json: serde_json::Value =
        serde_json::from_str(&s.run(&["stories", "--json"]).stdout).unwrap();
    assert_eq!(
        json[0]["passages"],
        serde_json::json!([{
            "article": "pier",
            "start": 0,
            "end": 96,
            "text": "The harbour authority of Kelmsby closed the northern pier on Friday after engineers found cracks",
            "words": 15
        }])
    );
    assert_eq!(json[1]["passages"], serde_json::json!([]));
}

#[test]
fn stories_of_an_empty_store_say_how_to_fill_it() {
    let s = Sandbox::new();
    let run = s.run(&["stories"]);
    run.success();
    assert!(
        run.stdout.starts_with("The store at ")
            && run
                .stdout
                .ends_with(" is empty; add articles with `juxta add PATH...`.\n"),
        "{}",
        run.stdout
    );
    assert_eq!(run.stdout, s.run(&["list"]).stdout);
}

#[test]
fn list_gives_each_article_its_story_and_originality() {
    let s = sandbox();
    let rows = s.list();
    let field = |id: &str, f: &str| {
        rows.iter()
            .find(|r| r["id"] == id)
            .map(|r| r[f].clone())
            .unwrap()
    };
    assert_eq!(field("reprint", "story"), "wire");
    assert_eq!(field("own", "story"), "wire");
    assert_eq!(field("chess", "story"), "chess");
    // The wire printed its text first: all of it is its own. The reprint a day later took
    // all of the wire's 48 words and added six of its own.
    assert_eq!(field("wire", "originality"), 1.0);
    let reprint = field("reprint", "originality").as_f64().unwrap();
    assert!((reprint - 6.0 / 54.0).abs() < 0.001, "{reprint}");
    assert_eq!(field("chess", "originality"), 1.0);
}

#[test]
fn compare_says_who_printed_a_passage_first() {
    let s = sandbox();
    // The reprint on the left: the wire, a day earlier, carried the passage first.
    let run = s.run(&["compare", "reprint", "wire", "--format", "json"]);
    run.success();
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let first = &doc["passages"][0]["first_in"];
    assert_eq!(
        first,
        &serde_json::json!({"id": "wire", "source": "North Wire", "date": "2025-03-04"})
    );
    let text = s.run(&["compare", "reprint", "wire"]).stdout.clone();
    assert!(
        text.contains("origin first in North Wire, 2025-03-04"),
        "{text}"
    );
    let md = s
        .run(&["compare", "reprint", "wire", "--format", "markdown"])
        .stdout
        .clone();
    assert!(md.contains("first in North Wire, 2025-03-04"), "{md}");
    let html = s
        .run(&["compare", "reprint", "wire", "--format", "html"])
        .stdout
        .clone();
    assert!(
        html.contains("<br>first in North Wire, 2025-03-04</td>"),
        "{html}"
    );
}

/// A large archive is not grouped by every `list`: its story columns come from the last
/// `juxta stories` run on the archive as it is, and say so while there is none.
#[test]
fn a_large_archive_lists_the_stories_that_juxta_stories_stored() {
    let s = Sandbox::new();
    let n = juxta::service::LIST_GROUPS_UP_TO + 1;
    let mut paths = Vec::new();
    for i in 0..n {
        let name = format!("n{i:03}.md");
        s.write(
            &name,
            article(
                &format!("Bulletin {i}"),
                "2025-03-04",
                "North Wire",
                &format!("Item {i} of the harbour bulletin from Varnholm."),
            ),
        );
        paths.push(name);
    }
    let mut add = vec!["add"];
    add.extend(paths.iter().map(String::as_str));
    s.run(&add).success();
    let before = s.run(&["list"]);
    before.success();
    let row = |out: &str| {
        out.lines()
            .find(|l| l.starts_with("n000 "))
            .unwrap()
            .to_string()
    };
    assert!(
        row(&before.stdout).contains("     –  –  "),
        "{}",
        row(&before.stdout)
    );
    assert!(
        before
            .stderr
            .contains("run `juxta stories` to fill the ORIG and STORY columns"),
        "{}",
        before.stderr
    );
    let json: serde_json::Value = serde_json::from_str(&s.run(&["list", "--json"]).stdout).unwrap();
    assert!(json[0]["story"].is_null() && json[0]["originality"].is_null());
    s.run(&["stories"]).success();
    let after = s.run(&["list"]);
    after.success();
    assert_eq!(after.stderr, "");
    let json: serde_json::Value = serde_json::from_str(&s.run(&["list", "--json"]).stdout).unwrap();
    assert!(json[0]["story"].is_string(), "{}", json[0]);
    assert!(
        !row(&after.stdout).contains("  –  "),
        "{}",
        row(&after.stdout)
    );
}

/// One company's announcement in December and the launch it announced in February: the same
/// names (company, founder, rocket) in every article, yet two happenings, two stories.
#[test]
fn an_announcement_and_the_launch_weeks_later_are_two_stories() {
    let s = Sandbox::new();
    let articles = [
        (
            "plan1",
            "Orvane Dynamics to fly a glider to Lune Station",
            "2025-12-02",
            "North Wire",
            "Orvane Dynamics will send its Skylark glider to Lune Station aboard the first Kestrel Nine rocket, founder Maren Tollak said on Tuesday. Tollak wrote that the glider would carry a recorded song and circle the station for a year. Engineers at Orvane Dynamics called the payload a test of the rocket's upper stage.",
        ),
        (
            "plan2",
            "Tollak's glider bound for Lune Station",
            "2025-12-04",
            "Coast Daily",
            "Maren Tollak says the Skylark glider will ride the Kestrel Nine to Lune Station. The Orvane Dynamics founder posted pictures of the glider strapped inside the payload fairing, its wings folded, a recorded song loaded for the trip.",
        ),
        (
            "plan3",
            "Why a glider will fly on the Kestrel Nine",
            "2025-12-09",
            "Valley Herald",
            "A glider instead of a satellite: Orvane Dynamics chose its own Skylark as the payload for the first Kestrel Nine. Maren Tollak said a dummy payload of concrete blocks would have been boring, and the glider will circle Lune Station for a year.",
        ),
        (
            "launch1",
            "Kestrel Nine lifts off from Port Halden",
            "2026-02-06",
            "North Wire",
            "The Kestrel Nine rocket of Orvane Dynamics lifted off from Port Halden on Thursday afternoon, and two of its three boosters landed back on the pads minutes later. Maren Tollak watched the launch from the control room. The third booster missed its drone ship and crashed into the sea.",
        ),
        (
            "launch2",
            "Boosters land after first Kestrel Nine flight",
            "2026-02-06",
            "Coast Daily",
            "Crowds lined the beaches of Port Halden as the Kestrel Nine climbed into a clear sky on Thursday. Orvane Dynamics said two boosters touched down on the landing pads; the central booster was lost at sea. Maren Tollak told reporters the flight had gone better than she expected.",
        ),
        (
            "launch3",
            "Port Halden cheers the Kestrel Nine",
            "2026-02-07",
            "Valley Herald",
            "Thursday's launch of the Kestrel Nine from Port Halden drew thousands of spectators. Two boosters of the Orvane Dynamics rocket landed side by side, a third crashed at sea, and Maren Tollak said the next flight would come within months.",
        ),
    ];
    let mut add = vec!["add".to_string()];
    for (name, title, date, source, text) in articles {
        s.write(&format!("{name}.md"), article(title, date, source, text));
        add.push(format!("{name}.md"));
    }
    let add: Vec<&str> = add.iter().map(String::as_str).collect();
    s.run(&add).success();
    let run = s.run(&["stories", "--json"]);
    run.success();
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let sets: Vec<&serde_json::Value> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["articles"])
        .collect();
    assert_eq!(
        sets,
        [
            &serde_json::json!(["plan1", "plan2", "plan3"]),
            &serde_json::json!(["launch1", "launch2", "launch3"])
        ],
        "{}",
        run.stdout
    );
}
