//! Venues, their zones and their calendar, as rules: which zones a vendor's category may use,
//! which dates a market runs, and when requests for a market week close. All dates and times
//! are WITA ([`crate::wita`]).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use time::{Date, Duration, PrimitiveDateTime, Time, Weekday};

use crate::vendor::Category;
use crate::wita::WITA;

/// What kind of place a venue is, and so how its units are shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VenueKind {
    /// A park of container booths rented by the calendar month.
    BoothPark,
    /// A weekend market whose stalls are allocated per market day (SABOAK).
    WeekendMarket,
}

/// A zone of a venue and the categories of business it takes (food only in the food zone: the
/// first SABOAK evaluation found food stalls blocking the walkways among the crafts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoneRule {
    /// Zone name, as on the map (`kuliner`, `kriya`, `fesyen`, `hasil-bumi`).
    pub zone: String,
    /// The categories it takes.
    pub categories: Vec<Category>,
}

impl ZoneRule {
    /// Whether a vendor of `category` may have a unit in this zone.
    #[must_use]
    pub fn fits(&self, category: Category) -> bool {
        self.categories.contains(&category)
    }
}

/// Why a zone was refused for a vendor.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ZoneError {
    /// The venue has no zone of that name.
    #[error("no zone {0}")]
    Unknown(String),
    /// The zone does not take the vendor's category.
    #[error("zone {zone} does not take {category:?}")]
    DoesNotFit {
        /// The zone asked for.
        zone: String,
        /// The vendor's category.
        category: Category,
    },
    /// No zone of the venue takes the vendor's category.
    #[error("no zone takes {0:?}")]
    NoneFits(Category),
}

/// The zones a vendor of `category` accepts for an allocation request, preferred first: just
/// `preferred` when one was chosen (and it fits), otherwise every zone that fits, in the
/// venue's order.
///
/// # Errors
/// [`ZoneError`] when the preferred zone is unknown or does not fit, or when none fits.
pub fn acceptable_zones(
    rules: &[ZoneRule],
    category: Category,
    preferred: Option<&str>,
) -> Result<Vec<String>, ZoneError> {
    if let Some(zone) = preferred {
        let rule = rules
            .iter()
            .find(|rule| rule.zone == zone)
            .ok_or_else(|| ZoneError::Unknown(zone.to_owned()))?;
        return if rule.fits(category) {
            Ok(vec![rule.zone.clone()])
        } else {
            Err(ZoneError::DoesNotFit { zone: rule.zone.clone(), category })
        };
    }
    let fitting: Vec<String> =
        rules.iter().filter(|rule| rule.fits(category)).map(|rule| rule.zone.clone()).collect();
    if fitting.is_empty() {
        Err(ZoneError::NoneFits(category))
    } else {
        Ok(fitting)
    }
}

/// When a market runs: its weekdays, minus closures, plus special days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarketCalendar {
    /// The weekdays it runs (SABOAK: Saturday and Sunday).
    pub weekdays: BTreeSet<u8>,
    /// Dates it does not run although they are one of its weekdays (a storm, an election).
    pub closed: BTreeSet<Date>,
    /// Extra market days (a city festival).
    pub special: BTreeSet<Date>,
    /// The weekday requests for a market week close (default Wednesday).
    pub cutoff_weekday: Weekday,
    /// The WITA time they close (default 18:00).
    pub cutoff_time: Time,
}

impl MarketCalendar {
    /// SABOAK: Saturday and Sunday; requests close Wednesday 18:00 WITA.
    #[must_use]
    pub fn saboak() -> MarketCalendar {
        MarketCalendar {
            weekdays: [Weekday::Saturday, Weekday::Sunday]
                .into_iter()
                .map(Weekday::number_days_from_monday)
                .collect(),
            closed: BTreeSet::new(),
            special: BTreeSet::new(),
            cutoff_weekday: Weekday::Wednesday,
            cutoff_time: time::macros::time!(18:00),
        }
    }

    /// Whether the market runs on `day`.
    #[must_use]
    pub fn is_market_day(&self, day: Date) -> bool {
        if self.special.contains(&day) {
            return true;
        }
        self.weekdays.contains(&day.weekday().number_days_from_monday())
            && !self.closed.contains(&day)
    }

    /// The market days of the week (Monday to Sunday) that holds `day`.
    #[must_use]
    pub fn market_days_of_week(&self, day: Date) -> Vec<Date> {
        let monday = week_start(day);
        (0..7).map(|n| monday + Duration::days(n)).filter(|d| self.is_market_day(*d)).collect()
    }

    /// When requests for the market days of `day`'s week close, as Unix seconds: the week's
    /// cut-off weekday at the cut-off time, WITA.
    #[must_use]
    pub fn cutoff(&self, day: Date) -> i64 {
        let date = week_start(day)
            + Duration::days(i64::from(self.cutoff_weekday.number_days_from_monday()));
        PrimitiveDateTime::new(date, self.cutoff_time).assume_offset(WITA).unix_timestamp()
    }

    /// Whether a request for `day` is still open at `now` (Unix seconds): a market day, not
    /// past, and before its week's cut-off.
    #[must_use]
    pub fn accepts_requests_for(&self, day: Date, now: i64) -> bool {
        self.is_market_day(day) && now < self.cutoff(day)
    }
}

fn week_start(day: Date) -> Date {
    day - Duration::days(i64::from(day.weekday().number_days_from_monday()))
}

/// A booth's rental period: one calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RentalMonth {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
}

impl RentalMonth {
    /// The month that holds `day`.
    #[must_use]
    pub fn of(day: Date) -> RentalMonth {
        RentalMonth { year: day.year(), month: u8::from(day.month()) }
    }

    /// The month after.
    #[must_use]
    pub const fn next(self) -> RentalMonth {
        if self.month == 12 {
            RentalMonth { year: self.year + 1, month: 1 }
        } else {
            RentalMonth { year: self.year, month: self.month + 1 }
        }
    }

    /// Its first day, or `None` for a month that is not one.
    #[must_use]
    pub fn first_day(self) -> Option<Date> {
        let month = time::Month::try_from(self.month).ok()?;
        Date::from_calendar_date(self.year, month, 1).ok()
    }

    /// When others may book it: until `renewal_days` before it starts only the tenant of the
    /// month before may (the renewal window); from then on anyone. Unix seconds, WITA
    /// midnight.
    #[must_use]
    pub fn opens_to_others(self, renewal_days: u8) -> Option<i64> {
        let start = self.first_day()? - Duration::days(i64::from(renewal_days));
        Some(start.midnight().assume_offset(WITA).unix_timestamp())
    }
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;

    fn saboak_zones() -> Vec<ZoneRule> {
        vec![
            ZoneRule { zone: "kuliner".into(), categories: vec![Category::Food, Category::Drinks] },
            ZoneRule {
                zone: "kriya".into(),
                categories: vec![Category::Crafts, Category::Textiles],
            },
            ZoneRule {
                zone: "umum".into(),
                categories: vec![Category::Crafts, Category::Produce, Category::Other],
            },
        ]
    }

    #[test]
    fn food_goes_only_to_the_food_zone_and_a_choice_must_fit() {
        let zones = saboak_zones();
        assert_eq!(acceptable_zones(&zones, Category::Food, None), Ok(vec!["kuliner".to_owned()]));
        assert_eq!(
            acceptable_zones(&zones, Category::Crafts, None),
            Ok(vec!["kriya".to_owned(), "umum".to_owned()])
        );
        assert_eq!(
            acceptable_zones(&zones, Category::Crafts, Some("umum")),
            Ok(vec!["umum".to_owned()])
        );
        assert_eq!(
            acceptable_zones(&zones, Category::Food, Some("kriya")),
            Err(ZoneError::DoesNotFit { zone: "kriya".into(), category: Category::Food })
        );
        assert_eq!(
            acceptable_zones(&zones, Category::Food, Some("parkir")),
            Err(ZoneError::Unknown("parkir".into()))
        );
        assert_eq!(
            acceptable_zones(&zones, Category::Services, None),
            Err(ZoneError::NoneFits(Category::Services))
        );
    }

    #[test]
    fn saboak_runs_on_weekends_except_closures_and_on_special_days() {
        let mut calendar = MarketCalendar::saboak();
        assert!(calendar.is_market_day(date!(2026 - 12 - 05)));
        assert!(!calendar.is_market_day(date!(2026 - 12 - 04)), "a Friday");
        calendar.closed.insert(date!(2026 - 12 - 06));
        calendar.special.insert(date!(2026 - 12 - 31));
        assert_eq!(calendar.market_days_of_week(date!(2026 - 12 - 01)), [date!(2026 - 12 - 05)]);
        assert!(calendar.is_market_day(date!(2026 - 12 - 31)), "a Thursday festival");
    }

    #[test]
    fn requests_for_a_weekend_close_on_its_wednesday_at_six_in_the_evening_wita() {
        let calendar = MarketCalendar::saboak();
        let cutoff = calendar.cutoff(date!(2026 - 12 - 06));
        assert_eq!(cutoff, datetime!(2026 - 12 - 02 18:00 +8).unix_timestamp());
        assert_eq!(cutoff, calendar.cutoff(date!(2026 - 11 - 30)), "one cut-off for the week");
        assert!(calendar.accepts_requests_for(date!(2026 - 12 - 05), cutoff - 1));
        assert!(!calendar.accepts_requests_for(date!(2026 - 12 - 05), cutoff));
        assert!(
            !calendar.accepts_requests_for(date!(2026 - 12 - 04), cutoff - 1),
            "not a market day"
        );
    }

    #[test]
    fn a_booth_month_opens_to_others_after_the_tenants_renewal_window() {
        let january = RentalMonth::of(date!(2026 - 12 - 15)).next();
        assert_eq!(january, RentalMonth { year: 2027, month: 1 });
        assert_eq!(
            january.opens_to_others(7),
            Some(datetime!(2026 - 12 - 25 00:00 +8).unix_timestamp())
        );
        assert_eq!(RentalMonth { year: 2026, month: 13 }.first_day(), None);
    }
}
