//! The vendor application, from the applicant's side: a dashboard with status, what happens
//! next and the exchange with the Dinas; the steps of the form, each saved as a draft.

pub mod api;
#[cfg(feature = "ssr")]
mod convert;
mod dashboard;
pub mod messages;
mod steps;

pub use dashboard::ApplyDashboard;
pub use steps::{category_label, ApplyStepPage};

/// The form steps: address part, form name, catalogue key of the title.
pub const STEPS: [(&str, &str, &str); 5] = [
    ("usaha", "business", "apply-step-business"),
    ("pemilik", "owner", "apply-step-owner"),
    ("purna", "returnee", "apply-step-returnee"),
    ("identitas", "identity", "apply-step-identity"),
    ("kirim", "submit", "apply-step-submit"),
];

/// The catalogue key of a status's name.
#[must_use]
pub fn status_key(status: &str) -> &'static str {
    match status {
        "draft" => "apply-status-draft",
        "submitted" => "apply-status-submitted",
        "changes_requested" => "apply-status-changes-requested",
        "resubmitted" => "apply-status-resubmitted",
        "approved" => "apply-status-approved",
        "rejected" => "apply-status-rejected",
        "suspended" => "apply-status-suspended",
        _ => "apply-status-none",
    }
}

/// The catalogue key of a history step or notice.
#[must_use]
pub fn step_key(step: &str) -> &'static str {
    match step {
        "submit" => "apply-event-submit",
        "resubmit" => "apply-event-resubmit",
        "request_changes" => "apply-event-request-changes",
        "approve" => "apply-event-approve",
        "reject" => "apply-event-reject",
        "suspend" => "apply-event-suspend",
        "reinstate" => "apply-event-reinstate",
        // A kind this build does not know never borrows another kind's words.
        _ => "apply-event-unknown",
    }
}
