//! The Windows build, run under Wine in a fresh prefix: `--version`,
//! `doctor` against the demo tenant, the registry policy, and the real
//! window under Xvfb (sign in, lookup, the photo on screen, log out, quit)
//! with "Remember password" through Wine's Credential Manager, and a 5 MB
//! picture pasted with Ctrl+V into the preview; names in Devanagari and
//! Arabic drawn with fonts from `%WINDIR%\Fonts` and read back by OCR.
//!
//! It runs the .exe named by `CUSTOMER_LOOKUP_WINDOWS_EXE` (`.ci/run` builds
//! it), else the one `cargo build-windows` builds
//! (`target/windows/x86_64-pc-windows-gnu/release/customer-lookup.exe`).
//! With neither, the tests say so and pass, except in CI (`CI` set), where
//! they fail. Needs `wine`, `gcc-mingw-w64-x86-64`, and the window tools of
//! the Linux smoke test (all installed by `.ci/run`).
//!
//! Wine 8.0 has no `bcryptprimitives.dll`, from which Rust's standard
//! library takes random numbers; `tests/wine/bcryptprimitives.c`, built
//! here with mingw into the prefix, stands in for it. Real Windows has it.

#![allow(clippy::disallowed_methods)] // tests run programs and write files
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use crate::support;

use crate::support::my_turn;
use crate::support::photos::count_near;
use crate::support::window::{
    KillOnDrop, VirtualDisplay, picture_on_clipboard, require, wait_for_exit, wait_for_photo,
    wait_for_screen, wait_for_window, xdotool,
};
use demo::{DEMO_PASSWORD, DEMO_USER, DemoConfig, DemoServer};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

/// Where Debian keeps the 64-bit loader (not on PATH).
const WINE64: &str = "/usr/lib/wine/wine64";
const POLICY_KEY: &str = r"HKLM\SOFTWARE\Policies\CustomerLookup";
/// Asha Rao's portrait: green background, yellow shirt.
const ASHA: [[u8; 3]; 2] = [[46, 139, 87], [250, 200, 40]];

static RT: LazyLock<tokio::runtime::Runtime> = LazyLock::new(support::ui::runtime);

/// The Windows build under test, or `None` (with the reason printed) where
/// there is none and this is not CI.
fn windows_exe() -> Option<PathBuf> {
    let exe = std::env::var_os("CUSTOMER_LOOKUP_WINDOWS_EXE").map_or_else(
        || {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("target/windows/x86_64-pc-windows-gnu/release/customer-lookup.exe")
        },
        PathBuf::from,
    );
    if exe.is_file() {
        return Some(exe);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "no Windows build at {}: .ci/run builds it first",
        exe.display()
    );
    eprintln!(
        "skipped: no Windows build at {}; build it with \
         `cargo build-windows` (see README)",
        exe.display()
    );
    None
}

/// A fresh Wine prefix with the stand-in DLL; its wineserver stops on drop.
struct Prefix {
    dir: tempfile::TempDir,
}

impl Prefix {
    fn create() -> Prefix {
        for tool in [WINE64, "/usr/lib/wine/wineserver"] {
            assert!(
                Path::new(tool).exists(),
                "{tool} is missing: apt-get install wine wine64 (see .ci/run)"
            );
        }
        require("x86_64-w64-mingw32-gcc");
        let dir = tempfile::tempdir().unwrap();
        let prefix = Prefix { dir };
        let started = Instant::now();
        let booted = prefix.wine(&["wineboot", "--init"]).output().unwrap();
        assert!(booted.status.success(), "wineboot: {booted:?}");
        prefix.wait_for_wineserver();
        let dll = prefix
            .path()
            .join("drive_c/windows/system32/bcryptprimitives.dll");
        let built = Command::new("x86_64-w64-mingw32-gcc")
            .args(["-shared", "-O2", "-o"])
            .arg(&dll)
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/wine/bcryptprimitives.c"))
            .arg("-ladvapi32")
            .output()
            .unwrap();
        assert!(built.status.success(), "mingw: {built:?}");
        eprintln!("Wine prefix ready in {:?}", started.elapsed());
        prefix
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `wine64 PROGRAM ARGS…` in this prefix, quiet, with no Mono or Gecko
    /// prompts.
    fn wine(&self, args: &[&str]) -> Command {
        let mut command = Command::new(WINE64);
        command
            .args(args)
            .env("WINEPREFIX", self.path())
            .env("WINEDEBUG", "-all")
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
            .env_remove("DISPLAY")
            .env_remove("CUSTOMER_LOOKUP_HOST")
            .env_remove("CUSTOMER_LOOKUP_USER")
            .env_remove("CUSTOMER_LOOKUP_PASSWORD")
            .stdin(Stdio::null());
        command
    }

    fn wait_for_wineserver(&self) {
        let _ = Command::new("/usr/lib/wine/wineserver")
            .arg("-w")
            .env("WINEPREFIX", self.path())
            .status();
    }

    /// `reg add` in the 64-bit view, as Group Policy writes it.
    fn reg_add(&self, name: &str, kind: &str, data: &str) {
        let out = self
            .wine(&[
                "reg", "add", POLICY_KEY, "/v", name, "/t", kind, "/d", data, "/f", "/reg:64",
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "reg add {name}: {out:?}");
    }

    fn reg_delete_policy(&self) {
        // Fails when there is no key, which is fine.
        let _ = self
            .wine(&["reg", "delete", POLICY_KEY, "/f", "/reg:64"])
            .output();
    }
}

impl Drop for Prefix {
    fn drop(&mut self) {
        let _ = Command::new("/usr/lib/wine/wineserver")
            .arg("-k")
            .env("WINEPREFIX", self.path())
            .status();
    }
}

/// One prefix for the whole file, one test at a time: the registry policy
/// is machine-wide, as on a real workstation.
static PREFIX: LazyLock<Mutex<Option<Prefix>>> = LazyLock::new(|| Mutex::new(None));

fn with_prefix(test: impl FnOnce(&Prefix, &Path)) {
    let Some(exe) = windows_exe() else {
        return;
    };
    let _turn = my_turn();
    let mut guard = PREFIX
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let prefix = guard.get_or_insert_with(Prefix::create);
    prefix.reg_delete_policy();
    test(prefix, &exe);
    prefix.reg_delete_policy();
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// `customer-lookup.exe doctor ARGS…` with the demo password.
fn doctor(prefix: &Prefix, exe: &Path, args: &[&str]) -> Output {
    let exe = exe.to_str().unwrap();
    let mut full = vec![exe, "doctor"];
    full.extend_from_slice(args);
    prefix
        .wine(&full)
        .env("CUSTOMER_LOOKUP_PASSWORD", DEMO_PASSWORD)
        .output()
        .unwrap()
}

#[test]
fn version_and_doctor_against_the_demo_tenant() {
    with_prefix(|prefix, exe| {
        let out = prefix
            .wine(&[exe.to_str().unwrap(), "--version"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            format!("customer-lookup {}", env!("CARGO_PKG_VERSION"))
        );

        let _guard = RT.enter();
        let server = DemoServer::start(DemoConfig::default()).unwrap();
        let out = doctor(
            prefix,
            exe,
            &[
                "--host",
                server.base_url(),
                "--user",
                DEMO_USER,
                "--lookup",
                "mobile:919800000001",
                "--frame",
                "560",
                "--json",
            ],
        );
        assert!(out.status.success(), "{}", text(&out));
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["ok"], true, "{report}");
        assert_eq!(report["customer"]["name"], "Asha Rao", "{report}");
        assert_eq!(report["photo"]["format"], "JPEG", "{report}");
        assert!(
            report["photo"]["texture_width"].as_u64().unwrap() > 0,
            "{report}"
        );
        assert_eq!(report["policy"]["source"], Value::Null, "{report}");
    });
}

#[test]
fn registry_policy_pins_the_host_and_mistakes_are_named() {
    with_prefix(|prefix, exe| {
        let _guard = RT.enter();
        let server = DemoServer::start(DemoConfig::default()).unwrap();
        prefix.reg_add("Host", "REG_SZ", server.base_url());
        prefix.reg_add("LockAfterSeconds", "REG_DWORD", "120");
        prefix.reg_add("RememberPassword", "REG_DWORD", "0");
        prefix.reg_add("PhotoChanges", "REG_DWORD", "1");
        // --host names nothing that answers: the pinned host wins.
        let out = doctor(
            prefix,
            exe,
            &["--host", "https://127.0.0.1:9", "--user", DEMO_USER],
        );
        let report = text(&out);
        assert!(out.status.success(), "{report}");
        assert!(
            report.contains(&format!("Host = {}", server.base_url())),
            "{report}"
        );
        assert!(report.contains("LockAfterSeconds = 120"), "{report}");
        assert!(report.contains("RememberPassword = 0 (off)"), "{report}");
        assert!(report.contains("PhotoChanges = 1 (on)"), "{report}");
        assert!(
            report.contains(r"from HKEY_LOCAL_MACHINE\SOFTWARE\Policies\CustomerLookup"),
            "{report}"
        );
        assert!(report.contains("--host ignored"), "{report}");

        // Each mistake stops doctor (and the app) and names the value.
        let mistakes = [
            ("LockAfterSeconds", "REG_SZ", "sixty", "must be a REG_DWORD"),
            (
                "RememberPassword",
                "REG_DWORD",
                "2",
                "must be 0 (off) or 1 (on), but is 2",
            ),
            ("Host", "REG_SZ", "http://crm.example.com", "is not usable"),
            (
                "LockAfterSecs",
                "REG_DWORD",
                "60",
                "does not know this value",
            ),
        ];
        for (name, kind, data, words) in mistakes {
            prefix.reg_delete_policy();
            prefix.reg_add(name, kind, data);
            let out = doctor(
                prefix,
                exe,
                &["--host", server.base_url(), "--user", DEMO_USER],
            );
            let report = text(&out);
            assert_eq!(out.status.code(), Some(1), "{name}: {report}");
            assert!(
                report.contains("FAIL policy")
                    && report.contains(&format!(r"SOFTWARE\Policies\CustomerLookup\{name}")),
                "{name}: {report}"
            );
            assert!(report.contains(words), "{name}: {report}");
        }
    });
}

/// Starts the Windows app under Wine on `display`; returns it and its
/// window once the window is up.
fn launch(
    prefix: &Prefix,
    exe: &Path,
    display: &str,
    log: &Path,
    args: &[&str],
) -> (KillOnDrop, String) {
    let mut full = vec![exe.to_str().unwrap()];
    full.extend_from_slice(args);
    let app = KillOnDrop(
        prefix
            .wine(&full)
            .env("DISPLAY", display)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(log).unwrap())
            .spawn()
            .unwrap(),
    );
    // Wine takes a while to start a program the first time in a prefix.
    let window = wait_for_window(display, Duration::from_secs(60), log);
    std::thread::sleep(Duration::from_millis(1000));
    (app, window)
}

/// Ctrl+Q, then waits for the process to end.
fn quit(display: &str, window: &str, app: &mut KillOnDrop) {
    xdotool(display, &["windowfocus", "--sync", window]);
    xdotool(display, &["key", "ctrl+q"]);
    wait_for_exit(app, Duration::from_secs(20));
}

/// Screenshots until the photo's colours are gone (after logging out).
fn wait_for_no_photo(display: &str, shot: &Path) {
    let what = "logging out did not clear the photo";
    wait_for_screen(display, shot, Duration::from_secs(15), what, |image| {
        count_near(image, ASHA[0], 14) < 100
    });
}

#[test]
fn window_signs_in_shows_the_photo_and_remembers_the_password() {
    with_prefix(|prefix, exe| {
        for tool in ["Xvfb", "xdotool", "import", "xclip"] {
            require(tool);
        }
        let _guard = RT.enter();
        let server = DemoServer::start(DemoConfig::default()).unwrap();
        let display = VirtualDisplay::start();
        let display = display.name.as_str();
        let scratch = tempfile::tempdir().unwrap();
        let shot = scratch.path().join("screen.png");
        let log = scratch.path().join("app.log");
        let args = ["--host", server.base_url(), "--user", DEMO_USER];

        // First start: once the keyring has answered (the box is enabled),
        // the password typed, "Remember password" ticked from the keyboard
        // (Tab past "Show" to it, Space), back to the password field, Enter.
        let (mut app, window) = launch(prefix, exe, display, &log, &args);
        wait_for_log(&log, "remember password offered");
        xdotool(display, &["windowfocus", "--sync", &window]);
        xdotool(display, &["type", "--delay", "60", DEMO_PASSWORD]);
        xdotool(
            display,
            &[
                "key",
                "--delay",
                "100",
                "Tab",
                "Tab",
                "space",
                "shift+Tab",
                "shift+Tab",
            ],
        );
        xdotool(display, &["key", "Return"]);
        wait_for_log(&log, "signed in");
        xdotool(display, &["type", "--delay", "40", "919800000001"]);
        xdotool(display, &["key", "Return"]);
        wait_for_photo(display, &shot, "Asha Rao", ASHA);

        // Log out from the keyboard: the photo leaves the screen.
        xdotool(display, &["key", "ctrl+shift+l"]);
        wait_for_no_photo(display, &shot);
        quit(display, &window, &mut app);
        let first_log = std::fs::read_to_string(&log).unwrap_or_default();
        assert!(
            !first_log.contains(DEMO_PASSWORD),
            "the password was logged"
        );

        // Second start: the password comes back from Credential Manager,
        // so Enter alone signs in.
        let (mut app, window) = launch(prefix, exe, display, &log, &args);
        wait_for_log(&log, "remembered password filled in");
        xdotool(display, &["windowfocus", "--sync", &window]);
        xdotool(display, &["key", "Return"]);
        wait_for_log(&log, "signed in");
        xdotool(display, &["type", "--delay", "40", "919800000001"]);
        xdotool(display, &["key", "Return"]);
        wait_for_photo(display, &shot, "Asha Rao (after the restart)", ASHA);

        // A 5 MB PNG on the clipboard (Wine hands X11's image/png over as
        // Windows' "PNG" format): Ctrl+V opens the preview, read and
        // decoded off the UI thread as on every system; Esc closes it.
        let picture = scratch.path().join("paste.png");
        crate::support::photos::picture_to_paste(&picture);
        let _clipboard = picture_on_clipboard(display, &picture);
        xdotool(display, &["key", "ctrl+v"]);
        let what = "Ctrl+V under Wine did not open the preview with the pasted picture";
        wait_for_screen(display, &shot, Duration::from_secs(30), what, |image| {
            count_near(image, crate::support::photos::PASTED, 14) > 2000
        });
        xdotool(display, &["key", "Escape"]);
        quit(display, &window, &mut app);
    });
}

/// Waits until the app's log (of this start) says `words`; a failed
/// sign-in fails at once, with the log.
fn wait_for_log(log: &Path, words: &str) {
    let started = Instant::now();
    loop {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        if text.contains(words) {
            return;
        }
        assert!(
            !text.contains("sign-in failed") && started.elapsed() < Duration::from_secs(30),
            "waited for {words:?} in the log: {text}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The MSI from `cargo xtask dist`, and one stamped with a newer version
/// (`.ci/run` builds both and names them in `CUSTOMER_LOOKUP_MSI` and
/// `CUSTOMER_LOOKUP_MSI_UPGRADE`), or `None` where there are none outside CI.
fn installers() -> Option<(PathBuf, PathBuf)> {
    let named = |var: &str| std::env::var_os(var).map(PathBuf::from);
    let built = |dir: &str| {
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
            .ok()?
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "msi"))
    };
    let msi = named("CUSTOMER_LOOKUP_MSI").or_else(|| built("target/dist"));
    let upgrade =
        named("CUSTOMER_LOOKUP_MSI_UPGRADE").or_else(|| built("target/dist-upgrade-test"));
    match (msi, upgrade) {
        (Some(msi), Some(upgrade)) if msi.is_file() && upgrade.is_file() => Some((msi, upgrade)),
        _ => {
            assert!(
                std::env::var_os("CI").is_none(),
                "no MSIs to test: .ci/run builds them with cargo xtask dist"
            );
            eprintln!(
                "skipped: no MSIs; run `cargo xtask dist` and \
                 `cargo xtask dist --skip-build --version 99.0.0 --out target/dist-upgrade-test`"
            );
            None
        }
    }
}

/// The Uninstall entries (DisplayVersion of each) named Customer Lookup.
fn installed_versions(prefix: &Prefix) -> Vec<String> {
    let out = prefix
        .wine(&[
            "reg",
            "query",
            r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall",
            "/s",
            "/reg:64",
        ])
        .output()
        .unwrap();
    let listing = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    listing
        .split("\n\n")
        .filter(|entry| entry.contains("Customer Lookup"))
        .filter_map(|entry| {
            entry
                .lines()
                .find(|l| l.trim_start().starts_with("DisplayVersion"))
                .and_then(|l| l.split_whitespace().last())
                .map(str::to_owned)
        })
        .collect()
}

/// One table of an MSI, tab-separated, by msitools' `msiinfo`.
fn msi_table(msi: &Path, table: &str) -> String {
    let out = Command::new("msiinfo")
        .arg("export")
        .arg(msi)
        .arg(table)
        .output()
        .unwrap();
    assert!(out.status.success(), "msiinfo: {out:?}");
    String::from_utf8_lossy(&out.stdout).replace("\r", "")
}

fn msiexec(prefix: &Prefix, action: &str, msi: &Path) {
    let out = prefix
        .wine(&["msiexec", action, msi.to_str().unwrap(), "/qn"])
        .output()
        .unwrap();
    prefix.wait_for_wineserver(); // msiexec's helper processes
    assert!(
        out.status.success(),
        "msiexec {action} {}: {}",
        msi.display(),
        text(&out)
    );
}

#[test]
fn msi_installs_silently_upgrades_in_place_and_uninstalls() {
    let Some((msi, upgrade)) = installers() else {
        return;
    };
    with_prefix(|prefix, _| {
        let drive_c = prefix.path().join("drive_c");
        let installed = drive_c.join("Program Files/Customer Lookup/customer-lookup.exe");
        // Per machine: ALLUSERS=1, so Windows puts the shortcut in every
        // user's Start menu. Wine 8.0's msi resolves ProgramMenuFolder to
        // the installing user's menu even then; either place counts here,
        // and the tables are checked for the per-machine settings.
        let shortcuts = [
            drive_c.join("ProgramData/Microsoft/Windows/Start Menu/Programs/Customer Lookup.lnk"),
            drive_c.join(format!(
                "users/{}/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Customer Lookup.lnk",
                std::env::var("USER").unwrap_or_else(|_| "root".to_owned())
            )),
        ];
        let shortcut_present = || shortcuts.iter().any(|s| s.is_file());
        let properties = msi_table(&msi, "Property");
        assert!(properties.contains("ALLUSERS\t1"), "{properties}");
        let shortcut_table = msi_table(&msi, "Shortcut");
        assert!(
            shortcut_table.contains("ProgramMenuFolder\tCustomer Lookup\t")
                && shortcut_table.contains("\tAppIcon\t"),
            "{shortcut_table}"
        );

        msiexec(prefix, "/i", &msi);
        assert!(installed.is_file(), "not in Program Files");
        assert!(shortcut_present(), "no Start-menu shortcut");
        let out = prefix
            .wine(&[installed.to_str().unwrap(), "--version"])
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            format!("customer-lookup {}", env!("CARGO_PKG_VERSION")),
            "{}",
            text(&out)
        );
        let before = installed_versions(prefix);
        assert_eq!(before.len(), 1, "{before:?}");

        // The newer MSI replaces the installed one: one entry, new version.
        msiexec(prefix, "/i", &upgrade);
        let after = installed_versions(prefix);
        assert_eq!(after.len(), 1, "not upgraded in place: {after:?}");
        assert_ne!(after, before, "the version did not change: {after:?}");
        assert!(installed.is_file(), "the upgrade removed the program");

        msiexec(prefix, "/x", &upgrade);
        assert!(
            !installed.exists(),
            "still in Program Files after uninstalling"
        );
        assert!(!shortcut_present(), "the shortcut is left behind");
        assert!(
            installed_versions(prefix).is_empty(),
            "still listed as installed"
        );
    });
}

/// Tesseract's reading of a screenshot in `language` (`ara`, `hin`),
/// enlarged first, and inverted when the theme is dark (Wine's follows the
/// desktop's, light).
fn ocr(image: &image::RgbaImage, language: &str, dir: &Path) -> String {
    let mut prepared = image.clone();
    let pixels = u64::from(prepared.width()) * u64::from(prepared.height());
    let brightness: u64 = prepared.pixels().map(|p| u64::from(p.0[1])).sum::<u64>() / pixels.max(1);
    if brightness < 128 {
        image::imageops::invert(&mut prepared);
    }
    let (w, h) = prepared.dimensions();
    let prepared = image::imageops::resize(
        &prepared,
        w * 2,
        h * 2,
        image::imageops::FilterType::Triangle,
    );
    let file = dir.join(format!("ocr-{language}.png"));
    prepared.save(&file).unwrap();
    let out = Command::new("tesseract")
        .arg(&file)
        .args(["-", "-l", language])
        .stderr(Stdio::null())
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The Windows build finds fonts for names in Indian scripts and Arabic in
/// `%WINDIR%\Fonts` (on Windows: Nirmala UI and Segoe UI; Wine has neither,
/// so the test puts the Noto files the app also looks for there) and draws
/// the names in reading order: Tesseract reads प्रिया शर्मा and يوسف عبد الله
/// off the Wine window.
#[test]
fn names_in_devanagari_and_arabic_are_drawn_under_windows() {
    with_prefix(|prefix, exe| {
        for tool in ["Xvfb", "xdotool", "import", "tesseract"] {
            require(tool);
        }
        let fonts = prefix.path().join("drive_c/windows/Fonts");
        std::fs::create_dir_all(&fonts).unwrap();
        for (script, file) in customer_lookup::testing::fonts::find_fallback_fonts() {
            if matches!(script, "devanagari" | "arabic") {
                std::fs::copy(&file, fonts.join(file.file_name().unwrap())).unwrap();
            }
        }
        let _guard = RT.enter();
        let server = DemoServer::start(DemoConfig::default()).unwrap();
        let display = VirtualDisplay::start();
        let display = display.name.as_str();
        let scratch = tempfile::tempdir().unwrap();
        let shot = scratch.path().join("screen.png");
        let log = scratch.path().join("app.log");
        let args = ["--host", server.base_url(), "--user", DEMO_USER];
        let (mut app, window) = launch(prefix, exe, display, &log, &args);
        wait_for_log(&log, "remember password offered");
        xdotool(display, &["windowfocus", "--sync", &window]);
        // The password field has the focus; another test in this prefix may
        // have had it remembered, so what is there is replaced.
        xdotool(display, &["key", "ctrl+a"]);
        xdotool(display, &["type", "--delay", "60", DEMO_PASSWORD]);
        xdotool(display, &["key", "Return"]);
        wait_for_log(&log, "signed in");

        xdotool(display, &["type", "--delay", "40", "919800000015"]);
        xdotool(display, &["key", "Return"]);
        let what = "Youssef's Arabic name was not read back in reading order";
        wait_for_screen(display, &shot, Duration::from_secs(30), what, |image| {
            let read: String = ocr(image, "ara", scratch.path())
                .chars()
                .filter(|c| ('\u{0621}'..='\u{064A}').contains(c))
                .collect();
            matches!((read.find("يوسف"), read.find("الله")), (Some(a), Some(b)) if a < b)
        });

        xdotool(display, &["type", "--delay", "40", "919800000002"]);
        xdotool(display, &["key", "Return"]);
        let what = "Priya's Devanagari name was not read off the window";
        wait_for_screen(display, &shot, Duration::from_secs(30), what, |image| {
            let read = ocr(image, "hin", scratch.path());
            read.contains("प्रिया") || read.contains("शर्मा")
        });
        quit(display, &window, &mut app);
    });
}
