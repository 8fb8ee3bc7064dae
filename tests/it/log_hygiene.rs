//! Logs carry no customer data and no secrets, at every level up to
//! `RUST_LOG=trace`: customer IDs are logged instead, URLs as host and path.
//!
//! Two views: the `doctor` process (the real binary's client and logging)
//! with its stderr captured, and the whole app in this process (UI logic,
//! client, demo tenant, hyper on both ends) with every trace event
//! captured by a subscriber.
// Tests read files and start servers freely; the rule is for the app.
#![allow(clippy::disallowed_methods)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use crate::support;
use crate::support::ui::{WAIT, demo_app, log_in, look_up, runtime, settled, wait_for};
use capillary::secret::Secret;
use capillary::till_authorization;
use demo::{
    DEMO_CLIENT_KEY, DEMO_CLIENT_SECRET, DEMO_PASSWORD, DEMO_USER, DemoConfig, DemoCustomer,
    DemoServer,
};
use egui_kittest::kittest::Queryable as _;
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

/// Every string that must never appear in a log line.
fn forbidden(customers: &[DemoCustomer]) -> Vec<String> {
    let mut words: Vec<String> = customers
        .iter()
        .flat_map(|c| {
            [
                &c.first_name,
                &c.last_name,
                &c.mobile,
                &c.email,
                &c.card,
                &c.external_id,
            ]
        })
        .filter(|w| w.len() >= 4)
        .map(|w| w.to_string())
        .collect();
    let basic = till_authorization(DEMO_USER, &Secret::new(DEMO_PASSWORD));
    words.extend([
        DEMO_PASSWORD.to_owned(),
        DEMO_CLIENT_SECRET.to_owned(),
        basic.expose().to_owned(),
        "X-Amz-".to_owned(),
        "accessToken".to_owned(),
    ]);
    words
}

fn assert_clean(what: &str, log: &str, customers: &[DemoCustomer]) {
    assert!(
        log.lines().count() > 50,
        "{what}: too little logged to judge:\n{log}"
    );
    for word in forbidden(customers) {
        if let Some(line) = log.lines().find(|l| l.contains(&word)) {
            panic!("{what}: {word:?} is in the log: {line}");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn doctor_at_trace_level_logs_no_customer_data() {
    let server = DemoServer::start(DemoConfig::default()).unwrap();
    let customers = server.customers().to_vec();
    let host = server.base_url().to_owned();
    let mut stderr = String::new();
    for (who, secret_env, secret, spec) in [
        (
            ["--user", DEMO_USER],
            "CUSTOMER_LOOKUP_PASSWORD",
            DEMO_PASSWORD,
            "mobile:918877665544",
        ),
        (
            ["--user", DEMO_USER],
            "CUSTOMER_LOOKUP_PASSWORD",
            DEMO_PASSWORD,
            "email:tom.sawyer@example.com",
        ),
        (
            ["--client-key", DEMO_CLIENT_KEY],
            "CUSTOMER_LOOKUP_CLIENT_SECRET",
            DEMO_CLIENT_SECRET,
            "card:DEMO0004",
        ),
        (
            ["--user", DEMO_USER],
            "CUSTOMER_LOOKUP_PASSWORD",
            DEMO_PASSWORD,
            "mobile:919800000099",
        ),
    ] {
        let host = host.clone();
        let output = tokio::task::spawn_blocking(move || {
            Command::new(env!("CARGO_BIN_EXE_customer-lookup"))
                .args(["doctor", "--host", &host, "--lookup", spec])
                .args(who)
                .env_remove("CUSTOMER_LOOKUP_USER")
                .env("RUST_LOG", "trace")
                .env(secret_env, secret)
                .stdin(Stdio::null())
                .output()
                .unwrap()
        })
        .await
        .unwrap();
        stderr.push_str(&String::from_utf8_lossy(&output.stderr));
    }
    // The lookups happened (their IDs are logged), at trace level.
    assert!(stderr.contains("TRACE"), "not at trace level:\n{stderr}");
    assert!(
        stderr.contains("565039505"),
        "customer IDs are logged:\n{stderr}"
    );
    assert_clean("doctor stderr", &stderr, &customers);
}

/// A writer into a shared buffer, for the capturing subscriber.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn the_app_at_trace_level_logs_no_customer_data() {
    // Its own process: the log subscriber is global to the process.
    if !support::run_alone("log_hygiene::the_app_at_trace_level_logs_no_customer_data") {
        return;
    }
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _default = tracing::subscriber::set_global_default(subscriber);

    let rt = runtime();
    let _guard = rt.enter();
    let mut harness = demo_app(DemoConfig::default());
    log_in(&mut harness);
    let reference = DemoServer::start(DemoConfig::default()).unwrap();
    let customers = reference.customers().to_vec();
    for customer in &customers {
        for identifier in [
            &customer.mobile,
            &customer.email,
            &customer.card,
            &customer.external_id,
        ]
        .into_iter()
        .filter(|i| !i.is_empty())
        {
            look_up(&mut harness, identifier);
            wait_for(&mut harness, "the lookup", WAIT, settled);
        }
    }
    look_up(&mut harness, "919800000099"); // not found
    wait_for(&mut harness, "the failed lookup", WAIT, settled);
    harness.get_by_label("Log out").click();
    harness.run_steps(3);
    drop(harness);

    let log = String::from_utf8_lossy(&captured.0.lock().unwrap()).into_owned();
    assert!(log.contains("TRACE"), "not at trace level");
    assert!(log.contains("customer shown"), "app events are in the log");
    assert_clean("app trace log", &log, &customers);
}
