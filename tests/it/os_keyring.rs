//! The real system keyring behind "Remember password" (no fake store).
//!
//! Where a keyring works (a desktop session, or `.ci/run`'s second run of
//! this test inside `dbus-run-session` with an unlocked GNOME Keyring), a
//! secret goes in, comes back, and is forgotten. Where none does (a headless
//! box without D-Bus), the check must say so in words, quickly, and every
//! call must fail cleanly rather than hang or panic.
//!
//! `CUSTOMER_LOOKUP_EXPECT_KEYRING=1` turns "no keyring" into a failure, so
//! the CI run inside the keyring session cannot pass by finding none.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use customer_lookup::config::AuthScheme;
use customer_lookup::secret::Secret;
use customer_lookup::vault::{Vault, account};
use std::time::{Duration, Instant};

#[test]
fn the_system_keyring_round_trips_or_says_why_not() {
    let vault = Vault::os();
    let started = Instant::now();
    let check = vault.check();
    let expect_keyring = std::env::var_os("CUSTOMER_LOOKUP_EXPECT_KEYRING").is_some();
    // A unique account, so parallel runs and a developer's own entries
    // are never touched.
    let account = account(
        "https://keyring-test.invalid",
        AuthScheme::Till,
        &format!("test-{}", std::process::id()),
    );
    match check {
        Ok(()) => {
            let secret = Secret::new("correct horse battery staple ✓");
            assert!(vault.load(&account).unwrap().is_none());
            vault.store(&account, &secret).unwrap();
            let loaded = vault.load(&account).unwrap().expect("stored secret");
            assert_eq!(loaded.expose(), secret.expose());
            vault.store(&account, &Secret::new("changed")).unwrap();
            assert_eq!(vault.load(&account).unwrap().unwrap().expose(), "changed");
            vault.forget(&account).unwrap();
            assert!(vault.load(&account).unwrap().is_none());
            vault.forget(&account).unwrap(); // forgetting twice is fine
            println!("system keyring: round trip ok");
        }
        Err(reason) => {
            assert!(!expect_keyring, "a keyring was expected: {reason}");
            assert!(
                reason.to_string().contains("passwords can't be remembered"),
                "the reason is for people: {reason}"
            );
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "the check took {:?}",
                started.elapsed()
            );
            assert!(vault.store(&account, &Secret::new("x")).is_err());
            println!("system keyring: not available ({reason})");
        }
    }
}
