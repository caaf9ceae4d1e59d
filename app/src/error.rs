//! The UI layer's error type and the pages that show errors inside the normal layout.

use leptos::prelude::*;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::head::PageTitle;
use crate::i18n::t;

/// What a page or server fn can fail with, as the browser may see it: a kind, never a cause.
/// Causes are logged on the server where they happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The database (or another dependency) is down; trying again later may work.
    #[error("service unavailable")]
    Unavailable,
    /// Nobody is logged in, and this needs an account.
    #[error("login required")]
    Unauthorized,
    /// The person logged in may not do this.
    #[error("forbidden")]
    Forbidden,
    /// The thing asked for does not exist.
    #[error("not found")]
    NotFound,
    /// The request's arguments do not parse: the caller's mistake, answered 400.
    #[error("bad request")]
    BadRequest,
    /// A bug or broken invariant on the server.
    #[error("internal error")]
    Internal,
    /// The request never completed (offline, timeout, malformed answer).
    #[error("request failed")]
    Transport,
}

impl AppError {
    /// The HTTP status this error answers with.
    #[must_use]
    pub const fn status(self) -> u16 {
        match self {
            AppError::Unavailable => 503,
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::BadRequest => 400,
            AppError::Internal | AppError::Transport => 500,
        }
    }

    /// Sets this error's HTTP status on the response being built, and returns it. A server fn's
    /// error otherwise answers 500 whatever it is; call this where the error arises.
    #[must_use]
    pub fn with_status(self) -> AppError {
        #[cfg(feature = "ssr")]
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(
                http::StatusCode::from_u16(self.status())
                    .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR),
            );
        }
        self
    }

    /// Catalogue keys of the title and explanation shown to the visitor.
    #[must_use]
    pub const fn message_keys(self) -> (&'static str, &'static str) {
        match self {
            AppError::Unavailable => ("error-unavailable-title", "error-unavailable-body"),
            AppError::Unauthorized => ("error-unauthorized-title", "error-unauthorized-body"),
            AppError::Forbidden => ("error-forbidden-title", "error-forbidden-body"),
            AppError::NotFound => ("error-not-found-title", "error-not-found-body"),
            AppError::BadRequest => ("error-bad-request-title", "error-bad-request-body"),
            AppError::Internal | AppError::Transport => {
                ("error-internal-title", "error-internal-body")
            }
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// On the server, arguments that do not parse (a malformed, repeated or missing field,
    /// bad UTF-8) are the caller's mistake: 400, not a 500 with an ERROR in the log. In the
    /// browser every failure to get an answer is a transport error.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => {
                AppError::BadRequest.with_status()
            }
            _ => AppError::Transport,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<backend::Error> for AppError {
    fn from(error: backend::Error) -> Self {
        tracing::error!(error = ?error, "backend failure");
        if error.is_unavailable() {
            AppError::Unavailable.with_status()
        } else {
            AppError::Internal.with_status()
        }
    }
}

/// Shows an error in the page's main area and answers with its HTTP status.
#[component]
pub fn ErrorPage(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(
            http::StatusCode::from_u16(error.status())
                .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR),
        );
    }
    let (title_key, body_key) = error.message_keys();
    let title = t(title_key);
    view! {
        <PageTitle text=title.clone() />
        <section class="error-panel" aria-labelledby="error-title">
            <h1 id="error-title">{title}</h1>
            <p>{t(body_key)}</p>
            <p>
                {(error == AppError::Unauthorized)
                    .then(|| {
                        view! {
                            <a class="button" href=crate::auth::login_href_here()>
                                {t("auth-login-submit")}
                            </a>
                            " "
                        }
                    })}
                <a class="button secondary" href="/">
                    {t("error-back-home")}
                </a>
            </p>
        </section>
    }
}

/// The page for an address that matches no route.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! { <ErrorPage error=AppError::NotFound /> }
}
