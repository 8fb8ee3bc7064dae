//! Photo fixtures made in code: the four-quadrant test picture in every
//! format the `image` crate can encode, EXIF orientations, and hostile
//! files. The few it cannot encode are committed under `fixtures/photos/`
//! ([`crate::photo_fixture`]), made by `fixtures/make_photos.sh`.

use demo::photos::{self as demo_photos, with_exif_orientation};
use image::codecs::gif::GifEncoder;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{DynamicImage, ImageEncoder, ImageFormat, Rgba, RgbaImage, imageops};
use std::io::Cursor;

pub const RED: [u8; 3] = [220, 30, 30];
pub const GREEN: [u8; 3] = [30, 200, 40];
pub const BLUE: [u8; 3] = [30, 40, 220];
pub const WHITE: [u8; 3] = [255, 255, 255];

/// 64×48: red top-left, green top-right, blue bottom-left, white bottom-right.
pub fn quadrants() -> RgbaImage {
    RgbaImage::from_fn(64, 48, |x, y| {
        let [r, g, b] = match (x < 32, y < 24) {
            (true, true) => RED,
            (false, true) => GREEN,
            (true, false) => BLUE,
            (false, false) => WHITE,
        };
        Rgba([r, g, b, 255])
    })
}

/// The colours at the centres of the four quadrants of `image`.
pub fn quadrant_colours(image: &RgbaImage) -> [[u8; 3]; 4] {
    let (w, h) = image.dimensions();
    let at = |x: u32, y: u32| {
        let p = image.get_pixel(x, y).0;
        [p[0], p[1], p[2]]
    };
    [
        at(w / 4, h / 4),
        at(3 * w / 4, h / 4),
        at(w / 4, 3 * h / 4),
        at(3 * w / 4, 3 * h / 4),
    ]
}

pub fn close(a: [u8; 3], b: [u8; 3], tolerance: i16) -> bool {
    a.iter()
        .zip(b)
        .all(|(x, y)| (i16::from(*x) - i16::from(y)).abs() <= tolerance)
}

/// Asserts the four quadrants are red, green, blue, white.
pub fn assert_upright(image: &RgbaImage, what: &str, tolerance: i16) {
    let found = quadrant_colours(image);
    for (got, want) in found.iter().zip([RED, GREEN, BLUE, WHITE]) {
        assert!(
            close(*got, want, tolerance),
            "{what}: quadrants {found:?}, expected red, green, blue, white"
        );
    }
}

pub fn encode(image: &RgbaImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    let rgb = DynamicImage::ImageRgba8(image.clone()).into_rgb8();
    match format {
        ImageFormat::Jpeg => JpegEncoder::new_with_quality(&mut out, 95)
            .encode_image(&rgb)
            .unwrap(),
        ImageFormat::Png => return demo_photos::png(image).unwrap(),
        ImageFormat::WebP => return demo_photos::webp_lossless(image).unwrap(),
        ImageFormat::Gif => {
            let mut encoder = GifEncoder::new(&mut out);
            encoder
                .encode_frame(image::Frame::new(image.clone()))
                .unwrap();
            // A second frame that must not be shown.
            let black = RgbaImage::from_pixel(image.width(), image.height(), Rgba([0, 0, 0, 255]));
            encoder.encode_frame(image::Frame::new(black)).unwrap();
        }
        other => DynamicImage::ImageRgb8(rgb)
            .write_to(&mut out, other)
            .unwrap(),
    }
    out.into_inner()
}

/// A 16-bit-per-channel PNG of the test picture.
pub fn png16() -> Vec<u8> {
    let wide = DynamicImage::ImageRgba8(quadrants()).into_rgb16();
    let mut out = Vec::new();
    PngEncoder::new(&mut out)
        .write_image(
            bytemuck_u16(wide.as_raw()).as_slice(),
            wide.width(),
            wide.height(),
            image::ExtendedColorType::Rgb16,
        )
        .unwrap();
    out
}

fn bytemuck_u16(values: &[u16]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_ne_bytes()).collect()
}

/// The stored pixels for EXIF orientation `n`: what, once the orientation
/// is applied as the EXIF spec says, displays as `upright`.
pub fn stored_for_orientation(upright: &RgbaImage, n: u16) -> RgbaImage {
    let (w, h) = upright.dimensions();
    match n {
        1 => upright.clone(),
        2 => imageops::flip_horizontal(upright),
        3 => imageops::rotate180(upright),
        4 => imageops::flip_vertical(upright),
        // Transpose: stored(x, y) = upright(y, x).
        5 => RgbaImage::from_fn(h, w, |x, y| *upright.get_pixel(y, x)),
        // Displayed = stored turned 90° clockwise, so store it turned back.
        6 => imageops::rotate270(upright),
        // Transverse: stored(x, y) = upright(w-1-y, h-1-x).
        7 => RgbaImage::from_fn(h, w, |x, y| *upright.get_pixel(w - 1 - y, h - 1 - x)),
        8 => imageops::rotate90(upright),
        _ => panic!("EXIF orientation is 1 to 8"),
    }
}

/// The test picture as a JPEG with EXIF orientation `n`.
pub fn oriented_jpeg(n: u16) -> Vec<u8> {
    with_exif_orientation(
        &encode(&stored_for_orientation(&quadrants(), n), ImageFormat::Jpeg),
        n,
    )
}

/// A valid PNG signature and header that claims `w`×`h`, with a tiny
/// (incomplete) image: a decompression bomb's calling card.
pub fn png_claiming(w: u32, h: u32) -> Vec<u8> {
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend_from_slice(&png_chunk(b"IHDR", &ihdr));
    out.extend_from_slice(&png_chunk(
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    out.extend_from_slice(&png_chunk(b"IEND", &[]));
    out
}

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut crc_input = kind.to_vec();
    crc_input.extend_from_slice(data);
    out.extend_from_slice(&crc32(&crc_input).to_be_bytes());
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A photo-like picture (see the demo's generator).
pub fn detailed(width: u32, height: u32) -> RgbaImage {
    demo::photos::photo_like(width, height)
}

/// How many pixels of `image` are within `tolerance` of `colour` (used to
/// find a photo on screen by its colours).
pub fn count_near(image: &RgbaImage, colour: [u8; 3], tolerance: i16) -> usize {
    image
        .pixels()
        .filter(|p| close([p.0[0], p.0[1], p.0[2]], colour, tolerance))
        .count()
}

/// Magenta: the middle of the picture pasted as Asha's new photo.
pub const PASTED: [u8; 3] = [200, 40, 200];

/// A phone-sized portrait picture of over 5 MB as PNG: grainy gradients
/// (grain does not compress) around a large magenta middle. egui's own
/// X11 paste (arboard) gave nothing for PNGs of 2 MB and more; the app
/// reads the clipboard itself.
pub fn picture_to_paste(path: &std::path::Path) {
    let image = image::RgbaImage::from_fn(1500, 2000, |x, y| {
        if (400..1100).contains(&x) && (600..1400).contains(&y) {
            return image::Rgba([PASTED[0], PASTED[1], PASTED[2], 255]);
        }
        let (fx, fy) = (x as f32 / 1500.0, y as f32 / 2000.0);
        let grain = (x.wrapping_mul(2_654_435_761) ^ y.wrapping_mul(40_503)) % 41;
        let wave = ((fx * 9.0).sin() * (fy * 7.0).cos() * 40.0) as i32 + grain as i32 - 20;
        let channel = |base: f32, span: f32| (base + span * fy).round() as i32 + wave;
        image::Rgba([
            channel(30.0, 190.0).clamp(0, 255) as u8,
            channel(90.0, 90.0).clamp(0, 255) as u8,
            channel(160.0, -40.0).clamp(0, 255) as u8,
            255,
        ])
    });
    image.save(path).unwrap();
}
