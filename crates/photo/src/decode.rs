//! Bytes → upright RGBA pixels, safely.
//!
//! Limits are checked from the header before any pixel is allocated, so a
//! small file that claims 30000×30000 is refused at once; decoder panics on
//! hostile input are contained and reported; EXIF orientation is applied.

use super::format::{PhotoFormat, Sniffed, sniff};
use image::{DynamicImage, ImageDecoder, ImageReader, RgbaImage};
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// What a photo may claim before it is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeLimits {
    pub max_side: u32,
    pub max_pixels: u64,
    /// Cap on the decoder's own allocations (the output counts).
    pub max_alloc_bytes: u64,
}

impl DecodeLimits {
    /// Refuses a header's claimed size before any pixel is allocated: no
    /// pixels at all, a side over `max_side` or more than `max_pixels`.
    pub fn check(&self, width: u32, height: u32) -> Result<(), PhotoError> {
        if width == 0 || height == 0 {
            return Err(PhotoError::Corrupt("it has no pixels".into()));
        }
        if width > self.max_side
            || height > self.max_side
            || u64::from(width) * u64::from(height) > self.max_pixels
        {
            return Err(PhotoError::TooLarge { width, height });
        }
        Ok(())
    }
}

impl Default for DecodeLimits {
    fn default() -> Self {
        Self {
            max_side: 16_384,
            max_pixels: 80_000_000,
            max_alloc_bytes: 512 * 1024 * 1024,
        }
    }
}

/// Why a photo could not be shown. Each reads as one line under the placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoError {
    Unsupported(&'static str),
    WebPage,
    Pdf,
    Empty,
    Unknown,
    TooLarge { width: u32, height: u32 },
    Corrupt(String),
    Crashed,
}

impl PhotoError {
    /// In the UI's language (`Display` is English, for logs).
    pub fn words(&self, t: &i18n::Texts) -> String {
        match self {
            PhotoError::Unsupported(format) => {
                i18n::tr_text!(t, "photo-unsupported", format = *format)
            }
            PhotoError::WebPage => i18n::tr_text!(t, "photo-web-page"),
            PhotoError::Pdf => i18n::tr_text!(t, "photo-pdf"),
            PhotoError::Empty => i18n::tr_text!(t, "photo-empty"),
            PhotoError::Unknown => i18n::tr_text!(t, "photo-unknown"),
            PhotoError::TooLarge { width, height } => i18n::tr_text!(
                t,
                "photo-too-large",
                width = width.to_string(),
                height = height.to_string()
            ),
            PhotoError::Corrupt(why) => i18n::tr_text!(t, "photo-corrupt", why = why.as_str()),
            PhotoError::Crashed => i18n::tr_text!(t, "photo-unreadable"),
        }
    }
}

i18n::display_in_english!(PhotoError);

/// An upright photo.
#[derive(Debug, Clone)]
pub struct DecodedPhoto {
    pub image: RgbaImage,
    pub format: PhotoFormat,
    /// EXIF orientation found (1 = none), as stored in the file.
    pub exif_orientation: u8,
}

/// Decodes `bytes` with the given limits. Never panics.
pub fn decode(bytes: &[u8], limits: &DecodeLimits) -> Result<DecodedPhoto, PhotoError> {
    catch_unwind(AssertUnwindSafe(|| decode_unguarded(bytes, limits)))
        .unwrap_or(Err(PhotoError::Crashed))
}

/// [`decode`] without the panic guard, for callers that have their own.
pub(super) fn decode_unguarded(
    bytes: &[u8],
    limits: &DecodeLimits,
) -> Result<DecodedPhoto, PhotoError> {
    let format = match sniff(bytes) {
        Sniffed::Supported(format) => format,
        Sniffed::Unsupported(name) => return Err(PhotoError::Unsupported(name)),
        Sniffed::WebPage => return Err(PhotoError::WebPage),
        Sniffed::Pdf => return Err(PhotoError::Pdf),
        Sniffed::Empty => return Err(PhotoError::Empty),
        Sniffed::Unknown => return Err(PhotoError::Unknown),
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.image_format());
    // The sides are checked below, where the photo's own size is known
    // for the message; `image` only caps its allocations.
    let mut image_limits = image::Limits::no_limits();
    image_limits.max_alloc = Some(limits.max_alloc_bytes);
    reader.limits(image_limits);
    let mut decoder = reader.into_decoder().map_err(|e| describe(e, None))?;
    let (width, height) = decoder.dimensions();
    limits.check(width, height)?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image =
        DynamicImage::from_decoder(decoder).map_err(|e| describe(e, Some((width, height))))?;
    image.apply_orientation(orientation);
    Ok(DecodedPhoto {
        image: image.into_rgba8(),
        format,
        exif_orientation: orientation.to_exif(),
    })
}

/// `image`'s errors in words; `size` is the photo's, once its header was read.
fn describe(error: image::ImageError, size: Option<(u32, u32)>) -> PhotoError {
    match (error, size) {
        (image::ImageError::Limits(_), Some((width, height))) => {
            PhotoError::TooLarge { width, height }
        }
        (image::ImageError::Unsupported(e), _) => {
            unreadable(DecoderFailure::Unsupported(e.to_string()))
        }
        (image::ImageError::IoError(e), _) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            unreadable(DecoderFailure::CutShort)
        }
        (other, _) => unreadable(DecoderFailure::Other(other.to_string())),
    }
}

/// How a decoder (`image`'s or jpeg-decoder's) failed on a file.
pub(super) enum DecoderFailure {
    /// A variant of the format it does not decode.
    Unsupported(String),
    CutShort,
    /// Anything else, in the decoder's words.
    Other(String),
}

/// One set of words for every decoder's failures.
pub(super) fn unreadable(failure: DecoderFailure) -> PhotoError {
    PhotoError::Corrupt(match failure {
        DecoderFailure::Unsupported(what) => format!("unsupported variant: {}", short(&what)),
        DecoderFailure::CutShort => "the file is cut short".into(),
        DecoderFailure::Other(message) => short(&message),
    })
}

fn short(text: &str) -> String {
    let mut out: String = text.chars().take(80).collect();
    if text.chars().count() > 80 {
        out.push('…');
    }
    out
}
