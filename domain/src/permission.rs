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
use crate::application::ApplicationStatus;

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

/// Whether an application's owner is an active vendor: approved, not suspended, not erased.
/// The one definition, for the policy, the shop pages and the public listings alike.
///
/// Approved and suspended are both read from `status`: a suspended vendor's status is
/// [`ApplicationStatus::Suspended`], never `Approved`, so "approved and not suspended" is
/// "status is `Approved`". Erasure is recorded apart (`erased_at`) and is checked here too,
/// because an erased application keeps its last status.
#[must_use]
pub const fn vendor_is_active(status: ApplicationStatus, erased: bool) -> bool {
    status.is_active_vendor() && !erased
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
    pub const fn from_record(id: i64, status: ApplicationStatus, erased: bool) -> Option<Self> {
        if vendor_is_active(status, erased) {
            Some(ActiveVendor(id))
        } else {
            None
        }
    }

    /// The vendor record's id (the application's, in today's schema).
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
mod tests {
    use super::*;

    const OFFICER: Role = Role::MarketOfficer;

    fn actor(role: Role) -> Actor {
        Actor::new(7, role, None)
    }

    fn vendor(role: Role) -> Actor {
        Actor::new(7, role, ActiveVendor::from_record(3, ApplicationStatus::Approved, false))
    }

    fn need(permission: Permission) -> Need {
        Need::Permission(permission)
    }

    #[test]
    fn a_cashier_cannot_review_applications() {
        assert!(!Role::Cashier.has(Permission::ReviewApplications));
        assert_eq!(
            need(Permission::ReviewApplications).check(Some(&actor(Role::Cashier))),
            Err(Denied::Forbidden)
        );
    }

    #[test]
    fn a_cashier_records_payments_and_checks_vendors_in_but_cannot_refund() {
        let cashier = actor(Role::Cashier);
        assert_eq!(need(Permission::RecordPayment).check(Some(&cashier)), Ok(()));
        assert_eq!(need(Permission::CheckIn).check(Some(&cashier)), Ok(()));
        assert_eq!(need(Permission::RefundPayment).check(Some(&cashier)), Err(Denied::Forbidden));
    }

    #[test]
    fn a_market_officer_has_exactly_what_the_admin_had() {
        let expected = [
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
        let staff: Vec<Permission> =
            OFFICER.permissions().iter().copied().filter(|p| p.is_staff()).collect();
        assert_eq!(staff, expected);
        assert!(!OFFICER.has(Permission::ManageStaff));
        assert!(!OFFICER.has(Permission::RecordPayment));
    }

    #[test]
    fn a_city_viewer_only_reads() {
        let staff: Vec<Permission> =
            Role::CityViewer.permissions().iter().copied().filter(|p| p.is_staff()).collect();
        assert_eq!(staff, [Permission::ViewReports, Permission::ViewAuditLog]);
    }

    #[test]
    fn a_trainer_manages_trainings_but_sees_no_audit_log() {
        assert!(Role::Trainer.has(Permission::ManageTrainings));
        assert!(Role::Trainer.has(Permission::ViewReports));
        assert!(!Role::Trainer.has(Permission::ViewAuditLog));
    }

    #[test]
    fn only_the_credit_officer_and_the_super_admin_update_the_credit_journey() {
        let holders: Vec<Role> =
            Role::ALL.iter().copied().filter(|r| r.has(Permission::UpdateCreditJourney)).collect();
        assert_eq!(holders, [Role::CreditOfficer, Role::SuperAdmin]);
    }

    #[test]
    fn a_shopper_holds_no_staff_permission() {
        assert!(!Role::Shopper.is_staff());
        assert_eq!(Role::Shopper.permissions(), Permission::EVERY_ACCOUNT);
        for &role in &Role::ALL[1..] {
            assert!(role.is_staff(), "{role:?}");
        }
    }

    #[test]
    fn every_role_holds_what_every_account_holds() {
        for &role in Role::ALL {
            for &permission in Permission::EVERY_ACCOUNT {
                assert!(role.has(permission), "{role:?} {permission:?}");
            }
        }
    }

    #[test]
    fn the_super_admin_alone_manages_staff() {
        let holders: Vec<Role> =
            Role::ALL.iter().copied().filter(|r| r.has(Permission::ManageStaff)).collect();
        assert_eq!(holders, [Role::SuperAdmin]);
    }

    #[test]
    fn a_shopper_without_an_approved_shop_cannot_manage_one() {
        let shopper = actor(Role::Shopper);
        assert_eq!(need(Permission::ManageOwnShop).check(Some(&shopper)), Err(Denied::Forbidden));
        assert_eq!(need(Permission::ManageOwnShop).check(Some(&vendor(Role::Shopper))), Ok(()));
    }

    #[test]
    fn a_super_admin_without_a_shop_cannot_manage_one_either() {
        let admin = actor(Role::SuperAdmin);
        assert_eq!(need(Permission::ManageOwnShop).check(Some(&admin)), Err(Denied::Forbidden));
    }

    #[test]
    fn a_suspended_or_erased_vendor_is_not_active() {
        use ApplicationStatus as S;
        assert!(vendor_is_active(S::Approved, false));
        assert!(!vendor_is_active(S::Approved, true));
        assert!(!vendor_is_active(S::Suspended, false));
        for status in ApplicationStatus::ALL {
            assert_eq!(
                ActiveVendor::from_record(1, status, false).is_some(),
                status == S::Approved
            );
        }
        assert_eq!(ActiveVendor::from_record(9, S::Approved, false).map(ActiveVendor::id), Some(9));
    }

    #[test]
    fn any_logged_in_account_may_apply_as_a_vendor() {
        for &role in Role::ALL {
            assert_eq!(need(Permission::ApplyAsVendor).check(Some(&actor(role))), Ok(()));
            assert_eq!(Need::LoggedIn.check(Some(&actor(role))), Ok(()));
        }
        assert_eq!(need(Permission::ApplyAsVendor).check(None), Err(Denied::LoginRequired));
    }

    #[test]
    fn anonymous_callers_need_to_log_in_for_anything_but_public() {
        assert_eq!(Need::Public.check(None), Ok(()));
        assert_eq!(Need::LoggedIn.check(None), Err(Denied::LoginRequired));
        for &permission in Permission::ALL {
            assert_eq!(need(permission).check(None), Err(Denied::LoginRequired));
        }
    }

    #[test]
    fn a_market_officer_manages_shoppers_but_no_staff() {
        assert!(OFFICER.may_manage(Role::Shopper));
        for &role in &Role::ALL[1..] {
            assert!(!OFFICER.may_manage(role), "{role:?}");
        }
    }

    #[test]
    fn a_super_admin_manages_everyone_but_super_admins() {
        for &role in Role::ALL {
            assert_eq!(Role::SuperAdmin.may_manage(role), role != Role::SuperAdmin);
        }
    }

    #[test]
    fn staff_without_manage_users_manage_nobody() {
        for role in
            [Role::Shopper, Role::Cashier, Role::Trainer, Role::CityViewer, Role::CreditOfficer]
        {
            for &subject in Role::ALL {
                assert!(!role.may_manage(subject), "{role:?} manages {subject:?}");
            }
        }
    }

    #[test]
    fn nobody_manages_their_own_account() {
        let admin = Actor::new(1, Role::SuperAdmin, None);
        assert!(!admin.may_manage(1, Role::Shopper));
        assert!(admin.may_manage(2, Role::Shopper));
    }

    #[test]
    fn only_a_super_admin_changes_roles_and_never_to_super_admin() {
        use Role as R;
        assert!(R::SuperAdmin.may_change_role(R::Shopper, R::Cashier));
        assert!(R::SuperAdmin.may_change_role(R::MarketOfficer, R::Shopper));
        assert!(!R::SuperAdmin.may_change_role(R::Shopper, R::SuperAdmin));
        assert!(!R::SuperAdmin.may_change_role(R::SuperAdmin, R::Shopper));
        assert!(!R::MarketOfficer.may_change_role(R::Shopper, R::Cashier));
    }

    #[test]
    fn the_market_officer_keeps_the_stored_name_admin() {
        assert_eq!(OFFICER.as_str(), "admin");
        assert_eq!(Role::from_db("admin"), Some(OFFICER));
        assert_eq!(Role::from_db("market_officer"), None);
        assert_eq!(Role::from_db("vendor"), None);
    }

    #[test]
    fn stored_names_round_trip_and_are_distinct() {
        for &role in Role::ALL {
            assert_eq!(Role::from_db(role.as_str()), Some(role));
        }
        for &permission in Permission::ALL {
            assert_eq!(Permission::from_name(permission.as_str()), Some(permission));
        }
        let mut names: Vec<&str> = Permission::ALL.iter().map(|p| p.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Permission::ALL.len());
    }

    #[test]
    fn every_permission_is_in_the_list_of_all() {
        // A match with no wildcard: adding a variant without listing it fails to compile here.
        let position = |p: Permission| match p {
            Permission::ManageOwnShop
            | Permission::ApplyAsVendor
            | Permission::ReviewApplications
            | Permission::RevealNik
            | Permission::EraseApplicantData
            | Permission::ManageCategories
            | Permission::ManageUsers
            | Permission::ManageStaff
            | Permission::ManageVenues
            | Permission::RunAllocation
            | Permission::CheckIn
            | Permission::RecordPayment
            | Permission::RefundPayment
            | Permission::ManageTrainings
            | Permission::UpdateCreditJourney
            | Permission::ViewReports
            | Permission::ViewAuditLog => Permission::ALL.iter().position(|&q| q == p),
        };
        for &p in Permission::ALL {
            assert!(position(p).is_some());
        }
        assert_eq!(Permission::ALL.len(), 17);
    }

    #[test]
    fn the_three_roles_of_the_old_ladder_keep_their_powers() {
        // What the ladder allowed: admins and above reviewed; only the super-admin changed
        // roles; each managed only the rungs below it.
        let (shopper, officer, boss) = (Role::Shopper, Role::MarketOfficer, Role::SuperAdmin);
        assert!(!shopper.has(Permission::ReviewApplications));
        assert!(
            officer.has(Permission::ReviewApplications) && boss.has(Permission::ReviewApplications)
        );
        assert!(!officer.has(Permission::ManageStaff) && boss.has(Permission::ManageStaff));
        assert!(officer.may_manage(shopper) && !officer.may_manage(officer));
        assert!(boss.may_manage(officer) && boss.may_manage(shopper) && !boss.may_manage(boss));
        assert!(!shopper.may_manage(shopper));
    }

    #[test]
    fn the_refusal_list_of_a_permission_is_the_roles_without_it() {
        assert_eq!(
            need(Permission::RecordPayment).refused_roles(),
            [
                Role::Shopper,
                Role::MarketOfficer,
                Role::Trainer,
                Role::CityViewer,
                Role::CreditOfficer
            ]
        );
        assert!(Need::Public.refused_callers().is_empty());
        assert!(Need::LoggedIn.refused_callers().is_empty());
    }

    #[test]
    fn managing_a_shop_refuses_every_role_without_an_active_vendor_record() {
        let refused = need(Permission::ManageOwnShop).refused_callers();
        assert_eq!(refused.len(), Role::ALL.len());
        assert!(refused.iter().all(|caller| !caller.active_vendor));
        assert!(need(Permission::ManageOwnShop).refused_roles().is_empty());
    }
}

#[cfg(test)]
mod proptests {
    use proptest::prelude::*;

    use super::*;

    fn role() -> impl Strategy<Value = Role> {
        proptest::sample::select(Role::ALL)
    }

    fn permission() -> impl Strategy<Value = Permission> {
        proptest::sample::select(Permission::ALL)
    }

    fn status() -> impl Strategy<Value = ApplicationStatus> {
        proptest::sample::select(ApplicationStatus::ALL.to_vec())
    }

    fn need() -> impl Strategy<Value = Need> {
        prop_oneof![
            Just(Need::Public),
            Just(Need::LoggedIn),
            permission().prop_map(Need::Permission)
        ]
    }

    /// An actor as the server would build one: from a role and a vendor record's facts.
    fn actor() -> impl Strategy<Value = Actor> {
        (any::<i64>(), role(), proptest::option::of((any::<i64>(), status(), any::<bool>())))
            .prop_map(|(account, role, record)| {
                let vendor = record
                    .and_then(|(id, status, erased)| ActiveVendor::from_record(id, status, erased));
                Actor::new(account, role, vendor)
            })
    }

    proptest! {
        #[test]
        fn a_permission_is_granted_iff_the_role_has_it_and_a_shop_is_active_where_needed(
            actor in actor(),
            permission in permission(),
        ) {
            let expected = actor.role.has(permission)
                && (!permission.needs_active_vendor() || actor.vendor.is_some());
            let decided = Need::Permission(permission).check(Some(&actor));
            prop_assert_eq!(decided.is_ok(), expected);
            if !expected {
                prop_assert_eq!(decided, Err(Denied::Forbidden));
            }
        }

        #[test]
        fn anonymous_callers_get_login_required_for_every_non_public_need(need in need()) {
            let expected = if need == Need::Public { Ok(()) } else { Err(Denied::LoginRequired) };
            prop_assert_eq!(need.check(None), expected);
        }

        #[test]
        fn a_logged_in_caller_is_never_asked_to_log_in(actor in actor(), need in need()) {
            prop_assert_ne!(need.check(Some(&actor)), Err(Denied::LoginRequired));
        }

        #[test]
        fn public_and_logged_in_needs_admit_every_caller(actor in actor()) {
            prop_assert_eq!(Need::Public.check(Some(&actor)), Ok(()));
            prop_assert_eq!(Need::LoggedIn.check(Some(&actor)), Ok(()));
        }

        #[test]
        fn the_super_admin_has_every_permission(permission in permission()) {
            prop_assert!(Role::SuperAdmin.has(permission));
        }

        #[test]
        fn a_super_admin_with_a_shop_passes_every_need(need in need(), id in any::<i64>()) {
            let vendor = ActiveVendor::from_record(id, ApplicationStatus::Approved, false);
            let admin = Actor::new(1, Role::SuperAdmin, vendor);
            prop_assert_eq!(need.check(Some(&admin)), Ok(()));
        }

        #[test]
        fn managing_is_irreflexive_and_only_from_strictly_above(a in role(), s in role()) {
            prop_assert!(!a.may_manage(a));
            if a.may_manage(s) {
                prop_assert!(!s.may_manage(a), "{a:?} and {s:?} manage each other");
                prop_assert!(s.permissions().iter().all(|&p| a.has(p)));
                prop_assert!(a.permissions().iter().any(|&p| !s.has(p)));
            }
        }

        #[test]
        fn nobody_manages_a_holder_of_manage_staff(a in role(), s in role()) {
            if s.has(Permission::ManageStaff) {
                prop_assert!(!a.may_manage(s), "{a:?} manages {s:?}");
            }
        }

        #[test]
        fn shoppers_need_manage_users_and_staff_need_manage_staff(a in role(), s in role()) {
            if a.may_manage(s) {
                let needed = if s.is_staff() { Permission::ManageStaff } else { Permission::ManageUsers };
                prop_assert!(a.has(needed));
            }
        }

        #[test]
        fn a_role_change_never_grants_the_changers_own_level(a in role(), from in role(), to in role()) {
            if a.may_change_role(from, to) {
                prop_assert!(a.has(Permission::ManageStaff));
                prop_assert!(a.may_manage(from) && a.may_manage(to));
                prop_assert_ne!(to, a);
            }
        }

        #[test]
        fn an_actor_never_manages_their_own_account(actor in actor(), role in role()) {
            prop_assert!(!actor.may_manage(actor.account, role));
        }

        #[test]
        fn the_refusal_list_is_exactly_who_check_refuses(need in need(), caller in role(), shop in any::<bool>()) {
            let vendor = if shop { ActiveVendor::from_record(5, ApplicationStatus::Approved, false) } else { None };
            let actor = Actor::new(11, caller, vendor);
            let listed = need.refused_callers().contains(&Caller { role: caller, active_vendor: shop });
            prop_assert_eq!(listed, need.check(Some(&actor)).is_err());
            if shop {
                prop_assert_eq!(need.refused_roles().contains(&caller), listed);
            }
        }

        #[test]
        fn a_vendor_is_active_only_when_approved_and_not_erased(
            id in any::<i64>(),
            status in status(),
            erased in any::<bool>(),
        ) {
            let active = status == ApplicationStatus::Approved && !erased;
            prop_assert_eq!(vendor_is_active(status, erased), active);
            prop_assert_eq!(ActiveVendor::from_record(id, status, erased).map(ActiveVendor::id), active.then_some(id));
        }

        #[test]
        fn reading_an_arbitrary_role_name_never_grants_an_unknown_role(name in ".{0,20}") {
            if let Some(role) = Role::from_db(&name) {
                prop_assert_eq!(role.as_str(), name.as_str());
            }
            if let Some(permission) = Permission::from_name(&name) {
                prop_assert_eq!(permission.as_str(), name.as_str());
            }
        }
    }
}
