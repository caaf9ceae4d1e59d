//! The one media store for application and shop pictures: files kept in the old folders
//! move into it at start-up and are served from there; files no row names are swept; and two
//! server processes on one database and one S3-compatible bucket serve every file, public to
//! anyone and private only to staff, with each view logged.

use axum::http::StatusCode;
use backend::demo::DEMO_PASSWORD;
use backend::media::{self, Visibility};
use backend::storage_test;
use backend::testing;
use domain::Role;

use crate::applications::{application_of, jpeg, submitted_application, Answers, APPLICANT};
use crate::photos::{s3_endpoint, unique_prefix};
use crate::support::{demo_login, TempDir, TestApp};

/// A submitted demo application, waiting for review.
const WAITING_BUSINESS: &str = "Ikan Asap Oesapa Ibu Ani";

storage_test! {
    async fn files_kept_in_the_old_folders_are_moved_into_the_store_and_still_served(test_db: TestDb) {
        let folder = TempDir::new("legacy-media");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &folder.path_str())]).await;
        // As an earlier version left them: one public and one private file in their folders.
        let (photo, photo_bytes) = media::prepare_photo(&jpeg(320, 240)).expect("photo");
        let (proof, proof_bytes) = media::prepare_photo(&jpeg(240, 320)).expect("proof");
        for (visibility, key, bytes) in [("public", &photo, &photo_bytes), ("private", &proof, &proof_bytes)] {
            std::fs::create_dir_all(folder.0.join(visibility)).expect("folder");
            std::fs::write(folder.0.join(visibility).join(key), bytes).expect("write");
        }
        let id: i64 = backend::with_pool!(&app.test_db.db, |pool| sqlx::query_scalar(
            "update vendor_application set business_photo = $1, proof_photo = $2
             where business_name = $3 returning application_id"
        ).bind(&photo).bind(&proof).bind(WAITING_BUSINESS).fetch_one(pool).await).expect("point at them");

        let moved = media::move_legacy_files(&folder.0, &app.jobs.app.photos).await.expect("move");

        assert_eq!(moved, 2);
        assert!(!folder.0.join("private").exists() && !folder.0.join("public").exists(), "the old folders are emptied and gone");
        assert_eq!(folder.files_in("private").len(), 1, "the proof is in the store, still private");
        let served = app.get(&format!("/media/{photo}"), &[]).await;
        assert_eq!((served.status, served.bytes.as_slice()), (StatusCode::OK, photo_bytes.as_slice()));
        assert_eq!(app.get(&format!("/media/{proof}"), &[]).await.status, StatusCode::NOT_FOUND, "private stays private");
        let officer = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let shown = app.get_with_cookie(&format!("/admin/pengajuan/{id}/bukti"), &officer).await;
        assert_eq!((shown.status, shown.bytes.as_slice()), (StatusCode::OK, proof_bytes.as_slice()));
    }

    async fn the_sweep_removes_files_no_row_names_and_keeps_the_rest(test_db: TestDb) {
        let folder = TempDir::new("sweep-files");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &folder.path_str())]).await;
        let mut answers = Answers::weaver();
        answers.business_photo = Some(jpeg(300, 300));
        answers.proof = Some(jpeg(300, 400));
        submitted_application(&app, APPLICANT, &answers).await;
        let stored = application_of(&app, APPLICANT).await.expect("application");
        let store = &app.jobs.app.photos;
        // What a crash between writing a file and the row that names it leaves behind.
        let orphan = media::save_photo(store, Visibility::Private, jpeg(200, 200)).await.expect("stored");
        assert_eq!(folder.files_in("private").len(), 2);

        // Younger than the grace period: spared, it may belong to an upload in progress.
        let now = app.clock.now();
        assert_eq!(store.sweep_files(&app.test_db.db, now, 3600).await.expect("sweep"), 0);
        assert_eq!(store.sweep_files(&app.test_db.db, now + 7200, 3600).await.expect("sweep"), 1);

        let private: Vec<_> = folder.files_in("private").into_iter().map(|(name, _)| name).collect();
        assert_eq!(private, [stored.proof_photo.clone().expect("proof")], "the named proof stays, the orphan {orphan} went");
        assert_eq!(folder.files_in("public").len(), 1, "the named business photo stays");
    }

    async fn two_processes_on_one_database_and_one_bucket_serve_every_file(test_db: TestDb) {
        let Some((endpoint, bucket)) = s3_endpoint() else { return };
        let url = format!("s3://{bucket}/{}", unique_prefix());
        let vars = [
            ("PASAR_PHOTO_STORE", url.as_str()),
            ("AWS_ENDPOINT", endpoint.as_str()),
            ("AWS_ALLOW_HTTP", "true"),
            ("AWS_ACCESS_KEY_ID", "test"),
            ("AWS_SECRET_ACCESS_KEY", "test"),
            ("AWS_REGION", "us-east-1"),
        ];
        let first = TestApp::seeded_with(test_db, &vars).await;
        let second = first.another_process(testing::sqlite().await, &vars);

        // The application is written through the first process…
        let mut answers = Answers::weaver();
        answers.business_photo = Some(jpeg(300, 300));
        answers.proof = Some(jpeg(300, 400));
        let (_, id) = submitted_application(&first, APPLICANT, &answers).await;
        let stored = application_of(&first, APPLICANT).await.expect("application");
        let (photo, proof) = (stored.business_photo.expect("photo"), stored.proof_photo.expect("proof"));

        // …and every file is served by the second.
        assert_eq!(second.get(&format!("/media/{photo}"), &[]).await.status, StatusCode::OK);
        assert_eq!(second.get(&format!("/media/{proof}"), &[]).await.status, StatusCode::NOT_FOUND, "a private file is no public one");
        let officer = second.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let shown = second.get_with_cookie(&format!("/admin/pengajuan/{id}/bukti"), &officer).await;
        assert_eq!(shown.status, StatusCode::OK);
        assert_eq!(shown.header("cache-control"), "no-store");
        let shopper = second.log_in(demo_login(Role::Shopper), DEMO_PASSWORD).await;
        assert_eq!(second.get_with_cookie(&format!("/admin/pengajuan/{id}/bukti"), &shopper).await.status, StatusCode::FORBIDDEN);
    }
}
