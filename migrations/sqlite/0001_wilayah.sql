-- Kota Kupang's administrative areas: reference data for addresses, filters and reports.
-- Loaded by `seed-demo` from backend/data/kupang-wilayah.csv, not by this migration, so that
-- the city can correct names without a schema change.

create table kecamatan (
    kecamatan_id integer primary key,
    -- URL- and form-safe key (`kelapa-lima`); unique so that seeding twice inserts nothing.
    slug text not null unique,
    name text not null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

create table kelurahan (
    kelurahan_id integer primary key,
    kecamatan_id integer not null references kecamatan (kecamatan_id),
    name text not null,
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- A kelurahan name is unique within its kecamatan (it is what people write on forms).
    constraint kelurahan_name_unique unique (kecamatan_id, name)
);
