-- Member search at the counter: by first name, by the end of the phone number and by e-mail (the
-- duplicate check of a sign-up), each through its own index so a desk with 50,000 members answers
-- in milliseconds. Filled as rows are pulled; member rows pulled before this version get them on
-- their next change or the next reset (the desk was not released before it).
alter table mirror_row add column first_name varchar(100);
alter table mirror_row add column phone_reversed varchar(40);
alter table mirror_row add column email varchar(320);
create index mirror_row_first_name_idx on mirror_row (first_name);
create index mirror_row_phone_reversed_idx on mirror_row (phone_reversed);
create index mirror_row_email_idx on mirror_row (email);
