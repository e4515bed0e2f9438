//! An import's checkpoints, copied from the write-ahead log into the database on a thread of
//! their own.
//!
//! An import's writing thread is its bottleneck (the analysis runs on the other cores), and
//! nearly a tenth of that thread's time went to checkpoints (perf, 30,000 articles): copying
//! the newest version of each page of the log into the database file, and syncing it. While
//! the import goes on committing, a second connection copies what the log held when it grew
//! past a size (for an import, [`schema::IMPORT_CHECKPOINT_PAGES`]); the writer then copies
//! only the commits it made meanwhile. That last step stays with the writer because a log is
//! started again from its beginning only when every frame of it is in the database at the
//! start of a transaction: a log checkpointed only from beside a writer that never pauses
//! would grow without end.

use super::schema;
use rusqlite::Connection;
use rusqlite::hooks::Wal;
use std::ffi::c_int;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc::{Sender, channel};

/// No checkpoint asked for.
const IDLE: u8 = 0;
/// The thread is copying the log.
const RUNNING: u8 = 1;
/// The thread has copied what the log held; the writer copies the rest after its next commit.
const DONE: u8 = 2;

/// The checkpointing thread of a store, started by its first import. It ends with the store,
/// once its checkpoint is done: nobody waits for it (a checkpoint cut short by the process's
/// end is taken up by the next one).
pub(super) struct Checkpointer {
    /// Pages of log at which a commit asks the thread for a checkpoint.
    pages: i64,
    state: Arc<AtomicU8>,
    /// `None` when the thread could not be started.
    wake: Option<Sender<()>>,
}

impl Checkpointer {
    /// Starts the thread; it connects to `db` at its first checkpoint, asked for when the log
    /// holds `pages` pages.
    pub(super) fn start(db: PathBuf, pages: i64) -> Checkpointer {
        let state = Arc::new(AtomicU8::new(IDLE));
        let (wake, wakes) = channel::<()>();
        let done = Arc::clone(&state);
        let started = std::thread::Builder::new()
            .name("juxta-checkpoint".into())
            .spawn(move || {
                let mut conn: Option<Connection> = None;
                while wakes.recv().is_ok() {
                    if conn.is_none() {
                        conn = schema::connect(&db, false).ok();
                    }
                    // A checkpoint that failed (or a connection that could not be made)
                    // leaves the whole log to the writer's own checkpoint after its commit.
                    if let Some(c) = &conn {
                        let _ = passive(c);
                    }
                    done.store(DONE, Ordering::Release);
                }
            })
            .is_ok();
        Checkpointer {
            pages,
            state,
            wake: started.then_some(wake),
        }
    }

    /// Makes the writer's commits ask this thread for a checkpoint instead of making it
    /// themselves. Without a thread (it could not be started), the writer keeps checkpointing.
    pub(super) fn attach(&self, conn: &mut Connection) -> rusqlite::Result<()> {
        let Some(wake) = self.wake.clone() else {
            return Ok(());
        };
        let (state, at) = (Arc::clone(&self.state), self.pages);
        conn.wal_hook(Some(move |_: &mut Wal, pages: c_int| {
            if i64::from(pages) >= at
                && state
                    .compare_exchange(IDLE, RUNNING, Ordering::AcqRel, Ordering::Acquire)
                    .is_ok()
                && wake.send(()).is_err()
            {
                state.store(IDLE, Ordering::Release);
            }
            Ok(())
        }))
    }

    /// Gives checkpoints back to the writer's commits ([`schema::CHECKPOINT_PAGES`]).
    pub(super) fn detach(conn: &mut Connection) -> rusqlite::Result<()> {
        conn.wal_hook(None::<fn(&mut Wal, c_int) -> rusqlite::Result<()>>)?;
        conn.pragma_update(None, "wal_autocheckpoint", schema::CHECKPOINT_PAGES)
    }

    /// After one of the writer's commits: when the thread has copied the log, copies what was
    /// committed since, so that the next transaction starts the log again.
    pub(super) fn after_commit(&self, conn: &Connection) -> rusqlite::Result<()> {
        if self.state.load(Ordering::Acquire) == DONE {
            passive(conn)?;
            self.state.store(IDLE, Ordering::Release);
        }
        Ok(())
    }
}

/// Copies as much of the log as no reader still needs, waiting for nobody.
fn passive(conn: &Connection) -> rusqlite::Result<()> {
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pages of log in the file (`journal_size_limit` 0 cuts the file to the log's length
    /// whenever the log starts again).
    fn log_pages(db: &std::path::Path) -> u64 {
        let wal = db.with_extension("db-wal");
        std::fs::metadata(wal).map_or(0, |m| m.len() / 4096)
    }

    #[test]
    fn a_writer_attached_to_the_thread_has_its_log_copied_and_started_again() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("t.db");
        let mut conn = schema::connect(&db, true).unwrap();
        conn.pragma_update(None, "journal_size_limit", 0).unwrap();
        conn.execute_batch("CREATE TABLE t (n INTEGER, b BLOB)")
            .unwrap();
        let checkpoints = Checkpointer::start(db.clone(), 40);
        checkpoints.attach(&mut conn).unwrap();
        let (mut most, mut copied) = (0, 0);
        for n in 0..2_000 {
            conn.execute("INSERT INTO t VALUES (?1, zeroblob(3000))", [n])
                .unwrap();
            most = most.max(log_pages(&db));
            // The thread's work is waited for, so that what is checked is where the log goes,
            // not how quickly the thread runs.
            while checkpoints.state.load(Ordering::Acquire) == RUNNING {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            if checkpoints.state.load(Ordering::Acquire) == DONE {
                copied += 1;
            }
            checkpoints.after_commit(&conn).unwrap();
        }
        Checkpointer::detach(&mut conn).unwrap();
        // 2,000 rows of a page each would make a log of 2,000 pages; the thread copied it
        // every 40 or so, and the writer's next transaction started it again.
        assert!(copied >= 20, "{copied} checkpoints");
        assert!(most < 100, "the log reached {most} pages");
        let other = schema::connect(&db, false).unwrap();
        let rows: i64 = other
            .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 2_000);
    }
}
