//! Session cookies over HTTP: their flags, a new id at every login, and ending sessions by
//! logging out, changing the password, or logging out everywhere.

use axum::http::StatusCode;
use backend::demo::DEMO_PASSWORD;
use backend::storage_test;
use domain::Role;

use crate::support::{demo_login, form, TestApp};

/// The id part of a `name=value` cookie.
fn cookie_value(pair: &str) -> &str {
    pair.split_once('=').map_or("", |(_, value)| value)
}

storage_test! {
    async fn the_session_cookie_is_http_only_lax_and_site_wide_without_secure_over_http(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;

        let reply = app
            .post_form("/masuk", &form(&[("login", demo_login(Role::Shopper)), ("password", DEMO_PASSWORD)]))
            .await;

        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        assert_eq!(reply.header("location"), "/akun");
        let cookie = reply.session_cookie().expect("a session cookie");
        let attributes: Vec<&str> = cookie.split(';').map(str::trim).collect();
        assert!(cookie.starts_with("sesi="), "{cookie}");
        assert!(attributes.contains(&"HttpOnly"), "{cookie}");
        assert!(attributes.contains(&"SameSite=Lax"), "{cookie}");
        assert!(attributes.contains(&"Path=/"), "{cookie}");
        assert!(!attributes.contains(&"Secure"), "{cookie}");
        assert!(!cookie.contains("Domain="), "{cookie}");
        assert!(cookie_value(&reply.session_pair().expect("pair")).len() >= 20, "{cookie}");
    }

    async fn over_https_the_session_cookie_is_a_secure_host_cookie(test_db: TestDb) {
        let app = TestApp::with_public_url(test_db, "https://pasar.example.id").await;

        let reply = app
            .post_form("/masuk", &form(&[("login", demo_login(Role::Shopper)), ("password", DEMO_PASSWORD)]))
            .await;

        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        let cookie = reply.session_cookie().expect("a session cookie");
        let attributes: Vec<&str> = cookie.split(';').map(str::trim).collect();
        assert!(cookie.starts_with("__Host-sesi="), "{cookie}");
        assert!(attributes.contains(&"Secure"), "{cookie}");
        assert!(attributes.contains(&"HttpOnly"), "{cookie}");
        assert!(attributes.contains(&"SameSite=Lax"), "{cookie}");
        assert!(attributes.contains(&"Path=/"), "{cookie}");
        assert!(!cookie.contains("Domain="), "{cookie}");
        let pair = reply.session_pair().expect("pair");
        assert_eq!(app.get_with_cookie("/akun", &pair).await.status, 200);
        let plain = format!("sesi={}", cookie_value(&pair));
        assert_eq!(app.get_with_cookie("/akun", &plain).await.status, 401, "only the __Host- name counts");
    }

    async fn logging_in_again_gives_a_new_session_id_and_voids_the_old_one(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let login = demo_login(Role::Shopper);
        let first = app.log_in(login, DEMO_PASSWORD).await;
        assert_eq!(app.get_with_cookie("/akun", &first).await.status, 200);

        let second = app.log_in_with(login, DEMO_PASSWORD, &[("cookie", &first)]).await;

        assert_ne!(cookie_value(&first), cookie_value(&second));
        let old = app.get_with_cookie("/akun", &first).await;
        assert_eq!(old.status, StatusCode::UNAUTHORIZED, "{}", old.body);
        assert!(old.body.contains("Silakan masuk dulu"), "{}", old.body);
        assert_eq!(app.get_with_cookie("/akun", &second).await.status, 200);
    }

    async fn logging_out_ends_the_session_on_the_server(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let cookie = app.log_in(demo_login(Role::Shopper), DEMO_PASSWORD).await;

        let reply = app.post_form_with_cookie("/keluar", "", &cookie).await;

        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        assert_eq!(reply.header("location"), "/masuk?selesai=keluar");
        let removal = reply.session_cookie().expect("the browser is told to drop the cookie");
        assert!(removal.contains("Max-Age=0") || removal.contains("1970"), "{removal}");
        // Replaying the old cookie does not bring the session back.
        assert_eq!(app.get_with_cookie("/akun", &cookie).await.status, StatusCode::UNAUTHORIZED);
    }

    async fn a_wrong_current_password_changes_nothing(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let login = demo_login(Role::Shopper);
        let cookie = app.log_in(login, DEMO_PASSWORD).await;
        let other = app.log_in(login, DEMO_PASSWORD).await;

        let reply = app
            .post_form_with_cookie(
                "/akun/sandi",
                &form(&[("current_password", "bukan-sandinya"), ("new_password", "sasando rote 12")]),
                &cookie,
            )
            .await;

        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        assert!(reply.body.contains("Kata sandi sekarang salah."), "{}", reply.body);
        assert!(!reply.body.contains("bukan-sandinya") && !reply.body.contains("sasando rote 12"));
        assert_eq!(app.get_with_cookie("/akun", &other).await.status, 200, "other sessions live on");
        app.log_in(login, DEMO_PASSWORD).await;
    }

    async fn changing_the_password_ends_the_other_sessions_but_keeps_this_one(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let login = demo_login(Role::Shopper);
        let here = app.log_in(login, DEMO_PASSWORD).await;
        let elsewhere = app.log_in(login, DEMO_PASSWORD).await;
        let other_account = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;

        let reply = app
            .post_form_with_cookie(
                "/akun/sandi",
                &form(&[("current_password", DEMO_PASSWORD), ("new_password", "sasando rote 12")]),
                &here,
            )
            .await;

        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        assert_eq!(reply.header("location"), "/akun?selesai=sandi");
        let renewed = reply.session_pair().expect("the session id is renewed");
        assert_ne!(cookie_value(&renewed), cookie_value(&here));
        let page = app.get_with_cookie("/akun?selesai=sandi", &renewed).await;
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(page.body.contains("Kata sandi sudah diganti"), "{}", page.body);
        assert_eq!(app.get_with_cookie("/akun", &here).await.status, StatusCode::UNAUTHORIZED, "old id");
        assert_eq!(app.get_with_cookie("/akun", &elsewhere).await.status, StatusCode::UNAUTHORIZED);
        assert_eq!(app.get_with_cookie("/akun", &other_account).await.status, 200, "other accounts untouched");
        app.log_in(login, "sasando rote 12").await;
        let old_password = app
            .post_form("/masuk", &form(&[("login", login), ("password", DEMO_PASSWORD)]))
            .await;
        assert_eq!(old_password.status, StatusCode::UNAUTHORIZED);
    }

    async fn logging_out_everywhere_ends_every_session_of_the_account(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let login = demo_login(Role::Shopper);
        let here = app.log_in(login, DEMO_PASSWORD).await;
        let elsewhere = app.log_in(login, DEMO_PASSWORD).await;
        let other_account = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;

        let reply = app.post_form_with_cookie("/akun/keluar-semua", "", &here).await;

        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        assert_eq!(reply.header("location"), "/masuk?selesai=keluar-semua");
        assert_eq!(app.get_with_cookie("/akun", &here).await.status, StatusCode::UNAUTHORIZED);
        assert_eq!(app.get_with_cookie("/akun", &elsewhere).await.status, StatusCode::UNAUTHORIZED);
        assert_eq!(app.get_with_cookie("/akun", &other_account).await.status, 200);
    }

    async fn a_login_older_than_its_absolute_lifetime_ends_however_active(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let shopper = app.log_in(demo_login(Role::Shopper), DEMO_PASSWORD).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let now = backend::Clock::system().now();
        let shopper_id = app.account_id(demo_login(Role::Shopper)).await;
        let admin_id = app.account_id(demo_login(Role::MarketOfficer)).await;
        // A shopper who logged in 13 hours ago is still in; past 30 days they are out. Staff
        // are out after 12 hours.
        backdate_first_session(&app, shopper_id, now - 13 * 3600).await;
        assert_eq!(app.get_with_cookie("/akun", &shopper).await.status, StatusCode::OK);
        backdate_first_session(&app, shopper_id, now - (30 * 24 * 3600 + 60)).await;
        assert_eq!(app.get_with_cookie("/akun", &shopper).await.status, StatusCode::UNAUTHORIZED);
        backdate_first_session(&app, admin_id, now - (12 * 3600 + 60)).await;
        assert_eq!(app.get_with_cookie("/akun", &admin).await.status, StatusCode::UNAUTHORIZED);
    }
}

/// Rewrites the `logged_in_at` of the account's oldest session (the first login).
async fn backdate_first_session(app: &TestApp, account: i64, logged_in_at: i64) {
    let db = &app.test_db.db;
    let (key, data): (String, String) = backend::with_pool!(db, |pool| sqlx::query_as(
        "select session_key, data from session where account_id = $1 order by created_at, session_key limit 1"
    )
    .bind(account)
    .fetch_one(pool)
    .await)
    .expect("session row");
    let mut fields: serde_json::Value = serde_json::from_str(&data).expect("session json");
    fields["logged_in_at"] = serde_json::json!(logged_in_at);
    backend::with_pool!(db, |pool| sqlx::query(
        "update session set data = $1 where session_key = $2"
    )
    .bind(fields.to_string())
    .bind(&key)
    .execute(pool)
    .await
    .map(|_| ()))
    .expect("backdate");
}
