use leptos::prelude::*;

use crate::i18n::t;

/// Who runs the platform and what it is for.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                <strong>"Pasar Purna"</strong>
                " · "
                {t("footer-tagline")}
            </p>
            <p><a href="/pelapak">{t("footer-vendors")}</a></p>
            <p>{t("footer-operator")}</p>
            <p class="footer-note">{t("footer-time-note")}</p>
        </footer>
    }
}
