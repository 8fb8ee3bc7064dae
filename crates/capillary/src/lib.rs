//! The Capillary API client: hosts, auth, typed customers and errors.
//! Knows nothing about egui; the app and `doctor` both use it.

mod auth;
mod client;
pub mod codes;
pub mod digits;
pub mod enrol;
mod error;
mod host;
mod identifier;
mod lenient;
pub mod model;
mod presigned;
pub mod search;
pub mod secret;
pub mod standing;
mod status;

pub use auth::{Credentials, OAuthToken, md5_hex, till_authorization};
pub use client::{
    CapillaryClient, ClientConfig, LOOKUP_EMBED, MAX_CANDIDATES, OAUTH_HEADER, PhotoBytes,
    REQUEST_ID_HEADER, SOURCE, parse_customer_answer,
};
pub use enrol::{
    EnrolField, EnrolForm, Enrolled, Enrolment, FieldError, FieldProblem, MAX_ENROL_MOBILE_DIGITS,
    MIN_ENROL_MOBILE_DIGITS,
};
pub use error::{ApiError, ErrorKind};
pub use host::{ApiHost, Cluster, HostError};
pub use identifier::{IdentifierKind, InputError, Lookup};
pub use model::{Customer, PhotoState};
pub use presigned::{PresignedUrl, format_amz_date, redact_url};
pub use search::{NameQuery, SearchHit, SearchPage, mask_mobile};
pub use secret::Secret;
pub use standing::{BillDetails, ProgramStanding, Purchase, Store};
pub use status::{CardStatus, CustomerStatus, PhotoAlert};
