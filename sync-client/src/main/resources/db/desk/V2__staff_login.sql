-- Staff who logged in at this desk while it was online: their profile and a slow salted hash of
-- the password, so they can log in again during an outage. Never synced anywhere.
create table staff_login (
    email          varchar(255) primary key,
    user_id        varchar(64)  not null,
    name           varchar(255) not null,
    role           varchar(20)  not null,
    password_hash  varchar(255) not null,
    logged_in_at   timestamp(6) with time zone not null
);
