//! Connections prepared while the cashier types.
//!
//! S3 closes an idle keep-alive connection after about 20 s and API load
//! balancers after about a minute, and the photo comes from another host
//! than the API, so at a quiet counter a lookup would pay fresh TCP and TLS
//! handshakes to both hosts. On the first keystroke after a host may have
//! gone idle, a `HEAD /` without credentials opens a connection to it
//! (see `CapillaryClient::warm_up`): at most once per host per idle period.

use std::time::{Duration, Instant};
use url::Url;

/// After this long unused, the API host's connection may be gone (load
/// balancers close idle ones after about a minute).
pub const API_IDLE: Duration = Duration::from_secs(45);
/// After this long unused, the photo host's connection may be gone (S3
/// closes idle ones after about 20 s).
pub const PHOTO_IDLE: Duration = Duration::from_secs(15);

/// When each host was last used, and whether it was warmed since.
#[derive(Debug, Default)]
pub struct WarmUp {
    api: HostUse,
    /// Learned from the last photo URL of this session.
    photo: Option<(Url, HostUse)>,
}

#[derive(Debug, Default)]
struct HostUse {
    last_used: Option<Instant>,
    warmed: bool,
}

impl HostUse {
    fn used(&mut self, now: Instant) {
        self.last_used = Some(now);
        self.warmed = false;
    }

    /// True (once per idle period) when the host should be warmed now.
    fn take_due(&mut self, now: Instant, idle: Duration) -> bool {
        let idle_now = self
            .last_used
            .is_none_or(|used| now.saturating_duration_since(used) >= idle);
        let due = idle_now && !self.warmed;
        if due {
            self.warmed = true;
        }
        due
    }
}

impl WarmUp {
    /// The API host was just used (sign-in, a lookup).
    pub fn used_api(&mut self, now: Instant) {
        self.api.used(now);
    }

    /// The photo host (only its origin is kept) was just used.
    pub fn used_photo(&mut self, origin: Url, now: Instant) {
        match &mut self.photo {
            Some((known, host)) if *known == origin => host.used(now),
            _ => {
                let mut host = HostUse::default();
                host.used(now);
                self.photo = Some((origin, host));
            }
        }
    }

    /// The hosts to warm at this keystroke; each is then not due again
    /// until it has been used and gone idle once more.
    pub fn due(&mut self, now: Instant, api_origin: Url) -> Vec<Url> {
        let mut due = Vec::new();
        if self.api.take_due(now, API_IDLE) {
            due.push(api_origin);
        }
        if let Some((origin, host)) = &mut self.photo
            && host.take_due(now, PHOTO_IDLE)
        {
            due.push(origin.clone());
        }
        due
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn each_host_once_per_idle_period() {
        let api = url("https://eu.api.capillarytech.com/");
        let s3 = url("https://bucket.s3.amazonaws.com/");
        let start = Instant::now();
        let mut warm = WarmUp::default();
        warm.used_api(start);
        warm.used_photo(s3.clone(), start);
        assert!(
            warm.due(start + Duration::from_secs(5), api.clone())
                .is_empty()
        );
        let later = start + Duration::from_secs(20);
        assert_eq!(
            warm.due(later, api.clone()),
            vec![s3.clone()],
            "photo host only"
        );
        assert!(
            warm.due(later, api.clone()).is_empty(),
            "once per idle period"
        );
        let much_later = start + Duration::from_secs(60);
        assert_eq!(warm.due(much_later, api.clone()), vec![api.clone()]);
        // Used again: due again after the next idle period.
        warm.used_photo(s3.clone(), much_later);
        assert!(warm.due(much_later, api.clone()).is_empty());
        assert_eq!(
            warm.due(much_later + PHOTO_IDLE, api.clone()),
            vec![s3.clone()]
        );
    }
}
