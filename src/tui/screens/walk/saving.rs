//! Saving and leaving the walkthrough: the file follows the walk's changes
//! at the next tick, one save at a time; a failed save is tried again, and
//! leaving waits for the last one (or, after a failure, for the same key
//! again). A window that may not write the trail never saves.

use std::time::{Duration, Instant};

use crate::tui::access::Access;
use crate::tui::saver::{Content, SaveJob, SaveReport};
use crate::tui::screens::walk::{Exit, WalkOut, WalkScreen};

/// How long a failed save waits before it is tried again.
const RETRY_AFTER: Duration = Duration::from_secs(3);

/// Where saving stands. The walk counts its changes; a save carries the
/// count it holds, so a report says how far the file is.
#[derive(Debug, Default)]
pub struct SaveState {
    pub(in crate::tui) saved: u64,
    /// The file does not hold the trail at all yet.
    pub(in crate::tui) never_saved: bool,
    pub(in crate::tui) in_flight: Option<u64>,
    pub(in crate::tui) error: Option<String>,
    pub(in crate::tui) retry_at: Option<Instant>,
}

impl WalkScreen {
    /// Every half second or so: saves what changed, once no save is on
    /// its way (and brings the privacy warning of a long answer up to date).
    pub fn tick(&mut self, now: Instant) -> Option<WalkOut> {
        self.scan_privacy_if_due();
        if self.save.error.is_some() && self.save.retry_at.is_none() {
            self.save.retry_at = Some(now + RETRY_AFTER);
        }
        let due = self.save.retry_at.is_none_or(|t| now >= t);
        if self.dirty() && self.save.in_flight.is_none() && due {
            return self.save_job().map(|job| WalkOut::Save { job, wait: false });
        }
        None
    }

    pub fn saved(&mut self, report: &SaveReport) {
        if self.path.as_ref() != Some(&report.path) {
            return;
        }
        if self.save.in_flight.is_some_and(|g| g <= report.generation) {
            self.save.in_flight = None;
        }
        match &report.result {
            Ok(()) => {
                self.save.saved = self.save.saved.max(report.generation);
                self.save.never_saved = false;
                self.save.error = None;
                self.save.retry_at = None;
            }
            Err(e) => {
                self.save.error = Some(e.clone());
                self.save.retry_at = None;
            }
        }
    }

    /// After the save that leaving waited for: where to go, if anywhere.
    pub fn take_exit(&mut self) -> Option<Exit> {
        let exit = self.leaving.pending_exit.take()?;
        if self.dirty() {
            self.leaving.leave_armed = true;
            None
        } else {
            Some(exit)
        }
    }

    pub(in crate::tui) fn save_job(&mut self) -> Option<SaveJob> {
        let job = self.file_job()?;
        self.save.in_flight = Some(job.generation);
        Some(job)
    }

    /// What the file should now hold, when this window may write it: the
    /// whole trail, or for a review its annotations alone.
    pub fn file_job(&self) -> Option<SaveJob> {
        if !self.can_write() {
            return None;
        }
        let path = self.path.clone()?;
        let content = match self.access {
            Access::Review { .. } => Content::Annotations(self.walk.trail.annotations.clone()),
            _ => Content::Trail(Box::new(self.walk.trail.clone())),
        };
        Some(SaveJob { path, content, generation: self.walk.changes })
    }

    pub(in crate::tui) fn leave(&mut self, exit: Exit) -> Vec<WalkOut> {
        self.walk.close_edit();
        if !self.can_write() {
            return vec![WalkOut::Leave { exit, saved: true }];
        }
        // Checked before the armed key: a save that failed, then succeeded
        // when tried again, leaves nothing unsaved.
        if !self.dirty() && self.save.in_flight.is_none() {
            return vec![WalkOut::Leave { exit, saved: true }];
        }
        if self.leaving.leave_armed {
            return vec![WalkOut::Leave { exit, saved: false }];
        }
        self.leaving.pending_exit = Some(exit);
        match self.save_job() {
            Some(job) => vec![WalkOut::Save { job, wait: true }],
            None => Vec::new(),
        }
    }
}
