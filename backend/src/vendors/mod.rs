//! Vendor applications and vendors: a returnee's request to sell, drafted over several days,
//! reviewed by the Dinas, with the personal data that comes with it (NIK encrypted, proof of
//! return private, all of it erasable on request); and, once approved, the vendor record that
//! holds the public shop.

pub mod crypto;
mod directory;
mod draft;
mod model;
mod privacy;
mod profile;
mod record;
mod review;
mod rotation;
mod shop;
mod shop_photo;
mod step_photos;

pub use directory::{directory, DirectoryEntry, DIRECTORY_PAGE_SIZE};
pub use draft::{
    apply_again, ensure_application, save_business, save_identity, save_owner, save_returnee,
    submit, ApplyAgainError, BusinessStep, IdentityError, OwnerStep, Place, ReturneeStep,
    SaveError, SubmitError,
};
pub use model::{
    applications_of, find_by_account, find_by_id, history, Application, ApplicationEvent,
    ApplicationId,
};
pub use privacy::{
    complete_erasure, export_personal_data, log_proof_view, pending_erasures, request_erasure,
    reveal_nik, ErasureError, ErasureRequest, RevealError,
};
pub use profile::{public_profile, PublicProfile};
pub use record::{active_vendor_id, active_vendor_of, create_vendor, VendorId, ACTIVE};
pub use review::{decide, review_queue, DecideError, QueueQuery, QueueRow, QUEUE_PAGE_SIZE};
pub use rotation::{reencrypt_with_current_key, RotationReport};
pub use shop::{
    decide_shop_change, own_shop, shop_of_application, update_shop, Shop, ShopError, ShopSaved,
};
pub use shop_photo::{replace_shop_photo, ShopPhotoError};
pub use step_photos::{save_business_step, save_returnee_step};

/// The privacy notice version an applicant accepts now. Bump it (and the notice's text in
/// the catalogues) when the notice changes; the accepted version is stored per application.
pub const PRIVACY_NOTICE_VERSION: &str = "2026-12";
