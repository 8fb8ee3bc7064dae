//! The eframe app: owns the state and the background jobs, applies the UI's
//! intents, applies finished jobs, and decides which screen shows. Drawing
//! lives in [`crate::ui`]; state and intents in [`crate::state`].
//!
//! Each flow has its own file: [`session`] (sign in and out, demo,
//! keyring), [`lookup`] (lookups, photos, textures), [`photo_edit`] (the
//! photo dialog: paste, drop, crop, replace, remove), [`idle`] (cursor blink
//! and lock), [`jobs`] (starting and polling background work). This file
//! keeps the struct, intents, polling and the eframe glue.
//!
//! eframe calls [`eframe::App::logic`] before every `ui` pass *and* while
//! the window is hidden or minimised (when no `ui` pass runs at all), so
//! everything driven by time or by finished jobs happens there.

mod enrol;
mod idle;
pub mod jobs;
mod lookup;
mod paste;
mod photo_cache;
mod photo_edit;
mod resolve;
mod search;
mod session;
mod warm;

pub use enrol::ENROLMENT_OFF;
pub use idle::CURSOR_BLINK;
pub use jobs::texture_image;
pub use lookup::photo_frame_px;
pub use paste::NOTHING_TO_PASTE;
pub use photo_cache::{PhotoCache, PhotoKey};
pub use photo_edit::NOTHING_CHOSEN;
pub use search::{THUMBNAIL_POINTS, thumbnail_px};

use crate::capillary::{CapillaryClient, ClientConfig};
use crate::config::{HostChoice, STORAGE_KEY, Settings};
use crate::demo::{DemoConfig, DemoServer};
use crate::policy::{Policy, PolicyError};
use crate::state::{AppState, Intent, LoginForm, LoginProblem, ProfileState};
use crate::vault::Vault;
use idle::{Clock, Idle, IdleOutcome};
use std::time::Duration;

/// How long "Copied" stays visible.
const TOAST: Duration = Duration::from_millis(1500);

/// What the command line asked for.
#[derive(Debug, Clone)]
pub struct StartOptions {
    pub demo: bool,
    pub host: Option<String>,
    pub user: Option<String>,
    /// Lock after this many seconds without input (overrides the setting).
    pub lock_after_secs: Option<u64>,
    /// The store's country calling code (overrides the setting).
    pub country_code: Option<String>,
    /// Photo changes on or off at this workstation (overrides the setting).
    pub photo_changes: Option<bool>,
    /// Enrolment on or off at this workstation (overrides the setting).
    pub enrolment: Option<bool>,
    /// The UI's language (overrides the setting).
    pub language: Option<crate::i18n::LanguageChoice>,
    /// The workstation's locale (main.rs reads it; tests leave it out, so
    /// they run in English wherever they run).
    pub workstation_locale: Option<crate::i18n::Locale>,
    /// What the organisation pinned, or why it could not be read (then
    /// the app shows only that: it never runs unpinned by mistake).
    pub policy: Result<Policy, PolicyError>,
}

impl Default for StartOptions {
    fn default() -> Self {
        Self {
            demo: false,
            host: None,
            user: None,
            lock_after_secs: None,
            country_code: None,
            photo_changes: None,
            enrolment: None,
            language: None,
            workstation_locale: None,
            policy: Ok(Policy::default()),
        }
    }
}

/// The Customer Lookup app.
#[derive(Debug)]
pub struct App {
    state: AppState,
    /// The workstation's locale, for a language choice of "the
    /// workstation's".
    workstation_locale: Option<crate::i18n::Locale>,
    /// The signed-in session's API client: set with `state.session` and
    /// dropped with it, but kept out of the state, which the UI reads and
    /// which holds no live connections.
    client: Option<CapillaryClient>,
    jobs: jobs::Jobs,
    /// The built-in demo tenant, started when chosen.
    demo: Option<DemoServer>,
    demo_config: DemoConfig,
    client_config: ClientConfig,
    clock: Clock,
    idle: Idle,
    photo_cache: PhotoCache,
    warm: warm::WarmUp,
    /// The system keyring for "Remember password", once set up.
    vault: Option<Vault>,
    /// Where "Take photo" gets its frames.
    cameras: std::sync::Arc<dyn crate::camera::Cameras>,
    /// Where "Choose file…" gets its file.
    file_picker: std::sync::Arc<dyn crate::pick_file::FilePicker>,
    /// A first start, until the screen's size is known: on a screen too
    /// small for the default window, the window is maximised once. Later
    /// starts open as the window was closed (eframe keeps its size and
    /// position with the settings).
    fit_first_window: bool,
    /// Text a Ctrl+V read from the clipboard, for the next frame's input.
    pasted_text: Vec<String>,
}

/// A screen smaller than this (points) is too small for the default
/// 1040×720 window with its title bar and a taskbar.
const SMALL_SCREEN: egui::Vec2 = egui::vec2(1080.0, 780.0);

impl App {
    /// Sets the app up from saved settings and the command line. Must run
    /// inside an entered tokio runtime.
    pub fn new(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        options: StartOptions,
    ) -> Self {
        let saved: Option<Settings> = storage.and_then(|s| eframe::get_value(s, STORAGE_KEY));
        let mut app = Self::with_settings(
            ctx,
            saved,
            options,
            DemoConfig::default(),
            ClientConfig::default(),
        );
        app.set_vault(ctx, Vault::os());
        app
    }

    /// Like [`App::new`] with explicit settings and configs (tests use it to
    /// slow the demo tenant down or shorten timeouts).
    pub fn with_settings(
        ctx: &egui::Context,
        saved: Option<Settings>,
        options: StartOptions,
        demo_config: DemoConfig,
        client_config: ClientConfig,
    ) -> Self {
        crate::fonts::install_fallback_fonts(ctx);
        let first_start = saved.is_none();
        let mut settings = saved.unwrap_or_default();
        if options.demo || (first_start && options.host.is_none()) {
            settings.host = HostChoice::Demo;
        }
        if let Some(host) = &options.host {
            settings.host = HostChoice::from_url(host);
        }
        if let Some(secs) = options.lock_after_secs {
            settings.lock_after_secs = secs;
        }
        if let Some(code) = options.country_code {
            settings.country_code = code;
        }
        if let Some(on) = options.photo_changes {
            settings.photo_changes = on;
        }
        if let Some(on) = options.enrolment {
            settings.enrolment = on;
        }
        if let Some(language) = options.language {
            settings.language = language;
        }
        if let Some(user) = &options.user {
            settings.username = user.clone();
            settings.auth_scheme = crate::config::AuthScheme::Till;
        }
        let (policy, policy_error) = match options.policy {
            Ok(policy) => (policy, None),
            Err(error) => {
                tracing::error!(%error, "the organisation's policy could not be read");
                (Policy::default(), Some(error.advice()))
            }
        };
        policy.pin(&mut settings);
        if !policy.is_empty() {
            tracing::info!(policy = %policy.summary(), "settings pinned by the organisation");
        }
        ctx.set_theme(settings.theme.preference());
        let texts = texts_for(settings.language, options.workstation_locale.clone());
        let login = LoginForm::from_settings(&settings);
        let clock = Clock::default();
        let mut app = App {
            state: AppState {
                settings,
                login,
                policy,
                policy_error,
                texts,
                ..AppState::default()
            },
            workstation_locale: options.workstation_locale,
            client: None,
            jobs: jobs::Jobs::default(),
            demo: None,
            demo_config,
            client_config,
            idle: Idle::new(clock.now()),
            clock,
            photo_cache: PhotoCache::default(),
            warm: warm::WarmUp::default(),
            vault: None,
            cameras: std::sync::Arc::new(crate::camera::SystemCameras),
            file_picker: std::sync::Arc::new(crate::pick_file::SystemFilePicker),
            fit_first_window: first_start,
            pasted_text: Vec::new(),
        };
        if app.state.login.host == HostChoice::Demo {
            app.prefill_demo_credentials();
        }
        app
    }

    /// The state, for tests and the UI.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Whether the text cursor currently blinks (it stops when idle).
    pub fn cursor_blinking(&self) -> bool {
        self.idle.cursor_blinking()
    }

    /// Applies one intent from the UI.
    pub fn apply(&mut self, ctx: &egui::Context, intent: Intent) {
        match intent {
            Intent::LogIn => self.start_login(ctx),
            Intent::LogOut => {
                self.log_out();
                // Fill in the remembered secret again (never after a lock).
                self.ask_keyring(ctx);
            }
            Intent::LookUp => self.start_lookup_from_form(ctx),
            Intent::StartedTyping => self.warm_up(ctx),
            Intent::Typed => self.typed(ctx),
            Intent::Suggestions(intent) => self.suggestion_intent(ctx, intent),
            Intent::Enrol(intent) => self.enrol_intent(ctx, intent),
            Intent::Choose(index) => self.choose(ctx, index),
            Intent::Retry(kind) => self.retry_panel(ctx, kind),
            Intent::Reopen(lookup) => self.start_lookup(ctx, vec![lookup]),
            Intent::Cancel => {
                self.fail_lookup(crate::tr_text!(self.state.texts, "lookup-cancelled"))
            }
            Intent::Clear => {
                self.supersede_lookup();
                self.state.lookup.input.clear();
                self.state.profile = ProfileState::Empty;
                self.state.photo_enlarged = false;
            }
            Intent::Copy(text) => {
                ctx.copy_text(text);
                let copied = crate::tr_text!(self.state.texts, "copied");
                self.toast(ctx, &copied, TOAST);
            }
            Intent::EnlargePhoto(open) => self.state.photo_enlarged = open,
            Intent::Photo(photo) => self.photo_intent(ctx, photo),
            Intent::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Intent::SetEnrolment(on) if self.state.policy.enrolment.is_none() => {
                self.state.settings.enrolment = on;
            }
            Intent::SetEnrolment(_) => {} // pinned by the organisation
            Intent::SetLanguage(choice) if self.state.policy.language.is_none() => {
                self.state.settings.language = choice;
                self.state.texts = texts_for(choice, self.workstation_locale.clone());
                tracing::info!(language = %self.state.texts.locale().tag(), "language chosen");
            }
            Intent::SetLanguage(_) => {} // pinned by the organisation
            Intent::SetTheme(theme) => {
                self.state.settings.theme = theme;
                ctx.set_theme(theme.preference());
            }
        }
    }

    /// Everything driven by time or by finished jobs: the idle lock, the
    /// cursor blink, the toast, and applying job results. Runs before every
    /// drawn frame and, while the window is hidden, on its own.
    pub fn tick(&mut self, ctx: &egui::Context) {
        self.fit_first_window(ctx);
        let now = self.clock.now();
        let lock_after = (self.state.session.is_some() && self.state.settings.lock_after_secs > 0)
            .then(|| Duration::from_secs(self.state.settings.lock_after_secs));
        if let IdleOutcome::Lock { idle } = self.idle.tick(ctx, now, lock_after) {
            self.lock(idle);
        }
        self.start_due_search(ctx);
        self.poll_jobs(ctx);
        self.state.capillary_busy = self
            .client
            .as_ref()
            .is_some_and(CapillaryClient::is_waiting_on_rate_limit);
        self.state.login.drop_remembered_secret_of_another_account();
        if let Some((_, until)) = &self.state.toast {
            match until.checked_duration_since(now) {
                Some(left) if !left.is_zero() => ctx.request_repaint_after(left),
                _ => self.state.toast = None,
            }
        }
    }

    /// A short note in the status bar for `how_long`.
    fn toast(&mut self, ctx: &egui::Context, note: &str, how_long: Duration) {
        self.state.toast = Some((note.to_owned(), self.clock.now() + how_long));
        ctx.request_repaint_after(how_long);
    }

    /// On a first start on a small screen, maximises the window once.
    fn fit_first_window(&mut self, ctx: &egui::Context) {
        if !self.fit_first_window {
            return;
        }
        let Some(screen) = ctx.input(|i| i.viewport().monitor_size) else {
            return; // not known yet
        };
        self.fit_first_window = false;
        if screen.x < SMALL_SCREEN.x || screen.y < SMALL_SCREEN.y {
            tracing::info!(
                width = screen.x,
                height = screen.y,
                "first start on a small screen: window maximised"
            );
            ctx.send_viewport_cmd(egui::ViewportCommand::Maximized(true));
        }
    }

    /// Prepares the connections a lookup is about to need, where they may
    /// have gone idle (see [`warm`]).
    fn warm_up(&mut self, ctx: &egui::Context) {
        let Some(client) = &self.client else {
            return;
        };
        let now = self.clock.now();
        let api = client.api_origin();
        for origin in self.warm.due(now, api.clone()) {
            // The scan's candidates go to the API host at once; the photo
            // is one download.
            let connections = if origin == api {
                client.api_connections_for_a_lookup()
            } else {
                1
            };
            let work = jobs::warm_up(client.clone(), origin, connections);
            self.jobs.warm_ups.push(jobs::Job::spawn(ctx, work));
        }
    }

    /// Returns to the login panel (username kept, password asked again) and
    /// drops every customer byte, photo and texture from memory.
    fn lock(&mut self, idle: Duration) {
        tracing::info!(idle_secs = idle.as_secs(), "locked after inactivity");
        self.log_out();
        // The password is asked again, even the demo's.
        self.state.login.clear_secrets();
        self.state.login.error = Some(LoginProblem::Locked {
            after_secs: self.state.settings.lock_after_secs,
        });
    }

    /// Applies every finished job.
    fn poll_jobs(&mut self, ctx: &egui::Context) {
        if let Some(report) = jobs::take_finished(&mut self.jobs.keyring) {
            self.finish_keyring(report);
        }
        if let Some(outcome) = jobs::take_finished(&mut self.jobs.login) {
            self.finish_login(outcome);
        }
        if let Some(outcome) = jobs::take_finished(&mut self.jobs.lookup) {
            self.finish_lookup(ctx, outcome);
        }
        for outcome in jobs::take_all_finished(&mut self.jobs.photos) {
            self.finish_photo(ctx, outcome);
        }
        for outcome in jobs::take_all_finished(&mut self.jobs.panels) {
            self.finish_panel(outcome);
        }
        if let Some(outcome) = jobs::take_finished(&mut self.jobs.paste) {
            self.finish_paste(ctx, outcome);
        }
        if let Some(outcome) = jobs::take_finished(&mut self.jobs.enrol) {
            self.finish_enrolment(ctx, outcome);
        }
        if let Some(outcome) = jobs::take_finished(&mut self.jobs.search) {
            self.finish_search(ctx, outcome);
        }
        for outcome in jobs::take_all_finished(&mut self.jobs.suggestion_records) {
            self.finish_suggestion_record(ctx, outcome);
        }
        for outcome in jobs::take_all_finished(&mut self.jobs.thumbnails) {
            self.finish_thumbnail(ctx, outcome);
        }
        if let Some(outcome) = jobs::take_finished(&mut self.jobs.camera) {
            self.finish_camera_open(ctx, outcome);
        }
        self.show_camera_frame(ctx);
        if let Some(outcome) = jobs::take_finished(&mut self.jobs.picture) {
            self.finish_picture(ctx, outcome);
        }
        let change_done = self
            .jobs
            .photo_change
            .as_mut()
            .and_then(|(job, _)| job.try_take());
        match change_done {
            Some(outcome) => {
                self.jobs.photo_change = None;
                self.finish_photo_change(ctx, outcome);
            }
            None => self.poll_photo_progress(),
        }
        // Warm-ups have nothing to apply; finished ones are just dropped.
        self.jobs.warm_ups.retain(jobs::Job::is_running);
    }

    /// One drawn frame: note the input, draw, apply the intents.
    pub fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.idle.note_input(&ctx, self.clock.now());
        let intents = crate::ui::draw(ui, &mut self.state, self.jobs.any_running());
        for intent in intents {
            self.apply(&ctx, intent);
        }
    }
}

/// Hooks for the tests (the `testing` feature): not part of the app's API.
#[cfg(feature = "testing")]
impl App {
    /// True while a login, lookup or photo is in flight.
    pub fn is_busy(&self) -> bool {
        self.jobs.any_running()
    }

    /// Photos in the in-memory cache (tests check it empties on logout).
    pub fn cached_photos(&self) -> usize {
        self.photo_cache.len()
    }

    /// Replaces the photo cache with an empty one of this many bytes; 0
    /// keeps nothing, so every lookup downloads and decodes (the stress
    /// test uses it to race photo jobs against each other).
    pub fn set_photo_cache_budget(&mut self, bytes: usize) {
        self.photo_cache = PhotoCache::with_budget(bytes);
    }

    /// Takes photos from these cameras instead of the system's (tests use
    /// synthetic ones).
    pub fn set_cameras(&mut self, cameras: std::sync::Arc<dyn crate::camera::Cameras>) {
        self.cameras = cameras;
    }

    /// Picks files with this instead of the system's dialog.
    pub fn set_file_picker(&mut self, picker: std::sync::Arc<dyn crate::pick_file::FilePicker>) {
        self.file_picker = picker;
    }

    /// The running demo tenant, if it was started.
    pub fn demo_server(&self) -> Option<&DemoServer> {
        self.demo.as_ref()
    }

    /// Shows purchase times in UTC plus this many seconds instead of the
    /// machine's zone, so that snapshots are the same everywhere.
    pub fn pin_time_zone(&mut self, east_of_utc_secs: i32) {
        self.state.time_zone = chrono::FixedOffset::east_opt(east_of_utc_secs);
    }

    /// Moves the app's clock forward, as if `by` had passed without input.
    pub fn advance_clock(&mut self, by: Duration) {
        self.clock.advance(by);
    }
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.tick(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        self.clipboard_keys(ctx, raw_input);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.state.settings);
    }
}

/// Opens the window. Blocks until it is closed; fails when no window can
/// be opened (no display, no OpenGL), in eframe's words.
pub fn run_native(
    runtime: tokio::runtime::Runtime,
    options: StartOptions,
) -> Result<(), eframe::Error> {
    let _entered = runtime.enter();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Customer Lookup")
        .with_app_id(crate::APP_ID)
        .with_inner_size([1040.0, 720.0])
        .with_min_inner_size([640.0, 480.0]);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")) {
        viewport = viewport.with_icon(icon);
    }
    let native = eframe::NativeOptions {
        viewport,
        // Cut/Copy/Paste arrive as keys: the app reads the clipboard off
        // the UI thread (see `paste`).
        clipboard_shortcuts: false,
        ..Default::default()
    };
    eframe::run_native(
        crate::APP_ID,
        native,
        Box::new(move |cc| Ok(Box::new(App::new(&cc.egui_ctx, cc.storage, options)))),
    )
}

/// The UI's texts for a language choice on this workstation.
fn texts_for(
    choice: crate::i18n::LanguageChoice,
    workstation: Option<crate::i18n::Locale>,
) -> std::sync::Arc<crate::i18n::Texts> {
    std::sync::Arc::new(crate::i18n::Texts::for_choice(choice, workstation))
}
