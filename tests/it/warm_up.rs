//! Fast after idle: the first keystroke in the lookup box after the
//! connections may have gone idle (a few seconds) opens connections to the
//! API host (one per candidate of a scan, over HTTP/1.1) and to the photo
//! host (learned from the last photo URL), with `HEAD /`s that carry no
//! credentials and no customer data, at most once per host per idle
//! period. Two scripted servers on 127.0.0.1 play API and storage.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use crate::support::photos::{encode, quadrants};
use crate::support::ui::{AtServer, photo_shown, runtime, wait_for};
use crate::support::{Recorded, Reply, Scripted, customer_with_photo, scripted};
use customer_lookup::testing::app::App;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use std::time::{Duration, Instant};

fn heads(server: &Scripted) -> Vec<Recorded> {
    server
        .requests()
        .into_iter()
        .filter(|r| r.method == "HEAD")
        .collect()
}

/// Steps the app until both servers have seen `n` warm-ups, or 5 s pass.
fn wait_for_heads(
    harness: &mut Harness<'_, App>,
    api: &Scripted,
    s3: &Scripted,
    n: (usize, usize),
) {
    let started = Instant::now();
    while (heads(api).len(), heads(s3).len()) != n && started.elapsed() < Duration::from_secs(5) {
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    // A little longer, to catch any warm-up too many.
    for _ in 0..20 {
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(
        (heads(api).len(), heads(s3).len()),
        n,
        "(API, photo) warm-ups"
    );
}

fn typed(harness: &mut Harness<'_, App>, text: &str) {
    harness.event(egui::Event::Text(text.to_owned()));
    harness.step();
}

#[test]
fn first_keystroke_after_idle_warms_both_hosts_once_without_credentials() {
    let rt = runtime();
    let _entered = rt.enter();
    let s3 = rt.block_on(scripted(vec![Reply::bytes(
        200,
        encode(&quadrants(), image::ImageFormat::Jpeg),
    )]));
    let photo_url = format!(
        "{}/customerImage/7/a.jpg?X-Amz-Signature=abc&X-Amz-Security-Token=tok",
        s3.url().trim_end_matches('/')
    );
    let api = rt.block_on(scripted(vec![
        Reply::json(
            404,
            r#"{"errors":[{"code":8015,"message":"Customer not found"}]}"#,
        ),
        Reply::json(200, &customer_with_photo(7, &photo_url)),
    ]));
    let mut harness = AtServer::new(&api.url()).build();
    harness.run_steps(2);
    harness.get_by_label("Password").type_text("till-password");
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "sign-in", Duration::from_secs(10), |app| {
        app.state().session.is_some()
    });
    // A card lookup (one candidate is enough here) and its photo.
    typed(&mut harness, "CARD7");
    harness.key_press(egui::Key::Enter);
    wait_for(&mut harness, "photo", Duration::from_secs(10), photo_shown);
    // Typing right away warms nothing: both hosts were just used.
    typed(&mut harness, "9");
    wait_for_heads(&mut harness, &api, &s3, (0, 0));
    harness.key_press(egui::Key::Escape);
    harness.step();

    // 20 s later either host may have closed its connections (the issue's
    // server closes idle ones after 15 s): both are warmed, the API host
    // with as many connections as a scan's candidates use at once over
    // HTTP/1.1, the photo host with one.
    harness.state_mut().advance_clock(Duration::from_secs(20));
    typed(&mut harness, "9");
    let api_connections = capillary::MAX_CANDIDATES;
    wait_for_heads(&mut harness, &api, &s3, (api_connections, 1));
    // More keystrokes, or typing again, in the same idle period: nothing.
    typed(&mut harness, "19");
    harness.key_press(egui::Key::Escape);
    harness.step();
    typed(&mut harness, "9");
    wait_for_heads(&mut harness, &api, &s3, (api_connections, 1));

    // A minute on, with nothing looked up since: still nothing more.
    harness.key_press(egui::Key::Escape);
    harness.step();
    harness.state_mut().advance_clock(Duration::from_secs(60));
    typed(&mut harness, "9");
    wait_for_heads(&mut harness, &api, &s3, (api_connections, 1));

    for warm_up in heads(&api).iter().chain(heads(&s3).iter()) {
        assert_eq!(warm_up.target, "/", "no path, no query, no customer data");
        for credential in ["authorization", "x-cap-api-oauth-token", "cookie"] {
            assert!(
                warm_up.header(credential).is_none(),
                "{credential} sent with a warm-up"
            );
        }
    }
}
