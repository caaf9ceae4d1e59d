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
use backend::media::{self, PhotoError, Visibility};
use backend::photos::PhotoError as Refused;
use backend::vendors::{self, IdentityError, Place, SaveError, SubmitError};
use domain::vendor::{limits, Category, Checker, FieldIssue, Gender};
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

fn save_failure(feedback: FormFeedback, error: SaveError) -> Refusal {
    match error {
        SaveError::NotEditable => (feedback.error(FORM, NOT_EDITABLE_KEY), StatusCode::CONFLICT),
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

/// Stores an uploaded photo through the photo workers every upload shares.
async fn store(
    state: &ServerState,
    visibility: Visibility,
    bytes: Option<&[u8]>,
) -> Result<Option<String>, &'static str> {
    let Some(bytes) = bytes else { return Ok(None) };
    match media::save_photo(&state.app.photos, visibility, bytes.to_vec()).await {
        Ok(key) => Ok(Some(key)),
        Err(error @ (PhotoError::Random(_) | PhotoError::Store(_))) => {
            tracing::error!(%error, "could not store a photo");
            Err("form-error-unavailable")
        }
        Err(refused) => Err(photo_refusal_key(&refused)),
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
    let data = match FormData::read(&parts, body, media::MAX_UPLOAD_BYTES, &mut claim).await {
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
        "business" => save_business(&state, account, &data, now).await,
        "owner" => save_owner(&state, account, &data, now).await,
        "returnee" => save_returnee(&state, account, &data, now).await,
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

/// The key of the photo a step is about to replace, when a new one was sent. Refuses with
/// [`SaveError::NotEditable`] before the photo is decoded when the application cannot be
/// changed: the cheap check first, so a locked application costs no picture work.
async fn photo_to_replace(
    state: &ServerState,
    account: AccountId,
    uploading: bool,
    pick: fn(vendors::Application) -> Option<String>,
) -> Result<Option<String>, SaveError> {
    if !uploading {
        return Ok(None);
    }
    match vendors::find_by_account(&state.app.db, account).await.map_err(SaveError::Backend)? {
        Some(application)
            if !application.status.is_editable() || application.erased_at.is_some() =>
        {
            Err(SaveError::NotEditable)
        }
        application => Ok(application.and_then(pick)),
    }
}

/// Keeps in the store only the photo the application points to: once a step is saved, the photo it
/// replaced is deleted; when it was refused, the photo just stored. A file no row points to
/// would survive erasure.
async fn discard_unreferenced(
    state: &ServerState,
    stored: Option<String>,
    replaced: Option<String>,
    saved: bool,
) {
    let orphan = if saved {
        replaced.filter(|old| stored.as_ref().is_some_and(|new| new != old))
    } else {
        stored
    };
    if let Some(key) = orphan {
        // What fails here the sweep removes later: no row names the file.
        if let Err(error) = state.app.photos.delete_files_of(&[key]).await {
            tracing::warn!(%error, "an unused application photo was not deleted");
        }
    }
}

async fn render_step(
    state: &ServerState,
    parts: Parts,
    path: &str,
    (feedback, status): Refusal,
) -> Response {
    crate::pages::render_at(state, parts, &format!("/pengajuan/{path}"), feedback, status).await
}

async fn save_business(
    state: &ServerState,
    account: AccountId,
    data: &FormData,
    now: i64,
) -> Result<&'static str, Refusal> {
    let mut check = Checker::default();
    let business_name =
        check.required_text("business_name", data.text("business_name"), limits::BUSINESS_NAME);
    let category = check.choice("category", data.text("category"), Category::from_str_value);
    let description =
        check.required_text("description", data.text("description"), limits::DESCRIPTION);
    let kept = |f| keep_values(f, data, &BUSINESS_FIELDS);
    let (Some(category), true) = (category, check.issues.is_empty()) else {
        return Err((
            kept(issues_feedback("business", check.issues)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    };
    let uploading = data.file("business_photo").is_some();
    let replaced = photo_to_replace(state, account, uploading, |a| a.business_photo)
        .await
        .map_err(|e| save_failure(kept(FormFeedback::for_form("business")), e))?;
    let photo =
        store(state, Visibility::Public, data.file("business_photo")).await.map_err(|key| {
            (
                kept(FormFeedback::for_form("business")).error("business_photo", key),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        })?;
    let step = vendors::BusinessStep { business_name, category, description };
    let saved = vendors::save_business(&state.app.db, account, &step, photo.as_deref(), now).await;
    discard_unreferenced(state, photo, replaced, saved.is_ok()).await;
    saved.map_err(|e| save_failure(kept(FormFeedback::for_form("business")), e))?;
    Ok("/pengajuan/pemilik")
}

async fn save_owner(
    state: &ServerState,
    account: AccountId,
    data: &FormData,
    now: i64,
) -> Result<&'static str, Refusal> {
    let mut check = Checker::default();
    let owner_name = check.required_text("owner_name", data.text("owner_name"), limits::OWNER_NAME);
    let gender = check.choice("gender", data.text("gender"), Gender::from_str_value);
    let whatsapp = check.phone("whatsapp", data.text("whatsapp"));
    let place = match data.text("place") {
        "luar" => {
            let regency = check.required_text(
                "outside_regency",
                data.text("outside_regency"),
                limits::PLACE_NAME,
            );
            Some(Place::Outside(regency))
        }
        other => check.choice("place", other, |v| v.parse::<i64>().ok()).map(Place::Kelurahan),
    };
    let address = check.required_text("address", data.text("address"), limits::ADDRESS);
    let kept = |f| {
        keep_values(
            f,
            data,
            &["owner_name", "gender", "whatsapp", "place", "outside_regency", "address"],
        )
    };
    let (Some(gender), Some(whatsapp), Some(place), true) =
        (gender, whatsapp, place, check.issues.is_empty())
    else {
        return Err((
            kept(issues_feedback("owner", check.issues)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    };
    let step = vendors::OwnerStep { owner_name, gender, whatsapp, place, address };
    match vendors::save_owner(&state.app.db, account, &step, now).await {
        Ok(()) => Ok("/pengajuan/purna"),
        // An unknown kelurahan id breaks the foreign key: the choice was not one of ours.
        Err(SaveError::Backend(backend::Error::Database(sqlx_error)))
            if sqlx_error.as_database_error().is_some_and(|e| e.is_foreign_key_violation()) =>
        {
            Err((
                kept(FormFeedback::for_form("owner")).error("place", "apply-error-choice"),
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
        Err(error) => Err(save_failure(kept(FormFeedback::for_form("owner")), error)),
    }
}

async fn save_returnee(
    state: &ServerState,
    account: AccountId,
    data: &FormData,
    now: i64,
) -> Result<&'static str, Refusal> {
    let this_year = state.app.clock.now_utc().year();
    let mut check = Checker::default();
    let placement_country = check.required_text(
        "placement_country",
        data.text("placement_country"),
        limits::PLACE_NAME,
    );
    let years_abroad =
        check.number("years_abroad", data.text("years_abroad"), 0, limits::MAX_YEARS_ABROAD);
    let return_year =
        check.number("return_year", data.text("return_year"), limits::FIRST_RETURN_YEAR, this_year);
    let kept = |f| keep_values(f, data, &RETURNEE_FIELDS);
    let (Some(years_abroad), Some(return_year), true) =
        (years_abroad, return_year, check.issues.is_empty())
    else {
        return Err((
            kept(issues_feedback("returnee", check.issues)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    };
    let uploading = data.file("proof_photo").is_some();
    let replaced = photo_to_replace(state, account, uploading, |a| a.proof_photo)
        .await
        .map_err(|e| save_failure(kept(FormFeedback::for_form("returnee")), e))?;
    let proof =
        store(state, Visibility::Private, data.file("proof_photo")).await.map_err(|key| {
            (
                kept(FormFeedback::for_form("returnee")).error("proof_photo", key),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        })?;
    let step = vendors::ReturneeStep {
        placement_country,
        years_abroad,
        return_year,
        show_returnee_details: data.checked("show_returnee_details"),
    };
    let saved = vendors::save_returnee(&state.app.db, account, &step, proof.as_deref(), now).await;
    discard_unreferenced(state, proof, replaced, saved.is_ok()).await;
    saved.map_err(|e| save_failure(kept(FormFeedback::for_form("returnee")), e))?;
    Ok("/pengajuan/identitas")
}

async fn save_identity(
    state: &ServerState,
    account: AccountId,
    data: &FormData,
    now: i64,
) -> Result<&'static str, Refusal> {
    let mut check = Checker::default();
    let nik = check.nik("nik", data.text("nik"));
    let nib = check.nib("nib", data.text("nib"));
    // The NIK typed is not sent back in the page: it is personal data.
    let kept = |f| keep_values(f, data, &["nib"]);
    let (Some(nik), true) = (nik, check.issues.is_empty()) else {
        return Err((
            kept(issues_feedback("identity", check.issues)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ));
    };
    match vendors::save_identity(
        &state.app.db,
        &state.app.personal_data,
        account,
        &nik,
        nib.as_ref(),
        now,
    )
    .await
    {
        Ok(()) => Ok("/pengajuan/kirim"),
        Err(IdentityError::NikTaken) => Err((
            kept(FormFeedback::for_form("identity")).error("nik", NIK_TAKEN_KEY),
            StatusCode::CONFLICT,
        )),
        Err(IdentityError::Save(error)) => {
            Err(save_failure(kept(FormFeedback::for_form("identity")), error))
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
