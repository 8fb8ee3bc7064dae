//! The lookup form (identifier type, input, Look up) and recent lookups.
//!
//! Scanner-proof: Enter or a Tab after the text looks it up (scanners end
//! with either) and the box keeps the focus; Enter in an empty box does
//! nothing (a scanner's CR LF is one lookup, not two); text that could not
//! be looked up stays selected, so the next scan replaces it.

use crate::capillary::IdentifierKind;
use crate::state::{AppState, Intent, ProfileState};

/// The accessible name of the lookup input.
pub const INPUT_LABEL: &str = "Customer identifier";
/// The selector's entry for "try every type the input could be".
pub const ANY_LABEL: &str = "Any identifier";

fn kind_label(kind: Option<IdentifierKind>) -> &'static str {
    kind.map_or(ANY_LABEL, IdentifierKind::label)
}

pub fn draw(ui: &mut egui::Ui, state: &mut AppState, busy: bool, intents: &mut Vec<Intent>) {
    let loading = matches!(state.profile, ProfileState::Loading { .. });
    let form = &mut state.lookup;
    ui.horizontal(|ui| {
        let type_label = ui.label("Find by");
        egui::ComboBox::from_id_salt("identifier-kind")
            .selected_text(kind_label(form.kind))
            .show_ui(ui, |ui| {
                let choices = std::iter::once(None).chain(IdentifierKind::ALL.map(Some));
                for kind in choices {
                    if ui
                        .selectable_label(form.kind == kind, kind_label(kind))
                        .clicked()
                    {
                        form.kind = kind;
                        form.request_focus = true;
                    }
                }
            })
            .response
            .labelled_by(type_label.id);
        let label = ui.label(INPUT_LABEL);
        let hint = match form.kind {
            None => "Scan or type a card, mobile number or email",
            Some(IdentifierKind::Mobile) => "Mobile number",
            Some(IdentifierKind::Email) => "name@example.com",
            Some(IdentifierKind::CardNumber) => "Scan or type the card number",
            Some(IdentifierKind::ExternalId) => "External ID",
            Some(IdentifierKind::CustomerId) => "Capillary customer ID",
        };
        let was_empty = form.input.is_empty();
        let output = egui::TextEdit::singleline(&mut form.input)
            .hint_text(hint)
            .desired_width(320.0)
            // A scanner's trailing Tab must not move the focus away.
            .lock_focus(true)
            .show(ui);
        let input = output.response.response.clone().labelled_by(label.id);
        if was_empty && !form.input.is_empty() {
            intents.push(Intent::StartedTyping);
        }
        let submitted = input.has_focus()
            && ui.input(|i| i.key_pressed(egui::Key::Enter) || i.key_pressed(egui::Key::Tab))
            || input.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let has_text = !form.input.trim().is_empty();
        if ui.button("Look up").clicked() || submitted && has_text {
            intents.push(Intent::LookUp);
        }
        if form.request_focus {
            form.request_focus = false;
            input.request_focus();
        }
        if form.select_all {
            form.select_all = false;
            let mut edit_state = output.state;
            edit_state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::select_all_str(&form.input)));
            edit_state.store(ui.ctx(), input.id);
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
