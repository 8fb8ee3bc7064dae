//! Made-up portraits for the demo customers, drawn in code (no real person's
//! photo ships with the app) and encoded in the formats stores upload.

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::codecs::webp::WebPEncoder;
use image::{ImageEncoder, Rgb, RgbImage, Rgba, RgbaImage, imageops};

/// Colours that make one portrait recognisable.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    pub background: [u8; 3],
    pub skin: [u8; 3],
    pub hair: [u8; 3],
    pub shirt: [u8; 3],
}

/// How a demo photo is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoFormat {
    Jpeg,
    /// A JPEG stored rotated, with EXIF orientation 6 ("rotate 90° clockwise
    /// to display"), as phones write them.
    JpegExifRotated,
    /// PNG with a transparent background.
    Png,
    /// Lossless WebP (the `image` crate encodes only lossless).
    WebP,
}

/// Width and height of an upright demo portrait.
pub const PORTRAIT_SIZE: (u32, u32) = (480, 600);

/// Draws an upright portrait: gradient background, shoulders, head, hair,
/// eyes, plus fine noise so it compresses like a photo, not a flat drawing.
pub fn portrait(look: Look, transparent_background: bool) -> RgbaImage {
    let (w, h) = PORTRAIT_SIZE;
    let (wf, hf) = (w as f32, h as f32);
    RgbaImage::from_fn(w, h, |x, y| {
        let (xf, yf) = (x as f32, y as f32);
        let inside = |cx: f32, cy: f32, rx: f32, ry: f32| {
            let dx = (xf - cx) / rx;
            let dy = (yf - cy) / ry;
            dx * dx + dy * dy <= 1.0
        };
        let head = inside(wf * 0.5, hf * 0.42, wf * 0.2, hf * 0.2);
        let hair = inside(wf * 0.5, hf * 0.32, wf * 0.23, hf * 0.15) && yf < hf * 0.36;
        let eye = inside(wf * 0.42, hf * 0.42, 9.0, 7.0) || inside(wf * 0.58, hf * 0.42, 9.0, 7.0);
        let mouth = inside(wf * 0.5, hf * 0.52, 30.0, 6.0);
        let shoulders = inside(wf * 0.5, hf * 1.02, wf * 0.45, hf * 0.32);
        let (colour, alpha) = if eye {
            ([40, 30, 30], 255)
        } else if mouth && head {
            ([150, 60, 60], 255)
        } else if hair {
            (look.hair, 255)
        } else if head {
            (look.skin, 255)
        } else if shoulders {
            (look.shirt, 255)
        } else {
            let shade = 1.0 - 0.35 * yf / hf;
            (
                look.background.map(|c| (f32::from(c) * shade) as u8),
                if transparent_background { 0 } else { 255 },
            )
        };
        let noise = (hash(x, y) % 13) as i16 - 6;
        let [r, g, b] = colour.map(|c| (i16::from(c) + noise).clamp(0, 255) as u8);
        Rgba([r, g, b, alpha])
    })
}

fn hash(x: u32, y: u32) -> u32 {
    let mut v = x.wrapping_mul(0x9E37_79B1) ^ y.wrapping_mul(0x85EB_CA77);
    v ^= v >> 15;
    v = v.wrapping_mul(0x2C1B_3C6D);
    v ^ (v >> 12)
}

/// Encodes a portrait as `format`. Encoding into memory cannot fail for
/// these sizes; an error here is a bug in this module.
pub fn encode(look: Look, format: PhotoFormat) -> Result<Vec<u8>, image::ImageError> {
    Ok(match format {
        PhotoFormat::Jpeg => jpeg(&portrait(look, false), 88)?,
        PhotoFormat::JpegExifRotated => {
            // Stored turned 90° anticlockwise; orientation 6 turns it back.
            let stored = imageops::rotate270(&portrait(look, false));
            with_exif_orientation(&jpeg(&stored, 88)?, 6)
        }
        PhotoFormat::Png => png(&portrait(look, true))?,
        PhotoFormat::WebP => webp_lossless(&portrait(look, false))?,
    })
}

fn to_rgb(rgba: &RgbaImage) -> RgbImage {
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let Rgba([r, g, b, _]) = *rgba.get_pixel(x, y);
        Rgb([r, g, b])
    })
}

/// Inserts an EXIF APP1 segment holding only an orientation tag right after
/// the JPEG's SOI marker.
pub fn with_exif_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut app1 = Vec::with_capacity(40);
    app1.extend_from_slice(&[0xFF, 0xE1, 0x00, 34]); // APP1, length 34 (includes itself)
    app1.extend_from_slice(b"Exif\0\0");
    app1.extend_from_slice(b"MM\0\x2A\0\0\0\x08"); // big-endian TIFF, IFD at 8
    app1.extend_from_slice(&[0x00, 0x01]); // one entry
    app1.extend_from_slice(&[0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01]); // Orientation, SHORT, 1
    app1.extend_from_slice(&orientation.to_be_bytes());
    app1.extend_from_slice(&[0x00, 0x00]); // value padding
    app1.extend_from_slice(&[0x00, 0x00, 0x00, 0x00]); // no next IFD
    let mut out = Vec::with_capacity(jpeg.len() + app1.len());
    out.extend_from_slice(jpeg.get(..2).unwrap_or_default());
    out.extend_from_slice(&app1);
    out.extend_from_slice(jpeg.get(2..).unwrap_or_default());
    out
}

/// A photo-like picture of any size: gradients, edges and noise, so it
/// compresses and decodes like a real photo rather than flat colour. Used
/// for large test photos and the benchmarks.
#[cfg(feature = "testing")]
pub fn photo_like(width: u32, height: u32) -> RgbaImage {
    RgbaImage::from_fn(width, height, |x, y| {
        let (fx, fy) = (x as f32 / width as f32, y as f32 / height as f32);
        let noise = ((hash(x, y) >> 24) as f32 / 255.0 - 0.5) * 40.0;
        let stripes = ((fx * 60.0).sin() * (fy * 45.0).cos()) * 50.0;
        let r = 128.0 + 100.0 * (fx * 6.0).sin() + stripes + noise;
        let g = 128.0 + 90.0 * (fy * 5.0 + fx * 2.0).cos() + noise;
        let b = 128.0 + 80.0 * ((fx - fy) * 9.0).sin() - stripes + noise;
        Rgba([
            r.clamp(0.0, 255.0) as u8,
            g.clamp(0.0, 255.0) as u8,
            b.clamp(0.0, 255.0) as u8,
            255,
        ])
    })
}

/// Encodes any picture as a JPEG of the given quality (1–100).
pub fn jpeg(image: &RgbaImage, quality: u8) -> Result<Vec<u8>, image::ImageError> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality).encode_image(&to_rgb(image))?;
    Ok(out)
}

/// Encodes any picture as an RGBA PNG.
pub fn png(image: &RgbaImage) -> Result<Vec<u8>, image::ImageError> {
    let mut out = Vec::new();
    write_rgba(image, PngEncoder::new(&mut out))?;
    Ok(out)
}

/// Encodes any picture as a lossless RGBA WebP.
pub fn webp_lossless(image: &RgbaImage) -> Result<Vec<u8>, image::ImageError> {
    let mut out = Vec::new();
    write_rgba(image, WebPEncoder::new_lossless(&mut out))?;
    Ok(out)
}

fn write_rgba(image: &RgbaImage, encoder: impl ImageEncoder) -> Result<(), image::ImageError> {
    encoder.write_image(
        image.as_raw(),
        image.width(),
        image.height(),
        image::ExtendedColorType::Rgba8,
    )
}
