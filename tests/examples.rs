//! The example trails in `sessions/`: one worked case per shipped grid in
//! French and one in English, made with the grids 2.1.0, and fixtures that
//! every later version must keep reading. The examples they replace are kept
//! and must keep opening too: the format 1 ones of the first version in
//! `tests/data/format1-sessions/`, those of the grids 2.0.0 in
//! `tests/data/v2.0-sessions/`.

mod common;
mod example_stories;

use std::path::{Path, PathBuf};

use common::{discern, stderr, stdout};
use discern::grid::{Answer, QuestionKind};
use discern::trail::{Trail, store::Store};
use discern::walk::{At, Walk};

fn toml_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

fn examples() -> Vec<PathBuf> {
    toml_files("sessions")
}

fn load(path: &Path) -> Trail {
    Store::load(path).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()))
}

/// The notes of "what your answers point to" that the example shows.
fn notes_shown(trail: &Trail) -> Vec<String> {
    let grid = example_stories::grid(&trail.grid.id, &trail.grid.language);
    let w = Walk::new(grid, trail.clone());
    let s = w.grid.steps.iter().position(|s| s.id == "pointers").expect("a pointers step");
    (0..w.grid.steps[s].questions.len())
        .filter(|q| w.question_shown(At { step: s, question: *q }))
        .map(|q| w.grid.steps[s].questions[q].id.clone())
        .collect()
}

#[test]
fn there_is_a_french_example_per_shipped_grid_and_one_in_english() {
    let mut french: Vec<String> = Vec::new();
    let mut english = 0;
    for path in examples() {
        let t = load(&path);
        match t.grid.language.as_str() {
            "fr" => french.push(t.grid.id),
            "en" => english += 1,
            other => panic!("{}: language {other}", path.display()),
        }
    }
    french.sort();
    assert_eq!(french, ["deliberation", "delor-secret", "partage"]);
    assert!(english >= 1);
}

#[test]
fn example_files_are_named_by_day_and_id_only() {
    for path in examples() {
        let t = load(&path);
        let name = path.file_name().unwrap().to_str().unwrap();
        assert_eq!(name, example_stories::file_name(&t));
        assert!(!name.contains("exemple") && !name.contains("example"), "{name}");
    }
}

#[test]
fn every_example_loads_exports_and_holds_nothing_identifying() {
    let data = tempfile::tempdir().unwrap();
    for path in examples() {
        let name = path.display().to_string();
        for format in ["md", "json", "txt"] {
            let out = discern(data.path()).args(["export", &name, "--format", format]).output().unwrap();
            assert!(out.status.success(), "{name} {format}: {}", stderr(&out));
            assert!(!stdout(&out).is_empty());
        }
        let json: serde_json::Value = serde_json::from_str(&stdout(
            &discern(data.path()).args(["export", &name, "--format", "json"]).output().unwrap(),
        ))
        .unwrap();
        assert!(json["outcome"].is_string(), "{name} has a decision");
        let lint = discern(data.path()).args(["lint", &name]).output().unwrap();
        assert_eq!(lint.status.code(), Some(0), "{name}: {}", stdout(&lint));
    }
}

/// No initials (« L., 14 ans », « M. T. »), no civil titles: the people in
/// the stories are « un collégien », « un jeune adulte », « cet homme ».
#[test]
fn examples_are_anonymised() {
    for path in examples() {
        let t = load(&path);
        let mut texts = vec![t.title.clone()];
        texts.extend(t.answers.iter().filter_map(|a| match &a.answer {
            Some(Answer::Text(s)) => Some(s.clone()),
            _ => None,
        }));
        for text in texts {
            let chars: Vec<char> = text.chars().collect();
            for w in chars.windows(3) {
                let initial = w[0].is_uppercase() && w[1] == '.' && (w[2] == ' ' || w[2] == ',');
                assert!(!initial, "{}: an initial in « {text} »", path.display());
            }
            for title in ["Mme ", "Madame ", "Monsieur ", "Mr ", "Mrs ", "Ms "] {
                assert!(!text.contains(title), "{}: « {title} » in « {text} »", path.display());
            }
        }
    }
}

/// Every answer belongs to the grid 2.1.0 it names, with options it offers.
#[test]
fn every_example_answers_the_current_grids() {
    for path in examples() {
        let t = load(&path);
        assert_eq!(t.grid.version, "2.1.0", "{}", path.display());
        let grid = example_stories::grid(&t.grid.id, &t.grid.language);
        for record in &t.answers {
            let name = format!("{}.{}", record.step, record.question);
            let (_, q) =
                grid.question(&name).unwrap_or_else(|| panic!("{}: no {name} in the grid", path.display()));
            assert_eq!(record.prompt, q.prompt, "{}: {name}", path.display());
            let ids: Vec<&str> = q.kind.options().iter().map(|o| o.id.as_str()).collect();
            match &record.answer {
                Some(Answer::Choice(c)) => assert!(ids.contains(&c.as_str()), "{name}: {c}"),
                Some(Answer::Multi { options, .. }) => {
                    assert!(options.iter().all(|o| ids.contains(&o.as_str())), "{name}: {options:?}");
                    let exclusive =
                        q.kind.options().iter().filter(|o| o.exclusive && options.contains(&o.id)).count();
                    assert!(exclusive == 0 || options.len() == 1, "{name}: an exclusive option with others");
                }
                Some(Answer::Date(_)) => assert!(matches!(q.kind, QuestionKind::Date(_)), "{name}"),
                _ => {}
            }
        }
    }
}

/// A story spans days: its history holds answers given on more than one day,
/// and the decision says when to come back to it, on or after that day.
#[test]
fn every_example_spans_several_days_and_sets_a_revisit_date() {
    for path in examples() {
        let t = load(&path);
        let mut days: Vec<chrono::NaiveDate> = t.answers.iter().map(|a| a.at.date_naive()).collect();
        for a in &t.answers {
            days.extend(a.history.iter().map(|h| h.at.date_naive()));
        }
        days.sort();
        days.dedup();
        assert!(days.len() >= 2, "{}: {days:?}", path.display());
        let revisit =
            t.record("decision", "revisit").unwrap_or_else(|| panic!("{}: no revisit", path.display()));
        let Some(Answer::Date(date)) = revisit.answer else {
            panic!("{}: revisit is not a date", path.display())
        };
        let answered = revisit.at.date_naive();
        assert!(date >= answered, "{}: {date} before {answered}", path.display());
        assert!(t.updated.date_naive() > t.created.date_naive(), "{}", path.display());
    }
}

#[test]
fn at_least_one_example_shows_how_the_thinking_moved() {
    let with_history = examples()
        .iter()
        .map(|p| load(p))
        .filter(|t| t.answers.iter().filter(|a| !a.history.is_empty()).count() >= 2)
        .count();
    assert!(with_history >= 1);
}

/// The decision of each story agrees with what its answers point to.
#[test]
fn each_decision_agrees_with_what_the_answers_point_to() {
    let expected: [(&str, &str, &[&str]); 4] = [
        ("c8k3m2qa", "act", &["p_silence", "p_refuses"]),
        ("r4n7w2ke", "through_person", &["p_framework_none", "p_refuses", "p_pressure"]),
        ("h6t9d3vz", "partial", &["p_silence", "p_norm_clear"]),
        ("w3p8x5jn", "partial", &["p_child_met"]),
    ];
    for (id, decision, wanted) in expected {
        let path = examples().into_iter().find(|p| p.to_string_lossy().contains(id)).expect("the example");
        let t = load(&path);
        assert_eq!(
            t.record("decision", "choice").and_then(|r| r.answer.clone()),
            Some(Answer::Choice(decision.into()))
        );
        let shown = notes_shown(&t);
        for note in wanted {
            assert!(shown.contains(&note.to_string()), "{id}: {note} not in {shown:?}");
        }
        for never in ["p_peril", "p_transmit", "p_unanswered"] {
            assert!(!shown.contains(&never.to_string()), "{id}: {never} in {shown:?}");
        }
    }
}

/// The files in `sessions/` are the stories of `example_stories`, written
/// by the ignored test below; this keeps them from drifting apart.
#[test]
fn the_example_files_are_the_stories_they_tell() {
    for story in example_stories::stories() {
        let trail = example_stories::build(&story);
        let path = Path::new("sessions").join(example_stories::file_name(&trail));
        assert_eq!(load(&path), trail, "{}: run `cargo test --test examples -- --ignored`", path.display());
    }
    assert_eq!(examples().len(), example_stories::stories().len());
}

/// Writes the example trails again from their stories:
/// `cargo test --test examples -- --ignored`.
#[test]
#[ignore]
fn write_the_example_trails() {
    for story in example_stories::stories() {
        let trail = example_stories::build(&story);
        let path = Path::new("sessions").join(example_stories::file_name(&trail));
        std::fs::write(&path, discern::trail::to_toml(&trail)).unwrap();
    }
}

/// Old examples in `dir`, made with the grids `version`, still open and
/// export in every format, although the grids have changed since.
fn old_examples_load_and_export(dir: &str, count: usize, version: &str) {
    let old = toml_files(dir);
    assert_eq!(old.len(), count, "{dir}");
    let data = tempfile::tempdir().unwrap();
    for path in &old {
        let t = load(path);
        assert_eq!(t.grid.version, version, "{}", path.display());
        assert!(t.answers.len() > 10, "{}", path.display());
        let name = path.display().to_string();
        for format in ["md", "json", "txt", "html"] {
            let out = discern(data.path()).args(["export", &name, "--format", format]).output().unwrap();
            assert!(out.status.success(), "{name} {format}: {}", stderr(&out));
        }
        let md = stdout(&discern(data.path()).args(["export", &name, "--format", "md"]).output().unwrap());
        assert!(md.contains(&t.title), "{name}");
    }
}

/// The format 1 examples of the first version, made with the grids 1.0.0.
#[test]
fn the_old_format_1_examples_still_load_and_export() {
    old_examples_load_and_export("tests/data/format1-sessions", 3, "1.0.0");
}

/// The examples made with the grids 2.0.0, before the second legal review.
#[test]
fn the_grids_2_0_examples_still_load_and_export() {
    old_examples_load_and_export("tests/data/v2.0-sessions", 4, "2.0.0");
}
