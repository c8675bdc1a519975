-- PostgreSQL enforces "never in two places at once" itself, as a backstop under the row locks the
-- services take: no member in two overlapping seat-holding bookings, no trainer, equipment or room
-- in two overlapping scheduled slots. H2 has no exclusion constraints; there the same guarantee
-- comes from the locks alone (see docs/decisions/0003-no-double-booking.md).
create extension if not exists btree_gist;

alter table booking add constraint booking_member_no_overlap
    exclude using gist (member_id with =, tstzrange(starts_at, ends_at) with &&)
    where (status in ('BOOKED', 'ATTENDED'));

alter table time_slot add constraint time_slot_trainer_no_overlap
    exclude using gist (trainer_id with =, tstzrange(starts_at, ends_at) with &&)
    where (status = 'SCHEDULED' and trainer_id is not null);

alter table time_slot add constraint time_slot_equipment_no_overlap
    exclude using gist (equipment_id with =, tstzrange(starts_at, ends_at) with &&)
    where (status = 'SCHEDULED' and equipment_id is not null);
