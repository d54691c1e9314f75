//! The pop-up layer: what opens over the screen gets the keys before the
//! screen under it, and is drawn over it. The layer is a stack, so that a
//! pop-up may open over another; the top one takes the key (as helix's
//! compositor and gitui's popup stack do).
//!
//! The help lives here. The review's boxes (annotation, name) and the
//! library's dialogs still live in their screens, whose key maps give them
//! the keys first.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

use crate::text::Lang;
use crate::tui::popups::help::{self, HelpFor};
use crate::tui::widgets::theme::Palette;

/// A pop-up over the screen.
pub enum Popup {
    /// The help of the screen under it, scrolled by `scroll` rows; `limit`
    /// is how far it can be, as last drawn.
    Help { help_for: HelpFor, scroll: u16, limit: Cell<u16> },
}

impl Popup {
    pub fn help(help_for: HelpFor) -> Popup {
        Popup::Help { help_for, scroll: 0, limit: Cell::new(0) }
    }

    /// Takes a key; `false` when the key closes it.
    fn key(&mut self, key: &KeyEvent) -> bool {
        match self {
            // ↑↓ and the page keys scroll the help (a small window cannot
            // show it whole); any other key closes it.
            Popup::Help { scroll, limit, .. } => {
                let limit = limit.get();
                match key.code {
                    KeyCode::Up => *scroll = scroll.saturating_sub(1),
                    KeyCode::Down => *scroll = (*scroll + 1).min(limit),
                    KeyCode::PageUp => *scroll = scroll.saturating_sub(8),
                    KeyCode::PageDown => *scroll = (*scroll + 8).min(limit),
                    _ => return false,
                }
                true
            }
        }
    }

    fn render(&self, lang: Lang, palette: &Palette, frame: &mut Frame, area: Rect) {
        match self {
            Popup::Help { help_for, scroll, limit } => {
                limit.set(help::render(lang, palette, *help_for, *scroll, frame, area));
            }
        }
    }
}

/// The pop-ups open over the screen, the last one on top.
#[derive(Default)]
pub struct Layer {
    stack: Vec<Popup>,
}

impl Layer {
    pub fn open(&mut self, popup: Popup) {
        self.stack.push(popup);
    }

    pub fn is_empty(&self) -> bool {
        self.stack.is_empty()
    }

    /// Gives `key` to the top pop-up, which closes on Esc (and on the keys
    /// it does not use); `false` when no pop-up is open: the key is the
    /// screen's.
    pub fn key(&mut self, key: &KeyEvent) -> bool {
        let Some(top) = self.stack.last_mut() else { return false };
        if key.code == KeyCode::Esc || !top.key(key) {
            self.stack.pop();
        }
        true
    }

    /// Draws the pop-ups over the screen, the bottom one first.
    pub fn render(&self, lang: Lang, palette: &Palette, frame: &mut Frame, area: Rect) {
        for popup in &self.stack {
            popup.render(lang, palette, frame, area);
        }
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::KeyModifiers;

    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn the_top_pop_up_takes_the_keys_and_esc_closes_it_alone() {
        let mut layer = Layer::default();
        assert!(!layer.key(&key(KeyCode::Down)), "no pop-up: the key is the screen's");
        layer.open(Popup::help(HelpFor::Library));
        layer.open(Popup::help(HelpFor::Pager));
        if let Some(Popup::Help { limit, .. }) = layer.stack.last() {
            limit.set(5);
        }
        assert!(layer.key(&key(KeyCode::Down)), "the top pop-up takes ↓");
        assert!(matches!(layer.stack.last(), Some(Popup::Help { scroll: 1, .. })));
        assert_eq!(layer.stack.len(), 2);
        assert!(layer.key(&key(KeyCode::Esc)));
        assert_eq!(layer.stack.len(), 1, "Esc closes the top one only");
        assert!(matches!(layer.stack.last(), Some(Popup::Help { help_for: HelpFor::Library, .. })));
        assert!(layer.key(&key(KeyCode::Char('x'))), "another key closes the help, and is used up");
        assert!(layer.is_empty());
    }
}
