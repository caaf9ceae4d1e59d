//! Whether an account runs an active vendor's shop, decided by the domain's one definition
//! (`domain::permission::vendor_is_active`) from the stored facts.

use domain::application::ApplicationStatus;
use domain::ActiveVendor;

use crate::accounts::AccountId;
use crate::error::Error;
use crate::{with_pool, Database};

/// The account's active vendor record, if it has one (read on every logged-in request, for
/// the access policy).
///
/// # Errors
/// When the database fails, or a stored status is unknown.
pub async fn active_vendor_of(
    db: &Database,
    account: AccountId,
) -> Result<Option<ActiveVendor>, Error> {
    let row: Option<(i64, String, Option<i64>)> = with_pool!(db, |pool| {
        sqlx::query_as(
        "select application_id, status, erased_at from vendor_application where account_id = $1"
    )
    .bind(account.0)
    .fetch_optional(pool)
    .await
    })?;
    let Some((id, status, erased_at)) = row else {
        return Ok(None);
    };
    let status = ApplicationStatus::from_db(&status)
        .ok_or_else(|| Error::Corrupt(format!("application {id} has status {status:?}")))?;
    Ok(ActiveVendor::from_record(id, status, erased_at.is_some()))
}
