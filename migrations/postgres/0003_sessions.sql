-- Login sessions, failed-login counters and admin-issued password reset links.
-- Times here are Unix seconds (UTC): they are compared arithmetically on every request.

-- Server-side sessions, shared by every replica. The key is the SHA-256 of the cookie's
-- session id, so a copy of this table cannot be replayed as cookies.
create table session (
    session_key text primary key,
    -- Set once someone logs in: lets "log out everywhere" find all of a person's sessions.
    account_id bigint references account (account_id) on delete cascade,
    -- The session's fields as JSON (who is logged in, when, on what kind of device).
    data text not null,
    -- "Android · Chrome"-style label for the account page's list of sessions.
    device text not null default '',
    expires_at bigint not null,
    created_at bigint not null,
    last_seen_at bigint not null
);

create index session_by_account on session (account_id);
create index session_by_expiry on session (expires_at);

-- Failed logins in the current window, per account and per client address. Subjects are
-- SHA-256 digests: the table says how often, never who or from where.
create table login_throttle (
    scope text not null constraint login_throttle_scope_known check (scope in ('account', 'address')),
    subject text not null,
    failures bigint not null,
    window_started_at bigint not null,
    primary key (scope, subject)
);

-- One-time links an admin gives a person who forgot their password. Only the SHA-256 of the
-- token is kept: the link itself is shown once and exists nowhere else.
create table password_reset (
    password_reset_id bigint generated always as identity primary key,
    token_hash text not null unique,
    account_id bigint not null references account (account_id) on delete cascade,
    issued_by bigint references account (account_id),
    issued_at bigint not null,
    expires_at bigint not null,
    used_at bigint,
    revoked_at bigint
);

create index password_reset_by_account on password_reset (account_id);
