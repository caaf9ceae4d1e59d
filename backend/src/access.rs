//! The access policy applied inside the backend: services that change state on someone's
//! behalf check that the acting account holds the permission, as the router already did for
//! the endpoint. The same service is then safe to call from a form, a server fn, a job or a
//! test, and a role withdrawn between the router's check and the service's write wins.

use domain::{Actor, Permission};

use crate::accounts::{find_account, AccountId};
use crate::db::Database;
use crate::error::Error;
use crate::vendors::active_vendor_of;

/// The acting account as the policy sees it, read now: its role, and its vendor record while
/// active. An account that does not exist holds nothing.
///
/// # Errors
/// [`Error::Forbidden`] for an unknown account; the database's failures.
pub async fn actor(db: &Database, account: AccountId) -> Result<Actor, Error> {
    let role = find_account(db, account).await?.map(|found| found.role).ok_or(Error::Forbidden)?;
    let vendor = active_vendor_of(db, account).await?;
    Ok(Actor::new(account.0, role, vendor))
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
