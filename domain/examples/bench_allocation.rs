//! How long one SABOAK allocation round takes: 600 requests for a weekend of 100 stalls a
//! day in five zones (the target: under 10 ms). Prints the median and the slowest of
//! 200 runs. `cargo run --release -p domain --example bench_allocation`
//!
//! The requests are made from a fixed formula, so every run measures the same round.

use std::time::Instant;

use domain::allocation::{allocate, DayStalls, RoundInput, Seed, StallRequest, ZoneStalls};
use time::macros::date;
use time::Duration;

const ZONES: [&str; 5] = ["kuliner", "minuman", "kriya", "fesyen", "hasil-bumi"];

fn round() -> RoundInput {
    let saturday = date!(2026 - 12 - 05);
    let days = (0..2)
        .map(|d| DayStalls {
            day: saturday + Duration::days(d),
            zones: ZONES
                .iter()
                .map(|zone| ZoneStalls {
                    zone: (*zone).to_owned(),
                    stalls: (1..=20).map(|n| format!("{zone}-{n:02}")).collect(),
                })
                .collect(),
        })
        .collect();
    let requests = (0..600_i64)
        .map(|n| {
            let first = ZONES[(n % 5) as usize];
            // Most accept one zone; every third also a second.
            let zones = if n % 3 == 0 {
                vec![first.to_owned(), ZONES[((n + 1) % 5) as usize].to_owned()]
            } else {
                vec![first.to_owned()]
            };
            StallRequest {
                request: n + 1,
                vendor: n / 2 + 1,
                day: saturday + Duration::days(n % 2),
                zones,
                recent_stalls: u32::try_from(n * 7 % 5).unwrap_or(0),
                recent_no_shows: u32::from(n % 17 == 0),
            }
        })
        .collect();
    RoundInput { seed: Seed::from_bytes([42; 32]), days, requests }
}

// A benchmark's output is its numbers.
#[allow(clippy::print_stdout)]
fn main() {
    let input = round();
    let mut runs: Vec<f64> = (0..200)
        .map(|_| {
            let started = Instant::now();
            let outcome = allocate(&input);
            let elapsed = started.elapsed().as_secs_f64() * 1000.0;
            assert_eq!(outcome.granted.len(), 200, "every stall of the weekend is given");
            elapsed
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    let outcome = allocate(&input);
    println!(
        "allocation: {} requests, 2 days x 100 stalls: median {:.2} ms, slowest {:.2} ms \
         ({} granted, {} waiting, {} void)",
        input.requests.len(),
        runs[runs.len() / 2],
        runs[runs.len() - 1],
        outcome.granted.len(),
        outcome.waitlist.len(),
        outcome.void.len()
    );
}
