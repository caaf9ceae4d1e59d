//! The rendered pages, over HTTP in-process, on SQLite and (when configured) PostgreSQL.

use crate::support::TestApp;
use backend::storage_test;
use backend::testing;

storage_test! {
    async fn only_pages_with_islands_load_the_webassembly_bundle(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let vendor = app.log_in("0852-3910-0001", backend::demo::DEMO_PASSWORD).await;
        let product = backend::listings::own_products(&app.test_db.db, backend::accounts::AccountId(app.account_id("0852-3910-0001").await))
            .await
            .expect("own products")[0]
            .id
            .0;

        for path in ["/".to_owned(), "/cari?q=tenun".to_owned(), "/pelapak/demo-1".to_owned(), format!("/produk/{product}")] {
            let page = app.get(&path, &[]).await;
            assert_eq!(page.status, 200, "{path}");
            assert!(page.body.contains(r#"<script type="module" src="/pkg/enhance"#), "{path} wires its enhancements: {}", page.body);
            assert!(!page.body.contains(".wasm"), "{path} must not load the island bundle: {}", page.body);
        }
        let form = app.get_with_cookie(&format!("/lapak/produk/{product}"), &vendor).await;
        assert_eq!(form.status, 200, "{}", form.body);
        assert!(form.body.contains("<leptos-island"), "the photo picker is an island: {}", form.body);
        assert!(form.body.contains(".wasm"), "the product form loads the island bundle: {}", form.body);

        // Everyone but a vendor gets a page without islands, so nothing to hydrate either.
        let anonymous = app.get("/lapak/produk/baru", &[]).await;
        assert_eq!(anonymous.status, 401, "{}", anonymous.body);
        assert!(!anonymous.body.contains(".wasm"), "the login-required page loads no island bundle: {}", anonymous.body);
        let shopper = app.log_in("0812-3456-0001", backend::demo::DEMO_PASSWORD).await;
        let not_yet = app.get_with_cookie("/lapak/produk/baru", &shopper).await;
        assert!(not_yet.body.contains("setelah pengajuan pelapak Anda disetujui"), "{}", not_yet.body);
        assert!(!not_yet.body.contains(".wasm"), "a shopper's \"not yet\" page loads no island bundle: {}", not_yet.body);
    }

    async fn the_home_page_is_in_bahasa_indonesia_with_the_seeded_kecamatan(test_db: TestDb) {
        let engine = test_db.db.engine();
        let app = TestApp::seeded(test_db).await;

        let reply = app.get("/", &[]).await;

        assert_eq!(reply.status, 200, "{engine:?}");
        assert!(reply.body.contains(r#"<html lang="id""#), "{engine:?}: {}", reply.body);
        assert!(reply.body.contains("Karya purna PMI Kota Kupang"));
        for kecamatan in ["Alak", "Kelapa Lima", "Kota Lama", "Kota Raja", "Maulafa", "Oebobo"] {
            assert!(reply.body.contains(kecamatan), "{engine:?} lacks {kecamatan}");
        }
        assert!(reply.body.contains("12 kelurahan"), "Alak has 12 kelurahan");
    }

    async fn a_page_that_needs_the_database_says_so_in_the_visitors_language_when_it_is_down(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        app.test_db.db.close().await;

        let reply = app.get("/", &[("cookie", "lang=en")]).await;

        assert_eq!(reply.status, 503, "{}", reply.body);
        assert!(reply.body.contains("Service temporarily unavailable"), "{}", reply.body);
        assert!(reply.body.contains("Skip to content"), "the error keeps the layout");
    }
}

#[tokio::test]
async fn an_english_browser_gets_english_without_choosing() {
    let app = TestApp::seeded(testing::sqlite().await).await;

    let reply = app.get("/", &[("accept-language", "en-GB,en;q=0.9")]).await;

    assert!(reply.body.contains(r#"<html lang="en""#), "{}", reply.body);
    assert!(
        reply.body.contains("Made by Kupang&#39;s returned migrant workers")
            || reply.body.contains("Made by Kupang's returned migrant workers")
    );
}

#[tokio::test]
async fn the_language_cookie_wins_over_the_browser_language() {
    let app = TestApp::seeded(testing::sqlite().await).await;

    let reply = app.get("/", &[("accept-language", "id-ID"), ("cookie", "lang=en")]).await;

    assert!(reply.body.contains(r#"<html lang="en""#), "{}", reply.body);
}

#[tokio::test]
async fn an_unknown_address_is_a_translated_404_inside_the_layout() {
    let app = TestApp::seeded(testing::sqlite().await).await;

    let reply = app.get("/tidak-ada", &[]).await;

    assert_eq!(reply.status, 404);
    assert!(reply.body.contains("Halaman tidak ditemukan"), "{}", reply.body);
    assert!(reply.body.contains("Langsung ke isi halaman"), "skip link of the layout");
    assert!(reply.body.contains("Semua waktu dalam WITA"), "footer of the layout");
}

#[tokio::test]
async fn the_search_page_echoes_the_query_and_lists_matching_products_without_javascript() {
    let app = TestApp::seeded(testing::sqlite().await).await;

    let found = app.get("/cari?q=tenun%20ikat", &[]).await;
    let nothing = app.get("/cari?q=zzqx", &[]).await;

    assert_eq!(found.status, 200);
    assert!(found.body.contains("Hasil pencarian untuk “tenun ikat”"), "{}", found.body);
    assert!(found.body.contains("Selendang tenun ikat Amarasi"), "a demo product is found");
    assert!(found.body.contains("href=\"/produk/"), "results link to product pages");
    assert!(nothing.body.contains("Tidak ada produk yang cocok"), "{}", nothing.body);
}

#[tokio::test]
async fn a_product_page_shows_price_vendor_and_a_whatsapp_link_naming_the_product() {
    let app = TestApp::seeded(testing::sqlite().await).await;
    let search = app.get("/cari?q=ti%27i%20langga", &[]).await;
    let start = search.body.find("href=\"/produk/").expect("a result") + "href=\"".len();
    let path: String = search.body[start..].chars().take_while(|c| *c != '"').collect();

    let page = app.get(&path, &[]).await;

    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Topi ti&#x27;i langga") || page.body.contains("Topi ti'i langga"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Rp150.000"));
    assert!(page.body.contains("Anyaman Lontar Mama Ester"));
    assert!(page.body.contains("https://wa.me/6285239100007?text="), "chat link to the vendor");
    assert_eq!(app.get("/produk/999999", &[]).await.status, 404);
}

#[tokio::test]
async fn every_response_carries_a_request_id_and_pages_are_compressed() {
    let app = TestApp::seeded(testing::sqlite().await).await;

    let reply = app.get("/", &[("accept-encoding", "br, gzip")]).await;

    assert_eq!(reply.header("content-encoding"), "br");
    assert_eq!(reply.header("x-request-id").len(), 36, "a UUID");
}
