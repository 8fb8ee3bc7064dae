//! Customer Lookup: find a Capillary customer by mobile, email or card and
//! see their photo. See README.md for the architecture.

/// The app's name for its window, data directory and log files.
pub const APP_ID: &str = "customer-lookup";

// The crates below the app, under the names the app's modules use
// (`crate::capillary::…`). None of them links a GUI.
use ::capillary;
use ::i18n;
use ::photo;
use capillary::secret;
use i18n::display_in_english;
#[cfg(feature = "window")]
use {::demo, i18n::bidi, i18n::tr_text};

#[cfg(feature = "window")]
pub mod app;
#[cfg(feature = "window")]
pub mod camera;
pub mod cli;
#[cfg(feature = "window")]
pub mod clipboard;
pub mod config;
pub mod doctor;
#[cfg(feature = "window")]
pub mod fonts;
pub mod logging;
#[cfg(feature = "window")]
pub mod logic;
pub mod photo_change;
pub mod photo_cli;
#[cfg(feature = "window")]
pub mod pick_file;
pub mod policy;
#[cfg(feature = "window")]
pub mod state;
#[cfg(feature = "window")]
pub mod ui;
#[cfg(feature = "window")]
pub mod vault;
