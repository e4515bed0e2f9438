//! The terminal UI: split panes with highlighted overlaps, a sidebar of actors and timeline,
//! mention jumps and export. State lives in [`app::App`]; drawing in [`ui`] is pure.

pub mod action;
pub mod app;
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
use std::time::{Duration, Instant};

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
    let articles = store.list()?;
    let (mut terminal, _guard) = start_terminal(options.tui.mouse)?;
    let size = terminal.size()?;
    let mut last_draw: Option<Instant> = None;
    let mut progress = |done: usize, total: usize| {
        if last_draw.is_some_and(|t| t.elapsed() < Duration::from_millis(50)) && done < total {
            return;
        }
        last_draw = Some(Instant::now());
        let _ = terminal.draw(|f| ui::draw_progress(f, done, total));
    };
    let mut app = load_app(
        &store,
        articles,
        &ctx.options,
        options,
        (size.width, size.height),
        &opened,
        &mut progress,
    );
    if let Some(first) = failures.first() {
        app.status = Some(strings::not_imported(first, failures.len() - 1));
    }
    let mut dirty = true;
    while !app.quit {
        if dirty {
            terminal.draw(|f| ui::draw(&app, f))?;
        }
        if let Some(text) = app.clipboard.take() {
            use std::io::Write as _;
            // Best effort: a terminal without OSC 52 ignores it, and the status says so.
            let _ = write!(std::io::stdout(), "{}", app::osc52(&text));
            let _ = std::io::stdout().flush();
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
    Ok(imported_all)
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
