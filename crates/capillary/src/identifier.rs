//! What a person (or a barcode scanner) types to find a customer, cleaned up
//! the way Capillary stores it.

use super::digits;
use i18n::{Texts, tr_text};
use std::fmt;

/// The kinds of identifier a customer can be found by.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum IdentifierKind {
    #[default]
    Mobile,
    Email,
    CardNumber,
    ExternalId,
    CustomerId,
}

impl IdentifierKind {
    /// The type's name ("Card number"), in logical order.
    pub fn name_in(self, t: &Texts) -> String {
        match self {
            IdentifierKind::Mobile => tr_text!(t, "kind-mobile"),
            IdentifierKind::Email => tr_text!(t, "kind-email"),
            IdentifierKind::CardNumber => tr_text!(t, "kind-card"),
            IdentifierKind::ExternalId => tr_text!(t, "kind-external-id"),
            IdentifierKind::CustomerId => tr_text!(t, "kind-customer-id"),
        }
    }

    /// The type inside a sentence ("found by card number …"), in logical
    /// order.
    pub fn noun_in(self, t: &Texts) -> String {
        match self {
            IdentifierKind::Mobile => tr_text!(t, "noun-mobile"),
            IdentifierKind::Email => tr_text!(t, "noun-email"),
            IdentifierKind::CardNumber => tr_text!(t, "noun-card"),
            IdentifierKind::ExternalId => tr_text!(t, "noun-external-id"),
            IdentifierKind::CustomerId => tr_text!(t, "noun-customer-id"),
        }
    }

    /// In the order a selector shows them; mobile is the default.
    pub const ALL: [IdentifierKind; 5] = [
        IdentifierKind::Mobile,
        IdentifierKind::Email,
        IdentifierKind::CardNumber,
        IdentifierKind::ExternalId,
        IdentifierKind::CustomerId,
    ];

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            IdentifierKind::Mobile => "Mobile",
            IdentifierKind::Email => "Email",
            IdentifierKind::CardNumber => "Card number",
            IdentifierKind::ExternalId => "External ID",
            IdentifierKind::CustomerId => "Customer ID",
        }
    }

    /// The label inside a sentence ("found by card number …").
    pub fn noun(self) -> &'static str {
        match self {
            IdentifierKind::Mobile => "mobile",
            IdentifierKind::Email => "email",
            IdentifierKind::CardNumber => "card number",
            IdentifierKind::ExternalId => "external ID",
            IdentifierKind::CustomerId => "customer ID",
        }
    }

    /// `identifierName` for the lookup API; `None` for a customer ID, which
    /// has its own endpoint.
    pub fn api_name(self) -> Option<&'static str> {
        match self {
            IdentifierKind::Mobile => Some("mobile"),
            IdentifierKind::Email => Some("email"),
            IdentifierKind::CardNumber => Some("cardnumber"),
            IdentifierKind::ExternalId => Some("externalId"),
            IdentifierKind::CustomerId => None,
        }
    }

    /// The prefix used on the command line (`mobile:`, `card:`…).
    pub fn cli_name(self) -> &'static str {
        match self {
            IdentifierKind::Mobile => "mobile",
            IdentifierKind::Email => "email",
            IdentifierKind::CardNumber => "card",
            IdentifierKind::ExternalId => "external",
            IdentifierKind::CustomerId => "id",
        }
    }

    fn from_cli_name(name: &str) -> Option<Self> {
        IdentifierKind::ALL
            .into_iter()
            .find(|k| k.cli_name().eq_ignore_ascii_case(name.trim()))
    }
}

/// E.164: a phone number has at most 15 digits, country code included.
pub const MAX_MOBILE_DIGITS: usize = 15;

/// Why typed input cannot be looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Empty,
    BadMobile,
    BadEmail,
    BadCustomerId,
    BadSpec,
}

impl InputError {
    /// In the UI's language (`Display` is English, for logs).
    pub fn words(&self, t: &i18n::Texts) -> String {
        match self {
            InputError::Empty => i18n::tr_text!(t, "input-empty"),
            InputError::BadMobile => i18n::tr_text!(t, "input-bad-mobile"),
            InputError::BadEmail => i18n::tr_text!(t, "input-bad-email"),
            InputError::BadCustomerId => i18n::tr_text!(t, "input-bad-customer-id"),
            InputError::BadSpec => i18n::tr_text!(t, "input-bad-spec"),
        }
    }
}

i18n::display_in_english!(InputError);

/// A cleaned-up identifier, ready to send.
#[derive(Clone, PartialEq, Eq)]
pub struct Lookup {
    pub kind: IdentifierKind,
    pub value: String,
}

impl Lookup {
    /// Cleans what was typed for the chosen kind: drops invisible
    /// characters (direction marks, zero-width spaces) and trims; digits of
    /// any script become ASCII (not in emails, see [`digits`]); for mobiles
    /// drops the spaces, dashes, dots and brackets people write between
    /// digits, and a leading `+`.
    pub fn new(kind: IdentifierKind, raw: &str) -> Result<Lookup, InputError> {
        let cleaned = if kind == IdentifierKind::Email {
            digits::without_invisibles(raw)
        } else {
            digits::normalise(raw)
        };
        let trimmed = cleaned.trim();
        if trimmed.is_empty() {
            return Err(InputError::Empty);
        }
        let value = match kind {
            IdentifierKind::Mobile => {
                let number: String = trimmed
                    .strip_prefix(['+', '\u{FF0B}'])
                    .unwrap_or(trimmed)
                    .chars()
                    .filter(|&c| !digits::is_phone_separator(c))
                    .collect();
                if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) {
                    return Err(InputError::BadMobile);
                }
                number
            }
            IdentifierKind::Email => {
                let email = trimmed.to_owned();
                match email.split_once('@') {
                    Some((local, domain))
                        if !local.is_empty() && !domain.is_empty() && !email.contains(' ') =>
                    {
                        email
                    }
                    _ => return Err(InputError::BadEmail),
                }
            }
            IdentifierKind::CardNumber => trimmed.chars().filter(|c| !c.is_whitespace()).collect(),
            IdentifierKind::ExternalId => trimmed.to_owned(),
            IdentifierKind::CustomerId => {
                let id: i64 = trimmed.parse().map_err(|_| InputError::BadCustomerId)?;
                if id <= 0 {
                    return Err(InputError::BadCustomerId);
                }
                id.to_string()
            }
        };
        Ok(Lookup { kind, value })
    }

    /// Every lookup that whatever was typed or scanned could mean, for the
    /// "Any identifier" mode, most likely first:
    /// - with an `@`: an email;
    /// - digits (spaces, dashes, dots, brackets and a leading `+` aside): a
    ///   mobile (only up to 15 digits, E.164's limit; a 10-digit local
    ///   number is also tried behind `country_code`, when one is set), a
    ///   card number and an external ID;
    /// - anything else: a card number and an external ID.
    pub fn candidates(raw: &str, country_code: &str) -> Result<Vec<Lookup>, InputError> {
        let cleaned = digits::without_invisibles(raw);
        let trimmed = cleaned.trim();
        if trimmed.is_empty() {
            return Err(InputError::Empty);
        }
        if trimmed.contains('@') {
            return Ok(vec![Lookup::new(IdentifierKind::Email, trimmed)?]);
        }
        let mut out = Vec::new();
        if let Ok(mobile) = Lookup::new(IdentifierKind::Mobile, trimmed) {
            let digits = mobile.value.len();
            let country_code = country_code.trim().trim_start_matches('+');
            if digits == 10 && !country_code.is_empty() {
                out.push(Lookup {
                    kind: IdentifierKind::Mobile,
                    value: format!("{country_code}{}", mobile.value),
                });
            }
            if digits <= MAX_MOBILE_DIGITS {
                out.push(mobile);
            }
        }
        out.push(Lookup::new(IdentifierKind::CardNumber, trimmed)?);
        out.push(Lookup::new(IdentifierKind::ExternalId, trimmed)?);
        out.dedup();
        Ok(out)
    }

    /// Parses `TYPE:VALUE` as given to `doctor --lookup`.
    pub fn parse_spec(spec: &str) -> Result<Lookup, InputError> {
        let (kind, value) = spec.split_once(':').ok_or(InputError::BadSpec)?;
        let kind = IdentifierKind::from_cli_name(kind).ok_or(InputError::BadSpec)?;
        Lookup::new(kind, value)
    }

    /// The customer ID, for [`IdentifierKind::CustomerId`].
    pub fn customer_id(&self) -> Option<i64> {
        (self.kind == IdentifierKind::CustomerId)
            .then(|| self.value.parse().ok())
            .flatten()
    }
}

/// Identifiers are customer data: `Debug` shows the kind only.
impl fmt::Debug for Lookup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Lookup({:?}, <{} chars>)",
            self.kind,
            self.value.chars().count()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobiles_are_cleaned() {
        for typed in [
            "+91 98000-00001",
            " 919800000001 ",
            "+91 (980) 000.0001",
            "91\u{a0}9800000001",
            // Arabic-Indic and Devanagari digits, as a phone keyboard types them
            "+٩١ ٩٨٠٠٠-٠٠٠٠١",
            "९१ ९८००० ०००० १",
            // pasted from a right-to-left message: marks and an en dash
            "\u{200F}+91 98000\u{2013}00001\u{200E}",
            "\u{FEFF}９１９８０００００００１",
        ] {
            assert_eq!(
                Lookup::new(IdentifierKind::Mobile, typed).unwrap().value,
                "919800000001",
                "{typed}"
            );
        }
        assert_eq!(
            Lookup::new(IdentifierKind::Mobile, "98x00"),
            Err(InputError::BadMobile)
        );
        assert_eq!(
            Lookup::new(IdentifierKind::Mobile, "+"),
            Err(InputError::BadMobile)
        );
        assert_eq!(
            Lookup::new(IdentifierKind::Mobile, "  "),
            Err(InputError::Empty)
        );
    }

    fn kinds_and_values(candidates: &[Lookup]) -> Vec<(IdentifierKind, &str)> {
        candidates
            .iter()
            .map(|l| (l.kind, l.value.as_str()))
            .collect()
    }

    #[test]
    fn any_identifier_candidates() {
        use IdentifierKind::*;
        let email = Lookup::candidates(" tom@example.com\t", "").unwrap();
        assert_eq!(kinds_and_values(&email), [(Email, "tom@example.com")]);
        assert_eq!(Lookup::candidates("tom@", ""), Err(InputError::BadEmail));
        // A card read out in Arabic-Indic digits, pasted with a direction
        // mark: looked up as ASCII, and 16 digits are no mobile.
        let card = Lookup::candidates("\u{200F}٤٠٠٠١٢٣٤١٢٣٤١٢٣٤", "").unwrap();
        assert_eq!(
            kinds_and_values(&card),
            [
                (CardNumber, "4000123412341234"),
                (ExternalId, "4000123412341234")
            ]
        );
        assert_eq!(
            Lookup::candidates("\u{200B}\u{200E}", ""),
            Err(InputError::Empty),
            "only invisible characters is nothing typed"
        );
        let digits = Lookup::candidates("+91 98000-00001\r\n", "").unwrap();
        assert_eq!(
            kinds_and_values(&digits),
            [
                (Mobile, "919800000001"),
                (CardNumber, "+9198000-00001"),
                (ExternalId, "+91 98000-00001")
            ]
        );
        let card = Lookup::candidates("4000123412341234", "").unwrap();
        assert_eq!(
            kinds_and_values(&card),
            [
                (CardNumber, "4000123412341234"),
                (ExternalId, "4000123412341234")
            ],
            "16 digits cannot be a mobile"
        );
        let fifteen = Lookup::candidates("123456789012345", "").unwrap();
        assert_eq!(fifteen[0].kind, Mobile);
        let local = Lookup::candidates("98000 00001", "91").unwrap();
        assert_eq!(
            kinds_and_values(&local)[..2],
            [(Mobile, "919800000001"), (Mobile, "9800000001")],
            "a 10-digit local number is tried with the country code first"
        );
        assert_eq!(
            kinds_and_values(&Lookup::candidates("9800000001", "").unwrap())[0],
            (Mobile, "9800000001"),
            "as typed without a country code"
        );
        let text = Lookup::candidates("DEMO0005", "91").unwrap();
        assert_eq!(
            kinds_and_values(&text),
            [(CardNumber, "DEMO0005"), (ExternalId, "DEMO0005")]
        );
        assert_eq!(Lookup::candidates(" \t\r\n", ""), Err(InputError::Empty));
    }

    #[test]
    fn emails_need_an_at_and_a_domain() {
        assert_eq!(
            Lookup::new(IdentifierKind::Email, "tom@"),
            Err(InputError::BadEmail)
        );
    }

    #[test]
    fn cards_and_ids() {
        assert_eq!(
            Lookup::new(IdentifierKind::CardNumber, " 4000 1234 ")
                .unwrap()
                .value,
            "40001234"
        );
        let id = Lookup::new(IdentifierKind::CustomerId, " 565039505").unwrap();
        assert_eq!(id.customer_id(), Some(565_039_505));
        assert_eq!(
            Lookup::new(IdentifierKind::CustomerId, "12a"),
            Err(InputError::BadCustomerId)
        );
        assert_eq!(
            Lookup::new(IdentifierKind::CustomerId, "-3"),
            Err(InputError::BadCustomerId)
        );
    }

    #[test]
    fn specs_from_the_command_line() {
        let spec = Lookup::parse_spec("card:ABC 1").unwrap();
        assert_eq!(
            (spec.kind, spec.value.as_str()),
            (IdentifierKind::CardNumber, "ABC1")
        );
        assert_eq!(Lookup::parse_spec("id:7").unwrap().customer_id(), Some(7));
        assert_eq!(Lookup::parse_spec("phone:1"), Err(InputError::BadSpec));
        assert_eq!(Lookup::parse_spec("919800000001"), Err(InputError::BadSpec));
    }

    #[test]
    fn debug_hides_the_value() {
        let lookup = Lookup::new(IdentifierKind::Email, "secret.person@example.com").unwrap();
        assert!(!format!("{lookup:?}").contains("secret.person"));
    }

    #[test]
    fn a_scan_never_starts_more_lookups_than_are_warmed_for() {
        // The most: a 10-digit local number, with and without the code.
        let most = Lookup::candidates("9800000001", "91").unwrap();
        assert_eq!(most.len(), crate::MAX_CANDIDATES);
        for scanned in ["919800000001", "DEMO0001", "a@b.co", "4000123412341234"] {
            assert!(Lookup::candidates(scanned, "91").unwrap().len() <= most.len());
        }
    }
}
