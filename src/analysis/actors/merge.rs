//! One actor per person across articles: names found with a cue are grouped on a folded surname
//! key with compatible given names; then every candidate run that names one of them ("Sorel",
//! "Mr. Sorel's", each half of "Halvorsen-Sorel", "Yusuf" once "Yusuf bin Rashid" is known) becomes
//! a mention too.

use super::lexicon::{self as lx, classify};
use super::scan::{Cue, Gender, NameHit, Names};
use super::{Actor, ActorKind, Mention};
use crate::analysis::Span;
use crate::text::fold;
use rustc_hash::FxHashMap;

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
    let b: Vec<char> = folded.chars().collect();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        let piece: &str = match (c, next) {
            ('p', Some('h')) => {
                i += 1;
                "f"
            }
            ('k', Some('h')) => {
                i += 1;
                "h"
            }
            ('c', Some('k')) => {
                i += 1;
                "k"
            }
            ('x', _) => "ks",
            ('y', _) => "i",
            ('w', _) => "v",
            ('-', _) | ('\'', _) | ('.', _) => "",
            _ => {
                if out.ends_with(c) {
                    ""
                } else {
                    out.push(c);
                    ""
                }
            }
        };
        for pc in piece.chars() {
            if !out.ends_with(pc) {
                out.push(pc);
            }
        }
        i += 1;
    }
    out
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

/// A person being assembled.
#[derive(Debug, Default)]
struct Cluster {
    key: String,
    /// Folded first given names seen.
    given: Vec<String>,
    /// Folded first main word of its full forms (for family-name-first names: "Morishita").
    first_words: Vec<String>,
    male: u32,
    female: u32,
    /// (article, span) of every mention.
    mentions: Vec<Mention>,
    /// Start of every mention, by article: "is it named in this article, and where" without
    /// walking all its mentions (a person named in thousands of articles has many).
    starts: FxHashMap<usize, Vec<usize>>,
}

impl Cluster {
    fn gender(&self) -> Option<Gender> {
        match (self.male > 0, self.female > 0) {
            (true, false) => Some(Gender::Male),
            (false, true) => Some(Gender::Female),
            _ => None,
        }
    }

    fn add_name(&mut self, name: &ParsedName) {
        if let Some(g) = name.given() {
            if !self.given.iter().any(|x| x == g) {
                self.given.push(g.to_string());
                let c = lx::classify_key(g);
                match (c & lx::GIVEN_M != 0, c & lx::GIVEN_F != 0) {
                    (true, false) => self.male += 1,
                    (false, true) => self.female += 1,
                    _ => {}
                }
            }
            let first = translit(g);
            if !self.first_words.contains(&first) {
                self.first_words.push(first);
            }
        }
    }
}

/// One article's text and names.
pub struct ArticleNames<'a> {
    /// The article text.
    pub text: &'a str,
    /// What [`super::scan::scan`] found in it.
    pub names: &'a Names,
}

struct Merger<'a> {
    articles: &'a [ArticleNames<'a>],
    clusters: Vec<Cluster>,
    by_key: FxHashMap<String, Vec<usize>>,
    /// Clusters by each of their `first_words`: looking a word up must not scan every person.
    by_first_word: FxHashMap<String, Vec<usize>>,
    /// Clusters by their first given name, transliterated.
    by_given: FxHashMap<String, Vec<usize>>,
    /// Cluster of each sure hit, by (article, hit index).
    assigned: FxHashMap<(usize, usize), usize>,
}

impl<'a> Merger<'a> {
    fn new_cluster(&mut self, name: &ParsedName) -> usize {
        let id = self.clusters.len();
        self.clusters.push(Cluster {
            key: name.key.clone(),
            ..Cluster::default()
        });
        self.add_name(id, name);
        self.by_key.entry(name.key.clone()).or_default().push(id);
        id
    }

    /// Adds a name's given name to a cluster, keeping the word indexes up to date.
    fn add_name(&mut self, id: usize, name: &ParsedName) {
        let c = &mut self.clusters[id];
        let (had_given, had_first) = (c.given.len(), c.first_words.len());
        c.add_name(name);
        if had_given == 0
            && let Some(g) = c.given.first()
        {
            self.by_given.entry(translit(g)).or_default().push(id);
        }
        for w in &c.first_words[had_first..] {
            self.by_first_word.entry(w.clone()).or_default().push(id);
        }
    }

    fn mention(&mut self, cluster: usize, article: usize, span: Span, gender: Option<Gender>) {
        let c = &mut self.clusters[cluster];
        c.mentions.push(Mention { article, span });
        c.starts.entry(article).or_default().push(span.start);
        match gender {
            Some(Gender::Male) => c.male += 1,
            Some(Gender::Female) => c.female += 1,
            None => {}
        }
    }

    /// Chooses among clusters that all fit a mention: the gender first, then the person last
    /// named before it in the same article, then one named anywhere in the article, then the
    /// most mentioned.
    fn choose(
        &self,
        options: &[usize],
        article: usize,
        offset: usize,
        gender: Option<Gender>,
    ) -> Option<usize> {
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
        let latest_before = |c: usize| {
            self.clusters[c]
                .starts
                .get(&article)?
                .iter()
                .copied()
                .filter(|&s| s < offset)
                .max()
        };
        if let Some(best) = opts
            .iter()
            .copied()
            .filter_map(|c| latest_before(c).map(|at| (at, c)))
            .max()
        {
            return Some(best.1);
        }
        let in_article = |c: usize| self.clusters[c].starts.get(&article)?.iter().copied().min();
        if let Some(best) = opts
            .iter()
            .copied()
            .filter_map(|c| in_article(c).map(|at| (at, c)))
            .min()
        {
            return Some(best.1);
        }
        opts.iter()
            .copied()
            .max_by_key(|&c| (self.clusters[c].mentions.len(), std::cmp::Reverse(c)))
    }

    /// Clusters with the name's key whose given names fit.
    fn fitting(&self, name: &ParsedName) -> Vec<usize> {
        self.by_key
            .get(&name.key)
            .map(|ids| {
                ids.iter()
                    .copied()
                    .filter(|&c| fits(&self.clusters[c], name))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Full names (given name and surname): the people.
    fn place_full(&mut self, article: usize, hit_index: usize, hit: &NameHit, name: &ParsedName) {
        let options = self.fitting(name);
        let cluster = match self.choose(&options, article, hit.span.start, hit.gender) {
            Some(c) => c,
            None => match self.reversed(name) {
                Some(c) => c,
                None => self.new_cluster(name),
            },
        };
        self.add_name(cluster, name);
        self.mention(cluster, article, hit.span, hit.gender);
        self.assigned.insert((article, hit_index), cluster);
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

    /// A one-word name of a person found elsewhere: by surname, else by family name first
    /// ("Mr. Morishita" for "Morishita Haruto") in the same article.
    fn find_single(
        &self,
        name: &ParsedName,
        article: usize,
        offset: usize,
        gender: Option<Gender>,
    ) -> Option<usize> {
        let options = self.fitting(name);
        if let Some(c) = self.choose(&options, article, offset, gender) {
            return Some(c);
        }
        let family_first: Vec<usize> = self
            .by_first_word
            .get(&name.key)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&c| self.clusters[c].starts.contains_key(&article))
            .collect();
        if family_first.len() == 1 {
            return Some(family_first[0]);
        }
        None
    }

    /// A given name alone ("Yusuf") for a person named in full in the same article, when no
    /// other person of the article shares it.
    fn find_given(&self, word: &str, article: usize) -> Option<usize> {
        let key = translit(word);
        if self.by_key.contains_key(&key) {
            return None;
        }
        let matches: Vec<usize> = self
            .by_given
            .get(&key)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&c| self.clusters[c].starts.contains_key(&article))
            .collect();
        (matches.len() == 1).then(|| matches[0])
    }

    fn run(mut self) -> Vec<Cluster> {
        let articles = self.articles;
        // 1. Full names with a cue.
        for (a, art) in articles.iter().enumerate() {
            for (h, hit) in art.names.sure.iter().enumerate() {
                if hit.cue == Cue::Alias {
                    continue;
                }
                let name = ParsedName::parse(hit.span.slice(art.text));
                if name.words.len() >= 2 {
                    self.place_full(a, h, hit, &name);
                }
            }
        }
        // 2. One-word names with a cue ("Mr. Halvorsen", "President Halvorsen").
        for (a, art) in articles.iter().enumerate() {
            for (h, hit) in art.names.sure.iter().enumerate() {
                if hit.cue == Cue::Alias {
                    continue;
                }
                let name = ParsedName::parse(hit.span.slice(art.text));
                if name.words.len() != 1 {
                    continue;
                }
                let cluster = match self.find_single(&name, a, hit.span.start, hit.gender) {
                    Some(c) => c,
                    None => self.new_cluster(&name),
                };
                self.mention(cluster, a, hit.span, hit.gender);
                self.assigned.insert((a, h), cluster);
            }
        }
        // 3. Restatements in another script join the name they restate.
        for (a, art) in articles.iter().enumerate() {
            for hit in &art.names.sure {
                if let Some(of) = hit.same_as
                    && let Some(&c) = self.assigned.get(&(a, of as usize))
                {
                    self.mention(c, a, hit.span, None);
                }
            }
        }
        // 4. Candidates naming a known person.
        for (a, art) in articles.iter().enumerate() {
            for hit in &art.names.candidates {
                self.place_candidate(a, art.text, hit);
            }
        }
        self.clusters
    }

    fn place_candidate(&mut self, article: usize, text: &str, hit: &NameHit) {
        let written = hit.span.slice(text);
        let name = ParsedName::parse(written);
        if name.words.is_empty() {
            return;
        }
        if name.words.len() >= 2 {
            let options = self.fitting(&name);
            if let Some(c) = self.choose(&options, article, hit.span.start, None) {
                // A full name of a known person ("Peter Hallström" once "Peter J. Hallström"
                // is known), but not a different person with the same surname.
                if name.given().is_some() {
                    self.add_name(c, &name);
                }
                self.mention(c, article, hit.span, None);
            }
            return;
        }
        if let Some(c) = self.find_single(&name, article, hit.span.start, None) {
            self.mention(c, article, hit.span, None);
            return;
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
                if let Some(c) = self.find_single(&p, article, span.start, None) {
                    found.push((c, span));
                }
            }
            for (c, span) in found {
                self.mention(c, article, span, None);
            }
            return;
        }
        if let Some(c) = self.find_given(&name.words[0], article) {
            self.mention(c, article, hit.span, None);
        }
    }
}

/// Groups the names of all articles into people (`articles[i]` is corpus article `i`).
pub fn cluster(articles: &[ArticleNames<'_>]) -> Vec<Actor> {
    let merger = Merger {
        articles,
        clusters: Vec::new(),
        by_key: FxHashMap::default(),
        by_first_word: FxHashMap::default(),
        by_given: FxHashMap::default(),
        assigned: FxHashMap::default(),
    };
    merger
        .run()
        .into_iter()
        .filter(|c| !c.mentions.is_empty())
        .map(|c| to_actor(c, articles))
        .collect()
}

/// The display name: the most frequent form with a given name and a surname (ties: the longer,
/// then the first seen); the other forms become aliases.
fn to_actor(mut c: Cluster, articles: &[ArticleNames<'_>]) -> Actor {
    c.mentions.sort();
    c.mentions
        .dedup_by(|b, a| a.article == b.article && a.span.overlaps(&b.span));
    // Forms as written, whitespace collapsed, counted; first-seen order kept.
    let mut forms: Vec<(String, usize)> = Vec::new();
    let mut form_of: FxHashMap<String, usize> = FxHashMap::default();
    for m in &c.mentions {
        let text = m.span.slice(articles[m.article].text);
        let form = text.split_whitespace().collect::<Vec<_>>().join(" ");
        match form_of.entry(fold(&form)) {
            std::collections::hash_map::Entry::Occupied(i) => forms[*i.get()].1 += 1,
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(forms.len());
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
