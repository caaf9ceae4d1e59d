//! Limits on password guesses (logins, password changes) and on registrations, per account
//! and per client address, in the database so that every replica counts the same attempts.
//!
//! An attempt is counted *before* its password is verified, in one statement that also says
//! whether the count is over the limit ([`admit`]): however many attempts arrive at once, at
//! most the limit of them reach the password hash in a window. A success then gives its count
//! back ([`succeeded`]), so only failures use up a window.
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
    /// New accounts per client address: each costs a password hash, and a registration
    /// tells whether a login is taken, so it must not be a free way to ask.
    pub registrations_per_address: Limit,
}

impl Default for LoginLimits {
    fn default() -> Self {
        LoginLimits {
            per_account: Limit { failures: 5, window_secs: 15 * 60 },
            per_address: Limit { failures: 100, window_secs: 15 * 60 },
            // A family or a training class may register from one phone in an hour; a script
            // making accounts may not (the server's PASAR_REGISTRATIONS_PER_HOUR).
            registrations_per_address: Limit { failures: 10, window_secs: 60 * 60 },
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

    /// Counts guesses of the current password of account `account_id` on the password-change
    /// form, from `address`: a stolen session must not be a way to find the password.
    #[must_use]
    pub fn password_change(account_id: i64, address: &str) -> Attempt {
        Attempt::new(&format!("password-change:{account_id}"), address)
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

/// Whether the next attempt would be refused, without counting one (for showing the wait;
/// never as the gate before a password check: that is [`admit`]).
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

/// One statement per counter: the attempt is counted and the count read back at once, so
/// concurrent attempts each see a different count. A window that has run out starts again
/// at this attempt.
const COUNT: &str = "insert into login_throttle (scope, subject, failures, window_started_at)
    values ($1, $2, 1, $3)
    on conflict (scope, subject) do update set
        failures = case when login_throttle.window_started_at <= $4 then 1
                        else login_throttle.failures + 1 end,
        window_started_at = case when login_throttle.window_started_at <= $4 then $3
                                 else login_throttle.window_started_at end
    returning failures, window_started_at";

/// Counts one attempt on `subject`; refused when the count passes the limit.
async fn count(
    db: &Database,
    scope: &str,
    subject: &str,
    limit: Limit,
    now: i64,
) -> Result<Result<(), TooManyAttempts>> {
    let (count, started): (i64, i64) = with_pool!(db, |pool| sqlx::query_as(COUNT)
        .bind(scope)
        .bind(subject)
        .bind(now)
        .bind(now - limit.window_secs)
        .fetch_one(pool)
        .await)?;
    Ok(if count > limit.failures {
        Err(TooManyAttempts { retry_after_secs: (started + limit.window_secs - now).max(1) })
    } else {
        Ok(())
    })
}

/// Counts an attempt against its login and its address *before* the password is verified;
/// refused when either has used up its window. The address counts only attempts its login
/// admits: someone retrying a locked login must not lock everyone behind a shared carrier
/// address.
///
/// # Errors
/// The outer error when the database fails.
pub async fn admit(
    db: &Database,
    limits: &LoginLimits,
    attempt: &Attempt,
    now: i64,
) -> Result<Result<(), TooManyAttempts>> {
    if let Err(wait) = count(db, ACCOUNT, &attempt.account, limits.per_account, now).await? {
        return Ok(Err(wait));
    }
    count(db, ADDRESS, &attempt.address, limits.per_address, now).await
}

/// Counts a registration from `address`; refused past
/// [`LoginLimits::registrations_per_address`].
///
/// # Errors
/// The outer error when the database fails.
pub async fn admit_registration(
    db: &Database,
    limits: &LoginLimits,
    address: &str,
    now: i64,
) -> Result<Result<(), TooManyAttempts>> {
    // Counted among the addresses, under a subject of its own.
    let subject = digest(&format!("registration:{address}"));
    count(db, ADDRESS, &subject, limits.registrations_per_address, now).await
}

/// After the password was right: the login's count is forgotten and the address gets this
/// attempt back (many people share a carrier address; their successes must not lock it).
/// The address's failures still count.
///
/// # Errors
/// When the database fails.
pub async fn succeeded(db: &Database, attempt: &Attempt) -> Result<()> {
    clear_account(db, attempt).await?;
    with_pool!(db, |pool| sqlx::query(
        "update login_throttle set failures = failures - 1
         where scope = $1 and subject = $2 and failures > 0"
    )
    .bind(ADDRESS)
    .bind(&attempt.address)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
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
