//! Finding date expressions in a token stream: a small grammar over words read once into
//! [`Atom`]s, so the whole expression is found ("the day after tomorrow", "the first week of
//! 2015", "from May 3 to 7", "two years and three months ago"), not a piece of it.
//!
//! Every production is anchored on a word that belongs to dates (a month or weekday name,
//! "today", "ago", a number in a date shape…), so the scan costs a byte comparison or two per
//! token. What is *not* a date matters as much: durations ("a three-year war", "for over three
//! years"), habits ("on Friday evenings"), counts ("2000 soldiers"), codes ("XX/2025-04-02/REV"),
//! versions, scores, prices and "today" meaning nowadays are left alone.

use super::DateOptions;
use super::SlashOrder;
use super::holidays::Holiday;
use super::lexicon::{self, Atom, Kw};
pub use super::lexicon::{Season, Unit};
use crate::analysis::Span;
use crate::text::{Cursor, Token, TokenKind};
use chrono::{NaiveDate, Weekday};
use std::ops::Range;

/// A modifier that fixes which occurrence of a weekday, month, season… is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    /// No modifier: tense and proximity decide.
    Bare,
    /// "last Monday", "last March": the latest one strictly before the publication date.
    Last,
    /// "next Monday": the first one strictly after.
    Next,
    /// "this Friday", "this March": the one of the current week or year.
    This,
}

/// Early, middle or late part of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The first third ("early March", "the beginning of the year").
    Early,
    /// The middle third ("mid-2024").
    Mid,
    /// The last third ("late last year", "the end of the month").
    Late,
}

/// A part of a containing period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sel {
    /// A month of a year.
    Month(u32),
    /// A day of a month of a year.
    MonthDay(u32, u32),
    /// A day of a month.
    Day(u32),
    /// A day of a week.
    Weekday(Weekday),
    /// The nth (from 1; -1 the last) weekday of a month.
    NthWeekday(i32, Weekday),
    /// The nth (from 1; -1 the last) week of a month or year.
    NthWeek(i32),
    /// An ISO week number of a year.
    WeekNumber(u32),
    /// A quarter of a year.
    Quarter(u32),
    /// A half of a year.
    Half(u32),
    /// A season of a year.
    Season(Season),
    /// A holiday of a year.
    Holiday(Holiday),
    /// Saturday and Sunday of a week.
    Weekend,
    /// Early, mid or late in a period.
    Part(Part),
    /// From the publication date to the end of a period.
    Rest,
    /// The part of a period up to the publication date ("earlier this year"); the value
    /// stays the period's.
    Earlier,
    /// The part of a period from the publication date ("later this month"); the value stays
    /// the period's.
    Later,
}

/// What a date expression says, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A full calendar date: "2025-02-12", "Feb. 12, 2025", "12 February 2025".
    Date(NaiveDate),
    /// "February 2022".
    MonthOfYear(i32, u32),
    /// "in 2019", "the 2014 ouster".
    Year(i32),
    /// "the 1970s": the first year.
    Decade(i32),
    /// "the seventies", "the '70s": the decade within an unknown century (0–90).
    DecadeOfCentury(u32),
    /// "the 21st century": the first year.
    Century(i32),
    /// "today" (0), "yesterday" (-1), "the day after tomorrow" (2).
    DayOffset(i64),
    /// "this week" (0), "last month" (-1), "next year" (1).
    Relative(Unit, i64),
    /// "two years ago", "three weeks from tomorrow": signed amounts from an anchor (the
    /// publication date when `None`).
    Shift(Vec<(i64, Unit)>, Option<Box<Expr>>),
    /// "the next three days" (3), "the past two weeks" (-2): so many whole units after or
    /// before the publication date.
    Span(i64, Unit),
    /// A part whose container tense and proximity choose: "in November", "on Tuesday",
    /// "Jan. 20", "last spring", "at Christmas", "on the 27th".
    Bare(Sel, Rel),
    /// A part of a given container: "the first week of 2015", "June next year".
    Of(Sel, Box<Expr>),
    /// The week holding a day: "the week of March 3".
    WeekOf(Box<Expr>),
    /// From one to the other, both included.
    Range(Box<Expr>, Box<Expr>),
    /// "within five days", "for a week from Monday", "two weeks starting May 20": so many
    /// units from a first day (the publication date when `None`), that day included.
    Period(Vec<(i64, Unit)>, Option<Box<Expr>>),
}

/// A date expression found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The expression with its preposition or modifier ("on Tuesday", "since 1998").
    pub span: Span,
    /// Tokens of the whole expression (preposition included).
    pub tokens: Range<usize>,
    /// The preposition before it, lowercase, when there is one ("on", "since", "until").
    pub lead: Option<&'static str>,
    /// What it says.
    pub expr: Expr,
}

// Shared with the build script, which writes them into the word tables.
include!("calendar_names.rs");

/// Prepositions kept in the expression: they carry meaning ("since 1998", "until January").
const LEADS: &[&str] = &[
    "on",
    "in",
    "since",
    "by",
    "until",
    "till",
    "from",
    "during",
    "before",
    "after",
    "through",
    "throughout",
    "for",
];

/// Words after a weekday that make it a habit ("on Friday evenings").
const HABIT_AFTER: &[&str] = &["mornings", "afternoons", "evenings", "nights", "nighttimes"];

/// Words before an "N units ago" count that belong to the expression.
const APPROXIMATORS: &[&str] = &[
    "nearly",
    "almost",
    "about",
    "around",
    "some",
    "roughly",
    "approximately",
    "over",
    "just",
    "only",
    "barely",
];

/// Determiners that make "last"/"next" an adjective ("the last week of the campaign").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "your", "whose", "that", "every", "each",
];

/// Words before "today" that make it "nowadays" ("the world of today", "rockets flying
/// today are more powerful than any…").
const NOWADAYS_CUES: &[&str] = &[
    "than",
    "ever",
    "any",
    "still",
    "even",
    "remains",
    "remain",
    "modern",
    "anymore",
    "nowadays",
    "generally",
    "usually",
    "increasingly",
    "most",
];

/// Nouns after "today's" that make it "of our time" ("today's youth").
const NOWADAYS_NOUNS: &[&str] = &[
    "world",
    "society",
    "youth",
    "generation",
    "standards",
    "economy",
    "politics",
    "children",
    "young",
    "culture",
    "technology",
    "media",
    "climate",
    "era",
    "age",
    "market",
    "markets",
    "times",
];

/// Words before a bare number that make it a code, a score or a price, not a date.
const CODE_BEFORE: &[&str] = &[
    "flight",
    "version",
    "v",
    "ver",
    "no",
    "number",
    "route",
    "room",
    "bus",
    "train",
    "gate",
    "platform",
    "model",
    "release",
    "build",
    "score",
    "scored",
    "won",
    "lost",
    "beat",
    "drew",
    "ref",
    "reference",
    "case",
    "page",
    "pages",
    "chapter",
    "section",
    "article",
    "rule",
    "ios",
    "android",
    "windows",
];

/// Words that may follow a numeric date inside an expression or a sentence without making it
/// something else.
const AFTER_NUMERIC_OK: &[&str] = &[
    "to", "through", "and", "or", "until", "till", "at", "in", "on", "when", "the", "was", "is",
    "will", "for", "from", "by", "as", "with",
];

/// A date expression scanner: the shared token cursor, each token read once.
struct Grammar<'a> {
    c: Cursor<'a>,
    atoms: Vec<Atom>,
    options: DateOptions,
}

impl<'a> std::ops::Deref for Grammar<'a> {
    type Target = Cursor<'a>;
    fn deref(&self) -> &Cursor<'a> {
        &self.c
    }
}

/// A parse: the first token after it and what it says.
type P = Option<(usize, Expr)>;

fn longest(a: P, b: P) -> P {
    match (a, b) {
        (Some(x), Some(y)) => Some(if y.0 > x.0 { y } else { x }),
        (x, None) => x,
        (None, y) => y,
    }
}

fn bare(sel: Sel) -> Expr {
    Expr::Bare(sel, Rel::Bare)
}

/// Year, month and day as far as written ("3", "March 3", "March 2019").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Cal {
    y: Option<i32>,
    m: Option<u32>,
    d: Option<u32>,
}

impl Cal {
    fn expr(self) -> Option<Expr> {
        match (self.y, self.m, self.d) {
            (Some(y), Some(m), Some(d)) => NaiveDate::from_ymd_opt(y, m, d).map(Expr::Date),
            (None, Some(m), Some(d)) if d <= days_in_month(m) => Some(bare(Sel::MonthDay(m, d))),
            (Some(y), Some(m), None) => Some(Expr::MonthOfYear(y, m)),
            (None, Some(m), None) => Some(bare(Sel::Month(m))),
            (None, None, Some(d)) => Some(bare(Sel::Day(d))),
            (Some(y), None, None) => Some(Expr::Year(y)),
            _ => None,
        }
    }
}

/// The calendar parts of an expression, for a range end to borrow what it leaves out
/// ("March 3-5", "2 to 7 February").
fn cal_of(e: &Expr) -> Option<Cal> {
    use chrono::Datelike;
    Some(match *e {
        Expr::Date(d) => Cal {
            y: Some(d.year()),
            m: Some(d.month()),
            d: Some(d.day()),
        },
        Expr::MonthOfYear(y, m) => Cal {
            y: Some(y),
            m: Some(m),
            d: None,
        },
        Expr::Year(y) => Cal {
            y: Some(y),
            ..Cal::default()
        },
        Expr::Bare(Sel::MonthDay(m, d), Rel::Bare) => Cal {
            m: Some(m),
            d: Some(d),
            ..Cal::default()
        },
        Expr::Bare(Sel::Month(m), Rel::Bare) => Cal {
            m: Some(m),
            ..Cal::default()
        },
        Expr::Bare(Sel::Day(d), Rel::Bare) => Cal {
            d: Some(d),
            ..Cal::default()
        },
        _ => return None,
    })
}

/// Fills the parts the first end of a range leaves out from the second, and the other way.
fn complete(a: Cal, b: Cal) -> (Cal, Cal) {
    let mut a2 = a;
    let mut b2 = b;
    // "3 to 7 February 2018": the first end borrows month and year.
    if a.m.is_none() && a.d.is_some() {
        a2.m = b.m;
    }
    if a2.y.is_none() && a2.m.is_some() && b.m.is_some() {
        a2.y = b.y.map(|y| {
            if a2.m > b.m && a2.d.is_some() == b.d.is_some() {
                y - 1
            } else {
                y
            }
        });
    }
    // "March 3-5": the second end borrows month and year.
    if b.m.is_none() && b.d.is_some() {
        b2.m = a.m;
    }
    if b2.y.is_none() && b2.m.is_some() && a.y.is_some() {
        b2.y = a.y.map(|y| if b2.m < a2.m { y + 1 } else { y });
    }
    (a2, b2)
}

fn days_in_month(m: u32) -> u32 {
    match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn two_digit_year(n: u32) -> i32 {
    if n >= 50 {
        1900 + n as i32
    } else {
        2000 + n as i32
    }
}

impl<'a> Grammar<'a> {
    /// Token `i`'s text; empty past the end, so rules may look ahead freely.
    fn s(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.as_str(self.text))
    }

    fn at(&self, i: usize) -> Atom {
        self.atoms.get(i).copied().unwrap_or(Atom::Other)
    }

    fn kw(&self, i: usize, k: Kw) -> bool {
        self.at(i) == Atom::Kw(k)
    }

    fn is_cap(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
    }

    /// Whether a sentence or line starts at token `i`.
    fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || self.line_break_before(i)
            || matches!(
                self.s(i - 1),
                "." | "!" | "?" | "\"" | "“" | ":" | ";" | "("
            )
    }

    /// A number of `lens` digits.
    fn num(&self, i: usize, lens: Range<u8>) -> Option<u32> {
        match self.at(i) {
            Atom::Num(n, l) if lens.contains(&l) => Some(n),
            _ => None,
        }
    }

    /// A four-digit year.
    fn year4(&self, i: usize) -> Option<i32> {
        let y = self.num(i, 4..5)? as i32;
        (1000..=2199).contains(&y).then_some(y)
    }

    /// A spelled number below 100 and whether it is an ordinal ("twenty-first").
    fn small_spelled(&self, i: usize) -> Option<(u32, usize, bool)> {
        match self.at(i) {
            Atom::Card(n) if n >= 20 && n % 10 == 0 => {
                let mut j = i + 1;
                if self.is_dash(j) && self.touch(i) && self.touch(j) {
                    j += 1;
                }
                match self.at(j) {
                    Atom::Card(u) if (1..=9).contains(&u) => Some((n + u, j + 1, false)),
                    Atom::OrdWord(u) if (1..=9).contains(&u) => Some((n + u, j + 1, true)),
                    _ => Some((n, i + 1, false)),
                }
            }
            Atom::Card(n) => Some((n, i + 1, false)),
            Atom::OrdWord(n) => Some((n, i + 1, true)),
            _ => None,
        }
    }

    /// A spelled year: "nineteen seventy-eight", "two thousand and eighteen", "nineteen oh
    /// five", "one thousand seven hundred and eighty nine".
    fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        let (a, j, ord) = self.small_spelled(i)?;
        if ord {
            return None;
        }
        if self.kw(j, Kw::Thousand) {
            let mut y = a * 1000;
            let mut k = j + 1;
            let k2 = if self.kw(k, Kw::And) { k + 1 } else { k };
            if let Some((h, k3, false)) = self.small_spelled(k2) {
                if self.kw(k3, Kw::Hundred) {
                    y += h * 100;
                    k = k3 + 1;
                    let k4 = if self.kw(k, Kw::And) { k + 1 } else { k };
                    if let Some((r, k5, false)) = self.small_spelled(k4) {
                        y += r;
                        k = k5;
                    }
                } else {
                    y += h;
                    k = k3;
                }
            }
            return Some((y as i32, k));
        }
        if !(10..=29).contains(&a) {
            return None;
        }
        if self.kw(j, Kw::Hundred) {
            let k = if self.kw(j + 1, Kw::And) {
                j + 2
            } else {
                j + 1
            };
            if let Some((r, k2, false)) = self.small_spelled(k) {
                return Some(((a * 100 + r) as i32, k2));
            }
            return Some(((a * 100) as i32, j + 1));
        }
        if matches!(self.at(j), Atom::Card(0) | Atom::Kw(Kw::Oh))
            && let Some((u, k, false)) = self.small_spelled(j + 1)
            && (1..=9).contains(&u)
        {
            return Some(((a * 100 + u) as i32, k));
        }
        match self.small_spelled(j) {
            Some((b, k, false)) if (10..=99).contains(&b) => Some(((a * 100 + b) as i32, k)),
            _ => None,
        }
    }

    /// A year after a month or in a range: four digits, spelled, or "'99".
    fn any_year(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.year4(i) {
            // "2022/23", "2022-2023": a span or a code, not this year; a dash before a word
            // ("December 2022—comes") is punctuation.
            if self.touch(i)
                && (self.is_dash(i + 1) || self.punct(i + 1, "/"))
                && self.touch(i + 1)
                && matches!(self.at(i + 2), Atom::Num(..))
            {
                return None;
            }
            return Some((y, i + 1));
        }
        if (self.punct(i, "'") || self.punct(i, "’")) && self.touch(i) {
            return self.num(i + 1, 2..3).map(|n| (two_digit_year(n), i + 2));
        }
        self.spelled_year(i)
    }

    /// A day of the month in digits ("7", "07", "7th"), not a time ("7:30") or a share.
    fn day_num(&self, i: usize) -> Option<(u32, usize)> {
        let d = match self.at(i) {
            Atom::Num(n, l) if l <= 2 => n,
            Atom::OrdNum(n) => n,
            _ => return None,
        };
        if self.touch(i) && (self.punct(i + 1, ":") || self.punct(i + 1, "%")) {
            return None;
        }
        (1..=31).contains(&d).then_some((d, i + 1))
    }

    /// A day of the month in digits or words ("twenty-first", "the 3rd").
    fn day(&self, i: usize) -> Option<(u32, usize)> {
        if let Some(x) = self.day_num(i) {
            return Some(x);
        }
        let (d, j, _) = self.small_spelled(i)?;
        (1..=31).contains(&d).then_some((d, j))
    }

    /// A month name at `i`: the month, the index after it (an abbreviation takes its
    /// period), and whether it is a month whatever follows (a capitalised full name other than
    /// the verbs "May" and "March", "Sept.", "Dec."); a weak one needs a day or year beside it.
    fn month(&self, i: usize) -> Option<(u32, usize, bool)> {
        let Atom::Month { month, abbr } = self.at(i) else {
            return None;
        };
        let cap = self.is_cap(i);
        if abbr {
            if self.touch(i) && self.punct(i + 1, ".") {
                return Some((month, i + 2, cap));
            }
            let strong = cap && matches!(month, 6..=11);
            return Some((month, i + 1, strong));
        }
        let strong = match month {
            5 | 3 => false,
            _ => cap || !matches!(month, 8),
        };
        Some((month, i + 1, strong))
    }

    /// A weekday name at `i` (not a plural: "on Fridays" is a habit).
    fn weekday(&self, i: usize) -> Option<(Weekday, usize)> {
        let Atom::Weekday { day, abbr } = self.at(i) else {
            return None;
        };
        let w = self.s(i);
        if w.ends_with("ays") || w.ends_with("AYS") {
            return None;
        }
        if abbr {
            let lw = w.len();
            let dot = self.touch(i) && self.punct(i + 1, ".");
            let strong = lw >= 4
                || (self.is_cap(i)
                    && !matches!(
                        day,
                        Weekday::Sun | Weekday::Sat | Weekday::Mon | Weekday::Wed
                    ));
            if !(strong || self.punct(i + 1, ",") || dot) {
                return None;
            }
            if self.word_in(i + 1, HABIT_AFTER) {
                return None;
            }
            return Some((day, if dot { i + 2 } else { i + 1 }));
        }
        if self.word_in(i + 1, HABIT_AFTER) {
            return None;
        }
        Some((day, i + 1))
    }

    // ------------------------------------------------------------------ calendar dates

    /// "March 3", "March 3, 2019", "March the third", "March 2019", "March of 2019",
    /// "3 March 2019", "the 3rd of March", "2019 March", "2019-Mar-03".
    fn calendar(&self, i: usize) -> Option<(usize, Cal)> {
        if let Some(x) = self.month_first(i) {
            return Some(x);
        }
        if let Some(x) = self.day_first(i) {
            return Some(x);
        }
        self.year_first(i)
    }

    fn month_first(&self, i: usize) -> Option<(usize, Cal)> {
        let (m, j, strong) = self.month(i)?;
        let mut k = j;
        if self.kw(k, Kw::The)
            || ((self.is_dash(k) || self.punct(k, "/")) && self.touch(k - 1) && self.touch(k))
        {
            k += 1;
        }
        // "Sept. 3 2021", "March 3", "May twenty-first", "Oct2".
        if let Some((d, e)) = self.day(k) {
            let spelled = self.small_spelled(k).is_some();
            // A spelled day must not start a spelled year ("March nineteen seventy").
            let year_instead = spelled && self.spelled_year(k).is_some_and(|(_, e2)| e2 > e);
            if !year_instead {
                let mut y_at = e;
                if self.punct(y_at, ",") {
                    y_at += 1;
                }
                let cal = Cal {
                    y: None,
                    m: Some(m),
                    d: Some(d),
                };
                if let Some((y, e2)) = self.any_year(y_at) {
                    return Some((e2, Cal { y: Some(y), ..cal }));
                }
                // "Feb. 29" is checked against a leap year when resolved.
                if d > days_in_month(m) {
                    return None;
                }
                // "March 3-5": the second day is the range's.
                if !spelled && self.num(e, 3..5).is_some() && !self.touch(e - 1) {
                    return None;
                }
                return Some((e, cal));
            }
        }
        // "February 2022", "February, 2022", "February of 2022", "August '99", "August 99".
        let mut y_at = j;
        if self.punct(y_at, ",")
            || self.kw(y_at, Kw::Of)
            || self.is_dash(y_at)
            || self.punct(y_at, "/")
        {
            y_at += 1;
        }
        if let Some((y, e)) = self.any_year(y_at) {
            return Some((
                e,
                Cal {
                    y: Some(y),
                    m: Some(m),
                    d: None,
                },
            ));
        }
        if let Some(n) = self.num(j, 2..3).filter(|&n| n > 31) {
            return Some((
                j + 1,
                Cal {
                    y: Some(two_digit_year(n)),
                    m: Some(m),
                    d: None,
                },
            ));
        }
        if strong {
            return Some((
                j,
                Cal {
                    m: Some(m),
                    ..Cal::default()
                },
            ));
        }
        None
    }

    fn day_first(&self, i: usize) -> Option<(usize, Cal)> {
        let (d, mut j) = self.day(i)?;
        // A spelled cardinal day ("seven March") is rare; ordinals and digits are the forms.
        if matches!(self.at(i), Atom::Card(_))
            && !matches!(self.at(j.saturating_sub(1)), Atom::OrdWord(_))
        {
            return None;
        }
        // "16 of March", "16-Mar", "16. Nov." (day-first copy marks the ordinal with a point).
        if self.kw(j, Kw::Of)
            || ((self.is_dash(j) || self.punct(j, "/") || self.punct(j, "."))
                && self.touch(j - 1)
                && (self.touch(j) || self.punct(j, ".")))
        {
            j += 1;
        }
        let (m, k, _) = self.month(j)?;
        let mut y_at = k;
        if self.punct(y_at, ",") {
            y_at += 1;
        }
        if let Some((y, e)) = self.any_year(y_at) {
            return Some((
                e,
                Cal {
                    y: Some(y),
                    m: Some(m),
                    d: Some(d),
                },
            ));
        }
        (d <= days_in_month(m)).then_some((
            k,
            Cal {
                y: None,
                m: Some(m),
                d: Some(d),
            },
        ))
    }

    fn year_first(&self, i: usize) -> Option<(usize, Cal)> {
        let y = self.year4(i)?;
        let mut j = i + 1;
        let joined = (self.is_dash(j) || self.punct(j, "/")) && self.touch(i) && self.touch(j);
        if joined || self.punct(j, ",") {
            j += 1;
        }
        let (m, k, strong) = self.month(j)?;
        if !strong && !joined && !self.punct(i + 1, ",") && self.is_cap(j) {
            return None;
        }
        let mut d_at = k;
        if (self.is_dash(d_at) || self.punct(d_at, "/")) && self.touch(d_at) {
            d_at += 1;
            if let Some((d, e)) = self.day_num(d_at) {
                return Some((
                    e,
                    Cal {
                        y: Some(y),
                        m: Some(m),
                        d: Some(d),
                    },
                ));
            }
            return None;
        }
        Some((
            k,
            Cal {
                y: Some(y),
                m: Some(m),
                d: None,
            },
        ))
    }

    // ------------------------------------------------------------------ numeric dates

    /// Whether a numeric date between tokens `i` and `end` is part of a code, a version or a
    /// price ("XX/2025-04-02/REV", "v2.10.2019", "$12/25").
    fn numeric_in_code(&self, i: usize, end: usize) -> bool {
        if i > 0 && self.touch(i - 1) {
            let p = self.s(i - 1);
            if !matches!(p, "(" | "[" | "\"" | "“" | "'" | "‘") {
                return true;
            }
        }
        if i > 0 && self.word_in(i - 1, CODE_BEFORE) {
            return true;
        }
        if end < self.toks.len() && self.touch(end - 1) {
            let n = self.s(end);
            if n == "/" || self.is_dash(end) || self.toks[end].kind != TokenKind::Punct {
                return true;
            }
            if (n == "." || n == ",")
                && end + 1 < self.toks.len()
                && self.touch(end)
                && self.toks[end + 1].kind == TokenKind::Number
            {
                return true;
            }
        }
        false
    }

    /// "2025-02-12", "2025/2/12", "2015.5.13", "02/22/2016", "22.02.2016", "9-18-15",
    /// "11/2016", "2016-11", "4/22".
    fn numeric(&self, i: usize) -> P {
        let t = *self.toks.get(i)?;
        let s = t.as_str(self.text);
        // One token with dots: "22.02.2016", "2015.5.13".
        if s.contains('.') {
            let parts: Vec<&str> = s.split('.').collect();
            if parts.len() == 3 && !self.numeric_in_code(i, i + 1) {
                let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
                if n.len() == 3 {
                    let date = if parts[0].len() == 4 {
                        NaiveDate::from_ymd_opt(n[0] as i32, n[1], n[2])
                    } else if parts[2].len() == 4 || parts[2].len() == 2 {
                        let y = if parts[2].len() == 4 {
                            n[2] as i32
                        } else {
                            two_digit_year(n[2])
                        };
                        NaiveDate::from_ymd_opt(y, n[1], n[0])
                    } else {
                        None
                    };
                    return date.map(|d| (i + 1, Expr::Date(d)));
                }
            }
            return None;
        }
        let Atom::Num(a, la) = self.at(i) else {
            return None;
        };
        // Separators: one kind, spaces allowed only around a year-month pair ("2016 / 11").
        let sep_at = i + 1;
        let sep = if self.is_dash(sep_at) {
            "-"
        } else if self.punct(sep_at, "/") {
            "/"
        } else {
            return None;
        };
        let tight = self.touch(i) && self.touch(sep_at);
        let Atom::Num(b, lb) = self.at(i + 2) else {
            return None;
        };
        let third = if tight
            && (if sep == "-" {
                self.is_dash(i + 3)
            } else {
                self.punct(i + 3, "/")
            })
            && self.touch(i + 2)
            && self.touch(i + 3)
        {
            match self.at(i + 4) {
                Atom::Num(c, lc) => Some((c, lc)),
                _ => None,
            }
        } else {
            None
        };
        if let Some((c, lc)) = third {
            let end = i + 5;
            if self.numeric_in_code(i, end) {
                return None;
            }
            let date = if la == 4 {
                NaiveDate::from_ymd_opt(a as i32, b, c)
            } else if lc == 4 || lc == 2 {
                let y = if lc == 4 { c as i32 } else { two_digit_year(c) };
                let (m, d) = if a > 12 {
                    (b, a)
                } else if b > 12 {
                    (a, b)
                } else if self.options.slash_order == SlashOrder::Eu {
                    (b, a)
                } else {
                    (a, b)
                };
                NaiveDate::from_ymd_opt(y, m, d)
            } else {
                None
            };
            return date.map(|d| (end, Expr::Date(d)));
        }
        let end = i + 3;
        // Year and month: "2016-11", "2016 / 11", "11/2016", "3-2015".
        if la == 4 && lb <= 2 && (1..=12).contains(&b) && (1000..=2199).contains(&a) {
            if tight && sep == "-" {
                // "2019-24" is a span of years, read by the range rule.
                if b > 12 || self.numeric_in_code(i, end) {
                    return None;
                }
            } else if self.numeric_in_code(i, end) {
                return None;
            }
            return Some((end, Expr::MonthOfYear(a as i32, b)));
        }
        if lb == 4 && la <= 2 && (1..=12).contains(&a) && (1000..=2199).contains(&b) {
            if self.numeric_in_code(i, end) {
                return None;
            }
            return Some((end, Expr::MonthOfYear(b as i32, a)));
        }
        // Month and day with a slash: "4/22" (not "24/7", a score or a fraction of a count).
        if sep == "/" && tight && la <= 2 && lb <= 2 && !self.numeric_in_code(i, end) {
            let (m, d) = if a > 12 {
                (b, a)
            } else if b > 12 || self.options.slash_order == SlashOrder::Us {
                (a, b)
            } else {
                (b, a)
            };
            let next_word = self.word(end).map(str::to_ascii_lowercase);
            let next_ok = next_word
                .as_deref()
                .is_none_or(|w| AFTER_NUMERIC_OK.contains(&w));
            if (1..=12).contains(&m)
                && (1..=days_in_month(m)).contains(&d)
                && next_ok
                && !(a == 24 && b == 7)
            {
                return Some((end, bare(Sel::MonthDay(m, d))));
            }
        }
        None
    }

    // ------------------------------------------------------------------ counts and shifts

    /// A count: digits, spelled, "a", "a few", "several", "a couple of".
    fn count(&self, i: usize) -> Option<(i64, usize)> {
        match self.at(i) {
            Atom::Num(n, l) if l <= 3 => Some((n as i64, i + 1)),
            Atom::Card(_) => {
                let (n, j, ord) = self.small_spelled(i)?;
                (!ord).then_some((n as i64, j))
            }
            Atom::Kw(Kw::A) => {
                if self.kw(i + 1, Kw::Few) {
                    Some((3, i + 2))
                } else if self.kw(i + 1, Kw::Couple) {
                    Some((2, if self.kw(i + 2, Kw::Of) { i + 3 } else { i + 2 }))
                } else {
                    Some((1, i + 1))
                }
            }
            Atom::Kw(Kw::Few) | Atom::Kw(Kw::Several) => Some((3, i + 1)),
            Atom::Kw(Kw::Couple) => Some((2, if self.kw(i + 1, Kw::Of) { i + 2 } else { i + 1 })),
            _ => None,
        }
    }

    /// A unit word after a count ("days", "business days", "3year").
    fn unit(&self, i: usize) -> Option<(Unit, usize)> {
        let j = if self.kw(i, Kw::Business) { i + 1 } else { i };
        match self.at(j) {
            Atom::Unit(u) => Some((u, j + 1)),
            _ => None,
        }
    }

    /// "2 years, 3 months and 21 days": amounts with their units.
    fn duration(&self, i: usize) -> Option<(Vec<(i64, Unit)>, usize)> {
        let mut parts = Vec::new();
        let mut j = i;
        while let Some((n, k)) = self.count(j) {
            let Some((u, e)) = self.unit(k) else { break };
            if matches!(self.at(j), Atom::Kw(Kw::A)) && !parts.is_empty() {
                break;
            }
            parts.push((n, u));
            j = e;
            let mut next = j;
            if self.punct(next, ",") {
                next += 1;
            }
            if self.kw(next, Kw::And) {
                next += 1;
            }
            if self
                .count(next)
                .is_none_or(|(_, k2)| self.unit(k2).is_none())
            {
                break;
            }
            j = next;
        }
        (!parts.is_empty()).then_some((parts, j))
    }

    /// An anchor after "from", "after", "before": a day ("tomorrow", "Monday", "March 3").
    fn day_anchor(&self, i: usize) -> P {
        match self.at(i) {
            Atom::Kw(Kw::Today) | Atom::Kw(Kw::Tomorrow) | Atom::Kw(Kw::Yesterday) => {
                self.day_word(i)
            }
            Atom::Kw(Kw::Now) => Some((i + 1, Expr::DayOffset(0))),
            Atom::Weekday { .. } => self.weekday_expr(i),
            Atom::Month { .. } | Atom::Num(..) | Atom::OrdNum(_) => {
                let (e, cal) = self.calendar(i)?;
                (cal.d.is_some())
                    .then(|| cal.expr().map(|x| (e, x)))
                    .flatten()
            }
            _ => None,
        }
    }

    /// "two years ago", "1 month and 21 days ago", "three weeks from tomorrow", "a week from
    /// Monday", "two days before yesterday", "2 days hence", "4 weeks in the future".
    fn shift(&self, i: usize) -> P {
        let (parts, j) = self.duration(i)?;
        let neg = |p: &[(i64, Unit)]| p.iter().map(|&(n, u)| (-n, u)).collect::<Vec<_>>();
        match self.at(j) {
            Atom::Kw(Kw::Ago) => Some((j + 1, Expr::Shift(neg(&parts), None))),
            Atom::Kw(Kw::Hence) => Some((j + 1, Expr::Shift(parts, None))),
            Atom::Kw(Kw::From) | Atom::Kw(Kw::After) | Atom::Kw(Kw::Before) => {
                let back = self.kw(j, Kw::Before);
                let (e, anchor) = self.day_anchor(j + 1)?;
                let parts = if back { neg(&parts) } else { parts };
                let anchor = match anchor {
                    Expr::DayOffset(0) => None,
                    a => Some(Box::new(a)),
                };
                Some((e, Expr::Shift(parts, anchor)))
            }
            Atom::Kw(Kw::In) if self.kw(j + 1, Kw::The) && self.kw(j + 2, Kw::Future) => {
                Some((j + 3, Expr::Shift(parts, None)))
            }
            _ => None,
        }
    }

    /// "in 3 weeks", "in two business days" (not "the first time in three years").
    fn in_shift(&self, i: usize) -> P {
        if !self.kw(i, Kw::In) {
            return None;
        }
        if self.kw(i + 1, Kw::The) || self.kw(i + 1, Kw::Within) {
            return None;
        }
        let (parts, j) = self.duration(i + 1)?;
        if matches!(self.at(i + 1), Atom::Kw(Kw::A))
            && parts.len() == 1
            && parts[0].0 == 1
            && !self.kw(i + 2, Kw::Few)
        {
            // "in a year" is a duration as often as a date.
            return None;
        }
        let lo = i.saturating_sub(4);
        for k in lo..i {
            if self.word_in(
                k,
                &[
                    "time", "times", "first", "highest", "lowest", "biggest", "largest", "worst",
                    "best", "once", "twice", "only", "least", "most",
                ],
            ) {
                return None;
            }
        }
        if self.word_in(j, &["time", "times"]) {
            return None;
        }
        Some((j, Expr::Shift(parts, None)))
    }

    // ------------------------------------------------------------------ relative words

    /// "today", "tomorrow morning", "yesterday", "tonight", "tmrw".
    fn day_word(&self, i: usize) -> P {
        let offset = match self.at(i) {
            Atom::Kw(Kw::Today) | Atom::Kw(Kw::Tonight) => 0,
            Atom::Kw(Kw::Tomorrow) => 1,
            Atom::Kw(Kw::Yesterday) => -1,
            _ => return None,
        };
        let w = self.s(i);
        // "USA Today", "the Today programme": a name, not a day.
        if w.starts_with(char::is_uppercase) && i > 0 && !self.sentence_start(i) {
            if self.is_cap(i - 1) && self.which(i - 1, LEADS).is_none() {
                return None;
            }
            if self.kw(i - 1, Kw::The) {
                return None;
            }
        }
        let possessive = w.ends_with('s') && w.len() > 5 && !w.eq_ignore_ascii_case("tomorrows");
        if offset == 0 && self.nowadays(i, possessive) {
            return None;
        }
        let mut end = i + 1;
        if !possessive && matches!(self.at(end), Atom::Kw(Kw::PartOfDay) | Atom::Kw(Kw::Night)) {
            end += 1;
        }
        Some((end, Expr::DayOffset(offset)))
    }

    /// Whether "today" at `i` means "nowadays".
    fn nowadays(&self, i: usize, possessive: bool) -> bool {
        if possessive {
            return self.word_in(i + 1, NOWADAYS_NOUNS);
        }
        if i > 0
            && self.word_in(i - 1, &["of", "even", "like", "until"])
            && !self.kw(i - 1, Kw::Until)
        {
            return true;
        }
        let lo = i.saturating_sub(10);
        let mut k = i;
        while k > lo {
            k -= 1;
            if self.toks[k].kind == TokenKind::Punct && matches!(self.s(k), "." | "!" | "?" | ";") {
                break;
            }
            if self.word_in(k, NOWADAYS_CUES) {
                return true;
            }
        }
        // "rockets flying today are more powerful than any…": a comparison after it.
        let hi = (i + 10).min(self.toks.len());
        for k in i + 1..hi {
            if matches!(self.s(k), "." | "!" | "?" | ";") {
                break;
            }
            if self.word_in(k, &["than", "anymore", "ever", "nowadays"]) {
                return true;
            }
        }
        false
    }

    /// The shift of "last", "this", "next" and their kin.
    fn rel_shift(&self, i: usize) -> Option<i64> {
        match self.at(i) {
            Atom::Kw(Kw::Last) | Atom::Kw(Kw::Past) | Atom::Kw(Kw::Previous) => Some(-1),
            Atom::Kw(Kw::This) | Atom::Kw(Kw::Current) => Some(0),
            Atom::Kw(Kw::Next)
            | Atom::Kw(Kw::Coming)
            | Atom::Kw(Kw::Upcoming)
            | Atom::Kw(Kw::Following) => Some(1),
            _ => None,
        }
    }

    /// "last week", "next month", "this year", "next decade", "last quarter", "this weekend",
    /// "last night", "this morning", "next Monday", "last March", "next spring", "the next
    /// three days", "past 3 weeks", "next day", "the year after next".
    fn relative(&self, i: usize) -> P {
        let shift = self.rel_shift(i)?;
        let w = self.s(i).to_ascii_lowercase();
        let j = i + 1;
        // "next three days", "the past two weeks", "last 3year".
        if let Some((n, k)) = self.count(j).filter(|_| !self.kw(j, Kw::A))
            && let Some((u, e)) = self.unit(k)
        {
            if shift != 0 && n > 0 {
                return Some((e, Expr::Span(shift * n, u)));
            }
            return None;
        }
        match self.at(j) {
            Atom::Unit(u) => {
                let plural = self.s(j).ends_with('s');
                if plural && !self.s(j).ends_with("'s") {
                    return None;
                }
                // "the past week" is a duration; "past" alone opens "past Monday".
                // "the past week" is a duration; "past" alone opens "past Monday". "The
                // following week" and "the previous month" read as dates; "coming" and
                // "upcoming" always do.
                let loose = matches!(w.as_str(), "past" | "following" | "previous");
                let after_the = i > 0 && self.kw(i - 1, Kw::The) && w != "past";
                if loose && u != Unit::Day && !after_the {
                    return None;
                }
                let e = j + 1;
                if u == Unit::Day {
                    if shift == 0 {
                        return None;
                    }
                    return Some((e, Expr::DayOffset(shift)));
                }
                // "next week Sunday", "this week on Friday": a day of that week.
                if u == Unit::Week {
                    let k = if self.kw(e, Kw::On) { e + 1 } else { e };
                    if let Some((wd, e2)) = self.weekday(k) {
                        return Some((
                            e2,
                            Expr::Of(Sel::Weekday(wd), Box::new(Expr::Relative(u, shift))),
                        ));
                    }
                }
                Some((e, Expr::Relative(u, shift)))
            }
            Atom::Kw(Kw::Night) if shift == -1 => Some((j + 1, Expr::DayOffset(-1))),
            Atom::Kw(Kw::PartOfDay) if shift == 0 => Some((j + 1, Expr::DayOffset(0))),
            Atom::Kw(Kw::Weekend) => Some((
                j + 1,
                Expr::Of(Sel::Weekend, Box::new(Expr::Relative(Unit::Week, shift))),
            )),
            Atom::Weekday { .. } => {
                let (wd, e) = self.weekday(j)?;
                let rel = match shift {
                    -1 => Rel::Last,
                    0 => Rel::This,
                    _ => Rel::Next,
                };
                if w == "previous" || w == "following" || w == "upcoming" || w == "current" {
                    return None;
                }
                Some((e, Expr::Bare(Sel::Weekday(wd), rel)))
            }
            Atom::Month { .. } => {
                let (m, e, strong) = self.month(j)?;
                if !strong
                    && !self.is_cap(j)
                    && self.word(j).is_some_and(|x| x.len() > 4)
                    && matches!(m, 3 | 5)
                {
                    return None;
                }
                if matches!(m, 3 | 5) && !self.is_cap(j) {
                    return None;
                }
                let rel = match shift {
                    -1 => Rel::Last,
                    0 => Rel::This,
                    _ => Rel::Next,
                };
                Some((e, Expr::Bare(Sel::Month(m), rel)))
            }
            Atom::Season(s) => {
                let rel = match shift {
                    -1 => Rel::Last,
                    0 => Rel::This,
                    _ => Rel::Next,
                };
                Some((j + 1, Expr::Bare(Sel::Season(s), rel)))
            }
            _ => None,
        }
    }

    /// The "the" productions: "the day after tomorrow", "the week after next", "the 27th",
    /// "the weekend", "the summer", "the 1970s", "the end of the month"…
    fn the(&self, i: usize) -> P {
        let j = i + 1;
        match self.at(j) {
            Atom::Unit(Unit::Day) if self.kw(j + 1, Kw::After) || self.kw(j + 1, Kw::Before) => {
                let back = self.kw(j + 1, Kw::Before);
                match self.at(j + 2) {
                    Atom::Kw(Kw::Tomorrow) if !back => Some((j + 3, Expr::DayOffset(2))),
                    Atom::Kw(Kw::Yesterday) if back => Some((j + 3, Expr::DayOffset(-2))),
                    _ => None,
                }
            }
            Atom::Unit(u @ (Unit::Week | Unit::Month | Unit::Year))
                if self.kw(j + 1, Kw::After) && self.kw(j + 2, Kw::Next) =>
            {
                Some((j + 3, Expr::Relative(u, 2)))
            }
            Atom::Unit(Unit::Week)
                if self.kw(j + 1, Kw::Of)
                    || self.kw(j + 1, Kw::Starting)
                    || self.kw(j + 1, Kw::Beginning) =>
            {
                self.week_of(j)
            }
            Atom::Unit(Unit::Month) if self.kw(j + 1, Kw::Of) => {
                let (m, e, _) = self.month(j + 2)?;
                Some((e, bare(Sel::Month(m))))
            }
            Atom::Kw(Kw::Weekend) => Some((j + 1, bare(Sel::Weekend))),
            Atom::Kw(Kw::Last) => self.ordinal_phrase(j),
            Atom::Season(_) => self.bare_season(j),
            Atom::Num(..) | Atom::OrdNum(_) | Atom::OrdWord(_) | Atom::Card(_) => {
                let cal = self
                    .day_first(j)
                    .and_then(|(e, c)| c.expr().map(|x| (e, x)));
                longest(
                    cal,
                    self.ordinal_phrase(j).or_else(|| self.bare_day(j, true)),
                )
            }
            _ => None,
        }
    }

    /// "the week of March 3", "the week starting (on) February 4", "the week of the 18th".
    fn week_of(&self, j: usize) -> P {
        let mut k = j + 1;
        if self.kw(k, Kw::Of) || self.kw(k, Kw::Starting) || self.kw(k, Kw::Beginning) {
            k += 1;
        }
        if self.kw(k, Kw::On) {
            k += 1;
        }
        let (e, x) = if self.kw(k, Kw::The) {
            self.bare_day(k + 1, true)?
        } else {
            let (e, cal) = self.calendar(k)?;
            cal.d?;
            (e, cal.expr()?)
        };
        Some((e, Expr::WeekOf(Box::new(x))))
    }

    /// A day of the month alone: "the 27th", "on the 3rd", "the twenty-second".
    fn bare_day(&self, j: usize, after_the: bool) -> P {
        if !after_the {
            return None;
        }
        let (d, e) = self.day(j)?;
        let digits = matches!(self.at(j), Atom::Num(..) | Atom::OrdNum(_));
        let ordinal = !matches!(self.at(j), Atom::Num(..) | Atom::Card(_))
            || matches!(self.at(e - 1), Atom::OrdWord(_));
        // "the 27th minute", "the second time": a noun after it makes it an ordinal.
        if self.word(e).is_some()
            && !self.word_in(
                e,
                &[
                    "of", "and", "to", "through", "or", "at", "in", "when", "until", "till",
                ],
            )
        {
            return None;
        }
        if self.kw(e, Kw::Of) && !self.is_container_start(e + 1) {
            return None;
        }
        if !digits && !ordinal {
            // "the twenty": a cardinal needs a preposition before "the".
            return None;
        }
        if !digits {
            let i = j - 1;
            let lead =
                i > 0 && self.word_in(i - 1, &["on", "by", "until", "till", "since", "from"]);
            if !lead {
                return None;
            }
        }
        Some((e, bare(Sel::Day(d))))
    }

    fn is_container_start(&self, i: usize) -> bool {
        self.container(i).is_some()
    }

    /// What a part can be taken of: "2015", "next month", "this year", "the month", "July",
    /// "July 2019", "the year".
    fn container(&self, i: usize) -> P {
        match self.at(i) {
            Atom::Num(..) => {
                if let Some((e, cal)) = self.year_first(i) {
                    return cal.expr().map(|x| (e, x));
                }
                self.year4(i).map(|y| (i + 1, Expr::Year(y)))
            }
            Atom::Card(_) => self.spelled_year(i).map(|(y, e)| (e, Expr::Year(y))),
            Atom::Month { .. } => {
                let (m, me, _) = self.month(i)?;
                // After "of", even "May" is the month.
                let (e, cal) = match self.month_first(i) {
                    Some(x) => x,
                    None if self.is_cap(i) => (
                        me,
                        Cal {
                            m: Some(m),
                            ..Cal::default()
                        },
                    ),
                    None => return None,
                };
                if cal.d.is_some() {
                    return None;
                }
                cal.expr().map(|x| (e, x))
            }
            Atom::Kw(Kw::The) => match self.at(i + 1) {
                Atom::Unit(
                    u @ (Unit::Week | Unit::Month | Unit::Year | Unit::Quarter | Unit::Decade),
                ) if !self.s(i + 1).ends_with('s') => Some((i + 2, Expr::Relative(u, 0))),
                Atom::Kw(_) if self.rel_shift(i + 1).is_some() => self.container(i + 1),
                _ => None,
            },
            _ if self.rel_shift(i).is_some() => match self.at(i + 1) {
                Atom::Unit(
                    u @ (Unit::Week | Unit::Month | Unit::Year | Unit::Quarter | Unit::Decade),
                ) if !self.s(i + 1).ends_with('s') => {
                    Some((i + 2, Expr::Relative(u, self.rel_shift(i)?)))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// A container after "of" or "in", or directly ("June next year", "2016 Q3").
    fn of_container(&self, j: usize) -> P {
        if self.kw(j, Kw::Of) || self.kw(j, Kw::In) {
            return self.container(j + 1);
        }
        if self.punct(j, ",") {
            return None;
        }
        self.container(j)
    }

    /// "first week of 2015", "the third Tuesday of July", "the last week of July", "third
    /// quarter", "the first half of next year", "the 20th of next month", "the first of March".
    fn ordinal_phrase(&self, j: usize) -> P {
        let (n, e) = match self.at(j) {
            Atom::OrdNum(n) => (n as i32, j + 1),
            Atom::OrdWord(_) | Atom::Card(_) => {
                let (n, e, ord) = self.small_spelled(j)?;
                if !ord {
                    return None;
                }
                (n as i32, e)
            }
            Atom::Kw(Kw::Last) => (-1, j + 1),
            _ => return None,
        };
        match self.at(e) {
            Atom::Unit(Unit::Week) => {
                let (e2, c) = self.of_container(e + 1)?;
                Some((e2, Expr::Of(Sel::NthWeek(n), Box::new(c))))
            }
            Atom::Unit(Unit::Quarter) if (1..=4).contains(&n) => match self.of_container(e + 1) {
                Some((e2, c)) => Some((e2, Expr::Of(Sel::Quarter(n as u32), Box::new(c)))),
                // Without a year, "the first quarter" is a period of a game unless the
                // sentence is about money or output.
                None if self.fiscal_context(j) => Some((e + 1, bare(Sel::Quarter(n as u32)))),
                None => None,
            },
            Atom::Kw(Kw::Half) if (1..=2).contains(&n) => {
                let (e2, c) = self.of_container(e + 1)?;
                Some((e2, Expr::Of(Sel::Half(n as u32), Box::new(c))))
            }
            Atom::Weekday { .. } => {
                let (wd, e1) = self.weekday(e)?;
                if n > 5 {
                    return None;
                }
                match self.of_container(e1) {
                    Some((e2, c)) => Some((e2, Expr::Of(Sel::NthWeekday(n, wd), Box::new(c)))),
                    None if n > 0 => Some((e1, bare(Sel::NthWeekday(n, wd)))),
                    None => None,
                }
            }
            Atom::Kw(Kw::Of) if n > 0 && n <= 31 => {
                // "the 20th of next month"; "the 3rd of March" is the calendar's.
                let (e2, c) = self.container(e + 1)?;
                if matches!(c, Expr::Relative(Unit::Month, _)) {
                    return Some((e2, Expr::Of(Sel::Day(n as u32), Box::new(c))));
                }
                None
            }
            Atom::Kw(Kw::Century) if n > 0 && n <= 22 => {
                // "the nineteenth-century flags": a hyphenated century before a noun is a style.
                if self.is_dash(e - 1) || (self.is_dash(e) && self.touch(e)) {
                    return None;
                }
                Some((e + 1, Expr::Century((n - 1) * 100)))
            }
            _ => None,
        }
    }

    /// Whether the sentence around token `i` speaks of accounts or the economy, so that a
    /// quarter without a year is a quarter of a (fiscal) year.
    fn fiscal_context(&self, i: usize) -> bool {
        let ends = |k: usize| matches!(self.s(k), "." | "!" | "?") || self.line_break_before(k);
        let mut k = i;
        while k > 0 && i - k < SENTENCE_REACH && !ends(k) {
            k -= 1;
            if self.word_in(k, FISCAL_CUES) {
                return true;
            }
        }
        let mut k = i;
        while k + 1 < self.toks.len() && k - i < SENTENCE_REACH {
            k += 1;
            if ends(k) {
                break;
            }
            if self.word_in(k, FISCAL_CUES) {
                return true;
            }
        }
        false
    }

    /// "summer", "summer 2016", "the summer of 1978", "mid summer".
    fn season(&self, i: usize) -> P {
        let Atom::Season(s) = self.at(i) else {
            return None;
        };
        let mut j = i + 1;
        if self.kw(j, Kw::Of) || self.punct(j, ",") {
            j += 1;
        }
        if let Some((y, e)) = self.any_year(j) {
            return Some((e, Expr::Of(Sel::Season(s), Box::new(Expr::Year(y)))));
        }
        if self.kw(i + 1, Kw::Of)
            && let Some((e, c)) = self.container(i + 2)
        {
            return Some((e, Expr::Of(Sel::Season(s), Box::new(c))));
        }
        None
    }

    /// A bare season needs a word that makes it a time: "in summer", "this winter".
    fn bare_season(&self, i: usize) -> P {
        let Atom::Season(s) = self.at(i) else {
            return None;
        };
        if let Some(x) = self.season(i) {
            return Some(x);
        }
        // A bare season needs a preposition or modifier that makes it a time of year ("in
        // summer", "during the winter", "last spring"); "planned for the autumn" or "through
        // the winter" (a habit) are too loose to date.
        const BEFORE: &[&str] = &[
            "in", "during", "since", "until", "till", "by", "this", "last", "next", "mid", "early",
            "late",
        ];
        let prev_ok = i > 0
            && !self.line_break_before(i)
            && (self.word_in(i - 1, BEFORE)
                || (self.kw(i - 1, Kw::The)
                    && i > 1
                    && self.word_in(i - 2, &["in", "during", "since", "until", "till", "by"])));
        let alone = self.sentence_start(i)
            && self.word(i + 1).is_none()
            && !self.s(i).eq_ignore_ascii_case("fall");
        if !prev_ok && !alone {
            return None;
        }
        if self.word(i + 1).is_some_and(|w| {
            ![
                "and", "or", "to", "when", "the", "of", "in", "on", "at", "with", "for", "as",
                "is", "was", "will",
            ]
            .contains(&w.to_ascii_lowercase().as_str())
        }) {
            return None;
        }
        Some((i + 1, bare(Sel::Season(s))))
    }

    /// "early March", "mid-2024", "late last year", "the end of the month", "the beginning of
    /// 2015", "earlier this year", "later in the year", "the middle of July".
    fn part(&self, i: usize) -> P {
        let part = match self.at(i) {
            Atom::Kw(Kw::Early)
            | Atom::Kw(Kw::Beginning)
            | Atom::Kw(Kw::Start)
            | Atom::Kw(Kw::Earlier) => Part::Early,
            Atom::Kw(Kw::Mid) | Atom::Kw(Kw::Middle) => Part::Mid,
            Atom::Kw(Kw::Late) | Atom::Kw(Kw::End) | Atom::Kw(Kw::Later) => Part::Late,
            _ => return None,
        };
        let shiftword = matches!(self.at(i), Atom::Kw(Kw::Earlier) | Atom::Kw(Kw::Later));
        let noun = matches!(
            self.at(i),
            Atom::Kw(Kw::Beginning)
                | Atom::Kw(Kw::Start)
                | Atom::Kw(Kw::End)
                | Atom::Kw(Kw::Middle)
        );
        let mut j = i + 1;
        if self.is_dash(j) && self.touch(i) && self.touch(j) {
            j += 1;
        }
        if noun || shiftword {
            if self.kw(j, Kw::Of) || (shiftword && self.kw(j, Kw::In)) {
                j += 1;
            } else if !shiftword {
                return None;
            }
        } else if self.kw(j, Kw::In) {
            j += 1;
        }
        let (e, inner) = match self.at(j) {
            Atom::Season(_) => self.season(j).or(Some((
                j + 1,
                match self.at(j) {
                    Atom::Season(s) => bare(Sel::Season(s)),
                    _ => return None,
                },
            )))?,
            Atom::Month { .. } => {
                let (m, me, _) = self.month(j)?;
                match self.month_first(j) {
                    Some((_, cal)) if cal.d.is_some() => return None,
                    Some((e, cal)) if cal.y.is_some() => (e, cal.expr()?),
                    // "early March": the modifier makes even "March" and "May" months.
                    _ if self.is_cap(j) || !matches!(m, 3 | 5) => (me, bare(Sel::Month(m))),
                    _ => return None,
                }
            }
            Atom::Decade4(_) | Atom::Decade2(_) => self.decade(j)?,
            _ => {
                let (e, c) = self.container(j)?;
                // "earlier this year" keeps the year as its value, not its first third; its
                // days are those of the year before the publication date.
                if shiftword {
                    return Some((e, before_or_after(self.kw(i, Kw::Earlier), c)));
                }
                (e, c)
            }
        };
        Some((e, Expr::Of(Sel::Part(part), Box::new(inner))))
    }

    /// "the 1970s", "the '70s", "the 70's", "the seventies", "the nineteen seventies", "the
    /// noughties", "the twenty-tens", "the two thousands", "the 2000s".
    fn decade(&self, i: usize) -> P {
        match self.at(i) {
            Atom::Decade4(y) => {
                if self.is_dash(i + 1) && self.touch(i) && self.word(i + 2).is_some() {
                    return None;
                }
                Some((i + 1, Expr::Decade(y)))
            }
            Atom::Decade2(n) => {
                // "in his 70s": an age.
                let quoted = i > 0
                    && (self.punct(i - 1, "'") || self.punct(i - 1, "’"))
                    && self.touch(i - 1);
                if !(quoted || (i > 0 && self.kw(i - 1, Kw::The))) {
                    return None;
                }
                Some((i + 1, Expr::DecadeOfCentury(n)))
            }
            Atom::Num(n, l) if (l == 2 || l == 4) && n % 10 == 0 => {
                // "70's", "1970's"
                if !(self.touch(i)
                    && (self.punct(i + 1, "'") || self.punct(i + 1, "’"))
                    && self.touch(i + 1)
                    && self.word(i + 2).is_some_and(|w| w == "s"))
                {
                    return None;
                }
                if l == 4 {
                    return Some((i + 3, Expr::Decade(n as i32)));
                }
                Some((i + 3, Expr::DecadeOfCentury(n)))
            }
            Atom::DecadeWord(n) if n < 100 => {
                if n == 10 && !(i > 0 && self.is_dash(i - 1)) {
                    return None;
                }
                Some((i + 1, Expr::DecadeOfCentury(n)))
            }
            Atom::Card(_) => {
                // "nineteen seventies", "twenty-tens", "two thousands", "two thousand and tens".
                let (a, j, ord) = self.small_spelled(i)?;
                if ord {
                    return None;
                }
                if self.kw(j, Kw::Thousand) || matches!(self.at(j), Atom::DecadeWord(100)) {
                    if matches!(self.at(j), Atom::DecadeWord(100)) && a == 2 {
                        return Some((j + 1, Expr::Decade(2000)));
                    }
                    let k = if self.kw(j + 1, Kw::And) {
                        j + 2
                    } else {
                        j + 1
                    };
                    if let Atom::DecadeWord(n) = self.at(k)
                        && n < 100
                    {
                        return Some((k + 1, Expr::Decade((a * 1000 + n) as i32)));
                    }
                    return None;
                }
                let mut k = j;
                if self.is_dash(k) && self.touch(k - 1) && self.touch(k) {
                    k += 1;
                }
                if let Atom::DecadeWord(n) = self.at(k)
                    && n < 100
                    && (10..=29).contains(&a)
                {
                    return Some((k + 1, Expr::Decade((a * 100 + n) as i32)));
                }
                None
            }
            _ => None,
        }
    }

    /// "Q1", "Q3 2016", "2016 Q3", "H1 2016", "2016H2".
    fn quarter_code(&self, i: usize) -> P {
        let sel = match self.at(i) {
            Atom::QuarterCode(q) => Sel::Quarter(q),
            Atom::HalfCode(h) => Sel::Half(h),
            _ => return None,
        };
        let mut j = i + 1;
        if self.punct(j, ",") || self.kw(j, Kw::Of) || self.is_dash(j) {
            j += 1;
        }
        if let Some((y, e)) = self.any_year(j) {
            return Some((e, Expr::Of(sel, Box::new(Expr::Year(y)))));
        }
        if let Some((e, c)) = self.of_container(i + 1) {
            return Some((e, Expr::Of(sel, Box::new(c))));
        }
        if matches!(sel, Sel::Half(_)) {
            return None;
        }
        Some((i + 1, bare(sel)))
    }

    /// "2016H2": a word token with a year and a half or quarter.
    fn year_code(&self, i: usize) -> P {
        let w = self.word(i)?;
        if w.len() != 6 || !w.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
            return None;
        }
        let y: i32 = w[..4].parse().ok()?;
        let n = u32::from(w.as_bytes()[5].wrapping_sub(b'0'));
        let sel = match w.as_bytes()[4] {
            b'H' | b'h' if (1..=2).contains(&n) => Sel::Half(n),
            b'Q' | b'q' if (1..=4).contains(&n) => Sel::Quarter(n),
            _ => return None,
        };
        Some((i + 1, Expr::Of(sel, Box::new(Expr::Year(y)))))
    }

    /// A holiday: "Christmas", "Christmas Eve", "New Year's Eve 2015", "Easter Monday",
    /// "Thanksgiving", "Independence Day", "Good Friday" (not "the Good Friday Agreement").
    fn holiday(&self, i: usize) -> P {
        let w = self.word(i)?;
        if w.len() < 3 {
            return None;
        }
        let first = w.as_bytes()[0].to_ascii_lowercase();
        if !b"cnegtihvmfpbljdsawo".contains(&first) {
            return None;
        }
        let lw = w.to_ascii_lowercase();
        let next = |k: usize| {
            self.word(i + k)
                .map(str::to_ascii_lowercase)
                .unwrap_or_default()
        };
        let is = |k: usize, x: &str| next(k) == x;
        let day_after = |k: usize| is(k, "day");
        use Holiday::*;
        let (h, len) = match lw.as_str() {
            "christmas" | "xmas" => {
                if is(1, "eve") {
                    (ChristmasEve, 2)
                } else if day_after(1) {
                    (Christmas, 2)
                } else {
                    (Christmas, 1)
                }
            }
            "new" => {
                let y = next(1);
                if y == "year's" || y == "year’s" || y == "years" {
                    if is(2, "eve") {
                        (NewYearsEve, 3)
                    } else if day_after(2) {
                        (NewYearsDay, 3)
                    } else {
                        (NewYearsDay, 2)
                    }
                } else if y == "year"
                    && i > 0
                    && self.word_in(
                        i - 1,
                        &[
                            "the", "at", "over", "by", "until", "since", "before", "after",
                        ],
                    )
                    && self
                        .word(i + 2)
                        .is_none_or(|w| !w.starts_with(char::is_uppercase))
                    && !self.is_cap(i + 2)
                {
                    // "over the New Year", not "a new year of talks".
                    if !self.is_cap(i) {
                        return None;
                    }
                    (NewYearsDay, 2)
                } else {
                    return None;
                }
            }
            "easter" => {
                if is(1, "sunday") {
                    (Easter, 2)
                } else if is(1, "monday") {
                    (EasterMonday, 2)
                } else if is(1, "saturday") {
                    (HolySaturday, 2)
                } else {
                    (Easter, 1)
                }
            }
            "good" if is(1, "friday") => (GoodFriday, 2),
            "black" if is(1, "friday") => (BlackFriday, 2),
            "cyber" if is(1, "monday") => (CyberMonday, 2),
            "ash" if is(1, "wednesday") => (AshWednesday, 2),
            "holy" if is(1, "saturday") => (HolySaturday, 2),
            "thanksgiving" => (Thanksgiving, if day_after(1) { 2 } else { 1 }),
            "halloween" => (Halloween, 1),
            "juneteenth" => (Juneteenth, 1),
            "pentecost" => (Pentecost, 1),
            "whitsun" => (Pentecost, 1),
            "epiphany" => (Epiphany, 1),
            "ascension" if day_after(1) => (AscensionDay, 2),
            "independence" if day_after(1) => (IndependenceDay, 2),
            "bastille" if day_after(1) => (BastilleDay, 2),
            "boxing" if day_after(1) => (BoxingDay, 2),
            "memorial" if day_after(1) => (MemorialDay, 2),
            "labor" | "labour" if day_after(1) => (LaborDay, 2),
            "columbus" if day_after(1) => (ColumbusDay, 2),
            "veterans" | "veterans'" | "veteran's" if day_after(1) => (VeteransDay, 2),
            "armistice" if day_after(1) => (ArmisticeDay, 2),
            "valentine's" | "valentines" | "valentine’s" if day_after(1) => (ValentinesDay, 2),
            "mother's" | "mothers" | "mother’s" if day_after(1) => (MothersDay, 2),
            "father's" | "fathers" | "father’s" if day_after(1) => (FathersDay, 2),
            "presidents" | "presidents'" | "president's" if day_after(1) => (PresidentsDay, 2),
            "workers" | "workers'" | "worker's" if day_after(1) => (MayDay, 2),
            "all" if is(1, "saints") && day_after(2) => (AllSaints, 3),
            "april" if is(1, "fools") || is(1, "fool's") => {
                (AprilFools, if day_after(2) { 3 } else { 2 })
            }
            "may" if day_after(1) && self.is_cap(i) && self.is_cap(i + 1) => (MayDay, 2),
            "guy" if is(1, "fawkes") => (
                GuyFawkes,
                if is(2, "night") || day_after(2) { 3 } else { 2 },
            ),
            "st" | "saint" => {
                let mut k = 1;
                if self.punct(i + 1, ".") {
                    k = 2;
                }
                let n = next(k);
                if (n == "patrick's" || n == "patrick’s" || n == "patricks") && day_after(k + 1) {
                    (StPatricksDay, k + 2)
                } else {
                    return None;
                }
            }
            "martin" if is(1, "luther") && is(2, "king") => {
                let mut k = 3;
                if is(k, "jr") {
                    k += 1;
                    if self.punct(i + k, ".") {
                        k += 1;
                    }
                }
                if day_after(k) {
                    (MartinLutherKingDay, k + 1)
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        // Holidays in a name: "the Good Friday Agreement", "Easter Island", "Christmas tree".
        let e = i + len;
        if self.is_cap(e)
            && !matches!(self.at(e), Atom::Weekday { .. } | Atom::Month { .. })
            && !self.sentence_start(e)
        {
            return None;
        }
        if self.word_in(
            e,
            &[
                "tree",
                "trees",
                "card",
                "cards",
                "gift",
                "gifts",
                "island",
                "market",
                "markets",
                "party",
                "parties",
                "lights",
                "shopping",
                "sales",
                "music",
                "songs",
                "carol",
                "carols",
                "egg",
                "eggs",
                "bunny",
                "dinner",
                "turkey",
                "costume",
                "costumes",
                "spirit",
                "message",
                "messages",
                "truce",
                "offensive",
                "rising",
                "agreement",
                "accords",
            ],
        ) {
            return None;
        }
        // "a Christmas like no other": a holiday needs to stand as a time.
        if i > 0 && self.word_in(i - 1, &["a", "white", "merry", "happy"]) {
            return None;
        }
        let mut end = e;
        let mut j = e;
        if self.punct(j, ",") || self.kw(j, Kw::Of) {
            j += 1;
        }
        if let Some((y, e2)) = self.any_year(j) {
            return Some((e2, Expr::Of(Sel::Holiday(h), Box::new(Expr::Year(y)))));
        }
        if let Some((e2, c)) = self
            .container(e)
            .filter(|(_, c)| matches!(c, Expr::Relative(Unit::Year, _)))
        {
            return Some((e2, Expr::Of(Sel::Holiday(h), Box::new(c))));
        }
        if self.kw(end, Kw::Eve) && h == Holiday::Christmas {
            end += 1;
        }
        Some((end, bare(Sel::Holiday(h))))
    }

    /// A weekday and what completes it: "Friday, Feb. 14", "Friday the 15th", "Monday next
    /// week", "Sunday of next week", "Friday evening", "Tuesday's".
    fn weekday_expr(&self, i: usize) -> P {
        let (wd, j) = self.weekday(i)?;
        let w = self.s(i);
        let possessive = w.ends_with("'s") || w.ends_with("’s");
        if !possessive {
            let mut k = j;
            if self.punct(k, ",") {
                k += 1;
            }
            // "Friday, Feb. 14": the explicit date wins and the weekday joins the expression.
            if let Some((e, cal)) = self.calendar(k)
                && cal.m.is_some()
                && cal.d.is_some()
            {
                return cal.expr().map(|x| (e, x));
            }
            // "Friday (June 15)", "Friday-Jun-15".
            if (self.punct(k, "(") || (self.is_dash(k) && self.touch(k)))
                && let Some((e, cal)) = self.calendar(k + 1)
                && cal.d.is_some()
            {
                let e = if self.punct(e, ")") { e + 1 } else { e };
                return cal.expr().map(|x| (e, x));
            }
            // "Friday 7/6".
            if let Some((e, x)) = self.numeric(k).filter(|_| k == j)
                && matches!(x, Expr::Bare(Sel::MonthDay(..), _) | Expr::Date(_))
            {
                return Some((e, x));
            }
            // "Friday the 15th", "Friday the twenty-second".
            if self.kw(j, Kw::The)
                && let Some((d, e)) = self.day(j + 1)
                && self.word(e).is_none_or(|_| self.word_in(e, &["of", "and"]))
            {
                if self.kw(e, Kw::Of)
                    && let Some((e2, c)) = self.container(e + 1)
                {
                    return Some((e2, Expr::Of(Sel::Day(d), Box::new(c))));
                }
                return Some((e, bare(Sel::Day(d))));
            }
            // "Monday next week", "Sunday of next week", "Friday this week".
            let mut k = j;
            if self.kw(k, Kw::Of) {
                k += 1;
            }
            if let Some((e, c)) = self.container(k)
                && matches!(c, Expr::Relative(Unit::Week, _))
            {
                return Some((e, Expr::Of(Sel::Weekday(wd), Box::new(c))));
            }
        }
        let mut end = j;
        if !possessive && matches!(self.at(end), Atom::Kw(Kw::PartOfDay) | Atom::Kw(Kw::Night)) {
            end += 1;
        }
        if i > 0 && !self.line_break_before(i) {
            let p = i - 1;
            if self.word_in(p, &["every", "each", "most", "some", "other", "on"])
                && self.word_in(p, &["every", "each", "most", "some", "other"])
            {
                return None;
            }
            // "Good Friday", "Super Tuesday": a name, not a date to anchor. A capitalised
            // preposition opening the sentence is fine.
            if self.is_cap(p)
                && !self.sentence_start(p)
                && self.which(p, LEADS).is_none()
                && self.rel_shift(p).is_none()
                && !matches!(self.at(p), Atom::Kw(k) if k != Kw::Holiday)
                && !matches!(self.at(p), Atom::Weekday { .. })
            {
                return None;
            }
            if self.is_cap(p)
                && self.sentence_start(p)
                && !matches!(self.at(p), Atom::Kw(k) if k != Kw::Holiday)
                && self.which(p, LEADS).is_none()
                && self.word(p).is_some()
            {
                return None;
            }
        }
        Some((end, bare(Sel::Weekday(wd))))
    }

    /// A year alone: needs a word that makes it a year ("in 2019", "the 2014 ouster", "2019
    /// was"), not a count ("2000 soldiers"), a code or a price.
    fn year_alone(&self, i: usize) -> P {
        let y = self.year4(i)?;
        if !(1000..=2100).contains(&y) {
            return None;
        }
        if i > 0 && !self.line_break_before(i) {
            let p = i - 1;
            if self.is_dash(p) && self.touch(p) {
                // "pre-2014", "2019-2024" (the range rule), codes.
                return None;
            }
            if self.touch(p) && !matches!(self.s(p), "(" | "\"" | "“" | "'" | "‘") {
                return None;
            }
            if self.word_in(p, CODE_BEFORE) {
                return None;
            }
            let ok = self.word_in(
                p,
                &[
                    "in",
                    "since",
                    "by",
                    "until",
                    "till",
                    "from",
                    "during",
                    "before",
                    "after",
                    "through",
                    "throughout",
                    "for",
                    "of",
                    "to",
                    "between",
                    "early",
                    "late",
                    "mid",
                    "circa",
                    "the",
                    "a",
                    "its",
                    "his",
                    "her",
                    "their",
                    "our",
                    "year",
                    "and",
                    "or",
                    "than",
                    "around",
                    "about",
                    "season",
                ],
            ) || matches!(
                self.s(p),
                "(" | "." | "!" | "?" | "," | ";" | ":" | "\"" | "“"
            ) || matches!(
                self.at(p),
                Atom::Month { .. } | Atom::Season(_) | Atom::Unit(Unit::Year)
            );
            if !ok {
                return None;
            }
            if self.punct(p, ",")
                && !(p > 0
                    && matches!(
                        self.at(p - 1),
                        Atom::Month { .. } | Atom::Kw(_) | Atom::Weekday { .. }
                    ))
            {
                return None;
            }
        }
        let n = i + 1;
        if n < self.toks.len() && self.touch(i) {
            if self.punct(n, "%")
                || self.punct(n, ":")
                || self.punct(n, "/")
                || (self.punct(n, ".")
                    && self.toks.get(n + 1).is_some_and(|t| {
                        t.kind == TokenKind::Number && t.start == self.toks[n].end
                    }))
            {
                return None;
            }
            if self.is_dash(n) && self.num(n + 1, 1..5).is_none() {
                return None;
            }
        }
        if self.word_in(n, COUNT_NOUNS) {
            return None;
        }
        Some((n, Expr::Year(y)))
    }

    /// "year 247", "Year two hundred and sixty seven".
    fn year_word(&self, i: usize) -> P {
        if !matches!(self.at(i), Atom::Unit(Unit::Year)) || self.s(i).ends_with('s') {
            return None;
        }
        if let Some(n) = self.num(i + 1, 1..5) {
            if self.touch(i + 1)
                && self
                    .toks
                    .get(i + 2)
                    .is_some_and(|t| t.kind != TokenKind::Punct || self.is_dash(i + 2))
            {
                return None;
            }
            // Years before 1000 are left alone: labels are four digits and news rarely needs them.
            return (n >= 1000).then_some((i + 2, Expr::Year(n as i32)));
        }
        // "year two hundred and sixty seven"
        let (_, j, ord) = self.small_spelled(i + 1)?;
        if ord {
            return None;
        }
        if self.kw(j, Kw::Hundred) {
            let k = if self.kw(j + 1, Kw::And) {
                j + 2
            } else {
                j + 1
            };
            let _ = k;
            return None;
        }
        self.spelled_year(i + 1).map(|(y, e)| (e, Expr::Year(y)))
    }

    /// "week 10", "Week 31 of 2018".
    fn week_number(&self, i: usize) -> P {
        if !matches!(self.at(i), Atom::Unit(Unit::Week)) || self.s(i).ends_with('s') {
            return None;
        }
        let n = self.num(i + 1, 1..3)?;
        if !(1..=53).contains(&n)
            || (self.touch(i + 1)
                && self
                    .toks
                    .get(i + 2)
                    .is_some_and(|t| t.kind != TokenKind::Punct))
        {
            return None;
        }
        match self.of_container(i + 2) {
            Some((e, c)) => Some((e, Expr::Of(Sel::WeekNumber(n), Box::new(c)))),
            None => Some((i + 2, bare(Sel::WeekNumber(n)))),
        }
    }

    /// "the rest of the week", "rest of my week", "rest of the year".
    fn rest(&self, i: usize) -> P {
        if !self.kw(i, Kw::Rest) {
            return None;
        }
        let mut j = i + 1;
        if self.kw(j, Kw::Of) {
            j += 1;
        }
        if self.word_in(j, &["the", "my", "this", "current", "our"]) {
            j += 1;
            if self.kw(j, Kw::Current) {
                j += 1;
            }
        }
        match self.at(j) {
            Atom::Unit(u @ (Unit::Week | Unit::Month | Unit::Year))
                if !self.s(j).ends_with('s') =>
            {
                Some((j + 1, Expr::Of(Sel::Rest, Box::new(Expr::Relative(u, 0)))))
            }
            _ => None,
        }
    }

    // ------------------------------------------------------------------ points

    /// Every production that can start at token `i`; the longest wins.
    fn point(&self, i: usize) -> P {
        let a = self.at(i);
        let mut best: P = None;
        match a {
            Atom::Kw(Kw::Holiday) => best = self.holiday(i),
            Atom::Other => {
                if self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word) {
                    best = self.year_code(i);
                } else if self
                    .toks
                    .get(i)
                    .is_some_and(|t| t.kind == TokenKind::Number)
                {
                    best = self.numeric(i);
                } else if self.punct(i, "'") || self.punct(i, "’") {
                    // "'70s", "'99" after a month is the calendar's.
                    if let Atom::Decade2(_) = self.at(i + 1) {
                        best = self.decade(i + 1);
                    }
                }
            }
            Atom::Num(_, l) => {
                best = self.numeric(i);
                if l <= 2 || l == 4 {
                    best = longest(
                        best,
                        self.calendar(i).and_then(|(e, c)| {
                            // A bare number is not a date; a day needs its month.
                            c.m?;
                            c.expr().map(|x| (e, x))
                        }),
                    );
                }
                if l == 4 {
                    best = longest(best, self.quarter_after_year(i));
                    if best.is_none() {
                        best = self.year_alone(i);
                    }
                }
                best = longest(best, self.decade(i));
                best = longest(best, self.shift(i));
            }
            Atom::OrdNum(_) => {
                best = self.calendar(i).and_then(|(e, c)| {
                    c.m?;
                    c.expr().map(|x| (e, x))
                });
                best = longest(best, self.ordinal_phrase(i));
            }
            Atom::Month { month: 4 | 5, .. } => best = longest(self.month_expr(i), self.holiday(i)),
            Atom::Month { .. } => best = self.month_expr(i),
            Atom::Weekday { .. } => best = self.weekday_expr(i),
            Atom::Card(_) | Atom::OrdWord(_) => {
                best = self.shift(i);
                best = longest(
                    best,
                    self.calendar(i).and_then(|(e, c)| {
                        c.m?;
                        c.expr().map(|x| (e, x))
                    }),
                );
                best = longest(best, self.ordinal_phrase(i));
                best = longest(best, self.decade(i));
                if best.is_none()
                    && i > 0
                    && self.word_in(
                        i - 1,
                        &[
                            "in", "since", "until", "till", "from", "of", "year", "to", "and",
                            "by", "during", "before", "after",
                        ],
                    )
                {
                    best = self.spelled_year(i).map(|(y, e)| (e, Expr::Year(y)));
                }
            }
            Atom::Kw(k) => {
                best = match k {
                    Kw::Today | Kw::Tomorrow | Kw::Yesterday | Kw::Tonight => self.day_word(i),
                    Kw::A | Kw::Few | Kw::Several | Kw::Couple => self.shift(i),
                    Kw::The => longest(self.the(i), self.the_relative(i)),
                    Kw::Early
                    | Kw::Mid
                    | Kw::Middle
                    | Kw::Late
                    | Kw::Beginning
                    | Kw::Start
                    | Kw::End
                    | Kw::Earlier
                    | Kw::Later => self.part(i),
                    Kw::In => self.in_shift(i),
                    Kw::Weekend => self.bare_weekend(i),
                    Kw::Rest => self.rest(i),
                    // "last week of 2015": the container makes it a part, not a shift.
                    Kw::Last => longest(self.relative(i), self.ordinal_phrase(i)),
                    _ if self.rel_shift(i).is_some() => self.relative(i),
                    _ => None,
                };
            }
            Atom::Season(_) => best = self.bare_season(i),
            Atom::QuarterCode(_) | Atom::HalfCode(_) => best = self.quarter_code(i),
            Atom::Decade4(_) | Atom::Decade2(_) | Atom::DecadeWord(_) => best = self.decade(i),
            Atom::Unit(Unit::Year) => best = self.year_word(i),
            Atom::Unit(Unit::Week) => best = self.week_number(i),
            Atom::Unit(Unit::Month) if self.kw(i + 1, Kw::Of) => {
                best = self.month(i + 2).map(|(m, e, _)| (e, bare(Sel::Month(m))));
            }
            Atom::Unit(Unit::Day) => {
                best = self
                    .the(i.wrapping_sub(1))
                    .filter(|_| i > 0 && !self.kw(i - 1, Kw::The));
            }
            Atom::Unit(_) => {}
        }
        best
    }

    /// "the next three days", "the past two decades", "the following day".
    fn the_relative(&self, i: usize) -> P {
        self.rel_shift(i + 1)?;
        let (e, x) = self.relative(i + 1)?;
        // "the last Monday of the campaign": an adjective, not a date.
        if matches!(x, Expr::Bare(Sel::Weekday(_), Rel::Last)) {
            return None;
        }
        if matches!(x, Expr::Relative(Unit::Week | Unit::Month | Unit::Year, _))
            && self.kw(e, Kw::Of)
        {
            return None;
        }
        Some((e, x))
    }

    /// "weekend" alone, "my weekend".
    fn bare_weekend(&self, i: usize) -> P {
        Some((i + 1, bare(Sel::Weekend)))
    }

    /// "2016 Q3", "2016 the third quarter".
    fn quarter_after_year(&self, i: usize) -> P {
        let y = self.year4(i)?;
        let mut j = i + 1;
        if self.punct(j, ",") {
            j += 1;
        }
        match self.at(j) {
            Atom::QuarterCode(q) => {
                Some((j + 1, Expr::Of(Sel::Quarter(q), Box::new(Expr::Year(y)))))
            }
            Atom::HalfCode(h) => Some((j + 1, Expr::Of(Sel::Half(h), Box::new(Expr::Year(y))))),
            _ => None,
        }
    }

    /// A month and what completes it: a day, a year, "next year", or a word that makes a bare
    /// month a date ("in May", not "may").
    fn month_expr(&self, i: usize) -> P {
        let (m, j, strong) = self.month(i)?;
        if let Some((e, cal)) = self.month_first(i)
            && (cal.d.is_some() || cal.y.is_some())
        {
            return cal.expr().map(|x| (e, x));
        }
        // "June next year", "July of this year".
        if let Some((e, c)) = self.of_container(j)
            && !matches!(c, Expr::Year(_) | Expr::MonthOfYear(..))
            && matches!(c, Expr::Relative(Unit::Year, _))
            && (strong || self.is_cap(i))
        {
            return Some((e, Expr::Of(Sel::Month(m), Box::new(c))));
        }
        // A bare month needs a word that makes it a date: "in May", not "may"; and is not a
        // name ("April Ryan").
        let cap = self.is_cap(i);
        if self.is_cap(j)
            && cap
            && !self.sentence_start(j)
            && !matches!(self.at(j), Atom::Kw(_) | Atom::Weekday { .. })
        {
            return None;
        }
        let context = i > 0
            && !self.line_break_before(i)
            && self.word_in(
                i - 1,
                &[
                    "on",
                    "in",
                    "since",
                    "by",
                    "until",
                    "till",
                    "from",
                    "during",
                    "before",
                    "after",
                    "through",
                    "throughout",
                    "for",
                    "of",
                    "to",
                    "between",
                    "early",
                    "late",
                    "mid",
                    "last",
                    "next",
                    "this",
                    "and",
                    "or",
                    "that",
                    "same",
                ],
            );
        let mid =
            i > 1 && self.is_dash(i - 1) && self.touch(i - 1) && self.word_in(i - 2, &["mid"]);
        if !(context || mid) {
            // A capitalised month alone as a sentence subject is a date ("November was
            // cold"); a lower-case one without context is not.
            if !(strong
                && cap
                && self.word(i).is_some_and(|w| w.len() > 4)
                && !matches!(m, 3 | 5 | 8))
            {
                return None;
            }
            if i > 0 && self.is_cap(i - 1) && !self.sentence_start(i) {
                return None;
            }
        }
        if !strong && !cap {
            // Lower-case "may", "march": only "in may", "since march", … followed by a pause.
            let after_ok = self.word(j).is_none()
                || self.word_in(
                    j,
                    &[
                        "and", "or", "to", "when", "the", "of", "in", "on", "at", "with", "for",
                        "as", "until", "through", "this", "last", "next",
                    ],
                );
            if !(context
                && after_ok
                && self.word_in(
                    i - 1,
                    &[
                        "in", "since", "until", "till", "during", "of", "early", "late", "mid",
                        "from", "by", "through",
                    ],
                ))
            {
                return None;
            }
        }
        if !strong && cap && !context && !mid {
            return None;
        }
        Some((j, bare(Sel::Month(m))))
    }

    // ------------------------------------------------------------------ ranges

    /// A range end: a point, or a bare day number ("5" in "March 3-5").
    fn endpoint(&self, i: usize) -> P {
        if let Some(p) = self.point(i) {
            return Some(p);
        }
        if let Some((d, e)) = self.day_num(i) {
            return Some((e, bare(Sel::Day(d))));
        }
        if let Some(y) = self.year4(i) {
            return Some((i + 1, Expr::Year(y)));
        }
        if let Some((y, e)) = self.spelled_year(i) {
            return Some((e, Expr::Year(y)));
        }
        None
    }

    /// Joins two range ends, filling what one leaves out from the other.
    fn join(&self, a: Expr, b: Expr, year: Option<i32>) -> Option<Expr> {
        if let (Some(ca), Some(mut cb)) = (cal_of(&a), cal_of(&b)) {
            if cb.y.is_none() {
                cb.y = year;
            }
            let (ca, cb) = complete(ca, cb);
            // Two bare day numbers, or a day and a year, make no range.
            if ca.m.is_none() && cb.m.is_none() && (ca.d.is_some() || cb.d.is_some()) {
                return None;
            }
            return Some(Expr::Range(Box::new(ca.expr()?), Box::new(cb.expr()?)));
        }
        if matches!(a, Expr::Bare(Sel::Day(_), _)) || matches!(b, Expr::Bare(Sel::Day(_), _)) {
            return None;
        }
        Some(Expr::Range(Box::new(a), Box::new(b)))
    }

    /// "from X to Y", "between X and Y", "X - Y", "X through Y", "X until Y", "2014-2018".
    /// `first` is the point already read at `i` when there is no "from" or "between".
    fn range(&self, i: usize, first: P) -> P {
        let lead = if self.kw(i, Kw::From) {
            Some(Kw::From)
        } else if self.kw(i, Kw::Between) {
            Some(Kw::Between)
        } else {
            None
        };
        // "between now and June", "from now until Friday", "between May 2 and now": the
        // publication day as one end, only after "from" or "between" ("now" alone is no date).
        let now = |j: usize| {
            (lead.is_some() && self.kw(j, Kw::Now)).then_some((j + 1, Expr::DayOffset(0)))
        };
        let (e1, a) = if lead.is_some() {
            self.endpoint(i + 1).or_else(|| now(i + 1))?
        } else {
            first?
        };
        let mut k = e1;
        if lead.is_some() && self.punct(k, ",") {
            k += 1;
        }
        let dash = self.is_dash(k);
        let ok = match lead {
            Some(Kw::Between) => self.kw(k, Kw::And) || dash || self.kw(k, Kw::To),
            Some(_) => {
                self.kw(k, Kw::To) || self.kw(k, Kw::Until) || self.kw(k, Kw::Through) || dash
            }
            None => dash || self.kw(k, Kw::Through) || self.kw(k, Kw::Until) || self.kw(k, Kw::To),
        };
        if !ok {
            return None;
        }
        let (mut e2, b) = self.endpoint(k + 1).or_else(|| now(k + 1))?;
        // "from May 3 to 7, 2018": a year after a bare second day belongs to both ends.
        let mut year = None;
        if matches!(b, Expr::Bare(Sel::Day(_), _))
            && self.punct(e2, ",")
            && let Some((y, e3)) = self.any_year(e2 + 1)
        {
            year = Some(y);
            e2 = e3;
        }
        if lead.is_none() {
            // Without "from" or "between", both ends must be dates of one shape: "March 3-5",
            // "2014-2018", "today until Friday" (not "3-2" or "to 2020 levels").
            let day_like =
                |x: &Expr| matches!(x, Expr::DayOffset(_) | Expr::Bare(Sel::Weekday(_), _));
            let cal = cal_of(&a).is_some() && cal_of(&b).is_some();
            if !(cal || (day_like(&a) && day_like(&b))) {
                return None;
            }
            if !dash && !self.kw(k, Kw::Through) && !self.kw(k, Kw::Until) && !cal {
                return None;
            }
            if self.kw(k, Kw::To)
                && !(matches!(a, Expr::Date(_) | Expr::Bare(Sel::MonthDay(..), _))
                    && matches!(
                        b,
                        Expr::Date(_) | Expr::Bare(Sel::MonthDay(..) | Sel::Day(_), _)
                    ))
            {
                return None;
            }
            // "2014 through 2018" is a span; "2014 to 2018" may be a change ("from 2014 to
            // 2018 levels" reads so only with "from").
            if matches!((&a, &b), (Expr::Year(_), Expr::Year(_)))
                && !dash
                && !self.kw(k, Kw::Through)
            {
                return None;
            }
            if dash && matches!(a, Expr::Year(_)) && !matches!(b, Expr::Year(_)) {
                return None;
            }
        }
        // "2019-24": two digits continue the first year's century.
        let b = match (&a, &b) {
            (Expr::Year(y), Expr::Bare(Sel::Day(d), _))
                if dash && self.num(k + 1, 2..3).is_some() =>
            {
                let c = y - y.rem_euclid(100) + *d as i32;
                if c <= *y {
                    return None;
                }
                Expr::Year(c)
            }
            _ => b,
        };
        // "from 4 to 22 this month", "between 4 and 22 of next month": both days of it.
        if let (Expr::Bare(Sel::Day(d1), _), Expr::Bare(Sel::Day(d2), _)) = (&a, &b)
            && let Some((e3, c)) = self.of_container(e2)
            && matches!(c, Expr::Relative(Unit::Month, _))
        {
            return Some((
                e3,
                Expr::Range(
                    Box::new(Expr::Of(Sel::Day(*d1), Box::new(c.clone()))),
                    Box::new(Expr::Of(Sel::Day(*d2), Box::new(c))),
                ),
            ));
        }
        Some((e2, self.join(a, b, year)?))
    }

    /// "2014-2018" after any word ("the plan ran 2014-2018"): two four-digit years joined by a
    /// dash, the second later within a century, are a span of years by their shape alone, so
    /// they need none of the cues a lone year needs; codes around them still refuse it.
    fn year_span(&self, i: usize) -> P {
        let y = self.year4(i)?;
        let dash = i + 1;
        if !(1000..=2100).contains(&y) || !self.is_dash(dash) || !self.touch(i) || !self.touch(dash)
        {
            return None;
        }
        let end_year = self.year4(dash + 1)?;
        if end_year <= y || end_year - y >= 100 || self.numeric_in_code(i, dash + 2) {
            return None;
        }
        if self.word_in(dash + 2, COUNT_NOUNS) {
            return None;
        }
        Some((
            dash + 2,
            Expr::Range(Box::new(Expr::Year(y)), Box::new(Expr::Year(end_year))),
        ))
    }

    /// A day that opens a stretch of time: "tomorrow", "Monday", "next Monday", "May 20".
    fn first_day(&self, i: usize) -> P {
        // "from today" is this day, whatever "than" nearby makes "today" mean elsewhere.
        if self.kw(i, Kw::Today) && !self.s(i).ends_with('s') {
            return Some((i + 1, Expr::DayOffset(0)));
        }
        self.day_anchor(i).or_else(|| {
            self.relative(i)
                .filter(|(_, x)| matches!(x, Expr::Bare(Sel::Weekday(_), _) | Expr::DayOffset(_)))
        })
    }

    /// "within the next three years", "within two weeks from today", "less than three days
    /// after tomorrow", "for three days from today", "for a week, from 20 December", "two
    /// weeks starting May 20": so many units from a day. Without a first day, only "within
    /// the next…" makes one (from the publication date); "for three days" and "within five
    /// days" alone are durations.
    fn period(&self, i: usize) -> P {
        let mut from_now = false;
        let (j, counted_first) = if self.kw(i, Kw::Within) {
            let mut j = i + 1;
            if self.kw(j, Kw::The)
                && matches!(
                    self.at(j + 1),
                    Atom::Kw(Kw::Next | Kw::Coming | Kw::Upcoming)
                )
            {
                j += 2;
                from_now = true;
            }
            (j, false)
        } else if self.word_in(i, &["less", "fewer"]) && self.word_in(i + 1, &["than"]) {
            (i + 2, false)
        } else if self.kw(i, Kw::For) {
            (i + 1, false)
        } else {
            (i, true)
        };
        let (parts, end) = self.duration(j)?;
        if parts.iter().any(|&(n, _)| n <= 0) {
            return None;
        }
        let mut k = end;
        if !counted_first && self.punct(k, ",") {
            k += 1;
        }
        let opens = if self.kw(k, Kw::Starting) {
            k += 1;
            if self.kw(k, Kw::From) || self.kw(k, Kw::On) {
                k += 1;
            }
            true
        } else if !counted_first && (self.kw(k, Kw::From) || (j == i + 2 && self.kw(k, Kw::After)))
        {
            k += 1;
            true
        } else {
            false
        };
        if !opens {
            // "within fourteen days" alone counts from a moment the text may not give (a
            // report's, a ruling's): only "within the next…" counts from the publication.
            return from_now.then_some((end, Expr::Period(parts, None)));
        }
        let (e, first) = self.first_day(k)?;
        Some((e, Expr::Period(parts, Some(Box::new(first)))))
    }

    /// The expression starting at `i`: a range or a point, with what composes after it.
    fn expression(&self, i: usize) -> P {
        // Most tokens are words the lexicon does not know: such a word opens an expression
        // only as "less"/"fewer" before a period or as a year code ("2016H2", six bytes), so
        // the others end here without the grammar's tries.
        if self.at(i) == Atom::Other
            && self.c.is_word(i)
            && self.s(i).len() != 6
            && !self.word_in(i, &["less", "fewer"])
        {
            return None;
        }
        // "2016 March 3 to 5", "2016 March 3": a year written before a month expression that
        // has none of its own belongs to it.
        // (The month's expression is read as below, not by calling this function again: a
        // recursive one would not be inlined into the scan's loop over every token.)
        if let Some(y) = self.year4(i)
            && matches!(self.at(i + 1), Atom::Month { .. })
            && !self.line_break_before(i + 1)
            && let Some(p) = self.point(i + 1)
            && let Some((e, x)) = longest(Some(p.clone()), self.range(i + 1, Some(p)))
            && let Some(x) = with_year(&x, y)
        {
            return Some((e, x));
        }
        if (matches!(
            self.at(i),
            Atom::Kw(Kw::Within | Kw::For | Kw::A) | Atom::Num(..) | Atom::Card(_)
        ) || self.word_in(i, &["less", "fewer"]))
            && let Some(p) = self.period(i)
        {
            return Some(p);
        }
        if matches!(self.at(i), Atom::Kw(Kw::From) | Atom::Kw(Kw::Between)) {
            return self.range(i, None);
        }
        let Some(p) = self.point(i) else {
            return self.year_span(i);
        };
        // "2014-2018": a year followed by a dash and a year or two digits.
        if let Expr::Year(y) = p.1
            && self.is_dash(p.0)
            && self.touch(p.0 - 1)
            && let Some(n) = self.num(p.0 + 1, 2..5)
        {
            let end_year = if n < 100 {
                y - y.rem_euclid(100) + n as i32
            } else {
                n as i32
            };
            if end_year > y && end_year - y < 100 && !self.numeric_in_code(i, p.0 + 2) {
                return Some((
                    p.0 + 2,
                    Expr::Range(Box::new(Expr::Year(y)), Box::new(Expr::Year(end_year))),
                ));
            }
        }
        let r = self.range(i, Some(p.clone()));
        longest(Some(p), r)
    }
}

/// A year-less month and day (or a range from one) given the year written before it; `None`
/// when it has a year, or no day (a year before a bare month is as often a name's: "the 2019
/// May government").
fn with_year(x: &Expr, y: i32) -> Option<Expr> {
    let dated = |e: &Expr| {
        let mut c = cal_of(e)?;
        if c.y.is_some() || c.m.is_none() || c.d.is_none() {
            return None;
        }
        c.y = Some(y);
        Some(c)
    };
    match x {
        Expr::Range(a, b) => {
            let (ca, cb) = complete(dated(a)?, cal_of(b)?);
            if cb.y != Some(y) && cb.y != Some(y + 1) {
                return None;
            }
            Some(Expr::Range(Box::new(ca.expr()?), Box::new(cb.expr()?)))
        }
        _ => dated(x)?.expr(),
    }
}

/// "earlier this year" (`earlier`) or "later this month": the part of the current period
/// before or after the publication date; other periods ("later next year") stay whole.
fn before_or_after(earlier: bool, period: Expr) -> Expr {
    match period {
        Expr::Relative(_, 0) => Expr::Of(
            if earlier { Sel::Earlier } else { Sel::Later },
            Box::new(period),
        ),
        other => other,
    }
}

/// How far (in tokens) a cue is looked for around an expression, within its sentence.
const SENTENCE_REACH: usize = 40;

/// Words that make a year-less quarter a quarter of a (fiscal) year: accounts, markets, the
/// economy.
const FISCAL_CUES: &[&str] = &[
    "fiscal",
    "financial",
    "earnings",
    "revenue",
    "revenues",
    "sales",
    "profit",
    "profits",
    "loss",
    "losses",
    "results",
    "quarterly",
    "growth",
    "gdp",
    "economy",
    "economic",
    "shares",
    "dividend",
    "income",
    "margin",
    "margins",
    "forecast",
    "guidance",
    "output",
    "deliveries",
    "shipments",
    "inflation",
    "unemployment",
    "investors",
    "analysts",
    "turnover",
    "million",
    "billion",
    "company",
    "quarter-on-quarter",
    "year-on-year",
];

/// Words after a number that make it a count, not a year ("2000 soldiers").
const COUNT_NOUNS: &[&str] = &[
    "people",
    "persons",
    "soldiers",
    "troops",
    "civilians",
    "residents",
    "workers",
    "members",
    "votes",
    "voters",
    "euros",
    "dollars",
    "pounds",
    "rubles",
    "roubles",
    "yen",
    "francs",
    "units",
    "tonnes",
    "tons",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "feet",
    "words",
    "pages",
    "signatures",
    "cases",
    "deaths",
    "homes",
    "houses",
    "jobs",
    "cars",
    "vehicles",
    "tanks",
    "drones",
    "missiles",
    "rockets",
    "shells",
    "percent",
    "per",
    "points",
    "times",
    "hours",
    "minutes",
    "seconds",
    "days",
    "children",
    "students",
    "refugees",
    "prisoners",
    "patients",
    "acres",
    "hectares",
    "barrels",
    "gmt",
    "utc",
    "hrs",
];

/// Finds the date expressions of a text, in text order, without overlaps, with the default
/// options.
pub fn scan(text: &str, tokens: &[Token]) -> Vec<Found> {
    scan_with(text, tokens, &DateOptions::default())
}

/// Finds the date expressions of a text, in text order, without overlaps.
pub fn scan_with(text: &str, tokens: &[Token], options: &DateOptions) -> Vec<Found> {
    let g = Grammar {
        c: Cursor::new(text, tokens),
        atoms: lexicon::atoms(text, tokens),
        options: *options,
    };
    let mut out = Vec::new();
    let mut floor = 0; // first token not yet part of an expression
    let mut i = 0;
    while i < tokens.len() {
        if g.atoms[i] == Atom::Other
            && tokens[i].kind == TokenKind::Punct
            && !g.punct(i, "'")
            && !g.punct(i, "’")
        {
            i += 1;
            continue;
        }
        let Some((end, expr)) = g.expression(i) else {
            i += 1;
            continue;
        };
        let mut start = i;
        // Approximators before a count: "nearly three years ago".
        if matches!(expr, Expr::Shift(..)) {
            while start > floor && g.word_in(start - 1, APPROXIMATORS) {
                start -= 1;
            }
            if start > floor + 1
                && g.word_in(start - 1, &["than"])
                && g.word_in(start - 2, &["more", "less"])
            {
                start -= 2;
            }
        }
        // "last/this/next" after a determiner is an adjective ("the last week of the
        // campaign", "its next year").
        if let Some(s) = g.rel_shift(i)
            && i > 0
            && g.word_in(i - 1, DETERMINERS)
            && !(s == 1 && g.kw(i - 1, Kw::The))
            && !matches!(expr, Expr::Span(..) | Expr::DayOffset(_))
        {
            i += 1;
            continue;
        }
        // Modifiers that belong to a relative expression: "earlier this year", "later this
        // month".
        let mut expr = expr;
        if matches!(expr, Expr::Relative(..))
            && start > floor
            && g.word_in(start - 1, &["earlier", "later", "early", "late"])
            && !g.line_break_before(start)
        {
            start -= 1;
            if g.word_in(start, &["earlier", "later"]) {
                expr = before_or_after(g.kw(start, Kw::Earlier), expr);
            }
        }
        // "in the 1990s", "in the spring": the article belongs to a period's name.
        if start == i
            && start > floor
            && g.kw(start - 1, Kw::The)
            && (matches!(
                expr,
                Expr::Decade(_) | Expr::DecadeOfCentury(_) | Expr::Century(_)
            ) || matches!(
                g.at(i),
                Atom::Kw(Kw::End | Kw::Beginning | Kw::Start | Kw::Middle)
            ))
        {
            start -= 1;
        }
        let (start, lead) = if start + 1 >= i && start > floor && !g.line_break_before(start) {
            match g.which(start - 1, LEADS) {
                Some(p)
                    if !matches!(expr, Expr::Range(..))
                        || !matches!(g.at(i), Atom::Kw(Kw::From) | Atom::Kw(Kw::Between)) =>
                {
                    (start - 1, Some(p))
                }
                _ => (start, None),
            }
        } else {
            (start, None)
        };
        let lead = lead.or_else(|| g.which(i, &["from", "between", "since", "until", "within"]));
        out.push(Found {
            span: Span::new(tokens[start].start, tokens[end - 1].end),
            tokens: start..end,
            lead,
            expr,
        });
        i = end;
        floor = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn exprs(text: &str) -> Vec<&str> {
        let toks = tokenize(text);
        scan(text, &toks)
            .into_iter()
            .map(|f| f.span.slice(text))
            .collect()
    }

    #[test]
    fn whole_expressions() {
        assert_eq!(
            exprs("the day after tomorrow, 2 years and 3 months ago, three weeks from tomorrow"),
            [
                "the day after tomorrow",
                "2 years and 3 months ago",
                "three weeks from tomorrow"
            ]
        );
        assert_eq!(
            exprs("on Friday the 13th and the last week of 2019 and in early March"),
            [
                "on Friday the 13th",
                "the last week of 2019",
                "in early March"
            ]
        );
    }

    #[test]
    fn codes_are_not_dates() {
        assert!(exprs("ref ZQ/2025-04-02/B").is_empty());
        assert!(exprs("flight 2016 landed").is_empty());
    }

    #[test]
    fn less_than_a_stretch() {
        assert_eq!(
            exprs("I will come back less than 2 weeks from today"),
            vec!["less than 2 weeks from today"]
        );
    }
}
