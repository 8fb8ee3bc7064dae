//! The search client and the 429 retries, against the demo tenant and a
//! scripted server: the answer's shape and pagination, names in any
//! script, "search is not switched on" (404, 403, a Capillary error),
//! malformed and slow answers, and `Retry-After` honoured but bounded.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
// Tests start servers and tasks freely; the rule is for the app.
#![allow(clippy::disallowed_methods)]

use capillary::{
    ApiHost, CapillaryClient, ClientConfig, ErrorKind, IdentifierKind, Lookup, NameQuery,
};
use demo::{DemoConfig, DemoServer};
use std::time::{Duration, Instant};
use testkit::{Reply, Scripted, scripted, till};

fn config() -> ClientConfig {
    ClientConfig {
        request_timeout: Duration::from_millis(800),
        rate_limit_backoff: Duration::from_millis(50),
        ..ClientConfig::default()
    }
}

fn client_for(server: &Scripted) -> CapillaryClient {
    CapillaryClient::with_config(ApiHost::parse(&server.url()).unwrap(), till(), config()).unwrap()
}

fn demo_client(demo: &DemoServer) -> CapillaryClient {
    CapillaryClient::with_config(demo.host(), DemoServer::till_credentials(), config()).unwrap()
}

fn name(text: &str) -> NameQuery {
    NameQuery::parse(text).unwrap()
}

fn ids(page: &capillary::SearchPage) -> Vec<i64> {
    page.data.iter().filter_map(|hit| hit.user_id).collect()
}

fn with_header(status: u16, header: (&str, &str), body: &str) -> Reply {
    Reply::Http {
        status,
        headers: vec![
            ("Content-Type".into(), "application/json".into()),
            (header.0.into(), header.1.into()),
        ],
        body: body.as_bytes().to_vec(),
    }
}

const FOUND: &str = r#"{"pagination":{"limit":8,"offset":0,"total":1},"data":[{"userId":565039614,
    "matchedIdentifiers":[{"idType":"firstName","idValue":"Becky","source":"INSTORE"}],
    "profiles":[{"source":"INSTORE","firstName":"Becky","lastName":"Thatcher"}]}],"warnings":[],"errors":[]}"#;

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_finds_names_by_their_start_in_any_script_and_case() {
    let demo = DemoServer::start(DemoConfig::default()).unwrap();
    let client = demo_client(&demo);
    let page = client.search(&name("sAwYeR"), 8).await.unwrap();
    assert_eq!(ids(&page), [565_039_505, 565_039_613]);
    assert_eq!(page.pagination.as_ref().unwrap().total, Some(2));
    assert_eq!(page.data[1].name().as_deref(), Some("Sid Sawyer"));
    assert_eq!(page.data[1].matched().as_deref(), Some("last name Sawyer"));
    // First and last name together.
    let page = client.search(&name("Tom Saw"), 8).await.unwrap();
    assert_eq!(ids(&page), [565_039_505]);
    // A page smaller than the matches: the total says how many more.
    let page = client.search(&name("Sawyer"), 1).await.unwrap();
    assert_eq!(ids(&page), [565_039_505]);
    assert_eq!(page.pagination.unwrap().total, Some(2));
    for (typed, id) in [
        ("प्रि", 565_039_602),
        ("حداد", 565_039_605),
        ("美玲", 565_039_604),
        ("சுப்ர", 565_039_606),
    ] {
        let page = client.search(&name(typed), 8).await.unwrap();
        assert_eq!(ids(&page), [id], "{typed}");
    }
    assert!(
        client
            .search(&name("Nobody"), 8)
            .await
            .unwrap()
            .data
            .is_empty()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn sends_the_name_limit_offset_and_source() {
    let server = scripted(vec![Reply::json(200, FOUND)]).await;
    let page = client_for(&server)
        .search(&name("Becky T"), 8)
        .await
        .unwrap();
    assert_eq!(ids(&page), [565_039_614]);
    let target = &server.requests()[0].target;
    assert!(target.starts_with("/v2/customers/search?"), "{target}");
    for part in ["q=Becky+T", "limit=8", "offset=0", "source=INSTORE"] {
        assert!(target.contains(part), "{part} missing from {target}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_org_without_search_says_so_and_other_failures_stay_what_they_are() {
    let unavailable = [
        Reply::text(404, "text/html", "<h1>Not Found</h1>"),
        Reply::json(
            403,
            r#"{"errors":[{"code":403,"message":"EntitySearch permission missing"}]}"#,
        ),
        Reply::json(
            400,
            r#"{"errors":[{"code":1609,"message":"Search is not enabled for this org"}]}"#,
        ),
        Reply::json(
            200,
            r#"{"errors":[{"code":1609,"message":"Search is not enabled"}]}"#,
        ),
    ];
    for reply in unavailable {
        let server = scripted(vec![reply.clone()]).await;
        let error = client_for(&server)
            .search(&name("Becky"), 8)
            .await
            .unwrap_err();
        assert_eq!(error.kind, ErrorKind::SearchUnavailable, "{reply:?}");
        assert!(error.to_string().contains("not available"), "{error}");
        assert_eq!(server.requests().len(), 1, "not retried: {reply:?}");
    }
    let others = [
        (Reply::json(401, ""), ErrorKind::Unauthorized),
        (
            Reply::text(200, "text/html", "<html>proxy login</html>"),
            ErrorKind::NotJson,
        ),
        (
            Reply::text(502, "text/html", "<h1>Bad gateway</h1>"),
            ErrorKind::ServerError { status: 502 },
        ),
        (Reply::Stall(Duration::from_secs(3)), ErrorKind::Timeout),
    ];
    for (reply, kind) in others {
        let server = scripted(vec![reply.clone()]).await;
        let error = client_for(&server)
            .search(&name("Becky"), 8)
            .await
            .unwrap_err();
        assert_eq!(error.kind, kind, "{reply:?}");
    }
    // A list where an object belongs: read as no suggestions, not a crash.
    let server = scripted(vec![Reply::json(200, r#"{"data":{"userId":"x"}}"#)]).await;
    let page = client_for(&server).search(&name("Becky"), 8).await.unwrap();
    assert!(ids(&page).is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_429_waits_as_retry_after_says_then_succeeds() {
    let busy = with_header(429, ("Retry-After", "1"), r#"{"errors":[]}"#);
    let server = scripted(vec![busy.clone(), busy, Reply::json(200, FOUND)]).await;
    let client = client_for(&server);
    let started = Instant::now();
    let search = tokio::spawn({
        let client = client.clone();
        async move { client.search(&name("Becky"), 8).await }
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(
        client.is_waiting_on_rate_limit(),
        "the screen can say it is retrying"
    );
    let page = search.await.unwrap().unwrap();
    assert_eq!(ids(&page), [565_039_614]);
    assert_eq!(server.requests().len(), 3);
    assert!(
        started.elapsed() >= Duration::from_secs(2),
        "waited {:?}",
        started.elapsed()
    );
    assert!(!client.is_waiting_on_rate_limit());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_429_without_retry_after_backs_off_and_gives_up_after_two_retries() {
    let busy = Reply::json(429, r#"{"errors":[]}"#);
    let server = scripted(vec![busy.clone(), Reply::json(200, FOUND)]).await;
    let lookup = Lookup::new(IdentifierKind::CustomerId, "565039614").unwrap();
    let found = client_for(&server).lookup(&lookup).await;
    assert!(found.is_ok(), "{found:?}");
    assert_eq!(server.requests().len(), 2);

    // Still busy after the retries: said in words, no retry storm.
    let server = scripted(vec![busy]).await;
    let error = client_for(&server).lookup(&lookup).await.unwrap_err();
    assert!(
        matches!(error.kind, ErrorKind::RateLimited { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("Capillary is busy"), "{error}");
    assert_eq!(server.requests().len(), 3, "the first try and two retries");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_retry_after_longer_than_a_cashier_can_wait_fails_at_once() {
    let server = scripted(vec![with_header(429, ("Retry-After", "120"), "{}")]).await;
    let started = Instant::now();
    let error = client_for(&server)
        .search(&name("Becky"), 8)
        .await
        .unwrap_err();
    assert_eq!(
        error.kind,
        ErrorKind::RateLimited {
            retry_after: Some(Duration::from_secs(120))
        }
    );
    assert_eq!(server.requests().len(), 1);
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_rate_limits_becky_twice_and_the_lookup_still_finds_her() {
    let demo = DemoServer::start(DemoConfig::default()).unwrap();
    let client = demo_client(&demo);
    let card = Lookup::new(IdentifierKind::CardNumber, "DEMO0014").unwrap();
    let becky = client.lookup(&card).await.unwrap();
    assert_eq!(becky.customer_id(), Some(565_039_614));
    assert_eq!(demo.stats().rate_limited, 2);
}
