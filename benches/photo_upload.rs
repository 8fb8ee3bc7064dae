//! Preparing a 12 MP phone photo for upload (decode, orient, scale to
//! 1200 px, encode a metadata-free JPEG): `prepare_upload` against the
//! obvious path (`image` decode in full, orientation, Lanczos3 resize, JPEG
//! encode) measured in the same run. Target: under 300 ms on the 2-core
//! build machine; the app runs it off the UI thread either way.
//!
//! Run: `cargo bench --bench photo_upload`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)] // a benchmark reports on stdout

use demo::photos::{jpeg, photo_like, with_exif_orientation};
use image::ImageDecoder as _;
use photo::{DecodeLimits, UPLOAD_QUALITY, fitted_size, prepare_upload};
use std::hint::black_box;
use std::io::Cursor;
use std::time::{Duration, Instant};

/// Runs `f` until `budget` is spent (at least 5 times); the median.
fn time(budget: Duration, mut f: impl FnMut()) -> Duration {
    f(); // warm up
    let started = Instant::now();
    let mut samples = Vec::new();
    while samples.len() < 5 || (started.elapsed() < budget && samples.len() < 100) {
        let t = Instant::now();
        f();
        samples.push(t.elapsed());
    }
    samples.sort();
    samples[samples.len() / 2]
}

fn obvious_path(bytes: &[u8]) -> Vec<u8> {
    let mut decoder = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .unwrap()
        .into_decoder()
        .unwrap();
    let orientation = decoder.orientation().unwrap();
    let mut image = image::DynamicImage::from_decoder(decoder).unwrap();
    image.apply_orientation(orientation);
    let (w, h) = fitted_size(image.width(), image.height(), 1200);
    let resized = image
        .resize(w, h, image::imageops::FilterType::Lanczos3)
        .into_rgb8();
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, UPLOAD_QUALITY)
        .encode_image(&resized)
        .unwrap();
    out
}

fn main() {
    // 4000×3000 stored sideways, as a phone writes a portrait photo.
    let stored = photo_like(4000, 3000);
    let bytes = with_exif_orientation(&jpeg(&stored, 90).unwrap(), 6);
    let limits = DecodeLimits::default();
    let upload = prepare_upload(&bytes, &limits).unwrap();
    println!(
        "12 MP phone photo: {:.1} MB in → {}×{} JPEG q{}, {} KB out",
        bytes.len() as f64 / 1e6,
        upload.width,
        upload.height,
        upload.quality,
        upload.jpeg.len() / 1024
    );
    let budget = Duration::from_secs(8);
    let baseline = time(budget, || {
        black_box(obvious_path(black_box(&bytes)));
    });
    let ours = time(budget, || {
        black_box(prepare_upload(black_box(&bytes), &limits).unwrap());
    });
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "obvious path (full decode, orient, Lanczos3, encode): {:8.1} ms",
        ms(baseline)
    );
    println!(
        "prepare_upload:                                       {:8.1} ms",
        ms(ours)
    );
    println!(
        "speed-up: {:.1}×; target under 300 ms: {}",
        baseline.as_secs_f64() / ours.as_secs_f64(),
        if ms(ours) < 300.0 { "met" } else { "MISSED" }
    );
}
