//! Product photos over HTTP: accepting uploads (all or nothing), the vendor's reorder, cover
//! and remove buttons, and serving the stored variants.

use app::forms::FormFeedback;
use app::products::PHOTO_FORM;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use backend::accounts::AccountId;
use backend::listings::{self, ListingError, NewPhoto, PhotoChange, ProductId};
use backend::photos::{PhotoError, PhotoKey, Processed, StoreError, MAX_UPLOAD_BYTES};
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

/// Why uploads were not accepted; nothing of them was kept.
#[derive(Debug)]
pub enum UploadRefusal {
    /// The n-th photo (1-based) was refused.
    Photo(usize, PhotoError),
    /// More photos than there is room for.
    TooMany {
        /// How many more the product can take.
        room: usize,
    },
    /// The store failed.
    Storage(StoreError),
}

impl UploadRefusal {
    /// The refusal as a message on the photo field of `form`.
    #[must_use]
    pub fn feedback(&self, feedback: FormFeedback) -> FormFeedback {
        match self {
            UploadRefusal::Photo(number, error) => feedback.error_with(
                PHOTO_FIELD,
                photo_error_key(*error),
                vec![("n", number.to_string())],
            ),
            UploadRefusal::TooMany { room } => feedback.error_with(
                PHOTO_FIELD,
                "photo-error-too-many",
                vec![("room", room.to_string())],
            ),
            UploadRefusal::Storage(_) => feedback.error(PHOTO_FIELD, "photo-error-storage"),
        }
    }
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

/// Processes every upload, and stores them only if all are accepted.
///
/// # Errors
/// [`UploadRefusal`]: the first photo refused, too many photos, or a storage failure (after
/// which what was written is forgotten again).
pub async fn accept_uploads(
    state: &ServerState,
    uploads: Vec<Vec<u8>>,
    room: usize,
) -> Result<Vec<Processed>, UploadRefusal> {
    if uploads.len() > room {
        return Err(UploadRefusal::TooMany { room });
    }
    let mut processed = Vec::with_capacity(uploads.len());
    for (index, upload) in uploads.into_iter().enumerate() {
        match state.app.photos.process(upload).await {
            Ok(Ok(photo)) => processed.push(photo),
            Ok(Err(refused)) => return Err(UploadRefusal::Photo(index + 1, refused)),
            Err(error) => return Err(UploadRefusal::Storage(error)),
        }
    }
    for photo in &processed {
        if let Err(error) = state.app.photos.save(photo).await {
            forget(state, &processed).await;
            return Err(UploadRefusal::Storage(error));
        }
    }
    Ok(processed)
}

/// Rows for processed photos.
#[must_use]
pub fn new_photos(processed: &[Processed]) -> Vec<NewPhoto> {
    processed.iter().map(NewPhoto::from).collect()
}

/// Deletes the files of photos whose rows were not written (or were just deleted).
pub async fn forget(state: &ServerState, processed: &[Processed]) {
    let keys: Vec<PhotoKey> = processed.iter().map(|p| p.key.clone()).collect();
    forget_keys(state, &keys).await;
}

/// Deletes files no row names any more; a failure is left to the hourly sweep.
pub async fn forget_keys(state: &ServerState, keys: &[PhotoKey]) {
    if let Err(error) = state.app.photos.forget(&state.app.db, keys).await {
        tracing::warn!(error = ?error, "photo files left for the sweep");
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
    let room = match listings::photo_room(&state.app.db, account, ProductId(id)).await {
        Ok(room) => room,
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
    };
    let mut claim = state.uploads.claim();
    let mut data = match FormData::read(&parts, body, MAX_UPLOAD_BYTES, &mut claim).await {
        Ok(data) => data,
        Err(FormDataError::TooLarge(_)) => {
            let refused = UploadRefusal::Photo(1, PhotoError::TooLarge);
            return refuse(&state, parts, id, refused.feedback(FormFeedback::for_form(PHOTO_FORM)))
                .await;
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
    let accepted = accept_uploads(&state, uploads, room).await;
    // The uploads are decoded and gone; what is kept is small.
    drop(claim);
    let processed = match accepted {
        Ok(processed) => processed,
        Err(refused) => {
            return refuse(&state, parts, id, refused.feedback(FormFeedback::for_form(PHOTO_FORM)))
                .await
        }
    };
    match listings::add_photos(&state.app.db, account, ProductId(id), &new_photos(&processed)).await
    {
        Ok(()) => see_other(&format!("/lapak/produk/{id}?selesai=foto")),
        Err(error) => {
            forget(&state, &processed).await;
            match error {
                ListingError::NotFound | ListingError::NotAVendor => {
                    PageError::not_found(&parts.headers).into_response()
                }
                ListingError::TooManyPhotos { room } => {
                    let refused = UploadRefusal::TooMany { room };
                    refuse(&state, parts, id, refused.feedback(FormFeedback::for_form(PHOTO_FORM)))
                        .await
                }
                other => PageError::unavailable(&parts.headers, "could not add photos", &other)
                    .into_response(),
            }
        }
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
    match listings::change_photo(&state.app.db, account, ProductId(id), photo, change).await {
        Ok(removed) => {
            if let Some(key) = removed {
                forget_keys(&state, &[key]).await;
            }
            see_other(&format!("/lapak/produk/{id}?selesai=foto#foto"))
        }
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
