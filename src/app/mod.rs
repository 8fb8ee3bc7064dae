//! The eframe app: owns the state and the background jobs, turns the UI's
//! intents into jobs, applies finished jobs to the state, and decides which
//! screen shows. Drawing lives in [`crate::ui`].

mod intent;
mod jobs;
mod photo_cache;
mod state;

pub use intent::Intent;
pub use jobs::{Job, Jobs, texture_image};
pub use photo_cache::{PhotoCache, PhotoKey};
pub use state::{
    AppState, KeyringStatus, LoadedProfile, LoginForm, LookupForm, PhotoSlot, ProfileState,
    RECENT_LIMIT, RecentLookup, Session,
};

use crate::capillary::{
    ApiError, ApiHost, CapillaryClient, ClientConfig, Credentials, Customer, IdentifierKind,
    Lookup, PhotoState,
};
use crate::config::{AuthScheme, HostChoice, STORAGE_KEY, Settings};
use crate::demo::{
    DEMO_CLIENT_KEY, DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_USER, DemoConfig, DemoServer,
};
use crate::secret::Secret;
use crate::vault::Vault;

/// The photo frame's side in points; the texture is prepared for the
/// enlarged view, which is this many times larger.
pub const PHOTO_FRAME_POINTS: f32 = 280.0;
pub const ENLARGED_FACTOR: f32 = 2.0;
/// How long "Copied" stays visible, in seconds.
const TOAST_SECONDS: f64 = 1.5;
/// As GTK does, the text cursor stops blinking after this many seconds
/// without input: a blinking cursor repaints the window twice a second,
/// which costs several percent of a CPU on a software renderer all day.
pub const CURSOR_BLINK_SECONDS: f64 = 10.0;

/// What the command line asked for.
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    pub demo: bool,
    pub host: Option<String>,
    pub user: Option<String>,
    /// Lock after this many seconds without input (overrides the setting).
    pub lock_after_secs: Option<u64>,
}

/// The Customer Lookup app.
#[derive(Debug)]
pub struct App {
    state: AppState,
    jobs: Jobs,
    /// The built-in demo tenant, started when chosen.
    demo: Option<DemoServer>,
    demo_config: DemoConfig,
    client_config: ClientConfig,
    /// egui time of the last key or pointer event.
    last_input_time: f64,
    cursor_blinking: bool,
    photo_cache: PhotoCache,
    /// Where the photo in flight goes in the cache.
    pending_photo_key: Option<PhotoKey>,
    /// The system keyring for "Remember password", once set up.
    vault: Option<Vault>,
    /// What to do in the keyring when the sign-in in flight succeeds:
    /// remember this secret for the account, or (`None`) forget it.
    keyring_on_sign_in: Option<(String, Option<Secret>)>,
}

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
        crate::ui::fonts::install_fallback_fonts(ctx);
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
        if let Some(user) = &options.user {
            settings.username = user.clone();
            settings.auth_scheme = AuthScheme::Till;
        }
        ctx.set_theme(settings.theme.preference());
        let login = LoginForm::from_settings(&settings);
        let mut app = App {
            state: AppState {
                settings,
                login,
                ..AppState::default()
            },
            jobs: Jobs::default(),
            demo: None,
            demo_config,
            client_config,
            last_input_time: 0.0,
            cursor_blinking: true,
            photo_cache: PhotoCache::default(),
            pending_photo_key: None,
            vault: None,
            keyring_on_sign_in: None,
        };
        if app.state.login.host == HostChoice::Demo {
            app.prefill_demo_credentials();
        }
        app.state.lookup.kind = app.state.settings.identifier_kind;
        app
    }

    /// The state, for tests and the UI.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// True while a login, lookup or photo is in flight.
    pub fn is_busy(&self) -> bool {
        self.jobs.any_running()
    }

    /// Whether the text cursor currently blinks (it stops when idle).
    pub fn cursor_blinking(&self) -> bool {
        self.cursor_blinking
    }

    /// Stops the cursor blinking after [`CURSOR_BLINK_SECONDS`] without
    /// input and restarts it on the next key or pointer event.
    fn update_cursor_blink(&mut self, ctx: &egui::Context) {
        let (now, had_input) = ctx.input(|i| {
            let input = i.events.iter().any(|e| {
                matches!(
                    e,
                    egui::Event::Key { .. }
                        | egui::Event::Text(_)
                        | egui::Event::PointerMoved(_)
                        | egui::Event::PointerButton { .. }
                        | egui::Event::MouseWheel { .. }
                        | egui::Event::Paste(_)
                )
            });
            (i.time, input)
        });
        if had_input {
            self.last_input_time = now;
        }
        let blink = now - self.last_input_time < CURSOR_BLINK_SECONDS;
        if blink != self.cursor_blinking {
            self.cursor_blinking = blink;
            ctx.all_styles_mut(|style| style.visuals.text_cursor.blink = blink);
        }
    }

    /// After the configured time without input, returns to the login panel
    /// (username kept, password asked again) and drops every customer byte,
    /// photo and texture from memory. An idle app is woken once, at the
    /// deadline, for this; no frames are drawn in between.
    fn lock_when_idle(&mut self, ctx: &egui::Context) {
        if self.state.session.is_none() || self.state.settings.lock_after_secs == 0 {
            return;
        }
        let now = ctx.input(|i| i.time);
        let limit = self.state.settings.lock_after_secs as f64;
        let idle = now - self.last_input_time;
        if idle >= limit {
            let minutes = self.state.settings.lock_after_secs.div_ceil(60);
            tracing::info!(idle_secs = idle as u64, "locked after inactivity");
            self.log_out();
            // The password is asked again, even the demo's.
            self.state.login.clear_secrets();
            self.state.login.error = Some(if self.state.settings.lock_after_secs < 60 {
                format!(
                    "Locked after {} seconds without use. Sign in again.",
                    self.state.settings.lock_after_secs
                )
            } else {
                format!("Locked after {minutes} minute(s) without use. Sign in again.")
            });
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(limit - idle));
        }
    }

    /// The running demo tenant, if it was started.
    pub fn demo_server(&self) -> Option<&DemoServer> {
        self.demo.as_ref()
    }

    /// Fills the demo's public credentials in, keeping a typed username.
    fn prefill_demo_credentials(&mut self) {
        let login = &mut self.state.login;
        if login.username.is_empty() {
            login.username = DEMO_USER.to_owned();
        }
        if login.password.is_empty() && login.username == DEMO_USER {
            login.password = Secret::new(DEMO_PASSWORD);
        }
        if login.client_key.is_empty() {
            login.client_key = DEMO_CLIENT_KEY.to_owned();
            login.client_secret = Secret::new(DEMO_CLIENT_SECRET);
        }
    }

    /// Starts the demo tenant if it is not running; returns its host.
    fn demo_host(&mut self) -> Result<ApiHost, String> {
        if self.demo.is_none() {
            let server = DemoServer::start(self.demo_config.clone())
                .map_err(|e| format!("The built-in demo could not start: {e}"))?;
            self.demo = Some(server);
        }
        self.demo
            .as_ref()
            .map(DemoServer::host)
            .ok_or_else(|| "The built-in demo is not running.".to_owned())
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
            Intent::Reopen(lookup) => self.start_lookup(ctx, lookup),
            Intent::Cancel => {
                self.jobs.cancel_lookup();
                self.state.current_lookup += 1;
                self.state.profile = ProfileState::Failed {
                    message: "Lookup cancelled.".to_owned(),
                };
                self.state.lookup.request_focus = true;
            }
            Intent::Clear => {
                self.jobs.cancel_lookup();
                self.state.lookup.input.clear();
                self.state.profile = ProfileState::Empty;
                self.state.photo_enlarged = false;
                self.state.current_lookup += 1;
                self.state.lookup.request_focus = true;
            }
            Intent::Copy(text) => {
                ctx.copy_text(text);
                let until = ctx.input(|i| i.time) + TOAST_SECONDS;
                self.state.toast = Some(("Copied".to_owned(), until));
            }
            Intent::EnlargePhoto(open) => self.state.photo_enlarged = open,
            Intent::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Intent::SetTheme(theme) => {
                self.state.settings.theme = theme;
                ctx.set_theme(theme.preference());
            }
        }
    }

    fn start_login(&mut self, ctx: &egui::Context) {
        if self.jobs.login.is_some() {
            return;
        }
        let form = &self.state.login;
        let host = match &form.host {
            HostChoice::Demo => None,
            HostChoice::Cluster(cluster) => {
                Some(ApiHost::parse(cluster.url()).map_err(|e| e.to_string()))
            }
            HostChoice::Custom(_) => {
                Some(ApiHost::parse(&form.custom_url).map_err(|e| e.to_string()))
            }
        };
        let credentials = match form.scheme {
            AuthScheme::Till if form.username.trim().is_empty() => {
                Err("Enter the till username.".to_owned())
            }
            AuthScheme::Till if form.password.is_empty() => Err("Enter the password.".to_owned()),
            AuthScheme::OAuth if form.client_key.trim().is_empty() => {
                Err("Enter the client key.".to_owned())
            }
            AuthScheme::OAuth if form.client_secret.is_empty() => {
                Err("Enter the client secret.".to_owned())
            }
            AuthScheme::Till => Ok(Credentials::Till {
                username: form.username.trim().to_owned(),
                password: form.password.clone(),
            }),
            AuthScheme::OAuth => Ok(Credentials::OAuth {
                client_key: form.client_key.trim().to_owned(),
                client_secret: form.client_secret.clone(),
            }),
        };
        let host = match host {
            None => self.demo_host(),
            Some(h) => h,
        };
        let (host, credentials) = match (host, credentials) {
            (Ok(h), Ok(c)) => (h, c),
            (Err(e), _) | (_, Err(e)) => {
                self.state.login.error = Some(e);
                self.state.login.focus_first_empty = true;
                return;
            }
        };
        let login = &mut self.state.login;
        login.error = None;
        login.pending = true;
        self.keyring_on_sign_in = (login.keyring == KeyringStatus::Available).then(|| {
            let secret = login.remember.then(|| login.secret().clone());
            (login.keyring_account(), secret)
        });
        let client = CapillaryClient::with_config(host, credentials, self.client_config.clone());
        self.jobs.login = Some(Job::spawn(ctx, 0, jobs::log_in(client)));
    }

    fn finish_login(&mut self, result: Result<CapillaryClient, ApiError>) {
        self.state.login.pending = false;
        match result {
            Ok(client) => {
                let form = &mut self.state.login;
                let host_label = match &form.host {
                    HostChoice::Demo => "Built-in demo".to_owned(),
                    HostChoice::Cluster(c) => c.label().to_owned(),
                    HostChoice::Custom(_) => client.host().authority(),
                };
                let settings = &mut self.state.settings;
                settings.host = match &form.host {
                    HostChoice::Custom(_) => HostChoice::Custom(form.custom_url.trim().to_owned()),
                    other => other.clone(),
                };
                settings.auth_scheme = form.scheme;
                settings.username = client.credentials().principal().to_owned();
                if let Some((account, secret)) = self.keyring_on_sign_in.take()
                    && let Some(vault) = self.vault.clone()
                {
                    settings.remember_password = secret.is_some();
                    jobs::update_keyring(vault, account, secret);
                }
                form.clear_secrets();
                form.error = None;
                tracing::info!(host = %client.host(), "signed in");
                self.state.session = Some(Session {
                    host_label,
                    user: client.credentials().principal().to_owned(),
                    client,
                });
                self.state.lookup.request_focus = true;
            }
            Err(error) => {
                self.keyring_on_sign_in = None;
                tracing::info!(error = %error.kind, "sign-in failed");
                let form = &mut self.state.login;
                form.error = Some(with_request_id(&error));
                form.password = Secret::default();
                form.client_secret = Secret::default();
                form.focus_first_empty = true;
                self.state.last_failed_request_id = error.request_id;
            }
        }
    }

    /// Photos in the in-memory cache (tests check it empties on logout).
    pub fn cached_photos(&self) -> usize {
        self.photo_cache.len()
    }

    /// Offers "Remember password" backed by `vault` (the OS keyring in the
    /// app, an in-memory store in tests): checks it in the background and
    /// fills in the remembered secret when the person chose that.
    pub fn set_vault(&mut self, ctx: &egui::Context, vault: Vault) {
        self.vault = Some(vault);
        self.ask_keyring(ctx);
    }

    fn ask_keyring(&mut self, ctx: &egui::Context) {
        let Some(vault) = self.vault.clone() else {
            return;
        };
        let login = &mut self.state.login;
        if login.keyring != KeyringStatus::Available {
            login.keyring = KeyringStatus::Checking;
        }
        let load = self.state.settings.remember_password;
        let work = jobs::ask_keyring(vault, login.keyring_account(), load);
        self.jobs.keyring = Some(Job::spawn(ctx, 0, work));
    }

    fn finish_keyring(&mut self, report: jobs::KeyringReport) {
        let login = &mut self.state.login;
        login.keyring = match report.available {
            Ok(()) => KeyringStatus::Available,
            Err(reason) => {
                tracing::info!(%reason, "remember password not offered");
                login.remember = false;
                KeyringStatus::Unavailable(reason)
            }
        };
        // Only into an untouched form for the same account.
        if let Some(secret) = report.remembered
            && self.state.session.is_none()
            && !login.pending
            && login.keyring_account() == report.account
            && login.secret().is_empty()
        {
            match login.scheme {
                AuthScheme::Till => login.password = secret,
                AuthScheme::OAuth => login.client_secret = secret,
            }
            login.focus_first_empty = true;
        }
    }

    /// Replaces the photo cache with an empty one of this many bytes; 0
    /// keeps nothing, so every lookup downloads and decodes (the stress
    /// test uses it to race photo jobs against each other).
    pub fn set_photo_cache_budget(&mut self, bytes: usize) {
        self.photo_cache = PhotoCache::with_budget(bytes);
    }

    fn log_out(&mut self) {
        self.jobs = Jobs::default();
        self.photo_cache.clear();
        self.pending_photo_key = None;
        self.state.session = None;
        self.state.wipe_customer_data();
        let keyring = std::mem::take(&mut self.state.login.keyring);
        self.state.login = LoginForm::from_settings(&self.state.settings);
        self.state.login.keyring = keyring;
        if self.state.login.host == HostChoice::Demo {
            self.prefill_demo_credentials();
        }
        tracing::info!("signed out; customer data wiped");
    }

    fn start_lookup_from_form(&mut self, ctx: &egui::Context) {
        let form = &self.state.lookup;
        match Lookup::guess(form.kind, form.kind_explicit, &form.input) {
            Ok(lookup) => {
                if !self.state.lookup.kind_explicit && lookup.kind != self.state.lookup.kind {
                    // An @ made it an email; show that in the selector.
                    self.state.lookup.kind = lookup.kind;
                }
                self.state.settings.identifier_kind = self.state.lookup.kind;
                // Ready for the next scan at once: a scanner may fire again
                // before this answer arrives.
                self.state.lookup.input.clear();
                self.state.lookup.request_focus = true;
                self.start_lookup(ctx, lookup);
            }
            Err(e) => {
                self.jobs.cancel_lookup();
                self.state.current_lookup += 1;
                self.state.profile = ProfileState::Failed {
                    message: e.to_string(),
                };
                self.state.lookup.request_focus = true;
            }
        }
    }

    /// Starts a lookup, superseding any in flight.
    fn start_lookup(&mut self, ctx: &egui::Context, lookup: Lookup) {
        let Some(session) = &self.state.session else {
            return;
        };
        self.jobs.cancel_lookup();
        self.state.current_lookup += 1;
        self.state.photo_enlarged = false;
        let id = self.state.current_lookup;
        tracing::debug!(lookup_id = id, kind = ?lookup.kind, "lookup started");
        self.jobs.lookup = Some(Job::spawn(
            ctx,
            id,
            jobs::look_up(session.client.clone(), lookup.clone()),
        ));
        self.state.profile = ProfileState::Loading { lookup };
    }

    fn finish_lookup(
        &mut self,
        ctx: &egui::Context,
        lookup_id: u64,
        result: Result<Customer, ApiError>,
    ) {
        if lookup_id != self.state.current_lookup {
            return; // superseded: never shown
        }
        let lookup = match &self.state.profile {
            ProfileState::Loading { lookup } => lookup.clone(),
            _ => return,
        };
        self.state.lookup.request_focus = true;
        match result {
            Ok(customer) => {
                tracing::info!(
                    lookup_id,
                    customer_id = customer.customer_id(),
                    "customer shown"
                );
                let label = customer
                    .display_name()
                    .unwrap_or_else(|| lookup.value.clone());
                // Reopened by customer ID: one entry per customer, however
                // they were found, and a fresh photo URL each time.
                let reopen = customer
                    .customer_id()
                    .and_then(|id| Lookup::new(IdentifierKind::CustomerId, &id.to_string()).ok())
                    .unwrap_or(lookup);
                self.state.remember(RecentLookup {
                    lookup: reopen,
                    label,
                });
                let photo = match customer.photo() {
                    PhotoState::Available(_) => {
                        let frame_px = photo_frame_px(ctx.pixels_per_point());
                        let key = customer
                            .customer_id()
                            .zip(customer.photo_entry().and_then(|e| e.cache_key()))
                            .map(|(customer_id, file)| PhotoKey {
                                customer_id,
                                file,
                                frame_px,
                            });
                        match key.as_ref().and_then(|k| self.photo_cache.get(k)) {
                            Some(image) => {
                                PhotoSlot::Shown(load_photo_texture(ctx, lookup_id, image))
                            }
                            None => {
                                if let Some(session) = &self.state.session {
                                    let work = jobs::load_photo(
                                        session.client.clone(),
                                        customer.clone(),
                                        frame_px,
                                    );
                                    self.jobs.photo = Some(Job::spawn(ctx, lookup_id, work));
                                    self.pending_photo_key = key;
                                }
                                PhotoSlot::Loading
                            }
                        }
                    }
                    PhotoState::Unavailable(reason) => {
                        PhotoSlot::Failed(format!("The photo is not available ({reason})."))
                    }
                    PhotoState::None | PhotoState::NotEmbedded => PhotoSlot::Absent,
                };
                self.state.profile = ProfileState::Loaded(Box::new(LoadedProfile {
                    customer,
                    photo,
                    lookup_id,
                }));
            }
            Err(error) => {
                tracing::info!(lookup_id, error = %error.kind, "lookup failed");
                if error.kind == crate::capillary::ErrorKind::Unauthorized
                    && matches!(self.state.login.scheme, AuthScheme::Till)
                {
                    self.log_out();
                    self.state.login.error =
                        Some("Your sign-in was refused. Please log in again.".to_owned());
                    return;
                }
                self.state.last_failed_request_id = error.request_id.clone();
                let message = format!("{} {}: {error}", lookup.kind.label(), lookup.value);
                self.state.profile = ProfileState::Failed { message };
            }
        }
    }

    fn finish_photo(
        &mut self,
        ctx: &egui::Context,
        lookup_id: u64,
        result: Result<egui::ColorImage, String>,
    ) {
        let ProfileState::Loaded(profile) = &mut self.state.profile else {
            return;
        };
        if profile.lookup_id != lookup_id || lookup_id != self.state.current_lookup {
            return; // the photo of another customer: never shown
        }
        let key = self.pending_photo_key.take();
        profile.photo = match result {
            Ok(image) => {
                let image = std::sync::Arc::new(image);
                if let Some(key) = key {
                    self.photo_cache.insert(key, image.clone());
                }
                PhotoSlot::Shown(load_photo_texture(ctx, lookup_id, image))
            }
            Err(reason) => PhotoSlot::Failed(reason),
        };
    }

    /// Applies every finished job.
    fn poll_jobs(&mut self, ctx: &egui::Context) {
        if let Some(report) = self.jobs.keyring.as_mut().and_then(Job::try_take) {
            self.jobs.keyring = None;
            self.finish_keyring(report);
        }
        if let Some(result) = self.jobs.login.as_mut().and_then(Job::try_take) {
            self.jobs.login = None;
            self.finish_login(result);
        }
        if let Some(job) = self.jobs.lookup.as_mut() {
            let id = job.lookup_id;
            if let Some(result) = job.try_take() {
                self.jobs.lookup = None;
                self.finish_lookup(ctx, id, result);
            }
        }
        if let Some(job) = self.jobs.photo.as_mut() {
            let id = job.lookup_id;
            if let Some(result) = job.try_take() {
                self.jobs.photo = None;
                self.finish_photo(ctx, id, result);
            }
        }
        if let Some((_, until)) = &self.state.toast {
            let now = ctx.input(|i| i.time);
            if now >= *until {
                self.state.toast = None;
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(until - now));
            }
        }
    }

    /// One frame: apply finished jobs, draw, apply the intents.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.update_cursor_blink(&ctx);
        self.lock_when_idle(&ctx);
        self.poll_jobs(&ctx);
        let intents = crate::ui::draw(ui, &mut self.state, self.jobs.any_running());
        for intent in intents {
            self.apply(&ctx, intent);
        }
    }
}

/// The square, in pixels, photos are prepared for: the enlarged view at
/// the screen's pixels per point (the profile frame draws it smaller).
pub fn photo_frame_px(pixels_per_point: f32) -> u32 {
    (PHOTO_FRAME_POINTS * ENLARGED_FACTOR * pixels_per_point).ceil() as u32
}

/// Uploads a prepared photo, sharing the cache's pixels rather than
/// copying them on the UI thread. Mipmaps keep it smooth when the texture
/// (sized for the enlarged view) is drawn smaller in the profile frame.
fn load_photo_texture(
    ctx: &egui::Context,
    lookup_id: u64,
    image: std::sync::Arc<egui::ColorImage>,
) -> egui::TextureHandle {
    let options = egui::TextureOptions {
        mipmap_mode: Some(egui::TextureFilter::Linear),
        ..egui::TextureOptions::LINEAR
    };
    ctx.load_texture(
        format!("customer-photo-{lookup_id}"),
        egui::ImageData::Color(image),
        options,
    )
}

fn with_request_id(error: &ApiError) -> String {
    match &error.request_id {
        Some(id) => format!("{error} (request id {id})"),
        None => error.to_string(),
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.state.settings);
    }
}

/// Opens the window. Blocks until it is closed.
pub fn run_native(runtime: tokio::runtime::Runtime, options: StartOptions) -> Result<(), String> {
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
        ..Default::default()
    };
    eframe::run_native(
        crate::APP_ID,
        native,
        Box::new(move |cc| Ok(Box::new(App::new(&cc.egui_ctx, cc.storage, options)))),
    )
    .map_err(|e| e.to_string())
}
