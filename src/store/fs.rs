//! File-system primitives of the store: atomic replacement and the inter-process lock.

use super::StoreError;
use std::path::Path;
use std::time::{Duration, Instant};

/// How the names of temporary files start; a store ignores (and its writers remove) them.
pub const TEMP_PREFIX: &str = ".tmp-";

/// Writes `bytes` to `path` so that readers see either the old file or the complete new one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    crate::atomic::replace(path, TEMP_PREFIX, bytes).map_err(|e| StoreError::Io {
        action: e.step.verb(),
        path: path.to_path_buf(),
        error: e.error,
    })
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
