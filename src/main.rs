//! The `discern` command: parse the command line, run the command, map the
//! outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;
use discern::{cli, commands};

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let ctx = commands::Ctx::new(&cli.global);
    match commands::run(&ctx, cli.command) {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("discern: {failure}");
            ExitCode::from(2)
        }
    }
}
