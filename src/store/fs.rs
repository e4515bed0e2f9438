//! File-system primitives of the store: atomic replacement and the inter-process lock.

use super::StoreError;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

/// How the names of temporary files start; a store ignores (and its writers remove) them.
pub const TEMP_PREFIX: &str = ".tmp-";

/// Writes `bytes` to `path` so that readers see either the old file or the complete new one:
/// a temporary file in the same folder is written, flushed to disk and renamed over `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = path
        .parent()
        .expect("store paths always have a parent folder");
    let err = |action, error| StoreError::Io {
        action,
        path: path.to_path_buf(),
        error,
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX);
    // tempfile creates private (0600) files; store files get the permissions of any file the
    // user creates (0666 less the umask), so a store can be shared or backed up like the rest.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| err("create a temporary file for", e))?;
    tmp.write_all(bytes).map_err(|e| err("write", e))?;
    tmp.as_file().sync_all().map_err(|e| err("write", e))?;
    tmp.persist(path).map_err(|e| err("replace", e.error))?;
    // Make the rename itself durable; not every platform can open a folder, so this is best effort.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// An exclusive advisory lock on a file, released when dropped (or when the process dies, so
/// a crashed writer never leaves the store locked).
pub struct Lock {
    _file: std::fs::File,
}

/// Why the lock could not be taken.
pub enum LockError {
    /// Another process held it for the whole timeout.
    Timeout,
    /// The lock file could not be opened or locked.
    Io(std::io::Error),
}

impl Lock {
    /// Waits up to `timeout` for the lock.
    pub fn acquire(path: &Path, timeout: Duration) -> Result<Lock, LockError> {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)
            .map_err(LockError::Io)?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Lock { _file: file }),
                Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < timeout => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(std::fs::TryLockError::WouldBlock) => return Err(LockError::Timeout),
                Err(std::fs::TryLockError::Error(e)) => return Err(LockError::Io(e)),
            }
        }
    }
}
