//! What every request handler and server function needs, built once at start-up.

use std::path::PathBuf;

use crate::Database;

/// Shared application state. Cloning is cheap: the pool is reference-counted.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database, SQLite or PostgreSQL.
    pub db: Database,
    /// Where uploaded media are kept (a local folder by default).
    pub media_dir: PathBuf,
}
