-- Issue 8 (trust), registration and need to know; see docs/decisions/0014.

-- A self-registered instructor waits for a manager: PENDING (and not active) until approved.
alter table app_user add column approval varchar(20) default 'APPROVED' not null;

-- The plan the gym marks as its free trial (at most one is marked; the service keeps it so).
alter table plan add column free_trial boolean default false not null;

-- Trainers read only the members booked into their own sessions. Existing databases still hold
-- the old default grant; a new database is seeded with the new defaults after this runs.
update role_permission set permission = 'MEMBERS_READ_BOOKED'
 where role = 'TRAINER' and permission = 'MEMBERS_READ';

-- Wrong-PIN counting for member numbers that do not exist, so the kiosk's lock cannot tell a
-- stranger which numbers are real (counted exactly like a member's own attempts).
create table pin_attempt (
    member_number   varchar(40) primary key,
    failed_attempts integer not null,
    locked_until    timestamp with time zone,
    updated_at      timestamp with time zone not null
);
create index pin_attempt_updated_idx on pin_attempt (updated_at);

-- The open-ended zero-price plan the studio API used to give every new client is retired: no one
-- is put on it any more. Memberships already on it are left for the gym to review (decision 0014).
update plan set active = false where name = 'Studio client (open booking)' and price_minor = 0;
