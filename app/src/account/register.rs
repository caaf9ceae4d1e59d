//! `/daftar`: create an account with a phone number or email address and a password.

use leptos::prelude::*;

use super::{form, next_from_query};
use crate::forms::{Field, FormAlert, Hidden, InputKind};
use crate::head::PageTitle;
use crate::i18n::{t, t_args};

/// `/daftar`
#[component]
pub fn RegisterPage() -> impl IntoView {
    let next = next_from_query();
    let password_hint = t_args(
        "auth-password-hint",
        &[
            ("min", domain::password::MIN_CHARS.to_string()),
            ("max", domain::password::MAX_CHARS.to_string()),
        ],
    );
    view! {
        <PageTitle text=t("auth-register-title") />
        <section class="card narrow" aria-labelledby="register-title">
            <h1 id="register-title">{t("auth-register-title")}</h1>
            <p>{t("auth-register-lead")}</p>
            <form method="post" action="/daftar" novalidate>
                <FormAlert form=form::REGISTER />
                <Hidden name="lanjut" value=next />
                <Field
                    form=form::REGISTER
                    name="login"
                    label=t("auth-login-label")
                    hint=t("auth-login-hint")
                    autocomplete="username"
                    max_len=domain::login_id::MAX_EMAIL_CHARS
                />
                <Field
                    form=form::REGISTER
                    name="password"
                    label=t("auth-new-password-label")
                    hint=password_hint
                    kind=InputKind::Password
                    autocomplete="new-password"
                    max_len=domain::password::MAX_CHARS
                />
                <button type="submit" class="button">
                    {t("auth-register-submit")}
                </button>
            </form>
            <p class="form-aside">
                {t("auth-have-account")} " " <a href="/masuk">{t("auth-login-link")}</a>
            </p>
        </section>
    }
}
