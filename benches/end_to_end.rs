//! End to end against the demo tenant with an injected round-trip delay:
//! from "Enter" to a display-ready photo, counted in round trips, with and
//! without the photo block in the lookup answer; new connections after
//! sign-in; and resident memory over 200 lookups of customers whose photos
//! are 12 MP JPEGs; and Enter → photo after the connections went idle, with
//! and without warming them while the cashier types (the demo tenant then
//! charges each new connection its handshakes and closes idle ones).
//!
//! Run: `cargo bench --bench end_to_end`.
// Tests read files and start servers freely; the rule is for the app.
#![allow(clippy::disallowed_methods)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)] // a benchmark reports on stdout

use customer_lookup::capillary::{CapillaryClient, IdentifierKind, Lookup};
use customer_lookup::demo::network::ConnectionCosts;
use customer_lookup::demo::photos::{jpeg, photo_like};
use customer_lookup::demo::{DemoConfig, DemoServer};
use customer_lookup::photo::{DecodeLimits, prepare_photo};
use std::sync::Arc;
use std::time::{Duration, Instant};

const ROUND_TRIP: Duration = Duration::from_millis(50);
const MOBILES: [&str; 7] = [
    "918877665544",
    "919800000001",
    "919800000002",
    "919800000003",
    "919800000004",
    "919800000005",
    "919800000006",
];

async fn enter_to_photo(client: &CapillaryClient, mobile: &str) -> Duration {
    let started = Instant::now();
    let customer = client
        .lookup(&Lookup::new(IdentifierKind::Mobile, mobile).unwrap())
        .await
        .unwrap();
    let photo = client.download_photo(&customer).await.unwrap();
    tokio::task::spawn_blocking(move || {
        prepare_photo(&photo.bytes, 560, &DecodeLimits::default()).unwrap()
    })
    .await
    .unwrap();
    started.elapsed()
}

fn resident_mb() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: f64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0.0);
    pages * 4096.0 / 1_048_576.0
}

async fn round_trips(embeds: bool) {
    let server = DemoServer::start(DemoConfig {
        latency: ROUND_TRIP,
        lookup_embeds_image: embeds,
        ..DemoConfig::default()
    })
    .unwrap();
    let client = CapillaryClient::new(server.host(), DemoServer::till_credentials()).unwrap();
    client.verify().await.unwrap();
    let after_login = server.stats().connections;
    let mut samples = Vec::new();
    for mobile in MOBILES.iter().cycle().take(14) {
        samples.push(enter_to_photo(&client, mobile).await);
    }
    samples.sort();
    let median = samples[samples.len() / 2];
    let new_connections = server.stats().connections - after_login;
    println!(
        "lookup {} the photo URL: Enter → photo {:>6.1} ms = {:.2} round trips of {} ms; new connections after sign-in: {}",
        if embeds { "includes" } else { "omits   " },
        median.as_secs_f64() * 1000.0,
        median.as_secs_f64() / ROUND_TRIP.as_secs_f64(),
        ROUND_TRIP.as_millis(),
        new_connections
    );
}

/// TCP + TLS handshakes of a new connection: about two round trips.
const CONNECTION_SETUP: Duration = Duration::from_millis(100);
/// Idle connections are closed after this (S3: about 20 s, load balancers
/// about a minute; scaled down so the benchmark does not take minutes).
const IDLE_CLOSE: Duration = Duration::from_millis(800);
/// A scanner types 12 digits in about half a second before its Enter.
const TYPING: Duration = Duration::from_millis(500);

/// Enter → photo after every connection went idle and was closed, with the
/// API and photo hosts warmed at the first keystroke (`warm`) or not.
async fn after_idle(warm: bool) -> (Duration, u64) {
    let server = DemoServer::start(DemoConfig {
        latency: ROUND_TRIP,
        separate_photo_host: true,
        connection_costs: ConnectionCosts {
            setup: CONNECTION_SETUP,
            idle_close: Some(IDLE_CLOSE),
        },
        ..DemoConfig::default()
    })
    .unwrap();
    let client = CapillaryClient::new(server.host(), DemoServer::till_credentials()).unwrap();
    client.verify().await.unwrap();
    // One lookup first: the app learns the photo host from it.
    let first = client
        .lookup(&Lookup::new(IdentifierKind::Mobile, MOBILES[0]).unwrap())
        .await
        .unwrap();
    let photo_origin = first
        .photo_entry()
        .and_then(|e| e.url())
        .map(|url| url.origin())
        .unwrap();
    let mut samples = Vec::new();
    let mut new_connections = 0;
    for mobile in MOBILES.iter().skip(1).take(5) {
        tokio::time::sleep(IDLE_CLOSE + Duration::from_millis(300)).await;
        // The first keystroke; then the scanner types the rest.
        if warm {
            for origin in [client.api_origin(), photo_origin.clone()] {
                let client = client.clone();
                tokio::spawn(async move { client.warm_up(&origin).await });
            }
        }
        tokio::time::sleep(TYPING).await;
        let before = server.stats().connections;
        samples.push(enter_to_photo(&client, mobile).await);
        new_connections += server.stats().connections - before;
    }
    samples.sort();
    (samples[samples.len() / 2], new_connections / 5)
}

async fn warming() {
    let (cold, cold_connections) = after_idle(false).await;
    let (warmed, warm_connections) = after_idle(true).await;
    for (what, time, connections) in [
        ("not warmed", cold, cold_connections),
        ("warmed    ", warmed, warm_connections),
    ] {
        println!(
            "after idle, {what}: Enter → photo {:>6.1} ms = {:.2} round trips of {} ms; connections opened after Enter: {connections}",
            time.as_secs_f64() * 1000.0,
            time.as_secs_f64() / ROUND_TRIP.as_secs_f64(),
            ROUND_TRIP.as_millis(),
        );
    }
    println!(
        "warming while typing: {:.2}× faster after idle",
        cold.as_secs_f64() / warmed.as_secs_f64()
    );
}

async fn memory_over_many_lookups() {
    let big = Arc::new(jpeg(&photo_like(4000, 3000), 90).unwrap());
    println!("12 MP photo: {:.1} MB JPEG", big.len() as f64 / 1_048_576.0);
    let server = DemoServer::start(DemoConfig {
        photo_override: Some(big),
        ..DemoConfig::default()
    })
    .unwrap();
    let client = CapillaryClient::new(server.host(), DemoServer::till_credentials()).unwrap();
    client.verify().await.unwrap();
    let mut textures = Vec::new(); // the app keeps only the photo on screen
    for i in 1..=200 {
        let customer = client
            .lookup(&Lookup::new(IdentifierKind::Mobile, MOBILES[i % MOBILES.len()]).unwrap())
            .await
            .unwrap();
        let photo = client.download_photo(&customer).await.unwrap();
        let prepared = tokio::task::spawn_blocking(move || {
            prepare_photo(&photo.bytes, 560, &DecodeLimits::default()).unwrap()
        })
        .await
        .unwrap();
        textures.clear();
        textures.push(prepared.texture);
        if [1, 10, 50, 100, 150, 200].contains(&i) {
            println!(
                "after {i:>3} lookups: resident memory {:>6.1} MB",
                resident_mb()
            );
        }
    }
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        round_trips(true).await;
        round_trips(false).await;
        warming().await;
        memory_over_many_lookups().await;
    });
}
