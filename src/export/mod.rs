//! Exports of a comparison of two articles: plain text (what a reader pastes into an email),
//! JSON, Markdown and self-contained HTML.
//!
//! Every format is a pure function of an [`AlignedPair`] and [`RenderOptions`] to a `String`, so
//! the command line and the TUI (its export key writes [`Format::Text`]) produce the same
//! bytes; [`write_file`] saves a rendering without ever leaving a half-written file.

mod differ;
mod html;
mod json;
mod markdown;
mod marks;
mod quotes;
mod shared;
mod text;

pub use shared::{SharedReport, render_shared};

use crate::analysis::conflicts::{self, Conflict};
use crate::analysis::extract::{self, Extraction};
use crate::analysis::overlap::{Alignment, Prepared};
use crate::analysis::provenance::FirstIn;
use crate::article::Article;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Two articles and what they share: everything an export shows.
#[derive(Debug, Clone, Copy)]
pub struct AlignedPair<'a> {
    /// The left article; `alignment`'s left offsets point into its text.
    pub left: &'a Article,
    /// The right article.
    pub right: &'a Article,
    /// The passages the two share, from [`crate::analysis::overlap::align`].
    pub alignment: &'a Alignment,
    /// For each passage, the article that carried it first (empty when unknown).
    pub first_in: &'a [Option<FirstIn>],
}

impl AlignedPair<'_> {
    /// The article that carried passage `i` first, when known.
    pub fn first_in(&self, i: usize) -> Option<&FirstIn> {
        self.first_in.get(i).and_then(Option::as_ref)
    }
}

/// The export formats (also the values of `juxta compare --format`, whose help shows these
/// descriptions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// Side-by-side columns with numbered passage markers
    Text,
    /// Machine-readable passages with byte offsets
    Json,
    /// Markdown
    Markdown,
    /// Self-contained HTML page
    Html,
}

/// `[export]` in the config: how exports are laid out.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportOptions {
    /// Width of the text export in columns, when `--width` is not given (and for the TUI's
    /// export).
    pub text_width: usize,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions { text_width: 160 }
    }
}

/// How to lay out the text export (the other formats ignore it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    /// Total width in terminal columns (display width: CJK characters count two).
    pub width: usize,
    /// Whether to colour passages with ANSI escape codes.
    pub color: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            width: 160,
            color: false,
        }
    }
}

/// Renders the comparison in `format`.
pub fn render(c: &AlignedPair, format: Format, opts: &RenderOptions) -> String {
    render_with(c, None, format, opts)
}

/// What a caller that has just aligned the pair holds and an export would otherwise compute
/// again.
#[derive(Debug, Clone, Copy)]
pub struct Precomputed<'a> {
    /// The left and the right text as [`overlap::prepare_pair`] prepared them for the
    /// alignment.
    pub prepared: [&'a Prepared; 2],
    /// The left and the right article's [`extract::extract`] (names and dates, the default
    /// date options, each against its own publication date).
    pub extractions: &'a [Extraction; 2],
}

/// [`render`], reusing what the caller already computed of the pair (the same bytes as
/// without it).
pub fn render_with(
    c: &AlignedPair,
    pre: Option<Precomputed>,
    format: Format,
    opts: &RenderOptions,
) -> String {
    // A format's body (the columns, the passages) and the sections need nothing of each
    // other: they are made side by side, then the sections are appended.
    let beside = |body: &(dyn Fn() -> String + Sync)| {
        crate::analysis::both_sides(c.left.text.len() + c.right.text.len(), body, || {
            sections(c, pre)
        })
    };
    match format {
        Format::Text => {
            // The alignment counted the words already.
            let words = pre.map(|p| [p.prepared[0].word_count(), p.prepared[1].word_count()]);
            let (body, sections) = beside(&|| text::body(c, words, opts));
            text::finish(body, opts, &sections)
        }
        Format::Json => {
            let (body, sections) = beside(&|| json::body(c));
            json::finish(body, &sections)
        }
        Format::Markdown => {
            let (body, sections) = beside(&|| markdown::body(c));
            markdown::finish(body, &sections)
        }
        Format::Html => {
            let (body, sections) = beside(&|| html::body(c));
            html::finish(body, &sections)
        }
    }
}

/// The sections every format appends after the passages: what the two report differently,
/// and the quotations both carry.
struct Sections {
    differ: Vec<Conflict>,
    quotes: Vec<quotes::SharedQuote>,
}

/// Both sections from one extraction of the pair (the dates that differ and the quotations'
/// speakers come from the same names and dates); the figures are found alongside it.
fn sections(c: &AlignedPair, pre: Option<Precomputed>) -> Sections {
    let (left, right) = (c.left.text.as_str(), c.right.text.as_str());
    // The quotations need only the names and dates, not the figures: they are found on the
    // thread that assembles those, beside the figures.
    let assemble = |xs: &[Extraction; 2]| {
        let found = extract::assemble(&[(left, &xs[0]), (right, &xs[1])], &BTreeMap::new());
        let quotes = quotes::shared(c, &found);
        (found, quotes)
    };
    let (mut differ, (found, quotes)) = match pre {
        Some(p) => crate::analysis::both_sides(
            left.len() + right.len(),
            || {
                conflicts::pair_figures_prepared(
                    (left, p.prepared[0]),
                    (right, p.prepared[1]),
                    c.alignment,
                )
            },
            || assemble(p.extractions),
        ),
        None => crate::analysis::both_sides(
            left.len() + right.len(),
            || conflicts::pair_figures(left, right, c.alignment),
            || {
                assemble(&extract::extract_pair(
                    (left, c.left.date),
                    (right, c.right.date),
                ))
            },
        ),
    };
    differ.extend(conflicts::pair_dates_found(left, right, &found));
    conflicts::sort(&mut differ);
    Sections { differ, quotes }
}

/// An export that could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The file (or its temporary sibling) could not be written.
    // The reason is part of the sentence, not a `source`, and without the path the OS error
    // carries: that is the temporary sibling's, a name the user never gave.
    #[error(
        "cannot write {} ({}); check that its folder exists and is writable, or choose another file",
        path.display(),
        crate::import::io_reason(error)
    )]
    Write {
        /// The file asked for.
        path: PathBuf,
        /// The operating system's reason.
        error: std::io::Error,
    },
}

/// How the names of an export's temporary files start.
const TEMP_PREFIX: &str = ".juxta-export-";

/// Writes `contents` to `path`, replacing the file if it exists, never leaving half a file.
pub fn write_file(path: &Path, contents: &str) -> Result<(), ExportError> {
    crate::atomic::replace(path, TEMP_PREFIX, contents.as_bytes()).map_err(|e| ExportError::Write {
        path: path.to_path_buf(),
        error: e.error,
    })
}

/// Writes `contents` to `dir/stem.ext`, or `stem-2.ext`, `stem-3.ext`… when taken: never
/// replaces a file, even one another process creates at the same moment. Returns the path.
pub fn write_new_file(
    dir: &Path,
    stem: &str,
    ext: &str,
    contents: &str,
) -> Result<PathBuf, ExportError> {
    crate::atomic::create_new(dir, TEMP_PREFIX, stem, ext, contents.as_bytes()).map_err(|e| {
        ExportError::Write {
            path: dir.join(format!("{stem}.{ext}")),
            error: e.error,
        }
    })
}
