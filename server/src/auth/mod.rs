//! Who is calling: server-side sessions (tower-sessions over our database), the middleware
//! that turns a session into an [`app::auth::Viewer`], logging in and out, and the caller's
//! network address for throttling.

mod client;
pub mod device;
mod store;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use backend::accounts::AccountId;
use backend::sessions::SessionKey;
use domain::Role;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, Session, SessionManagerLayer};

pub use client::client_address;
pub use store::DbSessionStore;

use crate::ServerState;

/// Names of the fields kept in a session.
pub mod keys {
    /// The logged-in account's id.
    pub const ACCOUNT: &str = "account_id";
    /// Unix time of the login, for the absolute timeout.
    pub const LOGGED_IN_AT: &str = "logged_in_at";
    /// Unix time the idle timer was last pushed back.
    pub const SEEN_AT: &str = "seen_at";
    /// Browser and system label.
    pub const DEVICE: &str = "device";
}

/// A session nobody uses for this long ends. Long, because re-typing a password on a cheap
/// phone is a real cost for a vendor who checks her orders once a week.
pub const IDLE_TIMEOUT: time::Duration = time::Duration::days(14);

/// Pushing the idle timer back means a database write; once an hour is precise enough.
const SEEN_REFRESH_SECS: i64 = 60 * 60;

/// How long a login lasts at most, however active: staff sessions are short because staff
/// accounts see everyone's data.
#[must_use]
pub fn absolute_lifetime_secs(role: Role) -> i64 {
    if role.is_staff() {
        12 * 60 * 60
    } else {
        30 * 24 * 60 * 60
    }
}

/// The session cookie's name. With https it carries the `__Host-` prefix, which browsers only
/// accept with `Secure`, `Path=/` and no `Domain`: no subdomain can plant or read it.
#[must_use]
pub fn cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-sesi"
    } else {
        "sesi"
    }
}

/// The session layer: `HttpOnly`, `SameSite=Lax`, `Secure` when served over https.
#[must_use]
pub fn session_layer(
    db: backend::Database,
    clock: backend::Clock,
    secure: bool,
) -> SessionManagerLayer<DbSessionStore> {
    SessionManagerLayer::new(DbSessionStore::new(db, clock))
        .with_name(cookie_name(secure))
        .with_secure(secure)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(IDLE_TIMEOUT))
}

/// Middleware: puts the logged-in [`app::auth::Viewer`] and the session's key into the
/// request. The role is read from the database every time, so a demotion applies at once.
pub async fn identify(
    State(state): State<ServerState>,
    mut request: Request,
    next: Next,
) -> Response {
    if let Some(session) = request.extensions().get::<Session>().cloned() {
        match viewer_of(&state, &session).await {
            Ok(Some(viewer)) => {
                if let Some(id) = session.id() {
                    request.extensions_mut().insert(SessionKey::from_cookie_id(&id.to_string()));
                }
                request.extensions_mut().insert(viewer);
            }
            Ok(None) => {}
            // The page then renders as for a visitor; if the database is down it says so.
            Err(error) => tracing::error!(%error, "could not read the session"),
        }
    }
    next.run(request).await
}

async fn viewer_of(
    state: &ServerState,
    session: &Session,
) -> anyhow::Result<Option<app::auth::Viewer>> {
    let Some(account_id) = session.get::<i64>(keys::ACCOUNT).await? else {
        return Ok(None);
    };
    let now = state.app.clock.now();
    let caller = backend::access::caller(&state.app.db, AccountId(account_id)).await?;
    let logged_in_at = session.get::<i64>(keys::LOGGED_IN_AT).await?.unwrap_or(0);
    let Some(caller) =
        caller.filter(|c| now - logged_in_at <= absolute_lifetime_secs(c.account.role))
    else {
        session.flush().await?;
        return Ok(None);
    };
    let seen_at = session.get::<i64>(keys::SEEN_AT).await?.unwrap_or(0);
    if now - seen_at >= SEEN_REFRESH_SECS {
        // Modifying the session makes tower-sessions save it, which pushes the idle expiry back.
        session.insert(keys::SEEN_AT, now).await?;
    }
    let backend::access::Caller { account, vendor, unread_notices } = caller;
    Ok(Some(app::auth::Viewer {
        account_id,
        role: account.role,
        login: app::auth::login_label(&account),
        vendor,
        unread_notices,
    }))
}

/// Remembers the language `account` reads the site in (the mail of a notice is written in
/// it). Best effort: a failure costs the person only mail in the default language.
pub async fn remember_locale(db: &backend::Database, account: AccountId, locale: domain::Locale) {
    if let Err(error) = backend::accounts::set_locale(db, account, locale).await {
        tracing::warn!(%error, "could not store the account's language");
    }
}

/// Logs `account` in on this session under a new session id (an id an attacker planted
/// before the login is worthless after it).
///
/// # Errors
/// When the session cannot be stored.
pub async fn log_in(
    session: &Session,
    account: AccountId,
    device: &str,
    now: i64,
) -> anyhow::Result<()> {
    session.cycle_id().await?;
    session.insert(keys::ACCOUNT, account.0).await?;
    session.insert(keys::LOGGED_IN_AT, now).await?;
    session.insert(keys::SEEN_AT, now).await?;
    session.insert(keys::DEVICE, device).await?;
    Ok(())
}

/// Ends this session on the server and tells the browser to drop its cookie.
///
/// # Errors
/// When the session cannot be deleted.
pub async fn log_out(session: &Session) -> anyhow::Result<()> {
    session.flush().await?;
    Ok(())
}
