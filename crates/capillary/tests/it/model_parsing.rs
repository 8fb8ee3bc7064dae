//! The customer model parses the seed's real sample verbatim and survives
//! the odd shapes Capillary is known (or likely) to send.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use capillary::{Customer, PhotoState};

const SEED: &str = testkit::SEED_CUSTOMER_IMAGE;

#[test]
fn seed_sample_parses_verbatim() {
    let customer = Customer::from_json(SEED.as_bytes()).unwrap();
    assert_eq!(customer.customer_id(), Some(565_039_505));
    assert_eq!(customer.display_name().as_deref(), Some("Tom Sawyer"));
    assert_eq!(customer.identifier("mobile"), Some("918877665544"));
    assert_eq!(
        customer.identifier("email"),
        Some("tom.sawyer@capillarytech.com")
    );
    let profile = customer.profile().unwrap();
    assert_eq!(
        profile.fields.get("city_name").and_then(|v| v.as_str()),
        Some("Bangalore")
    );
    assert_eq!(profile.comm_channels.len(), 2);
    assert_eq!(profile.comm_channels[0].primary, Some(true));
    assert_eq!(profile.comm_channels[0].verified, Some(false));
    let attribution = profile.attribution.as_ref().unwrap();
    assert_eq!(
        attribution.create_date.as_deref(),
        Some("2025-02-28T06:16:17Z")
    );
    assert_eq!(
        attribution.modified_by.as_ref().unwrap().code.as_deref(),
        Some("tj_capillary")
    );
    let loyalty = customer.loyalty_info.as_ref().unwrap();
    assert_eq!(loyalty.loyalty_type.as_deref(), Some("loyalty"));
    assert_eq!(loyalty.lifetime_purchases, Some(0.0));
    assert_eq!(
        customer
            .extended_fields
            .get("gender")
            .and_then(|v| v.as_str()),
        Some("Male")
    );
    assert_eq!(customer.associated_with.as_deref(), Some("neeraj.doc"));
    assert!(!customer.is_flagged_fraud());

    let image = &customer.customer_image.as_ref().unwrap()[0];
    assert_eq!(image.status, Some(true), "the string \"true\" is a boolean");
    let file = image.file.as_ref().unwrap();
    assert_eq!(
        file.file_size,
        Some(209_859),
        "fileSize is a string of bytes"
    );
    assert_eq!(
        image.cache_key().as_deref(),
        Some("01a24b35-f1fa-4dc3-bbce-ab9bc5094e2c#1")
    );
    let PhotoState::Available(url) = customer.photo() else {
        panic!("the seed has a photo")
    };
    assert_eq!(url.host(), "s3-eu-west-1.amazonaws.com");
    assert!(url.expose().as_str().contains("X-Amz-Signature=ff24aa76"));
    // A URL from 2025 has long expired.
    assert!(url.is_expired_at(std::time::SystemTime::now()));
    // Debug output of the whole customer never shows the presigned query.
    let debug = format!("{customer:?}");
    assert!(
        !debug.contains("X-Amz-Signature"),
        "presigned query leaked into Debug"
    );
    assert!(
        !debug.contains("IQoJb3JpZ2lu"),
        "security token leaked into Debug"
    );
}

#[test]
fn missing_blocks_and_nulls_parse() {
    let customer = Customer::from_json(br#"{"id": 7}"#).unwrap();
    assert_eq!(customer.customer_id(), Some(7));
    assert_eq!(customer.display_name(), None);
    assert_eq!(customer.photo(), PhotoState::NotEmbedded);

    let nulls = br#"{"id": null, "profiles": null, "loyaltyInfo": null, "extendedFields": null,
        "segments": null, "cardDetails": null, "customerImage": null, "warnings": null,
        "fraudDetails": null}"#;
    let customer = Customer::from_json(nulls).unwrap();
    assert_eq!(customer.customer_id(), None);
    assert!(customer.profiles.is_empty());
    assert_eq!(
        customer.photo(),
        PhotoState::None,
        "null image block means no photo"
    );
}

#[test]
fn odd_types_and_unknown_fields_parse() {
    let odd = br#"{
        "id": "565039505",
        "brandNewField": {"anything": [1, 2, 3]},
        "profiles": [{"firstName": "  Ana ", "lastName": null, "userId": "42",
            "commChannels": [{"type": "mobile", "value": 919800000001, "primary": "TRUE", "verified": 1}],
            "identifiers": {"type": "mobile", "value": "1"}}],
        "loyaltyInfo": {"lifetimePurchases": "12.50", "loyaltyType": "loyalty"},
        "loyaltyProgramDetails": [{"programName": "Club", "currentSlab": "Gold", "loyaltyPoints": "300"}],
        "extendedFields": {"dob": null, "kids": 2},
        "fraudDetails": {"status": "MARKED"},
        "customerImage": {"code": "200", "filePath": "https://s3.example.com/a.jpg", "status": true}
    }"#;
    let customer = Customer::from_json(odd).unwrap();
    assert_eq!(customer.customer_id(), Some(565_039_505));
    assert_eq!(customer.display_name().as_deref(), Some("Ana"));
    let channel = &customer.profile().unwrap().comm_channels[0];
    assert_eq!(channel.value.as_deref(), Some("919800000001"));
    assert_eq!(
        (channel.primary, channel.verified),
        (Some(true), Some(true))
    );
    assert_eq!(
        customer.identifier("mobile"),
        Some("1"),
        "a lone object is a list of one"
    );
    assert_eq!(
        customer.loyalty_info.as_ref().unwrap().lifetime_purchases,
        Some(12.5)
    );
    let program = &customer.loyalty_program_details[0];
    assert_eq!(
        (
            program.title(),
            program.current_slab.as_deref(),
            program.loyalty_points
        ),
        (Some("Club"), Some("Gold"), Some(300.0))
    );
    assert!(customer.extended_fields.get("dob").unwrap().is_null());
    assert!(customer.is_flagged_fraud());
    assert!(
        matches!(customer.photo(), PhotoState::Available(u) if u.host() == "s3.example.com"),
        "falls back to filePath"
    );
}

#[test]
fn failed_image_entries_say_why() {
    let failed = br#"{"id": 1, "customerImage": [{"code": 500, "message": "Unable to generate URL", "status": "false"}]}"#;
    let customer = Customer::from_json(failed).unwrap();
    assert_eq!(
        customer.photo(),
        PhotoState::Unavailable("Unable to generate URL".into())
    );

    let no_url = br#"{"id": 1, "customerImage": [{"code": 200, "status": "true", "secureFilePath": "", "filePath": null}]}"#;
    let customer = Customer::from_json(no_url).unwrap();
    assert_eq!(
        customer.photo(),
        PhotoState::Unavailable("no download link".into())
    );

    let empty = br#"{"id": 1, "customerImage": []}"#;
    assert_eq!(
        Customer::from_json(empty).unwrap().photo(),
        PhotoState::None
    );
}

#[test]
fn not_an_object_is_an_error_not_a_panic() {
    assert!(Customer::from_json(b"[1,2]").is_err());
    assert!(Customer::from_json(b"\"text\"").is_err());
    assert!(Customer::from_json(b"{").is_err());
}

/// One `customerImage` entry with a download link and the given file
/// metadata.
fn image_entry(host: &str, last_modified: Option<&str>, name: Option<&str>) -> serde_json::Value {
    serde_json::json!({
        "code": 200,
        "status": "true",
        "secureFilePath": format!("https://{host}/photo.jpg?X-Amz-Signature=abc"),
        "file": {"lastModified": last_modified, "name": name, "fileHandle": host},
    })
}

fn shown_host(images: Vec<serde_json::Value>) -> String {
    let body = serde_json::json!({"id": 1, "customerImage": images});
    let customer = Customer::from_json(body.to_string().as_bytes()).unwrap();
    match customer.photo() {
        PhotoState::Available(url) => url.host().to_owned(),
        other => panic!("no photo chosen: {other:?}"),
    }
}

#[test]
fn the_newest_of_several_images_is_shown() {
    // The latest lastModified wins wherever it is in the list.
    let newest_last = vec![
        image_entry("old.example", Some("2024-01-05 10:00:00"), Some("100/7/0")),
        image_entry("new.example", Some("2025-04-21 03:01:43"), Some("100/7/1")),
    ];
    assert_eq!(shown_host(newest_last), "new.example");
    let newest_first = vec![
        image_entry("new.example", Some("2025-04-21 03:01:43"), Some("100/7/0")),
        image_entry("old.example", Some("2024-01-05 10:00:00"), Some("100/7/1")),
    ];
    assert_eq!(shown_host(newest_first), "new.example");
    // The same time: the higher index.
    let same_time = vec![
        image_entry(
            "slot2.example",
            Some("2025-04-21 03:01:43"),
            Some("100/7/2"),
        ),
        image_entry(
            "slot0.example",
            Some("2025-04-21 03:01:43"),
            Some("100/7/0"),
        ),
    ];
    assert_eq!(shown_host(same_time), "slot2.example");
    // A time in another shape is not trusted; nor guessed from.
    let odd_time = vec![
        image_entry(
            "known.example",
            Some("2025-04-21 03:01:43"),
            Some("100/7/0"),
        ),
        image_entry("odd.example", Some("yesterday"), Some("100/7/1")),
    ];
    assert_eq!(shown_host(odd_time), "known.example");
    // No metadata at all: the first, as before.
    let bare = vec![
        image_entry("first.example", None, None),
        image_entry("second.example", None, None),
    ];
    assert_eq!(shown_host(bare), "first.example");
}
