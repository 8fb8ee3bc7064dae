//! Time without input: the cursor that stops blinking and the idle lock.
//!
//! Both are decided on every tick, which the app's runner sends from
//! [`eframe::App::logic`]: eframe also calls that while the window is
//! hidden or minimised (it then runs no `ui` pass, and egui's input time
//! stands still). So time here is a monotonic [`std::time::Instant`],
//! never `InputState::time`, and each deadline comes back as a wake-up
//! the runner schedules with `request_repaint_after`, which wakes `logic`
//! either way. Input is noted in the `ui` pass, the only place it arrives.
//! No egui here: the runner says when there was input and applies the
//! blink.

use std::time::{Duration, Instant};

/// As GTK does, the text cursor stops blinking after this long without
/// input: a blinking cursor repaints the window twice a second, which costs
/// several percent of a CPU on a software renderer all day.
pub const CURSOR_BLINK: Duration = Duration::from_secs(10);

/// A monotonic clock that tests can move forward (with the `testing`
/// feature) instead of sleeping through a five-minute lock, or stop.
#[derive(Debug, Default, Clone)]
pub struct Clock {
    skipped: Duration,
    /// Set on a stopped clock: time moves only when moved.
    stopped_at: Option<Instant>,
}

impl Clock {
    pub fn now(&self) -> Instant {
        self.stopped_at.unwrap_or_else(Instant::now) + self.skipped
    }

    /// A clock that stands still until [`Clock::advance`] moves it (the
    /// logic's tests, where a deadline must fall on its exact second).
    #[cfg(any(test, feature = "testing"))]
    pub fn stopped() -> Self {
        Self {
            skipped: Duration::ZERO,
            stopped_at: Some(Instant::now()),
        }
    }

    /// Moves the clock forward, as if `by` had passed.
    #[cfg(any(test, feature = "testing"))]
    pub fn advance(&mut self, by: Duration) {
        self.skipped += by;
    }
}

/// When the person last touched the app, and what follows from it.
#[derive(Debug)]
pub struct Idle {
    last_input: Instant,
    cursor_blinking: bool,
}

/// What [`Idle::tick`] decided.
#[derive(Debug, PartialEq, Eq)]
pub enum IdleOutcome {
    /// Not locking; wake again after this long (the next deadline), if
    /// there is one.
    Active { wake_after: Option<Duration> },
    /// The lock time has passed without input: lock now.
    Lock { idle: Duration },
}

impl Idle {
    pub fn new(now: Instant) -> Self {
        Self {
            last_input: now,
            cursor_blinking: true,
        }
    }

    #[cfg(any(test, feature = "testing"))]
    pub fn cursor_blinking(&self) -> bool {
        self.cursor_blinking
    }

    /// The person touched the app (a key, text, the pointer, the wheel):
    /// the idle time starts again. Returns `Some(true)` when the cursor
    /// must start blinking again.
    pub fn note_input(&mut self, now: Instant) -> Option<bool> {
        self.last_input = now;
        self.set_blink(true)
    }

    /// `Some(blink)` when the cursor's blink changes.
    fn set_blink(&mut self, blink: bool) -> Option<bool> {
        (blink != self.cursor_blinking).then(|| {
            self.cursor_blinking = blink;
            blink
        })
    }

    /// Starts the idle time again (after signing in).
    pub fn reset(&mut self, now: Instant) {
        self.last_input = now;
    }

    /// Decides whether to lock (`lock_after` of `None` never locks) and
    /// when to wake next (the next deadline, so that no frame is drawn in
    /// between); the second value is the blink's change, if any.
    pub fn tick(
        &mut self,
        now: Instant,
        lock_after: Option<Duration>,
    ) -> (IdleOutcome, Option<bool>) {
        let idle = now.saturating_duration_since(self.last_input);
        let blink = idle < CURSOR_BLINK;
        let blink_changed = self.set_blink(blink);
        if let Some(limit) = lock_after
            && idle >= limit
        {
            return (IdleOutcome::Lock { idle }, blink_changed);
        }
        let next_deadline = [
            blink.then(|| CURSOR_BLINK - idle),
            lock_after.map(|limit| limit - idle),
        ]
        .into_iter()
        .flatten()
        .min();
        (
            IdleOutcome::Active {
                wake_after: next_deadline,
            },
            blink_changed,
        )
    }
}
