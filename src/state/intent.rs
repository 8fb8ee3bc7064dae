//! What the UI asks the app to do. The UI never acts itself: it returns
//! intents, and the app applies them after drawing.

use super::{PanelKind, PhotoIntent};
use crate::capillary::Lookup;
use crate::config::ThemeChoice;

#[derive(Debug, Clone)]
pub enum Intent {
    /// Check the login form's credentials.
    LogIn,
    LogOut,
    /// Look up what is in the lookup form.
    LookUp,
    /// The first keystroke in an empty lookup box: a lookup is coming, so
    /// connections that may have gone idle are prepared.
    StartedTyping,
    /// The lookup box's text changed (a name may be being typed).
    Typed,
    /// ↑/↓/Esc/Enter or a click on the name suggestions.
    Suggestions(SuggestionIntent),
    /// Open, send or cancel the enrolment form.
    Enrol(EnrolIntent),
    /// Open match N of a choice between customers.
    Choose(usize),
    /// Look this up again (from the recent list).
    Reopen(Lookup),
    /// Fetch a panel of the profile again after it failed.
    Retry(PanelKind),
    /// Stop waiting for the lookup in flight.
    Cancel,
    /// Esc: clear the input and the profile, cancel what is in flight.
    Clear,
    /// Copy a value to the clipboard, with a brief note.
    Copy(String),
    /// Show or hide the enlarged photo.
    EnlargePhoto(bool),
    SetTheme(ThemeChoice),
    /// The workstation's enrolment switch on the login panel.
    SetEnrolment(bool),
    /// The language chosen on the login panel.
    SetLanguage(crate::i18n::LanguageChoice),
    /// Something for the photo dialog (paste, drop, crop, send, remove).
    Photo(PhotoIntent),
    /// Ctrl+Q: close the window (settings are saved on the way out).
    Quit,
}

/// What the person did with the name suggestions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestionIntent {
    Next,
    Previous,
    /// Esc: close the list, keep the text.
    Close,
    /// Enter on the highlighted one, or a click: open that customer.
    Open(usize),
}

/// What the person did with the enrolment form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnrolIntent {
    /// Ctrl+N or the offer under "No customer found".
    Open,
    /// Enter in any field.
    Submit,
    /// Esc.
    Cancel,
}
