//! Everything that can go wrong talking to Capillary or S3, each with a
//! message a cashier understands and, where the server sent one, the
//! `X-Cap-Requestid` that support will ask for.

use super::codes;
use i18n::{Texts, tr_text};
use std::fmt;

/// One failed call: what went wrong and the request id, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub kind: ErrorKind,
    /// The `X-Cap-Requestid` response header of the failed call.
    pub request_id: Option<String>,
}

/// What went wrong. The `Display` of [`ApiError`] turns each into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// The host was refused before any request (not https, malformed).
    Host(super::HostError),
    /// No answer within the connect or request timeout.
    Timeout,
    /// The host answered the connection attempt with a refusal.
    ConnectionRefused { host: String },
    /// The host name does not resolve.
    HostNotFound { host: String },
    /// TLS failed, usually an untrusted certificate.
    InsecureConnection { detail: String },
    /// The connection broke some other way (reset mid-body, proxy error…).
    Network { detail: String },
    /// More redirects than the client follows ([`super::client::MAX_REDIRECTS`]).
    TooManyRedirects,
    /// The API host redirected to another host. Not followed: the
    /// credentials on the request must never leave the API host.
    RedirectedAway,
    /// HTTP 401: wrong username/password, or a dead token.
    Unauthorized,
    /// OAuth token generation was refused.
    OAuthFailed { message: String },
    /// HTTP 403: the credentials work but may not use this API.
    Forbidden { message: Option<String> },
    /// A Capillary error code in the body (see [`ErrorKind::capillary_message`]).
    Capillary { code: i64, message: String },
    /// HTTP 404 with no Capillary error: wrong host or path.
    EndpointNotFound,
    /// HTTP 461: search is busy.
    Busy,
    /// HTTP 429 (still, after the bounded retries), with the wait its
    /// `Retry-After` asked for.
    RateLimited {
        retry_after: Option<std::time::Duration>,
    },
    /// The org has no customer search (404, 403 or a Capillary error on
    /// the search endpoint): name search is off; lookups still work.
    SearchUnavailable,
    /// HTTP 521: another action on the same customer is in progress.
    ConcurrentAction,
    /// HTTP 5xx.
    ServerError { status: u16 },
    /// Any other unexpected HTTP status.
    UnexpectedStatus { status: u16 },
    /// A 2xx with nothing in the body.
    EmptyBody,
    /// HTML or other non-JSON where JSON was expected.
    NotJson,
    /// JSON that does not have the expected shape.
    BadJson { detail: String },
    /// The client has no way to look this kind of identifier up.
    UnsupportedIdentifier,
    /// A body over the size limit.
    TooLarge { limit_bytes: u64 },
    /// The customer has no photo.
    NoPhoto,
    /// The photo entry came back with an error instead of a URL.
    PhotoUnavailable { message: String },
    /// 401/403 to a photo change: this till's credentials may look up but
    /// not change photos.
    PhotoChangeRefused,
    /// The presigned photo URL had expired, even after fetching a fresh one.
    PhotoUrlExpired,
    /// S3 refused the photo URL (signature mismatch or similar).
    PhotoDenied { status: u16 },
}

impl ErrorKind {
    /// True when an identical retry a moment later may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(self, ErrorKind::Busy | ErrorKind::ConcurrentAction)
    }

    /// True when the customer does not exist (a normal outcome of a lookup).
    pub fn is_not_found(&self) -> bool {
        matches!(self, ErrorKind::Capillary { code, .. } if codes::NOT_FOUND.contains(code))
    }

    /// Capillary's error code in words the cashier can act on; its own
    /// message for a code this app does not know.
    fn capillary_words(t: &Texts, code: i64, server_message: &str) -> String {
        match code {
            codes::CUSTOMER_NOT_FOUND | codes::IDENTIFIER_NOT_FOUND | codes::LEGACY_NOT_FOUND => {
                tr_text!(t, "error-not-found")
            }
            codes::NO_SOURCE => tr_text!(t, "error-no-source"),
            codes::INVALID_SOURCE | codes::INVALID_SOURCE_TYPE => {
                tr_text!(t, "error-invalid-source")
            }
            codes::INVALID_ACCOUNT => tr_text!(t, "error-invalid-account"),
            codes::UNSUPPORTED_IDENTIFIER => tr_text!(t, "error-unsupported-identifier-code"),
            codes::ACCOUNT_ID_REQUIRED => tr_text!(t, "error-account-id-required"),
            codes::MERGED => tr_text!(t, "error-merged"),
            codes::POINTS_UNAVAILABLE => tr_text!(t, "error-points-unavailable"),
            codes::SEGMENTS_UNAVAILABLE => tr_text!(t, "error-segments-unavailable"),
            codes::EMPTY_IDENTIFIER => tr_text!(t, "error-empty-identifier"),
            codes::NO_ACCESS => tr_text!(t, "error-no-access"),
            codes::FRAUD => tr_text!(t, "error-fraud"),
            codes::IMAGE_TOO_SMALL => tr_text!(t, "error-image-too-small"),
            codes::IMAGE_INVALID => tr_text!(t, "error-image-invalid"),
            codes::INVALID_MOBILE => tr_text!(t, "error-invalid-mobile"),
            codes::INVALID_EMAIL => tr_text!(t, "error-invalid-email"),
            codes::INVALID_EXTERNAL_ID => tr_text!(t, "error-invalid-external-id"),
            codes::NO_PRIMARY_IDENTIFIER => tr_text!(t, "error-no-primary-identifier"),
            codes::NO_IMAGE_TO_DELETE => tr_text!(t, "error-no-image-to-delete"),
            _ => {
                let message = server_message.trim();
                let code = code.to_string();
                if message.is_empty() {
                    tr_text!(t, "error-capillary-code", code = code)
                } else {
                    tr_text!(
                        t,
                        "error-capillary-code-message",
                        code = code,
                        message = message
                    )
                }
            }
        }
    }

    /// What went wrong, in the UI's language (`Display` gives English, for
    /// logs and the command line).
    pub fn words(&self, t: &Texts) -> String {
        match self {
            ErrorKind::Host(e) => e.words(t),
            ErrorKind::Timeout => tr_text!(t, "error-timeout"),
            ErrorKind::ConnectionRefused { host } => {
                tr_text!(t, "error-connection-refused", host = host.as_str())
            }
            ErrorKind::HostNotFound { host } => {
                tr_text!(t, "error-host-not-found", host = host.as_str())
            }
            ErrorKind::InsecureConnection { detail } => {
                tr_text!(t, "error-insecure", detail = detail.as_str())
            }
            ErrorKind::Network { detail } => tr_text!(t, "error-network", detail = detail.as_str()),
            ErrorKind::TooManyRedirects => {
                tr_text!(
                    t,
                    "error-too-many-redirects",
                    count = super::client::MAX_REDIRECTS
                )
            }
            ErrorKind::RedirectedAway => tr_text!(t, "error-redirected-away"),
            ErrorKind::Unauthorized => tr_text!(t, "error-unauthorized"),
            ErrorKind::OAuthFailed { message } => {
                tr_text!(t, "error-oauth", message = message.as_str())
            }
            ErrorKind::Forbidden { message } => match message {
                Some(m) if !m.trim().is_empty() => {
                    tr_text!(t, "error-forbidden-message", message = m.as_str())
                }
                _ => tr_text!(t, "error-forbidden"),
            },
            ErrorKind::Capillary { code, message } => Self::capillary_words(t, *code, message),
            ErrorKind::PhotoChangeRefused => tr_text!(t, "error-photo-change-refused"),
            ErrorKind::EndpointNotFound => tr_text!(t, "error-endpoint-not-found"),
            ErrorKind::Busy => tr_text!(t, "error-busy"),
            ErrorKind::RateLimited { .. } => tr_text!(t, "error-rate-limited"),
            ErrorKind::SearchUnavailable => tr_text!(t, "error-search-unavailable"),
            ErrorKind::ConcurrentAction => tr_text!(t, "error-concurrent"),
            ErrorKind::ServerError { status } => {
                tr_text!(t, "error-server", status = status.to_string())
            }
            ErrorKind::UnexpectedStatus { status } => {
                tr_text!(t, "error-unexpected-status", status = status.to_string())
            }
            ErrorKind::EmptyBody => tr_text!(t, "error-empty-body"),
            ErrorKind::NotJson => tr_text!(t, "error-not-json"),
            ErrorKind::BadJson { detail } => {
                tr_text!(t, "error-bad-json", detail = detail.as_str())
            }
            ErrorKind::UnsupportedIdentifier => tr_text!(t, "error-unsupported-identifier"),
            ErrorKind::TooLarge { limit_bytes } => {
                tr_text!(t, "error-too-large", megabytes = limit_bytes / 1_000_000)
            }
            ErrorKind::NoPhoto => tr_text!(t, "error-no-photo"),
            ErrorKind::PhotoUnavailable { message } => {
                tr_text!(t, "error-photo-unavailable", message = message.as_str())
            }
            ErrorKind::PhotoUrlExpired => tr_text!(t, "error-photo-expired"),
            ErrorKind::PhotoDenied { status } => {
                tr_text!(t, "error-photo-denied", status = status.to_string())
            }
        }
    }
}

i18n::display_in_english!(ErrorKind);

impl ApiError {
    pub fn new(kind: ErrorKind) -> Self {
        Self {
            kind,
            request_id: None,
        }
    }

    pub fn with_request_id(mut self, request_id: Option<String>) -> Self {
        self.request_id = request_id;
        self
    }

    /// The words followed by the request id support asks for, where the
    /// server sent one: "… (request id abc-123)". In English.
    pub fn to_string_with_request_id(&self) -> String {
        self.words_with_request_id(i18n::english())
    }

    /// The same in the UI's language.
    pub fn words_with_request_id(&self, t: &Texts) -> String {
        let words = self.kind.words(t);
        match &self.request_id {
            Some(id) => tr_text!(t, "error-with-request-id", words = words, id = id.as_str()),
            None => words,
        }
    }
}

impl From<ErrorKind> for ApiError {
    fn from(kind: ErrorKind) -> Self {
        Self::new(kind)
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.kind)
    }
}

impl std::error::Error for ApiError {}

/// Turns a transport error into words, without the URL (which may hold a
/// presigned query) and without the underlying message chain's secrets.
pub(crate) fn from_reqwest(err: &reqwest::Error, host: &str) -> ErrorKind {
    if err.is_timeout() {
        return ErrorKind::Timeout;
    }
    if err.is_redirect() {
        return ErrorKind::TooManyRedirects;
    }
    let chain = error_chain(err);
    let lower = chain.to_ascii_lowercase();
    if err.is_connect() {
        if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake") {
            return ErrorKind::InsecureConnection {
                detail: certificate_detail(&lower),
            };
        }
        if lower.contains("refused") {
            return ErrorKind::ConnectionRefused {
                host: host.to_owned(),
            };
        }
        if lower.contains("dns")
            || lower.contains("lookup")
            || lower.contains("resolve")
            || lower.contains("name or service")
        {
            return ErrorKind::HostNotFound {
                host: host.to_owned(),
            };
        }
    }
    if lower.contains("certificate") {
        return ErrorKind::InsecureConnection {
            detail: certificate_detail(&lower),
        };
    }
    ErrorKind::Network {
        detail: if err.is_body() || err.is_decode() {
            "the answer was cut off".to_owned()
        } else if lower.contains("reset") {
            "the connection was reset".to_owned()
        } else {
            "the request could not be completed".to_owned()
        },
    }
}

fn certificate_detail(lower: &str) -> String {
    if lower.contains("unknownissuer") || lower.contains("unknown issuer") {
        "certificate issued by an unknown authority".to_owned()
    } else if lower.contains("expired") {
        "certificate expired".to_owned()
    } else if lower.contains("notvalidforname") || lower.contains("not valid for") {
        "certificate is for a different host".to_owned()
    } else {
        "certificate not trusted".to_owned()
    }
}

/// The error and its sources as one string. The URL is stripped first.
fn error_chain(err: &reqwest::Error) -> String {
    use std::error::Error as _;
    let mut text = String::new();
    let mut current: Option<&dyn std::error::Error> = err.source();
    while let Some(e) = current {
        text.push_str(&e.to_string());
        text.push(' ');
        current = e.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_code_has_words() {
        for code in [
            8015, 8065, 816, 8016, 8003, 8012, 8011, 8013, 8045, 8069, 8062, 8063, 11013, 1044, 618,
        ] {
            let text = ErrorKind::Capillary {
                code,
                message: "raw".into(),
            }
            .to_string();
            assert!(!text.contains("raw"), "code {code} fell through: {text}");
        }
        let unknown = ErrorKind::Capillary {
            code: 9999,
            message: "Something odd".into(),
        };
        assert_eq!(
            unknown.to_string(),
            "Capillary reported error 9999: Something odd"
        );
    }

    #[test]
    fn not_found_codes() {
        for code in [8015, 8065, 816] {
            assert!(
                ErrorKind::Capillary {
                    code,
                    message: String::new()
                }
                .is_not_found()
            );
        }
        assert!(!ErrorKind::Unauthorized.is_not_found());
    }
}
