//! `/admin/pengajuan`: applications waiting, oldest first, with how long each has waited.

use domain::application::ApplicationStatus;
use domain::vendor::Category;
use domain::Permission;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{load_queue, Queue};
use crate::apply::category_label;
use crate::apply::status_key;
use crate::auth::{encode_query_value, require_permission};
use crate::error::ErrorPage;
use crate::head::PageTitle;
use crate::i18n::{t, t_args};

/// `/admin/pengajuan?status=…&kecamatan=…&kategori=…&q=…&hal=…`
#[component]
pub fn ReviewQueuePage() -> impl IntoView {
    if let Err(error) = require_permission(Permission::ReviewApplications) {
        return view! { <ErrorPage error /> }.into_any();
    }
    let (status, kecamatan, category, search, page) = use_query_map().with_untracked(|q| {
        (
            q.get("status").unwrap_or_default(),
            q.get("kecamatan").unwrap_or_default(),
            q.get("kategori").unwrap_or_default(),
            q.get("q").unwrap_or_default(),
            q.get("hal").and_then(|p| p.parse::<u32>().ok()).unwrap_or(0),
        )
    });
    let filters = (status.clone(), kecamatan.clone(), category.clone(), search.clone());
    let queue = Resource::new_blocking(
        || (),
        move |()| {
            load_queue(status.clone(), kecamatan.clone(), category.clone(), search.clone(), page)
        },
    );
    view! {
        <PageTitle text=t("review-title") />
        <Suspense fallback=|| ()>
            {move || {
                let filters = filters.clone();
                Suspend::new(async move {
                    match queue.await {
                        Ok(queue) => view! { <QueueView queue filters page /> }.into_any(),
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

fn waited(submitted_at: Option<i64>) -> String {
    let now = crate::clock::now_utc().unix_timestamp();
    let days = submitted_at.map_or(0, |at| (now - at).max(0) / 86_400);
    t_args("review-waiting", &[("days", days.to_string())])
}

#[component]
fn QueueView(queue: Queue, filters: (String, String, String, String), page: u32) -> impl IntoView {
    let (status, kecamatan, category, search) = filters;
    let statuses = ApplicationStatus::ALL
        .into_iter()
        .filter(|s| *s != ApplicationStatus::Draft)
        .map(|s| (s.as_str().to_owned(), t(status_key(s.as_str()))))
        .collect::<Vec<_>>();
    let pages =
        u32::try_from((queue.total + i64::from(queue.page_size) - 1) / i64::from(queue.page_size))
            .unwrap_or(0);
    let href = {
        let (status, kecamatan, category, search) =
            (status.clone(), kecamatan.clone(), category.clone(), search.clone());
        move |p: u32| {
            format!(
                "/admin/pengajuan?status={}&kecamatan={}&kategori={}&q={}&hal={p}",
                encode_query_value(&status),
                encode_query_value(&kecamatan),
                encode_query_value(&category),
                encode_query_value(&search)
            )
        }
    };
    let previous = (page > 0).then(|| href(page - 1));
    let next = (page + 1 < pages).then(|| href(page + 1));
    view! {
        <section class="card" aria-labelledby="queue-title">
            <h1 id="queue-title">{t("review-title")}</h1>
            <form method="get" action="/admin/pengajuan" class="filter-form" role="search">
                <div class="field">
                    <label for="queue-q">{t("review-search")}</label>
                    <input id="queue-q" name="q" type="search" value=search maxlength="100" />
                </div>
                <div class="field">
                    <label for="queue-status">{t("apply-status-label")}</label>
                    <select id="queue-status" name="status">
                        <option value="" selected=status.is_empty()>{t("review-waiting-filter")}</option>
                        {statuses.into_iter().map(|(v, l)| { let s = v == status; view! { <option value=v selected=s>{l}</option> } }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="queue-kecamatan">{t("review-kecamatan")}</label>
                    <select id="queue-kecamatan" name="kecamatan">
                        <option value="" selected=kecamatan.is_empty()>{t("review-all")}</option>
                        {queue.kecamatan.into_iter().map(|(v, l)| { let s = v == kecamatan; view! { <option value=v selected=s>{l}</option> } }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="queue-category">{t("apply-category")}</label>
                    <select id="queue-category" name="kategori">
                        <option value="" selected=category.is_empty()>{t("review-all")}</option>
                        {Category::ALL.into_iter().map(|c| { let s = c.as_str() == category; view! { <option value=c.as_str() selected=s>{category_label(c)}</option> } }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button">{t("search-submit")}</button>
            </form>
        </section>
        <section class="card" aria-labelledby="queue-found">
            <h2 id="queue-found">{t_args("review-found", &[("count", queue.total.to_string())])}</h2>
            <ul class="user-list">
                {queue.items.into_iter().map(|item| {
                    let category = Category::from_str_value(&item.category).map(category_label).unwrap_or_default();
                    view! {
                        <li>
                            <a href=format!("/admin/pengajuan/{}", item.id)>{item.business_name}</a>
                            <span>{item.owner_name}</span>
                            <span class="badge">{t(status_key(&item.status))}</span>
                            <small>{category} " · " {item.area} " · " {waited(item.submitted_at)}</small>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <nav class="pager" aria-label=t("admin-users-pages")>
                {previous.map(|h| view! { <a href=h rel="prev">{t("admin-users-previous")}</a> })}
                {next.map(|h| view! { <a href=h rel="next">{t("admin-users-next")}</a> })}
            </nav>
        </section>
    }
}
