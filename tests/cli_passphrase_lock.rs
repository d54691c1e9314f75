//! `discern passphrase`, the data folder's lock, and a save that cannot
//! encrypt, on the real binary.

mod common;
mod encrypt_support;

use std::fs;
use std::io::{Read, Write};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{discern, stderr, stdout};
use encrypt_support::*;

const NEW_PASSPHRASE: &str = "une autre phrase, plus longue";

#[test]
fn the_passphrase_changes_and_the_trails_stay_as_they_are() {
    let f = folder();
    f.encrypt();
    let new = f.file("new.txt", format!("{NEW_PASSPHRASE}\n").as_bytes());
    let trails: Vec<Vec<u8>> = trail_files(&f.data).iter().map(|p| fs::read(p).unwrap()).collect();
    let identity_before = identity(&f.data).to_public().to_string();
    let new_arg = new.display().to_string();
    let out = f.run(&["passphrase", "--new-passphrase-file", &new_arg], Some(&f.good));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("Passphrase changed"), "{}", stderr(&out));
    // The old one opens nothing any more, the new one everything.
    let out = f.run(&["list"], Some(&f.good));
    assert_eq!(out.status.code(), Some(2));
    let out = f.run(&["list"], Some(&new));
    assert!(out.status.success() && stdout(&out).contains(TITLE), "{}", stderr(&out));
    // The identity stays: no trail was touched.
    let after = identity_with(&f.data, NEW_PASSPHRASE).expect("the new one opens key.age");
    assert_eq!(after.to_public().to_string(), identity_before);
    let now: Vec<Vec<u8>> = trail_files(&f.data).iter().map(|p| fs::read(p).unwrap()).collect();
    assert_eq!(now, trails);
    // In French too.
    let out = discern(&f.data).arg("--lang").arg("fr").arg("passphrase").arg("--help").output().unwrap();
    assert!(stdout(&out).contains("Changer la phrase de passe"), "{}", stdout(&out));
}

#[test]
fn a_wrong_current_passphrase_or_a_folder_not_encrypted_changes_nothing() {
    let f = folder();
    let new = f.file("new.txt", format!("{NEW_PASSPHRASE}\n").as_bytes());
    let new_arg = new.display().to_string();
    let before = snapshot(&f.data);
    let out = f.run(&["passphrase", "--new-passphrase-file", &new_arg], Some(&f.good));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not encrypted"), "{}", stderr(&out));
    assert_eq!(snapshot(&f.data), before);
    f.encrypt();
    let before = snapshot(&f.data);
    let out = f.run(&["passphrase", "--new-passphrase-file", &new_arg], Some(&f.bad));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("does not open this folder"), "{}", stderr(&out));
    let empty = f.file("empty.txt", b"\n");
    let out = f.run(&["passphrase", "--new-passphrase-file", &empty.display().to_string()], Some(&f.good));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("empty passphrase"), "{}", stderr(&out));
    // Without a terminal, the new passphrase must come from a file.
    let out = f.run(&["passphrase"], Some(&f.good));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--new-passphrase-file"), "{}", stderr(&out));
    assert_eq!(snapshot(&f.data), before);
}

#[test]
fn a_kill_during_the_passphrase_change_leaves_the_old_or_the_new_one_working() {
    let f = folder();
    f.encrypt();
    let new = f.file("new.txt", format!("{NEW_PASSPHRASE}\n").as_bytes());
    let mut current = PASSPHRASE;
    // Killed at moments spread over the change (about two scrypt runs).
    for wait in [300, 700, 1100, 1500, 1900] {
        let (from, to) = if current == PASSPHRASE { (&f.good, &new) } else { (&new, &f.good) };
        let mut child = process(&f.data)
            .arg("--passphrase-file")
            .arg(from)
            .arg("passphrase")
            .arg("--new-passphrase-file")
            .arg(to)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(wait));
        let _ = child.kill();
        child.wait().unwrap();
        let old_opens = identity_with(&f.data, current).is_some();
        let other = if current == PASSPHRASE { NEW_PASSPHRASE } else { PASSPHRASE };
        let new_opens = identity_with(&f.data, other).is_some();
        assert!(old_opens != new_opens, "exactly one passphrase opens the key (killed after {wait} ms)");
        if new_opens {
            current = other;
        }
    }
    let pass = if current == PASSPHRASE { f.good.clone() } else { new.clone() };
    let out = f.run(&["list", "--json"], Some(&pass));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains("damaged"), "{}", stdout(&out));
}

/// Holds the data folder's lock from this test, as another discern would.
fn hold(data: &std::path::Path, exclusive: bool) -> fs::File {
    fs::create_dir_all(data).unwrap();
    let file =
        fs::OpenOptions::new().create(true).truncate(false).write(true).open(data.join(".lock")).unwrap();
    if exclusive {
        file.lock().unwrap()
    } else {
        file.lock_shared().unwrap()
    }
    file
}

#[test]
fn a_command_that_finds_the_folder_held_alone_waits_says_why_then_refuses_changing_nothing() {
    let f = folder();
    let held = hold(&f.data, true);
    let before = snapshot(&f.data);
    let started = Instant::now();
    let commands: Vec<Vec<&str>> = vec![
        vec!["new", "--grid", GRID, "--title", "Pendant le chiffrement"],
        vec!["list"],
        vec!["purge", "--older-than", "0", "--yes"],
    ];
    let data = &f.data;
    let outputs: Vec<std::process::Output> = std::thread::scope(|s| {
        let runs: Vec<_> = commands
            .iter()
            .map(|args| {
                s.spawn(move || discern(data).args(args).write_stdin("Un mot\n1\n").output().unwrap())
            })
            .collect();
        runs.into_iter().map(|r| r.join().unwrap()).collect()
    });
    assert!(started.elapsed() >= Duration::from_secs(5), "each waited a few seconds first");
    for (args, out) in commands.iter().zip(&outputs) {
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(out));
        let said = stderr(out);
        assert!(
            said.contains("Another discern is encrypting or decrypting this folder")
                && said.contains("waiting (at most 5 s)"),
            "{said}"
        );
        assert!(said.contains("nothing was done; run the command again once it has finished"), "{said}");
    }
    assert_eq!(snapshot(&f.data), before, "nothing changed");
    drop(held);
    // Once let go, the same command runs at once.
    let out = f.run(&["list"], None);
    assert!(out.status.success() && !stderr(&out).contains("waiting"), "{}", stderr(&out));
}

#[test]
fn encrypt_refuses_while_a_walk_is_open_and_runs_once_it_is_closed() {
    let f = folder();
    let mut walk = process(&f.data)
        .args(["new", "--plain", "--grid", GRID, "--title", "Ouvert dans une fenêtre"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The walk has saved its trail and holds it: it is under way, and may save again.
    let locks = || {
        fs::read_dir(f.data.join("sessions"))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".lock"))
            .count()
    };
    wait_until(&mut walk, Duration::from_secs(30), || trail_files(&f.data).len() == 3 && locks() == 3);
    let before = snapshot(&f.data);
    let out = f.run(&["encrypt"], Some(&f.good));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(said.contains("This folder is open in another discern"), "{said}");
    assert!(said.contains("close it, then run the command again"), "{said}");
    assert_eq!(snapshot(&f.data), before, "nothing changed, no key made");
    let mut stdin = walk.stdin.take().unwrap();
    stdin.write_all(b"Un mot\n1\n").unwrap();
    drop(stdin);
    assert!(walk.wait().unwrap().success());
    f.encrypt();
    assert_all_readable(&f, 3);
    assert_no_plaintext(&f.data);
}

/// A save that cannot encrypt (key.pub damaged during a plain walk) writes
/// nothing, says so, and keeps the answers: saved once it can be.
#[test]
fn a_save_that_cannot_encrypt_writes_nothing_says_so_and_keeps_the_answers() {
    let f = folder();
    f.encrypt();
    let public = fs::read(f.data.join("key.pub")).unwrap();
    let mut walk = process(&f.data)
        .args(["new", "--plain", "--grid", GRID, "--title", "Gardé en mémoire"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = walk.stdin.take().unwrap();
    wait_until(&mut walk, Duration::from_secs(30), || trail_files(&f.data).len() == 3);
    fs::write(f.data.join("key.pub"), "").unwrap();
    stdin.write_all("Première réponse, gardée\n".as_bytes()).unwrap();
    stdin.flush().unwrap();
    // Said on standard error as soon as the save is refused.
    let mut errors = walk.stderr.take().unwrap();
    let mut said = Vec::new();
    let start = Instant::now();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&said).contains("kept in memory")
        && start.elapsed() < Duration::from_secs(30)
    {
        let n = errors.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        said.extend_from_slice(&buf[..n]);
    }
    let said = String::from_utf8_lossy(&said).into_owned();
    assert!(said.contains("key.pub is missing or damaged: nothing was written"), "{said}");
    assert!(said.contains("Your answers are kept in memory"), "{said}");
    assert_none_of(&f.data, &["Première réponse"]);
    // The key back, the next answer saves everything.
    fs::write(f.data.join("key.pub"), &public).unwrap();
    stdin.write_all(b"1\n").unwrap();
    drop(stdin);
    assert!(walk.wait().unwrap().success());
    assert_none_of(&f.data, &["Première réponse", "Gardé en mémoire"]);
    let out = f.run(&["export", "--yes", "--format", "json", &id_of(&newest(&f))], Some(&f.good));
    assert!(stdout(&out).contains("Première réponse, gardée"), "{}{}", stdout(&out), stderr(&out));
}

/// The most recently written trail file.
fn newest(f: &Folder) -> std::path::PathBuf {
    trail_files(&f.data).into_iter().max_by_key(|p| fs::metadata(p).unwrap().modified().unwrap()).unwrap()
}
