//! From the backend's application to what the applicant's pages get.

use backend::notices::Stored;
use backend::vendors::{Application, ApplicationEvent};

use super::api::MyApplication;
use crate::auth::Viewer;

/// The WhatsApp number a form starts with: the account's own phone, if it logs in with one.
pub(crate) fn default_whatsapp(viewer: &Viewer) -> String {
    if viewer.login.starts_with('0') {
        viewer.login.clone()
    } else {
        String::new()
    }
}

/// The steps still incomplete, in order.
pub(crate) fn missing_steps(app: &Application) -> Vec<String> {
    let mut missing = Vec::new();
    if app.business_name.is_empty() || app.category.is_none() {
        missing.push("business".to_owned());
    }
    if app.owner_name.is_empty() || app.whatsapp.is_none() {
        missing.push("owner".to_owned());
    }
    if app.placement_country.is_empty() || app.return_year.is_none() {
        missing.push("returnee".to_owned());
    }
    if app.nik_masked.is_none() {
        missing.push("identity".to_owned());
    }
    missing
}

pub(crate) fn to_wire(
    app: &Application,
    viewer: &Viewer,
    history: Vec<ApplicationEvent>,
    notifications: Vec<Stored>,
) -> MyApplication {
    let number = |n: Option<i32>| n.map(|n| n.to_string()).unwrap_or_default();
    let whatsapp = app
        .whatsapp
        .as_ref()
        .map(domain::PhoneNumber::national)
        .unwrap_or_else(|| default_whatsapp(viewer));
    let place = match (app.kelurahan_id, &app.outside_regency) {
        (Some(id), _) => id.to_string(),
        (None, Some(_)) => "luar".to_owned(),
        (None, None) => String::new(),
    };
    let fields = vec![
        ("business_name", app.business_name.clone()),
        ("category", app.category.map(|c| c.as_str().to_owned()).unwrap_or_default()),
        ("description", app.description.clone()),
        ("owner_name", app.owner_name.clone()),
        ("gender", app.gender.map(|g| g.as_str().to_owned()).unwrap_or_default()),
        ("whatsapp", whatsapp),
        ("place", place),
        ("outside_regency", app.outside_regency.clone().unwrap_or_default()),
        ("address", app.address.clone()),
        ("placement_country", app.placement_country.clone()),
        ("years_abroad", number(app.years_abroad)),
        ("return_year", number(app.return_year)),
        ("show_returnee_details", if app.show_returnee_details { "on" } else { "" }.to_owned()),
        ("nib", app.nib.clone().unwrap_or_default()),
    ];
    MyApplication {
        status: app.status.as_str().to_owned(),
        fields: fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        nik_masked: app.nik_masked.clone(),
        has_business_photo: app.business_photo.is_some(),
        has_proof: app.proof_photo.is_some(),
        missing_steps: missing_steps(app),
        history: history
            .into_iter()
            .map(|e| (e.transition.as_str().to_owned(), e.message, e.by_applicant, e.at))
            .collect(),
        notifications: notifications.into_iter().map(Into::into).collect(),
        // The one definition of an active vendor: the viewer's live vendor record.
        public_slug: app.public_slug.clone().filter(|_| viewer.vendor.is_some()),
        erasure_requested: app.erasure_requested_at.is_some(),
        erased: app.erased_at.is_some(),
    }
}
