-- A counter that moves whenever anything a shopper sees in the catalogue changes: products,
-- their photos, categories, the vendor columns shown beside a product, and the kecamatan
-- list. Listing pages keep their answers in memory for as long as it stands still (one
-- indexed read per page instead of four queries), and because triggers move it, no code
-- path that writes can forget to, and every server process sharing the database sees it.
create table catalogue_version (
    id integer primary key check (id = 1),
    version integer not null
);
insert into catalogue_version (id, version) values (1, 0);

create trigger product_inserted_changes_catalogue after insert on product
begin update catalogue_version set version = version + 1 where id = 1; end;
create trigger product_updated_changes_catalogue after update on product
begin update catalogue_version set version = version + 1 where id = 1; end;
create trigger product_deleted_changes_catalogue after delete on product
begin update catalogue_version set version = version + 1 where id = 1; end;

create trigger photo_inserted_changes_catalogue after insert on product_photo
begin update catalogue_version set version = version + 1 where id = 1; end;
create trigger photo_updated_changes_catalogue after update on product_photo
begin update catalogue_version set version = version + 1 where id = 1; end;
create trigger photo_deleted_changes_catalogue after delete on product_photo
begin update catalogue_version set version = version + 1 where id = 1; end;

create trigger category_inserted_changes_catalogue after insert on product_category
begin update catalogue_version set version = version + 1 where id = 1; end;
create trigger category_updated_changes_catalogue after update on product_category
begin update catalogue_version set version = version + 1 where id = 1; end;
create trigger category_deleted_changes_catalogue after delete on product_category
begin update catalogue_version set version = version + 1 where id = 1; end;

-- Only the columns that decide whether a vendor's products are public, or that are shown with
-- them: saving an application draft does not empty the caches.
create trigger vendor_updated_changes_catalogue
after update of status, erased_at, business_name, public_slug, whatsapp, kelurahan_id
on vendor_application
begin update catalogue_version set version = version + 1 where id = 1; end;

create trigger kecamatan_inserted_changes_catalogue after insert on kecamatan
begin update catalogue_version set version = version + 1 where id = 1; end;
create trigger kecamatan_updated_changes_catalogue after update on kecamatan
begin update catalogue_version set version = version + 1 where id = 1; end;
create trigger kecamatan_deleted_changes_catalogue after delete on kecamatan
begin update catalogue_version set version = version + 1 where id = 1; end;
create trigger kelurahan_inserted_changes_catalogue after insert on kelurahan
begin update catalogue_version set version = version + 1 where id = 1; end;
create trigger kelurahan_updated_changes_catalogue after update on kelurahan
begin update catalogue_version set version = version + 1 where id = 1; end;
create trigger kelurahan_deleted_changes_catalogue after delete on kelurahan
begin update catalogue_version set version = version + 1 where id = 1; end;
