-- The schedule window the desk holds (docs/sync.md "Pull"): slots starting in [window_from,
-- held_until) with their bookings and leases. held_until goes with every pull, so the server sends
-- the slots that entered the window as the clock moved; null until the first windowed answer.
alter table device_state add column window_from timestamp with time zone;
alter table device_state add column held_until timestamp with time zone;

-- Leases this desk is giving back after an outage (docs/sync-client.md "Sync round"): from the
-- moment a lease is listed here no new booking is confirmed on it, so the server can return its
-- unused seats safely. A row goes once the mirrored lease shows the server returned it (or is gone).
create table lease_return (
    lease_id    varchar(64) primary key,
    listed_at   timestamp with time zone not null
);
