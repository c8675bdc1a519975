-- Staff accounts (decision 0016): TOTP second factor, admin-issued password reset links and the
-- gym's security settings. Values sealed at rest now name their key (v1:<key id>:...); older values
-- without a key id stay readable and are re-encrypted in the background, so no column changes for that.

-- The TOTP secret, sealed with the at-rest key (associated data "totp:<user id>"). Set when enrolment
-- starts; totp_enabled only once a code confirmed it. totp_last_step refuses a login code used twice.
alter table app_user add column totp_secret_enc varchar(400);
alter table app_user add column totp_enabled boolean default false not null;
alter table app_user add column totp_last_step bigint;

-- One-time password reset links an admin issues; only the SHA-256 of the token is kept.
create table password_reset (
    id          uuid primary key,
    user_id     uuid not null references app_user (id),
    token_hash  varchar(64) not null unique,
    issued_by   uuid references app_user (id),
    issued_at   timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);
create index password_reset_user_idx on password_reset (user_id);

-- Gym-wide settings an admin toggles, one row each (e.g. totp.required.admins = true).
create table gym_setting (
    name        varchar(100) primary key,
    setting_value varchar(400) not null,
    updated_at  timestamp with time zone not null,
    updated_by  uuid references app_user (id)
);
