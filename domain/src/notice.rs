//! What the platform tells a person: a typed notice with its parameters, from which the pages
//! render the text (in the reader's language) and the link, and the outbox its mail.
//!
//! A notice is stored as its [`Notice::kind`] and its parameters as JSON. A kind this build
//! does not know (written by a newer one, or a row from a removed feature) decodes as
//! [`Notice::Unknown`] and renders as a neutral "there is news" line: never as the text of
//! another kind.

use serde::{Deserialize, Serialize};

use crate::application::Transition;

/// One notice. The serde tag is the stored kind; the names of the application decisions are
/// the names of their transitions, as they were stored before notices had parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    /// The Dinas approved the application: the shop is open.
    #[serde(rename = "approve")]
    ApplicationApproved,
    /// The Dinas asks for changes; `message` says which.
    #[serde(rename = "request_changes")]
    ChangesRequested {
        /// The officer's words (empty in notices stored before they were kept).
        #[serde(default)]
        message: String,
    },
    /// The Dinas rejected the application, for `reason`.
    #[serde(rename = "reject")]
    ApplicationRejected {
        /// The officer's reason.
        #[serde(default)]
        reason: String,
    },
    /// The shop is suspended, for `reason`.
    #[serde(rename = "suspend")]
    ShopSuspended {
        /// The officer's reason.
        #[serde(default)]
        reason: String,
    },
    /// The shop is open again.
    #[serde(rename = "reinstate")]
    ShopReinstated {
        /// The officer's note.
        #[serde(default)]
        reason: String,
    },
    /// The Dinas accepted the shop's new name or kind of business.
    ShopChangeAccepted,
    /// The Dinas refused the shop's new name or kind of business, for `reason`.
    ShopChangeRefused {
        /// The officer's reason.
        #[serde(default)]
        reason: String,
    },
    /// A kind this build does not know.
    #[serde(other)]
    Unknown,
}

/// Where a notice sends its reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeLink {
    /// The application page, `/pengajuan`.
    Application,
    /// The vendor's own shop, `/lapak`.
    OwnShop,
    /// The list of notices itself (for a kind without a page of its own).
    Notices,
}

impl NoticeLink {
    /// The path.
    #[must_use]
    pub const fn path(self) -> &'static str {
        match self {
            NoticeLink::Application => "/pengajuan",
            NoticeLink::OwnShop => "/lapak",
            NoticeLink::Notices => "/notifikasi",
        }
    }
}

impl Notice {
    /// The notice telling an applicant of an officer's decision; `None` for the applicant's
    /// own steps (submitting tells nobody).
    #[must_use]
    pub fn of_decision(transition: Transition, message: &str) -> Option<Notice> {
        let text = message.trim().to_owned();
        Some(match transition {
            Transition::Submit | Transition::Resubmit => return None,
            Transition::Approve => Notice::ApplicationApproved,
            Transition::RequestChanges => Notice::ChangesRequested { message: text },
            Transition::Reject => Notice::ApplicationRejected { reason: text },
            Transition::Suspend => Notice::ShopSuspended { reason: text },
            Transition::Reinstate => Notice::ShopReinstated { reason: text },
        })
    }

    /// The stored kind (the serde tag).
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        match self {
            Notice::ApplicationApproved => "approve",
            Notice::ChangesRequested { .. } => "request_changes",
            Notice::ApplicationRejected { .. } => "reject",
            Notice::ShopSuspended { .. } => "suspend",
            Notice::ShopReinstated { .. } => "reinstate",
            Notice::ShopChangeAccepted => "shop_change_accepted",
            Notice::ShopChangeRefused { .. } => "shop_change_refused",
            Notice::Unknown => "unknown",
        }
    }

    /// The catalogue key of the notice's headline.
    #[must_use]
    pub const fn title_key(&self) -> &'static str {
        match self {
            Notice::ApplicationApproved => "notice-approved",
            Notice::ChangesRequested { .. } => "notice-changes-requested",
            Notice::ApplicationRejected { .. } => "notice-rejected",
            Notice::ShopSuspended { .. } => "notice-suspended",
            Notice::ShopReinstated { .. } => "notice-reinstated",
            Notice::ShopChangeAccepted => "notice-shop-change-accepted",
            Notice::ShopChangeRefused { .. } => "notice-shop-change-refused",
            Notice::Unknown => "notice-unknown",
        }
    }

    /// The officer's words that come with the notice, if any: shown quoted under the
    /// headline, never interpolated into a catalogue message.
    #[must_use]
    pub fn quoted(&self) -> Option<&str> {
        let text = match self {
            Notice::ChangesRequested { message } => message,
            Notice::ApplicationRejected { reason }
            | Notice::ShopSuspended { reason }
            | Notice::ShopReinstated { reason }
            | Notice::ShopChangeRefused { reason } => reason,
            Notice::ApplicationApproved | Notice::ShopChangeAccepted | Notice::Unknown => {
                return None;
            }
        };
        (!text.is_empty()).then_some(text.as_str())
    }

    /// Where the reader goes from the notice.
    #[must_use]
    pub const fn link(&self) -> NoticeLink {
        match self {
            Notice::ChangesRequested { .. } | Notice::ApplicationRejected { .. } => {
                NoticeLink::Application
            }
            Notice::ApplicationApproved
            | Notice::ShopSuspended { .. }
            | Notice::ShopReinstated { .. }
            | Notice::ShopChangeAccepted
            | Notice::ShopChangeRefused { .. } => NoticeLink::OwnShop,
            Notice::Unknown => NoticeLink::Notices,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_decision_of_an_officer_has_a_notice_and_the_applicants_own_steps_none() {
        for transition in [
            Transition::Approve,
            Transition::RequestChanges,
            Transition::Reject,
            Transition::Suspend,
            Transition::Reinstate,
        ] {
            let notice = Notice::of_decision(transition, " why ").expect("a decision tells");
            assert_eq!(notice.kind(), transition.as_str(), "the kind is the transition's name");
            assert_ne!(notice.title_key(), Notice::Unknown.title_key());
        }
        assert_eq!(Notice::of_decision(Transition::Submit, ""), None);
        assert_eq!(Notice::of_decision(Transition::Resubmit, ""), None);
    }

    #[test]
    fn the_reason_is_quoted_trimmed_and_an_empty_one_not_at_all() {
        let rejected = Notice::of_decision(Transition::Reject, "  foto buram \n").unwrap();
        assert_eq!(rejected.quoted(), Some("foto buram"));
        let reinstated = Notice::of_decision(Transition::Reinstate, "  ").unwrap();
        assert_eq!(reinstated.quoted(), None);
        assert_eq!(Notice::ApplicationApproved.quoted(), None);
    }

    #[test]
    fn links_go_where_the_reader_can_act() {
        assert_eq!(Notice::ChangesRequested { message: String::new() }.link().path(), "/pengajuan");
        assert_eq!(Notice::ApplicationApproved.link().path(), "/lapak");
        assert_eq!(Notice::ShopChangeRefused { reason: String::new() }.link().path(), "/lapak");
        assert_eq!(Notice::Unknown.link().path(), "/notifikasi");
    }

    #[test]
    fn kinds_and_title_keys_are_all_different() {
        let all = [
            Notice::ApplicationApproved,
            Notice::ChangesRequested { message: String::new() },
            Notice::ApplicationRejected { reason: String::new() },
            Notice::ShopSuspended { reason: String::new() },
            Notice::ShopReinstated { reason: String::new() },
            Notice::ShopChangeAccepted,
            Notice::ShopChangeRefused { reason: String::new() },
            Notice::Unknown,
        ];
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a.kind(), b.kind());
                assert_ne!(a.title_key(), b.title_key());
            }
        }
    }
}
