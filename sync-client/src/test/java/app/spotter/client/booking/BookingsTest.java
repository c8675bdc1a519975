package app.spotter.client.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.client.outbox.OutboxEntry;
import app.spotter.client.store.Feed;
import app.spotter.client.support.LocalDesk;
import app.spotter.model.booking.BookingRefusal;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.SlotId;
import app.spotter.model.common.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BookingsTest {

    private final LocalDesk local = new LocalDesk();
    private final UserId staff = UserId.random();
    private final Instant tomorrow = local.clock.instant().plus(Duration.ofDays(1));

    @AfterEach
    void close() {
        local.close();
    }

    private MemberId memberWithUnlimitedPlan() {
        MemberId m = local.member("Lovelace", 1);
        local.membership(m, "RECURRING_MONTHLY", 0);
        return m;
    }

    private long outboxSize() {
        return local.store.inTransaction(s -> s.createSelectionQuery("select count(*) from OutboxEntry", Long.class)
                .getSingleResult());
    }

    @Test
    void aBookingInsideTheDesksLeaseIsConfirmedAtOnceAndCarriesTheLease() {
        SlotId slot = local.slot(tomorrow, 10, 0);
        UUID lease = local.lease(slot, 2, 0, tomorrow);

        BookingResult first = local.desk.bookings().book(staff, slot, memberWithUnlimitedPlan(), false);
        BookingResult second = local.desk.bookings().book(staff, slot, memberWithUnlimitedPlan(), false);
        BookingResult third = local.desk.bookings().book(staff, slot, memberWithUnlimitedPlan(), false);

        assertEquals(BookingResult.State.CONFIRMED, first.state());
        assertEquals(lease, first.leaseId());
        assertEquals(BookingResult.State.CONFIRMED, second.state());
        assertEquals(BookingResult.State.TENTATIVE, third.state(), "the lease held two seats");
        assertNull(third.leaseId());
    }

    @Test
    void anExpiredLeaseConfirmsNothing() {
        SlotId slot = local.slot(tomorrow, 10, 0);
        local.lease(slot, 2, 0, local.clock.instant().minusSeconds(1));

        assertEquals(BookingResult.State.TENTATIVE,
                local.desk.bookings().book(staff, slot, memberWithUnlimitedPlan(), false).state());
    }

    @Test
    void aLocallyRefusedBookingIsAnsweredAndNotQueued() {
        SlotId full = local.slot(tomorrow, 5, 5);
        MemberId member = memberWithUnlimitedPlan();

        BookingResult result = local.desk.bookings().book(staff, full, member, false);

        assertEquals(BookingResult.State.REFUSED, result.state());
        assertEquals(BookingRefusal.SLOT_FULL, result.refusal());
        assertNull(result.opId());
        assertEquals(0, outboxSize());
    }

    @Test
    void aMemberWithoutCreditsIsRefusedCountingPendingBookings() {
        MemberId member = local.member("Pack", 1);
        local.membership(member, "CLASS_PACK", 1);
        SlotId morning = local.slot(tomorrow, 10, 0);
        SlotId evening = local.slot(tomorrow.plus(Duration.ofHours(8)), 10, 0);

        assertEquals(BookingResult.State.TENTATIVE, local.desk.bookings().book(staff, morning, member, false).state());
        BookingResult second = local.desk.bookings().book(staff, evening, member, false);

        assertEquals(BookingRefusal.NO_CREDITS_LEFT, second.refusal(), "the pending booking spent the last credit");
    }

    @Test
    void aPendingBookingShowsAsPendingAndCountsOnTheSlotAndForTheMember() {
        SlotId slot = local.slot(tomorrow, 10, 3);
        MemberId member = memberWithUnlimitedPlan();

        BookingResult result = local.desk.bookings().book(staff, slot, member, false);

        BookingView shown = local.desk.bookings().bookingsOf(member).getFirst();
        assertEquals(result.bookingId(), shown.id());
        assertEquals("TENTATIVE", shown.status());
        assertTrue(shown.pending());
        assertEquals(result.opId(), shown.opId());
        assertEquals(4, local.desk.bookings().slot(slot).orElseThrow().seatsTaken());
        assertEquals(BookingRefusal.ALREADY_BOOKED, local.desk.bookings().book(staff, slot, member, false).refusal());
    }

    @Test
    void pendingBookingsAreLaidAgainOverConfirmedStateAfterAPull() {
        SlotId slot = local.slot(tomorrow, 10, 3);
        MemberId member = memberWithUnlimitedPlan();
        BookingResult result = local.desk.bookings().book(staff, slot, member, false);

        // A pull brings other desks' bookings: the slot now has 7 seats taken.
        local.pulled(Feed.SLOT, slot.toString(), local.slotRow(slot, tomorrow, 10, 7, 0));
        assertEquals(8, local.desk.bookings().slot(slot).orElseThrow().seatsTaken(), "7 confirmed + 1 pending");
        assertTrue(local.desk.bookings().find(result.bookingId()).orElseThrow().pending());

        // The server applied it; the next pull brings the booking itself and the slot with it counted.
        local.store.run(s -> {
            OutboxEntry e = s.find(OutboxEntry.class, result.opId());
            e.status = OutboxEntry.DONE;
            e.outcomeStatus = "APPLIED";
            e.decidedAt = local.clock.instant();
        });
        local.pulled(Feed.BOOKING, result.bookingId().toString(), LocalDesk.row("id", result.bookingId(), "slotId", slot,
                "memberId", member, "status", "BOOKED", "startsAt", tomorrow.toString(),
                "endsAt", tomorrow.plus(Duration.ofHours(1)).toString()));
        local.pulled(Feed.SLOT, slot.toString(), local.slotRow(slot, tomorrow, 10, 8, 0));

        BookingView confirmed = local.desk.bookings().find(result.bookingId()).orElseThrow();
        assertFalse(confirmed.pending());
        assertEquals("BOOKED", confirmed.status());
        assertEquals(8, local.desk.bookings().slot(slot).orElseThrow().seatsTaken(), "counted once, not twice");
        assertEquals(0, local.desk.pendingOperations());
    }

    @Test
    void aRefusalFromTheServerIsShownWithItsConflict() {
        SlotId slot = local.slot(tomorrow, 10, 0);
        MemberId member = memberWithUnlimitedPlan();
        BookingResult result = local.desk.bookings().book(staff, slot, member, false);
        UUID conflict = UUID.randomUUID();
        local.store.run(s -> {
            OutboxEntry e = s.find(OutboxEntry.class, result.opId());
            e.status = OutboxEntry.DONE;
            e.outcomeStatus = "CONFLICT";
            e.reason = "SLOT_FULL";
            e.conflictId = conflict;
            e.decidedAt = local.clock.instant();
        });

        BookingView shown = local.desk.bookings().find(result.bookingId()).orElseThrow();
        assertEquals("REFUSED", shown.status());
        assertEquals("SLOT_FULL", shown.refusal());
        assertEquals(conflict, shown.conflictId());
        assertFalse(shown.pending());
        assertEquals(10, local.desk.bookings().slot(slot).orElseThrow().seatsLeft(), "a refused booking holds no seat");
    }

    @Test
    void aPendingCancelFreesTheSeatOnTheDeskAtOnce() {
        SlotId slot = local.slot(tomorrow, 10, 1);
        MemberId member = memberWithUnlimitedPlan();
        var bookingId = app.spotter.model.common.BookingId.random();
        local.pulled(Feed.BOOKING, bookingId.toString(), LocalDesk.row("id", bookingId, "slotId", slot, "memberId", member,
                "status", "BOOKED", "startsAt", tomorrow.toString(), "endsAt", tomorrow.plus(Duration.ofHours(1)).toString()));

        UUID op = local.desk.bookings().cancel(staff, bookingId);

        BookingView shown = local.desk.bookings().find(bookingId).orElseThrow();
        assertEquals("CANCELLED", shown.status());
        assertTrue(shown.pending());
        assertEquals(op, shown.opId());
        assertEquals(0, local.desk.bookings().slot(slot).orElseThrow().seatsTaken());
        assertEquals(List.of(), local.desk.bookings().bookingsOf(member).stream().filter(BookingView::isActive).toList());
    }

    @Test
    void anAppliedBookingStaysShownUntilAPullHasBroughtItBack() {
        SlotId slot = local.slot(tomorrow, 10, 0);
        MemberId member = memberWithUnlimitedPlan();
        BookingResult result = local.desk.bookings().book(staff, slot, member, false);
        local.store.run(s -> {
            OutboxEntry e = s.find(OutboxEntry.class, result.opId());
            e.status = OutboxEntry.DONE;
            e.outcomeStatus = "APPLIED";
            e.decidedAt = local.clock.instant();
        });

        assertTrue(local.desk.bookings().find(result.bookingId()).orElseThrow().pending(), "pushed, not pulled yet");
        assertEquals(1, local.desk.bookings().slot(slot).orElseThrow().seatsTaken());

        // A pull completed after the outcome: the mirror has what the server did, the overlay lets go.
        local.store.run(s -> s.find(app.spotter.client.store.DeviceState.class,
                app.spotter.client.store.DeviceState.ID).settledSequence = 1);
        assertTrue(local.desk.bookings().find(result.bookingId()).isEmpty());
    }
}
