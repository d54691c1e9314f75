//! The key line at the bottom of every screen: the keys that work where the
//! focus is, as many as the width holds, the most useful first.

use ratatui::text::{Line, Span};

use crate::text::Lang;
use crate::tui::keys::{self, Hint};
use crate::tui::theme::Palette;
use crate::tui::widgets::wrap;

const SEPARATOR: &str = " · ";

/// `hints` in order while they fit, then `tail` (help, leaving), which is
/// always kept when anything fits at all.
pub fn line(lang: Lang, p: &Palette, hints: &[Hint], tail: &[Hint], width: usize) -> Line<'static> {
    line_keeping(lang, p, hints, &[], tail, width)
}

/// As [`line`], and the hints of `kept` (some of `hints`: the keys a person
/// must always find, such as « n nouveau ») are shown whatever else is
/// there: the other hints take the room left, the most useful first. The
/// hints are shown in the order of `hints`, then `tail`.
pub fn line_keeping(
    lang: Lang,
    p: &Palette,
    hints: &[Hint],
    kept: &[Hint],
    tail: &[Hint],
    width: usize,
) -> Line<'static> {
    let sep = wrap::width(SEPARATOR);
    let cells = |h: Hint| {
        let (key, action) = keys::hint(lang, h);
        wrap::width(&key) + 1 + wrap::width(action)
    };
    // One space of margin, then the hints with a separator between two.
    let total = |chosen: &[Hint]| {
        1 + chosen.iter().map(|&h| cells(h)).sum::<usize>() + sep * chosen.len().saturating_sub(1)
    };
    let in_order = |chosen: &[Hint]| -> Vec<Hint> {
        hints.iter().copied().filter(|h| chosen.contains(h)).chain(tail.iter().copied()).collect()
    };
    let mut chosen: Vec<Hint> = hints.iter().copied().filter(|h| kept.contains(h)).collect();
    for &h in hints.iter().filter(|h| !kept.contains(h)) {
        let mut candidate = chosen.clone();
        candidate.push(h);
        if total(&in_order(&candidate)) > width {
            break;
        }
        chosen = candidate;
    }
    let mut chosen = in_order(&chosen);
    while total(&chosen) > width && !chosen.is_empty() {
        chosen.pop();
    }
    let mut spans = vec![Span::raw(" ")];
    for (i, h) in chosen.into_iter().enumerate() {
        let (key, action) = keys::hint(lang, h);
        if i > 0 {
            spans.push(Span::styled(SEPARATOR, p.dim()));
        }
        spans.push(Span::styled(key, p.key()));
        spans.push(Span::raw(format!(" {action}")));
    }
    Line::from(spans)
}

/// Spans cut so that the whole line fits in `width` cells.
pub fn fit(spans: Vec<Span<'static>>, width: usize) -> Line<'static> {
    let mut out = Vec::new();
    let mut used = 0;
    for span in spans {
        let w = wrap::width(&span.content);
        if used + w <= width {
            used += w;
            // A title from a grid or a trail: its controls shown as signs.
            out.push(Span::styled(wrap::shown(&span.content), span.style));
        } else {
            let room = width.saturating_sub(used);
            if room > 0 {
                out.push(Span::styled(wrap::truncate(&span.content, room), span.style));
            }
            break;
        }
    }
    Line::from(out)
}
