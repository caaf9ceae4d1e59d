//! `/atur-sandi`: set a new password with a one-time link from the market office, and
//! `/lupa-sandi`: what to do after forgetting a password.

use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::use_query_map;

use super::api::reset_link_usable;
use super::form;
use crate::error::ErrorPage;
use crate::forms::{Field, FormAlert, Hidden, InputKind};
use crate::head::PageTitle;
use crate::i18n::{t, t_args};

/// `/atur-sandi?kode=…`
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let code = use_query_map().with_untracked(|q| q.get("kode").unwrap_or_default());
    let check = {
        let code = code.clone();
        Resource::new_blocking(|| (), move |()| reset_link_usable(code.clone()))
    };
    view! {
        <PageTitle text=t("auth-reset-title") />
        // The code is a credential: keep the address out of other sites' logs.
        <Meta name="referrer" content="no-referrer" />
        <Suspense fallback=|| ()>
            {move || {
                let code = code.clone();
                Suspend::new(async move {
                    match check.await {
                        Ok(true) => view! { <ResetForm code /> }.into_any(),
                        Ok(false) => view! { <DeadLink /> }.into_any(),
                        Err(error) => view! { <ErrorPage error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn ResetForm(code: String) -> impl IntoView {
    let hint = t_args(
        "auth-password-hint",
        &[
            ("min", domain::password::MIN_CHARS.to_string()),
            ("max", domain::password::MAX_CHARS.to_string()),
        ],
    );
    view! {
        <section class="card narrow" aria-labelledby="reset-title">
            <h1 id="reset-title">{t("auth-reset-title")}</h1>
            <p>{t("auth-reset-lead")}</p>
            <form method="post" action="/atur-sandi" novalidate>
                <FormAlert form=form::RESET_PASSWORD />
                <Hidden name="kode" value=code />
                <Field
                    form=form::RESET_PASSWORD
                    name="password"
                    label=t("auth-new-password-label")
                    hint
                    kind=InputKind::Password
                    autocomplete="new-password"
                    max_len=domain::password::MAX_CHARS
                />
                <button type="submit" class="button">
                    {t("auth-reset-submit")}
                </button>
            </form>
        </section>
    }
}

/// Shown for a link that is unknown, expired, revoked or used; also after a refused post.
#[component]
fn DeadLink() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::GONE);
    }
    view! {
        <section class="card narrow" aria-labelledby="reset-title">
            <h1 id="reset-title">{t("auth-reset-title")}</h1>
            <p class="form-alert" role="alert">
                {t(super::messages::RESET_LINK_KEY)}
            </p>
            <p>{t("auth-forgot-office")}</p>
        </section>
    }
}

/// `/lupa-sandi`
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let by_email = use_context::<super::EmailReset>().is_some_and(|e| e.0);
    view! {
        <PageTitle text=t("auth-forgot-title") />
        <section class="card narrow" aria-labelledby="forgot-title">
            <h1 id="forgot-title">{t("auth-forgot-title")}</h1>
            {super::done_notice().map(|key| view! { <p class="notice" role="status">{t(key)}</p> })}
            <FormAlert form=form::FORGOT_PASSWORD />
            {by_email.then(|| view! {
                <p>{t("auth-forgot-email-lead")}</p>
                <form method="post" action="/lupa-sandi" novalidate>
                    <Field
                        form=form::FORGOT_PASSWORD
                        name="email"
                        label=t("auth-forgot-email-label")
                        autocomplete="email"
                        inputmode="email"
                        max_len=domain::login_id::MAX_EMAIL_CHARS
                    />
                    <button type="submit" class="button">{t("auth-forgot-email-submit")}</button>
                </form>
                <p>{t("auth-forgot-or-office")}</p>
            })}
            <p>{t("auth-forgot-office")}</p>
            <p>{t("auth-forgot-bring")}</p>
            <p>
                <a class="button secondary" href="/masuk">
                    {t("auth-login-link")}
                </a>
            </p>
        </section>
    }
}
