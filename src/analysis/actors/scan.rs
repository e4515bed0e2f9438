//! Finding person names in one article.
//!
//! A name is the tail of a run of capitalised words ("Finance Minister **Jonas Kessler**",
//! "Secretary of State for Maritime Affairs **Henrik Søgaard**"): titles, organisation words,
//! places and nationalities are peeled off its front. It is accepted as a person only with a sure
//! cue — a title or honorific, a role word before it ("spokesman X", "its chief executive, X"),
//! an appositive after it (", a marine engineer", ", 58,", ", who"), a possessive kin word
//! ("X's widow"), a byline, or its own shape (a known given name, a middle initial, a particle
//! as in "João da Silveira"). Runs without a cue are kept as *candidates*: the assembly accepts
//! them when they name a person found with a cue elsewhere ("Sorel", "Halvorsen-Sorel").

use super::lexicon::{self as lx, classify};
use crate::analysis::Span;
use crate::text::{Cursor, Token, TokenKind, is_apostrophe};
use serde::{Deserialize, Serialize};

/// Why a name was taken for a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cue {
    /// A title in the same run: "Transport Minister X", "Secretary of State X".
    Title,
    /// An honorific right before: "Mr. X", "Dr X".
    Honorific,
    /// A role word right before, or before a comma: "spokesman X", "its director, X".
    Role,
    /// An appositive with a role or kin word after: "X, a marine engineer".
    Appositive,
    /// An age after: "X, 58,".
    Age,
    /// A relative clause about a person: "X, who".
    Who,
    /// A possessive kin word after: "X's widow".
    Kin,
    /// A byline: "Reporting by X".
    Byline,
    /// A verb of speech right after or before a full name: "X Y said", "said X Y,".
    Speech,
    /// A frequent surname ending a two-word name inside a sentence: "against Kamala Harris".
    Surname,
    /// A name in a list with people: "Joe Biden, Barack Obama and Bill Clinton".
    List,
    /// A known given name first: "Keith X".
    GivenName,
    /// A middle initial: "Peter J. X".
    Initial,
    /// A name particle inside: "João da Silveira".
    Particle,
    /// The same person in another script, in brackets after the name: "X (森下陽斗)".
    Alias,
    /// No cue: a candidate only.
    None,
}

/// The gender an honorific says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// "Mr", "Sir".
    Male,
    /// "Mrs", "Ms".
    Female,
}

/// A name found in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NameHit {
    /// The name as written: no title, honorific or possessive ending.
    pub span: Span,
    /// Why it is a person ([`Cue::None`] for candidates).
    pub cue: Cue,
    /// The gender of the honorific before it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// For an [`Cue::Alias`]: the index of the sure name it restates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_as: Option<u32>,
}

/// The names of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    /// Names with a sure cue, in text order.
    pub sure: Vec<NameHit>,
    /// Name-like runs without a cue, in text order.
    pub candidates: Vec<NameHit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Initial,
    Particle,
}

/// One word of a capitalised run: a word, a hyphenated compound ("Valadares-Pinto"), an initial
/// with its period, or a lower-case particle.
#[derive(Debug, Clone, Copy)]
struct Unit {
    /// First and last token (inclusive).
    first: usize,
    last: usize,
    /// Bytes of the word without a possessive ending or abbreviation period.
    start: usize,
    end: usize,
    kind: Kind,
    class: u32,
    all_caps: bool,
    possessive: bool,
    plural_possessive: bool,
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

/// Words before "by" that make what follows a byline.
const BYLINE_WORDS: &[&str] = &[
    "reporting",
    "editing",
    "writing",
    "compiled",
    "edited",
    "written",
    "reported",
    "produced",
    "photographs",
    "photos",
    "photo",
    "research",
    "illustration",
    "graphics",
    "interview",
];

/// Verbs of speech that attribute a quote to a person.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "stated",
    "noted",
    "argued",
    "explained",
    "insisted",
    "warned",
    "asked",
    "replied",
    "recalled",
    "declared",
    "tweeted",
    "posted",
    "testified",
    "acknowledged",
    "admitted",
    "conceded",
    "stressed",
    "urged",
];

/// Words that open a clause, not an appositive, after a comma.
const CLAUSE_OPENERS: &[&str] = &[
    "which",
    "where",
    "whose",
    "that",
    "while",
    "when",
    "and",
    "but",
    "or",
    "as",
    "so",
    "if",
    "because",
    "although",
    "though",
    "after",
    "before",
    "since",
    "until",
    "with",
    "said",
    "says",
    "told",
    "according",
];

/// The shared token cursor, with this scanner's own rules added in the `impl` below.
struct Scanner<'a>(Cursor<'a>);

impl<'a> std::ops::Deref for Scanner<'a> {
    type Target = Cursor<'a>;
    fn deref(&self) -> &Cursor<'a> {
        &self.0
    }
}

fn is_hyphen(s: &str) -> bool {
    matches!(s, "-" | "‐" | "‑")
}

fn strip_possessive(w: &str) -> Option<&str> {
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
    fn unit(&self, i: usize) -> Option<Unit> {
        let t = self.toks.get(i)?;
        if t.kind != TokenKind::Word {
            return None;
        }
        let w = t.as_str(self.text);
        let first = w.chars().next()?;
        if first.is_ascii_digit() || w.bytes().any(|b| b.is_ascii_digit()) {
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
            && (class & (lx::HONORIFIC | lx::TITLE | lx::SUFFIX | lx::PLACE_PREFIX) != 0)
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
    fn run(&self, i: usize, units: &mut Vec<Unit>) {
        units.clear();
        let mut j = i;
        while let Some(u) = self.unit(j) {
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
    fn nameable(u: &Unit, is_last: bool) -> bool {
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

    /// The cue before the run: a role word, a "Title," before a comma, a byline. The flag says
    /// the cue sits before a comma ("his widow, Yulia"), which only names a person by a given
    /// name when the name is one word.
    fn cue_before(&self, t0: usize) -> (Cue, bool) {
        if t0 == 0 || !self.same_line(t0 - 1) {
            return (Cue::None, false);
        }
        if let Some(w) = self.lower_word(t0 - 1) {
            let c = classify(w);
            // "spokesman X", and the plural before a list: "presidents X, Y and Z".
            let singular = w.strip_suffix('s').map_or(0, classify);
            if (c | singular) & (lx::ROLE | lx::TITLE) != 0 {
                return (Cue::Role, false);
            }
            if w == "by"
                && t0 >= 2
                && let Some(b) = self.toks.get(t0 - 2).filter(|t| t.kind == TokenKind::Word)
            {
                let b = b.as_str(self.text).to_lowercase();
                if BYLINE_WORDS.contains(&b.as_str()) {
                    return (Cue::Byline, false);
                }
            }
            return (Cue::None, false);
        }
        if self.s(t0 - 1) == "By" && (t0 == 1 || !self.same_line(t0 - 2)) {
            return (Cue::Byline, false);
        }
        if self.punct(t0 - 1, ",") && t0 >= 2 && self.same_line(t0 - 2) && self.is_word(t0 - 2) {
            let w = self.s(t0 - 2);
            let c = classify(w);
            if c & lx::ROLE != 0 && w.starts_with(char::is_lowercase) {
                return (Cue::Role, true);
            }
            if c & lx::TITLE != 0 && w.starts_with(char::is_uppercase) {
                return (Cue::Title, true);
            }
        }
        (Cue::None, false)
    }

    /// Walks back from token `t0` over "of", "for", "the" and capitalised words looking for a
    /// title: "Secretary of State [for Maritime Affairs] X".
    fn title_through_connectors(&self, t0: usize) -> bool {
        let mut i = t0;
        let mut steps = 0;
        while i > 0 && steps < 10 && self.same_line(i - 1) {
            i -= 1;
            steps += 1;
            let t = &self.toks[i];
            let s = t.as_str(self.text);
            match t.kind {
                TokenKind::Word if s.starts_with(char::is_uppercase) => {
                    if classify(s) & lx::TITLE != 0 {
                        return true;
                    }
                }
                TokenKind::Word if matches!(s, "of" | "for" | "the" | "and") => {}
                TokenKind::Punct if s == "." => {}
                _ => return false,
            }
        }
        false
    }

    /// The cue after a name that ends at token `t`.
    fn cue_after(&self, t: usize, possessive: bool) -> Cue {
        let n = t + 1;
        if possessive {
            if let Some(w) = self.lower_word(n)
                && classify(w) & lx::KIN != 0
            {
                return Cue::Kin;
            }
            return Cue::None;
        }
        if !self.punct(n, ",") {
            return Cue::None;
        }
        let a = n + 1;
        let Some(tok) = self.toks.get(a) else {
            return Cue::None;
        };
        let s = tok.as_str(self.text);
        if tok.kind == TokenKind::Number && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit()) {
            let age: u32 = s.parse().unwrap_or(0);
            let closes = self.toks.get(a + 1).is_some_and(|x| {
                let xs = x.as_str(self.text);
                matches!(xs, "," | ")" | ";" | ".") || xs == "and"
            });
            return if (1..=120).contains(&age) && closes {
                Cue::Age
            } else {
                Cue::None
            };
        }
        if s == "who" {
            return Cue::Who;
        }
        if tok.kind == TokenKind::Word && CLAUSE_OPENERS.contains(&s) {
            return Cue::None;
        }
        for j in a..(a + 7).min(self.toks.len()) {
            let x = &self.toks[j];
            let xs = x.as_str(self.text);
            if x.kind == TokenKind::Punct && !is_hyphen(xs) {
                break;
            }
            if x.kind == TokenKind::Word && CLAUSE_OPENERS.contains(&xs) {
                break;
            }
            if x.kind == TokenKind::Word && xs.starts_with(char::is_lowercase) {
                let base = strip_possessive(xs).unwrap_or(xs);
                if classify(base) & (lx::ROLE | lx::KIN) != 0 {
                    return Cue::Appositive;
                }
            }
        }
        Cue::None
    }

    /// Whether token `t0` sits inside a sentence after a function word, a verb or a comma, so
    /// its capital is the name's own and not the sentence's, and no noun before it makes it the
    /// name of a thing ("the feeder ship Margarethe Holm").
    fn inside_sentence(&self, t0: usize) -> bool {
        if t0 == 0 || !self.same_line(t0 - 1) {
            return false;
        }
        if let Some(w) = self.lower_word(t0 - 1) {
            return classify(w) & lx::STOP != 0 || (w.len() > 4 && w.ends_with("ed"));
        }
        matches!(self.s(t0 - 1), "," | ";" | "(" | ":")
    }

    /// Whether a role word and a capitalised word follow token `t`: "[X] analyst Bob Huang".
    fn employer_after(&self, t: usize) -> bool {
        self.same_line(t)
            && self
                .lower_word(t + 1)
                .is_some_and(|w| classify(w) & lx::ROLE != 0)
            && self.same_line(t + 1)
            && self.is_word(t + 2)
            && self.s(t + 2).starts_with(char::is_uppercase)
    }

    /// Whether a verb of speech follows the name (tokens `t0..=t1`) or precedes it with the
    /// clause ending after it: "Kaja Ilves said", "“…,” said Kaja Ilves, who".
    fn speech_around(&self, t0: usize, t1: usize) -> bool {
        let after =
            self.lower_word(t1 + 1).is_some_and(|w| SPEECH.contains(&w)) && self.same_line(t1);
        let before = t0 > 0
            && self.same_line(t0 - 1)
            && self.lower_word(t0 - 1).is_some_and(|w| SPEECH.contains(&w))
            && self.toks.get(t1 + 1).is_none_or(|t| {
                t.kind == TokenKind::Punct && matches!(t.as_str(self.text), "," | "." | ";")
            });
        after || before
    }

    /// A bracketed restatement of the name in another script: "(森下陽斗)".
    fn alias_after(&self, t: usize) -> Option<Span> {
        if !self.punct(t + 1, "(") {
            return None;
        }
        let mut j = t + 2;
        let start = self.toks.get(j)?.start;
        let mut end = start;
        while let Some(x) = self.toks.get(j) {
            let s = x.as_str(self.text);
            if x.kind == TokenKind::Punct {
                break;
            }
            let c = s.chars().next()?;
            if !c.is_alphabetic() || (c as u32) < 0x250 {
                return None;
            }
            end = x.end;
            j += 1;
        }
        (self.punct(j, ")") && end > start).then_some(Span::new(start, end))
    }
}

/// A name found by [`judge`], before the list pass sorts them into sure names and candidates.
struct Placed {
    hit: NameHit,
    /// First and last token of the name.
    first: usize,
    last: usize,
    /// A name-shaped candidate (two words or more, nothing against it) that a list of people
    /// can promote.
    listable: bool,
}

/// Finds the names of one article. `tokens` are those of `text`.
pub fn scan(text: &str, tokens: &[Token]) -> Names {
    let sc = Scanner(Cursor::new(text, tokens));
    let mut placed: Vec<Placed> = Vec::new();
    let mut units: Vec<Unit> = Vec::with_capacity(12);
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let b = text.as_bytes()[t.start];
        // Fast path: lower-case ASCII words and punctuation never start a name, except particles.
        if t.kind != TokenKind::Word
            || (b.is_ascii_lowercase()
                && !matches!(
                    b,
                    b'a' | b'b' | b'd' | b'e' | b'i' | b'l' | b't' | b'v' | b'y' | b'z'
                ))
        {
            i += 1;
            continue;
        }
        sc.run(i, &mut units);
        if units.is_empty() {
            i += 1;
            continue;
        }
        let next = units[units.len() - 1].last + 1;
        judge(&sc, &units, &mut placed);
        i = next.max(i + 1);
    }
    promote_lists(&sc, &mut placed);
    // Sort into the two lists; an alias's `same_as` follows its name to its new index.
    let mut names = Names::default();
    let mut new_index = vec![0u32; placed.len()];
    for (n, p) in placed.iter().enumerate() {
        if p.hit.cue == Cue::None {
            names.candidates.push(p.hit.clone());
        } else {
            new_index[n] = names.sure.len() as u32;
            let mut hit = p.hit.clone();
            hit.same_as = hit.same_as.map(|old| new_index[old as usize]);
            names.sure.push(hit);
        }
    }
    names
}

/// A candidate next to a person in a list ("Joe Biden, Barack Obama and Bill Clinton") is a
/// person too; repeated so that a chain of them is taken.
fn promote_lists(sc: &Scanner<'_>, placed: &mut [Placed]) {
    let joiner = |i: usize| sc.punct(i, ",") || sc.lower_word(i).is_some_and(|w| w == "and");
    loop {
        let mut changed = false;
        for n in 0..placed.len() {
            if placed[n].hit.cue != Cue::None || !placed[n].listable {
                continue;
            }
            let (first, last) = (placed[n].first, placed[n].last);
            let sure_ending_at = |t: usize| {
                placed
                    .iter()
                    .any(|p| p.hit.cue != Cue::None && p.hit.cue != Cue::Alias && p.last == t)
            };
            let sure_starting_at = |t: usize| {
                placed
                    .iter()
                    .any(|p| p.hit.cue != Cue::None && p.hit.cue != Cue::Alias && p.first == t)
            };
            let left = first >= 2
                && joiner(first - 1)
                && (sure_ending_at(first - 2)
                    || (first >= 3 && joiner(first - 2) && sure_ending_at(first - 3)));
            let right = joiner(last + 1)
                && (sure_starting_at(last + 2) || (joiner(last + 2) && sure_starting_at(last + 3)));
            if left || right {
                placed[n].hit.cue = Cue::List;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// Decides what a run holds: a person (with its cue), a candidate, or nothing.
fn judge(sc: &Scanner<'_>, units: &[Unit], placed: &mut Vec<Placed>) {
    // Words that only open the sentence are not part of the run: "On Rua Conde de Vilar".
    let lead = units
        .iter()
        .take_while(|u| {
            u.kind == Kind::Word
                && u.class & lx::STOP != 0
                && u.class & (lx::TITLE | lx::HONORIFIC) == 0
        })
        .count();
    let units = &units[lead..];
    if units.is_empty() {
        return;
    }
    // Quick rejects for the many one-word runs: "The", "However", "Portugal".
    if units.len() == 1
        && (units[0].class & (lx::NOT_NAME | lx::PLACE | lx::MONTH) != 0
            || units[0].kind != Kind::Word)
    {
        return;
    }
    // "Jr.", "III" close a name without being part of its matching.
    let suffixes = units
        .iter()
        .rev()
        .take_while(|u| u.kind == Kind::Word && u.class & lx::SUFFIX != 0)
        .count();
    if suffixes == units.len() {
        return;
    }
    let closing = units[units.len() - 1];
    let units = &units[..units.len() - suffixes];
    let n = units.len();
    let last = &units[n - 1];
    if last.plural_possessive {
        return;
    }
    // Peel: the name is the longest tail of units that may be part of a name. A title word
    // after a given name is a surname ("Stephen King", "Anna Bishop").
    let surname_title = n >= 2
        && last.kind == Kind::Word
        && last.class & lx::TITLE != 0
        && last.class & lx::HONORIFIC == 0
        && units[n - 2].class & lx::GIVEN != 0;
    let mut k = n;
    while k > 0 && (Scanner::nameable(&units[k - 1], k == n) || (k == n && surname_title)) {
        k -= 1;
    }
    // Leading particles of a name right after a title stay ("President da Silva"); a name can't
    // start with an initial followed by nothing, and needs a real word.
    let mut name = &units[k..];
    let prefix = &units[..k];
    let mains = |ns: &[Unit]| ns.iter().filter(|u| u.kind == Kind::Word).count();
    if mains(name) == 0 {
        return;
    }
    let title_in_prefix = prefix.iter().any(|u| u.class & lx::TITLE != 0);
    let honorific = prefix
        .last()
        .filter(|u| u.class & lx::HONORIFIC != 0)
        .map(|u| u.class);
    // A run ending in an organisation word is an organisation ("Ferreira Holdings").
    if k == n {
        return;
    }
    // Place runs: "Port Veyra", "Rua Conde de Vilar" — unless a title follows the place.
    if units[0].class & lx::PLACE_PREFIX != 0 && !title_in_prefix {
        return;
    }
    // Too many words for a name: re-anchor on a given name inside ("Exchequer Rachel Reeves").
    let t0 = units[0].first;
    if mains(name) > 2
        && name[0].class & lx::GIVEN == 0
        && k == 0
        && t0 > 0
        && sc
            .lower_word(t0 - 1)
            .is_some_and(|w| matches!(w, "of" | "for" | "the"))
        && let Some(p) = name.iter().skip(1).position(|u| u.class & lx::GIVEN != 0)
    {
        name = &name[p + 1..];
    }
    if mains(name) > 4 {
        return;
    }
    let prefix = &units[..n - name.len()];
    let main_words: Vec<&Unit> = name.iter().filter(|u| u.kind == Kind::Word).collect();
    // Nothing but places or organisation-like surnames ("Washington", "Park") is a person only
    // with a title; otherwise a candidate for a person found elsewhere.
    let placeish = main_words
        .iter()
        .all(|u| u.class & (lx::PLACE | lx::ORG_SURNAME) != 0)
        && honorific.is_none()
        && !title_in_prefix;
    let name_last = name[name.len() - 1];
    let direct = if honorific.is_some() {
        Cue::Honorific
    } else if prefix.iter().any(|u| u.class & lx::TITLE != 0) {
        Cue::Title
    } else if prefix.is_empty() {
        match sc.cue_before(t0) {
            (_, true) if main_words.len() == 1 => Cue::None,
            (cue, _) => cue,
        }
    } else if sc.title_through_connectors(t0) {
        Cue::Title
    } else {
        Cue::None
    };
    // An organisation word that is also a surname ends a person's name only after a direct cue
    // ("textile specialist Hye-jin Park", not "Alfred Kestrel Hall").
    let org_tail = last.class & lx::ORG_SURNAME != 0 && direct == Cue::None;
    // "Morgan Stanley analyst Bob Huang": a name-like run right before a role word and another
    // name is the second name's employer, not a person.
    let employer = sc.employer_after(closing.last);
    // Organisation-looking words or a surname-like first word ("Goldman Sachs said") leave the
    // weak cues (a verb of speech, a frequent surname) unconvincing.
    let orgish = main_words
        .iter()
        .any(|u| u.class & (lx::ORG | lx::ORG_SURNAME) != 0)
        || main_words[0].class & (lx::SURNAME | lx::PLACE | lx::MONTH) != 0;
    let cue = if placeish || org_tail {
        Cue::None
    } else if direct != Cue::None {
        direct
    } else if employer {
        Cue::None
    } else {
        let after = sc.cue_after(name_last.last, name_last.possessive);
        if after != Cue::None {
            after
        } else if main_words.len() >= 2 && name.iter().any(|u| u.kind == Kind::Initial) {
            Cue::Initial
        } else if main_words.len() >= 2
            && name.windows(3).any(|w| {
                w[0].kind == Kind::Word && w[1].kind == Kind::Particle && w[2].kind != Kind::Initial
            })
        {
            Cue::Particle
        } else if main_words.len() >= 2
            && main_words[0].class & lx::GIVEN != 0
            && !main_words[0].all_caps
        {
            Cue::GivenName
        } else if main_words.len() >= 2 && !orgish && sc.speech_around(t0, closing.last) {
            Cue::Speech
        } else if main_words.len() == 2
            && name.len() == 2
            && k == 0
            && !orgish
            && main_words[1].class & lx::SURNAME != 0
            && !main_words.iter().any(|u| u.all_caps)
            && sc.inside_sentence(t0)
        {
            Cue::Surname
        } else {
            Cue::None
        }
    };
    let gender = honorific.and_then(|c| {
        if c & lx::HON_M != 0 {
            Some(Gender::Male)
        } else if c & lx::HON_F != 0 {
            Some(Gender::Female)
        } else {
            None
        }
    });
    let hit = NameHit {
        span: Span::new(
            name[0].start,
            if suffixes > 0 && !name_last.possessive {
                closing.end.max(closing.start)
            } else {
                name_last.end
            },
        ),
        cue,
        gender,
        same_as: None,
    };
    let first = name[0].first;
    let last_token = closing.last;
    let listable = cue == Cue::None && !placeish && !org_tail && main_words.len() >= 2;
    placed.push(Placed {
        hit,
        first,
        last: last_token,
        listable,
    });
    if cue != Cue::None
        && !name_last.possessive
        && let Some(span) = sc.alias_after(name_last.last)
    {
        let index = (placed.len() - 1) as u32;
        placed.push(Placed {
            hit: NameHit {
                span,
                cue: Cue::Alias,
                gender,
                same_as: Some(index),
            },
            first: last_token,
            last: last_token,
            listable: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn sure(text: &str) -> Vec<(&str, Cue)> {
        let toks = tokenize(text);
        scan(text, &toks)
            .sure
            .iter()
            .map(|h| (h.span.slice(text), h.cue))
            .collect()
    }

    #[test]
    fn titles_are_peeled() {
        assert_eq!(
            sure("German Chancellor Ida Lindqvist spoke."),
            [("Ida Lindqvist", Cue::Title)]
        );
        assert_eq!(
            sure("Secretary of State for Maritime Affairs Henrik Søgaard said."),
            [("Henrik Søgaard", Cue::Title)]
        );
        assert_eq!(
            sure("the U.S. Vice-President KJ Amadi met"),
            [("KJ Amadi", Cue::Title)]
        );
    }

    #[test]
    fn organisations_and_places_are_not_people() {
        for text in [
            "Ferreira Holdings said",
            "at the Alfred Kestrel Hall today",
            "the Elsa von Rahden Foundation said",
            "On Rua Conde de Vilar, flowers",
            "the Santa Maria terminal",
            "the General Dockworkers' Union staged",
        ] {
            assert_eq!(sure(text), [], "{text}");
        }
    }
}
