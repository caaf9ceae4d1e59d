-- Venues, their zones and units, and bookings of a unit for a slot (a market day
-- `YYYY-MM-DD` for SABOAK stalls, a month `YYYY-MM` for container booths). The state of a
-- booking follows `domain::booking`; `deadline` is the hold's or the offer's.
create table venue (
    venue_id integer primary key,
    slug text not null unique,
    name text not null,
    address text not null default '',
    kind text not null constraint venue_kind_known check (kind in ('booth_park', 'weekend_market')),
    opening_hours text not null default '',
    -- How long an unpaid hold keeps a unit (the job runner expires it then).
    hold_minutes integer not null default 1440 constraint venue_hold_positive check (hold_minutes > 0),
    created_at integer not null
);

create table venue_zone (
    zone_id integer primary key,
    venue_id integer not null references venue (venue_id),
    name text not null,
    -- The vendor categories the zone takes, comma-separated (`kuliner,minuman`).
    categories text not null,
    position integer not null default 0,
    constraint venue_zone_name_key unique (venue_id, name)
);

create table unit (
    unit_id integer primary key,
    venue_id integer not null references venue (venue_id),
    zone_id integer not null references venue_zone (zone_id),
    code text not null,
    size_m2 integer not null default 4,
    electricity integer not null default 0,
    water integer not null default 0,
    -- Rupiah per period (a month or a market day); SABOAK stalls are free.
    fee integer not null default 0 constraint unit_fee_not_negative check (fee >= 0),
    active integer not null default 1,
    -- Its place on the venue map's grid.
    grid_x integer not null default 0,
    grid_y integer not null default 0,
    grid_w integer not null default 1,
    grid_h integer not null default 1,
    constraint unit_code_key unique (venue_id, code)
);

create table booking (
    booking_id integer primary key,
    unit_id integer not null references unit (unit_id),
    venue_id integer not null references venue (venue_id),
    vendor_id integer not null references vendor (vendor_id),
    slot text not null,
    state text not null constraint booking_state_known check (state in ('requested', 'waitlisted',
        'offered', 'held', 'confirmed', 'checked_in', 'no_show', 'cancelled', 'expired', 'lapsed')),
    deadline integer,
    created_at integer not null,
    updated_at integer not null
);

-- Never the same place twice: one booking per unit and slot among the states that occupy it
-- (`domain::booking::BookingState::occupies_place`).
create unique index booking_unit_slot_taken on booking (unit_id, slot)
    where state in ('offered', 'held', 'confirmed', 'checked_in', 'no_show');
-- At most one place per vendor per venue and slot.
create unique index booking_vendor_slot_taken on booking (vendor_id, venue_id, slot)
    where state in ('offered', 'held', 'confirmed', 'checked_in', 'no_show');
create index booking_by_vendor on booking (vendor_id, slot);
create index booking_deadline on booking (deadline) where state in ('held', 'offered');
