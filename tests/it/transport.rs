//! What crosses the network: certificates, redirects and proxies, against
//! real servers on 127.0.0.1 (a TLS server with a self-signed certificate,
//! chains of redirecting servers, a scripted proxy).
// Tests read files and start servers freely; the rule is for the app.
#![allow(clippy::disallowed_methods)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use crate::support::{
    Recorded, Reply, Scripted, customer_with_photo, scripted, scripted_tls, till,
};
use capillary::secret::Secret;
use capillary::{
    ApiHost, CapillaryClient, ClientConfig, Credentials, Customer, ErrorKind, IdentifierKind,
    Lookup,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use std::process::{Command, Stdio};
use std::time::Duration;

fn oauth() -> Credentials {
    Credentials::OAuth {
        client_key: "store-key".into(),
        client_secret: Secret::new("very-secret-value"),
    }
}

fn config() -> ClientConfig {
    ClientConfig {
        connect_timeout: Duration::from_secs(2),
        request_timeout: Duration::from_secs(3),
        photo_timeout: Duration::from_secs(3),
        ..ClientConfig::default()
    }
}

fn client(url: &str, credentials: Credentials) -> CapillaryClient {
    CapillaryClient::with_config(ApiHost::parse(url).unwrap(), credentials, config()).unwrap()
}

fn mobile() -> Lookup {
    Lookup::new(IdentifierKind::Mobile, "919800000001").unwrap()
}

/// A certificate for `localhost` signed by itself, so no trust store
/// has its issuer.
fn self_signed() -> (Vec<CertificateDer<'static>>, PrivateKeyDer<'static>) {
    let certified = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
    let key = PrivatePkcs8KeyDer::from(certified.signing_key.serialize_der());
    (vec![certified.cert.der().clone()], key.into())
}

/// Headers that carry Capillary credentials.
fn carries_credentials(request: &Recorded) -> bool {
    ["authorization", "x-cap-api-oauth-token", "cookie"]
        .iter()
        .any(|h| request.header(h).is_some())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_self_signed_certificate_is_refused_before_anything_is_sent() {
    let (chain, key) = self_signed();
    let server = scripted_tls(
        vec![Reply::json(200, r#"{"access_token":"t","ttlSeconds":60}"#)],
        chain,
        key,
    )
    .await;
    let url = format!("https://localhost:{}", server.addr.port());
    // OAuth: the first request would POST the client secret.
    let err = client(&url, oauth()).verify().await.unwrap_err();
    assert!(
        matches!(err.kind, ErrorKind::InsecureConnection { .. }),
        "{:?}",
        err.kind
    );
    let message = err.to_string();
    assert!(
        message.starts_with("The connection isn't secure (certificate"),
        "{message}"
    );
    assert!(message.contains("unknown authority"), "{message}");
    // The server notes the failed handshake just after the client gives up.
    for _ in 0..200 {
        if server.failed_handshakes() >= 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(
        server.failed_handshakes() >= 1,
        "no TLS handshake was attempted"
    );
    assert!(
        server.requests().is_empty(),
        "a request reached the server: {:?}",
        server.requests()
    );

    // Till: the Basic header would go with the first GET.
    let err = client(&url, till()).lookup(&mobile()).await.unwrap_err();
    assert!(matches!(err.kind, ErrorKind::InsecureConnection { .. }));
    assert!(server.requests().is_empty());
}

/// A customer whose photo is at `photo_url`, as the API would answer.
async fn customer_pointing_at(photo_url: &str) -> Customer {
    let api = scripted(vec![Reply::json(200, &customer_with_photo(7, photo_url))]).await;
    client(&api.url(), till()).lookup(&mobile()).await.unwrap()
}

/// Servers that each redirect to the next; the last answers `last`.
async fn redirect_chain(hops: usize, last: Reply) -> Vec<Scripted> {
    let mut servers = vec![scripted(vec![last]).await];
    for _ in 0..hops {
        let next = format!("{}/photo.jpg", servers[0].url());
        servers.insert(0, scripted(vec![Reply::redirect(&next)]).await);
    }
    servers
}

#[tokio::test(flavor = "multi_thread")]
async fn a_photo_redirected_to_other_hosts_is_followed_without_credentials() {
    let photo = b"\xFF\xD8\xFF\xE0 pretend jpeg".to_vec();
    let servers = redirect_chain(3, Reply::bytes(200, photo.clone())).await;
    let first = format!("{}/photo.jpg?X-Amz-Signature=abc", servers[0].url());
    let customer = customer_pointing_at(&first).await;
    let downloaded = client("http://127.0.0.1:9", till())
        .download_photo(&customer)
        .await
        .unwrap();
    assert_eq!(downloaded.bytes, photo);
    for (hop, server) in servers.iter().enumerate() {
        let requests = server.requests();
        assert_eq!(requests.len(), 1, "hop {hop}");
        assert!(
            !carries_credentials(&requests[0]),
            "hop {hop}: {requests:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn more_than_three_redirects_are_refused() {
    let servers = redirect_chain(4, Reply::bytes(200, b"never".to_vec())).await;
    let first = format!("{}/photo.jpg", servers[0].url());
    let customer = customer_pointing_at(&first).await;
    let err = client("http://127.0.0.1:9", till())
        .download_photo(&customer)
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("redirected too many times"),
        "{err}"
    );
    let served: Vec<usize> = servers.iter().map(|s| s.requests().len()).collect();
    assert_eq!(served, vec![1, 1, 1, 1, 0], "requests per hop");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_api_call_is_not_followed_to_another_host() {
    for credentials in [till(), oauth()] {
        let elsewhere = scripted(vec![Reply::json(200, r#"{"id": 7}"#)]).await;
        let to_elsewhere = Reply::redirect(&format!("{}/v2/customers/7", elsewhere.url()));
        let token = Reply::json(200, r#"{"data":{"accessToken":"tok","ttlSeconds":600}}"#);
        let api = scripted(match credentials {
            Credentials::OAuth { .. } => vec![token, to_elsewhere],
            Credentials::Till { .. } => vec![to_elsewhere],
        })
        .await;
        let err = client(&api.url(), credentials)
            .lookup(&mobile())
            .await
            .unwrap_err();
        assert_eq!(err.kind, ErrorKind::RedirectedAway);
        assert!(err.to_string().contains("not sent there"), "{err}");
        assert!(carries_credentials(api.requests().last().unwrap()));
        assert!(
            elsewhere.requests().is_empty(),
            "{:?}",
            elsewhere.requests()
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_api_call_may_be_redirected_within_the_api_host() {
    let api = scripted(vec![
        Reply::redirect("/v2/customers/7?embed=CUSTOMERIMAGE"),
        Reply::json(200, r#"{"id": 7, "customerImage": []}"#),
    ])
    .await;
    let customer = client(&api.url(), till()).lookup(&mobile()).await.unwrap();
    assert_eq!(customer.customer_id(), Some(7));
    assert_eq!(api.requests().len(), 2);
}

/// `customer-lookup doctor` against a real Capillary host name, with the
/// proxy variables set; returns what the scripted proxy received.
async fn doctor_through_proxy(no_proxy: Option<&str>) -> (Vec<Recorded>, String) {
    let proxy = scripted(vec![Reply::text(403, "text/plain", "proxy says no")]).await;
    let proxy_url = proxy.url();
    let no_proxy = no_proxy.map(str::to_owned);
    let output = tokio::task::spawn_blocking(move || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_customer-lookup"));
        command
            .args(["doctor", "--host", "https://eu.api.capillarytech.com"])
            .args(["--user", "store.till"])
            .env("CUSTOMER_LOOKUP_PASSWORD", "till-password")
            .env("HTTPS_PROXY", &proxy_url)
            .env_remove("https_proxy")
            .env_remove("ALL_PROXY")
            .env_remove("all_proxy")
            .env_remove("no_proxy")
            .stdin(Stdio::null());
        match no_proxy {
            Some(list) => command.env("NO_PROXY", list),
            None => command.env_remove("NO_PROXY"),
        };
        command.output().unwrap()
    })
    .await
    .unwrap();
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(!output.status.success(), "doctor should fail: {text}");
    (proxy.requests(), text)
}

#[tokio::test(flavor = "multi_thread")]
async fn https_proxy_is_used_and_sees_only_the_host() {
    let (requests, _) = doctor_through_proxy(None).await;
    assert!(!requests.is_empty(), "the proxy was not used");
    let connect = &requests[0];
    assert_eq!(connect.method, "CONNECT");
    assert_eq!(connect.target, "eu.api.capillarytech.com:443");
    // The till's password travels inside the tunnel, never to the proxy.
    assert!(!carries_credentials(connect), "{connect:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn no_proxy_bypasses_the_proxy() {
    let (requests, _) = doctor_through_proxy(Some("capillarytech.com")).await;
    assert!(requests.is_empty(), "NO_PROXY ignored: {requests:?}");
}
