//! What opens over a screen: the help, the library's dialogs, the
//! passphrase dialog, the grid picker, the privacy note.

pub(crate) mod dialog;
pub mod help;
pub mod picker;
pub(crate) mod privacy_note;
pub(crate) mod unlock;
