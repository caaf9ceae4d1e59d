//! Central Indonesia Time (WITA, UTC+8, no daylight saving) and how dates are written.
//!
//! Instants are stored in UTC; every date a person sees, and every market day, cut-off and
//! rental month, is a WITA date. Indonesian writes `Sabtu, 28 November 2026` and `14.30`
//! (a dot between hours and minutes); English writes `Saturday, 28 November 2026` and `14:30`.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, UtcOffset, Weekday};

use crate::Locale;

/// The fixed offset of WITA from UTC.
pub const WITA: UtcOffset = match UtcOffset::from_hms(8, 0, 0) {
    Ok(offset) => offset,
    Err(_) => panic!("UTC+8 is a valid offset"),
};

/// The same instant as wall-clock time in Kupang.
#[must_use]
pub fn to_wita(instant: OffsetDateTime) -> PrimitiveDateTime {
    let local = instant.to_offset(WITA);
    PrimitiveDateTime::new(local.date(), local.time())
}

/// Today's date in Kupang at the given instant.
#[must_use]
pub fn today(now: OffsetDateTime) -> Date {
    now.to_offset(WITA).date()
}

/// A date as `YYYY-MM-DD`: how market days are stored as booking slots and written in the
/// published round file.
#[must_use]
pub fn iso_date(day: Date) -> String {
    format!("{:04}-{:02}-{:02}", day.year(), u8::from(day.month()), day.day())
}

/// The full name of a month, e.g. `Agustus` / `August`.
#[must_use]
pub fn month_name(month: Month, locale: Locale) -> &'static str {
    const ID: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let index = usize::from(u8::from(month) - 1);
    match locale {
        Locale::Id => ID[index],
        Locale::En => EN[index],
    }
}

/// The three- or four-letter abbreviation of a month, e.g. `Agu` / `Aug`.
#[must_use]
pub fn month_abbreviation(month: Month, locale: Locale) -> &'static str {
    const ID: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];
    const EN: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let index = usize::from(u8::from(month) - 1);
    match locale {
        Locale::Id => ID[index],
        Locale::En => EN[index],
    }
}

/// The name of a day of the week, e.g. `Minggu` / `Sunday`.
#[must_use]
pub fn weekday_name(day: Weekday, locale: Locale) -> &'static str {
    match (locale, day) {
        (Locale::Id, Weekday::Monday) => "Senin",
        (Locale::Id, Weekday::Tuesday) => "Selasa",
        (Locale::Id, Weekday::Wednesday) => "Rabu",
        (Locale::Id, Weekday::Thursday) => "Kamis",
        (Locale::Id, Weekday::Friday) => "Jumat",
        (Locale::Id, Weekday::Saturday) => "Sabtu",
        (Locale::Id, Weekday::Sunday) => "Minggu",
        (Locale::En, Weekday::Monday) => "Monday",
        (Locale::En, Weekday::Tuesday) => "Tuesday",
        (Locale::En, Weekday::Wednesday) => "Wednesday",
        (Locale::En, Weekday::Thursday) => "Thursday",
        (Locale::En, Weekday::Friday) => "Friday",
        (Locale::En, Weekday::Saturday) => "Saturday",
        (Locale::En, Weekday::Sunday) => "Sunday",
    }
}

/// A date in full: `Sabtu, 28 November 2026` / `Saturday, 28 November 2026`.
#[must_use]
pub fn format_date_long(date: Date, locale: Locale) -> String {
    format!(
        "{}, {} {} {}",
        weekday_name(date.weekday(), locale),
        date.day(),
        month_name(date.month(), locale),
        date.year()
    )
}

/// A compact date: `28 Nov 2026` / `28 Agu 2026`.
#[must_use]
pub fn format_date_short(date: Date, locale: Locale) -> String {
    format!("{} {} {}", date.day(), month_abbreviation(date.month(), locale), date.year())
}

/// An instant as Kupang wall-clock time: `28 Nov 2026 14.30 WITA` / `28 Nov 2026, 14:30 WITA`.
#[must_use]
pub fn format_datetime(instant: OffsetDateTime, locale: Locale) -> String {
    let local = to_wita(instant);
    let date = format_date_short(local.date(), locale);
    let (hour, minute) = (local.hour(), local.minute());
    match locale {
        Locale::Id => format!("{date} {hour:02}.{minute:02} WITA"),
        Locale::En => format!("{date}, {hour:02}:{minute:02} WITA"),
    }
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;

    #[test]
    fn an_evening_in_utc_is_the_next_morning_in_kupang() {
        let instant = datetime!(2026-11-27 20:15 UTC);
        assert_eq!(today(instant), date!(2026 - 11 - 28));
        assert_eq!(format_datetime(instant, Locale::Id), "28 Nov 2026 04.15 WITA");
        assert_eq!(format_datetime(instant, Locale::En), "28 Nov 2026, 04:15 WITA");
    }

    #[test]
    fn long_dates_use_the_local_day_and_month_names() {
        let day = date!(2026 - 08 - 17);
        assert_eq!(format_date_long(day, Locale::Id), "Senin, 17 Agustus 2026");
        assert_eq!(format_date_long(day, Locale::En), "Monday, 17 August 2026");
    }

    #[test]
    fn short_dates_use_indonesian_abbreviations() {
        assert_eq!(format_date_short(date!(2026 - 05 - 01), Locale::Id), "1 Mei 2026");
        assert_eq!(format_date_short(date!(2026 - 12 - 25), Locale::Id), "25 Des 2026");
        assert_eq!(format_date_short(date!(2026 - 10 - 02), Locale::En), "2 Oct 2026");
    }

    #[test]
    fn every_month_and_weekday_has_a_distinct_name_in_both_languages() {
        for locale in Locale::ALL {
            let months: std::collections::HashSet<_> =
                (1..=12u8).map(|m| month_name(Month::try_from(m).unwrap(), locale)).collect();
            assert_eq!(months.len(), 12);
            let mut day = Weekday::Monday;
            let mut names = std::collections::HashSet::new();
            for _ in 0..7 {
                names.insert(weekday_name(day, locale));
                day = day.next();
            }
            assert_eq!(names.len(), 7);
        }
    }

    #[test]
    fn midnight_wita_is_four_in_the_afternoon_utc() {
        let instant = datetime!(2026-12-31 16:00 UTC);
        assert_eq!(today(instant), date!(2027 - 01 - 01));
        assert_eq!(format_datetime(instant, Locale::Id), "1 Jan 2027 00.00 WITA");
    }
}
