//! Form posts of the applicant's pages: each step saved as a draft, submission, erasure
//! request, notices read, and the download of everything held about the applicant.

use app::apply::messages::{
    problem_message, CONSENT_KEY, INCOMPLETE_KEY, NIK_TAKEN_KEY, NOT_AN_IMAGE_KEY,
    NOT_EDITABLE_KEY, TOO_LARGE_KEY,
};
use app::forms::{FormFeedback, FORM};
use axum::extract::{Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use backend::accounts::AccountId;
use backend::media::{self, PhotoError};
use backend::photos::PhotoError as Refused;
use backend::vendors::{self, IdentityError, SaveError, SubmitError};
use domain::application_form::{BusinessForm, IdentityForm, OwnerForm, ReturneeForm};
use domain::vendor::FieldIssue;
use domain::Need;
use domain::Permission::ApplyAsVendor;

use crate::authz::viewer;
use crate::error::PageError;
use crate::form_data::{FormData, FormDataError};
use crate::pages::see_other;
use crate::routes::Endpoint;
use crate::ServerState;

/// The largest body of an application step: one photo at the limit, and the text fields.
pub const MAX_STEP_FORM_BYTES: usize = media::MAX_UPLOAD_BYTES + 64 * 1024;

/// A refusal, ready to render.
type Refusal = (FormFeedback, StatusCode);

fn issues_feedback(form: &'static str, issues: Vec<FieldIssue>) -> FormFeedback {
    issues.into_iter().fold(FormFeedback::for_form(form), |feedback, issue| {
        let (key, args) = problem_message(issue.problem);
        feedback.error_with(issue.field, key, args)
    })
}

fn keep_values(
    mut feedback: FormFeedback,
    data: &FormData,
    names: &[&'static str],
) -> FormFeedback {
    for name in names {
        feedback = feedback.value(name, data.text(name));
    }
    feedback
}

/// The answer to a step the backend did not save; `photo_field` is where a photo's problem
/// is shown (the steps without a photo never get one).
fn save_failure(feedback: FormFeedback, photo_field: &'static str, error: SaveError) -> Refusal {
    let refused = StatusCode::UNPROCESSABLE_ENTITY;
    match error {
        SaveError::NotEditable => (feedback.error(FORM, NOT_EDITABLE_KEY), StatusCode::CONFLICT),
        SaveError::UnknownPlace => (feedback.error("place", "apply-error-choice"), refused),
        SaveError::Photo(error @ (PhotoError::Random(_) | PhotoError::Store(_))) => {
            tracing::error!(%error, "could not store a photo");
            (feedback.error(photo_field, "form-error-unavailable"), StatusCode::SERVICE_UNAVAILABLE)
        }
        SaveError::Photo(refusal) => {
            (feedback.error(photo_field, photo_refusal_key(&refusal)), refused)
        }
        SaveError::Backend(error) => backend_failure(feedback, &error),
    }
}

fn backend_failure(feedback: FormFeedback, error: &backend::Error) -> Refusal {
    tracing::error!(error = ?error, "application step failed");
    let status = if error.is_unavailable() {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::INTERNAL_SERVER_ERROR
    };
    (feedback.error(FORM, "form-error-unavailable"), status)
}

/// The message for a photo the pipeline refused, worded for the one photo of a step.
pub(crate) fn photo_refusal_key(error: &PhotoError) -> &'static str {
    match error {
        PhotoError::TooLarge | PhotoError::Refused(Refused::TooLarge | Refused::TooManyPixels) => {
            TOO_LARGE_KEY
        }
        PhotoError::Refused(Refused::Heic) => "apply-error-photo-heic",
        PhotoError::Refused(Refused::TooSmall) => "apply-error-photo-small",
        PhotoError::Refused(Refused::Corrupt) => "apply-error-photo-corrupt",
        PhotoError::Refused(Refused::UnsupportedFormat | Refused::Polyglot) => NOT_AN_IMAGE_KEY,
        PhotoError::Random(_) | PhotoError::Store(_) => "form-error-unavailable",
    }
}

/// `POST /pengajuan/{step}`: saves one step of the application as a draft.
pub async fn save_step(
    State(state): State<ServerState>,
    axum::extract::Path(step): axum::extract::Path<String>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    let Some(&(path, form, _)) = app::apply::STEPS.iter().find(|(p, _, _)| *p == step) else {
        return PageError::not_found(&parts.headers).into_response();
    };
    // Held until the step is saved: its photo is processed from the bytes read.
    let mut claim = state.uploads.claim();
    let mut data = match FormData::read(&parts, body, media::MAX_UPLOAD_BYTES, &mut claim).await {
        Ok(data) => data,
        Err(FormDataError::TooLarge(typed)) => {
            let feedback = photo_refusal(form, &typed, TOO_LARGE_KEY);
            return render_step(&state, parts, path, (feedback, StatusCode::PAYLOAD_TOO_LARGE))
                .await;
        }
        Err(FormDataError::Busy(typed)) => {
            let feedback = photo_refusal(form, &typed, super::photos::BUSY_KEY);
            return render_step(&state, parts, path, (feedback, StatusCode::SERVICE_UNAVAILABLE))
                .await;
        }
        Err(error @ (FormDataError::Unreadable | FormDataError::FieldTooLong)) => {
            return crate::form_data::refusal_page(&parts.headers, &error);
        }
    };
    let account = AccountId(viewer.account_id);
    let now = state.app.clock.now();
    let outcome = match form {
        "business" => save_business(&state, account, &mut data, now).await,
        "owner" => save_owner(&state, account, &data, now).await,
        "returnee" => save_returnee(&state, account, &mut data, now).await,
        "identity" => save_identity(&state, account, &data, now).await,
        _ => submit(&state, account, &data, now).await,
    };
    match outcome {
        Ok(next) => see_other(next),
        Err(refusal) => render_step(&state, parts, path, refusal).await,
    }
}

/// The text fields of the steps with a photo, in form order (the photo comes after them).
const BUSINESS_FIELDS: [&str; 3] = ["business_name", "category", "description"];
const RETURNEE_FIELDS: [&str; 4] =
    ["placement_country", "years_abroad", "return_year", "show_returnee_details"];

/// A photo refused while it was read (too large, or the server busy): the message `key` goes
/// next to the step's photo field, and what was typed before the photo comes back.
fn photo_refusal(form: &'static str, typed: &FormData, key: &'static str) -> FormFeedback {
    let (field, names): (&'static str, &[&'static str]) = match form {
        "business" => ("business_photo", &BUSINESS_FIELDS),
        "returnee" => ("proof_photo", &RETURNEE_FIELDS),
        _ => (FORM, &[]),
    };
    keep_values(FormFeedback::for_form(form).error(field, key), typed, names)
}

async fn render_step(
    state: &ServerState,
    parts: Parts,
    path: &str,
    (feedback, status): Refusal,
) -> Response {
    crate::pages::render_at(state, parts, &format!("/pengajuan/{path}"), feedback, status).await
}

/// The step's refusal for its field issues, with what was typed kept.
fn refused(
    form: &'static str,
    issues: Vec<FieldIssue>,
    data: &FormData,
    kept: &[&'static str],
) -> Refusal {
    (keep_values(issues_feedback(form, issues), data, kept), StatusCode::UNPROCESSABLE_ENTITY)
}

/// The single file of a step's photo field, if one was chosen.
fn take_photo(data: &mut FormData, field: &str) -> Option<Vec<u8>> {
    data.take_files(field).into_iter().next()
}

async fn save_business(
    state: &ServerState,
    account: AccountId,
    data: &mut FormData,
    now: i64,
) -> Result<&'static str, Refusal> {
    let form = BusinessForm {
        business_name: data.text("business_name").to_owned(),
        category: data.text("category").to_owned(),
        description: data.text("description").to_owned(),
    };
    let step =
        form.check().map_err(|issues| refused("business", issues, data, &BUSINESS_FIELDS))?;
    let photo = take_photo(data, "business_photo");
    vendors::save_business_step(&state.app.db, &state.app.photos, account, &step, photo, now)
        .await
        .map_err(|error| {
            let kept = keep_values(FormFeedback::for_form("business"), data, &BUSINESS_FIELDS);
            save_failure(kept, "business_photo", error)
        })?;
    Ok("/pengajuan/pemilik")
}

/// The owner step's fields, in form order.
const OWNER_FIELDS: [&str; 6] =
    ["owner_name", "gender", "whatsapp", "place", "outside_regency", "address"];

async fn save_owner(
    state: &ServerState,
    account: AccountId,
    data: &FormData,
    now: i64,
) -> Result<&'static str, Refusal> {
    let text = |name: &str| data.text(name).to_owned();
    let form = OwnerForm {
        owner_name: text("owner_name"),
        gender: text("gender"),
        whatsapp: text("whatsapp"),
        place: text("place"),
        outside_regency: text("outside_regency"),
        address: text("address"),
    };
    let step = form.check().map_err(|issues| refused("owner", issues, data, &OWNER_FIELDS))?;
    vendors::save_owner(&state.app.db, account, &step, now).await.map_err(|error| {
        let kept = keep_values(FormFeedback::for_form("owner"), data, &OWNER_FIELDS);
        save_failure(kept, FORM, error)
    })?;
    Ok("/pengajuan/purna")
}

async fn save_returnee(
    state: &ServerState,
    account: AccountId,
    data: &mut FormData,
    now: i64,
) -> Result<&'static str, Refusal> {
    let form = ReturneeForm {
        placement_country: data.text("placement_country").to_owned(),
        years_abroad: data.text("years_abroad").to_owned(),
        return_year: data.text("return_year").to_owned(),
        show_returnee_details: data.checked("show_returnee_details"),
    };
    let this_year = state.app.clock.now_utc().year();
    let step = form
        .check(this_year)
        .map_err(|issues| refused("returnee", issues, data, &RETURNEE_FIELDS))?;
    let proof = take_photo(data, "proof_photo");
    vendors::save_returnee_step(&state.app.db, &state.app.photos, account, &step, proof, now)
        .await
        .map_err(|error| {
            let kept = keep_values(FormFeedback::for_form("returnee"), data, &RETURNEE_FIELDS);
            save_failure(kept, "proof_photo", error)
        })?;
    Ok("/pengajuan/identitas")
}

async fn save_identity(
    state: &ServerState,
    account: AccountId,
    data: &FormData,
    now: i64,
) -> Result<&'static str, Refusal> {
    let form = IdentityForm { nik: data.text("nik").to_owned(), nib: data.text("nib").to_owned() };
    // The NIK typed is not sent back in the page: it is personal data.
    let step = form.check().map_err(|issues| refused("identity", issues, data, &["nib"]))?;
    let keys = &state.app.personal_data;
    match vendors::save_identity(&state.app.db, keys, account, &step.nik, step.nib.as_ref(), now)
        .await
    {
        Ok(()) => Ok("/pengajuan/kirim"),
        Err(IdentityError::NikTaken) => Err((
            keep_values(FormFeedback::for_form("identity"), data, &["nib"])
                .error("nik", NIK_TAKEN_KEY),
            StatusCode::CONFLICT,
        )),
        Err(IdentityError::Save(error)) => {
            let kept = keep_values(FormFeedback::for_form("identity"), data, &["nib"]);
            Err(save_failure(kept, FORM, error))
        }
    }
}

async fn submit(
    state: &ServerState,
    account: AccountId,
    data: &FormData,
    now: i64,
) -> Result<&'static str, Refusal> {
    let feedback = FormFeedback::for_form("submit");
    match vendors::submit(
        &state.app.db,
        account,
        data.checked("consent"),
        vendors::PRIVACY_NOTICE_VERSION,
        now,
    )
    .await
    {
        Ok(_) => Ok("/pengajuan?selesai=terkirim"),
        Err(SubmitError::NoConsent) => {
            Err((feedback.error("consent", CONSENT_KEY), StatusCode::UNPROCESSABLE_ENTITY))
        }
        Err(SubmitError::Incomplete(_)) => {
            Err((feedback.error(FORM, INCOMPLETE_KEY), StatusCode::UNPROCESSABLE_ENTITY))
        }
        Err(SubmitError::NotSubmittable) => {
            Err((feedback.error(FORM, NOT_EDITABLE_KEY), StatusCode::CONFLICT))
        }
        Err(SubmitError::Backend(error)) => Err(backend_failure(feedback, &error)),
    }
}

/// `POST /pengajuan/hapus-data`: asks the Dinas to erase the applicant's personal data.
pub async fn request_erasure(State(state): State<ServerState>, parts: Parts) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    match vendors::request_erasure(
        &state.app.db,
        AccountId(viewer.account_id),
        state.app.clock.now(),
    )
    .await
    {
        Ok(_) => see_other("/pengajuan?selesai=hapus-diminta"),
        Err(error) => {
            PageError::unavailable(&parts.headers, "could not record an erasure request", &error)
                .into_response()
        }
    }
}

/// `POST /pengajuan/ajukan-lagi`: a rejected or erased applicant starts a new application,
/// filled in from the last. With one still open (a second tab, a double tap) nothing is
/// created and the dashboard shows the open one.
pub async fn apply_again(State(state): State<ServerState>, parts: Parts) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    let account = AccountId(viewer.account_id);
    match vendors::apply_again(&state.app.db, account, state.app.clock.now()).await {
        Ok(_) => see_other("/pengajuan?selesai=ajukan-lagi"),
        Err(vendors::ApplyAgainError::StillOpen) => see_other("/pengajuan"),
        Err(vendors::ApplyAgainError::Backend(error)) => {
            PageError::unavailable(&parts.headers, "could not start a new application", &error)
                .into_response()
        }
    }
}

/// `GET /pengajuan/data.json`: everything held about the applicant, as a download.
pub async fn export(State(state): State<ServerState>, parts: Parts) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    match vendors::export_personal_data(
        &state.app.db,
        &state.app.personal_data,
        AccountId(viewer.account_id),
    )
    .await
    {
        Ok(json) => {
            let mut response = axum::Json(json).into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"pasar-purna-data-saya.json\""),
            );
            // Personal data: never kept by shared caches or the browser's back-forward cache.
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(error) => {
            PageError::unavailable(&parts.headers, "could not export personal data", &error)
                .into_response()
        }
    }
}

/// This feature's routes and what each needs.
#[must_use]
pub fn endpoints() -> Vec<Endpoint> {
    vec![
        Endpoint::post("/pengajuan/hapus-data", Need::Permission(ApplyAsVendor), request_erasure),
        Endpoint::post("/pengajuan/ajukan-lagi", Need::Permission(ApplyAsVendor), apply_again),
        Endpoint::get("/pengajuan/data.json", Need::Permission(ApplyAsVendor), export),
        Endpoint::post("/pengajuan/{step}", Need::Permission(ApplyAsVendor), save_step)
            .body_limit(MAX_STEP_FORM_BYTES),
    ]
}
