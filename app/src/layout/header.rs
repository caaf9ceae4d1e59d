use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::search_box::SearchBox;
use super::LanguageSwitch;
use crate::auth::current_viewer;
use crate::i18n::t;

/// Site name, account entry point, language switch and the search box, on one or two rows
/// depending on the screen width.
#[component]
pub fn Header() -> impl IntoView {
    // Keep what was searched visible in the box on the results page.
    let query = use_query_map().with_untracked(|q| q.get("q").unwrap_or_default());
    // Logged in: the account page; otherwise the login page, which links to registration.
    let (account_href, account_label) = match current_viewer() {
        Some(_) => ("/akun", t("layout-my-account")),
        None => ("/masuk", t("layout-account")),
    };
    view! {
        <header class="site-header">
            <div class="header-bar">
                <a class="brand" href="/">
                    <img src="/icons/icon.svg" alt="" width="32" height="32" />
                    <span>"Pasar Purna"</span>
                </a>
                <nav class="header-nav" aria-label=t("layout-nav-label")>
                    <LanguageSwitch />
                    <a class="account-link" href=account_href>
                        {account_label}
                    </a>
                </nav>
            </div>
            <SearchBox
                label=t("search-label")
                placeholder=t("search-placeholder")
                submit_label=t("search-submit")
                clear_label=t("search-clear")
                initial=query
            />
        </header>
    }
}
