//! `/admin/pengajuan/:id`: everything submitted, the exchange so far, and the decisions.

use domain::vendor::Category;
use domain::Permission;
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::use_params_map;

use super::api::{load_review, ReviewDetail};
use super::form;
use crate::apply::{category_label, status_key, step_key};
use crate::auth::require_permission;
use crate::clock::when;
use crate::error::{AppError, ErrorPage};
use crate::forms::{feedback_for, Field, FormAlert, TextArea};
use crate::head::PageTitle;
use crate::i18n::t;

/// `/admin/pengajuan/:id`
#[component]
pub fn ReviewDetailPage() -> impl IntoView {
    if let Err(error) = require_permission(Permission::ReviewApplications) {
        return view! { <ErrorPage error /> }.into_any();
    }
    let Some(id) =
        use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()))
    else {
        return view! { <ErrorPage error=AppError::NotFound /> }.into_any();
    };
    let detail = Resource::new_blocking(|| (), move |()| load_review(id));
    view! {
        <PageTitle text=t("review-detail-title") />
        <Meta name="referrer" content="no-referrer" />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(detail) => view! { <Detail detail /> }.into_any(),
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

fn shown(key: &str, value: String) -> String {
    match key {
        "apply-category" => Category::from_str_value(&value).map(category_label).unwrap_or(value),
        "apply-gender" => match value.as_str() {
            "female" => t("gender-female"),
            "male" => t("gender-male"),
            _ => value,
        },
        _ => value,
    }
}

#[component]
fn Detail(detail: ReviewDetail) -> impl IntoView {
    let id = detail.id;
    let revealed = feedback_for(form::REVEAL).and_then(|f| f.issued_link);
    let decisions: Vec<(&str, &str)> = match detail.status.as_str() {
        "submitted" | "resubmitted" => vec![
            ("approve", "review-approve"),
            ("request_changes", "review-request-changes"),
            ("reject", "review-reject"),
        ],
        "approved" => vec![("suspend", "review-suspend")],
        "suspended" => vec![("reinstate", "review-reinstate")],
        _ => vec![],
    };
    view! {
        <section class="card" aria-labelledby="review-title">
            <p><a href="/admin/pengajuan">{t("review-back")}</a></p>
            <h1 id="review-title">{detail.facts.first().map(|(_, v)| v.clone()).unwrap_or_default()}</h1>
            <p>
                <span class="badge">{t(status_key(&detail.status))}</span>
                {detail.submitted_at.map(|at| view! { " " <small>{t("review-submitted")} " " {when(at)}</small> })}
            </p>
            {detail.erased.then(|| view! { <p class="notice">{t("review-erased")}</p> })}
            <dl class="facts">
                {detail.facts.into_iter().map(|(key, value)| {
                    let value = shown(&key, value);
                    view! { <dt>{t(&key)}</dt><dd>{value}</dd> }
                }).collect_view()}
            </dl>
            {detail.business_photo.map(|key| view! {
                <p><img src=format!("/media/{key}") alt=t("apply-business-photo") width="320" loading="lazy" /></p>
            })}
            {detail.has_proof.then(|| view! {
                <p><a class="button secondary" href=format!("/admin/pengajuan/{id}/bukti")>{t("review-open-proof")}</a></p>
                <p class="hint">{t("review-proof-logged")}</p>
            })}
            {detail.whatsapp_link.map(|href| view! {
                <p><a class="button secondary" href=href rel="noopener noreferrer" target="_blank">{t("review-whatsapp")}</a></p>
            })}
        </section>
        <section class="card" aria-labelledby="nik-title">
            <h2 id="nik-title">{t("review-nik-title")}</h2>
            <FormAlert form=form::REVEAL />
            {match revealed {
                Some(nik) => view! { <p class="issued-link" role="status"><code class="link-text">{nik}</code></p> }.into_any(),
                None => view! {
                    <form method="post" action=format!("/admin/pengajuan/{id}/nik") novalidate>
                        <Field form=form::REVEAL name="alasan" label=t("review-nik-reason") hint=t("review-nik-hint") max_len=200 />
                        <button type="submit" class="button secondary">{t("review-nik-reveal")}</button>
                    </form>
                }.into_any(),
            }}
        </section>
        // A refused decision whose application now allows none (another admin rejected it or
        // asked for changes first) must still say why.
        {decisions.is_empty().then(|| view! { <FormAlert form=form::DECISION /> })}
        {(!decisions.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="decide-title">
                <h2 id="decide-title">{t("review-decide-title")}</h2>
                <FormAlert form=form::DECISION />
                <form method="post" action=format!("/admin/pengajuan/{id}/keputusan") novalidate>
                    <TextArea form=form::DECISION name="pesan" label=t("review-message") hint=t("review-message-hint") max_len=domain::vendor::limits::MESSAGE />
                    <div class="decisions">
                        {decisions.into_iter().map(|(value, key)| view! {
                            <button type="submit" name="langkah" value=value class="button">{t(key)}</button>
                        }).collect_view()}
                    </div>
                </form>
            </section>
        })}
        <section class="card" aria-labelledby="history-title">
            <h2 id="history-title">{t("apply-history-title")}</h2>
            <ol class="history">
                {detail.history.into_iter().map(|(step, message, by_applicant, at)| view! {
                    <li>
                        <strong>{t(step_key(&step))}</strong>
                        " " <small>{when(at)} " · " {t(if by_applicant { "review-by-applicant" } else { "apply-by-dinas" })}</small>
                        {(!message.is_empty()).then(|| view! { <blockquote>{message}</blockquote> })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
        {(detail.shop_change.is_none()).then(|| view! { <FormAlert form=form::SHOP_CHANGE /> })}
        {detail.shop_change.map(|change| {
            let category_name = |value: &str| Category::from_str_value(value).map(category_label).unwrap_or_default();
            let lines: Vec<String> = [
                change.business_name.map(|(from, to)| crate::i18n::t_args("review-shop-change-name", &[("from", from), ("to", to)])),
                change.category.map(|(from, to)| crate::i18n::t_args("review-shop-change-category", &[("from", category_name(&from)), ("to", category_name(&to))])),
            ].into_iter().flatten().collect();
            view! {
                <section class="card" aria-labelledby="change-title">
                    <h2 id="change-title">{t("review-shop-change-title")}</h2>
                    <p>{t("review-shop-change-lead")}</p>
                    <ul>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                    <FormAlert form=form::SHOP_CHANGE />
                    <form method="post" action=format!("/admin/pengajuan/{id}/perubahan-lapak") novalidate>
                        <TextArea form=form::SHOP_CHANGE name="alasan" label=t("review-shop-change-reason") max_len=domain::vendor::limits::MESSAGE />
                        <div class="decisions">
                            <button type="submit" name="jawab" value="terima" class="button">{t("review-shop-change-accept")}</button>
                            <button type="submit" name="jawab" value="tolak" class="button secondary">{t("review-shop-change-refuse")}</button>
                        </div>
                    </form>
                </section>
            }
        })}
        // A refused erasure (none was asked for) must say why even without the form.
        {(!detail.erasure_requested).then(|| view! { <FormAlert form=form::ERASURE /> })}
        {detail.erasure_requested.then(|| view! {
            <section class="card" aria-labelledby="erasure-title">
                <h2 id="erasure-title">{t("review-erasure-title")}</h2>
                <p>{t("review-erasure-lead")}</p>
                <FormAlert form=form::ERASURE />
                <form method="post" action=format!("/admin/pengajuan/{id}/hapus-data")>
                    <button type="submit" class="button">{t("review-erasure-complete")}</button>
                </form>
            </section>
        })}
    }
}
