use leptos::prelude::*;

/// Sharing a product. Without JavaScript: the link in a field to copy by hand. With it: one
/// button that opens the phone's share sheet (WhatsApp, Facebook…) where the Web Share API
/// exists, and copies the link elsewhere.
#[island]
pub fn ShareButton(
    url: String,
    title: String,
    label: String,
    copy_label: String,
    copied_label: String,
) -> impl IntoView {
    let enhanced = RwSignal::new(false);
    let copied = RwSignal::new(false);
    Effect::new(move |_| enhanced.set(true));
    let link = url.clone();
    let share = move |_| {
        #[cfg(feature = "hydrate")]
        share_or_copy(&link, &title, copied);
        #[cfg(not(feature = "hydrate"))]
        let _ = (&link, &title, copied);
    };
    view! {
        <div class="share">
            <button type="button" class="button secondary" hidden=move || !enhanced.get() on:click=share>
                {label}
            </button>
            <span role="status">{move || copied.get().then(|| copied_label.clone())}</span>
            <label>
                {copy_label}
                <input type="url" readonly value=url on:focus=|ev| {
                    #[cfg(feature = "hydrate")]
                    {
                        use wasm_bindgen::JsCast;
                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            input.select();
                        }
                    }
                    #[cfg(not(feature = "hydrate"))]
                    let _ = ev;
                } />
            </label>
        </div>
    }
}

#[cfg(feature = "hydrate")]
fn share_or_copy(url: &str, title: &str, copied: RwSignal<bool>) {
    let navigator = window().navigator();
    let has_share = js_sys::Reflect::has(&navigator, &"share".into()).unwrap_or(false);
    if has_share {
        let data = web_sys::ShareData::new();
        data.set_url(url);
        data.set_title(title);
        // A cancelled share sheet rejects the promise: nothing to tell the user.
        let _ = navigator.share_with_data(&data);
    } else {
        let promise = navigator.clipboard().write_text(url);
        wasm_bindgen_futures::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                copied.set(true);
            }
        });
    }
}
