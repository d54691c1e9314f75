//! Never lose a word: damaged files are reported and left as they are, and a
//! save that fails leaves the previous file intact.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{discern, stderr, stdout};

const GRID: &str = "tests/grids/good/example.fr.toml";

fn new_trail(data: &Path, input: &str) -> PathBuf {
    let out =
        discern(data).args(["new", "--grid", GRID, "--title", "T"]).write_stdin(input).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    PathBuf::from(stdout(&out).lines().last().unwrap())
}

#[test]
fn damaged_trails_are_listed_refused_and_never_modified() {
    let data = tempfile::tempdir().unwrap();
    let good = new_trail(data.path(), "Des faits.\n1\n");
    let text = fs::read_to_string(&good).unwrap();
    let sessions = good.parent().unwrap().to_path_buf();
    // Cut inside a quoted string (wherever the checkout is, whatever the
    // grid's path): certainly invalid TOML.
    let in_a_string = text.find("title = \"").unwrap() + "title = \"".len();
    // Cut at a line boundary, whole TOML: only the missing end says it is cut.
    let before_the_end = text.rfind("\n[end]\n").unwrap() + 1;
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated", text.as_bytes()[..in_a_string].to_vec(), "invalid content"),
        ("cut-short", text.as_bytes()[..before_the_end].to_vec(), "cut short"),
        ("not-utf8", [&text.as_bytes()[..40], &[0xff, 0xfe, 0x00][..]].concat(), "not UTF-8"),
        ("invalid-toml", b"format = 1\n[grid\nid = ".to_vec(), "invalid content"),
        ("missing-fields", b"format = 1\nid = \"x\"\n".to_vec(), "invalid content"),
        ("newer-format", text.replacen("format = 1", "format = 3", 1).into_bytes(), "format 3"),
        ("empty", Vec::new(), "empty"),
    ];
    for (name, bytes, _) in &cases {
        let path = sessions.join(format!("2026-01-01-{name}-zzzz{:04}.toml", name.len()));
        fs::write(&path, bytes).unwrap();
    }
    let list = discern(data.path()).arg("list").output().unwrap();
    assert!(list.status.success());
    let listed = stdout(&list);
    assert_eq!(listed.matches("DAMAGED").count(), cases.len(), "{listed}");
    assert!(listed.contains(&good.display().to_string()), "the good trail is still listed: {listed}");
    for (name, bytes, reason) in &cases {
        let path = sessions.join(format!("2026-01-01-{name}-zzzz{:04}.toml", name.len()));
        let line = listed.lines().find(|l| l.contains(name)).unwrap();
        assert!(line.contains(reason), "{name}: {line}");
        for command in [&["open"][..], &["export"], &["lint"], &["review"]] {
            let out =
                discern(data.path()).args(command).arg(&path).write_stdin("changed\n").output().unwrap();
            assert_ne!(out.status.code(), Some(0), "{name} {command:?}");
            assert!(
                stderr(&out).contains("damaged") || stderr(&out).contains(reason),
                "{name}: {}",
                stderr(&out)
            );
        }
        assert_eq!(&fs::read(&path).unwrap(), bytes, "{name} was modified");
    }
}

#[test]
fn a_save_that_fails_midway_keeps_the_previous_file_and_says_so() {
    let data = tempfile::tempdir().unwrap();
    let path = new_trail(data.path(), &format!("{}\n", "Un long récit. ".repeat(200)));
    let before = fs::read(&path).unwrap();
    // A file size limit makes every write past 1 KB fail, as a full disk
    // would. SIGXFSZ keeps its default here (it would kill the process):
    // discern itself must ignore it to see the failure and report it.
    let bin = assert_cmd::cargo::cargo_bin("discern");
    let script = format!("trap - XFSZ; ulimit -f 1; exec '{}' open '{}'", bin.display(), path.display());
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("DISCERN_DATA_DIR", data.path())
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .stdin(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
    assert!(stderr(&out).contains("nothing was replaced"), "{}", stderr(&out));
    assert_eq!(fs::read(&path).unwrap(), before);
    let leftovers: Vec<_> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_sessions_folder_that_cannot_be_made_is_a_clear_error() {
    let data = tempfile::tempdir().unwrap();
    fs::write(data.path().join("sessions"), "a file where the folder should be").unwrap();
    let out = discern(data.path())
        .args(["new", "--grid", GRID, "--title", "T"])
        .write_stdin("x\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot create the folder"), "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(data.path().join("sessions")).unwrap(),
        "a file where the folder should be"
    );
}

#[test]
fn a_trail_open_elsewhere_is_not_written() {
    let data = tempfile::tempdir().unwrap();
    let path = new_trail(data.path(), "Des faits.\n");
    let before = fs::read(&path).unwrap();
    let held = discern::trail::store::Store::lock(&path).unwrap();
    let out = discern(data.path()).arg("open").arg(&path).write_stdin("Autre chose.\n").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("open in another discern window"), "{}", stderr(&out));
    assert_eq!(fs::read(&path).unwrap(), before);
    drop(held);
}

/// Permission bits do not bind root (CI runs as root): there, the test of a
/// failing write above (a file size limit) stands for this one.
#[test]
fn a_read_only_folder_keeps_the_trail_and_says_it_was_not_saved() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    if fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(true) {
        eprintln!("running as root: permission bits do not bind; skipped");
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let path = new_trail(data.path(), "Des faits.\n");
    let before = fs::read(&path).unwrap();
    let sessions = path.parent().unwrap().to_path_buf();
    fs::set_permissions(&sessions, fs::Permissions::from_mode(0o500)).unwrap();
    let out = discern(data.path()).arg("open").arg(&path).write_stdin("Autre chose.\n").output().unwrap();
    fs::set_permissions(&sessions, fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
    assert_eq!(fs::read(&path).unwrap(), before);
}
