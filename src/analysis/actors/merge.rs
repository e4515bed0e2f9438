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
use std::hash::BuildHasher;

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

/// Strings numbered once per clustering run, so that names are compared and indexed as numbers.
/// The strings are kept end to end in one buffer and the table holds only their numbers: a
/// name-dense text brings tens of thousands of new names, and each costs no allocation of its
/// own, to make or to free.
#[derive(Debug, Default)]
struct Interner {
    ids: hashbrown::HashTable<u32>,
    text: String,
    /// Where each string ends in `text` (it starts where the one before it ends).
    ends: Vec<usize>,
}

fn str_hash(s: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(s)
}

/// String `id` of an [`Interner`]'s buffer.
fn interned<'t>(text: &'t str, ends: &[usize], id: u32) -> &'t str {
    let i = id as usize;
    let start = if i == 0 { 0 } else { ends[i - 1] };
    &text[start..ends[i]]
}

impl Interner {
    /// The number of `s`, and whether it is new.
    fn intern(&mut self, s: &str) -> (u32, bool) {
        let hash = str_hash(s);
        let Interner { ids, text, ends } = self;
        if let Some(&id) = ids.find(hash, |&id| interned(text, ends, id) == s) {
            return (id, false);
        }
        let id = ends.len() as u32;
        text.push_str(s);
        ends.push(text.len());
        ids.insert_unique(hash, id, |&id| str_hash(interned(text, ends, id)));
        (id, true)
    }

    fn str(&self, id: u32) -> &str {
        interned(&self.text, &self.ends, id)
    }
}

/// What matching needs to know of a folded word, worked out once per distinct word.
#[derive(Debug, Clone, Copy)]
struct Word {
    /// [`translit`] of the word, a number in `Ctx::keys`.
    translit: u32,
    /// [`skeleton`] of that, a number in `Ctx::keys`.
    skeleton: u32,
    /// [`lx::classify_key`] of the word.
    class: u32,
    /// The surname key of a name ending with the word (see [`ParsedName::key`]), a number in
    /// `Ctx::keys`.
    surname: u32,
    /// Its first letter and, when it differs, its first sound (see [`first_sound`]).
    first: Option<char>,
    sound: Option<char>,
    /// [`first_sound`] of the word.
    first_sound: Option<char>,
    /// Whether it has known short or full forms.
    nick: bool,
}

/// A name as [`ParsedName`] splits it, with its words and keys as numbers.
#[derive(Debug, Clone, Default)]
struct Parsed {
    /// Folded main words, numbers in `Ctx::words`.
    words: Vec<u32>,
    /// Whether it has initials, and the first, uppercase.
    initial: Option<char>,
    has_initials: bool,
    /// The surname key (see [`ParsedName::key`]), a number in `Ctx::keys`.
    key: u32,
    /// For two words or more: every word transliterated and run together (see
    /// `Cluster::spellings`), and the first two words transliterated (see `Merger::pairs`),
    /// numbers in `Ctx::keys`.
    spelling: u32,
    pair: (u32, u32),
}

impl Parsed {
    fn given(&self) -> Option<u32> {
        (self.words.len() >= 2).then(|| self.words[0])
    }
}

/// A mention's form for display (white space collapsed), with what choosing the display name
/// asks of it.
#[derive(Debug, Clone)]
struct Form {
    /// The form folded, a number in `Ctx::phrases`: forms are counted by it.
    folded: u32,
    has_lower: bool,
    /// Whether it parses to two main words or more.
    full: bool,
    word_count: usize,
}

/// Whether a name as written has its words apart by single spaces, nothing before or after
/// (`split_whitespace` and `split(' ')` agree): it is then its own display form. An ASCII name,
/// the usual case, is checked byte by byte.
fn collapsed(written: &str) -> bool {
    if !written.is_ascii() {
        return written.split_whitespace().eq(written.split(' '));
    }
    let b = written.as_bytes();
    !b.is_empty()
        && b[0] != b' '
        && b[b.len() - 1] != b' '
        && !b.windows(2).any(|w| w == b"  ")
        && !b.iter().any(|&c| c != b' ' && lx::is_split_space(c))
}

/// Everything worked out once per distinct string in a clustering run: the numbers of words
/// and keys, each written name parsed, each written mention's display form. A name-dense text
/// names the same few thousand people again and again; each mention then costs lookups, not
/// parsing, folding and transliterating.
#[derive(Default)]
struct Ctx {
    words: Interner,
    word_info: Vec<Word>,
    keys: Interner,
    parsed: Vec<Parsed>,
    phrases: Interner,
    /// The display forms, numbered as `form_texts` numbers their texts.
    forms: Vec<Form>,
    form_texts: Interner,
    /// Names as written, and what each was found to be: its parsed name, its phrase and its
    /// display form (`NONE` until asked). The strings are the context's own, not the texts':
    /// articles are merged one at a time, each text dropped once its names are in.
    written: Interner,
    written_of: Vec<[u32; 3]>,
    /// A buffer for building keys without allocating.
    buf: String,
}

/// What a written name was found to be, in `Ctx::written_of`.
const PARSED: usize = 0;
const PHRASE: usize = 1;
const FORM: usize = 2;
const NONE: u32 = u32::MAX;

impl Ctx {
    /// The number of a name as written, and what it is known to be.
    fn written(&mut self, written: &str) -> usize {
        let (id, new) = self.written.intern(written);
        if new {
            self.written_of.push([NONE; 3]);
        }
        id as usize
    }

    fn key(&mut self, s: &str) -> u32 {
        self.keys.intern(s).0
    }

    /// The number of a folded word.
    fn word(&mut self, folded: &str) -> u32 {
        let (id, new) = self.words.intern(folded);
        if new {
            let t = translit(folded);
            let translit_id = self.key(&t);
            let skeleton = self.key(&skeleton(&t));
            let first = folded.chars().next();
            let surname = self.key(&translit(without_article(folded)));
            self.word_info.push(Word {
                surname,
                translit: translit_id,
                skeleton,
                class: lx::classify_key(folded),
                first,
                sound: first_sound(folded).filter(|&s| Some(s) != first),
                first_sound: first_sound(folded),
                nick: lx::has_nicknames(folded),
            });
        }
        id
    }

    fn info(&self, word: u32) -> Word {
        self.word_info[word as usize]
    }

    /// A name as written, parsed as [`ParsedName::parse`] does (once per distinct form).
    fn parse(&mut self, written: &str) -> u32 {
        let w = self.written(written);
        let known = self.written_of[w][PARSED];
        if known != NONE {
            return known;
        }
        let mut words = Vec::with_capacity(3);
        let (mut initial, mut has_initials) = (None, false);
        let mut buf = std::mem::take(&mut self.buf);
        let mut pieces = written.split_whitespace().enumerate().peekable();
        while let Some((i, p)) = pieces.next() {
            let bare = p.trim_end_matches('.');
            let mut chars = bare.chars();
            if let (Some(c), None) = (chars.next(), chars.next())
                && c.is_uppercase()
                && p.ends_with('.')
            {
                initial = initial.or(Some(c));
                has_initials = true;
                continue;
            }
            let last = pieces.peek().is_none();
            let class = classify(bare);
            if (class & lx::PARTICLE != 0 && !last) || (class & lx::SUFFIX != 0 && i > 0) {
                continue;
            }
            buf.clear();
            crate::text::fold_into(bare, &mut buf);
            words.push(self.word(&buf));
        }
        let key = match words.last() {
            Some(&w) => self.info(w).surname,
            None => self.key(""),
        };
        let (mut spelling, mut pair) = (0, (0, 0));
        if words.len() >= 2 {
            buf.clear();
            for &w in &words {
                buf.push_str(self.keys.str(self.info(w).translit));
            }
            spelling = self.key(&buf);
            // A two-word name's key is its surname transliterated.
            let second = if words.len() == 2 {
                key
            } else {
                self.info(words[1]).translit
            };
            pair = (self.info(words[0]).translit, second);
        }
        self.buf = buf;
        let id = self.parsed.len() as u32;
        self.parsed.push(Parsed {
            words,
            initial,
            has_initials,
            key,
            spelling,
            pair,
        });
        self.written_of[w][PARSED] = id;
        id
    }

    /// The gazetteer key of a phrase as written (see [`lx::phrase_key`]), as a number.
    fn phrase(&mut self, written: &str) -> u32 {
        let w = self.written(written);
        let known = self.written_of[w][PHRASE];
        if known != NONE {
            return known;
        }
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        lx::phrase_key_into(written, &mut buf);
        let id = self.phrases.intern(&buf).0;
        self.buf = buf;
        self.written_of[w][PHRASE] = id;
        id
    }

    /// The display form of a mention as written.
    fn form(&mut self, written: &str) -> u32 {
        let w = self.written(written);
        let known = self.written_of[w][FORM];
        if known != NONE {
            return known;
        }
        // Words are split on white space: the collapsed form parses as the written one, and
        // folds to its gazetteer key.
        let full = {
            let p = self.parse(written);
            self.parsed[p as usize].words.len() >= 2
        };
        let folded = self.phrase(written);
        let text: std::borrow::Cow<'_, str> = if collapsed(written) {
            written.into()
        } else {
            written
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .into()
        };
        let (id, new) = self.form_texts.intern(&text);
        if new {
            debug_assert_eq!(id as usize, self.forms.len());
            self.forms.push(Form {
                folded,
                has_lower: text.chars().any(char::is_lowercase),
                full,
                word_count: text.split_whitespace().count(),
            });
        }
        self.written_of[w][FORM] = id;
        id
    }

    /// [`compatible_given`] on word numbers.
    fn compatible(&self, a: u32, b: u32) -> bool {
        if a == b {
            return true;
        }
        let (sa, sb) = (self.words.str(a), self.words.str(b));
        let (short, long) = if sa.len() <= sb.len() {
            (sa, sb)
        } else {
            (sb, sa)
        };
        if short.chars().count() == 1 {
            return long.starts_with(short);
        }
        if short.len() >= 3 && long.starts_with(short) {
            return true;
        }
        let (wa, wb) = (self.info(a), self.info(b));
        if wa.nick && wb.nick && lx::same_given_name(sa, sb) {
            return true;
        }
        if wa.first_sound != wb.first_sound {
            return false;
        }
        wa.translit == wb.translit || wa.skeleton == wb.skeleton
    }
}

/// Clusters by surname key, then by given name, grouped so that a given name is compared only
/// with those it can be compatible with (see [`compatible_given`]): the ones with its first
/// letter (equal, initial, short form), with its first sound (transliteration), and the ones
/// with known short or full forms. A lookup then stays small however many people of a
/// name-dense text bear the surname.
#[derive(Debug, Default)]
struct Givens {
    /// (surname key, letter) → the first of its entries.
    by_letter: FxHashMap<(u32, char), u32>,
    /// Surname key → the first of its entries for given names with short or full forms.
    nick: FxHashMap<u32, u32>,
    /// Entries as (given name, cluster, next entry of the same list or `NONE`): lists in one
    /// vector, so that adding a person allocates nothing.
    entries: Vec<(u32, usize, u32)>,
}

impl Givens {
    const NONE: u32 = u32::MAX;

    fn push(entries: &mut Vec<(u32, usize, u32)>, head: &mut u32, given: u32, id: usize) {
        entries.push((given, id, *head));
        *head = entries.len() as u32 - 1;
    }

    fn insert(&mut self, ctx: &Ctx, key: u32, given: u32, id: usize) {
        let w = ctx.info(given);
        for l in [w.first, w.sound].into_iter().flatten() {
            let head = self.by_letter.entry((key, l)).or_insert(Self::NONE);
            Self::push(&mut self.entries, head, given, id);
        }
        if w.nick {
            let head = self.nick.entry(key).or_insert(Self::NONE);
            Self::push(&mut self.entries, head, given, id);
        }
    }

    /// The entries of the list that starts at `head`.
    fn list(&self, head: u32) -> impl Iterator<Item = (u32, usize)> + '_ {
        let mut at = head;
        std::iter::from_fn(move || {
            let &(given, id, next) = self.entries.get(at as usize)?;
            at = next;
            Some((given, id))
        })
    }

    /// Clusters of surname `key` bearing a given name compatible with `g` (possibly repeated).
    fn compatible<'s>(
        &'s self,
        ctx: &'s Ctx,
        key: u32,
        g: u32,
    ) -> impl Iterator<Item = usize> + 's {
        let w = ctx.info(g);
        let nick = w.nick.then(|| self.nick.get(&key)).flatten();
        [w.first, w.sound]
            .into_iter()
            .flatten()
            .filter_map(move |l| self.by_letter.get(&(key, l)))
            .chain(nick)
            .flat_map(|&head| self.list(head))
            .filter(move |&(h, _)| ctx.compatible(g, h))
            .map(|(_, id)| id)
    }

    /// Clusters of surname `key` bearing a given name that starts with `prefix` (not empty).
    fn starting<'s>(
        &'s self,
        ctx: &'s Ctx,
        key: u32,
        prefix: &'s str,
    ) -> impl Iterator<Item = usize> + 's {
        prefix
            .chars()
            .next()
            .and_then(|l| self.by_letter.get(&(key, l)))
            .into_iter()
            .flat_map(|&head| self.list(head))
            .filter(move |&(h, _)| ctx.words.str(h).starts_with(prefix))
            .map(|(_, id)| id)
    }
}

/// A person being assembled within one article.
#[derive(Debug, Default)]
struct Cluster {
    /// The surname key, a number in `Ctx::keys`.
    key: u32,
    /// Folded first given names seen (numbers in `Ctx::words`).
    given: Vec<u32>,
    /// Transliterated first main word of its full forms (for family-name-first names:
    /// "Morishita"), numbers in `Ctx::keys`.
    first_words: Vec<u32>,
    /// Every full form's words, transliterated and run together: "kimjongun" for both "Kim
    /// Jong-un" and "Kim Jong Un", which split their words differently.
    spellings: Vec<u32>,
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

/// Whether a name's given names and initials fit a cluster's.
fn fits(ctx: &Ctx, cluster: &Cluster, name: &Parsed) -> bool {
    match (name.given(), cluster.given.first()) {
        (Some(g), Some(_)) => cluster.given.iter().any(|&c| ctx.compatible(g, c)),
        (None, _) => {
            // "V. Sorel": an initial must agree with a known given name.
            match (name.initial, cluster.given.first()) {
                (Some(i), Some(_)) if name.words.len() == 1 => {
                    let i = i.to_lowercase().to_string();
                    cluster
                        .given
                        .iter()
                        .any(|&g| ctx.words.str(g).starts_with(&i))
                }
                _ => true,
            }
        }
        (Some(_), None) => true,
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
struct Merger<'a, 'c> {
    ctx: &'c mut Ctx,
    article: usize,
    names: &'a Names,
    text: &'a str,
    clusters: Vec<Cluster>,
    by_key: FxHashMap<u32, Vec<usize>>,
    /// The cluster with a given transliterated first word of its full forms, `None` when
    /// several share it: only a word that one person of the article bears can name them alone,
    /// and keeping no list keeps each lookup constant in a name-dense text.
    by_first: FxHashMap<u32, Option<usize>>,
    /// Cluster of each sure hit, by hit index.
    assigned: Vec<Option<usize>>,
    /// Clusters by surname key, then by each of their given names: a full name is compared
    /// with the given names borne with its surname, not with every namesake, so a lookup stays
    /// constant however many people of a name-dense text share the surname.
    by_given: Givens,
    /// Clusters by surname key that have no given name yet (they fit any given name).
    no_given: FxHashMap<u32, Vec<usize>>,
    /// Mention starts, as (start, cluster), of the clusters of a surname key by their current
    /// gender, with the number of such clusters: a bare surname finds the person named last
    /// before it in log time.
    by_gender: FxHashMap<(u32, Option<Gender>), GenderClass>,
    /// What each name hit says beyond its name, by start offset: its person firmness (see
    /// `Cluster::firm`) and its organisation evidence.
    evidence: FxHashMap<usize, (u8, Option<OrgCue>)>,
    /// The one cluster (`None` when several) of each two-word full name, and of each opening
    /// pair of words of a longer full name, transliterated: "Ana Sofia" and "Ana Sofia Brandt"
    /// are one person in one article.
    pairs: FxHashMap<(u32, u32), Option<usize>>,
    openings: FxHashMap<(u32, u32), Option<usize>>,
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

impl<'a, 'c> Merger<'a, 'c> {
    fn new(ctx: &'c mut Ctx, article: usize, art: &ArticleNames<'a>) -> Merger<'a, 'c> {
        let evidence = art
            .names
            .sure
            .iter()
            .chain(&art.names.candidates)
            .map(|h| (h.span.start, (firmness(art.text, h), h.org)))
            .filter(|(_, (firm, org))| *firm > 0 || org.is_some())
            .collect();
        Merger {
            ctx,
            evidence,
            pairs: FxHashMap::default(),
            openings: FxHashMap::default(),
            article,
            names: art.names,
            text: art.text,
            clusters: Vec::new(),
            by_key: FxHashMap::default(),
            by_first: FxHashMap::default(),
            assigned: vec![None; art.names.sure.len()],
            by_given: Givens::default(),
            no_given: FxHashMap::default(),
            by_gender: FxHashMap::default(),
        }
    }

    /// Moves a cluster between the gender classes of `by_gender` after its counts changed.
    fn regender(&mut self, id: usize, before: Option<Gender>) {
        let c = &self.clusters[id];
        let after = c.gender();
        if after == before {
            return;
        }
        if let Some((n, set)) = self.by_gender.get_mut(&(c.key, before)) {
            *n -= 1;
            for &s in &c.starts {
                set.remove(&(s, id));
            }
        }
        let (n, set) = self.by_gender.entry((c.key, after)).or_default();
        *n += 1;
        set.extend(c.starts.iter().map(|&s| (s, id)));
    }

    fn new_cluster(&mut self, name: u32) -> usize {
        let id = self.clusters.len();
        let key = self.ctx.parsed[name as usize].key;
        self.clusters.push(Cluster {
            key,
            ..Cluster::default()
        });
        self.by_key.entry(key).or_default().push(id);
        self.no_given.entry(key).or_default().push(id);
        self.by_gender.entry((key, None)).or_default().0 += 1;
        self.add_name(id, name);
        id
    }

    fn add_name(&mut self, id: usize, name: u32) {
        let ctx = &*self.ctx;
        let name = &ctx.parsed[name as usize];
        let Some(g) = name.given() else { return };
        let before = self.clusters[id].gender();
        let c = &mut self.clusters[id];
        if !c.spellings.contains(&name.spelling) {
            c.spellings.push(name.spelling);
        }
        if !c.given.contains(&g) {
            if c.given.is_empty()
                && let Some(ids) = self.no_given.get_mut(&c.key)
            {
                ids.retain(|&x| x != id);
            }
            c.given.push(g);
            let class = ctx.info(g).class;
            match (class & lx::GIVEN_M != 0, class & lx::GIVEN_F != 0) {
                (true, false) => c.male += 1,
                (false, true) => c.female += 1,
                _ => {}
            }
            let key = c.key;
            self.by_given.insert(ctx, key, g, id);
            self.regender(id, before);
        }
        let c = &mut self.clusters[id];
        let first = self.ctx.info(g).translit;
        if !c.first_words.contains(&first) {
            c.first_words.push(first);
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
            let key = (c.key, before);
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
    fn choose_any(&self, key: u32, offset: usize, gender: Option<Gender>) -> Option<usize> {
        let class = |g: Option<Gender>| self.by_gender.get(&(key, g));
        let count = |g: Option<Gender>| class(g).map_or(0, |(n, _)| *n);
        let all = [None, Some(Gender::Male), Some(Gender::Female)];
        let classes: &[Option<Gender>] = match gender {
            Some(g) if count(Some(g)) > 0 => &[Some(g)],
            Some(_) => &[None],
            None => &all,
        };
        let total: usize = classes.iter().map(|&g| count(g)).sum();
        if total == 0 {
            return None;
        }
        let sets = || classes.iter().filter_map(|&g| class(g)).map(|(_, s)| s);
        if total == 1
            && let Some(only) = sets().find_map(|s| s.first())
        {
            return Some(only.1);
        }
        if sets().all(|s| s.is_empty()) {
            // Rare: a cluster not yet mentioned; ask the slow way.
            let opts: Vec<usize> = self.by_key.get(&key).cloned().unwrap_or_default();
            return self.choose(opts, offset, gender);
        }
        if let Some(best) = sets()
            .filter_map(|s| s.range(..(offset, 0)).next_back())
            .max()
        {
            return Some(best.1);
        }
        sets().filter_map(|s| s.first()).min().map(|p| p.1)
    }

    /// The cluster a name names: [`Self::fitting`] then [`Self::choose`].
    fn pick(&self, name: u32, offset: usize, gender: Option<Gender>) -> Option<usize> {
        let p = &self.ctx.parsed[name as usize];
        if p.given().is_none() && (!p.has_initials || p.words.len() != 1) {
            return self.choose_any(p.key, offset, gender);
        }
        self.choose(self.fitting(p), offset, gender)
    }

    /// Chooses among clusters that all fit a mention: the gender first, then the person last
    /// named before it, then the one named first.
    fn choose(&self, mut opts: Vec<usize>, offset: usize, gender: Option<Gender>) -> Option<usize> {
        if let Some(g) = gender {
            if opts.iter().any(|&c| self.clusters[c].gender() == Some(g)) {
                opts.retain(|&c| self.clusters[c].gender() == Some(g));
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
    fn fitting(&self, name: &Parsed) -> Vec<usize> {
        let ctx = &*self.ctx;
        let mut out: Vec<usize> = self.no_given.get(&name.key).cloned().unwrap_or_default();
        let initial = name.initial.map(|i| i.to_lowercase().to_string());
        match (name.given(), initial) {
            (Some(g), _) => out.extend(self.by_given.compatible(ctx, name.key, g)),
            (None, Some(i)) if name.words.len() == 1 => {
                if !i.is_empty() {
                    out.extend(self.by_given.starting(ctx, name.key, &i));
                }
            }
            _ => return self.by_key.get(&name.key).cloned().unwrap_or_default(),
        }
        out.sort_unstable();
        out.dedup();
        debug_assert!(out.iter().all(|&c| fits(ctx, &self.clusters[c], name)));
        out
    }

    /// Full names (given name and surname): the people.
    fn place_full(&mut self, hit_index: usize, hit: &NameHit, name: u32) {
        let cluster = match self.pick(name, hit.span.start, hit.gender) {
            Some(c) => c,
            None => match self.reversed(name).or_else(|| self.longer_or_shorter(name)) {
                Some(c) => c,
                None => self.new_cluster(name),
            },
        };
        self.add_name(cluster, name);
        let p = &self.ctx.parsed[name as usize];
        if p.words.len() >= 2 {
            let map = if p.words.len() == 2 {
                &mut self.pairs
            } else {
                &mut self.openings
            };
            map.entry(p.pair)
                .and_modify(|only| {
                    if *only != Some(cluster) {
                        *only = None;
                    }
                })
                .or_insert(Some(cluster));
        }
        self.mention(cluster, hit.span, hit.gender);
        self.assigned[hit_index] = Some(cluster);
    }

    /// The one person of the article whose full name is this name with a last word more ("Ana
    /// Sofia" for "Ana Sofia Brandt"), or less ("Ana Sofia Brandt" for "Ana Sofia").
    fn longer_or_shorter(&self, name: u32) -> Option<usize> {
        let p = &self.ctx.parsed[name as usize];
        if p.words.len() < 2 {
            return None;
        }
        let map = if p.words.len() == 2 {
            &self.openings
        } else {
            &self.pairs
        };
        (*map.get(&p.pair)?).filter(|&c| self.clusters[c].given.first() == Some(&p.words[0]))
    }

    /// A cluster holding the same words in another order ("Haruto Morishita").
    fn reversed(&self, name: u32) -> Option<usize> {
        let ctx = &*self.ctx;
        let p = &ctx.parsed[name as usize];
        let mut mine: Vec<u32> = p.words.iter().map(|&w| ctx.info(w).translit).collect();
        mine.sort_unstable();
        self.by_key
            .get(&ctx.info(*p.words.first()?).translit)?
            .iter()
            .copied()
            .find(|&c| {
                let c = &self.clusters[c];
                let mut theirs: Vec<u32> = c.first_words.clone();
                theirs.push(c.key);
                theirs.sort_unstable();
                theirs.dedup();
                theirs == mine
            })
    }

    /// A one-word name of a person of the article: by surname, else by family name first
    /// ("Mr. Morishita" for "Morishita Haruto").
    fn find_single(&self, name: u32, offset: usize, gender: Option<Gender>) -> Option<usize> {
        if let Some(c) = self.pick(name, offset, gender) {
            return Some(c);
        }
        let key = self.ctx.parsed[name as usize].key;
        match self.by_first.get(&key) {
            Some(&Some(only)) if self.clusters[only].key != key => Some(only),
            _ => None,
        }
    }

    /// A given name alone ("Yusuf") for a person named in full, when no other person of the
    /// article shares it.
    fn find_given(&self, word: u32) -> Option<usize> {
        let key = self.ctx.info(word).translit;
        if self.by_key.contains_key(&key) {
            return None;
        }
        let only = (*self.by_first.get(&key)?)?;
        self.clusters[only]
            .given
            .first()
            .is_some_and(|&g| self.ctx.info(g).translit == key)
            .then_some(only)
    }

    /// The people of the article, and its organisations and places (each a kind and a
    /// mention).
    fn run(mut self) -> (Vec<Cluster>, Vec<EntityHit>) {
        let names = self.names;
        let text = self.text;
        // Each sure hit parsed once (its written form once per run).
        let parsed: Vec<u32> = names
            .sure
            .iter()
            .map(|hit| self.ctx.parse(hit.span.slice(text)))
            .collect();
        // 1. Full names with a cue.
        let mut two_word: Option<rustc_hash::FxHashSet<String>> = None;
        for (h, hit) in names.sure.iter().enumerate() {
            if hit.cue == Cue::Alias {
                continue;
            }
            let name = parsed[h];
            let words = self.ctx.parsed[name as usize].words.len();
            if words >= 3 {
                let known = two_word.get_or_insert_with(|| full_names(names, text));
                if let Some(hit) = possessive_inside(text, hit, known) {
                    let name = self.ctx.parse(hit.span.slice(text));
                    self.place_full(h, &hit, name);
                    continue;
                }
            }
            if words >= 2 {
                self.place_full(h, hit, name);
            }
        }
        // 2. One-word names with a cue ("Mr. Halvorsen", "President Halvorsen").
        for (h, hit) in names.sure.iter().enumerate() {
            if hit.cue == Cue::Alias {
                continue;
            }
            let name = parsed[h];
            if self.ctx.parsed[name as usize].words.len() != 1 {
                continue;
            }
            let cluster = match self.find_single(name, hit.span.start, hit.gender) {
                Some(c) => c,
                None => self.new_cluster(name),
            };
            self.mention(cluster, hit.span, hit.gender);
            self.assigned[h] = Some(cluster);
        }
        // 3. Restatements in another script join the name they restate.
        for hit in &names.sure {
            if let Some(of) = hit.same_as
                && let Some(&Some(c)) = self.assigned.get(of as usize)
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
                let name = self.ctx.parse(written);
                let found = if self.ctx.parsed[name as usize].words.is_empty() {
                    None
                } else {
                    self.pick(name, e.span.start, None)
                };
                if let Some(c) = found {
                    self.mention(c, e.span, None);
                    continue;
                }
            }
            entities.push(*e);
        }
        // 5. Candidates naming a person of the article, else one of its organisations or places.
        let mut kinds: FxHashMap<u32, ActorKind> = FxHashMap::default();
        for e in &entities {
            let phrase = self.ctx.phrase(e.span.slice(text));
            kinds.insert(phrase, e.kind);
        }
        for hit in &names.candidates {
            if self.place_candidate(hit) {
                continue;
            }
            let phrase = self.ctx.phrase(hit.span.slice(text));
            if let Some(&kind) = kinds.get(&phrase) {
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
        let name = self.ctx.parse(written);
        let p = &self.ctx.parsed[name as usize];
        if p.words.is_empty() {
            return false;
        }
        if p.words.len() >= 2 {
            let (given, key, two) = (p.given(), p.key, p.words.len() == 2);
            if let Some(c) = self.pick(name, hit.span.start, None) {
                // A full name of a known person ("Peter Hallström" once "Peter J. Hallström"
                // is known), but not a different person with the same surname.
                if given.is_some() {
                    self.add_name(c, name);
                }
                self.mention(c, hit.span, None);
                return true;
            } else if self.by_key.contains_key(&key)
                && two
                && given.is_some_and(|g| self.ctx.info(g).class & lx::GIVEN != 0)
            {
                // Another given name with the surname of a person of the article: a relative
                // or a namesake ("Rui Morais" beside "Ana Morais"), a person of their own.
                let c = self.new_cluster(name);
                self.mention(c, hit.span, None);
                return true;
            }
            return false;
        }
        let first_word = p.words[0];
        if let Some(c) = self.find_single(name, hit.span.start, None) {
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
                let p = self.ctx.parse(part);
                if let Some(c) = self.find_single(p, span.start, None) {
                    found.push((c, span));
                }
            }
            let any = !found.is_empty();
            for (c, span) in found {
                self.mention(c, span, None);
            }
            return any;
        }
        if let Some(c) = self.find_given(first_word) {
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
) -> Option<NameHit> {
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
    Some(cut_hit)
}

/// People across articles: a full name joins the people of other articles with the same surname
/// and a compatible given name; a bare surname (an article that never gives the full name) joins
/// the one such person when there is exactly one, and otherwise stays apart.
#[derive(Default)]
struct Joined {
    clusters: Vec<Cluster>,
    by_key: FxHashMap<u32, Vec<usize>>,
    /// The cluster of each full spelling (see `Cluster::spellings`).
    by_spelling: FxHashMap<u32, usize>,
    /// Clusters by surname key, then by each of their given names (see `Merger::by_given`).
    by_given: Givens,
}

impl Joined {
    fn push(&mut self, ctx: &Ctx, c: Cluster) {
        let id = self.clusters.len();
        for &sp in &c.spellings {
            self.by_spelling.entry(sp).or_insert(id);
        }
        self.by_key.entry(c.key).or_default().push(id);
        for &g in &c.given {
            self.by_given.insert(ctx, c.key, g, id);
        }
        self.clusters.push(c);
    }

    fn absorb(&mut self, ctx: &Ctx, into: usize, c: Cluster) {
        for &sp in &c.spellings {
            self.by_spelling.entry(sp).or_insert(into);
        }
        let t = &mut self.clusters[into];
        for sp in c.spellings {
            if !t.spellings.contains(&sp) {
                t.spellings.push(sp);
            }
        }
        for g in c.given {
            if !t.given.contains(&g) {
                self.by_given.insert(ctx, t.key, g, into);
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
    fn join_full(&mut self, ctx: &Ctx, c: Cluster) {
        let same_spelling = c
            .spellings
            .iter()
            .find_map(|sp| self.by_spelling.get(sp).copied());
        if let Some(t) = same_spelling {
            self.absorb(ctx, t, c);
            return;
        }
        // Only the given names borne with the surname are compared, not every namesake.
        let target = c
            .given
            .iter()
            .flat_map(|&g| self.by_given.compatible(ctx, c.key, g))
            .filter(|&t| {
                let t = &self.clusters[t];
                t.is_full() && !Self::gender_clash(t, &c)
            })
            .max_by_key(|&t| (self.clusters[t].mentions.len(), std::cmp::Reverse(t)));
        match target {
            Some(t) => self.absorb(ctx, t, c),
            None => self.push(ctx, c),
        }
    }

    /// A bare surname: the one full-named person with it, else the other bare mentions of it.
    fn join_bare(&mut self, ctx: &Ctx, c: Cluster) {
        let ids: &[usize] = self.by_key.get(&c.key).map_or(&[], Vec::as_slice);
        let mut full = ids
            .iter()
            .copied()
            .filter(|&t| self.clusters[t].is_full() && !Self::gender_clash(&self.clusters[t], &c));
        let target = match (full.next(), full.next()) {
            (Some(only), None) => Some(only),
            (None, _) => ids.iter().copied().find(|&t| !self.clusters[t].is_full()),
            _ => None,
        };
        match target {
            Some(t) => self.absorb(ctx, t, c),
            None => self.push(ctx, c),
        }
    }
}

/// Groups the names of all articles into actors (`articles[i]` is corpus article `i`): people
/// first, then organisations and places, each joined across articles by its folded name.
pub fn cluster(articles: &[ArticleNames<'_>]) -> Vec<Actor> {
    let mut clustering = Clustering::default();
    for art in articles {
        clustering.add(art);
    }
    let texts: Vec<&str> = articles.iter().map(|a| a.text).collect();
    clustering.finish(&texts)
}

/// [`cluster`] fed one article at a time, in corpus order: an article's names and text are
/// needed only while it is added (at 100,000 articles every article's names and text at once
/// were a gigabyte), and then only the texts of its mentions (see [`Clustering::finish`]).
#[derive(Default)]
pub struct Clustering {
    ctx: Ctx,
    joined: Joined,
    bare: Vec<Cluster>,
    entities: Vec<(ActorKind, Vec<Mention>)>,
    entity_index: FxHashMap<(ActorKind, u32), usize>,
    added: usize,
}

impl Clustering {
    /// Adds the next article.
    pub fn add(&mut self, art: &ArticleNames<'_>) {
        let a = self.added;
        self.added += 1;
        let (people, found) = Merger::new(&mut self.ctx, a, art).run();
        for c in people {
            if c.mentions.is_empty() {
                continue;
            }
            if c.is_full() {
                self.joined.join_full(&self.ctx, c);
            } else {
                self.bare.push(c);
            }
        }
        for e in found {
            let key = self.ctx.phrase(e.span.slice(art.text));
            let entities = &mut self.entities;
            let i = *self.entity_index.entry((e.kind, key)).or_insert_with(|| {
                entities.push((e.kind, Vec::new()));
                entities.len() - 1
            });
            entities[i].1.push(Mention {
                article: a,
                span: e.span,
            });
        }
    }

    /// The actors of the articles added; `texts[i]` is the `i`th's text, or any text that
    /// holds its mentions at their offsets.
    pub fn finish(self, texts: &[&str]) -> Vec<Actor> {
        let Clustering {
            mut ctx,
            mut joined,
            bare,
            entities,
            ..
        } = self;
        for c in bare {
            joined.join_bare(&ctx, c);
        }
        let mut actors: Vec<Actor> = Vec::with_capacity(joined.clusters.len() + entities.len());
        for c in joined.clusters {
            actors.push(to_actor(&mut ctx, c.mentions, ActorKind::Person, texts));
        }
        for (kind, mentions) in entities {
            actors.push(to_actor(&mut ctx, mentions, kind, texts));
        }
        actors
    }
}

/// The display name: the most frequent form with a given name and a surname, not in capitals
/// (ties: the longer, then the first seen); the other forms become aliases.
fn to_actor(ctx: &mut Ctx, mut mentions: Vec<Mention>, kind: ActorKind, texts: &[&str]) -> Actor {
    mentions.sort_unstable();
    mentions.dedup_by(|b, a| a.article == b.article && a.span.overlaps(&b.span));
    // Forms as written, whitespace collapsed, counted by their folded form; first-seen order
    // kept. Most actors have a handful of forms: they are searched in place, and only an actor
    // with many gets an index.
    const SCAN: usize = 16;
    let mut forms: Vec<(u32, usize)> = Vec::new();
    let mut index: FxHashMap<u32, usize> = FxHashMap::default();
    for m in &mentions {
        let form = ctx.form(m.span.slice(texts[m.article]));
        let folded = ctx.forms[form as usize].folded;
        let slot = if forms.len() <= SCAN {
            forms
                .iter()
                .position(|&(f, _)| ctx.forms[f as usize].folded == folded)
        } else {
            if index.is_empty() {
                index = forms
                    .iter()
                    .enumerate()
                    .map(|(i, &(f, _))| (ctx.forms[f as usize].folded, i))
                    .collect();
            }
            index.get(&folded).copied()
        };
        match slot {
            Some(i) => {
                forms[i].1 += 1;
                // "OSLO" in a dateline, "Oslo" in the text: the form is shown as the text
                // writes it.
                if !ctx.forms[forms[i].0 as usize].has_lower && ctx.forms[form as usize].has_lower {
                    forms[i].0 = form;
                }
            }
            None => {
                if !index.is_empty() {
                    index.insert(folded, forms.len());
                }
                forms.push((form, 1));
            }
        }
    }
    let best = forms
        .iter()
        .enumerate()
        .max_by_key(|(i, (f, n))| {
            let f = &ctx.forms[*f as usize];
            (
                f.full,
                // A dateline's capitals ("NEW YORK") are not how the name is written.
                f.has_lower,
                *n,
                f.word_count,
                std::cmp::Reverse(*i),
            )
        })
        .map(|(i, _)| i)
        .unwrap_or(0);
    let text = |f: u32| ctx.form_texts.str(f).to_string();
    let name = forms.get(best).map(|&(f, _)| text(f)).unwrap_or_default();
    let aliases = forms
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != best)
        .map(|(_, &(f, _))| text(f))
        .collect();
    Actor {
        name,
        kind,
        aliases,
        mentions,
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

    /// The byte check of a display form agrees with comparing the two splits, on every kind of
    /// white space a scraped name can carry.
    #[test]
    fn collapsed_forms_are_told_as_the_splits_tell_them() {
        for w in [
            "Ana Lind",
            "Ana  Lind",
            " Ana Lind",
            "Ana Lind ",
            "Ana\tLind",
            "Ana\nLind",
            "Ana\u{b}Lind",
            "Ana\u{c}Lind",
            "Ana\rLind",
            "Ana\u{a0}Lind",
            "Ana Lindé",
            "Ana Lindé  X",
            "Lind",
            "",
            " ",
        ] {
            let by_splits = w.split_whitespace().eq(w.split(' '));
            assert_eq!(collapsed(w), by_splits, "{w:?}");
        }
    }

    /// Strings are numbered in the order they first come, each once, and read back whole.
    #[test]
    fn interner_numbers_each_string_once() {
        let mut i = Interner::default();
        assert_eq!(i.intern("lind"), (0, true));
        assert_eq!(i.intern(""), (1, true));
        assert_eq!(i.intern("lindqvist"), (2, true));
        assert_eq!(i.intern("lind"), (0, false));
        assert_eq!(i.intern(""), (1, false));
        assert_eq!(i.intern("lin"), (3, true));
        let back: Vec<&str> = (0..4).map(|id| i.str(id)).collect();
        assert_eq!(back, ["lind", "", "lindqvist", "lin"]);
    }
}
