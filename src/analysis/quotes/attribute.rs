//! Who said each quotation of one article: the attribution around it ("X said", "said X",
//! "X told Y", "according to X", "X: …", "X called it a …"), a pronoun resolved to the last
//! person or speaker of its gender, a role ("the spokeswoman") resolved to the person the
//! article gives that role, and a quotation split by its attribution joined into one.

use super::marks::{self, Marked};
use super::{Quotation, Speaker};
use crate::analysis::Span;
use crate::analysis::actors::lexicon::{self as lx, classify};
use crate::analysis::actors::{Actor, ActorKind};
use crate::text::{Token, TokenKind, fold, tokenize};

/// Verbs that say who spoke, in the forms news writing uses.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "stated",
    "states",
    "noted",
    "notes",
    "argued",
    "argues",
    "explained",
    "explains",
    "insisted",
    "insists",
    "warned",
    "warns",
    "asked",
    "asks",
    "replied",
    "replies",
    "recalled",
    "recalls",
    "declared",
    "declares",
    "tweeted",
    "posted",
    "testified",
    "acknowledged",
    "admitted",
    "conceded",
    "stressed",
    "stresses",
    "urged",
    "urges",
    "announced",
    "announces",
    "called",
    "calls",
    "described",
    "describes",
    "referred",
    "refers",
    "quoted",
    "emphasized",
    "emphasised",
    "continued",
    "claimed",
    "claims",
    "suggested",
    "suggests",
    "predicted",
    "responded",
    "answered",
    "complained",
    "cautioned",
    "shouted",
    "yelled",
    "joked",
    "remarked",
    "observed",
    "agreed",
    "countered",
    "promised",
    "vowed",
    "pleaded",
    "reported",
    "reports",
    "phrased",
    "according",
];

/// Participles: "…, saying: “…”" speaks for the subject of the sentence.
const PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "telling",
    "writing",
    "noting",
    "explaining",
    "calling",
    "describing",
    "warning",
    "arguing",
    "insisting",
    "declaring",
    "stressing",
    "urging",
];

/// Verbs of a voice raised together or without words of speech ("the crowd chanted “…”",
/// "…!” fans sang"): their subject is what speaks, often a group the lexicon does not know.
const UTTERANCE: &[&str] = &[
    "chant",
    "chanted",
    "chants",
    "chanting",
    "chorused",
    "cry",
    "cried",
    "cries",
    "crying",
    "shout",
    "shouts",
    "shouting",
    "yell",
    "yells",
    "yelling",
    "scream",
    "screamed",
    "screams",
    "screaming",
    "sing",
    "sang",
    "sings",
    "singing",
    "sung",
    "cheered",
    "jeered",
    "roared",
    "murmured",
    "muttered",
    "whispered",
    "exclaimed",
    "gasped",
    "groaned",
    "booed",
    "hollered",
    "bellowed",
    "shrieked",
];

/// Nouns of such a voice ("broke into a chorus of “…”", "greeted him with chants of “…”"):
/// the subject of the clause they are in speaks.
const CHORUS: &[&str] = &[
    "chorus", "choruses", "chant", "chants", "cry", "cries", "shout", "shouts", "yell", "yells",
    "scream", "screams", "cheers", "roar", "roars", "murmur", "murmurs", "refrain",
];

/// Words that open a noun phrase naming a group ("his seatmates", "some fans").
const GROUP_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "your",
    "my",
    "some",
    "many",
    "several",
    "dozens",
    "hundreds",
    "thousands",
    "other",
    "fellow",
    "all",
    "both",
];

/// Prepositions that link a voice noun to its clause's verb ("broke into", "erupted in",
/// "greeted him with", "burst out in").
const CHORUS_LINKS: &[&str] = &["into", "in", "with", "out"];

/// Institutions and groups that speak as one ("the army said", "a police statement said"),
/// beside the role words of the actors lexicon.
const INSTITUTIONS: &[&str] = &[
    "military",
    "army",
    "navy",
    "police",
    "ministry",
    "government",
    "statement",
    "newspaper",
    "daily",
    "agency",
    "company",
    "airline",
    "court",
    "union",
    "officials",
    "authorities",
    "organizers",
    "organisers",
    "prosecutors",
    "report",
    "source",
    "sources",
    "council",
    "committee",
    "department",
    "office",
    "embassy",
    "administration",
    "campaign",
    "spokespeople",
    "witnesses",
    "residents",
];

/// Lower-case words that belong to a role's name before it ("police spokeswoman", "senior
/// official").
const MODIFIERS: &[&str] = &[
    "police",
    "military",
    "army",
    "company",
    "government",
    "senior",
    "chief",
    "deputy",
    "press",
    "state",
    "foreign",
    "defense",
    "defence",
    "former",
    "top",
    "local",
    "federal",
    "regional",
    "national",
    "airline",
    "union",
    "party",
    "team",
    "news",
    "managing",
    "executive",
    "vice",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "this", "that", "one", "another",
];

/// Words after which a new clause starts: its subject is what speaks.
const CLAUSE_BREAKS: &[&str] = &[
    "that", "and", "but", "before", "after", "while", "because", "as", "when", "although",
    "though", "whether", "if", "so",
];

/// How many tokens before or after a quotation its attribution is looked for in.
const MAX_WINDOW: usize = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// Who an attribution names, before it is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    /// An actor named there (index into the actors).
    Actor(usize),
    /// A role word at this token ("spokesman", "army").
    Role(usize),
    /// A pronoun at this token.
    Pronoun(usize),
    /// A capitalised name the actors do not know (a bare surname), as written.
    Name(Span),
    /// A group named by a common noun at this token ("his seatmates", "the crowd").
    Group(usize),
}

/// A speaker as resolved, with where it was named (for pronouns that come later).
#[derive(Debug, Clone)]
struct Said {
    at: usize,
    speaker: Speaker,
    gender: Option<Gender>,
    person: bool,
}

/// One article's tokens and the actors named in it.
struct Article<'a> {
    text: &'a str,
    toks: Vec<Token>,
    /// Whether each token stands inside a quotation (marks included).
    quoted: Vec<bool>,
    /// Actor mentions in this article: (span, actor), by start.
    mentions: Vec<(Span, usize)>,
    actors: &'a [Actor],
    /// The paragraph each token is in.
    para: Vec<u32>,
    /// Role bindings: (token of the role word, folded role, actor).
    roles: Vec<(usize, String, usize)>,
    /// The gender the article gives each actor, when it says one.
    genders: Vec<(usize, Gender)>,
    /// The fullest phrase of each role word (folded) found so far: finding one reads the
    /// whole article, so it is done once per role.
    role_phrases: std::cell::RefCell<rustc_hash::FxHashMap<String, Span>>,
}

/// The quotations of one article (`article` is its corpus index), with speakers resolved to
/// `actors` (the corpus's actors: their mentions in this article are used).
pub(crate) fn quotations(text: &str, article: usize, actors: &[Actor]) -> Vec<Quotation> {
    let marked = marks::find(text);
    if marked.is_empty() {
        return Vec::new();
    }
    let a = Article::new(text, article, actors, &marked);
    a.attribute(article, &marked)
}

fn is_speech(w: &str) -> bool {
    SPEECH.contains(&w)
}

fn is_participle(w: &str) -> bool {
    PARTICIPLES.contains(&w)
}

/// Whether a folded word is a verb or a noun of a voice raised (see [`UTTERANCE`]).
fn is_voice(w: &str) -> bool {
    UTTERANCE.contains(&w) || CHORUS.contains(&w)
}

/// Verbs that link a clause's subject to a voice noun ("broke into a chorus of").
const CHORUS_VERBS: &[&str] = &[
    "break",
    "breaks",
    "broke",
    "burst",
    "bursts",
    "erupt",
    "erupts",
    "erupted",
    "launch",
    "launched",
    "greet",
    "greets",
    "greeted",
    "meet",
    "met",
    "welcome",
    "welcomed",
    "answered",
    "responded",
    "join",
    "joined",
    "raise",
    "raised",
];

fn singular(w: &str) -> &str {
    w.strip_suffix('s').filter(|s| s.len() > 3).unwrap_or(w)
}

/// Whether a folded word names a role or an institution that can speak.
fn is_role(w: &str) -> bool {
    INSTITUTIONS.contains(&w)
        || (w.len() > 2 && {
            let c = classify(w) | classify(singular(w));
            c & lx::ROLE != 0 && c & lx::STOP == 0
        })
}

/// Whether a capitalised word can be part of a name the actors do not know: not a function
/// word, a day, a month, a language or nationality ("said in German"), a place or a title.
fn is_bare_name(w: &str) -> bool {
    // A possessive ("Monday's editorial") modifies the speaker; it is not one.
    let possessive = w.ends_with("'s") || w.ends_with("’s");
    !possessive
        && crate::text::starts_uppercase(w)
        && classify(w) & (lx::NOT_NAME | lx::MONTH | lx::PLACE | lx::ORG_NAME) == 0
}

fn role_gender(w: &str) -> Option<Gender> {
    if w.ends_with("woman") || w.ends_with("women") || matches!(w, "actress" | "mother" | "wife") {
        Some(Gender::Female)
    } else if w.ends_with("man") || w.ends_with("men") || matches!(w, "father" | "husband") {
        Some(Gender::Male)
    } else {
        None
    }
}

impl<'a> Article<'a> {
    fn new(text: &'a str, article: usize, actors: &'a [Actor], marked: &[Marked]) -> Article<'a> {
        let toks = tokenize(text);
        let mut quoted = vec![false; toks.len()];
        for m in marked {
            let from = toks.partition_point(|t| t.start < m.outer.start);
            let to = toks.partition_point(|t| t.start < m.outer.end);
            for q in &mut quoted[from..to] {
                *q = true;
            }
        }
        let mut para = Vec::with_capacity(toks.len());
        let mut p = 0u32;
        let mut prev = 0;
        for t in &toks {
            if text[prev..t.start].contains('\n') {
                p += 1;
            }
            para.push(p);
            prev = t.end;
        }
        let mut mentions: Vec<(Span, usize)> = actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind != ActorKind::Place)
            .flat_map(|(i, a)| {
                a.mentions
                    .iter()
                    .filter(move |m| m.article == article)
                    .map(move |m| (m.span, i))
            })
            .collect();
        mentions.sort_unstable_by_key(|(s, i)| (s.start, *i));
        let mut a = Article {
            text,
            toks,
            quoted,
            mentions,
            actors,
            para,
            roles: Vec::new(),
            genders: Vec::new(),
            role_phrases: Default::default(),
        };
        a.bind_roles_and_genders();
        a
    }

    fn word(&self, t: usize) -> Option<&'a str> {
        self.toks
            .get(t)
            .filter(|k| k.kind != TokenKind::Punct)
            .map(|k| k.as_str(self.text))
    }

    fn lower(&self, t: usize) -> Option<String> {
        self.word(t).map(fold)
    }

    fn punct(&self, t: usize) -> Option<&'a str> {
        self.toks
            .get(t)
            .filter(|k| k.kind == TokenKind::Punct)
            .map(|k| k.as_str(self.text))
    }

    fn tok_at(&self, byte: usize) -> usize {
        self.toks.partition_point(|t| t.start < byte)
    }

    /// The actor named at token `t`, if a mention covers it.
    fn actor_at(&self, t: usize) -> Option<usize> {
        let start = self.toks.get(t)?.start;
        let i = self.mentions.partition_point(|(s, _)| s.start <= start);
        let (s, a) = self.mentions.get(i.checked_sub(1)?)?;
        s.contains(start).then_some(*a)
    }

    fn is_person(&self, actor: usize) -> bool {
        self.actors[actor].kind == ActorKind::Person
    }

    /// Whether token `t` is a role word as written in running text (lower case, or opening a
    /// sentence).
    fn role_at(&self, t: usize) -> bool {
        let Some(w) = self.word(t) else { return false };
        let lower_case = w.chars().next().is_some_and(char::is_lowercase);
        (lower_case || self.starts_sentence(t)) && is_role(&fold(w))
    }

    fn starts_sentence(&self, t: usize) -> bool {
        t == 0
            || self.para[t] != self.para[t - 1]
            || matches!(self.punct(t - 1), Some("." | "!" | "?" | ":" | "“" | "\""))
    }

    /// Whether token `t` ends a sentence outside quotations.
    fn ends_sentence(&self, t: usize) -> bool {
        match self.punct(t) {
            Some("!" | "?" | ";") => true,
            Some(".") => {
                let abbreviation = t > 0
                    && self.toks[t - 1].end == self.toks[t].start
                    && self.word(t - 1).is_some_and(|w| {
                        crate::text::is_abbreviation(w)
                            || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
                    });
                !abbreviation
            }
            _ => false,
        }
    }

    /// Records which person holds which role ("spokeswoman Lena Fischer", "Lena Fischer, the
    /// spokeswoman of …", "The chairman of the union, Lena Fischer,") and what gender the
    /// article gives each person (honorifics, given names, gendered roles).
    fn bind_roles_and_genders(&mut self) {
        let mut roles = Vec::new();
        let mut genders = Vec::new();
        for &(span, actor) in &self.mentions {
            if !self.is_person(actor) {
                continue;
            }
            let first = self.tok_at(span.start);
            let last = self.tok_at(span.end).saturating_sub(1);
            let bind = |t: usize,
                        a: &Article<'_>,
                        roles: &mut Vec<(usize, String, usize)>,
                        genders: &mut Vec<(usize, Gender)>| {
                if let Some(w) = a.lower(t) {
                    if let Some(g) = role_gender(&w) {
                        genders.push((actor, g));
                    }
                    roles.push((t, singular(&w).to_string(), actor));
                }
            };
            // "police spokeswoman Lena Fischer", "Mrs Fischer"
            for back in 1..=3 {
                let Some(t) = first.checked_sub(back) else {
                    break;
                };
                if self.word(t).is_none() || self.para[t] != self.para[first] {
                    break;
                }
                let w = self.lower(t).unwrap_or_default();
                let c = classify(&w);
                if back == 1 && c & lx::HON_M != 0 {
                    genders.push((actor, Gender::Male));
                }
                if back == 1 && c & lx::HON_F != 0 {
                    genders.push((actor, Gender::Female));
                }
                if self.role_at(t) {
                    bind(t, self, &mut roles, &mut genders);
                    break;
                }
            }
            // "Lena Fischer, the spokeswoman of …"
            if self.punct(last + 1) == Some(",")
                && self
                    .lower(last + 2)
                    .is_some_and(|w| DETERMINERS.contains(&w.as_str()))
            {
                for t in last + 3..(last + 7).min(self.toks.len()) {
                    if self.word(t).is_none() {
                        break;
                    }
                    if self.role_at(t) {
                        bind(t, self, &mut roles, &mut genders);
                        break;
                    }
                }
            }
            // "The chairman of the union, Lena Fischer,"
            if first >= 2 && self.punct(first - 1) == Some(",") {
                for t in (first.saturating_sub(8)..first - 1).rev() {
                    if self.word(t).is_none() && self.punct(t) != Some("’") {
                        break;
                    }
                    if self.role_at(t) {
                        bind(t, self, &mut roles, &mut genders);
                        break;
                    }
                }
            }
            let name = &self.actors[actor].name;
            if let Some(given) = name
                .split_whitespace()
                .next()
                .filter(|_| name.contains(' '))
            {
                let c = classify(given);
                match (c & lx::GIVEN_M != 0, c & lx::GIVEN_F != 0) {
                    (true, false) => genders.push((actor, Gender::Male)),
                    (false, true) => genders.push((actor, Gender::Female)),
                    _ => {}
                }
            }
        }
        roles.sort_by_key(|r| r.0);
        self.roles = roles;
        self.genders = genders;
    }

    fn gender_of(&self, actor: usize, learned: &[(usize, Gender)]) -> Option<Gender> {
        self.genders
            .iter()
            .chain(learned)
            .find(|(a, _)| *a == actor)
            .map(|(_, g)| *g)
    }

    /// A role word's phrase as the article writes it, without the determiner: "Delta
    /// spokesman" for "the Delta spokesman".
    fn role_phrase(&self, head: usize) -> Span {
        let mut first = head;
        for back in 1..=4 {
            let Some(t) = head.checked_sub(back) else {
                break;
            };
            let Some(w) = self.word(t) else { break };
            if self.para[t] != self.para[head] || self.quoted[t] {
                break;
            }
            let lw = fold(w);
            if DETERMINERS.contains(&lw.as_str()) {
                break;
            }
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            if (capital && classify(&lw) & lx::STOP == 0)
                || MODIFIERS.contains(&lw.as_str())
                || is_role(&lw)
            {
                first = t;
            } else {
                break;
            }
        }
        Span::new(self.toks[first].start, self.toks[head].end)
    }

    /// The speaker a role names: the person the article gives that role (the latest before,
    /// else the first after), else the role's fullest phrase in the article.
    fn resolve_role(&self, head: usize) -> Speaker {
        let key = singular(&self.lower(head).unwrap_or_default()).to_string();
        let bound = self
            .roles
            .iter()
            .rev()
            .find(|(t, k, _)| *t <= head && *k == key)
            .or_else(|| self.roles.iter().find(|(_, k, _)| *k == key));
        if let Some(&(_, _, actor)) = bound {
            return self.actor_speaker(actor);
        }
        // The fullest phrase of the role in the article: "the spokesman" after "a Delta Air
        // Lines spokesman" is that spokesman.
        let cached = self.role_phrases.borrow().get(&key).copied();
        let best = cached.unwrap_or_else(|| {
            let words = |p: Span| p.slice(self.text).split_whitespace().count();
            let mut best = self.role_phrase(head);
            for (t, tok) in self.toks.iter().enumerate() {
                if tok.kind == TokenKind::Word
                    && !self.quoted[t]
                    && singular(&fold(tok.as_str(self.text))) == key
                {
                    let p = self.role_phrase(t);
                    if words(p) > words(best) {
                        best = p;
                    }
                }
            }
            self.role_phrases.borrow_mut().insert(key.clone(), best);
            best
        });
        let words: Vec<&str> = best.slice(self.text).split_whitespace().collect();
        let mut name = words.join(" ");
        // A role opening a sentence is capitalised only for that reason.
        if words.len() == 1 {
            name = fold(&name);
        }
        Speaker {
            name,
            actor: None,
            role: Some(key),
        }
    }

    fn actor_speaker(&self, actor: usize) -> Speaker {
        Speaker {
            name: self.actors[actor].name.clone(),
            actor: Some(actor),
            role: None,
        }
    }

    /// The best speaker among tokens `from..to` (outside quotations): a person named there,
    /// else a role, else an organisation, else a pronoun.
    fn subject_in(&self, from: usize, to: usize, first_role: bool) -> Option<Who> {
        let (mut person, mut role, mut org, mut pronoun) = (None, None, None, None);
        for t in from..to {
            if self.quoted[t] {
                continue;
            }
            if let Some(a) = self.actor_at(t) {
                if self.possessive_at(t) {
                    // "Aavik's lawyer said": the one whose lawyer it is does not speak.
                    continue;
                }
                if self.is_person(a) {
                    person.get_or_insert(Who::Actor(a));
                } else {
                    org.get_or_insert(Who::Actor(a));
                }
            } else if self.role_at(t) {
                // "prime minister", "chief executive": the last word of a run of role words
                // names the role.
                let mut head = t;
                while head + 1 < to && self.role_at(head + 1) {
                    head += 1;
                }
                if first_role {
                    role.get_or_insert(Who::Role(head));
                } else {
                    role = Some(Who::Role(head));
                }
            } else if self
                .lower(t)
                .is_some_and(|w| matches!(w.as_str(), "he" | "she" | "they"))
            {
                pronoun.get_or_insert(Who::Pronoun(t));
            }
        }
        person
            .or(role)
            .or(org)
            .or(pronoun)
            .or_else(|| self.name_ending(to).map(Who::Name))
    }

    /// A run of capitalised words ending right before token `end` ("Vollmer said"), not a
    /// function word.
    fn name_ending(&self, end: usize) -> Option<Span> {
        let last = end.checked_sub(1)?;
        let mut first = end;
        while first > 0 && first + 4 > end {
            let t = first - 1;
            let Some(w) = self.word(t) else { break };
            if self.quoted[t] || !is_bare_name(w) {
                break;
            }
            first = t;
        }
        (first < end).then(|| Span::new(self.toks[first].start, self.toks[last].end))
    }

    /// A run of capitalised words starting at token `from` ("said Vollmer").
    fn name_starting(&self, from: usize) -> Option<Span> {
        let mut end = from;
        while end < self.toks.len() && end < from + 4 {
            let Some(w) = self.word(end) else { break };
            if self.quoted[end] || !is_bare_name(w) {
                break;
            }
            end += 1;
        }
        (end > from).then(|| Span::new(self.toks[from].start, self.toks[end - 1].end))
    }

    /// Tokens of the clause before `verb`: back to a comma, a clause word or the sentence start
    /// (never before `floor`).
    fn clause_start(&self, verb: usize, floor: usize) -> usize {
        let mut t = verb;
        while t > floor {
            let p = t - 1;
            if self.quoted[p] {
                t = p;
                continue;
            }
            if matches!(self.punct(p), Some("," | ";" | ":" | "—" | "–" | "(")) {
                break;
            }
            if self
                .lower(p)
                .is_some_and(|w| CLAUSE_BREAKS.contains(&w.as_str()))
            {
                break;
            }
            t = p;
        }
        t
    }

    /// The subject of a speech verb: the first speaker in its clause, else in the clauses
    /// before it within the sentence.
    fn subject_of(&self, verb: usize, floor: usize) -> Option<Who> {
        let mut end = verb;
        for _ in 0..4 {
            let start = self.clause_start(end, floor);
            if let Some(w) = self.subject_in(start, end, true) {
                return Some(w);
            }
            if start <= floor {
                break;
            }
            end = start - 1;
        }
        None
    }

    /// The speaker named right after a token (after "said", "according to", "quoted"): a
    /// name, a pronoun or a role phrase.
    fn named_after(&self, from: usize) -> Option<Who> {
        let mut end = from;
        while end < self.toks.len()
            && end < from + 7
            && !self.quoted[end]
            && self.para[end] == self.para[from.min(self.toks.len() - 1)]
            && self.punct(end).is_none_or(|p| matches!(p, "’" | "'" | "-"))
        {
            end += 1;
        }
        if let Some((t, a)) = (from..end).find_map(|t| self.actor_at(t).map(|a| (t, a))) {
            // "said SpaceX founder Ada Lind": the organisation qualifies the person's role.
            if !self.is_person(a) {
                let mut u = t;
                while u < end && self.actor_at(u) == Some(a) {
                    u += 1;
                }
                while u < end && self.actor_at(u).is_none() && self.role_at(u) {
                    u += 1;
                }
                if u > t
                    && self.role_at(u - 1)
                    && let Some(p) = self.actor_at(u).filter(|&p| self.is_person(p))
                {
                    return Some(Who::Actor(p));
                }
            }
            return Some(Who::Actor(a));
        }
        if self
            .lower(from)
            .is_some_and(|w| matches!(w.as_str(), "he" | "she" | "they" | "him" | "her" | "them"))
        {
            return Some(Who::Pronoun(from));
        }
        if let Some(name) = self.name_starting(from) {
            return Some(Who::Name(name));
        }
        // The role ends the phrase: "said the Delta spokesman".
        let mut role = None;
        for t in from..end {
            if self.role_at(t) {
                role = Some(Who::Role(t));
            } else if role.is_some() {
                break;
            }
        }
        role
    }

    /// An attribution right after a quotation ending at token `after` ("…,” she said",
    /// "…,” said the minister", "…,” Ada told the paper"). Returns who and the token that ends
    /// the attribution's sentence (or `None` when it runs into another quotation).
    fn after_attribution(&self, after: usize) -> (Option<Who>, usize, bool) {
        let mut t = after;
        while matches!(self.punct(t), Some("," | "—" | "–" | "-" | "’" | "'")) && !self.quoted[t]
        {
            t += 1;
        }
        let start = t;
        let mut verb = None;
        let mut end = t;
        let mut into_quote = false;
        while end < self.toks.len() && end - start < MAX_WINDOW {
            if self.quoted[end] {
                into_quote = true;
                break;
            }
            // The attribution is on the quotation's line: the next paragraph is another
            // sentence even when the quotation ended without a full stop.
            if self.ends_sentence(end) || (end > 0 && self.para[end] != self.para[end - 1]) {
                break;
            }
            if verb.is_none()
                && end < start + 8
                && (self
                    .lower(end)
                    .is_some_and(|w| is_speech(&w) || UTTERANCE.contains(&w.as_str()))
                    || self.puts_it(end))
                && !(end > start && self.punct(end - 1).is_some())
            {
                verb = Some(end);
            }
            end += 1;
        }
        let Some(v) = verb else {
            return (None, end, into_quote);
        };
        let word = self.lower(v).unwrap_or_default();
        let who = if word == "according" {
            (self.lower(v + 1).as_deref() == Some("to"))
                .then(|| self.named_after(v + 2))
                .flatten()
        } else if v == start {
            self.named_after(v + 1)
        } else if word == "quoted" {
            // "the paper quoted him as saying": the one quoted speaks.
            self.named_after(v + 1)
        } else if v - start <= 6 {
            // "…!” the crowd chanted": a group the lexicon does not know.
            self.subject_in(start, v, false)
                .or_else(|| self.group_before(v, start))
        } else {
            None
        };
        (who, end, into_quote)
    }

    /// An attribution before a quotation starting at token `first`, within its sentence:
    /// "X said (that) … “…”", "according to X, “…”", "X: “…”", "…, saying: “…”".
    fn before_attribution(&self, first: usize) -> Option<Who> {
        let mut floor = first;
        // An attribution is near its quotation: the bound keeps a paragraph without full stops
        // and with many quotations linear.
        while floor > 0 && first - floor < MAX_WINDOW {
            let p = floor - 1;
            if self.para[p] != self.para[first] || (!self.quoted[p] && self.ends_sentence(p)) {
                break;
            }
            floor = p;
        }
        if floor == first {
            return None;
        }
        // A voice raised nearest the quotation speaks for it: "his seatmates broke into a
        // chorus of … “…”", "the crowd chanted: “…”".
        let cue = (floor..first).rev().find(|&t| {
            !self.quoted[t]
                && (self
                    .lower(t)
                    .is_some_and(|w| is_speech(&w) || is_participle(&w) || is_voice(&w))
                    || self.puts_it(t))
        });
        if let Some(c) = cue
            && let Some(w) = self.voice_subject(c, first, floor)
        {
            return Some(w);
        }
        // The nearest speech verb before the quotation.
        let verb = (floor..first).rev().find(|&t| {
            !self.quoted[t]
                && (self
                    .lower(t)
                    .is_some_and(|w| is_speech(&w) || is_participle(&w))
                    || self.puts_it(t))
        });
        let Some(v) = verb else {
            // "Ada Lind: “…”"
            if self.punct(first - 1) == Some(":") && first >= 2 {
                let start = self.clause_start(first - 1, floor);
                return self.subject_in(start, first - 1, false);
            }
            return None;
        };
        let word = self.lower(v).unwrap_or_default();
        if word == "according" {
            return (self.lower(v + 1).as_deref() == Some("to"))
                .then(|| self.named_after(v + 2))
                .flatten();
        }
        if word == "quoted"
            && let Some(w) = self.named_after(v + 1)
        {
            return Some(w);
        }
        if is_participle(&word) {
            // "the pilot telling the passengers: …": the noun right before speaks.
            if v > floor && self.punct(v - 1).is_none() {
                if let Some(a) = self.actor_at(v - 1) {
                    return Some(Who::Actor(a));
                }
                if self.role_at(v - 1) {
                    return Some(Who::Role(v - 1));
                }
            }
            // "…, saying: …": the sentence's subject.
            return self.subject_in(floor, v, true);
        }
        self.subject_of(v, floor)
    }

    /// Whether the actor mention covering token `t` is a possessive ("Lind's brother").
    fn possessive_at(&self, t: usize) -> bool {
        let Some(start) = self.toks.get(t).map(|k| k.start) else {
            return false;
        };
        let i = self.mentions.partition_point(|(s, _)| s.start <= start);
        let Some((span, _)) = i.checked_sub(1).and_then(|i| self.mentions.get(i)) else {
            return false;
        };
        let rest = &self.text[span.end.min(self.text.len())..];
        rest.starts_with("'s ") || rest.starts_with("’s ")
    }

    /// Whether token `t` is "put" of "as she put it", which says who spoke as "said" does.
    fn puts_it(&self, t: usize) -> bool {
        self.lower(t).as_deref() == Some("put")
            && self.lower(t + 1).as_deref() == Some("it")
            && t > 0
            && self.word(t - 1).is_some()
    }

    /// Who raises the voice at token `cue` before a quotation opening at token `first`: the
    /// subject right before a voice verb ("the crowd chanted: “…”"), or the subject of the
    /// clause a voice noun is in ("his seatmates broke into a chorus of … “…”").
    fn voice_subject(&self, cue: usize, first: usize, floor: usize) -> Option<Who> {
        let w = self.lower(cue)?;
        let next = self.lower(cue + 1);
        let noun = CHORUS.contains(&w.as_str())
            && (next.as_deref() == Some("of") || self.punct(cue + 1).is_some());
        if noun {
            // Back over the noun's own phrase to its link ("into a", "with loud"), then to the
            // verb, whose subject speaks.
            let mut t = cue;
            let mut link = None;
            while t > floor && cue - t < 4 {
                t -= 1;
                let Some(lw) = self.lower(t) else { break };
                if CHORUS_LINKS.contains(&lw.as_str()) {
                    link = Some(t);
                    break;
                }
            }
            let link = link?;
            let verb = (link.saturating_sub(5).max(floor)..link)
                .rev()
                .take_while(|&t| self.word(t).is_some())
                .find(|&t| {
                    self.lower(t)
                        .is_some_and(|w| CHORUS_VERBS.contains(&w.as_str()))
                })?;
            return self.group_before(verb, floor);
        }
        if !UTTERANCE.contains(&w.as_str()) && !matches!(w.as_str(), "shouted" | "yelled") {
            return None;
        }
        // A verb's quotation follows it closely ("chanted in unison: “…”"); "a far cry from
        // “…”" is no voice.
        let between = (cue + 1..first).filter(|&t| self.word(t).is_some());
        let mut n = 0;
        for t in between {
            n += 1;
            let bw = self.lower(t).unwrap_or_default();
            let stop = classify(&bw) & lx::STOP != 0;
            if n > 3 || (stop && !matches!(bw.as_str(), "out" | "back" | "in" | "again")) {
                return None;
            }
        }
        self.group_before(cue, floor)
    }

    /// The speaker whose phrase ends right before token `verb` (one adverb may stand
    /// between): a named actor, a role, a pronoun, a bare name or a group noun.
    fn group_before(&self, verb: usize, floor: usize) -> Option<Who> {
        let mut end = verb;
        if end > floor
            && self
                .lower(end - 1)
                .is_some_and(|w| w.len() > 4 && w.ends_with("ly"))
        {
            end -= 1;
        }
        let t = end.checked_sub(1).filter(|&t| t >= floor)?;
        if self.quoted[t] || self.word(t).is_none() {
            return None;
        }
        if let Some(a) = self.actor_at(t) {
            return Some(Who::Actor(a));
        }
        if self.role_at(t) {
            return Some(Who::Role(t));
        }
        let w = self.lower(t)?;
        if matches!(w.as_str(), "he" | "she" | "they") {
            return Some(Who::Pronoun(t));
        }
        if self.group_noun(t, floor) {
            return Some(Who::Group(t));
        }
        self.name_ending(end).map(Who::Name)
    }

    /// Whether token `t` ends a noun phrase naming a group: a common noun after a determiner
    /// or a quantifier ("his seatmates", "the angry crowd", "hundreds of protesters"), or a
    /// plural opening its clause ("Protesters chanted").
    fn group_noun(&self, t: usize, floor: usize) -> bool {
        let Some(raw) = self.word(t) else {
            return false;
        };
        let w = fold(raw);
        let plain = raw.chars().all(char::is_alphabetic)
            && (raw.chars().next().is_some_and(char::is_lowercase) || self.starts_sentence(t));
        if !plain
            || w.len() < 3
            || classify(&w) & (lx::STOP | lx::THING_NOUN | lx::MONTH | lx::WEEKDAY) != 0
            || is_speech(&w)
            || is_voice(&w)
            || w.ends_with("ly")
        {
            return false;
        }
        let plural = w.ends_with('s') && !w.ends_with("ss");
        let mut p = t;
        for _ in 0..3 {
            if p <= floor {
                return plural;
            }
            p -= 1;
            let Some(pw) = self.lower(p) else {
                // "…, and fans sang": a plural after a break opens its clause.
                return plural && p + 1 == t;
            };
            if GROUP_OPENERS.contains(&pw.as_str()) || (pw == "of" && plural) {
                return true;
            }
            if CLAUSE_BREAKS.contains(&pw.as_str()) {
                return plural && p + 1 == t;
            }
            // An adjective between ("the angry crowd"); a plural noun there would be the
            // subject of a verb `t` ("his seatmates break").
            let adjective = classify(&pw) & lx::STOP == 0
                && pw.chars().all(char::is_alphabetic)
                && (!pw.ends_with('s') || pw.ends_with("ous") || pw.ends_with("ss"));
            if !adjective {
                return false;
            }
        }
        false
    }

    fn attribute(&self, article: usize, marked: &[Marked]) -> Vec<Quotation> {
        struct Found {
            pieces: Vec<Span>,
            outer: Span,
            who: Option<Who>,
            /// The quotation goes on in the next one ("“A,” she said. “B.”").
            joins_next: bool,
            /// The next quotation is in the same sentence, with no attribution between.
            same_sentence: bool,
        }
        let mut found: Vec<Found> = Vec::with_capacity(marked.len());
        for (i, m) in marked.iter().enumerate() {
            let first = self.tok_at(m.outer.start);
            let after = self.tok_at(m.outer.end);
            let (after_who, end, into_quote) = self.after_attribution(after);
            let next_first = marked.get(i + 1).map(|n| self.tok_at(n.outer.start));
            let mut joins_next = false;
            let mut same_sentence = false;
            if let Some(nf) = next_first {
                let same_para = nf < self.toks.len()
                    && after < self.toks.len()
                    && self.para[nf] == self.para[after.min(self.toks.len() - 1)];
                if after_who.is_some() && m.comma && same_para {
                    // After the attribution only its closing punctuation, then the next part.
                    joins_next = (end..nf).all(|t| matches!(self.punct(t), Some("." | "," | ":")));
                }
                same_sentence = after_who.is_none() && into_quote && end == nf;
            }
            let who = after_who.or_else(|| self.before_attribution(first));
            found.push(Found {
                pieces: m.pieces.clone(),
                outer: m.outer,
                who,
                joins_next,
                same_sentence,
            });
        }
        // A quotation with no attribution shares the one of the next quotation of its sentence.
        for i in (0..found.len().saturating_sub(1)).rev() {
            if found[i].who.is_none() && found[i].same_sentence {
                found[i].who = found[i + 1].who;
            }
        }
        // Join the parts of quotations split by their attribution.
        let mut joined: Vec<Found> = Vec::with_capacity(found.len());
        let mut pending_join = false;
        for f in found {
            if pending_join && let Some(prev) = joined.last_mut() {
                prev.pieces.extend(f.pieces);
                prev.outer = Span::new(prev.outer.start, f.outer.end);
                prev.joins_next = f.joins_next;
                pending_join = f.joins_next;
                continue;
            }
            pending_join = f.joins_next;
            joined.push(f);
        }
        // Resolve in text order, so a pronoun finds the speakers before it.
        let mut said: Vec<Said> = Vec::new();
        let mut learned: Vec<(usize, Gender)> = Vec::new();
        let mut out: Vec<Quotation> = Vec::with_capacity(joined.len());
        for f in &joined {
            let first = self.tok_at(f.outer.start);
            let mut speaker = match f.who {
                Some(Who::Actor(a)) => Some(self.actor_speaker(a)),
                Some(Who::Role(t)) => Some(self.resolve_role(t)),
                Some(Who::Pronoun(t)) => self.resolve_pronoun(t, &said, &mut learned),
                Some(Who::Name(span)) => Some(Speaker {
                    name: span.slice(self.text).to_string(),
                    actor: None,
                    role: None,
                }),
                Some(Who::Group(t)) => {
                    let name = self.lower(t).unwrap_or_default();
                    Some(Speaker {
                        role: Some(singular(&name).to_string()),
                        name,
                        actor: None,
                    })
                }
                None => None,
            };
            if speaker.is_none()
                && let Some(prev) = out.last()
            {
                // A paragraph that is only a quotation goes on with the last speaker when the
                // quotation before it ended in this or the previous paragraph.
                let prev_para = self.para[self.tok_at(prev.span.end).saturating_sub(1)];
                let opens_para = first == 0 || self.para[first - 1] != self.para[first];
                if opens_para && self.para[first] <= prev_para + 1 {
                    speaker = prev.speaker.clone();
                }
            }
            if let Some(s) = &speaker {
                said.push(Said {
                    at: first,
                    gender: match (s.actor, &s.role) {
                        (Some(a), _) => self.gender_of(a, &learned),
                        (None, Some(r)) => role_gender(r),
                        _ => None,
                    },
                    person: s.actor.is_some_and(|a| self.is_person(a)),
                    speaker: s.clone(),
                });
            }
            let span = Span::new(
                f.pieces.first().map_or(f.outer.start, |p| p.start),
                f.pieces.last().map_or(f.outer.end, |p| p.end),
            );
            out.push(Quotation {
                article,
                span,
                pieces: f.pieces.clone(),
                speaker,
            });
        }
        out
    }

    /// The person (or speaker) a pronoun at token `t` refers to: the latest one before it of
    /// a compatible gender ("they" only a role or an organisation).
    fn resolve_pronoun(
        &self,
        t: usize,
        said: &[Said],
        learned: &mut Vec<(usize, Gender)>,
    ) -> Option<Speaker> {
        let w = self.lower(t)?;
        let want = match w.as_str() {
            "he" | "him" => Some(Gender::Male),
            "she" | "her" => Some(Gender::Female),
            _ => None,
        };
        let byte = self.toks[t].start;
        // People named before the pronoun, latest first.
        let named = self.mentions[..self.mentions.partition_point(|(s, _)| s.start < byte)]
            .iter()
            .rev()
            .filter(|(_, a)| self.is_person(*a))
            .map(|(s, a)| (self.tok_at(s.start), *a));
        let fits = |g: Option<Gender>| want.is_none() || g.is_none() || g == want;
        let person = named
            .filter(|&(_, a)| fits(self.gender_of(a, learned)))
            .map(|(at, a)| (at, self.actor_speaker(a), true))
            .next()
            .filter(|_| want.is_some());
        let spoke = said
            .iter()
            .rev()
            .filter(|s| s.at < t && fits(s.gender) && (want.is_some() || !s.person))
            .map(|s| (s.at, s.speaker.clone(), s.person))
            .next();
        let best = match (person, spoke) {
            (Some(p), Some(s)) => Some(if s.0 > p.0 { s } else { p }),
            (p, s) => p.or(s),
        };
        let (_, speaker, _) = best?;
        if let (Some(a), Some(g)) = (speaker.actor, want)
            && self.gender_of(a, learned).is_none()
        {
            learned.push((a, g));
        }
        Some(speaker)
    }
}
