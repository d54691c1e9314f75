//! A follow-up in plain mode: the three questions and the next date, one
//! line each, as the plain walkthrough asks its questions.

use std::io::{self, BufRead, Write};

use crate::lang::Lang;
use crate::trail::{FollowUp, Held, Time, next_date};

/// Asks the follow-up; `None` when the input ends before the three answers
/// (nothing is kept then); ending at the date leaves none. A line that does not fit is said and asked again.
pub fn ask(
    input: &mut impl BufRead,
    out: &mut impl Write,
    lang: Lang,
    now: Time,
) -> io::Result<Option<FollowUp>> {
    let today = now.date_naive();
    writeln!(out, "{}", lang.follow_up_happened_prompt())?;
    let Some(happened) = read_line(input, out)? else { return Ok(None) };
    let held = loop {
        writeln!(out, "{}", lang.follow_up_held_prompt())?;
        for (i, h) in Held::ALL.iter().enumerate() {
            writeln!(out, "{}) {}", i + 1, lang.held_label(*h))?;
        }
        let Some(line) = read_line(input, out)? else { return Ok(None) };
        match held_of(&line, lang) {
            Some(h) => break h,
            None => writeln!(out, "{}", lang.follow_up_held_misfit(&line))?,
        }
    };
    writeln!(out, "{}", lang.follow_up_learned_prompt())?;
    let Some(learned) = read_line(input, out)? else { return Ok(None) };
    let revisit = loop {
        writeln!(out, "{}", lang.follow_up_revisit_prompt())?;
        writeln!(out, "{}", lang.date_how())?;
        // The end of input after the three answers is no date, as an empty line.
        let Some(line) = read_line(input, out)? else { break None };
        match next_date(&line, today, lang.date_style()) {
            Ok(d) => break d,
            Err(misfit) => writeln!(out, "{}", lang.date_misfit(&misfit))?,
        }
    };
    Ok(Some(FollowUp::new(now, &happened, held, &learned, revisit)))
}

/// A number, the option's words (either language, any case) or its id.
fn held_of(line: &str, lang: Lang) -> Option<Held> {
    let line = line.trim();
    if let Ok(n) = line.parse::<usize>() {
        return Held::ALL.get(n.checked_sub(1)?).copied();
    }
    let folded = line.to_lowercase();
    Held::ALL.into_iter().find(|h| {
        [lang.held_label(*h), Lang::Fr.held_label(*h), Lang::En.held_label(*h), h.as_str()]
            .iter()
            .any(|w| w.to_lowercase() == folded)
    })
}

fn read_line(input: &mut impl BufRead, out: &mut impl Write) -> io::Result<Option<String>> {
    out.flush()?;
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line.trim_end_matches(['\n', '\r']).to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Time {
        chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+01:00").unwrap()
    }

    #[test]
    fn four_lines_make_a_follow_up_and_a_misfit_is_asked_again() {
        let mut out = Vec::new();
        let input = "Le collège a rappelé.\n7\nen partie\nPrévenir avant.\n30/11/2026\n15/01/2027\n";
        let entry = ask(&mut input.as_bytes(), &mut out, Lang::Fr, now()).unwrap().unwrap();
        assert_eq!(entry.happened, "Le collège a rappelé.");
        assert_eq!(entry.held, Held::Partly);
        assert_eq!(entry.learned, "Prévenir avant.");
        assert_eq!(entry.revisit, chrono::NaiveDate::from_ymd_opt(2027, 1, 15));
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("1) Oui\n2) En partie\n3) Non\n4) Trop tôt pour le dire\n"), "{text}");
        assert!(text.contains("« 7 »"), "{text}");
        assert!(
            text.contains("trop tôt") || text.contains("Trop tôt") || text.contains("2 décembre"),
            "{text}"
        );
    }

    #[test]
    fn an_empty_date_is_no_more_date_and_the_end_of_input_keeps_nothing() {
        let entry = ask(&mut "\n4\n\n\n".as_bytes(), &mut Vec::new(), Lang::En, now()).unwrap().unwrap();
        assert_eq!((entry.held, entry.revisit), (Held::TooEarly, None));
        assert_eq!(ask(&mut "x\n1\n".as_bytes(), &mut Vec::new(), Lang::En, now()).unwrap(), None);
        // PRODUCT.md asks three questions, one line each: the date after
        // them may be left out, as an empty line leaves it.
        let entry = ask(&mut "x\n1\ny".as_bytes(), &mut Vec::new(), Lang::En, now()).unwrap().unwrap();
        assert_eq!((entry.learned.as_str(), entry.revisit), ("y", None));
        assert_eq!(held_of("too_early", Lang::Fr), Some(Held::TooEarly));
        assert_eq!(held_of("Oui", Lang::En), Some(Held::Yes));
        assert_eq!(held_of("0", Lang::En), None);
    }
}
