-- Work done after, or apart from, the request that asked for it: mail, the hourly sweeps, and
-- soon hold expiry, the SABOAK cut-off and reconciliation. Every server process polls this
-- table. A job is taken by writing a lease (locked_by, lease_until) under
-- `for update skip locked` (BEGIN IMMEDIATE on SQLite), so with several processes on one
-- database each job runs once; a worker that dies loses its lease and another takes over.
-- Times are Unix seconds (UTC), like every table from here on.
create table job (
    job_id bigint generated always as identity primary key,
    -- What to do (`email_reset_link`, `sweep_sessions`…), for filtering and logs.
    kind text not null,
    -- The job's parameters as JSON: ids and settings, never personal data.
    payload text not null,
    state text not null default 'queued'
        constraint job_state_known check (state in ('queued', 'done', 'failed')),
    run_at bigint not null,
    attempts integer not null default 0,
    max_attempts integer not null constraint job_max_attempts_positive check (max_attempts > 0),
    locked_by text,
    lease_until bigint,
    -- Why the last attempt failed (a cause for operators, never personal data).
    last_error text,
    -- Set when the same job must never be queued twice (one run per recurring slot).
    unique_key text constraint job_unique_key unique,
    created_at bigint not null,
    finished_at bigint
);

create index job_due on job (state, run_at);

-- Each recurring job's last slot that was queued: after a restart the runner queues what was
-- missed since then.
create table job_schedule (
    name text primary key,
    last_slot bigint not null
);
