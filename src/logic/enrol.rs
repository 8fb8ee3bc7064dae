//! Enrolling a customer nobody matched: the form opens with what was just
//! looked up, is checked before anything is sent, goes to Capillary once
//! (a second Enter while it is on its way does nothing), and the new
//! customer's profile opens like any lookup, "Take photo…" focused. Only
//! the new customer's ID and the till are logged.

use super::{Effect, Logic, Work};
use crate::capillary::{
    ApiError, EnrolField, Enrolled, ErrorKind, FieldError, FieldProblem, IdentifierKind, Lookup,
    codes,
};
use crate::i18n::{Msg, tr_text};
use crate::state::{EnrolDialog, EnrolIntent};
use std::time::Duration;

/// What Ctrl+N says where enrolment is turned off.
pub const ENROLMENT_OFF: Msg = Msg("enrolment-off");
/// How long "Enrolled" stays.
const ENROLLED_TOAST: Duration = Duration::from_secs(3);

impl Logic {
    pub(super) fn enrol_intent(&mut self, intent: EnrolIntent, fx: &mut Vec<Effect>) {
        match intent {
            EnrolIntent::Open => self.open_enrolment(fx),
            EnrolIntent::Submit => self.submit_enrolment(fx),
            EnrolIntent::Cancel => {
                self.state.enrol = None;
                fx.push(Effect::Cancel(super::JobGroup::Enrol));
                self.state.lookup.request_focus = true;
            }
        }
    }

    fn open_enrolment(&mut self, fx: &mut Vec<Effect>) {
        if self.state.session.is_none() || self.state.enrol.is_some() {
            return;
        }
        if !self.state.settings.enrolment {
            let off = self.state.texts.msg_text(ENROLMENT_OFF);
            self.toast(off, Duration::from_secs(3), fx);
            return;
        }
        let looked_up = self
            .state
            .not_found
            .clone()
            .unwrap_or_else(|| self.state.lookup.input.clone());
        self.state.enrol = Some(EnrolDialog::new(
            &looked_up,
            &self.state.settings.country_code,
        ));
    }

    fn submit_enrolment(&mut self, fx: &mut Vec<Effect>) {
        let Some(dialog) = &mut self.state.enrol else {
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
        let (true, Some(session)) = (self.link.is_some(), &self.state.session) else {
            return;
        };
        dialog.errors.clear();
        dialog.refused = None;
        dialog.sending = true;
        fx.push(Effect::Start(Work::Enrol {
            enrolment,
            till: session.user.clone(),
        }));
    }

    /// Capillary's answer for the form open now (checked current).
    pub(super) fn finish_enrolment(
        &mut self,
        outcome: Result<Enrolled, ApiError>,
        fx: &mut Vec<Effect>,
    ) {
        let Some(dialog) = &mut self.state.enrol else {
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
                let words = error.words_with_request_id(&self.state.texts);
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
                        format!(" {}", tr_text!(self.state.texts, "error-code", code = code))
                    }
                    _ => String::new(),
                };
                if let Some(field) = field {
                    dialog.show_errors(vec![FieldError {
                        field,
                        problem: FieldProblem::Refused(format!(
                            "{}{code}",
                            error.kind.words(&self.state.texts)
                        )),
                    }]);
                }
                let words = format!("{words}{code}");
                dialog.refused = Some(tr_text!(self.state.texts, "not-enrolled", reason = words));
                return;
            }
        };
        let till = self.till();
        tracing::info!(
            customer_id = enrolled.customer_id,
            till = till.as_str(),
            "customer {} enrolled by {till}",
            enrolled.customer_id
        );
        self.state.enrol = None;
        let Ok(lookup) = Lookup::new(
            IdentifierKind::CustomerId,
            &enrolled.customer_id.to_string(),
        ) else {
            return;
        };
        self.start_lookup(vec![lookup], fx);
        let t = self.state.texts.clone();
        let id = enrolled.customer_id.to_string();
        let mut note = vec![tr_text!(t, "enrolled-as", id = id)];
        note.extend(
            enrolled
                .warnings
                .iter()
                .map(|w| tr_text!(t, "capillary-says", words = w.as_str())),
        );
        note.extend(enrolled.rewards.iter().map(|r| format!("{r}.")));
        self.state.enrolled_note = Some(note.join(" "));
        self.state.focus_take_photo = true;
        self.toast(tr_text!(t, "enrolled"), ENROLLED_TOAST, fx);
    }
}
