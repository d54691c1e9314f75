//! What a summary is made of: blocks of pieces of text, each piece set its
//! way; the summary builds them, the writers write them out.

use crate::html::Mark;

/// A piece of text and how it is set.
pub type Piece = (Mark, String);

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Title(String),
    /// Lines under the title: grid, dates, a word on privacy.
    Meta(Vec<String>),
    Heading(String),
    /// The answers step by step: each step's title and its answers.
    Steps(Vec<(String, Vec<Vec<Piece>>)>),
    Items(Vec<Vec<Piece>>),
    /// Items of one short line each (the references by their label).
    ShortItems(Vec<Vec<Piece>>),
    Paragraph(Vec<Piece>),
    /// How removed and added words are shown; each format says it its way.
    DiffLegend,
    Footer(String),
}
