//! Admins keep the category list: rename (in both languages), reorder, add. Categories are
//! never deleted here: products point at them.

use domain::category_form::CategoryEdit;
use domain::Permission;

use super::search::reindex;
use super::ProductId;
use crate::accounts::AccountId;
use crate::db::Database;
use crate::error::Error;
use crate::{with_pool, with_tx};

/// A category as admins edit it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CategoryRow {
    /// Stable key used in addresses (`/kategori/kuliner`).
    pub slug: String,
    /// Name in Bahasa Indonesia.
    pub name_id: String,
    /// Name in English.
    pub name_en: String,
    /// Display order (smallest first).
    pub position: i64,
}

impl From<CategoryEdit> for CategoryRow {
    fn from(edit: CategoryEdit) -> Self {
        CategoryRow {
            slug: edit.slug,
            name_id: edit.name_id,
            name_en: edit.name_en,
            position: i64::from(edit.position),
        }
    }
}

/// Every category with its position, for the admin page.
///
/// # Errors
/// When the database fails.
pub async fn category_rows(db: &Database) -> Result<Vec<CategoryRow>, Error> {
    Ok(with_pool!(db, |pool| sqlx::query_as(
        "select slug, name_id, name_en, cast(position as bigint) as position
         from product_category order by position, slug"
    )
    .fetch_all(pool)
    .await)?)
}

/// Adds the category, or renames and moves the one with that slug, on behalf of `actor`
/// (who needs [`Permission::ManageCategories`]). Products of a renamed category are
/// re-indexed in the same transaction, so search finds them by the new name.
///
/// # Errors
/// [`Error::Forbidden`] without the permission; when the database fails. Nothing is saved
/// then.
pub async fn save_category(
    db: &Database,
    actor: AccountId,
    category: &CategoryRow,
) -> Result<(), Error> {
    crate::access::authorize(db, actor, Permission::ManageCategories).await?;
    let mut tx = db.begin_write().await?;
    with_tx!(&mut tx, |conn| sqlx::query(
        "insert into product_category (slug, name_id, name_en, position) values ($1, $2, $3, $4)
         on conflict (slug) do update set name_id = excluded.name_id, name_en = excluded.name_en,
            position = excluded.position"
    )
    .bind(&category.slug)
    .bind(&category.name_id)
    .bind(&category.name_en)
    .bind(category.position)
    .execute(&mut **conn)
    .await
    .map(|_| ()))?;
    let products: Vec<i64> = with_tx!(&mut tx, |conn| {
        sqlx::query_scalar(
        "select p.product_id from product p join product_category c on c.category_id = p.category_id
         where c.slug = $1"
    )
    .bind(&category.slug)
    .fetch_all(&mut **conn)
    .await
    })?;
    for id in products {
        reindex(&mut tx, ProductId(id)).await?;
    }
    tx.commit().await?;
    Ok(())
}
