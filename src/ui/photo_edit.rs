//! The photo dialog over the profile: the crop preview of a pasted or
//! dropped picture, the question before removing, progress and errors.
//!
//! Keyboard first: Enter does the main thing (send, remove, go back, OK),
//! Esc cancels; in the preview R turns the picture, + and − zoom and the
//! arrow keys move the crop. Tab and Space reach every button.

use super::Textures;
use crate::i18n::{Msg, Texts, tr, tr_text};
use crate::photo::ZOOM_STEP;
use crate::state::{
    AppState, CameraView, CropSession, Intent, PhotoEditStage, PhotoIntent, PhotoSource,
    ProfileState,
};

/// The accessible name of the crop preview.
pub const PREVIEW_LABEL: Msg = Msg("crop-preview");
/// The dialog's main button in the preview.
pub const USE_PHOTO: Msg = Msg("use-photo");
pub const REMOVE_PHOTO: Msg = Msg("remove-photo-confirm");

/// The preview's largest size, in points.
const PREVIEW_SIZE: egui::Vec2 = egui::vec2(520.0, 420.0);
/// An arrow key moves the crop by this share of its width.
const ARROW_STEP: f32 = 0.05;

pub fn draw(ui: &mut egui::Ui, state: &AppState, textures: &Textures, intents: &mut Vec<Intent>) {
    let Some(edit) = &state.photo_edit else {
        return;
    };
    let t = state.texts.as_ref();
    // Enter and Esc mean the dialog's main action and Cancel whichever
    // widget has the focus, so they are taken before any button sees them.
    let (enter, escape) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
            i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
        )
    });
    let send = |intents: &mut Vec<Intent>, intent| intents.push(Intent::Photo(intent));
    if escape {
        send(intents, PhotoIntent::Cancel);
    } else if enter {
        send(intents, PhotoIntent::Confirm);
    }
    let name = match &state.profile {
        ProfileState::Loaded(profile) => profile.customer.display_name(),
        _ => None,
    }
    .unwrap_or_else(|| tr_text!(t, "this-customer"));
    let name = name.as_str();
    let rtl = state.texts.right_to_left();
    egui::Modal::new(egui::Id::unique("photo-dialog")).show(ui.ctx(), |ui| {
        ui.set_max_width(PREVIEW_SIZE.x + 24.0);
        super::mirror::column(ui, rtl, |ui| match &edit.stage {
            PhotoEditStage::Reading(source) => {
                heading(ui, &tr_text!(t, "photo-new", name = name));
                let words = match source {
                    PhotoSource::Chosen => tr!(t, "choose-in-dialog"),
                    _ => tr!(t, "reading-picture"),
                };
                busy(ui, t, &words, intents);
            }
            PhotoEditStage::Camera(view) => {
                heading(ui, &tr_text!(t, "photo-take", name = name));
                camera(ui, t, textures, view, intents);
            }
            PhotoEditStage::Cropping(crop) => {
                heading(ui, &tr_text!(t, "photo-new", name = name));
                cropping(ui, t, textures, crop, intents);
            }
            PhotoEditStage::Sending { step, .. } => {
                heading(ui, &tr_text!(t, "photo-of", name = name));
                busy(ui, t, &step_words(t, *step), intents);
            }
            PhotoEditStage::ConfirmRemove => {
                heading(ui, &tr_text!(t, "photo-remove-question", name = name));
                ui.label(tr!(t, "photo-remove-all"));
                ui.add_space(8.0);
                super::mirror::row(ui, rtl, |ui| {
                    if ui.button(t.msg(REMOVE_PHOTO)).clicked() {
                        send(intents, PhotoIntent::Confirm);
                    }
                    if ui.button(tr!(t, "keep-it")).clicked() {
                        send(intents, PhotoIntent::Cancel);
                    }
                });
            }
            PhotoEditStage::Failed { message, crop } => {
                ui.heading(tr!(t, "photo-not-changed"));
                ui.add(egui::Label::new(
                    egui::RichText::new(t.drawable(message)).color(ui.visuals().error_fg_color),
                ));
                ui.add_space(8.0);
                super::mirror::row(ui, rtl, |ui| {
                    if crop.is_some() && ui.button(tr!(t, "back-to-photo")).clicked() {
                        send(intents, PhotoIntent::Back);
                    }
                    if ui.button(tr!(t, "close")).clicked() {
                        send(intents, PhotoIntent::Cancel);
                    }
                });
            }
            PhotoEditStage::Done(note) => {
                ui.heading(tr!(t, "photo-changed-problem"));
                ui.add(egui::Label::new(
                    egui::RichText::new(t.drawable(note)).color(ui.visuals().warn_fg_color),
                ));
                ui.add_space(8.0);
                if ui.button(tr!(t, "ok")).clicked() {
                    send(intents, PhotoIntent::Cancel);
                }
            }
        });
    });
}

/// A spinner, what is happening, and Cancel.
fn busy(ui: &mut egui::Ui, t: &Texts, words: &str, intents: &mut Vec<Intent>) {
    ui.add_space(8.0);
    super::mirror::row(ui, t.right_to_left(), |ui| {
        ui.spinner();
        ui.label(words);
    });
    ui.add_space(8.0);
    if ui.button(tr!(t, "cancel-esc")).clicked() {
        intents.push(Intent::Photo(PhotoIntent::Cancel));
    }
}

/// The picture with the portrait crop drawn on it: drag or arrow keys
/// move it, the wheel or +/− zoom, R turns the picture.
fn cropping(
    ui: &mut egui::Ui,
    t: &Texts,
    textures: &Textures,
    crop: &CropSession,
    intents: &mut Vec<Intent>,
) {
    let rtl = t.right_to_left();
    let send = |intents: &mut Vec<Intent>, intent| intents.push(Intent::Photo(intent));
    let (w, h) = crop.size();
    let scale = (PREVIEW_SIZE.x / w as f32).min(PREVIEW_SIZE.y / h as f32);
    let shown = egui::vec2(w as f32 * scale, h as f32 * scale);
    ui.weak(tr!(t, "crop-keys"));
    let (rect, response) = ui.allocate_exact_size(shown, egui::Sense::click_and_drag());
    let label = t.msg(PREVIEW_LABEL);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    if let Some(texture) = textures.get(&crop.preview) {
        paint_turned(ui, texture, rect, crop.turns);
    }
    let cut = crop.view.rect(w, h);
    let frame = on_screen(rect, cut, scale);
    shade_outside(ui.painter(), rect, frame);
    ui.painter().rect_stroke(
        frame,
        0.0,
        egui::Stroke::new(2.0, egui::Color32::WHITE),
        egui::StrokeKind::Inside,
    );
    if response.dragged() {
        let delta = response.drag_delta() / scale;
        send(intents, PhotoIntent::Pan([delta.x, delta.y]));
    }
    if response.hovered() {
        // One zoom step per wheel event, whatever its size.
        let scroll: f32 = ui.input(|i| {
            i.events
                .iter()
                .map(|e| match e {
                    egui::Event::MouseWheel { delta, .. } => delta.y.signum(),
                    _ => 0.0,
                })
                .sum()
        });
        if scroll != 0.0 {
            let factor = if scroll > 0.0 {
                ZOOM_STEP
            } else {
                1.0 / ZOOM_STEP
            };
            send(intents, PhotoIntent::Zoom(factor));
        }
    }
    keys(ui, cut.width as f32 * ARROW_STEP, intents);
    ui.add_space(8.0);
    super::mirror::row(ui, rtl, |ui| {
        if ui.button(tr!(t, "rotate")).clicked() {
            send(intents, PhotoIntent::Rotate);
        }
        if ui.button(tr!(t, "zoom-in")).clicked() {
            send(intents, PhotoIntent::Zoom(ZOOM_STEP));
        }
        if ui.button(tr!(t, "zoom-out")).clicked() {
            send(intents, PhotoIntent::Zoom(1.0 / ZOOM_STEP));
        }
    });
    // Starting over, from the same kind of source.
    match crop.source {
        PhotoSource::Camera => {
            let retake = ui.input(|i| i.key_pressed(egui::Key::Backspace));
            if ui.button(tr!(t, "retake")).clicked() || retake {
                send(intents, PhotoIntent::Retake);
            }
        }
        PhotoSource::Chosen => {
            if ui.button(tr!(t, "choose-another")).clicked() {
                send(intents, PhotoIntent::ChooseFile);
            }
        }
        PhotoSource::Pasted | PhotoSource::Dropped => {
            ui.weak(tr!(t, "start-over"));
        }
    }
    ui.add_space(8.0);
    super::mirror::row(ui, rtl, |ui| {
        let primary = egui::Button::new(egui::RichText::new(t.msg(USE_PHOTO)).strong());
        if ui.add(primary).clicked() {
            send(intents, PhotoIntent::Confirm);
        }
        if ui.button(tr!(t, "cancel-esc")).clicked() {
            send(intents, PhotoIntent::Cancel);
        }
    });
}

/// The accessible name of the camera's live picture.
pub const CAMERA_LABEL: Msg = Msg("camera-picture");
pub const TAKE_PHOTO: Msg = Msg("take-photo-confirm");

/// The live picture with the portrait frame drawn on it, the camera
/// picker when there are several, and Take photo.
fn camera(
    ui: &mut egui::Ui,
    t: &Texts,
    textures: &Textures,
    view: &CameraView,
    intents: &mut Vec<Intent>,
) {
    let rtl = t.right_to_left();
    let send = |intents: &mut Vec<Intent>, intent| intents.push(Intent::Photo(intent));
    if view.names.len() > 1 {
        super::mirror::row(ui, rtl, |ui| {
            let label = ui.label(tr!(t, "camera"));
            let chosen = view.names.get(view.chosen).cloned().unwrap_or_default();
            egui::ComboBox::from_id_salt("camera-picker")
                .selected_text(chosen)
                .show_ui(ui, |ui| {
                    for (index, name) in view.names.iter().enumerate() {
                        if ui.selectable_label(index == view.chosen, name).clicked()
                            && index != view.chosen
                        {
                            send(intents, PhotoIntent::ChooseCamera(index));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        });
    }
    match (&view.error, &view.frame) {
        (Some(error), _) => {
            ui.add(egui::Label::new(
                egui::RichText::new(t.drawable(error)).color(ui.visuals().error_fg_color),
            ));
        }
        (None, None) => {
            super::mirror::row(ui, rtl, |ui| {
                ui.spinner();
                ui.label(tr!(t, "starting-camera"));
            });
        }
        (None, Some((shown, frame))) => {
            let (w, h) = frame.dimensions();
            let scale = (PREVIEW_SIZE.x / w as f32).min(PREVIEW_SIZE.y / h as f32);
            let (rect, response) = ui.allocate_exact_size(
                egui::vec2(w as f32 * scale, h as f32 * scale),
                egui::Sense::hover(),
            );
            let label = t.msg(CAMERA_LABEL);
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
            if let Some(texture) = textures.get(shown) {
                egui::Image::from_texture(texture).paint_at(ui, rect);
            }
            // Where the crop will start: the face goes in here.
            let cut = crate::photo::CropView::centred(w, h).rect(w, h);
            let guide = on_screen(rect, cut, scale);
            shade_outside(ui.painter(), rect, guide);
        }
    }
    ui.add_space(8.0);
    super::mirror::row(ui, rtl, |ui| {
        let take = egui::Button::new(egui::RichText::new(t.msg(TAKE_PHOTO)).strong());
        if ui.add_enabled(view.frame.is_some(), take).clicked() {
            send(intents, PhotoIntent::Confirm);
        }
        if ui.button(tr!(t, "cancel-esc")).clicked() {
            send(intents, PhotoIntent::Cancel);
        }
    });
}

/// The preview's keys (none of them types text here).
fn keys(ui: &egui::Ui, arrow_step: f32, intents: &mut Vec<Intent>) {
    ui.input(|i| {
        let mut send = |intent| intents.push(Intent::Photo(intent));
        if i.key_pressed(egui::Key::R) && i.modifiers.is_none() {
            send(PhotoIntent::Rotate);
        }
        if i.key_pressed(egui::Key::Plus) || i.key_pressed(egui::Key::Equals) {
            send(PhotoIntent::Zoom(ZOOM_STEP));
        }
        if i.key_pressed(egui::Key::Minus) {
            send(PhotoIntent::Zoom(1.0 / ZOOM_STEP));
        }
        let arrows = [
            (egui::Key::ArrowLeft, [-arrow_step, 0.0]),
            (egui::Key::ArrowRight, [arrow_step, 0.0]),
            (egui::Key::ArrowUp, [0.0, -arrow_step]),
            (egui::Key::ArrowDown, [0.0, arrow_step]),
        ];
        for (key, delta) in arrows {
            if i.key_pressed(key) {
                send(PhotoIntent::Pan(delta));
            }
        }
    });
}

/// Where a crop of the picture drawn in `picture` at `scale` is on screen.
/// Paints the picture turned `turns` quarters clockwise so that it fills
/// `rect` (laid out for the turned size): the texture keeps the pixels as
/// they came, and only the drawing turns.
fn paint_turned(ui: &egui::Ui, texture: &egui::TextureHandle, rect: egui::Rect, turns: u8) {
    let unturned = if turns % 2 == 1 {
        egui::Rect::from_center_size(rect.center(), egui::vec2(rect.height(), rect.width()))
    } else {
        rect
    };
    let angle = f32::from(turns % 4) * std::f32::consts::FRAC_PI_2;
    egui::Image::from_texture(texture)
        .rotate(angle, egui::Vec2::splat(0.5))
        .paint_at(ui, unturned);
}

fn on_screen(picture: egui::Rect, cut: crate::photo::CropRect, scale: f32) -> egui::Rect {
    egui::Rect::from_min_size(
        picture.min + egui::vec2(cut.x as f32, cut.y as f32) * scale,
        egui::vec2(cut.width as f32, cut.height as f32) * scale,
    )
}

/// Dims what falls outside the crop.
fn shade_outside(painter: &egui::Painter, picture: egui::Rect, frame: egui::Rect) {
    let shade = egui::Color32::from_black_alpha(150);
    let bands = [
        egui::Rect::from_min_max(picture.min, egui::pos2(picture.max.x, frame.min.y)),
        egui::Rect::from_min_max(egui::pos2(picture.min.x, frame.max.y), picture.max),
        egui::Rect::from_min_max(
            egui::pos2(picture.min.x, frame.min.y),
            egui::pos2(frame.min.x, frame.max.y),
        ),
        egui::Rect::from_min_max(
            egui::pos2(frame.max.x, frame.min.y),
            egui::pos2(picture.max.x, frame.max.y),
        ),
    ];
    for band in bands {
        if band.is_positive() {
            painter.rect_filled(band, 0.0, shade);
        }
    }
}

/// The dialog's heading, which names the customer.
fn heading(ui: &mut egui::Ui, text: &str) {
    super::widgets::customer_label(ui, text, egui::RichText::heading);
}

/// What the dialog is doing while it sends, in words.
fn step_words(t: &Texts, step: crate::state::SendStep) -> String {
    use crate::state::SendStep;
    match step {
        SendStep::Preparing => tr!(t, "preparing-photo"),
        SendStep::Uploading { bytes } => {
            tr!(t, "uploading-photo", kilobytes = bytes.div_ceil(1024))
        }
        SendStep::RemovingOld => tr!(t, "removing-older-photo"),
        SendStep::Removing => tr!(t, "removing-photo"),
    }
}
