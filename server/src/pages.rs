//! Rendering a page from a form handler: a refused post answers with the same page, filled
//! in and annotated, so it works without JavaScript and without a redirect that would lose
//! what was typed.

use app::forms::FormFeedback;
use axum::body::Body;
use axum::http::request::Parts;
use axum::http::{Method, Request, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;

use crate::ServerState;

/// Renders the page at the request's path with `feedback` in context, answering `status`
/// (unless rendering itself failed, whose status wins).
pub async fn render_with_feedback(
    state: &ServerState,
    mut parts: Parts,
    feedback: FormFeedback,
    status: StatusCode,
) -> Response {
    let context_state = state.clone();
    let options = state.leptos.clone();
    let render = leptos_axum::render_app_async_with_context(
        move || {
            context_state.provide_page_context();
            provide_context(feedback.clone());
        },
        move || app::shell(options.clone()),
    );
    // The page is rendered as its GET form; the posted body was consumed by the handler.
    parts.method = Method::GET;
    let mut response = render(Request::from_parts(parts, Body::empty())).await;
    if response.status().is_success() {
        *response.status_mut() = status;
    }
    response
}

/// The request as if for the page at `path`: a refused form post is answered with the page
/// the form is on (its own path is not a page), rendered as that page's GET.
#[must_use]
pub fn at(mut parts: Parts, path: &str) -> Parts {
    match path.parse() {
        Ok(uri) => parts.uri = uri,
        // Only a path built from a bad id gets here: the form's own path then answers 404.
        Err(error) => tracing::warn!(%error, "not a page path"),
    }
    parts
}

/// [`render_with_feedback`] for the page at `path` (see [`at`]).
pub async fn render_at(
    state: &ServerState,
    parts: Parts,
    path: &str,
    feedback: FormFeedback,
    status: StatusCode,
) -> Response {
    render_with_feedback(state, at(parts, path), feedback, status).await
}

/// A post that failed on our side (database down, a bug): logs `error` with `what` for the
/// operator and answers the same page with a form-level "try again" and 503.
pub async fn storage_failure(
    state: &ServerState,
    parts: Parts,
    feedback: FormFeedback,
    what: &str,
    error: &(dyn std::fmt::Debug + Sync),
) -> Response {
    tracing::error!(?error, "{what}");
    let feedback = feedback.error(app::forms::FORM, "form-error-unavailable");
    render_with_feedback(state, parts, feedback, StatusCode::SERVICE_UNAVAILABLE).await
}

/// [`storage_failure`] for a backend service's error: its refusal
/// ([`backend::Error::Forbidden`]) answers 403 with the form's "not allowed".
pub async fn backend_failure(
    state: &ServerState,
    parts: Parts,
    feedback: FormFeedback,
    what: &str,
    error: &backend::Error,
) -> Response {
    if let backend::Error::Forbidden = error {
        let feedback = feedback.error(app::forms::FORM, "error-forbidden-body");
        return render_with_feedback(state, parts, feedback, StatusCode::FORBIDDEN).await;
    }
    storage_failure(state, parts, feedback, what, error).await
}

/// The translated 404 page, for a post about something that does not exist.
#[must_use]
pub fn not_found(parts: &Parts) -> Response {
    crate::security::plain_page(
        crate::security::visitor_locale(&parts.headers),
        StatusCode::NOT_FOUND,
        "error-not-found-title",
        "error-not-found-body",
        ("/", "error-back-home"),
    )
}

/// After a successful post: go to `location` with GET (post/redirect/get), so reloading the
/// page does not post again.
pub fn see_other(location: &str) -> Response {
    Redirect::to(location).into_response()
}
