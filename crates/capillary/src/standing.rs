//! What the first screen shows beside the photo: loyalty standing per
//! program (`GET /v2/customers/{id}/loyaltyDetails`) and recent purchases
//! (`GET /v2/customers/{id}/transactions`). Tolerant like the customer
//! model: every field may be missing, numbers may come as strings.

use super::lenient;
use serde::Deserialize;

/// One loyalty program's standing for the customer.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ProgramStanding {
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub program_id: Option<i64>,
    /// The program's name, where the answer gives one.
    #[serde(alias = "programTitle", deserialize_with = "lenient::opt_string")]
    pub program_name: Option<String>,
    /// The tier ("Gold").
    #[serde(deserialize_with = "lenient::opt_string")]
    pub current_slab: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub next_slab: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub next_slab_description: Option<String>,
    /// Points available now.
    #[serde(deserialize_with = "lenient::opt_f64")]
    pub loyalty_points: Option<f64>,
    #[serde(deserialize_with = "lenient::opt_f64")]
    pub lifetime_points: Option<f64>,
    /// -1: not enrolled in this program.
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub loyalty_id: Option<i64>,
}

impl ProgramStanding {
    /// False for a program the customer is not enrolled in (`loyaltyId` -1).
    pub fn is_enrolled(&self) -> bool {
        self.loyalty_id != Some(-1)
    }
}

/// `{"data": [...]}` of the loyalty answer.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct LoyaltyAnswer {
    #[serde(deserialize_with = "lenient::vec")]
    pub data: Vec<ProgramStanding>,
}

/// One purchase (a bill).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Purchase {
    #[serde(deserialize_with = "lenient::opt_i64")]
    pub id: Option<i64>,
    /// `REGULAR`, `RETURN`, …
    #[serde(rename = "type", deserialize_with = "lenient::opt_string")]
    pub kind: Option<String>,
    #[serde(deserialize_with = "lenient::opt")]
    pub bill_details: Option<BillDetails>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct BillDetails {
    #[serde(deserialize_with = "lenient::opt_string")]
    pub bill_number: Option<String>,
    /// ISO 8601, UTC ("2026-11-20T11:05:00Z").
    #[serde(deserialize_with = "lenient::opt_string")]
    pub billing_time: Option<String>,
    /// In the org's base currency; no currency code in the answer.
    #[serde(deserialize_with = "lenient::opt_f64")]
    pub amount: Option<f64>,
    #[serde(deserialize_with = "lenient::opt")]
    pub billing_store: Option<Store>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Store {
    #[serde(deserialize_with = "lenient::opt_string")]
    pub name: Option<String>,
    #[serde(deserialize_with = "lenient::opt_string")]
    pub code: Option<String>,
}

/// `{"data": [...]}` of the transactions answer.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct PurchasesAnswer {
    #[serde(deserialize_with = "lenient::vec")]
    pub data: Vec<Purchase>,
}
