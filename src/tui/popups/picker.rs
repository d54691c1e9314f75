//! The grid picker, the first step of a new trail: the usable grids with
//! their title and language, and for the highlighted one its summary and
//! source.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::grid::Grid;
use crate::grid::library::{Library, Origin};
use crate::text::Lang;
use crate::tui::keys::Hint;
use crate::tui::theme::Palette;
use crate::tui::widgets::footer;
use crate::tui::widgets::wrap::{self, lines, wrap_styled};

pub struct PickerGrid {
    pub(in crate::tui) grid: Grid,
    /// The file of a user's grid; `None` for a shipped one.
    pub(in crate::tui) file: Option<String>,
}

pub struct Picker {
    pub(in crate::tui) grids: Vec<PickerGrid>,
    pub(in crate::tui) selected: usize,
}

impl Picker {
    /// The usable grids, those in the interface's language first.
    pub fn from_library(library: &Library, lang: Lang) -> Picker {
        let mut grids: Vec<PickerGrid> = library
            .usable()
            .map(|(entry, grid)| PickerGrid {
                grid: grid.clone(),
                file: match &entry.origin {
                    Origin::Shipped(_) => None,
                    other => Some(other.file_label()),
                },
            })
            .collect();
        let other_language = |g: &Grid| g.meta.language.split('-').next() != Some(lang.tag());
        grids.sort_by(|a, b| {
            (other_language(&a.grid), &a.grid.meta.title).cmp(&(other_language(&b.grid), &b.grid.meta.title))
        });
        Picker { grids, selected: 0 }
    }

    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn down(&mut self) {
        self.selected = (self.selected + 1).min(self.grids.len().saturating_sub(1));
    }

    pub fn take_selected(&mut self) -> Option<Grid> {
        (self.selected < self.grids.len()).then(|| self.grids.swap_remove(self.selected).grid)
    }
}

pub fn render(picker: &Picker, lang: Lang, p: &Palette, frame: &mut Frame, area: Rect) {
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(Span::styled(format!(" {} ", lang.picker_title()), p.title()))
        .border_style(p.border_focused());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 3 || inner.width < 6 {
        return;
    }
    let content = Rect { x: inner.x + 1, width: inner.width - 2, height: inner.height - 1, ..inner };
    // The key line brings its own margin.
    let keys = Rect { y: inner.y + inner.height - 1, height: 1, ..inner };
    let width = content.width as usize;
    frame.render_widget(
        Paragraph::new(footer::line(lang, p, &[Hint::MoveGrid, Hint::PickGrid], &[Hint::Cancel], width)),
        keys,
    );
    if picker.grids.is_empty() {
        frame.render_widget(Paragraph::new(Line::styled(lang.no_usable_grid(), p.warn())), content);
        return;
    }
    let list_height = picker.grids.len().min((content.height as usize * 2 / 5).max(3));
    let offset = picker.selected.saturating_sub(list_height.saturating_sub(1));
    let list: Vec<Line> = picker
        .grids
        .iter()
        .enumerate()
        .skip(offset)
        .take(list_height)
        .map(|(i, g)| {
            let selected = i == picker.selected;
            let language = format!(" ({})", lang.language_name(&g.grid.meta.language));
            let title = wrap::truncate(&g.grid.meta.title, width.saturating_sub(2 + wrap::width(&language)));
            Line::from(vec![
                Span::raw(if selected { "› " } else { "  " }),
                Span::styled(title, if selected { p.selected() } else { p.plain() }),
                Span::styled(language, p.dim()),
            ])
        })
        .collect();
    let list_area = Rect { height: list_height as u16, ..content };
    frame.render_widget(Paragraph::new(list), list_area);
    let details = Rect {
        y: content.y + list_height as u16 + 1,
        height: content.height.saturating_sub(list_height as u16 + 1),
        ..content
    };
    if let Some(g) = picker.grids.get(picker.selected) {
        frame.render_widget(Paragraph::new(detail_lines(g, lang, p, width)), details);
    }
}

fn detail_lines(g: &PickerGrid, lang: Lang, p: &Palette, width: usize) -> Vec<Line<'static>> {
    let m = &g.grid.meta;
    let wrapped = |text: &str, style| {
        lines(wrap_styled(&[(text, style)], width, usize::MAX).0, Span::raw(""), Span::raw(""))
    };
    let mut out = vec![Line::styled("─".repeat(width), p.border())];
    out.extend(wrapped(&m.title, p.strong()));
    out.push(Line::styled(lang.picker_language(&m.language), p.dim()));
    if let Some(summary) = &m.summary {
        out.push(Line::default());
        out.extend(wrapped(summary, p.plain()));
    }
    if let Some(source) = &m.source {
        out.push(Line::default());
        out.extend(wrapped(&lang.picker_source(source), p.hint()));
    }
    let origin = match &g.file {
        Some(file) => lang.picker_file(file),
        None => lang.picker_shipped().to_string(),
    };
    out.extend(wrapped(&origin, p.dim()));
    out
}
