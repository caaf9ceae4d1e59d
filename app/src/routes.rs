//! The route table. Every route renders in blocking mode (`SsrMode::Async`): the server waits
//! for the page's data and sends complete HTML, because with JavaScript off an out-of-order
//! stream would show nothing but loading placeholders.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::account::AccountPage;
use crate::error::NotFoundPage;
use crate::home::HomePage;
use crate::i18n::{current_locale, I18nProvider};
use crate::layout::Layout;
use crate::search::SearchPage;

/// The whole application, inside the shell's `<body>`.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <I18nProvider>
            <HtmlLang />
            <Router>
                <Layout>
                    <Routes fallback=NotFoundPage>
                        <Route path=path!("") view=HomePage ssr=SsrMode::Async />
                        <Route path=path!("cari") view=SearchPage ssr=SsrMode::Async />
                        <Route path=path!("akun") view=AccountPage ssr=SsrMode::Async />
                    </Routes>
                </Layout>
            </Router>
        </I18nProvider>
    }
}

/// Puts the visitor's language on `<html lang>`, for screen readers and search engines.
#[component]
fn HtmlLang() -> impl IntoView {
    let lang = current_locale().code();
    view! { <Html attr:lang=lang /> }
}
