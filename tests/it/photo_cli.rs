//! `customer-lookup photo set|remove` as a process against the demo
//! tenant: the photo prepared as the window does, the old one removed,
//! `--json`, exit codes, refusals before anything is sent, and the policy
//! switch.

#![allow(clippy::disallowed_methods)] // tests write files and run processes
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use crate::support::photos::detailed;
use demo::photos::png;
use demo::{DEMO_PASSWORD, DEMO_USER, DemoConfig, DemoServer};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const ASHA: i64 = 565_039_601;

fn photo_command(args: &[&str], policy_root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_customer-lookup"))
        .arg("photo")
        .args(args)
        .env("CUSTOMER_LOOKUP_PASSWORD", DEMO_PASSWORD)
        .env("CUSTOMER_LOOKUP_TEST_POLICY_ROOT", policy_root)
        .env_remove("CUSTOMER_LOOKUP_HOST")
        .env_remove("CUSTOMER_LOOKUP_USER")
        // English unless the policy pins a language.
        .env("LC_ALL", "C.UTF-8")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// Runs the command on a blocking thread so the demo keeps serving.
async fn run(args: Vec<String>, policy_root: &Path) -> Output {
    let root = policy_root.to_owned();
    tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        photo_command(&args, &root)
    })
    .await
    .unwrap()
}

fn args(server: &DemoServer, rest: &[&str]) -> Vec<String> {
    let mut out = vec![
        "--host".to_owned(),
        server.base_url().to_owned(),
        "--user".to_owned(),
        DEMO_USER.to_owned(),
        "--lookup".to_owned(),
        "mobile:919800000001".to_owned(),
    ];
    out.extend(rest.iter().map(|s| (*s).to_owned()));
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn set_replaces_the_photo_and_remove_removes_it() {
    let server = DemoServer::start(DemoConfig::default()).unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let file = scratch.path().join("new.png");
    std::fs::write(&file, png(&detailed(1600, 2000)).unwrap()).unwrap();

    let mut set = vec!["set".to_owned()];
    set.extend(args(&server, &["--json", file.to_str().unwrap()]));
    let out = run(set, scratch.path()).await;
    assert!(out.status.success(), "{out:?}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(report["outcome"], "replaced", "{report}");
    assert_eq!(report["customer_id"], ASHA);
    assert_eq!(report["uploaded"]["width"], 960);
    assert_eq!(report["uploaded"]["height"], 1200);
    assert_eq!(report["old_photos_removed"], 1);
    // Exactly one photo remains: the uploaded JPEG.
    assert_eq!(server.image_count(ASHA), 1);
    let stored = server.photo_bytes(ASHA).unwrap();
    assert_eq!(report["uploaded"]["bytes"], stored.len());
    assert_eq!(&stored[..2], [0xFF, 0xD8], "not a JPEG");
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(
        log.contains(&format!(
            "photo replaced for customer {ASHA} by {DEMO_USER}"
        )),
        "{log}"
    );
    assert!(!log.contains("X-Amz-Signature"), "{log}");

    let mut remove = vec!["remove".to_owned()];
    remove.extend(args(&server, &[]));
    let out = run(remove.clone(), scratch.path()).await;
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("Photo removed for customer {ASHA}.")
    );
    assert_eq!(server.image_count(ASHA), 0);
    // Again: nothing to remove is not a failure.
    let out = run(remove, scratch.path()).await;
    assert!(out.status.success(), "{out:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn refusals_send_nothing_and_exit_1() {
    let server = DemoServer::start(DemoConfig::default()).unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let small = scratch.path().join("small.png");
    std::fs::write(&small, png(&detailed(120, 120)).unwrap()).unwrap();
    let before = server.stats().api_requests;

    let mut set = vec!["set".to_owned()];
    set.extend(args(&server, &["--json", small.to_str().unwrap()]));
    let out = run(set, scratch.path()).await;
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], false);
    let message = report["message"].as_str().unwrap();
    assert!(
        message.contains("too small: 120×120; at least 320 px"),
        "{message}"
    );

    let missing = scratch.path().join("missing.jpg");
    let mut set = vec!["set".to_owned()];
    set.extend(args(&server, &[missing.to_str().unwrap()]));
    let out = run(set, scratch.path()).await;
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("cannot be read"));
    assert_eq!(server.stats().api_requests, before, "something was sent");

    // Switched off by the organisation.
    let policy = scratch.path().join("etc/customer-lookup/policy.toml");
    std::fs::create_dir_all(policy.parent().unwrap()).unwrap();
    std::fs::write(&policy, "photo_changes = false\n").unwrap();
    let mut remove = vec!["remove".to_owned()];
    remove.extend(args(&server, &[]));
    let out = run(remove, scratch.path()).await;
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("switched off on this workstation"),
        "{out:?}"
    );
    assert_eq!(server.stats().api_requests, before, "something was sent");
    assert_eq!(server.image_count(ASHA), 1);

    // In the language the organisation pins.
    std::fs::write(&policy, "photo_changes = false\nlanguage = \"ar\"\n").unwrap();
    let mut remove = vec!["remove".to_owned()];
    remove.extend(args(&server, &[]));
    let out = run(remove, scratch.path()).await;
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("أوقفت مؤسستك تغيير الصور"), "{said}");
}
