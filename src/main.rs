use anyhow::Context as _;
use clap::parser::ValueSource;
use clap::{CommandFactory, FromArgMatches};
use juxta::cli::Cli;
use juxta::config::Config;
use juxta::service::Context;
use std::process::ExitCode;

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    // An empty JUXTA_STORE or JUXTA_CONFIG means "not set", but an empty value typed on the
    // command line is a mistake (an unset shell variable, `--store "$DIR"`): using the default
    // store instead would import into the wrong place without a word.
    for flag in ["store", "config"] {
        if matches.value_source(flag) == Some(ValueSource::CommandLine)
            && matches
                .get_one::<std::path::PathBuf>(flag)
                .is_some_and(|p| p.as_os_str().is_empty())
        {
            Cli::command()
                .error(
                    clap::error::ErrorKind::InvalidValue,
                    format!(
                        "--{flag} was given an empty value; name a {} or leave the flag out",
                        if flag == "store" { "folder" } else { "file" }
                    ),
                )
                .exit();
        }
    }
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    if cli.command.is_some() {
        keep_freed_memory();
    }
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`juxta list | head`) is the reader's choice, not an error.
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("juxta: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Lets a command reuse the memory it frees instead of faulting in fresh pages. glibc gives
/// a block of more than 128 KB its own mapping, unmapped when freed, and gives the top of the
/// heap back to the system whenever more than 128 KB of it is free, so each phase of a command
/// (reading, extraction, merging people, writing) faults in and zeroes its pages anew: on 1 MB
/// of text, `juxta events --json` took 4,000 page faults and a fifth of its CPU time in them.
/// Blocks up to 32 MB from the heap, and 8 MB kept spare at its top, save 40 % of the faults and
/// a tenth of the command's CPU time without raising its peak memory; the terminal UI, which
/// runs for hours, keeps glibc's default.
fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets parameters of glibc's allocator, which takes its own lock; it
    // is called before the command starts any thread.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TOP_PAD, 8 << 20);
    }
}

/// Whether an error comes from writing to a closed pipe, wherever in the chain it sits: the
/// JSON writers wrap the `io::Error` in a `serde_json::Error`, and context layers wrap both.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// Loads the config, finds the store, and runs a subcommand or (without one) the terminal UI.
fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Some(command) = cli
        .command
        .as_ref()
        .filter(|c| juxta::cli::needs_no_setup(c))
    {
        let mut out = std::io::stdout().lock();
        match command {
            juxta::cli::Command::Completions { shell } => {
                juxta::cli::write_completions(*shell, &mut out)?
            }
            _ => juxta::cli::write_man_page(&mut out)?,
        }
        std::io::Write::flush(&mut out)?;
        return Ok(ExitCode::SUCCESS);
    }
    // Empty values (an empty JUXTA_STORE or JUXTA_CONFIG) mean "not set".
    let config_path = cli.config.filter(|p| !p.as_os_str().is_empty());
    let config = Config::load(config_path.as_deref())?;
    let store_path = match cli.store.filter(|p| !p.as_os_str().is_empty()) {
        Some(p) => p,
        None => juxta::config::default_store_path().context(
            "cannot find a data folder for the store (no home directory); pass --store DIR",
        )?,
    };
    let ctx = Context::new(store_path, config.service_options());
    match cli.command {
        Some(command) => juxta::cli::run(&ctx, &config, command),
        None => {
            let ok = juxta::tui::run(&ctx, &config.tui_options(), &cli.paths);
            // After the terminal is restored, so that they can be read.
            juxta::cli::print_notices();
            Ok(if ok? {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
    }
}
