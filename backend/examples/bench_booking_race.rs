//! The booking race as a benchmark: 200 vendors ask at the same moment for 50 free SABOAK
//! stalls (four for each), 20 rounds, on SQLite and (with `TEST_DATABASE_URL`) PostgreSQL.
//! Prints how long a round takes to resolve and how many refusals a second that is.
//! `cargo run --release -p backend --example bench_booking_race`
//!
//! The databases are the test suite's (a fresh file or database, a pool of 4 connections).

use std::time::Instant;

use backend::bookings::{self, BookingError};
use backend::{testing, Database};
use time::macros::date;
use time::Duration;

const ROUNDS: i64 = 20;

async fn race(name: &str, db: &Database) {
    let stalls = testing::weekend_market(db, 50, "kerajinan").await;
    let vendors = testing::active_vendors(db, 200, "kerajinan").await;
    let today = date!(2027 - 01 - 13);
    let mut times = Vec::new();
    let mut refused = 0;
    for round in 0..ROUNDS {
        let day = date!(2027 - 01 - 16) + Duration::days(7 * (round / 2) + round % 2);
        let started = Instant::now();
        let tasks: Vec<_> = vendors
            .iter()
            .enumerate()
            .map(|(n, vendor)| {
                let (db, vendor, stall) = (db.clone(), *vendor, stalls[n % stalls.len()]);
                tokio::spawn(async move {
                    bookings::book_free_stall(&db, vendor, stall, day, today, 1_800_000_000).await
                })
            })
            .collect();
        let mut booked = 0;
        for task in tasks {
            match task.await.expect("the task ran") {
                Ok(_) => booked += 1,
                Err(BookingError::Taken) => refused += 1,
                Err(error) => panic!("a booking failed: {error}"),
            }
        }
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(booked, 50, "exactly one booking per stall");
    }
    times.sort_by(f64::total_cmp);
    let total: f64 = times.iter().sum();
    say(&format!(
        "{name}: 200 requests for 50 stalls, {ROUNDS} rounds: median {:.0} ms a round, slowest \
         {:.0} ms; {refused} refusals, {:.0} refusals/s",
        times[times.len() / 2],
        times[times.len() - 1],
        f64::from(refused) / (total / 1000.0)
    ));
}

// A benchmark's output is its numbers.
#[allow(clippy::print_stdout)]
fn say(line: &str) {
    println!("{line}");
}

#[tokio::main(flavor = "multi_thread", worker_threads = 4)]
async fn main() {
    race("sqlite", &testing::sqlite().await.db).await;
    match testing::postgres().await {
        Some(test) => race("postgres", &test.db).await,
        None => say("postgres: skipped (set TEST_DATABASE_URL)"),
    }
}
