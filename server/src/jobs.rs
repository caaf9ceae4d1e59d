//! What the server's jobs do, and when the recurring ones run. The queue, its leases and
//! retries are `backend::jobs`; this adds what only the server has (the mailer, the public
//! address for links, the catalogues for the mail's language).

use std::sync::Arc;
use std::time::Duration;

use backend::accounts::{self, AccountId};
use backend::jobs::{CatchUp, Every, Job, JobFailure, Perform, Recurring, Runner};
use backend::notices::{self, Channel, NoticeId};
use backend::AppState;
use futures_util::future::BoxFuture;

use crate::mail::Mailer;

/// How often each process looks for due jobs when nothing woke it earlier.
pub const POLL: Duration = Duration::from_secs(10);

/// Finished jobs are kept this long for operators, then pruned.
const KEEP_FINISHED_SECS: i64 = 7 * 24 * 60 * 60;

/// Photo files younger than this are spared by the sweep: an upload may still be writing
/// the rows that name them.
const PHOTO_GRACE_SECS: i64 = 60 * 60;

/// The recurring jobs, in WITA. The two sweeps are spread over the hour so they do not
/// contend; a missed sweep runs once on the next start (one run cleans up as much as many).
#[must_use]
pub fn recurring() -> Vec<Recurring> {
    vec![
        Recurring {
            name: "sweep_sessions",
            every: Every::hour_at(5),
            catch_up: CatchUp::Once,
            job: Job::SweepSessions,
        },
        Recurring {
            name: "sweep_photos",
            every: Every::hour_at(35),
            catch_up: CatchUp::Once,
            job: Job::SweepPhotos,
        },
        Recurring {
            name: "prune_jobs",
            every: Every::day_at(3, 15),
            catch_up: CatchUp::Once,
            job: Job::PruneJobs,
        },
    ]
}

/// The server's side of the job runner.
#[derive(Debug, Clone)]
pub struct ServerJobs {
    /// Backend services, the database and the clock.
    pub app: AppState,
    /// Sends mail, when SMTP is configured.
    pub mailer: Option<Mailer>,
    /// `scheme://host[:port]` for links in mail.
    pub public_origin: String,
}

impl ServerJobs {
    /// A runner for this process with the server's recurring jobs.
    #[must_use]
    pub fn runner(&self) -> Runner {
        Runner::new(self.app.db.clone(), self.app.clock.clone(), Runner::process_worker_id())
            .with_recurring(recurring())
    }

    /// Runs the queue until `shutdown` resolves (what `serve` starts beside the listener).
    pub async fn run_until(self, shutdown: impl std::future::Future<Output = ()>) {
        let runner = self.runner();
        runner.run_until(Arc::new(self), POLL, shutdown).await;
    }

    async fn email_reset_link(
        &self,
        account_id: i64,
        locale: domain::Locale,
    ) -> Result<(), JobFailure> {
        let Some(mailer) = &self.mailer else {
            return Err(JobFailure("email is not configured (PASAR_SMTP_URL)".to_owned()));
        };
        let db = &self.app.db;
        let account = accounts::find_account(db, AccountId(account_id)).await.map_err(backend)?;
        // The account may have lost its address (or gone) since the request: nothing to send.
        let Some(email) = account.and_then(|account| account.email) else {
            tracing::info!("reset mail skipped: the account has no email address now");
            return Ok(());
        };
        let token = accounts::issue_self_service_reset_link(
            db,
            AccountId(account_id),
            self.app.clock.now(),
        )
        .await
        .map_err(backend)?;
        let link = format!("{}/atur-sandi?kode={}", self.public_origin, token.expose());
        mailer
            .send_reset_link(&email, &link, locale)
            .await
            .map_err(|error| JobFailure(error.to_string()))?;
        tracing::info!("reset mail sent");
        Ok(())
    }

    /// Mails a notice, once: the mark is checked before and set after sending, so a job
    /// taken again after a lost lease sends nothing more. Without SMTP, or to an account
    /// without an address, there is nothing to do; that is not a failure to retry.
    async fn email_notice(&self, id: NoticeId) -> Result<(), JobFailure> {
        let Some(mailer) = &self.mailer else {
            return Ok(());
        };
        let db = &self.app.db;
        let Some(delivery) = notices::mail_delivery(db, id).await.map_err(backend)? else {
            return Ok(());
        };
        let Some(email) = delivery.email.filter(|_| !delivery.already_sent) else {
            return Ok(());
        };
        let (subject, body) =
            app::notices::mail_text(&delivery.notice, delivery.locale, &self.public_origin);
        mailer
            .send_text(&email, &subject, body)
            .await
            .map_err(|error| JobFailure(error.to_string()))?;
        notices::mark_emailed(db, id, self.app.clock.now()).await.map_err(backend)?;
        tracing::info!(notice = id.0, kind = delivery.notice.kind(), "notice mailed");
        Ok(())
    }
}

fn backend(error: backend::Error) -> JobFailure {
    JobFailure(format!("{error}"))
}

impl Perform for ServerJobs {
    fn perform<'a>(&'a self, job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
        Box::pin(async move {
            let now = self.app.clock.now();
            let db = &self.app.db;
            match job {
                Job::SweepSessions => {
                    let removed =
                        backend::sessions::delete_expired(db, now).await.map_err(backend)?;
                    if removed > 0 {
                        tracing::info!(removed, "expired sessions removed");
                    }
                }
                Job::SweepPhotos => {
                    let removed = self
                        .app
                        .photos
                        .sweep(db, now, PHOTO_GRACE_SECS)
                        .await
                        .map_err(|error| JobFailure(format!("{error}")))?;
                    let files = self
                        .app
                        .photos
                        .sweep_files(db, now, PHOTO_GRACE_SECS)
                        .await
                        .map_err(|error| JobFailure(format!("{error}")))?;
                    if removed + files > 0 {
                        tracing::info!(removed, files, "unused photos removed");
                    }
                }
                Job::PruneJobs => {
                    let removed = backend::jobs::prune_finished(db, now - KEEP_FINISHED_SECS)
                        .await
                        .map_err(backend)?;
                    if removed > 0 {
                        tracing::info!(removed, "finished jobs pruned");
                    }
                }
                Job::EmailResetLink { account_id, locale } => {
                    self.email_reset_link(*account_id, *locale).await?;
                }
                Job::DeliverNotice { notice_id, channel: Channel::Email } => {
                    self.email_notice(NoticeId(*notice_id)).await?;
                }
                Job::Probe { .. } => {}
            }
            Ok(())
        })
    }
}
