//! Customer Lookup: find a Capillary customer by mobile, email or card and
//! see their photo. See README.md for the architecture.
//!
//! The crate's public surface is what `main.rs` needs: the command line
//! ([`cli`]), [`logging`], the IT [`policy`], [`doctor`], the `photo`
//! subcommand ([`photo_cli`]) and the window ([`run_native`]); the tests
//! and benchmarks reach the rest through `testing`.

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
mod app;
#[cfg(feature = "window")]
mod camera;
pub mod cli;
#[cfg(feature = "window")]
mod clipboard;
mod config;
pub mod doctor;
#[cfg(feature = "window")]
mod fonts;
pub mod logging;
#[cfg(feature = "window")]
mod logic;
mod photo_change;
pub mod photo_cli;
#[cfg(feature = "window")]
mod pick_file;
pub mod policy;
#[cfg(feature = "window")]
mod state;
#[cfg(feature = "window")]
mod ui;
#[cfg(feature = "window")]
mod vault;

/// The window: what `main.rs` opens when no subcommand is given.
#[cfg(feature = "window")]
pub use app::{StartOptions, run_native};

/// The app's insides, for its own tests and benchmarks only: the `testing`
/// feature (switched on by the package's dev-dependency on itself) builds
/// this, shipped builds never do. Everything else in the crate is private
/// to it; the crates below (`capillary`, `photo`, `demo`, `i18n`) have their
/// own public APIs.
#[cfg(feature = "testing")]
pub mod testing {
    // A private module cannot be re-exported, its public items can: each
    // of these is the module's whole public API under the same name.
    pub mod config {
        pub use crate::config::*;
    }
    pub mod photo_change {
        pub use crate::photo_change::*;
    }
    #[cfg(feature = "window")]
    pub mod app {
        pub use crate::app::*;
    }
    #[cfg(feature = "window")]
    pub mod camera {
        pub use crate::camera::*;
    }
    #[cfg(feature = "window")]
    pub mod fonts {
        pub use crate::fonts::*;
    }
    #[cfg(feature = "window")]
    pub mod logic {
        pub use crate::logic::*;
    }
    #[cfg(feature = "window")]
    pub mod pick_file {
        pub use crate::pick_file::*;
    }
    #[cfg(feature = "window")]
    pub mod state {
        pub use crate::state::*;
    }
    #[cfg(feature = "window")]
    pub mod ui {
        pub use crate::ui::*;
    }
    #[cfg(feature = "window")]
    pub mod vault {
        pub use crate::vault::*;
    }
}
