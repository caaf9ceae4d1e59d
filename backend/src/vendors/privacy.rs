//! Personal data protection (UU PDP No. 27/2022): revealing a NIK with a stated reason, logging
//! every view of a proof-of-return file, a vendor's export of everything held about them, and
//! erasure on request.

use serde_json::json;

use super::crypto::PersonalDataKeys;
use super::model::{applications_of, find_by_id, history, Application, ApplicationId};
use crate::accounts::AccountId;
use crate::audit::Action;
use crate::db::Database;
use crate::error::Error;
use crate::{with_pool, with_tx};

/// Why a NIK was not revealed.
#[derive(Debug, thiserror::Error)]
pub enum RevealError {
    /// The officer's own application: a second officer must open it.
    #[error("own application")]
    OwnApplication,
    /// Storage failed, or the stored NIK does not decrypt (wrong key configured).
    #[error(transparent)]
    Backend(#[from] Error),
}

/// Decrypts an application's NIK for an admin who stated why, and logs the reveal.
/// `None` when the application has no NIK (or is a draft).
///
/// # Errors
/// [`RevealError`].
pub async fn reveal_nik(
    db: &Database,
    keys: &PersonalDataKeys,
    actor: AccountId,
    id: ApplicationId,
    reason: &str,
    now: i64,
) -> Result<Option<String>, RevealError> {
    crate::access::authorize(db, actor, domain::Permission::RevealNik).await?;
    let row: Option<(i64, Option<String>, Option<String>)> = with_pool!(db, |pool| {
        sqlx::query_as(
            // A draft is the applicant's own until it is submitted: not even its NIK is revealed.
            "select account_id, nik_ciphertext, nik_key_id from vendor_application
         where application_id = $1 and status <> 'draft'",
        )
        .bind(id.0)
        .fetch_optional(pool)
        .await
    })
    .map_err(Error::from)?;
    let Some((account, ciphertext, key_id)) = row else {
        return Ok(None);
    };
    if account == actor.0 {
        return Err(RevealError::OwnApplication);
    }
    let (Some(ciphertext), Some(key_id)) = (ciphertext, key_id) else {
        return Ok(None);
    };
    let nik = keys.decrypt(&ciphertext, &key_id).map_err(|_| {
        Error::Corrupt(format!("NIK of application {} does not decrypt with key {key_id}", id.0))
    })?;
    // Logged before the NIK leaves this function: a reveal is never unrecorded.
    let mut tx = db.begin_write().await?;
    crate::accounts::audit(
        &mut tx,
        Some(actor),
        Action::NikRevealed,
        AccountId(account),
        reason,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Some(nik))
}

/// Logs that an admin viewed an application's proof-of-return file.
///
/// # Errors
/// When the database fails; the file must then not be served.
pub async fn log_proof_view(
    db: &Database,
    actor: AccountId,
    applicant: AccountId,
    now: i64,
) -> Result<(), Error> {
    crate::access::authorize(db, actor, domain::Permission::ReviewApplications).await?;
    let mut tx = db.begin_write().await?;
    crate::accounts::audit(&mut tx, Some(actor), Action::ProofPhotoViewed, applicant, "", now)
        .await?;
    tx.commit().await
}

/// Everything held about an account, for its owner: account, application (with the NIK in
/// clear: it is theirs), history, notices and the log of who looked at their data.
///
/// # Errors
/// When the database fails or the NIK cannot be decrypted.
pub async fn export_personal_data(
    db: &Database,
    keys: &PersonalDataKeys,
    account: AccountId,
) -> Result<serde_json::Value, Error> {
    let login: Option<(Option<String>, Option<String>, String)> =
        with_pool!(db, |pool| sqlx::query_as(
            "select phone, email, role from account where account_id = $1"
        )
        .bind(account.0)
        .fetch_optional(pool)
        .await)?;
    let (phone, email, role) = login.unwrap_or_default();
    let mut applications = Vec::new();
    for app in applications_of(db, account).await? {
        applications.push(application_json(db, keys, &app).await?);
    }
    // The latest where it always was; the earlier ones (applied again) after it.
    let mut applications = applications.into_iter();
    let application_json = applications.next().unwrap_or(serde_json::Value::Null);
    let earlier: Vec<_> = applications.collect();
    let access: Vec<(Option<i64>, String, String, i64)> = with_pool!(db, |pool| sqlx::query_as(
        // About the person, or about any application of theirs (its decisions).
        "select actor_account_id, action, reason, at from audit_event
         where (subject_kind = 'account' and subject_id = $1)
            or (subject_kind = 'application' and subject_id in
                (select application_id from vendor_application where account_id = $1))
         order by audit_event_id"
    )
    .bind(account.0)
    .fetch_all(pool)
    .await)?;
    let shop: Option<ShopRow> = with_pool!(db, |pool| sqlx::query_as(
        "select v.public_slug, v.business_name, v.description, v.whatsapp,
                    coalesce(kc.name, v.outside_regency)
             from vendor v left join kecamatan kc on kc.kecamatan_id = v.kecamatan_id
             where v.account_id = $1 and v.erased_at is null"
    )
    .bind(account.0)
    .fetch_optional(pool)
    .await)?;
    let shop_json =
        shop.map_or(serde_json::Value::Null, |(slug, name, description, whatsapp, area)| {
            json!({ "profile": format!("/pelapak/{slug}"), "business_name": name,
                "description": description, "whatsapp": whatsapp, "area": area })
        });
    let notices: Vec<_> = crate::notices::latest(db, account, i64::MAX)
        .await?
        .into_iter()
        .map(|n| {
            // The kind with its parameters (the officer's words), then when and whether read.
            let mut notice = json!(n.notice);
            if let Some(fields) = notice.as_object_mut() {
                fields.insert("at".to_owned(), json!(n.at));
                fields.insert("read".to_owned(), json!(n.read));
            }
            notice
        })
        .collect();
    Ok(json!({
        "account": { "phone": phone, "email": email, "role": role },
        "vendor_application": application_json,
        "earlier_vendor_applications": earlier,
        "shop": shop_json,
        "notifications": notices,
        "access_and_decision_log": access.into_iter().map(|(actor, action, reason, at)| json!({
            "by_account": actor, "action": action, "reason": reason,
            "at": crate::audit::iso_utc(at),
        })).collect::<Vec<_>>(),
    }))
}

/// One application as the export shows it, the NIK decrypted (it is the person's own).
async fn application_json(
    db: &Database,
    keys: &PersonalDataKeys,
    app: &Application,
) -> Result<serde_json::Value, Error> {
    let stored: (Option<String>, Option<String>) = with_pool!(db, |pool| {
        sqlx::query_as(
            "select nik_ciphertext, nik_key_id from vendor_application where application_id = $1",
        )
        .bind(app.id.0)
        .fetch_one(pool)
        .await
    })?;
    let nik = match stored {
        (Some(ciphertext), Some(key_id)) => Some(
            keys.decrypt(&ciphertext, &key_id)
                .map_err(|_| Error::Corrupt("NIK does not decrypt".into()))?,
        ),
        _ => None,
    };
    let events: Vec<_> = history(db, app.id)
        .await?
        .into_iter()
        .map(|e| json!({ "step": e.transition.as_str(), "message": e.message, "at": e.at }))
        .collect();
    Ok(json!({
        "status": app.status.as_str(),
        "business_name": app.business_name,
        "category": app.category.map(|c| c.as_str()),
        "description": app.description,
        "has_business_photo": app.business_photo.is_some(),
        "owner_name": app.owner_name,
        "gender": app.gender.map(|g| g.as_str()),
        "whatsapp": app.whatsapp.as_ref().map(|p| p.e164().to_owned()),
        "place": app.place_name,
        "outside_regency": app.outside_regency,
        "address": app.address,
        "placement_country": app.placement_country,
        "years_abroad": app.years_abroad,
        "return_year": app.return_year,
        "has_proof_of_return": app.proof_photo.is_some(),
        "nik": nik,
        "nib": app.nib,
        "privacy_notice_version_accepted": app.consent_version,
        "show_returnee_details": app.show_returnee_details,
        "history": events,
    }))
}

/// The applicant's live shop as the export shows it: address, name, description, WhatsApp,
/// area.
type ShopRow = (String, String, String, Option<String>, Option<String>);

/// Records that the applicant asks for their personal data to be erased; an admin completes it.
///
/// # Errors
/// When the database fails.
pub async fn request_erasure(db: &Database, account: AccountId, now: i64) -> Result<bool, Error> {
    let rows = with_pool!(db, |pool| sqlx::query(
        "update vendor_application set erasure_requested_at = $2, updated_at = $2
         where account_id = $1 and erasure_requested_at is null and erased_at is null"
    )
    .bind(account.0)
    .bind(now)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(rows == 1)
}

/// Why erasure was not completed.
#[derive(Debug, thiserror::Error)]
pub enum ErasureError {
    /// No such application, or already erased.
    #[error("nothing to erase")]
    NothingToErase,
    /// The applicant has not asked for erasure: completing it is not an officer's choice.
    #[error("erasure not requested")]
    NotRequested,
    /// The officer's own application: a second officer must complete it.
    #[error("own application")]
    OwnApplication,
    /// Storage failed.
    #[error(transparent)]
    Backend(#[from] Error),
}

/// Completes the erasure the applicant asked for: NIK, files, owner details and returnee
/// details. Only a pending request is completed, and never by the applicant's own account.
/// The row stays, anonymised, with its status and history (what the audit needs). A vendor
/// record made from it keeps its business name and category for financial records and is
/// marked erased, so nothing of theirs stays public. Its pictures (business photo, proof of
/// return, shop photo) are deleted from `store` once the rows no longer name them.
///
/// # Errors
/// [`ErasureError`]; nothing is changed then.
pub async fn complete_erasure(
    db: &Database,
    store: &crate::photos::PhotoStore,
    actor: AccountId,
    id: ApplicationId,
    now: i64,
) -> Result<(), ErasureError> {
    crate::access::authorize(db, actor, domain::Permission::EraseApplicantData).await?;
    let application = find_by_id(db, id).await?.ok_or(ErasureError::NothingToErase)?;
    if application.erased_at.is_some() {
        return Err(ErasureError::NothingToErase);
    }
    if application.erasure_requested_at.is_none() {
        return Err(ErasureError::NotRequested);
    }
    if application.account == actor {
        return Err(ErasureError::OwnApplication);
    }
    // The shop's photo may have been replaced since approval: both files go.
    let shop_photo: Option<String> = with_pool!(db, |pool| sqlx::query_scalar(
        "select business_photo from vendor where application_id = $1"
    )
    .bind(id.0)
    .fetch_optional(pool)
    .await)
    .map_err(Error::from)?
    .flatten();
    let mut files: Vec<String> =
        [application.business_photo.clone(), application.proof_photo.clone(), shop_photo]
            .into_iter()
            .flatten()
            .collect();
    files.dedup();
    let mut tx = db.begin_write().await.map_err(ErasureError::from)?;
    // The vendor record keeps what receipts and ledger rows need (the business name and
    // category, the public address they were issued under) and loses everything that
    // describes or reaches the person. See the privacy notice (`privacy-kept`).
    with_tx!(&mut tx, |conn| sqlx::query(
        "update vendor set description = '', business_photo = null, whatsapp = null,
            kecamatan_id = null, outside_regency = null, pending_business_name = null,
            pending_category = null, pending_since = null, erased_at = $1, updated_at = $1
         where application_id = $2 and erased_at is null"
    )
    .bind(now)
    .bind(id.0)
    .execute(&mut **conn)
    .await
    .map(|_| ()))
    .map_err(Error::from)?;
    with_tx!(&mut tx, |conn| sqlx::query(
        "update vendor_application set
            business_name = '', description = '', business_photo = null, owner_name = '',
            gender = null, whatsapp = null, kelurahan_id = null, outside_regency = null,
            address = '', placement_country = '', years_abroad = null, return_year = null,
            proof_photo = null, nik_ciphertext = null, nik_key_id = null, nik_hash = null,
            nik_masked = null, nib = null, show_returnee_details = $3,
            status = case when status = 'approved' then 'suspended' else status end,
            erased_at = $1, updated_at = $1
         where application_id = $2 and erased_at is null and erasure_requested_at is not null"
    )
    .bind(now)
    .bind(id.0)
    .bind(false)
    .execute(&mut **conn)
    .await
    .map(|_| ()))
    .map_err(Error::from)?;
    for blank_words in [
        "update application_event set message = '' where application_id = $1",
        // A notice quotes the officer's words, which may describe the person.
        "update notification set params = '{}' where application_id = $1",
    ] {
        with_tx!(&mut tx, |conn| sqlx::query(blank_words)
            .bind(id.0)
            .execute(&mut **conn)
            .await
            .map(|_| ()))
        .map_err(Error::from)?;
    }
    crate::accounts::audit(
        &mut tx,
        Some(actor),
        Action::PersonalDataErased,
        application.account,
        "",
        now,
    )
    .await?;
    tx.commit().await?;
    // The rows no longer name the files: what fails here the hourly sweep removes.
    if let Err(error) = store.delete_files_of(&files).await {
        tracing::warn!(%error, "erased files were not all deleted yet");
    }
    Ok(())
}

/// An erasure waiting to be done, for the queue officers work from.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ErasureRequest {
    /// The application whose personal data is to be erased.
    pub application_id: i64,
    /// Its business name (the application's copy is blanked by erasure; a vendor record
    /// made from it keeps its own).
    pub business_name: String,
    /// Its status when the request came.
    pub status: String,
    /// When the applicant asked (Unix seconds).
    pub requested_at: i64,
}

/// Erasure requests not yet done, oldest (nearest its deadline) first.
///
/// # Errors
/// When the database fails.
pub async fn pending_erasures(db: &Database) -> Result<Vec<ErasureRequest>, Error> {
    Ok(with_pool!(db, |pool| sqlx::query_as::<_, ErasureRequest>(
        "select application_id, business_name, status, erasure_requested_at as requested_at
         from vendor_application
         where erasure_requested_at is not null and erased_at is null
         order by erasure_requested_at, application_id"
    )
    .fetch_all(pool)
    .await)?)
}
