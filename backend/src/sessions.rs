//! Server-side login sessions, in the database so that every replica sees the same ones.
//!
//! The HTTP layer (tower-sessions, in the server crate) owns cookies and session contents; this
//! module only stores them. Sessions are keyed by the SHA-256 of the cookie's id: a leaked
//! copy of the table cannot be turned back into working cookies.

use sha2::{Digest, Sha256};

use crate::accounts::AccountId;
use crate::db::Database;
use crate::error::Result;
use crate::with_pool;

/// The stored key of a session: the hex SHA-256 of the id in its cookie.
#[derive(Clone, PartialEq, Eq)]
pub struct SessionKey(String);

impl SessionKey {
    /// Derives the stored key from the id the browser holds.
    #[must_use]
    pub fn from_cookie_id(cookie_id: &str) -> SessionKey {
        SessionKey(hex::encode(Sha256::digest(cookie_id.as_bytes())))
    }

    pub(crate) fn as_stored(&self) -> &str {
        &self.0
    }
}

// Never print a session key, not even hashed: logs must not help anyone line up sessions.
impl std::fmt::Debug for SessionKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SessionKey(…)")
    }
}

/// What is written for a session.
#[derive(Debug, Clone)]
pub struct SessionWrite<'a> {
    /// Who is logged in, if anyone.
    pub account: Option<AccountId>,
    /// The session's fields, serialised by the HTTP layer.
    pub data: &'a str,
    /// A short label of the browser and system, shown on the account page.
    pub device: &'a str,
    /// Unix time after which the session is void.
    pub expires_at: i64,
}

/// One of a person's sessions, as the account page lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSummary {
    /// Whether this is the session the list is shown in.
    pub current: bool,
    /// Browser and system label.
    pub device: String,
    /// Unix time the session was created.
    pub created_at: i64,
    /// Unix time of its last request.
    pub last_seen_at: i64,
}

/// Inserts a new session unless its key exists already.
///
/// # Errors
/// When the database fails.
pub async fn create(
    db: &Database,
    key: &SessionKey,
    write: &SessionWrite<'_>,
    now: i64,
) -> Result<bool> {
    const SQL: &str = "insert into session
        (session_key, account_id, data, device, expires_at, created_at, last_seen_at)
        values ($1, $2, $3, $4, $5, $6, $6) on conflict (session_key) do nothing";
    let inserted = with_pool!(db, |pool| sqlx::query(SQL)
        .bind(&key.0)
        .bind(write.account.map(|a| a.0))
        .bind(write.data)
        .bind(write.device)
        .bind(write.expires_at)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(inserted == 1)
}

/// Writes an existing session and marks it seen now; returns whether it still existed.
/// Never re-creates a session: one ended meanwhile (log out everywhere, password change) by
/// another request stays ended even if a request still running on it saves afterwards.
///
/// # Errors
/// When the database fails.
pub async fn save(
    db: &Database,
    key: &SessionKey,
    write: &SessionWrite<'_>,
    now: i64,
) -> Result<bool> {
    const SQL: &str = "update session set account_id = $2, data = $3, device = $4, expires_at = $5,
            last_seen_at = $6 where session_key = $1";
    let updated = with_pool!(db, |pool| sqlx::query(SQL)
        .bind(&key.0)
        .bind(write.account.map(|a| a.0))
        .bind(write.data)
        .bind(write.device)
        .bind(write.expires_at)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(updated == 1)
}

/// A live session's fields and expiry; `None` when unknown or expired.
///
/// # Errors
/// When the database fails.
pub async fn load(db: &Database, key: &SessionKey, now: i64) -> Result<Option<(String, i64)>> {
    const SQL: &str =
        "select data, expires_at from session where session_key = $1 and expires_at > $2";
    let row: Option<(String, i64)> = with_pool!(db, |pool| sqlx::query_as(SQL)
        .bind(&key.0)
        .bind(now)
        .fetch_optional(pool)
        .await)?;
    Ok(row)
}

/// Ends one session.
///
/// # Errors
/// When the database fails.
pub async fn delete(db: &Database, key: &SessionKey) -> Result<()> {
    with_pool!(db, |pool| sqlx::query("delete from session where session_key = $1")
        .bind(&key.0)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Ends every session of an account except, optionally, the one the request came in on.
/// Returns how many were ended.
///
/// # Errors
/// When the database fails.
pub async fn end_all_for_account(
    db: &Database,
    account: AccountId,
    except: Option<&SessionKey>,
) -> Result<u64> {
    const SQL: &str =
        "delete from session where account_id = $1 and ($2 is null or session_key <> $2)";
    let done = with_pool!(db, |pool| sqlx::query(SQL)
        .bind(account.0)
        .bind(except.map(|k| k.0.as_str()))
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(done)
}

/// An account's live sessions, most recently used first.
///
/// # Errors
/// When the database fails.
pub async fn list_for_account(
    db: &Database,
    account: AccountId,
    current: Option<&SessionKey>,
    now: i64,
) -> Result<Vec<SessionSummary>> {
    const SQL: &str = "select session_key, device, created_at, last_seen_at from session
        where account_id = $1 and expires_at > $2 order by last_seen_at desc, created_at desc";
    let rows: Vec<(String, String, i64, i64)> =
        with_pool!(db, |pool| sqlx::query_as(SQL).bind(account.0).bind(now).fetch_all(pool).await)?;
    Ok(rows
        .into_iter()
        .map(|(key, device, created_at, last_seen_at)| SessionSummary {
            current: current.is_some_and(|c| c.0 == key),
            device,
            created_at,
            last_seen_at,
        })
        .collect())
}

/// Removes expired sessions; returns how many. Run periodically.
///
/// # Errors
/// When the database fails.
pub async fn delete_expired(db: &Database, now: i64) -> Result<u64> {
    let done = with_pool!(db, |pool| sqlx::query("delete from session where expires_at <= $1")
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(done)
}
