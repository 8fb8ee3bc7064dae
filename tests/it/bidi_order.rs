//! Right-to-left names drawn in reading order: egui's glyphs, left to
//! right, against HarfBuzz's `hb-shape` (Debian: `libharfbuzz-bin`) on the
//! same font files. HarfBuzz orders a right-to-left run's glyphs for
//! display; egui 0.37 does not order its runs, which is why the app puts
//! customer text through `bidi::display_order` first.
//!
//! The comparison fails either way: if the app stops reordering, Arabic
//! names come out word-reversed; if egui ships its own bidi, the text the
//! app reordered is reordered twice, and the second test here notices that
//! egui alone now gets it right (time to drop `display_order`).
#![allow(clippy::disallowed_methods)] // runs hb-shape, writes a font file
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use std::path::{Path, PathBuf};
use std::process::Command;

use i18n::bidi::display_order;

/// Names beyond the demo's: longer Arabic ones, marks, a hyphen.
const MORE_NAMES: &[&str] = &["مُحَمَّد بن راشد", "نور-الهدى العلي", "فاطمة الزهراء"];

fn names() -> Vec<String> {
    let mut names: Vec<String> = demo::all_customers()
        .iter()
        .map(|c| format!("{} {}", c.first_name, c.last_name))
        .collect();
    names.extend(MORE_NAMES.iter().map(|n| (*n).to_owned()));
    names
}

/// An egui context with the app's fonts (egui's own plus the system's
/// fallbacks), after one frame so that the fonts are loaded.
fn context() -> egui::Context {
    let ctx = egui::Context::default();
    customer_lookup::testing::fonts::install_fallback_fonts(&ctx);
    // Nothing draws these textures.
    ctx.run_ui(egui::RawInput::default(), |_| {})
        .textures_delta
        .clear();
    ctx
}

/// The character each visible glyph stands for (its cluster's first), left
/// to right as egui places them. Zero-width glyphs (marks, a ligature's
/// continuation) are left out, as in [`harfbuzz_order`].
fn egui_order(ctx: &egui::Context, text: &str) -> Vec<char> {
    let galley = ctx.fonts_mut(|fonts| {
        fonts.layout_no_wrap(
            text.to_owned(),
            egui::FontId::proportional(30.0),
            egui::Color32::WHITE,
        )
    });
    let mut glyphs: Vec<(f32, char)> = galley
        .rows
        .iter()
        .flat_map(|row| row.row.glyphs.iter())
        .filter(|glyph| glyph.advance_width > 0.0)
        .map(|glyph| (glyph.pos.x, glyph.chr))
        .collect();
    glyphs.sort_by(|a, b| a.0.total_cmp(&b.0));
    glyphs.into_iter().map(|(_, c)| c).collect()
}

/// The same, from `hb-shape`: glyphs in display order, each glyph's
/// cluster (a character index into the logical text) turned into its character.
fn harfbuzz_order(font: &Path, text: &str) -> Vec<char> {
    let output = Command::new("hb-shape")
        .args(["--output-format=json", "--no-glyph-names"])
        .arg(format!("--font-file={}", font.display()))
        .arg(text)
        .output()
        .expect("hb-shape runs: install libharfbuzz-bin (cargo xtask setup does)");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let glyphs: Vec<serde_json::Value> =
        serde_json::from_slice(&output.stdout).expect("hb-shape's JSON");
    glyphs
        .iter()
        .filter(|glyph| glyph["ax"].as_i64().unwrap_or(0) > 0)
        .map(|glyph| {
            let cluster = glyph["cl"].as_u64().expect("a cluster") as usize;
            text.chars().nth(cluster).expect("a character there")
        })
        .collect()
}

/// The font file egui draws a name with: the system font the app loaded
/// for its script, or egui's own (written out) for Latin names.
fn font_for(name: &str, fallbacks: &[(&str, PathBuf)], latin: &Path) -> PathBuf {
    let script = name.chars().find_map(|c| match c as u32 {
        0x0600..=0x06FF => Some("arabic"),
        0x0900..=0x097F => Some("devanagari"),
        0x0B80..=0x0BFF => Some("tamil"),
        0x4E00..=0x9FFF => Some("cjk"),
        _ => None,
    });
    match script {
        None => latin.to_owned(),
        Some(script) => fallbacks
            .iter()
            .find(|(s, _)| *s == script)
            .map(|(_, path)| path.clone())
            .unwrap_or_else(|| panic!("no {script} font: install fonts-noto-core")),
    }
}

fn latin_font_file(dir: &Path) -> PathBuf {
    let fonts = egui::FontDefinitions::default();
    let data = &fonts.font_data["Ubuntu-Light"];
    let path = dir.join("Ubuntu-Light.ttf");
    std::fs::write(&path, (*data.font).as_ref()).expect("write the font");
    path
}

#[test]
fn every_demo_name_is_drawn_in_harfbuzz_order() {
    let ctx = context();
    let dir = tempfile::tempdir().expect("a temporary directory");
    let latin = latin_font_file(dir.path());
    let fallbacks = customer_lookup::testing::fonts::find_fallback_fonts();
    let mut right_to_left = 0;
    for name in names() {
        let font = font_for(&name, &fallbacks, &latin);
        let drawn = egui_order(&ctx, &display_order(&name));
        let expected = harfbuzz_order(&font, &name);
        assert_eq!(
            drawn.iter().collect::<String>(),
            expected.iter().collect::<String>(),
            "{name}: egui's glyphs (left) differ from hb-shape's with {}",
            font.display()
        );
        right_to_left += usize::from(i18n::bidi::is_right_to_left(&name));
    }
    assert!(right_to_left >= 5, "Arabic names checked: {right_to_left}");
}

#[test]
fn egui_alone_still_draws_arabic_words_left_to_right() {
    // If this fails, egui orders right-to-left runs itself: the app's
    // `display_order` must go, or names are reversed twice.
    let ctx = context();
    let fallbacks = customer_lookup::testing::fonts::find_fallback_fonts();
    let dir = tempfile::tempdir().expect("a temporary directory");
    let latin = latin_font_file(dir.path());
    for name in ["ليلى حداد", "يوسف عبد الله"] {
        let font = font_for(name, &fallbacks, &latin);
        assert_ne!(
            egui_order(&ctx, name),
            harfbuzz_order(&font, name),
            "egui now orders {name} by itself"
        );
    }
}

/// Every piece of text the last frame painted.
fn painted_texts(
    harness: &egui_kittest::Harness<'_, customer_lookup::testing::app::App>,
) -> Vec<String> {
    fn collect(shape: &egui::Shape, out: &mut Vec<String>) {
        match shape {
            egui::Shape::Text(text) => out.push(text.galley.text().to_owned()),
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, out)),
            _ => {}
        }
    }
    let mut texts = Vec::new();
    for clipped in &harness.output().shapes {
        collect(&clipped.shape, &mut texts);
    }
    texts
}

#[test]
fn the_app_draws_names_in_display_order_and_reads_them_as_written() {
    use crate::support::ui::{WAIT, demo_app, log_in, look_up, runtime, settled, wait_for};
    use egui_kittest::kittest::Queryable as _;

    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(demo::DemoConfig::default());
    log_in(&mut harness);
    let youssef = "يوسف عبد الله";
    let drawn = "الله عبد يوسف";
    assert_eq!(display_order(youssef), drawn);
    look_up(&mut harness, "919800000015");
    wait_for(&mut harness, "Youssef", WAIT, settled);
    // The heading: drawn in display order, read out as written.
    let painted = painted_texts(&harness);
    assert!(painted.iter().any(|t| t == drawn), "{painted:?}");
    assert!(!painted.iter().any(|t| t == youssef), "{painted:?}");
    let _ = harness
        .get_all_by_label(youssef)
        .next()
        .expect("the heading's name");
    // The Arabic city in the details (and the address).
    let _ = harness.get_all_by_label("الرياض").next().expect("the city");
    // The recent-lookup chip, once someone else is on screen.
    look_up(&mut harness, "919800000001");
    wait_for(&mut harness, "Asha", WAIT, settled);
    let painted = painted_texts(&harness);
    assert!(painted.iter().any(|t| t == drawn), "chip: {painted:?}");
    let _ = harness.get_all_by_label(youssef).next().expect("the chip");
}

/// The drawn name, read back by Tesseract's Arabic model (Debian:
/// `tesseract-ocr-ara`): OCR gives text in reading order, so a name drawn
/// with its words reversed reads back reversed.
#[test]
fn ocr_reads_the_drawn_arabic_name_in_reading_order() {
    use crate::support::ui::{WAIT, demo_app, log_in, look_up, runtime, settled, wait_for};
    use egui_kittest::kittest::Queryable as _;

    let rt = runtime();
    let _entered = rt.enter();
    let mut harness = demo_app(demo::DemoConfig::default());
    log_in(&mut harness);
    look_up(&mut harness, "919800000015");
    wait_for(&mut harness, "Youssef", WAIT, settled);
    harness.run_steps(3);
    let heading = harness
        .get_all_by_label("يوسف عبد الله")
        .map(|node| node.rect())
        .max_by(|a, b| a.height().total_cmp(&b.height()))
        .expect("the heading");
    let shot = harness.render().expect("a rendering (Mesa's lavapipe)");
    let scale = harness.ctx.pixels_per_point();
    let (x, y) = (
        (heading.left() * scale) as u32,
        (heading.top() * scale) as u32,
    );
    let (w, h) = (
        (heading.width() * scale) as u32,
        (heading.height() * scale) as u32,
    );
    let mut name = image::imageops::crop_imm(&shot, x, y, w, h).to_image();
    // Light text on the dark theme: inverted and enlarged, as Tesseract
    // reads best.
    image::imageops::invert(&mut name);
    let name =
        image::imageops::resize(&name, w * 3, h * 3, image::imageops::FilterType::CatmullRom);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("name.png");
    name.save(&file).expect("the crop saved");
    let output = Command::new("tesseract")
        .arg(&file)
        .args(["-", "-l", "ara", "--psm", "7"])
        .output()
        .expect("tesseract runs: install tesseract-ocr-ara (cargo xtask setup does)");
    let read = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let letters: String = read
        .chars()
        .filter(|c| ('\u{0621}'..='\u{064A}').contains(c))
        .collect();
    let first = letters.find("يوسف");
    let last = letters.find("الله");
    assert!(
        matches!((first, last), (Some(a), Some(b)) if a < b),
        "read {read:?}: expected يوسف before الله"
    );
}
