//! The trail file format (TOML, `format = 1`), to and from `Trail`. Pure:
//! the store does the reading and writing.
//!
//! A file cut short (a full disk, a copy that stopped) must never read as a
//! trail with fewer answers. So a trail says near its top, in its second
//! line, `ends_with = "[end]"`, and its last table is `[end]`, repeating its
//! id: a cut anywhere after the second line loses the `[end]` table (or cuts
//! it), and a cut before it loses the required keys. Trails written before
//! this (without `ends_with`) are still read as they are.

use serde::{Deserialize, Serialize};

use super::{Annotation, AnswerRecord, FORMATS, GridRef, Revision, Time, Trail};
use crate::grid::{Answer, Kind, Lines, Pos, is_item_id};

/// Why a trail file could not be read. Worded for the user by `text`
/// (`Lang::load_error`): the Display below is a short technical name, for
/// logs and tests, never shown to a person.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    #[error("unreadable: {0:?}")]
    Unreadable(std::io::ErrorKind),
    #[error("too large: {0} bytes")]
    TooLarge(u64),
    #[error("not UTF-8")]
    NotUtf8,
    #[error("empty")]
    Empty,
    /// The TOML itself, or a key missing or holding what discern does not
    /// write there: where, which key (a name discern writes, never one of
    /// the file's own) and what is wrong. Neither the line nor the value is
    /// kept: they may hold confidential text (toml's own words quote the
    /// value: « unknown variant `Mme Durand X` »).
    #[error("invalid {key:?} at {at:?}: {damage:?}")]
    Invalid { at: Option<Pos>, key: Option<String>, damage: Damage },
    /// `format` is there but is not a whole number this build knows.
    #[error("bad format at {}:{}", .0.line, .0.column)]
    BadFormat(Pos),
    /// A newer `format` than this build reads.
    #[error("newer format {0}")]
    Newer(i64),
    /// An answer that does not fit its kind, or names an option that is
    /// not among the question's.
    #[error("bad answer to {step}.{question}")]
    BadAnswer { step: String, question: String },
    /// An id that is not made of the letters, digits and dashes discern
    /// writes (it could reach a file name): `what` is "trail", "step" or "question".
    #[error("bad {what} id")]
    BadId { what: &'static str },
    /// Two answers to the same question.
    #[error("two answers to {step}.{question}")]
    DuplicateAnswer { step: String, question: String },
    /// `grid.outcome` is not a `step.question` name.
    #[error("bad outcome")]
    BadOutcome,
    /// The file stops before its end: it was cut short.
    #[error("cut short")]
    Cut,
    /// An encrypted trail, and no passphrase given in this run.
    #[error("encrypted, locked")]
    Locked,
    /// An encrypted trail that this folder's key does not open.
    #[error("undecryptable: {0}")]
    Undecryptable(String),
}

/// What is wrong with a damaged trail file, told without quoting it.
#[derive(Debug, Clone, PartialEq)]
pub enum Damage {
    /// The TOML itself is broken: the parser's words, which name what it
    /// expected and quote nothing of the file.
    Syntax(String),
    /// The key is missing.
    Missing,
    /// The value is none of those discern writes there, which are these.
    NotOneOf(Vec<String>),
    /// The value is not of the kind discern writes there.
    NotA(ValueKind),
    /// The value cannot be read as what discern writes there (a time that
    /// is no time).
    Unreadable,
}

/// The kinds of value a trail file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Text,
    Boolean,
    List,
    Integer,
    Table,
    Other,
}

/// The key and the damage toml's error describes, its value left out.
fn damage_of(e: &toml::de::Error) -> (Option<String>, Damage) {
    let message = e.message();
    // toml names the key only in its display without the text ("in `a.b`").
    let mut bare = e.clone();
    bare.set_input(None);
    let path = bare
        .to_string()
        .lines()
        .last()
        .and_then(|l| Some(l.strip_prefix("in `")?.strip_suffix('`')?.to_string()));
    // The names of the fields discern writes: a name of the file's own is
    // not repeated (it never reaches this error anyway: unknown keys are kept).
    let ours = |name: &str| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_');
    let path = path.filter(|p| p.split('.').all(ours));
    // What toml expected comes after the value it quotes: the last
    // ", expected " is toml's own, whatever the value holds.
    let expected = message.rsplit_once(", expected ").map(|(_, e)| e);
    if let Some(field) =
        message.strip_prefix("missing field `").and_then(|r| r.strip_suffix('`')).filter(|f| ours(f))
    {
        let key = match path {
            Some(p) => format!("{p}.{field}"),
            None => field.to_string(),
        };
        return (Some(key), Damage::Missing);
    }
    if path.is_none() && e.span().is_some() && !message.starts_with("invalid type") {
        return (None, Damage::Syntax(without_quotes(message)));
    }
    let damage = if message.starts_with("unknown variant") {
        let names: Vec<String> = expected
            .unwrap_or_default()
            .split('`')
            .skip(1)
            .step_by(2)
            .filter(|n| ours(n))
            .map(str::to_string)
            .collect();
        Damage::NotOneOf(names)
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        Damage::NotA(match expected.unwrap_or_default() {
            "a string" => ValueKind::Text,
            "a boolean" => ValueKind::Boolean,
            "a sequence" => ValueKind::List,
            "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "an integer" => ValueKind::Integer,
            e if e.starts_with("struct ") || e == "a map" || e == "a table" => ValueKind::Table,
            _ => ValueKind::Other,
        })
    } else {
        Damage::Unreadable
    };
    (path, damage)
}

/// The value of `ends_with`, and the name of the last table.
const END: &str = "[end]";

#[derive(Serialize, Deserialize)]
struct FileTrail {
    format: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ends_with: Option<String>,
    id: String,
    title: String,
    created: Time,
    updated: Time,
    grid: GridRef,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    answers: Vec<FileAnswer>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    annotations: Vec<FileAnnotation>,
    /// Follow-ups, beside the answers (absent from trails that have none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    follow_ups: Vec<FileFollowUp>,
    /// Where the worker stopped: `step` or `step.question`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end: Option<FileEnd>,
}

/// The last table of a trail file: its presence says the file is whole.
#[derive(Serialize, Deserialize)]
struct FileEnd {
    id: String,
}

#[derive(Serialize, Deserialize)]
struct FileAnswer {
    step: String,
    question: String,
    step_title: String,
    kind: Kind,
    prompt: String,
    at: Time,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    hidden: bool,
    #[serde(flatten)]
    value: FileValue,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    options: Vec<FileOption>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    history: Vec<FileRevision>,
}

#[derive(Serialize, Deserialize)]
struct FileOption {
    id: String,
    label: String,
}

#[derive(Serialize, Deserialize)]
struct FileRevision {
    at: Time,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    given: Option<Time>,
    #[serde(flatten)]
    value: FileValue,
}

/// An answer as plain keys; none of them means cleared.
#[derive(Serialize, Deserialize, Default)]
struct FileValue {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    choice: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    choices: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    other: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    scale: Option<i64>,
    /// `YYYY-MM-DD`, for a format 2 date question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct FileFollowUp {
    at: Time,
    held: super::Held,
    happened: String,
    learned: String,
    /// `YYYY-MM-DD`: the next revisit date set then; absent for none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    revisit: Option<chrono::NaiveDate>,
}

#[derive(Serialize, Deserialize)]
struct FileAnnotation {
    at: Time,
    author: String,
    step: String,
    question: String,
    text: String,
}

impl FileValue {
    fn from_answer(answer: &Option<Answer>) -> FileValue {
        let mut v = FileValue::default();
        match answer {
            None => {}
            Some(Answer::Text(t)) => v.text = Some(t.clone()),
            Some(Answer::Choice(c)) => v.choice = Some(c.clone()),
            Some(Answer::ChoiceOther(o)) => v.other = Some(o.clone()),
            Some(Answer::Multi { options, other }) => {
                v.choices = Some(options.clone());
                v.other = other.clone();
            }
            Some(Answer::Scale(n)) => v.scale = Some(*n),
            Some(Answer::Date(d)) => v.date = Some(d.format("%Y-%m-%d").to_string()),
        }
        v
    }

    /// The answer these keys hold for a question of `kind`; `Err` when they
    /// do not fit it.
    fn to_answer(&self, kind: Kind) -> Result<Option<Answer>, ()> {
        let FileValue { text, choice, choices, other, scale, date } = self;
        if let Some(date) = date {
            let all_else_empty =
                [text, choice, other].iter().all(|v| v.is_none()) && choices.is_none() && scale.is_none();
            let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| ())?;
            return if kind == Kind::Date && all_else_empty { Ok(Some(Answer::Date(day))) } else { Err(()) };
        }
        // A stray CR (a paste from another system, an older build) is a line break.
        let text = text.as_deref().map(|t| crate::grid::line_breaks(t).into_owned());
        let other = other.as_deref().map(|t| crate::grid::line_breaks(t).into_owned());
        let (text, other) = (&text, &other);
        Ok(match (kind, text, choice, choices, other, scale) {
            (_, None, None, None, None, None) => None,
            (Kind::Text, Some(t), None, None, None, None) => Some(Answer::Text(t.clone())),
            (Kind::Choice, None, Some(c), None, None, None) => Some(Answer::Choice(c.clone())),
            (Kind::Choice, None, None, None, Some(o), None) => Some(Answer::ChoiceOther(o.clone())),
            (Kind::Multi, None, None, c, o, None) => {
                Some(Answer::Multi { options: c.clone().unwrap_or_default(), other: o.clone() })
            }
            (Kind::Scale, None, None, None, None, Some(n)) => Some(Answer::Scale(*n)),
            _ => return Err(()),
        })
    }
}

pub fn to_toml(trail: &Trail) -> String {
    let file = FileTrail {
        format: 1,
        ends_with: Some(END.to_string()),
        id: trail.id.clone(),
        title: trail.title.clone(),
        created: trail.created,
        updated: trail.updated,
        grid: trail.grid.clone(),
        answers: trail
            .answers
            .iter()
            .map(|r| FileAnswer {
                step: r.step.clone(),
                question: r.question.clone(),
                step_title: r.step_title.clone(),
                kind: r.kind,
                prompt: r.prompt.clone(),
                at: r.at,
                hidden: r.hidden,
                value: FileValue::from_answer(&r.answer),
                options: r
                    .options
                    .iter()
                    .map(|(id, label)| FileOption { id: id.clone(), label: label.clone() })
                    .collect(),
                history: r
                    .history
                    .iter()
                    .map(|h| FileRevision {
                        at: h.at,
                        given: h.given,
                        value: FileValue::from_answer(&h.answer),
                    })
                    .collect(),
            })
            .collect(),
        annotations: trail
            .annotations
            .iter()
            .map(|a| FileAnnotation {
                at: a.at,
                author: a.author.clone(),
                step: a.step.clone(),
                question: a.question.clone(),
                text: a.text.clone(),
            })
            .collect(),
        follow_ups: trail
            .follow_ups
            .iter()
            .map(|f| FileFollowUp {
                at: f.at,
                held: f.held,
                happened: f.happened.clone(),
                learned: f.learned.clone(),
                revisit: f.revisit,
            })
            .collect(),
        place: trail.place.clone(),
        end: Some(FileEnd { id: trail.id.clone() }),
    };
    toml::to_string(&file).expect("a trail is always representable in TOML")
}

#[derive(Deserialize)]
struct FormatOnly {
    format: Option<toml::Spanned<toml::Value>>,
}

pub fn from_toml(text: &str) -> Result<Trail, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    let lines = Lines::new(text);
    let invalid = |e: toml::de::Error| {
        let (key, damage) = damage_of(&e);
        LoadError::Invalid { at: e.span().map(|s| lines.pos(s.start)), key, damage }
    };
    // The format is read on its own first, so that a newer trail is named as
    // such rather than as a pile of unknown fields.
    let format: FormatOnly = toml::from_str(text).map_err(invalid)?;
    let Some(format) = format.format else {
        return Err(LoadError::Invalid { at: None, key: Some("format".into()), damage: Damage::Missing });
    };
    match format.get_ref().as_integer() {
        Some(n) if FORMATS.contains(&n) => {}
        Some(n) if n > *FORMATS.last().expect("at least one format") => return Err(LoadError::Newer(n)),
        _ => return Err(LoadError::BadFormat(lines.pos(format.span().start))),
    }
    let file: FileTrail = toml::from_str(text).map_err(invalid)?;
    check_ids(&file)?;
    if file.ends_with.is_some() && file.end.as_ref().is_none_or(|end| end.id != file.id) {
        return Err(LoadError::Cut);
    }
    let mut answers = Vec::with_capacity(file.answers.len());
    let mut seen = std::collections::HashSet::new();
    for a in file.answers {
        let bad = || LoadError::BadAnswer { step: a.step.clone(), question: a.question.clone() };
        if !seen.insert((a.step.clone(), a.question.clone())) {
            return Err(LoadError::DuplicateAnswer { step: a.step.clone(), question: a.question.clone() });
        }
        let answer = a.value.to_answer(a.kind).map_err(|_| bad())?;
        let history = a
            .history
            .iter()
            .map(|h| h.value.to_answer(a.kind).map(|answer| Revision { at: h.at, answer, given: h.given }))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| bad())?;
        // A choice must be one of the options the trail recorded with it.
        let known = |id: &String| a.options.is_empty() || a.options.iter().any(|o| &o.id == id);
        let fits = std::iter::once(&answer).chain(history.iter().map(|h| &h.answer)).all(|v| match v {
            Some(Answer::Choice(c)) => known(c),
            Some(Answer::Multi { options, .. }) => options.iter().all(known),
            _ => true,
        });
        if !fits {
            return Err(bad());
        }
        answers.push(AnswerRecord {
            options: a.options.into_iter().map(|o| (o.id, o.label)).collect(),
            step: a.step,
            question: a.question,
            step_title: a.step_title,
            kind: a.kind,
            prompt: a.prompt,
            answer,
            at: a.at,
            hidden: a.hidden,
            history,
        });
    }
    Ok(Trail {
        id: file.id,
        title: file.title,
        created: file.created,
        updated: file.updated,
        grid: file.grid,
        answers,
        annotations: file
            .annotations
            .into_iter()
            .map(|a| Annotation {
                at: a.at,
                author: a.author,
                step: a.step,
                question: a.question,
                text: a.text,
            })
            .collect(),
        follow_ups: file
            .follow_ups
            .into_iter()
            .map(|f| super::FollowUp {
                at: f.at,
                happened: f.happened,
                held: f.held,
                learned: f.learned,
                revisit: f.revisit,
            })
            .collect(),
        place: file.place,
    })
}

/// Ids become parts of file names and of lookups: only the shapes discern
/// itself writes are trusted.
fn check_ids(file: &FileTrail) -> Result<(), LoadError> {
    let trail_id = !file.id.is_empty()
        && file.id.len() <= 64
        && file.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !trail_id {
        return Err(LoadError::BadId { what: "trail" });
    }
    for (step, question) in file
        .answers
        .iter()
        .map(|a| (&a.step, &a.question))
        .chain(file.annotations.iter().map(|a| (&a.step, &a.question)))
    {
        if !is_item_id(step) {
            return Err(LoadError::BadId { what: "step" });
        }
        if !is_item_id(question) {
            return Err(LoadError::BadId { what: "question" });
        }
    }
    if let Some(outcome) = &file.grid.outcome
        && !outcome.split_once('.').is_some_and(|(s, q)| is_item_id(s) && is_item_id(q))
    {
        return Err(LoadError::BadOutcome);
    }
    Ok(())
}

/// The parser's words with any quoted text replaced by `…`, in case some
/// day they quote the file; the quote it names as what it expected
/// (`` `"` ``) is kept.
fn without_quotes(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut inside = false;
    let chars: Vec<char> = message.trim().chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let named = i > 0 && chars[i - 1] == '`' && chars.get(i + 1) == Some(&'`');
        match (c, inside) {
            ('"', false) if named => out.push(c),
            ('"', false) => {
                inside = true;
                out.push_str("\"…");
            }
            ('"', true) => {
                inside = false;
                out.push('"');
            }
            (_, true) => {}
            ('\n', false) => out.push(' '),
            (c, false) => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(s: &str) -> Time {
        chrono::DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn sample() -> Trail {
        let t = time("2026-11-29T10:00:00+01:00");
        let record = |q: &str, kind, answer| AnswerRecord {
            step: "s".into(),
            question: q.into(),
            step_title: "Step".into(),
            kind,
            prompt: format!("Prompt {q}?"),
            options: vec![("a".into(), "A".into()), ("b".into(), "B".into())],
            answer,
            at: t,
            hidden: false,
            history: vec![],
        };
        let mut text = record("t", Kind::Text, Some(Answer::Text("line 1\nline \"2\"".into())));
        text.history.push(Revision {
            at: time("2026-11-29T09:59:00+01:00"),
            answer: Some(Answer::Text("old".into())),
            given: Some(time("2026-11-29T09:50:00+01:00")),
        });
        text.history.push(Revision { at: t, answer: None, given: None });
        let mut hidden = record("h", Kind::Choice, Some(Answer::ChoiceOther("autre".into())));
        hidden.hidden = true;
        Trail {
            id: "abcd2345".into(),
            title: "Demande de l'école".into(),
            created: t,
            updated: t,
            grid: GridRef {
                id: "g".into(),
                version: "1".into(),
                language: "fr".into(),
                title: "G".into(),
                outcome: Some("s.c".into()),
                path: Some("/tmp/g.toml".into()),
            },
            answers: vec![
                text,
                record("c", Kind::Choice, Some(Answer::Choice("b".into()))),
                record(
                    "m",
                    Kind::Multi,
                    Some(Answer::Multi { options: vec!["a".into()], other: Some("x".into()) }),
                ),
                record("n", Kind::Scale, Some(Answer::Scale(3))),
                record(
                    "d",
                    Kind::Date,
                    Some(Answer::Date(chrono::NaiveDate::from_ymd_opt(2026, 12, 15).unwrap())),
                ),
                record("cleared", Kind::Text, None),
                hidden,
            ],
            annotations: vec![Annotation {
                at: t,
                author: "Sup".into(),
                step: "s".into(),
                question: "t".into(),
                text: "Et le consentement ?".into(),
            }],
            place: Some("s.c".into()),
            follow_ups: vec![
                crate::trail::FollowUp::new(
                    t,
                    "Le collège a appelé.\nRien d'autre.",
                    crate::trail::Held::Partly,
                    "Demander plus tôt.",
                    chrono::NaiveDate::from_ymd_opt(2027, 1, 10),
                ),
                crate::trail::FollowUp::new(t, "", crate::trail::Held::TooEarly, "", None),
            ],
        }
    }

    #[test]
    fn a_stray_carriage_return_is_read_as_a_line_break() {
        let mut trail = sample();
        trail.answers[0].answer = Some(Answer::Text("un\rdeux\r\ntrois".into()));
        let back = from_toml(&to_toml(&trail)).unwrap();
        assert_eq!(back.answers[0].answer, Some(Answer::Text("un\ndeux\ntrois".into())));
    }

    /// Every key this version writes is one it knows: none is kept aside
    /// as unknown and put back over a newer value (a cleared date came back
    /// at the next save when `date` was missing from the known keys).
    #[test]
    fn every_key_written_is_known() {
        let text = to_toml(&sample());
        assert_eq!(crate::trail::unknown::Unknown::of(&text), None, "{text}");
    }

    #[test]
    fn a_trail_survives_a_round_trip() {
        let trail = sample();
        let text = to_toml(&trail);
        assert!(text.starts_with("format = 1\n"), "{text}");
        assert_eq!(from_toml(&text).unwrap(), trail);
        assert_eq!(trail.outcome_label().as_deref(), Some("B"));
    }

    #[test]
    fn a_date_answer_is_written_as_an_iso_day_and_a_bad_one_is_named() {
        let text = to_toml(&sample());
        assert!(text.contains("kind = \"date\"\n") && text.contains("date = \"2026-12-15\"\n"), "{text}");
        let bad = text.replacen("date = \"2026-12-15\"", "date = \"2026-02-30\"", 1);
        assert_eq!(from_toml(&bad), Err(LoadError::BadAnswer { step: "s".into(), question: "d".into() }));
        let on_text = text.replacen("scale = 3", "date = \"2026-12-15\"", 1);
        assert_eq!(from_toml(&on_text), Err(LoadError::BadAnswer { step: "s".into(), question: "n".into() }));
    }

    #[test]
    fn a_newer_format_is_named() {
        let text = to_toml(&sample()).replacen("format = 1", "format = 7", 1);
        assert_eq!(from_toml(&text), Err(LoadError::Newer(7)));
    }

    #[test]
    fn a_missing_field_is_invalid() {
        let text = to_toml(&sample()).replacen("title = \"Demande de l'école\"\n", "", 1);
        assert_eq!(
            from_toml(&text),
            Err(LoadError::Invalid {
                at: Some(Pos { line: 1, column: 1 }),
                key: Some("title".into()),
                damage: Damage::Missing
            })
        );
    }

    #[test]
    fn an_answer_that_does_not_fit_its_kind_is_named() {
        let text = to_toml(&sample()).replacen("scale = 3", "text = \"3\"", 1);
        assert_eq!(from_toml(&text), Err(LoadError::BadAnswer { step: "s".into(), question: "n".into() }));
    }

    #[test]
    fn a_trail_ends_with_its_end_table() {
        let text = to_toml(&sample());
        assert!(text.starts_with("format = 1\nends_with = \"[end]\"\n"), "{text}");
        assert!(text.ends_with("[end]\nid = \"abcd2345\"\n"), "{text}");
    }

    #[test]
    fn a_trail_cut_before_its_end_is_cut() {
        let text = to_toml(&sample());
        let cut = &text[..text.find("[[annotations]]").expect("an annotation")];
        assert_eq!(from_toml(cut), Err(LoadError::Cut));
    }

    #[test]
    fn a_trail_written_before_the_end_table_is_read_as_it_is() {
        let text = to_toml(&sample()).replacen("ends_with = \"[end]\"\n", "", 1);
        let text = &text[..text.find("[end]").expect("the end table")];
        assert_eq!(from_toml(text).unwrap(), sample());
    }

    #[test]
    fn a_damaged_line_is_placed_but_never_quoted() {
        let text =
            to_toml(&sample()).replacen("title = \"Demande de l'école\"", "title = \"Mme Dupont, 3 rue", 1);
        let Err(e @ LoadError::Invalid { at: Some(at), .. }) = from_toml(&text) else {
            panic!("not invalid")
        };
        // Line 4: after `format` and `ends_with`, then `id`.
        assert_eq!(at.line, 4);
        assert!(!format!("{e:?}").contains("Dupont"), "{e:?}");
        let text = to_toml(&sample()).replacen("created = ", "created = \"Mme Dupont\"\nx = ", 1);
        let Err(e @ LoadError::Invalid { .. }) = from_toml(&text) else { panic!("not invalid") };
        assert!(!format!("{e:?}").contains("Dupont"), "{e:?}");
    }

    /// Issue 21: toml's words quote the value (« unknown variant `Mme
    /// Durand X` », « invalid type: integer `1234` »): the key, the place
    /// and what discern writes there are kept, never the value.
    #[test]
    fn a_value_discern_does_not_write_is_named_by_its_key_never_quoted() {
        let base = to_toml(&sample());
        let damaged = |from: &str, to: &str| {
            assert!(base.contains(from), "{from}");
            match from_toml(&base.replacen(from, to, 1)) {
                Err(LoadError::Invalid { at: Some(_), key, damage }) => (key, damage),
                other => panic!("{to}: {other:?}"),
            }
        };
        let kinds = ["text", "choice", "multi", "scale", "note", "date"].map(String::from).to_vec();
        assert_eq!(
            damaged("kind = \"text\"", "kind = \"Mme Durand X\""),
            (Some("answers.kind".into()), Damage::NotOneOf(kinds))
        );
        assert_eq!(
            damaged("title = \"Demande de l'école\"", "title = 1234"),
            (Some("title".into()), Damage::NotA(ValueKind::Text))
        );
        assert_eq!(
            damaged("kind = \"text\"", "kind = \"text\"\nhidden = \"Mme Durand\""),
            (Some("answers.hidden".into()), Damage::NotA(ValueKind::Boolean))
        );
        let (key, damage) = damaged("created = \"", "created = \"Mme Durand");
        assert_eq!((key, damage), (Some("created".into()), Damage::Unreadable));
        let (key, damage) = damaged("title = \"Demande de l'école\"", "title = \"Mme Durand");
        assert_eq!(key, None);
        assert_eq!(damage, Damage::Syntax("invalid basic string, expected `\"`".into()));
        // A value that mimics toml's words does not reach the message either.
        let (key, damage) = damaged("kind = \"text\"", "kind = \"Mme Durand`, expected one of `Mme Dupont\"");
        assert_eq!(key.as_deref(), Some("answers.kind"));
        assert!(!format!("{damage:?}").contains("Dupont"), "{damage:?}");
    }

    #[test]
    fn a_bad_format_value_is_placed() {
        for bad in ["0", "\"1\"", "1.0"] {
            let text = format!(
                "# a comment\n{}",
                to_toml(&sample()).replacen("format = 1", &format!("format = {bad}"), 1)
            );
            assert_eq!(from_toml(&text), Err(LoadError::BadFormat(Pos { line: 2, column: 10 })), "{bad}");
        }
    }

    #[test]
    fn what_a_hostile_trail_could_slip_in_is_damage() {
        let text = to_toml(&sample());
        let cases = [
            (
                text.replacen("id = \"abcd2345\"", "id = \"../../../tmp/x\"", 1),
                LoadError::BadId { what: "trail" },
            ),
            (text.replacen("step = \"s\"", "step = \"../s\"", 1), LoadError::BadId { what: "step" }),
            (
                text.replacen("choice = \"b\"", "choice = \"zzz\"", 1),
                LoadError::BadAnswer { step: "s".into(), question: "c".into() },
            ),
            (
                text.replacen("choices = [\"a\"]", "choices = [\"a\", \"q\"]", 1),
                LoadError::BadAnswer { step: "s".into(), question: "m".into() },
            ),
            (
                text.replacen("question = \"c\"", "question = \"t\"", 1),
                LoadError::DuplicateAnswer { step: "s".into(), question: "t".into() },
            ),
            (text.replacen("outcome = \"s.c\"", "outcome = \"nothing\"", 1), LoadError::BadOutcome),
        ];
        for (text, expected) in cases {
            assert_eq!(from_toml(&text), Err(expected.clone()), "{expected:?}");
        }
    }

    #[test]
    fn empty_and_truncated_files_are_errors() {
        assert_eq!(from_toml(""), Err(LoadError::Empty));
        let text = to_toml(&sample());
        assert!(from_toml(&text[..text.len() / 2]).is_err());
    }
}
