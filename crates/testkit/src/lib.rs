//! What the workspace's tests share and no shipped build contains: a
//! scripted HTTP server on 127.0.0.1 for fault tests (each request gets the
//! next scripted reply, the last one repeats, and every request's head is
//! recorded so tests can assert on what the client sent), photo fixtures
//! made in code, and the committed fixture files (`fixtures/`).
// Tests read files and start servers freely; the rule is for the app.
#![allow(clippy::disallowed_methods)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

pub mod photos;

/// The seed page's sample response (`../shared/seed/get-customer-image.md`),
/// as Capillary sent it.
pub const SEED_CUSTOMER_IMAGE: &str = include_str!("../fixtures/seed_customer_image.json");

/// A committed photo fixture (`fixtures/photos/NAME`, made by
/// `fixtures/make_photos.sh`): the formats the `image` crate cannot encode.
pub fn photo_fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/photos")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpListener;

/// What the server does with one request.
#[derive(Clone, Debug)]
pub enum Reply {
    /// Status, extra headers and body; Content-Length is set.
    Http {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// Sends nothing and keeps the connection open for this long.
    Stall(Duration),
    /// Announces `claimed` bytes, sends `sent`, then closes.
    CutOff { claimed: usize, sent: usize },
    /// Streams `total` bytes with no Content-Length (chunked).
    Stream { total: usize },
    /// Waits this long after the request, then answers as the inner reply.
    After(Duration, Box<Reply>),
}

impl Reply {
    pub fn json(status: u16, body: &str) -> Reply {
        Reply::Http {
            status,
            headers: vec![
                ("Content-Type".into(), "application/json".into()),
                ("X-Cap-Requestid".into(), format!("req-{status}")),
            ],
            body: body.as_bytes().to_vec(),
        }
    }

    pub fn text(status: u16, content_type: &str, body: &str) -> Reply {
        Reply::Http {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.as_bytes().to_vec(),
        }
    }

    /// A `302 Found` to `location`.
    pub fn redirect(location: &str) -> Reply {
        Reply::Http {
            status: 302,
            headers: vec![("Location".into(), location.into())],
            body: Vec::new(),
        }
    }

    pub fn bytes(status: u16, body: Vec<u8>) -> Reply {
        Reply::Http {
            status,
            headers: vec![],
            body,
        }
    }
}

/// One request as received.
#[derive(Clone, Debug)]
pub struct Recorded {
    pub method: String,
    pub target: String,
    /// Header names lower-cased.
    pub headers: Vec<(String, String)>,
    /// The body, as long as `Content-Length` said.
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == &name.to_ascii_lowercase())
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug)]
pub struct Scripted {
    pub addr: SocketAddr,
    pub requests: Arc<Mutex<Vec<Recorded>>>,
    /// TLS servers only: connections whose handshake failed.
    pub failed_handshakes: Arc<AtomicU64>,
    /// Requests being answered now, and the most at once so far.
    answering: Arc<(AtomicU64, AtomicU64)>,
}

impl Scripted {
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }

    /// The most requests that were being answered at the same moment.
    pub fn most_at_once(&self) -> u64 {
        self.answering.1.load(Ordering::SeqCst)
    }

    pub fn failed_handshakes(&self) -> u64 {
        self.failed_handshakes.load(Ordering::SeqCst)
    }
}

/// Starts a server that answers requests with `replies` in order.
pub async fn scripted(replies: Vec<Reply>) -> Scripted {
    start(replies, None).await
}

/// The same over TLS with this certificate chain and key.
pub async fn scripted_tls(
    replies: Vec<Reply>,
    chain: Vec<rustls::pki_types::CertificateDer<'static>>,
    key: rustls::pki_types::PrivateKeyDer<'static>,
) -> Scripted {
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(chain, key)
    .unwrap();
    start(
        replies,
        Some(tokio_rustls::TlsAcceptor::from(Arc::new(config))),
    )
    .await
}

async fn start(replies: Vec<Reply>, tls: Option<tokio_rustls::TlsAcceptor>) -> Scripted {
    let listener = TcpListener::bind(("127.0.0.1", 0)).await.unwrap();
    let addr = listener.local_addr().unwrap();
    let requests = Arc::new(Mutex::new(Vec::new()));
    let failed_handshakes = Arc::new(AtomicU64::new(0));
    let recorded = requests.clone();
    let failed = failed_handshakes.clone();
    let replies = Arc::new(replies);
    let counters = Arc::new((AtomicU64::new(0), AtomicU64::new(0)));
    let answering = counters.clone();
    tokio::spawn(async move {
        let mut n = 0usize;
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            let reply = replies[n.min(replies.len() - 1)].clone();
            n += 1;
            let recorded = recorded.clone();
            let failed = failed.clone();
            let tls = tls.clone();
            let counters = counters.clone();
            tokio::spawn(async move {
                let _answering = Answering::start(counters);
                match tls {
                    None => serve_one(stream, reply, recorded).await,
                    Some(acceptor) => match acceptor.accept(stream).await {
                        Ok(stream) => serve_one(stream, reply, recorded).await,
                        Err(_) => {
                            failed.fetch_add(1, Ordering::SeqCst);
                        }
                    },
                }
            });
        }
    });
    Scripted {
        addr,
        requests,
        failed_handshakes,
        answering,
    }
}

/// Counts a request being answered, for [`Scripted::most_at_once`].
struct Answering(Arc<(AtomicU64, AtomicU64)>);

impl Answering {
    fn start(counters: Arc<(AtomicU64, AtomicU64)>) -> Self {
        let now = counters.0.fetch_add(1, Ordering::SeqCst) + 1;
        counters.1.fetch_max(now, Ordering::SeqCst);
        Self(counters)
    }
}

impl Drop for Answering {
    fn drop(&mut self) {
        self.0.0.fetch_sub(1, Ordering::SeqCst);
    }
}

async fn serve_one<S: AsyncRead + AsyncWrite + Unpin>(
    mut stream: S,
    reply: Reply,
    recorded: Arc<Mutex<Vec<Recorded>>>,
) {
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let end_of_head = head.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or(0) + 4;
    let mut body = head.split_off(end_of_head);
    let text = String::from_utf8_lossy(&head).to_string();
    let mut lines = text.split("\r\n");
    let first: Vec<&str> = lines.next().unwrap_or_default().split(' ').collect();
    let headers: Vec<(String, String)> = lines
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let length = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(0);
    while body.len() < length {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => body.extend_from_slice(&buf[..n]),
        }
    }
    recorded.lock().unwrap().push(Recorded {
        method: first.first().copied().unwrap_or_default().to_owned(),
        target: first.get(1).copied().unwrap_or_default().to_owned(),
        headers,
        body,
    });
    let reply = match reply {
        Reply::After(wait, inner) => {
            tokio::time::sleep(wait).await;
            *inner
        }
        other => other,
    };
    match reply {
        Reply::After(..) => {}
        Reply::Http {
            status,
            headers,
            body,
        } => {
            let mut out = format!(
                "HTTP/1.1 {status} Scripted\r\nContent-Length: {}\r\nConnection: close\r\n",
                body.len()
            );
            for (n, v) in headers {
                out.push_str(&format!("{n}: {v}\r\n"));
            }
            out.push_str("\r\n");
            let _ = stream.write_all(out.as_bytes()).await;
            let _ = stream.write_all(&body).await;
        }
        Reply::Stall(d) => tokio::time::sleep(d).await,
        Reply::CutOff { claimed, sent } => {
            let out = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {claimed}\r\n\r\n"
            );
            let _ = stream.write_all(out.as_bytes()).await;
            let _ = stream.write_all(&vec![b' '; sent]).await;
        }
        Reply::Stream { total } => {
            let out = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n";
            if stream.write_all(out.as_bytes()).await.is_err() {
                return;
            }
            let chunk = vec![b'x'; 64 * 1024];
            let mut left = total;
            while left > 0 {
                let n = left.min(chunk.len());
                let head = format!("{n:x}\r\n");
                if stream.write_all(head.as_bytes()).await.is_err()
                    || stream.write_all(&chunk[..n]).await.is_err()
                    || stream.write_all(b"\r\n").await.is_err()
                {
                    return;
                }
                left -= n;
            }
            let _ = stream.write_all(b"0\r\n\r\n").await;
        }
    }
    let _ = stream.shutdown().await;
}

/// The till the scripted-server tests sign in as.
pub fn till() -> capillary::Credentials {
    capillary::Credentials::Till {
        username: "store.server".into(),
        password: capillary::secret::Secret::new("server123"),
    }
}

/// A minimal customer JSON whose photo is at `photo_url`.
pub fn customer_with_photo(id: i64, photo_url: &str) -> String {
    format!(
        r#"{{"id":{id},"profiles":[{{"firstName":"Test","lastName":"Person"}}],"customerImage":[{{"code":200,"secureFilePath":"{photo_url}","status":"true"}}]}}"#
    )
}
