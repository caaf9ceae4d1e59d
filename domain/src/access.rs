//! The access policy: what each kind of caller may reach. Pages, server fns and form handlers
//! all decide through [`Access::check`], so the rule exists once.

use serde::{Deserialize, Serialize};

use crate::Role;

/// Who may reach an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Access {
    /// Anyone, logged in or not.
    Public,
    /// Anyone logged in.
    Account,
    /// City market staff and above.
    Admin,
    /// Those who manage the admins.
    SuperAdmin,
}

/// Why a caller was turned away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    /// Nobody is logged in (HTTP 401).
    #[error("login required")]
    LoginRequired,
    /// Logged in, but the role is too low (HTTP 403).
    #[error("role too low")]
    Forbidden,
}

impl Access {
    /// The role this level needs, if any.
    #[must_use]
    pub const fn required_role(self) -> Option<Role> {
        match self {
            Access::Public => None,
            Access::Account => Some(Role::Shopper),
            Access::Admin => Some(Role::Admin),
            Access::SuperAdmin => Some(Role::SuperAdmin),
        }
    }

    /// Decides for a caller with `role` (`None`: not logged in).
    ///
    /// # Errors
    /// [`Denied`] saying whether logging in could help.
    pub fn check(self, role: Option<Role>) -> Result<(), Denied> {
        match (self.required_role(), role) {
            (None, _) => Ok(()),
            (Some(_), None) => Err(Denied::LoginRequired),
            (Some(required), Some(role)) if role.includes(required) => Ok(()),
            (Some(_), Some(_)) => Err(Denied::Forbidden),
        }
    }

    /// A role one step too low for this level, for tests proving refusal; `None` when no
    /// logged-in role is too low.
    #[must_use]
    pub const fn role_below(self) -> Option<Role> {
        match self {
            Access::Public | Access::Account => None,
            Access::Admin => Some(Role::Shopper),
            Access::SuperAdmin => Some(Role::Admin),
        }
    }
}

/// Whether `actor` may act on another person's account of role `subject` (change their role,
/// give them a reset link): only from strictly above, so staff cannot take over each other's
/// accounts and nobody can lock out the super-admins.
#[must_use]
pub fn may_manage(actor: Role, subject: Role) -> bool {
    actor > subject && actor.includes(Role::Admin)
}

/// The local path to go to after logging in, or `None` when `next` could lead off the site
/// (`//evil.example`, `/\evil.example`, `https://…`) or is not a path at all.
#[must_use]
pub fn safe_next_path(next: &str) -> Option<&str> {
    let is_local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control);
    is_local.then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anonymous_callers_need_to_log_in_for_anything_but_public() {
        assert_eq!(Access::Public.check(None), Ok(()));
        for access in [Access::Account, Access::Admin, Access::SuperAdmin] {
            assert_eq!(access.check(None), Err(Denied::LoginRequired));
        }
    }

    #[test]
    fn each_level_admits_its_role_and_above_and_forbids_below() {
        assert_eq!(Access::Account.check(Some(Role::Shopper)), Ok(()));
        assert_eq!(Access::Admin.check(Some(Role::Shopper)), Err(Denied::Forbidden));
        assert_eq!(Access::Admin.check(Some(Role::Admin)), Ok(()));
        assert_eq!(Access::Admin.check(Some(Role::SuperAdmin)), Ok(()));
        assert_eq!(Access::SuperAdmin.check(Some(Role::Admin)), Err(Denied::Forbidden));
        assert_eq!(Access::SuperAdmin.check(Some(Role::SuperAdmin)), Ok(()));
    }

    #[test]
    fn the_role_below_each_level_is_refused_by_it() {
        for access in [Access::Admin, Access::SuperAdmin] {
            let below = access.role_below().expect("a lower role exists");
            assert_eq!(access.check(Some(below)), Err(Denied::Forbidden));
        }
    }

    #[test]
    fn only_a_higher_role_manages_an_account() {
        assert!(may_manage(Role::Admin, Role::Shopper));
        assert!(may_manage(Role::SuperAdmin, Role::Admin));
        assert!(!may_manage(Role::Admin, Role::Admin));
        assert!(!may_manage(Role::SuperAdmin, Role::SuperAdmin));
        assert!(!may_manage(Role::Shopper, Role::Shopper));
    }

    #[test]
    fn only_local_paths_are_followed_after_login() {
        assert_eq!(safe_next_path("/akun"), Some("/akun"));
        assert_eq!(safe_next_path("/cari?q=tenun"), Some("/cari?q=tenun"));
        for bad in
            ["//evil.example", "/\\evil.example", "https://evil.example", "", "akun", "/a\nb"]
        {
            assert_eq!(safe_next_path(bad), None, "{bad:?}");
        }
    }
}

#[cfg(test)]
mod proptests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn a_followed_path_is_the_input_and_stays_on_the_site(next in "\\PC{0,30}|/[/\\\\]?\\PC{0,20}") {
            if let Some(path) = safe_next_path(&next) {
                prop_assert_eq!(path, next.as_str());
                prop_assert!(path.starts_with('/') && !path.starts_with("//"));
                prop_assert!(!path.contains('\\'));
            }
        }
    }
}
