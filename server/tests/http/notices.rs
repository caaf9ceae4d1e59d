//! Notices over HTTP: a decision reaches the applicant on `/notifikasi`, as the header's
//! badge and, when SMTP is set, by mail in the language they chose, exactly once; marking
//! them read clears the badge; without SMTP the outbox has nothing to do and fails nothing.

use axum::http::StatusCode;
use backend::demo::DEMO_PASSWORD;
use backend::storage_test;
use domain::Role;

use crate::applications::{assert_redirect, decide, notices_of};
use crate::fake_smtp::{app_with_mail, FakeSmtp};
use crate::support::{demo_login, form, TestApp};

/// A demo applicant waiting for review (phone login; the tests give her an address).
const WAITING_APPLICANT: &str = "0852-3910-0013";
const WAITING_BUSINESS: &str = "Ikan Asap Oesapa Ibu Ani";
const REASON: &str = "Foto bukti kepulangan tidak terbaca, kirim ulang ke kantor Dinas.";

async fn waiting_application(app: &TestApp) -> i64 {
    backend::with_pool!(&app.test_db.db, |pool| sqlx::query_scalar(
        "select application_id from vendor_application where business_name = $1"
    )
    .bind(WAITING_BUSINESS)
    .fetch_one(pool)
    .await)
    .expect("the waiting demo application")
}

async fn give_address(app: &TestApp, login: &str, email: &str) {
    let account = app.account_id(login).await;
    backend::with_pool!(&app.test_db.db, |pool| sqlx::query(
        "update account set email = $1 where account_id = $2"
    )
    .bind(email)
    .bind(account)
    .execute(pool)
    .await
    .map(|_| ()))
    .expect("set an address");
}

/// Mail bodies may be quoted-printable: long lines folded with a trailing `=`.
fn unfold(message: &str) -> String {
    message.replace("=\n", "").replace("=3D", "=")
}

fn badge(body: &str) -> Option<String> {
    let start = body.find("class=\"bell-count\">")? + "class=\"bell-count\">".len();
    Some(body[start..start + body[start..].find('<')?].to_owned())
}

storage_test! {
    async fn a_decision_reaches_the_applicant_on_the_site_in_the_header_and_by_mail(test_db: TestDb) {
        let smtp = FakeSmtp::start().await;
        let app = app_with_mail(test_db, &smtp).await;
        give_address(&app, WAITING_APPLICANT, "ani@contoh.id").await;
        let applicant = app.log_in(WAITING_APPLICANT, DEMO_PASSWORD).await;
        // She reads the site in English: her mail comes in English.
        let switched = app.post_form_with_cookie("/bahasa", &form(&[("lang", "en"), ("next", "/")]), &applicant).await;
        assert_eq!(switched.status, StatusCode::SEE_OTHER);
        let home = app.get_with_cookie("/", &applicant).await;
        assert!(home.body.contains("href=\"/notifikasi\""), "the bell is in the header");
        assert_eq!(badge(&home.body), None, "no count without unread notices");

        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let id = waiting_application(&app).await;
        assert_redirect(&decide(&app, &admin, id, "reject", REASON).await, &format!("/admin/pengajuan/{id}"));
        app.run_jobs().await;

        let messages = smtp.messages(1).await;
        assert_eq!(messages.len(), 1, "one mail for one notice");
        let mail = unfold(&messages[0]);
        assert!(mail.contains("ani@contoh.id"), "to her address");
        assert!(mail.contains("Subject: Application rejected"), "in English: {mail}");
        assert!(mail.contains(REASON), "with the officer's reason: {mail}");
        assert!(mail.contains(&format!("{}/pengajuan", app.origin)), "with where to act: {mail}");
        assert!(!mail.contains("5371"), "no NIK in mail");

        let home = app.get_with_cookie("/", &applicant).await;
        assert_eq!(badge(&home.body).as_deref(), Some("1"), "one unread notice");
        assert!(home.body.contains("1 pemberitahuan belum dibaca"), "the badge is labelled for screen readers");
        let notices = app.get_with_cookie("/notifikasi", &applicant).await;
        assert_eq!(notices.status, StatusCode::OK);
        assert!(notices.body.contains("Pengajuan ditolak") && notices.body.contains(REASON), "{}", notices.body);
        assert!(notices.body.contains("href=\"/pengajuan\""), "a link to act on it");

        let read = app.post_form_with_cookie("/notifikasi/dibaca", "", &applicant).await;
        assert_redirect(&read, "/notifikasi");
        let home = app.get_with_cookie("/", &applicant).await;
        assert_eq!(badge(&home.body), None, "read: the count is gone");
        let notices = app.get_with_cookie("/notifikasi", &applicant).await;
        assert!(notices.body.contains(REASON), "read notices stay listed");
        assert!(!notices.body.contains("action=\"/notifikasi/dibaca\""), "nothing left to mark");
    }

    async fn a_notice_is_mailed_once_however_often_its_delivery_runs(test_db: TestDb) {
        let smtp = FakeSmtp::start().await;
        let app = app_with_mail(test_db, &smtp).await;
        give_address(&app, WAITING_APPLICANT, "ani@contoh.id").await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let id = waiting_application(&app).await;
        assert_redirect(&decide(&app, &admin, id, "approve", "").await, &format!("/admin/pengajuan/{id}"));
        assert_eq!(app.run_jobs().await, 1, "one delivery");
        assert_eq!(smtp.messages(1).await.len(), 1);

        // A delivery taken again (its lease ran out after the mail went) sends nothing more.
        let notice: i64 = backend::with_pool!(&app.test_db.db, |pool| sqlx::query_scalar(
            "select max(notification_id) from notification"
        ).fetch_one(pool).await).expect("the notice");
        let again = backend::jobs::Job::DeliverNotice { notice_id: notice, channel: backend::notices::Channel::Email };
        backend::jobs::enqueue(&app.test_db.db, &again, app.clock.now()).await.expect("enqueue");
        assert_eq!(app.run_jobs().await, 1, "the repeated delivery succeeds");
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        assert_eq!(smtp.messages(2).await.len(), 1, "and mails nothing");
        let mail = unfold(&smtp.messages(1).await[0]);
        assert!(mail.contains("Subject: Pengajuan disetujui"), "Bahasa Indonesia by default: {mail}");
        assert!(mail.contains(&format!("{}/lapak", app.origin)), "an approval leads to the shop: {mail}");
    }

    async fn without_mail_the_notice_is_on_the_site_and_its_delivery_fails_nothing(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let id = waiting_application(&app).await;
        assert_redirect(&decide(&app, &admin, id, "request_changes", REASON).await, &format!("/admin/pengajuan/{id}"));
        assert_eq!(app.run_jobs().await, 1, "the delivery finishes (run_jobs asserts none failed)");
        assert_eq!(notices_of(&app, WAITING_APPLICANT).await, ["request_changes"]);

        let applicant = app.log_in(WAITING_APPLICANT, DEMO_PASSWORD).await;
        let notices = app.get_with_cookie("/notifikasi", &applicant).await;
        assert!(notices.body.contains("Petugas meminta perbaikan pada pengajuan Anda"), "{}", notices.body);
        assert!(notices.body.contains(REASON));
        let dashboard = app.get_with_cookie("/pengajuan", &applicant).await;
        assert!(dashboard.body.contains("href=\"/notifikasi\""), "the application page leads to all notices");
    }

    async fn a_person_sees_only_their_own_notices(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let id = waiting_application(&app).await;
        assert_redirect(&decide(&app, &admin, id, "reject", REASON).await, &format!("/admin/pengajuan/{id}"));
        let shopper = app.log_in(demo_login(Role::Shopper), DEMO_PASSWORD).await;
        let notices = app.get_with_cookie("/notifikasi", &shopper).await;
        assert_eq!(notices.status, StatusCode::OK);
        assert!(!notices.body.contains(REASON), "another person's notice is not listed");
        assert!(notices.body.contains("Belum ada pemberitahuan."), "{}", notices.body);
        let anonymous = app.get("/notifikasi", &[]).await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    }
}
