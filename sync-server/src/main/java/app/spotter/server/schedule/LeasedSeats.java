package app.spotter.server.schedule;

import java.time.Instant;
import org.hibernate.Session;

/**
 * Gives the unused seats of expired leases back to a slot. Leases are the sync feature's
 * ({@code seat_lease}, entity {@code SeatLeaseRecord}); their seats are counted on the slot, so
 * whoever holds the slot's row lock releases expired ones before judging a seat: expiry needs no
 * job, and a lease can never hold a seat past its time.
 */
public final class LeasedSeats {

    private LeasedSeats() {
    }

    /** Call with the slot's row lock held. */
    public static void releaseExpired(Session session, TimeSlotRecord slot, Instant now) {
        if (slot.seatsLeased <= 0) {
            return;
        }
        Long unused = session.createSelectionQuery("""
                        select coalesce(sum(l.seats - l.used), 0) from SeatLeaseRecord l
                        where l.slotId = :s and l.returnedAt is null and l.expiresAt <= :now""", Long.class)
                .setParameter("s", slot.id).setParameter("now", now).getSingleResult();
        session.createMutationQuery("""
                        update SeatLeaseRecord l set l.returnedAt = :now
                        where l.slotId = :s and l.returnedAt is null and l.expiresAt <= :now""")
                .setParameter("s", slot.id).setParameter("now", now).executeUpdate();
        slot.seatsLeased = Math.max(0, slot.seatsLeased - unused.intValue());
    }

    /**
     * Releases every lease of the slot, expired or not: a cancelled slot has no seats to escrow, and
     * its leases must not sit in {@code seats_leased} until they expire. The leases are changed one
     * by one (not in bulk) so that desks see them returned in the change feed. Call with the slot's
     * row lock held.
     */
    public static void releaseAll(Session session, TimeSlotRecord slot, Instant now) {
        int unused = 0;
        for (var lease : session.createSelectionQuery(
                        "from SeatLeaseRecord l where l.slotId = :s and l.returnedAt is null order by l.id",
                        app.spotter.server.sync.leases.SeatLeaseRecord.class)
                .setParameter("s", slot.id).getResultList()) {
            // expired but not yet released leases are still counted on the slot, like live ones
            unused += lease.seats - lease.used;
            lease.returnedAt = now;
        }
        slot.seatsLeased = Math.max(0, slot.seatsLeased - unused);
    }
}
