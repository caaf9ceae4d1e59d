//! Booking a SABOAK stall first come, first served, on both engines: never the same stall
//! twice however many ask at once, one stall per vendor per day, and every refusal typed.

use backend::bookings::{self, BookingError, UnitId};
use backend::{storage_test, testing, with_pool, Database};
use time::macros::date;
use time::{Date, Duration};

const NOW: i64 = 1_800_000_000;
/// A Wednesday, WITA.
const TODAY: Date = date!(2027 - 01 - 13);
/// The Saturday after it.
const SATURDAY: Date = date!(2027 - 01 - 16);

async fn bookings_of(db: &Database, slot: &str) -> (i64, i64) {
    with_pool!(db, |pool| sqlx::query_as(
        "select count(*), count(distinct unit_id) from booking
         where slot = $1 and state in ('held', 'confirmed')"
    )
    .bind(slot)
    .fetch_one(pool)
    .await)
    .expect("count")
}

storage_test! {
    async fn a_free_stall_is_booked_at_once_and_every_wrong_request_says_why(test: TestDb) {
        let db = &test.db;
        let stalls = testing::weekend_market(db, 3, "kerajinan,tenun").await;
        let vendors = testing::active_vendors(db, 2, "kerajinan").await;
        let cooks = testing::active_vendors(db, 1, "kuliner").await;

        bookings::book_free_stall(db, vendors[0], stalls[0], SATURDAY, TODAY, NOW).await.expect("booked");
        let again = bookings::book_free_stall(db, vendors[1], stalls[0], SATURDAY, TODAY, NOW).await;
        assert!(matches!(again, Err(BookingError::Taken)), "{again:?}");
        let second = bookings::book_free_stall(db, vendors[0], stalls[1], SATURDAY, TODAY, NOW).await;
        assert!(matches!(second, Err(BookingError::AlreadyHasOne)), "{second:?}");
        let sunday = bookings::book_free_stall(db, vendors[0], stalls[1], SATURDAY + Duration::days(1), TODAY, NOW).await;
        assert!(sunday.is_ok(), "another day is another stall: {sunday:?}");

        let friday = bookings::book_free_stall(db, vendors[1], stalls[1], SATURDAY - Duration::days(1), TODAY, NOW).await;
        assert!(matches!(friday, Err(BookingError::NotAMarketDay)), "{friday:?}");
        let past = bookings::book_free_stall(db, vendors[1], stalls[1], date!(2027 - 01 - 10), TODAY, NOW).await;
        assert!(matches!(past, Err(BookingError::NotAMarketDay)), "{past:?}");
        let food = bookings::book_free_stall(db, cooks[0], stalls[2], SATURDAY, TODAY, NOW).await;
        assert!(matches!(food, Err(BookingError::ZoneDoesNotFit)), "{food:?}");
        let nowhere = bookings::book_free_stall(db, vendors[1], UnitId(987_654), SATURDAY, TODAY, NOW).await;
        assert!(matches!(nowhere, Err(BookingError::UnknownUnit)), "{nowhere:?}");
        with_pool!(db, |pool| sqlx::query("update unit set active = false where unit_id = $1").bind(stalls[2].0).execute(pool).await.map(|_| ())).expect("deactivate");
        let closed = bookings::book_free_stall(db, vendors[1], stalls[2], SATURDAY, TODAY, NOW).await;
        assert!(matches!(closed, Err(BookingError::InactiveUnit)), "{closed:?}");
        let suspended = vendors[1];
        with_pool!(db, |pool| sqlx::query("update vendor set status = 'suspended' where account_id = $1").bind(suspended.0).execute(pool).await.map(|_| ()))
            .expect("suspend");
        let refused = bookings::book_free_stall(db, suspended, stalls[1], SATURDAY, TODAY, NOW).await;
        assert!(matches!(refused, Err(BookingError::NotAVendor)), "a suspended vendor books nothing: {refused:?}");

        assert_eq!(bookings_of(db, "2027-01-16").await, (1, 1), "only the first booking of Saturday");
    }

    async fn a_hold_past_its_deadline_gives_the_stall_up_to_the_next_booking(test: TestDb) {
        let db = &test.db;
        let stalls = testing::weekend_market(db, 1, "kerajinan").await;
        with_pool!(db, |pool| sqlx::query("update unit set fee = 25000").execute(pool).await.map(|_| ())).expect("a fee");
        let vendors = testing::active_vendors(db, 2, "kerajinan").await;

        bookings::book_free_stall(db, vendors[0], stalls[0], SATURDAY, TODAY, NOW).await.expect("held");
        let state: (String, Option<i64>) = with_pool!(db, |pool| sqlx::query_as("select state, deadline from booking").fetch_one(pool).await).expect("row");
        assert_eq!(state, ("held".to_owned(), Some(NOW + 1440 * 60)), "a fee is held for payment");
        let during = bookings::book_free_stall(db, vendors[1], stalls[0], SATURDAY, TODAY, NOW + 1440 * 60 - 1).await;
        assert!(matches!(during, Err(BookingError::Taken)), "{during:?}");
        bookings::book_free_stall(db, vendors[1], stalls[0], SATURDAY, TODAY, NOW + 1440 * 60).await.expect("the hold ran out");
        let states: Vec<String> = with_pool!(db, |pool| sqlx::query_scalar("select state from booking order by booking_id").fetch_all(pool).await).expect("rows");
        assert_eq!(states, ["expired", "held"]);
    }

    #[multi_thread]
    async fn two_hundred_vendors_racing_for_fifty_stalls_get_fifty_stalls_and_one_hundred_fifty_clear_refusals(test: TestDb) {
        let db = test.db.clone();
        let stalls = testing::weekend_market(&db, 50, "kerajinan").await;
        let vendors = testing::active_vendors(&db, 200, "kerajinan").await;
        for round in 0..20 {
            // A Saturday or a Sunday of a later weekend each round.
            let day = SATURDAY + Duration::days(7 * (round / 2) + round % 2);
            let tasks: Vec<_> = vendors
                .iter()
                .enumerate()
                .map(|(n, vendor)| {
                    let (db, vendor, stall) = (db.clone(), *vendor, stalls[n % stalls.len()]);
                    tokio::spawn(async move { bookings::book_free_stall(&db, vendor, stall, day, TODAY, NOW).await })
                })
                .collect();
            let (mut booked, mut taken, mut other) = (0, 0, Vec::new());
            for task in tasks {
                match task.await.expect("the task ran") {
                    Ok(_) => booked += 1,
                    Err(BookingError::Taken) => taken += 1,
                    Err(error) => other.push(error.to_string()),
                }
            }
            assert_eq!((booked, taken), (50, 150), "round {round}: {other:?}");
            assert!(other.is_empty(), "round {round}: {other:?}");
            assert_eq!(bookings_of(&db, &bookings::day_slot(day)).await, (50, 50), "round {round}");
        }
    }
}
