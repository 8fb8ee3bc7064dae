//! The demo tenant's customers: made-up people covering what the app must
//! handle (non-Latin names, every photo format, an EXIF-rotated photo, no
//! photo, a fraud flag, loyalty tiers).

use super::photos::{Look, PhotoFormat};
use capillary::codes;
use serde_json::{Value, json};
use std::borrow::Cow;

/// Omar's account was merged into another (a warning on his profile).
pub const MERGED: i64 = 565_039_612;
/// Olivia's purchases cannot be loaded (the demo answers 500).
pub const PURCHASES_FAIL: i64 = 565_039_607;
/// Tom is in two loyalty programs.
pub const TWO_PROGRAMS: i64 = 565_039_505;
/// Sid Sawyer shares Tom's surname.
pub const SHARED_SURNAME: i64 = 565_039_613;
/// Becky's lookups answer 429 twice before they succeed.
pub const RATE_LIMITED: i64 = 565_039_614;
/// How many times each of Becky's lookups is rate-limited.
pub const RATE_LIMITED_TIMES: u64 = 2;

/// A demo customer's text: a literal for the built-in ones, owned for
/// those enrolled while the demo runs.
pub type Text = Cow<'static, str>;

/// One made-up customer.
#[derive(Debug, Clone)]
pub struct DemoCustomer {
    pub id: i64,
    pub first_name: Text,
    pub last_name: Text,
    pub mobile: Text,
    pub email: Text,
    pub card: Text,
    pub external_id: Text,
    pub photo: Option<(Look, PhotoFormat)>,
    pub city: Text,
    pub gender: Text,
    pub tier: Option<(&'static str, f64)>,
    pub fraud: bool,
}

const fn look(background: [u8; 3], skin: [u8; 3], hair: [u8; 3], shirt: [u8; 3]) -> Look {
    Look {
        background,
        skin,
        hair,
        shirt,
    }
}

/// Every demo customer. Mobiles are 9198000000NN, cards mostly DEMO000N.
pub fn all() -> Vec<DemoCustomer> {
    vec![
        DemoCustomer {
            id: 565_039_505,
            first_name: Cow::Borrowed("Tom"),
            last_name: Cow::Borrowed("Sawyer"),
            mobile: Cow::Borrowed("918877665544"),
            email: Cow::Borrowed("tom.sawyer@example.com"),
            card: Cow::Borrowed("DEMO0000"),
            external_id: Cow::Borrowed("EXT-TOM"),
            photo: Some((
                look(
                    [70, 130, 180],
                    [230, 190, 160],
                    [120, 70, 30],
                    [200, 60, 50],
                ),
                PhotoFormat::Jpeg,
            )),
            city: Cow::Borrowed("Bangalore"),
            gender: Cow::Borrowed("Male"),
            tier: Some(("Silver", 1250.0)),
            fraud: false,
        },
        DemoCustomer {
            id: 565_039_601,
            first_name: Cow::Borrowed("Asha"),
            last_name: Cow::Borrowed("Rao"),
            mobile: Cow::Borrowed("919800000001"),
            email: Cow::Borrowed("asha.rao@example.com"),
            card: Cow::Borrowed("DEMO0001"),
            external_id: Cow::Borrowed("EXT-0001"),
            photo: Some((
                look([46, 139, 87], [200, 150, 110], [30, 20, 20], [250, 200, 40]),
                PhotoFormat::Jpeg,
            )),
            city: Cow::Borrowed("Mumbai"),
            gender: Cow::Borrowed("Female"),
            tier: Some(("Gold", 8420.0)),
            fraud: false,
        },
        DemoCustomer {
            id: 565_039_602,
            first_name: Cow::Borrowed("प्रिया"),
            last_name: Cow::Borrowed("शर्मा"),
            mobile: Cow::Borrowed("919800000002"),
            email: Cow::Borrowed("priya.sharma@example.com"),
            card: Cow::Borrowed("DEMO0002"),
            external_id: Cow::Borrowed("EXT-0002"),
            photo: Some((
                look([180, 90, 140], [210, 160, 120], [20, 15, 15], [60, 90, 200]),
                PhotoFormat::Jpeg,
            )),
            city: Cow::Borrowed("Delhi"),
            gender: Cow::Borrowed("Female"),
            tier: Some(("Platinum", 23_000.0)),
            fraud: false,
        },
        DemoCustomer {
            id: 565_039_603,
            first_name: Cow::Borrowed("Arjun"),
            last_name: Cow::Borrowed("Mehta"),
            mobile: Cow::Borrowed("919800000003"),
            email: Cow::Borrowed("arjun.mehta@example.com"),
            card: Cow::Borrowed("DEMO0003"),
            external_id: Cow::Borrowed("EXT-0003"),
            photo: Some((
                look([220, 120, 50], [190, 140, 100], [40, 30, 25], [40, 40, 60]),
                PhotoFormat::JpegExifRotated,
            )),
            city: Cow::Borrowed("Pune"),
            gender: Cow::Borrowed("Male"),
            tier: None,
            fraud: false,
        },
        DemoCustomer {
            id: 565_039_604,
            first_name: Cow::Borrowed("美玲"),
            last_name: Cow::Borrowed("陈"),
            mobile: Cow::Borrowed("919800000004"),
            email: Cow::Borrowed("meiling.chen@example.com"),
            card: Cow::Borrowed("DEMO0004"),
            external_id: Cow::Borrowed("EXT-0004"),
            photo: Some((
                look(
                    [100, 100, 200],
                    [240, 210, 180],
                    [10, 10, 10],
                    [230, 230, 230],
                ),
                PhotoFormat::Png,
            )),
            city: Cow::Borrowed("Singapore"),
            gender: Cow::Borrowed("Female"),
            tier: Some(("Gold", 5100.0)),
            fraud: false,
        },
        DemoCustomer {
            id: 565_039_605,
            first_name: Cow::Borrowed("ليلى"),
            last_name: Cow::Borrowed("حداد"),
            mobile: Cow::Borrowed("919800000005"),
            email: Cow::Borrowed("layla.haddad@example.com"),
            card: Cow::Borrowed("DEMO0005"),
            external_id: Cow::Borrowed("EXT-0005"),
            photo: Some((
                look([20, 120, 120], [220, 180, 140], [60, 35, 20], [120, 30, 90]),
                PhotoFormat::WebP,
            )),
            city: Cow::Borrowed("Dubai"),
            gender: Cow::Borrowed("Female"),
            tier: Some(("Silver", 900.0)),
            fraud: false,
        },
        DemoCustomer {
            id: 565_039_606,
            first_name: Cow::Borrowed("கார்த்திக்"),
            last_name: Cow::Borrowed("சுப்ரமணியன்"),
            mobile: Cow::Borrowed("919800000006"),
            email: Cow::Borrowed("karthik.s@example.com"),
            card: Cow::Borrowed("DEMO0006"),
            external_id: Cow::Borrowed("EXT-0006"),
            photo: Some((
                look([150, 150, 60], [160, 110, 80], [15, 10, 10], [90, 160, 90]),
                PhotoFormat::Jpeg,
            )),
            city: Cow::Borrowed("Chennai"),
            gender: Cow::Borrowed("Male"),
            tier: None,
            fraud: false,
        },
        DemoCustomer {
            id: 565_039_607,
            first_name: Cow::Borrowed("Olivia"),
            last_name: Cow::Borrowed("Brown"),
            mobile: Cow::Borrowed("919800000007"),
            email: Cow::Borrowed("olivia.brown@example.com"),
            card: Cow::Borrowed("DEMO0007"),
            external_id: Cow::Borrowed("EXT-0007"),
            photo: None,
            city: Cow::Borrowed("London"),
            gender: Cow::Borrowed("Female"),
            tier: Some(("Bronze", 120.0)),
            fraud: false,
        },
        DemoCustomer {
            id: 565_039_608,
            first_name: Cow::Borrowed("Noah"),
            last_name: Cow::Borrowed("Fischer"),
            mobile: Cow::Borrowed("919800000008"),
            email: Cow::Borrowed("noah.fischer@example.com"),
            card: Cow::Borrowed("DEMO0008"),
            external_id: Cow::Borrowed("EXT-0008"),
            photo: Some((
                look([90, 90, 90], [235, 200, 170], [200, 170, 90], [30, 60, 120]),
                PhotoFormat::Jpeg,
            )),
            city: Cow::Borrowed("Berlin"),
            gender: Cow::Borrowed("Male"),
            tier: None,
            fraud: true,
        },
        // A loyalty card with a 16-digit numeric barcode: too long for a
        // mobile, so "any identifier" finds it as a card.
        DemoCustomer {
            id: 565_039_609,
            first_name: Cow::Borrowed("Maya"),
            last_name: Cow::Borrowed("Iyer"),
            mobile: Cow::Borrowed("919800000009"),
            email: Cow::Borrowed("maya.iyer@example.com"),
            card: Cow::Borrowed("4000123412341234"),
            external_id: Cow::Borrowed("EXT-0009"),
            photo: Some((
                look(
                    [120, 60, 140],
                    [200, 150, 110],
                    [40, 30, 30],
                    [240, 240, 240],
                ),
                PhotoFormat::Jpeg,
            )),
            city: Cow::Borrowed("Pune"),
            gender: Cow::Borrowed("Female"),
            tier: Some(("Gold", 2400.0)),
            fraud: false,
        },
        // Whose card number is another customer's mobile (Karthik's): a scan
        // of 919800000006 matches two people, and the cashier chooses.
        DemoCustomer {
            id: 565_039_610,
            first_name: Cow::Borrowed("Vikram"),
            last_name: Cow::Borrowed("Nair"),
            mobile: Cow::Borrowed("919800000010"),
            email: Cow::Borrowed("vikram.nair@example.com"),
            card: Cow::Borrowed("919800000006"),
            external_id: Cow::Borrowed("EXT-0010"),
            photo: Some((
                look([200, 120, 40], [170, 120, 90], [20, 20, 20], [40, 110, 60]),
                PhotoFormat::Jpeg,
            )),
            city: Cow::Borrowed("Kochi"),
            gender: Cow::Borrowed("Male"),
            tier: None,
            fraud: false,
        },
        // A 12-digit numeric card: tried as a mobile too (no one has that
        // mobile), found as the card.
        DemoCustomer {
            id: 565_039_611,
            first_name: Cow::Borrowed("Zara"),
            last_name: Cow::Borrowed("Khan"),
            mobile: Cow::Borrowed("919800000011"),
            email: Cow::Borrowed("zara.khan@example.com"),
            card: Cow::Borrowed("400055556666"),
            external_id: Cow::Borrowed("EXT-0011"),
            photo: None,
            city: Cow::Borrowed("Hyderabad"),
            gender: Cow::Borrowed("Female"),
            tier: Some(("Silver", 800.0)),
            fraud: false,
        },
        // Migrated from an old system: no mobile, email or card, found only
        // by the external ID on their old membership card.
        DemoCustomer {
            id: 565_039_612,
            first_name: Cow::Borrowed("Omar"),
            last_name: Cow::Borrowed("Said"),
            mobile: Cow::Borrowed(""),
            email: Cow::Borrowed(""),
            card: Cow::Borrowed(""),
            external_id: Cow::Borrowed("LEGACY-42"),
            photo: None,
            city: Cow::Borrowed("Dubai"),
            gender: Cow::Borrowed("Male"),
            tier: None,
            fraud: false,
        },
        // Shares Tom's surname: a search for "Sawyer" finds two people,
        // and their faces tell them apart.
        DemoCustomer {
            id: SHARED_SURNAME,
            first_name: Cow::Borrowed("Sid"),
            last_name: Cow::Borrowed("Sawyer"),
            mobile: Cow::Borrowed("919800000013"),
            email: Cow::Borrowed("sid.sawyer@example.com"),
            card: Cow::Borrowed("DEMO0013"),
            external_id: Cow::Borrowed("EXT-0013"),
            photo: Some((
                look(
                    [150, 110, 60],
                    [235, 195, 165],
                    [160, 100, 40],
                    [60, 140, 200],
                ),
                PhotoFormat::Jpeg,
            )),
            city: Cow::Borrowed("Chennai"),
            gender: Cow::Borrowed("Male"),
            tier: Some(("Bronze", 60.0)),
            fraud: false,
        },
        // Every lookup of Becky is rate-limited twice (429 with
        // `Retry-After: 1`) before it is answered.
        DemoCustomer {
            id: RATE_LIMITED,
            first_name: Cow::Borrowed("Becky"),
            last_name: Cow::Borrowed("Thatcher"),
            mobile: Cow::Borrowed("919800000014"),
            email: Cow::Borrowed("becky.thatcher@example.com"),
            card: Cow::Borrowed("DEMO0014"),
            external_id: Cow::Borrowed("EXT-0014"),
            photo: Some((
                look(
                    [200, 170, 60],
                    [230, 185, 150],
                    [190, 140, 60],
                    [170, 40, 90],
                ),
                PhotoFormat::Jpeg,
            )),
            city: Cow::Borrowed("Goa"),
            gender: Cow::Borrowed("Female"),
            tier: Some(("Silver", 640.0)),
            fraud: false,
        },
        // A three-word Arabic name and an Arabic city: right-to-left text
        // in the heading and the details.
        DemoCustomer {
            id: 565_039_615,
            first_name: Cow::Borrowed("يوسف"),
            last_name: Cow::Borrowed("عبد الله"),
            mobile: Cow::Borrowed("919800000015"),
            email: Cow::Borrowed("youssef.abdullah@example.com"),
            card: Cow::Borrowed("DEMO0015"),
            external_id: Cow::Borrowed("EXT-0015"),
            photo: Some((
                look([90, 60, 130], [200, 160, 120], [30, 25, 20], [40, 110, 70]),
                PhotoFormat::Jpeg,
            )),
            city: Cow::Borrowed("الرياض"),
            gender: Cow::Borrowed("Male"),
            tier: Some(("Gold", 2300.0)),
            fraud: false,
        },
    ]
}

/// The customer as Capillary's v2 API would return it. `image` is the
/// `customerImage` block, or `None` to leave it out (not embedded).
pub fn to_json(c: &DemoCustomer, image: Option<Value>, embed_mlp: bool) -> Value {
    let created_by = json!({"id": 75_155_282, "code": "demo.till", "name": "demo.till", "type": "TILL", "referenceId": -1, "default": false});
    let attribution = json!({
        "createDate": "2024-02-28T06:16:17Z",
        "createdBy": created_by,
        "modifiedBy": created_by,
        "modifiedDate": "2025-04-29T09:55:34Z"
    });
    let mut value = json!({
        "id": c.id,
        "profiles": [{
            "firstName": c.first_name,
            "lastName": c.last_name,
            "attribution": attribution,
            "fields": {"address": format!("12 Demo Street, {}", c.city), "city_name": c.city, "preferred_store": "Demo Store 1"},
            "allFields": {},
            "identifiers": without_empty_values(vec![
                json!({"type": "email", "value": c.email}),
                json!({"type": "mobile", "value": c.mobile}),
                json!({"type": "cardnumber", "value": c.card, "seriesId": 101, "statusLabel": card_status(c)}),
                json!({"type": "externalId", "value": c.external_id})
            ]),
            "commChannels": without_empty_values(vec![
                json!({"type": "email", "value": c.email, "primary": true, "verified": "true", "meta": {"residence": false, "office": false}, "attributes": {}}),
                json!({"type": "mobile", "value": c.mobile, "primary": "true", "verified": false, "meta": {"residence": false, "office": false}, "attributes": {}})
            ]),
            "source": "INSTORE",
            "userId": c.id,
            "accountId": "",
            "conflictingProfileList": [],
            "autoUpdateTime": "2025-04-30T06:58:25Z"
        }],
        "loyaltyInfo": {
            "loyaltyType": if c.tier.is_some() { "loyalty" } else { "non_loyalty" },
            "attributionV2": attribution,
            "lifetimePurchases": c.tier.map_or(0.0, |(_, points)| points * 4.0)
        },
        "segments": {},
        "associatedWith": "demo.till",
        "extendedFields": {"gender": c.gender, "city": c.city, "dob": null},
        "cardDetails": if c.card.is_empty() { json!([]) } else { json!([{"cardNumber": c.card, "seriesName": "Demo Loyalty", "statusLabel": card_status(c)}]) },
        "warnings": if c.id == MERGED { json!([{"status": false, "code": codes::MERGED, "message": "Customer merged into 565039505"}]) } else { json!([]) }
    });
    if c.fraud {
        value["fraudDetails"] = json!({"status": "MARKED", "markTime": "2025-03-01T10:00:00Z"});
    }
    if embed_mlp && let Some((tier, points)) = c.tier {
        value["loyaltyProgramDetails"] = json!([{
            "programTitle": "Demo Rewards",
            "currentSlab": tier,
            "loyaltyPoints": points,
            "lifetimePoints": points * 1.5
        }]);
    }
    if let Some(image) = image {
        value["customerImage"] = image;
    }
    value
}

/// A customer without a mobile, email or card has no entry for it at all.
fn without_empty_values(entries: Vec<Value>) -> Vec<Value> {
    entries
        .into_iter()
        .filter(|e| e["value"].as_str().is_some_and(|v| !v.is_empty()))
        .collect()
}

/// Zara's card is suspended; everyone else's is active.
pub fn card_status(c: &DemoCustomer) -> &'static str {
    if c.id == 565_039_611 {
        "SUSPENDED"
    } else {
        "ACTIVE"
    }
}

/// `loyaltyDetails` data: one program per customer with a tier (two for
/// Tom); none for a non-loyalty customer.
pub fn programs(c: &DemoCustomer) -> Value {
    let Some((tier, points)) = c.tier else {
        return json!([]);
    };
    let next = match tier {
        "Bronze" => Some("Silver"),
        "Silver" => Some("Gold"),
        _ => None,
    };
    let mut programs = vec![json!({
        "programId": 973,
        "programName": "Demo Rewards",
        "loyaltyId": c.id,
        "currentSlab": tier,
        "nextSlab": next,
        "nextSlabDescription": next.map(|n| format!("{} more points to {n}", (points * 0.6).round())),
        "loyaltyPoints": points,
        "totalAvailablePoints": points,
        "lifetimePoints": points * 1.5,
        "slabExpiryDate": "2027-03-31T23:59:59Z",
    })];
    if c.id == TWO_PROGRAMS {
        programs.push(json!({
            "programId": 974,
            "programName": "Partner Miles",
            "loyaltyId": c.id + 1,
            "currentSlab": "Blue",
            "loyaltyPoints": 18_450.0,
            "lifetimePoints": 40_210.0,
        }));
    }
    json!(programs)
}

/// `transactions` data: the customer's last purchases, newest first, at
/// most `limit`. Customers without a loyalty tier have made none.
pub fn purchases(c: &DemoCustomer, limit: usize) -> Value {
    if c.tier.is_none() {
        return json!([]);
    }
    let stores = [
        ("DS-001", "Demo Store 1, MG Road"),
        ("DS-007", "Demo Store 7, Airport"),
    ];
    let bills: Vec<Value> = (0..5_i64)
        .map(|n| {
            let (code, name) = stores[(n as usize) % stores.len()];
            let amount = ((c.id % 97) as f64 * 31.5 + 249.0) * (n as f64 + 1.0);
            json!({
                "id": c.id * 10 + n,
                "type": "REGULAR",
                "customerId": c.id,
                "billDetails": {
                    "billNumber": format!("B{}-{n}", c.id % 10_000),
                    "billingTime": format!("2026-11-{:02}T{:02}:35:00Z", 20 - n * 3, 9 + n),
                    "amount": amount,
                    "grossAmount": amount,
                    "discount": 0,
                    "billingStore": {"id": 75_155_000 + n, "code": code, "name": name}
                }
            })
        })
        .take(limit)
        .collect();
    json!(bills)
}
