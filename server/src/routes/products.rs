//! Form posts of a vendor's product pages: create, edit, hide/show, delete. Only the vendor's
//! own products: the backend's queries are scoped to their application.

use app::forms::{FormFeedback, FORM};
use app::products::PRODUCT_FORM;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use backend::accounts::AccountId;
use backend::listings::{self, ListingError, ProductId};
use domain::product_form::ProductForm;
use domain::Need;
use domain::Permission::ManageOwnShop;
use serde::Deserialize;

use super::photos::{photo_refusal, too_large, BUSY_KEY, PHOTO_FIELD};
use crate::authz::viewer;
use crate::error::PageError;
use crate::form_data::{FormData, FormDataError, Posted};
use crate::pages::{render_at, see_other, storage_failure};
use crate::routes::Endpoint;
use crate::ServerState;

/// The product form from a multipart post (a new product comes with its photos).
fn form_of(data: &FormData) -> ProductForm {
    let text = |name: &str| data.text(name).to_owned();
    ProductForm {
        name: text("name"),
        category: text("category"),
        description: text("description"),
        price: text("price"),
        unit: text("unit"),
        availability: text("availability"),
        lead_days: text("lead_days"),
    }
}

fn issues_feedback(issues: Vec<domain::vendor::FieldIssue>, form: &ProductForm) -> FormFeedback {
    let feedback = issues.into_iter().fold(FormFeedback::for_form(PRODUCT_FORM), |f, issue| {
        let (key, args) = app::apply::messages::problem_message(issue.problem);
        f.error_with(issue.field, key, args)
    });
    keep(feedback, form)
}

fn keep(feedback: FormFeedback, form: &ProductForm) -> FormFeedback {
    feedback
        .value("name", form.name.clone())
        .value("category", form.category.clone())
        .value("description", form.description.clone())
        .value("price", form.price.clone())
        .value("unit", form.unit.clone())
        .value("availability", form.availability.clone())
        .value("lead_days", form.lead_days.clone())
}

async fn listing_failure(
    state: &ServerState,
    parts: Parts,
    path: &str,
    form: &ProductForm,
    error: ListingError,
) -> Response {
    let feedback = keep(FormFeedback::for_form(PRODUCT_FORM), form);
    match error {
        ListingError::NotAVendor => {
            render_at(
                state,
                parts,
                path,
                feedback.error(FORM, "shop-not-vendor"),
                StatusCode::FORBIDDEN,
            )
            .await
        }
        ListingError::NotFound => PageError::not_found(&parts.headers).into_response(),
        ListingError::UnknownCategory => {
            render_at(
                state,
                parts,
                path,
                feedback.error("category", "apply-error-choice"),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        ListingError::Backend(error) => {
            storage_failure(state, parts, feedback, "product save failed", &error).await
        }
        photos => match photo_refusal(feedback, &photos) {
            Some((feedback, status)) => render_at(state, parts, path, feedback, status).await,
            None => PageError::unavailable(&parts.headers, "product save failed", &photos)
                .into_response(),
        },
    }
}

/// `POST /lapak/produk`: lists a new product with up to six photos, all or nothing (the form
/// is at `/lapak/produk/baru`). Multipart when photos are chosen; plain works too.
pub async fn create(State(state): State<ServerState>, parts: Parts, body: Body) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    let account = AccountId(viewer.account_id);
    let path = "/lapak/produk/baru";
    // Before the body is read: only vendors get the server's memory and CPU for photos.
    if let Err(error) = listings::active_vendor(&state.app.db, account).await {
        let nothing_read = form_of(&FormData::default());
        return listing_failure(&state, parts, path, &nothing_read, error).await;
    }
    let mut claim = state.uploads.claim();
    let posted = FormData::read(&parts, body, backend::photos::MAX_UPLOAD_BYTES, &mut claim).await;
    let mut data = match posted {
        Ok(data) => data,
        Err(FormDataError::Busy(partial)) => {
            let form = form_of(&partial);
            let feedback =
                keep(FormFeedback::for_form(PRODUCT_FORM), &form).error(PHOTO_FIELD, BUSY_KEY);
            return render_at(&state, parts, path, feedback, StatusCode::SERVICE_UNAVAILABLE).await;
        }
        Err(FormDataError::TooLarge(partial)) => {
            let form = form_of(&partial);
            let feedback = too_large(keep(FormFeedback::for_form(PRODUCT_FORM), &form));
            return render_at(&state, parts, path, feedback, StatusCode::PAYLOAD_TOO_LARGE).await;
        }
        Err(error @ (FormDataError::Unreadable | FormDataError::FieldTooLong)) => {
            return crate::form_data::refusal_page(&parts.headers, &error);
        }
    };
    let form = form_of(&data);
    let draft = match form.check() {
        Ok(draft) => draft,
        Err(issues) => {
            let feedback = issues_feedback(issues, &form);
            return render_at(&state, parts, path, feedback, StatusCode::UNPROCESSABLE_ENTITY)
                .await;
        }
    };
    let uploads = data.take_files(PHOTO_FIELD);
    let store = &state.app.photos;
    let now = state.app.clock.now();
    let listed = listings::list_product(&state.app.db, store, account, &draft, uploads, now).await;
    // The uploads are decoded and gone; what is kept is small.
    drop(claim);
    match listed {
        Ok(_) => see_other("/lapak?selesai=produk"),
        Err(error) => listing_failure(&state, parts, path, &form, error).await,
    }
}

/// `POST /lapak/produk/{id}`: changes one of the vendor's products.
pub async fn update(
    State(state): State<ServerState>,
    Path(id): Path<i64>,
    parts: Parts,
    Posted(form): Posted<ProductForm>,
) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    let path = format!("/lapak/produk/{id}");
    let draft = match form.check() {
        Ok(draft) => draft,
        Err(issues) => {
            return render_at(
                &state,
                parts,
                &path,
                issues_feedback(issues, &form),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    };
    match listings::update_product(
        &state.app.db,
        AccountId(viewer.account_id),
        ProductId(id),
        &draft,
        state.app.clock.now(),
    )
    .await
    {
        Ok(()) => see_other("/lapak?selesai=produk"),
        Err(error) => listing_failure(&state, parts, &path, &form, error).await,
    }
}

/// What the show/hide button posts.
#[derive(Debug, Deserialize)]
pub struct Visibility {
    #[serde(default)]
    tampil: String,
}

/// `POST /lapak/produk/{id}/tampil`: hides (`tampil=0`) or shows (`tampil=1`) a product.
pub async fn set_visible(
    State(state): State<ServerState>,
    Path(id): Path<i64>,
    parts: Parts,
    Posted(form): Posted<Visibility>,
) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    let visible = form.tampil == "1";
    match listings::set_visible(
        &state.app.db,
        AccountId(viewer.account_id),
        ProductId(id),
        visible,
        state.app.clock.now(),
    )
    .await
    {
        Ok(()) => see_other("/lapak"),
        Err(ListingError::NotFound | ListingError::NotAVendor) => {
            PageError::not_found(&parts.headers).into_response()
        }
        Err(error) => PageError::unavailable(
            &parts.headers,
            "could not change a product's visibility",
            &error,
        )
        .into_response(),
    }
}

/// `POST /lapak/produk/{id}/hapus`: deletes one of the vendor's products.
pub async fn delete(
    State(state): State<ServerState>,
    Path(id): Path<i64>,
    parts: Parts,
    Posted(form): Posted<DeleteConfirmation>,
) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    // Deleting cannot be undone: without the confirmation page's "yes", show that page.
    if form.yakin != "ya" {
        return see_other(&format!("/lapak/produk/{id}?hapus=konfirmasi"));
    }
    let account = AccountId(viewer.account_id);
    match listings::remove_product(&state.app.db, &state.app.photos, account, ProductId(id)).await {
        Ok(()) => see_other("/lapak?selesai=produk-dihapus"),
        Err(ListingError::NotFound | ListingError::NotAVendor) => {
            PageError::not_found(&parts.headers).into_response()
        }
        Err(error) => PageError::unavailable(&parts.headers, "could not delete a product", &error)
            .into_response(),
    }
}

/// The delete form's answer to "delete this product?".
#[derive(Debug, Deserialize)]
pub struct DeleteConfirmation {
    /// `ya` from the confirmation page's button.
    #[serde(default)]
    yakin: String,
}

/// This feature's routes and what each needs.
#[must_use]
pub fn endpoints() -> Vec<Endpoint> {
    vec![
        // A new product posts to the collection: `/lapak/produk/baru` is the form page (GET).
        Endpoint::post("/lapak/produk", Need::Permission(ManageOwnShop), create)
            .body_limit(crate::routes::photos::MAX_PHOTO_FORM_BYTES),
        Endpoint::post("/lapak/produk/{id}", Need::Permission(ManageOwnShop), update),
        Endpoint::post("/lapak/produk/{id}/tampil", Need::Permission(ManageOwnShop), set_visible),
        Endpoint::post("/lapak/produk/{id}/hapus", Need::Permission(ManageOwnShop), delete),
    ]
}
