//! Reading a posted form, plain or multipart (with photos), into one shape.

use std::collections::HashMap;

use axum::body::Body;
use axum::extract::{FromRequest, Multipart};
use axum::http::request::Parts;
use axum::http::{header, Request};

/// A posted form's text fields and files.
#[derive(Debug, Default)]
pub struct FormData {
    fields: HashMap<String, String>,
    files: HashMap<String, Vec<u8>>,
}

/// Why a form could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FormDataError {
    /// A file over the size limit.
    #[error("file too large")]
    TooLarge,
    /// Not a form, or cut off.
    #[error("unreadable form")]
    Unreadable,
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
        self.files.get(name).map(Vec::as_slice).filter(|bytes| !bytes.is_empty())
    }

    /// Reads the body of `parts` as a urlencoded or multipart form; files over `max_file`
    /// bytes are refused.
    ///
    /// # Errors
    /// [`FormDataError`].
    pub async fn read(
        parts: &Parts,
        body: Body,
        max_file: usize,
    ) -> Result<FormData, FormDataError> {
        let content_type =
            parts.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
        let request = Request::from_parts(parts.clone(), body);
        if content_type.starts_with("multipart/form-data") {
            let mut multipart = Multipart::from_request(request, &())
                .await
                .map_err(|_| FormDataError::Unreadable)?;
            let mut data = FormData::default();
            while let Some(mut field) =
                multipart.next_field().await.map_err(|_| FormDataError::Unreadable)?
            {
                let name = field.name().unwrap_or_default().to_owned();
                if field.file_name().is_some() {
                    let mut bytes = Vec::new();
                    while let Some(chunk) =
                        field.chunk().await.map_err(|_| FormDataError::Unreadable)?
                    {
                        if bytes.len() + chunk.len() > max_file {
                            return Err(FormDataError::TooLarge);
                        }
                        bytes.extend_from_slice(&chunk);
                    }
                    data.files.insert(name, bytes);
                } else {
                    let text = field.text().await.map_err(|_| FormDataError::Unreadable)?;
                    data.fields.insert(name, text);
                }
            }
            Ok(data)
        } else {
            let axum::Form(fields) =
                axum::Form::<HashMap<String, String>>::from_request(request, &())
                    .await
                    .map_err(|_| FormDataError::Unreadable)?;
            Ok(FormData { fields, files: HashMap::new() })
        }
    }
}
