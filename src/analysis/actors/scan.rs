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

use super::ActorKind;
use super::judge::{judge, long_org, promote_numbered_lists};
use super::lexicon as lx;
use super::units::{Scanner, Unit};
use crate::analysis::Span;
use crate::text::{Token, TokenKind};
use rustc_hash::FxHashSet;
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
    /// A country after the name, as a person's origin: "X of Ghana", "X (Sweden)".
    Origin,
    /// No cue: a candidate only.
    None,
}

impl Cue {
    /// Whether the cue is only the name's shape or a verb near it, which a Title Case headline
    /// (where every word is capitalised) does not support.
    pub fn is_weak(self) -> bool {
        matches!(
            self,
            Cue::GivenName | Cue::Surname | Cue::Speech | Cue::List | Cue::Initial | Cue::Particle
        )
    }

    /// Whether the cue says "a person" whatever else the text says of the name: a title, an
    /// honorific, an appositive, an age, "who", a kin word, a byline, an origin, a restatement,
    /// a middle initial or a particle. A role word, a verb, a list or a name's shape can stand
    /// before or beside a company or a group too ("experts suspect X", "X posted a video").
    pub fn is_firm(self) -> bool {
        !matches!(
            self,
            Cue::Role | Cue::GivenName | Cue::Surname | Cue::Speech | Cue::List | Cue::None
        )
    }
}

/// An organisation or a place named in one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityHit {
    /// The name as written.
    pub span: Span,
    /// [`ActorKind::Organization`] or [`ActorKind::Place`].
    pub kind: ActorKind,
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

/// How strongly the words around a name say it names an organisation, not a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrgCue {
    /// A thing it makes or a group it has: "X smartphones", "the X S9", "X militants".
    Weak,
    /// What only a company has: "X (NYSE: XX)", "shares of X", "X's chief executive".
    Strong,
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
    /// What the words around this mention say of an organisation, if anything: the assembly
    /// turns a person found with no sure cue into an organisation on such evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<OrgCue>,
}

/// The names of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    /// Names with a sure cue, in text order.
    pub sure: Vec<NameHit>,
    /// Name-like runs without a cue, in text order.
    pub candidates: Vec<NameHit>,
    /// Organisations and places, in text order.
    #[serde(default)]
    pub entities: Vec<EntityHit>,
}

/// A name found by `judge`, before the list pass sorts them into sure names and candidates.
pub(super) struct Placed {
    pub(super) hit: NameHit,
    /// First and last token of the name.
    pub(super) first: usize,
    pub(super) last: usize,
    /// A name-shaped candidate (two words or more, nothing against it) that a list of people
    /// can promote.
    pub(super) listable: bool,
}

/// Finds the names of one article. `tokens` are those of `text`.
pub fn scan(text: &str, tokens: &[Token]) -> Names {
    let sc = Scanner::new(text, tokens);
    let mut placed: Vec<Placed> = Vec::new();
    let mut entities: Vec<EntityHit> = Vec::new();
    let mut units: Vec<Unit> = Vec::with_capacity(12);
    let mut headlines = Headlines::default();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let b = text.as_bytes()[t.start];
        // Fast path: lower-case ASCII words and punctuation never start a name, except particles
        // (the run would ask `is_particle` of such a word and find nothing else).
        if t.kind != TokenKind::Word || (b.is_ascii_lowercase() && !lx::is_particle(t.as_str(text)))
        {
            i += 1;
            continue;
        }
        sc.run(i, &mut units);
        if units.is_empty() {
            i += 1;
            continue;
        }
        if let Some((hit, next)) = long_org(&sc, &units) {
            entities.push(hit);
            i = next;
            continue;
        }
        let next = units[units.len() - 1].last + 1;
        let headline = headlines.at(&sc, i);
        judge(&sc, &units, headline, &mut placed, &mut entities);
        i = next.max(i + 1);
    }
    promote_lists(&sc, &mut placed);
    promote_numbered_lists(&sc, &mut placed);
    // Sort into the two lists; an alias's `same_as` follows its name to its new index.
    let mut names = Names {
        entities,
        ..Names::default()
    };
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

/// Which lines are Title Case headlines ("Rocket Maker Unveils Plans For Mars"), where a capital
/// says nothing about a name. Each line is looked at once, when the scan first reaches it.
#[derive(Default)]
struct Headlines {
    /// The current line's last token, and whether it is a headline.
    line: Option<(usize, bool)>,
}

impl Headlines {
    fn at(&mut self, sc: &Scanner<'_>, t: usize) -> bool {
        if let Some((end, headline)) = self.line
            && t <= end
        {
            return headline;
        }
        let mut end = t;
        while sc.same_line(end) {
            end += 1;
        }
        // A line that ends a sentence is no headline: most lines of prose, which need no
        // counting of their words then.
        if matches!(sc.s(end), "." | "!" | "?" | "”" | "\"") {
            self.line = Some((end, false));
            return false;
        }
        let mut start = t;
        while !sc.line_break_before(start) {
            start -= 1;
        }
        let (mut content, mut capital) = (0, 0);
        for i in start..=end {
            if let Some(w) = sc.word(i)
                && w.chars().nth(3).is_some()
            {
                content += 1;
                if w.starts_with(char::is_uppercase) {
                    capital += 1;
                }
            }
        }
        // A results row ("1. X Y (Sweden) 28:41", "12 - X Y (Lorca)") is a table's line, not a
        // headline: it opens with a rank, or holds a bracket and a number.
        let row = sc.toks[start].kind == TokenKind::Number
            || ((start..=end).any(|i| sc.punct(i, "("))
                && (start..=end).any(|i| sc.toks[i].kind == TokenKind::Number));
        let headline = content >= 3 && capital * 10 >= content * 8 && !row;
        self.line = Some((end, headline));
        headline
    }
}

/// A candidate next to a person in a list ("Joe Biden, Barack Obama and Bill Clinton") is a
/// person too. Sweeps forward and back until nothing changes, so that a chain is taken whichever
/// end its cue is at; the sure names' first and last tokens are kept in sets, so each sweep is
/// linear.
fn promote_lists(sc: &Scanner<'_>, placed: &mut [Placed]) {
    let joiner = |i: usize| sc.punct(i, ",") || sc.lower_word(i).is_some_and(|w| w == "and");
    let counts = |p: &Placed| p.hit.cue != Cue::None && p.hit.cue != Cue::Alias;
    let mut starts: FxHashSet<usize> = placed
        .iter()
        .filter(|p| counts(p))
        .map(|p| p.first)
        .collect();
    let mut ends: FxHashSet<usize> = placed
        .iter()
        .filter(|p| counts(p))
        .map(|p| p.last)
        .collect();
    loop {
        let mut changed = false;
        let order: Vec<usize> = (0..placed.len()).chain((0..placed.len()).rev()).collect();
        for n in order {
            if placed[n].hit.cue != Cue::None || !placed[n].listable {
                continue;
            }
            let (first, last) = (placed[n].first, placed[n].last);
            let left = first >= 2
                && joiner(first - 1)
                && (ends.contains(&(first - 2))
                    || (first >= 3 && joiner(first - 2) && ends.contains(&(first - 3))));
            // "… A and B, C said": a name after "and" closes a list; the name after its comma
            // is not in it.
            let closes_list = first >= 1 && sc.word(first - 1) == Some("and");
            let right = joiner(last + 1)
                && !(closes_list && sc.punct(last + 1, ","))
                && (starts.contains(&(last + 2))
                    || (joiner(last + 2) && starts.contains(&(last + 3))));
            if left || right {
                placed[n].hit.cue = Cue::List;
                starts.insert(first);
                ends.insert(last);
                changed = true;
            }
        }
        if !changed {
            break;
        }
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
