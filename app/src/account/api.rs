//! Server fns of the account pages. Each states its access level and checks it first.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// One of the person's sessions, as the account page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRow {
    /// Whether it is the session the page is open in.
    pub current: bool,
    /// Browser and system.
    pub device: String,
    /// Unix time of its last request.
    pub last_seen_at: i64,
}

/// What the account page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountOverview {
    /// Phone number or email address.
    pub login: String,
    /// Role.
    pub role: domain::Role,
    /// Whether the account runs an approved vendor's shop.
    pub vendor: bool,
    /// Live sessions, most recent first.
    pub sessions: Vec<SessionRow>,
}

/// The logged-in person's account and sessions.
///
/// Access: account (anyone logged in; only their own data).
#[server(prefix = "/api", endpoint = "account/overview")]
pub async fn load_account_overview() -> Result<AccountOverview, AppError> {
    let viewer = crate::auth::require_account()?;
    let state = expect_context::<backend::AppState>();
    let current = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<backend::sessions::SessionKey>().cloned());
    let account = backend::accounts::AccountId(viewer.account_id);
    let sessions = backend::sessions::list_for_account(
        &state.db,
        account,
        current.as_ref(),
        state.clock.now(),
    )
    .await?;
    Ok(AccountOverview {
        login: viewer.login,
        role: viewer.role,
        // Read with the session on this request (`backend::access::caller`).
        vendor: viewer.vendor.is_some(),
        sessions: sessions
            .into_iter()
            .map(|s| SessionRow {
                current: s.current,
                device: s.device,
                last_seen_at: s.last_seen_at,
            })
            .collect(),
    })
}

/// Whether a password reset link can still be used, so the reset page does not ask for a new
/// password that could never be saved.
///
/// Access: public (the code itself is the credential; 256 random bits cannot be guessed).
#[server(prefix = "/api", endpoint = "account/reset-link")]
pub async fn reset_link_usable(code: String) -> Result<bool, AppError> {
    crate::auth::require(domain::Need::Public)?;
    let state = expect_context::<backend::AppState>();
    Ok(backend::accounts::reset_link_is_usable(&state.db, code.trim(), state.clock.now()).await?)
}
