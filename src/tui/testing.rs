//! The one harness of the screens' tests, unit and integration alike: a
//! small grid in both languages with every kind of question and a step
//! opened by a condition, a fixed clock, and the real app in a session over
//! a `TestBackend`, with its data folder in a temporary directory. Not part
//! of discern's interface (hidden from the docs); public only so that the
//! tests under `tests/` drive the same harness.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crate::config::Config as AppConfig;
use crate::grid::Answer;
use crate::grid::Grid;
use crate::ops::Ctx;
use crate::text::Lang;
use crate::trail::store::Store;
use crate::trail::{Time, Trail};
use crate::tui::access::Access;
use crate::tui::runtime::app::App;
use crate::tui::runtime::{Runtime, Session};
use crate::tui::saver::Saver;
use crate::tui::screens::Screen;
use crate::tui::theme::Palette;
use crate::walk::{At, Walk};

pub const GRID_EN: &str = include_str!("../../tests/grids/good/test-grid.en.toml");

pub const GRID_FR: &str = include_str!("../../tests/grids/good/test-grid.fr.toml");

/// The same moment for every test, so that screens and files do not change.
pub fn clock() -> Time {
    chrono::DateTime::parse_from_rfc3339("2026-11-29T10:00:00+01:00").expect("a valid time")
}

pub fn grid(lang: Lang) -> Grid {
    crate::grid::parse(if lang == Lang::Fr { GRID_FR } else { GRID_EN }).expect("the test grid is valid")
}

pub fn trail(lang: Lang, title: &str, id: &str) -> Trail {
    Trail::start(&grid(lang), title, id.to_string(), clock())
}

pub fn walk(lang: Lang) -> Walk {
    Walk::new(grid(lang), trail(lang, title(lang), "abcd2345"))
}

pub fn title(lang: Lang) -> &'static str {
    lang.pick("Demande de l'école pour M.", "School's request about M.")
}

pub fn ctx(data_dir: &Path, lang: Lang) -> Ctx {
    Ctx {
        lang,
        data_dir: data_dir.to_path_buf(),
        config: AppConfig::default(),
        plain: false,
        passphrase_file: None,
        key: None,
    }
}

/// A moment of the day before the tests' clock.
pub fn earlier(hour: u32, minute: u32) -> Time {
    chrono::DateTime::parse_from_rfc3339(&format!("2026-11-28T{hour:02}:{minute:02}:00+01:00"))
        .expect("a valid time")
}

/// A trail that has lived: a text answer changed once, a choice changed
/// so that the step it had opened is hidden again (its answer kept), a
/// decision, and a supervisor's earlier annotation.
pub fn lived_walk(lang: Lang) -> Walk {
    let mut walk = walk(lang);
    let facts = At { step: 1, question: 0 };
    let regime = At { step: 1, question: 1 };
    let text = |s: &str| Some(Answer::Text(s.to_string()));
    let first = lang.pick("L'école demande si M. est suivi.", "The school asks whether M. is followed.");
    walk.set(facts, text(first), earlier(9, 0));
    walk.close_edit();
    walk.set(regime, Some(Answer::Choice("must".into())), earlier(9, 5));
    walk.close_edit();
    let basis = Some(Answer::Multi { options: vec!["child".into()], other: None });
    walk.set(At { step: 2, question: 0 }, basis, earlier(9, 10));
    walk.close_edit();
    walk.set(regime, Some(Answer::Choice("silence".into())), earlier(9, 40));
    walk.close_edit();
    let later = lang.pick(
        "L'école demande si M. est suivi par le service.\nLa mère ne le sait pas.",
        "The school asks whether M. is followed by the service.\nThe mother does not know.",
    );
    walk.set(facts, text(later), earlier(9, 45));
    walk.close_edit();
    walk.set(At { step: 3, question: 0 }, Some(Answer::Choice("keep".into())), earlier(9, 50));
    walk.close_edit();
    walk.set(At { step: 3, question: 1 }, Some(Answer::Scale(4)), earlier(9, 55));
    walk.close_edit();
    let note = lang.pick("À reprendre en équipe.", "To talk over with the team.");
    walk.annotate(At { step: 3, question: 0 }, "A. B.", note, earlier(18, 0));
    // As read from its file: nothing changed since.
    Walk::new(walk.grid, walk.trail)
}

pub struct Harness {
    pub session: Session<TestBackend>,
    pub dir: tempfile::TempDir,
    /// The files the app asked the system to open (`o` on the end screen):
    /// recorded, never opened, so that no test launches an application.
    opened: std::sync::Arc<std::sync::Mutex<Vec<PathBuf>>>,
}

impl Harness {
    /// A harness over `session`, whose runtime records the files to open.
    fn over(mut session: Session<TestBackend>, dir: tempfile::TempDir) -> Harness {
        let opened = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let record = std::sync::Arc::clone(&opened);
        session.runtime_mut().set_opener(Box::new(move |path| {
            record.lock().expect("the record of files opened").push(path.to_path_buf());
            Ok(())
        }));
        Harness { session, dir, opened }
    }

    /// The files the app asked the system to open, in order.
    pub fn opened(&self) -> Vec<PathBuf> {
        self.opened.lock().expect("the record of files opened").clone()
    }

    /// From now on, opening a file fails with `error` (no application).
    pub fn opening_fails(&mut self, error: std::io::ErrorKind) {
        self.session.runtime_mut().set_opener(Box::new(move |_| Err(std::io::Error::from(error))));
    }

    pub fn new(app: impl FnOnce(&Path) -> App, lang: Lang, width: u16, height: u16) -> Harness {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
        let runtime = Runtime::new(&ctx(dir.path(), lang), clock);
        let session = Session::new(terminal, app(dir.path()), runtime);
        Harness::over(session, dir)
    }

    /// In English at 80×24, with the program's configuration and the
    /// saver given (one that fails, in tests of a full disk).
    fn with_ctx(dir: tempfile::TempDir, app: App, saver: Option<Saver>, ctx: Ctx) -> Harness {
        let terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
        let runtime = match saver {
            Some(saver) => Runtime::with_saver(&ctx, clock, saver),
            None => Runtime::new(&ctx, clock),
        };
        Harness::over(Session::new(terminal, app, runtime), dir)
    }

    /// A walk of the English test grid at 80×24, read back from its file
    /// as `run_walk` does.
    pub fn walk_from_file() -> Harness {
        Harness::walk_with_saver(|_| None)
    }

    /// `walk_from_file`, saving through `saver` when one is given.
    pub fn walk_with_saver(saver: impl FnOnce(&Path) -> Option<Saver>) -> Harness {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = save_trail(dir.path(), title(Lang::En), "abcd2345");
        let trail = Store::load(&path).expect("the trail reads back");
        let app =
            App::walk(Walk::new(grid(Lang::En), trail), Some(path), false, Lang::En, Palette::mono(), clock);
        let saver = saver(dir.path());
        let ctx = ctx(dir.path(), Lang::En);
        Harness::with_ctx(dir, app, saver, ctx)
    }

    /// The trail `setup` saves, in review as `run_review` opens it: with
    /// its lock when `locked_here`, read only otherwise. `config` is the
    /// program's configuration (its author name, its file).
    pub fn review_file(
        setup: impl FnOnce(&Path) -> PathBuf,
        locked_here: bool,
        config: AppConfig,
    ) -> Harness {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = setup(dir.path());
        let trail = Store::load(&path).expect("the trail reads back");
        let access = Access::Review { can_save: locked_here };
        let walk = Walk::new(grid(Lang::En), trail);
        let app = App::walk(walk, Some(path.clone()), false, Lang::En, Palette::mono(), clock)
            .with_access(access, config.author.clone());
        let ctx = Ctx { config, ..ctx(dir.path(), Lang::En) };
        let mut h = Harness::with_ctx(dir, app, None, ctx);
        if locked_here {
            let lock = Store::lock(&path).expect("the lock is free");
            h.session.runtime_mut().hold_lock(path, lock);
        }
        h
    }

    /// The answered trail open in another window: read only, as
    /// `run_read_only` opens it.
    pub fn read_only() -> Harness {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = save_answered_trail(dir.path());
        let trail = Store::load(&path).expect("the trail reads back");
        let app =
            App::walk(Walk::new(grid(Lang::En), trail), Some(path), false, Lang::En, Palette::mono(), clock)
                .with_access(Access::ReadOnly, None);
        let ctx = ctx(dir.path(), Lang::En);
        Harness::with_ctx(dir, app, None, ctx)
    }

    /// A walk that writes nothing (`--ephemeral`).
    pub fn ephemeral() -> Harness {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let trail = Trail::start(&grid(Lang::En), "Workshop", "abcd2345".into(), clock());
        let app = App::walk(Walk::new(grid(Lang::En), trail), None, false, Lang::En, Palette::mono(), clock);
        let ctx = ctx(dir.path(), Lang::En);
        Harness::with_ctx(dir, app, None, ctx)
    }

    /// The English library of a data folder prepared by `setup`, with the
    /// test grid among the user's grids.
    pub fn library_with_grid(setup: impl FnOnce(&Path)) -> Harness {
        Harness::library_with_grid_and(setup, AppConfig::default())
    }

    /// `library_with_grid`, with the program's configuration given.
    pub fn library_with_grid_and(setup: impl FnOnce(&Path), config: AppConfig) -> Harness {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let grids = crate::paths::grids_dir(dir.path());
        std::fs::create_dir_all(&grids).expect("a grid folder");
        std::fs::write(grids.join("test-grid.en.toml"), GRID_EN).expect("the grid is written");
        setup(dir.path());
        let ctx = Ctx { config, ..ctx(dir.path(), Lang::En) };
        Harness::with_ctx(dir, App::library(Lang::En, Palette::mono(), clock), None, ctx)
    }

    /// `library_with_grid` in a data folder that `setup` encrypted, with its
    /// key unlocked for the run (as after the passphrase dialog).
    pub fn library_unlocked(setup: impl FnOnce(&Path) -> crate::trail::store::crypt::Key) -> Harness {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let grids = crate::paths::grids_dir(dir.path());
        std::fs::create_dir_all(&grids).expect("a grid folder");
        std::fs::write(grids.join("test-grid.en.toml"), GRID_EN).expect("the grid is written");
        let ctx = ctx(dir.path(), Lang::En).with_key(setup(dir.path()));
        Harness::with_ctx(dir, App::library(Lang::En, Palette::mono(), clock), None, ctx)
    }

    /// The lived trail, saved, on screen with `access`; `author` signs.
    pub fn review(lang: Lang, width: u16, height: u16, access: Access, author: Option<&str>) -> Harness {
        let author = author.map(str::to_string);
        Harness::new(
            move |dir| {
                let walk = lived_walk(lang);
                let store = Store::new(dir);
                let path = store.path_for(&walk.trail);
                store.save(&walk.trail, &path).expect("the trail is saved");
                App::walk(walk, Some(path), false, lang, Palette::mono(), clock).with_access(access, author)
            },
            lang,
            width,
            height,
        )
    }

    /// A document on screen.
    pub fn pager(lang: Lang, width: u16, height: u16, title: &str, text: &str) -> Harness {
        Harness::new(|_| App::pager(title, text, lang, Palette::mono(), clock), lang, width, height)
    }

    /// The library, with the trails of `setup` saved first.
    pub fn library(lang: Lang, width: u16, height: u16, setup: impl FnOnce(&Path)) -> Harness {
        Harness::new(
            |dir| {
                setup(dir);
                App::library(lang, Palette::mono(), clock)
            },
            lang,
            width,
            height,
        )
    }

    /// `walk` on screen, not saved anywhere (an ephemeral walk).
    pub fn unsaved_walk(walk: Walk, lang: Lang, width: u16, height: u16) -> Harness {
        Harness::new(|_| App::walk(walk, None, false, lang, Palette::mono(), clock), lang, width, height)
    }

    /// A fresh, unsaved walk of the grid written in `toml`.
    pub fn walk_of_grid(toml: &str, lang: Lang, width: u16, height: u16) -> Harness {
        let grid = crate::grid::parse(toml).expect("a valid grid");
        let trail = Trail::start(&grid, "T", "abcd2345".into(), clock());
        Harness::unsaved_walk(Walk::new(grid, trail), lang, width, height)
    }

    /// A walk of the test grid, saved in the temporary data folder.
    pub fn walk(lang: Lang, width: u16, height: u16) -> Harness {
        Harness::new(
            |dir| {
                let walk = walk(lang);
                let store = Store::new(dir);
                let path = store.path_for(&walk.trail);
                store.save(&walk.trail, &path).expect("the trail is saved");
                App::walk(walk, Some(path), false, lang, Palette::mono(), clock)
            },
            lang,
            width,
            height,
        )
    }

    pub fn press(&mut self, code: KeyCode) -> &mut Self {
        self.key(code, KeyModifiers::NONE)
    }

    pub fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) -> &mut Self {
        self.session.handle(Event::Key(KeyEvent::new(code, modifiers)));
        self
    }

    pub fn type_text(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            match c {
                '\n' => self.press(KeyCode::Enter),
                c => self.press(KeyCode::Char(c)),
            };
        }
        self
    }

    /// Lets time pass until every change is saved.
    pub fn saved(&mut self) -> &mut Self {
        self.session.settle();
        self.session.tick(Instant::now() + Duration::from_secs(60));
        self.session.settle();
        self
    }

    /// What a person sees, one line per row.
    pub fn screen(&mut self) -> String {
        self.session.draw().expect("a test terminal draws");
        self.session.terminal().backend().to_string()
    }

    pub fn walk_screen(&self) -> &crate::tui::screens::walk::WalkScreen {
        self.session.app().walk_screen().expect("a walk is on screen")
    }

    pub fn trail_path(&self) -> PathBuf {
        self.walk_screen().path().cloned().expect("the walk has a file")
    }

    pub fn ctrl(&mut self, c: char) -> &mut Self {
        self.key(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    pub fn shift_tab(&mut self) -> &mut Self {
        self.key(KeyCode::BackTab, KeyModifiers::SHIFT)
    }

    pub fn alt(&mut self, code: KeyCode) -> &mut Self {
        self.key(code, KeyModifiers::ALT)
    }

    /// A review's box (an annotation, a name) is open over the walk.
    pub fn box_open(&self) -> bool {
        self.session.app().box_open()
    }

    pub fn in_library(&self) -> bool {
        matches!(self.session.app().screen(), Screen::Library(_))
    }

    /// The question with the focus in the walk on screen.
    pub fn focus(&self) -> Option<At> {
        self.walk_screen().focus()
    }

    pub fn sessions(&self) -> PathBuf {
        crate::paths::sessions_dir(self.dir.path())
    }

    /// The trail files of the data folder.
    pub fn trail_files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.sessions())
            .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p| {
            p.extension().is_some_and(|x| x == "toml")
                && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
        });
        files.sort();
        files
    }
}

pub fn at(step: usize, question: usize) -> At {
    At { step, question }
}

/// Saves a new trail of the English test grid and returns its path.
pub fn save_trail(data_dir: &Path, title: &str, id: &str) -> PathBuf {
    let trail = Trail::start(&grid(Lang::En), title, id.to_string(), clock());
    let store = Store::new(data_dir);
    let path = store.path_for(&trail);
    store.save(&trail, &path).expect("the trail is saved");
    path
}

/// Saves an English trail whose answers have a history: a text changed
/// once, a choice, a scale. Returns its path.
pub fn save_answered_trail(data_dir: &Path) -> PathBuf {
    let grid = grid(Lang::En);
    let mut walk = Walk::new(grid.clone(), Trail::start(&grid, "Reviewed", "abcd2345".into(), earlier(9, 0)));
    walk.set(at(1, 0), Some(Answer::Text("The school asks.".into())), earlier(9, 1));
    walk.close_edit();
    walk.set(at(1, 1), Some(Answer::Choice("may".into())), earlier(9, 2));
    walk.close_edit();
    walk.set(
        at(1, 0),
        Some(Answer::Text("The school asks.\nThe mother does not know.".into())),
        earlier(9, 3),
    );
    walk.close_edit();
    walk.set(at(3, 1), Some(Answer::Scale(3)), earlier(9, 4));
    let store = Store::new(data_dir);
    let path = store.path_for(&walk.trail);
    store.save(&walk.trail, &path).expect("the trail is saved");
    path
}

/// Both sizes the issue names, in both languages.
pub const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
pub const LANGS: [Lang; 2] = [Lang::Fr, Lang::En];
