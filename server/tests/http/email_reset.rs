//! Self-service password reset by email, against the fake SMTP server.

use axum::http::StatusCode;

use crate::fake_smtp::{app_with_mail, FakeSmtp};
use crate::support::TestApp;

/// The reset link in a mail: quoted-printable may fold long lines with a trailing `=`.
fn link_in(message: &str) -> String {
    let unfolded = message.replace("=\n", "").replace("=3D", "=");
    let start = unfolded.find("/atur-sandi?kode=").expect("a reset link in the mail");
    unfolded[start..].split_whitespace().next().expect("link").to_owned()
}

backend::storage_test! {
    async fn mailed_link_sets_a_new_password(test_db: TestDb) {
        let smtp = FakeSmtp::start().await;
        let app = app_with_mail(test_db, &smtp).await;

        let page = app.get("/lupa-sandi", &[]).await;
        assert!(page.body.contains("action=\"/lupa-sandi\""), "the form shows when SMTP is set");

        let sent = app.post_form("/lupa-sandi", "email=Pembeli%40Contoh.id").await;
        app.run_jobs().await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER);
        assert_eq!(sent.header("location"), "/lupa-sandi?selesai=email");

        let messages = smtp.messages(1).await;
        assert_eq!(messages.len(), 1, "one mail for the account");
        assert!(messages[0].contains("pembeli@contoh.id"), "sent to the account's address");
        let link = link_in(&messages[0]);

        let reset = app.post_form("/atur-sandi", &format!("kode={}&password=madu-hutan-timor", &link[17..])).await;
        assert_eq!(reset.status, StatusCode::SEE_OTHER, "{}", reset.body);
        let login = app.post_form("/masuk", "login=pembeli%40contoh.id&password=madu-hutan-timor").await;
        assert_eq!(login.status, StatusCode::SEE_OTHER);
    }

    async fn an_unknown_address_gets_the_same_answer_and_no_mail(test_db: TestDb) {
        let smtp = FakeSmtp::start().await;
        let app = app_with_mail(test_db, &smtp).await;

        let sent = app.post_form("/lupa-sandi", "email=tidak-ada%40contoh.id").await;
        assert_eq!(app.run_jobs().await, 0, "nothing queued for an unknown address");

        assert_eq!(sent.status, StatusCode::SEE_OTHER);
        assert_eq!(sent.header("location"), "/lupa-sandi?selesai=email");
        assert!(smtp.messages(1).await.is_empty(), "nothing is sent to an unknown address");
    }

    async fn without_smtp_the_page_sends_people_to_the_office(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;

        let page = app.get("/lupa-sandi", &[]).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(!page.body.contains("action=\"/lupa-sandi\""), "no form without SMTP");
        assert!(page.body.contains("kantor Dinas"));

        let posted = app.post_form("/lupa-sandi", "email=pembeli%40contoh.id").await;
        assert_eq!(posted.status, StatusCode::NOT_FOUND);
        assert!(posted.body.contains("belum tersedia"), "{}", posted.body);
    }

    async fn a_phone_number_is_not_an_email_address(test_db: TestDb) {
        let smtp = FakeSmtp::start().await;
        let app = app_with_mail(test_db, &smtp).await;

        let posted = app.post_form("/lupa-sandi", "email=0812-3456-0001").await;

        assert_eq!(posted.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(posted.body.contains("Alamat email ini tidak lengkap"));
    }

    async fn repeated_requests_are_throttled(test_db: TestDb) {
        let smtp = FakeSmtp::start().await;
        let app = app_with_mail(test_db, &smtp).await;

        for _ in 0..5 {
            let sent = app.post_form("/lupa-sandi", "email=pembeli%40contoh.id").await;
            assert_eq!(sent.status, StatusCode::SEE_OTHER);
        }
        let refused = app.post_form("/lupa-sandi", "email=pembeli%40contoh.id").await;

        assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(refused.body.contains("Coba lagi dalam 15 menit"), "{}", refused.body);
    }
}
