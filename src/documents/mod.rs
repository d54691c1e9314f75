//! The documents discern writes for people to read: a trail's export (Markdown,
//! HTML, text, JSON, with its summary and follow-ups), a grid's handout, and
//! the comparison of trails. They stand above `text`, whose words they use.

pub mod compare;
pub mod export;
pub mod handout;

/// The formats of a trail's export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Md,
    Json,
    Txt,
    Html,
}
