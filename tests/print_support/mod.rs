//! Printing a page as a person would: headless Chromium turns an HTML
//! document into an A4 PDF, and poppler (`pdfinfo`, `pdftotext -bbox`) says
//! how many pages it takes and where each word landed.
//!
//! Without Chromium or poppler, a print test says so loudly on standard
//! error and passes: the machine cannot print, which is not the document's
//! fault. `DISCERN_REQUIRE_PRINT=1` (for CI, where both are installed)
//! makes a missing tool a failure instead.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// One Chromium at a time: the machines that run the tests are small, and
/// two browsers printing at once only make each slower.
static ONE_BROWSER: Mutex<()> = Mutex::new(());

/// How long a print may take before the test gives up on the browser.
const PRINT_TIMEOUT: Duration = Duration::from_secs(120);

/// Chromium and poppler, found.
pub struct Printer {
    browser: PathBuf,
}

/// The printer, or `None` after a banner that says which test did not run
/// and why (a failure instead under `DISCERN_REQUIRE_PRINT=1`).
pub fn printer(test: &str) -> Option<Printer> {
    let browser = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .filter(|p| p.is_file())
        .or_else(|| ["chromium", "chromium-browser", "google-chrome"].iter().find_map(|name| on_path(name)));
    let missing = match &browser {
        None => Some("Chromium (apt-get install chromium, or CHROMIUM=/path/to/chrome)"),
        Some(_) if on_path("pdftotext").is_none() || on_path("pdfinfo").is_none() => {
            Some("poppler's pdftotext and pdfinfo (apt-get install poppler-utils)")
        }
        Some(_) => None,
    };
    if let Some(what) = missing {
        let banner = "=".repeat(78);
        let message = format!(
            "\n{banner}\n  PRINT TEST NOT RUN: {test}\n  Missing: {what}.\n  \
             The printed layout and page counts were NOT checked on this machine.\n{banner}\n"
        );
        if std::env::var_os("DISCERN_REQUIRE_PRINT").is_some_and(|v| v == "1") {
            panic!("{message}(DISCERN_REQUIRE_PRINT=1)");
        }
        // Straight to standard error, not through `eprintln!`, which the
        // test harness captures and shows only for a failing test.
        let _ = std::io::Write::write_all(&mut std::io::stderr(), message.as_bytes());
        return None;
    }
    Some(Printer { browser: browser.expect("found when nothing is missing") })
}

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?).map(|dir| dir.join(name)).find(|p| p.is_file())
}

impl Printer {
    /// Writes `html` as `dir/NAME.html` and prints it to `dir/NAME.pdf`,
    /// whose path it returns.
    pub fn print(&self, html: &str, dir: &Path, name: &str) -> PathBuf {
        let page = dir.join(format!("{name}.html"));
        let pdf = dir.join(format!("{name}.pdf"));
        std::fs::write(&page, html).unwrap();
        let profile = tempfile::tempdir().unwrap();
        let _one = ONE_BROWSER.lock().unwrap_or_else(|e| e.into_inner());
        let mut child = Command::new(&self.browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", page.canonicalize().unwrap().display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{} did not start: {e}", self.browser.display()));
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > PRINT_TIMEOUT {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{} took more than {PRINT_TIMEOUT:?} to print {name}", self.browser.display());
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        assert!(
            status.success() && pdf.is_file(),
            "{} could not print {name}: {status}",
            self.browser.display()
        );
        pdf
    }
}

/// The number of pages of a PDF.
pub fn pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo").arg(pdf).output().unwrap();
    assert!(out.status.success(), "pdfinfo {}: {}", pdf.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count for {}", pdf.display()))
}

/// A word as printed: its page (from 1) and its box, in points from the
/// page's top left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub page: usize,
    pub top: f64,
    pub bottom: f64,
    pub left: f64,
    pub text: String,
}

impl Word {
    /// Where the word starts, for comparing places across pages.
    pub fn start(&self) -> (usize, f64) {
        (self.page, self.top)
    }

    pub fn end(&self) -> (usize, f64) {
        (self.page, self.bottom)
    }
}

/// Every word of a PDF with its place, in reading order.
pub fn words(pdf: &Path) -> Vec<Word> {
    let out = Command::new("pdftotext").arg("-bbox").arg(pdf).arg("-").output().unwrap();
    assert!(out.status.success(), "pdftotext {}: {}", pdf.display(), String::from_utf8_lossy(&out.stderr));
    let xhtml = String::from_utf8_lossy(&out.stdout);
    let mut words = Vec::new();
    let mut page = 0;
    for line in xhtml.lines().map(str::trim) {
        if line.starts_with("<page ") {
            page += 1;
        }
        let Some(rest) = line.strip_prefix("<word ") else { continue };
        let Some((attributes, text)) = rest.split_once('>') else { continue };
        let number = |key: &str| -> f64 {
            let start = attributes.find(&format!("{key}=\"")).expect("a word's box") + key.len() + 2;
            let end = attributes[start..].find('"').expect("a closing quote") + start;
            attributes[start..end].parse().expect("a number")
        };
        let text = text.trim_end_matches("</word>");
        words.push(Word {
            page,
            top: number("yMin"),
            bottom: number("yMax"),
            left: number("xMin"),
            text: unescape(text),
        });
    }
    words
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}
