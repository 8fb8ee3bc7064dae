//! The enrolment dialog: what was typed, what is wrong with it (per field),
//! what Capillary said, and whether it is being sent. Nothing here reaches
//! the disk or the log; the lock and Log out drop it with the customer data.

use crate::capillary::{EnrolField, EnrolForm, FieldError, FieldProblem};

/// The enrolment form over the lookup screen.
#[derive(Debug, Default)]
pub struct EnrolDialog {
    pub form: EnrolForm,
    /// What cannot be right, beside each field, in Tab order.
    pub errors: Vec<FieldError>,
    /// Capillary's refusal in words, with its code and request id.
    pub refused: Option<String>,
    /// The enrolment is on its way: a second Enter sends nothing.
    pub sending: bool,
    /// Put the keyboard focus in this field on the next frame.
    pub focus: Option<EnrolField>,
}

impl EnrolDialog {
    /// The form with the text just looked up in the field it fits, focus in
    /// First name.
    pub fn new(looked_up: &str, country_code: &str) -> Self {
        Self {
            form: EnrolForm::prefilled(looked_up, country_code),
            focus: Some(EnrolField::FirstName),
            ..Self::default()
        }
    }

    /// What is wrong with `field`, if anything.
    pub fn error(&self, field: EnrolField) -> Option<&FieldProblem> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| &e.problem)
    }

    /// The form's text of `field`, for the UI to edit.
    pub fn field_mut(&mut self, field: EnrolField) -> &mut String {
        let form = &mut self.form;
        match field {
            EnrolField::FirstName => &mut form.first_name,
            EnrolField::LastName => &mut form.last_name,
            EnrolField::Mobile => &mut form.mobile,
            EnrolField::Email => &mut form.email,
            EnrolField::Card => &mut form.card,
        }
    }

    /// Shows `errors` beside their fields and moves the focus to the first.
    pub fn show_errors(&mut self, errors: Vec<FieldError>) {
        self.focus = errors.first().map(|e| e.field);
        self.errors = errors;
    }
}
