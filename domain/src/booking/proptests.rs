//! Random sequences of request, hold, confirm, cancel, expire, offer, accept, check-in and
//! no-show, at random moments: deadlines always hold, final states never change, and a place
//! once given up is never taken again by the same booking.

use proptest::prelude::*;

use super::*;

fn an_event() -> impl Strategy<Value = BookingEvent> {
    prop_oneof![
        Just(BookingEvent::Allocate),
        Just(BookingEvent::Waitlist),
        (0..100i64).prop_map(|until| BookingEvent::Offer { until }),
        (any::<bool>(), 0..100i64)
            .prop_map(|(fee_due, hold_until)| BookingEvent::Accept { fee_due, hold_until }),
        Just(BookingEvent::Confirm),
        Just(BookingEvent::Expire),
        Just(BookingEvent::Cancel),
        (0..100i64, 0..30i64)
            .prop_map(|(opens, length)| BookingEvent::CheckIn { opens, closes: opens + length }),
        (0..100i64).prop_map(|closes| BookingEvent::MarkNoShow { closes }),
    ]
}

fn a_start() -> impl Strategy<Value = BookingState> {
    prop_oneof![
        Just(BookingState::Requested),
        (0..100i64).prop_map(|until| BookingState::Held { until })
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn deadlines_hold_final_states_stay_and_a_released_place_stays_released(
        start in a_start(),
        steps in proptest::collection::vec((an_event(), 0..5i64), 0..25),
    ) {
        let mut state = start;
        let mut now = 0;
        let mut released = false;
        for (event, wait) in steps {
            now += wait;
            let before = state;
            let Ok(after) = before.apply(event, now) else {
                continue;
            };
            prop_assert!(!before.is_final(), "{before:?} is final but {event:?} moved it to {after:?}");
            match (before, event) {
                (BookingState::Held { until }, BookingEvent::Confirm) => prop_assert!(now < until, "paid late"),
                (BookingState::Offered { until }, BookingEvent::Accept { .. }) => prop_assert!(now < until, "accepted late"),
                (BookingState::Held { until } | BookingState::Offered { until }, BookingEvent::Expire) => {
                    prop_assert!(now >= until, "expired early");
                }
                (_, BookingEvent::CheckIn { opens, closes }) => prop_assert!(opens <= now && now < closes),
                (_, BookingEvent::MarkNoShow { closes }) => prop_assert!(now >= closes),
                _ => {}
            }
            if after.occupies_place() && !before.occupies_place() {
                prop_assert!(!released, "{after:?} took a place again after giving one up");
                prop_assert!(matches!(event, BookingEvent::Allocate | BookingEvent::Offer { .. }), "{event:?} gave a place");
            }
            if before.occupies_place() && !after.occupies_place() {
                released = true;
            }
            state = after;
        }
        let json = serde_json::to_string(&state).expect("JSON");
        prop_assert_eq!(serde_json::from_str::<BookingState>(&json).expect("reads back"), state);
    }
}
