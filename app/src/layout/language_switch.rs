use domain::Locale;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::i18n::{current_locale, t};

/// A plain form: each language is a submit button, so switching works without JavaScript.
/// The server stores the choice in a cookie and sends the visitor back to the same page.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let location = use_location();
    let here = format!(
        "{}{}",
        location.pathname.get_untracked(),
        location.search.with_untracked(|s| if s.is_empty() {
            String::new()
        } else {
            format!("?{s}")
        })
    );
    let active = current_locale();
    view! {
        <form class="language-switch" method="post" action="/bahasa">
            <input type="hidden" name="next" value=here />
            <span class="visually-hidden">{t("layout-language")}</span>
            {Locale::ALL
                .into_iter()
                .map(|locale| {
                    let current = locale == active;
                    view! {
                        <button
                            type="submit"
                            name="lang"
                            value=locale.code()
                            lang=locale.code()
                            aria-pressed=if current { "true" } else { "false" }
                            title=locale.native_name()
                        >
                            {locale.code().to_uppercase()}
                        </button>
                    }
                })
                .collect_view()}
        </form>
    }
}
