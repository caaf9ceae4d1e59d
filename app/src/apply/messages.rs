//! Catalogue keys for the application's field rules (`domain::vendor::Problem`).

use domain::nik::{NibError, NikError};
use domain::vendor::Problem;

use crate::account::messages::login_error_key;

/// The message key and its arguments for a field problem.
#[must_use]
pub fn problem_message(problem: Problem) -> (&'static str, Vec<(&'static str, String)>) {
    match problem {
        Problem::Required => ("apply-error-required", vec![]),
        Problem::TooLong(max) => ("apply-error-too-long", vec![("max", max.to_string())]),
        Problem::NotAChoice => ("apply-error-choice", vec![]),
        Problem::OutOfRange(min, max) => {
            ("apply-error-range", vec![("min", min.to_string()), ("max", max.to_string())])
        }
        Problem::Phone(error) => {
            (login_error_key(domain::login_id::LoginIdError::InvalidPhone(error)), vec![])
        }
        Problem::Nik(error) => (nik_key(error), vec![]),
        Problem::Nib(NibError::Length | NibError::Characters) => ("apply-error-nib", vec![]),
        Problem::Slug => ("admin-categories-slug-invalid", vec![]),
    }
}

const fn nik_key(error: NikError) -> &'static str {
    match error {
        NikError::Empty => "apply-error-required",
        NikError::Length | NikError::Characters => "apply-error-nik-length",
        NikError::Region => "apply-error-nik-region",
        NikError::BirthDate => "apply-error-nik-birth-date",
        NikError::Serial => "apply-error-nik-serial",
    }
}

/// The NIK is already on another application.
pub const NIK_TAKEN_KEY: &str = "apply-error-nik-taken";
/// The application cannot be edited now (under review or decided).
pub const NOT_EDITABLE_KEY: &str = "apply-error-not-editable";
/// Consent to the privacy notice is required.
pub const CONSENT_KEY: &str = "apply-error-consent";
/// Steps left to complete before submitting.
pub const INCOMPLETE_KEY: &str = "apply-error-incomplete";
/// The uploaded file is not a photo.
pub const NOT_AN_IMAGE_KEY: &str = "apply-error-not-an-image";
/// The uploaded file is too large.
pub const TOO_LARGE_KEY: &str = "apply-error-too-large";
