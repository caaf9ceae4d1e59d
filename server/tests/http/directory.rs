//! The vendor directory and what a shared vendor link shows.

use axum::http::StatusCode;

use crate::support::TestApp;

backend::storage_test! {
    async fn the_directory_lists_active_vendors_by_name_and_finds_them_by_part_of_it(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;

        let all = app.get("/pelapak", &[]).await;
        assert_eq!(all.status, StatusCode::OK);
        assert!(all.body.contains("12 pelapak"), "the twelve approved demo vendors: {}", all.body);
        let anyaman = all.body.find("Anyaman Lontar Mama Ester").expect("listed");
        let tenun = all.body.find("Tenun Ikat Mama Yuli").expect("listed");
        assert!(anyaman < tenun, "by name");
        assert!(!all.body.contains("Ikan Asap Oesapa"), "an application still waiting is not a vendor");

        let found = app.get("/pelapak?q=MAMA", &[]).await;
        assert!(found.body.contains("Tenun Ikat Mama Yuli") && found.body.contains("Kelor Kering Mama Dina"));
        assert!(!found.body.contains("Kopi Bajawa"), "{}", found.body);
        assert!(found.body.contains("href=\"/pelapak/"), "cards link to profiles");

        let nobody = app.get("/pelapak?q=%25", &[]).await;
        assert!(nobody.body.contains("Belum ada pelapak dengan nama itu"), "a typed % matches only itself: {}", nobody.body);
    }

    async fn a_suspended_vendor_leaves_the_directory_at_once(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        backend::with_pool!(&app.test_db.db, |pool| sqlx::query(
            "update vendor set status = 'suspended' where business_name = 'Kopi Bajawa Kak Anton'"
        ).execute(pool).await.map(|_| ())).expect("suspend");

        let found = app.get("/pelapak?q=kopi", &[]).await;

        assert!(!found.body.contains("Kopi Bajawa"), "{}", found.body);
    }

    async fn a_vendor_profile_carries_its_link_preview_and_local_business_data(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let slug: String = backend::with_pool!(&app.test_db.db, |pool| sqlx::query_scalar(
            "select public_slug from vendor where business_name = 'Tenun Ikat Mama Yuli'"
        ).fetch_one(pool).await).expect("slug");

        let page = app.get(&format!("/pelapak/{slug}"), &[]).await;

        let canonical = format!("{}/pelapak/{slug}", app.origin());
        assert!(page.body.contains(&format!("<link href=\"{canonical}\" rel=\"canonical\">")), "{}", page.body);
        assert!(page.body.contains(&format!("<meta property=\"og:url\" content=\"{canonical}\"")));
        assert!(page.body.contains("<meta property=\"og:title\" content=\"Tenun Ikat Mama Yuli — Pasar Purna\""));
        assert!(page.body.contains("<meta name=\"twitter:card\""));
        let script = page.body.split("<script type=\"application/ld+json\">").nth(1).expect("JSON-LD");
        let json: serde_json::Value = serde_json::from_str(script.split("</script>").next().expect("end")).expect("valid JSON");
        assert_eq!(json["@type"], "LocalBusiness");
        assert_eq!(json["name"], "Tenun Ikat Mama Yuli");
        assert_eq!(json["url"], canonical);
        assert_eq!(json["address"]["addressCountry"], "ID");
    }

    async fn a_search_offers_the_vendors_with_that_name(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;

        let page = app.get("/cari?q=kopi", &[]).await;

        assert!(page.body.contains("href=\"/pelapak?q=kopi\""), "{}", page.body);
    }
}
