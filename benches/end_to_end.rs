//! End to end against the demo tenant with an injected round-trip delay:
//! from "Enter" to a display-ready photo, counted in round trips, with and
//! without the photo block in the lookup answer; new connections after
//! sign-in; and resident memory over 200 lookups of customers whose photos
//! are 12 MP JPEGs; and Enter → photo after the connections went idle, with
//! and without warming them while the cashier types (a scan's three
//! candidates at once, as the app looks them up; the demo tenant then
//! charges each new connection its handshakes and closes idle ones); and
//! from a typing pause to name suggestions on screen and to all of their
//! thumbnails, as a ratio of one scan's Enter → photo in the same run.
//!
//! Run: `cargo bench --bench end_to_end`.
// Tests read files and start servers freely; the rule is for the app.
#![allow(clippy::disallowed_methods)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)] // a benchmark reports on stdout

use capillary::{CapillaryClient, IdentifierKind, Lookup, NameQuery};
use customer_lookup::testing::app::jobs;
use demo::network::ConnectionCosts;
use demo::photos::{jpeg, photo_like};
use demo::{DemoConfig, DemoServer};
use photo::{DecodeLimits, prepare_photo};
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
    show_photo(client, &customer).await;
    started.elapsed()
}

/// Downloads the customer's photo and prepares it for the profile frame,
/// off the async threads as the app does.
async fn show_photo(client: &CapillaryClient, customer: &capillary::Customer) {
    let photo = client.download_photo(customer).await.unwrap();
    tokio::task::spawn_blocking(move || {
        prepare_photo(&photo.bytes, 560, &DecodeLimits::default()).unwrap()
    })
    .await
    .unwrap();
}

/// Enter → photo as the app does it for a scan in "any identifier" mode:
/// every candidate (mobile, card, external ID) looked up at once.
async fn scan_to_photo(client: &CapillaryClient, scanned: &str) -> Duration {
    let started = Instant::now();
    let ticket = customer_lookup::testing::logic::LookupTicket {
        lookup_id: 0,
        candidates: Lookup::candidates(scanned, "").unwrap(),
    };
    let customer_lookup::testing::logic::Finished::LookedUp { answers, .. } =
        jobs::look_up(client.clone(), ticket).await
    else {
        unreachable!("a lookup answers with its candidates")
    };
    let customer = answers
        .into_iter()
        .find_map(|(_, answer)| answer.ok())
        .unwrap();
    show_photo(client, &customer).await;
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
        // The first keystroke; then the scanner types the rest. As the app
        // does: as many API connections as the scan's candidates use at
        // once (HTTP/1.1), one to the photo host.
        if warm {
            let api = (client.api_origin(), client.api_connections_for_a_lookup());
            for (origin, connections) in [api, (photo_origin.clone(), 1)] {
                let work = jobs::warm_up(client.clone(), origin, connections);
                tokio::spawn(work);
            }
        }
        tokio::time::sleep(TYPING).await;
        let before = server.stats().connections;
        samples.push(scan_to_photo(&client, mobile).await);
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

/// The thumbnail's pixels at 1 pixel per point, as the app decodes it.
const THUMBNAIL_PX: u32 = 44;

/// From the end of a typing pause: the search (the names are on screen),
/// then every suggestion's record and photo at once, each decoded to a
/// thumbnail (the faces are on screen). Returns both times.
async fn pause_to_suggestions(client: &CapillaryClient, name: &str) -> (Duration, Duration, usize) {
    let started = Instant::now();
    let page = client
        .search(&NameQuery::parse(name).unwrap(), 8)
        .await
        .unwrap();
    let names_shown = started.elapsed();
    let mut thumbnails = tokio::task::JoinSet::new();
    for id in page.data.iter().filter_map(|hit| hit.user_id) {
        let client = client.clone();
        thumbnails.spawn(async move {
            let customer = client.customer_by_id(id).await.unwrap();
            let photo = client.download_photo(&customer).await.unwrap();
            tokio::task::spawn_blocking(move || {
                prepare_photo(&photo.bytes, THUMBNAIL_PX, &DecodeLimits::default()).unwrap()
            })
            .await
            .unwrap();
        });
    }
    let found = thumbnails.join_all().await.len();
    (names_shown, started.elapsed(), found)
}

async fn name_search() {
    let server = DemoServer::start(DemoConfig {
        latency: ROUND_TRIP,
        ..DemoConfig::default()
    })
    .unwrap();
    let client = CapillaryClient::new(server.host(), DemoServer::till_credentials()).unwrap();
    client.verify().await.unwrap();
    let mut scans = Vec::new();
    let mut names = Vec::new();
    let mut faces = Vec::new();
    let mut found = 0;
    for mobile in MOBILES {
        scans.push(enter_to_photo(&client, mobile).await);
        let (names_shown, faces_shown, n) = pause_to_suggestions(&client, "Sawyer").await;
        names.push(names_shown);
        faces.push(faces_shown);
        found = n;
    }
    let median = |samples: &mut Vec<Duration>| {
        samples.sort();
        samples[samples.len() / 2]
    };
    let (scan, names, faces) = (median(&mut scans), median(&mut names), median(&mut faces));
    let trips = |d: Duration| d.as_secs_f64() / ROUND_TRIP.as_secs_f64();
    println!(
        "name search (\"Sawyer\", {found} customers): pause → names {:>6.1} ms = {:.2} round trips; → every thumbnail {:>6.1} ms = {:.2} round trips",
        names.as_secs_f64() * 1000.0,
        trips(names),
        faces.as_secs_f64() * 1000.0,
        trips(faces),
    );
    println!(
        "baseline, one scan's Enter → photo {:>6.1} ms = {:.2} round trips; every thumbnail takes {:.2}× that",
        scan.as_secs_f64() * 1000.0,
        trips(scan),
        faces.as_secs_f64() / scan.as_secs_f64(),
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
        name_search().await;
        memory_over_many_lookups().await;
    });
}
