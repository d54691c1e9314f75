//! The documents discern writes for people to read: a trail's export (Markdown,
//! HTML, text, JSON, with its summary and follow-ups), a grid's handout, and
//! the comparison of trails. They stand above `text`, whose words they use.

pub mod compare;
pub mod export;
pub mod handout;
pub mod worksheet;

use crate::lang::Lang;

/// The language a document about a grid speaks: the grid's own, whatever
/// the interface's (a French grid gives a French summary, handout and
/// dates), so that a document never mixes two languages. A grid in a
/// language discern has no words for (`de`, say) takes the interface's.
pub fn language(grid_language: &str, interface: Lang) -> Lang {
    let tag = grid_language.trim().to_ascii_lowercase();
    let primary = tag.split(['-', '_']).next().unwrap_or("");
    match primary {
        "fr" => Lang::Fr,
        "en" => Lang::En,
        _ => interface,
    }
}

/// The formats of a trail's export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Md,
    Json,
    Txt,
    Html,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_speaks_its_grids_language_whatever_the_interfaces() {
        assert_eq!(language("fr", Lang::En), Lang::Fr);
        assert_eq!(language("fr-BE", Lang::En), Lang::Fr);
        assert_eq!(language("EN_gb", Lang::Fr), Lang::En);
        // No words for German: the interface's language.
        assert_eq!(language("de", Lang::Fr), Lang::Fr);
        assert_eq!(language("", Lang::En), Lang::En);
        // Only the tag's first part counts.
        assert_eq!(language("frisian", Lang::En), Lang::En);
    }
}
