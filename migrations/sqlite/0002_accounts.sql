-- People who log in, and the append-only record of decisions taken about them.

create table account (
    account_id integer primary key,
    -- A person signs up with a mobile number (E.164, `+628…`) or an email address (lowercased),
    -- or both. Unique: another spelling of the same number must find the same account.
    phone text unique,
    email text unique,
    -- Argon2id PHC string; never leaves the backend.
    password_hash text not null,
    -- Vendor is not a role here: it follows from an approved application.
    role text not null default 'shopper'
        constraint account_role_known check (role in ('shopper', 'admin', 'super_admin')),
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    constraint account_has_login check (phone is not null or email is not null)
);

-- Who decided what about whom, when and why. Rows are only ever added (the triggers refuse
-- changes), so the log can be trusted in a dispute.
create table audit_log (
    audit_log_id integer primary key,
    -- Null when the decision came from the command line or the system itself.
    actor_account_id integer references account (account_id),
    action text not null,
    subject_account_id integer references account (account_id),
    reason text not null default '',
    created_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

create trigger audit_log_no_update before update on audit_log
begin
    select raise(abort, 'audit_log is append-only');
end;

create trigger audit_log_no_delete before delete on audit_log
begin
    select raise(abort, 'audit_log is append-only');
end;
