//! The units and runs a name is read from: capitalised words, hyphenated compounds, initials and
//! particles, grouped into runs of words that may belong together.

use super::lexicon::{self as lx, classify};
use crate::text::{Cursor, Token, TokenKind, is_apostrophe};
use rustc_hash::FxHashSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A capitalised word or compound.
    Word,
    /// An initial with its period.
    Initial,
    /// A lower-case name particle.
    Particle,
}

/// One word of a capitalised run: a word, a hyphenated compound ("Valadares-Pinto"), an initial
/// with its period, or a lower-case particle.
#[derive(Debug, Clone, Copy)]
pub(super) struct Unit {
    /// First and last token (inclusive).
    pub(super) first: usize,
    pub(super) last: usize,
    /// Bytes of the word without a possessive ending or abbreviation period.
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: Kind,
    pub(super) class: u32,
    pub(super) all_caps: bool,
    pub(super) possessive: bool,
    pub(super) plural_possessive: bool,
}

/// Second parts of a hyphenated adjective: "Osaka-based", "Russian-held", "U.S.-led".
const ADJECTIVE_TAILS: &[&str] = &[
    "based",
    "led",
    "held",
    "born",
    "run",
    "owned",
    "backed",
    "style",
    "era",
    "like",
    "wide",
    "made",
    "bound",
    "free",
    "speaking",
    "friendly",
    "linked",
    "aligned",
    "controlled",
    "bred",
    "raised",
    "occupied",
    "annexed",
    "affiliated",
    "sponsored",
    "funded",
    "built",
    "centric",
];

/// Title parts that combine with a title in a compound: "Vice-President", "President-elect".
const TITLE_PARTS: &[&str] = &[
    "vice",
    "elect",
    "designate",
    "ex",
    "former",
    "acting",
    "deputy",
    "co",
    "interim",
];

/// The shared token cursor with what the scanner learns of the whole article first: the words
/// it writes in lower case ("current", "early"), which tell a capital that only opens a sentence
/// from a name's own.
pub(super) struct Scanner<'a> {
    cur: Cursor<'a>,
    /// Lower-case words of up to seven bytes, packed by [`pack`]: most words, hashed and
    /// compared as one integer.
    lower_short: FxHashSet<u64>,
    /// The longer ones.
    lower_long: FxHashSet<&'a [u8]>,
}

/// A word of up to seven bytes as one integer: its bytes, and its length in the top byte (so
/// that no two words share a value).
fn pack(word: &[u8]) -> Option<u64> {
    if word.len() > 7 {
        return None;
    }
    let mut w = [0u8; 8];
    w[..word.len()].copy_from_slice(word);
    w[7] = word.len() as u8;
    Some(u64::from_le_bytes(w))
}

impl<'a> std::ops::Deref for Scanner<'a> {
    type Target = Cursor<'a>;
    fn deref(&self) -> &Cursor<'a> {
        &self.cur
    }
}

impl<'a> Scanner<'a> {
    /// A scanner over `toks`, the tokens of `text`.
    pub(super) fn new(text: &'a str, toks: &'a [Token]) -> Scanner<'a> {
        let cur = Cursor::new(text, toks);
        let mut lower_short = FxHashSet::default();
        let mut lower_long = FxHashSet::default();
        for t in toks {
            if t.kind == TokenKind::Word && text.as_bytes()[t.start].is_ascii_lowercase() {
                let w = t.as_str(text).as_bytes();
                match pack(w) {
                    Some(p) => lower_short.insert(p),
                    None => lower_long.insert(w),
                };
            }
        }
        Scanner {
            cur,
            lower_short,
            lower_long,
        }
    }

    /// Whether the article writes `word` (a capitalised word) in lower case somewhere.
    pub(super) fn seen_lower(&self, word: &str) -> bool {
        lx::with_key_bytes(word, |k| match pack(k) {
            Some(p) => self.lower_short.contains(&p),
            None => self.lower_long.contains(k),
        })
    }
}

/// A word with capitals inside that ends in one ("SpaceX", "DpolG"): a brand or an acronym, not
/// a name ("McDonald" and "DeVos" end in lower case).
fn brand_like(w: &str) -> bool {
    // The last letter first: almost every word fails there.
    w.ends_with(char::is_uppercase)
        && w.chars().filter(|c| c.is_uppercase()).count() >= 2
        && w.chars().any(char::is_lowercase)
}

pub(super) fn is_hyphen(s: &str) -> bool {
    matches!(s, "-" | "‐" | "‑")
}

pub(super) fn strip_possessive(w: &str) -> Option<&str> {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .or_else(|| w.strip_suffix("ʼs"))
}

fn all_caps(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

impl<'a> Scanner<'a> {
    /// The unit starting at token `i`, if a name may contain it.
    pub(super) fn unit(&self, i: usize) -> Option<Unit> {
        let t = self.toks.get(i)?;
        if t.kind != TokenKind::Word {
            return None;
        }
        let w = t.as_str(self.text);
        let first = w.chars().next()?;
        if w.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let upper = first.is_uppercase();
        if !upper {
            return self.lower_unit(i);
        }
        // An initial: "N." in "Sergei N. Volkonsky".
        if upper && w.chars().nth(1).is_none() && self.touch(i) && self.punct(i + 1, ".") {
            return Some(Unit {
                first: i,
                last: i + 1,
                start: t.start,
                end: t.end + 1,
                kind: Kind::Initial,
                class: 0,
                all_caps: false,
                possessive: false,
                plural_possessive: false,
            });
        }
        // A hyphenated compound: "Valadares-Pinto", "Vice-President", "Hye-jin", "al-Assad".
        let mut last = i;
        while self.touch(last)
            && self
                .toks
                .get(last + 1)
                .is_some_and(|h| is_hyphen(h.as_str(self.text)))
            && self.touch(last + 1)
            && self.is_word(last + 2)
            && !self.s(last + 2).starts_with(|c: char| c.is_ascii_digit())
        {
            last += 2;
        }
        let whole = &self.text[t.start..self.toks[last].end];
        let (bare, possessive) = match strip_possessive(whole) {
            Some(b) => (b, true),
            None => (whole, false),
        };
        let mut class = classify(bare);
        if brand_like(bare) {
            class |= lx::ORG_NAME;
        }
        if last > i {
            class |= self.compound_class(i, last, upper);
        }
        let mut end = t.start + bare.len();
        let mut unit_last = last;
        // An abbreviation keeps its period: "Mr.", "Gen.", "Jr.", "St.".
        if !possessive
            && last == i
            && self.touch(i)
            && self.punct(i + 1, ".")
            && (class & (lx::HONORIFIC | lx::TITLE | lx::SUFFIX) != 0
                // "St.", "Mt.": a place opener is abbreviated; "West." ends a sentence.
                || (class & lx::PLACE_PREFIX != 0 && bare.chars().count() <= 3))
        {
            unit_last = i + 1;
            if class & lx::SUFFIX != 0 {
                // "Jr." is written with its period in the name.
                end += 1;
            }
        }
        // A plural possessive: "Dockworkers' Union".
        let mut plural_possessive = false;
        if !possessive
            && bare.ends_with('s')
            && self.touch(unit_last)
            && self.toks.get(unit_last + 1).is_some_and(|a| {
                a.kind == TokenKind::Punct && self.s(unit_last + 1).chars().all(is_apostrophe)
            })
        {
            plural_possessive = true;
            unit_last += 1;
            end = self.toks[last].end;
        }
        Some(Unit {
            first: i,
            last: unit_last,
            start: t.start,
            end,
            kind: Kind::Word,
            class,
            all_caps: all_caps(bare),
            possessive,
            plural_possessive,
        })
    }

    /// A lower-case unit: a particle before a capitalised word ("van der Berg", "bin Rashid"),
    /// or a compound opening with one ("al-Assad"). Checked without a hash lookup: most words
    /// of a text start in lower case.
    fn lower_unit(&self, i: usize) -> Option<Unit> {
        let t = &self.toks[i];
        let w = t.as_str(self.text);
        if w.len() > 5 || !lx::is_particle(w) {
            return None;
        }
        let next_upper = self.is_word(i + 1) && self.s(i + 1).starts_with(char::is_uppercase);
        let next_particle = self.is_word(i + 1) && lx::is_particle(self.s(i + 1));
        if self.touch(i)
            && self
                .toks
                .get(i + 1)
                .is_some_and(|h| is_hyphen(h.as_str(self.text)))
            && self.touch(i + 1)
            && self.is_word(i + 2)
            && self.s(i + 2).starts_with(char::is_uppercase)
        {
            // "al-Assad": the compound is one capitalised name word.
            let tail = self.s(i + 2);
            let (bare, possessive) = match strip_possessive(tail) {
                Some(b) => (b, true),
                None => (tail, false),
            };
            return Some(Unit {
                first: i,
                last: i + 2,
                start: t.start,
                end: self.toks[i + 2].start + bare.len(),
                kind: Kind::Word,
                class: 0,
                all_caps: false,
                possessive,
                plural_possessive: false,
            });
        }
        if !(next_upper || next_particle) || !self.same_line(i) {
            return None;
        }
        Some(Unit {
            first: i,
            last: i,
            start: t.start,
            end: t.end,
            kind: Kind::Particle,
            class: lx::PARTICLE,
            all_caps: false,
            possessive: false,
            plural_possessive: false,
        })
    }

    /// Flags of a hyphenated compound beyond its own entry: a title with "vice"/"elect", or an
    /// adjective ("Osaka-based").
    fn compound_class(&self, i: usize, last: usize, upper: bool) -> u32 {
        let parts: Vec<&str> = (i..=last).step_by(2).map(|j| self.s(j)).collect();
        let tail = parts[parts.len() - 1];
        let tail = strip_possessive(tail).unwrap_or(tail);
        if upper && tail.starts_with(char::is_lowercase) {
            let l = tail.to_lowercase();
            if l.ends_with("ed") || ADJECTIVE_TAILS.contains(&l.as_str()) {
                return lx::STOP;
            }
        }
        let mut title = false;
        let mut other = false;
        for p in &parts {
            let p = strip_possessive(p).unwrap_or(p);
            let c = classify(p);
            if c & lx::TITLE != 0 {
                title = true;
            } else if !TITLE_PARTS.contains(&p.to_lowercase().as_str()) {
                other = true;
            }
        }
        if title && !other {
            return lx::TITLE;
        }
        // "Times-News", "Air-Lines": an organisation word closing the compound.
        if classify(tail) & lx::ORG != 0 && classify(tail) & lx::ORG_SURNAME == 0 {
            return lx::ORG;
        }
        // "Russian-American", "Anglo-French": adjectives of nationality.
        if parts
            .iter()
            .all(|p| classify(p) & (lx::NATIONALITY | lx::PLACE) != 0)
        {
            return lx::NATIONALITY;
        }
        0
    }

    /// The run of units starting at token `i`.
    pub(super) fn run(&self, i: usize, units: &mut Vec<Unit>) {
        units.clear();
        let mut j = i;
        while let Some(u) = self.unit(j) {
            // An all-caps word after a mixed-case one starts something else: a dateline after
            // a byline ("By Ana Lind LONDON, May 3").
            if units
                .last()
                .is_some_and(|p: &Unit| !p.all_caps && p.kind == Kind::Word)
                && u.all_caps
                && u.end - u.start >= 3
            {
                break;
            }
            let stop = u.possessive;
            let plural = u.plural_possessive;
            units.push(u);
            j = u.last + 1;
            if stop || units.len() >= 12 || !self.same_line(u.last) {
                break;
            }
            // A plural possessive continues only into a capitalised word: "Dockworkers' Union".
            if plural && !(self.is_word(j) && self.s(j).starts_with(char::is_uppercase)) {
                break;
            }
        }
        // A particle cannot end a run.
        while units.last().is_some_and(|u| u.kind == Kind::Particle) {
            units.pop();
        }
    }

    /// Whether unit `u` may be part of a name, at position `pos` of a name that ends at `last`.
    pub(super) fn nameable(u: &Unit, is_last: bool) -> bool {
        match u.kind {
            Kind::Initial => !is_last,
            Kind::Particle => !is_last,
            Kind::Word => {
                if u.plural_possessive || u.class & lx::NOT_NAME != 0 {
                    return false;
                }
                if u.class & lx::ORG != 0 && u.class & lx::ORG_SURNAME == 0 {
                    return false;
                }
                // A place or month ends a name ("Denzel Washington", "Theresa May") but never
                // opens one ("In March Halvorsen said").
                if u.class & (lx::PLACE | lx::MONTH) != 0 && !is_last {
                    return false;
                }
                !(u.all_caps && (is_last || u.end - u.start > 2))
            }
        }
    }
}
