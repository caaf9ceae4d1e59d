//! The SABOAK weekend market calendar (Saturday and Sunday at Taman Nostalgia).

use time::{Date, Duration, Weekday};

/// One SABOAK weekend: the Saturday and the Sunday after it, as WITA dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarketWeekend {
    /// The first market day.
    pub saturday: Date,
    /// The second market day.
    pub sunday: Date,
}

impl MarketWeekend {
    /// The weekend a shopper means by "this weekend" on `today` (a WITA date): the current one
    /// while it is Saturday or Sunday, otherwise the coming one.
    #[must_use]
    pub fn current_or_next(today: Date) -> MarketWeekend {
        let saturday = match today.weekday() {
            Weekday::Sunday => today - Duration::days(1),
            other => {
                let days_ahead = (7 + 5 - i64::from(other.number_days_from_monday())) % 7;
                today + Duration::days(days_ahead)
            }
        };
        MarketWeekend { saturday, sunday: saturday + Duration::days(1) }
    }

    /// Whether `today` is one of this weekend's market days.
    #[must_use]
    pub fn is_market_day(&self, today: Date) -> bool {
        today == self.saturday || today == self.sunday
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn on_a_weekday_the_coming_weekend_is_shown() {
        let weekend = MarketWeekend::current_or_next(date!(2026 - 11 - 25)); // Wednesday
        assert_eq!(weekend.saturday, date!(2026 - 11 - 28));
        assert_eq!(weekend.sunday, date!(2026 - 11 - 29));
        assert!(!weekend.is_market_day(date!(2026 - 11 - 25)));
    }

    #[test]
    fn on_saturday_and_sunday_the_current_weekend_is_shown() {
        let saturday = MarketWeekend::current_or_next(date!(2026 - 11 - 28));
        let sunday = MarketWeekend::current_or_next(date!(2026 - 11 - 29));
        assert_eq!(saturday, sunday);
        assert!(sunday.is_market_day(date!(2026 - 11 - 29)));
    }

    #[test]
    fn a_friday_looks_one_day_ahead_and_a_monday_six() {
        assert_eq!(
            MarketWeekend::current_or_next(date!(2026 - 11 - 27)).saturday,
            date!(2026 - 11 - 28)
        );
        assert_eq!(
            MarketWeekend::current_or_next(date!(2026 - 11 - 30)).saturday,
            date!(2026 - 12 - 05)
        );
    }

    #[test]
    fn every_day_of_a_year_maps_to_a_weekend_within_six_days() {
        let mut day = date!(2026 - 01 - 01);
        while day.year() == 2026 {
            let weekend = MarketWeekend::current_or_next(day);
            assert_eq!(weekend.saturday.weekday(), Weekday::Saturday);
            let gap = (weekend.saturday - day).whole_days();
            assert!((-1..=6).contains(&gap), "{day}: {gap}");
            day = day.next_day().unwrap();
        }
    }
}
