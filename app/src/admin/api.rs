//! Server fns of the admin pages. Each states its access level and checks it first.

use domain::Role;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A row of the account list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRow {
    /// Account id.
    pub id: i64,
    /// Phone number or email address.
    pub login: String,
    /// Role.
    pub role: Role,
    /// Registration date, `YYYY-MM-DD`.
    pub registered_on: String,
}

/// One page of the account list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountList {
    /// Rows on this page.
    pub rows: Vec<AccountRow>,
    /// Matches on all pages.
    pub total: i64,
    /// Rows per page.
    pub page_size: u32,
}

/// One account, as its admin page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountDetail {
    /// The account.
    pub account: AccountRow,
    /// Unix expiry time of a reset link waiting to be used.
    pub pending_reset_expires_at: Option<i64>,
    /// Whether the viewer may give this account a reset link.
    pub may_manage: bool,
    /// The roles the viewer may give this account (empty: no role form).
    pub grantable_roles: Vec<Role>,
}

/// Accounts matching a search, newest first.
///
/// Access: admin (phone numbers and emails of everyone).
#[server(prefix = "/api", endpoint = "admin/accounts")]
pub async fn list_accounts(
    search: String,
    role: Option<Role>,
    page: u32,
) -> Result<AccountList, AppError> {
    crate::auth::require_permission(domain::Permission::ManageUsers)?;
    let state = expect_context::<backend::AppState>();
    let query = backend::accounts::AccountQuery {
        search: search.chars().take(crate::search::MAX_QUERY_CHARS).collect(),
        role,
        page,
    };
    let found = backend::accounts::list_accounts(&state.db, &query).await?;
    Ok(AccountList {
        rows: found
            .rows
            .into_iter()
            .map(|row| AccountRow {
                id: row.account.id.0,
                login: crate::auth::login_label(&row.account),
                role: row.account.role,
                registered_on: row.registered_on,
            })
            .collect(),
        total: found.total,
        page_size: backend::accounts::PAGE_SIZE,
    })
}

/// One account with what the viewer may do to it.
///
/// Access: admin.
#[server(prefix = "/api", endpoint = "admin/account")]
pub async fn load_account_detail(id: i64) -> Result<AccountDetail, AppError> {
    let viewer = crate::auth::require_permission(domain::Permission::ManageUsers)?;
    let state = expect_context::<backend::AppState>();
    let account_id = backend::accounts::AccountId(id);
    let account = backend::accounts::find_account(&state.db, account_id)
        .await?
        .ok_or_else(|| AppError::NotFound.with_status())?;
    let pending =
        backend::accounts::pending_reset(&state.db, account_id, state.clock.now()).await?;
    let actor = viewer.actor();
    let may_manage = actor.may_manage(id, account.role);
    let grantable_roles = if may_manage {
        Role::ALL
            .iter()
            .copied()
            .filter(|&to| to != account.role && viewer.role.may_change_role(account.role, to))
            .collect()
    } else {
        Vec::new()
    };
    Ok(AccountDetail {
        account: AccountRow {
            id,
            login: crate::auth::login_label(&account),
            role: account.role,
            registered_on: String::new(),
        },
        pending_reset_expires_at: pending.map(|p| p.expires_at),
        may_manage,
        grantable_roles,
    })
}
