//! Ctrl+V read by the app, not by egui: egui-winit reads the clipboard and
//! decodes a picture on the UI thread, and on X11 drops large pictures
//! without a word (see [`crate::clipboard`]). The window therefore hands
//! Cut/Copy/Paste over as keys (`NativeOptions::clipboard_shortcuts` off);
//! [`App::clipboard_keys`] gives Ctrl+C and Ctrl+X back to egui and reads
//! the clipboard for Ctrl+V in the background: text goes to the focused
//! field as a normal paste, a picture to the photo dialog of the customer
//! who was on screen, and nothing usable is said so.

use super::App;
use super::jobs::{self, Job, PasteOutcome};
use crate::clipboard::Pasted;
use crate::logic::{Msg, PictureInput};
use crate::state::{PhotoSource, ProfileState};
use std::sync::Arc;
use std::time::Duration;

/// Said when Ctrl+V finds neither text nor a picture.
pub const NOTHING_TO_PASTE: crate::i18n::Msg = crate::i18n::Msg("nothing-to-paste");

impl App {
    /// Turns the window's clipboard keys into what egui expects, and starts
    /// reading the clipboard for Ctrl+V. Text read by an earlier Ctrl+V
    /// joins the input here as a paste.
    pub(super) fn clipboard_keys(&mut self, ctx: &egui::Context, raw: &mut egui::RawInput) {
        let mut paste = false;
        raw.events.retain_mut(|event| {
            let egui::Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } = event
            else {
                return true;
            };
            let command = modifiers.command_only();
            // Windows' older shortcuts, as egui-winit maps them.
            let windows = cfg!(target_os = "windows");
            let (shift_only, ctrl_only) = (
                modifiers.shift && !modifiers.ctrl && !modifiers.alt,
                modifiers.ctrl && !modifiers.shift && !modifiers.alt,
            );
            match key {
                egui::Key::Insert if windows && ctrl_only => *event = egui::Event::Copy,
                egui::Key::Delete if windows && shift_only => *event = egui::Event::Cut,
                egui::Key::Insert if windows && shift_only => {
                    paste = true;
                    return false;
                }
                egui::Key::C if command => *event = egui::Event::Copy,
                egui::Key::Copy => *event = egui::Event::Copy,
                egui::Key::X if command => *event = egui::Event::Cut,
                egui::Key::Cut => *event = egui::Event::Cut,
                egui::Key::V if command => {
                    paste = true;
                    return false;
                }
                egui::Key::Paste => {
                    paste = true;
                    return false;
                }
                _ => {}
            }
            true
        });
        raw.events
            .extend(self.pasted_text.drain(..).map(egui::Event::Paste));
        if paste {
            self.start_paste(ctx);
        }
    }

    fn start_paste(&mut self, ctx: &egui::Context) {
        if self.jobs.paste.as_ref().is_some_and(Job::is_running) {
            return;
        }
        let want_picture = self.logic.state.photo_changes_allowed()
            && matches!(self.logic.state.profile, ProfileState::Loaded(_));
        let work = jobs::read_clipboard(self.logic.state.current_lookup, want_picture);
        self.jobs.paste = Some(Job::spawn(ctx, work));
    }

    pub(super) fn finish_paste(&mut self, ctx: &egui::Context, outcome: PasteOutcome) {
        let (lookup_id, want_picture, read) = outcome;
        let picture = match read {
            Ok(Pasted::Text(text)) => {
                self.pasted_text.push(text.replace("\r\n", "\n"));
                ctx.request_repaint();
                return;
            }
            Ok(Pasted::Nothing) => {
                tracing::info!("Ctrl+V found nothing to paste");
                self.toast(
                    ctx,
                    &self.logic.state.texts.msg_text(NOTHING_TO_PASTE),
                    Duration::from_secs(3),
                );
                return;
            }
            Err(error) => {
                tracing::info!(%error, "the clipboard could not be read");
                self.toast(ctx, &error.to_string(), Duration::from_secs(4));
                return;
            }
            Ok(Pasted::Encoded(bytes)) => PictureInput::Encoded(Arc::new(bytes)),
            Ok(Pasted::Pixels {
                width,
                height,
                rgba,
            }) => {
                if rgba.len() != width * height * 4 {
                    self.toast(
                        ctx,
                        &self.logic.state.texts.msg_text(NOTHING_TO_PASTE),
                        Duration::from_secs(3),
                    );
                    return;
                }
                let image = egui::ColorImage::from_rgba_unmultiplied([width, height], &rgba);
                PictureInput::Pasted(Arc::new(image))
            }
        };
        // A picture goes only to the customer who was on screen at Ctrl+V.
        if !want_picture || lookup_id != self.logic.state.current_lookup {
            tracing::info!("a pasted picture arrived for no customer on screen; dropped");
            return;
        }
        self.send(ctx, Msg::ReadPicture(PhotoSource::Pasted, picture));
    }
}
