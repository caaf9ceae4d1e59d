//! Pasar Purna's server-side services and persistence.
//!
//! One module per feature; each talks to [`db::Database`], which hides whether the platform
//! runs on its embedded SQLite file or on PostgreSQL.

pub mod accounts;
pub mod db;
pub mod demo;
pub mod error;
pub mod listings;
pub mod media;
pub mod photos;
pub mod reference;
pub mod sessions;
pub mod state;
#[cfg(feature = "testing")]
pub mod testing;
pub mod throttle;
pub mod vendors;

pub use db::Database;
pub use error::Error;
pub use state::AppState;

/// The current time in Unix seconds: what sessions, throttles and reset links compare against.
/// Services take the time as an argument, so tests can move it.
#[must_use]
pub fn unix_now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}
