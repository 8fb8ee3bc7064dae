//! A whole shift without a restart: the real `App` (driven through
//! egui_kittest, against the demo tenant) through 2,000 lookups with
//! photos, 50 idle locks each followed by signing in again, and 20 photo
//! changes (a pasted picture, cropped and sent with Enter). Resident memory,
//! open file descriptors, threads and live textures are sampled every 100
//! lookups, in two series: just after a lock (everything of the session
//! wiped) and in the middle of a session (the photo cache full, the
//! connections open). Each series is compared with its own first sample
//! after the warm-up (the first half of the shift): every measure must stay
//! within 10 % (or one unit, for small counts). The run fails when one
//! does not.
//!
//! Run: `cargo bench --bench shift`. Results in BENCHMARKS.md.
// Benchmarks read /proc and start servers freely; the rule is for the app.
#![allow(clippy::disallowed_methods)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)] // a benchmark reports on stdout

use capillary::ClientConfig;
use customer_lookup::testing::app::{App, StartOptions};
use customer_lookup::testing::state::{Panel, PhotoEditStage, PhotoSlot, ProfileState};
use demo::{DEMO_PASSWORD, DemoConfig};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::sync::Arc;
use std::time::{Duration, Instant};

const LOOKUPS: usize = 2_000;
const LOCK_EVERY: usize = LOOKUPS / 50;
const PHOTO_CHANGE_EVERY: usize = LOOKUPS / 20;
const SAMPLE_EVERY: usize = 100;
/// The first half of the shift. Resident memory after a lock steps up
/// once, by about 8 MB, somewhere in the first thousand lookups of some
/// runs (0.1 % in others), then stays within 1 %: the allocator keeping
/// pages of its per-thread arenas for the photo decodes, not a leak (fds,
/// threads and textures do not move). The gate is the second half: a leak
/// grows there too.
const WARM_UP: usize = LOOKUPS / 2;
const LOCK_AFTER_SECS: u64 = 60;
const WAIT: Duration = Duration::from_secs(20);
/// Demo customers with a photo, by card; Asha's photo is the one changed.
const CARDS: [&str; 6] = [
    "DEMO0001", "DEMO0002", "DEMO0003", "DEMO0004", "DEMO0005", "DEMO0006",
];

#[derive(Debug, Clone, Copy)]
struct Sample {
    lookups: usize,
    /// Taken just after an idle lock and sign-in.
    after_lock: bool,
    resident_mb: f64,
    fds: usize,
    threads: usize,
    textures: usize,
}

fn resident_mb() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: f64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0.0);
    pages * 4096.0 / 1_048_576.0
}

fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd").map_or(0, Iterator::count)
}

fn threads() -> usize {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

fn sample(harness: &Harness<'_, App>, lookups: usize) -> Sample {
    Sample {
        lookups,
        after_lock: lookups.is_multiple_of(LOCK_EVERY),
        resident_mb: resident_mb(),
        fds: open_fds(),
        threads: threads(),
        textures: harness.ctx.tex_manager().read().num_allocated(),
    }
}

fn wait_for(harness: &mut Harness<'_, App>, what: &str, done: impl Fn(&App) -> bool) {
    let started = Instant::now();
    loop {
        harness.step();
        if done(harness.state()) {
            harness.run_steps(2);
            return;
        }
        assert!(started.elapsed() < WAIT, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn settled_with_photo(app: &App) -> bool {
    matches!(&app.state().profile, ProfileState::Loaded(p)
        if matches!(p.photo, PhotoSlot::Shown(_))
            && !matches!(p.loyalty, Panel::Loading)
            && !matches!(p.purchases, Panel::Loading))
}

fn look_up(harness: &mut Harness<'_, App>, card: &str) {
    harness.get_by_label("Customer identifier").type_text(card);
    harness.step();
    harness.key_press(egui::Key::Enter);
    wait_for(harness, card, settled_with_photo);
}

/// Leaves the app alone past the lock, then signs in again.
fn lock_and_sign_in(harness: &mut Harness<'_, App>) {
    harness
        .state_mut()
        .advance_clock(Duration::from_secs(LOCK_AFTER_SECS + 1));
    wait_for(harness, "the lock", |app| app.state().session.is_none());
    harness.get_by_label("Password").type_text(DEMO_PASSWORD);
    harness.step();
    harness.key_press(egui::Key::Enter);
    wait_for(harness, "signing in", |app| app.state().session.is_some());
}

/// Pastes a new photo for the customer on screen and sends it.
fn change_photo(harness: &mut Harness<'_, App>, picture: &Arc<egui::ColorImage>) {
    let before = harness.state().state().current_lookup;
    harness.event(egui::Event::PasteImage(picture.clone()));
    wait_for(harness, "the crop preview", |app| {
        matches!(
            app.state().photo_edit.as_ref().map(|e| &e.stage),
            Some(PhotoEditStage::Cropping(_))
        )
    });
    harness.key_press(egui::Key::Enter);
    wait_for(harness, "the new photo", |app| {
        app.state().photo_edit.is_none()
            && app.state().current_lookup > before
            && settled_with_photo(app)
    });
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let _entered = runtime.enter();
    let options = StartOptions {
        demo: true,
        lock_after_secs: Some(LOCK_AFTER_SECS),
        ..StartOptions::default()
    };
    let mut harness = Harness::builder()
        .with_size([1040.0, 720.0])
        .build_eframe(move |cc| {
            App::with_settings(
                &cc.egui_ctx,
                None,
                options,
                DemoConfig::default(),
                ClientConfig::default(),
            )
        });
    harness.run_steps(3);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "signing in", |app| {
        app.state().session.is_some()
    });

    let photo = demo::photos::photo_like(1200, 1600);
    let picture = Arc::new(egui::ColorImage::from_rgba_unmultiplied(
        [1200, 1600],
        photo.as_raw(),
    ));
    let started = Instant::now();
    let (mut locks, mut changes) = (0, 0);
    let mut samples = vec![sample(&harness, 0)];
    for n in 1..=LOOKUPS {
        look_up(&mut harness, CARDS[n % CARDS.len()]);
        if n.is_multiple_of(PHOTO_CHANGE_EVERY) {
            look_up(&mut harness, CARDS[0]);
            change_photo(&mut harness, &picture);
            changes += 1;
        }
        if n.is_multiple_of(LOCK_EVERY) {
            lock_and_sign_in(&mut harness);
            locks += 1;
        }
        if n.is_multiple_of(SAMPLE_EVERY) {
            samples.push(sample(&harness, n));
        }
    }
    let elapsed = started.elapsed();

    println!(
        "{LOOKUPS} lookups with photos, {locks} idle locks and sign-ins, {changes} photo \
         changes in {:.0} s",
        elapsed.as_secs_f64()
    );
    println!("| lookups | when | resident MB | open fds | threads | live textures |");
    println!("|---|---|---|---|---|---|");
    for s in &samples {
        println!(
            "| {} | {} | {:.1} | {} | {} | {} |",
            s.lookups,
            if s.after_lock {
                "after a lock"
            } else {
                "mid-session"
            },
            s.resident_mb,
            s.fds,
            s.threads,
            s.textures
        );
    }
    let mut grew = Vec::new();
    for (series, after_lock) in [("after a lock", true), ("mid-session", false)] {
        let series_samples: Vec<Sample> = samples
            .iter()
            .filter(|s| s.after_lock == after_lock && s.lookups >= WARM_UP)
            .copied()
            .collect();
        let Some(base) = series_samples.first().copied() else {
            continue;
        };
        let peak = |f: fn(&Sample) -> f64| series_samples.iter().map(f).fold(f64::MIN, f64::max);
        let measures: [(&str, f64, f64); 4] = [
            ("resident MB", base.resident_mb, peak(|s| s.resident_mb)),
            ("open fds", base.fds as f64, peak(|s| s.fds as f64)),
            ("threads", base.threads as f64, peak(|s| s.threads as f64)),
            (
                "live textures",
                base.textures as f64,
                peak(|s| s.textures as f64),
            ),
        ];
        for (what, first, highest) in measures {
            println!(
                "{series}, {what}: highest / first after warm-up (at {} lookups) = \
                 {highest:.1} / {first:.1} = {:.3}",
                base.lookups,
                highest / first.max(1.0)
            );
            // Small counts move by whole units: one more thread of 20 is
            // not a leak, so the margin is 10 % or one unit, whichever is more.
            if highest > (first * 1.10).max(first + 1.0) {
                grew.push(format!("{what} ({series})"));
            }
        }
    }
    assert!(
        grew.is_empty(),
        "grew by more than 10 % over the shift: {grew:?}"
    );
    println!("flat over the shift (within 10 % after warm-up)");
}
