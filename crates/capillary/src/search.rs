//! Finding customers by name: what counts as a name in the one box, and
//! the answer of `GET /v2/customers/search` (customers whose first name,
//! last name or an identifier *starts with* the text).
//!
//! The answer carries no photo and only the matched identifiers, so the
//! app fetches each suggestion by ID for its thumbnail and masked mobile.

use super::lenient;
use serde::Deserialize;
use unicode_general_category::{GeneralCategory, get_general_category};

/// Suggestions start from this many letters: fewer match too many people
/// to be worth a request. A Chinese, Japanese or Korean character counts
/// as two (a whole syllable: 美玲 is a complete given name).
pub const MIN_NAME_CHARS: usize = 3;

/// Text in the one box that may be (part of) a person's name: letters of
/// any script with their combining marks, spaces, hyphens and
/// apostrophes, and no digit or `@` (those stay identifiers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameQuery(String);

impl NameQuery {
    /// The name as typed, with direction marks and surrounding spaces
    /// dropped and inner runs of spaces made one; `None` when it is not a
    /// name or has fewer than [`MIN_NAME_CHARS`] letters. Joiners (ZWJ,
    /// ZWNJ) stay: they are part of how Indic and Persian names are spelt.
    pub fn parse(raw: &str) -> Option<NameQuery> {
        let cleaned: String = raw.chars().filter(|&c| !is_direction_mark(c)).collect();
        let words: Vec<&str> = cleaned.split_whitespace().collect();
        let text = words.join(" ");
        if text.is_empty() || !text.chars().all(is_name_char) {
            return None;
        }
        let letters: usize = text
            .chars()
            .filter(|c| c.is_alphabetic())
            .map(|c| if is_syllabic_cjk(c) { 2 } else { 1 })
            .sum();
        (letters >= MIN_NAME_CHARS).then_some(NameQuery(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for NameQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Bidi marks a pasted name may carry; they are not part of it.
fn is_direction_mark(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Han ideographs, kana and Hangul syllables.
fn is_syllabic_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'     // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}'   // CJK Extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK Unified Ideographs
        | '\u{AC00}'..='\u{D7AF}'   // Hangul syllables
        | '\u{F900}'..='\u{FAFF}'   // CJK Compatibility Ideographs
        | '\u{20000}'..='\u{3134F}' // CJK Extensions B–G
    )
}

fn is_name_char(c: char) -> bool {
    if c.is_numeric() || c == '@' {
        return false;
    }
    c.is_alphabetic()
        || c == ' '
        || matches!(
            c,
            '-' | '\'' | '\u{2019}' | '\u{2010}' | '\u{200C}' | '\u{200D}'
        )
        || matches!(
            get_general_category(c),
            GeneralCategory::NonspacingMark
                | GeneralCategory::SpacingMark
                | GeneralCategory::EnclosingMark
        )
}

/// One page of `GET /v2/customers/search`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SearchPage {
    #[serde(deserialize_with = "lenient::opt")]
    pub pagination: Option<Pagination>,
    #[serde(deserialize_with = "lenient::vec")]
    pub data: Vec<SearchHit>,
}

/// Where a page sits in the whole answer.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Pagination {
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub limit: Option<i64>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub offset: Option<i64>,
    /// Customers matching in all, beyond this page.
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub total: Option<i64>,
}

/// One customer the search found.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct SearchHit {
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub user_id: Option<i64>,
    /// What matched: `firstName`/`lastName` or an identifier type.
    #[serde(deserialize_with = "lenient::vec")]
    pub matched_identifiers: Vec<MatchedIdentifier>,
    #[serde(deserialize_with = "lenient::vec")]
    pub profiles: Vec<HitProfile>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct MatchedIdentifier {
    #[serde(deserialize_with = "lenient::opt_string")]
    pub id_type: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub id_value: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct HitProfile {
    #[serde(deserialize_with = "lenient::opt_string")]
    pub source: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub first_name: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub last_name: Option<String>,
}

impl SearchHit {
    /// "First Last" of the first profile with a name.
    pub fn name(&self) -> Option<String> {
        self.profiles.iter().find_map(|profile| {
            super::model::full_name(profile.first_name.as_deref(), profile.last_name.as_deref())
        })
    }

    /// What matched, in words: "first name Tom", "mobile 9198…".
    pub fn matched(&self) -> Option<String> {
        let first = self.matched_identifiers.first()?;
        let value = first.id_value.as_deref()?.trim();
        let kind = match first.id_type.as_deref().unwrap_or_default() {
            t if t.eq_ignore_ascii_case("firstName") => "first name",
            t if t.eq_ignore_ascii_case("lastName") => "last name",
            t if t.eq_ignore_ascii_case("mobile") => "mobile",
            t if t.eq_ignore_ascii_case("email") => "email",
            t if t.eq_ignore_ascii_case("cardnumber") => "card",
            t if t.eq_ignore_ascii_case("externalId") => "external ID",
            other => other,
        };
        let shown = if kind == "mobile" {
            mask_mobile(value)
        } else {
            value.to_owned()
        };
        Some(format!("{kind} {shown}").trim().to_owned())
    }
}

/// A mobile with all but its last four digits hidden ("•••• 5544"): enough
/// to tell two customers apart at a counter, not enough to read out.
pub fn mask_mobile(mobile: &str) -> String {
    let digits: Vec<char> = mobile.chars().filter(char::is_ascii_digit).collect();
    let shown: String = digits[digits.len().saturating_sub(4)..].iter().collect();
    format!("•••• {shown}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(raw: &str) -> Option<String> {
        NameQuery::parse(raw).map(|q| q.as_str().to_owned())
    }

    #[test]
    fn names_in_any_script_are_names() {
        for (typed, query) in [
            ("Becky", "Becky"),
            ("  becky   thatcher ", "becky thatcher"),
            ("O'Brien", "O'Brien"),
            ("Anne-Marie", "Anne-Marie"),
            ("D\u{2019}Souza", "D\u{2019}Souza"),
            // Vowel signs and the virama are marks, not letters.
            ("प्रिया", "प्रिया"),
            ("கார்த்திக்", "கார்த்திக்"),
            // A pasted Arabic name with its direction marks.
            ("\u{200F}ليلى حداد\u{200F}", "ليلى حداد"),
            ("美玲", "美玲"),
            ("김민", "김민"),
        ] {
            assert_eq!(parsed(typed).as_deref(), Some(query), "{typed:?}");
        }
    }

    #[test]
    fn digits_at_signs_and_short_text_stay_identifiers() {
        for typed in [
            "DEMO0001",
            "tom@example.com",
            "9198000",
            "٩١٩٨",
            "Tom2",
            "To",
            "  ",
            "A-B",
            "EXT_TOM",
            "陈",
            "tom.sawyer",
        ] {
            assert_eq!(parsed(typed), None, "{typed:?}");
        }
    }

    #[test]
    fn the_answer_shape_of_the_docs() {
        let body = r#"{"pagination":{"limit":10,"offset":0,"total":33},"data":[{"userId":261504789,
            "matchedIdentifiers":[{"idType":"firstName","idValue":"Tom","source":"INSTORE","accountId":""}],
            "profiles":[{"source":"INSTORE","firstName":"Tom","lastName":"Sawyer"}]}],"warnings":[],"errors":[]}"#;
        let page: SearchPage = serde_json::from_str(body).unwrap();
        assert_eq!(page.pagination.unwrap().total, Some(33));
        let hit = &page.data[0];
        assert_eq!(hit.user_id, Some(261_504_789));
        assert_eq!(hit.name().as_deref(), Some("Tom Sawyer"));
        assert_eq!(hit.matched().as_deref(), Some("first name Tom"));
    }

    #[test]
    fn odd_answers_degrade_instead_of_failing() {
        let body = r#"{"pagination":null,"data":[{"userId":"42","matchedIdentifiers":{"idType":"mobile","idValue":"919800000001"},"profiles":[{"firstName":null,"lastName":" Rao "}]},{"junk":true}]}"#;
        let page: SearchPage = serde_json::from_str(body).unwrap();
        assert!(page.pagination.is_none());
        assert_eq!(page.data[0].user_id, Some(42));
        assert_eq!(page.data[0].name().as_deref(), Some("Rao"));
        assert_eq!(page.data[0].matched().as_deref(), Some("mobile •••• 0001"));
        assert_eq!(page.data[1].user_id, None);
    }

    #[test]
    fn a_mobile_is_masked_to_its_last_four_digits() {
        assert_eq!(mask_mobile("918877665544"), "•••• 5544");
        assert_eq!(mask_mobile("+91 98000-00001"), "•••• 0001");
        assert_eq!(mask_mobile("12"), "•••• 12");
    }
}
