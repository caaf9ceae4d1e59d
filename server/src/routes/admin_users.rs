//! Form posts of the admin account pages: issue and revoke password reset links (admins),
//! change roles (super-admins). Only from strictly above: see `domain::access::may_manage`.

use app::admin::form;
use app::forms::{FormFeedback, FORM};
use axum::extract::{Path, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use backend::accounts::{self, Account, AccountId};
use domain::Need;
use domain::Permission::{ManageStaff, ManageUsers};
use domain::Role;
use serde::Deserialize;

use crate::authz::viewer;
use crate::form_data::Posted;
use crate::pages::{backend_failure, render_with_feedback, see_other};
use crate::routes::Endpoint;
use crate::ServerState;

/// The account acted on, if it exists and the viewer may manage it.
async fn managed_account(
    state: &ServerState,
    viewer: &app::auth::Viewer,
    id: i64,
) -> Result<Account, (&'static str, StatusCode)> {
    let account = match accounts::find_account(&state.app.db, AccountId(id)).await {
        Ok(Some(account)) => account,
        Ok(None) => return Err(("error-not-found-body", StatusCode::NOT_FOUND)),
        Err(error) => {
            tracing::error!(error = ?error, "could not read an account");
            return Err(("form-error-unavailable", StatusCode::SERVICE_UNAVAILABLE));
        }
    };
    if !viewer.actor().may_manage(account.id.0, account.role) {
        return Err(("admin-not-allowed", StatusCode::FORBIDDEN));
    }
    Ok(account)
}

fn detail_parts(parts: Parts, id: i64) -> Parts {
    crate::pages::at(parts, &format!("/admin/pengguna/{id}"))
}

/// `POST /admin/pengguna/{id}/tautan-sandi`: issues a reset link and shows it once.
pub async fn issue_reset_link(
    State(state): State<ServerState>,
    Path(id): Path<i64>,
    parts: Parts,
) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    let parts = detail_parts(parts, id);
    let feedback = FormFeedback::for_form(form::RESET_LINK);
    let account = match managed_account(&state, &viewer, id).await {
        Ok(account) => account,
        Err((key, status)) => {
            return render_with_feedback(&state, parts, feedback.error(FORM, key), status).await
        }
    };
    let issued = accounts::issue_reset_link(
        &state.app.db,
        AccountId(viewer.account_id),
        account.id,
        state.app.clock.now(),
    )
    .await;
    match issued {
        Ok(token) => {
            let link = format!("{}/atur-sandi?kode={}", state.public_origin, token.expose());
            let feedback = FormFeedback { issued_link: Some(link), ..feedback };
            render_with_feedback(&state, parts, feedback, StatusCode::OK).await
        }
        Err(error) => {
            backend_failure(&state, parts, feedback, "could not issue a reset link", &error).await
        }
    }
}

/// `POST /admin/pengguna/{id}/cabut-tautan`: revokes the pending reset link.
pub async fn revoke_reset_link(
    State(state): State<ServerState>,
    Path(id): Path<i64>,
    parts: Parts,
) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    let parts = detail_parts(parts, id);
    let feedback = FormFeedback::for_form(form::RESET_LINK);
    let account = match managed_account(&state, &viewer, id).await {
        Ok(account) => account,
        Err((key, status)) => {
            return render_with_feedback(&state, parts, feedback.error(FORM, key), status).await
        }
    };
    match accounts::revoke_reset_links(
        &state.app.db,
        AccountId(viewer.account_id),
        account.id,
        state.app.clock.now(),
    )
    .await
    {
        Ok(_) => see_other(&format!("/admin/pengguna/{id}")),
        Err(error) => {
            backend_failure(&state, parts, feedback, "could not revoke a reset link", &error).await
        }
    }
}

/// What the role form posts.
#[derive(Debug, Deserialize)]
pub struct RoleChange {
    #[serde(default)]
    peran: String,
    #[serde(default)]
    alasan: String,
}

/// The longest reason kept in the audit log.
const MAX_REASON_CHARS: usize = 200;

/// `POST /admin/pengguna/{id}/peran`: makes an account an admin or a shopper again.
pub async fn change_role(
    State(state): State<ServerState>,
    Path(id): Path<i64>,
    parts: Parts,
    Posted(form): Posted<RoleChange>,
) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    let parts = detail_parts(parts, id);
    let feedback = FormFeedback::for_form(form::ROLE);
    let role = match Role::from_db(&form.peran) {
        // Which roles the viewer may give is checked against the account's current role below.
        Some(role) if role != Role::SuperAdmin => role,
        _ => {
            return render_with_feedback(
                &state,
                parts,
                feedback.error(FORM, "admin-role-invalid"),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    };
    if form.alasan.chars().count() > MAX_REASON_CHARS {
        return render_with_feedback(
            &state,
            parts,
            feedback.error(FORM, "admin-role-reason-long"),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let account = match managed_account(&state, &viewer, id).await {
        Ok(account) => account,
        Err((key, status)) => {
            return render_with_feedback(&state, parts, feedback.error(FORM, key), status).await
        }
    };
    if !viewer.role.may_change_role(account.role, role) {
        return render_with_feedback(
            &state,
            parts,
            feedback.error(FORM, "admin-role-invalid"),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let changed = accounts::set_role(
        &state.app.db,
        Some(AccountId(viewer.account_id)),
        account.id,
        role,
        form.alasan.trim(),
        state.app.clock.now(),
    )
    .await;
    match changed {
        Ok(_) => see_other(&format!("/admin/pengguna/{id}")),
        Err(error) => {
            backend_failure(&state, parts, feedback, "could not change a role", &error).await
        }
    }
}

/// This feature's routes and what each needs.
#[must_use]
pub fn endpoints() -> Vec<Endpoint> {
    vec![
        // Only for accounts the viewer may manage (checked against the account too).
        Endpoint::post(
            "/admin/pengguna/{id}/tautan-sandi",
            Need::Permission(ManageUsers),
            issue_reset_link,
        ),
        Endpoint::post(
            "/admin/pengguna/{id}/cabut-tautan",
            Need::Permission(ManageUsers),
            revoke_reset_link,
        ),
        // Super-admins themselves are made only with the command line.
        Endpoint::post("/admin/pengguna/{id}/peran", Need::Permission(ManageStaff), change_role),
    ]
}
