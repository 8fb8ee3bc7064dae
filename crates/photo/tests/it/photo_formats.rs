//! Photos as stores upload them: every supported format in true colours,
//! all eight EXIF orientations upright, transparency, 16-bit, and hostile
//! files (decompression bomb, truncated, HTML, HEIC/AVIF) refused with a
//! message instead of a crash.
// Tests read files and start servers freely; the rule is for the app.
#![allow(clippy::disallowed_methods)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use image::{ImageFormat, Rgba, RgbaImage};
use photo::{DecodeLimits, NEUTRAL_BACKGROUND, PhotoError, PhotoFormat, decode, prepare_photo};
use std::time::{Duration, Instant};
use testkit::photos::*;

fn fixture(name: &str) -> Vec<u8> {
    testkit::photo_fixture(name)
}

fn limits() -> DecodeLimits {
    DecodeLimits::default()
}

#[test]
fn every_supported_format_in_true_colours() {
    let picture = quadrants();
    let cases: Vec<(&str, Vec<u8>, PhotoFormat, i16)> = vec![
        (
            "baseline JPEG",
            encode(&picture, ImageFormat::Jpeg),
            PhotoFormat::Jpeg,
            30,
        ),
        (
            "progressive JPEG",
            fixture("progressive.jpg"),
            PhotoFormat::Jpeg,
            30,
        ),
        ("CMYK JPEG", fixture("cmyk.jpg"), PhotoFormat::Jpeg, 40),
        (
            "PNG",
            encode(&picture, ImageFormat::Png),
            PhotoFormat::Png,
            2,
        ),
        ("palette PNG", fixture("palette.png"), PhotoFormat::Png, 2),
        ("16-bit PNG", png16(), PhotoFormat::Png, 2),
        (
            "lossless WebP",
            encode(&picture, ImageFormat::WebP),
            PhotoFormat::WebP,
            2,
        ),
        ("lossy WebP", fixture("lossy.webp"), PhotoFormat::WebP, 40),
        (
            "GIF (first frame)",
            encode(&picture, ImageFormat::Gif),
            PhotoFormat::Gif,
            12,
        ),
        (
            "BMP",
            encode(&picture, ImageFormat::Bmp),
            PhotoFormat::Bmp,
            2,
        ),
        (
            "TIFF",
            encode(&picture, ImageFormat::Tiff),
            PhotoFormat::Tiff,
            2,
        ),
    ];
    for (what, bytes, format, tolerance) in cases {
        let prepared =
            prepare_photo(&bytes, 64, &limits()).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(prepared.format, format, "{what}");
        assert_eq!((prepared.width, prepared.height), (64, 48), "{what}");
        assert_eq!(prepared.texture.dimensions(), (64, 48), "{what}");
        assert_upright(&prepared.texture, what, tolerance);
    }
}

#[test]
fn grayscale_jpeg_stays_grey() {
    let prepared = prepare_photo(&fixture("grayscale.jpg"), 64, &limits()).unwrap();
    for [r, g, b] in quadrant_colours(&prepared.texture) {
        assert!(r == g && g == b, "grey pixels: {r} {g} {b}");
    }
    let [_, _, _, white] = quadrant_colours(&prepared.texture);
    assert!(white[0] > 240);
}

#[test]
fn all_eight_exif_orientations_come_out_upright() {
    for n in 1..=8 {
        let bytes = oriented_jpeg(n);
        let prepared = prepare_photo(&bytes, 64, &limits()).unwrap();
        assert_eq!(prepared.texture.dimensions(), (64, 48), "orientation {n}");
        assert_eq!(
            (prepared.width, prepared.height),
            (64, 48),
            "orientation {n}"
        );
        assert_upright(
            &prepared.texture,
            &format!("orientation {n} (fast path)"),
            30,
        );
        // The full decode (used without a frame) agrees.
        let full = decode(&bytes, &limits()).unwrap();
        assert_eq!(full.exif_orientation, n as u8);
        assert_upright(&full.image, &format!("orientation {n} (full decode)"), 30);
    }
}

#[test]
fn transparency_is_composited_over_neutral_grey() {
    let mut picture = quadrants();
    for y in 24..48 {
        for x in 32..64 {
            picture.put_pixel(x, y, Rgba([0, 0, 0, 0]));
        }
    }
    for format in [ImageFormat::Png, ImageFormat::WebP] {
        let prepared = prepare_photo(&encode(&picture, format), 64, &limits()).unwrap();
        let [red, _, _, transparent] = quadrant_colours(&prepared.texture);
        assert!(close(red, RED, 2), "{format:?}");
        assert_eq!(transparent, NEUTRAL_BACKGROUND, "{format:?}");
        assert!(
            prepared.texture.pixels().all(|p| p.0[3] == 255),
            "opaque texture"
        );
    }
}

#[test]
fn texture_fits_the_frame_and_is_never_enlarged_or_too_big() {
    let big = encode(&detailed(1600, 1200), ImageFormat::Jpeg);
    let prepared = prepare_photo(&big, 560, &limits()).unwrap();
    assert_eq!(prepared.texture.dimensions(), (560, 420));
    assert_eq!((prepared.width, prepared.height), (1600, 1200));
    let small = prepare_photo(&big, 5000, &limits()).unwrap();
    assert_eq!(small.texture.dimensions(), (1600, 1200), "never enlarged");
    let png = encode(&detailed(900, 300), ImageFormat::Png);
    assert_eq!(
        prepare_photo(&png, 300, &limits())
            .unwrap()
            .texture
            .dimensions(),
        (300, 100)
    );
}

#[test]
fn fast_path_looks_like_the_slow_path() {
    // The reduced-scale decode + SIMD Lanczos3 must not alias: compare it
    // with a full decode + image's Lanczos3 resize.
    let picture = detailed(2400, 1800);
    let bytes = encode(&picture, ImageFormat::Jpeg);
    let fast = prepare_photo(&bytes, 400, &limits()).unwrap().texture;
    let reference = image::imageops::resize(
        &image::load_from_memory(&bytes).unwrap().into_rgba8(),
        400,
        300,
        image::imageops::FilterType::Lanczos3,
    );
    assert_eq!(fast.dimensions(), reference.dimensions());
    let total: u64 = fast
        .pixels()
        .zip(reference.pixels())
        .flat_map(|(a, b)| {
            a.0.iter()
                .zip(b.0)
                .take(3)
                .map(|(x, y)| u64::from(x.abs_diff(y)))
                .collect::<Vec<_>>()
        })
        .sum();
    let mean = total as f64 / (400.0 * 300.0 * 3.0);
    assert!(mean < 6.0, "mean difference {mean:.2} per channel");
}

fn resident_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse::<u64>().ok())
        .unwrap_or(0)
        * 4096
}

#[test]
fn decompression_bomb_is_refused_at_once() {
    let bomb = png_claiming(30_000, 30_000);
    assert!(bomb.len() < 100);
    let before = resident_bytes();
    let started = Instant::now();
    let err = prepare_photo(&bomb, 560, &limits()).unwrap_err();
    let elapsed = started.elapsed();
    assert_eq!(
        err,
        PhotoError::TooLarge {
            width: 30_000,
            height: 30_000
        },
        "the photo's own size, not the limits"
    );
    assert!(err.to_string().contains("too large"));
    assert!(elapsed < Duration::from_millis(200), "took {elapsed:?}");
    assert!(
        resident_bytes().saturating_sub(before) < 64 * 1024 * 1024,
        "memory grew"
    );

    // Within the side limit but over the pixel budget.
    let err = decode(&png_claiming(16_000, 9_000), &limits()).unwrap_err();
    assert!(matches!(err, PhotoError::TooLarge { .. }), "{err:?}");

    // The same for a JPEG header: 20000×20000 claimed by a few bytes.
    let mut jpeg = encode(&quadrants(), ImageFormat::Jpeg);
    let sof = jpeg.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    jpeg[sof + 5..sof + 9].copy_from_slice(&[0x4E, 0x20, 0x4E, 0x20]);
    let err = prepare_photo(&jpeg, 560, &limits()).unwrap_err();
    assert!(
        matches!(
            err,
            PhotoError::TooLarge {
                width: 20_000,
                height: 20_000
            }
        ),
        "{err:?}"
    );
}

#[test]
fn broken_and_foreign_files_get_messages() {
    let jpeg = encode(&detailed(640, 480), ImageFormat::Jpeg);
    for cut in [10, 200, jpeg.len() / 2, jpeg.len() - 3] {
        // A truncated JPEG gives a message or a partial picture; never a panic.
        match prepare_photo(&jpeg[..cut], 560, &limits()) {
            Ok(p) => assert_eq!(p.texture.dimensions(), (560, 420)),
            Err(e) => assert!(matches!(e, PhotoError::Corrupt(_)), "cut at {cut}: {e:?}"),
        }
    }
    let html = b"<!DOCTYPE html><html><body>Sign in to the proxy</body></html>";
    assert_eq!(
        prepare_photo(html, 560, &limits()).unwrap_err(),
        PhotoError::WebPage
    );
    let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic\0\0\0\0";
    let err = prepare_photo(heic, 560, &limits()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "This photo's format (HEIC) isn't supported."
    );
    let avif = b"\0\0\0\x1cftypavif\0\0\0\0avifmif1";
    assert_eq!(
        prepare_photo(avif, 560, &limits()).unwrap_err(),
        PhotoError::Unsupported("AVIF")
    );
    assert_eq!(
        prepare_photo(b"", 560, &limits()).unwrap_err(),
        PhotoError::Empty
    );
    let mut garbage = vec![0xFF, 0xD8, 0xFF];
    garbage.extend((0..5000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    assert!(prepare_photo(&garbage, 560, &limits()).is_err());
    let png = encode(&quadrants(), ImageFormat::Png);
    let mut flipped = png.clone();
    flipped[40] ^= 0xFF; // corrupt the IDAT data
    assert!(matches!(
        prepare_photo(&flipped, 560, &limits()),
        Err(PhotoError::Corrupt(_)) | Ok(_)
    ));
    let _ = RgbaImage::new(1, 1);
}
