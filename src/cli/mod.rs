//! The command line: clap definitions and thin handlers that call the library and print.

mod compare;
mod extract;

use crate::article::Article;
use crate::config::Config;
use crate::import::{self, Meta};
use crate::store::{Added, Store};
use crate::text::{display_width, pad, truncate};
use anyhow::{Context as _, Result};
use clap::{Args, Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Compare news coverage side by side: shared passages, the people named, and when things happened.
#[derive(Debug, Parser)]
// Not `args_conflicts_with_subcommands`: clap counts the global --store and --config as
// arguments too, so `juxta --store DIR list` would read `list` as a PATH. A PATH still ends
// the search for a subcommand (`juxta notes.txt list` imports two paths).
#[command(
    name = "juxta",
    version,
    max_term_width = 100,
    override_usage = "juxta [OPTIONS] [PATH]...\n       juxta [OPTIONS] <COMMAND>"
)]
#[command(
    after_help = "Run `juxta PATH...` to import files and compare them in the terminal UI; `juxta` alone opens the store."
)]
pub struct Cli {
    /// Store folder [default: the platform data folder, e.g. ~/.local/share/juxta]
    // Empty values are accepted here and mean "not set" (see `Context::new`): clap's path
    // parser refuses them, so `export JUXTA_STORE=` said "a value is required for --store".
    #[arg(long, global = true, env = "JUXTA_STORE", value_name = "DIR", value_parser = path_or_empty())]
    pub store: Option<PathBuf>,
    /// Config file [default: the platform config folder, e.g. ~/.config/juxta/config.toml]
    #[arg(long, global = true, env = "JUXTA_CONFIG", value_name = "FILE", value_parser = path_or_empty())]
    pub config: Option<PathBuf>,
    /// What to do; without one, juxta opens the terminal UI.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or folders to import, then open in the terminal UI
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import files or folders (.txt, .md, .json) into the store
    Add(AddArgs),
    /// List the articles in the store
    List {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Print one article's metadata and text
    Show {
        /// The article's id (see `juxta list`)
        id: String,
        /// Print the article as JSON
        #[arg(long)]
        json: bool,
    },
    /// Remove articles from the store
    #[command(alias = "remove")]
    Rm {
        /// Ids of the articles to remove
        #[arg(required = true, value_name = "ID")]
        ids: Vec<String>,
    },
    /// Show the passages two articles share (files or store ids)
    Compare(compare::CompareArgs),
    /// List the people named in articles, with their aliases merged
    Actors(extract::ExtractArgs),
    /// List dated events, sorted by date
    Events(extract::ExtractArgs),
    /// List every mention of one person
    Mentions(extract::MentionsArgs),
}

/// Arguments of `juxta add`.
#[derive(Debug, Args)]
#[command(after_help = "\
Metadata, first match wins: --title, --date, --source; a front-matter block at the top of the \
file (--- lines around title:, date:, source:, url:); a leading `date YYYY-MM-DD`. Otherwise \
the title is the first line or sentence and the source the file name. A text that is already \
in the store is skipped, and `add` says under which id it is stored.")]
pub struct AddArgs {
    /// Publication date for every imported article (YYYY-MM-DD)
    // Checked by `add`, not by clap: a bad value is an error like any other (one sentence, exit
    // code 1), not a usage error.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Source (outlet) for every imported article
    #[arg(long, value_name = "S")]
    pub source: Option<String>,
    /// Title for every imported article
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    /// Files or folders to import (folders are read recursively)
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// Parses a path, accepting an empty value (an empty environment variable is as good as unset).
fn path_or_empty() -> impl clap::builder::TypedValueParser<Value = PathBuf> {
    use clap::builder::TypedValueParser as _;
    clap::builder::OsStringValueParser::new().map(PathBuf::from)
}

/// What a handler needs: the merged config and where the store is.
pub struct Context {
    /// The effective configuration.
    pub config: Config,
    /// The store folder.
    pub store_path: PathBuf,
}

impl Context {
    /// Builds the context from the global flags.
    pub fn new(store: Option<PathBuf>, config: Option<&Path>) -> Result<Context> {
        let config = Config::load(config.filter(|p| !p.as_os_str().is_empty()))?;
        let store_path = match store.filter(|p| !p.as_os_str().is_empty()) {
            Some(p) => p,
            None => crate::config::default_store_path().context(
                "cannot find a data folder for the store (no home directory); pass --store DIR",
            )?,
        };
        Ok(Context { config, store_path })
    }

    /// Opens the store.
    pub fn store(&self) -> Result<Store> {
        Ok(Store::open(&self.store_path)?)
    }
}

/// Runs a parsed command line; errors already printed count as failure.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let ctx = Context::new(cli.store, cli.config.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let ok = match cli.command {
        Some(Command::Add(args)) => add(&ctx, &args, &mut out)?,
        Some(Command::List { json }) => list(&ctx, json, &mut out)?,
        Some(Command::Show { id, json }) => show(&ctx, &id, json, &mut out)?,
        Some(Command::Rm { ids }) => rm(&ctx, &ids, &mut out)?,
        Some(Command::Compare(args)) => compare::run(&ctx, &args, &mut out)?,
        Some(Command::Actors(args)) => extract::actors(&ctx, &args, &mut out)?,
        Some(Command::Events(args)) => extract::events(&ctx, &args, &mut out)?,
        Some(Command::Mentions(args)) => extract::mentions(&ctx, &args, &mut out)?,
        None => crate::tui::run(&ctx, &cli.paths)?,
    };
    out.flush()?;
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Articles named on the command line: each argument is a file or folder if one exists at that
/// path, else the id of a stored article. No arguments means the whole store. Files are read
/// without being stored; their ids are made unique against the stored ones.
pub fn load_articles(ctx: &Context, args: &[String]) -> Result<Vec<Article>> {
    let store = ctx.store()?;
    if args.is_empty() {
        return Ok(store.list()?);
    }
    let opts = ctx.config.import_options();
    let mut articles: Vec<Article> = Vec::new();
    for arg in args {
        let path = Path::new(arg);
        if path.exists() {
            let (found, errors) = import::articles_from_paths(&[path.to_path_buf()], &opts);
            if let Some(e) = errors.into_iter().next() {
                return Err(e.into());
            }
            if found.is_empty() {
                anyhow::bail!(
                    "{arg} holds no .txt, .md or .json files; name article files or store ids"
                );
            }
            for mut a in found {
                a.id = import::unique_id(&a.id, |id| {
                    articles.iter().any(|b| b.id == id) || store.contains(id)
                });
                articles.push(a);
            }
        } else if store.contains(arg) {
            articles.push(store.get(arg)?);
        } else {
            anyhow::bail!(
                "{arg} is neither a file nor the id of an article in the store at {}; check the path, or run `juxta list` for the ids",
                store.root().display()
            );
        }
    }
    Ok(articles)
}

fn report(e: &dyn std::fmt::Display) {
    eprintln!("juxta: {e}");
}

/// Imports paths; prints one line per article and one error line per bad file.
/// Returns whether every file was imported.
pub fn add(ctx: &Context, args: &AddArgs, out: &mut impl Write) -> Result<bool> {
    let date = match args.date.as_deref().map(import::parse_date).transpose() {
        Ok(date) => date,
        Err(bad) => anyhow::bail!(
            "--date \"{}\" is not a valid date in the form YYYY-MM-DD (for example 2025-03-14); nothing was imported",
            bad.0
        ),
    };
    let mut opts = ctx.config.import_options();
    opts.overrides = Meta {
        title: args.title.clone(),
        date,
        source: args.source.clone(),
        url: None,
    };
    let (_, ok) = import_paths(&ctx.store()?, &args.paths, &opts, out)?;
    Ok(ok)
}

/// Imports files and folders into the store: reports each article on `out` and each bad file
/// on stderr. Returns the ids of the articles the paths hold (new or already stored, in path
/// order) and whether every file was imported.
pub fn import_paths(
    store: &Store,
    paths: &[PathBuf],
    opts: &import::ImportOptions,
    out: &mut impl Write,
) -> Result<(Vec<String>, bool)> {
    let mut drafts = Vec::new();
    let mut origins = Vec::new();
    let mut failed = 0usize;
    let mut seen_files = 0usize;
    for path in paths {
        let outcomes = import::read_path(path, opts);
        if outcomes.is_empty() {
            report(&format!(
                "{} holds no .txt, .md or .json files; nothing to import from it",
                import::display_path(path)
            ));
            failed += 1;
        }
        for (file, outcome) in outcomes {
            seen_files += 1;
            match outcome {
                Ok(ds) => {
                    for d in ds {
                        origins.push(file.clone());
                        drafts.push(d);
                    }
                }
                Err(e) => {
                    report(&e);
                    failed += 1;
                }
            }
        }
    }
    let (mut added, mut dupes) = (0, 0);
    let mut ids = Vec::new();
    for (result, origin) in store.add(drafts)?.into_iter().zip(origins) {
        match result {
            Added::New(a) => {
                added += 1;
                writeln!(
                    out,
                    "added {}  {}  ({} words, from {})",
                    a.id,
                    quoted_title(&a),
                    a.word_count(),
                    import::display_path(&origin)
                )?;
                ids.push(a.id);
            }
            Added::Duplicate {
                existing,
                file_name,
            } => {
                dupes += 1;
                let what = if origin.ends_with(&file_name) {
                    import::display_path(&origin)
                } else {
                    file_name
                };
                writeln!(
                    out,
                    "skipped {what}: its text is already in the store as {existing}"
                )?;
                ids.push(existing);
            }
        }
    }
    if seen_files > 1 || failed > 0 {
        writeln!(
            out,
            "{added} added, {dupes} already in the store, {failed} failed"
        )?;
    }
    Ok((ids, failed == 0))
}

fn quoted_title(a: &Article) -> String {
    format!("“{}”", a.title)
}

/// Prints the store's articles as a table or JSON.
pub fn list(ctx: &Context, json: bool, out: &mut impl Write) -> Result<bool> {
    let articles = ctx.store()?.list()?;
    if json {
        let rows: Vec<_> = articles.iter().map(ListRow::from).collect();
        write_json(out, &rows)?;
        return Ok(true);
    }
    if articles.is_empty() {
        writeln!(
            out,
            "The store at {} is empty; add articles with `juxta add PATH...`.",
            ctx.store_path.display()
        )?;
        return Ok(true);
    }
    let id_w = articles
        .iter()
        .map(|a| a.id.len())
        .max()
        .unwrap_or(2)
        .max(2);
    // Metadata is sanitized on import; cleaning again here keeps a hand-edited store from
    // driving the terminal too.
    let rows: Vec<_> = articles
        .iter()
        .map(|a| {
            let source = truncate(&printable_line(&a.source), 24);
            (a, source, a.word_count().to_string())
        })
        .collect();
    let src_w = rows
        .iter()
        .map(|(_, source, _)| display_width(source))
        .max()
        .unwrap_or(6)
        .max(6);
    let words_w = rows
        .iter()
        .map(|(_, _, words)| words.len())
        .max()
        .unwrap_or(6)
        .max(6);
    writeln!(
        out,
        "{:id_w$}  {:10}  {}  {:>words_w$}  TITLE",
        "ID",
        "DATE",
        pad("SOURCE", src_w),
        "WORDS"
    )?;
    for (a, source, words) in &rows {
        writeln!(
            out,
            "{:id_w$}  {:10}  {}  {:>words_w$}  {}",
            a.id,
            a.date_label(),
            pad(source, src_w),
            words,
            printable_line(&a.title)
        )?;
    }
    Ok(true)
}

/// One row of `juxta list --json`: the article without its text.
#[derive(serde::Serialize)]
struct ListRow<'a> {
    id: &'a str,
    title: &'a str,
    source: &'a str,
    date: Option<chrono::NaiveDate>,
    url: Option<&'a str>,
    words: usize,
    hash: &'a str,
    imported_at: chrono::DateTime<chrono::Utc>,
    file_name: &'a str,
}

impl<'a> From<&'a Article> for ListRow<'a> {
    fn from(a: &'a Article) -> Self {
        ListRow {
            id: &a.id,
            title: &a.title,
            source: &a.source,
            date: a.date,
            url: a.url.as_deref(),
            words: a.word_count(),
            hash: &a.hash,
            imported_at: a.imported_at,
            file_name: &a.file_name,
        }
    }
}

/// Prints one article.
pub fn show(ctx: &Context, id: &str, json: bool, out: &mut impl Write) -> Result<bool> {
    let a = ctx.store()?.get(id)?;
    if json {
        // JSON escapes control characters, so it is safe to print as it is.
        write_json(out, &a)?;
        return Ok(true);
    }
    writeln!(out, "Title:    {}", printable_line(&a.title))?;
    writeln!(out, "Source:   {}", printable_line(&a.source))?;
    writeln!(
        out,
        "Date:     {}",
        a.date
            .map_or_else(|| "unknown".to_string(), |d| d.to_string())
    )?;
    if let Some(url) = &a.url {
        writeln!(out, "URL:      {}", printable_line(url))?;
    }
    writeln!(out, "ID:       {}", a.id)?;
    writeln!(out, "File:     {}", printable_line(&a.file_name))?;
    writeln!(
        out,
        "Imported: {}",
        a.imported_at.format("%Y-%m-%d %H:%M UTC")
    )?;
    writeln!(out, "Words:    {}", a.word_count())?;
    writeln!(out)?;
    writeln!(out, "{}", printable_text(&a.text))?;
    Ok(true)
}

/// Writes pretty JSON and a newline. Serialized first, so that a write error stays an
/// `io::Error` (a closed pipe is then recognised as such, not reported as a JSON error).
fn write_json(out: &mut impl Write, value: &impl serde::Serialize) -> Result<()> {
    let json = serde_json::to_string_pretty(value)?;
    writeln!(out, "{json}")?;
    Ok(())
}

/// Stored text as it may be printed: without control characters and escape sequences.
fn printable_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text
        .chars()
        .all(|c| c == '\n' || !import::is_unprintable(c))
    {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(import::sanitize(text, 4))
    }
}

/// A metadata value as one printable line.
fn printable_line(value: &str) -> std::borrow::Cow<'_, str> {
    if !value.chars().any(import::is_unprintable) {
        std::borrow::Cow::Borrowed(value)
    } else {
        let clean = import::sanitize(value, 4);
        std::borrow::Cow::Owned(clean.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// Removes articles; unknown ids are reported and the rest still removed.
pub fn rm(ctx: &Context, ids: &[String], out: &mut impl Write) -> Result<bool> {
    let store = ctx.store()?;
    let mut ok = true;
    for result in store.remove(ids)? {
        match result {
            Ok(a) => writeln!(out, "removed {}  {}", a.id, quoted_title(&a))?,
            Err(e) => {
                report(&e);
                ok = false;
            }
        }
    }
    Ok(ok)
}
