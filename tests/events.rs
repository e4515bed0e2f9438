//! Events and the timeline: sentences with dates, the people they name, and one entry per
//! happening across articles.

use chrono::NaiveDate;
use juxta::analysis::extract::{ActorsAndEvents, Extraction, assemble, extract};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn people(articles: &[(&str, Option<NaiveDate>)]) -> ActorsAndEvents {
    let ex: Vec<Extraction> = articles.iter().map(|(t, d)| extract(t, *d)).collect();
    let pairs: Vec<(&str, &Extraction)> = articles.iter().map(|(t, _)| *t).zip(&ex).collect();
    assemble(&pairs, &BTreeMap::new())
}

#[test]
fn an_event_is_a_dated_sentence_with_its_people() {
    let text = "Judge Anna Brenner ruled on Tuesday. Nobody spoke. \
                Attorney Paul Okafor will appeal next week, Brenner said.";
    let p = people(&[(text, Some(ymd(2025, 3, 14)))]);
    assert_eq!(p.events.len(), 2);
    let e = &p.events[0];
    assert_eq!(e.expression, "on Tuesday");
    assert_eq!(e.date.unwrap().label(), "2025-03-11");
    assert_eq!(
        e.sentence.slice(text),
        "Judge Anna Brenner ruled on Tuesday."
    );
    assert_eq!(e.actors, ["Anna Brenner"]);
    let e = &p.events[1];
    assert_eq!(e.expression, "next week");
    assert_eq!(e.actors, ["Paul Okafor", "Anna Brenner"]);
}

#[test]
fn one_happening_in_several_articles_is_one_timeline_entry() {
    let day = Some(ymd(2025, 3, 14));
    let a = "Judge Anna Brenner on Friday ordered the firm to keep its records.";
    let b = "Judge Brenner today ordered Nilsson Holdings to keep its records.";
    let c = "The court sat on Friday. Separately, the mayor opened a bridge on Friday.";
    let d = "Judge Anna Brenner ruled on Tuesday.";
    let p = people(&[(a, day), (b, day), (c, day), (d, day)]);
    let friday: Vec<_> = p
        .timeline
        .iter()
        .filter(|t| t.date.map(|v| v.label()).as_deref() == Some("2025-03-14"))
        .collect();
    // Brenner's ruling (articles 0 and 1) is one entry with two sources; the two other Friday
    // sentences of article 2 share nobody and few words with it or each other.
    assert_eq!(friday.len(), 3);
    let sources: Vec<usize> = friday[0]
        .events
        .iter()
        .map(|&i| p.events[i].article)
        .collect();
    assert_eq!(sources, [0, 1]);
    // Entries run in date order; events in an entry in article order.
    let dates: Vec<String> = p.timeline.iter().map(|t| t.date.unwrap().label()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
}

#[test]
fn unresolved_events_come_last() {
    let p = people(&[
        ("The port opened in 1998. It closed on Tuesday.", None),
        ("The port was rebuilt in 2005.", Some(ymd(2025, 3, 14))),
    ]);
    let labels: Vec<Option<String>> = p.events.iter().map(|e| e.date.map(|d| d.label())).collect();
    assert_eq!(
        labels,
        [Some("1998".to_string()), Some("2005".to_string()), None]
    );
    assert_eq!(p.timeline.last().unwrap().date, None);
}

#[test]
fn samples_resignation_reported_by_five_outlets_is_one_entry() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let (articles, errors) = juxta::import::articles_from_paths(&[root], &Default::default());
    assert!(errors.is_empty());
    let pairs: Vec<(&str, Option<NaiveDate>)> =
        articles.iter().map(|a| (a.text.as_str(), a.date)).collect();
    let p = people(&pairs);
    let thursday = p
        .timeline
        .iter()
        .find(|t| t.date.map(|v| v.label()).as_deref() == Some("2025-03-13") && t.events.len() > 1)
        .expect("an entry for the resignation");
    let ids: Vec<&str> = thursday
        .events
        .iter()
        .map(|&i| articles[p.events[i].article].id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "01-wire",
            "02-newspaper",
            "03-summary",
            "04-followup",
            "06-wide"
        ]
    );
    for &i in &thursday.events {
        assert!(
            p.events[i]
                .actors
                .contains(&"Inês Valadares-Pinto".to_string())
        );
    }
}

#[test]
fn one_happening_dated_differently_by_two_outlets_is_one_conflicting_entry() {
    let a = "Inspectors found deep cracks in the Korvel dam spillway in 2015, the water \
             board said.";
    let b = "Inspectors found deep cracks in the Korvel dam spillway two years ago, the \
             water board said on Monday.";
    let c = "The water board elected a new chair in 2015.";
    let p = people(&[
        (a, Some(ymd(2018, 6, 1))),
        (b, Some(ymd(2018, 6, 1))),
        (c, Some(ymd(2018, 6, 1))),
    ]);
    let crack = p
        .timeline
        .iter()
        .find(|t| t.events.len() == 2)
        .expect("the cracks reported twice are one entry");
    assert!(crack.conflict);
    let when: Vec<(usize, String)> = crack
        .events
        .iter()
        .map(|&i| (p.events[i].article, p.events[i].date.unwrap().label()))
        .collect();
    assert_eq!(when, [(0, "2015".to_string()), (1, "2016".to_string())]);
    // The other 2015 event and the Monday of the second report stand alone, without conflict.
    assert!(
        p.timeline
            .iter()
            .filter(|t| t.events.len() == 1)
            .all(|t| !t.conflict)
    );
}

#[test]
fn two_dates_in_one_sentence_are_two_happenings() {
    let a = "The judge ruled on Friday that the hearing of the Korvel case opens on April 7.";
    let b = "The judge ruled today that the hearing of the Korvel case opens on April 7.";
    let p = people(&[(a, Some(ymd(2025, 3, 14))), (b, Some(ymd(2025, 3, 14)))]);
    assert!(p.timeline.iter().all(|t| !t.conflict));
    assert_eq!(p.timeline.len(), 2);
}

#[test]
fn one_happening_retold_in_other_words_and_dated_differently_is_one_conflict() {
    // One outlet dates it relative to publication, the other by year; the wording differs
    // ("pictured grabbing" / "grabbed"), but the person and several words are shared.
    let a = "Lena Varga made news two years ago when she was pictured grabbing a guard who \
             tried to detain her younger brother.";
    let b = "Lena Varga drew attention in the past, most famously in 2015 when she grabbed a \
             guard's arm as he held her brother during an attempted detention.";
    let p = people(&[(a, Some(ymd(2018, 1, 1))), (b, Some(ymd(2018, 1, 1)))]);
    let entry = p
        .timeline
        .iter()
        .find(|t| t.events.len() == 2)
        .expect("the two retellings are one entry");
    assert!(entry.conflict);
    // Another happening of the same person a year apart, sharing only her name: apart.
    let c = "Lena Varga won a regional chess prize two years ago at a school tournament.";
    let p = people(&[(c, Some(ymd(2018, 1, 1))), (b, Some(ymd(2018, 1, 1)))]);
    assert!(
        p.timeline
            .iter()
            .all(|t| t.events.len() == 1 && !t.conflict)
    );
}
