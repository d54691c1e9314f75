//! What a hostile or careless file can try against the command line: each
//! test reproduces one finding of the attack on discern (issue 11).

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{discern, stderr, stdout};

const GRID: &str = "tests/grids/good/example.fr.toml";

fn new_trail(data: &Path) -> PathBuf {
    let out = discern(data).args(["new", "--grid", GRID, "--title", "Cas"]).write_stdin("").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    PathBuf::from(stdout(&out).lines().last().unwrap())
}

#[test]
fn a_purge_age_past_the_calendar_is_an_error_not_a_panic() {
    let data = tempfile::tempdir().unwrap();
    new_trail(data.path());
    // The attack's figure reached just past the calendar's first day in
    // 2026; it falls inside it as days pass, and must never panic.
    let out = discern(data.path()).args(["purge", "--older-than", "96486081", "--yes"]).output().unwrap();
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    let out = discern(data.path()).args(["purge", "--older-than", "200000000", "--yes"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("200000000 days reach back before the calendar begins"),
        "{}",
        stderr(&out)
    );
    fs::write(data.path().join("config.toml"), "retention_days = 4294967295\n").unwrap();
    let out = discern(data.path()).args(["purge", "--yes"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    let trails = fs::read_dir(data.path().join("sessions"))
        .unwrap()
        .filter(|e| !e.as_ref().unwrap().file_name().to_string_lossy().starts_with('.'))
        .count();
    assert_eq!(trails, 1, "nothing deleted");
}

#[test]
fn delete_refuses_a_file_that_is_not_a_trail_and_creates_nothing() {
    let data = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let notes = elsewhere.path().join("notes.toml");
    fs::write(&notes, "name = \"not a trail\"\n").unwrap();
    let out = discern(data.path()).args(["delete", notes.to_str().unwrap(), "--yes"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("is not a readable trail"), "{}", stderr(&out));
    assert!(notes.exists());
    // A trail outside any sessions folder is not deleted either, and nothing
    // (no lock file) is created beside it.
    let trail = new_trail(data.path());
    let copy = elsewhere.path().join("copy.toml");
    fs::copy(&trail, &copy).unwrap();
    let out =
        discern(data.path()).args(["delete", copy.to_str().unwrap()]).write_stdin("y\n").output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("is not in a trails folder"), "{}", stderr(&out));
    let mut names: Vec<String> = fs::read_dir(elsewhere.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into())
        .collect();
    names.sort();
    assert_eq!(names, ["copy.toml", "notes.toml"]);
}

#[test]
fn delete_creates_no_lock_file_before_the_confirmation() {
    let data = tempfile::tempdir().unwrap();
    let trail = new_trail(data.path());
    let lock = trail.with_file_name(format!(".{}.lock", trail.file_name().unwrap().to_string_lossy()));
    let _ = fs::remove_file(&lock);
    let out =
        discern(data.path()).args(["delete", trail.to_str().unwrap()]).write_stdin("n\n").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(trail.exists());
    assert!(!lock.exists(), "the lock file was created before the answer");
}

#[cfg(unix)]
#[test]
fn a_grid_path_that_is_a_fifo_or_a_terminal_is_refused_without_waiting() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("grid.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    for grid in [fifo.to_str().unwrap(), "/dev/stdin"] {
        let out = discern(data.path()).args(["grid", "check", grid]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{grid}");
        assert!(stdout(&out).contains("not a regular file"), "{}", stdout(&out));
    }
    // A trail naming such a grid: export and review do not hang.
    let trail = new_trail(data.path());
    let text = fs::read_to_string(&trail).unwrap();
    let pointed = text.replacen("[grid]\n", &format!("[grid]\npath = \"{}\"\n", fifo.display()), 1);
    let pointed =
        if text.contains("\npath = ") {
            text.lines()
                .map(|l| {
                    if l.starts_with("path = ") { format!("path = \"{}\"", fifo.display()) } else { l.into() }
                })
                .collect::<Vec<_>>()
                .join("\n")
        } else {
            pointed
        };
    fs::write(&trail, pointed).unwrap();
    for command in ["export", "review"] {
        let out = discern(data.path())
            .args(
                [command, trail.to_str().unwrap(), "--yes"]
                    .iter()
                    .filter(|a| command == "export" || **a != "--yes"),
            )
            .output()
            .unwrap();
        assert!(out.status.success(), "{command}: {}", stderr(&out));
    }
}

#[cfg(unix)]
#[test]
fn symlinks_planted_in_the_data_folder_are_refused_and_their_targets_untouched() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let data = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;

    // A lock file that is a link to a file outside.
    let trail = new_trail(data.path());
    let victim = outside.path().join("victim");
    fs::write(&victim, "keep").unwrap();
    fs::set_permissions(&victim, fs::Permissions::from_mode(0o644)).unwrap();
    let lock = trail.with_file_name(format!(".{}.lock", trail.file_name().unwrap().to_string_lossy()));
    let _ = fs::remove_file(&lock);
    symlink(&victim, &lock).unwrap();
    let absent = outside.path().join("created");
    let out = discern(data.path())
        .args(["open", "--plain", trail.to_str().unwrap()])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("is a symbolic link"), "{}", stderr(&out));
    assert_eq!(mode(&victim), 0o644, "the target is not chmod'ed");
    assert_eq!(fs::read_to_string(&victim).unwrap(), "keep");
    fs::remove_file(&lock).unwrap();
    symlink(&absent, &lock).unwrap();
    let _ = discern(data.path())
        .args(["open", "--plain", trail.to_str().unwrap()])
        .write_stdin("")
        .output()
        .unwrap();
    assert!(!absent.exists(), "no file is created through the link");

    // sessions/ and exports/ as links to a folder outside.
    let data = tempfile::tempdir().unwrap();
    let target = outside.path().join("folder");
    fs::create_dir(&target).unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o755)).unwrap();
    symlink(&target, data.path().join("sessions")).unwrap();
    let out = discern(data.path())
        .args(["new", "--grid", GRID, "--title", "Cas"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("is a symbolic link"), "{}", stderr(&out));
    assert_eq!(mode(&target), 0o755);
    assert_eq!(fs::read_dir(&target).unwrap().count(), 0, "nothing written into the target");
}

#[cfg(unix)]
#[test]
fn grid_new_writes_a_private_file_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let data = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("discern");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("umask 000; exec \"$0\" --lang en grid new mine")
        .arg(&bin)
        .env("DISCERN_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let path = PathBuf::from(stdout(&out).trim());
    assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
}

/// Reads lines from `reader` on a thread; the receiver gets them as they come.
fn lines_of(reader: impl std::io::Read + Send + 'static) -> std::sync::mpsc::Receiver<String> {
    use std::io::BufRead;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(reader).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Waits for a line holding `needle`; a generous bound turns a hang into a failure.
fn wait_for(rx: &std::sync::mpsc::Receiver<String>, needle: &str) -> bool {
    while let Ok(line) = rx.recv_timeout(std::time::Duration::from_secs(60)) {
        if line.contains(needle) {
            return true;
        }
    }
    false
}

#[test]
fn plain_mode_says_at_once_that_a_save_failed() {
    use std::io::Write;
    use std::process::Stdio;
    let data = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("discern"))
        .args(["--lang", "en", "new", "--plain", "--grid", GRID, "--title", "Cas"])
        .env("DISCERN_DATA_DIR", data.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = lines_of(child.stdout.take().unwrap());
    let err = lines_of(child.stderr.take().unwrap());
    let mut input = child.stdin.take().unwrap();
    assert!(wait_for(&out, "qui vous demande quoi"), "the first question is asked");
    input.write_all(b"Un premier recit.\n").unwrap();
    input.flush().unwrap();
    assert!(wait_for(&out, "Dans quel régime"), "the second question is asked");
    // The first answer was saved at once; another program now changes the file.
    let trail = fs::read_dir(data.path().join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.extension().is_some_and(|x| x == "toml")
                && !p.file_name().unwrap().to_string_lossy().starts_with('.')
        })
        .unwrap();
    assert!(fs::read_to_string(&trail).unwrap().contains("Un premier recit."));
    let mut changed = fs::read_to_string(&trail).unwrap();
    changed.push_str("# changed by another program\n");
    fs::write(&trail, &changed).unwrap();
    input.write_all(b"1\n").unwrap();
    input.flush().unwrap();
    assert!(wait_for(&err, "changed on disk"), "the failed save is reported before the input ends");
    drop(input);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(2));
    assert_eq!(fs::read_to_string(&trail).unwrap(), changed, "the other program's change is kept");
}

#[test]
fn a_scripted_plain_walk_saved_in_batches_keeps_every_answer() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let grid = dir.path().join("long.en.toml");
    let mut text = String::from(
        "format = 1\n[grid]\nid = \"long\"\nversion = \"1\"\nlanguage = \"en\"\ntitle = \"Long\"\n[[steps]]\nid = \"s\"\ntitle = \"S\"\n",
    );
    for q in 0..300 {
        text.push_str(&format!(
            "[[steps.questions]]\nid = \"q{q}\"\nkind = \"text\"\nprompt = \"Question {q}?\"\n"
        ));
    }
    fs::write(&grid, text).unwrap();
    let input: String = (0..300).map(|q| format!("answer {q}\n")).collect();
    let out = discern(data.path())
        .args(["new", "--grid", grid.to_str().unwrap(), "--title", "Long"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let path = PathBuf::from(stdout(&out).lines().last().unwrap());
    let saved = fs::read_to_string(path).unwrap();
    for q in [0, 150, 299] {
        assert!(saved.contains(&format!("answer {q}\"")), "answer {q} is saved");
    }
}

#[test]
fn keys_written_by_a_newer_version_survive_a_walk() {
    let data = tempfile::tempdir().unwrap();
    let trail = new_trail(data.path());
    let text = fs::read_to_string(&trail).unwrap();
    let text = text.replacen("\n[grid]\n", "\nmood = \"calm\"\n\n[grid]\ncolour = \"blue\"\n", 1);
    fs::write(&trail, text).unwrap();
    let out = discern(data.path())
        .args(["open", "--plain", trail.to_str().unwrap()])
        .write_stdin("Un récit.\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let saved = fs::read_to_string(&trail).unwrap();
    assert!(saved.contains("Un récit."), "{saved}");
    assert!(saved.contains("mood = \"calm\""), "{saved}");
    assert!(saved.contains("colour = \"blue\""), "{saved}");
}

#[test]
fn a_grid_of_far_more_keys_than_any_grid_is_refused_before_parsing() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let grid = dir.path().join("many.toml");
    let keys: String = (0..120_000).map(|i| format!("k{i}=1\n")).collect();
    fs::write(&grid, format!("format = 1\n{keys}")).unwrap();
    let out = discern(data.path()).args(["grid", "check", grid.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains(":1:1: error: the file holds more than 100,000 keys, values and tables"),
        "{}",
        stdout(&out)
    );
}

/// Issue 21: `list` and `due` wrote the index into the folder a symlinked
/// `sessions/` points to, and `delete` removed a trail there. Every command
/// that uses the sessions folder refuses the link, as `new` does, and
/// leaves what it points to untouched.
#[cfg(unix)]
#[test]
fn every_command_refuses_a_sessions_folder_that_is_a_link() {
    let data = tempfile::tempdir().unwrap();
    let trail = new_trail(data.path());
    let id = trail.file_stem().unwrap().to_string_lossy()[11..].to_string();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("elsewhere");
    fs::rename(data.path().join("sessions"), &target).unwrap();
    for leftover in fs::read_dir(&target).unwrap() {
        let path = leftover.unwrap().path();
        if path.file_name().unwrap().to_string_lossy().starts_with('.') {
            fs::remove_file(path).unwrap();
        }
    }
    std::os::unix::fs::symlink(&target, data.path().join("sessions")).unwrap();
    let before: Vec<_> = fs::read_dir(&target).unwrap().map(|e| e.unwrap().file_name()).collect();
    for args in [
        vec!["list"],
        vec!["list", "--json"],
        vec!["due"],
        vec!["export", &id, "--yes"],
        vec!["delete", &id, "--yes"],
        vec!["purge", "--older-than", "0", "--yes"],
        vec!["open", &id],
        vec![],
    ] {
        let out = discern(data.path()).args(&args).write_stdin("").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("sessions is a symbolic link"), "{args:?}: {}", stderr(&out));
        let now: Vec<_> = fs::read_dir(&target).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(now, before, "{args:?}: nothing written or deleted where the link points");
    }
    // Grids need no sessions folder.
    let out = discern(data.path()).args(["grid", "list"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

/// Issue 21: a data folder others can write in, or that another user owns,
/// was used without a word. It is said once a run, and discern's own
/// folders open to others are made private again (a folder the user named
/// is theirs: only told).
#[cfg(unix)]
#[test]
fn a_data_folder_open_to_others_is_said_once_and_discerns_own_folders_are_made_private() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("atelier");
    new_trail(&data);
    let sessions = data.join("sessions");
    fs::set_permissions(&data, fs::Permissions::from_mode(0o777)).unwrap();
    fs::set_permissions(&sessions, fs::Permissions::from_mode(0o755)).unwrap();
    let out = discern(&data).arg("list").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    let writable = format!("other users of this computer can write in {}", data.display());
    assert_eq!(said.matches(&writable).count(), 1, "{said}");
    let private =
        format!("{} was open to other users of this computer: discern made it private", sessions.display());
    assert_eq!(said.matches(&private).count(), 1, "{said}");
    assert_eq!(mode(&sessions), 0o700);
    assert_eq!(mode(&data), 0o777, "a folder the user named is left as it is");
    let out = discern(&data).env("LANG", "fr_FR.UTF-8").arg("list").output().unwrap();
    let said = stderr(&out);
    assert!(!said.contains("rendu privé"), "made private once: {said}");
    assert!(said.contains(&format!(
        "d'autres utilisateurs de cet ordinateur peuvent écrire dans {}",
        data.display()
    )));

    // The system's data folder is discern's own: made private too.
    let home = tempfile::tempdir().unwrap();
    let own = |cmd: &mut assert_cmd::Command| {
        cmd.env_remove("DISCERN_DATA_DIR")
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("share"));
    };
    let mut cmd = discern(&data);
    own(&mut cmd);
    let out = cmd.args(["new", "--grid", GRID, "--title", "Cas"]).write_stdin("").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let system = home.path().join("share/discern");
    assert_eq!(mode(&system), 0o700);
    fs::set_permissions(&system, fs::Permissions::from_mode(0o775)).unwrap();
    let mut cmd = discern(&data);
    own(&mut cmd);
    let out = cmd.arg("list").output().unwrap();
    assert!(stderr(&out).contains("discern made it private"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("can write in"), "{}", stderr(&out));
    assert_eq!(mode(&system), 0o700);

    // Another user's folder (where the tests may give one away: as root).
    if std::os::unix::fs::chown(&data, Some(65534), None).is_ok() {
        let out = discern(&data).arg("list").output().unwrap();
        let said = stderr(&out);
        assert!(
            said.contains(&format!("{} belongs to another user of this computer", data.display())),
            "{said}"
        );
    }
}

/// Issue 21: after a save that kept the tables of a newer version, `[end]`
/// was no longer the last table (tables were written in the order of their
/// names), so a file cut after it went unseen. It stays last.
#[test]
fn the_end_table_stays_last_when_a_newer_versions_tables_are_kept() {
    let data = tempfile::tempdir().unwrap();
    let trail = new_trail(data.path());
    let text = fs::read_to_string(&trail).unwrap();
    fs::write(&trail, format!("{text}\n[review]\nstate = \"open\"\n\n[[zones]]\nname = \"a\"\n")).unwrap();
    let out = discern(data.path())
        .args(["open", "--plain", trail.to_str().unwrap()])
        .write_stdin("Un récit.\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let saved = fs::read_to_string(&trail).unwrap();
    assert!(saved.contains("Un récit."), "{saved}");
    assert!(saved.contains("[review]") && saved.contains("[[zones]]"), "kept: {saved}");
    assert!(saved.starts_with("format = 1\nends_with = \"[end]\"\n"), "{saved}");
    let last_table = saved.lines().rfind(|l| l.starts_with('['));
    assert_eq!(last_table, Some("[end]"), "{saved}");
}

/// Issue 21: a damaged trail's message quoted toml's words, which quote the
/// value (« unknown variant `Mme Durand X` »). It names the line, the key
/// and what discern writes there, in the user's language, never the value.
#[test]
fn a_damaged_trail_is_told_by_its_key_and_line_never_by_its_value() {
    let data = tempfile::tempdir().unwrap();
    let out = discern(data.path())
        .args(["new", "--grid", GRID, "--title", "Cas"])
        .write_stdin("Faits\n")
        .output()
        .unwrap();
    let trail = PathBuf::from(stdout(&out).lines().last().unwrap());
    let text = fs::read_to_string(&trail).unwrap();
    let kind = text.find("kind = \"").expect("an answer");
    let end = kind + text[kind..].find('\n').unwrap();
    let line = text[..kind].lines().count() + 1;
    fs::write(&trail, format!("{}kind = \"Mme Durand X\"{}", &text[..kind], &text[end..])).unwrap();
    for (lang, expected) in [
        (
            "C",
            format!(
                "invalid content at line {line}, column 8: `answers.kind` holds a value discern does not write there (it writes text, choice, multi, scale, note or date)"
            ),
        ),
        (
            "fr_FR.UTF-8",
            format!(
                "contenu invalide ligne {line}, colonne 8 : `answers.kind` porte une valeur que discern n'y écrit pas (il y écrit text, choice, multi, scale, note ou date)"
            ),
        ),
    ] {
        for args in [vec!["list"], vec!["export", trail.to_str().unwrap()]] {
            let out = discern(data.path()).env("LANG", lang).args(&args).output().unwrap();
            let said = format!("{}{}", stdout(&out), stderr(&out));
            assert!(!said.contains("Durand"), "{args:?}: {said}");
            assert!(said.contains(&expected), "{args:?}: {said}");
        }
    }
}
