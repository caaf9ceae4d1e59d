//! What the server logs while people log in and reset passwords: never a password, a session
//! cookie or a reset code, even at the most verbose level.
//!
//! The log is captured with a subscriber set for the test's thread only, so parallel tests do
//! not mix in; `#[tokio::test]` runs every task of the test on that thread. (Work done on other
//! threads, such as password hashing, is not captured; it logs no inputs.)

use std::io::Write;
use std::sync::{Arc, Mutex};

use axum::http::StatusCode;
use backend::demo::DEMO_PASSWORD;
use backend::storage_test;
use domain::Role;

use crate::admin_accounts::issued_code;
use crate::support::{demo_login, form, TestApp};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("log buffer")).into_owned()
    }
}

storage_test! {
    async fn logging_in_and_resetting_a_password_log_no_secrets(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let shopper = demo_login(Role::Shopper);
        let shopper_id = app.account_id(shopper).await;
        let new_password = "sasando-rote-rahasia-91";
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        let guard = tracing::subscriber::set_default(subscriber);

        let failed = app.post_form("/masuk", &form(&[("login", shopper), ("password", "salah-sekali-sandi-5")])).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let issued = app.post_form_with_cookie(&format!("/admin/pengguna/{shopper_id}/tautan-sandi"), "", &admin).await;
        let code = issued_code(&issued.body).expect("a reset link");
        let page = app.get(&format!("/atur-sandi?kode={code}"), &[]).await;
        let reset = app.post_form("/atur-sandi", &form(&[("kode", &code), ("password", new_password)])).await;
        let shopper_session = app.log_in(shopper, new_password).await;
        let account = app.get_with_cookie("/akun", &shopper_session).await;
        drop(guard);

        assert_eq!(failed.status, StatusCode::UNAUTHORIZED);
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(reset.status, StatusCode::SEE_OTHER);
        assert_eq!(account.status, StatusCode::OK);
        let log = captured.text();
        assert!(log.contains("logged in"), "the capture works: {log}");
        assert!(log.contains("/atur-sandi"), "requests are logged by path: {log}");
        let secrets = [
            ("the demo password", DEMO_PASSWORD.to_owned()),
            ("a wrong password", "salah-sekali-sandi-5".to_owned()),
            ("the new password", new_password.to_owned()),
            ("the reset code", code.clone()),
            ("the admin's session id", admin.split_once('=').expect("cookie").1.to_owned()),
            ("the shopper's session id", shopper_session.split_once('=').expect("cookie").1.to_owned()),
            ("the phone number typed", shopper.to_owned()),
            ("the phone number stored", "+6281234560001".to_owned()),
        ];
        for (what, secret) in secrets {
            assert!(!log.contains(&secret), "{what} is in the log:\n{log}");
        }
    }
}
