//! The archive: articles, their analysis and a full-text index in one SQLite database,
//! `juxta.db` in the store folder. This is the only code that touches it.
//!
//! Every write is a transaction: an article, its text, its index entries and its analysis rows
//! are committed together. An import commits its articles in groups (at most a quarter of a
//! second of writing each), so a killed import loses at most the group it was writing, and
//! never part of an article. The database is in WAL mode: readers never wait for a writer, and a second
//! process that wants to write waits (up to [`schema::BUSY_TIMEOUT`]) for the first.
//!
//! A store in the folder format of earlier versions (`store.json`, `articles/*.json`,
//! `cache/`) is converted on first open, in one transaction; its files are then moved into
//! `old-folder-store/` and a [`Notice`] says where they are.

mod check;
mod checkpoint;
mod legacy;
mod ondemand;
mod schema;
mod search;
mod views;

pub use check::{CheckReport, RepairReport};
pub use ondemand::EventRow;
pub use search::SearchHit;
pub use views::{
    EventOrder, EventsLayout, Sharing, ViewActor, ViewEvent, ViewMention, ViewParts, ViewRows,
    Views,
};

use crate::article::{Article, is_valid_id};
use crate::import::{Draft, unique_id};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// The newest format this build understands: the database schema version.
pub const FORMAT: u32 = schema::MIGRATIONS.len() as u32;

/// The folder format (`store.json`) of stores from before the database, which is converted.
pub const FOLDER_FORMAT: u32 = 1;

/// Something the store could not do. Each displays as one sentence saying what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The folder holds files but is not a store.
    #[error(
        "{0} is not a juxta store (it holds other files and no juxta.db); choose an empty or new folder with --store"
    )]
    NotAStore(PathBuf),
    /// Written by a newer juxta.
    #[error(
        "the store at {path} has format {found}, newer than this juxta understands ({understood}); upgrade juxta"
    )]
    TooNew {
        /// The store folder.
        path: PathBuf,
        /// Its format.
        found: u32,
        /// The newest this build understands: [`FORMAT`] for a database, [`FOLDER_FORMAT`]
        /// for a folder store.
        understood: u32,
    },
    /// No article with that id.
    #[error("no article with id \"{id}\" in the store at {root}; `juxta list` shows the ids")]
    UnknownId {
        /// The id asked for.
        id: String,
        /// The store folder.
        root: PathBuf,
    },
    /// Another process held the database for the whole busy timeout.
    #[error(
        "the store at {0} is busy: another juxta process has been writing to it for 30 s; try again when it has finished"
    )]
    Busy(PathBuf),
    /// The `store.json` of a folder-format store (one still to be converted) cannot be read.
    /// Removing it would make the folder unrecognisable as a store, so the advice is to
    /// rewrite it.
    #[error(
        "{path} is damaged ({reason}); restore it from a backup, or replace its contents with {{\"format\": 1}}"
    )]
    DamagedManifest {
        /// The manifest.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// A file of the store could not be read or parsed.
    #[error("{path} is damaged ({reason}); remove it or restore it from a backup")]
    Damaged {
        /// The damaged file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// One article's row cannot be read; the others can.
    #[error(
        "article \"{id}\" in the store at {root} is damaged ({reason}); remove it with `juxta rm {id}` and import it again"
    )]
    DamagedRecord {
        /// The article's id.
        id: String,
        /// The store folder.
        root: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The file system refused.
    // The reason is part of the sentence, not a `source`: printing the error chain would say it
    // twice.
    #[error(
        "cannot {action} {} ({}); check the permissions and the free space",
        path.display(),
        crate::import::io_reason(error)
    )]
    Io {
        /// What juxta was doing: "read", "write", "create"…
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The operating system's reason.
        error: std::io::Error,
    },
    /// --store names a file.
    #[error("{0} is a file, not a store folder; choose a folder with --store or JUXTA_STORE")]
    NotAFolder(PathBuf),
    /// SQLite reported an error that is none of the above.
    #[error(
        "the database {} failed ({error}); run `juxta check` to verify it",
        path.display()
    )]
    Database {
        /// The database file.
        path: PathBuf,
        /// SQLite's error.
        error: rusqlite::Error,
    },
}

type Result<T> = std::result::Result<T, StoreError>;

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + use<> {
    let path = path.to_path_buf();
    move |error| StoreError::Io {
        action,
        path,
        error,
    }
}

#[derive(Serialize, Deserialize)]
struct Manifest {
    format: u32,
}

/// Files of a store folder that may exist before its database: locks, temporary files, and
/// the journals of a database being created.
fn is_store_scaffolding(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name == "lock" || name.starts_with(".tmp-") || name.starts_with("juxta.db-")
}

/// What [`Store::add`] did with one draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// Stored under a new id.
    New {
        /// The stored article.
        article: Article,
        /// Its number of words, counted once for the store: the caller need not count again.
        words: usize,
    },
    /// The same text is already stored under this id; nothing was written.
    Duplicate {
        /// Id of the article that has the same text.
        existing: String,
        /// The draft's file name.
        file_name: String,
        /// Whether it was recognised by its address rather than by its text.
        by_url: bool,
    },
}

/// One analysis result of one article, stored beside it (`analysis` table).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// What analysis this is (`extract`, …); one row per article and kind.
    pub kind: String,
    /// Version of the analysis that wrote it: rows of another version are stale.
    pub version: String,
    /// The result, as JSON.
    pub json: String,
}

/// Computes the analysis rows of an article as it is added; runs on several threads at once.
pub type Analyser<'a> = &'a (dyn Fn(&Article) -> Vec<Analysis> + Sync);

/// An article without its text: what listings need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleMeta {
    /// See [`Article::id`].
    pub id: String,
    /// Headline.
    pub title: String,
    /// Bylines, when known.
    pub authors: Vec<String>,
    /// The outlet.
    pub source: String,
    /// Publication date.
    pub date: Option<NaiveDate>,
    /// Where it was published.
    pub url: Option<String>,
    /// Number of words of the text.
    pub words: usize,
    /// Hash of the text.
    pub hash: String,
    /// When it entered the store.
    pub imported_at: DateTime<Utc>,
    /// The file it came from.
    pub file_name: String,
}

/// Something the front end should tell the user, once: the store itself prints nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// A folder-format store was converted to a database.
    Migrated {
        /// Articles converted.
        articles: usize,
        /// Article files that could not be read, left in the old folder.
        skipped: Vec<String>,
        /// Where the old files now are.
        old_files: PathBuf,
    },
    /// An article could not be read and was left out.
    Damaged {
        /// The article's id.
        id: String,
        /// What is wrong with it.
        reason: String,
    },
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::Migrated {
                articles,
                skipped,
                old_files,
            } => {
                write!(
                    f,
                    "converted the store to a database ({articles} article{}",
                    if *articles == 1 { "" } else { "s" }
                )?;
                if !skipped.is_empty() {
                    write!(
                        f,
                        "; {} damaged file{} not converted: {}",
                        skipped.len(),
                        if skipped.len() == 1 { "" } else { "s" },
                        skipped.join(", ")
                    )?;
                }
                write!(
                    f,
                    "); the old files are in {}, delete that folder once you no longer need it",
                    old_files.display()
                )
            }
            Notice::Damaged { id, reason } => write!(
                f,
                "article \"{id}\" is damaged ({reason}) and was left out; remove it with `juxta rm {id}` and import it again"
            ),
        }
    }
}

/// A store folder and its database. Opening creates nothing (unless it converts a store of
/// the folder format); the first write creates the database. Clones share one connection.
#[derive(Clone)]
pub struct Store {
    root: PathBuf,
    inner: Arc<Inner>,
}

struct Inner {
    /// `None` until the database exists.
    db: Mutex<Option<Connection>>,
    /// Started by the first import.
    checkpointer: Mutex<Option<checkpoint::Checkpointer>>,
}

/// Notices of every store of the process, with the store folder they are about. Kept per
/// process, not per [`Store`] value: a command opens the store more than once, and the front
/// end prints them once at the end.
static NOTICES: Mutex<Vec<(PathBuf, Notice)>> = Mutex::new(Vec::new());

/// Damaged articles already reported in this process: (store folder, id).
static REPORTED: Mutex<Vec<(PathBuf, String)>> = Mutex::new(Vec::new());

/// Takes what the stores opened by this process have to tell the user (conversions, damaged
/// articles), each once, for the front end to print.
pub fn take_notices() -> Vec<Notice> {
    std::mem::take(&mut *lock(&NOTICES))
        .into_iter()
        .map(|(_, n)| n)
        .collect()
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("root", &self.root).finish()
    }
}

/// Locks a mutex; a panic in another thread while holding it leaves nothing half-done here
/// (SQLite rolls back an unfinished transaction when it is dropped), so the value is usable.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Columns of [`ArticleMeta`], in the order [`meta_from_row`] reads them.
const META_COLUMNS: &str = "a.key, a.id, a.title, a.authors, a.date, a.source, a.url, a.file_name, a.imported, a.hash, a.words";

/// How `imported` is stored: fixed width, so that text order is time order.
const IMPORTED_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.9fZ";

/// One row read from `article`: the id (when readable) and the metadata or why it is damaged.
type MetaRow = (i64, String, std::result::Result<ArticleMeta, String>);

fn text_column(
    row: &rusqlite::Row<'_>,
    i: usize,
    name: &str,
) -> std::result::Result<String, String> {
    match row.get_ref(i) {
        Ok(rusqlite::types::ValueRef::Text(t)) => std::str::from_utf8(t)
            .map(str::to_string)
            .map_err(|_| format!("its {name} is not valid UTF-8")),
        Ok(rusqlite::types::ValueRef::Null) => Err(format!("its {name} is missing")),
        Ok(_) => Err(format!("its {name} is not text")),
        Err(e) => Err(e.to_string()),
    }
}

fn optional_text(
    row: &rusqlite::Row<'_>,
    i: usize,
    name: &str,
) -> std::result::Result<Option<String>, String> {
    match row.get_ref(i) {
        Ok(rusqlite::types::ValueRef::Null) => Ok(None),
        _ => text_column(row, i, name).map(Some),
    }
}

fn meta_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<MetaRow> {
    let key: i64 = row.get(0)?;
    let id = text_column(row, 1, "id").unwrap_or_else(|_| format!("#{key}"));
    let meta = (|| -> std::result::Result<ArticleMeta, String> {
        let authors = text_column(row, 3, "authors")?;
        let authors: Vec<String> = serde_json::from_str(&authors)
            .map_err(|e| format!("its authors are not a JSON list of names: {e}"))?;
        let date = optional_text(row, 4, "date")?
            .map(|d| {
                d.parse::<NaiveDate>()
                    .map_err(|_| format!("its date \"{d}\" is not YYYY-MM-DD"))
            })
            .transpose()?;
        let imported = text_column(row, 8, "import time")?;
        let imported_at = DateTime::parse_from_rfc3339(&imported)
            .map_err(|_| format!("its import time \"{imported}\" is not a time"))?
            .with_timezone(&Utc);
        let words: i64 = row
            .get(10)
            .map_err(|_| "its word count is not a number".to_string())?;
        Ok(ArticleMeta {
            id: id.clone(),
            title: text_column(row, 2, "title")?,
            authors,
            source: text_column(row, 5, "source")?,
            date,
            url: optional_text(row, 6, "url")?,
            words: usize::try_from(words).unwrap_or(0),
            hash: text_column(row, 9, "hash")?,
            imported_at,
            file_name: text_column(row, 7, "file name")?,
        })
    })();
    Ok((key, id, meta))
}

fn article_from(meta: ArticleMeta, text: String) -> Article {
    Article {
        id: meta.id,
        title: meta.title,
        authors: meta.authors,
        source: meta.source,
        date: meta.date,
        url: meta.url,
        text,
        hash: meta.hash,
        imported_at: meta.imported_at,
        file_name: meta.file_name,
    }
}

/// An article's analysis rows and the columns of its `article` row that take reading its
/// text or formatting, computed on an analysis worker: the writer, which every article waits
/// for, only binds them (counting the words of 10,000 articles took the writer half a second).
#[derive(Debug, Clone, Default)]
struct Analysed {
    rows: Vec<Analysis>,
    columns: Option<Columns>,
}

/// See [`Analysed`].
#[derive(Debug, Clone)]
struct Columns {
    authors: String,
    words: i64,
    canonical: Option<String>,
}

impl Columns {
    fn of(a: &Article) -> Columns {
        Columns {
            authors: serde_json::to_string(&a.authors).unwrap_or_else(|_| "[]".into()),
            words: a.word_count() as i64,
            canonical: a.url.as_deref().map(crate::import::canonical_url),
        }
    }
}

/// Writes one article with its text and analysis (its full-text index entry comes with the
/// next [`index_pending`]). Returns its key.
fn insert_article(conn: &Connection, a: &Article, analyses: &[Analysis]) -> rusqlite::Result<i64> {
    insert_with(conn, a, &Columns::of(a), analyses)
}

/// [`insert_article`] with the columns computed already.
fn insert_with(
    conn: &Connection,
    a: &Article,
    columns: &Columns,
    analyses: &[Analysis],
) -> rusqlite::Result<i64> {
    conn.prepare_cached(
        "INSERT INTO article (id, title, authors, date, source, url, file_name, imported, hash, words, canonical)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        a.id,
        a.title,
        columns.authors,
        a.date.map(|d| d.to_string()),
        a.source,
        a.url,
        a.file_name,
        a.imported_at.format(IMPORTED_FORMAT).to_string(),
        a.hash,
        columns.words,
        columns.canonical,
    ])?;
    let key = conn.last_insert_rowid();
    conn.prepare_cached("INSERT INTO article_text (article, text) VALUES (?1, ?2)")?
        .execute(params![key, a.text])?;
    let mut put = conn.prepare_cached(
        "INSERT OR REPLACE INTO analysis (article, kind, version, json) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for x in analyses {
        put.execute(params![key, x.kind, x.version, x.json])?;
    }
    Ok(key)
}

/// Key of the last article in the full-text index (`meta.fts_upto`).
const FTS_UPTO: &str = "fts_upto";

/// Adds the articles not yet in the full-text index to it, in the caller's transaction.
///
/// Indexing is deferred to once per batch because FTS5 writes a new index segment at every
/// commit: indexing each article in its own transaction wrote ~50 pages per article and
/// halved the import rate. Keys only grow (AUTOINCREMENT), so "not yet indexed" is "key
/// above `fts_upto`"; an import killed between the two leaves some articles unindexed until
/// the next write, search or check.
fn index_pending(conn: &Connection) -> rusqlite::Result<usize> {
    let upto = fts_upto(conn)?;
    let n = conn
        .prepare_cached(
            "INSERT INTO article_fts (rowid, title, text) SELECT key, title, text FROM article_doc WHERE key > ?1",
        )?
        .execute([upto])?;
    let max: Option<i64> = conn.query_row("SELECT max(key) FROM article", [], |r| r.get(0))?;
    if let Some(max) = max.filter(|&m| m > upto) {
        set_fts_upto(conn, max)?;
    }
    let printed = fingerprints_upto(conn)?;
    if let Some(max) = max.filter(|&m| m > printed) {
        conn.prepare_cached(
            "INSERT INTO fingerprint (rowid, prints)
             SELECT article, json FROM analysis WHERE article > ?1 AND kind = 'fingerprints'",
        )?
        .execute([printed])?;
        conn.prepare_cached("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")?
            .execute(params![FINGERPRINTS_UPTO, max.to_string()])?;
    }
    Ok(n)
}

/// Key of the last article whose fingerprints are in the `fingerprint` index.
const FINGERPRINTS_UPTO: &str = "fingerprints_upto";

fn fingerprints_upto(conn: &Connection) -> rusqlite::Result<i64> {
    Ok(meta_value(conn, FINGERPRINTS_UPTO)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

fn fts_upto(conn: &Connection) -> rusqlite::Result<i64> {
    Ok(meta_value(conn, FTS_UPTO)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

/// The `meta` value under `key`, if there is one.
pub(super) fn meta_value(conn: &Connection, key: &str) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached("SELECT value FROM meta WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()
}

fn set_fts_upto(conn: &Connection, key: i64) -> rusqlite::Result<()> {
    conn.prepare_cached("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")?
        .execute(params![FTS_UPTO, key.to_string()])?;
    Ok(())
}

/// Rebuilds the full-text index from the texts, in the caller's transaction.
fn rebuild_index(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO article_fts (article_fts) VALUES ('rebuild')",
        [],
    )?;
    let max: Option<i64> = conn.query_row("SELECT max(key) FROM article", [], |r| r.get(0))?;
    set_fts_upto(conn, max.unwrap_or(0))
}

/// Whether some articles are not in the full-text or fingerprint index yet.
fn index_is_behind(conn: &Connection) -> rusqlite::Result<bool> {
    let max: Option<i64> = conn.query_row("SELECT max(key) FROM article", [], |r| r.get(0))?;
    let max = max.unwrap_or(0);
    Ok(max > fts_upto(conn)? || max > fingerprints_upto(conn)?)
}

/// An import commits its articles in groups of at most this many, or of what it wrote in
/// [`GROUP_TIME`], each group in one transaction. One transaction per article wrote ~95 pages per article: the pages every article
/// changes (the last leaves of the tables, interior pages, the index segments) were written
/// again at each commit. A killed import loses the group being written, never part of an
/// article.
const GROUP_MAX: usize = 1_000;

/// An import adds its articles to the full-text and fingerprint indexes once this many are
/// waiting, and when it ends, in the transaction of a group. Each indexing writes a segment
/// of each index, and the segments are merged again as they accumulate: indexing each group
/// of a loaded machine (a few dozen articles) spent a tenth of the import merging. Articles of
/// an import killed before it indexed them are indexed by the next write, search or check.
const INDEX_EVERY: usize = 1_000;

/// The longest a group's transaction stays open: what a killed import may lose, and how long
/// another process waits to write.
const GROUP_TIME: Duration = Duration::from_millis(250);

/// SQLite's page cache during an import, in KiB (a negative `cache_size`), and the default
/// it returns to: the import's cache holds the pages that commits keep rewriting.
const IMPORT_CACHE_KIB: i64 = -65_536;
const DEFAULT_CACHE_KIB: i64 = -2_000;

/// Drafts made articles, waiting for their analysis: see [`Store::prepare`].
struct Prepared {
    articles: Vec<Article>,
    /// Which articles need analysing (the others are stored already or repeated).
    todo: Vec<bool>,
}

impl Store {
    /// Opens the store at `root`, checking that the folder is a store (or empty, or absent) in a
    /// format this build understands. A store of the folder format is converted now.
    pub fn open(root: impl Into<PathBuf>) -> Result<Store> {
        let root = root.into();
        if root.exists() && !root.is_dir() {
            return Err(StoreError::NotAFolder(root));
        }
        let store = Store {
            root,
            inner: Arc::new(Inner {
                db: Mutex::new(None),
                checkpointer: Mutex::new(None),
            }),
        };
        let legacy = legacy::pending(&store.root)?;
        if !store.db_path().exists() && !legacy {
            // The lock file and temporary files come first when a store is created: a
            // folder holding only those is a store being created, not someone else's folder.
            if let Ok(entries) = std::fs::read_dir(&store.root)
                && entries
                    .flatten()
                    .any(|e| !is_store_scaffolding(&e.file_name()))
            {
                return Err(StoreError::NotAStore(store.root));
            }
            return Ok(store);
        }
        {
            let mut db = lock(&store.inner.db);
            let conn = store.connect(legacy)?;
            *db = Some(conn);
            if legacy {
                let conn = db.as_mut().expect("connected just above");
                if let Some(notice) =
                    legacy::convert(&store.root, conn).map_err(|e| store.db_error(e))??
                {
                    lock(&NOTICES).push((store.root.clone(), notice));
                }
            }
        }
        Ok(store)
    }

    /// The store folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The database file.
    pub fn db_path(&self) -> PathBuf {
        self.root.join(schema::DB_FILE)
    }

    /// Whether the database exists (something was ever stored).
    pub fn is_created(&self) -> bool {
        lock(&self.inner.db).is_some() || self.db_path().exists()
    }

    /// What the user should be told about this store (a conversion, damaged articles), each
    /// once; [`take_notices`] takes those of every store.
    pub fn notices(&self) -> Vec<Notice> {
        let mut all = lock(&NOTICES);
        let (mine, others): (Vec<_>, Vec<_>) = std::mem::take(&mut *all)
            .into_iter()
            .partition(|(root, _)| *root == self.root);
        *all = others;
        mine.into_iter().map(|(_, n)| n).collect()
    }

    fn db_error(&self, e: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                StoreError::Busy(self.root.clone())
            }
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => StoreError::Damaged {
                path: self.db_path(),
                reason: e.to_string(),
            },
            _ => StoreError::Database {
                path: self.db_path(),
                error: e,
            },
        }
    }

    /// Opens the database (creating it when `create`) and brings its schema up to date.
    fn connect(&self, create: bool) -> Result<Connection> {
        let path = self.db_path();
        if create {
            std::fs::create_dir_all(&self.root).map_err(io("create", &self.root))?;
            // Created here rather than by SQLite so that a refusal names the file and the
            // reason, and the file gets the permissions of any file the user creates.
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .map_err(io("create", &path))?;
        }
        let mut conn = schema::connect(&path, create).map_err(|e| self.db_error(e))?;
        let found = schema::current(&conn).map_err(|e| self.db_error(e))?;
        if found > schema::version() {
            return Err(StoreError::TooNew {
                path: self.root.clone(),
                found: u32::try_from(found).unwrap_or(u32::MAX),
                understood: FORMAT,
            });
        }
        if found < schema::version() {
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(|e| self.db_error(e))?;
            // Another process may have migrated while this one waited for the lock.
            let found = schema::current(&tx).map_err(|e| self.db_error(e))?;
            schema::migrate(&tx, found).map_err(|e| self.db_error(e))?;
            tx.commit().map_err(|e| self.db_error(e))?;
        }
        Ok(conn)
    }

    /// Runs `f` on the connection; `None` when the database does not exist (and `create` is
    /// false: reading never creates the store).
    fn with_db<T>(
        &self,
        create: bool,
        f: impl FnOnce(&mut Connection) -> Result<T>,
    ) -> Result<Option<T>> {
        let mut db = lock(&self.inner.db);
        if db.is_none() {
            if !create && !self.db_path().exists() {
                return Ok(None);
            }
            *db = Some(self.connect(create)?);
        }
        f(db.as_mut().expect("connected just above")).map(Some)
    }

    /// Reports a damaged article once.
    fn report_damage(&self, id: &str, reason: &str) {
        let key = (self.root.clone(), id.to_string());
        let mut reported = lock(&REPORTED);
        if !reported.contains(&key) {
            reported.push(key);
            lock(&NOTICES).push((
                self.root.clone(),
                Notice::Damaged {
                    id: id.to_string(),
                    reason: reason.to_string(),
                },
            ));
        }
    }

    /// Ids of all stored articles, sorted.
    pub fn ids(&self) -> Result<Vec<String>> {
        let ids = self.with_db(false, |conn| {
            let mut stmt = conn
                .prepare_cached("SELECT id FROM article ORDER BY id")
                .map_err(|e| self.db_error(e))?;
            let rows = stmt
                .query_map([], |r| r.get::<_, String>(0))
                .map_err(|e| self.db_error(e))?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
                .map_err(|e| self.db_error(e))
        })?;
        Ok(ids.unwrap_or_default())
    }

    /// Metadata of every readable article, oldest import first (ties by id), without reading
    /// any text. Damaged articles are left out and reported once through [`Store::notices`].
    pub fn list_meta(&self) -> Result<Vec<ArticleMeta>> {
        let rows = self.with_db(false, |conn| {
            let sql = format!("SELECT {META_COLUMNS} FROM article a ORDER BY a.imported, a.id");
            let mut stmt = conn.prepare_cached(&sql).map_err(|e| self.db_error(e))?;
            let rows = stmt
                .query_map([], meta_from_row)
                .map_err(|e| self.db_error(e))?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
                .map_err(|e| self.db_error(e))
        })?;
        let mut out = Vec::new();
        for (_, id, meta) in rows.unwrap_or_default() {
            match meta {
                Ok(m) => out.push(m),
                Err(reason) => self.report_damage(&id, &reason),
            }
        }
        Ok(out)
    }

    /// All readable articles with their texts, oldest import first (ties by id). Damaged
    /// articles are left out and reported once through [`Store::notices`].
    pub fn list(&self) -> Result<Vec<Article>> {
        let rows = self.with_db(false, |conn| {
            let sql = format!(
                "SELECT {META_COLUMNS}, t.text FROM article a LEFT JOIN article_text t ON t.article = a.key
                 ORDER BY a.imported, a.id"
            );
            let mut stmt = conn.prepare_cached(&sql).map_err(|e| self.db_error(e))?;
            let rows = stmt
                .query_map([], |r| {
                    let (key, id, meta) = meta_from_row(r)?;
                    Ok((key, id, meta.and_then(|m| Ok((m, text_column(r, 11, "text")?)))))
                })
                .map_err(|e| self.db_error(e))?;
            rows.collect::<rusqlite::Result<Vec<_>>>()
                .map_err(|e| self.db_error(e))
        })?;
        let mut out = Vec::new();
        for (_, id, row) in rows.unwrap_or_default() {
            match row {
                Ok((m, text)) => out.push(article_from(m, text)),
                Err(reason) => self.report_damage(&id, &reason),
            }
        }
        Ok(out)
    }

    /// Calls `f` with every readable article in listing order (oldest import first), one at a
    /// time, and its analysis of `kind` written by `version` (`None` when it has none): for work
    /// over the whole archive that must hold neither every text nor every analysis at once.
    /// Damaged articles are left out and reported once through [`take_notices`]. `f` must not
    /// use the store.
    pub fn for_each_article_with_analysis(
        &self,
        kind: &str,
        version: &str,
        f: &mut dyn FnMut(Article, Option<&str>),
    ) -> Result<()> {
        let mut damaged = Vec::new();
        self.with_db(false, |conn| {
            let sql = format!(
                "SELECT {META_COLUMNS}, t.text, x.json FROM article a
                 LEFT JOIN article_text t ON t.article = a.key
                 LEFT JOIN analysis x ON x.article = a.key AND x.kind = ?1 AND x.version = ?2
                 ORDER BY a.imported, a.id"
            );
            let mut stmt = conn.prepare_cached(&sql).map_err(|e| self.db_error(e))?;
            let mut rows = stmt.query([kind, version]).map_err(|e| self.db_error(e))?;
            while let Some(r) = rows.next().map_err(|e| self.db_error(e))? {
                let (_, id, meta) = meta_from_row(r).map_err(|e| self.db_error(e))?;
                match meta.and_then(|m| Ok((m, text_column(r, 11, "text")?))) {
                    Ok((m, text)) => {
                        let json = r.get_ref(12).ok().and_then(|v| v.as_str().ok());
                        f(article_from(m, text), json)
                    }
                    Err(reason) => damaged.push((id, reason)),
                }
            }
            Ok(())
        })?;
        for (id, reason) in damaged {
            self.report_damage(&id, &reason);
        }
        Ok(())
    }

    /// One article.
    pub fn get(&self, id: &str) -> Result<Article> {
        let unknown = || StoreError::UnknownId {
            id: id.to_string(),
            root: self.root.clone(),
        };
        if !is_valid_id(id) {
            return Err(unknown());
        }
        let row = self.with_db(false, |conn| {
            let sql = format!(
                "SELECT {META_COLUMNS}, t.text FROM article a LEFT JOIN article_text t ON t.article = a.key
                 WHERE a.id = ?1"
            );
            let mut stmt = conn.prepare_cached(&sql).map_err(|e| self.db_error(e))?;
            stmt.query_row([id], |r| {
                let (_, _, meta) = meta_from_row(r)?;
                Ok(meta.and_then(|m| Ok((m, text_column(r, 11, "text")?))))
            })
            .optional()
            .map_err(|e| self.db_error(e))
        })?;
        match row.flatten() {
            None => Err(unknown()),
            Some(Ok((m, text))) => Ok(article_from(m, text)),
            Some(Err(reason)) => Err(StoreError::DamagedRecord {
                id: id.to_string(),
                root: self.root.clone(),
                reason,
            }),
        }
    }

    /// Metadata of one article, without its text.
    pub fn get_meta(&self, id: &str) -> Result<ArticleMeta> {
        let unknown = || StoreError::UnknownId {
            id: id.to_string(),
            root: self.root.clone(),
        };
        let row = self.with_db(false, |conn| {
            let sql = format!("SELECT {META_COLUMNS} FROM article a WHERE a.id = ?1");
            let mut stmt = conn.prepare_cached(&sql).map_err(|e| self.db_error(e))?;
            stmt.query_row([id], meta_from_row)
                .optional()
                .map_err(|e| self.db_error(e))
        })?;
        match row.flatten() {
            None => Err(unknown()),
            Some((_, _, Ok(m))) => Ok(m),
            Some((_, _, Err(reason))) => Err(StoreError::DamagedRecord {
                id: id.to_string(),
                root: self.root.clone(),
                reason,
            }),
        }
    }

    /// Number of stored articles.
    pub fn count(&self) -> Result<usize> {
        let n = self.with_db(false, |conn| {
            conn.query_row("SELECT count(*) FROM article", [], |r| r.get::<_, i64>(0))
                .map_err(|e| self.db_error(e))
        })?;
        Ok(n.map_or(0, |n| usize::try_from(n).unwrap_or(0)))
    }

    /// Whether an article with this id exists.
    pub fn contains(&self, id: &str) -> bool {
        if !is_valid_id(id) {
            return false;
        }
        let found = self.with_db(false, |conn| {
            conn.prepare_cached("SELECT 1 FROM article WHERE id = ?1")
                .and_then(|mut s| s.exists([id]))
                .map_err(|e| self.db_error(e))
        });
        matches!(found, Ok(Some(true)))
    }

    /// Stores drafts under fresh ids; text already in the store is not stored again.
    pub fn add(&self, drafts: Vec<Draft>) -> Result<Vec<Added>> {
        self.add_with(drafts, &|_| Vec::new())
    }

    /// [`Store::add`], storing what `analyse` computes for each new article in the same
    /// transaction as the article. Drafts are analysed on worker threads while this thread
    /// writes each analysed article; articles are committed in groups of at most
    /// [`GROUP_TIME`] of writing, so a killed import loses at most the group being written.
    pub fn add_with(&self, drafts: Vec<Draft>, analyse: Analyser<'_>) -> Result<Vec<Added>> {
        if drafts.is_empty() {
            return Ok(Vec::new());
        }
        let prepared = self.prepare(drafts)?;
        self.analyse_and_write(prepared, analyse)
    }

    /// The drafts as provisional articles (their ids come when they are written), marking
    /// those whose text is stored already or repeated in the batch, which need no analysis.
    fn prepare(&self, drafts: Vec<Draft>) -> Result<Prepared> {
        // The nanosecond steps keep the order of the command line in listings.
        let now = Utc::now();
        let articles: Vec<Article> = drafts
            .into_iter()
            .enumerate()
            .map(|(i, d)| {
                let at = now + chrono::Duration::nanoseconds(i as i64);
                let hint = d.id_hint.clone();
                d.into_article(hint, at)
            })
            .collect();
        let stored = self
            .with_db(true, |conn| self.stored_hashes(conn, &articles))?
            .unwrap_or_default();
        let mut seen = HashSet::new();
        let todo: Vec<bool> = articles
            .iter()
            .map(|a| !stored.contains(&a.hash) && seen.insert(a.hash.clone()))
            .collect();
        Ok(Prepared { articles, todo })
    }

    /// Analyses the drafts on worker threads (one per core) while this thread writes each
    /// article, in order, as soon as its analysis is done: the analysis and SQLite's writes
    /// overlap. Articles are committed in groups (see [`GROUP_MAX`], [`GROUP_TIME`]) and
    /// indexed every [`INDEX_EVERY`] and at the end. Returns when every draft is written.
    fn analyse_and_write(&self, batch: Prepared, analyse: Analyser<'_>) -> Result<Vec<Added>> {
        let Prepared { articles, todo } = batch;
        let n = articles.len();
        let threads = std::thread::available_parallelism()
            .map_or(1, |t| t.get())
            .min(n)
            .max(1);
        let next = AtomicUsize::new(0);
        let (tx, rx) = std::sync::mpsc::channel::<(usize, Analysed)>();
        std::thread::scope(|s| {
            for _ in 0..threads {
                let (tx, next, articles, todo) = (tx.clone(), &next, &articles, &todo);
                s.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= n {
                            break;
                        }
                        let rows = if todo[i] {
                            Analysed {
                                rows: analyse(&articles[i]),
                                columns: Some(Columns::of(&articles[i])),
                            }
                        } else {
                            Analysed::default()
                        };
                        // The writer stopped (an error): nothing more to do.
                        if tx.send((i, rows)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(tx);
            let mut checkpoints = lock(&self.inner.checkpointer);
            let checkpoints = &*checkpoints.get_or_insert_with(|| {
                checkpoint::Checkpointer::start(self.db_path(), schema::IMPORT_CHECKPOINT_PAGES)
            });
            let written = self.with_db(true, |conn| {
                // Each commit touches index pages all over the database (sketch hashes,
                // article keys): with SQLite's default 2 MB page cache an import rereads many
                // of them at every commit. The larger cache is for writers only.
                conn.pragma_update(None, "cache_size", IMPORT_CACHE_KIB)
                    .and_then(|()| {
                        conn.pragma_update(
                            None,
                            "wal_autocheckpoint",
                            schema::IMPORT_CHECKPOINT_PAGES,
                        )
                    })
                    .and_then(|()| {
                        conn.pragma_update(None, "journal_size_limit", schema::IMPORT_LOG_LIMIT)
                    })
                    .map_err(|e| self.db_error(e))?;
                checkpoints.attach(conn).map_err(|e| self.db_error(e))?;
                let mut out = Vec::with_capacity(n);
                let mut ready: Vec<Option<Analysed>> = vec![None; n];
                // When the open group's transaction began, if one is open.
                let mut open: Option<Instant> = None;
                let mut in_group = 0;
                // Articles committed but not yet in the full-text and fingerprint indexes.
                let mut unindexed = 0;
                let mut write = || -> Result<()> {
                    loop {
                        // An open group is committed on time even while the workers are
                        // still analysing (a long article): another process may be waiting
                        // to write, and a kill would lose what the group holds.
                        let got = match open {
                            Some(began) => {
                                let left = GROUP_TIME.saturating_sub(began.elapsed());
                                match rx.recv_timeout(left) {
                                    Ok(got) => Some(got),
                                    Err(RecvTimeoutError::Timeout) => {
                                        self.commit_group(conn, false, checkpoints)?;
                                        (open, in_group) = (None, 0);
                                        continue;
                                    }
                                    Err(RecvTimeoutError::Disconnected) => None,
                                }
                            }
                            None => rx.recv().ok(),
                        };
                        let Some((i, rows)) = got else {
                            break;
                        };
                        ready[i] = Some(rows);
                        while let Some(rows) = ready.get_mut(out.len()).and_then(Option::take) {
                            if open.is_none() {
                                conn.execute_batch("BEGIN IMMEDIATE")
                                    .map_err(|e| self.db_error(e))?;
                                open = Some(Instant::now());
                            }
                            let a = articles[out.len()].clone();
                            out.push(self.write_one(conn, a, &rows)?);
                            in_group += 1;
                            unindexed += 1;
                            if in_group >= GROUP_MAX
                                || open.is_some_and(|t| t.elapsed() >= GROUP_TIME)
                            {
                                let index = unindexed >= INDEX_EVERY;
                                self.commit_group(conn, index, checkpoints)?;
                                (open, in_group) = (None, 0);
                                if index {
                                    unindexed = 0;
                                }
                            }
                        }
                    }
                    if open.take().is_some() {
                        self.commit_group(conn, true, checkpoints)?;
                    } else if unindexed > 0 {
                        self.catch_up_index(conn)?;
                    }
                    Ok(())
                };
                let result = write();
                drop(rx);
                if !conn.is_autocommit() {
                    // An error in the middle of a group: what it wrote is not kept, and the
                    // error says why.
                    let _ = conn.execute_batch("ROLLBACK");
                }
                conn.pragma_update(None, "cache_size", DEFAULT_CACHE_KIB)
                    .and_then(|()| checkpoint::Checkpointer::detach(conn))
                    .and_then(|()| {
                        conn.pragma_update(None, "journal_size_limit", schema::LOG_LIMIT)
                    })
                    .map_err(|e| self.db_error(e))?;
                result.map(|()| out)
            });
            Ok(written?.unwrap_or_default())
        })
    }

    /// Commits the open transaction; with `index`, indexes every article not yet in the
    /// full-text and fingerprint indexes first.
    fn commit_group(
        &self,
        conn: &Connection,
        index: bool,
        checkpoints: &checkpoint::Checkpointer,
    ) -> Result<()> {
        if index {
            index_pending(conn).map_err(|e| self.db_error(e))?;
        }
        conn.execute_batch("COMMIT").map_err(|e| self.db_error(e))?;
        checkpoints.after_commit(conn).map_err(|e| self.db_error(e))
    }

    /// Indexes the articles not yet in the full-text index, in a transaction of its own.
    fn catch_up_index(&self, conn: &mut Connection) -> Result<()> {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| self.db_error(e))?;
        index_pending(&tx).map_err(|e| self.db_error(e))?;
        tx.commit().map_err(|e| self.db_error(e))
    }

    /// Which of the articles' hashes are stored already.
    fn stored_hashes(&self, conn: &Connection, articles: &[Article]) -> Result<HashSet<String>> {
        let mut stmt = conn
            .prepare_cached("SELECT 1 FROM article WHERE hash = ?1")
            .map_err(|e| self.db_error(e))?;
        let mut found = HashSet::new();
        for a in articles {
            if stmt.exists([&a.hash]).map_err(|e| self.db_error(e))? {
                found.insert(a.hash.clone());
            }
        }
        Ok(found)
    }

    /// Writes one article in the caller's transaction, unless its text is stored already.
    fn write_one(&self, tx: &Connection, mut a: Article, x: &Analysed) -> Result<Added> {
        let existing: Option<String> = tx
            .prepare_cached("SELECT id FROM article WHERE hash = ?1")
            .and_then(|mut s| s.query_row([&a.hash], |r| r.get(0)).optional())
            .map_err(|e| self.db_error(e))?;
        if let Some(existing) = existing {
            return Ok(Added::Duplicate {
                existing,
                file_name: a.file_name,
                by_url: false,
            });
        }
        // An article thought stored when the batch began (so not analysed) may have been
        // removed since by another process: its columns are computed here.
        let columns = match &x.columns {
            Some(c) => std::borrow::Cow::Borrowed(c),
            None => std::borrow::Cow::Owned(Columns::of(&a)),
        };
        // Articles are recognised by their canonical address too: the same page fetched twice
        // differs in its text whenever the page's furniture changed.
        if let Some(url) = columns.canonical.as_deref() {
            let existing: Option<String> = tx
                .prepare_cached("SELECT id FROM article WHERE canonical = ?1")
                .and_then(|mut s| s.query_row([&url], |r| r.get(0)).optional())
                .map_err(|e| self.db_error(e))?;
            if let Some(existing) = existing {
                return Ok(Added::Duplicate {
                    existing,
                    file_name: a.file_name,
                    by_url: true,
                });
            }
        }
        let failed = std::cell::RefCell::new(None);
        let id = {
            let taken = std::cell::RefCell::new(
                tx.prepare_cached("SELECT 1 FROM article WHERE id = ?1")
                    .map_err(|e| self.db_error(e))?,
            );
            unique_id(&a.id, |id| match taken.borrow_mut().exists([id]) {
                Ok(t) => t,
                Err(e) => {
                    // Counted as free so the search ends; the error is returned below.
                    *failed.borrow_mut() = Some(e);
                    false
                }
            })
        };
        if let Some(e) = failed.into_inner() {
            return Err(self.db_error(e));
        }
        a.id = id;
        insert_with(tx, &a, &columns, &x.rows).map_err(|e| self.db_error(e))?;
        let words = usize::try_from(columns.words).unwrap_or(0);
        Ok(Added::New { article: a, words })
    }

    /// Removes articles (with their analysis and index entries). Unknown ids are reported,
    /// the others are still removed; a damaged article can be removed like any other.
    pub fn remove(&self, ids: &[String]) -> Result<Vec<Result<Article>>> {
        let unknown = |id: &String| StoreError::UnknownId {
            id: id.clone(),
            root: self.root.clone(),
        };
        let out = self.with_db(false, |conn| {
            let mut out = Vec::with_capacity(ids.len());
            for id in ids {
                out.push(self.remove_one(conn, id)?.ok_or_else(|| unknown(id)));
            }
            Ok(out)
        })?;
        Ok(out.unwrap_or_else(|| ids.iter().map(|id| Err(unknown(id))).collect()))
    }

    fn remove_one(&self, conn: &mut Connection, id: &str) -> Result<Option<Article>> {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| self.db_error(e))?;
        let sql = format!(
            "SELECT {META_COLUMNS}, t.text, a.title FROM article a LEFT JOIN article_text t ON t.article = a.key
             WHERE a.id = ?1"
        );
        let row = tx
            .query_row(&sql, [id], |r| {
                let (key, _, meta) = meta_from_row(r)?;
                let text = r.get::<_, Option<String>>(11).ok().flatten();
                let title = r.get::<_, String>(12).ok();
                Ok((key, meta, text, title))
            })
            .optional()
            .map_err(|e| self.db_error(e))?;
        let Some((key, meta, text, title)) = row else {
            return Ok(None);
        };
        let indexed = key <= fts_upto(&tx).map_err(|e| self.db_error(e))?;
        let index_row_known = match (&text, &title) {
            _ if !indexed => true,
            (Some(text), Some(title)) => {
                tx.execute(
                    "INSERT INTO article_fts (article_fts, rowid, title, text) VALUES ('delete', ?1, ?2, ?3)",
                    params![key, title, text],
                )
                .map_err(|e| self.db_error(e))?;
                true
            }
            _ => false,
        };
        tx.execute("DELETE FROM article WHERE key = ?1", [key])
            .map_err(|e| self.db_error(e))?;
        if !index_row_known {
            // The index entry was made from a text that is gone: only a rebuild removes it.
            rebuild_index(&tx).map_err(|e| self.db_error(e))?;
        }
        tx.commit().map_err(|e| self.db_error(e))?;
        let article = match meta {
            Ok(m) => article_from(m, text.unwrap_or_default()),
            // What could be read of a damaged article, for the message that it was removed.
            Err(_) => Article {
                id: id.to_string(),
                title: title.unwrap_or_default(),
                authors: Vec::new(),
                source: String::new(),
                date: None,
                url: None,
                text: text.unwrap_or_default(),
                hash: String::new(),
                imported_at: DateTime::<Utc>::UNIX_EPOCH,
                file_name: String::new(),
            },
        };
        lock(&REPORTED).retain(|(root, r)| !(*root == self.root && r == id));
        Ok(Some(article))
    }

    /// Stored analysis of an article, if present and written by this `version`.
    pub fn analysis(&self, id: &str, kind: &str, version: &str) -> Result<Option<String>> {
        let json = self.with_db(false, |conn| {
            conn.prepare_cached(
                "SELECT x.json FROM analysis x JOIN article a ON a.key = x.article
                 WHERE a.id = ?1 AND x.kind = ?2 AND x.version = ?3",
            )
            .and_then(|mut s| s.query_row([id, kind, version], |r| r.get(0)).optional())
            .map_err(|e| self.db_error(e))
        })?;
        Ok(json.flatten())
    }

    /// Calls `f` with the id, content hash and analysis of every article that has one of
    /// `kind` written by `version`, one row at a time (at 100,000 articles the rows at once
    /// are half a gigabyte). A row that cannot be read is a miss (so are those after it, when
    /// reading stops there): the analysis is computed again. `f` must not use the store.
    pub fn for_each_analysis(
        &self,
        kind: &str,
        version: &str,
        f: &mut dyn FnMut(&str, &str, &str),
    ) -> Result<()> {
        self.with_db(false, |conn| {
            let mut stmt = conn
                .prepare_cached(
                    "SELECT a.id, a.hash, x.json FROM analysis x JOIN article a ON a.key = x.article
                     WHERE x.kind = ?1 AND x.version = ?2",
                )
                .map_err(|e| self.db_error(e))?;
            let mut rows = stmt.query([kind, version]).map_err(|e| self.db_error(e))?;
            while let Ok(Some(r)) = rows.next() {
                let text = |i: usize| r.get_ref(i).ok().and_then(|v| v.as_str().ok());
                if let (Some(id), Some(hash), Some(json)) = (text(0), text(1), text(2)) {
                    f(id, hash, json);
                }
            }
            Ok(())
        })?;
        Ok(())
    }

    /// Stores (replaces) one analysis row of a stored article.
    pub fn put_analysis(&self, id: &str, analysis: &Analysis) -> Result<()> {
        self.with_db(false, |conn| {
            conn.prepare_cached(
                "INSERT OR REPLACE INTO analysis (article, kind, version, json)
                 SELECT key, ?2, ?3, ?4 FROM article WHERE id = ?1",
            )
            .and_then(|mut s| {
                s.execute(params![id, analysis.kind, analysis.version, analysis.json])
            })
            .map_err(|e| self.db_error(e))
        })?;
        Ok(())
    }

    /// Analysis of a text, if present and written by the same analysis `kind` (which names
    /// the analysis and its version, e.g. `extract-v4`). A damaged entry is a miss.
    pub fn cache_get<T: DeserializeOwned>(&self, hash: &str, kind: &str) -> Option<T> {
        let json: Option<Option<String>> = self
            .with_db(false, |conn| {
                conn.prepare_cached(
                    "SELECT x.json FROM analysis x JOIN article a ON a.key = x.article
                     WHERE a.hash = ?1 AND x.kind = ?2",
                )
                .and_then(|mut s| s.query_row([hash, kind], |r| r.get(0)).optional())
                .map_err(|e| self.db_error(e))
            })
            .ok()?;
        serde_json::from_str(&json.flatten()?).ok()
    }

    /// Stores analysis of a stored text, as an analysis row of its article with the whole
    /// `kind` as its name. A text that is not stored has nowhere to keep it: nothing is written.
    pub fn cache_put<T: Serialize>(&self, hash: &str, kind: &str, value: &T) -> Result<()> {
        let json = serde_json::to_string(value).expect("analysis always serializes");
        self.with_db(false, |conn| {
            conn.prepare_cached(
                "INSERT OR REPLACE INTO analysis (article, kind, version, json)
                 SELECT key, ?2, '', ?3 FROM article WHERE hash = ?1",
            )
            .and_then(|mut s| s.execute(params![hash, kind, json]))
            .map_err(|e| self.db_error(e))
        })?;
        Ok(())
    }

    /// Full-text search: the `limit` best articles for `query` (words, "quoted phrases",
    /// prefix*; case and accents folded), each with a snippet and the byte offsets of its
    /// first match in the text.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(fts) = search::to_fts(query) else {
            return Ok(Vec::new());
        };
        let hits = self.with_db(false, |conn| {
            if index_is_behind(conn).map_err(|e| self.db_error(e))? {
                self.catch_up_index(conn)?;
            }
            search::run(conn, &fts, limit).map_err(|e| self.db_error(e))
        })?;
        Ok(hits.unwrap_or_default())
    }
}
