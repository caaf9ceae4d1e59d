//! The applicant's side of vendor applications over HTTP: every step saved as a draft, then
//! submitted; changes asked for and made; approval and the public profile; refusals that say
//! why next to the field and lose nothing; one applicant never reaching another's data; the
//! download of everything held, with the log of who looked at it.

use axum::http::StatusCode;
use backend::accounts::AccountId;
use backend::demo::DEMO_PASSWORD;
use backend::storage_test;
use backend::vendors::{self, Application};
use domain::application::ApplicationStatus;
use domain::Role;

use crate::support::{demo_login, form, Part, Reply, TempDir, TestApp};

/// A returnee without an application in the demo data.
pub const APPLICANT: &str = "0813-3900-0001";
/// Another returnee without an application.
pub const OTHER_APPLICANT: &str = "0813-3900-0002";
/// A NIK of valid shape (Kota Kupang, a woman born 5 August 1990) no demo vendor has.
pub const NIK: &str = "5371014508900123";
/// How screens show [`NIK`].
pub const NIK_MASKED: &str = "5371********0123";
/// The NIK of the first demo vendor (Tenun Ikat Mama Yuli), already registered.
pub const DEMO_VENDOR_NIK: &str = "5371014101809900";

/// What an applicant types in the four steps.
#[derive(Debug, Clone)]
pub struct Answers {
    pub business_name: String,
    pub category: &'static str,
    pub description: String,
    pub owner_name: String,
    pub whatsapp: String,
    /// A kelurahan of Kota Kupang by name.
    pub kelurahan: &'static str,
    pub country: String,
    pub nik: String,
    pub show_returnee: bool,
    pub business_photo: Option<Vec<u8>>,
    pub proof: Option<Vec<u8>>,
}

impl Answers {
    /// A weaver from Rote back from Malaysia, living in Oebobo.
    pub fn weaver() -> Answers {
        Answers {
            business_name: "Tenun Ikat Ina Rote".into(),
            category: "tenun",
            description: "Selendang dan sarung tenun ikat motif Rote, pewarna alam.".into(),
            owner_name: "Yohana Pandie".into(),
            whatsapp: "0852-3910-7788".into(),
            kelurahan: "Oebobo",
            country: "Malaysia".into(),
            nik: NIK.into(),
            show_returnee: true,
            business_photo: None,
            proof: None,
        }
    }

    /// A coffee roaster back from Hong Kong, living in Penfui, who keeps their past private.
    pub fn roaster() -> Answers {
        Answers {
            business_name: "Kopi Sangrai Nona Lince".into(),
            category: "minuman",
            description: "Kopi robusta Timor sangrai sendiri, bubuk dan biji.".into(),
            owner_name: "Lince Benu".into(),
            whatsapp: "0853-3800-4411".into(),
            kelurahan: "Penfui",
            country: "Hong Kong".into(),
            nik: "5371020307850042".into(),
            show_returnee: false,
            business_photo: None,
            proof: None,
        }
    }
}

/// A small JPEG, as any photo editor writes it.
pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 7 % 256) as u8, (y * 5 % 256) as u8, 90])
    });
    let mut bytes = Vec::new();
    picture
        .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90))
        .expect("encode a JPEG");
    bytes
}

/// A phone photo: a JPEG with an EXIF block (APP1) saying how to turn it (`orientation`) and
/// carrying `marker`, as a GPS position or a camera serial number would be.
pub fn jpeg_with_exif(width: u32, height: u32, orientation: u16, marker: &str) -> Vec<u8> {
    let plain = jpeg(width, height);
    assert_eq!(plain[..2], [0xFF, 0xD8], "a JPEG starts with SOI");
    // TIFF, little-endian: header, IFD0 with one entry (Orientation, SHORT), no next IFD,
    // then the marker as data the IFD does not point to (as maker notes are).
    let mut tiff = b"II*\0".to_vec();
    tiff.extend_from_slice(&8u32.to_le_bytes());
    tiff.extend_from_slice(&1u16.to_le_bytes());
    tiff.extend_from_slice(&0x0112u16.to_le_bytes());
    tiff.extend_from_slice(&3u16.to_le_bytes());
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&orientation.to_le_bytes());
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(marker.as_bytes());
    let mut segment = b"Exif\0\0".to_vec();
    segment.extend_from_slice(&tiff);
    let length = u16::try_from(segment.len() + 2).expect("a short EXIF block");
    let mut photo = vec![0xFF, 0xD8, 0xFF, 0xE1];
    photo.extend_from_slice(&length.to_be_bytes());
    photo.extend_from_slice(&segment);
    photo.extend_from_slice(&plain[2..]);
    photo
}

/// A tiny JPEG whose header claims 20000 × 20000 pixels (a decompression bomb).
pub fn jpeg_claiming_huge_dimensions() -> Vec<u8> {
    let mut photo = jpeg(16, 16);
    let sof = photo.windows(2).position(|w| w == [0xFF, 0xC0]).expect("a baseline JPEG has SOF0");
    photo[sof + 5..sof + 7].copy_from_slice(&20_000u16.to_be_bytes());
    photo[sof + 7..sof + 9].copy_from_slice(&20_000u16.to_be_bytes());
    photo
}

pub async fn kelurahan_id(app: &TestApp, name: &str) -> i64 {
    backend::with_pool!(&app.test_db.db, |pool| sqlx::query_scalar(
        "select kelurahan_id from kelurahan where name = $1"
    )
    .bind(name)
    .fetch_one(pool)
    .await)
    .unwrap_or_else(|error| panic!("no kelurahan {name}: {error}"))
}

/// The stored application of the account that logs in with `login`.
pub async fn application_of(app: &TestApp, login: &str) -> Option<Application> {
    let account = AccountId(app.account_id(login).await);
    vendors::find_by_account(&app.test_db.db, account).await.expect("read the application")
}

/// `(actor, action, reason)` of every audit entry about the account `login` or its
/// application, oldest first.
pub async fn audit_about(app: &TestApp, login: &str) -> Vec<(Option<i64>, String, String)> {
    let subject = app.account_id(login).await;
    backend::with_pool!(&app.test_db.db, |pool| sqlx::query_as(
        "select actor_account_id, action, reason from audit_event
         where (subject_kind = 'account' and subject_id = $1)
            or (subject_kind = 'application' and subject_id in
                (select application_id from vendor_application where account_id = $1))
         order by audit_event_id"
    )
    .bind(subject)
    .fetch_all(pool)
    .await)
    .expect("read the audit log")
}

/// Kinds of the notices of the account `login`, oldest first.
pub async fn notices_of(app: &TestApp, login: &str) -> Vec<String> {
    let account = app.account_id(login).await;
    backend::with_pool!(&app.test_db.db, |pool| sqlx::query_scalar(
        "select kind from notification where account_id = $1 order by notification_id"
    )
    .bind(account)
    .fetch_all(pool)
    .await)
    .expect("read notices")
}

#[track_caller]
pub fn assert_redirect(reply: &Reply, to: &str) {
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "expected a redirect to {to}: {}", reply.body);
    assert_eq!(reply.header("location"), to);
}

/// The text of the message shown under `form`'s field `name` (`<p id="form-name-error">`).
pub fn field_error(body: &str, form: &str, name: &str) -> Option<String> {
    let (_, rest) = body.split_once(&format!("id=\"{form}-{name}-error\""))?;
    let (_, rest) = rest.split_once('>')?;
    let (text, _) = rest.split_once("</p>")?;
    Some(text.replace("<!---->", "").replace("<!>", "").trim().to_owned())
}

/// The business step as a browser posts it: multipart, with an empty file part when no
/// photo was chosen.
pub async fn post_business(app: &TestApp, cookie: &str, answers: &Answers) -> Reply {
    let photo = answers.business_photo.as_deref().unwrap_or_default();
    let file = if photo.is_empty() {
        Part::File {
            name: "business_photo",
            filename: "",
            content_type: "application/octet-stream",
            bytes: &[],
        }
    } else {
        Part::File {
            name: "business_photo",
            filename: "lapak.jpg",
            content_type: "image/jpeg",
            bytes: photo,
        }
    };
    let parts = [
        Part::Text("business_name", &answers.business_name),
        Part::Text("category", answers.category),
        Part::Text("description", &answers.description),
        file,
    ];
    app.post_multipart_with_cookie("/pengajuan/usaha", &parts, cookie).await
}

pub async fn post_owner(app: &TestApp, cookie: &str, answers: &Answers) -> Reply {
    let place = kelurahan_id(app, answers.kelurahan).await.to_string();
    let fields = form(&[
        ("owner_name", &answers.owner_name),
        ("gender", "female"),
        ("whatsapp", &answers.whatsapp),
        ("place", &place),
        ("outside_regency", ""),
        ("address", "Jl. Frans Seda No. 12, RT 004/RW 002"),
    ]);
    app.post_form_with_cookie("/pengajuan/pemilik", &fields, cookie).await
}

pub async fn post_returnee(app: &TestApp, cookie: &str, answers: &Answers) -> Reply {
    let mut parts = vec![
        Part::Text("placement_country", &answers.country),
        Part::Text("years_abroad", "5"),
        Part::Text("return_year", "2023"),
    ];
    if answers.show_returnee {
        parts.push(Part::Text("show_returnee_details", "on"));
    }
    if let Some(proof) = &answers.proof {
        parts.push(Part::File {
            name: "proof_photo",
            filename: "paspor.jpg",
            content_type: "image/jpeg",
            bytes: proof,
        });
    }
    app.post_multipart_with_cookie("/pengajuan/purna", &parts, cookie).await
}

pub async fn post_identity(app: &TestApp, cookie: &str, nik: &str, nib: &str) -> Reply {
    app.post_form_with_cookie("/pengajuan/identitas", &form(&[("nik", nik), ("nib", nib)]), cookie)
        .await
}

/// Saves the four steps, each answered by a redirect to the next.
pub async fn save_steps(app: &TestApp, cookie: &str, answers: &Answers) {
    assert_redirect(&post_business(app, cookie, answers).await, "/pengajuan/pemilik");
    assert_redirect(&post_owner(app, cookie, answers).await, "/pengajuan/purna");
    assert_redirect(&post_returnee(app, cookie, answers).await, "/pengajuan/identitas");
    assert_redirect(&post_identity(app, cookie, &answers.nik, "").await, "/pengajuan/kirim");
}

pub async fn submit(app: &TestApp, cookie: &str) {
    let reply = app.post_form_with_cookie("/pengajuan/kirim", "consent=on", cookie).await;
    assert_redirect(&reply, "/pengajuan?selesai=terkirim");
}

/// Logs `login` in, fills every step with `answers` and submits; returns the session and
/// the application's id.
pub async fn submitted_application(app: &TestApp, login: &str, answers: &Answers) -> (String, i64) {
    let cookie = app.log_in(login, DEMO_PASSWORD).await;
    save_steps(app, &cookie, answers).await;
    submit(app, &cookie).await;
    let application = application_of(app, login).await.expect("an application");
    assert_eq!(application.status, ApplicationStatus::Submitted);
    (cookie, application.id.0)
}

pub async fn decide(app: &TestApp, admin: &str, id: i64, step: &str, message: &str) -> Reply {
    app.post_form_with_cookie(
        &format!("/admin/pengajuan/{id}/keputusan"),
        &form(&[("langkah", step), ("pesan", message)]),
        admin,
    )
    .await
}

storage_test! {
    async fn an_application_is_drafted_sent_back_for_changes_resubmitted_and_approved(test_db: TestDb) {
        let media = TempDir::new("flow");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &media.path_str())]).await;
        let applicant = app.log_in(APPLICANT, DEMO_PASSWORD).await;
        let admin_id = app.account_id(demo_login(Role::MarketOfficer)).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let mut answers = Answers::weaver();
        answers.business_photo = Some(jpeg(640, 480));
        answers.proof = Some(jpeg(400, 300));

        let before = app.get_with_cookie("/pengajuan", &applicant).await;
        assert_eq!(before.status, StatusCode::OK, "{}", before.body);
        assert!(before.body.contains("Belum dimulai"), "{}", before.body);

        // Each step is a draft, kept the moment it is saved.
        assert_redirect(&post_business(&app, &applicant, &answers).await, "/pengajuan/pemilik");
        let draft = application_of(&app, APPLICANT).await.expect("a draft after the first step");
        assert_eq!(draft.status, ApplicationStatus::Draft);
        assert_eq!(draft.business_name, "Tenun Ikat Ina Rote");
        let dashboard = app.get_with_cookie("/pengajuan", &applicant).await;
        assert!(dashboard.body.contains("Draf (belum dikirim)"), "{}", dashboard.body);
        let business_page = app.get_with_cookie("/pengajuan/usaha", &applicant).await;
        assert!(business_page.body.contains("value=\"Tenun Ikat Ina Rote\""), "saved values fill the form again: {}", business_page.body);
        assert!(business_page.body.contains("Foto sudah tersimpan"), "{}", business_page.body);

        assert_redirect(&post_owner(&app, &applicant, &answers).await, "/pengajuan/purna");
        assert_redirect(&post_returnee(&app, &applicant, &answers).await, "/pengajuan/identitas");
        assert_redirect(&post_identity(&app, &applicant, NIK, "1234567890123").await, "/pengajuan/kirim");
        let draft = application_of(&app, APPLICANT).await.expect("draft");
        assert_eq!(draft.status, ApplicationStatus::Draft, "saving every step does not submit");
        assert_eq!(draft.nik_masked.as_deref(), Some(NIK_MASKED));
        assert_eq!(draft.whatsapp.as_ref().map(|p| p.e164().to_owned()).as_deref(), Some("+6285239107788"));
        assert!(draft.proof_photo.is_some() && draft.business_photo.is_some());
        let identity_page = app.get_with_cookie("/pengajuan/identitas", &applicant).await;
        assert!(identity_page.body.contains(NIK_MASKED), "{}", identity_page.body);
        assert!(!identity_page.body.contains(NIK), "the NIK is shown masked only");

        submit(&app, &applicant).await;
        let waiting = app.get_with_cookie("/pengajuan", &applicant).await;
        assert!(waiting.body.contains("Menunggu pemeriksaan"), "{}", waiting.body);
        assert!(waiting.body.contains("Pengajuan dikirim"), "the history shows the submission: {}", waiting.body);
        let locked = post_business(&app, &applicant, &answers).await;
        assert_eq!(locked.status, StatusCode::CONFLICT, "no edits while under review");
        assert!(locked.body.contains("Pengajuan tidak dapat diubah saat ini"), "{}", locked.body);
        assert_eq!(media.files_in("public").len(), 1, "the refused photo is not kept");

        let id = application_of(&app, APPLICANT).await.expect("application").id.0;
        let queue = app.get_with_cookie("/admin/pengajuan", &admin).await;
        assert_eq!(queue.status, StatusCode::OK, "{}", queue.body);
        assert!(queue.body.contains(&format!("href=\"/admin/pengajuan/{id}\"")), "{}", queue.body);
        let review = app.get_with_cookie(&format!("/admin/pengajuan/{id}"), &admin).await;
        assert_eq!(review.status, StatusCode::OK, "{}", review.body);
        assert!(review.body.contains("Yohana Pandie") && review.body.contains(NIK_MASKED), "{}", review.body);
        assert!(!review.body.contains(NIK), "reviewers see the NIK masked until they reveal it");

        let asked = "Mohon tambahkan foto gerobak dan RT/RW yang lengkap.";
        assert_redirect(&decide(&app, &admin, id, "request_changes", asked).await, &format!("/admin/pengajuan/{id}"));
        let returned = app.get_with_cookie("/pengajuan", &applicant).await;
        assert!(returned.body.contains("Perlu diperbaiki"), "{}", returned.body);
        assert!(returned.body.contains(asked), "the applicant reads the message: {}", returned.body);
        assert!(returned.body.contains("Petugas meminta perbaikan"), "{}", returned.body);

        answers.description = "Selendang, sarung dan syal tenun ikat motif Rote; foto gerobak terlampir.".into();
        answers.business_photo = None;
        assert_redirect(&post_business(&app, &applicant, &answers).await, "/pengajuan/pemilik");
        submit(&app, &applicant).await;
        let resubmitted = application_of(&app, APPLICANT).await.expect("application");
        assert_eq!(resubmitted.status, ApplicationStatus::Resubmitted);
        assert!(resubmitted.business_photo.is_some(), "a step saved without a new photo keeps the old one");
        assert!(resubmitted.description.contains("foto gerobak terlampir"));

        let review = app.get_with_cookie(&format!("/admin/pengajuan/{id}"), &admin).await;
        for shown in ["Pengajuan dikirim", asked, "Pengajuan dikirim ulang", "oleh pemohon", "foto gerobak terlampir"] {
            assert!(review.body.contains(shown), "the reviewer sees {shown:?}: {}", review.body);
        }
        assert_redirect(&decide(&app, &admin, id, "approve", "").await, &format!("/admin/pengajuan/{id}"));

        let approved = application_of(&app, APPLICANT).await.expect("application");
        assert_eq!(approved.status, ApplicationStatus::Approved);
        let slug = approved.public_slug.clone().expect("a public address once approved");
        let dashboard = app.get_with_cookie("/pengajuan", &applicant).await;
        assert!(dashboard.body.contains("Disetujui"), "{}", dashboard.body);
        assert!(dashboard.body.contains(&format!("href=\"/pelapak/{slug}\"")), "{}", dashboard.body);
        for event in ["Pengajuan dikirim ulang", "Pengajuan disetujui", asked] {
            assert!(dashboard.body.contains(event), "the applicant's history shows {event:?}");
        }
        assert_eq!(notices_of(&app, APPLICANT).await, ["request_changes", "approve"], "a notice for every decision");
        let decisions: Vec<_> = audit_about(&app, APPLICANT).await;
        assert_eq!(
            decisions,
            [
                (Some(admin_id), "application:request_changes".to_owned(), asked.to_owned()),
                (Some(admin_id), "application:approve".to_owned(), String::new()),
            ]
        );

        let profile = app.get(&format!("/pelapak/{slug}"), &[]).await;
        assert_eq!(profile.status, StatusCode::OK, "{}", profile.body);
        for shown in ["Tenun Ikat Ina Rote", "foto gerobak terlampir", "Kecamatan Oebobo", "class=\"badge purna\"", "Pernah bekerja 5 tahun di Malaysia.", "https://wa.me/6285239107788?text="] {
            assert!(profile.body.contains(shown), "the profile shows {shown:?}: {}", profile.body);
        }
        let proof_key = approved.proof_photo.clone().expect("proof");
        for hidden in ["Yohana Pandie", "Frans Seda", NIK_MASKED, NIK, "1234567890123", proof_key.as_str()] {
            assert!(!profile.body.contains(hidden), "the public profile shows {hidden:?}");
        }
        let photo_key = approved.business_photo.clone().expect("photo");
        assert!(profile.body.contains(&format!("/media/{photo_key}")), "{}", profile.body);
        let photo = app.get(&format!("/media/{photo_key}"), &[]).await;
        assert_eq!(photo.status, StatusCode::OK);
        assert_eq!(photo.header("content-type"), "image/jpeg");
    }

    async fn the_purna_pmi_badge_and_returnee_details_show_only_when_the_vendor_opted_in(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let (_, id) = submitted_application(&app, OTHER_APPLICANT, &Answers::roaster()).await;
        assert_redirect(&decide(&app, &admin, id, "approve", "").await, &format!("/admin/pengajuan/{id}"));
        let slug = application_of(&app, OTHER_APPLICANT).await.and_then(|a| a.public_slug).expect("slug");

        let profile = app.get(&format!("/pelapak/{slug}"), &[]).await;

        assert_eq!(profile.status, StatusCode::OK, "{}", profile.body);
        assert!(profile.body.contains("Kopi Sangrai Nona Lince"), "{}", profile.body);
        assert!(!profile.body.contains("badge purna"), "no badge without opting in: {}", profile.body);
        assert!(!profile.body.contains("Hong Kong"), "no placement country without opting in");
        assert!(!profile.body.contains("Pernah bekerja"), "no returnee details without opting in");
        let opted_in = app.get("/pelapak/demo-1", &[]).await;
        assert!(opted_in.body.contains("class=\"badge purna\"") && opted_in.body.contains("Malaysia"), "{}", opted_in.body);
    }

    async fn refused_fields_say_why_next_to_the_field_and_keep_what_was_typed(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let applicant = app.log_in(APPLICANT, DEMO_PASSWORD).await;
        let answers = Answers::weaver();
        assert_redirect(&post_business(&app, &applicant, &answers).await, "/pengajuan/pemilik");

        let bad_business = form(&[("business_name", "  "), ("category", "senjata"), ("description", "Kain tenun buatan mama sendiri")]);
        let reply = app.post_form_with_cookie("/pengajuan/usaha", &bad_business, &applicant).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        assert_eq!(field_error(&reply.body, "business", "business_name").as_deref(), Some("Kolom ini wajib diisi."));
        assert_eq!(field_error(&reply.body, "business", "category").as_deref(), Some("Pilih salah satu pilihan yang ada."));
        assert_eq!(field_error(&reply.body, "business", "description"), None);
        assert!(reply.body.contains("Kain tenun buatan mama sendiri"), "what was typed comes back: {}", reply.body);
        let english = app
            .post_form_with("/pengajuan/usaha", &bad_business, &[("cookie", &applicant), ("accept-language", "en")])
            .await;
        assert_eq!(field_error(&english.body, "business", "business_name").as_deref(), Some("This field is required."));

        let bad_owner = form(&[("owner_name", "Yohana Pandie"), ("gender", "female"), ("whatsapp", "0361-222-333"), ("place", ""), ("address", "Jl. Frans Seda No. 12")]);
        let reply = app.post_form_with_cookie("/pengajuan/pemilik", &bad_owner, &applicant).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        assert_eq!(field_error(&reply.body, "owner", "whatsapp").as_deref(), Some("Ini bukan nomor HP Indonesia. Nomor HP diawali 08, 628 atau +628."));
        assert_eq!(field_error(&reply.body, "owner", "place").as_deref(), Some("Kolom ini wajib diisi."));
        assert!(reply.body.contains("value=\"Yohana Pandie\"") && reply.body.contains("value=\"0361-222-333\""), "{}", reply.body);
        let unknown_place = form(&[("owner_name", "Yohana Pandie"), ("gender", "female"), ("whatsapp", "0852-3910-7788"), ("place", "999999"), ("address", "Jl. Frans Seda No. 12")]);
        let reply = app.post_form_with_cookie("/pengajuan/pemilik", &unknown_place, &applicant).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        assert_eq!(field_error(&reply.body, "owner", "place").as_deref(), Some("Pilih salah satu pilihan yang ada."));

        let bad_returnee = form(&[("placement_country", "Malaysia"), ("years_abroad", "banyak"), ("return_year", "1950")]);
        let reply = app.post_form_with_cookie("/pengajuan/purna", &bad_returnee, &applicant).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        assert_eq!(field_error(&reply.body, "returnee", "years_abroad").as_deref(), Some("Isi dengan angka dari 0 sampai 50."));
        assert!(field_error(&reply.body, "returnee", "return_year").is_some_and(|m| m.starts_with("Isi dengan angka dari 1970 sampai")), "{}", reply.body);
        assert!(reply.body.contains("value=\"Malaysia\""), "{}", reply.body);

        let wrong_niks = [
            ("537101450890012", "NIK terdiri dari 16 angka."),
            ("5371O14508900123", "NIK terdiri dari 16 angka."),
            ("9971014508900123", "Kode wilayah NIK (6 angka pertama) tidak dikenal. Periksa lagi KTP Anda."),
            ("5371017208900123", "Angka ke-7 sampai ke-12 NIK harus tanggal lahir (untuk perempuan, tanggal ditambah 40). Periksa lagi KTP Anda."),
            ("5371014508900000", "Empat angka terakhir NIK tidak boleh 0000."),
            ("", "Kolom ini wajib diisi."),
        ];
        for (nik, message) in wrong_niks {
            let reply = post_identity(&app, &applicant, nik, "").await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{nik}: {}", reply.body);
            assert_eq!(field_error(&reply.body, "identity", "nik").as_deref(), Some(message), "{nik}");
            assert!(nik.is_empty() || !reply.body.contains(nik), "the NIK typed is not sent back: {nik}");
        }
        let reply = post_identity(&app, &applicant, NIK, "12345").await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        assert_eq!(field_error(&reply.body, "identity", "nib").as_deref(), Some("NIB terdiri dari 13 angka."));
        assert!(reply.body.contains("value=\"12345\""), "the NIB typed comes back: {}", reply.body);
        assert!(!reply.body.contains(NIK), "the NIK typed is not sent back");

        // Nothing saved before was lost, and nothing refused was saved.
        let stored = application_of(&app, APPLICANT).await.expect("draft");
        assert_eq!(stored.business_name, "Tenun Ikat Ina Rote");
        assert_eq!(stored.category.map(|c| c.as_str()), Some("tenun"));
        assert!(stored.owner_name.is_empty() && stored.whatsapp.is_none() && stored.nik_masked.is_none());
        assert_eq!(stored.status, ApplicationStatus::Draft);
    }

    async fn a_nik_already_registered_is_refused_whatever_its_spelling(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let first = app.log_in(APPLICANT, DEMO_PASSWORD).await;
        let second = app.log_in(OTHER_APPLICANT, DEMO_PASSWORD).await;
        assert_redirect(&post_identity(&app, &first, NIK, "").await, "/pengajuan/kirim");

        for typed in ["5371 0145 0890 0123", "537101.450890.0123", DEMO_VENDOR_NIK] {
            let reply = post_identity(&app, &second, typed, "1234567890123").await;

            assert_eq!(reply.status, StatusCode::CONFLICT, "{typed}: {}", reply.body);
            assert_eq!(
                field_error(&reply.body, "identity", "nik").as_deref(),
                Some("NIK ini sudah dipakai pada pengajuan lain. Bila ini NIK Anda, hubungi kantor Dinas."),
                "{typed}"
            );
            assert!(!reply.body.contains(typed) && !reply.body.contains(NIK), "the NIK is not echoed");
            assert!(reply.body.contains("value=\"1234567890123\""), "the NIB typed comes back");
        }
        let english = app
            .post_form_with("/pengajuan/identitas", &form(&[("nik", NIK)]), &[("cookie", &second), ("accept-language", "en")])
            .await;
        assert_eq!(english.status, StatusCode::CONFLICT);
        assert_eq!(
            field_error(&english.body, "identity", "nik").as_deref(),
            Some("This NIK is already on another application. If it is yours, contact the Dinas office.")
        );
        let second_application = application_of(&app, OTHER_APPLICANT).await.expect("an empty draft");
        assert_eq!(second_application.nik_masked, None, "nothing saved");
        assert_eq!(second_application.nib, None, "nothing saved");

        // Saving one's own NIK again is no conflict.
        assert_redirect(&post_identity(&app, &first, "5371-0145-0890-0123", "").await, "/pengajuan/kirim");
        assert_eq!(application_of(&app, APPLICANT).await.and_then(|a| a.nik_masked).as_deref(), Some(NIK_MASKED));
    }

    async fn a_file_that_is_not_a_photo_is_refused_next_to_the_field_and_nothing_is_lost(test_db: TestDb) {
        let media = TempDir::new("not-a-photo");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &media.path_str())]).await;
        let applicant = app.log_in(APPLICANT, DEMO_PASSWORD).await;
        let answers = Answers::weaver();
        assert_redirect(&post_business(&app, &applicant, &answers).await, "/pengajuan/pemilik");

        let mut renamed_pdf = answers.clone();
        renamed_pdf.description = "Deskripsi baru yang diketik sebelum memilih berkas".into();
        renamed_pdf.business_photo = Some(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF".to_vec());
        let reply = post_business(&app, &applicant, &renamed_pdf).await;

        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        assert_eq!(
            field_error(&reply.body, "business", "business_photo").as_deref(),
            Some("Berkas ini bukan foto. Pilih foto JPEG, PNG atau WebP.")
        );
        assert!(reply.body.contains("Deskripsi baru yang diketik sebelum memilih berkas"), "typed text comes back: {}", reply.body);
        assert!(media.files_in("public").is_empty() && media.files_in("private").is_empty(), "nothing stored");
        let stored = application_of(&app, APPLICANT).await.expect("draft");
        assert_eq!(stored.description, answers.description, "the saved draft is untouched");
        assert_eq!(stored.business_photo, None);

        let mut bomb = answers.clone();
        bomb.proof = Some(jpeg_claiming_huge_dimensions());
        let reply = post_returnee(&app, &applicant, &bomb).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        assert_eq!(field_error(&reply.body, "returnee", "proof_photo").as_deref(), Some("Foto terlalu besar: paling besar 12 MB."));
        assert!(reply.body.contains("value=\"Malaysia\""), "{}", reply.body);
        assert!(media.files_in("private").is_empty(), "nothing stored");
    }

    async fn a_photo_over_the_size_limit_is_refused_with_a_message_next_to_the_field(test_db: TestDb) {
        let media = TempDir::new("too-large");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &media.path_str())]).await;
        let applicant = app.log_in(APPLICANT, DEMO_PASSWORD).await;
        let answers = Answers::weaver();
        assert_redirect(&post_business(&app, &applicant, &answers).await, "/pengajuan/pemilik");

        // Just over the limit, and a large phone photo well over it (and over the body limit).
        for size in [backend::media::MAX_UPLOAD_BYTES + 1, 15 * 1024 * 1024] {
            let mut big = jpeg(32, 32);
            big.resize(size, 0);
            let mut typed = answers.clone();
            typed.business_name = "Tenun Ikat Ina Rote Baru".into();
            typed.business_photo = Some(big);

            let reply = post_business(&app, &applicant, &typed).await;

            assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE, "{size} bytes: {}", reply.body);
            assert_eq!(
                field_error(&reply.body, "business", "business_photo").as_deref(),
                Some("Foto terlalu besar: paling besar 12 MB."),
                "{size} bytes: the message is next to the photo field: {}",
                reply.body
            );
            assert!(reply.body.contains("value=\"Tenun Ikat Ina Rote Baru\""), "{size} bytes: typed text comes back");
            assert!(media.files_in("public").is_empty(), "nothing stored");
            assert_eq!(application_of(&app, APPLICANT).await.expect("draft").business_name, "Tenun Ikat Ina Rote");
        }
    }

    async fn submitting_needs_every_step_and_consent(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let applicant = app.log_in(APPLICANT, DEMO_PASSWORD).await;
        let answers = Answers::weaver();

        let empty = app.post_form_with_cookie("/pengajuan/kirim", "consent=on", &applicant).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", empty.body);
        assert!(empty.body.contains("Masih ada langkah yang belum lengkap."), "{}", empty.body);
        assert_redirect(&post_business(&app, &applicant, &answers).await, "/pengajuan/pemilik");
        let page = app.get_with_cookie("/pengajuan/kirim", &applicant).await;
        assert!(page.body.contains("Lengkapi dulu:") && page.body.contains("Identitas (NIK)"), "the missing steps are named: {}", page.body);
        let partial = app.post_form_with_cookie("/pengajuan/kirim", "consent=on", &applicant).await;
        assert_eq!(partial.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", partial.body);

        assert_redirect(&post_owner(&app, &applicant, &answers).await, "/pengajuan/purna");
        assert_redirect(&post_returnee(&app, &applicant, &answers).await, "/pengajuan/identitas");
        assert_redirect(&post_identity(&app, &applicant, NIK, "").await, "/pengajuan/kirim");
        for no_consent in ["", "consent="] {
            let reply = app.post_form_with_cookie("/pengajuan/kirim", no_consent, &applicant).await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
            assert_eq!(
                field_error(&reply.body, "submit", "consent").as_deref(),
                Some("Centang persetujuan untuk mengirim pengajuan.")
            );
        }
        let english = app
            .post_form_with("/pengajuan/kirim", "", &[("cookie", &applicant), ("accept-language", "en")])
            .await;
        assert_eq!(field_error(&english.body, "submit", "consent").as_deref(), Some("Tick the consent box to send the application."));
        let still = application_of(&app, APPLICANT).await.expect("draft");
        assert_eq!(still.status, ApplicationStatus::Draft);
        assert_eq!(still.consent_version, None);
        assert_eq!(still.nik_masked.as_deref(), Some(NIK_MASKED), "nothing lost");

        submit(&app, &applicant).await;
        let sent = application_of(&app, APPLICANT).await.expect("application");
        assert_eq!(sent.status, ApplicationStatus::Submitted);
        assert_eq!(sent.consent_version.as_deref(), Some(vendors::PRIVACY_NOTICE_VERSION), "the notice version consented to");
        let twice = app.post_form_with_cookie("/pengajuan/kirim", "consent=on", &applicant).await;
        assert_eq!(twice.status, StatusCode::CONFLICT, "{}", twice.body);
    }

    async fn an_applicant_sees_only_their_own_application_and_shoppers_never_reach_the_review(test_db: TestDb) {
        let media = TempDir::new("separation");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &media.path_str())]).await;
        let mut weaver = Answers::weaver();
        weaver.proof = Some(jpeg(400, 300));
        let mut roaster = Answers::roaster();
        roaster.proof = Some(jpeg(300, 400));
        let (a, a_id) = submitted_application(&app, APPLICANT, &weaver).await;
        let b = app.log_in(OTHER_APPLICANT, DEMO_PASSWORD).await;
        save_steps(&app, &b, &roaster).await;
        let b_application = application_of(&app, OTHER_APPLICANT).await.expect("draft");
        let b_id = b_application.id.0;
        let b_masked = b_application.nik_masked.clone().expect("masked");
        let b_proof = b_application.proof_photo.clone().expect("proof");

        for page in ["/pengajuan", "/pengajuan/usaha", "/pengajuan/pemilik", "/pengajuan/purna", "/pengajuan/identitas", "/pengajuan/kirim", "/pengajuan/data.json"] {
            let reply = app.get_with_cookie(page, &a).await;
            assert_eq!(reply.status, StatusCode::OK, "{page}: {}", reply.body);
            for theirs in ["Kopi Sangrai Nona Lince", "Lince Benu", "0853-3800-4411", "+6285338004411", b_masked.as_str(), "5371020307850042", b_proof.as_str()] {
                assert!(!reply.body.contains(theirs), "{page} shows A another applicant's {theirs:?}");
            }
        }
        let b_export = app.get_with_cookie("/pengajuan/data.json", &b).await;
        for theirs in ["Tenun Ikat Ina Rote", "Yohana Pandie", NIK, NIK_MASKED] {
            assert!(!b_export.body.contains(theirs), "B's download holds A's {theirs:?}");
        }

        // A's posts only ever touch A's own application (and A's is under review: refused).
        let reply = post_business(&app, &a, &roaster).await;
        assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
        let b_after = application_of(&app, OTHER_APPLICANT).await.expect("draft");
        assert_eq!(b_after.business_name, "Kopi Sangrai Nona Lince");
        assert_eq!(application_of(&app, APPLICANT).await.expect("a").business_name, "Tenun Ikat Ina Rote");

        let shopper = app.log_in(demo_login(Role::Shopper), DEMO_PASSWORD).await;
        for (who, cookie, expected) in [("applicant A", a.as_str(), StatusCode::FORBIDDEN), ("a shopper", shopper.as_str(), StatusCode::FORBIDDEN), ("nobody", "", StatusCode::UNAUTHORIZED)] {
            for page in ["/admin/pengajuan".to_owned(), format!("/admin/pengajuan/{b_id}"), format!("/admin/pengajuan/{a_id}"), format!("/admin/pengajuan/{b_id}/bukti"), format!("/admin/pengajuan/{a_id}/bukti")] {
                let reply = app.get_with_cookie(&page, cookie).await;
                assert_eq!(reply.status, expected, "{who} GET {page}");
                assert!(!reply.body.contains("Kopi Sangrai") && !reply.body.contains("Tenun Ikat Ina Rote"), "{who} GET {page}");
                assert_ne!(reply.header("content-type"), "image/jpeg", "{who} GET {page}");
            }
            for (path, body) in [
                (format!("/admin/pengajuan/{b_id}/keputusan"), "langkah=approve&pesan="),
                (format!("/admin/pengajuan/{a_id}/keputusan"), "langkah=approve&pesan="),
                (format!("/admin/pengajuan/{b_id}/nik"), "alasan=ingin+tahu+saja"),
                (format!("/admin/pengajuan/{a_id}/hapus-data"), ""),
            ] {
                let reply = app.post_form_with_cookie(&path, body, cookie).await;
                assert_eq!(reply.status, expected, "{who} POST {path}: {}", reply.body);
                assert!(!reply.body.contains("5371020307850042") && !reply.body.contains(NIK), "{who} POST {path}");
            }
            let reply = app.post_form_with_cookie("/api/review/queue", "status=&kecamatan=&category=&search=&page=0", cookie).await;
            assert_eq!(reply.status, expected, "{who} calls the queue's server fn: {}", reply.body);
            let reply = app.post_form_with_cookie("/api/review/detail", &format!("id={b_id}"), cookie).await;
            assert_eq!(reply.status, expected, "{who} calls the detail's server fn: {}", reply.body);
        }
        for path in ["/pengajuan", "/pengajuan/usaha", "/pengajuan/data.json"] {
            assert_eq!(app.get(path, &[]).await.status, StatusCode::UNAUTHORIZED, "{path} needs a login");
        }
        assert_eq!(application_of(&app, APPLICANT).await.expect("a").status, ApplicationStatus::Submitted, "nothing decided");
        assert_eq!(application_of(&app, OTHER_APPLICANT).await.expect("b").status, ApplicationStatus::Draft);
        assert!(audit_about(&app, APPLICANT).await.is_empty() && audit_about(&app, OTHER_APPLICANT).await.is_empty(), "nothing revealed or viewed");
        assert_eq!(media.files_in("private").len(), 2, "both proofs still stored");
    }

    async fn the_download_holds_the_owners_nik_and_who_revealed_or_viewed_it(test_db: TestDb) {
        let media = TempDir::new("export");
        let app = TestApp::seeded_with(test_db, &[("PASAR_MEDIA_DIR", &media.path_str())]).await;
        let mut answers = Answers::weaver();
        answers.proof = Some(jpeg(400, 300));
        let (applicant, id) = submitted_application(&app, APPLICANT, &answers).await;
        let admin_id = app.account_id(demo_login(Role::MarketOfficer)).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;

        let download = app.get_with_cookie("/pengajuan/data.json", &applicant).await;
        assert_eq!(download.status, StatusCode::OK, "{}", download.body);
        assert_eq!(download.header("cache-control"), "no-store");
        assert!(download.header("content-disposition").starts_with("attachment"), "a download");
        let data: serde_json::Value = serde_json::from_str(&download.body).expect("JSON");
        assert_eq!(data["account"]["phone"], "+6281339000001");
        assert_eq!(data["vendor_application"]["nik"], NIK, "the owner gets their NIK in full");
        assert_eq!(data["vendor_application"]["whatsapp"], "+6285239107788");
        assert_eq!(data["vendor_application"]["owner_name"], "Yohana Pandie");
        assert_eq!(data["vendor_application"]["has_proof_of_return"], true);
        assert_eq!(data["vendor_application"]["privacy_notice_version_accepted"], vendors::PRIVACY_NOTICE_VERSION);
        assert_eq!(data["vendor_application"]["history"][0]["step"], "submit");
        assert_eq!(data["access_and_decision_log"], serde_json::json!([]), "nobody looked yet");

        let reason = "Mencocokkan NIK dengan KTP asli di kantor";
        let revealed = app.post_form_with_cookie(&format!("/admin/pengajuan/{id}/nik"), &form(&[("alasan", reason)]), &admin).await;
        assert_eq!(revealed.status, StatusCode::OK, "{}", revealed.body);
        assert!(revealed.body.contains(NIK));
        let viewed = app.get_with_cookie(&format!("/admin/pengajuan/{id}/bukti"), &admin).await;
        assert_eq!(viewed.status, StatusCode::OK);
        assert_redirect(&decide(&app, &admin, id, "request_changes", "Foto bukti kurang jelas.").await, &format!("/admin/pengajuan/{id}"));

        let data: serde_json::Value =
            serde_json::from_str(&app.get_with_cookie("/pengajuan/data.json", &applicant).await.body).expect("JSON");
        let log = data["access_and_decision_log"].as_array().expect("a log");
        let entries: Vec<(i64, &str, &str)> = log
            .iter()
            .map(|e| (e["by_account"].as_i64().expect("actor"), e["action"].as_str().expect("action"), e["reason"].as_str().expect("reason")))
            .collect();
        assert_eq!(
            entries,
            [
                (admin_id, "nik:reveal", reason),
                (admin_id, "proof_photo:view", ""),
                (admin_id, "application:request_changes", "Foto bukti kurang jelas."),
            ]
        );
        assert!(log.iter().all(|e| e["at"].as_str().is_some_and(|at| !at.is_empty())), "each entry has its time");
        assert_eq!(data["notifications"][0]["kind"], "request_changes");
        assert_eq!(data["vendor_application"]["history"][1]["message"], "Foto bukti kurang jelas.");

        let other = app.log_in(OTHER_APPLICANT, DEMO_PASSWORD).await;
        let theirs: serde_json::Value =
            serde_json::from_str(&app.get_with_cookie("/pengajuan/data.json", &other).await.body).expect("JSON");
        assert_eq!(theirs["vendor_application"], serde_json::Value::Null);
        assert_eq!(theirs["access_and_decision_log"], serde_json::json!([]));
        assert_eq!(theirs["account"]["phone"], "+6281339000002");
    }
}
