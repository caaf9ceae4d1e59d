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
    /// The app's clock: it stands still at the test's start until the test moves it.
    pub clock: backend::Clock,
    /// What the server's job runner would do, run on demand by [`TestApp::run_jobs`].
    pub jobs: server::jobs::ServerJobs,
    /// The public URL's origin: what a same-site form post carries in `Origin`.
    pub origin: String,
}

impl TestApp {
    /// The app's own origin, which same-site posts carry.
    pub fn origin(&self) -> &str {
        &self.origin
    }
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    /// The body as sent (files).
    pub bytes: Vec<u8>,
}

impl TestApp {
    /// The app over a migrated and seeded database.
    pub async fn seeded(test_db: TestDb) -> TestApp {
        backend::demo::seed_demo(&test_db.db, &backend::testing::keys()).await.expect("seed");
        let db = test_db.db.clone();
        TestApp::build(test_db, db, &[])
    }

    /// The seeded app configured by `vars` as if they were the environment.
    pub async fn seeded_with(test_db: TestDb, vars: &[(&str, &str)]) -> TestApp {
        backend::demo::seed_demo(&test_db.db, &backend::testing::keys()).await.expect("seed");
        let db = test_db.db.clone();
        TestApp::build(test_db, db, vars)
    }

    /// The seeded app as if served at `public_url` (e.g. https, for HSTS and Secure cookies).
    pub async fn with_public_url(test_db: TestDb, public_url: &str) -> TestApp {
        backend::demo::seed_demo(&test_db.db, &backend::testing::keys()).await.expect("seed");
        let db = test_db.db.clone();
        TestApp::build(test_db, db, &[("PASAR_PUBLIC_URL", public_url)])
    }

    /// The app over `db`, keeping `test_db` alive (and cleaned up) for the test's duration.
    pub fn with_database(test_db: TestDb, db: backend::Database) -> TestApp {
        TestApp::build(test_db, db, &[])
    }

    /// A second server process beside this one: its own state and router, configured by
    /// `vars`, over the same database (`spare` is only kept alive with it).
    pub fn another_process(&self, spare: TestDb, vars: &[(&str, &str)]) -> TestApp {
        TestApp::build(spare, self.test_db.db.clone(), vars)
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
        let origin = config.public_url.origin().ascii_serialization();
        let clock = backend::Clock::settable(backend::Clock::system().now());
        let state = server::startup::server_state_with_clock(&config, db, clock.clone())
            .expect("server state");
        let jobs = server::jobs::ServerJobs {
            app: state.app.clone(),
            mailer: state.mailer.clone(),
            public_origin: state.public_origin.clone(),
        };
        TestApp { router: server::router(state), test_db, clock, jobs, origin }
    }

    /// Runs every queued job that is due now, as the server's runner would between requests
    /// (not the recurring sweeps: tests share the default photo folder); returns how many
    /// succeeded.
    pub async fn run_jobs(&self) -> usize {
        let runner =
            backend::jobs::Runner::new(self.test_db.db.clone(), self.clock.clone(), "test");
        let pass = runner.run_due(&self.jobs).await.expect("job queue");
        assert_eq!(pass.failed, 0, "no job failed");
        pass.done
    }

    pub async fn get(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        let mut request = Request::get(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::empty()).expect("request")).await
    }

    pub async fn post_form(&self, path: &str, form: &str) -> Reply {
        self.post_form_with(path, form, &[]).await
    }

    /// A same-site form post with extra headers (a cookie, a language).
    pub async fn post_form_with(&self, path: &str, form: &str, headers: &[(&str, &str)]) -> Reply {
        let mut request = Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("origin", &self.origin);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::from(form.to_owned())).expect("request")).await
    }

    /// A same-site `multipart/form-data` post (a form with a photo), with a session cookie.
    /// The body arrives in 64 KiB pieces with pauses between them, as it does over a network,
    /// so a server reading it as a stream sees the fields before a large file.
    pub async fn post_multipart_with_cookie(
        &self,
        path: &str,
        parts: &[Part<'_>],
        cookie: &str,
    ) -> Reply {
        let (content_type, body) = multipart(parts);
        let pieces: Vec<Result<Vec<u8>, std::io::Error>> =
            body.chunks(64 * 1024).map(|piece| Ok(piece.to_vec())).collect();
        let request = Request::post(path)
            .header("content-type", content_type)
            .header("origin", &self.origin)
            .header("cookie", cookie);
        let body = Body::from_stream(futures_util::stream::unfold(
            (pieces.into_iter(), false),
            |(mut rest, pause)| async move {
                if pause {
                    tokio::task::yield_now().await;
                }
                let piece = rest.next()?;
                Some((piece, (rest, true)))
            },
        ));
        self.send(request.body(body).expect("request")).await
    }

    pub async fn get_with_cookie(&self, path: &str, cookie: &str) -> Reply {
        self.get(path, &[("cookie", cookie)]).await
    }

    pub async fn post_form_with_cookie(&self, path: &str, form: &str, cookie: &str) -> Reply {
        self.post_form_with(path, form, &[("cookie", cookie)]).await
    }

    /// Logs in through `POST /masuk` and returns the session cookie to send back
    /// (`sesi=…`). Panics unless the login succeeds.
    pub async fn log_in(&self, login: &str, password: &str) -> String {
        self.log_in_with(login, password, &[]).await
    }

    /// [`TestApp::log_in`] with extra request headers (e.g. a cookie from an earlier login).
    pub async fn log_in_with(
        &self,
        login: &str,
        password: &str,
        headers: &[(&str, &str)],
    ) -> String {
        let reply = self
            .post_form_with("/masuk", &form(&[("login", login), ("password", password)]), headers)
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "log in as {login}: {}", reply.body);
        reply.session_pair().unwrap_or_else(|| panic!("no session cookie for {login}"))
    }

    /// The id of the account that logs in with `login` (any spelling).
    pub async fn account_id(&self, login: &str) -> i64 {
        let login = domain::LoginId::parse(login).expect("a valid login");
        let stored = login.normalised().to_owned();
        backend::with_pool!(&self.test_db.db, |pool| sqlx::query_scalar(
            "select account_id from account where phone = $1 or email = $1"
        )
        .bind(&stored)
        .fetch_one(pool)
        .await)
        .unwrap_or_else(|error| panic!("no account for {stored}: {error}"))
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        use tower::ServiceExt;
        let response = self.router.clone().oneshot(request).await.expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.expect("body").to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }
}

impl Reply {
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default()
    }

    /// The `Set-Cookie` line of the session cookie (`sesi` or `__Host-sesi`), if any.
    pub fn session_cookie(&self) -> Option<&str> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|line| line.starts_with("sesi=") || line.starts_with("__Host-sesi="))
    }

    /// The session cookie as a browser sends it back: `name=value`.
    pub fn session_pair(&self) -> Option<String> {
        self.session_cookie().and_then(|line| line.split(';').next()).map(str::to_owned)
    }
}

/// A form body, percent-encoded.
pub fn form(fields: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish()
}

/// A demo account of `role`, with [`backend::demo::DEMO_PASSWORD`].
pub fn demo_login(role: domain::Role) -> &'static str {
    backend::demo::DEMO_ACCOUNTS
        .iter()
        .find(|account| account.role == role)
        .map(|account| account.login)
        .unwrap_or_else(|| panic!("no demo account is {role:?}"))
}

/// One part of a multipart form: a text field, or a file with its name and bytes.
#[derive(Debug, Clone, Copy)]
pub enum Part<'a> {
    Text(&'a str, &'a str),
    File { name: &'a str, filename: &'a str, content_type: &'a str, bytes: &'a [u8] },
}

/// A `multipart/form-data` body as a browser sends it: `(content type, body)`.
pub fn multipart(parts: &[Part<'_>]) -> (String, Vec<u8>) {
    const BOUNDARY: &str = "----pasar-purna-test-7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for part in parts {
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        match part {
            Part::Text(name, value) => {
                body.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
                );
                body.extend_from_slice(value.as_bytes());
            }
            Part::File { name, filename, content_type, bytes } => {
                body.extend_from_slice(
                    format!(
                        "Content-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\n\
                         Content-Type: {content_type}\r\n\r\n"
                    )
                    .as_bytes(),
                );
                body.extend_from_slice(bytes);
            }
        }
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={BOUNDARY}"), body)
}

/// A folder of its own for a test's uploaded files, removed when dropped.
pub struct TempDir(pub std::path::PathBuf);

impl TempDir {
    #[expect(clippy::disallowed_methods, reason = "a source of uniqueness, not of the time")]
    pub fn new(what: &str) -> TempDir {
        use std::sync::atomic::{AtomicU32, Ordering};
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir = std::env::temp_dir().join(format!(
            "pasar-test-{what}-{}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).expect("create a temporary folder");
        TempDir(dir)
    }

    pub fn path_str(&self) -> String {
        self.0.to_string_lossy().into_owned()
    }

    /// Every application or shop file of a visibility (`public`, `private`) in the media store
    /// the app keeps in this folder (its default local store), with its bytes.
    pub fn files_in(&self, visibility: &str) -> Vec<(String, Vec<u8>)> {
        let folder = self.0.join("photos").join("files").join(visibility);
        let Ok(entries) = std::fs::read_dir(folder) else { return Vec::new() };
        entries
            .filter_map(Result::ok)
            .map(|entry| {
                let bytes = std::fs::read(entry.path()).expect("read a stored file");
                (entry.file_name().to_string_lossy().into_owned(), bytes)
            })
            .collect()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Everything logged on this test's thread while the guard lives, at every level.
#[derive(Clone, Default)]
pub struct LogCapture(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for LogCapture {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log buffer").extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl LogCapture {
    /// Starts capturing (TRACE and up) on the current thread until the guard is dropped.
    pub fn start() -> (LogCapture, tracing::subscriber::DefaultGuard) {
        let captured = LogCapture::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        (captured, tracing::subscriber::set_default(subscriber))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("log buffer")).into_owned()
    }
}
