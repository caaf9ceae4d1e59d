//! `POST /notifikasi/dibaca`: the person marks their notices read (the badge goes to zero).

use axum::extract::State;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use backend::accounts::AccountId;
use domain::Need;

use crate::authz::viewer;
use crate::error::PageError;
use crate::pages::see_other;
use crate::routes::Endpoint;
use crate::ServerState;

/// Marks every notice of the logged-in person read and shows the list again.
pub async fn mark_read(State(state): State<ServerState>, parts: Parts) -> Response {
    let viewer = match viewer(&parts) {
        Ok(viewer) => viewer,
        Err(refused) => return refused.into_response(),
    };
    let account = AccountId(viewer.account_id);
    match backend::notices::mark_all_read(&state.app.db, account, state.app.clock.now()).await {
        Ok(()) => see_other("/notifikasi"),
        Err(error) => PageError::unavailable(&parts.headers, "could not mark notices read", &error)
            .into_response(),
    }
}

/// This feature's routes and what each needs.
#[must_use]
pub fn endpoints() -> Vec<Endpoint> {
    vec![Endpoint::post("/notifikasi/dibaca", Need::LoggedIn, mark_read)]
}
