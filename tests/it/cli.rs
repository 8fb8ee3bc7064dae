//! The command line answers `--help` and `--version` without opening a window.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use std::process::Command;

fn run(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_customer-lookup"))
        .args(args)
        .env_remove("DISPLAY")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn version_and_help() {
    let (ok, version) = run(&["--version"]);
    assert!(ok);
    assert_eq!(
        version.trim(),
        format!("customer-lookup {}", env!("CARGO_PKG_VERSION"))
    );
    let (ok, help) = run(&["--help"]);
    assert!(ok);
    for flag in ["--demo", "--host", "--user", "--lock-after", "doctor"] {
        assert!(help.contains(flag), "{flag} missing from --help:\n{help}");
    }
    let (ok, doctor_help) = run(&["doctor", "--help"]);
    assert!(ok);
    for flag in ["--lookup", "--json", "--frame", "--client-key"] {
        assert!(
            doctor_help.contains(flag),
            "{flag} missing from doctor --help"
        );
    }
    let (ok, _) = run(&["--no-such-flag"]);
    assert!(!ok);
}
