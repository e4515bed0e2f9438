//! Import: the only code that reads article files. A file becomes one or more [`Draft`]s
//! (sanitized text plus metadata); the store turns drafts into articles.

mod layout;
mod markdown;
mod meta;

use crate::text::printable::sanitize;
pub use layout::{is_list_item, reflow};
pub use markdown::{Stripped, strip as strip_markdown};
pub use meta::{
    Meta, is_headline, parse_date, split_date_token, split_front_matter, title_from_text,
};

use crate::article::{Article, content_hash, slug};
use chrono::{DateTime, NaiveDate, Utc};
use std::fmt;
use std::path::{Path, PathBuf};

/// Extensions imported when walking a folder; a file named explicitly is read whatever its name.
pub const EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "json"];

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

/// An article read from a file, before the store gives it an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// Headline (never empty).
    pub title: String,
    /// Outlet (never empty).
    pub source: String,
    /// Publication date, when known.
    pub date: Option<NaiveDate>,
    /// Address of the original, when known.
    pub url: Option<String>,
    /// Sanitized text in the stored layout.
    pub text: String,
    /// The file's name, with `#N` for the N-th object of a JSON array.
    pub file_name: String,
    /// The id the article would like: a slug of its file name.
    pub id_hint: String,
}

impl Draft {
    /// Makes the article, with the given id and import time.
    pub fn into_article(self, id: String, imported_at: DateTime<Utc>) -> Article {
        Article {
            id,
            hash: content_hash(&self.text),
            title: self.title,
            source: self.source,
            date: self.date,
            url: self.url,
            text: self.text,
            imported_at,
            file_name: self.file_name,
        }
    }
}

/// Why a file could not be imported.
#[derive(Debug)]
pub enum ImportErrorKind {
    /// The path does not exist.
    NotFound,
    /// The operating system refused to read it.
    Unreadable(std::io::Error),
    /// Neither a file nor a folder (a device, a socket…).
    NotAFile,
    /// A symbolic link whose target does not exist.
    BrokenLink,
    /// A link inside a folder that points back to the folder or one of its parents.
    LinkLoop,
    /// Over the configured size limit.
    TooLarge {
        /// Size of the file in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Zero bytes.
    Empty,
    /// Nothing visible: only white space, a byte-order mark, control characters or escape
    /// sequences.
    Blank,
    /// Metadata but no article text after it.
    NoText,
    /// NUL bytes: an image, an archive, a program…
    Binary,
    /// UTF-16 text (a UTF-16 byte-order mark, or the zero bytes of UTF-16 ASCII).
    Utf16,
    /// Not valid UTF-8.
    InvalidUtf8 {
        /// Offset of the first bad byte.
        offset: usize,
        /// The first bad byte.
        byte: u8,
    },
    /// Not valid JSON.
    Json(serde_json::Error),
    /// Valid JSON that is not an article or an array of articles.
    JsonShape(String),
    /// A metadata date that is not `YYYY-MM-DD`.
    BadDate(String),
    /// The date of the N-th (1-based) article of a JSON array is not `YYYY-MM-DD`.
    BadItemDate {
        /// Which article of the array.
        item: usize,
        /// The date as written.
        value: String,
    },
}

/// A file that could not be imported, and why. Displays as one sentence naming the file and
/// saying what to do.
#[derive(Debug)]
pub struct ImportError {
    /// The file, as the user named it (or as found in a folder).
    pub path: PathBuf,
    /// What went wrong.
    pub kind: ImportErrorKind,
}

impl std::error::Error for ImportError {}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ImportErrorKind::*;
        let p = display_path(&self.path);
        match &self.kind {
            NotFound => write!(f, "{p} does not exist; check the path"),
            Unreadable(e) => write!(
                f,
                "cannot read {p} ({}); check that it exists and that you may read it",
                io_reason(e)
            ),
            NotAFile => write!(
                f,
                "{p} is not a regular file or folder; juxta imports text files and folders of them"
            ),
            BrokenLink => write!(
                f,
                "{p} is a link to a file that does not exist; fix or remove the link"
            ),
            LinkLoop => write!(
                f,
                "{p} links back to a folder that contains it, so it was skipped; import the folder it points to instead"
            ),
            TooLarge { size, limit } => write!(
                f,
                "{p} is {}, over the import limit of {}; split it, or raise import.max_file_size_mb in the config",
                human_size(*size),
                human_size(*limit)
            ),
            Empty => write!(f, "{p} is empty; there is no article to import"),
            Blank => write!(
                f,
                "{p} has no visible text (only white space or control characters); there is no article to import"
            ),
            NoText => write!(
                f,
                "{p} has metadata but no article text; put the text after the metadata"
            ),
            Binary => write!(
                f,
                "{p} is a binary file, not text; juxta imports UTF-8 .txt, .md and .json files"
            ),
            Utf16 => write!(
                f,
                "{p} is UTF-16 text; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8) and import it again"
            ),
            InvalidUtf8 { offset, byte } => write!(
                f,
                "{p} is not valid UTF-8 (byte 0x{byte:02X} at offset {offset}); convert it to UTF-8 (for example iconv -f WINDOWS-1252 -t UTF-8) and import it again"
            ),
            Json(e) => write!(
                f,
                "{p} is not valid JSON ({} at line {}, column {}); fix it, or rename it to .txt to import it as text",
                json_reason(e),
                e.line(),
                e.column()
            ),
            JsonShape(what) => write!(
                f,
                "{p} {what}; a JSON article is an object with a \"text\" string (and optional title, date, source, url), or an array of them"
            ),
            BadItemDate { item, value } => write!(
                f,
                "{p} gives its article number {item} the date \"{value}\", which is not a valid date in the form YYYY-MM-DD; fix it in the file or pass --date"
            ),
            BadDate(value) => write!(
                f,
                "{p} gives the date \"{value}\", which is not a valid date in the form YYYY-MM-DD; fix it in the file or pass --date"
            ),
        }
    }
}

/// A path as it can be shown on a terminal: control characters (an escape sequence in a file
/// name) and bidi controls are written as `\u{1b}` instead of being sent to the terminal.
pub fn display_path(path: &Path) -> String {
    crate::text::printable::escape_unprintable(&path.display().to_string()).into_owned()
}

/// The operating system's reason for an I/O error in words that fit in a sentence: the
/// io::Error text ("Permission denied (os error 13)") is meant for programmers.
pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "it is a folder".into(),
        std::io::ErrorKind::StorageFull => "the disk is full".into(),
        _ => {
            let text = e.to_string();
            let reason = text.find(" (os error ").map_or(&text[..], |at| &text[..at]);
            reason.to_lowercase()
        }
    }
}

fn json_reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    // serde_json appends " at line L column C"; the message says it in its own words.
    text.split(" at line ").next().unwrap_or(&text).to_string()
}

/// Sizes as people say them: "512 bytes", "3.4 KB", "20 MB".
pub fn human_size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} bytes")
    } else if b < KB * KB {
        format!("{:.1} KB", b / KB)
    } else {
        let mb = b / (KB * KB);
        if mb.fract() == 0.0 {
            format!("{mb:.0} MB")
        } else {
            format!("{mb:.1} MB")
        }
    }
}

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

/// The kinds of file juxta reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, possibly hard-wrapped.
    Text,
    /// Markdown; markup is stripped.
    Markdown,
    /// One article object or an array of them.
    Json,
}

/// Decodes and parses a file's bytes. `file_name` names the drafts and seeds their ids.
pub fn parse_bytes(
    bytes: &[u8],
    file_name: &str,
    format: Format,
    opts: &ImportOptions,
) -> Result<Vec<Draft>, ImportErrorKind> {
    if bytes.is_empty() {
        return Err(ImportErrorKind::Empty);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportErrorKind::Blank);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportErrorKind::Utf16);
    }
    if bytes.contains(&0) {
        return Err(if looks_like_utf16(bytes) {
            ImportErrorKind::Utf16
        } else {
            ImportErrorKind::Binary
        });
    }
    let raw = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        ImportErrorKind::InvalidUtf8 {
            offset,
            byte: bytes[offset],
        }
    })?;
    // A file name is metadata too (the source fallback, `show`): it must not carry escapes.
    let file_name = &one_line(file_name, opts.tab_width);
    let stem = Path::new(file_name)
        .file_stem()
        .map_or(file_name.to_string(), |s| s.to_string_lossy().into_owned());
    // A date given on the command line wins, so a bad date in the file does not matter then.
    let need_date = opts.overrides.date.is_none();
    match format {
        Format::Json => parse_json(raw, file_name, &stem, opts),
        Format::Text | Format::Markdown => {
            let clean = sanitize(raw, opts.tab_width);
            if clean.trim().is_empty() {
                return Err(ImportErrorKind::Blank);
            }
            let (front, rest) =
                meta::front_matter(&clean, need_date).map_err(|e| ImportErrorKind::BadDate(e.0))?;
            let (token_date, rest) =
                meta::date_token(rest, need_date).map_err(|e| ImportErrorKind::BadDate(e.0))?;
            let (heading, text) = if format == Format::Markdown {
                let s = strip_markdown(rest);
                (s.heading, s.text)
            } else {
                split_headline(rest)
            };
            let found = front.or(Meta {
                title: heading,
                date: token_date,
                ..Meta::default()
            });
            let draft = make_draft(text, found, opts, file_name.to_string(), &stem)?;
            Ok(vec![draft])
        }
    }
}

/// Whether bytes with zero bytes in them are UTF-16 without a byte-order mark: in UTF-16 text
/// that is mostly ASCII, every other byte is zero, always on the same side of each pair.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let pairs = bytes.chunks_exact(2).take(512);
    let (mut total, mut le, mut be) = (0usize, 0usize, 0usize);
    for pair in pairs {
        total += 1;
        match (pair[0], pair[1]) {
            (0, 0) => return false,
            (_, 0) => le += 1,
            (0, _) => be += 1,
            _ => {}
        }
    }
    total > 0 && (le.min(be) == 0) && le.max(be) * 10 >= total * 7
}

/// Separates a headline-like first line from the body, then lays the body out.
fn split_headline(text: &str) -> (Option<String>, String) {
    let text = text.trim_start_matches(['\n', ' ']);
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let rest_trim = rest.trim_start_matches('\n');
    let next_line = rest_trim.lines().next().unwrap_or("");
    let blank_after = rest.starts_with('\n') || rest.trim_start_matches(' ').starts_with('\n');
    let next_is_unwrapped = next_line.chars().count() > 150;
    let break_is_deliberate = {
        let width = rest_trim
            .lines()
            .take(10)
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0);
        let next_word = next_line
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count());
        first.chars().count() + 1 + next_word + 5 < width
    };
    if is_headline(first)
        && !rest_trim.trim().is_empty()
        && (blank_after || next_is_unwrapped || break_is_deliberate)
    {
        return (Some(first.trim().to_string()), reflow(rest_trim));
    }
    (None, reflow(text))
}

fn make_draft(
    text: String,
    found: Meta,
    opts: &ImportOptions,
    file_name: String,
    id_source: &str,
) -> Result<Draft, ImportErrorKind> {
    if text.trim().is_empty() {
        return Err(ImportErrorKind::NoText);
    }
    let meta = opts.overrides.clone().or(found);
    let title = meta
        .title
        .map(|t| one_line(&t, opts.tab_width))
        .filter(|t| !t.is_empty());
    let source = meta
        .source
        .map(|s| one_line(&s, opts.tab_width))
        .filter(|s| !s.is_empty());
    let url = meta
        .url
        .map(|u| one_line(&u, opts.tab_width))
        .filter(|u| !u.is_empty());
    Ok(Draft {
        title: title.unwrap_or_else(|| title_from_text(&text, 80)),
        source: source.unwrap_or_else(|| file_name.clone()),
        date: meta.date,
        url,
        text,
        file_name,
        id_hint: slug(id_source),
    })
}

/// A metadata value on one line: sanitized, line breaks turned into spaces.
fn one_line(value: &str, tab_width: usize) -> String {
    sanitize(value, tab_width)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn parse_json(
    raw: &str,
    file_name: &str,
    stem: &str,
    opts: &ImportOptions,
) -> Result<Vec<Draft>, ImportErrorKind> {
    let raw = raw.trim_start_matches('\u{FEFF}');
    if raw.trim().is_empty() {
        return Err(ImportErrorKind::Blank);
    }
    let value: serde_json::Value = serde_json::from_str(raw).map_err(ImportErrorKind::Json)?;
    let (items, many) = match value {
        serde_json::Value::Array(items) if items.is_empty() => {
            return Err(ImportErrorKind::JsonShape("is an empty array".into()));
        }
        serde_json::Value::Array(items) => (items, true),
        obj @ serde_json::Value::Object(_) => (vec![obj], false),
        _ => {
            return Err(ImportErrorKind::JsonShape(
                "is neither an object nor an array".into(),
            ));
        }
    };
    let mut drafts = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let which = if many {
            format!("has an item (number {}) that", i + 1)
        } else {
            "is an object that".into()
        };
        let field = |name: &str| -> Result<Option<&str>, ImportErrorKind> {
            match item.get(name) {
                None | Some(serde_json::Value::Null) => Ok(None),
                Some(serde_json::Value::String(s)) => Ok(Some(s)),
                Some(_) => Err(ImportErrorKind::JsonShape(format!(
                    "{which} has a \"{name}\" that is not a string"
                ))),
            }
        };
        if !item.is_object() {
            return Err(ImportErrorKind::JsonShape(format!(
                "has an item (number {}) that is not an object",
                i + 1
            )));
        }
        let Some(text) = field("text")? else {
            return Err(ImportErrorKind::JsonShape(format!(
                "{which} has no \"text\""
            )));
        };
        let date = field("date")?
            .filter(|_| opts.overrides.date.is_none())
            .map(|d| {
                parse_date(d).map_err(|e| {
                    if many {
                        ImportErrorKind::BadItemDate {
                            item: i + 1,
                            value: e.0,
                        }
                    } else {
                        ImportErrorKind::BadDate(e.0)
                    }
                })
            })
            .transpose()?;
        let found = Meta {
            title: field("title")?.map(str::to_string),
            date,
            source: field("source")?.map(str::to_string),
            url: field("url")?.map(str::to_string),
        };
        let body = reflow(&sanitize(text, opts.tab_width));
        let (name, id_source) = if many {
            (
                format!("{file_name}#{}", i + 1),
                format!("{stem}-{}", i + 1),
            )
        } else {
            (file_name.to_string(), stem.to_string())
        };
        let draft = make_draft(body, found, opts, name, &id_source).map_err(|e| match e {
            ImportErrorKind::NoText => {
                ImportErrorKind::JsonShape(format!("{which} has an empty \"text\""))
            }
            other => other,
        })?;
        drafts.push(draft);
    }
    Ok(drafts)
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

/// `hint`, or `hint-2`, `hint-3`… : the first that `taken` does not claim.
pub fn unique_id(hint: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(hint) {
        return hint.to_string();
    }
    (2..)
        .map(|n| format!("{hint}-{n}"))
        .find(|id| !taken(id))
        .expect("an unbounded range always yields a free id")
}
