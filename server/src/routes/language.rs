//! `POST /bahasa`: the language switch. A plain form post, so it works without JavaScript.

use app::auth::Viewer;
use axum::extract::State;
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use backend::accounts::AccountId;
use domain::Locale;
use domain::Need;
use serde::Deserialize;

use crate::form_data::Posted;
use crate::routes::Endpoint;
use crate::security::visitor_locale;
use crate::ServerState;

/// A year: the choice should outlive the visit, but not forever.
const COOKIE_MAX_AGE_SECONDS: u32 = 365 * 24 * 60 * 60;

#[derive(Debug, Deserialize)]
pub struct LanguageForm {
    lang: String,
    next: Option<String>,
}

/// Stores the chosen language in the `lang` cookie and sends the visitor back where they were.
pub async fn switch(
    State(state): State<ServerState>,
    headers: HeaderMap,
    viewer: Option<Extension<Viewer>>,
    Posted(form): Posted<LanguageForm>,
) -> Response {
    let Some(locale) = Locale::ALL.into_iter().find(|l| l.code() == form.lang) else {
        // Only a tampered form gets here; answer in the language the visitor already reads.
        let message = app::i18n::server_text(visitor_locale(&headers), "error-unknown-language");
        return (StatusCode::BAD_REQUEST, message).into_response();
    };
    if let Some(Extension(viewer)) = viewer {
        crate::auth::remember_locale(&state.app.db, AccountId(viewer.account_id), locale).await;
    }
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    let cookie = format!(
        "{}={}; Path=/; Max-Age={COOKIE_MAX_AGE_SECONDS}; SameSite=Lax; HttpOnly{secure}",
        app::i18n::LANGUAGE_COOKIE,
        locale.code()
    );
    let target = safe_local_path(form.next.as_deref());
    (StatusCode::SEE_OTHER, [(SET_COOKIE, cookie), (LOCATION, target.to_owned())]).into_response()
}

/// The path to return to, if it stays on this site; otherwise the home page. Stops the form
/// from being used to bounce visitors to another site (`//evil.example`, `https://…`).
fn safe_local_path(next: Option<&str>) -> &str {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && !path.chars().any(char::is_control) =>
        {
            path
        }
        _ => "/",
    }
}

/// This feature's routes and what each needs.
#[must_use]
pub fn endpoints() -> Vec<Endpoint> {
    vec![Endpoint::post("/bahasa", Need::Public, switch)]
}

#[cfg(test)]
mod tests {
    use super::safe_local_path;

    #[test]
    fn only_paths_on_this_site_are_returned_to() {
        assert_eq!(safe_local_path(Some("/cari?q=tenun")), "/cari?q=tenun");
        assert_eq!(safe_local_path(Some("//evil.example/")), "/");
        assert_eq!(safe_local_path(Some("https://evil.example/")), "/");
        assert_eq!(safe_local_path(Some("/\\evil.example")), "/");
        assert_eq!(safe_local_path(Some("/a\r\nSet-Cookie: x=y")), "/");
        assert_eq!(safe_local_path(None), "/");
    }
}
