//! Shared by the tests of the full-screen front end: a small grid with
//! every kind of question and a step opened by a condition, a fixed clock,
//! and the real app over a `TestBackend` with its data folder in a
//! temporary directory.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use discern::commands::Ctx;
use discern::config::Config;
use discern::grid::Answer;
use discern::grid::Grid;
use discern::text::Lang;
use discern::trail::store::Store;
use discern::trail::{Time, Trail};
use discern::tui::runtime::app::Screen;
use discern::tui::runtime::saver::Saver;
use discern::tui::screens::review::Access;
use discern::tui::screens::walk::WalkScreen;
use discern::tui::widgets::theme::Palette;
use discern::tui::{App, Runtime, Session};
use discern::walk::{At, Walk};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

pub const GRID_EN: &str = include_str!("../grids/good/test-grid.en.toml");

pub fn clock() -> Time {
    chrono::DateTime::parse_from_rfc3339("2026-11-29T10:00:00+01:00").expect("a valid time")
}

pub fn grid() -> Grid {
    discern::grid::parse(GRID_EN).expect("the test grid is valid")
}

pub fn ctx(data_dir: &Path) -> Ctx {
    Ctx {
        lang: Lang::En,
        data_dir: data_dir.to_path_buf(),
        config: Config::default(),
        plain: false,
        passphrase_file: None,
    }
}

/// Saves a new trail of the test grid and returns its path.
pub fn save_trail(data_dir: &Path, title: &str, id: &str) -> PathBuf {
    let trail = Trail::start(&grid(), title, id.to_string(), clock());
    let store = Store::new(data_dir);
    let path = store.path_for(&trail);
    store.save(&trail, &path).expect("the trail is saved");
    path
}

/// A moment of the day before the clock of the tests.
pub fn earlier(minute: u32) -> Time {
    chrono::DateTime::parse_from_rfc3339(&format!("2026-11-28T09:{minute:02}:00+01:00"))
        .expect("a valid time")
}

/// Saves a trail whose answers have a history: a text changed once, a
/// choice, a scale. Returns its path.
pub fn save_answered_trail(data_dir: &Path) -> PathBuf {
    let mut walk = Walk::new(grid(), Trail::start(&grid(), "Reviewed", "abcd2345".into(), earlier(0)));
    walk.set(at(1, 0), Some(Answer::Text("The school asks.".into())), earlier(1));
    walk.close_edit();
    walk.set(at(1, 1), Some(Answer::Choice("may".into())), earlier(2));
    walk.close_edit();
    walk.set(at(1, 0), Some(Answer::Text("The school asks.\nThe mother does not know.".into())), earlier(3));
    walk.close_edit();
    walk.set(at(3, 1), Some(Answer::Scale(3)), earlier(4));
    let store = Store::new(data_dir);
    let path = store.path_for(&walk.trail);
    store.save(&walk.trail, &path).expect("the trail is saved");
    path
}

pub struct Harness {
    pub session: Session<TestBackend>,
    pub dir: tempfile::TempDir,
}

impl Harness {
    fn with(dir: tempfile::TempDir, app: App, saver: Option<Saver>) -> Harness {
        let ctx = ctx(dir.path());
        Harness::with_ctx(dir, app, saver, ctx)
    }

    fn with_ctx(dir: tempfile::TempDir, app: App, saver: Option<Saver>, ctx: Ctx) -> Harness {
        let terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
        let runtime = match saver {
            Some(saver) => Runtime::with_saver(&ctx, clock, saver),
            None => Runtime::new(&ctx, clock),
        };
        Harness { session: Session::new(terminal, app, runtime), dir }
    }

    /// A walk of the test grid, saved in a fresh data folder; as `run_walk` does.
    pub fn walk() -> Harness {
        Harness::walk_with_saver(|_| None)
    }

    pub fn walk_with_saver(saver: impl FnOnce(&Path) -> Option<Saver>) -> Harness {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = save_trail(dir.path(), "School's request about M.", "abcd2345");
        let trail = Store::load(&path).expect("the trail reads back");
        let app = App::walk(Walk::new(grid(), trail), Some(path), false, Lang::En, Palette::mono(), clock);
        let saver = saver(dir.path());
        Harness::with(dir, app, saver)
    }

    /// The answered trail in review, as `run_review` opens it: with its
    /// lock when `locked_here`, read only otherwise. `config` is the
    /// program's configuration (its author name, its file).
    pub fn review(setup: impl FnOnce(&Path) -> PathBuf, locked_here: bool, config: Config) -> Harness {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = setup(dir.path());
        let trail = Store::load(&path).expect("the trail reads back");
        let access = Access::Review { can_save: locked_here };
        let app =
            App::walk(Walk::new(grid(), trail), Some(path.clone()), false, Lang::En, Palette::mono(), clock)
                .with_access(access, config.author.clone());
        let ctx = Ctx { config, ..ctx(dir.path()) };
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
        let app = App::walk(Walk::new(grid(), trail), Some(path), false, Lang::En, Palette::mono(), clock)
            .with_access(Access::ReadOnly, None);
        Harness::with(dir, app, None)
    }

    /// The library, with the config given (an author name, a config file).
    pub fn library_with(setup: impl FnOnce(&Path), config: Config) -> Harness {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let grids = discern::paths::grids_dir(dir.path());
        std::fs::create_dir_all(&grids).expect("a grid folder");
        std::fs::write(grids.join("test-grid.en.toml"), GRID_EN).expect("the grid is written");
        setup(dir.path());
        let ctx = Ctx { config, ..ctx(dir.path()) };
        Harness::with_ctx(dir, App::library(Lang::En, Palette::mono(), clock), None, ctx)
    }

    pub fn ephemeral() -> Harness {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let trail = Trail::start(&grid(), "Workshop", "abcd2345".into(), clock());
        let app = App::walk(Walk::new(grid(), trail), None, false, Lang::En, Palette::mono(), clock);
        Harness::with(dir, app, None)
    }

    /// The library of a data folder prepared by `setup`, with the test grid
    /// among the user's grids.
    pub fn library(setup: impl FnOnce(&Path)) -> Harness {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let grids = discern::paths::grids_dir(dir.path());
        std::fs::create_dir_all(&grids).expect("a grid folder");
        std::fs::write(grids.join("test-grid.en.toml"), GRID_EN).expect("the grid is written");
        setup(dir.path());
        Harness::with(dir, App::library(Lang::En, Palette::mono(), clock), None)
    }

    pub fn press(&mut self, code: KeyCode) -> &mut Self {
        self.key(code, KeyModifiers::NONE)
    }

    pub fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) -> &mut Self {
        self.session.handle(Event::Key(KeyEvent::new(code, modifiers)));
        self
    }

    pub fn ctrl(&mut self, c: char) -> &mut Self {
        self.key(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    pub fn shift_tab(&mut self) -> &mut Self {
        self.key(KeyCode::BackTab, KeyModifiers::SHIFT)
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

    /// Lets time pass until the changes are saved (or the save has failed).
    pub fn saved(&mut self) -> &mut Self {
        self.session.settle();
        self.session.tick(Instant::now() + Duration::from_secs(60));
        self.session.settle();
        self
    }

    pub fn screen(&mut self) -> String {
        self.session.draw().expect("a test terminal draws");
        self.session.terminal().backend().to_string()
    }

    pub fn walk_screen(&self) -> &WalkScreen {
        self.session.app().walk_screen().expect("a walk is on screen")
    }

    pub fn trail_path(&self) -> PathBuf {
        self.walk_screen().path.clone().expect("the walk has a file")
    }

    pub fn alt(&mut self, code: KeyCode) -> &mut Self {
        self.key(code, KeyModifiers::ALT)
    }

    pub fn in_library(&self) -> bool {
        matches!(self.session.app().screen(), Screen::Library(_))
    }

    pub fn focus(&self) -> Option<At> {
        self.walk_screen().focus
    }

    pub fn sessions(&self) -> PathBuf {
        discern::paths::sessions_dir(self.dir.path())
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
