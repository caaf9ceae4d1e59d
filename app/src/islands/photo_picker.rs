use leptos::prelude::*;

/// Labels of the photo picker, translated on the server.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PhotoPickerText {
    /// The field's label.
    pub label: String,
    /// The hint under it.
    pub hint: String,
    /// "Cover" badge.
    pub cover: String,
    /// "Make cover" button.
    pub make_cover: String,
    /// "Remove" button.
    pub remove: String,
    /// "Preparing photos…".
    pub preparing: String,
    /// "Uploading…" (a percentage follows).
    pub uploading: String,
}

/// The photo field of the product forms. Without JavaScript it is a plain `multiple` file
/// input. With it, each chosen photo is shrunk in the browser to at most 2000 px (a 5 MB
/// phone photo becomes ~400 KB: minutes saved on 3G), shown as a preview that can be made the
/// cover or removed, and the form is sent with a progress bar.
#[island]
pub fn PhotoPicker(
    id: String,
    name: String,
    max: usize,
    text: PhotoPickerText,
    error: Option<String>,
) -> impl IntoView {
    let previews = RwSignal::new(Vec::<(String, String)>::new()); // (object URL, file name)
    let status = RwSignal::new(None::<String>);
    let progress = RwSignal::new(None::<u32>);
    let input_ref = NodeRef::<leptos::html::Input>::new();
    #[cfg(feature = "hydrate")]
    let files = StoredValue::new_local(Vec::<web_sys::File>::new());
    #[cfg(feature = "hydrate")]
    {
        let uploading = text.uploading.clone();
        Effect::new(move |_| {
            // Tells tests (and CSS) the island is live; `enhance.js` leaves it to the island.
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("data-hydrated", "true");
            }
            if let Some(input) = input_ref.get() {
                client::send_with_progress(&input, progress, status, uploading.clone());
            }
        });
    }
    let preparing = text.preparing.clone();
    let on_change = move |_ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        if let Some(input) = input_ref.get() {
            client::shrink_chosen(input, files, previews, status, max, preparing.clone());
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (max, &preparing);
    };
    let reorder = move |index: usize, remove: bool| {
        #[cfg(feature = "hydrate")]
        if let Some(input) = input_ref.get() {
            client::rearrange(&input, files, previews, index, remove);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (index, remove);
    };
    let described = format!("{id}-hint");
    let invalid = error.is_some();
    let (cover_text, make_cover, remove) = (text.cover, text.make_cover, text.remove);
    view! {
        <div class="field" class:invalid=invalid>
            <label for=id.clone()>{text.label}</label>
            <p class="hint" id=described.clone()>{text.hint}</p>
            <input
                id=id.clone()
                node_ref=input_ref
                name=name
                type="file"
                multiple
                accept="image/jpeg,image/png,image/webp"
                aria-invalid=invalid.then_some("true")
                aria-describedby=described
                on:change=on_change
            />
            {error.map(|error| view! { <p class="field-error">{error}</p> })}
            <div class="previews">
                {move || previews.get().into_iter().enumerate().map(|(index, (url, file))| {
                    let (cover_text, make_cover, remove) = (cover_text.clone(), make_cover.clone(), remove.clone());
                    view! {
                        <figure>
                            <img src=url alt=file />
                            <figcaption>
                                {if index == 0 {
                                    view! { <span class="badge">{cover_text}</span> }.into_any()
                                } else {
                                    view! { <button type="button" class="link" on:click=move |_| reorder(index, false)>{make_cover}</button> }.into_any()
                                }}
                                <button type="button" class="link" on:click=move |_| reorder(index, true)>{remove}</button>
                            </figcaption>
                        </figure>
                    }
                }).collect_view()}
            </div>
            <p role="status">{move || status.get()}</p>
            {move || progress.get().map(|percent| view! { <progress max="100" value=percent>{percent}"%"</progress> })}
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{File, HtmlInputElement};

    /// Longest side sent: sharp on any phone screen, and the server makes 1600 px at most.
    const MAX_SIDE: f64 = 2000.0;

    type Files = StoredValue<Vec<File>, LocalStorage>;

    /// Replaces the chosen files with shrunk JPEGs, then shows them.
    pub fn shrink_chosen(
        input: HtmlInputElement,
        files: Files,
        previews: RwSignal<Vec<(String, String)>>,
        status: RwSignal<Option<String>>,
        max: usize,
        preparing: String,
    ) {
        let Some(list) = input.files() else { return };
        let chosen: Vec<File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        if chosen.len() > max {
            // Sent as chosen: the server's answer says how many fit.
            return;
        }
        status.set(Some(preparing));
        wasm_bindgen_futures::spawn_local(async move {
            let mut shrunk = Vec::with_capacity(chosen.len());
            for file in chosen {
                // A photo the browser cannot draw (HEIC on some phones) is sent as it is:
                // the server then says what is wrong with it.
                shrunk.push(shrink(&file).await.unwrap_or(file));
            }
            files.set_value(shrunk);
            show(&input, files, previews);
            status.set(None);
        });
    }

    async fn shrink(file: &File) -> Option<File> {
        let options = web_sys::ImageBitmapOptions::new();
        options.set_image_orientation(web_sys::ImageOrientation::FromImage);
        let promise =
            window().create_image_bitmap_with_blob_and_image_bitmap_options(file, &options).ok()?;
        let bitmap: web_sys::ImageBitmap = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
        let (width, height) = (f64::from(bitmap.width()), f64::from(bitmap.height()));
        let scale = (MAX_SIDE / width.max(height)).min(1.0);
        let canvas: web_sys::HtmlCanvasElement =
            document().create_element("canvas").ok()?.dyn_into().ok()?;
        canvas.set_width((width * scale).round() as u32);
        canvas.set_height((height * scale).round() as u32);
        let context: web_sys::CanvasRenderingContext2d =
            canvas.get_context("2d").ok()??.dyn_into().ok()?;
        context
            .draw_image_with_image_bitmap_and_dw_and_dh(
                &bitmap,
                0.0,
                0.0,
                f64::from(canvas.width()),
                f64::from(canvas.height()),
            )
            .ok()?;
        let (sender, receiver) = oneshot::channel();
        let callback = Closure::once_into_js(move |blob: JsValue| {
            let _ = sender.send(blob.dyn_into::<web_sys::Blob>().ok());
        });
        canvas
            .to_blob_with_type_and_encoder_options(
                callback.unchecked_ref(),
                "image/jpeg",
                &0.85.into(),
            )
            .ok()?;
        let blob = receiver.await.ok()??;
        let parts = js_sys::Array::of1(&blob);
        let bag = web_sys::FilePropertyBag::new();
        bag.set_type("image/jpeg");
        let name = format!(
            "{}.jpg",
            file.name().rsplit_once('.').map_or(file.name(), |(stem, _)| stem.to_owned())
        );
        File::new_with_blob_sequence_and_options(&parts, &name, &bag).ok()
    }

    /// A one-shot channel (canvas.toBlob answers through a callback), without a dependency.
    mod oneshot {
        use std::cell::RefCell;
        use std::future::Future;
        use std::pin::Pin;
        use std::rc::Rc;
        use std::task::{Context, Poll, Waker};

        type Slot<T> = Rc<RefCell<(Option<T>, Option<Waker>)>>;
        pub struct Sender<T>(Slot<T>);
        pub struct Receiver<T>(Slot<T>);
        pub fn channel<T>() -> (Sender<T>, Receiver<T>) {
            let slot = Rc::new(RefCell::new((None, None)));
            (Sender(slot.clone()), Receiver(slot))
        }
        impl<T> Sender<T> {
            pub fn send(self, value: T) -> Result<(), ()> {
                let mut slot = self.0.borrow_mut();
                slot.0 = Some(value);
                if let Some(waker) = slot.1.take() {
                    waker.wake();
                }
                Ok(())
            }
        }
        impl<T> Future for Receiver<T> {
            type Output = Result<T, ()>;
            fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
                let mut slot = self.0.borrow_mut();
                match slot.0.take() {
                    Some(value) => Poll::Ready(Ok(value)),
                    None => {
                        slot.1 = Some(cx.waker().clone());
                        Poll::Pending
                    }
                }
            }
        }
    }

    /// Puts the files (in their order) back into the input and redraws the previews.
    fn show(input: &HtmlInputElement, files: Files, previews: RwSignal<Vec<(String, String)>>) {
        let Ok(transfer) = web_sys::DataTransfer::new() else { return };
        files.with_value(|files| {
            for file in files {
                let _ = transfer.items().add_with_file(file);
            }
        });
        input.set_files(transfer.files().as_ref());
        previews.update(|old| {
            for (url, _) in old.drain(..) {
                let _ = web_sys::Url::revoke_object_url(&url);
            }
        });
        let shown = files.with_value(|files| {
            files
                .iter()
                .filter_map(|f| {
                    Some((web_sys::Url::create_object_url_with_blob(f).ok()?, f.name()))
                })
                .collect()
        });
        previews.set(shown);
    }

    /// Makes photo `index` the cover, or removes it.
    pub fn rearrange(
        input: &HtmlInputElement,
        files: Files,
        previews: RwSignal<Vec<(String, String)>>,
        index: usize,
        remove: bool,
    ) {
        files.update_value(|files| {
            if index < files.len() {
                let file = files.remove(index);
                if !remove {
                    files.insert(0, file);
                }
            }
        });
        show(input, files, previews);
    }

    /// Sends the input's form by XMLHttpRequest to show upload progress. The server answers
    /// as it does without JavaScript: a redirect (followed here) or the page with its errors.
    pub fn send_with_progress(
        input: &HtmlInputElement,
        progress: RwSignal<Option<u32>>,
        status: RwSignal<Option<String>>,
        uploading: String,
    ) {
        let Some(form) = input.form() else { return };
        let on_submit = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            let Some(form) =
                event.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            let (Ok(data), Ok(request)) =
                (web_sys::FormData::new_with_form(&form), web_sys::XmlHttpRequest::new())
            else {
                return; // the browser sends the form itself
            };
            event.prevent_default();
            status.set(Some(uploading.clone()));
            progress.set(Some(0));
            let on_progress = Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(
                move |e: web_sys::ProgressEvent| {
                    if e.length_computable() && e.total() > 0.0 {
                        progress.set(Some((e.loaded() / e.total() * 100.0).round() as u32));
                    }
                },
            );
            if let Ok(upload) = request.upload() {
                upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
            }
            on_progress.forget();
            let finished = request.clone();
            let on_load = Closure::<dyn FnMut()>::new(move || {
                let url = finished.response_url();
                if finished.status().is_ok_and(|s| s < 400) && !url.is_empty() {
                    let _ = window().location().assign(&url);
                } else if let (Ok(Some(html)), Some(root)) =
                    (finished.response_text(), document().document_element())
                {
                    root.set_inner_html(&html);
                }
            });
            request.set_onload(Some(on_load.as_ref().unchecked_ref()));
            on_load.forget();
            if request.open("POST", &form.action()).is_ok() {
                let _ = request.send_with_opt_form_data(Some(&data));
            }
        });
        let _ = form.add_event_listener_with_callback("submit", on_submit.as_ref().unchecked_ref());
        on_submit.forget();
    }
}
