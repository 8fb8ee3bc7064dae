//! Layouts that mirror in a right-to-left language (Arabic): rows run from
//! the right, columns align to the right, and label–value tables put the
//! label on the right. egui 0.37 has no mirroring of its own (and its Grid
//! refuses right-to-left layouts), so each screen asks for these instead of
//! `ui.horizontal` and `egui::Grid` where the order matters.
//!
//! Pictures are never mirrored: only the order and alignment of widgets.

use egui::{Align, Layout};

/// A row of widgets: left to right, or right to left when mirrored.
pub fn row<R>(ui: &mut egui::Ui, rtl: bool, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    if rtl {
        // One line high to start with, as `ui.horizontal` (a layout alone
        // would take every point of height left and centre on it).
        let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
        ui.allocate_ui_with_layout(size, Layout::right_to_left(Align::Center), add)
            .inner
    } else {
        ui.horizontal(add).inner
    }
}

/// The far end of a row (the top bar's buttons): the right, or the left
/// when mirrored.
pub fn far_end<R>(ui: &mut egui::Ui, rtl: bool, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let layout = if rtl {
        Layout::left_to_right(Align::Center)
    } else {
        Layout::right_to_left(Align::Center)
    };
    ui.with_layout(layout, add).inner
}

/// A column whose lines start at the reading side.
pub fn column<R>(ui: &mut egui::Ui, rtl: bool, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let align = if rtl { Align::Max } else { Align::Min };
    ui.with_layout(Layout::top_down(align), add).inner
}

/// Label–value rows (or any cells): an `egui::Grid` read left to right;
/// mirrored, rows that run from the right, each column as wide as its
/// widest cell was on the last frame (egui's Grid sizes columns the same
/// way, and refuses right-to-left layouts).
pub struct Table<'a> {
    ui: &'a mut egui::Ui,
    rtl: bool,
    gap: f32,
    /// Column widths measured on the last frame, and on this one.
    last: Vec<f32>,
    now: Vec<f32>,
}

/// One cell of a [`Table`] row.
pub type Cell<'c> = Box<dyn FnOnce(&mut egui::Ui) + 'c>;

impl Table<'_> {
    /// One row: the label, then the value (drawn in reading order).
    pub fn row(&mut self, label: impl FnOnce(&mut egui::Ui), value: impl FnOnce(&mut egui::Ui)) {
        self.cells(vec![Box::new(label), Box::new(value)]);
    }

    /// One row of any number of cells, given in reading order; the last
    /// takes what room is left.
    pub fn cells(&mut self, cells: Vec<Cell<'_>>) {
        if !self.rtl {
            for cell in cells {
                cell(self.ui);
            }
            self.ui.end_row();
            return;
        }
        let (last, now, gap) = (&self.last, &mut self.now, self.gap);
        let size = egui::vec2(self.ui.available_width(), self.ui.spacing().interact_size.y);
        self.ui
            .allocate_ui_with_layout(size, Layout::right_to_left(Align::Center), |ui| {
                let count = cells.len();
                for (index, cell) in cells.into_iter().enumerate() {
                    if index + 1 == count {
                        cell(ui);
                        break;
                    }
                    let width = last.get(index).copied().unwrap_or(0.0);
                    let size = egui::vec2(width, 0.0);
                    let used = ui
                        .allocate_ui_with_layout(size, Layout::right_to_left(Align::Center), cell)
                        .response
                        .rect
                        .width();
                    if now.len() <= index {
                        now.resize(index + 1, 0.0);
                    }
                    now[index] = now[index].max(used);
                    // The layout's own item spacing comes on top.
                    ui.add_space((gap - ui.spacing().item_spacing.x).max(0.0));
                }
            });
    }
}

/// Draws a table of rows (see [`Table`]). `grid` sets spacing and stripes
/// left to right; mirrored, `gap` is the space between columns and `id`
/// keeps their widths between frames.
pub fn table(
    ui: &mut egui::Ui,
    rtl: bool,
    (grid, gap): (egui::Grid, f32),
    id: egui::Id,
    rows: impl FnOnce(&mut Table<'_>),
) {
    if !rtl {
        grid.show(ui, |ui| {
            rows(&mut Table {
                ui,
                rtl,
                gap,
                last: Vec::new(),
                now: Vec::new(),
            })
        });
        return;
    }
    let last: Vec<f32> = ui.ctx().data(|d| d.get_temp(id)).unwrap_or_default();
    let now = ui
        .vertical(|ui| {
            let mut table = Table {
                ui,
                rtl,
                gap,
                last: last.clone(),
                now: Vec::new(),
            };
            rows(&mut table);
            table.now
        })
        .inner;
    if now != last {
        ui.ctx().data_mut(|d| d.insert_temp(id, now));
        ui.ctx().request_repaint();
    }
}

/// A form's rows (label, then its field): an `egui::Grid` left to right;
/// mirrored, each row runs from the right with the labels in a column of
/// `label_width` aligned to the right. The label comes first in both, so
/// a field can name it as its accessible label.
pub struct FormRows<'a> {
    ui: &'a mut egui::Ui,
    rtl: bool,
    label_width: f32,
}

impl FormRows<'_> {
    /// One row; `add` gets the row's `Ui` and draws the label with
    /// [`Self::label`] first.
    pub fn row<R>(&mut self, add: impl FnOnce(&mut FormRow<'_>) -> R) -> R {
        let (rtl, label_width) = (self.rtl, self.label_width);
        let inner = if rtl {
            let size = egui::vec2(self.ui.available_width(), self.ui.spacing().interact_size.y);
            self.ui
                .allocate_ui_with_layout(size, Layout::right_to_left(Align::Center), |ui| {
                    add(&mut FormRow {
                        ui,
                        rtl,
                        label_width,
                    })
                })
                .inner
        } else {
            add(&mut FormRow {
                ui: self.ui,
                rtl,
                label_width,
            })
        };
        if !rtl {
            self.ui.end_row();
        }
        inner
    }
}

/// The `Ui` of one form row (it derefs to it) and its label.
pub struct FormRow<'a> {
    pub ui: &'a mut egui::Ui,
    rtl: bool,
    label_width: f32,
}

impl FormRow<'_> {
    /// The row's label: a grid cell, or mirrored a right-aligned cell of
    /// the label column.
    pub fn label(&mut self, text: impl Into<egui::WidgetText>) -> egui::Response {
        if !self.rtl {
            return self.ui.label(text);
        }
        let size = egui::vec2(self.label_width, self.ui.spacing().interact_size.y);
        self.ui
            .allocate_ui_with_layout(size, Layout::right_to_left(Align::Center), |ui| {
                ui.label(text)
            })
            .inner
    }
}

impl FormRow<'_> {
    /// An empty label cell (a field that names itself, such as a check
    /// box): the space only, so screen readers find no empty label.
    pub fn no_label(&mut self) {
        let width = if self.rtl { self.label_width } else { 0.0 };
        self.ui.allocate_space(egui::vec2(width, 0.0));
    }
}

/// Draws a form of rows (see [`FormRows`]).
pub fn form(
    ui: &mut egui::Ui,
    rtl: bool,
    grid: egui::Grid,
    label_width: f32,
    rows: impl FnOnce(&mut FormRows<'_>),
) {
    if rtl {
        ui.vertical(|ui| {
            rows(&mut FormRows {
                ui,
                rtl,
                label_width,
            })
        });
    } else {
        grid.show(ui, |ui| {
            rows(&mut FormRows {
                ui,
                rtl,
                label_width,
            })
        });
    }
}

/// A row that wraps onto more lines (badges, chips).
pub fn wrapped<R>(ui: &mut egui::Ui, rtl: bool, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    if rtl {
        let layout = Layout::right_to_left(Align::Center).with_main_wrap(true);
        let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
        ui.allocate_ui_with_layout(size, layout, add).inner
    } else {
        ui.horizontal_wrapped(add).inner
    }
}
