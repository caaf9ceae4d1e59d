//! The allocation's guarantees over random rounds: one stall per vendor per day, no stall
//! twice, no zone the vendor did not accept, nobody waiting while a stall they accept is free,
//! the priority rule respected by the stalls and the waitlist, and the same answer whatever
//! the order of the requests.

use std::collections::BTreeSet;

use proptest::prelude::*;
use time::macros::date;
use time::Duration;

use super::*;

const ZONES: [&str; 3] = ["kuliner", "kriya", "fesyen"];

fn days() -> Vec<Date> {
    vec![date!(2026 - 12 - 05), date!(2026 - 12 - 06)]
}

prop_compose! {
    fn a_request(number: i64)(
        vendor in 1..25i64,
        day in 0..3i64,
        zones in proptest::sample::subsequence(ZONES.to_vec(), 0..=3),
        recent in 0..4u32,
        no_shows in prop_oneof![4 => Just(0u32), 1 => 1..3u32],
    ) -> StallRequest {
        StallRequest {
            request: number,
            vendor,
            // Day 2 is not in the round: such requests are void.
            day: date!(2026 - 12 - 05) + Duration::days(day),
            zones: zones.into_iter().map(str::to_owned).collect(),
            recent_stalls: recent,
            recent_no_shows: no_shows,
        }
    }
}

fn a_round() -> impl Strategy<Value = RoundInput> {
    let capacities = proptest::collection::vec(0..6usize, ZONES.len() * 2);
    let requests =
        (0..60usize).prop_flat_map(|count| (1..=count as i64).map(a_request).collect::<Vec<_>>());
    (any::<[u8; 32]>(), capacities, requests).prop_map(|(seed, capacities, requests)| {
        let days = days()
            .into_iter()
            .enumerate()
            .map(|(d, day)| DayStalls {
                day,
                zones: ZONES
                    .iter()
                    .enumerate()
                    .map(|(z, zone)| ZoneStalls {
                        zone: (*zone).to_owned(),
                        stalls: (0..capacities[d * ZONES.len() + z])
                            .map(|n| format!("{zone}-{n:02}"))
                            .collect(),
                    })
                    .collect(),
            })
            .collect();
        RoundInput { seed: Seed::from_bytes(seed), days, requests }
    })
}

fn request_of(input: &RoundInput, number: i64) -> &StallRequest {
    input.requests.iter().find(|r| r.request == number).expect("a request of the round")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn one_stall_per_vendor_per_day_and_no_stall_twice(input in a_round()) {
        let outcome = allocate(&input);
        let mut vendors = BTreeSet::new();
        let mut stalls = BTreeSet::new();
        for granted in &outcome.granted {
            prop_assert!(vendors.insert((granted.day, granted.vendor)), "two stalls for {granted:?}");
            prop_assert!(stalls.insert((granted.day, granted.stall.clone())), "stall twice: {granted:?}");
            let day = input.days.iter().find(|d| d.day == granted.day).expect("a day of the round");
            let zone = day.zones.iter().find(|z| z.zone == granted.zone).expect("a zone of the day");
            prop_assert!(zone.stalls.contains(&granted.stall), "the stall is in its zone");
            prop_assert!(request_of(&input, granted.request).zones.contains(&granted.zone), "a zone the vendor accepts");
        }
        let decided = outcome.granted.len() + outcome.waitlist.len() + outcome.void.len();
        prop_assert_eq!(decided, input.requests.len(), "every request is decided once");
    }

    #[test]
    fn nobody_waits_while_a_stall_they_accept_is_free(input in a_round()) {
        let outcome = allocate(&input);
        for waiting in &outcome.waitlist {
            let day = input.days.iter().find(|d| d.day == waiting.day).expect("a day");
            for zone in &request_of(&input, waiting.request).zones {
                let capacity = day.zones.iter().find(|z| &z.zone == zone).map_or(0, |z| z.stalls.len());
                let taken = outcome.granted.iter().filter(|g| g.day == waiting.day && &g.zone == zone).count();
                prop_assert_eq!(taken, capacity, "zone {} had room for request {}", zone, waiting.request);
            }
        }
    }

    #[test]
    fn fewer_recent_stalls_are_never_displaced_by_more_and_the_waitlist_keeps_the_order(input in a_round()) {
        let outcome = allocate(&input);
        for waiting in &outcome.waitlist {
            let w = request_of(&input, waiting.request);
            for granted in outcome.granted.iter().filter(|g| g.day == waiting.day && w.zones.contains(&g.zone)) {
                let g = request_of(&input, granted.request);
                let displaced = w.recent_no_shows <= g.recent_no_shows && w.recent_stalls < g.recent_stalls;
                prop_assert!(!displaced, "request {} waits while {} with more recent stalls got {}", w.request, g.request, granted.stall);
                prop_assert!(Priority::of(w, &input.seed) > Priority::of(g, &input.seed));
            }
        }
        for pair in outcome.waitlist.windows(2).filter(|p| p[0].day == p[1].day) {
            let (first, second) = (request_of(&input, pair[0].request), request_of(&input, pair[1].request));
            prop_assert!(Priority::of(first, &input.seed) < Priority::of(second, &input.seed));
            prop_assert_eq!(pair[0].position + 1, pair[1].position);
        }
    }

    #[test]
    fn the_same_inputs_give_the_same_outcome_in_any_order(input in a_round(), shuffle in any::<u64>()) {
        let mut reordered = input.clone();
        // A deterministic shuffle from the generated number.
        let len = reordered.requests.len();
        for i in (1..len).rev() {
            let j = (shuffle.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(i as u64) % (i as u64 + 1)) as usize;
            reordered.requests.swap(i, j);
        }
        prop_assert_eq!(allocate(&input), allocate(&reordered));
    }
}
