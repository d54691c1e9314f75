//! The trail commands and the plain walkthrough, through the real binary.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{aged, discern, stderr, stdout};
use serde_json::Value;

const GRID: &str = "tests/grids/good/example.fr.toml";

/// Starts a trail in plain mode from `input`; returns the trail's path.
fn new_trail(data: &Path, title: &str, input: &str) -> PathBuf {
    let out =
        discern(data).args(["new", "--grid", GRID, "--title", title]).write_stdin(input).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let last = text.lines().last().expect("a last line");
    let path = PathBuf::from(last);
    assert!(path.is_file(), "the last line is the trail's path: {text}");
    path
}

fn json_of(data: &Path, trail: &str) -> Value {
    let out = discern(data).args(["export", trail, "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn plain_walkthrough_branches_and_saves_every_answer() {
    let data = tempfile::tempdir().unwrap();
    let path = new_trail(data.path(), "Demande du collège", "L'école demande.\n3\n1,2\n4\nParce que.\n");
    let v = json_of(data.path(), &path.display().to_string());
    assert_eq!(v["title"], "Demande du collège");
    assert_eq!(v["grid"]["id"], "delor-secret");
    let steps = v["steps"].as_array().unwrap();
    assert_eq!(steps[0]["questions"][0]["answer"], "L'école demande.");
    assert_eq!(steps[0]["questions"][1]["answer"], "must");
    assert_eq!(steps[1]["shown"], true);
    assert_eq!(steps[1]["questions"][0]["answer"], serde_json::json!(["danger", "child"]));
    assert_eq!(steps[1]["questions"][1]["answer"], 4);
    assert_eq!(steps[1]["questions"][2]["answer"], "Parce que.");
    assert_eq!(v["outcome"], "La loi m'oblige à parler ou à agir");
}

#[test]
fn plain_output_numbers_options_and_puts_other_last() {
    let data = tempfile::tempdir().unwrap();
    let out = discern(data.path())
        .args(["--lang", "fr", "new", "--grid", GRID, "--title", "T"])
        .write_stdin("\n3\n")
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.contains("1) Le secret m'impose de me taire\n2) La loi me permet de parler — Une permission, pas une obligation.\n3) La loi m'oblige à parler ou à agir\n"), "{text}");
    assert!(text.contains("1) Péril imminent (non-assistance à personne en danger)\n2) Information préoccupante (protection de l'enfance)\n3) Autre : …\n"), "{text}");
}

#[test]
fn a_hidden_step_is_never_asked_in_plain_mode() {
    let data = tempfile::tempdir().unwrap();
    let out = discern(data.path())
        .args(["new", "--grid", GRID, "--title", "T"])
        .write_stdin("x\n1\n")
        .output()
        .unwrap();
    assert!(!stdout(&out).contains("L'obligation de parler"), "{}", stdout(&out));
}

#[test]
fn reopening_keeps_on_empty_clears_on_dash_and_keeps_the_history() {
    let data = tempfile::tempdir().unwrap();
    let path = new_trail(data.path(), "T", "Premier récit\n3\n");
    let arg = path.display().to_string();
    let out = discern(data.path()).args(["open", &arg]).write_stdin("Second récit\n-\n").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Current answer: Premier récit"), "{text}");
    assert!(text.contains("Current answer: La loi m'oblige"), "{text}");
    assert_eq!(text.lines().last().unwrap(), arg);
    let v = json_of(data.path(), &arg);
    let facts = &v["steps"][0]["questions"][0];
    assert_eq!(facts["answer"], "Second récit");
    assert_eq!(facts["history"][0]["answer"], "Premier récit");
    let regime = &v["steps"][0]["questions"][1];
    assert_eq!(regime["answer"], Value::Null);
    assert_eq!(regime["history"][0]["answer"], "must");
    // The step it had opened is hidden again.
    assert_eq!(v["steps"][1]["shown"], false);
}

#[test]
fn a_line_that_does_not_fit_is_explained_and_asked_again() {
    let data = tempfile::tempdir().unwrap();
    let out = discern(data.path())
        .args(["new", "--grid", GRID, "--title", "T"])
        .write_stdin("\nmaybe\n2\n")
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.contains("“maybe” matches no option"), "{text}");
    let path = text.lines().last().unwrap().to_string();
    assert_eq!(json_of(data.path(), &path)["steps"][0]["questions"][1]["answer"], "may");
}

#[test]
fn trails_are_private_files_in_private_folders() {
    use std::os::unix::fs::PermissionsExt;
    let data = tempfile::tempdir().unwrap();
    let root = data.path().join("fresh");
    let path = new_trail(&root, "T", "x\n");
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
    assert_eq!(mode(&root), 0o700);
    // Named after the day it was created (read from the file, not the clock).
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let text = fs::read_to_string(&path).unwrap();
    let created = text.lines().find_map(|l| l.strip_prefix("created = ")).unwrap().trim_matches('"');
    assert!(name.starts_with(&format!("{}-", &created[..10])), "{name} {created}");
    assert_eq!(name.len(), "YYYY-MM-DD-abcd2345.toml".len(), "no word of the title: {name}");
}

#[test]
fn list_shows_each_trails_id_first_to_be_typed_as_trail() {
    // PRODUCT.md: `discern list` shows each trail's id.
    let data = tempfile::tempdir().unwrap();
    let path = new_trail(data.path(), "Demande", "a\n1\n");
    let id = json_of(data.path(), &path.display().to_string())["id"].as_str().unwrap().to_string();
    let out = discern(data.path()).arg("list").output().unwrap();
    let text = stdout(&out);
    assert!(text.starts_with(&format!("{id}  ")), "{text}");
    assert!(discern(data.path()).args(["export", &id]).output().unwrap().status.success());
}

#[test]
fn list_shows_newest_first_with_outcome_and_damaged_files_without_stopping() {
    let data = tempfile::tempdir().unwrap();
    let first = new_trail(data.path(), "Première", "a\n1\n");
    // Changed long ago, rather than a second before the next one.
    fs::write(&first, aged(&fs::read_to_string(&first).unwrap())).unwrap();
    let second = new_trail(data.path(), "Seconde", "b\n2\n");
    let damaged = data.path().join("sessions/2026-01-01-broken-zzzzzzzz.toml");
    fs::write(&damaged, "format = 1\nid = ").unwrap();
    let before = fs::read(&damaged).unwrap();
    let out = discern(data.path()).arg("list").output().unwrap();
    assert!(out.status.success());
    let text = stdout(&out);
    let (p1, p2) = (text.find("Première").unwrap(), text.find("Seconde").unwrap());
    assert!(p2 < p1, "newest first:\n{text}");
    assert!(text.contains("[delor-secret]  Le secret m'impose de me taire"), "{text}");
    assert!(text.contains("DAMAGED"), "{text}");
    assert!(text.contains(&first.display().to_string()) && text.contains(&second.display().to_string()));
    let json: Value =
        serde_json::from_str(&stdout(&discern(data.path()).args(["list", "--json"]).output().unwrap()))
            .unwrap();
    let items = json.as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert!(items.iter().any(|i| i["damaged"].is_string()));
    let titles: Vec<&str> = items.iter().filter_map(|i| i["title"].as_str()).collect();
    assert_eq!(titles, ["Seconde", "Première"]);
    // Listing never touches a damaged file.
    assert_eq!(fs::read(&damaged).unwrap(), before);
    let open = discern(data.path())
        .args(["open", &damaged.display().to_string()])
        .write_stdin("x\n")
        .output()
        .unwrap();
    assert_eq!(open.status.code(), Some(2));
    assert!(stderr(&open).contains("is damaged"), "{}", stderr(&open));
    assert_eq!(fs::read(&damaged).unwrap(), before);
}

#[test]
fn a_trail_is_found_by_id_prefix_and_an_ambiguous_prefix_lists_candidates() {
    let data = tempfile::tempdir().unwrap();
    let path = new_trail(data.path(), "T", "x\n");
    let id = path.file_stem().unwrap().to_string_lossy().rsplit('-').next().unwrap().to_string();
    let v = json_of(data.path(), &id[..4]);
    assert_eq!(v["id"], id.as_str());
    let sessions = data.path().join("sessions");
    for other in ["aaaa2222", "aaab2222"] {
        fs::copy(&path, sessions.join(format!("2026-01-01-t-{other}.toml"))).unwrap();
    }
    let out = discern(data.path()).args(["export", "aaa"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("names several trails") && err.contains("aaaa2222") && err.contains("aaab2222"),
        "{err}"
    );
    let out = discern(data.path()).args(["export", "nope"]).output().unwrap();
    assert!(stderr(&out).contains("no trail “nope”"));
}

#[test]
fn export_writes_markdown_to_a_private_file() {
    use std::os::unix::fs::PermissionsExt;
    let data = tempfile::tempdir().unwrap();
    let path = new_trail(data.path(), "Réunion de jeudi", "Les faits.\n1\n");
    let target = data.path().join("out.md");
    let out = discern(data.path())
        .args(["--lang", "fr", "export", &path.display().to_string(), "--format", "md", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let md = fs::read_to_string(&target).unwrap();
    assert!(md.starts_with("# Réunion de jeudi\n"), "{md}");
    assert!(md.contains("- **Que s'est-il passé, et qui vous demande quoi ?** Les faits.\n"), "{md}");
    assert_eq!(fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o600);
    let txt = discern(data.path())
        .args(["export", &path.display().to_string(), "--format", "txt"])
        .output()
        .unwrap();
    assert!(stdout(&txt).starts_with("Réunion de jeudi\n================"));
}

#[test]
fn delete_asks_unless_yes_and_purge_removes_only_old_trails() {
    let data = tempfile::tempdir().unwrap();
    let path = new_trail(data.path(), "T", "x\n");
    let arg = path.display().to_string();
    let out = discern(data.path()).args(["delete", &arg]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "no terminal to confirm on");
    assert!(stderr(&out).contains("--yes"));
    assert!(path.exists());
    let out = discern(data.path()).args(["delete", &arg]).write_stdin("n\n").output().unwrap();
    assert!(out.status.success());
    assert!(stderr(&out).contains("Nothing was deleted"));
    assert!(path.exists());
    let out = discern(data.path()).args(["delete", &arg]).write_stdin("y\n").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!path.exists());
    let path = new_trail(data.path(), "T", "x\n");
    let out = discern(data.path()).args(["delete", &path.display().to_string(), "--yes"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!path.exists());

    let recent = new_trail(data.path(), "Recent", "x\n");
    let old = new_trail(data.path(), "Old", "x\n");
    let text = fs::read_to_string(&old).unwrap();
    fs::write(&old, aged(&text)).unwrap();
    let out = discern(data.path()).args(["purge", "--older-than", "30", "--yes"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!old.exists());
    assert!(recent.exists());
}

#[test]
fn messages_are_in_french_with_a_french_locale() {
    let data = tempfile::tempdir().unwrap();
    let out = discern(data.path()).env("LANG", "fr_FR.UTF-8").args(["export", "nope"]).output().unwrap();
    assert!(stderr(&out).contains("aucun parcours « nope »"), "{}", stderr(&out));
}

#[test]
fn an_unknown_config_key_is_reported_and_the_rest_applies() {
    let data = tempfile::tempdir().unwrap();
    fs::write(data.path().join("config.toml"), "language = \"fr\"\nlangue = \"en\"\n").unwrap();
    let out = discern(data.path()).args(["export", "nope"]).output().unwrap();
    let err = stderr(&out);
    assert!(err.contains("clé inconnue « langue »"), "{err}");
    assert!(err.contains("aucun parcours"), "{err}");
}

#[test]
fn lint_names_the_question_quotes_the_text_and_exits_1() {
    let data = tempfile::tempdir().unwrap();
    let path = new_trail(data.path(), "T", "Madame Durand a appelé du 06 12 34 56 78.\n");
    let arg = path.display().to_string();
    let out = discern(data.path()).args(["lint", &arg]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("“Que s'est-il passé, et qui vous demande quoi ?” (situation.facts): looks like a person's name: “Madame Durand”"), "{text}");
    assert!(text.contains("looks like a phone number: “06 12 34 56 78”"), "{text}");
    let clean = new_trail(data.path(), "T", "Mme D. a appelé jeudi.\n");
    let out = discern(data.path()).args(["lint", &clean.display().to_string()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn the_plain_walkthrough_warns_without_blocking() {
    let data = tempfile::tempdir().unwrap();
    let out = discern(data.path())
        .args(["new", "--grid", GRID, "--title", "T"])
        .write_stdin("Écrire à jean.dupont@example.org\n")
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(text.contains("This looks like an e-mail address: “jean.dupont@example.org”"), "{text}");
    let path = text.lines().last().unwrap().to_string();
    assert_eq!(
        json_of_yes(data.path(), &path)["steps"][0]["questions"][0]["answer"],
        "Écrire à jean.dupont@example.org"
    );
}

fn json_of_yes(data: &Path, trail: &str) -> Value {
    let out = discern(data).args(["export", trail, "--format", "json", "--yes"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn list_json_keys_are_those_scripts_rely_on() {
    let data = tempfile::tempdir().unwrap();
    new_trail(data.path(), "Réunion", "Les faits.\n1\n");
    let out = discern(data.path()).args(["list", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&v[0]), ["created", "grid", "id", "outcome", "path", "revisit", "title", "updated"]);
    assert_eq!(keys(&v[0]["grid"]), ["id", "language", "title", "version"]);
    assert_eq!(v[0]["grid"]["id"], "delor-secret");
}

#[test]
fn export_never_replaces_a_file_silently_but_does_with_force() {
    let data = tempfile::tempdir().unwrap();
    let path = new_trail(data.path(), "Réunion de jeudi", "Les faits.\n1\n");
    let trail = path.display().to_string();
    let target = data.path().join("out.md");
    fs::write(&target, "mine").unwrap();
    for (lang, words) in
        [("en", "already exists: nothing was replaced"), ("fr", "existe déjà : rien n'a été remplacé")]
    {
        let out = discern(data.path())
            .args(["--lang", lang, "export", &trail, "-o"])
            .arg(&target)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains(words), "{}", stderr(&out));
        assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
        assert_eq!(fs::read_to_string(&target).unwrap(), "mine", "the file is left as it was");
    }
    let out = discern(data.path()).args(["export", &trail, "--force", "-o"]).arg(&target).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(fs::read_to_string(&target).unwrap().starts_with("# Réunion de jeudi\n"));
    // A link is not followed to the file it names either.
    let elsewhere = data.path().join("elsewhere.md");
    fs::write(&elsewhere, "theirs").unwrap();
    let link = data.path().join("link.md");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    let out = discern(data.path()).args(["export", &trail, "-o"]).arg(&link).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read_to_string(&elsewhere).unwrap(), "theirs");
    // --force needs a file to replace.
    let out = discern(data.path()).args(["export", &trail, "--force"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn new_refuses_an_export_file_that_exists_before_the_walk() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("atelier.md");
    fs::write(&file, "mine").unwrap();
    let out = discern(&data.path().join("data"))
        .args(["new", "--ephemeral", "--grid", GRID, "--title", "Atelier", "-o"])
        .arg(&file)
        .write_stdin("Un cas d'atelier.\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert!(!stdout(&out).contains("Un cas"), "no question was asked");
    assert_eq!(fs::read_to_string(&file).unwrap(), "mine");
}

#[test]
fn export_with_warnings_needs_a_confirmation_or_yes() {
    let data = tempfile::tempdir().unwrap();
    let path = new_trail(data.path(), "T", "Né le 12/03/1985.\n");
    let target = data.path().join("out.md");
    let out = discern(data.path())
        .args(["export", &path.display().to_string(), "-o"])
        .arg(&target)
        .output()
        .unwrap();
    // End of input is a no: a refused confirmation, exit status 1.
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("looks like a full date or date of birth: “12/03/1985”"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("--yes"));
    assert!(!target.exists());
    let out = discern(data.path())
        .args(["export", &path.display().to_string(), "--yes", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(target.exists());
}

#[test]
fn compare_lines_up_two_trails_of_one_grid() {
    let data = tempfile::tempdir().unwrap();
    let a = new_trail(data.path(), "Avant supervision", "Récit.\n1\n");
    let b = new_trail(data.path(), "Après supervision", "Récit.\n3\n1\n");
    let out = discern(data.path())
        .args([
            "--lang",
            "fr",
            "compare",
            &a.display().to_string(),
            &b.display().to_string(),
            "--format",
            "md",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.contains("- 1. Avant supervision"), "{md}");
    assert!(md.contains("**Dans quel régime vous situez-vous d'abord ?** — réponses différentes\n\n- 1. Le secret m'impose de me taire\n- 2. La loi m'oblige à parler ou à agir\n"), "{md}");
    assert!(
        md.contains("**Que s'est-il passé, et qui vous demande quoi ?**\n\n- 1. Récit.\n- 2. Récit.\n"),
        "{md}"
    );
    assert!(
        md.contains(
            "**Sur quel fondement ?** — réponses différentes\n\n- 1. (Non posée)\n- 2. Péril imminent"
        ),
        "{md}"
    );
}

#[test]
fn compare_refuses_trails_of_different_grids() {
    let data = tempfile::tempdir().unwrap();
    let a = new_trail(data.path(), "A", "x\n");
    let out = discern(data.path())
        .args(["new", "--grid", "tests/grids/good/minimal.toml", "--title", "B"])
        .write_stdin("")
        .output()
        .unwrap();
    let b = stdout(&out).lines().last().unwrap().to_string();
    let out = discern(data.path()).args(["compare", &a.display().to_string(), &b]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not made with the same grid"), "{}", stderr(&out));
}

#[test]
fn an_ephemeral_walk_writes_nothing_at_all() {
    let data = tempfile::tempdir().unwrap();
    let root = data.path().join("data");
    let out = discern(&root)
        .args(["new", "--ephemeral", "--grid", "delor-secret", "--title", "Atelier"])
        .write_stdin("Un cas d'atelier.\n1\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).ends_with("Ephemeral walk: nothing was saved.\n"));
    assert!(!root.exists(), "the data folder was not even created");
}

#[test]
fn an_ephemeral_walk_can_still_export_to_a_named_file() {
    let data = tempfile::tempdir().unwrap();
    let root = data.path().join("data");
    let file = data.path().join("atelier.md");
    let out = discern(&root)
        .args(["--lang", "fr", "new", "--ephemeral", "--grid", GRID, "--title", "Atelier", "-o"])
        .arg(&file)
        .write_stdin("Un cas d'atelier.\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(fs::read_to_string(&file).unwrap().contains("Un cas d'atelier."));
    assert!(!root.exists());
}

#[test]
fn purge_takes_its_age_from_the_config_when_none_is_given() {
    let data = tempfile::tempdir().unwrap();
    let old = new_trail(data.path(), "Old", "x\n");
    let text = fs::read_to_string(&old).unwrap();
    fs::write(&old, aged(&text)).unwrap();
    let out = discern(data.path()).args(["purge", "--yes"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--older-than DAYS"), "{}", stderr(&out));
    assert!(old.exists());
    fs::write(data.path().join("config.toml"), "retention_days = 90\n").unwrap();
    let out = discern(data.path()).args(["purge", "--yes"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!old.exists());
}

/// Issue 11: a scale answer out of the grid's range (a trail edited, or
/// the grid changed) is set aside, said in plain mode and marked in the
/// summary; the stored value stays until the person answers again.
#[test]
fn a_scale_answer_out_of_the_grid_is_set_aside_and_said() {
    let data = tempfile::tempdir().unwrap();
    let path = new_trail(data.path(), "T", "L'école demande.\n3\n1,2\n4\nParce que.\n");
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches("scale = 4\n").count(), 1, "{text}");
    fs::write(&path, text.replace("scale = 4\n", "scale = 9\n")).unwrap();
    let trail = path.display().to_string();

    let out =
        discern(data.path()).args(["--lang", "fr", "export", &trail, "--format", "md"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("⚠ La réponse enregistrée (9) sort de l'échelle de 1 à 5 de la grille : elle n'est pas prise en compte."),
        "{}",
        stdout(&out)
    );
    for format in ["txt", "html"] {
        let out = discern(data.path())
            .args(["--lang", "fr", "export", &trail, "--format", format])
            .output()
            .unwrap();
        assert!(stdout(&out).contains("La réponse enregistrée (9) sort de"), "{format}: {}", stdout(&out));
    }
    assert_eq!(json_of(data.path(), &trail)["steps"][1]["questions"][1]["answer"], 9, "the value is kept");

    // Plain mode says it on the question; Enter leaves it as it is, then
    // answering 2 replaces it.
    let out = discern(data.path())
        .args(["--lang", "fr", "open", "--plain", &trail])
        .write_stdin("\n\n\n\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("La réponse enregistrée (9) sort de l'échelle de 1 à 5 de la grille : elle n'est pas prise en compte. Répondez à nouveau si besoin."),
        "{}",
        stdout(&out)
    );
    assert!(fs::read_to_string(&path).unwrap().contains("scale = 9\n"), "nothing lost");
    let out = discern(data.path())
        .args(["--lang", "fr", "open", "--plain", &trail])
        .write_stdin("\n\n\n2\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v = json_of(data.path(), &trail);
    assert_eq!(v["steps"][1]["questions"][1]["answer"], 2);
    let history = v["steps"][1]["questions"][1]["history"].to_string();
    assert!(history.contains('9'), "the 9 is in the history: {history}");
}

#[test]
fn new_with_force_replaces_the_export_file() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("atelier.md");
    fs::write(&file, "mine").unwrap();
    let out = discern(&data.path().join("data"))
        .args(["new", "--ephemeral", "--grid", GRID, "--title", "Atelier", "--force", "-o"])
        .arg(&file)
        .write_stdin("Un cas d'atelier.\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(fs::read_to_string(&file).unwrap().contains("Un cas d'atelier."));
}

/// A file that appears at the export's name while the walk goes on is not
/// replaced, and the walk's answers are not lost: the export goes beside it.
#[test]
fn an_export_file_that_appears_during_the_walk_is_kept_and_the_export_goes_beside_it() {
    use std::io::{BufRead, BufReader, Write};
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("atelier.md");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("discern"))
        .env("DISCERN_DATA_DIR", data.path().join("data"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["new", "--ephemeral", "--grid", GRID, "--title", "Atelier", "-o"])
        .arg(&file)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The first question is asked: the walk has begun.
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut seen = String::new();
    while !seen.contains("Que s'est-il passé") {
        let mut line = String::new();
        assert!(out.read_line(&mut line).unwrap() > 0, "the walk ended before its first question: {seen}");
        seen.push_str(&line);
    }
    fs::write(&file, "mine").unwrap();
    child.stdin.take().unwrap().write_all(b"Un cas d'atelier.\n").unwrap();
    let status = child.wait().unwrap();
    assert!(status.success());
    assert_eq!(fs::read_to_string(&file).unwrap(), "mine");
    let beside = data.path().join("atelier-1.md");
    assert!(fs::read_to_string(&beside).unwrap().contains("Un cas d'atelier."));
    let mut told = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut told).unwrap();
    assert!(told.contains("atelier-1.md"), "{told}");
}
