//! Who may do what. Roles are ordered: each includes the powers of those below it.
//!
//! Being replaced by [`crate::permission`], where a role is a set of named permissions; this
//! ladder stays until every caller has moved.

use serde::{Deserialize, Serialize};

/// An account's role. A vendor is a shopper whose application was approved: that is a fact
/// about their application, not a role, so it is not listed here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Any registered person.
    Shopper,
    /// City market staff: review applications, run markets.
    Admin,
    /// Manages the admins.
    SuperAdmin,
}

impl Role {
    /// The name stored in the database.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Shopper => "shopper",
            Role::Admin => "admin",
            Role::SuperAdmin => "super_admin",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn from_db(name: &str) -> Option<Role> {
        match name {
            "shopper" => Some(Role::Shopper),
            "admin" => Some(Role::Admin),
            "super_admin" => Some(Role::SuperAdmin),
            _ => None,
        }
    }

    /// Whether this role has at least the powers of `required`.
    #[must_use]
    pub fn includes(self, required: Role) -> bool {
        self >= required
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_role_includes_the_ones_below_it_and_no_more() {
        assert!(Role::SuperAdmin.includes(Role::Admin));
        assert!(Role::Admin.includes(Role::Shopper));
        assert!(!Role::Admin.includes(Role::SuperAdmin));
        assert!(!Role::Shopper.includes(Role::Admin));
    }

    #[test]
    fn stored_names_round_trip() {
        for role in [Role::Shopper, Role::Admin, Role::SuperAdmin] {
            assert_eq!(Role::from_db(role.as_str()), Some(role));
        }
        assert_eq!(Role::from_db("vendor"), None);
    }
}
