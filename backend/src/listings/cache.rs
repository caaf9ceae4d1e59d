//! The public catalogue's answers, kept in memory while the catalogue stands still.
//!
//! A listing page asked four queries (the page, its count, the categories, the kecamatan);
//! with 32 shoppers at once on two cores that alone put the p99 over budget. Shoppers ask the
//! same pages over and over (the newest, each category, popular words), so each answer is
//! kept with the catalogue version it was computed at, and used again while the database
//! still reports that version: one indexed read instead of four queries.
//!
//! The version is moved by database triggers (migration 0008) on every write that changes
//! what a shopper could see, so no code path can forget to, and every process sharing the
//! database notices. An answer is never older than the last catalogue write.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use super::{categories, search_products, Category, Product, SearchQuery};
use crate::db::Database;
use crate::error::Error;
use crate::reference::{list_kecamatan, KecamatanSummary};
use crate::with_pool;

/// One page of search results: the products, how many match (capped), whether more follow.
pub type SearchAnswer = (Vec<Product>, i64, bool);

/// Different searches kept at most; past that, answers of older versions go first, then all
/// (a crude policy, but memory stays bounded: a page is ~25 products, a few tens of KB).
const MAX_SEARCHES: usize = 512;

/// Misses of one search wait for each other, so when 32 shoppers open a page nobody asked
/// for since the last change, one computes it and the others find it. Searches are spread
/// over this many locks, so that different searches still run side by side.
const COMPUTING_LOCKS: usize = 8;

/// Counts of answers served from memory and computed, for tests and benchmarks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Answers found in memory at the current version.
    pub hits: u64,
    /// Answers computed from the database.
    pub misses: u64,
    /// Times the catalogue version was read from the database.
    pub version_reads: u64,
}

/// A listing page's data at one catalogue version.
#[derive(Debug, Clone)]
pub struct Listing {
    /// The page of search results.
    pub answer: Arc<SearchAnswer>,
    /// Every category, in display order.
    pub categories: Arc<Vec<Category>>,
    /// Every kecamatan.
    pub kecamatan: Arc<Vec<KecamatanSummary>>,
}

/// The cache; cloning shares it.
#[derive(Debug, Clone, Default)]
pub struct CatalogueCache {
    inner: Arc<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    searches: Mutex<HashMap<SearchQuery, Versioned<SearchAnswer>>>,
    categories: Mutex<Option<Versioned<Vec<Category>>>>,
    kecamatan: Mutex<Option<Versioned<Vec<KecamatanSummary>>>>,
    computing: [tokio::sync::Mutex<()>; COMPUTING_LOCKS],
    version: VersionReads,
    hits: AtomicU64,
    misses: AtomicU64,
}

/// Reads of the catalogue version, numbered in the order they started.
#[derive(Debug, Default)]
struct VersionReads {
    /// Reads started so far (the number of the latest one).
    started: AtomicU64,
    /// The number of the latest finished read and the version it found.
    latest: Mutex<(u64, i64)>,
    one_at_a_time: tokio::sync::Mutex<()>,
    /// Reads finished, for [`CacheStats`].
    reads: AtomicU64,
}

#[derive(Debug)]
struct Versioned<T> {
    version: i64,
    value: Arc<T>,
}

// Not derived: a derive would demand `T: Clone`, and only the `Arc` is cloned.
impl<T> Clone for Versioned<T> {
    fn clone(&self) -> Self {
        Versioned { version: self.version, value: Arc::clone(&self.value) }
    }
}

impl CatalogueCache {
    /// One page of public products matching `query` (see [`search_products`]).
    ///
    /// # Errors
    /// When the database fails.
    pub async fn search(
        &self,
        db: &Database,
        query: &SearchQuery,
    ) -> Result<Arc<SearchAnswer>, Error> {
        let version = self.current_version(db).await?;
        self.search_at(db, query, version).await
    }

    /// What a listing page needs (its search answer, the categories and the kecamatan for its
    /// filters), all at one catalogue version: one version read instead of three.
    ///
    /// # Errors
    /// When the database fails.
    pub async fn listing(&self, db: &Database, query: &SearchQuery) -> Result<Listing, Error> {
        let version = self.current_version(db).await?;
        Ok(Listing {
            answer: self.search_at(db, query, version).await?,
            categories: self.whole_list(&self.inner.categories, version, categories(db)).await?,
            kecamatan: self.whole_list(&self.inner.kecamatan, version, list_kecamatan(db)).await?,
        })
    }

    async fn search_at(
        &self,
        db: &Database,
        query: &SearchQuery,
        version: i64,
    ) -> Result<Arc<SearchAnswer>, Error> {
        if let Some(answer) = self.kept_search(query, version) {
            return Ok(self.hit(answer));
        }
        let _turn = self.inner.computing[lock_for(query)].lock().await;
        // Whoever held the lock before may have computed this very answer.
        if let Some(answer) = self.kept_search(query, version) {
            return Ok(self.hit(answer));
        }
        self.inner.misses.fetch_add(1, Ordering::Relaxed);
        let answer = Arc::new(search_products(db, query).await?);
        let mut searches = lock(&self.inner.searches);
        if searches.len() >= MAX_SEARCHES {
            searches.retain(|_, kept| kept.version == version);
            if searches.len() >= MAX_SEARCHES {
                searches.clear();
            }
        }
        searches.insert(query.clone(), Versioned { version, value: Arc::clone(&answer) });
        Ok(answer)
    }

    /// Every product category, in display order (see [`categories`]).
    ///
    /// # Errors
    /// When the database fails.
    pub async fn categories(&self, db: &Database) -> Result<Arc<Vec<Category>>, Error> {
        let version = self.current_version(db).await?;
        self.whole_list(&self.inner.categories, version, categories(db)).await
    }

    /// Every kecamatan with its kelurahan count (see [`list_kecamatan`]).
    ///
    /// # Errors
    /// When the database fails.
    pub async fn kecamatan(&self, db: &Database) -> Result<Arc<Vec<KecamatanSummary>>, Error> {
        let version = self.current_version(db).await?;
        self.whole_list(&self.inner.kecamatan, version, list_kecamatan(db)).await
    }

    /// A short list kept whole in `slot`; `load` (not started unless needed) reads it afresh.
    async fn whole_list<T>(
        &self,
        slot: &Mutex<Option<Versioned<T>>>,
        version: i64,
        load: impl std::future::Future<Output = Result<T, Error>>,
    ) -> Result<Arc<T>, Error> {
        let known = lock(slot).clone();
        if let Some(list) = self.fresh(known, version) {
            return Ok(list);
        }
        let list = Arc::new(load.await?);
        *lock(slot) = Some(Versioned { version, value: Arc::clone(&list) });
        Ok(list)
    }

    /// Answers served from memory and computed so far.
    #[must_use]
    pub fn stats(&self) -> CacheStats {
        CacheStats {
            hits: self.inner.hits.load(Ordering::Relaxed),
            misses: self.inner.misses.load(Ordering::Relaxed),
            version_reads: self.inner.version.reads.load(Ordering::Relaxed),
        }
    }

    /// The catalogue version as of this call or later, read together with the requests that
    /// arrived while the previous read was running.
    ///
    /// Under load every page would read the version itself; instead one read at a time runs,
    /// and a request takes the result of the first read that *started after it arrived* (so
    /// it saw every write committed before the request came in). Requests arriving during a
    /// read queue behind it and share the next one.
    async fn current_version(&self, db: &Database) -> Result<i64, Error> {
        let reads = &self.inner.version;
        let arrived_after = reads.started.load(Ordering::SeqCst);
        let _turn = reads.one_at_a_time.lock().await;
        let (number, version) = *lock(&reads.latest);
        if number > arrived_after {
            return Ok(version);
        }
        let number = reads.started.fetch_add(1, Ordering::SeqCst) + 1;
        let version = catalogue_version(db).await?;
        reads.reads.fetch_add(1, Ordering::Relaxed);
        *lock(&reads.latest) = (number, version);
        Ok(version)
    }

    fn kept_search(&self, query: &SearchQuery, version: i64) -> Option<Arc<SearchAnswer>> {
        lock(&self.inner.searches)
            .get(query)
            .filter(|kept| kept.version == version)
            .map(|kept| Arc::clone(&kept.value))
    }

    fn hit<T>(&self, value: Arc<T>) -> Arc<T> {
        self.inner.hits.fetch_add(1, Ordering::Relaxed);
        value
    }

    /// The kept value when it was computed at `version`; counts the hit or the miss.
    fn fresh<T>(&self, known: Option<Versioned<T>>, version: i64) -> Option<Arc<T>> {
        match known.filter(|kept| kept.version == version) {
            Some(kept) => Some(self.hit(kept.value)),
            None => {
                self.inner.misses.fetch_add(1, Ordering::Relaxed);
                None
            }
        }
    }
}

/// Which of the computing locks a search takes: the same on every thread, so that equal
/// searches always meet at the same lock.
fn lock_for(query: &SearchQuery) -> usize {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    query.hash(&mut hasher);
    usize::try_from(hasher.finish() % COMPUTING_LOCKS as u64).unwrap_or(0)
}

/// The catalogue's current version (moved by triggers on every write shoppers could see).
///
/// Read before the answer is computed: an answer computed while a write commits is filed
/// under the older version, which later requests no longer ask for.
///
/// # Errors
/// When the database fails.
pub async fn catalogue_version(db: &Database) -> Result<i64, Error> {
    Ok(with_pool!(db, |pool| sqlx::query_scalar(
        "select cast(version as bigint) from catalogue_version where id = 1"
    )
    .fetch_one(pool)
    .await)?)
}

/// A poisoned lock only means another request panicked mid-update of a map that is valid
/// after every single operation: keep using it.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
