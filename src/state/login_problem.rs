//! Why the login panel is not signed in, kept typed until the panel words
//! it (in the UI's language; `Display` is English, for logs and tests).

use crate::capillary::{ApiError, HostError};
use crate::i18n::Texts;
use crate::tr_text;

/// What the login panel says under its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginProblem {
    /// The server address was refused before anything was sent.
    BadHost(HostError),
    EnterUsername,
    EnterPassword,
    EnterClientKey,
    EnterClientSecret,
    /// The built-in demo tenant could not listen on loopback; `why` is
    /// the operating system's own words.
    DemoDidNotStart {
        why: String,
    },
    /// Capillary refused the credentials, or the call failed.
    SignInFailed(ApiError),
    /// Signed out because the server stopped accepting the session (401).
    SessionRefused,
    /// Locked after this many seconds without use.
    Locked {
        after_secs: u64,
    },
}

impl LoginProblem {
    /// In the UI's language.
    pub fn words(&self, t: &Texts) -> String {
        match self {
            LoginProblem::BadHost(error) => error.words(t),
            LoginProblem::EnterUsername => tr_text!(t, "enter-username"),
            LoginProblem::EnterPassword => tr_text!(t, "enter-password"),
            LoginProblem::EnterClientKey => tr_text!(t, "enter-client-key"),
            LoginProblem::EnterClientSecret => tr_text!(t, "enter-client-secret"),
            LoginProblem::DemoDidNotStart { why } => {
                tr_text!(t, "demo-did-not-start", why = why.as_str())
            }
            LoginProblem::SignInFailed(error) => error.words_with_request_id(t),
            LoginProblem::SessionRefused => tr_text!(t, "sign-in-refused"),
            LoginProblem::Locked { after_secs } if *after_secs < 60 => {
                tr_text!(t, "locked-seconds", count = *after_secs)
            }
            LoginProblem::Locked { after_secs } => {
                tr_text!(t, "locked-minutes", count = after_secs.div_ceil(60))
            }
        }
    }
}

crate::display_in_english!(LoginProblem);
