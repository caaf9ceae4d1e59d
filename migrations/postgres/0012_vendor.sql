-- A vendor is a record of its own, created when an application is approved: products (and
-- later bookings, payments and credit journeys) point at it, not at the application. The
-- application stays what it is, a request with its history and the owner's personal data;
-- the vendor holds the public shop. Splitting them lets a vendor edit the shop without
-- reopening the request, a rejected or erased applicant apply again (a new application, the
-- old one kept), and erasure keep the business name that receipts and ledger rows need.

create table vendor (
    vendor_id bigint generated always as identity primary key,
    account_id bigint not null references account (account_id),
    -- The approved application the vendor came from.
    application_id bigint not null unique references vendor_application (application_id),
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
    kecamatan_id bigint references kecamatan (kecamatan_id),
    outside_regency text,
    -- A new business name or category waits here for the Dinas; until then the shop stays
    -- public under the approved ones.
    pending_business_name text,
    pending_category text,
    pending_since bigint,
    created_at bigint not null,
    updated_at bigint not null,
    erased_at bigint,
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

-- Several applications per account over time; at most one open.
drop trigger vendor_changes_catalogue on vendor_application;
alter table vendor_application drop constraint vendor_application_account_id_key;
alter table vendor_application drop constraint vendor_application_nik_hash_key;
alter table vendor_application drop column public_slug;
create index vendor_application_by_account on vendor_application (account_id, application_id);
create unique index vendor_application_open_per_account on vendor_application (account_id)
    where status <> 'rejected' and erased_at is null;
-- One NIK holds one vendor record; a rejected application does not keep its NIK from a new one.
create unique index vendor_application_nik_hash_key on vendor_application (nik_hash)
    where status <> 'rejected';

alter table product add column vendor_id bigint references vendor (vendor_id);
update product p set vendor_id = v.vendor_id from vendor v where v.application_id = p.application_id;
alter table product alter column vendor_id set not null;
drop index product_by_vendor;
alter table product drop column application_id;
create index product_by_vendor on product (vendor_id, created_at);

-- The vendor columns shown beside a product (0008's counter) now live on `vendor`.
create trigger vendor_changes_catalogue
    after update of status, erased_at, business_name, public_slug, whatsapp, kecamatan_id,
        outside_regency, category
    on vendor
    for each statement execute function catalogue_changed();
