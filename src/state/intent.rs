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
    /// Something for the photo dialog (paste, drop, crop, send, remove).
    Photo(PhotoIntent),
    /// Ctrl+Q: close the window (settings are saved on the way out).
    Quit,
}
