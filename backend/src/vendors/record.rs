//! The vendor record: created when an application is approved, pointed at by products (and
//! later bookings, payments and credit journeys), suspended and reinstated with the Dinas's
//! decisions, kept after erasure with only what financial records need.

use domain::vendor::VendorStatus;
use domain::ActiveVendor;

use super::model::ApplicationId;
use crate::accounts::AccountId;
use crate::db::{Database, WriteTx};
use crate::error::Error;
use crate::{with_pool, with_tx};

/// A vendor's database id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VendorId(pub i64);

/// The one SQL spelling of `domain::permission::vendor_is_active`, for a vendor aliased `v`:
/// a record exists only once approved, so active is "not suspended and not erased". Every
/// query that shows or lets someone manage a shop uses it; `record::tests` holds it to the
/// domain's definition.
#[macro_export]
macro_rules! active_vendor {
    () => {
        "v.status = 'active' and v.erased_at is null"
    };
}

/// [`active_vendor!`] as a value.
pub const ACTIVE: &str = active_vendor!();

/// An address part for a vendor's public profile: `v<application id>`, short and stable,
/// revealing nothing about the person (the same addresses the shops had before vendors were
/// records of their own).
fn public_slug(application: ApplicationId) -> String {
    format!("v{}", application.0)
}

/// Creates the vendor record of an application being approved, inside the decision's
/// transaction, from the business fields the Dinas just reviewed. The shop's area is the
/// kecamatan of the owner's kelurahan (or the regency outside Kota Kupang), which the vendor
/// may change afterwards.
///
/// # Errors
/// When the database fails (for example, the account already has a live vendor record).
pub(super) async fn create_at_approval(
    tx: &mut WriteTx,
    application: ApplicationId,
    now: i64,
) -> Result<VendorId, Error> {
    create_vendor(tx, application, &public_slug(application), now).await
}

/// [`create_at_approval`] with a chosen profile address (the demo's readable ones).
///
/// # Errors
/// When the database fails.
pub async fn create_vendor(
    tx: &mut WriteTx,
    application: ApplicationId,
    slug: &str,
    now: i64,
) -> Result<VendorId, Error> {
    let id: i64 = with_tx!(tx, |conn| sqlx::query_scalar(
        "insert into vendor (account_id, application_id, public_slug, business_name, category,
            description, business_photo, whatsapp, kecamatan_id, outside_regency, created_at,
            updated_at)
         select a.account_id, a.application_id, $2, a.business_name, a.category, a.description,
            a.business_photo, a.whatsapp, kl.kecamatan_id, a.outside_regency, $3, $3
         from vendor_application a
         left join kelurahan kl on kl.kelurahan_id = a.kelurahan_id
         where a.application_id = $1
         returning vendor_id"
    )
    .bind(application.0)
    .bind(slug)
    .bind(now)
    .fetch_one(&mut **conn)
    .await)?;
    Ok(VendorId(id))
}

/// Suspends or reinstates the vendor record of `application`, inside the decision's
/// transaction. The application keeps its own status as the history of the request.
///
/// # Errors
/// When the database fails.
pub(super) async fn set_status(
    tx: &mut WriteTx,
    application: ApplicationId,
    status: VendorStatus,
    now: i64,
) -> Result<(), Error> {
    with_tx!(tx, |conn| sqlx::query(
        "update vendor set status = $1, updated_at = $2 where application_id = $3"
    )
    .bind(status.as_str())
    .bind(now)
    .bind(application.0)
    .execute(&mut **conn)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// The account's active vendor record, if it has one (read on every logged-in request, for
/// the access policy), decided by the domain's one definition from the stored facts.
///
/// # Errors
/// When the database fails, or a stored status is unknown.
pub async fn active_vendor_of(
    db: &Database,
    account: AccountId,
) -> Result<Option<ActiveVendor>, Error> {
    let row: Option<(i64, String, Option<i64>)> = with_pool!(db, |pool| sqlx::query_as(
        "select vendor_id, status, erased_at from vendor
         where account_id = $1 and erased_at is null"
    )
    .bind(account.0)
    .fetch_optional(pool)
    .await)?;
    let Some((id, status, erased_at)) = row else {
        return Ok(None);
    };
    let status = VendorStatus::from_db(&status)
        .ok_or_else(|| Error::Corrupt(format!("vendor {id} has status {status:?}")))?;
    Ok(ActiveVendor::from_record(id, status, erased_at.is_some()))
}

/// The account's active vendor id, or `None` (a suspended, erased or missing shop).
///
/// # Errors
/// When the database fails.
pub async fn active_vendor_id(
    db: &Database,
    account: AccountId,
) -> Result<Option<VendorId>, Error> {
    Ok(active_vendor_of(db, account).await?.map(|vendor| VendorId(vendor.id())))
}

#[cfg(test)]
mod tests {
    use domain::permission::vendor_is_active;
    use domain::vendor::VendorStatus;

    use super::ACTIVE;

    /// The SQL condition and the domain's definition agree on every combination of facts.
    #[tokio::test]
    async fn the_sql_spelling_of_an_active_vendor_is_the_domains_definition() {
        let pool = sqlx::SqlitePool::connect("sqlite::memory:").await.expect("in-memory SQLite");
        let sql =
            format!("select count(*) from (select $1 as status, $2 as erased_at) v where {ACTIVE}");
        for status in VendorStatus::ALL {
            for erased in [false, true] {
                let matched: i64 = sqlx::query_scalar(&sql)
                    .bind(status.as_str())
                    .bind(erased.then_some(1_i64))
                    .fetch_one(&pool)
                    .await
                    .expect("the condition runs");
                assert_eq!(
                    matched == 1,
                    vendor_is_active(status, erased),
                    "{status:?}, erased {erased}"
                );
            }
        }
    }
}
