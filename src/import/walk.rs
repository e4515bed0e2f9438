//! Reading the paths a user names: files, and folders walked recursively.

use super::decode::{Format, parse_bytes};
use super::{Draft, ImportError, ImportErrorKind, ImportOptions, unique_id};
use crate::article::Article;
use chrono::Utc;
use std::path::{Path, PathBuf};

/// Extensions imported when walking a folder; a file named explicitly is read whatever its name.
pub const EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "json", "jsonl", "ndjson", "csv", "html", "htm", "xhtml",
    "rss", "atom",
];

/// Whether a command-line argument is a web address rather than a path.
pub fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Reads one source named on the command line: a web address, a file or a folder.
pub fn read_source(source: &Path, opts: &ImportOptions) -> Vec<(PathBuf, Outcome)> {
    match source.to_str().filter(|s| is_url(s)) {
        Some(url) => vec![(source.to_path_buf(), read_url(url, opts))],
        None => read_path(source, opts),
    }
}

/// Fetches a web page or feed and reads it into drafts.
pub fn read_url(url: &str, opts: &ImportOptions) -> Outcome {
    let fail = |kind| ImportError {
        path: PathBuf::from(url),
        kind,
    };
    let fetched = super::fetch::fetch(url, &opts.http, opts.max_bytes).map_err(fail)?;
    let name = url_file_name(&fetched.url);
    let stem = name.clone();
    let mime = fetched.mime.as_deref().unwrap_or("");
    let body = &fetched.body;
    let is_feed =
        mime.contains("rss") || mime.contains("atom") || super::feed::looks_like_feed(body);
    let result = if is_feed {
        super::feed::parse_feed(body, &name, &stem, true, opts)
    } else if mime.contains("html") || super::html::looks_like_html(body) {
        super::html::parse_html(
            body,
            fetched.charset.as_deref(),
            Some(&fetched.url),
            &name,
            &stem,
            opts,
        )
    } else if mime.is_empty() || mime.starts_with("text/") || mime.contains("json") {
        let format = if mime.contains("json") {
            Format::Json
        } else if mime == "text/markdown" {
            Format::Markdown
        } else {
            Format::Text
        };
        parse_bytes(body, &name, format, opts).map(|mut drafts| {
            for d in &mut drafts {
                d.url.get_or_insert_with(|| fetched.url.clone());
                if d.source == name
                    && let Some(host) = super::html::domain(&fetched.url)
                {
                    d.source = host;
                }
            }
            drafts
        })
    } else {
        Err(ImportErrorKind::NotAnArticle(describe_mime(mime)))
    };
    result.map_err(fail)
}

/// A name for what a URL holds: its last path segment, or its host.
fn url_file_name(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let rest = path.split_once("://").map_or(path, |(_, r)| r);
    let mut parts = rest.split('/').filter(|p| !p.is_empty());
    let host = parts.next().unwrap_or("page").to_string();
    parts.next_back().map_or(host, |last| {
        last.rsplit_once('.')
            .map_or(last, |(stem, _)| stem)
            .to_string()
    })
}

fn describe_mime(mime: &str) -> String {
    let kind = match mime.split('/').next().unwrap_or("") {
        "image" => "an image",
        "audio" => "a sound file",
        "video" => "a video",
        _ if mime == "application/pdf" => "a PDF document",
        _ if mime.contains("zip") || mime.contains("compressed") => "an archive",
        _ => "a file",
    };
    format!("{kind} ({mime})")
}

/// Everything read from one path given by the user: drafts from the good files, an error for
/// each bad one, in path order.
pub type Outcome = Result<Vec<Draft>, ImportError>;

/// Reads a file, or every importable file under a folder (recursively, sorted by name; hidden
/// files and other extensions are skipped). One outcome per file.
pub fn read_path(path: &Path, opts: &ImportOptions) -> Vec<(PathBuf, Outcome)> {
    expand(path)
        .into_iter()
        .map(|found| match found {
            Ok(file) => {
                let outcome = read_file(&file, opts);
                (file, outcome)
            }
            Err(e) => (e.path.clone(), Err(e)),
        })
        .collect()
}

/// The files a path names: itself, or every importable file under a folder (recursively,
/// sorted by name; hidden files and other extensions skipped), and an error for each that
/// cannot be reached. A web address is its own single source.
pub fn expand(path: &Path) -> Vec<Result<PathBuf, ImportError>> {
    if path.to_str().is_some_and(is_url) {
        return vec![Ok(path.to_path_buf())];
    }
    let err = |kind| {
        vec![Err(ImportError {
            path: path.to_path_buf(),
            kind,
        })]
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
        return vec![Ok(path.to_path_buf())];
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
                out.push(Ok(e.path().to_path_buf()));
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
                out.push(Err(ImportError { path: p, kind }));
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
    let format = ext
        .as_deref()
        .and_then(Format::from_extension)
        .unwrap_or(Format::Text);
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
        for (_, outcome) in read_source(path, opts) {
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
