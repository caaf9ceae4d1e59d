//! Notices: what the platform tells a person, kept for the `/notifikasi` page and the header
//! badge, and handed to the outbox for the other channels.
//!
//! [`notify`] writes the notice *and* its delivery job in the caller's transaction (the
//! transactional outbox): a decision that commits has its notice and its mail, one that rolls
//! back has neither. The job runner then delivers with retries and backoff; a channel that is
//! not configured (no SMTP) or a person it cannot reach (no email address) makes the delivery
//! a no-op, not a failure. New channels (WhatsApp, SMS) are new [`Channel`]s, each its own job
//! so that one failing does not resend the other.

use domain::notice::Notice;
use domain::Locale;
use serde::{Deserialize, Serialize};

use crate::accounts::AccountId;
use crate::db::{Database, WriteTx};
use crate::error::Error;
use crate::jobs::{self, Job};
use crate::vendors::ApplicationId;
use crate::{with_pool, with_tx};

/// A notice's row id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeId(pub i64);

/// A way of reaching a person besides the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Mail through the configured SMTP server, to the account's address.
    Email,
}

/// A notice as the person's list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// Its id.
    pub id: NoticeId,
    /// What it says.
    pub notice: Notice,
    /// Unix time.
    pub at: i64,
    /// Whether it has been marked read.
    pub read: bool,
}

/// Decodes a stored notice. Parameters that do not parse leave the kind alone (the headline
/// still says the right thing); a kind this build does not know is [`Notice::Unknown`].
#[must_use]
pub fn decode(kind: &str, params: &str) -> Notice {
    let mut fields = match serde_json::from_str::<serde_json::Value>(params) {
        Ok(serde_json::Value::Object(fields)) => fields,
        _ => serde_json::Map::new(),
    };
    fields.insert("kind".to_owned(), serde_json::Value::String(kind.to_owned()));
    serde_json::from_value(serde_json::Value::Object(fields)).unwrap_or_else(|_| {
        // Parameters of a wrong shape: the kind alone, its parameters defaulted.
        let bare = serde_json::json!({ "kind": kind });
        serde_json::from_value(bare).unwrap_or(Notice::Unknown)
    })
}

/// The parameters of `notice` as stored (its JSON without the kind).
fn params_of(notice: &Notice) -> Result<String, Error> {
    let mut value = serde_json::to_value(notice)
        .map_err(|error| Error::Corrupt(format!("notice does not serialise: {error}")))?;
    if let Some(fields) = value.as_object_mut() {
        fields.remove("kind");
    }
    Ok(value.to_string())
}

/// Adds `notice` for `account` and queues its delivery, inside the transaction of the change
/// it tells about. `about` is the application it concerns, if any (erasure removes those).
///
/// # Errors
/// When the database fails.
pub async fn notify(
    tx: &mut WriteTx,
    account: AccountId,
    notice: &Notice,
    about: Option<ApplicationId>,
    now: i64,
) -> Result<NoticeId, Error> {
    let params = params_of(notice)?;
    let id: i64 = with_tx!(&mut *tx, |conn| sqlx::query_scalar(
        "insert into notification (account_id, kind, params, application_id, created_at)
         values ($1, $2, $3, $4, $5) returning notification_id"
    )
    .bind(account.0)
    .bind(notice.kind())
    .bind(&params)
    .bind(about.map(|a| a.0))
    .bind(now)
    .fetch_one(&mut **conn)
    .await)?;
    let delivery = Job::DeliverNotice { notice_id: id, channel: Channel::Email };
    jobs::enqueue_in(tx, &delivery, now, None, now).await?;
    Ok(NoticeId(id))
}

/// An account's latest notices, newest first (at most `limit`).
///
/// # Errors
/// When the database fails.
pub async fn latest(db: &Database, account: AccountId, limit: i64) -> Result<Vec<Stored>, Error> {
    const SQL: &str = "select notification_id, kind, params, created_at, read_at
        from notification where account_id = $1
        order by created_at desc, notification_id desc limit $2";
    let rows: Vec<(i64, String, String, i64, Option<i64>)> = with_pool!(db, |pool| {
        sqlx::query_as(SQL).bind(account.0).bind(limit).fetch_all(pool).await
    })?;
    Ok(rows
        .into_iter()
        .map(|(id, kind, params, at, read_at)| Stored {
            id: NoticeId(id),
            notice: decode(&kind, &params),
            at,
            read: read_at.is_some(),
        })
        .collect())
}

/// How many notices of an account are unread (the header's badge).
///
/// # Errors
/// When the database fails.
pub async fn unread_count(db: &Database, account: AccountId) -> Result<i64, Error> {
    const SQL: &str = "select count(*) from notification where account_id = $1 and read_at is null";
    Ok(with_pool!(db, |pool| sqlx::query_scalar(SQL).bind(account.0).fetch_one(pool).await)?)
}

/// Marks every notice of an account as read.
///
/// # Errors
/// When the database fails.
pub async fn mark_all_read(db: &Database, account: AccountId, now: i64) -> Result<(), Error> {
    with_pool!(db, |pool| sqlx::query(
        "update notification set read_at = $2 where account_id = $1 and read_at is null"
    )
    .bind(account.0)
    .bind(now)
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// What the outbox needs to mail a notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailDelivery {
    /// The account's address; `None` for an account that logs in by phone only.
    pub email: Option<String>,
    /// The language the person last chose.
    pub locale: Locale,
    /// What to tell.
    pub notice: Notice,
    /// Whether it was mailed already (a job taken again after its lease ran out).
    pub already_sent: bool,
}

/// The mail for notice `id`, or `None` when it is gone (erased with its application).
///
/// # Errors
/// When the database fails.
pub async fn mail_delivery(db: &Database, id: NoticeId) -> Result<Option<MailDelivery>, Error> {
    const SQL: &str = "select a.email, a.locale, n.kind, n.params, n.emailed_at
        from notification n join account a on a.account_id = n.account_id
        where n.notification_id = $1";
    let row: Option<MailRow> =
        with_pool!(db, |pool| sqlx::query_as(SQL).bind(id.0).fetch_optional(pool).await)?;
    Ok(row.map(|row| MailDelivery {
        email: row.email,
        locale: Locale::from_tag(&row.locale).unwrap_or_default(),
        notice: decode(&row.kind, &row.params),
        already_sent: row.emailed_at.is_some(),
    }))
}

#[derive(sqlx::FromRow)]
struct MailRow {
    email: Option<String>,
    locale: String,
    kind: String,
    params: String,
    emailed_at: Option<i64>,
}

/// Records that notice `id` was mailed.
///
/// # Errors
/// When the database fails.
pub async fn mark_emailed(db: &Database, id: NoticeId, now: i64) -> Result<(), Error> {
    with_pool!(db, |pool| sqlx::query(
        "update notification set emailed_at = $2 where notification_id = $1"
    )
    .bind(id.0)
    .bind(now)
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_comes_back_as_it_was_stored() {
        let notices = [
            Notice::ApplicationApproved,
            Notice::ChangesRequested { message: "Foto KTP buram".to_owned() },
            Notice::ApplicationRejected { reason: "Bukan purna PMI".to_owned() },
            Notice::ShopSuspended { reason: "x".to_owned() },
            Notice::ShopReinstated { reason: String::new() },
            Notice::ShopChangeAccepted,
            Notice::ShopChangeRefused { reason: "Nama menyesatkan".to_owned() },
        ];
        for notice in notices {
            let params = params_of(&notice).unwrap();
            assert!(!params.contains("kind"), "the kind has its own column: {params}");
            assert_eq!(decode(notice.kind(), &params), notice);
        }
    }

    #[test]
    fn notices_stored_before_parameters_existed_keep_their_kind() {
        assert_eq!(decode("reject", "{}"), Notice::ApplicationRejected { reason: String::new() });
        assert_eq!(decode("approve", "not json"), Notice::ApplicationApproved);
        assert_eq!(
            decode("request_changes", r#"{"message": 7}"#),
            Notice::ChangesRequested { message: String::new() },
            "parameters of a wrong shape default, the kind stays"
        );
    }

    #[test]
    fn an_unknown_kind_never_decodes_as_another() {
        assert_eq!(decode("booking_confirmed", r#"{"unit":"K-07"}"#), Notice::Unknown);
        assert_eq!(decode("", "{}"), Notice::Unknown);
    }
}
