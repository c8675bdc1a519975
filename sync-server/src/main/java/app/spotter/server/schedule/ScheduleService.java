package app.spotter.server.schedule;

import app.spotter.model.access.Permission;
import app.spotter.model.access.Role;
import app.spotter.model.api.ScheduleApi.NewSession;
import app.spotter.model.api.ScheduleApi.NewSlots;
import app.spotter.model.api.ScheduleApi.SessionDetail;
import app.spotter.model.api.ScheduleApi.SessionUpdate;
import app.spotter.model.api.ScheduleApi.SessionView;
import app.spotter.model.api.ScheduleApi.SlotView;
import app.spotter.model.api.ScheduleApi.Weekly;
import app.spotter.model.common.EquipmentId;
import app.spotter.model.common.LocationId;
import app.spotter.model.common.RoomId;
import app.spotter.model.common.SessionId;
import app.spotter.model.common.SlotId;
import app.spotter.model.common.TimeRange;
import app.spotter.model.common.UserId;
import app.spotter.model.schedule.SessionKind;
import app.spotter.model.schedule.SlotStatus;
import app.spotter.model.schedule.WeeklyRecurrence;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.auth.Caller;
import app.spotter.server.auth.UserAccount;
import app.spotter.server.bookings.SlotCancellation;
import app.spotter.server.bookings.WaitlistPromotion;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import app.spotter.server.locations.EquipmentRecord;
import app.spotter.server.locations.LocationRecord;
import app.spotter.server.locations.RoomRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Sessions (what is offered) and their time slots (when). A trainer or a machine is never in two
 * overlapping scheduled slots: slot changes lock the trainer's or machine's row and check for
 * overlaps under that lock; on PostgreSQL exclusion constraints back this up.
 */
public final class ScheduleService {

    public static final int MAX_CAPACITY = 1000;
    static final Duration MAX_SLOT_LENGTH = Duration.ofHours(24);
    static final Duration MAX_LISTING_SPAN = Duration.ofDays(93);

    /** What the audit log keeps of a session. */
    record SessionSnapshot(String kind, String title, UUID trainerId, UUID equipmentId, int capacity, Instant deletedAt) {
    }

    /** What the audit log keeps of a slot. */
    record SlotSnapshot(UUID sessionId, Instant startsAt, Instant endsAt, int capacity, String status) {
    }

    private final Transactions tx;
    private final ScheduleRepository schedule;
    private final SlotCancellation cancellation;
    private final WaitlistPromotion promotion;
    private final AuditLog audit;
    private final Clock clock;

    public ScheduleService(Transactions tx, ScheduleRepository schedule, SlotCancellation cancellation,
                           WaitlistPromotion promotion, AuditLog audit, Clock clock) {
        this.tx = tx;
        this.schedule = schedule;
        this.cancellation = cancellation;
        this.promotion = promotion;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates a session. A trainer's session is theirs by default; a caller with only SESSIONS_OWN
     * can create sessions only for themselves.
     */
    public SessionView createSession(Caller caller, NewSession r) {
        if (r.kind() == null) {
            throw ApiException.validation("kind", "kind is required: CLASS, PERSONAL_TRAINING or EQUIPMENT");
        }
        String title = title(r.title());
        String description = description(r.description());
        if (r.locationId() == null) {
            throw ApiException.validation("locationId", "locationId is required");
        }
        UUID trainerId = r.trainerId() != null ? r.trainerId().value()
                : caller.role() == Role.TRAINER || !caller.can(Permission.SESSIONS_ANY) ? caller.userId().value() : null;
        if (!caller.can(Permission.SESSIONS_ANY) && !caller.userId().value().equals(trainerId)) {
            throw new ApiException(403, "FORBIDDEN", "You can only create sessions you teach yourself", "trainerId");
        }
        if (r.kind() == SessionKind.PERSONAL_TRAINING && trainerId == null) {
            throw ApiException.validation("trainerId", "Personal training needs a trainer");
        }
        if (r.kind() == SessionKind.EQUIPMENT && r.equipmentId() == null) {
            throw ApiException.validation("equipmentId", "An equipment session needs equipmentId");
        }
        return tx.inTransaction(session -> {
            LocationRecord location = session.find(LocationRecord.class, r.locationId().value());
            if (location == null) {
                throw ApiException.validation("locationId", "Unknown location");
            }
            RoomRecord room = null;
            if (r.roomId() != null) {
                room = session.find(RoomRecord.class, r.roomId().value());
                if (room == null || !room.locationId.equals(location.id)) {
                    throw ApiException.validation("roomId", "Unknown room at this location");
                }
            }
            if (r.equipmentId() != null) {
                EquipmentRecord e = session.find(EquipmentRecord.class, r.equipmentId().value());
                if (e == null || !e.locationId.equals(location.id)) {
                    throw ApiException.validation("equipmentId", "Unknown equipment at this location");
                }
            }
            if (trainerId != null) {
                UserAccount trainer = session.find(UserAccount.class, trainerId);
                if (trainer == null || !trainer.active || trainer.role == Role.MEMBER) {
                    throw ApiException.validation("trainerId", "Unknown trainer");
                }
            }
            Integer capacity = r.capacity();
            if (capacity == null) {
                capacity = r.kind() == SessionKind.CLASS ? (room == null ? null : room.capacity) : Integer.valueOf(1);
            }
            if (capacity == null) {
                throw ApiException.validation("capacity", "capacity is required for a class");
            }
            SessionRecord s = new SessionRecord();
            s.id = UUID.randomUUID();
            s.kind = r.kind().name();
            s.title = title;
            s.description = description;
            s.locationId = location.id;
            s.roomId = room == null ? null : room.id;
            s.trainerId = trainerId;
            s.equipmentId = r.equipmentId() == null ? null : r.equipmentId().value();
            s.defaultCapacity = capacity(capacity);
            s.createdAt = clock.instant();
            session.persist(s);
            audit.record(session, caller, "SESSION_CREATED", "Session", s.id, null, snapshot(s));
            return view(s, location);
        });
    }

    /** Sessions not deleted, optionally of one trainer. */
    public List<SessionView> sessions(Caller caller, UserId trainer) {
        return tx.inTransaction(session -> schedule.sessions(session, trainer == null ? null : trainer.value()).stream()
                .map(s -> view(s, session.find(LocationRecord.class, s.locationId)))
                .toList());
    }

    /** A session with all its slots; times in {@code zone}, or the location's zone when null. */
    public SessionDetail session(Caller caller, SessionId id, ZoneId zone) {
        return tx.inTransaction(session -> {
            SessionRecord s = live(session, id);
            List<TimeSlotRecord> slots = schedule.slotsOf(session, s.id);
            Map<UUID, Integer> waiting = schedule.waitlistLengths(session, slots.stream().map(t -> t.id).toList());
            return new SessionDetail(view(s, session.find(LocationRecord.class, s.locationId)),
                    slots.stream().map(t -> slotView(t, s, waiting.getOrDefault(t.id, 0), zone)).toList());
        });
    }

    /**
     * Changes title, description and capacity. A new capacity applies to the session's future
     * slots; a larger one seats waitlisted members at once, a smaller one may not drop below the
     * seats already taken.
     */
    public SessionView updateSession(Caller caller, SessionId id, SessionUpdate r) {
        String title = r.title() == null ? null : title(r.title());
        String description = description(r.description());
        Integer capacity = r.capacity() == null ? null : capacity(r.capacity());
        return tx.inTransaction(session -> {
            Instant now = clock.instant();
            SessionRecord s = live(session, id);
            requireOwner(caller, s);
            SessionSnapshot before = snapshot(s);
            if (title != null) {
                s.title = title;
            }
            if (description != null) {
                s.description = description;
            }
            if (capacity != null) {
                s.defaultCapacity = capacity;
                for (UUID slotId : schedule.futureSlotIds(session, s.id, now)) {
                    TimeSlotRecord slot = schedule.lockSlot(session, slotId);
                    LeasedSeats.releaseExpired(session, slot, now);
                    if (capacity < slot.seatsTaken + slot.seatsLeased) {
                        throw new ApiException(409, "CAPACITY_BELOW_BOOKINGS", "A future slot already has "
                                + (slot.seatsTaken + slot.seatsLeased) + " seats taken or leased to desks; cancel bookings"
                                + " before lowering the capacity", "capacity");
                    }
                    slot.capacity = capacity;
                    promotion.fill(session, slot, caller, now);
                }
            }
            audit.record(session, caller, "SESSION_UPDATED", "Session", s.id, before, snapshot(s));
            return view(s, session.find(LocationRecord.class, s.locationId));
        });
    }

    /** Soft-deletes a session: its future slots are cancelled, their bookings cancelled and credits refunded. */
    public void deleteSession(Caller caller, SessionId id) {
        tx.run(session -> {
            Instant now = clock.instant();
            SessionRecord s = live(session, id);
            requireOwner(caller, s);
            SessionSnapshot before = snapshot(s);
            s.deletedAt = now;
            for (UUID slotId : schedule.futureSlotIds(session, s.id, now)) {
                cancelLocked(session, caller, schedule.lockSlot(session, slotId), now);
            }
            audit.record(session, caller, "SESSION_DELETED", "Session", s.id, before, snapshot(s));
        });
    }

    /**
     * Adds one slot or a weekly series to a session, in the location's zone. Refused with 409
     * OVERLAPPING_SLOT when the trainer or the machine is already in a slot at that time.
     *
     * @param zone the zone of the answer's times, or null for the location's zone
     */
    public List<SlotView> addSlots(Caller caller, SessionId id, NewSlots r, ZoneId zone) {
        boolean single = r.startsAt() != null || r.endsAt() != null;
        if (single == (r.weekly() != null)) {
            throw ApiException.validation(single ? "weekly" : "startsAt",
                    "Give either startsAt and endsAt, or weekly, not both");
        }
        Integer capacity = r.capacity() == null ? null : capacity(r.capacity());
        return tx.inTransaction(session -> {
            SessionRecord s = live(session, id);
            requireOwner(caller, s);
            LocationRecord location = session.find(LocationRecord.class, s.locationId);
            ZoneId studioZone = ZoneId.of(location.zoneId);
            List<TimeRange> ranges = single ? List.of(single(r, studioZone)) : weekly(r.weekly(), studioZone);
            // Lock the trainer's and the machine's row first: all their slot changes queue here.
            if (s.trainerId != null) {
                schedule.lockTrainer(session, s.trainerId);
            }
            if (s.equipmentId != null) {
                schedule.lockEquipment(session, s.equipmentId);
            }
            Instant now = clock.instant();
            List<SlotView> created = new ArrayList<>();
            for (TimeRange range : ranges) {
                if (s.trainerId != null && schedule.trainerBusy(session, s.trainerId, range.start(), range.end())) {
                    throw ApiException.conflict("OVERLAPPING_SLOT",
                            "The trainer already has a slot at " + range.start().atZone(studioZone).toLocalDateTime());
                }
                if (s.equipmentId != null && schedule.equipmentBusy(session, s.equipmentId, range.start(), range.end())) {
                    throw ApiException.conflict("OVERLAPPING_SLOT",
                            "The equipment is already booked at " + range.start().atZone(studioZone).toLocalDateTime());
                }
                TimeSlotRecord t = new TimeSlotRecord();
                t.id = UUID.randomUUID();
                t.sessionId = s.id;
                t.startsAt = range.start();
                t.endsAt = range.end();
                t.zoneId = studioZone.getId();
                t.capacity = capacity != null ? capacity : s.defaultCapacity;
                t.trainerId = s.trainerId;
                t.equipmentId = s.equipmentId;
                t.roomId = s.roomId;
                t.status = SlotStatus.SCHEDULED.name();
                t.createdAt = now;
                session.persist(t);
                audit.record(session, caller, "SLOT_CREATED", "TimeSlot", t.id, null, snapshot(t));
                created.add(slotView(t, s, 0, zone));
            }
            return created;
        });
    }

    /**
     * Slots running at some point in {@code [from, to)}, with seats and waitlist lengths.
     *
     * @param from start of the window, or null for now
     * @param to end of the window, or null for two weeks after {@code from}
     * @param zone the zone of the answer's times, or null for each slot's own zone
     */
    public List<SlotView> slotsBetween(Caller caller, Instant from, Instant to, LocationId location, SessionId sessionId,
                                       ZoneId zone) {
        Instant start = from != null ? from : clock.instant();
        Instant end = to != null ? to : start.plus(Duration.ofDays(14));
        if (!end.isAfter(start)) {
            throw ApiException.validation("to", "to must be after from");
        }
        if (Duration.between(start, end).compareTo(MAX_LISTING_SPAN) > 0) {
            throw ApiException.validation("to", "At most " + MAX_LISTING_SPAN.toDays() + " days at once");
        }
        return tx.inTransaction(session -> {
            var rows = schedule.slotsBetween(session, start, end, location == null ? null : location.value(),
                    sessionId == null ? null : sessionId.value(), 2000);
            Map<UUID, Integer> waiting = schedule.waitlistLengths(session, rows.stream().map(row -> row.slot().id).toList());
            return rows.stream()
                    .map(row -> slotView(row.slot(), row.session(), waiting.getOrDefault(row.slot().id, 0), zone))
                    .toList();
        });
    }

    public SlotView slot(Caller caller, SlotId id, ZoneId zone) {
        return tx.inTransaction(session -> {
            TimeSlotRecord t = schedule.slot(session, id.value());
            if (t == null) {
                throw ApiException.notFound("Slot");
            }
            return slotView(t, schedule.session(session, t.sessionId),
                    schedule.waitlistLengths(session, List.of(t.id)).getOrDefault(t.id, 0), zone);
        });
    }

    /** Cancels a slot that has not started; its bookings are cancelled and their credits refunded. */
    public SlotView cancelSlot(Caller caller, SlotId id, ZoneId zone) {
        return tx.inTransaction(session -> {
            Instant now = clock.instant();
            TimeSlotRecord t = schedule.lockSlot(session, id.value());
            if (t == null) {
                throw ApiException.notFound("Slot");
            }
            SessionRecord s = schedule.session(session, t.sessionId);
            requireOwner(caller, s);
            if (SlotStatus.SCHEDULED.name().equals(t.status)) {
                if (!now.isBefore(t.startsAt)) {
                    throw new ApiException(422, "SLOT_EXPIRED", "This slot has already started");
                }
                cancelLocked(session, caller, t, now);
            }
            return slotView(t, s, 0, zone);
        });
    }

    private void cancelLocked(Session session, Caller caller, TimeSlotRecord t, Instant now) {
        SlotSnapshot before = snapshot(t);
        t.status = SlotStatus.CANCELLED.name();
        cancellation.cancelBookingsOf(session, t, caller, now);
        // desks' escrowed seats go back at once, not when the leases expire
        LeasedSeats.releaseAll(session, t, now);
        audit.record(session, caller, "SLOT_CANCELLED", "TimeSlot", t.id, before, snapshot(t));
    }

    private SessionRecord live(Session session, SessionId id) {
        SessionRecord s = schedule.session(session, id.value());
        if (s == null || s.deletedAt != null) {
            throw ApiException.notFound("Session");
        }
        return s;
    }

    /** SESSIONS_ANY may change any session; SESSIONS_OWN only those the caller teaches. */
    private static void requireOwner(Caller caller, SessionRecord s) {
        if (caller.can(Permission.SESSIONS_ANY)) {
            return;
        }
        if (!caller.can(Permission.SESSIONS_OWN) || !caller.userId().value().equals(s.trainerId)) {
            throw ApiException.forbidden();
        }
    }

    private static TimeRange single(NewSlots r, ZoneId studioZone) {
        Instant start = instant("startsAt", r.startsAt(), studioZone);
        Instant end = instant("endsAt", r.endsAt(), studioZone);
        if (!end.isAfter(start)) {
            throw ApiException.validation("endsAt", "endsAt must be after startsAt");
        }
        if (Duration.between(start, end).compareTo(MAX_SLOT_LENGTH) > 0) {
            throw ApiException.validation("endsAt", "A slot lasts at most 24 hours");
        }
        return new TimeRange(start, end);
    }

    /** An ISO-8601 time; without an offset it is a time on the studio's clock. */
    private static Instant instant(String field, String raw, ZoneId studioZone) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.validation(field, field + " is required");
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(raw).atZone(studioZone).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiException.validation(field, field + " must be an ISO-8601 time such as 2026-03-29T18:00 or 2026-03-29T18:00+02:00");
            }
        }
    }

    private static List<TimeRange> weekly(Weekly w, ZoneId studioZone) {
        if (w.dayOfWeek() == null) {
            throw ApiException.validation("weekly.dayOfWeek", "dayOfWeek is required, e.g. MONDAY");
        }
        if (w.startTime() == null) {
            throw ApiException.validation("weekly.startTime", "startTime is required, e.g. 18:00");
        }
        if (w.durationMinutes() == null || w.durationMinutes() < 1 || w.durationMinutes() > MAX_SLOT_LENGTH.toMinutes()) {
            throw ApiException.validation("weekly.durationMinutes", "durationMinutes must be between 1 and 1440");
        }
        if (w.from() == null) {
            throw ApiException.validation("weekly.from", "from is required");
        }
        if (w.until() == null) {
            throw ApiException.validation("weekly.until", "until is required");
        }
        try {
            List<TimeRange> ranges = new WeeklyRecurrence(w.dayOfWeek(), w.startTime(),
                    Duration.ofMinutes(w.durationMinutes()), studioZone, w.from(), w.until()).occurrences();
            if (ranges.isEmpty()) {
                throw ApiException.validation("weekly.until", "No " + w.dayOfWeek() + " between from and until");
            }
            return ranges;
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("weekly.until", e.getMessage());
        }
    }

    private static String title(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 200) {
            throw ApiException.validation("title", "title is required (at most 200 characters)");
        }
        return raw.strip();
    }

    private static String description(String raw) {
        if (raw != null && raw.length() > 4000) {
            throw ApiException.validation("description", "description is at most 4000 characters");
        }
        return raw;
    }

    private static int capacity(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw ApiException.validation("capacity", "capacity must be between 1 and " + MAX_CAPACITY);
        }
        return capacity;
    }

    private static SessionSnapshot snapshot(SessionRecord s) {
        return new SessionSnapshot(s.kind, s.title, s.trainerId, s.equipmentId, s.defaultCapacity, s.deletedAt);
    }

    private static SlotSnapshot snapshot(TimeSlotRecord t) {
        return new SlotSnapshot(t.sessionId, t.startsAt, t.endsAt, t.capacity, t.status);
    }

    private static SessionView view(SessionRecord s, LocationRecord location) {
        return new SessionView(new SessionId(s.id), SessionKind.valueOf(s.kind), s.title, s.description,
                new LocationId(s.locationId), s.roomId == null ? null : new RoomId(s.roomId),
                s.trainerId == null ? null : new UserId(s.trainerId),
                s.equipmentId == null ? null : new EquipmentId(s.equipmentId), s.defaultCapacity,
                location == null ? null : location.zoneId);
    }

    static SlotView slotView(TimeSlotRecord t, SessionRecord s, int waitlisted, ZoneId zone) {
        ZoneId z = zone != null ? zone : ZoneId.of(t.zoneId);
        return new SlotView(new SlotId(t.id), new SessionId(t.sessionId), s.title, SessionKind.valueOf(s.kind),
                new LocationId(s.locationId), t.trainerId == null ? null : new UserId(t.trainerId),
                t.equipmentId == null ? null : new EquipmentId(t.equipmentId),
                t.startsAt.atZone(z).toOffsetDateTime(), t.endsAt.atZone(z).toOffsetDateTime(), t.zoneId,
                SlotStatus.valueOf(t.status), t.capacity, t.seatsTaken, Math.max(0, t.capacity - t.seatsTaken - t.seatsLeased), waitlisted);
    }
}
