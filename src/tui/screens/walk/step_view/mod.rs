//! The current step, on the right: title, guidance, the shown questions
//! with their answers, and the references. Laid out as rows first, so that
//! the view can scroll to the focused question and place its editor.

pub(crate) mod date_field;
pub(crate) mod option_rows;
pub(crate) mod review_rows;

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Paragraph};

use crate::grid::{Answer, Question, QuestionKind, Scale};
use crate::text::Lang;
use crate::tui::keys::{self, Hint};
use crate::tui::screens::walk::{Pane, WalkScreen};
use crate::tui::theme::Palette;
use crate::tui::widgets::wrap::{self, lines, wrap_styled};
use crate::walk::At;

/// Rows of an unfocused text answer shown before "…".
const PREVIEW_ROWS: usize = 3;

/// Rows of a focused answer read whole (in a review): enough for pages of
/// text, bounded so that a huge answer costs no more per frame.
const READ_ROWS: usize = 2000;

/// One row of the step, or a row that the focused editor covers.
enum Row {
    Line(Line<'static>),
    Editor,
}

/// Where the focused editor goes, in rows of the document.
struct EditorSlot {
    first_row: usize,
    height: usize,
    x: u16,
    width: u16,
    bordered: bool,
}

#[derive(Default)]
struct Doc {
    rows: Vec<Row>,
    focus: Option<Range<usize>>,
    /// The row that must be in view: the highlighted option, the editor.
    cursor_row: Option<usize>,
    editor: Option<EditorSlot>,
}

impl Doc {
    fn push(&mut self, line: Line<'static>) {
        self.rows.push(Row::Line(line));
    }

    fn extend(&mut self, lines: Vec<Line<'static>>) {
        self.rows.extend(lines.into_iter().map(Row::Line));
    }

    fn blank(&mut self) {
        self.push(Line::default());
    }
}

pub fn render(screen: &WalkScreen, frame: &mut Frame, area: Rect, cursor: bool) {
    let p = screen.palette();
    let lang = screen.lang();
    let step = screen.walk.step(screen.step);
    let focused = screen.pane == Pane::Questions;
    let mut block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", wrap::truncate(&step.title, area.width.saturating_sub(4).into())),
            p.title(),
        ))
        .border_style(if focused { p.border_focused() } else { p.border() });
    let inner = block.inner(area);
    if inner.width < 4 || inner.height == 0 {
        frame.render_widget(block, area);
        return;
    }
    let refs_height = references_height(screen, inner);
    let body = Rect { height: inner.height - refs_height, ..inner };
    let content = Rect { x: body.x + 1, width: body.width - 2, ..body };
    let doc = layout(screen, content.width as usize, content.height as usize);
    let offset = scroll_offset(screen, &doc, content.height as usize);
    // What lies beyond the view is marked on the border.
    let above = offset > 0;
    let below = offset + (content.height as usize) < doc.rows.len();
    if above || below {
        let marks = format!(" {}{} ", if above { "▲" } else { " " }, if below { "▼" } else { " " });
        block = block.title_bottom(Line::styled(marks, p.dim()).right_aligned());
    }
    frame.render_widget(block, area);
    draw_doc(screen, &doc, offset, frame, content, cursor);
    if refs_height > 0 {
        let refs = Rect { y: body.y + body.height, height: refs_height, ..inner };
        draw_references(screen, frame, refs, p, lang);
    }
}

/// The first row in view: the focused question whole if it fits, from its
/// top otherwise, and its highlighted option or editor always.
fn scroll_offset(screen: &WalkScreen, doc: &Doc, height: usize) -> usize {
    let total = doc.rows.len();
    let max = total.saturating_sub(height);
    let Some(focus) = &doc.focus else {
        screen.view.scroll_limit.set(u16::try_from(max).unwrap_or(u16::MAX));
        return usize::from(screen.view.scroll).min(max);
    };
    let mut offset = focus.end.saturating_sub(height).min(focus.start);
    if let Some(row) = doc.cursor_row {
        if row < offset {
            offset = row;
        } else if row >= offset + height {
            offset = row + 1 - height;
        }
    }
    let offset = offset.min(max);
    // ↑↓ in a trail only read, Ctrl-↑↓ while answering, move the step from
    // there, within the document: guidance above a question stays in reach.
    let (base, max) = (offset as i32, max as i32);
    screen.view.shift_range.set((-base, max - base));
    (base + screen.view.shift).clamp(0, max) as usize
}

fn draw_doc(screen: &WalkScreen, doc: &Doc, offset: usize, frame: &mut Frame, area: Rect, cursor: bool) {
    let height = area.height as usize;
    let visible: Vec<Line> = doc
        .rows
        .iter()
        .skip(offset)
        .take(height)
        .map(|r| match r {
            Row::Line(l) => l.clone(),
            Row::Editor => Line::default(),
        })
        .collect();
    frame.render_widget(Paragraph::new(visible), area);
    let (Some(slot), Some(editor)) = (&doc.editor, &screen.editor) else { return };
    // The part of the editor in view.
    let top = slot.first_row.max(offset);
    let bottom = (slot.first_row + slot.height).min(offset + height);
    if top >= bottom {
        return;
    }
    let rect = Rect {
        x: area.x + slot.x,
        y: area.y + (top - offset) as u16,
        width: slot.width.min(area.width.saturating_sub(slot.x)),
        height: (bottom - top) as u16,
    };
    let editor_area = if slot.bordered {
        let block =
            Block::bordered().border_style(screen.palette().border_focused()).padding(Padding::horizontal(1));
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        inner
    } else {
        rect
    };
    frame.render_widget(editor, editor_area);
    if cursor && screen.typing() {
        editor.place_cursor(editor_area, frame);
    }
}

fn layout(screen: &WalkScreen, width: usize, view_height: usize) -> Doc {
    let p = screen.palette();
    let lang = screen.lang();
    let step = screen.walk.step(screen.step);
    let mut doc = Doc::default();
    if !screen.walk.step_shown(screen.step) {
        doc.extend(crate::tui::screens::walk::step_view::review_rows::hidden_step(screen, width));
        doc.blank();
    }
    if let Some(guidance) = &step.guidance {
        for (i, paragraph) in paragraphs(guidance).enumerate() {
            if i > 0 {
                doc.blank();
            }
            let (rows, _) = wrap_styled(&[(&paragraph, p.plain())], width, usize::MAX);
            doc.extend(lines(rows, Span::raw(""), Span::raw("")));
        }
    }
    for (q, question) in step.questions.iter().enumerate() {
        let at = At { step: screen.step, question: q };
        if !screen.walk.question_shown(at) && !screen.walk.hidden_but_kept(at) {
            continue;
        }
        if !doc.rows.is_empty() {
            doc.blank();
        }
        let start = doc.rows.len();
        let is_focus = screen.focus == Some(at);
        question_rows(screen, &mut doc, at, question, is_focus, width, view_height);
        if is_focus {
            doc.focus = Some(start..doc.rows.len());
        }
    }
    if !screen.view.show_references && !step.references.is_empty() {
        doc.blank();
        doc.push(Line::styled(
            lang.references_hidden(step.references.len(), &keys::label(lang, Hint::References)),
            p.hint(),
        ));
    }
    doc
}

/// Guidance paragraphs: a blank line separates two; the line breaks inside
/// one are only where the grid's author wrapped the source.
fn paragraphs(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split("\n\n")
        .map(|p| p.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
}

fn question_rows(
    screen: &WalkScreen,
    doc: &mut Doc,
    at: At,
    question: &Question,
    is_focus: bool,
    width: usize,
    view_height: usize,
) {
    let p = screen.palette();
    let lang = screen.lang();
    let inner = width.saturating_sub(2);
    if let QuestionKind::Note = question.kind {
        let (rows, _) = wrap_styled(&[(&question.prompt, p.hint())], inner, usize::MAX);
        doc.extend(lines(rows, Span::styled("│ ", p.dim()), Span::styled("│ ", p.dim())));
        return;
    }
    let answer = screen.walk.answer(at);
    let hidden = screen.walk.hidden_but_kept(at);
    let prompt_style = match (is_focus, hidden) {
        (true, _) => p.strong(),
        (false, true) => p.dim(),
        (false, false) => p.plain(),
    };
    let important = format!(" ({})", lang.important());
    let mut parts = vec![(question.prompt.as_str(), prompt_style)];
    if question.required {
        parts.push((&important, if answer.is_none() { p.warn() } else { p.dim() }));
    }
    let marker = if is_focus { Span::styled("▶ ", p.focus()) } else { Span::raw("  ") };
    let (rows, _) = wrap_styled(&parts, inner, usize::MAX);
    doc.extend(lines(rows, marker, Span::raw("  ")));
    if let Some(hint) = &question.hint {
        let (rows, _) = wrap_styled(&[(hint, p.hint())], inner, usize::MAX);
        doc.extend(lines(rows, Span::raw("  "), Span::raw("  ")));
    }
    // An answer recorded that the grid no longer takes: said above the
    // question's own rows, which show no answer.
    if let Some((recorded, misfit)) = screen.walk.set_aside(at)
        && let Some(record) = screen.walk.record(at)
    {
        let text = format!("⚠ {}", lang.set_aside(record, recorded, &misfit, true));
        let (rows, _) = wrap_styled(&[(&text, p.warn())], inner, usize::MAX);
        doc.extend(lines(rows, Span::raw("  "), Span::raw("  ")));
    }
    match &question.kind {
        QuestionKind::Text => text_rows(screen, doc, answer, is_focus, width, view_height),
        QuestionKind::Choice { .. } | QuestionKind::Multi { .. } => {
            crate::tui::screens::walk::step_view::option_rows::render(
                screen,
                doc_sink(doc),
                question,
                answer,
                is_focus,
                width,
            )
        }
        QuestionKind::Scale(scale) => scale_rows(doc, scale, answer, is_focus, inner, p),
        QuestionKind::Date(_) => crate::tui::screens::walk::step_view::date_field::render(
            screen,
            doc_sink(doc),
            answer,
            is_focus,
            width,
        ),
        QuestionKind::Note => {}
    }
    // A hidden step says it once, above its questions.
    if hidden && screen.walk.step_shown(at.step) {
        doc.extend(crate::tui::screens::walk::step_view::review_rows::hidden_mark(screen, width));
    }
    doc.extend(crate::tui::screens::walk::step_view::review_rows::history(screen, at, is_focus, width));
    doc.extend(crate::tui::screens::walk::step_view::review_rows::annotations(screen, at, width));
    doc.extend(crate::tui::screens::walk::step_view::review_rows::follow_ups(screen, at, width));
}

/// Where `option_rows` puts its rows and its editor.
pub(in crate::tui) struct Sink<'d> {
    doc: &'d mut Doc,
}

fn doc_sink(doc: &mut Doc) -> Sink<'_> {
    Sink { doc }
}

impl Sink<'_> {
    pub(in crate::tui) fn lines(&mut self, lines: Vec<Line<'static>>) {
        self.doc.extend(lines);
    }

    pub(in crate::tui) fn next_row(&self) -> usize {
        self.doc.rows.len()
    }

    pub(in crate::tui) fn mark_cursor(&mut self, row: usize) {
        self.doc.cursor_row = Some(row);
    }

    /// The "Other" editor, on the row just pushed, from column `x`.
    pub(in crate::tui) fn editor_on_last_row(&mut self, x: usize, width: usize) {
        let row = self.doc.rows.len().saturating_sub(1);
        self.doc.editor =
            Some(EditorSlot { first_row: row, height: 1, x: x as u16, width: width as u16, bordered: false });
    }
}

fn text_rows(
    screen: &WalkScreen,
    doc: &mut Doc,
    answer: Option<&Answer>,
    is_focus: bool,
    width: usize,
    view_height: usize,
) {
    let p = screen.palette();
    let box_width = width.saturating_sub(2).max(5);
    // Inside the box: a border and a space on each side.
    let text_width = box_width.saturating_sub(4).max(1);
    if is_focus && let Some(editor) = &screen.editor {
        // Tall enough for the text, within the view, with the prompt above.
        let cap = view_height.saturating_sub(4).max(1);
        let mut rows = 0;
        for line in editor.pieces() {
            rows += wrap::row_count(line, text_width, cap);
            if rows >= cap {
                break;
            }
        }
        let height = (rows + 1).max(3).min(cap) + 2;
        let first_row = doc.rows.len();
        doc.rows.extend((0..height).map(|_| Row::Editor));
        doc.editor = Some(EditorSlot { first_row, height, x: 2, width: box_width as u16, bordered: true });
        doc.cursor_row = Some(first_row + height - 1);
        return;
    }
    let text = match answer {
        Some(Answer::Text(t)) => t.as_str(),
        _ => "",
    };
    let cap = if is_focus && !screen.access.answers() { READ_ROWS } else { PREVIEW_ROWS };
    let (mut rows, more) = wrap::wrap_capped(text, text_width, cap);
    if more && let Some(last) = rows.last_mut() {
        *last = wrap::truncate(&format!("{last} …"), text_width);
    }
    let border = p.dim();
    let bar = "─".repeat(box_width.saturating_sub(2));
    doc.push(Line::from(vec![Span::raw("  "), Span::styled(format!("┌{bar}┐"), border)]));
    for row in rows {
        let pad = text_width.saturating_sub(wrap::width(&row));
        doc.push(Line::from(vec![
            Span::raw("  "),
            Span::styled("│", border),
            Span::raw(format!(" {row}{} ", " ".repeat(pad))),
            Span::styled("│", border),
        ]));
    }
    doc.push(Line::from(vec![Span::raw("  "), Span::styled(format!("└{bar}┘"), border)]));
}

fn scale_rows(
    doc: &mut Doc,
    scale: &Scale,
    answer: Option<&Answer>,
    is_focus: bool,
    width: usize,
    p: &Palette,
) {
    let value = match answer {
        Some(Answer::Scale(n)) => Some(*n),
        _ => None,
    };
    let cells: Vec<Span<'static>> = (scale.min..=scale.max)
        .map(|n| {
            if value == Some(n) {
                Span::styled(format!("[{n}]"), if is_focus { p.selected() } else { p.strong() })
            } else {
                Span::raw(format!(" {n} "))
            }
        })
        .collect();
    let values_width: usize = cells.iter().map(|c| wrap::width(&c.content) + 1).sum();
    let min_label = &wrap::shown(scale.min_label.as_deref().unwrap_or(""));
    let max_label = &wrap::shown(scale.max_label.as_deref().unwrap_or(""));
    let start = doc.rows.len();
    if is_focus {
        doc.cursor_row = Some(start);
    }
    // "pas du tout   1   2  [3]  4   5   tout à fait" when it fits on a row.
    let inline = 2 + wrap::width(min_label) + 2 + values_width + 2 + wrap::width(max_label);
    if inline <= width {
        let mut line = vec![Span::raw("  ")];
        if !min_label.is_empty() {
            line.push(Span::styled(format!("{min_label}  "), p.hint()));
        }
        for cell in cells {
            line.push(cell);
            line.push(Span::raw(" "));
        }
        if !max_label.is_empty() {
            line.push(Span::styled(format!(" {max_label}"), p.hint()));
        }
        doc.push(Line::from(line));
        return;
    }
    let mut line: Vec<Span<'static>> = vec![Span::raw("  ")];
    let mut used = 2;
    for cell in cells {
        let w = wrap::width(&cell.content) + 1;
        if used + w > width && line.len() > 1 {
            doc.push(Line::from(std::mem::replace(&mut line, vec![Span::raw("  ")])));
            used = 2;
        }
        line.push(cell);
        line.push(Span::raw(" "));
        used += w;
    }
    doc.push(Line::from(line));
    let mut labels = Vec::new();
    if !min_label.is_empty() {
        labels.push(format!("{} = {min_label}", scale.min));
    }
    if !max_label.is_empty() {
        labels.push(format!("{} = {max_label}", scale.max));
    }
    if !labels.is_empty() {
        let (rows, _) = wrap_styled(&[(&labels.join(" · "), p.hint())], width.saturating_sub(2), usize::MAX);
        doc.extend(lines(rows, Span::raw("  "), Span::raw("  ")));
    }
}

fn references_height(screen: &WalkScreen, inner: Rect) -> u16 {
    let step = screen.walk.step(screen.step);
    if !screen.view.show_references || step.references.is_empty() {
        return 0;
    }
    let wanted = reference_lines(screen, inner.width.saturating_sub(2) as usize).len() as u16 + 1;
    wanted.min(inner.height / 2)
}

fn reference_lines(screen: &WalkScreen, width: usize) -> Vec<Line<'static>> {
    let p = screen.palette();
    let mut out = Vec::new();
    for (i, r) in screen.walk.step(screen.step).references.iter().enumerate() {
        if i > 0 {
            out.push(Line::default());
        }
        out.extend(lines(
            wrap_styled(&[(&r.label, p.strong())], width, usize::MAX).0,
            Span::raw(""),
            Span::raw(""),
        ));
        if let Some(text) = &r.text {
            out.extend(lines(
                wrap_styled(&[(text, p.plain())], width, usize::MAX).0,
                Span::raw(""),
                Span::raw(""),
            ));
        }
        if let Some(url) = &r.url {
            out.extend(lines(
                wrap_styled(&[(url, p.dim())], width, usize::MAX).0,
                Span::raw(""),
                Span::raw(""),
            ));
        }
    }
    out
}

fn draw_references(screen: &WalkScreen, frame: &mut Frame, area: Rect, p: &Palette, lang: Lang) {
    let block = Block::default()
        .borders(ratatui::widgets::Borders::TOP)
        .border_style(p.border())
        .title(Span::styled(format!(" {} ", lang.references()), p.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let content = Rect { x: inner.x + 1, width: inner.width.saturating_sub(2), ..inner };
    let mut lines = reference_lines(screen, content.width as usize);
    if lines.len() > content.height as usize && content.height > 0 {
        lines.truncate(content.height as usize - 1);
        lines.push(Line::styled("…", Style::default()));
    }
    frame.render_widget(Paragraph::new(lines), content);
}
