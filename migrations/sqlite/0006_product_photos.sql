-- Up to six photos per product, in the vendor's order; position 0 is the cover. The files
-- live in the object store under photo_key (content-derived, so shared rows are possible).

create table product_photo (
    photo_id integer primary key,
    product_id integer not null references product (product_id) on delete cascade,
    position integer not null,
    photo_key text not null,
    -- Size of the largest variant, for width/height attributes and the aspect ratio.
    width integer not null,
    height integer not null
);

create index product_photo_by_product on product_photo (product_id, position);
create index product_photo_by_key on product_photo (photo_key);
