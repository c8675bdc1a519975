-- Decision 0013: the staff credential the server issued to this desk at a staff member's online
-- login, its key sealed under a key derived from that person's password (only someone who types the
-- password can sign as them); and each operation's proof, signed when it was recorded.
alter table staff_login add column credential_id varchar(36);
alter table staff_login add column credential_key varchar(512);
alter table staff_login add column credential_expires_at timestamp(6) with time zone;
alter table outbox add column proof_credential_id uuid;
alter table outbox add column proof_signature varchar(128);
