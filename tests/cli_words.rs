//! The command line a user expects: every word in their language (clap's
//! errors and help included), completion scripts and a manual page, and
//! read-only commands that never rename or remove a file.

mod common;

use std::fs;

use common::{discern, stderr, stdout};

#[test]
fn command_line_mistakes_are_told_in_french() {
    let data = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &[&str]); 5] = [
        (&["frobnicate"], &["commande inconnue « frobnicate »"]),
        (&["lsit"], &["vouliez-vous dire « lint » ou « list » ?"]),
        (&["export"], &["il manque des arguments obligatoires : <TRAIL>", "Utilisation : discern export"]),
        (
            &["export", "x", "--format", "pdf"],
            &["valeur « pdf » invalide", "valeurs possibles : md, json, txt"],
        ),
        (&["list", "--bogus"], &["argument inattendu « --bogus »"]),
    ];
    for (args, expected) in cases {
        let out = discern(data.path()).env("LANG", "fr_FR.UTF-8").args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        // French typography: a no-break space before « : » and « ? », inside « ».
        let text = stderr(&out).replace('\u{a0}', " ");
        for words in expected {
            assert!(text.contains(words), "{args:?}: {text}");
        }
        for english in
            ["error:", "Usage:", "unrecognized", "required", "invalid value", "possible values", "try '"]
        {
            assert!(!text.contains(english), "{args:?}: English left: {text}");
        }
    }
    // And in English, clap's own words.
    let out = discern(data.path()).arg("frobnicate").output().unwrap();
    assert!(stderr(&out).contains("error: unrecognized subcommand 'frobnicate'"), "{}", stderr(&out));
}

#[test]
fn the_help_is_all_french_with_french_typography() {
    let data = tempfile::tempdir().unwrap();
    for args in [&["--help"][..], &["grid", "--help"], &["export", "--help"], &["help", "grid"]] {
        let out = discern(data.path()).args(["--lang", "fr"]).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let text = stdout(&out);
        assert!(text.contains("Utilisation\u{a0}:"), "{args:?}: {text}");
        assert!(text.contains("Options\u{a0}:"), "{args:?}: {text}");
        assert!(text.contains("Afficher l'aide"), "{args:?}: {text}");
        for english in
            ["Usage:", "Print help", "Commands:", "Options:", "possible values", "default:", "Print this"]
        {
            assert!(!text.contains(english), "{args:?}: English left ({english}): {text}");
        }
    }
    let out = discern(data.path()).args(["--lang", "fr", "--help"]).output().unwrap();
    assert!(stdout(&out).contains("Commandes\u{a0}:"), "{}", stdout(&out));
    let out = discern(data.path()).args(["--lang", "fr", "export", "--help"]).output().unwrap();
    assert!(stdout(&out).contains("[par défaut\u{a0}: md]"), "{}", stdout(&out));
}

#[test]
fn completions_are_printed_for_each_shell() {
    let data = tempfile::tempdir().unwrap();
    for (shell, mark) in [
        ("bash", "_discern()"),
        ("zsh", "#compdef discern"),
        ("fish", "complete -c discern"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = discern(data.path()).args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(script.contains(mark), "{shell}: {script}");
        assert!(script.contains("export"), "{shell}: the commands are completed");
    }
    let out = discern(data.path()).args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_manual_page_is_printed_in_roff() {
    let data = tempfile::tempdir().unwrap();
    let out = discern(data.path()).arg("man").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let page = stdout(&out);
    assert!(page.contains(".TH discern 1"), "{page}");
    assert!(page.contains("ethical reading grid"), "{page}");
    let out = discern(data.path()).args(["--lang", "fr", "man"]).output().unwrap();
    assert!(stdout(&out).contains("grille de lecture éthique"), "{}", stdout(&out));
}

#[test]
fn read_only_commands_never_rename_or_remove_a_leftover() {
    let data = tempfile::tempdir().unwrap();
    let out = discern(data.path())
        .args(["new", "--grid", "tests/grids/good/example.fr.toml", "--title", "T"])
        .write_stdin("x\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let trail = stdout(&out).lines().last().unwrap().to_string();
    let sessions = std::path::Path::new(&trail).parent().unwrap().to_path_buf();
    let name = std::path::Path::new(&trail).file_name().unwrap().to_string_lossy().into_owned();
    let leftover = sessions.join(format!(".discern-save-{name}.abc123.tmp"));
    fs::write(&leftover, "format = 1\nid = ").unwrap();
    let read_only: [&[&str]; 6] = [
        &["list"],
        &["export", &trail],
        &["lint", &trail],
        &["compare", &trail, &trail],
        &["grid", "list"],
        &["completions", "bash"],
    ];
    for args in read_only {
        let out = discern(data.path()).args(args).output().unwrap();
        assert!(!stderr(&out).contains("temporary"), "{args:?}: {}", stderr(&out));
        assert!(leftover.exists(), "{args:?} removed a leftover");
    }
    // A command that writes deals with it.
    let out = discern(data.path()).args(["open", &trail]).write_stdin("").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!leftover.exists(), "open deals with leftovers");
}

#[test]
fn grid_check_tells_the_toml_parser_and_the_system_in_french() {
    let data = tempfile::tempdir().unwrap();
    let broken = data.path().join("broken.fr.toml");
    fs::write(&broken, "format = 1\n[grid\n").unwrap();
    let missing = data.path().join("missing.fr.toml");
    let out = discern(data.path())
        .args(["--lang", "fr", "grid", "check"])
        .arg(&broken)
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = format!("{}{}", stdout(&out), stderr(&out));
    assert!(text.contains("syntaxe TOML : en-tête de table non fermé (attendu : `]`)"), "{text}");
    assert!(text.contains("lecture impossible : fichier ou dossier introuvable"), "{text}");
    for english in ["unclosed", "expected", "No such file", "os error"] {
        assert!(!text.contains(english), "English left ({english}): {text}");
    }
}

#[test]
fn plurals_are_right_in_both_languages() {
    let data = tempfile::tempdir().unwrap();
    let out =
        discern(data.path()).args(["--lang", "fr", "purge", "--older-than", "1", "--yes"]).output().unwrap();
    assert!(
        format!("{}{}", stdout(&out), stderr(&out)).contains("depuis plus d'un jour"),
        "{}",
        stderr(&out)
    );
    let out = discern(data.path()).args(["purge", "--older-than", "1", "--yes"]).output().unwrap();
    assert!(format!("{}{}", stdout(&out), stderr(&out)).contains("more than 1 day."), "{}", stderr(&out));
}
