//! The one source of "now". Every route, page and job asks the [`Clock`] in
//! [`AppState`](crate::AppState) instead of the system, so that a test can set the time to the
//! minute before a deadline, move it past, and see the rule change — without sleeping.
//!
//! Times are stored as Unix seconds (UTC) in a `bigint`/`integer` column on both engines, and
//! shown in WITA (`domain::wita`): one convention for every table from the job queue on.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use time::OffsetDateTime;

/// Where the current time comes from. Cloning shares the source: a test that moves its
/// settable clock moves it for the server it built, too.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    source: Source,
}

#[derive(Clone, Debug, Default)]
enum Source {
    /// The operating system's clock: what the server runs on.
    #[default]
    System,
    /// A time a test sets and moves by hand.
    Settable(Arc<AtomicI64>),
}

impl Clock {
    /// The system clock.
    #[must_use]
    pub fn system() -> Clock {
        Clock { source: Source::System }
    }

    /// A clock standing still at `unix_seconds` until [`Clock::set`] or [`Clock::advance`]
    /// moves it (for tests and for replaying a day in a benchmark).
    #[must_use]
    pub fn settable(unix_seconds: i64) -> Clock {
        Clock { source: Source::Settable(Arc::new(AtomicI64::new(unix_seconds))) }
    }

    /// Now, in Unix seconds.
    #[must_use]
    pub fn now(&self) -> i64 {
        match &self.source {
            Source::System => system_now().unix_timestamp(),
            Source::Settable(seconds) => seconds.load(Ordering::SeqCst),
        }
    }

    /// Now, as a date-time in UTC (convert with `domain::wita` for display).
    #[must_use]
    pub fn now_utc(&self) -> OffsetDateTime {
        match &self.source {
            Source::System => system_now(),
            // Times a settable clock can hold are always in range; the epoch is a safe floor.
            Source::Settable(_) => OffsetDateTime::from_unix_timestamp(self.now())
                .unwrap_or(OffsetDateTime::UNIX_EPOCH),
        }
    }

    /// Sets a settable clock; the system clock cannot be set, so this returns `false` there.
    pub fn set(&self, unix_seconds: i64) -> bool {
        match &self.source {
            Source::System => false,
            Source::Settable(seconds) => {
                seconds.store(unix_seconds, Ordering::SeqCst);
                true
            }
        }
    }

    /// Moves a settable clock forward by `seconds` (backwards when negative); `false` on the
    /// system clock.
    pub fn advance(&self, seconds: i64) -> bool {
        match &self.source {
            Source::System => false,
            Source::Settable(now) => {
                now.fetch_add(seconds, Ordering::SeqCst);
                true
            }
        }
    }
}

/// The one read of the operating system's clock.
#[expect(clippy::disallowed_methods, reason = "the Clock is where the system time is read")]
fn system_now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_settable_clock_stands_still_until_moved_and_clones_share_it() {
        let clock = Clock::settable(1_000);
        let copy = clock.clone();
        assert_eq!(clock.now(), 1_000);
        assert!(copy.advance(60));
        assert_eq!(clock.now(), 1_060);
        assert!(clock.set(5));
        assert_eq!(copy.now(), 5);
        assert_eq!(copy.now_utc().unix_timestamp(), 5);
    }

    #[test]
    fn the_system_clock_follows_the_system_and_cannot_be_set() {
        let clock = Clock::system();
        let before = system_now().unix_timestamp();
        assert!(!clock.set(0));
        assert!(!clock.advance(10));
        let now = clock.now();
        assert!(now >= before && now <= system_now().unix_timestamp());
    }
}
