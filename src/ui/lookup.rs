//! The lookup form (identifier type, input, Look up) and recent lookups.

use crate::capillary::IdentifierKind;
use crate::state::{AppState, Intent, ProfileState};

/// The accessible name of the lookup input.
pub const INPUT_LABEL: &str = "Customer identifier";

pub fn draw(ui: &mut egui::Ui, state: &mut AppState, busy: bool, intents: &mut Vec<Intent>) {
    let loading = matches!(state.profile, ProfileState::Loading { .. });
    let form = &mut state.lookup;
    ui.horizontal(|ui| {
        let type_label = ui.label("Find by");
        egui::ComboBox::from_id_salt("identifier-kind")
            .selected_text(form.kind.label())
            .show_ui(ui, |ui| {
                for kind in IdentifierKind::ALL {
                    if ui
                        .selectable_label(form.kind == kind, kind.label())
                        .clicked()
                    {
                        form.kind = kind;
                        form.kind_explicit = true;
                        form.request_focus = true;
                    }
                }
            })
            .response
            .labelled_by(type_label.id);
        let label = ui.label(INPUT_LABEL);
        let hint = match form.kind {
            IdentifierKind::Mobile => "Type or scan a mobile number (an email works too)",
            IdentifierKind::Email => "name@example.com",
            IdentifierKind::CardNumber => "Scan or type the card number",
            IdentifierKind::ExternalId => "External ID",
            IdentifierKind::CustomerId => "Capillary customer ID",
        };
        let input = ui
            .add(
                egui::TextEdit::singleline(&mut form.input)
                    .hint_text(hint)
                    .desired_width(320.0),
            )
            .labelled_by(label.id);
        let enter = input.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("Look up").clicked() || enter {
            intents.push(Intent::LookUp);
        }
        if form.request_focus {
            form.request_focus = false;
            input.request_focus();
        }
        if busy {
            ui.spinner();
            if loading && ui.button("Cancel").clicked() {
                intents.push(Intent::Cancel);
            }
        }
    });
    if !state.recent.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.weak("Recent:");
            let current = match &state.profile {
                ProfileState::Loaded(p) => p.customer.display_name(),
                _ => None,
            };
            for recent in &state.recent {
                let selected = current.as_deref() == Some(recent.label.as_str());
                if ui
                    .selectable_label(selected, &recent.label)
                    .on_hover_text("Look up again")
                    .clicked()
                {
                    intents.push(Intent::Reopen(recent.lookup.clone()));
                }
            }
        });
    }
}
