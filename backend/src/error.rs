//! The backend's one error type. Callers map it to an HTTP status and a translated message;
//! the inner causes are for logs only.

/// What can go wrong in a backend service.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database could not be reached or did not answer in time. Retrying later may work.
    #[error("database unavailable")]
    Unavailable(#[source] sqlx::Error),
    /// Any other database failure: a bug or a broken invariant, never the user's fault.
    #[error("database error")]
    Database(#[source] sqlx::Error),
    /// Stored data breaks an invariant the code relies on (a bug or a manual edit).
    #[error("corrupt data: {0}")]
    Corrupt(String),
    /// Password hashing failed (never the user's fault).
    #[error("password hashing failed")]
    Hashing(#[from] crate::accounts::HashError),
    /// The acting account lacks the permission the service needs (checked inside the
    /// backend as well as at the endpoint): answer 403; nothing was changed.
    #[error("not permitted")]
    Forbidden,
    /// Applying the schema migrations failed.
    #[error("database migration failed")]
    Migration(#[from] sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for Error {
    fn from(error: sqlx::Error) -> Self {
        match error {
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_) => Error::Unavailable(error),
            other => Error::Database(other),
        }
    }
}

impl Error {
    /// Whether the failure is an outage (answer 503, try again) rather than a bug (500).
    #[must_use]
    pub fn is_unavailable(&self) -> bool {
        matches!(self, Error::Unavailable(_))
    }
}

/// Shorthand for backend results.
pub type Result<T, E = Error> = std::result::Result<T, E>;
