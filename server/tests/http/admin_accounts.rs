//! Staff managing accounts over HTTP: one-time password reset links, and roles, each only
//! from strictly above.

use axum::http::StatusCode;
use backend::demo::DEMO_PASSWORD;
use backend::storage_test;
use domain::Role;

use crate::support::{demo_login, form, TestApp};

/// When audited changes in these tests happen (Unix seconds; 2026-12-01 00:00 UTC).
const T0: i64 = 1_796_083_200;

/// The code of the reset link shown on a page (`/atur-sandi?kode=…`).
pub fn issued_code(body: &str) -> Option<String> {
    let (_, rest) = body.split_once("/atur-sandi?kode=")?;
    let code: String =
        rest.chars().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_')).collect();
    (!code.is_empty()).then_some(code)
}

async fn role_of(app: &TestApp, id: i64) -> Role {
    backend::accounts::find_account(&app.test_db.db, backend::accounts::AccountId(id))
        .await
        .expect("read account")
        .expect("account exists")
        .role
}

storage_test! {
    async fn a_reset_link_works_once_and_sets_the_new_password(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let shopper = demo_login(Role::Shopper);
        let shopper_id = app.account_id(shopper).await;
        let shopper_session = app.log_in(shopper, DEMO_PASSWORD).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;

        let issued = app.post_form_with_cookie(&format!("/admin/pengguna/{shopper_id}/tautan-sandi"), "", &admin).await;

        assert_eq!(issued.status, StatusCode::OK, "{}", issued.body);
        assert!(issued.body.contains("Tautan dibuat."), "{}", issued.body);
        assert!(issued.body.contains("http://127.0.0.1:3000/atur-sandi?kode="), "{}", issued.body);
        let code = issued_code(&issued.body).expect("the link is on the page");
        assert!(code.len() >= 40, "256 random bits: {code}");

        let page = app.get(&format!("/atur-sandi?kode={code}"), &[]).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains(r#"name="kode""#), "{}", page.body);

        let reset = app.post_form("/atur-sandi", &form(&[("kode", &code), ("password", "sasando rote 12")])).await;
        assert_eq!(reset.status, StatusCode::SEE_OTHER, "{}", reset.body);
        assert_eq!(reset.header("location"), "/masuk?selesai=sandi-baru");

        let again = app.post_form("/atur-sandi", &form(&[("kode", &code), ("password", "sasando rote 34")])).await;
        assert_eq!(again.status, StatusCode::GONE, "{}", again.body);
        assert!(again.body.contains("Tautan ini sudah tidak berlaku"), "{}", again.body);
        assert!(!again.body.contains("sasando rote 34"), "password echoed");
        let again_en = app
            .post_form_with("/atur-sandi", &form(&[("kode", &code), ("password", "sasando rote 34")]), &[("accept-language", "en")])
            .await;
        assert_eq!(again_en.status, StatusCode::GONE);
        assert!(again_en.body.contains("This link no longer works"), "{}", again_en.body);
        let dead_page = app.get(&format!("/atur-sandi?kode={code}"), &[]).await;
        assert_eq!(dead_page.status, StatusCode::GONE, "{}", dead_page.body);

        assert_eq!(app.get_with_cookie("/akun", &shopper_session).await.status, 401, "sessions ended");
        app.log_in(shopper, "sasando rote 12").await;
        let old = app.post_form("/masuk", &form(&[("login", shopper), ("password", DEMO_PASSWORD)])).await;
        assert_eq!(old.status, StatusCode::UNAUTHORIZED);
    }

    async fn an_admin_cannot_issue_a_link_for_staff_or_themselves(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let admin_id = app.account_id(demo_login(Role::MarketOfficer)).await;
        let super_admin_id = app.account_id(demo_login(Role::SuperAdmin)).await;
        let colleague_id = app.account_id("0813-3900-0001").await;
        backend::accounts::set_role(&app.test_db.db, None, backend::accounts::AccountId(colleague_id), Role::MarketOfficer, "test", T0)
            .await
            .expect("promote");
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;

        for target in [colleague_id, super_admin_id, admin_id] {
            let reply = app.post_form_with_cookie(&format!("/admin/pengguna/{target}/tautan-sandi"), "", &admin).await;
            assert_eq!(reply.status, StatusCode::FORBIDDEN, "account {target}: {}", reply.body);
            assert!(reply.body.contains("Anda tidak dapat mengubah akun ini"), "{}", reply.body);
            assert!(issued_code(&reply.body).is_none(), "no link for account {target}: {}", reply.body);
            let revoke = app.post_form_with_cookie(&format!("/admin/pengguna/{target}/cabut-tautan"), "", &admin).await;
            assert_eq!(revoke.status, StatusCode::FORBIDDEN, "account {target}: {}", revoke.body);
        }
        let pending = backend::accounts::pending_reset(
            &app.test_db.db,
            backend::accounts::AccountId(super_admin_id),
            backend::Clock::system().now(),
        )
        .await
        .expect("read pending");
        assert!(pending.is_none());
    }

    async fn only_the_super_admin_changes_roles_and_it_is_audited(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let shopper_id = app.account_id(demo_login(Role::Shopper)).await;
        let super_admin_id = app.account_id(demo_login(Role::SuperAdmin)).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let super_admin = app.log_in(demo_login(Role::SuperAdmin), DEMO_PASSWORD).await;
        let path = format!("/admin/pengguna/{shopper_id}/peran");
        let promote = form(&[("peran", "admin"), ("alasan", "petugas pasar baru")]);

        let by_admin = app.post_form_with_cookie(&path, &promote, &admin).await;
        assert_eq!(by_admin.status, StatusCode::FORBIDDEN, "{}", by_admin.body);
        assert!(by_admin.body.contains("Tidak diizinkan"), "{}", by_admin.body);
        assert_eq!(role_of(&app, shopper_id).await, Role::Shopper);

        let to_super = app.post_form_with_cookie(&path, &form(&[("peran", "super_admin")]), &super_admin).await;
        assert_eq!(to_super.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", to_super.body);
        assert_eq!(role_of(&app, shopper_id).await, Role::Shopper);

        let by_super_admin = app.post_form_with_cookie(&path, &promote, &super_admin).await;
        assert_eq!(by_super_admin.status, StatusCode::SEE_OTHER, "{}", by_super_admin.body);
        assert_eq!(by_super_admin.header("location"), format!("/admin/pengguna/{shopper_id}"));
        assert_eq!(role_of(&app, shopper_id).await, Role::MarketOfficer);
        let audit: Vec<(Option<i64>, String, Option<i64>, String)> = backend::with_pool!(&app.test_db.db, |pool| sqlx::query_as(
            "select actor_account_id, action, subject_id, reason from audit_event where subject_kind = 'account' and subject_id = $1"
        )
        .bind(shopper_id)
        .fetch_all(pool)
        .await)
        .expect("read audit log");
        assert_eq!(
            audit,
            vec![(Some(super_admin_id), "role:admin".to_owned(), Some(shopper_id), "petugas pasar baru".to_owned())]
        );

        // The new admin's very next request sees the admin pages.
        let promoted = app.log_in(demo_login(Role::Shopper), DEMO_PASSWORD).await;
        assert_eq!(app.get_with_cookie("/admin/pengguna", &promoted).await.status, 200);
    }
}
