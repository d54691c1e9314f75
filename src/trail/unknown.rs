//! Keys of a trail file that this version does not know (written by a newer
//! discern, or by hand): kept aside when a trail is read for writing and put
//! back on every save, so that opening a trail never silently drops them.

use std::collections::HashMap;

use toml::Table;

const TOP: &[&str] = &[
    "format",
    "ends_with",
    "id",
    "title",
    "created",
    "updated",
    "grid",
    "answers",
    "annotations",
    "follow_ups",
    "place",
    "end",
];
const GRID: &[&str] = &["id", "version", "language", "title", "outcome", "path"];
const ANSWER: &[&str] = &[
    "step",
    "question",
    "step_title",
    "kind",
    "prompt",
    "at",
    "hidden",
    "text",
    "choice",
    "choices",
    "other",
    "scale",
    "date",
    "options",
    "history",
];
const ANNOTATION: &[&str] = &["at", "author", "step", "question", "text"];

/// The unknown keys of one trail file, by where they stood: the file, its
/// `[grid]`, each answer (by step and question) and each annotation (by rank).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Unknown {
    top: Table,
    grid: Table,
    answers: HashMap<(String, String), Table>,
    annotations: Vec<Table>,
}

fn extra(table: &Table, known: &[&str]) -> Table {
    table.iter().filter(|(k, _)| !known.contains(&k.as_str())).map(|(k, v)| (k.clone(), v.clone())).collect()
}

fn tables<'t>(table: &'t Table, key: &str) -> impl Iterator<Item = &'t Table> {
    table.get(key).and_then(|v| v.as_array()).into_iter().flatten().filter_map(|v| v.as_table())
}

fn ids(t: &Table) -> (String, String) {
    let s = |k: &str| t.get(k).and_then(|v| v.as_str()).unwrap_or_default().to_string();
    (s("step"), s("question"))
}

impl Unknown {
    /// The unknown keys of a trail file's text; `None` when it has none (or
    /// is not TOML: it is then not a trail that can be written anyway).
    pub fn of(text: &str) -> Option<Unknown> {
        let table: Table = text.parse().ok()?;
        let grid = table.get("grid").and_then(|g| g.as_table()).map(|g| extra(g, GRID)).unwrap_or_default();
        let answers: HashMap<_, _> = tables(&table, "answers")
            .map(|a| (ids(a), extra(a, ANSWER)))
            .filter(|(_, e)| !e.is_empty())
            .collect();
        let annotations: Vec<Table> = tables(&table, "annotations").map(|a| extra(a, ANNOTATION)).collect();
        let unknown = Unknown { top: extra(&table, TOP), grid, answers, annotations };
        let none = unknown.top.is_empty()
            && unknown.grid.is_empty()
            && unknown.answers.is_empty()
            && unknown.annotations.iter().all(Table::is_empty);
        (!none).then_some(unknown)
    }

    /// `text` (a trail as this version writes it) with the unknown keys put
    /// back where they stood. Keys this version wrote are never replaced.
    pub fn restore(&self, text: &str) -> String {
        let Ok(mut table) = text.parse::<Table>() else { return text.to_string() };
        let add = |into: &mut Table, from: &Table| {
            for (k, v) in from {
                into.entry(k.clone()).or_insert_with(|| v.clone());
            }
        };
        add(&mut table, &self.top);
        if let Some(grid) = table.get_mut("grid").and_then(|g| g.as_table_mut()) {
            add(grid, &self.grid);
        }
        if let Some(answers) = table.get_mut("answers").and_then(|a| a.as_array_mut()) {
            for answer in answers.iter_mut().filter_map(|a| a.as_table_mut()) {
                if let Some(e) = self.answers.get(&ids(answer)) {
                    add(answer, e);
                }
            }
        }
        if let Some(annotations) = table.get_mut("annotations").and_then(|a| a.as_array_mut()) {
            for (annotation, e) in
                annotations.iter_mut().filter_map(|a| a.as_table_mut()).zip(&self.annotations)
            {
                add(annotation, e);
            }
        }
        // As every trail file is laid out: the format and the end marker
        // first, the `[end]` table last, so that a file cut anywhere is still
        // seen as cut (sorted by name, `[end]` came before `[[follow_ups]]`,
        // `[grid]` and any newer table: a cut there went unseen).
        let mut head = String::new();
        for key in ["format", "ends_with"] {
            if let Some(value) = table.remove(key) {
                head.push_str(&format!("{key} = {value}\n"));
            }
        }
        let end = table.remove("end");
        let mut text = head + &toml::to_string(&table).expect("a TOML table is always representable");
        if let Some(end) = end {
            let last = Table::from_iter([("end".to_string(), end)]);
            text.push('\n');
            text.push_str(&toml::to_string(&last).expect("a TOML table is always representable"));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEWER: &str = r#"format = 1
id = "abcd2345"
title = "T"
created = "2026-11-29T10:00:00+01:00"
updated = "2026-11-29T10:00:00+01:00"
mood = "calm"

[grid]
id = "g"
version = "1"
language = "fr"
title = "G"
colour = "blue"

[[answers]]
step = "s"
question = "q"
step_title = "S"
kind = "text"
prompt = "P"
at = "2026-11-29T10:00:00+01:00"
text = "old"
confidence = 3

[[annotations]]
at = "2026-11-29T10:00:00+01:00"
author = "A"
step = "s"
question = "q"
text = "note"
resolved = true
"#;

    #[test]
    fn unknown_keys_come_back_where_they_stood_and_known_ones_follow_the_trail() {
        let unknown = Unknown::of(NEWER).expect("unknown keys found");
        let mut trail = crate::trail::from_toml(NEWER).expect("the known part reads");
        trail.answers[0].answer = Some(crate::grid::Answer::Text("new".into()));
        let written = unknown.restore(&crate::trail::to_toml(&trail));
        assert!(written.starts_with("format = 1\n"), "{written}");
        let table: Table = written.parse().unwrap();
        assert_eq!(table["mood"].as_str(), Some("calm"));
        assert_eq!(table["grid"]["colour"].as_str(), Some("blue"));
        assert_eq!(table["answers"][0]["confidence"].as_integer(), Some(3));
        assert_eq!(table["answers"][0]["text"].as_str(), Some("new"));
        assert_eq!(table["annotations"][0]["resolved"].as_bool(), Some(true));
        assert_eq!(crate::trail::from_toml(&written).map_err(|e| format!("{e:?}\n{written}")), Ok(trail));
    }

    #[test]
    fn the_end_table_stays_last_after_unknown_tables_are_put_back() {
        let newer = format!("{NEWER}\n[review]\nstate = \"open\"\n\n[[zones]]\nname = \"a\"\n");
        let unknown = Unknown::of(&newer).expect("unknown tables found");
        let mut trail = crate::trail::from_toml(&newer).expect("the known part reads");
        trail.follow_ups.push(crate::trail::FollowUp::new(
            trail.created,
            "Il s'est passé ceci.",
            crate::trail::Held::Yes,
            "Rien.",
            None,
        ));
        let written = unknown.restore(&crate::trail::to_toml(&trail));
        assert!(written.starts_with("format = 1\nends_with = \"[end]\"\n"), "{written}");
        let last_table = written.lines().rfind(|l| l.starts_with('['));
        assert_eq!(last_table, Some("[end]"), "{written}");
        assert!(written.ends_with("[end]\nid = \"abcd2345\"\n"), "{written}");
        let table: Table = written.parse().unwrap();
        assert_eq!(table["review"]["state"].as_str(), Some("open"));
        assert_eq!(table["zones"][0]["name"].as_str(), Some("a"));
        assert_eq!(crate::trail::from_toml(&written).map_err(|e| format!("{e:?}\n{written}")), Ok(trail));
        // Cut before its last table, the file is seen as cut.
        let cut = &written[..written.rfind("[end]").unwrap()];
        assert_eq!(crate::trail::from_toml(cut), Err(crate::trail::LoadError::Cut));
    }

    #[test]
    fn a_trail_of_known_keys_has_nothing_to_keep() {
        let plain = NEWER.replace("mood = \"calm\"\n", "").replace("colour = \"blue\"\n", "");
        let plain = plain.replace("confidence = 3\n", "").replace("resolved = true\n", "");
        assert_eq!(Unknown::of(&plain), None);
    }
}
