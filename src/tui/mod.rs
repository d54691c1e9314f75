//! The full-screen front end: the library, the grid picker, the
//! walkthrough and the help.
//!
//! The app (`app`) is state and `update`; screens only draw; keys become
//! messages (`keys`); effects (saving, reading and writing files) are done
//! by the runtime (`runtime`), saving on a thread of its own (`saver`) so
//! that typing never waits for the disk. The loop is generic over ratatui's
//! `Backend`, so tests drive the real app over a `TestBackend`.

mod answer;
pub mod app;
mod date_field;
mod dialog;
mod editor;
mod follow_up;
mod footer;
pub mod help;
pub mod keys;
pub mod library;
mod library_view;
mod option_rows;
pub mod picker;
pub mod runtime;
pub mod saver;
mod step_view;
mod steps_list;
pub mod theme;
pub mod walk_screen;
mod walk_view;
mod wrap;

#[cfg(test)]
mod exclusive_tests;
#[cfg(test)]
mod test_support;

use std::io::{self, Stdout};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

pub use app::{App, Effect, Msg};
pub use runtime::{Events, Runtime, Session, event_loop};

use crate::commands::{Ctx, Failure};
use crate::trail::store::Lock;
use crate::walk::Walk;
use theme::Palette;

/// The library (`discern` with no argument).
pub fn run_library(ctx: &Ctx) -> Result<ExitCode, Failure> {
    let app = App::library(ctx.lang, Palette::from_env(ctx.config.theme), crate::trail::now);
    run(ctx, app, None).0
}

/// The walkthrough of `walk`. `path: None` means ephemeral: nothing is ever
/// written to disk, and the screen says so. With a path, Esc saves and goes
/// to the library (and `q` there quits); an ephemeral walk ends with Esc,
/// having nothing the library could show. Ctrl-C saves and quits from
/// anywhere.
pub fn run_walk(ctx: &Ctx, walk: Walk, path: Option<PathBuf>) -> Result<ExitCode, Failure> {
    run(ctx, walk_app(ctx, walk, path), None).0
}

/// An ephemeral walk (nothing written), with the walk given back when the
/// screen closes: for `discern new --ephemeral -o FILE`, whose export is the
/// one file such a walk writes.
pub fn run_ephemeral(ctx: &Ctx, walk: Walk) -> (Result<ExitCode, Failure>, Option<Walk>) {
    run(ctx, walk_app(ctx, walk, None), None)
}

/// `run_walk` for a trail whose lock the caller took: the lock is let go
/// when the walk ends, so that the library (after Esc) can open, rename or
/// delete that trail like any other.
pub fn run_walk_locked(ctx: &Ctx, walk: Walk, path: PathBuf, lock: Lock) -> Result<ExitCode, Failure> {
    let lock = (path.clone(), lock);
    run(ctx, walk_app(ctx, walk, Some(path)), Some(lock)).0
}

fn walk_app(ctx: &Ctx, walk: Walk, path: Option<PathBuf>) -> App {
    let needs_save = path.as_ref().is_some_and(|p| !p.exists());
    let palette = Palette::from_env(ctx.config.theme);
    App::walk(walk, path, needs_save, ctx.lang, palette, crate::trail::now)
}

/// Leaves the terminal as it was found, whatever happens: the guard's drop
/// runs on return, on error and while a panic unwinds.
struct TerminalGuard;

impl TerminalGuard {
    fn enter() -> io::Result<(TerminalGuard, Terminal<CrosstermBackend<Stdout>>)> {
        enable_raw_mode()?;
        let guard = TerminalGuard;
        execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
        let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        Ok((guard, terminal))
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        let _ = execute!(io::stdout(), DisableBracketedPaste, LeaveAlternateScreen);
        let _ = disable_raw_mode();
        let _ = execute!(io::stdout(), ratatui::crossterm::cursor::Show);
    }
}

/// The message of a panic, kept to be printed once the screen is restored
/// (printed on the alternate screen, it would vanish with it).
static PANIC_MESSAGE: Mutex<Option<String>> = Mutex::new(None);

/// Runs `app` on the terminal until it is finished; gives back the walk on
/// screen at the end, if any.
fn run(ctx: &Ctx, app: App, lock: Option<(PathBuf, Lock)>) -> (Result<ExitCode, Failure>, Option<Walk>) {
    run_with(ctx, app, lock, App::into_walk)
}

/// `discern follow-up TRAIL` on the screen: the entry, once saved there
/// (`None` when left without saving). The caller holds the lock and writes.
pub fn run_follow_up(ctx: &Ctx, title: &str) -> Result<Option<crate::trail::FollowUp>, Failure> {
    let app = App::follow_up(title, ctx.lang, Palette::from_env(ctx.config.theme), crate::trail::now);
    let (result, entry) = run_with(ctx, app, None, App::into_follow_up);
    result.map(|_| entry)
}

/// `run`, giving back what `take` finds in the app at the end.
fn run_with<T>(
    ctx: &Ctx,
    app: App,
    lock: Option<(PathBuf, Lock)>,
    take: fn(App) -> Option<T>,
) -> (Result<ExitCode, Failure>, Option<T>) {
    let lang = ctx.lang;
    let mut runtime = Runtime::new(ctx, crate::trail::now);
    if let Some((path, lock)) = lock {
        runtime.hold_lock(path, lock);
    }
    let (guard, terminal) = match TerminalGuard::enter() {
        Ok(entered) => entered,
        Err(e) => return (Err(Failure(lang.terminal_failed(&e))), take(app)),
    };

    // A panic is caught below, so that the walk is saved before the
    // terminal is restored; the hook only keeps its message.
    let previous_hook = panic::take_hook();
    panic::set_hook(Box::new(|info| {
        if let Ok(mut m) = PANIC_MESSAGE.lock() {
            *m = Some(info.to_string());
        }
    }));
    let mut slot: Option<Session<CrosstermBackend<Stdout>>> = None;
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        let session = slot.insert(Session::new(terminal, app, runtime));
        event_loop(session, &mut TerminalEvents::new())
    }));
    panic::set_hook(previous_hook);

    let stopped = match outcome {
        Ok(Ok(())) => None,
        Ok(Err(e)) => Some(e),
        Err(_) => {
            let message = PANIC_MESSAGE.lock().ok().and_then(|mut m| m.take());
            Some(message.unwrap_or_else(|| "panic".to_string()))
        }
    };
    let result = match (stopped, &mut slot) {
        (None, Some(session)) => {
            session.settle();
            let code = if session.app().lost_changes() { ExitCode::from(1) } else { ExitCode::SUCCESS };
            Ok(code)
        }
        (None, None) => Ok(ExitCode::SUCCESS),
        (Some(what), session) => {
            let saved = session.as_mut().and_then(|s| s.rescue()).map(|r| r.is_ok());
            Err(Failure(lang.screen_stopped(&what, saved)))
        }
    };
    // The saver finishes its work before the terminal is given back.
    let walk = slot.and_then(|session| take(session.into_app()));
    drop(guard);
    (result, walk)
}

/// The terminal's own events, and the signals that ask the program to stop.
struct TerminalEvents {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl TerminalEvents {
    /// SIGTERM (a shutdown, `kill`) and SIGHUP (the terminal closed) are
    /// turned into the Ctrl-C of the app: save, restore the terminal, exit.
    fn new() -> TerminalEvents {
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
            // Without the handler the default still ends the program; the
            // trail is then at most one tick behind.
            let _ = signal_hook::flag::register(signal, stop.clone());
        }
        TerminalEvents { stop }
    }

    fn stop_requested(&self) -> bool {
        self.stop.load(std::sync::atomic::Ordering::Relaxed)
    }
}

impl Events for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<event::Event>> {
        use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
        let ctrl_c = || Some(Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)));
        if self.stop_requested() {
            return Ok(ctrl_c());
        }
        // Poll in short slices, so that a signal is seen within 50 ms even
        // while no key comes.
        let deadline = Instant::now() + timeout;
        loop {
            let slice = deadline.saturating_duration_since(Instant::now()).min(Duration::from_millis(50));
            match event::poll(slice) {
                Ok(true) => return event::read().map(Some),
                Ok(false) => {}
                // A terminal that went away (SIGHUP) is a request to stop.
                Err(_) if self.stop_requested() => return Ok(ctrl_c()),
                Err(e) => return Err(e),
            }
            if self.stop_requested() {
                return Ok(ctrl_c());
            }
            if Instant::now() >= deadline {
                return Ok(None);
            }
        }
    }
}

pub mod pager;
mod pager_view;
mod privacy_note;
pub mod review;
mod review_rows;
mod review_view;
mod walk_saving;

/// `discern review TRAIL`: the walkthrough read only, with the history of
/// each answer; `a` annotates the focused answer. `lock: None` means the
/// trail is open in another window: it is shown all the same, says so, and
/// nothing is written, not even an annotation. With the lock, annotations
/// are saved beside the answers, which stay exactly as they are in the file.
pub fn run_review(ctx: &Ctx, walk: Walk, path: PathBuf, lock: Option<Lock>) -> Result<ExitCode, Failure> {
    let access = review::Access::Review { can_save: lock.is_some() };
    let palette = Palette::from_env(ctx.config.theme);
    let app = App::walk(walk, Some(path.clone()), false, ctx.lang, palette, crate::trail::now)
        .with_access(access, ctx.config.author.clone());
    run(ctx, app, lock.map(|lock| (path, lock))).0
}

/// A trail open in another window (its lock is held elsewhere): the
/// walkthrough read only, saying so; nothing is ever written, not even on
/// Esc or Ctrl-C. The same read-only machinery as a review, without the
/// history and the annotation box.
pub fn run_read_only(ctx: &Ctx, walk: Walk, path: PathBuf) -> Result<ExitCode, Failure> {
    let palette = Palette::from_env(ctx.config.theme);
    let app = App::walk(walk, Some(path), false, ctx.lang, palette, crate::trail::now)
        .with_access(review::Access::ReadOnly, None);
    run(ctx, app, None).0
}

/// A text to read on the terminal, scrolled with ↑ ↓ PageUp PageDown Home
/// End, closed with q or Esc: `discern compare` on a terminal. Markdown
/// marks (`#`, `**`) are shown as styles.
pub fn run_pager(ctx: &Ctx, title: &str, text: &str) -> Result<ExitCode, Failure> {
    let palette = Palette::from_env(ctx.config.theme);
    run(ctx, App::pager(title, text, ctx.lang, palette, crate::trail::now), None).0
}
