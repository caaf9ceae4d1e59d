//! The Dinas's review of vendor applications: the queue and one application's page with its
//! decisions, the logged NIK reveal, the proof-of-return file and erasure.

pub mod api;
#[cfg(feature = "ssr")]
mod convert;
mod detail;
mod erasures;
mod queue;

pub use detail::ReviewDetailPage;
pub use erasures::ErasureQueuePage;
pub use queue::ReviewQueuePage;

/// Form names on the review page.
pub mod form {
    /// A decision.
    pub const DECISION: &str = "decision";
    /// The NIK reveal.
    pub const REVEAL: &str = "reveal";
    /// Erasure.
    pub const ERASURE: &str = "erasure";
    /// The answer to a shop's new business name or category.
    pub const SHOP_CHANGE: &str = "shopchange";
}
