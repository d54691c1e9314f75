//! The application: which screen is up, the messages it receives (keys,
//! ticks, the outcome of file work) and the effects it asks for. `update`
//! changes state only; the runtime performs the effects and sends their
//! outcome back as messages.

use std::path::PathBuf;
use std::time::Instant;

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::documents::ExportFormat;
use crate::grid::Grid;
use crate::ops::Failure;
use crate::text::Lang;
use crate::trail::lint::Warning;
use crate::trail::store::Listed;
use crate::trail::store::encryption::FolderState;
use crate::trail::{FollowUp, LoadError, Time, Trail};
use crate::tui::access::Access;
use crate::tui::keys;
use crate::tui::popups::dialog::{OnYes, Purpose, Question, TitleBox};
use crate::tui::popups::help::HelpFor;
use crate::tui::popups::picker::Picker;
use crate::tui::runtime::layer::{BoxOut, DialogOut, Layer, Popup, Taken};
use crate::tui::saver::{SaveJob, SaveReport};
use crate::tui::screens::Screen;
use crate::tui::screens::follow_up::{self, FollowUpOut, FollowUpScreen};
use crate::tui::screens::library::view as library_view;
use crate::tui::screens::library::{LibraryOut, LibraryScreen};
use crate::tui::screens::pager::view as pager_view;
use crate::tui::screens::pager::{Pager, PagerOut};
use crate::tui::screens::walk::view as walk_view;
use crate::tui::screens::walk::{Exit, WalkOut, WalkScreen};
use crate::tui::theme::Palette;
use crate::tui::widgets::wrap;
use crate::walk::Walk;

/// Below this, a short message asks for a larger window.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Why a trail could not be opened.
#[derive(Debug)]
pub enum OpenFailure {
    Damaged(LoadError),
    GridGone {
        title: String,
        id: String,
        language: String,
    },
    /// Its lock could not be taken, or it could not be read.
    Locked(Failure),
}

pub enum Msg {
    Event(Event),
    Tick(Instant),
    Saved(Vec<SaveReport>),
    Listed(Vec<Listed>),
    /// Whether the data folder is encrypted (or half done); `suggest` the
    /// first time plaintext trails are shown, to mention `discern encrypt` once.
    Folder {
        encrypted: FolderState,
        suggest: bool,
    },
    Grids(Picker),
    /// A trail to walk (or to read: `access`); `saved` is the outcome of
    /// the first save of a new one; `author` signs a review's annotations.
    Opened {
        walk: Box<Walk>,
        path: PathBuf,
        saved: Result<(), Failure>,
        access: Access,
        author: Option<String>,
    },
    /// The outcome of keeping a reviewer's name in the config file.
    AuthorSaved(Result<(), Failure>),
    OpenFailed(OpenFailure),
    /// The export found passages that look identifying, or (`plaintext`)
    /// it would write plaintext into an encrypted folder; `id`: the trail's.
    ExportNeedsConfirm {
        path: PathBuf,
        id: String,
        warnings: Vec<Warning>,
        plaintext: bool,
    },
    Exported(Result<PathBuf, Failure>),
    /// The export from the end of a walk is asked first: passages that
    /// look identifying, a plaintext file in an encrypted folder, and for
    /// an ephemeral walk the folder it goes `into`.
    WalkExportNeedsConfirm {
        format: ExportFormat,
        id: String,
        warnings: Vec<Warning>,
        plaintext: bool,
        into: Option<PathBuf>,
    },
    /// The summary exported from the end of a walk.
    WalkExported(Result<PathBuf, Failure>),
    /// The system was asked to open an export.
    FileOpened {
        path: PathBuf,
        result: std::io::Result<()>,
    },
    /// An ephemeral walk kept as a trail: its file, and whether it was written.
    WalkKept {
        path: PathBuf,
        saved: Result<(), Failure>,
    },
    /// The words of the trails' answers, for the library's filter.
    Words(Vec<(PathBuf, String)>),
    Deleted {
        title: String,
        /// How many of the library's exports went with it.
        result: Result<usize, Failure>,
    },
    Renamed {
        title: String,
        result: Result<(), Failure>,
    },
    /// A follow-up was added to a trail (its title), or why not.
    FollowUpSaved(Result<String, Failure>),
}

pub enum Effect {
    Save {
        job: SaveJob,
        wait: bool,
    },
    ListTrails,
    /// Whether the data folder is encrypted (after a listing).
    FolderState,
    LoadGrids,
    /// A trail to walk, or with `review` to review; read only when another
    /// window has it open.
    Open {
        path: PathBuf,
        review: bool,
    },
    Create {
        grid: Box<Grid>,
        title: String,
    },
    Rename {
        path: PathBuf,
        title: String,
    },
    Export {
        path: PathBuf,
        confirmed: bool,
    },
    Delete {
        path: PathBuf,
        title: String,
    },
    /// Adds a follow-up to a trail, under its lock.
    SaveFollowUp {
        path: PathBuf,
        entry: Box<FollowUp>,
    },
    /// The walk of this trail is over: its lock can go.
    Close(PathBuf),
    /// A reviewer's name, for the config file (and the rest of the session).
    SaveAuthor(String),
    /// The words of these trails' answers.
    LoadWords(Vec<PathBuf>),
    /// The meeting summary of the trail being walked, into `exports/`:
    /// rendered from the walk on screen (no copy of its trail or grid),
    /// written by the runtime once `confirmed`, or when there is nothing to
    /// ask (no `warnings`, not `ephemeral`, a folder not encrypted).
    ExportWalk {
        id: String,
        format: ExportFormat,
        text: String,
        warnings: Vec<Warning>,
        ephemeral: bool,
        confirmed: bool,
    },
    /// A file to open with the system's default application.
    OpenFile(PathBuf),
    /// An ephemeral walk to keep as a trail: its file is created.
    KeepWalk(Box<Trail>),
}

pub struct App {
    lang: Lang,
    palette: Palette,
    clock: fn() -> Time,
    screen: Screen,
    /// What is open over the screen (the help): it gets the keys first.
    popups: Layer,
    size: (u16, u16),
    finished: bool,
    /// Left a walk whose last changes could not be saved.
    lost: bool,
    /// The follow-up the command line's screen ended with.
    follow_up: Option<FollowUp>,
    /// The file of an ephemeral walk kept as a trail on its end screen.
    kept: Option<PathBuf>,
}

impl App {
    /// The library; `start` asks for its list.
    pub fn library(lang: Lang, palette: Palette, clock: fn() -> Time) -> App {
        App::with_screen(Screen::Library(Box::new(LibraryScreen::new(lang, palette))), lang, palette, clock)
    }

    /// A walk; `path: None` is ephemeral. `needs_save` when the file does
    /// not hold the trail yet.
    pub fn walk(
        walk: Walk,
        path: Option<PathBuf>,
        needs_save: bool,
        lang: Lang,
        palette: Palette,
        clock: fn() -> Time,
    ) -> App {
        let mut screen = WalkScreen::new(walk, path, lang, palette, clock);
        if needs_save {
            screen.needs_first_save();
        }
        App::with_screen(Screen::Walk(Box::new(screen)), lang, palette, clock)
    }

    /// A document to read (`discern compare`).
    pub fn pager(title: &str, text: &str, lang: Lang, palette: Palette, clock: fn() -> Time) -> App {
        App::with_screen(
            Screen::Pager(Box::new(Pager::new(title, text, lang, palette))),
            lang,
            palette,
            clock,
        )
    }

    /// The walk on screen made a review, or read only (`Access::Answer`
    /// leaves it as it is); `author` signs a review's annotations.
    pub fn with_access(mut self, access: Access, author: Option<String>) -> App {
        if let Screen::Walk(walk) = &mut self.screen
            && access != Access::Answer
        {
            walk.set_access(access, author);
        }
        self
    }

    fn with_screen(screen: Screen, lang: Lang, palette: Palette, clock: fn() -> Time) -> App {
        App {
            lang,
            palette,
            clock,
            screen,
            popups: Layer::default(),
            size: (80, 24),
            finished: false,
            lost: false,
            follow_up: None,
            kept: None,
        }
    }

    /// The follow-up screen of `discern follow-up TRAIL`.
    pub fn follow_up(title: &str, lang: Lang, palette: Palette, clock: fn() -> Time) -> App {
        let screen = Screen::FollowUp(Box::new(FollowUpScreen::new(title, lang, palette)), None);
        App::with_screen(screen, lang, palette, clock)
    }

    /// A warning for the status line of the screen on show (the library's
    /// message, the walk's notice), until the next key.
    pub fn warn(&mut self, text: String) {
        match &mut self.screen {
            Screen::Library(library) => library.say(text, true),
            Screen::Walk(walk) => walk.notice = Some(text),
            Screen::Pager(_) | Screen::FollowUp(..) => {}
        }
    }

    /// The follow-up the command line's screen ended with, if saved.
    pub fn saved_follow_up(&self) -> Option<&FollowUp> {
        self.follow_up.as_ref()
    }

    /// The follow-up the command line's screen was left with, if saved.
    pub fn into_follow_up(self) -> Option<FollowUp> {
        self.follow_up
    }

    /// What the first screen needs read before it can be drawn.
    pub fn start(&self) -> Vec<Effect> {
        match self.screen {
            Screen::Library(_) => vec![Effect::ListTrails],
            Screen::Walk(_) | Screen::Pager(_) | Screen::FollowUp(..) => Vec::new(),
        }
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    pub fn screen_mut(&mut self) -> &mut Screen {
        &mut self.screen
    }

    /// The walk on screen, if any.
    pub fn walk_screen(&self) -> Option<&WalkScreen> {
        match &self.screen {
            Screen::Walk(w) => Some(w),
            Screen::Library(_) | Screen::Pager(_) | Screen::FollowUp(..) => None,
        }
    }

    /// An ephemeral walk at the end: the walk, if still on screen, and the
    /// file of the trail it became if it was kept on its end screen.
    pub fn into_ephemeral_end(self) -> Option<(Option<Walk>, Option<PathBuf>)> {
        let kept = self.kept.clone();
        Some((self.into_walk(), kept))
    }

    /// The walk on screen, given back at the end (an ephemeral walk's
    /// answers, for an export the user asked for).
    pub fn into_walk(self) -> Option<Walk> {
        match self.screen {
            Screen::Walk(w) => Some(w.walk),
            Screen::Library(_) | Screen::Pager(_) | Screen::FollowUp(..) => None,
        }
    }

    /// A review's box (an annotation, a name) is open over the walk.
    pub fn box_open(&self) -> bool {
        self.popups.has_box()
    }

    pub fn finished(&self) -> bool {
        self.finished
    }

    /// Left a walk without its last changes saved (after being told so).
    pub fn lost_changes(&self) -> bool {
        self.lost
    }

    pub fn set_size(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        if let Screen::Pager(pager) = &mut self.screen {
            pager.resize(width, height);
        }
    }

    fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Event(Event::Resize(w, h)) => self.set_size(w, h),
            Msg::Event(Event::Key(key)) if keys::is_press(&key) => return self.key(key),
            Msg::Event(Event::Paste(text)) => self.paste(&text),
            Msg::Event(_) => {}
            Msg::Tick(now) => {
                if let Screen::Walk(w) = &mut self.screen {
                    return w.tick(now).into_iter().flat_map(|out| self.walk_out(out)).collect();
                }
            }
            Msg::Saved(reports) => return self.saved(&reports),
            Msg::Opened { walk, path, saved, access, author } => {
                let mut screen = WalkScreen::new(*walk, Some(path), self.lang, self.palette, self.clock);
                if access != Access::Answer {
                    screen.set_access(access, author);
                }
                if let Err(e) = saved {
                    screen.needs_first_save();
                    screen.save.error = Some(self.lang.failure(&e));
                }
                self.screen = Screen::Walk(Box::new(screen));
            }
            Msg::FollowUpSaved(result) => return self.follow_up_saved(result),
            Msg::WalkExported(result) => {
                if let Screen::Walk(walk) = &mut self.screen {
                    walk.exported(result);
                }
            }
            Msg::WalkExportNeedsConfirm { format, id, warnings, plaintext, into } => {
                let question = walk_export_question(self.lang, format, id, &warnings, plaintext, into);
                self.popups.open(Popup::Question(question));
            }
            Msg::FileOpened { path, result } => {
                if let Screen::Walk(walk) = &mut self.screen {
                    walk.opened(path, result.map_err(|e| self.lang.io_error(&e)));
                }
            }
            Msg::WalkKept { path, saved } => {
                if saved.is_ok() {
                    self.kept = Some(path.clone());
                }
                if let Screen::Walk(walk) = &mut self.screen {
                    match saved {
                        // Nothing was written: the walk stays ephemeral, and
                        // `s` may be tried again once the folder is free.
                        Err(busy @ Failure::FolderBusy { .. }) => walk.keep_refused(self.lang.failure(&busy)),
                        saved => walk.kept(path, saved.map_err(|e| self.lang.failure(&e))),
                    }
                }
            }
            Msg::AuthorSaved(result) => {
                if let Screen::Walk(walk) = &mut self.screen {
                    walk.author_saved(result);
                }
            }
            other => {
                if let Screen::Library(library) = &mut self.screen {
                    library.today = Some((self.clock)().date_naive());
                    return library_result(library, &mut self.popups, self.lang, other);
                }
            }
        }
        Vec::new()
    }

    fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let quit = keys::is_ctrl_c(&key);
        if self.too_small() && !quit {
            return Vec::new();
        }
        // A pop-up takes the key before the screen under it; Ctrl-C goes
        // to the screen, keeping the annotation being written.
        if quit {
            if let Some((at, text)) = self.popups.take_draft()
                && let Screen::Walk(walk) = &mut self.screen
            {
                walk.add_annotation(at, &text);
            }
        } else {
            match self.popups.key(key, self.lang, &self.palette) {
                Taken::No => {}
                Taken::ByHelp | Taken::Ignored => return Vec::new(),
                Taken::ByBox(out) => return self.box_out(out),
                Taken::ByDialog(msg, out) => return self.dialog_out(&msg, out),
            }
        }
        match &mut self.screen {
            Screen::Library(library) => {
                let Some(msg) = keys::library_msg(key, library.keys()) else { return Vec::new() };
                let outs = library.update(msg);
                outs.into_iter().filter_map(|out| self.library_out(out)).collect()
            }
            Screen::Walk(walk) => {
                let Some(msg) = keys::walk_msg(key, walk.keys()) else { return Vec::new() };
                let outs = walk.update(msg);
                outs.into_iter().flat_map(|out| self.walk_out(out)).collect()
            }
            Screen::FollowUp(f, _) => {
                let on_choices = f.focus == follow_up::Field::Held;
                let on_date = f.focus == follow_up::Field::Date;
                let Some(msg) = keys::follow_up_msg(key, on_choices, on_date) else { return Vec::new() };
                let outs = f.update(msg, (self.clock)());
                outs.into_iter().flat_map(|out| self.follow_up_out(out)).collect()
            }
            Screen::Pager(pager) => {
                match keys::pager_msg(key).and_then(|msg| pager.update(msg)) {
                    Some(PagerOut::Help) => self.popups.open(Popup::help(HelpFor::Pager)),
                    Some(PagerOut::Quit) => self.finished = true,
                    None => {}
                }
                Vec::new()
            }
        }
    }

    /// What a dialog asks of the screen under it: the library, or the
    /// end of a walk.
    fn dialog_out(&mut self, msg: &keys::LibraryMsg, out: Option<DialogOut>) -> Vec<Effect> {
        match &mut self.screen {
            Screen::Library(library) => library.key_taken_above(msg),
            Screen::Walk(walk) => walk.key_taken_above(),
            Screen::Pager(_) | Screen::FollowUp(..) => {}
        }
        match out {
            None => Vec::new(),
            Some(DialogOut::Help) if self.walk_screen().is_some() => self.walk_out(WalkOut::Help),
            Some(DialogOut::Help) => {
                self.popups.open(Popup::help(HelpFor::Library));
                Vec::new()
            }
            Some(DialogOut::Do(out)) => self.library_out(out).into_iter().collect(),
            Some(DialogOut::ExportWalk(format)) => self.export_walk(format, true),
            Some(DialogOut::KeepWalk(title)) => match &mut self.screen {
                Screen::Walk(w) if w.path.is_none() => {
                    w.walk.trail.title = title;
                    vec![Effect::KeepWalk(Box::new(w.walk.trail.clone()))]
                }
                _ => Vec::new(),
            },
        }
    }

    /// The summary of the walk on screen, to export: asked first when
    /// something is to be asked, unless `confirmed`.
    fn export_walk(&mut self, format: ExportFormat, confirmed: bool) -> Vec<Effect> {
        let Some(w) = self.walk_screen() else { return Vec::new() };
        let trail = &w.walk.trail;
        let text = crate::documents::export::render(trail, Some(&w.walk.grid), format, self.lang, false);
        vec![Effect::ExportWalk {
            id: trail.id.clone(),
            format,
            text,
            warnings: crate::trail::lint::warnings(trail),
            ephemeral: w.path.is_none(),
            confirmed,
        }]
    }

    /// What a review's box asks of the walk under it.
    fn box_out(&mut self, out: Option<BoxOut>) -> Vec<Effect> {
        let Screen::Walk(walk) = &mut self.screen else { return Vec::new() };
        walk.key_taken_above();
        match out {
            None => Vec::new(),
            Some(BoxOut::Help) => self.walk_out(WalkOut::Help),
            Some(BoxOut::Author(name)) => {
                walk.set_author(&name);
                vec![Effect::SaveAuthor(name)]
            }
            Some(BoxOut::Annotate { at, text }) => {
                walk.add_annotation(at, &text);
                Vec::new()
            }
        }
    }

    fn paste(&mut self, text: &str) {
        if self.too_small() || self.popups.paste(text, self.lang) {
            return;
        }
        match &mut self.screen {
            Screen::Library(library) => library.paste(text),
            Screen::Walk(walk) => walk.paste(text),
            Screen::Pager(_) => {}
            Screen::FollowUp(f, _) => f.paste(text),
        }
    }

    fn library_out(&mut self, out: LibraryOut) -> Option<Effect> {
        Some(match out {
            LibraryOut::ListTrails => Effect::ListTrails,
            LibraryOut::LoadGrids => Effect::LoadGrids,
            LibraryOut::Open(path) => Effect::Open { path, review: false },
            LibraryOut::Review(path) => Effect::Open { path, review: true },
            LibraryOut::Create { grid, title } => Effect::Create { grid, title },
            LibraryOut::Rename { path, title } => Effect::Rename { path, title },
            LibraryOut::Export { path, confirmed } => Effect::Export { path, confirmed },
            LibraryOut::Delete { path, title } => Effect::Delete { path, title },
            LibraryOut::FollowUp { path, title } => {
                let screen = FollowUpScreen::new(&title, self.lang, self.palette);
                self.screen = Screen::FollowUp(Box::new(screen), Some(path));
                return None;
            }
            LibraryOut::LoadWords(paths) => Effect::LoadWords(paths),
            LibraryOut::Ask(dialog) => {
                self.popups.open(dialog.into());
                return None;
            }
            LibraryOut::Help => {
                self.popups.open(Popup::help(HelpFor::Library));
                return None;
            }
            LibraryOut::Quit => {
                self.finished = true;
                return None;
            }
        })
    }

    fn walk_out(&mut self, out: WalkOut) -> Vec<Effect> {
        match out {
            WalkOut::Save { job, wait } => vec![Effect::Save { job, wait }],
            WalkOut::Help => {
                if let Some(w) = self.walk_screen() {
                    let to_library = w.leaving.after_back == Exit::Library;
                    let help = Popup::help(HelpFor::Walk { to_library, access: w.access });
                    self.popups.open(help);
                }
                Vec::new()
            }
            WalkOut::Leave { exit, saved } => self.leave(exit, saved),
            WalkOut::Annotate { at, name_known } => {
                self.popups.open(Popup::review_box(at, name_known, self.lang, &self.palette));
                Vec::new()
            }
            WalkOut::Export(format) => self.export_walk(format, false),
            WalkOut::OpenFile(path) => vec![Effect::OpenFile(path)],
            WalkOut::Keep => {
                if let Some(w) = self.walk_screen() {
                    let title = TitleBox::new(Purpose::Keep, &w.walk.trail.title, &self.palette, self.lang);
                    self.popups.open(Popup::Title(Box::new(title)));
                }
                Vec::new()
            }
        }
    }

    fn follow_up_out(&mut self, out: FollowUpOut) -> Vec<Effect> {
        let Screen::FollowUp(_, path) = &self.screen else { return Vec::new() };
        match (out, path.clone()) {
            (FollowUpOut::Save(entry), Some(path)) => {
                vec![Effect::SaveFollowUp { path, entry: Box::new(entry) }]
            }
            (FollowUpOut::Save(entry), None) => {
                self.follow_up = Some(entry);
                self.finished = true;
                Vec::new()
            }
            (FollowUpOut::Cancel, Some(_)) => self.back_to_library(),
            (FollowUpOut::Cancel, None) => {
                self.finished = true;
                Vec::new()
            }
            (FollowUpOut::Help, _) => {
                self.popups.open(Popup::help(HelpFor::FollowUp));
                Vec::new()
            }
        }
    }

    fn back_to_library(&mut self) -> Vec<Effect> {
        self.screen = Screen::Library(Box::new(LibraryScreen::new(self.lang, self.palette)));
        vec![Effect::ListTrails]
    }

    /// Back to the library, saying so; a failure is said on the form, which
    /// keeps what was typed.
    fn follow_up_saved(&mut self, result: Result<String, Failure>) -> Vec<Effect> {
        let Screen::FollowUp(f, _) = &mut self.screen else { return Vec::new() };
        match result {
            Ok(title) => {
                let effects = self.back_to_library();
                if let Screen::Library(library) = &mut self.screen {
                    library.say(self.lang.library_follow_up_saved(&title), false);
                }
                effects
            }
            Err(e) => {
                f.save_failed(self.lang.failure(&e));
                Vec::new()
            }
        }
    }

    fn saved(&mut self, reports: &[SaveReport]) -> Vec<Effect> {
        let Screen::Walk(walk) = &mut self.screen else { return Vec::new() };
        for report in reports {
            walk.saved(report);
        }
        match walk.take_exit() {
            Some(exit) => self.leave(exit, true),
            None => Vec::new(),
        }
    }

    fn leave(&mut self, exit: Exit, saved: bool) -> Vec<Effect> {
        self.lost |= !saved;
        let mut effects = Vec::new();
        if let Some(path) = self.walk_screen().and_then(|w| w.path.clone()) {
            effects.push(Effect::Close(path));
        }
        match exit {
            Exit::Quit => self.finished = true,
            Exit::Library => {
                self.screen = Screen::Library(Box::new(LibraryScreen::new(self.lang, self.palette)));
                effects.push(Effect::ListTrails);
            }
        }
        effects
    }

    pub fn render(&self, frame: &mut Frame) {
        let area = frame.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(self.lang, frame, area);
            return;
        }
        match &self.screen {
            // The terminal's cursor shows where typing goes, unless a pop-up covers it.
            Screen::Library(library) => library_view::render(library, frame, area, self.popups.is_empty()),
            Screen::Walk(walk) => {
                walk_view::render(walk, frame, area, self.popups.is_empty(), self.popups.has_box())
            }
            Screen::Pager(pager) => pager_view::render(pager, frame, area),
            Screen::FollowUp(f, _) => {
                follow_up::render(f, (self.clock)(), frame, area, self.popups.is_empty())
            }
        }
        self.popups.render(self.lang, &self.palette, &self.screen, frame, area);
    }
}

/// The outcome of file work done for the library.
fn library_result(library: &mut LibraryScreen, popups: &mut Layer, lang: Lang, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Listed(listed) => {
            library.listed(listed);
            return vec![Effect::FolderState];
        }
        Msg::Folder { encrypted, suggest } => {
            library.encrypted = Some(encrypted);
            if suggest && library.message.is_none() {
                library.say(lang.suggest_encrypt().to_string(), false);
            }
        }
        Msg::Grids(picker) => popups.open(Popup::Picker(picker)),
        Msg::OpenFailed(failure) => {
            let text = match failure {
                OpenFailure::Damaged(e) => lang.damaged_cannot_open(&lang.load_error(&e)),
                OpenFailure::GridGone { title, id, language } => {
                    lang.grid_unavailable(&title, &id, &language)
                }
                OpenFailure::Locked(e) => lang.cannot_open(&lang.failure(&e)),
            };
            library.say(text, true);
        }
        Msg::ExportNeedsConfirm { path, id, warnings, plaintext } => {
            let on_yes = OnYes::Export { path };
            popups.open(Popup::Question(export_question(lang, Some(id), &warnings, plaintext, None, on_yes)));
        }
        Msg::Words(words) => library.words_loaded(words),
        Msg::Exported(Ok(path)) => library.say(lang.exported_to(&path), false),
        Msg::Exported(Err(e)) => library.say(lang.export_failed(&lang.failure(&e)), true),
        Msg::Deleted { title, result } => {
            match result {
                Ok(exports) => library.say(lang.deleted(&title, exports), false),
                Err(e) => library.say(lang.delete_failed(&lang.failure(&e)), true),
            }
            return vec![Effect::ListTrails];
        }
        Msg::Renamed { title, result } => {
            match result {
                Ok(()) => library.say(lang.renamed(&title), false),
                Err(e) => library.say(lang.rename_failed(&lang.failure(&e)), true),
            }
            return vec![Effect::ListTrails];
        }
        _ => {}
    }
    Vec::new()
}

/// The question before an export: the passages that look identifying, each
/// named as `lint` names it (question and quoted text), that the export is
/// a plaintext file in an encrypted folder, where an ephemeral walk's
/// export goes (`into`); `id`: the trail, for « discern lint ID ».
fn export_question(
    lang: Lang,
    id: Option<String>,
    warnings: &[Warning],
    plaintext: bool,
    into: Option<PathBuf>,
    on_yes: OnYes,
) -> Question {
    let mut intro = Vec::new();
    if let Some(dir) = &into {
        intro.push(lang.ephemeral_export_where(dir));
    }
    if !warnings.is_empty() {
        intro.push(lang.export_passages_intro(warnings.len()));
    }
    if plaintext {
        intro.push(lang.export_is_plaintext().to_string());
    }
    let ask = if !warnings.is_empty() {
        lang.export_confirm()
    } else if plaintext {
        lang.export_plaintext_confirm()
    } else {
        lang.export_write_confirm()
    };
    Question {
        question: intro.join(" "),
        passages: warnings.iter().map(|w| lang.lint_line(w)).collect(),
        lint_id: id,
        ask: ask.to_string(),
        answers: lang.export_answers(),
        on_yes,
    }
}

/// The question before an export from the end of a walk.
fn walk_export_question(
    lang: Lang,
    format: ExportFormat,
    id: String,
    warnings: &[Warning],
    plaintext: bool,
    into: Option<PathBuf>,
) -> Question {
    // An ephemeral walk has no file for `discern lint` to read.
    let id = into.is_none().then_some(id);
    export_question(lang, id, warnings, plaintext, into, OnYes::ExportWalk { format })
}

/// The message of a window too small to work in, in its middle, cut to
/// whatever fits.
fn too_small(lang: Lang, frame: &mut Frame, area: Rect) {
    let text = lang.too_small(MIN_WIDTH, MIN_HEIGHT);
    let width = area.width.saturating_sub(2).max(1) as usize;
    let rows: Vec<Line> =
        wrap::wrap(&text, width).into_iter().take(area.height as usize).map(Line::from).collect();
    let top = area.height.saturating_sub(rows.len() as u16) / 2;
    let rect = Rect { y: area.y + top, height: area.height - top, ..area };
    frame.render_widget(Paragraph::new(rows).centered(), rect);
}
