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
    let (code, lang) = run();
    if code != ExitCode::SUCCESS {
        keep_window_open(lang);
    }
    code
}

/// Runs the command line; the exit code, and the language it spoke.
fn run() -> (ExitCode, discern::text::Lang) {
    discern::tui::ignore_file_size_limit();
    let lang = cli::early_lang();
    // A completion script asking for the words that may come next (at each
    // Tab): answered before anything else is written.
    commands::complete::answer_if_asked(lang);
    let matches = match cli::command(lang).try_get_matches() {
        Ok(matches) => matches,
        Err(e) => return (command_line_error(lang, &e), lang),
    };
    let cli = match cli::Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let ctx = commands::context(&cli.global);
    let code = match commands::run(&ctx, cli.command) {
        Ok(code) => code,
        Err(failure) => {
            // Not eprintln: standard error may be a terminal that was closed.
            let told = format!("discern: {}", ctx.lang.failure(&failure));
            let _ = writeln!(std::io::stderr(), "{}", discern::text::for_terminal(&told));
            ExitCode::from(2)
        }
    };
    (code, ctx.lang)
}

/// On Windows, a program started by a double-click gets a console window of
/// its own, which closes the moment the program ends: a message said just
/// before would vanish unread. There (and only there: not from Windows
/// Terminal, PowerShell or cmd, whose window stays), discern waits for Enter.
#[cfg(windows)]
fn keep_window_open(lang: discern::text::Lang) {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !discern_os::console::alone_in_console() {
        return;
    }
    let _ = write!(std::io::stderr(), "\n{} ", lang.press_enter_to_close());
    let _ = std::io::stdin().read_line(&mut String::new());
}

#[cfg(not(windows))]
fn keep_window_open(_: discern::text::Lang) {}

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
