//! The words dates are made of, each token read once into an [`Atom`] so the grammar compares
//! small enums instead of strings.

use super::scan::MONTHS;
use crate::text::{Token, TokenKind};
use chrono::Weekday;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// A unit of calendar time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Days.
    Day,
    /// ISO weeks.
    Week,
    /// Calendar months.
    Month,
    /// Calendar quarters.
    Quarter,
    /// Calendar years.
    Year,
    /// Decades from a year ending in 0.
    Decade,
}

/// A season of the northern hemisphere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    /// March to May.
    Spring,
    /// June to August.
    Summer,
    /// September to November ("fall").
    Autumn,
    /// December to February.
    Winter,
}

/// Words the grammar gives a role to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kw {
    Today,
    Tomorrow,
    Yesterday,
    Tonight,
    Now,
    Ago,
    Later,
    Hence,
    Earlier,
    Last,
    Next,
    This,
    Past,
    Previous,
    Coming,
    Upcoming,
    Current,
    Following,
    Same,
    The,
    A,
    Of,
    In,
    On,
    At,
    Since,
    By,
    Until,
    Through,
    From,
    To,
    Between,
    And,
    Or,
    Within,
    Before,
    After,
    During,
    For,
    Early,
    Mid,
    Middle,
    Late,
    Beginning,
    Start,
    End,
    Rest,
    Weekend,
    Half,
    Century,
    Few,
    Several,
    Couple,
    Business,
    Future,
    Starting,
    Eve,
    Night,
    PartOfDay,
    Hundred,
    Thousand,
    Oh,
    /// The first word of a holiday's name ("Christmas", "Good", "Independence").
    Holiday,
}

/// One token, read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Atom {
    /// Nothing a date is made of (or punctuation).
    Other,
    /// A run of digits: its value and length.
    Num(u32, u8),
    /// Digits with an ordinal suffix: "21st".
    OrdNum(u32),
    /// A month name (`abbr` for "Sept", "Jan"…); lower case is judged by the grammar.
    Month { month: u32, abbr: bool },
    /// A weekday name (full or abbreviated).
    Weekday { day: Weekday, abbr: bool },
    /// A spelled cardinal below 100: "seven", "twenty".
    Card(u32),
    /// A spelled ordinal: "first", "twenty"-"first" is read by the grammar.
    OrdWord(u32),
    /// A unit, singular or plural ("days", "weeks").
    Unit(Unit),
    /// A season name.
    Season(Season),
    /// "Q1" – "Q4".
    QuarterCode(u32),
    /// "H1", "H2".
    HalfCode(u32),
    /// "1970s": the first year of the decade.
    Decade4(i32),
    /// "70s": the decade within an unknown century.
    Decade2(u32),
    /// "seventies", "noughties": the decade within a century (0 for the noughties).
    DecadeWord(u32),
    /// A word with a role.
    Kw(Kw),
}

const CARDINALS: [&str; 20] = [
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
];

const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

const ORDINALS: [&str; 20] = [
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

/// Reads every token of a text.
pub fn atoms(text: &str, tokens: &[Token]) -> Vec<Atom> {
    tokens
        .iter()
        .map(|t| atom(t.as_str(text), t.kind))
        .collect()
}

/// Reads one token.
pub fn atom(s: &str, kind: TokenKind) -> Atom {
    match kind {
        TokenKind::Punct => Atom::Other,
        TokenKind::Number => {
            if s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse()
                    .map_or(Atom::Other, |n| Atom::Num(n, s.len() as u8))
            } else {
                Atom::Other
            }
        }
        TokenKind::Word => {
            // "Tuesday's session", "next year's edition": the possessive of a date word.
            if let Some(stem) = s.strip_suffix("'s").or_else(|| s.strip_suffix("’s")) {
                let a = atom(stem, kind);
                return match a {
                    Atom::Weekday { .. } | Atom::Month { .. } | Atom::Unit(_) | Atom::Season(_) => {
                        a
                    }
                    Atom::Kw(
                        Kw::Today | Kw::Tomorrow | Kw::Yesterday | Kw::Tonight | Kw::Weekend,
                    ) => a,
                    _ => Atom::Other,
                };
            }
            if s.len() > 12 || !s.is_ascii() {
                return Atom::Other;
            }
            // Most words of a text are no date word: their first and last letters and their
            // length say so without the lowercasing and the lookup.
            let bytes = s.as_bytes();
            let (Some(first), Some(&last)) = (bytes.first(), bytes.last()) else {
                return Atom::Other;
            };
            let first = first.to_ascii_lowercase();
            if first.is_ascii_lowercase()
                && shapes()[usize::from(first - b'a')][last_class(last)] & (1 << s.len()) == 0
            {
                return Atom::Other;
            }
            let mut buf = [0u8; 16];
            buf[..s.len()].copy_from_slice(bytes);
            buf.make_ascii_lowercase();
            if first.is_ascii_digit() {
                return std::str::from_utf8(&buf[..s.len()]).map_or(Atom::Other, digit_word);
            }
            // The lowercased word packed as one integer, as the keys of `packed_table` are.
            buf[15] = s.len() as u8;
            packed_table()
                .get(&u128::from_le_bytes(buf))
                .copied()
                .unwrap_or(Atom::Other)
        }
    }
}

/// The column of [`shapes`] for a word's last byte: its letter, or 26 for anything else.
fn last_class(b: u8) -> usize {
    let b = b.to_ascii_lowercase();
    if b.is_ascii_lowercase() {
        usize::from(b - b'a')
    } else {
        26
    }
}

/// For each first letter `a`–`z` and each last letter (or other byte, see [`last_class`]),
/// the lengths (bit `n` for `n` bytes) of the date words that start and end with them: a word
/// whose letters and length match none is no date word.
fn shapes() -> &'static [[u16; 27]; 26] {
    static SHAPES: OnceLock<[[u16; 27]; 26]> = OnceLock::new();
    SHAPES.get_or_init(|| {
        let mut shapes = [[0u16; 27]; 26];
        for key in table().keys() {
            let first = key[0];
            if first.is_ascii_lowercase() && key.len() < 16 {
                shapes[usize::from(first - b'a')][last_class(key[key.len() - 1])] |= 1 << key.len();
            }
        }
        shapes
    })
}

/// A lower-case word of up to fifteen bytes as one integer: its bytes, and its length in the
/// top byte, so that no two words share a value.
fn pack_word(word: &[u8]) -> Option<u128> {
    if word.len() > 15 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..word.len()].copy_from_slice(word);
    buf[15] = word.len() as u8;
    Some(u128::from_le_bytes(buf))
}

/// [`table`] keyed by [`pack_word`]: [`atom`] looks up words of up to twelve bytes, so every
/// word it can find is here, and a lookup hashes and compares one integer instead of a slice.
fn packed_table() -> &'static FxHashMap<u128, Atom> {
    static PACKED: OnceLock<FxHashMap<u128, Atom>> = OnceLock::new();
    PACKED.get_or_init(|| {
        table()
            .iter()
            .filter_map(|(k, &a)| Some((pack_word(k)?, a)))
            .collect()
    })
}

/// Every date word with its reading, built once: one hash lookup per token instead of a
/// chain of string comparisons.
fn table() -> &'static FxHashMap<&'static [u8], Atom> {
    static TABLE: OnceLock<FxHashMap<&'static [u8], Atom>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: FxHashMap<&'static str, Atom> = FxHashMap::default();
        for (m, name) in MONTHS.iter().enumerate() {
            t.insert(
                name,
                Atom::Month {
                    month: m as u32 + 1,
                    abbr: false,
                },
            );
        }
        for (n, name) in CARDINALS.iter().enumerate() {
            t.insert(name, Atom::Card(n as u32));
        }
        for (n, name) in TENS.iter().enumerate() {
            t.insert(name, Atom::Card(20 + 10 * n as u32));
        }
        for (n, name) in ORDINALS.iter().enumerate().skip(1) {
            t.insert(name, Atom::OrdWord(n as u32));
        }
        t.insert("twentieth", Atom::OrdWord(20));
        t.insert("thirtieth", Atom::OrdWord(30));
        for name in HOLIDAY_STARTS {
            t.insert(name, Atom::Kw(Kw::Holiday));
        }
        let kw = |k| Atom::Kw(k);
        let entries: &[(&[&'static str], Atom)] = &[
            (
                &["jan"],
                Atom::Month {
                    month: 1,
                    abbr: true,
                },
            ),
            (
                &["feb"],
                Atom::Month {
                    month: 2,
                    abbr: true,
                },
            ),
            (
                &["mar"],
                Atom::Month {
                    month: 3,
                    abbr: true,
                },
            ),
            (
                &["apr"],
                Atom::Month {
                    month: 4,
                    abbr: true,
                },
            ),
            (
                &["jun"],
                Atom::Month {
                    month: 6,
                    abbr: true,
                },
            ),
            (
                &["jul"],
                Atom::Month {
                    month: 7,
                    abbr: true,
                },
            ),
            (
                &["aug"],
                Atom::Month {
                    month: 8,
                    abbr: true,
                },
            ),
            (
                &["sep", "sept"],
                Atom::Month {
                    month: 9,
                    abbr: true,
                },
            ),
            (
                &["oct"],
                Atom::Month {
                    month: 10,
                    abbr: true,
                },
            ),
            (
                &["nov"],
                Atom::Month {
                    month: 11,
                    abbr: true,
                },
            ),
            (
                &["dec"],
                Atom::Month {
                    month: 12,
                    abbr: true,
                },
            ),
            (&["monday", "mondays"], wd(Weekday::Mon, false)),
            (&["tuesday", "tuesdays"], wd(Weekday::Tue, false)),
            (&["wednesday", "wednesdays"], wd(Weekday::Wed, false)),
            (&["thursday", "thursdays"], wd(Weekday::Thu, false)),
            (&["friday", "fridays"], wd(Weekday::Fri, false)),
            (&["saturday", "saturdays"], wd(Weekday::Sat, false)),
            (&["sunday", "sundays"], wd(Weekday::Sun, false)),
            (&["mon"], wd(Weekday::Mon, true)),
            (&["tue", "tues"], wd(Weekday::Tue, true)),
            (&["wed"], wd(Weekday::Wed, true)),
            (&["thu", "thur", "thurs"], wd(Weekday::Thu, true)),
            (&["fri"], wd(Weekday::Fri, true)),
            (&["sat"], wd(Weekday::Sat, true)),
            (&["sun"], wd(Weekday::Sun, true)),
            (&["day", "days"], Atom::Unit(Unit::Day)),
            (&["week", "weeks"], Atom::Unit(Unit::Week)),
            (&["month", "months"], Atom::Unit(Unit::Month)),
            (&["year", "years"], Atom::Unit(Unit::Year)),
            (&["decade", "decades"], Atom::Unit(Unit::Decade)),
            (&["quarter", "quarters"], Atom::Unit(Unit::Quarter)),
            (&["spring"], Atom::Season(Season::Spring)),
            (&["summer"], Atom::Season(Season::Summer)),
            (&["autumn", "fall"], Atom::Season(Season::Autumn)),
            (&["winter"], Atom::Season(Season::Winter)),
            (&["noughties"], Atom::DecadeWord(0)),
            (&["tens"], Atom::DecadeWord(10)),
            (&["twenties"], Atom::DecadeWord(20)),
            (&["thirties"], Atom::DecadeWord(30)),
            (&["forties"], Atom::DecadeWord(40)),
            (&["fifties"], Atom::DecadeWord(50)),
            (&["sixties"], Atom::DecadeWord(60)),
            (&["seventies"], Atom::DecadeWord(70)),
            (&["eighties"], Atom::DecadeWord(80)),
            (&["nineties"], Atom::DecadeWord(90)),
            (&["thousands"], Atom::DecadeWord(100)),
            (&["today", "today's"], kw(Kw::Today)),
            (&["tomorrow", "tmrw", "tomorrow's"], kw(Kw::Tomorrow)),
            (&["yesterday", "yesterday's"], kw(Kw::Yesterday)),
            (&["tonight", "tonight's"], kw(Kw::Tonight)),
            (&["now"], kw(Kw::Now)),
            (&["ago"], kw(Kw::Ago)),
            (&["later"], kw(Kw::Later)),
            (&["hence"], kw(Kw::Hence)),
            (&["earlier"], kw(Kw::Earlier)),
            (&["last"], kw(Kw::Last)),
            (&["next"], kw(Kw::Next)),
            (&["this"], kw(Kw::This)),
            (&["past"], kw(Kw::Past)),
            (&["previous", "prior"], kw(Kw::Previous)),
            (&["coming"], kw(Kw::Coming)),
            (&["upcoming"], kw(Kw::Upcoming)),
            (&["current"], kw(Kw::Current)),
            (&["following"], kw(Kw::Following)),
            (&["same"], kw(Kw::Same)),
            (&["the"], kw(Kw::The)),
            (&["a", "an"], kw(Kw::A)),
            (&["of"], kw(Kw::Of)),
            (&["in"], kw(Kw::In)),
            (&["on"], kw(Kw::On)),
            (&["at"], kw(Kw::At)),
            (&["since"], kw(Kw::Since)),
            (&["by"], kw(Kw::By)),
            (&["until", "till", "til", "untill"], kw(Kw::Until)),
            (&["through", "thru", "throughout"], kw(Kw::Through)),
            (&["from"], kw(Kw::From)),
            (&["to"], kw(Kw::To)),
            (&["between"], kw(Kw::Between)),
            (&["and"], kw(Kw::And)),
            (&["or"], kw(Kw::Or)),
            (&["within"], kw(Kw::Within)),
            (&["before"], kw(Kw::Before)),
            (&["after"], kw(Kw::After)),
            (&["during"], kw(Kw::During)),
            (&["for"], kw(Kw::For)),
            (&["early"], kw(Kw::Early)),
            (&["mid"], kw(Kw::Mid)),
            (&["middle"], kw(Kw::Middle)),
            (&["late"], kw(Kw::Late)),
            (&["beginning"], kw(Kw::Beginning)),
            (&["start"], kw(Kw::Start)),
            (&["end"], kw(Kw::End)),
            (&["rest"], kw(Kw::Rest)),
            (&["weekend", "weekends", "weekend's"], kw(Kw::Weekend)),
            (&["half"], kw(Kw::Half)),
            (&["century", "centuries"], kw(Kw::Century)),
            (&["few"], kw(Kw::Few)),
            (&["several"], kw(Kw::Several)),
            (&["couple"], kw(Kw::Couple)),
            (&["business", "working"], kw(Kw::Business)),
            (&["future"], kw(Kw::Future)),
            (&["starting", "beginning's", "commencing"], kw(Kw::Starting)),
            (&["eve"], kw(Kw::Eve)),
            (&["night"], kw(Kw::Night)),
            (&["morning", "afternoon", "evening"], kw(Kw::PartOfDay)),
            (&["hundred"], kw(Kw::Hundred)),
            (&["thousand"], kw(Kw::Thousand)),
            (&["oh"], kw(Kw::Oh)),
        ];
        for (names, atom) in entries {
            for name in names.iter() {
                t.insert(name, *atom);
            }
        }
        for q in 1..=4u32 {
            t.insert(
                ["q1", "q2", "q3", "q4"][q as usize - 1],
                Atom::QuarterCode(q),
            );
        }
        t.insert("h1", Atom::HalfCode(1));
        t.insert("h2", Atom::HalfCode(2));
        t.into_iter().map(|(k, v)| (k.as_bytes(), v)).collect()
    })
}

/// First words of holiday names ("christmas", "good" of "Good Friday"); the grammar reads the
/// rest.
const HOLIDAY_STARTS: &[&str] = &[
    "christmas",
    "xmas",
    "new",
    "easter",
    "good",
    "black",
    "cyber",
    "ash",
    "holy",
    "thanksgiving",
    "halloween",
    "juneteenth",
    "pentecost",
    "whitsun",
    "epiphany",
    "ascension",
    "independence",
    "bastille",
    "boxing",
    "memorial",
    "labor",
    "labour",
    "columbus",
    "veterans",
    "armistice",
    "valentine",
    "valentines",
    "mother",
    "mothers",
    "father",
    "fathers",
    "presidents",
    "president",
    "workers",
    "worker",
    "veteran",
    "all",
    "guy",
    "st",
    "saint",
    "martin",
];

fn wd(day: Weekday, abbr: bool) -> Atom {
    Atom::Weekday { day, abbr }
}

/// "21st", "1970s", "70s", "70's".
fn digit_word(w: &str) -> Atom {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    let (d, rest) = w.split_at(digits);
    let Ok(n) = d.parse::<u32>() else {
        return Atom::Other;
    };
    match rest {
        "st" | "nd" | "rd" | "th" if digits <= 3 => {
            let ok = match n % 100 {
                11..=13 => rest == "th",
                _ => match n % 10 {
                    1 => rest == "st",
                    2 => rest == "nd",
                    3 => rest == "rd",
                    _ => rest == "th",
                },
            };
            if ok { Atom::OrdNum(n) } else { Atom::Other }
        }
        "s" | "'s" | "’s" if n % 10 == 0 && digits == 4 => Atom::Decade4(n as i32),
        "s" | "'s" | "’s" if n % 10 == 0 && digits == 2 => Atom::Decade2(n),
        _ => Atom::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of the table, written in any case, reads as its entry: the packed keys
    /// hold all of them.
    #[test]
    fn every_listed_word_reads_as_listed() {
        let mut checked = 0;
        for (k, &a) in table() {
            let w = std::str::from_utf8(k).unwrap();
            if w.len() <= 12 && w.bytes().all(|b| b.is_ascii_lowercase()) {
                assert_eq!(atom(w, TokenKind::Word), a, "{w}");
                assert_eq!(atom(&w.to_ascii_uppercase(), TokenKind::Word), a, "{w}");
                checked += 1;
            }
        }
        assert!(checked > 100);
        assert_eq!(atom("septembers", TokenKind::Word), Atom::Other);
    }

    #[test]
    fn reads_words() {
        assert_eq!(
            atom("Sept", TokenKind::Word),
            Atom::Month {
                month: 9,
                abbr: true
            }
        );
        assert_eq!(atom("21st", TokenKind::Word), Atom::OrdNum(21));
        assert_eq!(atom("21th", TokenKind::Word), Atom::Other);
        assert_eq!(atom("1970s", TokenKind::Word), Atom::Decade4(1970));
        assert_eq!(atom("Seventy", TokenKind::Word), Atom::Card(70));
        assert_eq!(atom("twelfth", TokenKind::Word), Atom::OrdWord(12));
        assert_eq!(atom("2016", TokenKind::Number), Atom::Num(2016, 4));
        assert_eq!(atom("Q3", TokenKind::Word), Atom::QuarterCode(3));
    }
}
