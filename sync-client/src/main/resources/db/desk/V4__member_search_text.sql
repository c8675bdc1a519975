-- What "Find a member" searches: first and last name, member number, phone (also as digits only)
-- and e-mail of a member row, lower-cased. Rows pulled before this column existed fall back to
-- their JSON text until the feed next touches them.
alter table mirror_row add column search_text varchar(1000);
