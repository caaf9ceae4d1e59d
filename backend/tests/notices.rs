//! The notices outbox on both engines: a notice and its delivery job are written in the
//! transaction of the change they tell about, or not at all; the list, the unread count and
//! "mark read" are per person; erasure removes the officer's words from notices too.

use backend::accounts::AccountId;
use backend::notices::{self, Channel, NoticeId};
use backend::testing::keys;
use backend::vendors::{self, ApplicationId};
use backend::{storage_test, with_pool};
use domain::application::Transition;
use domain::notice::Notice;

async fn account(db: &backend::Database, phone: &str) -> AccountId {
    backend::testing::account_by_phone(db, phone).await
}

/// The delivery jobs queued: (kind, payload).
async fn deliveries(db: &backend::Database) -> Vec<(String, String)> {
    with_pool!(db, |pool| sqlx::query_as(
        "select kind, payload from job where kind = 'deliver_notice' order by job_id"
    )
    .fetch_all(pool)
    .await)
    .expect("read jobs")
}

const SHOPPER: &str = "+6281234560001";

storage_test! {
    async fn a_notice_and_its_delivery_are_written_together_or_not_at_all(test: TestDb) {
        backend::demo::seed_demo(&test.db, &keys()).await.expect("seed");
        let db = &test.db;
        let person = account(db, SHOPPER).await;
        let notice = Notice::ShopChangeRefused { reason: "Nama sudah dipakai".to_owned() };

        let mut tx = db.begin_write().await.expect("begin");
        notices::notify(&mut tx, person, &notice, None, 100).await.expect("notify");
        drop(tx);
        assert!(notices::latest(db, person, 10).await.expect("list").is_empty(), "rolled back: no notice");
        assert!(deliveries(db).await.is_empty(), "rolled back: no mail queued");

        let mut tx = db.begin_write().await.expect("begin");
        let id = notices::notify(&mut tx, person, &notice, None, 100).await.expect("notify");
        tx.commit().await.expect("commit");
        let listed = notices::latest(db, person, 10).await.expect("list");
        assert_eq!(listed.len(), 1);
        assert_eq!((listed[0].id, &listed[0].notice, listed[0].read), (id, &notice, false));
        let queued = deliveries(db).await;
        assert_eq!(queued.len(), 1, "one delivery per notice and channel");
        let job: backend::jobs::Job = serde_json::from_str(&queued[0].1).expect("a job");
        assert_eq!(job, backend::jobs::Job::DeliverNotice { notice_id: id.0, channel: Channel::Email });
        assert!(!queued[0].1.contains("Nama sudah dipakai"), "the queue holds ids, never the words");
    }

    async fn unread_counts_and_marking_read_are_per_person(test: TestDb) {
        backend::demo::seed_demo(&test.db, &keys()).await.expect("seed");
        let db = &test.db;
        let (one, other) = (account(db, SHOPPER).await, account(db, "+6285239100001").await);
        let mut tx = db.begin_write().await.expect("begin");
        for at in [10, 20] {
            notices::notify(&mut tx, one, &Notice::ShopChangeAccepted, None, at).await.expect("notify");
        }
        notices::notify(&mut tx, other, &Notice::ApplicationApproved, None, 30).await.expect("notify");
        tx.commit().await.expect("commit");
        assert_eq!(notices::unread_count(db, one).await.expect("count"), 2);
        let before_other = notices::unread_count(db, other).await.expect("count");

        notices::mark_all_read(db, one, 40).await.expect("mark");
        assert_eq!(notices::unread_count(db, one).await.expect("count"), 0);
        assert_eq!(notices::unread_count(db, other).await.expect("count"), before_other, "another's untouched");
        let listed = notices::latest(db, one, 10).await.expect("list");
        assert_eq!(listed.iter().map(|n| n.at).collect::<Vec<_>>(), [20, 10], "newest first");
        assert!(listed.iter().all(|n| n.read));
        assert_eq!(notices::latest(db, one, 1).await.expect("list").len(), 1, "the limit holds");
    }

    async fn the_mail_of_a_notice_is_known_until_sent_and_then_marked(test: TestDb) {
        backend::demo::seed_demo(&test.db, &keys()).await.expect("seed");
        let db = &test.db;
        let person = account(db, SHOPPER).await;
        backend::accounts::set_locale(db, person, domain::Locale::En).await.expect("locale");
        let mut tx = db.begin_write().await.expect("begin");
        let id = notices::notify(&mut tx, person, &Notice::ApplicationApproved, None, 5).await.expect("notify");
        tx.commit().await.expect("commit");

        let delivery = notices::mail_delivery(db, id).await.expect("read").expect("exists");
        assert_eq!(delivery.locale, domain::Locale::En, "in the language the person chose");
        assert_eq!(delivery.notice, Notice::ApplicationApproved);
        assert!(!delivery.already_sent);
        notices::mark_emailed(db, id, 6).await.expect("mark");
        assert!(notices::mail_delivery(db, id).await.expect("read").expect("exists").already_sent);
        assert_eq!(notices::mail_delivery(db, NoticeId(id.0 + 1000)).await.expect("read"), None);
    }

    async fn erasure_removes_the_officers_words_from_the_notices(test: TestDb) {
        backend::demo::seed_demo(&test.db, &keys()).await.expect("seed");
        let db = &test.db;
        let applicant = account(db, "+6285239100013").await;
        let admin = account(db, "+6281138000002").await;
        let id: i64 = with_pool!(db, |pool| sqlx::query_scalar(
            "select application_id from vendor_application where account_id = $1"
        ).bind(applicant.0).fetch_one(pool).await).expect("application");
        let reason = "Ibu Ani tinggal di rumah saudara di Oesapa";
        vendors::decide(db, admin, ApplicationId(id), Transition::Reject, reason, 50).await.expect("reject");
        let listed = notices::latest(db, applicant, 10).await.expect("list");
        assert_eq!(listed[0].notice, Notice::ApplicationRejected { reason: reason.to_owned() });

        assert!(vendors::request_erasure(db, applicant, 60).await.expect("request"));
        vendors::complete_erasure(db, &backend::photos::PhotoStore::in_memory(), admin, ApplicationId(id), 70).await.expect("erase");
        let listed = notices::latest(db, applicant, 10).await.expect("list");
        assert_eq!(listed[0].notice, Notice::ApplicationRejected { reason: String::new() }, "the kind stays, the words go");
    }
}
