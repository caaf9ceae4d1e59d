//! `/admin/pengguna/:id`: one account. Admins give a reset link to someone at the office;
//! super-admins also promote and demote admins.

use domain::{Permission, Role};
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::use_params_map;
use time::OffsetDateTime;

use super::api::{load_account_detail, AccountDetail};
use super::form;
use crate::auth::{require_permission, role_label};
use crate::error::{AppError, ErrorPage};
use crate::forms::{feedback_for, FormAlert};
use crate::head::PageTitle;
use crate::i18n::{current_locale, t, t_args};

/// `/admin/pengguna/:id`
#[component]
pub fn AdminUserPage() -> impl IntoView {
    if let Err(error) = require_permission(Permission::ManageUsers) {
        return view! { <ErrorPage error /> }.into_any();
    }
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()));
    let Some(id) = id else {
        return view! { <ErrorPage error=AppError::NotFound /> }.into_any();
    };
    let detail = Resource::new_blocking(|| (), move |()| load_account_detail(id));
    view! {
        <PageTitle text=t("admin-user-title") />
        // A freshly issued reset link may be on this page: keep it out of other sites' logs.
        <Meta name="referrer" content="no-referrer" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(detail) => view! { <UserDetail detail /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn UserDetail(detail: AccountDetail) -> impl IntoView {
    let id = detail.account.id;
    let locale = current_locale();
    let pending =
        detail.pending_reset_expires_at.and_then(|at| OffsetDateTime::from_unix_timestamp(at).ok());
    let issued_link = feedback_for(form::RESET_LINK).and_then(|f| f.issued_link);
    view! {
        <section class="card" aria-labelledby="user-title">
            <p><a href="/admin/pengguna">{t("admin-users-back")}</a></p>
            <h1 id="user-title">{detail.account.login}</h1>
            <dl class="facts">
                <dt>{t("account-role")}</dt>
                <dd>{role_label(detail.account.role)}</dd>
            </dl>
        </section>
        <section class="card" aria-labelledby="reset-title">
            <h2 id="reset-title">{t("admin-reset-title")}</h2>
            <FormAlert form=form::RESET_LINK />
            {issued_link.map(|link| view! {
                <div class="issued-link" role="status">
                    <p><strong>{t("admin-reset-issued")}</strong></p>
                    <p><code class="link-text">{link}</code></p>
                    <p class="hint">{t("admin-reset-issued-hint")}</p>
                </div>
            })}
            {pending.map(|at| view! {
                <p>{t_args("admin-reset-pending", &[("until", domain::wita::format_datetime(at, locale))])}</p>
                <form method="post" action=format!("/admin/pengguna/{id}/cabut-tautan")>
                    <button type="submit" class="button secondary">{t("admin-reset-revoke")}</button>
                </form>
            })}
            {if detail.may_manage {
                view! {
                    <p class="hint">{t("admin-reset-lead")}</p>
                    <form method="post" action=format!("/admin/pengguna/{id}/tautan-sandi")>
                        <button type="submit" class="button">{t("admin-reset-issue")}</button>
                    </form>
                }.into_any()
            } else {
                view! { <p class="hint">{t("admin-not-allowed")}</p> }.into_any()
            }}
        </section>
        {(!detail.grantable_roles.is_empty())
            .then(|| view! { <RoleForm id roles=detail.grantable_roles /> })}
    }
}

#[component]
fn RoleForm(id: i64, roles: Vec<Role>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="role-title">
            <h2 id="role-title">{t("admin-role-title")}</h2>
            <FormAlert form=form::ROLE />
            <form method="post" action=format!("/admin/pengguna/{id}/peran")>
                <div class="field">
                    <label for="role-new">{t("admin-role-new")}</label>
                    <select id="role-new" name="peran">
                        {roles
                            .into_iter()
                            .map(|r| view! { <option value=r.as_str()>{role_label(r)}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="role-reason">{t("admin-role-reason")}</label>
                    <input id="role-reason" name="alasan" type="text" maxlength="200" />
                </div>
                <button type="submit" class="button">{t("admin-role-submit")}</button>
            </form>
        </section>
    }
}
