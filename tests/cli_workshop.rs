//! `compare` of three or more trails for a workshop: choices counted, text
//! answers one per participant, JSON exports compared too.

mod common;

use std::path::{Path, PathBuf};

use common::{discern, stderr, stdout};

const GRID: &str = "tests/grids/good/example.fr.toml";

fn new_trail(data: &Path, title: &str, input: &str) -> String {
    let out =
        discern(data).args(["new", "--grid", GRID, "--title", title]).write_stdin(input).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out).lines().last().unwrap().to_string()
}

/// Exports `trail` as JSON to `data/name`.
fn json_export(data: &Path, trail: &str, name: &str) -> PathBuf {
    let json = data.join(name);
    let out = discern(data).args(["export", trail, "--format", "json", "-o"]).arg(&json).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    json
}

/// Three trails, and the third exported as JSON into `dir`.
fn workshop(data: &Path) -> (Vec<String>, PathBuf) {
    let a = new_trail(data, "Atelier A", "Un.\n3\n1,2\n4\nParce que.\n");
    let b = new_trail(data, "Atelier B", "Deux.\n1\n");
    let c = new_trail(data, "Atelier C", "Trois.\n3\n2\n2\n\n");
    let json = json_export(data, &c, "participant.json");
    (vec![a, b, c], json)
}

/// `compare` of the trails and one JSON export, in French Markdown.
fn compare_md(data: &Path, trails: &[String], json: &Path) -> String {
    let out = discern(data)
        .args(["--lang", "fr", "compare"])
        .args(trails)
        .arg(json)
        .args(["--format", "md"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn three_trails_and_a_json_export_are_counted_in_markdown() {
    let data = tempfile::tempdir().unwrap();
    let (trails, json) = workshop(data.path());
    let md = compare_md(data.path(), &trails, &json);
    assert!(md.contains("- 1 sur 4 — Le secret m'impose de me taire\n"), "{md}");
    assert!(md.contains("- 0 sur 4 — La loi me permet de parler\n"), "{md}");
    assert!(md.contains("- 3 sur 4 — La loi m'oblige à parler ou à agir\n"), "{md}");
    assert!(md.contains("- 3 sur 4 — Information préoccupante (protection de l'enfance)\n"), "{md}");
    // Text answers one per participant, numbered like the list of trails.
    assert!(md.contains("- 1. Un.\n- 2. Deux.\n- 3. Trois.\n- 4. Trois.\n"), "{md}");
    assert!(md.contains("Atelier A"), "{md}");
}

/// B chose silence: the step of the obligation was never shown to B. Its
/// questions are « non posée » for B, apart from those C left unanswered.
#[test]
fn questions_never_shown_are_not_asked_apart_from_no_answer() {
    let data = tempfile::tempdir().unwrap();
    let (trails, json) = workshop(data.path());
    let md = compare_md(data.path(), &trails, &json);
    assert!(
        md.contains(
            "- 3 sur 4 — Information préoccupante (protection de l'enfance)\n- 1 sur 4 — (Non posée)\n\n"
        ),
        "{md}"
    );
    assert!(md.contains("**Pourquoi ?** — réponses différentes\n\n- 1. Parce que.\n- 2. (Non posée)\n- 3. (Sans réponse)\n- 4. (Sans réponse)\n"), "{md}");
    // Two trails side by side.
    let out = discern(data.path()).args(["compare", "--format", "txt"]).args(&trails[..2]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let txt = stdout(&out);
    assert!(txt.contains("Sur quel fondement ? — réponses différentes\n  1. Péril imminent (non-assistance à personne en danger), Information préoccupante (protection de l'enfance)\n  2. (Non posée)\n"), "{txt}");
}

/// The page a trainer projects: written to a file (its name gives the
/// format), never over an existing one; what is said about it is in the
/// interface's language, the page in the grid's.
#[test]
fn an_html_page_draws_the_counts_as_bars() {
    let data = tempfile::tempdir().unwrap();
    let (trails, json) = workshop(data.path());
    let page = data.path().join("atelier.html");
    let out = discern(data.path())
        .arg("compare")
        .args(&trails)
        .arg(&json)
        .arg("--anonymous")
        .arg("-o")
        .arg(&page)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("Exported to"), "{}", stderr(&out));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"), "{html}");
    assert!(html.contains("<th scope=\"row\">La loi m&#39;oblige à parler ou à agir</th><td class=\"bar\" aria-hidden=\"true\"><div><span style=\"width: 75.0%\"></span></div></td><td class=\"n\">3 sur 4</td>"), "{html}");
    assert!(html.contains("<tr class=\"apart\"><th scope=\"row\">(Non posée)</th>"), "{html}");
    assert!(html.contains("4 participants (anonymes)") && !html.contains("Atelier"), "{html}");
    for forbidden in ["<script", "<link", "src=", "url("] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
    // Never over an existing file: said in the interface's language.
    let again = discern(data.path())
        .args(["--lang", "fr", "compare"])
        .args(&trails)
        .arg("-o")
        .arg(&page)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("existe déjà"), "{}", stderr(&again));
    assert_eq!(std::fs::read_to_string(&page).unwrap(), html);
    let forced = discern(data.path())
        .args(["compare", "--format", "html", "--force"])
        .args(&trails)
        .arg("-o")
        .arg(&page)
        .output()
        .unwrap();
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(std::fs::read_to_string(&page).unwrap().contains("Atelier A"));
}

/// A French grid gives a French comparison, whatever --lang says.
#[test]
fn a_comparison_speaks_its_grids_language_whatever_the_interface() {
    let data = tempfile::tempdir().unwrap();
    let (trails, _) = workshop(data.path());
    let out = discern(data.path())
        .args(["--lang", "en", "compare", "--format", "md"])
        .args(&trails)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.starts_with("# Comparaison : Se taire, pouvoir parler, devoir parler\n"), "{md}");
    assert!(md.contains("(grille version 1.0.0, modifié le "), "{md}");
    assert!(md.contains("- 2 sur 3 — La loi m'oblige à parler ou à agir\n"), "{md}");
}

#[test]
fn anonymous_labels_participants_and_hides_titles_in_plain_text() {
    let data = tempfile::tempdir().unwrap();
    let (trails, json) = workshop(data.path());
    let out = discern(data.path())
        .args(["compare", "--anonymous", "--format", "txt"])
        .args(&trails)
        .arg(&json)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let txt = stdout(&out);
    // The grid is French: so is the comparison, under an English interface.
    assert!(txt.contains("  3 sur 4 — La loi m'oblige à parler ou à agir\n"), "{txt}");
    assert!(txt.contains("  P1. Un.\n  P2. Deux.\n  P3. Trois.\n  P4. Trois.\n"), "{txt}");
    assert!(txt.contains("4 participants (anonymes)"), "{txt}");
    assert!(!txt.contains("Atelier"), "{txt}");
}

#[test]
fn two_trails_are_still_side_by_side() {
    let data = tempfile::tempdir().unwrap();
    let (trails, _) = workshop(data.path());
    let out = discern(data.path()).args(["compare", "--format", "md"]).args(&trails[..2]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(!md.contains(" sur 2"), "{md}");
    assert!(
        md.contains("- 1. La loi m'oblige à parler ou à agir\n- 2. Le secret m'impose de me taire\n"),
        "{md}"
    );
}

#[test]
fn a_json_file_that_is_not_an_export_is_a_clear_error() {
    let data = tempfile::tempdir().unwrap();
    let (trails, _) = workshop(data.path());
    let bad = data.path().join("other.json");
    std::fs::write(&bad, "{\"hello\": 1}").unwrap();
    let out =
        discern(data.path()).args(["--lang", "fr", "compare"]).arg(&trails[0]).arg(&bad).output().unwrap();
    assert!(!out.status.success());
    assert!(stderr(&out).contains("ce n'est pas un export JSON de discern"), "{}", stderr(&out));
    std::fs::write(&bad, "pas du json").unwrap();
    let out = discern(data.path()).args(["compare"]).arg(&trails[0]).arg(&bad).output().unwrap();
    assert!(stderr(&out).contains("this is not JSON (line 1"), "{}", stderr(&out));
}

/// In a JSON export an "other" text is a plain string beside the option
/// ids: with the grid, it is told apart, counted and marked, and the
/// options chosen with it still count.
#[test]
fn an_other_text_in_a_json_export_is_counted_as_other() {
    let data = tempfile::tempdir().unwrap();
    let (trails, _) = workshop(data.path());
    let d = new_trail(data.path(), "Atelier D", "Quatre.\n3\n2,Un voisin inquiet\n\n");
    let json = json_export(data.path(), &d, "d.json");
    let md = compare_md(data.path(), &trails, &json);
    assert!(md.contains("- 3 sur 4 — Information préoccupante (protection de l'enfance)\n"), "{md}");
    assert!(md.contains("- 1 sur 4 — Autre : Un voisin inquiet\n"), "{md}");
}
