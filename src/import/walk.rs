//! Reading the paths a user names: files, and folders walked recursively.

use super::decode::{Format, parse_bytes};
use super::{Draft, ImportError, ImportErrorKind, ImportOptions, unique_id};
use crate::article::Article;
use chrono::Utc;
use std::path::{Path, PathBuf};

/// Extensions imported when walking a folder; a file named explicitly is read whatever its name.
pub const EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "json"];

/// Everything read from one path given by the user: drafts from the good files, an error for
/// each bad one, in path order.
pub type Outcome = Result<Vec<Draft>, ImportError>;

/// Reads a file, or every importable file under a folder (recursively, sorted by name; hidden
/// files and other extensions are skipped). One outcome per file.
pub fn read_path(path: &Path, opts: &ImportOptions) -> Vec<(PathBuf, Outcome)> {
    let err = |kind| {
        vec![(
            path.to_path_buf(),
            Err(ImportError {
                path: path.to_path_buf(),
                kind,
            }),
        )]
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink());
            return err(if is_link {
                ImportErrorKind::BrokenLink
            } else {
                ImportErrorKind::NotFound
            });
        }
        Err(e) => return err(ImportErrorKind::Unreadable(e)),
    };
    if meta.is_file() {
        return vec![(path.to_path_buf(), read_file(path, opts))];
    }
    if !meta.is_dir() {
        return err(ImportErrorKind::NotAFile);
    }
    let mut out = Vec::new();
    // Links are followed: a folder of links to articles is a folder of articles.
    let walker = walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() && has_known_extension(e.path()) => {
                out.push((e.path().to_path_buf(), read_file(e.path(), opts)));
            }
            Ok(_) => {}
            Err(e) => {
                let p = e.path().unwrap_or(path).to_path_buf();
                let kind = if e.loop_ancestor().is_some() {
                    ImportErrorKind::LinkLoop
                } else {
                    let io = e
                        .into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("unknown error"));
                    if io.kind() == std::io::ErrorKind::NotFound {
                        // A dangling link to something juxta would skip anyway is not worth a word.
                        if !has_known_extension(&p) {
                            continue;
                        }
                        ImportErrorKind::BrokenLink
                    } else {
                        ImportErrorKind::Unreadable(io)
                    }
                };
                out.push((p.clone(), Err(ImportError { path: p, kind })));
            }
        }
    }
    out
}

fn has_known_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Reads one file into drafts (several for a JSON array).
pub fn read_file(path: &Path, opts: &ImportOptions) -> Outcome {
    let fail = |kind| ImportError {
        path: path.to_path_buf(),
        kind,
    };
    let size = std::fs::metadata(path)
        .map_err(|e| fail(ImportErrorKind::Unreadable(e)))?
        .len();
    if size > opts.max_bytes {
        return Err(fail(ImportErrorKind::TooLarge {
            size,
            limit: opts.max_bytes,
        }));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(ImportErrorKind::Unreadable(e)))?;
    if bytes.len() as u64 > opts.max_bytes {
        return Err(fail(ImportErrorKind::TooLarge {
            size: bytes.len() as u64,
            limit: opts.max_bytes,
        }));
    }
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let format = match ext.as_deref() {
        Some("json") => Format::Json,
        Some("md" | "markdown") => Format::Markdown,
        _ => Format::Text,
    };
    parse_bytes(&bytes, &file_name, format, opts).map_err(fail)
}

/// Reads paths for analysis without a store: articles get ids unique among themselves.
/// Returns the articles and the errors, both in path order.
pub fn articles_from_paths(
    paths: &[PathBuf],
    opts: &ImportOptions,
) -> (Vec<Article>, Vec<ImportError>) {
    let now = Utc::now();
    let mut articles: Vec<Article> = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        for (_, outcome) in read_path(path, opts) {
            match outcome {
                Ok(drafts) => {
                    for d in drafts {
                        let id = unique_id(&d.id_hint, |id| articles.iter().any(|a| a.id == id));
                        articles.push(d.into_article(id, now));
                    }
                }
                Err(e) => errors.push(e),
            }
        }
    }
    (articles, errors)
}
