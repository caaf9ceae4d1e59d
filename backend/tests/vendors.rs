//! Decisions on vendor applications, on both engines: the state machine is enforced by the
//! database update itself, so two admins deciding the same application at the same moment
//! cannot both win, and a step that does not follow from the status is refused.

use backend::accounts::AccountId;
use backend::testing::{self, keys, TestDb};
use backend::vendors::{self, ApplicationId, DecideError};
use backend::{storage_test, with_pool};
use domain::application::{ApplicationStatus, Transition};

/// The demo applications waiting for review, by business name.
const WAITING: [&str; 3] =
    ["Ikan Asap Oesapa Ibu Ani", "Gula Lempeng Om Markus", "Keripik Pisang Nona Eka"];

async fn seeded(test: &TestDb) {
    backend::demo::seed_demo(&test.db, &keys()).await.expect("seed");
}

async fn application(db: &backend::Database, business: &str) -> ApplicationId {
    let id: i64 = with_pool!(db, |pool| sqlx::query_scalar(
        "select application_id from vendor_application where business_name = $1"
    )
    .bind(business)
    .fetch_one(pool)
    .await)
    .unwrap_or_else(|error| panic!("no application {business}: {error}"));
    ApplicationId(id)
}

async fn account(db: &backend::Database, phone: &str) -> AccountId {
    backend::testing::account_by_phone(db, phone).await
}

async fn status(db: &backend::Database, id: ApplicationId) -> ApplicationStatus {
    vendors::find_by_id(db, id).await.expect("read").expect("exists").status
}

/// How many history steps, notices and audit entries a decision left: (events, notices, audits).
async fn traces(db: &backend::Database, id: ApplicationId) -> (i64, i64, i64) {
    with_pool!(db, |pool| sqlx::query_as(
        "select
            (select count(*) from application_event where application_id = $1
                and transition not in ('submit', 'resubmit')),
            (select count(*) from notification where application_id = $1),
            (select count(*) from audit_event where action like 'application:%'
                and subject_kind = 'application' and subject_id = $1)"
    )
    .bind(id.0)
    .fetch_one(pool)
    .await)
    .expect("count traces")
}

/// Two admins' decisions, taken at the same moment: exactly one wins; the other is told
/// what the winner decided; one decision leaves its traces once.
async fn race(
    db: &backend::Database,
    id: ApplicationId,
    (first, first_message): (Transition, &str),
    (second, second_message): (Transition, &str),
) {
    let admin = account(db, "+6281138000002").await;
    let super_admin = account(db, "+6281138000001").await;
    let now = backend::Clock::system().now();
    let (a, b) = tokio::join!(
        vendors::decide(db, admin, id, first, first_message, now),
        vendors::decide(db, super_admin, id, second, second_message, now),
    );
    let outcome = format!("{first:?} → {a:?}, {second:?} → {b:?}");
    let winner = match (&a, &b) {
        (Ok(won), Err(DecideError::AlreadyDecided(seen)))
        | (Err(DecideError::AlreadyDecided(seen)), Ok(won)) => {
            assert_eq!(seen, won, "the loser is told what the winner decided: {outcome}");
            *won
        }
        _ => panic!("exactly one decision must win: {outcome}"),
    };
    assert_eq!(status(db, id).await, winner, "{outcome}");
    assert_eq!(traces(db, id).await, (1, 1, 1), "one decision recorded: {outcome}");
}

storage_test! {
    async fn two_admins_deciding_the_same_application_at_once_one_wins_the_other_is_told(test: TestDb) {
        seeded(&test).await;

        race(&test.db, application(&test.db, WAITING[0]).await, (Transition::Approve, ""), (Transition::Reject, "Data tidak sesuai.")).await;
        race(&test.db, application(&test.db, WAITING[1]).await, (Transition::Approve, ""), (Transition::Approve, "")).await;
        race(&test.db, application(&test.db, WAITING[2]).await, (Transition::RequestChanges, "Lengkapi alamat."), (Transition::Reject, "Bukan purna PMI.")).await;
    }

    async fn a_step_that_does_not_follow_from_the_status_is_refused_and_changes_nothing(test: TestDb) {
        seeded(&test).await;
        let db = &test.db;
        let admin = account(db, "+6281138000002").await;
        let now = backend::Clock::system().now();
        let returnee = account(db, "+6281339000001").await;
        let draft = vendors::ensure_application(db, returnee, now).await.expect("a draft");

        for step in [Transition::Approve, Transition::Reject, Transition::RequestChanges, Transition::Suspend, Transition::Reinstate] {
            let decided = vendors::decide(db, admin, draft, step, "Alasan", now).await;
            assert!(matches!(decided, Err(DecideError::AlreadyDecided(ApplicationStatus::Draft))), "{step:?} on a draft: {decided:?}");
        }
        assert_eq!(status(db, draft).await, ApplicationStatus::Draft);
        assert_eq!(traces(db, draft).await, (0, 0, 0));

        let waiting = application(db, WAITING[0]).await;
        for step in [Transition::Submit, Transition::Resubmit] {
            let decided = vendors::decide(db, admin, waiting, step, "", now).await;
            assert!(matches!(decided, Err(DecideError::NotADecision)), "{step:?} is the applicant's: {decided:?}");
        }
        for step in [Transition::Reject, Transition::RequestChanges] {
            let decided = vendors::decide(db, admin, waiting, step, "  \n", now).await;
            assert!(matches!(decided, Err(DecideError::ReasonRequired)), "{step:?} without a reason: {decided:?}");
        }
        for step in [Transition::Suspend, Transition::Reinstate] {
            let decided = vendors::decide(db, admin, waiting, step, "Alasan", now).await;
            assert!(matches!(decided, Err(DecideError::AlreadyDecided(ApplicationStatus::Submitted))), "{step:?} on a submission: {decided:?}");
        }
        assert_eq!(status(db, waiting).await, ApplicationStatus::Submitted);
        assert_eq!(traces(db, waiting).await, (0, 0, 0));

        let vendor = application(db, "Tenun Ikat Mama Yuli").await;
        assert!(matches!(vendors::decide(db, admin, vendor, Transition::Approve, "", now).await, Err(DecideError::AlreadyDecided(ApplicationStatus::Approved))));
        assert!(matches!(vendors::decide(db, admin, vendor, Transition::Reinstate, "Alasan", now).await, Err(DecideError::AlreadyDecided(ApplicationStatus::Approved))));
        assert!(matches!(vendors::decide(db, admin, vendor, Transition::Suspend, " ", now).await, Err(DecideError::ReasonRequired)));
        assert_eq!(vendors::decide(db, admin, vendor, Transition::Suspend, "Laporan pembeli", now).await.expect("suspend"), ApplicationStatus::Suspended);
        assert!(vendors::public_profile(db, "demo-1").await.expect("read").is_none(), "a suspended vendor is not public");
        assert_eq!(vendors::decide(db, admin, vendor, Transition::Reinstate, "Sudah diperiksa", now).await.expect("reinstate"), ApplicationStatus::Approved);
        assert!(vendors::public_profile(db, "demo-1").await.expect("read").is_some());

        let rejected = application(db, "Pulsa dan Aksesori HP Kak Beni").await;
        for step in [Transition::Approve, Transition::RequestChanges, Transition::Reject, Transition::Suspend] {
            let decided = vendors::decide(db, admin, rejected, step, "Alasan", now).await;
            assert!(matches!(decided, Err(DecideError::AlreadyDecided(ApplicationStatus::Rejected))), "{step:?} after a rejection: {decided:?}");
        }
        assert!(matches!(vendors::decide(db, admin, ApplicationId(987_654), Transition::Approve, "", now).await, Err(DecideError::NotFound)));
    }
}

/// The same race with the two decisions on two threads at once (the tests above interleave
/// them on one thread), many times over, so the database really sees them together.
mod on_two_threads {
    use super::*;

    async fn spec(test: TestDb) {
        seeded(&test).await;
        let db = test.db.clone();
        let admin = account(&db, "+6281138000002").await;
        let super_admin = account(&db, "+6281138000001").await;
        let mut wins = [0u32; 2];
        for round in 0..20 {
            // Each round: a fresh submission by a new account, decided by both admins at once.
            let phone = format!("+628523999{round:04}");
            let applicant: i64 = with_pool!(&db, |pool| {
                sqlx::query_scalar(
                "insert into account (phone, password_hash) values ($1, 'x') returning account_id"
            )
            .bind(&phone)
            .fetch_one(pool)
            .await
            })
            .expect("an account");
            let id =
                vendors::ensure_application(&db, AccountId(applicant), 1).await.expect("draft");
            with_pool!(&db, |pool| sqlx::query(
                "update vendor_application set status = 'submitted', submitted_at = 1 where application_id = $1"
            )
            .bind(id.0)
            .execute(pool)
            .await
            .map(|_| ()))
            .expect("submitted");
            let now = backend::Clock::system().now();
            let (first, second) = (db.clone(), db.clone());
            let a = tokio::spawn(async move {
                vendors::decide(&first, admin, id, Transition::Approve, "", now).await
            });
            let b = tokio::spawn(async move {
                vendors::decide(
                    &second,
                    super_admin,
                    id,
                    Transition::Reject,
                    "Tidak memenuhi syarat.",
                    now,
                )
                .await
            });
            let (a, b) = (a.await.expect("task"), b.await.expect("task"));
            match (&a, &b) {
                (
                    Ok(ApplicationStatus::Approved),
                    Err(DecideError::AlreadyDecided(ApplicationStatus::Approved)),
                ) => wins[0] += 1,
                (
                    Err(DecideError::AlreadyDecided(ApplicationStatus::Rejected)),
                    Ok(ApplicationStatus::Rejected),
                ) => wins[1] += 1,
                _ => panic!("round {round}: exactly one must win: {a:?} / {b:?}"),
            }
            assert_eq!(traces(&db, id).await, (1, 1, 1), "round {round}: one decision recorded");
        }
        assert_eq!(wins[0] + wins[1], 20);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        spec(testing::sqlite().await).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        if let Some(test) = testing::postgres().await {
            spec(test).await;
        }
    }
}
