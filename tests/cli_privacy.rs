//! Nothing identifying outside the trails: file names, lock files, the
//! index and the library's exports, through the real binary.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{discern, stderr, stdout};

const GRID: &str = "tests/grids/good/example.fr.toml";
const TITLE: &str = "Léa Martin, 4 rue des Lilas";

fn new_trail(data: &Path, title: &str) -> PathBuf {
    let out = discern(data)
        .args(["new", "--grid", GRID, "--title", title])
        .write_stdin("Des faits.\n1\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    PathBuf::from(stdout(&out).lines().last().expect("the trail's path"))
}

/// Every file and folder under `dir`, as paths relative to it.
fn all_names(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            out.push(p.strip_prefix(dir).unwrap().display().to_string());
            if p.is_dir() {
                stack.push(p);
            }
        }
    }
    out
}

fn id_of(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().rsplit('-').next().unwrap().to_string()
}

#[test]
fn no_file_name_holds_a_word_of_the_title() {
    let data = tempfile::tempdir().unwrap();
    let path = new_trail(data.path(), TITLE);
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(name, format!("{}-{}.toml", &name[..10], id_of(&path)));
    // Opening takes the lock; the lock file is named like the trail.
    let out = discern(data.path()).args(["open", &id_of(&path)]).write_stdin("\n").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    discern(data.path()).arg("list").output().unwrap();
    let names = all_names(data.path());
    assert!(names.iter().any(|n| n.ends_with(".lock")), "{names:?}");
    for n in &names {
        let lower = n.to_lowercase();
        assert!(!["lea", "léa", "martin", "lilas", "rue"].iter().any(|w| lower.contains(w)), "{n}");
    }
}

#[test]
fn a_trail_named_after_its_title_is_renamed_by_the_next_command_that_writes() {
    let data = tempfile::tempdir().unwrap();
    let path = new_trail(data.path(), TITLE);
    let id = id_of(&path);
    let sessions = path.parent().unwrap();
    let old = sessions.join(format!(
        "{}-lea-martin-4-rue-des-lilas-{id}.toml",
        &path.file_name().unwrap().to_string_lossy()[..10]
    ));
    fs::rename(&path, &old).unwrap();
    fs::write(sessions.join(format!(".{}.lock", old.file_name().unwrap().to_string_lossy())), "").unwrap();
    // A command that only reads leaves it; the path of the old name still works.
    let out = discern(data.path()).args(["export", "--yes", &old.display().to_string()]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(old.is_file());
    let out = discern(data.path()).arg("list").output().unwrap();
    assert!(old.is_file(), "list only reads: it renames nothing");
    // A command that writes (here a purge that finds nothing to delete) renames it.
    let out_purge = discern(data.path()).args(["purge", "--older-than", "36500", "--yes"]).output().unwrap();
    assert!(out_purge.status.success(), "{}", stderr(&out_purge));
    assert!(out.status.success(), "{}", stderr(&out));
    let out = discern(data.path()).arg("list").output().unwrap();
    assert!(!old.exists());
    assert!(path.is_file(), "renamed to DATE-ID.toml: {:?}", all_names(data.path()));
    assert!(all_names(data.path()).iter().all(|n| !n.contains("martin")), "{:?}", all_names(data.path()));
    assert!(stdout(&out).contains(&path.display().to_string()));
    // The old path given on the command line still finds the trail.
    let out = discern(data.path()).args(["export", "--yes", &old.display().to_string()]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_trail_open_elsewhere_keeps_its_old_name_until_a_later_run() {
    let data = tempfile::tempdir().unwrap();
    let path = new_trail(data.path(), TITLE);
    let sessions = path.parent().unwrap();
    let old = sessions.join(format!("2026-01-01-lea-martin-{}.toml", id_of(&path)));
    fs::rename(&path, &old).unwrap();
    let lock =
        fs::File::create(sessions.join(format!(".{}.lock", old.file_name().unwrap().to_string_lossy())))
            .unwrap();
    lock.lock().unwrap();
    let purge = || discern(data.path()).args(["purge", "--older-than", "36500", "--yes"]).output().unwrap();
    purge();
    assert!(old.is_file(), "a trail open elsewhere is not renamed under its writer");
    drop(lock);
    // A later run renames it. (A child process that another test forks in
    // this very moment holds a copy of the lock until it execs: under load
    // the first try may still find it held, as a user's would.)
    for _ in 0..5 {
        purge();
        if !old.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert!(!old.exists() && path.is_file());
}

#[test]
fn delete_removes_the_exports_of_the_library_and_the_index_entry_and_says_so() {
    let data = tempfile::tempdir().unwrap();
    let path = new_trail(data.path(), TITLE);
    let other = new_trail(data.path(), "Autre situation");
    let (id, other_id) = (id_of(&path), id_of(&other));
    let exports = data.path().join("exports");
    fs::create_dir_all(&exports).unwrap();
    for name in [
        format!("{id}-1.md"),
        format!("{id}-2.md"),
        format!("2026-11-29-lea-martin-{id}.md"),
        format!("{other_id}-1.md"),
    ] {
        fs::write(exports.join(name), TITLE).unwrap();
    }
    discern(data.path()).arg("list").output().unwrap();
    let index = data.path().join("sessions/.index.json");
    assert!(fs::read_to_string(&index).unwrap().contains("Léa Martin"));
    let out = discern(data.path()).args(["delete", &id, "--yes"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("with 3 exports in exports/") && said.contains("-o"), "{said}");
    assert!(!fs::read_to_string(&index).unwrap().contains("Léa Martin"), "the index forgets it at once");
    let left: Vec<String> = fs::read_dir(&exports)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, [format!("{other_id}-1.md")]);
    // In French, and for purge.
    let text = fs::read_to_string(&other).unwrap();
    fs::write(&other, common::aged(&text)).unwrap();
    let out =
        discern(data.path()).args(["--lang", "fr", "purge", "--older-than", "30", "--yes"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(
        said.contains("1 parcours supprimé, avec 1 export dans exports/") && said.contains("-o"),
        "{said}"
    );
    assert_eq!(fs::read_dir(&exports).unwrap().count(), 0);
    assert!(!fs::read_to_string(&index).unwrap().contains("Autre situation"));
}

/// An export of text that looks identifying asks first; no answer (end of
/// input) is a no, as a typed « n » is: exit status 1, nothing exported.
#[test]
fn an_identifying_export_asks_and_end_of_input_is_a_no() {
    let data = tempfile::tempdir().unwrap();
    let out = discern(data.path())
        .args(["--lang", "en", "new", "--grid", GRID, "--title", "Cas"])
        .write_stdin("Madame Durand appelle au 06 12 34 56 78.\n1\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let id = id_of(Path::new(stdout(&out).lines().last().unwrap()));
    for input in ["", "n\n"] {
        let out = discern(data.path())
            .args(["--lang", "en", "export", &id, "--format", "json"])
            .write_stdin(input)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{input:?}: {}", stderr(&out));
        assert!(stdout(&out).is_empty(), "{input:?}: {}", stdout(&out));
        // Each passage is named, as `lint` names it: the question and the text.
        let said = stderr(&out);
        assert!(said.contains("Before exporting: these 2 passages look identifying."), "{said}");
        assert!(said.contains("looks like a phone number: “06 12 34 56 78”"), "{said}");
        assert!(said.contains("looks like a person's name: “Madame Durand”"), "{said}");
        assert!(said.lines().any(|l| l.starts_with('“') && l.contains(")")), "the question: {said}");
        assert!(said.contains("add --yes to export anyway"), "{said}");
    }
    let out =
        discern(data.path()).args(["export", &id, "--format", "json"]).write_stdin("y\n").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("06 12 34 56 78"), "{}", stdout(&out));
    let out = discern(data.path()).args(["export", &id, "--format", "json", "--yes"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
