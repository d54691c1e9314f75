//! A trail as it stood at a past moment, rebuilt from the history of its
//! answers (`TRAIL@YYYY-MM-DD`, `TRAIL@YYYY-MM-DDTHH:MM`). Pure: the caller
//! reads the trail and chooses the time zone.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

use super::{AnswerRecord, Time, Trail};

/// A moment named on the command line: the end of a day or of a minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    Day(NaiveDate),
    Minute(NaiveDateTime),
}

impl Moment {
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (a space may stand for the `T`).
    pub fn parse(s: &str) -> Option<Moment> {
        if s.len() == 10 {
            return NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().map(Moment::Day);
        }
        if s.len() == 16 {
            let s = s.replacen(' ', "T", 1);
            return NaiveDateTime::parse_from_str(&s, "%Y-%m-%dT%H:%M").ok().map(Moment::Minute);
        }
        None
    }

    /// The last second of the day or minute, as wall-clock time.
    pub fn last_second(self) -> NaiveDateTime {
        match self {
            Moment::Day(d) => d.and_time(NaiveTime::from_hms_opt(23, 59, 59).expect("a valid time")),
            Moment::Minute(m) => m + chrono::Duration::seconds(59),
        }
    }

    /// The end of the moment in the zone `tz`. A wall-clock time that
    /// happens twice (clocks going back) is taken at its later instant; one
    /// that never happens (clocks going forward) just before the jump.
    pub fn end_in<Tz: TimeZone>(self, tz: &Tz) -> Option<Time> {
        let wall = self.last_second();
        let resolved = tz.from_local_datetime(&wall).latest().or_else(|| {
            // In a gap: the last second before it.
            (1..=180).find_map(|m| tz.from_local_datetime(&(wall - chrono::Duration::minutes(m))).latest())
        })?;
        Some(resolved.fixed_offset())
    }
}

/// Splits `TRAIL@MOMENT` into the trail and the moment. An `@` followed by
/// anything else is part of the name (a path may hold one).
pub fn split(arg: &str) -> (&str, Option<Moment>) {
    match arg.rsplit_once('@') {
        Some((trail, when)) if !trail.is_empty() => match Moment::parse(when) {
            Some(m) => (trail, Some(m)),
            None => (arg, None),
        },
        _ => (arg, None),
    }
}

/// Why a trail cannot be shown as it stood.
#[derive(Debug, Clone, PartialEq)]
pub enum AsOfError {
    /// The moment is before the trail was created.
    BeforeCreation { created: Time },
}

/// The trail as it stood at `at`: each answer as it was then (questions not
/// answered yet are left out), annotations made by then. The first answer of
/// a question whose time was not recorded (old trails) counts from the
/// trail's creation.
pub fn as_of(trail: &Trail, at: Time) -> Result<Trail, AsOfError> {
    if at < trail.created {
        return Err(AsOfError::BeforeCreation { created: trail.created });
    }
    let mut out = trail.clone();
    out.answers = trail.answers.iter().filter_map(|r| record_at(r, at, trail.created)).collect();
    out.annotations.retain(|a| a.at <= at);
    out.follow_ups.retain(|f| f.at <= at);
    out.place = None;
    let last = out
        .answers
        .iter()
        .map(|r| r.at)
        .chain(out.annotations.iter().map(|a| a.at))
        .chain(out.follow_ups.iter().map(|f| f.at))
        .max()
        .unwrap_or(trail.created);
    out.updated = last.max(trail.created).min(trail.updated);
    Ok(out)
}

/// One record as it stood at `at`, with the history that was behind it then.
fn record_at(r: &AnswerRecord, at: Time, created: Time) -> Option<AnswerRecord> {
    if r.at <= at {
        return Some(r.clone());
    }
    // The revision in force at `at` is the first one replaced after it.
    let i = r.history.iter().position(|h| h.at > at)?;
    let h = &r.history[i];
    let from = h.given.or_else(|| i.checked_sub(1).map(|p| r.history[p].at)).unwrap_or(created);
    if from > at {
        return None;
    }
    h.answer.as_ref()?;
    let mut record = r.clone();
    record.answer = h.answer.clone();
    record.at = from;
    record.history.truncate(i);
    Some(record)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::{Answer, Kind};
    use crate::trail::{Annotation, GridRef, Revision};

    fn time(s: &str) -> Time {
        chrono::DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn trail() -> Trail {
        let record = AnswerRecord {
            step: "s".into(),
            question: "q".into(),
            step_title: "S".into(),
            kind: Kind::Text,
            prompt: "Q?".into(),
            options: vec![],
            answer: Some(Answer::Text("third".into())),
            at: time("2026-11-21T18:00:00+01:00"),
            hidden: false,
            history: vec![
                Revision {
                    at: time("2026-11-21T10:00:00+01:00"),
                    answer: Some(Answer::Text("first".into())),
                    given: Some(time("2026-11-20T10:00:00+01:00")),
                },
                Revision {
                    at: time("2026-11-21T18:00:00+01:00"),
                    answer: Some(Answer::Text("second".into())),
                    given: None,
                },
            ],
        };
        let mut late = record.clone();
        late.question = "late".into();
        late.history.clear();
        Trail {
            id: "abc".into(),
            title: "T".into(),
            created: time("2026-11-20T09:00:00+01:00"),
            updated: time("2026-11-22T10:00:00+01:00"),
            grid: GridRef {
                id: "g".into(),
                version: "1".into(),
                language: "fr".into(),
                title: "G".into(),
                outcome: None,
                path: None,
            },
            answers: vec![record, late],
            annotations: vec![Annotation {
                at: time("2026-11-21T12:00:00+01:00"),
                author: "A".into(),
                step: "s".into(),
                question: "q".into(),
                text: "n".into(),
            }],
            place: None,
            follow_ups: vec![],
        }
    }

    fn text_of(t: &Trail, q: &str) -> Option<String> {
        t.record("s", q).and_then(|r| match &r.answer {
            Some(Answer::Text(s)) => Some(s.clone()),
            _ => None,
        })
    }

    #[test]
    fn each_answer_is_the_one_in_force_then() {
        let t = trail();
        let at = |s| as_of(&t, time(s)).unwrap();
        assert_eq!(text_of(&at("2026-11-20T09:30:00+01:00"), "q"), None);
        assert_eq!(text_of(&at("2026-11-20T10:00:00+01:00"), "q").as_deref(), Some("first"));
        assert_eq!(text_of(&at("2026-11-21T11:00:00+01:00"), "q").as_deref(), Some("second"));
        assert_eq!(text_of(&at("2026-11-21T17:59:59+01:00"), "q").as_deref(), Some("second"));
        assert_eq!(text_of(&at("2026-11-21T18:00:00+01:00"), "q").as_deref(), Some("third"));
        let mid = at("2026-11-21T11:00:00+01:00");
        assert_eq!(mid.record("s", "q").unwrap().history.len(), 1);
        assert!(mid.record("s", "late").is_none());
        assert!(mid.annotations.is_empty());
        assert_eq!(at("2026-11-21T12:00:00+01:00").annotations.len(), 1);
    }

    #[test]
    fn before_creation_is_an_error() {
        let t = trail();
        assert_eq!(
            as_of(&t, time("2026-11-20T08:59:59+01:00")),
            Err(AsOfError::BeforeCreation { created: t.created })
        );
    }

    #[test]
    fn moments_parse_and_end_at_their_last_second() {
        assert_eq!(split("abc@2026-11-20").0, "abc");
        assert_eq!(split("abc@2026-11-20T14:05").1.unwrap().last_second().to_string(), "2026-11-20 14:05:59");
        assert_eq!(split("a@b/abc").0, "a@b/abc");
        assert_eq!(split("abc@2026-13-01"), ("abc@2026-13-01", None));
        let end = Moment::parse("2026-11-20").unwrap().end_in(&chrono::FixedOffset::east_opt(3600).unwrap());
        assert_eq!(end, Some(time("2026-11-20T23:59:59+01:00")));
    }
}
