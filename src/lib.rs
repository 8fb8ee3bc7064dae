//! Customer Lookup: find a Capillary customer by mobile, email or card and
//! see their photo. See README.md for the architecture.

pub mod capillary;
pub mod demo;
pub mod photo;
pub mod secret;
