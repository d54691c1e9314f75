//! The real terminal: entering and leaving the full screen, and its events
//! — keys, pastes, resizes — with the requests to stop (a signal, a closed
//! window, the end of the terminal's input) that end the loop cleanly.

use std::io::{self, Stdout};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::tui::runtime::Events;
use crate::tui::runtime::signals::{StopRequests, stop_requests, terminal_gone};

/// Leaves the terminal as it was found, whatever happens: the guard's drop
/// runs on return, on error and while a panic unwinds.
pub struct TerminalGuard;

impl TerminalGuard {
    pub fn enter() -> io::Result<(TerminalGuard, Terminal<CrosstermBackend<Stdout>>)> {
        enable_raw_mode()?;
        let guard = TerminalGuard;
        execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
        let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        Ok((guard, terminal))
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// The terminal as it was before the full screen, as far as it can still
/// be reached (a closed terminal cannot).
pub fn restore_terminal() {
    let _ = execute!(io::stdout(), DisableBracketedPaste, LeaveAlternateScreen);
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), ratatui::crossterm::cursor::Show);
}

/// The terminal's own events, until a request to stop: then no event
/// comes any more, and `stop_requested` says so.
pub struct TerminalEvents {
    stop: StopRequests,
    #[cfg(unix)]
    tty: unix::Tty,
    stopped: bool,
}

impl TerminalEvents {
    pub fn new() -> io::Result<TerminalEvents> {
        Ok(TerminalEvents {
            stop: stop_requests(),
            #[cfg(unix)]
            tty: unix::Tty::open()?,
            stopped: false,
        })
    }
}

impl Events for TerminalEvents {
    fn next(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        if self.stopped {
            return Ok(None);
        }
        match self.wait(timeout) {
            Ok(Some(event)) => Ok(Some(event)),
            Ok(None) => {
                self.stopped = self.stop.requested();
                Ok(None)
            }
            // A terminal that cannot be read any more is gone: stop.
            Err(_) => {
                terminal_gone();
                self.stopped = true;
                Ok(None)
            }
        }
    }

    fn stop_requested(&self) -> bool {
        self.stopped
    }
}

#[cfg(unix)]
impl TerminalEvents {
    /// Waits on the terminal and the requests to stop together, so that
    /// either wakes the loop at once. The terminal library would spin for
    /// ever on a terminal that has gone (its read returns nothing, again and
    /// again), so it is only asked to read once the terminal has input.
    fn wait(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        // Events the terminal library has read and parsed already come first.
        if !self.tty.alive() {
            terminal_gone();
            self.stopped = true;
            return Ok(None);
        }
        if event::poll(Duration::ZERO)? {
            return event::read().map(Some);
        }
        let woken = self.tty.wait(self.stop.fd(), timeout)?;
        if woken.stop && self.stop.requested() {
            self.stopped = true;
            return Ok(None);
        }
        // Woken by input, or by nothing: a resize is only seen by asking.
        if !self.tty.alive() {
            terminal_gone();
            self.stopped = true;
            return Ok(None);
        }
        if event::poll(Duration::ZERO)? { event::read().map(Some) } else { Ok(None) }
    }
}

#[cfg(not(unix))]
impl TerminalEvents {
    /// Waits in short slices, looking at the requests to stop between them.
    fn wait(&mut self, timeout: Duration) -> io::Result<Option<Event>> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            if self.stop.requested() {
                return Ok(None);
            }
            let slice = deadline.saturating_duration_since(std::time::Instant::now()).min(SLICE);
            if event::poll(slice)? {
                return event::read().map(Some);
            }
            if std::time::Instant::now() >= deadline {
                return Ok(None);
            }
        }
    }
}

/// How often the loop looks for a request to stop where it cannot wait on it.
#[cfg(not(unix))]
const SLICE: Duration = Duration::from_millis(50);

#[cfg(unix)]
mod unix {
    use std::fs::File;
    use std::io::{self, IsTerminal};
    use std::os::fd::{AsFd, BorrowedFd};
    use std::time::Duration;

    /// The terminal the keys come from: standard input when it is one, else
    /// `/dev/tty` (as the terminal library chooses).
    pub enum Tty {
        Stdin(io::Stdin),
        Device(File),
    }

    /// What ended a wait.
    pub struct Woken {
        pub stop: bool,
    }

    impl Tty {
        pub fn open() -> io::Result<Tty> {
            if io::stdin().is_terminal() {
                return Ok(Tty::Stdin(io::stdin()));
            }
            Ok(Tty::Device(File::open("/dev/tty")?))
        }

        fn fd(&self) -> BorrowedFd<'_> {
            match self {
                Tty::Stdin(stdin) => stdin.as_fd(),
                Tty::Device(file) => file.as_fd(),
            }
        }

        /// Whether the terminal can still give input: a terminal that is
        /// "readable" with nothing to read has reached its end (closed,
        /// hung up), and one that refuses to say is gone.
        pub fn alive(&self) -> bool {
            match discern_os::readable(&[self.fd()], Duration::ZERO) {
                Ok(ready) if ready[0] => discern_os::pending_bytes(self.fd()).is_ok_and(|n| n > 0),
                Ok(_) => true,
                Err(_) => false,
            }
        }

        /// Waits until the terminal has input, `stop` is readable, or
        /// `timeout` has passed.
        pub fn wait(&self, stop: Option<BorrowedFd<'_>>, timeout: Duration) -> io::Result<Woken> {
            let fds: Vec<BorrowedFd<'_>> = std::iter::once(self.fd()).chain(stop).collect();
            match discern_os::readable(&fds, timeout) {
                Ok(ready) => Ok(Woken { stop: ready.get(1).copied().unwrap_or(false) }),
                // A signal came to this thread: look again at once.
                Err(e) if e.kind() == io::ErrorKind::Interrupted => Ok(Woken { stop: true }),
                Err(e) => Err(e),
            }
        }
    }
}
