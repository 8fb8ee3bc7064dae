//! The first screen's loyalty and purchases panels: fetched beside the
//! photo, never holding up the name or the photo, each failing on its own
//! in words with a way to try again, and never showing a superseded
//! customer's answer. Against the demo tenant and a scripted server.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use crate::support;

use crate::support::ui::{
    AtServer, WAIT, assert_shown, demo_app, log_in, look_up, photo_shown, runtime, settled,
    shown_customer_id, wait_for,
};
use crate::support::{Reply, scripted};
use capillary::{ClientConfig, ProgramStanding, Purchase};
use customer_lookup::testing::app::App;
use customer_lookup::testing::state::{Panel, PhotoSlot, ProfileState};
use demo::DemoConfig;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::sync::LazyLock;
use std::time::Duration;

/// One runtime for the scripted-server tests: their background jobs
/// outlive each helper call.
static RT: LazyLock<tokio::runtime::Runtime> = LazyLock::new(runtime);

/// The loyalty and purchases panels of the profile on screen.
type Panels<'a> = (&'a Panel<Vec<ProgramStanding>>, &'a Panel<Vec<Purchase>>);

fn panels(app: &App) -> Option<Panels<'_>> {
    match &app.state().profile {
        ProfileState::Loaded(p) => Some((&p.loyalty, &p.purchases)),
        _ => None,
    }
}

#[test]
fn a_slow_loyalty_answer_does_not_delay_the_name_or_the_photo() {
    let rt = runtime();
    let _entered = rt.enter();
    let demo = DemoConfig {
        standing_delay: Duration::from_millis(1500),
        ..DemoConfig::default()
    };
    let mut harness = demo_app(demo);
    log_in(&mut harness);
    look_up(&mut harness, "918877665544");
    wait_for(&mut harness, "Tom's photo", WAIT, photo_shown);
    let (loyalty, purchases) = panels(harness.state()).unwrap();
    assert_eq!(loyalty, &Panel::Loading, "the photo came first");
    assert_eq!(purchases, &Panel::Loading);
    assert_shown(&harness, "Tom Sawyer");
    harness.get_by_label("Loading loyalty…");
    wait_for(&mut harness, "loyalty and purchases", WAIT, settled);
    harness.get_by_label("1,250 points");
    harness.get_by_label("18,450 points");
}

#[test]
fn a_superseded_customers_loyalty_and_purchases_never_appear() {
    let rt = runtime();
    let _entered = rt.enter();
    let demo = DemoConfig {
        standing_delay: Duration::from_millis(600),
        ..DemoConfig::default()
    };
    let mut harness = demo_app(demo);
    log_in(&mut harness);
    look_up(&mut harness, "918877665544"); // Tom: two programs
    wait_for(&mut harness, "Tom's photo", WAIT, photo_shown);
    look_up(&mut harness, "919800000001"); // Asha: one
    wait_for(&mut harness, "Asha's panels", WAIT, settled);
    let started = std::time::Instant::now();
    while started.elapsed() < Duration::from_millis(1200) {
        harness.step();
        assert_eq!(shown_customer_id(harness.state()), Some(565_039_601));
        if let Some((Panel::Ready(programs), _)) = panels(harness.state()) {
            assert_eq!(programs.len(), 1, "Tom's programs on Asha's profile");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(harness.query_by_label("Partner Miles").is_none());
}

/// Signs in to a scripted server and looks an email up (one request);
/// the customer has no photo, and every later answer is as scripted.
fn profile_with_panels_answered_by(
    replies: Vec<Reply>,
) -> (Harness<'static, App>, support::Scripted) {
    let mut script = vec![
        Reply::json(
            404,
            r#"{"errors":[{"code":8015,"message":"Customer not found"}]}"#,
        ),
        Reply::json(
            200,
            r#"{"id":7,"profiles":[{"firstName":"Test","lastName":"Person"}],"customerImage":[]}"#,
        ),
    ];
    script.extend(replies);
    let server = RT.block_on(scripted(script));
    let _entered = RT.enter();
    let mut harness = AtServer {
        client_config: ClientConfig {
            request_timeout: Duration::from_millis(1200),
            ..ClientConfig::default()
        },
        ..AtServer::new(&server.url())
    }
    .build();
    harness.run_steps(2);
    harness.get_by_label("Password").type_text("till-password");
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "sign-in", WAIT, |app| {
        app.state().session.is_some()
    });
    look_up(&mut harness, "test.person@example.com");
    wait_for(&mut harness, "the panels", WAIT, settled);
    (harness, server)
}

#[test]
fn each_panel_fails_on_its_own_in_words() {
    for (reply, words) in [
        (
            Reply::json(
                400,
                r#"{"errors":[{"code":1620,"message":"Program lookup failed"}]}"#,
            ),
            "Capillary reported error 1620: Program lookup failed",
        ),
        (Reply::text(503, "text/plain", "down"), "HTTP 503"),
        (
            Reply::Stall(Duration::from_secs(3)),
            "did not answer in time",
        ),
        (Reply::json(200, r#"{"data": "#), "not valid JSON"),
    ] {
        let (harness, _server) = profile_with_panels_answered_by(vec![reply]);
        let _entered = RT.enter();
        let (loyalty, purchases) = panels(harness.state()).unwrap();
        for panel in [format!("{loyalty:?}"), format!("{purchases:?}")] {
            assert!(panel.contains(words), "{panel} lacks {words:?}");
        }
        // The rest of the profile is unaffected.
        assert_shown(&harness, "Test Person");
        assert!(matches!(
            &harness.state().state().profile,
            ProfileState::Loaded(p) if matches!(p.photo, PhotoSlot::Absent)
        ));
        assert!(
            harness.query_all_by_label_contains(words).count() >= 2,
            "{words} on screen"
        );
        harness.get_by_label("Try loyalty again");
        harness.get_by_label("Try purchases again");
    }
}

#[test]
fn a_failed_panel_can_be_tried_again_and_quiet_lines_for_none() {
    let fail = Reply::text(500, "text/plain", "oops");
    let none = Reply::json(200, r#"{"data": [], "warnings": [], "errors": []}"#);
    let (mut harness, _server) = profile_with_panels_answered_by(vec![fail.clone(), fail, none]);
    let _entered = RT.enter();
    harness.get_by_label("Try loyalty again").click();
    harness.step();
    wait_for(&mut harness, "loyalty again", WAIT, settled);
    let (loyalty, purchases) = panels(harness.state()).unwrap();
    assert_eq!(loyalty, &Panel::Ready(Vec::new()));
    assert!(matches!(purchases, Panel::Failed(_)), "{purchases:?}");
    harness.get_by_label("Not a loyalty member.");
    harness.get_by_label("Try purchases again").click();
    harness.step();
    wait_for(&mut harness, "purchases again", WAIT, settled);
    harness.get_by_label("No purchases yet.");
}

#[test]
fn status_badges_in_words_and_right_to_left_names_on_the_right() {
    let _entered = RT.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    // A suspended card: a badge in words (and a marked photo frame).
    look_up(&mut harness, "400055556666");
    wait_for(&mut harness, "Zara", WAIT, settled);
    harness.get_by_label("Card 400055556666: SUSPENDED");
    // A merged account, found only by its external ID.
    look_up(&mut harness, "LEGACY-42");
    wait_for(&mut harness, "Omar", WAIT, settled);
    assert_eq!(shown_customer_id(harness.state()), Some(565_039_612));
    harness.get_by_label("Merged into another account");
    harness.get_by_label("Not a loyalty member.");
    harness.get_by_label("No purchases yet.");
    // An active card is a quiet line, not a badge.
    look_up(&mut harness, "919800000001");
    wait_for(&mut harness, "Asha", WAIT, settled);
    harness.get_by_label("Card active");
    let found_by = harness.get_by_label("Found by mobile 919800000001").rect();
    // An Arabic name is aligned to the right of the column.
    look_up(&mut harness, "919800000005");
    wait_for(&mut harness, "Layla", WAIT, settled);
    let name = harness
        .get_all_by_label("ليلى حداد")
        .max_by(|a, b| a.rect().width().total_cmp(&b.rect().width()))
        .unwrap()
        .rect();
    let found_by_arabic = harness.get_by_label("Found by mobile 919800000005").rect();
    assert!(
        name.right() > found_by_arabic.right() + 100.0 && name.left() > found_by.left() + 100.0,
        "not right-aligned: name {name:?}, line below {found_by_arabic:?}"
    );
}
