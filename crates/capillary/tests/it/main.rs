//! The client's integration tests, one binary (a module per suite): real
//! HTTP on 127.0.0.1 against the demo tenant or a scripted server
//! (`testkit`). Nothing here links a GUI, so this builds in a fraction of
//! the app's test build. Run one suite with `cargo test -p capillary --test
//! it SUITE::`.

mod client_demo;
mod client_faults;
mod enrol_client;
mod model_parsing;
mod photo_changes;
mod search_client;
