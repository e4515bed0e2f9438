//! The terminal UI: split panes with highlighted overlaps, a sidebar of actors and timeline,
//! mention jumps and export. State lives in [`app::App`]; drawing in [`ui`] is pure.

pub mod action;
pub mod app;
pub mod archive;
pub mod config;
pub mod highlight;
pub mod keymap;
pub mod layout;
mod strings;
pub mod theme;
pub mod ui;
pub mod wrap;

use crate::article::Article;
use crate::service::{self, Context};
use action::Action;
use anyhow::Result;
use app::App;
use config::TuiOptions;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{IsTerminal, Stdout};
use std::time::Duration;

pub use app::export_text;

/// Restores the terminal when dropped: on return, on error and (through the panic hook) on panic.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

fn restore_terminal() {
    // Each step is attempted even if another fails: a half-restored terminal is worse.
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    let _ = disable_raw_mode();
    let _ = execute!(
        std::io::stdout(),
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
}

fn start_terminal(mouse: bool) -> Result<(Terminal<CrosstermBackend<Stdout>>, TerminalGuard)> {
    install_panic_hook();
    enable_raw_mode()?;
    let guard = TerminalGuard;
    execute!(std::io::stdout(), EnterAlternateScreen)?;
    if mouse {
        execute!(std::io::stdout(), EnableMouseCapture)?;
    }
    let terminal = Terminal::new(CrosstermBackend::new(std::io::stdout()))?;
    Ok((terminal, guard))
}

/// Opens the UI: imports `paths` first and opens the first two of them, else the two most
/// related articles of the store. Returns whether every path was imported.
pub fn run(ctx: &Context, options: &TuiOptions, paths: &[std::path::PathBuf]) -> Result<bool> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the terminal UI needs an interactive terminal; for scripts use the subcommands (see juxta --help)"
        );
    }
    let store = ctx.store()?;
    // Imported path by path: which articles each path holds decides what opens first.
    let mut opened = Vec::new();
    let mut imported_all = true;
    let mut failures: Vec<String> = Vec::new();
    for path in paths {
        let report =
            service::import_paths(&store, std::slice::from_ref(path), &ctx.options.import)?;
        // Printed before the UI takes the screen, where they stay once it quits.
        for failure in &report.failures {
            eprintln!("juxta: {failure}");
            failures.push(failure.to_string());
        }
        opened.push(report.ids());
        imported_all &= report.ok();
    }
    let (mut terminal, guard) = start_terminal(options.tui.mouse)?;
    let size = terminal.size()?;
    let Some((mut app, mut rest)) = load_in_background(
        &mut terminal,
        &store,
        &ctx.options,
        options,
        (size.width, size.height),
        opened,
    )?
    else {
        // Quit while loading.
        return Ok(imported_all);
    };
    if let Some(first) = failures.first() {
        app.status = Some(strings::not_imported(first, failures.len() - 1));
    }
    let mut dirty = true;
    while !app.quit {
        if let Some(loading) = rest.as_ref() {
            match loading.poll() {
                Rest::Loading(done, total) => {
                    let msg = strings::loading_archive(done, total);
                    if app.status.as_ref().is_none_or(|s| strings::is_loading(s))
                        && app.status.as_ref() != Some(&msg)
                    {
                        app.status = Some(msg);
                        dirty = true;
                    }
                }
                Rest::Loaded(catalogue) => {
                    let (catalogue, store) = *catalogue;
                    let n = catalogue.corpus.articles.len();
                    let grouped = catalogue.originality.is_some();
                    app.take_archive(catalogue, store);
                    if app.status.as_ref().is_none_or(|s| strings::is_loading(s)) {
                        app.status = Some(if grouped {
                            strings::archive_loaded(n)
                        } else {
                            strings::archive_loaded_ungrouped(n)
                        });
                    }
                    rest = None;
                    dirty = true;
                    // Everything but the panes' text changes: draw it all afresh, over a blank
                    // frame. Not `Terminal::clear`, which asks the terminal where its cursor is
                    // and waits for the answer (seconds, then an error, where none comes).
                    terminal.draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()))?;
                }
                Rest::Failed => {
                    app.status = Some(strings::loading_failed());
                    rest = None;
                    dirty = true;
                }
            }
        }
        if dirty {
            terminal.draw(|f| ui::draw(&app, f))?;
        }
        if let Some(text) = app.clipboard.take() {
            use std::io::Write as _;
            // Best effort: a terminal without OSC 52 ignores it, and the status says so.
            let _ = write!(std::io::stdout(), "{}", app::osc52(&text));
            let _ = std::io::stdout().flush();
        }
        // While the archive loads, wake up to show its progress and take it in when ready.
        if rest.is_some() && !event::poll(Duration::from_millis(100))? {
            dirty = false;
            continue;
        }
        dirty = match event::read()? {
            Event::Key(key) => app.on_key(key),
            Event::Mouse(m) => app.on_mouse(m),
            Event::Resize(w, h) => {
                app.resize(w, h);
                true
            }
            _ => false,
        };
    }
    // The terminal first: quitting shows at once.
    drop(guard);
    // A large archive is ~10⁶ small allocations, a noticeable while to free one by one, and
    // the process ends next, which frees them all at once.
    std::mem::forget(app);
    Ok(imported_all)
}

/// Archives of at most this many articles are loaded whole before the first frame.
const LOAD_WHOLE: usize = 200;

/// The archive loaded without its texts, and the store (a connection of its own) the UI reads
/// them from.
type LoadedArchive = Box<(archive::Catalogue, crate::store::Store)>;

/// What the loading thread sends: the first app (drawn at once), then, when that app was made
/// from the open pair alone, the whole archive's metadata and views.
enum Loaded {
    /// The app, and whether the archive follows.
    First(Box<Result<App>>, bool),
    Archive(Result<LoadedArchive>),
}

/// The whole archive still loading behind a first frame made from the open pair.
struct Loading {
    rx: std::sync::mpsc::Receiver<Loaded>,
    done: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    total: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

/// Where the archive's loading is.
enum Rest {
    Loading(usize, usize),
    Loaded(LoadedArchive),
    Failed,
}

impl Loading {
    fn poll(&self) -> Rest {
        use std::sync::atomic::Ordering;
        match self.rx.try_recv() {
            Ok(Loaded::Archive(Ok(archive))) => Rest::Loaded(archive),
            Ok(_) | Err(std::sync::mpsc::TryRecvError::Disconnected) => Rest::Failed,
            Err(std::sync::mpsc::TryRecvError::Empty) => Rest::Loading(
                self.done.load(Ordering::Relaxed),
                self.total.load(Ordering::Relaxed),
            ),
        }
    }
}

/// Loads on another thread while this one draws the progress (as it really is) and reads the
/// keyboard, so that quitting (`q`, Ctrl-C, whatever quits in the keymap) acts at once even
/// while a large archive loads. When the pair to open first is known without the archive
/// (see [`service::first_pair_ids`]), the first app holds only that pair, so its text is on
/// screen at once, and the archive (sidebar, picker) follows as [`Loading`]. `None` when the
/// user quit.
fn load_in_background(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    store: &crate::store::Store,
    service_options: &service::Options,
    options: &TuiOptions,
    size: (u16, u16),
    opened: Vec<Vec<String>>,
) -> Result<Option<(App, Option<Loading>)>> {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let done = Arc::new(AtomicUsize::new(0));
    let total = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = std::sync::mpsc::channel();
    {
        let (store, service_options, options) =
            (store.clone(), service_options.clone(), options.clone());
        let (done, total) = (Arc::clone(&done), Arc::clone(&total));
        // Not joined when the user quits: the process ends and takes it along.
        std::thread::spawn(move || {
            let mut progress = |d: usize, t: usize| {
                done.store(d, Ordering::Relaxed);
                total.store(t, Ordering::Relaxed);
            };
            // A small archive loads in a blink: it is loaded whole before the first frame,
            // which then has its sidebar and the best pair of all.
            let small = store.count().is_ok_and(|n| n <= LOAD_WHOLE);
            if small {
                let loaded = store.list().map_err(anyhow::Error::from).map(|articles| {
                    load_app(
                        &store,
                        articles,
                        &service_options,
                        &options,
                        size,
                        &opened,
                        &mut progress,
                    )
                });
                let _ = tx.send(Loaded::First(Box::new(loaded), false));
                return;
            }
            // A large one: the open pair first, with its texts; then the archive's metadata
            // and views, without texts (read when an article is shown).
            let ctx = Context::new(store.root().to_path_buf(), service_options.clone());
            // Stories are stored only by `juxta stories` (grouping takes minutes at 10⁵
            // articles): when they are current, two of the largest open first.
            let largest = if opened.iter().all(Vec::is_empty) {
                service::largest_story(&ctx).ok().flatten()
            } else {
                None
            };
            let ids = match service::first_pair_ids(&store, &opened, largest.as_deref()) {
                Ok(Some(ids)) => ids,
                Ok(None) => opened
                    .iter()
                    .find(|g| !g.is_empty())
                    .and_then(|g| service::pair_among(&store, g))
                    .unwrap_or_default(),
                Err(e) => {
                    let _ = tx.send(Loaded::First(Box::new(Err(e.into())), false));
                    return;
                }
            };
            let pair = ids
                .iter()
                .map(|id| store.get(id))
                .collect::<std::result::Result<Vec<_>, _>>();
            let pair = match pair {
                Ok(pair) => pair,
                Err(e) => {
                    let _ = tx.send(Loaded::First(Box::new(Err(e.into())), false));
                    return;
                }
            };
            let n = pair.len();
            let corpus = service::open_corpus(&store, pair, &service_options, &mut |_, _| {});
            let app = App::new(
                corpus,
                &options,
                size,
                ((n > 0).then_some(0), (n > 1).then_some(1)),
            );
            if tx.send(Loaded::First(Box::new(Ok(app)), true)).is_err() {
                return;
            }
            let archive = archive::load(&ctx, &mut progress).and_then(|catalogue| {
                // The UI's own connection: the texts it reads never wait for this thread.
                let texts = crate::store::Store::open(store.root())?;
                Ok(Box::new((catalogue, texts)))
            });
            let _ = tx.send(Loaded::Archive(archive));
        });
    }
    let keymap = keymap::KeyMap::new(&options.keys);
    loop {
        let (d, t) = (done.load(Ordering::Relaxed), total.load(Ordering::Relaxed));
        terminal.draw(|f| ui::draw_progress(f, d, t))?;
        // Keys first: a quit pressed while loading wins over a load that ends meanwhile.
        while event::poll(Duration::ZERO)? {
            if let Event::Key(key) = event::read()?
                && key.kind == crossterm::event::KeyEventKind::Press
                && keymap.action(&key) == Some(Action::Quit)
            {
                return Ok(None);
            }
        }
        match rx.recv_timeout(Duration::from_millis(20)) {
            Ok(Loaded::First(app, follows)) => {
                let app = (*app)?;
                let rest = follows.then(|| Loading {
                    rx,
                    done: Arc::clone(&done),
                    total: Arc::clone(&total),
                });
                return Ok(Some((app, rest)));
            }
            Ok(Loaded::Archive(_)) => {
                anyhow::bail!("loading the store failed unexpectedly; run `juxta check`")
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                anyhow::bail!("loading the store failed unexpectedly; run `juxta check`")
            }
        }
    }
}

/// Analyses the articles (with the store's cache) and opens the first pair: everything between
/// reading the store and the first frame.
pub fn load_app(
    store: &crate::store::Store,
    articles: Vec<Article>,
    service_options: &service::Options,
    options: &TuiOptions,
    size: (u16, u16),
    opened: &[Vec<String>],
    progress: &mut dyn FnMut(usize, usize),
) -> App {
    let corpus = service::open_corpus(store, articles, service_options, progress);
    let pair = service::choose_pair(&corpus, opened);
    App::new(corpus, options, size, pair)
}
