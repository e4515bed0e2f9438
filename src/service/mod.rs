//! The service layer: what both front ends (the command line and the terminal UI) call. It
//! opens the store with the layers' options, imports sources, loads and analyses articles, chooses the
//! pair to open first and searches the archive. It prints nothing: it returns data and
//! reports, and the front ends present them.

mod compare;
mod conflicts;
mod corpus;
mod events_table;
mod import;
mod pair;
mod quotes;
mod search;
mod stories;
mod views;

pub use compare::{Compared, MAX_SHARERS, SharedWithAll, compare_all, compare_two};
pub use conflicts::{Disagreements, linked_groups, pair_disagreements};
pub use corpus::{Corpus, actors_and_events, archive_actors_and_events};
pub use events_table::{CHUNK, EventsTable, TABLE_WIDTH};
pub use import::{Failure, ImportReport, Imported, Progress, import_paths, import_sources};
pub use pair::{choose_pair, first_pair_ids, pair_among};
pub use quotes::{QuoteReport, quotes};
pub use search::search;
pub use stories::{
    LIST_GROUPS_UP_TO, ListColumns, Overview, StoryRow, first_of, group_stories, largest_story,
    list_columns, originality, overview, story_rows,
};
pub use views::{
    actor_mentions, article_texts, events_table, kind_name, stream_actors, stream_events, to_views,
    views,
};

use crate::analysis::overlap::OverlapConfig;
use crate::article::Article;
use crate::import::{ImportError, ImportOptions};
use crate::store::{CheckReport, RepairReport, SearchHit, Store, StoreError};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Something the service could not do. Each displays as one sentence saying what to do.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The store refused.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A named file could not be read.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// A named path holds no article files.
    #[error(
        "{0} holds no articles juxta reads (.txt, .md, .json, .jsonl, .csv, .html, .rss, .atom); name article files or store ids"
    )]
    NoArticles(String),
    /// An argument is neither a path nor a stored id.
    #[error(
        "{arg} is neither a file nor the id of an article in the store at {}; check the path, or run `juxta list` for the ids",
        root.display()
    )]
    Unknown {
        /// The argument.
        arg: String,
        /// The store folder.
        root: PathBuf,
    },
    /// An argument that must name one article names several.
    #[error(
        "{arg} holds {count} articles, but compare takes one article per argument; name a single file or a store id (see `juxta list`)"
    )]
    NotOne {
        /// The argument.
        arg: String,
        /// How many articles it holds.
        count: usize,
    },
}

/// The options of the layers the service drives (`config.rs` composes them from the file).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// How files are read.
    pub import: ImportOptions,
    /// How shared passages are found.
    pub compare: OverlapConfig,
    /// Extra names for actors: display name → other names it goes by.
    pub aliases: BTreeMap<String, Vec<String>>,
    /// How dates are read.
    pub dates: crate::analysis::dates::DateOptions,
}

/// What every request needs: the layers' options and where the store is.
#[derive(Debug, Clone)]
pub struct Context {
    /// The options.
    pub options: Options,
    /// The store folder.
    pub store_path: PathBuf,
}

impl Context {
    /// A context for the store at `store_path`.
    pub fn new(store_path: PathBuf, options: Options) -> Context {
        Context {
            options,
            store_path,
        }
    }

    /// Opens the store.
    pub fn store(&self) -> Result<Store, StoreError> {
        Store::open(&self.store_path)
    }

    /// Articles named by the user: each argument is a file or folder if one exists at that
    /// path, else the id of a stored article. No arguments means the whole store. Files are
    /// read without being stored and keep their file names as ids (made unique only among the
    /// named articles); a text named twice is loaded once.
    pub fn load_articles(&self, args: &[String]) -> Result<Vec<Article>, ServiceError> {
        let store = self.store()?;
        if args.is_empty() {
            return Ok(store.list()?);
        }
        let opts = &self.options.import;
        let mut articles: Vec<Article> = Vec::new();
        for arg in args {
            let path = Path::new(arg);
            if path.exists() {
                let (found, errors) =
                    crate::import::articles_from_paths(&[path.to_path_buf()], opts);
                if let Some(e) = errors.into_iter().next() {
                    return Err(e.into());
                }
                if found.is_empty() {
                    return Err(ServiceError::NoArticles(arg.clone()));
                }
                for mut a in found {
                    // The same text named twice (a file twice, or a file and its stored copy)
                    // is one article: counting it twice would double its mentions.
                    if articles.iter().any(|b| b.hash == a.hash) {
                        continue;
                    }
                    // Only the articles of this request can clash: a file's id is its name,
                    // not a variant of a stored id (`01-wire-2` names nothing the user has).
                    a.id =
                        crate::import::unique_id(&a.id, |id| articles.iter().any(|b| b.id == id));
                    articles.push(a);
                }
            } else if store.contains(arg) {
                let a = store.get(arg)?;
                if !articles.iter().any(|b| b.hash == a.hash) {
                    articles.push(a);
                }
            } else {
                return Err(ServiceError::Unknown {
                    arg: arg.clone(),
                    root: store.root().to_path_buf(),
                });
            }
        }
        Ok(articles)
    }

    /// The one article an argument names.
    pub fn one_article(&self, arg: &str) -> Result<Article, ServiceError> {
        let mut found = self.load_articles(&[arg.to_string()])?;
        if found.len() != 1 {
            return Err(ServiceError::NotOne {
                arg: arg.to_string(),
                count: found.len(),
            });
        }
        Ok(found.remove(0))
    }

    /// The named articles and the actors and events in them, with the store's extraction
    /// cache (only when the store exists: reading never creates one).
    pub fn analyse(
        &self,
        args: &[String],
    ) -> Result<(Vec<Article>, crate::analysis::extract::ActorsAndEvents), ServiceError> {
        let articles = self.load_articles(args)?;
        let store = self.store()?;
        let cache = store.is_created().then_some(&store);
        let found = actors_and_events(&articles, &self.options, cache);
        Ok((articles, found))
    }
}

/// The analysis every stored article should have: (kind, version) rows of `analysis`.
pub const EXPECTED_ANALYSIS: &[(&str, &str)] = &[
    (
        corpus::EXTRACT_KIND,
        crate::analysis::extract::EXTRACTION_VERSION,
    ),
    (corpus::SKETCH_KIND, corpus::SKETCH_VERSION),
    (
        crate::analysis::index::FINGERPRINT_KIND,
        crate::analysis::index::FINGERPRINT_VERSION,
    ),
];

/// Verifies the store (`juxta check`); with `repair`, first rebuilds what is derived
/// (orphans, the full-text index, missing or stale analysis), then verifies again.
pub fn check(
    store: &Store,
    repair: bool,
) -> Result<(CheckReport, Option<RepairReport>), StoreError> {
    let repaired = if repair {
        Some(store.repair(EXPECTED_ANALYSIS, &corpus::analyse_for_store)?)
    } else {
        None
    };
    Ok((store.check(EXPECTED_ANALYSIS)?, repaired))
}

/// The `limit` articles of the archive that best match `query` (words, "phrases", prefix*).
pub fn search_archive(
    store: &Store,
    query: &str,
    limit: usize,
) -> Result<Vec<SearchHit>, StoreError> {
    store.search(query, limit)
}

/// Analyses the articles (with the store's cache when the store exists) into a corpus,
/// calling `progress(done, total)` as it goes.
pub fn open_corpus(
    store: &Store,
    articles: Vec<Article>,
    options: &Options,
    progress: &mut dyn FnMut(usize, usize),
) -> Corpus {
    let cache = store.is_created().then_some(store);
    Corpus::build_with_progress(articles, options, cache, progress)
}
