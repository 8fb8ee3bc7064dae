//! The counter's logic without egui, without a network and without a
//! runtime: [`update`] takes the [`Logic`] and one [`Msg`] (something the
//! person asked for, a finished job with its ticket, the clock) and
//! returns the [`Effect`]s to carry out (jobs to start or cancel, when to
//! wake, the cursor's blink). The app's runner (`crate::app`) owns the
//! live client, the jobs and the textures and does what the effects say;
//! so everything decided here is tested with plain values
//! (`src/logic/tests.rs`).
//!
//! What lives here: lookups (the candidates of a scan, supersession, the
//! choice between customers), the photo and panels of the customer shown
//! and which of their results are still current, the photo cache, the
//! photo dialog (pictures, the camera, the change and its steps), name
//! search and its suggestions, enrolment, signing in and out (with
//! "Remember password"), the idle lock and the cursor blink, and warming
//! connections up. Reading the clipboard on Ctrl+V stays in the runner
//! (it hooks egui's raw input); what it finds comes here as a message.

mod enrol;
mod idle;
mod lookup;
mod photo_cache;
mod photo_edit;
mod resolve;
mod search;
mod session;
#[cfg(test)]
mod tests;
mod warm;

pub use idle::Clock;
pub use lookup::photo_key;
pub use photo_cache::{PhotoCache, PhotoKey};
pub use photo_edit::{
    PhotoChange, PhotoChangeError, PhotoChanged, PhotoEditFinished, PhotoEditTicket, PictureInput,
};
pub use search::{SearchFinished, SuggestionTicket, THUMBNAIL_POINTS, ThumbnailTicket};
// What the tests and benchmarks name (see `crate::testing`).
pub use session::{KeyringReport, PendingLogin, Server, SignInError, SignedIn};
pub use warm::WarmUp;
#[cfg(feature = "testing")]
pub use warm::{API_IDLE, PHOTO_IDLE};
#[cfg(any(test, feature = "testing"))]
pub use {
    enrol::ENROLMENT_OFF, idle::CURSOR_BLINK, lookup::photo_frame_px, photo_edit::NOTHING_CHOSEN,
    search::thumbnail_px,
};

use crate::capillary::{
    ApiError, Customer, Enrolled, Enrolment, Lookup, ProgramStanding, Purchase,
};
use crate::state::{
    AppState, Intent, LoginProblem, PanelKind, PhotoSource, SearchRequest, SendStep,
};
use idle::{Idle, IdleOutcome};
use std::time::{Duration, Instant};

/// How long a note such as "Copied" or "Photo replaced" stays.
pub const TOAST: Duration = Duration::from_millis(1500);

/// The logic's state: what the screen shows, plus what the screen does
/// not (when the person last typed, which hosts were used when, the
/// decoded photos).
#[derive(Debug)]
pub struct Logic {
    pub state: AppState,
    pub clock: Clock,
    pub(crate) idle: Idle,
    pub(crate) warm: WarmUp,
    pub(crate) photo_cache: PhotoCache,
    /// What the runner's live client is (set while signed in).
    link: Option<Link>,
    /// The runner has a keyring for "Remember password".
    keyring: bool,
    /// The screen's pixels per point: photos and thumbnails are prepared
    /// for it (the runner says when it changes).
    pixels_per_point: f32,
}

/// What the logic knows of the signed-in session's client.
#[derive(Debug, Clone)]
pub struct Link {
    /// Where the API calls go (warmed while the cashier types).
    pub api_origin: url::Url,
    /// How many connections one scan's candidates use at once.
    pub lookup_connections: usize,
}

/// Something that happened.
#[derive(Debug)]
pub enum Msg {
    /// The person asked for something (only the intents this module owns;
    /// the runner applies the rest itself).
    Intent(Intent),
    /// A background job finished.
    Finished(Finished),
    /// A picture for the photo dialog from elsewhere (Ctrl+V read the
    /// clipboard).
    ReadPicture(PhotoSource, PictureInput),
    /// The open camera's newest frame, or why it stopped.
    CameraFrame(Result<crate::camera::Frame, crate::camera::CameraError>),
    /// How far the photo change being sent has got.
    PhotoProgress(SendStep),
    /// Time passed (every frame, and on every wake-up while hidden).
    Tick,
    /// The person touched the app in this frame.
    Input,
    /// The screen's pixels per point (photos are prepared for it).
    Scale(f32),
    /// The runner has a keyring now: "Remember password" is asked of it.
    KeyringAttached,
}

/// What the runner is to do.
#[derive(Debug, PartialEq)]
pub enum Effect {
    Start(Work),
    /// Drop (and abort) these jobs: their answers are no longer wanted.
    Cancel(JobGroup),
    /// The session ended: drop the client, every job and the camera (the
    /// logic has wiped the state).
    EndSession,
    /// Remember (`Some`) or forget (`None`) this account's secret in the
    /// keyring, in the background.
    UpdateKeyring {
        account: String,
        secret: Option<crate::secret::Secret>,
    },
    /// Run a tick again after this long, even if nothing else happens.
    WakeAfter(Duration),
    /// Start or stop the text cursor's blink.
    CursorBlink(bool),
    /// Open camera N and send its frames as [`Msg::CameraFrame`].
    OpenCamera(usize),
    /// Stop the camera (its thread ends and releases it).
    CloseCamera,
}

/// A background job to start: every value it needs, and the ticket its
/// answer comes back with.
#[derive(Debug, Clone)]
pub enum Work {
    /// Build a client for `server` and prove the credentials with one call
    /// (the runner keeps the client).
    LogIn {
        pending: PendingLogin,
        server: Server,
        credentials: crate::capillary::Credentials,
        /// Capillary's `language` header.
        language: &'static str,
    },
    /// Whether the keyring works, and (`load`) the account's secret.
    AskKeyring { account: String, load: bool },
    /// Every candidate of one scan, at once.
    LookUp(LookupTicket),
    /// Download and prepare a customer's photo for `frame_px`.
    Photo {
        ticket: PhotoTicket,
        customer: Box<Customer>,
        frame_px: u32,
    },
    /// Loyalty or purchases of the customer shown.
    Panel {
        lookup_id: u64,
        customer_id: i64,
        kind: PanelKind,
    },
    /// Open connections to `origin` ahead of a lookup.
    WarmUp {
        origin: url::Url,
        connections: usize,
    },
    /// Read a picture for the photo dialog (decode, turn upright, scale).
    ReadPicture {
        ticket: PhotoEditTicket,
        input: PictureInput,
    },
    /// Show the system's file dialog, then read the chosen file.
    ChoosePicture { ticket: PhotoEditTicket },
    /// List the cameras (camera `index` is to open).
    ListCameras {
        ticket: PhotoEditTicket,
        index: usize,
    },
    /// Replace or remove the customer's photo, reporting its steps as
    /// [`Msg::PhotoProgress`].
    ChangePhoto {
        ticket: PhotoEditTicket,
        customer: Box<Customer>,
        change: PhotoChange,
    },
    /// Customers whose name starts so.
    Search(SearchRequest),
    /// A suggested customer's record (for the thumbnail and the mobile).
    SuggestionRecord(SuggestionTicket),
    /// A suggestion's thumbnail, prepared for `frame_px`.
    Thumbnail {
        ticket: ThumbnailTicket,
        customer: Box<Customer>,
        frame_px: u32,
    },
    /// Register a new customer, associated with the till.
    Enrol { enrolment: Enrolment, till: String },
}

/// Two jobs are the same when they would ask the same thing (a photo's
/// customer counts by ID: records are not comparable).
impl PartialEq for Work {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Work::LookUp(a), Work::LookUp(b)) => a == b,
            (
                Work::Photo {
                    ticket,
                    customer,
                    frame_px,
                },
                Work::Photo {
                    ticket: other_ticket,
                    customer: other_customer,
                    frame_px: other_frame,
                },
            ) => {
                (ticket, customer.customer_id(), frame_px)
                    == (other_ticket, other_customer.customer_id(), other_frame)
            }
            (
                Work::Panel {
                    lookup_id,
                    customer_id,
                    kind,
                },
                Work::Panel {
                    lookup_id: l,
                    customer_id: c,
                    kind: k,
                },
            ) => (lookup_id, customer_id, kind) == (l, c, k),
            (
                Work::WarmUp {
                    origin,
                    connections,
                },
                Work::WarmUp {
                    origin: o,
                    connections: c,
                },
            ) => (origin, connections) == (o, c),
            (Work::ReadPicture { ticket, .. }, Work::ReadPicture { ticket: t, .. })
            | (Work::ChoosePicture { ticket }, Work::ChoosePicture { ticket: t }) => ticket == t,
            (
                Work::ListCameras { ticket, index },
                Work::ListCameras {
                    ticket: t,
                    index: i,
                },
            ) => (ticket, index) == (t, i),
            (Work::LogIn { pending, .. }, Work::LogIn { pending: p, .. }) => pending == p,
            (
                Work::AskKeyring { account, load },
                Work::AskKeyring {
                    account: a,
                    load: l,
                },
            ) => (account, load) == (a, l),
            (Work::Search(a), Work::Search(b)) => a == b,
            (Work::SuggestionRecord(a), Work::SuggestionRecord(b)) => a == b,
            (Work::Thumbnail { ticket, .. }, Work::Thumbnail { ticket: t, .. }) => ticket == t,
            (Work::Enrol { till, .. }, Work::Enrol { till: t, .. }) => till == t,
            (
                Work::ChangePhoto { ticket, change, .. },
                Work::ChangePhoto {
                    ticket: t,
                    change: c,
                    ..
                },
            ) => {
                ticket == t
                    && matches!(
                        (change, c),
                        (PhotoChange::Remove, PhotoChange::Remove)
                            | (PhotoChange::Replace { .. }, PhotoChange::Replace { .. })
                    )
            }
            _ => false,
        }
    }
}

/// Jobs that are cancelled together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobGroup {
    /// The lookup in flight, its photos and panels.
    Lookup,
    /// Only the photos (the choice's others, once one is chosen).
    Photos,
    /// The name search and its suggestions' records and thumbnails.
    Search,
    /// What the photo dialog started: the picture being read, the camera
    /// list, the change being sent (one already sent may still have
    /// reached Capillary; the logic fetches the customer again).
    PhotoEdit,
    /// The enrolment being sent.
    Enrol,
}

/// Which lookup a job answers: results of superseded lookups are dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupTicket {
    pub lookup_id: u64,
    /// Every identifier type the input could be, tried at once.
    pub candidates: Vec<Lookup>,
}

/// Where a photo job's result goes: which lookup's profile, and where in
/// the photo cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoTicket {
    pub lookup_id: u64,
    pub cache_key: Option<PhotoKey>,
    /// `None`: the profile's photo; `Some(n)`: match `n` of a choice.
    pub match_index: Option<usize>,
}

/// A finished job's answer, with what it was started with.
#[derive(Debug)]
pub enum Finished {
    LoggedIn {
        pending: PendingLogin,
        result: Result<SignedIn, SignInError>,
    },
    Keyring(KeyringReport),
    /// Each candidate with its answer, in the order they were tried.
    LookedUp {
        lookup_id: u64,
        answers: Vec<(Lookup, Result<Customer, ApiError>)>,
    },
    Photo {
        ticket: PhotoTicket,
        result: Result<egui::ColorImage, PhotoLoadError>,
    },
    Panel {
        lookup_id: u64,
        answer: PanelAnswer,
    },
    PhotoEdit(PhotoEditFinished),
    Search(SearchFinished),
    /// The new customer, or why Capillary refused.
    Enrolled(Result<Enrolled, ApiError>),
}

/// A loyalty or purchases answer.
#[derive(Debug)]
pub enum PanelAnswer {
    Loyalty(Result<Vec<ProgramStanding>, ApiError>),
    Purchases(Result<Vec<Purchase>, ApiError>),
}

/// Why a photo could not be shown.
#[derive(Debug, Clone, thiserror::Error)]
pub enum PhotoLoadError {
    #[error(transparent)]
    Download(#[from] ApiError),
    #[error(transparent)]
    Decode(#[from] crate::photo::PhotoError),
}

impl PhotoLoadError {
    /// In the UI's language.
    pub fn words(&self, t: &crate::i18n::Texts) -> String {
        match self {
            PhotoLoadError::Download(error) => error.words_with_request_id(t),
            PhotoLoadError::Decode(error) => error.words(t),
        }
    }
}

impl Logic {
    pub fn new(state: AppState, clock: Clock) -> Self {
        let mut logic = Self {
            state,
            idle: Idle::new(clock.now()),
            clock,
            warm: WarmUp::default(),
            photo_cache: PhotoCache::default(),
            link: None,
            keyring: false,
            pixels_per_point: 1.0,
        };
        if logic.state.login.host == crate::config::HostChoice::Demo {
            logic.prefill_demo_credentials();
        }
        logic
    }

    /// Whether the text cursor currently blinks (it stops when idle), for
    /// tests.
    #[cfg(any(test, feature = "testing"))]
    pub fn cursor_blinking(&self) -> bool {
        self.idle.cursor_blinking()
    }

    /// Photos in the in-memory cache, for tests.
    #[cfg(any(test, feature = "testing"))]
    pub fn cached_photos(&self) -> usize {
        self.photo_cache.len()
    }

    /// The one currency check: whether a finished job still answers what
    /// the screen shows. Anything else is dropped unseen, so the photo and
    /// panels on screen always belong to the name on screen.
    pub fn is_current(&self, finished: &Finished) -> bool {
        use crate::state::ProfileState;
        let lookup_id = match finished {
            Finished::LoggedIn { .. } => return self.state.login.pending,
            // Applied only to an untouched form of the same account.
            Finished::Keyring(_) => return true,
            Finished::LookedUp { lookup_id, .. } => *lookup_id,
            Finished::Photo { ticket, .. } => ticket.lookup_id,
            Finished::Panel { lookup_id, .. } => *lookup_id,
            Finished::PhotoEdit(finished) => return self.photo_edit_current(finished),
            Finished::Search(finished) => return self.search_current(finished),
            // Cancelled, locked or logged out meanwhile: no form waits.
            Finished::Enrolled(_) => return self.state.enrol.as_ref().is_some_and(|d| d.sending),
        };
        if lookup_id != self.state.current_lookup {
            return false;
        }
        match (finished, &self.state.profile) {
            (Finished::LookedUp { .. }, ProfileState::Loading { .. }) => true,
            (Finished::LookedUp { .. }, _) => false,
            (Finished::Photo { ticket, .. }, ProfileState::Loaded(profile)) => {
                ticket.match_index.is_none() && profile.lookup_id == lookup_id
            }
            (Finished::Photo { ticket, .. }, ProfileState::Choosing(choice)) => ticket
                .match_index
                .is_some_and(|i| i < choice.matches.len() && choice.lookup_id == lookup_id),
            (Finished::Panel { .. }, ProfileState::Loaded(profile)) => {
                profile.lookup_id == lookup_id
            }
            _ => false,
        }
    }
}

/// Applies one message; returns what the runner is to do about it.
pub fn update(logic: &mut Logic, msg: Msg) -> Vec<Effect> {
    let mut fx = Vec::new();
    match msg {
        Msg::Intent(intent) => logic.intent(intent, &mut fx),
        Msg::Finished(finished) => {
            if logic.is_current(&finished) {
                logic.finished(finished, &mut fx);
            }
        }
        Msg::ReadPicture(source, input) => logic.read_picture(source, input, &mut fx),
        Msg::CameraFrame(frame) => logic.camera_frame(frame, &mut fx),
        Msg::PhotoProgress(step) => logic.photo_progress(step),
        Msg::Tick => logic.tick(&mut fx),
        Msg::Input => {
            let now = logic.clock.now();
            fx.extend(logic.idle.note_input(now).map(Effect::CursorBlink));
        }
        Msg::Scale(pixels_per_point) => logic.pixels_per_point = pixels_per_point,
        Msg::KeyringAttached => {
            logic.keyring = true;
            logic.ask_keyring(&mut fx);
        }
    }
    fx
}

impl Logic {
    fn intent(&mut self, intent: Intent, fx: &mut Vec<Effect>) {
        match intent {
            Intent::LogIn => self.start_login(fx),
            Intent::LogOut => {
                self.end_session(None, fx);
                // Fill in the remembered secret again (never after a lock).
                self.ask_keyring(fx);
            }
            Intent::LookUp => self.start_lookup_from_form(fx),
            Intent::StartedTyping => self.warm_up(fx),
            Intent::Choose(index) => self.choose(index, fx),
            Intent::Retry(kind) => self.retry_panel(kind, fx),
            Intent::Reopen(lookup) => self.start_lookup(vec![lookup], fx),
            Intent::Cancel => {
                let cancelled = crate::tr_text!(self.state.texts, "lookup-cancelled");
                self.fail_lookup(cancelled, fx);
            }
            Intent::Clear => {
                self.supersede_lookup(fx);
                self.state.lookup.input.clear();
                self.state.profile = crate::state::ProfileState::Empty;
                self.state.photo_enlarged = false;
            }
            Intent::EnlargePhoto(open) => self.state.photo_enlarged = open,
            Intent::Photo(photo) => self.photo_intent(photo, fx),
            Intent::Typed => self.typed(fx),
            Intent::Suggestions(intent) => self.suggestion_intent(intent, fx),
            Intent::Enrol(intent) => self.enrol_intent(intent, fx),
            // The runner's own (copying, quitting, the theme, the language,
            // enrolment's switch); never printed: a copied value is a
            // customer's.
            _ => tracing::debug!("an intent the runner applies reached the logic: ignored"),
        }
    }

    fn finished(&mut self, finished: Finished, fx: &mut Vec<Effect>) {
        match finished {
            Finished::LoggedIn { pending, result } => self.finish_login(pending, result, fx),
            Finished::Keyring(report) => self.finish_keyring(report),
            Finished::LookedUp { lookup_id, answers } => self.finish_lookup(lookup_id, answers, fx),
            Finished::Photo { ticket, result } => self.finish_photo(ticket, result),
            Finished::Panel { lookup_id, answer } => self.finish_panel(lookup_id, answer),
            Finished::PhotoEdit(finished) => self.photo_edit_finished(finished, fx),
            Finished::Search(finished) => self.search_finished(finished, fx),
            Finished::Enrolled(outcome) => self.finish_enrolment(outcome, fx),
        }
    }

    /// Shows a customer already fetched (a name suggestion's record) as a
    /// lookup would, superseding any in flight.
    fn show_fetched(&mut self, customer: Customer, fx: &mut Vec<Effect>) {
        let lookup_id = self.supersede_lookup(fx);
        self.state.photo_enlarged = false;
        self.state.last_failed_request_id = None;
        self.show_customer(lookup_id, customer, None, Vec::new(), fx);
    }

    /// A downloaded photo or thumbnail for its slot, kept in the photo
    /// cache; or why it cannot be shown, in words.
    pub(crate) fn photo_arrived(
        &mut self,
        cache_key: Option<PhotoKey>,
        result: Result<egui::ColorImage, PhotoLoadError>,
    ) -> crate::state::PhotoSlot {
        use crate::state::{PhotoSlot, ShownPixels};
        match result {
            Ok(image) => {
                let image = std::sync::Arc::new(image);
                if let Some(key) = cache_key {
                    self.photo_cache.insert(key, image.clone());
                }
                PhotoSlot::Shown(ShownPixels::photo(image))
            }
            Err(reason) => PhotoSlot::Failed(reason.words(&self.state.texts)),
        }
    }

    /// The signed-in till, for the log lines that say who changed what.
    pub(crate) fn till(&self) -> String {
        self.state
            .session
            .as_ref()
            .map(|s| s.user.clone())
            .unwrap_or_default()
    }

    /// A short note in the status bar for `how_long`.
    pub(crate) fn toast(&mut self, note: String, how_long: Duration, fx: &mut Vec<Effect>) {
        self.state.toast = Some((note, self.clock.now() + how_long));
        fx.push(Effect::WakeAfter(how_long));
    }

    /// The note that goes, a remembered secret that no longer fits the
    /// form, the idle lock, the cursor blink, and the search whose typing
    /// pause is over.
    fn tick(&mut self, fx: &mut Vec<Effect>) {
        let now: Instant = self.clock.now();
        self.state.login.drop_remembered_secret_of_another_account();
        if let Some((_, until)) = &self.state.toast {
            match until.checked_duration_since(now) {
                Some(left) if !left.is_zero() => fx.push(Effect::WakeAfter(left)),
                _ => self.state.toast = None,
            }
        }
        let settings = &self.state.settings;
        let lock_after = (self.state.session.is_some() && settings.lock_after_secs > 0)
            .then(|| Duration::from_secs(settings.lock_after_secs));
        let (outcome, blink) = self.idle.tick(now, lock_after);
        fx.extend(blink.map(Effect::CursorBlink));
        match outcome {
            IdleOutcome::Active { wake_after } => fx.extend(wake_after.map(Effect::WakeAfter)),
            IdleOutcome::Lock { idle } => {
                tracing::info!(idle_secs = idle.as_secs(), "locked after inactivity");
                let locked = LoginProblem::Locked {
                    after_secs: self.state.settings.lock_after_secs,
                };
                self.end_session(Some(locked), fx);
                return;
            }
        }
        self.start_due_search(fx);
    }

    /// Prepares the connections a lookup is about to need, where they may
    /// have gone idle (see [`warm`]).
    fn warm_up(&mut self, fx: &mut Vec<Effect>) {
        let Some(link) = &self.link else {
            return;
        };
        let now = self.clock.now();
        let api = link.api_origin.clone();
        for origin in self.warm.due(now, api.clone()) {
            // The scan's candidates go to the API host at once; the photo
            // is one download.
            let connections = if origin == api {
                link.lookup_connections
            } else {
                1
            };
            fx.push(Effect::Start(Work::WarmUp {
                origin,
                connections,
            }));
        }
    }
}
