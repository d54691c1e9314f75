//! `discern grid show ID --worksheet`: the sheet participants fill in on
//! paper, from the real binary, for every shipped grid and a user's own;
//! each shipped grid's worksheet printed with headless Chromium on at most
//! four A4 pages (see `print_support`).

mod common;
mod print_support;

use std::fs;
use std::path::Path;

use common::{discern, stderr, stdout};
use print_support::{pages, printer};

/// The most pages a shipped grid's worksheet may take (PRODUCT.md, "Worksheet").
const MAX_PAGES: usize = 4;

/// Each shipped grid as (id, language), from the files `grids/ID.LANG.toml`.
fn shipped() -> Vec<(String, String)> {
    let mut grids: Vec<(String, String)> = fs::read_dir("grids")
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".toml")?;
            let (id, lang) = stem.rsplit_once('.')?;
            Some((id.to_string(), lang.to_string()))
        })
        .collect();
    grids.sort();
    assert!(grids.len() >= 6, "the shipped grids: {grids:?}");
    grids
}

fn worksheet(data: &Path, lang: &str, grid: &str, format: &str) -> String {
    let out = discern(data)
        .args(["--lang", lang, "grid", "show", grid, "--worksheet", "--format", format])
        .output()
        .unwrap();
    assert!(out.status.success(), "{grid} {lang} {format}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn every_shipped_grid_gives_a_worksheet_in_every_format_and_its_own_language() {
    let data = tempfile::tempdir().unwrap();
    for (id, lang) in shipped() {
        for format in ["md", "txt", "html"] {
            // The interface in the other language: the sheet keeps its grid's.
            let other = if lang == "fr" { "en" } else { "fr" };
            let out = discern(data.path())
                .args(["--lang", other, "grid", "show"])
                .arg(format!("grids/{id}.{lang}.toml"))
                .args(["--worksheet", "--format", format])
                .output()
                .unwrap();
            assert!(out.status.success(), "{id} {lang} {format}: {}", stderr(&out));
            let sheet = stdout(&out);
            let (heading, foreign) = if lang == "fr" {
                ("Feuille de réponses", "Worksheet")
            } else {
                ("Worksheet", "Feuille de réponses")
            };
            assert!(sheet.contains(heading), "{id} {lang} {format}:\n{sheet}");
            assert!(!sheet.contains(foreign), "{id} {lang} {format}:\n{sheet}");
            assert!(
                sheet.contains("1. ") && (sheet.contains("( ) ") || sheet.contains("[ ] ")),
                "{id} {format}"
            );
        }
    }
}

#[test]
fn the_worksheet_is_shorter_than_the_handout_and_holds_no_guidance() {
    let data = tempfile::tempdir().unwrap();
    for (id, lang) in shipped() {
        let sheet = worksheet(data.path(), &lang, &id, "md");
        let out = discern(data.path()).args(["--lang", &lang, "grid", "show", &id]).output().unwrap();
        let handout = stdout(&out);
        assert!(
            sheet.len() * 2 < handout.len(),
            "{id} {lang}: the worksheet is not much shorter than the handout"
        );
        // A guidance paragraph of the handout is nowhere on the sheet.
        let guidance = fs::read_to_string(format!("grids/{id}.{lang}.toml")).unwrap();
        let first = guidance
            .split("guidance = \"\"\"\n")
            .nth(1)
            .and_then(|g| g.lines().next())
            .expect("the shipped grids have guidance");
        assert!(handout.contains(first.trim()), "{id} {lang}: {first}");
        assert!(!sheet.contains(first.trim()), "{id} {lang}: guidance on the sheet: {first}");
    }
}

#[test]
fn a_users_own_grid_gives_a_worksheet_by_id() {
    let data = tempfile::tempdir().unwrap();
    let grids = data.path().join("grids");
    fs::create_dir_all(&grids).unwrap();
    fs::copy("tests/grids/good/format2.fr.toml", grids.join("suivi.fr.toml")).unwrap();
    let out = discern(data.path()).args(["grid", "show", "suivi", "--worksheet"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.contains("Feuille de réponses — grille suivi, version 2.0.0"), "{md}");
    assert!(
        md.contains(
            "**1.1. Une obligation de transmettre s'applique-t-elle ?**\n\n- [ ] Un enfant en danger"
        ),
        "{md}"
    );
    assert!(md.contains("- [ ] Je ne sais pas (seule)\n"), "{md}");
    assert!(
        md.contains("**2.2. Quand reviendrez-vous sur cette décision ?**\n\nDate : …… / …… / ………\n"),
        "{md}"
    );
    assert!(md.contains("*À remplir si vous avez répondu à 2.2*"), "{md}");
    assert!(!md.contains("Vous pouvez en parler à un collègue"), "a note on the sheet: {md}");
}

#[test]
fn the_help_of_grid_show_offers_the_worksheet_in_both_languages() {
    let data = tempfile::tempdir().unwrap();
    for (lang, words) in [
        ("en", "The worksheet participants fill in on paper"),
        ("fr", "La feuille que les participants remplissent sur papier"),
    ] {
        let out = discern(data.path()).args(["--lang", lang, "grid", "show", "--help"]).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let help = stdout(&out);
        assert!(help.contains("--worksheet") && help.contains(words), "{lang}:\n{help}");
    }
}

#[test]
fn each_shipped_grids_worksheet_prints_on_at_most_four_a4_pages() {
    let Some(printer) = printer("each_shipped_grids_worksheet_prints_on_at_most_four_a4_pages") else {
        return;
    };
    let data = tempfile::tempdir().unwrap();
    for (id, lang) in shipped() {
        let html = worksheet(data.path(), &lang, &id, "html");
        let name = format!("worksheet-{id}-{lang}");
        let pdf = printer.print(&html, data.path(), &name);
        let n = pages(&pdf);
        assert!(n <= MAX_PAGES, "{name} takes {n} A4 pages (at most {MAX_PAGES})");
    }
}
