//! The job queue: leases, retries, schedules, and two processes sharing one database.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use backend::db::{ConnectOptions, Database};
use backend::jobs::{self, CatchUp, Every, Job, JobFailure, Perform, Recurring, Runner};
use backend::testing::TestDb;
use backend::{with_pool, Clock};
use futures::future::BoxFuture;

/// Wednesday 2026-12-02 18:00 WITA.
const WEDNESDAY_18_WITA: i64 = 1_796_205_600;

/// Counts each probe it runs and fails the labels it is told to, `fails` times each.
#[derive(Default)]
struct Recorder {
    runs: Mutex<Vec<String>>,
    failures_left: Mutex<HashMap<String, u32>>,
    /// Real time each run takes, so that two workers overlap.
    pause: std::time::Duration,
}

impl Recorder {
    fn failing(label: &str, times: u32) -> Recorder {
        let recorder = Recorder::default();
        recorder.failures_left.lock().expect("lock").insert(label.to_owned(), times);
        recorder
    }

    fn runs(&self) -> Vec<String> {
        self.runs.lock().expect("lock").clone()
    }
}

impl Perform for Recorder {
    fn perform<'a>(&'a self, job: &'a Job) -> BoxFuture<'a, Result<(), JobFailure>> {
        Box::pin(async move {
            let label = match job {
                Job::Probe { label } => label.clone(),
                other => other.kind().to_owned(),
            };
            tokio::time::sleep(self.pause).await;
            self.runs.lock().expect("lock").push(label.clone());
            let mut failures = self.failures_left.lock().expect("lock");
            match failures.get_mut(&label) {
                Some(left) if *left > 0 => {
                    *left -= 1;
                    Err(JobFailure(format!("{label} failed on purpose")))
                }
                _ => Ok(()),
            }
        })
    }
}

fn probe(label: &str) -> Job {
    Job::Probe { label: label.to_owned() }
}

async fn state_of(db: &Database, label: &str) -> (String, i32, Option<String>) {
    with_pool!(db, |pool| sqlx::query_as(
        "select state, attempts, last_error from job where payload like $1"
    )
    .bind(format!("%\"{label}\"%"))
    .fetch_one(pool)
    .await)
    .expect("job row")
}

/// A second connection pool on the same database: what another server process has.
async fn second_process(test: &TestDb) -> Database {
    Database::connect(&test.url, &ConnectOptions::default()).await.expect("second pool")
}

backend::storage_test! {
    async fn a_queued_job_runs_once_and_is_then_done(test: TestDb) {
        let clock = Clock::settable(WEDNESDAY_18_WITA);
        jobs::enqueue(&test.db, &probe("once"), clock.now()).await.expect("enqueue");
        let runner = Runner::new(test.db.clone(), clock.clone(), "w1");
        let recorder = Recorder::default();

        let first = runner.run_due(&recorder).await.expect("run");
        let second = runner.run_due(&recorder).await.expect("run again");

        assert_eq!((first.done, first.failed), (1, 0));
        assert_eq!((second.done, second.failed), (0, 0));
        assert_eq!(recorder.runs(), ["once"]);
        assert_eq!(state_of(&test.db, "once").await, ("done".to_owned(), 1, None));
    }

    async fn a_job_due_later_waits_for_its_time(test: TestDb) {
        let clock = Clock::settable(WEDNESDAY_18_WITA);
        let mut tx = test.db.begin_write().await.expect("tx");
        jobs::enqueue_in(&mut tx, &probe("later"), clock.now() + 600, None, clock.now()).await.expect("enqueue");
        tx.commit().await.expect("commit");
        let runner = Runner::new(test.db.clone(), clock.clone(), "w1");
        let recorder = Recorder::default();

        assert_eq!(runner.run_due(&recorder).await.expect("run").done, 0, "not yet due");
        clock.advance(600);
        assert_eq!(runner.run_due(&recorder).await.expect("run").done, 1, "due now");
    }

    async fn a_failed_attempt_is_retried_after_a_growing_wait_then_given_up(test: TestDb) {
        let clock = Clock::settable(WEDNESDAY_18_WITA);
        jobs::enqueue(&test.db, &probe("flaky"), clock.now()).await.expect("enqueue");
        let runner = Runner::new(test.db.clone(), clock.clone(), "w1");
        let recorder = Recorder::failing("flaky", 99);

        assert_eq!(runner.run_due(&recorder).await.expect("run").failed, 1);
        let (state, attempts, cause) = state_of(&test.db, "flaky").await;
        assert_eq!((state.as_str(), attempts), ("queued", 1));
        assert_eq!(cause.as_deref(), Some("flaky failed on purpose"));

        clock.advance(29);
        assert_eq!(runner.run_due(&recorder).await.expect("run").failed, 0, "backing off for 30 s");
        clock.advance(1);
        assert_eq!(runner.run_due(&recorder).await.expect("run").failed, 1, "second attempt");
        clock.advance(59);
        assert_eq!(runner.run_due(&recorder).await.expect("run").failed, 0, "then for 60 s");
        for _ in 0..10 {
            clock.advance(6 * 60 * 60);
            runner.run_due(&recorder).await.expect("run");
        }

        let max = i32::try_from(recorder.runs().len()).expect("few");
        assert_eq!(max, probe("flaky").max_attempts(), "every attempt it has, no more");
        assert_eq!(state_of(&test.db, "flaky").await.0, "failed");
    }

    async fn a_job_whose_worker_died_is_taken_again_when_the_lease_ends(test: TestDb) {
        let clock = Clock::settable(WEDNESDAY_18_WITA);
        jobs::enqueue(&test.db, &probe("orphan"), clock.now()).await.expect("enqueue");
        // The first worker takes the job and never finishes it (its process died).
        let taken = jobs::claim(&test.db, "dead", clock.now(), 300).await.expect("claim");
        assert!(taken.is_some());
        let survivor = Runner::new(test.db.clone(), clock.clone(), "alive");
        let recorder = Recorder::default();

        assert_eq!(survivor.run_due(&recorder).await.expect("run").done, 0, "leased to the dead worker");
        clock.advance(300);
        assert_eq!(survivor.run_due(&recorder).await.expect("run").done, 1, "taken over");
        let late = jobs::complete(&test.db, &taken.expect("claimed"), "dead", clock.now()).await.expect("complete");
        assert!(!late, "the dead worker's late finish is refused");
        assert_eq!(state_of(&test.db, "orphan").await, ("done".to_owned(), 2, None));
    }

    async fn a_kind_this_server_does_not_know_is_kept_and_retried_not_dropped(test: TestDb) {
        let clock = Clock::settable(WEDNESDAY_18_WITA);
        with_pool!(&test.db, |pool| sqlx::query(
            "insert into job (kind, payload, run_at, max_attempts, created_at)
             values ('from_the_future', '{\"kind\":\"from_the_future\"}', $1, 3, $1)"
        )
        .bind(clock.now())
        .execute(pool)
        .await
        .map(|_| ()))
        .expect("insert");
        let runner = Runner::new(test.db.clone(), clock.clone(), "w1");

        let pass = runner.run_due(&Recorder::default()).await.expect("run");

        assert_eq!(pass.failed, 1);
        let (state, cause): (String, String) = with_pool!(&test.db, |pool| sqlx::query_as(
            "select state, last_error from job where kind = 'from_the_future'"
        ).fetch_one(pool).await).expect("row");
        assert_eq!(state, "queued");
        assert!(cause.contains("from_the_future"), "{cause}");
    }

    async fn a_recurring_job_runs_once_per_slot_and_catches_up_after_downtime(test: TestDb) {
        let clock = Clock::settable(WEDNESDAY_18_WITA + 60);
        let schedules = vec![
            Recurring { name: "hourly", every: Every::hour_at(0), catch_up: CatchUp::Once, job: probe("hourly") },
            Recurring {
                name: "cut-off",
                every: Every::week_at(time::Weekday::Wednesday, 18, 0),
                catch_up: CatchUp::EachSlot,
                job: probe("cut-off"),
            },
        ];
        let runner = Runner::new(test.db.clone(), clock.clone(), "w1").with_recurring(schedules.clone());
        let recorder = Recorder::default();

        runner.run_due(&recorder).await.expect("first start");
        runner.run_due(&recorder).await.expect("same minute");
        let mut first_runs = recorder.runs();
        first_runs.sort();
        assert_eq!(first_runs, ["cut-off", "hourly"], "each once at first start");

        // The server is down for three weeks and a day.
        clock.advance(22 * 24 * 60 * 60);
        let restarted = Runner::new(test.db.clone(), clock.clone(), "w2").with_recurring(schedules);
        restarted.run_due(&recorder).await.expect("after restart");

        let runs = recorder.runs();
        assert_eq!(runs.iter().filter(|r| *r == "hourly").count(), 2, "one catch-up run for a sweep");
        assert_eq!(runs.iter().filter(|r| *r == "cut-off").count(), 4, "every missed weekly slot: {runs:?}");
    }

    #[multi_thread]
    async fn two_processes_on_one_database_run_each_job_exactly_once(test: TestDb) {
        let clock = Clock::settable(WEDNESDAY_18_WITA);
        let count = 40;
        for n in 0..count {
            jobs::enqueue(&test.db, &probe(&format!("job-{n}")), clock.now()).await.expect("enqueue");
        }
        let other_db = second_process(&test).await;
        let shared = Arc::new(Recorder { pause: std::time::Duration::from_millis(5), ..Recorder::default() });

        let mut workers = Vec::new();
        for (name, db) in [("process-a", test.db.clone()), ("process-b", other_db.clone()), ("process-a2", test.db.clone()), ("process-b2", other_db)] {
            let runner = Runner::new(db, clock.clone(), name);
            let recorder = shared.clone();
            workers.push(tokio::spawn(async move { runner.run_due(recorder.as_ref()).await.expect("run").done }));
        }
        let mut done_by_worker = Vec::new();
        for worker in workers {
            done_by_worker.push(worker.await.expect("worker"));
        }

        let mut runs = shared.runs();
        runs.sort();
        let mut expected: Vec<String> = (0..count).map(|n| format!("job-{n}")).collect();
        expected.sort();
        assert_eq!(runs, expected, "every job ran, none twice");
        assert_eq!(done_by_worker.iter().sum::<usize>(), count);
        let done: i64 = with_pool!(&test.db, |pool| sqlx::query_scalar(
            "select count(*) from job where state = 'done' and attempts = 1"
        ).fetch_one(pool).await).expect("count");
        assert_eq!(done, i64::try_from(count).expect("small"), "each taken once");
    }

    #[multi_thread]
    async fn two_processes_starting_at_once_queue_a_recurring_slot_once(test: TestDb) {
        let clock = Clock::settable(WEDNESDAY_18_WITA);
        let schedule = vec![Recurring { name: "sweep", every: Every::hour_at(0), catch_up: CatchUp::Once, job: probe("sweep") }];
        let other_db = second_process(&test).await;
        let a = jobs::queue_due_slots(&test.db, &schedule, clock.now());
        let b = jobs::queue_due_slots(&other_db, &schedule, clock.now());

        let (a, b) = tokio::join!(a, b);

        assert_eq!(a.expect("a") + b.expect("b"), 1, "one of them queued it");
        let queued: i64 = with_pool!(&test.db, |pool| sqlx::query_scalar("select count(*) from job").fetch_one(pool).await).expect("count");
        assert_eq!(queued, 1);
    }

    async fn finished_jobs_are_pruned_after_their_keeping_time(test: TestDb) {
        let clock = Clock::settable(WEDNESDAY_18_WITA);
        jobs::enqueue(&test.db, &probe("old"), clock.now()).await.expect("enqueue");
        Runner::new(test.db.clone(), clock.clone(), "w1").run_due(&Recorder::default()).await.expect("run");
        jobs::enqueue(&test.db, &probe("waiting"), clock.now() + 10_000).await.expect("enqueue");

        assert_eq!(jobs::prune_finished(&test.db, clock.now()).await.expect("prune"), 0, "finished just now");
        assert_eq!(jobs::prune_finished(&test.db, clock.now() + 1).await.expect("prune"), 1);
        assert_eq!(state_of(&test.db, "waiting").await.0, "queued", "queued jobs are never pruned");
    }
}
