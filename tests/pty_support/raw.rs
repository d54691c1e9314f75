//! A pseudo-terminal of our own, whose master side a test can close, as a
//! terminal window that is closed does (rexpect keeps copies of it open).

// Opening a pseudo-terminal of our own needs libc.
#![allow(unsafe_code)]

use std::ffi::OsStr;
use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

pub struct RawPty {
    master: Option<File>,
    child: Child,
    /// Everything discern has written so far, escape sequences included.
    pub output: Vec<u8>,
}

fn check(result: libc::c_int, what: &str) {
    assert!(result >= 0, "{what}: {}", std::io::Error::last_os_error());
}

impl RawPty {
    /// `discern ARGS` on a 100 × 30 terminal, in English, with its data in `data`.
    pub fn spawn(data: &Path, args: &[&OsStr]) -> RawPty {
        // SAFETY: plain libc calls on descriptors this function owns.
        let (master, slave) = unsafe {
            let master = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC);
            check(master, "posix_openpt");
            check(libc::grantpt(master), "grantpt");
            check(libc::unlockpt(master), "unlockpt");
            let mut name = [0 as libc::c_char; 128];
            check(libc::ptsname_r(master, name.as_mut_ptr(), name.len()), "ptsname_r");
            let size = libc::winsize { ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0 };
            check(libc::ioctl(master, libc::TIOCSWINSZ, &size), "TIOCSWINSZ");
            let slave = libc::open(name.as_ptr(), libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC);
            check(slave, "open the slave");
            (File::from_raw_fd(master), File::from_raw_fd(slave))
        };
        let mut command = Command::new(env!("CARGO_BIN_EXE_discern"));
        command
            .args(args)
            .env("DISCERN_DATA_DIR", data)
            .env("LANG", "C")
            .env("TERM", "xterm-256color")
            .env("NO_COLOR", "1")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .stdin(Stdio::from(slave.try_clone().expect("a copy of the slave")))
            .stdout(Stdio::from(slave.try_clone().expect("a copy of the slave")))
            .stderr(Stdio::from(slave));
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            command.pre_exec(|| {
                // Its own session, with this terminal as its controlling
                // terminal: closing the master hangs it up, as a window would.
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn().expect("discern starts");
        // SAFETY: a flag change on a descriptor owned here.
        unsafe {
            let flags = libc::fcntl(master.as_raw_fd(), libc::F_GETFL);
            check(libc::fcntl(master.as_raw_fd(), libc::F_SETFL, flags | libc::O_NONBLOCK), "O_NONBLOCK");
        }
        RawPty { master: Some(master), child, output: Vec::new() }
    }

    /// Reads what discern wrote until `needle` shows (10 s at most).
    pub fn expect(&mut self, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !String::from_utf8_lossy(&self.output).contains(needle) {
            assert!(Instant::now() < deadline, "timed out waiting for {needle:?}");
            self.read_some();
        }
    }

    fn read_some(&mut self) {
        let Some(master) = self.master.as_mut() else { return };
        let mut buffer = [0u8; 4096];
        match master.read(&mut buffer) {
            Ok(n) if n > 0 => self.output.extend_from_slice(&buffer[..n]),
            _ => wait_readable(master),
        }
    }

    pub fn send(&mut self, keys: &str) {
        let master = self.master.as_mut().expect("the terminal is open");
        master.write_all(keys.as_bytes()).expect("keys are sent");
    }

    /// Closes the terminal, as closing its window does.
    pub fn close(&mut self) {
        self.master = None;
    }

    pub fn signal(&self, signal: libc::c_int) {
        // SAFETY: a signal to our own child.
        check(unsafe { libc::kill(self.child.id() as libc::pid_t, signal) }, "kill");
    }

    /// Waits for discern to end, reading what it writes meanwhile.
    pub fn wait_end(&mut self) -> ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().expect("the child's status") {
                // What it wrote last, the terminal's restoring included.
                while self.master.is_some() && self.drain_once() {}
                return status;
            }
            assert!(Instant::now() < deadline, "discern did not stop");
            if self.master.is_some() {
                self.read_some();
            } else {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }

    fn drain_once(&mut self) -> bool {
        let Some(master) = self.master.as_mut() else { return false };
        let mut buffer = [0u8; 4096];
        match master.read(&mut buffer) {
            Ok(n) if n > 0 => {
                self.output.extend_from_slice(&buffer[..n]);
                true
            }
            _ => false,
        }
    }
}

impl Drop for RawPty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits up to 100 ms for the master to have something to read.
fn wait_readable(master: &File) {
    let mut fds = libc::pollfd { fd: master.as_raw_fd(), events: libc::POLLIN, revents: 0 };
    // SAFETY: one pollfd, alive for the call.
    unsafe { libc::poll(&mut fds, 1, 100) };
}
