//! "Now" for pages: the server's [`backend::Clock`] from context, so a test that moves the
//! clock sees pages (the SABOAK weekend, days waited) move with it.

use time::OffsetDateTime;

/// A stored Unix time as the reader's language writes a date and time in WITA ("" for a time
/// out of range).
#[must_use]
pub fn when(at: i64) -> String {
    OffsetDateTime::from_unix_timestamp(at)
        .map(|at| domain::wita::format_datetime(at, crate::i18n::current_locale()))
        .unwrap_or_default()
}

/// The current time as the server tells it.
#[must_use]
pub fn now_utc() -> OffsetDateTime {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<backend::AppState>()
            .map_or_else(|| backend::Clock::system().now_utc(), |state| state.clock.now_utc())
    }
    // Pages render on the server only; an island that needs the time asks the browser.
    #[cfg(not(feature = "ssr"))]
    {
        #[expect(clippy::disallowed_methods, reason = "no server clock in the browser")]
        OffsetDateTime::now_utc()
    }
}
