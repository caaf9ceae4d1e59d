//! The server fn of the notices page.

use domain::notice::Notice;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A notice as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeItem {
    /// What it says.
    pub notice: Notice,
    /// Unix time.
    pub at: i64,
    /// Whether it has been marked read.
    pub read: bool,
}

#[cfg(feature = "ssr")]
impl From<backend::notices::Stored> for NoticeItem {
    fn from(stored: backend::notices::Stored) -> Self {
        NoticeItem { notice: stored.notice, at: stored.at, read: stored.read }
    }
}

/// The logged-in person's latest notices, newest first.
///
/// Access: account (anyone logged in; only their own).
#[server(prefix = "/api", endpoint = "notices/mine")]
pub async fn load_my_notices() -> Result<Vec<NoticeItem>, AppError> {
    /// How many the page lists; older ones stay in the data export.
    const PAGE_SIZE: i64 = 50;
    let viewer = crate::auth::require_account()?;
    let state = expect_context::<backend::AppState>();
    let account = backend::accounts::AccountId(viewer.account_id);
    let notices = backend::notices::latest(&state.db, account, PAGE_SIZE).await?;
    Ok(notices.into_iter().map(NoticeItem::from).collect())
}
