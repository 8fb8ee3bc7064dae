//! Snapshot images of the main screens, rendered by egui_kittest through
//! wgpu on Mesa's software renderer (installed by `cargo xtask test`),
//! compared with the PNGs under `tests/snapshots/`. `UPDATE_SNAPSHOTS=1 cargo
//! test --test it snapshots::` rewrites them after an intended change.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use crate::support;

use crate::support::photos::count_near;
use crate::support::ui::{
    WAIT, demo_app, demo_app_sized, demo_app_with, log_in, look_up, photo_shown, runtime, settled,
    wait_for,
};
use customer_lookup::testing::app::App;
use customer_lookup::testing::app::StartOptions;
use demo::DemoConfig;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use i18n::{Language, LanguageChoice, Locale, Texts, tr};
use std::collections::HashMap;
use std::time::Duration;

/// Lets the cursor stop blinking (so it is drawn steadily: 11 s on the
/// app's clock) and moves the mouse away, so the image does not depend on
/// timing.
fn steady(harness: &mut Harness<'_, App>) {
    harness.remove_cursor();
    harness.step();
    harness.state_mut().advance_clock(Duration::from_secs(11));
    harness.run_steps(4);
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
    harness.state_mut().pin_time_zone(5 * 3600 + 1800);
    log_in(&mut harness);
    look_up(&mut harness, "919800000001");
    wait_for(&mut harness, "photo", WAIT, photo_shown);
    wait_for(&mut harness, "loyalty and purchases", WAIT, settled);
    steady(&mut harness);
    harness.snapshot("profile_with_photo");
}

/// An Arabic name (three words) and city: the name reads right to left,
/// on the right of its column, the Arabic city in the details.
#[test]
fn profile_with_arabic_name() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    harness.state_mut().pin_time_zone(4 * 3600);
    log_in(&mut harness);
    look_up(&mut harness, "919800000015");
    wait_for(&mut harness, "photo", WAIT, photo_shown);
    wait_for(&mut harness, "loyalty and purchases", WAIT, settled);
    steady(&mut harness);
    harness.snapshot("profile_with_arabic_name");
}

/// The app in `language` (as the login panel or the policy would set it).
fn app_in(language: Language) -> Harness<'static, App> {
    demo_app_with(
        DemoConfig::default(),
        StartOptions {
            demo: true,
            language: Some(LanguageChoice::Language(language)),
            ..StartOptions::default()
        },
    )
}

/// Signs in and looks `identifier` up in the app's own language.
fn look_up_in(harness: &mut Harness<'_, App>, language: Language, identifier: &str) {
    let texts = Texts::new(Locale::new(language, None));
    log_in(harness);
    harness
        .get_by_label(&texts.msg(customer_lookup::testing::ui::INPUT_LABEL))
        .type_text(identifier);
    harness.step();
    harness.key_press(egui::Key::Enter);
    harness.step();
    wait_for(harness, "photo", WAIT, photo_shown);
    wait_for(harness, "loyalty and purchases", WAIT, settled);
}

/// The first screen in Arabic, mirrored: the photo on the right, the name
/// and every line against the right edge, the top bar reversed; the photo
/// itself is not mirrored (its pixels are checked in
/// `photo_pixels_belong_to_the_customer_on_screen`).
#[test]
fn first_screen_in_arabic() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = app_in(Language::Arabic);
    harness.state_mut().pin_time_zone(4 * 3600);
    look_up_in(&mut harness, Language::Arabic, "919800000015");
    steady(&mut harness);
    harness.snapshot("first_screen_arabic");
    let ar = Texts::new(Locale::new(Language::Arabic, None));
    let width = 1000.0;
    let photo = harness
        .get_by_label(&ar.msg(customer_lookup::testing::ui::PHOTO_LABEL))
        .rect();
    assert!(
        photo.right() > width - 40.0,
        "photo not on the right: {photo:?}"
    );
    let name = harness
        .get_all_by_label("يوسف عبد الله")
        .map(|node| node.rect())
        .find(|rect| rect.top() > 60.0)
        .expect("the name on screen");
    assert!(
        name.right() < photo.left() && name.right() > photo.left() - 60.0,
        "{name:?}"
    );
    let app_name = harness.get_by_label(&tr!(ar, "app-name")).rect();
    let log_out = harness.get_by_label(&tr!(ar, "log-out")).rect();
    assert!(app_name.left() > width / 2.0 && log_out.right() < width / 2.0);
    harness.get_by_label(&tr!(ar, "points", count = 2300));
}

/// The first screen in Hindi, with Devanagari labels beside a Devanagari
/// name.
#[test]
fn first_screen_in_hindi() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = app_in(Language::Hindi);
    harness.state_mut().pin_time_zone(5 * 3600 + 1800);
    look_up_in(&mut harness, Language::Hindi, "919800000002");
    steady(&mut harness);
    let hi = Texts::new(Locale::new(Language::Hindi, Some("IN")));
    harness.get_by_label(&tr!(hi, "card-active"));
    harness.get_by_label(&tr!(hi, "purchases"));
    harness.snapshot("first_screen_hindi");
}

/// The first screen at the three window sizes of store workstations: photo,
/// name, badges, tier and points (two programs) and the last purchases with
/// no scrolling, and the details in a column beside them (at 1040 points
/// wide and up; narrower, they follow below).
#[test]
fn first_screen_at_three_window_sizes() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut results = egui_kittest::SnapshotResults::new();
    for (width, height) in [(1040.0, 720.0), (1366.0, 768.0), (1920.0, 1080.0)] {
        let mut harness = demo_app_sized(DemoConfig::default(), [width, height]);
        // India (UTC+5:30) whatever this machine's zone: the snapshot's
        // purchase times are the same everywhere.
        harness.state_mut().pin_time_zone(5 * 3600 + 1800);
        log_in(&mut harness);
        look_up(&mut harness, "918877665544");
        wait_for(&mut harness, "photo", WAIT, photo_shown);
        wait_for(&mut harness, "loyalty and purchases", WAIT, settled);
        steady(&mut harness);
        for on_first_screen in ["Silver", "1,250 points", "Partner Miles", "18,450 points"] {
            let on_screen = harness
                .get_all_by_label(on_first_screen)
                .any(|node| node.rect().bottom() < height);
            assert!(
                on_screen,
                "{on_first_screen} below the fold at {width}×{height}"
            );
        }
        let purchases_on_screen = ["Demo Store 1, MG Road", "Demo Store 7, Airport"]
            .iter()
            .flat_map(|store| harness.get_all_by_label(store).collect::<Vec<_>>())
            .filter(|node| node.rect().bottom() < height)
            .count();
        assert_eq!(
            purchases_on_screen, 3,
            "the last 3 purchases at {width}×{height}"
        );
        // The details sit in the column beside the photo and the first
        // screen (the right half of the window), not below the fold.
        for detail in ["565039505", "tom.sawyer@example.com", "Bangalore"] {
            let beside = harness.get_all_by_label(detail).any(|node| {
                let rect = node.rect();
                rect.bottom() < height && rect.left() > width / 2.0
            });
            assert!(
                beside,
                "{detail} is not beside the photo at {width}×{height}"
            );
        }
        harness.snapshot(format!("first_screen_{width}x{height}"));
        results.extend_harness(&mut harness);
    }
    results.unwrap();
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

/// The photo dialog's crop preview of a pasted landscape picture: the
/// portrait frame, centred, the rest dimmed, and its buttons.
#[test]
fn photo_crop_preview() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    harness.state_mut().pin_time_zone(5 * 3600 + 1800);
    log_in(&mut harness);
    look_up(&mut harness, "919800000001");
    wait_for(&mut harness, "photo", WAIT, photo_shown);
    wait_for(&mut harness, "loyalty and purchases", WAIT, settled);
    let picture = support::photos::detailed(1600, 1200);
    harness.event(egui::Event::PasteImage(std::sync::Arc::new(
        egui::ColorImage::from_rgba_unmultiplied([1600, 1200], picture.as_raw()),
    )));
    wait_for(&mut harness, "the preview", WAIT, |app| {
        matches!(
            app.state().photo_edit.as_ref().map(|e| &e.stage),
            Some(customer_lookup::testing::state::PhotoEditStage::Cropping(_))
        )
    });
    steady(&mut harness);
    harness.snapshot("photo_crop_preview");
}

/// The name suggestions for "Sawyer": two customers with their faces, what
/// matched and the masked mobile, the first highlighted with ↓.
#[test]
fn name_suggestions() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    harness.event(egui::Event::Text("Sawyer".to_owned()));
    harness.step();
    wait_for(&mut harness, "suggestions with thumbnails", WAIT, |app| {
        let search = &app.state().search;
        search.suggestions.len() == 2
            && search.suggestions.iter().all(|s| {
                s.mobile.is_some()
                    && matches!(
                        s.photo,
                        customer_lookup::testing::state::PhotoSlot::Shown(_)
                    )
            })
    });
    harness.key_press(egui::Key::ArrowDown);
    harness.run_steps(2);
    steady(&mut harness);
    harness.snapshot("name_suggestions");
}

/// The enrolment form after Enter with a short mobile and a broken email:
/// each mistake beside its field, the focus on the first.
#[test]
fn enrol_form_with_errors() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    look_up(&mut harness, "12345");
    wait_for(&mut harness, "not found", WAIT, settled);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    harness.run_steps(2);
    harness.event(egui::Event::Text("Huck".to_owned()));
    harness.run_steps(1);
    harness.get_by_label("Email").focus();
    harness.run_steps(1);
    harness.event(egui::Event::Text("huck@finn".to_owned()));
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    steady(&mut harness);
    harness.snapshot("enrol_form_with_errors");
}
