//! The command line a user expects: every word in their language (clap's
//! errors and help included), completion scripts and a manual page, and
//! read-only commands that never rename or remove a file.

mod common;

use std::fs;

use common::{discern, stderr, stdout};

#[test]
fn command_line_mistakes_are_told_in_french() {
    let data = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &[&str]); 6] = [
        (&["frobnicate"], &["commande inconnue « frobnicate »"]),
        (&["lsit"], &["vouliez-vous dire « lint » ou « list » ?"]),
        (&["export"], &["il manque des arguments obligatoires : <PARCOURS>", "Utilisation : discern export"]),
        (&["new", "--grid"], &["il manque une valeur après « --grid <ID|CHEMIN> »"]),
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
        // A value clap cannot list (a grid id) has no empty list of values.
        assert!(!text.contains("valeurs possibles : ]"), "{args:?}: {text}");
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
    assert!(stdout(&out).contains("--data-dir <DOSSIER>"), "{}", stdout(&out));
    let out = discern(data.path()).args(["--lang", "fr", "export", "--help"]).output().unwrap();
    assert!(stdout(&out).contains("[par défaut\u{a0}: md]"), "{}", stdout(&out));
}

/// The placeholders of values are French words too, and a command's own
/// options come before those every command takes, the help last.
#[test]
fn the_placeholders_of_the_french_help_are_french() {
    let data = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &[&str]); 5] = [
        (&["export", "--help"], &["<PARCOURS>", "--output <FICHIER>", "--passphrase-file <FICHIER>"]),
        (&["new", "--help"], &["--grid <ID|CHEMIN>", "--title <TITRE>", "--lang <LANGUE>"]),
        (&["purge", "--help"], &["--older-than <JOURS>"]),
        (&["grid", "check", "--help"], &["<FICHIER>..."]),
        (&["compare", "--help"], &["<PARCOURS>..."]),
    ];
    for (args, expected) in cases {
        let out = discern(data.path()).args(["--lang", "fr"]).args(args).output().unwrap();
        let text = stdout(&out);
        for words in expected {
            assert!(text.contains(words), "{args:?}: {text}");
        }
        for english in ["<TRAIL", "<FILE", "<TITLE", "<DAYS", "<DIR", "<PATH", "|PATH"] {
            assert!(!text.contains(english), "{args:?}: English left ({english}): {text}");
        }
        // Every argument says what it is: no line of a placeholder alone.
        for line in text.lines().filter(|l| l.trim_start().starts_with(['<', '-'])) {
            assert!(line.trim().contains("  "), "{args:?}: no help for {line:?}");
        }
    }
    let out = discern(data.path()).args(["--lang", "fr", "export", "--help"]).output().unwrap();
    let text = stdout(&out);
    let at = |words: &str| text.find(words).unwrap_or_else(|| panic!("{words}: {text}"));
    assert!(at("--yes") < at("--lang"), "the command's own options first: {text}");
    assert!(at("--passphrase-file") < at("--help"), "the help last: {text}");
}

#[test]
fn completions_are_printed_for_each_shell() {
    let data = tempfile::tempdir().unwrap();
    for (shell, mark) in [
        ("bash", "complete -o nospace -o bashdefault"),
        ("zsh", "#compdef discern"),
        ("fish", "complete --keep-order --exclusive --command discern"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = discern(data.path()).args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(script.contains(mark), "{shell}: {script}");
        // The script calls discern back for the words, at each Tab.
        assert!(
            script.contains(&format!("COMPLETE=\"{shell}\""))
                || script.contains(&format!("COMPLETE={shell}"))
                || script.contains(&format!("$env:COMPLETE = \"{shell}\"")),
            "{shell}: {script}"
        );
    }
    let out = discern(data.path()).args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Two trails in the data folder, for the completion tests: their ids.
fn two_trails(data: &std::path::Path) -> Vec<String> {
    (0..2)
        .map(|_| {
            let out = discern(data)
                .args(["new", "--grid", "deliberation", "--title", "T", "--plain"])
                .write_stdin("")
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", stderr(&out));
            let path = stdout(&out).lines().last().unwrap().to_string();
            let stem = std::path::Path::new(&path).file_stem().unwrap().to_string_lossy().into_owned();
            stem.rsplit('-').next().unwrap().to_string()
        })
        .collect()
}

/// What discern answers a completion script (the protocol of fish and zsh,
/// which may not be installed): the words after `discern -- WORDS…`.
fn completed(data: &std::path::Path, shell: &str, words: &[&str]) -> Vec<String> {
    let out = discern(data)
        .env("COMPLETE", shell)
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .args(words)
        .output()
        .unwrap();
    assert!(out.status.success(), "{words:?}: {}", stderr(&out));
    stdout(&out).lines().map(|l| l.split(['\t', ':']).next().unwrap_or("").to_string()).collect()
}

/// A TRAIL is completed with the ids of the trails, a grid with the ids of
/// the grids (not with file names), and a path stays a path.
#[test]
fn completion_offers_trail_ids_and_grid_ids() {
    let data = tempfile::tempdir().unwrap();
    let mut ids = two_trails(data.path());
    ids.sort();
    for shell in ["fish", "zsh"] {
        let words = completed(data.path(), shell, &["discern", "export", ""]);
        assert!(ids.iter().all(|id| words.contains(id)), "{shell}: {words:?}");
        let prefix = &ids[0][..3];
        let words = completed(data.path(), shell, &["discern", "open", prefix]);
        assert!(words.contains(&ids[0]), "{shell}: {words:?}");
        assert!(words.iter().all(|w| w.starts_with(prefix)), "{shell}: {words:?}");
        let words = completed(data.path(), shell, &["discern", "new", "--grid", ""]);
        assert_eq!(words, ["deliberation", "delor-secret", "partage"], "{shell}");
        let words = completed(data.path(), shell, &["discern", "grid", "show", "del"]);
        assert_eq!(words, ["deliberation", "delor-secret"], "{shell}");
    }
    // `--data-dir` on the line being completed is the folder looked in.
    let other = tempfile::tempdir().unwrap();
    let other_id = two_trails(other.path()).remove(0);
    let dir = other.path().display().to_string();
    let words = completed(data.path(), "fish", &["discern", "--data-dir", &dir, "lint", ""]);
    assert!(words.contains(&other_id) && !words.contains(&ids[0]), "{words:?}");
    // What looks like a path is completed as one.
    let words = completed(data.path(), "fish", &["discern", "new", "--grid", "tests/grids/good/exa"]);
    assert!(words.iter().any(|w| w.ends_with("example.fr.toml")), "{words:?}");
}

/// The bash script itself, sourced in a real bash, completes trail ids and
/// grid ids.
#[cfg(unix)]
#[test]
fn bash_completes_trail_ids_and_grid_ids() {
    if std::process::Command::new("bash").arg("--version").output().is_err() {
        eprintln!("WARNING: bash is not installed: the bash completion script is not tried");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let ids = two_trails(data.path());
    let out = discern(data.path()).args(["completions", "bash"]).output().unwrap();
    let script = data.path().join("discern.bash");
    fs::write(&script, stdout(&out)).unwrap();
    let driver = format!(
        r#"source {script}
comp() {{ COMP_WORDS=("$@"); COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 )); COMP_TYPE=9; COMP_LINE="$*"; COMP_POINT=${{#COMP_LINE}}
  _clap_complete_discern discern "${{COMP_WORDS[-1]}}" "${{COMP_WORDS[-2]}}"; printf '%s\n' "${{COMPREPLY[@]}}"; echo ---; }}
comp discern review ""
comp discern new --grid ""
comp discern --lang fr export --format ""
"#,
        script = script.display()
    );
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(&driver)
        .env("DISCERN_DATA_DIR", data.path())
        .env("LANG", "C")
        .env_remove("COMPLETE")
        .output()
        .unwrap();
    let text = stdout(&out);
    let parts: Vec<&str> = text.split("---\n").collect();
    assert!(ids.iter().all(|id| parts[0].lines().any(|l| l == id)), "{text}\n{}", stderr(&out));
    assert_eq!(parts[1].lines().collect::<Vec<_>>(), ["deliberation", "delor-secret", "partage"], "{text}");
    assert_eq!(parts[2].lines().collect::<Vec<_>>(), ["md", "json", "txt", "html"], "{text}");
}

#[test]
fn the_manual_page_is_printed_in_roff() {
    let data = tempfile::tempdir().unwrap();
    let out = discern(data.path()).arg("man").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let page = stdout(&out);
    assert!(page.contains(".TH DISCERN 1"), "{page}");
    assert!(page.contains("ethical reading grid"), "{page}");
    // One page holds every command: it cites no page that does not exist.
    assert!(!page.contains("discern-new(1)") && !page.contains("(1)"), "{page}");
    for words in [
        ".SH FILES",
        ".SH ENVIRONMENT",
        ".SH \"EXIT STATUS\"",
        "DISCERN_DATA_DIR",
        "config.toml",
        "LC_ALL, LC_MESSAGES, LANG",
        ".SS \"discern follow-up\"",
        ".SS \"discern grid check\"",
    ] {
        assert!(page.contains(words), "{words}: {page}");
    }
    let out = discern(data.path()).args(["--lang", "fr", "man"]).output().unwrap();
    let page = stdout(&out);
    assert!(page.contains("grille de lecture éthique"), "{page}");
    for words in [".SH NOM", ".SH FICHIERS", ".SH ENVIRONNEMENT", "<PARCOURS>", "DISCERN_DATA_DIR"] {
        assert!(page.contains(words), "{words}: {page}");
    }
    // groff, where it is installed, reads it without a warning.
    let file = data.path().join("discern.1");
    fs::write(&file, &page).unwrap();
    match std::process::Command::new("groff").args(["-k", "-man", "-Tutf8", "-ww", "-z"]).arg(&file).output()
    {
        Ok(out) => assert!(out.status.success() && out.stderr.is_empty(), "{}", stderr(&out)),
        Err(_) => eprintln!("WARNING: groff is not installed: the manual page is not typeset"),
    }
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
    assert!(text.contains("broken.fr.toml:2:6: erreur : "), "{text}");
    for english in ["unclosed", "expected", "No such file", "os error", "error:"] {
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
