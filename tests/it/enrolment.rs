//! Enrolling at the counter through the whole app against the demo tenant,
//! keyboard only: the offer after "No customer found", Ctrl+N, the form's
//! prefill, checks and Tab order, one enrolment per double Enter, the new
//! profile with "Take photo…" focused, Capillary's refusals and warning,
//! the lock with a half-filled form, and the policy.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use crate::support::en;
use crate::support::ui::{
    WAIT, demo_app, demo_app_with, log_in, runtime, settled, shown_customer_id, wait_for,
};
use capillary::EnrolField;
use customer_lookup::testing::app::{App, StartOptions};
use customer_lookup::testing::state::ProfileState;
use demo::DemoConfig;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use i18n::Texts;
use std::time::Duration;

fn type_keys(harness: &mut Harness<'_, App>, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.step();
}

fn press(harness: &mut Harness<'_, App>, key: egui::Key) {
    harness.key_press(key);
    harness.run_steps(2);
}

fn ctrl_n(harness: &mut Harness<'_, App>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run_steps(2);
}

fn focused_field(harness: &Harness<'_, App>) -> Option<EnrolField> {
    EnrolField::ALL.into_iter().find(|field| {
        let label = customer_lookup::testing::ui::field_label(&Texts::english(), *field);
        harness.get_by_label(&label).is_focused()
    })
}

fn scan_unknown(harness: &mut Harness<'_, App>, scanned: &str) {
    type_keys(harness, scanned);
    press(harness, egui::Key::Enter);
    wait_for(harness, "not found", WAIT, settled);
    harness.run_steps(2);
}

/// Selects all of a field's text and types `text` over it.
fn replace_field(harness: &mut Harness<'_, App>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.key_press(egui::Key::Backspace);
    harness.run_steps(1);
    if !text.is_empty() {
        type_keys(harness, text);
    }
}

fn demo_customers(harness: &Harness<'_, App>) -> usize {
    harness.state().demo_server().unwrap().customers().len()
}

#[test]
fn not_found_offers_enrolment_and_the_new_customer_opens_with_take_photo_focused() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig {
        latency: Duration::from_millis(300),
        ..DemoConfig::default()
    });
    log_in(&mut harness);
    scan_unknown(&mut harness, "919811112222");
    harness.get_by_label(&en(customer_lookup::testing::ui::ENROL_BUTTON));
    let before = demo_customers(&harness);
    ctrl_n(&mut harness);
    harness.get_by_label(&en(customer_lookup::testing::ui::ENROL_HEADING));
    // The scanned number is already the mobile; focus in First name.
    let dialog = harness.state().state().enrol.as_ref().unwrap();
    assert_eq!(dialog.form.mobile, "919811112222");
    assert_eq!(focused_field(&harness), Some(EnrolField::FirstName));
    // Tab order: first name, last name, mobile, email, card.
    let mut order = vec![EnrolField::FirstName];
    for _ in 0..4 {
        press(&mut harness, egui::Key::Tab);
        order.extend(focused_field(&harness));
    }
    assert_eq!(order, EnrolField::ALL);
    for _ in 0..4 {
        harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Tab);
        harness.run_steps(2);
    }
    assert_eq!(focused_field(&harness), Some(EnrolField::FirstName));
    type_keys(&mut harness, "Huck");
    press(&mut harness, egui::Key::Tab);
    type_keys(&mut harness, "Finn");
    press(&mut harness, egui::Key::Tab);
    press(&mut harness, egui::Key::Tab);
    type_keys(&mut harness, "huck.finn@example.com");
    // A double Enter, the second while the first is on its way (the demo
    // answers after 300 ms): one enrolment.
    press(&mut harness, egui::Key::Enter);
    assert!(harness.state().state().enrol.as_ref().unwrap().sending);
    press(&mut harness, egui::Key::Enter);
    assert!(harness.state().state().enrol.as_ref().unwrap().sending);
    wait_for(&mut harness, "the new profile", WAIT, |app| {
        settled(app) && app.state().enrol.is_none()
    });
    assert_eq!(demo_customers(&harness), before + 1, "enrolled once");
    let demo = harness.state().demo_server().unwrap();
    assert_eq!(demo.stats().enrol_requests, 1, "sent once");
    let new_id = harness
        .state()
        .demo_server()
        .unwrap()
        .customers()
        .last()
        .unwrap()
        .id;
    assert_eq!(shown_customer_id(harness.state()), Some(new_id));
    harness.run_steps(2);
    crate::support::ui::assert_shown(&harness, "Huck Finn");
    harness.get_by_label_contains("Enrolled as customer");
    harness.get_by_label("Enrolled"); // briefly, in the status bar
    harness.get_by_label_contains("100 points awarded");
    assert!(
        harness
            .get_by_label(&en(customer_lookup::testing::ui::TAKE_PHOTO_BUTTON))
            .is_focused(),
        "Take photo… is ready"
    );
    // Found afterwards by lookup and by name.
    press(&mut harness, egui::Key::Escape);
    harness.get_by_label("Customer identifier").focus();
    harness.run_steps(2);
    type_keys(&mut harness, "huck.finn@example.com");
    press(&mut harness, egui::Key::Enter);
    wait_for(&mut harness, "found by email", WAIT, settled);
    assert_eq!(shown_customer_id(harness.state()), Some(new_id));
}

#[test]
fn what_cannot_be_right_is_said_beside_its_field_and_nothing_is_sent() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    let before = demo_customers(&harness);
    let requests = harness.state().demo_server().unwrap().stats().api_requests;
    ctrl_n(&mut harness);
    // Nothing typed: first name and "a mobile or an email".
    press(&mut harness, egui::Key::Enter);
    harness.get_by_label("Enter the customer's first name.");
    harness.get_by_label_contains("Capillary needs one to find the customer again");
    assert_eq!(focused_field(&harness), Some(EnrolField::FirstName));
    type_keys(&mut harness, "Becky");
    press(&mut harness, egui::Key::Tab);
    press(&mut harness, egui::Key::Tab);
    type_keys(&mut harness, "12345");
    press(&mut harness, egui::Key::Tab);
    type_keys(&mut harness, "becky@nowhere");
    press(&mut harness, egui::Key::Enter);
    harness.get_by_label_contains("this has 5");
    harness.get_by_label("An email looks like name@example.com.");
    assert_eq!(focused_field(&harness), Some(EnrolField::Mobile));
    assert_eq!(
        harness.state().demo_server().unwrap().stats().api_requests,
        requests,
        "nothing sent"
    );
    // Esc cancels; nobody was enrolled.
    press(&mut harness, egui::Key::Escape);
    assert!(harness.state().state().enrol.is_none());
    assert_eq!(demo_customers(&harness), before);
}

#[test]
fn capillarys_refusal_keeps_the_form_and_its_warning_is_shown() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    scan_unknown(&mut harness, "tomas@example.com");
    ctrl_n(&mut harness);
    assert_eq!(
        harness.state().state().enrol.as_ref().unwrap().form.email,
        "tomas@example.com"
    );
    type_keys(&mut harness, "Tomas");
    press(&mut harness, egui::Key::Tab);
    press(&mut harness, egui::Key::Tab);
    // Asha's mobile: it belongs to her already.
    type_keys(&mut harness, "919800000001");
    press(&mut harness, egui::Key::Enter);
    wait_for(&mut harness, "the refusal", WAIT, |app| {
        app.state()
            .enrol
            .as_ref()
            .is_some_and(|d| d.refused.is_some())
    });
    harness.run_steps(2);
    harness.get_by_label_contains("already exists");
    harness.get_by_label_contains("code 8007");
    harness.get_by_label_contains("request id demo-");
    let form = &harness.state().state().enrol.as_ref().unwrap().form;
    assert_eq!(form.first_name, "Tomas", "what was typed stays");
    // Another source has them: combined, and the warning says so.
    replace_field(&mut harness, "Mobile", "");
    replace_field(&mut harness, "Email", "");
    type_keys(&mut harness, "tomas@othersource.example");
    press(&mut harness, egui::Key::Enter);
    wait_for(&mut harness, "the new profile", WAIT, |app| {
        settled(app) && app.state().enrol.is_none()
    });
    harness.run_steps(2);
    harness.get_by_label_contains("Same Customer found in other sources, Combining (8050)");
}

#[test]
fn the_lock_wipes_a_half_filled_form() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app_with(
        DemoConfig::default(),
        StartOptions {
            demo: true,
            lock_after_secs: Some(60),
            ..StartOptions::default()
        },
    );
    log_in(&mut harness);
    ctrl_n(&mut harness);
    type_keys(&mut harness, "Half");
    assert_eq!(
        harness
            .state()
            .state()
            .enrol
            .as_ref()
            .unwrap()
            .form
            .first_name,
        "Half"
    );
    harness.state_mut().advance_clock(Duration::from_secs(61));
    harness.run_steps(3);
    let state = harness.state().state();
    assert!(state.session.is_none(), "locked");
    assert!(state.enrol.is_none(), "the form went with the lock");
    assert!(
        harness
            .query_by_label(&en(customer_lookup::testing::ui::ENROL_HEADING))
            .is_none()
    );
}

#[test]
fn enrolment_turned_off_offers_nothing_and_ctrl_n_says_so() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app_with(
        DemoConfig::default(),
        StartOptions {
            demo: true,
            policy: Ok(customer_lookup::policy::Policy {
                enrolment: Some(false),
                ..customer_lookup::policy::Policy::default()
            }),
            // The workstation asked for it; the organisation wins.
            enrolment: Some(true),
            ..StartOptions::default()
        },
    );
    // The login panel's switch is locked, saying who set it.
    harness.run_steps(2);
    let label = en(customer_lookup::testing::ui::ENROLMENT_LABEL);
    let switch = harness.get_by_label(&label);
    assert!(switch.accesskit_node().is_disabled());
    harness.get_by_label("Set by your organisation");
    log_in(&mut harness);
    scan_unknown(&mut harness, "919811113333");
    assert!(matches!(
        harness.state().state().profile,
        ProfileState::Failed { .. }
    ));
    assert!(
        harness
            .query_by_label(&en(customer_lookup::testing::ui::ENROL_BUTTON))
            .is_none()
    );
    ctrl_n(&mut harness);
    assert!(harness.state().state().enrol.is_none());
    harness.get_by_label(&en(customer_lookup::testing::logic::ENROLMENT_OFF));
}

#[test]
fn the_workstation_switch_on_the_login_panel_turns_enrolment_off() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    harness.run_steps(2);
    assert!(harness.state().state().settings.enrolment, "on by default");
    harness
        .get_by_label(&en(customer_lookup::testing::ui::ENROLMENT_LABEL))
        .click();
    harness.run_steps(2);
    assert!(!harness.state().state().settings.enrolment, "saved off");
    harness.get_by_label("Password").focus();
    log_in(&mut harness);
    scan_unknown(&mut harness, "919811114444");
    assert!(
        harness
            .query_by_label(&en(customer_lookup::testing::ui::ENROL_BUTTON))
            .is_none()
    );
    ctrl_n(&mut harness);
    assert!(harness.state().state().enrol.is_none());
}
