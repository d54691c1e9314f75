//! The `discern` command: parse the command line, run the command, map the
//! outcome to an exit code.

// Every `unsafe` call discern needs lives in the small `discern-os` crate.
#![forbid(unsafe_code)]
// No `println!`: it panics on a closed output (see lib.rs).
#![deny(clippy::print_stdout, clippy::print_stderr)]

use std::io::Write;
use std::process::ExitCode;

use clap::FromArgMatches;
use discern::{cli, commands};

fn main() -> ExitCode {
    discern::tui::ignore_file_size_limit();
    let lang = cli::early_lang();
    // A completion script asking for the words that may come next (at each
    // Tab): answered before anything else is written.
    commands::complete::answer_if_asked(lang);
    let matches = match cli::command(lang).try_get_matches() {
        Ok(matches) => matches,
        Err(e) => return command_line_error(lang, &e),
    };
    let cli = match cli::Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let ctx = commands::context(&cli.global);
    match commands::run(&ctx, cli.command) {
        Ok(code) => code,
        Err(failure) => {
            // Not eprintln: standard error may be a terminal that was closed.
            let told = format!("discern: {}", ctx.lang.failure(&failure));
            let _ = writeln!(std::io::stderr(), "{}", discern::text::for_terminal(&told));
            ExitCode::from(2)
        }
    }
}

/// Help and version are printed as asked; a mistake is told in the user's
/// language, with exit status 2.
fn command_line_error(lang: discern::text::Lang, e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(2)
        }
        _ => {
            let _ = writeln!(std::io::stderr(), "{}", discern::text::for_terminal(&lang.cli_error(e)));
            ExitCode::from(2)
        }
    }
}
