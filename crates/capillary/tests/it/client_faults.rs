//! Every error path of the client against a scripted server on 127.0.0.1
//! that answers the way a broken network or server would.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use testkit as support;

use capillary::{
    ApiHost, CapillaryClient, ClientConfig, Customer, ErrorKind, IdentifierKind, Lookup,
};
use std::time::{Duration, Instant};
use testkit::{Reply, Scripted, scripted, till};

fn fast_config() -> ClientConfig {
    ClientConfig {
        connect_timeout: Duration::from_millis(500),
        request_timeout: Duration::from_millis(800),
        photo_timeout: Duration::from_millis(800),
        busy_retry_delay: Duration::from_millis(50),
        ..ClientConfig::default()
    }
}

fn client_for(server: &Scripted) -> CapillaryClient {
    CapillaryClient::with_config(
        ApiHost::parse(&server.url()).unwrap(),
        till(),
        fast_config(),
    )
    .unwrap()
}

fn mobile() -> Lookup {
    Lookup::new(IdentifierKind::Mobile, "919800000001").unwrap()
}

async fn lookup_error(replies: Vec<Reply>) -> (capillary::ApiError, Scripted) {
    let server = scripted(replies).await;
    let err = client_for(&server).lookup(&mobile()).await.unwrap_err();
    (err, server)
}

#[tokio::test(flavor = "multi_thread")]
async fn sends_till_auth_accept_and_source() {
    let server = scripted(vec![Reply::json(200, r#"{"id": 5, "customerImage": []}"#)]).await;
    client_for(&server).lookup(&mobile()).await.unwrap();
    let request = &server.requests()[0];
    assert_eq!(
        request.header("authorization"),
        Some("Basic c3RvcmUuc2VydmVyOjhhMTZhNmI3MDUwNWViMWYxZmY3Y2RjMGNkNTU1OWE3")
    );
    assert_eq!(request.header("accept"), Some("application/json"));
    assert!(
        request
            .target
            .starts_with("/v2/customers/lookup/customerDetails?"),
        "{}",
        request.target
    );
    for part in [
        "source=INSTORE",
        "identifierName=mobile",
        "identifierValue=919800000001",
        "embed=customerImage%2Cmlp",
    ] {
        assert!(
            request.target.contains(part),
            "{part} missing from {}",
            request.target
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn http_statuses_map_to_messages() {
    let cases: Vec<(Reply, ErrorKind)> = vec![
        (
            Reply::text(401, "text/html", "<html>nope</html>"),
            ErrorKind::Unauthorized,
        ),
        (Reply::json(401, ""), ErrorKind::Unauthorized),
        (
            Reply::text(403, "text/plain", ""),
            ErrorKind::Forbidden { message: None },
        ),
        (
            Reply::json(
                403,
                r#"{"errors":[{"code":403,"message":"V2 is not enabled for the org"}]}"#,
            ),
            ErrorKind::Forbidden {
                message: Some("V2 is not enabled for the org".into()),
            },
        ),
        (
            Reply::text(404, "text/html", "<h1>Not Found</h1>"),
            ErrorKind::EndpointNotFound,
        ),
        (
            Reply::text(500, "text/html", "<h1>Oops</h1>"),
            ErrorKind::ServerError { status: 500 },
        ),
        (Reply::json(503, ""), ErrorKind::ServerError { status: 503 }),
        (
            Reply::text(418, "text/plain", "teapot"),
            ErrorKind::UnexpectedStatus { status: 418 },
        ),
        (
            Reply::text(200, "text/html", "<html><body>Proxy login</body></html>"),
            ErrorKind::NotJson,
        ),
        (Reply::json(200, ""), ErrorKind::EmptyBody),
        (
            Reply::json(200, "[1, 2, 3]"),
            ErrorKind::BadJson {
                detail: "expected an object".into(),
            },
        ),
    ];
    for (reply, expected) in cases {
        let (err, _server) = lookup_error(vec![reply.clone()]).await;
        assert_eq!(err.kind, expected, "for {reply:?}");
        assert!(!err.to_string().is_empty());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_documented_capillary_code_is_reported() {
    for code in [
        8015, 8065, 816, 8016, 8003, 8012, 8011, 8013, 8045, 8069, 8062, 8063, 11013, 1044, 618,
    ] {
        let body = format!(
            r#"{{"warnings":[],"errors":[{{"status":false,"code":{code},"message":"server words {code}"}}]}}"#
        );
        for status in [200, 400, 404] {
            let (err, _server) = lookup_error(vec![Reply::json(status, &body)]).await;
            assert!(
                matches!(err.kind, ErrorKind::Capillary { code: c, .. } if c == code),
                "{code}/{status}: {err:?}"
            );
            assert_eq!(
                err.request_id.as_deref(),
                Some(format!("req-{status}").as_str()),
                "request id kept"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn busy_and_concurrent_retry_once_then_give_up() {
    let ok = Reply::json(200, r#"{"id": 9, "customerImage": []}"#);
    for busy in [461, 521] {
        let server = scripted(vec![Reply::json(busy, ""), ok.clone()]).await;
        let customer = client_for(&server).lookup(&mobile()).await.unwrap();
        assert_eq!(customer.customer_id(), Some(9));
        assert_eq!(server.requests().len(), 2, "one retry after {busy}");

        let (err, server) = lookup_error(vec![Reply::json(busy, "")]).await;
        assert!(err.kind.is_retryable(), "{err:?}");
        assert_eq!(server.requests().len(), 2, "only one retry");
        assert!(err.to_string().contains("busy"));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stalled_server_times_out_with_a_message() {
    let started = Instant::now();
    let (err, _server) = lookup_error(vec![Reply::Stall(Duration::from_secs(10))]).await;
    assert_eq!(err.kind, ErrorKind::Timeout);
    assert!(err.to_string().contains("did not answer"));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "timeout honoured: {:?}",
        started.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn connection_refused_and_unknown_host() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let host = ApiHost::parse(&format!("http://127.0.0.1:{port}")).unwrap();
    let err = CapillaryClient::with_config(host, till(), fast_config())
        .unwrap()
        .verify()
        .await
        .unwrap_err();
    assert!(
        matches!(err.kind, ErrorKind::ConnectionRefused { .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("refused"));

    let host = ApiHost::parse("https://no-such-host.invalid").unwrap();
    let err = CapillaryClient::with_config(host, till(), fast_config())
        .unwrap()
        .verify()
        .await
        .unwrap_err();
    assert!(
        matches!(err.kind, ErrorKind::HostNotFound { .. }),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .starts_with("Could not find the server no-such-host.invalid"),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn body_cut_off_mid_way() {
    let (err, _server) = lookup_error(vec![Reply::CutOff {
        claimed: 1000,
        sent: 10,
    }])
    .await;
    assert!(matches!(err.kind, ErrorKind::Network { .. }), "{err:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn json_over_5_mb_is_refused() {
    let big = format!(r#"{{"id": 1, "pad": "{}"}}"#, "x".repeat(6 * 1024 * 1024));
    let (err, _server) = lookup_error(vec![Reply::json(200, &big)]).await;
    assert_eq!(
        err.kind,
        ErrorKind::TooLarge {
            limit_bytes: 5 * 1024 * 1024
        }
    );
    // Without a Content-Length the cap holds while streaming.
    let (err, _server) = lookup_error(vec![Reply::Stream {
        total: 6 * 1024 * 1024,
    }])
    .await;
    assert_eq!(
        err.kind,
        ErrorKind::TooLarge {
            limit_bytes: 5 * 1024 * 1024
        }
    );
}

async fn customer_with_photo(photo: &Scripted) -> Customer {
    Customer::from_json(
        support::customer_with_photo(5, &format!("{}/img.jpg?X-Amz-Signature=abc", photo.url()))
            .as_bytes(),
    )
    .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn photo_request_carries_no_credentials() {
    let photo = scripted(vec![Reply::bytes(200, vec![1, 2, 3])]).await;
    let api = scripted(vec![Reply::json(200, "{}")]).await;
    let customer = customer_with_photo(&photo).await;
    let bytes = client_for(&api).download_photo(&customer).await.unwrap();
    assert_eq!(bytes.bytes, vec![1, 2, 3]);
    let request = &photo.requests()[0];
    assert_eq!(request.header("authorization"), None);
    assert_eq!(request.header("x-cap-api-oauth-token"), None);
    assert!(request.target.contains("X-Amz-Signature=abc"));
    assert!(api.requests().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn photo_over_25_mb_is_refused_while_streaming() {
    let api = scripted(vec![Reply::json(200, "{}")]).await;
    let client = CapillaryClient::with_config(
        ApiHost::parse(&api.url()).unwrap(),
        till(),
        ClientConfig::default(),
    )
    .unwrap();
    for reply in [
        Reply::Stream {
            total: 26 * 1024 * 1024,
        },
        Reply::bytes(200, vec![0; 26 * 1024 * 1024]),
    ] {
        let photo = scripted(vec![reply]).await;
        let err = client
            .download_photo(&customer_with_photo(&photo).await)
            .await
            .unwrap_err();
        assert_eq!(
            err.kind,
            ErrorKind::TooLarge {
                limit_bytes: 25 * 1024 * 1024
            }
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn photo_store_errors() {
    let api = scripted(vec![Reply::json(200, r#"{"id": 5, "customerImage": []}"#)]).await;
    let client = client_for(&api);
    let mismatch = "<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match</Message></Error>";
    let photo = scripted(vec![Reply::text(403, "application/xml", mismatch)]).await;
    let err = client
        .download_photo(&customer_with_photo(&photo).await)
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::PhotoDenied { status: 403 });

    // Expired: the customer is fetched again; this one comes back without a photo.
    let expired = "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>";
    let photo = scripted(vec![Reply::text(403, "application/xml", expired)]).await;
    let err = client
        .download_photo(&customer_with_photo(&photo).await)
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NoPhoto);
    assert!(
        api.requests()[0].target.starts_with("/v2/customers/5?"),
        "refetched by id"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn errors_and_debug_never_show_presigned_queries() {
    let photo = scripted(vec![Reply::Stall(Duration::from_secs(5))]).await;
    let api = scripted(vec![Reply::json(200, "{}")]).await;
    let customer = customer_with_photo(&photo).await;
    let err = client_for(&api)
        .download_photo(&customer)
        .await
        .unwrap_err();
    let shown = format!("{err} {err:?} {customer:?}");
    assert!(!shown.contains("X-Amz-Signature"), "{shown}");
    assert!(!shown.contains("abc"), "{shown}");
}
