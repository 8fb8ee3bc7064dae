//! Enrolling a new customer at the counter: what the form must hold before
//! anything is sent (checked here, in words, per field), the body of
//! `POST /v2/customers`, and its answer (`createdId`, `warnings`,
//! `sideEffects`).

use super::digits;
use super::identifier::{IdentifierKind, Lookup};
use super::lenient;
use super::model::ApiMessage;
use serde::Deserialize;
use serde_json::{Value, json};

/// A mobile has at least this many digits (country code included)…
pub const MIN_ENROL_MOBILE_DIGITS: usize = 8;
/// …and at most this many (E.164).
pub const MAX_ENROL_MOBILE_DIGITS: usize = 15;

/// The form's fields, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnrolForm {
    pub first_name: String,
    pub last_name: String,
    pub mobile: String,
    pub email: String,
    pub card: String,
}

/// The fields of the form, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnrolField {
    FirstName,
    LastName,
    Mobile,
    Email,
    Card,
}

impl EnrolField {
    pub const ALL: [EnrolField; 5] = [
        EnrolField::FirstName,
        EnrolField::LastName,
        EnrolField::Mobile,
        EnrolField::Email,
        EnrolField::Card,
    ];
}

/// What is wrong with one field (the UI puts it in words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: EnrolField,
    pub problem: FieldProblem,
}

/// Why a field cannot be sent as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    FirstNameMissing,
    /// A mobile of this many digits (allowed:
    /// [`MIN_ENROL_MOBILE_DIGITS`]..=[`MAX_ENROL_MOBILE_DIGITS`]).
    MobileLength {
        digits: usize,
    },
    MobileNotDigits,
    EmailShape,
    /// Neither a mobile nor an email: Capillary needs one.
    ContactMissing,
    /// Capillary refused the field; its words, code and request id.
    Refused(String),
}

/// A form that passed the checks: what is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolment {
    pub first_name: String,
    pub last_name: String,
    /// ASCII digits, with the country code.
    pub mobile: Option<String>,
    pub email: Option<String>,
    pub card: Option<String>,
}

impl EnrolForm {
    /// The form with the text just looked up in the field it fits: digits
    /// as the mobile (a 10-digit local number behind the store's country
    /// code), an `@` as the email, anything else as the card number.
    pub fn prefilled(looked_up: &str, country_code: &str) -> EnrolForm {
        let text = digits::without_invisibles(looked_up).trim().to_owned();
        let mut form = EnrolForm::default();
        if text.is_empty() {
            return form;
        }
        if text.contains('@') {
            form.email = text;
        } else if let Some(mobile) = mobile_digits(&text) {
            let code = country_code.trim().trim_start_matches('+');
            form.mobile = if mobile.len() == 10 && !code.is_empty() {
                format!("{code}{mobile}")
            } else {
                mobile
            };
        } else {
            form.card = text;
        }
        form
    }

    /// Checks every field; the errors come in Tab order (the first is where
    /// the focus goes).
    pub fn validate(&self) -> Result<Enrolment, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut error = |field, problem| errors.push(FieldError { field, problem });
        let first_name = self.first_name.trim().to_owned();
        let last_name = self.last_name.trim().to_owned();
        if first_name.is_empty() {
            error(EnrolField::FirstName, FieldProblem::FirstNameMissing);
        }
        let mobile_typed = !self.mobile.trim().is_empty();
        let email_typed = !self.email.trim().is_empty();
        let mobile = mobile_digits(&self.mobile);
        match &mobile {
            _ if !mobile_typed => {}
            Some(m) if (MIN_ENROL_MOBILE_DIGITS..=MAX_ENROL_MOBILE_DIGITS).contains(&m.len()) => {}
            Some(m) => error(
                EnrolField::Mobile,
                FieldProblem::MobileLength { digits: m.len() },
            ),
            None => error(EnrolField::Mobile, FieldProblem::MobileNotDigits),
        }
        let email = digits::without_invisibles(&self.email).trim().to_owned();
        if email_typed && !is_email(&email) {
            error(EnrolField::Email, FieldProblem::EmailShape);
        }
        if !mobile_typed && !email_typed {
            error(EnrolField::Mobile, FieldProblem::ContactMissing);
        }
        let card: String = self.card.chars().filter(|c| !c.is_whitespace()).collect();
        errors.sort_by_key(|e| EnrolField::ALL.iter().position(|f| *f == e.field));
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Enrolment {
            first_name,
            last_name,
            mobile: mobile.filter(|_| mobile_typed),
            email: email_typed.then_some(email),
            card: (!card.is_empty()).then_some(card),
        })
    }

    /// True when nothing was typed.
    pub fn is_empty(&self) -> bool {
        *self == EnrolForm::default()
    }
}

/// The digits of a phone number as a mobile lookup reads them (digits of
/// any script, separators and a leading `+` dropped), if it is one.
fn mobile_digits(text: &str) -> Option<String> {
    Lookup::new(IdentifierKind::Mobile, text)
        .ok()
        .map(|mobile| mobile.value)
}

/// `name@domain.tld`: one `@`, something before it, a dot inside the domain
/// with something on both sides, no spaces.
fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let Some((host, tld)) = domain.rsplit_once('.') else {
        return false;
    };
    !local.is_empty()
        && !host.is_empty()
        && tld.len() >= 2
        && !domain.contains('@')
        && !text.chars().any(char::is_whitespace)
}

impl Enrolment {
    /// The body of `POST /v2/customers?source=INSTORE` (Capillary's
    /// "Register customer"), for the till `till`.
    pub fn body(&self, till: &str) -> Value {
        let mut identifiers = Vec::new();
        let mut channels = Vec::new();
        let mut primary = true;
        for (kind, value) in [("mobile", &self.mobile), ("email", &self.email)] {
            if let Some(value) = value {
                identifiers.push(json!({"type": kind, "value": value}));
                channels.push(json!({"type": kind, "value": value, "primary": primary,
                    "verified": false, "meta": {"residence": false, "office": false}}));
                primary = false;
            }
        }
        if let Some(card) = &self.card {
            identifiers.push(json!({"type": "cardnumber", "value": card}));
        }
        json!({
            "loyaltyInfo": {"loyaltyType": "loyalty"},
            "associatedWith": till,
            "profiles": [{
                "firstName": self.first_name,
                "lastName": self.last_name,
                "identifiers": identifiers,
                "commChannels": channels,
                "fields": {},
            }],
            "extendedFields": {},
        })
    }
}

/// Capillary's answer to a registration.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct EnrolAnswer {
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub created_id: Option<i64>,
    #[serde(deserialize_with = "lenient::vec")]
    pub warnings: Vec<ApiMessage>,
    #[serde(deserialize_with = "lenient::vec")]
    pub side_effects: Vec<Value>,
}

/// A customer just enrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolled {
    pub customer_id: i64,
    /// Capillary's warnings in words ("Same customer found in other
    /// sources, combining (8050)").
    pub warnings: Vec<String>,
    /// Points or coupons awarded for joining, in words.
    pub rewards: Vec<String>,
}

impl EnrolAnswer {
    /// The new customer, or `None` when the answer names none.
    pub fn enrolled(self) -> Option<Enrolled> {
        let customer_id = self.created_id.filter(|id| *id > 0)?;
        let warnings = self
            .warnings
            .iter()
            .map(|w| match (w.message.as_deref().map(str::trim), w.code) {
                (Some(m), Some(code)) if !m.is_empty() => format!("{m} ({code})"),
                (Some(m), None) if !m.is_empty() => m.to_owned(),
                (_, Some(code)) => format!("Capillary warning {code}"),
                _ => "Capillary sent a warning without words".to_owned(),
            })
            .collect();
        let rewards = self
            .side_effects
            .iter()
            .filter_map(|effect| match effect.get("type").and_then(Value::as_str) {
                Some("points") => effect
                    .get("awardedPoints")
                    .and_then(Value::as_f64)
                    .map(|p| format!("{p} points awarded")),
                Some("coupon") => effect
                    .get("couponCode")
                    .and_then(Value::as_str)
                    .map(|c| format!("coupon {c} issued")),
                _ => None,
            })
            .collect();
        Some(Enrolled {
            customer_id,
            warnings,
            rewards,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(first: &str, mobile: &str, email: &str) -> EnrolForm {
        EnrolForm {
            first_name: first.into(),
            last_name: "Thatcher".into(),
            mobile: mobile.into(),
            email: email.into(),
            card: String::new(),
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<EnrolField> {
        errors.iter().map(|e| e.field).collect()
    }

    #[test]
    fn the_looked_up_text_goes_where_it_fits() {
        let prefilled = |text| EnrolForm::prefilled(text, "91");
        assert_eq!(prefilled("9800000099").mobile, "919800000099");
        assert_eq!(prefilled("+91 98000-00099").mobile, "919800000099");
        assert_eq!(prefilled("٩١٩٨٠٠٠٠٠٠٩٩").mobile, "919800000099");
        assert_eq!(prefilled("becky@example.com").email, "becky@example.com");
        assert_eq!(prefilled("DEMO9999").card, "DEMO9999");
        assert!(prefilled("  ").is_empty());
        assert_eq!(EnrolForm::prefilled("9800000099", "").mobile, "9800000099");
    }

    #[test]
    fn what_cannot_be_right_is_caught_per_field_in_tab_order() {
        let errors = form("", "12345", "becky@").validate().unwrap_err();
        assert_eq!(
            fields(&errors),
            [EnrolField::FirstName, EnrolField::Mobile, EnrolField::Email]
        );
        assert_eq!(
            errors[1].problem,
            FieldProblem::MobileLength { digits: 5 },
            "{errors:?}"
        );
        for bad in [
            "becky",
            "becky@example",
            "@example.com",
            "be cky@example.com",
            "b@@x.com",
        ] {
            let errors = form("Becky", "", bad).validate().unwrap_err();
            assert_eq!(fields(&errors), [EnrolField::Email], "{bad}");
        }
        let errors = form("Becky", "98000abc", "").validate().unwrap_err();
        assert_eq!(fields(&errors), [EnrolField::Mobile]);
        let errors = form("Becky", "1234567890123456", "")
            .validate()
            .unwrap_err();
        assert_eq!(fields(&errors), [EnrolField::Mobile], "16 digits");
        let errors = form("Becky", "", "").validate().unwrap_err();
        assert_eq!(fields(&errors), [EnrolField::Mobile], "neither given");
        assert_eq!(errors[0].problem, FieldProblem::ContactMissing);
    }

    #[test]
    fn a_good_form_is_normalised() {
        let mut good = form(" Becky ", "+91 98000 00099", " becky@example.com ");
        good.card = " DEMO 9999 ".into();
        let enrolment = good.validate().unwrap();
        assert_eq!(enrolment.first_name, "Becky");
        assert_eq!(enrolment.mobile.as_deref(), Some("919800000099"));
        assert_eq!(enrolment.email.as_deref(), Some("becky@example.com"));
        assert_eq!(enrolment.card.as_deref(), Some("DEMO9999"));
        let only_email = form("Becky", "", "becky@example.com").validate().unwrap();
        assert_eq!(only_email.mobile, None);
    }

    #[test]
    fn the_body_is_capillarys_register_request() {
        let enrolment = form("Becky", "919800000099", "becky@example.com")
            .validate()
            .unwrap();
        let body = enrolment.body("store.till");
        assert_eq!(body["loyaltyInfo"]["loyaltyType"], "loyalty");
        assert_eq!(body["associatedWith"], "store.till");
        let profile = &body["profiles"][0];
        assert_eq!(profile["firstName"], "Becky");
        assert_eq!(profile["identifiers"][0]["type"], "mobile");
        assert_eq!(profile["identifiers"][1]["value"], "becky@example.com");
        assert_eq!(profile["commChannels"][0]["primary"], true);
        assert_eq!(profile["commChannels"][1]["primary"], false);
        assert_eq!(profile["commChannels"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn the_answer_with_a_warning_and_rewards() {
        let answer: EnrolAnswer = serde_json::from_str(
            r#"{"createdId": 130713699, "warnings": [{"status": true, "code": 8050,
            "message": "Same Customer found in other sources, Combining"}],
            "sideEffects": [{"awardedPoints": 100, "type": "points"},
            {"couponCode": "HL1FALGQ", "type": "coupon"}]}"#,
        )
        .unwrap();
        let enrolled = answer.enrolled().unwrap();
        assert_eq!(enrolled.customer_id, 130_713_699);
        assert_eq!(
            enrolled.warnings,
            ["Same Customer found in other sources, Combining (8050)"]
        );
        assert_eq!(
            enrolled.rewards,
            ["100 points awarded", "coupon HL1FALGQ issued"]
        );
        let none: EnrolAnswer = serde_json::from_str(r#"{"createdId": null}"#).unwrap();
        assert!(none.enrolled().is_none());
    }
}
