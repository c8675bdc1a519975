package app.spotter.client.checkin;

import app.spotter.client.booking.BookingView;
import app.spotter.client.booking.Bookings;
import app.spotter.client.members.MemberView;
import app.spotter.client.members.Members;
import app.spotter.client.outbox.LocalChanges;
import app.spotter.client.outbox.LocalEffect;
import app.spotter.client.outbox.Outbox;
import app.spotter.client.outbox.PendingOperation;
import app.spotter.client.store.DeviceState;
import app.spotter.client.store.Feed;
import app.spotter.client.store.Mirror;
import app.spotter.client.store.Rows;
import app.spotter.model.checkin.CheckInAttempt;
import app.spotter.model.checkin.CheckInDecision;
import app.spotter.model.checkin.CheckInMethod;
import app.spotter.model.checkin.CheckInPolicy;
import app.spotter.model.checkin.CheckInReason;
import app.spotter.model.checkin.CheckInRules;
import app.spotter.model.checkin.MemberCard;
import app.spotter.model.checkin.MemberQrCodes;
import app.spotter.model.common.CheckInId;
import app.spotter.model.common.LocationId;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.UserId;
import app.spotter.model.sync.OperationPayload;
import app.spotter.model.sync.SyncApi;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Entry at the door, decided on the desk in milliseconds, online or offline, with the shared
 * {@link CheckInRules}; every decision about a known member is recorded as a CHECK_IN fact.
 *
 * <p>PIN entry is not offered here: PIN hashes never leave the server, so a PIN can only be
 * checked online (the kiosk calls the server's check-in API for that).
 */
public final class CheckIns {

    private final LocalChanges changes;
    private final Mirror mirror;
    private final Outbox outbox;
    private final Members members;
    private final Bookings bookings;
    private final Clock clock;
    private final CheckInPolicy policy;
    private volatile PublicKey cardKey;
    private volatile String cardKeyText;

    public CheckIns(LocalChanges changes, Mirror mirror, Outbox outbox, Members members, Bookings bookings, Clock clock,
                    CheckInPolicy policy) {
        this.changes = changes;
        this.mirror = mirror;
        this.outbox = outbox;
        this.members = members;
        this.bookings = bookings;
        this.clock = clock;
        this.policy = policy;
    }

    /**
     * A scanned member card: verified with the gym's public key from enrollment, refused as
     * revoked when the member's current card version (synced) is newer.
     */
    public CheckInResult byQr(UserId actor, String payload) {
        return changes.decide(session -> {
            Optional<MemberCard> card = MemberQrCodes.verify(payload, cardKey(session));
            if (card.isEmpty()) {
                return new CheckInResult(CheckInDecision.refuse(CheckInReason.QR_INVALID), null, null, null);
            }
            MemberId memberId = card.get().member();
            List<PendingOperation> ops = outbox.unconfirmed(session);
            Optional<MemberView> member = members.find(session, memberId, ops);
            if (member.isEmpty()) {
                return new CheckInResult(CheckInDecision.refuse(CheckInReason.UNKNOWN_MEMBER), memberId, null, null);
            }
            if (!card.get().isCurrent(member.get().cardVersion())) {
                return record(session, actor, memberId, CheckInMethod.QR,
                        CheckInDecision.refuse(CheckInReason.QR_REVOKED), ops, null, payload);
            }
            // the scanned card goes with the fact: a kiosk's check-in counts only with it (decision 0013)
            return decideAndRecord(session, actor, memberId, CheckInMethod.QR, ops, payload);
        });
    }

    /** Staff let a member in from the desk (member picked by name or number). */
    public CheckInResult byStaff(UserId actor, MemberId memberId) {
        return changes.decide(session -> {
            List<PendingOperation> ops = outbox.unconfirmed(session);
            if (members.find(session, memberId, ops).isEmpty()) {
                return new CheckInResult(CheckInDecision.refuse(CheckInReason.UNKNOWN_MEMBER), memberId, null, null);
            }
            return decideAndRecord(session, actor, memberId, CheckInMethod.STAFF, ops, null);
        });
    }

    private CheckInResult decideAndRecord(Session session, UserId actor, MemberId memberId, CheckInMethod method,
                                          List<PendingOperation> ops, String card) {
        Instant now = clock.instant();
        ZoneId zone = zone(session);
        List<BookingView> memberBookings = bookings.bookingsOf(session, memberId, ops);
        Optional<BookingView> today = memberBookings.stream()
                .filter(b -> b.holdsSeat() && b.startsAt() != null
                        && b.startsAt().atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate()))
                .findFirst();
        CheckInDecision decision = CheckInRules.decide(new CheckInAttempt(members.memberships(session, memberId, ops),
                lastAdmittedAt(session, memberId, ops), today.isPresent(), now, zone), policy);
        return record(session, actor, memberId, method, decision, ops, today.map(BookingView::id).orElse(null), card);
    }

    private CheckInResult record(Session session, UserId actor, MemberId memberId, CheckInMethod method,
                                 CheckInDecision decision, List<PendingOperation> ops,
                                 app.spotter.model.common.BookingId bookingId, String card) {
        CheckInId checkInId = new CheckInId(outbox.newId());
        String location = session.find(DeviceState.class, DeviceState.ID).locationId;
        var payload = new OperationPayload.RecordCheckIn(checkInId, memberId, method, clock.instant(),
                decision.admitted(), decision.reason(), decision.onGrace(), decision.membership(),
                decision.consumesCredit(), bookingId, location == null ? null : LocationId.of(location),
                card == null ? null : card.strip());
        var opId = outbox.append(session, actor, payload, Map.of(),
                new LocalEffect(null, decision.membership(), decision.consumesCredit()));
        return new CheckInResult(decision, memberId, checkInId, opId);
    }

    /**
     * Every admission since {@code from}, oldest first: check-ins as pulled, plus the ones recorded
     * at this desk that have not come back in a pull yet (for the manager's figures of the day).
     */
    public List<Admission> admittedSince(Instant from) {
        return changes.read(session -> {
            List<Admission> admitted = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Map<String, Object> row : mirror.all(session, Feed.CHECK_IN)) {
                Instant at = Rows.instant(row, "decidedAt");
                String member = Rows.text(row, "memberId");
                if (Rows.bool(row, "admitted") && at != null && !at.isBefore(from) && member != null) {
                    seen.add(Rows.text(row, "id"));
                    admitted.add(new Admission(MemberId.of(member), at, false));
                }
            }
            for (PendingOperation op : outbox.unconfirmed(session)) {
                if (op.payload() instanceof OperationPayload.RecordCheckIn c && c.admitted() && c.memberId() != null
                        && !c.decidedAt().isBefore(from) && !seen.contains(c.checkInId().toString())
                        && (op.isPending() || op.outcome() == SyncApi.OutcomeStatus.APPLIED)) {
                    admitted.add(new Admission(c.memberId(), c.decidedAt(), op.isPending()));
                }
            }
            admitted.sort(java.util.Comparator.comparing(Admission::at));
            return admitted;
        });
    }

    /**
     * The member's visits at the door, newest first: check-ins as pulled (from every desk of this
     * location) and the ones recorded here and not pulled back yet.
     */
    public List<app.spotter.client.members.Visit> historyOf(MemberId memberId, int limit) {
        return changes.read(session -> {
            List<app.spotter.client.members.Visit> visits = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Map<String, Object> row : mirror.byMember(session, Feed.CHECK_IN, memberId)) {
                Instant at = Rows.instant(row, "decidedAt");
                if (at != null) {
                    seen.add(Rows.text(row, "id"));
                    visits.add(new app.spotter.client.members.Visit(at, Rows.bool(row, "admitted"),
                            Rows.text(row, "reason"), Rows.text(row, "method"), false));
                }
            }
            for (PendingOperation op : outbox.unconfirmed(session)) {
                if (op.payload() instanceof OperationPayload.RecordCheckIn c && memberId.equals(c.memberId())
                        && !seen.contains(c.checkInId().toString())
                        && (op.isPending() || op.outcome() == SyncApi.OutcomeStatus.APPLIED)) {
                    visits.add(new app.spotter.client.members.Visit(c.decidedAt(), c.admitted(),
                            c.reason() == null ? null : c.reason().name(), c.method().name(), op.isPending()));
                }
            }
            visits.sort(java.util.Comparator.comparing(app.spotter.client.members.Visit::at).reversed());
            return visits.stream().limit(limit).toList();
        });
    }

    // The last admission: confirmed check-ins, and admissions recorded here not pulled back yet.
    private Optional<Instant> lastAdmittedAt(Session session, MemberId memberId, List<PendingOperation> ops) {
        Instant last = null;
        for (Map<String, Object> row : mirror.byMember(session, Feed.CHECK_IN, memberId)) {
            Instant at = Rows.instant(row, "decidedAt");
            if (Rows.bool(row, "admitted") && at != null && (last == null || at.isAfter(last))) {
                last = at;
            }
        }
        for (PendingOperation op : ops) {
            if (op.payload() instanceof OperationPayload.RecordCheckIn c && c.memberId() != null
                    && c.memberId().equals(memberId) && c.admitted()
                    && (op.isPending() || op.outcome() == SyncApi.OutcomeStatus.APPLIED)
                    && (last == null || c.decidedAt().isAfter(last))) {
                last = c.decidedAt();
            }
        }
        return Optional.ofNullable(last);
    }

    private ZoneId zone(Session session) {
        String zone = session.find(DeviceState.class, DeviceState.ID).zoneId;
        return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
    }

    private PublicKey cardKey(Session session) {
        String text = session.find(DeviceState.class, DeviceState.ID).memberCardPublicKey;
        if (text == null) {
            return null;
        }
        if (!text.equals(cardKeyText)) {
            cardKey = MemberQrCodes.decodePublicKey(text);
            cardKeyText = text;
        }
        return cardKey;
    }
}
