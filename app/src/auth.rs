//! Who is asking, and the guard every page and server fn calls first.
//!
//! The server's session middleware puts a [`Viewer`] into the request for a logged-in person;
//! pages and server fns read it from there through [`require`] and its shorthands, which apply
//! the one access policy in `domain::access`.

use domain::{Access, Denied, Role};
use leptos::prelude::*;

use crate::error::AppError;

/// The logged-in person, as pages see them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Viewer {
    /// Account id.
    pub account_id: i64,
    /// Role, read from the database on every request (a demotion takes effect at once).
    pub role: Role,
    /// How they log in, for display: their phone number or email address.
    pub login: String,
}

/// The logged-in person, if any. Always `None` in the browser: access is decided on the server.
#[must_use]
pub fn current_viewer() -> Option<Viewer> {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Viewer>().cloned())
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

impl From<Denied> for AppError {
    fn from(denied: Denied) -> Self {
        match denied {
            Denied::LoginRequired => AppError::Unauthorized,
            Denied::Forbidden => AppError::Forbidden,
        }
    }
}

/// Lets the caller through if `access` admits them.
///
/// # Errors
/// [`AppError::Unauthorized`] (401) for nobody logged in, [`AppError::Forbidden`] (403) for a
/// role too low.
pub fn require(access: Access) -> Result<Option<Viewer>, AppError> {
    let viewer = current_viewer();
    if let Err(denied) = access.check(viewer.as_ref().map(|v| v.role)) {
        // A server fn's error otherwise answers 500: the refusal must say 401 or 403.
        return Err(AppError::from(denied).with_status());
    }
    Ok(viewer)
}

fn require_logged_in(access: Access) -> Result<Viewer, AppError> {
    require(access)?.ok_or(AppError::Unauthorized)
}

/// Anyone logged in.
///
/// # Errors
/// As [`require`].
pub fn require_account() -> Result<Viewer, AppError> {
    require_logged_in(Access::Account)
}

/// City staff.
///
/// # Errors
/// As [`require`].
pub fn require_admin() -> Result<Viewer, AppError> {
    require_logged_in(Access::Admin)
}

/// Managers of the staff.
///
/// # Errors
/// As [`require`].
pub fn require_super_admin() -> Result<Viewer, AppError> {
    require_logged_in(Access::SuperAdmin)
}

/// How an account is shown to its owner and to staff: its phone number as people write it
/// (`0812-3456-7890`), else its email address.
#[cfg(feature = "ssr")]
#[must_use]
pub fn login_label(account: &backend::accounts::Account) -> String {
    account
        .phone
        .as_ref()
        .map(domain::PhoneNumber::national)
        .or_else(|| account.email.clone())
        .unwrap_or_default()
}

/// A role's name in the visitor's language.
#[must_use]
pub fn role_label(role: Role) -> String {
    crate::i18n::t(match role {
        Role::Shopper => "role-shopper",
        Role::Admin => "role-admin",
        Role::SuperAdmin => "role-super-admin",
    })
}

/// The login page's address with a way back to the current page.
#[must_use]
pub fn login_href_here() -> String {
    let location = leptos_router::hooks::use_location();
    let here = format!("{}{}", location.pathname.get_untracked(), location.search.get_untracked());
    login_href(&here)
}

/// `/masuk?lanjut=<path>`.
#[must_use]
pub fn login_href(next: &str) -> String {
    if next.is_empty() || next == "/" {
        return "/masuk".to_owned();
    }
    format!("/masuk?lanjut={}", encode_query_value(next))
}

/// Percent-encodes a query value (RFC 3986 unreserved characters and `/` stay as they are).
#[must_use]
pub fn encode_query_value(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                encoded.push(char::from(byte));
            }
            other => encoded.push_str(&format!("%{other:02X}")),
        }
    }
    encoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_way_back_survives_the_query_string() {
        assert_eq!(login_href("/akun"), "/masuk?lanjut=/akun");
        assert_eq!(
            login_href("/cari?q=se'i & kopi"),
            "/masuk?lanjut=/cari%3Fq%3Dse%27i%20%26%20kopi"
        );
        assert_eq!(login_href("/"), "/masuk");
    }
}
