//! Small shared widgets.

use std::borrow::Cow;

use crate::bidi::display_order;
use crate::state::Intent;

/// Customer text (a name, an address, a store) as a label: drawn in
/// display order ([`crate::bidi`]), given to the screen reader as it came.
/// Reordered text cannot be selected, as a drag-copy would copy the
/// display order.
pub fn customer_label(
    ui: &mut egui::Ui,
    text: &str,
    style: impl FnOnce(egui::RichText) -> egui::RichText,
) -> egui::Response {
    let shown = display_order(text);
    let reordered = matches!(shown, Cow::Owned(_));
    let label = egui::Label::new(style(egui::RichText::new(shown.as_ref())));
    let response = ui.add(if reordered {
        label.selectable(false)
    } else {
        label
    });
    if reordered {
        said_as(&response, egui::Role::Label, text);
    }
    response
}

/// A chip that can be selected (recent lookups), with customer text on it.
pub fn customer_chip(ui: &mut egui::Ui, selected: bool, text: &str) -> egui::Response {
    let shown = display_order(text);
    let response = ui.selectable_label(selected, shown.as_ref());
    if matches!(shown, Cow::Owned(_)) {
        let enabled = ui.is_enabled();
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::Button, enabled, selected, text)
        });
    }
    response
}

/// Tells the screen reader the text in logical order, where the drawn
/// text was put in display order.
fn said_as(response: &egui::Response, role: egui::Role, text: &str) {
    let enabled = response.enabled();
    response.widget_info(|| egui::WidgetInfo::labeled(role, enabled, text));
}

/// A value that copies itself to the clipboard when clicked (in logical
/// order, whatever order it is drawn in).
pub fn copyable(ui: &mut egui::Ui, value: &str, intents: &mut Vec<Intent>) {
    let shown = display_order(value);
    let response = ui
        .add(egui::Label::new(shown.as_ref()).sense(egui::Sense::click()))
        .on_hover_cursor(egui::CursorIcon::Copy)
        .on_hover_text("Click to copy");
    if matches!(shown, Cow::Owned(_)) {
        said_as(&response, egui::Role::Label, value);
    }
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
