//! Photos: recognise the format from the bytes, decode within limits with
//! EXIF orientation applied, and size for the frame. No network, no egui
//! beyond the final conversion the app does.

mod decode;
mod format;
mod pipeline;
mod prepare;

pub use decode::{DecodeLimits, DecodedPhoto, PhotoError, decode};
pub use format::{PhotoFormat, Sniffed, sniff};
pub use pipeline::{PreparedPhoto, prepare_photo};
pub use prepare::{MAX_TEXTURE_SIDE, NEUTRAL_BACKGROUND, fitted_size};
