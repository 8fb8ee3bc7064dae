//! Presigned S3 photo URLs: a bearer credential in the query string.
//!
//! The query (signature, security token) must never reach a log, an error
//! message or the disk, so this type prints only scheme, host and path, and
//! [`redact_url`] does the same for any other URL that is logged.

use serde::{Deserialize, Deserializer};
use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use url::Url;

/// A presigned photo URL, as Capillary returned it.
#[derive(Clone, PartialEq, Eq)]
pub struct PresignedUrl(Url);

impl PresignedUrl {
    /// Parses an absolute http(s) URL; anything else is `None`.
    pub fn parse(text: &str) -> Option<Self> {
        let url = Url::parse(text.trim()).ok()?;
        matches!(url.scheme(), "http" | "https").then_some(Self(url))
    }

    /// The URL to send the request to. Do not log it.
    pub fn expose(&self) -> &Url {
        &self.0
    }

    /// When the signature stops working, from `X-Amz-Date` + `X-Amz-Expires`.
    /// `None` when the URL does not say.
    pub fn expires_at(&self) -> Option<SystemTime> {
        let mut signed_at = None;
        let mut lifetime = None;
        for (key, value) in self.0.query_pairs() {
            if key.eq_ignore_ascii_case("X-Amz-Date") {
                signed_at = parse_amz_date(&value);
            } else if key.eq_ignore_ascii_case("X-Amz-Expires") {
                lifetime = value.trim().parse::<u64>().ok();
            }
        }
        Some(signed_at? + Duration::from_secs(lifetime?))
    }

    /// True when the URL's own expiry time has already passed.
    pub fn is_expired_at(&self, now: SystemTime) -> bool {
        self.expires_at().is_some_and(|t| t <= now)
    }

    /// Where the URL points, without path or query (`https://host:port/`):
    /// safe to keep and to connect to ahead of time.
    pub fn origin(&self) -> Url {
        let mut origin = self.0.clone();
        origin.set_path("/");
        origin.set_query(None);
        origin.set_fragment(None);
        origin
    }

    /// Host of the URL, for messages.
    pub fn host(&self) -> String {
        self.0.host_str().unwrap_or_default().to_owned()
    }
}

impl fmt::Debug for PresignedUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PresignedUrl({})", redact_url(&self.0))
    }
}

impl fmt::Display for PresignedUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&redact_url(&self.0))
    }
}

impl<'de> Deserialize<'de> for PresignedUrl {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Self::parse(&text).ok_or_else(|| serde::de::Error::custom("not an http(s) URL"))
    }
}

/// `scheme://host[:port]/path`: what may be logged of any URL.
pub fn redact_url(url: &Url) -> String {
    let host = url.host_str().unwrap_or("");
    match url.port() {
        Some(port) => format!("{}://{host}:{port}{}", url.scheme(), url.path()),
        None => format!("{}://{host}{}", url.scheme(), url.path()),
    }
}

/// `20250430T065825Z` → a point in time.
fn parse_amz_date(text: &str) -> Option<SystemTime> {
    let b = text.trim().as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        std::str::from_utf8(&b[range]).ok()?.parse().ok()
    };
    let (year, month, day) = (num(0..4)?, num(4..6)?, num(6..8)?);
    let (hour, minute, second) = (num(9..11)?, num(11..13)?, num(13..15)?);
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let secs = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second;
    Some(UNIX_EPOCH + Duration::from_secs(u64::try_from(secs).ok()?))
}

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// An `X-Amz-Date` value (`20261201T093000Z`); the demo tenant signs its
/// photo links with it.
pub fn format_amz_date(time: SystemTime) -> String {
    let secs = time
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0) as i64;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "https://s3-eu-west-1.amazonaws.com/fs.capillary.eu/customerImage/1/2/abc?X-Amz-Security-Token=SECRETTOKEN&X-Amz-Date=20250430T065825Z&X-Amz-Expires=3599&X-Amz-Signature=deadbeef";

    #[test]
    fn redacts_query_everywhere() {
        let url = PresignedUrl::parse(SAMPLE).unwrap();
        for shown in [format!("{url}"), format!("{url:?}")] {
            assert!(!shown.contains("SECRETTOKEN"), "{shown}");
            assert!(!shown.contains("X-Amz"), "{shown}");
            assert!(
                shown.contains("s3-eu-west-1.amazonaws.com/fs.capillary.eu/customerImage/1/2/abc")
            );
        }
    }

    #[test]
    fn expiry_from_amz_date() {
        let url = PresignedUrl::parse(SAMPLE).unwrap();
        let expires = url.expires_at().unwrap();
        // 2025-04-30T06:58:25Z, as `date -d 2025-04-30T06:58:25Z +%s` gives it.
        let signed = UNIX_EPOCH + Duration::from_secs(1_745_996_305);
        assert_eq!(expires, signed + Duration::from_secs(3599));
        assert!(url.is_expired_at(signed + Duration::from_secs(3600)));
        assert!(!url.is_expired_at(signed + Duration::from_secs(10)));
    }

    #[test]
    fn amz_date_round_trips() {
        for secs in [0u64, 951_782_400, 1_745_996_305, 4_102_444_800] {
            let t = UNIX_EPOCH + Duration::from_secs(secs);
            assert_eq!(parse_amz_date(&format_amz_date(t)), Some(t), "{secs}");
        }
        assert_eq!(parse_amz_date("2025-04-30"), None);
        assert_eq!(parse_amz_date("20251330T000000Z"), None);
    }

    #[test]
    fn no_expiry_without_params() {
        let url = PresignedUrl::parse("https://example.com/a.jpg").unwrap();
        assert_eq!(url.expires_at(), None);
        assert!(PresignedUrl::parse("javascript:alert(1)").is_none());
    }
}
