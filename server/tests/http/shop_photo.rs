//! The shop's photo, replaced from `/lapak`: shown on the public profile at once, stored as a
//! public file of the media store, the replaced file deleted, the change audit-logged; a
//! non-picture or a missing one refused with a message, a suspended vendor refused, and
//! nothing changed by a refusal.

use axum::http::StatusCode;
use backend::demo::DEMO_PASSWORD;
use backend::storage_test;

use crate::applications::jpeg;
use crate::support::{Part, Reply, TempDir, TestApp};

/// The demo vendor behind `/pelapak/demo-1`.
const YULI: &str = "0852-3910-0001";

async fn send(app: &TestApp, cookie: &str, filename: &str, bytes: &[u8]) -> Reply {
    let parts = [Part::File { name: "foto", filename, content_type: "image/jpeg", bytes }];
    app.post_multipart_with_cookie("/lapak/profil/foto", &parts, cookie).await
}

async fn shop_photo(app: &TestApp) -> Option<String> {
    backend::with_pool!(&app.test_db.db, |pool| sqlx::query_scalar(
        "select business_photo from vendor where public_slug = 'demo-1'"
    )
    .fetch_one(pool)
    .await)
    .expect("demo-1")
}

async fn photo_audits(app: &TestApp) -> usize {
    let found: i64 = backend::with_pool!(&app.test_db.db, |pool| sqlx::query_scalar(
        "select count(*) from audit_event where subject_kind = 'vendor'
         and action = 'vendor:profile_changed' and reason = 'business_photo'"
    )
    .fetch_one(pool)
    .await)
    .expect("audit");
    usize::try_from(found).expect("a count")
}

storage_test! {
    async fn a_vendor_replaces_the_shop_photo_and_the_profile_shows_it_at_once(test_db: TestDb) {
        let media = TempDir::new("shop-photo");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &media.path_str())]).await;
        let yuli = app.log_in(YULI, DEMO_PASSWORD).await;

        let sent = send(&app, &yuli, "lapak.jpg", &jpeg(1200, 900)).await;
        assert_eq!((sent.status, sent.header("location")), (StatusCode::SEE_OTHER, "/lapak?selesai=foto-lapak"), "{}", sent.body);
        let first = shop_photo(&app).await.expect("a photo");
        let shop = app.get_with_cookie("/lapak?selesai=foto-lapak", &yuli).await;
        assert!(shop.body.contains("Foto toko sudah diganti."), "{}", shop.body);
        assert!(shop.body.contains(&format!("src=\"/media/{first}\"")), "the form shows the photo now");
        let profile = app.get("/pelapak/demo-1", &[]).await;
        assert!(profile.body.contains(&format!("/media/{first}")), "public at once: {}", profile.body);
        assert_eq!(app.get(&format!("/media/{first}"), &[]).await.status, StatusCode::OK);
        assert_eq!(media.files_in("public").len(), 1);
        assert_eq!(photo_audits(&app).await, 1, "the change is audit-logged");

        assert_eq!(send(&app, &yuli, "baru.jpg", &jpeg(900, 900)).await.status, StatusCode::SEE_OTHER);
        let second = shop_photo(&app).await.expect("a photo");
        assert_ne!(first, second);
        let stored: Vec<_> = media.files_in("public").into_iter().map(|(name, _)| name).collect();
        assert_eq!(stored, [second], "the replaced file is deleted");
        assert_eq!(app.get(&format!("/media/{first}"), &[]).await.status, StatusCode::NOT_FOUND);
        assert_eq!(photo_audits(&app).await, 2);
    }

    async fn no_picture_or_not_a_picture_is_refused_with_a_message_and_changes_nothing(test_db: TestDb) {
        let media = TempDir::new("shop-photo-bad");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &media.path_str())]).await;
        let yuli = app.log_in(YULI, DEMO_PASSWORD).await;
        let before = shop_photo(&app).await;

        let empty = send(&app, &yuli, "", &[]).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(empty.body.contains("Pilih foto dulu."), "{}", empty.body);
        let text = send(&app, &yuli, "surat.jpg", b"%PDF-1.4 bukan foto").await;
        assert_eq!(text.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(text.body.contains("aria-invalid=\"true\""), "the field is marked: {}", text.body);
        assert!(!text.body.contains("Foto toko sudah diganti."));

        assert_eq!(shop_photo(&app).await, before, "nothing changed");
        assert!(media.files_in("public").is_empty(), "nothing stored");
        assert_eq!(photo_audits(&app).await, 0);
    }

    async fn a_suspended_vendor_cannot_replace_the_photo(test_db: TestDb) {
        let media = TempDir::new("shop-photo-suspended");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &media.path_str())]).await;
        let yuli = app.log_in(YULI, DEMO_PASSWORD).await;
        backend::with_pool!(&app.test_db.db, |pool| sqlx::query(
            "update vendor set status = 'suspended' where public_slug = 'demo-1'"
        ).execute(pool).await.map(|_| ())).expect("suspend");

        let refused = send(&app, &yuli, "lapak.jpg", &jpeg(800, 600)).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
        assert_eq!(shop_photo(&app).await, None);
        assert!(media.files_in("public").is_empty(), "not even decoded and stored");
    }
}
