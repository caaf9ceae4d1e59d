//! Vendors as records of their own: approval creates the record products point at, the
//! Dinas's suspension and reinstatement change it, a rejected or erased applicant starts a
//! new application with the old one kept, and erasure leaves only what financial records need.

use axum::http::StatusCode;
use backend::accounts::AccountId;
use backend::demo::DEMO_PASSWORD;
use backend::storage_test;
use backend::vendors::{self, ApplicationId};
use domain::application::ApplicationStatus;
use domain::Role;

use crate::applications::{
    application_of, assert_redirect, decide, post_business, post_identity, save_steps, submit,
    submitted_application, Answers, OTHER_APPLICANT,
};
use crate::support::{demo_login, form, TestApp};

/// The demo vendor behind `/pelapak/demo-1`, "Tenun Ikat Mama Yuli".
const YULI: &str = "0852-3910-0001";

/// `(business_name, description, pending_business_name, pending_category)` of demo-1.
async fn yuli_shop(app: &TestApp) -> (String, String, Option<String>, Option<String>) {
    backend::with_pool!(&app.test_db.db, |pool| sqlx::query_as(
        "select business_name, description, pending_business_name, pending_category
         from vendor where public_slug = 'demo-1'"
    )
    .fetch_one(pool)
    .await)
    .expect("demo-1")
}

async fn vendor_audit(app: &TestApp) -> Vec<(String, String)> {
    backend::with_pool!(&app.test_db.db, |pool| sqlx::query_as(
        "select action, reason from audit_event where subject_kind = 'vendor'
         order by audit_event_id"
    )
    .fetch_all(pool)
    .await)
    .expect("audit")
}

fn profile_form(
    name: &str,
    category: &str,
    description: &str,
    whatsapp: &str,
    kecamatan: &str,
) -> String {
    form(&[
        ("business_name", name),
        ("category", category),
        ("description", description),
        ("whatsapp", whatsapp),
        ("kecamatan", kecamatan),
    ])
}

/// `(status, public_slug, business_name, category, description, whatsapp, erased)` of the
/// vendor record made from application `id`.
type VendorRow = (String, String, String, String, String, Option<String>, bool);

async fn vendor_made_from(app: &TestApp, id: i64) -> Option<VendorRow> {
    backend::with_pool!(&app.test_db.db, |pool| sqlx::query_as(
        "select status, public_slug, business_name, category, description, whatsapp,
                erased_at is not null
         from vendor where application_id = $1"
    )
    .bind(id)
    .fetch_optional(pool)
    .await)
    .expect("read the vendor record")
}

async fn applications_of(app: &TestApp, login: &str) -> i64 {
    let account = app.account_id(login).await;
    backend::with_pool!(&app.test_db.db, |pool| sqlx::query_scalar(
        "select count(*) from vendor_application where account_id = $1"
    )
    .bind(account)
    .fetch_one(pool)
    .await)
    .expect("count applications")
}

storage_test! {
    async fn approval_creates_the_vendor_record_that_suspension_and_reinstatement_change(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let (_, id) = submitted_application(&app, OTHER_APPLICANT, &Answers::roaster()).await;
        assert_eq!(vendor_made_from(&app, id).await, None, "no vendor before approval");

        assert_redirect(&decide(&app, &admin, id, "approve", "").await, &format!("/admin/pengajuan/{id}"));

        let (status, slug, name, category, _, whatsapp, erased) =
            vendor_made_from(&app, id).await.expect("approval creates the vendor record");
        assert_eq!((status.as_str(), name.as_str(), category.as_str(), erased), ("active", "Kopi Sangrai Nona Lince", "minuman", false));
        assert_eq!(whatsapp.as_deref(), Some("+6285338004411"), "the shop's WhatsApp starts as the owner's");
        assert_eq!(application_of(&app, OTHER_APPLICANT).await.and_then(|a| a.public_slug), Some(slug.clone()));
        let account = AccountId(app.account_id(OTHER_APPLICANT).await);
        assert!(vendors::active_vendor_of(&app.test_db.db, account).await.expect("read").is_some());
        assert_eq!(app.get(&format!("/pelapak/{slug}"), &[]).await.status, StatusCode::OK);

        assert_redirect(&decide(&app, &admin, id, "suspend", "Produk tidak sesuai aturan pasar.").await, &format!("/admin/pengajuan/{id}"));
        assert_eq!(vendor_made_from(&app, id).await.map(|v| v.0).as_deref(), Some("suspended"));
        assert!(vendors::active_vendor_of(&app.test_db.db, account).await.expect("read").is_none(), "a suspended vendor is not active");
        assert_eq!(app.get(&format!("/pelapak/{slug}"), &[]).await.status, StatusCode::NOT_FOUND);

        assert_redirect(&decide(&app, &admin, id, "reinstate", "Sudah diperbaiki.").await, &format!("/admin/pengajuan/{id}"));
        assert_eq!(vendor_made_from(&app, id).await.map(|v| v.0).as_deref(), Some("active"));
        assert_eq!(app.get(&format!("/pelapak/{slug}"), &[]).await.status, StatusCode::OK);
    }

    async fn a_rejected_applicant_applies_again_with_a_new_application_and_the_old_one_kept(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let answers = Answers::roaster();
        let (applicant, old) = submitted_application(&app, OTHER_APPLICANT, &answers).await;
        let reason = "Usaha belum berjalan.";
        assert_redirect(&decide(&app, &admin, old, "reject", reason).await, &format!("/admin/pengajuan/{old}"));

        let dashboard = app.get_with_cookie("/pengajuan", &applicant).await;
        assert!(dashboard.body.contains("action=\"/pengajuan/ajukan-lagi\""), "{}", dashboard.body);
        assert!(dashboard.body.contains("Mulai pengajuan baru"), "{}", dashboard.body);
        assert_eq!(post_business(&app, &applicant, &answers).await.status, StatusCode::CONFLICT, "the rejected application stays closed");
        assert_eq!(applications_of(&app, OTHER_APPLICANT).await, 1, "a refused save starts nothing");

        assert_redirect(&app.post_form_with_cookie("/pengajuan/ajukan-lagi", "", &applicant).await, "/pengajuan?selesai=ajukan-lagi");

        let fresh = application_of(&app, OTHER_APPLICANT).await.expect("the new application");
        assert_ne!(fresh.id.0, old);
        assert_eq!(fresh.status, ApplicationStatus::Draft);
        assert_eq!(fresh.business_name, "Kopi Sangrai Nona Lince", "filled in from the last one");
        assert_eq!(fresh.owner_name, "Lince Benu");
        assert_eq!((fresh.nik_masked.clone(), fresh.consent_version.clone()), (None, None), "NIK and consent are asked anew");
        let kept = vendors::find_by_id(&app.test_db.db, ApplicationId(old)).await.expect("read").expect("the old one stays");
        assert_eq!(kept.status, ApplicationStatus::Rejected);
        let history = vendors::history(&app.test_db.db, ApplicationId(old)).await.expect("history");
        assert!(history.iter().any(|e| e.transition.as_str() == "reject" && e.message == reason), "{history:?}");
        let notice = app.get_with_cookie("/pengajuan?selesai=ajukan-lagi", &applicant).await;
        assert!(notice.body.contains("Pengajuan baru sudah siap"), "{}", notice.body);

        assert_redirect(&app.post_form_with_cookie("/pengajuan/ajukan-lagi", "", &applicant).await, "/pengajuan");
        assert_eq!(applications_of(&app, OTHER_APPLICANT).await, 2, "a second tap while one is open starts nothing");

        // The rejected application does not keep its NIK from the new one.
        assert_redirect(&post_identity(&app, &applicant, &answers.nik, "").await, "/pengajuan/kirim");
        save_steps(&app, &applicant, &answers).await;
        submit(&app, &applicant).await;
        let id = application_of(&app, OTHER_APPLICANT).await.expect("new").id.0;
        assert_redirect(&decide(&app, &admin, id, "approve", "").await, &format!("/admin/pengajuan/{id}"));
        assert_eq!(vendor_made_from(&app, id).await.map(|v| v.0).as_deref(), Some("active"));
    }

    async fn erasure_keeps_the_business_name_for_financial_records_and_the_applicant_may_apply_again(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let (applicant, id) = submitted_application(&app, OTHER_APPLICANT, &Answers::roaster()).await;
        assert_redirect(&decide(&app, &admin, id, "approve", "").await, &format!("/admin/pengajuan/{id}"));
        let slug = vendor_made_from(&app, id).await.expect("vendor").1;
        assert_redirect(&app.post_form_with_cookie("/pengajuan/hapus-data", "", &applicant).await, "/pengajuan?selesai=hapus-diminta");
        assert_redirect(&app.post_form_with_cookie(&format!("/admin/pengajuan/{id}/hapus-data"), "", &admin).await, &format!("/admin/pengajuan/{id}"));

        let (_, kept_slug, name, category, description, whatsapp, erased) = vendor_made_from(&app, id).await.expect("the vendor record stays");
        assert_eq!((name.as_str(), category.as_str(), kept_slug.as_str()), ("Kopi Sangrai Nona Lince", "minuman", slug.as_str()), "what receipts and ledger rows name");
        assert_eq!((description.as_str(), whatsapp, erased), ("", None, true), "nothing that describes or reaches the person");
        assert_eq!(app.get(&format!("/pelapak/{slug}"), &[]).await.status, StatusCode::NOT_FOUND);
        assert!(!app.get("/pelapak?q=kopi+sangrai", &[]).await.body.contains("Kopi Sangrai Nona Lince"), "an erased shop leaves the directory");
        let account = AccountId(app.account_id(OTHER_APPLICANT).await);
        assert!(vendors::active_vendor_of(&app.test_db.db, account).await.expect("read").is_none());

        let dashboard = app.get_with_cookie("/pengajuan", &applicant).await;
        assert!(dashboard.body.contains("action=\"/pengajuan/ajukan-lagi\""), "{}", dashboard.body);
        assert_redirect(&app.post_form_with_cookie("/pengajuan/ajukan-lagi", "", &applicant).await, "/pengajuan?selesai=ajukan-lagi");
        let fresh = application_of(&app, OTHER_APPLICANT).await.expect("the new application");
        assert_eq!((fresh.status, fresh.business_name.as_str(), fresh.owner_name.as_str()), (ApplicationStatus::Draft, "", ""), "nothing erased comes back");
    }

    async fn the_download_of_ones_data_holds_every_application_not_only_the_latest(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let admin = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let (applicant, id) = submitted_application(&app, OTHER_APPLICANT, &Answers::roaster()).await;
        assert_redirect(&decide(&app, &admin, id, "reject", "Belum ada bukti kepulangan").await, &format!("/admin/pengajuan/{id}"));
        assert_redirect(&app.post_form_with_cookie("/pengajuan/ajukan-lagi", "", &applicant).await, "/pengajuan?selesai=ajukan-lagi");

        let export: serde_json::Value =
            serde_json::from_str(&app.get_with_cookie("/pengajuan/data.json", &applicant).await.body).expect("JSON");
        assert_eq!(export["vendor_application"]["status"], "draft", "the latest first, where it always was");
        let earlier = export["earlier_vendor_applications"].as_array().expect("a list");
        assert_eq!(earlier.len(), 1, "{export}");
        assert_eq!(earlier[0]["status"], "rejected");
        assert_eq!(earlier[0]["business_name"], "Kopi Sangrai Nona Lince");
        let steps: Vec<_> = earlier[0]["history"].as_array().expect("history").iter().map(|e| e["message"].clone()).collect();
        assert!(steps.contains(&serde_json::json!("Belum ada bukti kepulangan")), "{steps:?}");
    }

    async fn a_vendor_edits_their_shop_at_once_and_a_new_name_waits_for_the_dinas(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let yuli = app.log_in(YULI, DEMO_PASSWORD).await;
        let shop = app.get_with_cookie("/lapak", &yuli).await;
        assert!(shop.body.contains("action=\"/lapak/profil\""), "{}", shop.body);
        assert!(shop.body.contains("value=\"Tenun Ikat Mama Yuli\""), "{}", shop.body);
        let (_, description_before, _, _) = yuli_shop(&app).await;

        // Bad input: every field says why, nothing is saved.
        let refused = app.post_form_with_cookie("/lapak/profil", &profile_form(" ", "senjata", "x", "12", "oebobo"), &yuli).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        for field in ["business_name", "category", "whatsapp"] {
            assert!(crate::applications::field_error(&refused.body, "profile", field).is_some(), "{field}: {}", refused.body);
        }
        let nowhere = app.post_form_with_cookie("/lapak/profil", &profile_form("Tenun Ikat Mama Yuli", "tenun", "x", "0852-3910-0001", "atlantis"), &yuli).await;
        assert_eq!(nowhere.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(nowhere.body.contains("Pilih salah satu kecamatan di Kota Kupang."), "{}", nowhere.body);
        assert_eq!(yuli_shop(&app).await.1, description_before, "nothing half-saved");
        assert_eq!(vendor_audit(&app).await, Vec::<(String, String)>::new());

        let saved = app.post_form_with_cookie("/lapak/profil", &profile_form("Tenun Lontarindah Mama Yuli", "tenun", "Selendang baru dari Amarasi.", "0852-3910-0001", "kelapa-lima"), &yuli).await;
        assert_redirect(&saved, "/lapak?selesai=profil-ditinjau");

        let (name, description, pending_name, pending_category) = yuli_shop(&app).await;
        assert_eq!((name.as_str(), description.as_str()), ("Tenun Ikat Mama Yuli", "Selendang baru dari Amarasi."), "the description applies at once, the name waits");
        assert_eq!((pending_name.as_deref(), pending_category), (Some("Tenun Lontarindah Mama Yuli"), None));
        let profile = app.get("/pelapak/demo-1", &[]).await;
        assert!(profile.body.contains("Tenun Ikat Mama Yuli") && profile.body.contains("Selendang baru dari Amarasi.") && profile.body.contains("Kelapa Lima"), "{}", profile.body);
        assert!(!profile.body.contains("Lontarindah"), "an unreviewed name is not public");
        let waiting = app.get_with_cookie("/lapak?selesai=profil-ditinjau", &yuli).await;
        assert!(waiting.body.contains("Menunggu pemeriksaan Dinas: Tenun Lontarindah Mama Yuli"), "{}", waiting.body);
        assert_eq!(
            vendor_audit(&app).await,
            [("vendor:profile_changed".to_owned(), "description, kecamatan".to_owned()), ("vendor:change_proposed".to_owned(), "business_name".to_owned())]
        );
        assert!(app.get("/cari?q=lontarindah", &[]).await.body.contains("Tidak ada produk yang cocok"), "search does not know the new name yet");

        // The Dinas answers on the application's page.
        let application = application_of(&app, YULI).await.expect("Yuli's application").id.0;
        let page = format!("/admin/pengajuan/{application}");
        let action = format!("{page}/perubahan-lapak");
        let officer = app.log_in(demo_login(Role::MarketOfficer), DEMO_PASSWORD).await;
        let review = app.get_with_cookie(&page, &officer).await;
        assert!(review.body.contains("Nama usaha: Tenun Ikat Mama Yuli → Tenun Lontarindah Mama Yuli"), "{}", review.body);
        let cashier = app.log_in(demo_login(Role::Cashier), DEMO_PASSWORD).await;
        assert_eq!(app.post_form_with_cookie(&action, "jawab=terima", &cashier).await.status, StatusCode::FORBIDDEN);
        assert_eq!(app.post_form_with_cookie(&action, "jawab=terima", &yuli).await.status, StatusCode::FORBIDDEN, "a vendor does not approve their own change");
        let no_reason = app.post_form_with_cookie(&action, "jawab=tolak&alasan=+", &officer).await;
        assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(no_reason.body.contains("Tulis alasan penolakan"), "{}", no_reason.body);
        assert_eq!(yuli_shop(&app).await.2.as_deref(), Some("Tenun Lontarindah Mama Yuli"), "a refused answer changes nothing");

        assert_redirect(&app.post_form_with_cookie(&action, "jawab=terima", &officer).await, &page);
        let (name, _, pending_name, _) = yuli_shop(&app).await;
        assert_eq!((name.as_str(), pending_name), ("Tenun Lontarindah Mama Yuli", None));
        assert!(app.get("/pelapak/demo-1", &[]).await.body.contains("Tenun Lontarindah Mama Yuli"));
        let found = app.get("/cari?q=lontarindah", &[]).await;
        assert!(found.body.contains("href=\"/produk/"), "the shop's products are found by its new name: {}", found.body);
        assert_eq!(app.post_form_with_cookie(&action, "jawab=terima", &officer).await.status, StatusCode::CONFLICT, "nothing left to decide");
        assert_eq!(vendor_audit(&app).await.last().map(|(action, _)| action.as_str()), Some("vendor:change_accepted"));
        assert_eq!(crate::applications::notices_of(&app, YULI).await.last().map(String::as_str), Some("shop_change_accepted"));
        let dashboard = app.get_with_cookie("/pengajuan", &yuli).await;
        assert!(dashboard.body.contains("Dinas menyetujui nama atau jenis usaha baru toko Anda"), "{}", dashboard.body);

        // A suspended vendor edits nothing.
        backend::with_pool!(&app.test_db.db, |pool| sqlx::query("update vendor set status = 'suspended' where public_slug = 'demo-1'")
            .execute(pool).await.map(|_| ())).expect("suspend");
        let suspended = app.post_form_with_cookie("/lapak/profil", &profile_form("Tenun Lontarindah Mama Yuli", "tenun", "Diganti.", "0852-3910-0001", "oebobo"), &yuli).await;
        assert_eq!(suspended.status, StatusCode::FORBIDDEN, "{}", suspended.body);
        assert_eq!(yuli_shop(&app).await.1, "Selendang baru dari Amarasi.", "nothing changed");
    }

    async fn a_notice_of_a_kind_this_build_does_not_know_never_reads_as_another_kind(test_db: TestDb) {
        let app = TestApp::seeded(test_db).await;
        let yuli = app.log_in(YULI, DEMO_PASSWORD).await;
        let account = app.account_id(YULI).await;
        let application = application_of(&app, YULI).await.expect("application").id.0;
        backend::with_pool!(&app.test_db.db, |pool| sqlx::query(
            "insert into notification (account_id, kind, application_id, created_at) values ($1, 'stall_offered', $2, 1)"
        ).bind(account).bind(application).execute(pool).await.map(|_| ())).expect("a notice from a newer build");

        let dashboard = app.get_with_cookie("/pengajuan", &yuli).await;

        assert!(dashboard.body.contains("Ada kabar baru untuk Anda"), "{}", dashboard.body);
        assert!(!dashboard.body.contains("Toko diaktifkan kembali"), "not the words of another kind: {}", dashboard.body);
    }
}
