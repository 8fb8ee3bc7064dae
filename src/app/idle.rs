//! Time without input: the cursor that stops blinking and the idle lock.
//!
//! Both are decided in [`eframe::App::logic`], which eframe also calls
//! while the window is hidden or minimised (it then runs no `ui` pass, and
//! egui's input time stands still). So time here is a monotonic
//! [`std::time::Instant`], never `InputState::time`, and each deadline is
//! scheduled with `request_repaint_after`, which wakes `logic` either way.
//! Input is noted in the `ui` pass, the only place it arrives.

use std::time::{Duration, Instant};

/// As GTK does, the text cursor stops blinking after this long without
/// input: a blinking cursor repaints the window twice a second, which costs
/// several percent of a CPU on a software renderer all day.
pub const CURSOR_BLINK: Duration = Duration::from_secs(10);

/// A monotonic clock that tests can move forward (with the `testing`
/// feature) instead of sleeping through a five-minute lock.
#[derive(Debug, Default, Clone)]
pub struct Clock {
    skipped: Duration,
}

impl Clock {
    pub fn now(&self) -> Instant {
        Instant::now() + self.skipped
    }

    /// Moves the clock forward, as if `by` had passed.
    #[cfg(feature = "testing")]
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
    Active,
    /// The lock time has passed without input: lock now.
    Lock {
        idle: Duration,
    },
}

impl Idle {
    pub fn new(now: Instant) -> Self {
        Self {
            last_input: now,
            cursor_blinking: true,
        }
    }

    pub fn cursor_blinking(&self) -> bool {
        self.cursor_blinking
    }

    /// Notes a key, text, pointer or wheel event in this pass's input; the
    /// cursor blinks again at once.
    pub fn note_input(&mut self, ctx: &egui::Context, now: Instant) {
        let had_input = ctx.input(|i| {
            i.events.iter().any(|e| {
                matches!(
                    e,
                    egui::Event::Key { .. }
                        | egui::Event::Text(_)
                        | egui::Event::PointerMoved(_)
                        | egui::Event::PointerButton { .. }
                        | egui::Event::MouseWheel { .. }
                        | egui::Event::Paste(_)
                )
            })
        });
        if had_input {
            self.last_input = now;
            self.set_blink(ctx, true);
        }
    }

    fn set_blink(&mut self, ctx: &egui::Context, blink: bool) {
        if blink != self.cursor_blinking {
            self.cursor_blinking = blink;
            ctx.all_styles_mut(|style| style.visuals.text_cursor.blink = blink);
        }
    }

    /// Starts the idle time again (after signing in).
    pub fn reset(&mut self, now: Instant) {
        self.last_input = now;
    }

    /// Stops or restarts the cursor blink, decides whether to lock
    /// (`lock_after` of `None` never locks), and schedules a wake-up for
    /// the next deadline so that no frame is drawn in between.
    pub fn tick(
        &mut self,
        ctx: &egui::Context,
        now: Instant,
        lock_after: Option<Duration>,
    ) -> IdleOutcome {
        let idle = now.saturating_duration_since(self.last_input);
        let blink = idle < CURSOR_BLINK;
        self.set_blink(ctx, blink);
        if let Some(limit) = lock_after
            && idle >= limit
        {
            return IdleOutcome::Lock { idle };
        }
        let next_deadline = [
            blink.then(|| CURSOR_BLINK - idle),
            lock_after.map(|limit| limit - idle),
        ]
        .into_iter()
        .flatten()
        .min();
        if let Some(wait) = next_deadline {
            ctx.request_repaint_after(wait);
        }
        IdleOutcome::Active
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_at_the_deadline_and_not_before() {
        let ctx = egui::Context::default();
        let start = Instant::now();
        let mut idle = Idle::new(start);
        let limit = Some(Duration::from_secs(30));
        let before = start + Duration::from_secs(29);
        assert_eq!(idle.tick(&ctx, before, limit), IdleOutcome::Active);
        assert!(!idle.cursor_blinking(), "blink stops after 10 s");
        let at = start + Duration::from_secs(30);
        assert_eq!(
            idle.tick(&ctx, at, limit),
            IdleOutcome::Lock {
                idle: Duration::from_secs(30)
            }
        );
        assert_eq!(idle.tick(&ctx, at, None), IdleOutcome::Active, "0 = never");
    }
}
