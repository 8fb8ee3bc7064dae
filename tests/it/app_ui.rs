//! The real `App` driven through egui_kittest against the demo tenant:
//! widgets found by their accessible labels, keyboard as a cashier uses it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use crate::support::ui::{
    MemoryStorage, WAIT, assert_shown, demo_app, demo_app_with, log_in, look_up, photo_shown,
    runtime, settled, shown_customer_id, wait_for,
};
use customer_lookup::testing::app::{App, StartOptions};
use customer_lookup::testing::config::HostChoice;
use customer_lookup::testing::state::{PhotoSlot, ProfileState};
use demo::DemoConfig;
use egui_kittest::kittest::Queryable as _;
use std::collections::HashMap;
use std::time::Duration;

#[test]
fn sign_in_look_up_by_every_kind_and_see_the_photo() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    assert!(
        harness.get_by_label("Customer identifier").is_focused(),
        "focus starts in the lookup input"
    );

    for typed in ["919800000001", "asha.rao@example.com"] {
        look_up(&mut harness, typed);
        wait_for(&mut harness, typed, WAIT, photo_shown);
        assert_eq!(
            shown_customer_id(harness.state()),
            Some(565_039_601),
            "{typed}"
        );
        assert_shown(&harness, "Asha Rao");
        assert!(
            harness.get_by_label("Customer identifier").is_focused(),
            "focus back in the input after {typed}"
        );
    }
    // Click to copy, with a brief note. The email is both an identifier
    // and a contact channel (whose marks are a note beside it, so that
    // either copies just the address).
    let emails: Vec<_> = harness.get_all_by_label("asha.rao@example.com").collect();
    assert_eq!(emails.len(), 2);
    emails[1].click();
    harness.run_steps(2);
    harness.get_by_label("Copied");
    harness.state_mut().advance_clock(Duration::from_secs(2));
    harness.run_steps(2); // 2 s later the note is gone
    assert!(harness.query_by_label("Copied").is_none());
    // The @ switched the selector to Email; choose Card number explicitly.
    harness.get_by_label("Find by").click();
    harness.run_steps(2);
    harness.get_by_label("Card number").click();
    harness.run_steps(2);
    look_up(&mut harness, "DEMO0004");
    wait_for(&mut harness, "card lookup", WAIT, photo_shown);
    assert_eq!(shown_customer_id(harness.state()), Some(565_039_604));
    // Esc clears the profile (whose "Customer ID" row would match too).
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    harness.get_by_label("Find by").click();
    harness.run_steps(2);
    harness.get_by_label("Customer ID").click();
    harness.run_steps(2);
    look_up(&mut harness, "565039505");
    wait_for(&mut harness, "id lookup", WAIT, photo_shown);
    assert_shown(&harness, "Tom Sawyer");
    // Details are on screen: extended and custom fields with readable keys.
    assert_shown(&harness, "City name");
    assert_shown(&harness, "12 Demo Street, Bangalore");
    assert_shown(&harness, "Gender");
    let ProfileState::Loaded(profile) = &harness.state().state().profile else {
        panic!("loaded")
    };
    let PhotoSlot::Shown(texture) = &profile.photo else {
        panic!("photo shown")
    };
    assert_eq!(
        texture.size()[1],
        560,
        "prepared for the enlarged frame at 1 px per point"
    );
    assert_eq!(
        harness.state().state().recent.len(),
        3,
        "three distinct customers in the recent list"
    );
}

#[test]
fn wrong_password_says_so_and_keeps_the_username() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    harness.run_steps(3);
    let password = harness.get_by_label("Password");
    password.focus();
    harness.step();
    harness.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::A]);
    harness.get_by_label("Password").type_text("wrong");
    harness.step();
    harness.get_by_label("Log in").click();
    wait_for(&mut harness, "refusal", WAIT, |app| {
        app.state().login.error.is_some()
    });
    harness.get_by_label_contains("Wrong username or password.");
    let login = &harness.state().state().login;
    assert_eq!(login.username, "demo.till");
    assert!(login.password.is_empty(), "the password is cleared");
    assert!(harness.state().state().session.is_none());
}

#[test]
fn not_found_then_escape_clears() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    look_up(&mut harness, "910000000000");
    wait_for(&mut harness, "not found", WAIT, settled);
    harness.get_by_label_contains("No customer found");
    assert!(harness.get_by_label("Customer identifier").is_focused());
    // The failed request's id is in the status bar for support…
    harness.get_by_label_contains("Last failed request id: ");

    look_up(&mut harness, "919800000007");
    wait_for(&mut harness, "no-photo customer", WAIT, settled);
    assert_shown(&harness, "Olivia Brown");
    // …until the next lookup succeeds.
    assert!(
        harness
            .query_by_label_contains("Last failed request id")
            .is_none(),
        "a failed request id outlived the next success"
    );
    assert_shown(&harness, "No photo");
    assert_shown(&harness, "OB");

    harness
        .get_by_label("Customer identifier")
        .type_text("9198");
    harness.step();
    harness.key_press(egui::Key::Escape);
    harness.run_steps(3);
    let state = harness.state().state();
    assert!(matches!(state.profile, ProfileState::Empty));
    assert!(state.lookup.input.is_empty());
    assert!(
        harness.query_by_label("Olivia Brown").is_none() || !state.recent.is_empty(),
        "only the recent list may still name her"
    );
}

#[test]
fn slow_then_fast_shows_the_fast_one_and_never_the_slow_photo() {
    let rt = runtime();
    let _entered = rt.enter();
    let slow = 565_039_601; // Asha Rao
    let fast = 565_039_602; // प्रिया शर्मा
    let demo = DemoConfig {
        customer_delays: HashMap::from([(slow, Duration::from_millis(1500))]),
        ..DemoConfig::default()
    };
    let mut harness = demo_app(demo);
    log_in(&mut harness);

    // Slow lookup superseded by a fast one: the slow answer is dropped.
    look_up(&mut harness, "919800000001");
    look_up(&mut harness, "919800000002");
    wait_for(&mut harness, "fast customer", WAIT, photo_shown);
    assert_eq!(shown_customer_id(harness.state()), Some(fast));
    let started = std::time::Instant::now();
    while started.elapsed() < Duration::from_millis(2500) {
        harness.step();
        assert_eq!(
            shown_customer_id(harness.state()),
            Some(fast),
            "the slow answer must never replace the fast one"
        );
        std::thread::sleep(Duration::from_millis(20));
    }

    // Slow customer loaded, its slow photo still in flight, then a fast
    // lookup: the fast customer's photo shows, the slow photo never does.
    look_up(&mut harness, "919800000001");
    wait_for(&mut harness, "slow customer's details", WAIT, |app| {
        shown_customer_id(app) == Some(slow)
    });
    assert!(
        matches!(&harness.state().state().profile, ProfileState::Loaded(p) if matches!(p.photo, PhotoSlot::Loading))
    );
    look_up(&mut harness, "919800000002");
    wait_for(&mut harness, "fast photo", WAIT, |app| {
        shown_customer_id(app) == Some(fast) && photo_shown(app)
    });
    let fast_lookup = harness.state().state().current_lookup;
    let started = std::time::Instant::now();
    while started.elapsed() < Duration::from_millis(2500) {
        harness.step();
        let state = harness.state().state();
        assert_eq!(shown_customer_id(harness.state()), Some(fast));
        let ProfileState::Loaded(profile) = &state.profile else {
            panic!("still loaded")
        };
        assert_eq!(
            profile.lookup_id, fast_lookup,
            "the photo belongs to the fast lookup"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn log_out_wipes_customer_data() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    look_up(&mut harness, "918877665544");
    wait_for(&mut harness, "customer", WAIT, photo_shown);
    look_up(&mut harness, "919800000001");
    wait_for(&mut harness, "second customer", WAIT, photo_shown);
    // Reopening a recent customer shows the cached photo: no new download.
    let downloads = harness
        .state()
        .demo_server()
        .unwrap()
        .stats()
        .photo_requests;
    harness.get_by_label("Tom Sawyer").click();
    wait_for(&mut harness, "reopened customer", WAIT, |app| {
        shown_customer_id(app) == Some(565_039_505)
    });
    assert!(photo_shown(harness.state()), "shown at once from the cache");
    assert_eq!(
        harness
            .state()
            .demo_server()
            .unwrap()
            .stats()
            .photo_requests,
        downloads
    );
    assert_eq!(harness.state().cached_photos(), 2);
    harness.get_by_label("Log out").click();
    harness.run_steps(3);
    let state = harness.state().state();
    assert!(state.session.is_none());
    assert!(matches!(state.profile, ProfileState::Empty));
    assert!(state.recent.is_empty());
    assert_eq!(
        harness.state().cached_photos(),
        0,
        "photos wiped from memory"
    );
    assert!(harness.query_by_label("Tom Sawyer").is_none());
    harness.get_by_label("Log in");
}

#[test]
fn idle_window_stops_blinking_and_requests_no_frames() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    harness.hover_at(egui::pos2(500.0, 400.0));
    harness.step();
    assert!(harness.get_by_label("Customer identifier").is_focused());
    assert!(harness.state().cursor_blinking());
    // 11 s without input on the app's clock; the blink stops, and the
    // frame that draws the steady cursor is the last one.
    harness.state_mut().advance_clock(Duration::from_secs(11));
    harness.run_steps(2);
    assert!(
        !harness.state().cursor_blinking(),
        "still blinking after 11 s idle"
    );
    assert!(!harness.ctx.global_style().visuals.text_cursor.blink);
    let repaint = harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|v| v.repaint_delay);
    // Only the idle lock's deadline (5 minutes away) is scheduled.
    assert!(
        repaint.is_some_and(|d| d > Duration::from_secs(250)),
        "an idle window must not schedule frames: {repaint:?}"
    );
    // Any input brings the blink back.
    harness.hover_at(egui::pos2(300.0, 300.0));
    harness.step();
    assert!(harness.state().cursor_blinking());
}

/// Signed in to the demo with the given lock time, Tom Sawyer on screen.
fn tom_on_screen_with_lock_after(secs: u64) -> egui_kittest::Harness<'static, App> {
    let options = StartOptions {
        demo: true,
        lock_after_secs: Some(secs),
        ..StartOptions::default()
    };
    let mut harness = demo_app_with(DemoConfig::default(), options);
    log_in(&mut harness);
    look_up(&mut harness, "918877665544");
    wait_for(&mut harness, "customer", WAIT, photo_shown);
    harness
}

#[test]
fn idle_lock_returns_to_login_and_drops_customer_data() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = tom_on_screen_with_lock_after(30);
    // Input keeps it unlocked: 29 s of simulated time, then a mouse move.
    harness.hover_at(egui::pos2(400.0, 300.0));
    harness.step();
    harness.state_mut().advance_clock(Duration::from_secs(29));
    harness.step();
    harness.hover_at(egui::pos2(400.0, 400.0));
    harness.step();
    assert!(
        harness.state().state().session.is_some(),
        "locked too early"
    );
    // 29 s without input: still open.
    harness.state_mut().advance_clock(Duration::from_secs(29));
    harness.step();
    assert!(
        harness.state().state().session.is_some(),
        "locked before 30 s"
    );
    assert!(harness.state().live_textures() > 0, "Tom's photo on screen");
    // 30 s without input.
    harness.state_mut().advance_clock(Duration::from_secs(1));
    harness.step();
    let state = harness.state().state();
    assert!(state.session.is_none(), "not locked after 30 s idle");
    assert!(matches!(state.profile, ProfileState::Empty));
    assert!(state.recent.is_empty());
    assert_eq!(harness.state().cached_photos(), 0);
    assert_eq!(
        harness.state().live_textures(),
        0,
        "no face left in video memory"
    );
    assert_eq!(state.login.username, "demo.till", "username kept");
    assert!(state.login.password.is_empty(), "password asked again");
    harness.run_steps(2);
    harness.get_by_label_contains("Locked after 30 seconds without use");
    assert!(harness.query_by_label("Tom Sawyer").is_none());
}

/// While the window is minimised eframe runs no `ui` pass, only
/// `App::logic` (with egui's input time frozen). The lock must fire there.
#[test]
fn idle_lock_fires_while_minimised_with_no_frames_drawn() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = tom_on_screen_with_lock_after(30);
    let drawn_passes = harness.ctx.cumulative_pass_nr();
    let ctx = harness.ctx.clone();
    let mut frame = eframe::Frame::_new_kittest();
    // What eframe does while the window is minimised: logic alone.
    let mut logic_only = |app: &mut App| {
        let _ = ctx.run_logic(&egui::RawInput::default(), |ctx| {
            eframe::App::logic(app, ctx, &mut frame);
        });
    };
    harness.state_mut().advance_clock(Duration::from_secs(29));
    logic_only(harness.state_mut());
    assert!(
        harness.state().state().session.is_some(),
        "locked before 30 s"
    );
    harness.state_mut().advance_clock(Duration::from_secs(2));
    logic_only(harness.state_mut());
    assert_eq!(
        harness.ctx.cumulative_pass_nr(),
        drawn_passes,
        "no frame was drawn"
    );
    let state = harness.state().state();
    assert!(state.session.is_none(), "not locked while minimised");
    assert!(matches!(state.profile, ProfileState::Empty));
    assert!(state.recent.is_empty());
    assert_eq!(harness.state().cached_photos(), 0);
    // Restored: the first drawn frame shows the login panel.
    harness.run_steps(2);
    harness.get_by_label_contains("Locked after 30 seconds without use");
    assert!(harness.query_by_label("Tom Sawyer").is_none());
}

#[test]
fn photo_enlarges_and_esc_closes_it() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    look_up(&mut harness, "919800000004");
    wait_for(&mut harness, "photo", WAIT, photo_shown);
    harness.get_by_label("Customer photo").click();
    harness.run_steps(3);
    assert!(harness.state().state().photo_enlarged);
    harness.key_press(egui::Key::Escape);
    harness.run_steps(3);
    let state = harness.state().state();
    assert!(!state.photo_enlarged, "Esc closes the enlarged photo");
    assert!(
        photo_shown(harness.state()),
        "and leaves the profile in place"
    );
}

#[test]
fn fraud_banner_and_a_photo_that_fails() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    look_up(&mut harness, "919800000008");
    wait_for(&mut harness, "fraud customer", WAIT, settled);
    harness.get_by_label_contains("Flagged for fraud (MARKED)");

    // Every photo URL dead: the placeholder gets a one-line reason and the details stay.
    harness
        .state()
        .demo_server()
        .unwrap()
        .revoke_next_photo_urls(10);
    look_up(&mut harness, "919800000001");
    wait_for(&mut harness, "failed photo", WAIT, settled);
    let ProfileState::Loaded(profile) = &harness.state().state().profile else {
        panic!("details shown")
    };
    assert!(
        matches!(&profile.photo, PhotoSlot::Failed(reason) if reason.contains("expired")),
        "{:?}",
        profile.photo
    );
    harness.get_by_label_contains("photo link had expired");
    assert_shown(&harness, "AR");
    assert_shown(&harness, "Asha Rao");
}

#[test]
fn names_in_every_script_have_glyphs() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    harness.run_steps(2);
    for name in ["प्रिया शर्मा", "陈 美玲", "ليلى حداد", "கார்த்திக் சுப்ரமணியன்"]
    {
        let ok = harness
            .ctx
            .fonts_mut(|fonts| fonts.has_glyphs(&egui::FontId::proportional(30.0), name));
        assert!(
            ok,
            "{name} would render as boxes: install fonts-noto-core and fonts-noto-cjk"
        );
    }
}

#[test]
fn settings_survive_a_restart_but_secrets_do_not() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    look_up(&mut harness, "asha.rao@example.com");
    wait_for(&mut harness, "customer", WAIT, photo_shown);
    harness.get_by_label("Theme").click();
    harness.run_steps(2);
    harness.get_by_label("Dark").click();
    harness.run_steps(2);
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    let saved: String = storage.0.values().cloned().collect();
    for secret in ["demo123", "Asha", "asha.rao", "919800000001"] {
        assert!(!saved.contains(secret), "{secret} persisted: {saved}");
    }

    let ctx = egui::Context::default();
    let restarted =
        customer_lookup::testing::app::App::new(&ctx, Some(&storage), StartOptions::default());
    let state = restarted.state();
    assert_eq!(
        state.settings.theme,
        customer_lookup::testing::config::ThemeChoice::Dark
    );
    assert_eq!(
        state.lookup.kind, None,
        "any identifier, whatever was last used"
    );
    assert_eq!(state.login.username, "demo.till");
    assert!(state.session.is_none(), "a restart signs in again");
}

/// The server field stays editable while credentials are checked; what is
/// saved is the host that was verified, never what the form says by then.
#[test]
fn a_server_changed_during_sign_in_is_not_saved() {
    let rt = runtime();
    let _entered = rt.enter();
    let demo = DemoConfig {
        latency: Duration::from_millis(600),
        ..DemoConfig::default()
    };
    let mut harness = demo_app(demo);
    harness.run_steps(3);
    harness.key_press(egui::Key::Enter);
    harness.step();
    assert!(harness.state().state().login.pending, "sign-in under way");
    harness.get_by_label("Server").click();
    harness.run_steps(2);
    harness
        .get_by_label("Europe (eu.api.capillarytech.com)")
        .click();
    harness.run_steps(2);
    assert!(matches!(
        harness.state().state().login.host,
        HostChoice::Cluster(_)
    ));
    wait_for(&mut harness, "sign-in", WAIT, |app| {
        app.state().session.is_some()
    });
    let state = harness.state().state();
    assert_eq!(state.settings.host, HostChoice::Demo, "the verified host");
    assert_eq!(
        state.session.as_ref().map(|s| s.host_label.as_str()),
        Some("Built-in demo")
    );
}

#[test]
fn the_log_out_shortcut_logs_out_from_the_profile() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    look_up(&mut harness, "918877665544");
    wait_for(&mut harness, "customer", WAIT, photo_shown);
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::L,
    );
    harness.run_steps(2);
    let state = harness.state().state();
    assert!(state.session.is_none(), "still signed in");
    assert!(matches!(state.profile, ProfileState::Empty));
    harness.get_by_label("Log in");
}
