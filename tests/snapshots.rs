//! Snapshot images of the main screens, rendered by egui_kittest through
//! wgpu on Mesa's software renderer (installed by `.ci/run`), compared with
//! the PNGs under `tests/snapshots/`. `UPDATE_SNAPSHOTS=1 cargo test --test
//! snapshots` rewrites them after an intended change.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod support;

use customer_lookup::app::App;
use customer_lookup::demo::DemoConfig;
use egui_kittest::Harness;
use std::collections::HashMap;
use std::time::Duration;
use support::photos::count_near;
use support::ui::{WAIT, demo_app, log_in, look_up, photo_shown, runtime, settled, wait_for};

/// Lets the cursor stop blinking (so it is drawn steadily) and moves the
/// mouse away, so the image does not depend on timing.
fn steady(harness: &mut Harness<'_, App>) {
    harness.remove_cursor();
    for _ in 0..44 {
        harness.step();
    }
}

#[test]
fn login_panel() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    steady(&mut harness);
    harness.snapshot("login_panel");
}

#[test]
fn profile_with_photo() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    look_up(&mut harness, "919800000001");
    wait_for(&mut harness, "photo", WAIT, photo_shown);
    steady(&mut harness);
    harness.snapshot("profile_with_photo");
}

#[test]
fn profile_without_photo() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    look_up(&mut harness, "919800000007");
    wait_for(&mut harness, "profile", WAIT, settled);
    steady(&mut harness);
    harness.snapshot("profile_without_photo");
}

#[test]
fn not_found_error() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    look_up(&mut harness, "910000000000");
    wait_for(&mut harness, "error", WAIT, settled);
    steady(&mut harness);
    harness.snapshot("not_found_error");
}

/// The pixels on screen, not just the state: after a slow lookup is
/// superseded by a fast one, the fast customer's photo is drawn and no
/// pixel of the slow customer's photo is.
#[test]
fn photo_pixels_belong_to_the_customer_on_screen() {
    let rt = runtime();
    let _entered = rt.enter();
    let slow = 565_039_601; // Asha Rao: green background, yellow shirt
    let demo = DemoConfig {
        customer_delays: HashMap::from([(slow, Duration::from_millis(1200))]),
        ..DemoConfig::default()
    };
    let mut harness = demo_app(demo);
    log_in(&mut harness);
    look_up(&mut harness, "919800000001");
    wait_for(&mut harness, "slow details", WAIT, |app| {
        support::ui::shown_customer_id(app) == Some(slow)
    });
    look_up(&mut harness, "919800000002"); // प्रिया शर्मा: pink background, blue shirt
    wait_for(&mut harness, "fast photo", WAIT, photo_shown);
    std::thread::sleep(Duration::from_millis(1500)); // the slow photo would have arrived by now
    steady(&mut harness);
    let image = harness.render().unwrap();
    assert!(
        count_near(&image, [180, 90, 140], 14) > 1000,
        "the fast customer's photo is on screen"
    );
    assert!(
        count_near(&image, [60, 90, 200], 14) > 1000,
        "with its shirt"
    );
    assert_eq!(
        count_near(&image, [250, 200, 40], 10),
        0,
        "no pixel of the slow customer's shirt"
    );
}
