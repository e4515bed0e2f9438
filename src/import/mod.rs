//! Import: the only code that reads article files or fetches pages. A source (a file, a folder,
//! a URL) becomes one or more [`Draft`]s (sanitized text plus metadata); the store turns drafts
//! into articles.

mod csv;
mod decode;
mod draft;
mod error;
mod feed;
pub mod fetch;
pub mod html;
mod ids;
mod json;
mod layout;
mod markdown;
mod meta;
mod walk;

pub use csv::{ColumnMap, parse_columns};
pub use decode::{Format, parse_bytes};
pub use draft::Draft;
pub(crate) use error::io_reason;
pub use error::{ImportError, ImportErrorKind, display_path, human_size};
pub use fetch::{HttpOptions, canonical_url};
pub use ids::unique_id;
pub use layout::{is_list_item, reflow};
pub use markdown::{Stripped, strip as strip_markdown};
pub use meta::{
    Meta, byline, is_headline, parse_date, split_authors, split_date_token, split_front_matter,
    title_from_text,
};

pub use walk::{
    EXTENSIONS, Outcome, articles_from_paths, expand, is_url, read_file, read_path, read_source,
    read_url,
};

/// How sources are read.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Files (and downloaded pages) larger than this are refused.
    pub max_bytes: u64,
    /// Tab stops for tab expansion.
    pub tab_width: usize,
    /// Metadata from the command line; wins over anything in the file.
    pub overrides: Meta,
    /// Fetch the page of every feed item, even of items that carry their text.
    pub fetch_links: bool,
    /// Which CSV columns hold which field (`--columns`).
    pub columns: ColumnMap,
    /// How pages are fetched.
    pub http: HttpOptions,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            max_bytes: 20 * 1024 * 1024,
            tab_width: 4,
            overrides: Meta::default(),
            fetch_links: false,
            columns: ColumnMap::default(),
            http: HttpOptions::default(),
        }
    }
}
