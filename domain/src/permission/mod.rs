//! Who may do what.
//!
//! A ladder of roles (shopper < admin < super-admin) cannot describe the staff the market now has: a
//! cashier may record payments but not review applications, a trainer runs trainings but sees
//! no payments, and nobody's powers include all of another's except the super-admin's. So
//! powers are named ([`Permission`]), a role is a fixed set of them ([`Role`]), and an
//! endpoint declares what it needs ([`Need`]) instead of a minimum rung.
//!
//! Two permissions are not staff powers but belong to every account: [`Permission::ApplyAsVendor`]
//! and [`Permission::ManageOwnShop`]. Every role lists them, so "the role has it" stays the one
//! question for every permission; `ManageOwnShop` additionally needs an active vendor record
//! ([`ActiveVendor`]), because a shop that is not approved, suspended or erased has nothing its
//! owner may edit.
//!
//! The decision is made in one place, [`Need::check`], for pages, server fns and form handlers
//! alike; tests list who must be refused with [`Need::refused_callers`] from the same code path,
//! so the inventory cannot drift from the policy.

use serde::{Deserialize, Serialize};

use crate::access::Denied;
use crate::vendor::VendorStatus;

/// A named power an endpoint can require.
///
/// Named after what the holder does, not who they are, so a new kind of staff is a new set of
/// existing permissions rather than a change to every endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Permission {
    /// A vendor edits their own shop profile and products. Granted only to an account with an
    /// [`ActiveVendor`] record: approval is a fact about the application, not a role.
    ManageOwnShop,
    /// Any logged-in account: fill in and submit their own vendor application, ask for their
    /// data to be erased, read their own notices.
    ApplyAsVendor,
    /// Work the application queue: approve, reject, ask for changes, suspend, reinstate.
    ReviewApplications,
    /// See an applicant's full NIK (audited; everyone else sees it masked).
    RevealNik,
    /// Complete an applicant's erasure request.
    EraseApplicantData,
    /// Create and edit the product categories.
    ManageCategories,
    /// See the account list and issue or revoke password reset links for accounts below.
    ManageUsers,
    /// Change other accounts' roles. Only the super-admin holds it, so staff never promote
    /// each other.
    ManageStaff,
    /// Maintain the market venues and their stall layout.
    ManageVenues,
    /// Run the weekend stall allocation.
    RunAllocation,
    /// Check vendors in at their stall on market day.
    CheckIn,
    /// Record a stall fee or other payment received.
    RecordPayment,
    /// Refund a recorded payment. Kept apart from recording so the person who takes cash is
    /// not also the one who can give it back unchecked.
    RefundPayment,
    /// Schedule trainings and record attendance.
    ManageTrainings,
    /// Update a vendor's Bank NTT credit application journey.
    UpdateCreditJourney,
    /// Read the aggregate reports (vendors, payments, attendance).
    ViewReports,
    /// Read the audit log.
    ViewAuditLog,
}

impl Permission {
    /// Every permission, in declaration order: for tests, forms and documentation.
    pub const ALL: &'static [Permission] = &[
        Permission::ManageOwnShop,
        Permission::ApplyAsVendor,
        Permission::ReviewApplications,
        Permission::RevealNik,
        Permission::EraseApplicantData,
        Permission::ManageCategories,
        Permission::ManageUsers,
        Permission::ManageStaff,
        Permission::ManageVenues,
        Permission::RunAllocation,
        Permission::CheckIn,
        Permission::RecordPayment,
        Permission::RefundPayment,
        Permission::ManageTrainings,
        Permission::UpdateCreditJourney,
        Permission::ViewReports,
        Permission::ViewAuditLog,
    ];

    /// The permissions every account holds whatever its role. Not staff powers: a shopper has
    /// them, and so does every member of staff (staff may sell at the market too).
    pub const EVERY_ACCOUNT: &'static [Permission] =
        &[Permission::ManageOwnShop, Permission::ApplyAsVendor];

    /// A stable `snake_case` name, for audit log entries, configuration and test output. Never
    /// renamed: stored audit entries keep pointing at the same permission.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Permission::ManageOwnShop => "manage_own_shop",
            Permission::ApplyAsVendor => "apply_as_vendor",
            Permission::ReviewApplications => "review_applications",
            Permission::RevealNik => "reveal_nik",
            Permission::EraseApplicantData => "erase_applicant_data",
            Permission::ManageCategories => "manage_categories",
            Permission::ManageUsers => "manage_users",
            Permission::ManageStaff => "manage_staff",
            Permission::ManageVenues => "manage_venues",
            Permission::RunAllocation => "run_allocation",
            Permission::CheckIn => "check_in",
            Permission::RecordPayment => "record_payment",
            Permission::RefundPayment => "refund_payment",
            Permission::ManageTrainings => "manage_trainings",
            Permission::UpdateCreditJourney => "update_credit_journey",
            Permission::ViewReports => "view_reports",
            Permission::ViewAuditLog => "view_audit_log",
        }
    }

    /// Reads a name written by [`Permission::as_str`].
    #[must_use]
    pub fn from_name(name: &str) -> Option<Permission> {
        Permission::ALL.iter().copied().find(|p| p.as_str() == name)
    }

    /// Whether holding the permission through the role is not enough: the actor must also
    /// have an [`ActiveVendor`] record (there is no shop to manage otherwise).
    #[must_use]
    pub const fn needs_active_vendor(self) -> bool {
        matches!(self, Permission::ManageOwnShop)
    }

    /// Whether this is a staff power, as opposed to one every account holds
    /// ([`Permission::EVERY_ACCOUNT`]).
    #[must_use]
    pub const fn is_staff(self) -> bool {
        !matches!(self, Permission::ManageOwnShop | Permission::ApplyAsVendor)
    }
}

/// An account's role in the permission model: the set of permissions it holds.
///
/// It replaced a ladder of three ordered roles: a cashier and a trainer are neither above
/// nor below each other, so "at or above" no longer answers who may do what.
///
/// `Shopper` is here too (it holds no staff permission) so every account has exactly one
/// `Role`. Deliberately not `Ord`: roles are compared by their permission sets
/// ([`Role::may_manage`]), never by position in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Any registered person: only the permissions of [`Permission::EVERY_ACCOUNT`].
    Shopper,
    /// Dinas market staff, today's "admin": applications, NIK, erasure, categories, accounts,
    /// venues, allocation, check-in, reports and the audit log. Stored as `admin`.
    MarketOfficer,
    /// Takes stall fees on market day: record payments, check in, reports.
    Cashier,
    /// Runs the vendor trainings: trainings, reports.
    Trainer,
    /// City officials who watch but do not act: reports and the audit log, read-only.
    CityViewer,
    /// Bank NTT's credit officer: the credit journey, reports.
    CreditOfficer,
    /// Everything, including changing other staff's roles.
    SuperAdmin,
}

/// A market officer's permissions: today's admin powers, plus every account's.
const MARKET_OFFICER: &[Permission] = &[
    Permission::ManageOwnShop,
    Permission::ApplyAsVendor,
    Permission::ReviewApplications,
    Permission::RevealNik,
    Permission::EraseApplicantData,
    Permission::ManageCategories,
    Permission::ManageUsers,
    Permission::ManageVenues,
    Permission::RunAllocation,
    Permission::CheckIn,
    Permission::ViewReports,
    Permission::ViewAuditLog,
];

/// A cashier's permissions. No refunds: see [`Permission::RefundPayment`].
const CASHIER: &[Permission] = &[
    Permission::ManageOwnShop,
    Permission::ApplyAsVendor,
    Permission::RecordPayment,
    Permission::CheckIn,
    Permission::ViewReports,
];

/// A trainer's permissions.
const TRAINER: &[Permission] = &[
    Permission::ManageOwnShop,
    Permission::ApplyAsVendor,
    Permission::ManageTrainings,
    Permission::ViewReports,
];

/// A city viewer's permissions: reading only.
const CITY_VIEWER: &[Permission] = &[
    Permission::ManageOwnShop,
    Permission::ApplyAsVendor,
    Permission::ViewReports,
    Permission::ViewAuditLog,
];

/// A Bank NTT credit officer's permissions.
const CREDIT_OFFICER: &[Permission] = &[
    Permission::ManageOwnShop,
    Permission::ApplyAsVendor,
    Permission::UpdateCreditJourney,
    Permission::ViewReports,
];

impl Role {
    /// Every role, shopper first: for tests, the role form and documentation.
    pub const ALL: &'static [Role] = &[
        Role::Shopper,
        Role::MarketOfficer,
        Role::Cashier,
        Role::Trainer,
        Role::CityViewer,
        Role::CreditOfficer,
        Role::SuperAdmin,
    ];

    /// The name stored in the `role` column. The market officer keeps `admin`, the name the
    /// ladder stored, so existing accounts keep their role.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Shopper => "shopper",
            Role::MarketOfficer => "admin",
            Role::Cashier => "cashier",
            Role::Trainer => "trainer",
            Role::CityViewer => "city_viewer",
            Role::CreditOfficer => "credit_officer",
            Role::SuperAdmin => "super_admin",
        }
    }

    /// Reads a stored name; `None` for anything else (an unknown role grants nothing).
    #[must_use]
    pub fn from_db(name: &str) -> Option<Role> {
        Role::ALL.iter().copied().find(|role| role.as_str() == name)
    }

    /// The permissions this role holds, always including [`Permission::EVERY_ACCOUNT`]. The
    /// one table of who may do what: every other answer here is derived from it.
    #[must_use]
    pub const fn permissions(self) -> &'static [Permission] {
        match self {
            Role::Shopper => Permission::EVERY_ACCOUNT,
            Role::MarketOfficer => MARKET_OFFICER,
            Role::Cashier => CASHIER,
            Role::Trainer => TRAINER,
            Role::CityViewer => CITY_VIEWER,
            Role::CreditOfficer => CREDIT_OFFICER,
            Role::SuperAdmin => Permission::ALL,
        }
    }

    /// Whether the role holds `permission`. For [`Permission::ManageOwnShop`] the role alone
    /// is not enough: ask [`Actor::may`], which also wants an active vendor record.
    #[must_use]
    pub fn has(self, permission: Permission) -> bool {
        self.permissions().contains(&permission)
    }

    /// Whether the role holds any staff permission (for the shorter staff session lifetime
    /// and the staff menu).
    #[must_use]
    pub fn is_staff(self) -> bool {
        self.permissions().iter().any(|p| p.is_staff())
    }

    /// Whether this role holds every permission of `other` and at least one more: what
    /// "below" means when roles are sets rather than rungs.
    fn is_strictly_above(self, other: Role) -> bool {
        let mine = self.permissions();
        let theirs = other.permissions();
        theirs.iter().all(|p| mine.contains(p)) && mine.iter().any(|p| !theirs.contains(p))
    }

    /// Whether this role may act on an account holding `subject` (issue or revoke its reset
    /// links; see [`Role::may_change_role`] for roles).
    ///
    /// Keeps the ladder's guarantees: nobody manages their own level or above (the subject's
    /// permissions must be a strict subset of the actor's, so staff cannot take over each
    /// other's accounts and nobody can lock out a super-admin); a shopper is managed only
    /// with [`Permission::ManageUsers`], and staff only with [`Permission::ManageStaff`].
    #[must_use]
    pub fn may_manage(self, subject: Role) -> bool {
        let needed =
            if subject.is_staff() { Permission::ManageStaff } else { Permission::ManageUsers };
        self.has(needed) && self.is_strictly_above(subject)
    }

    /// Whether this role may change an account's role from `from` to `to`: it needs
    /// [`Permission::ManageStaff`] and must be able to manage the account both before and
    /// after, so nobody grants a role as high as their own (super-admins are made only from
    /// the command line).
    #[must_use]
    pub fn may_change_role(self, from: Role, to: Role) -> bool {
        self.has(Permission::ManageStaff) && self.may_manage(from) && self.may_manage(to)
    }
}

/// Whether a vendor record is active: approved (a vendor record exists only once an
/// application is approved), not suspended, not erased. The one definition, for the policy,
/// the shop pages and the public listings alike; SQL spells it once, as
/// `backend::vendors::ACTIVE`, and a test holds the two together.
#[must_use]
pub const fn vendor_is_active(status: VendorStatus, erased: bool) -> bool {
    matches!(status, VendorStatus::Active) && !erased
}

/// Proof that an account has an active vendor record, with that record's id.
///
/// The field is private: the only way to get one is [`ActiveVendor::from_record`], so an
/// [`Actor`] cannot claim a shop without the facts that make it active.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ActiveVendor(i64);

impl ActiveVendor {
    /// The record `id` if it is active by [`vendor_is_active`]; `None` otherwise.
    #[must_use]
    pub const fn from_record(id: i64, status: VendorStatus, erased: bool) -> Option<Self> {
        if vendor_is_active(status, erased) {
            Some(ActiveVendor(id))
        } else {
            None
        }
    }

    /// The vendor record's id.
    #[must_use]
    pub const fn id(self) -> i64 {
        self.0
    }
}

/// A logged-in caller, as the policy sees them.
///
/// Ids are plain `i64`: the domain crate has no database types, and the policy never decides
/// on an id except to refuse managing oneself ([`Actor::may_manage`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    /// The caller's account id.
    pub account: i64,
    /// The caller's role, read from the database on every request.
    pub role: Role,
    /// The caller's active vendor record, if they have one.
    pub vendor: Option<ActiveVendor>,
}

impl Actor {
    /// A caller with `role` and, if any, an active vendor record.
    #[must_use]
    pub const fn new(account: i64, role: Role, vendor: Option<ActiveVendor>) -> Self {
        Actor { account, role, vendor }
    }

    /// Whether the caller holds `permission` now: the role has it and, for a permission that
    /// needs one, the caller has an active vendor record.
    #[must_use]
    pub fn may(&self, permission: Permission) -> bool {
        self.role.has(permission) && (!permission.needs_active_vendor() || self.vendor.is_some())
    }

    /// Whether the caller may act on the account `subject` holding `role` (reset links):
    /// never their own account, even though [`Role::may_manage`] already refuses equal
    /// roles, so a mistake in the role table cannot open self-management.
    #[must_use]
    pub fn may_manage(&self, subject: i64, role: Role) -> bool {
        subject != self.account && self.role.may_manage(role)
    }
}

/// What an endpoint needs from its caller; declared beside every route and server fn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Need {
    /// Anyone, logged in or not.
    Public,
    /// Anyone logged in, whatever their role.
    LoggedIn,
    /// A logged-in caller holding this permission (see [`Actor::may`]).
    Permission(Permission),
}

/// A kind of logged-in caller: what an inventory test logs in as to prove a refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Caller {
    /// The caller's role.
    pub role: Role,
    /// Whether the caller has an active vendor record.
    pub active_vendor: bool,
}

impl Caller {
    /// Every kind of caller: each role, with and without an active vendor record.
    #[must_use]
    pub fn all() -> Vec<Caller> {
        Role::ALL
            .iter()
            .flat_map(|&role| {
                [false, true].into_iter().map(move |active_vendor| Caller { role, active_vendor })
            })
            .collect()
    }

    /// A stand-in [`Actor`] of this kind, with made-up ids, so refusal lists are computed by
    /// [`Need::check`] itself.
    const fn sample_actor(self) -> Actor {
        let vendor = if self.active_vendor { Some(ActiveVendor(0)) } else { None };
        Actor::new(0, self.role, vendor)
    }
}

impl Need {
    /// Decides for `actor` (`None`: not logged in).
    ///
    /// # Errors
    /// [`Denied::LoginRequired`] (401) when nobody is logged in and the endpoint is not
    /// public; [`Denied::Forbidden`] (403) when the caller lacks the permission, or an active
    /// vendor record for [`Permission::ManageOwnShop`].
    pub fn check(self, actor: Option<&Actor>) -> Result<(), Denied> {
        match (self, actor) {
            (Need::Public, _) | (Need::LoggedIn, Some(_)) => Ok(()),
            (_, None) => Err(Denied::LoginRequired),
            (Need::Permission(permission), Some(actor)) if actor.may(permission) => Ok(()),
            (Need::Permission(_), Some(_)) => Err(Denied::Forbidden),
        }
    }

    /// Every kind of logged-in caller this need refuses with 403, for inventory tests ("each
    /// role without the permission gets 403"). Empty for [`Need::Public`] and
    /// [`Need::LoggedIn`]. For [`Permission::ManageOwnShop`] it is every role without an
    /// active vendor record.
    #[must_use]
    pub fn refused_callers(self) -> Vec<Caller> {
        Caller::all()
            .into_iter()
            .filter(|caller| self.check(Some(&caller.sample_actor())).is_err())
            .collect()
    }

    /// The roles refused even with an active vendor record: the roles lacking the
    /// permission. The shorter list, for tests that log in one account per role.
    #[must_use]
    pub fn refused_roles(self) -> Vec<Role> {
        self.refused_callers()
            .into_iter()
            .filter(|caller| caller.active_vendor)
            .map(|caller| caller.role)
            .collect()
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod proptests;
