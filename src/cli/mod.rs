//! The command line: clap definitions and thin handlers that call the library and print.

mod compare;
mod conflicts;
mod events;
mod extract;
mod json;
mod progress;
mod quotes;
mod stories;

use crate::article::{Article, ArticleRow};
use crate::import::{self, Meta};
use crate::service::{ImportReport, Imported};
use crate::store::ArticleMeta;
use crate::text::printable::{printable_line, printable_text};
use crate::text::{display_width, pad, truncate};
use anyhow::Result;
use clap::{Args, Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
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
    // Empty values are accepted here and mean "not set" (see main.rs): clap's path
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
    /// Import files, folders, web pages, URLs and feeds into the store
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
    /// List the people, organizations and places named in articles, with their aliases merged
    Actors(extract::ActorsArgs),
    /// List dated events, sorted by date
    Events(extract::ExtractArgs),
    /// Show where articles about one event disagree: figures and dates that differ
    Conflicts(extract::ExtractArgs),
    /// List every mention of one actor (person, organization or place)
    Mentions(extract::MentionsArgs),
    /// List the quotations of articles with their speakers, grouped across outlets
    Quotes(quotes::QuotesArgs),
    /// Search the archive: words, "phrases", prefix* (case and accents folded)
    Search {
        /// What to look for; every word must occur
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
        /// How many articles to show, best first
        #[arg(long, default_value_t = 20, value_name = "N")]
        limit: usize,
    },
    /// Group the archive into stories: articles about one event, with their outlets and dates
    Stories {
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Verify the store's database; --repair rebuilds what is derived
    Check {
        /// Rebuild the search index and missing or outdated analysis, remove orphaned rows
        #[arg(long)]
        repair: bool,
    },
    /// Print a shell completion script (e.g. `juxta completions bash > ~/.local/share/bash-completion/completions/juxta`)
    Completions {
        /// The shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff (`juxta man | man -l -`, or save it as juxta.1 in a man folder)
    Man,
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
    /// Fetch the page of every feed item for its full text (items with no text at all are
    /// fetched anyway when the feed itself came from a URL)
    #[arg(long)]
    pub fetch_links: bool,
    /// Which CSV columns hold which field, e.g. text=body,title=headline,date=published
    /// (fields: text, title, date, source, url, authors)
    #[arg(long, value_name = "MAP")]
    pub columns: Option<String>,
    /// Files, folders (read recursively), web addresses or feeds to import
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// Parses a path, accepting an empty value (an empty environment variable is as good as unset).
fn path_or_empty() -> impl clap::builder::TypedValueParser<Value = PathBuf> {
    use clap::builder::TypedValueParser as _;
    clap::builder::OsStringValueParser::new().map(PathBuf::from)
}

use crate::config::Config;
use crate::service::Context;

/// Runs a subcommand; errors already printed count as failure. (Without a subcommand juxta
/// opens the terminal UI: `main` dispatches that.)
pub fn run(ctx: &Context, config: &Config, command: Command) -> Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let ok = match command {
        Command::Add(args) => add(ctx, &args, &mut out)?,
        Command::List { json } => list(ctx, json, &mut out)?,
        Command::Show { id, json } => show(ctx, &id, json, &mut out)?,
        Command::Rm { ids } => rm(ctx, &ids, &mut out)?,
        Command::Compare(args) => compare::run(ctx, &config.export, &args, &mut out)?,
        Command::Actors(args) => extract::actors(ctx, &args, &mut out)?,
        Command::Events(args) => events::run(ctx, &args, &mut out)?,
        Command::Mentions(args) => extract::mentions(ctx, &args, &mut out)?,
        Command::Conflicts(args) => conflicts::run(ctx, &args, &mut out)?,
        Command::Quotes(args) => quotes::run(ctx, &args, &mut out)?,
        Command::Search { query, json, limit } => {
            search(ctx, &query.join(" "), json, limit, &mut out)?
        }
        Command::Stories { json } => stories::run(ctx, json, &mut out)?,
        Command::Check { repair } => check(ctx, repair, &mut out)?,
        Command::Completions { shell } => {
            write_completions(shell, &mut out)?;
            true
        }
        Command::Man => {
            write_man_page(&mut out)?;
            true
        }
    };
    out.flush()?;
    print_notices();
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Whether a command only prints what juxta is (completions, the manual) and so needs no store
/// or config: a broken config must not stop a user from installing completions.
pub fn needs_no_setup(command: &Command) -> bool {
    matches!(command, Command::Completions { .. } | Command::Man)
}

/// Writes the completion script for `shell`, generated from the same definitions as `--help`.
pub fn write_completions(shell: clap_complete::Shell, out: &mut impl Write) -> Result<()> {
    use clap::CommandFactory;
    // Generated into memory first: a write error then stays an `io::Error` (a closed pipe).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "juxta", &mut script);
    out.write_all(&script)?;
    Ok(())
}

/// Writes the manual page (roff), generated from the same definitions as `--help`, with a
/// section per subcommand.
pub fn write_man_page(out: &mut impl Write) -> Result<()> {
    use clap::CommandFactory;
    let cmd = Cli::command();
    let mut page = Vec::new();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    man.render_subcommands_section(&mut page)?;
    // Each command's own arguments, under one heading: clap_mangen renders a page per command,
    // while a user reading `man juxta` expects to find them all in one place.
    page.extend_from_slice(b".SH \"COMMAND ARGUMENTS\"\n");
    for sub in cmd.get_subcommands() {
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        page.extend(format!(".SS \"juxta {}\"\n{}\n", sub.get_name(), roff_text(&about)).bytes());
        for arg in sub
            .get_arguments()
            .filter(|a| !a.is_global_set() && !a.is_hide_set())
        {
            let name = match (arg.get_long(), arg.get_short()) {
                (Some(long), Some(short)) => format!("\\fB\\-{short}\\fR, \\fB\\-\\-{long}\\fR"),
                (Some(long), None) => format!("\\fB\\-\\-{long}\\fR"),
                _ => String::new(),
            };
            let value = arg
                .get_value_names()
                .map(|v| {
                    v.iter()
                        .map(|n| format!("<{n}>"))
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .unwrap_or_default();
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            page.extend(
                format!(
                    ".TP\n{}\n{}\n",
                    [name, roff_text(&value)].join(" ").trim(),
                    roff_text(&help)
                )
                .bytes(),
            );
        }
    }
    man.render_extra_section(&mut page)?;
    man.render_version_section(&mut page)?;
    out.write_all(&page)?;
    Ok(())
}

/// Text made safe for roff: backslashes escaped, and no line taken for a request.
fn roff_text(text: &str) -> String {
    text.replace('\\', "\\e")
        .lines()
        .map(|l| {
            if l.starts_with(['.', '\'']) {
                format!("\\&{l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Prints what the store had to say (a conversion, damaged articles) on stderr, once.
pub fn print_notices() {
    for notice in crate::store::take_notices() {
        report(&notice);
    }
}

/// Prints the archive's best matches for a query.
pub fn search(
    ctx: &Context,
    query: &str,
    json: bool,
    limit: usize,
    out: &mut impl Write,
) -> Result<bool> {
    let hits = crate::service::search_archive(&ctx.store()?, query, limit)?;
    if json {
        write_json(out, &hits)?;
        return Ok(true);
    }
    if hits.is_empty() {
        writeln!(out, "No article matches {query}.")?;
        return Ok(true);
    }
    let id_w = hits.iter().map(|h| h.article.len()).max().unwrap_or(2);
    for h in &hits {
        writeln!(
            out,
            "{:id_w$}  {}\n{:id_w$}  {}",
            h.article,
            printable_line(&h.title),
            "",
            printable_line(&h.snippet)
        )?;
    }
    Ok(true)
}

/// Verifies (and with `repair` repairs) the store; prints what it found.
pub fn check(ctx: &Context, repair: bool, out: &mut impl Write) -> Result<bool> {
    let store = ctx.store()?;
    let (report, repaired) = crate::service::check(&store, repair)?;
    if let Some(r) = &repaired {
        if r.views_dropped {
            crate::service::views(ctx, &[], crate::store::ViewParts::ActorSummary)?;
        }
        writeln!(
            out,
            "repaired: {} orphaned row{} removed, search index {}, {} article{} analysed again{}",
            r.orphans_removed,
            plural(r.orphans_removed),
            if r.index_rebuilt { "rebuilt" } else { "kept" },
            r.reanalysed,
            plural(r.reanalysed),
            if r.views_dropped {
                ", the archive's views built again"
            } else {
                ""
            }
        )?;
    }
    writeln!(
        out,
        "{}: {} article{}",
        store.db_path().display(),
        report.articles,
        plural(report.articles)
    )?;
    let mut problems = Vec::new();
    problems.extend(
        report
            .integrity
            .iter()
            .map(|p| format!("the database is damaged ({p}); restore it from a backup")),
    );
    if !report.index_ok {
        problems
            .push("the search index does not match the texts; run `juxta check --repair`".into());
    }
    if !report.views_ok {
        problems.push(
            "the events table stored with the archive's views is not whole; run `juxta check --repair`"
                .into(),
        );
    }
    if report.orphans > 0 {
        problems.push(format!(
            "{} orphaned row{} (texts or analysis of no article); run `juxta check --repair`",
            report.orphans,
            plural(report.orphans)
        ));
    }
    for (id, reason) in &report.damaged {
        problems.push(format!(
            "article \"{id}\" is damaged ({reason}); remove it with `juxta rm {id}` and import it again"
        ));
    }
    if !report.stale.is_empty() {
        problems.push(format!(
            "{} article{} lack up-to-date analysis; run `juxta check --repair`",
            report.stale.len(),
            plural(report.stale.len())
        ));
    }
    if problems.is_empty() {
        writeln!(
            out,
            "ok: integrity, search index, no orphaned rows, analysis up to date"
        )?;
    }
    for p in &problems {
        self::report(p);
    }
    Ok(problems.is_empty())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
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
    let mut opts = ctx.options.import.clone();
    opts.overrides = Meta {
        title: args.title.clone(),
        date,
        source: args.source.clone(),
        url: None,
        authors: Vec::new(),
    };
    opts.fetch_links = args.fetch_links;
    if let Some(spec) = &args.columns {
        opts.columns = match import::parse_columns(spec) {
            Ok(map) => map,
            Err(e) => anyhow::bail!("{e}; nothing was imported"),
        };
    }
    let store = ctx.store()?;
    let report = progress::import_with_progress(&store, &args.paths, &opts, out)?;
    print_summary(&report, out)?;
    Ok(report.ok())
}

/// Prints an import report: one line per article on `out`, one per failed source on stderr,
/// and a summary when there was more than one file or a failure. Returns whether every source
/// was imported.
pub fn print_import(report: &ImportReport, out: &mut impl Write) -> Result<bool> {
    for failure in &report.failures {
        self::report(failure);
    }
    for imported in &report.articles {
        print_imported(imported, out)?;
    }
    print_summary(report, out)?;
    Ok(report.ok())
}

/// The summary line, when there was more than one file or a failure.
fn print_summary(report: &ImportReport, out: &mut impl Write) -> std::io::Result<()> {
    if report.interrupted {
        eprintln!(
            "juxta: interrupted; the articles listed were imported, the sources after them were not read"
        );
    }
    if report.files > 1 || !report.ok() {
        writeln!(
            out,
            "{} added, {} already in the store, {} failed",
            report.added(),
            report.duplicates(),
            report.failures.len()
        )?;
    }
    Ok(())
}

/// One line for one imported article.
fn print_imported(imported: &Imported, out: &mut impl Write) -> std::io::Result<()> {
    {
        match imported {
            Imported::Added {
                article: a,
                words,
                origin,
            } => writeln!(
                out,
                "added {}  {}  ({} words, from {})",
                a.id,
                quoted_title(a),
                words,
                import::display_path(origin)
            )?,
            Imported::Duplicate {
                what,
                existing,
                by_url,
            } => writeln!(
                out,
                "skipped {what}: its {} already in the store as {existing}",
                if *by_url { "address is" } else { "text is" }
            )?,
        }
    }
    Ok(())
}

fn quoted_title(a: &Article) -> String {
    format!("“{}”", a.title)
}

/// Prints the store's articles as a table or JSON.
pub fn list(ctx: &Context, json: bool, out: &mut impl Write) -> Result<bool> {
    // Metadata only: listing reads no text (the word counts are stored).
    let articles = ctx.store()?.list_meta()?;
    let columns = crate::service::list_columns(ctx, articles.len())?;
    let extra = |id: &str| -> (Option<&str>, Option<f64>) {
        match columns.as_ref().and_then(|c| c.get(id)) {
            Some((story, originality)) => (Some(story.as_str()), Some(*originality)),
            None => (None, None),
        }
    };
    if json {
        let rows: Vec<_> = articles
            .iter()
            .map(|a| {
                let (story, originality) = extra(&a.id);
                ListRow {
                    story,
                    originality: originality.map(|o| (o * 1000.0).round() / 1000.0),
                    ..ListRow::from(a)
                }
            })
            .collect();
        write_json(out, &rows)?;
        return Ok(true);
    }
    if articles.is_empty() {
        write_empty_store(ctx, out)?;
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
    let story_w = id_w.max(5);
    let rows: Vec<_> = articles
        .iter()
        .map(|a| {
            let source = truncate(&printable_line(&a.source), 24);
            (a, source, a.words.to_string())
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
        "{:id_w$}  {:10}  {}  {:>words_w$}  ORIG  {:story_w$}  TITLE",
        "ID",
        "DATE",
        pad("SOURCE", src_w),
        "WORDS",
        "STORY",
    )?;
    for (a, source, words) in &rows {
        let (story, originality) = extra(&a.id);
        let originality =
            originality.map_or_else(|| "   –".to_string(), |o| format!("{:>3.0}%", o * 100.0));
        writeln!(
            out,
            "{:id_w$}  {:10}  {}  {:>words_w$}  {originality}  {:story_w$}  {}",
            a.id,
            a.date.map(|d| d.to_string()).unwrap_or_default(),
            pad(source, src_w),
            words,
            story.unwrap_or("–"),
            printable_line(&a.title)
        )?;
    }
    if columns.is_none() {
        eprintln!("{}", strings_list_ungrouped());
    }
    Ok(true)
}

/// Why `list` shows no stories: a large archive is grouped by `juxta stories`, not by `list`.
fn strings_list_ungrouped() -> String {
    format!(
        "juxta: the archive changed since it was last grouped into stories; run `juxta stories` \
         to fill the ORIG and STORY columns (`list` groups archives of up to {} articles itself).",
        crate::service::LIST_GROUPS_UP_TO
    )
}

/// One row of `juxta list --json`: the article without its text.
#[derive(serde::Serialize)]
struct ListRow<'a> {
    #[serde(flatten)]
    article: ArticleRow<'a>,
    hash: &'a str,
    imported_at: chrono::DateTime<chrono::Utc>,
    file_name: &'a str,
    /// The id of the article's story (`juxta stories`).
    story: Option<&'a str>,
    /// Share of its words not first printed elsewhere (README, "Originality"); null until
    /// the archive has been grouped (see `list_columns`).
    originality: Option<f64>,
}

impl<'a> From<&'a ArticleMeta> for ListRow<'a> {
    fn from(a: &'a ArticleMeta) -> Self {
        ListRow {
            article: ArticleRow {
                id: &a.id,
                title: &a.title,
                source: &a.source,
                authors: &a.authors,
                date: a.date,
                url: a.url.as_deref(),
                words: a.words,
            },
            hash: &a.hash,
            imported_at: a.imported_at,
            file_name: &a.file_name,
            story: None,
            originality: None,
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
    if !a.authors.is_empty() {
        writeln!(out, "Authors:  {}", printable_line(&a.authors.join(", ")))?;
    }
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

/// Says that the store holds no article and how to fill it (`list` and `stories` print it).
fn write_empty_store(ctx: &Context, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "The store at {} is empty; add articles with `juxta add PATH...`.",
        ctx.store_path.display()
    )
}

/// Writes pretty JSON and a newline. Serialized first, so that a write error stays an
/// `io::Error` (a closed pipe is then recognised as such, not reported as a JSON error).
fn write_json(out: &mut impl Write, value: &impl serde::Serialize) -> Result<()> {
    let json = serde_json::to_string_pretty(value)?;
    writeln!(out, "{json}")?;
    Ok(())
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
