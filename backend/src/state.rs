//! What every request handler and server function needs, built once at start-up.

use crate::accounts::PasswordHasher;
use crate::throttle::LoginLimits;
use crate::vendors::crypto::PersonalDataKeys;
use crate::Database;

/// Shared application state. Cloning is cheap: the pool and the hasher are reference-counted.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database, SQLite or PostgreSQL.
    pub db: Database,
    /// The time every route, page and job goes by (settable in tests).
    pub clock: crate::Clock,
    /// The one media store (product photos, application and shop pictures) and the limit
    /// on how many pictures are processed at once.
    pub photos: crate::photos::PhotoStore,
    /// Argon2id with a fixed number of workers: a burst of logins queues instead of
    /// exhausting memory (19 MiB per hash in flight).
    pub hasher: PasswordHasher,
    /// Failed-login limits.
    pub login_limits: LoginLimits,
    /// Keys that encrypt NIKs and make their duplicate-finding hash.
    pub personal_data: PersonalDataKeys,
    /// Listing answers kept while the catalogue is unchanged (shared by clones).
    pub catalogue: crate::listings::CatalogueCache,
}

impl AppState {
    /// Hashing workers by default: two keep both cores busy on the reference machine while
    /// capping hashing memory near 40 MiB (see docs/BENCHMARKS.md).
    pub const DEFAULT_HASHING_WORKERS: usize = 2;
}
