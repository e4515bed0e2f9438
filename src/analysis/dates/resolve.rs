//! Turning a date expression into a calendar value, anchored on the publication date.
//!
//! A bare "Tuesday" in an article published on a Friday is three days back when the sentence
//! says "met" and four days ahead when it says "will meet". The tense is read from the nearest
//! cue word in the sentence (the verb group closest to the expression), with the preposition
//! first: "since" looks back, "until" and "for" look ahead. Without a cue, the nearest
//! occurrence wins.

use super::scan::{Expr, Found, Rel, Unit};
use super::{DateValue, add_months};
use crate::analysis::Span;
use crate::analysis::actors::lexicon::with_key;
use crate::text::{Token, TokenKind};
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Which way a sentence points from the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// "said", "met", "was": the expression lies before (or on) the publication date.
    Past,
    /// "will", "set to", "planned": it lies after (or on) it.
    Future,
    /// No cue: the nearest occurrence.
    Neutral,
}

/// Words that point ahead.
const FUTURE: &[&str] = &[
    "will",
    "shall",
    "won't",
    "would",
    "going",
    "due",
    "scheduled",
    "planned",
    "plans",
    "plan",
    "planning",
    "expected",
    "expects",
    "intends",
    "intend",
    "aims",
    "upcoming",
    "next",
    "poised",
    "slated",
    "tomorrow",
    "ahead",
    "until",
    "till",
    "hopes",
    "promised",
    "vowed",
    "pledged",
];

/// Irregular past forms (regular ones end in "-ed").
const PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "didn't",
    "wasn't",
    "weren't",
    "hadn't",
    "said",
    "told",
    "met",
    "spoke",
    "ago",
    "last",
    "yesterday",
    "earlier",
    "been",
    "ate",
    "became",
    "began",
    "bought",
    "brought",
    "built",
    "came",
    "caught",
    "chose",
    "drew",
    "drove",
    "fell",
    "felt",
    "fled",
    "flew",
    "fought",
    "found",
    "forgot",
    "gave",
    "got",
    "grew",
    "heard",
    "held",
    "hung",
    "kept",
    "knew",
    "laid",
    "led",
    "left",
    "lost",
    "made",
    "meant",
    "paid",
    "ran",
    "rang",
    "rode",
    "rose",
    "sang",
    "sank",
    "sat",
    "saw",
    "sent",
    "shook",
    "shot",
    "slid",
    "sold",
    "sought",
    "spent",
    "stood",
    "stole",
    "struck",
    "swore",
    "taught",
    "thought",
    "threw",
    "took",
    "understood",
    "went",
    "won",
    "wore",
    "wrote",
    "written",
    "spoken",
    "given",
    "taken",
    "seen",
    "gone",
    "broke",
    "broken",
    "chosen",
    "driven",
    "fallen",
    "stolen",
    "thrown",
    "withdrew",
    "arose",
    "bore",
    "dealt",
    "dug",
    "fed",
    "forgave",
    "froze",
    "lent",
    "lit",
    "lay",
    "quit",
    "shone",
    "slept",
    "sped",
    "spun",
    "sprang",
    "stuck",
    "swept",
    "swung",
    "tore",
    "wept",
    "wound",
    "overtook",
    "undertook",
    "oversaw",
    "upheld",
    "withheld",
    "began",
    "hit",
    "cut",
    "put",
    "set",
];

/// Past participles that point ahead ("is expected to", "was scheduled for").
const FUTURE_PARTICIPLES: &[&str] = &["planned", "scheduled", "expected", "slated", "intended"];

/// Forms of "be" before a passive participle: the tense is the auxiliary's, further back.
const BE: &[&str] = &["be", "being", "is", "are", "am", "'s"];

/// The tense cue of one lowercase word, given the word before it.
fn cue(word: &str, prev: Option<&str>) -> Option<Tense> {
    if word.ends_with("'ll") || word.ends_with("’ll") {
        return Some(Tense::Future);
    }
    if word == "set" || word == "hit" || word == "cut" || word == "put" {
        // Present or past alike; "set to" points ahead.
        return None;
    }
    if FUTURE.contains(&word) || FUTURE_PARTICIPLES.contains(&word) {
        return Some(Tense::Future);
    }
    let passive = prev.is_some_and(|p| BE.contains(&p));
    if PAST.contains(&word) {
        return if passive && word != "been" {
            None
        } else {
            Some(Tense::Past)
        };
    }
    if word.len() >= 5 && word.ends_with("ed") {
        return if passive { None } else { Some(Tense::Past) };
    }
    None
}

/// Reads the tense that applies to a found expression from its sentence.
pub fn tense(text: &str, tokens: &[Token], found: &Found, sentence: Span) -> Tense {
    match found.lead {
        Some("since") => return Tense::Past,
        Some("until") | Some("till") | Some("for") => return Tense::Future,
        _ => {}
    }
    let word_at = |i: usize| -> Option<&str> {
        let t = tokens.get(i)?;
        (t.kind == TokenKind::Word).then(|| t.as_str(text))
    };
    let in_sentence = |i: usize| tokens[i].start >= sentence.start && tokens[i].end <= sentence.end;
    // "set to" and "due to" point ahead; the scan below sees "set"/"due" alone.
    let set_to = |i: usize| {
        word_at(i).is_some_and(|w| w.eq_ignore_ascii_case("set"))
            && word_at(i + 1).is_some_and(|w| w == "to")
    };
    // The cue of token `i`, folded without allocating (this runs for every word of a sentence).
    let cue_at = |i: usize| -> Option<Tense> {
        let w = word_at(i)?;
        let prev = if i > 0 { word_at(i - 1) } else { None };
        with_key(w, |k| match prev {
            Some(p) => with_key(p, |pk| cue(k, Some(pk))),
            None => cue(k, None),
        })
    };
    let mut i = found.tokens.start;
    while i > 0 && in_sentence(i - 1) {
        i -= 1;
        if set_to(i) {
            return Tense::Future;
        }
        if let Some(t) = cue_at(i) {
            return t;
        }
    }
    let mut i = found.tokens.end;
    while i < tokens.len() && in_sentence(i) {
        if set_to(i) {
            return Tense::Future;
        }
        if let Some(t) = cue_at(i) {
            return t;
        }
        i += 1;
    }
    Tense::Neutral
}

/// How far a tense cue may push a month or a month-day away from the nearest occurrence: past
/// half a year, the nearest occurrence is the likelier meaning whatever the verb says ("has
/// called for an election in February", written in November).
const TENSE_REACH_DAYS: i64 = 190;

/// Resolves an expression; `None` when it is relative and there is no publication date.
pub fn resolve(expr: &Expr, published: Option<NaiveDate>, tense: Tense) -> Option<DateValue> {
    match *expr {
        Expr::Date(d) => return Some(DateValue::day(d)),
        Expr::MonthOfYear(y, m) => return DateValue::month(y, m),
        Expr::Year(y) => return DateValue::year(y),
        _ => {}
    }
    let p = published?;
    match *expr {
        Expr::Weekday(wd, rel) => Some(DateValue::day(weekday(p, wd, rel, tense))),
        Expr::Month(m, rel) => month(p, m, rel, tense),
        Expr::MonthDay(m, d) => month_day(p, m, d, tense).map(DateValue::day),
        Expr::DayOffset(n) => Some(DateValue::day(p + Duration::days(n))),
        Expr::Relative(unit, n) | Expr::Ago(n, unit) => {
            let n = if matches!(expr, Expr::Ago(..)) { -n } else { n };
            shifted(p, unit, n)
        }
        Expr::Date(_) | Expr::MonthOfYear(..) | Expr::Year(_) => None,
    }
}

fn shifted(p: NaiveDate, unit: Unit, n: i64) -> Option<DateValue> {
    match unit {
        Unit::Day => Some(DateValue::day(p + Duration::days(n))),
        Unit::Week => Some(DateValue::week_of(p + Duration::weeks(n))),
        Unit::Month => {
            let d = add_months(p, i32::try_from(n).ok()?)?;
            DateValue::month(d.year(), d.month())
        }
        Unit::Year => DateValue::year(p.year() + i32::try_from(n).ok()?),
    }
}

fn weekday(p: NaiveDate, wd: Weekday, rel: Rel, tense: Tense) -> NaiveDate {
    let today = p.weekday().num_days_from_monday() as i64;
    let target = wd.num_days_from_monday() as i64;
    let back = (today - target).rem_euclid(7);
    let ahead = (target - today).rem_euclid(7);
    let offset = match rel {
        Rel::Last => -(if back == 0 { 7 } else { back }),
        Rel::Next => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        Rel::This | Rel::Bare if back == 0 => 0,
        Rel::This => ahead,
        Rel::Bare => match tense {
            Tense::Past => -back,
            Tense::Future => ahead,
            Tense::Neutral if back <= ahead => -back,
            Tense::Neutral => ahead,
        },
    };
    p + Duration::days(offset)
}

fn month(p: NaiveDate, m: u32, rel: Rel, tense: Tense) -> Option<DateValue> {
    let y = p.year();
    let pm = p.month();
    let year = match rel {
        Rel::Last if m < pm => y,
        Rel::Last => y - 1,
        Rel::Next if m > pm => y,
        Rel::Next => y + 1,
        Rel::This => y,
        Rel::Bare => {
            let this = NaiveDate::from_ymd_opt(y, m, 1)?;
            let month_start = NaiveDate::from_ymd_opt(y, pm, 1)?;
            let before = if m <= pm {
                this
            } else {
                add_months(this, -12)?
            };
            let after = if m >= pm { this } else { add_months(this, 12)? };
            pick(month_start, before, after, tense).year()
        }
    };
    DateValue::month(year, m)
}

/// The occurrence of month `m`, day `d` nearest `p` in the tense's direction. Feb. 29 looks for
/// the nearest leap year.
fn month_day(p: NaiveDate, m: u32, d: u32, tense: Tense) -> Option<NaiveDate> {
    let y = p.year();
    let candidates: Vec<NaiveDate> = (y - 8..=y + 8)
        .filter_map(|yy| NaiveDate::from_ymd_opt(yy, m, d))
        .collect();
    let before = candidates.iter().rev().find(|&&c| c <= p).copied();
    let after = candidates.iter().find(|&&c| c >= p).copied();
    match (before, after) {
        (Some(b), Some(a)) => Some(pick(p, b, a, tense)),
        (b, a) => b.or(a),
    }
}

/// Chooses between the occurrence on or before `p` and the one on or after it.
fn pick(p: NaiveDate, before: NaiveDate, after: NaiveDate, tense: Tense) -> NaiveDate {
    let back = (p - before).num_days();
    let ahead = (after - p).num_days();
    if back == 0 || ahead == 0 {
        return p.max(before).min(after);
    }
    match tense {
        Tense::Past if back <= TENSE_REACH_DAYS => before,
        Tense::Future if ahead <= TENSE_REACH_DAYS => after,
        _ if back <= ahead => before,
        _ => after,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn weekdays_follow_tense() {
        let fri = ymd(2025, 3, 14);
        let r = |wd, rel, t| weekday(fri, wd, rel, t);
        assert_eq!(r(Weekday::Tue, Rel::Bare, Tense::Past), ymd(2025, 3, 11));
        assert_eq!(r(Weekday::Tue, Rel::Bare, Tense::Future), ymd(2025, 3, 18));
        assert_eq!(r(Weekday::Mon, Rel::Bare, Tense::Neutral), ymd(2025, 3, 17));
        assert_eq!(r(Weekday::Thu, Rel::Bare, Tense::Neutral), ymd(2025, 3, 13));
        assert_eq!(r(Weekday::Fri, Rel::Bare, Tense::Future), fri);
        assert_eq!(r(Weekday::Mon, Rel::Next, Tense::Past), ymd(2025, 3, 17));
        assert_eq!(r(Weekday::Mon, Rel::Last, Tense::Future), ymd(2025, 3, 10));
        assert_eq!(r(Weekday::Fri, Rel::Last, Tense::Neutral), ymd(2025, 3, 7));
    }

    #[test]
    fn months_by_tense_within_reach() {
        let p = ymd(2024, 11, 15);
        let m = |m, t| month(p, m, Rel::Bare, t).unwrap().label();
        assert_eq!(m(9, Tense::Past), "2024-09");
        assert_eq!(m(2, Tense::Neutral), "2025-02");
        // Too far back for the tense to win: the nearest February.
        assert_eq!(m(2, Tense::Past), "2025-02");
        assert_eq!(m(1, Tense::Future), "2025-01");
        assert_eq!(m(11, Tense::Future), "2024-11");
    }

    #[test]
    fn leap_day_finds_a_leap_year() {
        assert_eq!(
            month_day(ymd(2025, 3, 1), 2, 29, Tense::Past),
            Some(ymd(2024, 2, 29))
        );
        assert_eq!(
            month_day(ymd(2027, 6, 1), 2, 29, Tense::Neutral),
            Some(ymd(2028, 2, 29))
        );
    }
}
