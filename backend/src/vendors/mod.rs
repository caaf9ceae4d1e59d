//! Vendor applications: a returnee's request to sell, drafted over several days, reviewed by
//! the Dinas, and the personal data that comes with it (NIK encrypted, proof of return private,
//! all of it erasable on request).

pub mod crypto;
mod directory;
mod draft;
mod model;
mod notifications;
mod privacy;
mod profile;
mod review;
mod rotation;
mod standing;

pub use directory::{directory, DirectoryEntry, DIRECTORY_PAGE_SIZE};
pub use draft::{
    ensure_application, save_business, save_identity, save_owner, save_returnee, submit,
    BusinessStep, IdentityError, OwnerStep, Place, ReturneeStep, SaveError, SubmitError,
};
pub use model::{
    find_by_account, find_by_id, history, Application, ApplicationEvent, ApplicationId,
};
pub use notifications::{mark_notifications_read, notifications_for, Notification};
pub use privacy::{
    complete_erasure, export_personal_data, log_proof_view, pending_erasures, request_erasure,
    reveal_nik, ErasureError, ErasureRequest, RevealError,
};
pub use profile::{public_profile, PublicProfile};
pub use review::{decide, review_queue, DecideError, QueueQuery, QueueRow, QUEUE_PAGE_SIZE};
pub use rotation::{reencrypt_with_current_key, RotationReport};
pub use standing::active_vendor_of;

/// The privacy notice version an applicant accepts now. Bump it (and the notice's text in
/// the catalogues) when the notice changes; the accepted version is stored per application.
pub const PRIVACY_NOTICE_VERSION: &str = "2026-11";
