//! A booking's steps on the paths vendors and officers take.

use super::BookingError::{DeadlinePassed, NotFromHere, NotNow};
use super::BookingEvent as E;
use super::BookingState as S;

const HOUR: i64 = 3600;

#[test]
fn a_saboak_request_is_allocated_checked_in_and_then_done() {
    let confirmed = S::Requested.apply(E::Allocate, 0).expect("allocated");
    assert_eq!(confirmed, S::Confirmed);
    let day = E::CheckIn { opens: 10 * HOUR, closes: 22 * HOUR };
    assert_eq!(confirmed.apply(day, 9 * HOUR), Err(NotNow), "not before the market opens");
    assert_eq!(confirmed.apply(day, 22 * HOUR), Err(NotNow), "not after it closed");
    let came = confirmed.apply(day, 16 * HOUR).expect("checked in");
    assert!(came.is_final() && came.occupies_place());
    assert!(
        matches!(came.apply(E::Cancel, 17 * HOUR), Err(NotFromHere { .. })),
        "a used stall is not cancelled"
    );
    assert!(
        matches!(came.apply(E::Allocate, 17 * HOUR), Err(NotFromHere { .. })),
        "a second round allocates nothing"
    );
}

#[test]
fn who_did_not_come_is_a_no_show_only_once_the_market_closed() {
    let closes = 22 * HOUR;
    assert_eq!(S::Confirmed.apply(E::MarkNoShow { closes }, closes - 1), Err(NotNow));
    assert_eq!(S::Confirmed.apply(E::MarkNoShow { closes }, closes), Ok(S::NoShow));
}

#[test]
fn an_offer_from_the_waitlist_must_be_accepted_before_its_deadline() {
    let waiting = S::Requested.apply(E::Waitlist, 0).expect("waitlisted");
    assert!(!waiting.occupies_place());
    let offered = waiting.apply(E::Offer { until: 2 * HOUR }, HOUR).expect("offered");
    assert!(offered.occupies_place(), "kept for them until the deadline");
    let free = E::Accept { fee_due: false, hold_until: 0 };
    assert_eq!(offered.apply(free, 2 * HOUR), Err(DeadlinePassed));
    assert_eq!(offered.apply(free, 2 * HOUR - 1), Ok(S::Confirmed));
    let paid = E::Accept { fee_due: true, hold_until: 5 * HOUR };
    assert_eq!(
        offered.apply(paid, HOUR),
        Ok(S::Held { until: 5 * HOUR }),
        "a fee is held for payment"
    );
    assert_eq!(offered.apply(E::Expire, HOUR), Err(NotNow), "not before the deadline");
    assert_eq!(offered.apply(E::Expire, 2 * HOUR), Ok(S::Lapsed));
    assert_eq!(
        waiting.apply(E::Offer { until: HOUR }, HOUR),
        Err(DeadlinePassed),
        "an offer already over"
    );
}

#[test]
fn an_unpaid_hold_expires_at_its_deadline_and_a_late_payment_confirms_nothing() {
    let held = S::Held { until: 10 * HOUR };
    assert_eq!(held.apply(E::Confirm, 10 * HOUR - 1), Ok(S::Confirmed));
    assert_eq!(held.apply(E::Confirm, 10 * HOUR), Err(DeadlinePassed));
    assert_eq!(held.apply(E::Expire, 9 * HOUR), Err(NotNow));
    let expired = held.apply(E::Expire, 10 * HOUR).expect("expired");
    assert!(expired.is_final() && !expired.occupies_place());
    assert!(matches!(expired.apply(E::Confirm, 11 * HOUR), Err(NotFromHere { .. })));
}

#[test]
fn anything_not_yet_used_can_be_cancelled_and_the_state_is_stored_by_name() {
    for state in
        [S::Requested, S::Waitlisted, S::Offered { until: 9 }, S::Held { until: 9 }, S::Confirmed]
    {
        assert_eq!(state.apply(E::Cancel, 1), Ok(S::Cancelled), "{state:?}");
    }
    let json = serde_json::to_string(&S::Held { until: 42 }).expect("JSON");
    assert_eq!(json, r#"{"state":"held","until":42}"#);
    assert_eq!(S::Held { until: 42 }.as_str(), "held");
}
