//! The app's test helpers: kittest (`ui`), real windows (`window`), taking
//! turns and running alone; the scripted server and the photo fixtures come
//! from the workspace's `testkit` crate.
// Tests read files and start servers freely; the rule is for the app.
#![allow(clippy::disallowed_methods)]
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod ui;
pub mod window;

/// The tests that need the machine's cores to themselves take turns: the
/// real windows (Linux and Wine: three apps, virtual displays and window
/// managers at once on a 2-core machine made windows appear too late), the
/// stress run, and the camera preview's frame rate. Every suite shares one
/// test binary, so without this they would run beside each other.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// A message in English, as the tests run (their app has no workstation
/// locale): what a kittest query looks for.
pub fn en(message: i18n::Msg) -> String {
    i18n::english().msg(message)
}

pub fn my_turn() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Set in the child process [`run_alone`] starts.
const ALONE: &str = "CUSTOMER_LOOKUP_TEST_ALONE";

/// Runs one test again in a process of its own and reports how it went:
/// `true` means "this is that process, run the body"; `false` means the
/// child ran it and passed (it panics here when the child failed).
///
/// For the tests that measure or take over the whole process (resident
/// memory, the global log subscriber): every suite shares one test binary,
/// and the tests beside them would otherwise count in their numbers.
/// `test` is the path below the crate, e.g. `"stress::memory_stays_flat"`.
pub fn run_alone(test: &str) -> bool {
    if std::env::var_os(ALONE).is_some() {
        return true;
    }
    // The child is busy for a while: not beside the other heavy tests.
    let _turn = my_turn();
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([test, "--exact", "--nocapture", "--test-threads", "1"])
        .env(ALONE, "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{test} failed in its own process");
    // An exact filter that matched nothing also exits 0: make sure it ran.
    assert!(
        stdout.contains("1 passed"),
        "{test} did not run in its own process (is the name right?)"
    );
    false
}

pub use testkit::{
    Recorded, Reply, Scripted, customer_with_photo, photos, scripted, scripted_tls, till,
};
