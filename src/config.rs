//! `config.toml`: language, author name, retention, colour theme. Every key
//! is optional; a key that is unknown or has a bad value is reported and the
//! rest of the file still applies.

use std::path::{Path, PathBuf};

use crate::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Dark,
    Light,
    Mono,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    pub path: PathBuf,
    pub language: Option<Lang>,
    pub author: Option<String>,
    pub retention_days: Option<u32>,
    pub theme: Theme,
}

/// One thing wrong in the config file, worded by `text`.
#[derive(Debug, Clone, PartialEq)]
pub enum ConfigProblem {
    Unreadable(String),
    Syntax(String),
    UnknownKey(String),
    BadValue { key: String, expected: &'static str },
}

impl Config {
    /// Reads the config; a missing file is an empty config.
    pub fn load(path: &Path) -> (Config, Vec<ConfigProblem>) {
        let mut config = Config { path: path.to_path_buf(), ..Config::default() };
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (config, Vec::new()),
            Err(e) => return (config, vec![ConfigProblem::Unreadable(e.to_string())]),
        };
        let problems = config.read(&text);
        (config, problems)
    }

    fn read(&mut self, text: &str) -> Vec<ConfigProblem> {
        let table: toml::Table = match text.parse() {
            Ok(t) => t,
            Err(e) => return vec![ConfigProblem::Syntax(e.message().to_string())],
        };
        let mut problems = Vec::new();
        let bad = |key: &str, expected| ConfigProblem::BadValue { key: key.to_string(), expected };
        for (key, value) in &table {
            match key.as_str() {
                "language" => match value.as_str() {
                    Some(l) if l.to_ascii_lowercase().starts_with("fr") => self.language = Some(Lang::Fr),
                    Some(l) if l.to_ascii_lowercase().starts_with("en") => self.language = Some(Lang::En),
                    _ => problems.push(bad(key, "\"fr\" | \"en\"")),
                },
                "author" => match value.as_str() {
                    Some(a) if !a.trim().is_empty() => self.author = Some(a.trim().to_string()),
                    _ => problems.push(bad(key, "\"…\"")),
                },
                "retention_days" => match value.as_integer() {
                    Some(d) if d >= 1 && d <= u32::MAX as i64 => self.retention_days = Some(d as u32),
                    _ => problems.push(bad(key, "1, 2, 3…")),
                },
                "theme" => match value.as_str() {
                    Some("auto") => self.theme = Theme::Auto,
                    Some("dark") => self.theme = Theme::Dark,
                    Some("light") => self.theme = Theme::Light,
                    Some("mono") => self.theme = Theme::Mono,
                    _ => problems.push(bad(key, "\"auto\" | \"dark\" | \"light\" | \"mono\"")),
                },
                _ => problems.push(ConfigProblem::UnknownKey(key.clone())),
            }
        }
        problems
    }
}

/// Records the author name in the config file, keeping everything else in
/// it as it was; the file is written through a temporary file and a rename.
pub fn save_author(path: &Path, author: &str) -> std::io::Result<()> {
    let existing = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e),
    };
    let mut text: String = existing
        .lines()
        .filter(|l| !l.trim_start().starts_with("author") || !l.contains('='))
        .map(|l| format!("{l}\n"))
        .collect();
    // A top-level key must come before any [table]: put it first.
    let line = format!("author = {}\n", toml::Value::String(author.trim().to_string()));
    text.insert_str(0, &line);
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    crate::paths::create_private_dir(dir)?;
    crate::files::Replace::new().named(".config-", ".tmp").write(path, text.as_bytes())
}

/// Removes the author name from the config file (when it moves into an
/// encrypted data folder), keeping every other line as it was.
pub fn remove_author(path: &Path) -> std::io::Result<()> {
    let existing = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    let text: String = existing
        .lines()
        .filter(|l| !l.trim_start().starts_with("author") || !l.contains('='))
        .map(|l| format!("{l}\n"))
        .collect();
    crate::files::Replace::new().named(".config-", ".tmp").write(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_optional() {
        let mut c = Config::default();
        assert!(c.read("").is_empty());
        assert_eq!(c.language, None);
    }

    #[test]
    fn known_keys_are_read() {
        let mut c = Config::default();
        let problems =
            c.read("language = \"fr\"\nauthor = \"C. M.\"\nretention_days = 90\ntheme = \"light\"\n");
        assert!(problems.is_empty());
        assert_eq!(c.language, Some(Lang::Fr));
        assert_eq!(c.author.as_deref(), Some("C. M."));
        assert_eq!(c.retention_days, Some(90));
        assert_eq!(c.theme, Theme::Light);
    }

    #[test]
    fn an_unknown_key_and_a_bad_value_are_reported_and_the_rest_applies() {
        let mut c = Config::default();
        let problems = c.read("langage = \"fr\"\nretention_days = -3\nauthor = \"A\"\n");
        assert_eq!(problems.len(), 2);
        assert!(problems.contains(&ConfigProblem::UnknownKey("langage".into())));
        assert!(
            matches!(&problems[1], ConfigProblem::BadValue { key, .. } if key == "retention_days")
                || matches!(&problems[0], ConfigProblem::BadValue { key, .. } if key == "retention_days")
        );
        assert_eq!(c.author.as_deref(), Some("A"));
    }

    #[test]
    fn a_syntax_error_is_reported() {
        let mut c = Config::default();
        assert!(matches!(c.read("language = ").as_slice(), [ConfigProblem::Syntax(_)]));
    }

    #[test]
    fn the_author_is_saved_and_the_rest_of_the_file_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/config.toml");
        save_author(&path, "C. M. \"sup\"").unwrap();
        let (c, problems) = Config::load(&path);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.author.as_deref(), Some("C. M. \"sup\""));
        std::fs::write(&path, "# mine\nlanguage = \"fr\"\nauthor = \"old\"\n").unwrap();
        save_author(&path, "New").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("# mine\nlanguage = \"fr\"\n"), "{text}");
        let (c, _) = Config::load(&path);
        assert_eq!(c.author.as_deref(), Some("New"));
        assert_eq!(c.language, Some(Lang::Fr));
    }
}
