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
