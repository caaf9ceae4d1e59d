-- Notices become typed with parameters: the kind stays in `kind` (the names stored so far
-- are the kinds' names), what the kind needs besides (the officer's words) goes into
-- `params` as JSON. `emailed_at` is the outbox's mark: the delivery job sends the mail
-- only while it is empty, so a job taken again after a lost lease does not mail twice.
alter table notification add column params text not null default '{}';
alter table notification add column emailed_at integer;

-- The header shows every logged-in page the number of unread notices.
create index notification_unread on notification (account_id) where read_at is null;

-- Mail is written in the language a person last chose on the site.
alter table account add column locale text not null default 'id'
    constraint account_locale_known check (locale in ('id', 'en'));
