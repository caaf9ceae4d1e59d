//! In-app notices to applicants: one for every decision on their application.

use super::model::ApplicationId;
use crate::accounts::AccountId;
use crate::db::{Database, WriteTx};
use crate::error::Error;
use crate::{with_pool, with_tx};

/// A notice, newest first in lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// What happened: a transition name (`approve`, `request_changes`…).
    pub kind: String,
    /// Unix time.
    pub at: i64,
    /// Whether it has been seen.
    pub read: bool,
}

/// Adds a notice inside the transaction of the decision it tells about.
pub(super) async fn notify(
    tx: &mut WriteTx,
    account: AccountId,
    kind: &str,
    application: ApplicationId,
    now: i64,
) -> Result<(), Error> {
    with_tx!(tx, |conn| {
        sqlx::query(
        "insert into notification (account_id, kind, application_id, created_at) values ($1, $2, $3, $4)"
    )
    .bind(account.0)
    .bind(kind)
    .bind(application.0)
    .bind(now)
    .execute(&mut **conn)
    .await
    .map(|_| ())
    })?;
    Ok(())
}

/// An account's latest notices (at most 20).
///
/// # Errors
/// When the database fails.
pub async fn notifications_for(
    db: &Database,
    account: AccountId,
) -> Result<Vec<Notification>, Error> {
    const SQL: &str = "select kind, created_at, read_at from notification where account_id = $1
        order by created_at desc, notification_id desc limit 20";
    let rows: Vec<(String, i64, Option<i64>)> =
        with_pool!(db, |pool| sqlx::query_as(SQL).bind(account.0).fetch_all(pool).await)?;
    Ok(rows
        .into_iter()
        .map(|(kind, at, read_at)| Notification { kind, at, read: read_at.is_some() })
        .collect())
}

/// Marks every notice of an account as seen.
///
/// # Errors
/// When the database fails.
pub async fn mark_notifications_read(
    db: &Database,
    account: AccountId,
    now: i64,
) -> Result<(), Error> {
    with_pool!(db, |pool| sqlx::query(
        "update notification set read_at = $2 where account_id = $1 and read_at is null"
    )
    .bind(account.0)
    .bind(now)
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(())
}
