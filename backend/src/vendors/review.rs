//! The Dinas's side: the queue of applications waiting, and decisions on them. A decision is
//! a conditional update on the status it expects, so when two admins decide at once exactly
//! one wins and the other is told it was already decided.

use domain::application::{ApplicationStatus, Transition};
use domain::vendor::{Category, VendorStatus};

use super::draft::record_event;
use super::model::{ApplicationId, SELECT};
use super::record::{create_at_approval, set_status};
use crate::accounts::AccountId;
use crate::db::Database;
use crate::error::Error;
use crate::notices::notify;
use crate::{with_pool, with_tx};

/// Filters of the queue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueQuery {
    /// Only this status; `None` means "waiting for review" (submitted or resubmitted).
    pub status: Option<ApplicationStatus>,
    /// Only this kecamatan (slug).
    pub kecamatan: Option<String>,
    /// Only this category.
    pub category: Option<Category>,
    /// Part of the business or owner name.
    pub search: String,
    /// Zero-based page.
    pub page: u32,
}

/// Rows per queue page.
pub const QUEUE_PAGE_SIZE: u32 = 30;

/// A row of the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueRow {
    /// The application.
    pub application: super::model::Application,
}

/// `%text%` for a case-blind contains (`None` for empty text), with the `%`, `_` and `\`
/// people type matching themselves.
pub(super) fn like_pattern(search: &str) -> Option<String> {
    let search = search.trim().to_lowercase();
    (!search.is_empty()).then(|| format!("%{}%", crate::db::escape_like(&search)))
}

/// Applications matching the filters, oldest submission first (first come, first served),
/// with the total count.
///
/// # Errors
/// When the database fails or a row is corrupt.
pub async fn review_queue(
    db: &Database,
    query: &QueueQuery,
) -> Result<(Vec<QueueRow>, i64), Error> {
    let statuses: Vec<&str> = match query.status {
        Some(status) => vec![status.as_str()],
        None => {
            vec![ApplicationStatus::Submitted.as_str(), ApplicationStatus::Resubmitted.as_str()]
        }
    };
    // Both engines accept the same filter with nulls switching conditions off. A draft is
    // the applicant's own until submitted: never listed, whatever the filter says.
    let filter = "where a.status in ($1, $2) and a.status <> 'draft' and a.erased_at is null
          and ($3 is null or kc.slug = $3)
          and ($4 is null or a.category = $4)
          and ($5 is null or lower(a.business_name) like $5 escape '\\' or lower(a.owner_name) like $5 escape '\\')";
    let first = statuses[0];
    let second = statuses.get(1).copied().unwrap_or(first);
    let pattern = like_pattern(&query.search);
    let category = query.category.map(Category::as_str);
    let count_sql = format!(
        "select count(*) from vendor_application a
         left join kelurahan kl on kl.kelurahan_id = a.kelurahan_id
         left join kecamatan kc on kc.kecamatan_id = kl.kecamatan_id {filter}"
    );
    let total: i64 = with_pool!(db, |pool| sqlx::query_scalar(&count_sql)
        .bind(first)
        .bind(second)
        .bind(query.kecamatan.as_deref())
        .bind(category)
        .bind(pattern.as_deref())
        .fetch_one(pool)
        .await)?;
    let rows_sql =
        format!("{SELECT} {filter} order by a.submitted_at, a.application_id limit $6 offset $7");
    let rows: Vec<super::model::ApplicationRow> = with_pool!(db, |pool| sqlx::query_as(&rows_sql)
        .bind(first)
        .bind(second)
        .bind(query.kecamatan.as_deref())
        .bind(category)
        .bind(pattern.as_deref())
        .bind(i64::from(QUEUE_PAGE_SIZE))
        .bind(i64::from(query.page) * i64::from(QUEUE_PAGE_SIZE))
        .fetch_all(pool)
        .await)?;
    let rows = rows
        .into_iter()
        .map(|row| Ok(QueueRow { application: row.into_application()? }))
        .collect::<Result<_, Error>>()?;
    Ok((rows, total))
}

/// Why a decision was not taken; nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum DecideError {
    /// No such application.
    #[error("application not found")]
    NotFound,
    /// The step does not follow from the current status: someone decided first, or the
    /// step is not possible now. Carries the status found.
    #[error("already decided: {0:?}")]
    AlreadyDecided(ApplicationStatus),
    /// This step needs a reason or message.
    #[error("reason required")]
    ReasonRequired,
    /// Not a reviewer's step.
    #[error("not a decision")]
    NotADecision,
    /// The reviewer's own application: a second officer must decide on it.
    #[error("own application")]
    OwnApplication,
    /// Storage failed.
    #[error(transparent)]
    Backend(#[from] Error),
}

/// Takes a reviewer's decision, writes it to the history, notifies the applicant and records
/// it in the audit log, all in one transaction. Approval creates the vendor record; suspending
/// and reinstating change it.
///
/// # Errors
/// [`DecideError`]; nothing is saved in any case.
pub async fn decide(
    db: &Database,
    actor: AccountId,
    id: ApplicationId,
    transition: Transition,
    message: &str,
    now: i64,
) -> Result<ApplicationStatus, DecideError> {
    if transition.by_applicant() {
        return Err(DecideError::NotADecision);
    }
    crate::access::authorize(db, actor, domain::Permission::ReviewApplications).await?;
    let message = message.trim();
    if transition.needs_reason() && message.is_empty() {
        return Err(DecideError::ReasonRequired);
    }
    // Nobody decides on their own application (an officer may also be a returnee).
    let current = super::model::find_by_id(db, id).await?.ok_or(DecideError::NotFound)?;
    if current.account == actor {
        return Err(DecideError::OwnApplication);
    }
    let sources = ApplicationStatus::sources_of(transition);
    let mut tx = db.begin_write().await?;
    let mut claimed: Option<(ApplicationStatus, i64)> = None;
    for source in sources {
        let target = source.apply(transition).map_err(|_| DecideError::NotADecision)?;
        // The status in the `where` clause is what makes concurrent decisions safe: only the
        // first update finds the status it expects.
        let account: Option<i64> = with_tx!(&mut tx, |conn| sqlx::query_scalar(
            "update vendor_application set status = $1, decided_at = $2, updated_at = $2
             where application_id = $3 and status = $4 and erased_at is null
             returning account_id"
        )
        .bind(target.as_str())
        .bind(now)
        .bind(id.0)
        .bind(source.as_str())
        .fetch_optional(&mut **conn)
        .await)
        .map_err(Error::from)?;
        if let Some(account) = account {
            claimed = Some((target, account));
            break;
        }
    }
    let Some((target, applicant)) = claimed else {
        drop(tx);
        let current = super::model::find_by_id(db, id).await?.ok_or(DecideError::NotFound)?;
        return Err(DecideError::AlreadyDecided(current.status));
    };
    let applicant = AccountId(applicant);
    match transition {
        Transition::Approve => {
            create_at_approval(&mut tx, id, now).await?;
        }
        Transition::Suspend => set_status(&mut tx, id, VendorStatus::Suspended, now).await?,
        Transition::Reinstate => set_status(&mut tx, id, VendorStatus::Active, now).await?,
        _ => {}
    }
    record_event(&mut tx, id, Some(actor), transition, message, now).await?;
    if let Some(notice) = domain::notice::Notice::of_decision(transition, message) {
        notify(&mut tx, applicant, &notice, Some(id), now).await?;
    }
    let entry = crate::audit::Entry {
        actor: Some(actor),
        action: crate::audit::Action::ApplicationDecided(transition.as_str()),
        subject: crate::audit::Subject { kind: crate::audit::SubjectKind::Application, id: id.0 },
        reason: message,
        at: now,
    };
    crate::audit::record(&mut tx, &entry).await?;
    tx.commit().await?;
    tracing::info!(application = id.0, decision = transition.as_str(), "application decided");
    Ok(target)
}
