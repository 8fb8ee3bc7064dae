#![allow(clippy::unwrap_used, clippy::disallowed_methods)] // reads src/ to find every id

use super::*;
use std::collections::BTreeSet;

/// The message ids a Fluent file defines.
fn ids(language: Language) -> BTreeSet<String> {
    let resource = FluentResource::try_new(source(language).to_owned())
        .unwrap_or_else(|(_, errors)| panic!("{language:?} does not parse: {errors:?}"));
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

#[test]
fn every_locale_has_every_message_and_no_other() {
    let english = ids(Language::English);
    assert!(english.len() > 150, "{}", english.len());
    for language in [Language::Hindi, Language::Arabic] {
        let theirs = ids(language);
        let missing: Vec<_> = english.difference(&theirs).collect();
        let extra: Vec<_> = theirs.difference(&english).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{language:?}: missing {missing:?}, not in English {extra:?}"
        );
    }
}

/// Every id the source asks for (`tr!(t, "id"…)`, `Msg("id")`, the month
/// table): an id missing from English would show as "…".
#[test]
fn every_id_the_code_uses_exists() {
    let english = ids(Language::English);
    let mut used = BTreeSet::new();
    // The whole workspace's sources: the app's and every crate's.
    let workspace = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = vec![workspace.join("src"), workspace.join("crates")];
    while let Some(path) = files.pop() {
        if path.ends_with("target") {
            continue;
        }
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("i18n/src/tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (marker, skip) in [("tr!(", true), ("tr_text!(", true), ("Msg(\"", false)] {
            for (at, _) in text.match_indices(marker) {
                // `tr!(`, not `include_str!(`.
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &text[at + marker.len()..];
                // tr!(texts, "id" …): the id is the first literal after
                // the texts expression.
                let rest = if skip {
                    match rest.find('"') {
                        Some(quote) if !rest[..quote].contains(')') => &rest[quote + 1..],
                        _ => continue,
                    }
                } else {
                    rest
                };
                if let Some(end) = rest.find('"') {
                    used.insert(rest[..end].to_owned());
                }
            }
        }
    }
    used.extend(format::MONTHS.iter().map(|m| (*m).to_owned()));
    used.retain(|id| id != "message-id" && id != "id"); // the macro's own docs
    assert!(used.len() > 150, "found only {} ids in use", used.len());
    let missing: Vec<_> = used.difference(&english).collect();
    assert!(missing.is_empty(), "used but not in en.ftl: {missing:?}");
    let unused: Vec<_> = english.difference(&used).collect();
    assert!(unused.is_empty(), "in en.ftl but never used: {unused:?}");
}

#[test]
fn plurals_follow_each_language() {
    let english = Texts::english();
    assert_eq!(tr!(english, "points", count = 1), "1 point");
    assert_eq!(tr!(english, "points", count = 2300.0), "2,300 points");
    let arabic = Texts::new(Locale::new(Language::Arabic, None));
    let arabic_points = |n: u32| tr!(arabic, "points", count = n);
    // Arabic comes out in display order (see `Texts::drawable`).
    let drawn = |logical: &str| bidi::display_order(logical).into_owned();
    assert_eq!(arabic_points(1), drawn("نقطة واحدة"));
    assert_eq!(arabic_points(2), drawn("نقطتان"));
    assert_eq!(arabic_points(3), drawn("3 نقاط"));
    assert_eq!(arabic_points(11), drawn("11 نقطة"));
    assert_eq!(arabic_points(100), drawn("100 نقطة"));
    let lock = tr!(arabic, "lock-after-minutes", count = 2);
    assert!(lock.contains("دقيقتين"), "{lock}");
    let hindi = Texts::new(Locale::new(Language::Hindi, Some("IN")));
    assert_eq!(tr!(hindi, "points", count = 123456), "1,23,456 पॉइंट");
}

#[test]
fn numbers_are_grouped_as_the_locale_does() {
    let table = [
        (0.0, "0", "0"),
        (999.0, "999", "999"),
        (1250.0, "1,250", "1,250"),
        (18_450.0, "18,450", "18,450"),
        (123_456.0, "123,456", "1,23,456"),
        (1_234_567.5, "1,234,567.5", "12,34,567.5"),
        (12_345_678.0, "12,345,678", "1,23,45,678"),
        (-2500.0, "-2,500", "-2,500"),
    ];
    for (value, thousands, indian) in table {
        assert_eq!(format::group(value, Grouping::Thousands), thousands);
        assert_eq!(format::group(value, Grouping::Indian), indian);
    }
    assert_eq!(
        Texts::new(Locale::parse("en_IN.UTF-8").unwrap()).number(123_456.0),
        "1,23,456"
    );
    assert_eq!(
        Texts::new(Locale::parse("ar-AE").unwrap()).number(123_456.0),
        "123,456"
    );
}

#[test]
fn dates_in_each_locale_order() {
    let india = chrono::FixedOffset::east_opt(5 * 3600 + 1800).unwrap();
    let time = "2026-11-20T11:05:00Z";
    let at = |locale: &str| Texts::new(Locale::parse(locale).unwrap()).time_in(time, &india);
    assert_eq!(at("en"), "20 Nov 2026, 16:35");
    assert_eq!(at("en_GB"), "20 Nov 2026, 16:35");
    assert_eq!(at("en-US"), "Nov 20, 2026, 16:35");
    assert_eq!(at("hi_IN"), "20 नव॰ 2026, 16:35");
    // Drawn left to right: the time on the left, the day on the right.
    assert_eq!(at("ar"), "16:35 ،2026 نوفمبر 20");
    assert_eq!(Texts::english().time_in("yesterday", &india), "yesterday");
}

#[test]
fn a_message_a_translation_lacks_falls_back_to_english() {
    let locale = Locale::new(Language::Hindi, Some("IN"));
    let texts = Texts {
        bundle: bundle_from(Language::Hindi, Grouping::Indian, "log-in = लॉग इन\n"),
        english: Some(bundle(Language::English, Grouping::Indian)),
        locale,
    };
    assert_eq!(tr!(texts, "log-in"), "लॉग इन");
    assert_eq!(tr!(texts, "log-out"), "Log out");
    assert_eq!(tr!(texts, "points", count = 100_000), "1,00,000 points");
    // Never the id, even for one nobody has.
    assert_eq!(texts.get("no-such-message"), "…");
}

#[test]
fn locales_are_read_from_posix_and_bcp47_names() {
    let cases = [
        ("hi_IN.UTF-8", Some((Language::Hindi, Some("IN")))),
        ("ar_AE.utf8@euro", Some((Language::Arabic, Some("AE")))),
        ("en-US", Some((Language::English, Some("US")))),
        ("ar", Some((Language::Arabic, None))),
        ("zh-Hant-TW", None),
        ("C.UTF-8", None),
        ("POSIX", None),
        ("", None),
    ];
    for (name, expected) in cases {
        let expected = expected.map(|(language, region)| Locale::new(language, region));
        assert_eq!(Locale::parse(name), expected, "{name}");
    }
}

#[test]
fn the_choice_wins_and_keeps_the_workstations_region_when_it_can() {
    use LanguageChoice::{Language as Chosen, Workstation};
    let india = Locale::parse("en_IN").unwrap();
    assert_eq!(Locale::resolve(Workstation, Some(india.clone())), india);
    assert_eq!(Locale::resolve(Workstation, None), Locale::default());
    assert_eq!(
        Locale::resolve(Chosen(Language::English), Some(india.clone())),
        india
    );
    assert_eq!(
        Locale::resolve(Chosen(Language::Hindi), Some(india)),
        Locale::new(Language::Hindi, Some("IN"))
    );
    assert_eq!(
        Locale::resolve(Chosen(Language::Arabic), None),
        Locale::new(Language::Arabic, None)
    );
    assert!(Texts::new(Locale::resolve(Chosen(Language::Arabic), None)).right_to_left());
}
