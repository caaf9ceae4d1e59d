use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::search_box::SearchBox;
use super::LanguageSwitch;
use crate::auth::current_viewer;
use crate::i18n::{t, t_args};

/// Site name, account entry point, language switch and the search box, on one or two rows
/// depending on the screen width.
#[component]
pub fn Header() -> impl IntoView {
    // Keep what was searched visible in the box on the results page.
    let query = use_query_map().with_untracked(|q| q.get("q").unwrap_or_default());
    // Logged in: the account page; otherwise the login page, which links to registration.
    let viewer = current_viewer();
    let (account_href, account_label) = match viewer {
        Some(_) => ("/akun", t("layout-my-account")),
        None => ("/masuk", t("layout-account")),
    };
    let notices = viewer.map(|viewer| viewer.unread_notices);
    view! {
        <header class="site-header">
            <div class="header-bar">
                <a class="brand" href="/">
                    <img src="/icons/icon.svg" alt="" width="32" height="32" />
                    <span>"Pasar Purna"</span>
                </a>
                <nav class="header-nav" aria-label=t("layout-nav-label")>
                    <LanguageSwitch />
                    {notices.map(|unread| view! { <NoticesLink unread /> })}
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

/// The bell that leads to `/notifikasi`, with the number of unread notices on it.
#[component]
fn NoticesLink(unread: i64) -> impl IntoView {
    let label = if unread > 0 {
        t_args("notices-badge", &[("count", unread.to_string())])
    } else {
        t("notices-title")
    };
    // More than 99 reads as 99+: the badge stays one bubble wide on a small screen.
    let shown = if unread > 99 { "99+".to_owned() } else { unread.to_string() };
    view! {
        <a class="bell" href="/notifikasi" aria-label=label.clone() title=label>
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
                <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
            </svg>
            {(unread > 0).then(|| view! { <span class="bell-count">{shown}</span> })}
        </a>
    }
}
