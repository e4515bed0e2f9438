//! The document store: articles on disk, one JSON file each, plus cached analysis.
//!
//! Layout of a store folder:
//! ```text
//! store.json            {"format": 1}: what this folder is, and in which format
//! lock                  held (flock) by a process while it writes
//! articles/<id>.json    one article each (metadata and text)
//! cache/<hash>-<kind>.json  analysis of one text, keyed by content hash and analysis version
//! ```
//! Every file is written to a temporary file in the same folder and renamed into place, so a
//! reader sees the old file or the new one, never half of one; writers take the lock, so two
//! processes adding at once cannot pick the same id or store the same text twice.

mod fs;

use crate::article::{Article, is_valid_id};
use crate::import::{Draft, unique_id};
use chrono::Utc;
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The on-disk format this build reads and writes.
pub const FORMAT: u32 = 1;

/// How long a writer waits for another process to release the store lock.
const LOCK_TIMEOUT: Duration = Duration::from_secs(30);

/// Something the store could not do. Each displays as one sentence saying what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The folder holds files but is not a store.
    #[error(
        "{0} is not a juxta store (it holds other files and no store.json); choose an empty or new folder with --store"
    )]
    NotAStore(PathBuf),
    /// Written by a newer juxta.
    #[error(
        "the store at {path} has format {found}, newer than this juxta understands ({FORMAT}); upgrade juxta"
    )]
    TooNew {
        /// The store folder.
        path: PathBuf,
        /// Its format.
        found: u32,
    },
    /// No article with that id.
    #[error("no article with id \"{id}\" in the store at {root}; `juxta list` shows the ids")]
    UnknownId {
        /// The id asked for.
        id: String,
        /// The store folder.
        root: PathBuf,
    },
    /// Another process holds the write lock.
    #[error(
        "the store at {0} is busy: another juxta process has been writing to it for 30 s; try again when it has finished"
    )]
    Busy(PathBuf),
    /// The store's own `store.json` could not be parsed. Removing it would leave a folder that
    /// is no longer recognised as a store, so the advice is to rewrite it.
    #[error(
        "{path} is damaged ({reason}); restore it from a backup, or replace its contents with {{\"format\": {FORMAT}}}"
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

/// Files of a store folder that exist before its `store.json`: the lock and temporary files.
fn is_store_scaffolding(name: &std::ffi::OsStr) -> bool {
    name == "lock" || name.to_string_lossy().starts_with(fs::TEMP_PREFIX)
}

/// Removes the temporary files of crashed writers from a folder of the store.
fn remove_temporary_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with(fs::TEMP_PREFIX)
        {
            // Best effort: a leftover only costs disk space; it is never read.
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// What [`Store::add`] did with one draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// Stored under a new id.
    New(Article),
    /// The same text is already stored under this id; nothing was written.
    Duplicate {
        /// Id of the article that has the same text.
        existing: String,
        /// The draft's file name.
        file_name: String,
    },
}

/// A store folder. Opening does not create anything; the first write does.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    /// Opens the store at `root`, checking that the folder is a store (or empty, or absent) in a
    /// format this build understands.
    pub fn open(root: impl Into<PathBuf>) -> Result<Store> {
        let root = root.into();
        if root.exists() && !root.is_dir() {
            return Err(StoreError::NotAFolder(root));
        }
        let manifest = root.join("store.json");
        match std::fs::read(&manifest) {
            Ok(bytes) => {
                let m: Manifest =
                    serde_json::from_slice(&bytes).map_err(|e| StoreError::DamagedManifest {
                        path: manifest.clone(),
                        reason: e.to_string(),
                    })?;
                if m.format > FORMAT {
                    return Err(StoreError::TooNew {
                        path: root,
                        found: m.format,
                    });
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                // The lock file and temporary files come first when a store is created: a
                // folder holding only those is a store being created by another process (or
                // by one that was killed), not someone else's folder.
                if let Ok(entries) = std::fs::read_dir(&root)
                    && entries
                        .flatten()
                        .any(|e| !is_store_scaffolding(&e.file_name()))
                {
                    return Err(StoreError::NotAStore(root));
                }
            }
            Err(e) => return Err(io("read", &manifest)(e)),
        }
        Ok(Store { root })
    }

    /// The store folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Whether the store has been created (its first write happened). Readers that would
    /// otherwise write a cache use this to leave a store that does not exist yet uncreated.
    pub fn is_created(&self) -> bool {
        self.manifest_path().exists()
    }

    fn manifest_path(&self) -> PathBuf {
        self.root.join("store.json")
    }

    fn articles_dir(&self) -> PathBuf {
        self.root.join("articles")
    }

    fn article_path(&self, id: &str) -> PathBuf {
        self.articles_dir().join(format!("{id}.json"))
    }

    fn cache_dir(&self) -> PathBuf {
        self.root.join("cache")
    }

    /// Ids of all stored articles, sorted.
    pub fn ids(&self) -> Result<Vec<String>> {
        let dir = self.articles_dir();
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io("read", &dir)(e)),
        };
        let mut ids = Vec::new();
        for entry in entries {
            let entry = entry.map_err(io("read", &dir))?;
            let name = entry.file_name();
            let Some(id) = name.to_str().and_then(|n| n.strip_suffix(".json")) else {
                continue;
            };
            // Temporary files of a write in progress (or of a crashed one) start with a dot and
            // are not valid ids.
            if is_valid_id(id) {
                ids.push(id.to_string());
            }
        }
        ids.sort();
        Ok(ids)
    }

    /// All articles, oldest import first (ties by id).
    pub fn list(&self) -> Result<Vec<Article>> {
        let mut articles = Vec::new();
        for id in self.ids()? {
            match self.get(&id) {
                Ok(article) => articles.push(article),
                // Removed by another process since the folder was read: not an error.
                Err(StoreError::UnknownId { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        articles.sort_by(|a, b| {
            a.imported_at
                .cmp(&b.imported_at)
                .then_with(|| a.id.cmp(&b.id))
        });
        Ok(articles)
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
        let path = self.article_path(id);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(unknown()),
            Err(e) => return Err(io("read", &path)(e)),
        };
        serde_json::from_slice(&bytes).map_err(|e| StoreError::Damaged {
            path,
            reason: e.to_string(),
        })
    }

    /// Whether an article with this id exists.
    pub fn contains(&self, id: &str) -> bool {
        is_valid_id(id) && self.article_path(id).is_file()
    }

    /// Stores drafts under fresh ids; text already in the store is not stored again.
    pub fn add(&self, drafts: Vec<Draft>) -> Result<Vec<Added>> {
        let _lock = self.lock()?;
        let mut known: Vec<(String, String)> =
            self.list()?.into_iter().map(|a| (a.id, a.hash)).collect();
        std::fs::create_dir_all(self.articles_dir()).map_err(io("create", &self.articles_dir()))?;
        let now = Utc::now();
        let mut out = Vec::with_capacity(drafts.len());
        for draft in drafts {
            let hash = crate::article::content_hash(&draft.text);
            if let Some((id, _)) = known.iter().find(|(_, h)| *h == hash) {
                out.push(Added::Duplicate {
                    existing: id.clone(),
                    file_name: draft.file_name,
                });
                continue;
            }
            let id = unique_id(&draft.id_hint, |id| known.iter().any(|(k, _)| k == id));
            // One nanosecond apart, so that listing (oldest first) keeps the order of the command
            // line and of JSON arrays instead of falling back to id order (`x-10` before `x-2`).
            let at = now + chrono::Duration::nanoseconds(out.len() as i64);
            let article = draft.into_article(id, at);
            let json = serde_json::to_vec_pretty(&article).expect("an article always serializes");
            fs::write_atomic(&self.article_path(&article.id), &json)?;
            known.push((article.id.clone(), article.hash.clone()));
            out.push(Added::New(article));
        }
        Ok(out)
    }

    /// Removes articles (and their cached analysis). Unknown ids are reported, the others are
    /// still removed.
    pub fn remove(&self, ids: &[String]) -> Result<Vec<Result<Article>>> {
        // Nothing stored yet: every id is unknown, and removing must not create the store.
        let _lock = if self.is_created() {
            Some(self.lock()?)
        } else {
            None
        };
        let mut remaining = self.list()?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let Some(at) = remaining.iter().position(|a| a.id == *id) else {
                out.push(Err(StoreError::UnknownId {
                    id: id.clone(),
                    root: self.root.clone(),
                }));
                continue;
            };
            let article = remaining.swap_remove(at);
            let path = self.article_path(id);
            std::fs::remove_file(&path).map_err(io("remove", &path))?;
            if !remaining.iter().any(|a| a.hash == article.hash) {
                self.remove_cache(&article.hash);
            }
            out.push(Ok(article));
        }
        Ok(out)
    }

    fn remove_cache(&self, hash: &str) {
        let Ok(entries) = std::fs::read_dir(self.cache_dir()) else {
            return;
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with(hash) {
                // A cache file left behind only costs disk space; it is never read for another text.
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }

    /// Cached analysis of a text, if present and written by the same analysis `kind` (which
    /// names the analysis and its version, e.g. `extract-v3`). A damaged entry is a miss.
    pub fn cache_get<T: DeserializeOwned>(&self, hash: &str, kind: &str) -> Option<T> {
        let bytes = std::fs::read(self.cache_dir().join(format!("{hash}-{kind}.json"))).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Stores analysis of a text. Needs no lock: entries are immutable, written atomically, and
    /// two processes writing the same entry write the same bytes.
    pub fn cache_put<T: Serialize>(&self, hash: &str, kind: &str, value: &T) -> Result<()> {
        let dir = self.cache_dir();
        std::fs::create_dir_all(&dir).map_err(io("create", &dir))?;
        let json = serde_json::to_vec(value).expect("analysis always serializes");
        fs::write_atomic(&dir.join(format!("{hash}-{kind}.json")), &json)
    }

    /// Takes the write lock, creating the store on first use.
    fn lock(&self) -> Result<fs::Lock> {
        std::fs::create_dir_all(&self.root).map_err(io("create", &self.root))?;
        let lock =
            fs::Lock::acquire(&self.root.join("lock"), LOCK_TIMEOUT).map_err(|e| match e {
                fs::LockError::Timeout => StoreError::Busy(self.root.clone()),
                fs::LockError::Io(error) => StoreError::Io {
                    action: "lock",
                    path: self.root.join("lock"),
                    error,
                },
            })?;
        // Temporary files are only written under the lock (cache entries live elsewhere), so
        // any found now were left by a writer that was killed.
        remove_temporary_files(&self.root);
        remove_temporary_files(&self.articles_dir());
        let manifest = self.root.join("store.json");
        if !manifest.exists() {
            let json =
                serde_json::to_vec(&Manifest { format: FORMAT }).expect("manifest serializes");
            fs::write_atomic(&manifest, &json)?;
        }
        Ok(lock)
    }
}
