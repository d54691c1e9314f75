//! The privacy lint measured on corpora kept in `tests/corpora/`: plain full
//! names caught, ordinary sentences left quiet, the shipped texts clean.

use discern::privacy::{FindingKind, scan};

fn sentences(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

#[test]
fn at_least_80_percent_of_plain_full_names_are_caught() {
    let all = sentences(include_str!("corpora/full-names.txt"));
    assert!(all.len() >= 60);
    let missed: Vec<&str> =
        all.iter().copied().filter(|s| !scan(s).iter().any(|f| f.kind == FindingKind::NamedPerson)).collect();
    let caught = all.len() - missed.len();
    eprintln!("full names caught: {caught} of {}; missed: {missed:?}", all.len());
    assert!(caught * 100 >= all.len() * 80, "caught {caught} of {}; missed: {missed:#?}", all.len());
}

#[test]
fn at_most_one_false_alarm_in_30_ordinary_sentences() {
    let all = sentences(include_str!("corpora/ordinary.txt"));
    assert!(all.len() >= 30);
    let noisy: Vec<(&str, Vec<String>)> = all
        .iter()
        .map(|s| (*s, scan(s).into_iter().map(|f| f.excerpt).collect::<Vec<_>>()))
        .filter(|(_, f)| !f.is_empty())
        .collect();
    eprintln!("false alarms: {} in {}: {noisy:?}", noisy.len(), all.len());
    assert!(noisy.len() * 30 <= all.len(), "{} false alarms in {}: {noisy:#?}", noisy.len(), all.len());
}
