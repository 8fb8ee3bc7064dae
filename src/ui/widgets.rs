//! Small shared widgets.

use crate::state::Intent;

/// A value that copies itself to the clipboard when clicked.
pub fn copyable(ui: &mut egui::Ui, value: &str, intents: &mut Vec<Intent>) {
    let response = ui
        .add(egui::Label::new(value).sense(egui::Sense::click()))
        .on_hover_cursor(egui::CursorIcon::Copy)
        .on_hover_text("Click to copy");
    if response.clicked() {
        intents.push(Intent::Copy(value.to_owned()));
    }
}

/// `city_name` → "City name", `dateOfBirth` → "Date of birth".
pub fn readable_key(key: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in key.chars() {
        if c == '_' || c == '-' || c == ' ' || c == '.' {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
        current.push(c);
    }
    if !current.is_empty() {
        words.push(current);
    }
    let sentence = words
        .iter()
        .map(|w| {
            if w.chars().all(|c| c.is_uppercase()) && w.chars().count() > 1 {
                w.clone()
            } else {
                w.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    let mut chars = sentence.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A JSON value as text: strings bare, null as "—".
pub fn value_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => "—".to_owned(),
        serde_json::Value::String(s) if s.trim().is_empty() => "—".to_owned(),
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Bool(true) => "Yes".to_owned(),
        serde_json::Value::Bool(false) => "No".to_owned(),
        other => other.to_string(),
    }
}

/// Up to two initials of a name, for the photo placeholder.
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_become_readable() {
        assert_eq!(readable_key("city_name"), "City name");
        assert_eq!(readable_key("dateOfBirth"), "Date of birth");
        assert_eq!(readable_key("gender"), "Gender");
        assert_eq!(readable_key("preferred-store"), "Preferred store");
        assert_eq!(readable_key("GST_ID"), "GST ID");
        assert_eq!(readable_key(""), "");
    }

    #[test]
    fn initials_of_names() {
        assert_eq!(initials("Tom Sawyer"), "TS");
        assert_eq!(initials("प्रिया शर्मा"), "पश");
        assert_eq!(initials("  "), "");
    }
}
