//! `discern grid …` through the real binary.

mod common;

use std::fs;

use common::{discern, stderr, stdout};

#[test]
fn every_broken_grid_fixture_gets_its_exact_errors_and_status_1() {
    let data = tempfile::tempdir().unwrap();
    let mut checked = 0;
    for entry in fs::read_dir("tests/grids/broken").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let expected = fs::read_to_string(path.with_extension("expected")).unwrap();
        let rel = format!("tests/grids/broken/{}", path.file_name().unwrap().to_string_lossy());
        let out = discern(data.path()).args(["grid", "check", &rel]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{rel}");
        assert_eq!(stdout(&out), expected, "{rel}");
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} fixtures");
}

#[test]
fn a_good_grid_is_ok_and_status_0() {
    let data = tempfile::tempdir().unwrap();
    let out = discern(data.path())
        .args(["grid", "check", "tests/grids/good/minimal.toml", "tests/grids/good/example.fr.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "tests/grids/good/minimal.toml: ok\ntests/grids/good/example.fr.toml: ok\n");
}

#[test]
fn option_ids_follow_no_pattern_as_the_page_gives_none() {
    let data = tempfile::tempdir().unwrap();
    let grid = "tests/grids/good/option-ids.toml";
    let out = discern(data.path()).args(["grid", "check", grid]).output().unwrap();
    assert_eq!(stdout(&out), format!("{grid}: ok\n"));
    let out = discern(data.path())
        .args(["new", "--grid", grid, "--title", "T"])
        .write_stdin("Oui\nParce que.\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let path = stdout(&out).lines().last().unwrap().to_string();
    let json = discern(data.path()).args(["export", &path, "--format", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(v["outcome"], "Oui");
    assert_eq!(v["steps"][0]["questions"][1]["answer"], "Parce que.");
}

#[test]
fn check_reports_every_file_even_after_a_broken_one() {
    let data = tempfile::tempdir().unwrap();
    let out = discern(data.path())
        .args(["grid", "check", "tests/grids/broken/unknown-key.toml", "tests/grids/good/minimal.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("unknown-key.toml:11:1: error: unknown key “promt”"), "{text}");
    assert!(text.contains("tests/grids/good/minimal.toml: ok"), "{text}");
}

#[test]
fn errors_are_worded_in_french_with_lang_fr() {
    let data = tempfile::tempdir().unwrap();
    let out = discern(data.path())
        .args(["--lang", "fr", "grid", "check", "tests/grids/broken/unknown-key.toml"])
        .output()
        .unwrap();
    let text = stdout(&out);
    // « erreur : » as compilers localised to French write it (GRID-FORMAT.md);
    // the FILE:LINE:COLUMN: prefix stays for editors.
    assert!(text.contains(":11:1: erreur : clé inconnue « promt » (vouliez-vous écrire « prompt » ?) (étape « s », question « q »)"), "{text}");
    assert!(!text.contains("error:"), "{text}");
}

#[test]
fn a_missing_file_is_an_error_not_a_panic() {
    let data = tempfile::tempdir().unwrap();
    let out = discern(data.path()).args(["grid", "check", "no/such/file.toml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).starts_with("no/such/file.toml:1:1: error: cannot be read"));
}

#[test]
fn a_huge_file_is_refused_without_a_panic() {
    let data = tempfile::tempdir().unwrap();
    let huge = data.path().join("huge.toml");
    fs::write(&huge, "# ".repeat(3 * 1024 * 1024)).unwrap();
    let out = discern(data.path()).args(["grid", "check"]).arg(&huge).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("error: the file is too large"), "{}", stdout(&out));
}

#[test]
fn grid_new_writes_a_starter_that_passes_check_and_never_overwrites() {
    for lang in ["en", "fr"] {
        let data = tempfile::tempdir().unwrap();
        let out = discern(data.path()).args(["--lang", lang, "grid", "new", "my-grid"]).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let path = data.path().join(format!("grids/my-grid.{lang}.toml"));
        assert_eq!(stdout(&out).trim(), path.display().to_string());
        let check = discern(data.path()).args(["grid", "check"]).arg(&path).output().unwrap();
        assert_eq!(stdout(&check), format!("{}: ok\n", path.display()));
        fs::write(&path, "mine").unwrap();
        let again = discern(data.path()).args(["--lang", lang, "grid", "new", "my-grid"]).output().unwrap();
        assert_eq!(again.status.code(), Some(2));
        assert_eq!(fs::read_to_string(&path).unwrap(), "mine");
    }
}

#[test]
fn grid_new_without_an_id_names_the_starter_itself_and_never_overwrites() {
    // PRODUCT.md names `discern grid new` alone: it must work as it is.
    for (lang, id) in [("en", "my-grid"), ("fr", "ma-grille")] {
        let data = tempfile::tempdir().unwrap();
        let out = discern(data.path()).args(["--lang", lang, "grid", "new"]).output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let path = data.path().join(format!("grids/{id}.{lang}.toml"));
        assert_eq!(stdout(&out).trim(), path.display().to_string());
        let check = discern(data.path()).args(["grid", "check"]).arg(&path).output().unwrap();
        assert_eq!(stdout(&check), format!("{}: ok\n", path.display()));
        fs::write(&path, "mine").unwrap();
        let again = discern(data.path()).args(["--lang", lang, "grid", "new"]).output().unwrap();
        assert!(again.status.success(), "{}", stderr(&again));
        let second = data.path().join(format!("grids/{id}-2.{lang}.toml"));
        assert_eq!(stdout(&again).trim(), second.display().to_string());
        assert_eq!(fs::read_to_string(&path).unwrap(), "mine");
        let text = fs::read_to_string(&second).unwrap();
        assert!(text.contains(&format!("id = \"{id}-2\"")), "{text}");
    }
}

#[test]
fn grid_new_refuses_a_bad_id() {
    let data = tempfile::tempdir().unwrap();
    let out = discern(data.path()).args(["grid", "new", "My Grid"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot be an id"));
}

#[test]
fn a_user_grid_replaces_a_shipped_one_and_a_broken_one_is_listed() {
    let data = tempfile::tempdir().unwrap();
    let grids = data.path().join("grids");
    fs::create_dir_all(&grids).unwrap();
    let example = fs::read_to_string("tests/grids/good/example.fr.toml").unwrap();
    fs::write(
        grids.join("delor-secret.fr.toml"),
        example.replace("version = \"1.0.0\"", "version = \"9.9\""),
    )
    .unwrap();
    fs::write(grids.join("broken.en.toml"), "format = 1\n[grid]\nid = \"b\"\n").unwrap();
    let out = discern(data.path()).args(["grid", "list"]).output().unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("replaced by one of your grids"), "{text}");
    assert!(text.contains("9.9"), "{text}");
    assert!(text.contains("replaces the shipped grid"), "{text}");
    assert!(text.contains("BROKEN"), "{text}");
    assert!(text.contains("broken.en.toml:1:1: error: missing required key “steps”"), "{text}");
    // The broken grid hides none of the others.
    assert!(text.contains("partage"), "{text}");
    let show = discern(data.path()).args(["grid", "show", "delor-secret", "--lang", "fr"]).output().unwrap();
    assert!(stdout(&show).contains("version 9.9"), "{}", stdout(&show));
}

#[test]
fn show_writes_every_step_and_each_condition_in_words() {
    let data = tempfile::tempdir().unwrap();
    let out = discern(data.path())
        .args(["--lang", "fr", "grid", "show", "tests/grids/good/example.fr.toml"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.starts_with("# Se taire, pouvoir parler, devoir parler\n"));
    assert!(md.contains("## 2. L'obligation de parler"));
    assert!(
        md.contains("*Étape à suivre si vous avez répondu « La loi m'oblige à parler ou à agir » à 1.2*"),
        "{md}"
    );
    assert!(md.contains("**2.1. Sur quel fondement ?**\n\n- [ ] Péril imminent"), "{md}");
    assert!(md.contains("- ( ) Le secret m'impose de me taire\n"), "{md}");
    assert!(md.contains("- [ ] Autre : …"));
    assert!(md.contains("(pas du tout) 1 · 2 · 3 · 4 · 5 (tout à fait)"));
    assert!(md.contains("- Code pénal, art. 226-13 — La révélation"));
    assert!(md.contains("*À remplir si vous avez coché « Péril imminent (non-assistance à personne en danger) » ou « Information préoccupante (protection de l'enfance) » à 2.1 et vous avez répondu à 2.2*"), "{md}");
    assert!(!md.contains("il est faux que"), "{md}");
    // Under an English interface, a French grid's handout is French all through.
    let txt = discern(data.path())
        .args(["grid", "show", "tests/grids/good/example.fr.toml", "--format", "txt"])
        .output()
        .unwrap();
    assert!(
        stdout(&txt)
            .contains("[Étape à suivre si vous avez répondu « La loi m'oblige à parler ou à agir » à 1.2]"),
        "{}",
        stdout(&txt)
    );
    assert!(!stdout(&txt).contains("Follow this step"), "{}", stdout(&txt));
}

#[test]
fn show_of_an_unknown_id_names_the_known_ones() {
    let data = tempfile::tempdir().unwrap();
    let out = discern(data.path()).args(["grid", "show", "nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no grid “nope”; available grids: deliberation, delor-secret, partage"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn grid_new_makes_a_fresh_data_folder_private() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("fresh");
    let out = discern(&data).args(["grid", "new", "my-grid"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join("grids")), 0o700);
}

#[test]
fn the_help_speaks_the_users_language() {
    let data = tempfile::tempdir().unwrap();
    let fr = discern(data.path()).env("LANG", "fr_FR.UTF-8").arg("--help").output().unwrap();
    assert!(stdout(&fr).contains("Utilisation\u{a0}: discern"), "{}", stdout(&fr));
    assert!(stdout(&fr).contains("Commencer un parcours avec une grille."), "{}", stdout(&fr));
    let en = discern(data.path()).args(["--lang", "en", "new", "--help"]).output().unwrap();
    assert!(stdout(&en).contains("The trail's title (no names: pseudonyms or initials)"), "{}", stdout(&en));
}

#[test]
fn the_language_versions_of_a_grid_are_compared_and_each_drift_names_both_files() {
    let data = tempfile::tempdir().unwrap();
    let fr = "tests/grids/good/format2.fr.toml";
    let en = fs::read_to_string("tests/grids/good/format2.en.toml").unwrap();
    let ok = discern(data.path())
        .args(["grid", "check", fr, "tests/grids/good/format2.en.toml"])
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
    // A translator who drops an exclusive mark and renames an option.
    let drifted = data.path().join("suivi.en.toml");
    let en = en
        .replace(r#"label = "None of these", exclusive = true"#, r#"label = "None of these""#)
        .replace(r#"{ id = "wait""#, r#"{ id = "later""#);
    fs::write(&drifted, en).unwrap();
    let drifted = drifted.display().to_string();
    let out = discern(data.path()).args(["grid", "check", fr, &drifted]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains(&format!(
            "{drifted}:21:10: error: option “none” of “duty.which” is not exclusive here, but is in {fr}:21\n"
        )),
        "{text}"
    );
    assert!(text.contains(&format!(
        "{drifted}:40:10: error: the options of “decision.choice” are “share”, “later” here, “share”, “wait” in {fr}:40\n"
    )), "{text}");
    let fr_out = discern(data.path()).args(["--lang", "fr", "grid", "check", fr, &drifted]).output().unwrap();
    assert!(stdout(&fr_out).contains(
        ":21:10: erreur : l'option « none » de « duty.which » n'est pas exclusive ici, elle l'est dans"
    ));
}

#[test]
fn grid_list_runs_the_translation_check_on_the_users_grids() {
    let data = tempfile::tempdir().unwrap();
    let grids = data.path().join("grids");
    fs::create_dir_all(&grids).unwrap();
    fs::copy("tests/grids/good/format2.fr.toml", grids.join("suivi.fr.toml")).unwrap();
    let en = fs::read_to_string("tests/grids/good/format2.en.toml").unwrap();
    fs::write(grids.join("suivi.en.toml"), en.replace("min_days = 0\n", "")).unwrap();
    let out = discern(data.path()).args(["grid", "list"]).output().unwrap();
    let text = stdout(&out);
    assert!(text.contains("Translations of your grids differ:\n"), "{text}");
    // The first file of the id in the folder's order (here the English one) is the reference.
    assert!(text.contains("suivi.fr.toml:45:6: error: “decision.revisit” differs from "), "{text}");
    assert!(text.contains("suivi.en.toml:45 in required, other or its bounds"), "{text}");
}

#[test]
fn a_format_2_grid_walks_in_plain_mode_with_an_exclusive_slip_and_a_date() {
    let data = tempfile::tempdir().unwrap();
    let out = discern(data.path())
        .args([
            "--lang",
            "fr",
            "new",
            "--plain",
            "--grid",
            "tests/grids/good/format2.fr.toml",
            "--title",
            "Suivi",
        ])
        .write_stdin("1, 3\n3\n2\n31/02/2099\n15/12/2099\nJe le lui dirai.\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("« Aucune de ces situations » ne va avec aucune autre réponse"), "{text}");
    assert!(text.contains("Le 31/02/2099 n'existe pas dans le calendrier"), "{text}");
    assert!(text.contains("Date notée : mardi 15 décembre 2099."), "{text}");
    let path = text.lines().last().unwrap().to_string();
    let trail = fs::read_to_string(&path).unwrap();
    assert!(trail.contains("date = \"2099-12-15\"\n"), "{trail}");
    let json = discern(data.path()).args(["export", &path, "--format", "json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let revisit = &json["steps"][1]["questions"][1];
    assert_eq!((revisit["kind"].as_str(), revisit["answer"].as_str()), (Some("date"), Some("2099-12-15")));
    assert_eq!(json["steps"][0]["questions"][0]["answer"], serde_json::json!(["none"]));
}

#[test]
fn the_shipped_grids_print_as_handouts_with_short_conditions() {
    let data = tempfile::tempdir().unwrap();
    for id in ["delor-secret", "partage", "deliberation"] {
        for lang in ["fr", "en"] {
            for format in ["md", "txt", "html"] {
                let out = discern(data.path())
                    .args(["--lang", lang, "grid", "show", id, "--format", format])
                    .output()
                    .unwrap();
                assert!(out.status.success(), "{id} {lang} {format}: {}", stderr(&out));
                let text = stdout(&out);
                for line in text.lines() {
                    // The sentence alone, as it reads: without its markup.
                    let sentence = line
                        .trim_start_matches("<p class=\"muted\">")
                        .trim_end_matches("</p>")
                        .trim_matches(['*', '[', ']', ' '])
                        .replace("&#39;", "'")
                        .replace("&quot;", "\"")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&amp;", "&");
                    let openings = [
                        "À remplir ",
                        "À lire ",
                        "Étape à suivre ",
                        "Answer if ",
                        "Answer depending ",
                        "Read this ",
                        "Follow this step ",
                    ];
                    if openings.iter().any(|o| sentence.starts_with(o)) {
                        assert!(sentence.chars().count() <= 400, "{id} {lang} {format}: {sentence}");
                    }
                }
                assert!(
                    !text.contains("il est faux que") && !text.contains("it is not the case"),
                    "{id} {lang} {format}"
                );
            }
        }
    }
}

#[test]
fn the_html_handout_is_a_well_formed_page_with_every_text_escaped() {
    let data = tempfile::tempdir().unwrap();
    let grid = fs::read_to_string("tests/grids/good/format2.fr.toml")
        .unwrap()
        .replace("Que décidez-vous ?", "Que décidez-vous <script>alert(1)</script> ?");
    let path = data.path().join("suivi.fr.toml");
    fs::write(&path, grid).unwrap();
    let out = discern(data.path())
        .args(["grid", "show", path.to_str().unwrap(), "--format", "html"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"), "{html}");
    assert!(html.trim_end().ends_with("</html>"));
    assert!(html.contains("Que décidez-vous &lt;script&gt;alert(1)&lt;/script&gt; ?"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert!(html.contains("@page { size: A4"));
    // Every tag opened is closed, in order.
    let mut open: Vec<String> = Vec::new();
    for piece in html.split('<').skip(1) {
        let tag: String =
            piece.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '!').collect();
        match tag.as_str() {
            "!DOCTYPE" | "meta" | "br" => {}
            t if t.starts_with('/') => assert_eq!(open.pop().as_deref(), Some(&t[1..]), "{html}"),
            t => open.push(t.to_string()),
        }
    }
    assert!(open.is_empty(), "{open:?}");
}

/// The grid format page of the repository, in English and in French: its
/// example loads as it is, as the page says.
#[test]
fn the_examples_of_the_grid_format_pages_load() {
    let data = tempfile::tempdir().unwrap();
    for (page, file) in [
        ("docs/grid-format.md", "school-request.en.toml"),
        ("docs/grid-format.fr.md", "demande-ecole.fr.toml"),
    ] {
        let text = fs::read_to_string(page).unwrap();
        let start = text.find("```toml\n").expect("the page has an example") + "```toml\n".len();
        let example = &text[start..start + text[start..].find("```").unwrap()];
        let path = data.path().join(file);
        fs::write(&path, example).unwrap();
        let out = discern(data.path()).args(["grid", "check"]).arg(&path).output().unwrap();
        assert_eq!(stdout(&out), format!("{}: ok\n", path.display()), "{page}");
        // Every kind of question, and format 2, are shown by the example.
        for kind in ["text", "choice", "multi", "scale", "note", "date"] {
            assert!(example.contains(&format!("kind = \"{kind}\"")), "{page}: no {kind}");
        }
        for key in ["format = 2", "exclusive = true", "when = ", "any_of", "not = ", "[[steps.references]]"] {
            assert!(example.contains(key), "{page}: no {key}");
        }
    }
}

/// The starter of `grid new`, the help of `grid check` and the README point
/// to the format page, which is in the repository.
#[test]
fn the_starter_and_the_help_point_to_the_grid_format_page() {
    for (lang, page) in [("en", "docs/grid-format.md"), ("fr", "docs/grid-format.fr.md")] {
        assert!(std::path::Path::new(page).is_file(), "{page}");
        let data = tempfile::tempdir().unwrap();
        let out = discern(data.path()).args(["--lang", lang, "grid", "new", "my-grid"]).output().unwrap();
        let starter = fs::read_to_string(stdout(&out).trim()).unwrap();
        assert!(starter.contains(page), "{lang}: {starter}");
        assert!(!starter.contains("GRID-FORMAT.md"), "{lang}: {starter}");
        let help = discern(data.path()).args(["--lang", lang, "grid", "check", "--help"]).output().unwrap();
        assert!(stdout(&help).contains(page), "{lang}: {}", stdout(&help));
    }
    let readme = fs::read_to_string("README.md").unwrap();
    assert!(readme.contains("docs/grid-format.md"), "the README points to the page");
}
