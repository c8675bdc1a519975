-- The commit-ordered change feed (docs/sync.md "Pull"; decision 0004).
-- One row: the last position handed out and the oldest position the feed still keeps. A writing
-- transaction locks this row as its last step, so positions are assigned in commit order.
create table feed_counter (
    id               integer primary key,
    position         bigint not null,
    oldest_retained  bigint not null
);
insert into feed_counter (id, position, oldest_retained) values (1, 0, 1);

-- One committed change of a synced row; data is the row's JSON (null for a delete), location_id
-- the location the row belongs to (null: every device sees it).
create table change_log (
    position      bigint primary key,
    entity_type   varchar(40) not null,
    entity_id     varchar(64) not null,
    kind          varchar(10) not null,
    data          varchar,
    location_id   uuid,
    committed_at  timestamp with time zone not null
);
create index change_log_committed_at on change_log (committed_at);
