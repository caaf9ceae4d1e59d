//! How many bytes of uploaded forms are held in memory at once, across every request.
//!
//! A photo form may carry six photos of 15 MB, and it is read whole before the photos are
//! checked. Without a shared limit, thirty vendors posting at once would need 2.7 GB. With it, a
//! form first reserves what its `Content-Length` says it will hold (or the route's maximum when
//! the length is unknown) and waits while the budget is spent. Reserving by size, not by count,
//! keeps a vendor posting one shrunk 300 KB photo from queueing behind a slow 90 MB post on 3G.

use std::sync::Arc;

use axum::http::{header, HeaderMap};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The budget is counted in blocks of this many bytes (a semaphore's permits are `u32`s).
const BLOCK: usize = 64 * 1024;

/// Bytes of upload bodies all requests may hold at once, by default: room for a few full
/// six-photo forms, and for many phone-shrunk ones.
pub const DEFAULT_UPLOAD_BUDGET: usize = 256 * 1024 * 1024;

/// The shared budget; clones share it.
#[derive(Clone, Debug)]
pub struct UploadBudget {
    blocks: Arc<Semaphore>,
    total: u32,
}

/// Part of the budget, given back when dropped (when the request is done with its body).
#[derive(Debug)]
pub struct Reservation {
    _blocks: OwnedSemaphorePermit,
}

impl UploadBudget {
    /// A budget of `bytes` (at least one block).
    #[must_use]
    pub fn new(bytes: usize) -> UploadBudget {
        let total = u32::try_from(bytes.div_ceil(BLOCK)).unwrap_or(u32::MAX).max(1);
        UploadBudget { blocks: Arc::new(Semaphore::new(total as usize)), total }
    }

    /// Waits until the body a request announces fits, and reserves it. A body that does not
    /// say its length is taken to be `route_max`; one larger than the whole budget reserves the
    /// whole budget (the route's own limit still cuts it off).
    pub async fn reserve(&self, headers: &HeaderMap, route_max: usize) -> Reservation {
        let announced = headers
            .get(header::CONTENT_LENGTH)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.parse::<usize>().ok())
            .map_or(route_max, |length| length.min(route_max));
        let blocks = u32::try_from(announced.div_ceil(BLOCK)).unwrap_or(u32::MAX);
        let blocks = blocks.clamp(1, self.total);
        let permit = Arc::clone(&self.blocks)
            .acquire_many_owned(blocks)
            .await
            // The semaphore is never closed.
            .expect("the upload budget is never closed");
        Reservation { _blocks: permit }
    }

    /// Bytes not reserved right now.
    #[must_use]
    pub fn available(&self) -> usize {
        self.blocks.available_permits() * BLOCK
    }
}

impl Default for UploadBudget {
    fn default() -> UploadBudget {
        UploadBudget::new(DEFAULT_UPLOAD_BUDGET)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use axum::http::{header, HeaderMap, HeaderValue};

    use super::{UploadBudget, BLOCK};

    fn announcing(bytes: usize) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(bytes));
        headers
    }

    #[tokio::test]
    async fn a_body_reserves_what_it_announces_until_it_is_done() {
        let budget = UploadBudget::new(10 * BLOCK);
        let first = budget.reserve(&announcing(3 * BLOCK + 1), 100 * BLOCK).await;
        assert_eq!(budget.available(), 6 * BLOCK, "3 blocks and a byte take 4 blocks");
        drop(first);
        assert_eq!(budget.available(), 10 * BLOCK);
    }

    #[tokio::test]
    async fn an_unannounced_body_reserves_the_route_maximum() {
        let budget = UploadBudget::new(10 * BLOCK);
        let _held = budget.reserve(&HeaderMap::new(), 7 * BLOCK).await;
        assert_eq!(budget.available(), 3 * BLOCK);
    }

    #[tokio::test]
    async fn a_claim_beyond_the_route_maximum_counts_as_the_maximum() {
        let budget = UploadBudget::new(10 * BLOCK);
        let _held = budget.reserve(&announcing(usize::MAX), 2 * BLOCK).await;
        assert_eq!(budget.available(), 8 * BLOCK);
    }

    #[tokio::test]
    async fn a_body_waits_while_the_budget_is_spent_and_goes_on_when_it_is_freed() {
        let budget = UploadBudget::new(4 * BLOCK);
        let big = budget.reserve(&announcing(4 * BLOCK), 100 * BLOCK).await;
        let waiting = tokio::spawn({
            let budget = budget.clone();
            async move {
                let _small = budget.reserve(&announcing(BLOCK), 100 * BLOCK).await;
            }
        });
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!waiting.is_finished(), "a small body waits while the budget is spent");
        drop(big);
        tokio::time::timeout(Duration::from_secs(5), waiting)
            .await
            .expect("freed budget lets it go on")
            .expect("no panic");
    }

    #[tokio::test]
    async fn a_body_larger_than_the_budget_takes_all_of_it_instead_of_waiting_forever() {
        let budget = UploadBudget::new(2 * BLOCK);
        let _all = tokio::time::timeout(
            Duration::from_secs(5),
            budget.reserve(&announcing(50 * BLOCK), 100 * BLOCK),
        )
        .await
        .expect("not stuck");
        assert_eq!(budget.available(), 0);
    }
}
