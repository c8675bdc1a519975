-- The schedule window of the change feed (docs/sync.md "Pull"): a change of a slot, or of a row
-- that belongs to one (booking, seat lease), records when that slot starts, so a pull sends a desk
-- only the slots of its window (from the day before today to some weeks ahead). Null: not windowed.
alter table change_log add column slot_starts_at timestamp with time zone;
