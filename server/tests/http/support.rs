//! An in-process app per test: the real router over a fresh database, driven with
//! `tower::ServiceExt::oneshot`, no sockets needed.

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use backend::testing::TestDb;
use http_body_util::BodyExt;
use server::config::Config;

pub struct TestApp {
    pub router: Router,
    pub test_db: TestDb,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl TestApp {
    /// The app over a migrated and seeded database.
    pub async fn seeded(test_db: TestDb) -> TestApp {
        backend::demo::seed_demo(&test_db.db).await.expect("seed");
        let db = test_db.db.clone();
        TestApp::build(test_db, db, &[])
    }

    /// The seeded app as if served at `public_url` (e.g. https, for HSTS and Secure cookies).
    pub async fn with_public_url(test_db: TestDb, public_url: &str) -> TestApp {
        backend::demo::seed_demo(&test_db.db).await.expect("seed");
        let db = test_db.db.clone();
        TestApp::build(test_db, db, &[("PASAR_PUBLIC_URL", public_url)])
    }

    /// The app over `db`, keeping `test_db` alive (and cleaned up) for the test's duration.
    pub fn with_database(test_db: TestDb, db: backend::Database) -> TestApp {
        TestApp::build(test_db, db, &[])
    }

    /// The app serving its static files from `site_root`.
    pub fn new(test_db: TestDb, site_root: &std::path::Path) -> TestApp {
        let db = test_db.db.clone();
        TestApp::build(test_db, db, &[("PASAR_SITE_ROOT", &site_root.to_string_lossy())])
    }

    /// The router over `db`, configured by `vars` as if they were the environment.
    fn build(test_db: TestDb, db: backend::Database, vars: &[(&str, &str)]) -> TestApp {
        let config = Config::from_lookup(|name| {
            vars.iter().find(|(var, _)| *var == name).map(|(_, value)| (*value).to_owned())
        })
        .expect("test configuration");
        let state = server::startup::server_state(&config, db);
        TestApp { router: server::router(state), test_db }
    }

    pub async fn get(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        let mut request = Request::get(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::empty()).expect("request")).await
    }

    pub async fn post_form(&self, path: &str, form: &str) -> Reply {
        let request = Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("origin", "http://127.0.0.1:3000")
            .body(Body::from(form.to_owned()))
            .expect("request");
        self.send(request).await
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        use tower::ServiceExt;
        let response = self.router.clone().oneshot(request).await.expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.expect("body").to_bytes();
        Reply { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }
}

impl Reply {
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default()
    }
}
