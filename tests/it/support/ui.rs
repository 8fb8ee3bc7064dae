//! Helpers for driving the real [`App`] with egui_kittest.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use capillary::ClientConfig;
use customer_lookup::testing::app::{App, StartOptions};
use customer_lookup::testing::state::{Panel, PhotoSlot, ProfileState};
use demo::DemoConfig;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::time::{Duration, Instant};

/// A multi-thread runtime for the app's background jobs; keep the guard
/// of `enter()` alive for the whole test.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// The app on the demo tenant, as `--demo` opens it.
pub fn demo_app(demo: DemoConfig) -> Harness<'static, App> {
    demo_app_with(
        demo,
        StartOptions {
            demo: true,
            ..StartOptions::default()
        },
    )
}

/// The app on the demo tenant in a window of this size (points).
pub fn demo_app_sized(demo: DemoConfig, size: [f32; 2]) -> Harness<'static, App> {
    let options = StartOptions {
        demo: true,
        ..StartOptions::default()
    };
    Harness::builder().with_size(size).build_eframe(move |cc| {
        App::with_settings(&cc.egui_ctx, None, options, demo, ClientConfig::default())
    })
}

/// The app on the demo tenant with other start options.
pub fn demo_app_with(demo: DemoConfig, options: StartOptions) -> Harness<'static, App> {
    Harness::builder()
        .with_size([1000.0, 720.0])
        .build_eframe(move |cc| {
            App::with_settings(&cc.egui_ctx, None, options, demo, ClientConfig::default())
        })
}

/// How the app under test is pointed at a scripted server.
pub struct AtServer {
    pub url: String,
    pub saved: Option<customer_lookup::testing::config::Settings>,
    pub lock_after_secs: Option<u64>,
    pub client_config: ClientConfig,
    pub vault: Option<customer_lookup::testing::vault::Vault>,
    /// What the organisation pins.
    pub policy: customer_lookup::policy::Policy,
}

impl AtServer {
    pub fn new(url: &str) -> Self {
        Self {
            url: url.to_owned(),
            saved: None,
            lock_after_secs: None,
            client_config: ClientConfig::default(),
            vault: None,
            policy: customer_lookup::policy::Policy::default(),
        }
    }

    /// The app at the server as till `store.till`.
    pub fn build(self) -> Harness<'static, App> {
        let options = StartOptions {
            host: Some(self.url),
            user: Some("store.till".to_owned()),
            lock_after_secs: self.lock_after_secs,
            policy: Ok(self.policy),
            ..StartOptions::default()
        };
        let (saved, client_config, vault) = (self.saved, self.client_config, self.vault);
        Harness::builder()
            .with_size([1000.0, 720.0])
            .build_eframe(move |cc| {
                let mut app = App::with_settings(
                    &cc.egui_ctx,
                    saved,
                    options,
                    DemoConfig::default(),
                    client_config,
                );
                if let Some(vault) = vault {
                    app.set_vault(&cc.egui_ctx, vault);
                }
                app
            })
    }
}

/// Steps the app (real time passes, so background jobs finish) until
/// `done` holds; panics after `timeout`.
pub fn wait_for(
    harness: &mut Harness<'_, App>,
    what: &str,
    timeout: Duration,
    done: impl Fn(&App) -> bool,
) {
    let started = Instant::now();
    loop {
        harness.step();
        if done(harness.state()) {
            // A few more frames so the UI reflects the new state.
            harness.run_steps(3);
            return;
        }
        assert!(
            started.elapsed() < timeout,
            "timed out waiting for {what}; state: {:?}",
            harness.state().state().profile
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

pub const WAIT: Duration = Duration::from_secs(15);

/// Signs in with the pre-filled demo credentials by pressing Enter.
pub fn log_in(harness: &mut Harness<'_, App>) {
    harness.run_steps(3);
    harness.key_press(egui::Key::Enter);
    wait_for(harness, "sign-in", WAIT, |app| {
        app.state().session.is_some()
    });
}

/// Types into the lookup field and presses Enter.
pub fn look_up(harness: &mut Harness<'_, App>, text: &str) {
    harness.get_by_label("Customer identifier").type_text(text);
    harness.step();
    harness.key_press(egui::Key::Enter);
    harness.step();
}

/// True when a customer is shown with the photo loaded.
pub fn photo_shown(app: &App) -> bool {
    matches!(&app.state().profile, ProfileState::Loaded(p) if matches!(p.photo, PhotoSlot::Shown(_)))
}

/// True when the profile view has settled (loaded with the photo, loyalty
/// and purchases in a final state, failed, or a choice with every photo in
/// a final state).
pub fn settled(app: &App) -> bool {
    match &app.state().profile {
        ProfileState::Loaded(p) => {
            !matches!(p.photo, PhotoSlot::Loading)
                && !matches!(p.loyalty, Panel::Loading)
                && !matches!(p.purchases, Panel::Loading)
        }
        ProfileState::Failed { .. } => true,
        ProfileState::Choosing(choice) => choice
            .matches
            .iter()
            .all(|m| !matches!(m.photo, PhotoSlot::Loading)),
        _ => false,
    }
}

/// The id of the customer on screen.
pub fn shown_customer_id(app: &App) -> Option<i64> {
    app.state().customer().and_then(|c| c.customer_id())
}

/// Asserts that some node has exactly this label (a name can appear both
/// as the heading and in the recent list).
pub fn assert_shown(harness: &Harness<'_, App>, label: &str) {
    assert!(
        harness.query_all_by_label(label).next().is_some(),
        "{label:?} is not on screen"
    );
}

/// A file dropped onto the window, as the windowing layer hands it over.
#[derive(Debug)]
pub struct FileOnDisk(pub std::path::PathBuf);

impl egui::DroppedFile for FileOnDisk {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// eframe's storage, in memory.
#[derive(Default)]
pub struct MemoryStorage(pub std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}
