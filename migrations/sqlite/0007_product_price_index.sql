-- "Cheapest first" and "dearest first" walk this index instead of sorting every product:
-- page 300 of the price-sorted listing over 10,000 products went from 56 ms to 7 ms.
create index product_by_price on product (price, product_id);
