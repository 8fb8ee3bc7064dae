//! The .deb from `cargo xtask dist`: what it installs where, its control
//! fields, its .desktop entry (`desktop-file-validate`), its icons, and its
//! binary, run from the unpacked package. `.ci/run` also installs it with
//! apt (so every Depends must resolve) and runs it from /usr/bin.
//!
//! It tests the .deb named by `CUSTOMER_LOOKUP_DEB`, else the one in
//! `target/dist`; with neither, it says so and passes, except in CI.

#![allow(clippy::disallowed_methods)] // tests run programs and read files
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use std::path::{Path, PathBuf};
use std::process::Command;

fn deb() -> Option<PathBuf> {
    let named = std::env::var_os("CUSTOMER_LOOKUP_DEB").map(PathBuf::from);
    let built = || {
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("target/dist"))
            .ok()?
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "deb"))
    };
    match named.or_else(built) {
        Some(deb) if deb.is_file() => Some(deb),
        _ => {
            assert!(
                std::env::var_os("CI").is_none(),
                "no .deb to test: .ci/run builds it with cargo xtask dist"
            );
            eprintln!("skipped: no .deb; run `cargo xtask dist` first");
            None
        }
    }
}

fn dpkg_deb(args: &[&str], deb: &Path) -> String {
    let out = Command::new("dpkg-deb")
        .args(args)
        .arg(deb)
        .output()
        .unwrap();
    assert!(out.status.success(), "dpkg-deb {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The newest `GLIBC_2.N` the binary asks the dynamic linker for.
fn glibc_needed(binary: &Path) -> u32 {
    let out = Command::new("objdump")
        .arg("-T")
        .arg(binary)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .split("GLIBC_2.")
        .skip(1)
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .max()
        .unwrap()
}

#[test]
fn the_deb_installs_the_app_its_entry_and_icons() {
    let Some(deb) = deb() else {
        return;
    };
    let field = |name: &str| {
        dpkg_deb(&["-f"], &deb)
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")).map(str::to_owned))
    };
    assert_eq!(field("Package").as_deref(), Some("customer-lookup"));
    assert_eq!(field("Architecture").as_deref(), Some("amd64"));
    let version = field("Version").unwrap();
    assert!(!version.is_empty());

    let unpacked = tempfile::tempdir().unwrap();
    let out = Command::new("dpkg-deb")
        .arg("-x")
        .arg(&deb)
        .arg(unpacked.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let root = unpacked.path();

    // The binary runs, and Depends covers what it links and loads.
    let binary = root.join("usr/bin/customer-lookup");
    let out = Command::new(&binary).arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("customer-lookup {}", env!("CARGO_PKG_VERSION"))
    );
    let depends = field("Depends").unwrap();
    let glibc = glibc_needed(&binary);
    assert!(
        depends.contains(&format!("libc6 (>= 2.{glibc})")),
        "{depends}"
    );
    for library in [
        "libgcc-s1",
        "libgl1 | libegl1",
        "libx11-6",
        "libxkbcommon-x11-0",
    ] {
        assert!(
            depends.contains(library),
            "{library} missing from {depends}"
        );
    }
    let installed_kib: u64 = field("Installed-Size").unwrap().parse().unwrap();
    let binary_kib = std::fs::metadata(&binary).unwrap().len() / 1024;
    assert!(
        installed_kib >= binary_kib,
        "Installed-Size {installed_kib} KiB"
    );

    // The menu entry is valid and points at the binary and the icon.
    let desktop = root.join("usr/share/applications/customer-lookup.desktop");
    let out = Command::new("desktop-file-validate")
        .arg(&desktop)
        .output()
        .unwrap();
    assert!(
        out.status.success() && out.stdout.is_empty(),
        "desktop-file-validate: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let entry = std::fs::read_to_string(&desktop).unwrap();
    assert!(
        entry.lines().any(|l| l == "Exec=customer-lookup"),
        "{entry}"
    );
    assert!(
        entry.lines().any(|l| l == "Icon=customer-lookup"),
        "{entry}"
    );

    // Icons in the usual hicolor sizes, each really that size.
    for size in [16, 32, 48, 64, 128, 256] {
        let icon = root.join(format!(
            "usr/share/icons/hicolor/{size}x{size}/apps/customer-lookup.png"
        ));
        let image = image::open(&icon).unwrap_or_else(|e| panic!("{}: {e}", icon.display()));
        assert_eq!(
            (image.width(), image.height()),
            (size, size),
            "{}",
            icon.display()
        );
    }

    // Owned by root, nothing outside /usr.
    let listing = dpkg_deb(&["-c"], &deb);
    for line in listing.lines() {
        assert!(line.contains("root/root"), "{line}");
        let path = line.split_whitespace().last().unwrap();
        assert!(path == "./" || path.starts_with("./usr/"), "{line}");
    }
}
