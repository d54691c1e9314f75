//! A whole grid as a document to hand out in a workshop: every step,
//! including those hidden by conditions, each condition written in words.

use super::{Condition, Grid, QuestionKind, Step};
use crate::text::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum HandoutFormat {
    Md,
    Txt,
}

/// The condition in words, with prompts and option labels rather than ids.
pub fn describe(grid: &Grid, c: &Condition, lang: Lang) -> String {
    let prompt = |name: &str| grid.question(name).map_or(name.to_string(), |(_, q)| q.prompt.clone());
    let label = |name: &str, option: &str| {
        grid.question(name)
            .and_then(|(_, q)| q.option(option))
            .map_or(option.to_string(), |o| o.label.clone())
    };
    let is_multi =
        |name: &str| grid.question(name).is_some_and(|(_, q)| matches!(q.kind, QuestionKind::Multi { .. }));
    match c {
        Condition::Is { question, option } => {
            lang.condition_is(&prompt(question), &[label(question, option)], is_multi(question))
        }
        Condition::AnyOf { question, options } => {
            let labels: Vec<String> = options.iter().map(|o| label(question, o)).collect();
            lang.condition_is(&prompt(question), &labels, is_multi(question))
        }
        Condition::Answered { question, answered } => lang.condition_answered(&prompt(question), *answered),
        Condition::All(inner) | Condition::Any(inner) => {
            let parts: Vec<String> = inner
                .iter()
                .map(|c| match c {
                    Condition::All(_) | Condition::Any(_) => format!("({})", describe(grid, c, lang)),
                    _ => describe(grid, c, lang),
                })
                .collect();
            lang.condition_join(&parts, matches!(c, Condition::All(_)))
        }
        Condition::Not(inner) => match inner.as_ref() {
            Condition::All(_) | Condition::Any(_) => {
                lang.condition_not(&format!("({})", describe(grid, inner, lang)))
            }
            _ => lang.condition_not(&describe(grid, inner, lang)),
        },
    }
}

pub fn render(grid: &Grid, format: HandoutFormat, lang: Lang) -> String {
    let md = format == HandoutFormat::Md;
    let mut out = String::new();
    let m = &grid.meta;
    if md {
        out.push_str(&format!("# {}\n\n", m.title));
    } else {
        out.push_str(&format!("{}\n{}\n\n", m.title, "=".repeat(m.title.chars().count())));
    }
    if let Some(summary) = &m.summary {
        out.push_str(&format!("{summary}\n\n"));
    }
    let mut facts = vec![lang.handout_grid_line(&m.id, &m.version, &m.language)];
    if let Some(source) = &m.source {
        facts.push(lang.handout_source(source));
    }
    if !m.authors.is_empty() {
        facts.push(lang.handout_authors(&m.authors.join(", ")));
    }
    if let Some(license) = &m.license {
        facts.push(lang.handout_license(license));
    }
    for fact in facts {
        out.push_str(&format!("{}{fact}\n", if md { "- " } else { "" }));
    }
    out.push('\n');
    for (i, step) in grid.steps.iter().enumerate() {
        render_step(grid, step, i + 1, md, lang, &mut out);
    }
    out.push_str(&format!("{}\n", lang.handout_footer()));
    out
}

fn render_step(grid: &Grid, step: &Step, n: usize, md: bool, lang: Lang, out: &mut String) {
    let heading = format!("{n}. {}", step.title);
    if md {
        out.push_str(&format!("## {heading}\n\n"));
    } else {
        out.push_str(&format!("{heading}\n{}\n\n", "-".repeat(heading.chars().count())));
    }
    if let Some(when) = &step.when {
        let words = lang.shown_when(&describe(grid, when, lang));
        out.push_str(&if md { format!("*{words}*\n\n") } else { format!("[{words}]\n\n") });
    }
    if let Some(guidance) = &step.guidance {
        out.push_str(guidance.trim());
        out.push_str("\n\n");
    }
    for (j, q) in step.questions.iter().enumerate() {
        let number = format!("{n}.{}", j + 1);
        let mark = if q.required { format!(" ({})", lang.important()) } else { String::new() };
        if matches!(q.kind, QuestionKind::Note) {
            out.push_str(&if md {
                format!("> {}\n", q.prompt.trim().replace('\n', "\n> "))
            } else {
                format!("{}\n", q.prompt.trim())
            });
        } else if md {
            out.push_str(&format!("**{number}. {}**{mark}\n", q.prompt.trim()));
        } else {
            out.push_str(&format!("{number}. {}{mark}\n", q.prompt.trim()));
        }
        if let Some(when) = &q.when {
            let words = lang.shown_when(&describe(grid, when, lang));
            out.push_str(&if md { format!("\n*{words}*\n") } else { format!("   [{words}]\n") });
        }
        if let Some(hint) = &q.hint {
            out.push_str(&if md {
                format!("\n*{}*\n", hint.trim())
            } else {
                format!("   ({})\n", hint.trim())
            });
        }
        render_answer_space(q, md, lang, out);
        out.push('\n');
    }
    if !step.references.is_empty() {
        out.push_str(&if md {
            format!("**{}**\n\n", lang.references())
        } else {
            format!("{}\n", lang.references())
        });
        for r in &step.references {
            let mut line = format!("- {}", r.label);
            if let Some(text) = &r.text {
                line.push_str(&format!(" — {}", text.trim()));
            }
            if let Some(url) = &r.url {
                line.push_str(&if md { format!(" <{url}>") } else { format!(" ({url})") });
            }
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
    }
}

fn render_answer_space(q: &super::Question, md: bool, lang: Lang, out: &mut String) {
    let indent = if md { "" } else { "   " };
    match &q.kind {
        QuestionKind::Choice { options, other } | QuestionKind::Multi { options, other } => {
            let multi = matches!(q.kind, QuestionKind::Multi { .. });
            let bx = match (md, multi) {
                (true, _) => "- [ ]",
                (false, true) => "[ ]",
                (false, false) => "( )",
            };
            out.push('\n');
            for o in options {
                let hint = o.hint.as_ref().map(|h| format!(" — {h}")).unwrap_or_default();
                out.push_str(&format!("{indent}{bx} {}{hint}\n", o.label));
            }
            if *other {
                out.push_str(&format!("{indent}{bx} {} …\n", lang.other_label()));
            }
        }
        QuestionKind::Scale(s) => {
            let values: Vec<String> = (s.min..=s.max).map(|v| v.to_string()).collect();
            let low = s.min_label.as_ref().map(|l| format!("({l}) ")).unwrap_or_default();
            let high = s.max_label.as_ref().map(|l| format!(" ({l})")).unwrap_or_default();
            out.push_str(&format!("\n{indent}{low}{}{high}\n", values.join(" · ")));
        }
        QuestionKind::Text => out.push_str(&format!("\n{indent}………………………………………………………………\n")),
        QuestionKind::Date(_) => out.push_str(&format!("\n{indent}{}\n", lang.handout_date_blank())),
        QuestionKind::Note => {}
    }
}
