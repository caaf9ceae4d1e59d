//! Access for everything outside Leptos pages: each form and file handler's need is declared
//! once, in its module's route table ([`crate::routes::Endpoint`]), and [`enforce`] applies it
//! before the handler runs; server fns are refused by [`guard_server_fns`] before their
//! arguments are read. Both decide with `domain::Need::check`, as pages do, and answer a
//! refusal with the translated 401 or 403 page.

use app::auth::Viewer;
use axum::extract::State;
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::{Denied, Locale, Need};

use crate::security::{plain_page, visitor_locale};

/// The logged-in caller, for handlers whose declared need already let them in.
///
/// # Errors
/// [`Refused`] with 401 when nobody is logged in (a handler declared public that wants a
/// viewer).
pub fn viewer(parts: &Parts) -> Result<Viewer, Refused> {
    parts
        .extensions
        .get::<Viewer>()
        .cloned()
        .ok_or(Refused { denied: Denied::LoginRequired, locale: visitor_locale(&parts.headers) })
}

/// Middleware on each declared route: lets the request through only if the caller meets the
/// route's declared [`Need`].
pub async fn enforce(
    State(need): State<Need>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let actor = request.extensions().get::<Viewer>().map(Viewer::actor);
    match need.check(actor.as_ref()) {
        Ok(()) => next.run(request).await,
        Err(denied) => {
            Refused { denied, locale: visitor_locale(request.headers()) }.into_response()
        }
    }
}

/// A refused caller; answers with the translated 401 or 403 page.
#[derive(Debug, Clone, Copy)]
pub struct Refused {
    denied: Denied,
    locale: Locale,
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        refusal(self.locale, self.denied)
    }
}

fn refusal(locale: Locale, denied: Denied) -> Response {
    match denied {
        Denied::LoginRequired => plain_page(
            locale,
            StatusCode::UNAUTHORIZED,
            "error-unauthorized-title",
            "error-unauthorized-body",
            ("/masuk", "auth-login-submit"),
        ),
        Denied::Forbidden => plain_page(
            locale,
            StatusCode::FORBIDDEN,
            "error-forbidden-title",
            "error-forbidden-body",
            ("/", "error-back-home"),
        ),
    }
}

/// Checks a server fn's declared access (`app::access::SERVER_FNS`) before Leptos reads its
/// arguments: a caller without access gets 401 or 403 whatever they sent, never a parse
/// error (or a 500) that tells them about the endpoint. Each server fn still checks again.
pub async fn guard_server_fns(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let path = request.uri().path();
    let Some(&(path, need)) = app::access::SERVER_FNS.iter().find(|(p, _)| *p == path) else {
        return next.run(request).await;
    };
    let actor = request.extensions().get::<Viewer>().map(Viewer::actor);
    match need.check(actor.as_ref()) {
        Ok(()) => next.run(request).await,
        Err(denied) => {
            let error = match denied {
                Denied::LoginRequired => app::error::AppError::Unauthorized,
                Denied::Forbidden => app::error::AppError::Forbidden,
            };
            server_fn_refusal(path, error)
        }
    }
}

/// A server fn's error answer, as Leptos writes one (JSON body, `serverfnerror` header).
fn server_fn_refusal(path: &str, error: app::error::AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::FORBIDDEN);
    let body = serde_json::to_string(&error).unwrap_or_default();
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        axum::http::header::CONTENT_TYPE,
        axum::http::HeaderValue::from_static("application/json"),
    );
    if let Ok(value) = axum::http::HeaderValue::from_str(path) {
        headers.insert("serverfnerror", value);
    }
    response
}
