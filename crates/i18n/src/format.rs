//! Numbers as the locale groups them, in the digits the store uses (Latin),
//! and the month names dates are written with.

use fluent_bundle::FluentValue;
use intl_memoizer::concurrent::IntlLangMemoizer;

/// How the digits left of the decimal point are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// Every three digits: `1,234,567`.
    Thousands,
    /// The last three, then every two (lakh, crore): `12,34,567`.
    Indian,
}

/// `value` with the decimals it has, no more, grouped.
pub fn group(value: f64, grouping: Grouping) -> String {
    let text = format!("{}", value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let digits: Vec<char> = whole.chars().collect();
    let mut grouped = String::new();
    for (i, digit) in digits.iter().enumerate() {
        let left = digits.len() - i; // digits from here to the point
        let separator_here = i > 0
            && match grouping {
                Grouping::Thousands => left.is_multiple_of(3),
                Grouping::Indian => left == 3 || (left > 3 && (left - 3).is_multiple_of(2)),
            };
        if separator_here {
            grouped.push(',');
        }
        grouped.push(*digit);
    }
    let sign = if value < 0.0 { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// Fluent's number formatter for `{ $count }` in Indian locales.
pub fn fluent_indian(value: &FluentValue<'_>, _: &IntlLangMemoizer) -> Option<String> {
    match value {
        FluentValue::Number(number) => Some(group(number.value, Grouping::Indian)),
        _ => None,
    }
}

/// Fluent's number formatter for `{ $count }` elsewhere.
pub fn fluent_thousands(value: &FluentValue<'_>, _: &IntlLangMemoizer) -> Option<String> {
    match value {
        FluentValue::Number(number) => Some(group(number.value, Grouping::Thousands)),
        _ => None,
    }
}

/// The message ids of the months' short names, January first.
pub const MONTHS: [&str; 12] = [
    "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
    "month-9", "month-10", "month-11", "month-12",
];
