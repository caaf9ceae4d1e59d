//! Accounts: registration with a mobile number or email address, password login, roles, and
//! the audit trail of role changes.

mod directory;
mod hashing;
mod reset;

use domain::login_id::LoginId;
use domain::password::{check_new_password, PasswordError};
use domain::{PhoneNumber, Role};

pub use directory::{
    find_account, find_account_by_email, list_accounts, set_locale, AccountListing, AccountPage,
    AccountQuery, PAGE_SIZE,
};
pub use hashing::{HashError, PasswordHasher};
pub use reset::{
    issue_reset_link, issue_self_service_reset_link, pending_reset, reset_link_is_usable,
    reset_password, revoke_reset_links, PendingReset, ResetError, ResetToken,
    RESET_LINK_LIFETIME_SECS,
};

use crate::audit::Action;
use crate::db::constraint::{violated, Constraint};
use crate::db::{Database, WriteTx};
use crate::error::Error;
use crate::sessions::{self, SessionKey};
use crate::{with_pool, with_tx};

/// An account's database id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AccountId(pub i64);

/// A logged-in person, as the rest of the backend sees them. Deliberately not `Serialize`:
/// wire types are built from it field by field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Database id.
    pub id: AccountId,
    /// What they may do.
    pub role: Role,
    /// Mobile number, if they gave one.
    pub phone: Option<PhoneNumber>,
    /// Email address, if they gave one.
    pub email: Option<String>,
}

/// The stored row, including the password hash that must never leave this module.
#[derive(sqlx::FromRow)]
pub(crate) struct AccountRow {
    account_id: i64,
    phone: Option<String>,
    email: Option<String>,
    password_hash: String,
    role: String,
}

impl AccountRow {
    pub(crate) fn into_account(self) -> Result<Account, Error> {
        let role = Role::from_db(&self.role).ok_or_else(|| {
            Error::Corrupt(format!("account {} has role {:?}", self.account_id, self.role))
        })?;
        let phone = match self.phone {
            Some(phone) => Some(PhoneNumber::parse(&phone).map_err(|_| {
                Error::Corrupt(format!("account {} has a malformed phone", self.account_id))
            })?),
            None => None,
        };
        Ok(Account { id: AccountId(self.account_id), role, phone, email: self.email })
    }
}

/// Why a registration was refused.
#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    /// The password breaks a rule; nothing was saved.
    #[error("password refused: {0}")]
    Password(#[from] PasswordError),
    /// Another account already uses this number or address; nothing was saved.
    #[error("login already registered")]
    Taken,
    /// Storage or hashing failed.
    #[error(transparent)]
    Backend(#[from] Error),
}

/// Why a login was refused. Unknown account and wrong password are one answer, on purpose.
#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    /// No account with that login, or the wrong password.
    #[error("invalid login or password")]
    InvalidCredentials,
    /// Storage or hashing failed.
    #[error(transparent)]
    Backend(#[from] Error),
}

fn login_columns(login: &LoginId) -> (Option<&str>, Option<&str>) {
    match login {
        LoginId::Phone(phone) => (Some(phone.e164()), None),
        LoginId::Email(email) => (None, Some(email.as_str())),
    }
}

/// Creates a shopper account.
///
/// # Errors
/// [`RegisterError`]: a rule broken, the login taken, or a storage failure. Nothing is saved
/// in any of these cases.
#[tracing::instrument(skip_all)]
pub async fn register(
    db: &Database,
    hasher: &PasswordHasher,
    login: &LoginId,
    password: &str,
) -> Result<AccountId, RegisterError> {
    check_new_password(password)?;
    let hash = hasher.hash(password.to_owned()).await.map_err(Error::from)?;
    let (phone, email) = login_columns(login);
    const SQL: &str =
        "insert into account (phone, email, password_hash) values ($1, $2, $3) returning account_id";
    let inserted: Result<i64, sqlx::Error> = with_pool!(db, |pool| sqlx::query_scalar(SQL)
        .bind(phone)
        .bind(email)
        .bind(&hash)
        .fetch_one(pool)
        .await);
    match inserted {
        Ok(id) => {
            tracing::info!(account_id = id, "account registered");
            Ok(AccountId(id))
        }
        Err(error) if violated(&error, &[PHONE_TAKEN, EMAIL_TAKEN]).is_some() => {
            Err(RegisterError::Taken)
        }
        Err(other) => Err(RegisterError::Backend(other.into())),
    }
}

/// A phone number already registered (another spelling of it finds the same account).
const PHONE_TAKEN: Constraint = Constraint { name: "account_phone_key", sqlite: "account.phone" };
/// An email address already registered.
const EMAIL_TAKEN: Constraint = Constraint { name: "account_email_key", sqlite: "account.email" };

/// Checks a login and password. An unknown login costs the same hashing time as a wrong
/// password, so the answer's timing does not reveal who has an account.
///
/// # Errors
/// [`LoginError::InvalidCredentials`] for either mistake; [`LoginError::Backend`] on failure.
#[tracing::instrument(skip_all)]
pub async fn authenticate(
    db: &Database,
    hasher: &PasswordHasher,
    login: &LoginId,
    password: &str,
) -> Result<Account, LoginError> {
    let (phone, email) = login_columns(login);
    const SQL: &str = "select account_id, phone, email, password_hash, role from account
        where ($1 is not null and phone = $1) or ($2 is not null and email = $2)";
    let row: Option<AccountRow> = with_pool!(db, |pool| sqlx::query_as(SQL)
        .bind(phone)
        .bind(email)
        .fetch_optional(pool)
        .await)
    .map_err(Error::from)?;
    let Some(row) = row else {
        hasher.verify_decoy(password.to_owned()).await.map_err(Error::from)?;
        return Err(LoginError::InvalidCredentials);
    };
    let matches =
        hasher.verify(password.to_owned(), row.password_hash.clone()).await.map_err(Error::from)?;
    if matches {
        Ok(row.into_account()?)
    } else {
        Err(LoginError::InvalidCredentials)
    }
}

/// Gives an account a role, and records who did it and why in the audit log, in one
/// transaction: the change and its record exist together or not at all.
///
/// # Errors
/// When the database fails; nothing is then changed.
#[tracing::instrument(skip_all, fields(subject = subject.0, role = role.as_str()))]
pub async fn set_role(
    db: &Database,
    actor: Option<AccountId>,
    subject: AccountId,
    role: Role,
    reason: &str,
    now: i64,
) -> Result<bool, Error> {
    // `None` is the operator at the command line, who holds the machine.
    if let Some(actor) = actor {
        crate::access::authorize(db, actor, domain::Permission::ManageStaff).await?;
    }
    let mut tx = db.begin_write().await?;
    let update = format!(
        "update account set role = $1, updated_at = {} where account_id = $2 and role <> $1",
        tx.now_sql()
    );
    let changed = with_tx!(&mut tx, |conn| sqlx::query(&update)
        .bind(role.as_str())
        .bind(subject.0)
        .execute(&mut **conn)
        .await
        .map(|r| r.rows_affected() == 1))?;
    if changed {
        audit(&mut tx, actor, Action::RoleChanged(role), subject, reason, now).await?;
    }
    tx.commit().await?;
    Ok(changed)
}

/// Why a password change was refused; nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum ChangePasswordError {
    /// The current password given is not the account's.
    #[error("current password wrong")]
    WrongCurrentPassword,
    /// The new password breaks a rule.
    #[error("password refused: {0}")]
    Password(#[from] PasswordError),
    /// Storage or hashing failed.
    #[error(transparent)]
    Backend(#[from] Error),
}

/// Changes a password after checking the current one, and ends every other session of the
/// account (whoever else knew the old password is logged out). `keep` is the session the
/// change was made in.
///
/// # Errors
/// [`ChangePasswordError`]; nothing is saved in any case.
#[tracing::instrument(skip_all, fields(account = account.0))]
pub async fn change_password(
    db: &Database,
    hasher: &PasswordHasher,
    account: AccountId,
    current_password: &str,
    new_password: &str,
    keep: Option<&SessionKey>,
    now: i64,
) -> Result<(), ChangePasswordError> {
    let stored: Option<String> = with_pool!(db, |pool| sqlx::query_scalar(
        "select password_hash from account where account_id = $1"
    )
    .bind(account.0)
    .fetch_optional(pool)
    .await)
    .map_err(Error::from)?;
    let Some(stored) = stored else {
        return Err(Error::Corrupt(format!("account {} vanished", account.0)).into());
    };
    if !hasher.verify(current_password.to_owned(), stored).await.map_err(Error::from)? {
        return Err(ChangePasswordError::WrongCurrentPassword);
    }
    check_new_password(new_password)?;
    let hash = hasher.hash(new_password.to_owned()).await.map_err(Error::from)?;
    let mut tx = db.begin_write().await?;
    store_password_hash(&mut tx, account, &hash).await?;
    let keep = keep.cloned();
    with_tx!(&mut tx, |conn| sqlx::query(
        "delete from session where account_id = $1 and ($2 is null or session_key <> $2)"
    )
    .bind(account.0)
    .bind(keep.as_ref().map(SessionKey::as_stored))
    .execute(&mut **conn)
    .await
    .map(|_| ()))
    .map_err(Error::from)?;
    audit(&mut tx, Some(account), Action::PasswordChanged, account, "", now).await?;
    tx.commit().await?;
    Ok(())
}

/// Ends every session of an account, from the account page's "log out everywhere".
///
/// # Errors
/// When the database fails.
pub async fn log_out_everywhere(db: &Database, account: AccountId) -> Result<u64, Error> {
    let ended = sessions::end_all_for_account(db, account, None).await?;
    tracing::info!(account = account.0, ended, "logged out everywhere");
    Ok(ended)
}

async fn store_password_hash(
    tx: &mut WriteTx,
    account: AccountId,
    hash: &str,
) -> Result<(), Error> {
    let sql = format!(
        "update account set password_hash = $1, updated_at = {} where account_id = $2",
        tx.now_sql()
    );
    with_tx!(tx, |conn| sqlx::query(&sql)
        .bind(hash)
        .bind(account.0)
        .execute(&mut **conn)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

async fn end_sessions_in(tx: &mut WriteTx, account: AccountId) -> Result<(), Error> {
    with_tx!(tx, |conn| sqlx::query("delete from session where account_id = $1")
        .bind(account.0)
        .execute(&mut **conn)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Appends to the audit log, about an account, inside the transaction that makes the change
/// it records.
pub(crate) async fn audit(
    tx: &mut WriteTx,
    actor: Option<AccountId>,
    action: crate::audit::Action,
    subject: AccountId,
    reason: &str,
    now: i64,
) -> Result<(), Error> {
    let entry = crate::audit::Entry {
        actor,
        action,
        subject: crate::audit::Subject::account(subject),
        reason,
        at: now,
    };
    crate::audit::record(tx, &entry).await
}
