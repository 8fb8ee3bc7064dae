//! Drawing. Each screen is a function that reads and edits [`AppState`]
//! fields and returns [`Intent`]s; nothing here touches the network, the
//! disk or a runtime (`clippy.toml` refuses `std::fs` and task spawning
//! outside the modules that own them).

mod enrol;
mod login;
mod lookup;
mod mirror;
mod photo_edit;
mod profile;
mod textures;
mod widgets;

pub use enrol::ENROL_SHORTCUT;
pub use profile::{CHOOSE_FILE_SHORTCUT, TAKE_PHOTO_SHORTCUT};
// The accessible names the tests find widgets by.
#[cfg(feature = "testing")]
pub use {
    enrol::{ENROL_CANCEL, ENROL_HEADING, ENROL_SUBMIT, field_label},
    login::{ENROLMENT_LABEL, LANGUAGE_LABEL, REMEMBER_LABEL},
    lookup::{CAPILLARY_BUSY, INPUT_LABEL, SUGGESTIONS_LABEL},
    photo_edit::{CAMERA_LABEL, PREVIEW_LABEL, REMOVE_PHOTO, TAKE_PHOTO, USE_PHOTO},
    profile::{
        CHOOSE_FILE_BUTTON, ENROL_BUTTON, PHOTO_ACTIONS_HINT, PHOTO_LABEL, REMOVE_PHOTO_BUTTON,
        TAKE_PHOTO_BUTTON,
    },
};

pub use textures::Textures;

use crate::config::ThemeChoice;
use crate::i18n::{Msg, Texts, tr};
use crate::state::{AppState, Intent, PhotoSlot, ProfileState};

/// Draws one frame and returns what the person asked for.
/// Pictures are drawn from `textures`, which the app keeps in step with
/// the state's pictures.
pub fn draw(
    ui: &mut egui::Ui,
    state: &mut AppState,
    textures: &Textures,
    busy: bool,
) -> Vec<Intent> {
    let mut intents = Vec::new();
    let t = state.texts.clone();
    if let Some(error) = &state.policy_error {
        policy_error(ui, &t, error, &mut intents);
        return intents;
    }
    top_bar(ui, state, &mut intents);
    status_bar(ui, state);
    egui::CentralPanel::default().show(ui, |ui| {
        if state.photo_edit.is_some() || state.enrol.is_some() {
            // The photo dialog has the keyboard; nothing behind it reacts.
            ui.disable();
        }
        if state.session.is_none() {
            let enrolment = state.settings.enrolment;
            let language = state.settings.language;
            let settings = login::Workstation {
                enrolment,
                language,
            };
            login::draw(
                ui,
                &t,
                &mut state.login,
                &state.policy,
                settings,
                &mut intents,
            );
        } else {
            lookup::draw(ui, state, textures, busy, &mut intents);
            ui.add_space(8.0);
            let mut focus_take_photo = std::mem::take(&mut state.focus_take_photo);
            profile::draw(ui, state, textures, &mut focus_take_photo, &mut intents);
            state.focus_take_photo = focus_take_photo;
        }
    });
    if state.photo_enlarged {
        enlarged_photo(ui, state, textures, &mut intents);
    }
    photo_input(ui, state, &mut intents);
    photo_edit::draw(ui, state, textures, &mut intents);
    enrol::draw(ui, state, &mut intents);
    keyboard_shortcuts(ui, state, &mut intents);
    choice_keys(ui, state, &mut intents);
    intents
}

/// The only screen when the organisation's policy cannot be read: what is
/// wrong, where, and a way out (Enter or Esc quits too).
fn policy_error(ui: &mut egui::Ui, t: &Texts, error: &str, intents: &mut Vec<Intent>) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(60.0);
            ui.set_max_width(560.0);
            ui.heading(tr!(t, "policy-error-heading"));
            ui.add_space(12.0);
            ui.add(egui::Label::new(error).wrap());
            ui.add_space(16.0);
            let quit = ui.button(tr!(t, "quit"));
            quit.request_focus();
            let keys = ui.input(|i| i.key_pressed(egui::Key::Escape));
            if quit.clicked() || keys {
                intents.push(Intent::Quit);
            }
        });
    });
}

fn top_bar(ui: &mut egui::Ui, state: &AppState, intents: &mut Vec<Intent>) {
    let t = &state.texts;
    let rtl = t.right_to_left();
    egui::Panel::top("top-bar").show(ui, |ui| {
        mirror::row(ui, rtl, |ui| {
            ui.heading(tr!(t, "app-name"));
            mirror::far_end(ui, rtl, |ui| {
                if state.session.is_some() {
                    let shortcut = ui.ctx().format_shortcut(&LOG_OUT_SHORTCUT);
                    let button = ui.button(tr!(t, "log-out")).on_hover_text(tr!(
                        t,
                        "log-out-hover",
                        shortcut = shortcut
                    ));
                    if button.clicked() {
                        intents.push(Intent::LogOut);
                    }
                }
                let current = state.settings.theme;
                // Right to left: the combo box first, so its label sits on its left.
                let combo = egui::ComboBox::from_id_salt("theme")
                    .selected_text(theme_label(t, current))
                    .show_ui(ui, |ui| {
                        for theme in ThemeChoice::ALL {
                            if ui
                                .selectable_label(theme == current, theme_label(t, theme))
                                .clicked()
                                && theme != current
                            {
                                intents.push(Intent::SetTheme(theme));
                            }
                        }
                    })
                    .response;
                let label = ui.label(tr!(t, "theme"));
                let _ = combo.labelled_by(label.id);
            });
        });
    });
}

/// A theme's name in the UI's language.
fn theme_label(t: &Texts, theme: ThemeChoice) -> String {
    match theme {
        ThemeChoice::System => tr!(t, "theme-system"),
        ThemeChoice::Light => tr!(t, "theme-light"),
        ThemeChoice::Dark => tr!(t, "theme-dark"),
    }
}

fn status_bar(ui: &mut egui::Ui, state: &AppState) {
    let t = &state.texts;
    let rtl = t.right_to_left();
    egui::Panel::bottom("status-bar").show(ui, |ui| {
        mirror::row(ui, rtl, |ui| {
            match &state.session {
                Some(session) => {
                    let server = session.host_label.as_str();
                    ui.label(tr!(t, "status-server", server = server));
                    ui.separator();
                    let user = session.user.as_str();
                    ui.label(tr!(t, "status-user", user = user));
                }
                None => {
                    ui.label(tr!(t, "status-signed-out"));
                }
            }
            if let Some(id) = &state.last_failed_request_id {
                ui.separator();
                ui.label(tr!(t, "status-failed-request", id = id.as_str()));
            }
            if let Some((toast, _)) = &state.toast {
                mirror::far_end(ui, rtl, |ui| {
                    ui.strong(t.drawable(toast));
                });
            }
        });
    });
}

fn enlarged_photo(
    ui: &mut egui::Ui,
    state: &AppState,
    textures: &Textures,
    intents: &mut Vec<Intent>,
) {
    let ProfileState::Loaded(profile) = &state.profile else {
        intents.push(Intent::EnlargePhoto(false));
        return;
    };
    let PhotoSlot::Shown(pixels) = &profile.photo else {
        intents.push(Intent::EnlargePhoto(false));
        return;
    };
    let Some(texture) = textures.get(pixels) else {
        return; // on screen from the next frame
    };
    let screen = ui.ctx().content_rect().size();
    let max = egui::vec2(screen.x * 0.9, screen.y * 0.85);
    let modal = egui::Modal::new(egui::Id::unique("enlarged-photo")).show(ui.ctx(), |ui| {
        let image = egui::Image::from_texture(texture)
            .max_size(max)
            .maintain_aspect_ratio(true)
            .sense(egui::Sense::click());
        ui.add(image)
            .on_hover_text(tr!(state.texts, "photo-enlarged-close"))
            .clicked()
    });
    if modal.inner || modal.should_close() {
        intents.push(Intent::EnlargePhoto(false));
    }
}

/// A picture pasted (Ctrl+V) or a file dropped while a customer is shown
/// becomes their new photo, through the photo dialog's preview.
fn photo_input(ui: &egui::Ui, state: &AppState, intents: &mut Vec<Intent>) {
    if !state.photo_changes_allowed() || !matches!(state.profile, ProfileState::Loaded(_)) {
        return;
    }
    if ui.input(|i| !i.raw.hovered_files.is_empty()) {
        drop_overlay(ui.ctx(), &state.texts.msg(DROP_HINT));
    }
    let (pasted, dropped) = ui.input(|i| {
        let pasted = i.events.iter().find_map(|event| match event {
            egui::Event::PasteImage(image) => Some(image.clone()),
            _ => None,
        });
        (pasted, i.raw.dropped_files.first().cloned())
    });
    if state.photo_edit.is_none() {
        if ui.input_mut(|i| i.consume_shortcut(&TAKE_PHOTO_SHORTCUT)) {
            intents.push(Intent::Photo(crate::state::PhotoIntent::TakePhoto));
        }
        if ui.input_mut(|i| i.consume_shortcut(&CHOOSE_FILE_SHORTCUT)) {
            intents.push(Intent::Photo(crate::state::PhotoIntent::ChooseFile));
        }
    }
    if let Some(image) = pasted {
        intents.push(Intent::Photo(crate::state::PhotoIntent::Pasted(image)));
    } else if let Some(file) = dropped {
        intents.push(Intent::Photo(crate::state::PhotoIntent::Dropped(file)));
    }
}

/// While a file is dragged over the window: where it will go.
fn drop_overlay(ctx: &egui::Context, hint: &str) {
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop-overlay"),
    ));
    let screen = ctx.content_rect();
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(170));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        hint,
        egui::FontId::proportional(28.0),
        egui::Color32::WHITE,
    );
}

/// Shown while a file is dragged over the window.
pub const DROP_HINT: Msg = Msg("drop-hint");

/// ↑/↓ move through a choice between customers and Enter (with nothing
/// typed) opens the highlighted one, while the lookup box keeps the focus
/// for the next scan.
fn choice_keys(ui: &mut egui::Ui, state: &mut AppState, intents: &mut Vec<Intent>) {
    if state.search.is_open() {
        return; // the name suggestions have the arrows
    }
    let ProfileState::Choosing(choice) = &mut state.profile else {
        return;
    };
    let (up, down, enter) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::ArrowUp),
            i.key_pressed(egui::Key::ArrowDown),
            i.key_pressed(egui::Key::Enter),
        )
    });
    let last = choice.matches.len().saturating_sub(1);
    if up {
        choice.selected = choice.selected.saturating_sub(1);
    }
    if down {
        choice.selected = (choice.selected + 1).min(last);
    }
    if enter && state.lookup.input.trim().is_empty() {
        intents.push(Intent::Choose(choice.selected));
    }
}

/// Logs out from anywhere, as the Log out button does.
pub const LOG_OUT_SHORTCUT: egui::KeyboardShortcut = egui::KeyboardShortcut::new(
    egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT),
    egui::Key::L,
);

fn keyboard_shortcuts(ui: &mut egui::Ui, state: &AppState, intents: &mut Vec<Intent>) {
    if ui.input(|i| i.modifiers.command && i.key_pressed(egui::Key::Q)) {
        intents.push(Intent::Quit);
    }
    if state.session.is_some() && ui.input_mut(|i| i.consume_shortcut(&LOG_OUT_SHORTCUT)) {
        intents.push(Intent::LogOut);
    }
    if state.session.is_none()
        || state.photo_enlarged
        || state.photo_edit.is_some()
        || state.enrol.is_some()
    {
        return;
    }
    if ui.input_mut(|i| i.consume_shortcut(&ENROL_SHORTCUT)) {
        intents.push(Intent::Enrol(crate::state::EnrolIntent::Open));
    }
    let (escape, space) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::Escape),
            i.key_pressed(egui::Key::Space),
        )
    });
    // With name suggestions open, Esc closes only them (see `lookup`).
    if escape && !state.search.is_open() {
        intents.push(Intent::Clear);
    }
    let typing = ui.ctx().memory(|m| m.focused().is_some());
    let photo_shown =
        matches!(&state.profile, ProfileState::Loaded(p) if matches!(p.photo, PhotoSlot::Shown(_)));
    if space && !typing && photo_shown {
        intents.push(Intent::EnlargePhoto(true));
    }
}
