//! The small boxes over the library and the end of a walk: a title to
//! type, a yes/no question (with the passages an export would let out).
//! They open in the pop-up layer (`layer`).

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use ratatui_textarea::TextArea;

use crate::documents::ExportFormat;
use crate::grid::Grid;
use crate::text::Lang;
use crate::tui::editor;
use crate::tui::keys::Hint;
use crate::tui::theme::Palette;
use crate::tui::widgets::footer;
use crate::tui::widgets::wrap::{lines, wrap_styled};

/// What a title box is for.
pub enum Purpose {
    New(Box<Grid>),
    /// The trail to rename.
    Rename(PathBuf),
    /// The ephemeral walk on screen, to keep as a trail.
    Keep,
}

pub struct TitleBox {
    pub(in crate::tui) purpose: Purpose,
    pub(in crate::tui) editor: TextArea<'static>,
    /// Enter was pressed on an empty title.
    pub(in crate::tui) empty: bool,
    /// A privacy warning about the title typed, worked out as it changes.
    pub(in crate::tui) privacy: Option<String>,
}

impl TitleBox {
    pub fn new(purpose: Purpose, title: &str, palette: &Palette, lang: Lang) -> TitleBox {
        let mut title_box =
            TitleBox { purpose, editor: editor::line(title, "", palette), empty: false, privacy: None };
        title_box.scan(lang);
        title_box
    }

    pub(in crate::tui) fn scan(&mut self, lang: Lang) {
        self.privacy = crate::tui::popups::privacy_note::warning(lang, &editor::line_text(&self.editor));
    }
}

/// A yes/no question, and what yes does.
pub struct Question {
    pub(in crate::tui) question: String,
    /// The passages the question is about, one a line (what looks
    /// identifying in an export, as `lint` names it); as many as the box
    /// holds are shown, then how many more.
    pub(in crate::tui) passages: Vec<String>,
    /// The trail whose passages these are, for « discern lint ID ».
    pub(in crate::tui) lint_id: Option<String>,
    /// Asked under the passages (« Exporter quand même ? »).
    pub(in crate::tui) ask: String,
    /// The keys that answer, in words.
    pub(in crate::tui) answers: &'static str,
    pub(in crate::tui) on_yes: OnYes,
}

impl Question {
    /// A question without passages.
    pub fn new(question: String, answers: &'static str, on_yes: OnYes) -> Question {
        Question { question, passages: Vec::new(), lint_id: None, ask: String::new(), answers, on_yes }
    }
}

pub enum OnYes {
    Delete {
        path: PathBuf,
        title: String,
    },
    /// An export whose warnings were seen.
    Export {
        path: PathBuf,
    },
    /// The export of the walk on screen, from its end screen.
    ExportWalk {
        format: ExportFormat,
    },
}

/// A box of `width` × `height` in the middle of `area`, within it.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

fn wrapped(text: &str, style: ratatui::style::Style, width: usize) -> Vec<Line<'static>> {
    lines(wrap_styled(&[(text, style)], width, usize::MAX).0, Span::raw(""), Span::raw(""))
}

pub fn title_box(title: &TitleBox, lang: Lang, p: &Palette, frame: &mut Frame, area: Rect, cursor: bool) {
    let width = area.width.saturating_sub(4).min(70);
    let text_width = width.saturating_sub(4) as usize;
    let heading = match title.purpose {
        Purpose::New(_) => lang.new_title_box(),
        Purpose::Rename(_) => lang.rename_box(),
        Purpose::Keep => lang.keep_box(),
    };
    let mut above = Vec::new();
    if let Purpose::New(grid) = &title.purpose {
        above.extend(wrapped(&grid.meta.title, p.dim(), text_width));
    }
    let mut below = wrapped(lang.title_reminder(), p.hint(), text_width);
    if let Some(warning) = &title.privacy {
        below.extend(wrapped(&format!("⚠ {warning}"), p.warn(), text_width));
    }
    if title.empty {
        below.extend(wrapped(lang.title_needed(), p.warn(), text_width));
    }
    let height = (above.len() + 3 + below.len() + 1 + 2) as u16;
    let rect = centered(area, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(Span::styled(format!(" {heading} "), p.title()))
        .border_style(p.border_focused());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let content = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    let mut y = content.y;
    let bottom = content.y + content.height;
    let mut place = |rows: u16| {
        let r = Rect { y, height: rows.min(bottom.saturating_sub(y)), ..content };
        y = (y + rows).min(bottom);
        r
    };
    let above_len = above.len() as u16;
    frame.render_widget(Paragraph::new(above), place(above_len));
    let field = place(3);
    let field_block = Block::bordered().border_style(p.border());
    let field_inner = field_block.inner(field);
    let field_inner =
        Rect { x: field_inner.x + 1, width: field_inner.width.saturating_sub(2), ..field_inner };
    frame.render_widget(field_block, field);
    frame.render_widget(&title.editor, field_inner);
    if cursor {
        crate::tui::editor::place_cursor(&title.editor, field_inner, frame);
    }
    let below_len = below.len() as u16;
    frame.render_widget(Paragraph::new(below), place(below_len));
    // The key line brings its own margin.
    let keys = Rect { x: inner.x, width: inner.width, ..place(1) };
    frame.render_widget(
        Paragraph::new(footer::line(lang, p, &[Hint::Confirm], &[Hint::Cancel], keys.width as usize)),
        keys,
    );
}

/// A passage takes at most this many rows; a longer one is cut, marked « … ».
const PASSAGE_ROWS: usize = 2;

pub fn question_box(q: &Question, lang: Lang, p: &Palette, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(4).min(if q.passages.is_empty() { 64 } else { 76 });
    let text_width = width.saturating_sub(4) as usize;
    let mut top = wrapped(&q.question, p.strong(), text_width);
    let mut bottom = Vec::new();
    if !q.ask.is_empty() {
        bottom.extend(wrapped(&q.ask, p.strong(), text_width));
    }
    bottom.push(Line::default());
    bottom.extend(wrapped(q.answers, p.plain(), text_width));
    // The passages take the rows left, each at most two; what does not fit
    // is counted on one more row.
    let room = (area.height as usize).saturating_sub(2 + top.len() + 1 + bottom.len());
    let passages: Vec<Vec<Line<'static>>> =
        q.passages.iter().map(|text| passage(text, p, text_width)).collect();
    let (mut shown, mut count, mut used) = (Vec::new(), 0, 0);
    for (i, rows) in passages.iter().enumerate() {
        // A row is kept for « … and N more » while some are left to show.
        let reserve = usize::from(i + 1 < passages.len());
        if used + rows.len() + reserve > room {
            break;
        }
        used += rows.len();
        count += 1;
        shown.extend(rows.iter().cloned());
    }
    if count < q.passages.len() {
        let more = lang.export_passages_more(q.passages.len() - count, q.lint_id.as_deref());
        shown.extend(wrapped(&more, p.dim(), text_width).into_iter().take(1));
    }
    if !q.passages.is_empty() {
        top.push(Line::default());
        top.extend(shown);
    }
    let mut text = top;
    if !q.passages.is_empty() {
        text.push(Line::default());
    }
    text.extend(bottom);
    let rect = centered(area, width, text.len() as u16 + 2);
    frame.render_widget(Clear, rect);
    let block = Block::bordered().border_style(p.warn());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let content = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    frame.render_widget(Paragraph::new(text), content);
}

/// One passage: a bullet, the passage wrapped on at most `PASSAGE_ROWS`
/// rows (cut with « … » beyond).
fn passage(text: &str, p: &Palette, width: usize) -> Vec<Line<'static>> {
    let (mut rows, more) = wrap_styled(&[(text, p.plain())], width.saturating_sub(2).max(1), PASSAGE_ROWS);
    if more && let Some(last) = rows.last_mut() {
        let style = last.last().map_or(p.plain(), |(_, s)| *s);
        let joined: String = last.iter().map(|(s, _)| s.as_str()).collect();
        *last = vec![(
            crate::tui::widgets::wrap::truncate(&format!("{joined} …"), width.saturating_sub(2)),
            style,
        )];
    }
    lines(rows, Span::raw("• "), Span::raw("  "))
}
