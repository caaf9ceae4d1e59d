//! `POST /lapak/profil/foto`: the vendor replaces the shop's photo. Parse the upload within
//! the shared budget, call the one backend service, render.

use app::forms::{FormFeedback, FORM};
use app::products::SHOP_PHOTO_FORM;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use backend::accounts::AccountId;
use backend::media::{self, PhotoError};
use backend::vendors::{self, ShopPhotoError};

use crate::authz::viewer;
use crate::form_data::{FormData, FormDataError};
use crate::pages::{render_at, see_other};
use crate::routes::apply::photo_refusal_key;
use crate::ServerState;

/// Saves the photo sent as `foto`.
pub async fn replace(State(state): State<ServerState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    let refusal = |key: &'static str, status: StatusCode| {
        (FormFeedback::for_form(SHOP_PHOTO_FORM).error("foto", key), status)
    };
    // Held until the photo is stored: it is processed from the bytes read.
    let mut claim = state.uploads.claim();
    let (feedback, status) = match FormData::read(&parts, body, media::MAX_UPLOAD_BYTES, &mut claim)
        .await
    {
        Err(FormDataError::TooLarge(_)) => {
            refusal(photo_refusal_key(&PhotoError::TooLarge), StatusCode::PAYLOAD_TOO_LARGE)
        }
        Err(FormDataError::Busy(_)) => {
            refusal(super::photos::BUSY_KEY, StatusCode::SERVICE_UNAVAILABLE)
        }
        Err(error @ (FormDataError::Unreadable | FormDataError::FieldTooLong)) => {
            return crate::form_data::refusal_page(&parts.headers, &error);
        }
        Ok(data) => match data.file("foto").filter(|bytes| !bytes.is_empty()) {
            None => refusal("shop-error-photo-missing", StatusCode::UNPROCESSABLE_ENTITY),
            Some(bytes) => {
                let account = AccountId(viewer.account_id);
                let now = state.app.clock.now();
                let db = &state.app.db;
                match vendors::replace_shop_photo(
                    db,
                    &state.app.photos,
                    account,
                    bytes.to_vec(),
                    now,
                )
                .await
                {
                    Ok(_) => return see_other("/lapak?selesai=foto-lapak"),
                    Err(ShopPhotoError::NotAVendor) => (
                        FormFeedback::for_form(SHOP_PHOTO_FORM).error(FORM, "error-forbidden-body"),
                        StatusCode::FORBIDDEN,
                    ),
                    Err(ShopPhotoError::Photo(
                        error @ (PhotoError::Random(_) | PhotoError::Store(_)),
                    )) => {
                        tracing::error!(%error, "could not store a shop photo");
                        refusal("form-error-unavailable", StatusCode::SERVICE_UNAVAILABLE)
                    }
                    Err(ShopPhotoError::Photo(refused)) => {
                        refusal(photo_refusal_key(&refused), StatusCode::UNPROCESSABLE_ENTITY)
                    }
                    Err(ShopPhotoError::Backend(error)) => {
                        tracing::error!(?error, "could not replace a shop photo");
                        refusal("form-error-unavailable", StatusCode::SERVICE_UNAVAILABLE)
                    }
                }
            }
        },
    };
    render_at(&state, parts, "/lapak", feedback, status).await
}
