//! Reads for a front end that keeps only the archive's metadata in memory (the terminal UI on
//! a large archive): the stored views row by row, without the texts they quote, and one
//! event's sentence when it is shown.

use super::views::{EVENT_COLUMN_COUNT, EVENT_COLUMNS, blank_event, read_event, to_usize};
use super::{Result, Store, ViewEvent};
use rusqlite::OptionalExtension;

/// One event of the stored views as a front end holding no texts reads it: the event without
/// its sentence's text (where the sentence lies is enough) and without the people it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    /// Position in the events' date order (`seq`).
    pub seq: usize,
    /// The event; its `sentence` and `actors` are empty.
    pub event: ViewEvent,
    /// Byte offsets of the sentence holding it.
    pub sentence: (usize, usize),
    /// Timeline entry, and the event's place in it.
    pub entry: (usize, usize),
}

impl std::ops::Deref for EventRow {
    type Target = ViewEvent;

    fn deref(&self) -> &ViewEvent {
        &self.event
    }
}

impl Store {
    /// Calls `f(actor rank, article id, start, end)` for every mention of the stored views, by
    /// actor, then in reading order; the names as written stay in the database.
    pub fn for_each_view_mention(
        &self,
        f: &mut dyn FnMut(usize, &str, usize, usize),
    ) -> Result<()> {
        self.with_db(false, |conn| {
            let mut stmt = conn
                .prepare(
                    "SELECT actor, article, start, \"end\" FROM view_mention ORDER BY actor, seq",
                )
                .map_err(|e| self.db_error(e))?;
            let mut rows = stmt.query([]).map_err(|e| self.db_error(e))?;
            while let Some(r) = rows.next().map_err(|e| self.db_error(e))? {
                let row = (|| -> rusqlite::Result<_> {
                    Ok((
                        to_usize(r.get(0)?),
                        r.get_ref(1)?.as_str().unwrap_or_default().to_string(),
                        to_usize(r.get(2)?),
                        to_usize(r.get(3)?),
                    ))
                })()
                .map_err(|e| self.db_error(e))?;
                f(row.0, &row.1, row.2, row.3);
            }
            Ok(())
        })?;
        Ok(())
    }

    /// Calls `f` for every event of the stored views, in date order. The sentence's place is
    /// computed from where the expression stands in it (its first occurrence), so that the
    /// sentence's text is not read.
    pub fn for_each_view_event(&self, f: &mut dyn FnMut(EventRow)) -> Result<()> {
        self.with_db(false, |conn| {
            let mut stmt = conn
                .prepare(&format!(
                    "SELECT {EVENT_COLUMNS}, seq, entry_pos,
                        instr(CAST(sentence AS BLOB), CAST(expression AS BLOB)),
                        length(CAST(sentence AS BLOB))
                     FROM view_event ORDER BY seq"
                ))
                .map_err(|e| self.db_error(e))?;
            let mut rows = stmt.query([]).map_err(|e| self.db_error(e))?;
            while let Some(r) = rows.next().map_err(|e| self.db_error(e))? {
                let row = (|| -> rusqlite::Result<EventRow> {
                    let mut event = blank_event();
                    read_event(r, &mut event)?;
                    let n = EVENT_COLUMN_COUNT;
                    // `instr` counts from 1, and 0 when the expression is not in the sentence.
                    let at = to_usize(r.get::<_, i64>(n + 2)? - 1);
                    let len = to_usize(r.get(n + 3)?);
                    let from = event.start.saturating_sub(at);
                    Ok(EventRow {
                        seq: to_usize(r.get(n)?),
                        sentence: (from, from + len),
                        entry: (event.group, to_usize(r.get(n + 1)?)),
                        event,
                    })
                })()
                .map_err(|e| self.db_error(e))?;
                f(row);
            }
            Ok(())
        })?;
        Ok(())
    }

    /// Number of events in the stored views.
    pub fn view_event_count(&self) -> Result<usize> {
        let n = self.with_db(false, |conn| {
            conn.query_row("SELECT count(*) FROM view_event", [], |r| {
                r.get::<_, i64>(0)
            })
            .map_err(|e| self.db_error(e))
        })?;
        Ok(to_usize(n.unwrap_or(0)))
    }

    /// The sentence of the stored event `seq` (its place in the events' date order).
    pub fn view_event_sentence(&self, seq: usize) -> Result<Option<String>> {
        let sentence = self.with_db(false, |conn| {
            conn.prepare_cached("SELECT sentence FROM view_event WHERE seq = ?1")
                .and_then(|mut s| s.query_row([seq as i64], |r| r.get(0)).optional())
                .map_err(|e| self.db_error(e))
        })?;
        Ok(sentence.flatten())
    }

    /// The article sharing the most of its sketch with article `id`, and how many sketch
    /// hashes they share, if any article shares anything.
    pub fn closest_with_share(&self, id: &str) -> Result<Option<(String, usize)>> {
        let other = self.with_db(false, |conn| {
            conn.prepare_cached(
                "SELECT o.id, p.shared FROM partner p JOIN article a ON a.key = p.article
                 JOIN article o ON o.key = p.other WHERE a.id = ?1",
            )
            .and_then(|mut s| {
                s.query_row([id], |r| Ok((r.get(0)?, to_usize(r.get(1)?))))
                    .optional()
            })
            .map_err(|e| self.db_error(e))
        })?;
        Ok(other.flatten())
    }
}
