package app.spotter.client.members;

import app.spotter.client.outbox.LocalChanges;
import app.spotter.client.outbox.LocalEffect;
import app.spotter.client.outbox.Outbox;
import app.spotter.client.outbox.PendingOperation;
import app.spotter.client.store.Feed;
import app.spotter.client.store.Mirror;
import app.spotter.client.store.Rows;
import app.spotter.model.common.LocationId;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.MembershipId;
import app.spotter.model.common.UserId;
import app.spotter.model.membership.FreezePeriod;
import app.spotter.model.membership.MembershipSnapshot;
import app.spotter.model.membership.MembershipStatus;
import app.spotter.model.membership.PlanKind;
import app.spotter.model.sync.OperationPayload;
import app.spotter.model.sync.SyncApi;
import app.spotter.model.sync.VersionVector;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Members at the desk: sign-ups, profile edits and freezes as outbox operations, and the member's
 * memberships as the shared rules must see them (confirmed rows plus what is still pending).
 */
public final class Members {

    private final LocalChanges changes;
    private final Mirror mirror;
    private final Outbox outbox;

    public Members(LocalChanges changes, Mirror mirror, Outbox outbox) {
        this.changes = changes;
        this.mirror = mirror;
        this.outbox = outbox;
    }

    /** Signs up a member; the id is minted here so the desk's row and the server's are the same. */
    public MemberId register(UserId actor, NewMember member) {
        Objects.requireNonNull(member.firstName(), "firstName");
        Objects.requireNonNull(member.lastName(), "lastName");
        MemberId id = new MemberId(outbox.newId());
        changes.decide(session -> {
            String location = LocalChanges.device(session).locationId;
            return outbox.append(session, actor, new OperationPayload.RegisterMember(id, member.firstName(),
                            member.lastName(), member.email(), member.phone(), member.dateOfBirth(),
                            location == null ? null : LocationId.of(location)),
                    Map.of(), LocalEffect.NONE);
        });
        return id;
    }

    /**
     * Changes profile fields (name to new value, null clears). The operation carries the version
     * the desk saw, so a field changed elsewhere meanwhile becomes a conflict, not an overwrite.
     *
     * @throws IllegalArgumentException if the member is unknown here
     */
    public UUID edit(UserId actor, MemberId memberId, Map<String, String> fieldChanges) {
        return changes.decide(session -> {
            MemberView member = find(session, memberId, outbox.unconfirmed(session))
                    .orElseThrow(() -> new IllegalArgumentException("Unknown member " + memberId));
            return outbox.append(session, actor, new OperationPayload.EditMember(memberId, new LinkedHashMap<>(fieldChanges)),
                    Map.of(memberId.toString(), member.versionVector()), LocalEffect.NONE);
        });
    }

    /** Freezes a membership for the given days (inclusive). */
    public UUID freezeMembership(UserId actor, MembershipId membershipId, LocalDate from, LocalDate to) {
        new FreezePeriod(from, to); // validates the days before anything is queued
        return changes.decide(session -> {
            Map<String, Object> row = mirror.find(session, Feed.MEMBERSHIP, membershipId)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown membership " + membershipId));
            return outbox.append(session, actor, new OperationPayload.FreezeMembership(membershipId, from, to),
                    Map.of(membershipId.toString(), VersionVector.parse(Rows.text(row, "versionVector"))),
                    LocalEffect.NONE);
        });
    }

    public Optional<MemberView> find(MemberId memberId) {
        return changes.read(session -> find(session, memberId, outbox.unconfirmed(session)));
    }

    /** The member with that printed number (members signed up here get theirs from the server). */
    public Optional<MemberView> byNumber(String memberNumber) {
        return changes.read(session -> mirror.memberByNumber(session, memberNumber)
                .flatMap(row -> find(session, MemberId.of(Rows.text(row, "id")), outbox.unconfirmed(session))));
    }

    /** Members whose last name starts with the text, pending sign-ups included. */
    public List<MemberView> search(String lastNamePrefix, int limit) {
        return changes.read(session -> {
            List<PendingOperation> ops = outbox.unconfirmed(session);
            List<MemberView> found = new ArrayList<>();
            for (Map<String, Object> row : mirror.membersByLastName(session, lastNamePrefix, limit)) {
                find(session, MemberId.of(Rows.text(row, "id")), ops).ifPresent(found::add);
            }
            String prefix = lastNamePrefix.toLowerCase(java.util.Locale.ROOT);
            for (PendingOperation op : ops) {
                if (op.isPending() && op.payload() instanceof OperationPayload.RegisterMember r
                        && r.lastName().toLowerCase(java.util.Locale.ROOT).startsWith(prefix)
                        && found.stream().noneMatch(m -> m.id().equals(r.memberId()))) {
                    find(session, r.memberId(), ops).ifPresent(found::add);
                }
            }
            return found.stream().limit(limit).toList();
        });
    }

    /** The member as shown: confirmed profile, or a pending sign-up, with pending edits applied. */
    public Optional<MemberView> find(Session session, MemberId memberId, List<PendingOperation> ops) {
        Optional<Map<String, Object>> row = mirror.find(session, Feed.MEMBER, memberId);
        Map<String, Object> fields = new LinkedHashMap<>();
        boolean pending = false;
        UUID lastOp = null;
        if (row.isPresent()) {
            fields.putAll(row.get());
        }
        for (PendingOperation op : ops) {
            if (!op.isPending() && !(op.outcome() == SyncApi.OutcomeStatus.APPLIED && row.isEmpty())) {
                continue;
            }
            if (op.payload() instanceof OperationPayload.RegisterMember r && r.memberId().equals(memberId)
                    && row.isEmpty()) {
                fields.put("firstName", r.firstName());
                fields.put("lastName", r.lastName());
                fields.put("email", r.email());
                fields.put("phone", r.phone());
                fields.put("dateOfBirth", r.dateOfBirth() == null ? null : r.dateOfBirth().toString());
                pending = true;
                lastOp = op.opId();
            } else if (op.isPending() && op.payload() instanceof OperationPayload.EditMember e
                    && e.memberId().equals(memberId)) {
                fields.putAll(e.changes());
                pending = true;
                lastOp = op.opId();
            }
        }
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MemberView(memberId, Rows.text(fields, "memberNumber"), Rows.text(fields, "firstName"),
                Rows.text(fields, "lastName"), Rows.text(fields, "email"), Rows.text(fields, "phone"),
                Rows.date(fields, "dateOfBirth"), Rows.integer(fields, "cardVersion", 1),
                VersionVector.parse(Rows.text(fields, "versionVector")), pending, lastOp));
    }

    /**
     * The member's memberships for the shared rules: plan kind from the plan, credits as the sum of
     * the ledger minus what pending bookings and visits spent, pending freezes included.
     */
    public List<MembershipSnapshot> memberships(Session session, MemberId memberId, List<PendingOperation> ops) {
        List<MembershipSnapshot> snapshots = new ArrayList<>();
        for (Map<String, Object> m : mirror.byMember(session, Feed.MEMBERSHIP, memberId)) {
            MembershipId id = MembershipId.of(Rows.text(m, "id"));
            PlanKind kind = planKind(session, m);
            List<FreezePeriod> freezes = new ArrayList<>();
            for (Map<String, Object> f : mirror.byMembership(session, Feed.MEMBERSHIP_FREEZE, id)) {
                freezes.add(new FreezePeriod(Rows.date(f, "startsOn"), Rows.date(f, "endsOn")));
            }
            Integer credits = null;
            if (kind.usesCredits()) {
                int sum = 0;
                for (Map<String, Object> c : mirror.byMembership(session, Feed.CREDIT_ENTRY, id)) {
                    sum += Rows.integer(c, "delta", 0);
                }
                credits = sum - pendingCreditsSpent(session, id, ops);
            }
            for (PendingOperation op : ops) {
                if (op.isPending() && op.payload() instanceof OperationPayload.FreezeMembership f
                        && f.membershipId().equals(id)) {
                    freezes.add(new FreezePeriod(f.from(), f.to()));
                }
            }
            snapshots.add(new MembershipSnapshot(id, memberId, kind, MembershipStatus.valueOf(Rows.text(m, "status")),
                    Rows.date(m, "startsOn"), Rows.date(m, "endsOn"), freezes, credits));
        }
        return snapshots;
    }

    // A spend counts until the server's ledger row for it has been pulled (then the ledger has it).
    private int pendingCreditsSpent(Session session, MembershipId id, List<PendingOperation> ops) {
        int spent = 0;
        for (PendingOperation op : ops) {
            boolean counts = op.isPending() || op.outcome() == SyncApi.OutcomeStatus.APPLIED;
            if (!counts || !op.effect().consumesCredit() || !id.equals(op.effect().membership())) {
                continue;
            }
            if (op.payload() instanceof OperationPayload.BookSeat b
                    && mirror.find(session, Feed.BOOKING, b.bookingId()).isEmpty()) {
                spent++;
            } else if (op.payload() instanceof OperationPayload.RecordCheckIn c
                    && mirror.find(session, Feed.CHECK_IN, c.checkInId()).isEmpty()) {
                spent++;
            }
        }
        return spent;
    }

    private PlanKind planKind(Session session, Map<String, Object> membership) {
        String kind = Rows.text(membership, "planKind");
        if (kind == null) {
            kind = mirror.find(session, Feed.PLAN, Rows.text(membership, "planId"))
                    .map(plan -> Rows.text(plan, "kind")).orElse(PlanKind.RECURRING_MONTHLY.name());
        }
        return PlanKind.valueOf(kind);
    }
}
