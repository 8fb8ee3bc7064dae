//! The demo tenant's HTTP server: Capillary's endpoints and an S3-like photo
//! store on 127.0.0.1, in the same process.

use super::customers::{self, DemoCustomer};
use super::images::{ImageStore, StoredImage, multipart_file};
use super::network::{ConnectionCosts, SimulatedListener};
use super::photos;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use capillary::Secret;
use capillary::{ApiHost, Credentials, REQUEST_ID_HEADER, codes, format_amz_date, md5_hex};
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

/// Till credentials the demo accepts.
pub const DEMO_USER: &str = "demo.till";
pub const DEMO_PASSWORD: &str = "demo123";
/// A till whose credentials are right but has no API permission (403).
pub const DEMO_NO_ACCESS_USER: &str = "demo.noaccess";
/// OAuth client key and secret the demo accepts.
pub const DEMO_CLIENT_KEY: &str = "demo-key";
pub const DEMO_CLIENT_SECRET: &str = "demo-secret";

/// Signs the demo's presigned photo URLs.
const SIGNING_KEY: &str = "demo-signing-key";

/// How the demo tenant behaves; tests and benchmarks change it.
#[derive(Debug, Clone)]
pub struct DemoConfig {
    /// `ttlSeconds` of issued OAuth tokens.
    pub token_ttl: Duration,
    /// `X-Amz-Expires` of issued photo URLs.
    pub photo_url_ttl: Duration,
    /// Added to every answer (API and photo): a simulated round trip.
    pub latency: Duration,
    /// Extra delay for one customer's answers and photo, by customer ID.
    pub customer_delays: HashMap<i64, Duration>,
    /// Up to this much more, different for every answer: a network whose
    /// answers overtake each other (the stress test uses it).
    pub jitter: Duration,
    /// Whether `lookup/customerDetails` embeds `customerImage` when asked.
    /// Capillary's docs show no example of it, so the client must cope.
    pub lookup_embeds_image: bool,
    /// Serve these bytes as every customer's photo (customers without a
    /// photo keep none): benchmarks use a 12 MP JPEG.
    pub photo_override: Option<Arc<Vec<u8>>>,
    /// Added to the loyalty and purchases answers only (tests show that a
    /// slow one never holds up the name or the photo).
    pub standing_delay: Duration,
    /// Serve photos from a second port, as S3 is another host than the API.
    pub separate_photo_host: bool,
    /// What each new connection costs and when idle ones are closed (none
    /// by default); benchmarks use it to measure connection warming.
    pub connection_costs: ConnectionCosts,
    /// `deleteImage` fails with a 500 (tests show that a replaced photo
    /// whose old images remain says so).
    pub refuse_image_deletes: bool,
    /// Whether `/v2/customers/search` is switched on for the org (off, it
    /// answers 404, as for an org that never asked for it).
    pub search_enabled: bool,
    /// Added to search answers only (tests show that a slow search is
    /// cancelled by more typing).
    pub search_delay: Duration,
}

impl Default for DemoConfig {
    fn default() -> Self {
        Self {
            token_ttl: Duration::from_secs(300),
            photo_url_ttl: Duration::from_secs(3600),
            latency: Duration::ZERO,
            customer_delays: HashMap::new(),
            jitter: Duration::ZERO,
            lookup_embeds_image: true,
            photo_override: None,
            standing_delay: Duration::ZERO,
            separate_photo_host: false,
            connection_costs: ConnectionCosts::default(),
            refuse_image_deletes: false,
            search_enabled: true,
            search_delay: Duration::ZERO,
        }
    }
}

/// Counters a test or benchmark can read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoStats {
    pub connections: u64,
    pub api_requests: u64,
    pub photo_requests: u64,
    /// Photo requests that carried `Authorization` or an OAuth token (and
    /// were refused, as S3 refuses them). Must stay zero.
    pub photo_requests_with_credentials: u64,
    pub tokens_issued: u64,
    /// Calls of `/v2/customers/search` (also counted in `api_requests`).
    pub search_requests: u64,
    /// Answers of 429 (Becky's lookups).
    pub rate_limited: u64,
    /// Calls of `POST /v2/customers` (registrations), refused or not.
    pub enrol_requests: u64,
}

/// A running demo tenant. Dropping it stops the server.
#[derive(Debug)]
pub struct DemoServer {
    addr: SocketAddr,
    state: Arc<DemoState>,
    /// Tells every listener to stop when the server is dropped.
    shutdown: tokio::sync::watch::Sender<bool>,
}

#[derive(Debug)]
struct DemoState {
    config: DemoConfig,
    /// The built-in customers, then those enrolled since the demo started.
    customers: std::sync::RwLock<Vec<Arc<DemoCustomer>>>,
    base_url: String,
    /// Where photo URLs point: the API's own port, or a second one.
    photo_base_url: String,
    host: ApiHost,
    tokens: Mutex<HashMap<String, Instant>>,
    photos: Mutex<HashMap<i64, Arc<Vec<u8>>>>,
    /// Images added and removed through setImage/deleteImage.
    images: ImageStore,
    revoked_signatures: Mutex<HashSet<String>>,
    expire_next: AtomicU64,
    revoke_next: AtomicU64,
    request_counter: AtomicU64,
    jitter_counter: AtomicU64,
    connections: Arc<AtomicU64>,
    api_requests: AtomicU64,
    photo_requests: AtomicU64,
    photo_requests_with_credentials: AtomicU64,
    tokens_issued: AtomicU64,
    search_requests: AtomicU64,
    /// Lookups of the rate-limited customer so far (every third is answered).
    rate_limit_counter: AtomicU64,
    rate_limited: AtomicU64,
    enrol_requests: AtomicU64,
}

impl DemoServer {
    /// Binds 127.0.0.1 on a free port and serves until dropped. Must be
    /// called inside a tokio runtime (an entered one is enough: the app's UI
    /// thread starts it without blocking on anything).
    pub fn start(config: DemoConfig) -> std::io::Result<DemoServer> {
        let listener = bind_loopback()?;
        let addr = listener.local_addr()?;
        let photo_listener = if config.separate_photo_host {
            Some(bind_loopback()?)
        } else {
            None
        };
        let connections = Arc::new(AtomicU64::new(0));
        let base_url = format!("http://{addr}");
        let photo_base_url = match &photo_listener {
            Some(photos) => format!("http://{}", photos.local_addr()?),
            None => base_url.clone(),
        };
        let host = ApiHost::parse(&base_url).map_err(std::io::Error::other)?;
        let costs = config.connection_costs;
        let state = Arc::new(DemoState {
            config,
            customers: std::sync::RwLock::new(customers::all().into_iter().map(Arc::new).collect()),
            base_url,
            photo_base_url,
            host,
            tokens: Mutex::default(),
            photos: Mutex::default(),
            images: ImageStore::default(),
            revoked_signatures: Mutex::default(),
            expire_next: AtomicU64::new(0),
            revoke_next: AtomicU64::new(0),
            request_counter: AtomicU64::new(0),
            jitter_counter: AtomicU64::new(0),
            connections: connections.clone(),
            api_requests: AtomicU64::new(0),
            photo_requests: AtomicU64::new(0),
            photo_requests_with_credentials: AtomicU64::new(0),
            tokens_issued: AtomicU64::new(0),
            search_requests: AtomicU64::new(0),
            rate_limit_counter: AtomicU64::new(0),
            rate_limited: AtomicU64::new(0),
            enrol_requests: AtomicU64::new(0),
        });
        let router =
            Router::new()
                .route("/v3/oauth/token/generate", post(generate_token))
                .route("/v2/customers/lookup/customerDetails", get(lookup_details))
                .route("/v2/customers/lookup", get(lookup_id))
                .route("/v2/customers/search", get(search))
                .route("/v2/customers", post(enrol))
                .route("/v2/customers/{id}", get(customer_by_id))
                .route(
                    "/v2/customers/{id}/setImage",
                    get(customer_by_id).post(set_image).layer(
                        axum::extract::DefaultBodyLimit::max(MAX_IMAGE_BYTES + 64 * 1024),
                    ),
                )
                .route("/v2/customers/{id}/deleteImage", delete(delete_image))
                .route("/v2/customers/{id}/loyaltyDetails", get(loyalty_details))
                .route("/v2/customers/{id}/transactions", get(transactions))
                .route("/demo-s3/customerImage/{id}/{file}", get(photo))
                .with_state(state.clone());
        let (shutdown, stopped) = tokio::sync::watch::channel(false);
        for listener in std::iter::once(listener).chain(photo_listener) {
            let listener = SimulatedListener::new(listener, costs, connections.clone());
            serve(listener, router.clone(), stopped.clone());
        }
        tracing::info!(%addr, "demo tenant listening");
        Ok(DemoServer {
            addr,
            state,
            shutdown,
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> &str {
        &self.state.base_url
    }

    /// The API host to point a client at.
    pub fn host(&self) -> ApiHost {
        self.state.host.clone()
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The demo's till credentials.
    pub fn till_credentials() -> Credentials {
        Credentials::Till {
            username: DEMO_USER.into(),
            password: Secret::new(DEMO_PASSWORD),
        }
    }

    /// The demo's OAuth credentials.
    pub fn oauth_credentials() -> Credentials {
        Credentials::OAuth {
            client_key: DEMO_CLIENT_KEY.into(),
            client_secret: Secret::new(DEMO_CLIENT_SECRET),
        }
    }

    /// Counters so far.
    pub fn stats(&self) -> DemoStats {
        let s = &self.state;
        DemoStats {
            connections: s.connections.load(Ordering::Relaxed),
            api_requests: s.api_requests.load(Ordering::Relaxed),
            photo_requests: s.photo_requests.load(Ordering::Relaxed),
            photo_requests_with_credentials: s
                .photo_requests_with_credentials
                .load(Ordering::Relaxed),
            tokens_issued: s.tokens_issued.load(Ordering::Relaxed),
            search_requests: s.search_requests.load(Ordering::Relaxed),
            rate_limited: s.rate_limited.load(Ordering::Relaxed),
            enrol_requests: s.enrol_requests.load(Ordering::Relaxed),
        }
    }

    /// The next `n` photo URLs are issued already past their `X-Amz-Expires`.
    #[cfg(feature = "testing")]
    pub fn expire_next_photo_urls(&self, n: u64) {
        self.state.expire_next.store(n, Ordering::Relaxed);
    }

    /// The next `n` photo URLs look valid but the store answers 403 "Request
    /// has expired" (as S3 does when the temporary credentials die early).
    #[cfg(feature = "testing")]
    pub fn revoke_next_photo_urls(&self, n: u64) {
        self.state.revoke_next.store(n, Ordering::Relaxed);
    }

    /// Forgets every issued OAuth token, as if they had all run out.
    #[cfg(feature = "testing")]
    pub fn revoke_tokens(&self) {
        if let Ok(mut tokens) = self.state.tokens.lock() {
            tokens.clear();
        }
    }

    /// The demo customers, those enrolled since it started last.
    pub fn customers(&self) -> Vec<DemoCustomer> {
        self.state
            .all_customers()
            .iter()
            .map(|c| DemoCustomer::clone(c))
            .collect()
    }

    /// The stored bytes of a customer's photo, as served.
    #[cfg(feature = "testing")]
    /// The bytes of the customer's newest image (the one the app shows).
    pub fn photo_bytes(&self, customer_id: i64) -> Option<Arc<Vec<u8>>> {
        self.state.images_of(customer_id).pop().map(|i| i.bytes)
    }

    /// How many images the customer holds now.
    pub fn image_count(&self, customer_id: i64) -> usize {
        self.state.images_of(customer_id).len()
    }
}

impl Drop for DemoServer {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
    }
}

/// A listener on 127.0.0.1 and a free port.
fn bind_loopback() -> std::io::Result<tokio::net::TcpListener> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0))?;
    listener.set_nonblocking(true)?;
    tokio::net::TcpListener::from_std(listener)
}

/// Serves `router` on `listener` until `stopped` says so.
fn serve(
    listener: SimulatedListener,
    router: Router,
    mut stopped: tokio::sync::watch::Receiver<bool>,
) {
    #[expect(
        clippy::disallowed_methods,
        reason = "the demo tenant is a server of its own, not app work"
    )]
    tokio::spawn(async move {
        let serve = axum::serve(listener, router).with_graceful_shutdown(async move {
            let _ = stopped.wait_for(|stop| *stop).await;
        });
        if let Err(e) = serve.await {
            tracing::error!(error = %e, "demo server stopped");
        }
    });
}

impl DemoState {
    fn find(&self, pred: impl Fn(&DemoCustomer) -> bool) -> Option<Arc<DemoCustomer>> {
        self.all_customers().into_iter().find(|c| pred(c))
    }

    /// Every customer now (a snapshot: enrolment may add one meanwhile).
    fn all_customers(&self) -> Vec<Arc<DemoCustomer>> {
        self.customers
            .read()
            .map(|customers| customers.clone())
            .unwrap_or_default()
    }

    /// A request id made from the answer itself: the same answer always
    /// carries the same id, so what the demo shows does not depend on
    /// which of several concurrent requests was answered first.
    fn request_id_for(body: &Value) -> String {
        let digest = md5_hex(&body.to_string());
        format!("demo-{}", digest.expose().get(..8).unwrap_or_default())
    }

    /// A pseudo-random share of `config.jitter` (a counter through
    /// splitmix64: varied enough for tests, no RNG dependency).
    fn jitter(&self) -> Duration {
        if self.config.jitter.is_zero() {
            return Duration::ZERO;
        }
        let n = self.jitter_counter.fetch_add(1, Ordering::Relaxed);
        let mut z = n.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        let fraction = (z >> 11) as f64 / (1u64 << 53) as f64;
        self.config.jitter.mul_f64(fraction)
    }

    async fn delay(&self, customer_id: Option<i64>) {
        let extra = customer_id
            .and_then(|id| self.config.customer_delays.get(&id).copied())
            .unwrap_or_default();
        let total = self.config.latency + extra + self.jitter();
        if !total.is_zero() {
            tokio::time::sleep(total).await;
        }
    }

    #[expect(
        clippy::result_large_err,
        reason = "the error is the HTTP answer itself, returned at once"
    )]
    fn authorized(&self, headers: &HeaderMap) -> Result<(), Response> {
        if let Some(token) = header_str(headers, capillary::OAUTH_HEADER) {
            let valid = self
                .tokens
                .lock()
                .map(|t| t.get(token).is_some_and(|exp| *exp > Instant::now()))
                .unwrap_or(false);
            return if valid {
                Ok(())
            } else {
                Err(self.unauthorized())
            };
        }
        let expected = capillary::till_authorization(DEMO_USER, &Secret::new(DEMO_PASSWORD));
        let no_access =
            capillary::till_authorization(DEMO_NO_ACCESS_USER, &Secret::new(DEMO_PASSWORD));
        match header_str(headers, header::AUTHORIZATION.as_str()) {
            Some(h) if h == expected.expose() => Ok(()),
            Some(h) if h == no_access.expose() => Err(self.api(
                StatusCode::FORBIDDEN,
                json!({"errors": [{"status": false, "code": 403, "message": "Access denied: the till is not in an access group with API permission"}]}),
            )),
            _ => Err(self.unauthorized()),
        }
    }

    fn unauthorized(&self) -> Response {
        self.api(
            StatusCode::UNAUTHORIZED,
            json!({"errors": [{"status": false, "code": 401, "message": "Authentication failed. Please check username and password."}]}),
        )
    }

    fn not_found(&self) -> Response {
        self.api(
            StatusCode::NOT_FOUND,
            json!({"warnings": [], "errors": [{"status": false, "code": codes::CUSTOMER_NOT_FOUND, "message": "Customer not found for the given identifiers"}]}),
        )
    }

    /// A JSON answer with a request id, as Capillary sends.
    fn api(&self, status: StatusCode, body: Value) -> Response {
        let request_id = Self::request_id_for(&body);
        let mut response = (status, axum::Json(body)).into_response();
        if let Ok(v) = HeaderValue::from_str(&request_id) {
            response.headers_mut().insert(REQUEST_ID_HEADER, v);
        }
        response
    }

    /// The customer's images, oldest first (the built-in portrait until a
    /// photo change).
    fn images_of(&self, customer_id: i64) -> Vec<StoredImage> {
        self.images
            .images(customer_id, self.built_in_photo(customer_id))
    }

    fn built_in_photo(&self, customer_id: i64) -> Option<Arc<Vec<u8>>> {
        let customer = self.find(|c| c.id == customer_id)?;
        let (look, format) = customer.photo?;
        if let Some(bytes) = &self.config.photo_override {
            return Some(bytes.clone());
        }
        let mut cache = self.photos.lock().ok()?;
        if let Some(bytes) = cache.get(&customer_id) {
            return Some(bytes.clone());
        }
        let bytes = Arc::new(photos::encode(look, format).ok()?);
        cache.insert(customer_id, bytes.clone());
        Some(bytes)
    }

    /// Signs path, time, lifetime and session token, so every issued URL
    /// is distinct (like S3's, whose session token changes).
    fn signature(path: &str, date: &str, expires: &str, session: &str) -> String {
        md5_hex(&format!("{SIGNING_KEY}|{path}|{date}|{expires}|{session}"))
            .expose()
            .to_owned()
    }

    /// The `customerImage` block for a customer: one entry per image,
    /// each with a fresh presigned URL.
    fn image_block(&self, c: &DemoCustomer) -> Value {
        let entries: Vec<Value> = self
            .images_of(c.id)
            .iter()
            .map(|image| self.image_entry(c.id, image))
            .collect();
        Value::Array(entries)
    }

    /// The file handle of a customer's image slot (slot 0 keeps the
    /// handle the demo always had).
    fn handle(customer_id: i64, slot: u32) -> String {
        match slot {
            0 => format!("demo-photo-{customer_id}"),
            n => format!("demo-photo-{customer_id}-{n}"),
        }
    }

    fn image_entry(&self, customer_id: i64, image: &StoredImage) -> Value {
        let handle = Self::handle(customer_id, image.slot);
        let path = format!("/demo-s3/customerImage/{customer_id}/{handle}");
        let ttl = self.config.photo_url_ttl.as_secs();
        let signed_at = if take_one(&self.expire_next) {
            SystemTime::now() - Duration::from_secs(ttl + 60)
        } else {
            SystemTime::now()
        };
        let date = format_amz_date(signed_at);
        let expires = ttl.to_string();
        let session = format!(
            "demo-session-{}",
            self.request_counter.fetch_add(1, Ordering::Relaxed)
        );
        let signature = Self::signature(&path, &date, &expires, &session);
        if take_one(&self.revoke_next)
            && let Ok(mut revoked) = self.revoked_signatures.lock()
        {
            revoked.insert(signature.clone());
        }
        let url = format!(
            "{}{path}?X-Amz-Security-Token={session}&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date={date}&X-Amz-SignedHeaders=host&X-Amz-Expires={expires}&X-Amz-Credential=DEMO%2F{}%2Fdemo%2Fs3%2Faws4_request&X-Amz-Signature={signature}",
            self.photo_base_url,
            date.get(..8).unwrap_or_default()
        );
        json!({
            "code": 200,
            "file": Self::file_json(customer_id, image),
            "filePath": url,
            "message": "Success",
            "secureFilePath": url,
            "status": "true"
        })
    }

    /// The `file` object Capillary describes a stored image with.
    fn file_json(customer_id: i64, image: &StoredImage) -> Value {
        let handle = Self::handle(customer_id, image.slot);
        json!({
            "acl": "PRIVATE",
            "fileSize": image.bytes.len().to_string(),
            "fileHandle": handle,
            "lastModified": image.last_modified,
            "latestVersion": 1,
            "name": format!("demo/{customer_id}/{}", image.slot),
            "namespace": "customerImage",
            "s3Token": format!("customerImage/demo/{customer_id}/{handle}"),
            "version": 1
        })
    }

    fn find_by_identifier(&self, name: &str, value: &str) -> Option<Arc<DemoCustomer>> {
        let value = value.trim();
        match name.to_ascii_lowercase().as_str() {
            "mobile" => self.find(|c| c.mobile == value),
            "email" => self.find(|c| c.email.eq_ignore_ascii_case(value)),
            "cardnumber" => self.find(|c| c.card.eq_ignore_ascii_case(value)),
            "externalid" => self.find(|c| c.external_id == value),
            _ => None,
        }
    }

    /// Shared checks of the lookup endpoints: auth, source, identifier.
    #[expect(
        clippy::result_large_err,
        reason = "the error is the HTTP answer itself, returned at once"
    )]
    fn check_lookup(
        &self,
        headers: &HeaderMap,
        query: &HashMap<String, String>,
    ) -> Result<Option<Arc<DemoCustomer>>, Response> {
        self.api_requests.fetch_add(1, Ordering::Relaxed);
        self.authorized(headers)?;
        self.check_source(query)?;
        let name = param(query, "identifierName");
        let value = param(query, "identifierValue");
        if name.is_empty() || value.is_empty() {
            return Err(self.api(
                StatusCode::BAD_REQUEST,
                json!({"errors": [{"status": false, "code": codes::EMPTY_IDENTIFIER, "message": "identifierName, identifierValue, source can not be empty"}]}),
            ));
        }
        if !matches!(
            name.to_ascii_lowercase().as_str(),
            "mobile" | "email" | "cardnumber" | "externalid"
        ) {
            return Err(self.api(
                StatusCode::BAD_REQUEST,
                json!({"errors": [{"status": false, "code": codes::UNSUPPORTED_IDENTIFIER, "message": "Invalid identifier"}]}),
            ));
        }
        Ok(self.find_by_identifier(name, value))
    }

    /// The customer a lookup names, after the checks and the configured
    /// delay; the answer to send when there is none.
    async fn looked_up(
        &self,
        headers: &HeaderMap,
        query: &HashMap<String, String>,
    ) -> Result<Arc<DemoCustomer>, Response> {
        let customer = self.check_lookup(headers, query)?;
        self.answer_after_delay(customer).await
    }

    /// The customer a `/v2/customers/{id}/…` call names, after the checks
    /// and the configured delay; the answer to send when there is none.
    async fn customer_at(
        &self,
        headers: &HeaderMap,
        id: &str,
        query: &HashMap<String, String>,
    ) -> Result<Arc<DemoCustomer>, Response> {
        self.api_requests.fetch_add(1, Ordering::Relaxed);
        self.authorized(headers)?;
        self.check_source(query)?;
        let customer = id
            .parse::<i64>()
            .ok()
            .and_then(|id| self.find(|c| c.id == id));
        self.answer_after_delay(customer).await
    }

    /// Waits the configured delay for this customer, then gives them, or
    /// the "not found" answer when there is none.
    async fn answer_after_delay(
        &self,
        customer: Option<Arc<DemoCustomer>>,
    ) -> Result<Arc<DemoCustomer>, Response> {
        self.delay(customer.as_ref().map(|c| c.id)).await;
        customer.ok_or_else(|| self.not_found())
    }

    /// Lookups of the rate-limited customer (by identifier or by ID; not
    /// the loyalty and purchases calls): the first
    /// [`customers::RATE_LIMITED_TIMES`] of every few answer 429 with
    /// `Retry-After: 1`, as a throttled Capillary cluster does.
    #[expect(
        clippy::result_large_err,
        reason = "the error is the HTTP answer itself, returned at once"
    )]
    fn rate_limit(&self, customer: &DemoCustomer) -> Result<(), Response> {
        if customer.id != customers::RATE_LIMITED {
            return Ok(());
        }
        let n = self.rate_limit_counter.fetch_add(1, Ordering::Relaxed);
        if n % (customers::RATE_LIMITED_TIMES + 1) == customers::RATE_LIMITED_TIMES {
            return Ok(());
        }
        self.rate_limited.fetch_add(1, Ordering::Relaxed);
        let mut response = self.api(
            StatusCode::TOO_MANY_REQUESTS,
            json!({"errors": [{"status": false, "code": 429, "message": "Too many requests"}]}),
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        Err(response)
    }

    /// Customers whose first name, last name, full name or an identifier
    /// starts with `q`, ignoring case (in any script that has case).
    fn search(&self, q: &str) -> Vec<(Arc<DemoCustomer>, &'static str, String)> {
        let q = q.trim().to_lowercase();
        if q.is_empty() {
            return Vec::new();
        }
        let starts = |value: &str| !value.is_empty() && value.to_lowercase().starts_with(&q);
        self.all_customers()
            .iter()
            .filter_map(|c| {
                // "First Last" is found as the first name it starts with.
                let full = format!("{} {}", c.first_name, c.last_name);
                let candidates = [
                    ("firstName", &c.first_name, c.first_name.to_string()),
                    ("firstName", &c.first_name, full),
                    ("lastName", &c.last_name, c.last_name.to_string()),
                    ("mobile", &c.mobile, c.mobile.to_string()),
                    ("email", &c.email, c.email.to_string()),
                    ("cardnumber", &c.card, c.card.to_string()),
                    ("externalId", &c.external_id, c.external_id.to_string()),
                ];
                candidates
                    .into_iter()
                    .find(|(_, _, text)| starts(text))
                    .map(|(kind, value, _)| (c.clone(), kind, value.to_string()))
            })
            .collect()
    }

    /// Like [`Self::customer_at`], then the loyalty and purchases delay.
    async fn standing_of(
        &self,
        headers: &HeaderMap,
        id: &str,
        query: &HashMap<String, String>,
    ) -> Result<Arc<DemoCustomer>, Response> {
        let customer = self.customer_at(headers, id, query).await?;
        tokio::time::sleep(self.config.standing_delay).await;
        Ok(customer)
    }

    /// Capillary refuses any call without a `source`.
    #[expect(
        clippy::result_large_err,
        reason = "the error is the HTTP answer itself, returned at once"
    )]
    fn check_source(&self, query: &HashMap<String, String>) -> Result<(), Response> {
        if param(query, "source").trim().is_empty() {
            return Err(self.api(
                StatusCode::BAD_REQUEST,
                json!({"errors": [{"status": false, "code": codes::NO_SOURCE, "message": "GET failed,No source passed"}]}),
            ));
        }
        Ok(())
    }
}

/// A query parameter, empty when absent.
fn param<'a>(query: &'a HashMap<String, String>, name: &str) -> &'a str {
    query.get(name).map(String::as_str).unwrap_or_default()
}

fn take_one(counter: &AtomicU64) -> bool {
    counter
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
        .is_ok()
}

fn header_str<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

fn embeds(query: &HashMap<String, String>, what: &str) -> bool {
    query.get("embed").is_some_and(|e| {
        e.split(',')
            .any(|part| part.trim().eq_ignore_ascii_case(what))
    })
}

async fn generate_token(State(state): State<Arc<DemoState>>, body: Bytes) -> Response {
    state.api_requests.fetch_add(1, Ordering::Relaxed);
    state.delay(None).await;
    let parsed: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let key = parsed.get("key").and_then(Value::as_str);
    let secret = parsed.get("secret").and_then(Value::as_str);
    if key != Some(DEMO_CLIENT_KEY) || secret != Some(DEMO_CLIENT_SECRET) {
        return state.api(
            StatusCode::UNAUTHORIZED,
            json!({"data": null, "errors": [{"status": false, "code": 401, "message": "Failed to generate OAuth token"}]}),
        );
    }
    let n = state.tokens_issued.fetch_add(1, Ordering::Relaxed) + 1;
    let token = md5_hex(&format!("token|{n}|{:?}", SystemTime::now()))
        .expose()
        .to_owned();
    let ttl = state.config.token_ttl;
    if let Ok(mut tokens) = state.tokens.lock() {
        tokens.insert(token.clone(), Instant::now() + ttl);
    }
    state.api(
        StatusCode::OK,
        json!({"data": {"accessToken": token, "ttlSeconds": ttl.as_secs()}, "errors": null}),
    )
}

async fn lookup_details(
    State(state): State<Arc<DemoState>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let customer = match state.looked_up(&headers, &query).await {
        Ok(c) => c,
        Err(response) => return response,
    };
    let customer: &DemoCustomer = &customer;
    if let Err(response) = state.rate_limit(customer) {
        return response;
    }
    let image = (state.config.lookup_embeds_image && embeds(&query, "customerImage"))
        .then(|| state.image_block(customer));
    state.api(
        StatusCode::OK,
        customers::to_json(customer, image, embeds(&query, "mlp")),
    )
}

/// `GET /v2/customers/search?q=…&limit=…&offset=…`, as Capillary's
/// "advanced customer search" answers it.
async fn search(
    State(state): State<Arc<DemoState>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    state.api_requests.fetch_add(1, Ordering::Relaxed);
    state.search_requests.fetch_add(1, Ordering::Relaxed);
    if let Err(response) = state.authorized(&headers) {
        return response;
    }
    state.delay(None).await;
    tokio::time::sleep(state.config.search_delay).await;
    if !state.config.search_enabled {
        return (StatusCode::NOT_FOUND, "Not Found").into_response();
    }
    let number = |name: &str, default: usize| param(&query, name).parse().unwrap_or(default);
    let (limit, offset) = (number("limit", 10).min(50), number("offset", 0));
    let found = state.search(param(&query, "q"));
    let data: Vec<Value> = found
        .iter()
        .skip(offset)
        .take(limit)
        .map(|(c, kind, value)| {
            json!({
                "userId": c.id,
                "matchedIdentifiers": [{"idType": kind, "idValue": value, "source": "INSTORE", "accountId": ""}],
                "profiles": [{"source": "INSTORE", "firstName": c.first_name, "lastName": c.last_name}],
            })
        })
        .collect();
    state.api(
        StatusCode::OK,
        json!({
            "pagination": {"limit": limit, "offset": offset, "total": found.len()},
            "data": data,
            "warnings": [],
            "errors": [],
        }),
    )
}

async fn lookup_id(
    State(state): State<Arc<DemoState>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    match state.looked_up(&headers, &query).await {
        Ok(c) => state.api(StatusCode::OK, json!({"entity": c.id, "warnings": []})),
        Err(response) => response,
    }
}

async fn customer_by_id(
    State(state): State<Arc<DemoState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let customer = match state.customer_at(&headers, &id, &query).await {
        Ok(c) => c,
        Err(response) => return response,
    };
    let customer: &DemoCustomer = &customer;
    if let Err(response) = state.rate_limit(customer) {
        return response;
    }
    let image = embeds(&query, "customerImage").then(|| state.image_block(customer));
    state.api(
        StatusCode::OK,
        customers::to_json(customer, image, embeds(&query, "mlp")),
    )
}

async fn loyalty_details(
    State(state): State<Arc<DemoState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let customer = match state.standing_of(&headers, &id, &query).await {
        Ok(c) => c,
        Err(response) => return response,
    };
    let customer: &DemoCustomer = &customer;
    state.api(
        StatusCode::OK,
        json!({"data": customers::programs(customer), "warnings": [], "errors": []}),
    )
}

async fn transactions(
    State(state): State<Arc<DemoState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let customer = match state.standing_of(&headers, &id, &query).await {
        Ok(c) => c,
        Err(response) => return response,
    };
    let customer: &DemoCustomer = &customer;
    if customer.id == customers::PURCHASES_FAIL {
        return state.api(
            StatusCode::INTERNAL_SERVER_ERROR,
            json!({"errors": [{"status": false, "code": 500, "message": "Transaction service unavailable"}]}),
        );
    }
    let limit = param(&query, "limit").parse().unwrap_or(20).min(1000);
    let data = customers::purchases(customer, limit);
    let total = data.as_array().map_or(0, Vec::len);
    state.api(
        StatusCode::OK,
        json!({"pagination": {"limit": limit, "offset": 0, "total": total}, "data": data, "warnings": [], "errors": []}),
    )
}

/// Capillary's limit for one uploaded file.
const MAX_IMAGE_BYTES: usize = 49 * 1024 * 1024;
/// Capillary's minimum (8083 below it).
const MIN_IMAGE_BYTES: usize = 10 * 1024;

/// A photo-change error as Capillary sends it.
fn image_error(state: &DemoState, code: i64, message: &str) -> Response {
    state.api(
        StatusCode::BAD_REQUEST,
        json!({"warnings": [], "errors": [{"status": false, "code": code, "message": message}]}),
    )
}

/// The docs give no code for "this identifier belongs to someone"; the
/// demo uses this one, and the app shows Capillary's message with it.
pub const IDENTIFIER_TAKEN: i64 = 8007;
/// Emails at this domain are "found in another source": the demo combines
/// the accounts and warns (8050), as Capillary does.
pub const OTHER_SOURCE_DOMAIN: &str = "@othersource.example";

/// `POST /v2/customers?source=INSTORE`: registers a customer in memory
/// (Bronze, 100 points for joining) with Capillary's checks: a mobile of 8
/// to 15 digits (1001), an email with a domain (1002), a mobile or an
/// email (1007), no identifier that belongs to someone else.
async fn enrol(
    State(state): State<Arc<DemoState>>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    state.api_requests.fetch_add(1, Ordering::Relaxed);
    state.enrol_requests.fetch_add(1, Ordering::Relaxed);
    if let Err(response) = state.authorized(&headers) {
        return response;
    }
    if let Err(response) = state.check_source(&query) {
        return response;
    }
    state.delay(None).await;
    let refuse = |code: i64, message: &str| {
        state.api(
            StatusCode::BAD_REQUEST,
            json!({"createdId": null, "warnings": [], "errors": [{"status": false, "code": code, "message": message}]}),
        )
    };
    let Ok(request) = serde_json::from_slice::<Value>(&body) else {
        return refuse(400, "Invalid request: the body is not JSON");
    };
    let profile = &request["profiles"][0];
    let text = |v: &Value| v.as_str().unwrap_or_default().trim().to_owned();
    let identifier = |kind: &str| {
        profile["identifiers"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|i| i["type"].as_str() == Some(kind))
            .map(|i| text(&i["value"]))
            .unwrap_or_default()
    };
    let (mobile, email, card) = (
        identifier("mobile"),
        identifier("email"),
        identifier("cardnumber"),
    );
    let valid_mobile =
        (8..=15).contains(&mobile.len()) && mobile.chars().all(|c| c.is_ascii_digit());
    if !mobile.is_empty() && !valid_mobile {
        return refuse(codes::INVALID_MOBILE, "Invalid mobile");
    }
    if !email.is_empty() && !email.split_once('@').is_some_and(|(_, d)| d.contains('.')) {
        return refuse(codes::INVALID_EMAIL, "Invalid email");
    }
    if mobile.is_empty() && email.is_empty() {
        return refuse(codes::NO_PRIMARY_IDENTIFIER, "Primary identifier missing");
    }
    let taken = state.find(|c| {
        (!mobile.is_empty() && *c.mobile == *mobile)
            || (!email.is_empty() && c.email.eq_ignore_ascii_case(&email))
            || (!card.is_empty() && c.card.eq_ignore_ascii_case(&card))
    });
    if taken.is_some() {
        return refuse(
            IDENTIFIER_TAKEN,
            "Customer with the same identifier already exists in this source",
        );
    }
    let Ok(mut customers) = state.customers.write() else {
        return refuse(500, "The demo's customers are unavailable");
    };
    let id = customers.iter().map(|c| c.id).max().unwrap_or(0) + 1;
    let external_id = format!("EXT-{id}");
    customers.push(Arc::new(DemoCustomer {
        id,
        first_name: text(&profile["firstName"]).into(),
        last_name: text(&profile["lastName"]).into(),
        mobile: mobile.into(),
        email: email.clone().into(),
        card: card.into(),
        external_id: external_id.into(),
        photo: None,
        city: "".into(),
        gender: "".into(),
        tier: Some(("Bronze", 100.0)),
        fraud: false,
    }));
    drop(customers);
    let warnings = if email.to_ascii_lowercase().ends_with(OTHER_SOURCE_DOMAIN) {
        json!([{"status": true, "code": codes::COMBINED_WITH_OTHER_SOURCE, "message": "Same Customer found in other sources, Combining"}])
    } else {
        json!([])
    };
    state.api(
        StatusCode::OK,
        json!({"createdId": id, "warnings": warnings, "errors": [],
            "sideEffects": [{"awardedPoints": 100, "type": "points"}]}),
    )
}

/// `POST /v2/customers/{id}/setImage`: the file under `file`, 10 KB to
/// 49 MB, something that decodes as an image; added in the next slot.
async fn set_image(
    State(state): State<Arc<DemoState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    let customer = match state.customer_at(&headers, &id, &query).await {
        Ok(c) => c,
        Err(response) => return response,
    };
    let customer: &DemoCustomer = &customer;
    let content_type = header_str(&headers, header::CONTENT_TYPE.as_str()).unwrap_or_default();
    let Some(file) = multipart_file(content_type, &body) else {
        return image_error(
            &state,
            codes::IMAGE_INVALID,
            "The request does not contain a valid image file, or the image has not been added",
        );
    };
    if file.len() < MIN_IMAGE_BYTES {
        return image_error(
            &state,
            codes::IMAGE_TOO_SMALL,
            "Uploaded image size is below the minimum required size",
        );
    }
    if file.len() > MAX_IMAGE_BYTES || !matches!(photo::sniff(&file), photo::Sniffed::Supported(_))
    {
        return image_error(
            &state,
            codes::IMAGE_INVALID,
            "The request does not contain a valid image file, or the image has not been added",
        );
    }
    let stored = state
        .images
        .add(customer.id, state.built_in_photo(customer.id), file);
    state.api(
        StatusCode::OK,
        json!({"data": [{
            "code": 200,
            "file": DemoState::file_json(customer.id, &stored),
            "message": "Successfully uploaded file",
            "status": "true"
        }], "warnings": [], "errors": []}),
    )
}

/// `DELETE /v2/customers/{id}/deleteImage?image_ids=0,1`.
async fn delete_image(
    State(state): State<Arc<DemoState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let customer = match state.customer_at(&headers, &id, &query).await {
        Ok(c) => c,
        Err(response) => return response,
    };
    let customer: &DemoCustomer = &customer;
    if state.config.refuse_image_deletes {
        return state.api(
            StatusCode::INTERNAL_SERVER_ERROR,
            json!({"errors": [{"status": false, "code": 500, "message": "Image service unavailable"}]}),
        );
    }
    let slots: Vec<u32> = param(&query, "image_ids")
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let removed = state
        .images
        .remove(customer.id, state.built_in_photo(customer.id), &slots);
    if removed == 0 {
        return image_error(
            &state,
            codes::NO_IMAGE_TO_DELETE,
            "No Image passed to be deleted",
        );
    }
    state.api(
        StatusCode::OK,
        json!({"code": 200, "message": "Success", "status": "true"}),
    )
}

fn s3_error(status: StatusCode, code: &str, message: &str) -> Response {
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{message}</Message></Error>"
    );
    (status, [(header::CONTENT_TYPE, "application/xml")], body).into_response()
}

async fn photo(
    State(state): State<Arc<DemoState>>,
    headers: HeaderMap,
    Path((id, file)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    state.photo_requests.fetch_add(1, Ordering::Relaxed);
    if headers.contains_key(header::AUTHORIZATION) || headers.contains_key(capillary::OAUTH_HEADER)
    {
        state
            .photo_requests_with_credentials
            .fetch_add(1, Ordering::Relaxed);
        return s3_error(
            StatusCode::BAD_REQUEST,
            "InvalidArgument",
            "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified",
        );
    }
    let customer_id = id.parse::<i64>().ok();
    state.delay(customer_id).await;
    let path = format!("/demo-s3/customerImage/{id}/{file}");
    let date = param(&query, "X-Amz-Date");
    let expires = param(&query, "X-Amz-Expires");
    let signature = param(&query, "X-Amz-Signature");
    let session = param(&query, "X-Amz-Security-Token");
    if signature != DemoState::signature(&path, date, expires, session) {
        return s3_error(
            StatusCode::FORBIDDEN,
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided.",
        );
    }
    let expired_by_clock = capillary::PresignedUrl::parse(&format!(
        "{}{path}?X-Amz-Date={date}&X-Amz-Expires={expires}",
        state.base_url
    ))
    .is_none_or(|u| u.is_expired_at(SystemTime::now()));
    let revoked = state
        .revoked_signatures
        .lock()
        .map(|r| r.contains(signature))
        .unwrap_or(false);
    if expired_by_clock || revoked {
        return s3_error(StatusCode::FORBIDDEN, "AccessDenied", "Request has expired");
    }
    let stored = customer_id.and_then(|id| {
        state
            .images_of(id)
            .into_iter()
            .find(|image| DemoState::handle(id, image.slot) == file)
    });
    match stored.map(|image| image.bytes) {
        Some(bytes) => (
            [(header::CONTENT_TYPE, "binary/octet-stream")],
            bytes.as_ref().clone(),
        )
            .into_response(),
        None => s3_error(
            StatusCode::NOT_FOUND,
            "NoSuchKey",
            "The specified key does not exist.",
        ),
    }
}
