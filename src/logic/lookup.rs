//! Looking customers up: the candidates of one scan, the choice between
//! customers, then the photo (cache and textures), loyalty and purchases
//! jobs of the customer shown. Every job is tagged with the lookup it
//! answers; a result for any other lookup is dropped, so the photo and
//! panels on screen always belong to the name on screen.

use super::photo_cache::PhotoKey;
use super::resolve::{Resolution, resolve};
use super::{
    Effect, JobGroup, Logic, LookupTicket, PanelAnswer, PhotoLoadError, PhotoTicket, Work,
};
use crate::capillary::{ApiError, Customer, ErrorKind, IdentifierKind, Lookup, PhotoState};
use crate::state::{
    Choice, ENLARGED_FACTOR, LoadedProfile, Match, PHOTO_FRAME_POINTS, Panel, PanelKind, PhotoSlot,
    ProfileState, ProfileView, RecentLookup, ShownPixels,
};

impl Logic {
    /// Drops the lookup and photo in flight and moves on to a new lookup
    /// id, so that nothing they would have answered is ever shown. Returns
    /// the new id.
    pub(super) fn supersede_lookup(&mut self, fx: &mut Vec<Effect>) -> u64 {
        fx.push(Effect::Cancel(JobGroup::Lookup));
        // The name suggestions were for the text the lookup replaces.
        fx.push(Effect::Cancel(JobGroup::Search));
        self.state.search.clear();
        self.state.search.notice = None;
        self.state.not_found = None;
        self.state.enrolled_note = None;
        self.state.focus_take_photo = false;
        self.state.current_lookup += 1;
        self.state.lookup.request_focus = true;
        self.state.current_lookup
    }

    /// Ends the lookup in flight (or a failed one) with a message.
    pub(super) fn fail_lookup(&mut self, message: String, fx: &mut Vec<Effect>) {
        self.supersede_lookup(fx);
        self.state.profile = ProfileState::Failed { message };
    }

    /// Looks up what is in the lookup box: as the type picked in the
    /// selector, or (the default) as every type it could be, at once.
    pub(super) fn start_lookup_from_form(&mut self, fx: &mut Vec<Effect>) {
        let form = &self.state.lookup;
        let candidates = match form.kind {
            Some(kind) => Lookup::new(kind, &form.input).map(|lookup| vec![lookup]),
            None => Lookup::candidates(&form.input, &self.state.settings.country_code),
        };
        match candidates {
            Ok(candidates) => {
                // Ready for the next scan at once: a scanner may fire again
                // before this answer arrives.
                self.state.lookup.input.clear();
                self.start_lookup(candidates, fx);
            }
            Err(e) => {
                // The text stays, selected: the message refers to it, and
                // the next scan replaces it.
                let words = e.words(&self.state.texts);
                self.fail_lookup(words, fx);
                self.state.lookup.select_all = true;
            }
        }
    }

    /// Starts a lookup of these candidates, superseding any in flight.
    pub(super) fn start_lookup(&mut self, candidates: Vec<Lookup>, fx: &mut Vec<Effect>) {
        if self.state.session.is_none() || self.link.is_none() || candidates.is_empty() {
            return;
        }
        let lookup_id = self.supersede_lookup(fx);
        self.state.photo_enlarged = false;
        tracing::debug!(lookup_id, kinds = ?candidates.iter().map(|c| c.kind).collect::<Vec<_>>(), "lookup started");
        self.warm.used_api(self.clock.now());
        let shown = candidates[0].clone();
        let ticket = LookupTicket {
            lookup_id,
            candidates,
        };
        fx.push(Effect::Start(Work::LookUp(ticket)));
        self.state.profile = ProfileState::Loading { lookup: shown };
    }

    pub(super) fn finish_lookup(
        &mut self,
        lookup_id: u64,
        answers: Vec<(Lookup, Result<Customer, ApiError>)>,
        fx: &mut Vec<Effect>,
    ) {
        self.state.lookup.request_focus = true;
        let refused = answers
            .iter()
            .any(|(_, answer)| matches!(answer, Err(e) if e.kind == ErrorKind::Unauthorized));
        if refused && matches!(self.state.login.scheme, crate::config::AuthScheme::Till) {
            tracing::info!(lookup_id, "lookup refused: signed out");
            self.end_session(Some(crate::state::LoginProblem::SessionRefused), fx);
            return;
        }
        let tried: Vec<IdentifierKind> = answers.iter().map(|(l, _)| l.kind).collect();
        let typed = answers
            .first()
            .map(|(l, _)| l.value.clone())
            .unwrap_or_default();
        match resolve(answers) {
            Resolution::Found {
                customer,
                found_by,
                failed,
            } => {
                tracing::info!(
                    lookup_id,
                    customer_id = customer.customer_id(),
                    kind = ?found_by.kind,
                    "customer shown"
                );
                // A success clears the status bar's failed request id
                // (it stays in the log), unless another candidate of this
                // very scan failed.
                self.state.last_failed_request_id = failed
                    .first()
                    .and_then(|(_, error)| error.request_id.clone());
                let t = &self.state.texts;
                let other_failures = failed
                    .iter()
                    .map(|(lookup, error)| {
                        let (kind, error) = (lookup.kind.noun_in(t), error.kind.words(t));
                        crate::tr_text!(t, "other-failure", kind = kind, error = error)
                    })
                    .collect();
                self.show_customer(lookup_id, *customer, Some(found_by), other_failures, fx);
            }
            Resolution::Choose(matches) => {
                tracing::info!(
                    lookup_id,
                    matches = matches.len(),
                    "several customers matched"
                );
                self.state.last_failed_request_id = None;
                let matches = matches
                    .into_iter()
                    .enumerate()
                    .map(|(index, (customer, found_by))| {
                        let photo = self.start_photo(lookup_id, &customer, Some(index), fx);
                        Match {
                            customer,
                            found_by,
                            photo,
                        }
                    })
                    .collect();
                self.state.profile = ProfileState::Choosing(Choice {
                    matches,
                    selected: 0,
                    lookup_id,
                });
            }
            Resolution::NotFound(error) => {
                tracing::info!(
                    lookup_id,
                    request_id = error.request_id.as_deref(),
                    "no customer found"
                );
                self.state.last_failed_request_id = error.request_id.clone();
                let t = &self.state.texts;
                let value = typed.as_str();
                let mut message = match tried.as_slice() {
                    [only] => {
                        let (kind, error) = (only.name_in(t), error.kind.words(t));
                        crate::tr_text!(
                            t,
                            "lookup-failed-as",
                            kind = kind,
                            value = value,
                            error = error
                        )
                    }
                    several => {
                        let separator = crate::tr_text!(t, "list-separator");
                        let nouns: Vec<String> = several.iter().map(|k| k.noun_in(t)).collect();
                        let kinds = nouns.join(&separator);
                        crate::tr_text!(t, "not-found-tried", value = value, kinds = kinds)
                    }
                };
                if crate::capillary::NameQuery::parse(&typed).is_some()
                    && !self.state.search.unavailable
                {
                    message.push(' ');
                    message.push_str(&crate::tr_text!(t, "not-found-name-hint"));
                }
                self.state.profile = ProfileState::Failed { message };
                self.state.not_found = Some(typed);
            }
            Resolution::Failed(lookup, error) => {
                tracing::info!(
                    lookup_id,
                    error = %error.kind,
                    request_id = error.request_id.as_deref(),
                    "lookup failed"
                );
                self.state.last_failed_request_id = error.request_id.clone();
                let t = &self.state.texts;
                let (kind, value) = (lookup.kind.name_in(t), lookup.value.as_str());
                let error = error.words_with_request_id(t);
                let message = crate::tr_text!(
                    t,
                    "lookup-failed-as",
                    kind = kind,
                    value = value,
                    error = error
                );
                self.state.profile = ProfileState::Failed { message };
            }
        }
    }

    /// Opens match `index` of the choice on screen.
    pub(super) fn choose(&mut self, index: usize, fx: &mut Vec<Effect>) {
        let ProfileState::Choosing(choice) = &mut self.state.profile else {
            return;
        };
        if index >= choice.matches.len() {
            return;
        }
        let lookup_id = choice.lookup_id;
        let chosen = choice.matches.swap_remove(index);
        // The others' photos are no longer wanted.
        fx.push(Effect::Cancel(JobGroup::Photos));
        tracing::info!(
            lookup_id,
            customer_id = chosen.customer.customer_id(),
            "match chosen"
        );
        self.show_customer(
            lookup_id,
            chosen.customer,
            Some(chosen.found_by),
            Vec::new(),
            fx,
        );
        self.state.lookup.request_focus = true;
    }

    pub(super) fn show_customer(
        &mut self,
        lookup_id: u64,
        customer: Customer,
        found_by: Option<Lookup>,
        other_failures: Vec<String>,
        fx: &mut Vec<Effect>,
    ) {
        self.remember_customer(&customer, found_by.as_ref());
        // The photo, the loyalty standing and the purchases all at once;
        // none waits for another, and the name is on screen meanwhile.
        let photo = self.start_photo(lookup_id, &customer, None, fx);
        let customer_id = customer.customer_id();
        self.state.profile = ProfileState::Loaded(Box::new(LoadedProfile {
            view: ProfileView::of(&customer, &self.state.texts),
            customer,
            photo,
            found_by,
            other_failures,
            loyalty: Panel::Loading,
            purchases: Panel::Loading,
            lookup_id,
        }));
        for kind in [PanelKind::Loyalty, PanelKind::Purchases] {
            self.start_panel(lookup_id, customer_id, kind, fx);
        }
    }

    /// Fetches a panel of the profile on screen (again, after a failure).
    pub(super) fn retry_panel(&mut self, kind: PanelKind, fx: &mut Vec<Effect>) {
        let ProfileState::Loaded(profile) = &mut self.state.profile else {
            return;
        };
        let (lookup_id, customer_id) = (profile.lookup_id, profile.customer.customer_id());
        self.start_panel(lookup_id, customer_id, kind, fx);
    }

    fn start_panel(
        &mut self,
        lookup_id: u64,
        customer_id: Option<i64>,
        kind: PanelKind,
        fx: &mut Vec<Effect>,
    ) {
        let ProfileState::Loaded(profile) = &mut self.state.profile else {
            return;
        };
        let Some(customer_id) = customer_id else {
            let unknown = "Not available: the answer has no customer ID.";
            match kind {
                PanelKind::Loyalty => profile.loyalty = Panel::Failed(unknown.to_owned()),
                PanelKind::Purchases => profile.purchases = Panel::Failed(unknown.to_owned()),
            }
            return;
        };
        match kind {
            PanelKind::Loyalty => profile.loyalty = Panel::Loading,
            PanelKind::Purchases => profile.purchases = Panel::Loading,
        }
        fx.push(Effect::Start(Work::Panel {
            lookup_id,
            customer_id,
            kind,
        }));
    }

    /// A panel's answer for the profile on screen (checked current).
    pub(super) fn finish_panel(&mut self, lookup_id: u64, answer: PanelAnswer) {
        let ProfileState::Loaded(profile) = &mut self.state.profile else {
            return;
        };
        match answer {
            PanelAnswer::Loyalty(result) => {
                if let Ok(programs) = &result {
                    tracing::debug!(lookup_id, programs = programs.len(), "loyalty shown");
                }
                profile.loyalty = panel(result, &self.state.texts);
            }
            PanelAnswer::Purchases(result) => {
                if let Ok(purchases) = &result {
                    tracing::debug!(lookup_id, purchases = purchases.len(), "purchases shown");
                }
                profile.purchases = panel(result, &self.state.texts);
            }
        }
    }

    /// Puts the customer at the top of the recent list. Reopened by
    /// customer ID: one entry per customer, however they were found, and a
    /// fresh photo URL each time.
    fn remember_customer(&mut self, customer: &Customer, found_by: Option<&Lookup>) {
        let reopen = customer
            .customer_id()
            .and_then(|id| Lookup::new(IdentifierKind::CustomerId, &id.to_string()).ok())
            .or_else(|| found_by.cloned());
        let Some(reopen) = reopen else {
            return;
        };
        let label = customer
            .display_name()
            .unwrap_or_else(|| reopen.value.clone());
        self.state.remember(RecentLookup {
            lookup: reopen,
            label,
        });
    }

    /// The customer's photo from the cache, else a download started in the
    /// background.
    fn start_photo(
        &mut self,
        lookup_id: u64,
        customer: &Customer,
        match_index: Option<usize>,
        fx: &mut Vec<Effect>,
    ) -> PhotoSlot {
        match customer.photo() {
            PhotoState::Available(_) => {}
            PhotoState::Unavailable(reason) => {
                let message = reason.to_string();
                return PhotoSlot::Failed(crate::tr_text!(
                    self.state.texts,
                    "error-photo-unavailable",
                    message = message
                ));
            }
            PhotoState::None | PhotoState::NotEmbedded => return PhotoSlot::Absent,
        }
        let frame_px = photo_frame_px(self.pixels_per_point);
        let cache_key = photo_key(customer, frame_px);
        if let Some(image) = cache_key.as_ref().and_then(|k| self.photo_cache.get(k)) {
            return PhotoSlot::Shown(ShownPixels::photo(image));
        }
        if let Some(url) = customer.photo_entry().and_then(|e| e.url()) {
            self.warm.used_photo(url.origin(), self.clock.now());
        }
        let ticket = PhotoTicket {
            lookup_id,
            cache_key,
            match_index,
        };
        fx.push(Effect::Start(Work::Photo {
            ticket,
            customer: Box::new(customer.clone()),
            frame_px,
        }));
        PhotoSlot::Loading
    }

    /// A photo for the profile or a match on screen (checked current).
    pub(super) fn finish_photo(
        &mut self,
        ticket: PhotoTicket,
        result: Result<egui::ColorImage, PhotoLoadError>,
    ) {
        let arrived = self.photo_arrived(ticket.cache_key, result);
        let slot = match (&mut self.state.profile, ticket.match_index) {
            (ProfileState::Loaded(profile), None) => &mut profile.photo,
            (ProfileState::Choosing(choice), Some(index)) => match choice.matches.get_mut(index) {
                Some(found) => &mut found.photo,
                None => return,
            },
            _ => return,
        };
        *slot = arrived;
    }
}

/// A panel's answer, or its failure in words with the request id.
fn panel<T>(result: Result<T, crate::capillary::ApiError>, t: &crate::i18n::Texts) -> Panel<T> {
    match result {
        Ok(value) => Panel::Ready(value),
        Err(error) => {
            tracing::info!(error = %error.kind, "profile panel failed");
            Panel::Failed(error.words_with_request_id(t))
        }
    }
}

/// The square, in pixels, photos are prepared for: the enlarged view at
/// the screen's pixels per point (the profile frame draws it smaller).
pub fn photo_frame_px(pixels_per_point: f32) -> u32 {
    (PHOTO_FRAME_POINTS * ENLARGED_FACTOR * pixels_per_point).ceil() as u32
}

/// Where the customer's current photo, prepared for `frame_px`, is kept
/// in the photo cache; `None` without a customer ID or stored file.
pub fn photo_key(customer: &Customer, frame_px: u32) -> Option<PhotoKey> {
    customer
        .customer_id()
        .zip(customer.photo_entry().and_then(|e| e.cache_key()))
        .map(|(customer_id, file)| PhotoKey {
            customer_id,
            file,
            frame_px,
        })
}
