//! `pasar-purna admin …`: account tasks done at the office's terminal.

use std::io::{BufRead, IsTerminal};

use backend::accounts::{self, PasswordHasher, RegisterError};
use backend::Database;
use domain::login_id::LoginId;
use domain::Role;

/// Why an admin command failed, in words for the person at the terminal.
#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    /// The login is neither a mobile number nor an email address.
    #[error("--login: {0}; give an Indonesian mobile number (08…) or an email address")]
    Login(domain::login_id::LoginIdError),
    /// The password was refused or could not be read.
    #[error("password: {0}")]
    Password(String),
    /// Someone already has this login.
    #[error("--login: an account with this login already exists")]
    Taken,
    /// Storage failed.
    #[error(transparent)]
    Backend(#[from] backend::Error),
}

/// Creates a super-admin. The password is read from standard input (prompted without echo on a
/// terminal), never from the command line, where it would stay in the shell history and be
/// visible to other users in the process list.
///
/// # Errors
/// [`AdminError`] saying what to fix; nothing is saved then.
pub async fn create_super_admin(db: &Database, login: &str) -> Result<(), AdminError> {
    let login = LoginId::parse(login).map_err(AdminError::Login)?;
    let password = read_password()?;
    let hasher = PasswordHasher::new(1);
    let id = match accounts::register(db, &hasher, &login, &password).await {
        Ok(id) => id,
        Err(RegisterError::Taken) => return Err(AdminError::Taken),
        Err(RegisterError::Password(rule)) => return Err(AdminError::Password(rule.to_string())),
        Err(RegisterError::Backend(error)) => return Err(error.into()),
    };
    accounts::set_role(
        db,
        None,
        id,
        Role::SuperAdmin,
        "created with `pasar-purna admin create`",
        backend::Clock::system().now(),
    )
    .await?;
    tracing::info!(account_id = id.0, "super-admin created");
    Ok(())
}

fn read_password() -> Result<String, AdminError> {
    let password = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password for the new super-admin: ")
            .map_err(|e| AdminError::Password(e.to_string()))?;
        let again = rpassword::prompt_password("Again: ")
            .map_err(|e| AdminError::Password(e.to_string()))?;
        if first != again {
            return Err(AdminError::Password("the two entries differ".into()));
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| AdminError::Password(e.to_string()))?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    };
    Ok(password)
}
