//! Product photos over HTTP: uploads (the backend takes all or nothing), the vendor's reorder,
//! cover and remove buttons, and serving the stored variants.

use app::forms::FormFeedback;
use app::products::PHOTO_FORM;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use backend::accounts::AccountId;
use backend::listings::{self, ListingError, PhotoChange, ProductId};
use backend::photos::{PhotoError, PhotoKey, MAX_UPLOAD_BYTES};
use domain::listing::limits;
use domain::Need;
use domain::Permission::ManageOwnShop;
use serde::Deserialize;

use crate::authz::viewer;
use crate::error::PageError;
use crate::form_data::{FormData, FormDataError, Posted};
use crate::pages::see_other;
use crate::routes::Endpoint;
use crate::ServerState;

/// The largest body of a photo form: six photos at the limit, and the text fields.
pub const MAX_PHOTO_FORM_BYTES: usize = limits::PHOTOS * MAX_UPLOAD_BYTES + 256 * 1024;

/// The file input's name on both forms.
pub const PHOTO_FIELD: &str = "foto";

/// The answer to photos the backend did not take, with the message on the photo field of
/// `feedback`'s form; `None` when `error` is not about the photos. A store failure is an
/// outage (503), not the vendor's mistake.
#[must_use]
pub fn photo_refusal(
    feedback: FormFeedback,
    error: &ListingError,
) -> Option<(FormFeedback, StatusCode)> {
    let refused = StatusCode::UNPROCESSABLE_ENTITY;
    match error {
        ListingError::PhotoRefused { number, reason } => Some((
            feedback.error_with(
                PHOTO_FIELD,
                photo_error_key(*reason),
                vec![("n", number.to_string())],
            ),
            refused,
        )),
        ListingError::TooManyPhotos { room } => Some((
            feedback.error_with(
                PHOTO_FIELD,
                "photo-error-too-many",
                vec![("room", room.to_string())],
            ),
            refused,
        )),
        ListingError::PhotoStore(error) => {
            tracing::error!(%error, "the photo store failed");
            Some((
                feedback.error(PHOTO_FIELD, "photo-error-storage"),
                StatusCode::SERVICE_UNAVAILABLE,
            ))
        }
        _ => None,
    }
}

/// A photo the server stopped reading at the size limit.
#[must_use]
pub fn too_large(feedback: FormFeedback) -> FormFeedback {
    let key = photo_error_key(PhotoError::TooLarge);
    feedback.error_with(PHOTO_FIELD, key, vec![("n", 1.to_string())])
}

/// The catalogue key of each refusal.
#[must_use]
pub fn photo_error_key(error: PhotoError) -> &'static str {
    match error {
        PhotoError::TooLarge => "photo-error-too-large",
        PhotoError::Heic => "photo-error-heic",
        PhotoError::UnsupportedFormat => "photo-error-format",
        PhotoError::Polyglot => "photo-error-polyglot",
        PhotoError::TooManyPixels => "photo-error-pixels",
        PhotoError::TooSmall => "photo-error-small",
        PhotoError::Corrupt => "photo-error-corrupt",
    }
}

async fn refuse(state: &ServerState, parts: Parts, id: i64, feedback: FormFeedback) -> Response {
    refuse_with(state, parts, id, feedback, StatusCode::UNPROCESSABLE_ENTITY).await
}

async fn refuse_with(
    state: &ServerState,
    parts: Parts,
    id: i64,
    feedback: FormFeedback,
    status: StatusCode,
) -> Response {
    crate::pages::render_at(state, parts, &format!("/lapak/produk/{id}"), feedback, status).await
}

/// The catalogue key of the answer to a post that arrived while the server held as many
/// uploaded bytes as it may (503: nothing is wrong with the photos).
pub const BUSY_KEY: &str = "upload-error-busy";

/// `POST /lapak/produk/{id}/foto`: adds photos to one of the vendor's products.
pub async fn add(
    State(state): State<ServerState>,
    Path(id): Path<i64>,
    parts: Parts,
    body: Body,
) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    let account = AccountId(viewer.account_id);
    // Before the body is read: only the product's own vendor gets memory and CPU for photos.
    // (The backend asks again before decoding: this answer may be stale by then.)
    match listings::photo_room(&state.app.db, account, ProductId(id)).await {
        Ok(_) => {}
        Err(ListingError::NotFound | ListingError::NotAVendor) => {
            return PageError::not_found(&parts.headers).into_response()
        }
        Err(error) => {
            return PageError::unavailable(
                &parts.headers,
                "could not count a product's photos",
                &error,
            )
            .into_response();
        }
    }
    let mut claim = state.uploads.claim();
    let mut data = match FormData::read(&parts, body, MAX_UPLOAD_BYTES, &mut claim).await {
        Ok(data) => data,
        Err(FormDataError::TooLarge(_)) => {
            return refuse(&state, parts, id, too_large(FormFeedback::for_form(PHOTO_FORM))).await;
        }
        Err(FormDataError::Busy(_)) => {
            let busy = FormFeedback::for_form(PHOTO_FORM).error(PHOTO_FIELD, BUSY_KEY);
            return refuse_with(&state, parts, id, busy, StatusCode::SERVICE_UNAVAILABLE).await;
        }
        Err(error @ (FormDataError::Unreadable | FormDataError::FieldTooLong)) => {
            return crate::form_data::refusal_page(&parts.headers, &error);
        }
    };
    let uploads = data.take_files(PHOTO_FIELD);
    if uploads.is_empty() {
        let feedback = FormFeedback::for_form(PHOTO_FORM).error(PHOTO_FIELD, "photo-error-none");
        return refuse(&state, parts, id, feedback).await;
    }
    let added =
        listings::upload_photos(&state.app.db, &state.app.photos, account, ProductId(id), uploads)
            .await;
    // The uploads are decoded and gone; what is kept is small.
    drop(claim);
    match added {
        Ok(()) => see_other(&format!("/lapak/produk/{id}?selesai=foto")),
        Err(ListingError::NotFound | ListingError::NotAVendor) => {
            PageError::not_found(&parts.headers).into_response()
        }
        Err(error) => match photo_refusal(FormFeedback::for_form(PHOTO_FORM), &error) {
            Some((feedback, status)) => refuse_with(&state, parts, id, feedback, status).await,
            None => PageError::unavailable(&parts.headers, "could not add photos", &error)
                .into_response(),
        },
    }
}

/// What a photo's buttons post.
#[derive(Debug, Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    ubah: String,
}

/// `POST /lapak/produk/{id}/foto/{photo}`: `ubah=sampul|naik|turun|hapus` (cover, earlier,
/// later, remove).
pub async fn change(
    State(state): State<ServerState>,
    Path((id, photo)): Path<(i64, i64)>,
    parts: Parts,
    Posted(form): Posted<ChangeForm>,
) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    let change = match form.ubah.as_str() {
        "sampul" => PhotoChange::MakeCover,
        "naik" => PhotoChange::MoveEarlier,
        "turun" => PhotoChange::MoveLater,
        "hapus" => PhotoChange::Remove,
        _ => return PageError::bad_request(&parts.headers).into_response(),
    };
    let account = AccountId(viewer.account_id);
    let store = &state.app.photos;
    match listings::rearrange_photo(&state.app.db, store, account, ProductId(id), photo, change)
        .await
    {
        Ok(()) => see_other(&format!("/lapak/produk/{id}?selesai=foto#foto")),
        Err(ListingError::NotFound | ListingError::NotAVendor) => {
            PageError::not_found(&parts.headers).into_response()
        }
        Err(error) => PageError::unavailable(&parts.headers, "could not change a photo", &error)
            .into_response(),
    }
}

/// `GET /foto/{key}/{width}.webp`: a stored photo variant. Names are derived from content,
/// so a name never changes meaning and browsers may keep it for a year without asking again.
pub async fn serve(
    State(state): State<ServerState>,
    Path((key, file)): Path<(String, String)>,
    headers: axum::http::HeaderMap,
) -> Response {
    // One address per file: `+400.webp` or `0400.webp` would parse as 400 too, and serve the
    // same bytes under names caches and logs treat as different.
    let width = file
        .strip_suffix(".webp")
        .and_then(|w| w.parse::<u32>().ok().filter(|n| n.to_string() == w));
    let (Some(key), Some(width)) = (PhotoKey::parse(&key), width) else {
        return PageError::not_found(&headers).into_response();
    };
    match state.app.photos.variant(&key, width).await {
        Ok(Some(bytes)) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("image/webp")),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=31536000, immutable"),
                ),
                (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
            ],
            bytes,
        )
            .into_response(),
        Ok(None) => PageError::not_found(&headers).into_response(),
        Err(error) => {
            PageError::unavailable(&headers, "could not read a photo", &error).into_response()
        }
    }
}

/// This feature's routes and what each needs.
#[must_use]
pub fn endpoints() -> Vec<Endpoint> {
    vec![
        Endpoint::post("/lapak/produk/{id}/foto", Need::Permission(ManageOwnShop), add)
            .body_limit(MAX_PHOTO_FORM_BYTES),
        Endpoint::post("/lapak/produk/{id}/foto/{photo}", Need::Permission(ManageOwnShop), change),
        Endpoint::get("/foto/{key}/{file}", Need::Public, serve),
    ]
}
