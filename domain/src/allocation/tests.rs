//! The rules on small rounds a person can follow by hand.

use time::macros::date;

use super::*;

const SATURDAY: Date = date!(2026 - 12 - 05);
const SUNDAY: Date = date!(2026 - 12 - 06);

fn zone(name: &str, stalls: &[&str]) -> ZoneStalls {
    ZoneStalls { zone: name.to_owned(), stalls: stalls.iter().map(|s| (*s).to_owned()).collect() }
}

fn request(request: i64, vendor: i64, day: Date, zones: &[&str], recent: u32) -> StallRequest {
    StallRequest {
        request,
        vendor,
        day,
        zones: zones.iter().map(|z| (*z).to_owned()).collect(),
        recent_stalls: recent,
        recent_no_shows: 0,
    }
}

fn round(requests: Vec<StallRequest>) -> RoundInput {
    RoundInput {
        seed: Seed::from_bytes([1; 32]),
        days: vec![
            DayStalls {
                day: SATURDAY,
                zones: vec![zone("kuliner", &["K-01", "K-02"]), zone("kriya", &["B-01"])],
            },
            DayStalls { day: SUNDAY, zones: vec![zone("kuliner", &["K-01"])] },
        ],
        requests,
    }
}

fn stall_of(outcome: &RoundOutcome, request: i64) -> Option<&str> {
    outcome.granted.iter().find(|g| g.request == request).map(|g| g.stall.as_str())
}

#[test]
fn fewer_recent_stalls_come_first_and_the_rest_wait_in_order() {
    let outcome = allocate(&round(vec![
        request(1, 10, SATURDAY, &["kuliner"], 3),
        request(2, 11, SATURDAY, &["kuliner"], 0),
        request(3, 12, SATURDAY, &["kuliner"], 1),
        request(4, 13, SATURDAY, &["kuliner"], 2),
    ]));
    assert_eq!(stall_of(&outcome, 2), Some("K-01"), "none recently: first");
    assert_eq!(stall_of(&outcome, 3), Some("K-02"));
    let waiting: Vec<(i64, u32)> =
        outcome.waitlist.iter().map(|w| (w.request, w.position)).collect();
    assert_eq!(waiting, [(4, 1), (1, 2)], "the waitlist follows the same rule");
}

#[test]
fn a_recent_no_show_goes_after_everyone_who_came() {
    let mut absent = request(1, 10, SUNDAY, &["kuliner"], 0);
    absent.recent_no_shows = 1;
    let outcome = allocate(&round(vec![absent, request(2, 11, SUNDAY, &["kuliner"], 5)]));
    assert_eq!(stall_of(&outcome, 2), Some("K-01"));
    assert_eq!(outcome.waitlist.first().map(|w| w.request), Some(1));
}

#[test]
fn a_vendor_gets_one_stall_a_day_and_the_first_zone_on_their_list_that_has_room() {
    let outcome = allocate(&round(vec![
        request(1, 10, SATURDAY, &["kriya", "kuliner"], 0),
        request(2, 10, SATURDAY, &["kuliner"], 0),
        request(3, 11, SATURDAY, &["kriya", "kuliner"], 1),
        request(4, 10, SUNDAY, &["kuliner"], 0),
        request(5, 12, date!(2026 - 12 - 07), &["kuliner"], 0),
    ]));
    assert_eq!(stall_of(&outcome, 1), Some("B-01"));
    assert_eq!(stall_of(&outcome, 3), Some("K-01"), "kriya was full, kuliner was next");
    assert_eq!(stall_of(&outcome, 4), Some("K-01"), "another day is another stall");
    assert_eq!(
        outcome.void,
        [2, 5],
        "a second request that day, and a day the round does not hold"
    );
}

#[test]
fn ties_are_broken_by_the_lottery_and_another_seed_may_break_them_otherwise() {
    let requests: Vec<StallRequest> =
        (1..=8).map(|n| request(n, 100 + n, SUNDAY, &["kuliner"], 0)).collect();
    let winners: BTreeSet<i64> = (0..16u8)
        .map(|byte| {
            let input =
                RoundInput { seed: Seed::from_bytes([byte; 32]), ..round(requests.clone()) };
            allocate(&input).granted[0].request
        })
        .collect();
    assert!(winners.len() > 1, "the seed decides ties: {winners:?}");
    let input = round(requests);
    let expected = input
        .requests
        .iter()
        .min_by_key(|r| input.seed.ticket(SUNDAY, r.vendor))
        .map(|r| r.request);
    assert_eq!(
        allocate(&input).granted.first().map(|g| g.request),
        expected,
        "the lowest ticket wins"
    );
}

#[test]
fn a_published_round_verifies_and_a_quiet_reroll_or_edit_does_not() {
    let input = round(vec![
        request(1, 10, SATURDAY, &["kuliner"], 0),
        request(2, 11, SATURDAY, &["kuliner"], 0),
        request(3, 12, SATURDAY, &["kuliner"], 0),
    ]);
    let published =
        PublishedRound { commitment: input.seed.commitment(), outcome: allocate(&input), input };
    assert_eq!(verify(&published), Ok(()));

    let json = serde_json::to_string(&published).expect("JSON");
    let read: PublishedRound = serde_json::from_str(&json).expect("reads back");
    assert_eq!(verify(&read), Ok(()), "the file round-trips: {json}");
    assert!(json.contains("\"day\":\"2026-12-05\""), "{json}");

    let rerolled = PublishedRound {
        input: RoundInput { seed: Seed::from_bytes([2; 32]), ..published.input.clone() },
        ..published.clone()
    };
    assert_eq!(verify(&rerolled), Err(VerifyError::SeedNotCommitted));

    let mut edited = published.clone();
    edited.outcome.granted.swap(0, 1);
    assert!(
        matches!(verify(&edited), Err(VerifyError::OutcomeDiffers(_))),
        "{:?}",
        verify(&edited)
    );
}
