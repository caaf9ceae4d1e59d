//! The frame around every page: skip link, header, main landmark, footer.

mod footer;
mod header;
mod language_switch;
mod search_box;

use leptos::prelude::*;

use crate::i18n::t;
pub use footer::Footer;
pub use header::Header;
pub use language_switch::LanguageSwitch;

/// Wraps a page in the site's layout.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">
            {t("layout-skip-to-content")}
        </a>
        <Header />
        <main id="main" tabindex="-1">
            {children()}
        </main>
        <Footer />
    }
}
