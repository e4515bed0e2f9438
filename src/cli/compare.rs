//! `juxta compare`: the passages two articles share, or (with `--all`) which passages of one
//! article appear anywhere else in the store. Thin: the analysis is in
//! [`crate::analysis::overlap`] and [`crate::analysis::index`], the layout in [`crate::export`].

use crate::article::Article;
use crate::export::{self, AlignedPair, Format, RenderOptions, SharedReport};
use crate::service::{self, Context};
use anyhow::{Result, bail};
use clap::{Args, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

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

/// Narrowest `--width` accepted: two columns of a dozen characters.
const MIN_WIDTH: usize = 30;

/// Runs `juxta compare`.
pub fn run(
    ctx: &Context,
    export_options: &export::ExportOptions,
    args: &CompareArgs,
    out: &mut impl Write,
) -> Result<bool> {
    let width = args.width.unwrap_or(export_options.text_width);
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

fn compare_two(
    ctx: &Context,
    left: &str,
    right: &str,
    format: Format,
    opts: &RenderOptions,
) -> Result<String> {
    let c = service::compare_two(ctx, left, right)?;
    let pair = AlignedPair {
        left: &c.left,
        right: &c.right,
        alignment: &c.alignment,
        first_in: &c.first_in,
    };
    let pre = export::Precomputed {
        prepared: [&c.prepared[0], &c.prepared[1]],
        extractions: &c.extractions,
    };
    Ok(export::render_with(&pair, Some(pre), format, opts))
}

fn compare_all(ctx: &Context, left: &str, format: Format, opts: &RenderOptions) -> Result<String> {
    let found = service::compare_all(ctx, left)?;
    let corpus: Vec<&Article> = found.corpus.iter().collect();
    let report = SharedReport {
        article: &found.article,
        corpus: &corpus,
        spans: &found.spans,
        originality: found.originality,
        compared_with: found.compared_with,
        boilerplate_over: found.boilerplate.then_some(service::MAX_SHARERS),
    };
    Ok(export::render_shared(&report, format, opts))
}
