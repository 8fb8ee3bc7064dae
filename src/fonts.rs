//! Fallback fonts for names in scripts egui's built-in fonts lack
//! (Devanagari, Tamil, Arabic, CJK), loaded from the operating system so
//! that a name never renders as boxes. Nothing is bundled: each platform
//! ships fonts for these scripts (Debian: `fonts-noto-core`,
//! `fonts-noto-cjk`; Windows: Nirmala UI, Microsoft YaHei; macOS: the
//! Sangam and PingFang families).
#![expect(
    clippy::disallowed_methods,
    reason = "reads the system font files at start-up, outside the UI"
)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A script and the font files (by file name) that cover it, most
/// preferred first.
const SCRIPTS: &[(&str, &[&str])] = &[
    (
        "devanagari",
        &[
            "NotoSansDevanagari-Regular.ttf",
            "NotoSansDevanagariUI-Regular.ttf",
            "Lohit-Devanagari.ttf",
            "Nirmala.ttf",
            "Devanagari Sangam MN.ttc",
            "Kohinoor.ttc",
        ],
    ),
    (
        "tamil",
        &[
            "NotoSansTamil-Regular.ttf",
            "NotoSansTamilUI-Regular.ttf",
            "Lohit-Tamil.ttf",
            "Nirmala.ttf",
            "Tamil Sangam MN.ttc",
        ],
    ),
    (
        "arabic",
        &[
            "NotoSansArabic-Regular.ttf",
            "NotoNaskhArabic-Regular.ttf",
            "NotoSansArabicUI-Regular.ttf",
            "DejaVuSans.ttf",
            "segoeui.ttf",
            "GeezaPro.ttc",
        ],
    ),
    (
        "cjk",
        &[
            "NotoSansCJK-Regular.ttc",
            "NotoSansCJKsc-Regular.otf",
            "wqy-microhei.ttc",
            "wqy-zenhei.ttc",
            "DroidSansFallbackFull.ttf",
            "msyh.ttc",
            "PingFang.ttc",
            "Hiragino Sans GB.ttc",
        ],
    ),
];

/// Folders searched (recursively, a few levels deep): only the system's
/// own, so that a Windows build (under Wine too) finds what Windows has.
fn font_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if cfg!(windows) {
        if let Some(windir) = std::env::var_os("WINDIR") {
            dirs.push(PathBuf::from(windir).join("Fonts"));
        }
        // Fonts installed for one user (Windows 10 and later).
        if let Some(local) = std::env::var_os("LOCALAPPDATA") {
            dirs.push(PathBuf::from(local).join(r"Microsoft\Windows\Fonts"));
        }
        return dirs;
    }
    dirs.extend(
        [
            "/usr/share/fonts",
            "/usr/local/share/fonts",
            "/System/Library/Fonts",
            "/Library/Fonts",
        ]
        .map(PathBuf::from),
    );
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(&home).join(".local/share/fonts"));
        dirs.push(PathBuf::from(&home).join(".fonts"));
        dirs.push(PathBuf::from(home).join("Library/Fonts"));
    }
    dirs
}

/// Every font file below `dir` (a few levels deep), by file name; the
/// first found for a name wins. One walk serves every script's lookups.
fn index_fonts(dir: &Path, depth: u8, found: &mut HashMap<String, PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        if path.is_dir() {
            if depth > 0 {
                index_fonts(&path, depth - 1, found);
            }
        } else if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
            found.entry(name.to_owned()).or_insert(path);
        }
    }
}

/// Finds one font file per script; returns (script, path) pairs.
pub fn find_fallback_fonts() -> Vec<(&'static str, PathBuf)> {
    let mut files = HashMap::new();
    for dir in font_dirs() {
        index_fonts(&dir, 4, &mut files);
    }
    let mut found: Vec<(&'static str, PathBuf)> = Vec::new();
    for (script, names) in SCRIPTS {
        match names.iter().find_map(|name| files.get(*name)) {
            Some(path) => found.push((script, path.clone())),
            None => tracing::warn!(
                script,
                "no font found for this script; names in it may show as boxes"
            ),
        }
    }
    found
}

/// Adds the fallback fonts to both font families, after egui's own.
pub fn install_fallback_fonts(ctx: &egui::Context) {
    let mut loaded = std::collections::HashSet::new();
    for (script, path) in find_fallback_fonts() {
        if !loaded.insert(path.clone()) {
            continue;
        }
        match std::fs::read(&path) {
            Ok(bytes) => {
                let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
                    .into_iter()
                    .map(|family| egui::epaint::text::InsertFontFamily {
                        family,
                        priority: egui::epaint::text::FontPriority::Lowest,
                    })
                    .collect();
                ctx.add_font(egui::epaint::text::FontInsert::new(
                    &format!("fallback-{script}"),
                    egui::FontData::from_owned(bytes),
                    families,
                ));
                tracing::debug!(script, path = %path.display(), "fallback font loaded");
            }
            Err(e) => {
                tracing::warn!(script, path = %path.display(), error = %e, "could not read font")
            }
        }
    }
}
