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
use crate::support::{demo_login, TestApp};

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
}
