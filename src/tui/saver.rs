//! Saving off the key-press path: a thread receives a copy of each trail
//! to save, serializes it and writes it through the store, so that typing
//! never waits for the serialization nor the disk. Jobs are written in the order they were sent, so a later save can
//! never be overwritten by an earlier one.
//!
//! A review saves only its annotations: the file is read on this thread and
//! written back with the new annotations, so the worker's answers go back
//! exactly as they were read, whatever the grid now shows or hides.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::text::Lang;
use crate::trail::store::Store;
use crate::trail::store::crypt::Key;
use crate::trail::{Annotation, Trail};

/// How the bytes go into the temporary file: `write_all`, or in tests a
/// write that fails like a full disk.
pub type WriteFn = Box<dyn Fn(&mut File, &[u8]) -> io::Result<()> + Send>;

pub struct SaveJob {
    pub path: PathBuf,
    pub content: Content,
    /// The walk's change count the content holds.
    pub generation: u64,
}

/// What a save writes.
pub enum Content {
    /// The whole trail: a copy taken on the screen's thread (cheaper than
    /// serializing it there), serialized on the saver's.
    Trail(Box<Trail>),
    /// Every annotation of a reviewed trail, in place of those in its file.
    Annotations(Vec<Annotation>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct SaveReport {
    pub path: PathBuf,
    pub generation: u64,
    /// The error in words, in the user's language. Kept as words (one of
    /// the two `Result<_, String>` left): they are made on the saver's
    /// thread, which knows the language, and the report is cloned and
    /// compared, which an `io::Error` cannot be.
    pub result: Result<(), String>,
}

/// What the saving thread is sent: a job, or the key the run unlocked
/// (after the library's passphrase dialog), which it reads with from then on.
enum Order {
    Job(SaveJob),
    Key(Key),
}

pub struct Saver {
    jobs: Option<Sender<Order>>,
    reports: Receiver<SaveReport>,
    outstanding: usize,
    thread: Option<JoinHandle<()>>,
    lang: Lang,
}

impl Saver {
    pub fn start(data_dir: &Path, lang: Lang) -> Saver {
        Saver::with_writer(data_dir, lang, disk_writer())
    }

    pub fn with_writer(data_dir: &Path, lang: Lang, write: WriteFn) -> Saver {
        let (job_tx, job_rx) = mpsc::channel::<Order>();
        let (report_tx, report_rx) = mpsc::channel();
        let mut store = Store::new(data_dir);
        let thread = std::thread::Builder::new()
            .name("discern-saver".into())
            .spawn(move || {
                for order in job_rx {
                    let job = match order {
                        Order::Job(job) => job,
                        Order::Key(key) => {
                            store = store.with_key(Some(key));
                            continue;
                        }
                    };
                    let result = write_job(&store, &job, &write).map_err(|e| {
                        // A trail that could not be read back is said as such.
                        match e.get_ref().and_then(|inner| inner.downcast_ref::<crate::trail::LoadError>()) {
                            Some(load) => lang.load_error(load),
                            None => lang.io_error(&e),
                        }
                    });
                    let report = SaveReport { path: job.path, generation: job.generation, result };
                    if report_tx.send(report).is_err() {
                        break;
                    }
                }
            })
            .ok();
        Saver { jobs: thread.as_ref().map(|_| job_tx), reports: report_rx, outstanding: 0, thread, lang }
    }

    /// Hands a job to the thread. If the thread is gone, the failure comes
    /// back at once so that the screen can say the trail is not saved.
    pub fn submit(&mut self, job: SaveJob) -> Option<SaveReport> {
        let Some(jobs) = &self.jobs else {
            return Some(gone(job, self.lang));
        };
        match jobs.send(Order::Job(job)) {
            Ok(()) => {
                self.outstanding += 1;
                None
            }
            Err(mpsc::SendError(Order::Job(job))) => Some(gone(job, self.lang)),
            Err(mpsc::SendError(Order::Key(_))) => None,
        }
    }

    /// The key the run unlocked: the jobs sent after it read with it.
    pub fn set_key(&mut self, key: Key) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(Order::Key(key));
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

/// Writes a job through the store (which encrypts it, in an encrypted
/// folder: on this thread, so typing never waits for it).
pub fn write_job(store: &Store, job: &SaveJob, write: &WriteFn) -> io::Result<()> {
    match &job.content {
        Content::Trail(trail) => {
            let bytes = crate::trail::to_toml(trail);
            store.save_bytes(&job.path, bytes.as_bytes(), |f, b| write(f, b))
        }
        Content::Annotations(annotations) => {
            // A file that cannot be read is left as it is.
            let mut trail = store.read(&job.path).map_err(io::Error::other)?;
            trail.annotations = annotations.clone();
            let bytes = crate::trail::to_toml(&trail);
            store.save_bytes(&job.path, bytes.as_bytes(), |f, b| write(f, b))
        }
    }
}

/// The writer of the real program.
pub fn disk_writer() -> WriteFn {
    Box::new(|f, b| f.write_all(b))
}

fn gone(job: SaveJob, lang: Lang) -> SaveReport {
    SaveReport {
        path: job.path,
        generation: job.generation,
        result: Err(lang.failure(&crate::ops::Failure::SaverStopped)),
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
        let mut saver = Saver::start(dir.path(), Lang::En);
        let path = crate::paths::sessions_dir(dir.path()).join("t.toml");
        let mut trail = crate::tui::testing::walk(Lang::En).trail;
        for generation in 1..=3 {
            trail.title = format!("Generation {generation}");
            let content = Content::Trail(Box::new(trail.clone()));
            assert!(saver.submit(SaveJob { path: path.clone(), content, generation }).is_none());
        }
        let reports = saver.wait_all(Duration::from_secs(10));
        assert_eq!(reports.iter().map(|r| r.generation).collect::<Vec<_>>(), [1, 2, 3]);
        assert!(reports.iter().all(|r| r.result.is_ok()));
        // Serialized on the saver's thread, as `to_toml` writes it.
        assert_eq!(std::fs::read_to_string(&path).expect("saved"), crate::trail::to_toml(&trail));
        assert_eq!(Store::load(&path).expect("reads back").title, "Generation 3");
        assert!(saver.is_idle());
    }

    #[test]
    fn a_failed_write_is_reported_with_its_reason() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut saver = Saver::with_writer(
            dir.path(),
            Lang::En,
            Box::new(|_, _| Err(io::Error::new(io::ErrorKind::StorageFull, "no space left on device"))),
        );
        let path = crate::paths::sessions_dir(dir.path()).join("t.toml");
        let trail = Box::new(crate::tui::testing::walk(Lang::En).trail);
        saver.submit(SaveJob { path: path.clone(), content: Content::Trail(trail), generation: 1 });
        let reports = saver.wait_all(Duration::from_secs(10));
        assert_eq!(reports.len(), 1);
        assert!(reports[0].result.as_ref().is_err_and(|e| e.contains("no space left")));
        assert!(!path.exists());
    }

    #[test]
    fn annotations_are_written_into_the_file_as_it_is_on_disk() {
        use crate::tui::testing as support;
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::new(dir.path());
        let mut walk = support::walk(crate::text::Lang::En);
        let facts = crate::walk::At { step: 1, question: 0 };
        walk.set(facts, Some(crate::grid::Answer::Text("facts".into())), support::clock());
        let path = store.path_for(&walk.trail);
        store.save(&walk.trail, &path).expect("saved");
        let before = std::fs::read_to_string(&path).expect("readable");
        walk.annotate(facts, "C. M.", "See with the team.", support::clock());
        // Whatever the walk holds besides, only the annotations go to the file.
        walk.trail.answers.clear();
        let mut saver = Saver::start(dir.path(), Lang::En);
        let content = Content::Annotations(walk.trail.annotations.clone());
        saver.submit(SaveJob { path: path.clone(), content, generation: 1 });
        assert!(saver.wait_all(Duration::from_secs(10)).iter().all(|r| r.result.is_ok()));
        let after = std::fs::read_to_string(&path).expect("readable");
        // Everything up to the end table is as it was; the annotations come before it.
        let answers = &before[..before.rfind("\n[end]\n").expect("the end table")];
        assert!(after.starts_with(answers), "{before}\n---\n{after}");
        assert_eq!(Store::load(&path).expect("reads back").annotations, walk.trail.annotations);
    }

    #[test]
    fn annotations_never_overwrite_a_file_that_cannot_be_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = crate::paths::sessions_dir(dir.path()).join("t.toml");
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
        std::fs::write(&path, "format = 1\nid = ").expect("written");
        let mut saver = Saver::start(dir.path(), Lang::En);
        saver.submit(SaveJob {
            path: path.clone(),
            content: Content::Annotations(Vec::new()),
            generation: 1,
        });
        assert!(saver.wait_all(Duration::from_secs(10))[0].result.is_err());
        assert_eq!(std::fs::read_to_string(&path).expect("kept"), "format = 1\nid = ");
    }
}
