//! Bookings of venue units: a SABOAK stall for a market day, a container booth for a month.
//! Never the same place twice, under any load: the partial unique indexes of migration 0014
//! over the states that occupy a place (`domain::booking::BookingState::occupies_place`)
//! decide, on both engines, and the loser of a race gets a typed "already taken", never a
//! server error. A hold past its deadline is expired inside the same transaction that checks
//! the place, so an abandoned hold never blocks a booking.

mod stall;

pub use stall::{book_free_stall, BookingError};

/// A booking's database id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BookingId(pub i64);

/// A unit's database id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnitId(pub i64);

/// A slot's stored form: a market day is `YYYY-MM-DD`.
#[must_use]
pub fn day_slot(day: time::Date) -> String {
    domain::wita::iso_date(day)
}
