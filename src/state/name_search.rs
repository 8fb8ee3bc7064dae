//! Suggestions while a name is typed in the one box: when to ask (a pause
//! in typing), which answer is current (the newest request wins), which
//! suggestion is highlighted, and what the org said about search.
//!
//! Plain data and time passed in, no egui context and no network: the app
//! turns what this decides into jobs, and its unit tests run without
//! either.

use super::PhotoSlot;
use crate::capillary::{ApiError, Customer, ErrorKind, NameQuery, SearchHit, mask_mobile};
use std::time::{Duration, Instant};

/// Typing must pause this long before a search is sent: one request per
/// pause, not per keystroke.
pub const TYPING_PAUSE: Duration = Duration::from_millis(250);
/// At most this many suggestions are shown (and asked for).
pub const MAX_SUGGESTIONS: usize = 8;

/// One customer suggested for the typed name.
#[derive(Debug)]
pub struct Suggestion {
    pub customer_id: i64,
    pub name: String,
    /// What matched, in words ("last name Sawyer").
    pub matched: Option<String>,
    /// "•••• 5544", once the customer's record has arrived.
    pub mobile: Option<String>,
    pub photo: PhotoSlot,
    /// The customer's record (fetched for the thumbnail): opening the
    /// suggestion shows it without asking again.
    pub customer: Option<Box<Customer>>,
}

/// Where the search of the typed name stands.
#[derive(Debug, Default, PartialEq)]
pub enum SearchStatus {
    #[default]
    Idle,
    /// Waiting for the typing pause, or for the answer.
    Searching,
    /// The last search failed (the UI says why); the next pause tries
    /// again.
    Failed(ApiError),
}

/// A search to send: its id (answers to older ids are dropped) and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    pub search_id: u64,
    pub query: NameQuery,
}

/// The suggestions of the one box.
#[derive(Debug, Default)]
pub struct NameSearch {
    /// The name waiting for the typing pause to end, and when it ends.
    pending: Option<(NameQuery, Instant)>,
    /// Increases whenever the text changes: an answer (or thumbnail) for
    /// an older id is never shown.
    search_id: u64,
    pub status: SearchStatus,
    /// The name the suggestions answer.
    pub answered: Option<NameQuery>,
    pub suggestions: Vec<Suggestion>,
    /// How many customers matched in all (more than are shown).
    pub total: Option<u64>,
    /// The highlighted suggestion; `None` until the first ↓.
    pub selected: Option<usize>,
    /// Esc closed the list; typing opens it again.
    closed: bool,
    /// The org has no customer search: never asked again this session.
    pub unavailable: bool,
    /// Said once, when search turned out to be unavailable; gone with the
    /// next lookup.
    pub notice: Option<ErrorKind>,
}

impl NameSearch {
    /// The lookup box now holds `text`. Returns true when what was asked
    /// or shown before no longer applies (the app drops those jobs).
    pub fn text_changed(&mut self, text: &str, now: Instant) -> bool {
        let query = NameQuery::parse(text).filter(|_| !self.unavailable);
        let Some(query) = query else {
            let had_any = self.pending.is_some()
                || !self.suggestions.is_empty()
                || self.status == SearchStatus::Searching;
            self.clear();
            return had_any;
        };
        let same_as_before = self.pending.as_ref().map(|(q, _)| q) == Some(&query)
            || (self.pending.is_none() && self.answered.as_ref() == Some(&query));
        if same_as_before {
            return false; // a space typed at the end asks nothing new
        }
        self.search_id += 1;
        self.pending = Some((query, now + TYPING_PAUSE));
        self.status = SearchStatus::Searching;
        self.selected = None;
        self.closed = false;
        true
    }

    /// When the typing pause ends, if a search waits for it.
    pub fn wake_at(&self) -> Option<Instant> {
        self.pending.as_ref().map(|(_, at)| *at)
    }

    /// The search to send now that the pause is over, once.
    pub fn due(&mut self, now: Instant) -> Option<SearchRequest> {
        let (_, at) = self.pending.as_ref()?;
        if *at > now {
            return None;
        }
        let (query, _) = self.pending.take()?;
        Some(SearchRequest {
            search_id: self.search_id,
            query,
        })
    }

    /// Whether an answer, detail or thumbnail for `search_id` is current.
    pub fn is_current(&self, search_id: u64) -> bool {
        search_id == self.search_id && self.pending.is_none()
    }

    /// Applies the answer to search `search_id`. Returns the suggestions
    /// (index and customer ID) whose records and thumbnails to fetch;
    /// nothing for a superseded search.
    pub fn answered(
        &mut self,
        request: SearchRequest,
        answer: Result<(Vec<SearchHit>, Option<u64>), ApiError>,
    ) -> Vec<(usize, i64)> {
        if !self.is_current(request.search_id) {
            return Vec::new();
        }
        match answer {
            Ok((hits, total)) => {
                self.status = SearchStatus::Idle;
                self.answered = Some(request.query);
                self.total = total;
                self.selected = None;
                self.suggestions = hits
                    .into_iter()
                    .filter_map(|hit| {
                        let customer_id = hit.user_id?;
                        Some(Suggestion {
                            customer_id,
                            // Empty when the record has no name; the UI says "(no name)".
                            name: hit.name().unwrap_or_default(),
                            matched: hit.matched(),
                            mobile: None,
                            photo: PhotoSlot::Loading,
                            customer: None,
                        })
                    })
                    .take(MAX_SUGGESTIONS)
                    .collect();
                self.suggestions
                    .iter()
                    .enumerate()
                    .map(|(index, s)| (index, s.customer_id))
                    .collect()
            }
            Err(error) if error.kind == ErrorKind::SearchUnavailable => {
                self.clear();
                self.unavailable = true;
                self.notice = Some(error.kind);
                Vec::new()
            }
            Err(error) => {
                self.suggestions.clear();
                self.selected = None;
                self.status = SearchStatus::Failed(error);
                Vec::new()
            }
        }
    }

    /// The suggestion `index` of search `search_id`, if it is still the
    /// same customer on screen (a late answer never lands on another).
    pub fn suggestion_mut(
        &mut self,
        search_id: u64,
        index: usize,
        customer_id: i64,
    ) -> Option<&mut Suggestion> {
        if !self.is_current(search_id) {
            return None;
        }
        self.suggestions
            .get_mut(index)
            .filter(|s| s.customer_id == customer_id)
    }

    /// The customer's record arrived for a suggestion: its masked mobile.
    pub fn record_arrived(
        &mut self,
        search_id: u64,
        index: usize,
        customer_id: i64,
        customer: Customer,
    ) -> bool {
        let Some(suggestion) = self.suggestion_mut(search_id, index, customer_id) else {
            return false;
        };
        suggestion.mobile = customer.identifier("mobile").map(mask_mobile);
        suggestion.customer = Some(Box::new(customer));
        true
    }

    /// Whether the list is showing.
    pub fn is_open(&self) -> bool {
        !self.closed && !self.suggestions.is_empty()
    }

    /// ↓: the first press highlights the first suggestion.
    pub fn select_next(&mut self) {
        if !self.is_open() {
            return;
        }
        self.selected = self.step(self.selected, true);
    }

    /// ↑: from the first suggestion back to the box (nothing highlighted).
    pub fn select_previous(&mut self) {
        self.selected = self.step(self.selected, false);
    }

    /// Where one ↓ (`down`) or ↑ moves the highlight from `selected`.
    fn step(&self, selected: Option<usize>, down: bool) -> Option<usize> {
        if down {
            let last = self.suggestions.len().checked_sub(1)?;
            Some(selected.map_or(0, |i| (i + 1).min(last)))
        } else {
            match selected {
                Some(0) | None => None,
                Some(i) => Some(i - 1),
            }
        }
    }

    /// The suggestion Enter opens when it comes after these arrow presses
    /// (`true` for ↓) in the same frame. The arrows' own intents are
    /// applied after the frame; on a slow frame (a loaded till) ↓ and
    /// Enter arrive together, and Enter must open what ↓ highlighted.
    pub fn highlighted_after(&self, arrows: impl IntoIterator<Item = bool>) -> Option<usize> {
        if !self.is_open() {
            return None;
        }
        let selected = arrows
            .into_iter()
            .fold(self.selected, |at, down| self.step(at, down));
        selected.filter(|i| *i < self.suggestions.len())
    }

    /// Esc: the list closes; the text stays, and typing opens it again.
    pub fn close(&mut self) {
        self.closed = true;
        self.selected = None;
    }

    /// The current search's id (thumbnails are tagged with it), for tests.
    #[cfg(any(test, feature = "testing"))]
    pub fn search_id(&self) -> u64 {
        self.search_id
    }

    /// Forgets the typed name and its suggestions (a lookup started, the
    /// box was cleared); what the org said about search stays.
    pub fn clear(&mut self) {
        self.search_id += 1;
        self.pending = None;
        self.status = SearchStatus::Idle;
        self.answered = None;
        self.suggestions.clear();
        self.total = None;
        self.selected = None;
        self.closed = false;
    }

    /// A new session (another org, perhaps): search may be available.
    pub fn reset(&mut self) {
        *self = NameSearch {
            search_id: self.search_id + 1,
            ..NameSearch::default()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capillary::SearchPage;

    fn hits(names: &[(i64, &str)]) -> Vec<SearchHit> {
        let data: Vec<serde_json::Value> = names
            .iter()
            .map(|(id, name)| {
                serde_json::json!({"userId": id,
                    "matchedIdentifiers": [{"idType": "firstName", "idValue": name}],
                    "profiles": [{"firstName": name, "lastName": "Sawyer"}]})
            })
            .collect();
        let page: SearchPage = serde_json::from_value(serde_json::json!({ "data": data })).unwrap();
        page.data
    }

    /// Types `text`, lets the pause pass and returns the request sent.
    fn typed(search: &mut NameSearch, text: &str, at: Instant) -> SearchRequest {
        search.text_changed(text, at);
        search
            .due(at + TYPING_PAUSE)
            .expect("a search after the pause")
    }

    #[test]
    fn one_request_per_typing_pause() {
        let start = Instant::now();
        let mut search = NameSearch::default();
        let mut sent = Vec::new();
        // "Sawyer" typed at 100 ms a key: nothing is sent until the pause.
        for (n, text) in ["S", "Sa", "Saw", "Sawy", "Sawye", "Sawyer"]
            .iter()
            .enumerate()
        {
            let now = start + Duration::from_millis(100 * n as u64);
            search.text_changed(text, now);
            sent.extend(search.due(now));
        }
        let last_key = start + Duration::from_millis(500);
        assert_eq!(search.wake_at(), Some(last_key + TYPING_PAUSE));
        assert!(search.due(last_key + TYPING_PAUSE / 2).is_none());
        sent.extend(search.due(last_key + TYPING_PAUSE));
        assert!(search.due(last_key + TYPING_PAUSE * 4).is_none(), "once");
        let queries: Vec<&str> = sent.iter().map(|r| r.query.as_str()).collect();
        assert_eq!(queries, ["Sawyer"]);
    }

    #[test]
    fn no_search_below_three_letters_or_for_identifiers() {
        let now = Instant::now();
        let mut search = NameSearch::default();
        for text in ["To", "DEMO0001", "tom@example.com", "9198"] {
            search.text_changed(text, now);
            assert!(search.due(now + TYPING_PAUSE).is_none(), "{text}");
            assert_eq!(search.status, SearchStatus::Idle, "{text}");
        }
    }

    #[test]
    fn a_trailing_space_asks_nothing_new() {
        let now = Instant::now();
        let mut search = NameSearch::default();
        let request = typed(&mut search, "Sawyer", now);
        search.answered(request, Ok((hits(&[(1, "Tom")]), Some(1))));
        assert!(!search.text_changed("Sawyer ", now + TYPING_PAUSE * 2));
        assert!(search.due(now + TYPING_PAUSE * 4).is_none());
        assert_eq!(search.suggestions.len(), 1);
    }

    #[test]
    fn the_newest_request_wins() {
        let now = Instant::now();
        let mut search = NameSearch::default();
        let older = typed(&mut search, "Tom", now);
        let newer = typed(&mut search, "Tomas", now + TYPING_PAUSE);
        // The older answer arrives last: dropped.
        assert_eq!(
            search.answered(newer, Ok((hits(&[(2, "Tomas")]), Some(1)))),
            [(0, 2)]
        );
        assert!(
            search
                .answered(older, Ok((hits(&[(1, "Tom")]), Some(1))))
                .is_empty()
        );
        assert_eq!(search.suggestions[0].customer_id, 2);
        assert_eq!(
            search.answered.as_ref().map(NameQuery::as_str),
            Some("Tomas")
        );
    }

    #[test]
    fn an_answer_while_typing_again_is_dropped() {
        let now = Instant::now();
        let mut search = NameSearch::default();
        let request = typed(&mut search, "Tom", now);
        search.text_changed("Tomx", now + TYPING_PAUSE);
        assert!(
            search
                .answered(request, Ok((hits(&[(1, "Tom")]), Some(1))))
                .is_empty()
        );
        assert!(search.suggestions.is_empty());
    }

    #[test]
    fn at_most_eight_suggestions_and_those_without_id_are_left_out() {
        let now = Instant::now();
        let mut search = NameSearch::default();
        let request = typed(&mut search, "Sam", now);
        let mut many = hits(&(1..=12).map(|i| (i, "Sam")).collect::<Vec<_>>());
        many[0].user_id = None;
        let fetch = search.answered(request, Ok((many, Some(12))));
        assert_eq!(fetch.len(), MAX_SUGGESTIONS);
        assert_eq!(fetch[0], (0, 2));
        assert_eq!(search.total, Some(12));
    }

    #[test]
    fn a_record_never_lands_on_another_suggestion() {
        let now = Instant::now();
        let mut search = NameSearch::default();
        let request = typed(&mut search, "Saw", now);
        let id = request.search_id;
        search.answered(request, Ok((hits(&[(1, "Tom"), (2, "Sid")]), Some(2))));
        let record: Customer = serde_json::from_value(serde_json::json!({"id": 2,
            "profiles": [{"identifiers": [{"type": "mobile", "value": "919800000013"}]}]}))
        .unwrap();
        // Index 0 is Tom, not customer 2: refused.
        assert!(!search.record_arrived(id, 0, 2, record.clone()));
        // A search later, the same index and customer: refused.
        assert!(!search.record_arrived(id + 1, 1, 2, record.clone()));
        assert!(search.record_arrived(id, 1, 2, record));
        assert_eq!(search.suggestions[1].mobile.as_deref(), Some("•••• 0013"));
        assert_eq!(search.suggestions[0].mobile, None);
    }

    #[test]
    fn enter_after_arrows_in_the_same_frame_opens_what_they_highlight() {
        let now = Instant::now();
        let mut search = NameSearch::default();
        assert_eq!(search.highlighted_after([true]), None, "no list");
        let request = typed(&mut search, "Saw", now);
        search.answered(request, Ok((hits(&[(1, "Tom"), (2, "Sid")]), Some(2))));
        assert_eq!(search.highlighted_after([]), None);
        assert_eq!(search.highlighted_after([true]), Some(0));
        assert_eq!(search.highlighted_after([true, true, true]), Some(1));
        assert_eq!(
            search.highlighted_after([true, false]),
            None,
            "back in the box"
        );
        search.select_next();
        assert_eq!(search.highlighted_after([]), Some(0));
        assert_eq!(search.highlighted_after([true]), Some(1));
        assert_eq!(search.selected, Some(0), "only asked, not moved");
    }

    #[test]
    fn arrows_move_through_the_list_and_esc_closes_it() {
        let now = Instant::now();
        let mut search = NameSearch::default();
        search.select_next();
        assert_eq!(search.selected, None, "nothing to select");
        let request = typed(&mut search, "Saw", now);
        search.answered(request, Ok((hits(&[(1, "Tom"), (2, "Sid")]), Some(2))));
        assert!(
            search.highlighted_after([]).is_none(),
            "nothing until the first ↓"
        );
        search.select_next();
        assert_eq!(
            search
                .highlighted_after([])
                .map(|i| search.suggestions[i].customer_id),
            Some(1)
        );
        search.select_next();
        search.select_next();
        assert_eq!(search.selected, Some(1), "stays on the last");
        search.select_previous();
        search.select_previous();
        assert_eq!(search.selected, None, "back in the box");
        search.select_next();
        search.close();
        assert!(!search.is_open());
        assert!(search.highlighted_after([]).is_none());
        // Typing opens it again with the new answer.
        let request = typed(&mut search, "Sawy", now + TYPING_PAUSE * 2);
        search.answered(request, Ok((hits(&[(1, "Tom")]), Some(1))));
        assert!(search.is_open());
    }

    #[test]
    fn an_org_without_search_is_told_once_and_never_asked_again() {
        let now = Instant::now();
        let mut search = NameSearch::default();
        let request = typed(&mut search, "Becky", now);
        search.answered(request, Err(ApiError::new(ErrorKind::SearchUnavailable)));
        assert_eq!(search.notice, Some(ErrorKind::SearchUnavailable));
        assert!(!search.text_changed("Becky T", now + TYPING_PAUSE));
        assert!(search.due(now + TYPING_PAUSE * 3).is_none());
        assert_eq!(search.status, SearchStatus::Idle);
        // A new session may be another org.
        search.reset();
        assert!(typed(&mut search, "Becky", now).query.as_str() == "Becky");
    }

    #[test]
    fn a_failed_search_says_so_and_the_next_pause_tries_again() {
        let now = Instant::now();
        let mut search = NameSearch::default();
        let request = typed(&mut search, "Becky", now);
        search.answered(request, Err(ApiError::new(ErrorKind::Timeout)));
        assert!(matches!(&search.status, SearchStatus::Failed(e) if e.kind == ErrorKind::Timeout));
        assert!(!search.unavailable);
        assert!(search.text_changed("Becky T", now + TYPING_PAUSE));
        assert!(search.due(now + TYPING_PAUSE * 2).is_some());
    }

    #[test]
    fn text_that_is_no_longer_a_name_drops_the_list() {
        let now = Instant::now();
        let mut search = NameSearch::default();
        let request = typed(&mut search, "Tom", now);
        search.answered(request, Ok((hits(&[(1, "Tom")]), Some(1))));
        assert!(search.text_changed("Tom1", now + TYPING_PAUSE));
        assert!(!search.is_open());
        assert!(search.due(now + TYPING_PAUSE * 3).is_none());
    }
}
