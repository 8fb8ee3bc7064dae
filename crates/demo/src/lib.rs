//! The built-in demo tenant: a real HTTP server on 127.0.0.1 that speaks the
//! same API as Capillary (both auth schemes, lookups, customers with photos
//! behind presigned-style URLs that expire). `--demo` and the tests use it.

mod customers;
mod images;
pub mod network;
pub mod photos;
mod server;

/// The demo's customers, as a fresh demo server starts with them.
pub use customers::{DemoCustomer, all as all_customers};
pub use server::{
    DEMO_CLIENT_KEY, DEMO_CLIENT_SECRET, DEMO_NO_ACCESS_USER, DEMO_PASSWORD, DEMO_USER, DemoConfig,
    DemoServer, DemoStats,
};
