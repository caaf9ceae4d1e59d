//! `/notifikasi`: every notice of the logged-in person, newest first, each with where to act.

use leptos::prelude::*;

use super::api::{load_my_notices, NoticeItem};
use super::link_label_key;
use crate::auth::require_account;
use crate::clock::when;
use crate::error::ErrorPage;
use crate::head::PageTitle;
use crate::i18n::t;

/// `/notifikasi`
#[component]
pub fn NoticesPage() -> impl IntoView {
    if let Err(error) = require_account() {
        return view! { <ErrorPage error /> }.into_any();
    }
    let notices = Resource::new_blocking(|| (), |()| load_my_notices());
    view! {
        <PageTitle text=t("notices-title") />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match notices.await {
                    Ok(notices) => {
                        let any_unread = notices.iter().any(|n| !n.read);
                        view! {
                            <section class="card" aria-labelledby="notices-title">
                                <h1 id="notices-title">{t("notices-title")}</h1>
                                {notices.is_empty().then(|| view! { <p>{t("notices-none")}</p> })}
                                <NoticeList notices />
                                {any_unread.then(|| view! {
                                    <form method="post" action="/notifikasi/dibaca">
                                        <button type="submit" class="button secondary">{t("notices-mark-read")}</button>
                                    </form>
                                })}
                            </section>
                        }.into_any()
                    }
                    Err(error) => view! { <ErrorPage error /> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// Notices with their time, the officer's words quoted and a link to act on each.
#[component]
pub fn NoticeList(notices: Vec<NoticeItem>) -> impl IntoView {
    view! {
        <ul class="news-list">
            {notices.into_iter().map(|item| {
                let notice = item.notice;
                view! {
                    <li class:unread=!item.read>
                        {(!item.read).then(|| view! { <span class="badge">{t("notice-new")}</span> " " })}
                        <strong>{t(notice.title_key())}</strong>
                        " " <small>{when(item.at)}</small>
                        {notice.quoted().map(|words| view! { <blockquote>{words.to_owned()}</blockquote> })}
                        <a href=notice.link().path()>{t(link_label_key(&notice))}</a>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
