//! The two ways a workstation proves who it is to Capillary.
//!
//! * Till (Basic): `Authorization: Basic base64(user + ":" + md5hex(password))`.
//!   There is no login endpoint; the first authenticated call proves it.
//! * OAuth: `POST /v3/oauth/token/generate` with a client key and secret gives a
//!   short-lived token sent as `X-CAP-API-OAUTH-TOKEN`. There is no refresh
//!   token, so a new one is generated shortly before the old one runs out.

use crate::secret::Secret;
use base64::Engine as _;
use md5::{Digest as _, Md5};
use std::time::{Duration, Instant};

/// Credentials as the person entered them.
#[derive(Debug, Clone)]
pub enum Credentials {
    /// Store or till username and password.
    Till { username: String, password: Secret },
    /// OAuth client key and secret.
    OAuth {
        client_key: String,
        client_secret: Secret,
    },
}

impl Credentials {
    /// The name shown in the status bar: the till username or the client key.
    pub fn principal(&self) -> &str {
        match self {
            Credentials::Till { username, .. } => username,
            Credentials::OAuth { client_key, .. } => client_key,
        }
    }
}

/// Lower-case hex MD5 of the password, as Capillary's till auth expects.
pub fn md5_hex(password: &str) -> Secret {
    let digest = Md5::digest(password.as_bytes());
    let mut hex = String::with_capacity(32);
    for byte in digest.iter() {
        hex.push(char::from(HEX[usize::from(byte >> 4)]));
        hex.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    Secret::new(hex)
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// The complete `Authorization` header value for till credentials.
pub fn till_authorization(username: &str, password: &Secret) -> Secret {
    let hashed = md5_hex(password.expose());
    let plain = Secret::new(format!("{username}:{}", hashed.expose()));
    let encoded = base64::engine::general_purpose::STANDARD.encode(plain.expose().as_bytes());
    Secret::new(format!("Basic {encoded}"))
}

/// An OAuth access token and when it stops being usable.
#[derive(Debug, Clone)]
pub struct OAuthToken {
    pub value: Secret,
    pub renew_at: Instant,
}

impl OAuthToken {
    /// A token that is renewed a little before `ttl` runs out: 30 s early, or
    /// at 80% of its life for very short tokens, so a request started just
    /// before expiry does not arrive with a dead token.
    pub fn new(value: Secret, ttl: Duration, now: Instant) -> Self {
        let margin = Duration::from_secs(30).min(ttl / 5);
        Self {
            value,
            renew_at: now + ttl.saturating_sub(margin),
        }
    }

    /// True when it is time to generate a new one.
    pub fn needs_renewal(&self, now: Instant) -> bool {
        now >= self.renew_at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_till_vector() {
        assert_eq!(
            md5_hex("server123").expose(),
            "8a16a6b70505eb1f1ff7cdc0cd5559a7"
        );
        let header = till_authorization("store.server", &Secret::new("server123"));
        assert_eq!(
            header.expose(),
            "Basic c3RvcmUuc2VydmVyOjhhMTZhNmI3MDUwNWViMWYxZmY3Y2RjMGNkNTU1OWE3"
        );
    }

    #[test]
    fn md5_of_empty_and_unicode() {
        assert_eq!(md5_hex("").expose(), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(md5_hex("पासवर्ड").expose().len(), 32);
    }

    #[test]
    fn token_renews_before_ttl() {
        let now = Instant::now();
        let token = OAuthToken::new(Secret::new("t"), Duration::from_secs(300), now);
        assert!(!token.needs_renewal(now + Duration::from_secs(269)));
        assert!(token.needs_renewal(now + Duration::from_secs(270)));
        let short = OAuthToken::new(Secret::new("t"), Duration::from_secs(10), now);
        assert!(!short.needs_renewal(now + Duration::from_secs(7)));
        assert!(short.needs_renewal(now + Duration::from_secs(8)));
    }
}
