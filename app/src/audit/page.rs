//! The audit log page: a filter form (GET, works without JavaScript) and the entries, newest
//! first, fifty to a page.

use domain::Permission;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use time::OffsetDateTime;

use super::api::{load_audit, AuditPage, AuditQuery, AuditRow};
use crate::auth::{encode_query_value, require_permission};
use crate::error::ErrorPage;
use crate::head::PageTitle;
use crate::i18n::{current_locale, t};

/// The subject kinds an officer can filter by, with their labels.
const KINDS: &[(&str, &str)] = &[
    ("account", "audit-kind-account"),
    ("application", "audit-kind-application"),
    ("vendor", "audit-kind-vendor"),
    ("product", "audit-kind-product"),
    ("category", "audit-kind-category"),
    ("job", "audit-kind-job"),
];

fn query_from_page() -> AuditQuery {
    use_query_map().with_untracked(|q| {
        let number = |name: &str| q.get(name).and_then(|v| v.trim().parse::<i64>().ok());
        AuditQuery {
            actor: number("akun"),
            kind: q.get("jenis").unwrap_or_default(),
            subject: number("id"),
            action: q.get("aksi").unwrap_or_default().chars().take(60).collect(),
            from: q.get("dari").unwrap_or_default().chars().take(10).collect(),
            until: q.get("sampai").unwrap_or_default().chars().take(10).collect(),
            before: number("sebelum"),
        }
    })
}

/// `/admin/audit?akun=…&jenis=…&id=…&aksi=…&dari=…&sampai=…&sebelum=…`
#[component]
pub fn AuditLogPage() -> impl IntoView {
    if let Err(error) = require_permission(Permission::ViewAuditLog) {
        return view! { <ErrorPage error /> }.into_any();
    }
    let query = query_from_page();
    let entries = {
        let query = query.clone();
        Resource::new_blocking(|| (), move |()| load_audit(query.clone()))
    };
    view! {
        <PageTitle text=t("audit-title") />
        <section class="card" aria-labelledby="audit-title">
            <h1 id="audit-title">{t("audit-title")}</h1>
            <p class="hint">{t("audit-lead")}</p>
            <AuditFilter query=query.clone() />
        </section>
        <Suspense fallback=|| ()>
            {move || {
                let query = query.clone();
                Suspend::new(async move {
                    match entries.await {
                        Ok(page) => view! { <AuditEntries page query /> }.into_any(),
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

#[component]
fn AuditFilter(query: AuditQuery) -> impl IntoView {
    let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    view! {
        <form method="get" action="/admin/audit" class="filter-form" role="search">
            <div class="field">
                <label for="audit-actor">{t("audit-filter-actor")}</label>
                <input id="audit-actor" name="akun" inputmode="numeric" value=number(query.actor) maxlength="18" />
            </div>
            <div class="field">
                <label for="audit-kind">{t("audit-filter-kind")}</label>
                <select id="audit-kind" name="jenis">
                    <option value="" selected=query.kind.is_empty()>{t("audit-kind-any")}</option>
                    {KINDS
                        .iter()
                        .map(|(kind, key)| view! {
                            <option value=*kind selected=query.kind == *kind>{t(key)}</option>
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="audit-subject">{t("audit-filter-subject")}</label>
                <input id="audit-subject" name="id" inputmode="numeric" value=number(query.subject) maxlength="18" />
            </div>
            <div class="field">
                <label for="audit-action">{t("audit-filter-action")}</label>
                <input id="audit-action" name="aksi" value=query.action.clone() maxlength="60" placeholder="application:" />
            </div>
            <div class="field">
                <label for="audit-from">{t("audit-filter-from")}</label>
                <input id="audit-from" name="dari" type="date" value=query.from.clone() />
            </div>
            <div class="field">
                <label for="audit-until">{t("audit-filter-until")}</label>
                <input id="audit-until" name="sampai" type="date" value=query.until.clone() />
            </div>
            <button type="submit" class="button">{t("audit-filter-submit")}</button>
        </form>
    }
}

/// The page's address with the same filters and another starting point.
fn page_href(query: &AuditQuery, before: i64) -> String {
    let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    format!(
        "/admin/audit?akun={}&jenis={}&id={}&aksi={}&dari={}&sampai={}&sebelum={before}",
        number(query.actor),
        encode_query_value(&query.kind),
        number(query.subject),
        encode_query_value(&query.action),
        encode_query_value(&query.from),
        encode_query_value(&query.until),
    )
}

/// Where a subject can be looked at, when it has a page.
fn subject_href(kind: &str, id: i64) -> Option<String> {
    match kind {
        "account" => Some(format!("/admin/pengguna/{id}")),
        "application" => Some(format!("/admin/pengajuan/{id}")),
        _ => None,
    }
}

#[component]
fn AuditEntries(page: AuditPage, query: AuditQuery) -> impl IntoView {
    let next = page.more.then(|| page.rows.last().map(|row| page_href(&query, row.id))).flatten();
    view! {
        <section class="card" aria-labelledby="audit-found">
            <h2 id="audit-found">{t("audit-entries")}</h2>
            {if page.rows.is_empty() {
                view! { <p>{t("audit-empty")}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table class="audit-table">
                            <thead>
                                <tr>
                                    <th scope="col">{t("audit-col-when")}</th>
                                    <th scope="col">{t("audit-col-who")}</th>
                                    <th scope="col">{t("audit-col-what")}</th>
                                    <th scope="col">{t("audit-col-about")}</th>
                                    <th scope="col">{t("audit-col-why")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {page.rows.into_iter().map(|row| view! { <AuditLine row /> }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }}
            <nav class="pager" aria-label=t("audit-pages")>
                {next.map(|href| view! { <a href=href rel="next">{t("audit-older")}</a> })}
            </nav>
        </section>
    }
}

#[component]
fn AuditLine(row: AuditRow) -> impl IntoView {
    let when = OffsetDateTime::from_unix_timestamp(row.at)
        .map(|at| domain::wita::format_datetime(at, current_locale()))
        .unwrap_or_default();
    let who = match row.actor {
        Some((id, login)) => {
            view! { <a href=format!("/admin/audit?akun={id}")>{login}</a> }.into_any()
        }
        None => view! { <span>{t("audit-system")}</span> }.into_any(),
    };
    let (kind, id) = row.subject;
    let kind_label =
        KINDS.iter().find(|(k, _)| *k == kind).map_or_else(|| kind.clone(), |(_, key)| t(key));
    let about = format!("{kind_label} #{id}");
    let about = match subject_href(&kind, id) {
        Some(href) => view! { <a href=href>{about}</a> }.into_any(),
        None => view! { <span>{about}</span> }.into_any(),
    };
    view! {
        <tr>
            <td>{when}</td>
            <td>{who}</td>
            <td><code>{row.action}</code></td>
            <td>{about}</td>
            <td>
                {row.reason}
                {row.request_id.map(|id| view! { <small class="request-id">{id}</small> })}
            </td>
        </tr>
    }
}
