//! Connections prepared while the cashier types.
//!
//! S3 closes an idle keep-alive connection after about 20 s, API load
//! balancers after anything from a few seconds to a minute, and the photo
//! comes from another host than the API, so at a quiet counter a lookup
//! would pay fresh TCP and TLS handshakes to both hosts. On the first
//! keystroke after a host may have closed its connections, `HEAD /`s
//! without credentials open them again (see `CapillaryClient::warm_up`): as
//! many to the API host as a scan's candidates use at once over HTTP/1.1
//! (one over HTTP/2), one to the photo host; at most once per host per
//! idle period. It costs a credential-free request or four, so "may have
//! closed" is taken early: after a few seconds.

use std::time::{Duration, Instant};
use url::Url;

/// After this long unused, the API host's connections may be gone: some
/// servers close idle keep-alive connections after 5 s (Apache's default)
/// or 15 s, load balancers after about a minute.
pub const API_IDLE: Duration = Duration::from_secs(4);
/// After this long unused, the photo host's connection may be gone (S3
/// closes idle ones after about 20 s, some proxies sooner).
pub const PHOTO_IDLE: Duration = Duration::from_secs(4);

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
            warm.due(start + Duration::from_secs(2), api.clone())
                .is_empty(),
            "just used"
        );
        // The counter: the last lookup 20 s ago, a server that
        // closes idle connections after 15 s: both hosts are warmed.
        let later = start + Duration::from_secs(20);
        assert_eq!(warm.due(later, api.clone()), vec![api.clone(), s3.clone()]);
        assert!(
            warm.due(later, api.clone()).is_empty(),
            "once per idle period"
        );
        let much_later = start + Duration::from_secs(60);
        assert!(
            warm.due(much_later, api.clone()).is_empty(),
            "not used since"
        );
        warm.used_api(much_later);
        // Used again: due again after the next idle period.
        warm.used_photo(s3.clone(), much_later);
        assert!(warm.due(much_later, api.clone()).is_empty());
        assert_eq!(
            warm.due(much_later + PHOTO_IDLE, api.clone()),
            vec![api.clone(), s3.clone()]
        );
    }
}
