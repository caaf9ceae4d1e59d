//! "Now" for pages: the server's [`backend::Clock`] from context, so a test that moves the
//! clock sees pages (the SABOAK weekend, days waited) move with it.

use time::OffsetDateTime;

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
