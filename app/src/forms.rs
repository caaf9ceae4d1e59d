//! Plain HTML forms that work without JavaScript, with errors next to their fields.
//!
//! A form posts to a server handler. On success the handler redirects (post/redirect/get); on
//! a refusal it renders the same page again with a [`FormFeedback`] in context: what was typed
//! (never passwords) and a translated message per field, and answers with a 4xx status.

use leptos::prelude::*;

use crate::i18n::{t, t_args};

/// A message for one field (or for the whole form when `field` is [`FORM`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The input's `name`, or [`FORM`].
    pub field: &'static str,
    /// Catalogue key of the message.
    pub key: &'static str,
    /// Arguments of the message.
    pub args: Vec<(&'static str, String)>,
}

/// The pseudo-field of messages about the form as a whole.
pub const FORM: &str = "";

/// The most bytes one text field may carry: our longest text (1,500 characters of product
/// description, up to 4 bytes each) with room to spare. The server stops reading a field at
/// this size, and no longer value is ever shown again in a page.
pub const MAX_FIELD_BYTES: usize = 8 * 1024;

/// What a refused form post gives back to the page it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormFeedback {
    /// Which form on the page was posted (pages may hold several).
    pub form: &'static str,
    /// Messages, in field order.
    pub errors: Vec<FieldError>,
    /// What was typed, by field name, to fill the fields again. Never passwords.
    pub values: Vec<(&'static str, String)>,
    /// A link created by this post that must be shown once (a password reset link).
    pub issued_link: Option<String>,
}

impl FormFeedback {
    /// Feedback for the form called `form`.
    #[must_use]
    pub fn for_form(form: &'static str) -> FormFeedback {
        FormFeedback { form, ..FormFeedback::default() }
    }

    /// Adds a message.
    #[must_use]
    pub fn error(mut self, field: &'static str, key: &'static str) -> FormFeedback {
        self.errors.push(FieldError { field, key, args: Vec::new() });
        self
    }

    /// Adds a message with arguments.
    #[must_use]
    pub fn error_with(
        mut self,
        field: &'static str,
        key: &'static str,
        args: Vec<(&'static str, String)>,
    ) -> FormFeedback {
        self.errors.push(FieldError { field, key, args });
        self
    }

    /// Keeps what was typed in `field`, unless it is longer than any field may be: that is
    /// not shown again (a refusal must never echo a huge body back).
    #[must_use]
    pub fn value(mut self, field: &'static str, value: impl Into<String>) -> FormFeedback {
        let value = value.into();
        if value.len() <= MAX_FIELD_BYTES {
            self.values.push((field, value));
        }
        self
    }

    /// The translated message on `field`, if any.
    #[must_use]
    pub fn error_text(&self, field: &str) -> Option<String> {
        self.errors.iter().find(|e| e.field == field).map(message)
    }

    /// Whether nothing was refused.
    #[must_use]
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// The feedback of `form` if that form was the one posted.
#[must_use]
pub fn feedback_for(form: &'static str) -> Option<FormFeedback> {
    use_context::<FormFeedback>().filter(|f| f.form == form)
}

fn message(error: &FieldError) -> String {
    if error.args.is_empty() {
        t(error.key)
    } else {
        t_args(error.key, &error.args)
    }
}

/// The form-level message of a refused post, announced to screen readers.
#[component]
pub fn FormAlert(form: &'static str) -> impl IntoView {
    let messages: Vec<String> = feedback_for(form)
        .map(|f| f.errors.iter().filter(|e| e.field == FORM).map(message).collect())
        .unwrap_or_default();
    let has_field_errors =
        feedback_for(form).is_some_and(|f| f.errors.iter().any(|e| e.field != FORM));
    (!messages.is_empty() || has_field_errors).then(|| {
        let summary = if messages.is_empty() { vec![t("form-fix-fields")] } else { messages };
        view! {
            <div class="form-alert" role="alert">
                {summary.into_iter().map(|m| view! { <p>{m}</p> }).collect_view()}
            </div>
        }
    })
}

/// What kind of input a [`Field`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputKind {
    /// Free text.
    #[default]
    Text,
    /// A password: never filled in again after a refusal.
    Password,
    /// A search box.
    Search,
}

/// A labelled input with its hint and error. Values typed before a refusal come back; the
/// error is tied to the input with `aria-describedby` so screen readers read it.
#[component]
pub fn Field(
    /// The form this field belongs to.
    form: &'static str,
    /// The input's `name`.
    name: &'static str,
    /// Visible label.
    label: String,
    /// Input kind.
    #[prop(optional)]
    kind: InputKind,
    /// `autocomplete` value (`username`, `current-password`, `new-password`…).
    #[prop(optional)]
    autocomplete: &'static str,
    /// `inputmode` value.
    #[prop(optional)]
    inputmode: &'static str,
    /// Help shown under the label.
    #[prop(optional)]
    hint: Option<String>,
    /// Longest input accepted.
    max_len: usize,
    /// The stored value, shown unless a refused post brought back what was typed.
    #[prop(optional)]
    initial: String,
) -> impl IntoView {
    let feedback = feedback_for(form);
    let error =
        feedback.as_ref().and_then(|f| f.errors.iter().find(|e| e.field == name)).map(message);
    let value = match kind {
        InputKind::Password => String::new(),
        _ => shown_value(form, name, initial),
    };
    let id = format!("{form}-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = described_by(&id, hint.is_some(), error.is_some());
    let input_type = match kind {
        InputKind::Text => "text",
        InputKind::Password => "password",
        InputKind::Search => "search",
    };
    let invalid = error.is_some();
    view! {
        <div class="field" class:invalid=invalid>
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id>{hint}</p> })}
            <input
                id=id
                name=name
                type=input_type
                value=value
                maxlength=max_len.to_string()
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                inputmode=(!inputmode.is_empty()).then_some(inputmode)
                aria-invalid=invalid.then_some("true")
                aria-describedby=described
            />
            {error.map(|error| view! { <p class="field-error" id=error_id>{error}</p> })}
        </div>
    }
}

/// A hidden input.
#[component]
pub fn Hidden(name: &'static str, value: String) -> impl IntoView {
    view! { <input type="hidden" name=name value=value /> }
}

/// The `aria-describedby` of an input with id `id`: its hint and its error, when present.
fn described_by(id: &str, has_hint: bool, has_error: bool) -> Option<String> {
    let ids: Vec<String> =
        [has_hint.then(|| format!("{id}-hint")), has_error.then(|| format!("{id}-error"))]
            .into_iter()
            .flatten()
            .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The value to show in `name`: what was just typed (after a refusal), else `initial`.
fn shown_value(form: &'static str, name: &'static str, initial: String) -> String {
    feedback_for(form)
        .and_then(|f| f.values.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone()))
        .unwrap_or(initial)
}

/// The translated error of `name`, if the last post refused it.
fn field_error(form: &'static str, name: &'static str) -> Option<String> {
    feedback_for(form).and_then(|f| f.errors.iter().find(|e| e.field == name).map(message))
}

/// A labelled multi-line text with its error.
#[component]
pub fn TextArea(
    form: &'static str,
    name: &'static str,
    label: String,
    #[prop(optional)] hint: Option<String>,
    #[prop(optional)] initial: String,
    max_len: usize,
) -> impl IntoView {
    let error = field_error(form, name);
    let invalid = error.is_some();
    let value = shown_value(form, name, initial);
    let id = format!("{form}-{name}");
    let described = described_by(&id, hint.is_some(), error.is_some());
    view! {
        <div class="field" class:invalid=invalid>
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=format!("{id}-hint")>{hint}</p> })}
            <textarea
                id=id.clone()
                name=name
                rows="4"
                maxlength=max_len.to_string()
                aria-invalid=invalid.then_some("true")
                aria-describedby=described
            >
                // Tachys writes a textarea's text unescaped (it is raw text to it): escaped
                // here, `</textarea>` in a value stays text.
                {crate::head::escape_text(&value)}
            </textarea>
            {error.map(|error| view! { <p class="field-error" id=format!("{id}-error")>{error}</p> })}
        </div>
    }
}

/// A labelled choice from a list, with its error.
#[component]
pub fn Select(
    form: &'static str,
    name: &'static str,
    label: String,
    /// (value, label) pairs; an empty first choice is added.
    options: Vec<(String, String)>,
    #[prop(optional)] initial: String,
    #[prop(optional)] hint: Option<String>,
) -> impl IntoView {
    let error = field_error(form, name);
    let invalid = error.is_some();
    let value = shown_value(form, name, initial);
    let id = format!("{form}-{name}");
    let described = described_by(&id, hint.is_some(), error.is_some());
    view! {
        <div class="field" class:invalid=invalid>
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=format!("{id}-hint")>{hint}</p> })}
            <select
                id=id.clone()
                name=name
                aria-invalid=invalid.then_some("true")
                aria-describedby=described
            >
                <option value="" selected=value.is_empty()>{t("form-choose")}</option>
                {options
                    .into_iter()
                    .map(|(v, l)| {
                        let selected = v == value;
                        view! { <option value=v selected=selected>{l}</option> }
                    })
                    .collect_view()}
            </select>
            {error.map(|error| view! { <p class="field-error" id=format!("{id}-error")>{error}</p> })}
        </div>
    }
}

/// A photo upload with its error. The phone offers its camera or gallery.
#[component]
pub fn PhotoField(
    form: &'static str,
    name: &'static str,
    label: String,
    #[prop(optional)] hint: Option<String>,
) -> impl IntoView {
    let error = field_error(form, name);
    let invalid = error.is_some();
    let id = format!("{form}-{name}");
    let described = described_by(&id, hint.is_some(), error.is_some());
    view! {
        <div class="field" class:invalid=invalid>
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="hint" id=format!("{id}-hint")>{hint}</p> })}
            <input
                id=id.clone()
                name=name
                type="file"
                accept="image/jpeg,image/png,image/webp"
                aria-invalid=invalid.then_some("true")
                aria-describedby=described
            />
            {error.map(|error| view! { <p class="field-error" id=format!("{id}-error")>{error}</p> })}
        </div>
    }
}

/// A labelled checkbox with its error.
#[component]
pub fn Checkbox(
    form: &'static str,
    name: &'static str,
    label: String,
    #[prop(optional)] initial: bool,
) -> impl IntoView {
    let error = field_error(form, name);
    let invalid = error.is_some();
    let checked = feedback_for(form)
        .map_or(initial, |f| f.values.iter().any(|(n, v)| *n == name && !v.is_empty()));
    let id = format!("{form}-{name}");
    view! {
        <div class="field checkbox" class:invalid=invalid>
            <input
                id=id.clone()
                name=name
                type="checkbox"
                value="on"
                checked=checked
                aria-invalid=invalid.then_some("true")
                aria-describedby=invalid.then(|| format!("{id}-error"))
            />
            <label for=id.clone()>{label}</label>
            {error.map(|error| view! { <p class="field-error" id=format!("{id}-error")>{error}</p> })}
        </div>
    }
}
