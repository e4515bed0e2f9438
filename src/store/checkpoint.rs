//! An import's checkpoints, copied from the write-ahead log into the database on a thread of
//! their own.
//!
//! An import's writing thread is its bottleneck (the analysis runs on the other cores), and a
//! twelfth of that thread's time went to checkpoints: copying the newest version of each page
//! of the log into the database file, and syncing it. While the import goes on committing, a
//! second connection copies what the log held when it grew past
//! [`schema::IMPORT_CHECKPOINT_PAGES`]; the writer then copies only the commits it made
//! meanwhile. That last step stays with the writer because a log is started again from its
//! beginning only when every frame of it is in the database at the start of a transaction: a
//! log checkpointed only from beside a writer that never pauses would grow without end.

use super::schema;
use rusqlite::Connection;
use rusqlite::hooks::Wal;
use std::ffi::c_int;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::thread::JoinHandle;

/// No checkpoint asked for.
const IDLE: u8 = 0;
/// The thread is copying the log.
const RUNNING: u8 = 1;
/// The thread has copied what the log held; the writer copies the rest after its next commit.
const DONE: u8 = 2;

/// The checkpointing thread of a store, started by its first import and ended with the store.
pub(super) struct Checkpointer {
    state: Arc<AtomicU8>,
    wake: Option<Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// Starts the thread; it connects to `db` at its first checkpoint.
    pub(super) fn start(db: PathBuf) -> Checkpointer {
        let state = Arc::new(AtomicU8::new(IDLE));
        let (wake, wakes) = channel::<()>();
        let done = Arc::clone(&state);
        let thread = std::thread::Builder::new()
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
            .ok();
        Checkpointer {
            state,
            wake: thread.as_ref().map(|_| wake),
            thread,
        }
    }

    /// Makes the writer's commits ask this thread for a checkpoint instead of making it
    /// themselves. Without a thread (it could not be started), the writer keeps checkpointing.
    pub(super) fn attach(&self, conn: &mut Connection) -> rusqlite::Result<()> {
        let Some(wake) = self.wake.clone() else {
            return Ok(());
        };
        let state = Arc::clone(&self.state);
        conn.wal_hook(Some(move |_: &mut Wal, pages: c_int| {
            if i64::from(pages) >= schema::IMPORT_CHECKPOINT_PAGES
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

impl Drop for Checkpointer {
    fn drop(&mut self) {
        drop(self.wake.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Copies as much of the log as no reader still needs, waiting for nobody.
fn passive(conn: &Connection) -> rusqlite::Result<()> {
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
}
