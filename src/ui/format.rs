//! Numbers and times as a cashier reads them: thousands separators, and
//! dates in the workstation's local time ("20 Nov 2026, 16:35").

use chrono::{DateTime, Local, TimeZone};

/// `1234567.5` → "1,234,567.5": the decimals the number has, no more.
pub fn thousands(value: f64) -> String {
    let text = format!("{}", value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if value < 0.0 { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// An ISO 8601 time from the API in the workstation's time zone (or the
/// pinned one); the text as it came when it is not a time.
pub fn local_time(iso: &str, pinned: Option<chrono::FixedOffset>) -> String {
    match pinned {
        Some(zone) => time_in(iso, &zone),
        None => time_in(iso, &Local),
    }
}

/// [`local_time`] in a given zone (tests use fixed offsets).
pub fn time_in<Tz: TimeZone>(iso: &str, zone: &Tz) -> String
where
    Tz::Offset: std::fmt::Display,
{
    match DateTime::parse_from_rfc3339(iso.trim()) {
        Ok(time) => time
            .with_timezone(zone)
            .format("%-d %b %Y, %H:%M")
            .to_string(),
        Err(_) => iso.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    #[test]
    fn numbers_get_thousands_separators() {
        assert_eq!(thousands(0.0), "0");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(thousands(1250.0), "1,250");
        assert_eq!(thousands(18_450.0), "18,450");
        assert_eq!(thousands(1_234_567.5), "1,234,567.5");
        assert_eq!(thousands(1234.25), "1,234.25");
        assert_eq!(thousands(-2500.0), "-2,500");
    }

    #[test]
    fn times_are_shown_in_the_local_zone() {
        let india = FixedOffset::east_opt(5 * 3600 + 1800).unwrap();
        assert_eq!(
            time_in("2026-11-20T11:05:00Z", &india),
            "20 Nov 2026, 16:35"
        );
        let utc = FixedOffset::east_opt(0).unwrap();
        assert_eq!(time_in("2026-01-02T09:35:00Z", &utc), "2 Jan 2026, 09:35");
        assert_eq!(time_in("yesterday", &utc), "yesterday");
    }
}
