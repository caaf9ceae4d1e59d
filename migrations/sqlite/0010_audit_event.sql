-- The audit log about anything: who did what to which record, when, why, and in which
-- request. It replaces `audit_log`, which could only name an account as the subject; its rows
-- are carried over unchanged in meaning. Rows are only ever added (the triggers refuse
-- changes), so the log can be trusted in a dispute.
create table audit_event (
    audit_event_id integer primary key,
    -- Unix seconds (UTC), from the application's clock.
    at integer not null,
    -- Null when the change came from the command line or a job.
    actor_account_id integer references account (account_id),
    -- A typed action such as `application:approved` or `nik:reveal`.
    action text not null,
    -- What the action was about: a kind of record and its id. Not a foreign key: the log must
    -- outlive erasure and deletion of what it talks about.
    subject_kind text not null constraint audit_event_subject_kind_known check (subject_kind in (
        'account', 'application', 'vendor', 'product', 'category', 'job',
        'booking', 'payment', 'round', 'training', 'milestone')),
    subject_id integer not null,
    reason text not null default '',
    -- The x-request-id of the request that made the change (`job:<id>` for jobs).
    request_id text
);

create index audit_event_by_subject on audit_event (subject_kind, subject_id, audit_event_id);
create index audit_event_by_actor on audit_event (actor_account_id, audit_event_id);
create index audit_event_by_at on audit_event (at, audit_event_id);

insert into audit_event
    (audit_event_id, at, actor_account_id, action, subject_kind, subject_id, reason)
select audit_log_id, cast(strftime('%s', created_at) as integer), actor_account_id, action,
       'account', subject_account_id, reason
from audit_log
where subject_account_id is not null;

drop trigger audit_log_no_update;
drop trigger audit_log_no_delete;
drop table audit_log;

create trigger audit_event_no_update before update on audit_event
begin
    select raise(abort, 'audit_event is append-only');
end;

create trigger audit_event_no_delete before delete on audit_event
begin
    select raise(abort, 'audit_event is append-only');
end;
