//! Logging to stderr and to a file in the app's data directory, level from
//! `RUST_LOG` (default: info for this app, warnings for the rest). What is
//! logged never includes customer data, secrets or URL queries: the
//! modules that log are written to that rule, and `tests/log_hygiene.rs`
//! checks it at `RUST_LOG=trace`.
#![expect(
    clippy::disallowed_methods,
    reason = "the log folder is made and read here"
)]

use crate::APP_ID;
use std::path::Path;
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;

/// Our own crates at info (the app and the four below it, each its own
/// tracing target), everything else at warn.
const DEFAULT_FILTER: &str =
    "warn,customer_lookup=info,capillary=info,photo=info,demo=info,i18n=info";

/// Log files kept: one per day, so a week of history for support.
pub const LOG_FILES_KEPT: usize = 7;

/// `logs/` in the app's data directory (beside eframe's settings file):
/// `~/.local/share/customer-lookup/logs` on Linux.
#[cfg(feature = "window")]
pub fn log_dir() -> Option<std::path::PathBuf> {
    eframe::storage_dir(APP_ID).map(|dir| dir.join("logs"))
}

/// `RUST_LOG` in the `target=level,level` form (no regexes, which would
/// cost a megabyte of binary); an unreadable value falls back to the default.
pub fn filter_from(rust_log: Option<&str>) -> Targets {
    rust_log
        .and_then(|value| value.parse::<Targets>().ok())
        .or_else(|| DEFAULT_FILTER.parse().ok())
        .unwrap_or_default()
}

/// Why there is no log file (logged, in English, to stderr).
#[derive(Debug, thiserror::Error)]
pub enum LogFileError {
    #[error("the log folder could not be made: {0}")]
    Folder(#[from] std::io::Error),
    #[error("the log file could not be opened: {0}")]
    File(#[from] tracing_appender::rolling::InitError),
}

/// A daily-rotating file `customer-lookup.YYYY-MM-DD.log` in `dir`,
/// keeping [`LOG_FILES_KEPT`] files.
pub fn file_appender(dir: &Path) -> Result<RollingFileAppender, LogFileError> {
    // Made first: the appender prunes old files before it creates any.
    std::fs::create_dir_all(dir)?;
    Ok(RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix(APP_ID)
        .filename_suffix("log")
        .max_log_files(LOG_FILES_KEPT)
        .build(dir)?)
}

/// Installs the subscriber once (later calls do nothing): stderr, plus the
/// log file in `file_dir` when given. A log file that cannot be opened is
/// reported on stderr and the app runs on without it.
pub fn init(file_dir: Option<&Path>) {
    let filter = filter_from(std::env::var("RUST_LOG").ok().as_deref());
    let (file, file_error) = match file_dir.map(file_appender) {
        Some(Ok(appender)) => (Some(appender), None),
        Some(Err(error)) => (None, Some(error)),
        None => (None, None),
    };
    let file_layer = file.map(|appender| {
        tracing_subscriber::fmt::layer()
            .with_ansi(false)
            .with_writer(appender)
    });
    let _ = tracing_subscriber::registry()
        .with(tracing_subscriber::fmt::layer().with_writer(std::io::stderr))
        .with(file_layer)
        .with(filter)
        .try_init();
    if let Some(error) = file_error {
        tracing::warn!(%error, "no log file; logging to stderr only");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tracing::Level;

    #[test]
    fn rust_log_forms() {
        let default = filter_from(None);
        assert!(default.would_enable("customer_lookup::app", &Level::INFO));
        assert!(default.would_enable("capillary::client", &Level::INFO));
        assert!(default.would_enable("photo::decode", &Level::INFO));
        assert!(!default.would_enable("capillary::client", &Level::DEBUG));
        assert!(!default.would_enable("hyper", &Level::INFO));
        let trace = filter_from(Some("trace"));
        assert!(trace.would_enable("hyper", &Level::TRACE));
        let mixed = filter_from(Some("warn,capillary=debug"));
        assert!(mixed.would_enable("capillary::client", &Level::DEBUG));
        assert!(!mixed.would_enable("customer_lookup::app", &Level::INFO));
    }

    #[test]
    fn the_log_file_is_created_in_the_given_directory() {
        use std::io::Write as _;
        let dir = tempfile::tempdir().unwrap();
        let mut appender = file_appender(dir.path()).unwrap();
        appender.write_all(b"hello\n").unwrap();
        appender.flush().unwrap();
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
        assert!(names[0].starts_with("customer-lookup.") && names[0].ends_with(".log"));
    }
}
