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
    fn initials_of_names() {
        assert_eq!(initials("Tom Sawyer"), "TS");
        assert_eq!(initials("प्रिया शर्मा"), "पश");
        assert_eq!(initials("  "), "");
    }
}
