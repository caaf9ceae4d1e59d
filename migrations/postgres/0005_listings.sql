-- Products vendors list, their categories, and the full-text index shoppers search.

create table product_category (
    category_id bigint generated always as identity primary key,
    slug text not null unique,
    name_id text not null,
    name_en text not null,
    position bigint not null default 0
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
    product_id bigint generated always as identity primary key,
    -- The vendor: public only while their application is approved and not erased.
    application_id bigint not null references vendor_application (application_id),
    category_id bigint not null references product_category (category_id),
    name text not null,
    description text not null default '',
    -- Whole rupiah.
    price bigint not null constraint product_price_positive check (price > 0),
    unit text not null,
    availability text not null default 'ready'
        constraint product_availability_known check (availability in ('ready', 'preorder', 'sold_out')),
    lead_days bigint,
    -- Hidden by the vendor (kept, not shown).
    visible boolean not null default true,
    created_at bigint not null,
    updated_at bigint not null,
    -- What shoppers search (name weighted highest), written with the product.
    search tsvector not null default ''::tsvector
);

create index product_by_vendor on product (application_id, created_at);
create index product_newest on product (created_at, product_id);
create index product_by_category on product (category_id, created_at);
create index product_search_index on product using gin (search);
