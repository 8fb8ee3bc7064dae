//! A new photo of a customer → the JPEG that is uploaded (issue 13's
//! "What is sent"): upright (EXIF orientation applied), every piece of
//! metadata gone (the JPEG is encoded afresh from pixels, so no EXIF, GPS
//! or maker notes survive), at most [`UPLOAD_LONG_SIDE`] pixels on the long
//! side (never enlarged), about quality [`UPLOAD_QUALITY`], and between
//! [`MIN_UPLOAD_BYTES`] and [`MAX_UPLOAD_BYTES`]. In memory only: never a
//! temporary file, never logged.

use super::decode::{DecodeLimits, PhotoError};
use super::pipeline::prepare_photo;
use super::prepare::{fitted_size, flatten_alpha};
use image::RgbaImage;
use image::codecs::jpeg::JpegEncoder;

/// The long side of an uploaded photo, in pixels.
pub const UPLOAD_LONG_SIDE: u32 = 1200;
/// A shorter side than this is refused: too small to recognise anyone.
pub const MIN_SHORT_SIDE: u32 = 320;
/// Capillary's limit for one file; larger sources are refused unread.
pub const MAX_SOURCE_BYTES: usize = 49 * 1024 * 1024;
/// Capillary refuses smaller files (error 8083).
pub const MIN_UPLOAD_BYTES: usize = 10 * 1024;
/// Our own ceiling: a counter's connection should send a photo at once.
pub const MAX_UPLOAD_BYTES: usize = 2 * 1024 * 1024;
/// The JPEG quality tried first.
pub const UPLOAD_QUALITY: u8 = 85;

/// Qualities tried, in order, when the first is outside the byte bounds:
/// higher for a plain picture that compresses under the minimum, lower for
/// a noisy one over the maximum.
const QUALITIES_WHEN_TOO_SMALL: [u8; 2] = [93, 100];
const QUALITIES_WHEN_TOO_LARGE: [u8; 3] = [75, 65, 50];

/// The JPEG to upload, and what it is.
#[derive(Clone, PartialEq, Eq)]
pub struct PhotoUpload {
    pub jpeg: Vec<u8>,
    pub width: u32,
    pub height: u32,
    pub quality: u8,
}

impl std::fmt::Debug for PhotoUpload {
    // A customer's face: the bytes are never printed, even in a debug line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PhotoUpload")
            .field("bytes", &self.jpeg.len())
            .field("width", &self.width)
            .field("height", &self.height)
            .field("quality", &self.quality)
            .finish()
    }
}

/// Why a photo is not sent; each reads as one line in the preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadError {
    /// Not a photo this app can read: the viewer's own words.
    NotAPhoto(PhotoError),
    TooSmall {
        width: u32,
        height: u32,
    },
    FileTooLarge {
        megabytes: usize,
    },
    NearlyBlank,
    CannotShrink,
    Encoding(String),
    /// The file went away or may not be read; the system's words.
    Unreadable(String),
}

impl UploadError {
    /// In the UI's language (`Display` is English, for logs).
    pub fn words(&self, t: &i18n::Texts) -> String {
        match self {
            UploadError::NotAPhoto(error) => error.words(t),
            UploadError::TooSmall { width, height } => i18n::tr_text!(
                t,
                "upload-too-small",
                width = width.to_string(),
                height = height.to_string(),
                min = MIN_SHORT_SIDE.to_string()
            ),
            UploadError::FileTooLarge { megabytes } => {
                i18n::tr_text!(t, "upload-file-too-large", megabytes = *megabytes)
            }
            UploadError::NearlyBlank => i18n::tr_text!(t, "upload-nearly-blank"),
            UploadError::CannotShrink => i18n::tr_text!(t, "upload-cannot-shrink"),
            UploadError::Encoding(why) => i18n::tr_text!(t, "upload-encoding", why = why.as_str()),
            UploadError::Unreadable(why) => {
                i18n::tr_text!(t, "upload-unreadable", why = why.as_str())
            }
        }
    }
}

i18n::display_in_english!(UploadError);

/// Prepares a chosen, pasted or dropped file for upload. Never panics.
pub fn prepare_upload(bytes: &[u8], limits: &DecodeLimits) -> Result<PhotoUpload, UploadError> {
    if bytes.len() > MAX_SOURCE_BYTES {
        return Err(UploadError::FileTooLarge {
            megabytes: bytes.len().div_ceil(1024 * 1024),
        });
    }
    // The viewer's pipeline: upright, opaque, fitted, the JPEG decoded at
    // reduced scale where it is much larger than needed.
    let prepared =
        prepare_photo(bytes, UPLOAD_LONG_SIDE, limits).map_err(UploadError::NotAPhoto)?;
    check_size(prepared.width, prepared.height)?;
    encode_within_bounds(&prepared.texture)
}

/// Prepares pixels already in memory (a camera frame, the preview's crop)
/// for upload: the same size rules and encoding as a file.
pub fn upload_from_pixels(image: &RgbaImage) -> Result<PhotoUpload, UploadError> {
    let (width, height) = image.dimensions();
    check_size(width, height)?;
    let (w, h) = fitted_size(width, height, UPLOAD_LONG_SIDE);
    let mut fitted = if (w, h) == (width, height) {
        image.clone()
    } else {
        image::imageops::resize(image, w, h, image::imageops::FilterType::Lanczos3)
    };
    flatten_alpha(&mut fitted);
    encode_within_bounds(&fitted)
}

fn check_size(width: u32, height: u32) -> Result<(), UploadError> {
    if width.min(height) < MIN_SHORT_SIDE {
        return Err(UploadError::TooSmall { width, height });
    }
    Ok(())
}

/// JPEG at [`UPLOAD_QUALITY`], or the nearest quality that lands within
/// the byte bounds.
fn encode_within_bounds(image: &RgbaImage) -> Result<PhotoUpload, UploadError> {
    let rgb = image::DynamicImage::ImageRgba8(image.clone()).into_rgb8();
    let encode = |quality: u8| -> Result<PhotoUpload, UploadError> {
        let mut jpeg = Vec::new();
        JpegEncoder::new_with_quality(&mut jpeg, quality)
            .encode_image(&rgb)
            .map_err(|e| UploadError::Encoding(e.to_string()))?;
        Ok(PhotoUpload {
            jpeg,
            width: rgb.width(),
            height: rgb.height(),
            quality,
        })
    };
    let first = encode(UPLOAD_QUALITY)?;
    let (retries, failure): (&[u8], _) = match first.jpeg.len() {
        n if n < MIN_UPLOAD_BYTES => (&QUALITIES_WHEN_TOO_SMALL, UploadError::NearlyBlank),
        n if n > MAX_UPLOAD_BYTES => (&QUALITIES_WHEN_TOO_LARGE, UploadError::CannotShrink),
        _ => return Ok(first),
    };
    for &quality in retries {
        let upload = encode(quality)?;
        if (MIN_UPLOAD_BYTES..=MAX_UPLOAD_BYTES).contains(&upload.jpeg.len()) {
            return Ok(upload);
        }
    }
    Err(failure)
}
