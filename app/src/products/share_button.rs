use leptos::prelude::*;

/// Sharing a product. Without JavaScript: the link in a field to copy by hand. With it
/// (`app/js/enhance.js`): one button that opens the phone's share sheet (WhatsApp,
/// Facebook…) where the Web Share API exists, and copies the link elsewhere. A plain
/// component, not an island: the product page carries no WebAssembly for it.
#[component]
pub fn ShareButton(
    url: String,
    title: String,
    label: String,
    copy_label: String,
    copied_label: String,
) -> impl IntoView {
    view! {
        <div class="share" data-title=title data-copied=copied_label>
            <button type="button" class="button secondary" hidden>
                {label}
            </button>
            <span role="status"></span>
            <label>
                {copy_label}
                <input type="url" readonly value=url />
            </label>
        </div>
    }
}
