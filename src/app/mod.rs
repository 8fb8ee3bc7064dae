//! The eframe app, the logic's runner: owns the live client, the
//! background jobs and the textures; sends the UI's intents, finished
//! jobs and the clock to [`crate::logic`] and carries out the effects it
//! returns. Drawing lives in [`crate::ui`]; state and intents in
//! [`crate::state`].
//!
//! Besides: [`paste`] reads the clipboard on Ctrl+V (it hooks egui's raw
//! input) and hands what it found to the logic; [`jobs`] has the
//! background work itself; [`run_native`] opens the window.
//! This file keeps the struct, the runner and the eframe glue.
//!
//! eframe calls [`eframe::App::logic`] before every `ui` pass *and* while
//! the window is hidden or minimised (when no `ui` pass runs at all), so
//! everything driven by time or by finished jobs happens there.

pub mod jobs;
mod paste;

// What the stress test names through `app` (see `crate::testing`).
#[cfg(feature = "testing")]
pub use jobs::texture_image;

use crate::capillary::{CapillaryClient, ClientConfig};
use crate::config::{HostChoice, STORAGE_KEY, Settings};
use crate::demo::{DemoConfig, DemoServer};
use crate::logic::{Clock, Effect, Finished, Logic, Msg, Work};
use crate::policy::{Policy, PolicyError};
use crate::state::{AppState, Intent, LoginForm, LoginProblem};
use crate::vault::Vault;
use std::time::Duration;

use crate::logic::TOAST;

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
    /// The state and everything decided about it.
    logic: Logic,
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
    /// The textures of the pictures the state shows.
    textures: crate::ui::Textures,
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
        let state = AppState {
            settings,
            login,
            policy,
            policy_error,
            texts,
            ..AppState::default()
        };
        App {
            logic: Logic::new(state, Clock::default()),
            workstation_locale: options.workstation_locale,
            client: None,
            jobs: jobs::Jobs::default(),
            demo: None,
            demo_config,
            client_config,
            vault: None,
            cameras: std::sync::Arc::new(crate::camera::SystemCameras),
            file_picker: std::sync::Arc::new(crate::pick_file::SystemFilePicker),
            fit_first_window: first_start,
            pasted_text: Vec::new(),
            textures: crate::ui::Textures::default(),
        }
    }

    /// The state, for tests.
    #[cfg(feature = "testing")]
    pub fn state(&self) -> &AppState {
        &self.logic.state
    }

    /// Whether the text cursor currently blinks (it stops when idle), for
    /// tests.
    #[cfg(feature = "testing")]
    pub fn cursor_blinking(&self) -> bool {
        self.logic.cursor_blinking()
    }

    /// Sends one message to the logic and carries out what it says.
    fn send(&mut self, ctx: &egui::Context, msg: Msg) {
        let effects = crate::logic::update(&mut self.logic, msg);
        for effect in effects {
            self.carry_out(ctx, effect);
        }
    }

    /// Does what the logic asked for.
    fn carry_out(&mut self, ctx: &egui::Context, effect: Effect) {
        match effect {
            Effect::Start(work) => self.start(ctx, work),
            Effect::Cancel(group) => self.jobs.cancel(group),
            Effect::EndSession => {
                // Dropping a job aborts it; the camera's thread ends.
                self.jobs = jobs::Jobs::default();
                self.client = None;
            }
            Effect::UpdateKeyring { account, secret } => {
                if let Some(vault) = self.vault.clone() {
                    jobs::update_keyring(vault, account, secret);
                }
            }
            Effect::WakeAfter(after) => ctx.request_repaint_after(after),
            Effect::CursorBlink(blink) => {
                ctx.all_styles_mut(|style| style.visuals.text_cursor.blink = blink);
            }
            Effect::OpenCamera(index) => {
                let repaint = ctx.clone();
                let cameras = self.cameras.clone();
                let opened = crate::camera::LiveFeed::start(cameras, index, move || {
                    repaint.request_repaint();
                });
                match opened {
                    Ok(feed) => self.jobs.camera_feed = Some(feed),
                    Err(e) => {
                        let failed = crate::camera::CameraError::Failed(e.to_string());
                        self.send(ctx, Msg::CameraFrame(Err(failed)));
                    }
                }
            }
            Effect::CloseCamera => self.jobs.camera_feed = None,
        }
    }

    /// Starts one of the logic's jobs with the live client; its answer
    /// comes back through [`App::poll_jobs`] as a [`Msg::Finished`].
    fn start(&mut self, ctx: &egui::Context, work: Work) {
        use crate::logic::JobGroup;
        let work = match work {
            Work::LogIn {
                pending,
                server,
                credentials,
                language,
            } => return self.start_login(ctx, pending, server, credentials, language),
            Work::AskKeyring { account, load } => {
                let Some(vault) = self.vault.clone() else {
                    return;
                };
                let work = async move {
                    Some(Finished::Keyring(
                        jobs::ask_keyring(vault, account, load).await,
                    ))
                };
                // Not counted as busy: a missing Secret Service can take
                // D-Bus's timeout to answer.
                self.jobs.logic.push((None, jobs::Job::spawn(ctx, work)));
                return;
            }
            other => other,
        };
        let Some(client) = self.client.clone() else {
            return; // signed out meanwhile: nothing to ask
        };
        let (group, job) = match work {
            Work::LookUp(ticket) => {
                tracing::debug!(
                    lookup_id = ticket.lookup_id,
                    kinds = ?ticket.candidates.iter().map(|c| c.kind).collect::<Vec<_>>(),
                    "lookup started"
                );
                let work = async move { Some(jobs::look_up(client, ticket).await) };
                (Some(JobGroup::Lookup), jobs::Job::spawn(ctx, work))
            }
            Work::Photo {
                ticket,
                customer,
                frame_px,
            } => {
                let group = if ticket.match_index.is_some() {
                    JobGroup::Photos
                } else {
                    JobGroup::Lookup
                };
                let work = async move {
                    let (ticket, result) =
                        jobs::load_photo(client, *customer, frame_px, ticket).await;
                    Some(Finished::Photo { ticket, result })
                };
                (Some(group), jobs::Job::spawn(ctx, work))
            }
            Work::Panel {
                lookup_id,
                customer_id,
                kind,
            } => {
                let work = async move {
                    Some(jobs::load_panel(client, lookup_id, customer_id, kind).await)
                };
                (Some(JobGroup::Lookup), jobs::Job::spawn(ctx, work))
            }
            Work::WarmUp {
                origin,
                connections,
            } => {
                let work = async move {
                    jobs::warm_up(client, origin, connections).await;
                    None
                };
                (None, jobs::Job::spawn(ctx, work))
            }
            Work::ReadPicture { ticket, input } => {
                let work = async move { Some(jobs::read_picture(ticket, input).await) };
                (Some(JobGroup::PhotoEdit), jobs::Job::spawn(ctx, work))
            }
            Work::ChoosePicture { ticket } => {
                let picker = self.file_picker.clone();
                let work = async move { Some(jobs::choose_picture(ticket, picker).await) };
                (Some(JobGroup::PhotoEdit), jobs::Job::spawn(ctx, work))
            }
            Work::ListCameras { ticket, index } => {
                let cameras = self.cameras.clone();
                let work = async move { Some(jobs::list_cameras(ticket, cameras, index).await) };
                (Some(JobGroup::PhotoEdit), jobs::Job::spawn(ctx, work))
            }
            Work::ChangePhoto {
                ticket,
                customer,
                change,
            } => {
                let first = match change {
                    crate::logic::PhotoChange::Remove => crate::state::SendStep::Removing,
                    crate::logic::PhotoChange::Replace { .. } => crate::state::SendStep::Preparing,
                };
                let (step, progress) = tokio::sync::watch::channel(first);
                self.jobs.photo_progress = Some(progress);
                let repaint = ctx.clone();
                let work = async move {
                    Some(jobs::change_photo(client, repaint, ticket, *customer, change, step).await)
                };
                (Some(JobGroup::PhotoEdit), jobs::Job::spawn(ctx, work))
            }
            Work::Search(request) => {
                let work = async move { Some(jobs::search_names(client, request).await) };
                (Some(JobGroup::Search), jobs::Job::spawn(ctx, work))
            }
            Work::SuggestionRecord(ticket) => {
                let work = async move { Some(jobs::suggestion_record(client, ticket).await) };
                (Some(JobGroup::Search), jobs::Job::spawn(ctx, work))
            }
            Work::Thumbnail {
                ticket,
                customer,
                frame_px,
            } => {
                let work = async move {
                    let (ticket, result) =
                        jobs::load_photo(client, *customer, frame_px, ticket).await;
                    Some(Finished::Search(crate::logic::SearchFinished::Thumbnail {
                        ticket,
                        result,
                    }))
                };
                (Some(JobGroup::Search), jobs::Job::spawn(ctx, work))
            }
            Work::Enrol { enrolment, till } => {
                let work = async move { Some(jobs::enrol(client, enrolment, till).await) };
                (Some(JobGroup::Enrol), jobs::Job::spawn(ctx, work))
            }
            Work::LogIn { .. } | Work::AskKeyring { .. } => return, // need no client: above
        };
        self.jobs.logic.push((group, job));
    }

    /// Applies one intent from the UI.
    pub fn apply(&mut self, ctx: &egui::Context, intent: Intent) {
        let state = &mut self.logic.state;
        match intent {
            Intent::Copy(text) => {
                ctx.copy_text(text);
                let copied = crate::tr_text!(state.texts, "copied");
                self.toast(ctx, &copied, TOAST);
            }
            Intent::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Intent::SetEnrolment(on) if state.policy.enrolment.is_none() => {
                state.settings.enrolment = on;
            }
            Intent::SetEnrolment(_) => {} // pinned by the organisation
            Intent::SetLanguage(choice) if state.policy.language.is_none() => {
                state.settings.language = choice;
                state.texts = texts_for(choice, self.workstation_locale.clone());
                tracing::info!(language = %state.texts.locale().tag(), "language chosen");
            }
            Intent::SetLanguage(_) => {} // pinned by the organisation
            Intent::SetTheme(theme) => {
                state.settings.theme = theme;
                ctx.set_theme(theme.preference());
            }
            // Lookups, the choice, panels, the photo view, warming up.
            logic @ (Intent::LogIn
            | Intent::LogOut
            | Intent::LookUp
            | Intent::StartedTyping
            | Intent::Choose(_)
            | Intent::Retry(_)
            | Intent::Reopen(_)
            | Intent::Cancel
            | Intent::Clear
            | Intent::EnlargePhoto(_)
            | Intent::Photo(_)
            | Intent::Typed
            | Intent::Suggestions(_)
            | Intent::Enrol(_)) => self.send(ctx, Msg::Intent(logic)),
        }
    }

    /// Everything driven by time or by finished jobs (the logic's tick,
    /// then every finished job), then the textures brought in line. Runs
    /// before every drawn frame and, while the window is hidden, on its own.
    pub fn tick(&mut self, ctx: &egui::Context) {
        self.fit_first_window(ctx);
        self.send(ctx, Msg::Scale(ctx.pixels_per_point()));
        self.send(ctx, Msg::Tick);
        self.poll_jobs(ctx);
        let state = &mut self.logic.state;
        state.capillary_busy = self
            .client
            .as_ref()
            .is_some_and(CapillaryClient::is_waiting_on_rate_limit);
        self.textures.sync(ctx, self.logic.state.pictures());
    }

    /// A short note in the status bar for `how_long`.
    fn toast(&mut self, ctx: &egui::Context, note: &str, how_long: Duration) {
        let mut effects = Vec::new();
        self.logic.toast(note.to_owned(), how_long, &mut effects);
        for effect in effects {
            self.carry_out(ctx, effect);
        }
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

    /// Applies every finished job: the logic's through the one currency
    /// check in [`crate::logic::update`], the rest in their flows.
    fn poll_jobs(&mut self, ctx: &egui::Context) {
        let mut finished = Vec::new();
        self.jobs.logic.retain_mut(|(_, job)| match job.try_take() {
            Some(answer) => {
                finished.extend(answer);
                false
            }
            None => true,
        });
        for answer in finished {
            self.send(ctx, Msg::Finished(answer));
        }
        if let Some((pending, result)) = jobs::take_finished(&mut self.jobs.login) {
            // The client stays here; the logic learns what it is.
            let result = result.map(|client| {
                let signed_in = crate::logic::SignedIn {
                    link: crate::logic::Link {
                        api_origin: client.api_origin(),
                        lookup_connections: client.api_connections_for_a_lookup(),
                    },
                    principal: client.credentials().principal().to_owned(),
                    authority: client.host().authority(),
                };
                self.client = Some(client);
                signed_in
            });
            let result = result.map_err(crate::logic::SignInError::Refused);
            self.send(ctx, Msg::Finished(Finished::LoggedIn { pending, result }));
        }
        if let Some(outcome) = jobs::take_finished(&mut self.jobs.paste) {
            self.finish_paste(ctx, outcome);
        }
        let frame = self.jobs.camera_feed.as_ref().and_then(|f| f.take());
        if let Some(frame) = frame {
            self.send(ctx, Msg::CameraFrame(frame));
        }
        let step = self.jobs.photo_progress.as_ref().map(|p| *p.borrow());
        if let Some(step) = step {
            self.send(ctx, Msg::PhotoProgress(step));
        }
    }

    /// One drawn frame: note the input, draw, apply the intents.
    pub fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if had_input(&ctx) {
            self.send(&ctx, Msg::Input);
        }
        // The textures are in step since the tick that ran before this pass.
        let intents = crate::ui::draw(
            ui,
            &mut self.logic.state,
            &self.textures,
            self.jobs.any_running(),
        );
        for intent in intents {
            self.apply(&ctx, intent);
        }
        self.textures.sync(&ctx, self.logic.state.pictures());
    }
}

/// Whether this pass's input has a key, text, pointer, wheel or paste
/// event: the person is at the till.
fn had_input(ctx: &egui::Context) -> bool {
    ctx.input(|i| {
        i.events.iter().any(|e| {
            matches!(
                e,
                egui::Event::Key { .. }
                    | egui::Event::Text(_)
                    | egui::Event::PointerMoved(_)
                    | egui::Event::PointerButton { .. }
                    | egui::Event::MouseWheel { .. }
                    | egui::Event::Paste(_)
            )
        })
    })
}

/// The runner's part of signing in: the demo tenant, the client, the
/// keyring.
impl App {
    /// Builds the client for `server` (starting the demo tenant if it is
    /// not running) and proves the credentials in the background.
    fn start_login(
        &mut self,
        ctx: &egui::Context,
        pending: crate::logic::PendingLogin,
        server: crate::logic::Server,
        credentials: crate::capillary::Credentials,
        language: &'static str,
    ) {
        let host = match server {
            crate::logic::Server::Api(host) => host,
            crate::logic::Server::Demo => match self.demo_host() {
                Ok(host) => host,
                Err(problem) => {
                    let result = Err(crate::logic::SignInError::Problem(problem));
                    return self.send(ctx, Msg::Finished(Finished::LoggedIn { pending, result }));
                }
            },
        };
        let config = ClientConfig {
            language: Some(language),
            ..self.client_config.clone()
        };
        let client = CapillaryClient::with_config(host, credentials, config);
        self.jobs.login = Some(jobs::Job::spawn(ctx, jobs::log_in(pending, client)));
    }

    /// Starts the demo tenant if it is not running; returns its host.
    fn demo_host(&mut self) -> Result<crate::capillary::ApiHost, LoginProblem> {
        if let Some(server) = &self.demo {
            return Ok(server.host());
        }
        let server = DemoServer::start(self.demo_config.clone())
            .map_err(|e| LoginProblem::DemoDidNotStart { why: e.to_string() })?;
        let host = server.host();
        self.demo = Some(server);
        Ok(host)
    }

    /// Offers "Remember password" backed by `vault` (the OS keyring in the
    /// app, an in-memory store in tests): checks it in the background and
    /// fills in the remembered secret when the person chose that.
    pub fn set_vault(&mut self, ctx: &egui::Context, vault: Vault) {
        self.vault = Some(vault);
        self.send(ctx, Msg::KeyringAttached);
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
        self.logic.cached_photos()
    }

    /// Textures alive for the pictures on screen (tests check they go
    /// with the customer).
    pub fn live_textures(&self) -> usize {
        self.textures.len()
    }

    /// Replaces the photo cache with an empty one of this many bytes; 0
    /// keeps nothing, so every lookup downloads and decodes (the stress
    /// test uses it to race photo jobs against each other).
    pub fn set_photo_cache_budget(&mut self, bytes: usize) {
        self.logic.photo_cache = crate::logic::PhotoCache::with_budget(bytes);
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
        self.logic.state.time_zone = chrono::FixedOffset::east_opt(east_of_utc_secs);
    }

    /// Moves the app's clock forward, as if `by` had passed without input.
    pub fn advance_clock(&mut self, by: Duration) {
        self.logic.clock.advance(by);
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
        eframe::set_value(storage, STORAGE_KEY, &self.logic.state.settings);
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
