//! Verifying the database (`juxta check`) and rebuilding what is derived (`--repair`).

use super::{Analyser, Article, Result, Store, article_from, meta_from_row, text_column};
use rusqlite::{OptionalExtension, TransactionBehavior, params};

/// What [`Store::check`] found. Empty lists and zero counts mean all is well.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckReport {
    /// Articles stored.
    pub articles: usize,
    /// Problems SQLite's `integrity_check` reports (pages, indexes): only a backup helps.
    pub integrity: Vec<String>,
    /// Whether the full-text index matches the texts.
    pub index_ok: bool,
    /// Texts and analysis rows whose article is gone.
    pub orphans: usize,
    /// Articles that cannot be read: (id, reason).
    pub damaged: Vec<(String, String)>,
    /// Articles whose analysis is missing or of another version: (id, kind).
    pub stale: Vec<(String, String)>,
    /// Whether the events table stored with the views is whole.
    pub views_ok: bool,
}

impl CheckReport {
    /// Whether nothing needs repairing.
    pub fn is_clean(&self) -> bool {
        self.integrity.is_empty()
            && self.index_ok
            && self.orphans == 0
            && self.damaged.is_empty()
            && self.stale.is_empty()
            && self.views_ok
    }
}

/// What [`Store::repair`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RepairReport {
    /// Orphaned rows removed.
    pub orphans_removed: usize,
    /// Whether the full-text index was rebuilt.
    pub index_rebuilt: bool,
    /// Articles analysed again.
    pub reanalysed: usize,
    /// Whether the stored views were found damaged and dropped, to be built again.
    pub views_dropped: bool,
}

impl Store {
    /// Verifies the database: SQLite's integrity check, the full-text index, orphaned rows,
    /// damaged articles, and that every article has each `(kind, version)` of `expected`.
    /// A store that does not exist yet is clean.
    pub fn check(&self, expected: &[(&str, &str)]) -> Result<CheckReport> {
        let report = self.with_db(false, |conn| {
            let e = |e| self.db_error(e);
            let mut r = CheckReport::default();
            // Articles of an import killed before it indexed them are not damage: index them.
            if super::index_is_behind(conn).map_err(e)? {
                self.catch_up_index(conn)?;
            }
            {
                let mut stmt = conn.prepare("PRAGMA integrity_check").map_err(e)?;
                let rows = stmt
                    .query_map([], |row| row.get::<_, String>(0))
                    .map_err(e)?;
                for line in rows {
                    let line = line.map_err(e)?;
                    if line != "ok" {
                        r.integrity.push(line);
                    }
                }
            }
            r.index_ok = conn
                .execute(
                    "INSERT INTO article_fts (article_fts, rank) VALUES ('integrity-check', 1)",
                    [],
                )
                .is_ok();
            r.orphans = orphans(conn).map_err(e)?;
            r.views_ok = super::views::events_table_is_whole(conn).map_err(e)?;
            let sql = format!(
                "SELECT {}, t.text IS NOT NULL FROM article a LEFT JOIN article_text t ON t.article = a.key",
                super::META_COLUMNS
            );
            let mut stmt = conn.prepare(&sql).map_err(e)?;
            let rows = stmt
                .query_map([], |row| Ok((meta_from_row(row)?, row.get::<_, bool>(11)?)))
                .map_err(e)?;
            for row in rows {
                let ((_, id, meta), has_text) = row.map_err(e)?;
                r.articles += 1;
                match meta {
                    Err(reason) => r.damaged.push((id, reason)),
                    Ok(_) if !has_text => r.damaged.push((id, "its text is missing".into())),
                    Ok(_) => {}
                }
            }
            for (kind, version) in expected {
                let mut stmt = conn
                    .prepare(
                        "SELECT a.id FROM article a
                         LEFT JOIN analysis x ON x.article = a.key AND x.kind = ?1
                         WHERE x.version IS NOT ?2 ORDER BY a.id",
                    )
                    .map_err(e)?;
                let ids = stmt
                    .query_map([kind, version], |row| row.get::<_, String>(0))
                    .map_err(e)?;
                for id in ids {
                    r.stale.push((id.map_err(e)?, kind.to_string()));
                }
            }
            Ok(r)
        })?;
        Ok(report.unwrap_or(CheckReport {
            index_ok: true,
            views_ok: true,
            ..CheckReport::default()
        }))
    }

    /// Rebuilds what is derived: removes orphaned rows, rebuilds the full-text index, drops
    /// the archive's views when their events table is not whole (the caller builds them), and
    /// analyses again (with `analyse`) the articles whose analysis of `expected` is missing
    /// or stale. Damaged articles are left for the user to remove; a database that fails
    /// SQLite's integrity check needs a backup, not a repair.
    pub fn repair(&self, expected: &[(&str, &str)], analyse: Analyser<'_>) -> Result<RepairReport> {
        let before = self.check(expected)?;
        let report = self.with_db(false, |conn| {
            let e = |e| self.db_error(e);
            let mut r = RepairReport::default();
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(e)?;
            r.orphans_removed = tx
                .execute(
                    "DELETE FROM article_text WHERE article NOT IN (SELECT key FROM article)",
                    [],
                )
                .map_err(e)?
                + tx.execute(
                    "DELETE FROM analysis WHERE article NOT IN (SELECT key FROM article)",
                    [],
                )
                .map_err(e)?
                + tx.execute(
                    "DELETE FROM sketch WHERE article NOT IN (SELECT key FROM article)",
                    [],
                )
                .map_err(e)?
                + tx.execute(
                    "DELETE FROM partner WHERE article NOT IN (SELECT key FROM article)
                        OR other NOT IN (SELECT key FROM article)",
                    [],
                )
                .map_err(e)?;
            if !before.index_ok || !before.damaged.is_empty() {
                tx.execute(
                    "INSERT INTO article_fts (article_fts) VALUES ('rebuild')",
                    [],
                )
                .map_err(e)?;
                r.index_rebuilt = true;
            }
            if !before.views_ok {
                super::views::drop_views_stamp(&tx).map_err(e)?;
                r.views_dropped = true;
            }
            tx.commit().map_err(e)?;
            let mut ids: Vec<&str> = before.stale.iter().map(|(id, _)| id.as_str()).collect();
            ids.dedup();
            for id in ids {
                let Some(article) = load(conn, id).map_err(e)? else {
                    continue;
                };
                let rows = analyse(&article);
                let tx = conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)
                    .map_err(e)?;
                for x in &rows {
                    tx.execute(
                        "INSERT OR REPLACE INTO analysis (article, kind, version, json)
                         SELECT key, ?2, ?3, ?4 FROM article WHERE id = ?1",
                        params![id, x.kind, x.version, x.json],
                    )
                    .map_err(e)?;
                }
                tx.commit().map_err(e)?;
                r.reanalysed += 1;
            }
            Ok(r)
        })?;
        Ok(report.unwrap_or_default())
    }
}

/// Texts and analysis rows whose article is gone (possible only when someone wrote to the
/// database with foreign keys off, as the `sqlite3` shell does by default).
fn orphans(conn: &rusqlite::Connection) -> rusqlite::Result<usize> {
    let n: i64 = conn.query_row(
        "SELECT (SELECT count(*) FROM article_text WHERE article NOT IN (SELECT key FROM article))
              + (SELECT count(*) FROM analysis WHERE article NOT IN (SELECT key FROM article))
              + (SELECT count(*) FROM sketch WHERE article NOT IN (SELECT key FROM article))
              + (SELECT count(*) FROM partner WHERE article NOT IN (SELECT key FROM article)
                    OR other NOT IN (SELECT key FROM article))",
        [],
        |r| r.get(0),
    )?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// One readable article, or `None` when it is gone or damaged.
fn load(conn: &rusqlite::Connection, id: &str) -> rusqlite::Result<Option<Article>> {
    let sql = format!(
        "SELECT {}, t.text FROM article a JOIN article_text t ON t.article = a.key WHERE a.id = ?1",
        super::META_COLUMNS
    );
    let row = conn
        .query_row(&sql, [id], |r| {
            let (_, _, meta) = meta_from_row(r)?;
            Ok(meta.and_then(|m| Ok((m, text_column(r, 11, "text")?))))
        })
        .optional()?;
    Ok(row.and_then(|r| r.ok()).map(|(m, t)| article_from(m, t)))
}
