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

use capillary::secret::Secret;
use customer_lookup::testing::config::AuthScheme;
use customer_lookup::testing::vault::{Vault, account};
use std::io::Write as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A secret remembered by the versions built on keyring 3 is still found:
/// an item filed with the attributes keyring 3's Secret Service store gave
/// it (`secret-tool`, libsecret's own client, writes it), read and
/// forgotten through the app's vault. Linux only (Secret Service).
fn found_as_keyring_3_left_it(vault: &Vault, account: &str) {
    if !cfg!(target_os = "linux") {
        return;
    }
    let mut tool = Command::new("secret-tool")
        .args([
            "store",
            "--label",
            "keyring 3 item",
            "service",
            "customer-lookup",
        ])
        .args([
            "username",
            account,
            "target",
            "default",
            "application",
            "rust-keyring",
        ])
        .stdin(Stdio::piped())
        .spawn()
        .expect("secret-tool (libsecret-tools) is needed: cargo xtask test installs it");
    tool.stdin
        .take()
        .unwrap()
        .write_all(b"left by keyring 3")
        .unwrap();
    assert!(
        tool.wait().unwrap().success(),
        "secret-tool could not store"
    );
    let loaded = vault
        .load(account)
        .unwrap()
        .expect("keyring 3's item found");
    assert_eq!(loaded.expose(), "left by keyring 3");
    vault.forget(account).unwrap();
    assert!(vault.load(account).unwrap().is_none());
}

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
            found_as_keyring_3_left_it(&vault, &account);
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
