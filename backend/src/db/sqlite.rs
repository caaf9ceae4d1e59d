//! The embedded engine. SQLite is safe for money and bookings only with the right settings on
//! every connection, so they are set here and then read back: a connection that does not
//! report them is refused rather than trusted.

use std::str::FromStr;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Connection, SqlitePool};

use super::{ConnectError, ConnectOptions};

/// How long a writer waits for the lock before giving up: longer than any write transaction.
const BUSY_TIMEOUT_MS: u64 = 5_000;

pub(super) async fn connect(
    url: &str,
    options: &ConnectOptions,
) -> Result<SqlitePool, ConnectError> {
    let connect_options = SqliteConnectOptions::from_str(url)
        .map_err(|e| ConnectError::Malformed(e.to_string()))?
        .create_if_missing(true)
        // WAL lets shoppers read while a vendor writes.
        .journal_mode(SqliteJournalMode::Wal)
        .foreign_keys(true)
        .busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS))
        // FULL: a confirmed booking or payment survives a power cut.
        .synchronous(SqliteSynchronous::Full);

    let pool = SqlitePoolOptions::new()
        .max_connections(options.max_connections)
        .acquire_timeout(options.acquire_timeout)
        // A connection to a local file does not go stale the way a network one can; pinging
        // it on every checkout was one more worker-thread round trip per query.
        .test_before_acquire(false)
        .after_connect(|conn, _meta| {
            Box::pin(async move {
                verify_settings(conn).await.map_err(|e| sqlx::Error::Configuration(e.into()))
            })
        })
        .connect_with(connect_options)
        .await
        .map_err(|e| match e {
            sqlx::Error::Configuration(inner) => match inner.downcast::<ConnectError>() {
                Ok(pragma_error) => *pragma_error,
                Err(other) => ConnectError::Malformed(other.to_string()),
            },
            other => ConnectError::Unreachable(other.to_string()),
        })?;

    warm_up(&pool, options.max_connections).await?;
    Ok(pool)
}

/// Opens the pool's connections at start-up, so that each one's settings are checked before
/// the first request instead of failing a user later.
async fn warm_up(pool: &SqlitePool, count: u32) -> Result<(), ConnectError> {
    let mut held = Vec::new();
    for _ in 0..count {
        let conn = pool.acquire().await.map_err(|e| ConnectError::Unreachable(e.to_string()))?;
        held.push(conn);
    }
    for mut conn in held {
        conn.ping().await.map_err(|e| ConnectError::Unreachable(e.to_string()))?;
    }
    Ok(())
}

async fn verify_settings(conn: &mut SqliteConnection) -> Result<(), ConnectError> {
    expect_pragma(conn, "journal_mode", "wal").await?;
    expect_pragma(conn, "foreign_keys", "1").await?;
    // 2 = FULL
    expect_pragma(conn, "synchronous", "2").await?;
    expect_pragma(conn, "busy_timeout", &BUSY_TIMEOUT_MS.to_string()).await
}

async fn expect_pragma(
    conn: &mut SqliteConnection,
    pragma: &'static str,
    expected: &str,
) -> Result<(), ConnectError> {
    // Each pragma's table-valued form has one row and one column; read it back as text.
    let sql = format!("select cast((select * from pragma_{pragma}) as text)");
    let actual: String = sqlx::query_scalar(&sql)
        .fetch_one(&mut *conn)
        .await
        .map_err(|e| ConnectError::Unreachable(e.to_string()))?;
    if actual.eq_ignore_ascii_case(expected) {
        Ok(())
    } else {
        Err(ConnectError::Pragma { pragma, expected: expected.to_owned(), actual })
    }
}
