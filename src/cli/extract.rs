//! `juxta actors`, `juxta events`, `juxta mentions`. CONTRACT SKELETON: the extraction helper
//! implements them.

use super::Context;
use anyhow::Result;
use clap::Args;
use std::io::Write;

/// Arguments of `juxta actors` and `juxta events`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Print JSON
    #[arg(long)]
    pub json: bool,
    /// Files, folders or store ids [default: the whole store]
    #[arg(value_name = "PATH|ID")]
    pub articles: Vec<String>,
}

/// Arguments of `juxta mentions`.
#[derive(Debug, Args)]
pub struct MentionsArgs {
    /// The person: any name or alias ("Peskov", "Dmitri S. Peskov")
    pub name: String,
    /// Print JSON
    #[arg(long)]
    pub json: bool,
    /// Files, folders or store ids [default: the whole store]
    #[arg(value_name = "PATH|ID")]
    pub articles: Vec<String>,
}

/// Runs `juxta actors`.
pub fn actors(ctx: &Context, args: &ExtractArgs, out: &mut impl Write) -> Result<bool> {
    let _ = (ctx, args, out);
    todo!("actors command")
}

/// Runs `juxta events`.
pub fn events(ctx: &Context, args: &ExtractArgs, out: &mut impl Write) -> Result<bool> {
    let _ = (ctx, args, out);
    todo!("events command")
}

/// Runs `juxta mentions`.
pub fn mentions(ctx: &Context, args: &MentionsArgs, out: &mut impl Write) -> Result<bool> {
    let _ = (ctx, args, out);
    todo!("mentions command")
}
