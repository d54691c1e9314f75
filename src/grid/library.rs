//! Where grids come from: shipped in the binary, the user's grid folder, or a
//! path. The only grid code that reads files.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::translation::{self, Drift, Version};
use super::{Grid, MAX_GRID_BYTES, Pos, Problem, ProblemKind, parse, parse_bytes};

/// The shipped grids: (file name, text), built from `grids/` by build.rs.
pub const SHIPPED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/shipped_grids.rs"));

#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    Shipped(&'static str),
    User(PathBuf),
}

impl Origin {
    /// How the origin is named in messages: `grids/ID.LANG.toml` for a shipped
    /// grid, the path otherwise.
    pub fn file_label(&self) -> String {
        match self {
            Origin::Shipped(name) => format!("grids/{name}"),
            Origin::User(p) => p.display().to_string(),
        }
    }
}

/// One grid file and what came of reading it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub origin: Origin,
    pub grid: Result<Grid, Vec<Problem>>,
    /// The file's text, for the translation check to point at its lines.
    pub text: String,
    /// For a shipped grid: replaced by a user grid of the same id and language.
    pub overridden: bool,
    /// For a user grid: replaces a shipped one.
    pub overrides: bool,
}

/// Every grid that can be walked, shipped and the user's.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub entries: Vec<Entry>,
}

/// Reads one grid file. A file that cannot be read is a problem like any other.
/// Only a regular file is read: a FIFO, a terminal or `/dev/stdin` named as a
/// grid (by a trail from someone else, say) would wait forever for input.
pub fn load_file(path: &Path) -> Result<Grid, Vec<Problem>> {
    load_file_with_text(path).1
}

/// Reads one grid file, and keeps its text (empty when it could not be read).
pub fn load_file_with_text(path: &Path) -> (String, Result<Grid, Vec<Problem>>) {
    match read_bytes(path) {
        Ok(bytes) => {
            let grid = parse_bytes(&bytes);
            (String::from_utf8(bytes).unwrap_or_default(), grid)
        }
        Err(problems) => (String::new(), Err(problems)),
    }
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, Vec<Problem>> {
    let unreadable = |e: std::io::Error| vec![Problem::at_start(ProblemKind::Unreadable(e.kind()))];
    let not_a_file = || vec![Problem::at_start(ProblemKind::NotAFile)];
    let too_large = |bytes| vec![Problem::at_start(ProblemKind::TooLarge { bytes, limit: MAX_GRID_BYTES })];
    if !fs::metadata(path).map_err(unreadable)?.is_file() {
        return Err(not_a_file());
    }
    let file = fs::File::open(path).map_err(unreadable)?;
    // Checked again on the file opened, in case the path changed meanwhile.
    let metadata = file.metadata().map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(not_a_file());
    }
    if metadata.len() > MAX_GRID_BYTES {
        return Err(too_large(metadata.len()));
    }
    // Read one byte past the limit so that a file that grew meanwhile is
    // refused without reading it whole; room for it all at once, so that
    // the buffer is not grown to twice its size.
    let mut bytes = Vec::with_capacity(metadata.len() as usize + 1);
    file.take(MAX_GRID_BYTES + 1).read_to_end(&mut bytes).map_err(unreadable)?;
    if bytes.len() as u64 > MAX_GRID_BYTES {
        let size = fs::metadata(path).map(|m| m.len()).unwrap_or(bytes.len() as u64);
        return Err(too_large(size));
    }
    Ok(bytes)
}

impl Problem {
    fn at_start(kind: ProblemKind) -> Problem {
        Problem { pos: Pos { line: 1, column: 1 }, place: super::Place::File, kind }
    }
}

/// The shipped grids, parsed once per run: the screen looks grids up at
/// every trail it opens, and a copy costs less than a parse.
fn shipped_parsed() -> &'static [Result<Grid, Vec<Problem>>] {
    static PARSED: std::sync::OnceLock<Vec<Result<Grid, Vec<Problem>>>> = std::sync::OnceLock::new();
    PARSED.get_or_init(|| SHIPPED.iter().map(|(_, text)| parse(text)).collect())
}

impl Library {
    /// The shipped grids and the `*.toml` files of `user_dir` (which may not exist).
    pub fn load(user_dir: &Path) -> Library {
        Library::load_where(user_dir, |_| true)
    }

    /// The shipped grids and the user's grids whose file is named after `id`
    /// (`ID.LANG.toml`, as `grid new` writes them): finding one grid then
    /// reads only those, so that a broken or huge grid of another name costs
    /// the command nothing.
    pub fn load_named(user_dir: &Path, id: &str) -> Library {
        let prefix = format!("{id}.");
        Library::load_where(user_dir, |name| name.starts_with(&prefix))
    }

    /// The shipped grids and the user's grids that may be the grid `id`:
    /// those named after it, and those whose text holds it (a grid's id is
    /// written in its file, unless with an escape such as `\u0064`). Every
    /// file is read, but only those are parsed: a broken or huge grid of
    /// another name costs a command that uses another grid a read, not a
    /// parse.
    pub fn load_for(user_dir: &Path, id: &str) -> Library {
        let prefix = format!("{id}.");
        Library::load_read(user_dir, |name, bytes| name.starts_with(&prefix) || may_hold_id(bytes, id))
    }

    /// The grid `id` in exactly this language, else (`any_language`) the
    /// same grid in another one: first among the files named after it (a
    /// broken or huge grid of another name costs nothing), then among every
    /// file that may hold it (a grid whose file has another name).
    pub fn find_in(user_dir: &Path, id: &str, language: &str, any_language: bool) -> Option<Grid> {
        if let Some(grid) = Library::load_named(user_dir, id).find_exact(id, language) {
            return Some(grid.clone());
        }
        let all = Library::load_for(user_dir, id);
        let found = all.find_exact(id, language);
        let found =
            if any_language { found.or_else(|| all.find(id, language).map(|(_, g)| g)) } else { found };
        found.cloned()
    }

    /// The library with the user's files whose name `wanted` accepts.
    fn load_where(user_dir: &Path, wanted: impl Fn(&str) -> bool) -> Library {
        let mut library = Library::shipped();
        for path in user_files(user_dir).into_iter().filter(|p| wanted(&file_name(p))) {
            let (text, grid) = load_file_with_text(&path);
            library.push_user(path, text, grid);
        }
        library
    }

    /// The library with the user's files that `wanted` accepts from their
    /// name and bytes, once read; a file that cannot be read, or is too
    /// large, cannot be a grid and is left out.
    fn load_read(user_dir: &Path, wanted: impl Fn(&str, &[u8]) -> bool) -> Library {
        let mut library = Library::shipped();
        for path in user_files(user_dir) {
            let Ok(bytes) = read_bytes(&path) else { continue };
            if wanted(&file_name(&path), &bytes) {
                let grid = parse_bytes(&bytes);
                library.push_user(path, String::from_utf8(bytes).unwrap_or_default(), grid);
            }
        }
        library
    }

    fn shipped() -> Library {
        let entries: Vec<Entry> = SHIPPED
            .iter()
            .zip(shipped_parsed())
            .map(|((name, text), grid)| Entry {
                origin: Origin::Shipped(name),
                grid: grid.clone(),
                text: text.to_string(),
                overridden: false,
                overrides: false,
            })
            .collect();
        Library { entries }
    }

    /// Adds a user grid, which replaces a shipped one of the same id and
    /// language.
    fn push_user(&mut self, path: PathBuf, text: String, grid: Result<Grid, Vec<Problem>>) {
        let mut overrides = false;
        if let Ok(g) = &grid {
            for shipped in self.entries.iter_mut().filter(|e| matches!(e.origin, Origin::Shipped(_))) {
                if shipped
                    .grid
                    .as_ref()
                    .is_ok_and(|s| s.meta.id == g.meta.id && s.meta.language == g.meta.language)
                {
                    shipped.overridden = true;
                    overrides = true;
                }
            }
        }
        self.entries.push(Entry { origin: Origin::User(path), grid, text, overridden: false, overrides });
    }

    /// The grids that can be walked: valid, and not replaced by a user grid.
    pub fn usable(&self) -> impl Iterator<Item = (&Entry, &Grid)> {
        self.entries.iter().filter(|e| !e.overridden).filter_map(|e| e.grid.as_ref().ok().map(|g| (e, g)))
    }

    /// The grid `id`, in `language` if there is one, else in any language
    /// (French first, the grids' own language).
    pub fn find(&self, id: &str, language: &str) -> Option<(&Entry, &Grid)> {
        let mut matching: Vec<(&Entry, &Grid)> = self.usable().filter(|(_, g)| g.meta.id == id).collect();
        // A user grid comes after the shipped ones: prefer it when both exist.
        matching.reverse();
        let exact = matching.iter().find(|(_, g)| g.meta.language == language);
        let base =
            matching.iter().find(|(_, g)| language.split('-').next() == g.meta.language.split('-').next());
        let french = matching.iter().find(|(_, g)| g.meta.language == "fr");
        exact.or(base).or(french).or(matching.first()).copied()
    }

    /// The grid with exactly this id, language and version, if still here.
    pub fn find_exact(&self, id: &str, language: &str) -> Option<&Grid> {
        self.usable().map(|(_, g)| g).find(|g| g.meta.id == id && g.meta.language == language)
    }

    /// The translation check of the user's own grids: the valid files of
    /// one grid id compared with each other.
    pub fn user_drifts(&self) -> Vec<Drift> {
        let versions: Vec<Version> = self
            .entries
            .iter()
            .filter(|e| matches!(e.origin, Origin::User(_)))
            .filter_map(|e| {
                let grid = e.grid.as_ref().ok()?;
                Some(Version { label: e.origin.file_label(), src: &e.text, grid })
            })
            .collect();
        translation::check_all(&versions)
    }

    pub fn ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.usable().map(|(_, g)| g.meta.id.clone()).collect();
        ids.sort();
        ids.dedup();
        ids
    }
}

/// The `*.toml` files of the user's grid folder, in the order of their names.
fn user_files(user_dir: &Path) -> Vec<PathBuf> {
    let mut user: Vec<PathBuf> = fs::read_dir(user_dir)
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
                .collect()
        })
        .unwrap_or_default();
    user.sort();
    user
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Whether a file's bytes may be a grid whose id is `id`: they hold it as it
/// is, or hold an escape that could spell it (`\u`, `\U`, or TOML 1.1's
/// `\x`). A grid id is plain ASCII (`[a-z0-9-]`), so no other way of
/// writing a string can make it.
fn may_hold_id(bytes: &[u8], id: &str) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else { return false };
    text.contains(id) || ["\\u", "\\U", "\\x"].iter().any(|escape| text.contains(escape))
}

/// Whether a `--grid` argument names a file rather than an id.
pub fn looks_like_path(arg: &str) -> bool {
    arg.contains('/') || arg.contains(std::path::MAIN_SEPARATOR) || arg.ends_with(".toml")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::{Condition, QuestionKind};

    fn shipped() -> Vec<(&'static str, Grid)> {
        SHIPPED
            .iter()
            .map(|(name, text)| (*name, parse(text).unwrap_or_else(|p| panic!("{name}: {p:?}"))))
            .collect()
    }

    #[test]
    fn finding_one_grid_reads_only_the_files_named_after_it() {
        let dir = tempfile::tempdir().unwrap();
        let (_, text) = SHIPPED.iter().find(|(n, _)| *n == "partage.fr.toml").unwrap();
        std::fs::write(dir.path().join("partage.fr.toml"), text).unwrap();
        std::fs::write(dir.path().join("huge.fr.toml"), "not = [a grid").unwrap();
        let named = Library::load_named(dir.path(), "partage");
        let users: Vec<String> = named
            .entries
            .iter()
            .filter_map(|e| match &e.origin {
                Origin::User(p) => Some(p.file_name().unwrap().to_string_lossy().into_owned()),
                Origin::Shipped(_) => None,
            })
            .collect();
        assert_eq!(users, ["partage.fr.toml"], "the other user grid is not read");
        assert!(Library::find_in(dir.path(), "partage", "fr", false).is_some());
    }

    #[test]
    fn every_shipped_grid_is_valid_and_named_id_dot_language() {
        let grids = shipped();
        assert_eq!(grids.len(), 6);
        for (name, g) in &grids {
            assert_eq!(*name, format!("{}.{}.toml", g.meta.id, g.meta.language));
        }
    }

    #[test]
    fn the_shipped_grids_pass_the_translation_check() {
        let grids = shipped();
        let versions: Vec<Version> = SHIPPED
            .iter()
            .zip(&grids)
            .map(|((name, text), (_, grid))| Version { label: format!("grids/{name}"), src: text, grid })
            .collect();
        let lang = crate::lang::Lang::En;
        let drifts: Vec<String> =
            translation::check_all(&versions).iter().map(|d| lang.drift_line(d)).collect();
        assert!(drifts.is_empty(), "{}", drifts.join("\n"));
        for id in ["delor-secret", "partage", "deliberation"] {
            let pair: Vec<&Grid> = grids.iter().filter(|(_, g)| g.meta.id == id).map(|(_, g)| g).collect();
            assert_eq!(pair.len(), 2, "{id} in French and English");
            assert_eq!(pair[0].meta.version, pair[1].meta.version, "{id}");
        }
    }

    #[test]
    fn every_shipped_grid_opens_with_a_reading_step_and_ends_with_the_decision() {
        for (name, g) in shipped() {
            let first = &g.steps[0];
            assert!(first.questions.iter().all(|q| matches!(q.kind, QuestionKind::Note)), "{name}");
            assert_eq!(g.meta.outcome.as_deref(), Some("decision.choice"), "{name}");
            let last = g.steps.last().unwrap();
            assert_eq!(last.id, "decision", "{name}");
            let ids: Vec<&str> = last.questions.iter().map(|q| q.id.as_str()).collect();
            for needed in ["choice", "reasons", "change_mind", "tell_person", "revisit"] {
                assert!(ids.contains(&needed), "{name} lacks decision.{needed}");
            }
            assert!(g.step("consult").is_some(), "{name} offers no consultation step");
            let pointers = g.step("pointers").unwrap_or_else(|| panic!("{name} has no pointers step"));
            assert!(pointers.questions.iter().any(|q| q.when.is_some()), "{name}");
            assert!(
                !pointers
                    .questions
                    .iter()
                    .any(|q| matches!(q.when, Some(Condition::All(ref v)) if v.is_empty()))
            );
        }
    }
}
