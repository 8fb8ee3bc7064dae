//! The profile view: photo beside the name, then every detail.

use super::Textures;
use super::mirror;
use super::widgets::{copyable, customer_label, initials};
use crate::bidi::is_right_to_left;
use crate::capillary::{CustomerStatus, Lookup, PhotoAlert, ProgramStanding, Purchase};
use crate::i18n::{Msg, Texts, tr, tr_text};
use crate::state::{
    AppState, Choice, DetailRow, DetailSection, Intent, LoadedProfile, PHOTO_FRAME_POINTS, Panel,
    PanelKind, PhotoIntent, PhotoSlot, ProfileState, ProfileView, ShownPixels,
};

/// The offer under "No customer found".
pub const ENROL_BUTTON: Msg = Msg("enrol-offer");

/// Draws the profile area. `focus_take_photo` is set for a customer just
/// enrolled: "Take photo…" takes the focus once, and it is cleared.
pub fn draw(
    ui: &mut egui::Ui,
    state: &AppState,
    textures: &Textures,
    focus_take_photo: &mut bool,
    intents: &mut Vec<Intent>,
) {
    let t = state.texts.as_ref();
    match &state.profile {
        ProfileState::Empty => {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| {
                ui.weak(tr!(t, "profile-empty"));
            });
        }
        ProfileState::Loading { lookup } => {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| {
                ui.spinner();
                ui.label(tr!(t, "looking-up", kind = lookup.kind.noun_in(t)));
            });
        }
        ProfileState::Failed { message } => {
            ui.add_space(24.0);
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.colored_label(ui.visuals().error_fg_color, t.drawable(message));
                if state.not_found.is_some() && state.settings.enrolment {
                    ui.add_space(6.0);
                    if ui.button(t.msg(ENROL_BUTTON)).clicked() {
                        intents.push(Intent::Enrol(crate::state::EnrolIntent::Open));
                    }
                }
            });
        }
        ProfileState::Loaded(profile) => {
            if let Some(note) = &state.enrolled_note {
                ui.label(egui::RichText::new(t.drawable(note)).strong());
                ui.add_space(4.0);
            }
            let photo_changes =
                state.photo_changes_allowed() && profile.customer.customer_id().is_some();
            let focus = if photo_changes {
                std::mem::take(focus_take_photo)
            } else {
                false
            };
            loaded(
                ui,
                Drawing { t, textures },
                profile,
                state.time_zone,
                photo_changes,
                focus,
                intents,
            );
        }
        ProfileState::Choosing(choice) => choosing(ui, t, textures, choice, intents),
    }
}

/// What drawing a profile reads besides the profile: the UI's words and
/// the pictures' textures.
#[derive(Clone, Copy)]
struct Drawing<'a> {
    t: &'a Texts,
    textures: &'a Textures,
}

/// The accessible name of the list of customers to choose from.
pub const CHOICE_HEADING: Msg = Msg("choice-heading");

/// Different customers matched one scan: each with their photo, name and
/// the identifier that matched. ↑/↓ and Enter, or a click, opens one.
fn choosing(
    ui: &mut egui::Ui,
    t: &Texts,
    textures: &Textures,
    choice: &Choice,
    intents: &mut Vec<Intent>,
) {
    ui.add_space(12.0);
    ui.label(
        egui::RichText::new(t.msg(CHOICE_HEADING))
            .size(18.0)
            .strong(),
    );
    ui.weak(tr!(t, "choice-keys"));
    ui.add_space(8.0);
    for (index, found) in choice.matches.iter().enumerate() {
        let name = crate::state::name_of(&found.customer, t);
        let selected = index == choice.selected;
        let stroke = if selected {
            ui.visuals().selection.stroke
        } else {
            ui.visuals().widgets.noninteractive.bg_stroke
        };
        let row = egui::Frame::group(ui.style())
            .stroke(stroke)
            .show(ui, |ui| {
                ui.set_width(ui.available_width().min(560.0));
                mirror::row(ui, t.right_to_left(), |ui| {
                    thumbnail(ui, textures, &found.photo, &name, 72.0);
                    ui.add_space(12.0);
                    mirror::column(ui, t.right_to_left(), |ui| {
                        customer_label(ui, &name, |t| t.size(20.0).strong());
                        ui.label(found_by_text(t, &found.found_by));
                    });
                });
            })
            .response;
        let row = ui.interact(
            row.rect,
            ui.scope_id().with(("match", index)),
            egui::Sense::click(),
        );
        row.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &name));
        if row.clicked() {
            intents.push(Intent::Choose(index));
        }
        ui.add_space(4.0);
    }
}

/// "Found by card number 400012341234".
fn found_by_text(t: &Texts, lookup: &Lookup) -> String {
    let value = lookup.value.as_str();
    tr!(t, "found-by", kind = lookup.kind.noun_in(t), value = value)
}

/// A thick border in the error colour and the reason in words across the
/// top of the photo frame.
fn mark_photo(ui: &egui::Ui, frame: egui::Rect, alert: &str) {
    let colour = ui.visuals().error_fg_color;
    ui.painter().rect_stroke(
        frame.expand(3.0),
        10.0,
        egui::Stroke::new(4.0, colour),
        egui::StrokeKind::Outside,
    );
    let strip = egui::Rect::from_min_size(frame.left_top(), egui::vec2(frame.width(), 26.0));
    ui.painter().rect_filled(strip, 0.0, colour);
    ui.painter().text(
        strip.center(),
        egui::Align2::CENTER_CENTER,
        alert,
        egui::FontId::proportional(15.0),
        egui::Color32::WHITE,
    );
}

/// Paints the photo as large as fits in `frame`, centred, uncropped.
fn paint_fitted(ui: &egui::Ui, textures: &Textures, pixels: &ShownPixels, frame: egui::Rect) {
    let Some(texture) = textures.get(pixels) else {
        return; // on screen from the next frame
    };
    let fitted = egui::Image::from_texture(texture)
        .max_size(frame.size())
        .maintain_aspect_ratio(true);
    let image_size = fitted.calc_size(frame.size(), Some(texture.size_vec2()));
    fitted.paint_at(ui, egui::Rect::from_center_size(frame.center(), image_size));
}

/// A small square photo (the choice list, the name suggestions), with the
/// initials when there is none.
pub(super) fn thumbnail(
    ui: &mut egui::Ui,
    textures: &Textures,
    photo: &PhotoSlot,
    name: &str,
    side: f32,
) {
    let size = egui::vec2(side, side);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    ui.painter()
        .rect_filled(rect, 6.0, ui.visuals().extreme_bg_color);
    match photo {
        PhotoSlot::Shown(pixels) => paint_fitted(ui, textures, pixels, rect),
        PhotoSlot::Loading => {
            let spinner_side = (side * 0.3).max(12.0);
            let spinner =
                egui::Rect::from_center_size(rect.center(), egui::vec2(spinner_side, spinner_side));
            ui.put(spinner, egui::Spinner::new().size(spinner_side));
        }
        PhotoSlot::Absent | PhotoSlot::Failed(_) => {
            ui.put(
                rect,
                egui::Label::new(
                    egui::RichText::new(initials(name))
                        .size(side * 0.4)
                        .color(ui.visuals().weak_text_color()),
                ),
            );
        }
    }
}

/// The first-screen column (name, badges, loyalty, purchases) beside the
/// photo: at least this wide (a purchase line fits)…
const GLANCE_MIN_POINTS: f32 = 340.0;
/// …and no wider than this when there is room to spare.
const GLANCE_MAX_POINTS: f32 = 440.0;
/// The details (identifiers, contact, fields) get a third column of at
/// least this width, beside the photo and the first screen, whenever the
/// window has room for it (1040 points wide does); narrower, they follow
/// below.
const DETAILS_MIN_POINTS: f32 = 300.0;
/// Space between the columns.
const COLUMN_GAP: f32 = 16.0;
/// The photo frame never grows past this (the texture is prepared for
/// twice the default frame).
const LARGEST_PHOTO_POINTS: f32 = 460.0;

/// The first screen answers, in order: is it them (photo, name), may they
/// proceed (badges), what are they worth (tier, points), what did they
/// last do (purchases). The details go beside it on a wide window and
/// below it on a narrow one.
fn loaded(
    ui: &mut egui::Ui,
    drawing: Drawing<'_>,
    profile: &LoadedProfile,
    time_zone: Option<chrono::FixedOffset>,
    photo_changes: bool,
    focus_take_photo: bool,
    intents: &mut Vec<Intent>,
) {
    let t = drawing.t;
    let view = &profile.view;
    let name = &view.name;
    let rtl = t.right_to_left();
    let width = ui.available_width();
    let tall_side = (ui.available_height() * 0.62).clamp(PHOTO_FRAME_POINTS, LARGEST_PHOTO_POINTS);
    // Three columns when the photo can keep at least its default frame;
    // the photo gives up a little of its height-given size for them.
    let beside = width - 2.0 * COLUMN_GAP - GLANCE_MIN_POINTS - DETAILS_MIN_POINTS;
    let wide = beside >= PHOTO_FRAME_POINTS;
    let photo_side = if wide {
        tall_side.min(beside)
    } else {
        tall_side
    };
    let alert = view
        .status
        .photo_alert()
        .map(|alert| photo_alert_text(t, &alert));
    let photo_column = |ui: &mut egui::Ui, intents: &mut Vec<Intent>| {
        photo_frame(
            ui,
            drawing,
            &profile.photo,
            name,
            photo_side,
            alert.as_deref(),
            intents,
        );
        if photo_changes {
            photo_actions(ui, t, profile, photo_side, focus_take_photo, intents);
        }
    };
    let wide_glance = (width - photo_side - 2.0 * COLUMN_GAP - DETAILS_MIN_POINTS)
        .clamp(GLANCE_MIN_POINTS, GLANCE_MAX_POINTS);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if rtl {
                let glance = wide.then_some(wide_glance);
                mirrored_columns(
                    ui,
                    t,
                    profile,
                    (photo_side, glance),
                    time_zone,
                    intents,
                    photo_column,
                );
                return;
            }
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| photo_column(ui, intents));
                ui.add_space(COLUMN_GAP);
                let glance_width = if wide {
                    wide_glance
                } else {
                    ui.available_width()
                };
                ui.allocate_ui(egui::vec2(glance_width, photo_side), |ui| {
                    ui.vertical(|ui| {
                        ui.set_width(glance_width);
                        at_a_glance(ui, t, profile, name, time_zone, intents);
                    });
                });
                if wide {
                    ui.add_space(COLUMN_GAP);
                    ui.vertical(|ui| {
                        ui.set_max_width(ui.available_width());
                        details(ui, t, view, intents);
                    });
                }
            });
            if !wide {
                ui.add_space(12.0);
                details(ui, t, view, intents);
            }
        });
}

/// The profile's columns mirrored (Arabic): the photo on the right, the
/// first screen beside it, the details on the left (or below when the
/// window is narrow); every column's lines against its right edge. Each
/// column gets its width up front: a right-to-left row has no width of
/// its own to share out. `glance` is the first screen's width when the
/// details get a column of their own.
fn mirrored_columns(
    ui: &mut egui::Ui,
    t: &Texts,
    profile: &LoadedProfile,
    (photo_side, glance): (f32, Option<f32>),
    time_zone: Option<chrono::FixedOffset>,
    intents: &mut Vec<Intent>,
    photo_column: impl FnOnce(&mut egui::Ui, &mut Vec<Intent>),
) {
    let width = ui.available_width();
    let wide = glance.is_some();
    let glance_width = glance.unwrap_or(width - photo_side - COLUMN_GAP);
    let details_width = width - photo_side - glance_width - 2.0 * COLUMN_GAP;
    let right = egui::Layout::top_down(egui::Align::Max);
    let view = &profile.view;
    // Each column in a rect of its own, from the right edge leftwards, so
    // that a column wider than its share never pushes the photo off the
    // window.
    let top = ui.cursor().min.y;
    let mut x = ui.max_rect().right();
    let mut bottom = top;
    let mut column = |ui: &mut egui::Ui, width: f32, add: &mut dyn FnMut(&mut egui::Ui)| {
        let rect =
            egui::Rect::from_min_max(egui::pos2(x - width, top), egui::pos2(x, f32::INFINITY));
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect).layout(right));
        child.set_width(width);
        add(&mut child);
        bottom = bottom.max(child.min_rect().bottom());
        x -= width + COLUMN_GAP;
    };
    let mut photo_column = Some(photo_column);
    column(ui, photo_side, &mut |ui| {
        if let Some(draw) = photo_column.take() {
            draw(ui, intents);
        }
    });
    column(ui, glance_width, &mut |ui| {
        at_a_glance(ui, t, profile, &view.name, time_zone, intents);
    });
    if wide {
        column(ui, details_width, &mut |ui| details(ui, t, view, intents));
    }
    let row = egui::Rect::from_min_max(
        egui::pos2(ui.max_rect().left(), top),
        egui::pos2(ui.max_rect().right(), bottom),
    );
    ui.advance_cursor_after_rect(row);
    if !wide {
        ui.add_space(12.0);
        ui.with_layout(right, |ui| details(ui, t, view, intents));
    }
}

/// Name, how they were found, status badges, loyalty and purchases.
fn at_a_glance(
    ui: &mut egui::Ui,
    t: &Texts,
    profile: &LoadedProfile,
    name: &str,
    time_zone: Option<chrono::FixedOffset>,
    intents: &mut Vec<Intent>,
) {
    let heading = |ui: &mut egui::Ui| {
        let response = customer_label(ui, name, |t| t.size(30.0).strong());
        // The page's heading for screen readers, which jump to it (H).
        // A heading's name is its label (a plain label's is its value).
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_role(egui::accesskit::Role::Heading);
            node.set_level(1);
            node.set_label(name);
        });
    };
    // In a left-to-right UI an Arabic name still sits on the right (the
    // mirrored UI puts every line there).
    if is_right_to_left(name) && !t.right_to_left() {
        ui.with_layout(egui::Layout::top_down(egui::Align::Max), heading);
    } else {
        heading(ui);
    }
    if let Some(found_by) = &profile.found_by {
        ui.weak(found_by_text(t, found_by));
    }
    for failure in &profile.other_failures {
        warning(ui, &tr!(t, "also-tried", failure = failure.as_str()));
    }
    banners(ui, t, &profile.view.status);
    badges(ui, t, &profile.view.status);
    ui.add_space(10.0);
    loyalty(ui, t, &profile.loyalty, intents);
    ui.add_space(10.0);
    purchases(ui, t, &profile.purchases, time_zone, intents);
}

/// Words on the photo frame when the person at the counter needs a second
/// look.
fn photo_alert_text(t: &Texts, alert: &PhotoAlert) -> String {
    match alert {
        PhotoAlert::Fraud => tr!(t, "alert-fraud"),
        PhotoAlert::CardNotActive(status) => tr!(t, "alert-card", status = status.as_str()),
    }
}

/// Status badges, in words (never colour alone): cards that are not
/// active and a merged account stand out; an active card is a quiet tick.
fn badges(ui: &mut egui::Ui, t: &Texts, status: &CustomerStatus) {
    mirror::wrapped(ui, t.right_to_left(), |ui| {
        let alert = ui.visuals().error_fg_color;
        let warn = ui.visuals().warn_fg_color;
        for card in &status.inactive_cards {
            let (number, status) = (card.number.as_str(), card.status.as_str());
            badge(
                ui,
                &tr!(t, "badge-card", number = number, status = status),
                alert,
            );
        }
        if status.merged {
            badge(ui, &tr!(t, "badge-merged"), warn);
        }
        if status.card_active() {
            ui.weak(tr!(t, "card-active"));
        }
    });
}

fn badge(ui: &mut egui::Ui, text: &str, colour: egui::Color32) {
    egui::Frame::new()
        .fill(colour.linear_multiply(0.15))
        .stroke(egui::Stroke::new(1.0, colour))
        .inner_margin(egui::Margin::symmetric(6, 2))
        .corner_radius(10.0)
        .show(ui, |ui| {
            ui.colored_label(colour, egui::RichText::new(text).strong());
        });
}

/// The colour of a tier's chip: the metal for the usual names, the
/// theme's neutral otherwise. The name is always written on it.
pub fn tier_colour(tier: &str) -> Option<egui::Color32> {
    match tier.trim().to_ascii_lowercase().as_str() {
        "bronze" => Some(egui::Color32::from_rgb(205, 127, 50)),
        "silver" => Some(egui::Color32::from_rgb(192, 192, 192)),
        "gold" => Some(egui::Color32::from_rgb(212, 175, 55)),
        "platinum" => Some(egui::Color32::from_rgb(160, 178, 198)),
        _ => None,
    }
}

fn tier_chip(ui: &mut egui::Ui, tier: &str) {
    let (fill, text) = match tier_colour(tier) {
        Some(metal) => (metal, egui::Color32::from_gray(20)),
        None => (
            ui.visuals().widgets.inactive.bg_fill,
            ui.visuals().strong_text_color(),
        ),
    };
    egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(8, 2))
        .corner_radius(6.0)
        .show(ui, |ui| {
            customer_label(ui, tier, |t| t.size(18.0).strong().color(text));
        });
}

/// The accessible names of the two panels' headings.
pub const LOYALTY_HEADING: Msg = Msg("loyalty");
pub const PURCHASES_HEADING: Msg = Msg("purchases");

fn loyalty(
    ui: &mut egui::Ui,
    t: &Texts,
    panel: &Panel<Vec<ProgramStanding>>,
    intents: &mut Vec<Intent>,
) {
    ui.label(egui::RichText::new(t.msg(LOYALTY_HEADING)).strong());
    let Some(programs) = panel_body(ui, t, panel, PanelKind::Loyalty, intents) else {
        return;
    };
    let enrolled: Vec<&ProgramStanding> = programs.iter().filter(|p| p.is_enrolled()).collect();
    if enrolled.is_empty() {
        ui.weak(tr!(t, "not-a-member"));
        return;
    }
    for program in enrolled {
        mirror::wrapped(ui, t.right_to_left(), |ui| {
            if programs.len() > 1
                && let Some(name) = &program.program_name
            {
                customer_label(ui, name, egui::RichText::weak);
            }
            let no_tier = tr_text!(t, "no-tier");
            let tier = program.current_slab.as_deref().unwrap_or(&no_tier);
            tier_chip(ui, tier);
            if let Some(points) = program.loyalty_points {
                ui.label(egui::RichText::new(tr!(t, "points", count = points)).size(18.0));
            }
        });
        if let Some(next) = &program.next_slab {
            let how = program
                .next_slab_description
                .as_deref()
                .map(|d| format!(" ({d})"))
                .unwrap_or_default();
            ui.weak(tr!(t, "next-tier", tier = format!("{next}{how}")));
        }
    }
}

fn purchases(
    ui: &mut egui::Ui,
    t: &Texts,
    panel: &Panel<Vec<Purchase>>,
    time_zone: Option<chrono::FixedOffset>,
    intents: &mut Vec<Intent>,
) {
    ui.label(egui::RichText::new(t.msg(PURCHASES_HEADING)).strong());
    let Some(purchases) = panel_body(ui, t, panel, PanelKind::Purchases, intents) else {
        return;
    };
    if purchases.is_empty() {
        ui.weak(tr!(t, "no-purchases"));
        return;
    }
    let rtl = t.right_to_left();
    let grid = egui::Grid::new("recent-purchases")
        .num_columns(3)
        .spacing([14.0, 4.0]);
    let id = egui::Id::unique("recent-purchases-mirrored");
    // Three columns (when, where, how much), mirrored as one table.
    mirror::table(ui, rtl, (grid, 14.0), id, |table| {
        for purchase in purchases {
            let bill = purchase.bill_details.clone().unwrap_or_default();
            let time = bill.billing_time.as_deref().unwrap_or_default().to_owned();
            let store = bill.billing_store.and_then(|s| s.name.or(s.code));
            let amount = bill.amount.map(|a| t.number(a)).unwrap_or_default();
            table.cells(vec![
                Box::new(|ui: &mut egui::Ui| {
                    ui.label(t.time(&time, time_zone));
                }),
                Box::new(|ui: &mut egui::Ui| {
                    customer_label(ui, &store.unwrap_or_default(), |text| text);
                }),
                Box::new(|ui: &mut egui::Ui| {
                    ui.label(egui::RichText::new(amount).strong());
                }),
            ]);
        }
    });
}

/// A panel's loading line or failure (with Try again); its data when ready.
fn panel_body<'a, T>(
    ui: &mut egui::Ui,
    t: &Texts,
    panel: &'a Panel<T>,
    kind: PanelKind,
    intents: &mut Vec<Intent>,
) -> Option<&'a T> {
    let loyalty = kind == PanelKind::Loyalty;
    match panel {
        Panel::Ready(value) => Some(value),
        Panel::Loading => {
            mirror::row(ui, t.right_to_left(), |ui| {
                ui.spinner();
                ui.weak(if loyalty {
                    tr!(t, "loading-loyalty")
                } else {
                    tr!(t, "loading-purchases")
                });
            });
            None
        }
        Panel::Failed(message) => {
            let message = message.as_str();
            let failed = if loyalty {
                tr!(t, "loyalty-failed", message = message)
            } else {
                tr!(t, "purchases-failed", message = message)
            };
            ui.colored_label(ui.visuals().error_fg_color, failed);
            let again = if loyalty {
                tr!(t, "loyalty-again")
            } else {
                tr!(t, "purchases-again")
            };
            if ui.button(again).clicked() {
                intents.push(Intent::Retry(kind));
            }
            None
        }
    }
}

/// The accessible name of the photo frame.
pub const PHOTO_LABEL: Msg = Msg("photo-label");

fn photo_frame(
    ui: &mut egui::Ui,
    drawing: Drawing<'_>,
    photo: &PhotoSlot,
    name: &str,
    side: f32,
    alert: Option<&str>,
    intents: &mut Vec<Intent>,
) {
    let Drawing { t, textures } = drawing;
    let size = egui::vec2(side, side);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    let label = t.msg(PHOTO_LABEL);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    let visuals = ui.visuals();
    ui.painter()
        .rect_filled(rect, 8.0, visuals.extreme_bg_color);
    if let Some(alert) = alert {
        mark_photo(ui, rect, alert);
    }
    match photo {
        PhotoSlot::Shown(pixels) => {
            paint_fitted(ui, textures, pixels, rect);
            let response = response.on_hover_text(tr!(t, "photo-enlarge"));
            if response.clicked() {
                intents.push(Intent::EnlargePhoto(true));
            }
        }
        PhotoSlot::Loading => {
            let spinner = egui::Rect::from_center_size(rect.center(), egui::vec2(32.0, 32.0));
            ui.put(spinner, egui::Spinner::new().size(32.0));
        }
        PhotoSlot::Absent | PhotoSlot::Failed(_) => {
            let initials_rect = egui::Rect::from_center_size(
                rect.center() - egui::vec2(0.0, 16.0),
                egui::vec2(rect.width(), 90.0),
            );
            let colour = visuals.weak_text_color();
            ui.put(
                initials_rect,
                egui::Label::new(egui::RichText::new(initials(name)).size(72.0).color(colour)),
            );
            let caption = match photo {
                PhotoSlot::Failed(reason) => t.drawable(reason),
                _ => tr!(t, "no-photo"),
            };
            let caption_rect = egui::Rect::from_min_max(
                egui::pos2(rect.left() + 8.0, rect.bottom() - 48.0),
                rect.right_bottom() - egui::vec2(8.0, 4.0),
            );
            ui.put(
                caption_rect,
                egui::Label::new(egui::RichText::new(caption).small()).wrap(),
            );
        }
    }
}

/// What the line under the photo says when photos may be changed here.
pub const PHOTO_ACTIONS_HINT: Msg = Msg("photo-actions-hint");
pub const REMOVE_PHOTO_BUTTON: Msg = Msg("remove-photo-button");
pub const TAKE_PHOTO_BUTTON: Msg = Msg("take-photo-button");
pub const CHOOSE_FILE_BUTTON: Msg = Msg("choose-file-button");
/// Opens the file dialog from the profile.
pub const CHOOSE_FILE_SHORTCUT: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::O);
/// Opens the camera from the profile.
pub const TAKE_PHOTO_SHORTCUT: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::T);

/// Under the photo: how to give a new one, and Remove.
fn photo_actions(
    ui: &mut egui::Ui,
    t: &Texts,
    profile: &LoadedProfile,
    width: f32,
    focus_take_photo: bool,
    intents: &mut Vec<Intent>,
) {
    ui.set_max_width(width);
    ui.add(egui::Label::new(egui::RichText::new(t.msg(PHOTO_ACTIONS_HINT)).weak()).wrap());
    let has_photo = profile
        .customer
        .customer_image
        .as_ref()
        .is_some_and(|images| !images.is_empty());
    mirror::row(ui, t.right_to_left(), |ui| {
        let actions = [
            (
                TAKE_PHOTO_BUTTON,
                TAKE_PHOTO_SHORTCUT,
                tr!(t, "take-photo-hover"),
                PhotoIntent::TakePhoto,
            ),
            (
                CHOOSE_FILE_BUTTON,
                CHOOSE_FILE_SHORTCUT,
                tr!(t, "choose-file-hover"),
                PhotoIntent::ChooseFile,
            ),
        ];
        for (label, shortcut, what, intent) in actions {
            let shortcut = ui.ctx().format_shortcut(&shortcut);
            let button = ui
                .button(t.msg(label))
                .on_hover_text(format!("{what} ({shortcut})"));
            if focus_take_photo && label == TAKE_PHOTO_BUTTON {
                button.request_focus();
            }
            if button.clicked() {
                intents.push(Intent::Photo(intent));
            }
        }
        if has_photo && ui.button(t.msg(REMOVE_PHOTO_BUTTON)).clicked() {
            intents.push(Intent::Photo(PhotoIntent::AskRemove));
        }
    });
}

fn banners(ui: &mut egui::Ui, t: &Texts, status: &CustomerStatus) {
    if let Some(fraud) = &status.fraud {
        warning(ui, &tr!(t, "fraud-banner", reason = fraud.as_str()));
    }
    if status.merged {
        warning(ui, &tr!(t, "merged-banner"));
    }
}

fn warning(ui: &mut egui::Ui, text: &str) {
    egui::Frame::new()
        .fill(ui.visuals().warn_fg_color.linear_multiply(0.15))
        .stroke(egui::Stroke::new(1.0, ui.visuals().warn_fg_color))
        .inner_margin(6.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.colored_label(ui.visuals().warn_fg_color, text);
        });
}

/// The identifiers, then each section, from rows built when the customer
/// arrived.
fn details(ui: &mut egui::Ui, t: &Texts, view: &ProfileView, intents: &mut Vec<Intent>) {
    let rtl = t.right_to_left();
    if !view.identifiers.is_empty() {
        identifiers(ui, rtl, &view.identifiers, intents);
    }
    for DetailSection { title, rows } in &view.sections {
        ui.add_space(6.0);
        customer_label(ui, title, egui::RichText::strong);
        let grid = egui::Grid::new(title)
            .num_columns(2)
            .striped(true)
            .spacing([16.0, 4.0]);
        let id = egui::Id::unique(("details-mirrored", title));
        mirror::table(ui, rtl, (grid, 16.0), id, |table| {
            for DetailRow { label, value, note } in rows {
                table.row(
                    // Extended fields' names come from the org's own setup.
                    |ui| {
                        customer_label(ui, label, egui::RichText::weak);
                    },
                    // The note goes under the value when the column is narrow.
                    |ui| {
                        mirror::wrapped(ui, rtl, |ui| {
                            copyable(ui, value, intents);
                            if let Some(note) = note {
                                let note = egui::RichText::new(t.drawable(note)).weak();
                                ui.add(egui::Label::new(note).extend());
                            }
                        });
                    },
                );
            }
        });
    }
}

/// Each identifier with its status after it, then the customer ID.
fn identifiers(ui: &mut egui::Ui, rtl: bool, rows: &[DetailRow], intents: &mut Vec<Intent>) {
    let grid = egui::Grid::new("identifiers")
        .num_columns(2)
        .spacing([16.0, 4.0]);
    let id = egui::Id::unique("identifiers-mirrored");
    mirror::table(ui, rtl, (grid, 16.0), id, |table| {
        for row in rows {
            table.row(
                |ui| {
                    customer_label(ui, &row.label, egui::RichText::weak);
                },
                |ui| {
                    mirror::row(ui, rtl, |ui| {
                        copyable(ui, &row.value, intents);
                        if let Some(note) = &row.note {
                            customer_label(ui, note, egui::RichText::weak);
                        }
                    });
                },
            );
        }
    });
}
