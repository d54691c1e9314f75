//! Dates as people type them, for format 2 `date` questions: « 15/12/2026 »
//! and « 15/12 » in French, `2026-12-15` in English, `+7` and the ISO form in
//! both. Pure: the day it is comes from the caller's clock.

use chrono::{Datelike, Days, NaiveDate};

use super::DateBounds;

/// How the interface's language writes a date by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// Day first, as in French: « 15/12/2026 », « 15/12 ».
    DayFirst,
    /// Year first only, as the English interface asks: `2026-12-15`.
    Iso,
}

/// Why a typed date is not taken. Worded for the user by `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateMisfit {
    /// Not written as a date at all.
    NotADate(String),
    /// Written as a date, but no such day exists (« 31/02/2027 »).
    NoSuchDay(String),
    /// Before the earliest day the question allows.
    TooEarly(NaiveDate),
    /// After the latest day the question allows.
    TooLate(NaiveDate),
}

/// Reads `typed` as a day, relative to `today` for `+7` and « 15/12 ».
pub fn read(typed: &str, today: NaiveDate, style: DateStyle) -> Result<NaiveDate, DateMisfit> {
    let typed = typed.trim();
    let not_a_date = || DateMisfit::NotADate(typed.to_string());
    if let Some(sign @ ('+' | '-')) = typed.chars().next() {
        let digits = &typed[1..];
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(not_a_date());
        }
        let n: i64 = digits.parse().map_err(|_| not_a_date())?;
        return shift(today, if sign == '-' { -n } else { n }).ok_or_else(not_a_date);
    }
    let parts: Vec<&str> = typed.split(['-', '/', '.']).collect();
    if parts.iter().any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit())) {
        return Err(not_a_date());
    }
    let number = |p: &str| p.parse::<u32>().expect("at most four ASCII digits");
    let iso = parts.len() == 3 && parts[0].len() == 4 && typed.contains('-') && !typed.contains(['/', '.']);
    let (year, month, day) = if iso {
        (number(parts[0]) as i32, number(parts[1]), number(parts[2]))
    } else if style == DateStyle::DayFirst && (parts.len() == 2 || parts.len() == 3) {
        if parts[0].len() > 2 || parts[1].len() > 2 {
            return Err(not_a_date());
        }
        let year = match parts.get(2) {
            None => today.year(),
            Some(y) if y.len() == 4 => number(y) as i32,
            // « 15/12/26 »: a two-digit year is this century's.
            Some(y) if y.len() == 2 => 2000 + number(y) as i32,
            Some(_) => return Err(not_a_date()),
        };
        (year, number(parts[1]), number(parts[0]))
    } else {
        return Err(not_a_date());
    };
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| DateMisfit::NoSuchDay(typed.to_string()))
}

/// How far from the day it is answered a date bound may reach, in days
/// (about 270 years): further is refused when the grid is checked.
pub const MAX_DATE_BOUND: u64 = 100_000;

/// `today` moved by `days`, if the calendar goes that far.
fn shift(today: NaiveDate, days: i64) -> Option<NaiveDate> {
    let by = Days::new(days.unsigned_abs());
    if days >= 0 { today.checked_add_days(by) } else { today.checked_sub_days(by) }
}

/// A bound: `today` moved by `days`, and past either end of the calendar
/// that end, so a bound is never dropped.
fn bound(today: NaiveDate, days: i64) -> NaiveDate {
    shift(today, days).unwrap_or(if days >= 0 { NaiveDate::MAX } else { NaiveDate::MIN })
}

impl DateBounds {
    pub fn earliest(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.min_days.map(|d| bound(today, d))
    }

    pub fn latest(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.max_days.map(|d| bound(today, d))
    }

    /// Whether `date` is within the bounds as they stand on `today`.
    pub fn check(&self, date: NaiveDate, today: NaiveDate) -> Result<NaiveDate, DateMisfit> {
        if let Some(earliest) = self.earliest(today).filter(|e| date < *e) {
            return Err(DateMisfit::TooEarly(earliest));
        }
        if let Some(latest) = self.latest(today).filter(|l| date > *l) {
            return Err(DateMisfit::TooLate(latest));
        }
        Ok(date)
    }
}

/// Reads an answer to a date question: a day that exists, within its bounds.
pub fn answer(
    typed: &str,
    bounds: &DateBounds,
    today: NaiveDate,
    style: DateStyle,
) -> Result<NaiveDate, DateMisfit> {
    bounds.check(read(typed, today, style)?, today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
    }

    const TODAY: fn() -> NaiveDate = || day(2026, 12, 1);

    #[test]
    fn french_dates_are_read_day_first() {
        let fr = |t| read(t, TODAY(), DateStyle::DayFirst);
        assert_eq!(fr("15/12/2026"), Ok(day(2026, 12, 15)));
        assert_eq!(fr(" 5/1/2027 "), Ok(day(2027, 1, 5)));
        assert_eq!(fr("15.12.2026"), Ok(day(2026, 12, 15)));
        assert_eq!(fr("15-12-2026"), Ok(day(2026, 12, 15)));
        assert_eq!(fr("15/12/27"), Ok(day(2027, 12, 15)));
        // Day and month alone: this year.
        assert_eq!(fr("15/12"), Ok(day(2026, 12, 15)));
        assert_eq!(fr("2026-12-15"), Ok(day(2026, 12, 15)));
        assert_eq!(fr("+7"), Ok(day(2026, 12, 8)));
    }

    #[test]
    fn english_dates_are_read_year_first() {
        let en = |t| read(t, TODAY(), DateStyle::Iso);
        assert_eq!(en("2026-12-15"), Ok(day(2026, 12, 15)));
        assert_eq!(en("2027-1-5"), Ok(day(2027, 1, 5)));
        assert_eq!(en("+0"), Ok(TODAY()));
        assert_eq!(en("+31"), Ok(day(2027, 1, 1)));
        assert_eq!(en("-1"), Ok(day(2026, 11, 30)));
        // Day-first is not guessed in English: 12/11 could be either.
        assert_eq!(en("15/12/2026"), Err(DateMisfit::NotADate("15/12/2026".into())));
    }

    #[test]
    fn what_is_no_date_is_told_apart_from_a_day_that_does_not_exist() {
        let fr = |t| read(t, TODAY(), DateStyle::DayFirst);
        assert_eq!(fr("31/02/2027"), Err(DateMisfit::NoSuchDay("31/02/2027".into())));
        assert_eq!(fr("2027-02-29"), Err(DateMisfit::NoSuchDay("2027-02-29".into())));
        assert_eq!(fr("32/12"), Err(DateMisfit::NoSuchDay("32/12".into())));
        for typed in ["demain", "15", "15/", "1/2/3/4", "+x", "+", "+-3", "115/12", "+99999999999999999"] {
            assert_eq!(fr(typed), Err(DateMisfit::NotADate(typed.into())), "{typed}");
        }
    }

    #[test]
    fn bounds_count_days_from_the_day_it_is_answered() {
        let bounds = DateBounds { min_days: Some(0), max_days: Some(30) };
        let ask = |t| answer(t, &bounds, TODAY(), DateStyle::DayFirst);
        assert_eq!(ask("01/12/2026"), Ok(TODAY()));
        assert_eq!(ask("+30"), Ok(day(2026, 12, 31)));
        assert_eq!(ask("30/11/2026"), Err(DateMisfit::TooEarly(TODAY())));
        assert_eq!(ask("01/01/2027"), Err(DateMisfit::TooLate(day(2026, 12, 31))));
        let open = DateBounds::default();
        assert_eq!(answer("1999-01-01", &open, TODAY(), DateStyle::Iso), Ok(day(1999, 1, 1)));
    }

    #[test]
    fn a_bound_past_the_calendar_holds_at_its_end() {
        let never = DateBounds { min_days: Some(i64::MAX), max_days: None };
        let ask = |b: &DateBounds| answer("+1", b, TODAY(), DateStyle::Iso);
        assert_eq!(ask(&never), Err(DateMisfit::TooEarly(NaiveDate::MAX)));
        let always = DateBounds { min_days: Some(i64::MIN), max_days: Some(i64::MAX) };
        assert_eq!(ask(&always), Ok(day(2026, 12, 2)));
        let past_only = DateBounds { min_days: None, max_days: Some(-100_000_000) };
        assert_eq!(ask(&past_only), Err(DateMisfit::TooLate(NaiveDate::MIN)));
    }
}
