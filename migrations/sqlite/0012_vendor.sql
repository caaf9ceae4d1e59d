-- A vendor is a record of its own, created when an application is approved: products (and
-- later bookings, payments and credit journeys) point at it, not at the application. The
-- application stays what it is, a request with its history and the owner's personal data;
-- the vendor holds the public shop. Splitting them lets a vendor edit the shop without
-- reopening the request, a rejected or erased applicant apply again (a new application, the
-- old one kept), and erasure keep the business name that receipts and ledger rows need.
--
-- SQLite cannot drop a unique constraint or repoint a foreign key, so `vendor_application`
-- and `product` are rebuilt by the documented procedure, as in 0011: foreign keys off around
-- a transaction of its own (see 0011 for why the file ends and reopens sqlx's transaction).
commit;

pragma foreign_keys = off;

begin immediate;

create table vendor (
    vendor_id integer primary key,
    account_id integer not null references account (account_id),
    -- The approved application the vendor came from.
    application_id integer not null unique references vendor_application (application_id),
    -- Active, or suspended by the Dinas (products hidden). Erasure is `erased_at`.
    status text not null default 'active'
        constraint vendor_status_known check (status in ('active', 'suspended')),
    -- Address part of the public profile (`/pelapak/v12`), revealing nothing about the person.
    public_slug text not null unique,
    -- The public shop. The business name stays after erasure: receipts and ledger rows need it.
    business_name text not null,
    category text not null,
    description text not null default '',
    business_photo text,
    -- The shop's WhatsApp number for click-to-chat (E.164).
    whatsapp text,
    -- Where the shop is: a kecamatan of Kota Kupang, or a regency outside it.
    kecamatan_id integer references kecamatan (kecamatan_id),
    outside_regency text,
    -- A new business name or category waits here for the Dinas; until then the shop stays
    -- public under the approved ones.
    pending_business_name text,
    pending_category text,
    pending_since integer,
    created_at integer not null,
    updated_at integer not null,
    erased_at integer,
    constraint vendor_one_place check (kecamatan_id is null or outside_regency is null)
);

-- One live shop per account; an erased one does not stop a new application.
create unique index vendor_one_live_per_account on vendor (account_id) where erased_at is null;
create index vendor_pending_review on vendor (pending_since) where pending_since is not null;

insert into vendor (account_id, application_id, status, public_slug, business_name, category,
    description, business_photo, whatsapp, kecamatan_id, outside_regency, created_at,
    updated_at, erased_at)
select a.account_id, a.application_id,
       case when a.status = 'approved' then 'active' else 'suspended' end,
       a.public_slug, a.business_name, a.category, a.description, a.business_photo, a.whatsapp,
       kl.kecamatan_id, a.outside_regency, coalesce(a.decided_at, a.updated_at), a.updated_at,
       a.erased_at
from vendor_application a
left join kelurahan kl on kl.kelurahan_id = a.kelurahan_id
where a.public_slug is not null;

create table vendor_application_rebuilt (
    application_id integer primary key,
    -- Several per account over time: a rejected or erased applicant applies again with a new
    -- one; at most one is open (see the index below).
    account_id integer not null references account (account_id),
    status text not null default 'draft' constraint vendor_application_status_known check (
        status in ('draft', 'submitted', 'changes_requested', 'resubmitted', 'approved',
                   'rejected', 'suspended')),
    business_name text not null default '',
    category text not null default '',
    description text not null default '',
    business_photo text,
    owner_name text not null default '',
    gender text constraint vendor_application_gender_known check (gender in ('female', 'male')),
    whatsapp text,
    kelurahan_id integer references kelurahan (kelurahan_id),
    outside_regency text,
    address text not null default '',
    placement_country text not null default '',
    years_abroad integer,
    return_year integer,
    proof_photo text,
    nik_ciphertext text,
    nik_key_id text,
    nik_hash text,
    nik_masked text,
    nib text,
    consent_version text,
    consent_at integer,
    show_returnee_details integer not null default 0,
    erasure_requested_at integer,
    erased_at integer,
    submitted_at integer,
    decided_at integer,
    created_at integer not null,
    updated_at integer not null,
    constraint vendor_application_one_place check (kelurahan_id is null or outside_regency is null)
);

insert into vendor_application_rebuilt
select application_id, account_id, status, business_name, category, description,
       business_photo, owner_name, gender, whatsapp, kelurahan_id, outside_regency, address,
       placement_country, years_abroad, return_year, proof_photo, nik_ciphertext, nik_key_id,
       nik_hash, nik_masked, nib, consent_version, consent_at, show_returnee_details,
       erasure_requested_at, erased_at, submitted_at, decided_at, created_at, updated_at
from vendor_application;

drop table vendor_application;
alter table vendor_application_rebuilt rename to vendor_application;

create index vendor_application_by_status on vendor_application (status, submitted_at);
create index vendor_application_by_account on vendor_application (account_id, application_id);
-- At most one open application per account: rejected and erased ones are history.
create unique index vendor_application_open_per_account on vendor_application (account_id)
    where status <> 'rejected' and erased_at is null;
-- One NIK holds one vendor record; a rejected application does not keep its NIK from a new one.
create unique index vendor_application_nik_hash_key on vendor_application (nik_hash)
    where status <> 'rejected';

create table product_rebuilt (
    product_id integer primary key,
    -- The vendor: public only while the vendor is active and not erased.
    vendor_id integer not null references vendor (vendor_id),
    category_id integer not null references product_category (category_id),
    name text not null,
    description text not null default '',
    price integer not null constraint product_price_positive check (price > 0),
    unit text not null,
    availability text not null default 'ready'
        constraint product_availability_known check (availability in ('ready', 'preorder', 'sold_out')),
    lead_days integer,
    visible integer not null default 1,
    created_at integer not null,
    updated_at integer not null
);

insert into product_rebuilt
select p.product_id, v.vendor_id, p.category_id, p.name, p.description, p.price, p.unit,
       p.availability, p.lead_days, p.visible, p.created_at, p.updated_at
from product p
join vendor v on v.application_id = p.application_id;

drop table product;
alter table product_rebuilt rename to product;

create index product_by_vendor on product (vendor_id, created_at);
create index product_newest on product (created_at, product_id);
create index product_by_category on product (category_id, created_at);
create index product_by_price on product (price, product_id);

-- The catalogue counter (0008): the product triggers went with the old table, and the vendor
-- columns shown beside a product now live on `vendor`.
create trigger product_inserted_changes_catalogue after insert on product
begin update catalogue_version set version = version + 1 where id = 1; end;
create trigger product_updated_changes_catalogue after update on product
begin update catalogue_version set version = version + 1 where id = 1; end;
create trigger product_deleted_changes_catalogue after delete on product
begin update catalogue_version set version = version + 1 where id = 1; end;
create trigger vendor_updated_changes_catalogue
after update of status, erased_at, business_name, public_slug, whatsapp, kecamatan_id,
    outside_regency, category
on vendor
begin update catalogue_version set version = version + 1 where id = 1; end;

commit;

pragma foreign_keys = on;

-- For sqlx's own bookkeeping, which it commits.
begin;
