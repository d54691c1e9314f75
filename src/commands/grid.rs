//! `discern grid list|check|show|new`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{Ctx, Failure};
use crate::cli::GridCommand;
use crate::documents::handout::{self, HandoutFormat};
use crate::documents::worksheet;
use crate::grid::library::{self, Library, Origin};
use crate::grid::translation::{self, Version};
use crate::grid::{Grid, is_grid_id};
use crate::text::for_terminal;

pub fn run(ctx: &Ctx, command: GridCommand) -> Result<ExitCode, Failure> {
    match command {
        GridCommand::List => list(ctx),
        GridCommand::Check { files } => Ok(check(ctx, &files)),
        GridCommand::Show { grid, format, worksheet } => show(ctx, &grid, format, worksheet),
        GridCommand::New { id } => new(ctx, id.as_deref()),
    }
}

fn list(ctx: &Ctx) -> Result<ExitCode, Failure> {
    let lang = ctx.lang;
    let library = Library::load(&ctx.grids_dir());
    let mut out = String::new();
    for entry in &library.entries {
        let origin = match &entry.origin {
            Origin::Shipped(_) => lang.origin_shipped(),
            Origin::User(p) => p.display().to_string(),
        };
        match &entry.grid {
            Ok(g) => {
                let m = &g.meta;
                let mut line =
                    format!("{:<20} {:<5} {:<8} {}  [{origin}]", m.id, m.language, m.version, m.title);
                if entry.overridden {
                    line.push_str(&format!(" — {}", lang.replaced_by_user_grid()));
                }
                if entry.overrides {
                    line.push_str(&format!(" — {}", lang.replaces_shipped_grid()));
                }
                out.push_str(&line);
            }
            Err(problems) => {
                let first = problems
                    .first()
                    .map(|p| lang.problem_line(&entry.origin.file_label(), p))
                    .unwrap_or_default();
                out.push_str(&format!(
                    "{:<20} {}  [{origin}]\n    {first}",
                    lang.broken(),
                    lang.broken_count(crate::grid::problem_count(problems))
                ));
            }
        }
        out.push('\n');
    }
    let drifts = library.user_drifts();
    if !drifts.is_empty() {
        out.push_str(&format!("\n{}\n", lang.translations_differ()));
        for d in &drifts {
            out.push_str(&format!("{}\n", lang.drift_line(d)));
        }
    }
    print(&out)
}

fn check(ctx: &Ctx, files: &[std::path::PathBuf]) -> ExitCode {
    let mut failed = false;
    let mut out = std::io::stdout().lock();
    let mut valid = Vec::new();
    for file in files {
        let label = file.display().to_string();
        match library::load_file_with_text(file) {
            (text, Ok(grid)) => {
                let _ = writeln!(out, "{}", for_terminal(&format!("{label}: ok")));
                valid.push((label, text, grid));
            }
            (_, Err(problems)) => {
                failed = true;
                for p in problems {
                    let _ = writeln!(out, "{}", for_terminal(&ctx.lang.problem_line(&label, &p)));
                }
            }
        }
    }
    // Several files of one grid id: the translation check.
    let versions: Vec<Version> =
        valid.iter().map(|(label, text, grid)| Version { label: label.clone(), src: text, grid }).collect();
    for drift in translation::check_all(&versions) {
        failed = true;
        let _ = writeln!(out, "{}", for_terminal(&ctx.lang.drift_line(&drift)));
    }
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

/// Finds the grid an argument names: a file path (returned too), or an id
/// in the library.
pub fn resolve(ctx: &Ctx, arg: &str) -> Result<(Grid, Option<std::path::PathBuf>), Failure> {
    let lang = ctx.lang;
    if library::looks_like_path(arg) || Path::new(arg).is_file() {
        let grid = library::load_file(Path::new(arg))
            .map_err(|problems| Failure::GridHasErrors { arg: arg.to_string(), problems })?;
        let path = std::fs::canonicalize(arg).unwrap_or_else(|_| arg.into());
        return Ok((grid, Some(path)));
    }
    // Only the user's grids that may be this one are parsed: a broken or
    // huge grid of another id costs this command nothing but a read.
    match Library::load_for(&ctx.grids_dir(), arg).find(arg, lang.tag()) {
        Some((_, grid)) => Ok((grid.clone(), None)),
        None => {
            let known = Library::load(&ctx.grids_dir()).ids();
            Err(Failure::NoSuchGrid { arg: arg.to_string(), known })
        }
    }
}

/// The handout, or with `worksheet` the sheet participants fill in.
fn show(ctx: &Ctx, arg: &str, format: HandoutFormat, worksheet: bool) -> Result<ExitCode, Failure> {
    let (grid, _) = resolve(ctx, arg)?;
    if worksheet {
        return print(&worksheet::render(&grid, format, ctx.lang));
    }
    print(&handout::render(&grid, format, ctx.lang))
}

/// Writes a starter grid named `id`, or, without one, the first of
/// « ma-grille », « ma-grille-2 »… (in English "my-grid"…) that no grid of the
/// folder uses yet, in any language: a named id that exists is refused.
fn new(ctx: &Ctx, id: Option<&str>) -> Result<ExitCode, Failure> {
    let lang = ctx.lang;
    if let Some(id) = id
        && !is_grid_id(id)
    {
        return Err(Failure::BadGridId(id.to_string()));
    }
    let dir = ctx.grids_dir();
    crate::paths::create_private_dir(&dir)
        .map_err(|error| Failure::CannotCreate { path: dir.clone(), error })?;
    let id = match id {
        Some(id) => id.to_string(),
        None => free_starter_id(&dir, lang.starter_grid_id()),
    };
    let path = dir.join(format!("{id}.{}.toml", lang.tag()));
    let text = lang.starter_grid(&id);
    // An existing grid is never written over.
    match crate::files::create_new(&path, text.as_bytes()) {
        Ok(()) => {
            crate::say!("{}", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Failure::GridExists(path)),
        Err(error) => Err(Failure::CannotWrite { path, error }),
    }
}

/// `base`, else `base-2`, `base-3`…: the first id no file of `dir` starts
/// with, so that a starter is never taken for a translation of another grid.
fn free_starter_id(dir: &Path, base: &str) -> String {
    let names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    let used = |id: &str| names.iter().any(|name| name.starts_with(&format!("{id}.")));
    (1..)
        .map(|n| if n == 1 { base.to_string() } else { format!("{base}-{n}") })
        .find(|id| !used(id))
        .expect("some number is free")
}

/// Prints to standard output, through [`for_terminal`]; a closed pipe
/// (`| head`) is not an error.
pub fn print(text: &str) -> Result<ExitCode, Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(for_terminal(text).as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Failure::Io(e)),
    }
}
