//! Settings IT pins: they win over flags and saved settings, their controls
//! are locked with "Set by your organisation", a broken policy stops the
//! app and `doctor` with the place and the problem, and `doctor` prints
//! the policy in force. The Linux file is read from a temporary root
//! (`CUSTOMER_LOOKUP_TEST_POLICY_ROOT` exists only in testing builds);
//! Windows' registry is tested under Wine (tests/windows_wine.rs).

#![allow(clippy::disallowed_methods)] // tests write policy files
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use crate::support::ui::{WAIT, demo_app_with, runtime, wait_for};
use customer_lookup::policy::{PINNED_NOTE, Policy, PolicyError};
use customer_lookup::testing::app::StartOptions;
use customer_lookup::testing::config::HostChoice;
use demo::{DEMO_PASSWORD, DEMO_USER, DemoConfig, DemoServer};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::LazyLock;
use std::time::Duration;

static RT: LazyLock<tokio::runtime::Runtime> = LazyLock::new(runtime);

#[test]
fn a_pinned_host_and_lock_win_over_flags_and_lock_their_controls() {
    let _guard = RT.enter();
    let server = DemoServer::start(DemoConfig::default()).unwrap();
    let options = StartOptions {
        // What the person asked for on the command line...
        demo: true,
        lock_after_secs: Some(0),
        user: Some(DEMO_USER.to_owned()),
        // ...and what IT pinned.
        policy: Ok(Policy {
            host: Some(server.base_url().to_owned()),
            lock_after_secs: Some(30),
            source: Some("test policy".to_owned()),
            ..Policy::default()
        }),
        ..StartOptions::default()
    };
    let mut harness = demo_app_with(DemoConfig::default(), options);
    harness.run_steps(3);
    let settings = &harness.state().state().settings;
    assert_eq!(
        settings.host,
        HostChoice::Custom(server.base_url().to_owned())
    );
    assert_eq!(settings.lock_after_secs, 30);

    // No server picker; the pinned host is shown, disabled, and said to be pinned.
    assert!(harness.query_by_label("Host URL").is_none());
    let host = harness.get_by_label("Server");
    assert!(host.accesskit_node().is_disabled());
    assert_eq!(
        host.accesskit_node().value().as_deref(),
        Some(server.base_url())
    );
    assert!(harness.query_by_label(PINNED_NOTE).is_some());
    assert!(
        harness
            .query_by_label_contains("The screen locks after 30 seconds without use")
            .is_some()
    );

    // Signing in goes to the pinned host, and the pinned lock applies.
    harness.get_by_label("Password").type_text(DEMO_PASSWORD);
    harness.run_steps(1);
    harness.get_by_label("Password").focus();
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "sign-in", WAIT, |app| {
        app.state().session.is_some()
    });
    assert!(
        server.stats().api_requests > 0,
        "not signed in at the pinned host"
    );
    harness.state_mut().advance_clock(Duration::from_secs(31));
    harness.run_steps(2);
    assert!(
        harness.state().state().session.is_none(),
        "the pinned lock did not fire"
    );
}

#[test]
fn an_unreadable_policy_shows_only_what_is_wrong() {
    let _guard = RT.enter();
    let options = StartOptions {
        demo: true,
        policy: Err(PolicyError {
            place: "/etc/customer-lookup/policy.toml".to_owned(),
            problem: "line 2: unknown field `hots`".to_owned(),
        }),
        ..StartOptions::default()
    };
    let mut harness = demo_app_with(DemoConfig::default(), options);
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label("Customer Lookup cannot start")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains(
                "/etc/customer-lookup/policy.toml: line 2: unknown field `hots`"
            )
            .is_some()
    );
    assert!(
        harness.query_by_label("Log in").is_none(),
        "signing in is offered"
    );
    assert!(harness.query_by_label("Quit").is_some());
}

/// Runs `doctor` with the policy file under `root`.
fn doctor(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_customer-lookup"))
        .arg("doctor")
        .args(args)
        .env("CUSTOMER_LOOKUP_TEST_POLICY_ROOT", root)
        .env("CUSTOMER_LOOKUP_PASSWORD", DEMO_PASSWORD)
        .env_remove("CUSTOMER_LOOKUP_HOST")
        .env_remove("CUSTOMER_LOOKUP_USER")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn write_policy(root: &Path, text: &str) -> std::path::PathBuf {
    let path = root.join("etc/customer-lookup/policy.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn doctor_prints_the_policy_and_uses_the_pinned_host() {
    let _guard = RT.enter();
    let server = DemoServer::start(DemoConfig::default()).unwrap();
    let root = tempfile::tempdir().unwrap();
    let path = write_policy(
        root.path(),
        &format!(
            "host = \"{}\"\nlock_after_seconds = 120\nremember_password = false\nphoto_changes = false\n",
            server.base_url()
        ),
    );
    // --host names a server that does not exist: the pin wins.
    let output = doctor(
        root.path(),
        &["--host", "https://127.0.0.1:9", "--user", DEMO_USER],
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains(&format!("Host = {}", server.base_url())),
        "{text}"
    );
    assert!(text.contains("LockAfterSeconds = 120"), "{text}");
    assert!(text.contains("RememberPassword = 0 (off)"), "{text}");
    assert!(text.contains("PhotoChanges = 0 (off)"), "{text}");
    assert!(text.contains(&path.display().to_string()), "{text}");
    assert!(
        text.contains("set by your organisation; --host ignored"),
        "{text}"
    );

    let output = doctor(root.path(), &["--user", DEMO_USER, "--json"]);
    assert!(output.status.success());
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["policy"]["host"], server.base_url());
    assert_eq!(report["policy"]["lock_after_seconds"], 120);
    assert_eq!(report["policy"]["remember_password"], false);
    assert_eq!(report["policy"]["source"], path.display().to_string());

    // Nothing there: nothing pinned, and --host is needed again.
    let empty = tempfile::tempdir().unwrap();
    let output = doctor(empty.path(), &["--user", DEMO_USER]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "{text}");
    assert!(text.contains("none (nothing pinned)"), "{text}");
    assert!(text.contains("Give --host"), "{text}");
}

#[test]
fn doctor_refuses_a_broken_policy_naming_the_file_and_the_problem() {
    let root = tempfile::tempdir().unwrap();
    let path = write_policy(
        root.path(),
        "host = \"https://crm.example.com\"\nlock_after = 60\n",
    );
    let output = doctor(
        root.path(),
        &["--host", "https://crm.example.com", "--user", "u"],
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("FAIL policy"), "{text}");
    assert!(
        text.contains(&format!("{}: line 2", path.display())),
        "{text}"
    );
    assert!(text.contains("lock_after"), "{text}");
    // It stops there: no host or credential check on unpinned settings.
    assert!(!text.contains("credentials"), "{text}");

    // A directory where the file should be: unreadable, not "no policy".
    std::fs::remove_file(&path).unwrap();
    std::fs::create_dir(&path).unwrap();
    let output = doctor(
        root.path(),
        &["--host", "https://crm.example.com", "--user", "u"],
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("cannot be read"), "{text}");
}
