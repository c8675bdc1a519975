package app.spotter.server.memberships;

import app.spotter.model.api.MembershipsApi.ChangePlanRequest;
import app.spotter.model.api.MembershipsApi.CreditAdjustment;
import app.spotter.model.api.MembershipsApi.CreditEntry;
import app.spotter.model.api.MembershipsApi.CreditLedger;
import app.spotter.model.api.MembershipsApi.FreezeRequest;
import app.spotter.model.api.MembershipsApi.Membership;
import app.spotter.model.api.MembershipsApi.NewMembership;
import app.spotter.model.api.MembershipsApi.PlanChange;
import app.spotter.model.api.MembershipsApi.UnfreezeRequest;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.MembershipId;
import app.spotter.model.common.PlanId;
import app.spotter.model.membership.FreezePeriod;
import app.spotter.model.membership.MembershipRules;
import app.spotter.model.membership.MembershipSnapshot;
import app.spotter.model.membership.MembershipStatus;
import app.spotter.model.membership.PlanKind;
import app.spotter.model.sync.VersionVector;
import app.spotter.server.audit.AuditLog;
import app.spotter.server.auth.Caller;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import app.spotter.server.locations.LocationRecord;
import app.spotter.server.members.MemberRecord;
import app.spotter.server.members.MemberVisibility;
import app.spotter.server.members.MemberService;
import app.spotter.server.plans.PlanRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Members on plans: assigning, freezing, cancelling, changing plan, and the credit ledger.
 *
 * <p>"Today" is the day in the member's home location's zone (the server clock's zone when the
 * member has none). A scheduled plan change takes effect lazily: the first read or change of the
 * membership on or after its day applies it ({@link #applyDueChanges}). A null caller is the
 * system (demo data): it may do everything and its audit entries have no actor.
 */
public final class MembershipService {

    /** Reason of the ledger entry when a credit plan is sold. */
    public static final String PURCHASE = "PURCHASE";
    /** Reason of the ledger entry when a change to a credit plan takes effect. */
    public static final String PLAN_CHANGE = "PLAN_CHANGE";
    static final int MAX_FREEZE_DAYS = 90;
    private static final int MAX_ADJUSTMENT = 1000;

    private final Transactions tx;
    private final MembershipRepository memberships;
    private final AuditLog audit;
    private final Clock clock;

    public MembershipService(Transactions tx, MembershipRepository memberships, AuditLog audit, Clock clock) {
        this.tx = tx;
        this.memberships = memberships;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the audit log keeps of a membership. */
    record MembershipAudit(UUID memberId, UUID planId, String status, LocalDate startsOn, LocalDate endsOn,
                           Instant cancelledAt, String versionVector) {
        static MembershipAudit of(MembershipRecord m) {
            return new MembershipAudit(m.memberId, m.planId, m.status, m.startsOn, m.endsOn, m.cancelledAt, m.versionVector);
        }
    }

    /** Puts a member on a plan: ACTIVE (TRIAL for trials), its period from the plan, and the pack's credits. */
    public Membership assign(Caller caller, MemberId memberId, NewMembership r, ZoneId zone) {
        return assign(caller, memberId, MembershipId.random(), r, zone);
    }

    /** {@link #assign} under an id a desk minted, so its optimistic membership and the server's are one row. */
    public Membership assign(Caller caller, MemberId memberId, MembershipId id, NewMembership r, ZoneId zone) {
        if (r.planId() == null) {
            throw ApiException.validation("planId", "The plan is required");
        }
        return tx.inTransaction(session -> {
            if (session.find(MemberRecord.class, memberId.value()) == null) {
                throw ApiException.notFound("Member");
            }
            PlanRecord plan = requirePlan(session, r.planId());
            LocalDate startsOn = r.startsOn() != null ? r.startsOn() : today(session, memberId.value());
            PlanKind kind = PlanKind.valueOf(plan.kind);
            MembershipRecord m = new MembershipRecord();
            m.id = id.value();
            m.memberId = memberId.value();
            m.planId = plan.id;
            m.status = (kind == PlanKind.TRIAL ? MembershipStatus.TRIAL : MembershipStatus.ACTIVE).name();
            m.startsOn = startsOn;
            m.endsOn = periodEnd(plan, startsOn);
            m.versionVector = VersionVector.empty().increment(MemberService.SERVER_NODE).encode();
            m.createdAt = clock.instant();
            memberships.insert(session, m);
            if (kind.usesCredits()) {
                credit(session, m.id, plan.credits, PURCHASE);
            }
            audit.record(session, caller, "MEMBERSHIP_ASSIGNED", "Membership", m.id, null, MembershipAudit.of(m));
            return view(session, m, zone);
        });
    }

    /** A member's memberships with credits and standing today. Staff who see the member, or the member. */
    public List<Membership> ofMember(Caller caller, MemberId memberId, ZoneId zone) {
        return tx.inTransaction(session -> {
            requireReader(session, caller, memberId.value());
            if (session.find(MemberRecord.class, memberId.value()) == null) {
                throw ApiException.notFound("Member");
            }
            applyDueChanges(session, memberId);
            return memberships.ofMember(session, memberId.value()).stream().map(m -> view(session, m, zone)).toList();
        });
    }

    public Membership get(Caller caller, MembershipId id, ZoneId zone) {
        return tx.inTransaction(session -> {
            MembershipRecord m = require(session, id);
            requireReader(session, caller, m.memberId);
            applyDueChanges(session, m, today(session, m.memberId), false);
            return view(session, m, zone);
        });
    }

    /** Freezes the membership for the days given (at most 90, no overlap); its end moves by as many days. */
    public Membership freeze(Caller caller, MembershipId id, FreezeRequest r, ZoneId zone) {
        if (r.from() == null) {
            throw ApiException.validation("from", "The first frozen day is required");
        }
        if (r.to() == null) {
            throw ApiException.validation("to", "The last frozen day is required");
        }
        if (r.to().isBefore(r.from())) {
            throw ApiException.validation("to", "The last frozen day must be on or after the first");
        }
        long days = ChronoUnit.DAYS.between(r.from(), r.to()) + 1;
        if (days > MAX_FREEZE_DAYS) {
            throw new ApiException(422, "FREEZE_TOO_LONG", "A freeze lasts at most " + MAX_FREEZE_DAYS + " days", "to");
        }
        return change(caller, id, zone, "MEMBERSHIP_FROZEN", (session, m) -> {
            requireNotEnded(m);
            if (r.from().isBefore(m.startsOn) || (m.endsOn != null && r.from().isAfter(m.endsOn))) {
                throw new ApiException(422, "FREEZE_OUTSIDE_MEMBERSHIP",
                        "A freeze must start within the membership (" + m.startsOn + " .. "
                                + (m.endsOn == null ? "open" : m.endsOn) + ")", "from");
            }
            FreezePeriod wanted = new FreezePeriod(r.from(), r.to());
            for (MembershipFreezeRecord f : memberships.freezesOf(session, m.id)) {
                if (!f.startsOn.isAfter(wanted.to()) && !f.endsOn.isBefore(wanted.from())) {
                    throw new ApiException(409, "FREEZE_OVERLAPS",
                            "The membership is already frozen from " + f.startsOn + " to " + f.endsOn, "from");
                }
            }
            MembershipFreezeRecord f = new MembershipFreezeRecord();
            f.id = UUID.randomUUID();
            f.membershipId = m.id;
            f.startsOn = r.from();
            f.endsOn = r.to();
            f.createdAt = clock.instant();
            memberships.insert(session, f);
            if (m.endsOn != null) {
                m.endsOn = m.endsOn.plusDays(days);
            }
        });
    }

    /** Ends the freeze covering the day (default today) on the day before; the end of the membership moves back. */
    public Membership unfreeze(Caller caller, MembershipId id, UnfreezeRequest r, ZoneId zone) {
        return change(caller, id, zone, "MEMBERSHIP_UNFROZEN", (session, m) -> {
            LocalDate on = r != null && r.on() != null ? r.on() : today(session, m.memberId);
            MembershipFreezeRecord covering = memberships.freezesOf(session, m.id).stream()
                    .filter(f -> new FreezePeriod(f.startsOn, f.endsOn).covers(on))
                    .findFirst()
                    .orElseThrow(() -> new ApiException(409, "NOT_FROZEN", "The membership is not frozen on " + on, "on"));
            long released = ChronoUnit.DAYS.between(on, covering.endsOn) + 1;
            if (on.equals(covering.startsOn)) {
                session.remove(covering);
            } else {
                covering.endsOn = on.minusDays(1);
            }
            if (m.endsOn != null) {
                m.endsOn = m.endsOn.minusDays(released);
            }
        });
    }

    public Membership cancel(Caller caller, MembershipId id, ZoneId zone) {
        return change(caller, id, zone, "MEMBERSHIP_CANCELLED", (session, m) -> {
            if (MembershipStatus.valueOf(m.status) == MembershipStatus.CANCELLED) {
                throw ApiException.conflict("MEMBERSHIP_CANCELLED", "The membership is already cancelled");
            }
            m.status = MembershipStatus.CANCELLED.name();
            m.cancelledAt = clock.instant();
        });
    }

    /**
     * Schedules an upgrade or downgrade for a day (default today); a change not yet in effect is
     * replaced. It takes effect at the first read on or after that day.
     */
    public Membership changePlan(Caller caller, MembershipId id, ChangePlanRequest r, ZoneId zone) {
        if (r.planId() == null) {
            throw ApiException.validation("planId", "The new plan is required");
        }
        return change(caller, id, zone, "MEMBERSHIP_CHANGE_SCHEDULED", (session, m) -> {
            requireNotEnded(m);
            LocalDate today = today(session, m.memberId);
            LocalDate effectiveOn = r.effectiveOn() != null ? r.effectiveOn() : today;
            if (effectiveOn.isBefore(today)) {
                throw ApiException.validation("effectiveOn", "A plan change takes effect today or later");
            }
            PlanRecord plan = requirePlan(session, r.planId());
            if (plan.id.equals(m.planId)) {
                throw new ApiException(422, "SAME_PLAN", "The membership is already on this plan", "planId");
            }
            memberships.dropPendingChanges(session, m.id);
            MembershipChangeRecord c = new MembershipChangeRecord();
            c.id = UUID.randomUUID();
            c.membershipId = m.id;
            c.fromPlanId = m.planId;
            c.toPlanId = plan.id;
            c.effectiveOn = effectiveOn;
            c.createdAt = clock.instant();
            memberships.insert(session, c);
        });
    }

    /** The ledger of a membership and its balance. Staff who see the member, or the member. */
    public CreditLedger credits(Caller caller, MembershipId id, ZoneId zone) {
        return tx.inTransaction(session -> {
            MembershipRecord m = require(session, id);
            requireReader(session, caller, m.memberId);
            applyDueChanges(session, m, today(session, m.memberId), false);
            return ledger(session, m, zone);
        });
    }

    /** A manual correction of credits by staff, with its reason; the balance may not go below zero. */
    public CreditLedger adjustCredits(Caller caller, MembershipId id, CreditAdjustment r, ZoneId zone) {
        if (r.delta() == null || r.delta() == 0 || Math.abs(r.delta()) > MAX_ADJUSTMENT) {
            throw ApiException.validation("delta", "A non-zero number of credits between -" + MAX_ADJUSTMENT + " and "
                    + MAX_ADJUSTMENT + " is required");
        }
        if (r.reason() == null || r.reason().isBlank() || r.reason().strip().length() > 40) {
            throw ApiException.validation("reason", "A reason is required (at most 40 characters)");
        }
        return tx.inTransaction(session -> {
            MembershipRecord m = lock(session, id);
            applyDueChanges(session, m, today(session, m.memberId), true);
            PlanRecord plan = session.find(PlanRecord.class, m.planId);
            if (!PlanKind.valueOf(plan.kind).usesCredits()) {
                throw new ApiException(422, "NOT_A_CREDIT_PLAN", "This membership has unlimited visits, not credits");
            }
            int before = memberships.creditBalance(session, m.id);
            if (before + r.delta() < 0) {
                throw new ApiException(422, "CREDITS_BELOW_ZERO", "Only " + before + " credits are left", "delta");
            }
            credit(session, m.id, r.delta(), r.reason().strip());
            audit.record(session, caller, "CREDITS_ADJUSTED", "Membership", m.id, new CreditsAudit(before, null),
                    new CreditsAudit(before + r.delta(), r.reason().strip()));
            return ledger(session, m, zone);
        });
    }

    record CreditsAudit(int balance, String reason) {
    }

    /** The snapshots the shared rules decide on, with due plan changes applied first. */
    public List<app.spotter.model.membership.MembershipSnapshot> currentSnapshots(Session session, MemberId memberId) {
        applyDueChanges(session, memberId);
        return memberships.snapshots(session, memberId);
    }

    /** Applies the due plan changes of every membership of the member; for callers that read snapshots next. */
    public void applyDueChanges(Session session, MemberId memberId) {
        LocalDate today = today(session, memberId.value());
        for (MembershipRecord m : memberships.ofMember(session, memberId.value())) {
            applyDueChanges(session, m, today, false);
        }
    }

    /**
     * The one place where a scheduled plan change takes effect: the plan switches, the period runs
     * from the change's day on the new plan (plus later freezes), a credit plan gets its credits,
     * and the change gets its {@code appliedAt}. The membership row is locked first, so two
     * concurrent readers never apply a change twice.
     */
    private void applyDueChanges(Session session, MembershipRecord m, LocalDate today, boolean alreadyLocked) {
        if (!memberships.hasDueChange(session, m.id, today)) {
            return;
        }
        if (!alreadyLocked) {
            // an unlocked read may be stale: reload it under the lock (it has no unsaved edits to lose)
            session.refresh(m, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        }
        for (MembershipChangeRecord c : memberships.dueChanges(session, m.id, today)) {
            MembershipAudit before = MembershipAudit.of(m);
            PlanRecord plan = session.find(PlanRecord.class, c.toPlanId);
            m.planId = plan.id;
            LocalDate end = periodEnd(plan, c.effectiveOn);
            if (end != null) {
                for (MembershipFreezeRecord f : memberships.freezesOf(session, m.id)) {
                    if (!f.startsOn.isBefore(c.effectiveOn)) {
                        end = end.plusDays(ChronoUnit.DAYS.between(f.startsOn, f.endsOn) + 1);
                    }
                }
            }
            m.endsOn = end;
            PlanKind kind = PlanKind.valueOf(plan.kind);
            if (MembershipStatus.valueOf(m.status) == MembershipStatus.TRIAL && kind != PlanKind.TRIAL) {
                m.status = MembershipStatus.ACTIVE.name();
            }
            if (kind.usesCredits()) {
                credit(session, m.id, plan.credits, PLAN_CHANGE);
            }
            c.appliedAt = clock.instant();
            m.versionVector = VersionVector.parse(m.versionVector).increment(MemberService.SERVER_NODE).encode();
            audit.record(session, (Caller) null, "MEMBERSHIP_PLAN_CHANGED", "Membership", m.id, before,
                    MembershipAudit.of(m));
        }
    }

    private interface Change {
        void apply(Session session, MembershipRecord m);
    }

    /** Locks the membership, brings due plan changes in, applies the change, bumps the version and audits it. */
    private Membership change(Caller caller, MembershipId id, ZoneId zone, String action, Change change) {
        return tx.inTransaction(session -> {
            MembershipRecord m = lock(session, id);
            applyDueChanges(session, m, today(session, m.memberId), true);
            MembershipAudit before = MembershipAudit.of(m);
            change.apply(session, m);
            m.versionVector = VersionVector.parse(m.versionVector).increment(MemberService.SERVER_NODE).encode();
            audit.record(session, caller, action, "Membership", m.id, before, MembershipAudit.of(m));
            applyDueChanges(session, m, today(session, m.memberId), true);
            return view(session, m, zone);
        });
    }

    /** The last day of a period starting on {@code startsOn}, or null when it runs until used up or cancelled. */
    static LocalDate periodEnd(PlanRecord plan, LocalDate startsOn) {
        return app.spotter.model.membership.MembershipRules.periodEnd(PlanKind.valueOf(plan.kind), plan.durationDays, startsOn);
    }

    private void credit(Session session, UUID membershipId, int delta, String reason) {
        CreditEntryRecord e = new CreditEntryRecord();
        e.id = UUID.randomUUID();
        e.membershipId = membershipId;
        e.delta = delta;
        e.reason = reason;
        e.createdAt = clock.instant();
        memberships.addCredit(session, e);
    }

    /** Today in the member's home location's zone, else in the server clock's zone. */
    private LocalDate today(Session session, UUID memberId) {
        MemberRecord member = session.find(MemberRecord.class, memberId);
        ZoneId zone = clock.getZone();
        if (member != null && member.homeLocationId != null) {
            LocationRecord home = session.find(LocationRecord.class, member.homeLocationId);
            if (home != null) {
                zone = ZoneId.of(home.zoneId);
            }
        }
        return LocalDate.now(clock.withZone(zone));
    }

    /** Need to know: the member's own, or a member the caller sees ({@link MemberVisibility}). */
    private static void requireReader(Session session, Caller caller, UUID memberId) {
        MemberVisibility.require(session, caller, memberId);
    }

    private static void requireNotEnded(MembershipRecord m) {
        switch (MembershipStatus.valueOf(m.status)) {
            case CANCELLED -> throw ApiException.conflict("MEMBERSHIP_CANCELLED", "The membership is cancelled");
            case EXPIRED -> throw ApiException.conflict("MEMBERSHIP_EXPIRED", "The membership has expired");
            default -> {
            }
        }
    }

    private MembershipRecord require(Session session, MembershipId id) {
        MembershipRecord m = memberships.find(session, id.value());
        if (m == null) {
            throw ApiException.notFound("Membership");
        }
        return m;
    }

    private MembershipRecord lock(Session session, MembershipId id) {
        MembershipRecord m = memberships.lock(session, id.value());
        if (m == null) {
            throw ApiException.notFound("Membership");
        }
        return m;
    }

    private static PlanRecord requirePlan(Session session, PlanId id) {
        PlanRecord plan = session.find(PlanRecord.class, id.value());
        if (plan == null) {
            throw new ApiException(404, "NOT_FOUND", "Plan not found", "planId");
        }
        if (!plan.active) {
            throw new ApiException(409, "PLAN_INACTIVE", "The plan '" + plan.name + "' is no longer sold", "planId");
        }
        return plan;
    }

    private Membership view(Session session, MembershipRecord m, ZoneId zone) {
        PlanRecord plan = session.find(PlanRecord.class, m.planId);
        PlanKind kind = PlanKind.valueOf(plan.kind);
        List<FreezePeriod> freezes = memberships.freezesOf(session, m.id).stream()
                .map(f -> new FreezePeriod(f.startsOn, f.endsOn)).toList();
        Integer credits = kind.usesCredits() ? memberships.creditBalance(session, m.id) : null;
        MembershipSnapshot snapshot = new MembershipSnapshot(new MembershipId(m.id), new MemberId(m.memberId), kind,
                MembershipStatus.valueOf(m.status), m.startsOn, m.endsOn, freezes, credits);
        List<PlanChange> changes = memberships.changesOf(session, m.id).stream()
                .map(c -> new PlanChange(new PlanId(c.fromPlanId), new PlanId(c.toPlanId), c.effectiveOn, at(c.appliedAt, zone)))
                .toList();
        return new Membership(snapshot.id(), snapshot.memberId(), new PlanId(plan.id), plan.name, kind, snapshot.status(),
                m.startsOn, m.endsOn, freezes, credits, MembershipRules.standingOn(snapshot, today(session, m.memberId)),
                at(m.cancelledAt, zone), changes);
    }

    private CreditLedger ledger(Session session, MembershipRecord m, ZoneId zone) {
        List<CreditEntry> entries = memberships.ledger(session, m.id).stream()
                .map(e -> new CreditEntry(e.delta, e.reason, e.bookingId == null ? null : e.bookingId.toString(),
                        e.checkInId == null ? null : e.checkInId.toString(), at(e.createdAt, zone)))
                .toList();
        return new CreditLedger(new MembershipId(m.id), memberships.creditBalance(session, m.id), entries);
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
