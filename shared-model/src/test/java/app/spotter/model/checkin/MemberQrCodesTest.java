package app.spotter.model.checkin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.model.common.MemberId;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MemberQrCodesTest {

    private static final KeyPair GYM_KEYS = MemberQrCodes.newSigningKeys();
    private static final MemberId MEMBER = MemberId.of("3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a5b6c");
    private static final Instant ISSUED = Instant.parse("2026-05-04T10:15:30Z");

    private static String card() {
        return MemberQrCodes.sign(MEMBER, 2, ISSUED, GYM_KEYS.getPrivate());
    }

    @Test
    void aSignedCardVerifiesWithTheGymsPublicKey() {
        assertEquals(Optional.of(new MemberCard(MEMBER, 2, ISSUED)), MemberQrCodes.verify(card(), GYM_KEYS.getPublic()));
    }

    @Test
    void theCodeHasTheDocumentedShape() {
        String code = card();
        String[] parts = code.split("\\.");
        assertEquals(5, parts.length, code);
        assertEquals(List.of("SPOTTER1", MEMBER.toString(), "2", String.valueOf(ISSUED.getEpochSecond())),
                List.of(parts[0], parts[1], parts[2], parts[3]));
        assertTrue(parts[4].matches("[A-Za-z0-9_-]{86}"), parts[4]);
    }

    @Test
    void theNewlineAKeyboardWedgeScannerTypesIsIgnored() {
        assertTrue(MemberQrCodes.verify("  " + card() + "\r\n", GYM_KEYS.getPublic()).isPresent());
    }

    @Test
    void theIssueTimeIsKeptToTheSecond() {
        String code = MemberQrCodes.sign(MEMBER, 0, ISSUED.plusMillis(999), GYM_KEYS.getPrivate());
        assertEquals(ISSUED, MemberQrCodes.verify(code, GYM_KEYS.getPublic()).orElseThrow().issuedAt());
    }

    @Test
    void aCardWithAnotherMembersIdIsRejected() {
        String forged = card().replace(MEMBER.toString(), MemberId.random().toString());
        assertEquals(Optional.empty(), MemberQrCodes.verify(forged, GYM_KEYS.getPublic()));
    }

    @Test
    void aCardWithARaisedVersionIsRejected() {
        String forged = card().replace(".2.", ".3.");
        assertEquals(Optional.empty(), MemberQrCodes.verify(forged, GYM_KEYS.getPublic()));
    }

    @Test
    void aCardWithAnAlteredSignatureIsRejected() {
        String code = card();
        char last = code.charAt(code.length() - 2);
        String forged = code.substring(0, code.length() - 2) + (last == 'A' ? 'B' : 'A') + code.charAt(code.length() - 1);
        assertEquals(Optional.empty(), MemberQrCodes.verify(forged, GYM_KEYS.getPublic()));
    }

    @Test
    void aCardSignedByAnotherGymIsRejected() {
        KeyPair otherGym = MemberQrCodes.newSigningKeys();
        assertEquals(Optional.empty(), MemberQrCodes.verify(card(), otherGym.getPublic()));
    }

    @Test
    void aKeyOfAnotherAlgorithmRejectsRatherThanThrows() throws NoSuchAlgorithmException {
        var ecKey = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();
        assertEquals(Optional.empty(), MemberQrCodes.verify(card(), ecKey));
    }

    @Test
    void garbageIsRejectedWithoutThrowing() {
        String code = card();
        var garbage = new ArrayList<>(List.of("", " ", "\n", "SPOTTER1", "SPOTTER1....", "SPOTTER1.x.1.1.x",
                "https://example.com/join", "12345", code + ".", code + "=", "spotter1" + code.substring(8),
                "SPOTTER2" + code.substring(8), code.replace(".2.", ".-2."), code.replace(".2.", ".02."),
                code.replace(".2.", ".99999999999."), code.replace(MEMBER.toString(), "3f2b8c1e-9d4a-4e6b-8a7c-1d2e3f4a"),
                code.replace(MEMBER.toString(), MEMBER.toString().toUpperCase()),
                code.replace("." + ISSUED.getEpochSecond() + ".", ".9999999999999999999."),
                code.substring(0, code.length() - 1), code.repeat(3), "\u0000".repeat(10), "é".repeat(200)));
        var random = new SplittableRandom(42);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(0, 200)];
            random.nextBytes(bytes);
            garbage.add(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        for (String text : garbage) {
            Optional<MemberCard> card = assertDoesNotThrow(() -> MemberQrCodes.verify(text, GYM_KEYS.getPublic()), text);
            assertEquals(Optional.empty(), card, text);
        }
        assertEquals(Optional.empty(), MemberQrCodes.verify(null, GYM_KEYS.getPublic()));
    }

    @Test
    void keysSurviveTheirTextForm() {
        var publicKey = MemberQrCodes.decodePublicKey(MemberQrCodes.encodePublicKey(GYM_KEYS.getPublic()));
        var privateKey = MemberQrCodes.decodePrivateKey(MemberQrCodes.encodePrivateKey(GYM_KEYS.getPrivate()));
        String code = MemberQrCodes.sign(MEMBER, 7, ISSUED, privateKey);
        assertEquals(7, MemberQrCodes.verify(code, publicKey).orElseThrow().cardVersion());
        assertEquals(7, MemberQrCodes.verify(code, GYM_KEYS.getPublic()).orElseThrow().cardVersion());
    }

    @Test
    void keyTextThatIsNotAKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MemberQrCodes.decodePublicKey("not base64!"));
        assertThrows(IllegalArgumentException.class, () -> MemberQrCodes.decodePublicKey("AAAA"));
        assertThrows(IllegalArgumentException.class, () -> MemberQrCodes.decodePrivateKey("AAAA"));
        String publicText = MemberQrCodes.encodePublicKey(GYM_KEYS.getPublic());
        assertThrows(IllegalArgumentException.class, () -> MemberQrCodes.decodePrivateKey(publicText));
    }

    @Test
    void aNegativeCardVersionCannotBeSigned() {
        assertThrows(IllegalArgumentException.class, () -> MemberQrCodes.sign(MEMBER, -1, ISSUED, GYM_KEYS.getPrivate()));
    }

    @Test
    void onlyTheCurrentCardVersionIsCurrent() {
        var card = new MemberCard(MEMBER, 2, ISSUED);
        assertTrue(card.isCurrent(2));
        assertFalse(card.isCurrent(3));
    }
}
