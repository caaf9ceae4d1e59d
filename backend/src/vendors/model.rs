//! The stored application and its history, as the backend reads them.

use domain::application::{ApplicationStatus, Transition};
use domain::vendor::{Category, Gender};
use domain::PhoneNumber;

use crate::accounts::AccountId;
use crate::db::Database;
use crate::error::Error;
use crate::with_pool;

/// An application's database id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ApplicationId(pub i64);

/// An application with everything but the NIK itself (only its masked form), for the
/// applicant and for reviewers. Deliberately not `Serialize`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Application {
    /// Id.
    pub id: ApplicationId,
    /// The applicant.
    pub account: AccountId,
    /// Status.
    pub status: ApplicationStatus,
    /// Business name.
    pub business_name: String,
    /// What they sell.
    pub category: Option<Category>,
    /// Short description.
    pub description: String,
    /// Media key of the business photo.
    pub business_photo: Option<String>,
    /// Owner's full name.
    pub owner_name: String,
    /// Owner's gender.
    pub gender: Option<Gender>,
    /// WhatsApp number.
    pub whatsapp: Option<PhoneNumber>,
    /// Kelurahan id, inside Kota Kupang.
    pub kelurahan_id: Option<i64>,
    /// "Kelurahan, Kecamatan" for display.
    pub place_name: Option<String>,
    /// Kecamatan slug (for filters).
    pub kecamatan_slug: Option<String>,
    /// Regency, outside Kota Kupang.
    pub outside_regency: Option<String>,
    /// Street address.
    pub address: String,
    /// Country of last placement.
    pub placement_country: String,
    /// Years abroad.
    pub years_abroad: Option<i32>,
    /// Year of return.
    pub return_year: Option<i32>,
    /// Private file key of the proof of return.
    pub proof_photo: Option<String>,
    /// `5371********0001`, if a NIK was given.
    pub nik_masked: Option<String>,
    /// NIB.
    pub nib: Option<String>,
    /// Privacy notice version accepted.
    pub consent_version: Option<String>,
    /// Whether the public profile shows the "Purna PMI" badge and returnee details.
    pub show_returnee_details: bool,
    /// Public profile address part of the vendor record approval created.
    pub public_slug: Option<String>,
    /// Unix time of the (last) submission.
    pub submitted_at: Option<i64>,
    /// Unix time erasure was asked for.
    pub erasure_requested_at: Option<i64>,
    /// Unix time personal data was erased.
    pub erased_at: Option<i64>,
}

#[derive(sqlx::FromRow)]
pub(super) struct ApplicationRow {
    application_id: i64,
    account_id: i64,
    status: String,
    business_name: String,
    category: String,
    description: String,
    business_photo: Option<String>,
    owner_name: String,
    gender: Option<String>,
    whatsapp: Option<String>,
    kelurahan_id: Option<i64>,
    place_name: Option<String>,
    kecamatan_slug: Option<String>,
    outside_regency: Option<String>,
    address: String,
    placement_country: String,
    years_abroad: Option<i64>,
    return_year: Option<i64>,
    proof_photo: Option<String>,
    nik_masked: Option<String>,
    nib: Option<String>,
    consent_version: Option<String>,
    show_returnee_details: bool,
    public_slug: Option<String>,
    submitted_at: Option<i64>,
    erasure_requested_at: Option<i64>,
    erased_at: Option<i64>,
}

/// The select list every application query shares (joined with its place).
pub(super) const SELECT: &str = "select a.application_id, a.account_id, a.status, a.business_name,
        a.category, a.description, a.business_photo, a.owner_name, a.gender, a.whatsapp,
        a.kelurahan_id, kl.name || ', ' || kc.name as place_name, kc.slug as kecamatan_slug,
        a.outside_regency, a.address, a.placement_country, a.years_abroad, a.return_year,
        a.proof_photo, a.nik_masked, a.nib, a.consent_version, a.show_returnee_details,
        v.public_slug, a.submitted_at, a.erasure_requested_at, a.erased_at
    from vendor_application a
    left join vendor v on v.application_id = a.application_id
    left join kelurahan kl on kl.kelurahan_id = a.kelurahan_id
    left join kecamatan kc on kc.kecamatan_id = kl.kecamatan_id";

impl ApplicationRow {
    pub(super) fn into_application(self) -> Result<Application, Error> {
        let corrupt = |what: &str| {
            Error::Corrupt(format!("application {} has a bad {what}", self.application_id))
        };
        let status = ApplicationStatus::from_db(&self.status).ok_or_else(|| corrupt("status"))?;
        let whatsapp = match &self.whatsapp {
            Some(number) => Some(PhoneNumber::parse(number).map_err(|_| corrupt("whatsapp"))?),
            None => None,
        };
        Ok(Application {
            id: ApplicationId(self.application_id),
            account: AccountId(self.account_id),
            status,
            category: Category::from_str_value(&self.category),
            gender: self.gender.as_deref().and_then(Gender::from_str_value),
            whatsapp,
            years_abroad: self.years_abroad.and_then(|y| i32::try_from(y).ok()),
            return_year: self.return_year.and_then(|y| i32::try_from(y).ok()),
            business_name: self.business_name,
            description: self.description,
            business_photo: self.business_photo,
            owner_name: self.owner_name,
            kelurahan_id: self.kelurahan_id,
            place_name: self.place_name,
            kecamatan_slug: self.kecamatan_slug,
            outside_regency: self.outside_regency,
            address: self.address,
            placement_country: self.placement_country,
            proof_photo: self.proof_photo,
            nik_masked: self.nik_masked,
            nib: self.nib,
            consent_version: self.consent_version,
            show_returnee_details: self.show_returnee_details,
            public_slug: self.public_slug,
            submitted_at: self.submitted_at,
            erasure_requested_at: self.erasure_requested_at,
            erased_at: self.erased_at,
        })
    }
}

/// The account's latest application, if it started one: the open one when there is one
/// (only the newest can be open: a new one is started only once the last is rejected or
/// erased), otherwise the last decided.
///
/// # Errors
/// When the database fails or the row is corrupt.
pub async fn find_by_account(
    db: &Database,
    account: AccountId,
) -> Result<Option<Application>, Error> {
    let sql = format!("{SELECT} where a.account_id = $1 order by a.application_id desc limit 1");
    let row: Option<ApplicationRow> =
        with_pool!(db, |pool| sqlx::query_as(&sql).bind(account.0).fetch_optional(pool).await)?;
    row.map(ApplicationRow::into_application).transpose()
}

/// Every application of the account, newest first (a rejected or erased applicant may have
/// applied again; the history is kept).
///
/// # Errors
/// When the database fails or a row is corrupt.
pub async fn applications_of(db: &Database, account: AccountId) -> Result<Vec<Application>, Error> {
    let sql = format!("{SELECT} where a.account_id = $1 order by a.application_id desc");
    let rows: Vec<ApplicationRow> =
        with_pool!(db, |pool| sqlx::query_as(&sql).bind(account.0).fetch_all(pool).await)?;
    rows.into_iter().map(ApplicationRow::into_application).collect()
}

/// An application by id.
///
/// # Errors
/// When the database fails or the row is corrupt.
pub async fn find_by_id(db: &Database, id: ApplicationId) -> Result<Option<Application>, Error> {
    let sql = format!("{SELECT} where a.application_id = $1");
    let row: Option<ApplicationRow> =
        with_pool!(db, |pool| sqlx::query_as(&sql).bind(id.0).fetch_optional(pool).await)?;
    row.map(ApplicationRow::into_application).transpose()
}

/// One step in an application's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationEvent {
    /// What happened.
    pub transition: Transition,
    /// The reviewer's message or reason ("" when none).
    pub message: String,
    /// Whether the applicant took the step (otherwise the Dinas).
    pub by_applicant: bool,
    /// Unix time.
    pub at: i64,
}

/// The exchange between applicant and Dinas, oldest first.
///
/// # Errors
/// When the database fails or a row is corrupt.
pub async fn history(db: &Database, id: ApplicationId) -> Result<Vec<ApplicationEvent>, Error> {
    const SQL: &str = "select transition, message, created_at from application_event
        where application_id = $1 order by created_at, application_event_id";
    let rows: Vec<(String, String, i64)> =
        with_pool!(db, |pool| sqlx::query_as(SQL).bind(id.0).fetch_all(pool).await)?;
    rows.into_iter()
        .map(|(transition, message, at)| {
            let transition = Transition::from_db(&transition)
                .ok_or_else(|| Error::Corrupt(format!("application event {transition:?}")))?;
            Ok(ApplicationEvent {
                by_applicant: transition.by_applicant(),
                transition,
                message,
                at,
            })
        })
        .collect()
}
