//! macOS managed preferences: what a configuration profile (MDM) sets for
//! the domain [`MACOS_DOMAIN`] lands in [`MACOS_PATH`], a property list
//! (XML or binary) with the Windows value names:
//!
//! ```xml
//! <dict>
//!   <key>Host</key><string>https://eu.api.capillarytech.com</string>
//!   <key>LockAfterSeconds</key><integer>120</integer>
//!   <key>RememberPassword</key><false/>
//!   <key>PhotoChanges</key><false/>
//!   <key>Enrolment</key><false/>
//!   <key>Language</key><string>ar</string>
//! </dict>
//! ```
//!
//! Flags may be booleans or the integers 0 and 1. As elsewhere, a key this
//! version does not know is an error. Parsing is tested on every system;
//! reading the file on a real Mac is not (see README, "For IT").

#![expect(
    clippy::disallowed_methods,
    reason = "reads the managed preferences IT deploys; never customer data"
)]

use super::{Policy, PolicyError, check_host, check_language};
use std::path::Path;

/// The preference domain a configuration profile targets.
pub const MACOS_DOMAIN: &str = "com.customerlookup.CustomerLookup";
/// Where macOS puts the machine-wide managed preferences of that domain.
pub const MACOS_PATH: &str = "/Library/Managed Preferences/com.customerlookup.CustomerLookup.plist";

const KNOWN_KEYS: [&str; 6] = [
    "Host",
    "LockAfterSeconds",
    "RememberPassword",
    "PhotoChanges",
    "Enrolment",
    "Language",
];

/// Reads the managed preferences at `path`. None means nothing is pinned;
/// a file that cannot be read or understood is an error naming it.
pub fn load(path: &Path) -> Result<Policy, PolicyError> {
    let place = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => parse(&place, &bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Policy::default()),
        Err(e) => Err(PolicyError::new(place, format!("cannot be read: {e}"))),
    }
}

/// Parses a property list found at `place`.
pub fn parse(place: &str, bytes: &[u8]) -> Result<Policy, PolicyError> {
    let value = plist::Value::from_reader(std::io::Cursor::new(bytes))
        .map_err(|e| PolicyError::new(place, format!("is not a property list: {e}")))?;
    let dict = value
        .as_dictionary()
        .ok_or_else(|| PolicyError::new(place, "is not a dictionary of settings"))?;
    let at = |key: &str| format!("{place}: {key}");
    if let Some(unknown) = dict.keys().find(|k| !KNOWN_KEYS.contains(&k.as_str())) {
        return Err(PolicyError::new(
            at(unknown),
            format!(
                "this version of Customer Lookup does not know this key (it knows {})",
                KNOWN_KEYS.join(", ")
            ),
        ));
    }
    let flag = |key: &str| -> Result<Option<bool>, PolicyError> {
        match dict.get(key) {
            None => Ok(None),
            Some(plist::Value::Boolean(on)) => Ok(Some(*on)),
            Some(value) => match value.as_signed_integer() {
                Some(0) => Ok(Some(false)),
                Some(1) => Ok(Some(true)),
                _ => Err(PolicyError::new(
                    at(key),
                    format!("must be true or false (or 0 or 1), but is {value:?}"),
                )),
            },
        }
    };
    let host = match dict.get("Host") {
        None => None,
        Some(plist::Value::String(host)) => Some(check_host(&at("Host"), host)?),
        Some(other) => {
            return Err(PolicyError::new(
                at("Host"),
                format!("must be a string, but is {other:?}"),
            ));
        }
    };
    let lock_after_secs = match dict.get("LockAfterSeconds") {
        None => None,
        Some(value) => Some(value.as_unsigned_integer().ok_or_else(|| {
            PolicyError::new(
                at("LockAfterSeconds"),
                format!("must be a whole number of seconds, but is {value:?}"),
            )
        })?),
    };
    let language = match dict.get("Language") {
        None => None,
        Some(plist::Value::String(code)) => Some(check_language(&at("Language"), code)?),
        Some(other) => {
            return Err(PolicyError::new(
                at("Language"),
                format!("must be a string such as \"hi\", but is {other:?}"),
            ));
        }
    };
    Ok(Policy {
        host,
        language,
        lock_after_secs,
        remember_password: flag("RememberPassword")?,
        photo_changes: flag("PhotoChanges")?,
        enrolment: flag("Enrolment")?,
        source: Some(place.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plist(body: &str) -> Vec<u8> {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>{body}</dict></plist>"#
        )
        .into_bytes()
    }

    #[test]
    fn reads_every_setting_from_xml() {
        let policy = parse(
            "managed",
            &plist(
                "<key>Host</key><string>https://eu.api.capillarytech.com</string>\
                 <key>LockAfterSeconds</key><integer>120</integer>\
                 <key>RememberPassword</key><false/>\
                 <key>PhotoChanges</key><integer>1</integer>\
                 <key>Language</key><string>ar</string>",
            ),
        )
        .unwrap();
        assert_eq!(
            policy.host.as_deref(),
            Some("https://eu.api.capillarytech.com")
        );
        assert_eq!(policy.lock_after_secs, Some(120));
        assert_eq!(policy.remember_password, Some(false));
        assert_eq!(policy.photo_changes, Some(true));
        assert_eq!(policy.language, Some(crate::i18n::Language::Arabic));
        assert_eq!(policy.source.as_deref(), Some("managed"));
        let wrong = parse("p", &plist("<key>Language</key><integer>1</integer>")).unwrap_err();
        assert_eq!(wrong.place, "p: Language");
    }

    #[test]
    fn reads_a_binary_property_list() {
        let mut dict = plist::Dictionary::new();
        dict.insert("PhotoChanges".into(), plist::Value::Boolean(false));
        let mut bytes = Vec::new();
        plist::Value::Dictionary(dict)
            .to_writer_binary(&mut bytes)
            .unwrap();
        assert_eq!(parse("p", &bytes).unwrap().photo_changes, Some(false));
    }

    #[test]
    fn mistakes_name_the_key_and_the_problem() {
        let error = parse("p", &plist("<key>LockAfterSecs</key><integer>5</integer>")).unwrap_err();
        assert_eq!(error.place, "p: LockAfterSecs");
        assert!(error.problem.contains("does not know"), "{error}");
        let error = parse(
            "p",
            &plist("<key>RememberPassword</key><integer>2</integer>"),
        )
        .unwrap_err();
        assert_eq!(error.place, "p: RememberPassword");
        let error = parse(
            "p",
            &plist("<key>LockAfterSeconds</key><string>90</string>"),
        )
        .unwrap_err();
        assert!(error.problem.contains("whole number"), "{error}");
        let error = parse("p", &plist("<key>Host</key><string>http://plain</string>")).unwrap_err();
        assert_eq!(error.place, "p: Host");
        let error = parse("p", b"not a plist").unwrap_err();
        assert!(error.problem.contains("not a property list"), "{error}");
    }

    #[test]
    fn no_file_pins_nothing() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            load(&dir.path().join("absent.plist")).unwrap(),
            Policy::default()
        );
    }
}
