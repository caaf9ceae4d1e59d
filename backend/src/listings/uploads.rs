//! A vendor's photo intents, whole: the pictures decoded on the shared photo workers, stored,
//! named by rows in one transaction, and the files deleted again when the rows were not
//! written (or once rows stop naming them). The form handlers, a server fn or a test call one
//! of these and get either the whole effect or none of it.
//!
//! The row-level services beside them ([`create_product`], [`add_photos`], [`change_photo`],
//! [`delete_product`]) change rows only; they are what these build on.

use super::manage::{create_product, delete_product, ListingError, ProductDraft};
use super::photos::{add_photos, change_photo, photo_room, NewPhoto, PhotoChange};
use super::ProductId;
use crate::accounts::AccountId;
use crate::db::Database;
use crate::photos::{PhotoKey, PhotoStore, Processed};

/// Lists a new product with `uploads` as its photos (at most six), all or nothing.
///
/// # Errors
/// [`ListingError`]: a refused photo ([`ListingError::PhotoRefused`], numbered from 1), too
/// many, the store or the database failing; no row and no file stays behind then.
pub async fn list_product(
    db: &Database,
    store: &PhotoStore,
    account: AccountId,
    draft: &ProductDraft,
    uploads: Vec<Vec<u8>>,
    now: i64,
) -> Result<ProductId, ListingError> {
    // The cheap check first: nobody but an active vendor gets picture work done.
    super::manage::active_vendor(db, account).await?;
    let processed = store_uploads(db, store, uploads, domain::listing::limits::PHOTOS).await?;
    let created = create_product(db, account, draft, &rows_for(&processed), now).await;
    if created.is_err() {
        forget(db, store, &processed).await;
    }
    created
}

/// Adds `uploads` to one of the vendor's products, all or nothing.
///
/// # Errors
/// As [`list_product`], and [`ListingError::NotFound`] for another vendor's product.
pub async fn upload_photos(
    db: &Database,
    store: &PhotoStore,
    account: AccountId,
    product: ProductId,
    uploads: Vec<Vec<u8>>,
) -> Result<(), ListingError> {
    let room = photo_room(db, account, product).await?;
    let processed = store_uploads(db, store, uploads, room).await?;
    // The rows count again inside their transaction: a second tab may have added photos.
    let added = add_photos(db, account, product, &rows_for(&processed)).await;
    if added.is_err() {
        forget(db, store, &processed).await;
    }
    added
}

/// Moves or removes one photo of one of the vendor's products; a removed photo's files go.
///
/// # Errors
/// [`ListingError::NotFound`] when the photo is not on the vendor's product; the database.
pub async fn rearrange_photo(
    db: &Database,
    store: &PhotoStore,
    account: AccountId,
    product: ProductId,
    photo: i64,
    change: PhotoChange,
) -> Result<(), ListingError> {
    if let Some(removed) = change_photo(db, account, product, photo, change).await? {
        forget_keys(db, store, &[removed]).await;
    }
    Ok(())
}

/// Deletes one of the vendor's products, and then its photos' files.
///
/// # Errors
/// [`ListingError`]; nothing is deleted then.
pub async fn remove_product(
    db: &Database,
    store: &PhotoStore,
    account: AccountId,
    product: ProductId,
) -> Result<(), ListingError> {
    let keys = delete_product(db, account, product).await?;
    forget_keys(db, store, &keys).await;
    Ok(())
}

/// Decodes every upload, and stores them only if all are accepted.
async fn store_uploads(
    db: &Database,
    store: &PhotoStore,
    uploads: Vec<Vec<u8>>,
    room: usize,
) -> Result<Vec<Processed>, ListingError> {
    if uploads.len() > room {
        return Err(ListingError::TooManyPhotos { room });
    }
    let mut processed = Vec::with_capacity(uploads.len());
    for (index, upload) in uploads.into_iter().enumerate() {
        match store.process(upload).await? {
            Ok(photo) => processed.push(photo),
            Err(reason) => return Err(ListingError::PhotoRefused { number: index + 1, reason }),
        }
    }
    for photo in &processed {
        if let Err(error) = store.save(photo).await {
            // No row names any of them: deleting what was and was not written is the same.
            forget(db, store, &processed).await;
            return Err(error.into());
        }
    }
    Ok(processed)
}

fn rows_for(processed: &[Processed]) -> Vec<NewPhoto> {
    processed.iter().map(NewPhoto::from).collect()
}

/// Files of photos whose rows were never written.
async fn forget(db: &Database, store: &PhotoStore, processed: &[Processed]) {
    let keys: Vec<PhotoKey> = processed.iter().map(|p| p.key.clone()).collect();
    forget_keys(db, store, &keys).await;
}

/// Files no row names any more; a failure is left to the hourly sweep (no row names them).
async fn forget_keys(db: &Database, store: &PhotoStore, keys: &[PhotoKey]) {
    if let Err(error) = store.forget(db, keys).await {
        tracing::warn!(%error, "photo files left for the sweep");
    }
}
