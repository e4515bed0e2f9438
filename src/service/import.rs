//! Importing sources into the store, returning what happened to each (the front ends print or
//! show the report).

use crate::article::Article;
use crate::import::{self, Draft, ImportError, ImportOptions};
use crate::store::{Added, Store, StoreError};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

/// A source that could not be imported.
#[derive(Debug)]
pub enum Failure {
    /// A named path holds no file juxta reads.
    Empty(PathBuf),
    /// A file could not be read.
    File(ImportError),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Empty(path) => write!(
                f,
                "{} holds no articles juxta reads (.txt, .md, .json, .jsonl, .csv, .html, .rss, .atom); nothing to import from it",
                import::display_path(path)
            ),
            Failure::File(e) => e.fmt(f),
        }
    }
}

/// What became of one article found in the sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imported {
    /// Stored under a new id.
    Added {
        /// The stored article.
        article: Article,
        /// Its number of words.
        words: usize,
        /// The file it came from.
        origin: PathBuf,
    },
    /// Its text is already stored.
    Duplicate {
        /// The file (or the file name the draft carries, for a file holding several).
        what: String,
        /// Id of the stored article with the same text (or address).
        existing: String,
        /// Whether it was recognised by its canonical address rather than its text.
        by_url: bool,
    },
}

impl Imported {
    /// The id the article is stored under, new or existing.
    pub fn id(&self) -> &str {
        match self {
            Imported::Added { article, .. } => &article.id,
            Imported::Duplicate { existing, .. } => existing,
        }
    }
}

/// The outcome of importing some paths.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// The articles, in path order.
    pub articles: Vec<Imported>,
    /// The sources that failed, in path order.
    pub failures: Vec<Failure>,
    /// How many files were read (with or without success).
    pub files: usize,
    /// Whether the import was stopped (Ctrl-C) before every source was read.
    pub interrupted: bool,
}

impl ImportReport {
    /// Ids of the articles the paths hold (new or already stored), in path order.
    pub fn ids(&self) -> Vec<String> {
        self.articles.iter().map(|a| a.id().to_string()).collect()
    }

    /// How many articles were stored for the first time.
    pub fn added(&self) -> usize {
        self.articles
            .iter()
            .filter(|a| matches!(a, Imported::Added { .. }))
            .count()
    }

    /// How many were already in the store.
    pub fn duplicates(&self) -> usize {
        self.articles.len() - self.added()
    }

    /// Whether every source was imported.
    pub fn ok(&self) -> bool {
        self.failures.is_empty() && !self.interrupted
    }
}

/// Imports files, folders and web addresses into the store. A bad source does not stop the
/// others; only a store that cannot be written is an error.
pub fn import_paths(
    store: &Store,
    paths: &[PathBuf],
    opts: &ImportOptions,
) -> Result<ImportReport, StoreError> {
    import_sources(store, paths, opts, &mut |_| ControlFlow::Continue(()))
}

/// What an import is doing, as it does it.
#[derive(Debug)]
pub enum Progress<'a> {
    /// About to read the `done`+1-th of `total` sources (files and addresses).
    Reading {
        /// Sources read so far.
        done: usize,
        /// Sources in all (files found in the folders, addresses).
        total: usize,
        /// The one being read now.
        source: &'a Path,
    },
    /// Done reading a source (successfully or not); breaking here keeps what it gave and
    /// drops its failure, which the interruption may have caused.
    Read {
        /// Sources read so far, this one included.
        done: usize,
        /// Sources in all.
        total: usize,
    },
    /// An article was stored (or recognised as already stored).
    Stored(&'a Imported),
    /// A source failed.
    Failed(&'a Failure),
}

/// Drafts waiting to be stored are written when there are this many, or when they have waited
/// [`BATCH_TIME`], so that an interrupted import keeps what it read and the reader sees articles
/// arrive. Each batch is one run of the store's pipeline (analysis on every core overlapping
/// the writes), which drains at its end: batches of 25 spent a tenth of the import waiting.
/// The first batch is [`FIRST_BATCH`] drafts and each next one twice the last, up to this, so
/// that the first articles are reported at once.
const BATCH: usize = 500;

/// See [`BATCH`].
const FIRST_BATCH: usize = 25;

/// See [`BATCH`]: reading slow sources (large pages) stores what was read at least this often.
const BATCH_TIME: std::time::Duration = std::time::Duration::from_secs(1);

/// [`import_paths`], telling `progress` what happens as it happens. When `progress` breaks
/// (the user pressed Ctrl-C), reading stops, what was read is stored, and the report says it
/// was interrupted.
pub fn import_sources(
    store: &Store,
    paths: &[PathBuf],
    opts: &ImportOptions,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<ImportReport, StoreError> {
    let mut report = ImportReport::default();
    let mut sources = Vec::new();
    for path in paths {
        let found = import::expand(path);
        if found.is_empty() {
            let failure = Failure::Empty(path.clone());
            let _ = progress(Progress::Failed(&failure));
            report.failures.push(failure);
        }
        sources.extend(found);
    }
    let total = sources.len();
    let mut ahead = read_ahead(
        sources
            .iter()
            .filter_map(|s| s.as_ref().ok())
            .filter(|f| !is_address(f))
            .cloned()
            .collect(),
        opts,
    );
    let mut drafts = Vec::new();
    let mut origins = Vec::new();
    let mut waiting = std::time::Instant::now();
    let mut batch = FIRST_BATCH;
    for (done, source) in sources.into_iter().enumerate() {
        let file = match source {
            Ok(file) => file,
            Err(e) => {
                report.files += 1;
                let failure = Failure::File(e);
                let _ = progress(Progress::Failed(&failure));
                report.failures.push(failure);
                continue;
            }
        };
        if progress(Progress::Reading {
            done,
            total,
            source: &file,
        })
        .is_break()
        {
            report.interrupted = true;
            break;
        }
        report.files += 1;
        let outcome = match file.to_str().filter(|s| import::is_url(s)) {
            Some(url) => import::read_url(url, opts),
            // The files come from the reading thread in this loop's order; read here when
            // that thread is gone (it could not start, or failed).
            None => match ahead.as_ref().map(|rx| rx.recv()) {
                Some(Ok(outcome)) => outcome,
                Some(Err(_)) | None => {
                    ahead = None;
                    import::read_file(&file, opts)
                }
            },
        };
        let stop = progress(Progress::Read {
            done: done + 1,
            total,
        })
        .is_break();
        match outcome {
            Ok(ds) => {
                for d in ds {
                    origins.push(file.clone());
                    drafts.push(d);
                }
            }
            // A fetch cut short by Ctrl-C is not the source's fault.
            Err(_) if stop => {}
            Err(e) => {
                let failure = Failure::File(e);
                let _ = progress(Progress::Failed(&failure));
                report.failures.push(failure);
            }
        }
        if stop {
            report.interrupted = true;
            break;
        }
        if drafts.len() >= batch
            || waiting.elapsed() >= BATCH_TIME
            || import::is_url(&file.to_string_lossy())
        {
            store_batch(store, &mut drafts, &mut origins, &mut report, progress)?;
            waiting = std::time::Instant::now();
            batch = (batch * 2).min(BATCH);
        }
    }
    store_batch(store, &mut drafts, &mut origins, &mut report, progress)?;
    Ok(report)
}

/// How many files the reading thread may have read ahead of the one being stored.
const READ_AHEAD: usize = 64;

/// Whether a source is a web address (read in its turn, never ahead: fetching shows its
/// progress, and Ctrl-C stops it).
fn is_address(source: &Path) -> bool {
    source.to_str().is_some_and(import::is_url)
}

/// Reads `files` in order on a thread of its own, a few ahead of the import: an import's
/// storing thread is its bottleneck, and reading, decoding and cleaning each file there left
/// the analysis threads waiting at every batch. The thread stops at the first
/// file nobody will take (the import ended or was interrupted). `None` when no thread could
/// be started.
fn read_ahead(
    files: Vec<PathBuf>,
    opts: &ImportOptions,
) -> Option<std::sync::mpsc::Receiver<import::Outcome>> {
    if files.is_empty() {
        return None;
    }
    let (tx, rx) = std::sync::mpsc::sync_channel(READ_AHEAD);
    let opts = opts.clone();
    std::thread::Builder::new()
        .name("juxta-read".into())
        .spawn(move || {
            for file in files {
                if tx.send(import::read_file(&file, &opts)).is_err() {
                    break;
                }
            }
        })
        .ok()
        .map(|_| rx)
}

fn store_batch(
    store: &Store,
    drafts: &mut Vec<Draft>,
    origins: &mut Vec<PathBuf>,
    report: &mut ImportReport,
    progress: &mut dyn FnMut(Progress) -> ControlFlow<()>,
) -> Result<(), StoreError> {
    if drafts.is_empty() {
        return Ok(());
    }
    let added = store.add_with(std::mem::take(drafts), &super::corpus::analyse_for_store)?;
    for (result, origin) in added.into_iter().zip(std::mem::take(origins)) {
        let imported = match result {
            Added::New { article, words } => Imported::Added {
                article,
                words,
                origin,
            },
            Added::Duplicate {
                existing,
                file_name,
                by_url,
            } => Imported::Duplicate {
                what: duplicate_name(&origin, file_name),
                existing,
                by_url,
            },
        };
        // Storing is not interrupted: what was read is kept.
        let _ = progress(Progress::Stored(&imported));
        report.articles.push(imported);
    }
    Ok(())
}

/// The file a duplicate came from, or the draft's own name when the file holds several.
fn duplicate_name(origin: &Path, file_name: String) -> String {
    if origin.ends_with(&file_name) {
        import::display_path(origin)
    } else {
        file_name
    }
}
