//! The enrolment form, keyboard first: focus starts in First name, Tab
//! goes first name, last name, mobile, email, card; Enter in any field
//! sends, Esc cancels. What is wrong is said beside its field.

use crate::capillary::EnrolField;
use crate::state::{AppState, EnrolIntent, Intent};

/// The dialog's heading (and its accessible name).
pub const ENROL_HEADING: &str = "Enrol a new customer";
pub const ENROL_SUBMIT: &str = "Enrol (Enter)";
pub const ENROL_CANCEL: &str = "Cancel (Esc)";

/// Opens the form from the lookup screen.
pub const ENROL_SHORTCUT: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::N);

pub fn draw(ui: &mut egui::Ui, state: &mut AppState, intents: &mut Vec<Intent>) {
    let Some(dialog) = &mut state.enrol else {
        return;
    };
    // Enter sends and Esc cancels whichever field has the focus.
    let (enter, escape) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
            i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
        )
    });
    if escape {
        intents.push(Intent::Enrol(EnrolIntent::Cancel));
    } else if enter {
        intents.push(Intent::Enrol(EnrolIntent::Submit));
    }
    egui::Modal::new(egui::Id::unique("enrol-dialog")).show(ui.ctx(), |ui| {
        ui.set_width(460.0);
        ui.heading(ENROL_HEADING);
        ui.weak("A mobile or an email is needed; the card number is optional.");
        ui.add_space(8.0);
        let focus = dialog.focus.take();
        let sending = dialog.sending;
        egui::Grid::new("enrol-fields")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for field in EnrolField::ALL {
                    let label = ui.label(field.label());
                    let error = dialog.error(field).map(str::to_owned);
                    ui.vertical(|ui| {
                        let edit = egui::TextEdit::singleline(dialog.field_mut(field))
                            .desired_width(300.0)
                            .interactive(!sending);
                        let response = ui.add(edit).labelled_by(label.id);
                        if focus == Some(field) {
                            response.request_focus();
                        }
                        if let Some(error) = error {
                            ui.colored_label(ui.visuals().error_fg_color, error);
                        }
                    });
                    ui.end_row();
                }
            });
        if let Some(refused) = &dialog.refused {
            ui.add_space(6.0);
            ui.add(
                egui::Label::new(egui::RichText::new(refused).color(ui.visuals().error_fg_color))
                    .wrap(),
            );
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let send = ui.add_enabled(!dialog.sending, egui::Button::new(ENROL_SUBMIT));
            if send.clicked() {
                intents.push(Intent::Enrol(EnrolIntent::Submit));
            }
            if ui.button(ENROL_CANCEL).clicked() {
                intents.push(Intent::Enrol(EnrolIntent::Cancel));
            }
            if dialog.sending {
                ui.spinner();
                ui.label("Enrolling…");
            }
        });
    });
}
