//! Limits on failed logins, per account and per client address, in the database so that
//! every replica counts the same attempts.
//!
//! Per account the limit is strict: it is what stops someone guessing one person's password.
//! Per address it is loose: in Kupang many phones reach us through one carrier address, and a
//! tight limit there would lock out a whole neighbourhood because of one person's typos.

use sha2::{Digest, Sha256};

use crate::db::Database;
use crate::error::Result;
use crate::with_pool;

/// How many failures a window allows, and how long the window lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// Failures allowed in one window; the next attempt is refused.
    pub failures: i64,
    /// Window length in seconds, counted from its first failure.
    pub window_secs: i64,
}

/// The limits in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginLimits {
    /// Per login (phone number or email), whether or not an account has it.
    pub per_account: Limit,
    /// Per client address.
    pub per_address: Limit,
}

impl Default for LoginLimits {
    fn default() -> Self {
        LoginLimits {
            per_account: Limit { failures: 5, window_secs: 15 * 60 },
            per_address: Limit { failures: 100, window_secs: 15 * 60 },
        }
    }
}

/// What is being counted: the login typed and the address it came from.
#[derive(Clone)]
pub struct Attempt {
    account: String,
    address: String,
}

// The digests identify a person's login; keep them out of logs too.
impl std::fmt::Debug for Attempt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Attempt(…)")
    }
}

impl Attempt {
    /// Counts attempts on `login` (its normalised form) from `address`.
    #[must_use]
    pub fn new(login: &str, address: &str) -> Attempt {
        Attempt { account: digest(login), address: digest(address) }
    }
}

fn digest(value: &str) -> String {
    hex::encode(Sha256::digest(value.as_bytes()))
}

/// An attempt refused before the password was even checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooManyAttempts {
    /// Seconds until attempts are accepted again.
    pub retry_after_secs: i64,
}

const ACCOUNT: &str = "account";
const ADDRESS: &str = "address";

/// Refuses the attempt when either its login or its address used up its failures.
///
/// # Errors
/// The outer error when the database fails.
pub async fn check(
    db: &Database,
    limits: &LoginLimits,
    attempt: &Attempt,
    now: i64,
) -> Result<Result<(), TooManyAttempts>> {
    let mut wait = 0;
    for (scope, subject, limit) in [
        (ACCOUNT, &attempt.account, limits.per_account),
        (ADDRESS, &attempt.address, limits.per_address),
    ] {
        const SQL: &str = "select failures, window_started_at from login_throttle
            where scope = $1 and subject = $2";
        let row: Option<(i64, i64)> = with_pool!(db, |pool| sqlx::query_as(SQL)
            .bind(scope)
            .bind(subject)
            .fetch_optional(pool)
            .await)?;
        if let Some((failures, started)) = row {
            let window_ends = started + limit.window_secs;
            if failures >= limit.failures && window_ends > now {
                wait = wait.max(window_ends - now);
            }
        }
    }
    Ok(if wait > 0 { Err(TooManyAttempts { retry_after_secs: wait }) } else { Ok(()) })
}

/// Counts a failed attempt against its login and its address. A window that has run out
/// starts again at this failure.
///
/// # Errors
/// When the database fails.
pub async fn record_failure(
    db: &Database,
    limits: &LoginLimits,
    attempt: &Attempt,
    now: i64,
) -> Result<()> {
    // One statement per counter, so that concurrent failures cannot overwrite each other.
    const SQL: &str = "insert into login_throttle (scope, subject, failures, window_started_at)
        values ($1, $2, 1, $3)
        on conflict (scope, subject) do update set
            failures = case when login_throttle.window_started_at <= $4 then 1
                            else login_throttle.failures + 1 end,
            window_started_at = case when login_throttle.window_started_at <= $4 then $3
                                     else login_throttle.window_started_at end";
    for (scope, subject, limit) in [
        (ACCOUNT, &attempt.account, limits.per_account),
        (ADDRESS, &attempt.address, limits.per_address),
    ] {
        let expired_before = now - limit.window_secs;
        with_pool!(db, |pool| sqlx::query(SQL)
            .bind(scope)
            .bind(subject)
            .bind(now)
            .bind(expired_before)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
    }
    Ok(())
}

/// Forgets the failures of a login after it succeeded. The address keeps its count: a
/// success does not excuse the other guesses made from there.
///
/// # Errors
/// When the database fails.
pub async fn clear_account(db: &Database, attempt: &Attempt) -> Result<()> {
    with_pool!(db, |pool| sqlx::query(
        "delete from login_throttle where scope = $1 and subject = $2"
    )
    .bind(ACCOUNT)
    .bind(&attempt.account)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}
