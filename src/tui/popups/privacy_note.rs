//! The privacy warning about text being typed: the first passage that
//! looks identifying, and how many more. Worked out when the text changes
//! (the scan is linear, about a millisecond for 100 KB in a release
//! build), never while drawing. It warns; it never blocks.

use crate::text::Lang;

pub fn warning(lang: Lang, text: &str) -> Option<String> {
    let findings = crate::privacy::scan(text);
    let first = findings.first()?;
    Some(lang.privacy_and_more(&lang.privacy_warning(first), findings.len() - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_finding_is_named_and_the_others_counted() {
        assert_eq!(warning(Lang::En, "Nothing that identifies anyone."), None);
        let one = warning(Lang::Fr, "Écrire à jean.dupont@example.org").expect("a warning");
        assert!(one.contains("jean.dupont@example.org") && !one.contains("autre"), "{one}");
        let three = warning(Lang::Fr, "a@example.org, b@example.org, c@example.org").expect("a warning");
        assert!(three.ends_with("(et 2 autres)"), "{three}");
        let two = warning(Lang::En, "a@example.org, b@example.org").expect("a warning");
        assert!(two.ends_with("(and 1 more)"), "{two}");
    }
}
