//! Finding a customer by name: the search after a pause in typing, then
//! each suggestion's record (masked mobile) and thumbnail, concurrently.
//! What is current is decided by [`crate::state::NameSearch`]; this file
//! starts the jobs, applies their results and opens the chosen customer.
//! Nothing typed is logged: only its length and the counts.

use super::{Effect, JobGroup, Logic, PhotoKey, PhotoLoadError, Work, photo_key};
use crate::capillary::{
    ApiError, Customer, ErrorKind, IdentifierKind, Lookup, PhotoState, SearchHit,
};
use crate::state::{PhotoSlot, SearchRequest, ShownPixels, SuggestionIntent};

/// Which suggestion of which search a record or thumbnail is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SuggestionTicket {
    pub search_id: u64,
    pub index: usize,
    pub customer_id: i64,
}

/// Where a suggestion's thumbnail goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThumbnailTicket {
    pub suggestion: SuggestionTicket,
    pub cache_key: Option<PhotoKey>,
}

/// The name search's answers, with what they were asked for.
#[derive(Debug)]
pub enum SearchFinished {
    /// The customers found and how many matched in all.
    Searched {
        request: SearchRequest,
        answer: Result<(Vec<SearchHit>, Option<u64>), ApiError>,
    },
    /// A suggestion's record, with the photo link and the mobile.
    Record {
        ticket: SuggestionTicket,
        answer: Result<Box<Customer>, ApiError>,
    },
    Thumbnail {
        ticket: ThumbnailTicket,
        result: Result<egui::ColorImage, PhotoLoadError>,
    },
}

/// The thumbnail's side in points (the list draws it at this size).
pub const THUMBNAIL_POINTS: f32 = 44.0;

/// The square, in pixels, a thumbnail is decoded for.
pub fn thumbnail_px(pixels_per_point: f32) -> u32 {
    (THUMBNAIL_POINTS * pixels_per_point).ceil() as u32
}

impl Logic {
    /// Whether an answer is for the text in the box now, and (a record or
    /// thumbnail) still the same customer at that place in the list.
    pub(super) fn search_current(&self, finished: &SearchFinished) -> bool {
        let search = &self.state.search;
        let suggestion = match finished {
            SearchFinished::Searched { request, .. } => {
                return search.is_current(request.search_id);
            }
            SearchFinished::Record { ticket, .. } => *ticket,
            SearchFinished::Thumbnail { ticket, .. } => ticket.suggestion,
        };
        search.is_current(suggestion.search_id)
            && search
                .suggestions
                .get(suggestion.index)
                .is_some_and(|s| s.customer_id == suggestion.customer_id)
    }

    /// Applies a current answer (see [`Logic::search_current`]).
    pub(super) fn search_finished(&mut self, finished: SearchFinished, fx: &mut Vec<Effect>) {
        match finished {
            SearchFinished::Searched { request, answer } => self.finish_search(request, answer, fx),
            SearchFinished::Record { ticket, answer } => {
                self.finish_suggestion_record(ticket, answer, fx);
            }
            SearchFinished::Thumbnail { ticket, result } => self.finish_thumbnail(ticket, result),
        }
    }

    /// The lookup box changed: what was asked for older text is dropped,
    /// and the app wakes when the typing pause ends.
    pub(super) fn typed(&mut self, fx: &mut Vec<Effect>) {
        let now = self.clock.now();
        if self
            .state
            .search
            .text_changed(&self.state.lookup.input, now)
        {
            fx.push(Effect::Cancel(JobGroup::Search));
        }
        if let Some(at) = self.state.search.wake_at() {
            fx.push(Effect::WakeAfter(at.saturating_duration_since(now)));
        }
    }

    /// Sends the search whose typing pause is over (on every tick).
    pub(super) fn start_due_search(&mut self, fx: &mut Vec<Effect>) {
        let now = self.clock.now();
        let Some(request) = self.state.search.due(now) else {
            if let Some(at) = self.state.search.wake_at() {
                fx.push(Effect::WakeAfter(at.saturating_duration_since(now)));
            }
            return;
        };
        if self.link.is_none() {
            return;
        }
        tracing::debug!(
            search_id = request.search_id,
            chars = request.query.as_str().chars().count(),
            "name search sent"
        );
        self.warm.used_api(now);
        fx.push(Effect::Cancel(JobGroup::Search));
        fx.push(Effect::Start(Work::Search(request)));
    }

    fn finish_search(
        &mut self,
        request: SearchRequest,
        answer: Result<(Vec<SearchHit>, Option<u64>), ApiError>,
        fx: &mut Vec<Effect>,
    ) {
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
        for (index, customer_id) in self.state.search.answered(request, answer) {
            let ticket = SuggestionTicket {
                search_id,
                index,
                customer_id,
            };
            fx.push(Effect::Start(Work::SuggestionRecord(ticket)));
        }
    }

    /// A suggestion's record: its masked mobile, then its thumbnail from
    /// the photo cache or a download.
    fn finish_suggestion_record(
        &mut self,
        ticket: SuggestionTicket,
        answer: Result<Box<Customer>, ApiError>,
        fx: &mut Vec<Effect>,
    ) {
        let customer = match answer {
            Ok(customer) => *customer,
            Err(error) => {
                tracing::info!(error = %error.kind, "a suggestion's record could not be loaded");
                if let Some(suggestion) = self.state.search.suggestion_mut(
                    ticket.search_id,
                    ticket.index,
                    ticket.customer_id,
                ) {
                    suggestion.photo =
                        PhotoSlot::Failed(error.words_with_request_id(&self.state.texts));
                }
                return;
            }
        };
        let photo = match customer.photo() {
            PhotoState::Available(_) => None,
            PhotoState::Unavailable(reason) => Some(PhotoSlot::Failed(reason)),
            PhotoState::None | PhotoState::NotEmbedded => Some(PhotoSlot::Absent),
        };
        let frame_px = thumbnail_px(self.pixels_per_point);
        let cache_key = photo_key(&customer, frame_px);
        let cached = cache_key.as_ref().and_then(|k| self.photo_cache.get(k));
        let photo = match (photo, cached) {
            (Some(slot), _) => slot,
            (None, Some(image)) => PhotoSlot::Shown(ShownPixels::photo(image)),
            (None, None) => {
                let thumbnail = ThumbnailTicket {
                    suggestion: ticket,
                    cache_key,
                };
                fx.push(Effect::Start(Work::Thumbnail {
                    ticket: thumbnail,
                    customer: Box::new(customer.clone()),
                    frame_px,
                }));
                PhotoSlot::Loading
            }
        };
        let search = &mut self.state.search;
        if search.record_arrived(ticket.search_id, ticket.index, ticket.customer_id, customer)
            && let Some(suggestion) =
                search.suggestion_mut(ticket.search_id, ticket.index, ticket.customer_id)
        {
            suggestion.photo = photo;
        }
    }

    fn finish_thumbnail(
        &mut self,
        ticket: ThumbnailTicket,
        result: Result<egui::ColorImage, PhotoLoadError>,
    ) {
        let SuggestionTicket {
            search_id,
            index,
            customer_id,
        } = ticket.suggestion;
        let slot = self.photo_arrived(ticket.cache_key, result);
        if let Some(suggestion) = self
            .state
            .search
            .suggestion_mut(search_id, index, customer_id)
        {
            suggestion.photo = slot;
        }
    }

    pub(super) fn suggestion_intent(&mut self, intent: SuggestionIntent, fx: &mut Vec<Effect>) {
        match intent {
            SuggestionIntent::Next => self.state.search.select_next(),
            SuggestionIntent::Previous => self.state.search.select_previous(),
            SuggestionIntent::Close => {
                self.state.search.close();
                fx.push(Effect::Cancel(JobGroup::Search));
                self.state.lookup.request_focus = true;
            }
            SuggestionIntent::Open(index) => self.open_suggestion(index, fx),
        }
    }

    /// Opens a suggested customer as a lookup would: the record fetched
    /// for the thumbnail is shown at once (photo, loyalty and purchases
    /// follow as usual); without it, the customer is looked up by ID.
    fn open_suggestion(&mut self, index: usize, fx: &mut Vec<Effect>) {
        let Some(suggestion) = self.state.search.suggestions.get(index) else {
            return;
        };
        let customer_id = suggestion.customer_id;
        let record = suggestion.customer.clone();
        tracing::info!(customer_id, "suggestion opened");
        self.state.lookup.input.clear();
        match record {
            Some(customer) => self.show_fetched(*customer, fx),
            None => {
                if let Ok(lookup) =
                    Lookup::new(IdentifierKind::CustomerId, &customer_id.to_string())
                {
                    self.start_lookup(vec![lookup], fx);
                }
            }
        }
    }
}
