//! 1,000 lookups through the real app against the demo tenant, whose
//! answers arrive after random delays (so they overtake each other), with
//! lookups randomly superseded before they finish. After every settled
//! lookup the photo *painted on screen* must be the photo of the customer
//! whose name is shown, and memory must stay flat.
//!
//! "Painted" is taken from egui's output: a recording renderer keeps a
//! fingerprint of every texture the app uploads, and the shapes of the
//! last frame say which texture was drawn.
// Tests read files and start servers freely; the rule is for the app.
#![allow(clippy::disallowed_methods)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use crate::support;
use crate::support::ui::{WAIT, assert_shown, log_in, look_up, runtime, settled, wait_for};
use customer_lookup::testing::app::{App, StartOptions, texture_image};
use customer_lookup::testing::logic::photo_frame_px;
use demo::{DemoConfig, DemoServer};
use egui::epaint::textures::TexturesDelta;
use egui::epaint::{ImageData, Shape, TextureId};
use egui_kittest::{Harness, TestRenderer};
use photo::{DecodeLimits, prepare_photo};
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash as _, Hasher as _};
use std::sync::{Arc, Mutex};
use std::time::Duration;

const LOOKUPS: usize = 1_000;

/// A fingerprint of an image's size and every pixel.
fn fingerprint(image: &egui::ColorImage) -> u64 {
    let mut hasher = DefaultHasher::new();
    image.size.hash(&mut hasher);
    for pixel in &image.pixels {
        pixel.to_array().hash(&mut hasher);
    }
    hasher.finish()
}

/// Textures as the GPU would hold them: fingerprint by texture id.
type Uploaded = Arc<Mutex<HashMap<TextureId, u64>>>;

/// A renderer that records what is uploaded instead of drawing it.
struct RecordingRenderer {
    uploaded: Uploaded,
}

impl TestRenderer for RecordingRenderer {
    fn handle_delta(&mut self, delta: &mut TexturesDelta) {
        let mut uploaded = self.uploaded.lock().unwrap();
        for (id, deltas) in delta.set.drain() {
            for image_delta in deltas {
                let ImageData::Color(image) = &image_delta.image;
                if image_delta.pos.is_none() {
                    uploaded.insert(id, fingerprint(image));
                } else {
                    // A partial update (the font atlas): not a photo.
                    uploaded.remove(&id);
                }
            }
        }
        for id in delta.free.drain() {
            uploaded.remove(&id);
        }
    }

    fn render(
        &mut self,
        _ctx: &egui::Context,
        _output: &egui::FullOutput,
    ) -> Result<image::RgbaImage, String> {
        Err("the recording renderer does not draw".to_owned())
    }
}

/// Every texture drawn in the last frame, apart from the font atlas.
fn painted_textures(harness: &Harness<'_, App>) -> Vec<TextureId> {
    fn walk(shape: &Shape, out: &mut Vec<TextureId>) {
        if let Shape::Vec(shapes) = shape {
            shapes.iter().for_each(|s| walk(s, out));
        } else if shape.texture_id() != TextureId::default() {
            out.push(shape.texture_id());
        }
    }
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out.dedup();
    out
}

/// A small deterministic generator (xorshift64*), so a failure repeats.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    }
}

/// Resident memory of this process, in bytes (Linux).
fn resident_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
    let pages: u64 = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
    pages * 4096
}

/// The fingerprint of each demo customer's photo as the app would upload
/// it: the bytes the demo tenant serves, through the photo pipeline.
fn expected_photos(demo: &DemoServer, frame_px: u32) -> HashMap<i64, u64> {
    demo.customers()
        .iter()
        .filter_map(|customer| {
            let bytes = demo.photo_bytes(customer.id)?;
            let prepared = prepare_photo(&bytes, frame_px, &DecodeLimits::default()).unwrap();
            Some((customer.id, fingerprint(&texture_image(&prepared))))
        })
        .collect()
}

#[test]
fn a_thousand_racing_lookups_never_pair_a_name_with_another_photo() {
    // Its own process: resident memory counts the whole process.
    if !support::run_alone("stress::a_thousand_racing_lookups_never_pair_a_name_with_another_photo")
    {
        return;
    }
    let rt = runtime();
    let _guard = rt.enter();
    let demo_config = DemoConfig {
        jitter: Duration::from_millis(30),
        ..DemoConfig::default()
    };
    // The app starts its own demo tenant; this one only serves the photos
    // for the expected fingerprints (same customers, same photo bytes).
    let reference = DemoServer::start(DemoConfig::default()).unwrap();
    let expected = expected_photos(&reference, photo_frame_px(1.0));
    let mut distinct: Vec<u64> = expected.values().copied().collect();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), expected.len(), "demo photos must differ");
    assert!(
        expected.len() >= 5,
        "too few demo photos: {}",
        expected.len()
    );

    let uploaded: Uploaded = Arc::default();
    let mut harness = Harness::builder()
        .with_size([1000.0, 720.0])
        .renderer(RecordingRenderer {
            uploaded: uploaded.clone(),
        })
        .build_eframe(move |cc| {
            let mut app = App::with_settings(
                &cc.egui_ctx,
                None,
                StartOptions {
                    demo: true,
                    ..StartOptions::default()
                },
                demo_config,
                Default::default(),
            );
            // Every lookup downloads and decodes: photo jobs race too.
            app.set_photo_cache_budget(0);
            app
        });
    log_in(&mut harness);

    // Everyone a mobile number finds on its own (not someone whose mobile
    // is another customer's card: that scan is a choice).
    let all = reference.customers().to_vec();
    let everyone: Vec<_> = all
        .iter()
        .filter(|c| !c.mobile.is_empty() && !all.iter().any(|other| other.card == c.mobile))
        .cloned()
        .collect();
    let mut rng = Rng(0x5EED_CAFE_F00D_0001);
    let (mut checked, mut superseded, mut with_photo) = (0, 0, 0);
    let mut memory_after_warm_up = 0;
    for n in 0..LOOKUPS {
        let target = &everyone[rng.below(everyone.len() as u64) as usize];
        look_up(&mut harness, &target.mobile);
        // Four in ten are overtaken by the next lookup after a few frames.
        if n + 1 < LOOKUPS && rng.below(10) < 4 {
            for _ in 0..rng.below(4) {
                std::thread::sleep(Duration::from_millis(rng.below(15)));
                harness.step();
            }
            superseded += 1;
            continue;
        }
        wait_for(&mut harness, "the lookup to settle", WAIT, settled);
        let app = harness.state();
        let customer = app.state().customer().unwrap_or_else(|| {
            panic!(
                "lookup {n} of {} failed: {:?}",
                target.id,
                app.state().profile
            )
        });
        assert_eq!(customer.customer_id(), Some(target.id), "lookup {n}");
        let name = customer.display_name().unwrap();
        assert_shown(&harness, &name);

        let painted = painted_textures(&harness);
        let uploaded = uploaded.lock().unwrap();
        let photos: Vec<u64> = painted
            .iter()
            .filter_map(|id| uploaded.get(id).copied())
            .filter(|print| expected.values().any(|p| p == print))
            .collect();
        match expected.get(&target.id) {
            Some(print) => {
                assert_eq!(
                    photos,
                    vec![*print],
                    "lookup {n}: {name} is shown with another photo (or none)"
                );
                with_photo += 1;
            }
            None => assert!(photos.is_empty(), "lookup {n}: {name} has no photo"),
        }
        checked += 1;
        if n >= 100 && memory_after_warm_up == 0 {
            memory_after_warm_up = resident_bytes();
        }
    }
    let memory_at_end = resident_bytes();
    let growth = memory_at_end.saturating_sub(memory_after_warm_up);
    println!(
        "{LOOKUPS} lookups: {checked} checked on screen ({with_photo} with a photo), \
         {superseded} superseded; resident memory {:.1} MB after 100, {:.1} MB after \
         {LOOKUPS} (+{:.1} MB)",
        memory_after_warm_up as f64 / 1e6,
        memory_at_end as f64 / 1e6,
        growth as f64 / 1e6
    );
    assert!(checked > 400 && superseded > 250, "the mix was not random");
    assert!(
        growth < 24_000_000,
        "resident memory grew by {growth} bytes"
    );
}
