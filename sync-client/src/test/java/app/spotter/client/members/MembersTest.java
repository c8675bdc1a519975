package app.spotter.client.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.client.outbox.OutboxEntry;
import app.spotter.client.support.LocalDesk;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.UserId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MembersTest {

    private final LocalDesk local = new LocalDesk();
    private final UserId staff = UserId.random();

    @AfterEach
    void close() {
        local.close();
    }

    @Test
    void aMemberSignedUpHereIsFoundAtOnceMarkedPending() {
        MemberId id = local.desk.members().register(staff, new NewMember("Emmy", "Noether", null, null, null));

        MemberView shown = local.desk.members().search("noe", 10).getFirst();
        assertEquals(id, shown.id());
        assertTrue(shown.pending());
        assertNull(shown.memberNumber(), "the number comes from the server");
    }

    @Test
    void anEditCarriesTheVersionTheDeskSawAndShowsPending() {
        MemberId id = local.member("Hopper", 1);

        local.desk.members().edit(staff, id, Map.of("phone", "+49 30 1234"));

        MemberView shown = local.desk.members().find(id).orElseThrow();
        assertEquals("+49 30 1234", shown.phone());
        assertTrue(shown.pending());
        OutboxEntry entry = local.store.inTransaction(s -> s.createSelectionQuery("from OutboxEntry", OutboxEntry.class)
                .getSingleResult());
        assertEquals("{\"" + id + "\":\"server=1\"}", entry.readVersions);
    }

    @Test
    void theDeskMintsTheMemberAndOperationIdsFromItsIdSource() {
        java.util.Iterator<java.util.UUID> next = java.util.stream.Stream.iterate(1L, i -> i + 1)
                .map(i -> new java.util.UUID(0x4000L, i)).iterator();
        try (LocalDesk seeded = new LocalDesk(next::next)) {
            MemberId id = seeded.desk.members().register(staff, new NewMember("Emmy", "Noether", null, null, null));

            assertEquals(new java.util.UUID(0x4000L, 1), id.value());
            OutboxEntry entry = seeded.store.inTransaction(s -> s.createSelectionQuery("from OutboxEntry",
                    OutboxEntry.class).getSingleResult());
            assertEquals(new java.util.UUID(0x4000L, 2), entry.opId, "the operation id is the next one");
        }
    }

    @Test
    void aConfirmedMemberWithoutPendingChangesIsNotPending() {
        MemberId id = local.member("Hopper", 1);
        assertFalse(local.desk.members().find(id).orElseThrow().pending());
        assertEquals("Hopper", local.desk.members().byNumber(local.desk.members().find(id).orElseThrow().memberNumber())
                .orElseThrow().lastName());
    }

    @Test
    void findAMemberMatchesEveryWordInNamesNumberPhoneAndEmailAnyCase() {
        MemberId hopper = local.member("Hopper", 1);
        MemberId lovelace = local.member("Lovelace", 1);
        MemberId pending = local.desk.members().register(staff, new NewMember("Emmy", "Noether", "emmy@math.test",
                "+49 551 39 0", null));

        assertEquals(java.util.List.of(hopper, lovelace), ids("ada"), "first name, both pulled members, by last name");
        assertEquals(java.util.List.of(lovelace), ids("LOVE ada"), "every word, any order and case");
        assertEquals(java.util.List.of(pending), ids("noether"), "a pending sign-up too");
        assertEquals(java.util.List.of(pending), ids("4955139"), "the phone's digits");
        assertEquals(java.util.List.of(pending), ids("math.test"), "the e-mail");
        assertEquals(java.util.List.of(), ids("ada noether"));
        assertEquals(java.util.List.of(), ids("100%"), "LIKE wildcards are plain text");
    }

    private java.util.List<MemberId> ids(String text) {
        return local.desk.members().matching(text, 10).stream().map(MemberView::id).toList();
    }
}
