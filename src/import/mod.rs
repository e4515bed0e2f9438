//! Import: the only code that reads article files. A file becomes one or more [`Draft`]s
//! (sanitized text plus metadata); the store turns drafts into articles.

mod decode;
mod draft;
mod error;
mod ids;
mod json;
mod layout;
mod markdown;
mod meta;
mod walk;

pub use decode::{Format, parse_bytes};
pub use draft::Draft;
pub(crate) use error::io_reason;
pub use error::{ImportError, ImportErrorKind, display_path, human_size};
pub use ids::unique_id;
pub use layout::{is_list_item, reflow};
pub use markdown::{Stripped, strip as strip_markdown};
pub use meta::{
    Meta, is_headline, parse_date, split_date_token, split_front_matter, title_from_text,
};

pub use walk::{EXTENSIONS, Outcome, articles_from_paths, read_file, read_path};

/// How files are read.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Files larger than this are refused.
    pub max_bytes: u64,
    /// Tab stops for tab expansion.
    pub tab_width: usize,
    /// Metadata from the command line; wins over anything in the file.
    pub overrides: Meta,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            max_bytes: 20 * 1024 * 1024,
            tab_width: 4,
            overrides: Meta::default(),
        }
    }
}
