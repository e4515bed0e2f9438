//! `juxta compare`. CONTRACT SKELETON: the alignment helper implements it.

use super::Context;
use anyhow::Result;
use clap::{Args, ValueEnum};
use std::io::Write;
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

/// Runs `juxta compare`.
pub fn run(ctx: &Context, args: &CompareArgs, out: &mut impl Write) -> Result<bool> {
    let _ = (ctx, args, out);
    todo!("compare command")
}
