//! The counter's one box, driven as a barcode scanner does (keystrokes and
//! Enter, no mouse) through the whole app against the demo tenant: any
//! identifier without choosing a type, a choice when one scan matches two
//! customers, and text that could not be looked up replaced by the next scan.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use crate::support::en;
use crate::support::ui::{
    WAIT, assert_shown, demo_app, demo_app_with, log_in, photo_shown, runtime, settled,
    shown_customer_id, wait_for,
};
use capillary::IdentifierKind;
use customer_lookup::testing::app::{App, StartOptions};
use customer_lookup::testing::state::{PhotoSlot, ProfileState};
use demo::DemoConfig;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// What a scanner does: types into whatever has the focus, then Enter.
fn scan(harness: &mut Harness<'_, App>, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.step();
    harness.key_press(egui::Key::Enter);
    harness.step();
}

fn found_by(app: &App) -> Option<(IdentifierKind, String)> {
    match &app.state().profile {
        ProfileState::Loaded(p) => p.found_by.as_ref().map(|l| (l.kind, l.value.clone())),
        _ => None,
    }
}

#[test]
fn whatever_is_scanned_is_found_without_choosing_a_type() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    // A card barcode, an email, then a mobile: no type chosen at any point.
    for (scanned, customer_id, kind) in [
        ("DEMO0005", 565_039_605, IdentifierKind::CardNumber),
        ("asha.rao@example.com", 565_039_601, IdentifierKind::Email),
        ("918877665544", 565_039_505, IdentifierKind::Mobile),
        // 16 digits cannot be a mobile: found as the card it is.
        ("4000123412341234", 565_039_609, IdentifierKind::CardNumber),
        // A scanner's trailing Tab and spaces are not part of it.
        ("  EXT-0007 ", 565_039_607, IdentifierKind::ExternalId),
        // A mobile typed on an Arabic phone keyboard and pasted from a
        // message: Arabic-Indic digits, a direction mark, an en dash.
        (
            "\u{200F}+٩١ ٩٨٠٠٠–٠٠٠٠١",
            565_039_601,
            IdentifierKind::Mobile,
        ),
        // A card read out in Devanagari digits.
        ("४०००१२३४१२३४१२३४", 565_039_609, IdentifierKind::CardNumber),
    ] {
        scan(&mut harness, scanned);
        wait_for(&mut harness, scanned, WAIT, settled);
        assert_eq!(
            shown_customer_id(harness.state()),
            Some(customer_id),
            "{scanned}: {:?}",
            harness.state().state().profile
        );
        let (found_kind, value) = found_by(harness.state()).unwrap();
        assert_eq!(found_kind, kind, "{scanned}");
        harness.get_by_label(&format!("Found by {} {value}", kind.noun()));
        assert_eq!(harness.state().state().lookup.kind, None, "still any");
        assert!(harness.get_by_label("Customer identifier").is_focused());
        assert_eq!(
            harness.state().state().lookup.input,
            "",
            "ready for the next scan"
        );
    }
}

#[test]
fn a_trailing_tab_looks_up_and_keeps_the_focus() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    harness.event(egui::Event::Text("DEMO0004".to_owned()));
    harness.step();
    harness.key_press(egui::Key::Tab);
    harness.step();
    wait_for(&mut harness, "card by Tab", WAIT, photo_shown);
    assert_eq!(shown_customer_id(harness.state()), Some(565_039_604));
    assert!(harness.get_by_label("Customer identifier").is_focused());
    // CR LF: the second Enter, in an empty box, starts nothing.
    scan(&mut harness, "918877665544");
    harness.key_press(egui::Key::Enter);
    harness.step();
    wait_for(&mut harness, "Tom", WAIT, photo_shown);
    assert_eq!(shown_customer_id(harness.state()), Some(565_039_505));
}

#[test]
fn two_customers_matching_one_scan_are_a_choice_made_with_the_keyboard() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    // Karthik's mobile is Vikram's card number.
    scan(&mut harness, "919800000006");
    wait_for(&mut harness, "both photos", WAIT, |app| {
        matches!(&app.state().profile, ProfileState::Choosing(c)
            if c.matches.len() == 2 && c.matches.iter().all(|m| matches!(m.photo, PhotoSlot::Shown(_))))
    });
    harness.get_by_label_contains("Several customers match");
    assert_shown(&harness, "Found by mobile 919800000006");
    assert_shown(&harness, "Found by card number 919800000006");
    assert!(harness.get_by_label("Customer identifier").is_focused());
    // Down, Enter: the second one, with nothing picked silently before.
    let second = match &harness.state().state().profile {
        ProfileState::Choosing(c) => c.matches[1].customer.customer_id(),
        other => panic!("{other:?}"),
    };
    harness.key_press(egui::Key::ArrowDown);
    harness.step();
    harness.key_press(egui::Key::Enter);
    harness.step();
    wait_for(&mut harness, "the chosen one", WAIT, photo_shown);
    assert_eq!(shown_customer_id(harness.state()), second);
    assert!(harness.get_by_label("Customer identifier").is_focused());
}

#[test]
fn text_that_could_not_be_looked_up_is_replaced_by_the_next_scan() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    // The person picks Email on purpose; a mobile is then refused...
    harness.get_by_label("Find by").click();
    harness.run_steps(2);
    harness.get_by_label("Email").click();
    harness.run_steps(2);
    scan(&mut harness, "919800000002");
    harness.run_steps(2);
    harness.get_by_label_contains("missing an @");
    assert_eq!(harness.state().state().lookup.input, "919800000002");
    // ...and the next scan replaces the refused text instead of joining it.
    scan(&mut harness, "tom.sawyer@example.com");
    wait_for(&mut harness, "Tom by email", WAIT, photo_shown);
    assert_eq!(shown_customer_id(harness.state()), Some(565_039_505));
    assert_eq!(
        harness.state().state().lookup.kind,
        Some(IdentifierKind::Email),
        "a type picked on purpose is kept until Any is picked again"
    );
    harness.get_by_label("Find by").click();
    harness.run_steps(2);
    harness.get_by_label("Any identifier").click();
    harness.run_steps(2);
    scan(&mut harness, "DEMO0002");
    wait_for(&mut harness, "card", WAIT, photo_shown);
    assert_eq!(shown_customer_id(harness.state()), Some(565_039_602));
}

#[test]
fn a_local_mobile_is_tried_with_the_store_country_code() {
    let rt = runtime();
    let _entered = rt.enter();
    let options = StartOptions {
        demo: true,
        country_code: Some("91".to_owned()),
        ..StartOptions::default()
    };
    let mut harness = demo_app_with(DemoConfig::default(), options);
    log_in(&mut harness);
    scan(&mut harness, "98000 00001");
    wait_for(&mut harness, "Asha", WAIT, settled);
    assert_eq!(shown_customer_id(harness.state()), Some(565_039_601));
    assert_eq!(
        found_by(harness.state()),
        Some((IdentifierKind::Mobile, "919800000001".to_owned()))
    );
}

#[test]
fn not_found_only_when_every_type_says_so() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    scan(&mut harness, "NOBODY-123");
    wait_for(&mut harness, "not found", WAIT, settled);
    harness.get_by_label_contains(
        "No customer found for NOBODY-123 (tried as card number, external ID)",
    );
}

#[test]
fn a_superseded_scan_never_shows_a_late_candidate() {
    let rt = runtime();
    let _entered = rt.enter();
    // Vikram (whose card is Karthik's mobile) answers late.
    let demo = DemoConfig {
        customer_delays: [(565_039_610, std::time::Duration::from_millis(800))].into(),
        ..DemoConfig::default()
    };
    let mut harness = demo_app(demo);
    log_in(&mut harness);
    scan(&mut harness, "919800000006");
    harness.run_steps(3);
    scan(&mut harness, "918877665544");
    wait_for(&mut harness, "Tom", WAIT, photo_shown);
    let started = std::time::Instant::now();
    while started.elapsed() < std::time::Duration::from_millis(1500) {
        harness.step();
        assert_eq!(
            shown_customer_id(harness.state()),
            Some(565_039_505),
            "{:?}",
            harness.state().state().profile
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(
        harness
            .query_by_label_contains("Several customers")
            .is_none()
    );
    assert!(harness.query_by_label_contains("Vikram").is_none());
}

/// Becky's lookups are rate-limited twice by the demo (429, `Retry-After:
/// 1`): the screen says Capillary is busy while the app waits, then shows
/// her; the bounded retries are the client's (see `search_client`).
#[test]
fn a_busy_capillary_is_said_while_the_lookup_waits_and_retries() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    scan(&mut harness, "DEMO0014");
    wait_for(&mut harness, "the busy note", WAIT, |app| {
        app.state().capillary_busy
    });
    harness.run_steps(2);
    harness.get_by_label(&en(customer_lookup::testing::ui::CAPILLARY_BUSY));
    wait_for(&mut harness, "Becky", WAIT, settled);
    assert_eq!(shown_customer_id(harness.state()), Some(565_039_614));
    assert!(!harness.state().state().capillary_busy);
    assert!(
        harness
            .query_by_label(&en(customer_lookup::testing::ui::CAPILLARY_BUSY))
            .is_none()
    );
    let ProfileState::Loaded(profile) = &harness.state().state().profile else {
        unreachable!()
    };
    assert!(
        matches!(
            profile.loyalty,
            customer_lookup::testing::state::Panel::Ready(_)
        ),
        "{:?}",
        profile.loyalty
    );
    let demo = harness.state().demo_server().unwrap();
    assert_eq!(demo.stats().rate_limited, 2, "{:?}", demo.stats());
}
