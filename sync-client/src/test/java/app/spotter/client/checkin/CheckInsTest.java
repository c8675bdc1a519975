package app.spotter.client.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.client.outbox.OutboxEntry;
import app.spotter.client.support.LocalDesk;
import app.spotter.model.checkin.CheckInReason;
import app.spotter.model.checkin.MemberQrCodes;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.UserId;
import app.spotter.model.sync.OperationPayload;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CheckInsTest {

    private final LocalDesk local = new LocalDesk();
    private final UserId staff = UserId.random();

    @AfterEach
    void close() {
        local.close();
    }

    private String card(MemberId member, int version) {
        return MemberQrCodes.sign(member, version, local.clock.instant().minus(Duration.ofDays(30)),
                local.cardKeys.getPrivate());
    }

    private List<OutboxEntry> outbox() {
        return local.store.inTransaction(s -> s.createSelectionQuery("from OutboxEntry order by sequence",
                OutboxEntry.class).getResultList());
    }

    @Test
    void aCurrentCardOfAnActiveMemberIsAdmittedAndRecordedAsAFact() {
        MemberId member = local.member("Curie", 1);
        local.membership(member, "RECURRING_MONTHLY", 0);

        CheckInResult result = local.desk.checkIns().byQr(staff, card(member, 1) + "\n");

        assertTrue(result.admitted());
        assertEquals(CheckInReason.OK, result.decision().reason());
        assertNotNull(result.opId());
        OutboxEntry entry = outbox().getFirst();
        assertEquals("CHECK_IN", entry.type);
        assertTrue(entry.payload.contains(result.checkInId().toString()));
    }

    @Test
    void anOlderCardVersionIsRevokedAndTheRefusalRecorded() {
        MemberId member = local.member("Curie", 2);
        local.membership(member, "RECURRING_MONTHLY", 0);

        CheckInResult result = local.desk.checkIns().byQr(staff, card(member, 1));

        assertFalse(result.admitted());
        assertEquals(CheckInReason.QR_REVOKED, result.decision().reason());
        assertEquals(1, outbox().size());
    }

    @Test
    void aForgedCardIsInvalidAndNothingIsRecorded() {
        MemberId member = local.member("Curie", 1);
        String forged = MemberQrCodes.sign(member, 1, local.clock.instant(), MemberQrCodes.newSigningKeys().getPrivate());

        CheckInResult result = local.desk.checkIns().byQr(staff, forged);

        assertEquals(CheckInReason.QR_INVALID, result.decision().reason());
        assertNull(result.opId());
        assertEquals(0, outbox().size());
    }

    @Test
    void aSecondScanInTheSameVisitSeesThePendingAdmission() {
        MemberId member = local.member("Curie", 1);
        local.membership(member, "RECURRING_MONTHLY", 0);
        local.desk.checkIns().byQr(staff, card(member, 1));
        local.clock.advance(Duration.ofMinutes(20));

        CheckInResult again = local.desk.checkIns().byStaff(staff, member);

        assertEquals(CheckInReason.ALREADY_CHECKED_IN, again.decision().reason());
    }

    @Test
    void theLastCreditIsSpentOnceOffline() {
        MemberId member = local.member("Pack", 1);
        var membership = local.membership(member, "CLASS_PACK", 1);

        CheckInResult first = local.desk.checkIns().byStaff(staff, member);
        local.clock.advance(Duration.ofHours(4));
        CheckInResult second = local.desk.checkIns().byStaff(staff, member);

        assertTrue(first.admitted());
        assertTrue(first.decision().consumesCredit());
        assertEquals(membership, first.decision().membership());
        assertEquals(CheckInReason.NO_CREDITS_LEFT, second.decision().reason());
    }

    @Test
    void aFrozenMembershipIsRefusedAtTheDoorAsSoonAsTheFreezeIsQueued() {
        MemberId member = local.member("Frost", 1);
        var membership = local.membership(member, "RECURRING_MONTHLY", 0);
        var today = local.clock.instant().atZone(java.time.ZoneId.of(LocalDesk.ZONE)).toLocalDate();
        local.desk.members().freezeMembership(staff, membership, today, today.plusDays(7));

        CheckInResult result = local.desk.checkIns().byStaff(staff, member);

        assertEquals(CheckInReason.MEMBERSHIP_FROZEN, result.decision().reason());
        var payload = outbox().getLast().payload;
        assertTrue(payload.contains("\"admitted\":false"), payload);
        assertTrue(OperationPayload.RecordCheckIn.class.isRecord());
    }
}
