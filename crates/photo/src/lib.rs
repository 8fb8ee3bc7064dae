//! Photos: recognise the format from the bytes, decode within limits with
//! EXIF orientation applied, and size for the frame. No network, no egui
//! beyond the final conversion the app does.

mod crop;
mod decode;
mod format;
mod pipeline;
mod prepare;
mod upload;

pub use crop::{
    CropRect, CropView, MAX_ZOOM, PORTRAIT_ASPECT, WORKING_LONG_SIDE, ZOOM_STEP, crop,
    rotate_quarters, working_copy,
};
pub use decode::{DecodeLimits, DecodedPhoto, PhotoError, decode};
pub use format::{PhotoFormat, Sniffed, sniff};
pub use pipeline::{PreparedPhoto, prepare_photo};
pub use prepare::{MAX_TEXTURE_SIDE, NEUTRAL_BACKGROUND, fitted_size};
pub use upload::{
    MAX_SOURCE_BYTES, MAX_UPLOAD_BYTES, MIN_SHORT_SIDE, MIN_UPLOAD_BYTES, PhotoUpload,
    UPLOAD_LONG_SIDE, UPLOAD_QUALITY, UploadError, prepare_upload, upload_from_pixels,
};
