//! Screen readers on Linux, for real: the app's window under Xvfb with a
//! private session bus, the accessibility bus from `at-spi-bus-launcher`,
//! accessibility switched on (`org.a11y.Status.IsEnabled`, what GNOME sets
//! when Orca starts) and an AT-SPI client (`tests/screen_reader/read_window.py`,
//! pyatspi, what Orca is built on) that reads the window as a screen reader
//! does. It finds the login panel's fields by role and label, presses
//! "Log in" through AT-SPI's click action, and after a lookup finds the
//! lookup box, the photo and the customer's name as the page's heading, an
//! Arabic name in its logical order (the window draws it in display order,
//! `src/bidi.rs`).
//!
//! Runs the binary `support::window::binary` names (`.ci/run`: the release
//! build, which is the point: it must carry AccessKit). Needs `xvfb`,
//! `xdotool`, `dbus-daemon`, `dbus-bin`, `at-spi2-core` and
//! `python3-pyatspi` (`cargo xtask test` installs them).
#![allow(clippy::disallowed_methods)] // tests start processes freely
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use crate::support::my_turn;
use crate::support::window::{KillOnDrop, VirtualDisplay, launch_app, require, xdotool};
use serde::Deserialize;
use std::ffi::OsStr;
use std::io::BufRead as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const LAUNCHER: &str = "/usr/libexec/at-spi-bus-launcher";
/// Debian's own Python, where `python3-pyatspi` is installed (a `python3`
/// earlier on PATH, such as pyenv's, would not have it).
const PYTHON: &str = "/usr/bin/python3";

/// One accessible object as the AT-SPI client reported it.
#[derive(Debug, Deserialize)]
struct Node {
    role: String,
    name: String,
    states: Vec<String>,
    /// The Text interface's content (never asked of password fields).
    text: Option<String>,
}

impl Node {
    fn has_state(&self, state: &str) -> bool {
        self.states.iter().any(|s| s == state)
    }
}

/// A private session bus with the accessibility bus on it, accessibility
/// switched on; stopped when dropped.
struct AccessibilityBus {
    address: String,
    // Dropped in this order: the launcher (and with it the accessibility
    // bus it started), then the session bus.
    _launcher: KillOnDrop,
    _session: KillOnDrop,
    _session_stdout: std::io::BufReader<std::process::ChildStdout>,
}

impl AccessibilityBus {
    fn start(scratch: &Path) -> Self {
        // Everything these daemons write (the accessibility bus's socket,
        // a keyring D-Bus may start on demand) stays under the scratch dir.
        let home = scratch.join("bus-home");
        let runtime = scratch.join("run");
        for dir in [&home, &runtime] {
            std::fs::create_dir_all(dir).unwrap();
        }
        let mut session = KillOnDrop(
            Command::new("dbus-daemon")
                .args(["--session", "--nofork", "--print-address=1"])
                .env("HOME", &home)
                .env("XDG_RUNTIME_DIR", &runtime)
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        let mut stdout = std::io::BufReader::new(session.0.stdout.take().unwrap());
        let mut address = String::new();
        stdout.read_line(&mut address).unwrap();
        let address = address.trim().to_owned();
        assert!(!address.is_empty(), "dbus-daemon printed no address");
        let launcher = KillOnDrop(
            Command::new(LAUNCHER)
                .arg("--launch-immediately")
                .env("DBUS_SESSION_BUS_ADDRESS", &address)
                .env("HOME", &home)
                .env("XDG_RUNTIME_DIR", &runtime)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        let bus = AccessibilityBus {
            address,
            _launcher: launcher,
            _session: session,
            _session_stdout: stdout,
        };
        // The launcher owns org.a11y.Bus once it answers for its address.
        let started = Instant::now();
        while !bus.dbus_send(&["/org/a11y/bus", "org.a11y.Bus.GetAddress"]) {
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "at-spi-bus-launcher never answered on the session bus"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let switched_on = bus.dbus_send(&[
            "/org/a11y/bus",
            "org.freedesktop.DBus.Properties.Set",
            "string:org.a11y.Status",
            "string:IsEnabled",
            "variant:boolean:true",
        ]);
        assert!(switched_on, "could not switch accessibility on");
        bus
    }

    /// A method call to org.a11y.Bus; whether it was answered.
    fn dbus_send(&self, call: &[&str]) -> bool {
        Command::new("dbus-send")
            .args(["--session", "--print-reply", "--dest=org.a11y.Bus"])
            .args(call)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    /// The AT-SPI client with `args`: its exit status and output.
    fn client(&self, args: &[&str]) -> std::process::Output {
        Command::new("timeout")
            .args(["20", PYTHON])
            .arg(script())
            .args(args)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .output()
            .unwrap()
    }

    /// Every accessible object of every application on the bus.
    fn tree(&self) -> Vec<Node> {
        let out = self.client(&["tree"]);
        if !out.status.success() {
            return Vec::new(); // the app may be between frames; asked again
        }
        serde_json::from_slice(&out.stdout).unwrap_or_default()
    }

    /// Reads the tree until `seen` holds for it; fails after 30 s showing
    /// what the screen reader had.
    fn wait_for(&self, what: &str, seen: impl Fn(&[Node]) -> bool) -> Vec<Node> {
        let started = Instant::now();
        loop {
            let tree = self.tree();
            if seen(&tree) {
                return tree;
            }
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "{what}; the screen reader saw:\n{}",
                describe(&tree)
            );
            std::thread::sleep(Duration::from_millis(300));
        }
    }
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/screen_reader/read_window.py")
}

fn describe(tree: &[Node]) -> String {
    let lines: Vec<String> = tree
        .iter()
        .map(|n| format!("{} {:?} {:?} {:?}", n.role, n.name, n.text, n.states))
        .collect();
    lines.join("\n")
}

fn find<'a>(tree: &'a [Node], role: &str, name: &str) -> Option<&'a Node> {
    tree.iter().find(|n| n.role == role && n.name == name)
}

fn requirements() {
    for tool in ["Xvfb", "xdotool", "dbus-daemon", "dbus-send", "timeout"] {
        require(tool);
    }
    assert!(
        Path::new(LAUNCHER).exists(),
        "{LAUNCHER} is needed: apt-get install at-spi2-core (cargo xtask test does)"
    );
    let pyatspi = Command::new(PYTHON)
        .args(["-c", "import pyatspi"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        pyatspi,
        "pyatspi is needed: apt-get install python3-pyatspi (cargo xtask test does)"
    );
}

#[test]
fn a_screen_reader_finds_the_login_fields_the_lookup_box_and_the_customer() {
    let _turn = my_turn();
    requirements();
    let scratch = tempfile::tempdir().unwrap();
    let display = VirtualDisplay::start();
    let display = display.name.as_str();
    let bus = AccessibilityBus::start(scratch.path());
    let address = OsStr::new(bus.address.as_str());
    let (_app, window) = launch_app(
        display,
        scratch.path(),
        &["--demo"],
        &[("DBUS_SESSION_BUS_ADDRESS", address)],
    );
    xdotool(display, &["windowfocus", "--sync", &window]);

    // The login panel: each field by its role and the label beside it.
    let login = bus.wait_for("no login panel for the screen reader", |tree| {
        find(tree, "push button", "Log in").is_some()
    });
    let user = find(&login, "entry", "Username").expect("a Username entry");
    assert!(user.has_state("editable"), "{user:?}");
    assert_eq!(user.text.as_deref(), Some("demo.till"), "the demo's till");
    let password = find(&login, "password text", "Password");
    assert!(
        password.is_some_and(|p| p.has_state("editable")),
        "a Password field whose text is not read out:\n{}",
        describe(&login)
    );
    assert!(find(&login, "combo box", "Server").is_some());
    // Both ways to sign in by their own names.
    assert!(
        find(&login, "radio button", "Till username").is_some(),
        "{}",
        describe(&login)
    );
    assert!(find(&login, "radio button", "OAuth client").is_some());
    assert!(find(&login, "combo box", "Language").is_some());
    assert!(
        !login.iter().any(|n| n.role == "label" && n.name.is_empty()),
        "an empty label for the screen reader to stop on:\n{}",
        describe(&login)
    );

    // "Log in" pressed the way a screen reader user does (AT-SPI's click
    // action, no keyboard or mouse), then the lookup box has the focus.
    let pressed = bus.client(&["press", "Log in"]);
    assert!(
        pressed.status.success(),
        "no Log in button to press: {pressed:?}"
    );
    bus.wait_for("no focused lookup box after signing in", |tree| {
        find(tree, "entry", "Customer identifier")
            .is_some_and(|n| n.has_state("focused") && n.has_state("editable"))
    });

    // A lookup: the customer's photo and name are there for the reader.
    xdotool(display, &["type", "--delay", "40", "919800000001"]);
    xdotool(display, &["key", "Return"]);
    let found = bus.wait_for("Asha Rao's name was not read as the heading", |tree| {
        find(tree, "heading", "Asha Rao").is_some()
    });
    assert!(find(&found, "image", "Customer photo").is_some());
    assert!(find(&found, "label", "Found by mobile 919800000001").is_some());

    // An Arabic name reaches the reader in logical order, though drawn in
    // display order (the words of a right-to-left run reversed).
    xdotool(display, &["type", "--delay", "40", "919800000015"]);
    xdotool(display, &["key", "Return"]);
    let found = bus.wait_for("Youssef Abdullah's name was not read", |tree| {
        find(tree, "heading", "يوسف عبد الله").is_some()
    });
    assert!(
        find(&found, "heading", "الله عبد يوسف").is_none(),
        "the name was read in display order"
    );
}
