//! The SABOAK allocation round: who gets a stall on which market day, by rules anyone can
//! check. One pure, deterministic function, [`allocate`], so the office, the server's job and
//! a citizen running `pasar-purna verify-round` on the published file get the same answer.
//!
//! The rules, in the order they apply (the public round page says the same in words):
//! 1. Each request is for one market day and lists the zones the vendor accepts, preferred
//!    first (already limited to the zones the vendor's category may use).
//! 2. At most one stall per vendor per day: a vendor's further requests for the same day are
//!    void (the one with the lowest number counts). A request for a day the round does not
//!    hold is void too.
//! 3. Requests are served in priority order: fewer recent no-shows first, then fewer stalls in
//!    the recent weeks, then the lottery ticket (see [`lottery`]), then the request number.
//! 4. Each request gets the first free stall, in the published stall order, of the first
//!    zone on its list that still has one.
//! 5. Requests that get nothing wait, per day, in the same priority order.
//!
//! The order of the requests in the input does not matter: the priority order is total.

pub mod lottery;
mod serde_date;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde::{Deserialize, Serialize};
use time::Date;

pub use lottery::{Commitment, Seed, Ticket};

/// The stalls of one zone on one market day, in the order they are handed out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoneStalls {
    /// Zone name (`kuliner`, `kriya`…).
    pub zone: String,
    /// Stall codes (`B-12`), in the order they are handed out.
    pub stalls: Vec<String>,
}

/// What one market day of the round offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayStalls {
    /// The market day (WITA date).
    #[serde(with = "serde_date")]
    pub day: Date,
    /// Its zones and their free stalls.
    pub zones: Vec<ZoneStalls>,
}

/// One vendor's request for one market day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StallRequest {
    /// The request's number (unique in the round).
    pub request: i64,
    /// The vendor record asking.
    pub vendor: i64,
    /// The market day asked for.
    #[serde(with = "serde_date")]
    pub day: Date,
    /// Zones the vendor accepts, preferred first.
    pub zones: Vec<String>,
    /// Stalls the vendor had in the recent weeks the rules look back on.
    pub recent_stalls: u32,
    /// Market days in those weeks the vendor had a stall and did not come.
    pub recent_no_shows: u32,
}

/// Everything the round decides from, as published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundInput {
    /// The seed, revealed at allocation; its commitment was published when the round opened.
    pub seed: Seed,
    /// The market days and their stalls.
    pub days: Vec<DayStalls>,
    /// Every request, in any order.
    pub requests: Vec<StallRequest>,
}

/// A stall given to a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Granted {
    /// The request.
    pub request: i64,
    /// Its vendor.
    pub vendor: i64,
    /// The market day.
    #[serde(with = "serde_date")]
    pub day: Date,
    /// The zone of the stall.
    pub zone: String,
    /// The stall's code.
    pub stall: String,
}

/// A request on a day's waitlist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiting {
    /// The request.
    pub request: i64,
    /// Its vendor.
    pub vendor: i64,
    /// The market day.
    #[serde(with = "serde_date")]
    pub day: Date,
    /// Place on that day's waitlist, from 1.
    pub position: u32,
}

/// What the round decided.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundOutcome {
    /// Stalls given, by day, in priority order.
    pub granted: Vec<Granted>,
    /// Waitlists, by day, in priority order.
    pub waitlist: Vec<Waiting>,
    /// Requests that do not count (a second one of a vendor for a day, or a day not in the
    /// round), by number.
    pub void: Vec<i64>,
}

/// The order in which requests are served (rule 3): smaller first.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Priority {
    /// Recent no-shows.
    pub no_shows: u32,
    /// Recent stalls.
    pub recent_stalls: u32,
    /// The lottery ticket of the vendor for the day.
    pub ticket: Ticket,
    /// The request number, so the order is total.
    pub request: i64,
}

impl Priority {
    /// The priority of `request` under `seed`.
    #[must_use]
    pub fn of(request: &StallRequest, seed: &Seed) -> Priority {
        Priority {
            no_shows: request.recent_no_shows,
            recent_stalls: request.recent_stalls,
            ticket: seed.ticket(request.day, request.vendor),
            request: request.request,
        }
    }
}

/// Runs the round: the rules above, applied to `input`.
#[must_use]
pub fn allocate(input: &RoundInput) -> RoundOutcome {
    let mut outcome = RoundOutcome::default();
    let (counted, void) = counted_requests(input);
    outcome.void = void;
    for day in &input.days {
        let mut free: BTreeMap<&str, VecDeque<&str>> = BTreeMap::new();
        for zone in &day.zones {
            free.entry(zone.zone.as_str())
                .or_default()
                .extend(zone.stalls.iter().map(String::as_str));
        }
        let mut queue: Vec<(Priority, &StallRequest)> = counted
            .iter()
            .filter(|request| request.day == day.day)
            .map(|request| (Priority::of(request, &input.seed), *request))
            .collect();
        queue.sort_by(|a, b| a.0.cmp(&b.0));
        let mut position = 0;
        for (_, request) in queue {
            let stall = request.zones.iter().find_map(|zone| {
                free.get_mut(zone.as_str()).and_then(VecDeque::pop_front).map(|s| (zone, s))
            });
            match stall {
                Some((zone, stall)) => outcome.granted.push(Granted {
                    request: request.request,
                    vendor: request.vendor,
                    day: day.day,
                    zone: zone.clone(),
                    stall: stall.to_owned(),
                }),
                None => {
                    position += 1;
                    outcome.waitlist.push(Waiting {
                        request: request.request,
                        vendor: request.vendor,
                        day: day.day,
                        position,
                    });
                }
            }
        }
    }
    outcome
}

/// Rule 2: the requests that count, and the numbers of those that do not.
fn counted_requests(input: &RoundInput) -> (Vec<&StallRequest>, Vec<i64>) {
    let days: BTreeSet<Date> = input.days.iter().map(|d| d.day).collect();
    let mut by_number: Vec<&StallRequest> = input.requests.iter().collect();
    by_number.sort_by_key(|request| request.request);
    let mut seen: BTreeSet<(Date, i64)> = BTreeSet::new();
    let (mut counted, mut void) = (Vec::new(), Vec::new());
    for request in by_number {
        if days.contains(&request.day) && seen.insert((request.day, request.vendor)) {
            counted.push(request);
        } else {
            void.push(request.request);
        }
    }
    (counted, void)
}

/// A round as the result page publishes it: the commitment made when it opened, the inputs
/// with the revealed seed, and the outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedRound {
    /// SHA-256 of the seed, published before any request could know the seed.
    pub commitment: Commitment,
    /// What the round decided from.
    pub input: RoundInput,
    /// What it decided.
    pub outcome: RoundOutcome,
}

/// Why a published round does not check out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    /// The revealed seed is not the one committed to: the office could have chosen it after
    /// seeing the requests.
    #[error("the seed does not match the commitment published when the round opened")]
    SeedNotCommitted,
    /// Re-running the rules gives another result.
    #[error("re-running the rules gives another result: {0}")]
    OutcomeDiffers(String),
}

/// Checks a published round: the seed against its commitment, and the outcome against the
/// rules re-run on the inputs.
///
/// # Errors
/// [`VerifyError`] saying what does not hold.
pub fn verify(round: &PublishedRound) -> Result<(), VerifyError> {
    if round.input.seed.commitment() != round.commitment {
        return Err(VerifyError::SeedNotCommitted);
    }
    let expected = allocate(&round.input);
    if expected == round.outcome {
        return Ok(());
    }
    Err(VerifyError::OutcomeDiffers(first_difference(&expected, &round.outcome)))
}

fn first_difference(expected: &RoundOutcome, published: &RoundOutcome) -> String {
    let granted = expected.granted.iter().zip(&published.granted).find(|(a, b)| a != b);
    if let Some((rules, page)) = granted {
        return format!(
            "the rules give stall {} on {} to request {}, the page says stall {} to request {}",
            rules.stall,
            serde_date::iso(rules.day),
            rules.request,
            page.stall,
            page.request
        );
    }
    let waiting = expected.waitlist.iter().zip(&published.waitlist).find(|(a, b)| a != b);
    if let Some((rules, page)) = waiting {
        return format!(
            "the rules put request {} at waitlist place {} on {}, the page says request {}",
            rules.request,
            rules.position,
            serde_date::iso(rules.day),
            page.request
        );
    }
    format!(
        "the rules give {} stalls, {} waiting and {} void; the page says {}, {} and {}",
        expected.granted.len(),
        expected.waitlist.len(),
        expected.void.len(),
        published.granted.len(),
        published.waitlist.len(),
        published.void.len()
    )
}
