//! Form posts about a vendor's shop profile: the vendor's own changes (`/lapak/profil`) and
//! the Dinas's answer to a new business name or category (on the application's review page).
//! Each handler parses, calls one backend service and renders.

use app::apply::messages::problem_message;
use app::forms::{FormFeedback, FORM};
use app::products::SHOP_FORM;
use app::review::form;
use axum::extract::{Path, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use backend::accounts::AccountId;
use backend::vendors::{self, ApplicationId, ShopError};
use domain::shop::ShopForm;
use domain::Need;
use domain::Permission::{ManageOwnShop, ReviewApplications};
use serde::Deserialize;

use crate::authz::viewer;
use crate::form_data::Posted;
use crate::pages::{render_at, see_other};
use crate::routes::Endpoint;
use crate::ServerState;

/// What the shop profile form posts.
#[derive(Debug, Deserialize)]
pub struct ProfilePost {
    #[serde(default)]
    business_name: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    whatsapp: String,
    #[serde(default)]
    kecamatan: String,
}

/// `POST /lapak/profil`: saves the vendor's shop profile; a new name or category waits for
/// the Dinas.
pub async fn save_profile(
    State(state): State<ServerState>,
    parts: Parts,
    Posted(post): Posted<ProfilePost>,
) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    let form = ShopForm {
        business_name: post.business_name,
        category: post.category,
        description: post.description,
        whatsapp: post.whatsapp,
        kecamatan: post.kecamatan,
    };
    let typed = |feedback: FormFeedback| {
        feedback
            .value("business_name", form.business_name.clone())
            .value("category", form.category.clone())
            .value("description", form.description.clone())
            .value("whatsapp", form.whatsapp.clone())
            .value("kecamatan", form.kecamatan.clone())
    };
    let edit = match form.check() {
        Ok(edit) => edit,
        Err(issues) => {
            let feedback =
                issues.into_iter().fold(FormFeedback::for_form(SHOP_FORM), |f, issue| {
                    let (key, args) = problem_message(issue.problem);
                    f.error_with(issue.field, key, args)
                });
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return render_at(&state, parts, "/lapak", typed(feedback), status).await;
        }
    };
    let account = AccountId(viewer.account_id);
    let (feedback, status) =
        match vendors::update_shop(&state.app.db, account, &edit, state.app.clock.now()).await {
            Ok(saved) if saved.awaits_review => return see_other("/lapak?selesai=profil-ditinjau"),
            Ok(_) => return see_other("/lapak?selesai=profil"),
            Err(ShopError::UnknownKecamatan) => (
                FormFeedback::for_form(SHOP_FORM).error("kecamatan", "shop-error-kecamatan"),
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            // Suspended between the access check and the save: the policy's answer.
            Err(ShopError::NotAVendor | ShopError::Backend(backend::Error::Forbidden)) => (
                FormFeedback::for_form(SHOP_FORM).error(FORM, "error-forbidden-body"),
                StatusCode::FORBIDDEN,
            ),
            Err(error) => {
                tracing::error!(error = ?error, "could not save a shop profile");
                (
                    FormFeedback::for_form(SHOP_FORM).error(FORM, "form-error-unavailable"),
                    StatusCode::SERVICE_UNAVAILABLE,
                )
            }
        };
    render_at(&state, parts, "/lapak", typed(feedback), status).await
}

/// What the officer's answer to a shop change posts.
#[derive(Debug, Deserialize)]
pub struct ChangeAnswer {
    /// `terima` (accept) or `tolak` (refuse).
    #[serde(default)]
    jawab: String,
    #[serde(default)]
    alasan: String,
}

/// `POST /admin/pengajuan/{id}/perubahan-lapak`: accepts or refuses the new business name or
/// category of the shop made from application `id`.
pub async fn answer_change(
    State(state): State<ServerState>,
    Path(id): Path<i64>,
    parts: Parts,
    Posted(answer): Posted<ChangeAnswer>,
) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    let accept = match answer.jawab.as_str() {
        "terima" => true,
        "tolak" => false,
        _ => return crate::error::PageError::bad_request(&parts.headers).into_response(),
    };
    let result = vendors::decide_shop_change(
        &state.app.db,
        AccountId(viewer.account_id),
        ApplicationId(id),
        accept,
        &answer.alasan,
        state.app.clock.now(),
    )
    .await;
    let (key, status) = match result {
        Ok(()) => return see_other(&format!("/admin/pengajuan/{id}")),
        Err(ShopError::ReasonRequired) => {
            ("review-error-shop-reason", StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(ShopError::OwnShop) => ("review-error-own-application", StatusCode::FORBIDDEN),
        Err(ShopError::Backend(backend::Error::Forbidden)) => {
            ("error-forbidden-body", StatusCode::FORBIDDEN)
        }
        Err(ShopError::NothingPending | ShopError::NotAVendor) => {
            ("review-error-shop-nothing", StatusCode::CONFLICT)
        }
        Err(error) => {
            tracing::error!(error = ?error, "could not answer a shop change");
            ("form-error-unavailable", StatusCode::SERVICE_UNAVAILABLE)
        }
    };
    let feedback = FormFeedback::for_form(form::SHOP_CHANGE)
        .error(if key == "review-error-shop-reason" { "alasan" } else { FORM }, key)
        .value("alasan", answer.alasan);
    render_at(&state, parts, &format!("/admin/pengajuan/{id}"), feedback, status).await
}

/// This feature's routes and what each needs.
#[must_use]
pub fn endpoints() -> Vec<Endpoint> {
    vec![
        Endpoint::post("/lapak/profil", Need::Permission(ManageOwnShop), save_profile),
        Endpoint::post(
            "/lapak/profil/foto",
            Need::Permission(ManageOwnShop),
            super::shop_photo::replace,
        )
        .body_limit(super::apply::MAX_STEP_FORM_BYTES),
        Endpoint::post(
            "/admin/pengajuan/{id}/perubahan-lapak",
            Need::Permission(ReviewApplications),
            answer_change,
        ),
    ]
}
