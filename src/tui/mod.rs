//! The full-screen front end: the library, the grid picker, the
//! walkthrough and the help.
//!
//! The app (`app`) is state and `update`; screens only draw; keys become
//! messages (`keys`); effects (saving, reading and writing files) are done
//! by the runtime (`runtime`), saving on a thread of its own (`saver`) so
//! that typing never waits for the disk. The loop is generic over ratatui's
//! `Backend`, so tests drive the real app over a `TestBackend`.

pub mod access;
mod editor;
pub mod keys;
pub mod popups;
pub mod runtime;
pub mod saver;
pub mod screens;
pub mod theme;
pub mod widgets;

#[doc(hidden)]
pub mod testing;

use std::io::Stdout;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;

use ratatui::backend::CrosstermBackend;

pub use runtime::app::{App, Effect, Msg};
pub use runtime::{Events, Runtime, Session, event_loop};

use crate::ops::{Ctx, Failure};
use crate::trail::store::Lock;
use crate::trail::store::crypt::Key;
use crate::walk::Walk;
pub use runtime::signals::ignore_file_size_limit;
pub use runtime::terminal::restore_terminal;
use runtime::terminal::{TerminalEvents, TerminalGuard};
use theme::Palette;

/// The passphrase dialog of an encrypted folder, on the full screen: the
/// folder's key once unlocked, `None` when the user left with `Esc`.
pub fn unlock_dialog(ctx: &Ctx) -> Result<Option<Key>, Failure> {
    let lang = ctx.lang;
    let (guard, mut terminal) = TerminalGuard::enter().map_err(Failure::Terminal)?;
    let palette = Palette::from_env(ctx.config.theme);
    let mut events = TerminalEvents::new().map_err(Failure::Terminal)?;
    let outcome = runtime::unlock::run(&mut terminal, &mut events, lang, &palette, |passphrase| {
        crate::ops::unlock(ctx, passphrase)
    });
    drop(guard);
    outcome
}

/// The library (`discern` with no argument).
pub fn run_library(ctx: &Ctx) -> Result<ExitCode, Failure> {
    let app = App::library(ctx.lang, Palette::from_env(ctx.config.theme), crate::trail::now);
    run(ctx, app, None).0
}

/// An ephemeral walk (nothing written unless asked on its end screen),
/// with the walk given back when the screen closes, and its file when it
/// was kept as a trail there: for `discern new --ephemeral`, whose `-o FILE`
/// export is written then.
pub fn run_ephemeral(ctx: &Ctx, walk: Walk) -> (Result<ExitCode, Failure>, EphemeralEnd) {
    let (result, end) = run_with(ctx, walk_app(ctx, walk, None), None, App::into_ephemeral_end);
    (result, end.unwrap_or((None, None)))
}

/// An ephemeral walk as the screen left it (the walk, if still on screen),
/// and the file of the trail it became if it was kept.
pub type EphemeralEnd = (Option<Walk>, Option<PathBuf>);

/// The walkthrough of a trail whose lock the caller took: Esc saves and
/// goes to the library (and `q` there quits), Ctrl-C saves and quits from
/// anywhere. The lock is let go when the walk ends, so that the library can
/// open, rename or delete that trail like any other.
/// Gives back the walk on screen at the end, if any (for `new -o FILE`).
pub fn run_walk_locked(
    ctx: &Ctx,
    walk: Walk,
    path: PathBuf,
    lock: Lock,
) -> (Result<ExitCode, Failure>, Option<Walk>) {
    let lock = (path.clone(), lock);
    run(ctx, walk_app(ctx, walk, Some(path)), Some(lock))
}

fn walk_app(ctx: &Ctx, walk: Walk, path: Option<PathBuf>) -> App {
    let needs_save = path.as_ref().is_some_and(|p| !p.exists());
    let palette = Palette::from_env(ctx.config.theme);
    App::walk(walk, path, needs_save, ctx.lang, palette, crate::trail::now)
}

/// The message and backtrace of a panic, kept to be printed once the
/// screen is restored (printed on the alternate screen, they would vanish
/// with it).
static PANIC_REPORT: Mutex<Option<Crash>> = Mutex::new(None);

/// A panic: its message (with where it happened) and its backtrace.
#[derive(Debug)]
struct Crash {
    message: String,
    backtrace: String,
}

/// Runs `body`, turning a panic into its message and backtrace: the hook
/// keeps them instead of printing them on the full screen.
fn catch_panic<T>(body: impl FnOnce() -> T) -> Result<T, Crash> {
    let previous_hook = panic::take_hook();
    panic::set_hook(Box::new(|info| {
        let backtrace = std::backtrace::Backtrace::force_capture();
        if let Ok(mut report) = PANIC_REPORT.lock() {
            *report = Some(Crash { message: info.to_string(), backtrace: backtrace.to_string() });
        }
    }));
    let outcome = panic::catch_unwind(AssertUnwindSafe(body));
    panic::set_hook(previous_hook);
    outcome.map_err(|_| {
        let report = PANIC_REPORT.lock().ok().and_then(|mut m| m.take());
        report.unwrap_or_else(|| Crash { message: "panic".to_string(), backtrace: String::new() })
    })
}

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
        Err(e) => return (Err(Failure::Terminal(e)), take(app)),
    };
    let mut events = match TerminalEvents::new() {
        Ok(events) => events,
        Err(e) => {
            drop(guard);
            return (Err(Failure::Terminal(e)), take(app));
        }
    };

    // A panic is caught, so that the walk is saved before the terminal is
    // restored; its message and backtrace are printed after.
    let mut slot: Option<Session<CrosstermBackend<Stdout>>> = None;
    let outcome = catch_panic(|| {
        let session = slot.insert(Session::new(terminal, app, runtime));
        event_loop(session, &mut events)
    });

    let stopped = match outcome {
        Ok(Ok(())) => None,
        Ok(Err(e)) => Some(Crash { message: lang.failure(&e), backtrace: String::new() }),
        Err(crash) => Some(crash),
    };
    let result = match (stopped, &mut slot) {
        (None, Some(session)) => {
            session.settle();
            let code = if session.app().lost_changes() { ExitCode::from(1) } else { ExitCode::SUCCESS };
            Ok(code)
        }
        (None, None) => Ok(ExitCode::SUCCESS),
        (Some(crash), session) => {
            let saved = session.as_mut().and_then(|s| s.rescue()).map(|r| r.is_ok());
            Err(Failure::ScreenStopped { message: crash.message, saved, backtrace: crash.backtrace })
        }
    };
    // The saver finishes its work before the terminal is given back.
    let walk = slot.and_then(|session| take(session.into_app()));
    drop(guard);
    // Signals end the process again as they would, now the screen is closed.
    drop(events);
    (result, walk)
}

/// `discern review TRAIL`: the walkthrough read only, with the history of
/// each answer; `a` annotates the focused answer. `lock: None` means the
/// trail is open in another window: it is shown all the same, says so, and
/// nothing is written, not even an annotation. With the lock, annotations
/// are saved beside the answers, which stay exactly as they are in the file.
pub fn run_review(ctx: &Ctx, walk: Walk, path: PathBuf, lock: Option<Lock>) -> Result<ExitCode, Failure> {
    let access = access::Access::Review { can_save: lock.is_some() };
    review(ctx, walk, path, lock, access)
}

/// A review of a trail as it stood at `moment` (`discern review
/// TRAIL@WHEN`): read as a review is, never written, saying which moment.
pub fn run_past_review(
    ctx: &Ctx,
    walk: Walk,
    path: PathBuf,
    moment: crate::trail::asof::Moment,
) -> Result<ExitCode, Failure> {
    review(ctx, walk, path, None, access::Access::Past(moment))
}

fn review(
    ctx: &Ctx,
    walk: Walk,
    path: PathBuf,
    lock: Option<Lock>,
    access: access::Access,
) -> Result<ExitCode, Failure> {
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
        .with_access(access::Access::ReadOnly, None);
    run(ctx, app, None).0
}

/// A text to read on the terminal, scrolled with ↑ ↓ PageUp PageDown Home
/// End, closed with q or Esc: `discern compare` on a terminal. Markdown
/// marks (`#`, `**`) are shown as styles.
pub fn run_pager(ctx: &Ctx, title: &str, text: &str) -> Result<ExitCode, Failure> {
    let palette = Palette::from_env(ctx.config.theme);
    run(ctx, App::pager(title, text, ctx.lang, palette, crate::trail::now), None).0
}

#[cfg(test)]
mod crash_tests {
    use super::catch_panic;

    #[test]
    fn a_panic_is_kept_with_its_message_and_backtrace_and_the_hook_is_given_back() {
        let crash = catch_panic(|| panic!("the walk broke")).expect_err("the panic is caught");
        assert!(crash.message.contains("the walk broke"), "{}", crash.message);
        assert!(crash.message.contains("src/tui/mod.rs"), "where it happened: {}", crash.message);
        assert!(!crash.backtrace.trim().is_empty(), "a backtrace is kept");
        assert_eq!(catch_panic(|| 7).expect("no panic"), 7);
    }
}
