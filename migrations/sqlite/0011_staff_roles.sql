-- Staff roles beyond the market officer (stored as 'admin', its old name) and the
-- super-admin: cashier, trainer, city viewer and Bank NTT credit officer. Each is a set of
-- permissions in `domain::permission`; the check only keeps unknown names out.
--
-- SQLite cannot change a check constraint, so the table is rebuilt by SQLite's documented
-- procedure (https://sqlite.org/lang_altertable.html#otheralter): foreign keys off around a
-- transaction of its own, create, copy, drop, rename, foreign keys back on. Foreign keys must
-- be off: with them on, dropping the old table would first delete its rows, and every
-- `on delete cascade` (sessions, reset links) with them.
--
-- sqlx runs each SQLite migration inside a transaction, where the foreign_keys pragma does
-- nothing (sqlx 0.8 ignores `-- no-transaction` on SQLite). So this file ends sqlx's empty
-- transaction, does the rebuild in its own, and opens a new one for sqlx to record the
-- migration in and commit. If the rebuild fails, sqlx rolls it back and start-up stops.
commit;

pragma foreign_keys = off;

begin immediate;

create table account_with_staff_roles (
    account_id integer primary key,
    -- A person signs up with a mobile number (E.164, `+628…`) or an email address (lowercased),
    -- or both. Unique: another spelling of the same number must find the same account.
    phone text unique,
    email text unique,
    -- Argon2id PHC string; never leaves the backend.
    password_hash text not null,
    -- Vendor is not a role here: it follows from an approved application.
    role text not null default 'shopper'
        constraint account_role_known check (role in ('shopper', 'admin', 'cashier', 'trainer',
            'city_viewer', 'credit_officer', 'super_admin')),
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    constraint account_has_login check (phone is not null or email is not null)
);

insert into account_with_staff_roles
    (account_id, phone, email, password_hash, role, created_at, updated_at)
select account_id, phone, email, password_hash, role, created_at, updated_at from account;

drop table account;
alter table account_with_staff_roles rename to account;

commit;

pragma foreign_keys = on;

-- For sqlx's own bookkeeping, which it commits.
begin;
