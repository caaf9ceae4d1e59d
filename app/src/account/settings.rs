//! `/akun`: who is logged in, change password, sessions, log out (here or everywhere).

use leptos::prelude::*;
use time::OffsetDateTime;

use super::api::{load_account_overview, AccountOverview};
use super::{done_notice, form};
use crate::auth::{require_account, role_label};
use crate::error::ErrorPage;
use crate::forms::{Field, FormAlert, InputKind};
use crate::head::PageTitle;
use crate::i18n::{current_locale, t, t_args};

/// `/akun`
#[component]
pub fn AccountPage() -> impl IntoView {
    if let Err(error) = require_account() {
        return view! { <ErrorPage error /> }.into_any();
    }
    let overview = Resource::new_blocking(|| (), |()| load_account_overview());
    view! {
        <PageTitle text=t("account-title") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match overview.await {
                    Ok(overview) => view! { <AccountContent overview /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// The staff pages, each with the permission that opens it.
const STAFF_PAGES: &[(domain::Permission, &str, &str)] = &[
    (domain::Permission::ReviewApplications, "/admin/pengajuan", "review-title"),
    (domain::Permission::EraseApplicantData, "/admin/penghapusan", "erasure-queue-title"),
    (domain::Permission::ManageUsers, "/admin/pengguna", "admin-users-title"),
    (domain::Permission::ManageCategories, "/admin/kategori", "admin-categories-title"),
    (domain::Permission::ViewAuditLog, "/admin/audit", "audit-title"),
];

#[component]
fn AccountContent(overview: AccountOverview) -> impl IntoView {
    let role = overview.role;
    view! {
        <section class="card" aria-labelledby="account-title">
            <h1 id="account-title">{t("account-title")}</h1>
            {done_notice().map(|key| view! { <p class="notice" role="status">{t(key)}</p> })}
            <dl class="facts">
                <dt>{t("account-login")}</dt>
                <dd>{overview.login}</dd>
                <dt>{t("account-role")}</dt>
                <dd>
                    {if overview.vendor && overview.role == domain::Role::Shopper {
                        t("role-vendor")
                    } else {
                        role_label(overview.role)
                    }}
                </dd>
            </dl>
            <p class="hero-actions">
                {if overview.vendor {
                    view! {
                        <a class="button secondary" href="/lapak">
                            {t("layout-shop")}
                        </a>
                    }
                } else {
                    view! {
                        <a class="button secondary" href="/pengajuan">
                            {t("layout-apply")}
                        </a>
                    }
                }}
                // Each staff page the role may open (the pages check again).
                {STAFF_PAGES
                    .iter()
                    .filter(|(permission, _, _)| role.has(*permission))
                    .map(|(_, href, key)| view! {
                        <a class="button secondary" href=*href>{t(key)}</a>
                    })
                    .collect_view()}
            </p>
            <form method="post" action="/keluar">
                <button type="submit" class="button secondary">
                    {t("auth-logout")}
                </button>
            </form>
        </section>
        <ChangePassword />
        <Sessions sessions=overview.sessions />
    }
}

#[component]
fn ChangePassword() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="password-title">
            <h2 id="password-title">{t("account-password-title")}</h2>
            <p class="hint">{t("account-password-lead")}</p>
            <form method="post" action="/akun/sandi" novalidate>
                <FormAlert form=form::CHANGE_PASSWORD />
                <Field
                    form=form::CHANGE_PASSWORD
                    name="current_password"
                    label=t("account-current-password")
                    kind=InputKind::Password
                    autocomplete="current-password"
                    max_len=domain::password::MAX_CHARS
                />
                <Field
                    form=form::CHANGE_PASSWORD
                    name="new_password"
                    label=t("auth-new-password-label")
                    kind=InputKind::Password
                    autocomplete="new-password"
                    max_len=domain::password::MAX_CHARS
                />
                <button type="submit" class="button">
                    {t("account-password-submit")}
                </button>
            </form>
        </section>
    }
}

#[component]
fn Sessions(sessions: Vec<super::api::SessionRow>) -> impl IntoView {
    let locale = current_locale();
    view! {
        <section class="card" aria-labelledby="sessions-title">
            <h2 id="sessions-title">{t("account-sessions-title")}</h2>
            <ul class="session-list">
                {sessions
                    .into_iter()
                    .map(|session| {
                        let seen = OffsetDateTime::from_unix_timestamp(session.last_seen_at)
                            .map(|at| domain::wita::format_datetime(at, locale))
                            .unwrap_or_default();
                        let device = if session.device.is_empty() {
                            t("account-device-unknown")
                        } else {
                            session.device
                        };
                        view! {
                            <li>
                                <strong>{device}</strong>
                                {session
                                    .current
                                    .then(|| view! { " " <span class="badge">{t("account-session-current")}</span> })}
                                <br />
                                <small>{t_args("account-session-seen", &[("when", seen)])}</small>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <form method="post" action="/akun/keluar-semua">
                <p class="hint">{t("account-logout-everywhere-lead")}</p>
                <button type="submit" class="button secondary">
                    {t("account-logout-everywhere")}
                </button>
            </form>
        </section>
    }
}
