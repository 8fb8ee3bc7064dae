//! The photo dialog's flow: a pasted or dropped picture is read in the
//! background, cropped in the preview, then sent as a replacement (upload,
//! then the older photos removed); or the photo is removed after a
//! confirmation. Afterwards the customer is fetched again, so the screen
//! shows what Capillary now holds, and the photo cache forgets the old one.

use super::App;
use super::jobs::{
    self, Job, PhotoChange, PhotoChangeOutcome, PhotoChanged, PhotoEditTicket, PictureInput,
    PictureOutcome,
};
use crate::camera::CameraError;
use crate::capillary::{IdentifierKind, Lookup};
use crate::photo_change::Replaced;
use crate::state::{
    CameraView, CropSession, PhotoEdit, PhotoEditStage, PhotoIntent, PhotoSource, ProfileState,
    SendStep, ShownPixels,
};

impl App {
    /// Applies one of the photo dialog's intents.
    pub(super) fn photo_intent(&mut self, ctx: &egui::Context, intent: PhotoIntent) {
        match intent {
            PhotoIntent::Pasted(image) => {
                self.read_picture(ctx, PhotoSource::Pasted, PictureInput::Pasted(image));
            }
            PhotoIntent::Dropped(file) => {
                self.read_picture(ctx, PhotoSource::Dropped, PictureInput::Dropped(file));
            }
            PhotoIntent::TakePhoto | PhotoIntent::Retake => {
                let camera = self.logic.state.photo_edit.as_ref().map_or(0, |e| e.camera);
                self.open_camera(ctx, camera);
            }
            PhotoIntent::ChooseCamera(index) => self.open_camera(ctx, index),
            PhotoIntent::ChooseFile => {
                let picker = self.file_picker.clone();
                self.start_picture(PhotoSource::Chosen, |ticket| {
                    Job::spawn(ctx, jobs::choose_picture(ticket, picker))
                });
            }
            PhotoIntent::AskRemove => {
                if let Some(ticket) = self.photo_ticket() {
                    self.logic.state.photo_edit = Some(PhotoEdit::new(
                        ticket.customer_id,
                        ticket.lookup_id,
                        PhotoEditStage::ConfirmRemove,
                    ));
                }
            }
            PhotoIntent::Pan(delta) => self.adjust_crop(|crop| {
                let (w, h) = crop.size();
                crop.view = crop.view.panned(delta, w, h);
            }),
            PhotoIntent::Zoom(factor) => self.adjust_crop(|crop| {
                let (w, h) = crop.size();
                crop.view = crop.view.zoomed(factor, w, h);
            }),
            // Only the preview's drawing turns; the pixels turn with the
            // crop, off the UI thread, when the photo is sent.
            PhotoIntent::Rotate => self.adjust_crop(CropSession::turn),
            PhotoIntent::Confirm => self.confirm_photo(ctx),
            PhotoIntent::Back => {
                if let Some(edit) = &mut self.logic.state.photo_edit
                    && let PhotoEditStage::Failed { crop, .. } = &mut edit.stage
                    && let Some(crop) = crop.take()
                {
                    edit.stage = PhotoEditStage::Cropping(crop);
                }
            }
            PhotoIntent::Cancel => self.close_photo_edit(ctx),
        }
    }

    /// The customer on screen, as a photo dialog's ticket; `None` when no
    /// customer (with an ID) is shown or photo changes are off here.
    fn photo_ticket(&self) -> Option<PhotoEditTicket> {
        if !self.logic.state.photo_changes_allowed() {
            return None;
        }
        let ProfileState::Loaded(profile) = &self.logic.state.profile else {
            return None;
        };
        Some(PhotoEditTicket {
            lookup_id: profile.lookup_id,
            customer_id: profile.customer.customer_id()?,
        })
    }

    /// Starts reading a new picture (the dialog opens, or starts over).
    pub(super) fn read_picture(
        &mut self,
        ctx: &egui::Context,
        source: PhotoSource,
        input: PictureInput,
    ) {
        self.start_picture(source, |ticket| {
            Job::spawn(ctx, jobs::read_picture(ticket, input))
        });
    }

    /// Opens the dialog on "reading" and starts the job that gets the
    /// picture.
    fn start_picture(
        &mut self,
        source: PhotoSource,
        job: impl FnOnce(PhotoEditTicket) -> Job<PictureOutcome>,
    ) {
        let Some(ticket) = self.photo_ticket() else {
            return;
        };
        if self.sending_photo() {
            return; // one change at a time
        }
        self.logic.state.photo_enlarged = false;
        self.jobs.close_camera();
        let camera = self.logic.state.photo_edit.as_ref().map_or(0, |e| e.camera);
        let mut edit = PhotoEdit::new(
            ticket.customer_id,
            ticket.lookup_id,
            PhotoEditStage::Reading(source),
        );
        edit.camera = camera;
        self.logic.state.photo_edit = Some(edit);
        self.jobs.picture = Some(job(ticket));
    }

    /// True while a change is being sent (nothing else may start then).
    fn sending_photo(&self) -> bool {
        matches!(
            self.logic.state.photo_edit.as_ref().map(|e| &e.stage),
            Some(PhotoEditStage::Sending { .. })
        )
    }

    /// Opens camera `index` in the dialog (it opens if it was closed).
    fn open_camera(&mut self, ctx: &egui::Context, index: usize) {
        let Some(ticket) = self.photo_ticket() else {
            return;
        };
        if self.sending_photo() {
            return; // one change at a time
        }
        self.jobs.close_camera();
        self.jobs.picture = None;
        self.logic.state.photo_enlarged = false;
        let names = match self.logic.state.photo_edit.as_ref().map(|e| &e.stage) {
            Some(PhotoEditStage::Camera(view)) => view.names.clone(),
            _ => Vec::new(),
        };
        let mut edit = PhotoEdit::new(
            ticket.customer_id,
            ticket.lookup_id,
            PhotoEditStage::Camera(CameraView {
                names,
                chosen: index,
                ..CameraView::default()
            }),
        );
        edit.camera = index;
        self.logic.state.photo_edit = Some(edit);
        let work = jobs::list_cameras(ticket, self.cameras.clone(), index);
        self.jobs.camera = Some(Job::spawn(ctx, work));
    }

    /// The cameras are known: the chosen one opens on its own thread and
    /// its frames start coming (or the words say why not).
    pub(super) fn finish_camera_open(
        &mut self,
        ctx: &egui::Context,
        (ticket, index, listed): jobs::CamerasListed,
    ) {
        let Some(edit) = &mut self.logic.state.photo_edit else {
            return;
        };
        if (edit.lookup_id, edit.customer_id) != (ticket.lookup_id, ticket.customer_id) {
            return;
        }
        let PhotoEditStage::Camera(view) = &mut edit.stage else {
            return;
        };
        match listed {
            Ok(names) => {
                let index = index.min(names.len().saturating_sub(1));
                view.names = names;
                view.chosen = index;
                edit.camera = index;
                let repaint = ctx.clone();
                let cameras = self.cameras.clone();
                match crate::camera::LiveFeed::start(cameras, index, move || {
                    repaint.request_repaint()
                }) {
                    Ok(feed) => self.jobs.camera_feed = Some(feed),
                    Err(e) => {
                        let error = CameraError::Failed(e.to_string());
                        view.error = Some(error.words(&self.logic.state.texts));
                    }
                }
            }
            Err(error) => {
                tracing::info!(%error, "no camera");
                view.error = Some(error.words(&self.logic.state.texts));
            }
        }
    }

    /// Puts the camera's newest frame on screen (called every tick).
    pub(super) fn show_camera_frame(&mut self) {
        let Some(feed) = &self.jobs.camera_feed else {
            return;
        };
        let Some(frame) = feed.take() else {
            return;
        };
        let Some(PhotoEdit {
            stage: PhotoEditStage::Camera(view),
            ..
        }) = &mut self.logic.state.photo_edit
        else {
            self.jobs.close_camera();
            return;
        };
        match frame {
            Ok(frame) => {
                // The same picture with the next frame's pixels: one
                // texture, updated in place.
                let shown = match view.frame.take() {
                    Some((shown, _)) => shown.replaced_by(frame.pixels),
                    None => ShownPixels::preview(frame.pixels),
                };
                view.frame = Some((shown, frame.rgba));
                view.frames_shown += 1;
            }
            Err(error) => {
                view.error = Some(error.words(&self.logic.state.texts));
                self.jobs.close_camera();
            }
        }
    }

    /// Changes the crop being shown, if one is.
    fn adjust_crop(&mut self, change: impl FnOnce(&mut CropSession)) {
        if let Some(PhotoEdit {
            stage: PhotoEditStage::Cropping(crop),
            ..
        }) = &mut self.logic.state.photo_edit
        {
            change(crop);
        }
    }

    /// Enter: send the crop, remove after the question, go back to the
    /// crop after a failure, or close a note.
    fn confirm_photo(&mut self, ctx: &egui::Context) {
        let Some(edit) = &mut self.logic.state.photo_edit else {
            return;
        };
        match &mut edit.stage {
            PhotoEditStage::Camera(view) => {
                if let Some((shown, frame)) = view.frame.take() {
                    // The frame is already at the working size: taking it
                    // copies nothing, and its texture stays on screen.
                    edit.stage = PhotoEditStage::Cropping(CropSession::new(
                        PhotoSource::Camera,
                        frame,
                        shown,
                    ));
                    // The picture is taken: the camera is released at once.
                    self.jobs.close_camera();
                }
            }
            PhotoEditStage::Cropping(_) => {
                let PhotoEditStage::Cropping(crop) =
                    std::mem::replace(&mut edit.stage, PhotoEditStage::ConfirmRemove)
                else {
                    return;
                };
                let (w, h) = crop.size();
                let change = PhotoChange::Replace {
                    picture: crop.image.clone(),
                    turns: crop.turns,
                    crop: crop.view.rect(w, h),
                };
                self.send_photo_change(ctx, change, Some(crop));
            }
            PhotoEditStage::ConfirmRemove => {
                self.send_photo_change(ctx, PhotoChange::Remove, None);
            }
            PhotoEditStage::Failed { crop: Some(_), .. } => {
                self.photo_intent(ctx, PhotoIntent::Back);
            }
            PhotoEditStage::Failed { crop: None, .. } | PhotoEditStage::Done(_) => {
                self.close_photo_edit(ctx);
            }
            PhotoEditStage::Reading(_) | PhotoEditStage::Sending { .. } => {}
        }
    }

    fn send_photo_change(
        &mut self,
        ctx: &egui::Context,
        change: PhotoChange,
        crop: Option<CropSession>,
    ) {
        let ticket = self.photo_ticket();
        let ProfileState::Loaded(profile) = &self.logic.state.profile else {
            return;
        };
        let (Some(ticket), Some(client), Some(edit)) =
            (ticket, &self.client, self.logic.state.photo_edit.as_mut())
        else {
            self.logic.state.photo_edit = None;
            return;
        };
        let first = match change {
            PhotoChange::Remove => SendStep::Removing,
            PhotoChange::Replace { .. } => SendStep::Preparing,
        };
        let (step, progress) = tokio::sync::watch::channel(first);
        let work = jobs::change_photo(
            client.clone(),
            ctx.clone(),
            ticket,
            profile.customer.clone(),
            change,
            step,
        );
        edit.stage = PhotoEditStage::Sending { step: first, crop };
        self.jobs.photo_change = Some((Job::spawn(ctx, work), progress));
    }

    /// Esc or Cancel: closes the dialog and stops what it started. A
    /// change stopped in flight may still have reached Capillary, so the
    /// customer is fetched again to show what is true.
    fn close_photo_edit(&mut self, ctx: &egui::Context) {
        let was_sending = self.jobs.photo_change.is_some();
        self.jobs.cancel_photo_edit();
        let Some(edit) = self.logic.state.photo_edit.take() else {
            return;
        };
        self.logic.state.lookup.request_focus = true;
        if was_sending {
            tracing::info!(
                "photo change for customer {} cancelled in flight",
                edit.customer_id
            );
            self.refetch_customer(ctx, edit.customer_id);
        }
    }

    /// Shows the customer afresh (their photo just changed).
    fn refetch_customer(&mut self, ctx: &egui::Context, customer_id: i64) {
        self.logic.photo_cache.forget_customer(customer_id);
        if let Ok(lookup) = Lookup::new(IdentifierKind::CustomerId, &customer_id.to_string()) {
            self.send(ctx, crate::logic::Msg::LookUp(vec![lookup]));
        }
    }

    /// Copies the change's progress into the dialog.
    pub(super) fn poll_photo_progress(&mut self) {
        if let (
            Some((_, progress)),
            Some(PhotoEdit {
                stage: PhotoEditStage::Sending { step, .. },
                ..
            }),
        ) = (&self.jobs.photo_change, &mut self.logic.state.photo_edit)
        {
            *step = *progress.borrow();
        }
    }

    /// A picture was read: the preview opens on it, or says why not.
    pub(super) fn finish_picture(&mut self, ctx: &egui::Context, (ticket, result): PictureOutcome) {
        let Some(edit) = &mut self.logic.state.photo_edit else {
            return;
        };
        let PhotoEditStage::Reading(source) = edit.stage else {
            return;
        };
        if (edit.lookup_id, edit.customer_id) != (ticket.lookup_id, ticket.customer_id) {
            return; // another customer's dialog: never shown
        }
        edit.stage = match result {
            None => {
                // Nothing chosen (or no file dialog could be shown here).
                self.logic.state.photo_edit = None;
                self.logic.state.lookup.request_focus = true;
                self.logic.state.toast = Some((
                    self.logic.state.texts.msg_text(NOTHING_CHOSEN),
                    self.logic.clock.now() + NOTE,
                ));
                ctx.request_repaint_after(NOTE);
                return;
            }
            Some(Ok(picture)) => PhotoEditStage::Cropping(CropSession::new(
                source,
                picture.rgba,
                ShownPixels::preview(picture.pixels),
            )),
            Some(Err(refused)) => PhotoEditStage::Failed {
                message: refused.words(&self.logic.state.texts),
                crop: None,
            },
        };
    }

    /// A change finished: the customer is fetched again, and the dialog
    /// closes or says what went wrong.
    pub(super) fn finish_photo_change(
        &mut self,
        ctx: &egui::Context,
        (ticket, result): PhotoChangeOutcome,
    ) {
        let Some(edit) = &mut self.logic.state.photo_edit else {
            return;
        };
        if (edit.lookup_id, edit.customer_id) != (ticket.lookup_id, ticket.customer_id) {
            return;
        }
        let id = ticket.customer_id;
        let till = self
            .logic
            .state
            .session
            .as_ref()
            .map(|s| s.user.clone())
            .unwrap_or_default();
        let note = match result {
            Err(error) => {
                tracing::info!("photo change for customer {id} failed");
                let crop = match std::mem::replace(&mut edit.stage, PhotoEditStage::ConfirmRemove) {
                    PhotoEditStage::Sending { crop, .. } => crop,
                    _ => None,
                };
                edit.stage = PhotoEditStage::Failed {
                    message: error.words(&self.logic.state.texts),
                    crop,
                };
                return;
            }
            Ok(PhotoChanged::Removed(count)) => {
                tracing::info!("photo removed for customer {id} by {till}");
                if count == 0 {
                    crate::tr_text!(self.logic.state.texts, "no-photo-to-remove")
                } else {
                    crate::tr_text!(self.logic.state.texts, "photo-removed")
                }
            }
            Ok(PhotoChanged::Replaced {
                replaced,
                width,
                height,
                bytes,
            }) => {
                tracing::info!(
                    width,
                    height,
                    bytes,
                    "photo replaced for customer {id} by {till}"
                );
                match replaced {
                    Replaced::Only { .. } => crate::tr_text!(self.logic.state.texts, "photo-replaced"),
                    Replaced::OldPhotosRemain { kept, error } => {
                        let why = error
                            .map(|e| format!(": {}", e.to_string_with_request_id()))
                            .unwrap_or_default();
                        let note = crate::tr_text!(
                            self.logic.state.texts,
                            "older-photos-kept",
                            count = kept,
                            why = why
                        );
                        self.logic.state.photo_edit = None;
                        self.refetch_customer(ctx, id);
                        self.logic.state.photo_edit = Some(PhotoEdit::new(
                            id,
                            self.logic.state.current_lookup,
                            PhotoEditStage::Done(note),
                        ));
                        return;
                    }
                }
            }
        };
        self.logic.state.photo_edit = None;
        self.refetch_customer(ctx, id);
        self.logic.state.toast = Some((note, self.logic.clock.now() + super::TOAST));
        ctx.request_repaint_after(super::TOAST);
    }
}

/// Said when the file dialog closes without a file: on a system where no
/// dialog can be shown, the person learns the other ways in.
pub const NOTHING_CHOSEN: crate::i18n::Msg = crate::i18n::Msg("nothing-chosen");
/// How long that note stays.
const NOTE: std::time::Duration = std::time::Duration::from_secs(6);

