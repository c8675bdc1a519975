-- Password guessing, counted where every server process sees it: one row per account, device or
-- client address with recent failures (see docs/decisions/0015).
create table login_throttle (
    subject          varchar(400) primary key,
    failures         integer not null,
    last_failure_at  timestamp with time zone not null,
    blocked_until    timestamp with time zone,
    locked_until     timestamp with time zone
);
create index login_throttle_last_failure_idx on login_throttle (last_failure_at);
