//! Logging to stderr, level from `RUST_LOG` (default: info for this app,
//! warnings for the rest). What is logged never includes customer data,
//! secrets or URL queries; the modules that log are written to that rule.

use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;

const DEFAULT_FILTER: &str = "warn,customer_lookup=info";

/// `RUST_LOG` in the `target=level,level` form (no regexes, which would
/// cost a megabyte of binary); an unreadable value falls back to the default.
pub fn filter_from(rust_log: Option<&str>) -> Targets {
    rust_log
        .and_then(|value| value.parse::<Targets>().ok())
        .or_else(|| DEFAULT_FILTER.parse().ok())
        .unwrap_or_default()
}

/// Installs the subscriber once; later calls do nothing.
pub fn init() {
    let filter = filter_from(std::env::var("RUST_LOG").ok().as_deref());
    let _ = tracing_subscriber::registry()
        .with(tracing_subscriber::fmt::layer().with_writer(std::io::stderr))
        .with(filter)
        .try_init();
}

#[cfg(test)]
mod tests {
    use super::*;
    use tracing::Level;

    #[test]
    fn rust_log_forms() {
        let default = filter_from(None);
        assert!(default.would_enable("customer_lookup::app", &Level::INFO));
        assert!(!default.would_enable("hyper", &Level::INFO));
        let trace = filter_from(Some("trace"));
        assert!(trace.would_enable("hyper", &Level::TRACE));
        let mixed = filter_from(Some("warn,customer_lookup::capillary=debug"));
        assert!(mixed.would_enable("customer_lookup::capillary::client", &Level::DEBUG));
        assert!(!mixed.would_enable("customer_lookup::app", &Level::INFO));
    }
}
