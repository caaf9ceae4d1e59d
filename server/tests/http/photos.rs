//! Product photos over HTTP on both engines: a vendor lists a product with two photos, the
//! files and rows agree through reorder, remove and delete; bad uploads are refused with their
//! reason and leave nothing behind; one vendor never touches another's photos.

use axum::http::StatusCode;
use backend::accounts::AccountId;
use backend::demo::DEMO_PASSWORD;
use backend::listings::{self, ProductId};
use backend::photos::{PhotoKey, PhotoStore};
use backend::storage_test;
use domain::Role;

use crate::applications::jpeg;
use crate::support::{demo_login, Part, Reply, TempDir, TestApp};

/// Tenun Ikat Mama Yuli, an approved demo vendor.
const YULI: &str = "0852-3910-0001";
/// Se'i Babi Om Ferdi, another approved demo vendor.
const FERDI: &str = "0852-3910-0002";

fn fields<'a>(name: &'a str) -> Vec<Part<'a>> {
    vec![
        Part::Text("name", name),
        Part::Text("category", "tenun-fesyen"),
        Part::Text("description", "Selendang tenun ikat motif Amarasi."),
        Part::Text("price", "150.000"),
        Part::Text("unit", "lembar"),
        Part::Text("availability", "ready"),
        Part::Text("lead_days", ""),
    ]
}

fn photo<'a>(filename: &'a str, bytes: &'a [u8]) -> Part<'a> {
    Part::File { name: "foto", filename, content_type: "image/jpeg", bytes }
}

pub async fn create(app: &TestApp, cookie: &str, name: &str, photos: &[(&str, &[u8])]) -> Reply {
    let mut parts = fields(name);
    parts.extend(photos.iter().map(|(filename, bytes)| photo(filename, bytes)));
    app.post_multipart_with_cookie("/lapak/produk", &parts, cookie).await
}

async fn product_named(app: &TestApp, login: &str, name: &str) -> Option<ProductId> {
    let account = AccountId(app.account_id(login).await);
    let own = listings::own_products(&app.test_db.db, account).await.expect("own products");
    own.into_iter().find(|p| p.name == name).map(|p| p.id)
}

/// Stored photo folders (one per key) under the local store.
fn stored_keys(media: &TempDir) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(media.0.join("photos/photos")) else { return Vec::new() };
    let mut keys: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    keys.sort();
    keys
}

/// The S3-compatible server for the S3 test (`TEST_S3_ENDPOINT`), or `None` with a loud
/// banner; with `REQUIRE_S3` set (as in CI) a missing one fails instead.
pub fn s3_endpoint() -> Option<(String, String)> {
    let Ok(endpoint) = std::env::var("TEST_S3_ENDPOINT") else {
        assert!(
            std::env::var_os("REQUIRE_S3").is_none(),
            "REQUIRE_S3 is set but TEST_S3_ENDPOINT is not"
        );
        eprintln!(
            "\n*** S3 PHOTO STORE TEST SKIPPED: TEST_S3_ENDPOINT is unset \
             (source scripts/lib/s3-stub.sh; start_s3_stub starts one) ***\n"
        );
        return None;
    };
    let bucket = std::env::var("TEST_S3_BUCKET").unwrap_or_else(|_| "pasar-test".to_owned());
    Some((endpoint, bucket))
}

/// A folder in the bucket that no other test run uses.
#[expect(clippy::disallowed_methods, reason = "a source of uniqueness, not of the time")]
pub fn unique_prefix() -> String {
    static RUNS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_nanos();
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("run-{}-{nanos}-{run}", std::process::id())
}

fn assert_see_other(reply: &Reply, to: &str) {
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.header("location"), to);
}

storage_test! {
    async fn a_product_with_two_photos_keeps_files_and_rows_in_step(test_db: TestDb) {
        let media = TempDir::new("photos");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &media.path_str())]).await;
        let yuli = app.log_in(YULI, DEMO_PASSWORD).await;
        let (first, second) = (jpeg(1200, 900), jpeg(900, 1200));

        let reply = create(&app, &yuli, "Selendang foto", &[("a.jpg", &first), ("b.jpg", &second)]).await;
        assert_see_other(&reply, "/lapak?selesai=produk");
        let id = product_named(&app, YULI, "Selendang foto").await.expect("created");
        let photos = listings::product_photos(&app.test_db.db, id).await.expect("photos");
        assert_eq!(photos.len(), 2);
        assert_eq!((photos[0].width, photos[0].height), (1200, 900), "the first chosen is the cover");
        assert_eq!((photos[1].width, photos[1].height), (900, 1200));
        // The vendor's edit page shows both, cover first.
        let editing = app.get_with_cookie(&format!("/lapak/produk/{}", id.0), &yuli).await;
        let at = |key: &str| editing.body.find(key).unwrap_or_else(|| panic!("{key} on the edit page"));
        assert!(at(&photos[0].photo_key) < at(&photos[1].photo_key), "cover first");
        assert_eq!(stored_keys(&media), {
            let mut keys: Vec<String> = photos.iter().map(|p| p.photo_key.clone()).collect();
            keys.sort();
            keys
        });
        let files: Vec<String> = std::fs::read_dir(media.0.join("photos/photos").join(&photos[0].photo_key))
            .expect("variants")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(files.len(), 3, "400, 800 and 1200 px: {files:?}");

        // Served with a year of caching, its real type, and no sniffing.
        let served = app.get(&format!("/foto/{}/800.webp", photos[0].photo_key), &[]).await;
        assert_eq!(served.status, StatusCode::OK);
        assert_eq!(served.header("content-type"), "image/webp");
        assert!(served.header("cache-control").contains("immutable"));
        assert_eq!(served.header("x-content-type-options"), "nosniff");
        assert!(served.bytes.starts_with(b"RIFF"));
        assert_eq!(app.get("/foto/../../etc/passwd", &[]).await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get(&format!("/foto/{}/801.webp", photos[0].photo_key), &[]).await.status, StatusCode::NOT_FOUND);

        // The public page: a gallery with srcset and sizes, and the cover as the link preview.
        let page = app.get(&format!("/produk/{}", id.0), &[]).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(&format!("/foto/{}/400.webp 400w", photos[0].photo_key)), "{}", page.body);
        assert!(page.body.contains("property=\"og:image\""), "{}", page.body);
        assert!(page.body.contains(&format!("/foto/{}/800.webp", photos[0].photo_key)));
        assert!(page.body.contains("\"@type\":\"Product\""), "schema.org data: {}", page.body);

        // The second photo becomes the cover, then the first is removed with its files.
        let cover = app
            .post_form_with_cookie(&format!("/lapak/produk/{}/foto/{}", id.0, photos[1].photo_id), "ubah=sampul", &yuli)
            .await;
        assert_see_other(&cover, &format!("/lapak/produk/{}?selesai=foto#foto", id.0));
        let reordered = listings::product_photos(&app.test_db.db, id).await.expect("photos");
        assert_eq!(reordered[0].photo_id, photos[1].photo_id);
        let removed = app
            .post_form_with_cookie(&format!("/lapak/produk/{}/foto/{}", id.0, photos[0].photo_id), "ubah=hapus", &yuli)
            .await;
        assert_eq!(removed.status, StatusCode::SEE_OTHER);
        assert_eq!(stored_keys(&media), [photos[1].photo_key.clone()]);

        // Deleting the product leaves neither rows nor files.
        let deleted = app.post_form_with_cookie(&format!("/lapak/produk/{}/hapus", id.0), "yakin=ya", &yuli).await;
        assert_eq!(deleted.status, StatusCode::SEE_OTHER);
        assert!(listings::product_photos(&app.test_db.db, id).await.expect("photos").is_empty());
        assert!(stored_keys(&media).is_empty(), "files left: {:?}", stored_keys(&media));
    }

    async fn bad_uploads_are_refused_with_their_reason_and_leave_nothing(test_db: TestDb) {
        let media = TempDir::new("photos-bad");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &media.path_str())]).await;
        let yuli = app.log_in(YULI, DEMO_PASSWORD).await;
        let good = jpeg(800, 600);

        let not_a_picture = create(&app, &yuli, "Bukan foto", &[("a.jpg", &good), ("x.jpg", b"hello, not a picture")]).await;
        assert_eq!(not_a_picture.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(not_a_picture.body.contains("Foto 2 bukan gambar JPEG, PNG atau WebP"), "{}", not_a_picture.body);
        assert!(not_a_picture.body.contains("value=\"Bukan foto\""), "what was typed is kept");

        let heic = create(&app, &yuli, "Foto iPhone", &[("a.heic", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic")]).await;
        assert_eq!(heic.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(heic.body.contains("HEIC"), "{}", heic.body);

        let seven: Vec<Vec<u8>> = (0..7).map(|i| jpeg(300 + i, 300)).collect();
        let seven_parts: Vec<(&str, &[u8])> = seven.iter().map(|b| ("p.jpg", b.as_slice())).collect();
        let too_many = create(&app, &yuli, "Tujuh foto", &seven_parts).await;
        assert_eq!(too_many.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(too_many.body.contains("Paling banyak 6 foto"), "{}", too_many.body);

        let mut polyglot = good.clone();
        polyglot.extend_from_slice(b"<script>alert(1)</script>");
        let smuggled = create(&app, &yuli, "Poliglot", &[("p.jpg", &polyglot)]).await;
        assert_eq!(smuggled.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(smuggled.body.contains("berisi data lain"), "{}", smuggled.body);

        for name in ["Bukan foto", "Foto iPhone", "Tujuh foto", "Poliglot"] {
            assert!(product_named(&app, YULI, name).await.is_none(), "{name} was saved");
        }
        assert!(stored_keys(&media).is_empty(), "files left: {:?}", stored_keys(&media));

        // A 7th photo added later is refused too, and the six stay.
        let six: Vec<(&str, &[u8])> = seven_parts[..6].to_vec();
        assert_see_other(&create(&app, &yuli, "Enam foto", &six).await, "/lapak?selesai=produk");
        let id = product_named(&app, YULI, "Enam foto").await.expect("six photos are fine");
        let seventh = app
            .post_multipart_with_cookie(&format!("/lapak/produk/{}/foto", id.0), &[photo("g.jpg", &seven[6])], &yuli)
            .await;
        assert_eq!(seventh.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(seventh.body.contains("Masih bisa 0 foto lagi"), "{}", seventh.body);
        assert_eq!(listings::product_photos(&app.test_db.db, id).await.expect("photos").len(), 6);
        assert_eq!(stored_keys(&media).len(), 6);
    }

    async fn one_vendor_cannot_touch_another_vendors_photos(test_db: TestDb) {
        let media = TempDir::new("photos-own");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &media.path_str())]).await;
        let yuli = app.log_in(YULI, DEMO_PASSWORD).await;
        let ferdi = app.log_in(FERDI, DEMO_PASSWORD).await;
        let shopper = app.log_in(demo_login(Role::Shopper), DEMO_PASSWORD).await;
        let picture = jpeg(800, 600);
        assert_see_other(&create(&app, &yuli, "Sarung Yuli", &[("a.jpg", &picture)]).await, "/lapak?selesai=produk");
        let id = product_named(&app, YULI, "Sarung Yuli").await.expect("created");
        let photo_id = listings::product_photos(&app.test_db.db, id).await.expect("photos")[0].photo_id;

        let other = jpeg(640, 480);
        let added = app.post_multipart_with_cookie(&format!("/lapak/produk/{}/foto", id.0), &[photo("o.jpg", &other)], &ferdi).await;
        assert_eq!(added.status, StatusCode::NOT_FOUND);
        let removed = app.post_form_with_cookie(&format!("/lapak/produk/{}/foto/{photo_id}", id.0), "ubah=hapus", &ferdi).await;
        assert_eq!(removed.status, StatusCode::NOT_FOUND);
        assert_eq!(listings::product_photos(&app.test_db.db, id).await.expect("photos").len(), 1);
        assert_eq!(stored_keys(&media).len(), 1, "Ferdi's refused photo is not kept");
        // Refused before the upload is read or decoded: a corrupt file is not even looked at
        // (decoding it first would answer 422, "the photo is damaged").
        let corrupt = app
            .post_multipart_with_cookie(&format!("/lapak/produk/{}/foto", id.0), &[photo("x.jpg", b"\xff\xd8\xff broken")], &ferdi)
            .await;
        assert_eq!(corrupt.status, StatusCode::NOT_FOUND);

        // A shopper is told to apply, before any photo is decoded.
        let refused = create(&app, &shopper, "Bukan pelapak", &[("a.jpg", &picture)]).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        assert_eq!(stored_keys(&media).len(), 1);
        // ...before the body is even read: a body that is not a form gets the same answer,
        // not the 400 a vendor would get for it.
        let unread = app
            .send(
                axum::http::Request::post("/lapak/produk")
                    .header("cookie", &shopper)
                    .header("content-type", "multipart/form-data; boundary=X")
                    .header("origin", app.origin())
                    .body(axum::body::Body::from("not multipart at all"))
                    .expect("request"),
            )
            .await;
        assert_eq!(unread.status, StatusCode::FORBIDDEN, "{}", unread.body);
    }

    async fn photos_round_trip_through_an_s3_compatible_bucket_under_its_prefix(test_db: TestDb) {
        let Some((endpoint, bucket)) = s3_endpoint() else { return };
        let settings = [
            ("AWS_ENDPOINT", endpoint.as_str()),
            ("AWS_ALLOW_HTTP", "true"),
            ("AWS_ACCESS_KEY_ID", "test"),
            ("AWS_SECRET_ACCESS_KEY", "test"),
            ("AWS_REGION", "us-east-1"),
        ];
        let url = format!("s3://{bucket}/{}", unique_prefix());
        let mut vars = vec![("PASAR_PHOTO_STORE", url.as_str())];
        vars.extend(settings);
        let app = TestApp::seeded_with(test_db, &vars).await;
        let yuli = app.log_in(YULI, DEMO_PASSWORD).await;

        let reply = create(&app, &yuli, "Selendang di S3", &[("a.jpg", &jpeg(1200, 900))]).await;
        assert_see_other(&reply, "/lapak?selesai=produk");
        let id = product_named(&app, YULI, "Selendang di S3").await.expect("created");
        let key = listings::product_photos(&app.test_db.db, id).await.expect("photos")[0].photo_key.clone();
        let served = app.get(&format!("/foto/{key}/800.webp"), &[]).await;
        assert_eq!(served.status, StatusCode::OK);
        assert_eq!(served.header("content-type"), "image/webp");
        assert!(served.bytes.starts_with(b"RIFF"));

        // Kept under the prefix the address names, not at the bucket's root.
        let photo_key = PhotoKey::parse(&key).expect("key");
        let under_prefix = PhotoStore::s3(&url, &settings, 1).expect("store");
        let bucket_root = PhotoStore::s3(&format!("s3://{bucket}"), &settings, 1).expect("store");
        let mut widths = under_prefix.stored_widths(&photo_key).await.expect("list");
        widths.sort_unstable();
        assert_eq!(widths, [400, 800, 1200]);
        assert!(bucket_root.stored_widths(&photo_key).await.expect("list").is_empty());

        // Deleting the product deletes its files from the bucket.
        let deleted = app.post_form_with_cookie(&format!("/lapak/produk/{}/hapus", id.0), "yakin=ya", &yuli).await;
        assert_see_other(&deleted, "/lapak?selesai=produk-dihapus");
        assert!(under_prefix.stored_widths(&photo_key).await.expect("list").is_empty());
        assert_eq!(app.get(&format!("/foto/{key}/800.webp"), &[]).await.status, StatusCode::NOT_FOUND);
    }

    async fn a_post_past_the_upload_budget_is_refused_at_once_and_saves_nothing(test_db: TestDb) {
        let media = TempDir::new("photos-busy");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &media.path_str()), ("PASAR_UPLOAD_MEMORY_MB", "1")]).await;
        let yuli = app.log_in(YULI, DEMO_PASSWORD).await;

        // 2 MB of upload against a 1 MB budget: refused while it is read, not after.
        let large = vec![0xff_u8; 2 * 1024 * 1024];
        let reply = create(&app, &yuli, "Terlalu banyak", &[("a.jpg", &large)]).await;
        assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE, "{}", reply.body);
        assert!(reply.body.contains("Server sedang sibuk menerima banyak foto"), "{}", reply.body);
        assert!(reply.body.contains("value=\"Terlalu banyak\""), "what was typed comes back: {}", reply.body);
        assert_eq!(product_named(&app, YULI, "Terlalu banyak").await, None);
        assert!(stored_keys(&media).is_empty());

        // The refused post gave its part back: a phone-sized photo goes through.
        let reply = create(&app, &yuli, "Cukup", &[("a.jpg", &jpeg(800, 600))]).await;
        assert_see_other(&reply, "/lapak?selesai=produk");
        let id = product_named(&app, YULI, "Cukup").await.expect("created");
        let more = app.post_multipart_with_cookie(&format!("/lapak/produk/{}/foto", id.0), &[photo("b.jpg", &large)], &yuli).await;
        assert_eq!(more.status, StatusCode::SERVICE_UNAVAILABLE, "{}", more.body);
        assert_eq!(listings::product_photos(&app.test_db.db, id).await.expect("photos").len(), 1);
    }

    async fn the_sweep_removes_only_old_unreferenced_photos(test_db: TestDb) {
        let store = backend::photos::PhotoStore::in_memory();
        let orphan = store.process(jpeg(640, 480)).await.expect("ran").expect("accepted");
        store.save(&orphan).await.expect("saved");
        let now = backend::Clock::system().now();
        assert_eq!(store.sweep(&test_db.db, now, 3600).await.expect("sweep"), 0, "young files are spared");
        assert_eq!(store.sweep(&test_db.db, now + 7200, 3600).await.expect("sweep"), 1);
        assert!(store.stored_widths(&orphan.key).await.expect("list").is_empty());
    }
}
