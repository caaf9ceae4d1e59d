//! How many bytes of uploaded files are held in memory at once, across every request.
//!
//! A photo form may carry six photos of 15 MB, and it is read whole before the photos are
//! checked. Without a shared limit, thirty vendors posting at once would need 2.7 GB. With it,
//! each request's [`Claim`] grows as file bytes actually arrive, and a request that would pass
//! the budget is refused at once ("busy, try again") instead of waiting:
//!
//! - paying for bytes received, not for the `Content-Length` announced, means a client that
//!   announces 15 MB and sends nothing holds nothing;
//! - refusing instead of waiting means requests holding part of the budget can never wait on
//!   each other for the rest (a deadlock), and nobody waits behind a stalled upload.

use std::sync::Arc;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The budget is counted in blocks of this many bytes (a semaphore's permits are `u32`s).
const BLOCK: usize = 64 * 1024;

/// The budget when `PASAR_UPLOAD_MEMORY_MB` is not set: room for a few full six-photo forms,
/// and for hundreds of phone-shrunk ones.
pub const DEFAULT_UPLOAD_MEMORY_MB: usize = 256;

/// The shared budget; clones share it.
#[derive(Clone, Debug)]
pub struct UploadBudget {
    blocks: Arc<Semaphore>,
}

/// One request's part of the budget, given back when dropped (when the request is done with
/// its files).
#[derive(Debug)]
pub struct Claim {
    blocks: Arc<Semaphore>,
    held: Option<OwnedSemaphorePermit>,
    bytes: usize,
}

/// The budget is spent: the request must be refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the upload budget is spent")]
pub struct BudgetSpent;

impl UploadBudget {
    /// A budget of `bytes` (at least one block).
    #[must_use]
    pub fn new(bytes: usize) -> UploadBudget {
        let blocks = bytes.div_ceil(BLOCK).clamp(1, Semaphore::MAX_PERMITS);
        UploadBudget { blocks: Arc::new(Semaphore::new(blocks)) }
    }

    /// An empty claim for one request.
    #[must_use]
    pub fn claim(&self) -> Claim {
        Claim { blocks: Arc::clone(&self.blocks), held: None, bytes: 0 }
    }

    /// Bytes nobody holds right now.
    #[cfg(test)]
    fn available(&self) -> usize {
        self.blocks.available_permits() * BLOCK
    }
}

impl Claim {
    /// Accounts for `more` bytes now held in memory.
    ///
    /// # Errors
    /// [`BudgetSpent`], at once, when they do not fit; the claim keeps what it had.
    pub fn grow(&mut self, more: usize) -> Result<(), BudgetSpent> {
        let bytes = self.bytes.saturating_add(more);
        let needed = bytes.div_ceil(BLOCK) - self.bytes.div_ceil(BLOCK);
        if needed > 0 {
            let needed = u32::try_from(needed).map_err(|_| BudgetSpent)?;
            let permit =
                Arc::clone(&self.blocks).try_acquire_many_owned(needed).map_err(|_| BudgetSpent)?;
            match &mut self.held {
                Some(held) => held.merge(permit),
                None => self.held = Some(permit),
            }
        }
        self.bytes = bytes;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{BudgetSpent, UploadBudget, BLOCK};

    #[test]
    fn a_claim_holds_what_arrived_until_it_is_dropped() {
        let budget = UploadBudget::new(10 * BLOCK);
        let mut claim = budget.claim();
        assert_eq!(budget.available(), 10 * BLOCK, "an empty claim holds nothing");
        claim.grow(3 * BLOCK + 1).expect("fits");
        assert_eq!(budget.available(), 6 * BLOCK, "3 blocks and a byte take 4 blocks");
        claim.grow(BLOCK - 1).expect("fits");
        assert_eq!(budget.available(), 6 * BLOCK, "still 4 blocks");
        drop(claim);
        assert_eq!(budget.available(), 10 * BLOCK);
    }

    #[test]
    fn a_claim_that_would_pass_the_budget_is_refused_at_once_and_keeps_what_it_had() {
        let budget = UploadBudget::new(4 * BLOCK);
        let mut first = budget.claim();
        first.grow(3 * BLOCK).expect("fits");
        let mut second = budget.claim();
        assert_eq!(second.grow(2 * BLOCK), Err(BudgetSpent));
        second.grow(BLOCK).expect("what is left still fits");
        assert_eq!(first.grow(1), Err(BudgetSpent));
        assert_eq!(budget.available(), 0);
        drop(first);
        assert_eq!(budget.available(), 3 * BLOCK, "the refused growth took nothing");
    }

    #[test]
    fn claims_of_many_requests_share_one_budget() {
        let budget = UploadBudget::new(8 * BLOCK);
        let mut claims: Vec<_> = (0..8).map(|_| budget.claim()).collect();
        for claim in &mut claims {
            claim.grow(BLOCK).expect("one block each");
        }
        assert_eq!(budget.clone().claim().grow(1), Err(BudgetSpent), "clones share the budget");
        claims.pop();
        budget.claim().grow(BLOCK).expect("a finished request's part is free again");
    }
}
