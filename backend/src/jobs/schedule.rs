//! Recurring jobs on a wall-clock schedule in WITA, and catching up on missed slots.

use super::queue::enqueue_in;
use super::{Enqueued, Job};
use crate::error::Result;
use crate::{with_tx, Database};

/// WITA is UTC+8 all year (no daylight saving), so a slot is a fixed offset from UTC.
const WITA_OFFSET_SECS: i64 = 8 * 60 * 60;
const HOUR: i64 = 60 * 60;
const DAY: i64 = 24 * HOUR;
const WEEK: i64 = 7 * DAY;

/// How often a recurring job runs, as wall-clock times in WITA.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Every {
    period_secs: i64,
    /// Seconds into each period (counted from the Unix epoch in WITA) when the slot falls.
    offset_secs: i64,
}

impl Every {
    /// Every hour at `minute` past.
    #[must_use]
    pub const fn hour_at(minute: u8) -> Every {
        Every { period_secs: HOUR, offset_secs: minute as i64 * 60 }
    }

    /// Every day at `hour:minute` WITA.
    #[must_use]
    pub const fn day_at(hour: u8, minute: u8) -> Every {
        Every { period_secs: DAY, offset_secs: hour as i64 * HOUR + minute as i64 * 60 }
    }

    /// Every week on `weekday` at `hour:minute` WITA (the SABOAK cut-off: Wednesday 18:00).
    #[must_use]
    pub const fn week_at(weekday: time::Weekday, hour: u8, minute: u8) -> Every {
        // The Unix epoch fell on a Thursday: weeks counted from it start on Thursdays.
        let days_after_thursday = (weekday.number_days_from_monday() as i64 + 7 - 3) % 7;
        Every {
            period_secs: WEEK,
            offset_secs: days_after_thursday * DAY + hour as i64 * HOUR + minute as i64 * 60,
        }
    }

    /// The last slot at or before `now` (Unix seconds).
    #[must_use]
    pub const fn latest_slot(self, now: i64) -> i64 {
        let local = now + WITA_OFFSET_SECS - self.offset_secs;
        local.div_euclid(self.period_secs) * self.period_secs + self.offset_secs - WITA_OFFSET_SECS
    }

    /// The length of one period, in seconds.
    #[must_use]
    pub const fn period_secs(self) -> i64 {
        self.period_secs
    }
}

/// What to do about slots that passed while no server was running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatchUp {
    /// Run once for all of them (a sweep: one run cleans up as much as many).
    Once,
    /// Run once for each, oldest first, at most `MAX_CATCH_UP` (each week's allocation round
    /// must happen, even late).
    EachSlot,
}

/// The most missed slots queued at once for [`CatchUp::EachSlot`]: a year of weekly runs.
pub const MAX_CATCH_UP: i64 = 53;

/// A job that runs on a schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recurring {
    /// A stable name: it keys the schedule's progress in `job_schedule`.
    pub name: &'static str,
    /// When.
    pub every: Every,
    /// What happens to missed slots.
    pub catch_up: CatchUp,
    /// What to run.
    pub job: Job,
}

/// Queues each recurring job's slots that are due at `now` and not queued yet, and returns
/// how many jobs were added. Each slot has a unique key, so processes doing this at the same
/// moment add each slot once; a schedule seen for the first time runs at once.
///
/// # Errors
/// When the database fails.
pub async fn queue_due_slots(db: &Database, recurring: &[Recurring], now: i64) -> Result<usize> {
    let mut added = 0;
    for schedule in recurring {
        let latest = schedule.every.latest_slot(now);
        let mut tx = db.begin_write().await?;
        let last: Option<i64> = with_tx!(&mut tx, |conn| sqlx::query_scalar(
            "select last_slot from job_schedule where name = $1"
        )
        .bind(schedule.name)
        .fetch_optional(&mut **conn)
        .await)?;
        for slot in slots_to_queue(schedule, last, latest) {
            let key = format!("{}@{slot}", schedule.name);
            if enqueue_in(&mut tx, &schedule.job, slot, Some(&key), now).await? == Enqueued::Added {
                added += 1;
            }
        }
        with_tx!(&mut tx, |conn| sqlx::query(
            "insert into job_schedule (name, last_slot) values ($1, $2)
             on conflict (name) do update set last_slot = excluded.last_slot
             where job_schedule.last_slot < excluded.last_slot"
        )
        .bind(schedule.name)
        .bind(latest)
        .execute(&mut **conn)
        .await
        .map(|_| ()))?;
        tx.commit().await?;
    }
    Ok(added)
}

/// The slots after `last` up to `latest` that a schedule runs, by its catch-up rule.
fn slots_to_queue(schedule: &Recurring, last: Option<i64>, latest: i64) -> Vec<i64> {
    let period = schedule.every.period_secs();
    match last {
        None => vec![latest],
        Some(last) if last >= latest => Vec::new(),
        Some(last) => match schedule.catch_up {
            CatchUp::Once => vec![latest],
            CatchUp::EachSlot => {
                let missed = ((latest - last) / period).min(MAX_CATCH_UP);
                (0..missed).rev().map(|back| latest - back * period).collect()
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-12-02 10:00:00 UTC = Wednesday 18:00 WITA.
    const WEDNESDAY_18_WITA: i64 = 1_796_205_600;

    #[test]
    fn the_weekly_slot_falls_on_its_weekday_and_hour_in_wita() {
        let cut_off = Every::week_at(time::Weekday::Wednesday, 18, 0);
        assert_eq!(cut_off.latest_slot(WEDNESDAY_18_WITA), WEDNESDAY_18_WITA);
        assert_eq!(cut_off.latest_slot(WEDNESDAY_18_WITA - 1), WEDNESDAY_18_WITA - WEEK);
        assert_eq!(cut_off.latest_slot(WEDNESDAY_18_WITA + 6 * DAY), WEDNESDAY_18_WITA);
        let slot = time::OffsetDateTime::from_unix_timestamp(
            cut_off.latest_slot(WEDNESDAY_18_WITA + 3 * DAY),
        )
        .expect("time")
        .to_offset(domain::wita::WITA);
        assert_eq!((slot.weekday(), slot.hour(), slot.minute()), (time::Weekday::Wednesday, 18, 0));
    }

    #[test]
    fn daily_and_hourly_slots_are_wall_clock_times_in_wita() {
        // 02:30 WITA is 18:30 UTC the day before.
        let nightly = Every::day_at(2, 30);
        let slot = nightly.latest_slot(WEDNESDAY_18_WITA);
        let at = time::OffsetDateTime::from_unix_timestamp(slot)
            .expect("time")
            .to_offset(domain::wita::WITA);
        assert_eq!((at.weekday(), at.hour(), at.minute()), (time::Weekday::Wednesday, 2, 30));
        assert_eq!(
            Every::hour_at(5).latest_slot(WEDNESDAY_18_WITA),
            WEDNESDAY_18_WITA - HOUR + 300
        );
    }

    fn schedule(catch_up: CatchUp) -> Recurring {
        Recurring { name: "t", every: Every::hour_at(0), catch_up, job: Job::SweepSessions }
    }

    #[test]
    fn missed_slots_run_once_or_each_by_the_catch_up_rule() {
        let latest = Every::hour_at(0).latest_slot(WEDNESDAY_18_WITA);
        assert_eq!(slots_to_queue(&schedule(CatchUp::Once), None, latest), [latest]);
        assert_eq!(
            slots_to_queue(&schedule(CatchUp::Once), Some(latest), latest),
            Vec::<i64>::new()
        );
        assert_eq!(
            slots_to_queue(&schedule(CatchUp::Once), Some(latest - 5 * HOUR), latest),
            [latest]
        );
        assert_eq!(
            slots_to_queue(&schedule(CatchUp::EachSlot), Some(latest - 3 * HOUR), latest),
            [latest - 2 * HOUR, latest - HOUR, latest]
        );
        let capped =
            slots_to_queue(&schedule(CatchUp::EachSlot), Some(latest - 1000 * HOUR), latest);
        assert_eq!(capped.len(), usize::try_from(MAX_CATCH_UP).expect("small"));
        assert_eq!(capped.last(), Some(&latest));
    }
}
