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

    /// Keeps what was typed in `field`.
    #[must_use]
    pub fn value(mut self, field: &'static str, value: impl Into<String>) -> FormFeedback {
        self.values.push((field, value.into()));
        self
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
) -> impl IntoView {
    let feedback = feedback_for(form);
    let error =
        feedback.as_ref().and_then(|f| f.errors.iter().find(|e| e.field == name)).map(message);
    let value = match kind {
        InputKind::Password => String::new(),
        _ => feedback
            .as_ref()
            .and_then(|f| f.values.iter().find(|(n, _)| *n == name))
            .map(|(_, v)| v.clone())
            .unwrap_or_default(),
    };
    let id = format!("{form}-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by =
        [hint.as_ref().map(|_| hint_id.clone()), error.as_ref().map(|_| error_id.clone())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
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
                aria-describedby=(!described_by.is_empty()).then_some(described_by)
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
