//! A vendor application's life: draft → submitted → (changes requested ⇄ resubmitted) →
//! approved or rejected; an approved vendor can be suspended and reinstated. The one place that
//! says which step may follow which, used by the backend's conditional updates and the pages.

use serde::{Deserialize, Serialize};

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ApplicationStatus {
    /// Being filled in; saved at every step, not yet seen by the Dinas.
    Draft,
    /// Sent for review.
    Submitted,
    /// The Dinas asked for changes; the applicant edits and resubmits.
    ChangesRequested,
    /// Sent again after changes.
    Resubmitted,
    /// A vendor.
    Approved,
    /// Refused, with a reason.
    Rejected,
    /// A vendor whose listings are hidden until reinstated.
    Suspended,
}

/// A step from one status to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Transition {
    /// Applicant: send the draft.
    Submit,
    /// Applicant: send again after changes.
    Resubmit,
    /// Admin: ask for changes (the message says what).
    RequestChanges,
    /// Admin: approve.
    Approve,
    /// Admin: reject (reason required).
    Reject,
    /// Admin: suspend a vendor (reason required).
    Suspend,
    /// Admin: reinstate a suspended vendor (reason required).
    Reinstate,
}

/// A step that does not follow from the current status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{transition:?} is not possible from {from:?}")]
pub struct TransitionError {
    /// The status it was tried from.
    pub from: ApplicationStatus,
    /// The step tried.
    pub transition: Transition,
}

impl ApplicationStatus {
    /// Every status, for tests and filters.
    pub const ALL: [ApplicationStatus; 7] = [
        ApplicationStatus::Draft,
        ApplicationStatus::Submitted,
        ApplicationStatus::ChangesRequested,
        ApplicationStatus::Resubmitted,
        ApplicationStatus::Approved,
        ApplicationStatus::Rejected,
        ApplicationStatus::Suspended,
    ];

    /// The status after `transition`.
    ///
    /// # Errors
    /// [`TransitionError`] when the step does not follow from this status.
    pub fn apply(self, transition: Transition) -> Result<ApplicationStatus, TransitionError> {
        use ApplicationStatus as S;
        use Transition as T;
        match (self, transition) {
            (S::Draft, T::Submit) => Ok(S::Submitted),
            (S::ChangesRequested, T::Resubmit) => Ok(S::Resubmitted),
            (S::Submitted | S::Resubmitted, T::RequestChanges) => Ok(S::ChangesRequested),
            (S::Submitted | S::Resubmitted, T::Approve) => Ok(S::Approved),
            (S::Submitted | S::Resubmitted, T::Reject) => Ok(S::Rejected),
            (S::Approved, T::Suspend) => Ok(S::Suspended),
            (S::Suspended, T::Reinstate) => Ok(S::Approved),
            (from, transition) => Err(TransitionError { from, transition }),
        }
    }

    /// The statuses a transition may start from (for conditional updates in SQL).
    #[must_use]
    pub fn sources_of(transition: Transition) -> Vec<ApplicationStatus> {
        ApplicationStatus::ALL.into_iter().filter(|s| s.apply(transition).is_ok()).collect()
    }

    /// Whether the applicant may edit the fields now.
    #[must_use]
    pub const fn is_editable(self) -> bool {
        matches!(self, ApplicationStatus::Draft | ApplicationStatus::ChangesRequested)
    }

    /// Whether it waits in the admins' queue.
    #[must_use]
    pub const fn awaits_review(self) -> bool {
        matches!(self, ApplicationStatus::Submitted | ApplicationStatus::Resubmitted)
    }

    /// The name stored in the database.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ApplicationStatus::Draft => "draft",
            ApplicationStatus::Submitted => "submitted",
            ApplicationStatus::ChangesRequested => "changes_requested",
            ApplicationStatus::Resubmitted => "resubmitted",
            ApplicationStatus::Approved => "approved",
            ApplicationStatus::Rejected => "rejected",
            ApplicationStatus::Suspended => "suspended",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn from_db(name: &str) -> Option<ApplicationStatus> {
        ApplicationStatus::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

impl Transition {
    /// Every transition.
    pub const ALL: [Transition; 7] = [
        Transition::Submit,
        Transition::Resubmit,
        Transition::RequestChanges,
        Transition::Approve,
        Transition::Reject,
        Transition::Suspend,
        Transition::Reinstate,
    ];

    /// Whether the applicant takes this step (otherwise an admin does).
    #[must_use]
    pub const fn by_applicant(self) -> bool {
        matches!(self, Transition::Submit | Transition::Resubmit)
    }

    /// Whether the step needs a written reason or message.
    #[must_use]
    pub const fn needs_reason(self) -> bool {
        matches!(
            self,
            Transition::RequestChanges
                | Transition::Reject
                | Transition::Suspend
                | Transition::Reinstate
        )
    }

    /// The name stored in the history and audit log.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Transition::Submit => "submit",
            Transition::Resubmit => "resubmit",
            Transition::RequestChanges => "request_changes",
            Transition::Approve => "approve",
            Transition::Reject => "reject",
            Transition::Suspend => "suspend",
            Transition::Reinstate => "reinstate",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn from_db(name: &str) -> Option<Transition> {
        Transition::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// How long the city has to erase an applicant's personal data once they ask: three times
/// 24 hours, the period UU 27/2022 (UU PDP) gives a controller to act on a data subject's
/// request. The erasure queue shows each request's deadline from it.
pub const ERASURE_DEADLINE_SECS: i64 = 3 * 24 * 60 * 60;

#[cfg(test)]
mod tests {
    use super::*;
    use ApplicationStatus as S;
    use Transition as T;

    /// Every allowed step; everything else must be refused.
    const ALLOWED: &[(S, T, S)] = &[
        (S::Draft, T::Submit, S::Submitted),
        (S::ChangesRequested, T::Resubmit, S::Resubmitted),
        (S::Submitted, T::RequestChanges, S::ChangesRequested),
        (S::Resubmitted, T::RequestChanges, S::ChangesRequested),
        (S::Submitted, T::Approve, S::Approved),
        (S::Resubmitted, T::Approve, S::Approved),
        (S::Submitted, T::Reject, S::Rejected),
        (S::Resubmitted, T::Reject, S::Rejected),
        (S::Approved, T::Suspend, S::Suspended),
        (S::Suspended, T::Reinstate, S::Approved),
    ];

    #[test]
    fn every_pair_of_status_and_step_is_allowed_exactly_as_listed() {
        for from in S::ALL {
            for step in T::ALL {
                let expected =
                    ALLOWED.iter().find(|(f, t, _)| *f == from && *t == step).map(|a| a.2);
                match expected {
                    Some(to) => assert_eq!(from.apply(step), Ok(to), "{from:?} --{step:?}-->"),
                    None => assert_eq!(
                        from.apply(step),
                        Err(TransitionError { from, transition: step }),
                        "{from:?} --{step:?}--> must be refused"
                    ),
                }
            }
        }
    }

    #[test]
    fn a_decided_application_cannot_be_decided_again() {
        for decided in [S::Approved, S::Rejected] {
            for step in [T::Approve, T::Reject, T::RequestChanges] {
                assert!(decided.apply(step).is_err(), "{decided:?} then {step:?}");
            }
        }
    }

    #[test]
    fn only_drafts_and_returned_applications_are_editable() {
        let editable: Vec<_> = S::ALL.into_iter().filter(|s| s.is_editable()).collect();
        assert_eq!(editable, [S::Draft, S::ChangesRequested]);
        let queued: Vec<_> = S::ALL.into_iter().filter(|s| s.awaits_review()).collect();
        assert_eq!(queued, [S::Submitted, S::Resubmitted]);
    }

    #[test]
    fn sources_of_a_step_are_the_statuses_it_may_start_from() {
        assert_eq!(S::sources_of(T::Approve), [S::Submitted, S::Resubmitted]);
        assert_eq!(S::sources_of(T::Submit), [S::Draft]);
    }

    #[test]
    fn refusals_and_suspensions_need_a_reason_and_only_submitting_is_the_applicants() {
        let with_reason: Vec<_> = T::ALL.into_iter().filter(|t| t.needs_reason()).collect();
        assert_eq!(with_reason, [T::RequestChanges, T::Reject, T::Suspend, T::Reinstate]);
        let applicant: Vec<_> = T::ALL.into_iter().filter(|t| t.by_applicant()).collect();
        assert_eq!(applicant, [T::Submit, T::Resubmit]);
    }

    #[test]
    fn stored_names_round_trip() {
        for s in S::ALL {
            assert_eq!(S::from_db(s.as_str()), Some(s));
        }
        for t in T::ALL {
            assert_eq!(T::from_db(t.as_str()), Some(t));
        }
    }
}
