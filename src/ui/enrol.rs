//! The enrolment form, keyboard first: focus starts in First name, Tab
//! goes first name, last name, mobile, email, card; Enter in any field
//! sends, Esc cancels. What is wrong is said beside its field.

use crate::capillary::{
    EnrolField, FieldProblem, MAX_ENROL_MOBILE_DIGITS, MIN_ENROL_MOBILE_DIGITS,
};
use crate::i18n::{Msg, Texts, tr};
use crate::state::{AppState, EnrolIntent, Intent};

/// The dialog's heading (and its accessible name).
pub const ENROL_HEADING: Msg = Msg("enrol-heading");
pub const ENROL_SUBMIT: Msg = Msg("enrol-submit");
pub const ENROL_CANCEL: Msg = Msg("enrol-cancel");

/// A field's label.
pub fn field_label(t: &Texts, field: EnrolField) -> String {
    match field {
        EnrolField::FirstName => tr!(t, "first-name"),
        EnrolField::LastName => tr!(t, "last-name"),
        EnrolField::Mobile => tr!(t, "kind-mobile"),
        EnrolField::Email => tr!(t, "kind-email"),
        EnrolField::Card => tr!(t, "card-optional"),
    }
}

/// What is wrong with a field, in words.
fn problem_words(t: &Texts, problem: &FieldProblem) -> String {
    match problem {
        FieldProblem::FirstNameMissing => tr!(t, "error-first-name"),
        FieldProblem::MobileLength { digits } => tr!(
            t,
            "error-mobile-length",
            min = MIN_ENROL_MOBILE_DIGITS,
            max = MAX_ENROL_MOBILE_DIGITS,
            count = *digits
        ),
        FieldProblem::MobileNotDigits => tr!(t, "error-mobile-digits"),
        FieldProblem::EmailShape => tr!(t, "error-email"),
        FieldProblem::ContactMissing => tr!(t, "error-contact"),
        FieldProblem::Refused(words) => t.drawable(words),
    }
}

/// The labels' column when the form is mirrored.
const LABEL_COLUMN: f32 = 120.0;

/// Opens the form from the lookup screen.
pub const ENROL_SHORTCUT: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::N);

pub fn draw(ui: &mut egui::Ui, state: &mut AppState, intents: &mut Vec<Intent>) {
    let t = state.texts.clone();
    let t = t.as_ref();
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
    let rtl = t.right_to_left();
    egui::Modal::new(egui::Id::unique("enrol-dialog")).show(ui.ctx(), |ui| {
        ui.set_width(460.0);
        super::mirror::column(ui, rtl, |ui| {
            ui.heading(t.msg(ENROL_HEADING));
            ui.weak(tr!(t, "enrol-intro"));
            ui.add_space(8.0);
            let focus = dialog.focus.take();
            let sending = dialog.sending;
            let grid = egui::Grid::new("enrol-fields")
                .num_columns(2)
                .spacing([12.0, 6.0]);
            super::mirror::form(ui, rtl, grid, LABEL_COLUMN, |rows| {
                for field in EnrolField::ALL {
                    rows.row(|row| {
                        let label = row.label(field_label(t, field));
                        let error = dialog.error(field).map(|p| problem_words(t, p));
                        super::mirror::column(row.ui, rtl, |ui| {
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
                    });
                }
            });
            if let Some(refused) = &dialog.refused {
                ui.add_space(6.0);
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(t.drawable(refused)).color(ui.visuals().error_fg_color),
                    )
                    .wrap(),
                );
            }
            ui.add_space(8.0);
            super::mirror::row(ui, rtl, |ui| {
                let send = ui.add_enabled(!dialog.sending, egui::Button::new(t.msg(ENROL_SUBMIT)));
                if send.clicked() {
                    intents.push(Intent::Enrol(EnrolIntent::Submit));
                }
                if ui.button(t.msg(ENROL_CANCEL)).clicked() {
                    intents.push(Intent::Enrol(EnrolIntent::Cancel));
                }
                if dialog.sending {
                    ui.spinner();
                    ui.label(tr!(t, "enrolling"));
                }
            });
        });
    });
}
