//! Photo pipeline benchmark: bytes → display-ready texture for a 560-pixel
//! frame (280 points, enlarged ×2, at 1 pixel per point), against the
//! obvious path (`image::load_from_memory` + `resize` with Lanczos3)
//! measured in the same run. Prints each case's median and the speed-up.
//! With libjpeg-turbo's `djpeg` installed (`libjpeg-turbo-progs`), also
//! times its own scaled decode of the same JPEG (`-scale 1/N`), minus the
//! cost of starting a process.
//!
//! Run: `cargo bench --bench photo_pipeline`.
// Tests read files and start servers freely; the rule is for the app.
#![allow(clippy::disallowed_methods)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)] // a benchmark reports on stdout

use demo::photos::{jpeg, photo_like, png, webp_lossless};
use photo::{DecodeLimits, fitted_size, prepare_photo};
use std::hint::black_box;
use std::process::Command;
use std::time::{Duration, Instant};

const FRAME: u32 = 560;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Runs `f` until `budget` is spent (at least 5 times) and returns the median.
fn time(budget: Duration, mut f: impl FnMut()) -> Duration {
    f(); // warm up
    let started = Instant::now();
    let mut samples = Vec::new();
    while samples.len() < 5 || (started.elapsed() < budget && samples.len() < 200) {
        let t = Instant::now();
        f();
        samples.push(t.elapsed());
    }
    median(samples)
}

fn obvious_path(bytes: &[u8]) -> image::RgbaImage {
    let image = image::load_from_memory(bytes).unwrap();
    let (w, h) = fitted_size(image.width(), image.height(), FRAME);
    image
        .resize(w, h, image::imageops::FilterType::Lanczos3)
        .into_rgba8()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// libjpeg-turbo's scaled decode of `bytes`, or `None` without `djpeg`.
fn djpeg_scaled(bytes: &[u8], width: u32, height: u32) -> Option<(Duration, u32)> {
    Command::new("djpeg").arg("-version").output().ok()?;
    let path = std::env::temp_dir().join(format!("bench-{width}x{height}.jpg"));
    std::fs::write(&path, bytes).ok()?;
    // The largest 1/N that stays at least as big as the frame, like the app.
    let scale = [8u32, 4, 2, 1]
        .into_iter()
        .find(|n| width.max(height) / n >= FRAME.min(width.max(height)))?;
    let run = |args: &[&str]| {
        time(Duration::from_secs(2), || {
            let status = Command::new("djpeg").args(args).output().unwrap().status;
            assert!(status.success());
        })
    };
    let path = path.to_str()?.to_owned();
    let scaled = run(&[
        "-scale",
        &format!("1/{scale}"),
        "-outfile",
        "/dev/null",
        &path,
    ]);
    let spawn_only = run(&["-version"]);
    Some((scaled.saturating_sub(spawn_only), scale))
}

fn main() {
    let limits = DecodeLimits::default();
    println!("Photo → texture for a {FRAME}px frame; median of repeated runs on this machine.");
    println!(
        "{:<28} {:>12} {:>12} {:>9}",
        "case", "obvious ms", "app ms", "speed-up"
    );
    let mut jpegs = Vec::new();
    for (name, w, h) in [
        ("JPEG 0.2 MP (516×387)", 516, 387),
        ("JPEG 2 MP (1632×1224)", 1632, 1224),
        ("JPEG 12 MP (4000×3000)", 4000, 3000),
    ] {
        jpegs.push((name, w, h, jpeg(&photo_like(w, h), 90).unwrap()));
    }
    let picture = photo_like(1632, 1224);
    let png = png(&picture).unwrap();
    let webp = webp_lossless(&picture).unwrap();

    let mut cases: Vec<(&str, u32, u32, Vec<u8>)> = jpegs.clone();
    cases.push(("PNG 2 MP", 1632, 1224, png));
    cases.push(("WebP lossless 2 MP", 1632, 1224, webp));
    for (name, _, _, bytes) in &cases {
        let budget = Duration::from_secs(4);
        let baseline = time(budget, || {
            black_box(obvious_path(black_box(bytes)));
        });
        let app = time(budget, || {
            black_box(prepare_photo(black_box(bytes), FRAME, &limits).unwrap());
        });
        println!(
            "{name:<28} {:>12.1} {:>12.1} {:>8.1}×",
            ms(baseline),
            ms(app),
            baseline.as_secs_f64() / app.as_secs_f64()
        );
    }

    println!();
    println!(
        "{:<28} {:>12} {:>12} {:>9}",
        "case", "djpeg ms", "app ms", "app/djpeg"
    );
    for (name, w, h, bytes) in &jpegs {
        let app = time(Duration::from_secs(3), || {
            black_box(prepare_photo(black_box(bytes), FRAME, &limits).unwrap());
        });
        match djpeg_scaled(bytes, *w, *h) {
            Some((turbo, scale)) => println!(
                "{:<28} {:>12.1} {:>12.1} {:>8.2}×   (djpeg -scale 1/{scale}, process start subtracted)",
                name,
                ms(turbo),
                ms(app),
                app.as_secs_f64() / turbo.as_secs_f64()
            ),
            None => println!(
                "{name:<28} {:>12} {:>12.1}   (install libjpeg-turbo-progs to compare)",
                "-",
                ms(app)
            ),
        }
    }
}
