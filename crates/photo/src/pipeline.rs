//! Bytes → a display-ready texture for a square frame, as fast as the
//! stack allows.
//!
//! The obvious path (decode the whole photo, then resize with Lanczos3)
//! spends most of its time producing pixels that are thrown away: a 12 MP
//! phone photo shown in a 560-pixel frame. For JPEG this decodes at reduced
//! scale instead (the IDCT emits 1/2, 1/4 or 1/8 of each 8×8 block, as
//! libjpeg-turbo's `-scale` does), never below the frame size, then resizes
//! the rest of the way with SIMD Lanczos3 (`fast_image_resize`). Other
//! formats decode in full and share the fast resize. EXIF orientation is
//! applied to the small image, after resizing, where it is cheap.

use super::decode::{DecodeLimits, DecoderFailure, PhotoError, decode_unguarded, unreadable};
use super::format::{PhotoFormat, Sniffed, sniff};
use super::prepare::{fitted_size, flatten_alpha};
use image::metadata::Orientation;
use image::{DynamicImage, RgbaImage};
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A photo ready to upload as a texture.
#[derive(Debug, Clone)]
pub struct PreparedPhoto {
    /// Pixels sized for the frame, upright, opaque.
    pub texture: RgbaImage,
    pub format: PhotoFormat,
    /// The whole photo's size once upright (before scaling).
    pub width: u32,
    pub height: u32,
}

/// Prepares `bytes` for a square frame of `frame_px` pixels. Never panics;
/// a decoder that does is reported as "the photo couldn't be read".
pub fn prepare_photo(
    bytes: &[u8],
    frame_px: u32,
    limits: &DecodeLimits,
) -> Result<PreparedPhoto, PhotoError> {
    catch_unwind(AssertUnwindSafe(|| {
        prepare_unguarded(bytes, frame_px, limits)
    }))
    .unwrap_or(Err(PhotoError::Crashed))
}

fn prepare_unguarded(
    bytes: &[u8],
    frame_px: u32,
    limits: &DecodeLimits,
) -> Result<PreparedPhoto, PhotoError> {
    if sniff(bytes) == Sniffed::Supported(PhotoFormat::Jpeg) && worth_scaled_decode(bytes, frame_px)
    {
        return prepare_jpeg(bytes, frame_px, limits);
    }
    prepare_full(bytes, frame_px, limits)
}

/// True when the JPEG is at least twice the frame, so the IDCT can skip
/// work; smaller ones decode faster in full with `image`'s decoder.
fn worth_scaled_decode(bytes: &[u8], frame_px: u32) -> bool {
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    match decoder.read_info().ok().and(decoder.info()) {
        Some(info) => u32::from(info.width.max(info.height)) >= frame_px.saturating_mul(2),
        // Let the scaled path report what is wrong with the header.
        None => true,
    }
}

/// Full decode, then the fast resize.
fn prepare_full(
    bytes: &[u8],
    frame_px: u32,
    limits: &DecodeLimits,
) -> Result<PreparedPhoto, PhotoError> {
    let decoded = decode_unguarded(bytes, limits)?;
    let (width, height) = decoded.image.dimensions();
    let (w, h) = fitted_size(width, height, frame_px);
    let mut texture = resize_rgba(decoded.image, w, h)?;
    flatten_alpha(&mut texture);
    Ok(PreparedPhoto {
        texture,
        format: decoded.format,
        width,
        height,
    })
}

fn corrupt(error: jpeg_decoder::Error) -> PhotoError {
    unreadable(match error {
        jpeg_decoder::Error::Unsupported(what) => DecoderFailure::Unsupported(format!("{what:?}")),
        jpeg_decoder::Error::Io(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            DecoderFailure::CutShort
        }
        other => DecoderFailure::Other(format!("invalid JPEG: {other}")),
    })
}

fn prepare_jpeg(
    bytes: &[u8],
    frame_px: u32,
    limits: &DecodeLimits,
) -> Result<PreparedPhoto, PhotoError> {
    let mut decoder = jpeg_decoder::Decoder::new(Cursor::new(bytes));
    decoder.read_info().map_err(corrupt)?;
    let info = decoder
        .info()
        .ok_or_else(|| PhotoError::Corrupt("no JPEG header".into()))?;
    let (stored_w, stored_h) = (u32::from(info.width), u32::from(info.height));
    limits.check(stored_w, stored_h)?;
    // The frame is square, so the fitted size of the stored image is the
    // fitted size of the upright one with its sides swapped, if rotated.
    let (target_w, target_h) = fitted_size(stored_w, stored_h, frame_px);
    let requested = (
        u16::try_from(target_w).unwrap_or(u16::MAX),
        u16::try_from(target_h).unwrap_or(u16::MAX),
    );
    decoder.scale(requested.0, requested.1).map_err(corrupt)?;
    let pixels = decoder.decode().map_err(corrupt)?;
    let info = decoder
        .info()
        .ok_or_else(|| PhotoError::Corrupt("no JPEG header".into()))?;
    let (w, h) = (u32::from(info.width), u32::from(info.height));
    let rgba = to_rgba(&pixels, w, h, info.pixel_format)?;
    let orientation = decoder
        .exif_data()
        .and_then(Orientation::from_exif_chunk)
        .unwrap_or(Orientation::NoTransforms);
    let resized = resize_rgba(rgba, target_w, target_h)?;
    let mut upright = DynamicImage::ImageRgba8(resized);
    upright.apply_orientation(orientation);
    let swaps = matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    );
    let (width, height) = if swaps {
        (stored_h, stored_w)
    } else {
        (stored_w, stored_h)
    };
    Ok(PreparedPhoto {
        texture: upright.into_rgba8(),
        format: PhotoFormat::Jpeg,
        width,
        height,
    })
}

/// jpeg-decoder's output → RGBA. CMYK arrives as ink amounts (Adobe's
/// inverted storage already undone), so white paper is (0, 0, 0, 0).
fn to_rgba(
    pixels: &[u8],
    w: u32,
    h: u32,
    format: jpeg_decoder::PixelFormat,
) -> Result<RgbaImage, PhotoError> {
    let count = w as usize * h as usize;
    let needed = count * format.pixel_bytes();
    let pixels = pixels
        .get(..needed)
        .ok_or_else(|| PhotoError::Corrupt("the file is cut short".into()))?;
    let mut out = Vec::with_capacity(count * 4);
    match format {
        jpeg_decoder::PixelFormat::L8 => pixels
            .iter()
            .for_each(|&l| out.extend_from_slice(&[l, l, l, 255])),
        // Big-endian 16-bit: the high byte is the 8-bit value.
        jpeg_decoder::PixelFormat::L16 => pixels
            .chunks_exact(2)
            .for_each(|p| out.extend_from_slice(&[p[0], p[0], p[0], 255])),
        jpeg_decoder::PixelFormat::RGB24 => pixels
            .chunks_exact(3)
            .for_each(|p| out.extend_from_slice(&[p[0], p[1], p[2], 255])),
        jpeg_decoder::PixelFormat::CMYK32 => pixels.chunks_exact(4).for_each(|p| {
            let k = 255 - u16::from(p[3]);
            let channel = |ink: u8| ((255 - u16::from(ink)) * k / 255) as u8;
            out.extend_from_slice(&[channel(p[0]), channel(p[1]), channel(p[2]), 255]);
        }),
    }
    RgbaImage::from_raw(w, h, out)
        .ok_or_else(|| PhotoError::Corrupt("pixel data does not match the size".into()))
}

/// Lanczos3 resize with SIMD (alpha-aware); returns the input if the size
/// already matches.
fn resize_rgba(image: RgbaImage, w: u32, h: u32) -> Result<RgbaImage, PhotoError> {
    use fast_image_resize::{
        FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer, images::Image,
    };
    if image.dimensions() == (w, h) {
        return Ok(image);
    }
    let (sw, sh) = image.dimensions();
    let source = Image::from_vec_u8(sw, sh, image.into_raw(), PixelType::U8x4)
        .map_err(|e| PhotoError::Corrupt(e.to_string()))?;
    let mut target = Image::new(w, h, PixelType::U8x4);
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    Resizer::new()
        .resize(&source, &mut target, &options)
        .map_err(|e| PhotoError::Corrupt(e.to_string()))?;
    RgbaImage::from_raw(w, h, target.into_vec())
        .ok_or_else(|| PhotoError::Corrupt("resize failed".into()))
}
