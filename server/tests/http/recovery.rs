//! A database that goes away and comes back: the site says so, then recovers by itself.
//! Runs on PostgreSQL only (a network database can disappear; an embedded file cannot), through
//! a TCP proxy the test can cut.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use backend::db::{ConnectOptions, Database};
use backend::testing;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;

use crate::support::TestApp;

/// Forwards connections to `target` while `up`; cutting it drops every open connection and
/// refuses new ones.
struct CuttableProxy {
    port: u16,
    up: Arc<AtomicBool>,
    cut: Arc<Notify>,
}

impl CuttableProxy {
    async fn start(target: String) -> CuttableProxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind proxy");
        let port = listener.local_addr().expect("addr").port();
        let up = Arc::new(AtomicBool::new(true));
        let cut = Arc::new(Notify::new());
        let (accept_up, accept_cut) = (up.clone(), cut.clone());
        tokio::spawn(async move {
            while let Ok((mut client, _)) = listener.accept().await {
                if !accept_up.load(Ordering::SeqCst) {
                    continue; // dropping the socket refuses the connection
                }
                let (target, cut) = (target.clone(), accept_cut.clone());
                tokio::spawn(async move {
                    let Ok(mut server) = TcpStream::connect(&target).await else { return };
                    tokio::select! {
                        _ = tokio::io::copy_bidirectional(&mut client, &mut server) => {}
                        () = cut.notified() => {}
                    }
                });
            }
        });
        CuttableProxy { port, up, cut }
    }

    fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        self.cut.notify_waiters();
    }

    fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

#[tokio::test]
async fn readiness_and_pages_fail_while_postgres_is_unreachable_and_recover_after() {
    let Some(test_db) = testing::postgres().await else { return };
    backend::demo::seed_demo(&test_db.db, &backend::testing::keys()).await.expect("seed");
    let mut url = url::Url::parse(&test_db.url).expect("url");
    let target =
        format!("{}:{}", url.host_str().unwrap_or("127.0.0.1"), url.port().unwrap_or(5432));
    let proxy = CuttableProxy::start(target).await;
    url.set_host(Some("127.0.0.1")).expect("host");
    url.set_port(Some(proxy.port)).expect("port");
    let options = ConnectOptions { max_connections: 2, acquire_timeout: Duration::from_secs(1) };
    let proxied = Database::connect(url.as_str(), &options).await.expect("connect through proxy");
    let app = TestApp::with_database(test_db, proxied);

    assert_eq!(app.get("/readyz", &[]).await.status, 200);

    proxy.cut();
    let down = app.get("/readyz", &[]).await;
    let page = app.get("/", &[]).await;
    assert_eq!(down.status, 503, "{}", down.body);
    assert_eq!(page.status, 503);
    assert!(page.body.contains("Layanan sedang terganggu"), "{}", page.body);

    proxy.restore();
    let up = app.get("/readyz", &[]).await;
    let page = app.get("/", &[]).await;
    assert_eq!(up.status, 200, "{}", up.body);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Kelapa Lima"));
}
