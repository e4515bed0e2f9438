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
];

/// Sentences no other report carries.
const UNSHARED: &[(&str, &str)] = &[
    ("a-wire.txt", "Corvale has about 18,000 inhabitants"),
    ("a-wire.txt", "The driver, from the nearby village"),
    ("b-daily.txt", "The van belonged to a bakery supplier"),
    ("c-brief.txt", "The town's football club"),
];

const PAIRS: &[(&str, &str)] = &[
    ("a-wire.txt", "b-daily.txt"),
    ("a-wire.txt", "c-brief.txt"),
    ("b-daily.txt", "c-brief.txt"),
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
    // Two are missed on purpose: "injuring twelve people" shares one figure and a synonym
    // with "Twelve people were hurt", too little to link sentences at the precision wanted.
    assert_eq!(
        missed,
        [
            ("Police in Corvale arrested", "Twelve people were hurt"),
            ("Twelve people were hurt", "A man aged 42"),
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
    assert_eq!(kind, PassageKind::Paraphrase);
    assert_eq!(
        why,
        "same quote: a terrible morning for our town · same actors: Mayor, Ilse, Varga"
    );
}
