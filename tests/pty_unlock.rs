//! The passphrase of an encrypted folder, asked in a pseudo-terminal: the
//! full-screen dialog before the library (a wrong passphrase said kindly,
//! Esc leaves), and the prompt without echo of `discern encrypt` and `list`.
#![cfg(unix)]

mod common;
mod pty_support;

use std::path::Path;

use pty_support::{discern, send};

const PASSPHRASE: &str = "trois mots inhabituels";

/// A data folder with one trail, encrypted.
fn encrypted_folder(root: &Path) -> std::path::PathBuf {
    let data = root.join("data");
    let pass = root.join("pass.txt");
    std::fs::write(&pass, PASSPHRASE).unwrap();
    let out = common::discern(&data)
        .args(["new", "--grid", "tests/grids/good/example.fr.toml", "--title", "Trail behind a lock"])
        .write_stdin("facts\n1\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    let out = common::discern(&data).arg("--passphrase-file").arg(&pass).arg("encrypt").output().unwrap();
    assert!(out.status.success(), "{}", common::stderr(&out));
    data
}

#[test]
fn the_library_asks_the_passphrase_in_a_dialog_and_a_wrong_one_is_said_kindly() {
    let dir = tempfile::tempdir().unwrap();
    let data = encrypted_folder(dir.path());
    let mut p = discern(&data, &[]);
    p.exp_string("Encrypted folder").expect("the dialog is shown");
    send(&mut p, "not it\r");
    p.exp_string("does not open the folder").expect("a wrong passphrase is said");
    send(&mut p, &format!("{PASSPHRASE}\r"));
    p.exp_string("Trail behind a lock").expect("the library lists the trail once unlocked");
    send(&mut p, "q");
    p.exp_eof().expect("q quits");
}

#[test]
fn esc_leaves_the_dialog_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = encrypted_folder(dir.path());
    let before: Vec<_> =
        std::fs::read_dir(data.join("sessions")).unwrap().map(|e| e.unwrap().path()).collect();
    let mut p = discern(&data, &[]);
    p.exp_string("Encrypted folder").expect("the dialog is shown");
    send(&mut p, "\x1b");
    p.exp_eof().expect("Esc leaves");
    let after: Vec<_> =
        std::fs::read_dir(data.join("sessions")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(before, after);
}

#[test]
fn the_terminal_prompt_does_not_echo_the_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut p = discern(&data, &["encrypt".as_ref()]);
    p.exp_string("nobody can recover it").expect("the warning comes first");
    p.exp_string("Passphrase:").expect("asked once");
    send(&mut p, "secret words\r");
    p.exp_string("once more").expect("asked twice");
    send(&mut p, "secret words\r");
    let rest = p.exp_eof().expect("done");
    assert!(!rest.contains("secret words"), "the passphrase is not echoed: {rest}");
    assert!(data.join("key.age").is_file());
    let mut p = discern(&data, &["list".as_ref()]);
    p.exp_string("Passphrase:").expect("list asks");
    send(&mut p, "secret words\r");
    let rest = p.exp_eof().expect("done");
    assert!(!rest.contains("secret words"), "{rest}");
}

#[test]
fn a_walk_started_without_the_passphrase_asks_it_on_the_way_to_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let data = encrypted_folder(dir.path());
    let grid: &Path = "tests/grids/good/example.fr.toml".as_ref();
    let mut p = discern(
        &data,
        &[
            "new".as_ref(),
            "--grid".as_ref(),
            grid.as_os_str(),
            "--title".as_ref(),
            "Started unlocked".as_ref(),
        ],
    );
    // Saving needs no passphrase: the walk starts at once.
    p.exp_string("Started unlocked").expect("the walk is shown");
    send(&mut p, "\x1b");
    p.exp_string("Encrypted folder").expect("the library asks for the passphrase first");
    send(&mut p, &format!("{PASSPHRASE}\r"));
    // The screen is redrawn by differences: the words of the title arrive
    // without the spaces between them.
    p.exp_string("behind").expect("the library lists the encrypted trail once unlocked");
    send(&mut p, "q");
    p.exp_eof().expect("q quits");
}

/// `new -o FILE` in an encrypted folder: the walk needs no passphrase, and
/// neither does its export at the end, made from the walk as the screen
/// left it (the trail file is encrypted, and this run holds no key).
#[test]
fn new_with_o_in_an_encrypted_folder_writes_its_export_without_a_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let data = encrypted_folder(dir.path());
    let out = dir.path().join("meeting.md");
    let mut p = discern(
        &data,
        &[
            "new".as_ref(),
            "--grid".as_ref(),
            "tests/grids/good/example.fr.toml".as_ref(),
            "--title".as_ref(),
            "Walked then exported".as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
        ],
    );
    p.exp_string("Walked then exported").expect("the walk is on screen");
    send(&mut p, "zigzag facts");
    std::thread::sleep(std::time::Duration::from_millis(300));
    send(&mut p, "\x03");
    p.exp_eof().expect("Ctrl-C saves and quits");
    let text = std::fs::read_to_string(&out).expect("the export is written");
    assert!(text.contains("zigzag facts"), "{text}");
}
