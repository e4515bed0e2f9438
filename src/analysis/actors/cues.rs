//! The cues around a name that make it a person: words before it (titles, roles, bylines),
//! words after it (appositives, ages, "who", kin words), verbs of speech, restatements.

use super::lexicon::{self as lx, classify};
use super::scan::{Cue, OrgCue};
use super::units::{Scanner, is_hyphen, strip_possessive};
use crate::analysis::Span;
use crate::text::TokenKind;

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
    "research",
    "interview",
];

/// Words that open a picture credit ("Photo: X", "Picture by X", "AP Photo/X"): the name after
/// them is a photographer's credit, not someone the article is about.
const CREDIT_WORDS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "photographs",
    "photographer",
    "picture",
    "pictures",
    "pictured",
    "image",
    "images",
    "credit",
    "credits",
    "illustration",
    "graphics",
    "video",
    "footage",
    "source",
];

/// Verbs that, right after a full name, say it is someone's: "X resigned", "X scored".
const HUMAN_VERBS: &[&str] = &[
    "resigned",
    "scored",
    "died",
    "retired",
    "smiled",
    "laughed",
    "married",
    "wept",
    "shrugged",
    "apologised",
    "apologized",
    "grinned",
    "nodded",
    "sighed",
    "pleaded",
    "confessed",
    "sobbed",
    "frowned",
    "equalised",
    "equalized",
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

/// Lower-case nouns that, right after a name, say it names a maker or a group: "X smartphones",
/// "X militants". A person's name is followed by such words rarely ("X supporters" and "X
/// administration" are left out for that reason).
const ORG_AFTER: &[&str] = &[
    "device",
    "devices",
    "smartphone",
    "smartphones",
    "phone",
    "phones",
    "handset",
    "handsets",
    "tablet",
    "tablets",
    "laptop",
    "laptops",
    "chip",
    "chips",
    "chipset",
    "app",
    "apps",
    "software",
    "products",
    "factory",
    "factories",
    "plant",
    "subsidiary",
    "employees",
    "executives",
    "militants",
    "fighters",
    "insurgents",
    "rebels",
    "jihadists",
    "gunmen",
    "militia",
    "militiamen",
    "terrorists",
];

/// Lower-case words that, right after a name, say only a company bears it: "X shares fell".
const COMPANY_AFTER: &[&str] = &["shares", "stock", "shareholders", "stockholders"];

/// Words after a possessive name that only a company has: "X's chief executive", "X's founder".
const COMPANY_OWNS: &[&str] = &[
    "ceo",
    "founder",
    "founders",
    "co-founder",
    "cofounder",
    "shareholders",
    "stockholders",
    "headquarters",
    "subsidiary",
    "subsidiaries",
    "chief",
];

/// Nouns before "of" (or "in") that say a company or a group follows: "shares of X", "fighters
/// of X".
const ORG_OF: &[(&str, OrgCue)] = &[
    ("shares", OrgCue::Strong),
    ("stock", OrgCue::Strong),
    ("stake", OrgCue::Strong),
    ("subsidiary", OrgCue::Strong),
    ("shareholders", OrgCue::Strong),
    ("fighters", OrgCue::Weak),
    ("militants", OrgCue::Weak),
    ("insurgents", OrgCue::Weak),
    ("commanders", OrgCue::Weak),
];

/// Words that close a country's name after its adjective or another place ("Czech Republic",
/// "Solomon Islands").
pub(super) const STATE_HEADS: &[&str] = &["republic", "kingdom", "emirates", "islands", "isles"];

/// Prepositions that close the head of an appositive.
const PREPOSITIONS: &[&str] = &["by", "of", "for", "in", "at", "from", "to", "on", "under"];

impl Scanner<'_> {
    /// What the words around a name (tokens `first..=last`) say of an organisation: a stock
    /// ticker after it ("X (NYSE: XX)"), "shares of X", "X's chief executive", "X shares"
    /// (strong); a product or a group after it ("X smartphones", "the X S9", "X militants")
    /// (weak).
    pub(super) fn org_evidence(
        &self,
        first: usize,
        last: usize,
        possessive: bool,
    ) -> Option<OrgCue> {
        let next = last + 1;
        let same = self.same_line(last);
        if possessive {
            let w = self.lower_word(next)?;
            let strong = COMPANY_OWNS.contains(&w)
                && (w != "chief" || self.lower_word(next + 1) == Some("executive"));
            return strong.then_some(OrgCue::Strong);
        }
        // "(NYSE: XX)", "(NASDAQ:XX)": an exchange's ticker.
        if same
            && self.punct(next, "(")
            && self
                .word(next + 1)
                .is_some_and(|w| w.len() >= 3 && all_upper(w))
            && self.punct(next + 2, ":")
        {
            return Some(OrgCue::Strong);
        }
        if first >= 2
            && self.same_line(first - 1)
            && matches!(self.word(first - 1), Some("of" | "in"))
            && let Some(w) = self.lower_word(first - 2)
            && let Some(&(_, cue)) = ORG_OF.iter().find(|(n, _)| *n == w)
        {
            return Some(cue);
        }
        if !same {
            return None;
        }
        // "X, an aerospace company": an appositive whose head is an organisation noun.
        if self.punct(next, ",") && matches!(self.word(next + 1), Some("a" | "an" | "the")) {
            for j in next + 2..next + 5 {
                let Some(w) = self.lower_word(j) else { break };
                let c = classify(w);
                if c & (lx::ROLE | lx::KIN) != 0 {
                    break;
                }
                if c & lx::ORG_NOUN != 0 {
                    return Some(OrgCue::Weak);
                }
            }
        }
        if let Some(w) = self.lower_word(next) {
            if COMPANY_AFTER.contains(&w) {
                return Some(OrgCue::Strong);
            }
            if ORG_AFTER.contains(&w) {
                return Some(OrgCue::Weak);
            }
            return None;
        }
        // A model designation right after: "X S9", "X A320".
        let model = self.toks.get(next).is_some_and(|t| {
            let s = t.as_str(self.text);
            s.len() <= 6
                && s.bytes().any(|b| b.is_ascii_digit())
                && s.bytes().any(|b| b.is_ascii_alphabetic())
                && s.bytes().all(|b| b.is_ascii_alphanumeric())
        });
        model.then_some(OrgCue::Weak)
    }

    /// Whether token `t` opens a sentence, a line or a quotation, where every word is
    /// capitalised.
    pub(super) fn sentence_start(&self, t: usize) -> bool {
        if self.line_break_before(t) {
            return true;
        }
        let p = self.s(t - 1);
        match p {
            "." | "!" | "?" | ":" | "|" | "•" | "“" | "‘" | "«" => true,
            "\"" | "'" => t < 2 || !self.is_word(t - 2) || !self.touch(t - 2),
            _ => false,
        }
    }

    /// Whether the name on tokens `first..=last` is a picture credit: after "Photo:",
    /// "Picture by", "AP Photo/", or before "/Reuters".
    pub(super) fn is_credit(&self, first: usize, last: usize) -> bool {
        let credit_word = |i: usize| self.word_in(i, CREDIT_WORDS);
        let before = first >= 2
            && ((self.punct(first - 1, ":") || self.punct(first - 1, "/"))
                && credit_word(first - 2)
                || self.word(first - 1) == Some("by") && credit_word(first - 2));
        let after = self.punct(last + 1, "/") && self.touch(last) && self.touch(last + 1);
        before || after
    }

    /// Whether the words after a run ending at token `t` say it is a place: "X is a village of
    /// 600 people", "X, a small town".
    pub(super) fn place_after(&self, t: usize) -> bool {
        if !self.same_line(t) {
            return false;
        }
        if !(self.punct(t + 1, ",") || matches!(self.word(t + 1), Some("is" | "was"))) {
            return false;
        }
        let i = t + 2;
        if !matches!(self.word(i), Some("a" | "an" | "the")) {
            return false;
        }
        for j in i + 1..i + 4 {
            let Some(w) = self.lower_word(j) else {
                return false;
            };
            let c = classify(w);
            if c & lx::PLACE_NOUN != 0 {
                // The head noun, not a modifier: "a village of 600", not "a village elder".
                return self.lower_word(j + 1).is_none_or(|n| {
                    PREPOSITIONS.contains(&n)
                        || matches!(n, "near" | "outside" | "where" | "that" | "which" | "with")
                });
            }
            if c & (lx::ROLE | lx::KIN | lx::ORG_NOUN) != 0 {
                return false;
            }
        }
        false
    }

    /// Whether a nickname's introduction stands right before token `t0`: "known as", "dubbed",
    /// "nicknamed", "the name".
    pub(super) fn nickname_before(&self, t0: usize) -> bool {
        if t0 == 0 || !self.same_line(t0 - 1) {
            return false;
        }
        match self.lower_word(t0 - 1) {
            Some("dubbed" | "nicknamed") => true,
            Some("as") => t0 >= 2 && self.lower_word(t0 - 2) == Some("known"),
            Some("name") => {
                t0 >= 2
                    && self
                        .word(t0 - 2)
                        .is_some_and(|w| w.eq_ignore_ascii_case("the"))
            }
            _ => false,
        }
    }

    /// Whether a noun for a thing stands right before token `t0`: "the feeder ship X", "the
    /// film X". The capitalised run after it names that thing, not a person.
    pub(super) fn thing_before(&self, t0: usize) -> bool {
        t0 > 0
            && self.same_line(t0 - 1)
            && self
                .lower_word(t0 - 1)
                .is_some_and(|w| classify(w) & lx::THING_NOUN != 0)
    }

    /// What a noun right before token `t0` says the run there names: "the company X" (an
    /// organisation), "the village of X" (a place).
    pub(super) fn entity_noun_before(&self, t0: usize) -> Option<super::ActorKind> {
        if t0 == 0 || !self.same_line(t0 - 1) {
            return None;
        }
        let noun = if self.word(t0 - 1) == Some("of") && t0 >= 2 {
            t0 - 2
        } else {
            t0 - 1
        };
        let w = self.lower_word(noun)?;
        let c = classify(w);
        if c & lx::ROLE != 0 {
            // "crane operator X": a role word says a person follows.
            return None;
        }
        if c & lx::PLACE_NOUN != 0 {
            Some(super::ActorKind::Place)
        } else if c & lx::ORG_NOUN != 0 && noun == t0 - 1 {
            Some(super::ActorKind::Organization)
        } else {
            None
        }
    }

    /// The cue before the run: a role word, a "Title," before a comma, a byline. The flag says
    /// the cue sits before a comma ("his widow, Yulia"), which only names a person by a given
    /// name when the name is one word.
    pub(super) fn cue_before(&self, t0: usize) -> (Cue, bool) {
        if t0 == 0 || !self.same_line(t0 - 1) {
            return (Cue::None, false);
        }
        if let Some(w) = self.lower_word(t0 - 1) {
            // The tail of a hyphenated word ("big-king X") is no role word.
            if t0 >= 2 && self.touch(t0 - 2) && is_hyphen(self.s(t0 - 2)) {
                return (Cue::None, false);
            }
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
            if self.role_in_clause(t0 - 2) {
                return (Cue::Role, true);
            }
        }
        (Cue::None, false)
    }

    /// Whether a role or title word heads the noun phrase that ends at token `t`: "the chairman
    /// of the country's police union[, X]".
    fn role_in_clause(&self, t: usize) -> bool {
        let mut i = t;
        for _ in 0..8 {
            let Some(tok) = self.toks.get(i) else {
                return false;
            };
            let s = tok.as_str(self.text);
            match tok.kind {
                TokenKind::Word => {
                    let base = strip_possessive(s).unwrap_or(s);
                    let c = classify(base);
                    if c & (lx::ROLE | lx::TITLE) != 0 && !CLAUSE_OPENERS.contains(&base) {
                        return true;
                    }
                    if c & lx::STOP != 0 && !matches!(base, "of" | "the" | "a" | "an" | "for") {
                        return false;
                    }
                }
                TokenKind::Punct if is_hyphen(s) || s.chars().all(crate::text::is_apostrophe) => {}
                _ => return false,
            }
            if i == 0 || !self.same_line(i - 1) {
                return false;
            }
            i -= 1;
        }
        false
    }

    /// Walks back from token `t0` over "of", "for", "the" and capitalised words looking for a
    /// title: "Secretary of State [for Maritime Affairs] X".
    pub(super) fn title_through_connectors(&self, t0: usize) -> bool {
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
    pub(super) fn cue_after(&self, t: usize, possessive: bool) -> Cue {
        let n = t + 1;
        if possessive {
            if let Some(w) = self.lower_word(n)
                && classify(w) & lx::KIN != 0
            {
                return Cue::Kin;
            }
            return Cue::None;
        }
        if self.origin_after(n) {
            return Cue::Origin;
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
        // The appositive's head noun decides: "a marine engineer" (a person), "the
        // country's militant group" (not one), "a lawyer for the family" (a person).
        let mut role = false;
        let mut head = 0;
        for j in a..(a + 7).min(self.toks.len()) {
            let x = &self.toks[j];
            let xs = x.as_str(self.text);
            if x.kind == TokenKind::Punct && !is_hyphen(xs) {
                break;
            }
            if x.kind == TokenKind::Word && CLAUSE_OPENERS.contains(&xs) {
                break;
            }
            // The head noun stands before a preposition: "an aerospace company run by a
            // billionaire" is a company's appositive, "a lawyer for the family" a person's.
            if j > a + 1 && x.kind == TokenKind::Word && PREPOSITIONS.contains(&xs) {
                break;
            }
            if x.kind == TokenKind::Word && xs.starts_with(char::is_lowercase) {
                let base = strip_possessive(xs).unwrap_or(xs);
                head = classify(base);
                role |= head & (lx::ROLE | lx::KIN) != 0;
            }
        }
        if role && head & (lx::ORG_NOUN | lx::PLACE_NOUN) == 0 {
            Cue::Appositive
        } else {
            Cue::None
        }
    }

    /// Whether a country follows token `n - 1` as a person's origin: "X of Ghana", "X (Sweden)",
    /// "X (South Korea)", "X of Ghana said".
    fn origin_after(&self, n: usize) -> bool {
        if !self.same_line(n - 1) || !self.same_line(n) {
            return false;
        }
        let of_country = self.word(n) == Some("of")
            && self.country_at(n + 1).is_some_and(|end| {
                // "X of Ghana said", not "X of Ghana Airways", "X of Ghana-Togo", or a club's
                // "X of Spain were beaten" (a team takes a plural verb).
                !self.punct(end, "-")
                    && self.word(end).is_none_or(|w| {
                        SPEECH.contains(&w)
                            || HUMAN_VERBS.contains(&w)
                            || matches!(w, "was" | "is" | "has" | "had" | "who" | "will" | "would")
                    })
            });
        let bracketed = self.punct(n, "(")
            && self
                .country_at(n + 1)
                .is_some_and(|end| self.punct(end, ")"));
        of_country || bracketed
    }

    /// The token after a country's name (one word, or up to three that the gazetteer knows as a
    /// place: "South Korea") starting at token `i`.
    fn country_at(&self, i: usize) -> Option<usize> {
        let first = self.word(i)?;
        if !first.starts_with(char::is_uppercase) {
            return None;
        }
        let start = self.toks[i].start;
        for len in (2..=3).rev() {
            let last = i + len - 1;
            if (i..=last).all(|j| {
                self.word(j)
                    .is_some_and(|w| w.starts_with(char::is_uppercase))
                    && (j == i || self.same_line(j - 1))
            }) && lx::known_phrase(&self.text[start..self.toks[last].end])
                == Some(lx::Known::Place)
            {
                return Some(last + 1);
            }
        }
        let class = classify(first);
        if class & (lx::PLACE | lx::NATIONALITY) == 0 {
            return None;
        }
        let state = self.same_line(i)
            && self
                .word(i + 1)
                .is_some_and(|w| STATE_HEADS.contains(&w.to_lowercase().as_str()));
        Some(if state { i + 2 } else { i + 1 })
    }

    /// Whether token `t0` sits inside a sentence after a function word, a verb or a comma, so
    /// its capital is the name's own and not the sentence's, and no noun before it makes it the
    /// name of a thing ("the feeder ship Margarethe Holm").
    pub(super) fn inside_sentence(&self, t0: usize) -> bool {
        if t0 == 0 || !self.same_line(t0 - 1) {
            return false;
        }
        if let Some(w) = self.lower_word(t0 - 1) {
            return classify(w) & lx::STOP != 0 || (w.len() > 4 && w.ends_with("ed"));
        }
        matches!(self.s(t0 - 1), "," | ";" | "(" | ":")
    }

    /// Whether a role word and a capitalised word follow token `t`: "[X] analyst Bob Huang".
    pub(super) fn employer_after(&self, t: usize) -> bool {
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
    pub(super) fn speech_around(&self, t0: usize, t1: usize) -> bool {
        let after = self
            .lower_word(t1 + 1)
            .is_some_and(|w| SPEECH.contains(&w) || HUMAN_VERBS.contains(&w))
            && self.same_line(t1);
        // "said X Y," closes the clause; "said X Y had …" reports what X Y did.
        let before = t0 > 0
            && self.same_line(t0 - 1)
            && self.lower_word(t0 - 1).is_some_and(|w| SPEECH.contains(&w))
            && self.toks.get(t1 + 1).is_none_or(|t| {
                (t.kind == TokenKind::Punct && matches!(t.as_str(self.text), "," | "." | ";"))
                    || (self.same_line(t1)
                        && matches!(
                            t.as_str(self.text),
                            "had" | "has" | "was" | "would" | "will" | "could" | "should"
                        ))
            });
        after || before
    }

    /// Whether the clause goes on after a name ending at token `t` with punctuation or a verb
    /// ("X Y won", "X Y, who"), not with a noun that makes the name a modifier ("the X Y
    /// team").
    pub(super) fn clause_goes_on(&self, t: usize) -> bool {
        let Some(next) = self.toks.get(t + 1) else {
            return true;
        };
        if !self.same_line(t) {
            return true;
        }
        let s = next.as_str(self.text);
        if next.kind == TokenKind::Punct {
            return matches!(s, "," | "." | ";" | ":" | "(" | ")" | "!" | "?");
        }
        let Some(w) = self.lower_word(t + 1) else {
            return false;
        };
        SPEECH.contains(&w)
            || HUMAN_VERBS.contains(&w)
            || (w.len() > 4 && w.ends_with("ed"))
            || matches!(
                w,
                "won"
                    | "beat"
                    | "took"
                    | "lost"
                    | "ran"
                    | "came"
                    | "made"
                    | "had"
                    | "has"
                    | "was"
                    | "is"
                    | "will"
                    | "would"
                    | "broke"
                    | "led"
                    | "threw"
                    | "hit"
                    | "set"
                    | "got"
                    | "gave"
                    | "met"
                    | "left"
                    | "became"
                    | "went"
                    | "held"
                    | "began"
                    | "fell"
                    | "rode"
                    | "drove"
                    | "swam"
                    | "leads"
                    | "wins"
                    | "beats"
                    | "and"
                    | "who"
            )
    }

    /// Whether the name on tokens `t0..=t1` is a ranked row of a results table: a rank before
    /// it at the line's start or after a comma ("1. X Y", "12 - X Y", ", 10 - X Y") and a
    /// bracketed team or country after it ("(Lorca)").
    pub(super) fn ranked_row(&self, t0: usize, t1: usize) -> bool {
        if t0 < 2 || !self.same_line(t0 - 1) || !self.same_line(t0 - 2) {
            return false;
        }
        let rank_mark = matches!(self.s(t0 - 1), "." | "-" | ")");
        let rank = self
            .toks
            .get(t0 - 2)
            .is_some_and(|t| t.kind == TokenKind::Number && t.end - t.start <= 3);
        let opens = self.line_break_before(t0 - 2)
            || (t0 >= 3 && (self.punct(t0 - 3, ",") || self.punct(t0 - 3, ":")));
        if !(rank_mark && rank && opens && self.same_line(t1) && self.punct(t1 + 1, "(")) {
            return false;
        }
        let mut j = t1 + 2;
        let mut words = 0;
        while let Some(w) = self.word(j) {
            if !w.starts_with(char::is_uppercase) || !self.same_line(j - 1) {
                return false;
            }
            words += 1;
            j += 1;
        }
        (1..=3).contains(&words) && self.punct(j, ")")
    }

    /// A bracketed restatement of the name in another script: "(森下陽斗)".
    pub(super) fn alias_after(&self, t: usize) -> Option<Span> {
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

/// Whether every letter of `w` is a capital (a ticker, an acronym).
fn all_upper(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_uppercase())
}
