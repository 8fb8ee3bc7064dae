//! Everything that can go wrong talking to Capillary or S3, each with a
//! message a cashier understands and, where the server sent one, the
//! `X-Cap-Requestid` that support will ask for.

use super::codes;
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

    /// Words for a Capillary error code.
    fn capillary_message(code: i64, server_message: &str) -> String {
        let known = match code {
            codes::CUSTOMER_NOT_FOUND | codes::IDENTIFIER_NOT_FOUND | codes::LEGACY_NOT_FOUND => {
                "No customer found for that identifier. Check it and try again."
            }
            codes::NO_SOURCE => {
                "Capillary refused the lookup because no source was sent (code 8016). Report this to IT."
            }
            codes::INVALID_SOURCE | codes::INVALID_SOURCE_TYPE => {
                "Capillary says the source is invalid (INSTORE). Ask IT to check the org's settings."
            }
            codes::INVALID_ACCOUNT => {
                "Capillary says the source account is invalid. Ask IT to check the org's settings."
            }
            codes::UNSUPPORTED_IDENTIFIER => {
                "Capillary does not accept that identifier type for this org. Try another identifier."
            }
            codes::ACCOUNT_ID_REQUIRED => {
                "Capillary asks for an account id for this source. Ask IT to check the org's settings."
            }
            codes::MERGED => {
                "This customer was merged into another account. Look up the other account instead."
            }
            codes::POINTS_UNAVAILABLE => "The customer's points could not be loaded just now.",
            codes::SEGMENTS_UNAVAILABLE => "The customer's segments could not be loaded just now.",
            codes::EMPTY_IDENTIFIER => "Enter an identifier to look up.",
            codes::NO_ACCESS => {
                "These credentials may not view customer details. Ask IT for the right access group."
            }
            codes::FRAUD => "This customer is marked as fraud. Follow the store's procedure.",
            codes::IMAGE_TOO_SMALL => {
                "Capillary refused the photo as too small a file (under 10 KB). Take it again."
            }
            codes::IMAGE_INVALID => {
                "Capillary did not accept the photo as an image. Take it again or choose another file."
            }
            codes::INVALID_MOBILE => {
                "Capillary says this mobile is not valid for the org. Check the number and the country code."
            }
            codes::INVALID_EMAIL => "Capillary says this email is not valid. Check it.",
            codes::INVALID_EXTERNAL_ID => "Capillary says the external ID is not valid.",
            codes::NO_PRIMARY_IDENTIFIER => {
                "Capillary needs the identifier this org registers customers by (usually the mobile). Enter it."
            }
            codes::NO_IMAGE_TO_DELETE => {
                "Capillary says no photo was named to remove. Look the customer up again and retry."
            }
            _ => "",
        };
        if known.is_empty() {
            let trimmed = server_message.trim();
            if trimmed.is_empty() {
                format!("Capillary reported error {code}.")
            } else {
                format!("Capillary reported error {code}: {trimmed}")
            }
        } else {
            known.to_owned()
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Host(e) => write!(f, "{e}"),
            ErrorKind::Timeout => f.write_str(
                "The server did not answer in time. Check the network connection and try again.",
            ),
            ErrorKind::ConnectionRefused { host } => write!(
                f,
                "Could not connect to {host}: the connection was refused. Check the host and port."
            ),
            ErrorKind::HostNotFound { host } => write!(
                f,
                "Could not find the server {host}. Check the host name and the network connection."
            ),
            ErrorKind::InsecureConnection { detail } => {
                write!(f, "The connection isn't secure ({detail}). Nothing was sent.")
            }
            ErrorKind::Network { detail } => write!(f, "The network connection failed ({detail})."),
            ErrorKind::TooManyRedirects => write!(
                f,
                "The server redirected too many times (over {}), so the download was stopped.",
                super::client::MAX_REDIRECTS
            ),
            ErrorKind::RedirectedAway => f.write_str(
                "The server redirected to another host. It was not followed, so your credentials \
                 were not sent there. Check the host.",
            ),
            ErrorKind::Unauthorized => f.write_str("Wrong username or password."),
            ErrorKind::OAuthFailed { message } => {
                write!(f, "Could not sign in with this client key and secret ({message}).")
            }
            ErrorKind::Forbidden { message } => match message {
                Some(m) if !m.trim().is_empty() => write!(
                    f,
                    "These credentials may not use the customer API: {m}. Ask IT to grant API access."
                ),
                _ => f.write_str(
                    "These credentials may not use the customer API. Ask IT to grant API access.",
                ),
            },
            ErrorKind::Capillary { code, message } => {
                f.write_str(&Self::capillary_message(*code, message))
            }
            ErrorKind::PhotoChangeRefused => f.write_str(
                "This till may not change photos. Ask IT for the permission, or use another till.",
            ),
            ErrorKind::EndpointNotFound => f.write_str(
                "The server does not offer the Capillary customer API. Check the host.",
            ),
            ErrorKind::Busy => f.write_str("Capillary is busy, try again in a moment."),
            ErrorKind::RateLimited { .. } => f.write_str(
                "Capillary is busy (too many requests from this store just now). Try again in a minute.",
            ),
            ErrorKind::SearchUnavailable => f.write_str(
                "Name search is not available for this organisation. Look customers up by mobile, email or card.",
            ),
            ErrorKind::ConcurrentAction => f.write_str(
                "Capillary is busy with another change to this customer, try again in a moment.",
            ),
            ErrorKind::ServerError { status } => write!(
                f,
                "Capillary had a problem (HTTP {status}). Try again; if it persists, contact support."
            ),
            ErrorKind::UnexpectedStatus { status } => {
                write!(f, "The server gave an unexpected answer (HTTP {status}).")
            }
            ErrorKind::EmptyBody => f.write_str("The server sent an empty answer. Try again."),
            ErrorKind::NotJson => f.write_str(
                "The server did not answer like Capillary (it sent a web page, not data). Check the host, proxy or network.",
            ),
            ErrorKind::BadJson { detail } => {
                write!(f, "The server's answer could not be read ({detail}).")
            }
            ErrorKind::UnsupportedIdentifier => {
                f.write_str("This kind of identifier cannot be looked up. Try another one.")
            }
            ErrorKind::TooLarge { limit_bytes } => write!(
                f,
                "The server's answer was too large (over {} MB) and was refused.",
                limit_bytes / 1_000_000
            ),
            ErrorKind::NoPhoto => f.write_str("This customer has no photo."),
            ErrorKind::PhotoUnavailable { message } => {
                write!(f, "The photo is not available ({message}).")
            }
            ErrorKind::PhotoUrlExpired => {
                f.write_str("The photo link had expired. Look the customer up again.")
            }
            ErrorKind::PhotoDenied { status } => write!(
                f,
                "The photo storage refused the download (HTTP {status}). Look the customer up again."
            ),
        }
    }
}

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
    /// server sent one: "… (request id abc-123)".
    pub fn to_string_with_request_id(&self) -> String {
        match &self.request_id {
            Some(id) => format!("{self} (request id {id})"),
            None => self.to_string(),
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
