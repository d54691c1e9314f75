//! The end screen, on the right after the last question: what was answered
//! and left aside, the decision, when the worker will look at it again, and
//! the keys that export the meeting summary, open it, and keep an ephemeral
//! walk as a trail.

use crate::tui::keys::{self, Hint};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::grid::QuestionKind;
use crate::tui::screens::walk::WalkScreen;
use crate::tui::widgets::wrap::{lines, wrap_styled};
use crate::walk::At;

/// Ids a grid gives the question asking when the worker will look at the
/// decision again: `revisit` (a `date` question from grid format 2 on),
/// `review_date` (a text in the grids 1.x).
const REVISIT_IDS: &[&str] = &["revisit", "review_date"];

pub fn render(screen: &WalkScreen, frame: &mut Frame, area: Rect) {
    let p = screen.palette();
    let lang = screen.lang();
    let block = Block::bordered()
        .title(Span::styled(format!(" {} ", lang.end_title()), p.title()))
        .border_style(p.border_focused());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let width = inner.width.saturating_sub(2) as usize;
    let mut out: Vec<Line<'static>> = Vec::new();
    let para = |text: &str, style: Style, out: &mut Vec<Line<'static>>| {
        out.extend(lines(wrap_styled(&[(text, style)], width, usize::MAX).0, Span::raw(""), Span::raw("")));
    };
    let walk = &screen.walk;
    let (answered, questions) = walk.answered_count();
    para(&lang.end_counts(answered, questions - answered), p.strong(), &mut out);
    let required = walk.required_unanswered().len();
    if required > 0 {
        para(&lang.end_required(required), p.warn(), &mut out);
    }
    out.push(Line::default());
    para(&lang.end_outcome(walk.outcome_label().as_deref()), p.plain(), &mut out);
    if let Some(when) = revisit(screen) {
        para(&lang.end_revisit(&when), p.plain(), &mut out);
    }
    let warnings = crate::trail::lint::warnings(&walk.trail).len();
    if warnings > 0 {
        out.push(Line::default());
        para(&lang.end_privacy(warnings), p.warn(), &mut out);
    }
    out.push(Line::default());
    let [md, html, open, keep, back] = lang.end_keys();
    let label = |hint| keys::label(lang, hint);
    let mut keys = Vec::new();
    // An ephemeral walk can still be kept: that comes first.
    if screen.path.is_none() {
        keys.push((label(Hint::KeepWalk), keep));
    }
    keys.extend([(label(Hint::ExportMd), md), (label(Hint::ExportHtml), html)]);
    keys.extend([(label(Hint::OpenExport), open), (label(Hint::BackToWalk), back)]);
    for (key, action) in &keys {
        let rows = wrap_styled(&[(action, p.plain())], width.saturating_sub(6).max(1), usize::MAX).0;
        out.extend(lines(rows, Span::styled(format!("{key:<6}"), p.key()), Span::raw("      ")));
    }
    out.push(Line::default());
    match &screen.exported {
        Some(Ok(path)) => para(&lang.end_exported(path), p.good(), &mut out),
        Some(Err(e)) => para(&lang.export_failed(&lang.failure(e)), p.warn(), &mut out),
        None if screen.path.is_some() => para(lang.end_exports_note(), p.hint(), &mut out),
        None => {
            let note = lang.end_ephemeral_note(
                &label(Hint::KeepWalk),
                &label(Hint::ExportMd),
                &label(Hint::ExportHtml),
            );
            para(&note, p.hint(), &mut out)
        }
    }
    match &screen.opened {
        Some(Ok(path)) => para(&lang.end_opened(path), p.good(), &mut out),
        Some(Err((path, why))) => para(&lang.end_open_failed(path, why), p.warn(), &mut out),
        None => {}
    }
    let content = Rect { x: inner.x + 1, width: inner.width - 2, ..inner };
    frame.render_widget(Paragraph::new(out), content);
}

/// The answer to the question of the outcome's step that asks when the
/// worker will look at the decision again, in words.
fn revisit(screen: &WalkScreen) -> Option<String> {
    let walk = &screen.walk;
    let (step_id, _) = walk.grid.meta.outcome.as_deref()?.split_once('.')?;
    let s = walk.grid.steps.iter().position(|st| st.id == step_id)?;
    let step = walk.step(s);
    let q = REVISIT_IDS.iter().find_map(|id| step.questions.iter().position(|q| q.id == *id))?;
    let at = At { step: s, question: q };
    if matches!(walk.question(at).kind, QuestionKind::Note) {
        return None;
    }
    let record = walk.record(at)?;
    let words = match walk.answer(at)? {
        crate::grid::Answer::Date(day) => screen.lang().date_in_words(*day),
        answer => record.answer_in_words(answer),
    };
    Some(crate::grid::line_breaks(&words).split_whitespace().collect::<Vec<_>>().join(" "))
}
