use super::*;
use crate::grid::{Answer, parse};
use crate::walk::{At, Walk};

const GRID: &str = "format = 1\n[grid]\nid = \"g\"\nversion = \"1\"\nlanguage = \"fr\"\ntitle = \"Grille\"\n[[steps]]\nid = \"s\"\ntitle = \"Étape\"\n[[steps.questions]]\nid = \"c\"\nkind = \"choice\"\nprompt = \"Choix ?\"\noptions = [{ id = \"a\", label = \"Oui\" }, { id = \"b\", label = \"Non\" }]\n[[steps.questions]]\nid = \"t\"\nkind = \"text\"\nprompt = \"Pourquoi ?\"\n";

/// GRID with a second step shown only when the choice is « Oui », holding
/// a multi question.
fn conditional_grid() -> String {
    format!(
        "{GRID}[[steps]]\nid = \"suite\"\ntitle = \"Suite\"\nwhen = {{ question = \"s.c\", is = \"a\" }}\n[[steps.questions]]\nid = \"m\"\nkind = \"multi\"\nprompt = \"Lesquels ?\"\noptions = [{{ id = \"x\", label = \"X\" }}, {{ id = \"y\", label = \"Y\" }}]\n"
    )
}

fn time(s: &str) -> crate::trail::Time {
    chrono::DateTime::parse_from_rfc3339(s).expect("a fixed time")
}

fn now() -> crate::trail::Time {
    time("2026-11-29T10:00:00+01:00")
}

/// A trail of its own: its id comes from its title, so two trails are never
/// taken for versions of one.
fn trail(title: &str, choice: Option<&str>, text: Option<&str>, grid_src: &str) -> Trail {
    let grid = parse(grid_src).unwrap();
    let id = format!("id{}", title.to_lowercase().replace(' ', ""));
    let mut w = Walk::new(grid.clone(), Trail::start(&grid, title, id, now()));
    if let Some(c) = choice {
        w.set(At { step: 0, question: 0 }, Some(Answer::Choice(c.into())), now());
    }
    if let Some(t) = text {
        w.set(At { step: 0, question: 1 }, Some(Answer::Text(t.into())), now());
    }
    w.trail
}

fn answer(words: &str) -> Cell {
    Cell::Answer { words: words.into(), at: now() }
}

const NO_ANSWER: Cell = Cell::NoAnswer { cleared: None };

fn md(c: &Comparison, anonymous: bool) -> String {
    c.render(CompareFormat::Md, Options { anonymous, all: false })
}

#[test]
fn answers_line_up_by_question_with_labels_and_differences_marked() {
    let trails =
        vec![trail("Avant", Some("a"), Some("Parce que."), GRID), trail("Après", Some("b"), None, GRID)];
    let grid = parse(GRID).unwrap();
    let c = compare(&trails, Some(&grid)).unwrap();
    assert!(!c.versions);
    assert_eq!(c.rows.len(), 2);
    assert_eq!(c.rows[0].cells, vec![answer("Oui"), answer("Non")]);
    assert!(c.rows[0].differs());
    assert_eq!(c.rows[1].cells, vec![answer("Parce que."), NO_ANSWER]);
    let md = md(&c, false);
    assert!(md.contains("**Choix ?** — réponses différentes\n\n- 1. Oui\n- 2. Non\n"), "{md}");
    assert!(md.contains("- 2. (Sans réponse)"), "{md}");
    assert!(!c.versions_differ);
}

#[test]
fn different_versions_are_compared_by_id_with_a_note() {
    let v2 = GRID.replace("version = \"1\"", "version = \"2\"").replace("\"fr\"", "\"en\"");
    let trails = vec![trail("A", Some("a"), None, &v2), trail("B", Some("a"), None, GRID)];
    let c = compare(&trails, None).unwrap();
    assert!(c.versions_differ);
    assert!(!c.rows[0].differs());
    assert!(c.render(CompareFormat::Txt, Options::default()).contains("different versions"));
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
            no_answer: 1,
            not_asked: 0,
            others: Vec::new()
        })
    );
    let md = md(&c, true);
    assert!(
        md.contains("**Choix ?** — réponses différentes\n\n- 2 sur 4 — Oui\n- 1 sur 4 — Non\n- 1 sur 4 — (Sans réponse)\n"),
        "{md}"
    );
    assert!(md.contains("- P1. Un.\n- P2. (Sans réponse)\n- P3. Trois.\n"), "{md}");
    assert!(md.contains("4 participants"), "{md}");
    assert!(!md.contains("A (grille"), "{md}");
    let txt = c.render(CompareFormat::Txt, Options::default());
    assert!(txt.contains("  2 sur 4 — Oui\n"), "{txt}");
    assert!(txt.contains("  1. Un.\n"), "{txt}");
    // Two trails are shown side by side, not counted.
    let two = compare(&trails[..2], Some(&grid)).unwrap();
    assert!(!md_of(&two).contains("sur 2"));
}

fn md_of(c: &Comparison) -> String {
    md(c, false)
}

/// A question hidden by a condition was not asked: counted apart from the
/// questions asked and left unanswered, in counts and side by side.
#[test]
fn a_question_hidden_by_a_condition_is_not_asked_apart_from_no_answer() {
    let src = conditional_grid();
    let grid = parse(&src).unwrap();
    let with_multi = |title: &str, choice: &str, picks: Option<&[&str]>| {
        let mut t = trail(title, Some(choice), None, &src);
        if let Some(picks) = picks {
            let mut w = Walk::new(grid.clone(), t);
            let options = picks.iter().map(|p| p.to_string()).collect();
            w.set(At { step: 1, question: 0 }, Some(Answer::Multi { options, other: None }), now());
            t = w.trail;
        }
        t
    };
    let trails = vec![
        with_multi("A", "a", Some(&["x", "y"])),
        with_multi("B", "a", None),
        with_multi("C", "b", None),
        with_multi("D", "a", Some(&["x"])),
    ];
    let c = compare(&trails, Some(&grid)).unwrap();
    let row = c.rows.iter().find(|r| r.prompt == "Lesquels ?").expect("the multi row");
    assert_eq!(row.cells[1], NO_ANSWER);
    assert_eq!(row.cells[2], Cell::NotAsked);
    let tally = row.tally.as_ref().expect("counted");
    assert_eq!((tally.no_answer, tally.not_asked), (1, 1));
    let md = md_of(&c);
    assert!(
        md.contains("- 2 sur 4 — X\n- 1 sur 4 — Y\n- 1 sur 4 — (Sans réponse)\n- 1 sur 4 — (Non posée)\n"),
        "{md}"
    );
    // Side by side, two trails.
    let two = compare(&trails[1..3], Some(&grid)).unwrap();
    let rows: Vec<&str> = two.rows.iter().map(|r| r.prompt.as_str()).collect();
    assert_eq!(rows, vec!["Choix ?"], "a question nobody answered is left out");
    let pair = [trails[0].clone(), trails[2].clone()];
    let two = compare(&pair, Some(&grid)).unwrap();
    let md = md_of(&two);
    assert!(md.contains("**Lesquels ?** — réponses différentes\n\n- 1. X, Y\n- 2. (Non posée)\n"), "{md}");
    let without_grid = compare(&pair, None).unwrap().render(CompareFormat::Txt, Options::default());
    assert!(without_grid.contains("  2. (Non posée)\n"), "{without_grid}");
}

/// Without the grid, a question a trail has no record of was not put to it.
#[test]
fn a_question_missing_from_a_trail_is_not_asked() {
    let trails = vec![
        trail("A", Some("a"), Some("Un."), GRID),
        trail("B", Some("b"), None, GRID),
        trail("C", Some("a"), Some("Trois."), GRID),
    ];
    let c = compare(&trails, None).unwrap();
    let why = c.rows.iter().find(|r| r.prompt == "Pourquoi ?").expect("the text row");
    assert_eq!(why.cells[1], Cell::NotAsked);
    assert!(md_of(&c).contains("- 2. (Non posée)\n"), "{}", md_of(&c));
}

#[test]
fn an_other_text_is_counted_and_marked_as_such() {
    let with_other = GRID.replace("prompt = \"Choix ?\"\n", "prompt = \"Choix ?\"\nother = true\n");
    let mut trails = vec![trail("A", Some("a"), None, &with_other), trail("B", Some("a"), None, &with_other)];
    let grid = parse(&with_other).unwrap();
    let mut w = Walk::new(grid.clone(), Trail::start(&grid, "C", "idc".into(), now()));
    w.set(At { step: 0, question: 0 }, Some(Answer::ChoiceOther("Peut-être".into())), now());
    trails.push(w.trail);
    let md = md(&compare(&trails, Some(&grid)).unwrap(), true);
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
    // Asked, and the answer set aside: no answer, not « not asked ».
    assert_eq!(c.rows[0].cells[1], NO_ANSWER);
    let tally = c.rows[0].tally.as_ref().expect("counted");
    assert_eq!((tally.no_answer, tally.not_asked), (1, 0));
    assert!(tally.counts.iter().all(|(label, n)| label != "Peut-être" || *n == 0), "{tally:?}");
}

#[test]
fn an_answer_a_condition_hides_is_neither_counted_nor_shown() {
    // GRID-FORMAT.md: a question that is not shown counts as unanswered;
    // here, as not asked.
    let src = GRID.replace(
        "prompt = \"Pourquoi ?\"\n",
        "prompt = \"Pourquoi ?\"\nwhen = { question = \"s.c\", is = \"a\" }\n",
    );
    let grid = parse(&src).unwrap();
    let mut hidden = trail("B", Some("a"), Some("Caché."), &src);
    let mut w = Walk::new(grid.clone(), hidden);
    w.set(At { step: 0, question: 0 }, Some(Answer::Choice("b".into())), time("2026-11-29T10:05:00+01:00"));
    hidden = w.trail;
    assert_eq!(hidden.record("s", "t").and_then(|r| r.answer.clone()), Some(Answer::Text("Caché.".into())));
    let trails = vec![trail("A", Some("a"), Some("Vu."), &src), hidden, trail("C", Some("a"), None, &src)];
    let c = compare(&trails, Some(&grid)).unwrap();
    let why = c.rows.iter().find(|r| r.prompt == "Pourquoi ?").expect("the text row");
    assert_eq!(why.cells, vec![answer("Vu."), Cell::NotAsked, NO_ANSWER]);
    // Without the grid, the trail's own mark says the answer was hidden;
    // C has no record of the question: not put to it, as far as one knows.
    let c = compare(&trails, None).unwrap();
    let why = c.rows.iter().find(|r| r.prompt == "Pourquoi ?").expect("the text row");
    assert_eq!(why.cells, vec![answer("Vu."), Cell::NotAsked, Cell::NotAsked]);
}

#[test]
fn date_answers_are_compared_in_words() {
    let src = "format = 2\n[grid]\nid = \"g\"\nversion = \"2\"\nlanguage = \"fr\"\ntitle = \"G\"\n[[steps]]\nid = \"s\"\ntitle = \"Étape\"\n[[steps.questions]]\nid = \"d\"\nkind = \"date\"\nprompt = \"Quand ?\"\n";
    let grid = parse(src).unwrap();
    let dated = |title: &str, day: u32| {
        let mut w = Walk::new(grid.clone(), Trail::start(&grid, title, format!("id{day}"), now()));
        let date = chrono::NaiveDate::from_ymd_opt(2026, 12, day).expect("a real day");
        w.set(At { step: 0, question: 0 }, Some(Answer::Date(date)), now());
        w.trail
    };
    let trails = vec![dated("A", 15), dated("B", 16)];
    let md = md_of(&compare(&trails, Some(&grid)).unwrap());
    assert!(md.contains("- 1. mardi 15 décembre 2026\n- 2. mercredi 16 décembre 2026\n"), "{md}");
}

#[test]
fn trails_of_different_grids_are_refused() {
    let other = GRID.replace("id = \"g\"", "id = \"h\"");
    let trails = vec![trail("A", None, None, GRID), trail("B", None, None, &other)];
    assert!(matches!(compare(&trails, None), Err(Mismatch::DifferentGrids(v)) if v.len() == 2));
}

/// The document speaks its grid's language: an English grid gives English
/// headings and counts, a French one French, with no language asked for.
#[test]
fn a_comparison_speaks_its_grids_language() {
    let en = GRID.replace("\"fr\"", "\"en\"");
    let trails: Vec<Trail> = ["A", "B", "C"].iter().map(|t| trail(t, Some("a"), None, &en)).collect();
    let c = compare(&trails, None).unwrap();
    assert_eq!(c.lang(), Lang::En);
    let text = md_of(&c);
    assert!(text.starts_with("# Comparison: Grille\n"), "{text}");
    assert!(text.contains("- 3 of 3 — Oui\n") && text.contains("grid version 1"), "{text}");
    let trails: Vec<Trail> = ["A", "B", "C"].iter().map(|t| trail(t, Some("a"), None, GRID)).collect();
    let text = compare(&trails, None).unwrap().render(CompareFormat::Txt, Options::default());
    assert!(text.starts_with("Comparaison : Grille\n"), "{text}");
    assert!(text.contains("  3 sur 3 — Oui\n") && text.contains("modifié le 29/11/2026 à 10:00"), "{text}");
}

/// Two versions of one trail: the first at 10:00, the second with the choice
/// changed at 11:00 and the text answered at 11:30.
fn two_versions() -> (Vec<Trail>, Grid) {
    let grid = parse(GRID).unwrap();
    let mut w = Walk::new(grid.clone(), Trail::start(&grid, "Situation", "abcd2345".into(), now()));
    w.set(At { step: 0, question: 0 }, Some(Answer::Choice("a".into())), now());
    let before = w.trail.clone();
    w.set(At { step: 0, question: 0 }, Some(Answer::Choice("b".into())), time("2026-11-29T11:00:00+01:00"));
    w.set(
        At { step: 0, question: 1 },
        Some(Answer::Text("Après réflexion.".into())),
        time("2026-11-29T11:30:00+01:00"),
    );
    (vec![before, w.trail], grid)
}

#[test]
fn versions_of_one_trail_show_what_changed_with_both_dates() {
    let (trails, grid) = two_versions();
    let c = compare(&trails, Some(&grid)).unwrap();
    assert!(c.versions);
    assert!(!c.counted());
    assert_eq!(c.changes(), (2, 0));
    let md = md_of(&c);
    assert!(
        md.contains("- 1. Situation, tel qu'il était le 29/11/2026 à 10:00 (grille version 1)\n"),
        "{md}"
    );
    assert!(
        md.contains("- 2. Situation, tel qu'il était le 29/11/2026 à 11:30 (grille version 1)\n"),
        "{md}"
    );
    assert!(md.contains("2 réponses ont changé.\n"), "{md}");
    assert!(
        md.contains("**Choix ?** — réponse modifiée\n\n- 1. *29/11/2026 à 10:00* — Oui\n- 2. *29/11/2026 à 11:00* — Non\n"),
        "{md}"
    );
    assert!(md.contains("- 1. (Sans réponse)\n- 2. *29/11/2026 à 11:30* — Après réflexion.\n"), "{md}");
}

#[test]
fn unchanged_answers_are_counted_and_left_out_unless_all() {
    let (mut trails, grid) = two_versions();
    // The older version, as the newer: the choice did not change.
    let mut w = Walk::new(grid.clone(), trails[0].clone());
    w.set(At { step: 0, question: 0 }, Some(Answer::Choice("b".into())), now());
    trails[0] = w.trail;
    let c = compare(&trails, Some(&grid)).unwrap();
    assert_eq!(c.changes(), (1, 1));
    let txt = c.render(CompareFormat::Txt, Options::default());
    assert!(txt.contains("1 réponse a changé ; 1 n'a pas changé (--all l'affiche).\n"), "{txt}");
    assert!(!txt.contains("Choix ?"), "{txt}");
    assert!(
        txt.contains(
            "Pourquoi ? — réponse modifiée\n  1. (Sans réponse)\n  2. 29/11/2026 à 11:30 — Après réflexion.\n"
        ),
        "{txt}"
    );
    let all = c.render(CompareFormat::Txt, Options { anonymous: false, all: true });
    assert!(all.contains("1 réponse a changé ; 1 n'a pas changé.\n"), "{all}");
    assert!(all.contains("Choix ?\n  1. 29/11/2026 à 10:00 — Non\n  2. 29/11/2026 à 11:00 — Non\n"), "{all}");
    // Nothing changed at all.
    let same = [trails[1].clone(), trails[1].clone()];
    let c = compare(&same, Some(&grid)).unwrap();
    let md = md_of(&c);
    assert!(md.contains("Aucune réponse n'a changé (2 réponses ; --all les affiche).\n"), "{md}");
    assert!(!md.contains("**"), "{md}");
}

#[test]
fn anonymous_versions_leave_the_title_out_and_are_not_participants() {
    let (trails, grid) = two_versions();
    let md = md(&compare(&trails, Some(&grid)).unwrap(), true);
    assert!(!md.contains("Situation"), "{md}");
    assert!(md.contains("- 1. Tel qu'il était le 29/11/2026 à 10:00"), "{md}");
    assert!(md.contains("- 1. *29/11/2026 à 10:00* — Oui"), "{md}");
    assert!(!md.contains("P1"), "{md}");
}

#[test]
fn a_file_name_gives_the_format() {
    use std::path::Path;
    assert_eq!(CompareFormat::from_file_name(Path::new("atelier.HTML")), Some(CompareFormat::Html));
    assert_eq!(CompareFormat::from_file_name(Path::new("a.txt")), Some(CompareFormat::Txt));
    assert_eq!(CompareFormat::from_file_name(Path::new("a.md")), Some(CompareFormat::Md));
    assert_eq!(CompareFormat::from_file_name(Path::new("atelier")), None);
}

/// The page a trainer projects: self-contained, every text escaped, the
/// counts drawn as bars whose widths are the shares, the numbers written.
#[test]
fn the_html_page_draws_the_counts_as_bars_and_escapes_every_text() {
    let src = GRID
        .replace("title = \"Grille\"", "title = \"<script>alert(1)</script>\"")
        .replace("label = \"Oui\"", "label = \"Oui & <b>non</b>\"");
    let grid = parse(&src).unwrap();
    let trails = vec![
        trail("<i>A</i>", Some("a"), Some("Ligne 1\nLigne <2>"), &src),
        trail("B", Some("a"), None, &src),
        trail("C", Some("b"), None, &src),
        trail("D", None, None, &src),
    ];
    let html = compare(&trails, Some(&grid)).unwrap().render(CompareFormat::Html, Options::default());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"), "{html}");
    for forbidden in ["<script", "<link", "src=", "@import", "url(", "@font-face", "http", "<b>", "<i>"] {
        assert!(!html.contains(forbidden), "{forbidden} in the page");
    }
    assert!(html.contains("<title>Comparaison : &lt;script&gt;alert(1)&lt;/script&gt;</title>"), "{html}");
    assert!(html.contains("&lt;i&gt;A&lt;/i&gt;"), "{html}");
    assert!(html.contains(
        "<th scope=\"row\">Oui &amp; &lt;b&gt;non&lt;/b&gt;</th><td class=\"bar\" aria-hidden=\"true\"><div><span style=\"width: 50.0%\"></span></div></td><td class=\"n\">2 sur 4</td>"
    ), "{html}");
    assert!(html.contains("style=\"width: 25.0%\"></span></div></td><td class=\"n\">1 sur 4</td>"), "{html}");
    assert!(html.contains("<tr class=\"apart\"><th scope=\"row\">(Sans réponse)</th>"), "{html}");
    assert!(html.contains("Ligne 1<br>\nLigne &lt;2&gt;"), "{html}");
    assert!(html.contains("@media print") && html.contains("clamp("), "large type, and print: {html}");
}

#[test]
fn the_html_page_of_versions_dates_each_answer() {
    let (trails, grid) = two_versions();
    let html = compare(&trails, Some(&grid)).unwrap().render(CompareFormat::Html, Options::default());
    assert!(html.contains("<p class=\"note\">2 réponses ont changé.</p>"), "{html}");
    assert!(html.contains(
        "<li><span class=\"who\">1.</span><span><span class=\"when\">29/11/2026 à 10:00</span><span>Oui</span></span></li>"
    ), "{html}");
    assert!(html.contains("<span class=\"apart\">(Sans réponse)</span>"), "{html}");
    assert!(!html.contains("<table"), "versions are not counted: {html}");
}
