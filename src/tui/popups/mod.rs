//! What opens over a screen: the layer that gives pop-ups the keys first
//! and the help in it; the library's dialogs, the passphrase dialog, the
//! grid picker, the privacy note.

pub(crate) mod dialog;
pub mod help;
pub mod picker;
pub(crate) mod privacy_note;
