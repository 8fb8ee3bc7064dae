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
use keyring_core::{CredentialPersistence, CredentialStore, Entry};
use std::sync::{Arc, Mutex, PoisonError};

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

/// Opens a credential store; may block (connecting to D-Bus).
type Opener = dyn Fn() -> keyring_core::Result<Arc<CredentialStore>> + Send + Sync;

/// A credential store; cheap to clone.
///
/// The store is opened on first use, not when the `Vault` is made: the
/// Secret Service store connects to D-Bus when it is created, and that must
/// happen on the blocking pool like every other keyring call. A store that
/// failed to open is tried again next time (the keyring daemon may start
/// after the app, e.g. when the session unlocks).
#[derive(Clone)]
pub struct Vault {
    open: Arc<Opener>,
    opened: Arc<Mutex<Option<Arc<CredentialStore>>>>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Vault")
    }
}

impl Vault {
    /// The operating system's keyring.
    pub fn os() -> Vault {
        Vault::opening(os_store)
    }

    /// Another store: the tests' in-memory one.
    #[cfg(any(test, feature = "testing"))]
    pub fn with_store(store: Arc<CredentialStore>) -> Vault {
        Vault::opening(move || Ok(store.clone()))
    }

    fn opening(
        open: impl Fn() -> keyring_core::Result<Arc<CredentialStore>> + Send + Sync + 'static,
    ) -> Vault {
        Vault {
            open: Arc::new(open),
            opened: Arc::new(Mutex::new(None)),
        }
    }

    /// The store, opened now if it is not yet.
    fn open_store(&self) -> Result<Arc<CredentialStore>, VaultError> {
        let mut opened = self.opened.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(store) = opened.as_ref() {
            return Ok(store.clone());
        }
        let store = (self.open)().map_err(|e| unavailable(&e))?;
        *opened = Some(store.clone());
        Ok(store)
    }

    fn entry(&self, account: &str) -> Result<Entry, VaultError> {
        self.open_store()?
            .build(SERVICE, account, None)
            .map_err(|e| unavailable(&e))
    }

    /// Whether secrets can be kept here across restarts; the reason to show
    /// when not. Reads one entry that never exists, so it never prompts.
    pub fn check(&self) -> Result<(), VaultError> {
        if !matches!(
            self.open_store()?.persistence(),
            CredentialPersistence::UntilDelete
        ) {
            return Err(VaultError::NoKeyring);
        }
        match self.entry("availability-check")?.get_password() {
            Ok(_) | Err(keyring_core::Error::NoEntry) => Ok(()),
            Err(e) => Err(unavailable(&e)),
        }
    }

    /// The remembered secret for `account`, if any.
    pub fn load(&self, account: &str) -> Result<Option<Secret>, VaultError> {
        match self.entry(account)?.get_password() {
            Ok(password) => Ok(Some(Secret::new(password))),
            Err(keyring_core::Error::NoEntry) => Ok(None),
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
            Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
            Err(e) => Err(unavailable(&e)),
        }
    }
}

/// Secret Service on Linux. Its items carry the `service` and
/// `username` attributes keyring 3 searched by too, so secrets remembered
/// by earlier versions are still found.
#[cfg(target_os = "linux")]
fn os_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(zbus_secret_service_keyring_store::Store::new()?)
}

/// The login keychain.
#[cfg(target_os = "macos")]
fn os_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(apple_native_keyring_store::keychain::Store::new()?)
}

/// Credential Manager, with the `user.service` target names keyring 3 used.
#[cfg(windows)]
fn os_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(windows_native_keyring_store::Store::new()?)
}

/// No keyring this app knows on this system.
#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
fn os_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Err(keyring_core::Error::NoDefaultStore)
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

fn unavailable(error: &keyring_core::Error) -> VaultError {
    match error {
        keyring_core::Error::NoDefaultStore => VaultError::NoKeyring,
        keyring_core::Error::NoStorageAccess(_) => VaultError::Locked,
        keyring_core::Error::PlatformFailure(detail) => {
            tracing::info!(%detail, "system keyring failed");
            if cfg!(target_os = "linux") {
                VaultError::NotRunning
            } else {
                VaultError::Failed
            }
        }
        keyring_core::Error::BadEncoding(_) => VaultError::BadEncoding,
        other => VaultError::Refused(other.to_string()),
    }
}
