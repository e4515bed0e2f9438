//! Date expressions and their resolution against the publication date.
//!
//! [`scan`] finds the expressions ("Feb. 12, 2025", "last Tuesday", "two years ago") in an
//! article's tokens; [`resolve`] turns each into a calendar value, anchored on the article's
//! publication date (never the clock), with the tense of the sentence deciding whether a bare
//! "Tuesday" or "in November" lies before or after it.

pub mod holidays;
mod lexicon;
pub mod resolve;
pub mod scan;

use super::Span;
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;

/// How precise a resolved date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// Ten years from a year ending in 0, labelled by its first year: `YYYY`.
    Decade,
    /// `YYYY`
    Year,
    /// Three months from January, April, July or October, labelled by the first: `YYYY-MM`.
    Quarter,
    /// Three months (meteorological, northern hemisphere: spring from March), labelled by the
    /// first: `YYYY-MM`.
    Season,
    /// `YYYY-MM`
    Month,
    /// `YYYY-Www`
    Week,
    /// `YYYY-MM-DD`
    Day,
}

impl Precision {
    /// The lowercase name used in JSON: `decade`, `year`, `quarter`, `season`, `month`,
    /// `week`, `day`.
    pub fn name(self) -> &'static str {
        match self {
            Precision::Decade => "decade",
            Precision::Year => "year",
            Precision::Quarter => "quarter",
            Precision::Season => "season",
            Precision::Month => "month",
            Precision::Week => "week",
            Precision::Day => "day",
        }
    }
}

/// A resolved calendar value. `label()` gives `YYYY`, `YYYY-MM`, `YYYY-Www` or `YYYY-MM-DD`;
/// ordering is chronological by the first day covered, coarser first on ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateValue {
    /// First day the value covers.
    pub first_day: chrono::NaiveDate,
    /// How much it covers.
    pub precision: Precision,
}

impl DateValue {
    /// One day.
    pub fn day(date: NaiveDate) -> DateValue {
        DateValue {
            first_day: date,
            precision: Precision::Day,
        }
    }

    /// The ISO week (Monday to Sunday) holding `date`.
    pub fn week_of(date: NaiveDate) -> DateValue {
        let monday = date - Duration::days(i64::from(date.weekday().num_days_from_monday()));
        DateValue {
            first_day: monday,
            precision: Precision::Week,
        }
    }

    /// A month; `None` when `month` is not 1–12 or the year is out of chrono's range.
    pub fn month(year: i32, month: u32) -> Option<DateValue> {
        Some(DateValue {
            first_day: NaiveDate::from_ymd_opt(year, month, 1)?,
            precision: Precision::Month,
        })
    }

    /// A year; `None` when out of chrono's range.
    pub fn year(year: i32) -> Option<DateValue> {
        Some(DateValue {
            first_day: NaiveDate::from_ymd_opt(year, 1, 1)?,
            precision: Precision::Year,
        })
    }

    /// `YYYY` (year, decade), `YYYY-MM` (month, quarter, season: the first month), `YYYY-Www`
    /// (ISO week, so the year is the ISO week's year: the week of Monday 2024-12-30 is
    /// `2025-W01`) or `YYYY-MM-DD`.
    pub fn label(&self) -> String {
        let mut s = String::with_capacity(10);
        self.write_label(&mut s);
        s
    }

    /// Appends [`label`](Self::label) to `out`.
    pub fn write_label(&self, out: &mut String) {
        use std::fmt::Write as _;
        let d = self.first_day;
        // Writing into a String cannot fail.
        let _ = match self.precision {
            Precision::Decade | Precision::Year => write!(out, "{:04}", d.year()),
            Precision::Quarter | Precision::Season | Precision::Month => {
                write!(out, "{:04}-{:02}", d.year(), d.month())
            }
            Precision::Week => {
                let w = d.iso_week();
                write!(out, "{:04}-W{:02}", w.year(), w.week())
            }
            Precision::Day => write!(out, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        };
    }

    /// Last day the value covers.
    pub fn last_day(&self) -> NaiveDate {
        let d = self.first_day;
        let next = match self.precision {
            Precision::Day => return d,
            Precision::Week => return d + Duration::days(6),
            Precision::Month => add_months(d, 1),
            Precision::Quarter | Precision::Season => add_months(d, 3),
            Precision::Year => NaiveDate::from_ymd_opt(d.year() + 1, 1, 1),
            Precision::Decade => NaiveDate::from_ymd_opt(d.year() + 10, 1, 1),
        };
        next.and_then(|n| n.pred_opt()).unwrap_or(d)
    }
}

/// The first day of the month `months` after (or before, when negative) the month of `d`.
pub(crate) fn add_months(d: NaiveDate, months: i32) -> Option<NaiveDate> {
    let index = d.year() * 12 + d.month0() as i32 + months;
    NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
}

impl Ord for DateValue {
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day
            .cmp(&other.first_day)
            .then(self.precision.cmp(&other.precision))
    }
}

impl PartialOrd for DateValue {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// One date expression of an article, resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateHit {
    /// The expression as written, with the preposition or modifier that shapes its meaning
    /// ("on Tuesday", "since 1998", "last week", "nearly three years ago").
    pub span: Span,
    /// The sentence holding it.
    pub sentence: Span,
    /// The most specific single value (for a range, its start at the precision of its first
    /// end); `None` when it is relative and the article has no date.
    pub date: Option<DateValue>,
    /// First day covered (inclusive); `None` when unresolved.
    pub start_date: Option<NaiveDate>,
    /// Last day covered (inclusive); `None` when unresolved.
    pub end_date: Option<NaiveDate>,
    /// A single date, a range, or a date read relative to the publication date.
    pub kind: DateKind,
}

/// What kind of expression a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DateKind {
    /// A calendar value as written ("March 3", "in 2019", "the 1970s").
    #[default]
    Date,
    /// Two ends ("from May to July", "March 3-5", "the next three days").
    Range,
    /// Counted from the publication date ("yesterday", "last week", "two years ago").
    Relative,
}

impl DateKind {
    /// The lowercase name used in JSON: `date`, `range`, `relative`.
    pub fn name(self) -> &'static str {
        match self {
            DateKind::Date => "date",
            DateKind::Range => "range",
            DateKind::Relative => "relative",
        }
    }
}

/// How a numeric date with slashes whose first two parts could both be a month ("03/04/2025")
/// is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SlashOrder {
    /// Month first, as in US copy: 03/04/2025 is 4 March.
    #[default]
    Us,
    /// Day first, as in British and European copy: 03/04/2025 is 3 April.
    Eu,
}

/// Options of date extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DateOptions {
    /// Reading of ambiguous slashed dates (unambiguous ones, like 22/04/2016, read either way).
    pub slash_order: SlashOrder,
}

/// Finds and resolves every date expression of one article. `tokens` are those of `text`.
pub fn find_dates(
    text: &str,
    tokens: &[crate::text::Token],
    published: Option<NaiveDate>,
    options: &DateOptions,
) -> Vec<DateHit> {
    let found = scan::scan_with(text, tokens, options);
    if found.is_empty() {
        return Vec::new();
    }
    let sentences = crate::text::sentences(text);
    resolve_found(text, tokens, &sentences, found, published)
}

/// Resolves expressions found by [`scan::scan`], each with its sentence (`sentences` are those
/// of `text`, in order).
pub fn resolve_found(
    text: &str,
    tokens: &[crate::text::Token],
    sentences: &[std::ops::Range<usize>],
    found: Vec<scan::Found>,
    published: Option<NaiveDate>,
) -> Vec<DateHit> {
    let mut hits = Vec::with_capacity(found.len());
    let mut s = 0;
    for f in found {
        let start = f.span.start;
        while s + 1 < sentences.len() && sentences[s].end <= start {
            s += 1;
        }
        let sentence = sentences
            .get(s)
            .filter(|r| r.start <= start)
            .map_or(f.span, |r| Span::new(r.start, r.end.max(f.span.end)));
        let sentence = clause(text, sentence, f.span);
        let tense = resolve::tense(text, tokens, &f, sentence);
        let value = resolve::resolve_value(&f.expr, published, tense);
        hits.push(DateHit {
            span: f.span,
            sentence,
            date: value.map(|v| v.value),
            start_date: value.map(|v| v.start),
            end_date: value.map(|v| v.end),
            kind: resolve::kind(&f.expr),
        });
    }
    hits
}

/// Longest sentence kept whole as an event's context, in bytes.
const SENTENCE_MAX: usize = 600;

/// The sentence around an expression, narrowed to its clause when the sentence runs on (a
/// text without full stops would otherwise give every date the whole text as its context).
fn clause(text: &str, sentence: Span, expr: Span) -> Span {
    if sentence.end - sentence.start <= SENTENCE_MAX {
        return sentence;
    }
    let half = SENTENCE_MAX / 2;
    let lo = sentence.start.max(expr.start.saturating_sub(half));
    let hi = sentence.end.min(expr.end + half);
    let bytes = text.as_bytes();
    // Prefer a clause boundary (a comma, semicolon, colon or line break); else a space, so no
    // word is cut. Searched with memchr: a run-on text has no boundary, and every date would
    // otherwise read its whole window byte by byte.
    let before = &bytes[lo..expr.start];
    let after = &bytes[expr.end..hi];
    let last_break = memchr::memrchr3(b',', b';', b':', before).max(memchr::memrchr(b'\n', before));
    let first_break = match (
        memchr::memchr3(b',', b';', b':', after),
        memchr::memchr(b'\n', after),
    ) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let start = last_break
        .or_else(|| memchr::memchr(b' ', before))
        .map_or(expr.start, |i| lo + i + 1);
    let end = first_break
        .or_else(|| memchr::memrchr(b' ', after))
        .map_or(expr.end, |i| expr.end + i);
    let mut start = start;
    while start < expr.start && bytes[start] == b' ' {
        start += 1;
    }
    Span::new(start, end.max(expr.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_on_sentence_is_narrowed_to_a_clause() {
        let filler = "word ".repeat(200);
        let text = format!("{filler}and then, on Tuesday the port shut; {filler}");
        let at = text.find("on Tuesday").unwrap();
        let expr = Span::new(at, at + "on Tuesday".len());
        let got = clause(&text, Span::new(0, text.len()), expr);
        assert_eq!(got.slice(&text), "on Tuesday the port shut");
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn labels() {
        assert_eq!(DateValue::day(ymd(2025, 2, 9)).label(), "2025-02-09");
        assert_eq!(DateValue::month(2025, 2).unwrap().label(), "2025-02");
        assert_eq!(DateValue::year(998).unwrap().label(), "0998");
        assert_eq!(DateValue::week_of(ymd(2025, 3, 14)).label(), "2025-W11");
        // ISO week-year differs from the calendar year around New Year.
        assert_eq!(DateValue::week_of(ymd(2024, 12, 31)).label(), "2025-W01");
        assert_eq!(DateValue::week_of(ymd(2021, 1, 3)).label(), "2020-W53");
    }

    #[test]
    fn order_is_chronological_then_coarser_first() {
        let y = DateValue::year(2025).unwrap();
        let m = DateValue::month(2025, 1).unwrap();
        let d = DateValue::day(ymd(2025, 1, 1));
        let later = DateValue::day(ymd(2025, 1, 2));
        let mut v = vec![later, d, m, y];
        v.sort();
        assert_eq!(v, vec![y, m, d, later]);
    }

    #[test]
    fn last_days() {
        assert_eq!(
            DateValue::month(2024, 2).unwrap().last_day(),
            ymd(2024, 2, 29)
        );
        assert_eq!(DateValue::year(2024).unwrap().last_day(), ymd(2024, 12, 31));
        assert_eq!(
            DateValue::week_of(ymd(2025, 3, 14)).last_day(),
            ymd(2025, 3, 16)
        );
    }
}
