//! Shared facts between independent reports: one invented event (a van hits a bus shelter)
//! told by three outlets in their own words (tests/data/facts). The annotations below say
//! which sentences state the same fact, and which have no counterpart; the sentence (fact)
//! layer is calibrated on them.

use juxta::analysis::overlap::{Alignment, OverlapConfig, PassageKind, align, describe_evidence};
use std::path::PathBuf;

fn read(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/facts")
        .join(name);
    std::fs::read_to_string(path).expect("test article")
}

/// Fact pairs: (left article, right article, start of the left sentence, of the right one).
const FACTS: &[(&str, &str, &str, &str)] = &[
    (
        "a-wire.txt",
        "b-daily.txt",
        "Police in Corvale arrested",
        "Authorities detained",
    ),
    (
        "a-wire.txt",
        "b-daily.txt",
        "Police in Corvale arrested",
        "Twelve people were hurt",
    ),
    (
        "a-wire.txt",
        "b-daily.txt",
        "Firefighters spent three hours",
        "Rescue crews needed",
    ),
    (
        "a-wire.txt",
        "b-daily.txt",
        "The shelter's glass panels",
        "Witnesses said the glass",
    ),
    (
        "a-wire.txt",
        "b-daily.txt",
        "Mayor Ilse Varga called",
        "Mayor Ilse Varga described",
    ),
    (
        "a-wire.txt",
        "b-daily.txt",
        "Harbour Road will remain",
        "Harbour Road stays closed",
    ),
    (
        "a-wire.txt",
        "c-brief.txt",
        "Police in Corvale arrested",
        "A man aged 42",
    ),
    (
        "b-daily.txt",
        "c-brief.txt",
        "Authorities detained",
        "A man aged 42",
    ),
    (
        "b-daily.txt",
        "c-brief.txt",
        "Twelve people were hurt",
        "A man aged 42",
    ),
    (
        "d-wire.txt",
        "e-local.txt",
        "Ferry runs aground",
        "The Tessel Island ferry struck",
    ),
    (
        "d-wire.txt",
        "e-local.txt",
        "A passenger ferry ran aground",
        "The Tessel Island ferry struck",
    ),
    // One sentence of the wire tells what the local paper tells in two.
    (
        "d-wire.txt",
        "e-local.txt",
        "A passenger ferry ran aground",
        "Lifeboat crews took all 37",
    ),
    (
        "d-wire.txt",
        "e-local.txt",
        "No one was seriously injured",
        "Two pensioners were taken",
    ),
    (
        "d-wire.txt",
        "e-local.txt",
        "The operator, Lindqvist Lines, suspended",
        "Lindqvist Lines has halted",
    ),
    (
        "d-wire.txt",
        "e-local.txt",
        "\"We will not sail again",
        "Maren Holt, the company's chief executive",
    ),
    (
        "d-wire.txt",
        "e-local.txt",
        "Investigators from the national",
        "Maritime investigators began",
    ),
    (
        "d-wire.txt",
        "e-local.txt",
        "The channel has been silting",
        "Local pilots have complained",
    ),
    (
        "d-wire.txt",
        "e-local.txt",
        "It was the first grounding",
        "No passenger ship had gone aground",
    ),
    (
        "d-wire.txt",
        "e-local.txt",
        "The ferry carries about 90,000",
        "Around 90,000 passengers use",
    ),
    // The same sentence's second fact, told apart, shares less: it scores well below the
    // first partner and is linked all the same.
    (
        "d-wire.txt",
        "e-local.txt",
        "The ferry carries about 90,000",
        "The island's 1,200 residents",
    ),
    (
        "d-wire.txt",
        "e-local.txt",
        "Islanders will be taken across",
        "A chartered boat will carry",
    ),
];

/// Sentences no other report carries.
const UNSHARED: &[(&str, &str)] = &[
    ("a-wire.txt", "Corvale has about 18,000 inhabitants"),
    ("a-wire.txt", "The driver, from the nearby village"),
    ("b-daily.txt", "The van belonged to a bakery supplier"),
    ("c-brief.txt", "The town's football club"),
    ("d-wire.txt", "The vessel, the Arne Kolvik"),
    ("d-wire.txt", "Lindqvist Lines, founded in 1952"),
    ("d-wire.txt", "The weather at the time"),
    ("d-wire.txt", "The tide was falling"),
    ("e-local.txt", "Skipper Jonas Ekdal"),
    ("e-local.txt", "The ferry was built in 1998"),
    ("e-local.txt", "A tug is expected"),
];

const PAIRS: &[(&str, &str)] = &[
    ("a-wire.txt", "b-daily.txt"),
    ("a-wire.txt", "c-brief.txt"),
    ("b-daily.txt", "c-brief.txt"),
    ("d-wire.txt", "e-local.txt"),
];

/// The byte range of the sentence (paragraph) of `text` that starts with `start`.
fn sentence(text: &str, start: &str) -> std::ops::Range<usize> {
    let at = text
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} in the text"));
    let end = text[at..].find('\n').map_or(text.len(), |e| at + e);
    at..end
}

/// Share of `range`'s bytes that `span` covers.
fn cover(span: juxta::analysis::Span, range: &std::ops::Range<usize>) -> f64 {
    let (a, b) = (span.start.max(range.start), span.end.min(range.end));
    b.saturating_sub(a) as f64 / (range.end - range.start) as f64
}

fn alignment(l: &str, r: &str) -> (String, String, Alignment) {
    let (lt, rt) = (read(l), read(r));
    let a = align(&lt, &rt, &OverlapConfig::default());
    (lt, rt, a)
}

/// Whether one passage covers at least 40 % of both sentences (as the fact scorer counts).
fn linked(lt: &str, rt: &str, a: &Alignment, ls: &str, rs: &str) -> bool {
    let (x, y) = (sentence(lt, ls), sentence(rt, rs));
    a.passages
        .iter()
        .any(|p| cover(p.left, &x) >= 0.4 && cover(p.right, &y) >= 0.4)
}

#[test]
fn facts_told_in_other_words_are_linked() {
    let mut missed = Vec::new();
    for &(l, r, ls, rs) in FACTS {
        let (lt, rt, a) = alignment(l, r);
        if !linked(&lt, &rt, &a, ls, rs) {
            missed.push((ls, rs));
        }
    }
    // Two are missed on purpose. "injuring twelve people" shares one figure and a synonym
    // with "Twelve people were hurt", too little to link sentences at the precision wanted.
    // "suspended all crossings ... while the hull is inspected" and "has halted the service
    // until the ship's hull has been checked" share the company's name, one word and two
    // synonyms: names and synonyms alone would link every two sentences about one company.
    assert_eq!(
        missed,
        [
            ("Police in Corvale arrested", "Twelve people were hurt"),
            (
                "The operator, Lindqvist Lines, suspended",
                "Lindqvist Lines has halted"
            ),
        ]
    );
}

#[test]
fn every_link_is_an_annotated_fact() {
    for &(l, r) in PAIRS {
        let (lt, rt, a) = alignment(l, r);
        for p in &a.passages {
            let ok = FACTS.iter().filter(|f| f.0 == l && f.1 == r).any(|f| {
                cover(p.left, &sentence(&lt, f.2)) > 0.0
                    && cover(p.right, &sentence(&rt, f.3)) > 0.0
            });
            assert!(
                ok,
                "{l} ~ {r}: {:?} / {:?}",
                p.left.slice(&lt),
                p.right.slice(&rt)
            );
        }
    }
}

#[test]
fn sentences_without_a_counterpart_stay_unlinked() {
    for &(l, r) in PAIRS {
        let (lt, rt, a) = alignment(l, r);
        for &(name, start) in UNSHARED {
            let (text, left) = if name == l {
                (&lt, true)
            } else if name == r {
                (&rt, false)
            } else {
                continue;
            };
            let s = sentence(text, start);
            for p in &a.passages {
                let span = if left { p.left } else { p.right };
                assert_eq!(
                    cover(span, &s),
                    0.0,
                    "{name}: {start:?} linked in {l} ~ {r}"
                );
            }
        }
    }
}

/// The evidence a reader sees for the link between two annotated sentences.
fn evidence(l: &str, r: &str, ls: &str, rs: &str) -> (PassageKind, String) {
    let (lt, rt, a) = alignment(l, r);
    let (x, y) = (sentence(&lt, ls), sentence(&rt, rs));
    let p = a
        .passages
        .iter()
        .find(|p| cover(p.left, &x) >= 0.4 && cover(p.right, &y) >= 0.4)
        .unwrap_or_else(|| panic!("{ls:?} ~ {rs:?} linked"));
    (p.kind, describe_evidence(&p.evidence, &lt, &rt))
}

#[test]
fn the_evidence_names_figures_in_both_spellings() {
    assert_eq!(
        evidence(
            "a-wire.txt",
            "b-daily.txt",
            "The shelter's glass panels",
            "Witnesses said the glass"
        ),
        (
            PassageKind::Paraphrase,
            "same figure: 30 cm ~ 30 centimetres · same words: shelter's ~ shelter, glass, thick"
                .to_string()
        )
    );
    assert_eq!(
        evidence(
            "a-wire.txt",
            "b-daily.txt",
            "Firefighters spent three hours",
            "Rescue crews needed"
        ),
        (
            PassageKind::Paraphrase,
            "same figures: three hours ~ 3 hours, two · same words: freeing ~ free, shelter's ~ \
             shelter, roof"
                .to_string()
        )
    );
    let (_, ages) = evidence(
        "b-daily.txt",
        "c-brief.txt",
        "Authorities detained",
        "A man aged 42",
    );
    assert!(
        ages.starts_with("same figure: 42-year-old ~ aged 42 · "),
        "{ages}"
    );
}

#[test]
fn a_shared_quotation_links_its_sentences_and_is_named() {
    let (kind, why) = evidence(
        "a-wire.txt",
        "b-daily.txt",
        "Mayor Ilse Varga called",
        "Mayor Ilse Varga described",
    );
    assert_eq!(kind, PassageKind::Quote);
    assert_eq!(
        why,
        "same quote: a terrible morning for our town · same actors: Mayor, Ilse, Varga"
    );
}

// ---------------------------------------------------------------------------------------------
// Shared quotations: whole in both reports, however short, cut by one outlet, or printed
// without quotation marks by the other.

/// The (kind, left text, right text) of every passage.
fn passages(left: &str, right: &str) -> Vec<(PassageKind, String, String)> {
    align(left, right, &OverlapConfig::default())
        .passages
        .iter()
        .map(|p| {
            (
                p.kind,
                p.left.slice(left).to_string(),
                p.right.slice(right).to_string(),
            )
        })
        .collect()
}

#[test]
fn a_short_quotation_links_the_long_sentences_that_hold_it() {
    // Two words quoted in both, a small part of each sentence: the passage is both sentences.
    let left = "The ferry captain, who had steered the vessel through the storm for nine hours \
                before reaching the eastern pier at dawn, said his crew was \"deeply shaken\" \
                but unhurt.\n\nThe port reopened on Monday.";
    let right = "Speaking from the quay where dozens of relatives had waited through the night, \
                 the harbour master described the sailors as “deeply shaken”.\n\nA new timetable \
                 starts next week.";
    let found = passages(left, right);
    assert_eq!(
        found,
        [(
            PassageKind::Quote,
            "The ferry captain, who had steered the vessel through the storm for nine hours \
             before reaching the eastern pier at dawn, said his crew was \"deeply shaken\" but \
             unhurt"
                .to_string(),
            "Speaking from the quay where dozens of relatives had waited through the night, the \
             harbour master described the sailors as “deeply shaken"
                .to_string()
        )]
    );
    let a = align(left, right, &OverlapConfig::default());
    assert_eq!(
        describe_evidence(&a.passages[0].evidence, left, right),
        "same quote: deeply shaken · same word: pier ~ quay"
    );
}

#[test]
fn a_quotation_over_two_sentences_links_both_to_the_one_that_holds_it() {
    // One outlet prints the statement as two sentences, the other as one: the passage holds
    // both sentences of the first.
    let left = "Residents gathered outside the flooded school.\n\n“We lost everything in an hour. \
                The river simply came through the walls,” said a teacher, Mara Dost.\n\nThe \
                council promised help.";
    let right = "A teacher at the school, whose classroom was destroyed, told the local radio \
                 station: “We lost everything in an hour; the river simply came through the \
                 walls.”\n\nRepairs could take months.";
    let found = passages(left, right);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].1,
        "We lost everything in an hour. The river simply came through the walls,” said a \
         teacher, Mara Dost"
    );
    assert_eq!(
        found[0].2,
        "A teacher at the school, whose classroom was destroyed, told the local radio station: \
         “We lost everything in an hour; the river simply came through the walls"
    );
}

#[test]
fn a_quotation_printed_without_marks_by_the_other_outlet_is_linked() {
    // One report embeds the post as plain text, the other quotes it; each also has what the
    // other lacks around it.
    let left = "The museum director wrote on social media: the north wing will stay closed to \
                visitors while engineers inspect the cracked roof beams.\n\nTickets will be \
                refunded.";
    let right = "In a short message the director said that “the north wing will stay closed to \
                 visitors while engineers inspect the cracked roof beams,” without giving a \
                 date.\n\nThe gift shop stays open.";
    let found = passages(left, right);
    assert!(
        found.iter().any(|(k, l, r)| *k != PassageKind::Paraphrase
            && l.starts_with("The museum director wrote")
            && r.starts_with("In a short message")
            && r.ends_with("without giving a date")),
        "{found:#?}"
    );
}

#[test]
fn a_statement_quoted_twice_in_one_report_is_linked_at_both_places() {
    // The left report quotes the statement in its first line and again in full; both places
    // are linked to the right report's single quotation.
    let left = "The coach called the defeat \"the worst night of my career\" after the match.\n\n\
                Later he repeated it: \"Again, this is the worst night of my career, and I take \
                the blame.\"";
    let right = "Visibly upset, the coach told reporters: “It is the worst night of my career.”\
                 \n\nThe club meets on Friday.";
    let found = passages(left, right);
    let lefts: Vec<&str> = found.iter().map(|f| f.1.as_str()).collect();
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        lefts[0].starts_with("The coach called the defeat"),
        "{lefts:?}"
    );
    assert!(lefts[1].starts_with("Later he repeated it"), "{lefts:?}");
    assert!(
        found.iter().all(|f| f.2
            == "Visibly upset, the coach told reporters: “It is the worst night of my career"),
        "{found:#?}"
    );
}

#[test]
fn a_short_common_word_in_quotation_marks_links_nothing() {
    // A quoted "no" or a scare-quoted word of two reports on different things is no statement.
    let left = "Asked whether the bridge would reopen, the engineer said \"no\" and left.";
    let right = "Voters said \"no\" to the new parking fees in a referendum on Sunday.";
    assert!(passages(left, right).is_empty());
}

fn article(id: &str, text: &str) -> juxta::article::Article {
    juxta::article::Article {
        id: id.to_string(),
        title: id.to_string(),
        source: id.to_string(),
        authors: Vec::new(),
        date: None,
        url: None,
        text: text.to_string(),
        hash: juxta::article::content_hash(text),
        imported_at: chrono::DateTime::UNIX_EPOCH,
        file_name: format!("{id}.txt"),
    }
}

#[test]
fn every_export_names_a_quotation_link() {
    use juxta::export::{AlignedPair, Format, RenderOptions, render};
    let l = article(
        "left",
        "The ferry captain, who had steered the vessel through the storm for nine hours, said \
         his crew was \"deeply shaken\" but unhurt.",
    );
    let r = article(
        "right",
        "Speaking from the quay, the harbour master described the sailors as “deeply shaken”.",
    );
    let alignment = align(&l.text, &r.text, &OverlapConfig::default());
    let pair = AlignedPair {
        left: &l,
        right: &r,
        alignment: &alignment,
        first_in: &[],
    };
    let opts = RenderOptions::default();
    let json: serde_json::Value =
        serde_json::from_str(&render(&pair, Format::Json, &opts)).expect("JSON");
    assert_eq!(json["passages"][0]["kind"], "quote");
    let item = &json["passages"][0]["evidence"]["items"][0];
    assert_eq!(item["kind"], "quote");
    assert_eq!(item["left_text"], "deeply shaken");
    let text = render(&pair, Format::Text, &opts);
    assert!(
        text.contains("1 passage (0 exact, 0 near, 0 paraphrase, 1 quote)"),
        "{text}"
    );
    assert!(text.contains("[1“ The ferry captain"), "{text}");
    assert!(text.contains("[1“] quote:"), "{text}");
    let md = render(&pair, Format::Markdown, &opts);
    assert!(
        md.contains("**Shared passages:** 1 (0 exact, 0 near, 0 paraphrase, 1 quote)"),
        "{md}"
    );
    assert!(md.contains("`“` quote"), "{md}");
    let html = render(&pair, Format::Html, &opts);
    assert!(html.contains("class=\"p quote\""), "{html}");
    assert!(html.contains("1 quote</p>"), "{html}");
}

// ---------------------------------------------------------------------------------------------
// Facts inside long sentences, and headlines.

#[test]
fn a_fact_in_one_clause_of_a_long_sentence_is_linked() {
    // The left sentence tells three things; the right one tells one of them in other words.
    let left = "Lawmakers in the regional assembly approved a revised transport budget late on \
                Thursday after a heated debate; the old ferry terminal on the eastern bank will \
                be demolished in March, while the tram depot stays open until the autumn.\n\n\
                Opposition members walked out before the vote.";
    let right = "Demolition crews will tear down the disused eastern ferry terminal in March, \
                 officials confirmed.\n\nCommuters have used buses since the summer.";
    let found = passages(left, right);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, PassageKind::Paraphrase);
    assert!(found[0].1.starts_with("Lawmakers in the regional assembly"));
    assert_eq!(
        found[0].2,
        "Demolition crews will tear down the disused eastern ferry terminal in March, officials \
         confirmed"
    );
}

#[test]
fn the_words_of_a_title_case_headline_are_not_names() {
    // Every word of the headline is capitalised; its words still count as words, so the
    // headline links to the sentence that states its fact.
    let left = "Storm Floods Riverside Bakery As River Bursts Banks\n\nThe owner said insurance \
                would cover the repairs.";
    let right = "A storm flooded a riverside bakery overnight when the river burst its banks near \
                 the old mill.\n\nThe town hall has opened a shelter.";
    let found = passages(left, right);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].1,
        "Storm Floods Riverside Bakery As River Bursts Banks"
    );
}

#[test]
fn an_age_shared_with_a_name_tells_who_not_what() {
    // Both reports introduce the same woman with her age, on the same day; one says her
    // photographs were shared, the other that she was appointed: two facts about one person.
    let left = "Photographs of 34-year-old Marta Ilves were shared online by her brother on \
                Friday.\n\nThe harbour festival opens next week with a regatta.";
    let right = "Marta Ilves, 34, was named director of the harbour festival on Friday.\n\nThe \
                 regatta opens the harbour festival next week.";
    let found = passages(left, right);
    assert!(
        !found
            .iter()
            .any(|p| p.1.starts_with("Photographs") && p.2.starts_with("Marta Ilves")),
        "{found:#?}"
    );
    // The age still counts as a figure for what the two sentences state alike.
    let right = "Her brother shared photographs of Marta Ilves, 34, online on Friday.\n\nThe \
                 regatta opens the harbour festival next week.";
    let found = passages(left, right);
    assert!(
        found
            .iter()
            .any(|p| p.1.starts_with("Photographs") && p.2.starts_with("Her brother")),
        "{found:#?}"
    );
}

#[test]
fn a_sentence_holding_reused_words_also_links_a_fact_told_elsewhere() {
    // The left sentence shares a stretch of words with the first right sentence and also
    // tells the rescue, which the second right sentence tells in other words: it links both.
    let left = "The trawler began sinking after its hull struck a submerged rock off Derran \
                Point late on Saturday, and all six fishermen were winched to safety by a \
                helicopter.\n\nThe harbour authority will inspect the wreck next month.";
    let right = "Its owner said the boat had struck a submerged rock off Derran Point in heavy \
                 fog.\n\nA rescue helicopter winched the six fishermen from the sinking trawler \
                 on Saturday night.\n\nThe fishing season closes in October.";
    let found = passages(left, right);
    let kinds: Vec<(PassageKind, &str)> = found.iter().map(|p| (p.0, p.2.as_str())).collect();
    assert_eq!(
        kinds,
        [
            (
                PassageKind::Paraphrase,
                "Its owner said the boat had struck a submerged rock off Derran Point in heavy \
                 fog"
            ),
            (
                PassageKind::Paraphrase,
                "A rescue helicopter winched the six fishermen from the sinking trawler on \
                 Saturday night"
            )
        ],
        "{found:#?}"
    );
    assert!(found.iter().all(|p| p.1.starts_with("The trawler began")));
}

#[test]
fn a_sentence_mostly_reused_links_only_to_its_source() {
    // The right sentence reprints most of the first left one; the second left sentence tells
    // a smaller toll in one town, with words in common: it is not the same fact.
    let left = "The floods killed 20 people in the valley.\n\nIn the town of Brill, the floods \
                killed 6 people, police said.";
    let right = "Police said the floods killed 20 people in the valley over the weekend.";
    let found = passages(left, right);
    assert!(!found.is_empty(), "{found:#?}");
    assert!(found.iter().all(|p| !p.1.contains("Brill")), "{found:#?}");
}

#[test]
fn a_list_of_the_same_names_links_its_sentences() {
    // Both reports list the same three players and little else: the list is the fact, though
    // all the two share is names and one word.
    let left = "Kessler, who has coached goalkeepers Tomas Rendl, Pavo Marek and Ivo Sandor, was \
                known as a patient teacher.\n\nThe club confirmed his departure on Monday.";
    let right = "He built a name working with goalkeepers, among them Tomas Rendl, Pavo Marek \
                 and Ivo Sandor.\n\nA successor will be named after the season.";
    let found = passages(left, right);
    assert!(
        found
            .iter()
            .any(|p| p.1.starts_with("Kessler, who") && p.2.starts_with("He built")),
        "{found:#?}"
    );
    // One name in both, and nothing else: two things said about one man.
    let right = "Tomas Rendl was sold to a rival club in the spring.\n\nA successor will be \
                 named after the season.";
    let found = passages(left, right);
    assert!(
        !found.iter().any(|p| p.1.starts_with("Kessler, who")),
        "{found:#?}"
    );
}
