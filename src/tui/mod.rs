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
use crate::cli::Context;
use crate::corpus::Corpus;
use anyhow::Result;
use app::App;
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
pub fn run(ctx: &Context, paths: &[std::path::PathBuf]) -> Result<bool> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the terminal UI needs an interactive terminal; for scripts use the subcommands (see juxta --help)"
        );
    }
    let store = ctx.store()?;
    // Imported path by path: which articles each path holds decides what opens first.
    let mut opened = Vec::new();
    let mut imported_all = true;
    for path in paths {
        let (ids, ok) = crate::cli::import_paths(
            &store,
            std::slice::from_ref(path),
            &ctx.config.import_options(),
            &mut std::io::sink(),
        )?;
        opened.push(ids);
        imported_all &= ok;
    }
    let articles = store.list()?;
    let (mut terminal, _guard) = start_terminal(ctx.config.tui.mouse)?;
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
        &ctx.config,
        (size.width, size.height),
        &opened,
        &mut progress,
    );
    if !imported_all {
        app.status = Some(
            "some files could not be imported: see the messages printed before juxta started"
                .into(),
        );
    }
    let mut dirty = true;
    while !app.quit {
        if dirty {
            terminal.draw(|f| ui::draw(&app, f))?;
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
    config: &crate::config::Config,
    size: (u16, u16),
    opened: &[Vec<String>],
    progress: &mut dyn FnMut(usize, usize),
) -> App {
    let cache = store.root().join("store.json").exists().then_some(store);
    let corpus = Corpus::build_with_progress(articles, config, cache, progress);
    let pair = choose_pair(&corpus, opened);
    App::new(corpus, &config.tui_options(), size, pair)
}

/// The articles to open first. Two or more paths named: the first article of each of the
/// first two. One path (typically a folder): the two of its articles that share the most text.
/// Nothing named: the two articles of the store that share the most text.
fn choose_pair(corpus: &Corpus, named: &[Vec<String>]) -> (Option<usize>, Option<usize>) {
    let index_of = |id: &String| corpus.articles.iter().position(|a| &a.id == id);
    let groups: Vec<Vec<usize>> = named
        .iter()
        .map(|g| g.iter().filter_map(index_of).collect::<Vec<_>>())
        .filter(|g| !g.is_empty())
        .collect();
    if let [a, b, ..] = groups.as_slice()
        && let Some(second) = b.iter().copied().find(|&j| j != a[0])
    {
        return (Some(a[0]), Some(second));
    }
    let candidates: Vec<usize> = match groups.first() {
        Some(g) => g.clone(),
        None => (0..corpus.articles.len()).collect(),
    };
    if let [only] = candidates.as_slice() {
        let everyone: Vec<usize> = (0..corpus.articles.len()).collect();
        return (
            Some(*only),
            best_partner(corpus, *only, &everyone).map(|(j, _)| j),
        );
    }
    let mut best: Option<(usize, usize, usize)> = None;
    for &i in &candidates {
        if let Some((j, shared)) = best_partner(corpus, i, &candidates)
            && best.is_none_or(|(_, _, s)| shared > s)
        {
            best = Some((i, j, shared));
        }
    }
    match best {
        Some((i, j, _)) => (Some(i.min(j)), Some(i.max(j))),
        None => (candidates.first().copied(), candidates.get(1).copied()),
    }
}

/// The article among `among` sharing the most text with article `i` (the first other one
/// when none shares any), and how many bytes of `i` it shares.
fn best_partner(corpus: &Corpus, i: usize, among: &[usize]) -> Option<(usize, usize)> {
    let mut shared = vec![0usize; corpus.articles.len()];
    for s in corpus.index.shared_spans(i) {
        for &o in &s.others {
            shared[o] += s.span.len();
        }
    }
    among
        .iter()
        .copied()
        .filter(|&j| j != i)
        .max_by_key(|&j| (shared[j], std::cmp::Reverse(j)))
        .map(|j| (j, shared[j]))
}
