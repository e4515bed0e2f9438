//! `juxta quotes` end to end on invented articles: the JSON shape of DESIGN.md with byte
//! offsets, and the text a reader sees.

use serde_json::Value;
use std::process::{Command, Output};

const NORTH: &str = "date 2026-03-02\nFlooding closed the coast road on Tuesday.\n\
“We have never seen the river this high, and we expect it to rise again tonight,” \
Mayor Henrike Vollmer told reporters.\n";
const SOUTH: &str = "date 2026-03-03\nOfficials shut the coast road.\n\
\"We have never seen the river so high, and we expect it to rise again tonight,\" \
Vollmer said.\n";

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("config.toml"), "").unwrap();
        std::fs::write(dir.path().join("north.txt"), NORTH).unwrap();
        std::fs::write(dir.path().join("south.txt"), SOUTH).unwrap();
        Env { dir }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_juxta"))
            .args(args)
            .current_dir(self.dir.path())
            .env("JUXTA_STORE", self.dir.path().join("store"))
            .env("JUXTA_CONFIG", self.dir.path().join("config.toml"))
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }
}

#[test]
fn quotes_json_has_the_design_shape_with_byte_offsets() {
    let env = Env::new();
    let v: Value =
        serde_json::from_str(&env.ok(&["quotes", "--json", "north.txt", "south.txt"])).unwrap();
    let groups = v.as_array().unwrap();
    assert_eq!(groups.len(), 1);
    let g = &groups[0];
    assert_eq!(g["id"], "q1");
    assert_eq!(g["speaker"], "Henrike Vollmer");
    assert_eq!(
        g["text"],
        "We have never seen the river this high, and we expect it to rise again tonight"
    );
    assert_eq!(g["articles"], serde_json::json!(["north", "south"]));
    assert_eq!(g["speakers_disagree"], false);
    let mentions = g["mentions"].as_array().unwrap();
    assert_eq!(mentions.len(), 2);
    // Byte offsets into the stored text (as import stores it: no `date` line).
    let (articles, _) = juxta::import::articles_from_paths(
        &[env.dir.path().join("north.txt")],
        &Default::default(),
    );
    let stored = &articles[0].text;
    let (start, end) = (
        mentions[0]["start"].as_u64().unwrap() as usize,
        mentions[0]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&stored[start..end], g["text"].as_str().unwrap());
    assert_eq!(&stored[start - 3..start], "“");
    assert_eq!(mentions[1]["article"], "south");
    assert_eq!(mentions[1]["speaker"], "Vollmer");
    let drift = g["drift"].as_array().unwrap();
    assert_eq!(drift.len(), 1);
    assert_eq!(drift[0]["article"], "south");
    assert_eq!(
        drift[0]["diff"],
        "We have never seen the river [-this-]{+so+} high, and we expect it to rise again tonight"
    );
}

#[test]
fn quotes_text_names_speaker_outlets_and_drift() {
    let env = Env::new();
    let out = env.ok(&["quotes", "north.txt", "south.txt"]);
    assert_eq!(
        out,
        "q1  Henrike Vollmer  — 2 outlets: north (north.txt), south (south.txt)\n    \
         “We have never seen the river this high, and we expect it to rise again tonight”\n    \
         south: We have never seen the river [-this-]{+so+} high, and we expect it to rise again tonight\n"
    );
}

#[test]
fn every_export_lists_the_shared_quotations_with_speaker_and_drift() {
    let env = Env::new();
    let md = env.ok(&["compare", "north.txt", "south.txt", "--format", "markdown"]);
    let section = &md[md.find("## Quotations").expect("a Quotations section")..];
    assert_eq!(
        section,
        "## Quotations\n\n\
         - **Henrike Vollmer**: “We have never seen the river this high, and we expect it to rise again tonight”\n  \
         - right: “We have never seen the river so high, and we expect it to rise again tonight”\n  \
         - drift: We have never seen the river \\[-this-\\]{+so+} high, and we expect it to rise again tonight\n\n"
    );
    let text = env.ok(&["compare", "north.txt", "south.txt", "--width", "80"]);
    let section = &text[text.find("Quotations both carry").expect("a text section")..];
    assert_eq!(
        section,
        "Quotations both carry (1)\n  \
         1. Henrike Vollmer\n     \
         left:  “We have never seen the river this high, and we expect it to rise\n            \
         again tonight”\n     \
         right: “We have never seen the river so high, and we expect it to rise\n            \
         again tonight”\n     \
         drift: We have never seen the river [-this-]{+so+} high, and we expect it\n            \
         to rise again tonight\n"
    );
    let html = env.ok(&["compare", "north.txt", "south.txt", "--format", "html"]);
    assert!(html.contains("<h2 style=\"margin-top:1.5em\">Quotations</h2>"));
    assert!(html.contains("<td>Henrike Vollmer</td>"));
    let json: Value =
        serde_json::from_str(&env.ok(&["compare", "north.txt", "south.txt", "--format", "json"]))
            .unwrap();
    let q = &json["quotations"][0];
    assert_eq!(q["left_speaker"], "Henrike Vollmer");
    assert_eq!(q["right_speaker"], "Vollmer");
    assert_eq!(q["speakers_disagree"], false);
    assert_eq!(
        q["drift"],
        "We have never seen the river [-this-]{+so+} high, and we expect it to rise again tonight"
    );
}

/// One story told by two outlets, with every attribution form quotations take in real wire
/// copy and features: a company's spokeswoman named once in full and then by role, a
/// columnist, an institution, a person by full name and by surname, a first name alone, a
/// pronoun, a role speaking through a colon, a participle, a chorus of a group and "as X
/// phrased it". Each quotation both carry is one group with its speaker right.
const FERRY_A: &str = "date 2025-11-04\n\
A Nordlys Ferries spokeswoman referred to the animal only as a “passenger” after the crossing.\n\
Ferry captain Oddvar Lunde told the travellers over the speakers: “We will turn back if the goat reaches the bridge.”\n\
“I have sailed for 20 years and never seen a goat on deck,” Lunde said.\n\
Minutes later the captain came on the speakers again and said: “The goat is on the bridge.”\n\
In the lounge, Kristel Aavik heard her fellow travellers break into a chorus of groans, laughter and “are we there yet”s at the news.\n\
“Out of caution the ship returned to port,” the Nordlys Ferries spokeswoman said in a statement.\n\
A columnist in the harbour newspaper said the animal had become “the most famous goat in the fjord”.\n\
The navy said the crew “acted calmly” throughout.\n\
Aavik's brother Jonas called the delay “pure farce” and said he would ask for a refund “before the week is out.”\n\
The crossing was, in the words of passengers, “the end of comfort, order and patience,” as Aavik phrased it.\n";
const FERRY_B: &str = "date 2025-11-05\n\
A Nordlys Ferries spokeswoman referred to the animal only as \"passenger\" on Tuesday.\n\
Ferry captain Oddvar Lunde told the travellers over the speakers: \"We will turn back if the goat reaches the bridge.\"\n\
\"I have sailed for 20 years and I have never seen a goat on deck,\" said Lunde.\n\
Minutes later the captain came on the speakers again and said: \"The goat is on the bridge.\"\n\
In the lounge, Kristel Aavik heard her fellow travellers break into a chorus of groans and \"are we there yet\"s at the news.\n\
\"Out of caution the ship returned to port,\" the Nordlys Ferries spokeswoman said.\n\
A columnist in the harbour newspaper said the animal had become \"the most famous goat in the fjord\".\n\
The navy said the crew \"acted calmly\" throughout.\n\
Jonas called the delay \"pure farce\" and said he would ask for a refund \"before the week is out.\"\n\
Aavik said it was \"the end of comfort, order and patience.\"\n";

#[test]
fn every_quotation_two_outlets_carry_is_one_group_with_its_speaker() {
    let env = Env::new();
    std::fs::write(env.dir.path().join("fa.txt"), FERRY_A).unwrap();
    std::fs::write(env.dir.path().join("fb.txt"), FERRY_B).unwrap();
    let v: Value =
        serde_json::from_str(&env.ok(&["quotes", "--json", "fa.txt", "fb.txt"])).unwrap();
    let shared: Vec<(String, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["articles"].as_array().unwrap().len() == 2)
        .map(|g| {
            (
                g["text"].as_str().unwrap().to_string(),
                g["speaker"].as_str().unwrap_or("?").to_string(),
            )
        })
        .collect();
    let want = [
        ("passenger", "Nordlys Ferries spokeswoman"),
        (
            "We will turn back if the goat reaches the bridge.",
            "Oddvar Lunde",
        ),
        (
            "I have sailed for 20 years and I have never seen a goat on deck",
            "Oddvar Lunde",
        ),
        ("The goat is on the bridge.", "Oddvar Lunde"),
        ("are we there yet", "travellers"),
        (
            "Out of caution the ship returned to port",
            "Nordlys Ferries spokeswoman",
        ),
        ("the most famous goat in the fjord", "columnist"),
        ("acted calmly", "navy"),
        ("pure farce", "Jonas"),
        ("before the week is out.", "Jonas"),
        ("the end of comfort, order and patience", "Kristel Aavik"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(q, s)| (q.to_string(), s.to_string()))
        .collect();
    assert_eq!(shared, want);
}
