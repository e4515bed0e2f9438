//! The archive's actors and events, materialised (`view_actor`, `view_mention`, `view_event`).
//!
//! They are what `juxta actors` and `juxta events` print for the whole archive. The people
//! merge and the timeline join articles with each other, so one added article can change any
//! row: the tables are written whole, in one transaction, with a stamp of the archive state
//! they were made from. A stamp that no longer matches makes [`Store::views`] answer `None`,
//! and the caller builds them again. Writes never touch them, so importing stays as fast as
//! before.

use super::{Article, Result, Store, meta_value};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::Serialize;

/// One place an actor is named, as `actors --json` prints it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ViewMention {
    /// The article's id.
    pub article: String,
    /// Byte offsets of the name in the article's text.
    pub start: usize,
    /// End of the name.
    pub end: usize,
    /// The name as written.
    pub text: String,
}

/// One actor of the archive, as `actors --json` prints it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ViewActor {
    /// Display name.
    pub name: String,
    /// `person`, `organization` or `place`.
    pub kind: String,
    /// Other forms of the name.
    pub aliases: Vec<String>,
    /// Ids of the articles naming it, in archive order (empty when read without mentions).
    pub articles: Vec<String>,
    /// Number of mentions.
    pub mention_count: usize,
    /// Every mention, in reading order (empty when read without mentions).
    pub mentions: Vec<ViewMention>,
    /// Number of articles naming it.
    #[serde(skip)]
    pub article_count: usize,
}

/// One dated event, as `events --json` prints it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ViewEvent {
    /// The article's id.
    pub article: String,
    /// The date's label, `None` when unresolved.
    pub date: Option<String>,
    /// First day.
    pub start_date: Option<String>,
    /// Last day.
    pub end_date: Option<String>,
    /// `day`, `month`, …
    pub precision: Option<String>,
    /// `date`, `range` or `relative`.
    pub kind: String,
    /// The expression as written.
    pub expression: String,
    /// Byte offsets of the expression.
    pub start: usize,
    /// End of the expression.
    pub end: usize,
    /// The sentence holding it.
    pub sentence: String,
    /// People named in the sentence.
    pub actors: Vec<String>,
    /// Timeline entry (events of one entry report one happening).
    pub group: usize,
    /// Whether the entry's dates disagree.
    pub conflict: bool,
}

/// The archive's actors and events.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Views {
    /// Articles they were made from.
    pub articles: usize,
    /// Actors in the order `juxta actors` lists them.
    pub actors: Vec<ViewActor>,
    /// Events in date order (the `events --json` order).
    pub events: Vec<ViewEvent>,
    /// Timeline entries in order, each the indexes of its events in `events`.
    pub timeline: Vec<Vec<usize>>,
}

/// Which parts of the views to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewParts {
    /// Actors without their mentions (what the actors table prints).
    ActorSummary,
    /// Actors with every mention.
    Actors,
    /// Events and the timeline.
    Events,
}

const STAMP: &str = "views";

/// The state of the archive: articles are never changed in place, keys are never reused
/// (AUTOINCREMENT), so the number of articles and the last key handed out change whenever the
/// set of articles does.
fn archive_state(conn: &Connection) -> rusqlite::Result<String> {
    let count: i64 = conn.query_row("SELECT count(*) FROM article", [], |r| r.get(0))?;
    let seq: Option<i64> = conn
        .query_row(
            "SELECT seq FROM sqlite_sequence WHERE name = 'article'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(format!("{count}:{}", seq.unwrap_or(0)))
}

/// Whether the stored views were made by `recipe` from the archive as it is now.
fn views_are_current(conn: &Connection, recipe: &str) -> rusqlite::Result<bool> {
    let want = format!("{}:{recipe}", archive_state(conn)?);
    Ok(meta_value(conn, STAMP)?.as_deref() == Some(want.as_str()))
}

fn json_list(s: &str) -> Vec<String> {
    serde_json::from_str(s).unwrap_or_default()
}

pub(super) fn to_usize(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

impl Store {
    /// The state the views of `recipe` (what made them: analysis version, options) must be
    /// stamped with to be current; `None` when the database does not exist.
    pub fn views_stamp(&self, recipe: &str) -> Result<Option<String>> {
        self.with_db(false, |conn| {
            archive_state(conn)
                .map(|s| format!("{s}:{recipe}"))
                .map_err(|e| self.db_error(e))
        })
    }

    /// The stored views, if they were made from the archive as it is now by `recipe`.
    pub fn views(&self, recipe: &str, parts: ViewParts) -> Result<Option<Views>> {
        self.read_current_views(recipe, |tx| {
            let articles: i64 = tx.query_row("SELECT count(*) FROM article", [], |r| r.get(0))?;
            let mut v = Views {
                articles: to_usize(articles),
                ..Views::default()
            };
            match parts {
                ViewParts::ActorSummary | ViewParts::Actors => {
                    v.actors = read_actors(tx, parts == ViewParts::Actors)?
                }
                ViewParts::Events => (v.events, v.timeline) = read_events(tx)?,
            }
            Ok(v)
        })
    }

    /// `read` of the stored views in one read transaction, if they were made from the
    /// archive as it is now by `recipe`; `None` when they were not, or there is no database.
    fn read_current_views<T>(
        &self,
        recipe: &str,
        read: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<Option<T>> {
        let found = self.with_db(false, |conn| {
            let tx = conn.transaction().map_err(|e| self.db_error(e))?;
            let current = || -> rusqlite::Result<Option<T>> {
                if !views_are_current(&tx, recipe)? {
                    return Ok(None);
                }
                read(&tx).map(Some)
            };
            current().map_err(|e| self.db_error(e))
        })?;
        Ok(found.flatten())
    }

    /// Replaces the stored views with `rows`, made by `recipe` from the archive in the state
    /// `stamp` (from [`Store::views_stamp`], taken before the articles were read: if the
    /// archive changed since, the views are stale at once and made again next time).
    pub fn put_views(&self, stamp: &str, rows: ViewRows<'_>) -> Result<()> {
        self.with_db(false, |conn| {
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(|e| self.db_error(e))?;
            write_views(&tx, stamp, rows).map_err(|e| self.db_error(e))?;
            tx.commit().map_err(|e| self.db_error(e))
        })?;
        Ok(())
    }
}

/// The views as they are written, each row made only as it is written: at 100,000 articles
/// the whole views in memory (every mention's name, every event's sentence) were near a
/// gigabyte.
pub struct ViewRows<'a> {
    /// The layout of the events (see [`EventsLayout::of`]).
    pub layout: EventsLayout,
    /// Actors in the order `juxta actors` lists them, each with its mentions.
    pub actors: &'a mut dyn Iterator<Item = ViewActor>,
    /// Events in date order, each with its place among its timeline entry's events.
    pub events: &'a mut dyn Iterator<Item = (ViewEvent, usize)>,
    /// The events table as `juxta events` prints it, a piece at a time.
    pub table: &'a mut dyn Iterator<Item = String>,
}

/// The views' secondary indexes, as schema 3 made them. A rebuild drops them, writes the rows
/// and makes them again: one sort per index instead of a random insertion per row into each
/// (at 10,000 articles, a third of the rebuild was SQLite keeping these up to date).
const VIEW_INDEXES: &str = "
    CREATE INDEX view_actor_kind ON view_actor(kind, rank);
    CREATE INDEX view_mention_article ON view_mention(article, start);
    CREATE INDEX view_event_entry ON view_event(entry, entry_pos);
    CREATE INDEX view_event_article ON view_event(article);";

fn write_views(tx: &Connection, stamp: &str, rows: ViewRows<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(
        "DROP INDEX IF EXISTS view_actor_kind; DROP INDEX IF EXISTS view_mention_article;
         DROP INDEX IF EXISTS view_event_entry; DROP INDEX IF EXISTS view_event_article;
         DELETE FROM view_actor; DELETE FROM view_mention; DELETE FROM view_event;
         DELETE FROM view_event_table;",
    )?;
    let mut actor = tx.prepare(
        "INSERT INTO view_actor (rank, name, kind, aliases, mentions, articles) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut mention = tx.prepare(
        "INSERT INTO view_mention (actor, seq, article, start, \"end\", text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (rank, a) in rows.actors.enumerate() {
        actor.execute(params![
            rank as i64,
            a.name,
            a.kind,
            serde_json::to_string(&a.aliases).unwrap_or_else(|_| "[]".into()),
            a.mention_count as i64,
            a.article_count as i64,
        ])?;
        for (seq, m) in a.mentions.iter().enumerate() {
            mention.execute(params![
                rank as i64,
                seq as i64,
                m.article,
                m.start as i64,
                m.end as i64,
                m.text
            ])?;
        }
    }
    let mut event = tx.prepare(
        "INSERT INTO view_event (seq, article, date, start_date, end_date, precision, kind, expression,
             start, \"end\", sentence, actors, entry, entry_pos, conflict)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    for (seq, (e, entry_pos)) in rows.events.enumerate() {
        event.execute(params![
            seq as i64,
            e.article,
            e.date,
            e.start_date,
            e.end_date,
            e.precision,
            e.kind,
            e.expression,
            e.start as i64,
            e.end as i64,
            e.sentence,
            serde_json::to_string(&e.actors).unwrap_or_else(|_| "[]".into()),
            e.group as i64,
            entry_pos as i64,
            e.conflict,
        ])?;
    }
    tx.execute_batch(VIEW_INDEXES)?;
    let mut chunk = tx.prepare("INSERT INTO view_event_table (seq, chunk) VALUES (?1, ?2)")?;
    let mut size = TableSize::default();
    for (seq, piece) in rows.table.enumerate() {
        chunk.execute(params![seq as i64, piece.as_bytes()])?;
        size.chunks += 1;
        size.bytes += piece.len();
    }
    tx.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
        params![TABLE_SIZE, size.to_string()],
    )?;
    tx.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
        params![
            LAYOUT,
            serde_json::to_string(&rows.layout).unwrap_or_default()
        ],
    )?;
    tx.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
        params![STAMP, stamp],
    )?;
    Ok(())
}

/// Key in `meta` of the size of the stored events table ([`TableSize`]).
const TABLE_SIZE: &str = "views.events_table";

/// How many pieces the stored events table was written in, and their bytes: a table that
/// no longer has them (rows deleted by hand, a damaged page) is not printed, but made again
/// from the events.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct TableSize {
    chunks: usize,
    bytes: usize,
}

impl std::fmt::Display for TableSize {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.chunks, self.bytes)
    }
}

impl TableSize {
    fn parse(s: &str) -> Option<TableSize> {
        let (chunks, bytes) = s.split_once(' ')?;
        Some(TableSize {
            chunks: chunks.parse().ok()?,
            bytes: bytes.parse().ok()?,
        })
    }

    /// What `view_event_table` holds now.
    fn stored(conn: &Connection) -> rusqlite::Result<TableSize> {
        // `length` of a blob reads its size from the row's header, not its bytes.
        conn.query_row(
            "SELECT count(*), coalesce(sum(length(chunk)), 0) FROM view_event_table",
            [],
            |r| {
                Ok(TableSize {
                    chunks: to_usize(r.get(0)?),
                    bytes: to_usize(r.get(1)?),
                })
            },
        )
    }
}

/// Whether the stored events table is whole: as many pieces and bytes as were written.
/// Views written before the table was stored have no size recorded, and nothing to check.
pub(super) fn events_table_is_whole(conn: &Connection) -> rusqlite::Result<bool> {
    let Some(recorded) = meta_value(conn, TABLE_SIZE)? else {
        return Ok(true);
    };
    Ok(TableSize::parse(&recorded) == Some(TableSize::stored(conn)?))
}

/// Makes the stored views stale, so that the next command reading them builds them again,
/// and removes their events table.
pub(super) fn drop_views_stamp(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM meta WHERE key IN (?1, ?2)",
        [STAMP, TABLE_SIZE],
    )?;
    conn.execute("DELETE FROM view_event_table", [])?;
    Ok(())
}

/// Key in `meta` of the stored events' [`EventsLayout`].
const LAYOUT: &str = "views.events";

/// What a table of the stored events needs before its first row, counted when the views are
/// written so that printing them is one pass over the rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct EventsLayout {
    /// Articles the views were made from.
    pub articles: usize,
    /// Events.
    pub events: usize,
    /// Timeline entries.
    pub entries: usize,
    /// Events without a resolved date.
    pub undated: usize,
    /// Widest article id, in columns.
    pub id_width: usize,
    /// Widest expression on one line (runs of white space as one space), in columns.
    pub expression_width: usize,
}

impl EventsLayout {
    /// The layout of `v`'s events.
    pub fn of(v: &Views) -> EventsLayout {
        EventsLayout::measure(
            v.articles,
            v.timeline.len(),
            v.events
                .iter()
                .map(|e| (e.article.as_str(), e.expression.as_str(), e.date.is_some())),
        )
    }

    /// The layout of events given as (article id, expression, whether dated), from
    /// `articles` articles in `entries` timeline entries.
    pub fn measure<'a>(
        articles: usize,
        entries: usize,
        events: impl Iterator<Item = (&'a str, &'a str, bool)>,
    ) -> EventsLayout {
        let one_line_width = |s: &str| {
            let mut words = 0usize;
            let width: usize = s
                .split_whitespace()
                .map(|w| {
                    words += 1;
                    crate::text::display_width(w)
                })
                .sum();
            width + words.saturating_sub(1)
        };
        let mut layout = EventsLayout {
            articles,
            entries,
            ..EventsLayout::default()
        };
        for (article, expression, dated) in events {
            layout.events += 1;
            layout.undated += usize::from(!dated);
            layout.id_width = layout.id_width.max(crate::text::display_width(article));
            layout.expression_width = layout.expression_width.max(one_line_width(expression));
        }
        layout
    }
}

/// The order [`Store::stream_events`] gives the events in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventOrder {
    /// Timeline entry by entry, each in its own order (what the `events` table prints).
    Timeline,
    /// Date order (what `events --json` prints).
    Date,
}

/// The columns of `view_event` that [`read_event`] reads, in its order; a query appends what
/// else it needs after them.
pub(super) const EVENT_COLUMNS: &str = "article, date, start_date, end_date, precision, kind, expression, start, \"end\", entry, conflict";

/// Number of [`EVENT_COLUMNS`].
pub(super) const EVENT_COLUMN_COUNT: usize = 11;

/// Reads the [`EVENT_COLUMNS`] of a `view_event` row into `e`, reusing its strings' memory:
/// a timeline of a million events is read without a million allocations. The sentence and
/// the actors are left as they were.
pub(super) fn read_event(r: &rusqlite::Row<'_>, e: &mut ViewEvent) -> rusqlite::Result<()> {
    fn text(r: &rusqlite::Row<'_>, i: usize, into: &mut String) -> rusqlite::Result<()> {
        into.clear();
        into.push_str(r.get_ref(i)?.as_str()?);
        Ok(())
    }
    fn optional(
        r: &rusqlite::Row<'_>,
        i: usize,
        into: &mut Option<String>,
    ) -> rusqlite::Result<()> {
        match r.get_ref(i)?.as_str_or_null()? {
            Some(s) => {
                let into = into.get_or_insert_with(String::new);
                into.clear();
                into.push_str(s);
            }
            None => *into = None,
        }
        Ok(())
    }
    text(r, 0, &mut e.article)?;
    optional(r, 1, &mut e.date)?;
    optional(r, 2, &mut e.start_date)?;
    optional(r, 3, &mut e.end_date)?;
    optional(r, 4, &mut e.precision)?;
    text(r, 5, &mut e.kind)?;
    text(r, 6, &mut e.expression)?;
    e.start = to_usize(r.get(7)?);
    e.end = to_usize(r.get(8)?);
    e.group = to_usize(r.get(9)?);
    e.conflict = r.get(10)?;
    Ok(())
}

/// An empty event to read rows into.
pub(super) fn blank_event() -> ViewEvent {
    ViewEvent {
        article: String::new(),
        date: None,
        start_date: None,
        end_date: None,
        precision: None,
        kind: String::new(),
        expression: String::new(),
        start: 0,
        end: 0,
        sentence: String::new(),
        actors: Vec::new(),
        group: 0,
        conflict: false,
    }
}

impl Store {
    /// Streams the stored events in `order`, if the views were made from the archive as it is
    /// now by `recipe`: `start` gets the layout first, then `each` every event until it
    /// answers `false`. Without `actors`, only what the `events` table prints is read: the
    /// article, date, precision, expression, sentence and entry (the rest is empty or zero).
    /// Holds one event at a time.
    /// `Ok(false)` when the views are missing or stale.
    pub fn stream_events(
        &self,
        recipe: &str,
        order: EventOrder,
        actors: bool,
        start: &mut dyn FnMut(&EventsLayout) -> bool,
        each: &mut dyn FnMut(&ViewEvent) -> bool,
    ) -> Result<bool> {
        let done = self.read_current_views(recipe, |tx| {
            let layout: Option<EventsLayout> =
                meta_value(tx, LAYOUT)?.and_then(|j| serde_json::from_str(&j).ok());
            let Some(layout) = layout else {
                return Ok(false);
            };
            if !start(&layout) {
                return Ok(true);
            }
            // The table prints neither the day range, the kind, the offsets nor the
            // conflict flag: constants in their place cost SQLite no decoding.
            let columns = if actors {
                EVENT_COLUMNS
            } else {
                "article, date, NULL, NULL, precision, '', expression, 0, 0, entry, 0"
            };
            let sql = format!(
                "SELECT {columns}, sentence{} FROM view_event ORDER BY {}",
                if actors { ", actors" } else { "" },
                match order {
                    EventOrder::Timeline => "entry, entry_pos",
                    EventOrder::Date => "seq",
                }
            );
            let mut stmt = tx.prepare(&sql)?;
            let mut rows = stmt.query([])?;
            let mut e = blank_event();
            while let Some(r) = rows.next()? {
                read_event(r, &mut e)?;
                e.sentence.clear();
                e.sentence
                    .push_str(r.get_ref(EVENT_COLUMN_COUNT)?.as_str()?);
                if actors {
                    e.actors = json_list(r.get_ref(EVENT_COLUMN_COUNT + 1)?.as_str()?);
                }
                if !each(&e) {
                    break;
                }
            }
            Ok(true)
        })?;
        Ok(done.unwrap_or(false))
    }
}

impl Store {
    /// Hands the stored events table (what `juxta events` prints) to `each` a piece at a
    /// time until it answers `false`, if the views were made from the archive as it is now
    /// by `recipe` and the table is whole. `Ok(false)`, having handed nothing, when not.
    pub fn events_table(&self, recipe: &str, each: &mut dyn FnMut(&[u8]) -> bool) -> Result<bool> {
        let done = self.read_current_views(recipe, |tx| {
            let recorded = meta_value(tx, TABLE_SIZE)?;
            let Some(recorded) = recorded.as_deref().and_then(TableSize::parse) else {
                return Ok(false);
            };
            if TableSize::stored(tx)? != recorded {
                return Ok(false);
            }
            let mut stmt = tx.prepare("SELECT chunk FROM view_event_table ORDER BY seq")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                if !each(r.get_ref(0)?.as_bytes()?) {
                    break;
                }
            }
            Ok(true)
        })?;
        Ok(done.unwrap_or(false))
    }
}

impl Store {
    /// Hands the stored actors, with their articles and mentions, to `each` in rank order
    /// until it answers `false`, if the views were made from the archive as it is now by
    /// `recipe`. Holds one actor at a time: the mentions are read beside the actors, both in
    /// actor order, where [`Store::views`] gathers every mention of the archive first.
    /// `Ok(false)` when the views are missing or stale.
    pub fn stream_actors(
        &self,
        recipe: &str,
        each: &mut dyn FnMut(&ViewActor) -> bool,
    ) -> Result<bool> {
        let done = self.read_current_views(recipe, |tx| {
            for_each_actor(tx, true, &mut |a| each(a))?;
            Ok(true)
        })?;
        Ok(done.unwrap_or(false))
    }
}

fn read_actors(tx: &Connection, with_mentions: bool) -> rusqlite::Result<Vec<ViewActor>> {
    let mut actors = Vec::new();
    for_each_actor(tx, with_mentions, &mut |a| {
        actors.push(std::mem::take(a));
        true
    })?;
    Ok(actors)
}

/// Hands the stored actors to `each` in rank order until it answers `false`, with their
/// articles and mentions when `with_mentions`. The mentions are read beside the actors, both
/// in actor order, so only one actor's are held at a time. The actor handed over is refilled
/// for the next one, its strings reused, so that millions of mentions streamed cost no
/// allocation each; `each` takes from it what it keeps.
fn for_each_actor(
    tx: &Connection,
    with_mentions: bool,
    each: &mut dyn FnMut(&mut ViewActor) -> bool,
) -> rusqlite::Result<()> {
    fn refill(into: &mut String, from: &str) {
        into.clear();
        into.push_str(from);
    }
    let mut actors =
        tx.prepare("SELECT name, kind, aliases, mentions, articles FROM view_actor ORDER BY rank")?;
    let mut mentions = tx.prepare(
        "SELECT actor, article, start, \"end\", text FROM view_mention ORDER BY actor, seq",
    )?;
    let mut actor_rows = actors.query([])?;
    let mut mention_rows = if with_mentions {
        Some(mentions.query([])?)
    } else {
        None
    };
    // A mention row read past the actor it belongs to waits here for that actor.
    let mut ahead: Option<(usize, ViewMention)> = None;
    // The previous actor's mentions and article ids, to be refilled.
    let mut spare_mentions: Vec<ViewMention> = Vec::new();
    let mut spare_articles: Vec<String> = Vec::new();
    let mut a = ViewActor::default();
    let mut rank = 0;
    while let Some(r) = actor_rows.next()? {
        refill(&mut a.name, r.get_ref(0)?.as_str()?);
        refill(&mut a.kind, r.get_ref(1)?.as_str()?);
        a.aliases = json_list(r.get_ref(2)?.as_str()?);
        a.mention_count = to_usize(r.get(3)?);
        a.article_count = to_usize(r.get(4)?);
        spare_mentions.append(&mut a.mentions);
        spare_articles.append(&mut a.articles);
        while let Some(rows) = mention_rows.as_mut() {
            let (actor, m) = match ahead.take() {
                Some(next) => next,
                None => match rows.next()? {
                    Some(row) => {
                        let mut m = spare_mentions.pop().unwrap_or_default();
                        refill(&mut m.article, row.get_ref(1)?.as_str()?);
                        m.start = to_usize(row.get(2)?);
                        m.end = to_usize(row.get(3)?);
                        refill(&mut m.text, row.get_ref(4)?.as_str()?);
                        (to_usize(row.get(0)?), m)
                    }
                    None => break,
                },
            };
            if actor > rank {
                ahead = Some((actor, m));
                break;
            }
            // Rows of an actor that is not listed (a damaged view) are passed over.
            if actor == rank {
                // Mentions come by article, in archive order: each article once, in that order.
                if a.articles.last() != Some(&m.article) {
                    let mut article = spare_articles.pop().unwrap_or_default();
                    refill(&mut article, &m.article);
                    a.articles.push(article);
                }
                a.mentions.push(m);
            } else {
                spare_mentions.push(m);
            }
        }
        if !each(&mut a) {
            break;
        }
        rank += 1;
    }
    Ok(())
}

type EventsAndTimeline = (Vec<ViewEvent>, Vec<Vec<usize>>);

fn read_events(tx: &Connection) -> rusqlite::Result<EventsAndTimeline> {
    let mut stmt = tx.prepare(&format!(
        "SELECT {EVENT_COLUMNS}, sentence, actors, entry_pos FROM view_event ORDER BY seq"
    ))?;
    let mut events = Vec::new();
    let mut timeline: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let mut e = blank_event();
        read_event(r, &mut e)?;
        e.sentence = r.get(EVENT_COLUMN_COUNT)?;
        e.actors = json_list(r.get_ref(EVENT_COLUMN_COUNT + 1)?.as_str()?);
        let entry = e.group;
        if timeline.len() <= entry {
            timeline.resize_with(entry + 1, Vec::new);
        }
        timeline[entry].push((to_usize(r.get(EVENT_COLUMN_COUNT + 2)?), events.len()));
        events.push(e);
    }
    let timeline = timeline
        .into_iter()
        .map(|mut t| {
            t.sort_unstable();
            t.into_iter().map(|(_, e)| e).collect()
        })
        .collect();
    Ok((events, timeline))
}

impl Store {
    /// The mentions of the actor of `rank` in the stored views, in reading order.
    pub fn view_mentions(&self, rank: usize) -> Result<Vec<ViewMention>> {
        let rows = self.with_db(false, |conn| {
            let mut stmt = conn
                .prepare_cached(
                    "SELECT article, start, \"end\", text FROM view_mention WHERE actor = ?1 ORDER BY seq",
                )
                .map_err(|e| self.db_error(e))?;
            let rows = stmt
                .query_map([rank as i64], |r| {
                    Ok(ViewMention {
                        article: r.get(0)?,
                        start: to_usize(r.get(1)?),
                        end: to_usize(r.get(2)?),
                        text: r.get(3)?,
                    })
                })
                .map_err(|e| self.db_error(e))?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
                .map_err(|e| self.db_error(e))
        })?;
        Ok(rows.unwrap_or_default())
    }

    /// The two articles that share the most of their sketches (older first), from the
    /// `partner` index: what the terminal UI opens first. `None` when no two articles share
    /// anything (or no article has a sketch yet).
    pub fn closest_pair(&self) -> Result<Option<(String, String)>> {
        let pair = self.with_db(false, |conn| {
            conn.prepare_cached(
                "SELECT a1.id, a2.id, a1.key < a2.key FROM partner p
                 JOIN article a1 ON a1.key = p.article JOIN article a2 ON a2.key = p.other
                 ORDER BY p.shared DESC, p.article LIMIT 1",
            )
            .and_then(|mut s| {
                s.query_row([], |r| {
                    let (a, b): (String, String) = (r.get(0)?, r.get(1)?);
                    Ok(if r.get(2)? { (a, b) } else { (b, a) })
                })
                .optional()
            })
            .map_err(|e| self.db_error(e))
        })?;
        Ok(pair.flatten())
    }

    /// The article sharing the most of its sketch with article `id`, if any shares anything.
    pub fn closest_to(&self, id: &str) -> Result<Option<String>> {
        let other = self.with_db(false, |conn| {
            conn.prepare_cached(
                "SELECT o.id FROM partner p JOIN article a ON a.key = p.article
                 JOIN article o ON o.key = p.other WHERE a.id = ?1",
            )
            .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
            .map_err(|e| self.db_error(e))
        })?;
        Ok(other.flatten())
    }

    /// Ids of the first `n` articles in listing order (oldest import first).
    pub fn first_ids(&self, n: usize) -> Result<Vec<String>> {
        let ids = self.with_db(false, |conn| {
            let mut stmt = conn
                .prepare_cached("SELECT id FROM article ORDER BY imported, id LIMIT ?1")
                .map_err(|e| self.db_error(e))?;
            let rows = stmt
                .query_map([n as i64], |r| r.get::<_, String>(0))
                .map_err(|e| self.db_error(e))?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
                .map_err(|e| self.db_error(e))
        })?;
        Ok(ids.unwrap_or_default())
    }
}

impl Store {
    /// A derived value stored under `key`, if it was made from the archive as it is now by
    /// `recipe` (see [`Store::views_stamp`]); `None` when absent, stale or unreadable.
    pub fn cached(&self, key: &str, recipe: &str) -> Result<Option<String>> {
        if !self.is_created() {
            return Ok(None);
        }
        self.with_db(false, |conn| {
            let read = || -> rusqlite::Result<Option<String>> {
                let want = format!("{}:{recipe}", archive_state(conn)?);
                let row: Option<(String, String)> = conn
                    .query_row(
                        "SELECT s.value, v.value FROM meta s JOIN meta v ON v.key = ?2 \
                         WHERE s.key = ?1",
                        params![format!("{key}.stamp"), key],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?;
                Ok(row.and_then(|(stamp, value)| (stamp == want).then_some(value)))
            };
            read().map_err(|e| self.db_error(e))
        })
        .map(Option::flatten)
    }

    /// Stores `value` under `key` with `stamp` (from [`Store::views_stamp`], taken before the
    /// articles it was made from were read).
    pub fn put_cached(&self, key: &str, stamp: &str, value: &str) -> Result<()> {
        self.with_db(false, |conn| {
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(|e| self.db_error(e))?;
            let write = || -> rusqlite::Result<()> {
                let mut put =
                    tx.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")?;
                put.execute(params![key, value])?;
                put.execute(params![format!("{key}.stamp"), stamp])?;
                Ok(())
            };
            write().map_err(|e| self.db_error(e))?;
            tx.commit().map_err(|e| self.db_error(e))
        })?;
        Ok(())
    }
}

/// What the `fingerprint` index says about the fingerprints of one text.
#[derive(Debug, Clone, Default)]
pub struct Sharing {
    /// The stored articles holding the most of the fingerprints (at most the limit asked
    /// for), in listing order (oldest import first). Damaged ones are left out and reported.
    pub articles: Vec<Article>,
    /// How many of the fingerprints more than `max_articles` articles hold: boilerplate,
    /// which links no article to another.
    pub boilerplate: usize,
}

impl Store {
    /// The stored articles that share the most of `hashes` (winnowed fingerprints, see
    /// [`crate::analysis::index::fingerprints`]) with a text, at most `limit` of them. A
    /// fingerprint held by more than `max_articles` articles is ignored. Reads one short
    /// index range per fingerprint and the texts of the articles returned, nothing else.
    pub fn sharing(&self, hashes: &[i64], max_articles: usize, limit: usize) -> Result<Sharing> {
        let found = self.with_db(false, |conn| {
            let e = |e| self.db_error(e);
            // An import killed before it indexed its last batch, or another process's import
            // under way: what is stored but not indexed yet is indexed first.
            if super::index_is_behind(conn).map_err(e)? {
                self.catch_up_index(conn)?;
            }
            let mut holders = conn
                .prepare_cached("SELECT rowid FROM fingerprint WHERE fingerprint MATCH ?1 LIMIT ?2")
                .map_err(e)?;
            let mut count: rustc_hash::FxHashMap<i64, usize> = Default::default();
            let mut boilerplate = 0;
            let mut keys: Vec<i64> = Vec::new();
            for &h in hashes {
                keys.clear();
                let rows = holders
                    .query_map(params![format!("\"{h}\""), max_articles as i64 + 1], |r| {
                        r.get(0)
                    })
                    .map_err(e)?;
                for k in rows {
                    keys.push(k.map_err(e)?);
                }
                if keys.len() > max_articles {
                    boilerplate += 1;
                    continue;
                }
                for &k in &keys {
                    *count.entry(k).or_default() += 1;
                }
            }
            let mut ranked: Vec<(usize, i64)> = count.into_iter().map(|(k, n)| (n, k)).collect();
            ranked.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            ranked.truncate(limit);
            let sql = format!(
                "SELECT {}, t.text FROM article a LEFT JOIN article_text t ON t.article = a.key
                 WHERE a.key = ?1",
                super::META_COLUMNS
            );
            let mut get = conn.prepare_cached(&sql).map_err(e)?;
            let mut rows = Vec::with_capacity(ranked.len());
            let mut damaged = Vec::new();
            for (_, key) in ranked {
                let row = get
                    .query_row([key], |r| {
                        let (_, id, meta) = super::meta_from_row(r)?;
                        Ok((
                            id,
                            meta.and_then(|m| Ok((m, super::text_column(r, 11, "text")?))),
                        ))
                    })
                    .optional()
                    .map_err(e)?;
                match row {
                    Some((_, Ok((m, text)))) => rows.push(super::article_from(m, text)),
                    Some((id, Err(reason))) => damaged.push((id, reason)),
                    // Fingerprints of an article removed by someone with foreign keys off.
                    None => {}
                }
            }
            rows.sort_by(|a, b| a.imported_at.cmp(&b.imported_at).then(a.id.cmp(&b.id)));
            Ok((
                Sharing {
                    articles: rows,
                    boilerplate,
                },
                damaged,
            ))
        })?;
        let Some((sharing, damaged)) = found else {
            return Ok(Sharing::default());
        };
        for (id, reason) in damaged {
            self.report_damage(&id, &reason);
        }
        Ok(sharing)
    }
}

impl Store {
    /// The id of the stored article with this text (by its hash), if any.
    pub fn id_of_text(&self, hash: &str) -> Result<Option<String>> {
        let id = self.with_db(false, |conn| {
            conn.prepare_cached("SELECT id FROM article WHERE hash = ?1")
                .and_then(|mut s| s.query_row([hash], |r| r.get(0)).optional())
                .map_err(|e| self.db_error(e))
        })?;
        Ok(id.flatten())
    }
}
