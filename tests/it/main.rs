//! The integration tests: one binary for the whole crate, a module per
//! suite (as ripgrep and rust-analyzer do). Each binary under `tests/` links
//! egui, wgpu and the kittest harness again, and 26 of them made the test
//! build take 16 minutes on a 2-core machine; one links once.
//!
//! Run one suite with `cargo test --test it SUITE::`, e.g.
//! `cargo test --test it snapshots::`.
//!
//! Two rules follow from sharing one process:
//! - the tests that need the cores to themselves (real windows, the stress
//!   run, a frame rate) take turns ([`support::my_turn`]);
//! - a test that measures or takes over the whole process (resident memory,
//!   the global log subscriber) runs in a process of its own
//!   ([`support::run_alone`]).

mod support;

mod app_faults;
mod app_ui;
mod at_a_glance;
mod bidi_order;
mod cli;
mod client_demo;
mod client_faults;
mod deb_package;
mod demo_photos;
mod doctor;
mod enrol_client;
mod enrolment;
mod languages;
mod log_hygiene;
mod model_parsing;
mod name_search;
mod one_box;
mod os_keyring;
mod photo_changes;
mod photo_cli;
mod photo_dialog;
mod photo_formats;
mod photo_upload;
mod policy;
mod remember_password;
mod screen_reader;
mod search_client;
mod smoke_window;
mod snapshots;
mod stress;
mod transport;
mod warm_up;
mod windows_wine;
