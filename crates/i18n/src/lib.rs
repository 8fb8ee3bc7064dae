//! The staff's language: every word the UI shows comes from Fluent files
//! (`ftl/*.ftl` beside this crate, compiled in), in English, Hindi or Arabic, with
//! each language's plural rules. A message missing from a translation
//! falls back to English, never to its id (a test keeps every locale
//! complete). Numbers and dates follow the locale ([`format`]).
//!
//! What the cashier reads aloud from Capillary (names, tiers, stores) is
//! shown as it came; only the app's own words are translated.

pub mod bidi;
mod format;
mod language;

pub use format::Grouping;
pub use language::{Language, LanguageChoice, Locale};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// `tr!(texts, "message-id")` or `tr!(texts, "message-id", name = value, …)`:
/// the message in the UI's language. Ids are literals so that a test can
/// find every one in the source and check each locale has it.
#[macro_export]
macro_rules! tr {
    ($texts:expr, $id:literal) => {
        $texts.get($id)
    };
    ($texts:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::Args::new();
        $(args.set(stringify!($name), $crate::arg($value));)+
        $texts.get_with($id, &args)
    }};
}

/// A message id kept in a constant (an accessible name the tests look
/// for, a heading two screens share): `texts.msg(ENROL_HEADING)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Msg(pub &'static str);

/// `tr_text!(texts, "message-id", …)`: the message as text, in logical
/// order, for keeping in the state or passing into another message; what
/// draws it puts it in display order once ([`Texts::drawable`], or the
/// [`tr!`] it is an argument of). [`tr!`] itself is for text drawn at once.
#[macro_export]
macro_rules! tr_text {
    ($texts:expr, $id:literal) => {
        $texts.text($id, None)
    };
    ($texts:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::Args::new();
        $(args.set(stringify!($name), $crate::arg($value));)+
        $texts.text($id, Some(&args))
    }};
}

/// `Display` (and `Error`) in English, for logs and the command line, for
/// error types whose words come from the Fluent files through their own
/// `fn words(&self, t: &Texts) -> String`.
#[macro_export]
macro_rules! display_in_english {
    ($($error:ty),+ $(,)?) => {$(
        impl std::fmt::Display for $error {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.words($crate::english()))
            }
        }

        impl std::error::Error for $error {}
    )+};
}

/// Arguments of a message (see [`tr!`]).
pub type Args<'a> = FluentArgs<'a>;

/// A message argument: text as it is, numbers for plural choice and
/// locale grouping.
pub fn arg<'a>(value: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    value.into()
}

/// The Fluent source of each language, compiled in.
fn source(language: Language) -> &'static str {
    match language {
        Language::English => include_str!("../ftl/en.ftl"),
        Language::Hindi => include_str!("../ftl/hi.ftl"),
        Language::Arabic => include_str!("../ftl/ar.ftl"),
    }
}

/// English, built once: what `Display` of an error says (logs, the
/// command line).
pub fn english() -> &'static Texts {
    static ENGLISH: std::sync::LazyLock<Texts> = std::sync::LazyLock::new(Texts::english);
    &ENGLISH
}

/// The app's words in one locale, with English behind them.
pub struct Texts {
    locale: Locale,
    bundle: FluentBundle<FluentResource>,
    /// English, for a message the translation lacks (`None` when the
    /// language is English).
    english: Option<FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for Texts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Texts")
            .field("locale", &self.locale)
            .finish()
    }
}

impl Default for Texts {
    fn default() -> Self {
        Self::new(Locale::default())
    }
}

impl Texts {
    pub fn new(locale: Locale) -> Self {
        let english = (locale.language != Language::English)
            .then(|| bundle(Language::English, locale.grouping()));
        let bundle = bundle(locale.language, locale.grouping());
        Self {
            locale,
            bundle,
            english,
        }
    }

    /// The texts for a language choice on a workstation with this locale
    /// (the window, `doctor` and `photo` all resolve it this way).
    pub fn for_choice(choice: LanguageChoice, workstation: Option<Locale>) -> Self {
        Self::new(Locale::resolve(choice, workstation))
    }

    /// English, as the tests and the command line's defaults use it.
    pub fn english() -> Self {
        Self::new(Locale::new(Language::English, None))
    }

    pub fn locale(&self) -> &Locale {
        &self.locale
    }

    pub fn language(&self) -> Language {
        self.locale.language
    }

    /// True for a right-to-left language: the layout is mirrored.
    pub fn right_to_left(&self) -> bool {
        self.locale.language.right_to_left()
    }

    /// A message with no arguments (use [`tr!`]).
    pub fn get(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// A message whose id is kept in a constant, to draw at once.
    pub fn msg(&self, message: Msg) -> String {
        self.get(message.0)
    }

    /// The same in logical order, to keep (see [`tr_text!`]).
    pub fn msg_text(&self, message: Msg) -> String {
        self.text(message.0, None)
    }

    /// A message with arguments (use [`tr!`]).
    pub fn get_with(&self, id: &str, args: &FluentArgs<'_>) -> String {
        self.format(id, Some(args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        self.drawable(&self.text(id, args))
    }

    /// A message in logical order (use [`tr_text!`]).
    pub fn text(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        for bundle in std::iter::once(&self.bundle).chain(&self.english) {
            if let Some(text) = format_in(bundle, id, args) {
                return text;
            }
        }
        // Unreachable while the completeness test passes; a word rather
        // than an id if it ever is.
        tracing::error!(id, "message missing from every locale");
        String::from("…")
    }

    /// Text in display order, as egui draws its runs left to right (see
    /// [`bidi`]): an Arabic UI's words, or an Arabic name inside an
    /// English message. [`tr!`] does this for the whole message with its
    /// arguments, so those arguments must be in logical order
    /// ([`tr_text!`], customer text), never another [`tr!`]. A screen
    /// reader reads these words in display order too, a limit until egui
    /// orders text itself. Text with nothing right to left is as it was.
    pub fn drawable(&self, text: &str) -> String {
        bidi::display_order(text).into_owned()
    }

    /// A number grouped as the locale writes it, with the decimals it has
    /// (`123456.5` → "1,23,456.5" in Hindi, "123,456.5" in English).
    pub fn number(&self, value: f64) -> String {
        format::group(value, self.locale.grouping())
    }

    /// An ISO 8601 time from the API, in the workstation's time zone (or
    /// the pinned one), in the locale's order and month names; the text as
    /// it came when it is not a time.
    pub fn time(&self, iso: &str, pinned: Option<chrono::FixedOffset>) -> String {
        match pinned {
            Some(zone) => self.time_in(iso, &zone),
            None => self.time_in(iso, &chrono::Local),
        }
    }

    /// [`Self::time`] in a given zone (tests use fixed offsets).
    pub fn time_in<Tz: chrono::TimeZone>(&self, iso: &str, zone: &Tz) -> String
    where
        Tz::Offset: std::fmt::Display,
    {
        use chrono::{Datelike as _, Timelike as _};
        let Ok(time) = chrono::DateTime::parse_from_rfc3339(iso.trim()) else {
            return iso.to_owned();
        };
        let time = time.with_timezone(zone);
        // Logical order: it goes into the date message.
        let month = self.text(format::MONTHS[time.month0() as usize], None);
        let clock = format!("{:02}:{:02}", time.hour(), time.minute());
        let (day, year) = (time.day(), time.year());
        if self.locale.month_first() {
            tr!(
                self,
                "date-time-month-first",
                day = day,
                month = month,
                year = year.to_string(),
                time = clock
            )
        } else {
            tr!(
                self,
                "date-time",
                day = day,
                month = month,
                year = year.to_string(),
                time = clock
            )
        }
    }
}

fn format_in(
    bundle: &FluentBundle<FluentResource>,
    id: &str,
    args: Option<&FluentArgs<'_>>,
) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        tracing::warn!(id, ?errors, "message formatted with errors");
    }
    Some(text.into_owned())
}

/// One language's bundle. No bidi isolation marks around arguments: egui
/// would draw them as boxes; `bidi` orders mixed text instead.
fn bundle(language: Language, grouping: Grouping) -> FluentBundle<FluentResource> {
    bundle_from(language, grouping, source(language))
}

fn bundle_from(
    language: Language,
    grouping: Grouping,
    source: &str,
) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![language.identifier()]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match grouping {
        Grouping::Indian => format::fluent_indian,
        Grouping::Thousands => format::fluent_thousands,
    }));
    match FluentResource::try_new(source.to_owned()) {
        Ok(resource) => add(&mut bundle, resource, language),
        Err((resource, errors)) => {
            // The tests parse every file; a broken line loses only itself.
            tracing::error!(?language, ?errors, "translation file has errors");
            add(&mut bundle, resource, language);
        }
    }
    bundle
}

fn add(bundle: &mut FluentBundle<FluentResource>, resource: FluentResource, language: Language) {
    if let Err(errors) = bundle.add_resource(resource) {
        tracing::error!(?language, ?errors, "translation file repeats messages");
    }
}

#[cfg(test)]
mod tests;
