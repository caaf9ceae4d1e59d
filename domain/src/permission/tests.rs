//! Unit tests of the permission policy, one rule per test.

use super::*;

const OFFICER: Role = Role::MarketOfficer;

fn actor(role: Role) -> Actor {
    Actor::new(7, role, None)
}

fn vendor(role: Role) -> Actor {
    Actor::new(7, role, ActiveVendor::from_record(3, VendorStatus::Active, false))
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
    use VendorStatus as S;
    assert!(vendor_is_active(S::Active, false));
    assert!(!vendor_is_active(S::Active, true));
    assert!(!vendor_is_active(S::Suspended, false));
    for status in VendorStatus::ALL {
        assert_eq!(ActiveVendor::from_record(1, status, false).is_some(), status == S::Active);
    }
    assert_eq!(ActiveVendor::from_record(9, S::Active, false).map(ActiveVendor::id), Some(9));
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
    for role in [Role::Shopper, Role::Cashier, Role::Trainer, Role::CityViewer, Role::CreditOfficer]
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
        [Role::Shopper, Role::MarketOfficer, Role::Trainer, Role::CityViewer, Role::CreditOfficer]
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
