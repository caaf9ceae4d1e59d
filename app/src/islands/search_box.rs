use leptos::prelude::*;

/// The header search: a plain GET form to `/cari`. With JavaScript, a clear button appears
/// once something is typed, and an empty search is not sent.
#[island]
pub fn SearchBox(
    label: String,
    placeholder: String,
    submit_label: String,
    clear_label: String,
    initial: String,
) -> impl IntoView {
    let query = RwSignal::new(initial.clone());
    let enhanced = RwSignal::new(false);
    // Runs in the browser only, after hydration: tells tests (and CSS) the island is live.
    Effect::new(move |_| {
        enhanced.set(true);
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
    let input_ref = NodeRef::<leptos::html::Input>::new();
    view! {
        <form
            class="search-box"
            role="search"
            method="get"
            action="/cari"
            on:submit=move |ev| {
                if query.with(|q| q.trim().is_empty()) {
                    ev.prevent_default();
                }
            }
        >
            <label class="visually-hidden" for="site-search">
                {label}
            </label>
            <input
                id="site-search"
                node_ref=input_ref
                type="search"
                name="q"
                placeholder=placeholder
                autocomplete="off"
                enterkeyhint="search"
                maxlength="100"
                value=initial
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            <button
                type="button"
                class="search-clear"
                aria-label=clear_label
                hidden=move || !enhanced.get() || query.with(String::is_empty)
                on:click=move |_| {
                    query.set(String::new());
                    if let Some(input) = input_ref.get() {
                        input.set_value("");
                        let _ = input.focus();
                    }
                }
            >
                "×"
            </button>
            <button type="submit">{submit_label}</button>
        </form>
    }
}
