//! The access check for form handlers: the same policy as pages and server fns
//! (`domain::access`), answering a refused post with a translated 401 or 403 page.

use app::auth::Viewer;
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::{Access, Denied, Locale};

use crate::security::{plain_page, visitor_locale};

/// The caller, if `access` admits them.
///
/// # Errors
/// [`Refused`]: 401 with a link to log in, or 403.
pub fn require(parts: &Parts, access: Access) -> Result<Option<Viewer>, Refused> {
    let viewer = parts.extensions.get::<Viewer>().cloned();
    match access.check(viewer.as_ref().map(|v| v.role)) {
        Ok(()) => Ok(viewer),
        Err(denied) => Err(Refused { denied, locale: visitor_locale(&parts.headers) }),
    }
}

/// The logged-in caller, if `access` admits them.
///
/// # Errors
/// As [`require`]; anonymous callers always get 401.
pub fn require_viewer(parts: &Parts, access: Access) -> Result<Viewer, Refused> {
    require(parts, access)?
        .ok_or(Refused { denied: Denied::LoginRequired, locale: visitor_locale(&parts.headers) })
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
    let Some(&(path, access)) = app::access::SERVER_FNS.iter().find(|(p, _)| *p == path) else {
        return next.run(request).await;
    };
    let viewer = request.extensions().get::<Viewer>();
    match access.check(viewer.map(|v| v.role)) {
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
