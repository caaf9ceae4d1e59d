//! The one error type of handlers outside Leptos pages: whatever went wrong, the answer is a
//! translated page with the right status, never a bare status the browser shows as a blank
//! page. Field problems are not errors here: those re-render their form with messages
//! (`pages::render_with_feedback`).

use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::Locale;

use crate::security::{plain_page, visitor_locale};

/// What a handler could not do, in the visitor's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageError {
    kind: Kind,
    locale: Locale,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    NotFound,
    Forbidden,
    BadRequest,
    Unavailable,
}

impl PageError {
    /// What was asked for does not exist (or is not the caller's to see): 404.
    #[must_use]
    pub fn not_found(headers: &HeaderMap) -> PageError {
        PageError { kind: Kind::NotFound, locale: visitor_locale(headers) }
    }

    /// The caller may not do this (the backend's own check refused): 403.
    #[must_use]
    pub fn forbidden(headers: &HeaderMap) -> PageError {
        PageError { kind: Kind::Forbidden, locale: visitor_locale(headers) }
    }

    /// A backend service failed: its refusal ([`backend::Error::Forbidden`]) is the 403 page,
    /// anything else is [`PageError::unavailable`].
    #[must_use]
    pub fn of_backend(headers: &HeaderMap, what: &str, error: &backend::Error) -> PageError {
        match error {
            backend::Error::Forbidden => PageError::forbidden(headers),
            other => PageError::unavailable(headers, what, other),
        }
    }

    /// The request cannot be understood: 400.
    #[must_use]
    pub fn bad_request(headers: &HeaderMap) -> PageError {
        PageError { kind: Kind::BadRequest, locale: visitor_locale(headers) }
    }

    /// Our side failed (the database is down, a bug): logs `error` with `what` for the
    /// operator and answers 503 "try again", with nothing half-saved (each service is one
    /// transaction).
    #[must_use]
    pub fn unavailable(
        headers: &HeaderMap,
        what: &str,
        error: &(dyn std::fmt::Debug + Sync),
    ) -> PageError {
        tracing::error!(?error, "{what}");
        PageError { kind: Kind::Unavailable, locale: visitor_locale(headers) }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, title, body) = match self.kind {
            Kind::NotFound => {
                (StatusCode::NOT_FOUND, "error-not-found-title", "error-not-found-body")
            }
            Kind::Forbidden => {
                (StatusCode::FORBIDDEN, "error-forbidden-title", "error-forbidden-body")
            }
            Kind::BadRequest => {
                (StatusCode::BAD_REQUEST, "error-bad-request-title", "error-bad-request-body")
            }
            Kind::Unavailable => (
                StatusCode::SERVICE_UNAVAILABLE,
                "error-unavailable-title",
                "error-unavailable-body",
            ),
        };
        plain_page(self.locale, status, title, body, ("/", "error-back-home"))
    }
}
