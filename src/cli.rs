//! The command line, as clap definitions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::documents::ExportFormat;
use crate::documents::compare::CompareFormat;
use crate::documents::handout::HandoutFormat;
use crate::lang::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "discern",
    version,
    about = "Walk an ethical reading grid about sharing confidential information, and keep a private reasoning trail."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args, Clone)]
pub struct Global {
    /// Language of the interface (default: config file, then LANG).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
    /// Folder of trails and user grids (default: DISCERN_DATA_DIR, then the system's data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Plain questions and answers on standard input and output, no full screen.
    #[arg(long, global = true)]
    pub plain: bool,
    /// Read the passphrase of an encrypted data folder from the first line of FILE, without its line end (LF or CRLF) and without a UTF-8 byte-order mark (for scripts).
    #[arg(long, global = true, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Grids: list, check, show, new.
    #[command(subcommand)]
    Grid(GridCommand),
    /// Start a new trail with a grid.
    New {
        /// A grid id, or the path of a grid file.
        #[arg(long, value_name = "ID|PATH")]
        grid: String,
        /// The trail's title (no names: pseudonyms or initials).
        #[arg(long, value_name = "TITLE")]
        title: String,
        /// Write nothing to disk (workshops, demonstrations).
        #[arg(long)]
        ephemeral: bool,
        /// At the end, export the trail to this file (also with --ephemeral), never over an existing file, unless --force.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the file of --output if it already exists.
        #[arg(long, requires = "output")]
        force: bool,
        /// The format of --output.
        #[arg(long, value_enum, default_value = "md")]
        format: ExportFormat,
    },
    /// Open a trail to go on with it.
    Open {
        /// An id, a unique prefix of one, or a path.
        trail: String,
    },
    /// List the trails, newest first.
    List {
        /// One JSON array of the trails, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Export a trail.
    Export {
        /// An id, a unique prefix of one, or a path; TRAIL@YYYY-MM-DD is the trail as it stood that day.
        trail: String,
        /// The format: md, txt, html (a page to print) or json.
        #[arg(long, value_enum, default_value = "md")]
        format: ExportFormat,
        /// Write to this file instead of standard output (never over an existing file, unless --force).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the file of --output if it already exists.
        #[arg(long, requires = "output")]
        force: bool,
        /// The supervision copy: references' texts, the history of changed answers, annotations.
        #[arg(long)]
        full: bool,
        /// Export even when the privacy check finds something.
        #[arg(long)]
        yes: bool,
    },
    /// Delete a trail.
    Delete {
        /// An id, a unique prefix of one, or a path.
        trail: String,
        /// Delete without asking first.
        #[arg(long)]
        yes: bool,
    },
    /// Delete the trails not changed for DAYS days (default: retention_days of the config file).
    Purge {
        /// How many days without a change make a trail old.
        #[arg(long, value_name = "DAYS")]
        older_than: Option<u32>,
        /// Delete without asking first.
        #[arg(long)]
        yes: bool,
    },
    /// Read a trail with the history of each answer, and annotate it.
    Review {
        /// An id, a unique prefix of one, or a path; TRAIL@YYYY-MM-DD is the trail as it stood that day.
        trail: String,
    },
    /// Compare trails made with the same grid, question by question.
    Compare {
        /// Trails (TRAIL or TRAIL@DATE), or their JSON exports (FILE.json); from three on, choices are counted.
        #[arg(required = true, num_args = 2..)]
        trails: Vec<String>,
        /// The format: md, txt or html (a page to project or print); without it, read on the screen.
        #[arg(long, value_enum)]
        format: Option<CompareFormat>,
        /// No titles: the answers are labelled P1, P2… (for a projector).
        #[arg(long)]
        anonymous: bool,
        /// Versions of one trail (TRAIL@DATE TRAIL): every answer, not only those that changed.
        #[arg(long)]
        all: bool,
        /// Write to this file (never over an existing file, unless --force); .html or .txt gives the format.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the file of --output if it already exists.
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// The trails whose revisit date has come, oldest first.
    Due,
    /// Come back to a decision: what happened, whether it held, what you learned.
    FollowUp {
        /// An id, a unique prefix of one, or a path.
        trail: String,
    },
    /// The privacy warnings of a whole trail.
    Lint {
        /// An id, a unique prefix of one, or a path; TRAIL@YYYY-MM-DD is the trail as it stood that day.
        trail: String,
    },
    /// Encrypt the data folder: every trail, the index and the author name, with a passphrase.
    Encrypt,
    /// Decrypt the data folder: back to plaintext files.
    Decrypt,
    /// Change the passphrase of the encrypted data folder (the trails stay as they are).
    Passphrase {
        /// Read the new passphrase from the first line of FILE, as --passphrase-file reads the current one (for scripts).
        #[arg(long, value_name = "FILE")]
        new_passphrase_file: Option<PathBuf>,
    },
    /// Print the completion script for a shell (bash, zsh, fish, powershell).
    Completions {
        /// The shell: bash, zsh, fish or powershell.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff).
    Man,
}

/// The shells `discern completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

#[derive(Debug, Subcommand)]
pub enum GridCommand {
    /// The grids that can be walked.
    List,
    /// Check grid files; every problem with file, line and column.
    Check {
        /// The grid files to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// The whole grid as a handout.
    Show {
        /// A grid id, or the path of a grid file.
        #[arg(value_name = "ID|PATH")]
        grid: String,
        /// The format: md, txt or html (a page to print).
        #[arg(long, value_enum, default_value = "md")]
        format: HandoutFormat,
        /// The worksheet participants fill in on paper: numbered questions, boxes to tick, lines to write on; no guidance.
        #[arg(long)]
        worksheet: bool,
    },
    /// Write a commented starter grid in your grid folder.
    New {
        /// The new grid's id: lowercase letters, digits and dashes (default: my-grid).
        id: Option<String>,
    },
}

/// The language for the help, known before the arguments are parsed:
/// `--lang` if it is there, else the locale.
pub fn early_lang() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let flag = args.iter().enumerate().find_map(|(i, a)| {
        let value = a
            .strip_prefix("--lang=")
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).map(String::as_str)).flatten())?;
        <Lang as ValueEnum>::from_str(value, true).ok()
    });
    Lang::detect(flag, None)
}

/// The command line with its help in `lang`.
pub fn command(lang: Lang) -> clap::Command {
    use clap::CommandFactory;
    let mut cmd = Cli::command()
        .mut_subcommand("completions", |s| s.about(lang.cli_completions()))
        .mut_subcommand("man", |s| s.about(lang.cli_man()))
        .mut_subcommand("grid", |g| g.mut_subcommand("check", |c| c.after_help(lang.cli_grid_format_page())));
    for (path, help) in lang.cli_help() {
        cmd = localize(cmd, path, help);
    }
    // The options every command takes come after a command's own, and
    // the help and version flags last (clap would mix them by the order
    // of their declaration in each struct).
    for (order, id) in ["lang", "data_dir", "plain", "passphrase_file"].into_iter().enumerate() {
        cmd = cmd.mut_arg(id, |a| a.display_order(GLOBAL_ORDER + order));
    }
    let cmd = cmd.disable_version_flag(true).arg(
        clap::Arg::new("version")
            .short('V')
            .long("version")
            .action(clap::ArgAction::Version)
            .display_order(GLOBAL_ORDER + 11)
            .help(lang.cli_print_version()),
    );
    let cmd = value_names(cmd, lang);
    let mut cmd = fixed_words(cmd, lang);
    // The `help` command exists once the command is built.
    cmd.build();
    help_command_words(cmd, lang)
}

/// Where the options every command takes start, in the help's order.
const GLOBAL_ORDER: usize = 1000;

/// The placeholders of values (`<TRAIL>`, `<FILE>`) in `lang`, in a command
/// and its subcommands.
fn value_names(cmd: clap::Command, lang: Lang) -> clap::Command {
    let args: Vec<(String, Vec<String>)> = cmd
        .get_arguments()
        .filter(|a| a.get_action().takes_values())
        .map(|a| {
            let names = match a.get_value_names() {
                Some(names) => names.iter().map(|n| n.to_string()).collect(),
                None => vec![a.get_id().as_str().to_uppercase()],
            };
            (a.get_id().to_string(), names)
        })
        .collect();
    let mut cmd = cmd;
    for (id, names) in args {
        let names: Option<Vec<&'static str>> = names.iter().map(|n| lang.cli_value_name(n)).collect();
        if let Some(names) = names {
            cmd = cmd.mut_arg(id, |a| a.value_names(names));
        }
    }
    let subs: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in subs {
        cmd = cmd.mut_subcommand(name, |s| value_names(s, lang));
    }
    cmd
}

/// The about of every `help` command (one per command with subcommands).
fn help_command_words(cmd: clap::Command, lang: Lang) -> clap::Command {
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    let mut cmd = cmd;
    for name in names {
        cmd = if name == "help" {
            cmd.mut_subcommand(name, |s| s.about(lang.cli_help_command()))
        } else {
            cmd.mut_subcommand(name, |s| help_command_words(s, lang))
        };
    }
    cmd
}

/// The words clap writes by itself, in `lang`, for a command and its
/// subcommands: the headings, the help flag, the possible and default
/// values.
fn fixed_words(cmd: clap::Command, lang: Lang) -> clap::Command {
    use crate::text::CliHeading;
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    let mut template = format!("{{about-with-newline}}\n{} {{usage}}\n", lang.cli_usage_heading());
    let mut cmd = cmd;
    if !names.is_empty() {
        template += &format!("\n{}\n{{subcommands}}\n", lang.cli_heading(CliHeading::Commands));
        cmd = cmd.subcommand_value_name(lang.cli_command_placeholder());
    }
    if cmd.get_positionals().next().is_some() {
        template += &format!("\n{}\n{{positionals}}\n", lang.cli_heading(CliHeading::Arguments));
    }
    template += &format!("\n{}\n{{options}}", lang.cli_heading(CliHeading::Options));
    if cmd.get_after_help().is_some() {
        template += "{after-help}";
    }
    let mut cmd = cmd.help_template(template).disable_help_flag(true).arg(
        clap::Arg::new("help")
            .short('h')
            .long("help")
            .action(clap::ArgAction::Help)
            .display_order(GLOBAL_ORDER + 10)
            .help(lang.cli_print_help()),
    );
    let args: Vec<(String, Vec<String>, Vec<String>, String)> = cmd
        .get_arguments()
        .filter(|a| a.get_action().takes_values())
        .map(|a| {
            let values = a
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            let defaults = a.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
            let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
            (a.get_id().to_string(), values, defaults, help)
        })
        .collect();
    for (id, values, defaults, help) in args {
        if values.is_empty() && defaults.is_empty() {
            continue;
        }
        let mut words = help;
        if let Some(default) = defaults.first() {
            words = format!("{words} {}", lang.cli_default_value(default));
        }
        if !values.is_empty() {
            words = format!("{words} {}", lang.cli_possible_values(&values));
        }
        cmd = cmd.mut_arg(id, |a| {
            a.hide_possible_values(true).hide_default_value(true).help(words.trim().to_string())
        });
    }
    for name in names {
        cmd = cmd.mut_subcommand(name, |s| fixed_words(s, lang));
    }
    cmd
}

fn localize(cmd: clap::Command, path: &str, help: &'static str) -> clap::Command {
    match path.split_once('/') {
        None if path.is_empty() => cmd.about(help),
        None => cmd.mut_subcommand(path, |s| s.about(help)),
        Some(("-", arg)) => cmd.mut_arg(arg, |a| a.help(help)),
        Some((sub, rest)) => cmd.mut_subcommand(sub, |s| {
            let is_sub = s.get_subcommands().any(|c| c.get_name() == rest.split('/').next().unwrap_or(""));
            if is_sub || rest.contains('/') {
                localize(s, rest, help)
            } else {
                s.mut_arg(rest, |a| a.help(help))
            }
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and every option the command line defines has its
    /// French help: none is left in English for a French user.
    #[test]
    fn every_help_line_exists_in_french() {
        use clap::CommandFactory;
        fn paths(cmd: &clap::Command, prefix: &str, out: &mut Vec<String>) {
            for arg in cmd.get_arguments().filter(|a| a.get_help().is_some() && !a.is_global_set()) {
                let name = arg.get_id().as_str();
                out.push(if prefix.is_empty() { format!("-/{name}") } else { format!("{prefix}/{name}") });
            }
            for sub in cmd.get_subcommands().filter(|s| !["completions", "man"].contains(&s.get_name())) {
                let path = if prefix.is_empty() {
                    sub.get_name().to_string()
                } else {
                    format!("{prefix}/{}", sub.get_name())
                };
                out.push(path.clone());
                paths(sub, &path, out);
            }
        }
        let mut all = Vec::new();
        paths(&Cli::command(), "", &mut all);
        let french: Vec<&str> = Lang::Fr.cli_help().iter().map(|(path, _)| *path).collect();
        let missing: Vec<&String> = all.iter().filter(|p| !french.contains(&p.as_str())).collect();
        assert!(missing.is_empty(), "no French help for {missing:?}");
    }
}
