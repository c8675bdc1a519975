package app.spotter.client.store;

import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/**
 * The desk's list of leases it is giving back (table {@code lease_return}). A listed lease confirms
 * no more bookings here ({@code Bookings}), so the server may return its unused seats without a
 * booking arriving later on it. Methods take the caller's Session.
 */
public final class LeaseReturns {

    private LeaseReturns() {
    }

    public static boolean listed(Session session, String leaseId) {
        return session.createNativeQuery("select count(*) from lease_return where lease_id = :id", Long.class)
                .setParameter("id", leaseId).getSingleResult() > 0;
    }

    public static void list(Session session, String leaseId, Instant now) {
        session.createNativeMutationQuery("insert into lease_return (lease_id, listed_at) values (:id, :at)")
                .setParameter("id", leaseId).setParameter("at", now).executeUpdate();
    }

    public static List<String> all(Session session) {
        return session.createNativeQuery("select lease_id from lease_return order by lease_id", String.class)
                .getResultList();
    }

    public static void forget(Session session, String leaseId) {
        session.createNativeMutationQuery("delete from lease_return where lease_id = :id")
                .setParameter("id", leaseId).executeUpdate();
    }
}
