//! The meeting summary printed as a person prints it: the real binary's
//! HTML through headless Chromium to an A4 PDF, then read back with the
//! place of every word (see `print_support`).

mod common;
mod print_support;

use std::fs;
use std::path::{Path, PathBuf};

use common::{discern, stderr, stdout};
use print_support::{Word, pages, printer, words};

/// Four steps: the first, second and fourth with titles far longer than
/// their two short answers, the third with a short title and long answers.
/// Every step's words start with its own marker (`Alpha`, `Bravo`…), so the
/// printed words can be told apart.
const STEPS: [(&str, bool); 4] = [("Alpha", true), ("Bravo", true), ("Charlie", false), ("Delta", true)];

fn grid_text() -> String {
    let mut grid = String::from(
        "format = 1\n[grid]\nid = \"longtitles\"\nversion = \"1\"\nlanguage = \"fr\"\ntitle = \"Titres longs\"\n",
    );
    for (name, long_title) in STEPS {
        let title = if long_title {
            format!(
                "{name}title : une étape dont le titre est bien plus long que ses réponses, \
                 écrit sur plusieurs lignes dans la colonne de gauche, pour voir s'il glisse \
                 à côté des réponses de l'étape suivante quand on imprime la page"
            )
        } else {
            format!("{name}title court")
        };
        grid.push_str(&format!(
            "[[steps]]\nid = \"{id}\"\ntitle = \"{title}\"\n\
             [[steps.questions]]\nid = \"q1\"\nkind = \"choice\"\nprompt = \"{name}first ?\"\n\
             options = [{{ id = \"yes\", label = \"Oui\" }}, {{ id = \"no\", label = \"Non\" }}]\n\
             [[steps.questions]]\nid = \"q2\"\nkind = \"text\"\nprompt = \"{name}second ?\"\n",
            id = name.to_lowercase(),
        ));
    }
    grid
}

/// The second answer of each step: one word, or for a step with a short
/// title, several lines of words (kept whole by `--full`).
fn second_answer(name: &str, long_title: bool) -> String {
    if long_title {
        format!("{name}end")
    } else {
        let filler = "une réponse longue qui prend plusieurs lignes sous un titre court ".repeat(6);
        format!("{filler}{name}end")
    }
}

/// A trail of that grid walked in plain mode; its HTML summary (`--full`,
/// so that the long answers stay long).
fn summary_html(data: &Path) -> String {
    let grid = data.join("longtitles.fr.toml");
    fs::write(&grid, grid_text()).unwrap();
    let input: String =
        STEPS.iter().map(|(name, long)| format!("1\n{}\n", second_answer(name, *long))).collect();
    let out = discern(data)
        .args(["new", "--grid"])
        .arg(&grid)
        .args(["--title", "Mise en page"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let trail = stdout(&out).lines().last().expect("the trail's path").to_string();
    let out = discern(data).args(["export", &trail, "--format", "html", "--full", "--yes"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

fn find<'w>(words: &'w [Word], text: &str) -> &'w Word {
    words.iter().find(|w| w.text.starts_with(text)).unwrap_or_else(|| {
        let all: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        panic!("{text:?} not printed; the words: {all:?}")
    })
}

/// Half a point: what two boxes on one line may differ by (a bold title
/// and a regular answer do not share their exact top).
const SLACK: f64 = 1.5;

fn at_or_above(a: (usize, f64), b: (usize, f64)) -> bool {
    a.0 < b.0 || (a.0 == b.0 && a.1 <= b.1 + SLACK)
}

#[test]
fn every_steps_title_prints_level_with_its_first_answer_and_below_the_previous_steps() {
    let Some(printer) =
        printer("every_steps_title_prints_level_with_its_first_answer_and_below_the_previous_steps")
    else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let pdf = printer.print(&summary_html(data.path()), data.path(), "long-titles");
    let words = words(&pdf);
    let mut previous_end: Option<(&str, &Word)> = None;
    for (name, _) in STEPS {
        let title = find(&words, &format!("{name}title"));
        let first = find(&words, &format!("{name}first"));
        let end = find(&words, &format!("{name}end"));
        assert!(
            at_or_above(title.start(), first.start()),
            "{name}: the title starts at {:?}, below its first question at {:?}",
            title.start(),
            first.start()
        );
        if let Some((before, last)) = previous_end {
            assert!(
                at_or_above(last.end(), title.start()),
                "{name}: the title starts at {:?}, beside {before}'s last answer (ending at {:?})",
                title.start(),
                last.end()
            );
        }
        // Its answers come after its own title starts, never before it.
        assert!(at_or_above(title.start(), end.start()), "{name}");
        previous_end = Some((name, end));
    }
}

/// The repository's example trails, in a data folder of their own.
fn examples() -> (tempfile::TempDir, Vec<PathBuf>) {
    let data = tempfile::tempdir().unwrap();
    let sessions = data.path().join("sessions");
    fs::create_dir_all(&sessions).unwrap();
    let mut trails = Vec::new();
    for entry in fs::read_dir("sessions").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let copy = sessions.join(path.file_name().unwrap());
            fs::copy(&path, &copy).unwrap();
            trails.push(copy);
        }
    }
    trails.sort();
    (data, trails)
}

#[test]
fn each_example_trails_meeting_summary_prints_on_one_a4_page() {
    let Some(printer) = printer("each_example_trails_meeting_summary_prints_on_one_a4_page") else { return };
    let (data, trails) = examples();
    assert!(trails.len() >= 4, "the four example trails: {trails:?}");
    for trail in trails {
        let out = discern(data.path())
            .args(["export"])
            .arg(&trail)
            .args(["--format", "html", "--yes"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let name = trail.file_stem().unwrap().to_string_lossy().into_owned();
        let pdf = printer.print(&stdout(&out), data.path(), &name);
        assert_eq!(pages(&pdf), 1, "{name}'s meeting summary takes {} A4 pages", pages(&pdf));
    }
}
