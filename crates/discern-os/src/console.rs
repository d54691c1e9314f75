//! The Windows console's requests to stop: Ctrl-C, Ctrl-Break, the window
//! closed, log-off, shutdown.

use std::sync::OnceLock;

use windows_sys::Win32::System::Console::{
    CTRL_BREAK_EVENT, CTRL_C_EVENT, CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT,
    SetConsoleCtrlHandler,
};

/// What the console asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// Ctrl-C.
    Interrupt,
    /// Ctrl-Break.
    Break,
    /// The console window is being closed.
    Close,
    /// The user logs off.
    Logoff,
    /// The system shuts down.
    Shutdown,
}

impl Event {
    /// Whether Windows ends the process as soon as the handler returns.
    pub fn ends_process(self) -> bool {
        matches!(self, Event::Close | Event::Logoff | Event::Shutdown)
    }
}

/// Decides whether an event is handled (`true`) or left to the default
/// handler, which ends the process (`false`).
pub type Handler = fn(Event) -> bool;

static HANDLER: OnceLock<Handler> = OnceLock::new();

/// Installs `handler` for the console's events, once per process (a second
/// call keeps the first handler). Returns whether it is installed.
pub fn install(handler: Handler) -> bool {
    let first = HANDLER.set(handler).is_ok();
    if !first {
        return true;
    }
    // SAFETY: `trampoline` is a plain function living as long as the
    // process, and only calls the safe handler stored above.
    unsafe { SetConsoleCtrlHandler(Some(trampoline), 1) != 0 }
}

unsafe extern "system" fn trampoline(event: u32) -> i32 {
    let event = match event {
        CTRL_C_EVENT => Event::Interrupt,
        CTRL_BREAK_EVENT => Event::Break,
        CTRL_CLOSE_EVENT => Event::Close,
        CTRL_LOGOFF_EVENT => Event::Logoff,
        CTRL_SHUTDOWN_EVENT => Event::Shutdown,
        _ => return 0,
    };
    match HANDLER.get() {
        Some(handler) => i32::from(handler(event)),
        None => 0,
    }
}

/// Whether this process is alone in its console: Windows made the console
/// window for it, as it does for a program started by a double-click in
/// Explorer, and closes the window as soon as the program ends. Started
/// from Windows Terminal, PowerShell or cmd, the shell shares the console,
/// and the window stays.
pub fn alone_in_console() -> bool {
    use windows_sys::Win32::System::Console::GetConsoleProcessList;
    let mut ids = [0u32; 2];
    // SAFETY: `ids` is valid for writes of `ids.len()` process ids, the
    // length given; the call writes at most that many. It returns 0 without
    // a console, and the number of processes otherwise (more than the
    // buffer holds is fine: only the count is read).
    let count = unsafe { GetConsoleProcessList(ids.as_mut_ptr(), ids.len() as u32) };
    count == 1
}
