//! Changing the photo of the customer on screen: the preview (crop, zoom,
//! rotate), the confirmation before removing, and the upload in flight.
//! Shown over the profile; while it is open the lookup box and the
//! profile's own keys wait.

use super::ShownPixels;
use crate::photo::CropView;
use image::RgbaImage;
use std::sync::Arc;

/// Where the new picture came from: the preview offers to start over
/// from the same kind of source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoSource {
    /// Ctrl+V with a picture on the clipboard.
    Pasted,
    /// A file dropped onto the window.
    Dropped,
    /// The system's file dialog.
    Chosen,
    /// A frame from the camera.
    Camera,
}

/// A picture being cropped. Turning it (R) turns only how the preview is
/// drawn: the pixels are turned off the UI thread, with the crop, when the
/// photo is sent.
pub struct CropSession {
    pub source: PhotoSource,
    /// Upright pixels, at most [`crate::photo::WORKING_LONG_SIDE`] across,
    /// as they came (not turned).
    pub image: Arc<RgbaImage>,
    /// `image` as drawn.
    pub preview: ShownPixels,
    /// Quarter turns clockwise the person asked for (0 to 3).
    pub turns: u8,
    /// The crop, in the turned picture's pixels.
    pub view: CropView,
}

impl std::fmt::Debug for CropSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CropSession")
            .field("source", &self.source)
            .field("size", &self.image.dimensions())
            .field("turns", &self.turns)
            .field("view", &self.view)
            .finish()
    }
}

impl CropSession {
    /// A crop of the whole picture, centred, not turned.
    pub fn new(source: PhotoSource, image: Arc<RgbaImage>, preview: ShownPixels) -> Self {
        let (w, h) = image.dimensions();
        Self {
            source,
            image,
            preview,
            turns: 0,
            view: CropView::centred(w, h),
        }
    }

    /// The turned picture's width and height.
    pub fn size(&self) -> (u32, u32) {
        let (w, h) = self.image.dimensions();
        if self.turns % 2 == 1 { (h, w) } else { (w, h) }
    }

    /// A quarter turn clockwise; the crop starts again, centred.
    pub fn turn(&mut self) {
        self.turns = (self.turns + 1) % 4;
        let (w, h) = self.size();
        self.view = CropView::centred(w, h);
    }
}

/// The camera's live picture, before a frame is taken.
#[derive(Default)]
pub struct CameraView {
    /// The cameras found (empty while the first one opens).
    pub names: Vec<String>,
    pub chosen: usize,
    /// The newest frame: on screen, and kept to be taken.
    pub frame: Option<(ShownPixels, Arc<RgbaImage>)>,
    /// Frames shown since the camera opened.
    pub frames_shown: u64,
    /// No camera, access denied, or it stopped: in words.
    pub error: Option<String>,
}

impl std::fmt::Debug for CameraView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CameraView")
            .field("names", &self.names)
            .field("chosen", &self.chosen)
            .field("frames_shown", &self.frames_shown)
            .field("error", &self.error)
            .finish()
    }
}

/// How far a photo change has got; the app's job updates it as it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SendStep {
    /// Cropping, scaling and encoding the JPEG.
    #[default]
    Preparing,
    /// Sending this many bytes.
    Uploading { bytes: usize },
    /// The new photo is stored; the older ones are being removed.
    RemovingOld,
    /// Removing the photo.
    Removing,
}

/// What the photo dialog shows.
#[derive(Debug)]
pub enum PhotoEditStage {
    /// A picture is being read (decoded, turned upright) in the background.
    Reading(PhotoSource),
    /// The camera's live picture; Enter or Space takes the photo.
    Camera(CameraView),
    Cropping(CropSession),
    /// Uploading or removing; Cancel stops it. The crop is kept, so a
    /// failed upload can go back to it.
    Sending {
        step: SendStep,
        crop: Option<CropSession>,
    },
    /// "Remove this customer's photo?"
    ConfirmRemove,
    /// Something was refused or failed: the words, and the crop to go back
    /// to if there is one (so a failed upload can be tried again).
    Failed {
        message: String,
        crop: Option<CropSession>,
    },
    /// A note once the change is made that the person must read (older
    /// photos that could not be removed).
    Done(String),
}

/// The photo dialog, for one customer of one lookup.
#[derive(Debug)]
pub struct PhotoEdit {
    pub customer_id: i64,
    pub lookup_id: u64,
    pub stage: PhotoEditStage,
    /// The camera chosen in this dialog (Retake opens it again).
    pub camera: usize,
}

impl PhotoEditStage {
    /// The picture this stage shows, if any.
    pub fn preview(&self) -> Option<&ShownPixels> {
        match self {
            PhotoEditStage::Camera(view) => view.frame.as_ref().map(|(pixels, _)| pixels),
            PhotoEditStage::Cropping(crop)
            | PhotoEditStage::Sending {
                crop: Some(crop), ..
            }
            | PhotoEditStage::Failed {
                crop: Some(crop), ..
            } => Some(&crop.preview),
            _ => None,
        }
    }
}

impl PhotoEdit {
    pub fn new(customer_id: i64, lookup_id: u64, stage: PhotoEditStage) -> Self {
        Self {
            customer_id,
            lookup_id,
            stage,
            camera: 0,
        }
    }
}

/// What the person asks of the photo dialog.
#[derive(Debug, Clone)]
pub enum PhotoIntent {
    /// A picture pasted from the clipboard (Ctrl+V).
    Pasted(Arc<egui::ColorImage>),
    /// A file dropped onto the window.
    Dropped(egui::DroppedFileHandle),
    /// Open the camera (the one chosen last, or the first).
    TakePhoto,
    /// Show the system's file dialog.
    ChooseFile,
    /// Switch to camera N of the list.
    ChooseCamera(usize),
    /// Back to the camera from its picture.
    Retake,
    /// Ask before removing the photo.
    AskRemove,
    /// Pan the crop by this many picture pixels.
    Pan([f32; 2]),
    /// Zoom by this factor (above 1 shows less).
    Zoom(f32),
    /// Turn the picture a quarter clockwise.
    Rotate,
    /// Take the camera's picture, send the crop, or (when asked) remove
    /// the photo.
    Confirm,
    /// Back to the crop after a failure.
    Back,
    /// Close the dialog; stops an upload in flight.
    Cancel,
}
