//! The audit log's server fn. Reading it needs [`domain::Permission::ViewAuditLog`].

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Entries on one page of the log.
pub const AUDIT_PAGE_SIZE: i64 = 50;

/// What the officer filters by, as typed in the page's query (empty: any).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditQuery {
    /// Account id of the actor.
    pub actor: Option<i64>,
    /// Subject kind (`account`, `application`, …).
    pub kind: String,
    /// Subject id (with a kind).
    pub subject: Option<i64>,
    /// Start of the action's name (`application:` finds every decision).
    pub action: String,
    /// First day, `YYYY-MM-DD` in WITA.
    pub from: String,
    /// Last day, `YYYY-MM-DD` in WITA.
    pub until: String,
    /// Only entries older than this id (the next page).
    pub before: Option<i64>,
}

/// One entry as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    /// Entry id.
    pub id: i64,
    /// Unix time.
    pub at: i64,
    /// The actor's account id and login, if a person did it.
    pub actor: Option<(i64, String)>,
    /// Stored action name.
    pub action: String,
    /// Subject kind and id.
    pub subject: (String, i64),
    /// Why.
    pub reason: String,
    /// The request that made the change.
    pub request_id: Option<String>,
}

/// One page of entries, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    /// Entries.
    pub rows: Vec<AuditRow>,
    /// Whether older entries follow (then `before` = the last row's id).
    pub more: bool,
}

/// Midnight WITA of a `YYYY-MM-DD` date, in Unix seconds; `None` for anything else.
#[must_use]
pub fn wita_midnight(date: &str) -> Option<i64> {
    let mut parts = date.trim().splitn(3, '-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let month = time::Month::try_from(month.parse::<u8>().ok()?).ok()?;
    let date = time::Date::from_calendar_date(year.parse().ok()?, month, day.parse().ok()?).ok()?;
    Some(date.midnight().assume_offset(domain::wita::WITA).unix_timestamp())
}

/// Entries matching `query`, newest first.
#[server(prefix = "/api", endpoint = "admin/audit")]
pub async fn load_audit(query: AuditQuery) -> Result<AuditPage, AppError> {
    crate::auth::require_permission(domain::Permission::ViewAuditLog)?;
    let state = expect_context::<backend::AppState>();
    let filter = backend::audit::Filter {
        actor: query.actor.map(backend::accounts::AccountId),
        subject_kind: backend::audit::SubjectKind::parse(query.kind.trim()),
        subject_id: query.subject,
        action_prefix: Some(query.action.trim().to_owned()).filter(|a| !a.is_empty()),
        from: wita_midnight(&query.from),
        until: wita_midnight(&query.until).map(|day| day + 24 * 60 * 60),
        before_id: query.before,
    };
    let mut rows = backend::audit::list(&state.db, &filter, AUDIT_PAGE_SIZE + 1).await?;
    let more = rows.len() > usize::try_from(AUDIT_PAGE_SIZE).unwrap_or(usize::MAX);
    rows.truncate(usize::try_from(AUDIT_PAGE_SIZE).unwrap_or(usize::MAX));
    Ok(AuditPage {
        rows: rows
            .into_iter()
            .map(|row| AuditRow {
                id: row.id,
                at: row.at,
                actor: row.actor_account_id.map(|id| {
                    (id, row.actor_login.as_deref().map(display_login).unwrap_or_default())
                }),
                action: row.action,
                subject: (row.subject_kind, row.subject_id),
                reason: row.reason,
                request_id: row.request_id,
            })
            .collect(),
        more,
    })
}

/// A stored login as staff read it (phone numbers the way people write them).
#[cfg(feature = "ssr")]
fn display_login(stored: &str) -> String {
    domain::PhoneNumber::parse(stored).map_or_else(|_| stored.to_owned(), |p| p.national())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_in_the_filter_starts_at_midnight_in_kupang() {
        // 2026-12-03 00:00 WITA is 2026-12-02 16:00 UTC.
        assert_eq!(wita_midnight("2026-12-03"), Some(1_796_227_200));
        assert_eq!(wita_midnight(" 2026-12-03 "), Some(1_796_227_200));
        assert_eq!(wita_midnight("03/12/2026"), None);
        assert_eq!(wita_midnight(""), None);
    }
}
