//! Calendar dates of assessments: `YYYY-MM-DD` read strictly, form tools'
//! timestamps read without guessing, and today's date (UTC).

use std::fmt;

/// A real calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// The date, when these numbers name one.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let real = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day);
        real.then_some(Date { year, month, day })
    }

    /// `YYYY-MM-DD` exactly, or why the text is not one.
    pub fn parse(text: &str) -> Result<Date, String> {
        let shape = || format!("{text:?} is not a date written YYYY-MM-DD (such as 2026-03-31)");
        let parts: Vec<&str> = text.trim().split('-').collect();
        let [y, m, d] = parts[..] else {
            return Err(shape());
        };
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
            return Err(shape());
        }
        let (year, month, day) = (
            y.parse().map_err(|_| shape())?,
            m.parse().map_err(|_| shape())?,
            d.parse().map_err(|_| shape())?,
        );
        Date::new(year, month, day)
            .ok_or_else(|| format!("{text:?} is not a real date (no such day in that month)"))
    }

    /// The date of a form tool's timestamp: `2026/03/31 10:02:11 AM GMT+1`
    /// (Google Forms), `2026-03-31T10:02`, or a day and month in either
    /// order when only one order makes a date (`31/03/2026`, `3/31/2026`).
    /// `03/04/2026` could be either, and is refused rather than guessed.
    /// The error says why, without repeating the text.
    pub fn from_timestamp(text: &str) -> Result<Date, String> {
        let day_part = text
            .trim()
            .split(|c: char| c.is_whitespace() || c == 'T')
            .next()
            .unwrap_or("");
        let numbers: Vec<&str> = day_part.split(['-', '/', '.']).collect();
        let number = |s: &str| -> Option<u32> {
            (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let unreadable = || "rolefit reads dates such as 2026-03-31 or 2026/03/31".to_string();
        let [a, b, c] = numbers[..] else {
            return Err(unreadable());
        };
        let (Some(a), Some(b), Some(c)) = (number(a), number(b), number(c)) else {
            return Err(unreadable());
        };
        let make = |y: u32, m: u32, d: u32| {
            Date::new(
                u16::try_from(y).ok()?,
                u8::try_from(m).ok()?,
                u8::try_from(d).ok()?,
            )
        };
        if numbers[0].len() == 4 {
            return make(a, b, c).ok_or_else(unreadable);
        }
        // Two-digit years (Microsoft Forms writes 11/20/26) are this century.
        let year = if numbers[2].len() == 2 { 2000 + c } else { c };
        match (make(year, a, b), make(year, b, a)) {
            (Some(date), None) | (None, Some(date)) => Ok(date),
            (Some(x), Some(y)) if x == y => Ok(x),
            (Some(_), Some(_)) => Err("it could be day/month or month/day; export dates as \
                 YYYY-MM-DD, or map the column to ignore with --columns"
                .to_string()),
            (None, None) => Err(unreadable()),
        }
    }

    /// Today, in UTC.
    pub fn today() -> Date {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days(i64::try_from(seconds / 86_400).unwrap_or(0))
    }

    /// The date `days` after 1970-01-01 (Howard Hinnant's civil_from_days).
    fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month, day }
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn only_real_dates_in_the_one_shape() {
        assert_eq!(Date::parse("2024-02-29").unwrap().to_string(), "2024-02-29");
        assert!(
            Date::parse("2023-02-29")
                .unwrap_err()
                .contains("not a real date")
        );
        assert!(Date::parse("2026-13-01").is_err());
        assert!(Date::parse("2026-1-01").unwrap_err().contains("YYYY-MM-DD"));
        assert!(Date::parse("31/03/2026").is_err());
        assert!(Date::parse("").is_err());
    }

    #[test]
    fn timestamps_are_read_without_guessing() {
        let date = |t: &str| Date::from_timestamp(t).map(|d| d.to_string());
        assert_eq!(date("2026/03/31 10:02:11 AM GMT+1").unwrap(), "2026-03-31");
        assert_eq!(date("2026-03-31T10:02:11Z").unwrap(), "2026-03-31");
        assert_eq!(date("31/03/2026 10:02").unwrap(), "2026-03-31");
        assert_eq!(date("3/31/2026 10:02:11").unwrap(), "2026-03-31");
        assert_eq!(date("11/20/26 9:01:12").unwrap(), "2026-11-20");
        assert_eq!(date("5/5/2026").unwrap(), "2026-05-05");
        assert!(date("03/04/2026").unwrap_err().contains("could be"));
        assert!(date("yesterday").is_err());
    }

    #[test]
    fn days_since_the_epoch_become_dates() {
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days(19_782).to_string(), "2024-02-29");
        assert_eq!(Date::from_days(20_819).to_string(), "2027-01-01");
    }
}
