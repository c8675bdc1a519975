package app.spotter.server.studio;

import app.spotter.model.access.Permission;
import app.spotter.model.access.Role;
import app.spotter.model.api.AuthApi.TokenPair;
import app.spotter.model.api.BookingsApi.BookingView;
import app.spotter.model.api.ScheduleApi.NewSession;
import app.spotter.model.api.ScheduleApi.NewSlots;
import app.spotter.model.api.ScheduleApi.SessionDetail;
import app.spotter.model.api.ScheduleApi.SessionUpdate;
import app.spotter.model.api.ScheduleApi.SessionView;
import app.spotter.model.api.ScheduleApi.SlotView;
import app.spotter.model.api.StudioApi;
import app.spotter.model.booking.BookingStatus;
import app.spotter.model.common.BookingId;
import app.spotter.model.common.LocationId;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.SessionId;
import app.spotter.model.common.SlotId;
import app.spotter.model.schedule.SessionKind;
import app.spotter.model.schedule.SlotStatus;
import app.spotter.server.auth.AuthService;
import app.spotter.server.auth.Caller;
import app.spotter.server.auth.UserAccount;
import app.spotter.server.bookings.BookingService;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import app.spotter.server.locations.LocationRecord;
import app.spotter.server.members.MemberSignup;
import app.spotter.server.schedule.ScheduleService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The fitness-studio API of the Django seed, mapped onto the gym domain: an instructor is a
 * TRAINER, a client a MEMBER, a session a class offering at the studio's location, a time slot
 * one occurrence. The same services and the same shared rules decide as for {@code /api/v1}.
 */
public final class StudioService {

    /** The status of an instructor's registration until a manager approves it. */
    public static final String PENDING_APPROVAL = "pending_approval";
    private static final Duration PUBLIC_HORIZON = Duration.ofDays(90);

    private final Transactions tx;
    private final StudioRepository studio;
    private final AuthService auth;
    private final MemberSignup memberSignup;
    private final ScheduleService schedule;
    private final BookingService bookings;
    private final Clock clock;
    private final ZoneId studioZone;

    public StudioService(Transactions tx, StudioRepository studio, AuthService auth, MemberSignup memberSignup, ScheduleService schedule,
                         BookingService bookings, Clock clock, ZoneId studioZone) {
        this.tx = tx;
        this.studio = studio;
        this.auth = auth;
        this.memberSignup = memberSignup;
        this.schedule = schedule;
        this.bookings = bookings;
        this.clock = clock;
        this.studioZone = studioZone;
    }

    public ZoneId studioZone() {
        return studioZone;
    }

    /**
     * Registers a client, logged in at once, as a member on no membership (or on the gym's free
     * trial); or an instructor, who waits for a manager's approval without a token (the answer is
     * the same for a new and a taken e-mail).
     */
    public StudioApi.RegisteredUser register(StudioApi.RegisterRequest r) {
        Role role = switch (r.role() == null ? "" : r.role().strip().toLowerCase(Locale.ROOT)) {
            case "instructor" -> Role.TRAINER;
            case "client" -> Role.MEMBER;
            default -> throw ApiException.validation("role", "role must be \"instructor\" or \"client\"");
        };
        return tx.inTransaction(session -> {
            if (role == Role.TRAINER) {
                AuthService.PendingRequest p = auth.requestStaffAccount(session, r.email(), r.password(), r.name(),
                        role, r.timezone());
                return new StudioApi.RegisteredUser(p.id(), p.email(), p.name(), "instructor",
                        p.timezone() != null ? p.timezone() : studioZone.getId(), PENDING_APPROVAL, null, null);
            }
            MemberId member = memberSignup.createForPublicSignup(session, r.name(), r.email());
            UserAccount u = auth.createAccount(session, r.email(), r.password(), r.name(), role, r.timezone(), member,
                    Optional.empty());
            TokenPair tokens = auth.issueFor(session, u);
            return new StudioApi.RegisteredUser(u.id, u.email, u.name, "client",
                    u.zoneId != null ? u.zoneId : studioZone.getId(), "active", tokens.accessToken(), tokens.refreshToken());
        });
    }

    public StudioApi.Tokens login(StudioApi.LoginRequest r) {
        TokenPair t = auth.login(r.email(), r.password());
        return new StudioApi.Tokens(t.accessToken(), t.refreshToken());
    }

    public StudioApi.Tokens refresh(StudioApi.RefreshRequest r) {
        TokenPair t = auth.refresh(r.refresh());
        return new StudioApi.Tokens(t.accessToken(), t.refreshToken());
    }

    /** Creates a session with all its slots in one transaction: all of it, or nothing. */
    public StudioApi.Session create(Caller caller, StudioApi.SessionInput r, ZoneId zone) {
        List<StudioApi.TimeSlotInput> slots = r.timeSlots() == null ? List.of() : r.timeSlots();
        for (int i = 0; i < slots.size(); i++) {
            validate(slots.get(i), "time_slots[" + i + "]", false);
        }
        SessionId id = tx.inTransaction(session -> {
            LocationRecord studio = studioLocation(session);
            int capacity = slots.stream().map(StudioApi.TimeSlotInput::capacity).findFirst().orElse(10);
            SessionView created = schedule.createSession(caller, new NewSession(SessionKind.CLASS, r.title(),
                    r.description(), new LocationId(studio.id), null, null, null, capacity));
            addSlots(caller, created.id(), slots, 0);
            return created.id();
        });
        return ownerView(caller, id, zone);
    }

    /** Changes title and description and adds the slots given without an id. */
    public StudioApi.Session update(Caller caller, SessionId id, StudioApi.SessionInput r, ZoneId zone) {
        List<StudioApi.TimeSlotInput> slots = r.timeSlots() == null ? List.of() : r.timeSlots();
        for (int i = 0; i < slots.size(); i++) {
            validate(slots.get(i), "time_slots[" + i + "]", true);
        }
        tx.run(session -> {
            requireOwner(caller, schedule.session(caller, id, null).session());
            if (r.title() != null || r.description() != null) {
                schedule.updateSession(caller, id, new SessionUpdate(r.title(), r.description(), null));
            }
            addSlots(caller, id, slots, 0);
        });
        return ownerView(caller, id, zone);
    }

    public void delete(Caller caller, SessionId id) {
        tx.run(session -> {
            requireOwner(caller, schedule.session(caller, id, null).session());
            schedule.deleteSession(caller, id);
        });
    }

    /** The instructor's own sessions, each with its slots. */
    public List<StudioApi.Session> instructorSessions(Caller caller, ZoneId zone) {
        return tx.inTransaction(session -> schedule.sessions(caller, caller.userId()).stream()
                .map(s -> toStudio(session, schedule.session(caller, s.id(), zone), false, caller, zone))
                .toList());
    }

    /** The owning instructor's view: every slot with its bookings. */
    public StudioApi.Session ownerView(Caller caller, SessionId id, ZoneId zone) {
        return tx.inTransaction(session -> {
            SessionDetail detail = schedule.session(caller, id, zone);
            requireOwner(caller, detail.session());
            return toStudio(session, detail, true, caller, zone);
        });
    }

    /** Sessions with upcoming slots, for anyone. */
    public List<StudioApi.Session> upcoming(ZoneId zone) {
        Instant now = clock.instant();
        List<SlotView> slots = schedule.slotsBetween(null, now, now.plus(PUBLIC_HORIZON), null, null, zone);
        Map<SessionId, List<SlotView>> bySession = new LinkedHashMap<>();
        for (SlotView s : slots) {
            if (s.status() == SlotStatus.SCHEDULED && s.startsAt().toInstant().isAfter(now)) {
                bySession.computeIfAbsent(s.sessionId(), k -> new ArrayList<>()).add(s);
            }
        }
        return tx.inTransaction(session -> {
            // one read of the offerings, not one per listed session
            Map<SessionId, SessionView> offerings = new java.util.HashMap<>();
            schedule.sessions(null, null).forEach(s -> offerings.put(s.id(), s));
            return bySession.keySet().stream()
                .map(offerings::get)
                .filter(s -> s != null && s.kind() == SessionKind.CLASS)
                .map(s -> new StudioApi.Session(s.id().value(), s.title(), s.description(), instructor(session, s),
                        bySession.get(s.id()).stream().map(v -> slot(v, null)).toList()))
                .toList();
        });
    }

    /** One session's upcoming slots, for anyone. */
    public StudioApi.Session publicSession(SessionId id, ZoneId zone) {
        Instant now = clock.instant();
        return tx.inTransaction(session -> {
            SessionDetail detail = schedule.session(null, id, zone);
            SessionView s = detail.session();
            return new StudioApi.Session(s.id().value(), s.title(), s.description(), instructor(session, s),
                    detail.slots().stream()
                            .filter(v -> v.status() == SlotStatus.SCHEDULED && v.startsAt().toInstant().isAfter(now))
                            .map(v -> slot(v, null)).toList());
        });
    }

    public StudioApi.Booking book(Caller caller, StudioApi.BookingRequest r, ZoneId zone) {
        if (r.timeSlotId() == null) {
            throw ApiException.validation("time_slot_id", "time_slot_id is required");
        }
        if (caller.memberId().isEmpty()) {
            throw new ApiException(403, "FORBIDDEN", "Only clients book time slots");
        }
        BookingView b = bookings.book(caller, new SlotId(r.timeSlotId()), null, false, zone);
        return booking(b);
    }

    public StudioApi.MyBookings myBookings(Caller caller, ZoneId zone) {
        MemberId member = caller.memberId()
                .orElseThrow(() -> new ApiException(403, "FORBIDDEN", "Only clients have bookings"));
        return new StudioApi.MyBookings(
                bookings.bookingsOf(caller, member, BookingService.Scope.UPCOMING, zone).stream()
                        .filter(b -> b.status().isActive()).map(StudioService::booking).toList(),
                bookings.bookingsOf(caller, member, BookingService.Scope.PAST, zone).stream()
                        .map(StudioService::booking).toList());
    }

    public void cancel(Caller caller, BookingId id, ZoneId zone) {
        bookings.cancel(caller, id, zone);
    }

    private void addSlots(Caller caller, SessionId id, List<StudioApi.TimeSlotInput> slots, int from) {
        for (int i = from; i < slots.size(); i++) {
            StudioApi.TimeSlotInput t = slots.get(i);
            try {
                schedule.addSlots(caller, id, new NewSlots(t.startTime(), t.endTime(), null, t.capacity()), null);
            } catch (ApiException e) {
                // name the offending slot in the seed's words
                String field = e.field() == null ? null : "time_slots[" + i + "]." + snake(e.field());
                throw new ApiException(e.status(), e.code(), e.getMessage(), field == null ? "time_slots[" + i + "]" : field);
            }
        }
    }

    private static void validate(StudioApi.TimeSlotInput t, String at, boolean update) {
        if (t == null) {
            throw ApiException.validation(at, "A time slot is required here");
        }
        if (t.id() != null) {
            throw ApiException.validation(at + ".id", update
                    ? "Existing slots cannot be changed here; cancel the slot and add a new one"
                    : "A new slot has no id");
        }
        if (t.startTime() == null) {
            throw ApiException.validation(at + ".start_time", "start_time is required");
        }
        if (t.endTime() == null) {
            throw ApiException.validation(at + ".end_time", "end_time is required");
        }
        if (t.capacity() == null || t.capacity() < 1) {
            throw ApiException.validation(at + ".capacity", "capacity must be at least 1");
        }
    }

    private static void requireOwner(Caller caller, SessionView s) {
        boolean own = s.trainerId() != null && s.trainerId().equals(caller.userId());
        if (!own && !caller.can(Permission.SESSIONS_ANY)) {
            throw new ApiException(403, "FORBIDDEN", "Only the instructor of this session can do this");
        }
    }

    private StudioApi.Session toStudio(Session session, SessionDetail d, boolean withBookings, Caller caller, ZoneId zone) {
        SessionView s = d.session();
        return new StudioApi.Session(s.id().value(), s.title(), s.description(), instructor(session, s),
                d.slots().stream()
                        .filter(v -> v.status() == SlotStatus.SCHEDULED)
                        .map(v -> slot(v, withBookings ? bookingsOf(caller, v, zone) : null)).toList());
    }

    private List<StudioApi.SlotBooking> bookingsOf(Caller caller, SlotView v, ZoneId zone) {
        return bookings.bookingsOfSlot(caller, v.id(), zone).stream()
                .filter(b -> b.status().isActive())
                .map(b -> new StudioApi.SlotBooking(b.id().value(),
                        new StudioApi.Client(b.memberId().value(), b.memberName(), null),
                        b.status().name().toLowerCase(Locale.ROOT), b.createdAt()))
                .toList();
    }

    private static StudioApi.TimeSlot slot(SlotView v, List<StudioApi.SlotBooking> bookings) {
        return new StudioApi.TimeSlot(v.id().value(), v.startsAt(), v.endsAt(), v.capacity(), v.seatsTaken(),
                v.seatsLeft(), v.seatsLeft() == 0, bookings);
    }

    private static StudioApi.Booking booking(BookingView b) {
        return new StudioApi.Booking(b.id().value(), b.slotId().value(), b.title(), b.startsAt(), b.endsAt(),
                b.status() == BookingStatus.BOOKED ? "booked" : b.status().name().toLowerCase(Locale.ROOT), b.createdAt());
    }

    private StudioApi.Instructor instructor(Session session, SessionView s) {
        if (s.trainerId() == null) {
            return null;
        }
        return new StudioApi.Instructor(s.trainerId().value(), studio.userName(session, s.trainerId().value()));
    }

    /** The studio's location: the first one of the gym, created in the studio zone when there is none. */
    private LocationRecord studioLocation(Session session) {
        LocationRecord first = studio.firstLocation(session);
        if (first != null) {
            return first;
        }
        LocationRecord l = new LocationRecord();
        l.id = UUID.randomUUID();
        l.name = "Fitness studio";
        l.zoneId = studioZone.getId();
        l.createdAt = clock.instant();
        studio.insert(session, l);
        return l;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)
                .replace("starts_at", "start_time").replace("ends_at", "end_time");
    }
}
