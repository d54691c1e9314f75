//! The pop-up layer: what opens over the screen gets the keys before the
//! screen under it, and is drawn over it. The layer is a stack, so that a
//! pop-up may open over another (the help over an annotation); the top one
//! takes the key, and Esc closes it alone (as helix's compositor and
//! gitui's popup stack do).
//!
//! Here live the help, the review's boxes (the annotation, the name that
//! signs it) and the library's dialogs (the grid picker, a title to type,
//! a yes/no question).

use std::cell::Cell;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use crate::text::Lang;
use crate::tui::editor;
use crate::tui::keys::{self, BoxMsg, LibraryKeys, LibraryMsg};
use crate::tui::popups::dialog::{self, OnYes, Purpose, Question, TitleBox};
use crate::tui::popups::help::{self, HelpFor};
use crate::tui::popups::picker::{self, Picker};
use crate::tui::screens::Screen;
use crate::tui::screens::library::{Dialog, LibraryOut};
use crate::tui::screens::review::Draft;
use crate::tui::screens::review::view as review_view;
use crate::tui::theme::Palette;
use crate::walk::At;

/// A pop-up over the screen.
pub enum Popup {
    /// The help of the screen under it, scrolled by `scroll` rows; `limit`
    /// is how far it can be, as last drawn.
    Help { help_for: HelpFor, scroll: u16, limit: Cell<u16> },
    /// A review's annotation of an answer.
    Annotation(Draft),
    /// The name that signs a review's annotations, asked for before the
    /// first one; the annotation box of `then` follows.
    Author { editor: TextArea<'static>, empty: bool, then: At },
    /// The grids to start a trail from; the title box follows.
    Picker(Picker),
    /// A title to type, for a new trail or a trail renamed.
    Title(Box<TitleBox>),
    /// A yes/no question (deleting, exporting despite warnings).
    Question(Question),
}

impl From<Dialog> for Popup {
    fn from(dialog: Dialog) -> Popup {
        match dialog {
            Dialog::Title(title) => Popup::Title(title),
            Dialog::Question(question) => Popup::Question(question),
        }
    }
}

/// What the layer did with a key.
#[derive(Debug, PartialEq)]
pub enum Taken {
    /// No pop-up is open: the key is the screen's.
    No,
    /// The help took it.
    ByHelp,
    /// A box took it; `Some` when it asks something of the screen under it.
    ByBox(Option<BoxOut>),
    /// A dialog of the library took this message of its keys; `Some` when
    /// it asks something of the library.
    ByDialog(LibraryMsg, Option<DialogOut>),
    /// A dialog is open and the key means nothing to it: nothing happens,
    /// and the screen under it does not see the key.
    Ignored,
}

/// What a dialog asks of the screen under it.
pub enum DialogOut {
    Help,
    /// Create, rename, delete, export.
    Do(LibraryOut),
    /// The end of a walk: export it, its question answered yes.
    ExportWalk(crate::documents::ExportFormat),
    /// The end of an ephemeral walk: keep it as a trail with this title.
    KeepWalk(String),
}

impl std::fmt::Debug for DialogOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DialogOut::Help => "Help",
            DialogOut::Do(_) => "Do",
            DialogOut::ExportWalk(_) => "ExportWalk",
            DialogOut::KeepWalk(_) => "KeepWalk",
        })
    }
}

impl PartialEq for DialogOut {
    fn eq(&self, other: &DialogOut) -> bool {
        match (self, other) {
            (DialogOut::Help, DialogOut::Help) => true,
            (DialogOut::ExportWalk(a), DialogOut::ExportWalk(b)) => a == b,
            (DialogOut::KeepWalk(a), DialogOut::KeepWalk(b)) => a == b,
            _ => false,
        }
    }
}

/// What a box asks of the walkthrough under it.
#[derive(Debug, PartialEq)]
pub enum BoxOut {
    /// The help, over the box.
    Help,
    /// A name was given: it signs from now on, and is kept in the config file.
    Author(String),
    /// An annotation was written.
    Annotate { at: At, text: String },
}

impl Popup {
    pub fn help(help_for: HelpFor) -> Popup {
        Popup::Help { help_for, scroll: 0, limit: Cell::new(0) }
    }

    /// A review's box over the answer at `at`: the annotation's, or the
    /// name's first when no name is known yet.
    pub fn review_box(at: At, name_known: bool, lang: Lang, palette: &Palette) -> Popup {
        if name_known {
            Popup::Annotation(Draft::new(at, lang, palette))
        } else {
            Popup::Author { editor: editor::line("", "", palette), empty: false, then: at }
        }
    }

    fn is_box(&self) -> bool {
        matches!(self, Popup::Annotation(_) | Popup::Author { .. })
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

    /// A box of a review is open (under the help, maybe).
    pub fn has_box(&self) -> bool {
        self.stack.iter().any(Popup::is_box)
    }

    /// Gives `key` to the top pop-up; Esc closes it alone.
    pub fn key(&mut self, key: KeyEvent, lang: Lang, palette: &Palette) -> Taken {
        let Some(top) = self.stack.last_mut() else { return Taken::No };
        match top {
            // ↑↓ and the page keys scroll the help (a small window cannot
            // show it whole); any other key closes it.
            Popup::Help { scroll, limit, .. } => {
                let limit = limit.get();
                match key.code {
                    KeyCode::Up => *scroll = scroll.saturating_sub(1),
                    KeyCode::Down => *scroll = (*scroll + 1).min(limit),
                    KeyCode::PageUp => *scroll = scroll.saturating_sub(8),
                    KeyCode::PageDown => *scroll = (*scroll + 8).min(limit),
                    _ => {
                        self.stack.pop();
                    }
                }
                Taken::ByHelp
            }
            Popup::Annotation(draft) => match keys::box_msg(key, true) {
                BoxMsg::Cancel => {
                    self.stack.pop();
                    Taken::ByBox(None)
                }
                BoxMsg::Help => Taken::ByBox(Some(BoxOut::Help)),
                BoxMsg::Edit(input) => {
                    if draft.editor.input(input) {
                        draft.empty = false;
                        draft.privacy = crate::tui::popups::privacy_note::warning(lang, &draft.text());
                    }
                    Taken::ByBox(None)
                }
                BoxMsg::Confirm => {
                    let text = draft.text();
                    if text.is_empty() {
                        draft.empty = true;
                        return Taken::ByBox(None);
                    }
                    let at = draft.at;
                    self.stack.pop();
                    Taken::ByBox(Some(BoxOut::Annotate { at, text }))
                }
            },
            Popup::Picker(_) | Popup::Title(_) | Popup::Question(_) => self.dialog_key(key, lang, palette),
            Popup::Author { editor, empty, then } => match keys::box_msg(key, false) {
                BoxMsg::Cancel => {
                    self.stack.pop();
                    Taken::ByBox(None)
                }
                BoxMsg::Help => Taken::ByBox(Some(BoxOut::Help)),
                BoxMsg::Edit(input) => {
                    *empty &= !editor::edit_line(editor, input);
                    Taken::ByBox(None)
                }
                BoxMsg::Confirm => {
                    let name = editor::line_text(editor).trim().to_string();
                    if name.is_empty() {
                        *empty = true;
                        return Taken::ByBox(None);
                    }
                    let at = *then;
                    self.stack.pop();
                    self.stack.push(Popup::Annotation(Draft::new(at, lang, palette)));
                    Taken::ByBox(Some(BoxOut::Author(name)))
                }
            },
        }
    }

    /// A key for the library's dialog on top.
    fn dialog_key(&mut self, key: KeyEvent, lang: Lang, palette: &Palette) -> Taken {
        let Some(top) = self.stack.last_mut() else { return Taken::No };
        let focus = match top {
            Popup::Picker(_) => LibraryKeys::Picker,
            Popup::Title(_) => LibraryKeys::Typing,
            _ => LibraryKeys::Question,
        };
        let Some(msg) = keys::library_msg(key, focus) else { return Taken::Ignored };
        let out = match (top, &msg) {
            (_, LibraryMsg::Help) => Some(DialogOut::Help),
            (_, LibraryMsg::Cancel | LibraryMsg::No) => {
                self.stack.pop();
                None
            }
            (Popup::Picker(picker), LibraryMsg::Up) => {
                picker.up();
                None
            }
            (Popup::Picker(picker), LibraryMsg::Down) => {
                picker.down();
                None
            }
            (Popup::Picker(picker), LibraryMsg::Confirm) => {
                if let Some(grid) = picker.take_selected() {
                    self.stack.pop();
                    let title = TitleBox::new(Purpose::New(Box::new(grid)), "", palette, lang);
                    self.stack.push(Popup::Title(Box::new(title)));
                }
                None
            }
            (Popup::Title(title), LibraryMsg::Edit(input)) => {
                let changed = editor::edit_line(&mut title.editor, input.clone());
                title.empty &= !changed;
                if changed {
                    title.scan(lang);
                }
                None
            }
            (Popup::Title(title), LibraryMsg::Confirm) => {
                let text = editor::line_text(&title.editor).trim().to_string();
                if text.is_empty() {
                    title.empty = true;
                    None
                } else {
                    let Some(Popup::Title(title)) = self.stack.pop() else { return Taken::No };
                    Some(match title.purpose {
                        Purpose::New(grid) => DialogOut::Do(LibraryOut::Create { grid, title: text }),
                        Purpose::Rename(path) => DialogOut::Do(LibraryOut::Rename { path, title: text }),
                        Purpose::Keep => DialogOut::KeepWalk(text),
                    })
                }
            }
            (Popup::Question(_), LibraryMsg::Yes) => {
                let Some(Popup::Question(question)) = self.stack.pop() else { return Taken::No };
                Some(match question.on_yes {
                    OnYes::Delete { path, title } => DialogOut::Do(LibraryOut::Delete { path, title }),
                    OnYes::Export { path } => DialogOut::Do(LibraryOut::Export { path, confirmed: true }),
                    OnYes::ExportWalk { format } => DialogOut::ExportWalk(format),
                })
            }
            _ => None,
        };
        Taken::ByDialog(msg, out)
    }

    /// Pasted text goes to the top box (on one line for a name or a
    /// title); the help and the questions take none. `false` when no
    /// pop-up is open.
    pub fn paste(&mut self, text: &str, lang: Lang) -> bool {
        let Some(top) = self.stack.last_mut() else { return false };
        match top {
            Popup::Help { .. } | Popup::Picker(_) | Popup::Question(_) => {}
            Popup::Title(title) => {
                let changed = title.editor.insert_str(text.replace(['\r', '\n'], " "));
                title.empty &= !changed;
                if changed {
                    title.scan(lang);
                }
            }
            Popup::Author { editor, empty, .. } => {
                *empty &= !editor.insert_str(text.replace(['\r', '\n'], " "));
            }
            Popup::Annotation(draft) => {
                if draft.editor.insert_str(text.replace("\r\n", "\n")) {
                    draft.empty = false;
                    draft.privacy = crate::tui::popups::privacy_note::warning(lang, &draft.text());
                }
            }
        }
        true
    }

    /// Ctrl-C while an annotation is being written: it is kept, like
    /// everything else that quitting saves. The annotation to add, if any.
    pub fn take_draft(&mut self) -> Option<(At, String)> {
        let draft = self.stack.iter().find_map(|p| match p {
            Popup::Annotation(draft) if !draft.text().is_empty() => Some((draft.at, draft.text())),
            _ => None,
        });
        self.stack.clear();
        draft
    }

    /// Draws the pop-ups over the screen, the bottom one first; the
    /// terminal's cursor goes to the top one's field.
    pub fn render(&self, lang: Lang, palette: &Palette, screen: &Screen, frame: &mut Frame, area: Rect) {
        let top = self.stack.len().saturating_sub(1);
        for (i, popup) in self.stack.iter().enumerate() {
            let cursor = i == top;
            match (popup, screen) {
                (Popup::Help { help_for, scroll, limit }, _) => {
                    limit.set(help::render(lang, palette, *help_for, *scroll, frame, area));
                }
                (Popup::Annotation(draft), Screen::Walk(walk)) => {
                    review_view::annotation_box(walk, draft, frame, area, cursor)
                }
                (Popup::Author { editor, empty, .. }, Screen::Walk(walk)) => {
                    review_view::author_box(walk, editor, *empty, frame, area, cursor)
                }
                (Popup::Picker(grids), _) => picker::render(grids, lang, palette, frame, area),
                (Popup::Title(title), _) => dialog::title_box(title, lang, palette, frame, area, cursor),
                (Popup::Question(q), _) => dialog::question_box(q, lang, palette, frame, area),
                _ => {}
            }
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

    const AT: At = At { step: 1, question: 0 };

    #[test]
    fn a_key_a_dialog_does_not_know_does_nothing() {
        let (lang, palette) = (Lang::En, Palette::mono());
        let mut layer = Layer::default();
        let on_yes = crate::tui::popups::dialog::OnYes::Export { path: "x.toml".into() };
        layer.open(Popup::Question(Question::new("Export?".into(), "y/n", on_yes)));
        assert_eq!(layer.key(key(KeyCode::F(5)), lang, &palette), Taken::Ignored);
        assert_eq!(layer.stack.len(), 1, "the question is still asked");
    }

    #[test]
    fn the_top_pop_up_takes_the_keys_and_esc_closes_it_alone() {
        let (lang, palette) = (Lang::En, Palette::mono());
        let mut layer = Layer::default();
        assert_eq!(layer.key(key(KeyCode::Down), lang, &palette), Taken::No, "the key is the screen's");
        layer.open(Popup::review_box(AT, true, lang, &palette));
        layer.open(Popup::help(HelpFor::Pager));
        if let Some(Popup::Help { limit, .. }) = layer.stack.last() {
            limit.set(5);
        }
        assert_eq!(layer.key(key(KeyCode::Down), lang, &palette), Taken::ByHelp, "the help, on top, scrolls");
        assert!(matches!(layer.stack.last(), Some(Popup::Help { scroll: 1, .. })));
        assert_eq!(layer.key(key(KeyCode::Esc), lang, &palette), Taken::ByHelp);
        assert_eq!(layer.stack.len(), 1, "Esc closes the top one only");
        for c in "See with the team".chars() {
            assert_eq!(layer.key(key(KeyCode::Char(c)), lang, &palette), Taken::ByBox(None));
        }
        let out = layer.key(key(KeyCode::Enter), lang, &palette);
        assert_eq!(out, Taken::ByBox(Some(BoxOut::Annotate { at: AT, text: "See with the team".into() })));
        assert!(layer.is_empty(), "a saved annotation closes its box");
    }

    #[test]
    fn a_name_given_opens_the_annotation_box_and_an_empty_one_is_refused() {
        let (lang, palette) = (Lang::En, Palette::mono());
        let mut layer = Layer::default();
        layer.open(Popup::review_box(AT, false, lang, &palette));
        assert_eq!(layer.key(key(KeyCode::Enter), lang, &palette), Taken::ByBox(None));
        assert!(matches!(layer.stack.last(), Some(Popup::Author { empty: true, .. })));
        assert!(layer.paste("C. M.\n", lang));
        let out = layer.key(key(KeyCode::Enter), lang, &palette);
        assert_eq!(out, Taken::ByBox(Some(BoxOut::Author("C. M.".into()))));
        assert!(matches!(layer.stack.last(), Some(Popup::Annotation(Draft { at: AT, .. }))));
        assert!(layer.has_box());
        assert_eq!(layer.take_draft(), None, "nothing written: nothing to keep");
        assert!(layer.is_empty());
    }
}
