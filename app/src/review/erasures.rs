//! `/admin/penghapusan`: erasure requests not yet done, nearest statutory deadline first, each
//! linking to the application's page where the erasure is carried out.

use domain::Permission;
use leptos::prelude::*;
use time::OffsetDateTime;

use super::api::{load_erasures, PendingErasure};
use crate::apply::status_key;
use crate::auth::require_permission;
use crate::error::ErrorPage;
use crate::head::PageTitle;
use crate::i18n::{current_locale, t, t_args};

/// `/admin/penghapusan`
#[component]
pub fn ErasureQueuePage() -> impl IntoView {
    if let Err(error) = require_permission(Permission::EraseApplicantData) {
        return view! { <ErrorPage error /> }.into_any();
    }
    let pending = Resource::new_blocking(|| (), |()| load_erasures());
    view! {
        <PageTitle text=t("erasure-queue-title") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match pending.await {
                    Ok(pending) => view! { <ErasureList pending /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

fn wita_time(at: i64) -> String {
    OffsetDateTime::from_unix_timestamp(at)
        .map(|at| domain::wita::format_datetime(at, current_locale()))
        .unwrap_or_default()
}

#[component]
fn ErasureList(pending: Vec<PendingErasure>) -> impl IntoView {
    let now = crate::clock::now_utc().unix_timestamp();
    view! {
        <section class="card" aria-labelledby="erasure-queue-title">
            <h1 id="erasure-queue-title">{t("erasure-queue-title")}</h1>
            <p class="hint">{t("erasure-queue-lead")}</p>
            {if pending.is_empty() {
                view! { <p>{t("erasure-queue-empty")}</p> }.into_any()
            } else {
                view! {
                    <ul class="user-list">
                        {pending
                            .into_iter()
                            .map(|request| {
                                let overdue = request.deadline < now;
                                view! {
                                    <li>
                                        <a href=format!("/admin/pengajuan/{}", request.id)>
                                            {request.business_name.clone()}
                                        </a>
                                        <span class="badge">{t(status_key(&request.status))}</span>
                                        <small>
                                            {t_args("erasure-queue-asked", &[("at", wita_time(request.requested_at))])}
                                        </small>
                                        <strong class=if overdue { "badge overdue" } else { "badge" }>
                                            {if overdue {
                                                t_args("erasure-queue-overdue", &[("at", wita_time(request.deadline))])
                                            } else {
                                                t_args("erasure-queue-deadline", &[("at", wita_time(request.deadline))])
                                            }}
                                        </strong>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}
