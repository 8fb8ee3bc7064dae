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
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    /// No keyring is set up at all (the store keeps nothing).
    #[error("This computer has no system keyring, so passwords can't be remembered.")]
    NoKeyring,
    #[error("The system keyring is locked or refused access, so passwords can't be remembered.")]
    Locked,
    /// No Secret Service answers on Linux.
    #[error(
        "No system keyring (Secret Service, such as GNOME Keyring) is running, so passwords \
         can't be remembered."
    )]
    NotRunning,
    #[error("The system keyring failed, so passwords can't be remembered.")]
    Failed,
    #[error("The remembered password could not be read.")]
    BadEncoding,
    /// Anything else the keyring said, in its words.
    #[error("The system keyring refused the entry ({0}).")]
    Refused(String),
    /// Asking the keyring panicked (contained off the UI thread).
    #[error("The system keyring could not be asked.")]
    Crashed,
}

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
