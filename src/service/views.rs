//! The actors and events of a set of articles in the shape the commands print, read from the
//! store's materialised views for the whole archive, or computed for named articles.

use super::{Context, ServiceError, actors_and_events};
use crate::analysis::actors::Actor;
use crate::analysis::events::Event;
use crate::analysis::extract::{ActorsAndEvents, Compact, EXTRACTION_VERSION};
use crate::article::Article;
use crate::store::{EventOrder, EventsLayout, ViewActor, ViewEvent, ViewMention, ViewParts, Views};

/// Version of the views' layout and content: bump it when what they hold changes (the stored
/// views of another version are built again).
const VIEWS_VERSION: &str = "views-v3";

/// The actors and events of the articles `args` name (files, ids, or the whole store when
/// empty). For the whole store they are read from the store's views, built first when the
/// archive changed since they were made; `parts` says what is needed.
pub fn views(ctx: &Context, args: &[String], parts: ViewParts) -> Result<Views, ServiceError> {
    let store = ctx.store()?;
    // Views hold what the default date reading finds; other options are computed afresh.
    let stored = from_views(ctx, args, &store);
    if !stored {
        // Nothing is stored: only the part the caller prints is made (an event's sentence is
        // a copy of text, an actor's mentions are copies of names).
        let (articles, found) = ctx.analyse(args)?;
        return Ok(match parts {
            ViewParts::Events => to_views_of(&articles, &found, false),
            ViewParts::Actors | ViewParts::ActorSummary => Views {
                articles: articles.len(),
                // A summary of the whole store is read beside the store's own views (their
                // mentions stand in for the ones left out); one of named files is the table.
                actors: actor_views(
                    &articles,
                    &found,
                    parts == ViewParts::Actors || args.is_empty(),
                ),
                events: Vec::new(),
                timeline: Vec::new(),
            },
        });
    }
    let recipe = recipe(ctx);
    if let Some(v) = store.views(&recipe, parts)? {
        return Ok(v);
    }
    // Built, written, then read back as when current: what is printed is what is stored, and
    // only the part asked for is held.
    if rebuild(ctx, &store, &recipe)?
        && let Some(v) = store.views(&recipe, parts)?
    {
        return Ok(v);
    }
    in_memory(ctx, &store)
}

/// Builds the views of the whole archive and writes them to the store, each row made as it
/// is written; false when they could not be written (a store that is read only, or one the
/// archive outran: an article added meanwhile makes them stale at once).
fn rebuild(ctx: &Context, store: &crate::store::Store, recipe: &str) -> Result<bool, ServiceError> {
    // The stamp is taken before the articles are read: an article added meanwhile leaves the
    // views stale, to be built again next time, never wrongly current.
    let Some(stamp) = store.views_stamp(recipe)? else {
        return Ok(false);
    };
    // The archive is read one article at a time, each keeping only the stretches of its text
    // the views quote (names, dates and their sentences); their offsets are moved back as the
    // rows are written.
    let (articles, offsets, found) = match super::archive_actors_and_events(store, &ctx.options)? {
        Some(archive) => archive,
        None => {
            let articles = store.list()?;
            let found = actors_and_events(&articles, &ctx.options, Some(store));
            (articles, Vec::new(), found)
        }
    };
    let entry_of = entries_of(&found);
    let mut entry_pos = vec![0; found.events.len()];
    for entry in &found.timeline {
        for (pos, &e) in entry.events.iter().enumerate() {
            entry_pos[e] = pos;
        }
    }
    let view_event = |i: usize, actors: bool| {
        let (group, conflict) = entry_of[i];
        event(
            &found.events[i],
            &articles,
            &offsets,
            group,
            conflict,
            actors,
        )
    };
    let layout = layout_of(&articles, &found);
    // The table prints no actors.
    let mut table = super::events_table::table_pieces(
        &layout,
        found
            .timeline
            .iter()
            .flat_map(|t| &t.events)
            .map(|&i| view_event(i, false)),
    );
    let rows = crate::store::ViewRows {
        layout,
        actors: &mut found
            .actors
            .iter()
            .map(|a| actor(a, &articles, &offsets, true)),
        events: &mut (0..found.events.len()).map(|i| (view_event(i, true), entry_pos[i])),
        table: &mut table,
    };
    // Views that cannot be written only cost time: what is printed is made in memory.
    Ok(store.put_views(&stamp, rows).is_ok())
}

/// The views of the whole archive made in memory, not written.
fn in_memory(ctx: &Context, store: &crate::store::Store) -> Result<Views, ServiceError> {
    let articles = store.list()?;
    let found = actors_and_events(&articles, &ctx.options, Some(store));
    Ok(to_views(&articles, &found))
}

/// The layout of the events of loaded articles (see [`EventsLayout::of`]).
fn layout_of(articles: &[Article], found: &ActorsAndEvents) -> EventsLayout {
    EventsLayout::measure(
        articles.len(),
        found.timeline.len(),
        found.events.iter().map(|e| {
            (
                articles[e.article].id.as_str(),
                e.expression.as_str(),
                e.date.is_some(),
            )
        }),
    )
}

/// The events of the articles `args` name (the whole store when empty) in `order`: `start`
/// gets their layout, then `each` every event until it answers `false`; an event's actors
/// may be left empty unless `actors` is set. For the whole store they are streamed from its views, one at a
/// time, when those are current; else the views are built first, as [`views`] does.
pub fn stream_events(
    ctx: &Context,
    args: &[String],
    order: EventOrder,
    actors: bool,
    start: &mut dyn FnMut(&EventsLayout) -> bool,
    each: &mut dyn FnMut(&ViewEvent) -> bool,
) -> Result<(), ServiceError> {
    let store = ctx.store()?;
    let stored = from_views(ctx, args, &store);
    if stored && store.stream_events(&recipe(ctx), order, actors, start, each)? {
        return Ok(());
    }
    if !stored {
        // Named files (or options the views were not made with): each event is made as it
        // is written, never all of them at once (a run-on text's events hold megabytes of
        // sentences).
        let (articles, found) = ctx.analyse(args)?;
        stream_found(&articles, &found, order, actors, start, each);
        return Ok(());
    }
    let recipe = recipe(ctx);
    if rebuild(ctx, &store, &recipe)? && store.stream_events(&recipe, order, actors, start, each)? {
        return Ok(());
    }
    let articles = store.list()?;
    let found = actors_and_events(&articles, &ctx.options, Some(&store));
    stream_found(&articles, &found, order, actors, start, each);
    Ok(())
}

/// The actors of the articles `args` name (the whole store when empty), with their articles
/// and mentions, handed to `each` in rank order until it answers `false`. For the whole store
/// they are streamed from its views one actor at a time when those are current (the mentions
/// of 100,000 articles are hundreds of megabytes), built and written first when stale.
pub fn stream_actors(
    ctx: &Context,
    args: &[String],
    each: &mut dyn FnMut(&ViewActor) -> bool,
) -> Result<(), ServiceError> {
    let store = ctx.store()?;
    let whole = if !from_views(ctx, args, &store) {
        views(ctx, args, ViewParts::Actors)?
    } else {
        let recipe = recipe(ctx);
        // A stream that finds the views stale hands nothing over: build them and stream again.
        if store.stream_actors(&recipe, each)?
            || (rebuild(ctx, &store, &recipe)? && store.stream_actors(&recipe, each)?)
        {
            return Ok(());
        }
        in_memory(ctx, &store)?
    };
    for a in &whole.actors {
        if !each(a) {
            break;
        }
    }
    Ok(())
}

/// What `juxta events` prints as a table for the articles `args` name (the whole store when
/// empty), handed to `write` a piece at a time until it answers `false`. For the whole store
/// it is the table stored with the views when those are current (built first when not).
pub fn events_table(
    ctx: &Context,
    args: &[String],
    write: &mut dyn FnMut(&[u8]) -> bool,
) -> Result<(), ServiceError> {
    let store = ctx.store()?;
    let stored = from_views(ctx, args, &store);
    if stored && store.events_table(&recipe(ctx), write)? {
        return Ok(());
    }
    // Both callbacks make the table: the first its heading, the second its rows.
    let table: std::cell::RefCell<Option<super::EventsTable>> = Default::default();
    let mut stopped = false;
    stream_events(
        ctx,
        args,
        EventOrder::Timeline,
        false,
        &mut |layout| {
            let t = super::EventsTable::new(layout);
            let rows = t.has_rows();
            *table.borrow_mut() = Some(t);
            rows
        },
        &mut |e| {
            let mut table = table.borrow_mut();
            let Some(t) = table.as_mut() else {
                return false;
            };
            t.push(e);
            if t.buf.len() >= super::CHUNK {
                if !write(t.buf.as_bytes()) {
                    stopped = true;
                    return false;
                }
                t.buf.clear();
            }
            true
        },
    )?;
    if !stopped {
        let mut t = table
            .into_inner()
            .unwrap_or_else(|| super::EventsTable::new(&EventsLayout::default()));
        t.finish();
        write(t.buf.as_bytes());
    }
    Ok(())
}

/// Whether what `args` name is read from the store's views: the whole archive (nothing
/// named), with the default date reading the views hold, in a store that exists.
fn from_views(ctx: &Context, args: &[String], store: &crate::store::Store) -> bool {
    args.is_empty()
        && ctx.options.dates == crate::analysis::dates::DateOptions::default()
        && store.is_created()
}

/// What made the views besides the articles: the analysis version and the user's aliases.
fn recipe(ctx: &Context) -> String {
    let aliases = serde_json::to_string(&ctx.options.aliases).unwrap_or_default();
    format!(
        "{VIEWS_VERSION}:{EXTRACTION_VERSION}:{:016x}",
        fnv(aliases.as_bytes())
    )
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The actors and events of loaded articles in the printed shape.
pub fn to_views(articles: &[Article], found: &ActorsAndEvents) -> Views {
    to_views_of(articles, found, true)
}

/// [`to_views`], the actors only when `with_actors`.
fn to_views_of(articles: &[Article], found: &ActorsAndEvents, with_actors: bool) -> Views {
    let entry_of = entries_of(found);
    Views {
        articles: articles.len(),
        actors: if with_actors {
            actor_views(articles, found, true)
        } else {
            Vec::new()
        },
        events: found
            .events
            .iter()
            .zip(&entry_of)
            .map(|(e, &(group, conflict))| event(e, articles, &[], group, conflict, true))
            .collect(),
        timeline: found.timeline.iter().map(|t| t.events.clone()).collect(),
    }
}

/// The actors in the printed shape; with their mentions only when `mentions` (a summary
/// has their counts).
fn actor_views(articles: &[Article], found: &ActorsAndEvents, mentions: bool) -> Vec<ViewActor> {
    found
        .actors
        .iter()
        .map(|a| actor(a, articles, &[], mentions))
        .collect()
}

/// Each event's timeline entry and whether that entry is a conflict.
fn entries_of(found: &ActorsAndEvents) -> Vec<(usize, bool)> {
    let mut entry_of = vec![(0, false); found.events.len()];
    for (n, entry) in found.timeline.iter().enumerate() {
        for &e in &entry.events {
            entry_of[e] = (n, entry.conflict);
        }
    }
    entry_of
}

/// [`stream_events`] over events just assembled: what streaming the stored views gives, each
/// event made in the printed shape only as it is handed on.
fn stream_found(
    articles: &[Article],
    found: &ActorsAndEvents,
    order: EventOrder,
    actors: bool,
    start: &mut dyn FnMut(&EventsLayout) -> bool,
    each: &mut dyn FnMut(&ViewEvent) -> bool,
) {
    if !start(&layout_of(articles, found)) {
        return;
    }
    let entry_of = entries_of(found);
    // One event refilled for each: its strings keep their buffers, where a fresh event would
    // allocate eight strings and copy its sentence anew (a run-on text's are long).
    let mut one = ViewEvent::default();
    let mut give = |i: usize| {
        let (group, conflict) = entry_of[i];
        refill_event(
            &mut one,
            &found.events[i],
            articles,
            &[],
            group,
            conflict,
            actors,
        );
        each(&one)
    };
    match order {
        EventOrder::Timeline => {
            for &i in found.timeline.iter().flat_map(|t| &t.events) {
                if !give(i) {
                    break;
                }
            }
        }
        EventOrder::Date => {
            for i in 0..found.events.len() {
                if !give(i) {
                    break;
                }
            }
        }
    }
}

/// Offset `at` of article `article`'s text as stored, where `offsets` (when not empty) says
/// where its compact text's stretches were (see [`Compact`]).
fn original(offsets: &[Compact], article: usize, at: usize) -> usize {
    offsets.get(article).map_or(at, |c| c.original(at))
}

/// An actor in the printed shape (`offsets` as for [`original`]).
fn actor(a: &Actor, articles: &[Article], offsets: &[Compact], mentions: bool) -> ViewActor {
    let ids: Vec<String> = a
        .articles()
        .into_iter()
        .map(|i| articles[i].id.clone())
        .collect();
    ViewActor {
        name: a.name.clone(),
        kind: kind_name(a.kind).to_string(),
        aliases: a.aliases.clone(),
        article_count: ids.len(),
        articles: ids,
        mention_count: a.mentions.len(),
        mentions: if mentions {
            a.mentions
                .iter()
                .map(|m| {
                    let start = original(offsets, m.article, m.span.start);
                    ViewMention {
                        article: articles[m.article].id.clone(),
                        start,
                        end: start + m.span.len(),
                        text: m.span.slice(&articles[m.article].text).to_string(),
                    }
                })
                .collect()
        } else {
            Vec::new()
        },
    }
}

/// The kind as JSON spells it.
pub fn kind_name(kind: crate::analysis::actors::ActorKind) -> &'static str {
    use crate::analysis::actors::ActorKind;
    match kind {
        ActorKind::Person => "person",
        ActorKind::Organization => "organization",
        ActorKind::Place => "place",
    }
}

/// An event in the printed shape, written over `out` (its strings keep their buffers); its
/// actors left empty unless `actors` (`offsets` as for [`original`]).
fn refill_event(
    out: &mut ViewEvent,
    e: &Event,
    articles: &[Article],
    offsets: &[Compact],
    group: usize,
    conflict: bool,
    actors: bool,
) {
    use std::fmt::Write as _;
    fn set(out: &mut Option<String>, value: Option<impl std::fmt::Display>) {
        match value {
            Some(v) => {
                let s = out.get_or_insert_with(String::new);
                s.clear();
                // Writing into a String cannot fail.
                let _ = write!(s, "{v}");
            }
            None => *out = None,
        }
    }
    let article = &articles[e.article];
    out.article.clone_from(&article.id);
    match e.date {
        Some(d) => {
            let s = out.date.get_or_insert_with(String::new);
            s.clear();
            d.write_label(s);
        }
        None => out.date = None,
    }
    set(&mut out.start_date, e.start_date);
    set(&mut out.end_date, e.end_date);
    set(&mut out.precision, e.date.map(|d| d.precision.name()));
    out.kind.clear();
    out.kind.push_str(e.kind.name());
    out.expression.clone_from(&e.expression);
    out.start = original(offsets, e.article, e.span.start);
    out.end = out.start + e.span.len();
    out.sentence.clear();
    out.sentence.push_str(e.sentence.slice(&article.text));
    if actors {
        out.actors.clone_from(&e.actors);
    } else {
        out.actors.clear();
    }
    out.group = group;
    out.conflict = conflict;
}

/// [`refill_event`] into a new event.
fn event(
    e: &Event,
    articles: &[Article],
    offsets: &[Compact],
    group: usize,
    conflict: bool,
    actors: bool,
) -> ViewEvent {
    let mut out = ViewEvent::default();
    refill_event(&mut out, e, articles, offsets, group, conflict, actors);
    out
}

/// Actor `i` of `views` with its mentions: read from the store's views when `views` holds only
/// the summary of each actor.
pub fn actor_mentions(ctx: &Context, views: &Views, i: usize) -> Result<ViewActor, ServiceError> {
    let mut a = views.actors[i].clone();
    if a.mentions.len() == a.mention_count {
        return Ok(a);
    }
    a.mentions = ctx.store()?.view_mentions(i)?;
    a.articles.clear();
    for m in &a.mentions {
        // Mentions come by article, in archive order.
        if a.articles.last() != Some(&m.article) {
            a.articles.push(m.article.clone());
        }
    }
    Ok(a)
}

/// The texts of the articles `ids` among those `args` name (files, ids, or the whole store
/// when empty), by id: only those are read.
pub fn article_texts(
    ctx: &Context,
    args: &[String],
    ids: &[String],
) -> Result<std::collections::HashMap<String, String>, ServiceError> {
    if args.is_empty() {
        let store = ctx.store()?;
        return ids
            .iter()
            .map(|id| Ok((id.clone(), store.get(id)?.text)))
            .collect();
    }
    let wanted: std::collections::HashSet<&String> = ids.iter().collect();
    Ok(ctx
        .load_articles(args)?
        .into_iter()
        .filter(|a| wanted.contains(&a.id))
        .map(|a| (a.id, a.text))
        .collect())
}
