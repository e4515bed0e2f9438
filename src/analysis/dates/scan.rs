//! Finding date expressions in a token stream.
//!
//! Every pattern is anchored on a word that can only be part of a date (a month or weekday name,
//! "today", "ago", a four-digit year in a date context…), so the scan costs a few byte
//! comparisons per token. What is *not* a date matters as much: durations ("a three-year war",
//! "for over three years", "90 minutes"), ordinals ("1,000th day"), habits ("on Friday
//! evenings"), holidays ("Good Friday"), counts ("2000 soldiers") and codes ("pre-2014") are
//! left alone.

use crate::analysis::Span;
use crate::text::{Cursor, Token, TokenKind};
use chrono::{NaiveDate, Weekday};
use std::ops::Range;

/// A modifier that fixes which occurrence of a weekday or month is meant.
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

/// A unit of relative time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Days.
    Day,
    /// ISO weeks.
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

/// What a date expression says, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expr {
    /// A full calendar date: "2025-02-12", "Feb. 12, 2025", "12 February 2025".
    Date(NaiveDate),
    /// "February 2022".
    MonthOfYear(i32, u32),
    /// "in 2019", "the 2014 ouster".
    Year(i32),
    /// "Jan. 20", "27 February": the year comes from the publication date.
    MonthDay(u32, u32),
    /// "in November", "last March".
    Month(u32, Rel),
    /// "Tuesday", "on Friday", "next Monday".
    Weekday(Weekday, Rel),
    /// "today" (0), "yesterday" (-1), "tomorrow" (1), "last night" (-1).
    DayOffset(i64),
    /// "this week" (0), "last month" (-1), "next year" (1).
    Relative(Unit, i64),
    /// "two years ago": so many units before the publication date.
    Ago(i64, Unit),
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

/// Month names, January first (also the names the people finder must not take for names).
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

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

/// Words after which a bare month name ("in November") or a bare year ("the 2014 ouster") is a
/// date rather than a name, a verb ("may", "march") or a count.
const MONTH_CONTEXT: &[&str] = &[
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
];

const YEAR_CONTEXT: &[&str] = &[
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
];

/// Words that turn a weekday into a habit ("on Friday evenings", "every Monday").
const HABIT_AFTER: &[&str] = &["mornings", "afternoons", "evenings", "nights", "nighttimes"];

/// Times of day that extend an expression ("Friday evening", "yesterday morning").
const PARTS_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night"];

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

/// Words before "last/this/next week" that belong to the expression ("earlier this year").
const SHIFTS: &[&str] = &["earlier", "later", "early", "late"];

/// Determiners that make "last"/"next" an adjective ("the last week of the campaign").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "whose", "that", "every",
    "each",
];

fn number_word(w: &str) -> Option<i64> {
    const WORDS: [&str; 21] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    let l = w.to_ascii_lowercase();
    if l == "a" || l == "an" {
        return Some(1);
    }
    match l.as_str() {
        "thirty" => return Some(30),
        "forty" => return Some(40),
        "fifty" => return Some(50),
        _ => {}
    }
    WORDS.iter().position(|&x| x == l).map(|n| n as i64)
}

/// The shared token cursor, with this scanner's own rules added in the `impl` below.
struct Scanner<'a>(Cursor<'a>);

impl<'a> std::ops::Deref for Scanner<'a> {
    type Target = Cursor<'a>;
    fn deref(&self) -> &Cursor<'a> {
        &self.0
    }
}

impl<'a> Scanner<'a> {
    /// A plain digit run of `len` digits.
    fn digits(&self, i: usize, lens: Range<usize>) -> Option<u32> {
        let t = self.toks.get(i)?;
        let s = t.as_str(self.text);
        (t.kind == TokenKind::Number
            && lens.contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
    }

    /// A four-digit year in a plausible range.
    fn year(&self, i: usize) -> Option<i32> {
        let y = self.digits(i, 4..5)? as i32;
        (1000..=2199).contains(&y).then_some(y)
    }

    /// A day of the month: "7", "07", "7th", "1st". Not a time ("7:30") or a fraction.
    fn day(&self, i: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        let s = t.as_str(self.text);
        let digits: &str = match t.kind {
            TokenKind::Number if s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()) => s,
            TokenKind::Word => {
                let d = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                let suffix = &s[d.len()..];
                if d.is_empty()
                    || d.len() > 2
                    || !d.bytes().all(|b| b.is_ascii_digit())
                    || !matches!(
                        suffix.to_ascii_lowercase().as_str(),
                        "st" | "nd" | "rd" | "th"
                    )
                {
                    return None;
                }
                d
            }
            _ => return None,
        };
        if self.touch(i) && (self.punct(i + 1, ":") || self.punct(i + 1, "%")) {
            return None;
        }
        let d: u32 = digits.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }

    /// A month name at `i` (capitalised; abbreviations take their period): the month and the
    /// index after it.
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.word(i)?;
        if !w.starts_with(|c: char| c.is_ascii_uppercase()) || w.len() < 3 || w.len() > 9 {
            return None;
        }
        if let Some(m) = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(w)) {
            return Some((m as u32 + 1, i + 1));
        }
        if w.len() > 4 {
            return None;
        }
        const ABBREVIATIONS: [(&str, u32); 12] = [
            ("jan", 1),
            ("feb", 2),
            ("mar", 3),
            ("apr", 4),
            ("jun", 6),
            ("jul", 7),
            ("aug", 8),
            ("sep", 9),
            ("sept", 9),
            ("oct", 10),
            ("nov", 11),
            ("dec", 12),
        ];
        let abbrev = ABBREVIATIONS
            .iter()
            .find(|(a, _)| a.eq_ignore_ascii_case(w))
            .map(|&(_, m)| m)?;
        let l = w;
        if self.touch(i) && self.punct(i + 1, ".") {
            Some((abbrev, i + 2))
        } else if l.eq_ignore_ascii_case("sept") || self.day(i + 1).is_some() {
            // "Sept" alone, or a wire dateline without the period: "Feb 12 (Reuters)".
            Some((abbrev, i + 1))
        } else {
            None
        }
    }

    /// A weekday name at `i` (capitalised, possessive allowed: "Tuesday's session").
    fn weekday(&self, i: usize) -> Option<Weekday> {
        let w = self.word(i)?;
        if !w.starts_with(|c: char| c.is_ascii_uppercase()) || w.len() < 6 || w.len() > 12 {
            return None;
        }
        let w = strip_possessive(w);
        WEEKDAYS
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(w))
            .map(|&(_, d)| d)
    }

    /// Extends an expression starting at token `start` backwards over a preposition.
    fn with_lead(&self, start: usize) -> (usize, Option<&'static str>) {
        if start > 0
            && !self.line_break_before(start)
            && let Some(p) = self.which(start - 1, LEADS)
        {
            return (start - 1, Some(p));
        }
        (start, None)
    }

    fn found(&self, start: usize, end: usize, lead: Option<&'static str>, expr: Expr) -> Found {
        Found {
            span: Span::new(self.toks[start].start, self.toks[end - 1].end),
            tokens: start..end,
            lead,
            expr,
        }
    }

    /// The end of a date that follows a month name at `i` ("Feb. 12, 2025", "Feb. 12",
    /// "February 2022"), or `None`.
    fn after_month(&self, m: u32, j: usize) -> Option<(usize, Expr)> {
        if let Some(d) = self.day(j) {
            // A day needs its own boundary: "March 3-5" keeps 3, "March 31st" is fine.
            let mut k = j + 1;
            if self.punct(k, ",") {
                k += 1;
            }
            if let Some(y) = self.year(k) {
                let date = NaiveDate::from_ymd_opt(y, m, d)?;
                return Some((k + 1, Expr::Date(date)));
            }
            // "Feb. 29" is checked against a leap year when resolved.
            if d > days_in_month(m) {
                return None;
            }
            return Some((j + 1, Expr::MonthDay(m, d)));
        }
        if let Some(y) = self.year(j) {
            return Some((j + 1, Expr::MonthOfYear(y, m)));
        }
        None
    }

    fn try_iso(&self, i: usize) -> Option<Found> {
        let y = self.year(i)?;
        if i + 4 >= self.toks.len() || !self.touch(i) {
            return None;
        }
        let sep = self.s(i + 1);
        if sep != "-" && sep != "/" {
            return None;
        }
        let m = self.digits(i + 2, 1..3)?;
        if !(self.touch(i + 1) && self.touch(i + 2) && self.punct(i + 3, sep) && self.touch(i + 3))
        {
            return None;
        }
        let d = self.digits(i + 4, 1..3)?;
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        let (start, lead) = self.with_lead(i);
        Some(self.found(start, i + 5, lead, Expr::Date(date)))
    }

    fn try_month_first(&self, i: usize) -> Option<Found> {
        let (m, j) = self.month(i)?;
        let (mut start, mut rel) = (i, Rel::Bare);
        if let Some((end, expr)) = self.after_month(m, j) {
            let (start, lead) = self.with_lead(start);
            return Some(self.found(start, end, lead, expr));
        }
        // A day that does not exist ("Feb. 30"): no date at all, not a bare month.
        if self.day(j).is_some() {
            return None;
        }
        // A bare month needs a word that makes it a date: "in May", not "may".
        if i == 0 || self.line_break_before(i) {
            return None;
        }
        let mut p = i - 1;
        if self.is_dash(p) && self.touch(p) && p > 0 && self.word_in(p - 1, &["mid"]) {
            p -= 1;
            start = p;
        } else if !self.word_in(p, MONTH_CONTEXT) {
            return None;
        }
        match self.word(p).map(str::to_ascii_lowercase).as_deref() {
            Some("last") => rel = Rel::Last,
            Some("next") => rel = Rel::Next,
            Some("this") => rel = Rel::This,
            _ => {}
        }
        if matches!(rel, Rel::Last | Rel::Next | Rel::This) || self.word_in(p, &["early", "late"]) {
            start = p;
        }
        let (start, lead) = self.with_lead(start);
        Some(self.found(start, j, lead, Expr::Month(m, rel)))
    }

    fn try_day_first(&self, i: usize) -> Option<Found> {
        let d = self.day(i)?;
        let mut j = i + 1;
        if self.word_in(j, &["of"]) {
            j += 1;
        }
        let (m, k) = self.month(j)?;
        let (end, expr) = match self.year(k) {
            Some(y) => (k + 1, Expr::Date(NaiveDate::from_ymd_opt(y, m, d)?)),
            None if d <= days_in_month(m) => (k, Expr::MonthDay(m, d)),
            None => return None,
        };
        let (start, lead) = self.with_lead(i);
        Some(self.found(start, end, lead, expr))
    }

    fn try_weekday(&self, i: usize) -> Option<Found> {
        let wd = self.weekday(i)?;
        let possessive = strip_possessive(self.s(i)).len() < self.s(i).len();
        let mut end = i + 1;
        if !possessive {
            if self.word_in(end, HABIT_AFTER) {
                return None;
            }
            // "Friday, Feb. 14": the explicit date wins and the weekday joins the expression.
            if self.punct(end, ",")
                && let Some((m, j)) = self.month(end + 1)
                && let Some((e, expr)) = self.after_month(m, j)
            {
                let (start, lead) = self.with_lead(i);
                return Some(self.found(start, e, lead, expr));
            }
            if self.word_in(end, PARTS_OF_DAY) {
                end += 1;
            }
        }
        let mut start = i;
        let mut rel = Rel::Bare;
        if i > 0 && !self.line_break_before(i) {
            let p = i - 1;
            if self.word_in(p, &["every", "each", "most", "some", "other"]) {
                return None;
            }
            match self.word(p).map(str::to_ascii_lowercase).as_deref() {
                Some("last") | Some("past") => rel = Rel::Last,
                Some("next") | Some("coming") => rel = Rel::Next,
                Some("this") => rel = Rel::This,
                Some(w)
                    if self.s(p).starts_with(char::is_uppercase)
                    // "Good Friday", "Super Tuesday": a holiday, not a date to anchor. A
                    // capitalised preposition opening the sentence is fine.
                    && !LEADS.contains(&w) && !MONTH_CONTEXT.contains(&w) =>
                {
                    return None;
                }
                _ => {}
            }
            if rel != Rel::Bare {
                start = p;
                if rel == Rel::Next && p > 0 && self.word_in(p - 1, &["the"]) {
                    // "the next Monday" reads as a date too, but "the last Monday of the month"
                    // does not: keep only the former.
                } else if p > 0 && self.word_in(p - 1, DETERMINERS) {
                    return None;
                }
            }
        }
        let (start, lead) = self.with_lead(start);
        Some(self.found(start, end, lead, Expr::Weekday(wd, rel)))
    }

    fn try_day_word(&self, i: usize) -> Option<Found> {
        let w = self.word(i)?;
        if w.len() < 5 || w.len() > 12 {
            return None;
        }
        let bare = strip_possessive(w);
        let offset = if bare.eq_ignore_ascii_case("today") || bare.eq_ignore_ascii_case("tonight") {
            0
        } else if bare.eq_ignore_ascii_case("yesterday") {
            -1
        } else if bare.eq_ignore_ascii_case("tomorrow") {
            1
        } else {
            return None;
        };
        // "USA Today", "the Today programme": a name, not a day.
        if w.starts_with(char::is_uppercase) && i > 0 && !self.line_break_before(i) {
            let prev = self.s(i - 1);
            if prev.starts_with(char::is_uppercase) && !self.word_in(i - 1, LEADS) {
                return None;
            }
            if self.word_in(i - 1, &["the"]) {
                return None;
            }
        }
        let mut end = i + 1;
        if bare.len() == w.len() && self.word_in(end, PARTS_OF_DAY) {
            end += 1;
        }
        let (start, lead) = self.with_lead(i);
        Some(self.found(start, end, lead, Expr::DayOffset(offset)))
    }

    fn try_relative(&self, i: usize) -> Option<Found> {
        let w = self.word(i)?;
        let shift = if w.eq_ignore_ascii_case("last") || w.eq_ignore_ascii_case("past") {
            -1
        } else if w.eq_ignore_ascii_case("this") {
            0
        } else if w.eq_ignore_ascii_case("next") || w.eq_ignore_ascii_case("coming") {
            1
        } else {
            return None;
        };
        let unit_word = self.word(i + 1)?.to_ascii_lowercase();
        let mut start = i;
        if i > 0 && self.word_in(i - 1, DETERMINERS) {
            return None;
        }
        let expr = match strip_possessive(&unit_word) {
            "week" => Expr::Relative(Unit::Week, shift),
            "month" => Expr::Relative(Unit::Month, shift),
            "year" => Expr::Relative(Unit::Year, shift),
            "night" if shift == -1 => Expr::DayOffset(-1),
            "morning" | "afternoon" | "evening" if shift == 0 => Expr::DayOffset(0),
            _ => return None,
        };
        // "the past week" is a duration; "past" alone only opens "past Monday".
        if w.eq_ignore_ascii_case("past") || w.eq_ignore_ascii_case("coming") {
            return None;
        }
        if i > 0 && self.word_in(i - 1, SHIFTS) && !self.line_break_before(i) {
            start = i - 1;
        }
        let (start, lead) = self.with_lead(start);
        Some(self.found(start, i + 2, lead, expr))
    }

    /// "two years ago", anchored on "ago".
    fn try_ago(&self, i: usize, floor: usize) -> Option<Found> {
        if !self.word(i)?.eq_ignore_ascii_case("ago") || i < floor + 2 {
            return None;
        }
        let unit_word = self.word(i - 1)?.to_ascii_lowercase();
        let (unit, scale) = match unit_word.as_str() {
            "day" | "days" => (Unit::Day, 1),
            "week" | "weeks" => (Unit::Week, 1),
            "month" | "months" => (Unit::Month, 1),
            "year" | "years" => (Unit::Year, 1),
            "decade" | "decades" => (Unit::Year, 10),
            _ => return None,
        };
        let q = i - 2;
        let n = match self.toks[q].kind {
            TokenKind::Number => self.digits(q, 1..4)? as i64,
            TokenKind::Word => number_word(self.s(q))?,
            TokenKind::Punct => return None,
        };
        let mut start = q;
        while start > floor && self.word_in(start - 1, APPROXIMATORS) {
            start -= 1;
        }
        if start > floor + 1
            && self.word_in(start - 1, &["than"])
            && self.word_in(start - 2, &["more", "less"])
        {
            start -= 2;
        }
        Some(self.found(start, i + 1, None, Expr::Ago(n * scale, unit)))
    }

    fn try_year(&self, i: usize) -> Option<Found> {
        let y = self.year(i)?;
        if !(1800..=2100).contains(&y) {
            return None;
        }
        let mut start = i;
        if i == 0 || self.line_break_before(i) {
            // A year opening a line or the text: "2022 was the year…".
        } else {
            let p = i - 1;
            if self.is_dash(p) && self.touch(p) {
                // "mid-2014" is a date; "pre-2014", "post-2014", "2019-2024" and codes are not.
                if p > 0 && self.touch(p - 1) && self.word_in(p - 1, &["mid", "early", "late"]) {
                    start = p - 1;
                } else {
                    return None;
                }
            } else if self.word_in(p, &["and", "or"])
                && p >= 1
                && (self.year(p - 1).is_some() || (p >= 2 && self.year(p - 2).is_some()))
            {
                // "between 2019 and 2021", "in 2014 or 2015".
            } else if self.word_in(p, YEAR_CONTEXT) {
                if self.word_in(p, &["early", "late"]) {
                    start = p;
                }
            } else if !matches!(self.s(p), "(" | "." | "!" | "?") {
                // A year after a bracket or opening a sentence is fine; anything else is not.
                return None;
            }
        }
        // Not a count ("the 2000 soldiers"), a range ("2019-2024") or a time ("2000 GMT").
        let n = i + 1;
        if n < self.toks.len() {
            if self.touch(i)
                && (self.is_dash(n) || self.punct(n, "%") || self.punct(n, ":"))
                && !(self.is_dash(n) && self.digits(n + 1, 2..3).is_some())
            {
                return None;
            }
            if self.word_in(n, COUNT_NOUNS) {
                return None;
            }
        }
        let (start, lead) = self.with_lead(start);
        Some(self.found(start, i + 1, lead, Expr::Year(y)))
    }
}

/// `word` without a final "'s" / "’s".
fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Days in a month of a leap year: the most a month-day without a year can have.
fn days_in_month(m: u32) -> u32 {
    match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Finds the date expressions of a text, in text order, without overlaps.
pub fn scan(text: &str, tokens: &[Token]) -> Vec<Found> {
    let sc = Scanner(Cursor::new(text, tokens));
    let mut out = Vec::new();
    let mut floor = 0; // first token not yet part of an expression
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let first = text.as_bytes()[t.start];
        let hit = match t.kind {
            TokenKind::Number => {
                if t.end - t.start == 4 {
                    sc.try_iso(i).or_else(|| sc.try_year(i))
                } else if t.end - t.start <= 2 {
                    sc.try_day_first(i)
                } else {
                    None
                }
            }
            TokenKind::Word if first.is_ascii_digit() => sc.try_day_first(i),
            TokenKind::Word if first.is_ascii_uppercase() => sc
                .try_month_first(i)
                .or_else(|| sc.try_weekday(i))
                .or_else(|| sc.try_day_word(i))
                .or_else(|| sc.try_relative(i)),
            TokenKind::Word => match t.end - t.start {
                3 => sc.try_ago(i, floor),
                4 | 6 => sc.try_relative(i).or_else(|| sc.try_day_word(i)),
                5..=11 => sc.try_day_word(i),
                _ => None,
            },
            TokenKind::Punct => None,
        };
        match hit {
            // A lead or shift may reach back into an earlier expression: clip it.
            Some(mut f) if f.tokens.start >= floor || f.tokens.end > floor => {
                if f.tokens.start < floor {
                    f.tokens.start = floor;
                    f.span.start = tokens[floor].start;
                    f.lead = None;
                }
                i = f.tokens.end;
                floor = i;
                out.push(f);
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn exprs(text: &str) -> Vec<(&str, Expr)> {
        let toks = tokenize(text);
        scan(text, &toks)
            .into_iter()
            .map(|f| (f.span.slice(text), f.expr))
            .collect()
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn full_dates() {
        assert_eq!(
            exprs("on 2025-02-12 and Feb. 12, 2025 and 12 February 2025."),
            [
                ("on 2025-02-12", Expr::Date(ymd(2025, 2, 12))),
                ("Feb. 12, 2025", Expr::Date(ymd(2025, 2, 12))),
                ("12 February 2025", Expr::Date(ymd(2025, 2, 12))),
            ]
        );
        assert_eq!(
            exprs("ref MT/2025-04-02/REV"),
            [("2025-04-02", Expr::Date(ymd(2025, 4, 2)))]
        );
    }

    #[test]
    fn months_need_context() {
        assert_eq!(
            exprs("It may rain in May. They march in March 2022 until April 7."),
            [
                ("in May", Expr::Month(5, Rel::Bare)),
                ("in March 2022", Expr::MonthOfYear(2022, 3)),
                ("until April 7", Expr::MonthDay(4, 7)),
            ]
        );
        assert!(exprs("April Ryan said so.").is_empty());
    }

    #[test]
    fn weekdays_and_habits() {
        assert_eq!(
            exprs("Open on Friday evenings. Good Friday. We met last Monday."),
            [("last Monday", Expr::Weekday(Weekday::Mon, Rel::Last))]
        );
        assert_eq!(
            exprs("Tuesday's session"),
            [("Tuesday's", Expr::Weekday(Weekday::Tue, Rel::Bare))]
        );
    }

    #[test]
    fn durations_are_not_dates() {
        for text in [
            "a three-year war",
            "for over three years",
            "90 minutes",
            "two weeks after",
            "the 1,000th day",
            "a 24-hour strike",
            "within fourteen days",
            "some 2000 soldiers",
            "the pre-2014 borders",
            "in the past week",
        ] {
            assert!(exprs(text).is_empty(), "{text}: {:?}", exprs(text));
        }
    }

    #[test]
    fn relative_expressions() {
        assert_eq!(
            exprs("nearly three years ago, last week, earlier this year, yesterday morning"),
            [
                ("nearly three years ago", Expr::Ago(3, Unit::Year)),
                ("last week", Expr::Relative(Unit::Week, -1)),
                ("earlier this year", Expr::Relative(Unit::Year, 0)),
                ("yesterday morning", Expr::DayOffset(-1)),
            ]
        );
    }
}
