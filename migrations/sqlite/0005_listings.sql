-- Products vendors list, their categories, and the full-text index shoppers search.

create table product_category (
    category_id integer primary key,
    slug text not null unique,
    name_id text not null,
    name_en text not null,
    position integer not null default 0
);

insert into product_category (slug, name_id, name_en, position) values
    ('kuliner', 'Kuliner', 'Food', 1),
    ('minuman', 'Minuman', 'Drinks', 2),
    ('tenun-fesyen', 'Tenun & fesyen', 'Tenun & fashion', 3),
    ('kerajinan', 'Kerajinan', 'Crafts', 4),
    ('hasil-bumi', 'Hasil bumi & pertanian', 'Produce & farming', 5),
    ('kecantikan-kesehatan', 'Kecantikan & kesehatan', 'Beauty & health', 6),
    ('jasa', 'Jasa', 'Services', 7),
    ('lainnya', 'Lainnya', 'Other', 8);

create table product (
    product_id integer primary key,
    -- The vendor: public only while their application is approved and not erased.
    application_id integer not null references vendor_application (application_id),
    category_id integer not null references product_category (category_id),
    name text not null,
    description text not null default '',
    -- Whole rupiah.
    price integer not null constraint product_price_positive check (price > 0),
    unit text not null,
    availability text not null default 'ready'
        constraint product_availability_known check (availability in ('ready', 'preorder', 'sold_out')),
    lead_days integer,
    -- Hidden by the vendor (kept, not shown).
    visible integer not null default 1,
    created_at integer not null,
    updated_at integer not null
);

create index product_by_vendor on product (application_id, created_at);
create index product_newest on product (created_at, product_id);
create index product_by_category on product (category_id, created_at);

-- What shoppers search: rowid is the product id. Written in the same transaction as the
-- product; diacritics removed so "sei" finds "se'i"-like spellings.
create virtual table product_search using fts5(
    name, description, category, vendor,
    tokenize = 'unicode61 remove_diacritics 2'
);
