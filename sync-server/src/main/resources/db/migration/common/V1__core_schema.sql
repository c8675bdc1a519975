-- Spotter core schema. Portable SQL: the same script runs on PostgreSQL and H2.
-- Instants are stored as timestamp with time zone (UTC); each scheduled thing keeps its zone id.

create table location (
    id          uuid primary key,
    name        varchar(200) not null,
    zone_id     varchar(64)  not null,
    created_at  timestamp with time zone not null
);

create table room (
    id          uuid primary key,
    location_id uuid not null references location (id),
    name        varchar(200) not null,
    capacity    integer
);

create table equipment (
    id          uuid primary key,
    location_id uuid not null references location (id),
    name        varchar(200) not null
);

create table member (
    id                  uuid primary key,
    member_number       varchar(20)  not null unique,
    first_name          varchar(100) not null,
    last_name           varchar(100) not null,
    email               varchar(320),
    phone               varchar(40),
    date_of_birth       date,
    home_location_id    uuid references location (id),
    health_notes_enc    varchar(20000),
    pin_hash            varchar(255),
    pin_failed_attempts integer not null default 0,
    pin_locked_until    timestamp with time zone,
    card_version        integer not null default 1,
    version_vector      varchar(2000) not null default '',
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null
);
create index member_last_name_idx on member (last_name);
create index member_phone_idx on member (phone);
create index member_email_idx on member (email);

create table app_user (
    id            uuid primary key,
    email         varchar(320) not null unique,
    password_hash varchar(255) not null,
    name          varchar(200) not null,
    role          varchar(20)  not null,
    zone_id       varchar(64),
    member_id     uuid references member (id),
    active        boolean not null default true,
    created_at    timestamp with time zone not null
);

create table role_permission (
    role       varchar(20) not null,
    permission varchar(64) not null,
    primary key (role, permission)
);

create table refresh_token (
    id          uuid primary key,
    family_id   uuid not null,
    user_id     uuid not null references app_user (id),
    token_hash  varchar(128) not null unique,
    issued_at   timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    revoked_at  timestamp with time zone
);
create index refresh_token_family_idx on refresh_token (family_id);

create table plan (
    id            uuid primary key,
    name          varchar(200) not null,
    kind          varchar(30)  not null,
    price_minor   bigint       not null,
    currency      char(3)      not null,
    credits       integer,
    duration_days integer,
    active        boolean not null default true,
    created_at    timestamp with time zone not null
);

create table membership (
    id             uuid primary key,
    member_id      uuid not null references member (id),
    plan_id        uuid not null references plan (id),
    status         varchar(20) not null,
    starts_on      date not null,
    ends_on        date,
    cancelled_at   timestamp with time zone,
    version_vector varchar(2000) not null default '',
    created_at     timestamp with time zone not null
);
create index membership_member_idx on membership (member_id);

create table membership_freeze (
    id            uuid primary key,
    membership_id uuid not null references membership (id),
    starts_on     date not null,
    ends_on       date not null,
    created_at    timestamp with time zone not null
);
create index membership_freeze_membership_idx on membership_freeze (membership_id);

create table membership_change (
    id            uuid primary key,
    membership_id uuid not null references membership (id),
    from_plan_id  uuid not null references plan (id),
    to_plan_id    uuid not null references plan (id),
    effective_on  date not null,
    applied_at    timestamp with time zone,
    created_at    timestamp with time zone not null
);

-- Credits are a ledger: never a number overwritten, so two desks spending offline show up as two rows.
create table credit_entry (
    id            uuid primary key,
    membership_id uuid not null references membership (id),
    delta         integer not null,
    reason        varchar(40) not null,
    booking_id    uuid,
    check_in_id   uuid,
    created_at    timestamp with time zone not null
);
create index credit_entry_membership_idx on credit_entry (membership_id);

create table gym_session (
    id               uuid primary key,
    kind             varchar(30)  not null,
    title            varchar(200) not null,
    description      varchar(4000),
    location_id      uuid not null references location (id),
    room_id          uuid references room (id),
    trainer_id       uuid references app_user (id),
    equipment_id     uuid references equipment (id),
    default_capacity integer not null,
    created_at       timestamp with time zone not null,
    deleted_at       timestamp with time zone
);
create index gym_session_trainer_idx on gym_session (trainer_id);

create table time_slot (
    id           uuid primary key,
    session_id   uuid not null references gym_session (id),
    starts_at    timestamp with time zone not null,
    ends_at      timestamp with time zone not null,
    zone_id      varchar(64) not null,
    capacity     integer not null,
    seats_taken  integer not null default 0,
    trainer_id   uuid references app_user (id),
    equipment_id uuid references equipment (id),
    room_id      uuid references room (id),
    status       varchar(20) not null,
    created_at   timestamp with time zone not null,
    constraint time_slot_range_ck check (ends_at > starts_at),
    constraint time_slot_capacity_ck check (capacity > 0),
    constraint time_slot_seats_ck check (seats_taken >= 0 and seats_taken <= capacity)
);
create index time_slot_session_idx on time_slot (session_id);
create index time_slot_starts_idx on time_slot (starts_at);

create table booking (
    id               uuid primary key,
    slot_id          uuid not null references time_slot (id),
    member_id        uuid not null references member (id),
    -- equals member_id while the booking is active (booked, waitlisted, attended), null otherwise:
    -- a portable "one active booking per member per slot" without partial indexes.
    active_member_id uuid,
    status           varchar(20) not null,
    starts_at        timestamp with time zone not null,
    ends_at          timestamp with time zone not null,
    waitlist_rank    bigint,
    membership_id    uuid references membership (id),
    credit_charged   boolean not null default false,
    booked_by        uuid references app_user (id),
    created_at       timestamp with time zone not null,
    cancelled_at     timestamp with time zone,
    constraint booking_one_active_per_member unique (slot_id, active_member_id)
);
create index booking_member_idx on booking (member_id, starts_at);
create index booking_slot_idx on booking (slot_id, status);

create table check_in (
    id            uuid primary key,
    member_id     uuid references member (id),
    location_id   uuid references location (id),
    method        varchar(10) not null,
    admitted      boolean not null,
    reason        varchar(40) not null,
    on_grace      boolean not null default false,
    membership_id uuid references membership (id),
    booking_id    uuid references booking (id),
    staff_user_id uuid references app_user (id),
    device_id     uuid,
    decided_at    timestamp with time zone not null
);
create index check_in_member_idx on check_in (member_id, decided_at);
create index check_in_decided_idx on check_in (decided_at);

create table feedback (
    id         uuid primary key,
    booking_id uuid not null unique references booking (id),
    member_id  uuid not null references member (id),
    rating     integer not null,
    comment    varchar(2000),
    created_at timestamp with time zone not null,
    constraint feedback_rating_ck check (rating between 1 and 5)
);

create table audit_entry (
    id          uuid primary key,
    at          timestamp with time zone not null,
    actor_id    uuid,
    actor_role  varchar(20),
    action      varchar(60) not null,
    entity_type varchar(60) not null,
    entity_id   varchar(64),
    before_json varchar(20000),
    after_json  varchar(20000)
);
create index audit_entry_at_idx on audit_entry (at);

-- Keys shared by every server process on this database (QR signing); private parts encrypted.
create table server_key (
    id           varchar(40) primary key,
    public_key   varchar(2000) not null,
    private_enc  varchar(4000) not null,
    created_at   timestamp with time zone not null
);

-- Human member numbers (printed on cards, typed at the desk), unique across server processes.
create sequence member_number_seq start with 1001;
