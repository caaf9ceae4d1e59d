//! Which named constraint a failed write broke, on either engine, so a service can turn
//! "the database refused" into the typed answer it means ("that number is registered",
//! "that stall is taken") and every other failure stays a failure.
//!
//! PostgreSQL names the constraint in the error. SQLite names the columns of a unique
//! constraint (`UNIQUE constraint failed: account.phone`) and the name of a check
//! (`CHECK constraint failed: account_role_known`), so each constraint is declared with both.

/// A unique or check constraint a write may break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Constraint {
    /// Its name on PostgreSQL (`account_phone_key` for an inline `unique`).
    pub name: &'static str,
    /// What SQLite's message names: `table.column[, table.column]` for a unique constraint,
    /// the constraint's own name for a named check.
    pub sqlite: &'static str,
}

/// The constraint of `candidates` that `error` reports broken, if it is one of them.
#[must_use]
pub fn violated<'a>(error: &sqlx::Error, candidates: &'a [Constraint]) -> Option<&'a Constraint> {
    let sqlx::Error::Database(database) = error else {
        return None;
    };
    if let Some(name) = database.constraint() {
        return candidates.iter().find(|c| c.name == name);
    }
    // SQLite: "UNIQUE constraint failed: account.phone" / "CHECK constraint failed: name".
    let message = database.message();
    let (_, named) = message.split_once("constraint failed: ")?;
    candidates.iter().find(|c| c.sqlite == named.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHONE: Constraint = Constraint { name: "account_phone_key", sqlite: "account.phone" };
    const EMAIL: Constraint = Constraint { name: "account_email_key", sqlite: "account.email" };

    #[test]
    fn errors_that_are_not_constraint_violations_name_no_constraint() {
        assert_eq!(violated(&sqlx::Error::RowNotFound, &[PHONE, EMAIL]), None);
        assert_eq!(violated(&sqlx::Error::PoolTimedOut, &[PHONE]), None);
    }
}
