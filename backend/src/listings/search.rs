//! Full-text search over product name, description, category and vendor name: SQLite FTS5 or
//! PostgreSQL `tsvector`, behind one interface. Every word typed matches as a prefix
//! ("tenu" finds "tenun"), all words must match, results are ranked with the name weighted
//! highest. Visibility is part of the query.

use domain::Rupiah;

use super::{
    into_products, Product, ProductId, ProductRow, COLUMNS, PRODUCT_JOINS, PUBLIC, SELECT,
};
use crate::db::{Database, WriteTx};
use crate::error::Error;
use crate::with_pool;

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
                 select p.product_id, p.name, p.description, c.name_id || ' ' || c.name_en, v.business_name
                 from product p join product_category c on c.category_id = p.category_id
                 join vendor v on v.vendor_id = p.vendor_id
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
                    || setweight(to_tsvector('simple', c.name_id || ' ' || c.name_en || ' ' || v.business_name), 'B')
                    || setweight(to_tsvector('simple', p.description), 'C')
                 from product_category c, vendor v
                 where p.product_id = $1 and c.category_id = p.category_id and v.vendor_id = p.vendor_id",
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
    let plan = Plan::new(query, !words.is_empty());
    if words.is_empty() {
        browse(db, query, &plan).await
    } else {
        find(db, query, &plan, &words).await
    }
}

/// What the page, count and seek of a listing bind: the page, the seek and the price bounds
/// in whole rupiah.
struct Plan {
    /// Keyset ("seek") paging where the order allows it: the row comparison walks the same
    /// index as the order, so page 300 costs what page 1 does.
    keyset: Option<(i64, i64)>,
    offset: i64,
    /// One row more than a page says whether there is a next one.
    limit: i64,
    /// Price bounds in whole rupiah.
    min: Option<i64>,
    max: Option<i64>,
}

impl Plan {
    fn new(query: &SearchQuery, ranked: bool) -> Plan {
        let page_size = i64::from(SEARCH_PAGE_SIZE);
        let keyset = query.after.filter(|_| !(ranked && query.sort == SearchSort::Relevance));
        Plan {
            keyset,
            offset: if keyset.is_some() { 0 } else { i64::from(query.page) * page_size },
            limit: page_size + 1,
            min: query.min_price.map(Rupiah::amount),
            max: query.max_price.map(Rupiah::amount),
        }
    }

    /// The seek condition on `t` (`p` or the hits), with $9/$10 always bound.
    fn seek(&self, sort: SearchSort, t: &str) -> String {
        match (self.keyset, sort) {
            (None, _) => {
                "and cast($9 as bigint) is null and cast($10 as bigint) is null".to_owned()
            }
            (Some(_), SearchSort::Relevance | SearchSort::Newest) => {
                format!("and ({t}.created_at, {t}.product_id) < ($9, $10)")
            }
            (Some(_), SearchSort::PriceUp) => {
                format!("and ({t}.price, {t}.product_id) > ($9, $10)")
            }
            (Some(_), SearchSort::PriceDown) => {
                format!("and ({t}.price, {t}.product_id) < ($9, $10)")
            }
        }
    }
}

/// The order on `t`, with `relevance` for the ranked order.
fn order_by(sort: SearchSort, t: &str, relevance: &str) -> String {
    match sort {
        SearchSort::Relevance if !relevance.is_empty() => {
            format!("{relevance}, {t}.product_id desc")
        }
        SearchSort::Relevance | SearchSort::Newest => {
            format!("{t}.created_at desc, {t}.product_id desc")
        }
        SearchSort::PriceUp => format!("{t}.price, {t}.product_id"),
        SearchSort::PriceDown => format!("{t}.price desc, {t}.product_id desc"),
    }
}

/// Binds $1–$10 of a listing query: the text, the filters, the page and the seek.
macro_rules! bind_listing {
    ($sql:expr, $matched:expr, $query:expr, $plan:expr) => {
        $sql.bind($matched)
            .bind(&$query.category)
            .bind(&$query.kecamatan)
            .bind($plan.min)
            .bind($plan.max)
            .bind($query.available_now)
            .bind($plan.limit)
            .bind($plan.offset)
            .bind($plan.keyset.map(|k| k.0))
            .bind($plan.keyset.map(|k| k.1))
    };
}

/// Nothing typed: the catalogue in the chosen order, walking the index of that order.
async fn browse(
    db: &Database,
    query: &SearchQuery,
    plan: &Plan,
) -> Result<(Vec<Product>, i64, bool), Error> {
    let total = count(db, query, plan, None).await?;
    let sql = format!(
        "{SELECT} where {} and cast($1 as text) is null {} order by {} limit $7 offset $8",
        filter_sql(PUBLIC, true, true),
        plan.seek(query.sort, "p"),
        order_by(query.sort, "p", "")
    );
    let rows: Vec<ProductRow> =
        with_pool!(db, |pool| bind_listing!(sqlx::query_as(&sql), None::<String>, query, plan)
            .fetch_all(pool)
            .await)?;
    page_of(rows, total)
}

/// A product row with how many products matched.
#[derive(sqlx::FromRow)]
struct FoundRow {
    #[sqlx(flatten)]
    product: ProductRow,
    total: i64,
}

/// How an engine matches typed words ($1) and ranks them.
struct TextMatch {
    /// The tables a match comes from, `product p` and its vendor `a` among them.
    from: &'static str,
    /// The condition on $1.
    condition: &'static str,
    /// The rank of a match.
    score: &'static str,
    /// The order of ranks, best first (on the hits `h`).
    best_first: &'static str,
    /// The condition that makes a product public.
    public: &'static str,
}

/// FTS5: bm25 is lower for better matches; the name counts most, then category and vendor,
/// then the description.
const SQLITE_MATCH: TextMatch = TextMatch {
    from: "product_search s join product p on p.product_id = s.rowid
        join vendor v on v.vendor_id = p.vendor_id",
    condition: "product_search match $1",
    score: "bm25(product_search, 10.0, 2.0, 4.0, 4.0)",
    best_first: "h.score",
    public: PUBLIC,
};

/// `tsvector` with weights A (name), B (category, vendor), C (description). The plain vendor
/// status condition lets PostgreSQL see how many vendors are active and hash-join them to the
/// matches: 7.5 ms for ~1,900 matches, against 14.5 ms when it looked the matches up once per
/// vendor.
const POSTGRES_MATCH: TextMatch = TextMatch {
    from: "product p join vendor v on v.vendor_id = p.vendor_id",
    condition: "p.search @@ to_tsquery('simple', $1)",
    score: "ts_rank(p.search, to_tsquery('simple', $1))",
    best_first: "h.score desc",
    public: PUBLIC,
};

/// The engine's way of matching, and the words as its query language says "all of these
/// words, each as a prefix". Only letters and digits reach here, quoted on SQLite.
fn text_match(db: &Database, words: &[String]) -> (&'static TextMatch, String) {
    match db {
        Database::Sqlite(_) => {
            (&SQLITE_MATCH, words.iter().map(|w| format!("\"{w}\"*")).collect::<Vec<_>>().join(" "))
        }
        Database::Postgres(_) => (
            &POSTGRES_MATCH,
            words.iter().map(|w| format!("{w}:*")).collect::<Vec<_>>().join(" & "),
        ),
    }
}

/// Words typed: every match is found and ranked once (`hits`), then only the page's rows are
/// joined to their category, vendor and cover. Joining first built those columns, the
/// description included, for every match only to keep 24; counting in a second statement ran
/// the match twice (PostgreSQL: 16 ms instead of 27 ms for ~1,900 matches).
async fn find(
    db: &Database,
    query: &SearchQuery,
    plan: &Plan,
    words: &[String],
) -> Result<(Vec<Product>, i64, bool), Error> {
    let (engine, matched) = text_match(db, words);
    let relevance = query.sort == SearchSort::Relevance;
    let score = if relevance { engine.score } else { "0" };
    let order = order_by(query.sort, "h", if relevance { engine.best_first } else { "" });
    let sql = format!(
        "with hits as materialized (
            select p.product_id, p.created_at, p.price, {score} as score
            from {from} {joins}
            where {condition} and {filters}
         ),
         page as (
            select * from hits h where true {seek} order by {order} limit $7 offset $8
         )
         {COLUMNS}, (select count(*) from (select 1 from hits limit {cap}) capped) as total
         from page h join product p on p.product_id = h.product_id
         {PRODUCT_JOINS}
         order by {order}",
        from = engine.from,
        joins = count_joins_for(query),
        condition = engine.condition,
        filters = filters_for(query, engine.public),
        seek = plan.seek(query.sort, "h"),
        cap = SEARCH_COUNT_CAP + 1,
    );
    let rows: Vec<FoundRow> =
        with_pool!(db, |pool| bind_listing!(sqlx::query_as(&sql), &matched, query, plan)
            .fetch_all(pool)
            .await)?;
    let total = match rows.first() {
        Some(row) => row.total,
        // Past the last page the page is empty and says nothing of the count.
        None if plan.offset > 0 || plan.keyset.is_some() => {
            count(db, query, plan, Some((engine, &matched))).await?
        }
        None => 0,
    };
    page_of(rows.into_iter().map(|row| row.product).collect(), total)
}

/// How many products match (up to [`SEARCH_COUNT_CAP`] + 1), joining only what the filters
/// need: every extra join is a lookup per match.
async fn count(
    db: &Database,
    query: &SearchQuery,
    plan: &Plan,
    text: Option<(&TextMatch, &str)>,
) -> Result<i64, Error> {
    let (from, condition, public) = match text {
        Some((engine, _)) => (engine.from, engine.condition, engine.public),
        None => (
            "product p join vendor v on v.vendor_id = p.vendor_id",
            "cast($1 as text) is null",
            PUBLIC,
        ),
    };
    let sql = format!(
        "select count(*) from (select 1 from {from} {joins}
         where {condition} and {filters} limit {cap}) counted",
        joins = count_joins_for(query),
        filters = filters_for(query, public),
        cap = SEARCH_COUNT_CAP + 1,
    );
    let total: i64 = with_pool!(db, |pool| sqlx::query_scalar(&sql)
        .bind(text.map(|(_, matched)| matched))
        .bind(&query.category)
        .bind(&query.kecamatan)
        .bind(plan.min)
        .bind(plan.max)
        .bind(query.available_now)
        .fetch_one(pool)
        .await)?;
    Ok(total)
}

fn page_of(mut rows: Vec<ProductRow>, total: i64) -> Result<(Vec<Product>, i64, bool), Error> {
    let more = rows.len() > SEARCH_PAGE_SIZE as usize;
    rows.truncate(SEARCH_PAGE_SIZE as usize);
    Ok((into_products(rows)?, total, more))
}

/// The filter conditions ($2–$6). A filter whose table is not joined keeps its parameter
/// (both engines insist every bound parameter is used) in a condition that is simply true.
fn filter_sql(public: &str, category_joined: bool, area_joined: bool) -> String {
    let category =
        if category_joined { "($2 is null or c.slug = $2)" } else { "cast($2 as text) is null" };
    let area =
        if area_joined { "($3 is null or kc.slug = $3)" } else { "cast($3 as text) is null" };
    format!(
        "{public} and {category} and {area}
         and ($4 is null or p.price >= $4) and ($5 is null or p.price <= $5)
         and (not $6 or p.availability = 'ready')"
    )
}

fn filters_for(query: &SearchQuery, public: &str) -> String {
    filter_sql(public, query.category.is_some(), query.kecamatan.is_some())
}

fn count_joins_for(query: &SearchQuery) -> String {
    let mut joins = String::new();
    if query.category.is_some() {
        joins.push_str(" join product_category c on c.category_id = p.category_id");
    }
    if query.kecamatan.is_some() {
        joins.push_str(" left join kecamatan kc on kc.kecamatan_id = v.kecamatan_id");
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
