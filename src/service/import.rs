//! Importing sources into the store, returning what happened to each (the front ends print or
//! show the report).

use crate::article::Article;
use crate::import::{self, ImportError, ImportOptions};
use crate::store::{Added, Store, StoreError};
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
                "{} holds no .txt, .md or .json files; nothing to import from it",
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
        /// The file it came from.
        origin: PathBuf,
    },
    /// Its text is already stored.
    Duplicate {
        /// The file (or the file name the draft carries, for a file holding several).
        what: String,
        /// Id of the stored article with the same text.
        existing: String,
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
        self.failures.is_empty()
    }
}

/// Imports files and folders into the store. A bad source does not stop the others; only a
/// store that cannot be written is an error.
pub fn import_paths(
    store: &Store,
    paths: &[PathBuf],
    opts: &ImportOptions,
) -> Result<ImportReport, StoreError> {
    import_paths_each(store, paths, opts, &mut |_| {})
}

/// One step of an import, as it happens.
#[derive(Debug, Clone, Copy)]
pub enum Progress<'a> {
    /// An article was stored (or found already stored).
    Imported(&'a Imported),
    /// A source failed.
    Failed(&'a Failure),
}

/// Most drafts stored in one go: the store is written in batches so that what was stored can
/// be reported (and is reported) before the rest of a large folder is read.
const BATCH: usize = 256;

/// [`import_paths`], telling `each` about every article once it is stored and every failure
/// as it is found, so that a front end can show them while the import goes on (a killed
/// `juxta add > log` leaves the lines of what was stored).
pub fn import_paths_each(
    store: &Store,
    paths: &[PathBuf],
    opts: &ImportOptions,
    each: &mut dyn FnMut(Progress<'_>),
) -> Result<ImportReport, StoreError> {
    let mut report = ImportReport::default();
    let mut drafts = Vec::new();
    let mut origins = Vec::new();
    for path in paths {
        let outcomes = import::read_path(path, opts);
        if outcomes.is_empty() {
            report.failures.push(Failure::Empty(path.clone()));
            each(Progress::Failed(
                &report.failures[report.failures.len() - 1],
            ));
        }
        for (file, outcome) in outcomes {
            report.files += 1;
            match outcome {
                Ok(ds) => {
                    for d in ds {
                        origins.push(file.clone());
                        drafts.push(d);
                    }
                }
                Err(e) => {
                    report.failures.push(Failure::File(e));
                    each(Progress::Failed(
                        &report.failures[report.failures.len() - 1],
                    ));
                }
            }
            if drafts.len() >= BATCH {
                store_batch(store, &mut drafts, &mut origins, &mut report, each)?;
            }
        }
        store_batch(store, &mut drafts, &mut origins, &mut report, each)?;
    }
    Ok(report)
}

/// Stores the drafts read so far and reports each.
fn store_batch(
    store: &Store,
    drafts: &mut Vec<import::Draft>,
    origins: &mut Vec<PathBuf>,
    report: &mut ImportReport,
    each: &mut dyn FnMut(Progress<'_>),
) -> Result<(), StoreError> {
    if drafts.is_empty() {
        return Ok(());
    }
    let added = store.add(std::mem::take(drafts))?;
    for (result, origin) in added.into_iter().zip(origins.drain(..)) {
        report.articles.push(match result {
            Added::New(article) => Imported::Added { article, origin },
            Added::Duplicate {
                existing,
                file_name,
            } => Imported::Duplicate {
                what: duplicate_name(&origin, file_name),
                existing,
            },
        });
        each(Progress::Imported(
            &report.articles[report.articles.len() - 1],
        ));
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
