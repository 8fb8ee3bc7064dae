//! Settings that survive a restart: host, username, auth scheme, theme and
//! the identifier type used last. Never a secret, never customer data.
//! Stored by eframe (a RON file in the app's data directory).

use crate::capillary::Cluster;
use serde::{Deserialize, Serialize};

/// Key under which eframe stores [`Settings`].
#[cfg(feature = "window")]
pub const STORAGE_KEY: &str = "customer-lookup-settings";

/// Which server the login panel points at.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum HostChoice {
    /// The built-in demo tenant (its port changes every start).
    #[default]
    Demo,
    /// A published Capillary cluster.
    Cluster(#[serde(with = "cluster_url")] Cluster),
    /// Any other URL.
    Custom(String),
}

impl HostChoice {
    /// A cluster when the URL is a known one, else a custom URL.
    pub fn from_url(url: &str) -> HostChoice {
        match Cluster::from_url(url) {
            Some(cluster) => HostChoice::Cluster(cluster),
            None => HostChoice::Custom(url.trim().to_owned()),
        }
    }
}

/// Persist clusters by URL, so a renamed variant does not lose the setting.
mod cluster_url {
    use crate::capillary::Cluster;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(cluster: &Cluster, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(cluster.url())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Cluster, D::Error> {
        let url = String::deserialize(d)?;
        Cluster::from_url(&url).ok_or_else(|| serde::de::Error::custom("unknown cluster"))
    }
}

/// Till credentials or an OAuth client.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuthScheme {
    #[default]
    Till,
    OAuth,
}

/// Colour theme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "System",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    #[cfg(feature = "window")]
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Everything persisted. Unknown or missing fields fall back to defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub host: HostChoice,
    /// The till username, or the OAuth client key.
    pub username: String,
    pub auth_scheme: AuthScheme,
    pub theme: ThemeChoice,
    /// The store's country calling code (e.g. `91`): a 10-digit local
    /// mobile number is also tried behind it. Empty: numbers as typed.
    pub country_code: String,
    /// Lock the screen after this many seconds without input; 0 never.
    pub lock_after_secs: u64,
    /// Keep the secret in the system keyring (never here) and fill it in
    /// at the next start. Off until the person ticks the box.
    pub remember_password: bool,
    /// Staff may take, replace and remove customers' photos here. On by
    /// default; `--photo-changes off` or the organisation's policy turns it
    /// off for the workstation.
    pub photo_changes: bool,
    /// Staff may enrol a customer nobody matches (Ctrl+N). On by default;
    /// `--enrolment off` or the organisation's policy turns it off.
    pub enrolment: bool,
    /// The UI's language: the workstation's locale unless chosen on the
    /// login panel (or pinned by the organisation).
    pub language: crate::i18n::LanguageChoice,
}

/// Five minutes, as shared tills usually do.
pub const DEFAULT_LOCK_AFTER_SECS: u64 = 300;

impl Default for Settings {
    fn default() -> Self {
        Self {
            host: HostChoice::default(),
            username: String::new(),
            auth_scheme: AuthScheme::default(),
            theme: ThemeChoice::default(),
            country_code: String::new(),
            lock_after_secs: DEFAULT_LOCK_AFTER_SECS,
            remember_password: false,
            photo_changes: true,
            enrolment: true,
            language: crate::i18n::LanguageChoice::Workstation,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_ron_and_tolerates_junk() {
        let settings = Settings {
            host: HostChoice::Cluster(Cluster::Europe),
            username: "till.7".into(),
            auth_scheme: AuthScheme::OAuth,
            theme: ThemeChoice::Dark,
            country_code: "91".into(),
            lock_after_secs: 90,
            remember_password: true,
            photo_changes: false,
            enrolment: false,
            language: crate::i18n::LanguageChoice::Language(crate::i18n::Language::Hindi),
        };
        let text = ron::to_string(&settings).unwrap();
        assert!(text.contains("https://eu.api.capillarytech.com"), "{text}");
        assert_eq!(ron::from_str::<Settings>(&text).unwrap(), settings);
        let partial: Settings = ron::from_str("(username: \"x\")").unwrap();
        assert_eq!(partial.username, "x");
        assert_eq!(partial.host, HostChoice::Demo);
        // Settings saved before photo changes existed: allowed.
        assert!(partial.photo_changes);
        assert!(partial.enrolment, "on unless turned off");
    }

    #[test]
    fn known_urls_become_clusters() {
        assert_eq!(
            HostChoice::from_url("https://eu.api.capillarytech.com/"),
            HostChoice::Cluster(Cluster::Europe)
        );
        assert_eq!(
            HostChoice::from_url(" https://crm.example.com "),
            HostChoice::Custom("https://crm.example.com".into())
        );
    }
}
