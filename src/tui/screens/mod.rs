//! The screens, each with its state, its view and its tests: the library,
//! the walkthrough (also read only and in review), the review's rows and
//! boxes, the pager and the follow-up entry.

pub(crate) mod follow_up;
pub mod library;
pub mod pager;
pub mod review;
pub mod walk;
