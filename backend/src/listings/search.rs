//! Full-text search over product name, description, category and vendor name: SQLite FTS5 or
//! PostgreSQL `tsvector`, behind one interface. Every word typed matches as a prefix
//! ("tenu" finds "tenun"), all words must match, results are ranked with the name weighted
//! highest. Visibility is part of the query.

use domain::Rupiah;

use super::{into_products, Product, ProductId, ProductRow, PUBLIC, SELECT};
use crate::db::{Database, WriteTx};
use crate::error::Error;

/// Results per page.
pub const SEARCH_PAGE_SIZE: u32 = 24;

/// Matches are counted up to this many ("more than 1,000"): an exact count of 10,000 products
/// cost 2.5–4 ms of every listing page, the capped one 0.2 ms, and nobody pages through a
/// thousand products by number.
pub const SEARCH_COUNT_CAP: i64 = 1000;

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SearchSort {
    /// Best match first (newest when nothing was typed).
    #[default]
    Relevance,
    /// Newest first.
    Newest,
    /// Cheapest first.
    PriceUp,
    /// Dearest first.
    PriceDown,
}

/// A search with its filters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct SearchQuery {
    /// Words typed.
    pub text: String,
    /// Category slug.
    pub category: Option<String>,
    /// Vendor's kecamatan slug.
    pub kecamatan: Option<String>,
    /// Lowest price.
    pub min_price: Option<Rupiah>,
    /// Highest price.
    pub max_price: Option<Rupiah>,
    /// Only products ready to buy now.
    pub available_now: bool,
    /// Order.
    pub sort: SearchSort,
    /// Zero-based page (for the text-ranked order, and the way back).
    pub page: u32,
    /// Continue after this row of the previous page: (created_at or price, product id).
    /// Deep pages then cost what the first does; ignored for the text-ranked order.
    pub after: Option<(i64, i64)>,
}

impl SearchQuery {
    /// The sort value of `product` in this query's order, with its id: where a next page
    /// continues. `None` for the text-ranked order (a rank is not a stable position).
    #[must_use]
    pub fn cursor_of(&self, product: &Product) -> Option<(i64, i64)> {
        match self.sort {
            SearchSort::Relevance if !words(&self.text).is_empty() => None,
            SearchSort::Relevance | SearchSort::Newest => Some((product.created_at, product.id.0)),
            SearchSort::PriceUp | SearchSort::PriceDown => {
                Some((product.price.amount(), product.id.0))
            }
        }
    }
}

/// The words of a query, letters and digits only (so no search syntax can be injected), at
/// most eight.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(str::to_lowercase)
        .collect()
}

/// Writes the product's search entry (or removes it when the product is gone), in the
/// transaction that changed the product.
pub(super) async fn reindex(tx: &mut WriteTx, id: ProductId) -> Result<(), Error> {
    match tx {
        WriteTx::Sqlite(conn) => {
            sqlx::query("delete from product_search where rowid = $1")
                .bind(id.0)
                .execute(&mut **conn)
                .await?;
            sqlx::query(
                "insert into product_search (rowid, name, description, category, vendor)
                 select p.product_id, p.name, p.description, c.name_id || ' ' || c.name_en, a.business_name
                 from product p join product_category c on c.category_id = p.category_id
                 join vendor_application a on a.application_id = p.application_id
                 where p.product_id = $1",
            )
            .bind(id.0)
            .execute(&mut **conn)
            .await?;
        }
        WriteTx::Postgres(conn) => {
            sqlx::query(
                "update product p set search =
                    setweight(to_tsvector('simple', p.name), 'A')
                    || setweight(to_tsvector('simple', c.name_id || ' ' || c.name_en || ' ' || a.business_name), 'B')
                    || setweight(to_tsvector('simple', p.description), 'C')
                 from product_category c, vendor_application a
                 where p.product_id = $1 and c.category_id = p.category_id and a.application_id = p.application_id",
            )
            .bind(id.0)
            .execute(&mut **conn)
            .await?;
        }
    }
    Ok(())
}

/// Public products matching the query: one page of them, how many match in all (counted up
/// to [`SEARCH_COUNT_CAP`] + 1), and whether a next page exists.
///
/// # Errors
/// When the database fails or a row is corrupt.
pub async fn search_products(
    db: &Database,
    query: &SearchQuery,
) -> Result<(Vec<Product>, i64, bool), Error> {
    let words = words(&query.text);
    // Filters shared by both engines; a null parameter switches its condition off.
    let filters = filter_sql(true, true);
    // Counting needs only the joins its filters use: every extra join is a lookup per match.
    let count_filters = filters_for(query);
    let count_joins = count_joins_for(query);
    let order = |relevance: &str| match query.sort {
        SearchSort::Relevance if !words.is_empty() => format!("{relevance}, p.product_id desc"),
        SearchSort::Relevance | SearchSort::Newest => {
            "p.created_at desc, p.product_id desc".to_owned()
        }
        SearchSort::PriceUp => "p.price, p.product_id".to_owned(),
        SearchSort::PriceDown => "p.price desc, p.product_id desc".to_owned(),
    };
    let page_size = i64::from(SEARCH_PAGE_SIZE);
    // Keyset ("seek") paging where the order allows it: the row comparison walks the same
    // index as the order, so page 300 costs what page 1 does. $9/$10 are always bound.
    let keyset = query.after.filter(|_| query.sort != SearchSort::Relevance || words.is_empty());
    let seek = match (keyset, query.sort) {
        (None, _) => "and cast($9 as bigint) is null and cast($10 as bigint) is null",
        (Some(_), SearchSort::Relevance | SearchSort::Newest) => {
            "and (p.created_at, p.product_id) < ($9, $10)"
        }
        (Some(_), SearchSort::PriceUp) => "and (p.price, p.product_id) > ($9, $10)",
        (Some(_), SearchSort::PriceDown) => "and (p.price, p.product_id) < ($9, $10)",
    };
    let (after_value, after_id) = (keyset.map(|k| k.0), keyset.map(|k| k.1));
    let offset = if keyset.is_some() { 0 } else { i64::from(query.page) * page_size };
    // One row more than a page says whether there is a next one.
    let limit = page_size + 1;
    let cap = SEARCH_COUNT_CAP + 1;
    let min = query.min_price.map(Rupiah::amount);
    let max = query.max_price.map(Rupiah::amount);
    match db {
        Database::Sqlite(pool) => {
            // FTS5: each word quoted (so it is a plain term) and marked as a prefix.
            let matched = (!words.is_empty())
                .then(|| words.iter().map(|w| format!("\"{w}\"*")).collect::<Vec<_>>().join(" "));
            let from_match =
                "join product_search s on s.rowid = p.product_id and product_search match $1";
            let text_filter = if matched.is_some() { from_match } else { "" };
            let where_text = if matched.is_some() { "" } else { "and $1 is null" };
            let count_sql = format!(
                "select count(*) from (select 1 from product p
                 join vendor_application a on a.application_id = p.application_id {count_joins}
                 {text_filter} where {count_filters} {where_text} limit {cap}) counted"
            );
            let total: i64 = sqlx::query_scalar(&count_sql)
                .bind(&matched)
                .bind(&query.category)
                .bind(&query.kecamatan)
                .bind(min)
                .bind(max)
                .bind(query.available_now)
                .fetch_one(pool)
                .await?;
            let select = SELECT.replace(
                "left join kecamatan kc on kc.kecamatan_id = kl.kecamatan_id",
                &format!(
                    "left join kecamatan kc on kc.kecamatan_id = kl.kecamatan_id {text_filter}"
                ),
            );
            // bm25: lower is better; name counts most, then category and vendor, then description.
            let rows_sql = format!(
                "{select} where {filters} {where_text} {seek} order by {} limit $7 offset $8",
                order("bm25(product_search, 10.0, 2.0, 4.0, 4.0)")
            );
            let rows: Vec<ProductRow> = sqlx::query_as(&rows_sql)
                .bind(&matched)
                .bind(&query.category)
                .bind(&query.kecamatan)
                .bind(min)
                .bind(max)
                .bind(query.available_now)
                .bind(limit)
                .bind(offset)
                .bind(after_value)
                .bind(after_id)
                .fetch_all(pool)
                .await?;
            Ok(page_of(rows, total)?)
        }
        Database::Postgres(pool) => {
            let matched = (!words.is_empty())
                .then(|| words.iter().map(|w| format!("{w}:*")).collect::<Vec<_>>().join(" & "));
            let text_condition = "and ($1::text is null or p.search @@ to_tsquery('simple', $1))";
            let count_sql = format!(
                "select count(*) from (select 1 from product p
                 join vendor_application a on a.application_id = p.application_id {count_joins}
                 where {count_filters} {text_condition} limit {cap}) counted"
            );
            let total: i64 = sqlx::query_scalar(&count_sql)
                .bind(&matched)
                .bind(&query.category)
                .bind(&query.kecamatan)
                .bind(min)
                .bind(max)
                .bind(query.available_now)
                .fetch_one(pool)
                .await?;
            let rows_sql = format!(
                "{SELECT} where {filters} {text_condition} {seek} order by {} limit $7 offset $8",
                order("ts_rank(p.search, to_tsquery('simple', $1)) desc")
            );
            let rows: Vec<ProductRow> = sqlx::query_as(&rows_sql)
                .bind(&matched)
                .bind(&query.category)
                .bind(&query.kecamatan)
                .bind(min)
                .bind(max)
                .bind(query.available_now)
                .bind(limit)
                .bind(offset)
                .bind(after_value)
                .bind(after_id)
                .fetch_all(pool)
                .await?;
            Ok(page_of(rows, total)?)
        }
    }
}

fn page_of(mut rows: Vec<ProductRow>, total: i64) -> Result<(Vec<Product>, i64, bool), Error> {
    let more = rows.len() > SEARCH_PAGE_SIZE as usize;
    rows.truncate(SEARCH_PAGE_SIZE as usize);
    Ok((into_products(rows)?, total, more))
}

/// The filter conditions ($2–$6). A filter whose table is not joined keeps its parameter
/// (both engines insist every bound parameter is used) in a condition that is simply true.
fn filter_sql(category_joined: bool, area_joined: bool) -> String {
    let category =
        if category_joined { "($2 is null or c.slug = $2)" } else { "cast($2 as text) is null" };
    let area =
        if area_joined { "($3 is null or kc.slug = $3)" } else { "cast($3 as text) is null" };
    format!(
        "{PUBLIC} and {category} and {area}
         and ($4 is null or p.price >= $4) and ($5 is null or p.price <= $5)
         and (not $6 or p.availability = 'ready')"
    )
}

fn filters_for(query: &SearchQuery) -> String {
    filter_sql(query.category.is_some(), query.kecamatan.is_some())
}

fn count_joins_for(query: &SearchQuery) -> String {
    let mut joins = String::new();
    if query.category.is_some() {
        joins.push_str(" join product_category c on c.category_id = p.category_id");
    }
    if query.kecamatan.is_some() {
        joins.push_str(
            " left join kelurahan kl on kl.kelurahan_id = a.kelurahan_id
              left join kecamatan kc on kc.kecamatan_id = kl.kecamatan_id",
        );
    }
    joins
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn only_letters_and_digits_reach_the_search_engine() {
        assert_eq!(words("Se'i  babi\"* OR tenun"), ["se", "i", "babi", "or", "tenun"]);
        assert_eq!(words("\"*:&|!()"), Vec::<String>::new());
    }
}
