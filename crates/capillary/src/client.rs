//! The HTTP client: one connection pool per signed-in session, auth on every
//! call, bodies read with a size cap, and every failure turned into an
//! [`ApiError`] with words for a cashier.

use super::auth::{Credentials, OAuthToken, till_authorization};
use super::codes;
use super::enrol::{EnrolAnswer, Enrolled, Enrolment};
use super::error::{ApiError, ErrorKind, from_reqwest};
use super::host::ApiHost;
use super::identifier::Lookup;
use super::model::{Customer, PhotoState};
use super::presigned::PresignedUrl;
use super::search::{NameQuery, SearchPage};
use super::standing::{LoyaltyAnswer, ProgramStanding, Purchase, PurchasesAnswer};
use crate::secret::Secret;
use md5::Digest as _;
use reqwest::header::{ACCEPT, AUTHORIZATION, HeaderMap, HeaderValue};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

/// The header that carries an OAuth token.
pub const OAUTH_HEADER: &str = "X-CAP-API-OAUTH-TOKEN";
/// The response header support staff ask for.
pub const REQUEST_ID_HEADER: &str = "X-Cap-Requestid";
/// `source` sent with every customer call: this app runs in a store.
pub const SOURCE: &str = "INSTORE";
/// What a lookup asks Capillary to embed in the customer.
pub const LOOKUP_EMBED: &str = "customerImage,mlp";

/// Capillary's header for the language of the texts it answers with.
const LANGUAGE_HEADER: &str = "language";

/// Limits and timeouts. The defaults are what the app uses; tests shorten them.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    pub connect_timeout: Duration,
    pub request_timeout: Duration,
    /// A photo may be large and the store network slow: its own, longer limit.
    pub photo_timeout: Duration,
    pub max_json_bytes: u64,
    pub max_photo_bytes: u64,
    /// Pause before the one retry of a GET that got 461 or 521.
    pub busy_retry_delay: Duration,
    /// Retries of a call Capillary answered with 429; the wait is what
    /// `Retry-After` says, else [`Self::rate_limit_backoff`] doubling.
    pub rate_limit_retries: u32,
    pub rate_limit_backoff: Duration,
    /// The longest `Retry-After` waited for; a longer one fails the call
    /// at once (a cashier cannot wait minutes).
    pub max_retry_after: Duration,
    /// The UI's language (`ar`, `hi`, `en`), sent as the `language` header
    /// on API GETs, so that Capillary answers with the org's own texts
    /// (extended fields) in that language where it has them.
    pub language: Option<&'static str>,
}

impl Default for ClientConfig {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(5),
            request_timeout: Duration::from_secs(20),
            photo_timeout: Duration::from_secs(60),
            max_json_bytes: 5 * 1024 * 1024,
            max_photo_bytes: 25 * 1024 * 1024,
            busy_retry_delay: Duration::from_millis(700),
            rate_limit_retries: 2,
            rate_limit_backoff: Duration::from_millis(500),
            max_retry_after: Duration::from_secs(10),
            language: None,
        }
    }
}

/// A signed-in connection to one Capillary host. Cheap to clone: clones share
/// the connection pool and the OAuth token.
#[derive(Clone, Debug)]
pub struct CapillaryClient {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    http: reqwest::Client,
    host: ApiHost,
    credentials: Credentials,
    /// Computed once: the till `Authorization` value.
    till_header: Option<Secret>,
    token: tokio::sync::Mutex<Option<OAuthToken>>,
    config: ClientConfig,
    /// Calls waiting out a 429 right now: the screen says "Capillary is
    /// busy, retrying…" while it is above zero.
    waiting_on_rate_limit: std::sync::atomic::AtomicUsize,
    /// The API host answered over HTTP/2 (one connection carries every
    /// concurrent call), learned from its last answer.
    api_speaks_http2: std::sync::atomic::AtomicBool,
}

/// A downloaded, not yet decoded photo.
#[derive(Debug, Clone)]
pub struct PhotoBytes {
    pub bytes: Vec<u8>,
    /// True when the first URL had expired and a fresh one was fetched.
    pub url_was_refreshed: bool,
}

/// The answer to one HTTP call, before interpretation.
struct RawResponse {
    status: StatusCode,
    request_id: Option<String>,
    /// `Retry-After` in seconds, on a 429.
    retry_after: Option<Duration>,
    body: Vec<u8>,
}

impl CapillaryClient {
    /// A client with the default limits.
    pub fn new(host: ApiHost, credentials: Credentials) -> Result<Self, ApiError> {
        Self::with_config(host, credentials, ClientConfig::default())
    }

    /// A client with the given limits.
    pub fn with_config(
        host: ApiHost,
        credentials: Credentials,
        config: ClientConfig,
    ) -> Result<Self, ApiError> {
        // reqwest is built without a bundled crypto provider (aws-lc is a slow
        // C build); ring is the process default. Already installed is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .connect_timeout(config.connect_timeout)
            .timeout(config.request_timeout)
            .redirect(redirect_policy(&host))
            .user_agent(concat!("customer-lookup/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| {
                ApiError::new(ErrorKind::Network {
                    detail: format!("could not set up HTTP ({})", e.without_url()),
                })
            })?;
        let till_header = match &credentials {
            Credentials::Till { username, password } => {
                Some(till_authorization(username, password))
            }
            Credentials::OAuth { .. } => None,
        };
        Ok(Self {
            inner: Arc::new(Inner {
                http,
                host,
                credentials,
                till_header,
                token: tokio::sync::Mutex::new(None),
                config,
                waiting_on_rate_limit: std::sync::atomic::AtomicUsize::new(0),
                api_speaks_http2: std::sync::atomic::AtomicBool::new(false),
            }),
        })
    }

    pub fn host(&self) -> &ApiHost {
        &self.inner.host
    }

    pub fn credentials(&self) -> &Credentials {
        &self.inner.credentials
    }

    /// Proves the credentials with one cheap authenticated call (an ID-only
    /// lookup of a number nobody has). 401 → wrong username or password;
    /// 403 → no API permission; any Capillary answer, even "customer not
    /// found", means the credentials work.
    pub async fn verify(&self) -> Result<(), ApiError> {
        let query = [
            ("source", SOURCE),
            ("identifierName", "mobile"),
            ("identifierValue", "0"),
        ];
        match self.get_json::<Value>("/v2/customers/lookup", &query).await {
            Ok(_) => Ok(()),
            Err(e) if matches!(e.kind, ErrorKind::Capillary { code, .. } if code != 1044) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Finds a customer by what was typed. When the answer does not embed
    /// the photo block, the customer is fetched once more by ID with it.
    pub async fn lookup(&self, lookup: &Lookup) -> Result<Customer, ApiError> {
        if let Some(id) = lookup.customer_id() {
            return self.customer_by_id(id).await;
        }
        let Some(identifier_name) = lookup.kind.api_name() else {
            return Err(ApiError::new(ErrorKind::UnsupportedIdentifier));
        };
        let query = [
            ("source", SOURCE),
            ("identifierName", identifier_name),
            ("identifierValue", lookup.value.as_str()),
            ("embed", LOOKUP_EMBED),
        ];
        let mut customer: Customer = self
            .get_json("/v2/customers/lookup/customerDetails", &query)
            .await?;
        if customer.photo() == PhotoState::NotEmbedded
            && let Some(id) = customer.customer_id()
        {
            let with_image = self.customer_by_id(id).await?;
            customer.customer_image = Some(with_image.customer_image.unwrap_or_default());
        }
        Ok(customer)
    }

    /// `GET /v2/customers/{id}` with the photo embedded.
    pub async fn customer_by_id(&self, id: i64) -> Result<Customer, ApiError> {
        let path = format!("/v2/customers/{id}");
        self.get_json(&path, &[("embed", "CUSTOMERIMAGE"), ("source", SOURCE)])
            .await
    }

    /// `GET /v2/customers/search`: up to `limit` customers whose first
    /// name, last name or an identifier starts with `query`. An org
    /// without customer search (404, 403, or any Capillary error code on
    /// this endpoint) answers [`ErrorKind::SearchUnavailable`].
    pub async fn search(&self, query: &NameQuery, limit: u32) -> Result<SearchPage, ApiError> {
        let limit = limit.to_string();
        let params = [
            ("q", query.as_str()),
            ("limit", limit.as_str()),
            ("offset", "0"),
            ("source", SOURCE),
        ];
        self.get_json("/v2/customers/search", &params)
            .await
            .map_err(|e| match e.kind {
                ErrorKind::EndpointNotFound
                | ErrorKind::Forbidden { .. }
                | ErrorKind::Capillary { .. } => {
                    ApiError::new(ErrorKind::SearchUnavailable).with_request_id(e.request_id)
                }
                _ => e,
            })
    }

    /// `POST /v2/customers?source=INSTORE`: registers a new customer as a
    /// loyalty member associated with `till`. Not retried on a timeout (it
    /// may have been acted on); Capillary's refusals come back as
    /// [`ErrorKind::Capillary`] with their code, a till without the
    /// permission as [`ErrorKind::Forbidden`].
    pub async fn enrol(&self, enrolment: &Enrolment, till: &str) -> Result<Enrolled, ApiError> {
        let body = RequestBody {
            content_type: "application/json".to_owned(),
            bytes: enrolment.body(till).to_string().into_bytes(),
        };
        let answer: EnrolAnswer = self
            .json_call(
                Method::POST,
                "/v2/customers",
                &[("source", SOURCE)],
                Some(&body),
            )
            .await?;
        answer.enrolled().ok_or_else(|| {
            ApiError::new(ErrorKind::BadJson {
                detail: "the answer names no new customer".into(),
            })
        })
    }

    /// The customer's standing in each loyalty program of the org. A
    /// customer in none (non-loyalty, or 8089 "not registered") has none.
    pub async fn loyalty(&self, customer_id: i64) -> Result<Vec<ProgramStanding>, ApiError> {
        let path = format!("/v2/customers/{customer_id}/loyaltyDetails");
        match self
            .get_json::<LoyaltyAnswer>(&path, &[("source", SOURCE)])
            .await
        {
            Ok(answer) => Ok(answer.data),
            Err(e) if matches!(e.kind, ErrorKind::Capillary { code, .. } if code == codes::NOT_IN_PROGRAM) => {
                Ok(Vec::new())
            }
            Err(e) => Err(e),
        }
    }

    /// The customer's `limit` most recent purchases, newest first.
    pub async fn recent_purchases(
        &self,
        customer_id: i64,
        limit: u32,
    ) -> Result<Vec<Purchase>, ApiError> {
        let path = format!("/v2/customers/{customer_id}/transactions");
        let limit = limit.to_string();
        let query = [
            ("source", SOURCE),
            ("limit", limit.as_str()),
            ("sortOrder", "DESC"),
        ];
        let answer: PurchasesAnswer = self.get_json(&path, &query).await?;
        Ok(answer.data)
    }

    /// `POST /v2/customers/{id}/setImage`: adds `jpeg` as a new image of
    /// the customer (Capillary keeps the older ones; see
    /// [`Self::delete_images`]). Sent as `multipart/form-data` with the
    /// JPEG under the key `file`. 401/403 mean this till may not change
    /// photos. The bytes are sent as they are: preparing them (upright, no
    /// metadata, within Capillary's limits) is the photo pipeline's job
    /// (`photo::prepare_upload`), which the client knows nothing of.
    pub async fn set_image(&self, customer_id: i64, jpeg: &[u8]) -> Result<(), ApiError> {
        let path = format!("/v2/customers/{customer_id}/setImage");
        let body = multipart_jpeg(&format!("customer-{customer_id}.jpg"), jpeg);
        let answer: Value = self
            .json_call(Method::POST, &path, &[("source", SOURCE)], Some(&body))
            .await
            .map_err(photo_change_error)?;
        // `{"data":[{"code":200,"status":"true",…}]}`: a failed entry is an
        // error even in a 200 answer.
        match answer
            .get("data")
            .and_then(Value::as_array)
            .and_then(|d| d.first())
        {
            Some(entry) => entry_outcome(entry),
            None => Err(ApiError::new(ErrorKind::BadJson {
                detail: "the upload answer has no data".into(),
            })),
        }
    }

    /// `DELETE /v2/customers/{id}/deleteImage?image_ids=…`: removes the
    /// images in these slots (the number at the end of `file.name`).
    pub async fn delete_images(&self, customer_id: i64, slots: &[u32]) -> Result<(), ApiError> {
        let path = format!("/v2/customers/{customer_id}/deleteImage");
        let ids: Vec<String> = slots.iter().map(u32::to_string).collect();
        let ids = ids.join(",");
        let answer: Value = self
            .json_call(
                Method::DELETE,
                &path,
                &[("image_ids", ids.as_str()), ("source", SOURCE)],
                None,
            )
            .await
            .map_err(photo_change_error)?;
        entry_outcome(&answer)
    }

    /// The API host's origin (`https://host/`), for [`Self::warm_up`].
    pub fn api_origin(&self) -> url::Url {
        self.inner.host.join("/")
    }

    /// How many connections to the API host a lookup will use at once:
    /// one over HTTP/2; over HTTP/1.1 one per candidate of a numeric scan
    /// (a 10-digit mobile is tried with and without the country code, as
    /// a card and as an external ID).
    pub fn api_connections_for_a_lookup(&self) -> usize {
        if self
            .inner
            .api_speaks_http2
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            1
        } else {
            MAX_CANDIDATES
        }
    }

    /// Opens (or refreshes) a pooled connection to `origin` ahead of a
    /// lookup, so the lookup does not pay the TCP and TLS handshakes: a
    /// `HEAD /` with no credentials, no customer data and no side effects,
    /// whose answer, whatever it is, is ignored. Logged by host only.
    /// Several at once open several connections (over HTTP/1.1).
    pub async fn warm_up(&self, origin: &url::Url) {
        let mut root = origin.clone();
        root.set_path("/");
        root.set_query(None);
        root.set_fragment(None);
        let started = std::time::Instant::now();
        let outcome = self.inner.http.head(root).send().await;
        tracing::debug!(
            host = origin.host_str().unwrap_or_default(),
            ms = started.elapsed().as_millis() as u64,
            ok = outcome.is_ok(),
            "connection warmed"
        );
    }

    /// Downloads the customer's photo from its presigned URL: a plain GET with
    /// no Capillary credentials, capped in size. An expired URL (by its own
    /// `X-Amz-Date` + `X-Amz-Expires`, or S3's 403 "Request has expired")
    /// makes it fetch the customer once more for a fresh URL.
    pub async fn download_photo(&self, customer: &Customer) -> Result<PhotoBytes, ApiError> {
        let url = photo_url(customer)?.clone();
        let first = if url.is_expired_at(SystemTime::now()) {
            Err(ApiError::new(ErrorKind::PhotoUrlExpired))
        } else {
            self.fetch_photo(&url).await
        };
        match first {
            Ok(bytes) => Ok(PhotoBytes {
                bytes,
                url_was_refreshed: false,
            }),
            Err(e) if e.kind == ErrorKind::PhotoUrlExpired => {
                let Some(id) = customer.customer_id() else {
                    return Err(e);
                };
                tracing::info!(customer_id = id, "photo URL expired; fetching a fresh one");
                let fresh = self.customer_by_id(id).await?;
                let bytes = self.fetch_photo(photo_url(&fresh)?).await?;
                Ok(PhotoBytes {
                    bytes,
                    url_was_refreshed: true,
                })
            }
            Err(e) => Err(e),
        }
    }

    /// One GET of a presigned URL.
    async fn fetch_photo(&self, url: &PresignedUrl) -> Result<Vec<u8>, ApiError> {
        let started = Instant::now();
        let host = url.host();
        let response = self
            .inner
            .http
            .get(url.expose().clone())
            .header(ACCEPT, "image/*, */*;q=0.5")
            .timeout(self.inner.config.photo_timeout)
            .send()
            .await
            .map_err(|e| ApiError::new(from_reqwest(&e, &host)))?;
        let status = response.status();
        let limit = self.inner.config.max_photo_bytes;
        let body = read_capped(response, limit).await;
        tracing::debug!(url = %url, status = status.as_u16(), ms = started.elapsed().as_millis() as u64, "photo download");
        if status.is_success() {
            return body.map_err(ApiError::new);
        }
        let text = body.unwrap_or_default();
        let text = String::from_utf8_lossy(&text);
        if status == StatusCode::FORBIDDEN && text.contains("Request has expired") {
            return Err(ApiError::new(ErrorKind::PhotoUrlExpired));
        }
        Err(ApiError::new(match status.as_u16() {
            s @ (400 | 401 | 403) => ErrorKind::PhotoDenied { status: s },
            404 => ErrorKind::PhotoUnavailable {
                message: "the stored file is missing".into(),
            },
            s @ 500..=599 => ErrorKind::ServerError { status: s },
            s => ErrorKind::UnexpectedStatus { status: s },
        }))
    }

    /// An authenticated GET that expects JSON of type `T`.
    async fn get_json<T: DeserializeOwned>(
        &self,
        path: &str,
        query: &[(&str, &str)],
    ) -> Result<T, ApiError> {
        self.json_call(Method::GET, path, query, None).await
    }

    /// An authenticated call that expects JSON of type `T`. Retries once
    /// after a pause on 461/521 (Capillary did not act on the request),
    /// a bounded number of times on 429 (waiting as `Retry-After` says),
    /// and once with a fresh OAuth token on 401.
    async fn json_call<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&RequestBody>,
    ) -> Result<T, ApiError> {
        let mut busy_retried = false;
        let mut token_retried = false;
        let mut rate_limited = 0;
        loop {
            let result = self.call(method.clone(), path, query, body).await;
            match result {
                Err(e) if e.kind.is_retryable() && !busy_retried => {
                    busy_retried = true;
                    tracing::info!(path, "Capillary busy; retrying once");
                    tokio::time::sleep(self.inner.config.busy_retry_delay).await;
                }
                Err(ApiError {
                    kind: ErrorKind::RateLimited { retry_after },
                    request_id,
                }) if rate_limited < self.inner.config.rate_limit_retries => {
                    let config = &self.inner.config;
                    let wait = retry_after
                        .unwrap_or_else(|| config.rate_limit_backoff * 2u32.pow(rate_limited));
                    if wait > config.max_retry_after {
                        return Err(ApiError::new(ErrorKind::RateLimited { retry_after })
                            .with_request_id(request_id));
                    }
                    rate_limited += 1;
                    tracing::info!(
                        path,
                        wait_ms = wait.as_millis() as u64,
                        attempt = rate_limited,
                        "Capillary rate-limited the call (429); waiting to retry"
                    );
                    self.wait_out_rate_limit(wait).await;
                }
                Err(e)
                    if e.kind == ErrorKind::Unauthorized && !token_retried && self.uses_oauth() =>
                {
                    token_retried = true;
                    tracing::info!("OAuth token refused; generating a new one");
                    *self.inner.token.lock().await = None;
                }
                Err(e) => return Err(e),
                Ok(value) => return parse_value(value),
            }
        }
    }

    /// True while a call is waiting to retry after a 429.
    pub fn is_waiting_on_rate_limit(&self) -> bool {
        self.inner
            .waiting_on_rate_limit
            .load(std::sync::atomic::Ordering::Relaxed)
            > 0
    }

    /// Sleeps `wait`, counted in [`Self::is_waiting_on_rate_limit`] (also
    /// when the call is cancelled mid-wait).
    async fn wait_out_rate_limit(&self, wait: Duration) {
        struct Waiting<'a>(&'a std::sync::atomic::AtomicUsize);
        impl Drop for Waiting<'_> {
            fn drop(&mut self) {
                self.0.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
            }
        }
        let counter = &self.inner.waiting_on_rate_limit;
        counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let _waiting = Waiting(counter);
        tokio::time::sleep(wait).await;
    }

    fn uses_oauth(&self) -> bool {
        matches!(self.inner.credentials, Credentials::OAuth { .. })
    }

    /// One authenticated call; the body interpreted as a Capillary answer.
    async fn call(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&RequestBody>,
    ) -> Result<Value, ApiError> {
        let url = self.inner.host.join(path);
        let mut request = self.inner.http.request(method.clone(), url).query(query);
        if let Some(language) = self.inner.config.language.filter(|_| method == Method::GET) {
            request = request.header(LANGUAGE_HEADER, language);
        }
        if let Some(body) = body {
            request = request
                .header(reqwest::header::CONTENT_TYPE, body.content_type.as_str())
                .body(body.bytes.clone());
        }
        request = match &self.inner.credentials {
            Credentials::Till { .. } => match &self.inner.till_header {
                Some(header) => request.header(AUTHORIZATION, header.expose()),
                None => request,
            },
            Credentials::OAuth { .. } => {
                let token = self.oauth_token().await?;
                request.header(OAUTH_HEADER, token.expose())
            }
        };
        let raw = self.send(request, path, &method).await?;
        interpret(raw)
    }

    /// The current OAuth token, generating one if there is none or it is
    /// about to run out.
    async fn oauth_token(&self) -> Result<Secret, ApiError> {
        let Credentials::OAuth {
            client_key,
            client_secret,
        } = &self.inner.credentials
        else {
            return Err(ApiError::new(ErrorKind::Unauthorized));
        };
        let mut slot = self.inner.token.lock().await;
        if let Some(token) = slot.as_ref()
            && !token.needs_renewal(Instant::now())
        {
            return Ok(token.value.clone());
        }
        let body = serde_json::json!({ "key": client_key, "secret": client_secret.expose() });
        let request = self
            .inner
            .http
            .post(self.inner.host.join("/v3/oauth/token/generate"))
            .json(&body);
        let raw = self
            .send(request, "/v3/oauth/token/generate", &Method::POST)
            .await?;
        let request_id = raw.request_id.clone();
        let status = raw.status;
        let server_message = serde_json::from_slice::<Value>(&raw.body)
            .ok()
            .as_ref()
            .and_then(first_capillary_error)
            .map(|(_, message)| message)
            .filter(|m| !m.trim().is_empty());
        let value = interpret(raw).map_err(|e| match e.kind {
            ErrorKind::Unauthorized | ErrorKind::Forbidden { .. } | ErrorKind::Capillary { .. } => {
                ApiError::new(ErrorKind::OAuthFailed {
                    message: server_message
                        .clone()
                        .unwrap_or_else(|| format!("HTTP {}", status.as_u16())),
                })
                .with_request_id(e.request_id)
            }
            _ => e,
        })?;
        let data = value.get("data").cloned().unwrap_or(Value::Null);
        let access = data
            .get("accessToken")
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty());
        let Some(access) = access else {
            return Err(ApiError::new(ErrorKind::OAuthFailed {
                message: "Failed to generate OAuth token".into(),
            })
            .with_request_id(request_id));
        };
        let ttl = data
            .get("ttlSeconds")
            .and_then(|v| {
                v.as_u64()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
            })
            .unwrap_or(300);
        let token = OAuthToken::new(
            Secret::new(access),
            Duration::from_secs(ttl),
            Instant::now(),
        );
        let value = token.value.clone();
        *slot = Some(token);
        Ok(value)
    }

    /// Sends a request and reads its body (capped), logging path, status,
    /// time and request id, never the query or headers.
    async fn send(
        &self,
        request: reqwest::RequestBuilder,
        path: &str,
        method: &Method,
    ) -> Result<RawResponse, ApiError> {
        let started = Instant::now();
        let host = self.inner.host.authority();
        let response = request.send().await.map_err(|e| {
            let kind = from_reqwest(&e, &host);
            tracing::warn!(%method, path, ms = started.elapsed().as_millis() as u64, error = %kind, "request failed");
            ApiError::new(kind)
        })?;
        let status = response.status();
        self.inner.api_speaks_http2.store(
            response.version() == reqwest::Version::HTTP_2,
            std::sync::atomic::Ordering::Relaxed,
        );
        let request_id = response
            .headers()
            .get(REQUEST_ID_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let body = read_capped(response, self.inner.config.max_json_bytes)
            .await
            .map_err(|kind| ApiError::new(kind).with_request_id(request_id.clone()))?;
        tracing::debug!(%method, path, status = status.as_u16(), ms = started.elapsed().as_millis() as u64, request_id = request_id.as_deref().unwrap_or("-"), "capillary call");
        Ok(RawResponse {
            status,
            request_id,
            retry_after,
            body,
        })
    }
}

/// The most lookups one scan starts at once (see `Lookup::candidates`).
pub const MAX_CANDIDATES: usize = 4;

/// Redirects followed per request.
pub const MAX_REDIRECTS: usize = 3;

/// Follows at most [`MAX_REDIRECTS`]. A call to the API host is never
/// followed to another host: it carries the till's Basic header or the
/// OAuth token, and reqwest strips only the standard credential headers.
/// Photo downloads (presigned, no credentials) may move between hosts, as
/// S3 does between regional endpoints.
fn redirect_policy(api_host: &ApiHost) -> reqwest::redirect::Policy {
    let api_origin = api_host.url().origin();
    reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() > MAX_REDIRECTS {
            return attempt.error("too many redirects");
        }
        let from_api = attempt
            .previous()
            .first()
            .is_some_and(|first| first.origin() == api_origin);
        if from_api && attempt.url().origin() != api_origin {
            return attempt.stop();
        }
        attempt.follow()
    })
}

fn photo_url(customer: &Customer) -> Result<&PresignedUrl, ApiError> {
    match customer.photo() {
        PhotoState::Available(url) => Ok(url),
        PhotoState::Unavailable(message) => {
            Err(ApiError::new(ErrorKind::PhotoUnavailable { message }))
        }
        PhotoState::None | PhotoState::NotEmbedded => Err(ApiError::new(ErrorKind::NoPhoto)),
    }
}

/// Reads a body, refusing it as soon as it passes `limit` bytes, whatever
/// `Content-Length` claimed.
async fn read_capped(mut response: reqwest::Response, limit: u64) -> Result<Vec<u8>, ErrorKind> {
    if response.content_length().is_some_and(|len| len > limit) {
        return Err(ErrorKind::TooLarge { limit_bytes: limit });
    }
    let mut body = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() as u64 + chunk.len() as u64 > limit {
                    return Err(ErrorKind::TooLarge { limit_bytes: limit });
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(body),
            Err(e) => return Err(from_reqwest(&e, "")),
        }
    }
}

/// What the client makes of a customer answer (status and body), exactly as
/// a lookup does: Capillary's error envelope, then the lenient model. Public
/// for the fuzz target (`fuzz/fuzz_targets/customer_answer.rs`).
pub fn parse_customer_answer(status: u16, body: &[u8]) -> Result<Customer, ApiError> {
    let status = StatusCode::from_u16(status)
        .map_err(|_| ApiError::new(ErrorKind::UnexpectedStatus { status }))?;
    classify(status, body)
        .map_err(ApiError::new)
        .and_then(parse_value)
}

fn interpret(raw: RawResponse) -> Result<Value, ApiError> {
    let RawResponse {
        status,
        request_id,
        retry_after,
        body,
    } = raw;
    classify(status, &body).map_err(|kind| {
        let kind = match kind {
            ErrorKind::RateLimited { .. } => ErrorKind::RateLimited { retry_after },
            other => other,
        };
        ApiError::new(kind).with_request_id(request_id)
    })
}

/// Turns status and body into the JSON answer or the right error.
fn classify(status: StatusCode, body: &[u8]) -> Result<Value, ErrorKind> {
    let json: Option<Value> = serde_json::from_slice(body).ok();
    let first_error = json.as_ref().and_then(first_capillary_error);
    match status.as_u16() {
        401 => Err(ErrorKind::Unauthorized),
        403 => match first_error {
            Some((1044, message)) => Err(ErrorKind::Capillary {
                code: 1044,
                message,
            }),
            Some((_, message)) => Err(ErrorKind::Forbidden {
                message: Some(message),
            }),
            None => Err(ErrorKind::Forbidden { message: None }),
        },
        300..=399 => Err(ErrorKind::RedirectedAway),
        429 => Err(ErrorKind::RateLimited { retry_after: None }),
        461 => Err(ErrorKind::Busy),
        521 => Err(ErrorKind::ConcurrentAction),
        200..=299 => {
            let Some(json) = json else {
                let text = body.trim_ascii_start();
                return Err(if text.is_empty() {
                    ErrorKind::EmptyBody
                } else if text.starts_with(b"<") {
                    // A login page of a proxy or captive portal, or an error page.
                    ErrorKind::NotJson
                } else {
                    ErrorKind::BadJson {
                        detail: "it is not valid JSON".into(),
                    }
                });
            };
            if !json.is_object() {
                return Err(ErrorKind::BadJson {
                    detail: "expected an object".into(),
                });
            }
            let is_payload = ["id", "entity", "data", "profiles", "createdId"]
                .iter()
                .any(|k| json.get(k).is_some_and(|v| !v.is_null()));
            match first_error {
                Some((code, message)) if !is_payload => Err(ErrorKind::Capillary { code, message }),
                _ => Ok(json),
            }
        }
        s => Err(match first_error {
            Some((code, message)) => ErrorKind::Capillary { code, message },
            None if s == 404 => ErrorKind::EndpointNotFound,
            None if s >= 500 => ErrorKind::ServerError { status: s },
            None => ErrorKind::UnexpectedStatus { status: s },
        }),
    }
}

/// `errors[0]` as (code, message), if the body has one with a code.
fn first_capillary_error(json: &Value) -> Option<(i64, String)> {
    let first = json.get("errors")?.as_array()?.first()?;
    let code = first.get("code").and_then(|c| {
        c.as_i64()
            .or_else(|| c.as_str().and_then(|s| s.trim().parse().ok()))
    })?;
    let message = first
        .get("message")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    Some((code, message))
}

/// A request body and its content type.
#[derive(Debug)]
struct RequestBody {
    content_type: String,
    bytes: Vec<u8>,
}

/// One JPEG as `multipart/form-data` under the key `file`. The boundary is
/// derived from the bytes (an MD5 in hex), so it cannot occur in them by
/// chance and the same photo always makes the same request.
fn multipart_jpeg(filename: &str, jpeg: &[u8]) -> RequestBody {
    let digest = md5::Md5::digest(jpeg);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    let boundary = format!("customer-lookup-{hex}");
    let mut bytes = Vec::with_capacity(jpeg.len() + 256);
    bytes.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n\
             Content-Type: image/jpeg\r\n\r\n"
        )
        .as_bytes(),
    );
    bytes.extend_from_slice(jpeg);
    bytes.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    RequestBody {
        content_type: format!("multipart/form-data; boundary={boundary}"),
        bytes,
    }
}

/// A photo change refused for want of permission says so.
fn photo_change_error(error: ApiError) -> ApiError {
    match error.kind {
        ErrorKind::Unauthorized | ErrorKind::Forbidden { .. } => {
            ApiError::new(ErrorKind::PhotoChangeRefused).with_request_id(error.request_id)
        }
        _ => error,
    }
}

/// `{"code":…,"status":…,"message":…}` of a photo change: an error code or
/// `status: "false"` is a failure in Capillary's words.
fn entry_outcome(entry: &Value) -> Result<(), ApiError> {
    let code = entry.get("code").and_then(|c| {
        c.as_i64()
            .or_else(|| c.as_str().and_then(|s| s.trim().parse().ok()))
    });
    let failed_status = matches!(entry.get("status"), Some(Value::Bool(false)))
        || entry.get("status").and_then(Value::as_str) == Some("false");
    match code {
        Some(code) if !(200..300).contains(&code) => Err(ApiError::new(ErrorKind::Capillary {
            code,
            message: entry
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
        })),
        _ if failed_status => Err(ApiError::new(ErrorKind::BadJson {
            detail: "the answer says the change failed".into(),
        })),
        _ => Ok(()),
    }
}

/// Converts the JSON answer to the expected type. The error names the
/// position, never the value (which may be customer data).
fn parse_value<T: DeserializeOwned>(value: Value) -> Result<T, ApiError> {
    serde_json::from_value(value).map_err(|e| {
        ApiError::new(ErrorKind::BadJson {
            detail: format!("unexpected {:?} data", e.classify()).to_lowercase(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_cases() {
        let ok = StatusCode::OK;
        assert_eq!(classify(ok, b""), Err(ErrorKind::EmptyBody));
        assert_eq!(classify(ok, b"<html>login</html>"), Err(ErrorKind::NotJson));
        assert_eq!(
            classify(StatusCode::UNAUTHORIZED, b"<html/>"),
            Err(ErrorKind::Unauthorized)
        );
        assert_eq!(
            classify(StatusCode::FORBIDDEN, b""),
            Err(ErrorKind::Forbidden { message: None })
        );
        let not_found = br#"{"warnings":[],"errors":[{"status":false,"code":8015,"message":"Customer not found"}]}"#;
        assert!(classify(ok, not_found).unwrap_err().is_not_found());
        assert!(
            classify(StatusCode::NOT_FOUND, not_found)
                .unwrap_err()
                .is_not_found()
        );
        assert_eq!(
            classify(StatusCode::NOT_FOUND, b"nope"),
            Err(ErrorKind::EndpointNotFound)
        );
        assert_eq!(
            classify(StatusCode::BAD_GATEWAY, b"<html/>"),
            Err(ErrorKind::ServerError { status: 502 })
        );
        let with_warning = br#"{"id":1,"errors":[{"code":8062,"message":"points"}]}"#;
        assert!(classify(ok, with_warning).is_ok());
    }
}
