//! The scale-out engine: stateless replicas share one PostgreSQL (or compatible) database.

use std::str::FromStr;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::PgPool;

use super::{ConnectError, ConnectOptions};

pub(super) async fn connect(url: &str, options: &ConnectOptions) -> Result<PgPool, ConnectError> {
    let connect_options =
        PgConnectOptions::from_str(url).map_err(|e| ConnectError::Malformed(e.to_string()))?;
    // Name where the server is without the password, so the message can be shown and logged.
    let target = format!("{}:{}", connect_options.get_host(), connect_options.get_port());
    PgPoolOptions::new()
        .max_connections(options.max_connections)
        .acquire_timeout(options.acquire_timeout)
        .connect_with(connect_options.application_name("pasar-purna"))
        .await
        .map_err(|e| ConnectError::Unreachable(format!("PostgreSQL at {target}: {}", describe(&e))))
}

/// A short cause without echoing connection details that could hold secrets.
fn describe(error: &sqlx::Error) -> String {
    match error {
        sqlx::Error::Io(io) => io.kind().to_string(),
        sqlx::Error::PoolTimedOut => "timed out".to_owned(),
        sqlx::Error::Database(db) => db.message().to_owned(),
        _ => "connection failed".to_owned(),
    }
}
