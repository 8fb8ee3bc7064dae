//! The lookup form (identifier type, input, Look up) and recent lookups.
//!
//! Scanner-proof: Enter or a Tab after the text looks it up (scanners end
//! with either) and the box keeps the focus; Enter in an empty box does
//! nothing (a scanner's CR LF is one lookup, not two); text that could not
//! be looked up stays selected, so the next scan replaces it.

use crate::capillary::IdentifierKind;
use crate::state::{AppState, Intent, NameSearch, ProfileState, SearchStatus, SuggestionIntent};

/// The accessible name of the lookup input.
pub const INPUT_LABEL: &str = "Customer identifier";
/// The selector's entry for "try every type the input could be".
pub const ANY_LABEL: &str = "Any identifier";

fn kind_label(kind: Option<IdentifierKind>) -> &'static str {
    kind.map_or(ANY_LABEL, IdentifierKind::label)
}

pub fn draw(ui: &mut egui::Ui, state: &mut AppState, busy: bool, intents: &mut Vec<Intent>) {
    let loading = matches!(state.profile, ProfileState::Loading { .. });
    let suggesting = state.search.is_open();
    let highlighted = state.search.highlighted().map(|_| state.search.selected);
    let mut input_rect = None;
    let form = &mut state.lookup;
    ui.horizontal(|ui| {
        let type_label = ui.label("Find by");
        egui::ComboBox::from_id_salt("identifier-kind")
            .selected_text(kind_label(form.kind))
            .show_ui(ui, |ui| {
                let choices = std::iter::once(None).chain(IdentifierKind::ALL.map(Some));
                for kind in choices {
                    if ui
                        .selectable_label(form.kind == kind, kind_label(kind))
                        .clicked()
                    {
                        form.kind = kind;
                        form.request_focus = true;
                    }
                }
            })
            .response
            .labelled_by(type_label.id);
        let label = ui.label(INPUT_LABEL);
        let hint = match form.kind {
            None => "Scan or type a card, mobile, email or name",
            Some(IdentifierKind::Mobile) => "Mobile number",
            Some(IdentifierKind::Email) => "name@example.com",
            Some(IdentifierKind::CardNumber) => "Scan or type the card number",
            Some(IdentifierKind::ExternalId) => "External ID",
            Some(IdentifierKind::CustomerId) => "Capillary customer ID",
        };
        let was_empty = form.input.is_empty();
        let output = egui::TextEdit::singleline(&mut form.input)
            .hint_text(hint)
            .desired_width(320.0)
            // A scanner's trailing Tab must not move the focus away.
            .lock_focus(true)
            .show(ui);
        let input = output.response.response.clone().labelled_by(label.id);
        input_rect = Some(input.rect);
        if was_empty && !form.input.is_empty() {
            intents.push(Intent::StartedTyping);
        }
        if input.changed() {
            intents.push(Intent::Typed);
        }
        if suggesting {
            let (down, up, escape) = ui.input(|i| {
                (
                    i.key_pressed(egui::Key::ArrowDown),
                    i.key_pressed(egui::Key::ArrowUp),
                    i.key_pressed(egui::Key::Escape),
                )
            });
            if down {
                intents.push(Intent::Suggestions(SuggestionIntent::Next));
            }
            if up {
                intents.push(Intent::Suggestions(SuggestionIntent::Previous));
            }
            if escape {
                intents.push(Intent::Suggestions(SuggestionIntent::Close));
            }
        }
        let submitted = input.has_focus()
            && ui.input(|i| i.key_pressed(egui::Key::Enter) || i.key_pressed(egui::Key::Tab))
            || input.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let has_text = !form.input.trim().is_empty();
        let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
        if let Some(Some(index)) = highlighted.filter(|_| submitted && enter) {
            intents.push(Intent::Suggestions(SuggestionIntent::Open(index)));
        } else if ui.button("Look up").clicked() || submitted && has_text {
            intents.push(Intent::LookUp);
        }
        if form.request_focus {
            form.request_focus = false;
            input.request_focus();
        }
        if form.select_all {
            form.select_all = false;
            let mut edit_state = output.state;
            edit_state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::select_all_str(&form.input)));
            edit_state.store(ui.ctx(), input.id);
        }
        if busy {
            ui.spinner();
            if state.capillary_busy {
                ui.label(CAPILLARY_BUSY);
            }
            if loading && ui.button("Cancel").clicked() {
                intents.push(Intent::Cancel);
            }
        }
    });
    if let Some(rect) = input_rect {
        suggestions(ui, &state.search, rect, intents);
    }
    if !state.recent.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.weak("Recent:");
            let current = match &state.profile {
                ProfileState::Loaded(p) => p.customer.display_name(),
                _ => None,
            };
            for recent in &state.recent {
                let selected = current.as_deref() == Some(recent.label.as_str());
                if super::widgets::customer_chip(ui, selected, &recent.label)
                    .on_hover_text("Look up again")
                    .clicked()
                {
                    intents.push(Intent::Reopen(recent.lookup.clone()));
                }
            }
        });
    }
}

/// Said while a call waits to retry after Capillary's "too many requests".
pub const CAPILLARY_BUSY: &str = "Capillary is busy, retrying…";
/// The accessible name of the list of name suggestions.
pub const SUGGESTIONS_LABEL: &str = "Customers with this name";

/// The name suggestions, in a list over the screen just below the box
/// (nothing under it moves): each with thumbnail, name, what matched and
/// the masked mobile. Also where search says it is busy, failed, found
/// nobody, or is not available for this org.
fn suggestions(
    ui: &mut egui::Ui,
    search: &NameSearch,
    below: egui::Rect,
    intents: &mut Vec<Intent>,
) {
    let note = match (&search.status, &search.notice) {
        (_, Some(notice)) => Some(notice.clone()),
        (SearchStatus::Failed(message), _) => Some(message.clone()),
        (SearchStatus::Searching, _) if search.suggestions.is_empty() => {
            Some("Searching names…".to_owned())
        }
        (SearchStatus::Idle, _) if search.suggestions.is_empty() => {
            search.answered.as_ref().map(|name| {
                format!(
                    "No customer's name starts with “{name}”. Enter looks it up as a card or ID."
                )
            })
        }
        _ => None,
    };
    if !search.is_open() && note.is_none() {
        return;
    }
    egui::Area::new(egui::Id::unique("name-suggestions"))
        .order(egui::Order::Foreground)
        .fixed_pos(below.left_bottom() + egui::vec2(0.0, 4.0))
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_width(440.0);
                if let Some(note) = &note {
                    ui.add(egui::Label::new(egui::RichText::new(note).weak()).wrap());
                }
                if !search.is_open() {
                    return;
                }
                let list = ui.vertical(|ui| {
                    for (index, suggestion) in search.suggestions.iter().enumerate() {
                        let selected = search.selected == Some(index);
                        if suggestion_row(ui, suggestion, selected, index).clicked() {
                            intents.push(Intent::Suggestions(SuggestionIntent::Open(index)));
                        }
                    }
                });
                list.response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::List, true, SUGGESTIONS_LABEL)
                });
                let shown = search.suggestions.len() as u64;
                match search.total {
                    Some(total) if total > shown => {
                        ui.weak(format!(
                            "{} more: type more of the name. ↓/↑ to choose, Enter to open, Esc to close.",
                            total - shown
                        ));
                    }
                    _ => {
                        ui.weak("↓/↑ to choose, Enter to open, Esc to close.");
                    }
                }
            });
        });
}

/// One suggestion: thumbnail, name, what matched and the masked mobile;
/// highlighted when chosen with the arrows. Clickable as a whole.
fn suggestion_row(
    ui: &mut egui::Ui,
    suggestion: &crate::state::Suggestion,
    selected: bool,
    index: usize,
) -> egui::Response {
    let fill = if selected {
        ui.visuals().selection.bg_fill
    } else {
        egui::Color32::TRANSPARENT
    };
    let row = egui::Frame::new()
        .fill(fill)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::same(4))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                super::profile::thumbnail(
                    ui,
                    &suggestion.photo,
                    &suggestion.name,
                    crate::app::THUMBNAIL_POINTS,
                );
                ui.add_space(8.0);
                ui.vertical(|ui| {
                    super::widgets::customer_label(ui, &suggestion.name, |t| t.size(16.0).strong());
                    let details: Vec<&str> =
                        [suggestion.matched.as_deref(), suggestion.mobile.as_deref()]
                            .into_iter()
                            .flatten()
                            .collect();
                    if !details.is_empty() {
                        // Readable on the highlight as well as off it.
                        let colour = if selected {
                            ui.visuals().selection.stroke.color
                        } else {
                            ui.visuals().weak_text_color()
                        };
                        ui.label(egui::RichText::new(details.join(" · ")).color(colour));
                    }
                });
            });
        })
        .response;
    let row = ui.interact(
        row.rect,
        ui.scope_id().with(("suggestion", index)),
        egui::Sense::click(),
    );
    row.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, selected, &suggestion.name)
    });
    if selected {
        row.scroll_to_me(None);
    }
    row
}
