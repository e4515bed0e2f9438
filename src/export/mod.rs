//! Exports of a comparison of two articles: plain text (what a reader pastes into an email),
//! JSON, Markdown and self-contained HTML.
//!
//! Every format is a pure function of a [`Comparison`] and [`RenderOptions`] to a `String`, so
//! the command line and the TUI (its export key writes [`Format::Text`]) produce the same
//! bytes; [`write_file`] saves a rendering without ever leaving a half-written file.

mod html;
mod json;
mod markdown;
mod marks;
mod shared;
mod text;

pub use shared::{SharedReport, render_shared};

use crate::analysis::overlap::Alignment;
use crate::article::Article;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Two articles and what they share: everything an export shows.
#[derive(Debug, Clone, Copy)]
pub struct Comparison<'a> {
    /// The left article; `alignment`'s left offsets point into its text.
    pub left: &'a Article,
    /// The right article.
    pub right: &'a Article,
    /// The passages the two share, from [`crate::analysis::overlap::align`].
    pub alignment: &'a Alignment,
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Two columns side by side with numbered passage markers, then the list of passages.
    Text,
    /// Byte offsets, kinds and changed words, for programs.
    Json,
    /// The two articles with marked passages and a table of passages.
    Markdown,
    /// A self-contained page: two columns, passages coloured by kind, linked to their
    /// counterparts.
    Html,
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
pub fn render(c: &Comparison, format: Format, opts: &RenderOptions) -> String {
    match format {
        Format::Text => text::render(c, opts),
        Format::Json => json::render(c),
        Format::Markdown => markdown::render(c),
        Format::Html => html::render(c),
    }
}

/// An export that could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The file (or its temporary sibling) could not be written.
    #[error(
        "cannot write {path} ({source}); check that its folder exists and is writable, or choose another file"
    )]
    Write {
        /// The file asked for.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

/// Writes `contents` to `path`, replacing the file if it exists. The bytes go to a temporary
/// file in the same folder first, which is then renamed over `path`: a crash or a full disk
/// leaves either the old file or the new one, never half of one.
pub fn write_file(path: &Path, contents: &str) -> Result<(), ExportError> {
    let fail = |source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = written_temp(dir, contents, path).map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// Writes `contents` to `dir/stem.ext`, or `stem-2.ext`, `stem-3.ext`… when taken: never
/// replaces a file, even one another process creates at the same moment. Returns the path.
pub fn write_new_file(
    dir: &Path,
    stem: &str,
    ext: &str,
    contents: &str,
) -> Result<PathBuf, ExportError> {
    let first = dir.join(format!("{stem}.{ext}"));
    let fail = |source| ExportError::Write {
        path: first.clone(),
        source,
    };
    let mut tmp = written_temp(dir, contents, &first).map_err(fail)?;
    for n in 1.. {
        let path = if n == 1 {
            first.clone()
        } else {
            dir.join(format!("{stem}-{n}.{ext}"))
        };
        match tmp.persist_noclobber(&path) {
            Ok(_) => return Ok(path),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => tmp = e.file,
            Err(e) => return Err(fail(e.error)),
        }
    }
    unreachable!("an unbounded range always yields a free name")
}

/// The contents in a temporary file beside the target, flushed to disk and given the
/// target's permissions, ready to be renamed into place.
fn written_temp(
    dir: &Path,
    contents: &str,
    target: &Path,
) -> std::io::Result<tempfile::NamedTempFile> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".juxta-export-")
        .tempfile_in(dir)?;
    tmp.write_all(contents.as_bytes())?;
    set_permissions(tmp.as_file(), target)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Gives the new file the permissions of the one it replaces, or the usual `rw-r--r--` (a
/// temporary file starts private to its owner).
#[cfg(unix)]
fn set_permissions(file: &std::fs::File, path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let perms = match std::fs::metadata(path) {
        Ok(m) => m.permissions(),
        Err(_) => std::fs::Permissions::from_mode(0o644),
    };
    file.set_permissions(perms)
}

#[cfg(not(unix))]
fn set_permissions(_file: &std::fs::File, _path: &Path) -> std::io::Result<()> {
    Ok(())
}
