//! The date grammar on invented sentences, one test per class of expression: the whole
//! expression is found (its exact text), with its value, its first and last day and its kind;
//! and what only looks like a date is left alone.

use chrono::NaiveDate;
use juxta::analysis::dates::{DateOptions, SlashOrder, find_dates};
use juxta::text::tokenize;

/// Friday 14 March 2025.
fn friday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 14).unwrap()
}

/// (expression, date label, start, end, kind) of every date in `text`.
fn read(text: &str, options: &DateOptions) -> Vec<(String, String, String, String, String)> {
    let toks = tokenize(text);
    find_dates(text, &toks, Some(friday()), options)
        .into_iter()
        .map(|h| {
            (
                h.span.slice(text).to_string(),
                h.date.map(|d| d.label()).unwrap_or_default(),
                h.start_date.map(|d| d.to_string()).unwrap_or_default(),
                h.end_date.map(|d| d.to_string()).unwrap_or_default(),
                h.kind.name().to_string(),
            )
        })
        .collect()
}

/// Expressions and labels only.
fn labels(text: &str) -> Vec<(String, String)> {
    read(text, &DateOptions::default())
        .into_iter()
        .map(|(e, l, ..)| (e, l))
        .collect()
}

fn check(text: &str, expected: &[(&str, &str)]) {
    let want: Vec<(String, String)> = expected
        .iter()
        .map(|(e, l)| (e.to_string(), l.to_string()))
        .collect();
    assert_eq!(labels(text), want, "in {text:?}");
}

/// (expression, start, end, kind) of the only date in `text`.
fn bounds(text: &str) -> (String, String, String, String) {
    let got = read(text, &DateOptions::default());
    assert_eq!(got.len(), 1, "{text:?}: {got:?}");
    let (e, _, s, en, k) = got.into_iter().next().unwrap();
    (e, s, en, k)
}

#[test]
fn compositions_read_as_one_expression() {
    check(
        "The verdict comes the day after tomorrow; the ferry sank the day before yesterday.",
        &[
            ("the day after tomorrow", "2025-03-16"),
            ("the day before yesterday", "2025-03-12"),
        ],
    );
    check(
        "The plant closed 2 years and 3 months ago and reopens three weeks from tomorrow.",
        &[
            ("2 years and 3 months ago", "2022-12-14"),
            ("three weeks from tomorrow", "2025-04-05"),
        ],
    );
    check(
        "Voting ends a week from Monday. The strike began four days before yesterday.",
        &[
            ("a week from Monday", "2025-03-24"),
            ("four days before yesterday", "2025-03-09"),
        ],
    );
}

#[test]
fn anchors_keep_what_they_anchor() {
    check(
        "The audit ended on Friday the 7th and slipped to the last week of 2024.",
        &[
            ("on Friday the 7th", "2025-03-07"),
            ("the last week of 2024", "2024-W52"),
        ],
    );
    check(
        "Talks resume in early April, after a lull since mid-2024, and end late next year.",
        &[
            ("in early April", "2025-04"),
            ("since mid-2024", "2024"),
            ("late next year", "2026"),
        ],
    );
    let (e, s, en, _) = bounds("Repairs are planned for the end of the month.");
    assert_eq!(
        (e.as_str(), s.as_str(), en.as_str()),
        ("for the end of the month", "2025-03-22", "2025-03-31")
    );
    check(
        "The minister flies out on Tuesday next week and returns the first Monday of May.",
        &[
            ("on Tuesday next week", "2025-03-18"),
            ("the first Monday of May", "2025-05-05"),
        ],
    );
}

#[test]
fn numeric_dates_with_the_slash_order_option() {
    check(
        "Filed 2025-01-09, stamped 01/09/2025 and 22/01/2025, received 22.01.2025 and 3-7-24.",
        &[
            ("2025-01-09", "2025-01-09"),
            ("01/09/2025", "2025-01-09"),
            ("22/01/2025", "2025-01-22"),
            ("22.01.2025", "2025-01-22"),
            ("3-7-24", "2024-03-07"),
        ],
    );
    let eu = DateOptions {
        slash_order: SlashOrder::Eu,
    };
    let got: Vec<String> = read("Stamped 01/09/2025 and 22/01/2025.", &eu)
        .into_iter()
        .map(|x| x.1)
        .collect();
    assert_eq!(got, ["2025-09-01", "2025-01-22"]);
    check(
        "Sales fell in 11/2024 and rose in 2025/02.",
        &[("in 11/2024", "2024-11"), ("in 2025/02", "2025-02")],
    );
}

#[test]
fn ordinals_and_spelled_numbers_and_years() {
    check(
        "The charter was sealed on June the twenty-first nineteen eighty-six.",
        &[("on June the twenty-first nineteen eighty-six", "1986-06-21")],
    );
    check(
        "It reopened on the ninth of October, two thousand and eleven.",
        &[(
            "on the ninth of October, two thousand and eleven",
            "2011-10-09",
        )],
    );
    check(
        "Rent is due on the 28th. The pier opened March twenty two.",
        &[
            ("on the 28th", "2025-03-28"),
            ("March twenty two", "2025-03-22"),
        ],
    );
}

#[test]
fn decades_and_centuries() {
    let got = read(
        "Housing boomed in the 1990s, slumped in the eighties and recovered in the '70s.",
        &DateOptions::default(),
    );
    let short: Vec<(&str, &str, &str)> = got
        .iter()
        .map(|x| (x.0.as_str(), x.1.as_str(), x.3.as_str()))
        .collect();
    assert_eq!(
        short,
        [
            ("in the 1990s", "1990", "1999-12-31"),
            ("in the eighties", "1980", "1989-12-31"),
            ("in the '70s", "1970", "1979-12-31"),
        ]
    );
    let (e, s, en, k) = bounds("Canals like it were dug in the 18th century.");
    assert_eq!(
        (e.as_str(), s.as_str(), en.as_str(), k.as_str()),
        ("in the 18th century", "1700-01-01", "1799-12-31", "range")
    );
    // An age is not a decade.
    assert_eq!(labels("The driver, in his 70s, was unhurt."), []);
}

#[test]
fn weekends_quarters_and_seasons() {
    let (e, s, en, k) = bounds("The festival drew crowds over the weekend.");
    assert_eq!(
        (e.as_str(), s.as_str(), en.as_str(), k.as_str()),
        ("the weekend", "2025-03-08", "2025-03-09", "range")
    );
    let (e, s, en, _) = bounds("Ferry traffic doubles next weekend.");
    assert_eq!(
        (e.as_str(), s.as_str(), en.as_str()),
        ("next weekend", "2025-03-22", "2025-03-23")
    );
    check(
        "Profits rose in Q3 2024 and in the first quarter of 2025.",
        &[
            ("in Q3 2024", "2024-07"),
            ("in the first quarter of 2025", "2025-01"),
        ],
    );
    let got = read(
        "The dredging ran through summer 2023.",
        &DateOptions::default(),
    );
    assert_eq!(got[0].0, "through summer 2023");
    assert_eq!(
        (got[0].2.as_str(), got[0].3.as_str()),
        ("2023-06-01", "2023-08-31")
    );
    check(
        "Work stops during the winter.",
        &[("during the winter", "2024-12")],
    );
}

#[test]
fn holidays_fixed_and_movable() {
    check(
        "The shop shut on Christmas Eve 2024 and reopens after Easter.",
        &[
            ("on Christmas Eve 2024", "2024-12-24"),
            ("after Easter", "2025-04-20"),
        ],
    );
    check(
        "Turnout was high on New Year's Eve 2019 and on Thanksgiving 2023.",
        &[
            ("on New Year's Eve 2019", "2019-12-31"),
            ("on Thanksgiving 2023", "2023-11-23"),
        ],
    );
    // A holiday in a name is not a date.
    assert_eq!(labels("He praised the Good Friday Agreement."), []);
}

#[test]
fn ranges_have_a_start_and_an_end() {
    let cases = [
        (
            "The fair runs March 3-5 at the harbour.",
            ("March 3-5", "2025-03-03", "2025-03-05"),
        ),
        (
            "Roadworks last from May to July 2025.",
            ("from May to July 2025", "2025-05-01", "2025-07-31"),
        ),
        (
            "Prices doubled between 2019 and 2021.",
            ("between 2019 and 2021", "2019-01-01", "2021-12-31"),
        ),
        (
            "The bridge stays shut for the next 3 days.",
            ("for the next 3 days", "2025-03-15", "2025-03-17"),
        ),
        (
            "Ticket sales ran from 2 to 9 February 2025.",
            ("from 2 to 9 February 2025", "2025-02-02", "2025-02-09"),
        ),
        (
            "Stalls open from 4 to 11 next month.",
            ("from 4 to 11 next month", "2025-04-04", "2025-04-11"),
        ),
        (
            "The tariff applied in 2016-2018.",
            ("in 2016-2018", "2016-01-01", "2018-12-31"),
        ),
    ];
    for (text, (e, s, en)) in cases {
        let got = bounds(text);
        assert_eq!(
            (
                got.0.as_str(),
                got.1.as_str(),
                got.2.as_str(),
                got.3.as_str()
            ),
            (e, s, en, "range"),
            "{text}"
        );
    }
}

#[test]
fn a_year_written_before_a_month_and_day_belongs_to_them() {
    check(
        "The lighthouse was relit 2016 March 3 after the storm.",
        &[("2016 March 3", "2016-03-03")],
    );
    for (text, e) in [
        (
            "The regatta ran 2016 March 3 to 5 off the north shore.",
            "2016 March 3 to 5",
        ),
        (
            "The regatta ran 2016 March 3-5 off the north shore.",
            "2016 March 3-5",
        ),
    ] {
        let got = bounds(text);
        assert_eq!(
            (
                got.0.as_str(),
                got.1.as_str(),
                got.2.as_str(),
                got.3.as_str()
            ),
            (e, "2016-03-03", "2016-03-05", "range"),
            "{text}"
        );
    }
    // Before a month without a day, a year stays a year: "May" may be a name's.
    check("The 2019 May cabinet met twice.", &[("2019", "2019")]);
}

#[test]
fn ranges_from_or_to_now() {
    let cases = [
        (
            "The council has between now and June 30 to pick a site.",
            ("between now and June 30", "2025-03-14", "2025-06-30"),
        ),
        (
            "Lending fell between October 2 and now, the bank said.",
            ("between October 2 and now", "2024-10-02", "2025-03-14"),
        ),
        // A year-less first end after the publication day is last year's.
        (
            "Rents rose 4 percent between May 2 and now.",
            ("between May 2 and now", "2024-05-02", "2025-03-14"),
        ),
        (
            "The lane stays shut from now until Sunday.",
            ("from now until Sunday", "2025-03-14", "2025-03-16"),
        ),
    ];
    for (text, (e, s, en)) in cases {
        let got = bounds(text);
        assert_eq!(
            (
                got.0.as_str(),
                got.1.as_str(),
                got.2.as_str(),
                got.3.as_str()
            ),
            (e, s, en, "range"),
            "{text}"
        );
    }
    // "now" alone, or "from now on", is no date.
    assert!(labels("Prices are higher now and will stay so from now on.").is_empty());
}

#[test]
fn kinds() {
    let kinds: Vec<String> = read(
        "It opened on 3 March 2025, closed yesterday and reopens from Monday to Wednesday.",
        &DateOptions::default(),
    )
    .into_iter()
    .map(|x| x.4)
    .collect();
    assert_eq!(kinds, ["date", "relative", "range"]);
}

#[test]
fn not_events() {
    for text in [
        "Rockets flying today are more powerful than any built before.",
        "Young voters in today's world read news on their phones.",
        "The plan is filed as DK/2024-10-02/FINAL in the registry.",
        "The app reached version 2.10.2024 last night.",
        "Update to build 2024.11 before installing.",
        "The visitors won 3-2 after extra time.",
        "Flight 2019 from Oslo landed late.",
        "The coat costs $2025 in the shop.",
        "Open 24/7, the pharmacy never shuts.",
    ] {
        let got: Vec<(String, String)> = labels(text)
            .into_iter()
            .filter(|(e, _)| e != "last night")
            .collect();
        assert_eq!(got, [], "{text}");
    }
}

#[test]
fn lower_case_months_where_unambiguous() {
    check(
        "i'll be back april 22 and again in may 2026.",
        &[("april 22", "2025-04-22"), ("in may 2026", "2026-05")],
    );
    assert_eq!(labels("You may call us. Troops march on."), []);
}

#[test]
fn a_quarter_without_a_year_is_a_date_only_about_money() {
    check(
        "The Harriers trailed by nine points after the first quarter and never recovered.",
        &[],
    );
    check(
        "The brewer said sales fell in the second quarter.",
        &[("in the second quarter", "2025-04")],
    );
    check(
        "The Harriers trailed in the third quarter of 2024.",
        &[("in the third quarter of 2024", "2024-07")],
    );
}

#[test]
fn spans_of_years_after_any_word() {
    assert_eq!(
        bounds("The survey ran 2016-2019 across four counties."),
        (
            "2016-2019".into(),
            "2016-01-01".into(),
            "2019-12-31".into(),
            "range".into()
        )
    );
    assert_eq!(
        bounds("Grants were frozen in 2011 through 2013."),
        (
            "in 2011 through 2013".into(),
            "2011-01-01".into(),
            "2013-12-31".into(),
            "range".into()
        )
    );
    // A code or a count is no span.
    check("Part AB2016-2019 was recalled.", &[]);
}

#[test]
fn stretches_of_days_from_a_first_day() {
    // Friday 14 March 2025: "within the next five days" is the 14th to the 18th.
    assert_eq!(
        bounds("The board will decide within the next five days."),
        (
            "within the next five days".into(),
            "2025-03-14".into(),
            "2025-03-18".into(),
            "range".into()
        )
    );
    assert_eq!(
        bounds("The road will stay shut for three days from Monday."),
        (
            "for three days from Monday".into(),
            "2025-03-17".into(),
            "2025-03-19".into(),
            "range".into()
        )
    );
    assert_eq!(
        bounds("Ferries are cancelled for a week, starting tomorrow."),
        (
            "for a week, starting tomorrow".into(),
            "2025-03-15".into(),
            "2025-03-21".into(),
            "range".into()
        )
    );
    assert_eq!(
        bounds("The repairs should end less than two weeks from today."),
        (
            "less than two weeks from today".into(),
            "2025-03-14".into(),
            "2025-03-27".into(),
            "range".into()
        )
    );
    // A duration alone is not a date.
    check("The strike lasted for three days.", &[]);
}

#[test]
fn earlier_and_later_in_the_current_period() {
    assert_eq!(
        read(
            "Prices rose earlier this year and will ease later this month.",
            &DateOptions::default()
        ),
        vec![
            (
                "earlier this year".into(),
                "2025".into(),
                "2025-01-01".into(),
                "2025-03-14".into(),
                "range".into()
            ),
            (
                "later this month".into(),
                "2025-03".into(),
                "2025-03-14".into(),
                "2025-03-31".into(),
                "range".into()
            ),
        ]
    );
}
