//! The example trails in `sessions/`: fixtures that every later version
//! must keep reading, one worked case per shipped grid.

mod common;

use common::{discern, stderr, stdout};

fn examples() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir("sessions")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn there_is_one_example_per_shipped_grid() {
    let mut grids: Vec<String> =
        examples().iter().map(|p| discern::trail::store::Store::load(p).unwrap().grid.id).collect();
    grids.sort();
    assert_eq!(grids, ["deliberation", "delor-secret", "partage"]);
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
        assert_eq!(json["grid"]["language"], "fr", "{name}");
        assert!(json["outcome"].is_string(), "{name} has a decision");
        let lint = discern(data.path()).args(["lint", &name]).output().unwrap();
        assert_eq!(lint.status.code(), Some(0), "{name}: {}", stdout(&lint));
    }
}

#[test]
fn at_least_one_example_shows_how_the_thinking_moved() {
    let with_history = examples()
        .iter()
        .map(|p| discern::trail::store::Store::load(p).unwrap())
        .filter(|t| t.answers.iter().filter(|a| !a.history.is_empty()).count() >= 2)
        .count();
    assert!(with_history >= 1);
}
