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

    public void insert(Session session, PlanRecord plan) {
        session.persist(plan);
    }
}
