//! The two application steps that carry a photo (the business photo, public; the proof of
//! return, private), saved whole: the picture is checked and stored, the row names it, and
//! exactly one file per slot stays in the store. When the step is refused the new file goes
//! again; once it is saved the file it replaced goes. A file no row names would survive the
//! applicant's erasure, so none is left behind.

use super::draft::{save_business, save_returnee, BusinessStep, ReturneeStep, SaveError};
use super::model::{find_by_account, Application};
use crate::accounts::AccountId;
use crate::db::Database;
use crate::media::{self, Visibility};
use crate::photos::PhotoStore;

/// Saves the business step; `photo` (an upload, as sent) replaces the business photo.
///
/// # Errors
/// [`SaveError`]: [`SaveError::Photo`] when the picture is refused or cannot be stored;
/// nothing is changed then.
pub async fn save_business_step(
    db: &Database,
    store: &PhotoStore,
    account: AccountId,
    step: &BusinessStep,
    photo: Option<Vec<u8>>,
    now: i64,
) -> Result<(), SaveError> {
    let slot = Slot { visibility: Visibility::Public, current: |a| a.business_photo };
    let (stored, replaced) = slot.store(db, store, account, photo).await?;
    let saved = save_business(db, account, step, stored.as_deref(), now).await;
    keep_one(db, store, stored, replaced, saved.is_ok()).await;
    saved
}

/// Saves the returnee step; `proof` (an upload, as sent) replaces the private proof of
/// return.
///
/// # Errors
/// As [`save_business_step`].
pub async fn save_returnee_step(
    db: &Database,
    store: &PhotoStore,
    account: AccountId,
    step: &ReturneeStep,
    proof: Option<Vec<u8>>,
    now: i64,
) -> Result<(), SaveError> {
    let slot = Slot { visibility: Visibility::Private, current: |a| a.proof_photo };
    let (stored, replaced) = slot.store(db, store, account, proof).await?;
    let saved = save_returnee(db, account, step, stored.as_deref(), now).await;
    keep_one(db, store, stored, replaced, saved.is_ok()).await;
    saved
}

/// One photo slot of an application.
struct Slot {
    visibility: Visibility,
    current: fn(Application) -> Option<String>,
}

impl Slot {
    /// Stores `upload`, if any; returns its key and the key of the file it is to replace.
    /// A locked application is refused before the picture is decoded: the cheap check first.
    async fn store(
        &self,
        db: &Database,
        store: &PhotoStore,
        account: AccountId,
        upload: Option<Vec<u8>>,
    ) -> Result<(Option<String>, Option<String>), SaveError> {
        let Some(upload) = upload else { return Ok((None, None)) };
        let replaced = match find_by_account(db, account).await? {
            Some(application)
                if !application.status.is_editable() || application.erased_at.is_some() =>
            {
                return Err(SaveError::NotEditable);
            }
            application => application.and_then(self.current),
        };
        let key = media::save_photo(store, self.visibility, upload).await?;
        Ok((Some(key), replaced))
    }
}

/// Deletes the file the save left unnamed: the replaced one when it was saved (unless an
/// earlier application or the shop still shows it), the new one when it was not. A failure
/// here is the hourly sweep's to finish.
async fn keep_one(
    db: &Database,
    store: &PhotoStore,
    stored: Option<String>,
    replaced: Option<String>,
    saved: bool,
) {
    let orphan = if saved {
        replaced.filter(|old| stored.as_ref().is_some_and(|new| new != old))
    } else {
        stored
    };
    if let Some(key) = orphan {
        if let Err(error) = store.forget_files(db, &[key]).await {
            tracing::warn!(%error, "an unused application photo was not deleted");
        }
    }
}
