//! A string that must never be shown: passwords, client secrets, tokens and
//! ready-made `Authorization` values.
//!
//! The bytes are wiped when the value is dropped, and `Debug` prints a fixed
//! placeholder, so a secret that ends up inside a logged struct or a panic
//! message gives nothing away.

use std::fmt;
use zeroize::Zeroizing;

/// A secret string, zeroed on drop and redacted in `Debug`.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    /// Wraps a value; the caller's copy should be the one moved in.
    pub fn new(value: impl Into<String>) -> Self {
        Self(Zeroizing::new(value.into()))
    }

    /// The secret itself, for the one place that must send it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// True when nothing was entered.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Mutable access for a text field that edits the secret in place,
    /// so no unzeroed copy of the typed password is made.
    pub fn as_mut_string(&mut self) -> &mut String {
        &mut self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self::new(value)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self::new(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_value() {
        let secret = Secret::new("hunter2");
        let shown = format!("{secret:?} {:?}", Some(&secret));
        assert!(!shown.contains("hunter2"), "{shown}");
        assert_eq!(secret.expose(), "hunter2");
    }
}
