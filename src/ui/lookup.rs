//! The lookup form (identifier type, input, Look up) and recent lookups.
//!
//! Scanner-proof: Enter or a Tab after the text looks it up (scanners end
//! with either) and the box keeps the focus; Enter in an empty box does
//! nothing (a scanner's CR LF is one lookup, not two); text that could not
//! be looked up stays selected, so the next scan replaces it.

use super::Textures;
use crate::capillary::IdentifierKind;
use crate::i18n::{Msg, Texts, tr};
use crate::state::{AppState, Intent, NameSearch, ProfileState, SearchStatus, SuggestionIntent};

/// The accessible name of the lookup input.
pub const INPUT_LABEL: Msg = Msg("lookup-input");

/// An identifier type's name on the selector, or "Any identifier" (try
/// every type the input could be).
pub fn kind_label(t: &Texts, kind: Option<IdentifierKind>) -> String {
    match kind {
        None => tr!(t, "kind-any"),
        Some(kind) => t.drawable(&kind.name_in(t)),
    }
}

pub fn draw(
    ui: &mut egui::Ui,
    state: &mut AppState,
    textures: &Textures,
    busy: bool,
    intents: &mut Vec<Intent>,
) {
    let loading = matches!(state.profile, ProfileState::Loading { .. });
    let suggesting = state.search.is_open();
    // The arrows pressed before Enter in this frame count (see
    // `NameSearch::highlighted_after`).
    let arrows_before_enter: Vec<bool> = ui.input(|i| {
        i.events
            .iter()
            .filter_map(|event| match event {
                egui::Event::Key {
                    key, pressed: true, ..
                } => Some(*key),
                _ => None,
            })
            .take_while(|key| *key != egui::Key::Enter)
            .filter_map(|key| match key {
                egui::Key::ArrowDown => Some(true),
                egui::Key::ArrowUp => Some(false),
                _ => None,
            })
            .collect()
    });
    let highlighted = state.search.highlighted_after(arrows_before_enter);
    let t = state.texts.clone();
    let t = t.as_ref();
    let mut input_rect = None;
    let form = &mut state.lookup;
    let rtl = t.right_to_left();
    super::mirror::row(ui, rtl, |ui| {
        let type_label = ui.label(tr!(t, "find-by"));
        egui::ComboBox::from_id_salt("identifier-kind")
            .selected_text(kind_label(t, form.kind))
            .show_ui(ui, |ui| {
                let choices = std::iter::once(None).chain(IdentifierKind::ALL.map(Some));
                for kind in choices {
                    if ui
                        .selectable_label(form.kind == kind, kind_label(t, kind))
                        .clicked()
                    {
                        form.kind = kind;
                        form.request_focus = true;
                    }
                }
            })
            .response
            .labelled_by(type_label.id);
        let label = ui.label(t.msg(INPUT_LABEL));
        let hint = match form.kind {
            None => tr!(t, "hint-any"),
            Some(IdentifierKind::Mobile) => tr!(t, "hint-mobile"),
            Some(IdentifierKind::Email) => "name@example.com".to_owned(),
            Some(IdentifierKind::CardNumber) => tr!(t, "hint-card"),
            Some(IdentifierKind::ExternalId) => tr!(t, "kind-external-id"),
            Some(IdentifierKind::CustomerId) => tr!(t, "hint-customer-id"),
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
        if let Some(index) = highlighted.filter(|_| submitted && enter) {
            intents.push(Intent::Suggestions(SuggestionIntent::Open(index)));
        } else if ui.button(tr!(t, "look-up")).clicked() || submitted && has_text {
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
                ui.label(t.msg(CAPILLARY_BUSY));
            }
            if loading && ui.button(tr!(t, "cancel")).clicked() {
                intents.push(Intent::Cancel);
            }
        }
    });
    if let Some(rect) = input_rect {
        suggestions(ui, t, textures, &state.search, rect, intents);
    }
    if !state.recent.is_empty() {
        super::mirror::wrapped(ui, rtl, |ui| {
            ui.weak(tr!(t, "recent"));
            let current = match &state.profile {
                ProfileState::Loaded(p) => p.customer.display_name(),
                _ => None,
            };
            for recent in &state.recent {
                let selected = current.as_deref() == Some(recent.label.as_str());
                if super::widgets::customer_chip(ui, selected, &recent.label)
                    .on_hover_text(tr!(t, "look-up-again"))
                    .clicked()
                {
                    intents.push(Intent::Reopen(recent.lookup.clone()));
                }
            }
        });
    }
}

/// Said while a call waits to retry after Capillary's "too many requests".
pub const CAPILLARY_BUSY: Msg = Msg("capillary-busy");
/// The accessible name of the list of name suggestions.
pub const SUGGESTIONS_LABEL: Msg = Msg("suggestions");

/// The name suggestions, in a list over the screen just below the box
/// (nothing under it moves): each with thumbnail, name, what matched and
/// the masked mobile. Also where search says it is busy, failed, found
/// nobody, or is not available for this org.
fn suggestions(
    ui: &mut egui::Ui,
    t: &Texts,
    textures: &Textures,
    search: &NameSearch,
    below: egui::Rect,
    intents: &mut Vec<Intent>,
) {
    let note = match (&search.status, &search.notice) {
        (_, Some(notice)) => Some(t.drawable(&notice.words(t))),
        (SearchStatus::Failed(error), _) => {
            let why = error.words_with_request_id(t);
            Some(tr!(t, "name-search-failed", why = why))
        }
        (SearchStatus::Searching, _) if search.suggestions.is_empty() => {
            Some(tr!(t, "searching-names"))
        }
        (SearchStatus::Idle, _) if search.suggestions.is_empty() => search
            .answered
            .as_ref()
            .map(|name| tr!(t, "no-name-match", name = name.as_str())),
        _ => None,
    };
    if !search.is_open() && note.is_none() {
        return;
    }
    // Under the box, from its reading side.
    let (pivot, corner) = if t.right_to_left() {
        (egui::Align2::RIGHT_TOP, below.right_bottom())
    } else {
        (egui::Align2::LEFT_TOP, below.left_bottom())
    };
    egui::Area::new(egui::Id::unique("name-suggestions"))
        .order(egui::Order::Foreground)
        .pivot(pivot)
        .fixed_pos(corner + egui::vec2(0.0, 4.0))
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
                        if suggestion_row(ui, t, textures, suggestion, selected, index).clicked() {
                            intents.push(Intent::Suggestions(SuggestionIntent::Open(index)));
                        }
                    }
                });
                let list_name = t.msg(SUGGESTIONS_LABEL);
                list.response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::List, true, &list_name));
                let shown = search.suggestions.len() as u64;
                match search.total {
                    Some(total) if total > shown => {
                        ui.weak(tr!(t, "suggestions-more", count = total - shown));
                    }
                    _ => {
                        ui.weak(tr!(t, "suggestions-keys"));
                    }
                }
            });
        });
}

/// One suggestion: thumbnail, name, what matched and the masked mobile;
/// highlighted when chosen with the arrows. Clickable as a whole.
fn suggestion_row(
    ui: &mut egui::Ui,
    t: &Texts,
    textures: &Textures,
    suggestion: &crate::state::Suggestion,
    selected: bool,
    index: usize,
) -> egui::Response {
    let no_name = crate::tr_text!(t, "no-name");
    let name = if suggestion.name.is_empty() {
        no_name.as_str()
    } else {
        suggestion.name.as_str()
    };
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
            super::mirror::row(ui, t.right_to_left(), |ui| {
                super::profile::thumbnail(
                    ui,
                    textures,
                    &suggestion.photo,
                    name,
                    crate::logic::THUMBNAIL_POINTS,
                );
                ui.add_space(8.0);
                super::mirror::column(ui, t.right_to_left(), |ui| {
                    super::widgets::customer_label(ui, name, |text| text.size(16.0).strong());
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
    row.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, name));
    if selected {
        row.scroll_to_me(None);
    }
    row
}
