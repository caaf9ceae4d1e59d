//! `POST /admin/kategori`: an admin adds a category or renames and moves one.

use app::admin::CATEGORY_FORM;
use app::forms::{FormFeedback, FORM};
use axum::extract::State;
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use backend::accounts::AccountId;
use backend::listings::{self, CategoryRow};
use domain::category_form::CategoryForm;
use domain::Need;
use domain::Permission::ManageCategories;

use crate::authz::viewer;
use crate::form_data::Posted;
use crate::pages::{backend_failure, see_other};
use crate::routes::Endpoint;
use crate::ServerState;

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
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    let category = match form.check() {
        Ok(edit) => CategoryRow::from(edit),
        Err(issues) => {
            let feedback =
                issues.into_iter().fold(FormFeedback::for_form(CATEGORY_FORM), |f, issue| {
                    let (key, args) = app::apply::messages::problem_message(issue.problem);
                    f.error_with(issue.field, key, args)
                });
            let feedback = keep(feedback, &form).error(FORM, "admin-categories-refused");
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return crate::pages::render_at(&state, parts, "/admin/kategori", feedback, status)
                .await;
        }
    };
    match listings::save_category(&state.app.db, AccountId(viewer.account_id), &category).await {
        Ok(()) => see_other("/admin/kategori?selesai=kategori"),
        Err(error) => {
            let feedback = keep(FormFeedback::for_form(CATEGORY_FORM), &form);
            backend_failure(&state, parts, feedback, "category save failed", &error).await
        }
    }
}

/// This feature's routes and what each needs.
#[must_use]
pub fn endpoints() -> Vec<Endpoint> {
    vec![Endpoint::post("/admin/kategori", Need::Permission(ManageCategories), save)]
}
