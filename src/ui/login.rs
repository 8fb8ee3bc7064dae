//! The login panel: server, auth scheme, credentials, Log in.

use crate::capillary::Cluster;
use crate::config::{AuthScheme, HostChoice};
use crate::policy::{PINNED_NOTE, Policy};
use crate::state::{Intent, KeyringStatus, LoginForm};

fn host_label(choice: &HostChoice) -> String {
    match choice {
        HostChoice::Demo => "Built-in demo".to_owned(),
        HostChoice::Cluster(c) => {
            format!("{} ({})", c.label(), c.url().trim_start_matches("https://"))
        }
        HostChoice::Custom(_) => "Custom URL…".to_owned(),
    }
}

/// Draws the login panel, centred.
pub fn draw(
    ui: &mut egui::Ui,
    form: &mut LoginForm,
    policy: &Policy,
    enrolment: bool,
    intents: &mut Vec<Intent>,
) {
    let width = 420.0_f32.min(ui.available_width());
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.12).min(80.0));
        ui.set_max_width(width);
        egui::Frame::group(ui.style())
            .inner_margin(20.0)
            .show(ui, |ui| {
                ui.set_width(width - 40.0);
                ui.heading("Sign in");
                ui.label("Use the store's Capillary credentials.");
                ui.add_space(10.0);
                let submitted = fields(ui, form, policy);
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    let button = ui.add_enabled(
                        !form.pending,
                        egui::Button::new("Log in").min_size(egui::vec2(100.0, 28.0)),
                    );
                    if button.clicked() || (submitted && !form.pending) {
                        intents.push(Intent::LogIn);
                    }
                    if form.pending {
                        ui.spinner();
                        ui.label("Checking credentials…");
                    }
                });
                if let Some(error) = &form.error {
                    ui.add_space(8.0);
                    ui.colored_label(ui.visuals().error_fg_color, error);
                }
                if form.host == HostChoice::Demo {
                    ui.add_space(8.0);
                    ui.weak("Demo: sign in, then try mobile 919800000001 or 918877665544.");
                }
                if let Some(secs) = policy.lock_after_secs {
                    ui.add_space(8.0);
                    ui.weak(format!("{}. {PINNED_NOTE}.", lock_words(secs)));
                }
                ui.add_space(8.0);
                ui.separator();
                ui.vertical(|ui| enrolment_switch(ui, enrolment, policy, intents));
            });
    });
}

/// How the pinned idle lock reads under the form.
fn lock_words(secs: u64) -> String {
    match secs {
        0 => "The screen never locks by itself".to_owned(),
        s if s < 60 || s % 60 != 0 => format!("The screen locks after {s} seconds without use"),
        60 => "The screen locks after 1 minute without use".to_owned(),
        s => format!("The screen locks after {} minutes without use", s / 60),
    }
}

/// A control IT has pinned: drawn disabled, saying so beside it and on
/// hover.
fn pinned_note(ui: &mut egui::Ui) {
    ui.label(egui::RichText::new(PINNED_NOTE).weak())
        .on_hover_text("Your IT department chose this for every user of this computer.");
}

/// The label of the "Remember password" box.
pub const REMEMBER_LABEL: &str = "Remember password on this computer";

/// "Remember password", offered only where the system keyring works;
/// elsewhere disabled with the reason.
fn remember(ui: &mut egui::Ui, form: &mut LoginForm, policy: &Policy) {
    match &form.keyring {
        KeyringStatus::Available if policy.remember_password.is_some() => {
            ui.add_enabled(
                false,
                egui::Checkbox::new(&mut form.remember, REMEMBER_LABEL),
            )
            .on_disabled_hover_text(PINNED_NOTE);
            pinned_note(ui);
        }
        KeyringStatus::Available => {
            ui.checkbox(&mut form.remember, REMEMBER_LABEL).on_hover_text(
                "Kept in the system keyring, never in a file. Untick it and sign in to forget it.",
            );
        }
        KeyringStatus::Checking => {
            ui.add_enabled(false, egui::Checkbox::new(&mut false, REMEMBER_LABEL))
                .on_disabled_hover_text("Checking the system keyring…");
        }
        KeyringStatus::Unavailable(error) => {
            let reason = error.to_string();
            ui.add_enabled(false, egui::Checkbox::new(&mut false, REMEMBER_LABEL))
                .on_disabled_hover_text(&reason);
            ui.add(egui::Label::new(egui::RichText::new(reason).weak()).wrap());
        }
    }
}

/// The workstation's enrolment switch (saved with the settings).
pub const ENROLMENT_LABEL: &str = "Offer enrolment of new customers here";

/// Whether this workstation offers enrolment; locked when the
/// organisation pinned it.
fn enrolment_switch(ui: &mut egui::Ui, on: bool, policy: &Policy, intents: &mut Vec<Intent>) {
    let mut wanted = on;
    if policy.enrolment.is_some() {
        ui.add_enabled(false, egui::Checkbox::new(&mut wanted, ENROLMENT_LABEL))
            .on_disabled_hover_text(PINNED_NOTE);
        pinned_note(ui);
        return;
    }
    ui.checkbox(&mut wanted, ENROLMENT_LABEL)
        .on_hover_text("Ctrl+N and the offer under \"No customer found\"");
    if wanted != on {
        intents.push(Intent::SetEnrolment(wanted));
    }
}

/// The form fields; true when Enter was pressed in one of them.
fn fields(ui: &mut egui::Ui, form: &mut LoginForm, policy: &Policy) -> bool {
    let mut submitted = false;
    let mut text_fields: Vec<(egui::Response, bool)> = Vec::new();
    egui::Grid::new("login-grid")
        .num_columns(2)
        .spacing([12.0, 10.0])
        .show(ui, |ui| {
            let label = ui.label("Server");
            if let Some(host) = &policy.host {
                ui.vertical(|ui| {
                    let mut shown = host.clone();
                    ui.add_enabled(
                        false,
                        egui::TextEdit::singleline(&mut shown).desired_width(260.0),
                    )
                    .labelled_by(label.id)
                    .on_disabled_hover_text(PINNED_NOTE);
                    pinned_note(ui);
                });
                ui.end_row();
            } else {
                egui::ComboBox::from_id_salt("server")
                    .selected_text(host_label(&form.host))
                    .width(260.0)
                    .show_ui(ui, |ui| {
                        let mut choices = vec![HostChoice::Demo];
                        choices.extend(Cluster::ALL.into_iter().map(HostChoice::Cluster));
                        choices.push(HostChoice::Custom(String::new()));
                        for choice in choices {
                            let selected = std::mem::discriminant(&choice)
                                == std::mem::discriminant(&form.host)
                                && (!matches!(choice, HostChoice::Cluster(_))
                                    || choice == form.host);
                            if ui.selectable_label(selected, host_label(&choice)).clicked() {
                                form.host = choice;
                                form.focus_first_empty = true;
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
            }

            if policy.host.is_none() && matches!(form.host, HostChoice::Custom(_)) {
                let label = ui.label("Host URL");
                let response = ui
                    .add(
                        egui::TextEdit::singleline(&mut form.custom_url)
                            .hint_text("https://…")
                            .desired_width(260.0),
                    )
                    .labelled_by(label.id);
                let empty = form.custom_url.trim().is_empty();
                text_fields.push((response, empty));
                ui.end_row();
            }

            let label = ui.label("Sign in with");
            ui.horizontal(|ui| {
                ui.radio_value(&mut form.scheme, AuthScheme::Till, "Till username")
                    .labelled_by(label.id);
                ui.radio_value(&mut form.scheme, AuthScheme::OAuth, "OAuth client");
            });
            ui.end_row();

            let (name_label, secret_label) = match form.scheme {
                AuthScheme::Till => ("Username", "Password"),
                AuthScheme::OAuth => ("Client key", "Client secret"),
            };
            let label = ui.label(name_label);
            let name = match form.scheme {
                AuthScheme::Till => &mut form.username,
                AuthScheme::OAuth => &mut form.client_key,
            };
            let empty = name.trim().is_empty();
            let response = ui
                .add(egui::TextEdit::singleline(name).desired_width(260.0))
                .labelled_by(label.id);
            text_fields.push((response, empty));
            ui.end_row();

            let label = ui.label(secret_label);
            ui.horizontal(|ui| {
                let show = form.show_secret;
                let secret = match form.scheme {
                    AuthScheme::Till => form.password.as_mut_string(),
                    AuthScheme::OAuth => form.client_secret.as_mut_string(),
                };
                let empty = secret.is_empty();
                let response = ui
                    .add(
                        egui::TextEdit::singleline(secret)
                            .password(!show)
                            .desired_width(190.0),
                    )
                    .labelled_by(label.id);
                text_fields.push((response, empty));
                ui.checkbox(&mut form.show_secret, "Show");
            });
            ui.end_row();

            ui.label("");
            ui.vertical(|ui| {
                ui.set_max_width(260.0);
                remember(ui, form, policy);
            });
            ui.end_row();
        });

    let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
    for (response, _) in &text_fields {
        if response.lost_focus() && enter {
            submitted = true;
        }
    }
    if form.focus_first_empty {
        form.focus_first_empty = false;
        let target = text_fields
            .iter()
            .find(|(_, empty)| *empty)
            .or(text_fields.last());
        if let Some((response, _)) = target {
            response.request_focus();
        }
    }
    submitted
}
