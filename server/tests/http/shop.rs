//! A vendor's own shop: deleting a product asks first.

use axum::http::StatusCode;
use backend::demo::DEMO_PASSWORD;

use crate::support::TestApp;

const VENDOR_LOGIN: &str = "0852-3910-0001";

async fn first_product(app: &TestApp) -> (i64, String) {
    let account = app.account_id(VENDOR_LOGIN).await;
    backend::with_pool!(&app.test_db.db, |pool| {
        sqlx::query_as(
            "select p.product_id, p.name from product p join vendor v using (vendor_id)
         where v.account_id = $1 order by p.product_id limit 1",
        )
        .bind(account)
        .fetch_one(pool)
        .await
    })
    .expect("a product of the vendor")
}

async fn still_there(app: &TestApp, id: i64) -> bool {
    let count: i64 = backend::with_pool!(&app.test_db.db, |pool| sqlx::query_scalar(
        "select count(*) from product where product_id = $1"
    )
    .bind(id)
    .fetch_one(pool)
    .await)
    .expect("count");
    count == 1
}

backend::storage_test! {
    async fn deleting_a_product_asks_first_and_only_the_yes_deletes_it(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let vendor = app.log_in(VENDOR_LOGIN, DEMO_PASSWORD).await;
        let (id, name) = first_product(&app).await;

        let edit = app.get_with_cookie(&format!("/lapak/produk/{id}"), &vendor).await;
        assert!(edit.body.contains(&format!("href=\"/lapak/produk/{id}?hapus=konfirmasi\"")), "the delete button asks first");
        let unconfirmed = app.post_form_with_cookie(&format!("/lapak/produk/{id}/hapus"), "", &vendor).await;
        assert_eq!(unconfirmed.status, StatusCode::SEE_OTHER);
        assert_eq!(unconfirmed.header("location"), format!("/lapak/produk/{id}?hapus=konfirmasi"));
        assert!(still_there(&app, id).await, "a post without the yes deletes nothing");

        let asked = app.get_with_cookie(&format!("/lapak/produk/{id}?hapus=konfirmasi"), &vendor).await;
        assert_eq!(asked.status, StatusCode::OK);
        assert!(asked.body.contains("Hapus produk ini?"), "{}", asked.body);
        assert!(asked.body.contains(&name.replace('\'', "&#39;")) || asked.body.contains(&name), "names the product");
        assert!(asked.body.contains("name=\"yakin\" value=\"ya\""), "{}", asked.body);

        let confirmed = app.post_form_with_cookie(&format!("/lapak/produk/{id}/hapus"), "yakin=ya", &vendor).await;
        assert_eq!(confirmed.header("location"), "/lapak?selesai=produk-dihapus");
        assert!(!still_there(&app, id).await);
    }

    async fn deleting_a_product_that_is_gone_shows_the_translated_not_found_page(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let vendor = app.log_in(VENDOR_LOGIN, DEMO_PASSWORD).await;

        let gone = app.post_form_with_cookie("/lapak/produk/999999/hapus", "yakin=ya", &vendor).await;

        assert_eq!(gone.status, StatusCode::NOT_FOUND);
        assert!(gone.body.contains("Halaman tidak ditemukan"), "not a blank page: {}", gone.body);
    }
}
