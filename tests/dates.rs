//! Dates: every expression form and its normalization against the publication date, tense
//! around a known date, year boundaries, Feb. 29, undated articles, and what is not a date —
//! on invented sentences and on the hand-annotated samples (tests/data/samples-gold.json).

use chrono::NaiveDate;
use juxta::analysis::dates::{DateValue, Precision};
use juxta::analysis::extract::extract;
use juxta::article::Article;
use serde_json::Value;
use std::path::PathBuf;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// (expression, label) of every date found in `text` published on `published`.
fn dates(text: &str, published: Option<NaiveDate>) -> Vec<(String, Option<String>)> {
    extract(text, published)
        .dates
        .iter()
        .map(|d| (d.span.slice(text).to_string(), d.date.map(|v| v.label())))
        .collect()
}

fn check(text: &str, published: NaiveDate, expected: &[(&str, &str)]) {
    let got = dates(text, Some(published));
    let want: Vec<(String, Option<String>)> = expected
        .iter()
        .map(|(e, l)| (e.to_string(), Some(l.to_string())))
        .collect();
    assert_eq!(got, want, "in {text:?}");
}

/// Friday 14 March 2025.
fn friday() -> NaiveDate {
    ymd(2025, 3, 14)
}

#[test]
fn absolute_forms() {
    let p = friday();
    check(
        "Filed on 2025-02-12, dated Feb. 12, 2025, received 12 February 2025, and 12th of \
         February 2025; the war began in February 2022 and the port opened in 1998.",
        p,
        &[
            ("on 2025-02-12", "2025-02-12"),
            ("Feb. 12, 2025", "2025-02-12"),
            ("12 February 2025", "2025-02-12"),
            ("12th of February 2025", "2025-02-12"),
            ("in February 2022", "2022-02"),
            ("in 1998", "1998"),
        ],
    );
    check(
        "The 2014 ouster, since 2019, by mid-2014 and Sept. 3 2021.",
        p,
        &[
            ("2014", "2014"),
            ("since 2019", "2019"),
            ("by mid-2014", "2014"),
            ("Sept. 3 2021", "2021-09-03"),
        ],
    );
}

#[test]
fn weekdays_by_tense_around_a_friday() {
    let p = friday();
    check(
        "The judge ruled on Tuesday. The minister will speak on Tuesday.",
        p,
        &[("on Tuesday", "2025-03-11"), ("on Tuesday", "2025-03-18")],
    );
    check(
        "The union is set to strike on Wednesday. It struck on Wednesday.",
        p,
        &[
            ("on Wednesday", "2025-03-19"),
            ("on Wednesday", "2025-03-12"),
        ],
    );
    check(
        "A rally is planned for Sunday. Talks are scheduled for Thursday.",
        p,
        &[("for Sunday", "2025-03-16"), ("for Thursday", "2025-03-20")],
    );
    // The publication weekday is the publication day, whatever the tense.
    check(
        "She spoke Friday. He will answer on Friday.",
        p,
        &[("Friday", "2025-03-14"), ("on Friday", "2025-03-14")],
    );
    // No cue: the nearest.
    check(
        "The minister faces questions on Monday. Thursday was calm.",
        p,
        &[("on Monday", "2025-03-17"), ("Thursday", "2025-03-13")],
    );
    // Explicit modifiers win over tense.
    check(
        "He testified last Monday and will return next Monday; this Friday is quiet.",
        p,
        &[
            ("last Monday", "2025-03-10"),
            ("next Monday", "2025-03-17"),
            ("this Friday", "2025-03-14"),
        ],
    );
    // A passive after "will be" keeps the future; "was" the past.
    check(
        "He will be questioned on Monday. The memo was confirmed on Tuesday.",
        p,
        &[("on Monday", "2025-03-17"), ("on Tuesday", "2025-03-11")],
    );
    // A possessive weekday, a part of the day, and a weekday with its date.
    check(
        "Tuesday's session ran late; they met on Friday evening and on Friday, March 7.",
        p,
        &[
            ("Tuesday's", "2025-03-11"),
            ("on Friday evening", "2025-03-14"),
            ("on Friday, March 7", "2025-03-07"),
        ],
    );
}

#[test]
fn months_and_month_days_by_tense_and_proximity() {
    let p = ymd(2024, 11, 15);
    check(
        "He met her in September. An election follows in February. \
         Charges are waived until January. It was postponed in November.",
        p,
        &[
            ("in September", "2024-09"),
            ("in February", "2025-02"),
            ("until January", "2025-01"),
            ("in November", "2024-11"),
        ],
    );
    check(
        "The hearing is set for April 7. It opened on March 3 and the collapse came on Feb. 27.",
        friday(),
        &[
            ("for April 7", "2025-04-07"),
            ("on March 3", "2025-03-03"),
            ("on Feb. 27", "2025-02-27"),
        ],
    );
    check(
        "The body was found last March; the vote is next March and this March is busy.",
        friday(),
        &[
            ("last March", "2024-03"),
            ("next March", "2026-03"),
            ("this March", "2025-03"),
        ],
    );
}

#[test]
fn relative_expressions() {
    let p = friday();
    check(
        "It happened yesterday, today and tomorrow; last night and this morning.",
        p,
        &[
            ("yesterday", "2025-03-13"),
            ("today", "2025-03-14"),
            ("tomorrow", "2025-03-15"),
            ("last night", "2025-03-13"),
            ("this morning", "2025-03-14"),
        ],
    );
    check(
        "A strike last week, talks this week, a vote next week; a report next month, \
         reform last month, this year, last year and next year.",
        p,
        &[
            ("last week", "2025-W10"),
            ("this week", "2025-W11"),
            ("next week", "2025-W12"),
            ("next month", "2025-04"),
            ("last month", "2025-02"),
            ("this year", "2025"),
            ("last year", "2024"),
            ("next year", "2026"),
        ],
    );
    check(
        "It began two years ago, nearly three years ago, six months ago, three weeks ago \
         and 10 days ago; earlier this year it resumed.",
        p,
        &[
            ("two years ago", "2023"),
            ("nearly three years ago", "2022"),
            ("six months ago", "2024-09"),
            ("three weeks ago", "2025-02-21"),
            ("10 days ago", "2025-03-04"),
            ("earlier this year", "2025"),
        ],
    );
}

#[test]
fn the_start_of_a_year() {
    // Thursday 2 January 2025, in ISO week 2025-W01 (which starts on 30 December 2024).
    let p = ymd(2025, 1, 2);
    check(
        "They met on Monday, last week, in December and on Dec. 30; the vote is next week, \
         the budget next month, and it was agreed last year.",
        p,
        &[
            ("on Monday", "2024-12-30"),
            ("last week", "2024-W52"),
            ("in December", "2024-12"),
            ("on Dec. 30", "2024-12-30"),
            ("next week", "2025-W02"),
            ("next month", "2025-02"),
            ("last year", "2024"),
        ],
    );
    check(
        "The vote is on Jan. 3; the deal fell apart on Dec. 31.",
        ymd(2024, 12, 31),
        &[("on Jan. 3", "2025-01-03"), ("on Dec. 31", "2024-12-31")],
    );
}

#[test]
fn leap_day() {
    check(
        "The deal was signed on Feb. 29.",
        ymd(2025, 3, 1),
        &[("on Feb. 29", "2024-02-29")],
    );
    check(
        "It was signed on 29 February 2024.",
        ymd(2025, 3, 1),
        &[("on 29 February 2024", "2024-02-29")],
    );
    // There was no 29 February 2023: not a date.
    assert_eq!(
        dates("It was signed on Feb. 29, 2023.", Some(ymd(2025, 3, 1))),
        []
    );
}

#[test]
fn without_a_publication_date_relative_dates_stay_unresolved() {
    let got = dates(
        "On Tuesday the court sat; in March 2022 the war began; last week it rained; \
         in November it snowed; in 2019 it opened.",
        None,
    );
    assert_eq!(
        got,
        [
            ("On Tuesday".to_string(), None),
            ("in March 2022".to_string(), Some("2022-03".to_string())),
            ("last week".to_string(), None),
            ("in November".to_string(), None),
            ("in 2019".to_string(), Some("2019".to_string())),
        ]
    );
}

#[test]
fn durations_ordinals_habits_and_counts_are_not_dates() {
    for text in [
        "a three-year war",
        "It lasted for over three years.",
        "The session lasted 90 minutes.",
        "two weeks after the collapse",
        "Two weeks on, the questions remain.",
        "the conflict's 1,000th day",
        "a 24-hour strike",
        "a survey within fourteen days",
        "ref ZK/2024-11-05/DRAFT and build 2.10.2019",
        "nine days in hospital",
        "the museum opens late on Friday evenings",
        "the Good Friday Agreement and Super Tuesday",
        "every Monday",
        "some 2000 soldiers and 1500 people",
        "the pre-2014 borders",
        "12 percent owned",
        "it may rain; they march on",
        "the last week of the campaign",
        "in the past week",
        "a fortnight later",
        "the nineteenth-century flags",
        "USA Today reported",
    ] {
        assert_eq!(dates(text, Some(friday())), [], "{text}");
    }
}

#[test]
fn values_order_and_label() {
    let y = DateValue::year(2025).unwrap();
    let d = DateValue::day(ymd(2025, 1, 1));
    assert!(y < d);
    assert_eq!(DateValue::week_of(ymd(2024, 12, 30)).label(), "2025-W01");
    assert_eq!(
        DateValue::week_of(ymd(2024, 12, 30)).precision,
        Precision::Week
    );
}

// ---- The hand-annotated samples ----------------------------------------------------------

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn gold() -> Value {
    let text = std::fs::read_to_string(root().join("tests/data/samples-gold.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn sample(key: &str) -> Article {
    let (file, index) = match key.split_once('#') {
        Some((f, i)) => (f, i.parse::<usize>().unwrap()),
        None => (key, 0),
    };
    let (mut articles, errors) = juxta::import::articles_from_paths(
        &[root().join("assets/samples").join(file)],
        &Default::default(),
    );
    assert!(errors.is_empty());
    articles.swap_remove(index)
}

fn occurrences(text: &str, phrase: &str) -> Vec<(usize, usize)> {
    let words: Vec<String> = phrase.split_whitespace().map(regex::escape).collect();
    let re = regex::Regex::new(&words.join(r"\s+")).unwrap();
    re.find_iter(text).map(|m| (m.start(), m.end())).collect()
}

#[test]
fn samples_every_annotated_date_and_nothing_else() {
    let gold = gold();
    let mut failures = Vec::new();
    for (key, events) in gold["events"].as_object().unwrap() {
        let article = sample(key);
        let date = gold["articles"][key]["date"].as_str().unwrap();
        assert_eq!(article.date.map(|d| d.to_string()).as_deref(), Some(date));
        let text = article.text.as_str();
        let found = extract(text, article.date).dates;
        let mut used = vec![false; found.len()];
        for ev in events.as_array().unwrap() {
            let (expr, value) = (ev[0].as_str().unwrap(), ev[1].as_str().unwrap());
            let mut hit = false;
            for (s, e) in occurrences(text, expr) {
                for (i, d) in found.iter().enumerate() {
                    let same = d.date.map(|v| v.label()).as_deref() == Some(value);
                    if same && d.span.start < e && s < d.span.end {
                        used[i] = true;
                        hit = true;
                    }
                }
            }
            if !hit {
                failures.push(format!("{key}: {expr:?} = {value} not found"));
            }
        }
        for (d, used) in found.iter().zip(used) {
            if !used {
                failures.push(format!(
                    "{key}: extra {:?} = {:?}",
                    d.span.slice(text),
                    d.date.map(|v| v.label())
                ));
            }
        }
    }
    for (key, phrases) in gold["not_dates"].as_object().unwrap() {
        let article = sample(key);
        let text = article.text.as_str();
        let found = extract(text, article.date).dates;
        for p in phrases.as_array().unwrap() {
            let p = p.as_str().unwrap();
            for (s, e) in occurrences(text, p) {
                if let Some(d) = found.iter().find(|d| d.span.start < e && s < d.span.end) {
                    failures.push(format!("{key}: {p:?} taken for {:?}", d.span.slice(text)));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
