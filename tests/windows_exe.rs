//! The suite of the Windows build: the real `discern.exe`, run the way a
//! Windows user runs it, command by command.
//!
//! `.ci/run` cross-builds the `.exe` and runs this file under Wine:
//!
//! ```sh
//! cargo build --release --target x86_64-pc-windows-gnu
//! scripts/wine-setup.sh
//! DISCERN_EXE=target/x86_64-pc-windows-gnu/release/discern.exe \
//! DISCERN_EXE_RUNNER=scripts/wine-run cargo test --test windows_exe
//! ```
//!
//! Without `DISCERN_EXE` it runs against this platform's own binary, so the
//! suite is exercised by every `cargo test` and cannot rot between two runs
//! under Wine (and on a real Windows, `cargo test` runs it as it is).
//! `DISCERN_EXE_RUNNER` is the program that starts the `.exe` (empty: started
//! directly).
//!
//! Why a Rust test rather than a shell script: the checks are those of the
//! other tests (assert_cmd, JSON read with serde), a failure names its test
//! and shows the program's output, and adding a case is adding a function.
//! Every test's data folder has spaces and accents in its path; paths given
//! to a Windows program are Windows paths (`Z:\…` under Wine).
//!
//! What this does not test: the full screen under a real Windows console
//! (Wine's console is not Windows' conhost or Windows Terminal); see the
//! README, "Install".

mod common;

use std::ffi::OsString;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use common::{aged, stderr, stdout};
use serde_json::Value;

const PASSPHRASE: &str = "trois mots inhabituels";

/// The program under test and how it is started.
struct Exe {
    program: PathBuf,
    /// Starts `program` (Wine's wrapper), or `None` to start it directly.
    runner: Option<PathBuf>,
}

impl Exe {
    fn from_env() -> Exe {
        let from_env = |name| std::env::var_os(name).filter(|v: &OsString| !v.is_empty()).map(PathBuf::from);
        match from_env("DISCERN_EXE") {
            Some(program) => {
                Exe { program: absolute(program), runner: from_env("DISCERN_EXE_RUNNER").map(absolute) }
            }
            None => Exe { program: PathBuf::from(env!("CARGO_BIN_EXE_discern")), runner: None },
        }
    }

    /// Whether the program is a Windows one, whatever runs it.
    fn is_windows(&self) -> bool {
        cfg!(windows) || self.program.extension().is_some_and(|e| e.eq_ignore_ascii_case("exe"))
    }

    /// `path` as the program sees it: under Wine, the `Z:` drive is the
    /// Unix root, and a Windows program is given Windows paths.
    fn path(&self, path: &Path) -> OsString {
        let path = absolute(path.to_path_buf());
        if self.runner.is_some() && self.is_windows() && !cfg!(windows) {
            let unix = path.to_str().expect("test paths are Unicode");
            OsString::from(format!("Z:{}", unix.replace('/', "\\")))
        } else {
            path.into_os_string()
        }
    }

    /// The program with its data folder in `data`, in English, and nothing
    /// from the machine's locale or config.
    fn std_command(&self, data: &Path) -> StdCommand {
        let mut cmd = match &self.runner {
            Some(runner) => {
                let mut cmd = StdCommand::new(runner);
                cmd.arg(&self.program);
                cmd
            }
            None => StdCommand::new(&self.program),
        };
        // LANG names UTF-8 so that Wine passes accented arguments whole;
        // "C" gives English.
        cmd.env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("DISCERN_CONFIG")
            .env_remove("DISCERN_DATA_DIR")
            .env("LANG", "C.UTF-8")
            .env("NO_COLOR", "1")
            .env("TZ", "UTC")
            .arg("--data-dir")
            .arg(self.path(data));
        cmd
    }

    /// The same, to run to its end.
    fn command(&self, data: &Path) -> Command {
        let mut cmd = Command::from_std(self.std_command(data));
        cmd.timeout(Duration::from_secs(120));
        cmd
    }

    /// The same, as a process left running (for a lock held).
    fn spawn(&self, data: &Path, args: &[&str]) -> Child {
        self.std_command(data)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the program starts")
    }
}

fn absolute(path: PathBuf) -> PathBuf {
    std::path::absolute(&path).unwrap_or(path)
}

/// A folder for one test, whose data folder has spaces and accents in its
/// path, as a French user's « Documents partagés » has.
struct Place {
    _root: tempfile::TempDir,
    root: PathBuf,
    data: PathBuf,
}

fn place() -> Place {
    let root = tempfile::Builder::new().prefix("discern exe ").tempdir().unwrap();
    let path = root.path().join("Données de l'équipe").join("dossier privé");
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    Place { root: root.path().to_path_buf(), data: path, _root: root }
}

/// A plain walk of the shipped grid `delor-secret`: the trail's path as the
/// program printed it.
fn walk(exe: &Exe, data: &Path, title: &str) -> String {
    let out = exe
        .command(data)
        .args(["new", "--grid", "delor-secret", "--title", title])
        .write_stdin("1\n2\nLe collège demande des nouvelles de l'élève.\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out).lines().last().expect("the trail's path, last").to_string()
}

/// The trail files of a data folder (not the lock files and indexes).
fn trail_files(data: &Path) -> Vec<String> {
    fs::read_dir(data.join("sessions"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect()
}

/// The file on this side of a trail path the program printed.
fn trail_path(data: &Path, printed: &str) -> PathBuf {
    let name = printed.rsplit(['/', '\\']).next().expect("a file name");
    data.join("sessions").join(name)
}

fn json(exe: &Exe, data: &Path, trail: &str) -> Value {
    let out = exe.command(data).args(["export", trail, "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("the JSON export")
}

#[test]
fn a_plain_walk_of_a_shipped_grid_saves_a_trail_in_the_data_folder() {
    let exe = Exe::from_env();
    let place = place();
    let printed = walk(&exe, &place.data, "Demande du collège");
    // The printed path is the program's own: a Windows path on Windows.
    let sessions = exe.path(&place.data.join("sessions"));
    let sessions = sessions.to_str().unwrap();
    assert!(printed.starts_with(sessions), "{printed} is not in {sessions}");
    if exe.is_windows() {
        assert!(!printed.contains('/'), "a Windows path has no slash: {printed}");
    }
    assert_eq!(trail_files(&place.data).len(), 1);
    let v = json(&exe, &place.data, &printed);
    assert_eq!(v["title"], "Demande du collège");
    assert_eq!(v["grid"]["id"], "delor-secret");
    let first = &v["steps"][1]["questions"];
    assert_eq!(first[0]["answer"], serde_json::json!(["profession"]), "{first}");
}

#[test]
fn list_names_each_trail_with_its_path() {
    let exe = Exe::from_env();
    let place = place();
    walk(&exe, &place.data, "Premier cas");
    walk(&exe, &place.data, "Deuxième cas");
    let out = exe.command(&place.data).args(["list", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let titles: Vec<_> = v.as_array().unwrap().iter().map(|t| t["title"].as_str().unwrap()).collect();
    assert_eq!(titles.len(), 2);
    assert!(titles.contains(&"Premier cas") && titles.contains(&"Deuxième cas"), "{titles:?}");
    let out = exe.command(&place.data).arg("list").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Deuxième cas"), "{}", stdout(&out));
    let sessions = exe.path(&place.data.join("sessions"));
    assert!(stdout(&out).contains(sessions.to_str().unwrap()), "{}", stdout(&out));
}

#[test]
fn export_writes_every_format_to_a_file() {
    let exe = Exe::from_env();
    let place = place();
    let trail = walk(&exe, &place.data, "Demande du collège");
    for format in ["md", "txt", "html", "json"] {
        let file = place.root.join(format!("résumé de réunion.{format}"));
        let out = exe
            .command(&place.data)
            .args(["export", &trail, "--format", format, "--yes", "-o"])
            .arg(exe.path(&file))
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        let text = fs::read_to_string(&file).unwrap();
        assert!(text.contains("Demande du collège"), "{format}: {text}");
        // Line ends are LF on every system (see the README, "Install").
        assert!(!text.contains('\r'), "{format}");
        // Never over an existing file without --force.
        let out = exe
            .command(&place.data)
            .args(["export", &trail, "--format", format, "--yes", "-o"])
            .arg(exe.path(&file))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{format}: {}", stderr(&out));
        // The message names the file as the user's system writes it.
        let named = exe.path(&file);
        assert!(stderr(&out).contains(named.to_str().unwrap()), "{format}: {}", stderr(&out));
        assert_eq!(fs::read_to_string(&file).unwrap(), text);
    }
    let v: Value =
        serde_json::from_str(&fs::read_to_string(place.root.join("résumé de réunion.json")).unwrap())
            .expect("the JSON file");
    assert_eq!(v["title"], "Demande du collège");
}

#[test]
fn encrypt_list_and_decrypt_with_a_passphrase_file_written_with_crlf() {
    let exe = Exe::from_env();
    let place = place();
    walk(&exe, &place.data, "Situation Zéphyrin");
    // Notepad's line end, in a file whose path has spaces and accents.
    let pass = place.root.join("phrase de passe à garder.txt");
    fs::write(&pass, format!("{PASSPHRASE}\r\n")).unwrap();
    let with_pass = |args: &[&str]| {
        exe.command(&place.data).args(args).arg("--passphrase-file").arg(exe.path(&pass)).output().unwrap()
    };
    let out = with_pass(&["encrypt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let sessions = trail_files(&place.data);
    assert!(sessions.iter().all(|n| n.ends_with(".age")), "{sessions:?}");
    for entry in fs::read_dir(place.data.join("sessions")).unwrap().flatten() {
        let bytes = fs::read(entry.path()).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains("Zéphyrin"), "plaintext in {:?}", entry.path());
    }
    let out = with_pass(&["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Situation Zéphyrin"), "{}", stdout(&out));
    // A wrong passphrase changes nothing (exit status 2).
    let wrong = place.root.join("mauvaise.txt");
    fs::write(&wrong, "pas la bonne\r\n").unwrap();
    let out = exe
        .command(&place.data)
        .args(["decrypt", "--passphrase-file"])
        .arg(exe.path(&wrong))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let out = with_pass(&["decrypt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = exe.command(&place.data).arg("list").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Situation Zéphyrin"), "{}", stdout(&out));
    assert!(!place.data.join("key.age").exists());
}

#[test]
fn follow_up_and_due() {
    let exe = Exe::from_env();
    let place = place();
    let sessions = place.data.join("sessions");
    fs::create_dir_all(&sessions).unwrap();
    // The example trail of the repository, whose revisit date is long past.
    fs::copy("sessions/2026-11-23-c8k3m2qa.toml", sessions.join("2026-11-23-c8k3m2qa.toml")).unwrap();
    let out = exe.command(&place.data).arg("due").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("c8k3m2qa"), "{}", stdout(&out));
    let out = exe
        .command(&place.data)
        .args(["--lang", "fr", "follow-up", "c8k3"])
        .write_stdin("Le CPE n'a pas rappelé.\n2\nDemander à la mère d'abord.\n\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("Retour sur la décision enregistré"), "{}", stderr(&out));
    let v = json(&exe, &place.data, "c8k3");
    assert_eq!(v["follow_ups"][0]["happened"], "Le CPE n'a pas rappelé.");
    assert_eq!(v["follow_ups"][0]["learned"], "Demander à la mère d'abord.");
    // No new date given: the trail is no longer due.
    let out = exe.command(&place.data).arg("due").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains("c8k3m2qa"), "{}", stdout(&out));
}

#[test]
fn delete_and_purge_remove_the_trails() {
    let exe = Exe::from_env();
    let place = place();
    let gone = walk(&exe, &place.data, "À supprimer");
    let out = exe.command(&place.data).args(["delete", &gone, "--yes"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let kept = walk(&exe, &place.data, "Récent");
    let old = walk(&exe, &place.data, "Ancien");
    let old_file = trail_path(&place.data, &old);
    fs::write(&old_file, aged(&fs::read_to_string(&old_file).unwrap())).unwrap();
    let out = exe.command(&place.data).args(["purge", "--older-than", "30", "--yes"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let out = exe.command(&place.data).args(["list", "--json"]).output().unwrap();
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let titles: Vec<_> = v.as_array().unwrap().iter().map(|t| t["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Récent"], "kept {kept}");
}

#[test]
fn grid_check_of_a_broken_grid_names_the_file_line_and_column() {
    let exe = Exe::from_env();
    let place = place();
    let grid = place.root.join("ma grille à vérifier.toml");
    fs::copy("tests/grids/broken/syntax.toml", &grid).unwrap();
    let given = exe.path(&grid);
    let out = exe.command(&place.data).args(["grid", "check"]).arg(&given).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let told = format!("{}{}", stdout(&out), stderr(&out));
    let prefix = format!("{}:", given.to_str().unwrap());
    assert!(told.lines().any(|l| l.starts_with(&prefix) && l.contains(": error: ")), "{told}");
}

/// A trail open in one process is refused to another, which says why. The
/// holder is a plain walk waiting for its next line.
///
/// To test another lock (the data folder's, for `encrypt` and `decrypt`),
/// start its holder the same way and add a case to `refused`.
#[test]
fn a_second_process_is_refused_while_a_trail_is_open() {
    let exe = Exe::from_env();
    let place = place();
    let trail = walk(&exe, &place.data, "Ouvert ailleurs");
    let before = fs::read(trail_path(&place.data, &trail)).unwrap();
    let mut holder = exe.spawn(&place.data, &["open", &trail, "--plain"]);
    wait_for_output(&mut holder);
    let refused: [&[&str]; 2] = [&["open", &trail], &["delete", &trail, "--yes"]];
    for args in refused {
        let out = exe.command(&place.data).args(args).write_stdin("Autre chose.\n").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("open in another discern window"), "{args:?}: {}", stderr(&out));
    }
    // The holder leaves at the end of its input; then the trail opens.
    drop(holder.stdin.take());
    let status = holder.wait().unwrap();
    assert!(status.success(), "{status:?}");
    assert_eq!(fs::read(trail_path(&place.data, &trail)).unwrap(), before);
    let out = exe.command(&place.data).args(["open", &trail]).write_stdin("").output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

/// Waits until the process has printed its first line: it has then opened
/// (and locked) its trail.
fn wait_for_output(child: &mut Child) {
    let stdout = child.stdout.take().expect("piped");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next();
        let _ = tx.send(first.is_some());
        // Keep reading, so that the holder never blocks on a full pipe.
        for _ in lines {}
    });
    let start = Instant::now();
    let printed = rx.recv_timeout(Duration::from_secs(120)).unwrap_or(false);
    assert!(printed, "the holder printed nothing in {:?}", start.elapsed());
    let _ = child.stdin.as_mut().expect("piped").flush();
}

/// A program double-clicked on Windows has a console window of its own that
/// closes when it ends: after an error, the window waits for Enter so that
/// the message can be read. Wine's console, started from a terminal, is
/// such a window (no shell shares it), so the Windows program waits there;
/// a program of another system never does.
#[cfg(unix)]
#[test]
fn an_error_in_a_window_of_its_own_waits_for_enter_on_windows() {
    use rexpect::process::WaitStatus;
    let exe = Exe::from_env();
    let place = place();
    let mut cmd = exe.std_command(&place.data);
    cmd.args(["--lang", "fr", "open", "nulle-part"]);
    let mut p = rexpect::session::spawn_command(cmd, Some(60_000)).expect("a pseudo-terminal");
    p.exp_string("nulle-part").expect("the error is said");
    if exe.is_windows() {
        // (rexpect reads bytes as Latin-1: the words without accents.)
        p.exp_string("pour fermer cette").expect("the window waits");
        // Enter, as a console sends it (a carriage return).
        p.send("\r").expect("Enter");
        p.flush().expect("Enter sent");
    }
    let rest = p.exp_eof().expect("the program ends");
    assert!(!rest.contains("Entrée"), "{rest}");
    match p.process().wait().expect("its status") {
        WaitStatus::Exited(_, code) => assert_eq!(code, 2),
        other => panic!("{other:?}"),
    }
}

/// Windows has no `LANG`: without it, discern speaks the language Windows
/// speaks to the user. Under Wine, Windows' language follows the `LANG` that
/// Wine starts with (when the C library knows that locale: scripts/
/// wine-setup.sh makes a French one); a batch file takes the variable away
/// from discern.
#[test]
fn without_lang_the_windows_program_speaks_the_language_of_windows() {
    let exe = Exe::from_env();
    let Some(runner) = exe.runner.as_ref().filter(|_| exe.is_windows() && !cfg!(windows)) else {
        eprintln!("skipped: only for the Windows program under Wine");
        return;
    };
    let french = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/wine/locale/fr_FR.UTF-8");
    if !french.is_dir() {
        eprintln!("skipped: scripts/wine-setup.sh could not make a French locale for Wine");
        return;
    }
    let place = place();
    // In a folder of its own without spaces: `cmd /c` takes its path unquoted.
    let scripts = tempfile::tempdir().unwrap();
    let batch = scripts.path().join("sans-lang.bat");
    let program = exe.path(&exe.program);
    let lines = [
        "@set LANG=",
        "@set LC_ALL=",
        "@set LC_MESSAGES=",
        &format!("@\"{}\" open nulle-part", program.to_str().unwrap()),
    ];
    fs::write(&batch, lines.join("\r\n") + "\r\n").unwrap();
    for (lang, said) in [("fr_FR.UTF-8", "aucun parcours"), ("C.UTF-8", "no trail")] {
        let out = Command::new(runner)
            .arg("cmd")
            .arg("/c")
            .arg(exe.path(&batch))
            .env("LANG", lang)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("DISCERN_DATA_DIR", exe.path(&place.data))
            .timeout(Duration::from_secs(120))
            .output()
            .unwrap();
        assert!(stderr(&out).contains(said), "{lang}: {}", stderr(&out));
    }
}
