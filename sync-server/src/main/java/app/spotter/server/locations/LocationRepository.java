package app.spotter.server.locations;

import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/** Hibernate access to locations, their rooms and equipment. */
public final class LocationRepository {

    public LocationRecord find(Session session, UUID id) {
        return session.find(LocationRecord.class, id);
    }

    public List<LocationRecord> all(Session session) {
        return session.createSelectionQuery("from LocationRecord l order by l.name, l.id", LocationRecord.class)
                .getResultList();
    }

    public List<RoomRecord> rooms(Session session, UUID locationId) {
        return session.createSelectionQuery("from RoomRecord r where r.locationId = :l order by r.name, r.id", RoomRecord.class)
                .setParameter("l", locationId).getResultList();
    }

    public List<EquipmentRecord> equipment(Session session, UUID locationId) {
        return session.createSelectionQuery("from EquipmentRecord e where e.locationId = :l order by e.name, e.id",
                EquipmentRecord.class).setParameter("l", locationId).getResultList();
    }

    public void insert(Session session, Object record) {
        session.persist(record);
    }
}
