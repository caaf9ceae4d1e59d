-- A counter that moves whenever anything a shopper sees in the catalogue changes: products,
-- their photos, categories, the vendor columns shown beside a product, and the kecamatan
-- list. Listing pages keep their answers in memory for as long as it stands still (one
-- indexed read per page instead of four queries), and because triggers move it, no code
-- path that writes can forget to, and every server process sharing the database sees it.
-- The row is locked until the writing transaction ends, so catalogue writes queue behind
-- each other; they are rare next to reads.
create table catalogue_version (
    id smallint primary key check (id = 1),
    version bigint not null
);
insert into catalogue_version (id, version) values (1, 0);

create function catalogue_changed() returns trigger language plpgsql as $$
begin
    update catalogue_version set version = version + 1 where id = 1;
    return null;
end
$$;

create trigger product_changes_catalogue after insert or update or delete on product
    for each statement execute function catalogue_changed();
create trigger photo_changes_catalogue after insert or update or delete on product_photo
    for each statement execute function catalogue_changed();
create trigger category_changes_catalogue after insert or update or delete on product_category
    for each statement execute function catalogue_changed();
-- Only the columns that decide whether a vendor's products are public, or that are shown with
-- them: saving an application draft does not empty the caches.
create trigger vendor_changes_catalogue
    after update of status, erased_at, business_name, public_slug, whatsapp, kelurahan_id
    on vendor_application
    for each statement execute function catalogue_changed();
create trigger kecamatan_changes_catalogue after insert or update or delete on kecamatan
    for each statement execute function catalogue_changed();
create trigger kelurahan_changes_catalogue after insert or update or delete on kelurahan
    for each statement execute function catalogue_changed();
