//! Several trails made with one grid, side by side, question by question.

use super::outline::Outline;
use super::{AnswerRecord, Trail};
use crate::grid::{Grid, Kind};
use crate::text::Lang;

/// Why trails cannot be compared.
#[derive(Debug, Clone, PartialEq)]
pub enum Mismatch {
    DifferentGrids(Vec<(String, String)>),
}

/// One question across the trails.
pub struct Row {
    pub step_title: String,
    pub prompt: String,
    /// A date question's answers are `YYYY-MM-DD`, written in words on output.
    pub kind: Kind,
    /// The answer of each trail in words; `None` when unanswered.
    pub answers: Vec<Option<String>>,
}

impl Row {
    /// Whether the trails did not all answer alike.
    pub fn differs(&self) -> bool {
        self.answers.windows(2).any(|w| w[0] != w[1])
    }
}

pub struct Comparison<'t> {
    pub trails: &'t [Trail],
    pub rows: Vec<Row>,
    /// The trails were made with different versions of the grid.
    pub versions_differ: bool,
}

/// Lines the trails up by step and question id, in the grid's order (or,
/// without the grid, in the order the trails recorded them).
pub fn compare<'t>(trails: &'t [Trail], grid: Option<&Grid>) -> Result<Comparison<'t>, Mismatch> {
    let first = &trails[0].grid.id;
    if trails.iter().any(|t| &t.grid.id != first) {
        return Err(Mismatch::DifferentGrids(
            trails.iter().map(|t| (t.title.clone(), t.grid.id.clone())).collect(),
        ));
    }
    let outlines: Vec<Outline> = trails.iter().map(|t| Outline::build(t, grid)).collect();
    // Every (step, question) that any trail knows, first-seen order.
    let mut keys: Vec<(String, String, String, String, Kind)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for outline in &outlines {
        for (s, q) in outline.questions() {
            if q.kind == Kind::Note || !seen.insert((s.id.clone(), q.id.clone())) {
                continue;
            }
            keys.push((s.id.clone(), q.id.clone(), s.title.clone(), q.prompt.clone(), q.kind));
        }
    }
    let records: Vec<_> = trails.iter().map(Trail::records).collect();
    let rows = keys
        .into_iter()
        .map(|(step, question, step_title, prompt, kind)| Row {
            step_title,
            prompt,
            kind,
            answers: records
                .iter()
                .map(|r| r.get(&(step.as_str(), question.as_str())).and_then(|r| words(r)))
                .collect(),
        })
        .filter(|row| row.answers.iter().any(Option::is_some))
        .collect();
    let versions_differ = trails.iter().any(|t| t.grid.version != trails[0].grid.version);
    Ok(Comparison { trails, rows, versions_differ })
}

fn words(r: &AnswerRecord) -> Option<String> {
    r.answer.as_ref().map(|a| r.answer_in_words(a).trim().to_string())
}

impl Comparison<'_> {
    pub fn render(&self, md: bool, lang: Lang) -> String {
        let mut out = String::new();
        let title = lang.compare_title(&self.trails[0].grid.title);
        if md {
            out.push_str(&format!("# {title}\n\n"));
        } else {
            out.push_str(&format!("{title}\n{}\n\n", "=".repeat(title.chars().count())));
        }
        for (i, t) in self.trails.iter().enumerate() {
            let line = lang.compare_trail_line(i + 1, &t.title, &t.grid.version, &lang.date_time(&t.updated));
            out.push_str(&format!("{}{line}\n", if md { "- " } else { "" }));
        }
        out.push('\n');
        if self.versions_differ {
            out.push_str(&format!("{}\n\n", lang.compare_versions_differ()));
        }
        let mut current_step = String::new();
        for row in &self.rows {
            if row.step_title != current_step {
                current_step = row.step_title.clone();
                if md {
                    out.push_str(&format!("## {current_step}\n\n"));
                } else {
                    out.push_str(&format!(
                        "{current_step}\n{}\n\n",
                        "-".repeat(current_step.chars().count())
                    ));
                }
            }
            let mark = if row.differs() { format!(" — {}", lang.compare_differs()) } else { String::new() };
            out.push_str(&if md {
                format!("**{}**{mark}\n\n", row.prompt)
            } else {
                format!("{}{mark}\n", row.prompt)
            });
            for (i, answer) in row.answers.iter().enumerate() {
                let day = answer
                    .as_deref()
                    .filter(|_| row.kind == Kind::Date)
                    .and_then(|a| chrono::NaiveDate::parse_from_str(a, "%Y-%m-%d").ok());
                let text = match (day, answer) {
                    (Some(day), _) => lang.date_in_words(day),
                    (None, Some(a)) => a.clone(),
                    (None, None) => format!("({})", lang.no_answer()),
                };
                let text = text.replace('\n', if md { "  \n    " } else { "\n     " });
                out.push_str(&format!("{}{}. {text}\n", if md { "- " } else { "  " }, i + 1));
            }
            out.push('\n');
        }
        if self.rows.is_empty() {
            out.push_str(&format!("{}\n", lang.compare_nothing()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::{Answer, parse};
    use crate::walk::{At, Walk};

    const GRID: &str = "format = 1\n[grid]\nid = \"g\"\nversion = \"1\"\nlanguage = \"fr\"\ntitle = \"Grille\"\n[[steps]]\nid = \"s\"\ntitle = \"Étape\"\n[[steps.questions]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"Choix ?\"\noptions = [{ id = \"a\", label = \"Oui\" }, { id = \"b\", label = \"Non\" }]\n[[steps.questions]]\nid = \"t\"\nkind = \"text\"\nprompt = \"Pourquoi ?\"\n";

    fn trail(title: &str, choice: Option<&str>, text: Option<&str>, grid_src: &str) -> Trail {
        let grid = parse(grid_src).unwrap();
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-29T10:00:00+01:00").expect("a fixed time");
        let mut w = Walk::new(grid.clone(), Trail::start(&grid, title, "abcd2345".into(), now));
        if let Some(c) = choice {
            w.set(At { step: 0, question: 0 }, Some(Answer::Choice(c.into())), now);
        }
        if let Some(t) = text {
            w.set(At { step: 0, question: 1 }, Some(Answer::Text(t.into())), now);
        }
        w.trail
    }

    #[test]
    fn answers_line_up_by_question_with_labels_and_differences_marked() {
        let trails =
            vec![trail("Avant", Some("a"), Some("Parce que."), GRID), trail("Après", Some("b"), None, GRID)];
        let grid = parse(GRID).unwrap();
        let c = compare(&trails, Some(&grid)).unwrap();
        assert_eq!(c.rows.len(), 2);
        assert_eq!(c.rows[0].answers, vec![Some("Oui".into()), Some("Non".into())]);
        assert!(c.rows[0].differs());
        assert_eq!(c.rows[1].answers, vec![Some("Parce que.".into()), None]);
        let md = c.render(true, Lang::Fr);
        assert!(md.contains("**Choix ?** — réponses différentes\n\n- 1. Oui\n- 2. Non\n"), "{md}");
        assert!(md.contains("- 2. (Sans réponse)"), "{md}");
        assert!(!c.versions_differ);
    }

    #[test]
    fn different_versions_are_compared_by_id_with_a_note() {
        let v2 = GRID.replace("version = \"1\"", "version = \"2\"");
        let trails = vec![trail("A", Some("a"), None, GRID), trail("B", Some("a"), None, &v2)];
        let c = compare(&trails, None).unwrap();
        assert!(c.versions_differ);
        assert!(!c.rows[0].differs());
        assert!(c.render(false, Lang::En).contains("different versions"));
    }

    #[test]
    fn date_answers_are_compared_in_words() {
        let src = "format = 2\n[grid]\nid = \"g\"\nversion = \"2\"\nlanguage = \"fr\"\ntitle = \"G\"\n[[steps]]\nid = \"s\"\ntitle = \"Étape\"\n[[steps.questions]]\nid = \"d\"\nkind = \"date\"\nprompt = \"Quand ?\"\n";
        let grid = parse(src).unwrap();
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-29T10:00:00+01:00").expect("a fixed time");
        let dated = |title: &str, day: u32| {
            let mut w = Walk::new(grid.clone(), Trail::start(&grid, title, "abcd2345".into(), now));
            let date = chrono::NaiveDate::from_ymd_opt(2026, 12, day).expect("a real day");
            w.set(At { step: 0, question: 0 }, Some(Answer::Date(date)), now);
            w.trail
        };
        let trails = vec![dated("A", 15), dated("B", 16)];
        let md = compare(&trails, Some(&grid)).unwrap().render(true, Lang::Fr);
        assert!(md.contains("- 1. mardi 15 décembre 2026\n- 2. mercredi 16 décembre 2026\n"), "{md}");
    }

    #[test]
    fn trails_of_different_grids_are_refused() {
        let other = GRID.replace("id = \"g\"", "id = \"h\"");
        let trails = vec![trail("A", None, None, GRID), trail("B", None, None, &other)];
        assert!(matches!(compare(&trails, None), Err(Mismatch::DifferentGrids(v)) if v.len() == 2));
    }
}
