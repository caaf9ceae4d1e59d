//! Reading a posted form, plain or multipart (with photos), into one shape.

use std::collections::HashMap;

use axum::body::Body;
use axum::extract::multipart::MultipartError;
use axum::extract::{FromRequest, Multipart};
use axum::http::request::Parts;
use axum::http::{header, Request, StatusCode};
use axum::response::Response;
use serde::de::DeserializeOwned;
use tokio::time::{timeout, Duration};

pub use app::forms::MAX_FIELD_BYTES;

use crate::security::{plain_page, visitor_locale};
use crate::upload_budget::Claim;

/// The largest body of a form without files: every field of our longest form at its limit,
/// with room to spare. Read whole before parsing, so it must stay small.
pub const MAX_PLAIN_FORM_BYTES: usize = 64 * 1024;

/// How long a body may send nothing before it is given up: long enough for a phone on patchy
/// 3G to come back, short enough that a stalled upload does not hold its part of the
/// upload budget for long.
pub const IDLE_BODY: Duration = Duration::from_secs(120);

/// A posted form's text fields and files.
#[derive(Debug, Default)]
pub struct FormData {
    fields: HashMap<String, String>,
    files: HashMap<String, Vec<Vec<u8>>>,
}

/// Why a form could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FormDataError {
    /// A file over the size limit (or a body over the route's limit). Carries the fields read
    /// before it, so what was typed can be shown again.
    #[error("file too large")]
    TooLarge(FormData),
    /// The server holds as many uploaded bytes as it may
    /// ([`UploadBudget`](crate::upload_budget::UploadBudget)); try again soon.
    /// Carries the fields read before it.
    #[error("upload budget spent")]
    Busy(FormData),
    /// A text field longer than [`MAX_FIELD_BYTES`] (or a plain form over
    /// [`MAX_PLAIN_FORM_BYTES`]): nothing of it is kept, so nothing of it can be echoed.
    #[error("text field too long")]
    FieldTooLong,
    /// Not a form, or cut off.
    #[error("unreadable form")]
    Unreadable,
}

/// The translated page for a form that could not be taken at all: 413 for a field over its
/// limit, 400 for anything else (a body that is not a form). Nothing typed is shown again.
#[must_use]
pub fn refusal_page(headers: &axum::http::HeaderMap, error: &FormDataError) -> Response {
    let locale = visitor_locale(headers);
    if matches!(error, FormDataError::FieldTooLong) {
        plain_page(
            locale,
            StatusCode::PAYLOAD_TOO_LARGE,
            "error-too-long-title",
            "error-too-long-body",
            ("/", "error-back-home"),
        )
    } else {
        plain_page(
            locale,
            StatusCode::BAD_REQUEST,
            "error-bad-form-title",
            "error-bad-form-body",
            ("/", "error-back-home"),
        )
    }
}

impl FormDataError {
    /// A multipart body that stopped: over the body limit (a photo far too large, which must
    /// be answered with a message, not a bare 400) or unreadable.
    fn cut_off(error: &MultipartError, partial: FormData) -> FormDataError {
        if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
            FormDataError::TooLarge(partial)
        } else {
            FormDataError::Unreadable
        }
    }
}

impl FormData {
    /// A text field, trimmed of nothing ("" when absent).
    #[must_use]
    pub fn text(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", String::as_str)
    }

    /// Whether a checkbox was ticked.
    #[must_use]
    pub fn checked(&self, name: &str) -> bool {
        !self.text(name).is_empty()
    }

    /// An uploaded file's bytes, if one was chosen.
    #[must_use]
    pub fn file(&self, name: &str) -> Option<&[u8]> {
        self.files(name).into_iter().next()
    }

    /// Every file chosen in a `multiple` input, in the order sent (empty parts skipped: a
    /// browser sends one empty part when nothing was chosen).
    #[must_use]
    pub fn files(&self, name: &str) -> Vec<&[u8]> {
        self.files
            .get(name)
            .map(|files| files.iter().map(Vec::as_slice).filter(|b| !b.is_empty()).collect())
            .unwrap_or_default()
    }

    /// Takes the files of `name` out of the form.
    #[must_use]
    pub fn take_files(&mut self, name: &str) -> Vec<Vec<u8>> {
        self.files.remove(name).unwrap_or_default().into_iter().filter(|b| !b.is_empty()).collect()
    }

    /// Reads the body of `parts` as a urlencoded or multipart form; files over `max_file`
    /// bytes are refused, file bytes are counted in `claim` as they arrive, and a body that
    /// sends nothing for [`IDLE_BODY`] is given up.
    ///
    /// # Errors
    /// [`FormDataError`].
    pub async fn read(
        parts: &Parts,
        body: Body,
        max_file: usize,
        claim: &mut Claim,
    ) -> Result<FormData, FormDataError> {
        let content_type =
            parts.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
        let request = Request::from_parts(parts.clone(), body);
        if content_type.starts_with("multipart/form-data") {
            let mut multipart = Multipart::from_request(request, &())
                .await
                .map_err(|_| FormDataError::Unreadable)?;
            let mut data = FormData::default();
            loop {
                let mut field = match timeout(IDLE_BODY, multipart.next_field()).await {
                    Err(_) => return Err(FormDataError::Unreadable),
                    Ok(Ok(Some(field))) => field,
                    Ok(Ok(None)) => break,
                    Ok(Err(error)) => return Err(FormDataError::cut_off(&error, data)),
                };
                let name = field.name().unwrap_or_default().to_owned();
                let is_file = field.file_name().is_some();
                // Text is bounded like files: a text field could otherwise be as large as the
                // route's whole body limit.
                let max = if is_file { max_file } else { MAX_FIELD_BYTES };
                let bytes = match read_part(&mut field, max, claim).await {
                    Ok(bytes) => bytes,
                    Err(PartStop::OverLimit) if is_file => {
                        return Err(FormDataError::TooLarge(data))
                    }
                    Err(PartStop::OverLimit) => return Err(FormDataError::FieldTooLong),
                    Err(PartStop::Busy) => return Err(FormDataError::Busy(data)),
                    Err(PartStop::Idle) => return Err(FormDataError::Unreadable),
                    Err(PartStop::Cut(error)) => return Err(FormDataError::cut_off(&error, data)),
                };
                if is_file {
                    data.files.entry(name).or_default().push(bytes);
                } else {
                    let text = String::from_utf8(bytes).map_err(|_| FormDataError::Unreadable)?;
                    data.fields.insert(name, text);
                }
            }
            Ok(data)
        } else {
            let fields = read_plain_form(request.into_body()).await?;
            Ok(FormData { fields, files: HashMap::new() })
        }
    }
}

/// Why a part stopped being read.
enum PartStop {
    /// Over the part's limit.
    OverLimit,
    /// The upload budget is spent.
    Busy,
    /// Nothing arrived for [`IDLE_BODY`].
    Idle,
    /// The body broke off or passed the route's limit.
    Cut(MultipartError),
}

/// Reads one part piece by piece: at most `max` bytes, each counted in `claim` as it arrives.
async fn read_part(
    field: &mut axum::extract::multipart::Field<'_>,
    max: usize,
    claim: &mut Claim,
) -> Result<Vec<u8>, PartStop> {
    let mut bytes = Vec::new();
    loop {
        let chunk = match timeout(IDLE_BODY, field.chunk()).await {
            Err(_) => return Err(PartStop::Idle),
            Ok(Ok(Some(chunk))) => chunk,
            Ok(Ok(None)) => return Ok(bytes),
            Ok(Err(error)) => return Err(PartStop::Cut(error)),
        };
        if bytes.len() + chunk.len() > max {
            return Err(PartStop::OverLimit);
        }
        if claim.grow(chunk.len()).is_err() {
            return Err(PartStop::Busy);
        }
        bytes.extend_from_slice(&chunk);
    }
}

/// Reads a urlencoded body of at most [`MAX_PLAIN_FORM_BYTES`], each value at most
/// [`MAX_FIELD_BYTES`], into `T`.
async fn read_plain_form<T: DeserializeOwned>(body: Body) -> Result<T, FormDataError> {
    let bytes = match timeout(IDLE_BODY, axum::body::to_bytes(body, MAX_PLAIN_FORM_BYTES)).await {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(_)) => return Err(FormDataError::FieldTooLong),
        Err(_) => return Err(FormDataError::Unreadable),
    };
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_bytes(&bytes).map_err(|_| FormDataError::Unreadable)?;
    if pairs.iter().any(|(_, value)| value.len() > MAX_FIELD_BYTES) {
        return Err(FormDataError::FieldTooLong);
    }
    serde_urlencoded::from_bytes(&bytes).map_err(|_| FormDataError::Unreadable)
}

/// A urlencoded form post, bounded like every other: the extractor every form handler without
/// files uses instead of `axum::Form`, whose only bound is the route's body limit (2 MB) and
/// whose refusals are bare statuses. Refuses with the translated 413 or 400 page.
#[derive(Debug)]
pub struct Posted<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Posted<T> {
    type Rejection = Response;

    async fn from_request(request: Request<Body>, _state: &S) -> Result<Self, Response> {
        let (parts, body) = request.into_parts();
        match read_plain_form(body).await {
            Ok(value) => Ok(Posted(value)),
            Err(error) => Err(refusal_page(&parts.headers, &error)),
        }
    }
}
