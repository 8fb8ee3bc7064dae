//! The login panel: server, auth scheme, credentials, Log in.

use super::mirror;
use crate::capillary::Cluster;
use crate::config::{AuthScheme, HostChoice};
use crate::i18n::{Language, LanguageChoice, Msg, Texts, tr};
use crate::policy::Policy;
use crate::state::{Intent, KeyringStatus, LoginForm};

fn host_label(t: &Texts, choice: &HostChoice) -> String {
    match choice {
        HostChoice::Demo => tr!(t, "host-demo"),
        HostChoice::Cluster(c) => {
            format!("{} ({})", c.label(), c.url().trim_start_matches("https://"))
        }
        HostChoice::Custom(_) => tr!(t, "host-custom"),
    }
}

/// The workstation's own settings the login panel shows under the form.
#[derive(Debug, Clone, Copy)]
pub struct Workstation {
    pub enrolment: bool,
    pub language: LanguageChoice,
}

/// Draws the login panel, centred.
pub fn draw(
    ui: &mut egui::Ui,
    t: &Texts,
    form: &mut LoginForm,
    policy: &Policy,
    workstation: Workstation,
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
                ui.heading(tr!(t, "sign-in"));
                ui.label(tr!(t, "sign-in-intro"));
                ui.add_space(10.0);
                let submitted = fields(ui, t, form, policy);
                ui.add_space(12.0);
                mirror::row(ui, t.right_to_left(), |ui| {
                    let button = ui.add_enabled(
                        !form.pending,
                        egui::Button::new(tr!(t, "log-in")).min_size(egui::vec2(100.0, 28.0)),
                    );
                    if button.clicked() || (submitted && !form.pending) {
                        intents.push(Intent::LogIn);
                    }
                    if form.pending {
                        ui.spinner();
                        ui.label(tr!(t, "checking-credentials"));
                    }
                });
                if let Some(error) = &form.error {
                    ui.add_space(8.0);
                    ui.colored_label(ui.visuals().error_fg_color, t.drawable(&error.words(t)));
                }
                if form.host == HostChoice::Demo {
                    ui.add_space(8.0);
                    ui.weak(tr!(t, "demo-hint"));
                }
                if let Some(secs) = policy.lock_after_secs {
                    ui.add_space(8.0);
                    ui.weak(lock_words(t, secs));
                }
                ui.add_space(8.0);
                ui.separator();
                mirror::column(ui, t.right_to_left(), |ui| {
                    enrolment_switch(ui, t, workstation.enrolment, policy, intents);
                    language_choice(ui, t, workstation.language, policy, intents);
                });
            });
    });
}

/// How the pinned idle lock reads under the form.
fn lock_words(t: &Texts, secs: u64) -> String {
    match secs {
        0 => tr!(t, "lock-never"),
        s if s < 60 || s % 60 != 0 => tr!(t, "lock-after-seconds", count = s),
        s => tr!(t, "lock-after-minutes", count = s / 60),
    }
}

/// A control IT has pinned: drawn disabled, saying so beside it and on
/// hover.
fn pinned_note(ui: &mut egui::Ui, t: &Texts) {
    ui.label(egui::RichText::new(tr!(t, "pinned")).weak())
        .on_hover_text(tr!(t, "pinned-hover"));
}

/// The label of the "Remember password" box.
pub const REMEMBER_LABEL: Msg = Msg("remember-password");

/// "Remember password", offered only where the system keyring works;
/// elsewhere disabled with the reason.
fn remember(ui: &mut egui::Ui, t: &Texts, form: &mut LoginForm, policy: &Policy) {
    let label = t.msg(REMEMBER_LABEL);
    let pinned = tr!(t, "pinned");
    match &form.keyring {
        KeyringStatus::Available if policy.remember_password.is_some() => {
            ui.add_enabled(false, egui::Checkbox::new(&mut form.remember, label))
                .on_disabled_hover_text(pinned);
            pinned_note(ui, t);
        }
        KeyringStatus::Available => {
            ui.checkbox(&mut form.remember, label)
                .on_hover_text(tr!(t, "remember-password-hover"));
        }
        KeyringStatus::Checking => {
            ui.add_enabled(false, egui::Checkbox::new(&mut false, label))
                .on_disabled_hover_text(tr!(t, "keyring-checking"));
        }
        KeyringStatus::Unavailable(error) => {
            let reason = t.drawable(&error.words(t));
            ui.add_enabled(false, egui::Checkbox::new(&mut false, label))
                .on_disabled_hover_text(&reason);
            ui.add(egui::Label::new(egui::RichText::new(reason).weak()).wrap());
        }
    }
}

/// The workstation's enrolment switch (saved with the settings).
pub const ENROLMENT_LABEL: Msg = Msg("enrolment-switch");

/// Whether this workstation offers enrolment; locked when the
/// organisation pinned it.
fn enrolment_switch(
    ui: &mut egui::Ui,
    t: &Texts,
    on: bool,
    policy: &Policy,
    intents: &mut Vec<Intent>,
) {
    let mut wanted = on;
    let label = t.msg(ENROLMENT_LABEL);
    if policy.enrolment.is_some() {
        ui.add_enabled(false, egui::Checkbox::new(&mut wanted, label))
            .on_disabled_hover_text(tr!(t, "pinned"));
        pinned_note(ui, t);
        return;
    }
    ui.checkbox(&mut wanted, label)
        .on_hover_text(tr!(t, "enrolment-switch-hover"));
    if wanted != on {
        intents.push(Intent::SetEnrolment(wanted));
    }
}

/// The accessible name of the language selector.
pub const LANGUAGE_LABEL: Msg = Msg("language");

/// The UI's language: the workstation's (named, with what it resolves to)
/// or one of the languages, each in its own script; locked when pinned.
fn language_choice(
    ui: &mut egui::Ui,
    t: &Texts,
    choice: LanguageChoice,
    policy: &Policy,
    intents: &mut Vec<Intent>,
) {
    let name = |choice: LanguageChoice| match choice {
        LanguageChoice::Workstation => {
            tr!(
                t,
                "language-workstation",
                language = t.language().native_name()
            )
        }
        LanguageChoice::Language(language) => language.native_name().to_owned(),
    };
    mirror::row(ui, t.right_to_left(), |ui| {
        let label = ui.label(t.msg(LANGUAGE_LABEL));
        let pinned = policy.language.is_some();
        ui.add_enabled_ui(!pinned, |ui| {
            egui::ComboBox::from_id_salt("language")
                .selected_text(name(choice))
                .show_ui(ui, |ui| {
                    let choices = std::iter::once(LanguageChoice::Workstation)
                        .chain(Language::ALL.map(LanguageChoice::Language));
                    for option in choices {
                        if ui
                            .selectable_label(option == choice, name(option))
                            .clicked()
                            && option != choice
                        {
                            intents.push(Intent::SetLanguage(option));
                        }
                    }
                })
                .response
                .labelled_by(label.id)
                .on_disabled_hover_text(tr!(t, "pinned"));
        });
        if pinned {
            pinned_note(ui, t);
        }
    });
}

/// The labels' column in a mirrored form.
const LABEL_COLUMN: f32 = 110.0;

/// The form fields; true when Enter was pressed in one of them.
fn fields(ui: &mut egui::Ui, t: &Texts, form: &mut LoginForm, policy: &Policy) -> bool {
    let mut submitted = false;
    let mut text_fields: Vec<(egui::Response, bool)> = Vec::new();
    let rtl = t.right_to_left();
    let grid = egui::Grid::new("login-grid")
        .num_columns(2)
        .spacing([12.0, 10.0]);
    mirror::form(ui, rtl, grid, LABEL_COLUMN, |rows| {
        rows.row(|row| {
            let label = row.label(tr!(t, "server"));
            let ui = &mut *row.ui;
            if let Some(host) = &policy.host {
                mirror::column(ui, rtl, |ui| {
                    let mut shown = host.clone();
                    ui.add_enabled(
                        false,
                        egui::TextEdit::singleline(&mut shown).desired_width(260.0),
                    )
                    .labelled_by(label.id)
                    .on_disabled_hover_text(tr!(t, "pinned"));
                    pinned_note(ui, t);
                });
            } else {
                egui::ComboBox::from_id_salt("server")
                    .selected_text(host_label(t, &form.host))
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
                            if ui
                                .selectable_label(selected, host_label(t, &choice))
                                .clicked()
                            {
                                form.host = choice;
                                form.focus_first_empty = true;
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
            }
        });

        if policy.host.is_none() && matches!(form.host, HostChoice::Custom(_)) {
            rows.row(|row| {
                let label = row.label(tr!(t, "host-url"));
                let response = row
                    .ui
                    .add(
                        egui::TextEdit::singleline(&mut form.custom_url)
                            .hint_text("https://…")
                            .desired_width(260.0),
                    )
                    .labelled_by(label.id);
                let empty = form.custom_url.trim().is_empty();
                text_fields.push((response, empty));
            });
        }

        rows.row(|row| {
            // Each choice keeps its own name for screen readers (labelling
            // the first by the row's label hid "Till" from them).
            let _ = row.label(tr!(t, "sign-in-with"));
            mirror::row(row.ui, rtl, |ui| {
                ui.radio_value(&mut form.scheme, AuthScheme::Till, tr!(t, "scheme-till"));
                ui.radio_value(&mut form.scheme, AuthScheme::OAuth, tr!(t, "scheme-oauth"));
            });
        });

        let (name_label, secret_label) = match form.scheme {
            AuthScheme::Till => (tr!(t, "username"), tr!(t, "password")),
            AuthScheme::OAuth => (tr!(t, "client-key"), tr!(t, "client-secret")),
        };
        rows.row(|row| {
            let label = row.label(name_label);
            let name = match form.scheme {
                AuthScheme::Till => &mut form.username,
                AuthScheme::OAuth => &mut form.client_key,
            };
            let empty = name.trim().is_empty();
            let response = row
                .ui
                .add(egui::TextEdit::singleline(name).desired_width(260.0))
                .labelled_by(label.id);
            text_fields.push((response, empty));
        });

        rows.row(|row| {
            let label = row.label(secret_label);
            mirror::row(row.ui, rtl, |ui| {
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
                ui.checkbox(&mut form.show_secret, tr!(t, "show-secret"));
            });
        });

        rows.row(|row| {
            row.no_label();
            mirror::column(row.ui, rtl, |ui| {
                ui.set_max_width(260.0);
                remember(ui, t, form, policy);
            });
        });
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
