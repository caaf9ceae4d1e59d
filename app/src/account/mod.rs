//! `/akun`: the account entry point. Registration and login arrive with the accounts feature;
//! until then the page tells vendors how to reach the city's market office.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::t;

/// `/akun`
#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <Title text=t("account-title") />
        <section class="card" aria-labelledby="account-title">
            <h1 id="account-title">{t("account-title")}</h1>
            <p>{t("account-coming")}</p>
        </section>
    }
}
