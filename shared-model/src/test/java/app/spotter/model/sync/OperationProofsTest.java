package app.spotter.model.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.common.DeviceId;
import app.spotter.model.common.MemberId;
import app.spotter.model.common.UserId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one canonical text desks sign and the server checks (decision 0013). */
class OperationProofsTest {

    private static final DeviceId DESK = new DeviceId(UUID.fromString("00000000-0000-0000-0000-00000000000d"));
    private static final UserId STAFF = new UserId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final MemberId MEMBER = new MemberId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private static SyncApi.Operation edit(Map<String, String> changes) {
        return new SyncApi.Operation(UUID.fromString("00000000-0000-0000-0000-000000000001"), 7,
                OperationType.EDIT_MEMBER, new HlcTimestamp(1_765_155_600_000L, 0, DESK.toString()), STAFF, Map.of(),
                new OperationPayload.EditMember(MEMBER, changes));
    }

    @Test
    void theTextCoversEveryPartAndMapsInKeyOrder() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("lastName", "Lee");
        one.put("firstName", "Ada");
        String text = OperationProofs.canonicalText(DESK, edit(one));
        assertEquals("spotter-op-v1|device=v36:00000000-0000-0000-0000-00000000000d"
                + "|opId=v36:00000000-0000-0000-0000-000000000001|sequence=7|type=EDIT_MEMBER"
                + "|hlc=HlcTimestamp{wallMillis=v13:1765155600000,counter=v1:0,node=s36:00000000-0000-0000-0000-00000000000d}"
                + "|actor=v36:00000000-0000-0000-0000-00000000000a|readVersions=null"
                + "|payload=EditMember{memberId=MemberId{value=v36:00000000-0000-0000-0000-00000000000b},"
                + "changes=map2{s9:firstName=s3:Ada;s8:lastName=s3:Lee;}}", text);
        assertEquals(text, OperationProofs.canonicalText(DESK, edit(new TreeMap<>(one))), "the map's order does not matter");
    }

    @Test
    void aSignatureHoldsForItsOperationOnlyOnItsDevice() {
        SyncApi.Operation op = edit(Map.of("firstName", "Ada"));
        SyncApi.ActorProof proof = OperationProofs.prove(UUID.randomUUID(), KEY, DESK, op);
        byte[] key = Base64.getDecoder().decode(KEY);
        assertTrue(OperationProofs.verifies(key, OperationProofs.canonicalText(DESK, op), proof.signature()));
        assertFalse(OperationProofs.verifies(key, OperationProofs.canonicalText(DESK, edit(Map.of("firstName", "Eve"))),
                proof.signature()), "a changed payload");
        assertFalse(OperationProofs.verifies(key, OperationProofs.canonicalText(new DeviceId(UUID.randomUUID()), op),
                proof.signature()), "another device");
        assertFalse(OperationProofs.verifies(key, OperationProofs.canonicalText(DESK, op), "not base64!"));
        assertEquals(OperationProofs.canonicalText(DESK, op), OperationProofs.canonicalText(DESK,
                OperationProofs.withProof(op, proof)), "the proof is not part of what it signs");
    }

    @Test
    void stringsCannotShiftABoundary() {
        assertNotEquals(OperationProofs.canonicalText(DESK, edit(Map.of("a", "b,c=d"))),
                OperationProofs.canonicalText(DESK, edit(Map.of("a", "b", "c", "d"))));
    }
}
