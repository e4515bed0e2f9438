//! Deciding what a capitalised run holds: an organisation or a place, a person with the cue that
//! makes it one, a candidate (a name-like run with no cue), or nothing. Each step is its own
//! function: [`trim`] sets aside the words that only open a sentence, [`entity`] asks the
//! gazetteers and the nouns around the run, [`peel`] cuts the name out of the run, [`person_cue`]
//! looks for the cue, and [`place`] records the result.

use super::ActorKind;
use super::lexicon::{self as lx, Known};
use super::scan::{Cue, EntityHit, Gender, NameHit, Placed};
use super::units::{Kind, Scanner, Unit};
use crate::analysis::Span;

/// Compass words that open a region's name.
const COMPASS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "upper",
    "lower",
];

/// Words of land or water that close a region's name after a compass word.
const REGION_TAILS: &[&str] = &[
    "bank",
    "coast",
    "shore",
    "side",
    "end",
    "strip",
    "valley",
    "highlands",
    "lowlands",
    "plains",
    "hills",
    "islands",
    "territories",
    "riviera",
];

/// Last words that make a run a named event ("World Cup", "Harvest Festival", "Grand Prix"):
/// neither an organisation, a person nor a place, so the run is left out.
const EVENT_TAILS: &[&str] = &[
    "cup",
    "bowl",
    "festival",
    "fest",
    "games",
    "olympics",
    "paralympics",
    "championship",
    "championships",
    "prix",
    "marathon",
    "awards",
    "tournament",
    "carnival",
    "parade",
    "expo",
    "regatta",
    "jubilee",
    "open",
    "classic",
    "trophy",
    "slam",
    "derby",
    "series",
    "invitational",
    "summit",
];

/// Words of the organisation list (`org-words.txt`) that make a run ending in them a place, not an
/// organisation: land, water and streets ("Hudson River", "Kestrel Bay", "Plaza Square",
/// "Gulf of …").
const PLACE_TAILS: &[&str] = &[
    "avenue",
    "bay",
    "beach",
    "boulevard",
    "bridge",
    "canal",
    "coast",
    "county",
    "cove",
    "creek",
    "crescent",
    "desert",
    "district",
    "falls",
    "forest",
    "gulf",
    "harbour",
    "harbor",
    "heights",
    "highway",
    "hill",
    "island",
    "islands",
    "lake",
    "lane",
    "mountain",
    "mountains",
    "ocean",
    "park",
    "peak",
    "peninsula",
    "plaza",
    "province",
    "region",
    "ridge",
    "river",
    "road",
    "sea",
    "springs",
    "square",
    "street",
    "valley",
    "village",
];

/// The kind a run ending in the organisation word `last` names: a place for [`PLACE_TAILS`].
fn org_or_place(sc: &Scanner<'_>, last: &Unit) -> ActorKind {
    if lx::lower_in(&sc.text[last.start..last.end], PLACE_TAILS) {
        ActorKind::Place
    } else {
        ActorKind::Organization
    }
}

/// Heavenly bodies, named like people or companies but neither: the run is left out.
const SKY: &[&str] = &[
    "milky way",
    "galaxy",
    "andromeda",
    "jupiter",
    "saturn",
    "neptune",
    "uranus",
    "pluto",
    "venus",
    "mars",
    "alpha centauri",
    "proxima centauri",
];

/// First words of a weather event's name ("Hurricane X"): the run is an event.
const STORM_HEADS: &[&str] = &["hurricane", "typhoon", "cyclone", "storm"];

/// Last words of a war's name ("World War II", "Civil War"), suffix or not.
const WAR_TAILS: &[&str] = &["war", "wars"];

/// First words of a stage race's name before a particle ("Tour de …", "Giro d'…"): the run is an
/// event, not a person with a particle in the name.
const EVENT_HEADS: &[&str] = &["tour", "giro", "vuelta", "volta", "ronde"];

/// Lower-case nouns after a hyphenated pair of places that make it a route between them
/// ("the Lisbon-Porto flight"), not one place.
const ROUTE_NOUNS: &[&str] = &[
    "flight",
    "flights",
    "route",
    "routes",
    "line",
    "highway",
    "motorway",
    "road",
    "railway",
    "rail",
    "train",
    "trains",
    "corridor",
    "pipeline",
    "border",
    "ferry",
    "bus",
    "service",
    "link",
    "expressway",
    "freeway",
    "connection",
];

/// Function words that may stand inside an organisation's name after its head word ("Bank of
/// …", "Front for the … of …"). Not "on": "the Times on Saturday".
const ORG_CONNECTORS: &[&str] = &["of", "for"];

/// Head words that make "X of <place>" a country's or region's name ("State of …", "Republic
/// of …"), not an organisation's.
const PLACE_HEADS: &[&str] = &[
    "state",
    "states",
    "republic",
    "kingdom",
    "commonwealth",
    "principality",
    "emirate",
    "province",
    "county",
    "city",
    "district",
    "region",
    "territory",
    "isle",
    "islands",
];

/// A run with its opening words and its closing suffixes ("Jr.", "III") set aside.
struct Trimmed<'u> {
    /// The words that may hold a name.
    units: &'u [Unit],
    /// The run's last unit, suffix included.
    closing: Unit,
    /// How many suffixes close the run.
    suffixes: usize,
    /// The run opened with a role word set aside as the sentence's opener ("Goalkeeper X Y
    /// saved"): a cue for the name after it.
    role_opener: bool,
}

/// The name cut out of a run, and the words before it (titles, places, organisations).
struct Peeled<'u> {
    name: &'u [Unit],
    prefix: &'u [Unit],
    /// How many units of the run were peeled off before the name as first found (before
    /// re-anchoring on a given name).
    k: usize,
    /// The name's first word is a city's name taken as a given name ("Sydney Marlowe said").
    place_given: bool,
}

/// What a run's name is taken for.
struct Judged {
    cue: Cue,
    gender: Option<Gender>,
    /// Nothing but places or organisation-like surnames ("Washington", "Park").
    placeish: bool,
    /// Ends in an organisation word that is also a surname, with no direct cue.
    org_tail: bool,
    /// The cue is only a nationality adjective before the name ("Algerian X Y"), which a Title
    /// Case headline does not support.
    by_nationality: bool,
}

/// Decides what a run holds and records it in `placed` (people and candidates) or `entities`.
/// `headline` says the run sits on a Title Case line, where capitals prove nothing.
pub(super) fn judge(
    sc: &Scanner<'_>,
    units: &[Unit],
    headline: bool,
    placed: &mut Vec<Placed>,
    entities: &mut Vec<EntityHit>,
) {
    let Some(run) = trim(sc, units) else { return };
    if sc.is_credit(run.units[0].first, run.closing.last) {
        return;
    }
    if is_event(sc, &run) {
        return;
    }
    let whole = &sc.text[run.units[0].start..run.units[run.units.len() - 1].end];
    if whole.len() <= 16 && SKY.iter().any(|w| w.eq_ignore_ascii_case(whole)) {
        return;
    }
    if let Some(sides) = route(sc, &run) {
        entities.extend(sides);
        return;
    }
    if let Some(hit) = entity(sc, &run) {
        entities.push(hit);
        return;
    }
    if rejected_alone(&run) {
        return;
    }
    let Some(peeled) = peel(sc, &run) else { return };
    // "Known as Dr Doom", "nicknamed Ace": a one-word nickname, not a person of its own.
    if mains(peeled.name) == 1 && sc.nickname_before(run.units[0].first) {
        return;
    }
    let mut judged = person_cue(sc, &run, &peeled);
    // "The feeder ship Ana Holm": the name of a thing, unless a title or honorific says
    // otherwise.
    if sc.thing_before(run.units[0].first) && !matches!(judged.cue, Cue::Title | Cue::Honorific) {
        return;
    }
    if headline && (judged.cue.is_weak() || judged.by_nationality) {
        judged.cue = Cue::None;
    }
    if judged.org_tail && peeled.name.len() >= 2 && peeled.name[0].class & lx::GIVEN == 0 {
        let kind = org_or_place(sc, &run.units[run.units.len() - 1]);
        let start = match kind {
            ActorKind::Organization => and_joined_start(sc, run.units[0]),
            _ => None,
        };
        entities.push(EntityHit {
            span: Span::new(start.unwrap_or(run.units[0].start), run.closing.end),
            kind,
        });
        return;
    }
    // "X Y & Partners", "X & Y", "X Y and Z performed": a firm's or a band's name, not a
    // person's. A list of people names each in full; one plain word after "and" closes a name.
    let after = run.closing.last + 1;
    let single_after_and = sc.word(after) == Some("and")
        && mains(peeled.name) >= 2
        && sc.same_line(after)
        && sc.word(after + 1).is_some_and(|w| {
            w.starts_with(char::is_uppercase)
                && lx::classify(w) & (lx::GIVEN | lx::SURNAME | lx::NOT_NAME) == 0
        })
        && sc.same_line(after + 1)
        && sc.lower_word(after + 2).is_some();
    if sc.same_line(run.closing.last)
        && ((sc.punct(after, "&")
            && sc
                .word(after + 1)
                .is_some_and(|w| w.starts_with(char::is_uppercase)))
            || single_after_and)
        && !matches!(judged.cue, Cue::Title | Cue::Honorific)
    {
        return;
    }
    place(sc, &run, &peeled, &judged, placed);
}

/// Whether the run names an event by its last word ("Super Bowl", "Harvest Festival").
fn is_event(sc: &Scanner<'_>, run: &Trimmed<'_>) -> bool {
    if let [head, next, ..] = run.units
        && next.kind == Kind::Particle
        && lx::lower_in(&sc.text[head.start..head.end], EVENT_HEADS)
    {
        return true;
    }
    if let [head, _, ..] = run.units
        && head.kind == Kind::Word
        && STORM_HEADS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(&sc.text[head.start..head.end]))
    {
        return true;
    }
    let last = &run.units[run.units.len() - 1];
    if last.kind != Kind::Word || last.plural_possessive {
        return false;
    }
    // Asked of every run: compared in place, without lowercasing into a new string.
    let w = &sc.text[last.start..last.end];
    if run.units.len() >= 2 && lx::lower_in(w, WAR_TAILS) {
        return true;
    }
    run.suffixes == 0 && lx::lower_in(w, EVENT_TAILS)
}

/// A hyphenated pair of places used as a route ("the New York-Boston flight"): each side is a
/// place of its own. The pair is split at the hyphen inside one of the run's compounds when a
/// route noun follows the run, or when both sides are known places; a place whose own name has a
/// hyphen ("Guinea-Bissau") stays whole.
fn route(sc: &Scanner<'_>, run: &Trimmed<'_>) -> Option<[EntityHit; 2]> {
    let units = run.units;
    if run.suffixes > 0
        || units
            .iter()
            .any(|u| u.class & (lx::TITLE | lx::HONORIFIC) != 0)
    {
        return None;
    }
    let (at, unit) = units
        .iter()
        .enumerate()
        .find(|(_, u)| u.kind == Kind::Word && u.last == u.first + 2)?;
    let left_word = sc.s(unit.first);
    let right_word = sc.s(unit.first + 2);
    if !left_word.starts_with(char::is_uppercase) || !right_word.starts_with(char::is_uppercase) {
        return None;
    }
    let start = units[0].start;
    let end = units[units.len() - 1].end;
    let left = Span::new(start, sc.toks[unit.first].end);
    let right = Span::new(sc.toks[unit.first + 2].start, end);
    if units[at + 1..].iter().any(|u| u.kind != Kind::Word) || left.is_empty() || right.is_empty() {
        return None;
    }
    if lx::known_phrase(&sc.text[start..end]).is_some() {
        return None;
    }
    let placeish = |span: Span| {
        let t = span.slice(sc.text);
        lx::known_phrase(t) == Some(Known::Place)
            || (!t.contains(' ') && lx::classify(t) & lx::PLACE != 0)
    };
    let closing = run.closing.last;
    let noun = sc.same_line(closing)
        && sc
            .lower_word(closing + 1)
            .is_some_and(|w| ROUTE_NOUNS.contains(&w));
    if !(noun || (placeish(left) && placeish(right))) {
        return None;
    }
    let place = |span| EntityHit {
        span,
        kind: ActorKind::Place,
    };
    Some([place(left), place(right)])
}

/// An organisation whose name goes on through function words after its head word: "Bank of
/// Tarvania", "Alliance for the Restoration of Velmoria". `units` is a run whose last word is an
/// organisation word; the name takes each following "of"/"for" (with "the") and the
/// capitalised run after it, and stops before a run that holds a title or a person's given name
/// ("Bank of Tarvania Governor …"). Returns the organisation and the token after it.
pub(super) fn long_org(sc: &Scanner<'_>, units: &[Unit]) -> Option<(EntityHit, usize)> {
    let lead = leading_function_words(units);
    let head = &units[lead..];
    let last = head.last()?;
    if last.kind != Kind::Word
        || last.possessive
        || last.plural_possessive
        || last.class & lx::ORG == 0
        || last.class & lx::ORG_SURNAME != 0
        || head
            .iter()
            .any(|u| u.class & (lx::TITLE | lx::HONORIFIC) != 0)
        || lx::lower_in(&sc.text[last.start..last.end], EVENT_TAILS)
    {
        return None;
    }
    // Inside a longer phrase already ("Secretary of State for …"): the title's, not an
    // organisation's.
    let t0 = head[0].first;
    if t0 > 0
        && sc
            .lower_word(t0 - 1)
            .is_some_and(|w| ORG_CONNECTORS.contains(&w))
    {
        return None;
    }
    if head.len() == 1 && lx::lower_in(&sc.text[last.start..last.end], PLACE_HEADS) {
        return None;
    }
    let mut next = last.last + 1;
    let mut end = last.end;
    let mut tail: Vec<Unit> = Vec::with_capacity(8);
    for _ in 0..4 {
        let Some(w) = sc.lower_word(next) else { break };
        if !ORG_CONNECTORS.contains(&w) || !sc.same_line(next - 1) || !sc.same_line(next) {
            break;
        }
        let mut j = next + 1;
        if sc.lower_word(j) == Some("the") {
            if !sc.same_line(j) {
                break;
            }
            j += 1;
        }
        sc.run(j, &mut tail);
        // The name stops before a title, a person's given name or a date inside the run.
        let stop = tail.iter().enumerate().position(|(k, u)| {
            u.class & (lx::TITLE | lx::HONORIFIC | lx::SUFFIX | lx::MONTH | lx::WEEKDAY) != 0
                || (k + 1 < tail.len() && u.class & lx::GIVEN != 0 && u.class & lx::PLACE == 0)
        });
        let kept = &tail[..stop.unwrap_or(tail.len())];
        let Some(t_last) = kept.last() else { break };
        if kept[0].kind != Kind::Word || t_last.kind != Kind::Word {
            break;
        }
        end = t_last.end;
        next = t_last.last + 1;
        if t_last.possessive || stop.is_some() {
            break;
        }
    }
    if end == last.end {
        return None;
    }
    let hit = EntityHit {
        span: Span::new(and_joined_start(sc, head[0]).unwrap_or(head[0].start), end),
        kind: org_or_place(sc, last),
    };
    Some((hit, next))
}

/// The start of an organisation's name that goes on before "and" ("Securities and Exchange
/// Commission", "Fisheries and Oceans Agency"): the one common noun right before "and" (or "&")
/// when `first` opens the run after it. Never a name of its own: two organisations, people or
/// places joined by "and" ("Velcor and Tarvania Motors", "Ana Lind and Trade Commission") stay
/// apart.
fn and_joined_start(sc: &Scanner<'_>, first: Unit) -> Option<usize> {
    let t = first.first;
    if t < 2 || !sc.same_line(t - 1) || !sc.same_line(t - 2) {
        return None;
    }
    if !(sc.word(t - 1) == Some("and") || sc.punct(t - 1, "&")) {
        return None;
    }
    // Two names joined ("SpaceX and Tesla Motors", "Space Center and Cape X Station") are two
    // organisations: the words on both sides of "and" must be plain words, no organisation,
    // given name, surname or place, nor a brand's inner capital.
    let blocked =
        lx::GIVEN | lx::SURNAME | lx::PLACE | lx::NOT_NAME | lx::ORG | lx::ORG_NAME | lx::MONTH;
    // The word after "and" may be an organisation word itself ("… and Exchange Commission").
    if first.class & blocked & !lx::ORG != 0 {
        return None;
    }
    // One common noun before "and" ("Securities and …", "Fisheries and …"): a plural, or a word
    // the text writes in lower case too; a name there ("Velcor and …") is a name of its own.
    let i = t - 2;
    let w = sc.word(i)?;
    let boundary = i == 0
        || !sc.same_line(i - 1)
        || sc.sentence_start(i)
        || sc
            .word(i - 1)
            .is_none_or(|p| p.starts_with(char::is_lowercase) || lx::classify(p) & lx::STOP != 0);
    let common = (w.len() > 4 && w.ends_with('s') && !w.ends_with("ss")) || sc.seen_lower(w);
    (w.starts_with(char::is_uppercase)
        && lx::classify(w) & blocked == 0
        && !w.chars().skip(1).any(|c| c.is_uppercase())
        && boundary
        && common)
        .then(|| sc.toks[i].start)
}

/// How many function words open a run ("On", "The"); a title or honorific is never one.
fn leading_function_words(units: &[Unit]) -> usize {
    units
        .iter()
        .take_while(|u| {
            u.kind == Kind::Word
                && u.class & lx::STOP != 0
                && u.class & (lx::TITLE | lx::HONORIFIC) == 0
        })
        .count()
}

/// Sets aside the function words that open a run ("On Rua Conde de Vilar"), a word that only
/// opens the sentence ("Overjoyed", "Current"), and the suffixes that close it.
fn trim<'u>(sc: &Scanner<'_>, units: &'u [Unit]) -> Option<Trimmed<'u>> {
    let lead = leading_function_words(units);
    let mut units = &units[lead..];
    let mut role_opener = false;
    if units.len() >= 2 && (lead > 0 || sc.sentence_start(units[0].first)) && opener(sc, &units[0])
    {
        // Only a sentence's own opening word ("Goalkeeper X Y saved"), not a quoted title's
        // ("'Star X Y' trailer").
        let t = units[0].first;
        role_opener = units[0].class & lx::ROLE != 0
            && (sc.line_break_before(t) || matches!(sc.s(t - 1), "." | "!" | "?"));
        units = &units[1..];
    }
    let suffixes = units
        .iter()
        .rev()
        .take_while(|u| u.kind == Kind::Word && u.class & lx::SUFFIX != 0)
        .count();
    if suffixes == units.len() {
        return None;
    }
    let closing = units[units.len() - 1];
    Some(Trimmed {
        units: &units[..units.len() - suffixes],
        closing,
        suffixes,
        role_opener,
    })
}

/// Whether a capitalised word that opens a sentence is only a word, not a name: a word the text
/// writes in lower case elsewhere, or one shaped like a participle or an adverb ("Disgraced",
/// "Tranquilizing", "Early"), unless it is a known given name.
fn opener(sc: &Scanner<'_>, u: &Unit) -> bool {
    if u.kind != Kind::Word || u.all_caps || u.possessive || u.class & lx::PARTICLE != 0 {
        return false;
    }
    // "Actress Ana Lind": a role word (not a title), capitalised only because it opens the
    // sentence.
    if u.class & lx::ROLE != 0 && u.class & (lx::GIVEN | lx::TITLE | lx::HONORIFIC) == 0 {
        return true;
    }
    // "Singers Ana Lind and …": a plural role word.
    if u.class & (lx::GIVEN | lx::TITLE | lx::HONORIFIC | lx::SURNAME) == 0
        && sc.text[u.start..u.end]
            .strip_suffix('s')
            .is_some_and(|w| lx::classify(w) & lx::ROLE != 0)
    {
        return true;
    }
    if u.class & (lx::GIVEN | lx::TITLE | lx::HONORIFIC | lx::NATIONALITY | lx::PLACE) != 0 {
        return false;
    }
    let w = &sc.text[u.start..u.end];
    if w.contains(['-', '‐', '‑']) {
        return false;
    }
    let shaped = w.len() > 5 && (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly"));
    shaped || sc.seen_lower(w)
}

/// One-word runs that are never a person on their own: "The", "However", "Portugal", "March".
fn rejected_alone(run: &Trimmed<'_>) -> bool {
    let u = &run.units[0];
    run.units.len() == 1
        && run.suffixes == 0
        && (u.class & (lx::NOT_NAME | lx::PLACE | lx::MONTH | lx::ORG_NAME) != 0
            || u.kind != Kind::Word)
}

/// An organisation or a place: a name the gazetteers know, a run ending in an organisation word
/// ("Ferreira Holdings", "Delta Air Lines"), a place-name opener ("Port Veyra"), or a run after a
/// noun that says what it is ("the rocket company X", "the village of X").
fn entity(sc: &Scanner<'_>, run: &Trimmed<'_>) -> Option<EntityHit> {
    let units = run.units;
    let n = units.len();
    let last = &units[n - 1];
    let span_from = |j: usize| Span::new(units[j].start, last.end);
    let hit = |span: Span, kind: ActorKind| Some(EntityHit { span, kind });
    if run.suffixes > 0 || units.iter().any(|u| u.class & lx::HONORIFIC != 0) {
        return None;
    }
    // A known name, whole or after opening adjectives ("Northern Ireland" whole, "Nigerian
    // Lagos" from its second word), never after a title ("President Jordan").
    for j in 0..n.min(3) {
        if j > 0 && units[j - 1].class & (lx::NATIONALITY | lx::STOP | lx::PLACE) == 0 {
            break;
        }
        if units[j..].iter().any(|u| u.kind != Kind::Word) {
            continue;
        }
        let span = span_from(j);
        match lx::known_phrase(span.slice(sc.text)) {
            Some(Known::Place) => return hit(span, ActorKind::Place),
            Some(Known::Organization) => return hit(span, ActorKind::Organization),
            None => {}
        }
    }
    // "East Bank", "North Shore": a compass word before a word of land or water names a region
    // (the organisation word "Bank" included).
    if n == 2 && units[0].class & lx::STOP == 0 {
        let first = &sc.text[units[0].start..units[0].end];
        let second = &sc.text[last.start..last.end];
        if lx::lower_in(first, COMPASS) && lx::lower_in(second, REGION_TAILS) {
            return hit(span_from(0), ActorKind::Place);
        }
        // "Czech Republic", "Tarvanian Kingdom": a country's adjective before a state's head.
        if units[0].class & (lx::NATIONALITY | lx::PLACE) != 0
            && lx::lower_in(second, super::cues::STATE_HEADS)
        {
            return hit(span_from(0), ActorKind::Place);
        }
    }
    if sc.place_after(run.closing.last) {
        return hit(span_from(0), ActorKind::Place);
    }
    if last.kind == Kind::Word && last.class & lx::ORG_NAME != 0 && last.class & lx::GIVEN == 0 {
        return hit(Span::new(last.start, last.end), ActorKind::Organization);
    }
    let titled = units.iter().any(|u| u.class & lx::TITLE != 0);
    // An organisation word alone ("Union", "State") is a common noun with a capital.
    if n >= 2
        && last.kind == Kind::Word
        && !last.plural_possessive
        && last.class & lx::ORG != 0
        && last.class & lx::ORG_SURNAME == 0
        && !titled
    {
        let kind = org_or_place(sc, last);
        let start = match kind {
            ActorKind::Organization => and_joined_start(sc, units[0]),
            _ => None,
        };
        return hit(Span::new(start.unwrap_or(units[0].start), last.end), kind);
    }
    // "Port Veyra", "Santa Rosa"; not "North African" (an adjective) or "New Year" (a date).
    if units[0].class & lx::PLACE_PREFIX != 0
        && !titled
        && n >= 2
        && last.class & (lx::NATIONALITY | lx::MONTH | lx::WEEKDAY) == 0
        && !lx::lower_in(
            &sc.text[last.start..last.end],
            &["year", "years", "eve", "age", "deal"],
        )
    {
        return hit(span_from(0), ActorKind::Place);
    }
    if !titled && let Some(kind) = sc.entity_noun_before(units[0].first) {
        return hit(span_from(0), kind);
    }
    None
}

/// Cuts the name out of the run: the longest tail of units that may be part of a name. A title
/// word after a given name is a surname ("Stephen King", "Anna Bishop").
fn peel<'u>(sc: &Scanner<'_>, run: &Trimmed<'u>) -> Option<Peeled<'u>> {
    let units = run.units;
    let n = units.len();
    let last = &units[n - 1];
    if last.plural_possessive {
        return None;
    }
    let surname_title = n >= 2
        && last.kind == Kind::Word
        && last.class & lx::TITLE != 0
        && last.class & lx::HONORIFIC == 0
        && units[n - 2].class & lx::GIVEN != 0;
    let mut k = n;
    while k > 0 && (Scanner::nameable(&units[k - 1], k == n) || (k == n && surname_title)) {
        k -= 1;
    }
    // A run that ends in an organisation word, an all-caps word or a title holds no name.
    if k == n {
        return None;
    }
    let place_given = k == 1 && n == 2 && place_as_given(sc, run);
    if place_given {
        k = 0;
    }
    let mut name = &units[k..];
    if mains(name) == 0 {
        return None;
    }
    // Place runs: "Port Veyra", "Rua Conde de Vilar", unless a title follows the place.
    let title_in_prefix = units[..k].iter().any(|u| u.class & lx::TITLE != 0);
    if units[0].class & lx::PLACE_PREFIX != 0 && !title_in_prefix {
        return None;
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
        return None;
    }
    Some(Peeled {
        name,
        prefix: &units[..n - name.len()],
        k,
        place_given,
    })
}

/// Whether a two-word run opening with a city's name is a person's name: many cities are given
/// names too ("Sydney", "Brisbane"). It takes a surname-like second word (no place, organisation,
/// given name or word the text writes in lower case) and a person cue right after: a verb of
/// speech or an appositive ("Sydney Marlowe said", "Sydney Marlowe, 41,").
fn place_as_given(sc: &Scanner<'_>, run: &Trimmed<'_>) -> bool {
    let [first, second] = run.units else {
        return false;
    };
    let blocked = lx::NOT_NAME | lx::ORG | lx::ORG_NAME | lx::MONTH | lx::DEMONYM;
    let other = lx::PLACE | lx::GIVEN | lx::ORG_SURNAME | lx::ROLE | lx::KIN;
    if first.kind != Kind::Word
        || second.kind != Kind::Word
        || first.class & lx::PLACE == 0
        || first.class & blocked != 0
        || second.class & (blocked | other) != 0
        || first.all_caps
        || second.all_caps
        || first.possessive
        || run.suffixes > 0
        || sc.seen_lower(&sc.text[second.start..second.end])
    {
        return false;
    }
    // Not "the Sydney Harbour": an article or preposition before makes it a place's phrase.
    let t0 = first.first;
    if t0 > 0
        && sc.lower_word(t0 - 1).is_some_and(|w| {
            matches!(
                w,
                "the" | "in" | "from" | "to" | "at" | "of" | "near" | "outside" | "across" | "via"
            )
        })
    {
        return false;
    }
    let after = sc.cue_after(second.last, second.possessive);
    let said = sc
        .lower_word(second.last + 1)
        .is_some_and(|w| matches!(w, "said" | "says" | "told" | "added" | "asked"))
        && sc.same_line(second.last);
    said || matches!(after, Cue::Age | Cue::Who | Cue::Appositive)
}

/// How many real words (not initials or particles) a name has.
fn mains(units: &[Unit]) -> usize {
    units.iter().filter(|u| u.kind == Kind::Word).count()
}

/// What fills the unused places of [`person_cue`]'s stack buffer; never read.
static NO_UNIT: Unit = Unit {
    first: 0,
    last: 0,
    start: 0,
    end: 0,
    kind: Kind::Word,
    class: 0,
    all_caps: false,
    possessive: false,
    plural_possessive: false,
};

/// The cue that makes the name a person, if any.
fn person_cue(sc: &Scanner<'_>, run: &Trimmed<'_>, p: &Peeled<'_>) -> Judged {
    let units = run.units;
    let name = p.name;
    // Gathered on the stack for a name of up to twelve units (every run the scan makes): this
    // runs for every capitalised run of every article.
    let spilled: Vec<&Unit>;
    let mut gathered = [&NO_UNIT; 12];
    let main_words: &[&Unit] = if name.len() <= gathered.len() {
        let mut n = 0;
        for u in name.iter().filter(|u| u.kind == Kind::Word) {
            gathered[n] = u;
            n += 1;
        }
        &gathered[..n]
    } else {
        spilled = name.iter().filter(|u| u.kind == Kind::Word).collect();
        &spilled
    };
    let honorific = p
        .prefix
        .last()
        .filter(|u| u.class & lx::HONORIFIC != 0)
        .map(|u| u.class);
    // A title counts when only words of a title phrase stand between it and the name
    // ("German Chancellor X", "Harbour Commissioner X"), not a headline's verbs ("Chief Quits
    // After X").
    let title_in_prefix = p
        .prefix
        .iter()
        .rposition(|u| u.class & lx::TITLE != 0)
        .is_some_and(|t| {
            p.prefix[t + 1..].iter().all(|u| {
                u.class
                    & (lx::TITLE
                        | lx::HONORIFIC
                        | lx::NATIONALITY
                        | lx::PLACE
                        | lx::ORG
                        | lx::ORG_NAME
                        | lx::DEMONYM)
                    != 0
            })
        });
    let placeish = main_words
        .iter()
        .all(|u| u.class & (lx::PLACE | lx::ORG_SURNAME) != 0)
        && honorific.is_none()
        && !title_in_prefix;
    let t0 = units[0].first;
    let mut direct = direct_cue(sc, p, honorific, title_in_prefix, main_words.len(), t0);
    if direct == Cue::None
        && run.role_opener
        && p.prefix.is_empty()
        && main_words.len() >= 2
        && !main_words
            .iter()
            .any(|u| u.all_caps || sc.seen_lower(&sc.text[u.start..u.end]))
    {
        direct = Cue::Role;
    }
    let last = &units[units.len() - 1];
    let org_tail = last.class & lx::ORG_SURNAME != 0 && direct == Cue::None;
    let gender = honorific.and_then(|c| {
        if c & lx::HON_M != 0 {
            Some(Gender::Male)
        } else if c & lx::HON_F != 0 {
            Some(Gender::Female)
        } else {
            None
        }
    });
    let by_nationality = direct == Cue::None
        && nationality_before(p, main_words)
        && sc.clause_goes_on(run.closing.last)
        // "the German X Y": an article makes it an institution's name more often than a
        // person's.
        && !(t0 > 0 && sc.lower_word(t0 - 1).is_some_and(|w| matches!(w, "the" | "a" | "an")));
    let cue = if placeish || org_tail {
        Cue::None
    } else if direct != Cue::None {
        direct
    } else if by_nationality {
        Cue::Role
    } else if sc.employer_after(run.closing.last) {
        // "Morgan Stanley analyst Bob Huang": the run is the second name's employer.
        Cue::None
    } else {
        shape_cue(sc, run, p, main_words)
    };
    Judged {
        cue,
        gender,
        placeish,
        org_tail,
        by_nationality,
    }
}

/// Whether a nationality adjective alone stands before a two-word name of plain words: "Russian
/// X Y won", "Algerian X Y,". Not a company, a place or a thing named after a country
/// ("Russian Railways", "German Foreign Office", "Chinese New Year"): no word of the name may be
/// an organisation word, a place, a month or a weekday.
fn nationality_before(p: &Peeled<'_>, main_words: &[&Unit]) -> bool {
    let [adjective] = p.prefix else { return false };
    let blocked = lx::ORG | lx::ORG_NAME | lx::ORG_SURNAME | lx::PLACE | lx::MONTH | lx::WEEKDAY;
    adjective.class & lx::NATIONALITY != 0
        && adjective.class & lx::PLACE == 0
        && !adjective.possessive
        && main_words.len() == 2
        && p.name.len() == 2
        && p.name
            .iter()
            .all(|u| u.class & blocked == 0 && !u.all_caps && u.kind == Kind::Word)
}

/// A cue that stands right before the name: an honorific, a title in the run or before it, a
/// nationality noun ("Frenchman X"), a role word or a byline.
fn direct_cue(
    sc: &Scanner<'_>,
    p: &Peeled<'_>,
    honorific: Option<u32>,
    title_in_prefix: bool,
    main_words: usize,
    t0: usize,
) -> Cue {
    if honorific.is_some() {
        Cue::Honorific
    } else if title_in_prefix {
        Cue::Title
    } else if p.prefix.last().is_some_and(|u| u.class & lx::DEMONYM != 0) {
        Cue::Role
    } else if p.prefix.is_empty() {
        match sc.cue_before(t0) {
            (_, true) if main_words == 1 => Cue::None,
            (cue, _) => cue,
        }
    } else if sc.title_through_connectors(t0) {
        Cue::Title
    } else {
        Cue::None
    }
}

/// A cue after the name or in its own shape: an appositive, a known given name, a middle initial,
/// a particle, a verb of speech, a frequent surname inside a sentence.
fn shape_cue(sc: &Scanner<'_>, run: &Trimmed<'_>, p: &Peeled<'_>, main_words: &[&Unit]) -> Cue {
    let name = p.name;
    let name_last = name[name.len() - 1];
    let after = sc.cue_after(name_last.last, name_last.possessive);
    if after != Cue::None {
        return after;
    }
    if main_words.len() < 2 {
        return Cue::None;
    }
    // Organisation-looking words or a surname-like first word ("Goldman Sachs said") leave the
    // weak cues (a verb, a frequent surname) unconvincing.
    // A family name first ("Wang X said", "Tanaka Hiroshi said") is a person's when the word
    // after it is a given name or a word no list knows and the text never writes in lower case.
    let family_first = main_words.len() == 2
        && main_words[0].class & lx::SURNAME != 0
        && main_words[0].class & (lx::PLACE | lx::MONTH | lx::GIVEN) == 0
        && main_words[1].class & !lx::GIVEN == 0
        && !main_words.iter().any(|u| u.all_caps)
        && !sc.seen_lower(&sc.text[main_words[1].start..main_words[1].end]);
    let orgish = main_words
        .iter()
        .any(|u| u.class & (lx::ORG | lx::ORG_SURNAME | lx::ORG_NAME) != 0)
        || (main_words[0].class & (lx::SURNAME | lx::PLACE | lx::MONTH) != 0 && !family_first);
    let t0 = run.units[0].first;
    if name.iter().any(|u| u.kind == Kind::Initial) {
        Cue::Initial
    } else if name.windows(3).any(|w| {
        w[0].kind == Kind::Word && w[1].kind == Kind::Particle && w[2].kind != Kind::Initial
    }) {
        Cue::Particle
    } else if main_words[0].class & lx::GIVEN != 0 && !main_words[0].all_caps {
        Cue::GivenName
    } else if p.place_given || (!orgish && sc.speech_around(t0, run.closing.last)) {
        Cue::Speech
    } else if !orgish && p.k == 0 && sc.ranked_row(t0, run.closing.last) {
        Cue::List
    } else if (!orgish
        && name.len() == main_words.len()
        && (2..=3).contains(&main_words.len())
        && surname_shaped(sc, main_words[main_words.len() - 1])
        && !main_words
            .iter()
            .any(|u| u.all_caps || sc.seen_lower(&sc.text[u.start..u.end])))
        || (main_words.len() == 2
            && name.len() == 2
            && p.k == 0
            && !orgish
            && main_words[1].class & lx::SURNAME != 0
            && !main_words.iter().any(|u| u.all_caps)
            && sc.inside_sentence(t0))
    {
        Cue::Surname
    } else {
        Cue::None
    }
}

/// Endings that only surnames have, across languages: "-ović", "-enko", "-escu", "-oğlu",
/// "-poulos", "-wicz", "-shvili", "-adze"… (a town's name may end so too, but gazetteer places are
/// set aside before a word is looked at here).
const SURNAME_ENDINGS: &[&str] = &[
    "ovic", "ović", "evic", "ević", "ovich", "evich", "enko", "escu", "oglu", "oğlu", "poulos",
    "opoulou", "wicz", "czyk", "shvili", "adze", "iadis", "akis", "ovski", "evski", "owski",
    "ewski", "insky", "yev", "yeva", "ov", "ova", "ev", "eva", "uddin", "ullah", "zadeh", "yan",
    "enco", "aitis", "auskas", "onen", "ainen", "anen",
];

/// Whether a word ends like a surname ([`SURNAME_ENDINGS`]) and is no place, organisation word,
/// given name or month: "Brnovic", "Pavlenko", "Kadyrbekov".
fn surname_shaped(sc: &Scanner<'_>, u: &Unit) -> bool {
    let blocked = lx::PLACE | lx::ORG | lx::ORG_NAME | lx::GIVEN | lx::MONTH | lx::NOT_NAME;
    if u.kind != Kind::Word || u.class & blocked != 0 || u.possessive {
        return false;
    }
    let w = sc.text[u.start..u.end].to_lowercase();
    w.chars().count() >= 5
        && SURNAME_ENDINGS
            .iter()
            .any(|e| w.ends_with(e) && w.len() >= e.len() + 3)
}

/// Records the name (and a restatement of it in another script after it).
fn place(
    sc: &Scanner<'_>,
    run: &Trimmed<'_>,
    p: &Peeled<'_>,
    judged: &Judged,
    placed: &mut Vec<Placed>,
) {
    let name = p.name;
    let name_last = name[name.len() - 1];
    let closing = run.closing;
    let end = if run.suffixes > 0 && !name_last.possessive {
        closing.end.max(closing.start)
    } else {
        name_last.end
    };
    let cue = judged.cue;
    let main_words = mains(name);
    let org = sc.org_evidence(name[0].first, name_last.last, name_last.possessive);
    placed.push(Placed {
        hit: NameHit {
            span: Span::new(name[0].start, end),
            cue,
            gender: judged.gender,
            same_as: None,
            org,
        },
        first: name[0].first,
        last: closing.last,
        // A one-letter last word ("Space X") is a brand's, not a surname.
        listable: cue == Cue::None
            && !judged.placeish
            && !judged.org_tail
            && main_words >= 2
            && name_last.end - name_last.start > 1,
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
                gender: judged.gender,
                same_as: Some(index),
                org: None,
            },
            first: closing.last,
            last: closing.last,
            listable: false,
        });
    }
}

/// Names in a scorers' or results' line, each followed by a number ("Scorers: A B 23, C D 45,
/// E F 67"): a chain of such names is a list of people when it holds three names or more, or a
/// person found with a cue. Only name-shaped candidates (two words or more, nothing against
/// them) are promoted.
pub(super) fn promote_numbered_lists(sc: &Scanner<'_>, placed: &mut [Placed]) {
    // Whether only "NUMBER ," (on one line) stands between a name ending at `a` and one
    // starting at `b`.
    let numbered = |a: usize, b: usize| {
        b == a + 3
            && sc
                .toks
                .get(a + 1)
                .is_some_and(|t| t.kind == crate::text::TokenKind::Number)
            && (sc.punct(a + 2, ",") || sc.punct(a + 2, ";"))
            && sc.same_line(a)
            && sc.same_line(a + 1)
            && sc.same_line(a + 2)
    };
    let mut start = 0;
    while start < placed.len() {
        let mut end = start + 1;
        while end < placed.len() && numbered(placed[end - 1].last, placed[end].first) {
            end += 1;
        }
        let chain = &placed[start..end];
        let counts = |p: &Placed| p.hit.cue != Cue::None && p.hit.cue != Cue::Alias;
        let shaped = |p: &Placed| counts(p) || p.listable;
        if chain.len() >= 2
            && chain.iter().all(shaped)
            && (chain.len() >= 3 || chain.iter().any(counts))
        {
            for p in &mut placed[start..end] {
                if p.hit.cue == Cue::None {
                    p.hit.cue = Cue::List;
                }
            }
        }
        start = end;
    }
}
