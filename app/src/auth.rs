//! Who is asking, and the guard every page and server fn calls first.
//!
//! The server's session middleware puts a [`Viewer`] into the request for a logged-in person;
//! pages and server fns read it from there through [`require`] and its shorthands, which apply
//! the one access policy in `domain::permission`.

use domain::{ActiveVendor, Actor, Denied, Need, Permission, Role};
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
    /// Their vendor record, while it is active (approved, not suspended, not erased): what
    /// [`Permission::ManageOwnShop`] needs besides the role.
    pub vendor: Option<ActiveVendor>,
    /// How many of their notices are unread, for the header's badge.
    pub unread_notices: i64,
}

impl Viewer {
    /// The viewer as the access policy sees them.
    #[must_use]
    pub fn actor(&self) -> Actor {
        Actor::new(self.account_id, self.role, self.vendor)
    }

    /// Whether the viewer holds `permission` (for showing a link or a button; endpoints
    /// decide with [`require_permission`]).
    #[must_use]
    pub fn may(&self, permission: Permission) -> bool {
        self.actor().may(permission)
    }
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

/// Lets the caller through if they meet `need`.
///
/// # Errors
/// [`AppError::Unauthorized`] (401) for nobody logged in, [`AppError::Forbidden`] (403) for a
/// caller without the permission.
pub fn require(need: Need) -> Result<Option<Viewer>, AppError> {
    let viewer = current_viewer();
    let actor = viewer.as_ref().map(Viewer::actor);
    if let Err(denied) = need.check(actor.as_ref()) {
        // A server fn's error otherwise answers 500: the refusal must say 401 or 403.
        return Err(AppError::from(denied).with_status());
    }
    Ok(viewer)
}

/// Anyone logged in.
///
/// # Errors
/// As [`require`].
pub fn require_account() -> Result<Viewer, AppError> {
    require(Need::LoggedIn)?.ok_or(AppError::Unauthorized)
}

/// A caller holding `permission`.
///
/// # Errors
/// As [`require`].
pub fn require_permission(permission: Permission) -> Result<Viewer, AppError> {
    require(Need::Permission(permission))?.ok_or(AppError::Unauthorized)
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
        Role::MarketOfficer => "role-admin",
        Role::Cashier => "role-cashier",
        Role::Trainer => "role-trainer",
        Role::CityViewer => "role-city-viewer",
        Role::CreditOfficer => "role-credit-officer",
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
