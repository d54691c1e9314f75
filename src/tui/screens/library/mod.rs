//! The library: the trails, newest first, and what can be done with them
//! (open, start, filter, rename, export, delete). Files are read and
//! written by the runtime; this screen asks for it and shows the outcome.

pub(crate) mod view;

use std::path::PathBuf;

use ratatui_textarea::TextArea;

use crate::grid::Grid;
use crate::text::Lang;
use crate::trail::store::Listed;
use crate::trail::store::encryption::FolderState;
use crate::trail::{LoadError, Summary};
use crate::tui::editor;
use crate::tui::keys::{LibraryKeys, LibraryMsg};
use crate::tui::popups::dialog::{OnYes, Purpose, Question, TitleBox};
use crate::tui::theme::Palette;

/// One file of the sessions folder.
pub struct TrailRow {
    pub(in crate::tui) path: PathBuf,
    pub(in crate::tui) summary: Result<Summary, LoadError>,
    /// Title and grid, lowercased without accents, for the filter; then,
    /// once read, the words of the answers.
    search: String,
}

impl TrailRow {
    pub fn file_name(&self) -> String {
        self.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
    }

    /// The title, or the file name of a damaged file.
    pub fn title(&self) -> String {
        match &self.summary {
            Ok(t) => t.title.clone(),
            Err(_) => self.file_name(),
        }
    }
}

/// Where the keys go in the library (its dialogs open in the pop-up layer).
pub enum Mode {
    List,
    Filter,
}

/// A dialog the library asks the pop-up layer to open.
pub enum Dialog {
    Title(Box<TitleBox>),
    Question(Question),
}

pub struct Message {
    pub(in crate::tui) text: String,
    pub(in crate::tui) error: bool,
}

/// What the library asks of the program.
pub enum LibraryOut {
    ListTrails,
    LoadGrids,
    Open(PathBuf),
    /// The trail in review: read, with annotations.
    Review(PathBuf),
    Create {
        grid: Box<Grid>,
        title: String,
    },
    Rename {
        path: PathBuf,
        title: String,
    },
    /// `confirmed` once the privacy warnings were seen and accepted.
    Export {
        path: PathBuf,
        confirmed: bool,
    },
    Delete {
        path: PathBuf,
        title: String,
    },
    /// Come back to the decision of this trail.
    FollowUp {
        path: PathBuf,
        title: String,
    },
    /// The words of these trails' answers, for the filter.
    LoadWords(Vec<PathBuf>),
    /// A dialog over the library.
    Ask(Dialog),
    Help,
    Quit,
}

pub struct LibraryScreen {
    pub(in crate::tui) rows: Vec<TrailRow>,
    /// The rows the filter lets through, as indices in `rows`.
    pub(in crate::tui) shown: Vec<usize>,
    /// The highlighted row, as an index in `shown`.
    pub(in crate::tui) selected: usize,
    pub(in crate::tui) filter: TextArea<'static>,
    pub(in crate::tui) mode: Mode,
    pub(in crate::tui) message: Option<Message>,
    /// The list has been read at least once.
    pub(in crate::tui) loaded: bool,
    /// Whether the data folder is encrypted (or half done), once known.
    pub(in crate::tui) encrypted: Option<FolderState>,
    /// Today, for the trails whose revisit date has come.
    pub(in crate::tui) today: Option<chrono::NaiveDate>,
    /// Only the trails whose revisit date has come (`a`).
    pub(in crate::tui) due_only: bool,
    /// The words of each trail's answers, once read (by path), kept across
    /// readings of the list.
    words: std::collections::HashMap<PathBuf, String>,
    lang: Lang,
    palette: Palette,
}

impl LibraryScreen {
    pub fn new(lang: Lang, palette: Palette) -> Self {
        LibraryScreen {
            rows: Vec::new(),
            shown: Vec::new(),
            selected: 0,
            filter: editor::line("", "", &palette),
            mode: Mode::List,
            message: None,
            loaded: false,
            encrypted: None,
            today: None,
            due_only: false,
            words: std::collections::HashMap::new(),
            lang,
            palette,
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn palette(&self) -> &Palette {
        &self.palette
    }

    pub fn filter_text(&self) -> String {
        editor::line_text(&self.filter)
    }

    pub fn selected_row(&self) -> Option<(usize, &TrailRow)> {
        let index = *self.shown.get(self.selected)?;
        Some((index, &self.rows[index]))
    }

    pub fn keys(&self) -> LibraryKeys {
        match self.mode {
            Mode::List => LibraryKeys::List,
            Mode::Filter => LibraryKeys::Typing,
        }
    }

    /// A new reading of the sessions folder; the highlight stays on the same file.
    pub fn listed(&mut self, listed: Vec<Listed>) {
        let keep = self.selected_row().map(|(_, r)| r.path.clone());
        self.rows = listed
            .into_iter()
            .map(|l| {
                let mut search = match &l.summary {
                    Ok(t) => fold(&format!("{} {}", t.title, t.grid.title)),
                    Err(_) => fold(&l.path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()),
                };
                if let Some(words) = self.words.get(&l.path) {
                    search.push('\u{0}');
                    search.push_str(words);
                }
                TrailRow { path: l.path, summary: l.summary, search }
            })
            .collect();
        self.loaded = true;
        self.apply_filter();
        if let Some(path) = keep
            && let Some(i) = self.shown.iter().position(|&r| self.rows[r].path == path)
        {
            self.selected = i;
        }
    }

    /// A key taken by a dialog over the library: the last message goes,
    /// except while typing or moving.
    pub(in crate::tui) fn key_taken_above(&mut self, msg: &LibraryMsg) {
        if !matches!(msg, LibraryMsg::Edit(_) | LibraryMsg::Up | LibraryMsg::Down) {
            self.message = None;
        }
    }

    pub fn say(&mut self, text: String, error: bool) {
        self.message = Some(Message { text, error });
    }

    /// How many days ago a row's revisit date came (0: today); `None` when
    /// it has not come or the trail has none.
    pub fn days_late(&self, row: &TrailRow) -> Option<i64> {
        let today = self.today?;
        let revisit = row.summary.as_ref().ok()?.revisit.filter(|d| *d <= today)?;
        Some((today - revisit).num_days())
    }

    /// Whether any trail's revisit date has come.
    pub fn any_due(&self) -> bool {
        self.rows.iter().any(|r| self.days_late(r).is_some())
    }

    /// The words of the answers came: the filter finds them from now on.
    pub fn words_loaded(&mut self, words: Vec<(PathBuf, String)>) {
        self.words = words.into_iter().collect();
        for row in &mut self.rows {
            if let Some(words) = self.words.get(&row.path) {
                let title_end = row.search.find('\u{0}').unwrap_or(row.search.len());
                row.search.truncate(title_end);
                row.search.push('\u{0}');
                row.search.push_str(words);
            }
        }
        self.apply_filter();
    }

    fn apply_filter(&mut self) {
        let needle = fold(self.filter_text().trim());
        self.shown = (0..self.rows.len())
            .filter(|&i| self.rows[i].search.contains(&needle))
            .filter(|&i| !self.due_only || self.days_late(&self.rows[i]).is_some())
            .collect();
        self.selected = self.selected.min(self.shown.len().saturating_sub(1));
    }

    pub fn update(&mut self, msg: LibraryMsg) -> Vec<LibraryOut> {
        if !matches!(msg, LibraryMsg::Edit(_) | LibraryMsg::Up | LibraryMsg::Down) {
            self.message = None;
        }
        match std::mem::replace(&mut self.mode, Mode::List) {
            Mode::List => self.update_list(msg),
            Mode::Filter => self.update_filter(msg),
        }
    }

    fn update_list(&mut self, msg: LibraryMsg) -> Vec<LibraryOut> {
        match msg {
            LibraryMsg::Up => self.selected = self.selected.saturating_sub(1),
            LibraryMsg::Down => self.selected = (self.selected + 1).min(self.shown.len().saturating_sub(1)),
            LibraryMsg::New => return vec![LibraryOut::LoadGrids],
            LibraryMsg::Filter => {
                self.mode = Mode::Filter;
                // The answers' words are read as the filter opens (from
                // their own index, so it costs little after the first time).
                return vec![LibraryOut::LoadWords(self.rows.iter().map(|r| r.path.clone()).collect())];
            }
            LibraryMsg::ClearFilter => {
                self.filter = editor::line("", "", &self.palette);
                self.apply_filter();
            }
            LibraryMsg::Help => return vec![LibraryOut::Help],
            LibraryMsg::Quit => return vec![LibraryOut::Quit],
            LibraryMsg::DueOnly => {
                self.due_only = !self.due_only;
                self.selected = 0;
                self.apply_filter();
            }
            LibraryMsg::Open
            | LibraryMsg::Review
            | LibraryMsg::Rename
            | LibraryMsg::Export
            | LibraryMsg::FollowUp
            | LibraryMsg::Delete => {
                return self.on_selected(msg);
            }
            _ => {}
        }
        Vec::new()
    }

    /// The actions on the highlighted trail; a damaged file can only be deleted.
    fn on_selected(&mut self, msg: LibraryMsg) -> Vec<LibraryOut> {
        let Some((_, row)) = self.selected_row() else { return Vec::new() };
        if let LibraryMsg::Delete = msg {
            let question = match &row.summary {
                Ok(t) => self.lang.confirm_delete_trail(&t.title),
                Err(_) => self.lang.confirm_delete_damaged(&row.file_name()),
            };
            let on_yes = OnYes::Delete { path: row.path.clone(), title: row.title() };
            let answers = self.lang.delete_answers();
            return vec![LibraryOut::Ask(Dialog::Question(Question::new(question, answers, on_yes)))];
        }
        let summary = match &row.summary {
            Ok(t) => t,
            Err(e) => {
                let text = match msg {
                    LibraryMsg::Open | LibraryMsg::Review => {
                        self.lang.damaged_cannot_open(&self.lang.load_error(e))
                    }
                    _ => self.lang.damaged_cannot_change().to_string(),
                };
                self.say(text, true);
                return Vec::new();
            }
        };
        match msg {
            LibraryMsg::Open => vec![LibraryOut::Open(row.path.clone())],
            LibraryMsg::Review => vec![LibraryOut::Review(row.path.clone())],
            LibraryMsg::Export => vec![LibraryOut::Export { path: row.path.clone(), confirmed: false }],
            LibraryMsg::FollowUp => {
                vec![LibraryOut::FollowUp { path: row.path.clone(), title: summary.title.clone() }]
            }
            _ => {
                let purpose = Purpose::Rename(row.path.clone());
                let title = TitleBox::new(purpose, &summary.title, &self.palette, self.lang);
                vec![LibraryOut::Ask(Dialog::Title(Box::new(title)))]
            }
        }
    }

    fn update_filter(&mut self, msg: LibraryMsg) -> Vec<LibraryOut> {
        match msg {
            LibraryMsg::Confirm => return Vec::new(),
            LibraryMsg::Cancel => {
                self.filter = editor::line("", "", &self.palette);
                self.apply_filter();
                return Vec::new();
            }
            LibraryMsg::Quit => return vec![LibraryOut::Quit],
            LibraryMsg::Help => {
                self.mode = Mode::Filter;
                return vec![LibraryOut::Help];
            }
            LibraryMsg::Up => self.selected = self.selected.saturating_sub(1),
            LibraryMsg::Down => self.selected = (self.selected + 1).min(self.shown.len().saturating_sub(1)),
            LibraryMsg::Edit(input) => {
                let changed = editor::edit_line(&mut self.filter, input);
                if changed {
                    self.selected = 0;
                    self.apply_filter();
                }
            }
            _ => {}
        }
        self.mode = Mode::Filter;
        Vec::new()
    }

    /// Pasted text goes to the filter being typed, on one line.
    pub fn paste(&mut self, text: &str) {
        let text = text.replace(['\r', '\n'], " ");
        if let Mode::Filter = self.mode
            && self.filter.insert_str(text)
        {
            self.apply_filter();
        }
    }
}

/// Lowercase, without the accents of French, so that "ecole" finds "École".
fn fold(s: &str) -> String {
    crate::trail::search_fold(s)
}

#[cfg(test)]
mod tests;
