//! Form posts and files of the Dinas's review pages: decisions, the logged NIK reveal, the
//! logged view of a proof-of-return file, and completing an erasure.

use app::forms::{FormFeedback, FORM};
use app::review::form;
use axum::extract::{Path, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use backend::accounts::AccountId;
use backend::media::{self, Visibility};
use backend::vendors::{self, ApplicationId, DecideError, ErasureError, RevealError};
use domain::application::{ApplicationStatus, Transition};
use domain::Need;
use domain::Permission::{EraseApplicantData, RevealNik, ReviewApplications};
use serde::Deserialize;

use crate::authz::viewer;
use crate::error::PageError;
use crate::form_data::Posted;
use crate::pages::{render_with_feedback, see_other};
use crate::routes::Endpoint;
use crate::ServerState;

/// Nobody decides on, reveals for or erases their own application.
const OWN_APPLICATION_KEY: &str = "review-error-own-application";

fn detail_parts(parts: Parts, id: i64) -> Parts {
    crate::pages::at(parts, &format!("/admin/pengajuan/{id}"))
}

/// What the decision form posts.
#[derive(Debug, Deserialize)]
pub struct Decision {
    #[serde(default)]
    langkah: String,
    #[serde(default)]
    pesan: String,
}

/// `POST /admin/pengajuan/{id}/keputusan`: approve, reject, request changes, suspend or
/// reinstate. When two admins decide at once, one wins and the other is told.
pub async fn decide(
    State(state): State<ServerState>,
    Path(id): Path<i64>,
    parts: Parts,
    Posted(form): Posted<Decision>,
) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    let parts = detail_parts(parts, id);
    let feedback = FormFeedback::for_form(form::DECISION).value("pesan", form.pesan.clone());
    let Some(transition) = Transition::from_db(&form.langkah).filter(|t| !t.by_applicant()) else {
        return render_with_feedback(
            &state,
            parts,
            feedback.error(FORM, "review-error-step"),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    if form.pesan.chars().count() > domain::vendor::limits::MESSAGE {
        let args = vec![("max", domain::vendor::limits::MESSAGE.to_string())];
        return render_with_feedback(
            &state,
            parts,
            feedback.error_with("pesan", "apply-error-too-long", args),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let decided = vendors::decide(
        &state.app.db,
        AccountId(viewer.account_id),
        ApplicationId(id),
        transition,
        &form.pesan,
        state.app.clock.now(),
    )
    .await;
    let (feedback, status) = match decided {
        Ok(_) => return see_other(&format!("/admin/pengajuan/{id}")),
        Err(DecideError::ReasonRequired) => {
            (feedback.error("pesan", "review-error-reason"), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(DecideError::AlreadyDecided(_)) => {
            (feedback.error(FORM, "review-error-already-decided"), StatusCode::CONFLICT)
        }
        Err(DecideError::NotFound) => return crate::pages::not_found(&parts),
        Err(DecideError::OwnApplication) => {
            (feedback.error(FORM, OWN_APPLICATION_KEY), StatusCode::FORBIDDEN)
        }
        Err(DecideError::NotADecision) => {
            (feedback.error(FORM, "review-error-step"), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(DecideError::Backend(backend::Error::Forbidden)) => {
            (feedback.error(FORM, "error-forbidden-body"), StatusCode::FORBIDDEN)
        }
        Err(DecideError::Backend(error)) => {
            tracing::error!(error = ?error, "decision failed");
            (feedback.error(FORM, "form-error-unavailable"), StatusCode::SERVICE_UNAVAILABLE)
        }
    };
    render_with_feedback(&state, parts, feedback, status).await
}

/// What the reveal form posts.
#[derive(Debug, Deserialize)]
pub struct Reveal {
    #[serde(default)]
    alasan: String,
}

/// `POST /admin/pengajuan/{id}/nik`: shows the full NIK once, for a stated reason; the
/// reveal is logged with the reason before the NIK is shown.
pub async fn reveal_nik(
    State(state): State<ServerState>,
    Path(id): Path<i64>,
    parts: Parts,
    Posted(form): Posted<Reveal>,
) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    let parts = detail_parts(parts, id);
    let feedback = FormFeedback::for_form(form::REVEAL);
    let reason = form.alasan.trim();
    if reason.chars().count() < 5 || reason.chars().count() > 200 {
        return render_with_feedback(
            &state,
            parts,
            feedback.error("alasan", "review-error-reveal-reason"),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let revealed = vendors::reveal_nik(
        &state.app.db,
        &state.app.personal_data,
        AccountId(viewer.account_id),
        ApplicationId(id),
        reason,
        state.app.clock.now(),
    )
    .await;
    match revealed {
        Ok(Some(nik)) => {
            let mut response = render_with_feedback(
                &state,
                parts,
                FormFeedback { issued_link: Some(nik), ..feedback },
                StatusCode::OK,
            )
            .await;
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Ok(None) => {
            render_with_feedback(
                &state,
                parts,
                feedback.error(FORM, "review-error-no-nik"),
                StatusCode::NOT_FOUND,
            )
            .await
        }
        Err(RevealError::OwnApplication) => {
            render_with_feedback(
                &state,
                parts,
                feedback.error(FORM, OWN_APPLICATION_KEY),
                StatusCode::FORBIDDEN,
            )
            .await
        }
        Err(RevealError::Backend(error)) => {
            crate::pages::backend_failure(&state, parts, feedback, "NIK reveal failed", &error)
                .await
        }
    }
}

/// `GET /admin/pengajuan/{id}/bukti`: the proof-of-return file, from the private folder,
/// each view logged. Never cached.
pub async fn proof_photo(
    State(state): State<ServerState>,
    Path(id): Path<i64>,
    parts: Parts,
) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    let application = match vendors::find_by_id(&state.app.db, ApplicationId(id)).await {
        // A draft is the applicant's own until it is submitted, its proof too.
        Ok(Some(application)) if application.status != ApplicationStatus::Draft => application,
        Ok(_) => return PageError::not_found(&parts.headers).into_response(),
        Err(error) => {
            return PageError::unavailable(&parts.headers, "could not read an application", &error)
                .into_response();
        }
    };
    let Some(key) = application.proof_photo.filter(|key| media::is_valid_key(key)) else {
        return PageError::not_found(&parts.headers).into_response();
    };
    let viewed = vendors::log_proof_view(
        &state.app.db,
        AccountId(viewer.account_id),
        application.account,
        state.app.clock.now(),
    );
    if let Err(error) = viewed.await {
        let what = "could not log a proof view; not serving it";
        return PageError::of_backend(&parts.headers, what, &error).into_response();
    }
    match state.app.photos.file(Visibility::Private, &key).await {
        Ok(Some(bytes)) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("image/jpeg")),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            ],
            bytes,
        )
            .into_response(),
        Ok(None) => {
            tracing::error!("proof file missing");
            PageError::not_found(&parts.headers).into_response()
        }
        Err(error) => PageError::unavailable(&parts.headers, "could not read a proof file", &error)
            .into_response(),
    }
}

/// `POST /admin/pengajuan/{id}/hapus-data`: completes an erasure the applicant asked for.
pub async fn complete_erasure(
    State(state): State<ServerState>,
    Path(id): Path<i64>,
    parts: Parts,
) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    match vendors::complete_erasure(
        &state.app.db,
        &state.app.photos,
        AccountId(viewer.account_id),
        ApplicationId(id),
        state.app.clock.now(),
    )
    .await
    {
        Ok(()) => see_other(&format!("/admin/pengajuan/{id}")),
        Err(ErasureError::NothingToErase) => crate::pages::not_found(&parts),
        Err(refused @ (ErasureError::NotRequested | ErasureError::OwnApplication)) => {
            let (key, status) = match refused {
                ErasureError::NotRequested => {
                    ("review-error-erasure-not-requested", StatusCode::CONFLICT)
                }
                _ => (OWN_APPLICATION_KEY, StatusCode::FORBIDDEN),
            };
            let feedback = FormFeedback::for_form(form::ERASURE).error(FORM, key);
            render_with_feedback(&state, detail_parts(parts, id), feedback, status).await
        }
        Err(ErasureError::Backend(backend::Error::Forbidden)) => {
            let feedback =
                FormFeedback::for_form(form::ERASURE).error(FORM, "error-forbidden-body");
            render_with_feedback(&state, detail_parts(parts, id), feedback, StatusCode::FORBIDDEN)
                .await
        }
        Err(ErasureError::Backend(error)) => {
            tracing::error!(error = ?error, "erasure failed");
            let feedback =
                FormFeedback::for_form(form::ERASURE).error(FORM, "form-error-unavailable");
            render_with_feedback(
                &state,
                detail_parts(parts, id),
                feedback,
                StatusCode::SERVICE_UNAVAILABLE,
            )
            .await
        }
    }
}

/// `GET /media/{key}`: public photos (business photos). Keys are random; a malformed key or a
/// private file is simply not found.
pub async fn public_media(
    State(state): State<ServerState>,
    Path(key): Path<String>,
    headers: axum::http::HeaderMap,
) -> Response {
    match state.app.photos.file(Visibility::Public, &key).await {
        Ok(Some(bytes)) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("image/jpeg")),
                // Keys never change content: a new photo gets a new key.
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=31536000, immutable"),
                ),
            ],
            bytes,
        )
            .into_response(),
        Ok(None) => PageError::not_found(&headers).into_response(),
        Err(error) => {
            PageError::unavailable(&headers, "could not read a media file", &error).into_response()
        }
    }
}

/// This feature's routes and what each needs.
#[must_use]
pub fn endpoints() -> Vec<Endpoint> {
    vec![
        Endpoint::post(
            "/admin/pengajuan/{id}/keputusan",
            Need::Permission(ReviewApplications),
            decide,
        ),
        Endpoint::post("/admin/pengajuan/{id}/nik", Need::Permission(RevealNik), reveal_nik),
        Endpoint::post(
            "/admin/pengajuan/{id}/hapus-data",
            Need::Permission(EraseApplicantData),
            complete_erasure,
        ),
        // Each view is logged.
        Endpoint::get(
            "/admin/pengajuan/{id}/bukti",
            Need::Permission(ReviewApplications),
            proof_photo,
        ),
        // Business photos of approved vendors only.
        Endpoint::get("/media/{key}", Need::Public, public_media),
    ]
}
