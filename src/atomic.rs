//! Writing a file so that readers see the old contents or the new, never half of them: the
//! bytes go to a temporary file in the same folder, flushed to disk, which is then renamed
//! into place. The store's files and the exports are both written this way.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Which step of an atomic write failed (the store names it in its messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Creating the temporary file.
    Create,
    /// Writing and flushing the bytes.
    Write,
    /// Renaming the temporary file into place.
    Replace,
}

impl Step {
    /// The verb for messages: "cannot {verb} FILE".
    pub fn verb(self) -> &'static str {
        match self {
            Step::Create => "create a temporary file for",
            Step::Write => "write",
            Step::Replace => "replace",
        }
    }
}

/// An atomic write that failed, and at which step.
#[derive(Debug)]
pub struct AtomicError {
    /// The step.
    pub step: Step,
    /// The operating system's reason.
    pub error: std::io::Error,
}

fn at(step: Step) -> impl FnOnce(std::io::Error) -> AtomicError {
    move |error| AtomicError { step, error }
}

/// The contents in a temporary file (named `prefix…`) in `dir`, flushed to disk and given the
/// permissions of `target` when it exists, else those of any new file (0666 less the umask;
/// a temporary file would otherwise stay private to its owner).
fn staged(
    dir: &Path,
    prefix: &str,
    contents: &[u8],
    target: &Path,
) -> Result<tempfile::NamedTempFile, AtomicError> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(at(Step::Create))?;
    tmp.write_all(contents).map_err(at(Step::Write))?;
    if let Ok(m) = std::fs::metadata(target) {
        tmp.as_file()
            .set_permissions(m.permissions())
            .map_err(at(Step::Write))?;
    }
    tmp.as_file().sync_all().map_err(at(Step::Write))?;
    Ok(tmp)
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Writes `contents` to `path`, replacing the file if it exists.
pub fn replace(path: &Path, prefix: &str, contents: &[u8]) -> Result<(), AtomicError> {
    let dir = folder_of(path);
    let tmp = staged(dir, prefix, contents, path)?;
    tmp.persist(path).map_err(|e| at(Step::Replace)(e.error))?;
    // Make the rename itself durable; not every platform can open a folder, so this is best effort.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Writes `contents` to `dir/stem.ext`, or `stem-2.ext`, `stem-3.ext`… when taken: never
/// replaces a file, even one another process creates at the same moment. Returns the path.
pub fn create_new(
    dir: &Path,
    prefix: &str,
    stem: &str,
    ext: &str,
    contents: &[u8],
) -> Result<PathBuf, AtomicError> {
    let first = dir.join(format!("{stem}.{ext}"));
    let mut tmp = staged(dir, prefix, contents, &first)?;
    for n in 1.. {
        let path = if n == 1 {
            first.clone()
        } else {
            dir.join(format!("{stem}-{n}.{ext}"))
        };
        match tmp.persist_noclobber(&path) {
            Ok(_) => return Ok(path),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => tmp = e.file,
            Err(e) => return Err(at(Step::Replace)(e.error)),
        }
    }
    unreachable!("an unbounded range always yields a free name")
}
