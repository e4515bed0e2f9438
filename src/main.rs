use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = juxta::cli::Cli::parse();
    match juxta::cli::run(cli) {
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
