//! The real client against the built-in demo tenant over HTTP on 127.0.0.1.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use capillary::secret::Secret;
use capillary::{
    ApiHost, CapillaryClient, ClientConfig, Credentials, ErrorKind, IdentifierKind, Lookup,
    PhotoState,
};
use demo::{DEMO_NO_ACCESS_USER, DEMO_PASSWORD, DemoConfig, DemoServer};
use std::time::Duration;

async fn demo(config: DemoConfig) -> DemoServer {
    DemoServer::start(config).unwrap()
}

fn client(server: &DemoServer, credentials: Credentials) -> CapillaryClient {
    CapillaryClient::new(server.host(), credentials).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn till_and_oauth_credentials_verify() {
    let server = demo(DemoConfig::default()).await;
    client(&server, DemoServer::till_credentials())
        .verify()
        .await
        .unwrap();
    client(&server, DemoServer::oauth_credentials())
        .verify()
        .await
        .unwrap();
    assert_eq!(server.stats().tokens_issued, 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_credentials_are_named() {
    let server = demo(DemoConfig::default()).await;
    let wrong = Credentials::Till {
        username: "demo.till".into(),
        password: Secret::new("nope"),
    };
    let err = client(&server, wrong).verify().await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::Unauthorized);
    assert_eq!(err.to_string(), "Wrong username or password.");
    assert!(
        err.request_id
            .as_deref()
            .is_some_and(|id| id.starts_with("demo-")),
        "request id kept: {err:?}"
    );

    let no_access = Credentials::Till {
        username: DEMO_NO_ACCESS_USER.into(),
        password: Secret::new(DEMO_PASSWORD),
    };
    let err = client(&server, no_access).verify().await.unwrap_err();
    assert!(matches!(err.kind, ErrorKind::Forbidden { .. }), "{err:?}");
    assert!(err.to_string().contains("may not use the customer API"));

    let bad_oauth = Credentials::OAuth {
        client_key: "demo-key".into(),
        client_secret: Secret::new("wrong"),
    };
    let err = client(&server, bad_oauth).verify().await.unwrap_err();
    assert!(matches!(err.kind, ErrorKind::OAuthFailed { .. }), "{err:?}");
    assert!(err.to_string().contains("Failed to generate OAuth token"));
}

#[tokio::test(flavor = "multi_thread")]
async fn lookup_by_every_identifier_kind() {
    let server = demo(DemoConfig::default()).await;
    let client = client(&server, DemoServer::till_credentials());
    for (kind, typed) in [
        (IdentifierKind::Mobile, "+91 98000-00001"),
        (IdentifierKind::Email, "asha.rao@example.com"),
        (IdentifierKind::CardNumber, "DEMO 0001"),
        (IdentifierKind::ExternalId, "EXT-0001"),
        (IdentifierKind::CustomerId, "565039601"),
    ] {
        let lookup = Lookup::new(kind, typed).unwrap();
        let customer = client.lookup(&lookup).await.unwrap();
        assert_eq!(
            customer.display_name().as_deref(),
            Some("Asha Rao"),
            "{kind:?}"
        );
        assert!(
            matches!(customer.photo(), PhotoState::Available(_)),
            "{kind:?} has the photo block"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn not_found_is_a_clear_message() {
    let server = demo(DemoConfig::default()).await;
    let client = client(&server, DemoServer::till_credentials());
    let err = client
        .lookup(&Lookup::new(IdentifierKind::Mobile, "910000000000").unwrap())
        .await
        .unwrap_err();
    assert!(err.kind.is_not_found(), "{err:?}");
    assert!(err.to_string().starts_with("No customer found"));
    let err = client.customer_by_id(1).await.unwrap_err();
    assert!(err.kind.is_not_found(), "{err:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn photo_downloads_without_credentials() {
    let server = demo(DemoConfig::default()).await;
    for credentials in [
        DemoServer::till_credentials(),
        DemoServer::oauth_credentials(),
    ] {
        let client = client(&server, credentials);
        let customer = client
            .lookup(&Lookup::new(IdentifierKind::Mobile, "919800000001").unwrap())
            .await
            .unwrap();
        let photo = client.download_photo(&customer).await.unwrap();
        assert_eq!(photo.bytes, *server.photo_bytes(565_039_601).unwrap());
        assert!(!photo.url_was_refreshed);
    }
    let stats = server.stats();
    assert_eq!(stats.photo_requests, 2);
    assert_eq!(
        stats.photo_requests_with_credentials, 0,
        "the photo request carried Capillary credentials"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn customer_without_photo_says_so() {
    let server = demo(DemoConfig::default()).await;
    let client = client(&server, DemoServer::till_credentials());
    let customer = client
        .lookup(&Lookup::new(IdentifierKind::Mobile, "919800000007").unwrap())
        .await
        .unwrap();
    assert_eq!(customer.photo(), PhotoState::None);
    let err = client.download_photo(&customer).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::NoPhoto);
}

#[tokio::test(flavor = "multi_thread")]
async fn lookup_without_embedded_image_fetches_by_id() {
    let server = demo(DemoConfig {
        lookup_embeds_image: false,
        ..DemoConfig::default()
    })
    .await;
    let client = client(&server, DemoServer::till_credentials());
    let customer = client
        .lookup(&Lookup::new(IdentifierKind::Email, "tom.sawyer@example.com").unwrap())
        .await
        .unwrap();
    assert!(matches!(customer.photo(), PhotoState::Available(_)));
    assert_eq!(
        server.stats().api_requests,
        2,
        "lookup, then the customer by ID"
    );
    client.download_photo(&customer).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn expired_photo_url_is_refreshed_once() {
    let server = demo(DemoConfig::default()).await;
    let client = client(&server, DemoServer::till_credentials());
    let lookup = Lookup::new(IdentifierKind::Mobile, "919800000002").unwrap();

    // Expired by its own X-Amz-Date + X-Amz-Expires: no request is wasted on it.
    server.expire_next_photo_urls(1);
    let customer = client.lookup(&lookup).await.unwrap();
    let photo = client.download_photo(&customer).await.unwrap();
    assert!(photo.url_was_refreshed);
    assert_eq!(server.stats().photo_requests, 1);

    // Looks valid, but the store answers 403 "Request has expired".
    server.revoke_next_photo_urls(1);
    let customer = client.lookup(&lookup).await.unwrap();
    let photo = client.download_photo(&customer).await.unwrap();
    assert!(photo.url_was_refreshed);
    assert_eq!(server.stats().photo_requests, 3);

    // Both the URL and its replacement dead: a message, not a loop.
    server.revoke_next_photo_urls(3);
    let customer = client.lookup(&lookup).await.unwrap();
    let err = client.download_photo(&customer).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::PhotoUrlExpired);
    assert_eq!(server.stats().photo_requests, 5);
}

#[tokio::test(flavor = "multi_thread")]
async fn oauth_token_is_renewed_before_it_runs_out() {
    let server = demo(DemoConfig {
        token_ttl: Duration::from_secs(2),
        ..DemoConfig::default()
    })
    .await;
    let client = client(&server, DemoServer::oauth_credentials());
    let lookup = Lookup::new(IdentifierKind::Mobile, "918877665544").unwrap();
    client.lookup(&lookup).await.unwrap();
    client.lookup(&lookup).await.unwrap();
    assert_eq!(
        server.stats().tokens_issued,
        1,
        "the token is reused while fresh"
    );
    tokio::time::sleep(Duration::from_millis(1700)).await;
    client.lookup(&lookup).await.unwrap();
    assert_eq!(
        server.stats().tokens_issued,
        2,
        "renewed at 80% of a short ttl"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn oauth_401_regenerates_once_and_retries() {
    let server = demo(DemoConfig::default()).await;
    let client = client(&server, DemoServer::oauth_credentials());
    let lookup = Lookup::new(IdentifierKind::Mobile, "918877665544").unwrap();
    client.lookup(&lookup).await.unwrap();
    server.revoke_tokens();
    let customer = client.lookup(&lookup).await.unwrap();
    assert_eq!(customer.display_name().as_deref(), Some("Tom Sawyer"));
    assert_eq!(server.stats().tokens_issued, 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn connections_are_reused() {
    let server = demo(DemoConfig::default()).await;
    let client = client(&server, DemoServer::till_credentials());
    client.verify().await.unwrap();
    let after_login = server.stats().connections;
    for mobile in ["919800000001", "919800000002", "919800000003"] {
        let customer = client
            .lookup(&Lookup::new(IdentifierKind::Mobile, mobile).unwrap())
            .await
            .unwrap();
        client.download_photo(&customer).await.unwrap();
    }
    // Six requests, yet at most two more connections (six without reuse):
    // the photo download follows its lookup at once, sometimes before
    // hyper has put the API connection back in the pool, and on a loaded
    // machine that happened twice in one run (in production the photo
    // store is another host and needs its own connection anyway).
    let new_connections = server.stats().connections - after_login;
    assert!(
        new_connections <= 2,
        "{new_connections} new connections for 6 requests"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn plain_http_to_a_remote_host_is_refused_before_any_request() {
    let err = ApiHost::parse("http://eu.api.capillarytech.com").unwrap_err();
    assert!(err.to_string().contains("https://"));
    let _ = ClientConfig::default();
}

#[tokio::test(flavor = "multi_thread")]
async fn client_debug_shows_no_secret() {
    let server = demo(DemoConfig::default()).await;
    for credentials in [
        DemoServer::till_credentials(),
        DemoServer::oauth_credentials(),
    ] {
        let client = client(&server, credentials);
        client.verify().await.unwrap();
        let shown = format!("{client:?}");
        for secret in ["demo123", "demo-secret", "ZGVtby50aWxs", "Basic "] {
            assert!(!shown.contains(secret), "{secret} leaked: {shown}");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn loyalty_standing_per_program() {
    let server = demo(DemoConfig::default()).await;
    let till = client(&server, DemoServer::till_credentials());
    // Tom is in two programs.
    let tom = till.loyalty(565_039_505).await.unwrap();
    assert_eq!(tom.len(), 2, "{tom:?}");
    assert_eq!(tom[0].current_slab.as_deref(), Some("Silver"));
    assert_eq!(tom[0].next_slab.as_deref(), Some("Gold"));
    assert_eq!(tom[0].loyalty_points, Some(1250.0));
    assert_eq!(tom[1].program_name.as_deref(), Some("Partner Miles"));
    assert!(tom.iter().all(|p| p.is_enrolled()));
    // Karthik is not a loyalty member: no programs, and no error.
    assert!(till.loyalty(565_039_606).await.unwrap().is_empty());
    // Nobody: Capillary's "not found".
    let error = till.loyalty(1).await.unwrap_err();
    assert!(error.kind.is_not_found(), "{error:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn recent_purchases_newest_first_or_the_failure() {
    let server = demo(DemoConfig::default()).await;
    let till = client(&server, DemoServer::till_credentials());
    let asha = till.recent_purchases(565_039_601, 3).await.unwrap();
    assert_eq!(asha.len(), 3);
    let times: Vec<&str> = asha
        .iter()
        .map(|p| {
            p.bill_details
                .as_ref()
                .unwrap()
                .billing_time
                .as_deref()
                .unwrap()
        })
        .collect();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted, "newest first");
    let store = asha[0]
        .bill_details
        .as_ref()
        .unwrap()
        .billing_store
        .as_ref();
    assert!(store.and_then(|s| s.name.as_deref()).is_some());
    // Karthik has bought nothing: an empty list, not an error.
    assert!(
        till.recent_purchases(565_039_606, 3)
            .await
            .unwrap()
            .is_empty()
    );
    // Olivia's purchases fail on the server.
    let error = till.recent_purchases(565_039_607, 3).await.unwrap_err();
    assert!(
        matches!(
            error.kind,
            ErrorKind::Capillary { code: 500, .. } | ErrorKind::ServerError { .. }
        ),
        "{error:?}"
    );
}
