//! Why a file could not be imported, in sentences that name the file and say what to do.

use std::fmt;
use std::path::{Path, PathBuf};

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
