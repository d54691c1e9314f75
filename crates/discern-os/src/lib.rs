//! The few operating-system calls discern needs that the standard library
//! does not offer, each behind a safe function. discern itself forbids
//! `unsafe` code: every `unsafe` block of the program is here, small,
//! with the reason it is sound beside it.

#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub use unix::{input_waiting, pending_bytes, readable, set_nonblocking};
#[cfg(unix)]
mod user;
#[cfg(unix)]
pub use user::effective_user_id;

mod dumps;
pub use dumps::forbid_core_dumps;

#[cfg(windows)]
pub mod console;
#[cfg(windows)]
pub mod locale;
