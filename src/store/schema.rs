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

/// Pages of write-ahead log after which a commit copies them into the database.
pub const CHECKPOINT_PAGES: i64 = 10_000;

/// [`CHECKPOINT_PAGES`] while an import writes: 200 MB of log at most, after which the file is
/// cut back to `journal_size_limit`.
pub const IMPORT_CHECKPOINT_PAGES: i64 = 50_000;

/// Bytes the write-ahead log file is cut back to when it starts again from its beginning.
pub const LOG_LIMIT: i64 = 64 * 1024 * 1024;

/// [`LOG_LIMIT`] while an import writes: above [`IMPORT_CHECKPOINT_PAGES`] of log, so that the
/// log's file keeps its blocks and its pages in the system's cache from one checkpoint to the
/// next. Cut back to 64 MB, every run of commits grew the file again: extending a file
/// (allocating its blocks, adding its pages to the system's cache) made the writing thread's
/// writes of the log an eighth slower (perf, 30,000 articles).
pub const IMPORT_LOG_LIMIT: i64 = 512 * 1024 * 1024;

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
    // 2: the full-text index keeps prefixes of two and three characters, so that a short
    // `prefix*` reads one index entry instead of merging the lists of every word it begins.
    r#"
DROP TABLE article_fts;
CREATE VIRTUAL TABLE article_fts USING fts5(
    title, text,
    content = 'article_doc', content_rowid = 'key',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
INSERT INTO article_fts(article_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
INSERT INTO article_fts(article_fts) VALUES ('rebuild');
INSERT OR REPLACE INTO meta (key, value)
    SELECT 'fts_upto', CAST(coalesce(max(key), 0) AS TEXT) FROM article;
"#,
    // 3: the archive's actors and events as tables, so that `juxta actors` and `juxta events`
    // are queries. They are derived from every article at once (the people merge and the
    // timeline join articles), so they are rewritten whole and stamped with the state of the
    // archive they were made from (`meta.views`); a stale stamp means "build again".
    r#"
CREATE TABLE view_actor (
    rank      INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    aliases   TEXT NOT NULL,
    mentions  INTEGER NOT NULL,
    articles  INTEGER NOT NULL
);
CREATE INDEX view_actor_kind ON view_actor(kind, rank);
CREATE TABLE view_mention (
    actor   INTEGER NOT NULL,
    seq     INTEGER NOT NULL,
    article TEXT NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    text    TEXT NOT NULL,
    PRIMARY KEY (actor, seq)
) WITHOUT ROWID;
CREATE INDEX view_mention_article ON view_mention(article, start);
CREATE TABLE view_event (
    seq         INTEGER PRIMARY KEY,
    article     TEXT NOT NULL,
    date        TEXT,
    start_date  TEXT,
    end_date    TEXT,
    precision   TEXT,
    kind        TEXT NOT NULL,
    expression  TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    sentence    TEXT NOT NULL,
    actors      TEXT NOT NULL,
    entry       INTEGER NOT NULL,
    entry_pos   INTEGER NOT NULL,
    conflict    INTEGER NOT NULL
);
CREATE INDEX view_event_entry ON view_event(entry, entry_pos);
CREATE INDEX view_event_article ON view_event(article);
"#,
    // 4: a sketch of each text (the smallest hashes of its shingles, written as its `sketch`
    // analysis row) and, for each article, the one sharing most of it: the pair the terminal
    // UI opens first is one indexed row, not a comparison of every article with every other.
    // A hash that more than 100 articles carry is boilerplate and links nothing.
    r#"
CREATE TABLE sketch (
    hash    INTEGER NOT NULL,
    article INTEGER NOT NULL REFERENCES article(key) ON DELETE CASCADE,
    PRIMARY KEY (hash, article)
) WITHOUT ROWID;
CREATE INDEX sketch_article ON sketch(article);
CREATE TABLE partner (
    article INTEGER PRIMARY KEY REFERENCES article(key) ON DELETE CASCADE,
    other   INTEGER NOT NULL REFERENCES article(key) ON DELETE CASCADE,
    shared  INTEGER NOT NULL
);
CREATE INDEX partner_shared ON partner(shared DESC, article);
CREATE INDEX partner_other ON partner(other);
CREATE TRIGGER analysis_sketch AFTER INSERT ON analysis WHEN new.kind = 'sketch' BEGIN
    DELETE FROM sketch WHERE article = new.article;
    INSERT OR IGNORE INTO sketch (hash, article)
        SELECT value, new.article FROM json_each(new.json) WHERE type = 'integer';
    INSERT OR REPLACE INTO partner (article, other, shared)
        SELECT new.article, s2.article, count(*) AS c
        FROM sketch s1 JOIN sketch s2 ON s2.hash = s1.hash AND s2.article <> new.article
        WHERE s1.article = new.article
          AND (SELECT count(*) FROM (SELECT 1 FROM sketch s3 WHERE s3.hash = s1.hash LIMIT 101)) <= 100
        GROUP BY s2.article
        ORDER BY c DESC, s2.article
        LIMIT 1;
    INSERT INTO partner (article, other, shared)
        SELECT other, article, shared FROM partner WHERE article = new.article AND true
        ON CONFLICT (article) DO UPDATE SET other = excluded.other, shared = excluded.shared
        WHERE excluded.shared > partner.shared;
END;
"#,
    // 5: each article's winnowed fingerprints (its `fingerprints` analysis row) as the words
    // of a full-text index holding only which articles carry each (no content, no positions):
    // `compare A --all` finds the articles sharing passages with A by a few index lookups
    // instead of reading every text. An inverted index of segments, not a table keyed by
    // hash: a hash B-tree takes ~120 random page writes per article. Like `article_fts`, it
    // is filled once per batch of an import (`meta.fingerprints_upto`); the triggers keep it
    // right when an indexed article's fingerprints are written again or removed.
    r#"
CREATE VIRTUAL TABLE fingerprint USING fts5(
    prints,
    content = '', contentless_delete = 1, detail = none, tokenize = 'ascii'
);
CREATE TRIGGER analysis_fingerprints_replace BEFORE INSERT ON analysis
WHEN new.kind = 'fingerprints' AND EXISTS (
    SELECT 1 FROM analysis WHERE article = new.article AND kind = 'fingerprints') BEGIN
    DELETE FROM fingerprint WHERE rowid = new.article;
END;
CREATE TRIGGER analysis_fingerprints_in AFTER INSERT ON analysis
WHEN new.kind = 'fingerprints' AND new.article <= coalesce(
    (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'fingerprints_upto'), 0) BEGIN
    INSERT INTO fingerprint (rowid, prints) VALUES (new.article, new.json);
END;
CREATE TRIGGER analysis_fingerprints_out AFTER DELETE ON analysis
WHEN old.kind = 'fingerprints' BEGIN
    DELETE FROM fingerprint WHERE rowid = old.article;
END;
"#,
    // 6: the full-text indexes keep up to 64 MB of an import's entries in memory before
    // writing them as an index segment (SQLite's default is 1 MB), and merge their segments
    // eight at a time instead of four. An import indexes hundreds of articles in one statement
    // (see `store::INDEX_EVERY`); with 1 MB they were cut into dozens of small segments, and
    // merging segments again and again was a tenth of the import's time. A search reads at
    // most seven segments per level instead of three.
    r#"
INSERT INTO article_fts(article_fts, rank) VALUES ('hashsize', 67108864);
INSERT INTO article_fts(article_fts, rank) VALUES ('automerge', 8);
INSERT INTO fingerprint(fingerprint, rank) VALUES ('hashsize', 67108864);
INSERT INTO fingerprint(fingerprint, rank) VALUES ('automerge', 8);
"#,
    // 7: the events table of the views as `juxta events` prints it, in pieces of about 64 KB
    // in printing order, written with the views. Printing a million events from `view_event`
    // decoded a dozen columns of each row and cut its sentence to the column's width, nearly
    // 2 s at 100,000 articles; reading the printed table back is one pass over large rows.
    r#"
CREATE TABLE view_event_table (
    seq   INTEGER PRIMARY KEY,
    chunk BLOB NOT NULL
);
"#,
];

/// The first schema version with the `fingerprint` index: a database migrated from before it
/// gets the fingerprints of its articles computed once, in the migration's transaction.
const FINGERPRINTS_FROM: i64 = 5;

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
    // A checkpoint copies the newest version of every page of the log into the database; an
    // import rewrites the same index and interior pages again and again, and with the default
    // (1,000 pages) it spent a tenth of its time checkpointing pages that the next commits
    // changed again. An import raises it further while it writes (`IMPORT_CHECKPOINT_PAGES`).
    conn.pragma_update(None, "wal_autocheckpoint", CHECKPOINT_PAGES)?;
    // The log file keeps the size of its largest run of commits unless told otherwise.
    conn.pragma_update(None, "journal_size_limit", LOG_LIMIT)?;
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
    if from > 0 && from < FINGERPRINTS_FROM && version() >= FINGERPRINTS_FROM {
        backfill_fingerprints(conn)?;
    }
    Ok(())
}

/// Writes the fingerprints of every article that has none, and indexes them.
fn backfill_fingerprints(conn: &Connection) -> rusqlite::Result<()> {
    use crate::analysis::index::{FINGERPRINT_KIND, FINGERPRINT_VERSION, fingerprints};
    let mut read = conn.prepare(
        "SELECT t.article, t.text FROM article_text t WHERE NOT EXISTS (
             SELECT 1 FROM analysis x WHERE x.article = t.article AND x.kind = ?1)",
    )?;
    let mut put = conn
        .prepare("INSERT INTO analysis (article, kind, version, json) VALUES (?1, ?2, ?3, ?4)")?;
    let mut rows = read.query([FINGERPRINT_KIND])?;
    while let Some(r) = rows.next()? {
        let key: i64 = r.get(0)?;
        // A damaged text is left for `check`, which reports it.
        let Ok(text) = r.get::<_, String>(1) else {
            continue;
        };
        let json = serde_json::to_string(&fingerprints(&text)).unwrap_or_else(|_| "[]".into());
        put.execute(rusqlite::params![
            key,
            FINGERPRINT_KIND,
            FINGERPRINT_VERSION,
            json
        ])?;
    }
    Ok(())
}
