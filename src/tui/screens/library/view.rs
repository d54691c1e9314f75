//! How the library looks: the trails as a table, the welcome when there is
//! none, the filter, the message of the last action and the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::text::Lang;
use crate::trail::store::encryption::FolderState;
use crate::tui::keys::{self, Hint};
use crate::tui::popups::dialog;
use crate::tui::screens::library::{LibraryScreen, Mode, TrailRow};
use crate::tui::theme::Palette;
use crate::tui::widgets::footer;
use crate::tui::widgets::wrap::{self, lines, wrap_styled};

pub fn render(screen: &LibraryScreen, frame: &mut Frame, area: Rect, cursor: bool) {
    if area.height < 4 || area.width < 10 {
        return;
    }
    let p = screen.palette();
    let lang = screen.lang();
    let width = area.width as usize;
    let header = Rect { height: 1, ..area };
    let title = if screen.due_only {
        format!("discern — {} · {}", lang.library_title(), lang.library_due_only())
    } else {
        format!("discern — {}", lang.library_title())
    };
    let mut spans = vec![Span::raw(" "), Span::styled(title, p.title())];
    if let Some(state) = screen.encrypted {
        // Half done is not a detail: said as a warning.
        let style = if matches!(state, FolderState::HalfEncrypted { .. } | FolderState::HalfDecrypted { .. })
        {
            p.warn()
        } else {
            p.dim()
        };
        spans.push(Span::styled(format!("  · {}", lang.folder_state(state)), style));
    }
    frame.render_widget(Paragraph::new(footer::fit(spans, width)), header);

    let filter = screen.filter_text();
    let filtering = matches!(screen.mode, Mode::Filter) || !filter.is_empty();
    // The message of the last action (an export's path, an error) may take
    // up to three rows: it is worth reading whole.
    let message: Vec<Line> = match &screen.message {
        Some(m) => {
            let style = if m.error { p.warn() } else { p.good() };
            let (rows, _) = wrap_styled(&[(&m.text, style)], width.saturating_sub(2), 3);
            lines(rows, Span::raw(" "), Span::raw(" "))
        }
        None => Vec::new(),
    };
    let message_height = message.len().max(1) as u16;
    let reserved = 2 + message_height + u16::from(filtering);
    let body = Rect { y: area.y + 1, height: area.height - reserved, ..area };
    if screen.loaded && screen.rows.is_empty() {
        welcome(lang, p, frame, body);
    } else if screen.loaded && screen.shown.is_empty() {
        let text = if screen.due_only && filter.trim().is_empty() {
            lang.nothing_due().to_string()
        } else {
            lang.library_no_match(filter.trim())
        };
        let text = Line::styled(format!("  {text}"), p.dim());
        frame.render_widget(Paragraph::new(vec![Line::default(), text]), body);
    } else {
        table(screen, frame, body);
    }
    if filtering {
        filter_row(
            screen,
            frame,
            cursor,
            Rect { y: area.y + area.height - 2 - message_height, height: 1, ..area },
        );
    }
    let message_area = Rect { y: area.y + area.height - 1 - message_height, height: message_height, ..area };
    frame.render_widget(Paragraph::new(message), message_area);
    let keys = Rect { y: area.y + area.height - 1, height: 1, ..area };
    // Starting a trail and finding one are always in reach, and so are the
    // trails due when some are.
    let kept: &[Hint] = match screen.mode {
        Mode::Filter => &[],
        _ if screen.due_only => &[Hint::New, Hint::Filter, Hint::AllTrails],
        _ if screen.any_due() => &[Hint::New, Hint::Filter, Hint::DueOnly],
        _ => &[Hint::New, Hint::Filter],
    };
    let hints: Vec<Hint> = match screen.mode {
        Mode::Filter => vec![Hint::MoveTrail, Hint::ApplyFilter, Hint::ClearFilter],
        _ if screen.rows.is_empty() => vec![Hint::New],
        // The key that shows the trails due only when there are some (or they are shown).
        // Opening comes first, then the keys kept: the arrows are what a
        // narrow footer leaves out.
        _ if screen.due_only || screen.any_due() => vec![
            Hint::Open,
            Hint::MoveTrail,
            Hint::New,
            Hint::Filter,
            if screen.due_only { Hint::AllTrails } else { Hint::DueOnly },
            Hint::FollowUp,
            Hint::Review,
            Hint::Rename,
            Hint::Export,
            Hint::Delete,
        ],
        _ => vec![
            Hint::MoveTrail,
            Hint::Open,
            Hint::Review,
            Hint::New,
            Hint::Filter,
            Hint::Rename,
            Hint::Export,
            Hint::Delete,
        ],
    };
    // While typing in the filter, `q` is a letter of it: only the keys that
    // work there are shown (Ctrl-C still quits).
    let tail: &[Hint] =
        if matches!(screen.mode, Mode::Filter) { &[Hint::Help] } else { &[Hint::Help, Hint::Quit] };
    frame.render_widget(Paragraph::new(footer::line_keeping(lang, p, &hints, kept, tail, width)), keys);
}

fn filter_row(screen: &LibraryScreen, frame: &mut Frame, cursor: bool, row: Rect) {
    let p = screen.palette();
    let label = screen.lang().filter_label();
    let label_width = wrap::width(label) as u16 + 1;
    frame.render_widget(
        Paragraph::new(Line::from(vec![Span::raw(" "), Span::styled(label, p.strong())])),
        row,
    );
    let field = Rect { x: row.x + label_width + 1, width: row.width.saturating_sub(label_width + 2), ..row };
    if matches!(screen.mode, Mode::Filter) {
        frame.render_widget(&screen.filter, field);
        if cursor {
            crate::tui::editor::place_cursor(&screen.filter, field, frame);
        }
    } else {
        frame.render_widget(Paragraph::new(screen.filter_text()), field);
    }
}

fn welcome(lang: Lang, p: &Palette, frame: &mut Frame, area: Rect) {
    let width = (area.width as usize).saturating_sub(4).min(64);
    let [hello, about, start] = lang.library_welcome(&keys::label(lang, Hint::New));
    let wrapped = |text: &str, style| {
        lines(wrap_styled(&[(text, style)], width, usize::MAX).0, Span::raw(""), Span::raw(""))
    };
    let mut text = wrapped(&hello, p.title());
    text.push(Line::default());
    text.extend(wrapped(&about, p.plain()));
    text.push(Line::default());
    text.extend(wrapped(&start, p.strong()));
    let height = (text.len() as u16).min(area.height);
    let rect = dialog::centered(area, width as u16, height);
    frame.render_widget(Paragraph::new(text), rect);
}

/// What the grid and outcome columns keep, at least, of their texts.
const OTHER_MIN: usize = 14;

/// The widths of the table's columns: the title, the grid (`None` when it
/// is left out), the outcome, and the last one (when a trail changed, or
/// how late it is). The title gets the room: the outcome takes what its
/// longest text needs, down to `OTHER_MIN`, and the grid is shown only when
/// the titles still fit whole beside it; what nobody needs goes back to the
/// title.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Widths {
    title: usize,
    grid: Option<usize>,
    outcome: usize,
    last: usize,
}

fn widths(screen: &LibraryScreen, width: usize) -> Widths {
    let lang = screen.lang();
    let names = lang.library_columns();
    let rows = || screen.shown.iter().map(|&i| &screen.rows[i]);
    let longest = |heading: &str, texts: &mut dyn Iterator<Item = String>| {
        texts.map(|t| wrap::width(&t)).chain([wrap::width(heading)]).max().unwrap_or(0)
    };
    let last = longest(
        lang.library_changed_or_due(),
        &mut rows().map(|r| match screen.days_late(r) {
            Some(days) => lang.days_late(days),
            None => TIME_SAMPLE.to_string(),
        }),
    );
    let title = longest(
        names[0],
        &mut rows().map(|r| r.summary.as_ref().map_or_else(|_| r.file_name(), |t| t.title.clone())),
    );
    let grid =
        longest(names[1], &mut rows().filter_map(|r| r.summary.as_ref().ok().map(|t| t.grid.title.clone())));
    // A damaged file says why where the outcome is.
    let outcome = longest(
        names[2],
        &mut rows().filter_map(|r| match &r.summary {
            Ok(t) => t.outcome.clone(),
            Err(e) => Some(lang.damaged_file(&lang.load_error(e))),
        }),
    );
    let with_grid = share(width, last, title, &[outcome, grid]);
    if with_grid.0 >= title {
        let (title, given) = with_grid;
        return Widths { title, grid: Some(given[1]), outcome: given[0], last };
    }
    let (title, given) = share(width, last, title, &[outcome]);
    Widths { title, grid: None, outcome: given[0], last }
}

/// Shares `width` between the title (up to its natural width) and the
/// `others` (each down to `OTHER_MIN`, up to its natural width), beside a
/// last column of `last`: the title's width and the others'.
fn share(width: usize, last: usize, title: usize, others: &[usize]) -> (usize, Vec<usize>) {
    // The pointer, two spaces after each text column, one of margin.
    let rest = width.saturating_sub(2 + last + 1 + 2 * (others.len() + 1));
    let mut given: Vec<usize> = others.iter().map(|&n| n.min(OTHER_MIN)).collect();
    let title = title.min(rest.saturating_sub(given.iter().sum()));
    let mut left = rest.saturating_sub(title + given.iter().sum::<usize>());
    for (w, natural) in given.iter_mut().zip(others) {
        let more = natural.saturating_sub(*w).min(left);
        *w += more;
        left -= more;
    }
    (title + left, given)
}

/// A last change as the library writes it: "29/11/2026 10:00".
const TIME_SAMPLE: &str = "29/11/2026 10:00";

fn cell(text: &str, width: usize) -> String {
    let text = wrap::truncate(text, width);
    let pad = width.saturating_sub(wrap::width(&text));
    format!("{text}{}  ", " ".repeat(pad))
}

fn table(screen: &LibraryScreen, frame: &mut Frame, area: Rect) {
    let p = screen.palette();
    let lang = screen.lang();
    let widths = widths(screen, area.width as usize);
    let names = lang.library_columns();
    // The last column shows when a trail is to be revisited instead of
    // when it changed: its heading says so when a row shows it.
    let any_due = screen.shown.iter().any(|&i| screen.days_late(&screen.rows[i]).is_some());
    let last = if any_due { lang.library_changed_or_due() } else { names[3] };
    let mut heading = vec![Span::raw("  "), Span::styled(cell(names[0], widths.title), p.strong())];
    if let Some(grid) = widths.grid {
        heading.push(Span::styled(cell(names[1], grid), p.strong()));
    }
    heading.push(Span::styled(cell(names[2], widths.outcome), p.strong()));
    heading.push(Span::styled(last, p.strong()));
    let mut rows = vec![Line::from(heading)];
    let height = (area.height as usize).saturating_sub(1);
    let offset = screen.selected.saturating_sub(height.saturating_sub(1));
    for (i, &index) in screen.shown.iter().enumerate().skip(offset).take(height) {
        let selected = i == screen.selected;
        let row = &screen.rows[index];
        let due = screen.days_late(row);
        rows.push(row_line(row, selected, due, lang, p, widths));
    }
    frame.render_widget(Paragraph::new(rows), area);
}

fn row_line(
    row: &TrailRow,
    selected: bool,
    days_late: Option<i64>,
    lang: Lang,
    p: &Palette,
    widths: Widths,
) -> Line<'static> {
    let pointer = Span::raw(if selected { "› " } else { "  " });
    let base = if selected { p.selected() } else { p.plain() };
    let spans = match &row.summary {
        Ok(t) => {
            let mut spans = vec![pointer, Span::styled(cell(&t.title, widths.title), base)];
            if let Some(grid) = widths.grid {
                spans.push(Span::styled(cell(&t.grid.title, grid), p.plain()));
            }
            spans.push(Span::styled(cell(t.outcome.as_deref().unwrap_or(""), widths.outcome), p.plain()));
            // A trail to come back to says so where its last change is.
            spans.push(match days_late {
                Some(days) => Span::styled(lang.days_late(days), p.warn()),
                None => Span::styled(lang.short_time(&t.updated), p.dim()),
            });
            spans
        }
        Err(e) => {
            let span = widths.grid.map_or(0, |g| g + 2) + widths.outcome;
            vec![
                pointer,
                Span::styled(cell(&row.file_name(), widths.title), base),
                Span::styled(cell(&lang.damaged_file(&lang.load_error(e)), span), p.warn()),
                Span::styled("—", p.dim()),
            ]
        }
    };
    Line::from(spans)
}
