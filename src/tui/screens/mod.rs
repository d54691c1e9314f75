//! The screens, each with its state, its view and its tests: the library,
//! the walkthrough (also read only and in review), the review's rows and
//! boxes, the pager and the follow-up entry.

pub(crate) mod follow_up;
pub mod library;
pub mod pager;
pub mod review;
pub mod walk;

use std::path::PathBuf;

use follow_up::FollowUpScreen;
use library::LibraryScreen;
use pager::Pager;
use walk::WalkScreen;

/// The screen under the pop-ups.
pub enum Screen {
    Library(Box<LibraryScreen>),
    Walk(Box<WalkScreen>),
    Pager(Box<Pager>),
    /// Coming back to a decision; `path` is the trail's file when the
    /// library opened it (the program saves it there), `None` when the
    /// command line did (the entry is given back when the screen closes).
    FollowUp(Box<FollowUpScreen>, Option<PathBuf>),
}
