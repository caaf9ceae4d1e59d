//! The single pictures of applications and shops (a business photo, a proof of return) in the
//! same object store as the product photos, under `files/public/<key>` or
//! `files/private/<key>`. Several server processes on one database and one bucket then serve
//! every file. Public files are served to anyone at `/media/<key>`; private ones only through
//! handlers that authorise and log each view.
//!
//! As for product photos, a file is written before the row that names it and its row changed
//! before the file is deleted; [`PhotoStore::sweep_files`] removes what a crash in between left.

use bytes::Bytes;
use futures::TryStreamExt;
use object_store::path::Path;
use object_store::PutPayload;

use super::{PhotoStore, StoreError};
use crate::db::Database;
use crate::media::{is_valid_key, Visibility};
use crate::with_pool;

fn location(visibility: Visibility, key: &str) -> Path {
    Path::from(format!("files/{}/{key}", visibility.folder()))
}

impl PhotoStore {
    /// Stores a file under `key` (a key from [`crate::media::prepare_photo`]).
    ///
    /// # Errors
    /// When the store fails.
    pub async fn put_file(
        &self,
        visibility: Visibility,
        key: &str,
        bytes: Vec<u8>,
    ) -> Result<(), StoreError> {
        self.store.put(&location(visibility, key), PutPayload::from(Bytes::from(bytes))).await?;
        Ok(())
    }

    /// A file's bytes, or `None` when the key is malformed or nothing is stored under it with
    /// this visibility (a private file is never found as a public one).
    ///
    /// # Errors
    /// When the store fails.
    pub async fn file(
        &self,
        visibility: Visibility,
        key: &str,
    ) -> Result<Option<Bytes>, StoreError> {
        if !is_valid_key(key) {
            return Ok(None);
        }
        match self.store.get(&location(visibility, key)).await {
            Ok(found) => Ok(Some(found.bytes().await?)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    /// Whether a file is stored under `key` with this visibility.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn has_file(&self, visibility: Visibility, key: &str) -> Result<bool, StoreError> {
        match self.store.head(&location(visibility, key)).await {
            Ok(_) => Ok(true),
            Err(object_store::Error::NotFound { .. }) => Ok(false),
            Err(error) => Err(error.into()),
        }
    }

    /// Deletes the files under `keys`, whichever their visibility; missing ones are fine.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn delete_files_of(&self, keys: &[String]) -> Result<(), StoreError> {
        for key in keys.iter().filter(|key| is_valid_key(key)) {
            for visibility in [Visibility::Public, Visibility::Private] {
                match self.store.delete(&location(visibility, key)).await {
                    Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
                    Err(error) => return Err(error.into()),
                }
            }
        }
        Ok(())
    }

    /// Deletes those of `keys` no application or vendor row names any more (called right
    /// after the row change; what it misses, the sweep finds).
    ///
    /// # Errors
    /// When the database or the store fails.
    pub async fn forget_files(&self, db: &Database, keys: &[String]) -> Result<(), StoreError> {
        for key in keys {
            if !file_is_referenced(db, key).await? {
                self.delete_files_of(std::slice::from_ref(key)).await?;
            }
        }
        Ok(())
    }

    /// Removes files no application or vendor row names, if written more than
    /// `grace_seconds` before `now`. Returns how many were removed.
    ///
    /// # Errors
    /// When the database or the store fails.
    pub async fn sweep_files(
        &self,
        db: &Database,
        now: i64,
        grace_seconds: i64,
    ) -> Result<usize, StoreError> {
        let stored: Vec<_> = self.store.list(Some(&Path::from("files"))).try_collect().await?;
        let mut removed = 0;
        for file in stored {
            let Some(key) = file.location.filename().map(str::to_owned) else { continue };
            let old = file.last_modified.timestamp() < now - grace_seconds;
            if old && is_valid_key(&key) && !file_is_referenced(db, &key).await? {
                match self.store.delete(&file.location).await {
                    Ok(()) | Err(object_store::Error::NotFound { .. }) => removed += 1,
                    Err(error) => return Err(error.into()),
                }
            }
        }
        Ok(removed)
    }
}

async fn file_is_referenced(db: &Database, key: &str) -> Result<bool, crate::Error> {
    let found: bool = with_pool!(db, |pool| sqlx::query_scalar(
        "select exists (select 1 from vendor_application
                        where business_photo = $1 or proof_photo = $1)
             or exists (select 1 from vendor where business_photo = $1)"
    )
    .bind(key)
    .fetch_one(pool)
    .await)?;
    Ok(found)
}
