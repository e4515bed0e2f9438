//! `juxta compare`: the passages two articles share, or (with `--all`) which passages of one
//! article appear anywhere else in the store. Thin: the analysis is in
//! [`crate::analysis::overlap`] and [`crate::analysis::index`], the layout in [`crate::export`].

use super::Context;
use crate::analysis::index::CorpusIndex;
use crate::analysis::overlap;
use crate::article::Article;
use crate::export::{self, Comparison, RenderOptions, SharedReport};
use anyhow::{Result, bail};
use clap::{Args, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// Output formats of `juxta compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Side-by-side columns with numbered passage markers
    Text,
    /// Machine-readable passages with byte offsets
    Json,
    /// Markdown
    Markdown,
    /// Self-contained HTML page
    Html,
}

/// When to colour text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set
    Auto,
    /// Always
    Always,
    /// Never
    Never,
}

/// Arguments of `juxta compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// First article: a file or a store id
    #[arg(value_name = "A")]
    pub left: String,
    /// Second article: a file or a store id (not with --all)
    #[arg(value_name = "B", required_unless_present = "all")]
    pub right: Option<String>,
    /// Compare A with every article in the store: which of its passages appear elsewhere
    #[arg(long, conflicts_with = "right")]
    pub all: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Width of the text output in columns [default: from the config]
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
    /// Write to FILE instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Colour the text output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

impl From<Format> for export::Format {
    fn from(f: Format) -> Self {
        match f {
            Format::Text => export::Format::Text,
            Format::Json => export::Format::Json,
            Format::Markdown => export::Format::Markdown,
            Format::Html => export::Format::Html,
        }
    }
}

/// Narrowest `--width` accepted: two columns of a dozen characters.
const MIN_WIDTH: usize = 30;

/// Runs `juxta compare`.
pub fn run(ctx: &Context, args: &CompareArgs, out: &mut impl Write) -> Result<bool> {
    let width = args.width.unwrap_or(ctx.config.compare.text_width);
    if width < MIN_WIDTH {
        bail!("--width {width} is too narrow for two columns; give at least {MIN_WIDTH}");
    }
    let color = args.format == Format::Text
        && match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                args.output.is_none()
                    && std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
    let opts = RenderOptions { width, color };
    let rendered = match &args.right {
        Some(right) => compare_two(ctx, &args.left, right, args.format, &opts)?,
        None => compare_all(ctx, &args.left, args.format, &opts)?,
    };
    match &args.output {
        Some(path) => {
            export::write_file(path, &rendered)?;
            eprintln!("juxta: wrote {}", path.display());
        }
        None => out.write_all(rendered.as_bytes())?,
    }
    Ok(true)
}

/// Loads the one article an argument names.
fn one_article(ctx: &Context, arg: &str) -> Result<Article> {
    let mut found = super::load_articles(ctx, &[arg.to_string()])?;
    if found.len() != 1 {
        bail!(
            "{arg} holds {} articles, but compare takes one article per argument; name a single file or a store id (see `juxta list`)",
            found.len()
        );
    }
    Ok(found.remove(0))
}

fn compare_two(
    ctx: &Context,
    left: &str,
    right: &str,
    format: Format,
    opts: &RenderOptions,
) -> Result<String> {
    // The two sides are read and prepared independently, on two threads.
    let load = |name: &str| {
        one_article(ctx, name).map(|a| {
            let prepared = overlap::Prepared::new(&a.text);
            (a, prepared)
        })
    };
    let (left, right) = std::thread::scope(|s| {
        let other = s.spawn(|| load(right));
        let l = load(left);
        let r = other
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (l, r)
    });
    let ((left, left_prepared), (mut right, right_prepared)) = (left?, right?);
    if right.id == left.id && right.hash != left.hash {
        // Two files with the same name in different folders: keep the sides apart.
        right.id = crate::import::unique_id(&right.id, |id| id == left.id);
    }
    let alignment = overlap::align_prepared(&left_prepared, &right_prepared, &ctx.config.compare);

    let c = Comparison {
        left: &left,
        right: &right,
        alignment: &alignment,
    };
    Ok(export::render(&c, format.into(), opts))
}

fn compare_all(ctx: &Context, left: &str, format: Format, opts: &RenderOptions) -> Result<String> {
    let article = one_article(ctx, left)?;
    let stored = ctx.store()?.list()?;
    let mut corpus: Vec<&Article> = vec![&article];
    corpus.extend(
        stored
            .iter()
            .filter(|a| a.id != article.id && a.hash != article.hash),
    );
    let texts: Vec<&str> = corpus.iter().map(|a| a.text.as_str()).collect();
    let index = CorpusIndex::build(&texts, &ctx.config.compare);
    let spans = index.shared_spans(0);
    let report = SharedReport {
        article: &article,
        corpus: &corpus,
        spans: &spans,
        originality: index.originality(0),
        compared_with: corpus.len() - 1,
    };
    Ok(export::render_shared(&report, format.into(), opts))
}
