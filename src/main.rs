use clap::Parser;
use juxta::cli::Cli;
use juxta::service::Context;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = Context::new(cli.store, cli.config.as_deref())
        .map_err(anyhow::Error::from)
        .and_then(|ctx| match cli.command {
            Some(command) => juxta::cli::run(&ctx, command),
            None => juxta::tui::run(&ctx, &cli.paths).map(|ok| {
                if ok {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::FAILURE
                }
            }),
        });
    match result {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`juxta list | head`) is the reader's choice, not an error.
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("juxta: {e:#}");
            ExitCode::FAILURE
        }
    }
}
