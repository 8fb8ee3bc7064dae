//! Finding a customer by name: the search after a pause in typing, then
//! each suggestion's record (masked mobile) and thumbnail, concurrently.
//! What is current is decided by [`crate::state::NameSearch`]; this file
//! starts the jobs, applies their results and opens the chosen customer.
//! Nothing typed is logged: only its length and the counts.

use super::App;
use super::jobs::{self, Job, RecordOutcome, SearchOutcome, SuggestionTicket, ThumbnailOutcome};
use crate::capillary::{ErrorKind, IdentifierKind, Lookup, PhotoState};
use crate::logic::{Msg, photo_key};
use crate::state::{PhotoSlot, ShownPixels, SuggestionIntent};
use std::sync::Arc;

/// The thumbnail's side in points (the list draws it at this size).
pub const THUMBNAIL_POINTS: f32 = 44.0;

/// The square, in pixels, a thumbnail is decoded for.
pub fn thumbnail_px(pixels_per_point: f32) -> u32 {
    (THUMBNAIL_POINTS * pixels_per_point).ceil() as u32
}

impl App {
    /// The lookup box changed: what was asked for older text is dropped,
    /// and the app wakes when the typing pause ends.
    pub(super) fn typed(&mut self, ctx: &egui::Context) {
        let now = self.logic.clock.now();
        if self
            .logic
            .state
            .search
            .text_changed(&self.logic.state.lookup.input, now)
        {
            self.jobs.cancel_search();
        }
        if let Some(at) = self.logic.state.search.wake_at() {
            ctx.request_repaint_after(at.saturating_duration_since(now));
        }
    }

    /// Sends the search whose typing pause is over (from [`App::tick`]).
    pub(super) fn start_due_search(&mut self, ctx: &egui::Context) {
        let now = self.logic.clock.now();
        let Some(request) = self.logic.state.search.due(now) else {
            if let Some(at) = self.logic.state.search.wake_at() {
                ctx.request_repaint_after(at.saturating_duration_since(now));
            }
            return;
        };
        let Some(client) = &self.client else {
            return;
        };
        tracing::debug!(
            search_id = request.search_id,
            chars = request.query.as_str().chars().count(),
            "name search sent"
        );
        self.logic.warm.used_api(now);
        let work = jobs::search_names(client.clone(), request);
        self.jobs.cancel_search();
        self.jobs.search = Some(Job::spawn(ctx, work));
    }

    pub(super) fn finish_search(&mut self, ctx: &egui::Context, (request, answer): SearchOutcome) {
        let search_id = request.search_id;
        match &answer {
            Ok((hits, total)) => {
                tracing::info!(search_id, found = hits.len(), total, "name search answered");
            }
            Err(error) if error.kind == ErrorKind::SearchUnavailable => tracing::info!(
                search_id,
                request_id = error.request_id.as_deref(),
                "name search is not available for this org; not asked again this session"
            ),
            Err(error) => tracing::info!(
                search_id,
                error = %error.kind,
                request_id = error.request_id.as_deref(),
                "name search failed"
            ),
        }
        let Some(client) = &self.client else {
            return;
        };
        for (index, customer_id) in self.logic.state.search.answered(request, answer) {
            let ticket = SuggestionTicket {
                search_id,
                index,
                customer_id,
            };
            let work = jobs::suggestion_record(client.clone(), ticket);
            self.jobs.suggestion_records.push(Job::spawn(ctx, work));
        }
    }

    /// A suggestion's record: its masked mobile, then its thumbnail from
    /// the photo cache or a download.
    pub(super) fn finish_suggestion_record(
        &mut self,
        ctx: &egui::Context,
        (ticket, answer): RecordOutcome,
    ) {
        let customer = match answer {
            Ok(customer) => customer,
            Err(error) => {
                tracing::info!(error = %error.kind, "a suggestion's record could not be loaded");
                if let Some(suggestion) = self.logic.state.search.suggestion_mut(
                    ticket.search_id,
                    ticket.index,
                    ticket.customer_id,
                ) {
                    suggestion.photo =
                        PhotoSlot::Failed(error.words_with_request_id(&self.logic.state.texts));
                }
                return;
            }
        };
        let photo = match customer.photo() {
            PhotoState::Available(_) => None,
            PhotoState::Unavailable(reason) => Some(PhotoSlot::Failed(reason)),
            PhotoState::None | PhotoState::NotEmbedded => Some(PhotoSlot::Absent),
        };
        let frame_px = thumbnail_px(ctx.pixels_per_point());
        let cache_key = photo_key(&customer, frame_px);
        let cached = cache_key
            .as_ref()
            .and_then(|k| self.logic.photo_cache.get(k));
        let photo = match (photo, cached) {
            (Some(slot), _) => slot,
            (None, Some(image)) => PhotoSlot::Shown(ShownPixels::photo(image)),
            (None, None) => {
                let Some(client) = &self.client else {
                    return;
                };
                let thumbnail = jobs::ThumbnailTicket {
                    suggestion: ticket,
                    cache_key,
                };
                let work = jobs::load_photo(client.clone(), customer.clone(), frame_px, thumbnail);
                self.jobs.thumbnails.push(Job::spawn(ctx, work));
                PhotoSlot::Loading
            }
        };
        let search = &mut self.logic.state.search;
        if search.record_arrived(ticket.search_id, ticket.index, ticket.customer_id, customer)
            && let Some(suggestion) =
                search.suggestion_mut(ticket.search_id, ticket.index, ticket.customer_id)
        {
            suggestion.photo = photo;
        }
    }

    pub(super) fn finish_thumbnail(&mut self, (ticket, result): ThumbnailOutcome) {
        let SuggestionTicket {
            search_id,
            index,
            customer_id,
        } = ticket.suggestion;
        if self
            .logic
            .state
            .search
            .suggestion_mut(search_id, index, customer_id)
            .is_none()
        {
            return; // another search's, or another customer's: never shown
        }
        let slot = match result {
            Ok(image) => {
                let image = Arc::new(image);
                if let Some(key) = ticket.cache_key {
                    self.logic.photo_cache.insert(key, image.clone());
                }
                PhotoSlot::Shown(ShownPixels::photo(image))
            }
            Err(reason) => PhotoSlot::Failed(reason.words(&self.logic.state.texts)),
        };
        if let Some(suggestion) =
            self.logic
                .state
                .search
                .suggestion_mut(search_id, index, customer_id)
        {
            suggestion.photo = slot;
        }
    }

    pub(super) fn suggestion_intent(&mut self, ctx: &egui::Context, intent: SuggestionIntent) {
        match intent {
            SuggestionIntent::Next => self.logic.state.search.select_next(),
            SuggestionIntent::Previous => self.logic.state.search.select_previous(),
            SuggestionIntent::Close => {
                self.logic.state.search.close();
                self.jobs.cancel_search();
                self.logic.state.lookup.request_focus = true;
            }
            SuggestionIntent::Open(index) => self.open_suggestion(ctx, index),
        }
    }

    /// Opens a suggested customer as a lookup would: the record fetched
    /// for the thumbnail is shown at once (photo, loyalty and purchases
    /// follow as usual); without it, the customer is looked up by ID.
    fn open_suggestion(&mut self, ctx: &egui::Context, index: usize) {
        let Some(suggestion) = self.logic.state.search.suggestions.get(index) else {
            return;
        };
        let customer_id = suggestion.customer_id;
        let record = suggestion.customer.clone();
        tracing::info!(customer_id, "suggestion opened");
        self.logic.state.lookup.input.clear();
        match record {
            Some(customer) => self.send(ctx, Msg::Show(customer)),
            None => {
                if let Ok(lookup) =
                    Lookup::new(IdentifierKind::CustomerId, &customer_id.to_string())
                {
                    self.send(ctx, Msg::LookUp(vec![lookup]));
                }
            }
        }
    }
}
