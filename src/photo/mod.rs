//! Photos: recognise the format from the bytes, decode within limits with
//! EXIF orientation applied, and size for the frame. No network, no egui
//! beyond the final conversion the app does.

mod decode;
mod format;
mod prepare;

pub use decode::{decode, DecodeLimits, DecodedPhoto, PhotoError};
pub use format::{sniff, PhotoFormat, Sniffed};
pub use prepare::{fitted_size, prepare_for_frame, MAX_TEXTURE_SIDE, NEUTRAL_BACKGROUND};
