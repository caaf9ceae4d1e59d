//! Pasar Purna's server-side services and persistence.
//!
//! One module per feature; each talks to [`db::Database`], which hides whether the platform
//! runs on its embedded SQLite file or on PostgreSQL.

pub mod access;
pub mod accounts;
pub mod audit;
pub mod bookings;
pub mod clock;
pub mod db;
pub mod demo;
pub mod error;
pub mod jobs;
pub mod listings;
pub mod media;
pub mod notices;
pub mod photos;
pub mod reference;
pub mod sessions;
pub mod state;
#[cfg(feature = "testing")]
pub mod testing;
pub mod throttle;
pub mod vendors;

pub use clock::Clock;
pub use db::Database;
pub use error::Error;
pub use state::AppState;
