//! The register client against the demo tenant and a scripted server: the
//! request's shape, every refusal in words with its code, the 8050 warning,
//! a slow answer (not retried: it may have been acted on) and malformed
//! answers.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use capillary::{
    ApiHost, CapillaryClient, ClientConfig, EnrolForm, Enrolment, ErrorKind, IdentifierKind,
    Lookup, NameQuery,
};
use demo::{DEMO_NO_ACCESS_USER, DEMO_PASSWORD, DemoConfig, DemoServer};
use std::time::Duration;
use testkit::{Reply, Scripted, scripted, till};

fn config() -> ClientConfig {
    ClientConfig {
        request_timeout: Duration::from_millis(800),
        ..ClientConfig::default()
    }
}

fn client_for(server: &Scripted) -> CapillaryClient {
    CapillaryClient::with_config(ApiHost::parse(&server.url()).unwrap(), till(), config()).unwrap()
}

fn enrolment(first: &str, mobile: &str, email: &str) -> Enrolment {
    EnrolForm {
        first_name: first.into(),
        last_name: "Finn".into(),
        mobile: mobile.into(),
        email: email.into(),
        card: String::new(),
    }
    .validate()
    .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_demo_enrols_and_finds_the_new_customer_by_lookup_and_search() {
    let demo = DemoServer::start(DemoConfig::default()).unwrap();
    let client = CapillaryClient::new(demo.host(), DemoServer::till_credentials()).unwrap();
    let enrolled = client
        .enrol(
            &enrolment("Huckleberry", "919811110000", "huck@example.com"),
            "demo.till",
        )
        .await
        .unwrap();
    assert!(enrolled.warnings.is_empty());
    assert_eq!(enrolled.rewards, ["100 points awarded"]);
    let mobile = Lookup::new(IdentifierKind::Mobile, "919811110000").unwrap();
    let found = client.lookup(&mobile).await.unwrap();
    assert_eq!(found.customer_id(), Some(enrolled.customer_id));
    assert_eq!(found.display_name().as_deref(), Some("Huckleberry Finn"));
    let page = client
        .search(&NameQuery::parse("Huckle").unwrap(), 8)
        .await
        .unwrap();
    assert_eq!(page.data[0].user_id, Some(enrolled.customer_id));

    // The same mobile again: refused, in words, with the code.
    let again = client
        .enrol(&enrolment("Huck", "919811110000", ""), "demo.till")
        .await
        .unwrap_err();
    assert!(
        matches!(again.kind, ErrorKind::Capillary { code: 8007, .. }),
        "{again:?}"
    );
    assert!(again.to_string().contains("already exists"), "{again}");
    assert!(again.request_id.is_some());
    // Another source has the email: combined, with a warning.
    let combined = client
        .enrol(
            &enrolment("Jim", "", "jim@othersource.example"),
            "demo.till",
        )
        .await
        .unwrap();
    assert_eq!(
        combined.warnings,
        ["Same Customer found in other sources, Combining (8050)"]
    );
    // A till without the permission.
    let no_access = CapillaryClient::new(
        demo.host(),
        capillary::Credentials::Till {
            username: DEMO_NO_ACCESS_USER.into(),
            password: capillary::secret::Secret::new(DEMO_PASSWORD),
        },
    )
    .unwrap();
    let refused = no_access
        .enrol(&enrolment("Jim", "919811110001", ""), DEMO_NO_ACCESS_USER)
        .await
        .unwrap_err();
    assert!(
        matches!(refused.kind, ErrorKind::Forbidden { .. }),
        "{refused:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn sends_capillarys_register_body_with_source_and_the_till() {
    let server = scripted(vec![Reply::json(
        200,
        r#"{"createdId": 42, "warnings": [], "sideEffects": []}"#,
    )])
    .await;
    let enrolled = client_for(&server)
        .enrol(
            &enrolment("Huck", "919811110000", "huck@example.com"),
            "store.till",
        )
        .await
        .unwrap();
    assert_eq!(enrolled.customer_id, 42);
    let request = &server.requests()[0];
    assert_eq!(request.method, "POST");
    assert!(
        request.target.starts_with("/v2/customers?"),
        "{}",
        request.target
    );
    assert!(
        request.target.contains("source=INSTORE"),
        "{}",
        request.target
    );
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert!(request.header("authorization").is_some());
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(body["associatedWith"], "store.till");
    assert_eq!(body["loyaltyInfo"]["loyaltyType"], "loyalty");
    assert_eq!(body["profiles"][0]["firstName"], "Huck");
    assert_eq!(
        body["profiles"][0]["identifiers"][0]["value"],
        "919811110000"
    );
    assert_eq!(body["profiles"][0]["commChannels"][1]["type"], "email");
}

#[tokio::test(flavor = "multi_thread")]
async fn every_refusal_is_said_in_words_and_odd_answers_are_errors() {
    let refusals = [
        (1001, "mobile is not valid"),
        (1002, "email is not valid"),
        (1003, "external ID is not valid"),
        (1007, "identifier this org registers"),
        (1234, "Capillary reported error 1234: Something else"),
    ];
    for (code, words) in refusals {
        let body = format!(
            r#"{{"createdId": null, "errors": [{{"code": {code}, "message": "Something else"}}]}}"#
        );
        let server = scripted(vec![Reply::json(400, &body)]).await;
        let error = client_for(&server)
            .enrol(&enrolment("Huck", "919811110000", ""), "store.till")
            .await
            .unwrap_err();
        assert!(error.to_string().contains(words), "{code}: {error}");
        assert_eq!(error.request_id.as_deref(), Some("req-400"));
    }
    for (reply, kind) in [
        (
            Reply::json(200, r#"{"createdId": null, "warnings": []}"#),
            "names no new customer",
        ),
        (
            Reply::text(200, "text/html", "<html>portal</html>"),
            "web page",
        ),
        (Reply::json(200, "[1, 2]"), "expected an object"),
    ] {
        let server = scripted(vec![reply]).await;
        let error = client_for(&server)
            .enrol(&enrolment("Huck", "919811110000", ""), "store.till")
            .await
            .unwrap_err();
        assert!(error.to_string().contains(kind), "{error}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_slow_answer_times_out_and_is_not_sent_again() {
    let server = scripted(vec![Reply::Stall(Duration::from_secs(3))]).await;
    let error = client_for(&server)
        .enrol(&enrolment("Huck", "919811110000", ""), "store.till")
        .await
        .unwrap_err();
    assert_eq!(error.kind, ErrorKind::Timeout);
    assert_eq!(server.requests().len(), 1, "it may have been acted on");
}
