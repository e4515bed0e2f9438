//! One actor per person across articles: names found with a cue are grouped on a folded surname
//! key with compatible given names; then every candidate run that names one of them ("Sorel",
//! "Mr. Sorel's", each half of "Halvorsen-Sorel", "Yusuf" once "Yusuf bin Rashid" is known) becomes
//! a mention too.

use super::lexicon::{self as lx, classify};
use super::scan::{Cue, EntityHit, Gender, NameHit, Names, OrgCue};
use super::{Actor, ActorKind, Mention};
use crate::analysis::Span;
use crate::text::fold;
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

/// A name split into its parts, folded for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedName {
    /// Folded main words (no particles, initials or suffixes), in order.
    pub words: Vec<String>,
    /// Initials, uppercase.
    pub initials: Vec<char>,
    /// Transliteration-folded last main word: "volkonski" for Volkonsky, Volkonskyy, Volkonskiy.
    pub key: String,
}

impl ParsedName {
    /// Splits a name as written ("Sergei N. Volkonsky", "Jakob van der Berg").
    pub fn parse(name: &str) -> ParsedName {
        let pieces: Vec<&str> = name.split_whitespace().collect();
        let mut words = Vec::new();
        let mut initials = Vec::new();
        for (i, p) in pieces.iter().enumerate() {
            let bare = p.trim_end_matches('.');
            let mut chars = bare.chars();
            if let (Some(c), None) = (chars.next(), chars.next())
                && c.is_uppercase()
                && p.ends_with('.')
            {
                initials.push(c);
                continue;
            }
            let class = classify(bare);
            let last = i + 1 == pieces.len();
            if (class & lx::PARTICLE != 0 && !last) || (class & lx::SUFFIX != 0 && i > 0) {
                continue;
            }
            words.push(fold(bare));
        }
        let key = words
            .last()
            .map(|w| translit(without_article(w)))
            .unwrap_or_default();
        ParsedName {
            words,
            initials,
            key,
        }
    }

    /// The first given name, when the name has one.
    pub fn given(&self) -> Option<&str> {
        (self.words.len() >= 2).then(|| self.words[0].as_str())
    }
}

/// "al-assad" → "assad": an Arabic article fused to a surname is dropped for matching, so
/// "Bashar al-Assad" and a later "Assad" are one person.
fn without_article(word: &str) -> &str {
    for prefix in [
        "al-", "el-", "ad-", "ar-", "as-", "at-", "az-", "an-", "ash-",
    ] {
        if let Some(rest) = word.strip_prefix(prefix).filter(|r| !r.is_empty()) {
            return rest;
        }
    }
    word
}

/// Folds spelling variants of transliterated names together: x/ks, y/i, w/v, ph/f, kh/h, ck/k,
/// doubled letters, hyphens and apostrophes. "Volkonskyy" and "Volkonsky" both give "volkonski",
/// "Sergei" and "Sergey" both "sergei".
pub fn translit(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len() + 2);
    // The last character pushed: a doubled letter is written once.
    let mut last: Option<char> = None;
    let mut push = |c: char, out: &mut String| {
        if last != Some(c) {
            out.push(c);
            last = Some(c);
        }
    };
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        match (c, next) {
            ('p', Some('h')) => {
                chars.next();
                push('f', &mut out);
            }
            ('k', Some('h')) => {
                chars.next();
                push('h', &mut out);
            }
            ('c', Some('k')) => {
                chars.next();
                push('k', &mut out);
            }
            ('x', _) => {
                push('k', &mut out);
                push('s', &mut out);
            }
            ('y', _) => push('i', &mut out),
            ('w', _) => push('v', &mut out),
            ('-', _) | ('\'', _) | ('.', _) => {}
            _ => push(c, &mut out),
        }
    }
    out
}

/// The first letter of [`translit`]`(word)`, without building it.
fn first_sound(word: &str) -> Option<char> {
    let mut chars = word.chars().filter(|c| !matches!(c, '-' | '\'' | '.'));
    let c = chars.next()?;
    let next = chars.next();
    Some(match (c, next) {
        ('p', Some('h')) => 'f',
        ('k', Some('h')) => 'h',
        ('x', _) => 'k',
        ('y', _) => 'i',
        ('w', _) => 'v',
        _ => c,
    })
}

/// Consonant skeleton of a transliteration-folded name: "dmtr", "alksndr".
fn skeleton(t: &str) -> String {
    let mut out = String::new();
    for (i, c) in t.chars().enumerate() {
        if i > 0 && matches!(c, 'a' | 'e' | 'i' | 'o' | 'u') {
            continue;
        }
        out.push(c);
    }
    out
}

/// Whether two given names can be the same person's: equal, an initial of the other, a short
/// form ("Pete"/"Peter", "Alex"/"Alexander"), or a transliteration variant ("Sergei"/"Sergey",
/// "Aleksandr"/"Alexander").
pub fn compatible_given(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.chars().count() == 1 {
        return long.starts_with(short);
    }
    if short.len() >= 3 && long.starts_with(short) {
        return true;
    }
    if lx::same_given_name(a, b) {
        return true;
    }
    // Transliteration keeps a name's first sound; most pairs differ there, and this runs for
    // every given name of every namesake, so they are told apart before allocating.
    if first_sound(a) != first_sound(b) {
        return false;
    }
    let (ta, tb) = (translit(a), translit(b));
    ta == tb || skeleton(&ta) == skeleton(&tb)
}

/// Whether a name's given names and initials fit a cluster's.
fn fits(cluster: &Cluster, name: &ParsedName) -> bool {
    match (name.given(), cluster.given.first()) {
        (Some(g), Some(_)) => cluster.given.iter().any(|c| compatible_given(g, c)),
        (None, _) => {
            // "V. Sorel": an initial must agree with a known given name.
            match (name.initials.first(), cluster.given.first()) {
                (Some(i), Some(_)) if name.words.len() == 1 => {
                    let i = i.to_lowercase().to_string();
                    cluster.given.iter().any(|g| g.starts_with(&i))
                }
                _ => true,
            }
        }
        (Some(_), None) => true,
    }
}

/// The clusters of one surname, by given name, grouped so that a given name is compared only
/// with those it can be compatible with (see [`compatible_given`]): the ones with its first
/// letter (equal, initial, short form), with its first sound (transliteration), and the ones
/// with known short or full forms. A lookup then stays small however many people of a
/// name-dense text bear the surname.
#[derive(Debug, Default)]
struct Givens {
    by_letter: FxHashMap<char, FxHashMap<String, Vec<usize>>>,
    nick: FxHashMap<String, Vec<usize>>,
}

impl Givens {
    fn letters(g: &str) -> [Option<char>; 2] {
        let first = g.chars().next();
        let sound = first_sound(g).filter(|&s| Some(s) != first);
        [first, sound]
    }

    fn insert(&mut self, h: &str, id: usize) {
        for l in Self::letters(h).into_iter().flatten() {
            self.by_letter
                .entry(l)
                .or_default()
                .entry(h.to_string())
                .or_default()
                .push(id);
        }
        if lx::has_nicknames(h) {
            self.nick.entry(h.to_string()).or_default().push(id);
        }
    }

    /// Clusters bearing a given name compatible with `g` (possibly repeated).
    fn compatible<'s>(&'s self, g: &'s str) -> impl Iterator<Item = usize> + 's {
        let nick = lx::has_nicknames(g).then_some(&self.nick);
        Self::letters(g)
            .into_iter()
            .flatten()
            .filter_map(|l| self.by_letter.get(&l))
            .chain(nick)
            .flat_map(|m| m.iter())
            .filter(move |(h, _)| compatible_given(g, h))
            .flat_map(|(_, ids)| ids.iter().copied())
    }

    /// Clusters bearing a given name that starts with `prefix` (not empty).
    fn starting<'s>(&'s self, prefix: &'s str) -> impl Iterator<Item = usize> + 's {
        prefix
            .chars()
            .next()
            .and_then(|l| self.by_letter.get(&l))
            .into_iter()
            .flat_map(|m| m.iter())
            .filter(move |(h, _)| h.starts_with(prefix))
            .flat_map(|(_, ids)| ids.iter().copied())
    }
}

/// A person being assembled within one article.
#[derive(Debug, Default)]
struct Cluster {
    key: String,
    /// The key's number in its article (see `Merger::key_ids`).
    kid: u32,
    /// Folded first given names seen.
    given: Vec<String>,
    /// Transliterated first main word of its full forms (for family-name-first names:
    /// "Morishita").
    first_words: Vec<String>,
    /// Every full form's words, transliterated and run together: "kimjongun" for both "Kim
    /// Jong-un" and "Kim Jong Un", which split their words differently.
    spellings: Vec<String>,
    male: u32,
    female: u32,
    /// Every mention.
    mentions: Vec<Mention>,
    /// Start offsets of the mentions, for "the person named last before here" in log time.
    starts: BTreeSet<usize>,
    /// The surest person evidence of its mentions: 3 for a title or an honorific, 2 for another
    /// firm cue (see [`Cue::is_firm`]), 1 for a full name opening with a known given name, 0 for
    /// none.
    firm: u8,
    /// Mentions with weak and with strong organisation evidence (see [`OrgCue`]).
    org_weak: u32,
    org_strong: u32,
}

impl Cluster {
    fn gender(&self) -> Option<Gender> {
        match (self.male > 0, self.female > 0) {
            (true, false) => Some(Gender::Male),
            (false, true) => Some(Gender::Female),
            _ => None,
        }
    }

    /// Whether what the text says around its mentions makes it an organisation, not a person:
    /// organisation evidence and nothing firm against it ("X militants" for a name found by a
    /// verb alone), or a company's own evidence against a name's shape alone ("X (NYSE: XX)"
    /// for a name that opens with a given name).
    fn is_organization(&self) -> bool {
        match self.firm {
            0 => self.org_weak + self.org_strong > 0,
            1 => self.org_strong > 0,
            _ => false,
        }
    }

    /// Whether the cluster holds a full name (a given name and a surname), not only a surname.
    fn is_full(&self) -> bool {
        !self.given.is_empty() || self.first_words.len() > 1
    }
}

/// The clusters of one surname key and gender: how many, and their mention starts as
/// (start, cluster).
type GenderClass = (usize, BTreeSet<(usize, usize)>);

/// One article's text and names.
pub struct ArticleNames<'a> {
    /// The article text.
    pub text: &'a str,
    /// What [`super::scan::scan`] found in it.
    pub names: &'a Names,
}

/// Groups the names of one article into people. Working on one article at a time is what makes
/// an article's people the same whether it is loaded alone or with a thousand others.
struct Merger<'a> {
    article: usize,
    names: &'a Names,
    text: &'a str,
    clusters: Vec<Cluster>,
    by_key: FxHashMap<String, Vec<usize>>,
    /// The cluster with a given transliterated first word of its full forms, `None` when
    /// several share it: only a word that one person of the article bears can name them alone,
    /// and keeping no list keeps each lookup constant in a name-dense text.
    by_first: FxHashMap<String, Option<usize>>,
    /// Cluster of each sure hit, by hit index.
    assigned: FxHashMap<usize, usize>,
    /// Clusters by surname key, then by each of their given names: a full name is compared
    /// with the given names borne with its surname, not with every namesake, so a lookup stays
    /// constant however many people of a name-dense text share the surname.
    by_given: FxHashMap<String, Givens>,
    /// Clusters by surname key that have no given name yet (they fit any given name).
    no_given: FxHashMap<String, Vec<usize>>,
    /// Mention starts, as (start, cluster), of the clusters of a surname key by their current
    /// gender, with the number of such clusters: a bare surname finds the person named last
    /// before it in log time.
    by_gender: FxHashMap<(u32, Option<Gender>), GenderClass>,
    /// A number for each surname key of the article (`Cluster::kid`), so the gender classes
    /// are keyed without copying the key at every mention.
    key_ids: FxHashMap<String, u32>,
    /// What each name hit says beyond its name, by start offset: its person firmness (see
    /// `Cluster::firm`) and its organisation evidence.
    evidence: FxHashMap<usize, (u8, Option<OrgCue>)>,
    /// The one cluster (`None` when several) of each two-word full name, and of each opening
    /// pair of words of a longer full name, transliterated: "Ana Sofia" and "Ana Sofia Brandt"
    /// are one person in one article.
    pairs: FxHashMap<String, Option<usize>>,
    openings: FxHashMap<String, Option<usize>>,
}

/// How firmly a hit says "a person" (see `Cluster::firm`).
fn firmness(text: &str, hit: &NameHit) -> u8 {
    if matches!(hit.cue, Cue::Title | Cue::Honorific) {
        return 3;
    }
    if hit.cue.is_firm() {
        return 2;
    }
    let written = hit.span.slice(text);
    let mut words = written.split_whitespace();
    let opens_given = words
        .next()
        .is_some_and(|w| lx::classify(w) & lx::GIVEN != 0 && !w.chars().all(char::is_uppercase));
    u8::from(opens_given && words.next().is_some())
}

impl<'a> Merger<'a> {
    fn new(article: usize, art: &'a ArticleNames<'a>) -> Merger<'a> {
        let evidence = art
            .names
            .sure
            .iter()
            .chain(&art.names.candidates)
            .map(|h| (h.span.start, (firmness(art.text, h), h.org)))
            .filter(|(_, (firm, org))| *firm > 0 || org.is_some())
            .collect();
        Merger {
            evidence,
            pairs: FxHashMap::default(),
            openings: FxHashMap::default(),
            article,
            names: art.names,
            text: art.text,
            clusters: Vec::new(),
            by_key: FxHashMap::default(),
            by_first: FxHashMap::default(),
            assigned: FxHashMap::default(),
            by_given: FxHashMap::default(),
            no_given: FxHashMap::default(),
            by_gender: FxHashMap::default(),
            key_ids: FxHashMap::default(),
        }
    }

    /// Moves a cluster between the gender classes of `by_gender` after its counts changed.
    fn regender(&mut self, id: usize, before: Option<Gender>) {
        let c = &self.clusters[id];
        let after = c.gender();
        if after == before {
            return;
        }
        if let Some((n, set)) = self.by_gender.get_mut(&(c.kid, before)) {
            *n -= 1;
            for &s in &c.starts {
                set.remove(&(s, id));
            }
        }
        let (n, set) = self.by_gender.entry((c.kid, after)).or_default();
        *n += 1;
        set.extend(c.starts.iter().map(|&s| (s, id)));
    }

    fn new_cluster(&mut self, name: &ParsedName) -> usize {
        let id = self.clusters.len();
        let next = self.key_ids.len() as u32;
        let kid = *self.key_ids.entry(name.key.clone()).or_insert(next);
        self.clusters.push(Cluster {
            key: name.key.clone(),
            kid,
            ..Cluster::default()
        });
        self.by_key.entry(name.key.clone()).or_default().push(id);
        self.no_given.entry(name.key.clone()).or_default().push(id);
        self.by_gender.entry((kid, None)).or_default().0 += 1;
        self.add_name(id, name);
        id
    }

    fn add_name(&mut self, id: usize, name: &ParsedName) {
        let Some(g) = name.given() else { return };
        let before = self.clusters[id].gender();
        let c = &mut self.clusters[id];
        let spelling: String = name.words.iter().map(|w| translit(w)).collect();
        if !c.spellings.contains(&spelling) {
            c.spellings.push(spelling);
        }
        if !c.given.iter().any(|x| x == g) {
            if c.given.is_empty()
                && let Some(ids) = self.no_given.get_mut(&c.key)
            {
                ids.retain(|&x| x != id);
            }
            c.given.push(g.to_string());
            let class = lx::classify_key(g);
            match (class & lx::GIVEN_M != 0, class & lx::GIVEN_F != 0) {
                (true, false) => c.male += 1,
                (false, true) => c.female += 1,
                _ => {}
            }
            self.by_given
                .entry(c.key.clone())
                .or_default()
                .insert(g, id);
            self.regender(id, before);
        }
        let c = &mut self.clusters[id];
        let first = translit(g);
        if !c.first_words.contains(&first) {
            c.first_words.push(first.clone());
            self.by_first
                .entry(first)
                .and_modify(|only| {
                    if *only != Some(id) {
                        *only = None;
                    }
                })
                .or_insert(Some(id));
        }
    }

    fn mention(&mut self, cluster: usize, span: Span, gender: Option<Gender>) {
        let c = &mut self.clusters[cluster];
        if let Some(&(firm, org)) = self.evidence.get(&span.start) {
            c.firm = c.firm.max(firm);
            match org {
                Some(OrgCue::Weak) => c.org_weak += 1,
                Some(OrgCue::Strong) => c.org_strong += 1,
                None => {}
            }
        }
        let before = c.gender();
        c.mentions.push(Mention {
            article: self.article,
            span,
        });
        if c.starts.insert(span.start) {
            let key = (c.kid, before);
            self.by_gender
                .entry(key)
                .or_default()
                .1
                .insert((span.start, cluster));
        }
        let c = &mut self.clusters[cluster];
        match gender {
            Some(Gender::Male) => c.male += 1,
            Some(Gender::Female) => c.female += 1,
            None => {}
        }
        self.regender(cluster, before);
    }

    /// [`Self::choose`] among all the clusters of a surname key, answered from `by_gender`
    /// without visiting them.
    fn choose_any(&self, key: &str, offset: usize, gender: Option<Gender>) -> Option<usize> {
        let kid = *self.key_ids.get(key)?;
        let class = |g: Option<Gender>| self.by_gender.get(&(kid, g));
        let count = |g: Option<Gender>| class(g).map_or(0, |(n, _)| *n);
        let classes: Vec<Option<Gender>> = match gender {
            Some(g) if count(Some(g)) > 0 => vec![Some(g)],
            Some(_) => vec![None],
            None => vec![None, Some(Gender::Male), Some(Gender::Female)],
        };
        let total: usize = classes.iter().map(|&g| count(g)).sum();
        let sets: Vec<&BTreeSet<(usize, usize)>> = classes
            .iter()
            .filter_map(|&g| class(g))
            .map(|(_, s)| s)
            .collect();
        if total == 0 {
            return None;
        }
        if total == 1
            && let Some(only) = sets.iter().find_map(|s| s.first())
        {
            return Some(only.1);
        }
        if sets.iter().all(|s| s.is_empty()) {
            // Rare: a cluster not yet mentioned; ask the slow way.
            let opts: Vec<usize> = self
                .by_key
                .get(key)
                .map(|ids| ids.to_vec())
                .unwrap_or_default();
            return self.choose(&opts, offset, gender);
        }
        if let Some(best) = sets
            .iter()
            .filter_map(|s| s.range(..(offset, 0)).next_back())
            .max()
        {
            return Some(best.1);
        }
        sets.iter().filter_map(|s| s.first()).min().map(|p| p.1)
    }

    /// The cluster a name names: [`Self::fitting`] then [`Self::choose`].
    fn pick(&self, name: &ParsedName, offset: usize, gender: Option<Gender>) -> Option<usize> {
        if name.given().is_none() && (name.initials.is_empty() || name.words.len() != 1) {
            return self.choose_any(&name.key, offset, gender);
        }
        self.choose(&self.fitting(name), offset, gender)
    }

    /// Chooses among clusters that all fit a mention: the gender first, then the person last
    /// named before it, then the one named first.
    fn choose(&self, options: &[usize], offset: usize, gender: Option<Gender>) -> Option<usize> {
        let mut opts: Vec<usize> = options.to_vec();
        if let Some(g) = gender {
            let same: Vec<usize> = opts
                .iter()
                .copied()
                .filter(|&c| self.clusters[c].gender() == Some(g))
                .collect();
            if !same.is_empty() {
                opts = same;
            } else {
                opts.retain(|&c| self.clusters[c].gender().is_none());
            }
        }
        if opts.len() <= 1 {
            return opts.first().copied();
        }
        let latest_before = |c: usize| self.clusters[c].starts.range(..offset).next_back().copied();
        if let Some(best) = opts
            .iter()
            .copied()
            .filter_map(|c| latest_before(c).map(|at| (at, c)))
            .max()
        {
            return Some(best.1);
        }
        opts.iter()
            .copied()
            .filter_map(|c| self.clusters[c].starts.first().map(|&at| (at, c)))
            .min()
            .map(|(_, c)| c)
            .or(opts.first().copied())
    }

    /// Clusters with the name's key whose given names fit.
    fn fitting(&self, name: &ParsedName) -> Vec<usize> {
        let mut out: Vec<usize> = self.no_given.get(&name.key).cloned().unwrap_or_default();
        let givens = self.by_given.get(&name.key);
        let initial = name.initials.first().map(|i| i.to_lowercase().to_string());
        match (name.given(), initial) {
            (Some(g), _) => {
                if let Some(givens) = givens {
                    out.extend(givens.compatible(g));
                }
            }
            (None, Some(i)) if name.words.len() == 1 => {
                if let (Some(givens), false) = (givens, i.is_empty()) {
                    out.extend(givens.starting(&i));
                }
            }
            _ => return self.by_key.get(&name.key).cloned().unwrap_or_default(),
        }
        out.sort_unstable();
        out.dedup();
        debug_assert!(out.iter().all(|&c| fits(&self.clusters[c], name)));
        out
    }

    /// Full names (given name and surname): the people.
    fn place_full(&mut self, hit_index: usize, hit: &NameHit, name: &ParsedName) {
        let cluster = match self.pick(name, hit.span.start, hit.gender) {
            Some(c) => c,
            None => match self.reversed(name).or_else(|| self.longer_or_shorter(name)) {
                Some(c) => c,
                None => self.new_cluster(name),
            },
        };
        self.add_name(cluster, name);
        if name.words.len() >= 2 {
            let pair = Self::pair_key(name);
            let map = if name.words.len() == 2 {
                &mut self.pairs
            } else {
                &mut self.openings
            };
            map.entry(pair)
                .and_modify(|only| {
                    if *only != Some(cluster) {
                        *only = None;
                    }
                })
                .or_insert(Some(cluster));
        }
        self.mention(cluster, hit.span, hit.gender);
        self.assigned.insert(hit_index, cluster);
    }

    /// The first two words of a full name, for `pairs` and `openings`: the two-word name's key
    /// is its surname key, so only the given name is transliterated anew.
    fn pair_key(name: &ParsedName) -> String {
        let mut pair = translit(&name.words[0]);
        pair.push(' ');
        if name.words.len() == 2 {
            pair.push_str(&name.key);
        } else {
            pair.push_str(&translit(&name.words[1]));
        }
        pair
    }

    /// The one person of the article whose full name is this name with a last word more ("Ana
    /// Sofia" for "Ana Sofia Brandt"), or less ("Ana Sofia Brandt" for "Ana Sofia").
    fn longer_or_shorter(&self, name: &ParsedName) -> Option<usize> {
        if name.words.len() < 2 {
            return None;
        }
        let pair = Self::pair_key(name);
        let map = if name.words.len() == 2 {
            &self.openings
        } else {
            &self.pairs
        };
        (*map.get(&pair)?).filter(|&c| {
            let c = &self.clusters[c];
            c.given.first().is_some_and(|g| *g == name.words[0])
        })
    }

    /// A cluster holding the same words in another order ("Haruto Morishita").
    fn reversed(&self, name: &ParsedName) -> Option<usize> {
        let mut mine: Vec<String> = name.words.iter().map(|w| translit(w)).collect();
        mine.sort();
        self.by_key
            .get(&translit(&name.words[0]))?
            .iter()
            .copied()
            .find(|&c| {
                let mut theirs: Vec<String> = self.clusters[c]
                    .first_words
                    .iter()
                    .cloned()
                    .chain(std::iter::once(self.clusters[c].key.clone()))
                    .collect();
                theirs.sort();
                theirs.dedup();
                theirs == mine
            })
    }

    /// A one-word name of a person of the article: by surname, else by family name first
    /// ("Mr. Morishita" for "Morishita Haruto").
    fn find_single(
        &self,
        name: &ParsedName,
        offset: usize,
        gender: Option<Gender>,
    ) -> Option<usize> {
        if let Some(c) = self.pick(name, offset, gender) {
            return Some(c);
        }
        match self.by_first.get(&name.key) {
            Some(&Some(only)) if self.clusters[only].key != name.key => Some(only),
            _ => None,
        }
    }

    /// A given name alone ("Yusuf") for a person named in full, when no other person of the
    /// article shares it.
    fn find_given(&self, word: &str) -> Option<usize> {
        let key = translit(word);
        if self.by_key.contains_key(&key) {
            return None;
        }
        let only = (*self.by_first.get(&key)?)?;
        self.clusters[only]
            .given
            .first()
            .is_some_and(|g| translit(g) == key)
            .then_some(only)
    }

    /// The people of the article, and its organisations and places (each a kind and a
    /// mention).
    fn run(mut self) -> (Vec<Cluster>, Vec<EntityHit>) {
        let names = self.names;
        let text = self.text;
        // 1. Full names with a cue.
        let mut two_word: Option<rustc_hash::FxHashSet<String>> = None;
        for (h, hit) in names.sure.iter().enumerate() {
            if hit.cue == Cue::Alias {
                continue;
            }
            let name = ParsedName::parse(hit.span.slice(text));
            if name.words.len() >= 3 {
                let known = two_word.get_or_insert_with(|| full_names(names, text));
                if let Some((hit, name)) = possessive_inside(text, hit, known) {
                    self.place_full(h, &hit, &name);
                    continue;
                }
            }
            if name.words.len() >= 2 {
                self.place_full(h, hit, &name);
            }
        }
        // 2. One-word names with a cue ("Mr. Halvorsen", "President Halvorsen").
        for (h, hit) in names.sure.iter().enumerate() {
            if hit.cue == Cue::Alias {
                continue;
            }
            let name = ParsedName::parse(hit.span.slice(text));
            if name.words.len() != 1 {
                continue;
            }
            let cluster = match self.find_single(&name, hit.span.start, hit.gender) {
                Some(c) => c,
                None => self.new_cluster(&name),
            };
            self.mention(cluster, hit.span, hit.gender);
            self.assigned.insert(h, cluster);
        }
        // 3. Restatements in another script join the name they restate.
        for hit in &names.sure {
            if let Some(of) = hit.same_as
                && let Some(&c) = self.assigned.get(&(of as usize))
            {
                self.mention(c, hit.span, None);
            }
        }
        // 4. A one-word place or organisation that is the surname of a person of the article
        // is that person ("Denzel Washington" … "Washington said").
        let mut entities = Vec::with_capacity(names.entities.len());
        for e in &names.entities {
            let written = e.span.slice(text);
            if !written.contains(char::is_whitespace) {
                let name = ParsedName::parse(written);
                let found = if name.words.is_empty() {
                    None
                } else {
                    self.pick(&name, e.span.start, None)
                };
                if let Some(c) = found {
                    self.mention(c, e.span, None);
                    continue;
                }
            }
            entities.push(*e);
        }
        // 5. Candidates naming a person of the article, else one of its organisations or places.
        let kinds: FxHashMap<String, ActorKind> = entities
            .iter()
            .map(|e| (lx::phrase_key(e.span.slice(text)), e.kind))
            .collect();
        for hit in &names.candidates {
            if self.place_candidate(hit) {
                continue;
            }
            if let Some(&kind) = kinds.get(&lx::phrase_key(hit.span.slice(text))) {
                entities.push(EntityHit {
                    span: hit.span,
                    kind,
                });
            } else if hit.org == Some(OrgCue::Strong) {
                // "X (NYSE: XX)", "shares of X": a company, whatever its name looks like.
                entities.push(EntityHit {
                    span: hit.span,
                    kind: ActorKind::Organization,
                });
            }
        }
        // 6. A "person" the text shows to be a company or a group becomes an organisation; a
        // given name alone ("his wife, Ana"), never given a surname nor a title, names no one the
        // reader can tell apart.
        for c in &mut self.clusters {
            let text = self.text;
            let given_alone = |m: &Mention| {
                let class = lx::classify(m.span.slice(text));
                class & lx::GIVEN != 0 && class & lx::SURNAME == 0
            };
            if !c.is_full() && c.firm < 3 && c.mentions.iter().all(given_alone) {
                c.mentions.clear();
                continue;
            }
            if c.is_organization() {
                entities.extend(c.mentions.drain(..).map(|m| EntityHit {
                    span: m.span,
                    kind: ActorKind::Organization,
                }));
            }
        }
        (self.clusters, entities)
    }

    /// Adds a candidate to the person it names; false when it names none.
    fn place_candidate(&mut self, hit: &NameHit) -> bool {
        let written = hit.span.slice(self.text);
        let name = ParsedName::parse(written);
        if name.words.is_empty() {
            return false;
        }
        if name.words.len() >= 2 {
            if let Some(c) = self.pick(&name, hit.span.start, None) {
                // A full name of a known person ("Peter Hallström" once "Peter J. Hallström"
                // is known), but not a different person with the same surname.
                if name.given().is_some() {
                    self.add_name(c, &name);
                }
                self.mention(c, hit.span, None);
                return true;
            } else if self.by_key.contains_key(&name.key)
                && name.words.len() == 2
                && name
                    .given()
                    .is_some_and(|g| lx::classify_key(g) & lx::GIVEN != 0)
            {
                // Another given name with the surname of a person of the article: a relative
                // or a namesake ("Rui Morais" beside "Ana Morais"), a person of their own.
                let c = self.new_cluster(&name);
                self.mention(c, hit.span, None);
                return true;
            }
            return false;
        }
        if let Some(c) = self.find_single(&name, hit.span.start, None) {
            self.mention(c, hit.span, None);
            return true;
        }
        // "Halvorsen-Sorel": each half on its own.
        if written.contains('-') && !written.contains(' ') {
            let mut offset = hit.span.start;
            let mut found = Vec::new();
            for part in written.split('-') {
                let span = Span::new(offset, offset + part.len());
                offset += part.len() + 1;
                if !part.starts_with(char::is_uppercase) {
                    continue;
                }
                let p = ParsedName::parse(part);
                if let Some(c) = self.find_single(&p, span.start, None) {
                    found.push((c, span));
                }
            }
            let any = !found.is_empty();
            for (c, span) in found {
                self.mention(c, span, None);
            }
            return any;
        }
        if let Some(c) = self.find_given(&name.words[0]) {
            self.mention(c, hit.span, None);
            return true;
        }
        false
    }
}

/// The two-word names with a cue of an article, folded and joined by a space.
fn full_names(names: &Names, text: &str) -> rustc_hash::FxHashSet<String> {
    names
        .sure
        .iter()
        .filter_map(|h| {
            let written = h.span.slice(text);
            let mut words = written.split_whitespace();
            let (a, b) = (words.next()?, words.next()?);
            words
                .next()
                .is_none()
                .then(|| format!("{} {}", fold(a), fold(b)))
        })
        .collect()
}

/// A possessive written without its apostrophe inside a longer run ("Ana Linds Harbour Plan"),
/// when the article names the person ("Ana Lind") elsewhere: the hit cut back to that person.
fn possessive_inside(
    text: &str,
    hit: &NameHit,
    known: &rustc_hash::FxHashSet<String>,
) -> Option<(NameHit, ParsedName)> {
    let written = hit.span.slice(text);
    let mut words = written.split_whitespace();
    let (a, b) = (words.next()?, words.next()?);
    let cut = b.strip_suffix('s')?;
    if cut.is_empty() || !known.contains(&format!("{} {}", fold(a), fold(cut))) {
        return None;
    }
    // Offset of the second word's end, less its "s".
    let b_start = written[a.len()..].find(b)? + a.len();
    let end = hit.span.start + b_start + cut.len();
    let mut cut_hit = hit.clone();
    cut_hit.span = Span::new(hit.span.start, end);
    let name = ParsedName::parse(cut_hit.span.slice(text));
    Some((cut_hit, name))
}

/// People across articles: a full name joins the people of other articles with the same surname
/// and a compatible given name; a bare surname (an article that never gives the full name) joins
/// the one such person when there is exactly one, and otherwise stays apart.
#[derive(Default)]
struct Joined {
    clusters: Vec<Cluster>,
    by_key: FxHashMap<String, Vec<usize>>,
    /// The cluster of each full spelling (see `Cluster::spellings`).
    by_spelling: FxHashMap<String, usize>,
    /// Clusters by surname key, then by each of their given names (see `Merger::by_given`).
    by_given: FxHashMap<String, Givens>,
}

impl Joined {
    fn push(&mut self, c: Cluster) {
        for sp in &c.spellings {
            self.by_spelling
                .entry(sp.clone())
                .or_insert(self.clusters.len());
        }
        self.by_key
            .entry(c.key.clone())
            .or_default()
            .push(self.clusters.len());
        let givens = self.by_given.entry(c.key.clone()).or_default();
        for g in &c.given {
            givens.insert(g, self.clusters.len());
        }
        self.clusters.push(c);
    }

    fn absorb(&mut self, into: usize, c: Cluster) {
        for sp in &c.spellings {
            self.by_spelling.entry(sp.clone()).or_insert(into);
        }
        let t = &mut self.clusters[into];
        for sp in c.spellings {
            if !t.spellings.contains(&sp) {
                t.spellings.push(sp);
            }
        }
        for g in c.given {
            if !t.given.contains(&g) {
                self.by_given
                    .entry(t.key.clone())
                    .or_default()
                    .insert(&g, into);
                t.given.push(g);
            }
        }
        for f in c.first_words {
            if !t.first_words.contains(&f) {
                t.first_words.push(f);
            }
        }
        t.male += c.male;
        t.female += c.female;
        t.mentions.extend(c.mentions);
    }

    fn gender_clash(a: &Cluster, b: &Cluster) -> bool {
        matches!(
            (a.gender(), b.gender()),
            (Some(x), Some(y)) if x != y
        )
    }

    /// A full name: the person of another article with the same surname and a fitting given
    /// name (the most mentioned when several fit).
    fn join_full(&mut self, c: Cluster) {
        let same_spelling = c
            .spellings
            .iter()
            .find_map(|sp| self.by_spelling.get(sp).copied());
        if let Some(t) = same_spelling {
            self.absorb(t, c);
            return;
        }
        // Only the given names borne with the surname are compared, not every namesake.
        let target = self.by_given.get(&c.key).and_then(|givens| {
            c.given
                .iter()
                .flat_map(|g| givens.compatible(g))
                .filter(|&t| {
                    let t = &self.clusters[t];
                    t.is_full() && !Self::gender_clash(t, &c)
                })
                .max_by_key(|&t| (self.clusters[t].mentions.len(), std::cmp::Reverse(t)))
        });
        match target {
            Some(t) => self.absorb(t, c),
            None => self.push(c),
        }
    }

    /// A bare surname: the one full-named person with it, else the other bare mentions of it.
    fn join_bare(&mut self, c: Cluster) {
        let ids: Vec<usize> = self.by_key.get(&c.key).cloned().unwrap_or_default();
        let full: Vec<usize> = ids
            .iter()
            .copied()
            .filter(|&t| self.clusters[t].is_full() && !Self::gender_clash(&self.clusters[t], &c))
            .collect();
        let target = match full.as_slice() {
            [only] => Some(*only),
            [] => ids.iter().copied().find(|&t| !self.clusters[t].is_full()),
            _ => None,
        };
        match target {
            Some(t) => self.absorb(t, c),
            None => self.push(c),
        }
    }
}

/// Groups the names of all articles into actors (`articles[i]` is corpus article `i`): people
/// first, then organisations and places, each joined across articles by its folded name.
pub fn cluster(articles: &[ArticleNames<'_>]) -> Vec<Actor> {
    let mut joined = Joined::default();
    let mut bare = Vec::new();
    let mut entities: Vec<(String, ActorKind, Vec<Mention>)> = Vec::new();
    let mut entity_index: FxHashMap<(ActorKind, String), usize> = FxHashMap::default();
    for (a, art) in articles.iter().enumerate() {
        let (people, found) = Merger::new(a, art).run();
        for c in people {
            if c.mentions.is_empty() {
                continue;
            }
            if c.is_full() {
                joined.join_full(c);
            } else {
                bare.push(c);
            }
        }
        for e in found {
            let key = lx::phrase_key(e.span.slice(art.text));
            let i = *entity_index
                .entry((e.kind, key.clone()))
                .or_insert_with(|| {
                    entities.push((key, e.kind, Vec::new()));
                    entities.len() - 1
                });
            entities[i].2.push(Mention {
                article: a,
                span: e.span,
            });
        }
    }
    for c in bare {
        joined.join_bare(c);
    }
    let people = joined.clusters.into_iter().map(|c| to_actor(c, articles));
    let others = entities.into_iter().map(|(_, kind, mentions)| {
        let mut actor = to_actor(
            Cluster {
                mentions,
                ..Cluster::default()
            },
            articles,
        );
        actor.kind = kind;
        actor
    });
    people.chain(others).collect()
}

/// The display name: the most frequent form with a given name and a surname, not in capitals
/// (ties: the longer, then the first seen); the other forms become aliases.
fn to_actor(mut c: Cluster, articles: &[ArticleNames<'_>]) -> Actor {
    c.mentions.sort();
    c.mentions
        .dedup_by(|b, a| a.article == b.article && a.span.overlaps(&b.span));
    // Forms as written, whitespace collapsed, counted; first-seen order kept.
    let mut forms: Vec<(String, usize)> = Vec::new();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    for m in &c.mentions {
        let text = m.span.slice(articles[m.article].text);
        let form = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let folded = fold(&form);
        match index.get(&folded) {
            Some(&i) => {
                forms[i].1 += 1;
                // "OSLO" in a dateline, "Oslo" in the text: the form is shown as the text
                // writes it.
                if !forms[i].0.chars().any(char::is_lowercase)
                    && form.chars().any(char::is_lowercase)
                {
                    forms[i].0 = form;
                }
            }
            None => {
                index.insert(folded, forms.len());
                forms.push((form, 1));
            }
        }
    }
    let full = |f: &str| ParsedName::parse(f).words.len() >= 2;
    let best = forms
        .iter()
        .enumerate()
        .max_by_key(|(i, (f, n))| {
            (
                full(f),
                // A dateline's capitals ("NEW YORK") are not how the name is written.
                f.chars().any(char::is_lowercase),
                *n,
                f.split_whitespace().count(),
                std::cmp::Reverse(*i),
            )
        })
        .map(|(i, _)| i)
        .unwrap_or(0);
    let name = forms[best].0.clone();
    let aliases = forms
        .into_iter()
        .enumerate()
        .filter(|(i, _)| *i != best)
        .map(|(_, (f, _))| f)
        .collect();
    Actor {
        name,
        kind: ActorKind::Person,
        aliases,
        mentions: c.mentions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_variants_fold_together() {
        assert_eq!(translit("volkonskyy"), translit("volkonsky"));
        assert_eq!(translit("volkonskiy"), translit("volkonsky"));
        assert_eq!(translit("sergei"), translit("sergey"));
        assert!(compatible_given("aleksandr", "alexander"));
        assert!(compatible_given("pete", "peter"));
        assert!(compatible_given("j", "jakob"));
        assert!(!compatible_given("rui", "ana"));
        assert!(!compatible_given("john", "james"));
        assert!(compatible_given("joe", "joseph"));
        assert_eq!(
            ParsedName::parse("Bashar al-Assad").key,
            ParsedName::parse("Assad").key
        );
    }

    #[test]
    fn parsing_drops_particles_initials_and_suffixes() {
        let p = ParsedName::parse("Sergei N. Volkonsky");
        assert_eq!(p.words, ["sergei", "volkonsky"]);
        assert_eq!(p.initials, ['N']);
        let p = ParsedName::parse("Jakob van der Berg");
        assert_eq!(p.words, ["jakob", "berg"]);
        assert_eq!(p.key, "berg");
        let p = ParsedName::parse("Martin Luther King Jr.");
        assert_eq!(p.key, "king");
    }
}
