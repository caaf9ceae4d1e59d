//! Password reset without SMS: a person who forgot their password comes to the market office,
//! and an admin gives them a one-time link (valid 24 hours, single use, revocable).
//!
//! Only the SHA-256 of a link's token is stored; the token itself is shown once to the admin
//! and exists nowhere else. Using a link sets the new password and ends every session of the
//! account, in one transaction.

use base64::Engine as _;
use domain::password::{check_new_password, PasswordError};
use sha2::{Digest, Sha256};

use super::{audit, AccountId, PasswordHasher};
use crate::audit::Action;
use crate::db::Database;
use crate::error::Error;
use crate::{with_pool, with_tx};

/// How long a reset link works.
pub const RESET_LINK_LIFETIME_SECS: i64 = 24 * 60 * 60;

/// A freshly issued token, to be put into a link and shown once.
pub struct ResetToken(String);

impl ResetToken {
    fn generate() -> Result<ResetToken, Error> {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes)
            .map_err(|e| Error::Corrupt(format!("no randomness for a reset token: {e}")))?;
        Ok(ResetToken(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)))
    }

    /// The token's text, for the link.
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for ResetToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ResetToken(…)")
    }
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The link currently waiting to be used for an account, as the admin page shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PendingReset {
    /// Unix time it was issued.
    pub issued_at: i64,
    /// Unix time it stops working.
    pub expires_at: i64,
}

/// Issues a new reset link for `subject`, revoking any earlier unused one, and records who
/// issued it.
///
/// # Errors
/// When the database fails; nothing is then saved.
#[tracing::instrument(skip_all, fields(subject = subject.0))]
pub async fn issue_reset_link(
    db: &Database,
    actor: AccountId,
    subject: AccountId,
    now: i64,
) -> Result<ResetToken, Error> {
    crate::access::authorize(db, actor, domain::Permission::ManageUsers).await?;
    issue(db, Some(actor), subject, now).await
}

/// Issues a reset link that the account holder asked for themselves (by email), revoking
/// any earlier unused one. Recorded with no actor: nobody but the mailbox owner sees it.
///
/// # Errors
/// When the database fails; nothing is then saved.
#[tracing::instrument(skip_all, fields(subject = subject.0))]
pub async fn issue_self_service_reset_link(
    db: &Database,
    subject: AccountId,
    now: i64,
) -> Result<ResetToken, Error> {
    issue(db, None, subject, now).await
}

async fn issue(
    db: &Database,
    actor: Option<AccountId>,
    subject: AccountId,
    now: i64,
) -> Result<ResetToken, Error> {
    let token = ResetToken::generate()?;
    let mut tx = db.begin_write().await?;
    revoke_pending(&mut tx, subject, now).await?;
    with_tx!(&mut tx, |conn| sqlx::query(
        "insert into password_reset (token_hash, account_id, issued_by, issued_at, expires_at)
         values ($1, $2, $3, $4, $5)"
    )
    .bind(token_hash(token.expose()))
    .bind(subject.0)
    .bind(actor.map(|a| a.0))
    .bind(now)
    .bind(now + RESET_LINK_LIFETIME_SECS)
    .execute(&mut **conn)
    .await
    .map(|r| r.rows_affected()))?;
    let action = if actor.is_some() { Action::ResetLinkIssued } else { Action::ResetLinkEmailed };
    audit(&mut tx, actor, action, subject, "", now).await?;
    tx.commit().await?;
    Ok(token)
}

async fn revoke_pending(
    tx: &mut crate::db::WriteTx,
    subject: AccountId,
    now: i64,
) -> Result<u64, Error> {
    let done = with_tx!(tx, |conn| sqlx::query(
        "update password_reset set revoked_at = $1
         where account_id = $2 and used_at is null and revoked_at is null and expires_at > $1"
    )
    .bind(now)
    .bind(subject.0)
    .execute(&mut **conn)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(done)
}

/// Revokes the account's pending link, if any; returns whether there was one.
///
/// # Errors
/// When the database fails; nothing is then changed.
#[tracing::instrument(skip_all, fields(subject = subject.0))]
pub async fn revoke_reset_links(
    db: &Database,
    actor: AccountId,
    subject: AccountId,
    now: i64,
) -> Result<bool, Error> {
    crate::access::authorize(db, actor, domain::Permission::ManageUsers).await?;
    let mut tx = db.begin_write().await?;
    let revoked = revoke_pending(&mut tx, subject, now).await? > 0;
    if revoked {
        audit(&mut tx, Some(actor), Action::ResetLinkRevoked, subject, "", now).await?;
    }
    tx.commit().await?;
    Ok(revoked)
}

/// The account's link waiting to be used, if any.
///
/// # Errors
/// When the database fails.
pub async fn pending_reset(
    db: &Database,
    subject: AccountId,
    now: i64,
) -> Result<Option<PendingReset>, Error> {
    const SQL: &str = "select issued_at, expires_at from password_reset
        where account_id = $1 and used_at is null and revoked_at is null and expires_at > $2
        order by issued_at desc limit 1";
    let row: Option<(i64, i64)> = with_pool!(db, |pool| sqlx::query_as(SQL)
        .bind(subject.0)
        .bind(now)
        .fetch_optional(pool)
        .await)?;
    Ok(row.map(|(issued_at, expires_at)| PendingReset { issued_at, expires_at }))
}

/// Whether a token is one that can still be used (the reset page asks before showing its form).
///
/// # Errors
/// When the database fails.
pub async fn reset_link_is_usable(db: &Database, token: &str, now: i64) -> Result<bool, Error> {
    const SQL: &str = "select exists (select 1 from password_reset where token_hash = $1
        and used_at is null and revoked_at is null and expires_at > $2)";
    Ok(with_pool!(db, |pool| sqlx::query_scalar(SQL)
        .bind(token_hash(token))
        .bind(now)
        .fetch_one(pool)
        .await)?)
}

/// Why a reset was refused; nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum ResetError {
    /// The new password breaks a rule.
    #[error("password refused: {0}")]
    Password(#[from] PasswordError),
    /// Unknown, expired, revoked or already used: one answer for all four.
    #[error("reset link not usable")]
    LinkNotUsable,
    /// Storage or hashing failed.
    #[error(transparent)]
    Backend(#[from] Error),
}

/// Sets a new password with a reset link, uses the link up and ends every session of the
/// account. The link is claimed by a conditional update, so two tabs submitting the same link
/// cannot both succeed.
///
/// # Errors
/// [`ResetError`]; nothing is saved in any case.
#[tracing::instrument(skip_all)]
pub async fn reset_password(
    db: &Database,
    hasher: &PasswordHasher,
    token: &str,
    new_password: &str,
    now: i64,
) -> Result<AccountId, ResetError> {
    check_new_password(new_password)?;
    // Hash before taking the write lock: the lock is held for milliseconds, not the hash's time.
    let hash = hasher.hash(new_password.to_owned()).await.map_err(Error::from)?;
    let mut tx = db.begin_write().await?;
    let claimed: Option<i64> = with_tx!(&mut tx, |conn| sqlx::query_scalar(
        "update password_reset set used_at = $1
         where token_hash = $2 and used_at is null and revoked_at is null and expires_at > $1
         returning account_id"
    )
    .bind(now)
    .bind(token_hash(token))
    .fetch_optional(&mut **conn)
    .await)
    .map_err(Error::from)?;
    let Some(account) = claimed.map(AccountId) else {
        return Err(ResetError::LinkNotUsable);
    };
    super::store_password_hash(&mut tx, account, &hash).await?;
    super::end_sessions_in(&mut tx, account).await?;
    audit(&mut tx, Some(account), Action::ResetLinkUsed, account, "", now).await?;
    tx.commit().await?;
    Ok(account)
}
