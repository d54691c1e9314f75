//! The `discern` command: parse the command line, run the command, map the
//! outcome to an exit code.

use std::process::ExitCode;

use clap::FromArgMatches;
use discern::{cli, commands};

fn main() -> ExitCode {
    let matches = cli::command(cli::early_lang()).get_matches();
    let cli = match cli::Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let ctx = commands::Ctx::new(&cli.global);
    match commands::run(&ctx, cli.command) {
        Ok(code) => code,
        Err(failure) => {
            discern::tell!("discern: {failure}");
            ExitCode::from(2)
        }
    }
}
