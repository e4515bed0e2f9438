//! Every attribution form and every drift case, on invented articles.

use super::*;
use crate::analysis::extract::{self, Extraction};
use std::collections::BTreeMap;

fn run(texts: &[&str]) -> Quotes {
    let xs: Vec<Extraction> = texts.iter().map(|t| extract::extract(t, None)).collect();
    let pairs: Vec<(&str, &Extraction)> = texts.iter().copied().zip(&xs).collect();
    let found = extract::assemble(&pairs, &BTreeMap::new());
    analyse(texts, &found.actors)
}

/// (quoted words, speaker) of each quotation of one article.
fn said(text: &str) -> Vec<(String, Option<String>)> {
    run(&[text])
        .quotations
        .iter()
        .map(|q| (q.text(text), q.speaker.as_ref().map(|s| s.name.clone())))
        .collect()
}

fn by(q: &str, s: &str) -> (String, Option<String>) {
    (q.to_string(), Some(s.to_string()))
}

#[test]
fn name_then_said_and_said_then_name() {
    let t = "The ferry left late.\n“The engines were cold,” Marta Okonkwo said.\n\
             “We waited for the tide,” said Tobias Lindqvist, the harbour pilot.";
    assert_eq!(
        said(t),
        [
            by("The engines were cold", "Marta Okonkwo"),
            by("We waited for the tide", "Tobias Lindqvist")
        ]
    );
}

#[test]
fn says_told_added_wrote_asked() {
    let t = "Engineer Priya Ramaswamy inspected the hull.\n\
             “It will hold,” Ramaswamy says.\n\
             “The welds are sound,” Ramaswamy told the Coastal Gazette.\n\
             “Nobody was hurt,” she added.\n\
             “Why did it tilt?” asked Council member Joaquim Ferreira-Lobo.\n\
             “Repairs begin Monday,” Ferreira-Lobo wrote on his blog.";
    assert_eq!(
        said(t),
        [
            by("It will hold", "Priya Ramaswamy"),
            by("The welds are sound", "Priya Ramaswamy"),
            by("Nobody was hurt", "Priya Ramaswamy"),
            by("Why did it tilt?", "Joaquim Ferreira-Lobo"),
            by("Repairs begin Monday", "Joaquim Ferreira-Lobo"),
        ]
    );
}

#[test]
fn according_to_and_colon() {
    let t = "According to Inspector Hallvard Moen, “the lock gate failed first.”\n\
             The dock will reopen, according to Moen, who said it was “a matter of days.”\n\
             Moen: “We have the parts.”";
    assert_eq!(
        said(t),
        [
            by("the lock gate failed first.", "Hallvard Moen"),
            by("a matter of days.", "Hallvard Moen"),
            by("We have the parts.", "Hallvard Moen"),
        ]
    );
}

#[test]
fn a_pronoun_is_the_last_named_person_of_its_gender() {
    let t = "Mayor Ingrid Solheim met Mr. Arne Dahl at the quay.\n\
             “We will rebuild,” she said.\n\
             “The money is there,” he said.";
    assert_eq!(
        said(t),
        [
            by("We will rebuild", "Ingrid Solheim"),
            by("The money is there", "Arne Dahl")
        ]
    );
}

#[test]
fn a_role_is_the_person_the_article_gives_it() {
    let t = "The company's spokeswoman, Leontyne Varga, confirmed the delay.\n\
             Later the spokeswoman said the ships were “safe in port.”\n\
             A senior official said the cranes were “beyond repair.”\n\
             “No one saw it coming,” the official said.";
    assert_eq!(
        said(t),
        [
            by("safe in port.", "Leontyne Varga"),
            by("beyond repair.", "senior official"),
            by("No one saw it coming", "senior official"),
        ]
    );
}

#[test]
fn partial_quotes_inside_a_sentence() {
    let t = "Dr. Kwame Asante called the report “deeply flawed” and said its authors had \
             ignored “every warning we gave.”";
    assert_eq!(
        said(t),
        [
            by("deeply flawed", "Kwame Asante"),
            by("every warning we gave.", "Kwame Asante")
        ]
    );
}

#[test]
fn a_quotation_split_by_its_attribution_is_one() {
    let t =
        "“The river rose overnight,” said Governor Elsa Brandvold. “By dawn the road was gone.”";
    let q = run(&[t]);
    assert_eq!(q.quotations.len(), 1);
    let only = &q.quotations[0];
    assert_eq!(
        only.text(t),
        "The river rose overnight By dawn the road was gone."
    );
    assert_eq!(
        only.pieces,
        [Span::new(3, 27), Span::new(65, 91)],
        "{:?}",
        only.pieces.iter().map(|p| p.slice(t)).collect::<Vec<_>>()
    );
    assert_eq!(only.span, Span::new(3, 91));
    assert_eq!(only.speaker.as_ref().unwrap().name, "Elsa Brandvold");
}

#[test]
fn a_quotation_over_paragraphs() {
    let t = "Captain Rosalind Achterberg described the night.\n\
             “We lost power at two. The pumps stopped.\n\
             “Then the lights came back,” she said.";
    let q = run(&[t]);
    assert_eq!(q.quotations.len(), 1);
    assert_eq!(
        q.quotations[0].text(t),
        "We lost power at two. The pumps stopped. Then the lights came back"
    );
    assert_eq!(
        q.quotations[0].speaker.as_ref().unwrap().name,
        "Rosalind Achterberg"
    );
}

#[test]
fn a_paragraph_that_is_only_a_quotation_goes_on_with_the_speaker() {
    let t = "“We had no warning,” farmer Bartholomew Nkemelu said.\n\
             “The water came through the barn in minutes and took the feed.”";
    assert_eq!(
        said(t),
        [
            by("We had no warning", "Bartholomew Nkemelu"),
            by(
                "The water came through the barn in minutes and took the feed.",
                "Bartholomew Nkemelu"
            )
        ]
    );
}

#[test]
fn scare_quotes_without_a_speaker_are_not_quotations() {
    assert!(said("The plan, called “Blue Harbour”, was dropped.").is_empty());
}

const WIRE: &str = "Flooding closed the coast road on Tuesday.\n\
    “We have never seen the river this high, and we expect it to rise again tonight,” \
    Mayor Henrike Vollmer told reporters.";
const CURLY_CUT: &str = "The coast road is shut.\n\
    Mayor Henrike Vollmer said she had “never seen the river this high.”";
const STRAIGHT_DRIFT: &str = "Officials shut the coast road.\n\
    \"We have never seen the river so high, and we expect it to rise again tonight,\" \
    Vollmer said.";
const WRONG_SPEAKER: &str = "The coast road is closed.\n\
    'We have never seen the river this high, and we expect it to rise again tonight,' \
    said fire chief Oskar Lindahl.";

#[test]
fn one_group_across_marks_cuts_and_drift() {
    let texts = [WIRE, CURLY_CUT, STRAIGHT_DRIFT, WRONG_SPEAKER];
    let q = run(&texts);
    assert_eq!(q.groups.len(), 1, "{:?}", q.groups);
    let g = &q.groups[0];
    assert_eq!(g.articles, [0, 1, 2, 3]);
    assert_eq!(g.speaker.as_ref().unwrap().name, "Henrike Vollmer");
    assert!(g.speakers_disagree);
    let drift: Vec<(usize, &str, bool, bool)> = g
        .drift
        .iter()
        .map(|d| {
            let m = &q.quotations[g.mentions[d.mention]];
            (m.article, d.diff.as_str(), d.cut, d.changed)
        })
        .collect();
    assert_eq!(
        drift,
        [
            (1, "… never seen the river this high …", true, false),
            (
                2,
                "We have never seen the river [-this-]{+so+} high, and we expect it to rise again tonight",
                false,
                true
            ),
        ]
    );
}

#[test]
fn different_quotations_stay_apart() {
    let a = "“The bridge will open in May,” said engineer Ulla Margrethe Krogh.";
    let b = "“The tunnel will close in June,” said engineer Ulla Margrethe Krogh.";
    assert_eq!(run(&[a, b]).groups.len(), 2);
}

#[test]
fn exact_offsets_of_a_quotation() {
    let t = "Coach Mikkel Oyelaran said: “Keep the gate shut.”";
    let q = run(&[t]);
    assert_eq!(q.quotations[0].span, Span::new(31, 50));
    assert_eq!(q.quotations[0].span.slice(t), "Keep the gate shut.");
    assert_eq!(
        q.quotations[0].speaker.as_ref().unwrap().name,
        "Mikkel Oyelaran"
    );
}

#[test]
fn a_day_or_a_language_is_not_a_speaker() {
    assert_eq!(
        said("“We have had enough of this,” said Monday's editorial."),
        [("We have had enough of this".to_string(), None)]
    );
    assert_eq!(
        said("“Nobody will forget them,” said German banners at the gate."),
        [("Nobody will forget them".to_string(), None)]
    );
}

#[test]
fn a_short_phrase_inside_two_different_quotations_does_not_join_them() {
    let a =
        "“Blue Harbour changed how this city sees its docks,” said director Anneliese Borkowski.";
    let b = "“Nobody expected Blue Harbour to run for ten years,” said producer Teodor Wilczek.";
    let c = "Critic Ramona Feldkirch called it “Blue Harbour” in her review, saying it was new.";
    let q = run(&[a, b, c]);
    let carried: Vec<Vec<usize>> = q.groups.iter().map(|g| g.articles.clone()).collect();
    assert_eq!(carried, [vec![0], vec![1], vec![2]]);
}

#[test]
fn a_short_phrase_joins_the_one_quotation_it_is_part_of() {
    let a = "“Whoever planned this ignored its political dimension entirely,” said Senator Oluwaseun Adeyemi-Hart.";
    let b = "Adeyemi-Hart said the plan ignored the “political dimension” of the dispute.";
    let q = run(&[a, b]);
    assert_eq!(q.groups.len(), 1, "{:?} {:?}", q.quotations, q.groups);
    assert_eq!(q.groups[0].articles, [0, 1]);
    assert!(!q.groups[0].speakers_disagree);
}

#[test]
fn the_last_word_of_a_run_of_role_words_is_the_role() {
    assert_eq!(
        said("The prime minister said the port would reopen “as soon as it is safe.”"),
        [by("as soon as it is safe.", "prime minister")]
    );
}

#[test]
fn a_group_that_breaks_into_a_chorus_speaks_its_quotation() {
    let t = "At the gate, Ingeborg Straume heard her fellow travellers break into a chorus of \
             sighs, nervous jokes and “not again”s when the delay was announced.";
    assert_eq!(said(t), [by("not again", "travellers")]);
}

#[test]
fn a_crowd_that_chants_or_sings_speaks_its_quotation() {
    let t = "Mayor Ottilie Brandstrup left the hall.\n\
             The angry crowd chanted: “Open the bridge!”\n\
             “We will not move,” the marchers sang as they passed.\n\
             Supporters greeted her with cries of “Shame!” at the station.";
    assert_eq!(
        said(t),
        [
            by("Open the bridge!", "crowd"),
            by("We will not move", "marchers"),
            by("Shame!", "supporters"),
        ]
    );
}

#[test]
fn a_far_cry_is_no_voice_and_the_speech_verb_still_speaks() {
    let t = "Lawyer Annika Rosendahl said the ruling was a far cry from “justice served.”";
    assert_eq!(said(t), [by("justice served.", "Annika Rosendahl")]);
}

#[test]
fn as_someone_phrased_or_put_it() {
    let t = "Engineer Sigrun Halvorsen inspected the dam.\n\
             The repairs would mean “a summer without water,” in the valley, as Halvorsen \
             phrased it.\n\
             It was, as Halvorsen put it, “the price of waiting.”";
    assert_eq!(
        said(t),
        [
            by("a summer without water", "Sigrun Halvorsen"),
            by("the price of waiting.", "Sigrun Halvorsen"),
        ]
    );
}

#[test]
fn said_an_organisation_s_founder_is_the_founder() {
    let t = "“We will sell the car online,” said Google founder Kasimir Delacroix-Ngata \
             in a speech.";
    assert_eq!(
        said(t),
        [by("We will sell the car online", "Kasimir Delacroix-Ngata")]
    );
}
