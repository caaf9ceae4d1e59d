//! `/pengajuan`: where the application stands, what happens next, the exchange with the Dinas,
//! notices, and the applicant's data rights.

use leptos::prelude::*;

use super::api::{load_my_application, MyApplication};
use super::{status_key, step_key, STEPS};
use crate::auth::require_account;
use crate::clock::when;
use crate::error::ErrorPage;
use crate::head::PageTitle;
use crate::i18n::t;
use crate::notices::{NoticeItem, NoticeList};

/// `/pengajuan`
#[component]
pub fn ApplyDashboard() -> impl IntoView {
    if let Err(error) = require_account() {
        return view! { <ErrorPage error /> }.into_any();
    }
    let mine = Resource::new_blocking(|| (), |()| load_my_application());
    view! {
        <PageTitle text=t("apply-title") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match mine.await {
                    Ok(mine) => view! { <Dashboard mine /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Dashboard(mine: MyApplication) -> impl IntoView {
    let editable = matches!(mine.status.as_str(), "" | "draft" | "changes_requested");
    let next_key = match mine.status.as_str() {
        "" | "draft" => "apply-next-draft",
        "submitted" | "resubmitted" => "apply-next-submitted",
        "changes_requested" => "apply-next-changes",
        "approved" => "apply-next-approved",
        "rejected" => "apply-next-rejected",
        _ => "apply-next-suspended",
    };
    let ready = editable && mine.missing_steps.is_empty();
    // Rejected, or erased at the applicant's request: a new application may start.
    let closed = mine.status == "rejected" || mine.erased;
    let steps = STEPS[..4]
        .iter()
        .map(|(path, name, title)| {
            let done = !mine.missing_steps.iter().any(|m| m == name);
            (format!("/pengajuan/{path}"), t(title), done)
        })
        .collect::<Vec<_>>();
    view! {
        <section class="card" aria-labelledby="apply-title">
            <h1 id="apply-title">{t("apply-title")}</h1>
            {crate::account::done_notice().map(|key| view! { <p class="notice" role="status">{t(key)}</p> })}
            <p>
                {t("apply-status-label")} " " <strong class="badge">{t(status_key(&mine.status))}</strong>
            </p>
            <p>{t(next_key)}</p>
            {mine.public_slug.clone().map(|slug| view! {
                <p><a class="button secondary" href=format!("/pelapak/{slug}")>{t("apply-see-profile")}</a></p>
            })}
        </section>
        {closed.then(|| view! {
            <section class="card" aria-labelledby="again-title">
                <h2 id="again-title">{t("apply-again-title")}</h2>
                <p>{t("apply-again-lead")}</p>
                <form method="post" action="/pengajuan/ajukan-lagi">
                    <button type="submit" class="button">{t("apply-again-button")}</button>
                </form>
            </section>
        })}
        {editable.then(|| view! {
            <section class="card" aria-labelledby="steps-title">
                <h2 id="steps-title">{t("apply-steps-title")}</h2>
                <ol class="step-list">
                    {steps.into_iter().map(|(href, title, done)| view! {
                        <li class:done=done>
                            <a href=href>{title}</a>
                            " " <small>{t(if done { "apply-step-done" } else { "apply-step-todo" })}</small>
                        </li>
                    }).collect_view()}
                </ol>
                {ready.then(|| view! {
                    <p><a class="button" href="/pengajuan/kirim">{t("apply-go-submit")}</a></p>
                })}
            </section>
        })}
        <History history=mine.history />
        <Notices notices=mine.notifications />
        <section class="card" aria-labelledby="data-title">
            <h2 id="data-title">{t("apply-data-title")}</h2>
            <p>{t("apply-data-lead")}</p>
            <p><a class="button secondary" href="/pengajuan/data.json" download="pasar-purna-data-saya.json">{t("apply-data-download")}</a></p>
            {if mine.erasure_requested {
                view! { <p class="notice">{t("apply-erasure-requested")}</p> }.into_any()
            } else if !mine.status.is_empty() {
                view! {
                    <form method="post" action="/pengajuan/hapus-data">
                        <p class="hint">{t("apply-erasure-lead")}</p>
                        <button type="submit" class="button secondary">{t("apply-erasure-request")}</button>
                    </form>
                }.into_any()
            } else {
                ().into_any()
            }}
        </section>
    }
}

#[component]
fn History(history: Vec<(String, String, bool, i64)>) -> impl IntoView {
    (!history.is_empty()).then(|| view! {
        <section class="card" aria-labelledby="history-title">
            <h2 id="history-title">{t("apply-history-title")}</h2>
            <ol class="history">
                {history.into_iter().map(|(step, message, by_applicant, at)| view! {
                    <li>
                        <strong>{t(step_key(&step))}</strong>
                        " " <small>{when(at)} " · " {t(if by_applicant { "apply-by-you" } else { "apply-by-dinas" })}</small>
                        {(!message.is_empty()).then(|| view! { <blockquote>{message}</blockquote> })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
    })
}

/// The latest notices, with the way to all of them.
#[component]
fn Notices(notices: Vec<NoticeItem>) -> impl IntoView {
    (!notices.is_empty()).then(|| {
        view! {
            <section class="card" aria-labelledby="notices-title">
                <h2 id="notices-title">{t("notices-title")}</h2>
                <NoticeList notices />
                <p><a href="/notifikasi">{t("notices-see-all")}</a></p>
            </section>
        }
    })
}
