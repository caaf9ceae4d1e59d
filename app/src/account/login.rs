//! `/masuk`: log in with a phone number or email address and a password.

use leptos::prelude::*;

use super::{done_notice, form, next_from_query};
use crate::forms::{Field, FormAlert, Hidden, InputKind};
use crate::head::PageTitle;
use crate::i18n::t;

/// `/masuk?lanjut=/akun`
#[component]
pub fn LoginPage() -> impl IntoView {
    let next = next_from_query();
    let register_href = if next.is_empty() {
        "/daftar".to_owned()
    } else {
        format!("/daftar?lanjut={}", crate::auth::encode_query_value(&next))
    };
    view! {
        <PageTitle text=t("auth-login-title") />
        <section class="card narrow" aria-labelledby="login-title">
            <h1 id="login-title">{t("auth-login-title")}</h1>
            {done_notice().map(|key| view! { <p class="notice" role="status">{t(key)}</p> })}
            <form method="post" action="/masuk" novalidate>
                <FormAlert form=form::LOGIN />
                <Hidden name="lanjut" value=next />
                <Field
                    form=form::LOGIN
                    name="login"
                    label=t("auth-login-label")
                    hint=t("auth-login-hint")
                    autocomplete="username"
                    max_len=domain::login_id::MAX_EMAIL_CHARS
                />
                <Field
                    form=form::LOGIN
                    name="password"
                    label=t("auth-password-label")
                    kind=InputKind::Password
                    autocomplete="current-password"
                    max_len=domain::password::MAX_CHARS
                />
                <button type="submit" class="button">
                    {t("auth-login-submit")}
                </button>
            </form>
            <p class="form-aside">
                <a href="/lupa-sandi">{t("auth-forgot-link")}</a>
            </p>
            <p class="form-aside">
                {t("auth-no-account")} " " <a href=register_href>{t("auth-register-link")}</a>
            </p>
        </section>
    }
}
