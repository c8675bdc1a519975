package app.spotter.server.sync.leases;

import app.spotter.model.common.SlotId;
import app.spotter.model.schedule.SlotStatus;
import app.spotter.model.sync.SyncApi;
import app.spotter.server.auth.DeviceCaller;
import app.spotter.server.bookings.WaitlistPromotion;
import app.spotter.server.db.Transactions;
import app.spotter.server.http.ApiException;
import app.spotter.server.schedule.LeasedSeats;
import app.spotter.server.schedule.ScheduleRepository;
import app.spotter.server.schedule.TimeSlotRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Seat escrow: a desk holds a few seats of upcoming slots so that it can confirm bookings while
 * offline. Leased seats count as taken for everybody else (time_slot.seats_leased); unused ones go
 * back when the lease expires (lazily, under the slot lock) or when the desk returns them.
 */
public final class LeaseService {

    public static final int MAX_SEATS_PER_SLOT = 4;
    public static final Duration MAX_LEASE = Duration.ofHours(12);
    public static final Duration HORIZON = Duration.ofDays(7);
    private static final int MAX_SLOTS = 500;

    private final Transactions tx;
    private final ScheduleRepository schedule;
    private final WaitlistPromotion promotion;
    private final Clock clock;

    public LeaseService(Transactions tx, ScheduleRepository schedule, WaitlistPromotion promotion, Clock clock) {
        this.tx = tx;
        this.schedule = schedule;
        this.promotion = promotion;
        this.clock = clock;
    }

    /**
     * Tops the device's unused leased seats up to {@code seatsPerSlot} (capped) on each slot, as far
     * as free seats allow. No slots: every scheduled slot of the device's location in the next 7 days.
     */
    public SyncApi.LeaseGrant lease(DeviceCaller device, SyncApi.LeaseRequest r) {
        if (r.seatsPerSlot() < 1) {
            throw ApiException.validation("seatsPerSlot", "seatsPerSlot must be at least 1");
        }
        int wanted = Math.min(r.seatsPerSlot(), MAX_SEATS_PER_SLOT);
        if (r.slotIds() != null && r.slotIds().size() > MAX_SLOTS) {
            throw ApiException.validation("slotIds", "At most " + MAX_SLOTS + " slots per request");
        }
        return tx.inTransaction(session -> {
            Instant now = clock.instant();
            // Only a front desk sells seats offline: a kiosk or scanner holds none (an empty grant, so its
            // sync round goes on as usual; decision 0013).
            var d = session.find(app.spotter.server.devices.DeviceRecord.class, device.deviceId().value());
            if (d == null || !app.spotter.model.sync.DeviceKind.FRONT_DESK.name().equals(d.kind)) {
                return new SyncApi.LeaseGrant(List.of());
            }
            // Locked in id order, so two desks leasing the same slots never wait on each other in a circle.
            TreeSet<UUID> slotIds = new TreeSet<>();
            if (r.slotIds() == null || r.slotIds().isEmpty()) {
                slotIds.addAll(upcomingSlots(session, device.locationId().value(), now));
            } else {
                for (SlotId id : r.slotIds()) {
                    if (id == null) {
                        throw ApiException.validation("slotIds", "A slot id is missing");
                    }
                    slotIds.add(id.value());
                }
            }
            List<SyncApi.SeatLease> out = new ArrayList<>();
            for (UUID slotId : slotIds) {
                TimeSlotRecord slot = schedule.lockSlot(session, slotId);
                if (slot == null) {
                    throw new ApiException(404, "NOT_FOUND", "Slot " + slotId + " not found", "slotIds");
                }
                LeasedSeats.releaseExpired(session, slot, now);
                if (!SlotStatus.SCHEDULED.name().equals(slot.status) || !slot.startsAt.isAfter(now)) {
                    continue;
                }
                SeatLeaseRecord lease = activeLease(session, device.deviceId().value(), slot.id, now);
                int unused = lease == null ? 0 : lease.seats - lease.used;
                int free = Math.max(0, slot.capacity - slot.seatsTaken - slot.seatsLeased);
                int grant = Math.max(0, Math.min(wanted - unused, free));
                Instant expires = min(slot.startsAt, now.plus(MAX_LEASE));
                if (lease == null && grant > 0) {
                    lease = new SeatLeaseRecord();
                    lease.id = UUID.randomUUID();
                    lease.slotId = slot.id;
                    lease.deviceId = device.deviceId().value();
                    lease.createdAt = now;
                    lease.seats = grant;
                    lease.expiresAt = expires;
                    session.persist(lease);
                } else if (lease != null) {
                    lease.seats += grant;
                    lease.expiresAt = expires;
                }
                slot.seatsLeased += grant;
                if (lease != null) {
                    out.add(view(lease));
                }
            }
            return new SyncApi.LeaseGrant(out);
        });
    }

    /**
     * Gives back the unused seats of the device's leases; the device's remaining leases are answered.
     * A desk calls it when it reconnects, after pushing its outbox (so the bookings it made on a lease
     * offline are counted as used first). Seats that come back go to the slot's waitlist at once, in
     * this transaction, like any other freed seat; the rest are free for whoever books next.
     */
    public SyncApi.LeaseGrant giveBack(DeviceCaller device, SyncApi.LeaseReturn r) {
        if (r.leaseIds() == null) {
            throw ApiException.validation("leaseIds", "leaseIds is required");
        }
        UUID me = device.deviceId().value();
        return tx.inTransaction(session -> {
            Instant now = clock.instant();
            TreeSet<UUID> slotIds = new TreeSet<>();
            for (UUID leaseId : r.leaseIds()) {
                if (leaseId == null) {
                    throw ApiException.validation("leaseIds", "A lease id is missing");
                }
                session.createSelectionQuery("select l.slotId from SeatLeaseRecord l where l.id = :id and l.deviceId = :d",
                                UUID.class)
                        .setParameter("id", leaseId).setParameter("d", me).getResultStream().findFirst()
                        .ifPresent(slotIds::add);
            }
            for (UUID slotId : slotIds) {
                TimeSlotRecord slot = schedule.lockSlot(session, slotId);
                LeasedSeats.releaseExpired(session, slot, now);
                int leasedBefore = slot.seatsLeased;
                for (SeatLeaseRecord lease : session.createSelectionQuery(
                                "from SeatLeaseRecord l where l.slotId = :s and l.deviceId = :d and l.returnedAt is null",
                                SeatLeaseRecord.class)
                        .setParameter("s", slotId).setParameter("d", me).getResultList()) {
                    if (r.leaseIds().contains(lease.id)) {
                        session.refresh(lease);
                        slot.seatsLeased = Math.max(0, slot.seatsLeased - (lease.seats - lease.used));
                        lease.returnedAt = now;
                    }
                }
                if (slot.seatsLeased < leasedBefore) {
                    promotion.fill(session, slot, null, now);
                }
            }
            List<SyncApi.SeatLease> remaining = session.createSelectionQuery("""
                            from SeatLeaseRecord l where l.deviceId = :d and l.returnedAt is null and l.expiresAt > :now
                            order by l.expiresAt, l.id""", SeatLeaseRecord.class)
                    .setParameter("d", me).setParameter("now", now).getResultList().stream().map(LeaseService::view)
                    .toList();
            return new SyncApi.LeaseGrant(remaining);
        });
    }

    private static SeatLeaseRecord activeLease(Session session, UUID device, UUID slotId, Instant now) {
        return session.createSelectionQuery("""
                        from SeatLeaseRecord l where l.deviceId = :d and l.slotId = :s and l.returnedAt is null
                          and l.expiresAt > :now order by l.createdAt, l.id""", SeatLeaseRecord.class)
                .setParameter("d", device).setParameter("s", slotId).setParameter("now", now)
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    private static List<UUID> upcomingSlots(Session session, UUID locationId, Instant now) {
        return session.createSelectionQuery("""
                        select t.id from TimeSlotRecord t join SessionRecord s on s.id = t.sessionId
                        where s.locationId = :loc and t.status = 'SCHEDULED' and t.startsAt > :now and t.startsAt <= :until""",
                        UUID.class)
                .setParameter("loc", locationId).setParameter("now", now).setParameter("until", now.plus(HORIZON))
                .setMaxResults(MAX_SLOTS).getResultList();
    }

    static SyncApi.SeatLease view(SeatLeaseRecord l) {
        return new SyncApi.SeatLease(l.id, new SlotId(l.slotId), new app.spotter.model.common.DeviceId(l.deviceId),
                l.seats, l.used, l.expiresAt);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
