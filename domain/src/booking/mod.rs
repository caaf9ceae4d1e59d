//! A booking's life, for both kinds of place: a container booth rented by the month and a
//! SABOAK stall for one market day. Every change of state goes through [`BookingState::apply`]
//! with the time it happens (`now`, Unix seconds), so deadlines are rules here, not checks
//! scattered in queries; the backend stores the state and applies the same step inside the
//! transaction that checks availability.
//!
//! ```text
//! SABOAK:  requested ──allocate──▶ confirmed ──check in──▶ checked in
//!              │                      │  └──(market closed)──▶ no-show
//!              └──waitlist──▶ waitlisted ──offer──▶ offered ──accept──▶ held / confirmed
//!                                                     └──(deadline)──▶ lapsed
//! Booths:  held ──pay / officer confirms──▶ confirmed        held ──(deadline)──▶ expired
//! Any not yet used: ──cancel──▶ cancelled
//! ```
//!
//! A payment plugs in at `Held`: the payments issue records the money and then applies
//! [`BookingEvent::Confirm`]; a hold that expired confirms nothing.

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

/// Where a booking stands. Times are Unix seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum BookingState {
    /// A SABOAK request waiting for the allocation round.
    Requested,
    /// The round found no stall; the vendor waits in line.
    Waitlisted,
    /// A freed stall is offered to the vendor until `until`.
    Offered {
        /// The offer's deadline.
        until: i64,
    },
    /// The place is reserved until `until`, awaiting payment (or an officer's confirmation).
    Held {
        /// The hold's deadline.
        until: i64,
    },
    /// The place is the vendor's.
    Confirmed,
    /// The vendor came on the market day.
    CheckedIn,
    /// The market day closed without the vendor checking in.
    NoShow,
    /// Cancelled by the vendor or an officer before it was used.
    Cancelled,
    /// A hold ran out unpaid.
    Expired,
    /// An offer ran out unanswered.
    Lapsed,
}

/// Something that happens to a booking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BookingEvent {
    /// The round gave the request a stall (stalls are free, so it is confirmed at once).
    Allocate,
    /// The round found no stall.
    Waitlist,
    /// A freed stall is offered, to be accepted before `until`.
    Offer {
        /// The deadline.
        until: i64,
    },
    /// The vendor accepts the offer; a fee, if any, is then due before `hold_until`.
    Accept {
        /// Whether the place has a fee (SABOAK stalls have none by default).
        fee_due: bool,
        /// The hold's deadline when a fee is due.
        hold_until: i64,
    },
    /// The payment was recorded, or an officer confirms.
    Confirm,
    /// The deadline of a hold or an offer passed (the job runner's sweep).
    Expire,
    /// The vendor or an officer cancels.
    Cancel,
    /// An officer checks the vendor in; the market day runs from `opens` to `closes`.
    CheckIn {
        /// When the market day opens.
        opens: i64,
        /// When it closes.
        closes: i64,
    },
    /// After `closes`, a vendor who did not check in is a no-show.
    MarkNoShow {
        /// When the market day closed.
        closes: i64,
    },
}

/// Why a step was refused; the booking is unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BookingError {
    /// The step does not follow from the state at all.
    #[error("{event:?} is not possible from {from:?}")]
    NotFromHere {
        /// The state it was tried from.
        from: BookingState,
        /// The step tried.
        event: BookingEvent,
    },
    /// The deadline passed: an offer accepted or a hold paid too late.
    #[error("the deadline has passed")]
    DeadlinePassed,
    /// Not yet: a hold or offer expired before its deadline, a check-in outside the market
    /// day's hours, a no-show marked before closing.
    #[error("not at this time")]
    NotNow,
}

impl BookingState {
    /// The state after `event` at `now`.
    ///
    /// # Errors
    /// [`BookingError`] when the step is not allowed from this state or at this time.
    pub fn apply(self, event: BookingEvent, now: i64) -> Result<BookingState, BookingError> {
        use BookingEvent as E;
        use BookingState as S;
        let refused = Err(BookingError::NotFromHere { from: self, event });
        match (self, event) {
            (S::Requested, E::Allocate) => Ok(S::Confirmed),
            (S::Requested, E::Waitlist) => Ok(S::Waitlisted),
            (S::Waitlisted, E::Offer { until }) if until > now => Ok(S::Offered { until }),
            (S::Waitlisted, E::Offer { .. }) => Err(BookingError::DeadlinePassed),
            (S::Offered { until }, E::Accept { fee_due, hold_until }) => {
                if now >= until {
                    Err(BookingError::DeadlinePassed)
                } else if fee_due {
                    Ok(S::Held { until: hold_until })
                } else {
                    Ok(S::Confirmed)
                }
            }
            (S::Held { until }, E::Confirm) if now < until => Ok(S::Confirmed),
            (S::Held { .. }, E::Confirm) => Err(BookingError::DeadlinePassed),
            (S::Held { until }, E::Expire) => deadline_passed(until, now).map(|()| S::Expired),
            (S::Offered { until }, E::Expire) => deadline_passed(until, now).map(|()| S::Lapsed),
            (S::Confirmed, E::CheckIn { opens, closes }) if (opens..closes).contains(&now) => {
                Ok(S::CheckedIn)
            }
            (S::Confirmed, E::CheckIn { .. }) => Err(BookingError::NotNow),
            (S::Confirmed, E::MarkNoShow { closes }) if now >= closes => Ok(S::NoShow),
            (S::Confirmed, E::MarkNoShow { .. }) => Err(BookingError::NotNow),
            (
                S::Requested | S::Waitlisted | S::Offered { .. } | S::Held { .. } | S::Confirmed,
                E::Cancel,
            ) => Ok(S::Cancelled),
            _ => refused,
        }
    }

    /// Whether the booking keeps its place from everyone else (an offered stall is kept for
    /// the one it is offered to until the deadline): what the database's partial unique index
    /// covers, so that no place is ever booked twice.
    #[must_use]
    pub const fn occupies_place(self) -> bool {
        matches!(
            self,
            BookingState::Offered { .. }
                | BookingState::Held { .. }
                | BookingState::Confirmed
                | BookingState::CheckedIn
                | BookingState::NoShow
        )
    }

    /// Whether nothing can happen to it any more.
    #[must_use]
    pub const fn is_final(self) -> bool {
        matches!(
            self,
            BookingState::CheckedIn
                | BookingState::NoShow
                | BookingState::Cancelled
                | BookingState::Expired
                | BookingState::Lapsed
        )
    }

    /// The stored name of the state (its deadline is stored beside it).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            BookingState::Requested => "requested",
            BookingState::Waitlisted => "waitlisted",
            BookingState::Offered { .. } => "offered",
            BookingState::Held { .. } => "held",
            BookingState::Confirmed => "confirmed",
            BookingState::CheckedIn => "checked_in",
            BookingState::NoShow => "no_show",
            BookingState::Cancelled => "cancelled",
            BookingState::Expired => "expired",
            BookingState::Lapsed => "lapsed",
        }
    }
}

fn deadline_passed(until: i64, now: i64) -> Result<(), BookingError> {
    if now >= until {
        Ok(())
    } else {
        Err(BookingError::NotNow)
    }
}
