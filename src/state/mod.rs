//! Everything the app knows at a moment: forms, the signed-in session, the
//! customer on screen, and the [`Intent`]s the UI sends. A leaf module:
//! both [`crate::app`] (which changes it) and [`crate::ui`] (which draws it
//! and edits form fields) use it, and it uses neither.

mod enrol;
mod intent;
mod login_problem;
mod name_search;
mod photo_edit;
mod pixels;
mod profile_view;

pub use enrol::EnrolDialog;
pub use intent::{EnrolIntent, Intent, SuggestionIntent};
pub use login_problem::LoginProblem;
#[cfg(feature = "testing")]
pub use name_search::TYPING_PAUSE;
pub use name_search::{MAX_SUGGESTIONS, NameSearch, SearchRequest, SearchStatus, Suggestion};
pub use photo_edit::{
    CameraView, CropSession, PhotoEdit, PhotoEditStage, PhotoIntent, PhotoSource, SendStep,
};
pub use pixels::{ShownPixels, WorkingPicture, color_image};
pub use profile_view::{DetailRow, DetailSection, ProfileView, name_of};

use crate::capillary::{Customer, IdentifierKind, Lookup, ProgramStanding, Purchase};
use crate::config::{AuthScheme, HostChoice, Settings};
use crate::secret::Secret;

/// How many recent lookups are kept (in memory only).
pub const RECENT_LIMIT: usize = 10;

/// The photo frame's side in points; the texture is prepared for the
/// enlarged view, which is [`ENLARGED_FACTOR`] times larger.
pub const PHOTO_FRAME_POINTS: f32 = 280.0;
pub const ENLARGED_FACTOR: f32 = 2.0;

/// Whether "Remember password" can be offered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyringStatus {
    /// The system keyring is being asked (it may be slow to answer).
    Checking,
    Available,
    /// Not offered, with the reason shown beside the disabled box.
    Unavailable(crate::vault::VaultError),
}

impl Default for KeyringStatus {
    fn default() -> Self {
        KeyringStatus::Unavailable(crate::vault::VaultError::NoKeyring)
    }
}

/// The login panel's fields.
#[derive(Debug, Default)]
pub struct LoginForm {
    pub host: HostChoice,
    pub custom_url: String,
    pub scheme: AuthScheme,
    pub username: String,
    pub password: Secret,
    pub client_key: String,
    pub client_secret: Secret,
    pub show_secret: bool,
    /// "Remember password on this computer" is ticked.
    pub remember: bool,
    pub keyring: KeyringStatus,
    pub error: Option<LoginProblem>,
    /// Credentials are being checked.
    pub pending: bool,
    /// Move keyboard focus to the first empty field on the next frame.
    pub focus_first_empty: bool,
    /// The keyring account whose remembered secret is in the form: it is
    /// that account's, and leaves the field if the username, scheme or
    /// server changes.
    pub remembered_for: Option<String>,
}

impl LoginForm {
    /// The form as the saved settings leave it, password empty.
    pub fn from_settings(settings: &Settings) -> Self {
        let mut form = LoginForm {
            host: settings.host.clone(),
            scheme: settings.auth_scheme,
            remember: settings.remember_password,
            focus_first_empty: true,
            ..LoginForm::default()
        };
        if let HostChoice::Custom(url) = &settings.host {
            form.custom_url = url.clone();
        }
        match settings.auth_scheme {
            AuthScheme::Till => form.username = settings.username.clone(),
            AuthScheme::OAuth => form.client_key = settings.username.clone(),
        }
        form
    }

    /// Who is signing in where: the keyring account of the typed secret.
    pub fn keyring_account(&self) -> String {
        let host = match &self.host {
            HostChoice::Demo => "demo".to_owned(),
            HostChoice::Cluster(cluster) => cluster.url().to_owned(),
            HostChoice::Custom(_) => self.custom_url.trim().to_owned(),
        };
        let principal = match self.scheme {
            AuthScheme::Till => self.username.trim(),
            AuthScheme::OAuth => self.client_key.trim(),
        };
        crate::vault::account(&host, self.scheme, principal)
    }

    /// The secret typed for the chosen scheme.
    pub fn secret(&self) -> &Secret {
        match self.scheme {
            AuthScheme::Till => &self.password,
            AuthScheme::OAuth => &self.client_secret,
        }
    }

    /// Forgets what was typed into the secret fields.
    pub fn clear_secrets(&mut self) {
        self.password = Secret::default();
        self.client_secret = Secret::default();
        self.show_secret = false;
        self.remembered_for = None;
    }

    /// A remembered secret belongs to one account: once the username,
    /// scheme or server no longer names it, the secret leaves the field.
    pub fn drop_remembered_secret_of_another_account(&mut self) {
        if self
            .remembered_for
            .as_ref()
            .is_some_and(|account| *account != self.keyring_account())
        {
            self.clear_secrets();
        }
    }
}

/// Who is signed in, for the screen (the live client is the app's).
#[derive(Debug)]
pub struct Session {
    /// Cluster name or host, for the status bar.
    pub host_label: String,
    pub user: String,
}

/// The lookup form.
#[derive(Debug, Default)]
pub struct LookupForm {
    pub input: String,
    /// The type picked in the selector; `None` is "Any identifier", the
    /// default: whatever is scanned is tried as every type it could be.
    pub kind: Option<IdentifierKind>,
    /// Put keyboard focus in the input on the next frame.
    pub request_focus: bool,
    /// Select the whole input on the next frame, so that the next scan
    /// replaces what is left in it (after input that could not be looked up).
    pub select_all: bool,
}

/// A photo in the profile view.
pub enum PhotoSlot {
    Loading,
    /// The customer has no photo: show initials.
    Absent,
    /// It failed: initials plus this one-line reason.
    Failed(String),
    Shown(ShownPixels),
}

impl std::fmt::Debug for PhotoSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PhotoSlot::Loading => f.write_str("Loading"),
            PhotoSlot::Absent => f.write_str("Absent"),
            PhotoSlot::Failed(reason) => write!(f, "Failed({reason:?})"),
            PhotoSlot::Shown(pixels) => write!(f, "Shown({pixels:?})"),
        }
    }
}

/// A customer on screen.
#[derive(Debug)]
pub struct LoadedProfile {
    pub customer: Customer,
    /// What the screen shows of `customer`, built when it arrived.
    pub view: ProfileView,
    pub photo: PhotoSlot,
    /// The identifier that found them (`None` when reopened from the
    /// recent list).
    pub found_by: Option<Lookup>,
    /// Other identifiers tried for the same scan that failed for another
    /// reason than "not found", in words: this may not be the only match.
    pub other_failures: Vec<String>,
    /// Tier and points per program, fetched beside the photo.
    pub loyalty: Panel<Vec<ProgramStanding>>,
    /// The last few purchases, newest first, fetched beside the photo.
    pub purchases: Panel<Vec<Purchase>>,
    /// Which lookup produced it: a photo is only ever applied to the
    /// profile of the same lookup.
    pub lookup_id: u64,
}

/// A part of the profile that is fetched on its own after the customer:
/// while it loads, or if it fails, the rest of the profile is unaffected.
#[derive(Debug, Clone, PartialEq)]
pub enum Panel<T> {
    Loading,
    Ready(T),
    /// What went wrong, in words; the panel offers to try again.
    Failed(String),
}

/// The panels of [`LoadedProfile`] that can be fetched again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelKind {
    Loyalty,
    Purchases,
}

/// Different customers matched one scan (one's mobile is another's card):
/// the person picks one, with the keyboard or the mouse.
#[derive(Debug)]
pub struct Choice {
    pub matches: Vec<Match>,
    /// The highlighted match.
    pub selected: usize,
    pub lookup_id: u64,
}

/// One customer of a [`Choice`].
#[derive(Debug)]
pub struct Match {
    pub customer: Customer,
    pub found_by: Lookup,
    pub photo: PhotoSlot,
}

/// What the main area shows.
#[derive(Debug, Default)]
pub enum ProfileState {
    #[default]
    Empty,
    Loading {
        lookup: Lookup,
    },
    Failed {
        message: String,
    },
    Loaded(Box<LoadedProfile>),
    Choosing(Choice),
}

/// A recent lookup, reopened with one click.
#[derive(Debug, Clone)]
pub struct RecentLookup {
    pub lookup: Lookup,
    /// The customer's name, or the identifier when there was none.
    pub label: String,
}

/// The whole app state.
#[derive(Debug, Default)]
pub struct AppState {
    pub settings: Settings,
    pub login: LoginForm,
    pub session: Option<Session>,
    pub lookup: LookupForm,
    pub profile: ProfileState,
    pub recent: Vec<RecentLookup>,
    pub photo_enlarged: bool,
    pub last_failed_request_id: Option<String>,
    /// A short note such as "Copied", and when it disappears.
    pub toast: Option<(String, std::time::Instant)>,
    /// Increases with every lookup; results of older ones are dropped.
    pub current_lookup: u64,
    /// The zone purchase times are shown in: `None` is the workstation's
    /// own (tests pin one, so that snapshots do not depend on the machine).
    pub time_zone: Option<chrono::FixedOffset>,
    /// What the organisation pinned (already applied to `settings`); the
    /// UI locks those controls.
    pub policy: crate::policy::Policy,
    /// The organisation's policy could not be read: the app shows this and
    /// nothing else.
    pub policy_error: Option<String>,
    /// The photo dialog of the customer on screen, when open.
    pub photo_edit: Option<PhotoEdit>,
    /// Suggestions for a name typed in the lookup box.
    pub search: NameSearch,
    /// A call is waiting to retry after Capillary said "too many requests".
    pub capillary_busy: bool,
    /// Every candidate of this text said "not found": enrolment is offered.
    pub not_found: Option<String>,
    /// The enrolment form, while open.
    pub enrol: Option<EnrolDialog>,
    /// Said on the profile of a customer just enrolled (Capillary's
    /// warnings, the points for joining), until the next lookup.
    pub enrolled_note: Option<String>,
    /// Focus "Take photo…" once the profile of a customer just enrolled is
    /// on screen.
    pub focus_take_photo: bool,
    /// The UI's words, numbers and dates, in the language in force.
    pub texts: std::sync::Arc<crate::i18n::Texts>,
}

impl AppState {
    /// Remembers a lookup at the top of the recent list, without duplicates.
    pub fn remember(&mut self, recent: RecentLookup) {
        self.recent.retain(|r| r.lookup != recent.lookup);
        self.recent.insert(0, recent);
        self.recent.truncate(RECENT_LIMIT);
    }

    /// Drops every customer byte: profile, photo texture, recent lookups,
    /// the typed identifier. Used on logout and on lock.
    pub fn wipe_customer_data(&mut self) {
        self.profile = ProfileState::Empty;
        self.recent.clear();
        self.lookup.input.clear();
        self.photo_enlarged = false;
        self.photo_edit = None;
        self.enrol = None;
        self.not_found = None;
        self.enrolled_note = None;
        self.focus_take_photo = false;
        self.toast = None;
        self.last_failed_request_id = None;
        self.search.reset();
        self.current_lookup += 1;
    }

    /// Whether this workstation may change customers' photos (a setting
    /// the organisation can pin) and someone is signed in.
    pub fn photo_changes_allowed(&self) -> bool {
        self.settings.photo_changes && self.session.is_some()
    }

    /// Every picture the screen shows: the app keeps a texture for each
    /// and for nothing else.
    pub fn pictures(&self) -> Vec<&ShownPixels> {
        fn slot(slot: &PhotoSlot) -> Option<&ShownPixels> {
            match slot {
                PhotoSlot::Shown(pixels) => Some(pixels),
                _ => None,
            }
        }
        let mut shown = Vec::new();
        match &self.profile {
            ProfileState::Loaded(profile) => shown.extend(slot(&profile.photo)),
            ProfileState::Choosing(choice) => {
                shown.extend(choice.matches.iter().filter_map(|m| slot(&m.photo)));
            }
            ProfileState::Empty | ProfileState::Loading { .. } | ProfileState::Failed { .. } => {}
        }
        shown.extend(
            self.search
                .suggestions
                .iter()
                .filter_map(|s| slot(&s.photo)),
        );
        if let Some(edit) = &self.photo_edit {
            shown.extend(edit.stage.preview());
        }
        shown
    }

    /// The customer on screen, if any (for tests).
    #[cfg(any(test, feature = "testing"))]
    pub fn customer(&self) -> Option<&Customer> {
        match &self.profile {
            ProfileState::Loaded(p) => Some(&p.customer),
            _ => None,
        }
    }
}
