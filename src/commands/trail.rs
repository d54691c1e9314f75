//! `discern new|open|list|export|delete|purge`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use super::grid::{print, resolve};
use super::{Ctx, Failure};
use crate::documents::compare::CompareFormat;
use crate::documents::{ExportFormat, compare, export};
use crate::grid::Grid;
use crate::ops;
use crate::plain::Plain;
use crate::text::{Lang, TerminalSafe, for_terminal, json_for_terminal};
use crate::trail::store::encryption::folder_state;
use crate::trail::store::{Lock, Resolve, Store};
use crate::trail::{Trail, asof, lint, new_id, now};
use crate::walk::Walk;

/// Whether the full screen can be used: both ends are a terminal and
/// `--plain` was not asked for.
pub fn interactive(ctx: &Ctx) -> bool {
    !ctx.plain && std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

pub fn new(
    ctx: &Ctx,
    grid_arg: &str,
    title: &str,
    ephemeral: bool,
    export_to: Option<ExportAtEnd>,
) -> Result<ExitCode, Failure> {
    let lang = ctx.lang;
    // The export is written at the end: a file already there is said
    // before the walk, not after it.
    if let Some(ExportAtEnd { file, force: false, .. }) = &export_to
        && file.symlink_metadata().is_ok()
    {
        return Err(Failure::FileExists(file.clone()));
    }
    let (grid, grid_path) = resolve(ctx, grid_arg)?;
    if title.trim().is_empty() {
        return Err(Failure::EmptyTitle);
    }
    for finding in crate::privacy::scan(title) {
        crate::tell!("{}", lang.privacy_warning(&finding));
    }
    let mut trail = Trail::start(&grid, title, new_id(), now());
    trail.grid.path = grid_path.map(|p| p.display().to_string());
    let walk = Walk::new(grid, trail);
    if ephemeral {
        return run_walk(ctx, walk, None, false, export_to);
    }
    let (path, saved) = ops::create(ctx, &walk.trail);
    saved?;
    let lock = ops::lock(&path)?;
    run_walk(ctx, walk, Some((path, lock)), false, export_to)
}

/// The lock is taken before the trail is read: a window never reads a
/// trail another one is still writing, then saves that stale copy over it.
pub fn open(ctx: &Ctx, arg: &str) -> Result<ExitCode, Failure> {
    let path = find(ctx, arg)?;
    let ops::Opened { trail, lock } = ops::open(ctx, &path)?;
    match lock {
        Some(lock) => {
            let walk = Walk::new(grid_of(ctx, &trail)?, trail);
            run_walk(ctx, walk, Some((path, lock)), true, None)
        }
        // Open in another window: shown read-only on the screen; refused in
        // plain mode, where nothing could be written.
        None if interactive(ctx) => {
            let walk = Walk::new(grid_of(ctx, &trail)?, trail);
            crate::tui::run_read_only(ctx, walk, path)
        }
        None => Err(Failure::OpenElsewhere(path)),
    }
}

/// The grid a trail was made with, or why there is none.
pub fn grid_of(ctx: &Ctx, trail: &Trail) -> Result<Grid, Failure> {
    ops::find_grid(ctx, trail)
        .ok_or_else(|| Failure::GridGone { id: trail.grid.id.clone(), language: trail.grid.language.clone() })
}

/// Walks in plain mode (or on the full screen when it can be used). `path`
/// is `None` for an ephemeral walk, which writes nothing.
fn run_walk(
    ctx: &Ctx,
    mut walk: Walk,
    path: Option<(PathBuf, Lock)>,
    reopened: bool,
    export_to: Option<ExportAtEnd>,
) -> Result<ExitCode, Failure> {
    let lang = ctx.lang;
    if interactive(ctx) {
        let id = walk.trail.id.clone();
        // After the screen closes on a new trail: where it is, and how to export it.
        let tell = |path: &Path| {
            // The terminal may be gone (a closed window): never a panic for it.
            if !reopened && path.exists() {
                let _ = writeln!(std::io::stdout(), "{}", for_terminal(&lang.after_new(path, &id)));
            }
        };
        return match (path, export_to) {
            (Some((path, lock)), None) => {
                let (result, _) = crate::tui::run_walk_locked(ctx, walk, path.clone(), lock);
                tell(&path);
                result
            }
            (Some((path, lock)), Some(export)) => {
                let grid = walk.grid.clone();
                let (result, on_screen) = crate::tui::run_walk_locked(ctx, walk, path.clone(), lock);
                export_walked(ctx, &export, on_screen, &id, &path, &grid);
                tell(&path);
                result
            }
            (None, export) => {
                let grid = walk.grid.clone();
                let (result, (walk, kept)) = crate::tui::run_ephemeral(ctx, walk);
                match (kept, export) {
                    // Kept as a trail on its end screen: exported as it was
                    // left, and where it is now is said.
                    (Some(path), export) => {
                        if let Some(export) = export {
                            export_walked(ctx, &export, walk, &id, &path, &grid);
                        }
                        tell(&path);
                    }
                    (None, Some(export)) => {
                        if let Some(walk) = walk {
                            export.write(&walk.trail, &walk.grid, lang, true);
                        }
                    }
                    (None, None) => {}
                }
                result
            }
        };
    }
    let store = ctx.store();
    let mut failed: Option<(String, std::io::Error)> = None;
    let mut last_save: Option<Instant> = None;
    // Saved as the screen saves: at once when a person is typing (nothing
    // more is waiting on standard input), at most once a second when a
    // script sends its answers in one go; a failure is said at once.
    let mut save = |w: &Walk, at_end: bool| {
        let Some((p, _)) = &path else { return };
        let due = at_end || last_save.is_none_or(|t| t.elapsed() >= SAVE_EVERY) || !input_waiting();
        if !due {
            return;
        }
        last_save = Some(Instant::now());
        match store.save(&w.trail, p) {
            Ok(()) => failed = None,
            Err(e) => {
                // Told once, until it changes.
                let message = lang.cannot_write(p, &e);
                if failed.as_ref().is_none_or(|(told, _)| *told != message) {
                    if at_end {
                        crate::tell!("discern: {message}");
                    } else {
                        crate::tell!("discern: {message}. {}", lang.plain_answers_kept());
                    }
                }
                failed = Some((message, e));
            }
        }
    };
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut on_change = |w: &Walk| save(w, false);
    let result = Plain {
        input: stdin.lock(),
        out: TerminalSafe::new(stdout.lock()),
        lang,
        clock: crate::trail::now,
        on_change: &mut on_change,
    }
    .run(&mut walk, reopened);
    // At the end of input, or of the grid, what was answered is saved.
    save(&walk, true);
    if let Err(e) = result
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        crate::tell!("discern: {}", lang.io_error(&e));
    }
    if let (Some((_, error)), Some((path, _))) = (failed, &path) {
        return Err(Failure::CannotWrite { path: path.clone(), error });
    }
    // The export the user named is the one file an ephemeral walk writes.
    if let Some(export) = export_to {
        export.write(&walk.trail, &walk.grid, lang, path.is_none());
    }
    match &path {
        Some((p, _)) => crate::say!("{}", p.display()),
        None => crate::say!("{}", lang.ephemeral_nothing_saved()),
    }
    Ok(ExitCode::SUCCESS)
}

/// The export `new -o FILE` writes when the walk ends.
pub struct ExportAtEnd {
    pub file: PathBuf,
    pub format: ExportFormat,
    /// `--force`: FILE may be replaced.
    pub force: bool,
}

/// `new -o FILE` once the screen closed: the trail as the walk left it
/// when the walk is still on screen (in memory: an encrypted folder needs
/// no passphrase to export it), else as its file holds it; should neither
/// be at hand, the export is said not written, never silently skipped.
fn export_walked(
    ctx: &Ctx,
    export: &ExportAtEnd,
    on_screen: Option<Walk>,
    id: &str,
    path: &Path,
    grid: &Grid,
) {
    let trail = match on_screen {
        Some(walk) if walk.trail.id == id => Ok(walk.trail),
        _ => ctx.store().read(path),
    };
    match trail {
        Ok(trail) => export.write(&trail, grid, ctx.lang, false),
        Err(_) => crate::tell!("discern: {}", ctx.lang.export_after_walk_unread(id)),
    }
}

impl ExportAtEnd {
    /// Writes the export and says where. A file that appeared at FILE
    /// during the walk is not replaced: the export goes beside it under a
    /// free name. Should it not be written at all, the export of an
    /// ephemeral walk (`only_copy`: its answers are nowhere else) is
    /// printed instead, so that nothing is lost; a saved trail can be
    /// exported again.
    fn write(&self, trail: &Trail, grid: &Grid, lang: Lang, only_copy: bool) {
        let text = export::render(trail, Some(grid), self.format, lang, false);
        let written = match ops::export_to_file(&text, &self.file, self.force) {
            Err(Failure::FileExists(_)) => ops::export_beside(&text, &self.file),
            other => other.map(|()| self.file.clone()),
        };
        match written {
            Ok(file) => crate::tell!("{}", lang.exported_to(&file)),
            Err(failure) => {
                crate::tell!("discern: {}", lang.failure(&failure));
                if only_copy {
                    crate::tell!("{}", lang.export_printed_instead());
                    crate::say!("{text}");
                }
            }
        }
    }
}

/// How often a plain walk fed by a script saves.
const SAVE_EVERY: Duration = Duration::from_secs(1);

/// Whether more input is already waiting on standard input (or it has
/// ended), so that a save can wait for the next second without leaving a
/// person's answer unsaved.
fn input_waiting() -> bool {
    #[cfg(unix)]
    {
        // A closed pipe has no person behind it either: its answers are
        // saved at the end of input.
        discern_os::input_waiting(std::os::fd::AsFd::as_fd(&std::io::stdin()))
    }
    #[cfg(not(unix))]
    false
}

/// Finds and reads a trail; a damaged one is reported, never touched.
/// `TRAIL@YYYY-MM-DD` or `TRAIL@YYYY-MM-DDTHH:MM` is the trail as it stood
/// at the end of that day or minute, local time: read, never written.
pub fn load(ctx: &Ctx, arg: &str) -> Result<(PathBuf, Trail), Failure> {
    let (name, moment) = asof::split(arg);
    let path = find_file(ctx, name)?;
    let trail = ops::read(ctx, &path, None)?;
    match moment {
        None => Ok((path, trail)),
        Some(m) => {
            let at = m.end_in(&chrono::Local).ok_or_else(|| Failure::AsOfNoSuchTime(arg.to_string()))?;
            let old = asof::as_of(&trail, at).map_err(|e| match e {
                asof::AsOfError::BeforeCreation { created } => {
                    Failure::AsOfBeforeCreation { arg: arg.to_string(), created }
                }
            })?;
            Ok((path, old))
        }
    }
}

/// The file of a trail that will be written to: a trail as it stood is refused.
pub fn find(ctx: &Ctx, arg: &str) -> Result<PathBuf, Failure> {
    if asof::split(arg).1.is_some() {
        return Err(Failure::AsOfReadOnly(arg.to_string()));
    }
    find_file(ctx, arg)
}

fn find_file(ctx: &Ctx, arg: &str) -> Result<PathBuf, Failure> {
    let store = ctx.store();
    store.resolve(arg).map_err(|e| match e {
        // `TRAIL@…` where TRAIL is found: the moment is what is wrong.
        Resolve::NotFound => match arg.rsplit_once('@') {
            Some((trail, when)) if !trail.is_empty() && store.resolve(trail).is_ok() => {
                Failure::AsOfNotAMoment(when.to_string())
            }
            _ => Failure::NoSuchTrail(arg.to_string()),
        },
        Resolve::Ambiguous(candidates) => Failure::AmbiguousTrail { arg: arg.to_string(), candidates },
    })
}

pub fn list(ctx: &Ctx, json: bool) -> Result<ExitCode, Failure> {
    let lang = ctx.lang;
    let listed = ctx.store().list();
    if let Some(note) = lang.folder_half_done(folder_state(&ctx.data_dir)) {
        crate::tell!("{note}");
    }
    if json {
        let items: Vec<serde_json::Value> = listed
            .iter()
            .map(|l| match &l.summary {
                Ok(t) => serde_json::json!({
                    "id": t.id, "title": t.title, "created": t.created.to_rfc3339(), "updated": t.updated.to_rfc3339(),
                    "grid": t.grid.shown(),
                    "outcome": t.outcome, "revisit": t.revisit.map(|d| d.format("%Y-%m-%d").to_string()),
                    "path": l.path.display().to_string(),
                }),
                Err(e) => serde_json::json!({ "path": l.path.display().to_string(), "damaged": lang.load_error(e) }),
            })
            .collect();
        let mut text = serde_json::to_string_pretty(&items).expect("JSON values always serialise");
        text.push('\n');
        return print(&json_for_terminal(&text));
    }
    if listed.is_empty() {
        crate::tell!("{}", lang.no_trails_yet());
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    for l in &listed {
        match &l.summary {
            Ok(t) => {
                let outcome = t.outcome.clone().unwrap_or_else(|| "—".to_string());
                // The id first: what `export`, `open`… take as TRAIL.
                out.push_str(&format!(
                    "{}  {}  {}  [{}]  {}  {}\n",
                    t.id,
                    t.updated.format("%Y-%m-%d %H:%M"),
                    t.title,
                    t.grid.id,
                    outcome,
                    l.path.display()
                ));
            }
            Err(e) => {
                out.push_str(&format!("{}  {}: {}\n", lang.damaged(), l.path.display(), lang.load_error(e)))
            }
        }
    }
    print(&out)
}

pub fn export(
    ctx: &Ctx,
    arg: &str,
    format: ExportFormat,
    output: Option<&Path>,
    full: bool,
    yes: bool,
    force: bool,
) -> Result<ExitCode, Failure> {
    let lang = ctx.lang;
    let (_, trail) = load(ctx, arg)?;
    // Said before the question, not after it.
    if let Some(file) = output
        && !force
        && file.symlink_metadata().is_ok()
    {
        return Err(Failure::FileExists(file.to_path_buf()));
    }
    let warnings = lint::warnings(&trail);
    if !warnings.is_empty() && !yes {
        // Each passage named as `lint` names it: the question and the text.
        crate::tell!("{}", lang.export_passages_intro(warnings.len()));
        for w in &warnings {
            crate::tell!("{}", lang.lint_line(w));
        }
        // End of input is a no, as a typed « n » is: a refused
        // confirmation, exit status 1.
        let answer = match confirm(ctx, lang.export_confirm()) {
            Ok(answer) => answer,
            Err(Failure::NeedsYes) => false,
            Err(e) => return Err(e),
        };
        if !answer {
            crate::tell!("{}", lang.export_needs_yes());
            return Ok(ExitCode::from(1));
        }
    }
    let grid = ops::find_grid(ctx, &trail);
    let text = export::render(&trail, grid.as_ref(), format, lang, full);
    match output {
        None if format == ExportFormat::Json => print(&json_for_terminal(&text)),
        None => print(&text),
        Some(file) => {
            ops::export_to_file(&text, file, force)?;
            crate::tell!("{}", lang.exported_to(file));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Asks a yes/no question and reads the answer from standard input (a
/// terminal, or a line a script sends). No answer at all (end of input) is
/// not a yes: the message then says to use `--yes`.
fn confirm(ctx: &Ctx, question: &str) -> Result<bool, Failure> {
    // Not eprint!: a closed standard error is not a panic.
    let _ = write!(std::io::stderr(), "{} ", for_terminal(&format!("{question} {}", ctx.lang.yes_no())));
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    let read = std::io::stdin().lock().read_line(&mut line).map_err(Failure::Io)?;
    if read == 0 {
        crate::tell!("");
        return Err(Failure::NeedsYes);
    }
    Ok(ctx.lang.is_yes(line.trim()))
}

/// Reads a trail with the history of each answer. Without a terminal, the
/// Markdown document, which holds the history and the annotations.
pub fn review(ctx: &Ctx, arg: &str) -> Result<ExitCode, Failure> {
    if !interactive(ctx) {
        let (_, trail) = load(ctx, arg)?;
        let grid = ops::find_grid(ctx, &trail);
        return print(&export::render(&trail, grid.as_ref(), ExportFormat::Md, ctx.lang, true));
    }
    // A trail as it stood is read only: no lock, nothing written.
    if let Some(moment) = asof::split(arg).1 {
        let (path, trail) = load(ctx, arg)?;
        return match ops::find_grid(ctx, &trail) {
            Some(grid) => crate::tui::run_past_review(ctx, Walk::new(grid, trail), path, moment),
            None => print(&export::render(&trail, None, ExportFormat::Md, ctx.lang, true)),
        };
    }
    // Lock first, then read, as `open` does.
    let path = find(ctx, arg)?;
    // Open elsewhere (no lock): readable, and nothing is written.
    let ops::Opened { trail, lock } = ops::open(ctx, &path)?;
    match ops::find_grid(ctx, &trail) {
        Some(grid) => crate::tui::run_review(ctx, Walk::new(grid, trail), path, lock),
        None => print(&export::render(&trail, None, ExportFormat::Md, ctx.lang, true)),
    }
}

pub fn lint(ctx: &Ctx, arg: &str) -> Result<ExitCode, Failure> {
    let lang = ctx.lang;
    let (_, trail) = load(ctx, arg)?;
    let warnings = lint::warnings(&trail);
    let mut out = String::new();
    for w in &warnings {
        out.push_str(&lang.lint_line(w));
        out.push('\n');
    }
    out.push_str(&lang.lint_summary(warnings.len()));
    out.push('\n');
    print(&out)?;
    Ok(if warnings.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

pub fn compare(
    ctx: &Ctx,
    args: &[String],
    format: Option<CompareFormat>,
    options: compare::Options,
    output: Option<&Path>,
    force: bool,
) -> Result<ExitCode, Failure> {
    let loaded: Vec<(Trail, bool)> = args.iter().map(|a| load_compared(ctx, a)).collect::<Result<_, _>>()?;
    let grid = ops::find_grid(ctx, &loaded[0].0);
    let trails: Vec<Trail> = loaded
        .into_iter()
        .map(|(mut trail, imported)| {
            if imported && let Some(grid) = &grid {
                crate::trail::import::settle_other(&mut trail, grid);
            }
            trail
        })
        .collect();
    let comparison = compare::compare(&trails, grid.as_ref()).map_err(|e| match e {
        compare::Mismatch::DifferentGrids(list) => Failure::DifferentGrids(list),
    })?;
    // The document speaks its grid's language; what is said about it, the
    // interface's.
    let Some(file) = output else {
        if format.is_none() && interactive(ctx) {
            let text = comparison.render(CompareFormat::Txt, options);
            return crate::tui::run_pager(ctx, &comparison.title(), &text);
        }
        return print(&comparison.render(format.unwrap_or(CompareFormat::Md), options));
    };
    let format = format.or_else(|| CompareFormat::from_file_name(file)).unwrap_or(CompareFormat::Md);
    ops::export_to_file(&comparison.render(format, options), file, force)?;
    crate::tell!("{}", ctx.lang.exported_to(file));
    Ok(ExitCode::SUCCESS)
}

/// A trail to compare: a `.json` file is read as a trail's JSON export
/// (what a trainer collects from participants; then `true`), anything else
/// as TRAIL.
fn load_compared(ctx: &Ctx, arg: &str) -> Result<(Trail, bool), Failure> {
    let path = Path::new(arg);
    let is_json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !is_json || !path.is_file() {
        return load(ctx, arg).map(|(_, t)| (t, false));
    }
    match Store::load_export(path) {
        Ok(Ok(trail)) => Ok((trail, true)),
        Ok(Err(error)) => Err(Failure::NotAnExport { path: path.to_path_buf(), error }),
        Err(error) => Err(Failure::Damaged { path: path.to_path_buf(), error }),
    }
}

/// Deletes one trail, and only a trail: a file that reads as one and lies in
/// a sessions folder. Nothing is written before the confirmation (the lock
/// file is made only then).
pub fn delete(ctx: &Ctx, arg: &str, yes: bool) -> Result<ExitCode, Failure> {
    let lang = ctx.lang;
    let path = find(ctx, arg)?;
    let trail = ctx.store().read(&path).map_err(|error| Failure::NotATrail { path: path.clone(), error })?;
    if !Store::new(&ctx.data_dir).is_sessions_folder(path.parent().unwrap_or(Path::new("."))) {
        return Err(Failure::OutsideSessions(path));
    }
    if Store::held_elsewhere(&path) {
        return Err(Failure::OpenElsewhere(path));
    }
    if !yes && !confirm(ctx, &lang.confirm_delete(&trail.title, &path))? {
        crate::tell!("{}", lang.nothing_deleted());
        return Ok(ExitCode::SUCCESS);
    }
    let exports = ops::delete(ctx, &path, None)?;
    crate::tell!("{}", lang.deleted(&trail.title, exports));
    Ok(ExitCode::SUCCESS)
}

pub fn purge(ctx: &Ctx, days: Option<u32>, yes: bool) -> Result<ExitCode, Failure> {
    let lang = ctx.lang;
    let days = days.or(ctx.config.retention_days).ok_or(Failure::PurgeNeedsDays)?;
    // A number of days that reaches before the calendar's start is a slip, not a date.
    let cutoff = chrono::TimeDelta::try_days(i64::from(days))
        .and_then(|age| now().checked_sub_signed(age))
        .ok_or(Failure::PurgeTooFarBack(days))?;
    // Only trails that can be read are purged: a damaged file is kept for
    // the user to look at.
    let old: Vec<(PathBuf, String)> = ctx
        .store()
        .list()
        .into_iter()
        .filter_map(|l| l.summary.ok().filter(|t| t.updated < cutoff).map(|t| (l.path, t.title)))
        .collect();
    if old.is_empty() {
        crate::tell!("{}", lang.nothing_to_purge(days));
        return Ok(ExitCode::SUCCESS);
    }
    for (path, title) in &old {
        crate::tell!("  {title}  ({})", path.display());
    }
    if !yes && !confirm(ctx, &lang.confirm_purge(old.len(), days))? {
        crate::tell!("{}", lang.nothing_deleted());
        return Ok(ExitCode::SUCCESS);
    }
    let (mut deleted, mut exports) = (0, 0);
    for (path, _) in &old {
        match ops::delete(ctx, path, None) {
            Ok(n) => {
                deleted += 1;
                exports += n;
            }
            Err(e) => crate::tell!("{}", lang.failure(&e)),
        }
    }
    crate::tell!("{}", lang.purged(deleted, exports));
    Ok(ExitCode::SUCCESS)
}
