//! Probes, the language switch and static files.

use crate::support::TestApp;
use backend::storage_test;
use backend::testing;

storage_test! {
    async fn readyz_reports_the_engine_and_fails_when_the_database_is_gone(test_db: TestDb) {
        let engine = test_db.db.engine().name();
        let app = TestApp::seeded(test_db).await;

        let ready = app.get("/readyz", &[]).await;
        assert_eq!(ready.status, 200);
        assert_eq!(ready.body, format!(r#"{{"status":"ready","database":"{engine}"}}"#));

        app.test_db.db.close().await;
        let gone = app.get("/readyz", &[]).await;
        assert_eq!(gone.status, 503);
        assert_eq!(gone.body, format!(r#"{{"status":"unavailable","database":"{engine}"}}"#));
    }
}

#[tokio::test]
async fn healthz_answers_without_touching_the_database() {
    let app = TestApp::seeded(testing::sqlite().await).await;
    app.test_db.db.close().await;

    let reply = app.get("/healthz", &[]).await;

    assert_eq!(reply.status, 200);
    assert_eq!(reply.body, r#"{"status":"ok"}"#);
}

#[tokio::test]
async fn choosing_a_language_sets_a_cookie_and_returns_to_the_same_page() {
    let app = TestApp::seeded(testing::sqlite().await).await;

    let reply = app.post_form("/bahasa", "lang=en&next=%2Fcari%3Fq%3Dkopi").await;

    assert_eq!(reply.status, 303);
    assert_eq!(reply.header("location"), "/cari?q=kopi");
    let cookie = reply.header("set-cookie");
    assert!(cookie.starts_with("lang=en;"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax") && cookie.contains("HttpOnly"), "{cookie}");
    assert!(!cookie.contains("Secure"), "plain-http default must not set Secure");
}

#[tokio::test]
async fn the_language_switch_refuses_unknown_languages_and_foreign_redirects() {
    let app = TestApp::seeded(testing::sqlite().await).await;

    let unknown = app.post_form("/bahasa", "lang=fr&next=%2F").await;
    assert_eq!(unknown.status, 400);
    assert!(unknown.body.contains("Bahasa itu tidak tersedia"), "{}", unknown.body);
    assert!(unknown.header("set-cookie").is_empty());

    let foreign = app.post_form("/bahasa", "lang=id&next=%2F%2Fevil.example%2F").await;
    assert_eq!(foreign.header("location"), "/");
}

#[tokio::test]
async fn hashed_bundle_files_are_cached_for_a_year_and_public_files_for_a_day() {
    let site = std::env::temp_dir().join(format!("pasar-site-{}", std::process::id()));
    std::fs::create_dir_all(site.join("pkg")).expect("site dir");
    std::fs::write(site.join("pkg/pasar-purna.0123456789abcdef.css"), "body{}").expect("css");
    std::fs::write(site.join("robots.txt"), "User-agent: *\n").expect("robots");
    let app = TestApp::new(testing::sqlite().await, &site);

    let bundle = app.get("/pkg/pasar-purna.0123456789abcdef.css", &[]).await;
    let public = app.get("/robots.txt", &[]).await;
    let missing = app.get("/pkg/missing.js", &[]).await;
    let page = app.get("/", &[]).await;

    assert_eq!(bundle.status, 200);
    assert_eq!(bundle.header("cache-control"), "public, max-age=31536000, immutable");
    assert_eq!(public.header("cache-control"), "public, max-age=86400");
    assert_eq!(bundle.header("vary"), "accept-encoding");
    assert_eq!(missing.status, 404);
    assert!(
        page.body
            .contains(r#"<link rel="stylesheet" href="/pkg/pasar-purna.0123456789abcdef.css">"#),
        "the page links the hashed stylesheet: {}",
        page.body
    );
    std::fs::remove_dir_all(site).ok();
}
