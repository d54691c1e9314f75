//! The ways an adversarial test lost trails in an encrypted folder (issue
//! 21, "What was found"), each on the real binary: keys that fail closed,
//! two commands at once, the copies a crash leaves, a half-done folder, a
//! passphrase file from Notepad, a core dump while unlocked.

mod common;
mod encrypt_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::str::FromStr;
use std::time::Duration;

use common::{discern, stderr, stdout};
use encrypt_support::*;

/// A copy of a trail's text saved later, under another title: what an
/// autosave killed between its write and its rename leaves.
fn newer_copy(text: &str, title: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if line.starts_with("updated = ") {
            out.push_str("updated = \"2099-01-01T10:00:00+01:00\"\n");
        } else if line.starts_with("title = ") && out.contains("id = ") && !out.contains("[grid]") {
            out.push_str(&format!("title = \"{title}\"\n"));
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn titles(f: &Folder) -> Vec<String> {
    let out = f.run(&["list", "--json"], Some(&f.good));
    assert!(out.status.success(), "{}", stderr(&out));
    let items: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    items.as_array().unwrap().iter().map(|i| i["title"].as_str().unwrap_or("DAMAGED").to_string()).collect()
}

/// Item 1: a folder restored without `key.pub`, then `encrypt`.
#[test]
fn encrypt_in_a_folder_that_lost_key_pub_keeps_its_key_and_rebuilds_the_public_one() {
    let f = folder();
    f.encrypt();
    let key = fs::read(f.data.join("key.age")).unwrap();
    let public = fs::read(f.data.join("key.pub")).unwrap();
    fs::remove_file(f.data.join("key.pub")).unwrap();
    let out = f.run(&["encrypt"], Some(&f.good));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(fs::read(f.data.join("key.age")).unwrap(), key, "key.age is never replaced");
    assert_eq!(fs::read(f.data.join("key.pub")).unwrap(), public, "key.pub is made again from key.age");
    assert_all_readable(&f, 2);
    // Reading with the passphrase rebuilds it too, and lists every trail.
    fs::remove_file(f.data.join("key.pub")).unwrap();
    let out = f.run(&["list"], Some(&f.good));
    assert!(out.status.success() && stdout(&out).contains(TITLE), "{}{}", stdout(&out), stderr(&out));
    assert_eq!(fs::read(f.data.join("key.pub")).unwrap(), public);
}

/// Item 2: two `encrypt` at once (two windows).
#[test]
fn two_encrypts_at_once_make_one_key_and_every_trail_stays_readable() {
    let f = folder();
    let n = many_trails(&f, 200).len() + 2;
    let spawn = || {
        process(&f.data)
            .arg("--passphrase-file")
            .arg(&f.good)
            .arg("encrypt")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    for out in [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()] {
        let said = stderr(&out);
        assert!(out.status.success() || said.contains("still open in another discern"), "{said}");
    }
    assert_all_readable(&f, n);
    assert_no_plaintext(&f.data);
}

/// Item 3: `new` while `decrypt` runs, on a folder big enough for the two
/// to meet.
#[test]
fn a_trail_started_while_decrypt_runs_is_never_encrypted_to_a_removed_key() {
    let f = folder();
    let n = many_trails(&f, 150).len() + 2;
    f.encrypt();
    let mut decrypt = process(&f.data)
        .arg("--passphrase-file")
        .arg(&f.good)
        .arg("decrypt")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_until(&mut decrypt, Duration::from_secs(60), || {
        trail_files(&f.data).iter().any(|p| p.extension().is_some_and(|e| e == "toml"))
    });
    let new = discern(&f.data)
        .args(["new", "--grid", GRID, "--title", "Commencé pendant le déchiffrement"])
        .write_stdin("Pendant\n1\n")
        .output()
        .unwrap();
    assert!(decrypt.wait().unwrap().success());
    let titles = titles(&f);
    if new.status.success() {
        assert!(titles.iter().any(|t| t == "Commencé pendant le déchiffrement"), "{titles:?}");
        assert_eq!(titles.len(), n + 1);
        // Opened, not only listed: the index may remember what no key opens.
        let path = stdout(&new).lines().last().unwrap().to_string();
        let out = f.run(&["export", "--yes", &id_of(Path::new(&path)), "--format", "json"], Some(&f.good));
        assert!(out.status.success(), "the new trail opens: {}", stderr(&out));
        assert!(stdout(&out).contains("Pendant"), "{}", stdout(&out));
    } else {
        assert_eq!(new.status.code(), Some(2));
        assert!(stderr(&new).contains("still encrypting or decrypting"), "{}", stderr(&new));
        assert_eq!(titles.len(), n);
    }
    assert!(!titles.iter().any(|t| t == "DAMAGED"), "{titles:?}");
}

/// Item 4: an empty or damaged `key.pub`.
#[test]
fn a_damaged_key_pub_never_lets_a_plaintext_trail_in() {
    let f = folder();
    f.encrypt();
    let public = fs::read(f.data.join("key.pub")).unwrap();
    for damage in [&b""[..], b"not a key\n"] {
        fs::write(f.data.join("key.pub"), damage).unwrap();
        let before = trail_files(&f.data);
        let out = discern(&f.data)
            .args(["new", "--grid", GRID, "--title", "Jamais en clair"])
            .write_stdin("Un mot\n1\n")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("key.pub is missing or damaged: nothing was written"),
            "{}",
            stderr(&out)
        );
        assert_eq!(trail_files(&f.data), before, "no trail written");
        assert_none_of(&f.data, &["Jamais en clair", "Un mot"]);
    }
    // The passphrase rebuilds it; saving works again, encrypted.
    assert_all_readable(&f, 2);
    assert_eq!(fs::read(f.data.join("key.pub")).unwrap(), public);
    let out = discern(&f.data)
        .args(["new", "--grid", GRID, "--title", "Jamais en clair"])
        .write_stdin("Un mot\n1\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_none_of(&f.data, &["Jamais en clair", "Un mot"]);
    assert_all_readable(&f, 3);
}

/// Item 4: a `key.pub` of another identity (a sync conflict).
#[test]
fn a_key_pub_of_another_identity_is_refused_naming_both_files() {
    let f = folder();
    f.encrypt();
    let other = age::x25519::Identity::generate().to_public();
    fs::write(f.data.join("key.pub"), format!("{other}\n")).unwrap();
    let before = snapshot(&f.data);
    for command in [&["list"][..], &["encrypt"], &["decrypt"]] {
        let out = f.run(command, Some(&f.good));
        assert_eq!(out.status.code(), Some(2), "{command:?}");
        let said = stderr(&out);
        assert!(said.contains("key.pub is not the public key of") && said.contains("key.age"), "{said}");
        assert_eq!(snapshot(&f.data), before, "{command:?} changed something");
    }
}

/// Item 5: the copies a crash left, in plaintext, before `encrypt`.
#[test]
fn encrypt_leaves_no_plaintext_copy_that_a_crash_left_and_the_newest_wins() {
    let f = folder();
    let files = trail_files(&f.data);
    let (first, second) = (&files[0], &files[1]);
    let sessions = f.data.join("sessions");
    let tmp = |trail: &Path, tag: &str| {
        sessions.join(format!(".discern-save-{}.{tag}.tmp", trail.file_name().unwrap().to_string_lossy()))
    };
    let text = fs::read_to_string(first).unwrap();
    // A newer whole copy of one trail, an old whole copy and a partial one
    // of the other, and a cache's leftover.
    fs::write(tmp(first, "aaaa"), newer_copy(&text, "Zéphyrin, la version d'après")).unwrap();
    fs::write(tmp(second, "bbbb"), fs::read(second).unwrap()).unwrap();
    fs::write(tmp(second, "cccc"), &fs::read(second).unwrap()[..200]).unwrap();
    fs::write(sessions.join(".index-dddd.tmp"), format!("{{\"title\": \"{TITLE}\"}}")).unwrap();
    f.encrypt();
    assert_no_plaintext(&f.data);
    let titles = titles(&f);
    assert!(titles.iter().any(|t| t == "Zéphyrin, la version d'après"), "the newest wins: {titles:?}");
    assert_eq!(titles.len(), 2);
}

/// Item 5: a newer plaintext copy in an encrypted folder is recovered
/// encrypted — sealed where it lies by a run without the passphrase,
/// recovered (newest wins) by a run with it.
#[test]
fn a_newer_plaintext_copy_in_an_encrypted_folder_is_recovered_encrypted() {
    let f = folder();
    let first = trail_files(&f.data)[0].clone();
    let text = fs::read_to_string(&first).unwrap();
    f.encrypt();
    let copy = f
        .data
        .join("sessions")
        .join(format!(".discern-save-{}.eeee.tmp", first.file_name().unwrap().to_string_lossy()));
    fs::write(&copy, newer_copy(&text, "Zéphyrin, récupéré")).unwrap();
    // A command that writes, without the passphrase: nothing to compare
    // with, so the copy is encrypted where it lies.
    let out = discern(&f.data)
        .args(["new", "--grid", GRID, "--title", "Une autre"])
        .write_stdin("Rien\n1\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("plaintext copy left by a crash was encrypted"), "{}", stderr(&out));
    assert_no_plaintext(&f.data);
    assert_none_of(&f.data, &["récupéré"]);
    // With the passphrase, a command that writes recovers it: encrypted.
    let out = f.run(&["purge", "--older-than", "36500", "--yes"], Some(&f.good));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("recovered into"), "{}", stderr(&out));
    assert_no_plaintext(&f.data);
    assert_none_of(&f.data, &["récupéré"]);
    assert!(titles(&f).iter().any(|t| t == "Zéphyrin, récupéré"));
}

/// Item 5: an encrypted copy is dealt with before `decrypt` removes the key.
#[test]
fn decrypt_deals_with_an_encrypted_copy_before_the_key_goes() {
    let f = folder();
    let first = trail_files(&f.data)[0].clone();
    let text = fs::read_to_string(&first).unwrap();
    f.encrypt();
    let public = fs::read_to_string(f.data.join("key.pub")).unwrap();
    let recipient = age::x25519::Recipient::from_str(public.trim()).unwrap();
    let sealed = {
        let encryptor =
            age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient)).unwrap();
        let mut out = Vec::new();
        let mut writer = encryptor.wrap_output(&mut out).unwrap();
        std::io::Write::write_all(
            &mut writer,
            newer_copy(&text, "Zéphyrin, d'une copie chiffrée").as_bytes(),
        )
        .unwrap();
        writer.finish().unwrap();
        out
    };
    let age_name = first.with_extension("age");
    let copy = f
        .data
        .join("sessions")
        .join(format!(".discern-save-{}.ffff.tmp", age_name.file_name().unwrap().to_string_lossy()));
    fs::write(&copy, sealed).unwrap();
    let out = f.run(&["decrypt"], Some(&f.good));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!f.data.join("key.age").exists());
    for (path, bytes) in snapshot(&f.data) {
        assert!(!bytes.starts_with(b"age-encryption.org/v1"), "{} is still encrypted", path.display());
    }
    let out = f.run(&["list"], None);
    assert!(stdout(&out).contains("Zéphyrin, d'une copie chiffrée"), "the newest wins: {}", stdout(&out));
}

/// `decrypt` keeps the key while any encrypted file is left.
#[test]
fn decrypt_keeps_the_key_while_an_encrypted_file_is_left() {
    let f = folder();
    f.encrypt();
    // A trail encrypted to another key (from another folder, say).
    let other = age::x25519::Identity::generate().to_public();
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&other as &dyn age::Recipient)).unwrap();
    let mut sealed = Vec::new();
    let mut writer = encryptor.wrap_output(&mut sealed).unwrap();
    std::io::Write::write_all(&mut writer, b"format = 1\n").unwrap();
    writer.finish().unwrap();
    fs::write(f.data.join("sessions/2026-11-29-zzzz2345.age"), sealed).unwrap();
    let out = f.run(&["decrypt"], Some(&f.good));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("zzzz2345"), "{}", stderr(&out));
    assert!(f.data.join("key.age").is_file() && f.data.join("key.pub").is_file());
    let out = f.run(&["list"], Some(&f.good));
    assert!(
        stderr(&out).contains("half decrypted") && stderr(&out).contains("discern decrypt"),
        "{}",
        stderr(&out)
    );
}

/// Item 6: a folder left half encrypted (and half decrypted) says so, and
/// names the command that finishes.
#[test]
fn a_half_done_folder_says_so_and_names_the_command_that_finishes() {
    let f = folder();
    let n = many_trails(&f, 150).len() + 2;
    let mut encrypt = process(&f.data)
        .arg("--passphrase-file")
        .arg(&f.good)
        .arg("encrypt")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_until(&mut encrypt, Duration::from_secs(60), || {
        trail_files(&f.data).iter().filter(|p| p.extension().is_some_and(|e| e == "age")).count() >= 5
    });
    encrypt.kill().unwrap();
    encrypt.wait().unwrap();
    let out = f.run(&["list"], Some(&f.good));
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(
        said.contains("This folder is half encrypted") && said.contains("\"discern encrypt\" finishes"),
        "{said}"
    );
    f.encrypt();
    let out = f.run(&["list"], Some(&f.good));
    assert!(!stderr(&out).contains("half"), "{}", stderr(&out));

    let mut decrypt = process(&f.data)
        .arg("--passphrase-file")
        .arg(&f.good)
        .arg("decrypt")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_until(&mut decrypt, Duration::from_secs(60), || {
        trail_files(&f.data).iter().filter(|p| p.extension().is_some_and(|e| e == "toml")).count() >= 5
    });
    decrypt.kill().unwrap();
    decrypt.wait().unwrap();
    let out = f.run(&["list"], Some(&f.good));
    let said = stderr(&out);
    assert!(
        said.contains("This folder is half decrypted") && said.contains("\"discern decrypt\" finishes"),
        "{said}"
    );
    let out = f.run(&["decrypt"], Some(&f.good));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_all_readable(&f, n);
    let out = f.run(&["list"], None);
    assert!(!stderr(&out).contains("half"), "{}", stderr(&out));
}

/// Item 7: a passphrase file saved by Notepad (a byte-order mark, CRLF).
#[test]
fn a_passphrase_file_saved_by_notepad_opens_the_folder_as_typed() {
    let f = folder();
    let notepad = f.file("notepad.txt", format!("\u{feff}{PASSPHRASE}\r\nsecond line\r\n").as_bytes());
    let out = f.run(&["encrypt"], Some(&notepad));
    assert!(out.status.success(), "{}", stderr(&out));
    // The same passphrase, typed or written by any other editor.
    assert!(identity_with(&f.data, PASSPHRASE).is_some(), "the passphrase is the words alone");
    let out = f.run(&["list"], Some(&f.good));
    assert!(out.status.success() && stdout(&out).contains(TITLE), "{}", stderr(&out));
    let out = f.run(&["list"], Some(&notepad));
    assert!(out.status.success() && stdout(&out).contains(TITLE), "{}", stderr(&out));
}

/// Item 9: an unlocked discern that aborts writes no core file.
#[cfg(target_os = "linux")]
#[test]
fn an_unlocked_discern_that_aborts_writes_no_core_file() {
    use std::io::{BufRead, BufReader};
    let f = folder();
    f.encrypt();
    let id = id_of(&trail_files(&f.data)[0]);
    let cwd = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("discern");
    // Core files allowed, as a user's shell may allow them.
    let mut child = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -c unlimited 2>/dev/null; exec \"$0\" \"$@\"")
        .arg(&bin)
        .arg("--passphrase-file")
        .arg(&f.good)
        .args(["follow-up", &id])
        .current_dir(cwd.path())
        .env("DISCERN_DATA_DIR", &f.data)
        .env("LANG", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The first question is asked once the trail was read: the key is in memory.
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(!first.is_empty());
    let pid = child.id().to_string();
    if let Ok(limits) = fs::read_to_string(format!("/proc/{pid}/limits")) {
        let core = limits.lines().find(|l| l.starts_with("Max core file size")).unwrap();
        assert!(core.split_whitespace().skip(4).take(2).all(|v| v == "0"), "{core}");
    }
    let killed = std::process::Command::new("kill").args(["-ABRT", &pid]).status().unwrap();
    assert!(killed.success());
    child.wait().unwrap();
    let pattern = fs::read_to_string("/proc/sys/kernel/core_pattern").unwrap_or_default();
    if !pattern.starts_with('|') && !pattern.contains('/') {
        let cores: Vec<PathBuf> = fs::read_dir(cwd.path()).unwrap().map(|e| e.unwrap().path()).collect();
        assert!(cores.is_empty(), "a core file was written: {cores:?}");
    }
}
