//! `/admin/pengguna`: find an account by phone number or email, filter by role.

use domain::{Permission, Role};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{list_accounts, AccountList};
use crate::auth::{encode_query_value, require_permission, role_label};
use crate::error::ErrorPage;
use crate::head::PageTitle;
use crate::i18n::{t, t_args};

/// Reads the role filter from the query (`peran=admin`).
fn role_from_query(value: &str) -> Option<Role> {
    Role::from_db(value)
}

/// `/admin/pengguna?q=…&peran=…&hal=…`
#[component]
pub fn AdminUsersPage() -> impl IntoView {
    if let Err(error) = require_permission(Permission::ManageUsers) {
        return view! { <ErrorPage error /> }.into_any();
    }
    let (search, role, page) = use_query_map().with_untracked(|q| {
        (
            q.get("q").unwrap_or_default(),
            role_from_query(&q.get("peran").unwrap_or_default()),
            q.get("hal").and_then(|p| p.parse::<u32>().ok()).unwrap_or(0),
        )
    });
    let list = {
        let search = search.clone();
        Resource::new_blocking(|| (), move |()| list_accounts(search.clone(), role, page))
    };
    view! {
        <PageTitle text=t("admin-users-title") />
        <section class="card" aria-labelledby="users-title">
            <h1 id="users-title">{t("admin-users-title")}</h1>
            <form method="get" action="/admin/pengguna" class="filter-form" role="search">
                <div class="field">
                    <label for="users-q">{t("admin-users-search")}</label>
                    <input id="users-q" name="q" type="search" value=search.clone() maxlength="100" />
                </div>
                <div class="field">
                    <label for="users-role">{t("account-role")}</label>
                    <select id="users-role" name="peran">
                        <option value="" selected=role.is_none()>{t("admin-users-all-roles")}</option>
                        {Role::ALL
                            .iter()
                            .copied()
                            .map(|r| view! {
                                <option value=r.as_str() selected=role == Some(r)>{role_label(r)}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <button type="submit" class="button">{t("search-submit")}</button>
            </form>
        </section>
        <Suspense fallback=|| ()>
            {move || {
                let search = search.clone();
                Suspend::new(async move {
                    match list.await {
                        Ok(list) => view! { <UserList list search role page /> }.into_any(),
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

#[component]
fn UserList(list: AccountList, search: String, role: Option<Role>, page: u32) -> impl IntoView {
    let pages =
        u32::try_from((list.total + i64::from(list.page_size) - 1) / i64::from(list.page_size))
            .unwrap_or(u32::MAX);
    let page_href = move |p: u32| {
        format!(
            "/admin/pengguna?q={}&peran={}&hal={p}",
            encode_query_value(&search),
            role.map(Role::as_str).unwrap_or_default()
        )
    };
    let previous = (page > 0).then(|| page_href(page - 1));
    let next = (page + 1 < pages).then(|| page_href(page + 1));
    view! {
        <section class="card" aria-labelledby="users-found">
            <h2 id="users-found">{t_args("admin-users-found", &[("count", list.total.to_string())])}</h2>
            <ul class="user-list">
                {list
                    .rows
                    .into_iter()
                    .map(|row| {
                        view! {
                            <li>
                                <a href=format!("/admin/pengguna/{}", row.id)>{row.login}</a>
                                <span class="badge">{role_label(row.role)}</span>
                                <small>{t_args("admin-users-registered", &[("date", row.registered_on)])}</small>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <nav class="pager" aria-label=t("admin-users-pages")>
                {previous.map(|href| view! { <a href=href rel="prev">{t("admin-users-previous")}</a> })}
                {next.map(|href| view! { <a href=href rel="next">{t("admin-users-next")}</a> })}
            </nav>
        </section>
    }
}
