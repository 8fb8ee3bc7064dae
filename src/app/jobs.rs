//! Background work: network calls and decoding run as tokio tasks; the UI
//! thread only polls their promises. This is the one module that starts
//! tasks (`clippy.toml` refuses `tokio::spawn` elsewhere in the app).
//!
//! Every finished job asks for a repaint *after* its result is available,
//! which wakes [`eframe::App::logic`] even while the window is hidden, and
//! a job dropped before it finishes aborts its task (so a superseded lookup
//! stops using the network). A job's output carries the request it was
//! started with, so applying it never reads live form fields.

use crate::camera::{CameraError, Cameras};
use crate::capillary::{ApiError, CapillaryClient, Customer};
use crate::logic::{
    Finished, JobGroup, LookupTicket, PanelAnswer, PhotoChange, PhotoChangeError, PhotoChanged,
    PhotoEditFinished, PhotoEditTicket, PhotoLoadError, PictureInput, SearchFinished,
    SuggestionTicket,
};
use crate::logic::{KeyringReport, PendingLogin};
use crate::photo::{
    DecodeLimits, MAX_SOURCE_BYTES, MIN_SHORT_SIDE, PhotoError, PreparedPhoto, UploadError,
    WORKING_LONG_SIDE, prepare_photo,
};
use crate::photo_change::ReplaceStep;
use crate::pick_file::FilePicker;
use crate::secret::Secret;
use crate::state::{MAX_SUGGESTIONS, SearchRequest, SendStep, WorkingPicture};
use crate::vault::{Vault, VaultError};
use image::RgbaImage;
use poll_promise::Promise;
use std::future::Future;
use std::sync::Arc;

/// A background task and its result; aborts the task when dropped.
pub struct Job<T: Send + 'static> {
    /// `None` once the result was taken.
    promise: Option<Promise<T>>,
    task: tokio::task::JoinHandle<()>,
}

impl<T: Send + 'static> std::fmt::Debug for Job<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.is_running() {
            "Job(running)"
        } else {
            "Job(done)"
        })
    }
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on the entered tokio runtime.
    #[expect(
        clippy::disallowed_methods,
        reason = "the one place app jobs are spawned"
    )]
    pub fn spawn(ctx: &egui::Context, work: impl Future<Output = T> + Send + 'static) -> Self {
        let (sender, promise) = Promise::new();
        let ctx = ctx.clone();
        let task = tokio::spawn(async move {
            sender.send(work.await);
            ctx.request_repaint();
        });
        Self {
            promise: Some(promise),
            task,
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

/// Takes a finished job's result out of `slot`, emptying the slot.
pub fn take_finished<T: Send + 'static>(slot: &mut Option<Job<T>>) -> Option<T> {
    let result = slot.as_mut().and_then(Job::try_take)?;
    *slot = None;
    Some(result)
}

/// The jobs in flight. The logic's (`crate::logic::Work`) are one list,
/// each with the group it is cancelled with; `None` for the warm-ups and
/// the keyring check, which are never cancelled and not counted as busy.
/// The sign-in (it hands over the client) and Ctrl+V's clipboard read
/// keep a slot each.
#[derive(Debug, Default)]
pub struct Jobs {
    pub logic: Vec<(Option<JobGroup>, Job<Option<Finished>>)>,
    pub login: Option<Job<LoginOutcome>>,
    /// The clipboard being read for Ctrl+V.
    pub paste: Option<Job<PasteOutcome>>,
    /// The chosen camera's live feed.
    pub camera_feed: Option<crate::camera::LiveFeed>,
    /// How far the photo change being sent has got (its job is the
    /// logic's).
    pub photo_progress: Option<tokio::sync::watch::Receiver<SendStep>>,
}

impl Jobs {
    /// True while anything is in flight (the UI shows a spinner and keeps
    /// repainting only then).
    pub fn any_running(&self) -> bool {
        self.login.as_ref().is_some_and(Job::is_running)
            || self
                .logic
                .iter()
                .any(|(group, job)| group.is_some() && job.is_running())
    }

    /// Cancels a group of jobs (dropping a job aborts its task).
    pub fn cancel(&mut self, cancelled: JobGroup) {
        match cancelled {
            // The lookup, its photos and panels, and the choice's photos.
            JobGroup::Lookup => self
                .logic
                .retain(|(group, _)| !matches!(group, Some(JobGroup::Lookup | JobGroup::Photos))),
            JobGroup::Photos | JobGroup::Search | JobGroup::Enrol => {
                self.logic.retain(|(group, _)| *group != Some(cancelled))
            }
            JobGroup::PhotoEdit => {
                self.logic
                    .retain(|(group, _)| *group != Some(JobGroup::PhotoEdit));
                self.photo_progress = None;
            }
        }
    }
}

pub type LoginOutcome = (PendingLogin, Result<CapillaryClient, ApiError>);

/// Checks credentials: builds the client and proves it with one call.
pub async fn log_in(
    pending: PendingLogin,
    client: Result<CapillaryClient, ApiError>,
) -> LoginOutcome {
    let result = match client {
        Ok(client) => client.verify().await.map(|()| client),
        Err(error) => Err(error),
    };
    (pending, result)
}

/// Looks every candidate up concurrently, so an ambiguous scan costs one
/// round trip rather than one per type; waits for all of them, so that two
/// different customers are never resolved by which answered first.
pub async fn look_up(client: CapillaryClient, ticket: LookupTicket) -> Finished {
    let mut tasks = tokio::task::JoinSet::new();
    for (index, lookup) in ticket.candidates.iter().cloned().enumerate() {
        let client = client.clone();
        tasks.spawn(async move { (index, client.lookup(&lookup).await) });
    }
    let mut answers: Vec<Option<Result<Customer, ApiError>>> =
        ticket.candidates.iter().map(|_| None).collect();
    while let Some(joined) = tasks.join_next().await {
        if let Ok((index, answer)) = joined
            && let Some(slot) = answers.get_mut(index)
        {
            *slot = Some(answer);
        }
    }
    let lost = || {
        Err(ApiError::new(crate::capillary::ErrorKind::Network {
            detail: "the lookup stopped unexpectedly".to_owned(),
        }))
    };
    let answers = ticket
        .candidates
        .into_iter()
        .zip(answers)
        .map(|(lookup, answer)| (lookup, answer.unwrap_or_else(lost)))
        .collect();
    Finished::LookedUp {
        lookup_id: ticket.lookup_id,
        answers,
    }
}

/// Searches customers by the start of their name.
pub async fn search_names(client: CapillaryClient, request: SearchRequest) -> Finished {
    let limit = u32::try_from(MAX_SUGGESTIONS).unwrap_or(u32::MAX);
    let answer = client.search(&request.query, limit).await.map(|page| {
        let total = page
            .pagination
            .and_then(|p| p.total)
            .and_then(|t| u64::try_from(t).ok());
        (page.data, total)
    });
    Finished::Search(SearchFinished::Searched { request, answer })
}

/// Registers a new customer associated with `till`.
pub async fn enrol(
    client: CapillaryClient,
    enrolment: crate::capillary::Enrolment,
    till: String,
) -> Finished {
    Finished::Enrolled(client.enrol(&enrolment, &till).await)
}

/// A suggested customer's record, with the photo link, for the thumbnail
/// and the masked mobile.
pub async fn suggestion_record(client: CapillaryClient, ticket: SuggestionTicket) -> Finished {
    let answer = client
        .customer_by_id(ticket.customer_id)
        .await
        .map(Box::new);
    Finished::Search(SearchFinished::Record { ticket, answer })
}

/// Opens `connections` connections to `origin` at once ahead of a lookup
/// (see [`CapillaryClient::warm_up`]); the outcome does not matter.
pub async fn warm_up(client: CapillaryClient, origin: url::Url, connections: usize) {
    let mut heads = tokio::task::JoinSet::new();
    for _ in 0..connections.max(1) {
        let (client, origin) = (client.clone(), origin.clone());
        heads.spawn(async move { client.warm_up(&origin).await });
    }
    while heads.join_next().await.is_some() {}
}

/// How many recent purchases the first screen shows.
pub const RECENT_PURCHASES: u32 = 3;

/// Fetches one panel of the profile of customer `customer_id`.
pub async fn load_panel(
    client: CapillaryClient,
    lookup_id: u64,
    customer_id: i64,
    kind: crate::state::PanelKind,
) -> Finished {
    let answer = match kind {
        crate::state::PanelKind::Loyalty => PanelAnswer::Loyalty(client.loyalty(customer_id).await),
        crate::state::PanelKind::Purchases => {
            PanelAnswer::Purchases(client.recent_purchases(customer_id, RECENT_PURCHASES).await)
        }
    };
    Finished::Panel { lookup_id, answer }
}

/// The pixels uploaded for a prepared photo.
pub fn texture_image(prepared: &PreparedPhoto) -> egui::ColorImage {
    crate::state::color_image(&prepared.texture)
}

/// Downloads, decodes and sizes the photo for a frame of `frame_px` pixels
/// (the profile's, or a suggestion's thumbnail), returned with `ticket`.
/// Decoding runs on the blocking pool, never on the UI thread.
pub async fn load_photo<T: Send>(
    client: CapillaryClient,
    customer: Customer,
    frame_px: u32,
    ticket: T,
) -> (T, Result<egui::ColorImage, PhotoLoadError>) {
    let result = async {
        let photo = client.download_photo(&customer).await?;
        let prepared = off_ui_thread(move || {
            prepare_photo(&photo.bytes, frame_px, &DecodeLimits::default())
                .map(|prepared| texture_image(&prepared))
        })
        .await
        .unwrap_or(Err(PhotoError::Crashed))?;
        Ok(prepared)
    }
    .await;
    (ticket, result)
}

/// Checks the keyring and, when `load` is set, reads `account`'s secret.
pub async fn ask_keyring(vault: Vault, account: String, load: bool) -> KeyringReport {
    let asked = account.clone();
    let report = off_ui_thread(move || {
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
    report.unwrap_or_else(|Crashed| KeyringReport {
        available: Err(VaultError::Crashed),
        account: asked,
        remembered: None,
    })
}

/// Remembers (`Some`) or forgets (`None`) `account`'s secret, in the
/// background; a failure is logged (without the secret) and otherwise
/// ignored: signing in worked, only the convenience did not.
pub fn update_keyring(vault: Vault, account: String, secret: Option<Secret>) {
    drop(off_ui_thread(move || {
        let result = match &secret {
            Some(secret) => vault.store(&account, secret),
            None => vault.forget(&account),
        };
        match result {
            Ok(()) => tracing::info!(remembered = secret.is_some(), "keyring updated"),
            Err(error) => tracing::warn!(%error, "keyring not updated"),
        }
    }));
}

/// Blocking work that panicked (a decoder on hostile bytes, a driver):
/// contained, and said in words by whoever asked for the work.
#[derive(Debug, Clone, Copy)]
pub struct Crashed;

/// Runs blocking work (decoding, the keyring) on tokio's blocking pool.
/// The work runs to the end even if the returned future is dropped;
/// [`Crashed`] when it panicked.
#[expect(
    clippy::disallowed_methods,
    reason = "the one place app jobs are spawned"
)]
fn off_ui_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> impl Future<Output = Result<T, Crashed>> {
    let handle = tokio::task::spawn_blocking(work);
    async move { handle.await.map_err(|_| Crashed) }
}

/// Reads a pasted or dropped picture: refused in words when it is too
/// large, not a photo, or too small; otherwise upright and scaled to the
/// preview's working size. Off the UI thread; nothing touches the disk
/// but reading the dropped file.
pub async fn read_picture(ticket: PhotoEditTicket, input: PictureInput) -> Finished {
    let result = off_ui_thread(move || {
        match input {
            PictureInput::Pasted(image) => picture_from_pixels(&image),
            PictureInput::Encoded(bytes) => picture_from_bytes(bytes.as_slice()),
            PictureInput::Dropped(file) => picture_from_file(&*file),
        }
        .map(WorkingPicture::new)
    })
    .await
    .unwrap_or(Err(UploadError::NotAPhoto(PhotoError::Crashed)));
    picture_read(ticket, Some(result))
}

fn picture_read(
    ticket: PhotoEditTicket,
    result: Option<Result<WorkingPicture, UploadError>>,
) -> Finished {
    Finished::PhotoEdit(PhotoEditFinished::Picture { ticket, result })
}

/// Shows the file dialog, then reads the chosen file as a dropped one.
pub async fn choose_picture(ticket: PhotoEditTicket, picker: Arc<dyn FilePicker>) -> Finished {
    let Some(path) = picker.pick().await else {
        return picture_read(ticket, None);
    };
    let result =
        off_ui_thread(move || picture_from_file(&ChosenFile(path)).map(WorkingPicture::new))
            .await
            .unwrap_or(Err(UploadError::NotAPhoto(PhotoError::Crashed)));
    picture_read(ticket, Some(result))
}

/// A file from the file dialog, read like a dropped one.
#[derive(Debug)]
struct ChosenFile(std::path::PathBuf);

impl egui::DroppedFile for ChosenFile {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    #[expect(
        clippy::disallowed_methods,
        reason = "the file the person chose, read off the UI thread"
    )]
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn picture_from_pixels(image: &egui::ColorImage) -> Result<RgbaImage, UploadError> {
    let [width, height] = image.size;
    let (width, height) = (
        u32::try_from(width).unwrap_or(u32::MAX),
        u32::try_from(height).unwrap_or(u32::MAX),
    );
    if width.min(height) < MIN_SHORT_SIDE {
        return Err(UploadError::TooSmall { width, height });
    }
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|p| p.to_srgba_unmultiplied())
        .collect();
    let rgba = RgbaImage::from_raw(width, height, bytes)
        .ok_or(UploadError::NotAPhoto(PhotoError::Crashed))?;
    Ok(crate::photo::working_copy(rgba))
}

fn picture_from_file(file: &dyn egui::DroppedFile) -> Result<RgbaImage, UploadError> {
    // Refused unread when it is larger than Capillary takes.
    if let Ok(meta) = std::fs::metadata(file.path())
        && let Ok(size) = usize::try_from(meta.len())
        && size > MAX_SOURCE_BYTES
    {
        return Err(UploadError::FileTooLarge {
            megabytes: size.div_ceil(1024 * 1024),
        });
    }
    let bytes = file.bytes().map_err(UploadError::Unreadable)?;
    picture_from_bytes(&bytes)
}

/// A picture file's bytes, upright at the preview's working size; refused
/// in words when too large, not a photo, or too small.
fn picture_from_bytes(bytes: &[u8]) -> Result<RgbaImage, UploadError> {
    if bytes.len() > MAX_SOURCE_BYTES {
        return Err(UploadError::FileTooLarge {
            megabytes: bytes.len().div_ceil(1024 * 1024),
        });
    }
    let prepared = prepare_photo(bytes, WORKING_LONG_SIDE, &DecodeLimits::default())
        .map_err(UploadError::NotAPhoto)?;
    if prepared.width.min(prepared.height) < MIN_SHORT_SIDE {
        return Err(UploadError::TooSmall {
            width: prepared.width,
            height: prepared.height,
        });
    }
    Ok(prepared.texture)
}

/// Prepares the JPEG (off the UI thread) and replaces, or removes, the
/// customer's photo, reporting each step on `step` (and repainting so the
/// dialog shows it). Errors come back in words, with the request id.
pub async fn change_photo(
    client: CapillaryClient,
    ctx: egui::Context,
    ticket: PhotoEditTicket,
    customer: Customer,
    change: PhotoChange,
    step: tokio::sync::watch::Sender<SendStep>,
) -> Finished {
    let say = |now: SendStep| {
        step.send_replace(now);
        ctx.request_repaint();
    };
    let id = ticket.customer_id;
    let result = match change {
        PhotoChange::Replace {
            picture,
            turns,
            crop,
        } => {
            say(SendStep::Preparing);
            let upload = off_ui_thread(move || {
                let turned = crate::photo::rotate_quarters(&picture, turns);
                let turned = turned.as_ref().unwrap_or(&picture);
                crate::photo::upload_from_pixels(&crate::photo::crop(turned, crop))
            })
            .await
            .unwrap_or(Err(UploadError::NotAPhoto(PhotoError::Crashed)));
            match upload {
                Err(e) => Err(PhotoChangeError::Prepare(e)),
                Ok(upload) => {
                    let bytes = upload.jpeg.len();
                    crate::photo_change::replace_photo_reporting(
                        &client,
                        id,
                        &customer,
                        &upload,
                        |now| {
                            say(match now {
                                ReplaceStep::Uploading => SendStep::Uploading { bytes },
                                ReplaceStep::RemovingOld => SendStep::RemovingOld,
                            })
                        },
                    )
                    .await
                    .map(|replaced| PhotoChanged::Replaced {
                        replaced,
                        width: upload.width,
                        height: upload.height,
                        bytes,
                    })
                    .map_err(PhotoChangeError::Capillary)
                }
            }
        }
        PhotoChange::Remove => {
            say(SendStep::Removing);
            crate::photo_change::remove_photo(&client, id, &customer)
                .await
                .map(PhotoChanged::Removed)
                .map_err(PhotoChangeError::Capillary)
        }
    };
    Finished::PhotoEdit(PhotoEditFinished::Changed { ticket, result })
}

/// What Ctrl+V found, for the lookup that was on screen then.
pub type PasteOutcome = (
    u64,
    bool,
    Result<crate::clipboard::Pasted, crate::clipboard::ClipboardError>,
);

/// Reads the clipboard off the UI thread (a picture first when
/// `want_picture`).
pub async fn read_clipboard(lookup_id: u64, want_picture: bool) -> PasteOutcome {
    let read = off_ui_thread(move || crate::clipboard::read(want_picture))
        .await
        .unwrap_or_else(|Crashed| {
            Err(crate::clipboard::ClipboardError::Unavailable(
                "reading it crashed".to_owned(),
            ))
        });
    (lookup_id, want_picture, read)
}

/// Lists the cameras off the UI thread (asking a system for its cameras
/// can take a moment).
pub async fn list_cameras(
    ticket: PhotoEditTicket,
    cameras: Arc<dyn Cameras>,
    index: usize,
) -> Finished {
    let listed = off_ui_thread(move || cameras.list())
        .await
        .unwrap_or_else(|Crashed| Err(CameraError::Failed("the camera driver crashed".to_owned())));
    Finished::PhotoEdit(PhotoEditFinished::CamerasListed {
        ticket,
        index,
        result: listed,
    })
}
