//! A vendor's own shop profile: what they change from `/lapak`, and the Dinas's review of a
//! new business name or category. Description, WhatsApp and area apply at once; a new name
//! or category waits on the vendor record (`pending_*`) while the shop stays public under the
//! approved ones, because the city approved the business by that name and kind.

use domain::notice::Notice;
use domain::shop::ShopEdit;

use super::model::ApplicationId;
use super::record::{VendorId, ACTIVE};
use crate::accounts::AccountId;
use crate::audit::{self, Action, Entry, Subject, SubjectKind};
use crate::db::{Database, WriteTx};
use crate::error::Error;
use crate::notices::notify;
use crate::{with_pool, with_tx};

/// A shop as its vendor edits it and an officer reviews it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Shop {
    /// The vendor record.
    pub vendor_id: i64,
    /// The application it came from.
    pub application_id: i64,
    /// The vendor's account.
    pub account_id: i64,
    /// Profile address part.
    pub public_slug: String,
    /// Approved business name.
    pub business_name: String,
    /// Approved category value.
    pub category: String,
    /// Description.
    pub description: String,
    /// WhatsApp number (E.164).
    pub whatsapp: Option<String>,
    /// Kecamatan slug; `None` outside Kota Kupang.
    pub kecamatan: Option<String>,
    /// A new business name waiting for the Dinas.
    pub pending_business_name: Option<String>,
    /// A new category waiting for the Dinas.
    pub pending_category: Option<String>,
    /// The shop's photo (a public file of the media store).
    pub business_photo: Option<String>,
}

impl Shop {
    /// Whether a new name or category waits for review.
    #[must_use]
    pub fn awaits_review(&self) -> bool {
        self.pending_business_name.is_some() || self.pending_category.is_some()
    }
}

const SELECT: &str = "select v.vendor_id, v.application_id, v.account_id, v.public_slug,
        v.business_name, v.category, v.description, v.whatsapp, kc.slug as kecamatan,
        v.pending_business_name, v.pending_category, v.business_photo
    from vendor v left join kecamatan kc on kc.kecamatan_id = v.kecamatan_id";

/// The account's active shop, if it runs one.
///
/// # Errors
/// When the database fails.
pub async fn own_shop(db: &Database, account: AccountId) -> Result<Option<Shop>, Error> {
    let sql = format!("{SELECT} where v.account_id = $1 and {ACTIVE}");
    Ok(with_pool!(db, |pool| sqlx::query_as(&sql).bind(account.0).fetch_optional(pool).await)?)
}

/// The live (not erased) shop made from an application, for the officer reviewing it.
///
/// # Errors
/// When the database fails.
pub async fn shop_of_application(
    db: &Database,
    application: ApplicationId,
) -> Result<Option<Shop>, Error> {
    let sql = format!("{SELECT} where v.application_id = $1 and v.erased_at is null");
    Ok(with_pool!(db, |pool| sqlx::query_as(&sql).bind(application.0).fetch_optional(pool).await)?)
}

/// Why a shop change was not saved; nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum ShopError {
    /// No active shop (none, suspended or erased).
    #[error("not an active vendor")]
    NotAVendor,
    /// The kecamatan is not one of Kota Kupang's.
    #[error("unknown kecamatan")]
    UnknownKecamatan,
    /// No new name or category waits for review.
    #[error("nothing to review")]
    NothingPending,
    /// Refusing a change needs a reason the vendor can act on.
    #[error("reason required")]
    ReasonRequired,
    /// The officer's own shop: a second officer must decide.
    #[error("own shop")]
    OwnShop,
    /// Storage failed.
    #[error(transparent)]
    Backend(#[from] Error),
}

impl From<sqlx::Error> for ShopError {
    fn from(error: sqlx::Error) -> Self {
        ShopError::Backend(error.into())
    }
}

/// What saving the profile did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShopSaved {
    /// A new business name or category now waits for the Dinas.
    pub awaits_review: bool,
}

/// Saves the vendor's shop profile in one transaction: description, WhatsApp and area at
/// once; a business name or category that differs from the approved one is kept for review
/// (choosing the approved one again withdraws it). Both kinds of change are audit-logged
/// with the names of the fields, never their values.
///
/// # Errors
/// [`ShopError`]; nothing is saved then.
pub async fn update_shop(
    db: &Database,
    account: AccountId,
    edit: &ShopEdit,
    now: i64,
) -> Result<ShopSaved, ShopError> {
    crate::access::authorize(db, account, domain::Permission::ManageOwnShop).await?;
    let current = own_shop(db, account).await?.ok_or(ShopError::NotAVendor)?;
    let kecamatan: Option<i64> = match &edit.kecamatan {
        Some(slug) => Some(
            with_pool!(db, |pool| sqlx::query_scalar(
                "select kecamatan_id from kecamatan where slug = $1"
            )
            .bind(slug)
            .fetch_optional(pool)
            .await)?
            .ok_or(ShopError::UnknownKecamatan)?,
        ),
        None => None,
    };
    let new_name = (edit.business_name != current.business_name).then_some(&edit.business_name);
    let new_category =
        (edit.category.as_str() != current.category).then_some(edit.category.as_str());
    let mut changed: Vec<&str> = Vec::new();
    if edit.description != current.description {
        changed.push("description");
    }
    if current.whatsapp.as_deref() != Some(edit.whatsapp.e164()) {
        changed.push("whatsapp");
    }
    if edit.kecamatan != current.kecamatan {
        changed.push("kecamatan");
    }
    let proposed: Vec<&str> = [new_name.map(|_| "business_name"), new_category.map(|_| "category")]
        .into_iter()
        .flatten()
        .collect();
    let proposal_changed = current.pending_business_name.as_ref() != new_name
        || current.pending_category.as_deref() != new_category;

    let mut tx = db.begin_write().await?;
    // The active condition again inside the transaction: a suspension that landed meanwhile
    // wins, and nothing is saved.
    let sql = format!(
        "update vendor as v set description = $1, whatsapp = $2, kecamatan_id = $3,
            outside_regency = case when $3 is null then v.outside_regency end,
            pending_business_name = $4, pending_category = $5,
            pending_since = case when $4 is null and $5 is null then null
                                 else coalesce(v.pending_since, $6) end,
            updated_at = $6
         where v.vendor_id = $7 and {ACTIVE}"
    );
    let rows = with_tx!(&mut tx, |conn| sqlx::query(&sql)
        .bind(&edit.description)
        .bind(edit.whatsapp.e164())
        .bind(kecamatan)
        .bind(new_name)
        .bind(new_category)
        .bind(now)
        .bind(current.vendor_id)
        .execute(&mut **conn)
        .await
        .map(|r| r.rows_affected()))?;
    if rows != 1 {
        return Err(ShopError::NotAVendor);
    }
    let vendor = VendorId(current.vendor_id);
    if !changed.is_empty() {
        log(&mut tx, Some(account), Action::ShopProfileChanged, vendor, &changed.join(", "), now)
            .await?;
    }
    if proposal_changed && !proposed.is_empty() {
        log(&mut tx, Some(account), Action::ShopChangeProposed, vendor, &proposed.join(", "), now)
            .await?;
    }
    tx.commit().await?;
    tracing::info!(vendor = vendor.0, ?changed, ?proposed, "shop profile saved");
    Ok(ShopSaved { awaits_review: !proposed.is_empty() })
}

/// The Dinas's answer to a new business name or category: accepted, it becomes the shop's
/// (and what search finds the shop's products by); refused, it is dropped and the reason is
/// logged. Never on the officer's own shop.
///
/// # Errors
/// [`ShopError`]; nothing is changed then.
pub async fn decide_shop_change(
    db: &Database,
    actor: AccountId,
    application: ApplicationId,
    accept: bool,
    reason: &str,
    now: i64,
) -> Result<(), ShopError> {
    crate::access::authorize(db, actor, domain::Permission::ReviewApplications).await?;
    let reason = reason.trim();
    if !accept && reason.is_empty() {
        return Err(ShopError::ReasonRequired);
    }
    let shop = shop_of_application(db, application).await?.ok_or(ShopError::NothingPending)?;
    if shop.account_id == actor.0 {
        return Err(ShopError::OwnShop);
    }
    if !shop.awaits_review() {
        return Err(ShopError::NothingPending);
    }
    let mut tx = db.begin_write().await?;
    // Accepting takes the proposal over; either way it is cleared. Only the proposal the
    // officer saw: a vendor's newer one waits for its own review.
    let take_over = if accept {
        "business_name = coalesce(pending_business_name, business_name),
         category = coalesce(pending_category, category),"
    } else {
        ""
    };
    let sql = format!(
        "update vendor set {take_over} pending_business_name = null, pending_category = null,
            pending_since = null, updated_at = $1
         where vendor_id = $2 and pending_business_name is not distinct from $3
           and pending_category is not distinct from $4 and erased_at is null"
    );
    let rows = with_tx!(&mut tx, |conn| sqlx::query(&sql)
        .bind(now)
        .bind(shop.vendor_id)
        .bind(&shop.pending_business_name)
        .bind(&shop.pending_category)
        .execute(&mut **conn)
        .await
        .map(|r| r.rows_affected()))?;
    if rows != 1 {
        return Err(ShopError::NothingPending);
    }
    let vendor = VendorId(shop.vendor_id);
    if accept && shop.pending_business_name.is_some() {
        reindex_products(&mut tx, vendor).await?;
    }
    let action = if accept { Action::ShopChangeAccepted } else { Action::ShopChangeRefused };
    log(&mut tx, Some(actor), action, vendor, reason, now).await?;
    let notice = if accept {
        Notice::ShopChangeAccepted
    } else {
        Notice::ShopChangeRefused { reason: reason.to_owned() }
    };
    let owner = AccountId(shop.account_id);
    notify(&mut tx, owner, &notice, Some(ApplicationId(shop.application_id)), now).await?;
    tx.commit().await?;
    Ok(())
}

/// Search finds products by their vendor's name too: a new name is re-indexed with them.
async fn reindex_products(tx: &mut WriteTx, vendor: VendorId) -> Result<(), Error> {
    let products: Vec<i64> = with_tx!(&mut *tx, |conn| sqlx::query_scalar(
        "select product_id from product where vendor_id = $1"
    )
    .bind(vendor.0)
    .fetch_all(&mut **conn)
    .await)?;
    for product in products {
        crate::listings::reindex_in(tx, crate::listings::ProductId(product)).await?;
    }
    Ok(())
}

pub(super) async fn log(
    tx: &mut WriteTx,
    actor: Option<AccountId>,
    action: Action,
    vendor: VendorId,
    reason: &str,
    at: i64,
) -> Result<(), Error> {
    let subject = Subject { kind: SubjectKind::Vendor, id: vendor.0 };
    audit::record(tx, &Entry { actor, action, subject, reason, at }).await
}
