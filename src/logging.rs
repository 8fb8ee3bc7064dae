//! Logging to stderr, level from `RUST_LOG` (default: info for this app).
//! What is logged never includes customer data, secrets or URL queries;
//! the modules that log are written to that rule.

use tracing_subscriber::EnvFilter;

/// Installs the subscriber once; later calls do nothing.
pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("customer_lookup=info,warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
