//! The UI's language: chosen on the login panel (and kept), pinned by the
//! organisation, or the workstation's; Arabic mirrored; numbers grouped as
//! the locale does. Against the demo tenant.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use crate::support::ui::{
    MemoryStorage, WAIT, demo_app_with, log_in, photo_shown, runtime, settled, wait_for,
};
use customer_lookup::policy::Policy;
use customer_lookup::testing::app::{App, StartOptions};
use demo::DemoConfig;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use i18n::{Language, LanguageChoice, Locale, Texts, tr};

fn app(options: StartOptions) -> Harness<'static, App> {
    demo_app_with(
        DemoConfig::default(),
        StartOptions {
            demo: true,
            ..options
        },
    )
}

fn texts(language: Language) -> Texts {
    Texts::new(Locale::new(language, None))
}

#[test]
fn the_language_chosen_on_the_login_panel_is_used_and_kept() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = app(StartOptions::default());
    harness.run_steps(2);
    harness.get_by_label("Sign in");
    harness.get_by_label("Language").click();
    harness.run_steps(2);
    harness.get_by_label("العربية").click();
    harness.run_steps(3);
    let arabic = texts(Language::Arabic);
    harness.get_by_label(&tr!(arabic, "sign-in"));
    assert!(harness.query_by_label("Sign in").is_none());
    assert_eq!(
        harness.state().state().settings.language,
        LanguageChoice::Language(Language::Arabic)
    );
    // Mirrored: the app's name on the right of the top bar.
    let name = harness.get_by_label(&tr!(arabic, "app-name")).rect();
    assert!(name.left() > 500.0, "{name:?}");

    // Kept over a restart.
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    let ctx = egui::Context::default();
    let restarted = App::new(&ctx, Some(&storage), StartOptions::default());
    assert_eq!(restarted.state().texts.language(), Language::Arabic);
}

#[test]
fn a_pinned_language_wins_and_cannot_be_changed() {
    let rt = runtime();
    let _entered = rt.enter();
    let policy = Policy {
        language: Some(Language::Hindi),
        ..Policy::default()
    };
    let mut harness = app(StartOptions {
        language: Some(LanguageChoice::Language(Language::Arabic)),
        policy: Ok(policy),
        ..StartOptions::default()
    });
    harness.run_steps(2);
    let hindi = texts(Language::Hindi);
    harness.get_by_label(&tr!(hindi, "sign-in"));
    let label = tr!(hindi, "language");
    let selector = harness.get_by_label(&label);
    assert!(selector.accesskit_node().is_disabled());
    assert!(
        harness
            .query_all_by_label(&tr!(hindi, "pinned"))
            .next()
            .is_some()
    );
    assert_eq!(harness.state().state().texts.language(), Language::Hindi);
}

#[test]
fn the_workstations_locale_is_followed_with_its_number_grouping() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = app(StartOptions {
        workstation_locale: Locale::parse("hi_IN.UTF-8"),
        ..StartOptions::default()
    });
    harness.run_steps(2);
    let hindi = Texts::new(Locale::parse("hi_IN").unwrap());
    harness.get_by_label(&tr!(hindi, "sign-in"));
    // The selector names what "this computer's language" is.
    let workstation = tr!(hindi, "language-workstation", language = "हिन्दी");
    harness.get_by_value(&workstation);
    log_in(&mut harness);
    harness
        .get_by_label(&tr!(hindi, "lookup-input"))
        .type_text("919800000002");
    harness.step();
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "Priya", WAIT, photo_shown);
    wait_for(&mut harness, "loyalty", WAIT, settled);
    // 23,000 points either way; the Indian grouping shows from a lakh.
    harness.get_by_label(&tr!(hindi, "points", count = 23_000));
    assert_eq!(hindi.number(2_345_678.0), "23,45,678");
    assert_eq!(
        harness.state().state().texts.number(2_345_678.0),
        "23,45,678"
    );
}

#[test]
fn an_unknown_workstation_language_falls_back_to_english() {
    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = app(StartOptions {
        workstation_locale: Locale::parse("fr_FR.UTF-8"),
        ..StartOptions::default()
    });
    harness.run_steps(2);
    harness.get_by_label("Sign in");
    harness.get_by_value("This computer's language (English)");
}

/// Capillary is asked for its texts in the UI's language: the `language`
/// header on every API GET (the sign-in check, the lookup).
#[test]
fn capillary_is_asked_in_the_uis_language() {
    use crate::support::ui::AtServer;
    use crate::support::{Reply, scripted};
    let rt = runtime();
    let server = rt.block_on(scripted(vec![
        Reply::json(
            404,
            r#"{"errors":[{"code":8015,"message":"Customer not found"}]}"#,
        ),
        Reply::json(
            200,
            r#"{"id":7,"profiles":[{"firstName":"Test","lastName":"Person"}],"customerImage":[]}"#,
        ),
    ]));
    let _entered = rt.enter();
    let mut harness = AtServer {
        policy: Policy {
            language: Some(Language::Arabic),
            ..Policy::default()
        },
        ..AtServer::new(&server.url())
    }
    .build();
    harness.run_steps(2);
    let arabic = texts(Language::Arabic);
    harness
        .get_by_label(&tr!(arabic, "password"))
        .type_text("till-password");
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "sign-in", WAIT, |app| {
        app.state().session.is_some()
    });
    harness
        .get_by_label(&tr!(arabic, "lookup-input"))
        .type_text("test.person@example.com");
    harness.step();
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "the customer", WAIT, |app| {
        matches!(
            app.state().profile,
            customer_lookup::testing::state::ProfileState::Loaded(_)
        )
    });
    let requests = server.requests();
    assert!(requests.len() >= 2, "{requests:?}");
    for request in requests.iter().filter(|r| r.method == "GET") {
        assert_eq!(request.header("language"), Some("ar"), "{}", request.target);
    }
}
