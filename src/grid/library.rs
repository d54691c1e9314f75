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
    if !fs::metadata(path).map_err(unreadable)?.is_file() {
        return Err(not_a_file());
    }
    let file = fs::File::open(path).map_err(unreadable)?;
    // Checked again on the file opened, in case the path changed meanwhile.
    if !file.metadata().map_err(unreadable)?.is_file() {
        return Err(not_a_file());
    }
    // Read one byte past the limit so that a huge file is refused without
    // reading it whole.
    let mut bytes = Vec::new();
    file.take(MAX_GRID_BYTES + 1).read_to_end(&mut bytes).map_err(unreadable)?;
    if bytes.len() as u64 > MAX_GRID_BYTES {
        let size = fs::metadata(path).map(|m| m.len()).unwrap_or(bytes.len() as u64);
        return Err(vec![Problem::at_start(ProblemKind::TooLarge { bytes: size, limit: MAX_GRID_BYTES })]);
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

    /// The grid `id` in exactly this language, else (`any_language`) the
    /// same grid in another one: first among the files named after it (a
    /// broken or huge grid of another name costs nothing), then in the
    /// whole library, read once (a grid whose file has another name).
    pub fn find_in(user_dir: &Path, id: &str, language: &str, any_language: bool) -> Option<Grid> {
        if let Some(grid) = Library::load_named(user_dir, id).find_exact(id, language) {
            return Some(grid.clone());
        }
        let all = Library::load(user_dir);
        let found = all.find_exact(id, language);
        let found =
            if any_language { found.or_else(|| all.find(id, language).map(|(_, g)| g)) } else { found };
        found.cloned()
    }

    fn load_where(user_dir: &Path, wanted: impl Fn(&str) -> bool) -> Library {
        let mut entries: Vec<Entry> = SHIPPED
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
        let mut user: Vec<PathBuf> = fs::read_dir(user_dir)
            .map(|dir| {
                dir.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
                    .filter(|p| p.file_name().is_some_and(|n| wanted(&n.to_string_lossy())))
                    .collect()
            })
            .unwrap_or_default();
        user.sort();
        for path in user {
            let (text, grid) = load_file_with_text(&path);
            let mut overrides = false;
            if let Ok(g) = &grid {
                for shipped in entries.iter_mut().filter(|e| matches!(e.origin, Origin::Shipped(_))) {
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
            entries.push(Entry { origin: Origin::User(path), grid, text, overridden: false, overrides });
        }
        Library { entries }
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
