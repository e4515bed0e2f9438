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
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Figure {
    /// Word indexes, number and unit.
    pub words: Range<usize>,
    /// Hash of the normalised value and unit; equal keys state the same quantity.
    pub key: u64,
    /// Whether the figure carries a unit, a scale or a currency (a bare "2" is weak evidence).
    pub has_unit: bool,
}

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
            .chain(std::iter::once(hash_str("aged")))
            .collect();
        k.sort_unstable();
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

/// Finds the figures of a text from its words (see [`super::prepare::Prepared`]).
pub(crate) fn scan(text: &str, words: &[Word]) -> Vec<Figure> {
    let keys = number_keys();
    let r = Reader { text, words };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
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
    // A bare "1" says nothing ("one of the", "1 in 5").
    if unit.is_none() && !scaled && value <= 1.0 {
        return None;
    }
    let has_unit = unit.is_some() || scaled;
    let key = hash_str(&format!("#{}{}", canonical(value), unit.unwrap_or("")));
    Some(Figure {
        words: (if age_cue { i } else { start })..end,
        key,
        has_unit,
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
}
