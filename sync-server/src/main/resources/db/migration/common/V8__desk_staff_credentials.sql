-- Decision 0013: a desk proves who is acting. A staff credential is issued to one device for one
-- staff member at an online login there; its key is derived from the server's secret and the
-- credential id, so no key is stored. role is the role at issue: the push checks permissions with it.
create table staff_credential (
    id          uuid primary key,
    device_id   uuid not null references device (id),
    user_id     uuid not null references app_user (id),
    role        varchar(32) not null,
    issued_at   timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    revoked_at  timestamp with time zone
);
create index staff_credential_user on staff_credential (user_id);
create index staff_credential_device on staff_credential (device_id);

-- The kind of device a pairing code enrolls is the manager's choice, not the device's.
alter table pairing_code add column kind varchar(20) default 'FRONT_DESK' not null;
