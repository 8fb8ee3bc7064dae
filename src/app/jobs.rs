//! Background work: network calls and decoding run as tokio tasks; the UI
//! thread only polls their promises. Every finished job asks for a repaint
//! *after* its result is available, and a job dropped before it finishes
//! aborts its task (so a superseded lookup stops using the network).

use crate::capillary::{ApiError, CapillaryClient, Customer, Lookup};
use crate::photo::{DecodeLimits, PreparedPhoto, prepare_photo};
use crate::secret::Secret;
use crate::vault::Vault;
use poll_promise::Promise;
use std::future::Future;

/// A background task and its result; aborts the task when dropped.
pub struct Job<T: Send + 'static> {
    /// `None` once the result was taken.
    promise: Option<Promise<T>>,
    task: tokio::task::JoinHandle<()>,
    /// The lookup this job belongs to (0 for jobs that belong to none).
    pub lookup_id: u64,
}

impl<T: Send + 'static> std::fmt::Debug for Job<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Job(lookup {})", self.lookup_id)
    }
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on the entered tokio runtime.
    pub fn spawn(
        ctx: &egui::Context,
        lookup_id: u64,
        work: impl Future<Output = T> + Send + 'static,
    ) -> Self {
        let (sender, promise) = Promise::new();
        let ctx = ctx.clone();
        let task = tokio::spawn(async move {
            sender.send(work.await);
            ctx.request_repaint();
        });
        Self {
            promise: Some(promise),
            task,
            lookup_id,
        }
    }

    /// The result, once, when it is ready.
    pub fn try_take(&mut self) -> Option<T> {
        let promise = self.promise.take()?;
        match promise.try_take() {
            Ok(value) => Some(value),
            Err(promise) => {
                self.promise = Some(promise);
                None
            }
        }
    }

    pub fn is_running(&self) -> bool {
        self.promise.as_ref().is_some_and(|p| p.ready().is_none())
    }
}

impl<T: Send + 'static> Drop for Job<T> {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The jobs that can be in flight; at most one of each kind.
#[derive(Debug, Default)]
pub struct Jobs {
    pub login: Option<Job<Result<CapillaryClient, ApiError>>>,
    pub lookup: Option<Job<Result<Customer, ApiError>>>,
    pub photo: Option<Job<Result<egui::ColorImage, String>>>,
    /// The keyring check and the remembered secret; not counted as busy
    /// (a missing Secret Service can take D-Bus's timeout to answer).
    pub keyring: Option<Job<KeyringReport>>,
}

/// What the keyring said at start-up or after logging out.
#[derive(Debug)]
pub struct KeyringReport {
    pub available: Result<(), String>,
    /// The account asked for and its remembered secret, if any.
    pub account: String,
    pub remembered: Option<Secret>,
}

/// Checks the keyring and, when `load` is set, reads `account`'s secret.
pub async fn ask_keyring(vault: Vault, account: String, load: bool) -> KeyringReport {
    let asked = account.clone();
    let report = tokio::task::spawn_blocking(move || {
        let available = vault.check();
        let remembered = match (&available, load) {
            (Ok(()), true) => vault.load(&account).unwrap_or_else(|error| {
                tracing::warn!(%error, "could not read the remembered password");
                None
            }),
            _ => None,
        };
        KeyringReport {
            available,
            account,
            remembered,
        }
    })
    .await;
    report.unwrap_or_else(|_| KeyringReport {
        available: Err("The system keyring could not be asked.".to_owned()),
        account: asked,
        remembered: None,
    })
}

/// Remembers (`Some`) or forgets (`None`) `account`'s secret, in the
/// background; a failure is logged (without the secret) and otherwise
/// ignored: signing in worked, only the convenience did not.
pub fn update_keyring(vault: Vault, account: String, secret: Option<Secret>) {
    tokio::task::spawn_blocking(move || {
        let result = match &secret {
            Some(secret) => vault.store(&account, secret),
            None => vault.forget(&account),
        };
        match result {
            Ok(()) => tracing::info!(remembered = secret.is_some(), "keyring updated"),
            Err(error) => tracing::warn!(%error, "keyring not updated"),
        }
    });
}

impl Jobs {
    /// True while anything is in flight (the UI shows a spinner and keeps
    /// repainting only then).
    pub fn any_running(&self) -> bool {
        self.login.as_ref().is_some_and(Job::is_running)
            || self.lookup.as_ref().is_some_and(Job::is_running)
            || self.photo.as_ref().is_some_and(Job::is_running)
    }

    /// Cancels the lookup and photo in flight.
    pub fn cancel_lookup(&mut self) {
        self.lookup = None;
        self.photo = None;
    }
}

/// Checks credentials: builds the client and proves it with one call.
pub async fn log_in(
    client: Result<CapillaryClient, ApiError>,
) -> Result<CapillaryClient, ApiError> {
    let client = client?;
    client.verify().await?;
    Ok(client)
}

/// Looks a customer up.
pub async fn look_up(client: CapillaryClient, lookup: Lookup) -> Result<Customer, ApiError> {
    client.lookup(&lookup).await
}

/// The pixels uploaded for a prepared photo.
pub fn texture_image(prepared: &PreparedPhoto) -> egui::ColorImage {
    let pixels = &prepared.texture;
    let size = [pixels.width() as usize, pixels.height() as usize];
    egui::ColorImage::from_rgba_unmultiplied(size, pixels.as_raw())
}

/// Downloads, decodes and sizes the photo for a frame of `frame_px` pixels.
/// Decoding runs on the blocking pool, never on the UI thread.
pub async fn load_photo(
    client: CapillaryClient,
    customer: Customer,
    frame_px: u32,
) -> Result<egui::ColorImage, String> {
    let photo = client
        .download_photo(&customer)
        .await
        .map_err(|e| e.to_string())?;
    let prepared = tokio::task::spawn_blocking(move || {
        let prepared = prepare_photo(&photo.bytes, frame_px, &DecodeLimits::default())
            .map_err(|e| e.to_string())?;
        Ok::<_, String>(texture_image(&prepared))
    })
    .await;
    prepared.unwrap_or_else(|_| Err("The photo couldn't be read.".to_owned()))
}
