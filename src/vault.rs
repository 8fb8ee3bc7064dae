//! "Remember password": the password (or OAuth client secret) kept in the
//! operating system's keyring, never in a file. Secret Service (GNOME
//! Keyring, KWallet) on Linux, Keychain on macOS, Credential Manager on
//! Windows. Where there is none (a headless Linux box, a kiosk session) the
//! check fails and the login panel says why instead of offering the box.
//!
//! Every call may block (D-Bus, a keychain prompt), so the app makes them
//! on tokio's blocking pool, never on the UI thread.

use crate::config::AuthScheme;
use crate::secret::Secret;
use keyring::Entry;
use keyring::credential::{CredentialBuilder, CredentialPersistence};
use std::sync::Arc;

/// The keyring "service" every entry of this app is filed under.
pub const SERVICE: &str = "customer-lookup";

/// The account a secret is filed under: who signs in where, and how.
pub fn account(host: &str, scheme: AuthScheme, principal: &str) -> String {
    let scheme = match scheme {
        AuthScheme::Till => "till",
        AuthScheme::OAuth => "oauth",
    };
    format!("{scheme}:{principal}@{host}")
}

/// A credential store; cheap to clone.
#[derive(Clone)]
pub struct Vault {
    builder: Arc<CredentialBuilder>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Vault")
    }
}

impl Vault {
    /// The operating system's keyring.
    pub fn os() -> Vault {
        Vault {
            builder: Arc::from(keyring::default::default_credential_builder()),
        }
    }

    /// Another store (tests use an in-memory one).
    pub fn with_builder(builder: Box<CredentialBuilder>) -> Vault {
        Vault {
            builder: Arc::from(builder),
        }
    }

    fn entry(&self, account: &str) -> Result<Entry, VaultError> {
        self.builder
            .build(None, SERVICE, account)
            .map(Entry::new_with_credential)
            .map_err(|e| unavailable(&e))
    }

    /// Whether secrets can be kept here across restarts; the reason to show
    /// when not. Reads one entry that never exists, so it never prompts.
    pub fn check(&self) -> Result<(), VaultError> {
        if !matches!(
            self.builder.persistence(),
            CredentialPersistence::UntilDelete
        ) {
            return Err(VaultError::NoKeyring);
        }
        match self.entry("availability-check")?.get_password() {
            Ok(_) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(unavailable(&e)),
        }
    }

    /// The remembered secret for `account`, if any.
    pub fn load(&self, account: &str) -> Result<Option<Secret>, VaultError> {
        match self.entry(account)?.get_password() {
            Ok(password) => Ok(Some(Secret::new(password))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(unavailable(&e)),
        }
    }

    /// Remembers `secret` for `account`, replacing what was there.
    pub fn store(&self, account: &str, secret: &Secret) -> Result<(), VaultError> {
        self.entry(account)?
            .set_password(secret.expose())
            .map_err(|e| unavailable(&e))
    }

    /// Forgets `account`'s secret; nothing remembered is fine.
    pub fn forget(&self, account: &str) -> Result<(), VaultError> {
        match self.entry(account)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(unavailable(&e)),
        }
    }
}

/// Why "Remember password" cannot be used here, in the words the login
/// panel shows. Never includes the secret (keyring's errors carry none;
/// `BadEncoding`'s bytes are not kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VaultError {
    /// No keyring is set up at all (the store keeps nothing).
    NoKeyring,
    Locked,
    /// No Secret Service answers on Linux.
    NotRunning,
    Failed,
    BadEncoding,
    /// Anything else the keyring said, in its words.
    Refused(String),
    /// Asking the keyring panicked (contained off the UI thread).
    Crashed,
}

impl VaultError {
    /// In the UI's language (`Display` is English, for logs).
    pub fn words(&self, t: &crate::i18n::Texts) -> String {
        match self {
            VaultError::NoKeyring => crate::tr_text!(t, "keyring-none"),
            VaultError::Locked => crate::tr_text!(t, "keyring-locked"),
            VaultError::NotRunning => crate::tr_text!(t, "keyring-not-running"),
            VaultError::Failed => crate::tr_text!(t, "keyring-failed"),
            VaultError::BadEncoding => crate::tr_text!(t, "keyring-bad-encoding"),
            VaultError::Refused(why) => crate::tr_text!(t, "keyring-refused", why = why.as_str()),
            VaultError::Crashed => crate::tr_text!(t, "keyring-crashed"),
        }
    }
}

crate::display_in_english!(VaultError);

fn unavailable(error: &keyring::Error) -> VaultError {
    match error {
        keyring::Error::NoStorageAccess(_) => VaultError::Locked,
        keyring::Error::PlatformFailure(detail) => {
            tracing::info!(%detail, "system keyring failed");
            if cfg!(target_os = "linux") {
                VaultError::NotRunning
            } else {
                VaultError::Failed
            }
        }
        keyring::Error::BadEncoding(_) => VaultError::BadEncoding,
        other => VaultError::Refused(other.to_string()),
    }
}
