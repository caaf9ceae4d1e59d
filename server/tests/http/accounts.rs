//! Registering and logging in over HTTP: refusals re-render the form with translated field
//! messages (never echoing the password), cross-site posts are refused, and failed logins are
//! throttled.

use axum::http::StatusCode;
use backend::demo::DEMO_PASSWORD;
use backend::storage_test;
use domain::Role;

use crate::support::{demo_login, form, Reply, TestApp};

async fn account_count(app: &TestApp) -> i64 {
    backend::with_pool!(&app.test_db.db, |pool| sqlx::query_scalar("select count(*) from account")
        .fetch_one(pool)
        .await)
    .expect("count accounts")
}

/// The page with its per-response nonce (from the CSP header) blanked out.
fn without_nonce(reply: &Reply) -> String {
    let csp = reply.header("content-security-policy");
    let nonce = csp.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next());
    match nonce {
        Some(nonce) if !nonce.is_empty() => reply.body.replace(nonce, "NONCE"),
        _ => panic!("a page without a nonce: {csp}"),
    }
}

storage_test! {
    async fn the_account_page_names_a_vendor_a_vendor_and_points_to_their_shop(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        // Tenun Ikat Mama Yuli: an approved demo vendor, a shopper by role.
        let vendor = app.log_in("0852-3910-0001", DEMO_PASSWORD).await;
        let page = app.get_with_cookie("/akun", &vendor).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("<dd>Pelapak</dd>"), "{}", page.body);
        assert!(page.body.contains("href=\"/lapak\""), "{}", page.body);
        assert!(!page.body.contains("href=\"/pengajuan\""), "{}", page.body);

        let shopper = app.log_in(demo_login(Role::Shopper), DEMO_PASSWORD).await;
        let page = app.get_with_cookie("/akun", &shopper).await;
        assert!(page.body.contains("<dd>Pembeli</dd>"), "{}", page.body);
        assert!(page.body.contains("href=\"/pengajuan\""), "{}", page.body);
        assert!(!page.body.contains("href=\"/lapak\""), "{}", page.body);
    }

    async fn cross_site_posts_to_the_account_forms_are_refused_and_change_nothing(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let cookie = app.log_in(demo_login(Role::Shopper), DEMO_PASSWORD).await;
        let accounts_before = account_count(&app).await;
        let register = form(&[("login", "0812-9999-0001"), ("password", "tenun ikat sumba")]);
        let log_in = form(&[("login", demo_login(Role::Shopper)), ("password", DEMO_PASSWORD)]);
        let change = form(&[("current_password", DEMO_PASSWORD), ("new_password", "sasando rote 12")]);
        let cross_site: [&[(&str, &str)]; 2] =
            [&[("origin", "https://evil.example")], &[("sec-fetch-site", "cross-site")]];

        for headers in cross_site {
            for (path, body) in [("/daftar", &register), ("/masuk", &log_in), ("/akun/sandi", &change)] {
                let mut request = axum::http::Request::post(path)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .header("cookie", &cookie);
                for (name, value) in headers {
                    request = request.header(*name, *value);
                }
                let reply = app.send(request.body(axum::body::Body::from(body.clone())).expect("request")).await;

                assert_eq!(reply.status, StatusCode::FORBIDDEN, "{path} {headers:?}: {}", reply.body);
                assert!(reply.body.contains("Permintaan ditolak"), "{}", reply.body);
                assert!(reply.session_cookie().is_none(), "{path}: no session was touched");
            }
        }

        assert_eq!(account_count(&app).await, accounts_before, "no account was created");
        assert_eq!(app.get_with_cookie("/akun", &cookie).await.status, 200, "still logged in");
        app.log_in(demo_login(Role::Shopper), DEMO_PASSWORD).await; // the password is unchanged
    }

    async fn registering_logs_the_new_account_in(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;

        let reply = app
            .post_form("/daftar", &form(&[("login", "0812 7777 0001"), ("password", "tenun ikat sumba")]))
            .await;

        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        assert_eq!(reply.header("location"), "/akun?selesai=daftar");
        let cookie = reply.session_pair().expect("a session cookie");
        let account = app.get_with_cookie("/akun?selesai=daftar", &cookie).await;
        assert_eq!(account.status, 200, "{}", account.body);
        assert!(account.body.contains("0812-7777-0001"), "{}", account.body);
        assert!(account.body.contains("Akun Anda sudah dibuat"), "{}", account.body);
        app.log_in("+6281277770001", "tenun ikat sumba").await;
    }

    async fn a_number_already_registered_in_another_spelling_is_refused_in_the_visitors_language(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let accounts_before = account_count(&app).await;
        let body = form(&[("login", "+62 812 3456 0001"), ("password", "rahasia-tidak-bocor-77")]);

        let indonesian = app.post_form("/daftar", &body).await;
        let by_browser = app.post_form_with("/daftar", &body, &[("accept-language", "en")]).await;
        let by_cookie = app.post_form_with("/daftar", &body, &[("cookie", "lang=en")]).await;

        assert_eq!(indonesian.status, StatusCode::CONFLICT, "{}", indonesian.body);
        assert!(indonesian.body.contains("Nomor atau email ini sudah terdaftar"), "{}", indonesian.body);
        for english in [&by_browser, &by_cookie] {
            assert_eq!(english.status, StatusCode::CONFLICT);
            assert!(english.body.contains("This number or email is already registered"), "{}", english.body);
        }
        for reply in [&indonesian, &by_browser, &by_cookie] {
            assert!(reply.body.contains(r#"value="+62 812 3456 0001""#), "login refilled: {}", reply.body);
            assert!(!reply.body.contains("rahasia-tidak-bocor-77"), "password echoed: {}", reply.body);
            assert!(reply.session_cookie().is_none());
        }
        assert_eq!(account_count(&app).await, accounts_before, "no second account");
    }

    async fn a_malformed_number_is_a_field_error_that_keeps_what_was_typed(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let accounts_before = account_count(&app).await;

        let reply = app
            .post_form("/daftar", &form(&[("login", "0812-34"), ("password", "rahasia-tidak-bocor-77")]))
            .await;

        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        assert!(reply.body.contains("Jumlah angka nomor HP tidak pas"), "{}", reply.body);
        assert!(reply.body.contains(r#"id="register-login-error""#), "{}", reply.body);
        assert!(reply.body.contains(r#"aria-invalid="true""#), "{}", reply.body);
        assert!(reply.body.contains(r#"value="0812-34""#), "login refilled: {}", reply.body);
        assert!(!reply.body.contains("rahasia-tidak-bocor-77"), "password echoed: {}", reply.body);
        assert_eq!(account_count(&app).await, accounts_before);
    }

    async fn short_and_common_passwords_are_refused_at_registration(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let accounts_before = account_count(&app).await;

        let short = app.post_form("/daftar", &form(&[("login", "0812-7777-0002"), ("password", "sasan7")])).await;
        let common = app.post_form("/daftar", &form(&[("login", "0812-7777-0002"), ("password", "12345678")])).await;

        assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", short.body);
        assert!(short.body.contains("Kata sandi terlalu pendek"), "{}", short.body);
        assert!(short.body.contains(r#"id="register-password-error""#), "{}", short.body);
        assert!(!short.body.contains("sasan7"), "password echoed: {}", short.body);
        assert_eq!(common.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", common.body);
        assert!(common.body.contains("Kata sandi ini terlalu umum"), "{}", common.body);
        assert!(common.body.contains(r#"value="0812-7777-0002""#), "login refilled: {}", common.body);
        assert_eq!(account_count(&app).await, accounts_before);
    }

    async fn an_over_long_login_is_refused_before_anything_else(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let long = "a".repeat(300);

        let register = app.post_form("/daftar", &form(&[("login", &long), ("password", "tenun ikat sumba")])).await;
        let log_in = app.post_form("/masuk", &form(&[("login", &long), ("password", "tenun ikat sumba")])).await;

        for reply in [&register, &log_in] {
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
            assert!(reply.body.contains("Isian ini terlalu panjang untuk nomor HP atau email"), "{}", reply.body);
        }
    }

    async fn a_wrong_password_and_an_unknown_account_get_the_same_answer(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;

        let wrong = app
            .post_form("/masuk", &form(&[("login", demo_login(Role::Shopper)), ("password", "bukan-sandinya")]))
            .await;
        let unknown = app
            .post_form("/masuk", &form(&[("login", "0812-5555-0009"), ("password", "bukan-sandinya")]))
            .await;

        assert_eq!(wrong.status, StatusCode::UNAUTHORIZED, "{}", wrong.body);
        assert_eq!(unknown.status, StatusCode::UNAUTHORIZED, "{}", unknown.body);
        assert!(wrong.body.contains("Nomor HP/email atau kata sandi salah."), "{}", wrong.body);
        // Apart from the login typed (refilled) and the per-response nonce, the pages are equal.
        assert_eq!(
            without_nonce(&wrong).replace(demo_login(Role::Shopper), "LOGIN"),
            without_nonce(&unknown).replace("0812-5555-0009", "LOGIN")
        );
        assert!(!wrong.body.contains("bukan-sandinya"), "password echoed");
        assert!(wrong.session_cookie().is_none() && unknown.session_cookie().is_none());
    }

    async fn the_sixth_attempt_after_five_failures_is_throttled_even_with_the_right_password(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let login = demo_login(Role::Shopper);

        for attempt in 1..=5 {
            let reply = app.post_form("/masuk", &form(&[("login", login), ("password", "bukan-sandinya")])).await;
            assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "attempt {attempt}: {}", reply.body);
        }
        // Another spelling of the same number counts against the same login.
        let right = app.post_form("/masuk", &form(&[("login", "+62 812 3456 0001"), ("password", DEMO_PASSWORD)])).await;
        let english = app
            .post_form_with("/masuk", &form(&[("login", login), ("password", DEMO_PASSWORD)]), &[("cookie", "lang=en")])
            .await;

        assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS, "{}", right.body);
        assert!(right.body.contains("Terlalu banyak percobaan masuk. Coba lagi dalam 15 menit."), "{}", right.body);
        assert!(right.session_cookie().is_none(), "no session while throttled");
        assert_eq!(english.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(english.body.contains("Try again in 15 minutes."), "{}", english.body);
        // Other accounts are not affected.
        app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
    }
}
