-- Staff roles beyond the market officer (stored as 'admin', its old name) and the
-- super-admin: cashier, trainer, city viewer and Bank NTT credit officer. Each is a set of
-- permissions in `domain::permission`; the check only keeps unknown names out.
alter table account drop constraint account_role_known;
alter table account add constraint account_role_known check (role in ('shopper', 'admin',
    'cashier', 'trainer', 'city_viewer', 'credit_officer', 'super_admin'));
