//! Enrolling a customer nobody matched: the form opens with what was just
//! looked up, is checked before anything is sent, goes to Capillary once
//! (a second Enter while it is on its way does nothing), and the new
//! customer's profile opens like any lookup, "Take photo…" focused. Only
//! the new customer's ID and the till are logged.

use super::App;
use super::jobs::{self, EnrolOutcome, Job};
use crate::capillary::{
    EnrolField, ErrorKind, FieldError, FieldProblem, IdentifierKind, Lookup, codes,
};
use crate::i18n::{Msg, tr_text};
use crate::state::{EnrolDialog, EnrolIntent};
use std::time::Duration;

/// What Ctrl+N says where enrolment is turned off.
pub const ENROLMENT_OFF: Msg = Msg("enrolment-off");
/// How long "Enrolled" stays.
const ENROLLED_TOAST: Duration = Duration::from_secs(3);

impl App {
    pub(super) fn enrol_intent(&mut self, ctx: &egui::Context, intent: EnrolIntent) {
        match intent {
            EnrolIntent::Open => self.open_enrolment(ctx),
            EnrolIntent::Submit => self.submit_enrolment(ctx),
            EnrolIntent::Cancel => {
                self.logic.state.enrol = None;
                self.jobs.enrol = None;
                self.logic.state.lookup.request_focus = true;
            }
        }
    }

    fn open_enrolment(&mut self, ctx: &egui::Context) {
        if self.logic.state.session.is_none() || self.logic.state.enrol.is_some() {
            return;
        }
        if !self.logic.state.settings.enrolment {
            let off = self.logic.state.texts.msg_text(ENROLMENT_OFF);
            self.toast(ctx, &off, Duration::from_secs(3));
            return;
        }
        let looked_up = self
            .logic
            .state
            .not_found
            .clone()
            .unwrap_or_else(|| self.logic.state.lookup.input.clone());
        self.logic.state.enrol = Some(EnrolDialog::new(
            &looked_up,
            &self.logic.state.settings.country_code,
        ));
    }

    fn submit_enrolment(&mut self, ctx: &egui::Context) {
        let Some(dialog) = &mut self.logic.state.enrol else {
            return;
        };
        if dialog.sending {
            return; // a double Enter enrols once
        }
        let enrolment = match dialog.form.validate() {
            Ok(enrolment) => enrolment,
            Err(errors) => {
                dialog.show_errors(errors);
                return;
            }
        };
        let (Some(client), Some(session)) = (&self.client, &self.logic.state.session) else {
            return;
        };
        dialog.errors.clear();
        dialog.refused = None;
        dialog.sending = true;
        let work = jobs::enrol(client.clone(), enrolment, session.user.clone());
        self.jobs.enrol = Some(Job::spawn(ctx, work));
    }

    pub(super) fn finish_enrolment(&mut self, ctx: &egui::Context, outcome: EnrolOutcome) {
        let Some(dialog) = &mut self.logic.state.enrol else {
            return; // cancelled, locked or logged out meanwhile
        };
        dialog.sending = false;
        let enrolled = match outcome {
            Ok(enrolled) => enrolled,
            Err(error) => {
                tracing::info!(
                    error = %error.kind,
                    request_id = error.request_id.as_deref(),
                    "enrolment refused"
                );
                let words = error.words_with_request_id(&self.logic.state.texts);
                let field = match error.kind {
                    ErrorKind::Capillary { code, .. } if code == codes::INVALID_MOBILE => {
                        Some(EnrolField::Mobile)
                    }
                    ErrorKind::Capillary { code, .. } if code == codes::INVALID_EMAIL => {
                        Some(EnrolField::Email)
                    }
                    _ => None,
                };
                let code = match &error.kind {
                    ErrorKind::Capillary { code, .. } => {
                        let code = code.to_string();
                        format!(
                            " {}",
                            tr_text!(self.logic.state.texts, "error-code", code = code)
                        )
                    }
                    _ => String::new(),
                };
                if let Some(field) = field {
                    dialog.show_errors(vec![FieldError {
                        field,
                        problem: FieldProblem::Refused(format!(
                            "{}{code}",
                            error.kind.words(&self.logic.state.texts)
                        )),
                    }]);
                }
                let words = format!("{words}{code}");
                dialog.refused = Some(tr_text!(
                    self.logic.state.texts,
                    "not-enrolled",
                    reason = words
                ));
                return;
            }
        };
        let till = self
            .logic
            .state
            .session
            .as_ref()
            .map(|s| s.user.clone())
            .unwrap_or_default();
        tracing::info!(
            customer_id = enrolled.customer_id,
            till = till.as_str(),
            "customer {} enrolled by {till}",
            enrolled.customer_id
        );
        self.logic.state.enrol = None;
        let Ok(lookup) = Lookup::new(
            IdentifierKind::CustomerId,
            &enrolled.customer_id.to_string(),
        ) else {
            return;
        };
        self.send(ctx, crate::logic::Msg::LookUp(vec![lookup]));
        let t = self.logic.state.texts.clone();
        let id = enrolled.customer_id.to_string();
        let mut note = vec![tr_text!(t, "enrolled-as", id = id)];
        note.extend(
            enrolled
                .warnings
                .iter()
                .map(|w| tr_text!(t, "capillary-says", words = w.as_str())),
        );
        note.extend(enrolled.rewards.iter().map(|r| format!("{r}.")));
        self.logic.state.enrolled_note = Some(note.join(" "));
        self.logic.state.focus_take_photo = true;
        self.toast(ctx, &tr_text!(t, "enrolled"), ENROLLED_TOAST);
    }
}
