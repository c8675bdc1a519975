-- Enrolled desks, kiosks and scanner stations, and the one-time codes that pair them.
create table device (
    id             uuid primary key,
    name           varchar(100) not null,
    kind           varchar(20)  not null,
    location_id    uuid not null references location (id),
    secret_hash    varchar(255) not null,
    enrolled_by    uuid references app_user (id),
    enrolled_at    timestamp with time zone not null,
    last_seen_at   timestamp with time zone,
    revoked_at     timestamp with time zone,
    -- the highest operation sequence applied from this device (gapless per device)
    last_sequence  bigint not null default 0
);

create table pairing_code (
    code_hash   varchar(128) primary key,
    location_id uuid not null references location (id),
    created_by  uuid references app_user (id),
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    device_id   uuid references device (id)
);
