//! Filling in an application: saved at every step (a returnee may take days on a slow phone),
//! then submitted. Saving works only while the application is editable (draft, or returned
//! with changes requested); the status check is part of each update, so a concurrent decision
//! cannot be overwritten.

use domain::application::{ApplicationStatus, Transition};
use domain::nik::{Nib, Nik};

use super::crypto::PersonalDataKeys;
use super::model::{find_by_account, ApplicationId};
use crate::accounts::AccountId;
use crate::db::constraint::{violated, Constraint};
use crate::db::{Database, WriteTx};
use crate::error::Error;
use crate::{with_pool, with_tx};

/// Why a step was not saved; nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The application is under review or decided: it cannot be edited now.
    #[error("application not editable")]
    NotEditable,
    /// The kelurahan chosen is not one of Kota Kupang's (the form offers only those).
    #[error("unknown kelurahan")]
    UnknownPlace,
    /// The step's photo is not a usable picture, or it could not be stored.
    #[error(transparent)]
    Photo(#[from] crate::media::PhotoError),
    /// Storage failed.
    #[error(transparent)]
    Backend(#[from] Error),
}

impl From<sqlx::Error> for SaveError {
    fn from(error: sqlx::Error) -> Self {
        SaveError::Backend(error.into())
    }
}

pub use domain::application_form::{BusinessStep, OwnerStep, Place, ReturneeStep};

/// Creates the account's first application as an empty draft if it has none; returns the
/// id of its latest. A rejected or erased applicant starts again only on purpose, with
/// [`apply_again`]: saving a step of a closed application stays refused.
///
/// # Errors
/// When the database fails.
pub async fn ensure_application(
    db: &Database,
    account: AccountId,
    now: i64,
) -> Result<ApplicationId, Error> {
    // Two first saves at once: both may see no application, and the open-per-account index
    // lets only one insert.
    with_pool!(db, |pool| sqlx::query(
        "insert into vendor_application (account_id, created_at, updated_at)
         select $1, $2, $2
         where not exists (select 1 from vendor_application where account_id = $1)
         on conflict do nothing"
    )
    .bind(account.0)
    .bind(now)
    .execute(pool)
    .await
    .map(|_| ()))?;
    let id: i64 = with_pool!(db, |pool| sqlx::query_scalar(
        "select max(application_id) from vendor_application where account_id = $1"
    )
    .bind(account.0)
    .fetch_one(pool)
    .await)?;
    Ok(ApplicationId(id))
}

/// Why a new application was not started.
#[derive(Debug, thiserror::Error)]
pub enum ApplyAgainError {
    /// The latest application is still open (or approved): edit that one instead.
    #[error("an application is still open")]
    StillOpen,
    /// Storage failed.
    #[error(transparent)]
    Backend(#[from] Error),
}

/// Starts a new application after the last was rejected or erased, filled in from the last
/// one's remaining fields so a returnee need not type everything again; the photos, the NIK
/// and the consent are asked for anew (files belong to one application, so erasing one never
/// removes another's). The old application and its history stay as they were.
///
/// # Errors
/// [`ApplyAgainError`]; nothing is saved then.
pub async fn apply_again(
    db: &Database,
    account: AccountId,
    now: i64,
) -> Result<ApplicationId, ApplyAgainError> {
    let id: Option<i64> = with_pool!(db, |pool| sqlx::query_scalar(
        "insert into vendor_application (account_id, business_name, category, description,
            owner_name, gender, whatsapp, kelurahan_id, outside_regency, address,
            placement_country, years_abroad, return_year, show_returnee_details, created_at,
            updated_at)
         select account_id, business_name, category, description, owner_name, gender, whatsapp,
            kelurahan_id, outside_regency, address, placement_country, years_abroad, return_year,
            show_returnee_details, $2, $2
         from vendor_application
         where application_id = (select max(application_id) from vendor_application
                                 where account_id = $1)
           and (status = 'rejected' or erased_at is not null)
         on conflict do nothing
         returning application_id"
    )
    .bind(account.0)
    .bind(now)
    .fetch_optional(pool)
    .await)
    .map_err(Error::from)?;
    let id = id.ok_or(ApplyAgainError::StillOpen)?;
    tracing::info!(application = id, "application started again");
    Ok(ApplicationId(id))
}

/// `where` clause shared by every save: only the owner's editable application.
const EDITABLE: &str =
    "account_id = $1 and status in ('draft', 'changes_requested') and erased_at is null";

fn changed(rows: u64) -> Result<(), SaveError> {
    if rows == 1 {
        Ok(())
    } else {
        Err(SaveError::NotEditable)
    }
}

/// Saves the business step; `photo` replaces the business photo when given.
///
/// # Errors
/// [`SaveError`].
pub async fn save_business(
    db: &Database,
    account: AccountId,
    step: &BusinessStep,
    photo: Option<&str>,
    now: i64,
) -> Result<(), SaveError> {
    ensure_application(db, account, now).await?;
    let sql = format!(
        "update vendor_application set business_name = $2, category = $3, description = $4,
            business_photo = coalesce($5, business_photo), updated_at = $6 where {EDITABLE}"
    );
    let rows = with_pool!(db, |pool| sqlx::query(&sql)
        .bind(account.0)
        .bind(&step.business_name)
        .bind(step.category.as_str())
        .bind(&step.description)
        .bind(photo)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    changed(rows)
}

/// Saves the owner step.
///
/// # Errors
/// [`SaveError`].
pub async fn save_owner(
    db: &Database,
    account: AccountId,
    step: &OwnerStep,
    now: i64,
) -> Result<(), SaveError> {
    ensure_application(db, account, now).await?;
    let (kelurahan, outside) = match &step.place {
        Place::Kelurahan(id) => (Some(*id), None),
        Place::Outside(regency) => (None, Some(regency.as_str())),
    };
    let sql = format!(
        "update vendor_application set owner_name = $2, gender = $3, whatsapp = $4,
            kelurahan_id = $5, outside_regency = $6, address = $7, updated_at = $8 where {EDITABLE}"
    );
    let rows = with_pool!(db, |pool| sqlx::query(&sql)
        .bind(account.0)
        .bind(&step.owner_name)
        .bind(step.gender.as_str())
        .bind(step.whatsapp.e164())
        .bind(kelurahan)
        .bind(outside)
        .bind(&step.address)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()));
    match rows {
        Ok(rows) => changed(rows),
        // The kelurahan's foreign key: an id the form never offered.
        Err(error) if error.as_database_error().is_some_and(|e| e.is_foreign_key_violation()) => {
            Err(SaveError::UnknownPlace)
        }
        Err(error) => Err(error.into()),
    }
}

/// Saves the returnee step; `proof` replaces the proof-of-return file when given.
///
/// # Errors
/// [`SaveError`].
pub async fn save_returnee(
    db: &Database,
    account: AccountId,
    step: &ReturneeStep,
    proof: Option<&str>,
    now: i64,
) -> Result<(), SaveError> {
    ensure_application(db, account, now).await?;
    let sql = format!(
        "update vendor_application set placement_country = $2, years_abroad = $3, return_year = $4,
            show_returnee_details = $5, proof_photo = coalesce($6, proof_photo), updated_at = $7
         where {EDITABLE}"
    );
    let rows = with_pool!(db, |pool| sqlx::query(&sql)
        .bind(account.0)
        .bind(&step.placement_country)
        .bind(i64::from(step.years_abroad))
        .bind(i64::from(step.return_year))
        .bind(step.show_returnee_details)
        .bind(proof)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
    changed(rows)
}

/// Why the identity step was not saved.
#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    /// Another application already holds this NIK.
    #[error("NIK already registered")]
    NikTaken,
    /// As for any step.
    #[error(transparent)]
    Save(#[from] SaveError),
}

/// Saves the NIK (encrypted, with its keyed hash and masked form) and the optional NIB.
///
/// # Errors
/// [`IdentityError::NikTaken`] when another application holds the NIK; nothing is saved.
pub async fn save_identity(
    db: &Database,
    keys: &PersonalDataKeys,
    account: AccountId,
    nik: &Nik,
    nib: Option<&Nib>,
    now: i64,
) -> Result<(), IdentityError> {
    ensure_application(db, account, now).await.map_err(SaveError::from)?;
    let (ciphertext, key_id) = keys.encrypt(nik.expose_digits());
    let sql = format!(
        "update vendor_application set nik_ciphertext = $2, nik_key_id = $3, nik_hash = $4,
            nik_masked = $5, nib = $6, updated_at = $7 where {EDITABLE}"
    );
    let result = with_pool!(db, |pool| sqlx::query(&sql)
        .bind(account.0)
        .bind(&ciphertext)
        .bind(&key_id)
        .bind(keys.nik_hash(nik))
        .bind(nik.masked())
        .bind(nib.map(Nib::as_str))
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()));
    match result {
        Ok(rows) => Ok(changed(rows)?),
        // The unique index on the keyed hash: the same NIK is on another application.
        Err(error) if violated(&error, &[NIK_TAKEN]).is_some() => Err(IdentityError::NikTaken),
        Err(other) => Err(SaveError::from(other).into()),
    }
}

/// One NIK, one vendor record: the unique index on the NIK's keyed hash.
const NIK_TAKEN: Constraint =
    Constraint { name: "vendor_application_nik_hash_key", sqlite: "vendor_application.nik_hash" };

/// Why a submission was refused; nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    /// Steps still incomplete, by name (`business`, `owner`, `returnee`, `identity`).
    #[error("incomplete: {0:?}")]
    Incomplete(Vec<&'static str>),
    /// Consent to the privacy notice was not given.
    #[error("no consent")]
    NoConsent,
    /// Not in a state that can be submitted.
    #[error("not submittable")]
    NotSubmittable,
    /// Storage failed.
    #[error(transparent)]
    Backend(#[from] Error),
}

/// Sends the application for review (or back, after changes), recording the notice version
/// consented to.
///
/// # Errors
/// [`SubmitError`]; nothing is saved in any case.
pub async fn submit(
    db: &Database,
    account: AccountId,
    consent: bool,
    notice_version: &str,
    now: i64,
) -> Result<ApplicationStatus, SubmitError> {
    let application = find_by_account(db, account)
        .await?
        .ok_or(SubmitError::Incomplete(vec!["business", "owner", "returnee", "identity"]))?;
    let transition = match application.status {
        ApplicationStatus::Draft => Transition::Submit,
        ApplicationStatus::ChangesRequested => Transition::Resubmit,
        _ => return Err(SubmitError::NotSubmittable),
    };
    let mut missing = Vec::new();
    if application.business_name.is_empty() || application.category.is_none() {
        missing.push("business");
    }
    if application.owner_name.is_empty() || application.whatsapp.is_none() {
        missing.push("owner");
    }
    if application.placement_country.is_empty() || application.return_year.is_none() {
        missing.push("returnee");
    }
    if application.nik_masked.is_none() {
        missing.push("identity");
    }
    if !missing.is_empty() {
        return Err(SubmitError::Incomplete(missing));
    }
    if !consent {
        return Err(SubmitError::NoConsent);
    }
    let target = application.status.apply(transition).map_err(|_| SubmitError::NotSubmittable)?;
    let mut tx = db.begin_write().await?;
    let rows = with_tx!(&mut tx, |conn| sqlx::query(
        "update vendor_application set status = $1, consent_version = $2, consent_at = $3,
            submitted_at = $3, updated_at = $3 where application_id = $4 and status = $5"
    )
    .bind(target.as_str())
    .bind(notice_version)
    .bind(now)
    .bind(application.id.0)
    .bind(application.status.as_str())
    .execute(&mut **conn)
    .await
    .map(|r| r.rows_affected()))
    .map_err(Error::from)?;
    if rows != 1 {
        return Err(SubmitError::NotSubmittable);
    }
    record_event(&mut tx, application.id, Some(account), transition, "", now).await?;
    tx.commit().await?;
    Ok(target)
}

/// Appends a step to the application's history.
pub(super) async fn record_event(
    tx: &mut WriteTx,
    id: ApplicationId,
    actor: Option<AccountId>,
    transition: Transition,
    message: &str,
    now: i64,
) -> Result<(), Error> {
    with_tx!(tx, |conn| {
        sqlx::query(
        "insert into application_event (application_id, actor_account_id, transition, message, created_at)
         values ($1, $2, $3, $4, $5)"
    )
    .bind(id.0)
    .bind(actor.map(|a| a.0))
    .bind(transition.as_str())
    .bind(message)
    .bind(now)
    .execute(&mut **conn)
    .await
    .map(|_| ())
    })?;
    Ok(())
}
