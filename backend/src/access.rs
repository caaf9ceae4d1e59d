//! The access policy applied inside the backend: services that change state on someone's
//! behalf check that the acting account holds the permission, as the router already did for
//! the endpoint. The same service is then safe to call from a form, a server fn, a job or a
//! test, and a role withdrawn between the router's check and the service's write wins.

use domain::vendor::VendorStatus;
use domain::{ActiveVendor, Actor, Permission};

use crate::accounts::{Account, AccountId, AccountRow};
use crate::db::Database;
use crate::error::Error;
use crate::with_pool;

/// The account, its live vendor record (if any) and its unread notices, in one row: what
/// every logged-in request reads before the page, so it is one round trip, not three.
const CALLER: &str = "select a.account_id, a.phone, a.email, a.password_hash, a.role,
        v.vendor_id, v.status as vendor_status,
        (select count(*) from notification n
          where n.account_id = a.account_id and n.read_at is null) as unread_notices
     from account a left join vendor v on v.account_id = a.account_id and v.erased_at is null
     where a.account_id = $1";

/// Who is asking, as a logged-in request needs to know it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// The account.
    pub account: Account,
    /// Its vendor record while active (approved, not suspended, not erased).
    pub vendor: Option<ActiveVendor>,
    /// Notices not read yet (the header's badge).
    pub unread_notices: i64,
}

impl Caller {
    /// The caller as the policy sees them.
    #[must_use]
    pub fn actor(&self) -> Actor {
        Actor::new(self.account.id.0, self.account.role, self.vendor)
    }
}

#[derive(sqlx::FromRow)]
struct CallerRow {
    #[sqlx(flatten)]
    account: AccountRow,
    vendor_id: Option<i64>,
    vendor_status: Option<String>,
    unread_notices: i64,
}

/// The account `account` with its vendor record and unread count, or `None` when there is no
/// such account (deleted while a session still named it).
///
/// # Errors
/// The database's failures; a stored role or vendor status the code does not know.
pub async fn caller(db: &Database, account: AccountId) -> Result<Option<Caller>, Error> {
    let row: Option<CallerRow> =
        with_pool!(db, |pool| sqlx::query_as(CALLER).bind(account.0).fetch_optional(pool).await)?;
    let Some(row) = row else { return Ok(None) };
    let vendor = match (row.vendor_id, row.vendor_status) {
        (Some(id), Some(status)) => {
            let status = VendorStatus::from_db(&status)
                .ok_or_else(|| Error::Corrupt(format!("vendor {id} has status {status:?}")))?;
            // The join already left erased records out.
            ActiveVendor::from_record(id, status, false)
        }
        _ => None,
    };
    Ok(Some(Caller {
        account: row.account.into_account()?,
        vendor,
        unread_notices: row.unread_notices,
    }))
}

/// The acting account as the policy sees it, read now: its role, and its vendor record while
/// active. An account that does not exist holds nothing.
///
/// # Errors
/// [`Error::Forbidden`] for an unknown account; the database's failures.
pub async fn actor(db: &Database, account: AccountId) -> Result<Actor, Error> {
    caller(db, account).await?.map(|found| found.actor()).ok_or(Error::Forbidden)
}

/// Lets `account` through if it holds `permission`.
///
/// # Errors
/// [`Error::Forbidden`] when it does not (nothing is changed then); the database's failures.
pub async fn authorize(
    db: &Database,
    account: AccountId,
    permission: Permission,
) -> Result<Actor, Error> {
    let actor = actor(db, account).await?;
    if actor.may(permission) {
        Ok(actor)
    } else {
        tracing::warn!(permission = permission.as_str(), "refused by the service");
        Err(Error::Forbidden)
    }
}
