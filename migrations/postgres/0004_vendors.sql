-- Vendor applications: a returnee's request to sell, the Dinas's decisions on it, and the
-- in-app notifications that tell the applicant. Personal data (NIK, proof photo, owner's
-- details) lives only here and can be erased on request.

create table vendor_application (
    application_id bigint generated always as identity primary key,
    -- One application per account: an applicant edits and resubmits the same one.
    account_id bigint not null unique references account (account_id),
    status text not null default 'draft' constraint vendor_application_status_known check (
        status in ('draft', 'submitted', 'changes_requested', 'resubmitted', 'approved',
                   'rejected', 'suspended')),
    -- The business (public once approved).
    business_name text not null default '',
    category text not null default '',
    description text not null default '',
    -- Media key of the business photo (public once approved).
    business_photo text,
    -- The owner (personal data: never public).
    owner_name text not null default '',
    gender text constraint vendor_application_gender_known check (gender in ('female', 'male')),
    whatsapp text,
    kelurahan_id bigint references kelurahan (kelurahan_id),
    -- Set instead of kelurahan_id when the owner lives outside Kota Kupang.
    outside_regency text,
    address text not null default '',
    -- Returnee details (shown publicly only if the vendor opts in).
    placement_country text not null default '',
    years_abroad bigint,
    return_year bigint,
    -- Private file key of the proof of return; served only to admins, each view logged.
    proof_photo text,
    -- NIK: AES-256-GCM ciphertext (base64, nonce first) and the id of the key that made it;
    -- the keyed hash finds duplicates without decrypting. The unique index means one NIK can
    -- hold one vendor record.
    nik_ciphertext text,
    nik_key_id text,
    nik_hash text unique,
    nik_masked text,
    nib text,
    -- Which privacy notice version the applicant accepted, and when.
    consent_version text,
    consent_at bigint,
    show_returnee_details boolean not null default false,
    public_slug text unique,
    erasure_requested_at bigint,
    erased_at bigint,
    submitted_at bigint,
    decided_at bigint,
    created_at bigint not null,
    updated_at bigint not null,
    constraint vendor_application_one_place check (kelurahan_id is null or outside_regency is null)
);

create index vendor_application_by_status on vendor_application (status, submitted_at);

-- The exchange between applicant and Dinas: every step with its message, visible to both.
create table application_event (
    application_event_id bigint generated always as identity primary key,
    application_id bigint not null references vendor_application (application_id),
    actor_account_id bigint references account (account_id),
    transition text not null,
    message text not null default '',
    created_at bigint not null
);

create index application_event_by_application on application_event (application_id, created_at);

-- In-app notices ("your application was approved"); read_at set once seen.
create table notification (
    notification_id bigint generated always as identity primary key,
    account_id bigint not null references account (account_id),
    kind text not null,
    application_id bigint references vendor_application (application_id),
    created_at bigint not null,
    read_at bigint
);

create index notification_by_account on notification (account_id, created_at);
