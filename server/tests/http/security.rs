//! The security baseline: cross-site writes refused, headers on every response.

use axum::body::Body;
use axum::http::Request;
use backend::testing;

use crate::support::TestApp;

fn language_post(headers: &[(&str, &str)]) -> Request<Body> {
    let mut request =
        Request::post("/bahasa").header("content-type", "application/x-www-form-urlencoded");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.body(Body::from("lang=en&next=%2F")).expect("request")
}

#[tokio::test]
async fn a_form_posted_from_another_site_is_refused_in_the_visitors_language() {
    let app = TestApp::seeded(testing::sqlite().await).await;

    let refused = app.send(language_post(&[("origin", "https://evil.example")])).await;
    let refused_en =
        app.send(language_post(&[("sec-fetch-site", "cross-site"), ("cookie", "lang=en")])).await;

    assert_eq!(refused.status, 403);
    assert!(refused.body.contains("Permintaan ditolak"), "{}", refused.body);
    assert!(refused.header("set-cookie").is_empty(), "the post had no effect");
    assert_eq!(refused_en.status, 403);
    assert!(refused_en.body.contains("Request refused"), "{}", refused_en.body);
}

#[tokio::test]
async fn a_post_without_origin_or_fetch_metadata_is_refused() {
    let app = TestApp::seeded(testing::sqlite().await).await;

    let reply = app.send(language_post(&[])).await;

    assert_eq!(reply.status, 403);
}

#[tokio::test]
async fn a_same_origin_post_goes_through() {
    let app = TestApp::seeded(testing::sqlite().await).await;

    let by_metadata = app.send(language_post(&[("sec-fetch-site", "same-origin")])).await;
    let by_host = app
        .send(language_post(&[("origin", "http://localhost:3000"), ("host", "localhost:3000")]))
        .await;

    assert_eq!(by_metadata.status, 303);
    assert_eq!(by_host.status, 303);
}

#[tokio::test]
async fn server_functions_are_protected_like_forms() {
    let app = TestApp::seeded(testing::sqlite().await).await;
    let request = Request::post("/api/home/kecamatan")
        .header("origin", "https://evil.example")
        .body(Body::empty())
        .expect("request");

    let reply = app.send(request).await;

    assert_eq!(reply.status, 403);
}

#[tokio::test]
async fn pages_carry_a_csp_whose_nonce_is_the_island_loaders() {
    let app = TestApp::seeded(testing::sqlite().await).await;
    // Only pages with islands have a loader; the product form's photo picker is one.
    let vendor = app.log_in("0852-3910-0001", backend::demo::DEMO_PASSWORD).await;

    let page = app.get_with_cookie("/lapak/produk/baru", &vendor).await;

    let csp = page.header("content-security-policy");
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the policy");
    assert!(page.body.contains(&format!(r#"<script type="module" nonce="{nonce}">"#)), "{csp}");
    assert!(csp.contains("'wasm-unsafe-eval'") && csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(page.header("x-content-type-options"), "nosniff");
    assert_eq!(page.header("x-frame-options"), "DENY");
    assert_eq!(page.header("referrer-policy"), "strict-origin-when-cross-origin");
    assert!(page.header("strict-transport-security").is_empty(), "no HSTS over plain http");
}

#[tokio::test]
async fn each_page_gets_a_fresh_nonce() {
    let app = TestApp::seeded(testing::sqlite().await).await;

    let first = app.get("/", &[]).await;
    let second = app.get("/", &[]).await;

    assert_ne!(first.header("content-security-policy"), second.header("content-security-policy"));
}

#[tokio::test]
async fn non_page_responses_get_a_policy_that_allows_nothing() {
    let app = TestApp::seeded(testing::sqlite().await).await;

    let reply = app.get("/healthz", &[]).await;

    assert_eq!(
        reply.header("content-security-policy"),
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
    );
    assert_eq!(reply.header("x-content-type-options"), "nosniff");
}

#[tokio::test]
async fn an_https_site_sends_hsts() {
    let app = TestApp::with_public_url(testing::sqlite().await, "https://pasar.example.id").await;

    let reply = app.get("/healthz", &[]).await;

    assert_eq!(reply.header("strict-transport-security"), "max-age=63072000; includeSubDomains");
}
