//! A trail read back from its JSON export (PRODUCT.md, "The JSON export"):
//! what a trainer collects from participants, to compare. Pure: the caller
//! reads the file.

use serde_json::Value;

use super::{Annotation, AnswerRecord, GridRef, Time, Trail};
use crate::grid::{Answer, Kind};

/// Why a file is not a trail's JSON export.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// Not JSON at all, with serde's line and column.
    NotJson { line: usize, column: usize },
    /// JSON, but not shaped like an export: the field that is missing or wrong.
    NotAnExport(String),
}

fn field<'v>(v: &'v Value, name: &str) -> Result<&'v Value, ImportError> {
    v.get(name).ok_or_else(|| ImportError::NotAnExport(name.to_string()))
}

fn string(v: &Value, name: &str) -> Result<String, ImportError> {
    field(v, name)?.as_str().map(str::to_string).ok_or_else(|| ImportError::NotAnExport(name.to_string()))
}

fn time(v: &Value, name: &str) -> Result<Time, ImportError> {
    chrono::DateTime::parse_from_rfc3339(&string(v, name)?)
        .map_err(|_| ImportError::NotAnExport(name.to_string()))
}

/// The trail an export describes: its answers with the labels it gives, its
/// annotations. The history of each answer is not read back (a comparison
/// does not use it).
pub fn from_export_json(text: &str) -> Result<Trail, ImportError> {
    let v: Value = serde_json::from_str(text)
        .map_err(|e| ImportError::NotJson { line: e.line(), column: e.column() })?;
    if field(&v, "format")?.as_i64() != Some(1) {
        return Err(ImportError::NotAnExport("format".into()));
    }
    let grid = field(&v, "grid")?;
    let created = time(&v, "created")?;
    let mut answers = Vec::new();
    let steps = field(&v, "steps")?.as_array().ok_or_else(|| ImportError::NotAnExport("steps".into()))?;
    for step in steps {
        let step_id = string(step, "id")?;
        let step_title = string(step, "title")?;
        let questions = field(step, "questions")?
            .as_array()
            .ok_or_else(|| ImportError::NotAnExport("questions".into()))?;
        for q in questions {
            let kind = Kind::from_name(&string(q, "kind")?)
                .ok_or_else(|| ImportError::NotAnExport("kind".into()))?;
            let Some((answer, options)) = answer_of(kind, q)? else { continue };
            let at = match q.get("answered_at").and_then(Value::as_str) {
                Some(_) => time(q, "answered_at")?,
                None => created,
            };
            answers.push(AnswerRecord {
                step: step_id.clone(),
                question: string(q, "id")?,
                step_title: step_title.clone(),
                kind,
                prompt: string(q, "prompt")?,
                options,
                answer: Some(answer),
                at,
                hidden: q.get("shown").and_then(Value::as_bool) == Some(false),
                history: Vec::new(),
            });
        }
    }
    let annotations = match v.get("annotations").and_then(Value::as_array) {
        Some(list) => list
            .iter()
            .map(|a| {
                Ok(Annotation {
                    at: time(a, "at")?,
                    author: string(a, "author")?,
                    step: string(a, "step")?,
                    question: string(a, "question")?,
                    text: string(a, "text")?,
                })
            })
            .collect::<Result<_, ImportError>>()?,
        None => Vec::new(),
    };
    let follow_ups = match v.get("follow_ups").and_then(Value::as_array) {
        Some(list) => list
            .iter()
            .map(|f| {
                let held = serde_json::from_value(field(f, "held")?.clone())
                    .map_err(|_| ImportError::NotAnExport("held".into()))?;
                let revisit = match f.get("revisit").and_then(Value::as_str) {
                    Some(d) => Some(
                        chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
                            .map_err(|_| ImportError::NotAnExport("revisit".into()))?,
                    ),
                    None => None,
                };
                Ok(super::FollowUp {
                    at: time(f, "at")?,
                    happened: string(f, "happened")?,
                    held,
                    learned: string(f, "learned")?,
                    revisit,
                })
            })
            .collect::<Result<_, ImportError>>()?,
        None => Vec::new(),
    };
    Ok(Trail {
        id: string(&v, "id")?,
        title: string(&v, "title")?,
        created,
        updated: time(&v, "updated")?,
        grid: GridRef {
            id: string(grid, "id")?,
            version: string(grid, "version")?,
            language: string(grid, "language")?,
            title: string(grid, "title")?,
            outcome: None,
            path: None,
        },
        answers,
        annotations,
        place: None,
        follow_ups,
    })
}

type Options = Vec<(String, String)>;

/// The answer of one exported question, with the (id, label) of the options
/// it chose; `None` when unanswered. An "other" text reads as an option id
/// here: `settle_other` tells them apart once the grid is known.
fn answer_of(kind: Kind, q: &Value) -> Result<Option<(Answer, Options)>, ImportError> {
    let bad = || ImportError::NotAnExport("answer".into());
    let answer = field(q, "answer")?;
    if answer.is_null() {
        return Ok(None);
    }
    let labels: Vec<String> = q
        .get("answer_labels")
        .and_then(Value::as_array)
        .map(|l| l.iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
        .unwrap_or_default();
    Ok(Some(match kind {
        Kind::Text => (Answer::Text(answer.as_str().ok_or_else(bad)?.to_string()), Vec::new()),
        Kind::Scale => (Answer::Scale(answer.as_i64().ok_or_else(bad)?), Vec::new()),
        Kind::Date => {
            let d = chrono::NaiveDate::parse_from_str(answer.as_str().ok_or_else(bad)?, "%Y-%m-%d")
                .map_err(|_| bad())?;
            (Answer::Date(d), Vec::new())
        }
        Kind::Choice => {
            let id = answer.as_str().ok_or_else(bad)?.to_string();
            let label = labels.first().cloned().unwrap_or_else(|| id.clone());
            (Answer::Choice(id.clone()), vec![(id, label)])
        }
        Kind::Multi => {
            let ids: Vec<String> = answer
                .as_array()
                .ok_or_else(bad)?
                .iter()
                .map(|s| s.as_str().map(str::to_string).ok_or_else(bad))
                .collect::<Result<_, _>>()?;
            let options: Options = ids
                .iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), labels.get(i).cloned().unwrap_or_else(|| id.clone())))
                .collect();
            (Answer::Multi { options: ids, other: None }, options)
        }
        Kind::Note => return Ok(None),
    }))
}

/// With the grid at hand, the "other" texts of an export told apart from
/// option ids: the JSON gives both as plain strings, so an imported choice
/// whose id the grid's question does not offer, where it offers "other",
/// is that "other" text; in a multi answer, the one id not offered is.
pub fn settle_other(trail: &mut Trail, grid: &crate::grid::Grid) {
    use crate::grid::QuestionKind;
    for record in &mut trail.answers {
        let Some((_, question)) = grid.question(&format!("{}.{}", record.step, record.question)) else {
            continue;
        };
        let options = match &question.kind {
            QuestionKind::Choice { options, other: true } | QuestionKind::Multi { options, other: true } => {
                options
            }
            _ => continue,
        };
        let offered = |id: &String| options.iter().any(|o| &o.id == id);
        record.answer = match record.answer.take() {
            Some(Answer::Choice(text)) if !offered(&text) => {
                record.options.retain(|(id, _)| id != &text);
                Some(Answer::ChoiceOther(text))
            }
            Some(Answer::Multi { options: mut ids, other: None }) => {
                let unknown: Vec<usize> = (0..ids.len()).filter(|&i| !offered(&ids[i])).collect();
                let other = match unknown[..] {
                    [i] => Some(ids.remove(i)),
                    _ => None,
                };
                if let Some(text) = &other {
                    record.options.retain(|(id, _)| id != text);
                }
                Some(Answer::Multi { options: ids, other })
            }
            answer => answer,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::ExportFormat;
    use crate::grid::parse;
    use crate::lang::Lang;
    use crate::walk::{At, Walk};

    const GRID: &str = "format = 1\n[grid]\nid = \"g\"\nversion = \"1\"\nlanguage = \"fr\"\ntitle = \"Grille\"\n[[steps]]\nid = \"s\"\ntitle = \"Étape\"\n[[steps.questions]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"Choix ?\"\noptions = [{ id = \"a\", label = \"Oui\" }, { id = \"b\", label = \"Non\" }]\n[[steps.questions]]\nid = \"m\"\nkind = \"multi\"\nprompt = \"Lesquels ?\"\nother = true\noptions = [{ id = \"x\", label = \"Ix\" }, { id = \"y\", label = \"Igrec\" }]\n[[steps.questions]]\nid = \"t\"\nkind = \"text\"\nprompt = \"Pourquoi ?\"\n";

    /// The JSON export of a trail of `grid` holding `answers`, one a
    /// question of the first step, in order.
    fn exported(grid: &crate::grid::Grid, answers: Vec<Answer>) -> String {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-20T10:00:00+01:00").unwrap();
        let mut w = Walk::new(grid.clone(), Trail::start(grid, "Atelier", "abcd2345".into(), now));
        for (question, answer) in answers.into_iter().enumerate() {
            w.set(At { step: 0, question }, Some(answer), now);
        }
        crate::documents::export::render(&w.trail, Some(grid), ExportFormat::Json, Lang::Fr, false)
    }

    fn zed() -> Answer {
        Answer::Multi { options: vec!["y".into()], other: Some("Zed".into()) }
    }

    #[test]
    fn an_export_reads_back_with_its_answers_in_words() {
        let grid = parse(GRID).unwrap();
        let json =
            exported(&grid, vec![Answer::Choice("b".into()), zed(), Answer::Text("Parce que.".into())]);
        let back = from_export_json(&json).unwrap();
        assert_eq!(back.title, "Atelier");
        assert_eq!(back.grid.id, "g");
        let words: Vec<String> =
            back.answers.iter().map(|r| r.answer_in_words(r.answer.as_ref().unwrap())).collect();
        assert_eq!(words, ["Non", "Igrec, Zed", "Parce que."]);
    }

    #[test]
    fn other_texts_are_told_from_option_ids_with_the_grid() {
        let grid =
            parse(&GRID.replace("prompt = \"Choix ?\"\n", "prompt = \"Choix ?\"\nother = true\n")).unwrap();
        let json = exported(&grid, vec![Answer::ChoiceOther("Peut-être".into()), zed()]);
        let mut back = from_export_json(&json).unwrap();
        settle_other(&mut back, &grid);
        assert_eq!(back.answers[0].answer, Some(Answer::ChoiceOther("Peut-être".into())));
        assert_eq!(
            back.answers[1].answer,
            Some(Answer::Multi { options: vec!["y".into()], other: Some("Zed".into()) })
        );
        let walk = Walk::new(grid, back);
        assert_eq!(walk.set_aside(At { step: 0, question: 1 }), None, "nothing set aside");
    }

    #[test]
    fn other_json_is_refused_with_what_is_missing() {
        assert_eq!(from_export_json("{}"), Err(ImportError::NotAnExport("format".into())));
        assert!(matches!(from_export_json("{ nope"), Err(ImportError::NotJson { line: 1, .. })));
    }
}
