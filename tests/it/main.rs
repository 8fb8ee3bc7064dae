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
mod deb_package;
mod doctor;
mod enrolment;
mod languages;
mod log_hygiene;
mod name_search;
mod one_box;
mod os_keyring;
mod photo_cli;
mod photo_dialog;
mod policy;
mod remember_password;
mod screen_reader;
mod smoke_window;
mod snapshots;
mod stress;
mod transport;
mod warm_up;
mod windows_wine;
