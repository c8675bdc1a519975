package app.spotter.client.booking;

import app.spotter.client.members.Members;
import app.spotter.client.outbox.LocalChanges;
import app.spotter.client.outbox.LocalEffect;
import app.spotter.client.outbox.Outbox;
import app.spotter.client.outbox.PendingOperation;
import app.spotter.client.store.DeviceState;
import app.spotter.client.store.Feed;
import app.spotter.client.store.Mirror;
import app.spotter.client.store.Rows;
import app.spotter.model.booking.BookingAttempt;
import app.spotter.model.booking.BookingDecision;
import app.spotter.model.booking.BookingPolicy;
import app.spotter.model.booking.BookingRules;
import app.spotter.model.booking.SlotSnapshot;
import app.spotter.model.common.BookingId;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.SlotId;
import app.spotter.model.common.TimeRange;
import app.spotter.model.common.UserId;
import app.spotter.model.sync.OperationPayload;
import app.spotter.model.sync.SyncApi;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.hibernate.Session;

/**
 * Class bookings at the desk, decided offline with the shared {@link BookingRules} on the
 * overlaid view. A booking inside this desk's seat lease is confirmed at once; beyond it the
 * booking is tentative until the server decides.
 */
public final class Bookings {

    private final LocalChanges changes;
    private final Mirror mirror;
    private final Outbox outbox;
    private final Members members;
    private final Clock clock;
    private final BookingPolicy policy;

    public Bookings(LocalChanges changes, Mirror mirror, Outbox outbox, Members members, Clock clock,
                    BookingPolicy policy) {
        this.changes = changes;
        this.mirror = mirror;
        this.outbox = outbox;
        this.members = members;
        this.clock = clock;
        this.policy = policy;
    }

    /**
     * Books the member on the slot (or the waitlist). A refusal is answered at once and nothing is
     * queued.
     *
     * @throws IllegalArgumentException if the slot is not known on this desk
     */
    public BookingResult book(UserId actor, SlotId slotId, MemberId memberId, boolean waitlist) {
        return changes.decide(session -> {
            Instant now = clock.instant();
            List<PendingOperation> ops = outbox.unconfirmed(session);
            Map<String, Object> slotRow = slotRow(session, slotId);
            List<BookingView> memberBookings = overlay(session, mirror.byMember(session, Feed.BOOKING, memberId), ops,
                    b -> b.memberId().equals(memberId));
            boolean alreadyOnSlot = memberBookings.stream().anyMatch(b -> b.slotId().equals(slotId) && b.isActive());
            List<TimeRange> others = memberBookings.stream()
                    .filter(b -> !b.slotId().equals(slotId) && b.holdsSeat() && b.startsAt() != null)
                    .map(b -> new TimeRange(b.startsAt(), b.endsAt())).toList();

            Optional<Lease> lease = usableLease(session, slotId, ops, now);
            SlotView slot = slotView(session, slotRow, ops, now);
            int seatsTaken = lease.isPresent() ? Math.max(0, slot.capacity() - lease.get().free()) : slot.seatsTaken();
            SlotSnapshot snapshot = new SlotSnapshot(slotId, new TimeRange(slot.startsAt(), slot.endsAt()), slot.zone(),
                    slot.capacity(), seatsTaken, slot.cancelled());
            BookingDecision decision = BookingRules.decide(new BookingAttempt(snapshot,
                    members.memberships(session, memberId, ops), others, alreadyOnSlot, waitlist, now), policy);

            BookingId bookingId = new BookingId(outbox.newId());
            if (decision.isRefused()) {
                return new BookingResult(BookingResult.State.REFUSED, bookingId, decision.refusal(), null, null);
            }
            BookingResult.State state = decision.outcome() == BookingDecision.Outcome.WAITLIST
                    ? BookingResult.State.WAITLISTED
                    : lease.isPresent() ? BookingResult.State.CONFIRMED : BookingResult.State.TENTATIVE;
            UUID leaseId = state == BookingResult.State.CONFIRMED ? lease.get().id() : null;
            UUID opId = outbox.append(session, actor,
                    new OperationPayload.BookSeat(bookingId, slotId, memberId, waitlist, leaseId), Map.of(),
                    new LocalEffect(state.name(), decision.chargedMembership(), decision.consumesCredit()));
            return new BookingResult(state, bookingId, null, opId, leaseId);
        });
    }

    /**
     * Cancels a booking (the server decides timely or late, refunding a credit when timely).
     *
     * @throws IllegalArgumentException if the booking is not known here
     * @throws IllegalStateException if it is already cancelled or refused
     */
    public UUID cancel(UserId actor, BookingId bookingId) {
        return changes.decide(session -> {
            BookingView booking = find(session, bookingId, outbox.unconfirmed(session))
                    .orElseThrow(() -> new IllegalArgumentException("Unknown booking " + bookingId));
            if (!booking.isActive()) {
                throw new IllegalStateException("Booking " + bookingId + " is " + booking.status());
            }
            return outbox.append(session, actor, new OperationPayload.CancelBooking(bookingId), Map.of(),
                    LocalEffect.NONE);
        });
    }

    /** The member's bookings, confirmed and pending, by start. */
    public List<BookingView> bookingsOf(MemberId memberId) {
        return changes.read(session -> overlay(session, mirror.byMember(session, Feed.BOOKING, memberId),
                outbox.unconfirmed(session), b -> b.memberId().equals(memberId)));
    }

    /** Who is on the slot, confirmed and pending. */
    public List<BookingView> bookingsOn(SlotId slotId) {
        return changes.read(session -> overlay(session, mirror.bySlot(session, Feed.BOOKING, slotId),
                outbox.unconfirmed(session), b -> b.slotId().equals(slotId)));
    }

    public Optional<BookingView> find(BookingId bookingId) {
        return changes.read(session -> find(session, bookingId, outbox.unconfirmed(session)));
    }

    public Optional<SlotView> slot(SlotId slotId) {
        return changes.read(session -> mirror.find(session, Feed.SLOT, slotId)
                .map(row -> slotView(session, row, outbox.unconfirmed(session), clock.instant())));
    }

    /** The location's slots starting in [from, to), by start. */
    public List<SlotView> slots(Instant from, Instant to) {
        return changes.read(session -> {
            List<PendingOperation> ops = outbox.unconfirmed(session);
            Instant now = clock.instant();
            return mirror.all(session, Feed.SLOT).stream()
                    .filter(row -> {
                        Instant start = Rows.instant(row, "startsAt");
                        return !start.isBefore(from) && start.isBefore(to);
                    })
                    .map(row -> slotView(session, row, ops, now))
                    .sorted(Comparator.comparing(SlotView::startsAt)).toList();
        });
    }

    /** The booking by id, as shown: confirmed row or pending/refused operation. */
    public Optional<BookingView> find(Session session, BookingId bookingId, List<PendingOperation> ops) {
        List<Map<String, Object>> confirmed = mirror.find(session, Feed.BOOKING, bookingId).map(List::of).orElse(List.of());
        return overlay(session, confirmed, ops, b -> b.bookingId().equals(bookingId)).stream().findFirst();
    }

    /** The member's bookings as the check-in rule sees them (for "has a booking today"). */
    public List<BookingView> bookingsOf(Session session, MemberId memberId, List<PendingOperation> ops) {
        return overlay(session, mirror.byMember(session, Feed.BOOKING, memberId), ops, b -> b.memberId().equals(memberId));
    }

    private List<BookingView> overlay(Session session, List<Map<String, Object>> confirmed, List<PendingOperation> ops,
                                      Predicate<OperationPayload.BookSeat> include) {
        Map<BookingId, BookingView> shown = new LinkedHashMap<>();
        for (Map<String, Object> row : confirmed) {
            BookingView b = new BookingView(BookingId.of(Rows.text(row, "id")), SlotId.of(Rows.text(row, "slotId")),
                    MemberId.of(Rows.text(row, "memberId")), Rows.text(row, "status"), Rows.instant(row, "startsAt"),
                    Rows.instant(row, "endsAt"), false, null, null, null);
            shown.put(b.id(), b);
        }
        for (PendingOperation op : ops) {
            if (op.payload() instanceof OperationPayload.BookSeat book && include.test(book)) {
                BookingView known = shown.get(book.bookingId());
                boolean refused = op.outcome() == SyncApi.OutcomeStatus.REJECTED
                        || op.outcome() == SyncApi.OutcomeStatus.CONFLICT;
                if (known != null) {
                    if (refused) {
                        // e.g. waitlisted by the server after a lost tentative booking: show why.
                        shown.put(known.id(), withOutcome(known, op));
                    }
                    continue;
                }
                Map<String, Object> slot = mirror.find(session, Feed.SLOT, book.slotId()).orElse(Map.of());
                String status = refused ? "REFUSED" : op.effect().bookingStatus();
                shown.put(book.bookingId(), new BookingView(book.bookingId(), book.slotId(), book.memberId(),
                        status == null ? "TENTATIVE" : status, Rows.instant(slot, "startsAt"), Rows.instant(slot, "endsAt"),
                        !refused, op.opId(), op.reason(), op.conflictId()));
            } else if (op.payload() instanceof OperationPayload.CancelBooking cancel
                    && (op.isPending() || op.outcome() == SyncApi.OutcomeStatus.APPLIED)) {
                BookingView known = shown.get(cancel.bookingId());
                if (known != null && known.isActive()) {
                    shown.put(known.id(), new BookingView(known.id(), known.slotId(), known.memberId(), "CANCELLED",
                            known.startsAt(), known.endsAt(), true, op.opId(), null, null));
                }
            }
        }
        List<BookingView> result = new ArrayList<>(shown.values());
        result.sort(Comparator.comparing(BookingView::startsAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return result;
    }

    private static BookingView withOutcome(BookingView b, PendingOperation op) {
        return new BookingView(b.id(), b.slotId(), b.memberId(), b.status(), b.startsAt(), b.endsAt(), false, op.opId(),
                op.reason(), op.conflictId());
    }

    private Map<String, Object> slotRow(Session session, SlotId slotId) {
        return mirror.find(session, Feed.SLOT, slotId)
                .orElseThrow(() -> new IllegalArgumentException("Unknown slot " + slotId));
    }

    private SlotView slotView(Session session, Map<String, Object> row, List<PendingOperation> ops, Instant now) {
        SlotId id = SlotId.of(Rows.text(row, "id"));
        // Seats leased to desks (this one included) are taken for every booking outside a lease.
        int taken = Rows.integer(row, "seatsTaken", 0) + Rows.integer(row, "seatsLeased", 0);
        for (BookingView b : overlay(session, mirror.bySlot(session, Feed.BOOKING, id), ops, book -> book.slotId().equals(id))) {
            if (b.pending() && "TENTATIVE".equals(b.status())) {
                taken++;
            } else if (b.pending() && "CANCELLED".equals(b.status())) {
                taken--;
            }
        }
        int leasedFree = usableLease(session, id, ops, now).map(Lease::free).orElse(0);
        String zone = Rows.text(row, "zoneId");
        String title = Rows.text(row, "title");
        String kind = Rows.text(row, "kind");
        if (title == null || kind == null) {
            Map<String, Object> offering = mirror.find(session, Feed.SESSION, Rows.text(row, "sessionId")).orElse(Map.of());
            title = title != null ? title : Rows.text(offering, "title");
            kind = kind != null ? kind : Rows.text(offering, "kind");
        }
        return new SlotView(id, title, Rows.instant(row, "startsAt"), Rows.instant(row, "endsAt"),
                zone == null ? ZoneId.of("UTC") : ZoneId.of(zone), Rows.integer(row, "capacity", 0), Math.max(0, taken),
                "CANCELLED".equals(Rows.text(row, "status")), leasedFree, kind == null ? "CLASS" : kind);
    }

    private record Lease(UUID id, int free) {
    }

    // This desk's unexpired lease on the slot with the most seats left, after bookings made on it
    // here that the mirrored lease does not count yet.
    private Optional<Lease> usableLease(Session session, SlotId slotId, List<PendingOperation> ops, Instant now) {
        String device = session.find(DeviceState.class, DeviceState.ID).deviceId;
        Optional<Lease> best = Optional.empty();
        for (Map<String, Object> row : mirror.bySlot(session, Feed.SEAT_LEASE, slotId)) {
            Instant expires = Rows.instant(row, "expiresAt");
            if (device == null || !device.equals(Rows.text(row, "deviceId")) || expires == null || !expires.isAfter(now)) {
                continue;
            }
            UUID leaseId = UUID.fromString(Rows.text(row, row.containsKey("leaseId") ? "leaseId" : "id"));
            if (row.get("returnedAt") != null || app.spotter.client.store.LeaseReturns.listed(session, leaseId.toString())) {
                continue; // given back (or being given back after an outage): its seats are not this desk's
            }
            int free = Rows.integer(row, "seats", 0) - Rows.integer(row, "used", 0);
            for (PendingOperation op : ops) {
                if (op.payload() instanceof OperationPayload.BookSeat b && leaseId.equals(b.leaseId())
                        && (op.isPending() || op.outcome() == SyncApi.OutcomeStatus.APPLIED)
                        && mirror.find(session, Feed.BOOKING, b.bookingId()).isEmpty()) {
                    free--;
                }
            }
            if (free > 0 && (best.isEmpty() || free > best.get().free())) {
                best = Optional.of(new Lease(leaseId, free));
            }
        }
        return best;
    }
}
