//! Takes due jobs and runs them, one at a time per process.

use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use tracing::Instrument as _;

use super::queue::{claim, complete, fail, Claimed};
use super::schedule::{queue_due_slots, Recurring};
use super::Job;
use crate::clock::Clock;
use crate::error::Result;
use crate::Database;

/// Why an attempt failed, said for operators (it is stored in the job row and logged): a
/// cause such as "SMTP server refused the connection", never an address or a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobFailure(pub String);

/// What the jobs actually do. The server implements it (it holds the mailer and the
/// catalogues); tests implement it to count runs.
pub trait Perform: Send + Sync {
    /// Does `job` once. Called again after a failure, and possibly twice if a lease ran out
    /// mid-run: the effect must be safe to repeat.
    fn perform<'a>(&'a self, job: &'a Job) -> BoxFuture<'a, std::result::Result<(), JobFailure>>;
}

/// Takes jobs from the queue for one process.
#[derive(Debug, Clone)]
pub struct Runner {
    db: Database,
    clock: Clock,
    worker: String,
    lease_secs: i64,
    recurring: Vec<Recurring>,
}

/// What one [`Runner::run_due`] pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pass {
    /// Jobs that succeeded.
    pub done: usize,
    /// Attempts that failed (retried later, or given up).
    pub failed: usize,
}

impl Runner {
    /// How long a worker holds a job before another may take it: far longer than any job
    /// takes (a mail is sent in seconds), short enough that a crashed process's job is not
    /// late by much.
    pub const DEFAULT_LEASE_SECS: i64 = 5 * 60;

    /// A runner named `worker` (unique per process: see [`Runner::process_worker_id`]).
    #[must_use]
    pub fn new(db: Database, clock: Clock, worker: impl Into<String>) -> Runner {
        Runner {
            db,
            clock,
            worker: worker.into(),
            lease_secs: Self::DEFAULT_LEASE_SECS,
            recurring: Vec::new(),
        }
    }

    /// The same runner, also queueing `recurring` jobs as their slots come due.
    #[must_use]
    pub fn with_recurring(mut self, recurring: Vec<Recurring>) -> Runner {
        self.recurring = recurring;
        self
    }

    /// A worker name no other process shares: process id and random bits (a pid alone
    /// repeats across machines and containers).
    #[must_use]
    pub fn process_worker_id() -> String {
        let mut bits = [0_u8; 6];
        getrandom::fill(&mut bits).unwrap_or_default();
        format!("pid{}-{}", std::process::id(), hex::encode(bits))
    }

    /// This runner's worker name.
    #[must_use]
    pub fn worker(&self) -> &str {
        &self.worker
    }

    /// Queues due recurring slots, then runs jobs until none is due.
    ///
    /// # Errors
    /// When the database fails (jobs taken so far keep their outcome).
    pub async fn run_due(&self, perform: &dyn Perform) -> Result<Pass> {
        queue_due_slots(&self.db, &self.recurring, self.clock.now()).await?;
        let mut pass = Pass::default();
        while let Some(succeeded) = self.run_one(perform).await? {
            if succeeded {
                pass.done += 1;
            } else {
                pass.failed += 1;
            }
        }
        Ok(pass)
    }

    /// Takes one due job and runs it: `Some(true)` when it succeeded, `Some(false)` when the
    /// attempt failed, `None` when nothing was due.
    ///
    /// # Errors
    /// When the database fails.
    pub async fn run_one(&self, perform: &dyn Perform) -> Result<Option<bool>> {
        let Some(claimed) =
            claim(&self.db, &self.worker, self.clock.now(), self.lease_secs).await?
        else {
            return Ok(None);
        };
        let kind = match &claimed.job {
            Ok(job) => job.kind().to_owned(),
            Err(kind) => kind.clone(),
        };
        let span = tracing::info_span!("job", job_id = claimed.id, kind = %kind, attempt = claimed.attempts);
        let outcome = self.attempt(&claimed, perform).instrument(span.clone()).await;
        let _entered = span.enter();
        let now = self.clock.now();
        let kept = match &outcome {
            Ok(()) => complete(&self.db, &claimed, &self.worker, now).await?,
            Err(JobFailure(cause)) => {
                let last = claimed.attempts >= claimed.max_attempts;
                if last {
                    tracing::error!(cause = %cause, "job failed for good");
                } else {
                    tracing::warn!(cause = %cause, "job failed; will retry");
                }
                fail(&self.db, &claimed, &self.worker, cause, now).await?
            }
        };
        if !kept {
            tracing::warn!("job's lease ended before it finished; another worker took it over");
        }
        Ok(Some(outcome.is_ok()))
    }

    async fn attempt(
        &self,
        claimed: &Claimed,
        perform: &dyn Perform,
    ) -> std::result::Result<(), JobFailure> {
        let job = claimed
            .job
            .as_ref()
            .map_err(|kind| JobFailure(format!("this server does not know jobs of kind {kind}")))?;
        // A job still running when its lease ends may be taken by another worker: stop it
        // first, with a margin for finishing the row.
        let limit =
            Duration::from_secs(u64::try_from(self.lease_secs * 9 / 10).unwrap_or(1).max(1));
        let request_id = format!("job:{}", claimed.id);
        match tokio::time::timeout(
            limit,
            crate::audit::with_request_id(request_id, perform.perform(job)),
        )
        .await
        {
            Ok(outcome) => outcome,
            Err(_) => Err(JobFailure("took longer than its lease".to_owned())),
        }
    }

    /// Runs due jobs every `poll` until `shutdown` resolves, finishing the job in hand.
    pub async fn run_until(
        self,
        perform: Arc<dyn Perform>,
        poll: Duration,
        shutdown: impl std::future::Future<Output = ()>,
    ) {
        tokio::pin!(shutdown);
        let mut tick = tokio::time::interval(poll);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                () = &mut shutdown => break,
                _ = tick.tick() => {
                    if let Err(error) = self.run_due(perform.as_ref()).await {
                        tracing::warn!(error = ?error, "job runner could not reach the queue");
                    }
                }
            }
        }
    }
}
