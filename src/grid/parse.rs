//! From the text of a grid file to a `Grid`, or to every problem found.
//!
//! The TOML is read into toml's spanned document tree and walked by hand
//! rather than through serde derive: that is what lets one pass report every
//! unknown key, missing key and wrong type with its line and column, instead
//! of stopping at the first.

use std::collections::HashSet;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::condition::{Condition, ConditionAt};
use super::problem::{Expected, Lines, Place, Pos, Problem, ProblemKind};
use super::validate::{self, Parsed};
use super::{
    DateBounds, FORMATS, Grid, GridMeta, GridOption, Question, QuestionKind, Reference, Scale, Step,
};
use super::{is_grid_id, is_item_id, is_option_id};

/// Grids larger than this are refused before parsing: no real grid comes close,
/// and a huge file should get an error, not a long wait.
pub const MAX_GRID_BYTES: u64 = 4 * 1024 * 1024;

/// Reads a grid from raw bytes: checks size and encoding, then parses and validates.
pub fn parse_bytes(bytes: &[u8]) -> Result<Grid, Vec<Problem>> {
    let at_start = |kind| vec![problem_at(Pos { line: 1, column: 1 }, kind)];
    if bytes.len() as u64 > MAX_GRID_BYTES {
        return Err(at_start(ProblemKind::TooLarge { bytes: bytes.len() as u64, limit: MAX_GRID_BYTES }));
    }
    match std::str::from_utf8(bytes) {
        Ok(src) if super::budget::items(src) > super::budget::MAX_GRID_ITEMS => {
            Err(at_start(ProblemKind::TooManyItems { limit: super::budget::MAX_GRID_ITEMS }))
        }
        Ok(src) => parse(src),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let valid = std::str::from_utf8(valid).expect("valid_up_to is a char boundary");
            Err(vec![problem_at(Pos::at(valid, valid.len()), ProblemKind::NotUtf8)])
        }
    }
}

fn problem_at(pos: Pos, kind: ProblemKind) -> Problem {
    Problem { pos, place: Place::File, kind }
}

/// Parses and validates the text of a grid file.
pub fn parse(src: &str) -> Result<Grid, Vec<Problem>> {
    if src.trim().is_empty() {
        return Err(vec![problem_at(Pos { line: 1, column: 1 }, ProblemKind::Empty)]);
    }
    let (doc, errors) = DeTable::parse_recoverable(src);
    let lines = Lines::new(src);
    if !errors.is_empty() {
        let mut problems: Vec<Problem> = errors
            .iter()
            .map(|e| {
                let at = e.span().map_or(0, |s| s.start);
                problem_at(lines.pos(at), ProblemKind::Syntax(e.message().to_string()))
            })
            .collect();
        problems.sort_by_key(|p| p.pos);
        problems.dedup();
        super::problem::cap(&mut problems);
        return Err(problems);
    }
    let mut reader = Reader { lines: &lines, problems: Vec::new(), format: 2 };
    let parsed = reader.document(doc.get_ref(), doc.span());
    let mut problems = reader.problems;
    if let Some(parsed) = parsed {
        validate::check(&lines, &parsed, &mut problems);
        if problems.is_empty() {
            return Ok(parsed.grid);
        }
    }
    super::problem::cap(&mut problems);
    Err(problems)
}

type Value<'i> = Spanned<DeValue<'i>>;

struct Reader<'s> {
    lines: &'s Lines<'s>,
    problems: Vec<Problem>,
    /// The file's `format`, once read: what format 2 adds is an error in a
    /// format 1 file. Unknown formats are reported on their own, so they
    /// read as the newest.
    format: i64,
}

/// A question as read: `question` is `None` when it has problems of its
/// own, but its id and condition are still checked with the others.
struct ReadQuestion {
    id: String,
    id_at: usize,
    when: Option<ConditionAt>,
    question: Option<Question>,
}

/// One table being read, and the keys it may hold.
struct Table<'t, 'i> {
    entries: &'t DeTable<'i>,
    span: Range<usize>,
    place: Place,
}

impl<'t, 'i> Table<'t, 'i> {
    fn get(&self, key: &str) -> Option<&'t Value<'i>> {
        self.entries.get(key)
    }
}

impl<'s> Reader<'s> {
    fn report(&mut self, at: usize, place: &Place, kind: ProblemKind) {
        let problem = Problem { pos: self.lines.pos(at), place: place.clone(), kind };
        super::problem::push_capped(&mut self.problems, problem);
    }

    /// Reports every key of `table` that is not in `allowed`.
    fn only_keys(&mut self, table: &Table, allowed: &[&str]) {
        for (key, _) in table.entries.iter() {
            let key_name: &str = key.get_ref();
            if !allowed.contains(&key_name) {
                let suggestion = allowed.iter().find(|a| close(a, key_name)).map(|a| a.to_string());
                let kind = ProblemKind::UnknownKey { key: key_name.to_string(), suggestion };
                self.report(key.span().start, &table.place, kind);
            }
        }
    }

    /// Reports `key` when the file declares format 1: it needs format 2.
    fn needs_format_2(&mut self, at: usize, place: &Place, key: &str) {
        if self.format < 2 {
            self.report(at, place, ProblemKind::NeedsFormat2(key.to_string()));
        }
    }

    /// Reports an `exclusive` key where it means nothing: it belongs to the
    /// options of `multi` questions alone.
    fn exclusive_not_here(&mut self, t: &Table) {
        if let Some((k, _)) = t.entries.get_key_value("exclusive") {
            self.report(k.span().start, &t.place, ProblemKind::ExclusiveNotHere);
        }
    }

    fn wrong_type(&mut self, value: &Value, key: &str, place: &Place, expected: Expected) {
        self.report(value.span().start, place, ProblemKind::WrongType { key: key.to_string(), expected });
    }

    fn missing(&mut self, table: &Table, key: &str) {
        self.report(table.span.start, &table.place, ProblemKind::MissingKey(key.to_string()));
    }

    fn string(&mut self, table: &Table, key: &str, required: bool) -> Option<String> {
        match table.get(key) {
            None => {
                if required {
                    self.missing(table, key);
                }
                None
            }
            // A file saved with Windows line endings keeps them inside its
            // multi-line strings: they become plain line breaks.
            Some(v) => match v.get_ref() {
                DeValue::String(s) => Some(super::answer::line_breaks(s).into_owned()),
                _ => {
                    self.wrong_type(v, key, &table.place, Expected::String);
                    None
                }
            },
        }
    }

    fn string_at(&mut self, table: &Table, key: &str, required: bool) -> Option<(String, usize)> {
        let start = table.get(key).map(|v| v.span().start);
        self.string(table, key, required).zip(start)
    }

    fn integer(&mut self, table: &Table, key: &str) -> Option<i64> {
        let v = table.get(key)?;
        match v.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()) {
                Ok(n) => Some(n),
                Err(_) => {
                    self.wrong_type(v, key, &table.place, Expected::Integer);
                    None
                }
            },
            _ => {
                self.wrong_type(v, key, &table.place, Expected::Integer);
                None
            }
        }
    }

    fn boolean(&mut self, table: &Table, key: &str) -> Option<bool> {
        let v = table.get(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(v, key, &table.place, Expected::Boolean);
                None
            }
        }
    }

    fn strings(&mut self, table: &Table, key: &str) -> Vec<String> {
        let Some(v) = table.get(key) else { return Vec::new() };
        let items = match v.get_ref() {
            DeValue::Array(a) => a
                .iter()
                .map(|item| match item.get_ref() {
                    DeValue::String(s) => Some(super::answer::line_breaks(s).into_owned()),
                    _ => None,
                })
                .collect::<Option<Vec<_>>>(),
            _ => None,
        };
        items.unwrap_or_else(|| {
            self.wrong_type(v, key, &table.place, Expected::ArrayOfStrings);
            Vec::new()
        })
    }

    /// The tables of an array of tables; `None` when the key is absent.
    fn tables<'t, 'i>(
        &mut self,
        table: &Table<'t, 'i>,
        key: &str,
    ) -> Option<Vec<(&'t DeTable<'i>, Range<usize>)>> {
        let v = table.get(key)?;
        let tables = match v.get_ref() {
            DeValue::Array(a) => a
                .iter()
                .map(|item| match item.get_ref() {
                    DeValue::Table(t) => Some((t, item.span())),
                    _ => None,
                })
                .collect::<Option<Vec<_>>>(),
            _ => None,
        };
        if tables.is_none() {
            self.wrong_type(v, key, &table.place, Expected::ArrayOfTables);
        }
        Some(tables.unwrap_or_default())
    }

    fn document(&mut self, root: &DeTable, span: Range<usize>) -> Option<Parsed> {
        let top = Table { entries: root, span, place: Place::File };
        self.only_keys(&top, &["format", "grid", "steps"]);
        let format_ok = self.format(&top);
        let meta = self.meta(&top);
        let mut conditions = Vec::new();
        let mut broken = Vec::new();
        let steps = match self.tables(&top, "steps") {
            None => {
                self.missing(&top, "steps");
                Vec::new()
            }
            Some(tables) => {
                if tables.is_empty() {
                    let at = top.get("steps").map_or(0, |v| v.span().start);
                    self.report(at, &Place::File, ProblemKind::NoSteps);
                }
                let mut steps: Vec<Step> = Vec::new();
                let mut seen = HashSet::new();
                for (i, (t, span)) in tables.into_iter().enumerate() {
                    let (step, id_at) = self.step(i, t, span, &mut conditions, &mut broken);
                    if let Some(at) = id_at
                        && !seen.insert(step.id.clone())
                    {
                        self.report(
                            at,
                            &Place::Step(step.id.clone()),
                            ProblemKind::DuplicateId(step.id.clone()),
                        );
                    }
                    steps.push(step);
                }
                steps
            }
        };
        // Problems of the format or of `[grid]` are already reported; the
        // steps are still checked, so that every problem is said at once.
        // Such a grid is never used: its problems make it an error.
        let (meta, outcome_at) = meta.unwrap_or_default();
        debug_assert!(format_ok || !self.problems.is_empty());
        Some(Parsed { grid: Grid { meta, steps }, outcome_at, conditions, broken })
    }

    fn format(&mut self, top: &Table) -> bool {
        let Some(v) = top.get("format") else {
            self.missing(top, "format");
            return false;
        };
        match v.get_ref() {
            DeValue::Integer(i) if FORMATS.iter().any(|f| f.to_string() == i.as_str()) => {
                self.format = i.as_str().parse().expect("one of FORMATS");
                true
            }
            DeValue::Integer(i) => {
                self.report(
                    v.span().start,
                    &Place::File,
                    ProblemKind::UnsupportedFormat(i.as_str().to_string()),
                );
                false
            }
            DeValue::String(s) => {
                self.report(v.span().start, &Place::File, ProblemKind::UnsupportedFormat(format!("\"{s}\"")));
                false
            }
            // Any other value names the versions read, as written in the file.
            _ => {
                // On one line, however the value was spread in the file.
                let written = self.lines.text(v.span()).split_whitespace().collect::<Vec<_>>().join(" ");
                let mut shown: String = written.chars().take(40).collect();
                if shown.len() < written.len() {
                    shown.push('…');
                }
                self.report(v.span().start, &Place::File, ProblemKind::UnsupportedFormat(shown));
                false
            }
        }
    }

    fn meta(&mut self, top: &Table) -> Option<(GridMeta, Option<usize>)> {
        let Some(v) = top.get("grid") else {
            self.missing(top, "grid");
            return None;
        };
        let DeValue::Table(entries) = v.get_ref() else {
            self.wrong_type(v, "grid", &Place::File, Expected::Table);
            return None;
        };
        let t = Table { entries, span: v.span(), place: Place::Grid };
        self.only_keys(
            &t,
            &["id", "version", "language", "title", "summary", "source", "authors", "license", "outcome"],
        );
        let id = self.string_at(&t, "id", true);
        if let Some((id, at)) = &id
            && !is_grid_id(id)
        {
            self.report(*at, &Place::Grid, ProblemKind::BadGridId(id.clone()));
        }
        let version = self.string(&t, "version", true);
        let language = self.string(&t, "language", true);
        let title = self.string(&t, "title", true);
        let outcome = self.string_at(&t, "outcome", false);
        // A missing or mistyped key is already reported; the rest of the
        // grid is still checked, so that every problem is said at once.
        let meta = GridMeta {
            id: id.map(|(id, _)| id).unwrap_or_default(),
            version: version.unwrap_or_default(),
            language: language.unwrap_or_default(),
            title: title.unwrap_or_default(),
            summary: self.string(&t, "summary", false),
            source: self.string(&t, "source", false),
            authors: self.strings(&t, "authors"),
            license: self.string(&t, "license", false),
            outcome: outcome.as_ref().map(|(o, _)| o.clone()),
        };
        Some((meta, outcome.map(|(_, at)| at)))
    }

    /// Reads the `id` of a step, question or option, and names the table's
    /// place after it (with `place`) so that every later problem points at it.
    fn item_id(
        &mut self,
        t: &mut Table,
        fallback: String,
        place: impl Fn(String) -> Place,
    ) -> (String, Option<usize>) {
        let found = self.string_at(t, "id", true);
        let id = found.as_ref().map_or(fallback, |(id, _)| id.clone());
        t.place = place(id.clone());
        if let Some((_, at)) = found {
            // GRID-FORMAT.md gives a pattern to step and question ids, and
            // none to option ids: those are only kept from being blank.
            let bad = match t.place {
                Place::Option(..) => (!is_option_id(&id)).then(|| ProblemKind::BadOptionId(id.clone())),
                _ => (!is_item_id(&id)).then(|| ProblemKind::BadId(id.clone())),
            };
            if let Some(kind) = bad {
                self.report(at, &t.place, kind);
            }
            return (id, Some(at));
        }
        (id, None)
    }

    fn step(
        &mut self,
        index: usize,
        entries: &DeTable,
        span: Range<usize>,
        conditions: &mut Vec<(usize, Option<usize>, Place, ConditionAt)>,
        broken: &mut Vec<String>,
    ) -> (Step, Option<usize>) {
        let mut t = Table { entries, span, place: Place::Step(format!("#{}", index + 1)) };
        let (id, id_at) = self.item_id(&mut t, format!("#{}", index + 1), Place::Step);
        self.only_keys(&t, &["id", "title", "guidance", "when", "questions", "references", "exclusive"]);
        self.exclusive_not_here(&t);
        let title = self.string(&t, "title", true);
        let guidance = self.string(&t, "guidance", false);
        let when = self.condition_key(&t);
        let mut questions = Vec::new();
        let mut seen = HashSet::new();
        for (i, (qt, qspan)) in self.tables(&t, "questions").unwrap_or_default().into_iter().enumerate() {
            let read = self.question(&id, i, qt, qspan);
            let place = Place::Question(id.clone(), read.id.clone());
            // A question left out for its own problems still counts: its id
            // may be repeated, and its condition is checked where it stands.
            if !seen.insert(read.id.clone()) {
                self.report(read.id_at, &place, ProblemKind::DuplicateId(read.id.clone()));
            }
            if let Some(c) = read.when {
                conditions.push((index, Some(questions.len()), place, c));
            }
            match read.question {
                Some(q) => questions.push(q),
                None => broken.push(format!("{id}.{}", read.id)),
            }
        }
        let references = self
            .tables(&t, "references")
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .filter_map(|(i, (rt, rspan))| self.reference(&id, i, rt, rspan))
            .collect();
        if let Some(c) = &when {
            conditions.push((index, None, Place::Step(id.clone()), c.clone()));
        }
        // A missing title is already reported; the step is kept so that the
        // checks of later conditions see the grid's real order.
        let step = Step {
            id,
            title: title.unwrap_or_default(),
            guidance,
            when: when.map(|c| c.condition),
            questions,
            references,
        };
        (step, id_at)
    }

    fn reference(
        &mut self,
        step: &str,
        index: usize,
        entries: &DeTable,
        span: Range<usize>,
    ) -> Option<Reference> {
        let t = Table { entries, span, place: Place::Reference(step.to_string(), index + 1) };
        self.only_keys(&t, &["label", "text", "url"]);
        let label = self.string(&t, "label", true);
        let text = self.string(&t, "text", false);
        let url = self.string(&t, "url", false);
        Some(Reference { label: label?, text, url })
    }

    fn question(&mut self, step: &str, index: usize, entries: &DeTable, span: Range<usize>) -> ReadQuestion {
        let fallback = format!("#{}", index + 1);
        let mut t =
            Table { entries, span: span.clone(), place: Place::Question(step.to_string(), fallback.clone()) };
        let (id, id_at) = self.item_id(&mut t, fallback, |id| Place::Question(step.to_string(), id));
        self.only_keys(
            &t,
            &[
                "id",
                "kind",
                "prompt",
                "hint",
                "required",
                "when",
                "options",
                "other",
                "min",
                "max",
                "min_label",
                "max_label",
                "min_days",
                "max_days",
                "exclusive",
            ],
        );
        self.exclusive_not_here(&t);
        let kind_name = self.string_at(&t, "kind", true);
        let prompt = self.string(&t, "prompt", true);
        let hint = self.string(&t, "hint", false);
        let required = self.boolean(&t, "required").unwrap_or(false);
        let when = self.condition_key(&t);
        let kind = match kind_name {
            None => None,
            Some((name, at)) => match super::Kind::from_name(&name) {
                None => {
                    self.report(
                        at,
                        &t.place,
                        ProblemKind::UnknownKind { kind: name, date: self.format >= 2 },
                    );
                    None
                }
                Some(kind) => {
                    if kind == super::Kind::Date {
                        self.needs_format_2(at, &t.place, "kind = \"date\"");
                    }
                    self.question_kind(&t, kind, step, &id)
                }
            },
        };
        let question = match (kind, prompt) {
            (Some(kind), Some(prompt)) => {
                let condition = when.as_ref().map(|c| c.condition.clone());
                Some(Question { id: id.clone(), kind, prompt, hint, required, when: condition })
            }
            _ => None,
        };
        ReadQuestion { id, id_at: id_at.unwrap_or(span.start), when, question }
    }

    fn question_kind(
        &mut self,
        t: &Table,
        kind: super::Kind,
        step: &str,
        question: &str,
    ) -> Option<QuestionKind> {
        use super::Kind as K;
        let specific: &[&str] = match kind {
            K::Choice | K::Multi => &["options", "other"],
            K::Scale => &["min", "max", "min_label", "max_label"],
            K::Date => &["min_days", "max_days"],
            K::Text | K::Note => &[],
        };
        for key in ["options", "other", "min", "max", "min_label", "max_label", "min_days", "max_days"] {
            if !specific.contains(&key)
                && let Some((k, _)) = t.entries.get_key_value(key)
            {
                self.report(
                    k.span().start,
                    &t.place,
                    ProblemKind::KeyNotForKind { key: key.to_string(), kind },
                );
            }
        }
        match kind {
            K::Text => Some(QuestionKind::Text),
            K::Note => Some(QuestionKind::Note),
            K::Choice | K::Multi => {
                let other = self.boolean(t, "other").unwrap_or(false);
                let options = self.options(t, step, question, kind == K::Multi)?;
                Some(if kind == K::Choice {
                    QuestionKind::Choice { options, other }
                } else {
                    QuestionKind::Multi { options, other }
                })
            }
            K::Scale => self.scale(t),
            K::Date => self.date(t),
        }
    }

    fn date(&mut self, t: &Table) -> Option<QuestionKind> {
        let min_days = self.integer(t, "min_days");
        let max_days = self.integer(t, "max_days");
        for (key, days) in [("min_days", min_days), ("max_days", max_days)] {
            if let Some(days) = days.filter(|d| d.unsigned_abs() > super::date::MAX_DATE_BOUND) {
                let at = t.get(key).map_or(t.span.start, |v| v.span().start);
                self.report(at, &t.place, ProblemKind::DateBoundFar { key, days });
                return None;
            }
        }
        if let (Some(min), Some(max)) = (min_days, max_days)
            && min > max
        {
            let at = t.get("min_days").map_or(t.span.start, |v| v.span().start);
            self.report(at, &t.place, ProblemKind::DateBounds { min, max });
            return None;
        }
        Some(QuestionKind::Date(DateBounds { min_days, max_days }))
    }

    fn options(&mut self, t: &Table, step: &str, question: &str, multi: bool) -> Option<Vec<GridOption>> {
        let Some(v) = t.get("options") else {
            self.missing(t, "options");
            return None;
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(v, "options", &t.place, Expected::ArrayOfTables);
            return None;
        };
        let mut options: Vec<GridOption> = Vec::new();
        let mut seen = HashSet::new();
        let mut complete = true;
        for (i, item) in items.iter().enumerate() {
            let DeValue::Table(entries) = item.get_ref() else {
                self.wrong_type(item, "options", &t.place, Expected::ArrayOfTables);
                complete = false;
                continue;
            };
            let fallback = format!("#{}", i + 1);
            let mut ot = Table {
                entries,
                span: item.span(),
                place: Place::Option(step.to_string(), question.to_string(), fallback.clone()),
            };
            let (id, id_at) = self
                .item_id(&mut ot, fallback, |id| Place::Option(step.to_string(), question.to_string(), id));
            self.only_keys(&ot, &["id", "label", "hint", "exclusive"]);
            let exclusive = match ot.entries.get_key_value("exclusive") {
                None => false,
                Some((k, _)) if !multi => {
                    self.report(k.span().start, &ot.place, ProblemKind::ExclusiveNotHere);
                    false
                }
                Some((k, _)) => {
                    self.needs_format_2(k.span().start, &ot.place, "exclusive");
                    self.boolean(&ot, "exclusive").unwrap_or(false)
                }
            };
            if !seen.insert(id.clone()) {
                self.report(
                    id_at.unwrap_or(item.span().start),
                    &ot.place,
                    ProblemKind::DuplicateId(id.clone()),
                );
            }
            let label = self.string(&ot, "label", true);
            let hint = self.string(&ot, "hint", false);
            match label {
                Some(label) => options.push(GridOption { id, label, hint, exclusive }),
                None => complete = false,
            }
        }
        if items.len() < 2 {
            self.report(v.span().start, &t.place, ProblemKind::TooFewOptions);
            return None;
        }
        complete.then_some(options)
    }

    fn scale(&mut self, t: &Table) -> Option<QuestionKind> {
        let min = self.integer(t, "min");
        let max = self.integer(t, "max");
        if t.get("min").is_none() {
            self.missing(t, "min");
        }
        if t.get("max").is_none() {
            self.missing(t, "max");
        }
        let min_label = self.string(t, "min_label", false);
        let max_label = self.string(t, "max_label", false);
        let (min, max) = (min?, max?);
        let at = t.get("min").map_or(t.span.start, |v| v.span().start);
        if min >= max {
            self.report(at, &t.place, ProblemKind::ScaleBounds { min, max });
            return None;
        }
        if max.saturating_sub(min) > 10 {
            self.report(at, &t.place, ProblemKind::ScaleTooWide { min, max });
            return None;
        }
        Some(QuestionKind::Scale(Scale { min, max, min_label, max_label }))
    }

    fn condition_key(&mut self, t: &Table) -> Option<ConditionAt> {
        let v = t.get("when")?;
        self.condition(v, &t.place)
    }

    /// Reads one condition. Its positions are kept so that validation can
    /// point at the question or option it names.
    fn condition(&mut self, v: &Value, place: &Place) -> Option<ConditionAt> {
        let DeValue::Table(entries) = v.get_ref() else {
            self.wrong_type(v, "when", place, Expected::Condition);
            return None;
        };
        let t = Table { entries, span: v.span(), place: place.clone() };
        self.only_keys(&t, &["question", "is", "any_of", "answered", "all", "any", "not"]);
        let forms = ["question", "all", "any", "not"].iter().filter(|k| t.get(k).is_some()).count();
        let tests = ["is", "any_of", "answered"].iter().filter(|k| t.get(k).is_some()).count();
        let at = v.span().start;
        let ok_form = (forms == 1 && t.get("question").is_some() && tests == 1)
            || (forms == 1 && tests == 0 && t.get("question").is_none());
        if !ok_form {
            if t.entries.iter().all(|(k, _)| {
                ["question", "is", "any_of", "answered", "all", "any", "not"].contains(&k.get_ref().as_ref())
            }) {
                self.report(at, place, ProblemKind::ConditionForm);
            }
            return None;
        }
        if let Some(list) = t.get("all").or_else(|| t.get("any")) {
            let key = if t.get("all").is_some() { "all" } else { "any" };
            let DeValue::Array(items) = list.get_ref() else {
                self.wrong_type(list, key, place, Expected::ConditionList);
                return None;
            };
            if items.is_empty() {
                self.report(list.span().start, place, ProblemKind::ConditionEmptyList(key));
                return None;
            }
            let inner: Vec<ConditionAt> = items.iter().filter_map(|c| self.condition(c, place)).collect();
            if inner.len() != items.len() {
                return None;
            }
            return Some(ConditionAt::list(key == "all", inner, at));
        }
        if let Some(inner) = t.get("not") {
            return self.condition(inner, place).map(|c| ConditionAt::not(c, at));
        }
        let (question, q_at) = self.string_at(&t, "question", true)?;
        if let Some(is) = t.get("is") {
            let DeValue::String(option) = is.get_ref() else {
                self.wrong_type(is, "is", place, Expected::String);
                return None;
            };
            return Some(ConditionAt::leaf(
                Condition::Is { question, option: option.to_string() },
                q_at,
                vec![is.span().start],
            ));
        }
        if let Some(list) = t.get("any_of") {
            if let DeValue::Array(a) = list.get_ref()
                && a.is_empty()
            {
                self.report(list.span().start, place, ProblemKind::ConditionNoOption);
                return None;
            }
            let options = match list.get_ref() {
                DeValue::Array(a) if !a.is_empty() => a
                    .iter()
                    .map(|o| match o.get_ref() {
                        DeValue::String(s) => Some((s.to_string(), o.span().start)),
                        _ => None,
                    })
                    .collect::<Option<Vec<_>>>(),
                _ => None,
            };
            let Some(options) = options else {
                self.wrong_type(list, "any_of", place, Expected::ArrayOfStrings);
                return None;
            };
            let (ids, ats): (Vec<_>, Vec<_>) = options.into_iter().unzip();
            return Some(ConditionAt::leaf(Condition::AnyOf { question, options: ids }, q_at, ats));
        }
        let answered = self.boolean(&t, "answered")?;
        Some(ConditionAt::leaf(Condition::Answered { question, answered }, q_at, Vec::new()))
    }
}

/// Whether `typed` is one slip away from `known` (one character added,
/// removed or changed, or two neighbours swapped): enough to suggest it.
fn close(known: &str, typed: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (known.chars().collect(), typed.chars().collect());
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let swapped = a.len() == b.len()
        && prefix + 2 <= a.len()
        && a[prefix] == b[prefix + 1]
        && a[prefix + 1] == b[prefix]
        && a[prefix + 2..] == b[prefix + 2..];
    prefix + suffix + 1 >= a.len().max(b.len()) || swapped
}

#[cfg(test)]
mod tests {
    use super::close;

    #[test]
    fn a_key_one_slip_away_is_close() {
        assert!(close("prompt", "promt"));
        assert!(close("prompt", "prompts"));
        assert!(close("prompt", "pormpt"));
        assert!(close("guidance", "guidence"));
        assert!(!close("prompt", "hint"));
        assert!(!close("id", "id"));
    }

    #[test]
    fn windows_line_endings_in_a_grid_are_plain_line_breaks() {
        let text = "format = 1\n[grid]\nid = \"g\"\nversion = \"1\"\nlanguage = \"en\"\ntitle = \"G\"\n\
                    [[steps]]\nid = \"s\"\ntitle = \"S\"\nguidance = \"\"\"\nPara one.\n\nPara two.\n\"\"\"\n\
                    [[steps.questions]]\nid = \"q\"\nkind = \"text\"\nprompt = \"\"\"\nLine one.\nLine two.\"\"\"\n"
            .replace('\n', "\r\n");
        let grid = super::parse(&text).expect("a valid grid");
        assert_eq!(grid.steps[0].guidance.as_deref(), Some("Para one.\n\nPara two.\n"));
        assert_eq!(grid.steps[0].questions[0].prompt, "Line one.\nLine two.");
    }
}
