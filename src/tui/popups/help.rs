//! The help (F1): the keys of the screen it was opened from, in the user's
//! language, and what the marks of the steps mean. Any key closes it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::text::Lang;
use crate::tui::access::Access;
use crate::tui::keys::{self, Hint};
use crate::tui::theme::Palette;
use crate::tui::widgets::marks;
use crate::tui::widgets::wrap::{self, lines, wrap_styled};
use crate::walk::StepState;

/// Which keys the help lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpFor {
    /// The walkthrough; `to_library` when Esc goes back to the library.
    Walk {
        to_library: bool,
        access: Access,
    },
    Library,
    /// A document on screen (`discern compare`).
    Pager,
    /// Coming back to a decision.
    FollowUp,
}

fn walk_keys(lang: Lang, to_library: bool) -> Vec<(String, &'static str)> {
    use Hint as H;
    let label = |h| keys::label(lang, h);
    let mut rows = vec![(label(H::OtherText), lang.help_typing()), (label(H::NewLine), lang.help_new_line())];
    rows.extend(
        [H::Undo, H::Redo, H::NextQuestion, H::PrevQuestion, H::MoveOption].map(|h| keys::hint(lang, h)),
    );
    rows.push((keys::label_with_others(lang, keys::WALK, H::Choose), lang.help_choose()));
    rows.extend(
        [
            H::ScaleChange,
            H::ScaleDigit,
            H::Clear,
            H::ScrollStep,
            H::NextStep,
            H::PrevStep,
            H::Steps,
            H::References,
        ]
        .map(|h| keys::hint(lang, h)),
    );
    let back = if to_library { H::ToLibrary } else { H::QuitWalk };
    rows.extend([H::Save, H::Help, back, H::SaveAndQuit].map(|h| keys::hint(lang, h)));
    rows
}

/// A review, or a trail open in another window: moving and reading; in a
/// review that can save, annotating.
fn read_only_keys(lang: Lang, to_library: bool, annotate: bool) -> Vec<(String, &'static str)> {
    use Hint as H;
    let mut rows: Vec<_> = [H::NextQuestion, H::PrevQuestion].map(|h| keys::hint(lang, h)).to_vec();
    rows.push((keys::label(lang, H::Scroll), lang.help_scroll()));
    rows.extend([H::NextStep, H::PrevStep, H::Steps, H::References].map(|h| keys::hint(lang, h)));
    if annotate {
        rows.push(keys::hint(lang, H::Annotate));
        let actions = lang.help_annotation_rows();
        let box_keys = [H::SaveAnnotation, H::NewLineAlt, H::Cancel].map(|h| keys::label(lang, h));
        rows.extend(box_keys.into_iter().zip(actions));
    }
    let back = if to_library { H::ToLibrary } else { H::QuitWalk };
    rows.extend([H::Help, back].map(|h| keys::hint(lang, h)));
    rows
}

fn library_keys(lang: Lang) -> Vec<(String, &'static str)> {
    use Hint as H;
    [
        H::MoveTrail,
        H::Open,
        H::Review,
        H::DueOnly,
        H::New,
        H::Filter,
        H::Rename,
        H::Export,
        H::FollowUp,
        H::Delete,
        H::Help,
        H::Quit,
    ]
    .map(|h| keys::hint(lang, h))
    .to_vec()
}

fn follow_up_keys(lang: Lang) -> Vec<(String, &'static str)> {
    use Hint as H;
    [H::NextField, H::PrevField, H::MoveOption, H::Choose, H::NewLine, H::Save, H::Help, H::Cancel]
        .map(|h| keys::hint(lang, h))
        .to_vec()
}

fn pager_keys(lang: Lang) -> Vec<(String, &'static str)> {
    use Hint as H;
    [H::Scroll, H::Page, H::HomeEnd, H::Help, H::Close].map(|h| keys::hint(lang, h)).to_vec()
}

fn key_lines<K: AsRef<str>>(rows: &[(K, &'static str)], p: &Palette, width: usize) -> Vec<Line<'static>> {
    let key_width = rows.iter().map(|(k, _)| wrap::width(k.as_ref())).max().unwrap_or(0) + 2;
    let indent = " ".repeat(key_width);
    let mut out = Vec::new();
    for (key, action) in rows {
        let (wrapped, _) = wrap_styled(&[(action, p.plain())], width.saturating_sub(key_width), usize::MAX);
        let key = key.as_ref();
        let pad = " ".repeat(key_width.saturating_sub(wrap::width(key)));
        let first = Span::styled(format!("{key}{pad}"), p.key());
        out.extend(lines(wrapped, first, Span::raw(indent.clone())));
    }
    out
}

fn legend_lines(lang: Lang, p: &Palette, width: usize) -> Vec<Line<'static>> {
    let mut rows: Vec<(&'static str, &'static str)> = vec![(marks::CURRENT, lang.current_step_label())];
    for state in [
        StepState::Answered,
        StepState::Partial,
        StepState::Unanswered,
        StepState::RequiredMissing,
        StepState::Reading,
        StepState::Hidden,
    ] {
        rows.push((marks::mark(state), lang.step_state_label(state)));
    }
    key_lines(&rows, p, width)
}

fn heading(text: &str, p: &Palette) -> Line<'static> {
    Line::styled(text.to_string(), p.title())
}

/// Draws the help scrolled down by `scroll` rows; returns how far it can
/// scroll, so that ↓ past the end does not pile up.
pub fn render(lang: Lang, p: &Palette, help_for: HelpFor, scroll: u16, frame: &mut Frame, area: Rect) -> u16 {
    let outer = area;
    frame.render_widget(Clear, outer);
    let block = Block::bordered()
        .title(Span::styled(format!(" {} ", lang.help_title()), p.title()))
        .border_style(p.border_focused());
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    if inner.width < 4 || inner.height < 2 {
        return 0;
    }
    let content = Rect { x: inner.x + 1, width: inner.width - 2, height: inner.height - 1, ..inner };
    let two_columns = content.width >= 72;
    // The keys take more room than the marks.
    let column = if two_columns { (content.width as usize - 2) * 11 / 20 } else { content.width as usize };
    let right_column = if two_columns { content.width as usize - 2 - column } else { column };
    let (title, keys, note) = match help_for {
        HelpFor::Walk { to_library, access: Access::Answer } => {
            (lang.help_walk(), walk_keys(lang, to_library), lang.help_saving().to_string())
        }
        HelpFor::Walk { to_library, access: Access::Past(_) } => {
            (lang.help_review(), read_only_keys(lang, to_library, false), lang.help_past_note().to_string())
        }
        HelpFor::Walk { to_library, access: access @ Access::Review { .. } } => (
            lang.help_review(),
            read_only_keys(lang, to_library, access.writes()),
            if access.writes() { lang.help_review_note() } else { lang.help_read_only_note() }.to_string(),
        ),
        HelpFor::Walk { to_library, access: Access::ReadOnly } => {
            let note = lang.help_read_only_note().to_string();
            (lang.help_read_only(), read_only_keys(lang, to_library, false), note)
        }
        HelpFor::Library => (lang.help_library(), library_keys(lang), lang.help_saving().to_string()),
        HelpFor::Pager => (lang.help_pager(), pager_keys(lang), lang.help_pager_note().to_string()),
        HelpFor::FollowUp => {
            let (save, enter) = (keys::label(lang, Hint::Save), keys::label(lang, Hint::NewLine));
            (lang.help_follow_up(), follow_up_keys(lang), lang.follow_up_help_note(&save, &enter))
        }
    };
    let mut left = vec![heading(title, p)];
    left.extend(key_lines(&keys, p, column));
    let mut right = Vec::new();
    if let HelpFor::Walk { .. } = help_for {
        right.push(heading(lang.help_legend(), p));
        right.extend(legend_lines(lang, p, right_column));
        right.push(Line::default());
    }
    right.extend(lines(
        wrap_styled(&[(note.as_str(), p.hint())], right_column, usize::MAX).0,
        Span::raw(""),
        Span::raw(""),
    ));
    let rows = if two_columns { left.len().max(right.len()) } else { left.len() + 1 + right.len() };
    let limit = u16::try_from(rows.saturating_sub(content.height as usize)).unwrap_or(u16::MAX);
    let scroll = scroll.min(limit);
    if two_columns {
        let left_area = Rect { width: column as u16, ..content };
        let right_area = Rect { x: content.x + column as u16 + 2, width: right_column as u16, ..content };
        frame.render_widget(Paragraph::new(left).scroll((scroll, 0)), left_area);
        frame.render_widget(Paragraph::new(right).scroll((scroll, 0)), right_area);
    } else {
        left.push(Line::default());
        left.extend(right);
        frame.render_widget(Paragraph::new(left).scroll((scroll, 0)), content);
    }
    let close = Rect { y: inner.y + inner.height - 1, height: 1, ..content };
    let scroll_keys = format!("{} {}", keys::label(lang, Hint::Scroll), keys::label(lang, Hint::Page));
    let close_text =
        if limit > 0 { lang.help_close_scroll(&scroll_keys) } else { lang.help_close().to_string() };
    frame.render_widget(Paragraph::new(Line::styled(close_text, p.hint())), close);
    limit
}
