//! What shoppers and search engines browse, on both engines: category pages, the kecamatan
//! filter, robots.txt and the sitemap (public products only), and admins renaming a category.

use axum::http::StatusCode;
use backend::accounts::AccountId;
use backend::demo::DEMO_PASSWORD;
use backend::listings;
use backend::storage_test;
use domain::Role;

use crate::support::{demo_login, form, TestApp};

/// Tenun Ikat Mama Yuli (Oebobo).
const YULI: &str = "0852-3910-0001";

storage_test! {
    async fn category_pages_and_the_kecamatan_filter_list_only_what_matches(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let page = app.get("/kategori/tenun-fesyen", &[]).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("<h1 id=\"search-title\">Tenun &amp; fesyen</h1>"), "{}", page.body);
        assert!(page.body.contains("Selendang tenun ikat Amarasi"));
        assert!(!page.body.contains("Se&#x27;i babi asap") && !page.body.contains("Se'i babi asap"), "food is not cloth");
        assert!(page.body.contains("<link href=\"http://127.0.0.1:3000/kategori/tenun-fesyen\" rel=\"canonical\">"), "{}", page.body);

        // Yuli is in Oebobo, Om Ferdi (se'i) in Kuanino (Kota Raja).
        let oebobo = app.get("/cari?kecamatan=oebobo", &[]).await;
        assert!(oebobo.body.contains("Selendang tenun ikat Amarasi"), "{}", oebobo.body);
        assert!(!oebobo.body.contains("Se'i babi asap") && !oebobo.body.contains("Se&#x27;i babi asap"));
        assert!(oebobo.body.contains("<option value=\"oebobo\" selected"), "{}", oebobo.body);

        // The next page continues after the last row shown (keyset), and shows new products.
        let first = app.get("/cari?urut=murah", &[]).await;
        let next = first.body.split("href=\"").find(|h| h.contains("setelah=")).expect("a next link with a cursor");
        let next = next.split('"').next().expect("href").replace("&amp;", "&");
        let second = app.get(&next, &[]).await;
        assert_eq!(second.status, StatusCode::OK);
        let first_names: Vec<&str> = first.body.split("class=\"product-name\">").skip(1).filter_map(|s| s.split('<').next()).collect();
        let second_names: Vec<&str> = second.body.split("class=\"product-name\">").skip(1).filter_map(|s| s.split('<').next()).collect();
        assert_eq!(first_names.len(), 24);
        assert!(!second_names.is_empty() && second_names.iter().all(|n| !first_names.contains(n)), "{second_names:?}");
    }

    async fn robots_and_the_sitemap_name_only_public_pages(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let robots = app.get("/robots.txt", &[]).await;
        assert_eq!(robots.status, StatusCode::OK);
        assert!(robots.body.contains("Sitemap: http://127.0.0.1:3000/sitemap.xml"), "{}", robots.body);
        assert!(robots.body.contains("Disallow: /api/"));

        let yuli = AccountId(app.account_id(YULI).await);
        let own = listings::own_products(&app.test_db.db, yuli).await.expect("own");
        let hidden = own[0].id;
        let shown = own[1].id;
        listings::set_visible(&app.test_db.db, yuli, hidden, false, backend::Clock::system().now()).await.expect("hide");

        let sitemap = app.get("/sitemap.xml", &[]).await;
        assert_eq!(sitemap.status, StatusCode::OK);
        assert!(sitemap.header("content-type").starts_with("application/xml"));
        assert!(sitemap.body.contains("<loc>http://127.0.0.1:3000/kategori/kuliner</loc>"));
        assert!(sitemap.body.contains("<loc>http://127.0.0.1:3000/pelapak/demo-1</loc>"));
        assert!(sitemap.body.contains(&format!("<loc>http://127.0.0.1:3000/produk/{}</loc><lastmod>", shown.0)));
        assert!(!sitemap.body.contains(&format!("/produk/{}<", hidden.0)), "hidden products are not listed");
        assert_eq!(sitemap.body.matches("<url>").count(), sitemap.body.matches("</url>").count());
    }

    async fn an_admin_renames_a_category_and_search_follows(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let page = app.get_with_cookie("/admin/kategori", &admin).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("value=\"Kerajinan\""), "{}", page.body);

        let renamed = form(&[("slug", "kerajinan"), ("name_id", "Kerajinan tangan"), ("name_en", "Handicrafts"), ("position", "2")]);
        let reply = app.post_form_with_cookie("/admin/kategori", &renamed, &admin).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        let categories = listings::categories(&app.test_db.db).await.expect("categories");
        let crafts = categories.iter().find(|c| c.slug == "kerajinan").expect("kept its slug");
        assert_eq!((crafts.name_id.as_str(), crafts.name_en.as_str()), ("Kerajinan tangan", "Handicrafts"));
        // The products' search entries carry the new name.
        let found = app.get("/cari?q=handicrafts", &[]).await;
        assert!(!found.body.contains("search-empty") && found.body.contains("product-card"), "{}", found.body);

        let added = form(&[("slug", "oleh-oleh"), ("name_id", "Oleh-oleh"), ("name_en", "Souvenirs"), ("position", "9")]);
        assert_eq!(app.post_form_with_cookie("/admin/kategori", &added, &admin).await.status, StatusCode::SEE_OTHER);
        assert!(listings::categories(&app.test_db.db).await.expect("categories").iter().any(|c| c.slug == "oleh-oleh"));

        let bad = form(&[("slug", "Oleh Oleh!"), ("name_id", ""), ("name_en", "x"), ("position", "9")]);
        let refused = app.post_form_with_cookie("/admin/kategori", &bad, &admin).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("Gunakan 2–40 huruf kecil"), "{}", refused.body);
        assert_eq!(listings::categories(&app.test_db.db).await.expect("categories").len(), 9, "nothing half-saved");

        let shopper = app.log_in(demo_login(Role::Shopper), DEMO_PASSWORD).await;
        let forbidden = app.post_form_with_cookie("/admin/kategori", &renamed, &shopper).await;
        assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    }
}
