//! `juxta conflicts`: where articles about one event disagree, as printed and as JSON.

#[path = "data/harness.rs"]
mod harness;

use harness::Sandbox;

const A: &str = "date 2021-03-08\nQuarry blast shakes Brenn\n\nA blast at the Brenn quarry killed 12 people on Saturday, the regional governor said.\nThe quarry owner, Piet Halloran, 58, said the site would stay closed.\nThe site flooded two years ago after a dam gave way and workers fled the pit.\n";
const B: &str = "date 2021-03-08\nDeadly blast at Brenn quarry\n\nA blast at the Brenn quarry killed nine people on Saturday, the regional governor said.\nPiet Halloran, 61, who owns the quarry, said it would stay closed.\nThe site flooded in 2018 after a dam gave way and workers fled the pit.\n";

fn sandbox() -> Sandbox {
    let s = Sandbox::new();
    s.write("a.txt", A);
    s.write("b.txt", B);
    s
}

#[test]
fn conflicts_lists_each_difference_with_every_article_value() {
    let s = sandbox();
    let run = s.run(&["conflicts", "a.txt", "b.txt"]);
    run.success();
    assert_eq!(
        run.stdout,
        "figure · people killed (story 1)
  a  12  “12 people”
  b  9   “nine people”

figure · age of Piet Halloran (story 1)
  a  aged 58  “58”
  b  aged 61  “61”

date · date of “The site flooded two years ago after a…” (story 1)
  a  2019  “two years ago”
  b  2018  “in 2018”

3 disagreements in 2 articles (1 story)
"
    );
}

#[test]
fn conflicts_json_has_the_design_shape_with_byte_offsets() {
    let s = sandbox();
    s.run(&["add", "a.txt", "b.txt"]).success();
    let run = s.run(&["conflicts", "--json", "a", "b"]);
    run.success();
    let stored = |id: &str| -> String {
        let show: serde_json::Value =
            serde_json::from_str(&s.run(&["show", "--json", id]).stdout).unwrap();
        show["text"].as_str().unwrap().to_string()
    };
    let (a, b) = (stored("a"), stored("b"));
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let rows = v.as_array().unwrap();
    let kinds: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["kind"].as_str().unwrap(), r["about"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("figure", "people killed"),
            ("figure", "age of Piet Halloran"),
            ("date", "date of “The site flooded two years ago after a…”")
        ]
    );
    for row in rows {
        assert_eq!(row["story"], 1);
        for value in row["values"].as_array().unwrap() {
            let stored = if value["article"] == "a" { &a } else { &b };
            let (start, end) = (
                value["start"].as_u64().unwrap() as usize,
                value["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&stored[start..end], value["text"].as_str().unwrap());
        }
    }
}

#[test]
fn articles_that_agree_have_no_conflicts() {
    let s = sandbox();
    s.write(
        "c.txt",
        A.replace("killed 12 people", "killed twelve people"),
    );
    let run = s.run(&["conflicts", "a.txt", "c.txt"]);
    run.success();
    assert_eq!(
        run.stdout,
        "No disagreements found in 2 articles (1 story).\n"
    );
}

#[test]
fn every_export_has_a_where_they_differ_section() {
    let s = sandbox();
    let text = s.run(&["compare", "a.txt", "b.txt", "--width", "100"]);
    text.success();
    let section = text.stdout.split_once("\nWhere they differ\n").unwrap().1;
    assert_eq!(
        section,
        "  people killed (figure): left 12 (“12 people”) · right 9 (“nine people”)
  age of Piet Halloran (figure): left aged 58 (“58”) · right aged 61 (“61”)
  date of “The site flooded two years ago after a…” (date): left 2019 (“two years ago”) · right 2018 (“in 2018”)
"
    );
    let md = s.run(&["compare", "a.txt", "b.txt", "--format", "markdown"]);
    assert!(md.stdout.contains(
        "## Where they differ\n\n| What | Kind | Left | Right |\n|---|---|---|---|\n| people killed | figure | 12 (“12 people”) | 9 (“nine people”) |\n"
    ), "{}", md.stdout);
    let html = s.run(&["compare", "a.txt", "b.txt", "--format", "html"]);
    assert!(
        html.stdout
            .contains("<h2 style=\"margin-top:1.5em\">Where they differ</h2>")
    );
    assert!(html.stdout.contains("<tr><td>age of Piet Halloran <span class=\"why\">(figure)</span></td><td>aged 58 (“58”)</td><td>aged 61 (“61”)</td></tr>"));
    let json = s.run(&["compare", "a.txt", "b.txt", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let abouts: Vec<&str> = v["differ"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["about"].as_str().unwrap())
        .collect();
    assert_eq!(abouts.len(), 3);
    assert_eq!(v["differ"][0]["values"][1]["side"], "right");
    assert_eq!(v["differ"][0]["values"][1]["value"], "9");
}

#[test]
fn a_quotation_given_to_different_speakers_is_a_speaker_conflict() {
    let s = Sandbox::new();
    s.write(
        "c.txt",
        "date 2022-06-01\nHarbour strike ends\n\nDock workers in Lisvar returned to work on Tuesday. \"We have won back every shift we lost,\" said Mara Olsund, the union leader. The port authority declined to comment.\n",
    );
    s.write(
        "d.txt",
        "date 2022-06-01\nLisvar dockers back at work\n\nThe strike at the Lisvar docks ended on Tuesday. \"We have won back every shift we lost,\" said Tomas Ferreby, a crane operator. Ships began unloading at noon.\n",
    );
    let run = s.run(&["conflicts", "c.txt", "d.txt"]);
    run.success();
    assert_eq!(
        run.stdout,
        "speaker · speaker of “We have won back every shift we lost” (story 1)
  c  Mara Olsund    “We have won back every shift we lost”
  d  Tomas Ferreby  “We have won back every shift we lost”

1 disagreement in 2 articles (1 story)
"
    );
}
