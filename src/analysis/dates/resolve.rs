//! Turning a date expression into a calendar value, anchored on the publication date.
//!
//! A bare "Tuesday" in an article published on a Friday is three days back when the sentence
//! says "met" and four days ahead when it says "will meet". The tense is read from the nearest
//! cue word in the sentence (the verb group closest to the expression), with the preposition
//! first: "since" looks back, "until" and "for" look ahead. Without a cue, the nearest
//! occurrence wins.

use super::holidays::{Holiday, nth_weekday};
use super::scan::{Expr, Found, Part, Rel, Season, Sel, Unit};
use super::{DateKind, DateValue, Precision, add_months};
use crate::analysis::Span;
use crate::analysis::actors::lexicon::with_key;
use crate::text::{Token, TokenKind};
use chrono::{Datelike, Duration, NaiveDate};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

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

/// The tense each cue word points to: the future words (with the future participles) and the
/// past ones in one map, so that the cue of every word near every date costs one lookup. A word
/// of both lists points ahead.
fn cue_words() -> &'static FxHashMap<&'static str, Tense> {
    static WORDS: OnceLock<FxHashMap<&'static str, Tense>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let past = PAST.iter().map(|&w| (w, Tense::Past));
        let future = FUTURE
            .iter()
            .chain(FUTURE_PARTICIPLES)
            .map(|&w| (w, Tense::Future));
        // Inserted after the past words, a future word overwrites its past entry.
        past.chain(future).collect()
    })
}

/// The tense cue of one lowercase word, given the word before it.
fn cue(word: &str, prev: Option<&str>) -> Option<Tense> {
    if word.ends_with("'ll") || word.ends_with("’ll") {
        return Some(Tense::Future);
    }
    if word == "set" || word == "hit" || word == "cut" || word == "put" {
        // Present or past alike; "set to" points ahead.
        return None;
    }
    let passive = || prev.is_some_and(|p| BE.contains(&p));
    match cue_words().get(word) {
        Some(Tense::Future) => Some(Tense::Future),
        Some(_) => {
            if passive() && word != "been" {
                None
            } else {
                Some(Tense::Past)
            }
        }
        None if word.len() >= 5 && word.ends_with("ed") => {
            if passive() {
                None
            } else {
                Some(Tense::Past)
            }
        }
        None => None,
    }
}

/// How many words either side of an expression may hold its tense cue.
const TENSE_WINDOW: usize = 40;

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
        // The word before matters only to undo a past cue (a passive "is expected"): it is
        // folded only then.
        with_key(w, |k| match (cue(k, None), prev) {
            (Some(Tense::Past), Some(p)) => with_key(p, |pk| cue(k, Some(pk))),
            (t, _) => t,
        })
    };
    // The cue is looked for among the nearest words only: a sentence without one (a
    // 200,000-word line) must not cost a scan of the whole sentence per date.
    let floor = found.tokens.start.saturating_sub(TENSE_WINDOW);
    let ceiling = (found.tokens.end + TENSE_WINDOW).min(tokens.len());
    let mut i = found.tokens.start;
    while i > floor && in_sentence(i - 1) {
        i -= 1;
        if set_to(i) {
            return Tense::Future;
        }
        if let Some(t) = cue_at(i) {
            return t;
        }
    }
    let mut i = found.tokens.end;
    while i < ceiling && in_sentence(i) {
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

/// A resolved expression: its most specific single value and the days it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    /// The value shown and sorted on (a range's first end).
    pub value: DateValue,
    /// First day covered.
    pub start: NaiveDate,
    /// Last day covered.
    pub end: NaiveDate,
}

impl Resolved {
    fn of(value: DateValue) -> Resolved {
        Resolved {
            value,
            start: value.first_day,
            end: value.last_day(),
        }
    }

    fn day(d: NaiveDate) -> Resolved {
        Resolved::of(DateValue::day(d))
    }

    fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }
}

fn value(first_day: NaiveDate, precision: Precision) -> DateValue {
    DateValue {
        first_day,
        precision,
    }
}

/// Resolves an expression to its single value; `None` when it is relative and there is no
/// publication date.
pub fn resolve(expr: &Expr, published: Option<NaiveDate>, tense: Tense) -> Option<DateValue> {
    resolve_value(expr, published, tense).map(|r| r.value)
}

/// Resolves an expression to its value and the days it covers.
pub fn resolve_value(expr: &Expr, published: Option<NaiveDate>, tense: Tense) -> Option<Resolved> {
    match *expr {
        Expr::Date(d) => Some(Resolved::day(d)),
        Expr::MonthOfYear(y, m) => DateValue::month(y, m).map(Resolved::of),
        Expr::Year(y) => DateValue::year(y).map(Resolved::of),
        Expr::Decade(y) => decade(y),
        Expr::Century(y) => Some(Resolved {
            value: DateValue::year(y)?,
            start: NaiveDate::from_ymd_opt(y, 1, 1)?,
            end: NaiveDate::from_ymd_opt(y + 99, 12, 31)?,
        }),
        Expr::DecadeOfCentury(n) => {
            // The latest such decade that has begun by the publication year (the 1970s for
            // "the seventies"); without a date, the twentieth century's.
            let y = match published {
                Some(p) => {
                    let c = p.year() - p.year().rem_euclid(100) + n as i32;
                    if c > p.year() { c - 100 } else { c }
                }
                None => 1900 + n as i32,
            };
            decade(y)
        }
        Expr::Range(ref a, ref b) => {
            let mut ra = resolve_value(a, published, tense)?;
            let mut rb = resolve_value(b, published, tense)?;
            let year_less =
                |x: &Expr| matches!(x, Expr::Bare(Sel::MonthDay(..) | Sel::Month(_), _));
            // "between May 2 and now": a year-less first end before today is last year's.
            if rb.end < ra.start && matches!(**b, Expr::DayOffset(0)) && year_less(a) {
                ra = Resolved {
                    value: DateValue {
                        first_day: ra
                            .value
                            .first_day
                            .with_year(ra.value.first_day.year() - 1)?,
                        ..ra.value
                    },
                    start: ra.start.with_year(ra.start.year() - 1)?,
                    end: ra.end.with_year(ra.end.year() - 1)?,
                };
            }
            if rb.end < ra.start {
                // A year-less second end falls in the year after the first ("from 10/25 to
                // 01/25"); anything else is a range written backwards.
                if !year_less(b) {
                    return None;
                }
                rb = Resolved {
                    value: rb.value,
                    start: rb.start.with_year(rb.start.year() + 1)?,
                    end: rb.end.with_year(rb.end.year() + 1)?,
                };
            }
            Some(Resolved {
                value: ra.value,
                start: ra.start,
                end: rb.end,
            })
        }
        Expr::Of(sel, ref container) => {
            let c = resolve_value(container, published, tense)?;
            select(sel, &c, published)
        }
        Expr::Period(ref parts, Some(ref first)) => {
            let start = resolve_value(first, published, tense)?.start;
            period(start, parts)
        }
        Expr::WeekOf(ref x) => {
            let r = resolve_value(x, published, tense)?;
            Some(Resolved::of(DateValue::week_of(r.start)))
        }
        _ => {
            let p = published?;
            match *expr {
                Expr::DayOffset(n) => Some(Resolved::day(p + Duration::days(n))),
                Expr::Relative(unit, n) => relative(p, unit, n),
                Expr::Shift(ref parts, ref anchor) => {
                    let base = match anchor {
                        Some(a) => resolve_value(a, published, tense)?.start,
                        None => p,
                    };
                    shift(base, parts, anchor.is_some())
                }
                Expr::Span(n, unit) => span(p, n, unit),
                Expr::Period(ref parts, None) => period(p, parts),
                Expr::Bare(sel, rel) => bare(p, sel, rel, tense),
                _ => None,
            }
        }
    }
}

/// So many units from `start`, `start` included: "for three days from Monday" is Monday to
/// Wednesday.
fn period(start: NaiveDate, parts: &[(i64, Unit)]) -> Option<Resolved> {
    let after = shift(start, parts, true)?.start;
    Some(Resolved {
        value: DateValue::day(start),
        start,
        end: after.pred_opt()?.max(start),
    })
}

fn decade(y: i32) -> Option<Resolved> {
    let first = y - y.rem_euclid(10);
    Some(Resolved::of(value(
        NaiveDate::from_ymd_opt(first, 1, 1)?,
        Precision::Decade,
    )))
}

/// Whether an expression is a range, a date counted from the publication date, or a date.
pub fn kind(expr: &Expr) -> DateKind {
    let range = match expr {
        Expr::Range(..) | Expr::Span(..) | Expr::Century(_) | Expr::Period(..) => true,
        Expr::Of(sel, _) | Expr::Bare(sel, _) => {
            matches!(
                sel,
                Sel::Rest | Sel::Half(_) | Sel::Weekend | Sel::Earlier | Sel::Later
            )
        }
        _ => false,
    };
    if range {
        DateKind::Range
    } else if is_relative(expr) {
        DateKind::Relative
    } else {
        DateKind::Date
    }
}

fn is_relative(expr: &Expr) -> bool {
    match expr {
        Expr::DayOffset(_)
        | Expr::Relative(..)
        | Expr::Shift(..)
        | Expr::Span(..)
        | Expr::Period(_, None) => true,
        Expr::Period(_, Some(first)) => is_relative(first),
        Expr::Bare(sel, rel) => {
            *rel != Rel::Bare
                || matches!(
                    sel,
                    Sel::Weekday(_)
                        | Sel::Weekend
                        | Sel::Day(_)
                        | Sel::NthWeekday(..)
                        | Sel::NthWeek(_)
                )
        }
        Expr::Of(_, c) | Expr::WeekOf(c) => is_relative(c),
        Expr::Range(a, b) => is_relative(a) || is_relative(b),
        _ => false,
    }
}

fn relative(p: NaiveDate, unit: Unit, n: i64) -> Option<Resolved> {
    let n32 = i32::try_from(n).ok()?;
    let v = match unit {
        Unit::Day => DateValue::day(p + Duration::days(n)),
        Unit::Week => DateValue::week_of(p + Duration::weeks(n)),
        Unit::Month => {
            let d = add_months(p, n32)?;
            DateValue::month(d.year(), d.month())?
        }
        Unit::Quarter => {
            let q0 = NaiveDate::from_ymd_opt(p.year(), (p.month0() / 3) * 3 + 1, 1)?;
            value(add_months(q0, 3 * n32)?, Precision::Quarter)
        }
        Unit::Year => DateValue::year(p.year() + n32)?,
        Unit::Decade => return decade(p.year() - p.year().rem_euclid(10) + 10 * n32),
    };
    Some(Resolved::of(v))
}

/// Adds months to a day, keeping the day of the month where the month has it.
fn plus_months(d: NaiveDate, months: i32) -> Option<NaiveDate> {
    let first = add_months(d, months)?;
    let last = super::DateValue::month(first.year(), first.month())?.last_day();
    first.with_day(d.day().min(last.day()))
}

fn shift(base: NaiveDate, parts: &[(i64, Unit)], anchored: bool) -> Option<Resolved> {
    let mut d = base;
    let mut finest = Unit::Decade;
    let rank = |u: Unit| match u {
        Unit::Day => 0,
        Unit::Week => 1,
        Unit::Month => 2,
        Unit::Quarter => 3,
        Unit::Year => 4,
        Unit::Decade => 5,
    };
    for &(n, u) in parts {
        let n32 = i32::try_from(n).ok()?;
        d = match u {
            Unit::Day => d + Duration::days(n),
            Unit::Week => d + Duration::weeks(n),
            Unit::Month => plus_months(d, n32)?,
            Unit::Quarter => plus_months(d, 3 * n32)?,
            Unit::Year => plus_months(d, 12 * n32)?,
            Unit::Decade => plus_months(d, 120 * n32)?,
        };
        if rank(u) < rank(finest) {
            finest = u;
        }
    }
    // "two years ago" is a year and "six months ago" a month, as news means them; several
    // units, or an anchor day ("a week from Monday"), make a day.
    let v = if parts.len() > 1 || anchored {
        DateValue::day(d)
    } else {
        match finest {
            // "three weeks ago" counts days: a day, like "21 days ago".
            Unit::Day | Unit::Week => DateValue::day(d),
            Unit::Month => DateValue::month(d.year(), d.month())?,
            Unit::Quarter => DateValue::month(d.year(), d.month())?,
            Unit::Year => DateValue::year(d.year())?,
            Unit::Decade => return decade(d.year()),
        }
    };
    Some(Resolved::of(v))
}

/// "the next three days" (n = 3): from the day after the publication date; "the past two
/// weeks" (n = -2): up to the day before it. Decades count whole decades.
fn span(p: NaiveDate, n: i64, unit: Unit) -> Option<Resolved> {
    if unit == Unit::Decade {
        let this = p.year() - p.year().rem_euclid(10);
        let n32 = i32::try_from(n).ok()?;
        let (a, b) = if n > 0 {
            (this + 10, this + 10 * (n32 + 1) - 1)
        } else {
            (this + 10 * n32, this - 1)
        };
        return Some(Resolved {
            value: value(NaiveDate::from_ymd_opt(a, 1, 1)?, Precision::Decade),
            start: NaiveDate::from_ymd_opt(a, 1, 1)?,
            end: NaiveDate::from_ymd_opt(b, 12, 31)?,
        });
    }
    let far = shift(p, &[(n, unit)], true)?.start;
    let (start, end) = if n > 0 {
        (p + Duration::days(1), far)
    } else {
        (far, p - Duration::days(1))
    };
    Some(Resolved {
        value: DateValue::day(start),
        start,
        end,
    })
}

/// The unit that holds a selector when none is written.
fn container_unit(sel: Sel) -> Unit {
    match sel {
        Sel::Day(_) | Sel::NthWeekday(..) | Sel::NthWeek(_) => Unit::Month,
        Sel::Weekday(_) | Sel::Weekend => Unit::Week,
        _ => Unit::Year,
    }
}

/// A selector whose container tense and proximity choose.
fn bare(p: NaiveDate, sel: Sel, rel: Rel, tense: Tense) -> Option<Resolved> {
    let unit = container_unit(sel);
    let reach = if unit == Unit::Year { 2 } else { 3 };
    let candidates: Vec<Resolved> = (-reach..=reach)
        .filter_map(|n| relative(p, unit, n))
        .filter_map(|c| select(sel, &c, Some(p)))
        .collect();
    let current = relative(p, unit, 0).and_then(|c| select(sel, &c, Some(p)));
    match rel {
        // "the first Sunday" is this month's, whichever side of the date it falls.
        Rel::Bare if matches!(sel, Sel::NthWeekday(..)) => current,
        Rel::This => current,
        Rel::Last => candidates.iter().rev().find(|c| c.end < p).copied(),
        Rel::Next => candidates.iter().find(|c| c.start > p).copied(),
        Rel::Bare => {
            if let Some(c) = candidates.iter().find(|c| c.contains(p)) {
                return Some(*c);
            }
            let before = candidates.iter().rev().find(|c| c.end < p).copied();
            let after = candidates.iter().find(|c| c.start > p).copied();
            match (before, after) {
                (Some(b), Some(a)) => {
                    let back = (p - b.end).num_days();
                    let ahead = (a.start - p).num_days();
                    Some(match tense {
                        Tense::Past if back <= TENSE_REACH_DAYS => b,
                        Tense::Future if ahead <= TENSE_REACH_DAYS => a,
                        _ if back <= ahead => b,
                        _ => a,
                    })
                }
                (b, a) => b.or(a),
            }
        }
    }
}

fn season_start(s: Season) -> u32 {
    match s {
        Season::Spring => 3,
        Season::Summer => 6,
        Season::Autumn => 9,
        Season::Winter => 12,
    }
}

/// A part of a resolved container.
fn select(sel: Sel, c: &Resolved, published: Option<NaiveDate>) -> Option<Resolved> {
    let y = c.start.year();
    let m = c.start.month();
    Some(match sel {
        Sel::Month(mm) => Resolved::of(DateValue::month(y, mm)?),
        Sel::MonthDay(mm, d) => Resolved::day(NaiveDate::from_ymd_opt(y, mm, d)?),
        Sel::Day(d) => Resolved::day(NaiveDate::from_ymd_opt(y, m, d)?),
        Sel::Weekday(wd) => {
            let monday = DateValue::week_of(c.start).first_day;
            Resolved::day(monday + Duration::days(i64::from(wd.num_days_from_monday())))
        }
        Sel::Weekend => {
            let sat = DateValue::week_of(c.start).first_day + Duration::days(5);
            Resolved {
                value: DateValue::day(sat),
                start: sat,
                end: sat + Duration::days(1),
            }
        }
        Sel::NthWeekday(n, wd) => Resolved::day(nth_weekday(y, m, wd, n)?),
        Sel::NthWeek(n) => {
            if c.value.precision <= Precision::Year {
                let week = if n < 0 {
                    NaiveDate::from_ymd_opt(y, 12, 28)?.iso_week().week()
                } else {
                    u32::try_from(n).ok()?
                };
                Resolved::of(DateValue::week_of(NaiveDate::from_isoywd_opt(
                    y,
                    week,
                    chrono::Weekday::Mon,
                )?))
            } else {
                // Weeks of a month are counted as ISO counts them in a year: the first is the
                // one holding the month's first Thursday.
                let thursday = nth_weekday(y, m, chrono::Weekday::Thu, if n < 0 { -1 } else { n })?;
                Resolved::of(DateValue::week_of(thursday))
            }
        }
        Sel::WeekNumber(n) => Resolved::of(DateValue::week_of(NaiveDate::from_isoywd_opt(
            y,
            n,
            chrono::Weekday::Mon,
        )?)),
        Sel::Quarter(q) => Resolved::of(value(
            NaiveDate::from_ymd_opt(y, 3 * (q - 1) + 1, 1)?,
            Precision::Quarter,
        )),
        Sel::Half(h) => {
            let start = NaiveDate::from_ymd_opt(y, 6 * (h - 1) + 1, 1)?;
            Resolved {
                value: DateValue::month(y, start.month())?,
                start,
                end: add_months(start, 6)?.pred_opt()?,
            }
        }
        Sel::Season(s) => Resolved::of(value(
            NaiveDate::from_ymd_opt(y, season_start(s), 1)?,
            Precision::Season,
        )),
        Sel::Holiday(h) => holiday(h, y)?,
        Sel::Part(part) => {
            let len = (c.end - c.start).num_days() + 1;
            let third = (len / 3).max(1);
            let (start, end) = match part {
                Part::Early => (c.start, c.start + Duration::days(third - 1)),
                Part::Mid => (
                    c.start + Duration::days(third),
                    c.end - Duration::days(third),
                ),
                Part::Late => (c.end - Duration::days(third - 1), c.end),
            };
            Resolved {
                value: c.value,
                start,
                end: end.max(start),
            }
        }
        Sel::Earlier | Sel::Later => {
            let p = published?;
            if !c.contains(p) {
                return None;
            }
            let (start, end) = if sel == Sel::Earlier {
                (c.start, p)
            } else {
                (p, c.end)
            };
            Resolved {
                value: c.value,
                start,
                end,
            }
        }
        Sel::Rest => {
            let p = published?;
            if !c.contains(p) {
                return None;
            }
            Resolved {
                value: DateValue::day(p),
                start: p,
                end: c.end,
            }
        }
    })
}

fn holiday(h: Holiday, y: i32) -> Option<Resolved> {
    Some(Resolved::day(h.date(y)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn label(e: Expr, p: NaiveDate, t: Tense) -> String {
        resolve(&e, Some(p), t).unwrap().label()
    }

    #[test]
    fn weekdays_follow_tense() {
        let fri = ymd(2025, 3, 14);
        let r = |wd, rel, t| label(Expr::Bare(Sel::Weekday(wd), rel), fri, t);
        assert_eq!(r(Weekday::Tue, Rel::Bare, Tense::Past), "2025-03-11");
        assert_eq!(r(Weekday::Tue, Rel::Bare, Tense::Future), "2025-03-18");
        assert_eq!(r(Weekday::Mon, Rel::Bare, Tense::Neutral), "2025-03-17");
        assert_eq!(r(Weekday::Thu, Rel::Bare, Tense::Neutral), "2025-03-13");
        assert_eq!(r(Weekday::Fri, Rel::Bare, Tense::Future), "2025-03-14");
        assert_eq!(r(Weekday::Mon, Rel::Next, Tense::Past), "2025-03-17");
        assert_eq!(r(Weekday::Mon, Rel::Last, Tense::Future), "2025-03-10");
        assert_eq!(r(Weekday::Fri, Rel::Last, Tense::Neutral), "2025-03-07");
    }

    #[test]
    fn months_by_tense_within_reach() {
        let p = ymd(2024, 11, 15);
        let m = |m, t| label(Expr::Bare(Sel::Month(m), Rel::Bare), p, t);
        assert_eq!(m(9, Tense::Past), "2024-09");
        assert_eq!(m(2, Tense::Neutral), "2025-02");
        // Too far back for the tense to win: the nearest February.
        assert_eq!(m(2, Tense::Past), "2025-02");
        assert_eq!(m(1, Tense::Future), "2025-01");
        assert_eq!(m(11, Tense::Future), "2024-11");
    }

    #[test]
    fn leap_day_finds_a_leap_year() {
        let md = |p| label(Expr::Bare(Sel::MonthDay(2, 29), Rel::Bare), p, Tense::Past);
        assert_eq!(md(ymd(2025, 3, 1)), "2024-02-29");
    }

    #[test]
    fn spans_and_parts() {
        let p = ymd(2016, 11, 7);
        let r = resolve_value(&Expr::Span(-3, Unit::Week), Some(p), Tense::Neutral).unwrap();
        assert_eq!((r.start, r.end), (ymd(2016, 10, 17), ymd(2016, 11, 6)));
        let r = resolve_value(&Expr::Span(-2, Unit::Decade), Some(p), Tense::Neutral).unwrap();
        assert_eq!((r.start, r.end), (ymd(1990, 1, 1), ymd(2009, 12, 31)));
    }
}
