//! No core dump while a secret is in memory: a crash (`SIGABRT`,
//! `SIGSEGV`) would otherwise write the process's memory — the unlocked
//! identity, decrypted answers — to a core file that outlives the run.

use std::io;

/// Forbids core dumps for the rest of the process: the core size limit
/// goes to 0 (soft and hard, so that nothing in the process can raise it
/// again) and, on Linux, the process is no longer dumpable (which also
/// covers a core pattern that pipes to a crash collector, which ignores
/// the size limit, and keeps other processes of the same user from
/// attaching to it). Elsewhere than Unix there is nothing to do here.
pub fn forbid_core_dumps() -> io::Result<()> {
    #[cfg(unix)]
    {
        let zero = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        // SAFETY: setrlimit reads one rlimit through the pointer given, a
        // live local.
        if unsafe { libc::setrlimit(libc::RLIMIT_CORE, &zero) } != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        // SAFETY: PR_SET_DUMPABLE takes plain integers, no pointer.
        if unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0 as libc::c_ulong, 0, 0, 0) } != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    /// Run in a child process of its own: the test binary's other tests
    /// are left as they were.
    #[cfg(target_os = "linux")]
    #[test]
    fn after_the_call_no_core_can_be_written() {
        if std::env::var_os("DISCERN_OS_DUMPS_CHILD").is_some() {
            super::forbid_core_dumps().unwrap();
            let mut limit = libc::rlimit { rlim_cur: 1, rlim_max: 1 };
            // SAFETY: getrlimit writes one rlimit to a live local.
            assert_eq!(unsafe { libc::getrlimit(libc::RLIMIT_CORE, &mut limit) }, 0);
            assert_eq!((limit.rlim_cur, limit.rlim_max), (0, 0));
            // SAFETY: PR_GET_DUMPABLE takes no pointer.
            assert_eq!(unsafe { libc::prctl(libc::PR_GET_DUMPABLE, 0, 0, 0, 0) }, 0);
            return;
        }
        let me = std::env::current_exe().unwrap();
        let status = std::process::Command::new(me)
            .args(["--exact", "dumps::tests::after_the_call_no_core_can_be_written", "--nocapture"])
            .env("DISCERN_OS_DUMPS_CHILD", "1")
            .status()
            .unwrap();
        assert!(status.success());
    }
}
