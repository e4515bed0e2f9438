//! A large archive as the terminal UI holds it: the articles' metadata, and the actors, events
//! and timeline read from the store's views, without any text. Texts are read when an article
//! is shown ([`OnDemand`]), so memory grows with the metadata, not with the archive's text.

use crate::analysis::Span;
use crate::analysis::actors::{Actor, ActorKind, Mention};
use crate::analysis::dates::{DateKind, DateValue, Precision};
use crate::analysis::events::{Event, TimelineEntry};
use crate::analysis::quotes::Quotes;
use crate::analysis::stories::Story;
use crate::article::Article;
use crate::service::{self, Context, Corpus};
use crate::store::{Store, ViewParts};
use chrono::NaiveDate;
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

/// What the UI reads on demand for an archive loaded without its texts.
#[derive(Debug, Default)]
pub struct OnDemand {
    /// The store the texts come from; `None` when the corpus holds its texts.
    store: Option<Store>,
    /// Articles with their text, most recently used first.
    recent: RefCell<VecDeque<(usize, Arc<Article>)>>,
    /// Timeline sentences, most recently used first (the stored views hold them).
    sentences: RefCell<VecDeque<(usize, Arc<str>)>>,
    /// Each article's originality, from the store's list columns, when they are current.
    originality: Option<Vec<f64>>,
    /// The pair (lower index first) whose quotations the corpus holds.
    pub quotes_pair: Option<(usize, usize)>,
}

/// Articles kept with their text: the two open ones, and the few shown last in the sidebar.
const RECENT_ARTICLES: usize = 16;

/// Timeline sentences kept: more than a tall sidebar shows.
const RECENT_SENTENCES: usize = 128;

impl OnDemand {
    /// Texts read from the store at `root` (a connection of its own: the loading thread's
    /// long reads never make the UI wait).
    pub fn from_store(store: Store, originality: Option<Vec<f64>>) -> OnDemand {
        OnDemand {
            store: Some(store),
            originality,
            ..OnDemand::default()
        }
    }

    /// Whether texts are read from the store (the corpus holds none).
    pub fn is_on_demand(&self) -> bool {
        self.store.is_some()
    }

    /// The store texts come from, when they do.
    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref()
    }

    /// Article `i` of `corpus` with its text.
    pub fn article(&self, corpus: &Corpus, i: usize) -> Arc<Article> {
        let mut recent = self.recent.borrow_mut();
        if let Some(at) = recent.iter().position(|(j, _)| *j == i) {
            let hit = recent.remove(at).expect("position found just above");
            let a = Arc::clone(&hit.1);
            recent.push_front(hit);
            return a;
        }
        let meta = &corpus.articles[i];
        let a = match &self.store {
            Some(store) if meta.text.is_empty() => {
                store.get(&meta.id).unwrap_or_else(|_| meta.clone())
            }
            _ => meta.clone(),
        };
        let a = Arc::new(a);
        recent.push_front((i, Arc::clone(&a)));
        recent.truncate(RECENT_ARTICLES);
        a
    }

    /// Article `i` with its text, kept only if it already was (a search reads many once).
    pub fn peek(&self, corpus: &Corpus, i: usize) -> Arc<Article> {
        if let Some((_, a)) = self.recent.borrow().iter().find(|(j, _)| *j == i) {
            return Arc::clone(a);
        }
        let meta = &corpus.articles[i];
        Arc::new(match &self.store {
            Some(store) if meta.text.is_empty() => {
                store.get(&meta.id).unwrap_or_else(|_| meta.clone())
            }
            _ => meta.clone(),
        })
    }

    /// The sentence of event `e`, on one line.
    pub fn sentence(&self, corpus: &Corpus, e: usize) -> Arc<str> {
        if let Some(store) = &self.store {
            let mut recent = self.sentences.borrow_mut();
            if let Some((_, s)) = recent.iter().find(|(j, _)| *j == e) {
                return Arc::clone(s);
            }
            let s: Arc<str> = store
                .view_event_sentence(e)
                .ok()
                .flatten()
                .map(|s| one_line(&s))
                .unwrap_or_default()
                .into();
            recent.push_front((e, Arc::clone(&s)));
            recent.truncate(RECENT_SENTENCES);
            return s;
        }
        let event = &corpus.events[e];
        one_line(
            event
                .sentence
                .slice(&self.article(corpus, event.article).text),
        )
        .into()
    }

    /// The share of article `i`'s words that others printed before it, when known.
    pub fn shared(&self, corpus: &Corpus, i: usize) -> f64 {
        match &self.originality {
            Some(o) => 1.0 - o.get(i).copied().unwrap_or(1.0),
            None if self.store.is_some() => 0.0,
            None => 1.0 - corpus.index.originality(i),
        }
    }

    /// Whether the share of [`OnDemand::shared`] is known.
    pub fn knows_shared(&self) -> bool {
        self.store.is_none() || self.originality.is_some()
    }

    /// Forgets the texts read (the corpus they were indexed by is replaced).
    pub fn forget(&mut self) {
        self.recent.get_mut().clear();
        self.sentences.get_mut().clear();
        self.quotes_pair = None;
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The archive without its texts, and what the UI reads from the store for it.
pub struct Catalogue {
    /// Metadata, actors, events, timeline; stories when the store knows them.
    pub corpus: Corpus,
    /// Each article's originality, when the store knows it.
    pub originality: Option<Vec<f64>>,
}

/// Reads the archive's metadata and views (building the views first when the archive changed
/// since they were made), calling `progress(done, total)` as rows come in.
pub fn load(ctx: &Context, progress: &mut dyn FnMut(usize, usize)) -> anyhow::Result<Catalogue> {
    let store = ctx.store()?;
    let summary = service::views(ctx, &[], ViewParts::ActorSummary)?;
    let metas = store.list_meta()?;
    let mentions: usize = summary.actors.iter().map(|a| a.mention_count).sum();
    let events_n = store.view_event_count()?;
    let total = metas.len() + mentions + events_n;
    let mut done = 0;
    let articles: Vec<Article> = metas
        .into_iter()
        .map(|m| Article {
            id: m.id,
            title: m.title,
            source: m.source,
            authors: m.authors,
            date: m.date,
            url: m.url,
            text: String::new(),
            hash: m.hash,
            imported_at: m.imported_at,
            file_name: m.file_name,
        })
        .collect();
    done += articles.len();
    progress(done, total);
    let index_of: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut actors: Vec<Actor> = summary
        .actors
        .iter()
        .map(|a| Actor {
            name: a.name.clone(),
            kind: match a.kind.as_str() {
                "person" => ActorKind::Person,
                "organization" => ActorKind::Organization,
                _ => ActorKind::Place,
            },
            aliases: a.aliases.clone(),
            mentions: Vec::with_capacity(a.mention_count),
        })
        .collect();
    drop(summary);
    store.for_each_view_mention(&mut |rank, id, start, end| {
        done += 1;
        if done % 4096 == 0 {
            progress(done, total);
        }
        if let (Some(actor), Some(&article)) = (actors.get_mut(rank), index_of.get(id)) {
            actor.mentions.push(Mention {
                article,
                span: Span { start, end },
            });
        }
    })?;
    for a in &mut actors {
        // Reading order: by article (the corpus order), then by offset.
        a.mentions.sort_by_key(|m| (m.article, m.span.start));
    }
    let mut events: Vec<Event> = Vec::with_capacity(events_n);
    let mut entries: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut conflicts: Vec<bool> = Vec::new();
    store.for_each_view_event(&mut |row| {
        done += 1;
        if done % 4096 == 0 {
            progress(done, total);
        }
        let Some(&article) = index_of.get(row.article.as_str()) else {
            return;
        };
        let (entry, pos) = row.entry;
        if entries.len() <= entry {
            entries.resize_with(entry + 1, Vec::new);
            conflicts.resize(entry + 1, false);
        }
        entries[entry].push((pos, events.len()));
        conflicts[entry] |= row.conflict;
        let day = |s: &Option<String>| s.as_deref().and_then(|d| d.parse::<NaiveDate>().ok());
        events.push(Event {
            article,
            date: date_value(row.date.as_deref(), row.precision.as_deref()),
            start_date: day(&row.start_date),
            end_date: day(&row.end_date),
            kind: match row.kind.as_str() {
                "range" => DateKind::Range,
                "relative" => DateKind::Relative,
                _ => DateKind::Date,
            },
            expression: row.event.expression,
            span: Span {
                start: row.event.start,
                end: row.event.end,
            },
            sentence: Span {
                start: row.sentence.0,
                end: row.sentence.1,
            },
            // The people of each event's sentence: the UI shows none of them, and at 10⁵
            // articles they are a million small lists.
            actors: Vec::new(),
        });
    })?;
    progress(total, total);
    let timeline: Vec<TimelineEntry> = entries
        .into_iter()
        .zip(conflicts)
        .filter(|(e, _)| !e.is_empty())
        .map(|(mut e, conflict)| {
            e.sort_unstable();
            let events_of: Vec<usize> = e.into_iter().map(|(_, i)| i).collect();
            TimelineEntry {
                date: events_of.iter().filter_map(|&i| events[i].date).min(),
                events: events_of,
                conflict,
            }
        })
        .collect();
    let columns = service::list_columns(ctx, articles.len())?;
    let originality = columns.as_ref().map(|c| {
        articles
            .iter()
            .map(|a| c.get(&a.id).map_or(1.0, |(_, o)| *o))
            .collect()
    });
    let stories = stories_of(&articles, columns.as_ref());
    drop(index_of);
    let corpus = Corpus::from_parts(
        articles,
        actors,
        events,
        timeline,
        Quotes::default(),
        Some(stories),
        &ctx.options,
    );
    Ok(Catalogue {
        corpus,
        originality,
    })
}

/// A date value from its label and precision, as the views store it.
fn date_value(label: Option<&str>, precision: Option<&str>) -> Option<DateValue> {
    let label = label?;
    let precision = match precision? {
        "decade" => Precision::Decade,
        "year" => Precision::Year,
        "quarter" => Precision::Quarter,
        "season" => Precision::Season,
        "month" => Precision::Month,
        "week" => Precision::Week,
        _ => Precision::Day,
    };
    let num = |s: &str| s.parse::<u32>().ok();
    let first_day = match precision {
        Precision::Decade | Precision::Year => {
            NaiveDate::from_ymd_opt(label.get(..4)?.parse().ok()?, 1, 1)
        }
        Precision::Quarter | Precision::Season | Precision::Month => {
            let (y, m) = label.split_once('-')?;
            NaiveDate::from_ymd_opt(y.parse().ok()?, num(m)?, 1)
        }
        Precision::Week => {
            let (y, w) = label.split_once("-W")?;
            NaiveDate::from_isoywd_opt(y.parse().ok()?, num(w)?, chrono::Weekday::Mon)
        }
        Precision::Day => label.parse().ok(),
    }?;
    Some(DateValue {
        first_day,
        precision,
    })
}

/// The stories of the store's list columns (each story's articles earliest first, the
/// earliest naming it; most articles first, single articles last); every article a story of
/// its own when the columns are not current.
fn stories_of(articles: &[Article], columns: Option<&service::ListColumns>) -> Vec<Story> {
    let mut by_story: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        let key = columns
            .and_then(|c| c.get(&a.id))
            .map_or(a.id.as_str(), |(s, _)| s.as_str());
        by_story
            .entry(key)
            .or_insert_with(|| {
                order.push(key);
                Vec::new()
            })
            .push(i);
    }
    let mut stories: Vec<Story> = order
        .into_iter()
        .filter_map(|k| by_story.remove(k))
        .map(|mut members| {
            members.sort_by_key(|&i| (articles[i].date.is_none(), articles[i].date, i));
            Story {
                central: members[0],
                articles: members,
            }
        })
        .collect();
    stories.sort_by_key(|s| (std::cmp::Reverse(s.articles.len()), s.articles[0]));
    stories
}

/// The quotations of the two open articles `l` and `r` alone (an archive loaded without its
/// texts has no quotations of its own): indexes are the corpus's.
pub fn pair_quotes(corpus: &Corpus, l: (usize, &str), r: (usize, &str)) -> Quotes {
    let local = |i: usize| {
        if i == l.0 {
            Some(0)
        } else if i == r.0 {
            Some(1)
        } else {
            None
        }
    };
    // Only the actors the two articles mention: speakers are found among an article's own
    // mentions, and copying every actor of 10⁵ articles made each opened article wait.
    let mut global_actor = Vec::new();
    let actors: Vec<Actor> = corpus
        .actors
        .iter()
        .enumerate()
        .filter_map(|(k, a)| {
            let mentions: Vec<Mention> = a
                .mentions
                .iter()
                .filter_map(|m| {
                    Some(Mention {
                        article: local(m.article)?,
                        span: m.span,
                    })
                })
                .collect();
            if mentions.is_empty() {
                return None;
            }
            global_actor.push(k);
            Some(Actor {
                name: a.name.clone(),
                kind: a.kind,
                aliases: a.aliases.clone(),
                mentions,
            })
        })
        .collect();
    let mut quotes = crate::analysis::quotes::analyse(&[l.1, r.1], &actors);
    let global = |i: usize| if i == 0 { l.0 } else { r.0 };
    let corpus_actor = |s: &mut Option<crate::analysis::quotes::Speaker>| {
        if let Some(actor) = s.as_mut().and_then(|s| s.actor.as_mut()) {
            *actor = global_actor[*actor];
        }
    };
    for q in &mut quotes.quotations {
        q.article = global(q.article);
        corpus_actor(&mut q.speaker);
    }
    for g in &mut quotes.groups {
        for a in &mut g.articles {
            *a = global(*a);
        }
        corpus_actor(&mut g.speaker);
    }
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stories_come_from_the_stored_columns_earliest_first_largest_first() {
        let article = |id: &str, day: u32| Article {
            id: id.into(),
            title: id.into(),
            source: String::new(),
            authors: Vec::new(),
            date: NaiveDate::from_ymd_opt(2024, 5, day),
            url: None,
            text: String::new(),
            hash: String::new(),
            imported_at: chrono::DateTime::default(),
            file_name: String::new(),
        };
        let articles = [
            article("a", 9),
            article("b", 1),
            article("c", 3),
            article("d", 2),
        ];
        let columns: service::ListColumns = [("a", "c"), ("b", "b"), ("c", "c"), ("d", "d")]
            .into_iter()
            .map(|(id, story)| (id.to_string(), (story.to_string(), 0.5)))
            .collect();
        let stories = stories_of(&articles, Some(&columns));
        let groups: Vec<&[usize]> = stories.iter().map(|s| s.articles.as_slice()).collect();
        assert_eq!(groups, [&[2, 0][..], &[1], &[3]]);
        assert_eq!(stories[0].central, 2);
        // Not known: every article alone, in archive order.
        let alone: Vec<Vec<usize>> = stories_of(&articles, None)
            .into_iter()
            .map(|s| s.articles)
            .collect();
        assert_eq!(alone, [[0], [1], [2], [3]]);
    }

    #[test]
    fn the_open_pairs_quotations_name_their_speakers_as_actors_of_the_whole_archive() {
        let article = |id: &str, text: &str| Article {
            id: id.into(),
            title: id.into(),
            source: id.into(),
            authors: Vec::new(),
            date: NaiveDate::from_ymd_opt(2024, 5, 2),
            url: None,
            text: text.into(),
            hash: String::new(),
            imported_at: chrono::DateTime::default(),
            file_name: String::new(),
        };
        let quote = "“The harbour bridge will reopen in May,” said Judge Tomas Berg on Monday.";
        let others = "Mayor Ana Ribeiro opened the fair. Mayor Ana Ribeiro thanked the farmers, \
                      and Mayor Ana Ribeiro left early.";
        let corpus = Corpus::build(
            vec![
                article("a", others),
                article("b", quote),
                article("c", &format!("In the morning: {quote}")),
            ],
            &service::Options::default(),
            None,
        );
        let berg = corpus
            .actors
            .iter()
            .position(|a| a.name.contains("Berg"))
            .expect("the judge is an actor");
        // The article the pair leaves out names actors too: the speaker's index must still be
        // the archive's, not one among the pair's own actors.
        assert!(berg > 0, "{:?}", corpus.actors);
        let quotes = pair_quotes(&corpus, (1, quote), (2, &corpus.articles[2].text));
        let group = &quotes.groups[0];
        assert_eq!(group.articles, [1, 2]);
        let speaker = group.speaker.as_ref().expect("a speaker");
        assert_eq!(speaker.actor, Some(berg));
        for q in &quotes.quotations {
            assert_eq!(q.speaker.as_ref().and_then(|s| s.actor), Some(berg));
        }
    }

    #[test]
    fn date_values_come_back_from_their_labels() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        for (first_day, precision) in [
            (day(1990, 1, 1), Precision::Decade),
            (day(2019, 1, 1), Precision::Year),
            (day(2020, 4, 1), Precision::Quarter),
            (day(2020, 3, 1), Precision::Season),
            (day(2020, 2, 1), Precision::Month),
            (day(2024, 12, 30), Precision::Week),
            (day(2020, 2, 29), Precision::Day),
        ] {
            let v = DateValue {
                first_day,
                precision,
            };
            assert_eq!(
                date_value(Some(&v.label()), Some(precision.name())),
                Some(v)
            );
        }
        assert_eq!(date_value(None, Some("day")), None);
        assert_eq!(date_value(Some("2020-13"), Some("month")), None);
    }
}
