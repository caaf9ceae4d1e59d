//! Property tests of the permission policy: every role, permission and caller.

use proptest::prelude::*;

use super::*;

fn role() -> impl Strategy<Value = Role> {
    proptest::sample::select(Role::ALL)
}

fn permission() -> impl Strategy<Value = Permission> {
    proptest::sample::select(Permission::ALL)
}

fn status() -> impl Strategy<Value = VendorStatus> {
    proptest::sample::select(VendorStatus::ALL.to_vec())
}

fn need() -> impl Strategy<Value = Need> {
    prop_oneof![Just(Need::Public), Just(Need::LoggedIn), permission().prop_map(Need::Permission)]
}

/// An actor as the server would build one: from a role and a vendor record's facts.
fn actor() -> impl Strategy<Value = Actor> {
    (any::<i64>(), role(), proptest::option::of((any::<i64>(), status(), any::<bool>()))).prop_map(
        |(account, role, record)| {
            let vendor = record
                .and_then(|(id, status, erased)| ActiveVendor::from_record(id, status, erased));
            Actor::new(account, role, vendor)
        },
    )
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
        let vendor = ActiveVendor::from_record(id, VendorStatus::Active, false);
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
        let vendor = if shop { ActiveVendor::from_record(5, VendorStatus::Active, false) } else { None };
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
        let active = status == VendorStatus::Active && !erased;
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
