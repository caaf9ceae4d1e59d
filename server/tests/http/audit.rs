//! The audit log page and the erasure queue, over HTTP.

use axum::http::StatusCode;
use backend::demo::DEMO_PASSWORD;
use domain::Role;

use crate::support::{demo_login, form, TestApp};

/// The demo vendor who asks for erasure in these tests.
const VENDOR_LOGIN: &str = "0852-3910-0001";

backend::storage_test! {
    async fn a_change_is_logged_with_its_request_id_and_found_by_the_audit_filters(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let boss = app.log_in(demo_login(Role::SuperAdmin), DEMO_PASSWORD).await;
        let boss_id = app.account_id(demo_login(Role::SuperAdmin)).await;
        let shopper_id = app.account_id(demo_login(Role::Shopper)).await;

        let changed = app
            .post_form_with(
                &format!("/admin/pengguna/{shopper_id}/peran"),
                &form(&[("peran", "cashier"), ("alasan", "kasir pasar SABOAK")]),
                &[("cookie", &boss), ("x-request-id", "req-audit-7")],
            )
            .await;
        assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.body);

        let stored: (String, Option<String>) = backend::with_pool!(&app.test_db.db, |pool| sqlx::query_as(
            "select action, request_id from audit_event where subject_kind = 'account' and subject_id = $1"
        ).bind(shopper_id).fetch_one(pool).await).expect("the entry");
        assert_eq!(stored, ("role:cashier".to_owned(), Some("req-audit-7".to_owned())));

        let by_actor = app.get_with_cookie(&format!("/admin/audit?akun={boss_id}"), &boss).await;
        assert_eq!(by_actor.status, StatusCode::OK);
        assert!(by_actor.body.contains("role:cashier"), "{}", by_actor.body);
        assert!(by_actor.body.contains("kasir pasar SABOAK"), "the reason is shown");
        assert!(by_actor.body.contains("req-audit-7"), "the request id is shown");
        assert!(by_actor.body.contains(&format!("href=\"/admin/pengguna/{shopper_id}\"")), "the subject links to its page");

        let other_kind = app.get_with_cookie("/admin/audit?jenis=application", &boss).await;
        assert!(!other_kind.body.contains("role:cashier"), "filtered out by kind");
        let other_action = app.get_with_cookie("/admin/audit?aksi=nik%3A", &boss).await;
        assert!(!other_action.body.contains("role:cashier"), "filtered out by action");
        let long_ago = app.get_with_cookie("/admin/audit?sampai=2020-01-01", &boss).await;
        assert!(!long_ago.body.contains("role:cashier"), "filtered out by date");
        assert!(long_ago.body.contains("Tidak ada catatan"), "{}", long_ago.body);
    }

    async fn the_city_viewer_reads_the_log_but_a_cashier_may_not(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let viewer = app.log_in(demo_login(Role::CityViewer), DEMO_PASSWORD).await;
        let cashier = app.log_in(demo_login(Role::Cashier), DEMO_PASSWORD).await;

        assert_eq!(app.get_with_cookie("/admin/audit", &viewer).await.status, StatusCode::OK);
        let refused = app.get_with_cookie("/admin/audit", &cashier).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        let review = app.get_with_cookie("/admin/pengajuan", &cashier).await;
        assert_eq!(review.status, StatusCode::FORBIDDEN, "a cashier does not reach the review pages");
    }

    async fn an_erasure_request_waits_in_the_queue_with_its_deadline_until_done(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let vendor = app.log_in(VENDOR_LOGIN, DEMO_PASSWORD).await;
        let officer = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;

        let empty = app.get_with_cookie("/admin/penghapusan", &officer).await;
        assert!(empty.body.contains("Tidak ada permintaan penghapusan"), "{}", empty.body);

        let asked = app.post_form_with_cookie("/pengajuan/hapus-data", "", &vendor).await;
        assert_eq!(asked.status, StatusCode::SEE_OTHER, "{}", asked.body);
        let queue = app.get_with_cookie("/admin/penghapusan", &officer).await;
        assert!(queue.body.contains("Tenun Ikat Mama Yuli"), "{}", queue.body);
        assert!(queue.body.contains("Batas"), "the deadline is shown: {}", queue.body);
        assert!(!queue.body.contains("Lewat batas"), "not overdue yet");

        app.clock.advance(3 * 24 * 60 * 60 + 1);
        // Three days on, the staff session (12 hours) has ended: the officer logs in again.
        let stale = app.get_with_cookie("/admin/penghapusan", &officer).await;
        assert_eq!(stale.status, StatusCode::UNAUTHORIZED, "the clock moved the session's end too");
        let officer = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let late = app.get_with_cookie("/admin/penghapusan", &officer).await;
        assert!(late.body.contains("Lewat batas"), "overdue after 3 × 24 hours: {}", late.body);

        let id: i64 = backend::with_pool!(&app.test_db.db, |pool| sqlx::query_scalar(
            "select application_id from vendor_application where account_id = $1"
        ).bind(app.account_id(VENDOR_LOGIN).await).fetch_one(pool).await).expect("application");
        let erased = app.post_form_with_cookie(&format!("/admin/pengajuan/{id}/hapus-data"), "", &officer).await;
        assert_eq!(erased.status, StatusCode::SEE_OTHER, "{}", erased.body);
        let done = app.get_with_cookie("/admin/penghapusan", &officer).await;
        assert!(done.body.contains("Tidak ada permintaan penghapusan"), "{}", done.body);
    }
}
