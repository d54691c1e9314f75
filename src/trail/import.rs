//! A trail read back from its JSON export (PRODUCT.md, "The JSON export"):
//! what a trainer collects from participants, to compare. Pure: the caller
//! reads the file (within [`MAX_EXPORT_BYTES`]).
//!
//! The file is someone else's, so what it may cost is bounded: it is read
//! piece by piece ([`json`]), and what the trail read from it holds in
//! memory may not pass [`HELD_PER_BYTE`] times the file's size. The densest
//! export discern writes (short choices, every one answered) holds under
//! two bytes for each of its bytes; a file of a hundred thousand empty
//! answers (50 bytes of JSON each, some 400 once read) is no export, and is
//! refused before it costs.

mod json;

use chrono::NaiveDate;
use json::Raw;

use super::{Annotation, AnswerRecord, FollowUp, GridRef, Held, Time, Trail};
use crate::grid::{Answer, Kind};

/// The largest file read as a trail's JSON export: an export is some tens
/// of kilobytes (one of 20,000 answers, 8 MB). A larger file is refused
/// from its size, before it is read.
pub const MAX_EXPORT_BYTES: u64 = 16 * 1024 * 1024;

/// What the trail read from an export may hold in memory, for each byte of
/// the file (and 1 MB whatever its size). `compare` then holds about twice
/// as much again for its rows (some 2 KB an answer in all): the whole stays
/// under ten times the file (`tests/cli_costly_inputs.rs` measures it).
const HELD_PER_BYTE: usize = 3;
const HELD_AT_LEAST: usize = 1024 * 1024;

/// Why a file is not a trail's JSON export.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// Not JSON at all, with serde's line and column.
    NotJson { line: usize, column: usize },
    /// JSON, but not shaped like an export: the field that is missing or wrong.
    NotAnExport(String),
    /// Larger than [`MAX_EXPORT_BYTES`].
    TooLarge { bytes: u64, limit: u64 },
    /// Far more answers, annotations or follow-ups than a file of its size
    /// holds when discern writes it.
    TooDense,
}

fn not(field: &str) -> ImportError {
    ImportError::NotAnExport(field.to_string())
}

/// The trail an export describes: its answers with the labels it gives, its
/// annotations and follow-ups. The history of each answer is not read back
/// (a comparison does not use it).
pub fn from_export_json(text: &str) -> Result<Trail, ImportError> {
    read(text, HELD_PER_BYTE)
}

/// [`from_export_json`], holding at most `per_byte` bytes in memory for each
/// byte of `text`.
fn read(text: &str, per_byte: usize) -> Result<Trail, ImportError> {
    let top = json::whole(text).map_err(|e| ImportError::NotJson { line: e.line(), column: e.column() })?;
    let mut reader = Reader { left: text.len().saturating_mul(per_byte).saturating_add(HELD_AT_LEAST) };
    let names = ["format", "grid", "created", "steps", "annotations", "follow_ups", "id", "title", "updated"];
    let [format, grid, created, steps, annotations, follow_ups, id, title, updated] =
        json::fields(top, names).ok_or_else(|| not("format"))?;
    if format.and_then(json::read::<i64>) != Some(1) {
        return Err(not("format"));
    }
    let grid = grid.ok_or_else(|| not("grid"))?;
    let created = time(created, "created")?;
    let answers = reader.answers(steps.ok_or_else(|| not("steps"))?, created)?;
    let annotations = reader.list(annotations, Reader::annotation)?;
    let follow_ups = reader.list(follow_ups, Reader::follow_up)?;
    let [grid_id, version, language, grid_title] =
        json::fields(grid, ["id", "version", "language", "title"]).ok_or_else(|| not("id"))?;
    Ok(Trail {
        id: reader.string(id, "id")?,
        title: reader.string(title, "title")?,
        created,
        updated: time(updated, "updated")?,
        grid: GridRef {
            id: reader.string(grid_id, "id")?,
            version: reader.string(version, "version")?,
            language: reader.string(language, "language")?,
            title: reader.string(grid_title, "title")?,
            outcome: None,
            path: None,
        },
        answers,
        annotations,
        place: None,
        follow_ups,
    })
}

/// A string field as it is (no memory counted: for what is not kept).
fn plain_string(raw: Option<Raw<'_>>, name: &str) -> Result<String, ImportError> {
    raw.and_then(json::read::<String>).ok_or_else(|| not(name))
}

fn time(raw: Option<Raw<'_>>, name: &str) -> Result<Time, ImportError> {
    chrono::DateTime::parse_from_rfc3339(&plain_string(raw, name)?).map_err(|_| not(name))
}

/// What a string costs in memory: its bytes and the allocator's own.
fn cost(s: &str) -> usize {
    if s.is_empty() { 0 } else { s.len() + 16 }
}

/// Reads the pieces of an export, counting what it keeps of them.
struct Reader {
    /// The memory the trail may still take, in bytes.
    left: usize,
}

impl Reader {
    fn hold(&mut self, bytes: usize) -> Result<(), ImportError> {
        self.left = self.left.checked_sub(bytes).ok_or(ImportError::TooDense)?;
        Ok(())
    }

    /// A string field, counted.
    fn string(&mut self, raw: Option<Raw<'_>>, name: &str) -> Result<String, ImportError> {
        let s = plain_string(raw, name)?;
        self.hold(cost(&s))?;
        Ok(s)
    }

    /// The answered questions of every step, one step and one question at
    /// a time.
    fn answers(&mut self, steps: Raw<'_>, created: Time) -> Result<Vec<AnswerRecord>, ImportError> {
        let mut answers = Vec::new();
        json::each(steps, |step| {
            let [id, title, questions] =
                json::fields(step, ["id", "title", "questions"]).ok_or_else(|| not("id"))?;
            let step_id = plain_string(id, "id")?;
            let step_title = plain_string(title, "title")?;
            let questions = questions.ok_or_else(|| not("questions"))?;
            json::each(questions, |q| {
                if let Some(record) = self.question(q, &step_id, &step_title, created)? {
                    answers.push(record);
                }
                Ok(())
            })
            .map_err(|e| e.unwrap_or_else(|| not("questions")))
        })
        .map_err(|e| e.unwrap_or_else(|| not("steps")))?;
        Ok(answers)
    }

    /// One question, as an answer record; `None` when unanswered.
    fn question(
        &mut self,
        q: Raw<'_>,
        step: &str,
        step_title: &str,
        created: Time,
    ) -> Result<Option<AnswerRecord>, ImportError> {
        let names = ["kind", "answer", "answer_labels", "answered_at", "id", "prompt", "shown"];
        let [kind, answer, labels, answered_at, id, prompt, shown] =
            json::fields(q, names).ok_or_else(|| not("kind"))?;
        let kind = Kind::from_name(&plain_string(kind, "kind")?).ok_or_else(|| not("kind"))?;
        let Some((answer, options)) = self.answer(kind, answer.ok_or_else(|| not("answer"))?, labels)? else {
            return Ok(None);
        };
        let at = match answered_at.and_then(json::read::<String>) {
            Some(_) => time(answered_at, "answered_at")?,
            None => created,
        };
        // The record, and half again for the room of a vector that doubles.
        self.hold(std::mem::size_of::<AnswerRecord>() * 3 / 2 + cost(step) + cost(step_title))?;
        Ok(Some(AnswerRecord {
            step: step.to_string(),
            question: self.string(id, "id")?,
            step_title: step_title.to_string(),
            kind,
            prompt: self.string(prompt, "prompt")?,
            options,
            answer: Some(answer),
            at,
            hidden: shown.and_then(json::read::<bool>) == Some(false),
            history: Vec::new(),
        }))
    }

    /// The answer of one exported question, with the (id, label) of the
    /// options it chose; `None` when unanswered. An "other" text reads as an
    /// option id here: `settle_other` tells them apart once the grid is known.
    fn answer(
        &mut self,
        kind: Kind,
        answer: Raw<'_>,
        labels: Option<Raw<'_>>,
    ) -> Result<Option<(Answer, Options)>, ImportError> {
        let bad = || not("answer");
        if json::is_null(answer) {
            return Ok(None);
        }
        Ok(Some(match kind {
            Kind::Text => (Answer::Text(self.string(Some(answer), "answer")?), Vec::new()),
            Kind::Scale => (Answer::Scale(json::read(answer).ok_or_else(bad)?), Vec::new()),
            Kind::Date => {
                let day: String = json::read(answer).ok_or_else(bad)?;
                (Answer::Date(NaiveDate::parse_from_str(&day, "%Y-%m-%d").map_err(|_| bad())?), Vec::new())
            }
            Kind::Choice => {
                let id = self.string(Some(answer), "answer")?;
                let label = self.labels(labels, 1)?.pop().unwrap_or_else(|| id.clone());
                self.hold(cost(&id) + std::mem::size_of::<(String, String)>())?;
                (Answer::Choice(id.clone()), vec![(id, label)])
            }
            Kind::Multi => {
                let mut ids = Vec::new();
                json::each(answer, |id| {
                    let id = self.string(Some(id), "answer")?;
                    // The id, its copy beside its label, and their room.
                    self.hold(cost(&id) + 2 * std::mem::size_of::<(String, String, String)>())?;
                    ids.push(id);
                    Ok(())
                })
                .map_err(|e| e.unwrap_or_else(bad))?;
                let mut labels = self.labels(labels, ids.len())?.into_iter();
                let options: Options =
                    ids.iter().map(|id| (id.clone(), labels.next().unwrap_or_else(|| id.clone()))).collect();
                (Answer::Multi { options: ids, other: None }, options)
            }
            Kind::Note => return Ok(None),
        }))
    }

    /// The first `wanted` labels of `answer_labels` that are strings: a
    /// longer list is not read further.
    fn labels(&mut self, labels: Option<Raw<'_>>, wanted: usize) -> Result<Vec<String>, ImportError> {
        let mut kept = Vec::new();
        let Some(labels) = labels else { return Ok(kept) };
        let read = json::each(labels, |label| {
            if kept.len() == wanted {
                return Err(None);
            }
            if let Some(label) = json::read::<String>(label) {
                self.hold(cost(&label)).map_err(Some)?;
                kept.push(label);
            }
            Ok(())
        });
        match read {
            Err(Some(Some(e))) => Err(e),
            _ => Ok(kept),
        }
    }

    /// A list of annotations or follow-ups, one at a time; none when the
    /// export has no such list.
    fn list<T>(
        &mut self,
        raw: Option<Raw<'_>>,
        one: fn(&mut Reader, Raw<'_>) -> Result<T, ImportError>,
    ) -> Result<Vec<T>, ImportError> {
        let mut list = Vec::new();
        let Some(raw) = raw else { return Ok(list) };
        let read = json::each(raw, |item| {
            self.hold(2 * std::mem::size_of::<T>())?;
            list.push(one(self, item)?);
            Ok(())
        });
        match read {
            Err(Some(e)) => Err(e),
            // Not a list: none.
            Err(None) => Ok(Vec::new()),
            Ok(()) => Ok(list),
        }
    }

    fn annotation(&mut self, a: Raw<'_>) -> Result<Annotation, ImportError> {
        let [at, author, step, question, text] =
            json::fields(a, ["at", "author", "step", "question", "text"]).ok_or_else(|| not("at"))?;
        Ok(Annotation {
            at: time(at, "at")?,
            author: self.string(author, "author")?,
            step: self.string(step, "step")?,
            question: self.string(question, "question")?,
            text: self.string(text, "text")?,
        })
    }

    fn follow_up(&mut self, f: Raw<'_>) -> Result<FollowUp, ImportError> {
        let [at, happened, held, learned, revisit] =
            json::fields(f, ["at", "happened", "held", "learned", "revisit"]).ok_or_else(|| not("held"))?;
        let held: Held = held.and_then(json::read).ok_or_else(|| not("held"))?;
        let revisit = match revisit.and_then(json::read::<String>) {
            Some(d) => Some(NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|_| not("revisit"))?),
            None => None,
        };
        Ok(FollowUp {
            at: time(at, "at")?,
            happened: self.string(happened, "happened")?,
            held,
            learned: self.string(learned, "learned")?,
            revisit,
        })
    }
}

type Options = Vec<(String, String)>;

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
    fn the_densest_export_discern_writes_is_read_with_room_to_spare() {
        // Every question a choice with short ids, labels and prompts, all
        // answered, in the JSON discern writes (indented).
        let src = GRID.replace("prompt = \"Choix ?\"", "prompt = \"P?\"");
        let grid = parse(&src).unwrap();
        let json = exported(&grid, vec![Answer::Choice("a".into())]);
        let mut export = serde_json::from_str::<serde_json::Value>(&json).unwrap();
        let question = export["steps"][0]["questions"][0].clone();
        let questions: Vec<serde_json::Value> = (0..40_000)
            .map(|i| {
                let mut q = question.clone();
                q["id"] = format!("c{i}").into();
                q
            })
            .collect();
        export["steps"][0]["questions"] = questions.into();
        let written = serde_json::to_string_pretty(&export).unwrap();
        assert!(written.len() > 3 * HELD_AT_LEAST, "large enough for the bound per byte to count");
        // Even with two bytes held a byte of the file, where the limit is three.
        let back = read(&written, 2).unwrap();
        assert_eq!(back.answers.len(), 40_000);
        assert_eq!(back.answers[39_999].labels(back.answers[39_999].answer.as_ref().unwrap()), ["Oui"]);
    }

    #[test]
    fn a_file_packed_with_empty_answers_is_refused_before_it_costs() {
        let one = r#"{"id":"","kind":"scale","prompt":"","answer":1}"#;
        let questions = vec![one; 200_000].join(",");
        let json = format!(
            r#"{{"format":1,"id":"x","title":"t","created":"2026-11-20T10:00:00+01:00","updated":"2026-11-20T10:00:00+01:00","grid":{{"id":"g","version":"1","language":"fr","title":"G"}},"steps":[{{"id":"s","title":"S","questions":[{questions}]}}]}}"#
        );
        assert_eq!(from_export_json(&json), Err(ImportError::TooDense));
    }

    #[test]
    fn other_json_is_refused_with_what_is_missing() {
        assert_eq!(from_export_json("{}"), Err(ImportError::NotAnExport("format".into())));
        assert!(matches!(from_export_json("{ nope"), Err(ImportError::NotJson { line: 1, .. })));
    }
}
