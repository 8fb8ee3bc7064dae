//! The photo dialog's flow: a pasted, dropped or chosen picture is read in
//! the background (or a camera frame taken), cropped in the preview, then
//! sent as a replacement (upload, then the older photos removed); or the
//! photo is removed after a confirmation. Afterwards the customer is
//! fetched again, so the screen shows what Capillary now holds, and the
//! photo cache forgets the old one.

use super::{Effect, JobGroup, Logic, Work};
use crate::camera::{CameraError, Frame};
use crate::capillary::{ApiError, IdentifierKind, Lookup};
use crate::photo::{CropRect, UploadError};
use crate::photo_change::Replaced;
use crate::state::{
    CameraView, CropSession, PhotoEdit, PhotoEditStage, PhotoIntent, PhotoSource, ProfileState,
    SendStep, ShownPixels, WorkingPicture,
};
use image::RgbaImage;
use std::sync::Arc;

/// Said when the file dialog closes without a file: on a system where no
/// dialog can be shown, the person learns the other ways in.
pub const NOTHING_CHOSEN: crate::i18n::Msg = crate::i18n::Msg("nothing-chosen");
/// How long that note stays.
const NOTE: std::time::Duration = std::time::Duration::from_secs(6);

/// Which photo dialog a picture or a change belongs to: dropped unless it
/// is still the one open, for the same customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhotoEditTicket {
    pub lookup_id: u64,
    pub customer_id: i64,
}

/// A new picture for the photo dialog, as it arrives.
#[derive(Debug, Clone)]
pub enum PictureInput {
    Pasted(Arc<egui::ColorImage>),
    /// A picture's file bytes, as the clipboard had them.
    Encoded(Arc<Vec<u8>>),
    Dropped(egui::DroppedFileHandle),
}

/// What the photo dialog sends.
#[derive(Debug, Clone)]
pub enum PhotoChange {
    /// This crop of the picture becomes the customer's only photo.
    Replace {
        picture: Arc<RgbaImage>,
        /// Quarter turns clockwise, before the crop.
        turns: u8,
        crop: CropRect,
    },
    Remove,
}

/// What a finished change did.
#[derive(Debug)]
pub enum PhotoChanged {
    Replaced {
        replaced: Replaced,
        width: u32,
        height: u32,
        bytes: usize,
    },
    /// This many photos were removed.
    Removed(usize),
}

/// Why a photo change did not go through.
#[derive(Debug, thiserror::Error)]
pub enum PhotoChangeError {
    /// The new photo could not be prepared; nothing was sent.
    #[error("{0}")]
    Prepare(UploadError),
    /// Capillary refused or could not be reached; with the request id.
    #[error("{}", .0.to_string_with_request_id())]
    Capillary(ApiError),
}

impl PhotoChangeError {
    /// In the UI's language, with Capillary's request id.
    pub fn words(&self, t: &crate::i18n::Texts) -> String {
        match self {
            PhotoChangeError::Prepare(error) => error.words(t),
            PhotoChangeError::Capillary(error) => error.words_with_request_id(t),
        }
    }
}

/// The photo dialog's answers, with the dialog they were started for.
#[derive(Debug)]
pub enum PhotoEditFinished {
    /// The cameras found, for a dialog that asked to open camera `index`.
    CamerasListed {
        ticket: PhotoEditTicket,
        index: usize,
        result: Result<Vec<String>, CameraError>,
    },
    /// The picture read, or why not; `None` when no file was chosen.
    Picture {
        ticket: PhotoEditTicket,
        result: Option<Result<WorkingPicture, UploadError>>,
    },
    Changed {
        ticket: PhotoEditTicket,
        result: Result<PhotoChanged, PhotoChangeError>,
    },
}

impl PhotoEditFinished {
    pub fn ticket(&self) -> PhotoEditTicket {
        match self {
            PhotoEditFinished::CamerasListed { ticket, .. }
            | PhotoEditFinished::Picture { ticket, .. }
            | PhotoEditFinished::Changed { ticket, .. } => *ticket,
        }
    }
}

impl Logic {
    /// Whether an answer is for the dialog open now, at the stage that
    /// waits for it.
    pub(super) fn photo_edit_current(&self, finished: &PhotoEditFinished) -> bool {
        let Some(edit) = &self.state.photo_edit else {
            return false;
        };
        let ticket = finished.ticket();
        if (edit.lookup_id, edit.customer_id) != (ticket.lookup_id, ticket.customer_id) {
            return false; // another customer's dialog: never shown
        }
        match finished {
            PhotoEditFinished::CamerasListed { .. } => {
                matches!(edit.stage, PhotoEditStage::Camera(_))
            }
            PhotoEditFinished::Picture { .. } => matches!(edit.stage, PhotoEditStage::Reading(_)),
            PhotoEditFinished::Changed { .. } => {
                matches!(edit.stage, PhotoEditStage::Sending { .. })
            }
        }
    }

    /// Applies a current answer (see [`Logic::photo_edit_current`]).
    pub(super) fn photo_edit_finished(
        &mut self,
        finished: PhotoEditFinished,
        fx: &mut Vec<Effect>,
    ) {
        match finished {
            PhotoEditFinished::CamerasListed { index, result, .. } => {
                self.finish_camera_list(index, result, fx);
            }
            PhotoEditFinished::Picture { result, .. } => self.finish_picture(result, fx),
            PhotoEditFinished::Changed { ticket, result } => {
                self.finish_photo_change(ticket, result, fx);
            }
        }
    }

    /// Applies one of the photo dialog's intents.
    pub(super) fn photo_intent(&mut self, intent: PhotoIntent, fx: &mut Vec<Effect>) {
        match intent {
            PhotoIntent::Pasted(image) => {
                self.read_picture(PhotoSource::Pasted, PictureInput::Pasted(image), fx);
            }
            PhotoIntent::Dropped(file) => {
                self.read_picture(PhotoSource::Dropped, PictureInput::Dropped(file), fx);
            }
            PhotoIntent::TakePhoto | PhotoIntent::Retake => {
                let camera = self.state.photo_edit.as_ref().map_or(0, |e| e.camera);
                self.open_camera(camera, fx);
            }
            PhotoIntent::ChooseCamera(index) => self.open_camera(index, fx),
            PhotoIntent::ChooseFile => {
                self.start_picture(PhotoSource::Chosen, fx, |ticket| Work::ChoosePicture {
                    ticket,
                });
            }
            PhotoIntent::AskRemove => {
                if let Some(ticket) = self.photo_ticket() {
                    self.state.photo_edit = Some(PhotoEdit::new(
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
            PhotoIntent::Confirm => self.confirm_photo(fx),
            PhotoIntent::Back => {
                if let Some(edit) = &mut self.state.photo_edit
                    && let PhotoEditStage::Failed { crop, .. } = &mut edit.stage
                    && let Some(crop) = crop.take()
                {
                    edit.stage = PhotoEditStage::Cropping(crop);
                }
            }
            PhotoIntent::Cancel => self.close_photo_edit(fx),
        }
    }

    /// The customer on screen, as a photo dialog's ticket; `None` when no
    /// customer (with an ID) is shown or photo changes are off here.
    fn photo_ticket(&self) -> Option<PhotoEditTicket> {
        if !self.state.photo_changes_allowed() {
            return None;
        }
        let ProfileState::Loaded(profile) = &self.state.profile else {
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
        source: PhotoSource,
        input: PictureInput,
        fx: &mut Vec<Effect>,
    ) {
        self.start_picture(source, fx, |ticket| Work::ReadPicture { ticket, input });
    }

    /// Opens the dialog on "reading" and starts the job that gets the
    /// picture.
    fn start_picture(
        &mut self,
        source: PhotoSource,
        fx: &mut Vec<Effect>,
        work: impl FnOnce(PhotoEditTicket) -> Work,
    ) {
        let Some(ticket) = self.photo_ticket() else {
            return;
        };
        if self.sending_photo() {
            return; // one change at a time
        }
        self.state.photo_enlarged = false;
        fx.push(Effect::CloseCamera);
        fx.push(Effect::Cancel(JobGroup::PhotoEdit));
        let camera = self.state.photo_edit.as_ref().map_or(0, |e| e.camera);
        let mut edit = PhotoEdit::new(
            ticket.customer_id,
            ticket.lookup_id,
            PhotoEditStage::Reading(source),
        );
        edit.camera = camera;
        self.state.photo_edit = Some(edit);
        fx.push(Effect::Start(work(ticket)));
    }

    /// True while a change is being sent (nothing else may start then).
    fn sending_photo(&self) -> bool {
        matches!(
            self.state.photo_edit.as_ref().map(|e| &e.stage),
            Some(PhotoEditStage::Sending { .. })
        )
    }

    /// Opens camera `index` in the dialog (it opens if it was closed).
    fn open_camera(&mut self, index: usize, fx: &mut Vec<Effect>) {
        let Some(ticket) = self.photo_ticket() else {
            return;
        };
        if self.sending_photo() {
            return; // one change at a time
        }
        fx.push(Effect::CloseCamera);
        fx.push(Effect::Cancel(JobGroup::PhotoEdit));
        self.state.photo_enlarged = false;
        let names = match self.state.photo_edit.as_ref().map(|e| &e.stage) {
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
        self.state.photo_edit = Some(edit);
        fx.push(Effect::Start(Work::ListCameras { ticket, index }));
    }

    /// The cameras are known: the chosen one opens on its own thread and
    /// its frames start coming (or the words say why not).
    fn finish_camera_list(
        &mut self,
        index: usize,
        listed: Result<Vec<String>, CameraError>,
        fx: &mut Vec<Effect>,
    ) {
        let Some(edit) = &mut self.state.photo_edit else {
            return;
        };
        let PhotoEditStage::Camera(view) = &mut edit.stage else {
            return;
        };
        match listed {
            Ok(names) => {
                let index = index.min(names.len().saturating_sub(1));
                view.names = names;
                view.chosen = index;
                edit.camera = index;
                fx.push(Effect::OpenCamera(index));
            }
            Err(error) => {
                tracing::info!(%error, "no camera");
                view.error = Some(error.words(&self.state.texts));
            }
        }
    }

    /// Puts the camera's newest frame on screen, or says why it stopped.
    pub(super) fn camera_frame(&mut self, frame: Result<Frame, CameraError>, fx: &mut Vec<Effect>) {
        let Some(PhotoEdit {
            stage: PhotoEditStage::Camera(view),
            ..
        }) = &mut self.state.photo_edit
        else {
            fx.push(Effect::CloseCamera);
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
                tracing::info!(%error, "the camera stopped");
                view.error = Some(error.words(&self.state.texts));
                fx.push(Effect::CloseCamera);
            }
        }
    }

    /// Changes the crop being shown, if one is.
    fn adjust_crop(&mut self, change: impl FnOnce(&mut CropSession)) {
        if let Some(PhotoEdit {
            stage: PhotoEditStage::Cropping(crop),
            ..
        }) = &mut self.state.photo_edit
        {
            change(crop);
        }
    }

    /// Enter: take the camera's picture, send the crop, remove after the
    /// question, go back to the crop after a failure, or close a note.
    fn confirm_photo(&mut self, fx: &mut Vec<Effect>) {
        let Some(edit) = &mut self.state.photo_edit else {
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
                    fx.push(Effect::CloseCamera);
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
                self.send_photo_change(change, Some(crop), fx);
            }
            PhotoEditStage::ConfirmRemove => {
                self.send_photo_change(PhotoChange::Remove, None, fx);
            }
            PhotoEditStage::Failed { crop: Some(_), .. } => {
                self.photo_intent(PhotoIntent::Back, fx);
            }
            PhotoEditStage::Failed { crop: None, .. } | PhotoEditStage::Done(_) => {
                self.close_photo_edit(fx);
            }
            PhotoEditStage::Reading(_) | PhotoEditStage::Sending { .. } => {}
        }
    }

    fn send_photo_change(
        &mut self,
        change: PhotoChange,
        crop: Option<CropSession>,
        fx: &mut Vec<Effect>,
    ) {
        let ticket = self.photo_ticket();
        let ProfileState::Loaded(profile) = &self.state.profile else {
            return;
        };
        let (Some(ticket), true, Some(edit)) =
            (ticket, self.link.is_some(), self.state.photo_edit.as_mut())
        else {
            self.state.photo_edit = None;
            return;
        };
        let first = match change {
            PhotoChange::Remove => SendStep::Removing,
            PhotoChange::Replace { .. } => SendStep::Preparing,
        };
        fx.push(Effect::Start(Work::ChangePhoto {
            ticket,
            customer: Box::new(profile.customer.clone()),
            change,
        }));
        edit.stage = PhotoEditStage::Sending { step: first, crop };
    }

    /// How far the change being sent has got.
    pub(super) fn photo_progress(&mut self, now: SendStep) {
        if let Some(PhotoEdit {
            stage: PhotoEditStage::Sending { step, .. },
            ..
        }) = &mut self.state.photo_edit
        {
            *step = now;
        }
    }

    /// Esc or Cancel: closes the dialog and stops what it started. A
    /// change stopped in flight may still have reached Capillary, so the
    /// customer is fetched again to show what is true.
    fn close_photo_edit(&mut self, fx: &mut Vec<Effect>) {
        fx.push(Effect::CloseCamera);
        fx.push(Effect::Cancel(JobGroup::PhotoEdit));
        let Some(edit) = self.state.photo_edit.take() else {
            return;
        };
        self.state.lookup.request_focus = true;
        if matches!(edit.stage, PhotoEditStage::Sending { .. }) {
            tracing::info!(
                "photo change for customer {} cancelled in flight",
                edit.customer_id
            );
            self.refetch_customer(edit.customer_id, fx);
        }
    }

    /// Shows the customer afresh (their photo just changed).
    fn refetch_customer(&mut self, customer_id: i64, fx: &mut Vec<Effect>) {
        self.photo_cache.forget_customer(customer_id);
        if let Ok(lookup) = Lookup::new(IdentifierKind::CustomerId, &customer_id.to_string()) {
            self.start_lookup(vec![lookup], fx);
        }
    }

    /// A picture was read: the preview opens on it, or says why not.
    fn finish_picture(
        &mut self,
        result: Option<Result<WorkingPicture, UploadError>>,
        fx: &mut Vec<Effect>,
    ) {
        let Some(edit) = &mut self.state.photo_edit else {
            return;
        };
        let PhotoEditStage::Reading(source) = edit.stage else {
            return;
        };
        edit.stage = match result {
            None => {
                // Nothing chosen (or no file dialog could be shown here).
                self.state.photo_edit = None;
                self.state.lookup.request_focus = true;
                let note = self.state.texts.msg_text(NOTHING_CHOSEN);
                self.toast(note, NOTE, fx);
                return;
            }
            Some(Ok(picture)) => PhotoEditStage::Cropping(CropSession::new(
                source,
                picture.rgba,
                ShownPixels::preview(picture.pixels),
            )),
            Some(Err(refused)) => PhotoEditStage::Failed {
                message: refused.words(&self.state.texts),
                crop: None,
            },
        };
    }

    /// A change finished: the customer is fetched again, and the dialog
    /// closes or says what went wrong.
    fn finish_photo_change(
        &mut self,
        ticket: PhotoEditTicket,
        result: Result<PhotoChanged, PhotoChangeError>,
        fx: &mut Vec<Effect>,
    ) {
        let till = self.till();
        let Some(edit) = &mut self.state.photo_edit else {
            return;
        };
        let id = ticket.customer_id;
        let note = match result {
            Err(error) => {
                tracing::info!("photo change for customer {id} failed");
                let crop = match std::mem::replace(&mut edit.stage, PhotoEditStage::ConfirmRemove) {
                    PhotoEditStage::Sending { crop, .. } => crop,
                    _ => None,
                };
                edit.stage = PhotoEditStage::Failed {
                    message: error.words(&self.state.texts),
                    crop,
                };
                return;
            }
            Ok(PhotoChanged::Removed(count)) => {
                tracing::info!("photo removed for customer {id} by {till}");
                if count == 0 {
                    crate::tr_text!(self.state.texts, "no-photo-to-remove")
                } else {
                    crate::tr_text!(self.state.texts, "photo-removed")
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
                    Replaced::Only { .. } => crate::tr_text!(self.state.texts, "photo-replaced"),
                    Replaced::OldPhotosRemain { kept, error } => {
                        let why = error
                            .map(|e| format!(": {}", e.to_string_with_request_id()))
                            .unwrap_or_default();
                        let note = crate::tr_text!(
                            self.state.texts,
                            "older-photos-kept",
                            count = kept,
                            why = why
                        );
                        // The note stays up over the customer fetched again.
                        self.state.photo_edit = None;
                        self.refetch_customer(id, fx);
                        self.state.photo_edit = Some(PhotoEdit::new(
                            id,
                            self.state.current_lookup,
                            PhotoEditStage::Done(note),
                        ));
                        return;
                    }
                }
            }
        };
        self.state.photo_edit = None;
        self.refetch_customer(id, fx);
        self.toast(note, super::TOAST, fx);
    }
}
