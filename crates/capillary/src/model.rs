//! The customer as Capillary's v2 API returns it, typed for the profile view.
//!
//! Nearly every block can be missing, `null`, or of a slightly different
//! shape than documented, and new fields appear: everything is optional,
//! unknown fields are ignored, and odd values degrade to `None` through
//! [`super::lenient`] instead of failing the whole customer.

use super::lenient;
use super::presigned::PresignedUrl;
use serde::Deserialize;
use serde_json::{Map, Value};

/// A customer record (`GET /v2/customers/{id}` or `lookup/customerDetails`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Customer {
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub id: Option<i64>,
    #[serde(deserialize_with = "lenient::vec")]
    pub profiles: Vec<Profile>,
    #[serde(deserialize_with = "lenient::opt")]
    pub loyalty_info: Option<LoyaltyInfo>,
    #[serde(deserialize_with = "lenient::vec")]
    pub loyalty_program_details: Vec<LoyaltyProgram>,
    #[serde(deserialize_with = "lenient::map")]
    pub extended_fields: Map<String, Value>,
    #[serde(deserialize_with = "lenient::map")]
    pub segments: Map<String, Value>,
    #[serde(deserialize_with = "lenient::vec")]
    pub card_details: Vec<CardDetail>,
    #[serde(deserialize_with = "lenient::opt")]
    pub fraud_details: Option<FraudDetails>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub associated_with: Option<String>,
    /// `None` when the answer had no `customerImage` block (not embedded).
    #[serde(deserialize_with = "lenient::opt_vec")]
    pub customer_image: Option<Vec<CustomerImage>>,
    #[serde(deserialize_with = "lenient::vec")]
    pub warnings: Vec<ApiMessage>,
}

/// One profile (a customer normally has exactly one per source).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Profile {
    #[serde(deserialize_with = "lenient::opt_string")]
    pub first_name: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub last_name: Option<String>,
    #[serde(deserialize_with = "lenient::vec")]
    pub identifiers: Vec<Identifier>,
    #[serde(deserialize_with = "lenient::vec")]
    pub comm_channels: Vec<CommChannel>,
    /// Custom fields (`address`, `city_name`, …).
    #[serde(deserialize_with = "lenient::map")]
    pub fields: Map<String, Value>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub source: Option<String>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub user_id: Option<i64>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub account_id: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub auto_update_time: Option<String>,
    #[serde(deserialize_with = "lenient::opt")]
    pub attribution: Option<Attribution>,
}

/// An identifier such as a mobile, email or card number.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Identifier {
    #[serde(rename = "type", deserialize_with = "lenient::opt_string")]
    pub kind: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub value: Option<String>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub series_id: Option<i64>,
    /// Card status, e.g. "ACTIVE".
    #[serde(deserialize_with = "lenient::opt_string")]
    pub status_label: Option<String>,
}

/// A way to reach the customer.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct CommChannel {
    #[serde(rename = "type", deserialize_with = "lenient::opt_string")]
    pub kind: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub value: Option<String>,
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub primary: Option<bool>,
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub verified: Option<bool>,
}

/// Who created or changed the record, and when.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Attribution {
    #[serde(deserialize_with = "lenient::opt_string")]
    pub create_date: Option<String>,
    #[serde(deserialize_with = "lenient::opt")]
    pub created_by: Option<Actor>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub modified_date: Option<String>,
    #[serde(deserialize_with = "lenient::opt")]
    pub modified_by: Option<Actor>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub created_from_source: Option<String>,
}

/// A till or user named in an attribution.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Actor {
    #[serde(deserialize_with = "lenient::opt_string")]
    pub code: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub name: Option<String>,
    #[serde(rename = "type", deserialize_with = "lenient::opt_string")]
    pub kind: Option<String>,
}

/// Loyalty membership summary.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct LoyaltyInfo {
    /// "loyalty" or "non_loyalty".
    #[serde(deserialize_with = "lenient::opt_string")]
    pub loyalty_type: Option<String>,
    #[serde(deserialize_with = "lenient::opt_f64")]
    pub lifetime_purchases: Option<f64>,
    #[serde(rename = "attributionV2", deserialize_with = "lenient::opt")]
    pub attribution: Option<Attribution>,
}

/// One loyalty program's standing (with `embed=mlp` / `points`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct LoyaltyProgram {
    #[serde(deserialize_with = "lenient::opt_string")]
    pub program_title: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub program_name: Option<String>,
    /// The tier.
    #[serde(deserialize_with = "lenient::opt_string")]
    pub current_slab: Option<String>,
    #[serde(deserialize_with = "lenient::opt_f64")]
    pub loyalty_points: Option<f64>,
    #[serde(deserialize_with = "lenient::opt_f64")]
    pub lifetime_points: Option<f64>,
}

impl LoyaltyProgram {
    /// The program's name, whichever field carried it.
    pub fn title(&self) -> Option<&str> {
        self.program_title
            .as_deref()
            .or(self.program_name.as_deref())
            .filter(|t| !t.trim().is_empty())
    }
}

/// A loyalty card.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct CardDetail {
    #[serde(
        alias = "cardNumber",
        alias = "number",
        deserialize_with = "lenient::opt_string"
    )]
    pub card_number: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub series_name: Option<String>,
    #[serde(alias = "status", deserialize_with = "lenient::opt_string")]
    pub status_label: Option<String>,
}

/// Fraud flag.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct FraudDetails {
    /// e.g. "NONE", "MARKED", "CONFIRMED", "RECONFIRMED".
    #[serde(deserialize_with = "lenient::opt_string")]
    pub status: Option<String>,
}

/// A warning or error entry in a response.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ApiMessage {
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub code: Option<i64>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub message: Option<String>,
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub status: Option<bool>,
}

/// One entry of `customerImage`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct CustomerImage {
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub code: Option<i64>,
    #[serde(deserialize_with = "lenient::opt")]
    pub file: Option<ImageFile>,
    #[serde(deserialize_with = "lenient::opt")]
    pub file_path: Option<PresignedUrl>,
    #[serde(deserialize_with = "lenient::opt")]
    pub secure_file_path: Option<PresignedUrl>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub message: Option<String>,
    /// The *string* "true" in the samples.
    #[serde(deserialize_with = "lenient::opt_bool")]
    pub status: Option<bool>,
}

/// Metadata of a stored photo.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ImageFile {
    #[serde(deserialize_with = "lenient::opt_string")]
    pub acl: Option<String>,
    /// A *string* of bytes in the samples.
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub file_size: Option<i64>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub file_handle: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub last_modified: Option<String>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub latest_version: Option<i64>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub name: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub namespace: Option<String>,
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub version: Option<i64>,
}

impl CustomerImage {
    /// The URL to download: `secureFilePath`, else `filePath`.
    pub fn url(&self) -> Option<&PresignedUrl> {
        self.secure_file_path.as_ref().or(self.file_path.as_ref())
    }

    /// True unless the entry says it failed (an error code or `status: false`).
    pub fn succeeded(&self) -> bool {
        let code_ok = self.code.is_none_or(|c| (200..300).contains(&c));
        code_ok && self.status != Some(false)
    }

    /// `file.lastModified` when it has the documented shape
    /// (`2025-04-21 03:01:43`, which sorts as text); anything else counts
    /// as unknown rather than guessing.
    pub fn last_modified(&self) -> Option<&str> {
        let text = self.file.as_ref()?.last_modified.as_deref()?.trim();
        let shape_ok = text.len() == 19
            && text.char_indices().all(|(i, c)| match i {
                4 | 7 => c == '-',
                10 => c == ' ' || c == 'T',
                13 | 16 => c == ':',
                _ => c.is_ascii_digit(),
            });
        shape_ok.then_some(text)
    }

    /// The image's slot: the number `file.name` ends in (`…/565039505/1`).
    pub fn index(&self) -> Option<u32> {
        let name = self.file.as_ref()?.name.as_deref()?;
        name.rsplit('/').next()?.trim().parse().ok()
    }

    /// A key that stays the same while the stored photo does, unlike the URL
    /// (which changes on every fetch): file handle plus version.
    pub fn cache_key(&self) -> Option<String> {
        let file = self.file.as_ref()?;
        let handle = file.file_handle.as_deref()?;
        Some(format!("{handle}#{}", file.version.unwrap_or(0)))
    }
}

/// What the photo block says, in one value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoState<'a> {
    /// A URL to download.
    Available(&'a PresignedUrl),
    /// An entry that failed or lacks a URL, with the server's reason.
    Unavailable(String),
    /// The customer has no photo.
    None,
    /// The answer had no `customerImage` block at all (it was not embedded).
    NotEmbedded,
}

impl Customer {
    /// Parses a customer from a JSON body, which must be an object (serde
    /// would otherwise read an array as the fields in order).
    pub fn from_json(bytes: &[u8]) -> Result<Customer, serde_json::Error> {
        let value: Value = serde_json::from_slice(bytes)?;
        if !value.is_object() {
            return Err(serde::de::Error::custom("a customer must be a JSON object"));
        }
        serde_json::from_value(value)
    }

    /// The first profile, where names and identifiers live.
    pub fn profile(&self) -> Option<&Profile> {
        self.profiles.first()
    }

    /// "First Last", or whatever part exists; `None` when there is no name.
    pub fn display_name(&self) -> Option<String> {
        let profile = self.profile()?;
        full_name(profile.first_name.as_deref(), profile.last_name.as_deref())
    }

    /// The customer ID: `id`, else the profile's `userId`.
    pub fn customer_id(&self) -> Option<i64> {
        self.id.or_else(|| self.profile().and_then(|p| p.user_id))
    }

    /// The first identifier of a type (`mobile`, `email`, `cardnumber`…).
    pub fn identifier(&self, kind: &str) -> Option<&str> {
        self.profile()?
            .identifiers
            .iter()
            .find(|i| {
                i.kind
                    .as_deref()
                    .is_some_and(|k| k.eq_ignore_ascii_case(kind))
            })
            .and_then(|i| i.value.as_deref())
    }

    /// The photo block, interpreted.
    pub fn photo(&self) -> PhotoState<'_> {
        let Some(images) = &self.customer_image else {
            return PhotoState::NotEmbedded;
        };
        let Some(first) = images.first() else {
            return PhotoState::None;
        };
        if let Some(url) = self.photo_entry().and_then(CustomerImage::url) {
            return PhotoState::Available(url);
        }
        let reason = first
            .message
            .clone()
            .filter(|m| !m.trim().is_empty() && !m.eq_ignore_ascii_case("success"))
            .unwrap_or_else(|| match first.code {
                Some(code) if !(200..300).contains(&code) => format!("error {code}"),
                _ => "no download link".to_owned(),
            });
        if first.code == Some(404) || reason.to_ascii_lowercase().contains("not found") {
            PhotoState::None
        } else {
            PhotoState::Unavailable(reason)
        }
    }

    /// The image entry that [`Customer::photo`] would download: of those
    /// that can be downloaded, the newest (latest `lastModified`, then the
    /// highest index at the end of `file.name`); without either, the first.
    /// A customer can hold several images, and an upload adds one.
    pub fn photo_entry(&self) -> Option<&CustomerImage> {
        self.customer_image
            .as_deref()?
            .iter()
            .enumerate()
            .filter(|(_, i)| i.succeeded() && i.url().is_some())
            .max_by_key(|(position, image)| {
                (
                    image.last_modified(),
                    image.index(),
                    std::cmp::Reverse(*position),
                )
            })
            .map(|(_, image)| image)
    }
}

/// "First Last" from the parts that exist, trimmed; `None` with neither.
pub(super) fn full_name(first: Option<&str>, last: Option<&str>) -> Option<String> {
    let parts: Vec<&str> = [first, last]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}
