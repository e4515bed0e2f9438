//! Figures: numbers with their units, normalised so that two reports that state the same
//! quantity in other words meet ("30 cm" = "30 centimetres", "twelve" = "12", "a 42-year-old"
//! = "aged 42", "$5bn" = "$5 billion", "3 per cent" = "three percent").
//!
//! A shared figure is the strongest evidence two independently written sentences state the
//! same fact: reporters reword everything but the numbers.

use super::prepare::Word;
use super::stem::hash_str;
use crate::text::fold;
use std::ops::Range;
use std::sync::OnceLock;

/// A figure of a text: the words it spans and its normalised key.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figure {
    /// Word indexes, number and unit.
    pub words: Range<usize>,
    /// Hash of the normalised value and unit; equal keys state the same quantity.
    pub key: u64,
    /// Whether the figure carries a unit, a scale or a currency (a bare "2" is weak evidence).
    pub has_unit: bool,
    /// The canonical unit ("min", "m", "$", "%", "age"…), empty for a count.
    pub unit: &'static str,
    /// The smallest value the figure allows, in `unit`.
    pub low: f64,
    /// The largest value the figure allows (infinite for "more than 600").
    pub high: f64,
    /// Words before `words` that qualify the value ("about", "more than"), so that the whole
    /// expression can be shown.
    pub lead: usize,
    /// Whether the amount is a vague one ("hundreds of thousands", "dozens").
    pub vague: bool,
}

// Values come from parsed digits and fixed tables, never NaN, so equality is total.
impl Eq for Figure {}

impl Figure {
    /// Whether the two figures could state the same quantity: the same unit and ranges that
    /// meet ("about 40" and "41"; "hundreds" and "more than 600").
    pub fn compatible(&self, other: &Figure) -> bool {
        self.unit != other.unit || (self.low <= other.high && other.low <= self.high)
    }

    /// The value in words, normalised: "90 minutes", "30 cm", "about 40", "more than 600",
    /// "200,000–1,000,000".
    pub fn describe(&self) -> String {
        let (scale, unit) = display_unit(self.unit, self.low.max(self.high.min(1e300)));
        let num = |v: f64| grouped(v / scale);
        let value = if self.high.is_infinite() {
            format!("more than {}", num(self.low))
        } else if self.low == 0.0 && self.high > 0.0 && !self.vague && self.lead > 0 {
            format!("up to {}", num(self.high))
        } else if (self.low - self.high).abs() < 1e-9 {
            num(self.low)
        } else if self.vague {
            format!("{}–{}", num(self.low), num(self.high))
        } else {
            format!("about {}", num((self.low + self.high) / 2.0))
        };
        match unit {
            "" => value,
            "$" | "£" | "€" | "¥" => format!("{unit}{value}"),
            "%" => format!("{value}%"),
            "age" => format!("aged {value}"),
            u => format!("{value} {u}"),
        }
    }
}

/// How a canonical unit is shown: the divisor and the unit's name, chosen for the value.
fn display_unit(unit: &'static str, v: f64) -> (f64, &'static str) {
    match unit {
        "min" => (1.0, "minutes"),
        "d" => (1.0, "days"),
        "mo" => (1.0, "months"),
        "m" if v < 1.0 => (0.01, "cm"),
        "m" if v >= 1000.0 => (1000.0, "km"),
        "kg" if v >= 1000.0 => (1000.0, "tonnes"),
        _ => (1.0, unit),
    }
}

/// A value with thousands separators, to three decimals at most.
fn grouped(v: f64) -> String {
    let s = canonical(v);
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(a, b)| (a, b));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if frac.is_empty() {
        format!("{sign}{out}")
    } else {
        format!("{sign}{out}.{frac}")
    }
}

/// Units converted to one canonical unit each, so "1.5 hours" = "90 minutes" and "30 cm" =
/// "0.3 m": (unit, factor, canonical unit). Miles, feet and pounds stay apart: reporters
/// round conversions, so comparing them would invent disagreements.
const CONVERSIONS: &[(&str, f64, &str)] = &[
    ("h", 60.0, "min"),
    ("wk", 7.0, "d"),
    ("yr", 12.0, "mo"),
    ("cm", 0.01, "m"),
    ("mm", 0.001, "m"),
    ("km", 1000.0, "m"),
    ("t", 1000.0, "kg"),
];

/// Words before a number that make it approximate, and the share of the value it may be off
/// by below and above.
const APPROXIMATE: &[(&str, f64, f64)] = &[
    ("about", 0.1, 0.1),
    ("around", 0.1, 0.1),
    ("approximately", 0.1, 0.1),
    ("roughly", 0.1, 0.1),
    ("some", 0.1, 0.1),
    ("estimated", 0.1, 0.1),
    ("nearly", 0.15, 0.0),
    ("almost", 0.15, 0.0),
];

/// Plural scale words of vague amounts ("hundreds", "thousands of"): their lowest and highest
/// value. "Thousands" stretches far up because reporters use it for any large crowd; the
/// ranges are wide on purpose, so only amounts that cannot both be true differ.
const VAGUE: &[(&str, f64, f64)] = &[
    ("tens", 20.0, 100.0),
    ("dozens", 24.0, 200.0),
    ("scores", 40.0, 200.0),
    ("hundreds", 200.0, 1000.0),
    ("thousands", 2e3, 1e6),
    ("millions", 2e6, 1e9),
    ("billions", 2e9, 1e12),
];

/// "several hundred", "a few thousand": the multiplier range of the scale word after them.
const SEVERAL: &[(&str, f64, f64)] = &[("several", 3.0, 9.99), ("few", 2.0, 5.0)];

/// Number words and their values.
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("thousand", 1000.0),
    ("dozen", 12.0),
    ("half", 0.5),
];

/// Denominators of fractions ("two-thirds", "a quarter").
const FRACTIONS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
];

/// Scale words after a number.
const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("m", 1e6),
    ("mn", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("b", 1e9),
    ("trillion", 1e12),
    ("tn", 1e12),
    ("k", 1e3),
];

/// Unit words (folded) and the unit they name.
const UNITS: &[(&str, &str)] = &[
    ("percent", "%"),
    ("pct", "%"),
    ("cm", "cm"),
    ("centimetre", "cm"),
    ("centimetres", "cm"),
    ("centimeter", "cm"),
    ("centimeters", "cm"),
    ("mm", "mm"),
    ("millimetre", "mm"),
    ("millimetres", "mm"),
    ("millimeter", "mm"),
    ("millimeters", "mm"),
    ("metre", "m"),
    ("metres", "m"),
    ("meter", "m"),
    ("meters", "m"),
    ("km", "km"),
    ("kilometre", "km"),
    ("kilometres", "km"),
    ("kilometer", "km"),
    ("kilometers", "km"),
    ("mile", "mi"),
    ("miles", "mi"),
    ("ft", "ft"),
    ("foot", "ft"),
    ("feet", "ft"),
    ("inch", "inch"),
    ("inches", "inch"),
    ("kg", "kg"),
    ("kilo", "kg"),
    ("kilos", "kg"),
    ("kilogram", "kg"),
    ("kilograms", "kg"),
    ("kilogramme", "kg"),
    ("kilogrammes", "kg"),
    ("tonne", "t"),
    ("tonnes", "t"),
    ("ton", "t"),
    ("tons", "t"),
    ("lb", "lb"),
    ("lbs", "lb"),
    ("hour", "h"),
    ("hours", "h"),
    ("hr", "h"),
    ("hrs", "h"),
    ("minute", "min"),
    ("minutes", "min"),
    ("mins", "min"),
    ("day", "d"),
    ("days", "d"),
    ("week", "wk"),
    ("weeks", "wk"),
    ("month", "mo"),
    ("months", "mo"),
    ("year", "yr"),
    ("years", "yr"),
    ("yr", "yr"),
    ("yrs", "yr"),
    ("mph", "mph"),
    ("kmh", "kmh"),
    ("degrees", "deg"),
    ("dollar", "$"),
    ("dollars", "$"),
    ("euro", "€"),
    ("euros", "€"),
    ("pound", "£"),
    ("pounds", "£"),
    ("yen", "¥"),
];

/// Folded number words as match keys, for a cheap first test on every word.
fn number_keys() -> &'static Vec<u64> {
    static KEYS: OnceLock<Vec<u64>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut k: Vec<u64> = NUMBER_WORDS
            .iter()
            .map(|(w, _)| hash_str(w))
            .chain(FRACTIONS.iter().map(|(w, _)| hash_str(w)))
            .chain(["aged", "a", "an"].iter().map(|w| hash_str(w)))
            .collect();
        k.sort_unstable();
        k
    })
}

/// Folded words that open a vague amount ([`SEVERAL`], [`VAGUE`]) as match keys: most words
/// are none of them, and the key test spares folding each one again.
fn vague_keys() -> &'static [u64; SEVERAL.len() + VAGUE.len()] {
    static KEYS: OnceLock<[u64; SEVERAL.len() + VAGUE.len()]> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut k = [0; SEVERAL.len() + VAGUE.len()];
        for (key, (w, _, _)) in k.iter_mut().zip(SEVERAL.iter().chain(VAGUE)) {
            *key = hash_str(w);
        }
        k
    })
}

fn lookup<T: Copy>(table: &[(&str, T)], w: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == w).map(|&(_, v)| v)
}

/// Reads words and the text between them around one position.
struct Reader<'a> {
    text: &'a str,
    words: &'a [Word],
}

impl Reader<'_> {
    fn word(&self, i: usize) -> Option<String> {
        let w = self.words.get(i)?;
        Some(fold(&self.text[w.start as usize..w.end as usize]))
    }

    fn raw(&self, i: usize) -> &str {
        let w = &self.words[i];
        &self.text[w.start as usize..w.end as usize]
    }

    /// The text between word `i` and word `i + 1` (empty past the end).
    fn gap_after(&self, i: usize) -> &str {
        match (self.words.get(i), self.words.get(i + 1)) {
            (Some(a), Some(b)) => &self.text[a.end as usize..b.start as usize],
            _ => "",
        }
    }

    fn gap_before(&self, i: usize) -> &str {
        match i.checked_sub(1) {
            Some(p) => self.gap_after(p),
            None => &self.text[..self.words.first().map_or(0, |w| w.start as usize)],
        }
    }

    /// Whether words `i` and `i + 1` are joined by a hyphen or a space only.
    fn joined(&self, i: usize) -> bool {
        let g = self.gap_after(i).trim();
        g.is_empty() || g == "-" || g == "‐" || g == "–"
    }
}

/// The value of a number word or digit string, and how many words it took.
/// The third element is the letters glued to digits ("cm" of "30cm"), or "/" for a fraction.
fn value_at(r: &Reader, i: usize) -> Option<(f64, usize, String)> {
    let w = r.word(i)?;
    let first = w.as_bytes().first().copied()?;
    if first.is_ascii_digit() {
        let digits: String = w
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
            .filter(|&c| c != ',')
            .collect();
        let rest = w[w
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
            .map_or(w.len(), |(k, _)| k)..]
            .to_string();
        return Some((digits.parse().ok()?, 1, rest));
    }
    // "a dozen"; "an hour", "a minute" (one of a unit of time; "a day" is too often not a
    // quantity: "a day after").
    if w == "a" || w == "an" {
        let next = r.word(i + 1)?;
        if next == "dozen" {
            return Some((12.0, 2, String::new()));
        }
        let and_a_half = r.word(i + 2).as_deref() == Some("and")
            && r.word(i + 3).as_deref() == Some("a")
            && r.word(i + 4).as_deref() == Some("half");
        let unit = lookup(UNITS, &next)?;
        return (matches!(unit, "h" | "min")
            || (and_a_half && matches!(unit, "d" | "wk" | "mo" | "yr")))
        .then(|| (1.0, 1, String::new()));
    }
    if let Some(num) = lookup(NUMBER_WORDS, &w) {
        // "two-thirds", "two thirds".
        if let Some(next) = r.word(i + 1).filter(|_| r.joined(i))
            && let Some(den) = lookup(FRACTIONS, &next)
            && num >= 1.0
            && den > num
        {
            return Some((num / den, 2, "/".to_string()));
        }
        // "twenty-one".
        if (20.0..100.0).contains(&num)
            && let Some(next) = r.word(i + 1).filter(|_| r.joined(i))
            && let Some(unit) = lookup(NUMBER_WORDS, &next).filter(|&u| (1.0..10.0).contains(&u))
        {
            return Some((num + unit, 2, String::new()));
        }
        if w == "half" {
            return Some((0.5, 1, String::new()));
        }
        return Some((num, 1, String::new()));
    }
    // "a third", "a quarter" (but not "third" alone, an ordinal).
    if let Some(den) = lookup(FRACTIONS, &w)
        && i > 0
        && matches!(r.word(i - 1).as_deref(), Some("a" | "one"))
    {
        return Some((1.0 / den, 1, "/".to_string()));
    }
    None
}

/// Canonical text of a value: integers without a decimal point, others to three places.
fn canonical(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 && v.abs() < 1e15 {
        format!("{}", v.round() as i64)
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Finds the figures of a text from its words (see [`super::prepare::Prepared`]): exact and
/// approximate numbers, not vague amounts (see [`scan_all`]).
pub(crate) fn scan(text: &str, words: &[Word]) -> Vec<Figure> {
    scan_with(text, words, false)
}

/// [`scan`] with vague amounts too ("hundreds of thousands", "several dozen", "millions"):
/// what a comparison of figures needs, where "millions" and "several hundred thousand" differ.
pub(crate) fn scan_all(text: &str, words: &[Word]) -> Vec<Figure> {
    scan_with(text, words, true)
}

fn scan_with(text: &str, words: &[Word], vague: bool) -> Vec<Figure> {
    let keys = number_keys();
    let r = Reader { text, words };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        // A word's key is the hash of its folded spelling, so a word whose key is none of
        // `vague_keys` cannot open a vague amount.
        if vague
            && vague_keys().contains(&w.key)
            && let Some(f) = vague_at(&r, i)
        {
            i = f.words.end;
            out.push(f);
            continue;
        }
        let numeric = text.as_bytes()[w.start as usize].is_ascii_digit()
            || keys.binary_search(&w.key).is_ok();
        if !numeric {
            i += 1;
            continue;
        }
        match figure_at(&r, i) {
            Some(f) => {
                i = f.words.end;
                out.push(f);
            }
            None => i += 1,
        }
    }
    out
}

/// The value of a singular scale word ("hundred" → 100, "millions" → 1e6).
fn scale_of(w: &str) -> Option<f64> {
    match w {
        "dozen" | "dozens" => Some(12.0),
        "hundred" | "hundreds" => Some(1e2),
        "thousand" | "thousands" => Some(1e3),
        "million" | "millions" => Some(1e6),
        "billion" | "billions" => Some(1e9),
        _ => None,
    }
}

/// A vague amount starting at word `i`: "hundreds of thousands", "several hundred", "a few
/// thousand", "dozens", "tens of millions".
fn vague_at(r: &Reader, i: usize) -> Option<Figure> {
    let w = r.word(i)?;
    let (mut low, mut high, mut end);
    if let Some(&(_, lo, hi)) = SEVERAL.iter().find(|(k, _, _)| *k == w) {
        // "few" only as "a few": "few thousand" alone is rare and "few" is usually "not many".
        if w == "few" && !matches!(r.word(i.checked_sub(1)?).as_deref(), Some("a")) {
            return None;
        }
        let mut scale = 1.0;
        end = i + 1;
        while let Some(s) = r
            .word(end)
            .filter(|x| !x.ends_with('s'))
            .and_then(|x| scale_of(&x))
            .filter(|_| r.joined(end - 1))
        {
            scale *= s;
            end += 1;
        }
        if end == i + 1 {
            return None;
        }
        (low, high) = (lo * scale, hi * scale);
    } else {
        let &(_, lo, hi) = VAGUE.iter().find(|(k, _, _)| *k == w)?;
        (low, high, end) = (lo, hi, i + 1);
        // "hundreds of thousands", "tens of millions": the first counts the second.
        if r.word(end).as_deref() == Some("of")
            && let Some(next) = r.word(end + 1)
            && VAGUE.iter().any(|(k, _, _)| *k == next)
            && let Some(s) = scale_of(&next)
        {
            (low, high) = (low * s, high * s);
            end += 2;
        }
    }
    let mut unit = "";
    let before = r.gap_before(if w == "few" { i - 1 } else { i });
    for (sign, cur) in [("$", "$"), ("£", "£"), ("€", "€"), ("¥", "¥")] {
        if before.trim_end().ends_with(sign) {
            unit = cur;
        }
    }
    let start = if w == "few" { i - 1 } else { i };
    Some(Figure {
        words: start..end,
        key: hash_str(&format!("~{}-{}{unit}", canonical(low), canonical(high))),
        has_unit: true,
        unit,
        low,
        high,
        lead: 0,
        vague: true,
    })
}

/// Words before a number that bound it: how many words, and whether the number is the
/// lowest (`true`: "more than 600") or the highest (`false`: "up to five") value.
fn bound_before(r: &Reader, start: usize) -> Option<(usize, bool)> {
    let one = start.checked_sub(1).and_then(|p| r.word(p));
    let two = start.checked_sub(2).and_then(|p| r.word(p));
    let three = start.checked_sub(3).and_then(|p| r.word(p));
    match (three.as_deref(), two.as_deref(), one.as_deref()) {
        (_, Some("more" | "greater"), Some("than")) => Some((2, true)),
        (_, Some("at"), Some("least")) => Some((2, true)),
        (_, Some("upwards"), Some("of")) => Some((2, true)),
        (Some("in"), Some("excess"), Some("of")) => Some((3, true)),
        (_, _, Some("over")) => Some((1, true)),
        (_, Some("fewer" | "less"), Some("than")) => Some((2, false)),
        (_, Some("up"), Some("to")) => Some((2, false)),
        (_, Some("at"), Some("most")) => Some((2, false)),
        (Some("as"), Some("many" | "much"), Some("as")) => Some((3, false)),
        (_, _, Some("under")) => Some((1, false)),
        _ => None,
    }
}

fn figure_at(r: &Reader, i: usize) -> Option<Figure> {
    let mut start = i;
    let mut age_cue = false;
    if r.word(i).as_deref() == Some("aged") {
        age_cue = true;
        start = i + 1;
    }
    let (mut value, took, suffix) = value_at(r, start)?;
    let mut end = start + took;
    let mut unit: Option<&str> = None;
    let mut scaled = false;
    // Currency before the number.
    let before = r.gap_before(start);
    for (sign, cur) in [("$", "$"), ("£", "£"), ("€", "€"), ("¥", "¥")] {
        if before.trim_end().ends_with(sign) {
            unit = Some(cur);
        }
    }
    // A unit or scale glued to the digits: "30cm", "5bn", "10km"; "30m" is metres unless
    // it is money.
    if suffix == "/" {
        unit = Some("/");
    } else if !suffix.is_empty() {
        if suffix == "m" && unit.is_none() {
            unit = Some("m");
        } else if let Some(s) = lookup(SCALES, &suffix) {
            value *= s;
            scaled = true;
        } else if let Some(u) = lookup(UNITS, &suffix) {
            unit = Some(u);
        } else if !matches!(suffix.as_str(), "st" | "nd" | "rd" | "th" | "s") {
            return None;
        }
    }
    // Percent sign right after.
    if r.gap_after(end - 1).trim_start().starts_with('%') {
        unit = Some("%");
    }
    if !scaled
        && let Some(next) = r.word(end).filter(|_| r.joined(end - 1))
        && let Some(s) =
            lookup(SCALES, &next).filter(|_| next.len() > 1 || value_is_digits(r, start))
    {
        value *= s;
        scaled = true;
        end += 1;
    }
    // "half an hour": the article between a fraction and its unit.
    if value < 1.0
        && matches!(r.word(end).as_deref(), Some("a" | "an"))
        && r.word(end + 1).is_some_and(|u| lookup(UNITS, &u).is_some())
    {
        end += 1;
    }
    if (unit.is_none() || unit == Some("$") || unit == Some("£"))
        && let Some(next) = r.word(end).filter(|_| r.joined(end - 1))
    {
        {
            if next == "per" && r.word(end + 1).as_deref() == Some("cent") {
                unit = Some("%");
                end += 2;
            } else if matches!(next.as_str(), "year" | "years")
                && r.word(end + 1).as_deref() == Some("old")
                && r.joined(end)
            {
                unit = Some("age");
                end += 2;
            } else if let Some(u) = lookup(UNITS, &next) {
                // "$5 dollars" is rare; a currency sign before wins over a following word.
                if unit.is_none() {
                    unit = Some(u);
                }
                end += 1;
                // "an hour and a half", "two days and a half".
                if r.word(end).as_deref() == Some("and")
                    && r.word(end + 1).as_deref() == Some("a")
                    && r.word(end + 2).as_deref() == Some("half")
                {
                    value += 0.5;
                    end += 3;
                }
            }
        }
    }
    if age_cue && unit.is_none() {
        unit = Some("age");
    }
    // "Rich Doe, 65, said": a small whole number between commas after a name is an age.
    if unit.is_none()
        && start > 0
        && r.gap_before(start).trim() == ","
        && r.gap_after(end - 1).trim_start().starts_with(',')
        && value.fract() == 0.0
        && (1.0..=110.0).contains(&value)
        && crate::text::starts_uppercase(r.raw(start - 1))
    {
        unit = Some("age");
    }
    // "a" stands for one only before a unit ("an hour", "a dozen" is read as twelve).
    if matches!(r.word(start).as_deref(), Some("a" | "an")) && unit.is_none() && value <= 1.0 {
        return None;
    }
    // A bare "1" says nothing ("one of the", "1 in 5").
    if unit.is_none() && !scaled && value <= 1.0 {
        return None;
    }
    let has_unit = unit.is_some() || scaled;
    let mut unit: &'static str = unit.unwrap_or("");
    if let Some(&(_, factor, to)) = CONVERSIONS.iter().find(|(u, _, _)| *u == unit) {
        value *= factor;
        unit = to;
    }
    let key = hash_str(&format!("#{}{}", canonical(value), unit));
    let (mut low, mut high) = (value, value);
    let mut lead = 0;
    if !age_cue {
        if let Some((n, lower)) = bound_before(r, start) {
            lead = n;
            if lower {
                high = f64::INFINITY;
            } else {
                low = 0.0;
            }
        } else if let Some(&(_, below, above)) = start
            .checked_sub(1)
            .and_then(|p| r.word(p))
            .and_then(|w| APPROXIMATE.iter().find(|(k, _, _)| *k == w))
        {
            lead = 1;
            (low, high) = (value * (1.0 - below), value * (1.0 + above));
        }
    }
    // "100-odd": a little more than a round number.
    if r.word(end).as_deref() == Some("odd") && r.joined(end - 1) {
        high = value * 1.5;
        end += 1;
    }
    Some(Figure {
        words: (if age_cue { i } else { start })..end,
        key,
        has_unit,
        unit,
        low,
        high,
        lead,
        vague: false,
    })
}

/// Whether the number at word `i` is written in digits ("5 m" is a scale, "five m" is not).
fn value_is_digits(r: &Reader, i: usize) -> bool {
    r.raw(i).as_bytes().first().is_some_and(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::super::prepare::Prepared;

    fn keys(text: &str) -> Vec<(String, u64)> {
        let p = Prepared::new(text);
        p.figures
            .iter()
            .map(|f| {
                let span = p.byte_span(&f.words);
                (text[span.start..span.end].to_string(), f.key)
            })
            .collect()
    }

    fn same(a: &str, b: &str) {
        let (ka, kb) = (keys(a), keys(b));
        assert_eq!(ka.len(), 1, "{a}: {ka:?}");
        assert_eq!(kb.len(), 1, "{b}: {kb:?}");
        assert_eq!(ka[0].1, kb[0].1, "{a} / {b}");
    }

    #[test]
    fn the_same_quantity_in_other_words() {
        same("a shaft 30 cm wide", "a well 30 centimetres across");
        same("a shaft 30cm wide", "a well 30 centimeters across");
        same("twelve miners", "12 miners");
        same("a 42-year-old man", "the man, aged 42, was");
        same("Anna Berg, 42, was", "the 42 year old driver");
        same("a $5 billion hit", "a $5bn hit");
        same("3 percent chance", "three per cent chance");
        same("4% rise", "four percent rise");
        same("two-thirds of it", "two thirds of it");
        same("1.1 million people", "1,100,000 people");
        same("a three-hour surgery", "it took three hours");
        same("twenty-one days", "21 days");
    }

    #[test]
    fn different_quantities_differ() {
        let k = |t: &str| keys(t)[0].1;
        assert_ne!(k("30 cm"), k("30 m"));
        assert_ne!(k("30 cm"), k("30"));
        assert_ne!(k("a 42-year-old"), k("42 years"));
        assert_ne!(k("$5 billion"), k("$5 million"));
    }

    #[test]
    fn spans_cover_number_and_unit() {
        let k = keys("He was aged 42 and paid £30m for 3 km of road.");
        let texts: Vec<&str> = k.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["aged 42", "30m", "3 km"]);
    }

    #[test]
    fn ordinals_and_lone_ones_are_not_figures() {
        assert!(keys("one of the first to arrive, the third time").is_empty());
    }

    fn all(text: &str) -> Vec<super::Figure> {
        let p = Prepared::new(text);
        super::scan_all(text, &p.words)
    }

    fn one(text: &str) -> super::Figure {
        let f = all(text);
        assert_eq!(f.len(), 1, "{text}: {f:?}");
        f.into_iter().next().expect("one figure")
    }

    #[test]
    fn a_scale_word_makes_a_figure_with_a_unit() {
        // "2.5 million" names an amount as surely as "$5bn": two sentences sharing it share
        // more than a stray number.
        assert!(one("some 2.5 million more customers").has_unit);
        assert!(one("an additional 2.5 million customers").has_unit);
        assert!(one("twelve thousand fans").has_unit);
        assert!(one("a 5bn loss").has_unit);
        assert!(!one("21 schoolgirls").has_unit);
    }

    #[test]
    fn durations_meet_in_minutes() {
        same("a 1.5-hour call", "the call took an hour and a half");
        same("a 1.5-hour call", "they spoke for 90 minutes");
        same("half an hour later", "30 minutes later");
        same("a two-week stay", "a 14-day stay");
        same("30 cm of snow", "0.3 metres of snow");
        assert_eq!(one("an hour and a half").describe(), "90 minutes");
        assert_eq!(one("30 centimetres").describe(), "30 cm");
        assert_eq!(one("a dozen eggs").describe(), "12");
    }

    #[test]
    fn a_day_after_is_not_a_figure() {
        assert!(all("a day after the vote, a man said").is_empty());
    }

    #[test]
    fn vague_amounts_are_ranges() {
        let several = one("several hundred thousand people");
        let millions = one("millions of people");
        assert!(!several.compatible(&millions));
        assert_eq!(several.describe(), "300,000–999,000");
        assert_eq!(one("hundreds of thousands").describe(), "200,000–1,000,000");
        let hundreds = one("hundreds of women");
        assert!(hundreds.compatible(&one("more than 600 women")));
        assert!(!hundreds.compatible(&one("1,200 women")));
        assert!(one("thousands of fans").compatible(&one("hundreds of thousands of fans")));
        assert_eq!(one("a few thousand").describe(), "2,000–5,000");
        // Vague amounts stay out of the figures the fact layer weighs.
        assert!(keys("hundreds of women").is_empty());
    }

    #[test]
    fn qualified_numbers_allow_a_range() {
        let about = one("about 40 people");
        assert!(about.compatible(&one("41 people")));
        assert!(!about.compatible(&one("60 people")));
        assert_eq!(about.describe(), "about 40");
        assert_eq!(one("more than 600 women").describe(), "more than 600");
        assert_eq!(one("up to five members").describe(), "up to 5");
        assert!(one("up to five members").compatible(&one("three members")));
        assert!(!one("up to five members").compatible(&one("eight members")));
        assert!(one("the 100-odd passengers").compatible(&one("120 passengers")));
        // Other units never conflict: they measure other things.
        assert!(one("30 cm").compatible(&one("40 kg")));
        assert!(!one("30 cm").compatible(&one("40 cm")));
    }
}
