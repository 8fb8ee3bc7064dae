//! The profile as the screen shows it: the name, what the record means
//! ([`CustomerStatus`]) and the detail rows, built once when the customer
//! arrives rather than on every frame. No egui: the UI lays these out and
//! chooses colours; what they say is decided here and in `capillary`.

use crate::capillary::{Customer, CustomerStatus};
use crate::i18n::{Texts, tr_text};

/// What the profile screen shows of one customer record.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileView {
    /// The display name, or "(no name)".
    pub name: String,
    pub status: CustomerStatus,
    /// Every identifier with its status, then the customer ID.
    pub identifiers: Vec<DetailRow>,
    /// Contact, extended and custom fields, loyalty and the record's
    /// history; sections without rows are left out.
    pub sections: Vec<DetailSection>,
}

/// A label, a value the cashier can copy, and a quiet note after it (a
/// card's status).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailRow {
    pub label: String,
    pub value: String,
    pub note: Option<String>,
}

/// A titled group of rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailSection {
    pub title: String,
    pub rows: Vec<DetailRow>,
}

impl DetailRow {
    fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            value: value.into(),
            note: None,
        }
    }
}

impl ProfileView {
    /// The view of `customer`, its fixed words in the UI's language.
    pub fn of(customer: &Customer, t: &Texts) -> Self {
        Self {
            name: name_of(customer, t),
            status: customer.status(),
            identifiers: identifier_rows(customer, t),
            sections: detail_sections(customer, t)
                .into_iter()
                .filter(|section| !section.rows.is_empty())
                .collect(),
        }
    }
}

/// The name the screen shows for a customer: the display name, or
/// "(no name)" when the record has none (the chooser uses it too).
pub fn name_of(customer: &Customer, t: &Texts) -> String {
    customer
        .display_name()
        .unwrap_or_else(|| tr_text!(t, "no-name"))
}

fn identifier_rows(customer: &Customer, t: &Texts) -> Vec<DetailRow> {
    let mut rows: Vec<DetailRow> = customer
        .profile()
        .into_iter()
        .flat_map(|p| p.identifiers.iter())
        .filter_map(|identifier| {
            let (kind, value) = (identifier.kind.as_deref()?, identifier.value.as_deref()?);
            Some(DetailRow {
                label: identifier_label(kind, t),
                value: value.to_owned(),
                note: identifier.status_label.as_ref().map(|s| format!("({s})")),
            })
        })
        .collect();
    if customer.profile().is_some()
        && let Some(id) = customer.customer_id()
    {
        rows.push(DetailRow::new(
            tr_text!(t, "kind-customer-id"),
            id.to_string(),
        ));
    }
    rows
}

fn detail_sections(customer: &Customer, t: &Texts) -> [DetailSection; 5] {
    let profile = customer.profile();
    let contact = profile
        .into_iter()
        .flat_map(|p| p.comm_channels.iter())
        .filter_map(|c| {
            let value = c.value.as_deref()?;
            // Whole messages, so that a right-to-left language orders
            // the brackets with the words.
            let marks = match (c.primary == Some(true), c.verified == Some(true)) {
                (true, true) => tr_text!(t, "marks-primary-verified"),
                (true, false) => tr_text!(t, "marks-primary-not-verified"),
                (false, true) => tr_text!(t, "marks-verified"),
                (false, false) => tr_text!(t, "marks-not-verified"),
            };
            let kind = c
                .kind
                .as_deref()
                .map(|k| identifier_label(k, t))
                .unwrap_or_default();
            // The marks are a note: copying the row copies the address.
            Some(DetailRow {
                note: Some(marks),
                ..DetailRow::new(kind, value)
            })
        })
        .collect();
    let fields = |map: &serde_json::Map<String, serde_json::Value>| -> Vec<DetailRow> {
        map.iter()
            .map(|(k, v)| DetailRow::new(readable_key(k), value_text(v)))
            .collect()
    };
    let extended = fields(&customer.extended_fields);
    let custom = profile.map(|p| fields(&p.fields)).unwrap_or_default();

    let mut loyalty = Vec::new();
    if let Some(info) = &customer.loyalty_info {
        if let Some(kind) = &info.loyalty_type {
            loyalty.push(DetailRow::new(
                tr_text!(t, "loyalty-type"),
                readable_key(kind),
            ));
        }
        if let Some(purchases) = info.lifetime_purchases {
            loyalty.push(DetailRow::new(
                tr_text!(t, "lifetime-purchases"),
                format!("{purchases:.2}"),
            ));
        }
    }
    for program in &customer.loyalty_program_details {
        let program_word = tr_text!(t, "program");
        let title = program.title().unwrap_or(&program_word);
        if let Some(tier) = &program.current_slab {
            let label = tr_text!(t, "program-tier", program = title);
            loyalty.push(DetailRow::new(label, tier.clone()));
        }
        if let Some(points) = program.loyalty_points {
            let label = tr_text!(t, "program-points", program = title);
            loyalty.push(DetailRow::new(label, format!("{points:.0}")));
        }
    }

    let mut record = Vec::new();
    if let Some(attribution) = profile.and_then(|p| p.attribution.as_ref()) {
        if let Some(date) = &attribution.create_date {
            record.push(DetailRow::new(tr_text!(t, "member-since"), date.clone()));
        }
        if let Some(date) = &attribution.modified_date {
            record.push(DetailRow::new(tr_text!(t, "last-changed"), date.clone()));
        }
    }
    if let Some(till) = &customer.associated_with {
        record.push(DetailRow::new(tr_text!(t, "registered-at"), till.clone()));
    }

    [
        (tr_text!(t, "section-contact"), contact),
        (tr_text!(t, "section-extended"), extended),
        (tr_text!(t, "section-custom"), custom),
        (tr_text!(t, "loyalty"), loyalty),
        (tr_text!(t, "section-record"), record),
    ]
    .map(|(title, rows)| DetailSection { title, rows })
}

/// The label of an identifier or contact channel type.
fn identifier_label(kind: &str, t: &Texts) -> String {
    match kind.to_ascii_lowercase().as_str() {
        "mobile" => tr_text!(t, "kind-mobile"),
        "email" => tr_text!(t, "kind-email"),
        "cardnumber" => tr_text!(t, "identifier-card"),
        "externalid" => tr_text!(t, "kind-external-id"),
        _ => readable_key(kind),
    }
}

/// `city_name` → "City name", `dateOfBirth` → "Date of birth".
pub fn readable_key(key: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in key.chars() {
        if c == '_' || c == '-' || c == ' ' || c == '.' {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
        current.push(c);
    }
    if !current.is_empty() {
        words.push(current);
    }
    let sentence = words
        .iter()
        .map(|w| {
            if w.chars().all(|c| c.is_uppercase()) && w.chars().count() > 1 {
                w.clone()
            } else {
                w.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let mut chars = sentence.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A JSON value as text: strings bare, null as "—".
pub fn value_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => "—".to_owned(),
        serde_json::Value::String(s) if s.trim().is_empty() => "—".to_owned(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Bool(true) => "Yes".to_owned(),
        serde_json::Value::Bool(false) => "No".to_owned(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SEED: &str = include_str!("../../crates/testkit/fixtures/seed_customer_image.json");

    fn row<'a>(rows: &'a [DetailRow], label: &str) -> Option<&'a DetailRow> {
        rows.iter().find(|r| r.label == label)
    }

    #[test]
    fn keys_become_readable() {
        assert_eq!(readable_key("city_name"), "City name");
        assert_eq!(readable_key("dateOfBirth"), "Date of birth");
        assert_eq!(readable_key("gender"), "Gender");
        assert_eq!(readable_key("preferred-store"), "Preferred store");
        assert_eq!(readable_key("GST_ID"), "GST ID");
        assert_eq!(readable_key(""), "");
    }

    #[test]
    fn json_values_read_as_words() {
        assert_eq!(value_text(&json!(null)), "—");
        assert_eq!(value_text(&json!("  ")), "—");
        assert_eq!(value_text(&json!(true)), "Yes");
        assert_eq!(value_text(&json!(12.5)), "12.5");
    }

    #[test]
    fn the_seed_customer_reads_as_rows() {
        let customer = Customer::from_json(SEED.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        let view = ProfileView::of(&customer, &Texts::english());
        assert_eq!(Some(view.name.clone()), customer.display_name());
        assert_eq!(view.status, customer.status());
        let id = customer.customer_id().unwrap_or_default().to_string();
        let last = view
            .identifiers
            .last()
            .map(|r| (r.label.as_str(), r.value.as_str()));
        assert_eq!(last, Some(("Customer ID", id.as_str())));
        let mobile = customer.identifier("mobile").unwrap_or_default();
        assert_eq!(
            row(&view.identifiers, "Mobile").map(|r| r.value.as_str()),
            Some(mobile)
        );
        assert!(
            view.sections.iter().all(|s| !s.rows.is_empty()),
            "empty sections are left out"
        );
    }

    #[test]
    fn rows_say_what_the_record_says() {
        let customer: Customer = serde_json::from_value(json!({
            "id": 42,
            "extendedFields": {"city_name": "Pune", "dateOfBirth": null},
            "profiles": [{
                "firstName": "Asha", "lastName": "Rao",
                "identifiers": [
                    {"type": "cardnumber", "value": "DEMO0001", "statusLabel": "SUSPENDED"},
                    {"type": "externalId", "value": "X-1"}
                ],
                "commChannels": [
                    {"type": "email", "value": "asha@example.com", "primary": true, "verified": false}
                ],
                "fields": {}
            }]
        }))
        .unwrap_or_else(|e| panic!("fixture: {e}"));
        let view = ProfileView::of(&customer, &Texts::english());
        assert_eq!(view.name, "Asha Rao");
        assert_eq!(
            row(&view.identifiers, "Card"),
            Some(&DetailRow {
                label: "Card".into(),
                value: "DEMO0001".into(),
                note: Some("(SUSPENDED)".into())
            })
        );
        assert!(row(&view.identifiers, "External ID").is_some());
        let titles: Vec<_> = view.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Contact", "Extended fields"],
            "no custom fields, loyalty or record"
        );
        let contact = &view.sections[0].rows;
        assert_eq!(contact[0].value, "asha@example.com");
        assert_eq!(contact[0].note.as_deref(), Some("(primary, not verified)"));
        let extended = &view.sections[1].rows;
        assert_eq!(
            row(extended, "City name").map(|r| r.value.as_str()),
            Some("Pune")
        );
        assert_eq!(
            row(extended, "Date of birth").map(|r| r.value.as_str()),
            Some("—")
        );
    }

    #[test]
    fn a_record_without_a_name_says_so() {
        let customer: Customer =
            serde_json::from_value(json!({"id": 7})).unwrap_or_else(|e| panic!("fixture: {e}"));
        let view = ProfileView::of(&customer, &Texts::english());
        assert_eq!(view.name, "(no name)");
        assert!(view.identifiers.is_empty() && view.sections.is_empty());
    }
}
