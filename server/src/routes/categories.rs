//! `POST /admin/kategori`: an admin adds a category or renames and moves one.

use app::admin::CATEGORY_FORM;
use app::forms::{FormFeedback, FORM};
use axum::extract::State;
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use backend::listings::{self, CategoryRow};
use domain::vendor::Checker;
use domain::Need;
use domain::Permission::ManageCategories;
use serde::Deserialize;

use crate::authz::viewer;
use crate::form_data::Posted;
use crate::pages::{see_other, storage_failure};
use crate::routes::Endpoint;
use crate::ServerState;

/// What the category form posts.
#[derive(Debug, Deserialize)]
pub struct CategoryForm {
    #[serde(default)]
    slug: String,
    #[serde(default)]
    name_id: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    position: String,
}

fn keep(feedback: FormFeedback, form: &CategoryForm) -> FormFeedback {
    feedback
        .value("slug", form.slug.clone())
        .value("name_id", form.name_id.clone())
        .value("name_en", form.name_en.clone())
        .value("position", form.position.clone())
}

pub async fn save(
    State(state): State<ServerState>,
    parts: Parts,
    Posted(form): Posted<CategoryForm>,
) -> Response {
    if let Err(refused) = viewer(&parts) {
        return refused.into_response();
    }
    let mut check = Checker::default();
    let slug = form.slug.trim().to_owned();
    let slug_ok = domain::listing::is_category_slug(&slug);
    let name_id = check.required_text("name_id", &form.name_id, 40);
    let name_en = check.required_text("name_en", &form.name_en, 40);
    let position = check.number("position", &form.position, 0, 999);
    let category = match (check.issues.is_empty() && slug_ok, position) {
        (true, Some(position)) => {
            CategoryRow { slug, name_id, name_en, position: i64::from(position) }
        }
        _ => {
            let feedback =
                check.issues.into_iter().fold(FormFeedback::for_form(CATEGORY_FORM), |f, issue| {
                    let (key, args) = app::apply::messages::problem_message(issue.problem);
                    f.error_with(issue.field, key, args)
                });
            let feedback = if slug_ok {
                feedback
            } else {
                feedback.error("slug", "admin-categories-slug-invalid")
            };
            let feedback = keep(feedback, &form).error(FORM, "admin-categories-refused");
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return crate::pages::render_at(&state, parts, "/admin/kategori", feedback, status)
                .await;
        }
    };
    match listings::save_category(&state.app.db, &category).await {
        Ok(()) => see_other("/admin/kategori?selesai=kategori"),
        Err(error) => {
            let feedback = keep(FormFeedback::for_form(CATEGORY_FORM), &form);
            storage_failure(&state, parts, feedback, "category save failed", &error).await
        }
    }
}

/// This feature's routes and what each needs.
#[must_use]
pub fn endpoints() -> Vec<Endpoint> {
    vec![Endpoint::post("/admin/kategori", Need::Permission(ManageCategories), save)]
}
