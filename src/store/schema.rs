//! The database schema, its migrations, and how every connection is set up.
//!
//! The schema version lives in `PRAGMA user_version`: migration `i` of [`MIGRATIONS`] takes a
//! database from version `i` to `i + 1`, and all of them run in one transaction, so a database
//! is always at one version or the next, never in between.

use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// How long a statement waits for another process's write transaction before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Name of the database file in the store folder.
pub const DB_FILE: &str = "juxta.db";

/// Migrations, oldest first; the schema version is their count.
///
/// Kept apart from the article metadata, the texts live in their own table: listing 100,000
/// articles then reads a few megabytes of metadata pages, not every text.
pub const MIGRATIONS: &[&str] = &[
    // 1: articles, texts, analysis rows, full-text index.
    r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE article (
    key       INTEGER PRIMARY KEY AUTOINCREMENT,
    id        TEXT NOT NULL UNIQUE,
    title     TEXT NOT NULL,
    authors   TEXT NOT NULL DEFAULT '[]',
    date      TEXT,
    source    TEXT NOT NULL,
    url       TEXT,
    file_name TEXT NOT NULL,
    imported  TEXT NOT NULL,
    hash      TEXT NOT NULL UNIQUE,
    words     INTEGER NOT NULL,
    -- The url without fragment, tracking parameters and case differences: the same page
    -- fetched twice is recognised by it.
    canonical TEXT
);
CREATE INDEX article_url ON article(url) WHERE url IS NOT NULL;
CREATE INDEX article_canonical ON article(canonical) WHERE canonical IS NOT NULL;
CREATE INDEX article_imported ON article(imported, id);
CREATE INDEX article_date ON article(date);

CREATE TABLE article_text (
    article INTEGER PRIMARY KEY REFERENCES article(key) ON DELETE CASCADE,
    text    TEXT NOT NULL
);

CREATE TABLE analysis (
    article INTEGER NOT NULL REFERENCES article(key) ON DELETE CASCADE,
    kind    TEXT NOT NULL,
    version TEXT NOT NULL,
    json    TEXT NOT NULL,
    PRIMARY KEY (article, kind)
) WITHOUT ROWID;

CREATE VIEW article_doc AS
    SELECT a.key AS key, a.title AS title, t.text AS text
    FROM article a JOIN article_text t ON t.article = a.key;

CREATE VIRTUAL TABLE article_fts USING fts5(
    title, text,
    content = 'article_doc', content_rowid = 'key',
    tokenize = 'unicode61 remove_diacritics 2'
);
-- A word in the title weighs as much as five in the text.
INSERT INTO article_fts(article_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
"#,
];

/// The schema version this build writes.
pub fn version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Opens (creating when `create`) the database and sets up the connection.
pub fn connect(path: &Path, create: bool) -> rusqlite::Result<Connection> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // WAL: readers never wait for a writer and a killed writer leaves only an uncommitted tail
    // of the log, ignored on the next open. NORMAL syncs at checkpoints only, which keeps every
    // commit safe from a crashed process (not from a power cut in the last moments), and makes
    // one transaction per article cheap.
    // Switching a new database to WAL takes an exclusive lock for which SQLite does not call the
    // busy handler: two processes creating one store at once would see the other's lock as an
    // immediate "busy". Retried here within the same time limit.
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            other => break other?,
        }
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.set_prepared_statement_cache_capacity(32);
    Ok(conn)
}

/// The schema version of an open database.
pub fn current(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Brings the schema up to date. Run inside a write transaction.
pub fn migrate(conn: &Connection, from: i64) -> rusqlite::Result<()> {
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(from.max(0) as usize) {
        conn.execute_batch(sql)?;
        conn.pragma_update(None, "user_version", (i + 1) as i64)?;
    }
    Ok(())
}
