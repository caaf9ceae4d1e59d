//! The audit log about anything: who did what to which record, when, why, and in which
//! request. Entries are written inside the transaction that makes the change they record, so
//! there is never a change without its entry or an entry without its change; the table refuses
//! updates and deletes on both engines.

use std::future::Future;

use crate::accounts::AccountId;
use crate::db::WriteTx;
use crate::error::Result;
use crate::{with_pool, with_tx, Database};

/// The kind of record an entry is about. Stored names are stable; the table's check
/// constraint lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SubjectKind {
    /// A person's account (roles, passwords, personal data).
    Account,
    /// A vendor application (decisions, NIK reveals, erasure).
    Application,
    /// A vendor record.
    Vendor,
    /// A product.
    Product,
    /// A product category.
    Category,
    /// A background job (what the runner did on nobody's behalf).
    Job,
}

impl SubjectKind {
    /// Every kind, for filters.
    pub const ALL: &'static [SubjectKind] = &[
        SubjectKind::Account,
        SubjectKind::Application,
        SubjectKind::Vendor,
        SubjectKind::Product,
        SubjectKind::Category,
        SubjectKind::Job,
    ];

    /// The stored name.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            SubjectKind::Account => "account",
            SubjectKind::Application => "application",
            SubjectKind::Vendor => "vendor",
            SubjectKind::Product => "product",
            SubjectKind::Category => "category",
            SubjectKind::Job => "job",
        }
    }

    /// Reads a stored or typed name.
    #[must_use]
    pub fn parse(name: &str) -> Option<SubjectKind> {
        SubjectKind::ALL.iter().copied().find(|kind| kind.as_str() == name)
    }
}

/// What an entry is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Subject {
    /// The kind of record.
    pub kind: SubjectKind,
    /// Its id in its own table.
    pub id: i64,
}

impl Subject {
    /// An account as the subject.
    #[must_use]
    pub const fn account(account: AccountId) -> Subject {
        Subject { kind: SubjectKind::Account, id: account.0 }
    }
}

/// What was done. Each action has one stored name (`area:verb`), so the log can be filtered
/// and every new action is a new variant rather than a string someone may misspell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// An account's role was changed (the new role in the name).
    RoleChanged(domain::Role),
    /// A person changed their own password.
    PasswordChanged,
    /// Staff issued a password reset link.
    ResetLinkIssued,
    /// A reset link was sent by email at the person's request.
    ResetLinkEmailed,
    /// Staff revoked a reset link.
    ResetLinkRevoked,
    /// A reset link was used.
    ResetLinkUsed,
    /// Staff revealed an applicant's full NIK (the reason is required).
    NikRevealed,
    /// Staff viewed an applicant's proof of return.
    ProofPhotoViewed,
    /// An applicant's personal data was erased.
    PersonalDataErased,
    /// A decision on an application (the transition's stored name, e.g. `approved`).
    ApplicationDecided(&'static str),
    /// A vendor changed what applies at once on their shop (the reason lists the fields).
    ShopProfileChanged,
    /// A vendor asked for a new business name or category (the reason lists the fields).
    ShopChangeProposed,
    /// The Dinas accepted a vendor's new business name or category.
    ShopChangeAccepted,
    /// The Dinas refused a vendor's new business name or category (reason required).
    ShopChangeRefused,
}

impl Action {
    /// The stored name, unchanged from the old `audit_log` for the actions it had.
    #[must_use]
    pub fn as_string(self) -> String {
        match self {
            Action::RoleChanged(role) => format!("role:{}", role.as_str()),
            Action::PasswordChanged => "password:changed".to_owned(),
            Action::ResetLinkIssued => "password_reset:issued".to_owned(),
            Action::ResetLinkEmailed => "password_reset:emailed".to_owned(),
            Action::ResetLinkRevoked => "password_reset:revoked".to_owned(),
            Action::ResetLinkUsed => "password_reset:used".to_owned(),
            Action::NikRevealed => "nik:reveal".to_owned(),
            Action::ProofPhotoViewed => "proof_photo:view".to_owned(),
            Action::PersonalDataErased => "personal_data:erased".to_owned(),
            Action::ApplicationDecided(transition) => format!("application:{transition}"),
            Action::ShopProfileChanged => "vendor:profile_changed".to_owned(),
            Action::ShopChangeProposed => "vendor:change_proposed".to_owned(),
            Action::ShopChangeAccepted => "vendor:change_accepted".to_owned(),
            Action::ShopChangeRefused => "vendor:change_refused".to_owned(),
        }
    }
}

/// One entry to append.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// Who did it; `None` for the command line and jobs.
    pub actor: Option<AccountId>,
    /// What they did.
    pub action: Action,
    /// To what.
    pub subject: Subject,
    /// Why, when the action needs a reason (may be empty).
    pub reason: &'a str,
    /// When, in Unix seconds from the application's clock.
    pub at: i64,
}

tokio::task_local! {
    /// The id of the request (or job) being served, set once around its handler so that every
    /// entry written while serving it names it without each service passing it along.
    static REQUEST_ID: String;
}

/// Runs `work` with `request_id` as the id recorded in every audit entry it writes.
pub async fn with_request_id<F: Future>(request_id: String, work: F) -> F::Output {
    REQUEST_ID.scope(request_id, work).await
}

fn current_request_id() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).ok()
}

/// Appends `entry` inside the transaction that makes the change it records.
///
/// # Errors
/// When the database fails (the caller's transaction then rolls back, change and all).
pub async fn record(tx: &mut WriteTx, entry: &Entry<'_>) -> Result<()> {
    with_tx!(tx, |conn| sqlx::query(
        "insert into audit_event
             (at, actor_account_id, action, subject_kind, subject_id, reason, request_id)
         values ($1, $2, $3, $4, $5, $6, $7)"
    )
    .bind(entry.at)
    .bind(entry.actor.map(|a| a.0))
    .bind(entry.action.as_string())
    .bind(entry.subject.kind.as_str())
    .bind(entry.subject.id)
    .bind(entry.reason)
    .bind(current_request_id())
    .execute(&mut **conn)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Which entries to list; every field narrows, `None` means any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only entries by this actor.
    pub actor: Option<AccountId>,
    /// Only entries about this kind of record…
    pub subject_kind: Option<SubjectKind>,
    /// …and, with a kind, this record.
    pub subject_id: Option<i64>,
    /// Only actions whose stored name starts with this (`application:` finds all decisions).
    pub action_prefix: Option<String>,
    /// Only entries at or after this time (Unix seconds).
    pub from: Option<i64>,
    /// Only entries before this time (Unix seconds).
    pub until: Option<i64>,
    /// Only entries older than this id: the next page of a listing, newest first.
    pub before_id: Option<i64>,
}

/// A logged entry as read back.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Logged {
    /// The entry's id (increasing in the order entries were written).
    pub id: i64,
    /// When, in Unix seconds.
    pub at: i64,
    /// Who did it.
    pub actor_account_id: Option<i64>,
    /// The actor's login as shown to staff (phone or email), when there is an actor.
    pub actor_login: Option<String>,
    /// The stored action name.
    pub action: String,
    /// The subject's kind (stored name).
    pub subject_kind: String,
    /// The subject's id.
    pub subject_id: i64,
    /// Why.
    pub reason: String,
    /// The request (or `job:<id>`) that made the change.
    pub request_id: Option<String>,
}

/// Entries matching `filter`, newest first, at most `limit`.
///
/// # Errors
/// When the database fails.
pub async fn list(db: &Database, filter: &Filter, limit: i64) -> Result<Vec<Logged>> {
    let prefix = filter.action_prefix.as_deref().map(|p| format!("{}%", crate::db::escape_like(p)));
    let rows = with_pool!(db, |pool| sqlx::query_as::<_, Logged>(
        "select e.audit_event_id as id, e.at, e.actor_account_id,
                coalesce(a.phone, a.email) as actor_login, e.action, e.subject_kind,
                e.subject_id, e.reason, e.request_id
         from audit_event e left join account a on a.account_id = e.actor_account_id
         where ($1 is null or e.actor_account_id = $1)
           and ($2 is null or e.subject_kind = $2)
           and ($3 is null or e.subject_id = $3)
           and ($4 is null or e.action like $4 escape '\\')
           and ($5 is null or e.at >= $5)
           and ($6 is null or e.at < $6)
           and ($7 is null or e.audit_event_id < $7)
         order by e.audit_event_id desc
         limit $8"
    )
    .bind(filter.actor.map(|a| a.0))
    .bind(filter.subject_kind.map(SubjectKind::as_str))
    .bind(filter.subject_id)
    .bind(prefix.as_deref())
    .bind(filter.from)
    .bind(filter.until)
    .bind(filter.before_id)
    .bind(limit)
    .fetch_all(pool)
    .await)?;
    Ok(rows)
}

/// A logged time as ISO 8601 in UTC (`2026-12-03T11:31:04Z`), for exports people read.
#[must_use]
pub fn iso_utc(unix_seconds: i64) -> String {
    let at = time::OffsetDateTime::from_unix_timestamp(unix_seconds)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_action_names_are_the_ones_the_old_log_used() {
        assert_eq!(Action::RoleChanged(domain::Role::MarketOfficer).as_string(), "role:admin");
        assert_eq!(Action::NikRevealed.as_string(), "nik:reveal");
        assert_eq!(Action::ApplicationDecided("approved").as_string(), "application:approved");
        assert_eq!(Action::ResetLinkEmailed.as_string(), "password_reset:emailed");
    }

    #[test]
    fn subject_kinds_round_trip_and_unknown_names_are_refused() {
        for kind in SubjectKind::ALL {
            assert_eq!(SubjectKind::parse(kind.as_str()), Some(*kind));
        }
        assert_eq!(SubjectKind::parse("accounts"), None);
    }

    #[test]
    fn logged_times_read_as_utc_iso_dates() {
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_utc(1_796_297_464), "2026-12-03T11:31:04Z");
    }
}
