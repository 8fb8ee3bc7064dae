//! Looking customers up: the lookup job, the photo job, the photo cache and
//! textures. Every job is tagged with the lookup it answers; a result for
//! any other lookup is dropped, so the photo on screen always belongs to
//! the name on screen.

use super::App;
use super::jobs::{self, Job, LookupOutcome, LookupTicket, PhotoOutcome, PhotoTicket};
use super::photo_cache::PhotoKey;
use crate::capillary::{Customer, IdentifierKind, Lookup, PhotoState};
use crate::state::{
    ENLARGED_FACTOR, LoadedProfile, PHOTO_FRAME_POINTS, PhotoSlot, ProfileState, RecentLookup,
};
use std::sync::Arc;

impl App {
    /// Drops the lookup and photo in flight and moves on to a new lookup
    /// id, so that nothing they would have answered is ever shown. Returns
    /// the new id.
    pub(super) fn supersede_lookup(&mut self) -> u64 {
        self.jobs.cancel_lookup();
        self.state.current_lookup += 1;
        self.state.lookup.request_focus = true;
        self.state.current_lookup
    }

    /// Ends the lookup in flight (or a failed one) with a message.
    pub(super) fn fail_lookup(&mut self, message: String) {
        self.supersede_lookup();
        self.state.profile = ProfileState::Failed { message };
    }

    pub(super) fn start_lookup_from_form(&mut self, ctx: &egui::Context) {
        let form = &self.state.lookup;
        match Lookup::guess(form.kind, form.kind_explicit, &form.input) {
            Ok(lookup) => {
                if !self.state.lookup.kind_explicit && lookup.kind != self.state.lookup.kind {
                    // An @ made it an email; show that in the selector.
                    self.state.lookup.kind = lookup.kind;
                }
                self.state.settings.identifier_kind = self.state.lookup.kind;
                // Ready for the next scan at once: a scanner may fire again
                // before this answer arrives.
                self.state.lookup.input.clear();
                self.start_lookup(ctx, lookup);
            }
            Err(e) => self.fail_lookup(e.to_string()),
        }
    }

    /// Starts a lookup, superseding any in flight.
    pub(super) fn start_lookup(&mut self, ctx: &egui::Context, lookup: Lookup) {
        if self.state.session.is_none() {
            return;
        }
        let lookup_id = self.supersede_lookup();
        self.state.photo_enlarged = false;
        let Some(session) = &self.state.session else {
            return;
        };
        tracing::debug!(lookup_id, kind = ?lookup.kind, "lookup started");
        let ticket = LookupTicket {
            lookup_id,
            lookup: lookup.clone(),
        };
        let work = jobs::look_up(session.client.clone(), ticket);
        self.jobs.lookup = Some(Job::spawn(ctx, work));
        self.state.profile = ProfileState::Loading { lookup };
    }

    pub(super) fn finish_lookup(&mut self, ctx: &egui::Context, (ticket, result): LookupOutcome) {
        let LookupTicket { lookup_id, lookup } = ticket;
        if lookup_id != self.state.current_lookup {
            return; // superseded: never shown
        }
        self.state.lookup.request_focus = true;
        match result {
            Ok(customer) => {
                tracing::info!(
                    lookup_id,
                    customer_id = customer.customer_id(),
                    "customer shown"
                );
                self.remember_customer(&customer, lookup);
                let photo = self.start_photo(ctx, lookup_id, &customer);
                self.state.profile = ProfileState::Loaded(Box::new(LoadedProfile {
                    customer,
                    photo,
                    lookup_id,
                }));
            }
            Err(error) => {
                tracing::info!(lookup_id, error = %error.kind, "lookup failed");
                if error.kind == crate::capillary::ErrorKind::Unauthorized
                    && matches!(self.state.login.scheme, crate::config::AuthScheme::Till)
                {
                    self.log_out();
                    self.state.login.error =
                        Some("Your sign-in was refused. Please log in again.".to_owned());
                    return;
                }
                self.state.last_failed_request_id = error.request_id.clone();
                let message = format!("{} {}: {error}", lookup.kind.label(), lookup.value);
                self.state.profile = ProfileState::Failed { message };
            }
        }
    }

    /// Puts the customer at the top of the recent list. Reopened by
    /// customer ID: one entry per customer, however they were found, and a
    /// fresh photo URL each time.
    fn remember_customer(&mut self, customer: &Customer, found_by: Lookup) {
        let label = customer
            .display_name()
            .unwrap_or_else(|| found_by.value.clone());
        let reopen = customer
            .customer_id()
            .and_then(|id| Lookup::new(IdentifierKind::CustomerId, &id.to_string()).ok())
            .unwrap_or(found_by);
        self.state.remember(RecentLookup {
            lookup: reopen,
            label,
        });
    }

    /// The customer's photo from the cache, else a download started in the
    /// background.
    fn start_photo(
        &mut self,
        ctx: &egui::Context,
        lookup_id: u64,
        customer: &Customer,
    ) -> PhotoSlot {
        match customer.photo() {
            PhotoState::Available(_) => {}
            PhotoState::Unavailable(reason) => {
                return PhotoSlot::Failed(format!("The photo is not available ({reason})."));
            }
            PhotoState::None | PhotoState::NotEmbedded => return PhotoSlot::Absent,
        }
        let frame_px = photo_frame_px(ctx.pixels_per_point());
        let cache_key = customer
            .customer_id()
            .zip(customer.photo_entry().and_then(|e| e.cache_key()))
            .map(|(customer_id, file)| PhotoKey {
                customer_id,
                file,
                frame_px,
            });
        if let Some(image) = cache_key.as_ref().and_then(|k| self.photo_cache.get(k)) {
            return PhotoSlot::Shown(load_photo_texture(ctx, lookup_id, image));
        }
        let Some(session) = &self.state.session else {
            return PhotoSlot::Absent;
        };
        let ticket = PhotoTicket {
            lookup_id,
            cache_key,
        };
        let work = jobs::load_photo(session.client.clone(), customer.clone(), frame_px, ticket);
        self.jobs.photo = Some(Job::spawn(ctx, work));
        PhotoSlot::Loading
    }

    pub(super) fn finish_photo(&mut self, ctx: &egui::Context, (ticket, result): PhotoOutcome) {
        let ProfileState::Loaded(profile) = &mut self.state.profile else {
            return;
        };
        let lookup_id = ticket.lookup_id;
        if profile.lookup_id != lookup_id || lookup_id != self.state.current_lookup {
            return; // the photo of another customer: never shown
        }
        profile.photo = match result {
            Ok(image) => {
                let image = Arc::new(image);
                if let Some(key) = ticket.cache_key {
                    self.photo_cache.insert(key, image.clone());
                }
                PhotoSlot::Shown(load_photo_texture(ctx, lookup_id, image))
            }
            Err(reason) => PhotoSlot::Failed(reason.to_string()),
        };
    }
}

/// The square, in pixels, photos are prepared for: the enlarged view at
/// the screen's pixels per point (the profile frame draws it smaller).
pub fn photo_frame_px(pixels_per_point: f32) -> u32 {
    (PHOTO_FRAME_POINTS * ENLARGED_FACTOR * pixels_per_point).ceil() as u32
}

/// Uploads a prepared photo, sharing the cache's pixels rather than
/// copying them on the UI thread. Mipmaps keep it smooth when the texture
/// (sized for the enlarged view) is drawn smaller in the profile frame.
fn load_photo_texture(
    ctx: &egui::Context,
    lookup_id: u64,
    image: Arc<egui::ColorImage>,
) -> egui::TextureHandle {
    let options = egui::TextureOptions {
        mipmap_mode: Some(egui::TextureFilter::Linear),
        ..egui::TextureOptions::LINEAR
    };
    ctx.load_texture(
        format!("customer-photo-{lookup_id}"),
        egui::ImageData::Color(image),
        options,
    )
}
