//! The logic with plain values: no egui context, no runtime, no HTTP.
//! Each test plays a counter's sequence of messages and checks the state
//! and the effects the runner would carry out.

use super::*;
use crate::capillary::{ErrorKind, IdentifierKind, codes, parse_customer_answer};
use crate::config::HostChoice;
use crate::secret::Secret;
use crate::state::{LoginForm, PhotoSlot, ProfileState};

const API: &str = "https://eu.api.capillarytech.com/";
const PHOTO_HOST: &str = "https://photos.example.com/";

/// The login panel on the demo tenant, locking after 300 s.
fn signed_out() -> Logic {
    let mut state = AppState::default();
    state.settings.lock_after_secs = 300;
    state.settings.country_code = "91".to_owned();
    state.settings.host = HostChoice::Demo;
    state.login = LoginForm::from_settings(&state.settings);
    Logic::new(state, Clock::stopped())
}

/// What the runner reports once the credentials were proven.
fn client_for(principal: &str) -> SignedIn {
    SignedIn {
        link: Link {
            api_origin: url::Url::parse(API).unwrap(),
            lookup_connections: 3,
        },
        principal: principal.to_owned(),
        authority: "eu.api.capillarytech.com".to_owned(),
    }
}

/// Signed in as the demo's till (its credentials are filled in).
fn signed_in() -> Logic {
    let mut logic = signed_out();
    let effects = update(&mut logic, Msg::Intent(Intent::LogIn));
    let pending = match started(&effects).as_slice() {
        [
            Work::LogIn {
                pending,
                server: Server::Demo,
                ..
            },
        ] => pending.clone(),
        other => panic!("expected a sign-in, got {other:?}"),
    };
    let result = Ok(client_for(crate::demo::DEMO_USER));
    update(
        &mut logic,
        Msg::Finished(Finished::LoggedIn { pending, result }),
    );
    assert!(
        logic.state.session.is_some(),
        "{:?}",
        logic.state.login.error
    );
    logic
}

/// A customer with a stored photo (file `photo-{id}`, version `version`).
fn customer(id: i64, name: &str, version: u32) -> Customer {
    let body = format!(
        r#"{{"id": {id}, "profiles": [{{"firstName": "{name}"}}],
            "customerImage": [{{"code": 200, "status": "true",
              "file": {{"fileHandle": "photo-{id}", "version": {version}, "name": "1/{id}/0"}},
              "secureFilePath": "{PHOTO_HOST}c/{id}.jpg?X-Amz-Expires=3600"}}]}}"#
    );
    parse_customer_answer(200, body.as_bytes()).unwrap()
}

fn without_photo(id: i64, name: &str) -> Customer {
    let body =
        format!(r#"{{"id": {id}, "profiles": [{{"firstName": "{name}"}}], "customerImage": []}}"#);
    parse_customer_answer(200, body.as_bytes()).unwrap()
}

fn not_found() -> ApiError {
    ApiError::new(ErrorKind::Capillary {
        code: codes::CUSTOMER_NOT_FOUND,
        message: String::new(),
    })
}

/// Types `text` into the lookup box and presses Enter.
fn scan(logic: &mut Logic, text: &str) -> Vec<Effect> {
    logic.state.lookup.input = text.to_owned();
    update(logic, Msg::Intent(Intent::LookUp))
}

fn started(effects: &[Effect]) -> Vec<&Work> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Start(work) => Some(work),
            _ => None,
        })
        .collect()
}

fn lookup_ticket(effects: &[Effect]) -> LookupTicket {
    match started(effects).as_slice() {
        [Work::LookUp(ticket)] => ticket.clone(),
        other => panic!("expected one lookup, got {other:?}"),
    }
}

fn photo_tickets(effects: &[Effect]) -> Vec<PhotoTicket> {
    started(effects)
        .into_iter()
        .filter_map(|w| match w {
            Work::Photo { ticket, .. } => Some(ticket.clone()),
            _ => None,
        })
        .collect()
}

/// The answer to `ticket`: the first candidate finds `found`, the others
/// find nobody.
fn found(ticket: &LookupTicket, found: Customer) -> Msg {
    let mut answers = Vec::new();
    let mut customer = Some(found);
    for lookup in &ticket.candidates {
        let answer = customer.take().ok_or_else(not_found);
        answers.push((lookup.clone(), answer));
    }
    Msg::Finished(Finished::LookedUp {
        lookup_id: ticket.lookup_id,
        answers,
    })
}

fn photo_done(ticket: &PhotoTicket, side: usize) -> Msg {
    let image = egui::ColorImage::filled([side, side], egui::Color32::RED);
    Msg::Finished(Finished::Photo {
        ticket: ticket.clone(),
        result: Ok(image),
    })
}

fn shown_name(logic: &Logic) -> Option<String> {
    logic.state.customer().and_then(Customer::display_name)
}

fn profile_photo(logic: &Logic) -> &PhotoSlot {
    match &logic.state.profile {
        ProfileState::Loaded(profile) => &profile.photo,
        other => panic!("no profile on screen: {other:?}"),
    }
}

/// Scans `text` and answers it with `who`; returns the profile photo's
/// ticket, if one was started.
fn look_up(logic: &mut Logic, text: &str, who: Customer) -> Option<PhotoTicket> {
    let ticket = lookup_ticket(&scan(logic, text));
    let effects = update(logic, found(&ticket, who));
    photo_tickets(&effects).into_iter().next()
}

// Lookups and supersession.

#[test]
fn a_scan_tries_every_candidate_at_once_and_clears_the_box() {
    let mut logic = signed_in();
    let effects = scan(&mut logic, "9800000006");
    let ticket = lookup_ticket(&effects);
    let kinds: Vec<_> = ticket.candidates.iter().map(|c| c.kind).collect();
    assert!(kinds.contains(&IdentifierKind::Mobile), "{kinds:?}");
    assert!(
        kinds.len() > 1,
        "a bare number is tried as more than one type"
    );
    assert_eq!(ticket.lookup_id, logic.state.current_lookup);
    assert!(
        logic.state.lookup.input.is_empty(),
        "ready for the next scan"
    );
    assert!(matches!(logic.state.profile, ProfileState::Loading { .. }));
}

#[test]
fn input_that_cannot_be_looked_up_stays_selected_and_asks_nothing() {
    let mut logic = signed_in();
    let effects = scan(&mut logic, "   ");
    assert!(started(&effects).is_empty(), "{effects:?}");
    assert!(matches!(logic.state.profile, ProfileState::Failed { .. }));
    assert!(logic.state.lookup.select_all);
}

#[test]
fn a_second_scan_supersedes_the_first_and_its_late_answer_is_dropped() {
    let mut logic = signed_in();
    let first = lookup_ticket(&scan(&mut logic, "9800000001"));
    let effects = scan(&mut logic, "9800000002");
    assert!(
        effects.contains(&Effect::Cancel(JobGroup::Lookup)),
        "{effects:?}"
    );
    let second = lookup_ticket(&effects);
    assert!(second.lookup_id > first.lookup_id);
    // The first answer arrives late: nothing changes.
    let late = update(&mut logic, found(&first, customer(1, "First", 1)));
    assert!(late.is_empty(), "{late:?}");
    assert!(matches!(logic.state.profile, ProfileState::Loading { .. }));
    update(&mut logic, found(&second, customer(2, "Second", 1)));
    assert_eq!(shown_name(&logic).as_deref(), Some("Second"));
}

#[test]
fn an_old_customers_photo_never_lands_on_the_new_customer() {
    let mut logic = signed_in();
    let asha_photo = look_up(&mut logic, "9800000001", customer(1, "Asha", 1)).unwrap();
    let ravi_photo = look_up(&mut logic, "9800000002", customer(2, "Ravi", 1)).unwrap();
    update(&mut logic, photo_done(&asha_photo, 8));
    assert_eq!(shown_name(&logic).as_deref(), Some("Ravi"));
    assert!(
        matches!(profile_photo(&logic), PhotoSlot::Loading),
        "Asha's photo was dropped"
    );
    update(&mut logic, photo_done(&ravi_photo, 9));
    match profile_photo(&logic) {
        PhotoSlot::Shown(pixels) => assert_eq!(pixels.size(), [9, 9], "Ravi's own photo"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_photo_loyalty_and_purchases_start_together_with_the_name() {
    let mut logic = signed_in();
    let ticket = lookup_ticket(&scan(&mut logic, "9800000001"));
    let effects = update(&mut logic, found(&ticket, customer(1, "Asha", 1)));
    assert_eq!(
        shown_name(&logic).as_deref(),
        Some("Asha"),
        "the name first"
    );
    let work = started(&effects);
    let panels: Vec<_> = work
        .iter()
        .filter_map(|w| match w {
            Work::Panel {
                kind, customer_id, ..
            } => Some((*kind, *customer_id)),
            _ => None,
        })
        .collect();
    assert_eq!(panels, [(PanelKind::Loyalty, 1), (PanelKind::Purchases, 1)]);
    let photos = photo_tickets(&effects);
    assert_eq!(photos.len(), 1);
    assert_eq!(photos[0].match_index, None, "the profile's photo");
    assert!(matches!(profile_photo(&logic), PhotoSlot::Loading));
}

#[test]
fn a_photo_seen_before_comes_from_the_cache_and_a_changed_one_does_not() {
    let mut logic = signed_in();
    let photo = look_up(&mut logic, "9800000001", customer(1, "Asha", 1)).unwrap();
    update(&mut logic, photo_done(&photo, 8));
    assert_eq!(logic.cached_photos(), 1);
    // The same stored photo again: shown at once, nothing downloaded.
    assert!(look_up(&mut logic, "9800000001", customer(1, "Asha", 1)).is_none());
    assert!(matches!(profile_photo(&logic), PhotoSlot::Shown(_)));
    // A new version of the photo (it was replaced): downloaded.
    assert!(look_up(&mut logic, "9800000001", customer(1, "Asha", 2)).is_some());
}

#[test]
fn a_customer_without_a_photo_asks_for_none() {
    let mut logic = signed_in();
    assert!(look_up(&mut logic, "9800000003", without_photo(3, "Meera")).is_none());
    assert!(matches!(profile_photo(&logic), PhotoSlot::Absent));
}

#[test]
fn panels_of_a_superseded_lookup_are_dropped() {
    let mut logic = signed_in();
    look_up(&mut logic, "9800000001", customer(1, "Asha", 1));
    let old_lookup = logic.state.current_lookup;
    look_up(&mut logic, "9800000002", customer(2, "Ravi", 1));
    let late = Msg::Finished(Finished::Panel {
        lookup_id: old_lookup,
        answer: PanelAnswer::Loyalty(Ok(Vec::new())),
    });
    update(&mut logic, late);
    let ProfileState::Loaded(profile) = &logic.state.profile else {
        panic!("no profile");
    };
    assert_eq!(profile.loyalty, crate::state::Panel::Loading, "not Asha's");
    let current = Msg::Finished(Finished::Panel {
        lookup_id: logic.state.current_lookup,
        answer: PanelAnswer::Loyalty(Ok(Vec::new())),
    });
    update(&mut logic, current);
    let ProfileState::Loaded(profile) = &logic.state.profile else {
        panic!("no profile");
    };
    assert_eq!(profile.loyalty, crate::state::Panel::Ready(Vec::new()));
}

#[test]
fn a_failed_panel_can_be_fetched_again() {
    let mut logic = signed_in();
    look_up(&mut logic, "9800000001", customer(1, "Asha", 1));
    let failed = Msg::Finished(Finished::Panel {
        lookup_id: logic.state.current_lookup,
        answer: PanelAnswer::Purchases(Err(ApiError::new(ErrorKind::Timeout))),
    });
    update(&mut logic, failed);
    let effects = update(&mut logic, Msg::Intent(Intent::Retry(PanelKind::Purchases)));
    assert!(
        matches!(
            started(&effects).as_slice(),
            [Work::Panel {
                kind: PanelKind::Purchases,
                ..
            }]
        ),
        "{effects:?}"
    );
}

#[test]
fn cancel_and_clear_drop_the_answer_in_flight() {
    for intent in [Intent::Cancel, Intent::Clear] {
        let mut logic = signed_in();
        let ticket = lookup_ticket(&scan(&mut logic, "9800000001"));
        let effects = update(&mut logic, Msg::Intent(intent));
        assert!(effects.contains(&Effect::Cancel(JobGroup::Lookup)));
        update(&mut logic, found(&ticket, customer(1, "Asha", 1)));
        assert_eq!(shown_name(&logic), None, "never shown after cancelling");
    }
}

#[test]
fn every_candidate_missing_offers_enrolment() {
    let mut logic = signed_in();
    let ticket = lookup_ticket(&scan(&mut logic, "9800000009"));
    let answers = ticket
        .candidates
        .iter()
        .map(|l| (l.clone(), Err(not_found())))
        .collect();
    update(
        &mut logic,
        Msg::Finished(Finished::LookedUp {
            lookup_id: ticket.lookup_id,
            answers,
        }),
    );
    assert!(matches!(logic.state.profile, ProfileState::Failed { .. }));
    // As tried first: the mobile, with the store's country code.
    assert_eq!(logic.state.not_found.as_deref(), Some("919800000009"));
}

#[test]
fn a_refused_session_signs_out() {
    let mut logic = signed_in();
    let ticket = lookup_ticket(&scan(&mut logic, "9800000001"));
    let answers = ticket
        .candidates
        .iter()
        .map(|l| (l.clone(), Err(ApiError::new(ErrorKind::Unauthorized))))
        .collect();
    let effects = update(
        &mut logic,
        Msg::Finished(Finished::LookedUp {
            lookup_id: ticket.lookup_id,
            answers,
        }),
    );
    assert!(effects.contains(&Effect::EndSession), "{effects:?}");
    assert!(logic.state.session.is_none());
    assert_eq!(logic.state.login.error, Some(LoginProblem::SessionRefused));
}

#[test]
fn nothing_is_looked_up_signed_out_and_signing_out_wipes_everything() {
    let mut logic = signed_in();
    let photo = look_up(&mut logic, "9800000001", customer(1, "Asha", 1)).unwrap();
    update(&mut logic, photo_done(&photo, 8));
    let effects = update(&mut logic, Msg::Intent(Intent::LogOut));
    assert_eq!(effects, [Effect::EndSession], "no keyring here to ask");
    assert_eq!(shown_name(&logic), None);
    assert!(logic.state.recent.is_empty());
    assert_eq!(logic.cached_photos(), 0, "no face kept");
    assert!(logic.state.pictures().is_empty(), "no texture wanted");
    assert!(started(&scan(&mut logic, "9800000001")).is_empty());
}

// The choice between customers.

/// Two customers for one scan: the mobile is one's, the card another's.
fn choosing(logic: &mut Logic) -> (LookupTicket, Vec<PhotoTicket>) {
    let ticket = lookup_ticket(&scan(logic, "9800000001"));
    assert!(ticket.candidates.len() >= 2);
    let mut answers: Vec<_> = ticket
        .candidates
        .iter()
        .map(|l| (l.clone(), Err(not_found())))
        .collect();
    answers[0].1 = Ok(customer(1, "Asha", 1));
    answers[1].1 = Ok(customer(2, "Ravi", 1));
    let effects = update(
        logic,
        Msg::Finished(Finished::LookedUp {
            lookup_id: ticket.lookup_id,
            answers,
        }),
    );
    (ticket, photo_tickets(&effects))
}

#[test]
fn different_customers_for_one_scan_are_a_choice_each_with_its_photo() {
    let mut logic = signed_in();
    let (_, photos) = choosing(&mut logic);
    let ProfileState::Choosing(choice) = &logic.state.profile else {
        panic!("{:?}", logic.state.profile);
    };
    assert_eq!(choice.matches.len(), 2);
    let indexes: Vec<_> = photos.iter().map(|t| t.match_index).collect();
    assert_eq!(indexes, [Some(0), Some(1)]);
    // Ravi's photo arrives first and goes to Ravi only.
    update(&mut logic, photo_done(&photos[1], 5));
    let ProfileState::Choosing(choice) = &logic.state.profile else {
        panic!("the choice stays");
    };
    assert!(matches!(choice.matches[0].photo, PhotoSlot::Loading));
    assert!(matches!(choice.matches[1].photo, PhotoSlot::Shown(_)));
}

#[test]
fn choosing_opens_that_customer_and_drops_the_others_photos() {
    let mut logic = signed_in();
    let (_, photos) = choosing(&mut logic);
    let effects = update(&mut logic, Msg::Intent(Intent::Choose(1)));
    assert!(
        effects.contains(&Effect::Cancel(JobGroup::Photos)),
        "{effects:?}"
    );
    assert_eq!(shown_name(&logic).as_deref(), Some("Ravi"));
    assert_eq!(
        photo_tickets(&effects).len(),
        1,
        "Ravi's photo for the profile"
    );
    // Asha's photo from the choice arrives late: not shown on Ravi.
    update(&mut logic, photo_done(&photos[0], 5));
    assert!(matches!(profile_photo(&logic), PhotoSlot::Loading));
}

#[test]
fn a_choice_out_of_range_changes_nothing() {
    let mut logic = signed_in();
    choosing(&mut logic);
    assert!(update(&mut logic, Msg::Intent(Intent::Choose(7))).is_empty());
    assert!(matches!(logic.state.profile, ProfileState::Choosing(_)));
}

// The idle lock and the cursor blink.

#[test]
fn the_lock_comes_at_its_deadline_with_the_window_minimised() {
    let mut logic = signed_in();
    // Minimised: no frame is drawn, so no input arrives; only ticks.
    logic.clock.advance(Duration::from_secs(299));
    let effects = update(&mut logic, Msg::Tick);
    assert!(
        effects.contains(&Effect::WakeAfter(Duration::from_secs(1))),
        "wakes for the deadline: {effects:?}"
    );
    logic.clock.advance(Duration::from_secs(1));
    let effects = update(&mut logic, Msg::Tick);
    assert!(effects.contains(&Effect::EndSession), "{effects:?}");
    assert_eq!(
        logic.state.login.error,
        Some(LoginProblem::Locked { after_secs: 300 })
    );
    assert!(
        logic.state.login.password.is_empty(),
        "asked again, even the demo's"
    );
}

#[test]
fn input_puts_the_lock_off() {
    let mut logic = signed_in();
    logic.clock.advance(Duration::from_secs(250));
    update(&mut logic, Msg::Input);
    logic.clock.advance(Duration::from_secs(100));
    let effects = update(&mut logic, Msg::Tick);
    assert!(!effects.contains(&Effect::EndSession), "{effects:?}");
}

#[test]
fn no_lock_when_switched_off_or_signed_out() {
    let mut off = signed_in();
    off.state.settings.lock_after_secs = 0;
    off.clock.advance(Duration::from_secs(3600));
    assert!(!update(&mut off, Msg::Tick).contains(&Effect::EndSession));
    let mut out = signed_in();
    update(&mut out, Msg::Intent(Intent::LogOut));
    out.clock.advance(Duration::from_secs(3600));
    assert!(!update(&mut out, Msg::Tick).contains(&Effect::EndSession));
}

#[test]
fn the_cursor_stops_blinking_when_idle_and_blinks_again_on_input() {
    let mut logic = signed_in();
    logic.clock.advance(CURSOR_BLINK);
    let effects = update(&mut logic, Msg::Tick);
    assert!(effects.contains(&Effect::CursorBlink(false)), "{effects:?}");
    assert!(!logic.cursor_blinking());
    assert!(
        !update(&mut logic, Msg::Tick).contains(&Effect::CursorBlink(false)),
        "said once"
    );
    assert_eq!(update(&mut logic, Msg::Input), [Effect::CursorBlink(true)]);
}

// Warming connections up.

fn warm_ups(effects: &[Effect]) -> Vec<(String, usize)> {
    started(effects)
        .into_iter()
        .filter_map(|w| match w {
            Work::WarmUp {
                origin,
                connections,
            } => Some((origin.to_string(), *connections)),
            _ => None,
        })
        .collect()
}

#[test]
fn connections_are_warmed_once_per_idle_period() {
    let mut logic = signed_in();
    let typed = |logic: &mut Logic| warm_ups(&update(logic, Msg::Intent(Intent::StartedTyping)));
    logic.clock.advance(Duration::from_secs(1));
    assert!(typed(&mut logic).is_empty(), "just signed in");
    logic.clock.advance(API_IDLE);
    assert_eq!(typed(&mut logic), [(API.to_owned(), 3)], "a scan's worth");
    assert!(typed(&mut logic).is_empty(), "once per idle period");
    // A lookup with a photo uses both hosts; idle again, both are warmed.
    look_up(&mut logic, "9800000001", customer(1, "Asha", 1));
    logic.clock.advance(API_IDLE.max(PHOTO_IDLE));
    assert_eq!(
        typed(&mut logic),
        [(API.to_owned(), 3), (PHOTO_HOST.to_owned(), 1)]
    );
    assert!(typed(&mut logic).is_empty());
}

#[test]
fn nothing_is_warmed_signed_out() {
    let mut logic = signed_in();
    update(&mut logic, Msg::Intent(Intent::LogOut));
    logic.clock.advance(Duration::from_secs(60));
    assert!(update(&mut logic, Msg::Intent(Intent::StartedTyping)).is_empty());
}

// A customer shown from a name suggestion's record.

#[test]
fn a_suggestions_record_is_shown_as_a_lookup_would_show_it() {
    let mut logic = signed_in();
    let pending = lookup_ticket(&scan(&mut logic, "9800000001"));
    type_name(&mut logic, "Tom");
    logic.clock.advance(TYPING_PAUSE);
    let request = search_request(&update(&mut logic, Msg::Tick));
    let answer = Finished::Search(SearchFinished::Searched {
        request,
        answer: Ok((vec![hit(5, "Tom")], Some(1))),
    });
    let effects = update(&mut logic, Msg::Finished(answer));
    let [Work::SuggestionRecord(ticket)] = started(&effects).as_slice() else {
        panic!("expected the suggestion's record to be fetched: {effects:?}");
    };
    let record = Finished::Search(SearchFinished::Record {
        ticket: *ticket,
        answer: Ok(Box::new(customer(5, "Tom", 1))),
    });
    update(&mut logic, Msg::Finished(record));
    let effects = update(
        &mut logic,
        Msg::Intent(Intent::Suggestions(SuggestionIntent::Open(0))),
    );
    assert!(effects.contains(&Effect::Cancel(JobGroup::Lookup)));
    assert_eq!(shown_name(&logic).as_deref(), Some("Tom"));
    assert_eq!(photo_tickets(&effects).len(), 1);
    update(&mut logic, found(&pending, customer(1, "Asha", 1)));
    assert_eq!(
        shown_name(&logic).as_deref(),
        Some("Tom"),
        "the scan was superseded"
    );
    assert_eq!(logic.state.recent[0].label, "Tom", "in the recent list");
}

// The photo dialog: the picture, the crop, the change and its steps.

use crate::photo_change::Replaced;
use crate::state::{PhotoEditStage, PhotoIntent, PhotoSource, SendStep, WorkingPicture};
use std::sync::Arc;

/// Asha on screen, photo changes allowed here.
fn asha_on_screen() -> Logic {
    let mut logic = signed_in();
    logic.state.settings.photo_changes = true;
    look_up(&mut logic, "9800000001", customer(1, "Asha", 1));
    logic
}

fn photo(logic: &mut Logic, intent: PhotoIntent) -> Vec<Effect> {
    update(logic, Msg::Intent(Intent::Photo(intent)))
}

fn stage(logic: &Logic) -> &PhotoEditStage {
    &logic
        .state
        .photo_edit
        .as_ref()
        .expect("the dialog is open")
        .stage
}

fn pasted(width: u32, height: u32) -> PictureInput {
    let image = egui::ColorImage::filled([width as usize, height as usize], egui::Color32::BLUE);
    PictureInput::Pasted(Arc::new(image))
}

/// Pastes a picture and answers the read with a `width`×`height` one.
fn cropping(logic: &mut Logic, width: u32, height: u32) {
    let effects = update(
        logic,
        Msg::ReadPicture(PhotoSource::Pasted, pasted(width, height)),
    );
    let ticket = match started(&effects).as_slice() {
        [Work::ReadPicture { ticket, .. }] => *ticket,
        other => panic!("{other:?}"),
    };
    assert!(matches!(
        stage(logic),
        PhotoEditStage::Reading(PhotoSource::Pasted)
    ));
    let picture = WorkingPicture::new(image::RgbaImage::new(width, height));
    let read = Finished::PhotoEdit(PhotoEditFinished::Picture {
        ticket,
        result: Some(Ok(picture)),
    });
    update(logic, Msg::Finished(read));
    assert!(matches!(stage(logic), PhotoEditStage::Cropping(_)));
}

/// Enter in the crop: the change's ticket.
fn send(logic: &mut Logic) -> PhotoEditTicket {
    let effects = photo(logic, PhotoIntent::Confirm);
    match started(&effects).as_slice() {
        [Work::ChangePhoto { ticket, change, .. }] => {
            assert!(matches!(change, PhotoChange::Replace { .. }));
            *ticket
        }
        other => panic!("{other:?}"),
    }
}

fn changed(ticket: PhotoEditTicket, result: Result<PhotoChanged, PhotoChangeError>) -> Msg {
    Msg::Finished(Finished::PhotoEdit(PhotoEditFinished::Changed {
        ticket,
        result,
    }))
}

fn replaced(replaced: Replaced) -> Result<PhotoChanged, PhotoChangeError> {
    Ok(PhotoChanged::Replaced {
        replaced,
        width: 600,
        height: 800,
        bytes: 90_000,
    })
}

/// The customer fetched again by ID.
fn refetched(effects: &[Effect]) -> bool {
    started(effects).iter().any(|w| {
        matches!(w, Work::LookUp(t) if t.candidates.len() == 1
            && t.candidates[0].kind == IdentifierKind::CustomerId
            && t.candidates[0].value == "1")
    })
}

#[test]
fn a_replacement_goes_through_its_steps_then_the_customer_is_fetched_again() {
    let mut logic = asha_on_screen();
    cropping(&mut logic, 800, 600);
    let ticket = send(&mut logic);
    assert!(matches!(
        stage(&logic),
        PhotoEditStage::Sending {
            step: SendStep::Preparing,
            crop: Some(_)
        }
    ));
    for step in [SendStep::Uploading { bytes: 90_000 }, SendStep::RemovingOld] {
        update(&mut logic, Msg::PhotoProgress(step));
        assert!(matches!(stage(&logic), PhotoEditStage::Sending { step: s, .. } if *s == step));
    }
    let effects = update(
        &mut logic,
        changed(ticket, replaced(Replaced::Only { removed: 1 })),
    );
    assert!(logic.state.photo_edit.is_none(), "the dialog closes");
    assert!(refetched(&effects), "{effects:?}");
    let (note, _) = logic.state.toast.as_ref().expect("a note");
    assert_eq!(note, "Photo replaced");
    assert_eq!(logic.cached_photos(), 0, "the old photo is forgotten");
}

#[test]
fn older_photos_that_remain_are_said_over_the_customer_fetched_again() {
    let mut logic = asha_on_screen();
    cropping(&mut logic, 800, 600);
    let ticket = send(&mut logic);
    let kept = Replaced::OldPhotosRemain {
        kept: 2,
        error: None,
    };
    let effects = update(&mut logic, changed(ticket, replaced(kept)));
    assert!(refetched(&effects));
    let edit = logic.state.photo_edit.as_ref().expect("the note stays up");
    assert_eq!(
        edit.lookup_id, logic.state.current_lookup,
        "for the new lookup"
    );
    assert!(matches!(&edit.stage, PhotoEditStage::Done(note) if note.contains('2')));
}

#[test]
fn cancelling_mid_way_fetches_the_customer_and_drops_the_late_answer() {
    let mut logic = asha_on_screen();
    cropping(&mut logic, 800, 600);
    let ticket = send(&mut logic);
    update(
        &mut logic,
        Msg::PhotoProgress(SendStep::Uploading { bytes: 1 }),
    );
    let effects = photo(&mut logic, PhotoIntent::Cancel);
    assert!(
        effects.contains(&Effect::Cancel(JobGroup::PhotoEdit)),
        "{effects:?}"
    );
    assert!(refetched(&effects), "what Capillary now holds is shown");
    assert!(logic.state.photo_edit.is_none());
    let late = update(
        &mut logic,
        changed(ticket, replaced(Replaced::Only { removed: 0 })),
    );
    assert!(late.is_empty(), "{late:?}");
    assert!(
        logic.state.toast.is_none(),
        "no note for a cancelled change"
    );
}

#[test]
fn a_refused_upload_goes_back_to_its_crop() {
    let mut logic = asha_on_screen();
    cropping(&mut logic, 800, 600);
    let ticket = send(&mut logic);
    let refused = Err(PhotoChangeError::Capillary(ApiError::new(
        ErrorKind::Timeout,
    )));
    let effects = update(&mut logic, changed(ticket, refused));
    assert!(!refetched(&effects), "nothing changed at Capillary");
    assert!(matches!(
        stage(&logic),
        PhotoEditStage::Failed { crop: Some(_), .. }
    ));
    photo(&mut logic, PhotoIntent::Confirm);
    assert!(
        matches!(stage(&logic), PhotoEditStage::Cropping(_)),
        "Enter goes back"
    );
}

#[test]
fn removing_asks_first_then_sends_a_removal() {
    let mut logic = asha_on_screen();
    assert!(started(&photo(&mut logic, PhotoIntent::AskRemove)).is_empty());
    assert!(matches!(stage(&logic), PhotoEditStage::ConfirmRemove));
    let effects = photo(&mut logic, PhotoIntent::Confirm);
    assert!(
        matches!(
            started(&effects).as_slice(),
            [Work::ChangePhoto {
                change: PhotoChange::Remove,
                ..
            }]
        ),
        "{effects:?}"
    );
    assert!(matches!(
        stage(&logic),
        PhotoEditStage::Sending {
            step: SendStep::Removing,
            ..
        }
    ));
}

#[test]
fn turning_swaps_the_crops_sides_and_the_turn_is_sent_with_it() {
    let mut logic = asha_on_screen();
    cropping(&mut logic, 800, 600);
    assert!(
        photo(&mut logic, PhotoIntent::Rotate).is_empty(),
        "no job: only the drawing turns"
    );
    let PhotoEditStage::Cropping(crop) = stage(&logic) else {
        panic!("cropping");
    };
    assert_eq!((crop.turns, crop.size()), (1, (600, 800)));
    let effects = photo(&mut logic, PhotoIntent::Confirm);
    match started(&effects).as_slice() {
        [
            Work::ChangePhoto {
                change: PhotoChange::Replace { turns, crop, .. },
                ..
            },
        ] => {
            assert_eq!(*turns, 1);
            assert!(
                crop.x + crop.width <= 600 && crop.y + crop.height <= 800,
                "{crop:?}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_picture_read_for_another_customer_is_dropped() {
    let mut logic = asha_on_screen();
    let effects = update(
        &mut logic,
        Msg::ReadPicture(PhotoSource::Pasted, pasted(800, 600)),
    );
    let [Work::ReadPicture { ticket, .. }] = started(&effects).as_slice() else {
        panic!("{effects:?}");
    };
    let ticket = *ticket;
    photo(&mut logic, PhotoIntent::Cancel);
    look_up(&mut logic, "9800000002", customer(2, "Ravi", 1));
    let picture = WorkingPicture::new(image::RgbaImage::new(800, 600));
    let late = Finished::PhotoEdit(PhotoEditFinished::Picture {
        ticket,
        result: Some(Ok(picture)),
    });
    update(&mut logic, Msg::Finished(late));
    assert!(
        logic.state.photo_edit.is_none(),
        "Ravi gets no dialog with Asha's picture"
    );
}

#[test]
fn the_camera_opens_shows_frames_in_one_picture_and_is_released_once_taken() {
    let mut logic = asha_on_screen();
    let effects = photo(&mut logic, PhotoIntent::TakePhoto);
    let [Work::ListCameras { ticket, index: 0 }] = started(&effects).as_slice() else {
        panic!("{effects:?}");
    };
    let listed = Finished::PhotoEdit(PhotoEditFinished::CamerasListed {
        ticket: *ticket,
        index: 0,
        result: Ok(vec!["Front".to_owned()]),
    });
    assert_eq!(
        update(&mut logic, Msg::Finished(listed)),
        [Effect::OpenCamera(0)]
    );
    let frame = || Ok(WorkingPicture::new(image::RgbaImage::new(640, 480)));
    update(&mut logic, Msg::CameraFrame(frame()));
    let first = logic.state.pictures()[0].clone();
    update(&mut logic, Msg::CameraFrame(frame()));
    let second = logic.state.pictures()[0].clone();
    assert_eq!(first.id(), second.id(), "one texture, updated in place");
    assert_ne!(first, second, "with the new frame's pixels");
    let effects = photo(&mut logic, PhotoIntent::Confirm);
    assert_eq!(effects, [Effect::CloseCamera], "taken: the camera goes");
    let PhotoEditStage::Cropping(crop) = stage(&logic) else {
        panic!("cropping the frame");
    };
    assert_eq!(crop.source, PhotoSource::Camera);
    assert_eq!(crop.preview.id(), first.id(), "the frame's texture stays");
}

#[test]
fn no_file_chosen_closes_the_dialog_with_the_other_ways_in() {
    let mut logic = asha_on_screen();
    let effects = photo(&mut logic, PhotoIntent::ChooseFile);
    let [Work::ChoosePicture { ticket }] = started(&effects).as_slice() else {
        panic!("{effects:?}");
    };
    let none = Finished::PhotoEdit(PhotoEditFinished::Picture {
        ticket: *ticket,
        result: None,
    });
    let effects = update(&mut logic, Msg::Finished(none));
    assert!(logic.state.photo_edit.is_none());
    assert!(
        logic.state.toast.is_some(),
        "says how else a photo comes in"
    );
    assert!(
        effects.iter().any(|e| matches!(e, Effect::WakeAfter(_))),
        "and goes away"
    );
}

#[test]
fn photo_changes_switched_off_offer_nothing() {
    let mut logic = asha_on_screen();
    logic.state.settings.photo_changes = false;
    let effects = update(
        &mut logic,
        Msg::ReadPicture(PhotoSource::Pasted, pasted(800, 600)),
    );
    assert!(started(&effects).is_empty(), "{effects:?}");
    assert!(photo(&mut logic, PhotoIntent::TakePhoto).is_empty());
    assert!(logic.state.photo_edit.is_none());
}

// Finding a customer by name.

use crate::capillary::SearchHit;
use crate::state::{EnrolIntent, SearchRequest, SuggestionIntent, TYPING_PAUSE};

fn hit(id: i64, first: &str) -> SearchHit {
    serde_json::from_str(&format!(
        r#"{{"userId": {id}, "profiles": [{{"firstName": "{first}", "lastName": "Sawyer"}}]}}"#
    ))
    .unwrap()
}

/// Types `text` (as the UI reports a change of the box).
fn type_name(logic: &mut Logic, text: &str) -> Vec<Effect> {
    logic.state.lookup.input = text.to_owned();
    update(logic, Msg::Intent(Intent::Typed))
}

fn search_request(effects: &[Effect]) -> SearchRequest {
    match started(effects).as_slice() {
        [Work::Search(request)] => request.clone(),
        other => panic!("expected a search, got {other:?}"),
    }
}

#[test]
fn a_name_is_searched_once_after_the_typing_pause() {
    let mut logic = signed_in();
    let effects = type_name(&mut logic, "Tom");
    assert!(started(&effects).is_empty(), "nothing asked while typing");
    assert!(
        effects.contains(&Effect::WakeAfter(TYPING_PAUSE)),
        "wakes at the pause"
    );
    logic.clock.advance(TYPING_PAUSE / 2);
    let early = update(&mut logic, Msg::Tick);
    assert!(started(&early).is_empty(), "{early:?}");
    logic.clock.advance(TYPING_PAUSE);
    let request = search_request(&update(&mut logic, Msg::Tick));
    assert_eq!(request.query.as_str(), "Tom");
    assert!(
        started(&update(&mut logic, Msg::Tick)).is_empty(),
        "sent once"
    );
}

#[test]
fn suggestions_arrive_with_records_then_thumbnails_and_open_without_asking_again() {
    let mut logic = signed_in();
    type_name(&mut logic, "Tom");
    logic.clock.advance(TYPING_PAUSE);
    let request = search_request(&update(&mut logic, Msg::Tick));
    let answer = Finished::Search(SearchFinished::Searched {
        request,
        answer: Ok((vec![hit(5, "Tom"), hit(6, "Tommy")], Some(2))),
    });
    let effects = update(&mut logic, Msg::Finished(answer));
    let records: Vec<SuggestionTicket> = started(&effects)
        .into_iter()
        .filter_map(|w| match w {
            Work::SuggestionRecord(ticket) => Some(*ticket),
            _ => None,
        })
        .collect();
    assert_eq!(
        records.iter().map(|t| t.customer_id).collect::<Vec<_>>(),
        [5, 6]
    );
    let record = Finished::Search(SearchFinished::Record {
        ticket: records[0],
        answer: Ok(Box::new(customer(5, "Tom", 1))),
    });
    let effects = update(&mut logic, Msg::Finished(record));
    let thumbnail = match started(&effects).as_slice() {
        [
            Work::Thumbnail {
                ticket, frame_px, ..
            },
        ] => {
            assert_eq!(*frame_px, thumbnail_px(1.0));
            ticket.clone()
        }
        other => panic!("{other:?}"),
    };
    let image = egui::ColorImage::filled([4, 4], egui::Color32::GREEN);
    let done = Finished::Search(SearchFinished::Thumbnail {
        ticket: thumbnail,
        result: Ok(image),
    });
    update(&mut logic, Msg::Finished(done));
    assert!(matches!(
        logic.state.search.suggestions[0].photo,
        PhotoSlot::Shown(_)
    ));
    assert!(matches!(
        logic.state.search.suggestions[1].photo,
        PhotoSlot::Loading
    ));
    // Enter on Tom: shown from the record, nothing looked up again.
    update(
        &mut logic,
        Msg::Intent(Intent::Suggestions(SuggestionIntent::Next)),
    );
    let effects = update(
        &mut logic,
        Msg::Intent(Intent::Suggestions(SuggestionIntent::Open(0))),
    );
    assert!(
        !started(&effects)
            .iter()
            .any(|w| matches!(w, Work::LookUp(_))),
        "{effects:?}"
    );
    assert_eq!(shown_name(&logic).as_deref(), Some("Tom"));
}

#[test]
fn an_answer_for_text_since_changed_is_dropped() {
    let mut logic = signed_in();
    type_name(&mut logic, "Tom");
    logic.clock.advance(TYPING_PAUSE);
    let old = search_request(&update(&mut logic, Msg::Tick));
    let effects = type_name(&mut logic, "Tom Saw");
    assert!(
        effects.contains(&Effect::Cancel(JobGroup::Search)),
        "{effects:?}"
    );
    let late = Finished::Search(SearchFinished::Searched {
        request: old,
        answer: Ok((vec![hit(5, "Tom")], Some(1))),
    });
    assert!(update(&mut logic, Msg::Finished(late)).is_empty());
    assert!(
        logic.state.search.suggestions.is_empty(),
        "not Tom's list under Tom Saw"
    );
}

// Enrolment.

#[test]
fn a_customer_nobody_matched_is_enrolled_once_and_opened_by_id() {
    let mut logic = signed_in();
    logic.state.settings.enrolment = true;
    logic.state.not_found = Some("919800000042".to_owned());
    update(&mut logic, Msg::Intent(Intent::Enrol(EnrolIntent::Open)));
    let dialog = logic.state.enrol.as_mut().expect("the form opens");
    dialog.form.first_name = "Nila".to_owned();
    let effects = update(&mut logic, Msg::Intent(Intent::Enrol(EnrolIntent::Submit)));
    match started(&effects).as_slice() {
        [Work::Enrol { enrolment, till }] => {
            assert_eq!(
                enrolment.mobile.as_deref(),
                Some("919800000042"),
                "the number looked up"
            );
            assert_eq!(till, "demo.till");
        }
        other => panic!("{other:?}"),
    }
    let again = update(&mut logic, Msg::Intent(Intent::Enrol(EnrolIntent::Submit)));
    assert!(started(&again).is_empty(), "a double Enter enrols once");
    let enrolled = crate::capillary::Enrolled {
        customer_id: 42,
        warnings: Vec::new(),
        rewards: Vec::new(),
    };
    let effects = update(&mut logic, Msg::Finished(Finished::Enrolled(Ok(enrolled))));
    assert!(logic.state.enrol.is_none());
    let ticket = lookup_ticket(&effects);
    assert_eq!(ticket.candidates[0].value, "42", "opened by the new ID");
    assert!(logic.state.focus_take_photo, "Take photo… next");
}

#[test]
fn an_enrolment_answer_after_cancelling_is_dropped() {
    let mut logic = signed_in();
    logic.state.settings.enrolment = true;
    logic.state.not_found = Some("919800000042".to_owned());
    update(&mut logic, Msg::Intent(Intent::Enrol(EnrolIntent::Open)));
    logic.state.enrol.as_mut().unwrap().form.first_name = "Nila".to_owned();
    update(&mut logic, Msg::Intent(Intent::Enrol(EnrolIntent::Submit)));
    let effects = update(&mut logic, Msg::Intent(Intent::Enrol(EnrolIntent::Cancel)));
    assert!(effects.contains(&Effect::Cancel(JobGroup::Enrol)));
    let enrolled = crate::capillary::Enrolled {
        customer_id: 42,
        warnings: Vec::new(),
        rewards: Vec::new(),
    };
    assert!(update(&mut logic, Msg::Finished(Finished::Enrolled(Ok(enrolled)))).is_empty());
    assert_eq!(shown_name(&logic), None);
}

// Signing in and "Remember password".

#[test]
fn a_refused_sign_in_keeps_the_username_and_asks_the_password_again() {
    let mut logic = signed_out();
    let effects = update(&mut logic, Msg::Intent(Intent::LogIn));
    let [Work::LogIn { pending, .. }] = started(&effects).as_slice() else {
        panic!("{effects:?}");
    };
    let pending = pending.clone();
    assert!(
        started(&update(&mut logic, Msg::Intent(Intent::LogIn))).is_empty(),
        "one sign-in at a time"
    );
    let refused = Err(SignInError::Refused(ApiError::new(ErrorKind::Unauthorized)));
    update(
        &mut logic,
        Msg::Finished(Finished::LoggedIn {
            pending,
            result: refused,
        }),
    );
    assert!(logic.state.session.is_none());
    assert_eq!(logic.state.login.username, crate::demo::DEMO_USER);
    assert!(logic.state.login.password.is_empty());
    assert!(matches!(
        logic.state.login.error,
        Some(LoginProblem::SignInFailed(_))
    ));
}

#[test]
fn an_empty_username_is_refused_before_anything_is_sent() {
    let mut logic = signed_out();
    logic.state.login.username.clear();
    let effects = update(&mut logic, Msg::Intent(Intent::LogIn));
    assert!(started(&effects).is_empty(), "{effects:?}");
    assert_eq!(logic.state.login.error, Some(LoginProblem::EnterUsername));
}

#[test]
fn a_remembered_secret_fills_only_an_untouched_form_of_its_account() {
    let mut logic = signed_out();
    logic.state.settings.remember_password = true;
    logic.state.login.password = Secret::default();
    let effects = update(&mut logic, Msg::KeyringAttached);
    let account = match started(&effects).as_slice() {
        [
            Work::AskKeyring {
                account,
                load: true,
            },
        ] => account.clone(),
        other => panic!("{other:?}"),
    };
    let report = |account: String| {
        Msg::Finished(Finished::Keyring(KeyringReport {
            available: Ok(()),
            account,
            remembered: Some(Secret::new("kept")),
        }))
    };
    update(&mut logic, report("someone-else".to_owned()));
    assert!(
        logic.state.login.password.is_empty(),
        "another account's secret"
    );
    update(&mut logic, report(account.clone()));
    assert_eq!(logic.state.login.password, Secret::new("kept"));
    assert_eq!(logic.state.login.remembered_for, Some(account));
}

#[test]
fn a_note_goes_when_its_time_is_up() {
    let mut logic = signed_in();
    let mut fx = Vec::new();
    logic.toast("Copied".to_owned(), TOAST, &mut fx);
    assert_eq!(fx, [Effect::WakeAfter(TOAST)]);
    logic.clock.advance(TOAST / 2);
    assert!(update(&mut logic, Msg::Tick).contains(&Effect::WakeAfter(TOAST / 2)));
    assert!(logic.state.toast.is_some());
    logic.clock.advance(TOAST / 2);
    update(&mut logic, Msg::Tick);
    assert!(logic.state.toast.is_none());
}
