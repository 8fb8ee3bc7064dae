//! Finding a customer by name in the one box, through the whole app
//! against the demo tenant, with the keyboard only: suggestions with faces
//! after a pause in typing, ↓/↑ and Enter, Esc, and an org without search.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use crate::support::ui::{WAIT, demo_app, log_in, settled, shown_customer_id, wait_for};
use customer_lookup::testing::app::App;
use customer_lookup::testing::state::{PhotoSlot, ProfileState, SearchStatus};
use demo::DemoConfig;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use std::time::Duration;

const TOM: i64 = 565_039_505;
const SID: i64 = 565_039_613;

/// Types `text` one key at a time, as a person does (each key a frame).
fn type_keys(harness: &mut Harness<'_, App>, text: &str) {
    for c in text.chars() {
        harness.event(egui::Event::Text(c.to_string()));
        harness.step();
    }
}

/// Presses `key`, then draws the frame that shows what it did.
fn press(harness: &mut Harness<'_, App>, key: egui::Key) {
    harness.key_press(key);
    harness.run_steps(2);
}

/// Whether the suggestion of this name is the highlighted one, as a
/// screen reader is told.
fn highlighted(harness: &Harness<'_, App>, name: &str) -> bool {
    let node = harness.get_by_role_and_label(egui::accesskit::Role::Button, name);
    node.accesskit_node().toggled() == Some(egui::accesskit::Toggled::True)
}

fn searches(harness: &Harness<'_, App>) -> u64 {
    harness
        .state()
        .demo_server()
        .map_or(0, |demo| demo.stats().search_requests)
}

/// Every suggestion has its record and a final thumbnail.
fn suggestions_settled(app: &App) -> bool {
    let search = &app.state().search;
    search.is_open()
        && search
            .suggestions
            .iter()
            .all(|s| s.customer.is_some() && !matches!(s.photo, PhotoSlot::Loading))
}

fn suggested_ids(app: &App) -> Vec<i64> {
    app.state()
        .search
        .suggestions
        .iter()
        .map(|s| s.customer_id)
        .collect()
}

#[test]
fn a_name_shows_faces_to_choose_from_and_enter_opens_the_chosen_one() {
    let rt = crate::support::ui::runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    type_keys(&mut harness, "sawyer");
    wait_for(&mut harness, "suggestions", WAIT, suggestions_settled);
    assert_eq!(suggested_ids(harness.state()), [TOM, SID]);
    assert_eq!(searches(&harness), 1, "one search for one typing pause");
    for suggestion in &harness.state().state().search.suggestions {
        assert!(
            matches!(suggestion.photo, PhotoSlot::Shown(_)),
            "{}: {:?}",
            suggestion.name,
            suggestion.photo
        );
    }
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "Tom Sawyer");
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "Sid Sawyer");
    harness.get_by_label_contains("•••• 5544");
    harness.get_by_label_contains("•••• 0013");
    assert_eq!(
        harness
            .query_all_by_label_contains("last name Sawyer")
            .count(),
        2
    );
    // The box keeps the focus; the first ↓ selects the first.
    assert!(harness.get_by_label("Customer identifier").is_focused());
    press(&mut harness, egui::Key::ArrowDown);
    assert!(highlighted(&harness, "Tom Sawyer"));
    assert!(!highlighted(&harness, "Sid Sawyer"));
    press(&mut harness, egui::Key::ArrowDown);
    assert!(highlighted(&harness, "Sid Sawyer"));
    press(&mut harness, egui::Key::Enter);
    wait_for(&mut harness, "Sid's profile", WAIT, settled);
    assert_eq!(shown_customer_id(harness.state()), Some(SID));
    let ProfileState::Loaded(profile) = &harness.state().state().profile else {
        unreachable!()
    };
    assert!(matches!(profile.photo, PhotoSlot::Shown(_)), "{profile:?}");
    assert!(
        matches!(
            profile.loyalty,
            customer_lookup::testing::state::Panel::Ready(_)
        ),
        "{:?}",
        profile.loyalty
    );
    let state = harness.state().state();
    assert!(state.lookup.input.is_empty(), "ready for the next customer");
    assert!(!state.search.is_open());
    assert!(harness.get_by_label("Customer identifier").is_focused());
}

#[test]
fn typing_on_cancels_the_search_in_flight_and_only_the_newest_answer_shows() {
    let rt = crate::support::ui::runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig {
        search_delay: Duration::from_millis(700),
        ..DemoConfig::default()
    });
    log_in(&mut harness);
    type_keys(&mut harness, "Tom");
    wait_for(&mut harness, "the first search sent", WAIT, |app| {
        app.demo_server().unwrap().stats().search_requests == 1
    });
    // "Tom" is in flight; the cashier types on.
    type_keys(&mut harness, " S");
    wait_for(&mut harness, "suggestions", WAIT, suggestions_settled);
    let search = &harness.state().state().search;
    assert_eq!(search.answered.as_ref().unwrap().as_str(), "Tom S");
    assert_eq!(suggested_ids(harness.state()), [TOM]);
    assert_eq!(searches(&harness), 2);
    // The dropped answer never turns up later either.
    std::thread::sleep(Duration::from_millis(800));
    harness.run_steps(3);
    assert_eq!(
        harness
            .state()
            .state()
            .search
            .answered
            .as_ref()
            .unwrap()
            .as_str(),
        "Tom S"
    );
}

#[test]
fn esc_closes_the_list_then_clears_and_enter_alone_looks_the_text_up() {
    let rt = crate::support::ui::runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    type_keys(&mut harness, "Sawyer");
    wait_for(&mut harness, "suggestions", WAIT, suggestions_settled);
    press(&mut harness, egui::Key::Escape);
    let state = harness.state().state();
    assert!(!state.search.is_open(), "Esc closes the list");
    assert_eq!(state.lookup.input, "Sawyer", "and keeps the text");
    assert!(harness.query_by_label("Sid Sawyer").is_none());
    harness.run_steps(2);
    assert!(harness.get_by_label("Customer identifier").is_focused());
    // Enter with nothing highlighted does what it always did.
    press(&mut harness, egui::Key::Enter);
    wait_for(&mut harness, "the identifier lookup", WAIT, settled);
    let ProfileState::Failed { message } = &harness.state().state().profile else {
        panic!("{:?}", harness.state().state().profile)
    };
    assert!(
        message.contains("No customer found for Sawyer"),
        "{message}"
    );
    assert!(message.contains("by name"), "{message}");
    // A second Esc (no list) clears as before.
    type_keys(&mut harness, "Sid");
    wait_for(&mut harness, "suggestions", WAIT, suggestions_settled);
    press(&mut harness, egui::Key::Escape);
    press(&mut harness, egui::Key::Escape);
    let state = harness.state().state();
    assert!(state.lookup.input.is_empty());
    assert!(matches!(state.profile, ProfileState::Empty));
}

#[test]
fn names_in_any_script_are_found_as_typed() {
    let rt = crate::support::ui::runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    for (typed, customer_id) in [
        ("प्रिया", 565_039_602),
        ("ليلى", 565_039_605),
        ("美玲", 565_039_604),
        ("கார்த்", 565_039_606),
        ("becky th", 565_039_614),
    ] {
        type_keys(&mut harness, typed);
        wait_for(&mut harness, typed, WAIT, suggestions_settled);
        assert_eq!(suggested_ids(harness.state()), [customer_id], "{typed}");
        press(&mut harness, egui::Key::Escape);
        press(&mut harness, egui::Key::Escape);
    }
}

#[test]
fn an_org_without_search_is_told_once_and_lookups_keep_working() {
    let rt = crate::support::ui::runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig {
        search_enabled: false,
        ..DemoConfig::default()
    });
    log_in(&mut harness);
    type_keys(&mut harness, "Becky");
    wait_for(&mut harness, "the answer", WAIT, |app| {
        app.state().search.unavailable
    });
    harness.get_by_label_contains("Name search is not available for this organisation");
    assert_eq!(
        harness.state().state().search.status,
        SearchStatus::Idle,
        "not an error on every key"
    );
    // More typing asks nothing more.
    type_keys(&mut harness, " Thatcher");
    std::thread::sleep(Duration::from_millis(600));
    harness.run_steps(5);
    assert_eq!(searches(&harness), 1);
    // Identifier lookups are unaffected.
    harness.get_by_label("Customer identifier").type_text("");
    press(&mut harness, egui::Key::Escape);
    type_keys(&mut harness, "DEMO0001");
    press(&mut harness, egui::Key::Enter);
    wait_for(&mut harness, "Asha", WAIT, settled);
    assert_eq!(shown_customer_id(harness.state()), Some(565_039_601));
    type_keys(&mut harness, "Asha");
    std::thread::sleep(Duration::from_millis(600));
    harness.run_steps(5);
    assert_eq!(searches(&harness), 1, "not asked again this session");
}

/// The text changes while records and thumbnails are in flight on a
/// network whose answers overtake each other: the list ends up with the
/// last text's customers, each with their own face (Tom's red shirt and
/// blue background never appear beside Sid's name).
#[test]
fn thumbnails_never_land_on_another_suggestion_while_the_text_changes() {
    let rt = crate::support::ui::runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig {
        jitter: Duration::from_millis(300),
        ..DemoConfig::default()
    });
    log_in(&mut harness);
    for (text, pause_ms) in [("Saw", 400), ("Tom", 350), ("Sawy", 450), ("Sid", 500)] {
        let typed = harness.state().state().lookup.input.chars().count();
        for _ in 0..typed {
            press(&mut harness, egui::Key::Backspace);
        }
        type_keys(&mut harness, text);
        let started = std::time::Instant::now();
        while started.elapsed() < Duration::from_millis(pause_ms) {
            harness.step();
            std::thread::sleep(Duration::from_millis(10));
        }
    }
    wait_for(&mut harness, "Sid's suggestion", WAIT, suggestions_settled);
    assert_eq!(suggested_ids(harness.state()), [SID]);
    harness.remove_cursor();
    harness.run_steps(2);
    let image = harness.render().unwrap();
    let sid_shirt = crate::support::photos::count_near(&image, [60, 140, 200], 12);
    let tom_shirt = crate::support::photos::count_near(&image, [200, 60, 50], 12);
    assert!(
        sid_shirt > 30,
        "Sid's thumbnail is not on screen ({sid_shirt} px)"
    );
    assert_eq!(tom_shirt, 0, "Tom's photo is on screen beside Sid's name");
}

#[test]
fn a_click_on_a_suggestion_opens_that_customer() {
    let rt = crate::support::ui::runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    type_keys(&mut harness, "Sawyer");
    wait_for(&mut harness, "suggestions", WAIT, suggestions_settled);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Sid Sawyer")
        .click();
    harness.run_steps(2);
    wait_for(&mut harness, "Sid's profile", WAIT, settled);
    assert_eq!(shown_customer_id(harness.state()), Some(SID));
    assert!(!harness.state().state().search.is_open());
}
