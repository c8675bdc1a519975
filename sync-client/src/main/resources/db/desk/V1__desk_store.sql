-- The desk's local store: confirmed rows mirrored from the server's change feed, the device's
-- own state, and the outbox of operations not yet decided by the server (the outbox is the truth).

create table mirror_row (
    entity_type   varchar(40)    not null,
    entity_id     varchar(64)    not null,
    data          varchar(100000) not null,
    position      bigint         not null,
    -- extracted from data for the desk's lookups (a member at the door, a slot's bookings)
    member_id     varchar(64),
    slot_id       varchar(64),
    membership_id varchar(64),
    member_number varchar(20),
    last_name     varchar(100),
    primary key (entity_type, entity_id)
);
create index mirror_row_member_idx on mirror_row (entity_type, member_id);
create index mirror_row_slot_idx on mirror_row (entity_type, slot_id);
create index mirror_row_membership_idx on mirror_row (entity_type, membership_id);
create index mirror_row_member_number_idx on mirror_row (member_number);
create index mirror_row_last_name_idx on mirror_row (last_name);

create table device_state (
    id                      integer primary key,
    device_id               varchar(64),
    device_secret           varchar(255),
    location_id             varchar(64),
    zone_id                 varchar(64),
    member_card_public_key  varchar(2000),
    pull_cursor             bigint  not null default 0,
    last_pushed_sequence    bigint  not null default 0,
    last_acked_sequence     bigint  not null default 0,
    -- operations decided at or below this sequence are in the mirror (a pull completed after their
    -- outcome), so the overlay no longer needs them
    settled_sequence        bigint  not null default 0,
    next_sequence           bigint  not null default 1,
    last_hlc_wall           bigint  not null default 0,
    last_hlc_counter        integer not null default 0,
    last_sync_at            timestamp with time zone,
    constraint device_state_single_row check (id = 1)
);
insert into device_state (id) values (1);

create table outbox (
    op_id          uuid primary key,
    sequence       bigint       not null unique,
    type           varchar(30)  not null,
    payload        varchar(20000) not null,
    read_versions  varchar(20000) not null,
    -- what the desk decided locally (booking status, credit charged), for the overlay
    local_effect   varchar(2000),
    hlc_wall       bigint       not null,
    hlc_counter    integer      not null,
    hlc_node       varchar(64)  not null,
    actor          uuid,
    status         varchar(10)  not null,
    outcome_status varchar(12),
    reason         varchar(200),
    conflict_id    uuid,
    created_at     timestamp with time zone not null,
    decided_at     timestamp with time zone
);
create index outbox_status_idx on outbox (status, sequence);
