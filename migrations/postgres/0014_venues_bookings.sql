-- Venues, their zones and units, and bookings of a unit for a slot (a market day
-- `YYYY-MM-DD` for SABOAK stalls, a month `YYYY-MM` for container booths). The state of a
-- booking follows `domain::booking`; `deadline` is the hold's or the offer's.
create table venue (
    venue_id bigint generated always as identity primary key,
    slug text not null unique,
    name text not null,
    address text not null default '',
    kind text not null constraint venue_kind_known check (kind in ('booth_park', 'weekend_market')),
    opening_hours text not null default '',
    -- How long an unpaid hold keeps a unit (the job runner expires it then).
    hold_minutes bigint not null default 1440 constraint venue_hold_positive check (hold_minutes > 0),
    created_at bigint not null
);

create table venue_zone (
    zone_id bigint generated always as identity primary key,
    venue_id bigint not null references venue (venue_id),
    name text not null,
    -- The vendor categories the zone takes, comma-separated (`kuliner,minuman`).
    categories text not null,
    position bigint not null default 0,
    constraint venue_zone_name_key unique (venue_id, name)
);

create table unit (
    unit_id bigint generated always as identity primary key,
    venue_id bigint not null references venue (venue_id),
    zone_id bigint not null references venue_zone (zone_id),
    code text not null,
    size_m2 bigint not null default 4,
    electricity boolean not null default false,
    water boolean not null default false,
    -- Rupiah per period (a month or a market day); SABOAK stalls are free.
    fee bigint not null default 0 constraint unit_fee_not_negative check (fee >= 0),
    active boolean not null default true,
    -- Its place on the venue map's grid.
    grid_x bigint not null default 0,
    grid_y bigint not null default 0,
    grid_w bigint not null default 1,
    grid_h bigint not null default 1,
    constraint unit_code_key unique (venue_id, code)
);

create table booking (
    booking_id bigint generated always as identity primary key,
    unit_id bigint not null references unit (unit_id),
    venue_id bigint not null references venue (venue_id),
    vendor_id bigint not null references vendor (vendor_id),
    slot text not null,
    state text not null constraint booking_state_known check (state in ('requested', 'waitlisted',
        'offered', 'held', 'confirmed', 'checked_in', 'no_show', 'cancelled', 'expired', 'lapsed')),
    deadline bigint,
    created_at bigint not null,
    updated_at bigint not null
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
