//! Work done after, or apart from, the request that asked for it, on a queue in the database.
//!
//! - [`enqueue`] adds a [`Job`], inside the caller's transaction when it must exist exactly
//!   when the change does (the reset mail for a reset that was recorded).
//! - [`Runner`] takes due jobs one at a time under a lease and hands them to a [`Perform`]
//!   implementation (the server's, which has the mailer and the catalogues). With several
//!   processes on one database each job is taken by one of them: `for update skip locked` on
//!   PostgreSQL, the write lock of `BEGIN IMMEDIATE` on SQLite.
//! - A failed attempt is retried with exponential backoff until `max_attempts`, then the job
//!   is marked failed and kept for operators; a worker that dies mid-job loses its lease and
//!   the job is taken again once the lease ends, so a job's effect must be safe to repeat.
//! - [`Recurring`] jobs run on a wall-clock schedule in WITA; slots missed while no server
//!   ran are queued when one starts again.

mod queue;
mod runner;
mod schedule;

pub use queue::{claim, complete, enqueue, enqueue_in, fail, prune_finished, Claimed, Enqueued};
pub use runner::{JobFailure, Perform, Runner};
pub use schedule::{queue_due_slots, CatchUp, Every, Recurring};

use serde::{Deserialize, Serialize};

/// Everything the runner knows how to do, with its parameters. Stored as JSON in `payload`,
/// and by its [`Job::kind`] in `kind`; parameters are ids and settings, never personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Job {
    /// Deletes expired sessions (they are already refused; this keeps the table small).
    SweepSessions,
    /// Removes photo files no product names (what a crash between files and rows left).
    SweepPhotos,
    /// Deletes finished jobs older than a week.
    PruneJobs,
    /// Issues a self-service reset link for an account and mails it in the person's language.
    /// The link is made when the job runs, so no secret waits in the queue.
    EmailResetLink {
        /// The account whose email address gets the link.
        account_id: i64,
        /// The language of the mail.
        locale: domain::Locale,
    },
    /// Delivers a notice on one channel (the outbox of [`crate::notices`]).
    DeliverNotice {
        /// The notice.
        notice_id: i64,
        /// Where to.
        channel: crate::notices::Channel,
    },
    /// A job the server does nothing for: lets tests exercise the queue itself (leases,
    /// retries, two processes) apart from what any real job does.
    Probe {
        /// Any label, to tell probes apart.
        label: String,
    },
}

impl Job {
    /// The stored kind name (the JSON tag).
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        match self {
            Job::SweepSessions => "sweep_sessions",
            Job::SweepPhotos => "sweep_photos",
            Job::PruneJobs => "prune_jobs",
            Job::EmailResetLink { .. } => "email_reset_link",
            Job::DeliverNotice { .. } => "deliver_notice",
            Job::Probe { .. } => "probe",
        }
    }

    /// How many attempts before the job is given up: mail keeps trying for about a day
    /// (an SMTP server down overnight), sweeps run again at their next slot anyway.
    #[must_use]
    pub const fn max_attempts(&self) -> i32 {
        match self {
            Job::EmailResetLink { .. } | Job::DeliverNotice { .. } => 10,
            Job::SweepSessions | Job::SweepPhotos | Job::PruneJobs => 3,
            Job::Probe { .. } => 5,
        }
    }
}

/// Seconds before attempt `attempts + 1` after `attempts` failures: 30 s, 1 min, 2 min, …,
/// at most 6 hours.
#[must_use]
pub fn backoff_secs(attempts: i32) -> i64 {
    let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 20)).unwrap_or(20);
    (30_i64 << doublings).min(6 * 60 * 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_round_trips_through_its_stored_json_with_its_kind_as_tag() {
        let job = Job::EmailResetLink { account_id: 7, locale: domain::Locale::En };
        let json = serde_json::to_string(&job).expect("json");
        assert!(json.contains("\"kind\":\"email_reset_link\""), "{json}");
        assert_eq!(serde_json::from_str::<Job>(&json).expect("back"), job);
        for job in [Job::SweepSessions, Job::SweepPhotos, Job::PruneJobs] {
            let json = serde_json::to_string(&job).expect("json");
            assert!(json.contains(job.kind()), "{json}");
        }
    }

    #[test]
    fn backoff_doubles_from_thirty_seconds_up_to_six_hours() {
        assert_eq!(backoff_secs(1), 30);
        assert_eq!(backoff_secs(2), 60);
        assert_eq!(backoff_secs(3), 120);
        assert_eq!(backoff_secs(50), 6 * 60 * 60);
        assert_eq!(backoff_secs(0), 30);
    }
}
