//! What the operating system asks of the process: to stop (a closed
//! terminal, a shutdown, `kill`), or nothing at all (a file-size limit).
//!
//! On Unix, SIGTERM, SIGHUP and SIGINT are relayed by a thread of their own
//! to a pipe the full screen's loop waits on, so that a request to stop
//! wakes the loop at once (no polling). While the full screen is up, the
//! loop saves, restores the terminal and exits; should it not manage within
//! `GRACE` (stuck in the terminal library), the relay restores the terminal
//! itself and ends the process as the signal would have: the trail is then
//! as the last autosave left it, and the lock goes with the process. Outside
//! the full screen, a signal does what it always does.
//!
//! On Windows, closing the console window (and Ctrl-Break, log-off,
//! shutdown) sets a flag the loop looks at between short waits; the handler
//! holds the process open while the loop saves, as Windows ends it when the
//! handler returns.

/// A write beyond a file-size limit (`ulimit -f`) fails with an error that
/// discern reports, instead of killing it with SIGXFSZ. Call once, early.
pub fn ignore_file_size_limit() {
    #[cfg(unix)]
    {
        use std::sync::Arc;
        use std::sync::atomic::AtomicBool;
        // A handler that only sets a flag nobody reads: the signal is
        // caught, so the write returns EFBIG instead.
        let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, Arc::new(AtomicBool::new(false)));
    }
}

#[cfg(unix)]
pub use unix::{StopRequests, stop_requests, terminal_gone};
#[cfg(windows)]
pub use windows::{StopRequests, stop_requests};

/// On Windows a closed console ends the process through its handler: nothing to note.
#[cfg(windows)]
pub fn terminal_gone() {}

#[cfg(unix)]
mod unix {
    use std::io::{PipeReader, PipeWriter, Read, Write};
    use std::os::fd::{AsFd, BorrowedFd};
    use std::sync::OnceLock;
    use std::sync::atomic::{AtomicBool, Ordering};

    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    /// How long a request to stop waits for the loop before ending the process.
    const GRACE: std::time::Duration = std::time::Duration::from_secs(3);

    /// Set while a full screen is up and will see a request to stop.
    static WATCHED: AtomicBool = AtomicBool::new(false);

    /// Set once the terminal is known to be gone (a hang-up was relayed, or
    /// the terminal could not be read): a hang-up that comes late, once the
    /// screen is closed and the trail saved, no longer ends the process
    /// before it has finished (an export asked with `-o`, the lock let go).
    static HUNG_UP: AtomicBool = AtomicBool::new(false);

    /// The terminal was found gone: see [`HUNG_UP`].
    pub fn terminal_gone() {
        HUNG_UP.store(true, Ordering::SeqCst);
    }

    /// The reading end of the relay's pipe; `None` if it could not be set up
    /// (the signals then keep their default: the process ends, the trail is
    /// as the last autosave left it).
    static RELAY: OnceLock<Option<PipeReader>> = OnceLock::new();

    /// The requests to stop, for the full screen's loop: a file descriptor
    /// that becomes readable when one comes, for as long as this lives.
    pub struct StopRequests {
        pipe: Option<&'static PipeReader>,
        seen: bool,
    }

    /// Starts relaying the signals that ask to stop (once per process), and
    /// marks the full screen as watching them until the value is dropped.
    pub fn stop_requests() -> StopRequests {
        let pipe = RELAY.get_or_init(start_relay).as_ref();
        WATCHED.store(true, Ordering::SeqCst);
        StopRequests { pipe, seen: false }
    }

    impl StopRequests {
        /// The descriptor to wait on, if the relay runs.
        pub fn fd(&self) -> Option<BorrowedFd<'static>> {
            self.pipe.map(AsFd::as_fd)
        }

        /// Whether a request came, taking in what the pipe holds.
        pub fn requested(&mut self) -> bool {
            if let Some(mut pipe) = self.pipe {
                let mut buffer = [0u8; 16];
                while let Ok(n @ 1..) = pipe.read(&mut buffer) {
                    self.seen |= n > 0;
                }
            }
            self.seen
        }
    }

    impl Drop for StopRequests {
        fn drop(&mut self) {
            WATCHED.store(false, Ordering::SeqCst);
        }
    }

    fn start_relay() -> Option<PipeReader> {
        let (reader, writer) = std::io::pipe().ok()?;
        // Read without waiting: `requested` only takes in what is there.
        discern_os::set_nonblocking(reader.as_fd()).ok()?;
        let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT]).ok()?;
        std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                for signal in signals.forever() {
                    relay(signal, &writer);
                }
            })
            .ok()?;
        Some(reader)
    }

    /// One signal: to the loop when a full screen watches, else (or when
    /// the loop does not end in time) what the signal does by default.
    fn relay(signal: i32, mut writer: &PipeWriter) {
        if signal == SIGHUP {
            let late = HUNG_UP.swap(true, Ordering::SeqCst);
            if late && !WATCHED.load(Ordering::SeqCst) {
                return;
            }
        }
        if WATCHED.load(Ordering::SeqCst) {
            let _ = writer.write(&[1]);
            std::thread::sleep(GRACE);
            if !WATCHED.load(Ordering::SeqCst) {
                // The full screen ended in time; the process is finishing.
                return;
            }
            crate::tui::restore_terminal();
        }
        let _ = signal_hook::low_level::emulate_default_handler(signal);
    }
}

#[cfg(windows)]
mod windows {
    use std::sync::atomic::{AtomicBool, Ordering};

    use discern_os::console::{self, Event};

    static STOP: AtomicBool = AtomicBool::new(false);
    static WATCHED: AtomicBool = AtomicBool::new(false);

    /// The requests to stop, for the full screen's loop.
    pub struct StopRequests;

    pub fn stop_requests() -> StopRequests {
        console::install(handle);
        WATCHED.store(true, Ordering::SeqCst);
        StopRequests
    }

    impl StopRequests {
        pub fn requested(&mut self) -> bool {
            STOP.load(Ordering::SeqCst)
        }
    }

    impl Drop for StopRequests {
        fn drop(&mut self) {
            WATCHED.store(false, Ordering::SeqCst);
        }
    }

    /// Runs on the console's own thread: whether the event is handled here.
    fn handle(event: Event) -> bool {
        if !WATCHED.load(Ordering::SeqCst) {
            // Not ours to handle: the default handler ends the process.
            return false;
        }
        STOP.store(true, Ordering::SeqCst);
        if event.ends_process() {
            // Windows ends the process as soon as this returns (and after
            // 5 seconds at most): give the loop the time to save and exit.
            let deadline = std::time::Instant::now() + std::time::Duration::from_millis(4500);
            while WATCHED.load(Ordering::SeqCst) && std::time::Instant::now() < deadline {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        }
        true
    }
}
