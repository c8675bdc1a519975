package app.spotter.server.memberships;

import app.spotter.model.common.MemberId;
import app.spotter.model.common.MembershipId;
import app.spotter.model.membership.FreezePeriod;
import app.spotter.model.membership.MembershipSnapshot;
import app.spotter.model.membership.MembershipStatus;
import app.spotter.model.membership.PlanKind;
import app.spotter.server.plans.PlanRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/** Hibernate access to memberships, their freezes and the credit ledger. */
public final class MembershipRepository {

    public MembershipRecord find(Session session, UUID id) {
        return session.find(MembershipRecord.class, id);
    }

    /** The membership, its row locked until the transaction ends: changes to one membership queue up. */
    public MembershipRecord lock(Session session, UUID id) {
        return session.find(MembershipRecord.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    }

    public void insert(Session session, Object record) {
        session.persist(record);
    }

    public List<MembershipChangeRecord> changesOf(Session session, UUID membershipId) {
        return session.createSelectionQuery(
                        "from MembershipChangeRecord c where c.membershipId = :m order by c.effectiveOn, c.createdAt, c.id",
                        MembershipChangeRecord.class)
                .setParameter("m", membershipId).getResultList();
    }

    /** Whether a plan change of the membership is due on that day and not applied yet. */
    public boolean hasDueChange(Session session, UUID membershipId, LocalDate day) {
        return session.createSelectionQuery("""
                        select count(c) from MembershipChangeRecord c
                        where c.membershipId = :m and c.appliedAt is null and c.effectiveOn <= :d""", Long.class)
                .setParameter("m", membershipId).setParameter("d", day).getSingleResult() > 0;
    }

    /** The due, unapplied plan changes, oldest first; read only after the membership is locked. */
    public List<MembershipChangeRecord> dueChanges(Session session, UUID membershipId, LocalDate day) {
        return session.createSelectionQuery("""
                        from MembershipChangeRecord c
                        where c.membershipId = :m and c.appliedAt is null and c.effectiveOn <= :d
                        order by c.effectiveOn, c.createdAt, c.id""", MembershipChangeRecord.class)
                .setParameter("m", membershipId).setParameter("d", day).getResultList();
    }

    /** Drops plan changes that were scheduled but have not taken effect (a newer decision replaces them). */
    public void dropPendingChanges(Session session, UUID membershipId) {
        session.createMutationQuery("delete from MembershipChangeRecord c where c.membershipId = :m and c.appliedAt is null")
                .setParameter("m", membershipId).executeUpdate();
    }

    public List<MembershipRecord> ofMember(Session session, UUID memberId) {
        return session.createSelectionQuery("from MembershipRecord m where m.memberId = :m order by m.startsOn, m.id",
                MembershipRecord.class).setParameter("m", memberId).getResultList();
    }

    public List<MembershipFreezeRecord> freezesOf(Session session, UUID membershipId) {
        return session.createSelectionQuery(
                        "from MembershipFreezeRecord f where f.membershipId = :m order by f.startsOn", MembershipFreezeRecord.class)
                .setParameter("m", membershipId).getResultList();
    }

    public int creditBalance(Session session, UUID membershipId) {
        Long sum = session.createSelectionQuery(
                        "select coalesce(sum(c.delta), 0) from CreditEntryRecord c where c.membershipId = :m", Long.class)
                .setParameter("m", membershipId).getSingleResult();
        return sum == null ? 0 : sum.intValue();
    }

    public List<CreditEntryRecord> ledger(Session session, UUID membershipId) {
        return session.createSelectionQuery(
                        "from CreditEntryRecord c where c.membershipId = :m order by c.createdAt, c.id", CreditEntryRecord.class)
                .setParameter("m", membershipId).getResultList();
    }

    public void addCredit(Session session, CreditEntryRecord entry) {
        session.persist(entry);
    }

    /**
     * What the shared rules need to know about a member's memberships: plan kind, status, period,
     * freezes and (for credit plans) the ledger balance.
     */
    public List<MembershipSnapshot> snapshots(Session session, MemberId member) {
        List<MembershipRecord> memberships = ofMember(session, member.value());
        if (memberships.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = memberships.stream().map(m -> m.id).toList();
        Map<UUID, List<FreezePeriod>> freezes = new HashMap<>();
        session.createSelectionQuery("from MembershipFreezeRecord f where f.membershipId in :ids", MembershipFreezeRecord.class)
                .setParameter("ids", ids).getResultList()
                .forEach(f -> freezes.computeIfAbsent(f.membershipId, k -> new ArrayList<>())
                        .add(new FreezePeriod(f.startsOn, f.endsOn)));
        Map<UUID, Long> balances = new HashMap<>();
        session.createSelectionQuery("select c.membershipId, sum(c.delta) from CreditEntryRecord c where c.membershipId in :ids group by c.membershipId",
                        Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(row -> balances.put((UUID) row[0], ((Number) row[1]).longValue()));
        List<MembershipSnapshot> out = new ArrayList<>();
        for (MembershipRecord m : memberships) {
            PlanRecord plan = session.find(PlanRecord.class, m.planId);
            PlanKind kind = PlanKind.valueOf(plan.kind);
            Integer credits = kind.usesCredits() ? balances.getOrDefault(m.id, 0L).intValue() : null;
            out.add(new MembershipSnapshot(new MembershipId(m.id), member, kind, MembershipStatus.valueOf(m.status),
                    m.startsOn, m.endsOn, freezes.getOrDefault(m.id, List.of()), credits));
        }
        return out;
    }
}
