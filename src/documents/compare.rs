//! Several trails made with one grid, side by side, question by question.

use crate::grid::{Grid, Kind, QuestionKind};
use crate::lang::Lang;
use crate::trail::{AnswerRecord, Trail};
use crate::walk::outline::Outline;

/// The formats of a comparison printed rather than shown on the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompareFormat {
    Md,
    Txt,
}

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
    /// For choice and multi questions: how many trails chose each option.
    pub tally: Option<Tally>,
}

/// The answers to one choice or multi question, counted: each option (the
/// grid's order, then the options and "other" texts the trails recorded)
/// with the number of trails that chose it.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    pub counts: Vec<(String, usize)>,
    pub unanswered: usize,
    /// The labels of `counts` that are "other" texts, marked as such.
    pub others: Vec<String>,
}

/// From this many trails on, choices are counted rather than listed.
pub const COUNT_FROM: usize = 3;

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
    // Answers that do not fit the grid are set aside, and answers that
    // conditions hide count as unanswered (GRID-FORMAT.md): neither counted
    // nor shown here (each trail's summary marks them).
    let left_out: Vec<std::collections::HashSet<(&str, &str)>> = outlines
        .iter()
        .map(|o| {
            o.questions()
                .filter(|(s, q)| q.set_aside.is_some() || !q.shown || !s.shown)
                .map(|(s, q)| (s.id.as_str(), q.id.as_str()))
                .collect()
        })
        .collect();
    let rows = keys
        .into_iter()
        .map(|(step, question, step_title, prompt, kind)| {
            let key = (step.as_str(), question.as_str());
            let these: Vec<Option<&AnswerRecord>> = records
                .iter()
                .zip(&left_out)
                .map(|(r, aside)| r.get(&key).copied().filter(|_| !aside.contains(&key)))
                .collect();
            let tally = matches!(kind, Kind::Choice | Kind::Multi)
                .then(|| tally(&these, grid_options(grid, &step, &question)));
            Row {
                step_title,
                prompt,
                kind,
                answers: these.iter().map(|r| r.and_then(words)).collect(),
                tally,
            }
        })
        .filter(|row| row.answers.iter().any(Option::is_some))
        .collect();
    let versions_differ = trails.iter().any(|t| t.grid.version != trails[0].grid.version);
    Ok(Comparison { trails, rows, versions_differ })
}

/// The labels of a question's options in the grid, when the grid has it.
fn grid_options(grid: Option<&Grid>, step: &str, question: &str) -> Vec<String> {
    let q = grid
        .and_then(|g| g.steps.iter().find(|s| s.id == step))
        .and_then(|s| s.questions.iter().find(|q| q.id == question));
    match q.map(|q| &q.kind) {
        Some(QuestionKind::Choice { options, .. } | QuestionKind::Multi { options, .. }) => {
            options.iter().map(|o| o.label.clone()).collect()
        }
        _ => Vec::new(),
    }
}

fn tally(records: &[Option<&AnswerRecord>], grid_labels: Vec<String>) -> Tally {
    let mut counts: Vec<(String, usize)> = grid_labels.into_iter().map(|l| (l, 0)).collect();
    let mut add = |label: String, n: usize| match counts.iter_mut().find(|(l, _)| *l == label) {
        Some((_, c)) => *c += n,
        None => counts.push((label, n)),
    };
    for r in records.iter().flatten() {
        for (_, label) in &r.options {
            add(label.clone(), 0);
        }
    }
    let mut unanswered = 0;
    let mut others: Vec<String> = Vec::new();
    for r in records {
        let other = r.and_then(|r| match &r.answer {
            Some(
                crate::grid::Answer::ChoiceOther(text) | crate::grid::Answer::Multi { other: Some(text), .. },
            ) => Some(text.trim()),
            _ => None,
        });
        if let Some(text) = other.filter(|t| !others.iter().any(|o| o == t)) {
            others.push(text.to_string());
        }
        match r.and_then(|r| r.answer.as_ref().map(|a| r.labels(a))) {
            Some(labels) if !labels.is_empty() => {
                for label in labels {
                    add(label.trim().to_string(), 1);
                }
            }
            _ => unanswered += 1,
        }
    }
    Tally { counts, unanswered, others }
}

fn words(r: &AnswerRecord) -> Option<String> {
    r.answer.as_ref().map(|a| r.answer_in_words(a).trim().to_string())
}

impl Comparison<'_> {
    /// Side by side; from three trails on, choices counted (« 6 sur 10 »).
    /// `anonymous` leaves the titles out and labels answers P1, P2…
    pub fn render(&self, md: bool, lang: Lang, anonymous: bool) -> String {
        let mut out = String::new();
        let title = lang.compare_title(&self.trails[0].grid.title);
        if md {
            out.push_str(&format!("# {title}\n\n"));
        } else {
            out.push_str(&format!("{title}\n{}\n\n", "=".repeat(title.chars().count())));
        }
        if anonymous {
            out.push_str(&format!("{}\n", lang.compare_participants(self.trails.len())));
        } else {
            for (i, t) in self.trails.iter().enumerate() {
                let line =
                    lang.compare_trail_line(i + 1, &t.title, &t.grid.version, &lang.date_time(&t.updated));
                out.push_str(&format!("{}{line}\n", if md { "- " } else { "" }));
            }
        }
        out.push('\n');
        let counted = self.trails.len() >= COUNT_FROM;
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
            let bullet = if md { "- " } else { "  " };
            match &row.tally {
                Some(tally) if counted => {
                    let total = self.trails.len();
                    for (label, n) in &tally.counts {
                        let label = if tally.others.contains(label) {
                            format!("{} {label}", lang.other_label())
                        } else {
                            label.clone()
                        };
                        out.push_str(&format!("{bullet}{} — {label}\n", lang.count_of(*n, total)));
                    }
                    if tally.unanswered > 0 {
                        let n = lang.count_of(tally.unanswered, total);
                        out.push_str(&format!("{bullet}{n} — ({})\n", lang.no_answer()));
                    }
                }
                _ => {
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
                        let label = if anonymous { format!("P{}.", i + 1) } else { format!("{}.", i + 1) };
                        out.push_str(&format!("{bullet}{label} {text}\n"));
                    }
                }
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
        let md = c.render(true, Lang::Fr, false);
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
        assert!(c.render(false, Lang::En, false).contains("different versions"));
    }

    #[test]
    fn three_trails_count_each_option_and_list_texts_per_participant() {
        let trails = vec![
            trail("A", Some("a"), Some("Un."), GRID),
            trail("B", Some("a"), None, GRID),
            trail("C", Some("b"), Some("Trois."), GRID),
            trail("D", None, None, GRID),
        ];
        let grid = parse(GRID).unwrap();
        let c = compare(&trails, Some(&grid)).unwrap();
        assert_eq!(
            c.rows[0].tally,
            Some(Tally {
                counts: vec![("Oui".into(), 2), ("Non".into(), 1)],
                unanswered: 1,
                others: Vec::new()
            })
        );
        let md = c.render(true, Lang::Fr, true);
        assert!(md.contains("**Choix ?** — réponses différentes\n\n- 2 sur 4 — Oui\n- 1 sur 4 — Non\n- 1 sur 4 — (Sans réponse)\n"), "{md}");
        assert!(md.contains("- P1. Un.\n- P2. (Sans réponse)\n- P3. Trois.\n"), "{md}");
        assert!(md.contains("4 participants"), "{md}");
        assert!(!md.contains("A (grille"), "{md}");
        let txt = c.render(false, Lang::En, false);
        assert!(txt.contains("  2 of 4 — Oui\n"), "{txt}");
        assert!(txt.contains("  1. Un.\n"), "{txt}");
        // Two trails are shown side by side, not counted.
        let two = compare(&trails[..2], Some(&grid)).unwrap();
        assert!(!two.render(true, Lang::Fr, false).contains("sur 2"));
    }

    #[test]
    fn an_other_text_is_counted_and_marked_as_such() {
        let with_other = GRID.replace("prompt = \"Choix ?\"\n", "prompt = \"Choix ?\"\nother = true\n");
        let mut trails =
            vec![trail("A", Some("a"), None, &with_other), trail("B", Some("a"), None, &with_other)];
        let grid = parse(&with_other).unwrap();
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-29T10:00:00+01:00").expect("a fixed time");
        let mut w = Walk::new(grid.clone(), Trail::start(&grid, "C", "abcd2345".into(), now));
        w.set(At { step: 0, question: 0 }, Some(Answer::ChoiceOther("Peut-être".into())), now);
        trails.push(w.trail);
        let md = compare(&trails, Some(&grid)).unwrap().render(true, Lang::Fr, true);
        assert!(md.contains("- 2 sur 3 — Oui\n- 0 sur 3 — Non\n- 1 sur 3 — Autre : Peut-être\n"), "{md}");
    }

    #[test]
    fn a_choice_the_grid_does_not_offer_is_not_counted() {
        let with_maybe = GRID.replace(
            "{ id = \"b\", label = \"Non\" }]",
            "{ id = \"b\", label = \"Non\" }, { id = \"m\", label = \"Peut-être\" }]",
        );
        let trails = vec![
            trail("A", Some("a"), None, GRID),
            trail("B", Some("m"), None, &with_maybe),
            trail("C", Some("b"), None, GRID),
        ];
        let grid = parse(GRID).unwrap();
        let c = compare(&trails, Some(&grid)).unwrap();
        assert_eq!(c.rows[0].answers[1], None);
        let tally = c.rows[0].tally.as_ref().expect("counted");
        assert_eq!(tally.unanswered, 1);
        assert!(tally.counts.iter().all(|(label, n)| label != "Peut-être" || *n == 0), "{tally:?}");
    }

    #[test]
    fn an_answer_a_condition_hides_is_neither_counted_nor_shown() {
        // GRID-FORMAT.md: a question that is not shown counts as unanswered.
        let src = GRID.replace(
            "prompt = \"Pourquoi ?\"\n",
            "prompt = \"Pourquoi ?\"\nwhen = { question = \"s.c\", is = \"a\" }\n",
        );
        let grid = parse(&src).unwrap();
        let mut hidden = trail("B", Some("a"), Some("Caché."), &src);
        let mut w = Walk::new(grid.clone(), hidden);
        w.set(At { step: 0, question: 0 }, Some(Answer::Choice("b".into())), hidden_time());
        hidden = w.trail;
        assert_eq!(
            hidden.record("s", "t").and_then(|r| r.answer.clone()),
            Some(Answer::Text("Caché.".into()))
        );
        let trails =
            vec![trail("A", Some("a"), Some("Vu."), &src), hidden, trail("C", Some("a"), None, &src)];
        for g in [Some(&grid), None] {
            let c = compare(&trails, g).unwrap();
            let why = c.rows.iter().find(|r| r.prompt == "Pourquoi ?").expect("the text row");
            assert_eq!(why.answers, vec![Some("Vu.".into()), None, None]);
        }
    }

    fn hidden_time() -> crate::trail::Time {
        chrono::DateTime::parse_from_rfc3339("2026-11-29T10:05:00+01:00").expect("a fixed time")
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
        let md = compare(&trails, Some(&grid)).unwrap().render(true, Lang::Fr, false);
        assert!(md.contains("- 1. mardi 15 décembre 2026\n- 2. mercredi 16 décembre 2026\n"), "{md}");
    }

    #[test]
    fn trails_of_different_grids_are_refused() {
        let other = GRID.replace("id = \"g\"", "id = \"h\"");
        let trails = vec![trail("A", None, None, GRID), trail("B", None, None, &other)];
        assert!(matches!(compare(&trails, None), Err(Mismatch::DifferentGrids(v)) if v.len() == 2));
    }
}
