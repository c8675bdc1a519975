package app.spotter.server.plans;

import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/** Hibernate access to plans. */
public final class PlanRepository {

    public PlanRecord find(Session session, UUID id) {
        return session.find(PlanRecord.class, id);
    }

    public List<PlanRecord> all(Session session) {
        return session.createSelectionQuery("from PlanRecord p order by p.active desc, p.name, p.id", PlanRecord.class)
                .getResultList();
    }

    /** The active plan marked as the free trial, if the gym has one. */
    public PlanRecord freeTrial(Session session) {
        return session.createSelectionQuery("from PlanRecord p where p.freeTrial = true and p.active = true"
                        + " order by p.createdAt desc, p.id", PlanRecord.class)
                .setMaxResults(1).uniqueResult();
    }

    /** Every plan marked as the free trial, locked: marking another one unmarks these. */
    public List<PlanRecord> markedFreeTrial(Session session) {
        return session.createSelectionQuery("from PlanRecord p where p.freeTrial = true order by p.id", PlanRecord.class)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    public void insert(Session session, PlanRecord plan) {
        session.persist(plan);
    }
}
