//! From the backend's application to what the reviewer's page gets.

use backend::vendors::{Application, ApplicationEvent};

use super::api::ReviewDetail;

/// The prefilled WhatsApp message to an applicant, in Bahasa Indonesia (the applicant's
/// language in Kupang), pointing them to their dashboard.
fn whatsapp_message(a: &Application) -> String {
    format!(
        "Halo {}, ini dari Dinas pengelola Pasar Purna Kota Kupang tentang pengajuan pelapak \"{}\". \
         Silakan buka Pasar Purna, menu Pengajuan saya, untuk melihat kabar terbaru.",
        a.owner_name, a.business_name
    )
}

pub(crate) fn to_detail(a: Application, history: Vec<ApplicationEvent>) -> ReviewDetail {
    let number = |n: Option<i32>| n.map(|n| n.to_string()).unwrap_or_default();
    let whatsapp_link = a.whatsapp.as_ref().map(|phone| {
        format!(
            "https://wa.me/{}?text={}",
            phone.wa_me_digits(),
            crate::auth::encode_query_value(&whatsapp_message(&a))
        )
    });
    let facts = vec![
        ("apply-business-name", a.business_name.clone()),
        ("apply-category", a.category.map(|c| c.as_str().to_owned()).unwrap_or_default()),
        ("apply-description", a.description.clone()),
        ("apply-owner-name", a.owner_name.clone()),
        ("apply-gender", a.gender.map(|g| g.as_str().to_owned()).unwrap_or_default()),
        (
            "apply-whatsapp",
            a.whatsapp.as_ref().map(domain::PhoneNumber::national).unwrap_or_default(),
        ),
        ("apply-place", a.place_name.clone().or(a.outside_regency.clone()).unwrap_or_default()),
        ("apply-address", a.address.clone()),
        ("apply-country", a.placement_country.clone()),
        ("apply-years-abroad", number(a.years_abroad)),
        ("apply-return-year", number(a.return_year)),
        ("apply-nik", a.nik_masked.clone().unwrap_or_default()),
        ("apply-nib", a.nib.clone().unwrap_or_default()),
        ("review-consent-version", a.consent_version.clone().unwrap_or_default()),
    ];
    ReviewDetail {
        id: a.id.0,
        status: a.status.as_str().to_owned(),
        facts: facts.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        business_photo: a.business_photo.clone(),
        has_proof: a.proof_photo.is_some(),
        history: history
            .into_iter()
            .map(|e| (e.transition.as_str().to_owned(), e.message, e.by_applicant, e.at))
            .collect(),
        whatsapp_link,
        erasure_requested: a.erasure_requested_at.is_some() && a.erased_at.is_none(),
        erased: a.erased_at.is_some(),
        submitted_at: a.submitted_at,
        shop_change: None,
    }
}
