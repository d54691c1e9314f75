//! The runtime: performs the effects the app asks for (reading and writing
//! files through the store, saving through the saver thread) and turns
//! their outcome into messages. `Session` ties an app, a runtime and a
//! terminal of any backend together: the real loop drives it with the
//! terminal's events, tests with the events they choose.

pub mod app;
pub(crate) mod layer;
pub(crate) mod signals;
pub(crate) mod terminal;
pub(crate) mod unlock;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crate::documents::ExportFormat;
use crate::grid::Grid;
use crate::grid::library::Library;
use crate::ops::{self, Ctx, Failure};
use crate::trail::store::Lock;
use crate::trail::store::folder_lock::{FolderLock, Hold};
use crate::trail::{Time, Trail, lint, new_id};
use crate::tui::access::Access;
use crate::tui::popups::picker::Picker;
use crate::tui::runtime::app::{App, Effect, Msg, OpenFailure};
use crate::tui::saver::{SaveReport, Saver};
use crate::walk::Walk;

/// How long leaving waits for its save before saying it failed.
const SAVE_WAIT: Duration = Duration::from_secs(30);

/// How often time passes for the app: saves are sent at the first tick
/// after a change, so a change is on disk well within a second.
pub const TICK: Duration = Duration::from_millis(300);

/// How long a terminal that cannot be drawn on is given to say it was closed.
const HANG_UP_WAIT: Duration = Duration::from_secs(1);

/// Where the events come from: the terminal, or a test's script.
pub trait Events {
    /// The next event, if one comes within `timeout`.
    fn next(&mut self, timeout: Duration) -> std::io::Result<Option<Event>>;

    /// Whether the program was asked to stop (a signal, a closed terminal):
    /// no event will come any more.
    fn stop_requested(&self) -> bool {
        false
    }
}

/// The loop: time passes (saving what changed), the screen is drawn, the
/// events that came are taken in, until the app is finished. An error of
/// the terminal ends it, in words.
pub fn event_loop<B: Backend>(session: &mut Session<B>, events: &mut impl Events) -> Result<(), Failure> {
    let mut last_tick: Option<Instant> = None;
    loop {
        if last_tick.is_none_or(|t| t.elapsed() >= TICK) {
            session.tick(Instant::now());
            last_tick = Some(Instant::now());
        }
        if session.finished() {
            return Ok(());
        }
        session.unlock_if_needed(events);
        if let Err(e) = session.draw() {
            // A terminal that went away cannot be drawn on: that is a
            // request to stop, not a failure — the hang-up may be told a
            // moment after the failed write.
            let until = Instant::now() + HANG_UP_WAIT;
            while !events.stop_requested() && Instant::now() < until {
                let _ = events.next(until.saturating_duration_since(Instant::now()));
            }
            session.stop();
            return if events.stop_requested() {
                Ok(())
            } else {
                Err(Failure::Terminal(std::io::Error::other(e.to_string())))
            };
        }
        let waited = last_tick.map_or(Duration::ZERO, |t| t.elapsed());
        let mut next = events.next(TICK.saturating_sub(waited)).map_err(Failure::Terminal)?;
        if events.stop_requested() {
            session.stop();
            return Ok(());
        }
        // Everything that arrived is taken in before the next frame, so that
        // a burst of keys (a paste without bracketed paste) costs one redraw.
        while let Some(event) = next {
            session.handle(event);
            if session.finished() {
                break;
            }
            next = events.next(Duration::ZERO).map_err(Failure::Terminal)?;
        }
    }
}

/// Opens a file with the system's default application (`o` on the end
/// screen): `opener` for the program, a recorder for the tests, which must
/// never launch an application.
pub type Opener = Box<dyn Fn(&Path) -> std::io::Result<()> + Send>;

/// The system's default application, through the `opener` crate (xdg-open,
/// open, ShellExecute): no command line written here.
pub fn system_opener() -> Opener {
    Box::new(|path| opener::open(path).map_err(std::io::Error::other))
}

pub struct Runtime {
    ctx: Ctx,
    clock: fn() -> Time,
    saver: Saver,
    opener: Opener,
    /// The trail being walked, kept from other discern windows.
    lock: Option<(PathBuf, Lock)>,
    /// The data folder's lock, when this runtime took it itself: an
    /// ephemeral walk kept as a trail after all writes into the folder from
    /// then on, so it holds it shared as every command that writes does
    /// (an `encrypt` started meanwhile would miss the new trail).
    folder: Option<FolderLock>,
    /// The library was listed in an encrypted folder whose key this run has
    /// not unlocked (a walk started with `discern new` needs no passphrase;
    /// the library after it does): the loop asks for the passphrase.
    needs_unlock: bool,
}

impl Runtime {
    pub fn new(ctx: &Ctx, clock: fn() -> Time) -> Runtime {
        Runtime::with_saver(ctx, clock, Saver::start(&ctx.data_dir, ctx.lang))
    }

    /// With a saver of one's own: tests use one whose writes fail.
    pub fn with_saver(ctx: &Ctx, clock: fn() -> Time, mut saver: Saver) -> Runtime {
        // Reviews are saved by reading their file again: with the run's key.
        if let Some(key) = &ctx.key {
            saver.set_key(key.clone());
        }
        Runtime {
            ctx: ctx.clone(),
            clock,
            saver,
            opener: system_opener(),
            lock: None,
            folder: None,
            needs_unlock: false,
        }
    }

    /// With another way of opening files: tests record what was asked.
    pub fn set_opener(&mut self, opener: Opener) {
        self.opener = opener;
    }

    pub fn perform(&mut self, effect: Effect) -> Option<Msg> {
        Some(match effect {
            Effect::Save { job, wait } => {
                if let Some(failed) = self.saver.submit(job) {
                    return Some(Msg::Saved(vec![failed]));
                }
                if !wait {
                    return None;
                }
                Msg::Saved(self.saver.wait_all(SAVE_WAIT))
            }
            Effect::ListTrails => {
                use crate::trail::store::crypt;
                self.needs_unlock = crypt::is_encrypted_folder(&self.ctx.data_dir) && self.ctx.key.is_none();
                Msg::Listed(self.ctx.store().list())
            }
            Effect::FolderState => {
                use crate::trail::store::encryption::{folder_state, suggest_encrypt_once};
                let data = &self.ctx.data_dir;
                Msg::Folder { encrypted: folder_state(data), suggest: suggest_encrypt_once(data) }
            }
            Effect::LoadWords(paths) => Msg::Words(self.ctx.store().answer_words(&paths)),
            Effect::LoadGrids => {
                Msg::Grids(Picker::from_library(&Library::load(&self.ctx.grids_dir()), self.ctx.lang))
            }
            Effect::Open { path, review } => self.open(path, review),
            Effect::Create { grid, title } => self.create(*grid, &title),
            Effect::Rename { path, title } => {
                let result = ops::rename(&self.ctx, &path, &title, (self.clock)(), self.held(&path));
                Msg::Renamed { title, result }
            }
            Effect::Export { path, confirmed } => self.export(path, confirmed),
            Effect::Delete { path, title } => {
                let result = ops::delete(&self.ctx, &path, self.held(&path));
                Msg::Deleted { title, result }
            }
            Effect::Close(path) => {
                if self.lock.as_ref().is_some_and(|(p, _)| *p == path) {
                    self.lock = None;
                }
                return None;
            }
            Effect::SaveAuthor(name) => Msg::AuthorSaved(ops::save_author(&mut self.ctx, &name)),
            Effect::SaveFollowUp { path, entry } => {
                Msg::FollowUpSaved(ops::add_follow_up(&self.ctx, &path, *entry, self.held(&path)))
            }
            Effect::ExportWalk { id, format, text, warnings, ephemeral, confirmed } => {
                // Asked first: what looks identifying, a plaintext file in an
                // encrypted folder, and for an ephemeral walk where it goes.
                let plaintext = crate::trail::store::crypt::is_encrypted_folder(&self.ctx.data_dir);
                if !confirmed && (!warnings.is_empty() || plaintext || ephemeral) {
                    let into = ephemeral.then(|| crate::paths::exports_dir(&self.ctx.data_dir));
                    return Some(Msg::WalkExportNeedsConfirm { format, id, warnings, plaintext, into });
                }
                Msg::WalkExported(ops::write_library_export(&self.ctx, &id, format, &text))
            }
            Effect::OpenFile(path) => {
                let result = (self.opener)(&path);
                Msg::FileOpened { path, result }
            }
            Effect::KeepWalk(trail) => {
                if let Err(failure) = self.hold_folder() {
                    let path = self.ctx.store().path_for(&trail);
                    return Some(Msg::WalkKept { path, saved: Err(failure) });
                }
                let (path, saved) = ops::create(&self.ctx, &trail);
                if saved.is_ok()
                    && let Ok(lock) = ops::lock(&path)
                {
                    self.lock = Some((path.clone(), lock));
                }
                Msg::WalkKept { path, saved }
            }
        })
    }

    /// Takes the data folder's lock, shared, for the rest of the run. Only
    /// an ephemeral walk starts without it; elsewhere the command already
    /// holds it, and a second shared hold beside it is harmless.
    fn hold_folder(&mut self) -> Result<(), Failure> {
        if self.folder.is_none() {
            crate::paths::create_private_dir(&self.ctx.data_dir)
                .map_err(|error| Failure::CannotCreate { path: self.ctx.data_dir.clone(), error })?;
            self.folder = Some(ops::hold_folder(&self.ctx, Hold::Shared, || {})?);
        }
        Ok(())
    }

    /// Keeps the lock of the trail being walked, taken by the caller, so
    /// that it is let go when the walk ends (and the library can open,
    /// rename or delete that trail afterwards).
    pub fn hold_lock(&mut self, path: PathBuf, lock: Lock) {
        self.lock = Some((path, lock));
    }

    /// The save reports that came back, without waiting.
    pub fn save_reports(&mut self) -> Vec<SaveReport> {
        self.saver.reports()
    }

    /// Waits for every save sent so far.
    pub fn wait_for_saves(&mut self) -> Vec<SaveReport> {
        self.saver.wait_all(SAVE_WAIT)
    }

    pub fn data_dir(&self) -> &Path {
        &self.ctx.data_dir
    }

    /// The lock of `path` if this window holds it (the walk it started with).
    fn held(&self, path: &Path) -> Option<&Lock> {
        self.lock.as_ref().filter(|(p, _)| p == path).map(|(_, lock)| lock)
    }

    /// A trail to walk or review. When another window has it open, it
    /// opens all the same, read only: this window then never writes it.
    /// The lock is taken before the file is read, so that a window never
    /// reads a trail another one is still writing and then saves that copy.
    fn open(&mut self, path: PathBuf, review: bool) -> Msg {
        // Held here already: the walk this program started with.
        let held_here = self.lock.as_ref().is_some_and(|(p, _)| *p == path);
        let opened = if held_here {
            ops::read(&self.ctx, &path, self.held(&path)).map(|trail| ops::Opened { trail, lock: None })
        } else {
            ops::open(&self.ctx, &path)
        };
        let (trail, taken) = match opened {
            Ok(ops::Opened { trail, lock }) => (trail, lock),
            Err(Failure::Damaged { error, .. }) => return Msg::OpenFailed(OpenFailure::Damaged(error)),
            Err(e) => return Msg::OpenFailed(OpenFailure::Locked(e)),
        };
        let writable = held_here || taken.is_some();
        let Some(grid) = ops::find_grid_or_translation(&self.ctx, &trail) else {
            let g = &trail.grid;
            return Msg::OpenFailed(OpenFailure::GridGone {
                title: g.title.clone(),
                id: g.id.clone(),
                language: g.language.clone(),
            });
        };
        if let Some(lock) = taken {
            self.lock = Some((path.clone(), lock));
        }
        let access = match (review, writable) {
            (true, can_save) => Access::Review { can_save },
            (false, true) => Access::Answer,
            (false, false) => Access::ReadOnly,
        };
        let author = self.ctx.config.author.clone();
        Msg::Opened { walk: Box::new(Walk::new(grid, trail)), path, saved: Ok(()), access, author }
    }

    /// A new trail, saved at once; if that fails the walk opens all the
    /// same, says so, and tries again.
    fn create(&mut self, grid: Grid, title: &str) -> Msg {
        let trail = Trail::start(&grid, title, new_id(), (self.clock)());
        let (path, saved) = ops::create(&self.ctx, &trail);
        if saved.is_ok()
            && let Ok(lock) = ops::lock(&path)
        {
            self.lock = Some((path.clone(), lock));
        }
        Msg::Opened {
            walk: Box::new(Walk::new(grid, trail)),
            path,
            saved,
            access: Access::Answer,
            author: None,
        }
    }

    fn export(&self, path: PathBuf, confirmed: bool) -> Msg {
        let trail = match ops::read(&self.ctx, &path, None) {
            Ok(t) => t,
            Err(e) => return Msg::Exported(Err(e)),
        };
        if !confirmed {
            let warnings = lint::warnings(&trail);
            // In an encrypted folder an export is the one plaintext file:
            // it is written only once the user has said yes to that.
            let plaintext = crate::trail::store::crypt::is_encrypted_folder(&self.ctx.data_dir);
            if !warnings.is_empty() || plaintext {
                return Msg::ExportNeedsConfirm { path, id: trail.id.clone(), warnings, plaintext };
            }
        }
        let grid = ops::find_grid_or_translation(&self.ctx, &trail);
        Msg::Exported(ops::export_to_library(&self.ctx, &trail, grid.as_ref(), ExportFormat::Md))
    }
}

/// An app, its runtime and a terminal: one turn of the loop at a time.
pub struct Session<B: Backend> {
    terminal: Terminal<B>,
    app: App,
    runtime: Runtime,
}

impl<B: Backend> Session<B> {
    pub fn new(terminal: Terminal<B>, app: App, runtime: Runtime) -> Session<B> {
        let mut session = Session { terminal, app, runtime };
        if let Ok(size) = session.terminal.size() {
            session.app.set_size(size.width, size.height);
        }
        let effects = session.app.start();
        session.run(effects);
        // What exposes the data folder is said once, as the screen opens
        // (the command line has said it on standard error before).
        let lang = session.runtime.ctx.lang;
        let exposures = crate::paths::exposures(&session.runtime.ctx.data_dir);
        if !exposures.is_empty() {
            let words: Vec<String> = exposures.iter().map(|e| lang.exposure(e)).collect();
            session.app.warn(format!("⚠ {}", words.join(" · ")));
        }
        session
    }

    /// A terminal event: a key, a paste, a resize.
    pub fn handle(&mut self, event: Event) {
        self.dispatch(Msg::Event(event));
    }

    /// A request to stop from outside (a signal, a closed terminal): what
    /// Ctrl-C does — the walk is saved and the program quits — from
    /// whatever screen or dialog is up.
    pub fn stop(&mut self) {
        self.handle(Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)));
    }

    /// The passing of time: saves come back, changes get saved.
    pub fn tick(&mut self, now: Instant) {
        let reports = self.runtime.save_reports();
        if !reports.is_empty() {
            self.dispatch(Msg::Saved(reports));
        }
        self.dispatch(Msg::Tick(now));
    }

    /// Asks for the passphrase, in the dialog, when the library was listed
    /// in a locked encrypted folder; once it opens, the trails are listed
    /// again. Esc leaves the library as it is: its encrypted trails say that
    /// the passphrase was not given.
    pub fn unlock_if_needed(&mut self, events: &mut impl Events) {
        if !std::mem::take(&mut self.runtime.needs_unlock) {
            return;
        }
        let ctx = &self.runtime.ctx;
        let palette = crate::tui::theme::Palette::from_env(ctx.config.theme);
        let opened =
            crate::tui::runtime::unlock::run(&mut self.terminal, events, ctx.lang, &palette, |passphrase| {
                ops::unlock(ctx, passphrase)
            });
        // The screen under the dialog is drawn whole again.
        let _ = self.terminal.clear();
        if let Ok(Some(key)) = opened {
            self.runtime.saver.set_key(key.clone());
            self.runtime.ctx = self.runtime.ctx.with_key(key);
            self.run(vec![Effect::ListTrails]);
        }
    }

    /// Waits for the saves on their way and takes in their outcome.
    pub fn settle(&mut self) {
        let reports = self.runtime.wait_for_saves();
        if !reports.is_empty() {
            self.dispatch(Msg::Saved(reports));
        }
    }

    pub fn draw(&mut self) -> Result<(), B::Error> {
        let app = &self.app;
        self.terminal
            .draw(|frame| {
                app.render(frame);
                crate::tui::widgets::scrub::scrub(frame.buffer_mut());
            })
            .map(|_| ())
    }

    pub fn finished(&self) -> bool {
        self.app.finished()
    }

    pub fn app(&self) -> &App {
        &self.app
    }

    pub fn into_app(self) -> App {
        let Session { mut terminal, app, runtime } = self;
        drop(runtime);
        // Dropping a terminal that cannot show its cursor any more (it was
        // closed) prints a complaint on a standard error that is gone too.
        if terminal.show_cursor().is_err() {
            std::mem::forget(terminal);
        }
        app
    }

    pub fn app_mut(&mut self) -> &mut App {
        &mut self.app
    }

    pub fn terminal(&self) -> &Terminal<B> {
        &self.terminal
    }

    pub fn terminal_mut(&mut self) -> &mut Terminal<B> {
        &mut self.terminal
    }

    pub fn runtime(&self) -> &Runtime {
        &self.runtime
    }

    pub fn runtime_mut(&mut self) -> &mut Runtime {
        &mut self.runtime
    }

    /// After a crash of the loop: the walk on screen written straight to
    /// its file (a review's annotations alone), once the saves on their way
    /// are done. A window that only reads writes nothing.
    pub fn rescue(&mut self) -> Option<std::io::Result<()>> {
        let job = self.app.walk_screen()?.file_job()?;
        self.runtime.wait_for_saves();
        let store = self.runtime.ctx.store();
        Some(crate::tui::saver::write_job(&store, &job, &crate::tui::saver::disk_writer()))
    }

    fn dispatch(&mut self, msg: Msg) {
        let effects = self.app.update(msg);
        self.run(effects);
    }

    /// Performs effects, feeding their outcome back, until none is left.
    fn run(&mut self, effects: Vec<Effect>) {
        let mut queue: VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            if let Some(reply) = self.runtime.perform(effect) {
                queue.extend(self.app.update(reply));
            }
        }
    }
}
