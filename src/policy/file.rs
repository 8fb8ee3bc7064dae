//! The Linux policy file, `/etc/customer-lookup/policy.toml`:
//!
//! ```toml
//! host = "https://eu.api.capillarytech.com"
//! lock_after_seconds = 120
//! remember_password = false
//! photo_changes = false
//! enrolment = false
//! language = "hi"
//! ```
//!
//! Every key is optional. A key this version does not know is an error
//! rather than ignored: a misspelt `lock_after_secs` would otherwise leave
//! the lock unpinned without anyone noticing.

#![expect(
    clippy::disallowed_methods,
    reason = "reads the policy file IT writes; never customer data"
)]

use super::{Policy, PolicyError, check_host, check_language};
use serde::Deserialize;
use std::path::Path;

/// Where IT puts the file.
pub const LINUX_PATH: &str = "/etc/customer-lookup/policy.toml";
/// The same path below a test root.
#[cfg(feature = "testing")]
pub(super) const LINUX_PATH_IN_ROOT: &str = "etc/customer-lookup/policy.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyFile {
    host: Option<String>,
    lock_after_seconds: Option<u64>,
    remember_password: Option<bool>,
    photo_changes: Option<bool>,
    enrolment: Option<bool>,
    language: Option<String>,
}

/// Reads the policy at `path`. No file means nothing is pinned; a file
/// that cannot be read or understood is an error naming it.
pub fn load(path: &Path) -> Result<Policy, PolicyError> {
    let place = path.display().to_string();
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes)
            .map_err(|_| PolicyError::new(&place, "the file is not UTF-8 text"))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Policy::default()),
        Err(e) => return Err(PolicyError::new(&place, format!("cannot be read: {e}"))),
    };
    parse(&place, &text)
}

/// Parses the text of a policy file found at `place`.
pub fn parse(place: &str, text: &str) -> Result<Policy, PolicyError> {
    let file: PolicyFile = toml::from_str(text).map_err(|e| {
        let problem = match e.span() {
            Some(span) => {
                let before = &text[..span.start.min(text.len())];
                let line = 1 + before.matches('\n').count();
                let column = 1 + before.chars().rev().take_while(|&c| c != '\n').count();
                format!("line {line}, column {column}: {}", e.message())
            }
            None => e.message().to_owned(),
        };
        PolicyError::new(place, problem)
    })?;
    let host = match &file.host {
        Some(host) => Some(check_host(&format!("{place}: host"), host)?),
        None => None,
    };
    let language = match &file.language {
        Some(code) => Some(check_language(&format!("{place}: language"), code)?),
        None => None,
    };
    Ok(Policy {
        host,
        language,
        lock_after_secs: file.lock_after_seconds,
        remember_password: file.remember_password,
        photo_changes: file.photo_changes,
        enrolment: file.enrolment,
        source: Some(place.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_setting() {
        let policy = parse(
            "p.toml",
            "host = \"https://eu.api.capillarytech.com\"\nlock_after_seconds = 120\n\
             remember_password = false\nphoto_changes = true\nenrolment = false\n\
             language = \"hi-IN\"\n",
        )
        .unwrap();
        assert_eq!(
            policy.host.as_deref(),
            Some("https://eu.api.capillarytech.com")
        );
        assert_eq!(policy.lock_after_secs, Some(120));
        assert_eq!(policy.remember_password, Some(false));
        assert_eq!(policy.photo_changes, Some(true));
        assert_eq!(policy.enrolment, Some(false));
        assert_eq!(policy.language, Some(crate::i18n::Language::Hindi));
        assert_eq!(policy.source.as_deref(), Some("p.toml"));
    }

    #[test]
    fn a_language_the_app_does_not_speak_is_an_error() {
        let err = parse("p.toml", "language = \"fr\"\n").unwrap_err();
        assert_eq!(err.place, "p.toml: language");
        assert!(err.problem.contains("en, hi or ar"), "{err}");
    }

    #[test]
    fn an_empty_file_pins_nothing() {
        let policy = parse("p.toml", "# nothing yet\n").unwrap();
        assert!(policy.is_empty());
    }

    #[test]
    fn mistakes_name_the_file_the_line_and_the_problem() {
        let err = parse(
            "p.toml",
            "host = \"https://x.example\"\nlock_after_secs = 5\n",
        )
        .unwrap_err();
        assert_eq!(err.place, "p.toml");
        assert!(err.problem.contains("line 2"), "{err}");
        assert!(err.problem.contains("lock_after_secs"), "{err}");

        let err = parse("p.toml", "lock_after_seconds = \"five\"\n").unwrap_err();
        assert!(err.problem.contains("line 1"), "{err}");

        let err = parse("p.toml", "remember_password = 1\n").unwrap_err();
        assert!(err.problem.contains("bool"), "{err}");

        let err = parse("p.toml", "lock_after_seconds = -5\n").unwrap_err();
        assert!(err.to_string().starts_with("p.toml: line 1"), "{err}");

        let err = parse("p.toml", "host = \"http://crm.example.com\"\n").unwrap_err();
        assert_eq!(err.place, "p.toml: host");
        assert!(err.problem.contains("https"), "{err}");
    }
}
