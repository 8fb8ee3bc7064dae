//! The app against a scripted fault server on 127.0.0.1, one test per row
//! of the fault table: the person sees a clear message, and every frame
//! while the fault happens is drawn promptly (the UI never waits on the
//! network).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use crate::support;

use crate::support::ui::AtServer;
use crate::support::{Reply, Scripted, customer_with_photo, scripted};
use capillary::ClientConfig;
use customer_lookup::testing::app::App;
use customer_lookup::testing::state::{PhotoSlot, ProfileState};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

/// One runtime for every test's servers and app jobs.
static RT: LazyLock<tokio::runtime::Runtime> = LazyLock::new(support::ui::runtime);

/// The slowest a frame may take while a request is in flight. Frames take
/// a few milliseconds; a frame that waited on the network would take the
/// server's delay (seconds).
const FRAME_BUDGET: Duration = Duration::from_millis(250);

/// The answer to the sign-in check (any Capillary answer but 1044).
fn verify_ok() -> Reply {
    Reply::json(
        404,
        r#"{"errors":[{"code":8015,"message":"Customer not found"}]}"#,
    )
}

fn client_config() -> ClientConfig {
    ClientConfig {
        connect_timeout: Duration::from_millis(800),
        request_timeout: Duration::from_millis(1500),
        photo_timeout: Duration::from_millis(1500),
        busy_retry_delay: Duration::from_millis(100),
        ..ClientConfig::default()
    }
}

/// The app pointed at `url` as till `store.till`, with short timeouts.
fn app_at(url: &str) -> Harness<'static, App> {
    AtServer {
        client_config: client_config(),
        ..AtServer::new(url)
    }
    .build()
}

/// Steps until `done`, failing if any frame is slow or `timeout` passes.
fn step_until(
    harness: &mut Harness<'_, App>,
    what: &str,
    timeout: Duration,
    done: impl Fn(&App) -> bool,
) {
    let started = Instant::now();
    while !done(harness.state()) {
        let frame = Instant::now();
        harness.step();
        assert!(
            frame.elapsed() < FRAME_BUDGET,
            "a frame took {:?} while waiting for {what}",
            frame.elapsed()
        );
        assert!(
            started.elapsed() < timeout,
            "timed out waiting for {what}: {:?}",
            harness.state().state().profile
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    harness.run_steps(2);
}

fn sign_in(harness: &mut Harness<'_, App>) {
    harness.run_steps(2);
    harness.get_by_label("Password").type_text("till-password");
    harness.key_press(egui::Key::Enter);
    step_until(harness, "sign-in", Duration::from_secs(10), |app| {
        app.state().session.is_some() || app.state().login.error.is_some()
    });
    assert!(
        harness.state().state().session.is_some(),
        "sign-in failed: {:?}",
        harness.state().state().login.error
    );
}

fn look_up_mobile(harness: &mut Harness<'_, App>) {
    harness
        .get_by_label("Customer identifier")
        .type_text("919800000001");
    harness.step();
    harness.key_press(egui::Key::Enter);
    harness.step();
}

fn finished(app: &App) -> bool {
    !app.is_busy()
        && !matches!(app.state().profile, ProfileState::Loading { .. })
        && !matches!(&app.state().profile, ProfileState::Loaded(p) if matches!(p.photo, PhotoSlot::Loading))
}

/// Signs in, then looks a customer up with these as the server's answers;
/// asserts every frame was drawn promptly meanwhile.
fn lookup_against(replies_after_sign_in: Vec<Reply>) -> (Harness<'static, App>, Scripted) {
    let mut replies = vec![verify_ok()];
    replies.extend(replies_after_sign_in);
    let server = RT.block_on(scripted(replies));
    let _guard = RT.enter();
    let mut harness = app_at(&server.url());
    sign_in(&mut harness);
    look_up_mobile(&mut harness);
    step_until(
        &mut harness,
        "the lookup",
        Duration::from_secs(10),
        finished,
    );
    (harness, server)
}

/// The failure message shown in the profile area.
fn failure(harness: &Harness<'_, App>) -> String {
    match &harness.state().state().profile {
        ProfileState::Failed { message } => message.clone(),
        other => panic!("expected a failure, got {other:?}"),
    }
}

fn assert_failure_shown(harness: &Harness<'_, App>, expected: &str) {
    let message = failure(harness);
    assert!(message.contains(expected), "{message:?} lacks {expected:?}");
    assert!(
        harness
            .query_all_by_label_contains(expected)
            .next()
            .is_some(),
        "{expected:?} is not on screen"
    );
    // Still signed in, the lookup field ready for the next customer.
    assert!(harness.state().state().session.is_some());
    harness.get_by_label("Customer identifier");
}

#[test]
fn stall_past_the_timeout() {
    let (harness, _server) = lookup_against(vec![Reply::Stall(Duration::from_secs(30))]);
    assert_failure_shown(&harness, "did not answer");
}

#[test]
fn stall_then_cancel() {
    let server = RT.block_on(scripted(vec![
        verify_ok(),
        Reply::Stall(Duration::from_secs(30)),
    ]));
    let _guard = RT.enter();
    let mut harness = app_at(&server.url());
    sign_in(&mut harness);
    look_up_mobile(&mut harness);
    harness.run_steps(3);
    assert!(harness.state().is_busy());
    harness.get_by_label("Cancel").click();
    step_until(&mut harness, "cancel", Duration::from_secs(1), |app| {
        !app.is_busy()
    });
    assert!(!matches!(
        harness.state().state().profile,
        ProfileState::Loading { .. }
    ));
}

#[test]
fn connection_reset_mid_body() {
    let (harness, _server) = lookup_against(vec![Reply::CutOff {
        claimed: 5000,
        sent: 100,
    }]);
    assert_failure_shown(&harness, "network connection failed");
}

#[test]
fn connection_refused_at_sign_in() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let _guard = RT.enter();
    let mut harness = app_at(&format!("http://127.0.0.1:{port}"));
    harness.run_steps(2);
    harness.get_by_label("Password").type_text("till-password");
    harness.key_press(egui::Key::Enter);
    step_until(&mut harness, "sign-in", Duration::from_secs(10), |app| {
        app.state().login.error.is_some()
    });
    let error = harness
        .state()
        .state()
        .login
        .error
        .clone()
        .unwrap()
        .to_string();
    assert!(error.contains("refused"), "{error}");
    assert!(
        harness
            .query_all_by_label_contains("refused")
            .next()
            .is_some()
    );
}

#[test]
fn server_error_500() {
    let (harness, _server) = lookup_against(vec![Reply::text(500, "text/plain", "oops")]);
    assert_failure_shown(&harness, "HTTP 500");
}

/// The candidates of one scan are looked up at the same time, not one
/// after another: the server sees all three requests at once.
#[test]
fn candidates_are_looked_up_concurrently() {
    let not_found_slowly = Reply::After(Duration::from_millis(400), Box::new(verify_ok()));
    let (harness, server) = lookup_against(vec![not_found_slowly]);
    assert_failure_shown(&harness, "No customer found for 919800000001");
    assert_eq!(
        server.most_at_once(),
        3,
        "mobile, card and external ID at once"
    );
}

/// One scan is tried as mobile, card and external ID at once: when one of
/// them fails, that failure is reported, never "not found".
#[test]
fn one_candidate_failing_is_reported_as_that_failure() {
    let (harness, server) = lookup_against(vec![
        verify_ok(),
        verify_ok(),
        Reply::text(500, "text/plain", "oops"),
    ]);
    assert_failure_shown(&harness, "HTTP 500");
    assert!(!failure(&harness).contains("No customer found"));
    let lookups = server
        .requests()
        .iter()
        .filter(|r| r.target.contains("identifierValue=919800000001"))
        .count();
    assert_eq!(lookups, 3, "mobile, card number and external ID");
}

#[test]
fn server_unavailable_503() {
    let (harness, _server) = lookup_against(vec![Reply::text(503, "text/plain", "down")]);
    assert_failure_shown(&harness, "HTTP 503");
}

/// Requests for the mobile candidate of the scan (the card and external
/// ID candidates go to the same server at the same time).
fn mobile_lookups(server: &Scripted) -> usize {
    server
        .requests()
        .iter()
        .filter(|r| {
            r.target
                .contains("identifierName=mobile&identifierValue=919800000001")
        })
        .count()
}

#[test]
fn busy_461_twice() {
    let (harness, server) = lookup_against(vec![Reply::json(461, "{}")]);
    assert_failure_shown(&harness, "Capillary is busy, try again");
    assert_eq!(
        mobile_lookups(&server),
        2,
        "the mobile lookup and one retry"
    );
}

#[test]
fn concurrent_action_521_twice() {
    let (harness, server) = lookup_against(vec![Reply::json(521, "{}")]);
    assert_failure_shown(&harness, "busy with another change");
    assert_eq!(
        mobile_lookups(&server),
        2,
        "the mobile lookup and one retry"
    );
}

#[test]
fn unauthorized_401_mid_session_returns_to_sign_in() {
    let server = RT.block_on(scripted(vec![verify_ok(), Reply::json(401, "{}")]));
    let _guard = RT.enter();
    let mut harness = app_at(&server.url());
    sign_in(&mut harness);
    look_up_mobile(&mut harness);
    step_until(&mut harness, "the 401", Duration::from_secs(10), |app| {
        app.state().session.is_none()
    });
    let error = harness
        .state()
        .state()
        .login
        .error
        .clone()
        .unwrap()
        .to_string();
    assert!(error.contains("sign-in was refused"), "{error}");
    assert!(
        harness
            .query_all_by_label_contains("sign-in was refused")
            .next()
            .is_some()
    );
    assert!(harness.state().state().customer().is_none());
    assert_eq!(harness.state().state().login.username, "store.till");
}

#[test]
fn forbidden_403() {
    let (harness, _server) = lookup_against(vec![Reply::json(403, "{}")]);
    assert_failure_shown(&harness, "may not use the customer API");
}

#[test]
fn malformed_json() {
    let (harness, _server) = lookup_against(vec![Reply::json(200, r#"{"id": 5, "profiles": ["#)]);
    assert_failure_shown(&harness, "not valid JSON");
}

#[test]
fn html_instead_of_json() {
    let (harness, _server) = lookup_against(vec![Reply::text(
        200,
        "text/html",
        "<html><body>Captive portal</body></html>",
    )]);
    assert_failure_shown(&harness, "web page, not data");
}

#[test]
fn empty_body() {
    let (harness, _server) = lookup_against(vec![Reply::text(200, "application/json", "")]);
    assert_failure_shown(&harness, "empty answer");
}

#[test]
fn fifty_megabyte_json_is_refused_at_five() {
    let (harness, _server) = lookup_against(vec![Reply::Stream {
        total: 50 * 1024 * 1024,
    }]);
    assert_failure_shown(&harness, "too large");
}

#[test]
fn photo_entry_with_an_error_code() {
    let body = r#"{"id":7,"profiles":[{"firstName":"Test","lastName":"Person"}],
        "customerImage":[{"code":500,"message":"storage unavailable","status":"false"}]}"#;
    let (harness, _server) = lookup_against(vec![Reply::json(200, body)]);
    match &harness.state().state().profile {
        ProfileState::Loaded(p) => assert!(matches!(p.photo, PhotoSlot::Failed(_)), "{p:?}"),
        other => panic!("{other:?}"),
    }
    assert!(harness.query_all_by_label("Test Person").next().is_some());
    assert!(
        harness
            .query_all_by_label_contains("photo is not available")
            .next()
            .is_some()
    );
}

#[test]
fn photo_refused_by_s3_signature_mismatch() {
    let s3 = RT.block_on(scripted(vec![Reply::text(
        403,
        "application/xml",
        "<Error><Code>SignatureDoesNotMatch</Code></Error>",
    )]));
    let photo_url = format!("{}/photo.jpg?X-Amz-Signature=abc", s3.url());
    let (harness, _server) =
        lookup_against(vec![Reply::json(200, &customer_with_photo(7, &photo_url))]);
    match &harness.state().state().profile {
        ProfileState::Loaded(p) => match &p.photo {
            PhotoSlot::Failed(reason) => assert!(reason.contains("refused"), "{reason}"),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    assert!(
        harness
            .query_all_by_label_contains("refused")
            .next()
            .is_some()
    );
}
