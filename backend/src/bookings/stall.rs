//! First come, first served: once the allocation round has run, an active vendor books a
//! stall that is still free for a market day, at once.

use domain::booking::BookingState;
use domain::vendor::Category;
use domain::venue::MarketCalendar;
use domain::Permission;
use time::Date;

use super::{day_slot, BookingId, UnitId};
use crate::accounts::AccountId;
use crate::db::constraint::{violated, Constraint};
use crate::db::{Database, WriteTx};
use crate::error::Error;
use crate::with_tx;

/// Why a booking was not made; nothing was saved.
#[derive(Debug, thiserror::Error)]
pub enum BookingError {
    /// The account has no active vendor record.
    #[error("not an active vendor")]
    NotAVendor,
    /// No such unit, or not a stall of a weekend market.
    #[error("no such stall")]
    UnknownUnit,
    /// The unit is not in use (repairs, removed from the map).
    #[error("the stall is not in use")]
    InactiveUnit,
    /// The market does not run that day, or the day is past.
    #[error("not a market day that can be booked")]
    NotAMarketDay,
    /// The stall's zone does not take the vendor's category.
    #[error("the zone does not take this business")]
    ZoneDoesNotFit,
    /// Somebody else has the stall that day.
    #[error("already taken")]
    Taken,
    /// The vendor already has a stall at this market that day.
    #[error("one stall per vendor per day")]
    AlreadyHasOne,
    /// The database failed.
    #[error(transparent)]
    Backend(#[from] Error),
}

impl From<sqlx::Error> for BookingError {
    fn from(error: sqlx::Error) -> Self {
        BookingError::Backend(error.into())
    }
}

/// The partial unique index over a unit's occupied slots.
const UNIT_TAKEN: Constraint =
    Constraint { name: "booking_unit_slot_taken", sqlite: "booking.unit_id, booking.slot" };
/// The partial unique index over a vendor's occupied slots at a venue.
const VENDOR_HAS_ONE: Constraint = Constraint {
    name: "booking_vendor_slot_taken",
    sqlite: "booking.vendor_id, booking.venue_id, booking.slot",
};

/// The stall as the booking needs it.
#[derive(sqlx::FromRow)]
struct StallRow {
    venue_id: i64,
    kind: String,
    active: bool,
    fee: i64,
    hold_minutes: i64,
    categories: String,
}

/// Books `unit` for `day` for the account's vendor, at once: confirmed when the stall is free
/// of charge, held until the venue's hold time passes when it has a fee (the payment then
/// confirms it). `today` is the WITA date of `now`.
///
/// # Errors
/// [`BookingError`]: every refusal says why; nothing is saved then.
pub async fn book_free_stall(
    db: &Database,
    account: AccountId,
    unit: UnitId,
    day: Date,
    today: Date,
    now: i64,
) -> Result<BookingId, BookingError> {
    let (vendor, category) = vendor_and_category(db, account).await?;
    if day < today || !MarketCalendar::saboak().is_market_day(day) {
        return Err(BookingError::NotAMarketDay);
    }
    let slot = day_slot(day);
    let mut tx = db.begin_write().await?;
    let stall = stall(&mut tx, unit).await?;
    if stall.kind != "weekend_market" {
        return Err(BookingError::UnknownUnit);
    }
    if !stall.active {
        return Err(BookingError::InactiveUnit);
    }
    if !stall.categories.split(',').any(|c| c.trim() == category.as_str()) {
        return Err(BookingError::ZoneDoesNotFit);
    }
    expire_lapsed(&mut tx, unit, &slot, now).await?;
    let state = if stall.fee == 0 {
        BookingState::Confirmed
    } else {
        BookingState::Held { until: now + stall.hold_minutes * 60 }
    };
    let deadline = match state {
        BookingState::Held { until } => Some(until),
        _ => None,
    };
    let inserted = with_tx!(&mut tx, |conn| sqlx::query_scalar(
        "insert into booking (unit_id, venue_id, vendor_id, slot, state, deadline, created_at,
            updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $7)
         returning booking_id"
    )
    .bind(unit.0)
    .bind(stall.venue_id)
    .bind(vendor)
    .bind(&slot)
    .bind(state.as_str())
    .bind(deadline)
    .bind(now)
    .fetch_one(&mut **conn)
    .await);
    let id: i64 = match inserted {
        Ok(id) => id,
        Err(error) => {
            return Err(match violated(&error, &[UNIT_TAKEN, VENDOR_HAS_ONE]) {
                Some(&UNIT_TAKEN) => BookingError::Taken,
                Some(_) => BookingError::AlreadyHasOne,
                None => error.into(),
            })
        }
    };
    tx.commit().await?;
    Ok(BookingId(id))
}

/// The account's active vendor record and its category, if the policy lets it book.
async fn vendor_and_category(
    db: &Database,
    account: AccountId,
) -> Result<(i64, Category), BookingError> {
    let actor = match crate::access::authorize(db, account, Permission::ManageOwnShop).await {
        Ok(actor) => actor,
        Err(Error::Forbidden) => return Err(BookingError::NotAVendor),
        Err(error) => return Err(error.into()),
    };
    let vendor = actor.vendor.ok_or(BookingError::NotAVendor)?.id();
    let category: String = crate::with_pool!(db, |pool| sqlx::query_scalar(
        "select category from vendor where vendor_id = $1"
    )
    .bind(vendor)
    .fetch_one(pool)
    .await)?;
    let category = Category::from_str_value(&category)
        .ok_or_else(|| Error::Corrupt(format!("vendor {vendor} has category {category:?}")))?;
    Ok((vendor, category))
}

async fn stall(tx: &mut WriteTx, unit: UnitId) -> Result<StallRow, BookingError> {
    let row: Option<StallRow> = with_tx!(tx, |conn| sqlx::query_as(
        "select u.venue_id, v.kind, u.active, u.fee, v.hold_minutes, z.categories
         from unit u join venue v on v.venue_id = u.venue_id
         join venue_zone z on z.zone_id = u.zone_id
         where u.unit_id = $1"
    )
    .bind(unit.0)
    .fetch_optional(&mut **conn)
    .await)?;
    row.ok_or(BookingError::UnknownUnit)
}

/// Holds and offers of this stall and day whose deadline has passed give the place up, in the
/// transaction about to take it.
async fn expire_lapsed(
    tx: &mut WriteTx,
    unit: UnitId,
    slot: &str,
    now: i64,
) -> Result<(), BookingError> {
    with_tx!(tx, |conn| sqlx::query(
        "update booking set state = case state when 'held' then 'expired' else 'lapsed' end,
            updated_at = $3
         where unit_id = $1 and slot = $2 and state in ('held', 'offered') and deadline <= $3"
    )
    .bind(unit.0)
    .bind(slot)
    .bind(now)
    .execute(&mut **conn)
    .await
    .map(|_| ()))?;
    Ok(())
}
