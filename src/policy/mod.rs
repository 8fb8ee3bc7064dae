//! Settings an organisation pins for everyone on a workstation: the host,
//! the idle lock, "Remember password", photo changes, enrolment and the
//! UI's language.
//!
//! A pinned value wins over the person's saved settings, command-line flags
//! and the environment. A policy that cannot be read is an error, never "no
//! policy": falling back to unpinned behaviour would defeat the pin.
//!
//! Where it is read:
//! - Windows: `HKEY_LOCAL_MACHINE\SOFTWARE\Policies\CustomerLookup`
//!   ([`registry`]);
//! - Linux: `/etc/customer-lookup/policy.toml` ([`file`]);
//! - macOS: managed preferences, `/Library/Managed Preferences/…plist`
//!   ([`managed`]; parsing tested everywhere, never run on a real Mac).

pub mod file;
pub mod managed;
#[cfg(windows)]
pub mod registry;

use crate::capillary::ApiHost;
use crate::config::{HostChoice, Settings};

/// The pinned settings; `None` leaves a setting to the person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    /// The API host everyone signs in to.
    pub host: Option<String>,
    /// Lock the screen after this many seconds without input; 0 never.
    pub lock_after_secs: Option<u64>,
    /// "Remember password on this computer": ticked (`true`) or unticked
    /// and never offered (`false`).
    pub remember_password: Option<bool>,
    /// Whether staff may take, replace or remove customers' photos.
    pub photo_changes: Option<bool>,
    /// Whether staff may enrol new customers at the counter.
    pub enrolment: Option<bool>,
    /// The language the UI speaks, whatever the workstation's locale.
    pub language: Option<crate::i18n::Language>,
    /// Where the policy was read, for messages and `doctor`; `None` when
    /// there was none.
    pub source: Option<String>,
}

/// Why the policy could not be used: the place (file, key or value) and
/// the problem, in words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{place}: {problem}")]
pub struct PolicyError {
    pub place: String,
    pub problem: String,
}

impl PolicyError {
    pub(crate) fn new(place: impl Into<String>, problem: impl Into<String>) -> Self {
        Self {
            place: place.into(),
            problem: problem.into(),
        }
    }

    /// What the person at the workstation sees.
    pub fn advice(&self) -> String {
        format!(
            "Your organisation's settings for Customer Lookup could not be read.\n\n{self}\n\n\
             Ask your IT department to correct them. Customer Lookup does not start without them."
        )
    }
}

/// A pinned language: `en`, `hi` or `ar` (a region after it, as in
/// `hi-IN`, is allowed and ignored).
pub(crate) fn check_language(
    place: &str,
    text: &str,
) -> Result<crate::i18n::Language, PolicyError> {
    crate::i18n::Language::from_code(text.trim()).ok_or_else(|| {
        PolicyError::new(
            place,
            format!("\"{text}\" is not a language Customer Lookup speaks (en, hi or ar)"),
        )
    })
}

/// The words shown beside a pinned control.
pub const PINNED_NOTE: &str = "Set by your organisation";

impl Policy {
    /// Reads this system's policy (see the module documentation).
    pub fn load() -> Result<Policy, PolicyError> {
        #[cfg(feature = "testing")]
        if let Some(root) = std::env::var_os(TEST_ROOT_ENV) {
            return file::load(&std::path::Path::new(&root).join(file::LINUX_PATH_IN_ROOT));
        }
        #[cfg(windows)]
        return registry::load();
        #[cfg(target_os = "linux")]
        return file::load(std::path::Path::new(file::LINUX_PATH));
        #[cfg(target_os = "macos")]
        return managed::load(std::path::Path::new(managed::MACOS_PATH));
        #[cfg(not(any(windows, target_os = "linux", target_os = "macos")))]
        return Ok(Policy::default());
    }

    /// Overrides the person's settings (already merged with flags and the
    /// environment) with what is pinned.
    pub fn pin(&self, settings: &mut Settings) {
        if let Some(host) = &self.host {
            settings.host = HostChoice::from_url(host);
        }
        if let Some(secs) = self.lock_after_secs {
            settings.lock_after_secs = secs;
        }
        if let Some(remember) = self.remember_password {
            settings.remember_password = remember;
        }
        if let Some(on) = self.photo_changes {
            settings.photo_changes = on;
        }
        if let Some(on) = self.enrolment {
            settings.enrolment = on;
        }
        if let Some(language) = self.language {
            settings.language = crate::i18n::LanguageChoice::Language(language);
        }
    }

    /// True when nothing is pinned.
    pub fn is_empty(&self) -> bool {
        self.host.is_none()
            && self.lock_after_secs.is_none()
            && self.remember_password.is_none()
            && self.photo_changes.is_none()
            && self.enrolment.is_none()
            && self.language.is_none()
    }

    /// Each pinned setting as (name as IT writes it, value), for `doctor`
    /// and the log.
    pub fn pinned(&self) -> Vec<(&'static str, String)> {
        let yes_no = |b: bool| if b { "1 (on)" } else { "0 (off)" }.to_owned();
        let mut out = Vec::new();
        if let Some(host) = &self.host {
            out.push(("Host", host.clone()));
        }
        if let Some(secs) = self.lock_after_secs {
            out.push(("LockAfterSeconds", secs.to_string()));
        }
        if let Some(on) = self.remember_password {
            out.push(("RememberPassword", yes_no(on)));
        }
        if let Some(on) = self.photo_changes {
            out.push(("PhotoChanges", yes_no(on)));
        }
        if let Some(on) = self.enrolment {
            out.push(("Enrolment", yes_no(on)));
        }
        if let Some(language) = self.language {
            out.push(("Language", language.code().to_owned()));
        }
        out
    }

    /// One line for the log and `doctor`.
    pub fn summary(&self) -> String {
        match &self.source {
            _ if self.is_empty() => "none (nothing pinned)".to_owned(),
            Some(source) => {
                let values: Vec<String> = self
                    .pinned()
                    .into_iter()
                    .map(|(name, value)| format!("{name} = {value}"))
                    .collect();
                format!("{} (from {source})", values.join(", "))
            }
            None => "none".to_owned(),
        }
    }
}

/// Testing builds only: read the Linux policy file under this directory
/// instead of `/`. Shipped builds have no way to move the policy.
#[cfg(feature = "testing")]
pub const TEST_ROOT_ENV: &str = "CUSTOMER_LOOKUP_TEST_POLICY_ROOT";

/// Checks a pinned host the way the login panel would.
fn check_host(place: &str, host: &str) -> Result<String, PolicyError> {
    match ApiHost::parse(host) {
        Ok(_) => Ok(host.trim().to_owned()),
        Err(e) => Err(PolicyError::new(
            place,
            format!("the host {host:?} is not usable: {e}"),
        )),
    }
}
