//! The shop's photo, replaced by the vendor from `/lapak`. It applies at once (the Dinas
//! reviews names and categories again, not pictures) and all or nothing: the new file is
//! stored before the row names it and deleted again if the row cannot be changed; the file
//! it replaced is deleted once no row names it (the application may still show it).

use super::record::{VendorId, ACTIVE};
use super::shop::{log, own_shop};
use crate::accounts::AccountId;
use crate::audit::Action;
use crate::db::Database;
use crate::error::Error;
use crate::media::{self, PhotoError, Visibility};
use crate::photos::PhotoStore;
use crate::with_tx;

/// Why the photo was not replaced; nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum ShopPhotoError {
    /// No active shop (none, suspended or erased).
    #[error("not an active vendor")]
    NotAVendor,
    /// Not a usable picture, or it could not be stored.
    #[error(transparent)]
    Photo(#[from] PhotoError),
    /// The database failed.
    #[error(transparent)]
    Backend(#[from] Error),
}

/// Replaces the photo of `account`'s shop with `upload`; returns the new file's key.
///
/// # Errors
/// [`ShopPhotoError`]; the shop keeps its photo then, and no new file stays behind.
pub async fn replace_shop_photo(
    db: &Database,
    store: &PhotoStore,
    account: AccountId,
    upload: Vec<u8>,
    now: i64,
) -> Result<String, ShopPhotoError> {
    // The cheap checks first: a suspended vendor's upload costs no picture work.
    if let Err(Error::Forbidden) =
        crate::access::authorize(db, account, domain::Permission::ManageOwnShop).await
    {
        return Err(ShopPhotoError::NotAVendor);
    }
    let shop = own_shop(db, account).await?.ok_or(ShopPhotoError::NotAVendor)?;
    let key = media::save_photo(store, Visibility::Public, upload).await?;
    let vendor = VendorId(shop.vendor_id);
    match point_at(db, account, vendor, &key, now).await {
        Ok(()) => {
            if let Some(old) = shop.business_photo.filter(|old| *old != key) {
                if let Err(error) = store.forget_files(db, &[old]).await {
                    tracing::warn!(%error, "a replaced shop photo was not deleted yet");
                }
            }
            tracing::info!(vendor = vendor.0, "shop photo replaced");
            Ok(key)
        }
        Err(error) => {
            // Compensation: the row never named the file.
            if let Err(cleanup) = store.delete_files_of(&[key]).await {
                tracing::warn!(error = %cleanup, "an unsaved shop photo was not deleted yet");
            }
            Err(error)
        }
    }
}

/// The shop's row names the new file, in one transaction with its audit entry; a
/// suspension that landed since the check wins.
async fn point_at(
    db: &Database,
    account: AccountId,
    vendor: VendorId,
    key: &str,
    now: i64,
) -> Result<(), ShopPhotoError> {
    let mut tx = db.begin_write().await?;
    let sql = format!(
        "update vendor as v set business_photo = $1, updated_at = $2 where v.vendor_id = $3 and {ACTIVE}"
    );
    let rows = with_tx!(&mut tx, |conn| sqlx::query(&sql)
        .bind(key)
        .bind(now)
        .bind(vendor.0)
        .execute(&mut **conn)
        .await
        .map(|r| r.rows_affected()))
    .map_err(Error::from)?;
    if rows != 1 {
        return Err(ShopPhotoError::NotAVendor);
    }
    log(&mut tx, Some(account), Action::ShopProfileChanged, vendor, "business_photo", now).await?;
    tx.commit().await?;
    Ok(())
}
