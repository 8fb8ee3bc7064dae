//! The Windows policy: values under
//! `HKEY_LOCAL_MACHINE\SOFTWARE\Policies\CustomerLookup`, where Group
//! Policy and device management put them, and which only administrators
//! can write.
//!
//! | value              | type      | meaning                      |
//! |--------------------|-----------|------------------------------|
//! | `Host`             | REG_SZ    | the API host                 |
//! | `LockAfterSeconds` | REG_DWORD | idle lock; 0 never           |
//! | `RememberPassword` | REG_DWORD | 1 ticked, 0 never offered    |
//! | `PhotoChanges`     | REG_DWORD | 1 allowed, 0 not             |
//! | `Enrolment`        | REG_DWORD | 1 allowed, 0 not             |
//! | `Language`         | REG_SZ    | `en`, `hi` or `ar`           |
//!
//! A value of the wrong type, a DWORD flag other than 0 or 1, or a value
//! name this version does not know is an error naming the value.

use super::{Policy, PolicyError, check_host, check_language};
use winreg::RegKey;
use winreg::enums::{HKEY_LOCAL_MACHINE, KEY_READ, REG_DWORD, REG_EXPAND_SZ, REG_SZ};

/// The key, under `HKEY_LOCAL_MACHINE`.
pub const KEY_PATH: &str = r"SOFTWARE\Policies\CustomerLookup";
const KNOWN_VALUES: [&str; 6] = [
    "Host",
    "LockAfterSeconds",
    "RememberPassword",
    "PhotoChanges",
    "Enrolment",
    "Language",
];

/// Reads the policy key. No key means nothing is pinned.
pub fn load() -> Result<Policy, PolicyError> {
    let place = format!(r"HKEY_LOCAL_MACHINE\{KEY_PATH}");
    let hklm = RegKey::predef(HKEY_LOCAL_MACHINE);
    let key = match hklm.open_subkey_with_flags(KEY_PATH, KEY_READ) {
        Ok(key) => key,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Policy::default()),
        Err(e) => return Err(PolicyError::new(place, format!("cannot be read: {e}"))),
    };
    for entry in key.enum_values() {
        let (name, _) =
            entry.map_err(|e| PolicyError::new(&place, format!("cannot be listed: {e}")))?;
        if !KNOWN_VALUES
            .iter()
            .any(|known| known.eq_ignore_ascii_case(&name))
        {
            return Err(PolicyError::new(
                format!(r"{place}\{name}"),
                format!(
                    "this version of Customer Lookup does not know this value (it knows {})",
                    KNOWN_VALUES.join(", ")
                ),
            ));
        }
    }
    let value = |name: &str| -> Result<Option<winreg::RegValue>, PolicyError> {
        match key.get_raw_value(name) {
            Ok(value) => Ok(Some(value)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(PolicyError::new(
                format!(r"{place}\{name}"),
                format!("cannot be read: {e}"),
            )),
        }
    };
    let dword = |name: &str| -> Result<Option<u32>, PolicyError> {
        let Some(raw) = value(name)? else {
            return Ok(None);
        };
        match (&raw.vtype, <[u8; 4]>::try_from(raw.bytes.as_ref())) {
            (REG_DWORD, Ok(bytes)) => Ok(Some(u32::from_le_bytes(bytes))),
            (vtype, _) => Err(PolicyError::new(
                format!(r"{place}\{name}"),
                format!("must be a REG_DWORD, but is {vtype:?}"),
            )),
        }
    };
    let flag = |name: &str| -> Result<Option<bool>, PolicyError> {
        match dword(name)? {
            None => Ok(None),
            Some(0) => Ok(Some(false)),
            Some(1) => Ok(Some(true)),
            Some(other) => Err(PolicyError::new(
                format!(r"{place}\{name}"),
                format!("must be 0 (off) or 1 (on), but is {other}"),
            )),
        }
    };
    let host = match value("Host")? {
        None => None,
        Some(raw) if matches!(raw.vtype, REG_SZ | REG_EXPAND_SZ) => {
            let text = raw.to_string();
            Some(check_host(&format!(r"{place}\Host"), &text)?)
        }
        Some(raw) => {
            return Err(PolicyError::new(
                format!(r"{place}\Host"),
                format!("must be a REG_SZ, but is {:?}", raw.vtype),
            ));
        }
    };
    let language = match value("Language")? {
        None => None,
        Some(raw) if raw.vtype == REG_SZ => Some(check_language(
            &format!(r"{place}\Language"),
            &raw.to_string(),
        )?),
        Some(raw) => {
            return Err(PolicyError::new(
                format!(r"{place}\Language"),
                format!("must be a REG_SZ such as hi, but is {:?}", raw.vtype),
            ));
        }
    };
    Ok(Policy {
        host,
        language,
        lock_after_secs: dword("LockAfterSeconds")?.map(u64::from),
        remember_password: flag("RememberPassword")?,
        photo_changes: flag("PhotoChanges")?,
        enrolment: flag("Enrolment")?,
        source: Some(place),
    })
}
