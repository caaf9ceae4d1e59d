//! One database interface over two engines.
//!
//! SQLite is the default: a file under `./data/`, nothing to install. PostgreSQL takes over
//! when `DATABASE_URL` starts with `postgres://`, so that many stateless replicas can share it.
//! Queries are written once with `$1` placeholders (both engines accept them) and run on
//! whichever pool is live through [`with_pool!`](crate::with_pool); SQL is split per engine
//! only where the dialects really differ.

pub mod constraint;
mod postgres;
mod sqlite;

use std::time::Duration;

use sqlx::{PgPool, Postgres, Sqlite, SqlitePool, Transaction};

use crate::error::Result;

/// The live connection pool.
#[derive(Clone, Debug)]
pub enum Database {
    /// The embedded default.
    Sqlite(SqlitePool),
    /// The scale-out engine.
    Postgres(PgPool),
}

/// A write transaction on either engine. On SQLite it began with `BEGIN IMMEDIATE`, so it
/// holds the write lock from the start and cannot fail half-way on a lock upgrade.
#[derive(Debug)]
pub enum WriteTx {
    /// A SQLite transaction.
    Sqlite(Transaction<'static, Sqlite>),
    /// A PostgreSQL transaction.
    Postgres(Transaction<'static, Postgres>),
}

/// Runs the same code on whichever pool is live: `with_pool!(db, |pool| query.fetch_all(pool))`.
/// The body is compiled once per engine, so it must type-check for both.
#[macro_export]
macro_rules! with_pool {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db {
            $crate::db::Database::Sqlite($pool) => $body,
            $crate::db::Database::Postgres($pool) => $body,
        }
    };
}

/// Like [`with_pool!`](crate::with_pool), inside a write transaction:
/// `with_tx!(tx, |conn| query.execute(&mut **conn))`.
#[macro_export]
macro_rules! with_tx {
    ($tx:expr, |$conn:ident| $body:expr) => {
        match $tx {
            $crate::db::WriteTx::Sqlite($conn) => $body,
            $crate::db::WriteTx::Postgres($conn) => $body,
        }
    };
}

/// `text` for a `like … escape '\'` pattern: the `%`, `_` and `\` people type match only
/// themselves. Every search that builds a LIKE pattern from typed text goes through here.
pub(crate) fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// Which engine a database URL selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// `sqlite:` URLs.
    Sqlite,
    /// `postgres://` or `postgresql://` URLs.
    Postgres,
}

impl Engine {
    /// Reads the engine from a URL's scheme; `None` for anything else.
    #[must_use]
    pub fn from_url(url: &str) -> Option<Engine> {
        if url.starts_with("sqlite:") {
            Some(Engine::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Engine::Postgres)
        } else {
            None
        }
    }

    /// The engine's name, for logs and the readiness report.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Engine::Sqlite => "sqlite",
            Engine::Postgres => "postgres",
        }
    }
}

/// Why connecting at start-up failed, phrased so the operator knows what to fix.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    /// The URL names neither engine.
    #[error("the URL must start with sqlite: or postgres://")]
    UnknownScheme,
    /// The URL could not be parsed.
    #[error("the URL is malformed: {0}")]
    Malformed(String),
    /// The server did not answer.
    #[error("cannot reach the database: {0}")]
    Unreachable(String),
    /// SQLite's safety settings did not take effect on a connection.
    #[error("SQLite setting {pragma} is {actual}, expected {expected}")]
    Pragma {
        /// The pragma checked.
        pragma: &'static str,
        /// What it should be.
        expected: String,
        /// What the connection reported.
        actual: String,
    },
    /// Creating the schema failed.
    #[error("migrating the database failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
}

/// How to connect.
#[derive(Debug, Clone)]
pub struct ConnectOptions {
    /// Upper bound on pooled connections.
    pub max_connections: u32,
    /// How long a request waits for a free connection (or a first connection) before failing.
    pub acquire_timeout: Duration,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        ConnectOptions { max_connections: 8, acquire_timeout: Duration::from_secs(5) }
    }
}

impl Database {
    /// Connects to the database a URL names and checks every pooled connection's settings.
    ///
    /// # Errors
    /// [`ConnectError`] naming what is wrong: scheme, syntax, reachability or SQLite settings.
    pub async fn connect(url: &str, options: &ConnectOptions) -> Result<Database, ConnectError> {
        match Engine::from_url(url) {
            Some(Engine::Sqlite) => sqlite::connect(url, options).await.map(Database::Sqlite),
            Some(Engine::Postgres) => postgres::connect(url, options).await.map(Database::Postgres),
            None => Err(ConnectError::UnknownScheme),
        }
    }

    /// Connects, then applies any pending migrations: what the server does at start-up.
    ///
    /// # Errors
    /// As [`Database::connect`], plus a failed migration.
    pub async fn connect_and_migrate(
        url: &str,
        options: &ConnectOptions,
    ) -> Result<Database, ConnectError> {
        let db = Database::connect(url, options).await?;
        db.migrate().await?;
        Ok(db)
    }

    /// The engine behind this pool.
    #[must_use]
    pub fn engine(&self) -> Engine {
        match self {
            Database::Sqlite(_) => Engine::Sqlite,
            Database::Postgres(_) => Engine::Postgres,
        }
    }

    /// Applies the embedded migrations of this engine that have not run yet.
    ///
    /// # Errors
    /// When a migration fails or the applied history differs from the embedded one.
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        self.migrate_up_to(i64::MAX).await
    }

    /// Applies the embedded migrations up to and including `version`: what a test of one
    /// migration uses to set up the schema it starts from.
    ///
    /// # Errors
    /// As [`Database::migrate`].
    pub async fn migrate_up_to(&self, version: i64) -> Result<(), sqlx::migrate::MigrateError> {
        let mut migrator = match self {
            Database::Sqlite(_) => sqlx::migrate!("../migrations/sqlite"),
            Database::Postgres(_) => sqlx::migrate!("../migrations/postgres"),
        };
        if version < i64::MAX {
            let wanted = migrator.iter().filter(|m| m.version <= version).cloned().collect();
            migrator.migrations = std::borrow::Cow::Owned(wanted);
        }
        match self {
            Database::Sqlite(pool) => migrator.run(pool).await,
            Database::Postgres(pool) => migrator.run(pool).await,
        }
    }

    /// Answers whether the database responds right now (used by `/readyz`).
    ///
    /// # Errors
    /// [`crate::Error::Unavailable`] when it does not.
    pub async fn ping(&self) -> Result<()> {
        with_pool!(self, |pool| sqlx::query("select 1").execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    /// Starts a write transaction (`BEGIN IMMEDIATE` on SQLite).
    ///
    /// # Errors
    /// When no connection can be had or the transaction cannot start.
    pub async fn begin_write(&self) -> Result<WriteTx> {
        Ok(match self {
            Database::Sqlite(pool) => WriteTx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Database::Postgres(pool) => WriteTx::Postgres(pool.begin().await?),
        })
    }

    /// Closes every connection; waits for those in use to be returned.
    pub async fn close(&self) {
        with_pool!(self, |pool| pool.close().await);
    }
}

/// SQL for "now" in the format each engine stores timestamps in (ISO 8601 text on SQLite,
/// `timestamptz` on PostgreSQL), for `updated_at = …`.
const SQLITE_NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
const POSTGRES_NOW: &str = "now()";

impl WriteTx {
    /// The SQL expression for the current time on this transaction's engine.
    #[must_use]
    pub fn now_sql(&self) -> &'static str {
        match self {
            WriteTx::Sqlite(_) => SQLITE_NOW,
            WriteTx::Postgres(_) => POSTGRES_NOW,
        }
    }

    /// Makes the transaction's changes permanent.
    ///
    /// # Errors
    /// When the commit fails; nothing of the transaction is then saved.
    pub async fn commit(self) -> Result<()> {
        with_tx!(self, |tx| tx.commit().await)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn like_wildcards_typed_into_a_search_match_only_themselves() {
        assert_eq!(super::escape_like("a%b_c\\"), "a\\%b\\_c\\\\");
    }
}
