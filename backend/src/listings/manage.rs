//! A vendor managing their own products. Every statement names the vendor's own active
//! record, so no request can touch another vendor's product, whatever id it sends.

use domain::listing::Availability;
use domain::{ActiveVendor, Permission};

use super::photos::{delete_photo_rows, insert_photos, own_product, NewPhoto};
use super::search::reindex;
use super::{into_products, Product, ProductId, ProductRow, SELECT};
use crate::accounts::AccountId;
use crate::db::Database;
use crate::error::Error;
use crate::photos::PhotoKey;
use crate::{with_pool, with_tx};

pub use domain::product_form::ProductDraft;

/// Why a change was refused; nothing was saved.
#[derive(Debug, thiserror::Error)]
pub enum ListingError {
    /// The account has no active vendor record (none, suspended or erased).
    #[error("not an active vendor")]
    NotAVendor,
    /// No such product among the vendor's own.
    #[error("product not found")]
    NotFound,
    /// The category does not exist.
    #[error("unknown category")]
    UnknownCategory,
    /// More than six photos; `room` says how many more fit.
    #[error("too many photos")]
    TooManyPhotos {
        /// Photos that could still be added.
        room: usize,
    },
    /// The n-th photo of an upload (1-based) is not one the site can show.
    #[error("photo {number} refused: {reason}")]
    PhotoRefused {
        /// Which photo, counted from 1 in the order sent.
        number: usize,
        /// Why.
        reason: crate::photos::PhotoError,
    },
    /// The photo store failed (what was written of the upload is deleted again).
    #[error("photo store failed: {0}")]
    PhotoStore(#[from] crate::photos::StoreError),
    /// Storage failed.
    #[error(transparent)]
    Backend(#[from] Error),
}

impl From<sqlx::Error> for ListingError {
    fn from(error: sqlx::Error) -> Self {
        ListingError::Backend(error.into())
    }
}

/// The account's active vendor record, if the policy lets the account manage its shop; or
/// [`ListingError::NotAVendor`]. Every product service starts here, so the permission is
/// checked by the service as well as by the router.
pub(super) async fn vendor_of(db: &Database, account: AccountId) -> Result<i64, ListingError> {
    match crate::access::authorize(db, account, Permission::ManageOwnShop).await {
        Ok(actor) => actor.vendor.map(ActiveVendor::id).ok_or(ListingError::NotAVendor),
        Err(Error::Forbidden) => Err(ListingError::NotAVendor),
        Err(error) => Err(error.into()),
    }
}

/// Whether the account is an active vendor (checked before costly work like photo decoding).
///
/// # Errors
/// [`ListingError::NotAVendor`] or a storage failure.
pub async fn active_vendor(db: &Database, account: AccountId) -> Result<(), ListingError> {
    vendor_of(db, account).await.map(|_| ())
}

fn lead_days(availability: Availability) -> Option<i64> {
    match availability {
        Availability::PreOrder(days) => Some(i64::from(days)),
        _ => None,
    }
}

/// Lists a new product for the account's vendor, with its photos (already in the store).
///
/// # Errors
/// [`ListingError`]; nothing is saved then.
pub async fn create_product(
    db: &Database,
    account: AccountId,
    draft: &ProductDraft,
    photos: &[NewPhoto],
    now: i64,
) -> Result<ProductId, ListingError> {
    let vendor = vendor_of(db, account).await?;
    let mut tx = db.begin_write().await?;
    let id: Option<i64> = with_tx!(&mut tx, |conn| {
        sqlx::query_scalar(
        "insert into product (vendor_id, category_id, name, description, price, unit,
            availability, lead_days, created_at, updated_at)
         select $1, category_id, $2, $3, $4, $5, $6, $7, $8, $8 from product_category where slug = $9
         returning product_id"
    )
    .bind(vendor)
    .bind(&draft.name)
    .bind(&draft.description)
    .bind(draft.price.amount())
    .bind(draft.unit.as_str())
    .bind(draft.availability.kind())
    .bind(lead_days(draft.availability))
    .bind(now)
    .bind(&draft.category)
    .fetch_optional(&mut **conn)
    .await
    })?;
    let id = ProductId(id.ok_or(ListingError::UnknownCategory)?);
    insert_photos(&mut tx, id, photos).await?;
    reindex(&mut tx, id).await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes one of the vendor's products.
///
/// # Errors
/// [`ListingError`]; nothing is saved then.
pub async fn update_product(
    db: &Database,
    account: AccountId,
    id: ProductId,
    draft: &ProductDraft,
    now: i64,
) -> Result<(), ListingError> {
    let vendor = vendor_of(db, account).await?;
    let mut tx = db.begin_write().await?;
    let category: Option<i64> = with_tx!(&mut tx, |conn| sqlx::query_scalar(
        "select category_id from product_category where slug = $1"
    )
    .bind(&draft.category)
    .fetch_optional(&mut **conn)
    .await)?;
    let category = category.ok_or(ListingError::UnknownCategory)?;
    let rows = with_tx!(&mut tx, |conn| {
        sqlx::query(
        "update product set category_id = $1, name = $2, description = $3, price = $4, unit = $5,
            availability = $6, lead_days = $7, updated_at = $8
         where product_id = $9 and vendor_id = $10"
    )
    .bind(category)
    .bind(&draft.name)
    .bind(&draft.description)
    .bind(draft.price.amount())
    .bind(draft.unit.as_str())
    .bind(draft.availability.kind())
    .bind(lead_days(draft.availability))
    .bind(now)
    .bind(id.0)
    .bind(vendor)
    .execute(&mut **conn)
    .await
    .map(|r| r.rows_affected())
    })?;
    if rows != 1 {
        return Err(ListingError::NotFound);
    }
    reindex(&mut tx, id).await?;
    tx.commit().await?;
    Ok(())
}

/// Hides or shows one of the vendor's products.
///
/// # Errors
/// [`ListingError`].
pub async fn set_visible(
    db: &Database,
    account: AccountId,
    id: ProductId,
    visible: bool,
    now: i64,
) -> Result<(), ListingError> {
    let vendor = vendor_of(db, account).await?;
    let rows = with_pool!(db, |pool| {
        sqlx::query(
        "update product set visible = $1, updated_at = $2 where product_id = $3 and vendor_id = $4"
    )
    .bind(visible)
    .bind(now)
    .bind(id.0)
    .bind(vendor)
    .execute(pool)
    .await
    .map(|r| r.rows_affected())
    })?;
    if rows == 1 {
        Ok(())
    } else {
        Err(ListingError::NotFound)
    }
}

/// Deletes one of the vendor's products, its photo rows and its search entry. Returns the
/// photo keys, for [`crate::photos::PhotoStore::forget`].
///
/// # Errors
/// [`ListingError`].
pub async fn delete_product(
    db: &Database,
    account: AccountId,
    id: ProductId,
) -> Result<Vec<PhotoKey>, ListingError> {
    let vendor = vendor_of(db, account).await?;
    let mut tx = db.begin_write().await?;
    own_product(&mut tx, vendor, id).await?;
    let photos = delete_photo_rows(&mut tx, id).await?;
    let rows = with_tx!(&mut tx, |conn| sqlx::query(
        "delete from product where product_id = $1 and vendor_id = $2"
    )
    .bind(id.0)
    .bind(vendor)
    .execute(&mut **conn)
    .await
    .map(|r| r.rows_affected()))?;
    if rows != 1 {
        return Err(ListingError::NotFound);
    }
    reindex(&mut tx, id).await?;
    tx.commit().await?;
    Ok(photos)
}

/// The vendor's own products, hidden ones included, newest first.
///
/// # Errors
/// [`ListingError::NotAVendor`] or a storage failure.
pub async fn own_products(db: &Database, account: AccountId) -> Result<Vec<Product>, ListingError> {
    let vendor = vendor_of(db, account).await?;
    let sql =
        format!("{SELECT} where p.vendor_id = $1 order by p.created_at desc, p.product_id desc");
    let rows: Vec<ProductRow> =
        with_pool!(db, |pool| sqlx::query_as(&sql).bind(vendor).fetch_all(pool).await)?;
    Ok(into_products(rows)?)
}
