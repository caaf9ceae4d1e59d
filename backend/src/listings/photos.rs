//! A product's photo rows: order, cover (position 0), at most [`limits::PHOTOS`]. The files
//! themselves are in [`crate::photos::PhotoStore`]; callers save files before calling in here
//! and hand back the keys these functions return to [`crate::photos::PhotoStore::forget`].

use std::collections::HashMap;

use domain::listing::limits;

use super::manage::{vendor_of, ListingError};
use super::ProductId;
use crate::accounts::AccountId;
use crate::db::{Database, WriteTx};
use crate::photos::{PhotoKey, Processed};
use crate::{with_pool, with_tx};

/// A stored photo as pages need it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Photo {
    /// Row id (for the vendor's reorder/cover/remove buttons).
    pub photo_id: i64,
    /// Object-store key.
    pub photo_key: String,
    /// Largest variant's width.
    pub width: i64,
    /// Largest variant's height.
    pub height: i64,
}

/// A processed photo about to get its row.
#[derive(Debug, Clone)]
pub struct NewPhoto {
    /// Its key.
    pub key: PhotoKey,
    /// Largest variant's width.
    pub width: u32,
    /// Largest variant's height.
    pub height: u32,
}

impl From<&Processed> for NewPhoto {
    fn from(photo: &Processed) -> Self {
        let (width, height) = photo.size();
        NewPhoto { key: photo.key.clone(), width, height }
    }
}

/// A product's photos in order, cover first.
///
/// # Errors
/// When the database fails.
pub async fn product_photos(db: &Database, id: ProductId) -> Result<Vec<Photo>, crate::Error> {
    Ok(with_pool!(db, |pool| sqlx::query_as(
        "select photo_id, photo_key, width, height from product_photo
         where product_id = $1 order by position, photo_id"
    )
    .bind(id.0)
    .fetch_all(pool)
    .await)?)
}

/// A photo with the product it belongs to.
#[derive(sqlx::FromRow)]
struct ProductPhotoRow {
    product_id: i64,
    #[sqlx(flatten)]
    photo: Photo,
}

/// The photos of every one of the account's products, each product's in order (one query for
/// the vendor's whole shop, instead of one per product).
///
/// # Errors
/// When the database fails.
pub async fn own_photos(
    db: &Database,
    account: AccountId,
) -> Result<HashMap<ProductId, Vec<Photo>>, crate::Error> {
    let rows: Vec<ProductPhotoRow> = with_pool!(db, |pool| sqlx::query_as(concat!(
        "select f.product_id, f.photo_id, f.photo_key, f.width, f.height
             from product_photo f join product p on p.product_id = f.product_id
             join vendor v on v.vendor_id = p.vendor_id
             where v.account_id = $1 and ",
        crate::active_vendor!(),
        " order by f.product_id, f.position, f.photo_id"
    ))
    .bind(account.0)
    .fetch_all(pool)
    .await)?;
    let mut photos: HashMap<ProductId, Vec<Photo>> = HashMap::new();
    for row in rows {
        photos.entry(ProductId(row.product_id)).or_default().push(row.photo);
    }
    Ok(photos)
}

/// Appends photos after the existing ones, inside the caller's transaction.
pub(super) async fn insert_photos(
    tx: &mut WriteTx,
    product: ProductId,
    photos: &[NewPhoto],
) -> Result<(), ListingError> {
    let existing: i64 = with_tx!(tx, |conn| sqlx::query_scalar(
        "select count(*) from product_photo where product_id = $1"
    )
    .bind(product.0)
    .fetch_one(&mut **conn)
    .await)?;
    let existing = usize::try_from(existing).unwrap_or(usize::MAX);
    if existing.saturating_add(photos.len()) > limits::PHOTOS {
        return Err(ListingError::TooManyPhotos { room: limits::PHOTOS.saturating_sub(existing) });
    }
    for (offset, photo) in photos.iter().enumerate() {
        let position = i64::try_from(existing + offset).unwrap_or(i64::MAX);
        with_tx!(tx, |conn| sqlx::query(
            "insert into product_photo (product_id, position, photo_key, width, height)
             values ($1, $2, $3, $4, $5)"
        )
        .bind(product.0)
        .bind(position)
        .bind(photo.key.as_str())
        .bind(i64::from(photo.width))
        .bind(i64::from(photo.height))
        .execute(&mut **conn)
        .await
        .map(|_| ()))?;
    }
    Ok(())
}

/// Checks inside `tx` that the product is the vendor's own.
pub(super) async fn own_product(
    tx: &mut WriteTx,
    vendor: i64,
    product: ProductId,
) -> Result<(), ListingError> {
    let found: Option<i64> = with_tx!(tx, |conn| sqlx::query_scalar(
        "select product_id from product where product_id = $1 and vendor_id = $2"
    )
    .bind(product.0)
    .bind(vendor)
    .fetch_optional(&mut **conn)
    .await)?;
    found.map(|_| ()).ok_or(ListingError::NotFound)
}

/// How many more photos one of the account's own products can take. Asked before an upload
/// is read, so that nobody but the product's vendor gets the server's memory and CPU.
///
/// # Errors
/// [`ListingError::NotAVendor`], [`ListingError::NotFound`] (not their product), or a
/// storage failure.
pub async fn photo_room(
    db: &Database,
    account: AccountId,
    product: ProductId,
) -> Result<usize, ListingError> {
    let vendor = vendor_of(db, account).await?;
    let photos: Option<i64> = with_pool!(db, |pool| sqlx::query_scalar(
        "select (select count(*) from product_photo f where f.product_id = p.product_id)
         from product p where p.product_id = $1 and p.vendor_id = $2"
    )
    .bind(product.0)
    .bind(vendor)
    .fetch_optional(pool)
    .await)?;
    let photos = photos.ok_or(ListingError::NotFound)?;
    Ok(limits::PHOTOS.saturating_sub(usize::try_from(photos).unwrap_or(usize::MAX)))
}

/// Adds photos to one of the vendor's products, refusing the lot if they would pass six.
///
/// # Errors
/// [`ListingError::TooManyPhotos`], [`ListingError::NotFound`], …; nothing is saved then.
pub async fn add_photos(
    db: &Database,
    account: AccountId,
    product: ProductId,
    photos: &[NewPhoto],
) -> Result<(), ListingError> {
    let vendor = vendor_of(db, account).await?;
    let mut tx = db.begin_write().await?;
    own_product(&mut tx, vendor, product).await?;
    insert_photos(&mut tx, product, photos).await?;
    tx.commit().await?;
    Ok(())
}

/// How the vendor rearranges photos.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoChange {
    /// Make it the cover (first).
    MakeCover,
    /// One place earlier.
    MoveEarlier,
    /// One place later.
    MoveLater,
    /// Remove it.
    Remove,
}

/// Applies `change` to one photo of one of the vendor's products. Returns the key of a removed
/// photo, for [`crate::photos::PhotoStore::forget`].
///
/// # Errors
/// [`ListingError::NotFound`] when the photo is not on the vendor's product.
pub async fn change_photo(
    db: &Database,
    account: AccountId,
    product: ProductId,
    photo_id: i64,
    change: PhotoChange,
) -> Result<Option<PhotoKey>, ListingError> {
    let vendor = vendor_of(db, account).await?;
    let mut tx = db.begin_write().await?;
    own_product(&mut tx, vendor, product).await?;
    let mut order: Vec<(i64, String)> = with_tx!(&mut tx, |conn| {
        sqlx::query_as(
        "select photo_id, photo_key from product_photo where product_id = $1 order by position, photo_id"
    )
    .bind(product.0)
    .fetch_all(&mut **conn)
    .await
    })?;
    let index = order.iter().position(|(id, _)| *id == photo_id).ok_or(ListingError::NotFound)?;
    let mut removed = None;
    match change {
        PhotoChange::MakeCover => {
            let photo = order.remove(index);
            order.insert(0, photo);
        }
        PhotoChange::MoveEarlier if index > 0 => order.swap(index, index - 1),
        PhotoChange::MoveLater if index + 1 < order.len() => order.swap(index, index + 1),
        PhotoChange::MoveEarlier | PhotoChange::MoveLater => {}
        PhotoChange::Remove => {
            let (id, key) = order.remove(index);
            with_tx!(&mut tx, |conn| sqlx::query("delete from product_photo where photo_id = $1")
                .bind(id)
                .execute(&mut **conn)
                .await
                .map(|_| ()))?;
            removed = PhotoKey::parse(&key);
        }
    }
    for (position, (id, _)) in order.iter().enumerate() {
        with_tx!(&mut tx, |conn| sqlx::query(
            "update product_photo set position = $1 where photo_id = $2"
        )
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .bind(id)
        .execute(&mut **conn)
        .await
        .map(|_| ()))?;
    }
    tx.commit().await?;
    Ok(removed)
}

/// Deletes a product's photo rows inside the caller's transaction; returns their keys.
pub(super) async fn delete_photo_rows(
    tx: &mut WriteTx,
    product: ProductId,
) -> Result<Vec<PhotoKey>, ListingError> {
    let keys: Vec<String> = with_tx!(tx, |conn| sqlx::query_scalar(
        "delete from product_photo where product_id = $1 returning photo_key"
    )
    .bind(product.0)
    .fetch_all(&mut **conn)
    .await)?;
    Ok(keys.iter().filter_map(|k| PhotoKey::parse(k)).collect())
}
