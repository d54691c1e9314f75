//! Waiting on descriptors, and asking how much input waits on one.

use std::io;
use std::os::fd::{AsRawFd, BorrowedFd};
use std::time::Duration;

/// The bytes waiting to be read on `fd` (`FIONREAD`).
pub fn pending_bytes(fd: BorrowedFd<'_>) -> io::Result<usize> {
    let mut n: libc::c_int = 0;
    // SAFETY: FIONREAD writes one int through the pointer given, which
    // points to a live local; the descriptor is borrowed, so open.
    let result = unsafe { libc::ioctl(fd.as_raw_fd(), libc::FIONREAD, &mut n) };
    if result < 0 { Err(io::Error::last_os_error()) } else { Ok(usize::try_from(n).unwrap_or(0)) }
}

/// Which of `fds` are readable, waiting up to `timeout`. `select` rather
/// than `poll`, which macOS does not support on terminals.
pub fn readable(fds: &[BorrowedFd<'_>], timeout: Duration) -> io::Result<Vec<bool>> {
    let raw: Vec<libc::c_int> = fds.iter().map(AsRawFd::as_raw_fd).collect();
    if raw.iter().any(|&fd| fd < 0 || fd >= libc::FD_SETSIZE as libc::c_int) {
        return Err(io::Error::other("file descriptor out of range"));
    }
    // SAFETY: an fd_set is plain data; all zeroes is a valid (empty) one.
    let mut set: libc::fd_set = unsafe { std::mem::zeroed() };
    // SAFETY: `set` is a live fd_set, and every descriptor was checked above
    // to be within its size.
    unsafe {
        libc::FD_ZERO(&mut set);
        for &fd in &raw {
            libc::FD_SET(fd, &mut set);
        }
    }
    // The field types are left to the compiler (`as _`): musl's libc marks
    // the names `time_t` and `suseconds_t` deprecated while their width
    // changes, and both values fit in 32 bits.
    let mut time = libc::timeval {
        tv_sec: timeout.as_secs().min(i32::MAX as u64) as _,
        tv_usec: timeout.subsec_micros() as _,
    };
    let highest = raw.iter().copied().max().unwrap_or(0);
    // SAFETY: every pointer is to a live local value or null; the
    // descriptors are borrowed, so open for the call.
    let result =
        unsafe { libc::select(highest + 1, &mut set, std::ptr::null_mut(), std::ptr::null_mut(), &mut time) };
    if result < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `set` was filled by select for these same descriptors, each
    // within its size.
    Ok(raw.iter().map(|&fd| unsafe { libc::FD_ISSET(fd, &set) }).collect())
}

/// Whether input is already waiting on `fd`, or its writer has closed it
/// (a closed pipe is "ready" too: reading it returns at once).
pub fn input_waiting(fd: BorrowedFd<'_>) -> bool {
    let mut poll = libc::pollfd { fd: fd.as_raw_fd(), events: libc::POLLIN, revents: 0 };
    // SAFETY: one live pollfd, no timeout; the descriptor is borrowed.
    let ready = unsafe { libc::poll(&mut poll, 1, 0) };
    ready > 0 && poll.revents & (libc::POLLIN | libc::POLLHUP) != 0
}

/// Makes reads of `fd` return at once when nothing is there, for every
/// holder of the descriptor (a pipe's end, say).
pub fn set_nonblocking(fd: BorrowedFd<'_>) -> io::Result<()> {
    // SAFETY: flag calls on a borrowed, hence open, descriptor; no pointer.
    let flags = unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_GETFL) };
    // SAFETY: as above.
    if flags < 0 || unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_SETFL, flags | libc::O_NONBLOCK) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::fd::AsFd;

    #[test]
    fn a_pipe_is_readable_once_written_and_says_how_much() {
        let (reader, mut writer) = std::io::pipe().unwrap();
        assert_eq!(readable(&[reader.as_fd()], Duration::ZERO).unwrap(), [false]);
        assert!(!input_waiting(reader.as_fd()));
        writer.write_all(b"abc").unwrap();
        assert_eq!(readable(&[reader.as_fd()], Duration::from_secs(1)).unwrap(), [true]);
        assert_eq!(pending_bytes(reader.as_fd()).unwrap(), 3);
        assert!(input_waiting(reader.as_fd()));
    }

    #[test]
    fn a_nonblocking_pipe_returns_at_once_when_empty() {
        use std::io::Read;
        let (mut reader, _writer) = std::io::pipe().unwrap();
        set_nonblocking(reader.as_fd()).unwrap();
        let error = reader.read(&mut [0u8; 4]).unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::WouldBlock);
    }

    #[test]
    fn a_closed_pipe_counts_as_waiting_input() {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(writer);
        assert!(input_waiting(reader.as_fd()));
    }
}
