//! What the step view adds under an answer when a trail is read: the
//! annotations beside it (in every window), and in a review when it was
//! given and how it changed, and the mark of an answer that conditions
//! now hide.

use ratatui::text::{Line, Span};

use crate::tui::access::Access;
use crate::tui::screens::walk::WalkScreen;
use crate::tui::widgets::wrap::{self, lines, wrap_styled};
use crate::walk::At;

/// The mark of an answer kept from a path the answers no longer take.
pub fn hidden_mark(screen: &WalkScreen, width: usize) -> Vec<Line<'static>> {
    let p = screen.palette();
    let text = format!("⊘ {}", screen.lang().hidden_kept());
    lines(wrap_styled(&[(&text, p.dim())], width.saturating_sub(2), usize::MAX).0, indent(), indent())
}

/// The same, for a whole step.
pub fn hidden_step(screen: &WalkScreen, width: usize) -> Vec<Line<'static>> {
    let p = screen.palette();
    let text = format!("⊘ {}", screen.lang().hidden_step_kept());
    lines(wrap_styled(&[(&text, p.dim())], width, usize::MAX).0, Span::raw(""), Span::raw(""))
}

/// In a review: when the answer was given (unless its last change says
/// it), then each earlier answer, the latest first — « modifiée le … ;
/// avant : … ». Outside the focus, an earlier answer takes one row.
pub fn history(screen: &WalkScreen, at: At, is_focus: bool, width: usize) -> Vec<Line<'static>> {
    if !screen.access.reviews() {
        return Vec::new();
    }
    let Some(record) = screen.walk.record(at) else { return Vec::new() };
    let p = screen.palette();
    let lang = screen.lang();
    let inner = width.saturating_sub(2);
    let mut out = Vec::new();
    // When it was last changed is said by the change itself.
    if record.history.last().is_none_or(|r| r.at != record.at) {
        let when = lang.answered_on(&record.at, record.answer.is_none());
        out.extend(lines(wrap_styled(&[(&when, p.dim())], inner, usize::MAX).0, indent(), indent()));
    }
    for revision in record.history.iter().rev() {
        let before = match &revision.answer {
            Some(answer) => lang.answer_words(record, answer).replace('\n', " "),
            None => lang.no_answer_before().to_string(),
        };
        let line = lang.changed_on(&revision.at, &before);
        let cap = if is_focus { usize::MAX } else { 1 };
        let (mut rows, more) = wrap_styled(&[(&line, p.dim())], inner, cap);
        if more && let Some(last) = rows.last_mut() {
            let text: String = last.iter().map(|(s, _)| s.as_str()).collect();
            *last = vec![(wrap::truncate(&format!("{text} …"), inner), p.dim())];
        }
        out.extend(lines(rows, indent(), indent()));
    }
    out
}

/// The annotations on the answer at `at`: who, when, and the text.
pub fn annotations(screen: &WalkScreen, at: At, width: usize) -> Vec<Line<'static>> {
    let p = screen.palette();
    let lang = screen.lang();
    let inner = width.saturating_sub(4);
    let mut out = Vec::new();
    for annotation in screen.walk.annotations(at) {
        let heading = lang.annotation_heading(&annotation.author, &annotation.at);
        out.extend(lines(
            wrap_styled(&[(&heading, p.strong())], inner, usize::MAX).0,
            Span::styled("  ✎ ", p.focus()),
            Span::raw("    "),
        ));
        let (rows, _) = wrap_styled(&[(&annotation.text, p.plain())], inner, usize::MAX);
        out.extend(lines(rows, Span::raw("    "), Span::raw("    ")));
    }
    out
}

fn indent() -> Span<'static> {
    Span::raw("  ")
}

/// Under the decision (the grid's outcome question), when the trail is
/// read: each follow-up, dated, with what it says. Only in a review or a
/// read-only window: the walkthrough itself stays as it was.
pub fn follow_ups(screen: &WalkScreen, at: At, width: usize) -> Vec<Line<'static>> {
    if matches!(screen.access, Access::Answer) || screen.walk.trail.follow_ups.is_empty() {
        return Vec::new();
    }
    let step = &screen.walk.grid.steps[at.step];
    let name = format!("{}.{}", step.id, step.questions[at.question].id);
    if screen.walk.trail.grid.outcome.as_deref() != Some(name.as_str()) {
        return Vec::new();
    }
    let p = screen.palette();
    let lang = screen.lang();
    let inner = width.saturating_sub(4);
    let mut out = Vec::new();
    for f in &screen.walk.trail.follow_ups {
        let heading = format!("{} — {}", lang.date_time(&f.at), lang.held_sentence(f.held));
        out.extend(lines(
            wrap_styled(&[(&heading, p.strong())], inner, usize::MAX).0,
            Span::styled("  ↻ ", p.focus()),
            Span::raw("    "),
        ));
        for (label, text) in
            [(lang.follow_up_happened_label(), &f.happened), (lang.follow_up_learned_label(), &f.learned)]
        {
            if !text.trim().is_empty() {
                let (rows, _) =
                    wrap_styled(&[(label, p.dim()), (" ", p.plain()), (text, p.plain())], inner, usize::MAX);
                out.extend(lines(rows, Span::raw("    "), Span::raw("    ")));
            }
        }
        let next = lang.follow_up_next(f.revisit);
        out.extend(lines(
            wrap_styled(&[(&next, p.dim())], inner, usize::MAX).0,
            Span::raw("    "),
            Span::raw("    "),
        ));
    }
    out
}
