//! Converting a store of the folder format (`store.json`, `articles/<id>.json`,
//! `cache/<hash>-<kind>.json`) into the database.
//!
//! Every article is written in one transaction; the old files are moved into
//! [`OLD_FILES`] only after it commits, so a conversion that is interrupted leaves the old
//! store as it was and is simply done again on the next open.

use super::{Manifest, Notice, StoreError, insert_article, io};
use crate::article::{Article, is_valid_id};
use rusqlite::{Connection, TransactionBehavior};
use std::path::{Path, PathBuf};

/// Where the files of a converted store are kept, inside the store folder.
pub const OLD_FILES: &str = "old-folder-store";

/// The files and folders of the folder format; `store.json` last, so that while it is in
/// place the move is unfinished.
const PARTS: &[&str] = &["articles", "cache", "lock", "store.json"];

/// Set in `meta` once the conversion has committed.
const DONE_KEY: &str = "converted_from_folder";

/// Whether `root` holds a store of the folder format still to be converted (or whose files
/// are still to be moved aside): whether its `store.json` is there. Refuses a manifest that
/// is damaged or too new.
pub fn pending(root: &Path) -> Result<bool, StoreError> {
    let manifest = root.join("store.json");
    match std::fs::read(&manifest) {
        Ok(bytes) => {
            let m: Manifest =
                serde_json::from_slice(&bytes).map_err(|e| StoreError::DamagedManifest {
                    path: manifest.clone(),
                    reason: e.to_string(),
                })?;
            if m.format > super::FOLDER_FORMAT {
                return Err(StoreError::TooNew {
                    path: root.to_path_buf(),
                    found: m.format,
                    understood: super::FOLDER_FORMAT,
                });
            }
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(io("read", &manifest)(e)),
    }
}

/// Converts the folder store at `root` into the open database, then moves the old files
/// aside. The outer error is SQLite's, the inner one the file system's.
pub fn convert(
    root: &Path,
    conn: &mut Connection,
) -> rusqlite::Result<Result<Option<Notice>, StoreError>> {
    let old_files = root.join(OLD_FILES);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let done = super::meta_value(&tx, DONE_KEY)?;
    let mut notice = None;
    if done.is_none() {
        let (articles, skipped) = match read_articles(&root.join("articles")) {
            Ok(found) => found,
            Err(e) => return Ok(Err(e)),
        };
        let mut converted = 0;
        for a in &articles {
            let taken: bool = tx
                .prepare_cached("SELECT 1 FROM article WHERE hash = ?1 OR id = ?2")?
                .exists([&a.hash, &a.id])?;
            if taken {
                continue;
            }
            insert_article(&tx, a, &[])?;
            converted += 1;
        }
        super::index_pending(&tx)?;
        for (hash, kind, json) in read_cache(&root.join("cache")) {
            tx.prepare_cached(
                "INSERT OR REPLACE INTO analysis (article, kind, version, json)
                 SELECT key, ?2, '', ?3 FROM article WHERE hash = ?1",
            )?
            .execute([&hash, &kind, &json])?;
        }
        tx.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2)",
            [DONE_KEY, &old_files.to_string_lossy()],
        )?;
        tx.commit()?;
        notice = Some(Notice::Migrated {
            articles: converted,
            skipped,
            old_files: old_files.clone(),
        });
    } else {
        tx.commit()?;
    }
    Ok(move_aside(root, &old_files).map(|()| notice))
}

/// The readable articles of the old folder, oldest import first, and the names of the
/// files that could not be read.
fn read_articles(dir: &Path) -> Result<(Vec<Article>, Vec<String>), StoreError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((Vec::new(), Vec::new())),
        Err(e) => return Err(io("read", dir)(e)),
    };
    let mut articles = Vec::new();
    let mut skipped = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(id) = name.strip_suffix(".json") else {
            continue;
        };
        // Temporary files of a crashed writer start with a dot and are not valid ids.
        if !is_valid_id(id) {
            continue;
        }
        let parsed = std::fs::read(entry.path())
            .ok()
            .and_then(|b| serde_json::from_slice::<Article>(&b).ok())
            .filter(|a| a.id == id && crate::article::content_hash(&a.text) == a.hash);
        match parsed {
            Some(a) => articles.push(a),
            None => skipped.push(name),
        }
    }
    articles.sort_by(|a, b| {
        a.imported_at
            .cmp(&b.imported_at)
            .then_with(|| a.id.cmp(&b.id))
    });
    skipped.sort();
    Ok((articles, skipped))
}

/// Cached analysis: (text hash, kind, JSON) of every readable cache file.
fn read_cache(dir: &Path) -> Vec<(String, String, String)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".json") else {
            continue;
        };
        let Some((hash, kind)) = stem.split_at_checked(64) else {
            continue;
        };
        let Some(kind) = kind.strip_prefix('-') else {
            continue;
        };
        if !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            continue;
        }
        // A cache entry is only worth keeping when it is what the cache wrote.
        if let Ok(json) = std::fs::read_to_string(entry.path())
            && serde_json::from_str::<serde::de::IgnoredAny>(&json).is_ok()
        {
            out.push((hash.to_string(), kind.to_string(), json));
        }
    }
    out
}

/// Moves the folder format's files into `old_files`.
fn move_aside(root: &Path, old_files: &PathBuf) -> Result<(), StoreError> {
    std::fs::create_dir_all(old_files).map_err(io("create", old_files))?;
    for part in PARTS {
        let from = root.join(part);
        let to = old_files.join(part);
        if from.exists() && !to.exists() {
            std::fs::rename(&from, &to).map_err(io("move", &from))?;
        }
    }
    Ok(())
}
