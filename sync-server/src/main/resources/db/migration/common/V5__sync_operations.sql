-- Offline sync: the durable outcome of every pushed operation, the manager's conflicts, seat leases
-- (escrow) for offline bookings, and per-field versions of member profiles.

create table sync_operation (
    op_id         uuid primary key,
    device_id     uuid not null references device (id),
    sequence      bigint not null,
    type          varchar(30) not null,
    payload       varchar(20000) not null,
    actor         uuid,
    hlc           varchar(120),
    read_versions varchar(8000),
    status        varchar(20) not null,
    reason        varchar(60),
    conflict_id   uuid,
    received_at   timestamp with time zone not null,
    applied_at    timestamp with time zone,
    constraint sync_operation_device_sequence unique (device_id, sequence)
);

create table sync_conflict (
    id          uuid primary key,
    kind        varchar(40) not null,
    entity_type varchar(60) not null,
    entity_id   varchar(64) not null,
    facts       varchar(8000) not null,
    status      varchar(20) not null,
    resolution  varchar(40),
    op_id       uuid,
    device_id   uuid,
    created_at  timestamp with time zone not null,
    resolved_at timestamp with time zone,
    resolved_by uuid
);
create index sync_conflict_status_idx on sync_conflict (status, created_at);

create table seat_lease (
    id          uuid primary key,
    slot_id     uuid not null references time_slot (id),
    device_id   uuid not null references device (id),
    seats       integer not null,
    used        integer not null default 0,
    expires_at  timestamp with time zone not null,
    returned_at timestamp with time zone,
    created_at  timestamp with time zone not null,
    constraint seat_lease_used_ck check (used >= 0 and used <= seats)
);
create index seat_lease_slot_idx on seat_lease (slot_id, device_id);

-- Seats held by unexpired leases and not used yet: taken for everybody but the leasing desk.
alter table time_slot add column seats_leased integer not null default 0;
alter table time_slot add constraint time_slot_leased_ck check (seats_leased >= 0);

-- field -> encoded version vector of the change that last set it (JSON), for field-by-field merges.
alter table member add column field_versions varchar(4000) not null default '{}';
