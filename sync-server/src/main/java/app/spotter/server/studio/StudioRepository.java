package app.spotter.server.studio;

import app.spotter.server.auth.UserAccount;
import app.spotter.server.locations.LocationRecord;
import java.util.UUID;
import org.hibernate.Session;

/** The few lookups the fitness-studio adapter needs of its own. */
public final class StudioRepository {

    /** The gym's first location: where the studio's sessions take place. */
    public LocationRecord firstLocation(Session session) {
        return session.createSelectionQuery("from LocationRecord l order by l.createdAt, l.id", LocationRecord.class)
                .setMaxResults(1).uniqueResult();
    }

    public String userName(Session session, UUID userId) {
        UserAccount u = session.find(UserAccount.class, userId);
        return u == null ? null : u.name;
    }

    public void insert(Session session, Object row) {
        session.persist(row);
    }
}
