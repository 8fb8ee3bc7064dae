//! Customer Lookup: find a Capillary customer by mobile, email or card and
//! see their photo. See README.md for the architecture.

/// The app's name for its window, data directory and log files.
pub const APP_ID: &str = "customer-lookup";

#[cfg(feature = "window")]
pub mod app;
pub mod bidi;
#[cfg(feature = "window")]
pub mod camera;
pub mod capillary;
pub mod cli;
#[cfg(feature = "window")]
pub mod clipboard;
pub mod config;
pub mod demo;
pub mod doctor;
#[cfg(feature = "window")]
pub mod fonts;
pub mod i18n;
pub mod logging;
#[cfg(feature = "window")]
pub mod logic;
pub mod photo;
pub mod photo_change;
pub mod photo_cli;
#[cfg(feature = "window")]
pub mod pick_file;
pub mod policy;
pub mod secret;
#[cfg(feature = "window")]
pub mod state;
#[cfg(feature = "window")]
pub mod ui;
#[cfg(feature = "window")]
pub mod vault;
