//! The admin's list of accounts: search by phone number or email, filter by role, page through.

use domain::Role;

use super::{Account, AccountId, AccountRow};
use crate::db::Database;
use crate::error::Error;
use crate::with_pool;

/// What the admin asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccountQuery {
    /// Part of a phone number (any spelling: `0812…`, `+62 812…`) or of an email address.
    pub search: String,
    /// Only accounts with this role.
    pub role: Option<Role>,
    /// Zero-based page number.
    pub page: u32,
}

/// Accounts per page.
pub const PAGE_SIZE: u32 = 50;

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountListing {
    /// The account.
    pub account: Account,
    /// Registration date, `YYYY-MM-DD` (UTC).
    pub registered_on: String,
}

/// A page of the list and how many accounts match in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountPage {
    /// This page's rows, newest accounts first.
    pub rows: Vec<AccountListing>,
    /// Matching accounts on all pages.
    pub total: i64,
}

/// Turns what the admin typed into a `LIKE` pattern on the stored form: digits of a phone
/// number with the national `0` replaced by `62`, or a lowercased email fragment.
fn search_pattern(search: &str) -> Option<(&'static str, String)> {
    let search = search.trim();
    if search.is_empty() {
        return None;
    }
    let looks_like_phone = search
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | ' ' | '.' | '(' | ')'));
    if looks_like_phone {
        let digits: String = search.chars().filter(char::is_ascii_digit).collect();
        let digits = match digits.strip_prefix('0') {
            Some(rest) => format!("62{rest}"),
            None => digits,
        };
        Some(("phone", format!("%{}%", crate::db::escape_like(&digits))))
    } else {
        Some(("email", format!("%{}%", crate::db::escape_like(&search.to_lowercase()))))
    }
}

/// Lists accounts matching the query.
///
/// # Errors
/// When the database fails.
pub async fn list_accounts(db: &Database, query: &AccountQuery) -> Result<AccountPage, Error> {
    let (column, pattern) = match search_pattern(&query.search) {
        Some((column, pattern)) => (Some(column), Some(pattern)),
        None => (None, None),
    };
    // Both filters are optional: a null parameter switches its condition off.
    let filter = format!(
        "from account where ($1 is null or {column} like $1 escape '\\')
           and ($2 is null or role = $2)",
        column = column.unwrap_or("email")
    );
    let role = query.role.map(Role::as_str);
    let count_sql = format!("select count(*) {filter}");
    let total: i64 = with_pool!(db, |pool| sqlx::query_scalar(&count_sql)
        .bind(pattern.as_deref())
        .bind(role)
        .fetch_one(pool)
        .await)?;
    let rows_sql = format!(
        "select account_id, phone, email, password_hash, role,
                substr(cast(created_at as text), 1, 10) as registered_on
         {filter} order by account_id desc limit $3 offset $4"
    );
    let rows: Vec<ListingRow> = with_pool!(db, |pool| sqlx::query_as(&rows_sql)
        .bind(pattern.as_deref())
        .bind(role)
        .bind(i64::from(PAGE_SIZE))
        .bind(i64::from(query.page) * i64::from(PAGE_SIZE))
        .fetch_all(pool)
        .await)?;
    let rows = rows
        .into_iter()
        .map(|row| {
            Ok(AccountListing {
                registered_on: row.registered_on,
                account: row.account.into_account()?,
            })
        })
        .collect::<Result<_, Error>>()?;
    Ok(AccountPage { rows, total })
}

#[derive(sqlx::FromRow)]
struct ListingRow {
    #[sqlx(flatten)]
    account: AccountRow,
    registered_on: String,
}

/// One account by id.
///
/// # Errors
/// When the database fails or the row is corrupt.
pub async fn find_account(db: &Database, id: AccountId) -> Result<Option<Account>, Error> {
    const SQL: &str =
        "select account_id, phone, email, password_hash, role from account where account_id = $1";
    let row: Option<AccountRow> =
        with_pool!(db, |pool| sqlx::query_as(SQL).bind(id.0).fetch_optional(pool).await)?;
    row.map(AccountRow::into_account).transpose()
}

/// Stores the language the person reads the site in, for what is written to them without a
/// request to answer (the mail of a notice).
///
/// # Errors
/// When the database fails.
pub async fn set_locale(db: &Database, id: AccountId, locale: domain::Locale) -> Result<(), Error> {
    with_pool!(db, |pool| sqlx::query(
        "update account set locale = $2 where account_id = $1 and locale <> $2"
    )
    .bind(id.0)
    .bind(locale.code())
    .execute(pool)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// The account with this (lowercased) email address, if any.
///
/// # Errors
/// When the database fails or the row is corrupt.
pub async fn find_account_by_email(db: &Database, email: &str) -> Result<Option<Account>, Error> {
    const SQL: &str =
        "select account_id, phone, email, password_hash, role from account where email = $1";
    let row: Option<AccountRow> =
        with_pool!(db, |pool| sqlx::query_as(SQL).bind(email).fetch_optional(pool).await)?;
    row.map(AccountRow::into_account).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_national_number_fragment_searches_the_stored_international_form() {
        assert_eq!(search_pattern("0812-3456"), Some(("phone", "%628123456%".to_owned())));
        assert_eq!(search_pattern(" +62 812 "), Some(("phone", "%62812%".to_owned())));
    }

    #[test]
    fn email_fragments_are_lowercased_and_wildcards_are_literal() {
        assert_eq!(search_pattern("Ana_B%"), Some(("email", "%ana\\_b\\%%".to_owned())));
        assert_eq!(search_pattern("   "), None);
    }
}
