//! The Dinas's side of vendor applications over HTTP: the queue (oldest first, filters,
//! search), decisions and their reasons, suspension hiding a profile at once, two admins
//! deciding together, the logged NIK reveal, the logged proof-of-return view, erasure, and the
//! WhatsApp link.

use axum::http::StatusCode;
use backend::demo::DEMO_PASSWORD;
use backend::storage_test;
use domain::application::ApplicationStatus;
use domain::Role;

use crate::applications::{
    application_of, assert_redirect, audit_about, decide, field_error, jpeg, jpeg_with_exif,
    notices_of, post_business, post_identity, post_returnee, save_steps, submit,
    submitted_application, Answers, APPLICANT, DEMO_VENDOR_NIK, NIK, NIK_MASKED, OTHER_APPLICANT,
};
use crate::support::{demo_login, form, TempDir, TestApp};

/// The demo applications waiting for review, oldest submission first.
const WAITING: [&str; 3] =
    ["Ikan Asap Oesapa Ibu Ani", "Gula Lempeng Om Markus", "Keripik Pisang Nona Eka"];

/// The demo vendor who runs "Ikan Asap Oesapa Ibu Ani" (waiting for review).
const WAITING_APPLICANT: &str = "0852-3910-0013";
/// The demo vendor behind `/pelapak/demo-1` (approved).
const FIRST_VENDOR: &str = "0852-3910-0001";

async fn id_of_business(app: &TestApp, business: &str) -> i64 {
    backend::with_pool!(&app.test_db.db, |pool| sqlx::query_scalar(
        "select application_id from vendor_application where business_name = $1"
    )
    .bind(business)
    .fetch_one(pool)
    .await)
    .unwrap_or_else(|error| panic!("no application {business}: {error}"))
}

async fn status_of(app: &TestApp, id: i64) -> ApplicationStatus {
    backend::vendors::find_by_id(&app.test_db.db, backend::vendors::ApplicationId(id))
        .await
        .expect("read")
        .expect("exists")
        .status
}

/// The business names listed on a queue page, in order.
fn listed(body: &str, candidates: &[&str]) -> Vec<String> {
    let mut found: Vec<(usize, String)> = candidates
        .iter()
        .filter_map(|name| body.find(&format!(">{name}</a>")).map(|at| (at, (*name).to_owned())))
        .collect();
    found.sort();
    found.into_iter().map(|(_, name)| name).collect()
}

/// What erasure leaves of an application's personal columns: the NIK's five (ciphertext, key
/// id, keyed hash, masked form, NIB), owner name, WhatsApp, address, the two file keys, and
/// when it was erased.
type ErasedRow = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<i64>,
);

const ALL_DEMO_BUSINESSES: [&str; 7] = [
    "Ikan Asap Oesapa Ibu Ani",
    "Gula Lempeng Om Markus",
    "Keripik Pisang Nona Eka",
    "Bakso Ikan Ibu Sarah",
    "Pulsa dan Aksesori HP Kak Beni",
    "Tenun Ikat Mama Yuli",
    "Tenun Ikat Ina Rote",
];

storage_test! {
    async fn the_queue_lists_waiting_applications_oldest_first_with_filters_and_search(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let queue = |query: &'static str| {
            let (app, admin) = (&app, &admin);
            async move {
                let reply = app.get_with_cookie(&format!("/admin/pengajuan{query}"), admin).await;
                assert_eq!(reply.status, StatusCode::OK, "{query}: {}", reply.body);
                reply.body
            }
        };

        let waiting = queue("").await;
        assert_eq!(listed(&waiting, &ALL_DEMO_BUSINESSES), WAITING, "oldest first, waiting only");
        assert!(waiting.contains("3 pengajuan"), "{waiting}");

        submitted_application(&app, APPLICANT, &Answers::weaver()).await;
        let waiting = queue("").await;
        assert_eq!(
            listed(&waiting, &ALL_DEMO_BUSINESSES),
            [WAITING[0], WAITING[1], WAITING[2], "Tenun Ikat Ina Rote"],
            "the newest submission comes last"
        );

        let cases: [(&str, &[&str]); 12] = [
            ("?kategori=kuliner", &[WAITING[0], WAITING[2]]),
            ("?kategori=hasil-bumi", &[WAITING[1]]),
            ("?kategori=tenun", &["Tenun Ikat Ina Rote"]),
            ("?kecamatan=kelapa-lima", &[WAITING[0]]),
            ("?kecamatan=oebobo", &["Tenun Ikat Ina Rote"]),
            ("?kecamatan=maulafa&kategori=kuliner", &[WAITING[2]]),
            ("?q=keripik", &[WAITING[2]]),
            ("?q=NALLE", &[WAITING[1]]),
            ("?q=yohana", &["Tenun Ikat Ina Rote"]),
            ("?q=%25", &[]),
            ("?status=changes_requested", &["Bakso Ikan Ibu Sarah"]),
            ("?status=rejected", &["Pulsa dan Aksesori HP Kak Beni"]),
        ];
        for (query, expected) in cases {
            let body = queue(query).await;
            assert_eq!(listed(&body, &ALL_DEMO_BUSINESSES), expected, "{query}");
            assert!(body.contains(&format!("{} pengajuan", expected.len())), "{query}: {body}");
        }
        let approved = queue("?status=approved").await;
        assert!(approved.contains("12 pengajuan"), "{approved}");
        assert_eq!(listed(&approved, &ALL_DEMO_BUSINESSES), ["Tenun Ikat Mama Yuli"]);
    }

    async fn decisions_that_need_a_reason_are_refused_without_one_and_every_decision_is_audited(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let admin_id = app.account_id(demo_login(Role::MarketOfficer)).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let id = id_of_business(&app, WAITING[0]).await;

        for (step, message) in [("reject", ""), ("request_changes", "   \n "), ("reject", "\t")] {
            let reply = decide(&app, &admin, id, step, message).await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{step}: {}", reply.body);
            assert_eq!(
                field_error(&reply.body, "decision", "pesan").as_deref(),
                Some("Tulis pesan atau alasan untuk keputusan ini."),
                "{step}"
            );
        }
        for step in ["hapus", "submit", "resubmit", ""] {
            let reply = decide(&app, &admin, id, step, "Pesan yang diketik tetap ada").await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{step}: {}", reply.body);
            assert!(reply.body.contains("Keputusan itu tidak dikenal."), "{step}: {}", reply.body);
            assert!(reply.body.contains("Pesan yang diketik tetap ada"), "{step}: the message typed comes back");
        }
        let too_long = "a".repeat(domain::vendor::limits::MESSAGE + 1);
        let reply = decide(&app, &admin, id, "reject", &too_long).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(status_of(&app, id).await, ApplicationStatus::Submitted, "nothing decided");
        assert!(audit_about(&app, WAITING_APPLICANT).await.is_empty());
        assert!(notices_of(&app, WAITING_APPLICANT).await.is_empty());

        let reason = "Data kepulangan tidak sesuai dengan dokumen BP2MI.";
        assert_redirect(&decide(&app, &admin, id, "reject", reason).await, &format!("/admin/pengajuan/{id}"));
        assert_eq!(status_of(&app, id).await, ApplicationStatus::Rejected);
        assert_eq!(audit_about(&app, WAITING_APPLICANT).await, [(Some(admin_id), "application:reject".to_owned(), reason.to_owned())]);
        assert_eq!(notices_of(&app, WAITING_APPLICANT).await, ["reject"]);
        let vendor = app.log_in(WAITING_APPLICANT, DEMO_PASSWORD).await;
        let dashboard = app.get_with_cookie("/pengajuan", &vendor).await;
        assert!(dashboard.body.contains("Ditolak") && dashboard.body.contains(reason), "{}", dashboard.body);
        assert!(dashboard.body.contains("Pengajuan ditolak"), "the notice: {}", dashboard.body);

        for step in ["approve", "request_changes", "reject", "reinstate"] {
            let reply = decide(&app, &admin, id, step, "Coba lagi").await;
            assert_eq!(reply.status, StatusCode::CONFLICT, "{step} after a rejection: {}", reply.body);
            assert!(reply.body.contains("Pengajuan ini sudah diputuskan petugas lain."), "{}", reply.body);
        }
        assert_eq!(status_of(&app, id).await, ApplicationStatus::Rejected);
        assert_eq!(audit_about(&app, WAITING_APPLICANT).await.len(), 1, "refusals are not decisions");
        assert_eq!(decide(&app, &admin, 987_654, "approve", "").await.status, StatusCode::NOT_FOUND);

        // A draft is the applicant's own: no decision applies to it, and reviewers do not see it.
        let applicant = app.log_in(APPLICANT, DEMO_PASSWORD).await;
        assert_redirect(&post_business(&app, &applicant, &Answers::weaver()).await, "/pengajuan/pemilik");
        let draft = application_of(&app, APPLICANT).await.expect("draft").id.0;
        let reply = decide(&app, &admin, draft, "approve", "").await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "to a reviewer a draft does not exist: {}", reply.body);
        assert!(!reply.body.contains("Tenun Ikat Ina Rote"));
        assert_eq!(status_of(&app, draft).await, ApplicationStatus::Draft);
        assert_eq!(app.get_with_cookie(&format!("/admin/pengajuan/{draft}"), &admin).await.status, StatusCode::NOT_FOUND);
    }

    async fn suspending_hides_the_public_profile_at_once_and_reinstating_shows_it_again(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let admin_id = app.account_id(demo_login(Role::MarketOfficer)).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let id = id_of_business(&app, "Tenun Ikat Mama Yuli").await;
        let profile = app.get("/pelapak/demo-1", &[]).await;
        assert_eq!(profile.status, StatusCode::OK, "{}", profile.body);
        assert!(profile.body.contains("Tenun Ikat Mama Yuli"));

        let refused = decide(&app, &admin, id, "suspend", "").await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(field_error(&refused.body, "decision", "pesan").as_deref(), Some("Tulis pesan atau alasan untuk keputusan ini."));
        assert_eq!(app.get("/pelapak/demo-1", &[]).await.status, StatusCode::OK, "still public");

        let why = "Laporan pembeli: produk tidak sesuai foto, sedang diperiksa.";
        assert_redirect(&decide(&app, &admin, id, "suspend", why).await, &format!("/admin/pengajuan/{id}"));
        let hidden = app.get("/pelapak/demo-1", &[]).await;
        assert_eq!(hidden.status, StatusCode::NOT_FOUND, "gone at once");
        assert!(!hidden.body.contains("Tenun Ikat Mama Yuli"), "{}", hidden.body);
        let server_fn = app.post_form("/api/vendors/profile", "slug=demo-1").await;
        assert_eq!(server_fn.status, StatusCode::NOT_FOUND, "{}", server_fn.body);
        let vendor = app.log_in(FIRST_VENDOR, DEMO_PASSWORD).await;
        let dashboard = app.get_with_cookie("/pengajuan", &vendor).await;
        assert!(dashboard.body.contains("Dibekukan sementara") && dashboard.body.contains(why), "{}", dashboard.body);
        assert!(!dashboard.body.contains("href=\"/pelapak/demo-1\""), "no link to a hidden profile");

        assert_eq!(decide(&app, &admin, id, "reinstate", " ").await.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(decide(&app, &admin, id, "suspend", "Lagi").await.status, StatusCode::CONFLICT, "already suspended");
        assert_eq!(app.get("/pelapak/demo-1", &[]).await.status, StatusCode::NOT_FOUND);

        let back = "Sudah diperiksa: foto produk diperbarui.";
        assert_redirect(&decide(&app, &admin, id, "reinstate", back).await, &format!("/admin/pengajuan/{id}"));
        let shown = app.get("/pelapak/demo-1", &[]).await;
        assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
        assert!(shown.body.contains("Tenun Ikat Mama Yuli"));
        assert_eq!(
            audit_about(&app, FIRST_VENDOR).await,
            [
                (Some(admin_id), "application:suspend".to_owned(), why.to_owned()),
                (Some(admin_id), "application:reinstate".to_owned(), back.to_owned()),
            ]
        );
        assert_eq!(notices_of(&app, FIRST_VENDOR).await, ["suspend", "reinstate"]);
    }

    async fn when_two_admins_decide_at_once_one_wins_and_the_other_is_told(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let first = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let second = app.log_in(demo_login(Role::SuperAdmin), DEMO_PASSWORD).await;
        let id = id_of_business(&app, WAITING[1]).await;

        let (approve, reject) = tokio::join!(
            decide(&app, &first, id, "approve", ""),
            decide(&app, &second, id, "reject", "Usaha belum berjalan."),
        );

        let mut statuses = [approve.status, reject.status];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::SEE_OTHER, StatusCode::CONFLICT], "{} / {}", approve.body, reject.body);
        let loser = if approve.status == StatusCode::CONFLICT { &approve } else { &reject };
        assert!(loser.body.contains("Pengajuan ini sudah diputuskan petugas lain. Muat ulang halaman untuk melihat statusnya."), "{}", loser.body);
        let expected = if approve.status == StatusCode::SEE_OTHER { ApplicationStatus::Approved } else { ApplicationStatus::Rejected };
        assert_eq!(status_of(&app, id).await, expected);
        assert_eq!(audit_about(&app, "0852-3910-0014").await.len(), 1, "one decision audited");
        assert_eq!(notices_of(&app, "0852-3910-0014").await.len(), 1, "one notice");
    }

    async fn revealing_a_nik_needs_a_stated_reason_and_every_reveal_is_logged(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let admin_id = app.account_id(demo_login(Role::MarketOfficer)).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let (applicant, id) = submitted_application(&app, APPLICANT, &Answers::weaver()).await;
        let path = format!("/admin/pengajuan/{id}/nik");

        let page = app.get_with_cookie(&format!("/admin/pengajuan/{id}"), &admin).await;
        assert!(page.body.contains(NIK_MASKED) && !page.body.contains(NIK), "masked until revealed");
        for reason in ["", "    ", "abc", "abcd", " ab\n ", &"x".repeat(201)] {
            let reply = app.post_form_with_cookie(&path, &form(&[("alasan", reason)]), &admin).await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{reason:?}: {}", reply.body);
            assert_eq!(
                field_error(&reply.body, "reveal", "alasan").as_deref(),
                Some("Tulis alasan membuka NIK (5 sampai 200 karakter)."),
                "{reason:?}"
            );
            assert!(!reply.body.contains(NIK), "{reason:?}: no NIK without a reason");
        }
        for (who, cookie, expected) in [("the applicant", applicant.as_str(), StatusCode::FORBIDDEN), ("nobody", "", StatusCode::UNAUTHORIZED)] {
            let reply = app.post_form_with_cookie(&path, "alasan=Verifikasi+data+pemohon", cookie).await;
            assert_eq!(reply.status, expected, "{who}");
            assert!(!reply.body.contains(NIK), "{who}");
        }
        assert!(audit_about(&app, APPLICANT).await.is_empty(), "nothing revealed yet");

        let reason = "Verifikasi KTP saat kunjungan lapangan";
        let revealed = app.post_form_with_cookie(&path, &form(&[("alasan", reason)]), &admin).await;
        assert_eq!(revealed.status, StatusCode::OK, "{}", revealed.body);
        assert!(revealed.body.contains(&format!("<code class=\"link-text\">{NIK}</code>")), "{}", revealed.body);
        assert_eq!(revealed.header("cache-control"), "no-store");
        assert_eq!(audit_about(&app, APPLICANT).await, [(Some(admin_id), "nik:reveal".to_owned(), reason.to_owned())]);
        app.post_form_with_cookie(&path, &form(&[("alasan", "Kedua kali, untuk laporan")]), &admin).await;
        assert_eq!(audit_about(&app, APPLICANT).await.len(), 2, "every reveal is logged");

        // The seeded NIKs decrypt with the keys the app is configured with.
        let demo = id_of_business(&app, "Tenun Ikat Mama Yuli").await;
        let reply = app.post_form_with_cookie(&format!("/admin/pengajuan/{demo}/nik"), &form(&[("alasan", "Cek data demo")]), &admin).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert!(reply.body.contains(DEMO_VENDOR_NIK));
        assert_eq!(audit_about(&app, FIRST_VENDOR).await, [(Some(admin_id), "nik:reveal".to_owned(), "Cek data demo".to_owned())]);

        // Without a stored NIK there is nothing to reveal, and nothing is logged.
        let other = app.log_in(OTHER_APPLICANT, DEMO_PASSWORD).await;
        assert_redirect(&post_business(&app, &other, &Answers::roaster()).await, "/pengajuan/pemilik");
        let no_nik = application_of(&app, OTHER_APPLICANT).await.expect("draft").id.0;
        let reply = app.post_form_with_cookie(&format!("/admin/pengajuan/{no_nik}/nik"), &form(&[("alasan", "Cek data pemohon")]), &admin).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{}", reply.body);
        assert!(audit_about(&app, OTHER_APPLICANT).await.is_empty());
    }

    async fn a_drafts_nik_and_proof_stay_the_applicants_until_it_is_submitted(test_db: TestDb) {
        let media = TempDir::new("draft-privacy");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &media.path_str())]).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let applicant = app.log_in(APPLICANT, DEMO_PASSWORD).await;
        let mut answers = Answers::weaver();
        answers.proof = Some(jpeg(480, 360));
        save_steps(&app, &applicant, &answers).await;
        let draft = application_of(&app, APPLICANT).await.expect("draft");
        assert_eq!(draft.status, ApplicationStatus::Draft);
        assert!(draft.proof_photo.is_some(), "the proof is saved with the draft");

        let reveal = app
            .post_form_with_cookie(&format!("/admin/pengajuan/{}/nik", draft.id.0), &form(&[("alasan", "Cek data pemohon")]), &admin)
            .await;
        assert_eq!(reveal.status, StatusCode::NOT_FOUND, "{}", reveal.body);
        assert!(!reveal.body.contains(NIK));
        let proof = app.get_with_cookie(&format!("/admin/pengajuan/{}/bukti", draft.id.0), &admin).await;
        assert_eq!(proof.status, StatusCode::NOT_FOUND);
        assert!(audit_about(&app, APPLICANT).await.is_empty(), "nothing was opened, nothing logged");

        // Once submitted, both are there for the review (and logged).
        submit(&app, &applicant).await;
        let proof = app.get_with_cookie(&format!("/admin/pengajuan/{}/bukti", draft.id.0), &admin).await;
        assert_eq!(proof.status, StatusCode::OK);
        let reveal = app
            .post_form_with_cookie(&format!("/admin/pengajuan/{}/nik", draft.id.0), &form(&[("alasan", "Cek data pemohon")]), &admin)
            .await;
        assert!(reveal.body.contains(NIK), "{}", reveal.body);
        assert_eq!(audit_about(&app, APPLICANT).await.len(), 2);
    }

    async fn the_proof_photo_is_cleaned_kept_private_served_only_to_admins_and_each_view_logged(test_db: TestDb) {
        let media = TempDir::new("proof");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &media.path_str())]).await;
        let admin_id = app.account_id(demo_login(Role::MarketOfficer)).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let mut answers = Answers::weaver();
        // Taken with the phone held upright: stored 40 wide and 20 high, EXIF says turn it.
        answers.proof = Some(jpeg_with_exif(400, 200, 6, "GPSLatitude=10.1772S;GPSLongitude=123.6070E;Serial=PROOF-CAM-0042"));
        answers.business_photo = Some(jpeg_with_exif(300, 300, 1, "GPSLatitude=10.1600S;Serial=SHOP-CAM-0077"));
        let (applicant, id) = submitted_application(&app, APPLICANT, &answers).await;
        let stored = application_of(&app, APPLICANT).await.expect("application");
        let proof_key = stored.proof_photo.clone().expect("a proof");
        let photo_key = stored.business_photo.clone().expect("a photo");

        let private = media.files_in("private");
        let public = media.files_in("public");
        assert_eq!(private.iter().map(|(name, _)| name.as_str()).collect::<Vec<_>>(), [proof_key.as_str()], "the proof is private");
        assert_eq!(public.iter().map(|(name, _)| name.as_str()).collect::<Vec<_>>(), [photo_key.as_str()], "the business photo is public");
        for (name, bytes) in private.iter().chain(&public) {
            for marker in [&b"GPSLatitude"[..], b"CAM-00", b"Exif"] {
                assert!(!bytes.windows(marker.len()).any(|w| w == marker), "{name} keeps metadata {:?}", String::from_utf8_lossy(marker));
            }
        }
        let (_, proof_bytes) = &private[0];
        let upright = image::load_from_memory(proof_bytes).expect("a JPEG");
        assert_eq!((upright.width(), upright.height()), (200, 400), "turned upright as the EXIF said");

        // Under review the proof cannot be replaced; the refused upload leaves no file behind.
        let mut replacement = answers.clone();
        replacement.proof = Some(jpeg(480, 360));
        assert_eq!(post_returnee(&app, &applicant, &replacement).await.status, StatusCode::CONFLICT);
        assert_eq!(media.files_in("private").len(), 1, "no orphaned copy of an ID document");

        assert_eq!(app.get(&format!("/media/{proof_key}"), &[]).await.status, StatusCode::NOT_FOUND, "not a public file");
        assert_eq!(app.get(&format!("/media/{photo_key}"), &[]).await.status, StatusCode::OK);

        let review = app.get_with_cookie(&format!("/admin/pengajuan/{id}"), &admin).await;
        assert!(review.body.contains(&format!("href=\"/admin/pengajuan/{id}/bukti\"")), "{}", review.body);
        assert!(!review.body.contains(&proof_key), "the file's key is never in a page");
        assert!(!app.get_with_cookie("/pengajuan", &applicant).await.body.contains(&proof_key));

        let path = format!("/admin/pengajuan/{id}/bukti");
        let shopper = app.log_in(demo_login(Role::Shopper), DEMO_PASSWORD).await;
        for (who, cookie, expected) in [
            ("the applicant", applicant.as_str(), StatusCode::FORBIDDEN),
            ("a shopper", shopper.as_str(), StatusCode::FORBIDDEN),
            ("nobody", "", StatusCode::UNAUTHORIZED),
        ] {
            let reply = app.get_with_cookie(&path, cookie).await;
            assert_eq!(reply.status, expected, "{who}");
            assert_ne!(reply.bytes, *proof_bytes, "{who} got the file");
        }
        assert!(audit_about(&app, APPLICANT).await.is_empty(), "refused views are no views");

        let served = app.get_with_cookie(&path, &admin).await;
        assert_eq!(served.status, StatusCode::OK);
        assert_eq!(served.header("content-type"), "image/jpeg");
        assert_eq!(served.header("cache-control"), "no-store");
        assert_eq!(served.bytes, *proof_bytes);
        assert_eq!(audit_about(&app, APPLICANT).await, [(Some(admin_id), "proof_photo:view".to_owned(), String::new())]);
        app.get_with_cookie(&path, &admin).await;
        assert_eq!(audit_about(&app, APPLICANT).await.len(), 2, "each view is logged");

        let without_proof = id_of_business(&app, "Tenun Ikat Mama Yuli").await;
        assert_eq!(app.get_with_cookie(&format!("/admin/pengajuan/{without_proof}/bukti"), &admin).await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get_with_cookie("/admin/pengajuan/987654/bukti", &admin).await.status, StatusCode::NOT_FOUND);
        assert!(audit_about(&app, FIRST_VENDOR).await.is_empty());
    }

    async fn erasure_removes_the_nik_files_and_personal_fields_and_keeps_an_anonymised_history(test_db: TestDb) {
        let media = TempDir::new("erasure");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &media.path_str())]).await;
        let admin_id = app.account_id(demo_login(Role::MarketOfficer)).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let applicant = app.log_in(APPLICANT, DEMO_PASSWORD).await;
        let mut answers = Answers::weaver();
        answers.business_photo = Some(jpeg(640, 480));
        answers.proof = Some(jpeg(400, 300));
        save_steps(&app, &applicant, &answers).await;
        // A better photo of the proof, chosen later: the first one must not linger either.
        answers.proof = Some(jpeg(480, 360));
        assert_redirect(&post_returnee(&app, &applicant, &answers).await, "/pengajuan/identitas");
        assert_redirect(&post_identity(&app, &applicant, NIK, "1234567890123").await, "/pengajuan/kirim");
        submit(&app, &applicant).await;
        let id = application_of(&app, APPLICANT).await.expect("application").id.0;
        assert_redirect(&decide(&app, &admin, id, "approve", "").await, &format!("/admin/pengajuan/{id}"));
        let slug = application_of(&app, APPLICANT).await.and_then(|a| a.public_slug).expect("slug");
        assert_eq!(app.get(&format!("/pelapak/{slug}"), &[]).await.status, StatusCode::OK);
        assert!(!media.files_in("private").is_empty() && !media.files_in("public").is_empty());

        assert_redirect(&app.post_form_with_cookie("/pengajuan/hapus-data", "", &applicant).await, "/pengajuan?selesai=hapus-diminta");
        let dashboard = app.get_with_cookie("/pengajuan", &applicant).await;
        assert!(dashboard.body.contains("Permintaan penghapusan sedang diproses petugas Dinas."), "{}", dashboard.body);
        let review = app.get_with_cookie(&format!("/admin/pengajuan/{id}"), &admin).await;
        assert!(review.body.contains(&format!("action=\"/admin/pengajuan/{id}/hapus-data\"")), "{}", review.body);
        let shopper = app.log_in(demo_login(Role::Shopper), DEMO_PASSWORD).await;
        assert_eq!(app.post_form_with_cookie(&format!("/admin/pengajuan/{id}/hapus-data"), "", &shopper).await.status, StatusCode::FORBIDDEN);
        assert_eq!(app.post_form_with_cookie(&format!("/admin/pengajuan/{id}/hapus-data"), "", &applicant).await.status, StatusCode::FORBIDDEN);

        assert_redirect(&app.post_form_with_cookie(&format!("/admin/pengajuan/{id}/hapus-data"), "", &admin).await, &format!("/admin/pengajuan/{id}"));

        let row: ErasedRow =
            backend::with_pool!(&app.test_db.db, |pool| sqlx::query_as(
                "select nik_ciphertext, nik_key_id, nik_hash, nik_masked, nib, owner_name, whatsapp, address,
                        proof_photo, business_photo, erased_at
                 from vendor_application where application_id = $1"
            )
            .bind(id)
            .fetch_one(pool)
            .await)
            .expect("the row stays");
        assert_eq!((row.0, row.1, row.2, row.3, row.4), (None, None, None, None, None), "no NIK or NIB left");
        assert_eq!((row.5.as_str(), row.6, row.7.as_str()), ("", None, ""), "no owner details left");
        assert_eq!((row.8, row.9), (None, None), "no files referenced");
        assert!(row.10.is_some(), "erasure recorded");
        let names = |sub| media.files_in(sub).into_iter().map(|(name, _)| name).collect::<Vec<_>>();
        assert_eq!(names("private"), Vec::<String>::new(), "every proof file deleted");
        assert_eq!(names("public"), Vec::<String>::new(), "every photo deleted");
        let erased = application_of(&app, APPLICANT).await.expect("row");
        assert_eq!(erased.status, ApplicationStatus::Suspended, "nothing of theirs stays public");
        assert!(erased.business_name.is_empty() && erased.placement_country.is_empty() && erased.years_abroad.is_none());
        assert_eq!(app.get(&format!("/pelapak/{slug}"), &[]).await.status, StatusCode::NOT_FOUND);

        let history = backend::vendors::history(&app.test_db.db, backend::vendors::ApplicationId(id)).await.expect("history");
        assert_eq!(history.iter().map(|e| e.transition.as_str()).collect::<Vec<_>>(), ["submit", "approve"], "the anonymised history stays");
        let audit = audit_about(&app, APPLICANT).await;
        assert_eq!(audit.last(), Some(&(Some(admin_id), "personal_data:erased".to_owned(), String::new())));
        assert!(audit.iter().any(|(_, action, _)| action == "application:approve"), "earlier decisions stay audited");
        let review = app.get_with_cookie(&format!("/admin/pengajuan/{id}"), &admin).await;
        assert!(review.body.contains("Data pribadi pengajuan ini sudah dihapus"), "{}", review.body);
        assert!(!review.body.contains("Yohana Pandie") && !review.body.contains(NIK_MASKED));

        let export: serde_json::Value =
            serde_json::from_str(&app.get_with_cookie("/pengajuan/data.json", &applicant).await.body).expect("JSON");
        assert_eq!(export["vendor_application"]["nik"], serde_json::Value::Null);
        assert_eq!(export["vendor_application"]["owner_name"], "");

        assert_eq!(app.post_form_with_cookie(&format!("/admin/pengajuan/{id}/hapus-data"), "", &admin).await.status, StatusCode::NOT_FOUND, "nothing left to erase");
        let reveal = app.post_form_with_cookie(&format!("/admin/pengajuan/{id}/nik"), "alasan=Cek+setelah+dihapus", &admin).await;
        assert_eq!(reveal.status, StatusCode::NOT_FOUND);
        // The NIK is free again: its keyed hash went with it.
        let other = app.log_in(OTHER_APPLICANT, DEMO_PASSWORD).await;
        assert_redirect(&post_identity(&app, &other, NIK, "").await, "/pengajuan/kirim");
    }

    async fn the_review_page_offers_a_whatsapp_link_with_a_prefilled_message(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let id = id_of_business(&app, WAITING[0]).await;

        let page = app.get_with_cookie(&format!("/admin/pengajuan/{id}"), &admin).await;

        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(
            page.body.contains("href=\"https://wa.me/6285239100013?text=Halo%20Ani%20Lobo%2C%20ini%20dari%20Dinas"),
            "{}",
            page.body
        );
        assert!(page.body.contains("Hubungi lewat WhatsApp"));
        assert!(page.body.contains("<meta name=\"referrer\" content=\"no-referrer\""), "the link leaks no admin URL");
    }
}
