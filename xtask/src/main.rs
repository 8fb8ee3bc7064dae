//! Project chores: `cargo xtask test` (the README's test command, see
//! `setup.rs`) and `cargo xtask dist`, the installers IT deploys, built on Linux into
//! `target/dist/`:
//!
//! - `customer-lookup-VERSION-x86_64.msi`: per-machine install into
//!   Program Files with a Start-menu shortcut (built with `wixl`, from
//!   Debian's msitools);
//! - `customer-lookup_VERSION_amd64.deb`: the binary, the .desktop entry and
//!   hicolor icons (built with `dpkg-deb`);
//! - `SHA256SUMS`, in the format `sha256sum -c` reads.
//!
//! Options:
//! - `--skip-build`: package the release binaries already built (CI builds
//!   them in an earlier stage);
//! - `--version X.Y.Z`: stamp another version (tests use it to check that a
//!   newer MSI upgrades an older one in place);
//! - `--out DIR`: write there instead of `target/dist`.

#![expect(
    clippy::disallowed_methods,
    reason = "a build tool: it reads and writes build files, never customer data"
)]

mod setup;

use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Identifies the product across versions: a newer MSI with the same code
/// replaces the installed one (MajorUpgrade). Never change it.
const UPGRADE_CODE: &str = "6F2C9A41-5B7E-4D1A-9C3E-2A8B7D6E1F40";
/// Component GUIDs stay fixed so upgrades and uninstalls track the files.
const EXE_COMPONENT: &str = "0E4B5C7A-3D2F-4A9B-8E1C-5F6A7B8C9D01";
const SHORTCUT_COMPONENT: &str = "0E4B5C7A-3D2F-4A9B-8E1C-5F6A7B8C9D02";
const WINDOWS_TARGET: &str = "x86_64-pc-windows-gnu";
/// The Windows build's own target directory (see `cargo build-windows` in
/// .cargo/config.toml), so it can run beside the Linux build.
const WINDOWS_TARGET_DIR: &str = "target/windows";
const NAME: &str = "customer-lookup";
/// The sizes of the hicolor icons in the .deb and of the images in the
/// Windows .ico.
const DEB_ICON_SIZES: [u32; 7] = [16, 24, 32, 48, 64, 128, 256];
const ICO_SIZES: [u32; 4] = [16, 32, 48, 256];

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("dist") => Options::parse(&args[1..]).and_then(|options| dist(&options)),
        Some("test") => setup::test(&args[1..]),
        Some("setup") => setup::setup(&args[1..]),
        _ => Err("usage:\n  cargo xtask test [--no-setup] [CARGO TEST ARGS…]   install the system packages \
                  the tests need, then cargo test\n  cargo xtask setup [--ci]   only install them (--ci: also \
                  what the release builds and installers need)\n  cargo xtask dist [--skip-build] \
                  [--version X.Y.Z] [--out DIR]   the installers"
            .to_owned()),
    };
    match outcome {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[derive(Debug)]
struct Options {
    skip_build: bool,
    version: Option<String>,
    out: Option<PathBuf>,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options> {
        let mut options = Options {
            skip_build: false,
            version: None,
            out: None,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--skip-build" => options.skip_build = true,
                "--version" => {
                    let version = args.next().ok_or("--version needs X.Y.Z")?;
                    options.version = Some(version.clone());
                }
                "--out" => {
                    let dir = args.next().ok_or("--out needs a directory")?;
                    let dir = std::path::absolute(dir).map_err(|e| format!("--out {dir}: {e}"))?;
                    options.out = Some(dir);
                }
                other => return Err(format!("unknown option {other}")),
            }
        }
        Ok(options)
    }
}

/// The workspace root (xtask lives one level below it).
fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map_or(manifest.clone(), Path::to_path_buf)
}

fn dist(options: &Options) -> Result {
    let root = root();
    let version = match &options.version {
        Some(version) => version.clone(),
        None => package_version(&root.join("Cargo.toml"))?,
    };
    let msi_version = msi_version(&version)?;
    if !options.skip_build {
        build_both(&root)?;
    }
    let linux_binary = root.join("target/release").join(NAME);
    let windows_binary = root
        .join(WINDOWS_TARGET_DIR)
        .join(WINDOWS_TARGET)
        .join("release")
        .join(format!("{NAME}.exe"));
    for binary in [&linux_binary, &windows_binary] {
        if !binary.is_file() {
            return Err(format!(
                "{} is missing: build it, or drop --skip-build",
                binary.display()
            ));
        }
    }
    let dist = options
        .out
        .clone()
        .unwrap_or_else(|| root.join("target/dist"));
    if dist.exists() {
        std::fs::remove_dir_all(&dist).map_err(|e| format!("clearing {}: {e}", dist.display()))?;
    }
    create_dir(&dist)?;
    let icon =
        image::open(root.join("assets/icon.png")).map_err(|e| format!("assets/icon.png: {e}"))?;

    let deb = build_deb(&root, &dist, &version, &linux_binary, &icon)?;
    let msi = build_msi(&dist, &msi_version, &windows_binary, &icon)?;
    let sums = write_checksums(&dist, &[&deb, &msi])?;
    for path in [&deb, &msi, &sums] {
        println!("{}", path.display());
    }
    Ok(())
}

/// The Linux and Windows release builds side by side: much of each is
/// single-threaded (fat LTO), so together they take little longer than one.
fn build_both(root: &Path) -> Result {
    let mut windows = Command::new(cargo())
        .args([
            "build",
            "--release",
            "--target",
            WINDOWS_TARGET,
            "--target-dir",
            WINDOWS_TARGET_DIR,
        ])
        .current_dir(root)
        .spawn()
        .map_err(|e| format!("could not start cargo: {e}"))?;
    // The .deb's binary can use webcams (the feature needs libclang-dev
    // to build; see Cargo.toml).
    let linux = run(Command::new(cargo())
        .args(["build", "--release", "--features", "webcam-linux"])
        .current_dir(root));
    let windows = windows
        .wait()
        .map_err(|e| format!("waiting for the Windows build: {e}"))?;
    linux?;
    if windows.success() {
        Ok(())
    } else {
        Err(format!(
            "the Windows build failed ({windows}); it needs `rustup target add {WINDOWS_TARGET}` \
             and mingw (apt-get install gcc-mingw-w64-x86-64)"
        ))
    }
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

/// Runs a command, failing with its output when it fails.
fn run(command: &mut Command) -> Result {
    let shown = format!("{command:?}");
    let output = command
        .output()
        .map_err(|e| format!("{shown}: could not start: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{shown} failed ({}):\n{}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

fn create_dir(path: &Path) -> Result {
    std::fs::create_dir_all(path).map_err(|e| format!("creating {}: {e}", path.display()))
}

fn copy(from: &Path, to: &Path) -> Result {
    if let Some(parent) = to.parent() {
        create_dir(parent)?;
    }
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("copying {} to {}: {e}", from.display(), to.display()))
}

fn write(path: &Path, contents: &[u8]) -> Result {
    if let Some(parent) = path.parent() {
        create_dir(parent)?;
    }
    std::fs::write(path, contents).map_err(|e| format!("writing {}: {e}", path.display()))
}

/// `version = "…"` from the `[package]` section.
fn package_version(manifest: &Path) -> Result<String> {
    let text = std::fs::read_to_string(manifest)
        .map_err(|e| format!("reading {}: {e}", manifest.display()))?;
    text.lines()
        .skip_while(|line| line.trim() != "[package]")
        .find_map(|line| {
            let value = line
                .trim()
                .strip_prefix("version")?
                .trim()
                .strip_prefix('=')?;
            Some(value.trim().trim_matches('"').to_owned())
        })
        .ok_or_else(|| format!("no package version in {}", manifest.display()))
}

/// Windows Installer wants three numbers, each at most 65535 (the first
/// two at most 255); a pre-release suffix is dropped.
fn msi_version(version: &str) -> Result<String> {
    let core = version.split(['-', '+']).next().unwrap_or(version);
    let parts: Vec<u32> = core
        .split('.')
        .map(|p| {
            p.parse::<u32>()
                .map_err(|_| format!("version {version} is not X.Y.Z"))
        })
        .collect::<Result<_>>()?;
    match parts.as_slice() {
        [major, minor, patch] if *major <= 255 && *minor <= 255 && *patch <= 65535 => {
            Ok(core.to_owned())
        }
        _ => Err(format!(
            "version {version} does not fit an MSI ProductVersion"
        )),
    }
}

fn resized_png(icon: &image::DynamicImage, size: u32) -> Result<Vec<u8>> {
    let resized = icon.resize_exact(size, size, image::imageops::FilterType::Lanczos3);
    let mut out = std::io::Cursor::new(Vec::new());
    resized
        .write_to(&mut out, image::ImageFormat::Png)
        .map_err(|e| format!("encoding a {size} px icon: {e}"))?;
    Ok(out.into_inner())
}

/// The newest `GLIBC_2.N` symbol version the binary needs, for Depends.
fn glibc_needed(binary: &[u8]) -> Option<(u32, u32)> {
    let pattern = b"GLIBC_2.";
    binary
        .windows(pattern.len())
        .enumerate()
        .filter(|(_, w)| *w == pattern)
        .filter_map(|(at, _)| {
            let digits: String = binary[at + pattern.len()..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .map(|&b| char::from(b))
                .collect();
            digits.parse::<u32>().ok().map(|minor| (2, minor))
        })
        .max()
}

/// The .deb: what goes where, and what it needs at run time. Besides libc
/// and libgcc (linked), the window opens through libraries loaded at run
/// time: OpenGL/EGL, X11 with its cursor, RandR and input extensions, and
/// xkbcommon. The keyring (Secret Service) and the fonts for Indian,
/// Arabic and CJK names are recommended, not required.
fn build_deb(
    root: &Path,
    dist: &Path,
    version: &str,
    binary: &Path,
    icon: &image::DynamicImage,
) -> Result<PathBuf> {
    let tree = dist.join("deb-root");
    copy(binary, &tree.join("usr/bin").join(NAME))?;
    copy(
        &root.join("assets/customer-lookup.desktop"),
        &tree.join("usr/share/applications/customer-lookup.desktop"),
    )?;
    for size in DEB_ICON_SIZES {
        write(
            &tree.join(format!(
                "usr/share/icons/hicolor/{size}x{size}/apps/{NAME}.png"
            )),
            &resized_png(icon, size)?,
        )?;
    }
    write(
        &tree.join("usr/share/doc/customer-lookup/copyright"),
        b"Customer Lookup\nLicense: MIT OR Apache-2.0\n",
    )?;
    let bytes = std::fs::read(binary).map_err(|e| format!("reading {}: {e}", binary.display()))?;
    let (major, minor) = glibc_needed(&bytes).ok_or("the binary names no GLIBC version")?;
    let installed_kib = directory_size(&tree)?.div_ceil(1024);
    let control = format!(
        "Package: {NAME}\n\
         Version: {version}\n\
         Architecture: amd64\n\
         Maintainer: Customer Lookup team <support@customer-lookup.invalid>\n\
         Installed-Size: {installed_kib}\n\
         Depends: libc6 (>= {major}.{minor}), libgcc-s1, libgl1 | libegl1, libx11-6, libxcursor1, libxrandr2, libxi6, libxkbcommon-x11-0\n\
         Recommends: gnome-keyring, fonts-noto-core, fonts-noto-cjk\n\
         Section: misc\n\
         Priority: optional\n\
         Description: Look up a Capillary customer and see their photo\n \
         For in-store staff: find a customer by mobile number, email or loyalty\n \
         card, and see their photo, tier, points and recent purchases.\n"
    );
    write(&tree.join("DEBIAN/control"), control.as_bytes())?;
    let deb = dist.join(format!("{NAME}_{version}_amd64.deb"));
    run(Command::new("dpkg-deb")
        .args(["--root-owner-group", "-Zxz", "--build"])
        .arg(&tree)
        .arg(&deb))?;
    std::fs::remove_dir_all(&tree).map_err(|e| format!("clearing {}: {e}", tree.display()))?;
    Ok(deb)
}

fn directory_size(dir: &Path) -> Result<u64> {
    let mut total = 0;
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        total += if path.is_dir() {
            directory_size(&path)?
        } else {
            entry.metadata().map(|m| m.len()).unwrap_or(0)
        };
    }
    Ok(total)
}

/// The MSI, from a WiX source written here and built by `wixl`.
fn build_msi(
    dist: &Path,
    version: &str,
    exe: &Path,
    icon: &image::DynamicImage,
) -> Result<PathBuf> {
    let work = dist.join("msi-work");
    copy(exe, &work.join(format!("{NAME}.exe")))?;
    write(&work.join(format!("{NAME}.ico")), &ico(icon)?)?;
    let wxs = work.join(format!("{NAME}.wxs"));
    write(&wxs, wix_source(version).as_bytes())?;
    let msi = dist.join(format!("{NAME}-{version}-x86_64.msi"));
    run(Command::new("wixl")
        .args(["--arch", "x64", "--output"])
        .arg(&msi)
        .arg(&wxs)
        .current_dir(&work))
    .map_err(|e| {
        if e.contains("could not start") {
            format!("{e}\n(wixl comes with Debian's wixl package: apt-get install wixl)")
        } else {
            e
        }
    })?;
    std::fs::remove_dir_all(&work).map_err(|e| format!("clearing {}: {e}", work.display()))?;
    Ok(msi)
}

fn ico(icon: &image::DynamicImage) -> Result<Vec<u8>> {
    let frames: Vec<image::codecs::ico::IcoFrame> = ICO_SIZES
        .iter()
        .map(|&size| {
            let png = resized_png(icon, size)?;
            image::codecs::ico::IcoFrame::with_encoded(
                png,
                size,
                size,
                image::ExtendedColorType::Rgba8,
            )
            .map_err(|e| format!("icon frame {size}: {e}"))
        })
        .collect::<Result<_>>()?;
    let mut out = Vec::new();
    image::codecs::ico::IcoEncoder::new(&mut out)
        .encode_images(&frames)
        .map_err(|e| format!("encoding the .ico: {e}"))?;
    Ok(out)
}

/// Per-machine into Program Files, a Start-menu shortcut with the icon,
/// upgrades in place (a downgrade is refused with words).
fn wix_source(version: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="*" Name="Customer Lookup" Language="1033" Version="{version}"
           Manufacturer="Customer Lookup" UpgradeCode="{UPGRADE_CODE}">
    <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine"
             Description="Customer Lookup {version}" Comments="Look up a Capillary customer and see their photo" />
    <MajorUpgrade DowngradeErrorMessage="A newer version of Customer Lookup is already installed." />
    <Media Id="1" Cabinet="app.cab" EmbedCab="yes" />
    <Icon Id="AppIcon" SourceFile="{NAME}.ico" />
    <Property Id="ARPPRODUCTICON" Value="AppIcon" />
    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="ProgramFiles64Folder">
        <Directory Id="INSTALLDIR" Name="Customer Lookup">
          <Component Id="Executable" Guid="{EXE_COMPONENT}" Win64="yes">
            <File Id="AppExe" Name="{NAME}.exe" Source="{NAME}.exe" KeyPath="yes" />
          </Component>
        </Directory>
      </Directory>
      <Directory Id="ProgramMenuFolder">
        <Component Id="StartMenu" Guid="{SHORTCUT_COMPONENT}" Win64="yes">
          <Shortcut Id="AppShortcut" Name="Customer Lookup"
                    Description="Look up a customer and see their photo"
                    Target="[INSTALLDIR]{NAME}.exe" WorkingDirectory="INSTALLDIR" Icon="AppIcon" />
          <RegistryValue Root="HKLM" Key="Software\CustomerLookup" Name="StartMenuShortcut"
                         Type="integer" Value="1" KeyPath="yes" />
        </Component>
      </Directory>
    </Directory>
    <Feature Id="Main" Title="Customer Lookup" Level="1">
      <ComponentRef Id="Executable" />
      <ComponentRef Id="StartMenu" />
    </Feature>
  </Product>
</Wix>
"#
    )
}

/// `SHA256SUMS` beside the installers.
fn write_checksums(dist: &Path, files: &[&Path]) -> Result<PathBuf> {
    let mut out = String::new();
    for file in files {
        let bytes = std::fs::read(file).map_err(|e| format!("reading {}: {e}", file.display()))?;
        let digest = Sha256::digest(&bytes);
        let hex: String = digest.iter().fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        });
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        let _ = writeln!(out, "{hex}  {name}");
    }
    let sums = dist.join("SHA256SUMS");
    write(&sums, out.as_bytes())?;
    Ok(sums)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn msi_versions_are_three_small_numbers() {
        assert_eq!(msi_version("0.1.0").as_deref(), Ok("0.1.0"));
        assert_eq!(msi_version("1.2.3-beta.1").as_deref(), Ok("1.2.3"));
        assert!(msi_version("1.2").is_err());
        assert!(msi_version("256.0.0").is_err());
    }

    #[test]
    fn finds_the_newest_glibc_version() {
        let bytes = b"\0GLIBC_2.2.5\0GLIBC_2.34\0GLIBC_2.9\0";
        assert_eq!(glibc_needed(bytes), Some((2, 34)));
        assert_eq!(glibc_needed(b"nothing"), None);
    }
}
