//! Saving off the key-press path: a thread receives each serialized trail
//! and writes it through the store, so that typing never waits for the
//! disk. Jobs are written in the order they were sent, so a later save can
//! never be overwritten by an earlier one.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::trail::store::Store;

/// How the bytes go into the temporary file: `write_all`, or in tests a
/// write that fails like a full disk.
pub type WriteFn = Box<dyn Fn(&mut File, &[u8]) -> io::Result<()> + Send>;

pub struct SaveJob {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    /// The walk's change count the bytes hold.
    pub generation: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SaveReport {
    pub path: PathBuf,
    pub generation: u64,
    /// The error in words, as the system gave it.
    pub result: Result<(), String>,
}

pub struct Saver {
    jobs: Option<Sender<SaveJob>>,
    reports: Receiver<SaveReport>,
    outstanding: usize,
    thread: Option<JoinHandle<()>>,
}

impl Saver {
    pub fn start(data_dir: &Path) -> Saver {
        Saver::with_writer(data_dir, Box::new(|f, b| f.write_all(b)))
    }

    pub fn with_writer(data_dir: &Path, write: WriteFn) -> Saver {
        let (job_tx, job_rx) = mpsc::channel::<SaveJob>();
        let (report_tx, report_rx) = mpsc::channel();
        let store = Store::new(data_dir);
        let thread = std::thread::Builder::new()
            .name("discern-saver".into())
            .spawn(move || {
                for job in job_rx {
                    let result = store
                        .save_bytes(&job.path, &job.bytes, |f, b| write(f, b))
                        .map_err(|e| e.to_string());
                    let report = SaveReport { path: job.path, generation: job.generation, result };
                    if report_tx.send(report).is_err() {
                        break;
                    }
                }
            })
            .ok();
        Saver { jobs: thread.as_ref().map(|_| job_tx), reports: report_rx, outstanding: 0, thread }
    }

    /// Hands a job to the thread. If the thread is gone, the failure comes
    /// back at once so that the screen can say the trail is not saved.
    pub fn submit(&mut self, job: SaveJob) -> Option<SaveReport> {
        let Some(jobs) = &self.jobs else {
            return Some(gone(job));
        };
        match jobs.send(job) {
            Ok(()) => {
                self.outstanding += 1;
                None
            }
            Err(mpsc::SendError(job)) => Some(gone(job)),
        }
    }

    /// The reports that have come back, without waiting.
    pub fn reports(&mut self) -> Vec<SaveReport> {
        let mut out = Vec::new();
        while let Ok(r) = self.reports.try_recv() {
            self.outstanding = self.outstanding.saturating_sub(1);
            out.push(r);
        }
        out
    }

    /// Waits until every job sent has been written (or `timeout` passes).
    pub fn wait_all(&mut self, timeout: Duration) -> Vec<SaveReport> {
        let deadline = Instant::now() + timeout;
        let mut out = Vec::new();
        while self.outstanding > 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.reports.recv_timeout(left) {
                Ok(r) => {
                    self.outstanding -= 1;
                    out.push(r);
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => {
                    self.outstanding = 0;
                    break;
                }
            }
        }
        out
    }

    pub fn is_idle(&self) -> bool {
        self.outstanding == 0
    }
}

fn gone(job: SaveJob) -> SaveReport {
    SaveReport {
        path: job.path,
        generation: job.generation,
        result: Err("the saving thread stopped".to_string()),
    }
}

impl Drop for Saver {
    /// Lets the thread finish the jobs already sent before the program goes.
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_are_written_in_order_and_reported() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut saver = Saver::start(dir.path());
        let path = crate::paths::sessions_dir(dir.path()).join("t.toml");
        for generation in 1..=3 {
            let bytes = format!("generation = {generation}\n").into_bytes();
            assert!(saver.submit(SaveJob { path: path.clone(), bytes, generation }).is_none());
        }
        let reports = saver.wait_all(Duration::from_secs(10));
        assert_eq!(reports.iter().map(|r| r.generation).collect::<Vec<_>>(), [1, 2, 3]);
        assert!(reports.iter().all(|r| r.result.is_ok()));
        assert_eq!(std::fs::read_to_string(&path).expect("saved"), "generation = 3\n");
        assert!(saver.is_idle());
    }

    #[test]
    fn a_failed_write_is_reported_with_its_reason() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut saver = Saver::with_writer(
            dir.path(),
            Box::new(|_, _| Err(io::Error::new(io::ErrorKind::StorageFull, "no space left on device"))),
        );
        let path = crate::paths::sessions_dir(dir.path()).join("t.toml");
        saver.submit(SaveJob { path: path.clone(), bytes: b"x".to_vec(), generation: 1 });
        let reports = saver.wait_all(Duration::from_secs(10));
        assert_eq!(reports.len(), 1);
        assert!(reports[0].result.as_ref().is_err_and(|e| e.contains("no space left")));
        assert!(!path.exists());
    }
}
