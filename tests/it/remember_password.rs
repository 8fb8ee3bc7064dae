//! "Remember password": off by default, kept only in the keyring (an
//! in-memory keyring store here, never the machine's), filled in at the
//! next start and after logging out but never after an idle lock,
//! forgotten when unticked, and disabled with a reason where the keyring
//! does not work.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use crate::support::en;
use crate::support::ui::{AtServer, WAIT, runtime, wait_for};
use crate::support::{Reply, Scripted, scripted};
use capillary::secret::Secret;
use capillary::till_authorization;
use customer_lookup::policy::{PINNED_NOTE, Policy};
use customer_lookup::testing::app::App;
use customer_lookup::testing::state::KeyringStatus;
use customer_lookup::testing::ui::REMEMBER_LABEL;
use customer_lookup::testing::vault::Vault;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use keyring_core::api::{CredentialApi, CredentialStoreApi};
use keyring_core::{Credential, Entry};
use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

static RT: LazyLock<tokio::runtime::Runtime> = LazyLock::new(runtime);

/// (service, account) → secret bytes.
type Entries = HashMap<(String, String), Vec<u8>>;

/// A keyring in memory: (service, account) → secret. `broken` makes every
/// call fail the way a Linux box without a Secret Service does.
#[derive(Clone, Default)]
struct MemoryKeyring {
    entries: Arc<Mutex<Entries>>,
    broken: bool,
}

struct MemoryCredential {
    keyring: MemoryKeyring,
    key: (String, String),
}

fn no_secret_service() -> keyring_core::Error {
    keyring_core::Error::PlatformFailure("org.freedesktop.DBus.Error.ServiceUnknown".into())
}

impl CredentialApi for MemoryCredential {
    fn set_secret(&self, secret: &[u8]) -> keyring_core::Result<()> {
        if self.keyring.broken {
            return Err(no_secret_service());
        }
        let mut entries = self.keyring.entries.lock().unwrap();
        entries.insert(self.key.clone(), secret.to_vec());
        Ok(())
    }

    fn get_secret(&self) -> keyring_core::Result<Vec<u8>> {
        if self.keyring.broken {
            return Err(no_secret_service());
        }
        let entries = self.keyring.entries.lock().unwrap();
        entries
            .get(&self.key)
            .cloned()
            .ok_or(keyring_core::Error::NoEntry)
    }

    fn delete_credential(&self) -> keyring_core::Result<()> {
        if self.keyring.broken {
            return Err(no_secret_service());
        }
        let mut entries = self.keyring.entries.lock().unwrap();
        entries
            .remove(&self.key)
            .map(|_| ())
            .ok_or(keyring_core::Error::NoEntry)
    }

    fn get_credential(&self) -> keyring_core::Result<Option<Arc<Credential>>> {
        self.get_secret().map(|_| None)
    }

    fn get_specifiers(&self) -> Option<(String, String)> {
        Some(self.key.clone())
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl CredentialStoreApi for MemoryKeyring {
    fn vendor(&self) -> String {
        "memory (tests)".to_owned()
    }

    fn id(&self) -> String {
        "memory".to_owned()
    }

    fn build(
        &self,
        service: &str,
        user: &str,
        _modifiers: Option<&HashMap<&str, &str>>,
    ) -> keyring_core::Result<Entry> {
        Ok(Entry::new_with_credential(Arc::new(MemoryCredential {
            keyring: self.clone(),
            key: (service.to_owned(), user.to_owned()),
        })))
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl MemoryKeyring {
    fn vault(&self) -> Vault {
        Vault::with_store(Arc::new(self.clone()))
    }

    fn secrets(&self) -> HashMap<String, String> {
        let entries = self.entries.lock().unwrap();
        entries
            .iter()
            .map(|((_, account), secret)| {
                (account.clone(), String::from_utf8(secret.clone()).unwrap())
            })
            .collect()
    }
}

/// A server that accepts any till: every answer is "customer not found",
/// which is what the sign-in check wants.
fn server() -> Scripted {
    RT.block_on(scripted(vec![Reply::json(
        404,
        r#"{"errors":[{"code":8015,"message":"Customer not found"}]}"#,
    )]))
}

fn keyring_settled(app: &App) -> bool {
    app.state().login.keyring != KeyringStatus::Checking
}

fn typed_password(harness: &Harness<'_, App>) -> String {
    harness.state().state().login.password.expose().to_owned()
}

fn sign_in_with_enter(harness: &mut Harness<'_, App>) {
    harness.key_press(egui::Key::Enter);
    wait_for(harness, "sign-in", WAIT, |app| {
        app.state().session.is_some()
    });
}

/// Waits for the background keyring write.
fn wait_for_keyring(keyring: &MemoryKeyring, done: impl Fn(&HashMap<String, String>) -> bool) {
    for _ in 0..400 {
        if done(&keyring.secrets()) {
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("keyring never got there: {:?}", keyring.secrets().keys());
}

/// Starts the app again with these saved settings and keyring, and waits
/// for the remembered password to be filled in.
fn restart_with_remembered_password(
    server: &Scripted,
    settings: &customer_lookup::testing::config::Settings,
    keyring: &MemoryKeyring,
) -> Harness<'static, App> {
    let mut harness = AtServer {
        saved: Some(settings.clone()),
        lock_after_secs: Some(30),
        vault: Some(keyring.vault()),
        ..AtServer::new(&server.url())
    }
    .build();
    wait_for(&mut harness, "the remembered password", WAIT, |app| {
        !app.state().login.password.is_empty()
    });
    harness
}

#[test]
fn a_missing_keyring_disables_the_box_and_says_why() {
    let server = server();
    let _guard = RT.enter();
    let broken = MemoryKeyring {
        broken: true,
        ..MemoryKeyring::default()
    };
    let mut harness = AtServer {
        vault: Some(broken.vault()),
        ..AtServer::new(&server.url())
    }
    .build();
    wait_for(&mut harness, "the keyring check", WAIT, keyring_settled);
    let status = harness.state().state().login.keyring.clone();
    assert!(
        matches!(&status, KeyringStatus::Unavailable(r) if r.to_string().contains("No system keyring (Secret Service")),
        "{status:?}"
    );
    assert!(
        harness
            .get_by_label(&en(REMEMBER_LABEL))
            .accesskit_node()
            .is_disabled()
    );
    assert!(
        harness
            .query_all_by_label_contains("No system keyring (Secret Service")
            .next()
            .is_some(),
        "the reason is on screen"
    );
    // Signing in still works, and nothing was remembered anywhere.
    harness.get_by_label("Password").type_text("s3cret-pass");
    sign_in_with_enter(&mut harness);
    assert!(!harness.state().state().settings.remember_password);
}

#[test]
fn off_by_default() {
    let server = server();
    let _guard = RT.enter();
    let keyring = MemoryKeyring::default();
    let mut harness = AtServer {
        vault: Some(keyring.vault()),
        ..AtServer::new(&server.url())
    }
    .build();
    wait_for(&mut harness, "the keyring check", WAIT, keyring_settled);
    assert_eq!(
        harness.state().state().login.keyring,
        KeyringStatus::Available
    );
    assert!(
        !harness
            .get_by_label(&en(REMEMBER_LABEL))
            .accesskit_node()
            .is_disabled()
    );
    harness.get_by_label("Password").type_text("s3cret-pass");
    sign_in_with_enter(&mut harness);
    std::thread::sleep(Duration::from_millis(100));
    assert!(keyring.secrets().is_empty(), "{:?}", keyring.secrets());
}

#[test]
fn remembered_filled_in_at_restart_and_after_log_out_but_not_after_a_lock_then_forgotten() {
    let server = server();
    let _guard = RT.enter();
    let keyring = MemoryKeyring::default();
    let account = format!("till:store.till@{}", server.url());

    // First start: tick the box and sign in.
    let mut harness = AtServer {
        vault: Some(keyring.vault()),
        ..AtServer::new(&server.url())
    }
    .build();
    wait_for(&mut harness, "the keyring check", WAIT, keyring_settled);
    harness.get_by_label("Password").type_text("s3cret-pass");
    harness.get_by_label(&en(REMEMBER_LABEL)).click();
    harness.run_steps(2);
    harness.get_by_label("Password").focus();
    harness.run_steps(1);
    sign_in_with_enter(&mut harness);
    wait_for_keyring(&keyring, |s| s.get(&account).is_some());
    assert_eq!(keyring.secrets()[&account], "s3cret-pass");
    let settings = harness.state().state().settings.clone();
    assert!(settings.remember_password);
    let saved = ron::to_string(&settings).unwrap();
    assert!(!saved.contains("s3cret-pass"), "{saved}");
    drop(harness);

    // Restart: the password is filled in from the keyring; Enter signs in.
    let mut harness = restart_with_remembered_password(&server, &settings, &keyring);
    assert_eq!(typed_password(&harness), "s3cret-pass");
    // It is store.till's: another username takes it out of the field.
    harness.get_by_label("Username").focus();
    harness.step();
    harness.get_by_label("Username").type_text("2");
    harness.run_steps(2);
    assert_eq!(typed_password(&harness), "", "another account's password");
    drop(harness);
    let mut harness = restart_with_remembered_password(&server, &settings, &keyring);
    let before = server.requests().len();
    sign_in_with_enter(&mut harness);
    let expected = till_authorization("store.till", &Secret::new("s3cret-pass"));
    assert_eq!(
        server.requests()[before].header("authorization"),
        Some(expected.expose())
    );

    // Log out: filled in again.
    harness.get_by_label("Log out").click();
    wait_for(
        &mut harness,
        "the password after logging out",
        WAIT,
        |app| app.state().session.is_none() && !app.state().login.password.is_empty(),
    );

    // An idle lock asks for the password: never filled in from the keyring.
    sign_in_with_enter(&mut harness);
    // The lock time passes on the app's clock, with no input.
    let lock_after = harness.state().state().settings.lock_after_secs;
    harness
        .state_mut()
        .advance_clock(Duration::from_secs(lock_after + 1));
    harness.run_steps(2);
    assert!(harness.state().state().session.is_none(), "not locked");
    for _ in 0..40 {
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(typed_password(&harness), "", "a lock must ask again");

    // Untick, sign in: the keyring forgets.
    harness.get_by_label("Password").type_text("s3cret-pass");
    harness.get_by_label(&en(REMEMBER_LABEL)).click();
    harness.run_steps(2);
    assert!(!harness.state().state().login.remember);
    harness.get_by_label("Password").focus();
    harness.run_steps(1);
    sign_in_with_enter(&mut harness);
    wait_for_keyring(&keyring, |s| s.is_empty());
    assert!(!harness.state().state().settings.remember_password);
}

/// IT pins "Remember password": on, the box is ticked and cannot be
/// unticked, and signing in keeps the secret; off, a secret remembered
/// earlier is neither filled in nor kept, and the box cannot be ticked.
#[test]
fn a_pinned_choice_locks_the_box_both_ways() {
    let server = server();
    let _guard = RT.enter();
    let keyring = MemoryKeyring::default();
    let account = format!("till:store.till@{}", server.url());
    let pinned = |on: bool| Policy {
        remember_password: Some(on),
        source: Some("test policy".to_owned()),
        ..Policy::default()
    };

    // Pinned on: ticked without anyone ticking it, and locked.
    let mut harness = AtServer {
        vault: Some(keyring.vault()),
        policy: pinned(true),
        ..AtServer::new(&server.url())
    }
    .build();
    wait_for(&mut harness, "the keyring check", WAIT, keyring_settled);
    let label = en(REMEMBER_LABEL);
    let remember = harness.get_by_label(&label);
    assert!(remember.accesskit_node().is_disabled());
    assert!(
        harness.state().state().login.remember,
        "not ticked as pinned"
    );
    assert!(harness.query_by_label_contains(PINNED_NOTE).is_some());
    harness.get_by_label("Password").type_text("s3cret-pass");
    harness.run_steps(1);
    harness.get_by_label("Password").focus();
    harness.run_steps(1);
    sign_in_with_enter(&mut harness);
    wait_for_keyring(&keyring, |s| s.get(&account).is_some());
    let settings = harness.state().state().settings.clone();
    drop(harness);

    // Pinned off, with that secret still in the keyring from before.
    let mut harness = AtServer {
        saved: Some(settings),
        vault: Some(keyring.vault()),
        policy: pinned(false),
        ..AtServer::new(&server.url())
    }
    .build();
    wait_for(&mut harness, "the keyring check", WAIT, keyring_settled);
    for _ in 0..40 {
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(typed_password(&harness), "", "filled in against the policy");
    let label = en(REMEMBER_LABEL);
    let remember = harness.get_by_label(&label);
    assert!(remember.accesskit_node().is_disabled());
    assert!(!harness.state().state().login.remember);
    harness.get_by_label("Password").type_text("s3cret-pass");
    harness.run_steps(1);
    harness.get_by_label("Password").focus();
    harness.run_steps(1);
    sign_in_with_enter(&mut harness);
    wait_for_keyring(&keyring, |s| s.is_empty());
}
