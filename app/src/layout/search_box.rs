use leptos::prelude::*;

/// The header search: a plain GET form to `/cari`. With JavaScript (`app/js/enhance.js`), a
/// clear button appears once something is typed, and an empty search is not sent. A plain
/// component, not an island: shoppers' pages carry no WebAssembly for it.
#[component]
pub fn SearchBox(
    label: String,
    placeholder: String,
    submit_label: String,
    clear_label: String,
    initial: String,
) -> impl IntoView {
    view! {
        <form class="search-box" role="search" method="get" action="/cari">
            <label class="visually-hidden" for="site-search">
                {label}
            </label>
            <input
                id="site-search"
                type="search"
                name="q"
                placeholder=placeholder
                autocomplete="off"
                enterkeyhint="search"
                maxlength="100"
                value=initial
            />
            <button type="button" class="search-clear" aria-label=clear_label hidden>
                "×"
            </button>
            <button type="submit">{submit_label}</button>
        </form>
    }
}
