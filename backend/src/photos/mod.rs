//! The one media store: product photos (the pipeline that turns a phone upload into clean
//! WebP variants, kept under content-derived names) and, in `files`, the single pictures of
//! applications and shops with their public or private visibility.
//!
//! Files and rows never disagree for long: files are written *before* the rows that name them
//! (a failed save then leaves only unreferenced files, which [`PhotoStore::forget`] removes at
//! once and [`PhotoStore::sweep`] removes after a crash), and rows are deleted *before* their
//! files (so no row ever names a missing file).

mod files;
mod pipeline;
mod sniff;

use std::path::Path as FsPath;
use std::sync::Arc;

use bytes::Bytes;
use futures::TryStreamExt;
use object_store::path::Path;
use object_store::{ObjectStore, PutPayload};
use tokio::sync::Semaphore;

use crate::db::Database;
use crate::with_pool;

pub use pipeline::{decode_checked, process, upright, Processed, Variant, MAX_UPLOAD_BYTES};
pub use sniff::{identify, Format};

/// Why an upload was refused. Each has its own translated message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    /// Over [`MAX_UPLOAD_BYTES`].
    #[error("file too large")]
    TooLarge,
    /// HEIC/HEIF (iPhone default): the vendor should send a JPEG.
    #[error("HEIC picture")]
    Heic,
    /// Not JPEG, PNG or WebP.
    #[error("unsupported format")]
    UnsupportedFormat,
    /// A picture that is also a script, page or archive.
    #[error("picture with something else inside")]
    Polyglot,
    /// More pixels than any phone takes (or a header that claims so).
    #[error("too many pixels")]
    TooManyPixels,
    /// Too small to show a product.
    #[error("picture too small")]
    TooSmall,
    /// Damaged or cut off.
    #[error("damaged picture")]
    Corrupt,
}

/// A stored photo's name: 32 hex digits of the SHA-256 of its largest variant.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PhotoKey(String);

impl PhotoKey {
    fn from_digest(digest: &[u8]) -> PhotoKey {
        PhotoKey(hex::encode(&digest[..16]))
    }

    /// A key read back from a URL or a row; `None` unless it has the exact shape.
    #[must_use]
    pub fn parse(text: &str) -> Option<PhotoKey> {
        (text.len() == 32 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
            .then(|| PhotoKey(text.to_owned()))
    }

    /// The key's text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn folder(&self) -> Path {
        Path::from(format!("photos/{}", self.0))
    }

    fn variant(&self, width: u32) -> Path {
        Path::from(format!("photos/{}/{width}.webp", self.0))
    }
}

/// Storage failures (the pipeline's refusals are [`PhotoError`]).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The object store failed.
    #[error(transparent)]
    Store(#[from] object_store::Error),
    /// The database failed while checking references.
    #[error(transparent)]
    Database(#[from] crate::Error),
    /// The processing thread died.
    #[error("photo processing was interrupted")]
    Interrupted,
}

/// Where photos are kept, and the limit on how many are processed at once.
#[derive(Clone, Debug)]
pub struct PhotoStore {
    store: Arc<dyn ObjectStore>,
    cpu: Arc<Semaphore>,
}

impl PhotoStore {
    /// Photos in a local folder (created if missing).
    ///
    /// # Errors
    /// When the folder cannot be created.
    pub fn local(folder: &FsPath, workers: usize) -> Result<PhotoStore, StoreError> {
        std::fs::create_dir_all(folder)
            .map_err(|e| object_store::Error::Generic { store: "local", source: Box::new(e) })?;
        // Cleanup: a photo is a folder of variants; without it empty folders would pile up.
        let store = object_store::local::LocalFileSystem::new_with_prefix(folder)?
            .with_automatic_cleanup(true);
        Ok(PhotoStore::new(Arc::new(store), workers))
    }

    /// Photos in an S3-compatible bucket, `s3://bucket[/prefix]`, with credentials, region
    /// and endpoint from `settings` (`AWS_*` names and values, which win) and the process
    /// environment.
    ///
    /// # Errors
    /// When the URL or the settings are invalid.
    pub fn s3(
        url: &str,
        settings: &[(&str, &str)],
        workers: usize,
    ) -> Result<PhotoStore, StoreError> {
        let mut builder = object_store::aws::AmazonS3Builder::from_env();
        for (name, value) in settings {
            let key = name.to_ascii_lowercase().parse::<object_store::aws::AmazonS3ConfigKey>()?;
            builder = builder.with_config(key, *value);
        }
        let bucket = builder.with_url(url).build()?;
        // The builder takes only the bucket from the URL; the prefix is ours to keep.
        let prefix = url.trim_start_matches("s3://").split_once('/').map_or("", |(_, p)| p);
        let prefix = prefix.trim_matches('/');
        let store: Arc<dyn ObjectStore> = if prefix.is_empty() {
            Arc::new(bucket)
        } else {
            Arc::new(object_store::prefix::PrefixStore::new(bucket, prefix))
        };
        Ok(PhotoStore::new(store, workers))
    }

    /// Photos kept in memory (tests).
    #[must_use]
    pub fn in_memory() -> PhotoStore {
        PhotoStore::new(Arc::new(object_store::memory::InMemory::new()), 2)
    }

    fn new(store: Arc<dyn ObjectStore>, workers: usize) -> PhotoStore {
        PhotoStore { store, cpu: Arc::new(Semaphore::new(workers.max(1))) }
    }

    /// Runs the pipeline on a blocking thread, at most `workers` at a time, so uploads never
    /// stall the async runtime and a burst of them queues instead of exhausting memory.
    ///
    /// # Errors
    /// The pipeline's refusal inside `Ok(Err(..))`; [`StoreError::Interrupted`] if the thread died.
    pub async fn process(
        &self,
        upload: Vec<u8>,
    ) -> Result<Result<Processed, PhotoError>, StoreError> {
        self.run_limited(move || process(&upload)).await
    }

    /// Runs `job` (picture work: decoding, scaling, encoding) on a blocking thread under the
    /// same limit as [`PhotoStore::process`]: every upload path shares these workers, so no
    /// form can decode pictures beside the limit.
    ///
    /// # Errors
    /// [`StoreError::Interrupted`] if the thread died.
    pub async fn run_limited<T: Send + 'static>(
        &self,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, StoreError> {
        let _permit = self.cpu.acquire().await.map_err(|_| StoreError::Interrupted)?;
        tokio::task::spawn_blocking(job).await.map_err(|_| StoreError::Interrupted)
    }

    /// Writes every variant. Idempotent: the same photo twice writes the same objects.
    ///
    /// # Errors
    /// When the store fails (what was written is left for [`PhotoStore::forget`]).
    pub async fn save(&self, photo: &Processed) -> Result<(), StoreError> {
        for variant in &photo.variants {
            let payload = PutPayload::from(Bytes::from(variant.bytes.clone()));
            self.store.put(&photo.key.variant(variant.width), payload).await?;
        }
        Ok(())
    }

    /// One variant's bytes, or `None` if there is no such file.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn variant(&self, key: &PhotoKey, width: u32) -> Result<Option<Bytes>, StoreError> {
        match self.store.get(&key.variant(width)).await {
            Ok(found) => Ok(Some(found.bytes().await?)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    /// Deletes the files of those `keys` no product row names any more. Called right after a
    /// row change; what it misses (a crash in between) the sweep finds.
    ///
    /// # Errors
    /// When the database or the store fails.
    pub async fn forget(&self, db: &Database, keys: &[PhotoKey]) -> Result<(), StoreError> {
        for key in keys {
            if !is_referenced(db, key).await? {
                self.delete_files(key).await?;
            }
        }
        Ok(())
    }

    async fn delete_files(&self, key: &PhotoKey) -> Result<(), StoreError> {
        let folder = key.folder();
        let files: Vec<_> = self.store.list(Some(&folder)).try_collect().await?;
        for file in files {
            match self.store.delete(&file.location).await {
                Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
                Err(error) => return Err(error.into()),
            }
        }
        Ok(())
    }

    /// Removes stored photos no row names, if written more than `grace_seconds` before `now`
    /// (younger ones may belong to an upload whose rows are being written). Returns how many
    /// photos were removed.
    ///
    /// # Errors
    /// When the database or the store fails.
    pub async fn sweep(
        &self,
        db: &Database,
        now: i64,
        grace_seconds: i64,
    ) -> Result<usize, StoreError> {
        let files: Vec<_> = self.store.list(Some(&Path::from("photos"))).try_collect().await?;
        let mut stale = std::collections::BTreeSet::new();
        for file in files {
            let key = file.location.parts().nth(1).and_then(|part| PhotoKey::parse(part.as_ref()));
            let old = file.last_modified.timestamp() < now - grace_seconds;
            if let (Some(key), true) = (key, old) {
                stale.insert(key);
            }
        }
        let mut removed = 0;
        for key in stale {
            if !is_referenced(db, &key).await? {
                self.delete_files(&key).await?;
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// Whether every variant of `key` is stored (tests and the consistency check).
    ///
    /// # Errors
    /// When the store fails.
    pub async fn stored_widths(&self, key: &PhotoKey) -> Result<Vec<u32>, StoreError> {
        let files: Vec<_> = self.store.list(Some(&key.folder())).try_collect().await?;
        let mut widths: Vec<u32> = files
            .iter()
            .filter_map(|f| f.location.filename()?.strip_suffix(".webp")?.parse().ok())
            .collect();
        widths.sort_unstable();
        Ok(widths)
    }
}

async fn is_referenced(db: &Database, key: &PhotoKey) -> Result<bool, crate::Error> {
    let found: bool = with_pool!(db, |pool| sqlx::query_scalar(
        "select exists (select 1 from product_photo where photo_key = $1)"
    )
    .bind(key.as_str())
    .fetch_one(pool)
    .await)?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn picture_work_from_every_path_shares_the_same_workers() {
        let store = PhotoStore::new(Arc::new(object_store::memory::InMemory::new()), 2);
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let jobs = (0..8).map(|_| {
            let (store, running, most) = (store.clone(), running.clone(), most.clone());
            async move {
                store
                    .run_limited(move || {
                        let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(30));
                        running.fetch_sub(1, Ordering::SeqCst);
                    })
                    .await
            }
        });
        // Uploads through `process` wait for the same permits.
        let processing = (0..2).map(|_| store.process(b"not a picture".to_vec()));
        let (done, processed) =
            tokio::join!(futures::future::join_all(jobs), futures::future::join_all(processing));

        assert!(done.iter().all(Result::is_ok));
        assert!(processed.iter().all(|r| matches!(r, Ok(Err(PhotoError::UnsupportedFormat)))));
        assert!(most.load(Ordering::SeqCst) <= 2, "never more than the workers at once");
    }
}
