//! The job table: adding, taking under a lease, finishing, retrying.

use super::{backoff_secs, Job};
use crate::db::WriteTx;
use crate::error::{Error, Result};
use crate::{with_pool, with_tx, Database};

/// Whether [`enqueue`] added the job or found it already queued under its unique key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enqueued {
    /// Added.
    Added,
    /// A job with the same unique key exists (queued, done or failed): nothing added.
    AlreadyThere,
}

/// Adds `job`, due at `run_at`, inside `tx`: it exists if and only if the caller's change
/// commits. With `unique_key`, a second job with the same key is not added (a recurring
/// slot queued by two processes at once runs once).
///
/// # Errors
/// When the database fails.
pub async fn enqueue_in(
    tx: &mut WriteTx,
    job: &Job,
    run_at: i64,
    unique_key: Option<&str>,
    now: i64,
) -> Result<Enqueued> {
    let payload = serde_json::to_string(job)
        .map_err(|error| Error::Corrupt(format!("job does not serialise: {error}")))?;
    let added = with_tx!(tx, |conn| sqlx::query(
        "insert into job (kind, payload, run_at, max_attempts, unique_key, created_at)
         values ($1, $2, $3, $4, $5, $6)
         on conflict (unique_key) do nothing"
    )
    .bind(job.kind())
    .bind(&payload)
    .bind(run_at)
    .bind(job.max_attempts())
    .bind(unique_key)
    .bind(now)
    .execute(&mut **conn)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(if added == 1 { Enqueued::Added } else { Enqueued::AlreadyThere })
}

/// Adds `job`, due now, in a transaction of its own.
///
/// # Errors
/// When the database fails.
pub async fn enqueue(db: &Database, job: &Job, now: i64) -> Result<Enqueued> {
    let mut tx = db.begin_write().await?;
    let added = enqueue_in(&mut tx, job, now, None, now).await?;
    tx.commit().await?;
    Ok(added)
}

/// A job taken by a worker: it alone may finish it until `lease_until`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    /// The job's id.
    pub id: i64,
    /// What to do; `Err` with the stored kind when this build does not know it (a newer
    /// server queued it during a rolling upgrade).
    pub job: std::result::Result<Job, String>,
    /// Attempts so far, this one included.
    pub attempts: i32,
    /// The attempts it gets in all.
    pub max_attempts: i32,
    /// Until when the lease holds.
    pub lease_until: i64,
}

type ClaimedRow = (i64, String, String, i32, i32);

/// Takes the most overdue job that is due at `now` and not leased to another worker, for
/// `lease_secs`. `None` when nothing is due.
///
/// Jobs whose attempts ran out while their workers died (leases ended, never finished) are
/// marked failed first, so they are not taken again forever.
///
/// # Errors
/// When the database fails.
pub async fn claim(
    db: &Database,
    worker: &str,
    now: i64,
    lease_secs: i64,
) -> Result<Option<Claimed>> {
    let mut tx = db.begin_write().await?;
    with_tx!(&mut tx, |conn| sqlx::query(
        "update job set state = 'failed', last_error = 'lease ended after the last attempt',
                        locked_by = null, lease_until = null, finished_at = $1
         where state = 'queued' and attempts >= max_attempts and lease_until <= $1"
    )
    .bind(now)
    .execute(&mut **conn)
    .await
    .map(|_| ()))?;
    // The same statement on both engines but for the row lock: PostgreSQL skips rows another
    // worker is taking right now; SQLite's write lock (BEGIN IMMEDIATE) already lets only one
    // worker in at a time.
    let pick = "select job_id from job
         where state = 'queued' and run_at <= $2 and attempts < max_attempts
           and (lease_until is null or lease_until <= $2)
         order by run_at, job_id limit 1";
    let lock = match &tx {
        WriteTx::Postgres(_) => " for update skip locked",
        WriteTx::Sqlite(_) => "",
    };
    let take = format!(
        "update job set locked_by = $1, lease_until = $2 + $3, attempts = attempts + 1
         where job_id = ({pick}{lock})
         returning job_id, kind, payload, attempts, max_attempts"
    );
    let row: Option<ClaimedRow> = with_tx!(&mut tx, |conn| sqlx::query_as(&take)
        .bind(worker)
        .bind(now)
        .bind(lease_secs)
        .fetch_optional(&mut **conn)
        .await)?;
    tx.commit().await?;
    Ok(row.map(|(id, kind, payload, attempts, max_attempts)| Claimed {
        id,
        job: serde_json::from_str(&payload).map_err(|_| kind),
        attempts,
        max_attempts,
        lease_until: now + lease_secs,
    }))
}

/// Marks a job done. `false` when `worker` no longer held it (its lease ended and another
/// worker took it): the caller's work may then have been done twice, which is why jobs must
/// be safe to repeat.
///
/// # Errors
/// When the database fails.
pub async fn complete(db: &Database, claimed: &Claimed, worker: &str, now: i64) -> Result<bool> {
    let rows = with_pool!(db, |pool| sqlx::query(
        "update job set state = 'done', finished_at = $3, locked_by = null, lease_until = null,
                        last_error = null
         where job_id = $1 and locked_by = $2 and state = 'queued'"
    )
    .bind(claimed.id)
    .bind(worker)
    .bind(now)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(rows == 1)
}

/// Records a failed attempt: the job is due again after [`backoff_secs`], or failed for good
/// when its attempts are used up. `cause` is for operators and must not hold personal data.
///
/// # Errors
/// When the database fails.
pub async fn fail(
    db: &Database,
    claimed: &Claimed,
    worker: &str,
    cause: &str,
    now: i64,
) -> Result<bool> {
    let last = claimed.attempts >= claimed.max_attempts;
    let rows = with_pool!(db, |pool| sqlx::query(
        "update job set state = $3, run_at = $4, last_error = $5, locked_by = null,
                        lease_until = null, finished_at = $6
         where job_id = $1 and locked_by = $2 and state = 'queued'"
    )
    .bind(claimed.id)
    .bind(worker)
    .bind(if last { "failed" } else { "queued" })
    .bind(now + backoff_secs(claimed.attempts))
    .bind(cause)
    .bind(last.then_some(now))
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(rows == 1)
}

/// Deletes jobs that finished (done or failed) before `older_than`; returns how many.
///
/// # Errors
/// When the database fails.
pub async fn prune_finished(db: &Database, older_than: i64) -> Result<u64> {
    let rows = with_pool!(db, |pool| sqlx::query(
        "delete from job where state in ('done', 'failed') and finished_at < $1"
    )
    .bind(older_than)
    .execute(pool)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(rows)
}
