//! A real window under a virtual X server: Xvfb, xdotool and ImageMagick
//! screenshots, shared by the Linux and the Wine smoke tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]
#![allow(clippy::disallowed_methods)]

use super::photos::count_near;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct KillOnDrop(pub Child);

/// The binary the window tests drive: `CUSTOMER_LOOKUP_SMOKE_BIN` (`.ci/run`
/// points it at the release build) or else the one cargo built for the tests.
pub fn binary() -> PathBuf {
    std::env::var_os("CUSTOMER_LOOKUP_SMOKE_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_customer-lookup")),
        PathBuf::from,
    )
}

/// Starts the app on `display` with a fresh HOME under `scratch` (no saved
/// settings, so `--demo` opens like a first start) and `env` added,
/// everything logged to `scratch/app.log`; returns it and its window id
/// once the window is up.
pub fn launch_app(
    display: &str,
    scratch: &Path,
    args: &[&str],
    env: &[(&str, &std::ffi::OsStr)],
) -> (KillOnDrop, String) {
    let app = KillOnDrop(
        Command::new(binary())
            .args(args)
            .env("DISPLAY", display)
            .env("HOME", scratch)
            .env("XDG_DATA_HOME", scratch.join("data"))
            .env("XDG_CONFIG_HOME", scratch.join("config"))
            .env_remove("WAYLAND_DISPLAY")
            // Everything logged, so the smoke test's disk scan covers every level.
            .env("RUST_LOG", "trace")
            .env_remove("CUSTOMER_LOOKUP_HOST")
            .env_remove("CUSTOMER_LOOKUP_USER")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(scratch.join("app.log")).unwrap())
            .spawn()
            .unwrap(),
    );
    let window = wait_for_window(display, Duration::from_secs(30), &scratch.join("app.log"));
    (app, window)
}

/// What the app launched under `scratch` has logged so far.
pub fn app_log(scratch: &Path) -> String {
    std::fs::read_to_string(scratch.join("app.log")).unwrap_or_default()
}

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if self.0.try_wait().ok().flatten().is_some() {
            return; // already gone (quit by the test)
        }
        // SIGTERM first, so Xvfb removes its lock file and socket.
        let _ = Command::new("kill").arg(self.0.id().to_string()).status();
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(3) {
            if self.0.try_wait().ok().flatten().is_some() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn require(tool: &str) {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "`{tool}` is needed for the window smoke test: apt-get install xvfb xdotool imagemagick openbox tesseract-ocr tesseract-ocr-eng (see .ci/run)"
    );
}

pub fn xdotool(display: &str, args: &[&str]) -> String {
    let out = Command::new("xdotool")
        .args(args)
        .env("DISPLAY", display)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

pub fn screenshot(display: &str, path: &Path) -> Option<image::RgbaImage> {
    window_shot(display, "root", path)
}

/// A screenshot of one window's contents (`root`: the whole screen).
pub fn window_shot(display: &str, window: &str, path: &Path) -> Option<image::RgbaImage> {
    let status = Command::new("import")
        .args(["-window", window, path.to_str()?])
        .env("DISPLAY", display)
        .status()
        .ok()?;
    if !status.success() {
        return None;
    }
    image::open(path).ok().map(|i| i.into_rgba8())
}

/// Like [`window_shot`], trying again for up to `within` while the window
/// cannot be captured yet (a window manager that has just reparented a
/// new window leaves `import` nothing to read for a moment; seen once).
pub fn window_shot_within(
    display: &str,
    window: &str,
    path: &Path,
    within: std::time::Duration,
) -> Option<image::RgbaImage> {
    let started = std::time::Instant::now();
    loop {
        let shot = window_shot(display, window, path);
        if shot.is_some() || started.elapsed() >= within {
            return shot;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

/// A virtual X server on a free display, stopped when dropped.
pub struct VirtualDisplay {
    pub name: String,
    _xvfb: KillOnDrop,
    // Kept open for the whole test: were it closed, anything more Xvfb
    // writes to stdout would kill it with SIGPIPE.
    _stdout: std::io::BufReader<std::process::ChildStdout>,
    _stderr: tempfile::NamedTempFile,
}

impl VirtualDisplay {
    /// A display that has answered a client. In one CI run an app started
    /// right after Xvfb reported its display could not connect ("Failed to
    /// open connection to X server"), so this also asks the server itself
    /// (`xdotool getdisplaygeometry`) and starts Xvfb again, up to three
    /// times, if it never answers; the failure shows what Xvfb said.
    pub fn start() -> Self {
        Self::with_screen("1280x800")
    }

    /// The same with a screen of this size (`WIDTHxHEIGHT`).
    pub fn with_screen(size: &str) -> Self {
        let mut said = String::new();
        for _ in 0..3 {
            match Self::try_start(size) {
                Ok(display) => return display,
                Err(why) => said = why,
            }
        }
        panic!("Xvfb never accepted a client: {said}");
    }

    fn try_start(size: &str) -> Result<Self, String> {
        let stderr = tempfile::NamedTempFile::new().unwrap();
        // `-displayfd 1`: Xvfb picks a free display and prints its number on
        // stdout once it listens (no guessing, no fixed sleep). `-noreset`:
        // no server reset when the last client goes, such as the check below.
        let mut xvfb = KillOnDrop(
            Command::new("Xvfb")
                .args([
                    "-displayfd",
                    "1",
                    "-screen",
                    "0",
                    &format!("{size}x24"),
                    "-nolisten",
                    "tcp",
                    "-noreset",
                ])
                .stdout(Stdio::piped())
                .stderr(stderr.reopen().unwrap())
                .spawn()
                .unwrap(),
        );
        let xvfb_said = || std::fs::read_to_string(stderr.path()).unwrap_or_default();
        let mut number = String::new();
        let mut stdout = std::io::BufReader::new(xvfb.0.stdout.take().unwrap());
        std::io::BufRead::read_line(&mut stdout, &mut number).unwrap();
        if number.trim().is_empty() {
            return Err(format!("it reported no display; it said: {}", xvfb_said()));
        }
        let name = format!(":{}", number.trim());
        let started = Instant::now();
        loop {
            let answered = Command::new("xdotool")
                .arg("getdisplaygeometry")
                .env("DISPLAY", &name)
                .output()
                .is_ok_and(|o| o.status.success());
            if answered {
                break;
            }
            if let Ok(Some(status)) = xvfb.0.try_wait() {
                return Err(format!("it exited ({status}); it said: {}", xvfb_said()));
            }
            if started.elapsed() > Duration::from_secs(10) {
                return Err(format!(
                    "{name} did not answer in 10 s; it said: {}",
                    xvfb_said()
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(Self {
            name,
            _xvfb: xvfb,
            _stdout: stdout,
            _stderr: stderr,
        })
    }
}

/// Screenshots until `seen` holds for one; fails after `within`, keeping
/// the last screenshot and saying what did not happen.
pub fn wait_for_screen(
    display: &str,
    shot: &Path,
    within: Duration,
    what: &str,
    seen: impl Fn(&image::RgbaImage) -> bool,
) {
    let started = Instant::now();
    loop {
        if let Some(image) = screenshot(display, shot)
            && seen(&image)
        {
            return;
        }
        assert!(
            started.elapsed() < within,
            "{what}; last screenshot kept at {}",
            keep(shot).display()
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}

/// Screenshots until both colours of a customer's portrait cover a good
/// part of the screen; fails after 30 s, keeping the last screenshot.
pub fn wait_for_photo(display: &str, shot: &Path, who: &str, colours: [[u8; 3]; 2]) {
    let what = format!("{who}'s photo did not appear");
    wait_for_screen(display, shot, Duration::from_secs(30), &what, |image| {
        colours.iter().all(|c| count_near(image, *c, 14) > 2000)
    });
}

/// The id of the app's window once it is shown (then a moment for its
/// first frames); fails after `within` with the app's log.
///
/// Only a mapped window counts: eframe creates its window hidden and maps
/// it after the first frame is painted, and until then `import` cannot read
/// it ("Resource temporarily unavailable"). On a loaded CI machine
/// (llvmpipe, two cores) that first frame once took longer than 6 s.
pub fn wait_for_window(display: &str, within: Duration, log: &Path) -> String {
    let started = Instant::now();
    let window = loop {
        let id = xdotool(
            display,
            &["search", "--onlyvisible", "--name", "^Customer Lookup$"],
        );
        if let Some(first) = id.lines().next().filter(|l| !l.is_empty()) {
            break first.to_owned();
        }
        assert!(
            started.elapsed() < within,
            "no window was shown; log: {}",
            std::fs::read_to_string(log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    std::thread::sleep(Duration::from_millis(1500));
    window
}

/// Waits for the app to end by itself (after Ctrl+Q).
pub fn wait_for_exit(app: &mut KillOnDrop, within: Duration) {
    let started = Instant::now();
    while app.0.try_wait().unwrap().is_none() {
        assert!(started.elapsed() < within, "Ctrl+Q did not close the app");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Copies a failing screenshot somewhere that outlives the temp dir.
pub fn keep(shot: &Path) -> PathBuf {
    let kept = std::env::temp_dir().join("customer-lookup-smoke-failure.png");
    let _ = std::fs::copy(shot, &kept);
    kept
}

/// Serves the picture at `path` as `image/png` on the display's
/// clipboard until dropped (`xclip -quiet` stays in the foreground), with
/// a moment for xclip to take the selection.
pub fn picture_on_clipboard(display: &str, path: &Path) -> KillOnDrop {
    let xclip = KillOnDrop(
        Command::new("xclip")
            .args(["-quiet", "-selection", "clipboard", "-t", "image/png", "-i"])
            .arg(path)
            .env("DISPLAY", display)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    std::thread::sleep(Duration::from_millis(500));
    xclip
}
