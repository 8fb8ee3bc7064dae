//! `cargo xtask test` and `cargo xtask setup`: the README's test command on a
//! fresh machine. The tests drive real things (a window under Xvfb, Mesa's
//! software renderer, a keyring, Tesseract), so a bare `cargo test` on a new
//! machine fails until the right system packages are in. This checks them,
//! installs what is missing (apt-get, through sudo when not root), and then
//! runs `cargo test` with the arguments given.
//!
//! The package lists live here and nowhere else: `.ci/run` calls
//! `cargo xtask setup --ci` before its release builds and `cargo xtask test`
//! for the tests.

use crate::Result;
use std::process::Command;

/// What the test suite needs, each with the reason (printed when missing).
pub const FOR_TESTS: &[(&str, &str)] = &[
    (
        "mesa-vulkan-drivers",
        "software Vulkan (lavapipe) for the snapshot tests",
    ),
    ("libegl1", "OpenGL for the window smoke test"),
    (
        "libgl1-mesa-dri",
        "software OpenGL (llvmpipe) for the window smoke test",
    ),
    ("xvfb", "a virtual X server for the window smoke test"),
    ("xdotool", "typing into the real window"),
    ("imagemagick", "screenshots of the real window"),
    (
        "libxkbcommon-x11-0",
        "keyboard handling for winit under X11",
    ),
    ("fonts-noto-core", "Devanagari, Tamil and Arabic names"),
    ("fonts-noto-cjk", "CJK names"),
    ("dbus-daemon", "a real Secret Service for the keyring test"),
    (
        "gnome-keyring",
        "a real Secret Service for the keyring test",
    ),
    (
        "libsecret-tools",
        "secret-tool: an item as keyring 3 filed it (the keyring test)",
    ),
    (
        "openbox",
        "a window manager that minimises (the idle-lock smoke test)",
    ),
    (
        "tesseract-ocr",
        "reading points and purchases off the screen",
    ),
    (
        "tesseract-ocr-eng",
        "reading points and purchases off the screen",
    ),
    (
        "tesseract-ocr-ara",
        "reading an Arabic name back in reading order",
    ),
    (
        "tesseract-ocr-hin",
        "reading a Devanagari name off the Windows build's window",
    ),
    (
        "xclip",
        "a picture on the X clipboard (the paste smoke test)",
    ),
    ("x11-utils", "xprop: whether the window opened maximised"),
    (
        "libharfbuzz-bin",
        "hb-shape: the order right-to-left names are drawn in",
    ),
    (
        "at-spi2-core",
        "the accessibility bus a screen reader reads the window through",
    ),
    (
        "dbus-bin",
        "dbus-send: switching accessibility on for the screen-reader test",
    ),
    (
        "python3-pyatspi",
        "an AT-SPI client that reads the window as a screen reader does",
    ),
];

/// What CI adds: the Windows build, its installers and their tests under
/// Wine, the .deb's checks, and the webcam bindings of the release build.
pub const FOR_CI: &[(&str, &str)] = &[
    (
        "gcc-mingw-w64-x86-64",
        "links the Windows build and the Wine stand-in DLL",
    ),
    ("wine", "runs the Windows build, its window and its MSI"),
    ("wine64", "runs the Windows build, its window and its MSI"),
    ("wixl", "builds the MSI"),
    ("msitools", "reads the MSI's tables"),
    (
        "desktop-file-utils",
        "desktop-file-validate for the .deb's menu entry",
    ),
    (
        "libclang-dev",
        "nokhwa's V4L2 bindings (the webcam-linux feature)",
    ),
];

/// `cargo xtask setup [--ci]`.
pub fn setup(args: &[String]) -> Result {
    let mut packages: Vec<&str> = FOR_TESTS.iter().map(|(name, _)| *name).collect();
    for arg in args {
        match arg.as_str() {
            "--ci" => packages.extend(FOR_CI.iter().map(|(name, _)| *name)),
            other => return Err(format!("setup: unknown option {other} (only --ci)")),
        }
    }
    install_missing(&packages)
}

/// `cargo xtask test [--no-setup] [CARGO TEST ARGS…]`.
pub fn test(args: &[String]) -> Result {
    let (no_setup, cargo_args): (Vec<&String>, Vec<&String>) =
        args.iter().partition(|arg| *arg == "--no-setup");
    if no_setup.is_empty() {
        let packages: Vec<&str> = FOR_TESTS.iter().map(|(name, _)| *name).collect();
        install_missing(&packages)?;
    }
    let mut cargo_test =
        Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()));
    cargo_test
        .arg("test")
        .args(cargo_args)
        .current_dir(crate::root());
    // `cargo run` gave this process xtask's package variables. Some build
    // scripts (ring's) ask to be rerun when CARGO_PKG_NAME or OUT_DIR
    // change, and cargo reads those from its own environment: passed on,
    // they would rebuild ring and everything above it, and a plain
    // `cargo test` afterwards would rebuild it all again.
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy();
        if is_set_by_cargo_run(&name) {
            cargo_test.env_remove(&*name);
        }
    }
    let status = cargo_test
        .status()
        .map_err(|e| format!("could not start cargo test: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("cargo test failed ({status})"))
    }
}

/// The variables cargo sets for the binary it runs (its package, not the
/// user's configuration such as CARGO_HOME or CARGO_TARGET_DIR).
fn is_set_by_cargo_run(name: &str) -> bool {
    name.starts_with("CARGO_PKG_")
        || matches!(
            name,
            "CARGO_MANIFEST_DIR"
                | "CARGO_MANIFEST_PATH"
                | "CARGO_MANIFEST_LINKS"
                | "CARGO_CRATE_NAME"
                | "CARGO_BIN_NAME"
                | "CARGO_PRIMARY_PACKAGE"
                | "CARGO_RUSTC_CURRENT_DIR"
                | "OUT_DIR"
        )
}

/// Installs those of `packages` that dpkg does not list as installed.
fn install_missing(packages: &[&str]) -> Result {
    if !cfg!(target_os = "linux")
        || Command::new("dpkg-query")
            .arg("--version")
            .output()
            .is_err()
    {
        eprintln!(
            "xtask: not a Debian-like system, so the system packages are not checked; \
             the window, snapshot and keyring tests need the equivalents of: {}",
            packages.join(" ")
        );
        return Ok(());
    }
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|package| !is_installed(package))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    for (name, why) in FOR_TESTS.iter().chain(FOR_CI) {
        if missing.contains(name) {
            eprintln!("xtask: installing {name}: {why}");
        }
    }
    let elevate = elevation(&missing)?;
    let apt = |args: &[&str]| -> Result {
        let mut command = match elevate {
            Some(sudo) => {
                let mut command = Command::new(sudo);
                command.arg("apt-get");
                command
            }
            None => Command::new("apt-get"),
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        let status = command
            .status()
            .map_err(|e| format!("could not start apt-get: {e}"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!(
                "apt-get {} failed ({status}); install these by hand and run again: {}",
                args.first().copied().unwrap_or_default(),
                missing.join(" ")
            ))
        }
    };
    apt(&["update", "-qq"])?;
    let mut install = vec!["install", "-y", "-qq", "--no-install-recommends"];
    install.extend(&missing);
    apt(&install)
}

fn is_installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).contains("install ok installed"))
}

/// `None` as root, `Some("sudo")` when sudo is there, else an error that
/// says what to run.
fn elevation(missing: &[&str]) -> Result<Option<&'static str>> {
    let uid = Command::new("id")
        .arg("-u")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        .unwrap_or_default();
    if uid == "0" {
        return Ok(None);
    }
    if Command::new("sudo").arg("--version").output().is_ok() {
        return Ok(Some("sudo"));
    }
    Err(format!(
        "some system packages the tests need are missing, and this user is not root and has \
         no sudo. As root, run: apt-get install {}  (or pass --no-setup to run the tests anyway)",
        missing.join(" ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_package_is_listed_once_with_a_reason() {
        let mut names: Vec<&str> = FOR_TESTS.iter().chain(FOR_CI).map(|(n, _)| *n).collect();
        assert!(
            FOR_TESTS
                .iter()
                .chain(FOR_CI)
                .all(|(_, why)| !why.is_empty())
        );
        let all = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), all, "a package is listed twice");
    }

    #[test]
    fn only_what_cargo_run_sets_is_dropped() {
        for dropped in [
            "CARGO_PKG_NAME",
            "CARGO_PKG_VERSION_MAJOR",
            "CARGO_MANIFEST_DIR",
            "OUT_DIR",
        ] {
            assert!(is_set_by_cargo_run(dropped), "{dropped}");
        }
        for kept in [
            "CARGO",
            "CARGO_HOME",
            "CARGO_TARGET_DIR",
            "CARGO_TERM_COLOR",
            "CI",
            "PATH",
        ] {
            assert!(!is_set_by_cargo_run(kept), "{kept}");
        }
    }

    #[test]
    fn setup_refuses_unknown_options() {
        let err = setup(&["--bogus".to_owned()]).unwrap_err();
        assert!(err.contains("--bogus"), "{err}");
    }
}
