//! Capillary's error codes, named once. The words for each are in
//! [`super::ErrorKind`]'s `Display`; the demo tenant answers with the same
//! constants.

/// "Customer not found" for the identifier (v2 lookup).
pub const CUSTOMER_NOT_FOUND: i64 = 8015;
/// Another "not found" for an identifier that belongs to nobody.
pub const IDENTIFIER_NOT_FOUND: i64 = 8065;
/// "Customer not found" from the older v1-style answers.
pub const LEGACY_NOT_FOUND: i64 = 816;
/// The codes that mean "no such customer", a normal outcome of a lookup.
pub const NOT_FOUND: [i64; 3] = [CUSTOMER_NOT_FOUND, IDENTIFIER_NOT_FOUND, LEGACY_NOT_FOUND];

/// No `source` was sent with the request.
pub const NO_SOURCE: i64 = 8016;
/// The source (INSTORE) is invalid for the org.
pub const INVALID_SOURCE: i64 = 8003;
pub const INVALID_SOURCE_TYPE: i64 = 8012;
/// The source account is invalid.
pub const INVALID_ACCOUNT: i64 = 8011;
/// The org does not accept that identifier type.
pub const UNSUPPORTED_IDENTIFIER: i64 = 8013;
/// The source needs an account id.
pub const ACCOUNT_ID_REQUIRED: i64 = 8045;
/// The customer was merged into another account (a warning on the profile).
pub const MERGED: i64 = 8069;
/// Points could not be loaded.
pub const POINTS_UNAVAILABLE: i64 = 8062;
/// Segments could not be loaded.
pub const SEGMENTS_UNAVAILABLE: i64 = 8063;
/// The customer is not registered in the loyalty program.
pub const NOT_IN_PROGRAM: i64 = 8089;
/// The identifier value was empty.
pub const EMPTY_IDENTIFIER: i64 = 11013;
/// The credentials may not view customer details.
pub const NO_ACCESS: i64 = 1044;
/// The customer is marked as fraud.
pub const FRAUD: i64 = 618;
/// setImage: the file is under Capillary's 10 KB minimum.
pub const IMAGE_TOO_SMALL: i64 = 8083;
/// setImage: no valid image file in the request.
pub const IMAGE_INVALID: i64 = 8084;
/// deleteImage: no image index was given.
pub const NO_IMAGE_TO_DELETE: i64 = 8078;

/// Registration: the mobile is not valid for the org.
pub const INVALID_MOBILE: i64 = 1001;
/// Registration: the email is not valid.
pub const INVALID_EMAIL: i64 = 1002;
/// Registration: the external ID is not valid.
pub const INVALID_EXTERNAL_ID: i64 = 1003;
/// Registration: no primary identifier (the org needs a mobile or email).
pub const NO_PRIMARY_IDENTIFIER: i64 = 1007;
/// Registration warning: the identifier exists in another source, and the
/// accounts are combined.
pub const COMBINED_WITH_OTHER_SOURCE: i64 = 8050;
