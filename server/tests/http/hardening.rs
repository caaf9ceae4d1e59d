//! The twelve findings of the outside security review (issue 12), each kept fixed by a test
//! named after what must hold. Storage-touching ones run on both engines.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use backend::accounts::AccountId;
use backend::demo::DEMO_PASSWORD;
use backend::storage_test;
use backend::{listings, with_pool};
use domain::Role;

use crate::applications::{
    application_of, jpeg, post_business, submitted_application, Answers, APPLICANT,
};
use crate::support::{demo_login, form, LogCapture, Part, TempDir, TestApp};

/// Tenun Ikat Mama Yuli (Oebobo), an approved demo vendor.
const YULI: &str = "0852-3910-0001";

/// What the reviewer sent: a product name that, unescaped in `<title>`, would redirect every
/// visitor to another site.
const HOSTILE: &str =
    "</title><meta http-equiv=refresh content=0;url=http://evil.example/><script>x</script>";

/// The document's `<head>`.
fn head(body: &str) -> &str {
    let start = body.find("<head>").expect("a head");
    let end = body.find("</head>").expect("the head ends");
    &body[start..end]
}

/// The elements a document holds, by tag name, in order (`<title`, `<meta`, `<script`, …).
fn tags(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .filter_map(|rest| {
            let name: String =
                rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '!').collect();
            (!name.is_empty()).then_some(name)
        })
        .collect()
}

async fn execute(app: &TestApp, sql: &str, value: &str, id: i64) {
    with_pool!(&app.test_db.db, |pool| sqlx::query(sql)
        .bind(value)
        .bind(id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
    .expect("update a row");
}

/// Yuli's first public product, her public address and the category of that product.
async fn yuli_pages(app: &TestApp) -> (i64, String, String) {
    let yuli = AccountId(app.account_id(YULI).await);
    let product = listings::own_products(&app.test_db.db, yuli).await.expect("own")[0].id.0;
    let (slug, category): (String, String) = with_pool!(&app.test_db.db, |pool| sqlx::query_as(
        "select v.public_slug, c.slug from product p
         join vendor v on v.vendor_id = p.vendor_id
         join product_category c on c.category_id = p.category_id
         where p.product_id = $1"
    )
    .bind(product)
    .fetch_one(pool)
    .await)
    .expect("slug and category");
    (product, slug, category)
}

/// Every public page that shows a name someone typed, with `q` in the search.
fn public_pages(product: i64, slug: &str, category: &str, q: &str) -> Vec<String> {
    let q = url::form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>();
    vec![
        "/".to_owned(),
        format!("/produk/{product}"),
        format!("/pelapak/{slug}"),
        format!("/kategori/{category}"),
        format!("/cari?q={q}"),
        format!("/kategori/{category}?q={q}"),
    ]
}

storage_test! {
    // Finding 1.
    async fn hostile_names_and_queries_stay_text_in_every_public_page_and_its_head(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let (product, slug, category) = yuli_pages(&app).await;
        // A query that finds nothing, like the hostile one: the pages then have the same shape.
        let benign = public_pages(product, &slug, &category, "tidak ada hasilnya");
        let mut expected = Vec::new();
        for path in &benign {
            let page = app.get(path, &[]).await;
            assert_eq!(page.status, StatusCode::OK, "{path}");
            expected.push((tags(head(&page.body)), tags(&page.body).len()));
        }

        execute(&app, "update product set name = $1 where product_id = $2", HOSTILE, product).await;
        let vendor: i64 = with_pool!(&app.test_db.db, |pool| sqlx::query_scalar(
            "select vendor_id from product where product_id = $1"
        ).bind(product).fetch_one(pool).await).expect("vendor");
        execute(&app, "update vendor set business_name = $1 where vendor_id = $2", HOSTILE, vendor).await;
        execute(&app, "update product_category set name_id = $1 where category_id = (select category_id from product where product_id = $2)", HOSTILE, product).await;
        let hostile = public_pages(product, &slug, &category, HOSTILE);

        for ((path, (head_tags, all_tags)), benign_path) in hostile.iter().zip(expected).zip(&benign) {
            let page = app.get(path, &[]).await;
            assert_eq!(page.status, StatusCode::OK, "{path}");
            let head_html = head(&page.body);
            assert_eq!(head_html.matches("<title>").count(), 1, "{path}: {head_html}");
            assert!(!page.body.contains("<meta http-equiv"), "{path}: {head_html}");
            assert_eq!(tags(head_html), head_tags, "{path} has the head elements {benign_path} has");
            assert_eq!(tags(&page.body).len(), all_tags, "{path} has no element {benign_path} lacks");
        }
        let product_page = app.get(&format!("/produk/{product}"), &[]).await;
        assert!(head(&product_page.body).contains("&lt;/title&gt;&lt;meta"), "the name is shown as text");
    }

    // Finding 2.
    async fn a_deep_png_for_an_application_is_refused_from_its_header_by_the_shared_pipeline(test_db: TestDb) {
        let media = TempDir::new("deep-png");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &media.path_str())]).await;
        let shopper = app.log_in(demo_login(Role::Shopper), DEMO_PASSWORD).await;
        let mut answers = Answers::weaver();
        answers.business_photo = Some(backend::testing::deep_png_header(7000, 7000));

        let reply = post_business(&app, &shopper, &answers).await;

        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        assert!(reply.body.contains("Foto terlalu besar"), "{}", reply.body);
        assert!(media.files_in("public").is_empty(), "nothing stored");
    }

    // Finding 2: the cheap check first.
    async fn a_photo_for_an_application_under_review_is_refused_before_it_is_decoded(test_db: TestDb) {
        let media = TempDir::new("locked");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &media.path_str())]).await;
        let (applicant, _) = submitted_application(&app, APPLICANT, &Answers::weaver()).await;
        let mut answers = Answers::weaver();
        // A picture the pipeline would refuse: the answer shows the lock was checked first.
        answers.business_photo = Some(backend::testing::deep_png_header(7000, 7000));

        let reply = post_business(&app, &applicant, &answers).await;

        assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
        assert!(!reply.body.contains("Foto terlalu besar"), "not decoded: {}", reply.body);
        assert!(media.files_in("public").is_empty());
    }

    // Finding 3.
    async fn a_burst_of_wrong_passwords_reaches_the_hash_at_most_five_times(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let login = demo_login(Role::Shopper);
        let wrong = form(&[("login", login), ("password", "bukan-sandinya-123")]);
        let right = form(&[("login", login), ("password", DEMO_PASSWORD)]);

        let burst: Vec<_> = (0..13).map(|_| app.post_form("/masuk", &wrong)).collect();
        let replies = futures_util::future::join_all(burst).await;

        let statuses: Vec<StatusCode> = replies.iter().map(|r| r.status).collect();
        let verified = statuses.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
        let refused = statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
        assert_eq!((verified, refused), (5, 8), "{statuses:?}");
        // The limit holds afterwards too, for the right password.
        assert_eq!(app.post_form("/masuk", &right).await.status, StatusCode::TOO_MANY_REQUESTS);
    }

    // Finding 4.
    async fn an_oversized_text_field_is_refused_while_read_and_never_echoed(test_db: TestDb) {
        let media = TempDir::new("long-text");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &media.path_str())]).await;
        let yuli = app.log_in(YULI, DEMO_PASSWORD).await;
        let applicant = app.log_in(APPLICANT, DEMO_PASSWORD).await;
        let long = "tenun ".repeat(20_000);
        let marker = &long[..60];

        let product = app.post_multipart_with_cookie("/lapak/produk", &[
            Part::Text("name", "Selendang"),
            Part::Text("category", "tenun-fesyen"),
            Part::Text("description", &long),
            Part::Text("price", "150000"),
        ], &yuli).await;
        let mut answers = Answers::weaver();
        answers.description = long.clone();
        answers.business_photo = Some(jpeg(640, 480));
        let step = post_business(&app, &applicant, &answers).await;
        let plain = app.post_form("/masuk", &form(&[("login", &long), ("password", "x")])).await;

        for (what, reply) in [("product form", &product), ("application step", &step), ("login form", &plain)] {
            assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE, "{what}: {}", &reply.body[..reply.body.len().min(500)]);
            assert!(reply.body.contains("Isian terlalu panjang"), "{what}: translated");
            assert!(!reply.body.contains(marker) && reply.body.len() < 4_000, "{what}: not echoed");
        }
        assert!(application_of(&app, APPLICANT).await.is_none(), "nothing saved");
        assert!(media.files_in("public").is_empty(), "the photo after the field was never decoded");
    }

    // Finding 5.
    async fn erasure_is_completed_only_when_the_applicant_asked_for_it(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let (_, id) = submitted_application(&app, APPLICANT, &Answers::weaver()).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;

        let reply = app.post_form_with_cookie(&format!("/admin/pengajuan/{id}/hapus-data"), "", &admin).await;

        assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
        assert!(reply.body.contains("belum meminta penghapusan"), "{}", reply.body);
        let application = application_of(&app, APPLICANT).await.expect("still there");
        assert!(application.erased_at.is_none());
        assert_eq!(application.owner_name, "Yohana Pandie");
    }

    // Finding 6.
    async fn an_officer_cannot_decide_reveal_or_erase_their_own_application(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let (_, id) = submitted_application(&app, APPLICANT, &Answers::weaver()).await;
        let own = app.account_id(APPLICANT).await;
        with_pool!(&app.test_db.db, |pool| sqlx::query("update account set role = 'admin' where account_id = $1")
            .bind(own).execute(pool).await.map(|r| r.rows_affected())).expect("make the applicant an officer");
        let officer = app.log_in(APPLICANT, DEMO_PASSWORD).await;
        assert_eq!(app.post_form_with_cookie("/pengajuan/hapus-data", "", &officer).await.status, StatusCode::SEE_OTHER);

        let decided = app.post_form_with_cookie(&format!("/admin/pengajuan/{id}/keputusan"), &form(&[("langkah", "approve"), ("pesan", "")]), &officer).await;
        let revealed = app.post_form_with_cookie(&format!("/admin/pengajuan/{id}/nik"), &form(&[("alasan", "Cek data saya")]), &officer).await;
        let erased = app.post_form_with_cookie(&format!("/admin/pengajuan/{id}/hapus-data"), "", &officer).await;

        for (what, reply) in [("decision", &decided), ("reveal", &revealed), ("erasure", &erased)] {
            assert_eq!(reply.status, StatusCode::FORBIDDEN, "{what}: {}", reply.body);
            assert!(reply.body.contains("pengajuan Anda sendiri"), "{what}: translated");
        }
        assert!(!revealed.body.contains(crate::applications::NIK));
        let application = application_of(&app, APPLICANT).await.expect("still there");
        assert_eq!(application.status, domain::application::ApplicationStatus::Submitted);
        assert!(application.erased_at.is_none());
        // A second officer can.
        let second = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let approved = app.post_form_with_cookie(&format!("/admin/pengajuan/{id}/keputusan"), &form(&[("langkah", "approve"), ("pesan", "")]), &second).await;
        assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);
    }

    // Finding 7.
    async fn the_review_queue_refuses_to_list_drafts(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let applicant = app.log_in(APPLICANT, DEMO_PASSWORD).await;
        assert_eq!(post_business(&app, &applicant, &Answers::weaver()).await.status, StatusCode::SEE_OTHER);
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;

        let by_fn = app.post_form_with_cookie("/api/review/queue", "status=draft&kecamatan=&category=&search=&page=0", &admin).await;
        let by_page = app.get_with_cookie("/admin/pengajuan?status=draft", &admin).await;
        let query = backend::vendors::QueueQuery { status: Some(domain::application::ApplicationStatus::Draft), ..Default::default() };
        let (rows, total) = backend::vendors::review_queue(&app.test_db.db, &query).await.expect("queue");

        assert_eq!(by_fn.status, StatusCode::BAD_REQUEST, "{}", by_fn.body);
        assert_eq!(by_page.status, StatusCode::BAD_REQUEST);
        assert!(!by_page.body.contains("Yohana Pandie") && !by_page.body.contains("Tenun Ikat Ina Rote"));
        assert!(rows.is_empty() && total == 0, "{rows:?}");
    }

    // Finding 8.
    async fn a_value_with_a_closing_textarea_tag_stays_inside_its_field(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let (product, _, _) = yuli_pages(&app).await;
        let breakout = "Kain</textarea><img src=x id=injected>";
        execute(&app, "update product set description = $1 where product_id = $2", breakout, product).await;
        let yuli = app.log_in(YULI, DEMO_PASSWORD).await;

        let page = app.get_with_cookie(&format!("/lapak/produk/{product}"), &yuli).await;

        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Kain&lt;/textarea&gt;&lt;img"), "{}", page.body);
        assert!(!page.body.contains("id=injected>") && !page.body.contains("<img src=x"));
    }

    // Finding 10 and 11.
    async fn registrations_from_one_address_are_limited_whether_or_not_the_login_exists(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let existing = demo_login(Role::Shopper);
        let mut statuses = Vec::new();
        for i in 0..10 {
            // Half new logins, half an existing one: both count.
            let login = if i % 2 == 0 { format!("0812-7000-{i:04}") } else { existing.to_owned() };
            let reply = app.post_form("/daftar", &form(&[("login", &login), ("password", "sandi-baru-2026")])).await;
            statuses.push(reply.status);
        }
        let refused_new = app.post_form("/daftar", &form(&[("login", "0812-7000-9999"), ("password", "sandi-baru-2026")])).await;
        let refused_taken = app.post_form("/daftar", &form(&[("login", existing), ("password", "sandi-baru-2026")])).await;

        assert!(statuses.iter().all(|s| *s != StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");
        assert_eq!(refused_new.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(refused_taken.status, StatusCode::TOO_MANY_REQUESTS, "the same answer: nothing told");
        assert!(refused_taken.body.contains("Terlalu banyak percobaan"), "{}", refused_taken.body);
        let created: i64 = with_pool!(&app.test_db.db, |pool| sqlx::query_scalar(
            "select count(*) from account where phone like '+6281270009%'"
        ).fetch_one(pool).await).expect("count");
        assert_eq!(created, 0);
    }

    // Finding 12.
    async fn wrong_current_passwords_on_the_change_form_are_limited_like_logins(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let session = app.log_in(demo_login(Role::Shopper), DEMO_PASSWORD).await;
        let guess = |current: &'static str| form(&[("current_password", current), ("new_password", "sandi-baru-2026")]);
        for _ in 0..5 {
            let reply = app.post_form_with_cookie("/akun/sandi", &guess("tebakan-salah-1"), &session).await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        }

        let sixth = app.post_form_with_cookie("/akun/sandi", &guess(DEMO_PASSWORD), &session).await;

        assert_eq!(sixth.status, StatusCode::TOO_MANY_REQUESTS, "{}", sixth.body);
        assert!(sixth.body.contains("Terlalu banyak percobaan"));
        // The password did not change: the old one still logs in.
        app.log_in(demo_login(Role::Shopper), DEMO_PASSWORD).await;
    }

    // Also fixed: one address per photo file.
    async fn a_photo_variant_has_exactly_one_address(test_db: TestDb) {
        let media = TempDir::new("one-address");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &media.path_str())]).await;
        let yuli = app.log_in(YULI, DEMO_PASSWORD).await;
        let listed = crate::photos::create(&app, &yuli, "Selendang", &[("a.jpg", &jpeg(800, 600))]).await;
        assert_eq!(listed.status, StatusCode::SEE_OTHER, "{}", listed.body);
        let key: String = with_pool!(&app.test_db.db, |pool| sqlx::query_scalar(
            "select photo_key from product_photo limit 1"
        ).fetch_one(pool).await).expect("the photo");

        assert_eq!(app.get(&format!("/foto/{key}/400.webp"), &[]).await.status, StatusCode::OK);
        for other in ["+400.webp", "0400.webp", "400.0.webp"] {
            assert_eq!(app.get(&format!("/foto/{key}/{other}"), &[]).await.status, StatusCode::NOT_FOUND, "{other}");
        }
    }
}

// Finding 9.
#[tokio::test]
async fn malformed_server_fn_arguments_answer_400_without_an_error_log_and_access_comes_first() {
    let app = TestApp::seeded(backend::testing::sqlite().await).await;
    let (logs, _guard) = LogCapture::start();
    let post = |body: &'static [u8], content_type: &'static str| {
        Request::post("/api/products/one")
            .header("content-type", content_type)
            .header("origin", app.origin())
            .body(Body::from(body))
            .expect("request")
    };
    let form_type = "application/x-www-form-urlencoded";

    for (what, request) in [
        ("a word for a number", post(b"id=abc", form_type)),
        ("nothing", post(b"", form_type)),
        ("a repeated field", post(b"id=1&id=2", form_type)),
        ("bad UTF-8", post(b"id=%FF%FE", form_type)),
        ("JSON", post(b"{\"id\": \"x\"}", "application/json")),
    ] {
        let reply = app.send(request).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{what}: {}", reply.body);
    }
    let anonymous = app.post_form("/api/review/queue", "page=-1").await;
    let shopper = app.log_in(demo_login(Role::Shopper), DEMO_PASSWORD).await;
    let lower_role = app.post_form_with_cookie("/api/review/queue", "page=-1", &shopper).await;

    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED, "{}", anonymous.body);
    assert_eq!(lower_role.status, StatusCode::FORBIDDEN, "{}", lower_role.body);
    assert!(!logs.text().contains("ERROR"), "{}", logs.text());
}

// Also fixed: the origin check compares the scheme too.
#[tokio::test]
async fn an_https_origin_on_our_host_is_refused_by_the_http_site() {
    let app = TestApp::seeded(backend::testing::sqlite().await).await;
    let post = |origin: &str| {
        Request::post("/bahasa")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("origin", origin)
            .header("host", "localhost:3000")
            .body(Body::from("lang=en&next=%2F"))
            .expect("request")
    };

    assert_eq!(app.send(post("https://localhost:3000")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.send(post("http://localhost:3000")).await.status, StatusCode::SEE_OTHER);
}
