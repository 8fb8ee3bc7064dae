//! The photo dialog in the whole app (egui_kittest) against the demo
//! tenant: a pasted picture is cropped, turned and zoomed with the keyboard,
//! sent with Enter, and the customer is shown again with what Capillary now
//! holds; Esc cancels; too small or not a photo is refused in words; Remove
//! asks first; a workstation with photo changes off offers none of it.

// Tests write files freely; the rule is for the app.
#![allow(clippy::disallowed_methods)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use crate::support;
use crate::support::en;

use crate::support::photos::detailed;
use crate::support::ui::{
    WAIT, demo_app, demo_app_with, log_in, look_up, photo_shown, runtime, wait_for,
};
use customer_lookup::testing::app::{App, StartOptions};
use customer_lookup::testing::state::{PhotoEditStage, PhotoSlot, ProfileState};
use demo::DemoConfig;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use photo::{CropView, DecodeLimits, UploadError, decode};
use std::sync::Arc;
use std::time::Duration;

const ASHA: i64 = 565_039_601;

fn stage(app: &App) -> Option<&PhotoEditStage> {
    app.state().photo_edit.as_ref().map(|e| &e.stage)
}

fn cropping(app: &App) -> bool {
    matches!(stage(app), Some(PhotoEditStage::Cropping(_)))
}

fn crop_view(app: &App) -> (CropView, (u32, u32)) {
    match stage(app) {
        Some(PhotoEditStage::Cropping(crop)) => (crop.view, crop.size()),
        other => panic!("not cropping: {other:?}"),
    }
}

/// Signs in and shows Asha with her photo.
fn asha_on_screen(harness: &mut Harness<'static, App>) {
    log_in(harness);
    look_up(harness, "DEMO0001");
    wait_for(harness, "Asha's photo", WAIT, photo_shown);
}

/// A landscape photo with a red band down its left edge and a blue one
/// down its right: which way it was turned shows in the upload.
fn banded_landscape() -> egui::ColorImage {
    let mut image = detailed(1600, 1200);
    for (x, _, pixel) in image.enumerate_pixels_mut() {
        if x < 200 {
            pixel.0 = [220, 20, 20, 255];
        } else if x >= 1400 {
            pixel.0 = [20, 20, 220, 255];
        }
    }
    egui::ColorImage::from_rgba_unmultiplied([1600, 1200], image.as_raw())
}

fn paste(harness: &mut Harness<'static, App>, image: egui::ColorImage) {
    harness.event(egui::Event::PasteImage(Arc::new(image)));
    harness.step();
}

fn is_red(p: [u8; 3]) -> bool {
    p[0] > 150 && p[1] < 90 && p[2] < 90
}

fn is_blue(p: [u8; 3]) -> bool {
    p[2] > 150 && p[0] < 90 && p[1] < 90
}

#[test]
fn a_pasted_photo_is_turned_cropped_and_replaces_the_old_one() {
    let rt = runtime();
    let _guard = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    asha_on_screen(&mut harness);
    let demo_images =
        |h: &Harness<'static, App>| h.state().demo_server().unwrap().image_count(ASHA);
    assert_eq!(demo_images(&harness), 1);
    let first_lookup = harness.state().state().current_lookup;

    paste(&mut harness, banded_landscape());
    wait_for(&mut harness, "the preview", WAIT, cropping);
    harness.get_by_label(&en(customer_lookup::testing::ui::PREVIEW_LABEL));
    // By default, the largest portrait crop, centred.
    let (view, size) = crop_view(harness.state());
    assert_eq!(size, (1600, 1200));
    assert_eq!(view, CropView::centred(1600, 1200));

    // R turns it a quarter clockwise: the red left edge is now the top.
    harness.key_press(egui::Key::R);
    harness.run_steps(2);
    let (_, size) = crop_view(harness.state());
    assert_eq!(size, (1200, 1600));
    // + zooms in, an arrow moves the frame.
    harness.key_press(egui::Key::Plus);
    harness.run_steps(2);
    let (zoomed, _) = crop_view(harness.state());
    assert!(zoomed.zoom > 1.0, "{zoomed:?}");
    harness.key_press(egui::Key::ArrowUp);
    harness.run_steps(2);
    let (moved, _) = crop_view(harness.state());
    assert!(
        moved.centre[1] < zoomed.centre[1],
        "{moved:?} vs {zoomed:?}"
    );

    harness.key_press(egui::Key::Enter);
    harness.step();
    wait_for(&mut harness, "the new photo on screen", WAIT, |app| {
        app.state().photo_edit.is_none()
            && app.state().current_lookup > first_lookup
            && photo_shown(app)
    });
    assert_eq!(demo_images(&harness), 1, "exactly one photo remains");
    assert_eq!(
        harness.state().state().toast.as_ref().map(|t| t.0.as_str()),
        Some("Photo replaced")
    );

    // What Capillary holds: a portrait JPEG, turned as asked.
    let stored = harness
        .state()
        .demo_server()
        .unwrap()
        .photo_bytes(ASHA)
        .unwrap();
    assert!(
        !stored.windows(4).any(|w| w == b"Exif"),
        "metadata was removed"
    );
    let decoded = decode(&stored, &DecodeLimits::default()).unwrap().image;
    let (w, h) = decoded.dimensions();
    assert!(h <= 1200 && w < h, "{w}×{h}");
    assert!(((w as f32 / h as f32) - 0.75).abs() < 0.01, "{w}×{h}");
    let rgb = |x: u32, y: u32| {
        let p = decoded.get_pixel(x, y).0;
        [p[0], p[1], p[2]]
    };
    assert!(is_red(rgb(w / 2, 4)), "top is {:?}", rgb(w / 2, 4));
    assert!(
        is_blue(rgb(w / 2, h - 4)),
        "bottom is {:?}",
        rgb(w / 2, h - 4)
    );
}

#[test]
fn esc_cancels_and_bad_pictures_are_refused_in_words() {
    let rt = runtime();
    let _guard = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    asha_on_screen(&mut harness);
    let original = harness.state().demo_server().unwrap().photo_bytes(ASHA);

    // Too small: refused before anything is sent.
    paste(
        &mut harness,
        egui::ColorImage::filled([120, 120], egui::Color32::GRAY),
    );
    wait_for(&mut harness, "the refusal", WAIT, |app| {
        matches!(stage(app), Some(PhotoEditStage::Failed { .. }))
    });
    let Some(PhotoEditStage::Failed { message, crop }) = stage(harness.state()) else {
        unreachable!()
    };
    assert!(
        message.contains("too small: 120×120; at least 320 px"),
        "{message}"
    );
    assert!(crop.is_none());
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(harness.state().state().photo_edit.is_none());
    assert!(
        matches!(harness.state().state().profile, ProfileState::Loaded(_)),
        "Esc in the dialog does not clear the profile"
    );

    // A file that is not a photo: the viewer's own words.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jpg");
    std::fs::write(&path, b"this is not a picture at all").unwrap();
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(support::ui::FileOnDisk(path)));
    harness.step();
    wait_for(&mut harness, "the refusal", WAIT, |app| {
        matches!(stage(app), Some(PhotoEditStage::Failed { .. }))
    });
    let Some(PhotoEditStage::Failed { message, .. }) = stage(harness.state()) else {
        unreachable!()
    };
    let viewer_words = decode(b"this is not a picture at all", &DecodeLimits::default())
        .err()
        .unwrap();
    assert_eq!(message, &UploadError::NotAPhoto(viewer_words).to_string());
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);

    // A good picture, then Esc: nothing is sent.
    paste(&mut harness, banded_landscape());
    wait_for(&mut harness, "the preview", WAIT, cropping);
    harness.key_press(egui::Key::Escape);
    harness.run_steps(3);
    assert!(harness.state().state().photo_edit.is_none());
    let demo = harness.state().demo_server().unwrap();
    assert_eq!(demo.image_count(ASHA), 1);
    assert_eq!(demo.photo_bytes(ASHA), original, "nothing was sent");
}

#[test]
fn remove_asks_first() {
    let rt = runtime();
    let _guard = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    asha_on_screen(&mut harness);

    harness
        .get_by_label(&en(customer_lookup::testing::ui::REMOVE_PHOTO_BUTTON))
        .click();
    harness.run_steps(2);
    assert!(matches!(
        stage(harness.state()),
        Some(PhotoEditStage::ConfirmRemove)
    ));
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().demo_server().unwrap().image_count(ASHA), 1);

    harness
        .get_by_label(&en(customer_lookup::testing::ui::REMOVE_PHOTO_BUTTON))
        .click();
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.step();
    wait_for(&mut harness, "the customer without a photo", WAIT, |app| {
        app.state().photo_edit.is_none()
            && matches!(&app.state().profile, ProfileState::Loaded(p) if matches!(p.photo, PhotoSlot::Absent))
    });
    assert_eq!(harness.state().demo_server().unwrap().image_count(ASHA), 0);
    assert!(
        harness
            .query_by_label(&en(customer_lookup::testing::ui::REMOVE_PHOTO_BUTTON))
            .is_none(),
        "nothing left to remove"
    );
}

#[test]
fn a_cancelled_upload_shows_the_customer_as_capillary_has_them() {
    let rt = runtime();
    let _guard = rt.enter();
    let slow = DemoConfig {
        latency: Duration::from_millis(600),
        ..DemoConfig::default()
    };
    let mut harness = demo_app(slow);
    asha_on_screen(&mut harness);
    let before = harness.state().state().current_lookup;
    paste(&mut harness, banded_landscape());
    wait_for(&mut harness, "the preview", WAIT, cropping);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "the upload", WAIT, |app| {
        matches!(
            stage(app),
            Some(PhotoEditStage::Sending {
                step: customer_lookup::testing::state::SendStep::Uploading { .. },
                ..
            })
        )
    });
    harness.key_press(egui::Key::Escape);
    harness.step();
    assert!(harness.state().state().photo_edit.is_none());
    // Fetched again, whatever the server got.
    assert!(harness.state().state().current_lookup > before);
    wait_for(&mut harness, "Asha again", WAIT, photo_shown);
}

#[test]
fn photo_changes_off_offers_none_of_it() {
    let rt = runtime();
    let _guard = rt.enter();
    let mut harness = demo_app_with(
        DemoConfig::default(),
        StartOptions {
            demo: true,
            photo_changes: Some(false),
            ..StartOptions::default()
        },
    );
    asha_on_screen(&mut harness);
    assert!(
        harness
            .query_by_label(&en(customer_lookup::testing::ui::REMOVE_PHOTO_BUTTON))
            .is_none()
    );
    assert!(
        harness
            .query_by_label(&en(customer_lookup::testing::ui::PHOTO_ACTIONS_HINT))
            .is_none()
    );
    paste(&mut harness, banded_landscape());
    harness.run_steps(3);
    assert!(harness.state().state().photo_edit.is_none());
}

fn camera_view(app: &App) -> Option<&customer_lookup::testing::state::CameraView> {
    match stage(app) {
        Some(PhotoEditStage::Camera(view)) => Some(view),
        _ => None,
    }
}

fn take_photo_shortcut(harness: &mut Harness<'static, App>) {
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::T);
    harness.step();
}

#[test]
fn the_camera_preview_is_live_picks_a_camera_and_is_released() {
    // Counts frames a second: not beside the window tests or the stress run.
    let _turn = support::my_turn();
    use customer_lookup::testing::camera::SyntheticCameras;
    use std::sync::atomic::Ordering;
    let rt = runtime();
    let _guard = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    let cameras = SyntheticCameras::new(&["Front desk", "Counter"]);
    let counters = cameras.counters.clone();
    harness.state_mut().set_cameras(Arc::new(cameras));
    asha_on_screen(&mut harness);

    take_photo_shortcut(&mut harness);
    wait_for(&mut harness, "the first frame", WAIT, |app| {
        camera_view(app).is_some_and(|v| v.frames_shown > 0)
    });
    harness.get_by_label(&en(customer_lookup::testing::ui::CAMERA_LABEL));
    // Live: the synthetic camera gives 30 frames a second; at least 15 a
    // second reach the screen while the UI keeps drawing.
    let before = camera_view(harness.state()).unwrap().frames_shown;
    let started = std::time::Instant::now();
    while started.elapsed() < Duration::from_secs(2) {
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    let shown = camera_view(harness.state()).unwrap().frames_shown - before;
    assert!(shown >= 30, "only {shown} frames in 2 s");

    // Two cameras: the picker switches to the second.
    harness.get_by_label("Camera").click();
    harness.run_steps(2);
    harness.get_by_label("Counter").click();
    harness.run_steps(2);
    wait_for(&mut harness, "the second camera", WAIT, |app| {
        camera_view(app).is_some_and(|v| v.chosen == 1 && v.frames_shown > 0)
    });

    // Enter takes the picture and releases the camera.
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert!(cropping(harness.state()));
    let released = |what: &str| {
        let started = std::time::Instant::now();
        while counters.open.load(Ordering::SeqCst) != 0 {
            assert!(
                started.elapsed() < WAIT,
                "the camera was not released {what}"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    };
    released("after the picture was taken");
    // Backspace retakes: the same camera again.
    harness.key_press(egui::Key::Backspace);
    wait_for(&mut harness, "the camera again", WAIT, |app| {
        camera_view(app).is_some_and(|v| v.chosen == 1 && v.frames_shown > 0)
    });
    assert_eq!(counters.open.load(Ordering::SeqCst), 1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.step();
    wait_for(&mut harness, "the new photo", WAIT, |app| {
        app.state().photo_edit.is_none() && photo_shown(app)
    });
    released("after the upload");
    let stored = harness
        .state()
        .demo_server()
        .unwrap()
        .photo_bytes(ASHA)
        .unwrap();
    let decoded = decode(&stored, &DecodeLimits::default()).unwrap().image;
    // A 640×480 frame, its centred portrait crop: 360×480.
    assert_eq!(decoded.dimensions(), (360, 480));
    // The second camera's picture is blue.
    let (mut red, mut blue) = (0u64, 0u64);
    for p in decoded.pixels() {
        red += u64::from(p.0[0]);
        blue += u64::from(p.0[2]);
    }
    assert!(blue > red, "not the second camera's picture");

    // Esc while the camera shows closes it and releases the camera.
    take_photo_shortcut(&mut harness);
    wait_for(&mut harness, "the camera", WAIT, |app| {
        camera_view(app).is_some_and(|v| v.frames_shown > 0)
    });
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(harness.state().state().photo_edit.is_none());
    released("after Esc");
}

#[test]
fn no_camera_is_said_in_words() {
    use customer_lookup::testing::camera::{CameraError, SyntheticCameras};
    let rt = runtime();
    let _guard = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    harness
        .state_mut()
        .set_cameras(Arc::new(SyntheticCameras::new(&[])));
    asha_on_screen(&mut harness);
    harness
        .get_by_label(&en(customer_lookup::testing::ui::TAKE_PHOTO_BUTTON))
        .click();
    harness.step();
    wait_for(&mut harness, "the words", WAIT, |app| {
        camera_view(app).is_some_and(|v| v.error.is_some())
    });
    let words = CameraError::NoCamera.to_string();
    harness.get_by_label(&words);
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert!(harness.state().state().photo_edit.is_none());
}

/// A file dialog that answers from a list (the last entry first).
#[derive(Debug)]
struct Answers(std::sync::Mutex<Vec<Option<std::path::PathBuf>>>);

impl customer_lookup::testing::pick_file::FilePicker for Answers {
    fn pick(&self) -> customer_lookup::testing::pick_file::Picked {
        let next = self.0.lock().unwrap().pop().flatten();
        Box::pin(async move { next })
    }
}

#[test]
fn choose_file_reads_the_chosen_picture_and_cancel_says_the_other_ways() {
    let rt = runtime();
    let _guard = rt.enter();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("member.jpg");
    let jpeg = demo::photos::jpeg(&detailed(1000, 1400), 90).unwrap();
    std::fs::write(&path, jpeg).unwrap();
    let mut harness = demo_app(DemoConfig::default());
    // First the dialog is cancelled, then the file is chosen.
    harness
        .state_mut()
        .set_file_picker(Arc::new(Answers(std::sync::Mutex::new(vec![
            Some(path),
            None,
        ]))));
    asha_on_screen(&mut harness);

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    wait_for(&mut harness, "the dialog to close", WAIT, |app| {
        app.state().photo_edit.is_none() && app.state().toast.is_some()
    });
    assert_eq!(
        harness.state().state().toast.as_ref().map(|t| t.0.as_str()),
        Some(en(customer_lookup::testing::logic::NOTHING_CHOSEN).as_str())
    );

    harness
        .get_by_label(&en(customer_lookup::testing::ui::CHOOSE_FILE_BUTTON))
        .click();
    wait_for(&mut harness, "the preview", WAIT, cropping);
    let Some(PhotoEditStage::Cropping(crop)) = stage(harness.state()) else {
        unreachable!()
    };
    assert_eq!(
        crop.source,
        customer_lookup::testing::state::PhotoSource::Chosen
    );
    assert_eq!(crop.size(), (1000, 1400));
    harness.key_press(egui::Key::Enter);
    harness.step();
    wait_for(&mut harness, "the new photo", WAIT, |app| {
        app.state().photo_edit.is_none() && photo_shown(app)
    });
    let stored = harness
        .state()
        .demo_server()
        .unwrap()
        .photo_bytes(ASHA)
        .unwrap();
    let decoded = decode(&stored, &DecodeLimits::default()).unwrap().image;
    // 1000×1400: the largest 3:4 crop is 1000×1333, sent at 900×1200.
    assert_eq!(decoded.dimensions(), (900, 1200));
}

#[test]
fn a_replacement_whose_old_photo_remains_says_so() {
    let rt = runtime();
    let _guard = rt.enter();
    let mut harness = demo_app(DemoConfig {
        refuse_image_deletes: true,
        ..DemoConfig::default()
    });
    asha_on_screen(&mut harness);
    paste(&mut harness, banded_landscape());
    wait_for(&mut harness, "the preview", WAIT, cropping);
    harness.key_press(egui::Key::Enter);
    harness.step();
    wait_for(&mut harness, "the note", WAIT, |app| {
        matches!(stage(app), Some(PhotoEditStage::Done(_)))
    });
    let Some(PhotoEditStage::Done(note)) = stage(harness.state()) else {
        unreachable!()
    };
    assert!(
        note.contains("The new photo is stored and shown, but 1 older photo could not be removed")
            && note.contains("Image service unavailable"),
        "{note}"
    );
    // Meanwhile the customer is shown again, with the new photo (the
    // newest wins), and both images remain.
    wait_for(&mut harness, "the new photo", WAIT, photo_shown);
    assert_eq!(harness.state().demo_server().unwrap().image_count(ASHA), 2);
    let ProfileState::Loaded(profile) = &harness.state().state().profile else {
        unreachable!()
    };
    let PhotoSlot::Shown(texture) = &profile.photo else {
        unreachable!()
    };
    let [w, h] = texture.size();
    // The new photo is 3:4; the demo's old portrait is 4:5.
    assert!(((w as f32 / h as f32) - 0.75).abs() < 0.01, "{w}×{h}");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert!(harness.state().state().photo_edit.is_none());
}
