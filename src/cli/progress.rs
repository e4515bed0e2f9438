//! Progress of `juxta add`: a bar on a terminal, the plain per-article lines (flushed as they
//! happen) otherwise; Ctrl-C stops reading and keeps what was imported.

use super::{print_imported, report};
use crate::import::{ImportOptions, display_path};
use crate::service::{self, ImportReport, Progress};
use crate::store::{Store, StoreError};
use std::io::{IsTerminal, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set by Ctrl-C. A second Ctrl-C quits at once: every write is atomic, so nothing is left
/// half-written even then.
fn interrupt_flag() -> Arc<AtomicBool> {
    static FLAG: std::sync::OnceLock<Arc<AtomicBool>> = std::sync::OnceLock::new();
    FLAG.get_or_init(|| {
        let flag = Arc::new(AtomicBool::new(false));
        let seen = flag.clone();
        // Without a handler (another one is installed) Ctrl-C ends the process as usual.
        let _ = ctrlc::set_handler(move || {
            if seen.swap(true, Ordering::SeqCst) {
                std::process::exit(130);
            }
        });
        flag
    })
    .clone()
}

/// Imports with a progress display; article lines go to `out` as they are stored, failures to
/// stderr as they happen.
pub fn import_with_progress(
    store: &Store,
    paths: &[PathBuf],
    opts: &ImportOptions,
    out: &mut impl Write,
) -> Result<ImportReport, StoreError> {
    let stop = interrupt_flag();
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(0);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
        {
            bar.set_style(style);
        }
        bar
    });
    let mut write_error: Option<std::io::Error> = None;
    let mut on = |p: Progress| {
        match p {
            Progress::Reading {
                done,
                total,
                source,
            } => {
                if let Some(bar) = &bar {
                    bar.set_length(total as u64);
                    bar.set_position(done as u64);
                    bar.set_message(display_path(source));
                }
            }
            Progress::Read { done, total } => {
                if let Some(bar) = &bar {
                    bar.set_length(total as u64);
                    bar.set_position(done as u64);
                }
            }
            Progress::Stored(imported) => {
                let mut line = Vec::new();
                let _ = print_imported(imported, &mut line);
                let result = match &bar {
                    Some(bar) => bar.suspend(|| out.write_all(&line).and_then(|()| out.flush())),
                    None => out.write_all(&line).and_then(|()| out.flush()),
                };
                if let Err(e) = result {
                    write_error.get_or_insert(e);
                }
            }
            Progress::Failed(failure) => match &bar {
                Some(bar) => bar.suspend(|| report(failure)),
                None => report(failure),
            },
        }
        if stop.load(Ordering::SeqCst) || write_error.is_some() {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    };
    let result = service::import_sources(store, paths, opts, &mut on);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    result
}
