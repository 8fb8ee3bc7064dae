//! `customer-lookup doctor` run as a process against the demo tenant.
// Tests read files and start servers freely; the rule is for the app.
#![allow(clippy::disallowed_methods)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use demo::{DEMO_CLIENT_KEY, DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_USER, DemoConfig, DemoServer};
use serde_json::Value;
use std::process::{Command, Output, Stdio};

fn doctor(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_customer-lookup"));
    command
        .arg("doctor")
        .args(args)
        .env_remove("CUSTOMER_LOOKUP_PASSWORD")
        .env_remove("CUSTOMER_LOOKUP_CLIENT_SECRET")
        .env_remove("CUSTOMER_LOOKUP_HOST")
        .env_remove("CUSTOMER_LOOKUP_USER")
        // English, whatever this machine's locale (a test may ask otherwise).
        .env("LC_ALL", "C.UTF-8")
        .stdin(Stdio::null());
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().unwrap()
}

/// Runs doctor on a blocking thread so the demo server keeps serving.
async fn run(args: Vec<String>, env: Vec<(&'static str, &'static str)>) -> Output {
    tokio::task::spawn_blocking(move || {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        doctor(&args, &env)
    })
    .await
    .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn text_report_for_a_lookup_with_photo() {
    let server = DemoServer::start(DemoConfig::default()).unwrap();
    let output = run(
        args(&[
            "--host",
            server.base_url(),
            "--user",
            DEMO_USER,
            "--lookup",
            "mobile:+91 98000 00003",
        ]),
        vec![("CUSTOMER_LOOKUP_PASSWORD", DEMO_PASSWORD)],
    )
    .await;
    let text = stdout(&output);
    assert!(
        output.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for step in [
        "host",
        "credentials",
        "customer lookup",
        "photo download",
        "photo decode",
    ] {
        assert!(
            text.lines().any(|l| l.contains("ok") && l.contains(step)),
            "step {step} missing:\n{text}"
        );
    }
    // The EXIF-rotated demo photo is reported upright (stored 600×480).
    assert!(text.contains("JPEG 480×600"), "{text}");
    assert!(text.contains("All checks passed."));
    assert!(!text.contains(DEMO_PASSWORD));
    assert!(!text.contains("X-Amz"), "no presigned query in the output");
}

#[tokio::test(flavor = "multi_thread")]
async fn json_report_with_frame() {
    let server = DemoServer::start(DemoConfig::default()).unwrap();
    let output = run(
        args(&[
            "--host",
            server.base_url(),
            "--user",
            DEMO_USER,
            "--lookup",
            "card:DEMO0004",
            "--frame",
            "300",
            "--json",
        ]),
        vec![("CUSTOMER_LOOKUP_PASSWORD", DEMO_PASSWORD)],
    )
    .await;
    assert!(output.status.success(), "{}", stdout(&output));
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(report["ok"], true);
    let names: Vec<&str> = report["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "policy",
            "host",
            "credentials",
            "customer lookup",
            "photo download",
            "photo decode"
        ]
    );
    for step in report["steps"].as_array().unwrap() {
        assert_eq!(step["ok"], true);
        assert!(step["ms"].is_u64());
        assert!(step["detail"].is_string());
    }
    assert_eq!(report["customer"]["id"], 565_039_604);
    assert_eq!(report["customer"]["name"], "美玲 陈");
    let photo = &report["photo"];
    assert_eq!(photo["format"], "PNG");
    assert_eq!(
        (photo["width"].as_u64(), photo["height"].as_u64()),
        (Some(480), Some(600))
    );
    assert_eq!(
        photo["bytes"].as_u64().map(|b| b as usize),
        server.photo_bytes(565_039_604).map(|b| b.len())
    );
    assert_eq!(
        (
            photo["texture_width"].as_u64(),
            photo["texture_height"].as_u64()
        ),
        (Some(240), Some(300))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn oauth_and_credentials_only() {
    let server = DemoServer::start(DemoConfig::default()).unwrap();
    let output = run(
        args(&[
            "--host",
            server.base_url(),
            "--client-key",
            DEMO_CLIENT_KEY,
            "--json",
        ]),
        vec![("CUSTOMER_LOOKUP_CLIENT_SECRET", DEMO_CLIENT_SECRET)],
    )
    .await;
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert!(output.status.success(), "{report}");
    assert_eq!(report["steps"].as_array().unwrap().len(), 3); // policy, host, credentials
    assert!(report.get("customer").is_none() && report.get("photo").is_none());
}

#[tokio::test(flavor = "multi_thread")]
async fn failures_exit_non_zero_with_the_reason() {
    let server = DemoServer::start(DemoConfig::default()).unwrap();
    let wrong = run(
        args(&["--host", server.base_url(), "--user", DEMO_USER, "--json"]),
        vec![("CUSTOMER_LOOKUP_PASSWORD", "not-the-password")],
    )
    .await;
    assert_eq!(wrong.status.code(), Some(1));
    let report: Value = serde_json::from_str(&stdout(&wrong)).unwrap();
    assert_eq!(report["ok"], false);
    let last = report["steps"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["name"], "credentials");
    assert!(
        last["detail"]
            .as_str()
            .unwrap()
            .starts_with("Wrong username or password."),
        "{last}"
    );
    assert!(!stdout(&wrong).contains("not-the-password"));

    let not_found = run(
        args(&[
            "--host",
            server.base_url(),
            "--user",
            DEMO_USER,
            "--lookup",
            "mobile:100",
        ]),
        vec![("CUSTOMER_LOOKUP_PASSWORD", DEMO_PASSWORD)],
    )
    .await;
    assert_eq!(not_found.status.code(), Some(1));
    assert!(
        stdout(&not_found).contains("FAIL customer lookup"),
        "{}",
        stdout(&not_found)
    );

    let insecure = run(
        args(&["--host", "http://example.com", "--user", "x"]),
        vec![("CUSTOMER_LOOKUP_PASSWORD", "x")],
    )
    .await;
    assert_eq!(insecure.status.code(), Some(1));
    assert!(
        stdout(&insecure).contains("FAIL host"),
        "{}",
        stdout(&insecure)
    );

    // No password in the environment and no terminal to ask on.
    let no_password = run(
        args(&["--host", server.base_url(), "--user", DEMO_USER]),
        vec![],
    )
    .await;
    assert_eq!(no_password.status.code(), Some(1));
    assert!(
        stdout(&no_password).contains("CUSTOMER_LOOKUP_PASSWORD"),
        "{}",
        stdout(&no_password)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn customer_without_photo_passes() {
    let server = DemoServer::start(DemoConfig::default()).unwrap();
    let output = run(
        args(&[
            "--host",
            server.base_url(),
            "--user",
            DEMO_USER,
            "--lookup",
            "email:olivia.brown@example.com",
            "--json",
        ]),
        vec![("CUSTOMER_LOOKUP_PASSWORD", DEMO_PASSWORD)],
    )
    .await;
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert!(output.status.success(), "{report}");
    assert_eq!(
        report["steps"].as_array().unwrap().last().unwrap()["detail"],
        "the customer has no photo"
    );
    assert!(report.get("photo").is_none());
}

/// Doctor speaks the workstation's language (Hindi here); the JSON keeps
/// its English names for scripts.
#[tokio::test(flavor = "multi_thread")]
async fn the_report_is_in_the_workstations_language() {
    let server = DemoServer::start(DemoConfig::default()).unwrap();
    let host = server.base_url().to_owned();
    let text = run(
        vec![
            "--host".into(),
            host.clone(),
            "--user".into(),
            DEMO_USER.into(),
        ],
        vec![
            ("CUSTOMER_LOOKUP_PASSWORD", DEMO_PASSWORD),
            ("LC_ALL", "hi_IN.UTF-8"),
        ],
    )
    .await;
    let report = stdout(&text);
    assert!(text.status.success(), "{report}");
    assert!(report.starts_with("ग्राहक खोज डॉक्टर\n"), "{report}");
    assert!(report.contains("सभी जाँचें सफल रहीं।"), "{report}");
    assert!(report.contains("क्रेडेंशियल"), "{report}");
    let json = run(
        vec![
            "--host".into(),
            host,
            "--user".into(),
            DEMO_USER.into(),
            "--json".into(),
        ],
        vec![
            ("CUSTOMER_LOOKUP_PASSWORD", DEMO_PASSWORD),
            ("LC_ALL", "hi_IN.UTF-8"),
        ],
    )
    .await;
    let value: Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(value["steps"][1]["name"], "host");
}
