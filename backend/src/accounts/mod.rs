//! Accounts: registration with a mobile number or email address, password login, roles, and
//! the audit trail of role changes.

mod hashing;

use domain::login_id::LoginId;
use domain::password::{check_new_password, PasswordError};
use domain::{PhoneNumber, Role};

pub use hashing::{HashError, PasswordHasher};

use crate::db::Database;
use crate::error::Error;
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
struct AccountRow {
    account_id: i64,
    phone: Option<String>,
    email: Option<String>,
    password_hash: String,
    role: String,
}

impl AccountRow {
    fn into_account(self) -> Result<Account, Error> {
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
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => Err(RegisterError::Taken),
        Err(other) => Err(RegisterError::Backend(other.into())),
    }
}

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
) -> Result<bool, Error> {
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
        with_tx!(&mut tx, |conn| sqlx::query(
            "insert into audit_log (actor_account_id, action, subject_account_id, reason)
             values ($1, $2, $3, $4)"
        )
        .bind(actor.map(|a| a.0))
        .bind(format!("role:{}", role.as_str()))
        .bind(subject.0)
        .bind(reason)
        .execute(&mut **conn)
        .await
        .map(|_| ()))?;
    }
    tx.commit().await?;
    Ok(changed)
}
