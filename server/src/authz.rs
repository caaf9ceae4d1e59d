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
