//! What a customer record means for the person at the counter: flagged for
//! fraud, a card that is not active, an account merged into another.
//! Decided here, once, from the record's strings and codes, and carried
//! typed to the screen, which only chooses words and colours for it.

use super::codes;
use super::model::Customer;

/// The standing of a customer record, as the counter needs it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerStatus {
    /// The fraud status as Capillary wrote it (e.g. "MARKED", "CONFIRMED"),
    /// when it is anything but none.
    pub fraud: Option<String>,
    /// Cards whose status is anything but ACTIVE, in the record's order.
    pub inactive_cards: Vec<CardStatus>,
    /// Capillary warned that this record was merged into another (8069).
    pub merged: bool,
    /// The record has at least one card number.
    pub has_card: bool,
}

/// A card number with its status label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardStatus {
    pub number: String,
    pub status: String,
}

/// What the photo frame says when the person needs a second look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoAlert {
    Fraud,
    /// The first card that is not active, with its status.
    CardNotActive(String),
}

impl CustomerStatus {
    /// Fraud wins over a card's status: it is the one to act on first.
    pub fn photo_alert(&self) -> Option<PhotoAlert> {
        if self.fraud.is_some() {
            return Some(PhotoAlert::Fraud);
        }
        self.inactive_cards
            .first()
            .map(|card| PhotoAlert::CardNotActive(card.status.clone()))
    }

    /// Nothing to watch out for, and a card to say so about: the quiet
    /// "Card active" tick.
    pub fn card_active(&self) -> bool {
        self.has_card && self.fraud.is_none() && self.inactive_cards.is_empty() && !self.merged
    }
}

impl Customer {
    /// What this record means at the counter (see [`CustomerStatus`]).
    pub fn status(&self) -> CustomerStatus {
        let cards = self
            .profile()
            .into_iter()
            .flat_map(|p| p.identifiers.iter())
            .filter(|i| {
                i.kind
                    .as_deref()
                    .is_some_and(|k| k.eq_ignore_ascii_case("cardnumber"))
            });
        let mut has_card = false;
        let mut inactive_cards = Vec::new();
        for card in cards {
            has_card = true;
            if let (Some(number), Some(status)) = (&card.value, &card.status_label)
                && !status.eq_ignore_ascii_case("ACTIVE")
            {
                inactive_cards.push(CardStatus {
                    number: number.clone(),
                    status: status.clone(),
                });
            }
        }
        CustomerStatus {
            fraud: self.fraud_status(),
            inactive_cards,
            merged: self.warnings.iter().any(|w| w.code == Some(codes::MERGED)),
            has_card,
        }
    }

    /// The fraud status when it is anything but none.
    fn fraud_status(&self) -> Option<String> {
        let status = self.fraud_details.as_ref()?.status.as_deref()?.trim();
        let none = matches!(
            status.to_ascii_uppercase().as_str(),
            "" | "NONE" | "NOT_FRAUD"
        );
        (!none).then(|| status.to_owned())
    }

    /// True when the fraud status is anything but none.
    pub fn is_flagged_fraud(&self) -> bool {
        self.fraud_status().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn customer(value: serde_json::Value) -> Customer {
        serde_json::from_value(value).unwrap_or_else(|e| panic!("fixture: {e}"))
    }

    fn with_cards(cards: &[(&str, Option<&str>)]) -> Customer {
        let identifiers: Vec<_> = cards
            .iter()
            .map(|(number, status)| json!({"type": "cardnumber", "value": number, "statusLabel": status}))
            .chain([json!({"type": "mobile", "value": "919800000001"})])
            .collect();
        customer(json!({"profiles": [{"identifiers": identifiers}]}))
    }

    #[test]
    fn a_plain_record_with_an_active_card_is_quietly_fine() {
        let status = with_cards(&[("DEMO0001", Some("ACTIVE"))]).status();
        assert_eq!(status.fraud, None);
        assert!(status.inactive_cards.is_empty());
        assert!(status.has_card && status.card_active());
        assert_eq!(status.photo_alert(), None);
    }

    #[test]
    fn no_card_means_no_tick() {
        let status = with_cards(&[]).status();
        assert!(!status.has_card && !status.card_active());
    }

    #[test]
    fn cards_not_active_are_listed_with_their_status_in_any_case() {
        let status = with_cards(&[
            ("A1", Some("active")),
            ("B2", Some("SUSPENDED")),
            ("C3", None),
            ("D4", Some("Expired")),
        ])
        .status();
        let listed: Vec<_> = status
            .inactive_cards
            .iter()
            .map(|c| (c.number.as_str(), c.status.as_str()))
            .collect();
        assert_eq!(listed, [("B2", "SUSPENDED"), ("D4", "Expired")]);
        assert_eq!(
            status.photo_alert(),
            Some(PhotoAlert::CardNotActive("SUSPENDED".into()))
        );
        assert!(!status.card_active());
    }

    #[test]
    fn fraud_is_anything_but_none_and_wins_the_photo_alert() {
        for none in ["NONE", "none", "NOT_FRAUD", " ", ""] {
            let c = customer(json!({"fraudDetails": {"status": none}}));
            assert_eq!(c.status().fraud, None, "{none:?}");
            assert!(!c.is_flagged_fraud());
        }
        let mut c = with_cards(&[("B2", Some("SUSPENDED"))]);
        c.fraud_details =
            customer(json!({"fraudDetails": {"status": " CONFIRMED "}})).fraud_details;
        let status = c.status();
        assert_eq!(status.fraud.as_deref(), Some("CONFIRMED"));
        assert_eq!(status.photo_alert(), Some(PhotoAlert::Fraud));
        assert!(c.is_flagged_fraud());
    }

    #[test]
    fn merged_comes_from_warning_8069_only() {
        let merged = customer(json!({"warnings": [{"code": 8069, "message": "merged"}]}));
        assert!(merged.status().merged);
        let other = customer(json!({"warnings": [{"code": 8050}]}));
        assert!(!other.status().merged);
        let mut merged_with_card = with_cards(&[("A1", Some("ACTIVE"))]);
        merged_with_card.warnings = merged.warnings.clone();
        assert!(!merged_with_card.status().card_active());
    }
}
